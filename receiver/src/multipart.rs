//! `multipart/form-data` (RFC 7578) over a body already in memory: what a browser's
//! `FormData` sends. Small on purpose: parts with `Content-Disposition: form-data`,
//! an optional `Content-Type`, and their bytes.

use crate::http::percent_decode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The form field name (`application`, `pdf`, `attachments`).
    pub name: String,
    /// The file name as sent, for file parts.
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// The `boundary` parameter of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parameters(params)
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("boundary"))
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty() && value.len() <= 70)
}

pub fn parse(body: &[u8], boundary: &str) -> Result<Vec<Part>, String> {
    let delimiter = format!("--{boundary}").into_bytes();
    let next_delimiter = format!("\r\n--{boundary}").into_bytes();
    let mut at = find(body, &delimiter, 0).ok_or("no boundary in body")? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body[at..].starts_with(b"--") {
            return Ok(parts);
        }
        while matches!(body.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        if !body[at..].starts_with(b"\r\n") {
            return Err("boundary not followed by CRLF".into());
        }
        at += 2;
        let (head, data_start) = if body[at..].starts_with(b"\r\n") {
            (&body[at..at], at + 2)
        } else {
            let end = find(body, b"\r\n\r\n", at).ok_or("part headers not terminated")?;
            (&body[at..end], end + 4)
        };
        let data_end = find(body, &next_delimiter, data_start).ok_or("part not terminated")?;
        parts.push(part(head, body[data_start..data_end].to_vec())?);
        at = data_end + next_delimiter.len();
    }
}

fn part(head: &[u8], data: Vec<u8>) -> Result<Part, String> {
    let head = String::from_utf8_lossy(head);
    let mut name = None;
    let mut file_name = None;
    let mut file_name_star = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let Some((header, value)) = line.split_once(':') else {
            continue;
        };
        if header.trim().eq_ignore_ascii_case("content-disposition") {
            let (kind, params) = value.split_once(';').unwrap_or((value, ""));
            if !kind.trim().eq_ignore_ascii_case("form-data") {
                return Err("part is not form-data".into());
            }
            for (key, value) in parameters(params) {
                match key.to_ascii_lowercase().as_str() {
                    "name" => name = Some(value),
                    "filename" => file_name = Some(value),
                    "filename*" => file_name_star = ext_value(&value),
                    _ => {}
                }
            }
        } else if header.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_string());
        }
    }
    Ok(Part {
        name: name.ok_or("part without a name")?,
        file_name: file_name_star.or(file_name),
        content_type,
        data,
    })
}

/// `; key=value; key="quoted \" value"` pairs.
fn parameters(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while matches!(chars.peek(), Some(c) if *c == ';' || c.is_whitespace()) {
            chars.next();
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && *c != ';') {
            key.push(c);
        }
        if key.is_empty() {
            return out;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            if chars.next_if_eq(&'"').is_some() {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => value.extend(chars.next()),
                        c => value.push(c),
                    }
                }
            } else {
                while let Some(c) = chars.next_if(|c| *c != ';') {
                    value.push(c);
                }
            }
        }
        out.push((key.trim().to_string(), value.trim_end().to_string()));
    }
}

/// RFC 8187 `UTF-8''na%C3%AFve.pdf`.
fn ext_value(value: &str) -> Option<String> {
    let (charset, rest) = value.split_once('\'')?;
    let (_, encoded) = rest.split_once('\'')?;
    charset
        .eq_ignore_ascii_case("utf-8")
        .then(|| percent_decode(&encoded.replace('+', "%2B")))
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(
            boundary("multipart/form-data; boundary=----WebKitFormBoundaryX3").as_deref(),
            Some("----WebKitFormBoundaryX3")
        );
        assert_eq!(
            boundary("Multipart/Form-Data;boundary=\"a b\"").as_deref(),
            Some("a b")
        );
        assert_eq!(boundary("application/json"), None);
        assert_eq!(boundary("multipart/form-data"), None);
    }

    #[test]
    fn a_browser_form() {
        let body = b"preamble\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"application\"\r\n\
Content-Type: application/json\r\n\r\n\
{\"a\":1}\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"attachments\"; filename=\"pl\\\"an;1.pdf\"\r\n\
Content-Type: application/pdf\r\n\r\n\
%PDF\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"attachments\"; filename=\"x\"; filename*=UTF-8''%C3%A5r.png\r\n\r\n\
\r\n--XyZ--\r\nepilogue";
        let parts = parse(body, "XyZ").unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].name, "application");
        assert_eq!(parts[0].data, b"{\"a\":1}");
        assert_eq!(parts[0].content_type.as_deref(), Some("application/json"));
        assert_eq!(parts[1].file_name.as_deref(), Some("pl\"an;1.pdf"));
        assert_eq!(parts[1].data, b"%PDF");
        assert_eq!(parts[2].file_name.as_deref(), Some("år.png"));
        assert_eq!(parts[2].data, b"");
    }

    #[test]
    fn broken_bodies_are_errors() {
        assert!(parse(b"nothing here", "XyZ").is_err());
        assert!(parse(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc",
            "XyZ"
        )
        .is_err());
        assert!(parse(
            b"--XyZ\r\nContent-Type: text/plain\r\n\r\nabc\r\n--XyZ--",
            "XyZ"
        )
        .is_err());
    }
}

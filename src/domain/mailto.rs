//! `mailto:` links (RFC 6068): how an application made in download mode reaches the
//! municipality, and the data protection officer's address in the privacy notice.
//!
//! Every byte outside RFC 3986's unreserved set is percent-encoded as UTF-8, in the
//! address too (except its `@`). Stricter than RFC 6068 requires, on purpose: a space
//! is `%20`, never `+` (mail programs show a `+` as it is), `+` itself is `%2B`, `&`, `?`,
//! `#`, `=` and `%` in a school's name cannot end a header or start another one, and line
//! breaks in the body are `%0D%0A`, as the RFC requires.

use super::email::looks_like_email;

/// `mailto:<address>?<name>=<value>&…`, or None when `address` is not an e-mail
/// address (the same check as the form's own e-mail questions).
pub fn mailto_href(address: &str, headers: &[(&str, &str)]) -> Option<String> {
    let address = address.trim();
    if !looks_like_email(address) {
        return None;
    }
    let mut href = String::from("mailto:");
    percent_encode(&mut href, address, b"@");
    for (i, (name, value)) in headers.iter().enumerate() {
        href.push(if i == 0 { '?' } else { '&' });
        percent_encode(&mut href, name, b"");
        href.push('=');
        percent_encode(&mut href, value, b"");
    }
    Some(href)
}

/// The e-mail that hands in an application: "<subject> – <school>" (just the subject
/// while the school is not known), and the body reminding the applicant of the file.
pub fn hand_in_href(address: &str, subject: &str, school: &str, body: &str) -> Option<String> {
    let school = school.trim();
    let subject = if school.is_empty() {
        subject.to_string()
    } else {
        format!("{subject} – {school}")
    };
    mailto_href(address, &[("subject", &subject), ("body", body)])
}

/// Also writes every line break (LF, CR or CRLF) as `%0D%0A`: RFC 6068, "line breaks in
/// the body of a message MUST be encoded with %0D%0A". Byte by byte, without `str::replace`,
/// whose substring search costs the first page load kilobytes.
fn percent_encode(out: &mut String, text: &str, keep: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut previous = 0;
    for &byte in text.as_bytes() {
        let after_cr = previous == b'\r';
        previous = byte;
        if byte == b'\r' || (byte == b'\n' && !after_cr) {
            out.push_str("%0D%0A");
        } else if byte == b'\n' {
            // The CR before it wrote the whole line break.
        } else if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reverse of `percent_encode`, for the round-trip property.
    fn percent_decode(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).ok()
    }

    #[test]
    fn a_school_name_with_swedish_letters_and_delimiters_is_encoded() {
        let href = hand_in_href(
            "internationella@skelleftea.se",
            "Ansökan – fonden för internationellt skolutbyte",
            "Åsa & Örjans skola?#1",
            "Hej!\nBifoga PDF-filen.",
        );
        assert_eq!(
            href.as_deref(),
            Some(
                "mailto:internationella@skelleftea.se\
                 ?subject=Ans%C3%B6kan%20%E2%80%93%20fonden%20f%C3%B6r%20internationellt%20skolutbyte\
                 %20%E2%80%93%20%C3%85sa%20%26%20%C3%96rjans%20skola%3F%231\
                 &body=Hej%21%0D%0ABifoga%20PDF-filen."
            )
        );
    }

    #[test]
    fn spaces_are_percent_20_and_plus_is_encoded() {
        let href = mailto_href("a+b@example.org", &[("subject", "1 + 1 = 2")]).unwrap();
        assert_eq!(
            href,
            "mailto:a%2Bb@example.org?subject=1%20%2B%201%20%3D%202"
        );
        assert!(!href.contains('+') && !href.contains(' '));
    }

    #[test]
    fn line_breaks_in_the_body_are_crlf_whatever_was_written() {
        let href = mailto_href("a@example.org", &[("body", "a\nb\r\nc\rd")]).unwrap();
        assert_eq!(href, "mailto:a@example.org?body=a%0D%0Ab%0D%0Ac%0D%0Ad");
    }

    #[test]
    fn without_a_school_the_subject_is_left_as_it_is() {
        let href = hand_in_href("a@example.org", "Application", "  ", "").unwrap();
        assert_eq!(href, "mailto:a@example.org?subject=Application&body=");
    }

    #[test]
    fn an_address_alone_and_one_with_spaces_around_it() {
        assert_eq!(
            mailto_href(" dataskyddsombud@skelleftea.se ", &[]).as_deref(),
            Some("mailto:dataskyddsombud@skelleftea.se")
        );
    }

    #[test]
    fn what_is_not_an_address_gives_no_link() {
        for bad in [
            "",
            "internationella",
            "a@b",
            "a b@example.org",
            "a@example.org?cc=x@y.se",
        ] {
            assert_eq!(mailto_href(bad, &[("subject", "x")]), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_text_comes_back_and_only_safe_characters_go_out(subject in any::<String>()) {
            let href = mailto_href("a@example.org", &[("subject", &subject)]).unwrap();
            let value = href.strip_prefix("mailto:a@example.org?subject=").unwrap();
            prop_assert!(value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(percent_decode(value), Some(subject));
        }
    }
}

//! The download bundle: one zip per application holding `ansokan.json` (byte for byte
//! the body that is POSTed), `ansokan.pdf` and the attachments under `bilagor/`.
//!
//! Entries are stored, not deflated: the PDF's streams are compressed already and the
//! JSON is small, so deflate would buy little and cost worker size.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub const JSON_NAME: &str = "ansokan.json";
pub const PDF_NAME: &str = "ansokan.pdf";
pub const ATTACHMENT_FOLDER: &str = "bilagor/";

pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Local wall-clock time for the entries' timestamps (zip has no time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

#[derive(Debug)]
pub struct BundleError;

pub fn bundle_zip(
    json: &str,
    pdf: &[u8],
    attachments: &[Attachment],
    time: ZipTime,
) -> Result<Vec<u8>, BundleError> {
    // Zip cannot express dates before 1980; such a clock is wrong anyway.
    let modified =
        DateTime::from_date_and_time(time.year, time.month, time.day, time.hour, time.minute, 0)
            .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(modified)
        // Attachments may exceed 4 GB only in theory; large_file keeps the writer honest.
        .large_file(false);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), BundleError> {
        zip.start_file(name, options).map_err(|_| BundleError)?;
        zip.write_all(bytes).map_err(|_| BundleError)
    };
    add(JSON_NAME, json.as_bytes())?;
    add(PDF_NAME, pdf)?;
    let mut used: Vec<String> = Vec::new();
    for attachment in attachments {
        let name = unique_name(&safe_file_name(&attachment.name), &used);
        add(&format!("{ATTACHMENT_FOLDER}{name}"), &attachment.bytes)?;
        used.push(name);
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|_| BundleError)
}

/// The bundle's own file name: the reference when the receiver gave one, else the date.
pub fn bundle_file_name(reference: Option<&str>, time: ZipTime) -> String {
    match reference
        .map(safe_file_name)
        .filter(|r| !r.is_empty() && r != "fil")
    {
        Some(reference) => format!("ansokan-{reference}.zip"),
        None => format!(
            "ansokan-{:04}-{:02}-{:02}-{:02}{:02}.zip",
            time.year, time.month, time.day, time.hour, time.minute
        ),
    }
}

/// A file name the applicant's computer chose must not become a path inside the zip
/// ("../../x", "C:\x") or an invisible name: keep the last path part, drop control
/// characters and leading dots.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    if trimmed.is_empty() {
        "fil".to_string()
    } else {
        trimmed.chars().take(120).collect()
    }
}

/// Two attachments called "budget.pdf" become "budget.pdf" and "budget (2).pdf".
fn unique_name(name: &str, used: &[String]) -> String {
    if !used.iter().any(|u| u == name) {
        return name.to_string();
    }
    let (stem, extension) = match name.rfind('.') {
        Some(dot) if dot > 0 => (&name[..dot], &name[dot..]),
        _ => (name, ""),
    };
    (2..)
        .map(|n| format!("{stem} ({n}){extension}"))
        .find(|candidate| !used.iter().any(|u| u == candidate))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    const TIME: ZipTime = ZipTime {
        year: 2026,
        month: 11,
        day: 25,
        hour: 14,
        minute: 32,
    };

    fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut content = Vec::new();
                file.read_to_end(&mut content).unwrap();
                (file.name().to_string(), content)
            })
            .collect()
    }

    #[test]
    fn holds_the_json_the_pdf_and_every_attachment() {
        let attachments = vec![
            Attachment {
                name: "budget.pdf".into(),
                bytes: b"%PDF-a".to_vec(),
            },
            Attachment {
                name: "budget.pdf".into(),
                bytes: b"%PDF-b".to_vec(),
            },
            Attachment {
                name: "../../etc/passwd".into(),
                bytes: b"x".to_vec(),
            },
            Attachment {
                name: "Rektors intyg å.docx".into(),
                bytes: vec![],
            },
        ];
        let zip = bundle_zip("{\"a\":1}", b"%PDF-1.7", &attachments, TIME).unwrap();
        let names: Vec<String> = entries(&zip).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "ansokan.json",
                "ansokan.pdf",
                "bilagor/budget.pdf",
                "bilagor/budget (2).pdf",
                "bilagor/passwd",
                "bilagor/Rektors intyg å.docx"
            ]
        );
        let all = entries(&zip);
        assert_eq!(all[0].1, b"{\"a\":1}");
        assert_eq!(all[1].1, b"%PDF-1.7");
        assert_eq!(all[3].1, b"%PDF-b");
    }

    #[test]
    fn names_come_from_the_reference_or_the_time() {
        assert_eq!(
            bundle_file_name(Some("SKU-2026-0042"), TIME),
            "ansokan-SKU-2026-0042.zip"
        );
        assert_eq!(bundle_file_name(Some("../x"), TIME), "ansokan-x.zip");
        assert_eq!(bundle_file_name(None, TIME), "ansokan-2026-11-25-1432.zip");
        assert_eq!(
            bundle_file_name(Some(" "), TIME),
            "ansokan-2026-11-25-1432.zip"
        );
    }

    #[test]
    fn hostile_file_names_stay_inside_the_folder() {
        assert_eq!(safe_file_name("C:\\Users\\x\\.hidden"), "hidden");
        assert_eq!(safe_file_name("a\u{0}b?.pdf"), "ab.pdf");
        assert_eq!(safe_file_name(".."), "fil");
        assert_eq!(safe_file_name(""), "fil");
    }
}

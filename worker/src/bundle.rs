//! The secondary download, for systems that read JSON: one zip per application holding
//! `ansokan.json` (byte for byte the body that is POSTed), `ansokan.pdf` (the same
//! PDF/A-3 as the primary download, files inside) and the attachments under `bilagor/`,
//! named by `domain::file_name` exactly as in the JSON and the PDF.
//!
//! Entries are stored, not deflated: the PDF's streams are compressed already and the
//! JSON is small, so deflate would buy little and cost worker size.

use std::io::{Cursor, Write};

use skolutbyte::domain::file_name::{attachment_file_names, safe_file_name, FALLBACK_STEM};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub use crate::pdf::AttachmentFile;

pub use skolutbyte::domain::application_json::APPLICATION_JSON_FILE as JSON_NAME;
pub const PDF_NAME: &str = "ansokan.pdf";
pub const ATTACHMENT_FOLDER: &str = "bilagor/";

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
    attachments: &[AttachmentFile],
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
    // The names are safe already (the job made them); the same rule again changes
    // nothing then, and keeps any other caller's names inside the folder.
    let names = attachment_file_names(&attachments.iter().map(|a| a.name).collect::<Vec<_>>());
    for (attachment, name) in attachments.iter().zip(names) {
        add(&format!("{ATTACHMENT_FOLDER}{name}"), attachment.bytes)?;
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|_| BundleError)
}

/// The download's own file name, `ansokan-<reference>.<extension>` when the receiver
/// gave a reference, else `ansokan-<date>-<time>.<extension>`.
pub fn download_file_name(reference: Option<&str>, time: ZipTime, extension: &str) -> String {
    // "KS 2026/123" names a file "ansokan-KS 2026-123.pdf", not "ansokan-123.pdf".
    let reference = reference.map(|r| r.replace(['/', '\\'], "-"));
    match reference
        .as_deref()
        .map(safe_file_name)
        .filter(|r| r != FALLBACK_STEM)
    {
        Some(reference) => format!("ansokan-{reference}.{extension}"),
        None => format!(
            "ansokan-{:04}-{:02}-{:02}-{:02}{:02}.{extension}",
            time.year, time.month, time.day, time.hour, time.minute
        ),
    }
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
            AttachmentFile {
                name: "budget.pdf",
                media_type: "",
                bytes: b"%PDF-a",
            },
            AttachmentFile {
                name: "budget.pdf",
                media_type: "",
                bytes: b"%PDF-b",
            },
            AttachmentFile {
                name: "../../etc/passwd",
                media_type: "",
                bytes: b"x",
            },
            AttachmentFile {
                name: "Rektors intyg å.docx",
                media_type: "",
                bytes: b"",
            },
            AttachmentFile {
                name: "Budget.PDF",
                media_type: "",
                bytes: b"",
            },
            AttachmentFile {
                name: "faktura\u{202E}fdp.exe",
                media_type: "",
                bytes: b"",
            },
            AttachmentFile {
                name: "CON.pdf",
                media_type: "",
                bytes: b"",
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
                "bilagor/Rektors intyg å.docx",
                "bilagor/Budget (3).PDF",
                "bilagor/fakturafdp.exe",
                "bilagor/_CON.pdf",
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
            download_file_name(Some("SKU-2026-0042"), TIME, "pdf"),
            "ansokan-SKU-2026-0042.pdf"
        );
        assert_eq!(
            download_file_name(Some("../x"), TIME, "zip"),
            "ansokan--x.zip"
        );
        assert_eq!(
            download_file_name(None, TIME, "pdf"),
            "ansokan-2026-11-25-1432.pdf"
        );
        assert_eq!(
            download_file_name(Some(" "), TIME, "zip"),
            "ansokan-2026-11-25-1432.zip"
        );
        // A diary number with a slash keeps its whole number.
        assert_eq!(
            download_file_name(Some("KS 2026/123"), TIME, "pdf"),
            "ansokan-KS 2026-123.pdf"
        );
    }
}

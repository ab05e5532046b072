//! Received applications on disk, one folder per reference:
//!
//! ```text
//! <data-dir>/SKU-2026-000001/ansokan.json    exactly the JSON bytes received
//! <data-dir>/SKU-2026-000001/ansokan.pdf     the `pdf` part, when sent
//! <data-dir>/SKU-2026-000001/bilagor/1-…     each `attachments` part, numbered
//! <data-dir>/SKU-2026-000001/meta.json       reference, idempotency key, time, files
//! ```
//!
//! On start the folder is read back, so a restarted receiver still knows its keys and
//! continues the numbering.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub const APPLICATION_FILE: &str = "ansokan.json";
pub const PDF_FILE: &str = "ansokan.pdf";
pub const ATTACHMENTS_DIR: &str = "bilagor";
pub const META_FILE: &str = "meta.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub reference: String,
    pub idempotency_key: String,
    /// RFC 3339, UTC, whole seconds.
    pub received_at: String,
    /// `application/json` or `multipart/form-data`.
    pub content_type: String,
    pub files: Vec<StoredFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    /// The multipart part name: `pdf` or `attachments`.
    pub part: String,
    /// The file name as sent.
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: u64,
    /// Path inside the reference's folder, `/`-separated.
    pub stored_as: String,
}

/// A file part to store with an application.
pub struct Upload {
    pub part: String,
    pub file_name: String,
    pub media_type: String,
    pub data: Vec<u8>,
}

pub struct Store {
    dir: PathBuf,
    records: Vec<Record>,
    by_key: HashMap<String, usize>,
    next_number: u32,
}

impl Store {
    pub fn open(dir: &Path) -> io::Result<Store> {
        fs::create_dir_all(dir)?;
        let mut records = Vec::new();
        for entry in fs::read_dir(dir)? {
            let meta = entry?.path().join(META_FILE);
            if let Ok(text) = fs::read(&meta) {
                if let Ok(record) = serde_json::from_slice::<Record>(&text) {
                    records.push(record);
                }
            }
        }
        records.sort_by(|a, b| a.reference.cmp(&b.reference));
        let next_number = records
            .iter()
            .filter_map(|r| reference_number(&r.reference))
            .max()
            .unwrap_or(0)
            + 1;
        let by_key = records
            .iter()
            .enumerate()
            .map(|(index, r)| (r.idempotency_key.clone(), index))
            .collect();
        Ok(Store {
            dir: dir.to_path_buf(),
            records,
            by_key,
            next_number,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn by_key(&self, key: &str) -> Option<&Record> {
        self.by_key.get(key).map(|&index| &self.records[index])
    }

    pub fn get(&self, reference: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.reference == reference)
    }

    /// The stored `ansokan.json` of a reference.
    pub fn application_json(&self, reference: &str) -> Option<Vec<u8>> {
        let record = self.get(reference)?;
        fs::read(self.dir.join(&record.reference).join(APPLICATION_FILE)).ok()
    }

    /// Stores a new application under a new reference. The caller has checked that the
    /// key is new.
    pub fn save(
        &mut self,
        idempotency_key: &str,
        content_type: &str,
        json: &[u8],
        uploads: Vec<Upload>,
    ) -> io::Result<Record> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let (year, received_at) = utc(now);
        let (reference, folder) = loop {
            let reference = format!("SKU-{year}-{:06}", self.next_number);
            self.next_number += 1;
            let folder = self.dir.join(&reference);
            match fs::create_dir(&folder) {
                Ok(()) => break (reference, folder),
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        };
        fs::write(folder.join(APPLICATION_FILE), json)?;
        let mut files = Vec::new();
        let mut attachment_number = 0;
        for upload in uploads {
            let stored_as = if upload.part == "pdf" {
                PDF_FILE.to_string()
            } else {
                attachment_number += 1;
                fs::create_dir_all(folder.join(ATTACHMENTS_DIR))?;
                format!(
                    "{ATTACHMENTS_DIR}/{attachment_number}-{}",
                    safe_file_name(&upload.file_name)
                )
            };
            fs::write(folder.join(&stored_as), &upload.data)?;
            files.push(StoredFile {
                part: upload.part,
                file_name: upload.file_name,
                media_type: upload.media_type,
                size_bytes: upload.data.len() as u64,
                stored_as,
            });
        }
        let record = Record {
            reference,
            idempotency_key: idempotency_key.to_string(),
            received_at,
            content_type: content_type.to_string(),
            files,
        };
        let meta = serde_json::to_vec_pretty(&record).map_err(io::Error::other)?;
        fs::write(folder.join(META_FILE), meta)?;
        self.by_key
            .insert(record.idempotency_key.clone(), self.records.len());
        self.records.push(record.clone());
        Ok(record)
    }

    /// Forgets every application and removes their folders (the numbering goes on).
    pub fn clear(&mut self) -> io::Result<usize> {
        let count = self.records.len();
        for record in self.records.drain(..) {
            if reference_number(&record.reference).is_some() {
                fs::remove_dir_all(self.dir.join(&record.reference))?;
            }
        }
        self.by_key.clear();
        Ok(count)
    }
}

/// `SKU-2026-000123` → 123.
fn reference_number(reference: &str) -> Option<u32> {
    let rest = reference.strip_prefix("SKU-")?;
    let (year, number) = rest.split_once('-')?;
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
        .then(|| number.parse().ok())
        .flatten()
}

/// The last path component, with anything but letters, digits, `.`, `-` and `_`
/// replaced, so a sent name can never leave the folder.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() {
        "fil".to_string()
    } else {
        cleaned.to_string()
    }
}

/// Seconds since 1970 → (year, `YYYY-MM-DDTHH:MM:SSZ`).
pub fn utc(seconds: u64) -> (i64, String) {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let text = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    );
    (year, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times() {
        assert_eq!(utc(0).1, "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400).1, "2000-02-29T00:00:00Z");
        assert_eq!(
            utc(1_798_761_599),
            (2026, "2026-12-31T23:59:59Z".to_string())
        );
        assert_eq!(utc(1_798_761_600).0, 2027);
    }

    #[test]
    fn file_names_stay_in_their_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            safe_file_name("C:\\x\\Plan för resa.pdf"),
            "Plan_för_resa.pdf"
        );
        assert_eq!(safe_file_name(".."), "fil");
        assert_eq!(safe_file_name(""), "fil");
    }

    #[test]
    fn references() {
        assert_eq!(reference_number("SKU-2026-000123"), Some(123));
        assert_eq!(reference_number("SKU-26-1"), None);
        assert_eq!(reference_number("other"), None);
    }
}

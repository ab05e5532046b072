//! Which files may be attached: type, size, count and total limits from configuration,
//! with a specific problem for each way a file can be wrong (GOV.UK file-upload pattern).
//! The page checks each file as it is chosen; the worker checks the whole set again
//! before it embeds the files in the PDF or sends them, with the same rule.

use serde::{Deserialize, Serialize};

use super::problem::Problem;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttachmentRules {
    pub max_files: usize,
    pub max_bytes: u64,
    /// All attached files together. The PDF carries them inside it and is e-mailed in
    /// download mode: 15 MB of files stay under the common 25 MB mail limit after the
    /// mail's base64 encoding (+37 %), with room for the PDF's own pages.
    pub max_total_bytes: u64,
    /// Lower-case file name extensions without the dot.
    pub allowed_extensions: Vec<String>,
}

impl Default for AttachmentRules {
    fn default() -> Self {
        AttachmentRules {
            max_files: 5,
            max_bytes: 10 * 1024 * 1024,
            max_total_bytes: 15 * 1024 * 1024,
            allowed_extensions: ["pdf", "docx", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]
                .into_iter()
                .map(String::from)
                .collect(),
        }
    }
}

impl AttachmentRules {
    /// "PDF, DOCX, …" for hints and messages.
    pub fn allowed_list(&self) -> String {
        self.allowed_extensions
            .iter()
            .map(|e| e.to_ascii_uppercase())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The MIME type a file name's extension stands for, for when the browser gives none
/// (it often has no type for OpenDocument files): the types the form allows by default,
/// else `application/octet-stream`.
pub fn media_type_of(name: &str) -> &'static str {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// What is attached already, when the next file is checked.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Attached {
    pub count: usize,
    /// Their sizes together.
    pub bytes: u64,
}

/// Checks one chosen file against the rules, given what is already attached (which
/// stays attached whatever the answer).
pub fn check_file(
    name: &str,
    size: u64,
    attached: Attached,
    rules: &AttachmentRules,
) -> Result<(), Problem> {
    if attached.count >= rules.max_files {
        return Err(Problem::TooManyFiles {
            max: rules.max_files,
        });
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    if !rules.allowed_extensions.contains(&extension) {
        return Err(Problem::FileWrongType {
            allowed: rules.allowed_list(),
        });
    }
    if size == 0 {
        return Err(Problem::FileEmpty);
    }
    if size > rules.max_bytes {
        return Err(Problem::FileTooLarge {
            max_bytes: rules.max_bytes,
        });
    }
    if attached.bytes.saturating_add(size) > rules.max_total_bytes {
        return Err(Problem::FilesTooLarge {
            max_total_bytes: rules.max_total_bytes,
        });
    }
    Ok(())
}

/// Checks a whole set of files (name, size), one after another as the page adds them:
/// the first file the page would have refused, with the page's problem.
pub fn check_files<'a>(
    files: impl IntoIterator<Item = (&'a str, u64)>,
    rules: &AttachmentRules,
) -> Result<(), Problem> {
    let mut attached = Attached::default();
    for (name, size) in files {
        check_file(name, size, attached, rules)?;
        attached.count += 1;
        attached.bytes += size;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1024 * 1024;

    fn attached(count: usize, bytes: u64) -> Attached {
        Attached { count, bytes }
    }

    #[test]
    fn each_way_a_file_can_be_wrong_has_its_own_problem() {
        let rules = AttachmentRules::default();
        let none = Attached::default();
        assert_eq!(check_file("inbjudan.pdf", 120_000, none, &rules), Ok(()));
        assert_eq!(
            check_file("Budget.XLSX", 5_000, attached(4, 5_000), &rules),
            Ok(())
        );
        assert_eq!(
            check_file("tom.pdf", 0, none, &rules),
            Err(Problem::FileEmpty)
        );
        assert_eq!(
            check_file("film.mov", 1_000, none, &rules),
            Err(Problem::FileWrongType {
                allowed: rules.allowed_list()
            })
        );
        assert_eq!(
            check_file("utan-filändelse", 1_000, none, &rules).map_err(|p| p.code()),
            Err("file_wrong_type")
        );
        assert_eq!(
            check_file("stor.pdf", 10 * MB + 1, none, &rules),
            Err(Problem::FileTooLarge {
                max_bytes: 10 * 1024 * 1024
            })
        );
        assert_eq!(
            check_file("sjätte.pdf", 10, attached(5, 50), &rules),
            Err(Problem::TooManyFiles { max: 5 })
        );
    }

    #[test]
    fn files_too_large_together_are_refused_one_at_a_time() {
        let rules = AttachmentRules::default();
        // 9 + 6 MB is exactly the 15 MB allowed; one byte more is not.
        assert_eq!(
            check_file("b.pdf", 6 * MB, attached(1, 9 * MB), &rules),
            Ok(())
        );
        assert_eq!(
            check_file("b.pdf", 6 * MB + 1, attached(1, 9 * MB), &rules),
            Err(Problem::FilesTooLarge {
                max_total_bytes: 15 * MB
            })
        );
        assert_eq!(
            Problem::FilesTooLarge {
                max_total_bytes: 15 * MB
            }
            .code(),
            "files_too_large"
        );
        // A file too large on its own is named as that, not as the total.
        assert_eq!(
            check_file("c.pdf", 11 * MB, attached(1, 9 * MB), &rules),
            Err(Problem::FileTooLarge { max_bytes: 10 * MB })
        );
        // Whatever is already attached is never the problem: a small file still fits.
        assert_eq!(check_file("d.pdf", MB, attached(1, 9 * MB), &rules), Ok(()));
    }

    #[test]
    fn a_missing_media_type_comes_from_the_extension() {
        assert_eq!(
            media_type_of("Budget.ODS"),
            "application/vnd.oasis.opendocument.spreadsheet"
        );
        assert_eq!(media_type_of("bild.jpeg"), "image/jpeg");
        assert_eq!(media_type_of("utan"), "application/octet-stream");
    }

    #[test]
    fn a_whole_set_is_checked_as_the_page_adds_it() {
        let rules = AttachmentRules::default();
        assert_eq!(
            check_files([("a.pdf", 9 * MB), ("b.png", 6 * MB)], &rules),
            Ok(())
        );
        assert_eq!(
            check_files([("a.pdf", 9 * MB), ("b.png", 6 * MB), ("c.pdf", 1)], &rules),
            Err(Problem::FilesTooLarge {
                max_total_bytes: 15 * MB
            })
        );
        let six: Vec<(&str, u64)> = vec![("a.pdf", 10); 6];
        assert_eq!(
            check_files(six, &rules),
            Err(Problem::TooManyFiles { max: 5 })
        );
        assert_eq!(
            check_files([("a.exe", 10)], &rules).map_err(|p| p.code()),
            Err("file_wrong_type")
        );
        assert_eq!(check_files([], &rules), Ok(()));
    }
}

//! Which files may be attached: type, size and count limits from configuration, with a
//! specific problem for each way a file can be wrong (GOV.UK file-upload pattern).

use serde::{Deserialize, Serialize};

use super::problem::Problem;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttachmentRules {
    pub max_files: usize,
    pub max_bytes: u64,
    /// Lower-case file name extensions without the dot.
    pub allowed_extensions: Vec<String>,
}

impl Default for AttachmentRules {
    fn default() -> Self {
        AttachmentRules {
            max_files: 5,
            max_bytes: 10 * 1024 * 1024,
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

/// Checks one chosen file against the rules, given how many are already attached.
pub fn check_file(
    name: &str,
    size: u64,
    already_attached: usize,
    rules: &AttachmentRules,
) -> Result<(), Problem> {
    if already_attached >= rules.max_files {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_a_file_can_be_wrong_has_its_own_problem() {
        let rules = AttachmentRules::default();
        assert_eq!(check_file("inbjudan.pdf", 120_000, 0, &rules), Ok(()));
        assert_eq!(check_file("Budget.XLSX", 5_000, 4, &rules), Ok(()));
        assert_eq!(check_file("tom.pdf", 0, 0, &rules), Err(Problem::FileEmpty));
        assert_eq!(
            check_file("film.mov", 1_000, 0, &rules),
            Err(Problem::FileWrongType {
                allowed: rules.allowed_list()
            })
        );
        assert_eq!(
            check_file("utan-filändelse", 1_000, 0, &rules).map_err(|p| p.code()),
            Err("file_wrong_type")
        );
        assert_eq!(
            check_file("stor.pdf", 10 * 1024 * 1024 + 1, 0, &rules),
            Err(Problem::FileTooLarge {
                max_bytes: 10 * 1024 * 1024
            })
        );
        assert_eq!(
            check_file("sjätte.pdf", 10, 5, &rules),
            Err(Problem::TooManyFiles { max: 5 })
        );
    }
}

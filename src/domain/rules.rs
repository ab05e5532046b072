//! Everything the municipality may want to change without a new build: the fund's
//! yearly amount, the school list, the account-string code plan and text limits.
//! The defaults are the facts of the municipal page and `domain-rules.md`; the app reads
//! overrides from the host page (see README, "Configuration").

use serde::{Deserialize, Serialize};

use super::account_string::AccountStringRules;
use super::application::SchoolType;
use super::attachments::AttachmentRules;
use super::money::Money;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    /// The fund's yearly amount (300 000 kr, decided by kommunfullmäktige).
    /// No single application may ask for more.
    pub fund_amount: Money,
    pub schools: Vec<SchoolEntry>,
    pub account_rules: AccountStringRules,
    /// Longest accepted one-line answer (names, places), in characters.
    pub max_short_text: u64,
    /// Longest accepted free-text answer (goals, descriptions), in characters.
    pub max_long_text: u64,
    /// Most pupils or staff in one application; catches typos like "2000".
    pub max_participants: u32,
    /// Every application must include at least one pupil (the fund is for "elever och
    /// medföljande personal"). Off by default: the municipality decides
    /// (`data-require-pupils`). Internships always need a pupil.
    pub require_pupils: bool,
    pub attachments: AttachmentRules,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolEntry {
    pub id: String,
    pub name: String,
    pub school_type: SchoolType,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            fund_amount: Money::from_ore(300_000_00),
            schools: default_schools(),
            account_rules: AccountStringRules::default(),
            max_short_text: 200,
            max_long_text: 4000,
            max_participants: 500,
            require_pupils: false,
            attachments: AttachmentRules::default(),
        }
    }
}

impl Rules {
    pub fn school(&self, id: &str) -> Option<&SchoolEntry> {
        self.schools.iter().find(|s| s.id == id)
    }
}

/// A starting list of Skellefteå's municipal schools. The real list belongs to the
/// municipality: replace it through configuration. Schools not listed (including
/// independent schools) use the "other school" choice and state their type.
fn default_schools() -> Vec<SchoolEntry> {
    [
        ("anderstorpsgymnasiet", "Anderstorpsgymnasiet"),
        ("balderskolan", "Balderskolan"),
        ("kaplanskolan", "Kaplanskolan"),
        ("moro-backe-skola", "Morö Backe skola"),
        ("sunnanaskolan", "Sunnanåskolan"),
    ]
    .into_iter()
    .map(|(id, name)| SchoolEntry {
        id: id.to_string(),
        name: name.to_string(),
        school_type: SchoolType::Municipal,
    })
    .collect()
}

//! Settings from the host page: `data-` attributes on the mount element. Every setting
//! has a default (a fresh `make serve` runs in download mode with the fund's real
//! amount); a setting that cannot be read keeps its default and is reported to the site
//! editor with the attribute's name, never a blank page.

use super::application::{Coded, SchoolType};
use super::email::looks_like_email;
use super::json::{self, Value};
use super::money::parse_money;
use super::rules::{Rules, SchoolEntry};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// Where the application is POSTed; None is download mode.
    pub endpoint: Option<String>,
    /// "sv" or "en"; Swedish when not set.
    pub locale: Option<String>,
    /// Where to e-mail the application in download mode (a `mailto:` link on the
    /// confirmation page).
    pub contact_email: Option<String>,
    /// The privacy notice's personuppgiftsansvarig; [`DEFAULT_CONTROLLER`] when not set.
    pub controller: Option<String>,
    /// The data protection officer's address; [`DEFAULT_DPO_EMAIL`] when not set.
    pub dpo_email: Option<String>,
    /// A telephone number for questions; [`DEFAULT_CONTACT_PHONE`] when not set.
    pub contact_phone: Option<String>,
    /// Also send the PDF and attachments as multipart/form-data.
    pub multipart: bool,
    pub rules: Rules,
}

// The privacy notice's details when the page does not set them. The municipality must
// confirm them (README, "Configuration"): they are our best knowledge, not its word.
/// The fund is the municipal executive board's (kommunstyrelsens fond).
pub const DEFAULT_CONTROLLER: &str = "Kommunstyrelsen, Skellefteå kommun";
pub const DEFAULT_DPO_EMAIL: &str = "dataskyddsombud@skelleftea.se";
/// Skellefteå kommun's switchboard.
pub const DEFAULT_CONTACT_PHONE: &str = "0910-73 50 00";

impl Settings {
    pub fn controller(&self) -> &str {
        self.controller.as_deref().unwrap_or(DEFAULT_CONTROLLER)
    }

    pub fn dpo_email(&self) -> &str {
        self.dpo_email.as_deref().unwrap_or(DEFAULT_DPO_EMAIL)
    }

    pub fn contact_phone(&self) -> &str {
        self.contact_phone
            .as_deref()
            .unwrap_or(DEFAULT_CONTACT_PHONE)
    }
}

/// A setting that could not be used, for the site editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The attribute as written on the element, e.g. "data-fund-amount".
    pub attribute: String,
    pub problem: ConfigProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not http(s):// or a path starting with "/".
    EndpointNotUrl,
    LocaleUnknown,
    AmountInvalid,
    EmailInvalid,
    /// Not a JSON list of {"id", "name", "type": "municipal"|"independent"}.
    SchoolsInvalid,
    BooleanInvalid,
}

impl ConfigProblem {
    pub fn code(&self) -> &'static str {
        match self {
            ConfigProblem::EndpointNotUrl => "config_endpoint_not_url",
            ConfigProblem::LocaleUnknown => "config_locale_unknown",
            ConfigProblem::AmountInvalid => "config_amount_invalid",
            ConfigProblem::EmailInvalid => "config_email_invalid",
            ConfigProblem::SchoolsInvalid => "config_schools_invalid",
            ConfigProblem::BooleanInvalid => "config_boolean_invalid",
        }
    }
}

/// Reads the settings from `(attribute name, value)` pairs; unknown attributes are ignored
/// so the host may keep its own `data-` attributes on the element.
pub fn settings_from_attributes<'a>(
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Settings, Vec<ConfigError>) {
    let mut settings = Settings::default();
    let mut errors = Vec::new();
    for (name, value) in attributes {
        let value = value.trim();
        let problem = match name {
            "data-endpoint" if value.is_empty() => None,
            "data-endpoint" => {
                let ok = value.starts_with("https://")
                    || value.starts_with("http://")
                    || value.starts_with('/');
                ok.then(|| settings.endpoint = Some(value.to_string()))
                    .map_or(Some(ConfigProblem::EndpointNotUrl), |_| None)
            }
            "data-locale" => match value {
                "sv" | "en" => {
                    settings.locale = Some(value.to_string());
                    None
                }
                _ => Some(ConfigProblem::LocaleUnknown),
            },
            "data-fund-amount" => match parse_money(value) {
                Ok(amount) if !amount.is_negative() && amount.ore() > 0 => {
                    settings.rules.fund_amount = amount;
                    None
                }
                _ => Some(ConfigProblem::AmountInvalid),
            },
            "data-contact-email" => email(value, &mut settings.contact_email),
            // An empty privacy setting keeps its default, like an empty endpoint.
            "data-controller" | "data-dpo-email" | "data-contact-phone" if value.is_empty() => None,
            "data-dpo-email" => email(value, &mut settings.dpo_email),
            // Shown as text only (never markup or a link), so any wording will do.
            "data-controller" => {
                settings.controller = Some(value.to_string());
                None
            }
            "data-contact-phone" => {
                settings.contact_phone = Some(value.to_string());
                None
            }
            "data-schools" => match schools(value) {
                Some(list) => {
                    settings.rules.schools = list;
                    None
                }
                None => Some(ConfigProblem::SchoolsInvalid),
            },
            "data-multipart" => match value {
                "true" | "" => {
                    settings.multipart = true;
                    None
                }
                "false" => None,
                _ => Some(ConfigProblem::BooleanInvalid),
            },
            _ => None,
        };
        if let Some(problem) = problem {
            errors.push(ConfigError {
                attribute: name.to_string(),
                problem,
            });
        }
    }
    (settings, errors)
}

fn email(value: &str, setting: &mut Option<String>) -> Option<ConfigProblem> {
    if looks_like_email(value) {
        *setting = Some(value.to_string());
        None
    } else {
        Some(ConfigProblem::EmailInvalid)
    }
}

/// `[{"id": "anderstorpsgymnasiet", "name": "Anderstorpsgymnasiet", "type": "municipal"}]`
fn schools(text: &str) -> Option<Vec<SchoolEntry>> {
    let Ok(Value::Array(items)) = json::parse(text) else {
        return None;
    };
    let list: Option<Vec<SchoolEntry>> = items
        .iter()
        .map(|item| {
            let id = item.get("id")?.as_str()?.trim();
            let name = item.get("name")?.as_str()?.trim();
            let school_type = SchoolType::from_code(item.get("type")?.as_str()?)?;
            let usable = !id.is_empty() && !name.is_empty() && id != super::draft::OTHER_SCHOOL;
            usable.then(|| SchoolEntry {
                id: id.to_string(),
                name: name.to_string(),
                school_type,
            })
        })
        .collect();
    list.filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;

    #[test]
    fn no_attributes_is_download_mode_with_the_defaults() {
        let (settings, errors) = settings_from_attributes([]);
        assert_eq!(settings, Settings::default());
        assert_eq!(settings.endpoint, None);
        assert_eq!(settings.rules.fund_amount, Money::from_ore(300_000 * 100));
        assert!(errors.is_empty());
    }

    #[test]
    fn every_setting_is_read() {
        let schools = r#"[{"id": "a", "name": "Skola A", "type": "municipal"}, {"id": "b", "name": "Friskolan B", "type": "independent"}]"#;
        let (settings, errors) = settings_from_attributes([
            (
                "data-endpoint",
                "https://e-tjanst.skelleftea.se/api/ansokningar",
            ),
            ("data-locale", "en"),
            ("data-fund-amount", "250 000"),
            ("data-contact-email", "internationella@skelleftea.se"),
            (
                "data-controller",
                "Barn- och utbildningsnämnden, Skellefteå kommun",
            ),
            ("data-dpo-email", "dso@skelleftea.se"),
            ("data-contact-phone", "+46 910-73 50 00"),
            ("data-schools", schools),
            ("data-multipart", "true"),
            ("data-host-own-thing", "ignored"),
            ("id", "skolutbyte"),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            settings.endpoint.as_deref(),
            Some("https://e-tjanst.skelleftea.se/api/ansokningar")
        );
        assert_eq!(settings.locale.as_deref(), Some("en"));
        assert_eq!(settings.rules.fund_amount, Money::from_ore(250_000 * 100));
        assert_eq!(settings.rules.schools.len(), 2);
        assert_eq!(
            settings.rules.schools[1].school_type,
            SchoolType::Independent
        );
        assert!(settings.multipart);
        assert_eq!(
            settings.controller(),
            "Barn- och utbildningsnämnden, Skellefteå kommun"
        );
        assert_eq!(settings.dpo_email(), "dso@skelleftea.se");
        assert_eq!(settings.contact_phone(), "+46 910-73 50 00");
    }

    #[test]
    fn the_privacy_notice_has_defaults_the_municipality_must_confirm() {
        let (settings, errors) = settings_from_attributes([
            ("data-controller", ""),
            ("data-dpo-email", " "),
            ("data-contact-phone", ""),
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(settings.controller(), DEFAULT_CONTROLLER);
        assert_eq!(settings.dpo_email(), DEFAULT_DPO_EMAIL);
        assert_eq!(settings.contact_phone(), DEFAULT_CONTACT_PHONE);
        assert!(crate::domain::email::looks_like_email(DEFAULT_DPO_EMAIL));
    }

    #[test]
    fn a_bad_setting_keeps_its_default_and_is_named() {
        let (settings, errors) = settings_from_attributes([
            ("data-endpoint", "javascript:alert(1)"),
            ("data-locale", "de"),
            ("data-fund-amount", "mycket"),
            ("data-contact-email", "internationella"),
            ("data-dpo-email", "dataskyddsombud"),
            ("data-schools", r#"[{"id": "a"}]"#),
            ("data-multipart", "kanske"),
        ]);
        assert_eq!(settings, Settings::default());
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.attribute.as_str(), e.problem.code()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("data-endpoint", "config_endpoint_not_url"),
                ("data-locale", "config_locale_unknown"),
                ("data-fund-amount", "config_amount_invalid"),
                ("data-contact-email", "config_email_invalid"),
                ("data-dpo-email", "config_email_invalid"),
                ("data-schools", "config_schools_invalid"),
                ("data-multipart", "config_boolean_invalid"),
            ]
        );
    }
}

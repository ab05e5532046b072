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
    /// Not an `https://` address, nor a path on the page's own site (see [`endpoint_allowed`]).
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
                if endpoint_allowed(value) {
                    settings.endpoint = Some(value.to_string());
                    None
                } else {
                    Some(ConfigProblem::EndpointNotUrl)
                }
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
            "data-multipart" => boolean(value, &mut settings.multipart),
            "data-require-pupils" => boolean(value, &mut settings.rules.require_pupils),
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

/// Where the application may be POSTed, so that it goes only where the municipality
/// intends, however the browser resolves the address:
/// - `https://host[:port][/…]`, the host being a DNS name or an IP address;
/// - `http://` only to this computer (`127.0.0.1`, `localhost`, `[::1]`), for development;
/// - a path on the page's own site: one `/` and then anything but `/` (a second `/` would
///   make `//host/…`, another site).
///
/// Refused outright: anything but printable ASCII (no whitespace, control characters or
/// look-alike letters), any `\` (browsers read `/\host` as `//host`), a user name
/// (`https://trusted@evil`), an empty or non-numeric port, and every other scheme.
pub fn endpoint_allowed(value: &str) -> bool {
    // No indexing or slicing of the text here: a slice's panic path alone would add
    // ~5 KB of Unicode tables to every first load.
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        return false;
    }
    if let Some(path) = value.strip_prefix('/') {
        return !path.is_empty() && !path.starts_with('/');
    }
    let Some((scheme, rest)) = value.split_once(':') else {
        return false;
    };
    let Some(rest) = rest.strip_prefix("//") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let Some((host, port)) = host_and_port(authority) else {
        return false;
    };
    let port_ok = port.is_none_or(|p| {
        p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n > 0)
    });
    let loopback = ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|name| host.eq_ignore_ascii_case(name));
    port_ok
        && (scheme.eq_ignore_ascii_case("https")
            || (scheme.eq_ignore_ascii_case("http") && loopback))
}

/// The host and the text after its `:`, if any: a name of letters, digits, `-` and `.`
/// (no empty label), or an IPv6 address in brackets (`[::1]`, returned with them). None
/// for anything else, such as a user name before `@` or an empty host.
fn host_and_port(authority: &str) -> Option<(&str, Option<&str>)> {
    let (usable, after_host) = match authority.strip_prefix('[') {
        Some(bracketed) => {
            let (inside, after) = bracketed.split_once(']')?;
            let ipv6 = !inside.is_empty()
                && inside
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
            (ipv6, after)
        }
        None => {
            let host = authority.split(':').next().unwrap_or_default();
            let name = host.split('.').all(|label| {
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
            (name, authority.strip_prefix(host).unwrap_or_default())
        }
    };
    let host = authority.strip_suffix(after_host)?;
    match after_host.strip_prefix(':') {
        _ if !usable => None,
        Some(port) => Some((host, Some(port))),
        None if after_host.is_empty() => Some((host, None)),
        None => None,
    }
}

/// `true` (or the bare attribute) and `false`; anything else is reported.
fn boolean(value: &str, setting: &mut bool) -> Option<ConfigProblem> {
    match value {
        "true" | "" => {
            *setting = true;
            None
        }
        "false" => {
            *setting = false;
            None
        }
        _ => Some(ConfigProblem::BooleanInvalid),
    }
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
            ("data-require-pupils", "true"),
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
        assert!(settings.rules.require_pupils);
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

    /// Every address from the security review (finding 4a), and its neighbours.
    #[test]
    fn the_endpoint_is_https_a_path_on_the_same_site_or_loopback_http() {
        let allowed = [
            "https://ok.example/x",
            "https://e-tjanst.skelleftea.se/api/ansokningar",
            "HTTPS://OK.EXAMPLE/x",
            "https://ok.example",
            "https://ok.example:8443/x?y=1#z",
            "https://ok.example/x@y",
            "https://[2001:db8::1]/x",
            "/api/x",
            "/x",
            "/api/ansokningar?kanal=webb",
            "http://127.0.0.1:8787/applications",
            "http://localhost:8787/applications",
            "http://LOCALHOST/x",
            "http://[::1]:8787/x",
        ];
        let refused = [
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example/x",
            "/x\\y",
            "https://ok.example\\@evil.example/",
            "http://evil.example/x",
            "http://127.0.0.1.evil.example/x",
            "http://localhost.evil.example/x",
            "http://[::1].evil.example/x",
            "javascript:alert(1)",
            "javascript://%0aalert(1)",
            "data:text/plain,x",
            "ftp://ok.example/x",
            "https:ok.example/x",
            "https:/ok.example/x",
            "https:///ok.example/x",
            "https://user@host/x",
            "https://user:secret@host/x",
            "https://ok.example@evil.example/x",
            "https://ok.example:443@evil.example/x",
            "https://ok.example:/x",
            "https://ok.example:0/x",
            "https://ok.example:65536/x",
            "https://ok.example:+443/x",
            "https://ok..example/x",
            "https://.ok.example/x",
            "https://ok.example%2f@evil/x",
            "https://[]/x",
            "https://[::1]x/x",
            "https://",
            "/",
            "api/x",
            "ok.example/x",
            "https://ok.example/a b",
            "https://ok.example/\tx",
            "/api\n/x",
            "https://ok\u{0}.example/x",
            "https://ok.exam\u{2028}ple/x",
            "https://ökad.example/x",
            "https://ok.example/\u{202e}x",
            "https://ｅvil.example/x",
            "/\u{ff0f}evil.example/x",
        ];
        for value in allowed {
            assert!(endpoint_allowed(value), "should be allowed: {value:?}");
            let (settings, errors) = settings_from_attributes([("data-endpoint", value)]);
            assert_eq!(settings.endpoint.as_deref(), Some(value));
            assert!(errors.is_empty(), "{value:?}");
        }
        for value in refused {
            assert!(!endpoint_allowed(value), "should be refused: {value:?}");
            // Refused: download mode, and the web editor is told which attribute.
            let (settings, errors) = settings_from_attributes([("data-endpoint", value)]);
            assert_eq!(settings.endpoint, None, "{value:?}");
            let found: Vec<(&str, &str)> = errors
                .iter()
                .map(|e| (e.attribute.as_str(), e.problem.code()))
                .collect();
            assert_eq!(
                found,
                vec![("data-endpoint", "config_endpoint_not_url")],
                "{value:?}"
            );
        }
        // Surrounding white space, as an editor may leave it, is not part of the address.
        let (settings, _) = settings_from_attributes([("data-endpoint", " /api/x\n")]);
        assert_eq!(settings.endpoint.as_deref(), Some("/api/x"));
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
            ("data-require-pupils", "ja"),
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
                ("data-require-pupils", "config_boolean_invalid"),
            ]
        );
    }
}

//! The municipal account string (kontosträng) that municipal schools give for payment.
//!
//! The municipality names the order Ansvar/Verksamhet/Fri/Projekt/Objekt but
//! publishes no segment lengths, and there is no national standard, so each
//! segment's rule is data ([`AccountStringRules`]) that can be changed without code.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One part of the account string, in the municipality's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Ansvar,
    Verksamhet,
    Fri,
    Projekt,
    Objekt,
}

impl Segment {
    /// In the order written in the account string.
    pub const ALL: [Segment; 5] = [
        Segment::Ansvar,
        Segment::Verksamhet,
        Segment::Fri,
        Segment::Projekt,
        Segment::Objekt,
    ];

    /// Same spelling as the serde name, for field ids and message keys.
    pub fn key(self) -> &'static str {
        match self {
            Segment::Ansvar => "ansvar",
            Segment::Verksamhet => "verksamhet",
            Segment::Fri => "fri",
            Segment::Projekt => "projekt",
            Segment::Objekt => "objekt",
        }
    }
}

/// Which characters a segment may contain (ASCII only: code plans use no å, ä, ö).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Charset {
    Digits,
    Alphanumeric,
}

impl Charset {
    /// Same spelling as the serde name, for message parameters.
    pub fn code(self) -> &'static str {
        match self {
            Charset::Digits => "digits",
            Charset::Alphanumeric => "alphanumeric",
        }
    }

    fn allows(self, c: char) -> bool {
        match self {
            Charset::Digits => c.is_ascii_digit(),
            Charset::Alphanumeric => c.is_ascii_alphanumeric(),
        }
    }
}

/// What one segment must look like. Lengths count characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRule {
    pub required: bool,
    pub min_len: u8,
    pub max_len: u8,
    pub charset: Charset,
}

impl SegmentRule {
    /// What the segment may hold, for a message that says how to fix it.
    pub fn allowed(&self) -> Allowed {
        Allowed {
            min_len: self.min_len,
            max_len: self.max_len,
            charset: self.charset,
        }
    }
}

/// The length and characters a segment accepts: "1–6 siffror", "1 to 8 letters or digits".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed {
    pub min_len: u8,
    pub max_len: u8,
    pub charset: Charset,
}

/// One rule per segment; `Default` is the sensible guess from domain-rules.md §4
/// until Skellefteå's code plan is confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountStringRules {
    pub ansvar: SegmentRule,
    pub verksamhet: SegmentRule,
    pub fri: SegmentRule,
    pub projekt: SegmentRule,
    pub objekt: SegmentRule,
}

impl AccountStringRules {
    pub fn rule(&self, segment: Segment) -> &SegmentRule {
        match segment {
            Segment::Ansvar => &self.ansvar,
            Segment::Verksamhet => &self.verksamhet,
            Segment::Fri => &self.fri,
            Segment::Projekt => &self.projekt,
            Segment::Objekt => &self.objekt,
        }
    }
}

impl Default for AccountStringRules {
    /// Ansvar and Verksamhet required, 1-6 digits; the rest optional, 1-8 ASCII
    /// letters or digits.
    fn default() -> Self {
        let required_digits = SegmentRule {
            required: true,
            min_len: 1,
            max_len: 6,
            charset: Charset::Digits,
        };
        let optional_code = SegmentRule {
            required: false,
            min_len: 1,
            max_len: 8,
            charset: Charset::Alphanumeric,
        };
        AccountStringRules {
            ansvar: required_digits.clone(),
            verksamhet: required_digits,
            fri: optional_code.clone(),
            projekt: optional_code.clone(),
            objekt: optional_code,
        }
    }
}

/// The account string as separate segments; an empty string means "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccountString {
    pub ansvar: String,
    pub verksamhet: String,
    pub fri: String,
    pub projekt: String,
    pub objekt: String,
}

impl AccountString {
    pub fn get(&self, segment: Segment) -> &str {
        match segment {
            Segment::Ansvar => &self.ansvar,
            Segment::Verksamhet => &self.verksamhet,
            Segment::Fri => &self.fri,
            Segment::Projekt => &self.projekt,
            Segment::Objekt => &self.objekt,
        }
    }

    /// Stores the value as given, so a separate input box keeps what was typed;
    /// use [`normalise_segment`] first when the value should be canonical.
    pub fn set(&mut self, segment: Segment, value: String) {
        let slot = match segment {
            Segment::Ansvar => &mut self.ansvar,
            Segment::Verksamhet => &mut self.verksamhet,
            Segment::Fri => &mut self.fri,
            Segment::Projekt => &mut self.projekt,
            Segment::Objekt => &mut self.objekt,
        };
        *slot = value;
    }

    /// True when no segment has been given.
    pub fn is_empty(&self) -> bool {
        Segment::ALL
            .iter()
            .all(|segment| self.get(*segment).is_empty())
    }
}

/// `1234/5678//P1`: the municipality's "/" order. Trailing empty segments are
/// dropped; inner ones are kept so every value stays in its position.
impl fmt::Display for AccountString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let values = Segment::ALL.map(|segment| self.get(segment));
        let shown = values
            .iter()
            .rposition(|value| !value.is_empty())
            .map_or(0, |last| last + 1);
        for (index, value) in values.iter().take(shown).enumerate() {
            if index > 0 {
                f.write_str("/")?;
            }
            f.write_str(value)?;
        }
        Ok(())
    }
}

/// Why a single segment was refused. The UI words the message from [`SegmentError::code`];
/// each refusal carries what the segment accepts, so the message can say how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentError {
    /// A required segment is empty.
    Missing,
    TooShort(Allowed),
    TooLong(Allowed),
    /// A character outside the segment's [`Charset`].
    InvalidCharacters(Allowed),
}

impl SegmentError {
    /// Stable identifier for messages, logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            SegmentError::Missing => "account_segment_missing",
            SegmentError::TooShort(_) => "account_segment_too_short",
            SegmentError::TooLong(_) => "account_segment_too_long",
            SegmentError::InvalidCharacters(_) => "account_segment_invalid_characters",
        }
    }

    /// What the segment accepts; None for a missing one.
    pub fn allowed(&self) -> Option<Allowed> {
        match self {
            SegmentError::Missing => None,
            SegmentError::TooShort(allowed)
            | SegmentError::TooLong(allowed)
            | SegmentError::InvalidCharacters(allowed) => Some(*allowed),
        }
    }
}

impl fmt::Display for SegmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for SegmentError {}

/// Why a whole typed account string could not be split into segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountStringError {
    /// More than the five segments the municipality defines.
    TooManySegments,
}

impl AccountStringError {
    /// Stable identifier for messages, logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            AccountStringError::TooManySegments => "account_string_too_many_segments",
        }
    }
}

impl fmt::Display for AccountStringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for AccountStringError {}

/// Trims and uppercases, so "p1 " and "P1" are the same code.
pub fn normalise_segment(value: &str) -> String {
    value.trim().to_ascii_uppercase()
}

/// Splits a typed account string into segments.
///
/// With "/" every position counts, so "1234/5678//P1" leaves Fri empty. Without
/// "/", runs of spaces or hyphens separate segments and nothing can be skipped.
pub fn split_account_string(input: &str) -> Result<AccountString, AccountStringError> {
    let parts: Vec<&str> = if input.contains('/') {
        input.split('/').collect()
    } else {
        input
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|part| !part.is_empty())
            .collect()
    };
    if parts.len() > Segment::ALL.len() {
        return Err(AccountStringError::TooManySegments);
    }
    let mut account = AccountString::default();
    for (segment, part) in Segment::ALL.iter().zip(parts) {
        account.set(*segment, normalise_segment(part));
    }
    Ok(account)
}

/// Every problem, in segment order, so the error summary can list them all at once.
/// An empty optional segment is fine.
pub fn validate_account_string(
    value: &AccountString,
    rules: &AccountStringRules,
) -> Vec<(Segment, SegmentError)> {
    Segment::ALL
        .iter()
        .filter_map(|segment| {
            validate_segment(value.get(*segment), rules.rule(*segment))
                .err()
                .map(|error| (*segment, error))
        })
        .collect()
}

/// Checks one segment (e.g. from its own input box) against its rule.
pub fn validate_segment(value: &str, rule: &SegmentRule) -> Result<(), SegmentError> {
    if value.is_empty() {
        return if rule.required {
            Err(SegmentError::Missing)
        } else {
            Ok(())
        };
    }
    if !value.chars().all(|c| rule.charset.allows(c)) {
        return Err(SegmentError::InvalidCharacters(rule.allowed()));
    }
    let length = value.chars().count();
    if length < usize::from(rule.min_len) {
        return Err(SegmentError::TooShort(rule.allowed()));
    }
    if length > usize::from(rule.max_len) {
        return Err(SegmentError::TooLong(rule.allowed()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn account(segments: [&str; 5]) -> AccountString {
        let [ansvar, verksamhet, fri, projekt, objekt] = segments.map(String::from);
        AccountString {
            ansvar,
            verksamhet,
            fri,
            projekt,
            objekt,
        }
    }

    #[test]
    fn default_rules_match_domain_rules() {
        let rules = AccountStringRules::default();
        for segment in [Segment::Ansvar, Segment::Verksamhet] {
            assert_eq!(
                rules.rule(segment),
                &SegmentRule {
                    required: true,
                    min_len: 1,
                    max_len: 6,
                    charset: Charset::Digits
                }
            );
        }
        for segment in [Segment::Fri, Segment::Projekt, Segment::Objekt] {
            assert_eq!(
                rules.rule(segment),
                &SegmentRule {
                    required: false,
                    min_len: 1,
                    max_len: 8,
                    charset: Charset::Alphanumeric
                }
            );
        }
    }

    #[test]
    fn splits_on_every_accepted_separator() {
        let cases: &[(&str, [&str; 5])] = &[
            ("1234/5678/9/P1/O2", ["1234", "5678", "9", "P1", "O2"]),
            ("1234/5678", ["1234", "5678", "", "", ""]),
            ("1234/5678//P1", ["1234", "5678", "", "P1", ""]),
            (" 1234 / 5678 / / p1 ", ["1234", "5678", "", "P1", ""]),
            ("1234/5678/", ["1234", "5678", "", "", ""]),
            ("/5678", ["", "5678", "", "", ""]),
            ("1234 5678 9 P1 O2", ["1234", "5678", "9", "P1", "O2"]),
            ("1234   5678", ["1234", "5678", "", "", ""]),
            ("1234-5678-9-p1", ["1234", "5678", "9", "P1", ""]),
            ("1234 - 5678", ["1234", "5678", "", "", ""]),
            ("1234\t5678\u{A0}x", ["1234", "5678", "X", "", ""]),
            ("1234", ["1234", "", "", "", ""]),
            ("", ["", "", "", "", ""]),
            ("   ", ["", "", "", "", ""]),
            ("////", ["", "", "", "", ""]),
            // inside "/" parts, spaces and hyphens are kept for validation to judge
            ("12 34/5678", ["12 34", "5678", "", "", ""]),
            ("1234/56-78", ["1234", "56-78", "", "", ""]),
        ];
        for (input, expected) in cases {
            assert_eq!(
                split_account_string(input),
                Ok(account(*expected)),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn refuses_more_than_five_segments() {
        for input in [
            "1/2/3/4/5/6",
            "1 2 3 4 5 6",
            "1-2-3-4-5-6",
            "1/2/3/4/5/",
            "/////",
        ] {
            assert_eq!(
                split_account_string(input),
                Err(AccountStringError::TooManySegments),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn validates_against_default_rules() {
        use Segment::*;
        use SegmentError::*;
        let rules = AccountStringRules::default();
        let digits = Allowed {
            min_len: 1,
            max_len: 6,
            charset: Charset::Digits,
        };
        let code = Allowed {
            min_len: 1,
            max_len: 8,
            charset: Charset::Alphanumeric,
        };
        type Problems = Vec<(Segment, SegmentError)>;
        let cases: Vec<([&str; 5], Problems)> = vec![
            (["1234", "5678", "", "", ""], vec![]),
            (["1", "123456", "A", "P1", "ABCD1234"], vec![]),
            (["1234", "5678", "", "p1", ""], vec![]),
            (
                ["", "", "", "", ""],
                vec![(Ansvar, Missing), (Verksamhet, Missing)],
            ),
            (["1234", "", "", "", ""], vec![(Verksamhet, Missing)]),
            (
                ["1234567", "5678", "", "", ""],
                vec![(Ansvar, TooLong(digits))],
            ),
            (
                ["12A4", "5678", "", "", ""],
                vec![(Ansvar, InvalidCharacters(digits))],
            ),
            (
                ["1234", "56 78", "", "", ""],
                vec![(Verksamhet, InvalidCharacters(digits))],
            ),
            (
                ["1234", "5678", "ÅÄÖ", "", ""],
                vec![(Fri, InvalidCharacters(code))],
            ),
            (
                ["1234", "5678", "", "P-1", ""],
                vec![(Projekt, InvalidCharacters(code))],
            ),
            (
                ["1234", "5678", "", "", "123456789"],
                vec![(Objekt, TooLong(code))],
            ),
            (
                ["١٢", "5678", "", "", ""],
                vec![(Ansvar, InvalidCharacters(digits))],
            ),
            (
                ["x", "1234567", "", "P_1", "ABCDEFGHI"],
                vec![
                    (Ansvar, InvalidCharacters(digits)),
                    (Verksamhet, TooLong(digits)),
                    (Projekt, InvalidCharacters(code)),
                    (Objekt, TooLong(code)),
                ],
            ),
        ];
        for (segments, expected) in cases {
            assert_eq!(
                validate_account_string(&account(segments), &rules),
                expected,
                "segments {segments:?}"
            );
        }
    }

    #[test]
    fn validates_against_custom_rules() {
        use Segment::*;
        use SegmentError::*;
        let exact = |len, required, charset| SegmentRule {
            required,
            min_len: len,
            max_len: len,
            charset,
        };
        let rules = AccountStringRules {
            ansvar: exact(5, true, Charset::Digits),
            verksamhet: exact(4, true, Charset::Digits),
            fri: exact(2, false, Charset::Digits),
            projekt: exact(6, true, Charset::Alphanumeric),
            objekt: exact(3, false, Charset::Alphanumeric),
        };
        assert_eq!(
            validate_account_string(&account(["12345", "1234", "", "PROJ01", ""]), &rules),
            vec![]
        );
        assert_eq!(
            validate_account_string(&account(["1234", "12345", "1A", "", "O1"]), &rules),
            vec![
                (Ansvar, TooShort(rules.ansvar.allowed())),
                (Verksamhet, TooLong(rules.verksamhet.allowed())),
                (Fri, InvalidCharacters(rules.fri.allowed())),
                (Projekt, Missing),
                (Objekt, TooShort(rules.objekt.allowed())),
            ]
        );
    }

    #[test]
    fn displays_joined_by_slash() {
        let cases: &[([&str; 5], &str)] = &[
            (["1234", "5678", "", "P1", ""], "1234/5678//P1"),
            (["1234", "5678", "", "", ""], "1234/5678"),
            (["1234", "5678", "9", "P1", "O2"], "1234/5678/9/P1/O2"),
            (["", "5678", "", "", ""], "/5678"),
            (["", "", "", "", "O2"], "////O2"),
            (["", "", "", "", ""], ""),
        ];
        for (segments, display) in cases {
            assert_eq!(account(*segments).to_string(), *display);
        }
    }

    #[test]
    fn get_set_and_is_empty_agree() {
        let mut value = AccountString::default();
        assert!(value.is_empty());
        for (index, segment) in Segment::ALL.iter().enumerate() {
            value.set(*segment, format!("V{index}"));
        }
        assert_eq!(value, account(["V0", "V1", "V2", "V3", "V4"]));
        for (index, segment) in Segment::ALL.iter().enumerate() {
            assert_eq!(value.get(*segment), format!("V{index}"));
        }
        assert!(!value.is_empty());
        value.set(Segment::Projekt, " kept as typed ".to_string());
        assert_eq!(value.projekt, " kept as typed ");
    }

    #[test]
    fn serialises_with_stable_names() {
        assert_eq!(
            serde_json::to_string(&Segment::Verksamhet).unwrap(),
            "\"verksamhet\""
        );
        assert_eq!(
            serde_json::to_string(&Charset::Alphanumeric).unwrap(),
            "\"alphanumeric\""
        );
        for segment in Segment::ALL {
            assert_eq!(
                serde_json::to_string(&segment).unwrap(),
                format!("\"{}\"", segment.key())
            );
        }
        let rules = AccountStringRules::default();
        let json = serde_json::to_string(&rules).unwrap();
        assert_eq!(
            serde_json::from_str::<AccountStringRules>(&json).unwrap(),
            rules
        );
        let value = account(["1234", "5678", "", "P1", ""]);
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(serde_json::from_str::<AccountString>(&json).unwrap(), value);
    }

    #[test]
    fn error_codes_are_stable() {
        use SegmentError::*;
        let allowed = AccountStringRules::default().ansvar.allowed();
        let codes: Vec<_> = [
            Missing,
            TooShort(allowed),
            TooLong(allowed),
            InvalidCharacters(allowed),
        ]
        .iter()
        .map(SegmentError::code)
        .collect();
        assert_eq!(
            codes,
            [
                "account_segment_missing",
                "account_segment_too_short",
                "account_segment_too_long",
                "account_segment_invalid_characters"
            ]
        );
        assert_eq!(
            AccountStringError::TooManySegments.code(),
            "account_string_too_many_segments"
        );
    }

    fn valid_account() -> impl Strategy<Value = AccountString> {
        (
            "[0-9]{1,6}",
            "[0-9]{1,6}",
            "([A-Z0-9]{1,8})?",
            "([A-Z0-9]{1,8})?",
            "([A-Z0-9]{1,8})?",
        )
            .prop_map(|(ansvar, verksamhet, fri, projekt, objekt)| AccountString {
                ansvar,
                verksamhet,
                fri,
                projekt,
                objekt,
            })
    }

    proptest! {
        #[test]
        fn display_splits_back(value in valid_account()) {
            prop_assert_eq!(validate_account_string(&value, &AccountStringRules::default()), vec![]);
            prop_assert_eq!(split_account_string(&value.to_string()), Ok(value));
        }

        #[test]
        fn split_never_panics_on_any_text(input in any::<String>()) {
            if let Ok(value) = split_account_string(&input) {
                let _ = validate_account_string(&value, &AccountStringRules::default());
            }
        }

        #[test]
        fn split_never_panics_near_the_format(input in "[0-9A-Za-z /\\-]{0,30}") {
            if let Ok(value) = split_account_string(&input) {
                for segment in Segment::ALL {
                    let part = value.get(segment);
                    prop_assert_eq!(part, part.trim());
                    prop_assert!(!part.chars().any(|c| c.is_ascii_lowercase()));
                }
            }
        }
    }
}

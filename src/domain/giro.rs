//! Bankgiro and plusgiro numbers, where independent schools receive the grant.
//!
//! Both end in a Luhn (mod 10) check digit, which catches most single-digit typos
//! and swapped neighbours before money is sent to the wrong account.
//! Rules follow domain-rules.md §2-3, cross-checked against python-stdnum and
//! banktools-se.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A bankgiro number, stored as its 7 or 8 digits without separators.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bankgiro(String);

/// A plusgiro (formerly postgiro) number, stored as its 2 to 8 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Plusgiro(String);

/// Why a giro number was refused.
///
/// Both kinds share these codes ("giro_…"): the UI already knows which field
/// it is wording a message for, and so which lengths to mention
/// (bankgiro 7-8 digits, plusgiro 2-8 digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GiroError {
    Empty,
    /// Something other than digits, spaces and hyphens.
    InvalidCharacters,
    TooShort,
    TooLong,
    /// The last digit does not match: most likely a typo.
    CheckDigit,
    /// "000-0000" passes Luhn but is no account.
    AllZeros,
}

impl GiroError {
    /// Stable identifier for messages, logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            GiroError::Empty => "giro_empty",
            GiroError::InvalidCharacters => "giro_invalid_characters",
            GiroError::TooShort => "giro_too_short",
            GiroError::TooLong => "giro_too_long",
            GiroError::CheckDigit => "giro_check_digit",
            GiroError::AllZeros => "giro_all_zeros",
        }
    }
}

impl fmt::Display for GiroError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for GiroError {}

const BANKGIRO_LENGTHS: std::ops::RangeInclusive<usize> = 7..=8;
const PLUSGIRO_LENGTHS: std::ops::RangeInclusive<usize> = 2..=8;

/// Parses a bankgiro number typed with or without spaces and hyphens.
pub fn parse_bankgiro(input: &str) -> Result<Bankgiro, GiroError> {
    normalise_giro(input, BANKGIRO_LENGTHS).map(Bankgiro)
}

/// Parses a plusgiro number typed with or without spaces and hyphens.
pub fn parse_plusgiro(input: &str) -> Result<Plusgiro, GiroError> {
    normalise_giro(input, PLUSGIRO_LENGTHS).map(Plusgiro)
}

/// Hyphens pasted from word processors often arrive as other dashes.
fn is_ignorable_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn normalise_giro(
    input: &str,
    allowed_lengths: std::ops::RangeInclusive<usize>,
) -> Result<String, GiroError> {
    let digits: String = input
        .chars()
        .filter(|c| !is_ignorable_separator(*c))
        .collect();
    if digits.is_empty() {
        return Err(GiroError::Empty);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(GiroError::InvalidCharacters);
    }
    if digits.len() < *allowed_lengths.start() {
        return Err(GiroError::TooShort);
    }
    if digits.len() > *allowed_lengths.end() {
        return Err(GiroError::TooLong);
    }
    if digits.bytes().all(|b| b == b'0') {
        return Err(GiroError::AllZeros);
    }
    if !luhn_valid(&digits) {
        return Err(GiroError::CheckDigit);
    }
    Ok(digits)
}

/// Luhn (mod 10) over all digits including the check digit.
///
/// `false` for an empty string or anything that is not ASCII digits, so callers
/// cannot mistake garbage for a valid number.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() {
        return false;
    }
    let mut total: u32 = 0;
    for (position_from_right, c) in digits.chars().rev().enumerate() {
        let Some(digit) = c.to_digit(10) else {
            return false;
        };
        let weighted = if position_from_right % 2 == 1 {
            let doubled = digit * 2;
            if doubled > 9 {
                doubled - 9
            } else {
                doubled
            }
        } else {
            digit
        };
        total = (total + weighted) % 10;
    }
    total == 0
}

impl Bankgiro {
    pub fn digits(&self) -> &str {
        &self.0
    }
}

impl Plusgiro {
    pub fn digits(&self) -> &str {
        &self.0
    }
}

/// `NNN-NNNN` or `NNNN-NNNN`: the last four digits always stand alone.
impl fmt::Display for Bankgiro {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let split = self.0.len().saturating_sub(4);
        match (self.0.get(..split), self.0.get(split..)) {
            (Some(head), Some(tail)) if !head.is_empty() => write!(f, "{head}-{tail}"),
            _ => f.write_str(&self.0),
        }
    }
}

/// Check digit after a hyphen, the rest in pairs from the right with a leftover
/// leading digit joining the first pair: `4-2`, `28 65 43-4`, `410 54 68-5`.
impl fmt::Display for Plusgiro {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let check_at = self.0.len().saturating_sub(1);
        let (Some(body), Some(check)) = (self.0.get(..check_at), self.0.get(check_at..)) else {
            return f.write_str(&self.0);
        };
        let first_group_len = match body.len() {
            len if len % 2 == 1 && len >= 3 => 3,
            len => len.min(2),
        };
        let (first, mut rest) = body.split_at_checked(first_group_len).unwrap_or((body, ""));
        f.write_str(first)?;
        while let Some((pair, remaining)) = rest.split_at_checked(2) {
            write!(f, " {pair}")?;
            rest = remaining;
        }
        if !rest.is_empty() {
            write!(f, " {rest}")?;
        }
        write!(f, "-{check}")
    }
}

impl TryFrom<String> for Bankgiro {
    type Error = GiroError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        parse_bankgiro(&value)
    }
}

impl TryFrom<String> for Plusgiro {
    type Error = GiroError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        parse_plusgiro(&value)
    }
}

impl From<Bankgiro> for String {
    fn from(value: Bankgiro) -> Self {
        value.0
    }
}

impl From<Plusgiro> for String {
    fn from(value: Plusgiro) -> Self {
        value.0
    }
}

/// In JSON a bankgiro is its digits only (`"54029681"`), see `docs/application.schema.json`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Bankgiro {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Bankgiro".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A bankgiro number as its 7 or 8 digits without separators; the last digit is a Luhn (mod 10) check digit.",
            "type": "string",
            "pattern": "^[0-9]{7,8}$",
            "examples": ["54029681"]
        })
    }
}

/// In JSON a plusgiro is its digits only (`"2865434"`), see `docs/application.schema.json`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Plusgiro {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Plusgiro".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A plusgiro number as its 2 to 8 digits without separators; the last digit is a Luhn (mod 10) check digit.",
            "type": "string",
            "pattern": "^[0-9]{2,8}$",
            "examples": ["2865434"]
        })
    }
}

impl std::str::FromStr for Bankgiro {
    type Err = GiroError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_bankgiro(s)
    }
}

impl std::str::FromStr for Plusgiro {
    type Err = GiroError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_plusgiro(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The digit that makes `payload` + digit pass Luhn.
    fn luhn_check_digit(payload: &str) -> char {
        ('0'..='9')
            .find(|d| luhn_valid(&format!("{payload}{d}")))
            .unwrap()
    }

    #[test]
    fn luhn_matches_known_numbers() {
        for valid in ["0", "18", "79927398713", "54029681", "2973675", "42"] {
            assert!(luhn_valid(valid), "{valid}");
        }
        for invalid in [
            "",
            "1",
            "79927398710",
            "54029682",
            "12345678",
            "5402-9681",
            "4a2",
            "４2",
        ] {
            assert!(!luhn_valid(invalid), "{invalid}");
        }
    }

    #[test]
    fn accepts_valid_bankgiro() {
        // domain-rules.md §2, with their canonical display
        let cases = [
            ("5402-9681", "54029681", "5402-9681"),
            ("297-3675", "2973675", "297-3675"),
            ("640-5070", "6405070", "640-5070"),
            ("900-0001", "9000001", "900-0001"),
            ("5050-1501", "50501501", "5050-1501"),
            ("902-0033", "9020033", "902-0033"),
            ("158-5694", "1585694", "158-5694"),
            // typing variants
            ("54029681", "54029681", "5402-9681"),
            (" 5402 9681 ", "54029681", "5402-9681"),
            ("5402\u{2013}9681", "54029681", "5402-9681"),
            ("297 36 75", "2973675", "297-3675"),
        ];
        for (input, digits, display) in cases {
            let bankgiro = parse_bankgiro(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(bankgiro.digits(), digits);
            assert_eq!(bankgiro.to_string(), display);
        }
    }

    #[test]
    fn refuses_invalid_bankgiro() {
        use GiroError::*;
        let cases = [
            // domain-rules.md §2
            ("5402-9682", CheckDigit),
            ("1234-5678", CheckDigit),
            ("123-5678", CheckDigit),
            ("902-0034", CheckDigit),
            ("5402-96810", TooLong),
            ("54-0296", TooShort),
            ("5402-968X", InvalidCharacters),
            // more
            ("", Empty),
            (" - ", Empty),
            ("000-0000", AllZeros),
            ("0000-0000", AllZeros),
            ("4-2", TooShort),
            ("5402.9681", InvalidCharacters),
            ("５４０２-９６８１", InvalidCharacters),
            ("BG 5402-9681", InvalidCharacters),
        ];
        for (input, error) in cases {
            assert_eq!(parse_bankgiro(input), Err(error), "input {input:?}");
        }
    }

    #[test]
    fn accepts_valid_plusgiro() {
        // domain-rules.md §3, with their canonical display
        let cases = [
            ("28 65 43-4", "2865434", "28 65 43-4"),
            ("410 54 68-5", "41054685", "410 54 68-5"),
            ("4-2", "42", "4-2"),
            ("90 20 03-3", "9020033", "90 20 03-3"),
            ("116 04 99-8", "11604998", "116 04 99-8"),
            // typing variants
            ("2865434", "2865434", "28 65 43-4"),
            ("42", "42", "4-2"),
            ("410-54-68-5", "41054685", "410 54 68-5"),
        ];
        for (input, digits, display) in cases {
            let plusgiro = parse_plusgiro(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(plusgiro.digits(), digits);
            assert_eq!(plusgiro.to_string(), display);
        }
    }

    #[test]
    fn refuses_invalid_plusgiro() {
        use GiroError::*;
        let cases = [
            // domain-rules.md §3
            ("410 54 68-6", CheckDigit),
            ("354-7", CheckDigit),
            ("90 20 03-4", CheckDigit),
            ("410 54 68-51", TooLong),
            ("1", TooShort),
            // the rules' warning: this well-known-looking number fails Luhn
            ("12 34 56-7", CheckDigit),
            // more
            ("", Empty),
            ("0-0", AllZeros),
            ("00 00 00-0", AllZeros),
            ("PG 4-2", InvalidCharacters),
        ];
        for (input, error) in cases {
            assert_eq!(parse_plusgiro(input), Err(error), "input {input:?}");
        }
    }

    #[test]
    fn groups_plusgiro_of_every_length() {
        let cases = [
            ("42", "4-2"),
            ("18", "1-8"),
            ("125", "12-5"),
            ("1230", "123-0"),
            ("12344", "12 34-4"),
            ("123455", "123 45-5"),
            ("2865434", "28 65 43-4"),
            ("41054685", "410 54 68-5"),
        ];
        for (digits, display) in cases {
            let plusgiro = parse_plusgiro(digits).unwrap_or_else(|e| panic!("{digits}: {e:?}"));
            assert_eq!(plusgiro.to_string(), display);
        }
    }

    #[test]
    fn serialises_as_digits_and_validates_on_read() {
        let bankgiro = parse_bankgiro("5402-9681").unwrap();
        assert_eq!(serde_json::to_string(&bankgiro).unwrap(), "\"54029681\"");
        assert_eq!(
            serde_json::from_str::<Bankgiro>("\"54029681\"").unwrap(),
            bankgiro
        );
        assert!(serde_json::from_str::<Bankgiro>("\"54029682\"").is_err());
        assert!(serde_json::from_str::<Bankgiro>("54029681").is_err());

        let plusgiro = parse_plusgiro("28 65 43-4").unwrap();
        assert_eq!(serde_json::to_string(&plusgiro).unwrap(), "\"2865434\"");
        assert_eq!(
            serde_json::from_str::<Plusgiro>("\"2865434\"").unwrap(),
            plusgiro
        );
        assert!(serde_json::from_str::<Plusgiro>("\"1\"").is_err());
    }

    #[test]
    fn error_codes_are_stable() {
        use GiroError::*;
        let codes: Vec<_> = [
            Empty,
            InvalidCharacters,
            TooShort,
            TooLong,
            CheckDigit,
            AllZeros,
        ]
        .iter()
        .map(GiroError::code)
        .collect();
        assert_eq!(
            codes,
            [
                "giro_empty",
                "giro_invalid_characters",
                "giro_too_short",
                "giro_too_long",
                "giro_check_digit",
                "giro_all_zeros"
            ]
        );
    }

    fn valid_digits(lengths: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
        lengths
            .prop_flat_map(|len| proptest::collection::vec(0u8..=9, len - 1))
            .prop_map(|payload| {
                let payload: String = payload.iter().map(|d| char::from(b'0' + d)).collect();
                let check = luhn_check_digit(&payload);
                format!("{payload}{check}")
            })
            .prop_filter("all zeros", |digits| digits.bytes().any(|b| b != b'0'))
    }

    proptest! {
        #[test]
        fn bankgiro_display_parses_back(digits in valid_digits(BANKGIRO_LENGTHS)) {
            let bankgiro = parse_bankgiro(&digits).unwrap();
            prop_assert_eq!(bankgiro.digits(), digits.as_str());
            prop_assert_eq!(parse_bankgiro(&bankgiro.to_string()), Ok(bankgiro.clone()));
            let json = serde_json::to_string(&bankgiro).unwrap();
            prop_assert_eq!(serde_json::from_str::<Bankgiro>(&json).unwrap(), bankgiro);
        }

        #[test]
        fn plusgiro_display_parses_back(digits in valid_digits(PLUSGIRO_LENGTHS)) {
            let plusgiro = parse_plusgiro(&digits).unwrap();
            prop_assert_eq!(plusgiro.digits(), digits.as_str());
            let display = plusgiro.to_string();
            let check_suffix = format!("-{}", &digits[digits.len() - 1..]);
            prop_assert!(display.ends_with(&check_suffix));
            prop_assert_eq!(parse_plusgiro(&display), Ok(plusgiro.clone()));
            let json = serde_json::to_string(&plusgiro).unwrap();
            prop_assert_eq!(serde_json::from_str::<Plusgiro>(&json).unwrap(), plusgiro);
        }

        #[test]
        fn one_changed_digit_is_caught(digits in valid_digits(BANKGIRO_LENGTHS), position in 0usize..8, bump in 1u8..=9) {
            let mut bytes = digits.into_bytes();
            let position = position % bytes.len();
            bytes[position] = b'0' + (bytes[position] - b'0' + bump) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(!luhn_valid(&changed));
        }

        #[test]
        fn parsers_never_panic_on_any_text(input in any::<String>()) {
            let _ = parse_bankgiro(&input);
            let _ = parse_plusgiro(&input);
            let _ = luhn_valid(&input);
        }

        #[test]
        fn parsers_never_panic_near_the_format(input in "[0-9 \\-X\u{2013}]{0,14}") {
            if let Ok(bankgiro) = parse_bankgiro(&input) {
                prop_assert!(luhn_valid(bankgiro.digits()));
            }
            if let Ok(plusgiro) = parse_plusgiro(&input) {
                prop_assert!(luhn_valid(plusgiro.digits()));
            }
        }
    }
}

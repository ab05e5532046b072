//! Amounts of money as integer öre.
//!
//! Budget rows must add up exactly to the krona, which floats cannot promise, so every
//! amount is an `i64` count of öre and every sum is checked for overflow.
//!
//! Parsing accepts what people actually type in Swedish and English
//! ("1 500,00 kr", "SEK 1,234.50", "−50") but refuses to guess when a
//! separator could mean either thousands or decimals ("1.500").

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in öre (1/100 krona); negative amounts are allowed so that
/// differences and refunds can be represented.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

/// In JSON an amount is a bare integer count of öre (`150000` is 1 500,00 kr).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount of money in öre (1/100 krona) as an integer, never a float: 150000 is 1 500,00 kr.",
            "type": "integer",
            "format": "int64",
            "examples": [4450000]
        })
    }
}

const ORE_PER_KRONA: i64 = 100;

/// Largest magnitude `parse_money` accepts (10 000 000 000 000 kr).
///
/// Far above any real application, yet far enough below `i64::MAX` that
/// summing many parsed amounts cannot overflow in practice.
pub const MAX_PARSED_ORE: i64 = 1_000_000_000_000_000;

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_ore(ore: i64) -> Money {
        Money(ore)
    }

    pub const fn ore(self) -> i64 {
        self.0
    }

    /// `None` when the amount does not fit in öre.
    pub fn from_kronor(kr: i64) -> Option<Money> {
        kr.checked_mul(ORE_PER_KRONA).map(Money)
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

/// Total of a budget column; `None` on overflow rather than a wrong total.
pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Option<Money> {
    items
        .into_iter()
        .try_fold(Money::ZERO, |total, item| total.checked_add(item))
}

/// Why a typed amount was refused. The UI words the message from [`MoneyError::code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing but whitespace.
    Empty,
    /// Not an amount at all, or badly grouped ("1 50 000").
    Invalid,
    /// A lone "." or "," followed by three digits ("1.500"): thousands or decimals?
    AmbiguousSeparator,
    /// More than two decimals: öre is the smallest unit.
    TooManyDecimals,
    /// Larger than [`MAX_PARSED_ORE`].
    TooLarge,
}

impl MoneyError {
    /// Stable identifier for messages, logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::Empty => "money_empty",
            MoneyError::Invalid => "money_invalid",
            MoneyError::AmbiguousSeparator => "money_ambiguous_separator",
            MoneyError::TooManyDecimals => "money_too_many_decimals",
            MoneyError::TooLarge => "money_too_large",
        }
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for MoneyError {}

const MINUS_SIGN: char = '\u{2212}';
const NO_BREAK_SPACE: char = '\u{A0}';
const NARROW_NO_BREAK_SPACE: char = '\u{202F}';

/// Longest first, so "kr." is not read as "kr" followed by a stray ".".
const CURRENCY_WORDS: [&str; 4] = ["kronor", "kr.", "kr", "sek"];

/// Parses an amount as typed by a person into öre.
///
/// Also accepts the Swedish price-tag ending ":-" / ",-" for whole kronor
/// ("1 500:-"). A leading "SEK" marks English conventions, so "SEK 1,500" (as
/// written by [`format_en`]) means 1 500 kr instead of being ambiguous; a
/// whole-kronor ending likewise settles "1.500:-".
pub fn parse_money(input: &str) -> Result<Money, MoneyError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(MoneyError::Empty);
    }
    let affixes = strip_affixes(trimmed);
    let (body, whole_kronor_marker) = strip_whole_kronor_marker(affixes.number);
    let (runs, separators) = split_digit_runs(body)?;
    let hints = GroupingHints {
        english_prefix: affixes.english_prefix,
        whole_kronor_marker,
    };
    let layout = interpret_separators(&runs, &separators, hints)?;
    let magnitude = magnitude_in_ore(&layout)?;
    let ore = if affixes.negative {
        magnitude.checked_neg().ok_or(MoneyError::TooLarge)?
    } else {
        magnitude
    };
    Ok(Money(ore))
}

struct Affixes<'a> {
    negative: bool,
    /// "SEK" written before the number, as English does.
    english_prefix: bool,
    number: &'a str,
}

/// Accepts the sign before or after a leading currency ("−SEK 50", "SEK −50")
/// and at most one currency word, leading or trailing.
fn strip_affixes(text: &str) -> Affixes<'_> {
    let mut rest = text;
    let mut negative = false;
    if let Some(after) = strip_minus(rest) {
        negative = true;
        rest = after.trim_start();
    }
    let mut english_prefix = false;
    if let Some((word, after)) = strip_currency_prefix(rest) {
        english_prefix = word == "sek";
        rest = after.trim_start();
        if !negative {
            if let Some(after) = strip_minus(rest) {
                negative = true;
                rest = after.trim_start();
            }
        }
    } else if let Some(before) = strip_currency_suffix(rest) {
        rest = before.trim_end();
    }
    Affixes {
        negative,
        english_prefix,
        number: rest,
    }
}

fn strip_minus(text: &str) -> Option<&str> {
    text.strip_prefix('-')
        .or_else(|| text.strip_prefix(MINUS_SIGN))
}

fn strip_currency_prefix(text: &str) -> Option<(&'static str, &str)> {
    CURRENCY_WORDS.iter().find_map(|word| {
        let head = text.get(..word.len())?;
        if head.eq_ignore_ascii_case(word) {
            Some((*word, text.get(word.len()..)?))
        } else {
            None
        }
    })
}

fn strip_currency_suffix(text: &str) -> Option<&str> {
    CURRENCY_WORDS.iter().find_map(|word| {
        let start = text.len().checked_sub(word.len())?;
        let tail = text.get(start..)?;
        if tail.eq_ignore_ascii_case(word) {
            text.get(..start)
        } else {
            None
        }
    })
}

fn strip_whole_kronor_marker(text: &str) -> (&str, bool) {
    match text.strip_suffix(":-").or_else(|| text.strip_suffix(",-")) {
        Some(before) => (before.trim_end(), true),
        None => (text, false),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Space,
    Comma,
    Period,
}

fn separator_of(c: char) -> Option<Separator> {
    match c {
        ' ' | NO_BREAK_SPACE | NARROW_NO_BREAK_SPACE => Some(Separator::Space),
        ',' => Some(Separator::Comma),
        '.' => Some(Separator::Period),
        _ => None,
    }
}

/// Splits "1 234,50" into runs ["1", "234", "50"] and separators [Space, Comma].
/// Every separator must sit between two digits.
fn split_digit_runs(body: &str) -> Result<(Vec<&str>, Vec<Separator>), MoneyError> {
    let mut runs = Vec::new();
    let mut separators = Vec::new();
    let mut run_start = 0;
    for (index, c) in body.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        let separator = separator_of(c).ok_or(MoneyError::Invalid)?;
        let run = body.get(run_start..index).ok_or(MoneyError::Invalid)?;
        if run.is_empty() {
            return Err(MoneyError::Invalid);
        }
        runs.push(run);
        separators.push(separator);
        run_start = index + c.len_utf8();
    }
    let last_run = body.get(run_start..).ok_or(MoneyError::Invalid)?;
    if last_run.is_empty() {
        return Err(MoneyError::Invalid);
    }
    runs.push(last_run);
    Ok((runs, separators))
}

/// Context that settles whether "1,500" means thousands.
#[derive(Clone, Copy)]
struct GroupingHints {
    /// "SEK 1,500" is English, where a comma groups thousands.
    english_prefix: bool,
    /// "1.500:-" has no öre, so the separator can only group thousands.
    whole_kronor_marker: bool,
}

struct Layout<'a> {
    integer_groups: &'a [&'a str],
    fraction: Option<&'a str>,
}

/// Decides which separator (if any) is the decimal one and checks the grouping.
fn interpret_separators<'a>(
    runs: &'a [&'a str],
    separators: &[Separator],
    hints: GroupingHints,
) -> Result<Layout<'a>, MoneyError> {
    let count = |kind: Separator| separators.iter().filter(|s| **s == kind).count();
    let commas = count(Separator::Comma);
    let periods = count(Separator::Period);
    let spaces = count(Separator::Space);
    let last_separator = separators.last().copied();

    let has_decimal = if commas > 0 && periods > 0 {
        // "1,234.50" / "1.234,50": the last one is the decimal separator.
        let decimal = last_separator.ok_or(MoneyError::Invalid)?;
        if decimal == Separator::Space || count(decimal) != 1 || spaces > 0 {
            return Err(MoneyError::Invalid);
        }
        true
    } else if commas + periods == 1 {
        let lone = if commas == 1 {
            Separator::Comma
        } else {
            Separator::Period
        };
        if last_separator != Some(lone) {
            return Err(MoneyError::Invalid);
        }
        let fraction_len = runs.last().map_or(0, |run| run.len());
        let integer_could_be_first_group = runs.first().is_some_and(|run| is_first_group(run));
        if fraction_len == 3 && spaces == 0 && integer_could_be_first_group {
            if hints.whole_kronor_marker || (hints.english_prefix && lone == Separator::Comma) {
                false
            } else {
                return Err(MoneyError::AmbiguousSeparator);
            }
        } else {
            true
        }
    } else if commas > 1 || periods > 1 {
        // "1,234,567" / "1.234.567": repeated, so it can only be grouping.
        if spaces > 0 {
            return Err(MoneyError::Invalid);
        }
        false
    } else {
        false
    };

    if has_decimal && hints.whole_kronor_marker {
        // "1,50:-" claims both öre and none.
        return Err(MoneyError::Invalid);
    }
    let (integer_groups, fraction) = if has_decimal {
        let (fraction, integer_groups) = runs.split_last().ok_or(MoneyError::Invalid)?;
        (integer_groups, Some(*fraction))
    } else {
        (runs, None)
    };
    check_grouping(integer_groups)?;
    if fraction.is_some_and(|digits| digits.len() > 2) {
        return Err(MoneyError::TooManyDecimals);
    }
    Ok(Layout {
        integer_groups,
        fraction,
    })
}

/// A leading group is 1-3 digits and does not start with 0 ("0 500" is no number).
fn is_first_group(run: &str) -> bool {
    (1..=3).contains(&run.len()) && !run.starts_with('0')
}

fn check_grouping(groups: &[&str]) -> Result<(), MoneyError> {
    match groups.split_first() {
        None => Err(MoneyError::Invalid),
        Some((_, [])) => Ok(()),
        Some((first, rest)) => {
            if is_first_group(first) && rest.iter().all(|group| group.len() == 3) {
                Ok(())
            } else {
                Err(MoneyError::Invalid)
            }
        }
    }
}

fn magnitude_in_ore(layout: &Layout<'_>) -> Result<i64, MoneyError> {
    let mut kronor: i64 = 0;
    for digit in layout.integer_groups.iter().flat_map(|group| group.chars()) {
        let value = digit_value(digit)?;
        kronor = kronor
            .checked_mul(10)
            .and_then(|k| k.checked_add(value))
            .ok_or(MoneyError::TooLarge)?;
    }
    let fraction_ore = match layout.fraction {
        None => 0,
        Some(digits) => {
            let mut chars = digits.chars();
            let tens = chars.next().map_or(Ok(0), digit_value)?;
            let ones = chars.next().map_or(Ok(0), digit_value)?;
            if chars.next().is_some() {
                return Err(MoneyError::TooManyDecimals);
            }
            tens * 10 + ones
        }
    };
    let ore = kronor
        .checked_mul(ORE_PER_KRONA)
        .and_then(|o| o.checked_add(fraction_ore))
        .ok_or(MoneyError::TooLarge)?;
    if ore > MAX_PARSED_ORE {
        return Err(MoneyError::TooLarge);
    }
    Ok(ore)
}

fn digit_value(c: char) -> Result<i64, MoneyError> {
    c.to_digit(10).map(i64::from).ok_or(MoneyError::Invalid)
}

/// Swedish display: "300 000 kr", "1 234,50 kr", "−50 kr".
///
/// No-break spaces keep an amount from wrapping across lines.
pub fn format_sv(m: Money) -> String {
    let mut text = format_plain_sv(m);
    text.push(NO_BREAK_SPACE);
    text.push_str("kr");
    text
}

/// English display: "SEK 300,000", "SEK 1,234.50", "−SEK 50".
pub fn format_en(m: Money) -> String {
    let mut text = String::new();
    if m.is_negative() {
        text.push(MINUS_SIGN);
    }
    text.push_str("SEK ");
    push_unsigned(&mut text, m, ',', '.');
    text
}

/// Swedish number without the unit, for pre-filling input fields: "1 234,50".
pub fn format_plain_sv(m: Money) -> String {
    let mut text = String::new();
    if m.is_negative() {
        text.push(MINUS_SIGN);
    }
    push_unsigned(&mut text, m, NO_BREAK_SPACE, ',');
    text
}

/// Decimals are shown only when there are öre, as Swedish budgets usually do.
fn push_unsigned(text: &mut String, m: Money, group_separator: char, decimal_separator: char) {
    let magnitude = m.0.unsigned_abs();
    let ore_per_krona = ORE_PER_KRONA.unsigned_abs();
    let kronor = (magnitude / ore_per_krona).to_string();
    let ore = magnitude % ore_per_krona;
    let digit_count = kronor.len();
    for (index, digit) in kronor.chars().enumerate() {
        let remaining = digit_count.saturating_sub(index);
        if index > 0 && remaining % 3 == 0 {
            text.push(group_separator);
        }
        text.push(digit);
    }
    if ore != 0 {
        text.push(decimal_separator);
        text.push_str(&format!("{ore:02}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kr(kronor: i64) -> Money {
        Money::from_kronor(kronor).unwrap()
    }

    #[test]
    fn accepts_what_people_type() {
        let cases: &[(&str, i64)] = &[
            // domain-rules.md §5 and the brief
            ("1500", 150_000),
            ("1 500", 150_000),
            ("1 500,00 kr", 150_000),
            ("1 234,50 kr", 123_450),
            ("300 000 kr", 30_000_000),
            ("1500 SEK", 150_000),
            ("SEK 1,234.50", 123_450),
            ("-50", -5_000),
            ("\u{2212}50", -5_000),
            ("1\u{A0}500", 150_000),
            ("1\u{202F}500", 150_000),
            ("300\u{A0}000\u{A0}kr", 30_000_000),
            ("12,5", 1_250),
            ("1500.50", 150_050),
            ("1,234.50", 123_450),
            ("1.234,50", 123_450),
            // currency words, case, position, whitespace
            ("  1500  ", 150_000),
            ("1500kr", 150_000),
            ("1500 KR", 150_000),
            ("1500 kr.", 150_000),
            ("1500 Kronor", 150_000),
            ("kr 1500", 150_000),
            ("sek 1500", 150_000),
            ("1500 sek", 150_000),
            ("-50 kr", -5_000),
            ("\u{2212}SEK 50", -5_000),
            ("SEK -50", -5_000),
            ("- 50", -5_000),
            // decimals and grouping
            ("0,05", 5),
            ("0,5", 50),
            ("1,50", 150),
            ("1.5", 150),
            ("1 500.50", 150_050),
            ("1 234 567,89", 123_456_789),
            ("1,234,567", 123_456_700),
            ("1.234.567", 123_456_700),
            ("1.234.567,89", 123_456_789),
            ("1,234,567.89", 123_456_789),
            ("0", 0),
            ("-0", 0),
            ("007", 700),
            // a leading SEK means English grouping
            ("SEK 1,500", 150_000),
            ("SEK 300,000", 30_000_000),
            // Swedish whole-kronor ending
            ("1 500:-", 150_000),
            ("1500,-", 150_000),
            ("kr 1 500:-", 150_000),
            ("1.500:-", 150_000),
            ("1,500:-", 150_000),
            ("1.234.567,-", 123_456_700),
            // the limit itself
            ("10 000 000 000 000 kr", MAX_PARSED_ORE),
            ("-10 000 000 000 000 kr", -MAX_PARSED_ORE),
        ];
        for (input, ore) in cases {
            assert_eq!(
                parse_money(input),
                Ok(Money::from_ore(*ore)),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn refuses_what_cannot_be_read_safely() {
        use MoneyError::*;
        let cases: &[(&str, MoneyError)] = &[
            ("", Empty),
            ("   ", Empty),
            ("\u{A0}", Empty),
            // domain-rules.md §5 and the brief
            ("1.500", AmbiguousSeparator),
            ("1,500", AmbiguousSeparator),
            ("1 50 000", Invalid),
            ("12,345", AmbiguousSeparator),
            ("123.456 kr", AmbiguousSeparator),
            ("1,500 kr", AmbiguousSeparator),
            ("SEK 1.500", AmbiguousSeparator),
            // grouping
            ("1 5000", Invalid),
            ("1234 567", Invalid),
            ("0 500", Invalid),
            ("1,234,5", Invalid),
            ("1,23,456", Invalid),
            ("1.234,567.5", Invalid),
            ("1 234.567,50", Invalid),
            ("1,500 000", Invalid),
            ("1  500", Invalid),
            ("1,,5", Invalid),
            // decimals
            ("12,345 kr", AmbiguousSeparator),
            ("1234,567", TooManyDecimals),
            ("0,500", TooManyDecimals),
            ("1,5000", TooManyDecimals),
            ("1 234,567", TooManyDecimals),
            ("1.234,567", TooManyDecimals),
            ("1,50:-", Invalid),
            ("1,5000:-", Invalid),
            // not amounts
            ("kr", Invalid),
            ("-", Invalid),
            ("abc", Invalid),
            ("1e5", Invalid),
            ("--5", Invalid),
            ("5-", Invalid),
            (",50", Invalid),
            ("50,", Invalid),
            ("1500 kr kr", Invalid),
            ("SEK 1500 kr", Invalid),
            ("1 500 €", Invalid),
            ("\u{0661}\u{0662}", Invalid),
            ("١٢٣", Invalid),
            // size
            ("10 000 000 000 000,01 kr", TooLarge),
            ("99999999999999999999", TooLarge),
            ("-99999999999999999999999999999", TooLarge),
        ];
        for (input, error) in cases {
            assert_eq!(parse_money(input), Err(error.clone()), "input {input:?}");
        }
    }

    #[test]
    fn formats_for_swedish_and_english_readers() {
        let cases: &[(i64, &str, &str, &str)] = &[
            (
                30_000_000,
                "300\u{A0}000\u{A0}kr",
                "SEK 300,000",
                "300\u{A0}000",
            ),
            (
                123_450,
                "1\u{A0}234,50\u{A0}kr",
                "SEK 1,234.50",
                "1\u{A0}234,50",
            ),
            (-5_000, "\u{2212}50\u{A0}kr", "\u{2212}SEK 50", "\u{2212}50"),
            (0, "0\u{A0}kr", "SEK 0", "0"),
            (5, "0,05\u{A0}kr", "SEK 0.05", "0,05"),
            (100_000, "1\u{A0}000\u{A0}kr", "SEK 1,000", "1\u{A0}000"),
            (99_999, "999,99\u{A0}kr", "SEK 999.99", "999,99"),
            (
                12_345_678_900,
                "123\u{A0}456\u{A0}789\u{A0}kr",
                "SEK 123,456,789",
                "123\u{A0}456\u{A0}789",
            ),
        ];
        for (ore, sv, en, plain) in cases {
            let m = Money::from_ore(*ore);
            assert_eq!(format_sv(m), *sv);
            assert_eq!(format_en(m), *en);
            assert_eq!(format_plain_sv(m), *plain);
        }
    }

    #[test]
    fn formats_extremes_without_panicking() {
        assert_eq!(
            format_plain_sv(Money::from_ore(i64::MIN)),
            "\u{2212}92\u{A0}233\u{A0}720\u{A0}368\u{A0}547\u{A0}758,08"
        );
        assert_eq!(
            format_en(Money::from_ore(i64::MAX)),
            "SEK 92,233,720,368,547,758.07"
        );
    }

    #[test]
    fn arithmetic_is_checked() {
        assert_eq!(Money::from_kronor(15), Some(Money::from_ore(1_500)));
        assert_eq!(Money::from_kronor(i64::MAX / 100 + 1), None);
        assert_eq!(Money::from_kronor(i64::MIN / 100 - 1), None);
        assert_eq!(kr(2).checked_add(kr(3)), Some(kr(5)));
        assert_eq!(kr(2).checked_sub(kr(3)), Some(kr(-1)));
        assert_eq!(
            Money::from_ore(i64::MAX).checked_add(Money::from_ore(1)),
            None
        );
        assert_eq!(
            Money::from_ore(i64::MIN).checked_sub(Money::from_ore(1)),
            None
        );
        assert!(kr(-1).is_negative());
        assert!(!Money::ZERO.is_negative());
        assert_eq!(Money::default(), Money::ZERO);
        assert_eq!(Money::from_ore(42).ore(), 42);
    }

    #[test]
    fn sums_or_reports_overflow() {
        assert_eq!(sum(Vec::new()), Some(Money::ZERO));
        assert_eq!(
            sum([kr(100), kr(200), Money::from_ore(50)]),
            Some(Money::from_ore(30_050))
        );
        assert_eq!(sum([Money::from_ore(i64::MAX), Money::from_ore(1)]), None);
        assert_eq!(
            sum([
                Money::from_ore(i64::MAX),
                Money::from_ore(1),
                Money::from_ore(-1)
            ]),
            None,
            "an intermediate overflow is reported, not hidden by a later item"
        );
    }

    #[test]
    fn serialises_as_plain_ore() {
        assert_eq!(
            serde_json::to_string(&Money::from_ore(123_450)).unwrap(),
            "123450"
        );
        assert_eq!(
            serde_json::from_str::<Money>("-5000").unwrap(),
            Money::from_ore(-5_000)
        );
        assert!(serde_json::from_str::<Money>("\"12\"").is_err());
        assert!(serde_json::from_str::<Money>("1.5").is_err());
    }

    #[test]
    fn error_codes_are_stable() {
        use MoneyError::*;
        let codes: Vec<_> = [
            Empty,
            Invalid,
            AmbiguousSeparator,
            TooManyDecimals,
            TooLarge,
        ]
        .iter()
        .map(MoneyError::code)
        .collect();
        assert_eq!(
            codes,
            [
                "money_empty",
                "money_invalid",
                "money_ambiguous_separator",
                "money_too_many_decimals",
                "money_too_large"
            ]
        );
    }

    fn parseable_money() -> impl Strategy<Value = Money> {
        prop_oneof![
            (-MAX_PARSED_ORE..=MAX_PARSED_ORE),
            (-1_000_000_000i64..=1_000_000_000),
            (-100_000i64..=100_000).prop_map(|kronor| kronor * 100),
        ]
        .prop_map(Money::from_ore)
    }

    proptest! {
        #[test]
        fn swedish_display_parses_back(m in parseable_money()) {
            prop_assert_eq!(parse_money(&format_sv(m)), Ok(m));
        }

        #[test]
        fn english_display_parses_back(m in parseable_money()) {
            prop_assert_eq!(parse_money(&format_en(m)), Ok(m));
        }

        #[test]
        fn input_field_display_parses_back(m in parseable_money()) {
            prop_assert_eq!(parse_money(&format_plain_sv(m)), Ok(m));
        }

        #[test]
        fn json_round_trips(ore in any::<i64>()) {
            let m = Money::from_ore(ore);
            let json = serde_json::to_string(&m).unwrap();
            prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
        }

        #[test]
        fn formatting_never_panics(ore in any::<i64>()) {
            let m = Money::from_ore(ore);
            let _ = (format_sv(m), format_en(m), format_plain_sv(m));
        }

        #[test]
        fn parser_never_panics_on_any_text(input in any::<String>()) {
            let _ = parse_money(&input);
        }

        #[test]
        fn parser_never_panics_near_the_format(
            input in "[0-9 ,.\\-kr]{0,20}"
        ) {
            let _ = parse_money(&input);
        }

        #[test]
        fn parser_never_panics_on_amount_shapes(
            input in "(SEK |kr |\u{2212}|-)?[0-9 \u{A0}\u{202F},.:\\-]{0,24}( ?kr\\.?| SEK| kronor)?"
        ) {
            if let Ok(m) = parse_money(&input) {
                prop_assert!(m.ore().abs() <= MAX_PARSED_ORE);
            }
        }

        #[test]
        fn accepted_amounts_are_stable_under_reformatting(input in "[0-9 ,.]{1,16}") {
            if let Ok(m) = parse_money(&input) {
                prop_assert_eq!(parse_money(&format_sv(m)), Ok(m));
            }
        }
    }
}

//! Calendar dates for the trip's start and end.
//!
//! ISO 8601 (ÅÅÅÅ-MM-DD) is the Swedish standard in forms, so it is what we store
//! and show by default. Two-digit years are refused outright: "27-03-05" could be
//! read as several different days.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Earliest and latest year accepted anywhere, so that every `Date` survives a
/// round trip through its four-digit ISO text and typos like 20277 are caught.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2199;

/// A calendar date (no time zone: the trip's days are local days). Fields in this order
/// so the derived ordering is chronological. Our own small type rather than a date crate:
/// month lengths and leap years are all we need, and it keeps the wasm ~10 KB smaller
/// (the `time` crate cross-checks it in the tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// `None` for impossible dates and years outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 = January.
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole days from `self` to `other`; negative when `other` is earlier.
    /// A same-day trip gives 0, so "end before start" is `start.days_until(end) < 0`.
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
    /// days_from_civil); years are bounded, so nothing can overflow.
    fn days_since_epoch(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        parse_date(&value)
    }
}

impl From<Date> for String {
    fn from(value: Date) -> Self {
        format_iso(value)
    }
}

/// In JSON a date is its ISO text (`"2027-03-05"`), see `docs/application.schema.json`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date as ISO 8601 text, YYYY-MM-DD (no time, no time zone), year 1900-2199.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "examples": ["2027-03-05"]
        })
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_date(s)
    }
}

/// Why a typed date was refused. The UI words the message from [`DateError::code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing typed (in any of the boxes).
    Empty,
    /// Not a date at all, or only some of the boxes filled in.
    Invalid,
    /// "27-03-05": the century must be written out.
    TwoDigitYear,
    /// Month or day that does not exist, e.g. 2027-02-30 or 2027-13-01.
    ImpossibleDate,
    /// Year outside [`MIN_YEAR`]..=[`MAX_YEAR`], almost always a typo.
    YearOutOfRange,
}

impl DateError {
    /// Stable identifier for messages, logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            DateError::Empty => "date_empty",
            DateError::Invalid => "date_invalid",
            DateError::TwoDigitYear => "date_two_digit_year",
            DateError::ImpossibleDate => "date_impossible",
            DateError::YearOutOfRange => "date_year_out_of_range",
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for DateError {}

/// Parses "2027-03-05", "2027-3-5" or "20270305".
///
/// Day-first and slash formats are not accepted: "05/03/2027" means different
/// days to Swedish and American readers.
pub fn parse_date(input: &str) -> Result<Date, DateError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    if all_ascii_digits(text) {
        return match text.len() {
            8 => {
                let year = text.get(..4).ok_or(DateError::Invalid)?;
                let month = text.get(4..6).ok_or(DateError::Invalid)?;
                let day = text.get(6..).ok_or(DateError::Invalid)?;
                build_date(year, month, day)
            }
            6 => Err(DateError::TwoDigitYear),
            _ => Err(DateError::Invalid),
        };
    }
    let mut parts = text.split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day), None) => {
            for part in [year, month, day] {
                if part.is_empty() || !all_ascii_digits(part) {
                    return Err(DateError::Invalid);
                }
            }
            if month.len() > 2 || day.len() > 2 {
                return Err(DateError::Invalid);
            }
            build_date(year, month, day)
        }
        _ => Err(DateError::Invalid),
    }
}

/// Parses the three boxes of a GOV.UK-style date input.
///
/// The month box also takes a month name or its first three letters in Swedish
/// or English ("mars", "Mar"), as GOV.UK does, since people type that too.
pub fn parse_date_parts(day: &str, month: &str, year: &str) -> Result<Date, DateError> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Err(DateError::Empty);
    }
    if day.is_empty() || month.is_empty() || year.is_empty() {
        return Err(DateError::Invalid);
    }
    if !all_ascii_digits(day) || day.len() > 2 || !all_ascii_digits(year) {
        return Err(DateError::Invalid);
    }
    let month_number = if all_ascii_digits(month) && month.len() <= 2 {
        small_number(month)?
    } else {
        month_from_name(month).ok_or(DateError::Invalid)?
    };
    let year_number = year_from_digits(year)?;
    check_year(year_number)?;
    let day_number = small_number(day)?;
    Date::from_ymd(year_number, month_number, day_number).ok_or(DateError::ImpossibleDate)
}

fn build_date(year: &str, month: &str, day: &str) -> Result<Date, DateError> {
    let year_number = year_from_digits(year)?;
    check_year(year_number)?;
    Date::from_ymd(year_number, small_number(month)?, small_number(day)?)
        .ok_or(DateError::ImpossibleDate)
}

fn check_year(year: i32) -> Result<(), DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(DateError::YearOutOfRange)
    }
}

/// Only four-digit years: two digits is the classic ambiguity, other lengths typos.
fn year_from_digits(digits: &str) -> Result<i32, DateError> {
    match digits.len() {
        4 => digits.parse().map_err(|_| DateError::Invalid),
        2 => Err(DateError::TwoDigitYear),
        _ => Err(DateError::Invalid),
    }
}

/// Month or day of at most two ASCII digits.
fn small_number(digits: &str) -> Result<u8, DateError> {
    if digits.is_empty() || digits.len() > 2 || !all_ascii_digits(digits) {
        return Err(DateError::Invalid);
    }
    digits.parse().map_err(|_| DateError::Invalid)
}

fn all_ascii_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Full name or three-letter abbreviation, with or without a trailing ".".
fn month_from_name(text: &str) -> Option<u8> {
    let name = text.strip_suffix('.').unwrap_or(text).to_ascii_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    (1u8..=12)
        .zip(MONTHS_SV.iter().zip(MONTHS_EN.iter()))
        .find_map(|(number, (sv, en))| {
            let matches = |full: &str| {
                let full = full.to_ascii_lowercase();
                name == full || full.get(..3) == Some(name.as_str())
            };
            (matches(sv) || matches(en)).then_some(number)
        })
}

/// "2027-03-05": the stored and default displayed form.
pub fn format_iso(d: Date) -> String {
    d.to_string()
}

/// "5 mars 2027", for running Swedish text.
pub fn format_long_sv(d: Date) -> String {
    format_long(d, &MONTHS_SV)
}

/// "5 March 2027", for running English text.
pub fn format_long_en(d: Date) -> String {
    format_long(d, &MONTHS_EN)
}

fn format_long(d: Date, names: &[&str; 12]) -> String {
    let name = usize::from(d.month())
        .checked_sub(1)
        .and_then(|index| names.get(index))
        .copied()
        .unwrap_or_default();
    format!("{} {} {}", d.day(), name, d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date::from_ymd(year, month, day).unwrap()
    }

    #[test]
    fn accepts_iso_and_compact_forms() {
        let cases: &[(&str, (i32, u8, u8))] = &[
            // domain-rules.md §5 and the brief
            ("2027-03-05", (2027, 3, 5)),
            ("20270305", (2027, 3, 5)),
            ("2027-3-5", (2027, 3, 5)),
            ("  2027-03-05\n", (2027, 3, 5)),
            ("\u{A0}20270305 ", (2027, 3, 5)),
            // leap years and the edges of the year range
            ("2028-02-29", (2028, 2, 29)),
            ("2000-02-29", (2000, 2, 29)),
            ("1900-01-01", (1900, 1, 1)),
            ("2199-12-31", (2199, 12, 31)),
            ("2027-12-31", (2027, 12, 31)),
        ];
        for (input, (y, m, d)) in cases {
            assert_eq!(parse_date(input), Ok(date(*y, *m, *d)), "input {input:?}");
        }
    }

    #[test]
    fn refuses_ambiguous_impossible_and_garbage() {
        use DateError::*;
        let cases: &[(&str, DateError)] = &[
            ("", Empty),
            ("  ", Empty),
            // domain-rules.md §5 and the brief
            ("27-03-05", TwoDigitYear),
            ("270305", TwoDigitYear),
            ("2027-02-30", ImpossibleDate),
            ("2027-13-01", ImpossibleDate),
            ("hello", Invalid),
            // more impossible dates
            ("2027-02-29", ImpossibleDate),
            ("1900-02-29", ImpossibleDate),
            ("2027-00-10", ImpossibleDate),
            ("2027-01-00", ImpossibleDate),
            ("2027-04-31", ImpossibleDate),
            ("20270230", ImpossibleDate),
            // year range
            ("1899-12-31", YearOutOfRange),
            ("2200-01-01", YearOutOfRange),
            ("0000-01-01", YearOutOfRange),
            // shapes we do not read
            ("05/03/2027", Invalid),
            ("5.3.2027", Invalid),
            ("2027/03/05", Invalid),
            ("2027-03", Invalid),
            ("2027-03-05-01", Invalid),
            ("2027--05", Invalid),
            ("2027-003-05", Invalid),
            ("20277-03-05", Invalid),
            ("2027-03-05T10:00", Invalid),
            ("2027 03 05", Invalid),
            ("+2027-03-05", Invalid),
            ("-2027-03-05", Invalid),
            ("2027", Invalid),
            ("202703051", Invalid),
            ("２０２７-03-05", Invalid),
            ("7-03-05", Invalid),
        ];
        for (input, error) in cases {
            assert_eq!(parse_date(input), Err(error.clone()), "input {input:?}");
        }
    }

    #[test]
    fn reads_three_boxes() {
        assert_eq!(parse_date_parts("5", "3", "2027"), Ok(date(2027, 3, 5)));
        assert_eq!(
            parse_date_parts(" 05 ", "03", " 2027"),
            Ok(date(2027, 3, 5))
        );
        assert_eq!(parse_date_parts("5", "mars", "2027"), Ok(date(2027, 3, 5)));
        assert_eq!(parse_date_parts("5", "March", "2027"), Ok(date(2027, 3, 5)));
        assert_eq!(parse_date_parts("5", "MAR", "2027"), Ok(date(2027, 3, 5)));
        assert_eq!(parse_date_parts("5", "okt.", "2027"), Ok(date(2027, 10, 5)));
        assert_eq!(parse_date_parts("5", "maj", "2027"), Ok(date(2027, 5, 5)));
        assert_eq!(parse_date_parts("5", "May", "2027"), Ok(date(2027, 5, 5)));
        assert_eq!(parse_date_parts("29", "2", "2028"), Ok(date(2028, 2, 29)));
    }

    #[test]
    fn refuses_bad_boxes() {
        use DateError::*;
        let cases: &[((&str, &str, &str), DateError)] = &[
            (("", "", ""), Empty),
            ((" ", "\t", ""), Empty),
            (("5", "", "2027"), Invalid),
            (("", "3", "2027"), Invalid),
            (("5", "3", ""), Invalid),
            (("5", "3", "27"), TwoDigitYear),
            (("30", "2", "2027"), ImpossibleDate),
            (("1", "13", "2027"), ImpossibleDate),
            (("0", "1", "2027"), ImpossibleDate),
            (("1", "0", "2027"), ImpossibleDate),
            (("1", "1", "1899"), YearOutOfRange),
            (("1", "1", "2200"), YearOutOfRange),
            (("1", "1", "20277"), Invalid),
            (("1", "1", "207"), Invalid),
            (("x", "1", "2027"), Invalid),
            (("1", "ma", "2027"), Invalid),
            (("1", "marsipan", "2027"), Invalid),
            (("1", "003", "2027"), Invalid),
            (("123", "1", "2027"), Invalid),
            (("-1", "1", "2027"), Invalid),
        ];
        for ((d, m, y), error) in cases {
            assert_eq!(
                parse_date_parts(d, m, y),
                Err(error.clone()),
                "input {d:?} {m:?} {y:?}"
            );
        }
    }

    #[test]
    fn from_ymd_guards_range_and_calendar() {
        assert!(Date::from_ymd(2027, 2, 28).is_some());
        assert!(Date::from_ymd(2027, 2, 29).is_none());
        assert!(Date::from_ymd(2027, 0, 1).is_none());
        assert!(Date::from_ymd(2027, 13, 1).is_none());
        assert!(Date::from_ymd(2027, 255, 255).is_none());
        assert!(Date::from_ymd(1899, 12, 31).is_none());
        assert!(Date::from_ymd(2200, 1, 1).is_none());
        assert!(Date::from_ymd(i32::MIN, 1, 1).is_none());
        assert!(Date::from_ymd(i32::MAX, 1, 1).is_none());
        let d = date(2027, 3, 5);
        assert_eq!((d.year(), d.month(), d.day()), (2027, 3, 5));
    }

    #[test]
    fn counts_days_between_dates() {
        let start = date(2027, 3, 5);
        assert_eq!(start.days_until(start), 0);
        assert_eq!(start.days_until(date(2027, 3, 12)), 7);
        assert_eq!(date(2027, 3, 12).days_until(start), -7);
        assert_eq!(date(2028, 2, 28).days_until(date(2028, 3, 1)), 2);
        assert_eq!(date(2027, 12, 31).days_until(date(2028, 1, 1)), 1);
        assert_eq!(
            date(1900, 1, 1).days_until(date(2199, 12, 31)),
            109_572,
            "the whole range fits without overflow"
        );
        assert!(date(2027, 3, 5) < date(2027, 3, 6));
        assert!(date(2026, 12, 31) < date(2027, 1, 1));
    }

    #[test]
    fn formats_iso_and_long_forms() {
        let d = date(2027, 3, 5);
        assert_eq!(format_iso(d), "2027-03-05");
        assert_eq!(d.to_string(), "2027-03-05");
        assert_eq!(format_long_sv(d), "5 mars 2027");
        assert_eq!(format_long_en(d), "5 March 2027");
        assert_eq!(format_long_sv(date(2027, 12, 24)), "24 december 2027");
        assert_eq!(format_long_en(date(2027, 5, 1)), "1 May 2027");
        assert_eq!(format_iso(date(1900, 1, 1)), "1900-01-01");
    }

    #[test]
    fn serialises_as_iso_text() {
        let d = date(2027, 3, 5);
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2027-03-05\"");
        assert_eq!(serde_json::from_str::<Date>("\"2027-03-05\"").unwrap(), d);
        for bad in [
            "\"2027-02-30\"",
            "\"27-03-05\"",
            "\"\"",
            "20270305",
            "null",
            "\"x\"",
        ] {
            assert!(serde_json::from_str::<Date>(bad).is_err(), "input {bad}");
        }
    }

    #[test]
    fn error_codes_are_stable() {
        use DateError::*;
        let codes: Vec<_> = [Empty, Invalid, TwoDigitYear, ImpossibleDate, YearOutOfRange]
            .iter()
            .map(DateError::code)
            .collect();
        assert_eq!(
            codes,
            [
                "date_empty",
                "date_invalid",
                "date_two_digit_year",
                "date_impossible",
                "date_year_out_of_range"
            ]
        );
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (MIN_YEAR..=MAX_YEAR, 1u8..=12, 1u8..=31)
            .prop_filter_map("impossible day", |(y, m, d)| Date::from_ymd(y, m, d))
    }

    proptest! {
        #[test]
        fn iso_text_parses_back(d in any_date()) {
            prop_assert_eq!(parse_date(&format_iso(d)), Ok(d));
        }

        #[test]
        fn compact_text_parses_back(d in any_date()) {
            prop_assert_eq!(parse_date(&format_iso(d).replace('-', "")), Ok(d));
        }

        #[test]
        fn boxes_parse_back(d in any_date()) {
            prop_assert_eq!(
                parse_date_parts(&d.day().to_string(), &d.month().to_string(), &d.year().to_string()),
                Ok(d)
            );
        }

        #[test]
        fn json_round_trips(d in any_date()) {
            let json = serde_json::to_string(&d).unwrap();
            prop_assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
        }

        #[test]
        fn days_until_agrees_with_the_time_crate(d in any_date(), offset in -400i64..=400) {
            let as_time = time::Month::try_from(d.month())
                .ok()
                .and_then(|m| time::Date::from_calendar_date(d.year(), m, d.day()).ok());
            prop_assert!(as_time.is_some(), "time rejects {:?}", d);
            let later = as_time.and_then(|t| t.checked_add(time::Duration::days(offset)));
            if let Some(later) = later.and_then(|t| Date::from_ymd(t.year(), u8::from(t.month()), t.day())) {
                prop_assert_eq!(d.days_until(later), offset);
            }
        }

        #[test]
        fn validity_agrees_with_the_time_crate(y in MIN_YEAR..=MAX_YEAR, m in 0u8..=13, day in 0u8..=32) {
            let ours = Date::from_ymd(y, m, day).is_some();
            let theirs = time::Month::try_from(m)
                .ok()
                .is_some_and(|month| time::Date::from_calendar_date(y, month, day).is_ok());
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn parser_never_panics_on_any_text(input in any::<String>()) {
            let _ = parse_date(&input);
        }

        #[test]
        fn parser_never_panics_near_the_format(input in "[0-9 \\-/.]{0,14}") {
            if let Ok(d) = parse_date(&input) {
                prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&d.year()));
            }
        }

        #[test]
        fn boxes_never_panic(day in any::<String>(), month in "[0-9a-zA-ZåäöÅÄÖ. ]{0,10}", year in "[0-9 ]{0,6}") {
            let _ = parse_date_parts(&day, &month, &year);
        }

        #[test]
        fn json_never_panics(input in any::<String>()) {
            let _ = serde_json::from_str::<Date>(&input);
            let _ = serde_json::from_value::<Date>(serde_json::Value::String(input));
        }
    }
}

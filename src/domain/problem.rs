//! What can be wrong with an answer: a stable code plus the parameters a message needs.
//! Wording lives in the UI's locale files (Swedish and English), never here.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::account_string::{AccountStringError, Allowed, Charset, SegmentError};
use super::application::{Coded, Phase};
use super::dates::{parse_date, Date, DateError};
use super::field::Field;
use super::giro::GiroError;
use super::money::{Money, MoneyError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: u64,
    },
    InvalidEmail,
    InvalidCount,
    CountTooLarge {
        max: u32,
    },
    NoParticipants,
    PupilsRequired,
    Date(DateError),
    EndBeforeStart {
        start: Date,
    },
    TripBeforeProject {
        project_start: Date,
    },
    TripAfterProject {
        project_end: Date,
    },
    NoActivities,
    MissingPhase(Phase),
    ActivitiesOutOfOrder {
        previous: Date,
    },
    PreparationAfterTripStart {
        trip_start: Date,
    },
    TripActivityOutsideTrip {
        trip_start: Date,
        trip_end: Date,
    },
    FollowUpBeforeTripEnd {
        trip_end: Date,
    },
    Money(MoneyError),
    AmountNotPositive,
    NegativeAmount,
    NoBudgetRows,
    TotalMismatch {
        computed: Money,
    },
    OtherFundingExceedsTotal {
        total: Money,
    },
    AppliedExceedsNeed {
        max: Money,
    },
    AppliedExceedsFund {
        max: Money,
    },
    /// The number typed as a bankgiro is not one.
    Bankgiro(GiroError),
    /// The number typed as a plusgiro is not one.
    Plusgiro(GiroError),
    Segment(SegmentError),
    AccountString(AccountStringError),
    PaymentMethodMismatch,
    UnknownSchool,
    NotConfirmed,
    FileEmpty,
    FileTooLarge {
        max_bytes: u64,
    },
    FileWrongType {
        allowed: String,
    },
    /// The files together would be larger than the PDF may carry.
    FilesTooLarge {
        max_total_bytes: u64,
    },
    TooManyFiles {
        max: usize,
    },
    /// What a receiver's 422 said about this answer, worded by the worker in both
    /// languages: this app's own message when it knows the code, else the receiver's
    /// `detail` (see `submission::ReportedErrors`). Never produced by our validation.
    Reported {
        sv: String,
        en: String,
    },
}

/// Every problem without parameters, so [`Problem::from_code`] finds them by `code()`
/// itself and the two directions cannot disagree. `Problem::Plusgiro` shares the giro
/// codes: these read as `Bankgiro`, and the caller tells the two apart.
const WITHOUT_PARAMS: &[Problem] = &[
    Problem::Required,
    Problem::InvalidEmail,
    Problem::InvalidCount,
    Problem::NoParticipants,
    Problem::PupilsRequired,
    Problem::Date(DateError::Empty),
    Problem::Date(DateError::Invalid),
    Problem::Date(DateError::TwoDigitYear),
    Problem::Date(DateError::ImpossibleDate),
    Problem::Date(DateError::YearOutOfRange),
    Problem::NoActivities,
    Problem::Money(MoneyError::Empty),
    Problem::Money(MoneyError::Invalid),
    Problem::Money(MoneyError::AmbiguousSeparator),
    Problem::Money(MoneyError::TooManyDecimals),
    Problem::Money(MoneyError::TooLarge),
    Problem::AmountNotPositive,
    Problem::NegativeAmount,
    Problem::NoBudgetRows,
    Problem::Bankgiro(GiroError::Empty),
    Problem::Bankgiro(GiroError::InvalidCharacters),
    Problem::Bankgiro(GiroError::TooShort),
    Problem::Bankgiro(GiroError::TooLong),
    Problem::Bankgiro(GiroError::CheckDigit),
    Problem::Bankgiro(GiroError::AllZeros),
    Problem::Segment(SegmentError::Missing),
    Problem::AccountString(AccountStringError::TooManySegments),
    Problem::PaymentMethodMismatch,
    Problem::UnknownSchool,
    Problem::NotConfirmed,
    Problem::FileEmpty,
];

/// The language of a receiver's words shown in a page of `page_lang`, when it is not the
/// page's: the worker words a 422's errors in both languages, and where it has no words
/// of its own it gives the receiver's `detail` for both, which is Swedish
/// (docs/openapi.yaml). Inside an English page those are marked `lang="sv"` (WCAG 3.1.2).
pub fn receiver_words_lang(sv: &str, en: &str, page_lang: &str) -> Option<&'static str> {
    (page_lang != "sv" && sv == en).then_some("sv")
}

impl Problem {
    /// The language of this problem's message when it is not `page_lang` (see
    /// [`receiver_words_lang`]); `None` for every message of our own.
    pub fn words_lang(&self, page_lang: &str) -> Option<&'static str> {
        match self {
            Problem::Reported { sv, en } => receiver_words_lang(sv, en, page_lang),
            _ => None,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooLong { .. } => "too_long",
            Problem::InvalidEmail => "invalid_email",
            Problem::InvalidCount => "invalid_count",
            Problem::CountTooLarge { .. } => "count_too_large",
            Problem::NoParticipants => "no_participants",
            Problem::PupilsRequired => "pupils_required",
            Problem::Date(error) => error.code(),
            Problem::EndBeforeStart { .. } => "end_before_start",
            Problem::TripBeforeProject { .. } => "trip_before_project",
            Problem::TripAfterProject { .. } => "trip_after_project",
            Problem::NoActivities => "no_activities",
            Problem::MissingPhase(_) => "missing_phase",
            Problem::ActivitiesOutOfOrder { .. } => "activities_out_of_order",
            Problem::PreparationAfterTripStart { .. } => "preparation_after_trip_start",
            Problem::TripActivityOutsideTrip { .. } => "trip_activity_outside_trip",
            Problem::FollowUpBeforeTripEnd { .. } => "follow_up_before_trip_end",
            Problem::Money(error) => error.code(),
            Problem::AmountNotPositive => "amount_not_positive",
            Problem::NegativeAmount => "negative_amount",
            Problem::NoBudgetRows => "no_budget_rows",
            Problem::TotalMismatch { .. } => "total_mismatch",
            Problem::OtherFundingExceedsTotal { .. } => "other_funding_exceeds_total",
            Problem::AppliedExceedsNeed { .. } => "applied_exceeds_need",
            Problem::AppliedExceedsFund { .. } => "applied_exceeds_fund",
            Problem::Bankgiro(error) | Problem::Plusgiro(error) => error.code(),
            Problem::Segment(error) => error.code(),
            Problem::AccountString(error) => error.code(),
            Problem::PaymentMethodMismatch => "payment_method_mismatch",
            Problem::UnknownSchool => "unknown_school",
            Problem::NotConfirmed => "not_confirmed",
            Problem::FileEmpty => "file_empty",
            Problem::FileTooLarge { .. } => "file_too_large",
            Problem::FileWrongType { .. } => "file_wrong_type",
            Problem::FilesTooLarge { .. } => "files_too_large",
            Problem::TooManyFiles { .. } => "too_many_files",
            Problem::Reported { .. } => "reported",
        }
    }

    /// Message parameters in machine form (ISO dates, öre); the UI formats them per locale.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::TooLong { max } => vec![("max", max.to_string())],
            Problem::CountTooLarge { max } => vec![("max", max.to_string())],
            Problem::EndBeforeStart { start } => vec![("start", start.to_string())],
            Problem::TripBeforeProject { project_start } => {
                vec![("project_start", project_start.to_string())]
            }
            Problem::TripAfterProject { project_end } => {
                vec![("project_end", project_end.to_string())]
            }
            Problem::MissingPhase(phase) => vec![("phase", phase.code().into())],
            Problem::ActivitiesOutOfOrder { previous } => {
                vec![("previous", previous.to_string())]
            }
            Problem::PreparationAfterTripStart { trip_start } => {
                vec![("trip_start", trip_start.to_string())]
            }
            Problem::TripActivityOutsideTrip {
                trip_start,
                trip_end,
            } => vec![
                ("trip_start", trip_start.to_string()),
                ("trip_end", trip_end.to_string()),
            ],
            Problem::FollowUpBeforeTripEnd { trip_end } => {
                vec![("trip_end", trip_end.to_string())]
            }
            Problem::TotalMismatch { computed } => {
                vec![("computed_ore", computed.ore().to_string())]
            }
            Problem::OtherFundingExceedsTotal { total } => {
                vec![("total_ore", total.ore().to_string())]
            }
            Problem::AppliedExceedsNeed { max } | Problem::AppliedExceedsFund { max } => {
                vec![("max_ore", max.ore().to_string())]
            }
            Problem::Segment(error) => match error.allowed() {
                Some(allowed) => vec![
                    ("min_len", allowed.min_len.to_string()),
                    ("max_len", allowed.max_len.to_string()),
                    ("charset", allowed.charset.code().into()),
                ],
                None => Vec::new(),
            },
            Problem::FileTooLarge { max_bytes } => vec![("max_bytes", max_bytes.to_string())],
            Problem::FileWrongType { allowed } => vec![("allowed", allowed.clone())],
            Problem::FilesTooLarge { max_total_bytes } => {
                vec![("max_total_bytes", max_total_bytes.to_string())]
            }
            Problem::TooManyFiles { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }

    /// The problem a `code` and its `params` (as [`code`](Problem::code) and
    /// [`params`](Problem::params) give them, e.g. from a receiver's 422) stand for; None
    /// for a code this app does not know or a parameter missing or unreadable.
    pub fn from_code<'a>(code: &str, param: impl Fn(&str) -> Option<&'a str>) -> Option<Problem> {
        let number = |key: &str| param(key)?.parse::<u64>().ok();
        let date = |key: &str| parse_date(param(key)?).ok();
        let ore = |key: &str| param(key)?.parse::<i64>().ok().map(Money::from_ore);
        let allowed = || {
            Some(Allowed {
                min_len: u8::try_from(number("min_len")?).ok()?,
                max_len: u8::try_from(number("max_len")?).ok()?,
                charset: match param("charset")? {
                    "digits" => Charset::Digits,
                    "alphanumeric" => Charset::Alphanumeric,
                    _ => return None,
                },
            })
        };
        Some(match code {
            "too_long" => Problem::TooLong {
                max: number("max")?,
            },
            "count_too_large" => Problem::CountTooLarge {
                max: u32::try_from(number("max")?).ok()?,
            },
            "end_before_start" => Problem::EndBeforeStart {
                start: date("start")?,
            },
            "trip_before_project" => Problem::TripBeforeProject {
                project_start: date("project_start")?,
            },
            "trip_after_project" => Problem::TripAfterProject {
                project_end: date("project_end")?,
            },
            "missing_phase" => Problem::MissingPhase(Phase::from_code(param("phase")?)?),
            "activities_out_of_order" => Problem::ActivitiesOutOfOrder {
                previous: date("previous")?,
            },
            "preparation_after_trip_start" => Problem::PreparationAfterTripStart {
                trip_start: date("trip_start")?,
            },
            "trip_activity_outside_trip" => Problem::TripActivityOutsideTrip {
                trip_start: date("trip_start")?,
                trip_end: date("trip_end")?,
            },
            "follow_up_before_trip_end" => Problem::FollowUpBeforeTripEnd {
                trip_end: date("trip_end")?,
            },
            "total_mismatch" => Problem::TotalMismatch {
                computed: ore("computed_ore")?,
            },
            "other_funding_exceeds_total" => Problem::OtherFundingExceedsTotal {
                total: ore("total_ore")?,
            },
            "applied_exceeds_need" => Problem::AppliedExceedsNeed {
                max: ore("max_ore")?,
            },
            "applied_exceeds_fund" => Problem::AppliedExceedsFund {
                max: ore("max_ore")?,
            },
            "file_too_large" => Problem::FileTooLarge {
                max_bytes: number("max_bytes")?,
            },
            "file_wrong_type" => Problem::FileWrongType {
                allowed: param("allowed")?.to_string(),
            },
            "too_many_files" => Problem::TooManyFiles {
                max: usize::try_from(number("max")?).ok()?,
            },
            "files_too_large" => Problem::FilesTooLarge {
                max_total_bytes: number("max_total_bytes")?,
            },
            "account_segment_too_short" => Problem::Segment(SegmentError::TooShort(allowed()?)),
            "account_segment_too_long" => Problem::Segment(SegmentError::TooLong(allowed()?)),
            "account_segment_invalid_characters" => {
                Problem::Segment(SegmentError::InvalidCharacters(allowed()?))
            }
            _ => return WITHOUT_PARAMS.iter().find(|p| p.code() == code).cloned(),
        })
    }
}

/// One problem with one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// `{"field": "trip-end", "code": "end_before_start", "params": {"start": "2027-03-05"}}`,
/// the shape a receiver puts in a problem+json `errors` list.
impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Params<'a>(&'a [(&'static str, String)]);
        impl Serialize for Params<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (key, value) in self.0 {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("field", &self.field)?;
        map.serialize_entry("code", self.problem.code())?;
        map.serialize_entry("params", &Params(&self.problem.params()))?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receivers_own_swedish_words_are_marked_swedish_inside_english_only() {
        let own = Problem::Reported {
            sv: "Beloppet är för högt.".into(),
            en: "Beloppet är för högt.".into(),
        };
        assert_eq!(own.words_lang("en"), Some("sv"));
        assert_eq!(own.words_lang("sv"), None);
        let worded = Problem::Reported {
            sv: "Ange ett belopp".into(),
            en: "Enter an amount".into(),
        };
        assert_eq!(worded.words_lang("en"), None);
        assert_eq!(Problem::Required.words_lang("en"), None);
        assert_eq!(
            receiver_words_lang("Okänt fält.", "Okänt fält.", "en"),
            Some("sv")
        );
        assert_eq!(
            receiver_words_lang("Okänt fält.", "Unknown field.", "en"),
            None
        );
    }

    fn date(text: &str) -> Date {
        parse_date(text).expect("a date")
    }

    /// One of every kind of problem (nested errors: one each). The match has no wildcard,
    /// so a new variant fails to compile here until it is added to the list.
    fn every_problem() -> Vec<Problem> {
        let mut problems = WITHOUT_PARAMS.to_vec();
        problems.extend([
            Problem::TooLong { max: 2000 },
            Problem::CountTooLarge { max: 500 },
            Problem::EndBeforeStart {
                start: date("2027-03-05"),
            },
            Problem::TripBeforeProject {
                project_start: date("2027-01-10"),
            },
            Problem::TripAfterProject {
                project_end: date("2027-12-31"),
            },
            Problem::MissingPhase(Phase::FollowUp),
            Problem::ActivitiesOutOfOrder {
                previous: date("2027-02-01"),
            },
            Problem::PreparationAfterTripStart {
                trip_start: date("2027-04-01"),
            },
            Problem::TripActivityOutsideTrip {
                trip_start: date("2027-04-01"),
                trip_end: date("2027-04-10"),
            },
            Problem::FollowUpBeforeTripEnd {
                trip_end: date("2027-04-10"),
            },
            Problem::TotalMismatch {
                computed: Money::from_ore(6_450_000),
            },
            Problem::OtherFundingExceedsTotal {
                total: Money::from_ore(100),
            },
            Problem::AppliedExceedsNeed {
                max: Money::from_ore(-5),
            },
            Problem::AppliedExceedsFund {
                max: Money::from_ore(30_000_000),
            },
            Problem::FileTooLarge {
                max_bytes: 10_485_760,
            },
            Problem::FileWrongType {
                allowed: "PDF, JPG, PNG".into(),
            },
            Problem::TooManyFiles { max: 5 },
            Problem::FilesTooLarge {
                max_total_bytes: 15_728_640,
            },
            Problem::Segment(SegmentError::TooShort(Allowed {
                min_len: 1,
                max_len: 6,
                charset: Charset::Digits,
            })),
            Problem::Segment(SegmentError::TooLong(Allowed {
                min_len: 1,
                max_len: 8,
                charset: Charset::Alphanumeric,
            })),
            Problem::Segment(SegmentError::InvalidCharacters(Allowed {
                min_len: 2,
                max_len: 4,
                charset: Charset::Digits,
            })),
        ]);
        for problem in &problems {
            match problem {
                Problem::Required
                | Problem::TooLong { .. }
                | Problem::InvalidEmail
                | Problem::InvalidCount
                | Problem::CountTooLarge { .. }
                | Problem::NoParticipants
                | Problem::PupilsRequired
                | Problem::Date(_)
                | Problem::EndBeforeStart { .. }
                | Problem::TripBeforeProject { .. }
                | Problem::TripAfterProject { .. }
                | Problem::NoActivities
                | Problem::MissingPhase(_)
                | Problem::ActivitiesOutOfOrder { .. }
                | Problem::PreparationAfterTripStart { .. }
                | Problem::TripActivityOutsideTrip { .. }
                | Problem::FollowUpBeforeTripEnd { .. }
                | Problem::Money(_)
                | Problem::AmountNotPositive
                | Problem::NegativeAmount
                | Problem::NoBudgetRows
                | Problem::TotalMismatch { .. }
                | Problem::OtherFundingExceedsTotal { .. }
                | Problem::AppliedExceedsNeed { .. }
                | Problem::AppliedExceedsFund { .. }
                | Problem::Bankgiro(_)
                | Problem::Plusgiro(_)
                | Problem::Segment(_)
                | Problem::AccountString(_)
                | Problem::PaymentMethodMismatch
                | Problem::UnknownSchool
                | Problem::NotConfirmed
                | Problem::FileEmpty
                | Problem::FileTooLarge { .. }
                | Problem::FileWrongType { .. }
                | Problem::FilesTooLarge { .. }
                | Problem::TooManyFiles { .. }
                | Problem::Reported { .. } => {}
            }
        }
        problems
    }

    fn read_back(problem: &Problem) -> Option<Problem> {
        let params = problem.params();
        Problem::from_code(problem.code(), |key| {
            params
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.as_str())
        })
    }

    #[test]
    fn every_code_with_its_params_reads_back_as_its_problem() {
        let problems = every_problem();
        assert_eq!(problems.len(), 52);
        for problem in &problems {
            assert_eq!(
                read_back(problem).as_ref(),
                Some(problem),
                "{}",
                problem.code()
            );
        }
        // The giro codes are shared: a plusgiro problem reads back as the bankgiro one.
        assert_eq!(
            read_back(&Problem::Plusgiro(GiroError::CheckDigit)),
            Some(Problem::Bankgiro(GiroError::CheckDigit))
        );
    }

    #[test]
    fn unknown_codes_and_bad_params_read_as_nothing() {
        let none = |_: &str| None;
        assert_eq!(Problem::from_code("amount_over_local_limit", none), None);
        assert_eq!(Problem::from_code("reported", none), None);
        assert_eq!(Problem::from_code("", none), None);
        assert_eq!(Problem::from_code("too_long", none), None, "missing max");
        assert_eq!(Problem::from_code("too_long", |_| Some("-1")), None);
        assert_eq!(
            Problem::from_code("count_too_large", |_| Some("99999999999")),
            None
        );
        assert_eq!(
            Problem::from_code("end_before_start", |_| Some("2027-02-30")),
            None
        );
        assert_eq!(Problem::from_code("missing_phase", |_| Some("party")), None);
        assert_eq!(
            Problem::from_code("total_mismatch", |_| Some("12,50")),
            None
        );
        assert_eq!(
            Problem::from_code("required", |_| Some("ignored")),
            Some(Problem::Required)
        );
    }
}

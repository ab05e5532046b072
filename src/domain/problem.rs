//! What can be wrong with an answer: a stable code plus the parameters a message needs.
//! Wording lives in the UI's locale files (Swedish and English), never here.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::account_string::{AccountStringError, SegmentError};
use super::application::{Coded, Phase};
use super::dates::{Date, DateError};
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
    TooManyFiles {
        max: usize,
    },
}

impl Problem {
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
            Problem::TooManyFiles { .. } => "too_many_files",
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
            Problem::TooManyFiles { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
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

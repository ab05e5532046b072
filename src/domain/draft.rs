//! The applicant's answers exactly as typed. Autosave and the draft file store this, so
//! nothing typed is ever lost to a parse error; [`crate::domain::validate`] turns it into
//! an [`crate::domain::application::Application`].

use serde::{Deserialize, Serialize};

use super::account_string::AccountString;
use super::application::{coded, BudgetCategory, Coded, Kind, Phase, Role, SchoolType};
use super::SCHEMA_VERSION;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub schema_version: u32,
    pub applicant_name: String,
    pub applicant_email: String,
    pub applicant_phone: String,
    pub applicant_role: Option<Role>,
    /// Id from the configured school list, or [`OTHER_SCHOOL`].
    pub school_id: String,
    pub other_school_name: String,
    pub other_school_type: Option<SchoolType>,
    pub kind: Option<Kind>,
    pub granted_project: String,
    pub project_start: DateInput,
    pub project_end: DateInput,
    pub trip_start: DateInput,
    pub trip_end: DateInput,
    pub country: String,
    pub place: String,
    pub partner: String,
    pub pupils: String,
    pub staff: String,
    pub group: String,
    pub goals: String,
    pub theme: String,
    pub summary: String,
    pub activities: Vec<ActivityInput>,
    pub support_measures: String,
    pub budget_rows: Vec<BudgetRowInput>,
    pub other_funding: String,
    pub amount_applied: String,
    pub principal_name: String,
    pub principal_email: String,
    /// Only used for independent schools; municipal schools always pay by account string.
    pub giro_method: Option<GiroMethod>,
    pub giro_number: String,
    pub account: AccountString,
    pub declaration_confirmed: bool,
}

/// Sentinel school id for "my school is not in the list".
pub const OTHER_SCHOOL: &str = "other";

impl Default for Draft {
    fn default() -> Self {
        Draft {
            schema_version: SCHEMA_VERSION,
            applicant_name: String::new(),
            applicant_email: String::new(),
            applicant_phone: String::new(),
            applicant_role: None,
            school_id: String::new(),
            other_school_name: String::new(),
            other_school_type: None,
            kind: None,
            granted_project: String::new(),
            project_start: DateInput::default(),
            project_end: DateInput::default(),
            trip_start: DateInput::default(),
            trip_end: DateInput::default(),
            country: String::new(),
            place: String::new(),
            partner: String::new(),
            pupils: String::new(),
            staff: String::new(),
            group: String::new(),
            goals: String::new(),
            theme: String::new(),
            summary: String::new(),
            activities: Vec::new(),
            support_measures: String::new(),
            budget_rows: Vec::new(),
            other_funding: String::new(),
            amount_applied: String::new(),
            principal_name: String::new(),
            principal_email: String::new(),
            giro_method: None,
            giro_number: String::new(),
            account: AccountString::default(),
            declaration_confirmed: false,
        }
    }
}

/// A date typed in three boxes (year, month, day), the pattern that works with a
/// keyboard, a screen reader and a phone's numeric keypad.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateInput {
    pub year: String,
    pub month: String,
    pub day: String,
}

impl DateInput {
    pub fn is_blank(&self) -> bool {
        self.year.trim().is_empty() && self.month.trim().is_empty() && self.day.trim().is_empty()
    }

    /// Fills the boxes from a date, e.g. when a test or a migration sets a value.
    pub fn from_date(date: super::dates::Date) -> DateInput {
        DateInput {
            year: date.year().to_string(),
            month: date.month().to_string(),
            day: date.day().to_string(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityInput {
    pub date: DateInput,
    pub phase: Option<Phase>,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetRowInput {
    pub category: Option<BudgetCategory>,
    pub description: String,
    pub amount: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GiroMethod {
    Bankgiro,
    Plusgiro,
}

coded!(GiroMethod { Bankgiro => "bankgiro", Plusgiro => "plusgiro" });

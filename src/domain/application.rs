//! The submitted application: typed, parsed values only. This is what is POSTed,
//! written as `ansokan.json` and laid out in the PDF. The raw answers the applicant is
//! still typing live in [`crate::domain::draft::Draft`].

use serde::{Deserialize, Serialize};

use super::account_string::AccountString;
use super::dates::Date;
use super::giro::{Bankgiro, Plusgiro};
use super::money::Money;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub schema_version: u32,
    pub applicant: Applicant,
    pub school: School,
    pub kind: Kind,
    /// Name of the already granted project or programme (exchange kinds only).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub granted_project: String,
    pub dates: ProjectDates,
    pub destination: Destination,
    pub participants: Participants,
    pub description: Description,
    pub activities: Vec<Activity>,
    /// Required for internship/gymnasiearbete abroad, empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub support_measures: String,
    pub budget: Budget,
    pub principal: Principal,
    pub payment: Payment,
    #[serde(default)]
    pub attachments: Vec<AttachmentInfo>,
    pub declaration_confirmed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Teacher or other staff at the school.
    Staff,
    /// A pupil applying for their own internship or diploma project.
    Pupil,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    /// Kommunal skola: paid through an internal account string.
    Municipal,
    /// Fristående skola: paid to a bankgiro or plusgiro.
    Independent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    /// Id from the configured school list, or empty when the applicant typed another school.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    pub school_type: SchoolType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An already granted project/exchange receiving visitors in Skellefteå.
    ExchangeReceiving,
    /// An already granted project/exchange sending pupils abroad.
    ExchangeSending,
    /// Pupils going abroad for an internship (praktik) or gymnasiearbete.
    InternshipAbroad,
}

impl Kind {
    pub const ALL: [Kind; 3] = [
        Kind::ExchangeReceiving,
        Kind::ExchangeSending,
        Kind::InternshipAbroad,
    ];

    /// The municipal page asks for support measures only for internships/gymnasiearbete.
    pub fn needs_support_measures(self) -> bool {
        matches!(self, Kind::InternshipAbroad)
    }

    pub fn is_granted_exchange(self) -> bool {
        !self.needs_support_measures()
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::ExchangeReceiving => "exchange_receiving",
            Kind::ExchangeSending => "exchange_sending",
            Kind::InternshipAbroad => "internship_abroad",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDates {
    pub project_start: Date,
    pub project_end: Date,
    pub trip_start: Date,
    pub trip_end: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destination {
    pub country: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// Partner school, organisation or workplace.
    pub partner: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participants {
    pub pupils: u32,
    pub staff: u32,
    /// Year group or programme, e.g. "åk 8" or "El- och energiprogrammet åk 3". No names.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    pub goals: String,
    pub theme: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Preparation,
    Trip,
    FollowUp,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Preparation, Phase::Trip, Phase::FollowUp];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub date: Date,
    pub phase: Phase,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetCategory {
    Travel,
    Lodging,
    Meals,
    Gifts,
    Experiences,
    LocalTransport,
    Vaccinations,
    StaffCosts,
    Other,
}

impl BudgetCategory {
    pub const ALL: [BudgetCategory; 9] = [
        BudgetCategory::Travel,
        BudgetCategory::Lodging,
        BudgetCategory::Meals,
        BudgetCategory::Gifts,
        BudgetCategory::Experiences,
        BudgetCategory::LocalTransport,
        BudgetCategory::Vaccinations,
        BudgetCategory::StaffCosts,
        BudgetCategory::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BudgetCategory::Travel => "travel",
            BudgetCategory::Lodging => "lodging",
            BudgetCategory::Meals => "meals",
            BudgetCategory::Gifts => "gifts",
            BudgetCategory::Experiences => "experiences",
            BudgetCategory::LocalTransport => "local_transport",
            BudgetCategory::Vaccinations => "vaccinations",
            BudgetCategory::StaffCosts => "staff_costs",
            BudgetCategory::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<BudgetCategory> {
        BudgetCategory::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub category: BudgetCategory,
    pub description: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub rows: Vec<BudgetRow>,
    /// Stated sum of the rows; a receiver checks it against the rows.
    pub total_costs: Money,
    pub other_funding: Money,
    pub amount_applied: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Payment {
    AccountString { account: AccountString },
    Bankgiro { number: Bankgiro },
    Plusgiro { number: Plusgiro },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    pub name: String,
    pub size_bytes: u64,
    pub media_type: String,
}

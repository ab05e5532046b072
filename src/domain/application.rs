//! The submitted application: typed, parsed values only. This is what is POSTed,
//! written as `ansokan.json` and laid out in the PDF. The raw answers the applicant is
//! still typing live in [`crate::domain::draft::Draft`].

use serde::{Deserialize, Serialize};

use super::account_string::AccountString;
use super::dates::Date;
use super::giro::{Bankgiro, Plusgiro};
use super::money::Money;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "Ansökan – fonden för internationellt skolutbyte",
        description = "The submitted application (Skellefteå kommun, fund for international school exchange): what the app POSTs as application/json and saves as ansokan.json. Amounts are integer öre, dates ISO YYYY-MM-DD."
    )
)]
pub struct Application {
    #[cfg_attr(feature = "schema", schemars(extend("const" = crate::domain::SCHEMA_VERSION)))]
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

/// A unit enum with stable text codes (the same as its serde names), for drafts and
/// select options without serde's code size in the browser.
pub trait Coded: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.code() == code)
    }
}

macro_rules! coded {
    ($type:ty { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl Coded for $type {
            const ALL: &'static [Self] = &[$(<$type>::$variant),+];
            fn code(self) -> &'static str {
                match self {
                    $(<$type>::$variant => $code),+
                }
            }
        }
    };
}
pub(crate) use coded;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Teacher or other staff at the school.
    Staff,
    /// A pupil applying for their own internship or diploma project.
    Pupil,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Applicant {
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    /// Kommunal skola: paid through an internal account string.
    Municipal,
    /// Fristående skola: paid to a bankgiro or plusgiro.
    Independent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct School {
    /// Id from the configured school list, or empty when the applicant typed another school.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    pub school_type: SchoolType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An already granted project/exchange receiving visitors in Skellefteå.
    ExchangeReceiving,
    /// An already granted project/exchange sending pupils abroad.
    ExchangeSending,
    /// Pupils going abroad for an internship (praktik) or gymnasiearbete.
    InternshipAbroad,
}

coded!(Role { Staff => "staff", Pupil => "pupil" });
coded!(SchoolType { Municipal => "municipal", Independent => "independent" });
coded!(Kind {
    ExchangeReceiving => "exchange_receiving",
    ExchangeSending => "exchange_sending",
    InternshipAbroad => "internship_abroad",
});
coded!(Phase { Preparation => "preparation", Trip => "trip", FollowUp => "follow_up" });
coded!(BudgetCategory {
    Travel => "travel",
    Lodging => "lodging",
    Meals => "meals",
    Gifts => "gifts",
    Experiences => "experiences",
    LocalTransport => "local_transport",
    Vaccinations => "vaccinations",
    StaffCosts => "staff_costs",
    Other => "other",
});

impl Kind {
    /// The municipal page asks for support measures only for internships/gymnasiearbete.
    pub fn needs_support_measures(self) -> bool {
        matches!(self, Kind::InternshipAbroad)
    }

    pub fn is_granted_exchange(self) -> bool {
        !self.needs_support_measures()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectDates {
    pub project_start: Date,
    pub project_end: Date,
    pub trip_start: Date,
    pub trip_end: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Destination {
    pub country: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// Partner school, organisation or workplace.
    pub partner: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Participants {
    pub pupils: u32,
    pub staff: u32,
    /// Year group or programme, e.g. "åk 8" or "El- och energiprogrammet åk 3". No names.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Description {
    pub goals: String,
    pub theme: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Preparation,
    Trip,
    FollowUp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Activity {
    pub date: Date,
    pub phase: Phase,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BudgetRow {
    pub category: BudgetCategory,
    pub description: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Budget {
    pub rows: Vec<BudgetRow>,
    /// Stated sum of the rows; a receiver checks it against the rows.
    pub total_costs: Money,
    pub other_funding: Money,
    pub amount_applied: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Principal {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Payment {
    AccountString { account: AccountString },
    Bankgiro { number: Bankgiro },
    Plusgiro { number: Plusgiro },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttachmentInfo {
    /// The file's name as the form made it safe (`domain/file_name.rs`): one name, no
    /// path; no control, bidi or zero-width characters; no `< > : " | ? *`; no leading
    /// or trailing dots or spaces; not a reserved Windows name (those get a leading `_`);
    /// at most 100 bytes before the extension; unique ignoring case within the
    /// application ("x (2).pdf"), never `ansokan.json`. The same name as in the PDF's
    /// embedded files, the zip and the multipart `attachments` part.
    pub name: String,
    pub size_bytes: u64,
    /// The browser's MIME type, or the extension's when the browser gave none.
    pub media_type: String,
}

//! Every answer a validation error can point at. `id` is also the DOM id of the input
//! that the error summary's link focuses, so the two can never disagree.

use serde::{Serialize, Serializer};

use super::account_string::Segment;
use super::step::Step;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    ApplicantName,
    ApplicantEmail,
    ApplicantPhone,
    ApplicantRole,
    School,
    OtherSchoolName,
    OtherSchoolType,
    Kind,
    GrantedProject,
    ProjectStart,
    ProjectEnd,
    TripStart,
    TripEnd,
    Country,
    Place,
    Partner,
    Pupils,
    Staff,
    Group,
    Goals,
    Theme,
    Summary,
    /// The list as a whole (none given, a phase missing).
    Activities,
    ActivityDate(usize),
    ActivityPhase(usize),
    ActivityDescription(usize),
    SupportMeasures,
    /// The list as a whole (no rows, stated total wrong).
    BudgetRows,
    BudgetCategory(usize),
    BudgetDescription(usize),
    BudgetAmount(usize),
    OtherFunding,
    AmountApplied,
    PrincipalName,
    PrincipalEmail,
    GiroMethod,
    GiroNumber,
    /// The account string as a whole (too many segments, wrong payment method).
    Account,
    AccountSegment(Segment),
    /// The file chooser (wrong type, too large, empty, too many).
    Attachments,
    Declaration,
}

impl Field {
    /// DOM id of the (first) input for this answer; stable, also used in problem+json.
    pub fn id(self) -> String {
        match self {
            Field::ApplicantName => "applicant-name".into(),
            Field::ApplicantEmail => "applicant-email".into(),
            Field::ApplicantPhone => "applicant-phone".into(),
            Field::ApplicantRole => "applicant-role".into(),
            Field::School => "school".into(),
            Field::OtherSchoolName => "other-school-name".into(),
            Field::OtherSchoolType => "other-school-type".into(),
            Field::Kind => "kind".into(),
            Field::GrantedProject => "granted-project".into(),
            Field::ProjectStart => "project-start".into(),
            Field::ProjectEnd => "project-end".into(),
            Field::TripStart => "trip-start".into(),
            Field::TripEnd => "trip-end".into(),
            Field::Country => "country".into(),
            Field::Place => "place".into(),
            Field::Partner => "partner".into(),
            Field::Pupils => "pupils".into(),
            Field::Staff => "staff".into(),
            Field::Group => "group".into(),
            Field::Goals => "goals".into(),
            Field::Theme => "theme".into(),
            Field::Summary => "summary".into(),
            Field::Activities => "activities".into(),
            Field::ActivityDate(i) => format!("activity-{i}-date"),
            Field::ActivityPhase(i) => format!("activity-{i}-phase"),
            Field::ActivityDescription(i) => format!("activity-{i}-description"),
            Field::SupportMeasures => "support-measures".into(),
            Field::BudgetRows => "budget-rows".into(),
            Field::BudgetCategory(i) => format!("budget-{i}-category"),
            Field::BudgetDescription(i) => format!("budget-{i}-description"),
            Field::BudgetAmount(i) => format!("budget-{i}-amount"),
            Field::OtherFunding => "other-funding".into(),
            Field::AmountApplied => "amount-applied".into(),
            Field::PrincipalName => "principal-name".into(),
            Field::PrincipalEmail => "principal-email".into(),
            Field::GiroMethod => "giro-method".into(),
            Field::GiroNumber => "giro-number".into(),
            Field::Account => "account".into(),
            Field::AccountSegment(segment) => format!("account-{}", segment.key()),
            Field::Attachments => "attachments".into(),
            Field::Declaration => "declaration".into(),
        }
    }

    /// The answer whose [`id`](Field::id) is `id` (a receiver's `errors[].field`); None for
    /// an id this form does not have. Found by comparing with `id()` itself, so the two
    /// directions can never disagree.
    pub fn from_id(id: &str) -> Option<Field> {
        use Field::*;
        const SINGLE: [Field; 39] = [
            ApplicantName,
            ApplicantEmail,
            ApplicantPhone,
            ApplicantRole,
            School,
            OtherSchoolName,
            OtherSchoolType,
            Kind,
            GrantedProject,
            ProjectStart,
            ProjectEnd,
            TripStart,
            TripEnd,
            Country,
            Place,
            Partner,
            Pupils,
            Staff,
            Group,
            Goals,
            Theme,
            Summary,
            Activities,
            SupportMeasures,
            BudgetRows,
            OtherFunding,
            AmountApplied,
            PrincipalName,
            PrincipalEmail,
            GiroMethod,
            GiroNumber,
            Account,
            AccountSegment(Segment::Ansvar),
            AccountSegment(Segment::Verksamhet),
            AccountSegment(Segment::Fri),
            AccountSegment(Segment::Projekt),
            AccountSegment(Segment::Objekt),
            Attachments,
            Declaration,
        ];
        // `activity-3-date`, `budget-0-amount`: the row is the first run of digits. Any
        // other spelling ("activity-03-date") fails the comparison with `id()` below.
        let row = id
            .bytes()
            .skip_while(|b| !b.is_ascii_digit())
            .take_while(u8::is_ascii_digit)
            .fold(0usize, |row, digit| {
                row.saturating_mul(10)
                    .saturating_add(usize::from(digit - b'0'))
            });
        let rows = [
            ActivityDate(row),
            ActivityPhase(row),
            ActivityDescription(row),
            BudgetCategory(row),
            BudgetDescription(row),
            BudgetAmount(row),
        ];
        SINGLE
            .iter()
            .chain(&rows)
            .copied()
            .find(|field| field.id() == id)
    }

    /// The step whose page shows this answer; validation of a step is the validation of
    /// the whole application filtered by this, so every rule lives in one place.
    pub fn step(self) -> Step {
        match self {
            Field::ApplicantName
            | Field::ApplicantEmail
            | Field::ApplicantPhone
            | Field::ApplicantRole
            | Field::School
            | Field::OtherSchoolName
            | Field::OtherSchoolType => Step::Applicant,
            Field::Kind | Field::GrantedProject => Step::Kind,
            Field::ProjectStart
            | Field::ProjectEnd
            | Field::TripStart
            | Field::TripEnd
            | Field::Country
            | Field::Place
            | Field::Partner => Step::DatesDestination,
            Field::Pupils | Field::Staff | Field::Group => Step::Participants,
            Field::Goals | Field::Theme | Field::Summary => Step::Description,
            Field::Activities
            | Field::ActivityDate(_)
            | Field::ActivityPhase(_)
            | Field::ActivityDescription(_) => Step::Activities,
            Field::SupportMeasures => Step::Support,
            Field::BudgetRows
            | Field::BudgetCategory(_)
            | Field::BudgetDescription(_)
            | Field::BudgetAmount(_)
            | Field::OtherFunding
            | Field::AmountApplied => Step::Budget,
            Field::PrincipalName
            | Field::PrincipalEmail
            | Field::GiroMethod
            | Field::GiroNumber
            | Field::Account
            | Field::AccountSegment(_) => Step::Payment,
            Field::Attachments => Step::Attachments,
            Field::Declaration => Step::Declaration,
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of answer once (rows with a sample index). The match has no wildcard, so
    /// a new variant fails to compile here until it is added to the list.
    fn every_field() -> Vec<Field> {
        let fields = vec![
            Field::ApplicantName,
            Field::ApplicantEmail,
            Field::ApplicantPhone,
            Field::ApplicantRole,
            Field::School,
            Field::OtherSchoolName,
            Field::OtherSchoolType,
            Field::Kind,
            Field::GrantedProject,
            Field::ProjectStart,
            Field::ProjectEnd,
            Field::TripStart,
            Field::TripEnd,
            Field::Country,
            Field::Place,
            Field::Partner,
            Field::Pupils,
            Field::Staff,
            Field::Group,
            Field::Goals,
            Field::Theme,
            Field::Summary,
            Field::Activities,
            Field::ActivityDate(0),
            Field::ActivityPhase(3),
            Field::ActivityDescription(12),
            Field::SupportMeasures,
            Field::BudgetRows,
            Field::BudgetCategory(0),
            Field::BudgetDescription(7),
            Field::BudgetAmount(99),
            Field::OtherFunding,
            Field::AmountApplied,
            Field::PrincipalName,
            Field::PrincipalEmail,
            Field::GiroMethod,
            Field::GiroNumber,
            Field::Account,
            Field::AccountSegment(Segment::Ansvar),
            Field::AccountSegment(Segment::Objekt),
            Field::Attachments,
            Field::Declaration,
        ];
        for field in &fields {
            match field {
                Field::ApplicantName
                | Field::ApplicantEmail
                | Field::ApplicantPhone
                | Field::ApplicantRole
                | Field::School
                | Field::OtherSchoolName
                | Field::OtherSchoolType
                | Field::Kind
                | Field::GrantedProject
                | Field::ProjectStart
                | Field::ProjectEnd
                | Field::TripStart
                | Field::TripEnd
                | Field::Country
                | Field::Place
                | Field::Partner
                | Field::Pupils
                | Field::Staff
                | Field::Group
                | Field::Goals
                | Field::Theme
                | Field::Summary
                | Field::Activities
                | Field::ActivityDate(_)
                | Field::ActivityPhase(_)
                | Field::ActivityDescription(_)
                | Field::SupportMeasures
                | Field::BudgetRows
                | Field::BudgetCategory(_)
                | Field::BudgetDescription(_)
                | Field::BudgetAmount(_)
                | Field::OtherFunding
                | Field::AmountApplied
                | Field::PrincipalName
                | Field::PrincipalEmail
                | Field::GiroMethod
                | Field::GiroNumber
                | Field::Account
                | Field::AccountSegment(_)
                | Field::Attachments
                | Field::Declaration => {}
            }
        }
        fields
    }

    #[test]
    fn every_id_reads_back_as_its_field() {
        for field in every_field() {
            assert_eq!(Field::from_id(&field.id()), Some(field), "{}", field.id());
        }
        for segment in Segment::ALL {
            let field = Field::AccountSegment(segment);
            assert_eq!(Field::from_id(&field.id()), Some(field));
        }
    }

    #[test]
    fn ids_this_form_does_not_have_are_unknown() {
        for id in [
            "",
            "school-district",
            "Applicant-Name",
            "applicant-name ",
            "activity-x-date",
            "activity-007-date",
            "activity--1-date",
            "budget-0-colour",
            "account-kostnadsstalle",
            "<img src=x>",
        ] {
            assert_eq!(Field::from_id(id), None, "{id:?}");
        }
    }
}

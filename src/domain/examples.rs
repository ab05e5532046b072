//! A complete, realistic application as a teacher would type it: one shared example
//! for the native tests, the receiver's tests and documentation. Unused by the app, so
//! it costs the browser nothing.

use super::application::{BudgetCategory, Kind, Phase, Role};
use super::draft::{ActivityInput, BudgetRowInput, DateInput, Draft};

/// The three date boxes as typed, from ISO text ("2027-03-05").
pub fn date_input(iso: &str) -> DateInput {
    let mut parts = iso.split('-');
    DateInput {
        year: parts.next().unwrap_or_default().into(),
        month: parts.next().unwrap_or_default().into(),
        day: parts.next().unwrap_or_default().into(),
    }
}

fn activity(iso: &str, phase: Phase, what: &str) -> ActivityInput {
    ActivityInput {
        date: date_input(iso),
        phase: Some(phase),
        description: what.into(),
    }
}

fn row(category: BudgetCategory, what: &str, amount: &str) -> BudgetRowInput {
    BudgetRowInput {
        category: Some(category),
        description: what.into(),
        amount: amount.into(),
    }
}

/// An internship abroad from a municipal school (Anderstorpsgymnasiet), paid to
/// kontosträng 4123/3500: valid under the default rules.
pub fn internship_draft() -> Draft {
    let mut d = Draft {
        applicant_name: "Anna Lindqvist".into(),
        applicant_email: "anna.lindqvist@skelleftea.se".into(),
        applicant_role: Some(Role::Staff),
        school_id: "anderstorpsgymnasiet".into(),
        kind: Some(Kind::InternshipAbroad),
        project_start: date_input("2027-01-10"),
        project_end: date_input("2027-06-15"),
        trip_start: date_input("2027-03-05"),
        trip_end: date_input("2027-04-02"),
        country: "Spanien".into(),
        place: "Málaga".into(),
        partner: "IES Politécnico Jesús Marín".into(),
        pupils: "6".into(),
        staff: "1".into(),
        goals: "Eleverna genomför fyra veckors APL inom el- och energi.".into(),
        theme: "Förnybar energi".into(),
        activities: vec![
            activity(
                "2027-01-20",
                Phase::Preparation,
                "Språkkurs och kulturförberedelse",
            ),
            activity(
                "2027-03-05",
                Phase::Trip,
                "Resa och introduktion på arbetsplatsen",
            ),
            activity("2027-04-02", Phase::Trip, "Hemresa"),
            activity("2027-04-20", Phase::FollowUp, "Redovisning för åk 1"),
        ],
        support_measures: "Daglig kontakt med handledare, lärare på plats första veckan.".into(),
        budget_rows: vec![
            row(
                BudgetCategory::Travel,
                "Flyg Skellefteå–Málaga t/r, 7 personer",
                "28 000",
            ),
            row(BudgetCategory::Lodging, "Lägenhet 4 veckor", "35 000,00 kr"),
            row(BudgetCategory::Vaccinations, "Hepatit A", "1500"),
        ],
        other_funding: "20 000".into(),
        amount_applied: "44 500".into(),
        principal_name: "Per Ek".into(),
        principal_email: "per.ek@skelleftea.se".into(),
        declaration_confirmed: true,
        ..Draft::default()
    };
    d.account.ansvar = "4123".into();
    d.account.verksamhet = "3500".into();
    d
}

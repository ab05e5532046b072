//! The submitted application as JSON, written with the small writer in [`super::json`]
//! so the browser carries no serde_json (see README, "Decisions"). The contract is the
//! serde form of [`Application`] (the JSON Schema in docs/ is generated from it); the
//! tests below prove this writer produces exactly that, field for field and in order.

use super::account_string::Segment;
use super::application::{Application, Coded, Payment};
use super::json::Value;

fn text(value: &str) -> Value {
    Value::string(value)
}

fn number(value: impl ToString) -> Value {
    Value::Number(value.to_string())
}

/// serde's `skip_serializing_if = "String::is_empty"`.
fn push_unless_empty(entries: &mut Vec<(&'static str, Value)>, key: &'static str, value: &str) {
    if !value.is_empty() {
        entries.push((key, text(value)));
    }
}

pub fn application_to_value(app: &Application) -> Value {
    let mut applicant = vec![
        ("name", text(&app.applicant.name)),
        ("email", text(&app.applicant.email)),
    ];
    push_unless_empty(&mut applicant, "phone", &app.applicant.phone);
    applicant.push(("role", text(app.applicant.role.code())));

    let mut school = Vec::new();
    push_unless_empty(&mut school, "id", &app.school.id);
    school.push(("name", text(&app.school.name)));
    school.push(("school_type", text(app.school.school_type.code())));

    let dates = &app.dates;
    let mut destination = vec![("country", text(&app.destination.country))];
    push_unless_empty(&mut destination, "place", &app.destination.place);
    destination.push(("partner", text(&app.destination.partner)));

    let mut participants = vec![
        ("pupils", number(app.participants.pupils)),
        ("staff", number(app.participants.staff)),
    ];
    push_unless_empty(&mut participants, "group", &app.participants.group);

    let mut description = vec![
        ("goals", text(&app.description.goals)),
        ("theme", text(&app.description.theme)),
    ];
    push_unless_empty(&mut description, "summary", &app.description.summary);

    let activities = app
        .activities
        .iter()
        .map(|a| {
            Value::object(vec![
                ("date", text(&a.date.to_string())),
                ("phase", text(a.phase.code())),
                ("description", text(&a.description)),
            ])
        })
        .collect();
    let rows = app
        .budget
        .rows
        .iter()
        .map(|r| {
            Value::object(vec![
                ("category", text(r.category.code())),
                ("description", text(&r.description)),
                ("amount", number(r.amount.ore())),
            ])
        })
        .collect();
    let payment = match &app.payment {
        Payment::AccountString { account } => Value::object(vec![
            ("method", text("account_string")),
            (
                "account",
                Value::object(
                    Segment::ALL
                        .into_iter()
                        .map(|s| (s.key(), text(account.get(s))))
                        .collect(),
                ),
            ),
        ]),
        Payment::Bankgiro { number } => Value::object(vec![
            ("method", text("bankgiro")),
            ("number", text(number.digits())),
        ]),
        Payment::Plusgiro { number } => Value::object(vec![
            ("method", text("plusgiro")),
            ("number", text(number.digits())),
        ]),
    };
    let attachments = app
        .attachments
        .iter()
        .map(|a| {
            Value::object(vec![
                ("name", text(&a.name)),
                ("size_bytes", number(a.size_bytes)),
                ("media_type", text(&a.media_type)),
            ])
        })
        .collect();

    let mut entries = vec![
        ("schema_version", number(app.schema_version)),
        ("applicant", Value::object(applicant)),
        ("school", Value::object(school)),
        ("kind", text(app.kind.code())),
    ];
    push_unless_empty(&mut entries, "granted_project", &app.granted_project);
    entries.extend([
        (
            "dates",
            Value::object(vec![
                ("project_start", text(&dates.project_start.to_string())),
                ("project_end", text(&dates.project_end.to_string())),
                ("trip_start", text(&dates.trip_start.to_string())),
                ("trip_end", text(&dates.trip_end.to_string())),
            ]),
        ),
        ("destination", Value::object(destination)),
        ("participants", Value::object(participants)),
        ("description", Value::object(description)),
        ("activities", Value::Array(activities)),
    ]);
    push_unless_empty(&mut entries, "support_measures", &app.support_measures);
    entries.extend([
        (
            "budget",
            Value::object(vec![
                ("rows", Value::Array(rows)),
                ("total_costs", number(app.budget.total_costs.ore())),
                ("other_funding", number(app.budget.other_funding.ore())),
                ("amount_applied", number(app.budget.amount_applied.ore())),
            ]),
        ),
        (
            "principal",
            Value::object(vec![
                ("name", text(&app.principal.name)),
                ("email", text(&app.principal.email)),
            ]),
        ),
        ("payment", payment),
        ("attachments", Value::Array(attachments)),
        (
            "declaration_confirmed",
            Value::Bool(app.declaration_confirmed),
        ),
    ]);
    Value::object(entries)
}

/// The name of the JSON file in the PDF (an embedded file) and in the zip. Receivers'
/// tools look the file up by this name: keep it.
pub const APPLICATION_JSON_FILE: &str = "ansokan.json";

/// The JSON body of the POST and of `ansokan.json`.
pub fn application_json(app: &Application) -> String {
    application_to_value(app).to_pretty()
}

//! What the PDF says, before any layout: every answer of the application, grouped by
//! the form's steps and labelled as on the check-your-answers page
//! (`src/ui/steps/check_answers.rs`), with the activities and the budget as tables.

use skolutbyte::domain::application::{Application, Payment};
use skolutbyte::domain::draft::GiroMethod;
use skolutbyte::domain::step::Step;
use skolutbyte::i18n::Texts;

use super::Stamp;

/// A file inside the PDF, as the "Bilagor" section lists it.
pub(crate) struct Listed<'a> {
    pub(crate) name: &'a str,
    pub(crate) size_bytes: u64,
}

pub(crate) struct Doc {
    pub(crate) title: String,
    /// Reference and creation time, under the title.
    pub(crate) meta: Vec<String>,
    pub(crate) sections: Vec<Section>,
}

pub(crate) struct Section {
    pub(crate) heading: String,
    pub(crate) items: Vec<Item>,
}

pub(crate) enum Item {
    /// Label and answer pairs (a definition list).
    Answers(Vec<Answer>),
    /// Text under the heading when the heading is the question.
    Paragraph(String),
    Table(Table),
}

pub(crate) struct Answer {
    pub(crate) label: String,
    pub(crate) value: String,
}

pub(crate) struct Table {
    pub(crate) columns: Vec<Column>,
    pub(crate) rows: Vec<Vec<String>>,
    /// Summary rows: a row header spanning all but the last column, and a value.
    pub(crate) footer: Vec<(String, String)>,
}

pub(crate) struct Column {
    pub(crate) header: String,
    /// Share of the text width.
    pub(crate) share: f32,
    pub(crate) align_end: bool,
}

fn answer(label: &str, value: String) -> Answer {
    Answer {
        label: label.to_string(),
        value,
    }
}

/// "Referens: …" or "Skapad: …", as shown in the page header.
pub(crate) fn stamp_line(t: &Texts, stamp: &Stamp) -> String {
    match reference(stamp) {
        Some(reference) => format!("{}: {reference}", t.pdf_reference),
        None => format!("{}: {}", t.pdf_created, created_at(t, stamp)),
    }
}

fn reference(stamp: &Stamp) -> Option<&str> {
    stamp
        .reference
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
}

fn created_at(t: &Texts, stamp: &Stamp) -> String {
    format!(
        "{} {:02}:{:02}",
        (t.date)(stamp.created),
        stamp.created_hour.min(23),
        stamp.created_minute.min(59)
    )
}

/// `clean` makes typed text drawable (see `Fonts::clean`); it runs before the check for
/// empty answers, so an answer of only invisible characters reads "Inte angivet".
/// `attachments` and `data_file` are the files embedded in the PDF, listed under
/// "Bilagor" with their sizes.
pub(crate) fn document(
    app: &Application,
    t: &'static Texts,
    stamp: &Stamp,
    clean: &dyn Fn(&str) -> String,
    attachments: &[Listed],
    data_file: &Listed,
) -> Doc {
    let text = |value: &str| {
        let value = clean(value);
        let value = value.trim();
        if value.is_empty() {
            t.not_provided.to_string()
        } else {
            value.to_string()
        }
    };
    let date = |d| (t.date)(d);
    let money = |m| (t.money)(m);

    let mut meta = Vec::new();
    if let Some(reference) = reference(stamp) {
        meta.push(format!("{}: {reference}", t.pdf_reference));
    }
    meta.push(format!("{}: {}", t.pdf_created, created_at(t, stamp)));

    let school = format!(
        "{} ({})",
        text(&app.school.name),
        (t.school_type)(app.school.school_type)
    );
    let mut sections = vec![Section {
        heading: (t.step_title)(Step::Applicant).into(),
        items: vec![Item::Answers(vec![
            answer(t.applicant_name, text(&app.applicant.name)),
            answer(t.applicant_email, text(&app.applicant.email)),
            answer(t.applicant_phone, text(&app.applicant.phone)),
            answer(t.role_legend, (t.role)(app.applicant.role).into()),
            answer(t.school, school),
        ])],
    }];

    let mut kind = vec![answer(t.kind_legend, (t.kind)(app.kind).into())];
    if app.kind.is_granted_exchange() {
        kind.push(answer(t.granted_project, text(&app.granted_project)));
    }
    sections.push(Section {
        heading: (t.step_title)(Step::Kind).into(),
        items: vec![Item::Answers(kind)],
    });

    let d = &app.dates;
    let dest = &app.destination;
    sections.push(Section {
        heading: (t.step_title)(Step::DatesDestination).into(),
        items: vec![Item::Answers(vec![
            answer(t.project_start, date(d.project_start)),
            answer(t.project_end, date(d.project_end)),
            answer((t.trip_start)(Some(app.kind)), date(d.trip_start)),
            answer((t.trip_end)(Some(app.kind)), date(d.trip_end)),
            answer(t.country, text(&dest.country)),
            answer(t.place, text(&dest.place)),
            answer(t.partner, text(&dest.partner)),
        ])],
    });

    let p = &app.participants;
    sections.push(Section {
        heading: (t.step_title)(Step::Participants).into(),
        items: vec![Item::Answers(vec![
            answer(t.pupils, p.pupils.to_string()),
            answer(t.staff, p.staff.to_string()),
            answer(t.group, text(&p.group)),
        ])],
    });

    let desc = &app.description;
    sections.push(Section {
        heading: (t.step_title)(Step::Description).into(),
        items: vec![Item::Answers(vec![
            answer(t.goals, text(&desc.goals)),
            answer(t.theme, text(&desc.theme)),
            answer(t.summary, text(&desc.summary)),
        ])],
    });

    let activities = if app.activities.is_empty() {
        Item::Paragraph(t.no_activities.into())
    } else {
        Item::Table(Table {
            columns: vec![
                Column {
                    header: t.activity_date.into(),
                    share: 0.25,
                    align_end: false,
                },
                Column {
                    header: t.activity_phase.into(),
                    share: 0.25,
                    align_end: false,
                },
                Column {
                    header: t.activity_description.into(),
                    share: 0.5,
                    align_end: false,
                },
            ],
            rows: app
                .activities
                .iter()
                .map(|a| {
                    vec![
                        date(a.date),
                        (t.phase)(a.phase).into(),
                        text(&a.description),
                    ]
                })
                .collect(),
            footer: Vec::new(),
        })
    };
    sections.push(Section {
        heading: (t.step_title)(Step::Activities).into(),
        items: vec![activities],
    });

    if app.kind.needs_support_measures() {
        // The step's title is the question, so the answer stands under it unlabelled.
        sections.push(Section {
            heading: (t.step_title)(Step::Support).into(),
            items: vec![Item::Paragraph(text(&app.support_measures))],
        });
    }

    let budget = &app.budget;
    let mut budget_items = Vec::new();
    if budget.rows.is_empty() {
        budget_items.push(Item::Paragraph(t.not_provided.into()));
    }
    budget_items.push(Item::Table(Table {
        columns: vec![
            Column {
                header: t.budget_category.into(),
                share: 0.27,
                align_end: false,
            },
            Column {
                header: t.pdf_description.into(),
                share: 0.48,
                align_end: false,
            },
            Column {
                header: t.pdf_amount.into(),
                share: 0.25,
                align_end: true,
            },
        ],
        rows: budget
            .rows
            .iter()
            .map(|r| {
                vec![
                    (t.category)(r.category).into(),
                    text(&r.description),
                    money(r.amount),
                ]
            })
            .collect(),
        footer: vec![
            (t.totals_total.into(), money(budget.total_costs)),
            (t.other_funding.into(), money(budget.other_funding)),
            (t.amount_applied.into(), money(budget.amount_applied)),
        ],
    }));
    sections.push(Section {
        heading: (t.step_title)(Step::Budget).into(),
        items: budget_items,
    });

    let (payment_label, payment_value) = match &app.payment {
        Payment::AccountString { account } => (t.account_legend, text(&account.to_string())),
        Payment::Bankgiro { number } => ((t.giro)(GiroMethod::Bankgiro), number.to_string()),
        Payment::Plusgiro { number } => ((t.giro)(GiroMethod::Plusgiro), number.to_string()),
    };
    sections.push(Section {
        heading: (t.step_title)(Step::Payment).into(),
        items: vec![Item::Answers(vec![
            answer(t.principal_name, text(&app.principal.name)),
            answer(t.principal_email, text(&app.principal.email)),
            answer(payment_label, payment_value),
        ])],
    });

    let listed =
        |file: &Listed| format!("{} ({})", text(file.name), (t.file_size)(file.size_bytes));
    let files = if attachments.is_empty() {
        t.attachments_none.to_string()
    } else {
        attachments
            .iter()
            .map(listed)
            .collect::<Vec<_>>()
            .join("\n")
    };
    sections.push(Section {
        heading: (t.step_title)(Step::Attachments).into(),
        items: vec![
            Item::Answers(vec![
                answer(t.attachments_list_title, files),
                answer(t.pdf_data_file, listed(data_file)),
            ]),
            Item::Paragraph(t.pdf_files_inside.into()),
        ],
    });

    sections.push(Section {
        heading: t.pdf_declaration.into(),
        items: vec![Item::Answers(vec![answer(
            t.declaration_label,
            if app.declaration_confirmed {
                t.yes
            } else {
                t.no
            }
            .into(),
        )])],
    });

    Doc {
        title: t.pdf_title.into(),
        meta,
        sections,
    }
}

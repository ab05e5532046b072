//! What the PDF says, before any layout. It is written for the case officer who
//! registers and decides the application: a summary and the municipality's box first,
//! then every answer, grouped by the form's steps, under third-person labels (the
//! `pdf_*` texts where the form's own label speaks to the applicant), with the
//! activities and the budget as tables, and last the declaration: who, what and when.

use skolutbyte::domain::account_string::{AccountString, Segment};
use skolutbyte::domain::application::{Application, Payment};
use skolutbyte::domain::dates::Date;
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
    /// Drawn inside a border and kept on one page (the municipality's box).
    pub(crate) boxed: bool,
}

pub(crate) enum Item {
    /// Label and answer pairs (a definition list).
    Answers(Vec<Answer>),
    /// Text under the heading when the heading is the question.
    Paragraph(String),
    Table(Table),
    /// Labels with an empty line each, to be filled in by hand.
    WriteIn(Vec<String>),
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

/// "10 januari 2027 – 15 juni 2027".
fn period(t: &Texts, start: Date, end: Date) -> String {
    format!("{} – {}", (t.date)(start), (t.date)(end))
}

/// The given kontosträng segments by name: "Ansvar 4123, Verksamhet 3500, Projekt P1".
fn named_segments(t: &Texts, account: &AccountString) -> String {
    Segment::ALL
        .iter()
        .map(|&segment| (segment, account.get(segment).trim()))
        .filter(|(_, value)| !value.is_empty())
        .map(|(segment, value)| format!("{} {value}", (t.segment)(segment)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `clean` makes typed text drawable (see `Fonts::clean`); it runs before the check for
/// empty answers, so an answer of only invisible characters reads "Inte angivet".
/// `attachments` and `data_file` are the files embedded in the PDF, listed under
/// "Bilagor" with their sizes.
///
/// Written for the case officer: page 1 opens with a summary and the municipality's box
/// for its notes, then every answer under third-person labels, and last who declared
/// what, and when.
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
    let d = &app.dates;
    let project_period = period(t, d.project_start, d.project_end);
    let trip_period = period(t, d.trip_start, d.trip_end);
    let trip_label = (t.pdf_trip_period)(app.kind);
    let budget = &app.budget;

    let mut sections = vec![
        Section {
            heading: t.pdf_summary.into(),
            items: vec![Item::Answers(vec![
                answer(t.school, school.clone()),
                answer(t.pdf_kind, (t.kind)(app.kind).into()),
                answer(t.pdf_project_period, project_period.clone()),
                answer(trip_label, trip_period.clone()),
                answer(t.pdf_amount_applied, money(budget.amount_applied)),
                answer(t.totals_total, money(budget.total_costs)),
                answer(t.pdf_principal, text(&app.principal.name)),
                answer(t.pdf_applicant, text(&app.applicant.name)),
            ])],
            boxed: false,
        },
        Section {
            heading: t.pdf_office_use.into(),
            items: vec![Item::WriteIn(
                t.pdf_office_fields.iter().map(|f| f.to_string()).collect(),
            )],
            boxed: true,
        },
    ];

    let mut applicant = vec![
        answer(t.pdf_applicant, text(&app.applicant.name)),
        answer(t.pdf_email, text(&app.applicant.email)),
        answer(t.pdf_phone, text(&app.applicant.phone)),
        answer(t.pdf_role, (t.role)(app.applicant.role).into()),
        answer(t.school, school),
        answer(t.pdf_kind, (t.kind)(app.kind).into()),
    ];
    if app.kind.is_granted_exchange() {
        applicant.push(answer(t.pdf_granted_project, text(&app.granted_project)));
    }
    sections.push(Section {
        heading: t.pdf_applicant_and_school.into(),
        items: vec![Item::Answers(applicant)],
        boxed: false,
    });

    let dest = &app.destination;
    sections.push(Section {
        heading: (t.step_title)(Step::DatesDestination).into(),
        items: vec![Item::Answers(vec![
            answer(t.pdf_project_period, project_period),
            answer(trip_label, trip_period),
            answer(t.country, text(&dest.country)),
            answer(t.place, text(&dest.place)),
            answer(t.partner, text(&dest.partner)),
        ])],
        boxed: false,
    });

    let p = &app.participants;
    sections.push(Section {
        heading: (t.step_title)(Step::Participants).into(),
        items: vec![Item::Answers(vec![
            answer(t.pupils, p.pupils.to_string()),
            answer(t.staff, p.staff.to_string()),
            answer(t.group, text(&p.group)),
        ])],
        boxed: false,
    });

    let desc = &app.description;
    sections.push(Section {
        heading: (t.step_title)(Step::Description).into(),
        items: vec![Item::Answers(vec![
            answer(t.pdf_goals, text(&desc.goals)),
            answer(t.theme, text(&desc.theme)),
            answer(t.pdf_description, text(&desc.summary)),
        ])],
        boxed: false,
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
                    header: t.pdf_description.into(),
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
        boxed: false,
    });

    if app.kind.needs_support_measures() {
        // The step's title is the question, so the answer stands under it unlabelled.
        sections.push(Section {
            heading: (t.step_title)(Step::Support).into(),
            items: vec![Item::Paragraph(text(&app.support_measures))],
            boxed: false,
        });
    }

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
            (t.pdf_amount_applied.into(), money(budget.amount_applied)),
        ],
    }));
    sections.push(Section {
        heading: (t.step_title)(Step::Budget).into(),
        items: budget_items,
        boxed: false,
    });

    let (payment_label, payment_value) = match &app.payment {
        Payment::AccountString { account } => (t.account_legend, text(&named_segments(t, account))),
        Payment::Bankgiro { number } => ((t.giro)(GiroMethod::Bankgiro), number.to_string()),
        Payment::Plusgiro { number } => ((t.giro)(GiroMethod::Plusgiro), number.to_string()),
    };
    sections.push(Section {
        heading: (t.step_title)(Step::Payment).into(),
        items: vec![Item::Answers(vec![
            answer(t.pdf_principal, text(&app.principal.name)),
            answer(t.principal_email, text(&app.principal.email)),
            answer(payment_label, payment_value),
        ])],
        boxed: false,
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
        boxed: false,
    });

    // Who declared what, and when. `validate` admits no application without the
    // declaration, so the "not provided" branch is for hand-made ones.
    let declaration = if app.declaration_confirmed {
        vec![
            Item::Paragraph(
                t.pdf_declared
                    .replace("{applicant}", &text(&app.applicant.name))
                    .replace("{principal}", &text(&app.principal.name)),
            ),
            Item::Answers(vec![answer(t.pdf_declared_at, created_at(t, stamp))]),
        ]
    } else {
        vec![Item::Paragraph(t.not_provided.into())]
    };
    sections.push(Section {
        heading: t.pdf_declaration.into(),
        items: declaration,
        boxed: false,
    });

    Doc {
        title: t.pdf_title.into(),
        meta,
        sections,
    }
}

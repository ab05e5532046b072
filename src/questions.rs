//! Every question of the plain question steps, in the order the applicant meets them:
//! the one table the form is rendered from (`ui::steps::questions` walks it), so a case
//! officer can review the questions, their hints, widths and conditions in this file.
//!
//! Plain data (no browser), tested natively. The steps with repeatable rows or files
//! (activities, budget, attachments) and the pages around the questions (start, check
//! answers, declaration, confirmation) stay components of their own.
//!
//! Texts are selectors into [`Texts`] (`|t| t.country`), so the table follows the chosen
//! language. Answers are read and written through plain function pointers into the
//! [`Draft`], so one generic renderer serves every question.

use crate::domain::application::{Coded, Kind, Role, SchoolType};
use crate::domain::draft::{DateInput, Draft, GiroMethod, OTHER_SCHOOL};
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::i18n::{Text, Texts};

/// How the phone keyboard and autofill should treat a one-line input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputKind {
    #[default]
    Text,
    Email,
    Tel,
    /// Whole numbers: numeric keypad, no spinner (type=number mangles input).
    Count,
    /// Kronor: numeric keypad with decimals.
    Money,
}

/// Width classes of one-line inputs; full width when none.
pub const W4: &str = "sku-input--w4";
pub const W10: &str = "sku-input--w10";
pub const W20: &str = "sku-input--w20";

/// An answer in the draft, as plain function pointers (one renderer for every answer).
pub struct Answer<T: 'static> {
    pub get: fn(&Draft) -> &T,
    pub set: fn(&mut Draft) -> &mut T,
}

impl<T> Clone for Answer<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Answer<T> {}

/// `answer!(country)`: the draft's `country`, to read and to write.
macro_rules! answer {
    ($name:ident) => {
        Answer {
            get: |d| &d.$name,
            set: |d| &mut d.$name,
        }
    };
}

/// One of a few options, by position, so the renderer is not generic over the option type.
#[derive(Clone, Copy)]
pub struct Choice {
    pub count: usize,
    pub label: fn(&'static Texts, usize) -> &'static str,
    pub hint: Option<fn(&'static Texts, usize) -> &'static str>,
    pub get: fn(&Draft) -> Option<usize>,
    pub set: fn(&mut Draft, usize),
}

/// `choice!(applicant_role: Role, labels: role)`: every option of `Role`, in its order,
/// worded by `Texts::role`, stored in the draft's `applicant_role`.
macro_rules! choice {
    ($name:ident: $type:ty, labels: $label:ident $(, hints: $hint:ident)?) => {
        Choice {
            count: <$type as Coded>::ALL.len(),
            label: |t, i| option::<$type>(i).map_or("", t.$label),
            hint: choice!(@hint $type $(, $hint)?),
            get: |d| position(d.$name),
            set: |d, i| {
                if let Some(value) = option::<$type>(i) {
                    d.$name = Some(value);
                }
            },
        }
    };
    (@hint $type:ty) => {
        None
    };
    (@hint $type:ty, $hint:ident) => {
        Some(|t, i| option::<$type>(i).map_or("", t.$hint))
    };
}

fn option<T: Coded>(index: usize) -> Option<T> {
    T::ALL.get(index).copied()
}

fn position<T: Coded>(value: Option<T>) -> Option<usize> {
    value.and_then(|v| T::ALL.iter().position(|o| *o == v))
}

/// What a question's label or legend says.
#[derive(Clone, Copy)]
pub enum Label {
    Fixed(Text),
    /// Worded after the kind chosen on an earlier step (the trip, the visit, the stay abroad).
    ByKind(fn(&'static Texts, Option<Kind>) -> &'static str),
}

impl Label {
    pub fn text(self, t: &'static Texts, kind: Option<Kind>) -> &'static str {
        match self {
            Label::Fixed(text) => text(t),
            Label::ByKind(text) => text(t, kind),
        }
    }
}

#[derive(Clone, Copy)]
pub enum Widget {
    Input(InputKind, Answer<String>),
    TextArea {
        rows: u32,
        answer: Answer<String>,
    },
    /// Three boxes: year, month, day.
    Date(Answer<DateInput>),
    Radios(Choice),
    /// The configured schools, then "my school is not in the list".
    SchoolSelect {
        placeholder: Text,
        answer: Answer<String>,
    },
}

#[derive(Clone, Copy)]
pub struct Question {
    pub field: Field,
    pub label: Label,
    pub hint: Option<Text>,
    pub optional: bool,
    pub width: Option<&'static str>,
    pub autocomplete: Option<&'static str>,
    /// The label or legend is the page's heading (GOV.UK "question pages").
    pub is_page_heading: bool,
    pub widget: Widget,
}

const fn question(field: Field, label: Label, widget: Widget) -> Question {
    Question {
        field,
        label,
        hint: None,
        optional: false,
        width: None,
        autocomplete: None,
        is_page_heading: false,
        widget,
    }
}

pub const fn text(field: Field, label: Text, answer: Answer<String>) -> Question {
    question(
        field,
        Label::Fixed(label),
        Widget::Input(InputKind::Text, answer),
    )
}

pub const fn email(field: Field, label: Text, answer: Answer<String>) -> Question {
    question(
        field,
        Label::Fixed(label),
        Widget::Input(InputKind::Email, answer),
    )
}

pub const fn tel(field: Field, label: Text, answer: Answer<String>) -> Question {
    question(
        field,
        Label::Fixed(label),
        Widget::Input(InputKind::Tel, answer),
    )
}

/// A whole number.
pub const fn count(field: Field, label: Text, answer: Answer<String>) -> Question {
    question(
        field,
        Label::Fixed(label),
        Widget::Input(InputKind::Count, answer),
    )
}

pub const fn textarea(field: Field, label: Text, answer: Answer<String>) -> Question {
    question(
        field,
        Label::Fixed(label),
        Widget::TextArea { rows: 5, answer },
    )
}

pub const fn date(field: Field, label: Label, answer: Answer<DateInput>) -> Question {
    question(field, label, Widget::Date(answer))
}

pub const fn school_select(
    field: Field,
    label: Text,
    placeholder: Text,
    answer: Answer<String>,
) -> Question {
    question(
        field,
        Label::Fixed(label),
        Widget::SchoolSelect {
            placeholder,
            answer,
        },
    )
}

pub const fn radios(field: Field, legend: Text, choice: Choice) -> Question {
    question(field, Label::Fixed(legend), Widget::Radios(choice))
}

impl Question {
    pub const fn hint(mut self, hint: Text) -> Question {
        self.hint = Some(hint);
        self
    }

    pub const fn optional(mut self) -> Question {
        self.optional = true;
        self
    }

    pub const fn width(mut self, width: &'static str) -> Question {
        self.width = Some(width);
        self
    }

    pub const fn autocomplete(mut self, token: &'static str) -> Question {
        self.autocomplete = Some(token);
        self
    }

    pub const fn page_heading(mut self) -> Question {
        self.is_page_heading = true;
        self
    }

    pub const fn rows(mut self, rows: u32) -> Question {
        if let Widget::TextArea { answer, .. } = self.widget {
            self.widget = Widget::TextArea { rows, answer };
        }
        self
    }
}

/// One thing on a question step, top to bottom.
#[derive(Clone, Copy)]
pub enum Entry {
    Ask(Question),
    /// Questions revealed by an earlier answer (GOV.UK conditional reveal).
    Reveal {
        when: fn(&Draft) -> bool,
        questions: &'static [Question],
    },
    /// A subheading within the step (h2).
    Heading(Text),
    Paragraph(Text),
    /// A grey inset.
    Inset(Text),
    /// The inset reminding not to name pupils (the application becomes a public document).
    NamesWarning,
    /// How the grant is paid: account string, bankgiro/plusgiro or "choose a school
    /// first", from the school type (a component of its own: the segments follow rules).
    PaymentMethod,
}

use Entry::*;

fn other_school_chosen(d: &Draft) -> bool {
    d.school_id == OTHER_SCHOOL
}

fn granted_exchange_chosen(d: &Draft) -> bool {
    d.kind.is_some_and(Kind::is_granted_exchange)
}

// The table itself, laid out like the form (one question a line), so it is not rustfmt'ed.

#[rustfmt::skip]
const APPLICANT: &[Entry] = &[
    Ask(text(Field::ApplicantName, |t| t.applicant_name, answer!(applicant_name))
        .autocomplete("name")),
    Ask(email(Field::ApplicantEmail, |t| t.applicant_email, answer!(applicant_email))
        .hint(|t| t.applicant_email_hint).autocomplete("email")),
    Ask(tel(Field::ApplicantPhone, |t| t.applicant_phone, answer!(applicant_phone))
        .optional().autocomplete("tel").width(W20)),
    Ask(radios(Field::ApplicantRole, |t| t.role_legend, choice!(applicant_role: Role, labels: role))),
    Ask(school_select(Field::School, |t| t.school, |t| t.school_choose, answer!(school_id))
        .hint(|t| t.school_hint)),
    Reveal { when: other_school_chosen, questions: &[
        text(Field::OtherSchoolName, |t| t.other_school_name, answer!(other_school_name))
            .hint(|t| t.other_school_name_hint).autocomplete("organization"),
        radios(Field::OtherSchoolType, |t| t.other_school_type,
            choice!(other_school_type: SchoolType, labels: school_type)),
    ]},
];

#[rustfmt::skip]
const KIND: &[Entry] = &[
    Ask(radios(Field::Kind, |t| t.kind_legend, choice!(kind: Kind, labels: kind, hints: kind_hint))
        .page_heading()),
    Reveal { when: granted_exchange_chosen, questions: &[
        text(Field::GrantedProject, |t| t.granted_project, answer!(granted_project))
            .hint(|t| t.granted_project_hint),
    ]},
];

#[rustfmt::skip]
const DATES_DESTINATION: &[Entry] = &[
    Ask(date(Field::ProjectStart, Label::Fixed(|t| t.project_start), answer!(project_start))
        .hint(|t| t.project_start_hint)),
    Ask(date(Field::ProjectEnd, Label::Fixed(|t| t.project_end), answer!(project_end))
        .hint(|t| t.project_end_hint)),
    Ask(date(Field::TripStart, Label::ByKind(|t, kind| (t.trip_start)(kind)), answer!(trip_start))),
    Ask(date(Field::TripEnd, Label::ByKind(|t, kind| (t.trip_end)(kind)), answer!(trip_end))
        .hint(|t| t.trip_end_hint)),
    Heading(|t| t.destination_heading),
    Ask(text(Field::Country, |t| t.country, answer!(country)).hint(|t| t.country_hint).width(W20)),
    Ask(text(Field::Place, |t| t.place, answer!(place)).optional().width(W20)),
    Ask(text(Field::Partner, |t| t.partner, answer!(partner)).hint(|t| t.partner_hint)),
];

#[rustfmt::skip]
const PARTICIPANTS: &[Entry] = &[
    Inset(|t| t.names_warning),
    Ask(count(Field::Pupils, |t| t.pupils, answer!(pupils)).hint(|t| t.pupils_hint).width(W4)),
    Ask(count(Field::Staff, |t| t.staff, answer!(staff)).hint(|t| t.staff_hint).width(W4)),
    Ask(text(Field::Group, |t| t.group, answer!(group)).hint(|t| t.group_hint).optional()),
];

#[rustfmt::skip]
const DESCRIPTION: &[Entry] = &[
    NamesWarning,
    Ask(textarea(Field::Goals, |t| t.goals, answer!(goals)).hint(|t| t.goals_hint)),
    Ask(text(Field::Theme, |t| t.theme, answer!(theme)).hint(|t| t.theme_hint)),
    Ask(textarea(Field::Summary, |t| t.summary, answer!(summary)).hint(|t| t.summary_hint).optional()),
];

#[rustfmt::skip]
const SUPPORT: &[Entry] = &[
    Ask(textarea(Field::SupportMeasures, |t| (t.step_title)(Step::Support), answer!(support_measures))
        .page_heading().hint(|t| t.support_hint).rows(8)),
    NamesWarning,
];

#[rustfmt::skip]
const PAYMENT: &[Entry] = &[
    Paragraph(|t| t.principal_intro),
    Ask(text(Field::PrincipalName, |t| t.principal_name, answer!(principal_name))
        .autocomplete("off")),
    Ask(email(Field::PrincipalEmail, |t| t.principal_email, answer!(principal_email))
        .autocomplete("off")),
    PaymentMethod,
];

/// Asked in [`Entry::PaymentMethod`] when the school is independent (with the giro
/// number, whose hint follows the method chosen).
#[rustfmt::skip]
pub static GIRO_METHOD: Question =
    radios(Field::GiroMethod, |t| t.giro_method, choice!(giro_method: GiroMethod, labels: giro));

/// The entries of a step rendered from this table; None for a step with its own component.
pub fn entries(step: Step) -> Option<&'static [Entry]> {
    match step {
        Step::Applicant => Some(APPLICANT),
        Step::Kind => Some(KIND),
        Step::DatesDestination => Some(DATES_DESTINATION),
        Step::Participants => Some(PARTICIPANTS),
        Step::Description => Some(DESCRIPTION),
        Step::Support => Some(SUPPORT),
        Step::Payment => Some(PAYMENT),
        _ => None,
    }
}

/// Whether the step's only question is its heading, so the page has no other h1.
pub fn question_is_heading(entries: &[Entry]) -> bool {
    entries
        .iter()
        .any(|e| matches!(e, Ask(q) if q.is_page_heading))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn questions(step: Step) -> Vec<Question> {
        entries(step)
            .unwrap_or_default()
            .iter()
            .flat_map(|e| match e {
                Ask(q) => vec![*q],
                Reveal { questions, .. } => questions.to_vec(),
                _ => vec![],
            })
            .collect()
    }

    #[test]
    fn every_question_is_on_the_step_its_errors_point_to() {
        for step in Step::ALL {
            for q in questions(step) {
                assert_eq!(q.field.step(), step, "{:?}", q.field);
            }
        }
    }

    #[test]
    fn no_field_is_asked_twice() {
        let mut ids: Vec<String> = Step::ALL
            .into_iter()
            .flat_map(questions)
            .map(|q| q.field.id())
            .collect();
        let all = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all);
    }

    #[test]
    fn every_answer_reads_what_it_writes() {
        for step in Step::ALL {
            for q in questions(step) {
                let mut draft = Draft::default();
                match q.widget {
                    Widget::Input(_, a)
                    | Widget::TextArea { answer: a, .. }
                    | Widget::SchoolSelect { answer: a, .. } => {
                        *(a.set)(&mut draft) = "x".into();
                        assert_eq!((a.get)(&draft), "x", "{:?}", q.field);
                    }
                    Widget::Date(a) => {
                        (a.set)(&mut draft).day = "7".into();
                        assert_eq!((a.get)(&draft).day, "7", "{:?}", q.field);
                    }
                    Widget::Radios(c) => {
                        assert_eq!((c.get)(&draft), None);
                        for i in 0..c.count {
                            (c.set)(&mut draft, i);
                            assert_eq!((c.get)(&draft), Some(i), "{:?}", q.field);
                        }
                        // A position past the options changes nothing.
                        (c.set)(&mut draft, c.count);
                        assert_eq!((c.get)(&draft), Some(c.count - 1), "{:?}", q.field);
                    }
                }
            }
        }
    }

    #[test]
    fn every_label_and_option_is_worded_in_both_languages() {
        for t in [Locale::Sv.texts(), Locale::En.texts()] {
            for step in Step::ALL {
                for q in questions(step) {
                    for kind in [None, Some(Kind::InternshipAbroad)] {
                        assert!(!q.label.text(t, kind).is_empty(), "{:?}", q.field);
                    }
                    if let Some(hint) = q.hint {
                        assert!(!hint(t).is_empty(), "{:?}", q.field);
                    }
                    if let Widget::Radios(c) = q.widget {
                        for i in 0..c.count {
                            assert!(!(c.label)(t, i).is_empty(), "{:?} {i}", q.field);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn revealed_questions_follow_their_answers() {
        let mut draft = Draft::default();
        assert!(!other_school_chosen(&draft));
        draft.school_id = OTHER_SCHOOL.into();
        assert!(other_school_chosen(&draft));
        assert!(!granted_exchange_chosen(&draft));
        draft.kind = Some(Kind::ExchangeSending);
        assert!(granted_exchange_chosen(&draft));
        draft.kind = Some(Kind::InternshipAbroad);
        assert!(!granted_exchange_chosen(&draft));
    }

    #[test]
    fn only_the_kind_and_support_steps_have_their_question_as_heading() {
        let heading: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| entries(*s).is_some_and(question_is_heading))
            .collect();
        assert_eq!(heading, [Step::Kind, Step::Support]);
    }
}

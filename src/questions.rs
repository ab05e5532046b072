//! Every question of the form, in the order the applicant meets them: the one table the
//! question steps are rendered from (`ui::steps::questions` walks it), so a case officer
//! can review the questions, their hints, widths and conditions in this file. The rows of
//! the activities and the budget are here too ([`ACTIVITY_ROW`], [`BUDGET_ROW`]); adding,
//! moving and removing rows, and the budget's totals, stay in those steps' components, as
//! do the pages around the questions (start, attachments, check answers, declaration,
//! confirmation). Not here: the questions whose wording or presence follows computed
//! values: the budget's other funding and amount applied (the most one may apply for),
//! the account string's boxes and the giro number (the configured rules, the method).
//!
//! Plain data (no browser), tested natively. Texts are selectors into [`Texts`]
//! (`|t| t.country`), so the table follows the chosen language. Answers are read and
//! written through plain function pointers into the [`Draft`], so one renderer serves
//! every question and each widget is built once.

use crate::domain::application::{BudgetCategory, Coded, Kind, Phase, Role, SchoolType};
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

/// An answer in one row of a repeatable list (activities, budget); None once the row is gone.
pub struct RowAnswer<T: 'static> {
    pub get: fn(&Draft, usize) -> Option<&T>,
    pub set: fn(&mut Draft, usize) -> Option<&mut T>,
}

impl<T> Clone for RowAnswer<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for RowAnswer<T> {}

/// `row_answer!(activities[].date)`: the `date` of one row of the draft's `activities`.
macro_rules! row_answer {
    ($list:ident[].$name:ident) => {
        RowAnswer {
            get: |d, i| d.$list.get(i).map(|r| &r.$name),
            set: |d, i| d.$list.get_mut(i).map(|r| &mut r.$name),
        }
    };
}

/// One of a coded enum's options in a row, chosen in a select by its code.
#[derive(Clone, Copy)]
pub struct RowChoice {
    /// (code, visible text) pairs, in the enum's order.
    pub options: fn(&'static Texts) -> Vec<(String, String)>,
    /// The chosen option's code; "" when none.
    pub get: fn(&Draft, usize) -> &'static str,
    /// Chooses the option with this code (none for "" or an unknown code).
    pub set: fn(&mut Draft, usize, &str),
}

/// `row_choice!(activities[].phase: Phase, labels: phase)`: a `Phase` in each row, worded
/// by `Texts::phase`.
macro_rules! row_choice {
    ($list:ident[].$name:ident: $type:ty, labels: $label:ident) => {
        RowChoice {
            options: |t| {
                <$type as Coded>::ALL
                    .iter()
                    .map(|o| (o.code().to_string(), (t.$label)(*o).to_string()))
                    .collect()
            },
            get: |d, i| d.$list.get(i).and_then(|r| r.$name).map_or("", Coded::code),
            set: |d, i, code| {
                if let Some(row) = d.$list.get_mut(i) {
                    row.$name = <$type as Coded>::from_code(code);
                }
            },
        }
    };
}

#[derive(Clone, Copy)]
pub enum RowWidget {
    Input(InputKind, RowAnswer<String>),
    TextArea {
        rows: u32,
        answer: RowAnswer<String>,
    },
    Date(RowAnswer<DateInput>),
    Select {
        placeholder: Text,
        choice: RowChoice,
    },
}

/// A question asked once per row; its field is numbered by the row.
#[derive(Clone, Copy)]
pub struct RowQuestion {
    pub field: fn(usize) -> Field,
    pub label: Text,
    pub hint: Option<Text>,
    pub width: Option<&'static str>,
    pub widget: RowWidget,
}

const fn row_question(field: fn(usize) -> Field, label: Text, widget: RowWidget) -> RowQuestion {
    RowQuestion {
        field,
        label,
        hint: None,
        width: None,
        widget,
    }
}

impl RowQuestion {
    pub const fn hint(mut self, hint: Text) -> RowQuestion {
        self.hint = Some(hint);
        self
    }

    pub const fn width(mut self, width: &'static str) -> RowQuestion {
        self.width = Some(width);
        self
    }
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

/// Each activity (a row of the activities step, which adds, moves and removes rows).
#[rustfmt::skip]
pub const ACTIVITY_ROW: &[RowQuestion] = &[
    row_question(Field::ActivityDate, |t| t.activity_date,
        RowWidget::Date(row_answer!(activities[].date))),
    row_question(Field::ActivityPhase, |t| t.activity_phase,
        RowWidget::Select { placeholder: |t| t.phase_choose,
            choice: row_choice!(activities[].phase: Phase, labels: phase) }),
    row_question(Field::ActivityDescription, |t| t.activity_description,
        RowWidget::TextArea { rows: 3, answer: row_answer!(activities[].description) }),
];

/// Each cost (a row of the budget step, above its totals).
#[rustfmt::skip]
pub const BUDGET_ROW: &[RowQuestion] = &[
    row_question(Field::BudgetCategory, |t| t.budget_category,
        RowWidget::Select { placeholder: |t| t.category_choose,
            choice: row_choice!(budget_rows[].category: BudgetCategory, labels: category) }),
    row_question(Field::BudgetDescription, |t| t.budget_description,
        RowWidget::Input(InputKind::Text, row_answer!(budget_rows[].description))),
    row_question(Field::BudgetAmount, |t| t.budget_amount,
        RowWidget::Input(InputKind::Money, row_answer!(budget_rows[].amount)))
        .hint(|t| t.amount_hint).width(W10),
];

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
    fn every_row_question_reads_what_it_writes_in_its_own_row() {
        for (step, row) in [(Step::Activities, ACTIVITY_ROW), (Step::Budget, BUDGET_ROW)] {
            for q in row {
                assert_eq!((q.field)(1).step(), step);
                let mut draft = Draft::default();
                draft.activities = vec![Default::default(); 2];
                draft.budget_rows = vec![Default::default(); 2];
                let before = draft.clone();
                match q.widget {
                    RowWidget::Input(_, a) | RowWidget::TextArea { answer: a, .. } => {
                        if let Some(text) = (a.set)(&mut draft, 1) {
                            *text = "x".into();
                        }
                        assert_eq!((a.get)(&draft, 1).map(String::as_str), Some("x"));
                        assert_eq!((a.get)(&draft, 0).map(String::as_str), Some(""));
                        assert!((a.set)(&mut draft, 2).is_none(), "no third row");
                    }
                    RowWidget::Date(a) => {
                        if let Some(date) = (a.set)(&mut draft, 1) {
                            date.day = "7".into();
                        }
                        assert_eq!((a.get)(&draft, 1).map(|d| d.day.as_str()), Some("7"));
                        assert!((a.get)(&draft, 2).is_none(), "no third row");
                    }
                    RowWidget::Select { choice, .. } => {
                        let t = Locale::Sv.texts();
                        let options = (choice.options)(t);
                        assert!(options.len() >= 3);
                        for (code, text) in &options {
                            assert!(!text.is_empty());
                            (choice.set)(&mut draft, 1, code);
                            assert_eq!((choice.get)(&draft, 1), code);
                            assert_eq!((choice.get)(&draft, 0), "");
                        }
                        (choice.set)(&mut draft, 1, "");
                        assert_eq!((choice.get)(&draft, 1), "", "the placeholder chooses none");
                        (choice.set)(&mut draft, 5, &options[0].0);
                    }
                }
                if matches!(q.widget, RowWidget::Select { .. }) {
                    assert_eq!(draft, before, "a row that is gone changes nothing");
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

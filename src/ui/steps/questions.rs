//! The one renderer of the question table (`crate::questions`): a question step is its
//! entries, top to bottom, and a row of activities or budget its row questions, each drawn
//! by the same widget body. One match arm per kind of widget, not one view tree per
//! question, keeps the wasm small.

use leptos::prelude::*;

use super::names_warning;
use super::payment::payment_method;
use crate::domain::application::Kind;
use crate::domain::draft::OTHER_SCHOOL;
use crate::domain::step::Step;
use crate::questions::{
    question_is_heading, Entry, Question, RowAnswer, RowQuestion, RowWidget, Widget,
};
use crate::ui::form::{use_form, Form};
use crate::ui::i18n::{texts_now, Texts};
use crate::ui::widgets::choice::{conditional, radio_group, select};
use crate::ui::widgets::date_input::{date_input, set_part, DatePart};
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::{text_area, text_input};

#[component]
pub fn QuestionStep(step: Step, entries: &'static [Entry]) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    // Chosen on an earlier step; it names what the trip dates are about.
    let kind = form.draft.with_untracked(|d| d.kind);
    view! {
        <StepPage step question_is_heading=question_is_heading(entries)>
            {entries.iter().map(|entry| entry_view(form, t, kind, entry)).collect_view()}
        </StepPage>
    }
}

fn entry_view(form: Form, t: &'static Texts, kind: Option<Kind>, entry: &'static Entry) -> AnyView {
    match entry {
        Entry::Ask(question) => question_view(form, t, kind, question),
        Entry::Reveal { when, questions } => {
            let when = *when;
            let show = Memo::new(move |_| form.draft.with(when));
            conditional(show, move || {
                questions
                    .iter()
                    .map(|q| question_view(form, t, kind, q))
                    .collect_view()
                    .into_any()
            })
            .into_any()
        }
        Entry::Heading(text) => view! { <h2 class="sku-heading-m">{text(t)}</h2> }.into_any(),
        Entry::Paragraph(text) => view! { <p class="sku-body">{text(t)}</p> }.into_any(),
        Entry::Inset(text) => view! { <div class="sku-inset-text">{text(t)}</div> }.into_any(),
        Entry::NamesWarning => names_warning(t.names_warning).into_any(),
        Entry::PaymentMethod => payment_method().into_any(),
    }
}

pub fn question_view(
    form: Form,
    t: &'static Texts,
    kind: Option<Kind>,
    q: &'static Question,
) -> AnyView {
    let label = q.label.text(t, kind);
    match q.widget {
        Widget::Input(input_kind, answer) => {
            let (value, on_input) = form.text(answer.get, answer.set);
            text_input(
                q.field,
                label,
                q.hint,
                None,
                q.optional,
                input_kind,
                q.autocomplete,
                q.width,
                value,
                on_input,
            )
            .into_any()
        }
        Widget::TextArea { rows, answer } => {
            let (value, on_input) = form.text(answer.get, answer.set);
            text_area(
                q.field,
                label,
                q.hint,
                q.optional,
                rows,
                value,
                on_input,
                q.is_page_heading,
            )
            .into_any()
        }
        Widget::Date(answer) => {
            let value = Signal::derive(move || form.draft.with(|d| (answer.get)(d).clone()));
            let on_input = Callback::new(move |(part, text): (DatePart, String)| {
                form.draft.update(|d| set_part((answer.set)(d), part, text));
            });
            date_input(q.field, label, q.hint, value, on_input).into_any()
        }
        Widget::Radios(choice) => {
            let items = (0..choice.count)
                .map(|i| ((choice.label)(t, i), choice.hint.map(|h| h(t, i))))
                .collect();
            let selected = Signal::derive(move || form.draft.with(choice.get));
            let on_change = Callback::new(move |i| form.draft.update(|d| (choice.set)(d, i)));
            radio_group(
                q.field,
                label,
                q.is_page_heading,
                q.hint,
                items,
                selected,
                on_change,
            )
        }
        Widget::SchoolSelect {
            placeholder,
            answer,
        } => {
            let (value, on_change) = form.text(answer.get, answer.set);
            let options = Signal::derive(move || {
                let mut options: Vec<(String, String)> = form.rules.with_value(|rules| {
                    rules
                        .schools
                        .iter()
                        .map(|s| (s.id.clone(), s.name.clone()))
                        .collect()
                });
                options.push((OTHER_SCHOOL.to_string(), t.school_other.to_string()));
                options
            });
            select(
                q.field,
                label,
                q.hint,
                placeholder(t),
                options,
                value,
                on_change,
            )
            .into_any()
        }
    }
}

/// A question of one row of a repeatable list (`questions::ACTIVITY_ROW`, `BUDGET_ROW`).
/// Memos: a keystroke in one row changes the draft, and must not rewrite the inputs of
/// every other row (measured: 100 budget rows, 6 ms per keystroke with derived signals).
pub fn row_question_view(
    form: Form,
    t: &'static Texts,
    index: usize,
    q: &'static RowQuestion,
) -> AnyView {
    let field = (q.field)(index);
    let label = (q.label)(t);
    match q.widget {
        RowWidget::Input(input_kind, answer) => {
            let (value, on_input) = row_text(form, index, answer);
            text_input(
                field, label, q.hint, None, false, input_kind, None, q.width, value, on_input,
            )
            .into_any()
        }
        RowWidget::TextArea { rows, answer } => {
            let (value, on_input) = row_text(form, index, answer);
            text_area(field, label, q.hint, false, rows, value, on_input, false).into_any()
        }
        RowWidget::Date(answer) => {
            let value = Memo::new(move |_| {
                form.draft
                    .with(|d| (answer.get)(d, index).cloned().unwrap_or_default())
            });
            let on_input = Callback::new(move |(part, text): (DatePart, String)| {
                form.draft.update(|d| {
                    if let Some(date) = (answer.set)(d, index) {
                        set_part(date, part, text);
                    }
                });
            });
            date_input(field, label, q.hint, value.into(), on_input).into_any()
        }
        RowWidget::Select {
            placeholder,
            choice,
        } => {
            let value = Memo::new(move |_| form.draft.with(|d| (choice.get)(d, index).to_string()));
            let on_change = Callback::new(move |code: String| {
                form.draft.update(|d| (choice.set)(d, index, &code));
            });
            let options = Signal::derive(move || (choice.options)(t));
            select(
                field,
                label,
                q.hint,
                placeholder(t),
                options,
                value.into(),
                on_change,
            )
            .into_any()
        }
    }
}

fn row_text(
    form: Form,
    index: usize,
    answer: RowAnswer<String>,
) -> (Signal<String>, Callback<String>) {
    let value = Memo::new(move |_| {
        form.draft
            .with(|d| (answer.get)(d, index).cloned().unwrap_or_default())
    });
    let on_input = Callback::new(move |text: String| {
        form.draft.update(|d| {
            if let Some(answer) = (answer.set)(d, index) {
                *answer = text;
            }
        });
    });
    (value.into(), on_input)
}

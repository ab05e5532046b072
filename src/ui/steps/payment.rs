//! How the grant is paid (the end of the payment step, whose other questions are in the
//! question table): the account string for a municipal school, or bankgiro/plusgiro for
//! an independent one, chosen from the school.

use leptos::prelude::*;

use super::questions::question_view;
use crate::domain::account_string::{split_account_string, Segment};
use crate::domain::application::SchoolType;
use crate::domain::draft::{Draft, OTHER_SCHOOL};
use crate::domain::field::Field;
use crate::domain::rules::Rules;
use crate::domain::step::Step;
use crate::questions::{GIRO_METHOD, W10};
use crate::ui::flow::go_to;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::text_input::{hint_view, text_input, InputKind};

/// The school type decides the payment method; None until the school is chosen.
pub fn school_type(draft: &Draft, rules: &Rules) -> Option<SchoolType> {
    if draft.school_id == OTHER_SCHOOL {
        draft.other_school_type
    } else {
        rules.school(&draft.school_id).map(|s| s.school_type)
    }
}

fn account_string() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let segment_input = move |segment: Segment| {
        let field = Field::AccountSegment(segment);
        let value = Signal::derive(move || form.draft.with(|d| d.account.get(segment).to_string()));
        let on_input = Callback::new(move |text: String| {
            // A whole string pasted into one box ("4123/3500//P12") fills all the boxes.
            if text.contains('/') {
                if let Ok(parts) = split_account_string(&text) {
                    form.draft.update(|d| d.account = parts);
                    return;
                }
            }
            form.draft.update(|d| d.account.set(segment, text));
        });
        let optional = form
            .rules
            .with_value(|r| !r.account_rules.rule(segment).required);
        view! {
            <div class="sku-account__item">
                {text_input(field, (t.segment)(segment), None, None, optional, InputKind::Count,
                    None, Some(W10), value, on_input)}
            </div>
        }
    };
    view! {
        <fieldset class="sku-fieldset" aria-describedby="account-hint">
            <legend class="sku-fieldset__legend sku-fieldset__legend--m">{t.account_legend}</legend>
            {hint_view(Field::Account, Some(|t| t.account_hint), None)}
            <div class="sku-account">{Segment::ALL.into_iter().map(segment_input).collect_view()}</div>
        </fieldset>
    }
}

fn giro() -> impl IntoView {
    let form = use_form();
    let method = Signal::derive(move || form.draft.with(|d| d.giro_method));
    let (number, set_number) = form.text(|d| &d.giro_number, |d| &mut d.giro_number);
    let t = texts_now();
    let number_hint = Signal::derive(move || {
        method
            .get()
            .map(|m| (t.giro_hint)(m).to_string())
            .unwrap_or_default()
    });
    view! {
        {question_view(form, t, None, &GIRO_METHOD)}
        {text_input(Field::GiroNumber, t.giro_number, None, Some(number_hint), false,
            InputKind::Count, None, Some(W10), number, set_number)}
    }
}

/// How the grant is paid, from the school type: the account string for a municipal
/// school, bankgiro or plusgiro for an independent one, else a link to choose the school.
pub fn payment_method() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let school_type = Memo::new(move |_| {
        form.draft
            .with(|d| form.rules.with_value(|r| school_type(d, r)))
    });
    move || match school_type.get() {
        Some(SchoolType::Municipal) => account_string().into_any(),
        Some(SchoolType::Independent) => giro().into_any(),
        None => view! {
            <div class="sku-inset-text">
                <p>{t.payment_needs_school}</p>
                <a href="#" class="sku-link" on:click=move |ev| {
                    ev.prevent_default();
                    go_to(form, Step::Applicant);
                }>{(t.step_title)(Step::Applicant)}</a>
            </div>
        }
        .into_any(),
    }
}

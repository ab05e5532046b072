//! A date in three boxes (år, månad, dag) in a fieldset: works with a keyboard, a screen
//! reader and a phone's numeric keypad, and keeps exactly what was typed.

use leptos::prelude::*;

use super::described_by;
use super::error_message::ErrorMessage;
use super::text_input::hint_view;
use crate::domain::draft::DateInput as DateParts;
use crate::domain::field::Field;
use crate::ui::form::use_form;
use crate::ui::i18n::{texts_now, Text};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Year,
    Month,
    Day,
}

/// A date's three boxes in a fieldset. The legend is a plain string, not a [`Text`]: a
/// date's question may depend on other answers (the trip, the visit or the stay abroad).
pub fn date_input(
    field: Field,
    legend: &'static str,
    hint: Option<Text>,
    value: Signal<DateParts>,
    on_input: Callback<(DatePart, String)>,
) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let error = form.error(field);
    // The year box carries the field's own id, so error links focus it.
    let box_view = move |part: DatePart| {
        let (id, label, width): (String, Text, &str) = match part {
            DatePart::Year => (field.id(), |t| t.date_year, "sku-input--w4"),
            DatePart::Month => (
                format!("{}-month", field.id()),
                |t| t.date_month,
                "sku-input--w2",
            ),
            DatePart::Day => (
                format!("{}-day", field.id()),
                |t| t.date_day,
                "sku-input--w2",
            ),
        };
        let read = move || {
            value.with(|v| match part {
                DatePart::Year => v.year.clone(),
                DatePart::Month => v.month.clone(),
                DatePart::Day => v.day.clone(),
            })
        };
        view! {
            <div class="sku-date-input__item">
                <label class="sku-label sku-date-input__label" for=id.clone()>
                    {label(t)}
                </label>
                <input
                    id=id.clone()
                    name=id
                    type="text"
                    inputmode="numeric"
                    class=format!("sku-input {width}")
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:value=read
                    on:input=move |ev| on_input.run((part, event_target_value(&ev)))
                />
            </div>
        }
    };
    view! {
        <div class="sku-form-group">
            <fieldset
                class="sku-fieldset"
                role="group"
                aria-describedby=move || described_by(field, true, error.get().is_some())
            >
                <legend class="sku-fieldset__legend">{legend}</legend>
                {hint_view(field, Some(hint.unwrap_or(|t| t.date_hint)), None)}
                <ErrorMessage field />
                <div class="sku-date-input">
                    {box_view(DatePart::Year)}
                    {box_view(DatePart::Month)}
                    {box_view(DatePart::Day)}
                </div>
            </fieldset>
        </div>
    }
}

/// Writes one box's text into the date's parts.
pub fn set_part(parts: &mut DateParts, part: DatePart, text: String) {
    match part {
        DatePart::Year => parts.year = text,
        DatePart::Month => parts.month = text,
        DatePart::Day => parts.day = text,
    }
}

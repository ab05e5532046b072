//! One-line and multi-line text answers with label, hint and inline error.

use leptos::prelude::*;

use super::described_by;
use super::error_message::ErrorMessage;
use crate::domain::field::Field;
use crate::ui::form::use_form;
use crate::ui::i18n::{texts_now, Text};

pub use crate::questions::InputKind;

/// A one-line input with its label, hint and inline error. `dynamic_hint` is a hint
/// computed from the answers (e.g. the most one may apply for); `width` a class such as
/// `sku-input--w10` (full width when none).
#[allow(clippy::too_many_arguments)]
pub fn text_input(
    field: Field,
    label: &'static str,
    hint: Option<Text>,
    dynamic_hint: Option<Signal<String>>,
    optional: bool,
    kind: InputKind,
    autocomplete: Option<&'static str>,
    width: Option<&'static str>,
    value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    let form = use_form();
    let error = form.error(field);
    let has_hint = hint.is_some() || dynamic_hint.is_some();
    let (input_type, inputmode) = match kind {
        InputKind::Text => ("text", None),
        InputKind::Email => ("email", None),
        InputKind::Tel => ("tel", None),
        InputKind::Count => ("text", Some("numeric")),
        InputKind::Money => ("text", Some("decimal")),
    };
    let id = field.id();
    view! {
        <div class="sku-form-group">
            {field_head(field, label, optional, false, hint, dynamic_hint)}
            <input
                id=id.clone()
                name=id
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                spellcheck=matches!(kind, InputKind::Email | InputKind::Tel | InputKind::Count | InputKind::Money).then_some("false")
                class=format!("sku-input {}", width.unwrap_or(""))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(field, has_hint, error.get().is_some())
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line answer. With `is_page_heading` the label is the page's heading (see
/// `StepPage::question_is_heading`).
#[allow(clippy::too_many_arguments)]
pub fn text_area(
    field: Field,
    label: &'static str,
    hint: Option<Text>,
    optional: bool,
    rows: u32,
    value: Signal<String>,
    on_input: Callback<String>,
    is_page_heading: bool,
) -> impl IntoView {
    let form = use_form();
    let error = form.error(field);
    let id = field.id();
    view! {
        <div class="sku-form-group">
            {field_head(field, label, optional, is_page_heading, hint, None)}
            <textarea
                id=id.clone()
                name=id
                rows=rows
                class="sku-textarea"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(field, hint.is_some(), error.get().is_some())
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// The label, hint and inline error above a single input: one body for every kind of
/// input, so they cannot drift apart.
pub fn field_head(
    field: Field,
    label: &'static str,
    optional: bool,
    is_page_heading: bool,
    hint: Option<Text>,
    dynamic_hint: Option<Signal<String>>,
) -> impl IntoView {
    let t = texts_now();
    let label_view = move || {
        view! {
            <label class="sku-label" for=field.id()>
                {label}
                {optional.then(|| format!(" {}", t.optional))}
            </label>
        }
    };
    view! {
        // Options, not two views: an `AnyView` per widget costs first-load bytes.
        {is_page_heading.then(|| view! { <h1 class="sku-label-wrapper" tabindex="-1">{label_view()}</h1> })}
        {(!is_page_heading).then(label_view)}
        {hint_view(field, hint, dynamic_hint)}
        <ErrorMessage field />
    }
}

pub fn hint_view(
    field: Field,
    hint: Option<Text>,
    dynamic_hint: Option<Signal<String>>,
) -> impl IntoView {
    let t = texts_now();
    (hint.is_some() || dynamic_hint.is_some()).then(|| {
        view! {
            <div id=format!("{}-hint", field.id()) class="sku-hint">
                {hint.map(|h| h(t))}
                {move || dynamic_hint.map(|h| h.get())}
            </div>
        }
    })
}

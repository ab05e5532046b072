//! Choosing one of several: radios in a fieldset (few options), a select (long lists),
//! and the conditionally revealed question under a choice.

use leptos::prelude::*;

use super::described_by;
use super::error_message::ErrorMessage;
use super::text_input::{field_head, hint_view};
use crate::domain::field::Field;
use crate::ui::form::use_form;
use crate::ui::i18n::{texts_now, Text};

/// Radios in a fieldset, by position: the caller maps positions to its options, so the
/// markup is built once for every kind of option.
pub fn radio_group(
    field: Field,
    legend: &'static str,
    is_page_heading: bool,
    hint: Option<Text>,
    items: Vec<(&'static str, Option<&'static str>)>,
    selected: Signal<Option<usize>>,
    on_change: Callback<usize>,
) -> AnyView {
    let form = use_form();
    let error = form.error(field);
    let name = field.id();
    let items = items
        .into_iter()
        .enumerate()
        .map(|(i, (label, item_hint))| {
            let id = if i == 0 { field.id() } else { format!("{}-{i}", field.id()) };
            let hint_id = format!("{id}-item-hint");
            view! {
                <div class="sku-radios__item">
                    <input
                        class="sku-radios__input"
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        aria-describedby=item_hint.map(|_| hint_id.clone())
                        prop:checked=move || selected.get() == Some(i)
                        on:change=move |_| on_change.run(i)
                    />
                    <label class="sku-label sku-radios__label" for=id>{label}</label>
                    {item_hint.map(|h| view! { <div id=hint_id class="sku-hint sku-radios__hint">{h}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="sku-form-group">
            <fieldset
                class="sku-fieldset"
                aria-describedby=move || described_by(field, hint.is_some(), error.get().is_some())
            >
                // Options, not two views: an `AnyView` per widget costs first-load bytes.
                <legend class=if is_page_heading {
                    "sku-fieldset__legend sku-fieldset__legend--l"
                } else {
                    "sku-fieldset__legend"
                }>
                    {is_page_heading.then(|| view! {
                        <h1 class="sku-fieldset__heading" tabindex="-1">{legend}</h1>
                    })}
                    {(!is_page_heading).then_some(legend)}
                </legend>
                {hint_view(field, hint, None)}
                <ErrorMessage field />
                <div class="sku-radios">{items}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

/// A select for long lists; `options` are (value, visible text) pairs.
pub fn select(
    field: Field,
    label: &'static str,
    hint: Option<Text>,
    placeholder: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let form = use_form();
    let error = form.error(field);
    let id = field.id();
    view! {
        <div class="sku-form-group">
            {field_head(field, label, false, false, hint, None)}
            <select
                id=id.clone()
                name=id
                class="sku-select"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(field, hint.is_some(), error.get().is_some())
                // The property, not only `selected` on the options: once the applicant has
                // picked an option the browser ignores the attribute (e.g. after reordering).
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                <option value="" selected=move || value.get().is_empty()>
                    {placeholder}
                </option>
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(code, text)| {
                            let selected = code == current;
                            view! { <option value=code selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Questions revealed by an earlier answer. Screen readers hear that they appeared.
/// `show` is a memo, so the questions are built only when it changes, not per keystroke.
pub fn conditional(
    show: Memo<bool>,
    children: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let t = texts_now();
    view! {
        <p class="sku-visually-hidden" role="status">
            {move || show.get().then_some(t.new_question_shown)}
        </p>
        {move || show.get().then(|| view! { <div class="sku-conditional">{children()}</div> })}
    }
}

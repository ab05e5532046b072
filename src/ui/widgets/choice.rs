//! Choosing one of several: radios in a fieldset (few options), a select (long lists),
//! and the conditionally revealed question under a choice.

use leptos::prelude::*;

use super::described_by;
use super::error_message::ErrorMessage;
use super::text_input::hint_view;
use crate::domain::field::Field;
use crate::ui::form::use_form;
use crate::ui::i18n::{use_texts, Text, Texts};

#[component]
pub fn Radios<T>(
    field: Field,
    legend: Text,
    #[prop(optional)] hint: Option<Text>,
    options: &'static [T],
    option_label: fn(&'static Texts, T) -> &'static str,
    #[prop(optional)] option_hint: Option<fn(&'static Texts, T) -> &'static str>,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let form = use_form();
    let texts = use_texts();
    let error = form.error(field);
    let name = field.id();
    let items = options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let option = *option;
            let id = if i == 0 { field.id() } else { format!("{}-{i}", field.id()) };
            let hint_id = format!("{id}-item-hint");
            view! {
                <div class="sku-radios__item">
                    <input
                        class="sku-radios__input"
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        aria-describedby=option_hint.map(|_| hint_id.clone())
                        prop:checked=move || value.get() == Some(option)
                        on:change=move |_| on_change.run(option)
                    />
                    <label class="sku-label sku-radios__label" for=id>
                        {move || option_label(texts.get(), option)}
                    </label>
                    {option_hint.map(|h| view! {
                        <div id=hint_id class="sku-hint sku-radios__hint">{move || h(texts.get(), option)}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="sku-form-group" class:sku-form-group--error=move || error.get().is_some()>
            <fieldset
                class="sku-fieldset"
                aria-describedby=move || described_by(field, hint.is_some(), error.get().is_some())
            >
                <legend class="sku-fieldset__legend">{move || legend(texts.get())}</legend>
                {hint_view(field, hint, None)}
                <ErrorMessage field />
                <div class="sku-radios">{items}</div>
            </fieldset>
        </div>
    }
}

#[component]
pub fn Select(
    field: Field,
    label: Text,
    #[prop(optional)] hint: Option<Text>,
    placeholder: Text,
    /// (value, visible text) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let form = use_form();
    let texts = use_texts();
    let error = form.error(field);
    let id = field.id();
    view! {
        <div class="sku-form-group" class:sku-form-group--error=move || error.get().is_some()>
            <label class="sku-label" for=id.clone()>{move || label(texts.get())}</label>
            {hint_view(field, hint, None)}
            <ErrorMessage field />
            <select
                id=id.clone()
                name=id
                class="sku-select"
                class:sku-input--error=move || error.get().is_some()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(field, hint.is_some(), error.get().is_some())
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                <option value="" selected=move || value.get().is_empty()>
                    {move || placeholder(texts.get())}
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

/// A question revealed by an earlier answer. Screen readers hear that it appeared.
#[component]
pub fn Conditional(#[prop(into)] show: Signal<bool>, children: ChildrenFn) -> impl IntoView {
    let texts = use_texts();
    view! {
        <p class="sku-visually-hidden" role="status">
            {move || show.get().then(|| texts.get().new_question_shown)}
        </p>
        <Show when=move || show.get()>
            <div class="sku-conditional">{children()}</div>
        </Show>
    }
}

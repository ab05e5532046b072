//! The frame of every question step: back link, progress, error summary, the heading,
//! the questions, and Continue. Enter in any field submits, as in any web form.

use leptos::prelude::*;

use super::error_summary::ErrorSummary;
use crate::domain::step::Step;
use crate::ui::flow::{back_from, continue_from};
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;

#[component]
pub fn StepPage(
    step: Step,
    /// The primary button's text; Continue when not given.
    #[prop(optional)]
    button: Option<crate::ui::i18n::Text>,
    /// What the primary button does; validate this step and continue when not given.
    #[prop(optional, into)]
    on_submit: Option<Callback<()>>,
    /// The step's only question is the page's heading (its legend or label holds the h1),
    /// so the heading is not said twice (GOV.UK "question pages").
    #[prop(optional)]
    question_is_heading: bool,
    children: Children,
) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let progress = move || {
        let kind = form.draft.with(|d| d.kind);
        step.progress(kind)
            .map(|(n, total)| view! { <p class="sku-caption">{(t.step_of)(n, total)}</p> })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match on_submit {
            Some(callback) => callback.run(()),
            None => continue_from(form, step),
        }
    };
    view! {
        <a
            href="#"
            class="sku-back-link"
            on:click=move |ev| {
                ev.prevent_default();
                back_from(form, step);
            }
        >
            {t.back}
        </a>
        <ErrorSummary />
        {progress}
        {(!question_is_heading).then(|| view! {
            <h1 class="sku-heading-l" tabindex="-1">{(t.step_title)(step)}</h1>
        })}
        <form class="sku-form" novalidate on:submit=submit>
            {children()}
            <button type="submit" class="sku-button" data-role="continue">
                {move || button.map_or(t.continue_button, |b| b(t))}
            </button>
        </form>
    }
}

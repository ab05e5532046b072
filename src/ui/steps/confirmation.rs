//! Confirmation: the application is complete, and what happens next.

use leptos::prelude::*;

use crate::domain::step::Step;
use crate::ui::delivery::status::DeliveryStatus;
use crate::ui::delivery::{use_outbox, Outbox};
use crate::ui::flow::go_to;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;

#[component]
pub fn ConfirmationStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let outbox = use_outbox();
    move || {
        let applied = form
            .application
            .with(|a| a.as_ref().map(|a| (t.money)(a.budget.amount_applied)));
        view! {
            <div class="sku-panel">
                <h1 class="sku-panel__title" tabindex="-1">{(t.step_title)(Step::Confirmation)}</h1>
                {applied.map(|amount| view! { <p class="sku-panel__body">{t.amount_applied}": "<strong>{amount}</strong></p> })}
            </div>
            {sent_or_download(t, outbox)}
            <p class="sku-body">
                <a href="#" class="sku-link" data-role="to-check-answers" on:click=move |ev| {
                    ev.prevent_default();
                    go_to(form, Step::CheckAnswers);
                }>{(t.step_title)(Step::CheckAnswers)}</a>
            </p>
            <h2 class="sku-heading-m">{t.confirmation_next_title}</h2>
            <p class="sku-body">{t.confirmation_next_text}</p>
            <p class="sku-body">{t.confirmation_contact}</p>
        }
    }
}

/// The receiver's reference once sent; in download mode, how the application reaches
/// the municipality. The download is offered in both cases.
fn sent_or_download(t: &'static crate::ui::i18n::Texts, outbox: Option<Outbox>) -> impl IntoView {
    let contact = use_context::<crate::domain::config::Settings>().and_then(|s| s.contact_email);
    let outbox = outbox?;
    let reference = outbox.sent.get_untracked();
    Some(view! {
        {match reference {
            Some(reference) => view! {
                <p class="sku-body" data-role="reference">{t.reference_label}": "<strong>{reference}</strong></p>
            }
            .into_any(),
            None => view! { <p class="sku-body" data-role="download-mode">{(t.download_mode_text)(contact.as_deref())}</p> }.into_any(),
        }}
        <DeliveryStatus outbox offer_download=true />
    })
}

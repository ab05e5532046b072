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
    let reference = outbox.and_then(|o| o.sent.get_untracked());
    move || {
        let applied = form
            .application
            .with(|a| a.as_ref().map(|a| (t.money)(a.budget.amount_applied)));
        // GOV.UK confirmation panel: once sent, the reference is the first thing read.
        let title = match reference {
            Some(_) => t.sent_title,
            None => (t.step_title)(Step::Confirmation),
        };
        view! {
            <div class="sku-panel">
                <h1 class="sku-panel__title" tabindex="-1">{title}</h1>
                {reference.clone().map(|reference| view! {
                    <p class="sku-panel__body" data-role="reference">{t.reference_label}<br /><strong>{reference}</strong></p>
                })}
                {applied.map(|amount| view! { <p class="sku-panel__body">{t.amount_applied}": "<strong>{amount}</strong></p> })}
            </div>
            {download_offer(t, outbox)}
            {crate::ui::drafts::forget::after_download(outbox)}
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

/// The download, always offered; in download mode with how the application reaches the
/// municipality.
fn download_offer(t: &'static crate::ui::i18n::Texts, outbox: Option<Outbox>) -> impl IntoView {
    let contact = use_context::<crate::domain::config::Settings>().and_then(|s| s.contact_email);
    let outbox = outbox?;
    let download_mode = (!outbox.sends).then(|| {
        view! { <p class="sku-body" data-role="download-mode">{(t.download_mode_text)(contact.as_deref())}</p> }
    });
    Some(view! {
        {download_mode}
        <DeliveryStatus outbox offer_download=true />
    })
}

//! Confirmation. Sent: the receipt of what the receiver has (its reference, the amount,
//! the answers as sent) and what happens next. Download mode: the application is ready
//! but not sent, and how to hand it in (download it, then e-mail it).
//!
//! One layout for both, with the parts of each as options: every element costs the
//! first page load code.

use leptos::prelude::*;

use crate::domain::config::Settings;
use crate::domain::mailto::hand_in_href;
use crate::domain::step::Step;
use crate::domain::validate::validate;
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
    // The receipt is made from the answers the receiver confirmed, never from those in
    // memory (see `ui::form::SentAnswers`).
    let sent = form.sent.get_untracked();
    let application = match &sent {
        Some(sent) => form
            .rules
            .with_value(|rules| validate(&sent.draft, rules).ok()),
        None => form.application.get_untracked(),
    };
    let is_sent = sent.is_some();
    let changed_meanwhile = sent.as_ref().is_some_and(|s| s.changed_meanwhile);
    let reference = sent.map(|s| {
        view! { <p class="sku-panel__body" data-role="reference">{t.reference_label}<br /><strong>{s.reference}</strong></p> }
    });
    let amount = application
        .as_ref()
        .map(|a| (t.money)(a.budget.amount_applied));
    // Download mode: how the application reaches the municipality.
    let hand_in = (!is_sent).then(|| {
        let settings = use_context::<Settings>().unwrap_or_default();
        let school = application.map(|a| a.school.name).unwrap_or_default();
        let link = settings.contact_email.as_deref().and_then(|address| {
            let href = hand_in_href(address, t.mailto_subject, &school, t.mailto_body)?;
            Some((href, address.trim().to_string()))
        });
        let words = match link {
            Some(_) => t.hand_in_email.to_string(),
            None => (t.hand_in_no_address)(settings.contact_phone()),
        };
        view! {
            <h2 class="sku-heading-m">{t.hand_in_title}</h2>
            <p class="sku-body" data-role="download-mode">
                {words}
                {link.map(|(href, address)| view! { " "<a href=href class="sku-link" data-role="mailto">{address}</a> })}
            </p>
        }
    });
    view! {
        // GOV.UK confirmation panel: once sent, the reference is the first thing read. In
        // download mode it is not green: nothing has arrived anywhere yet.
        <div class=if is_sent { "sku-panel" } else { "sku-panel sku-panel--pending" }>
            <h1 class="sku-panel__title" tabindex="-1">
                {if is_sent { t.sent_title } else { (t.step_title)(Step::Confirmation) }}
            </h1>
            {reference}
            {(!is_sent).then_some(view! { <p class="sku-panel__body"><strong>{t.not_sent_yet}</strong></p> })}
            {amount.map(|amount| view! { <p class="sku-panel__body">{t.amount_applied}": "<strong>{amount}</strong></p> })}
        </div>
        {changed_meanwhile.then_some(view! {
            <div class="sku-inset-text" data-role="changes-not-sent">{t.changes_not_sent}</div>
        })}
        {download_offer(outbox)}
        {hand_in}
        <p class="sku-body">
            <a href="#" class="sku-link" data-role="to-check-answers" on:click=move |ev| {
                ev.prevent_default();
                go_to(form, Step::CheckAnswers);
            }>{if is_sent { t.sent_answers_link } else { (t.step_title)(Step::CheckAnswers) }}</a>
        </p>
        <h2 class="sku-heading-m">{t.confirmation_next_title}</h2>
        <p class="sku-body">{t.confirmation_next_text}</p>
        <p class="sku-body">{t.confirmation_contact}</p>
    }
}

/// The download, always offered.
fn download_offer(outbox: Option<Outbox>) -> impl IntoView {
    let outbox = outbox?;
    Some(view! {
        <DeliveryStatus outbox offer_download=true />
    })
}

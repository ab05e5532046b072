//! Confirmation, after GOV.UK's checklist: a reference where there is one, what happens
//! next, contact details, a record to keep (the download). Sent: the receipt of what the
//! receiver has (its reference, the amount, the answers as sent). Download mode: the
//! application is ready but not sent yet, and in numbered steps how to hand it in
//! (download the PDF, e-mail it) and what happens then.

use leptos::prelude::*;

use crate::domain::config::Settings;
use crate::domain::mailto::hand_in_href;
use crate::domain::money::parse_money;
use crate::domain::step::Step;
use crate::ui::delivery::status::DeliveryStatus;
use crate::ui::delivery::{sent_answers, use_outbox, Outbox};
use crate::ui::flow::go_to;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::steps::start::contact_details;

#[component]
pub fn ConfirmationStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let outbox = use_outbox();
    let reference = outbox.and_then(|o| o.sent.get_untracked());
    // The receipt is made from the answers the receiver confirmed, never from those in
    // memory (see `ui::delivery::SentAnswers`).
    let sent = sent_answers();
    let changed_meanwhile = sent.as_ref().is_some_and(|s| s.changed_meanwhile);
    let files_not_sent = sent
        .as_ref()
        .is_some_and(|s| !s.attachment_names.is_empty())
        && !use_context::<Settings>().is_some_and(|s| s.multipart);
    // Download mode: the application checked on the declaration; the e-mail's subject
    // names its school.
    let (checked_amount, school) = form.application.with_untracked(|a| {
        a.as_ref()
            .map(|a| (Some(a.budget.amount_applied), a.school.name.clone()))
            .unwrap_or_default()
    });
    let amount = match sent {
        // The sent answers passed every rule, so their amount reads as it did then.
        Some(sent) => parse_money(&sent.draft.amount_applied).ok(),
        None => checked_amount,
    };
    let is_sent = reference.is_some();
    let applied = amount.map(t.money);
    view! {
        // GOV.UK confirmation panel: once sent, the reference is the first thing read. In
        // download mode it is not green: nothing has arrived anywhere yet.
        <div class=if is_sent { "sku-panel" } else { "sku-panel sku-panel--pending" }>
            <h1 class="sku-panel__title" tabindex="-1">
                {if is_sent { t.sent_title } else { (t.step_title)(Step::Confirmation) }}
            </h1>
            {reference.map(|reference| view! {
                <p class="sku-panel__body" data-role="reference">{t.reference_label}<br /><strong>{reference}</strong></p>
            })}
            {applied.map(|amount| view! { <p class="sku-panel__body">{t.amount_applied}": "<strong>{amount}</strong></p> })}
        </div>
        {changed_meanwhile.then(|| view! {
            <div class="sku-inset-text" data-role="changes-not-sent">{t.changes_not_sent}</div>
        })}
        {files_not_sent.then(|| view! {
            <div class="sku-inset-text" data-role="attachments-not-sent">{t.attachments_not_sent}</div>
        })}
        {download_offer(t, outbox, &school)}
        {crate::ui::drafts::forget::after_download(outbox)}
        <p class="sku-body">
            <a href="#" class="sku-link" data-role="to-check-answers" on:click=move |ev| {
                ev.prevent_default();
                go_to(form, Step::CheckAnswers);
            }>{if is_sent { t.sent_answers_link } else { (t.step_title)(Step::CheckAnswers) }}</a>
        </p>
        // In download mode what happens next is the last of the numbered steps.
        {outbox.is_some_and(|o| o.sends).then(|| view! {
            <h2 class="sku-heading-m">{t.confirmation_next_title}</h2>
            <p class="sku-body">{t.confirmation_next_text}</p>
        })}
        {contact_details(t)}
    }
}

/// The download, always offered. In download mode it is the first of numbered steps:
/// download the PDF, e-mail it (a `mailto:` link with a subject naming the school and a
/// body reminding to attach the file when the page names an address, else the same in
/// words), and what happens then.
fn download_offer(
    t: &'static crate::ui::i18n::Texts,
    outbox: Option<Outbox>,
    school: &str,
) -> impl IntoView {
    let outbox = outbox?;
    if outbox.sends {
        return Some(view! { <DeliveryStatus outbox offer_download=true /> }.into_any());
    }
    let settings = use_context::<Settings>().unwrap_or_default();
    let link = settings.contact_email.as_deref().and_then(|address| {
        let href = hand_in_href(address, t.mailto_subject, school, t.mailto_body)?;
        Some((href, address.trim().to_string()))
    });
    let email = match link {
        Some(_) => t.hand_in_email.to_string(),
        None => (t.hand_in_no_address)(settings.contact_phone()),
    };
    Some(view! {
        <div data-role="download-mode">
            <p class="sku-body"><strong>{t.hand_in_intro}</strong></p>
            <ol class="sku-list sku-list--number" data-role="hand-in-steps">
                <li>{t.hand_in_download}<DeliveryStatus outbox offer_download=true /></li>
                <li>
                    {email}
                    {link.map(|(href, address)| view! { " "<a href=href class="sku-link" data-role="mailto">{address}</a>"." })}
                </li>
                <li>{t.confirmation_next_text}</li>
            </ol>
        </div>
    }.into_any())
}

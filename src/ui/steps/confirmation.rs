//! Confirmation. Sent: the receipt of what the receiver has (its reference, the amount,
//! the answers as sent), and what happens next. Download mode: the application is ready
//! but not sent, and how to hand it in (download, then e-mail it).

use leptos::prelude::*;

use crate::domain::config::Settings;
use crate::domain::mailto::hand_in_href;
use crate::domain::step::Step;
use crate::domain::validate::validate;
use crate::ui::delivery::status::DeliveryStatus;
use crate::ui::delivery::{use_outbox, Outbox};
use crate::ui::flow::go_to;
use crate::ui::form::{use_form, Form};
use crate::ui::i18n::{texts_now, Texts};

#[component]
pub fn ConfirmationStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let outbox = use_outbox();
    let settings = use_context::<Settings>().unwrap_or_default();
    // The receipt is made from the answers the receiver confirmed, never from those in
    // memory (see `ui::form::SentAnswers`).
    let sent = form.sent.get_untracked();
    let application = match &sent {
        Some(sent) => form
            .rules
            .with_value(|rules| validate(&sent.draft, rules).ok()),
        None => form.application.get_untracked(),
    };
    let applied = application
        .as_ref()
        .map(|a| (t.money)(a.budget.amount_applied));
    let amount = applied.map(|amount| {
        view! { <p class="sku-panel__body" data-role="receipt-amount">{t.amount_applied}": "<strong>{amount}</strong></p> }
    });
    let Some(sent) = sent else {
        let school = application.map(|a| a.school.name).unwrap_or_default();
        return view! {
            <div class="sku-panel sku-panel--pending">
                <h1 class="sku-panel__title" tabindex="-1">{(t.step_title)(Step::Confirmation)}</h1>
                <p class="sku-panel__body"><strong>{t.not_sent_yet}</strong></p>
                {amount}
            </div>
            <h2 class="sku-heading-m">{t.hand_in_title}</h2>
            <ol class="sku-list" data-role="download-mode">
                <li>
                    <p class="sku-body">{t.hand_in_download}</p>
                    {download_offer(outbox)}
                </li>
                <li>{hand_in_by_email(t, &settings, &school)}</li>
                <li>{t.confirmation_next_text}</li>
            </ol>
            {answers_link(form, (t.step_title)(Step::CheckAnswers))}
            <p class="sku-body">{t.confirmation_contact}</p>
        }
        .into_any();
    };
    view! {
        // GOV.UK confirmation panel: once sent, the reference is the first thing read.
        <div class="sku-panel">
            <h1 class="sku-panel__title" tabindex="-1">{t.sent_title}</h1>
            <p class="sku-panel__body" data-role="reference">{t.reference_label}<br /><strong>{sent.reference}</strong></p>
            {amount}
        </div>
        {sent.changed_meanwhile.then(|| view! {
            <div class="sku-inset-text" data-role="changes-not-sent">{t.changes_not_sent}</div>
        })}
        {download_offer(outbox)}
        {answers_link(form, t.sent_answers_link)}
        <h2 class="sku-heading-m">{t.confirmation_next_title}</h2>
        <p class="sku-body">{t.confirmation_next_text}</p>
        <p class="sku-body">{t.confirmation_contact}</p>
    }
    .into_any()
}

/// Back to the answers: to change them before handing in, or once sent to read them.
fn answers_link(form: Form, text: &'static str) -> impl IntoView {
    view! {
        <p class="sku-body">
            <a href="#" class="sku-link" data-role="to-check-answers" on:click=move |ev| {
                ev.prevent_default();
                go_to(form, Step::CheckAnswers);
            }>{text}</a>
        </p>
    }
}

/// Download mode's second step: a `mailto:` link with the subject and a reminder to
/// attach the file when the page names an address; else whom to send it to, in words.
fn hand_in_by_email(t: &'static Texts, settings: &Settings, school: &str) -> impl IntoView {
    let link = settings.contact_email.as_deref().and_then(|address| {
        let href = hand_in_href(address, t.mailto_subject, school, t.mailto_body)?;
        Some(view! {
            {t.hand_in_email}" "
            <a href=href class="sku-link" data-role="mailto">{address.trim().to_string()}</a>
            <p class="sku-hint">{t.hand_in_email_hint}</p>
        })
    });
    match link {
        Some(link) => link.into_any(),
        None => view! { <span data-role="hand-in-no-address">{(t.hand_in_no_address)(settings.contact_phone())}</span> }.into_any(),
    }
}

/// The download, always offered.
fn download_offer(outbox: Option<Outbox>) -> impl IntoView {
    let outbox = outbox?;
    Some(view! {
        <DeliveryStatus outbox offer_download=true />
    })
}

//! The start page: what the fund pays for, who can apply, what you need, and the privacy
//! notice (GDPR art. 13) with the municipality's details from the page's settings.
//! Its first screen is also made at build time, as static HTML (`crate::start_page`).

use leptos::prelude::*;

use crate::domain::config::Settings;
use crate::domain::mailto::mailto_href;
use crate::domain::step::Step;
use crate::start_page::EURODESK_URL;
use crate::ui::flow::go_to;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;

#[component]
pub fn StartPage() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    // The municipality's details from the page's settings (or the defaults it must
    // confirm), around the fixed paragraphs of the notice.
    let settings = use_context::<Settings>().unwrap_or_default();
    let mut privacy = vec![(t.start_privacy_controller)(settings.controller())];
    privacy.extend(t.start_privacy_paragraphs.iter().map(|p| p.to_string()));
    privacy.push((t.start_privacy_contact)(
        settings.dpo_email(),
        settings.contact_phone(),
    ));
    let list = |items: &'static [&'static str]| {
        items
            .iter()
            .map(|item| view! { <li>{*item}</li> })
            .collect_view()
    };
    move || {
        view! {
            <h1 class="sku-heading-xl" tabindex="-1">{(t.step_title)(Step::Start)}</h1>
            <p class="sku-lead">{t.start_lead}</p>
            <h2 class="sku-heading-m">{t.start_what_title}</h2>
            <ul class="sku-list sku-list--bullet">{list(t.start_what_items)}</ul>
            <h2 class="sku-heading-m">{t.start_who_title}</h2>
            <p>{t.start_who_text}</p>
            <h2 class="sku-heading-m">{t.start_need_title}</h2>
            <ul class="sku-list sku-list--bullet">{list(t.start_need_items)}</ul>
            <p>{t.start_time_text}</p>
            <button
                type="button"
                class="sku-button sku-button--start"
                data-role="start"
                on:click=move |_| go_to(form, Step::Applicant)
            >
                {t.start_button}
            </button>
            <h2 class="sku-heading-m">{t.start_privacy_title}</h2>
            {privacy.iter().map(|p| view! { <p data-role="privacy">{p.clone()}</p> }).collect_view()}
            <p data-role="privacy-browser">{t.start_privacy_browser}</p>
            <h2 class="sku-heading-m">{t.start_advice_title}</h2>
            <p>{t.start_advice_text}" "<a href=EURODESK_URL class="sku-link">{t.start_advice_link}</a></p>
            {contact_details(t)}
        }
    }
}

/// Internationella enheten's e-mail (when the page names one) and phone, from the page's
/// settings: on the start page and the confirmation.
pub fn contact_details(t: &'static crate::ui::i18n::Texts) -> impl IntoView {
    let settings = use_context::<Settings>().unwrap_or_default();
    let email = settings.contact_email.as_deref().and_then(|address| {
        let href = mailto_href(address, &[])?;
        let address = address.trim().to_string();
        Some(view! { <li>{t.contact_email_label}": "<a href=href class="sku-link">{address}</a></li> })
    });
    view! {
        <p class="sku-body">{t.confirmation_contact}</p>
        <ul class="sku-list" data-role="contact">
            {email}
            <li>{t.contact_phone_label}": "{settings.contact_phone().to_string()}</li>
        </ul>
    }
}

//! What sending or downloading is doing now, what went wrong, and the download that is
//! always offered after a failed send and on the confirmation page: the PDF (with the
//! JSON and the attachments inside) and, on the confirmation page, the zip as well.
//!
//! The status line is always in the page (an empty live region that then changes is
//! announced; one inserted already filled often is not), and the download button is not
//! re-created while a job runs, so focus stays on it.

use leptos::prelude::*;

use super::{download, Download, Outbox, Progress};
use crate::domain::submission::SWEDISH_QUOTE;
use crate::ui::i18n::texts_now;

/// The failure sentence; the Swedish words the worker marks inside an English one (see
/// `SWEDISH_QUOTE`) are marked `lang="sv"`. One shape whether there are any or not.
fn quoted(words: String) -> impl IntoView {
    let mut parts = words.splitn(3, SWEDISH_QUOTE);
    let before = parts.next().unwrap_or_default().to_string();
    let quote = parts.next().unwrap_or_default().to_string();
    let after = parts.next().unwrap_or_default().replace(SWEDISH_QUOTE, "");
    view! { {before}<span lang="sv">{quote}</span>{after} }
}

/// `offer_download`: show the download buttons even when nothing has failed (the
/// confirmation page, where the PDF is the primary action and the zip is offered too);
/// elsewhere the PDF download appears once sending has failed.
#[component]
pub fn DeliveryStatus(outbox: Outbox, offer_download: bool) -> impl IntoView {
    let t = texts_now();
    let progress = move || match outbox.progress.get() {
        Progress::Idle => String::new(),
        Progress::Sending(attempt) => (t.sending)(attempt),
        Progress::Preparing => t.preparing_download.to_string(),
    };
    let failure = move || {
        let (title, message) = match (outbox.send_failure.get(), outbox.download_failure.get()) {
            (_, Some(message)) => (t.download_failed_title, message),
            (Some(message), None) => (t.send_failed_title, message),
            (None, None) => return None,
        };
        Some(view! {
            <div class="sku-error-summary" role="alert" tabindex="-1" data-role="delivery-failed">
                <h2 class="sku-error-summary__title">{title}</h2>
                <p class="sku-body">{quoted(outbox.words(&message))}</p>
            </div>
        })
    };
    let busy = move || (outbox.progress.get() != Progress::Idle).then_some("true");
    let pdf_class = if offer_download {
        "sku-button"
    } else {
        "sku-button sku-button--secondary"
    };
    let button = move || {
        (offer_download || outbox.send_failure.with(Option::is_some)).then(|| {
            view! {
                <button type="button" class=pdf_class data-role="download-application"
                    aria-disabled=busy
                    on:click=move |_| download(outbox, Download::Pdf)>{t.download_application}</button>
            }
        })
    };
    let zip = offer_download.then(|| {
        view! {
            <button type="button" class="sku-button sku-button--secondary" data-role="download-zip"
                aria-describedby="download-zip-hint" aria-disabled=busy
                on:click=move |_| download(outbox, Download::Zip)>{t.download_zip}</button>
            <p class="sku-hint" id="download-zip-hint">{t.download_zip_hint}</p>
        }
    });
    view! {
        <p class="sku-body" role="status" data-role="delivery-status">{progress}</p>
        {failure}
        {button}
        {zip}
    }
}

//! What sending or downloading is doing now, and the download that is always offered.
//! Shown on the declaration page (while sending, and when it failed) and on the
//! confirmation page.

use leptos::prelude::*;

use super::{download, Delivery, Outbox};
use crate::ui::i18n::texts_now;

/// `offer_download`: show the download button even when nothing has failed (the
/// confirmation page); elsewhere it appears only when sending failed.
#[component]
pub fn DeliveryStatus(outbox: Outbox, offer_download: bool) -> impl IntoView {
    let t = texts_now();
    let state = outbox.state;
    let button = move || {
        let busy = matches!(state.get(), Delivery::Preparing | Delivery::Sending(_));
        view! {
            <button type="button" class="sku-button sku-button--secondary" data-role="download-application"
                disabled=busy on:click=move |_| download(outbox)>{t.download_application}</button>
        }
    };
    move || match state.get() {
        Delivery::Sending(attempt) => view! {
            <p class="sku-body" role="status" data-role="sending">{(t.sending)(attempt)}</p>
        }
        .into_any(),
        Delivery::Failed(message) => view! {
            <div class="sku-error-summary" role="alert" tabindex="-1" data-role="delivery-failed">
                <h2 class="sku-error-summary__title">{t.send_failed_title}</h2>
                <p class="sku-body">{message}</p>
                {button}
            </div>
        }
        .into_any(),
        Delivery::Preparing => view! {
            <p class="sku-body" role="status" data-role="preparing">{t.preparing_download}</p>
            {button}
        }
        .into_any(),
        Delivery::Idle | Delivery::Sent(_) => offer_download.then(button).into_any(),
    }
}

//! The start page: what the fund pays for, who can apply, what you need, privacy.

use leptos::prelude::*;

use crate::ui::i18n::use_texts;

#[component]
pub fn StartPage() -> impl IntoView {
    let texts = use_texts();
    view! {
        <h1 class="sku-heading-xl">{move || texts.get().start_title}</h1>
        <p class="sku-lead">{move || texts.get().start_lead}</p>
        <button type="button" class="sku-button sku-button--start">
            {move || texts.get().start_button}
        </button>
    }
}

//! The App component: language and the current step.

use leptos::prelude::*;

use super::i18n::{provide_locale, use_texts};
use super::steps::start::StartPage;

#[component]
pub fn App() -> impl IntoView {
    provide_locale();
    let texts = use_texts();
    view! {
        <div class="sku-app" lang=move || texts.get().lang>
            <StartPage />
        </div>
    }
}

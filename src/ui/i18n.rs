//! The current language as a Leptos signal. The texts themselves live in `crate::i18n`
//! (plain Rust, shared with the PDF worker).

use leptos::prelude::*;

pub use crate::i18n::*;

/// The current language, shared by every component.
pub fn provide_locale(initial: Locale) -> RwSignal<Locale> {
    let locale = RwSignal::new(initial);
    provide_context(locale);
    locale
}

pub fn use_locale() -> RwSignal<Locale> {
    use_context::<RwSignal<Locale>>().unwrap_or_else(|| RwSignal::new(Locale::Sv))
}

/// The texts of the current language, as a signal.
pub fn use_texts() -> Signal<&'static Texts> {
    let locale = use_locale();
    Signal::derive(move || locale.get().texts())
}

/// The texts of the current language, read once. The app re-renders the whole page when
/// the language changes, so components render their texts as static strings: far less
/// WebAssembly than a reactive closure per string.
pub fn texts_now() -> &'static Texts {
    use_locale().get_untracked().texts()
}

//! The current language as a Leptos signal. The texts themselves live in `crate::i18n`
//! (plain Rust, shared with the PDF worker).
//!
//! Swedish is compiled in; English arrives as a data file when the applicant chooses it
//! (`crate::i18n::load_english`). The loader (embed/loader.js) fetches it: it alone knows
//! the file's hashed name and its folder, and a fetch there needs no async runtime here.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub use crate::i18n::*;

/// Where English stands while the applicant switches to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnglishLoad {
    Idle,
    /// The data file is on its way: the switch shows it is busy.
    Loading,
    /// It did not come: the form stays Swedish and says so in both languages.
    Failed,
}

/// The property of the mount element (or of `<body>` without one) where the loader puts
/// its function that fetches English, and where it puts the text it fetched already
/// because the page starts in English.
const LOAD_ENGLISH: &str = "skuLoadEnglish";
const PREFETCHED_ENGLISH: &str = "skuEnglish";

/// The current language, shared by every component. A page that starts in English starts
/// in it when the loader has fetched it already; otherwise in Swedish until it arrives.
pub fn provide_locale(initial: Locale) -> RwSignal<Locale> {
    if initial == Locale::En && !english_loaded() {
        if let Some(text) = english_holder()
            .and_then(|holder| js_sys::Reflect::get(&holder, &PREFETCHED_ENGLISH.into()).ok())
            .and_then(|text| text.as_string())
        {
            let _ = load_english(text);
        }
    }
    let english = RwSignal::new(EnglishLoad::Idle);
    provide_context(english);
    let locale = RwSignal::new(match english_loaded() {
        true => initial,
        false => Locale::Sv,
    });
    provide_context(locale);
    if initial == Locale::En && locale.get_untracked() != initial {
        switch_language(locale, english, Locale::En);
    }
    locale
}

pub fn use_locale() -> RwSignal<Locale> {
    use_context::<RwSignal<Locale>>().unwrap_or_else(|| RwSignal::new(Locale::Sv))
}

pub fn use_english_load() -> RwSignal<EnglishLoad> {
    use_context::<RwSignal<EnglishLoad>>().unwrap_or_else(|| RwSignal::new(EnglishLoad::Idle))
}

/// Shows the form in `target`: at once for Swedish or English already read; otherwise
/// once English has arrived. A second click while it loads does nothing more.
pub fn switch_language(locale: RwSignal<Locale>, english: RwSignal<EnglishLoad>, target: Locale) {
    if target == Locale::Sv || english_loaded() {
        english.set(EnglishLoad::Idle);
        locale.set(target);
        return;
    }
    if english.get_untracked() == EnglishLoad::Loading {
        return;
    }
    english.set(EnglishLoad::Loading);
    fetch_english(move |text| {
        let loaded = text.is_some_and(|text| load_english(text).is_ok());
        if loaded {
            english.set(EnglishLoad::Idle);
            locale.set(Locale::En);
        } else {
            english.set(EnglishLoad::Failed);
        }
    });
}

fn english_holder() -> Option<JsValue> {
    let document = web_sys::window()?.document()?;
    document
        .get_element_by_id(super::MOUNT_ID)
        .map(JsValue::from)
        .or_else(|| document.body().map(JsValue::from))
}

/// Calls the loader's fetch and `done` with the text, or with None when it did not come.
fn fetch_english(done: impl FnOnce(Option<String>) + 'static) {
    let promise = english_holder().and_then(|holder| {
        let load = js_sys::Reflect::get(&holder, &LOAD_ENGLISH.into()).ok()?;
        let load = load.dyn_into::<js_sys::Function>().ok()?;
        load.call0(&holder).ok()?.dyn_into::<js_sys::Promise>().ok()
    });
    let Some(promise) = promise else {
        done(None);
        return;
    };
    let on_text = Closure::once(move |text: JsValue| done(text.as_string()));
    let _ = promise.then(&on_text);
    // Called once by the promise; the loader's promise never rejects (it gives null).
    on_text.forget();
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

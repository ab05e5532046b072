//! Every user-facing string, per language. Locale files are Rust (`sv.rs`, `en.rs`) so a
//! missing translation is a compile error, not a blank on a teacher's screen.

mod en;
mod sv;

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Sv,
    En,
}

pub struct Texts {
    pub lang: &'static str,
    pub start_title: &'static str,
    pub start_lead: &'static str,
    pub start_button: &'static str,
}

impl Locale {
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Sv => &sv::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }
}

/// The current language, shared by every component.
pub fn provide_locale() {
    provide_context(RwSignal::new(Locale::Sv));
}

pub fn use_locale() -> RwSignal<Locale> {
    use_context::<RwSignal<Locale>>().unwrap_or_else(|| RwSignal::new(Locale::Sv))
}

/// The texts of the current language, as a signal.
pub fn use_texts() -> Signal<&'static Texts> {
    let locale = use_locale();
    Signal::derive(move || locale.get().texts())
}

//! The page of `lib.rs` plus the domain core every first load needs: reading a saved
//! draft, checking the whole application, writing it as JSON and wording its errors in
//! both languages. The rest of the real app's wasm is its own views and browser glue.

use leptos::prelude::*;
use skolutbyte::domain::{application_json, draft_file, rules::Rules, validate};
use skolutbyte::i18n::Locale;

fn check(text: &str, locale: Locale) -> String {
    let Ok(saved) = draft_file::import_draft(text) else {
        return String::new();
    };
    match validate::validate(&saved.draft, &Rules::default()) {
        Ok(application) => application_json::application_json(&application) + &saved.to_json(),
        Err(errors) => {
            let message = locale.texts().message;
            let lines: Vec<String> = errors
                .iter()
                .map(|e| message(e.field, &e.problem, None))
                .collect();
            lines.join("\n") + &saved.to_compact_json()
        }
    }
}

fn main() {
    first_load_floor::mount_page(|text, count| {
        let locale = if count % 2 == 1 {
            Locale::En
        } else {
            Locale::Sv
        };
        view! { <pre>{check(&text, locale)}</pre> }
    });
}

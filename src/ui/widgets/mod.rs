//! Reusable accessible pieces, one per module, following the GOV.UK Design System:
//! every input has a label, hints and errors are tied to it with aria-describedby,
//! groups are fieldsets with legends.

pub mod choice;
pub mod date_input;
pub mod error_message;
pub mod error_summary;
pub mod row_actions;
pub mod step_page;
pub mod text_input;

use crate::domain::field::Field;
use leptos::prelude::Get;

/// `aria-describedby` for an input: its hint and its error, when present.
pub fn described_by(field: Field, has_hint: bool, has_error: bool) -> Option<String> {
    let id = field.id();
    let parts: Vec<String> = [
        has_hint.then(|| format!("{id}-hint")),
        has_error.then(|| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `aria-describedby` for a control whose hint ids are fixed: adds its error when shown.
pub fn described_by_error(hints: &str, field: Field, form: crate::ui::form::Form) -> String {
    match form.error(field).get() {
        Some(_) => format!("{hints} {}-error", field.id()),
        None => hints.to_string(),
    }
}

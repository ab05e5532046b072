//! One module per step of the form, in the order the applicant meets them.

pub mod activities;
pub mod attachments;
pub mod budget;
pub mod check_answers;
pub mod confirmation;
pub mod declaration;
pub mod payment;
pub mod questions;
pub mod start;

use leptos::prelude::*;

/// The application and its files become public documents: the reminder not to name
/// pupils, on every step with free text or files, not only on "Deltagare".
pub fn names_warning(text: &'static str) -> impl IntoView {
    view! { <div class="sku-inset-text" data-role="names-warning">{text}</div> }
}

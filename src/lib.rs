//! Application form for Skellefteå kommun's fund for international school exchange.
//!
//! `domain` is the functional core (no browser APIs); `ui` is the thin Leptos shell
//! that only exists when compiled for the browser.

// Amounts in öre are written kronor_öre (`300_000_00`), so the grouping is deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

pub mod domain;
pub mod i18n;
pub mod questions;
pub mod start_page;

#[cfg(target_arch = "wasm32")]
pub mod ui;

//! Application form for Skellefteå kommun's fund for international school exchange.
//!
//! `domain` is the functional core (no browser APIs); `ui` is the thin Leptos shell
//! that only exists when compiled for the browser.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod ui;

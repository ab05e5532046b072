//! The browser shell: Leptos components that wire signals to the domain core.
//! Nothing here decides a rule; it only shows what `crate::domain` says.

mod app;
mod flow;
mod form;
pub mod i18n;
mod steps;
mod widgets;

use wasm_bindgen::JsCast;

/// Id of the element the app mounts into; the stand-alone page and a host page both
/// provide it. Without it the app mounts into `<body>`.
pub const MOUNT_ID: &str = "skolutbyte";

pub fn mount() {
    console_error_panic_hook::set_once();
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(MOUNT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(host) => {
            // The noscript fallback and any placeholder text go once the app runs.
            host.set_inner_html("");
            leptos::mount::mount_to(host, app::App).forget();
        }
        None => leptos::mount::mount_to_body(app::App),
    }
}

//! The browser shell: Leptos components that wire signals to the domain core.
//! Nothing here decides a rule; it only shows what `crate::domain` says.

mod app;
mod delivery;
mod drafts;
mod flow;
mod form;
pub mod i18n;
mod steps;
mod widgets;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::config::settings_from_attributes;

/// Id of the element the app mounts into; the stand-alone page and a host page both
/// provide it. Without it the app mounts into `<body>`. A page with more than one is
/// refused by the loader (`embed/loader.js`), which alone starts the app: an earlier
/// element in the page's content must not choose the form's settings (its endpoint).
pub const MOUNT_ID: &str = "skolutbyte";
/// The class of the mount element on the form's own page (`index.html`).
const OWN_PAGE_CLASS: &str = "sku-host";

pub fn mount() {
    std::panic::set_hook(Box::new(|_| show_crash_notice()));
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(MOUNT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let attributes: Vec<(String, String)> = host
        .as_ref()
        .map(|host| {
            let names = host.get_attribute_names();
            (0..names.length())
                .filter_map(|i| names.get(i).as_string())
                .filter_map(|name| host.get_attribute(&name).map(|value| (name, value)))
                .collect()
        })
        .unwrap_or_default();
    let (settings, config_errors) =
        settings_from_attributes(attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    delivery::remember_host_attributes(attributes);
    // The form's own page (index.html, also inside iframe mode) marks its mount element
    // `sku-host`; on a host page the document, and its <html lang>, are the site's.
    let owns_page = host
        .as_ref()
        .is_none_or(|host| host.class_list().contains(OWN_PAGE_CLASS));
    let app = move || view! { <app::App settings=settings.clone() config_errors=config_errors.clone() owns_page /> };
    match host {
        Some(host) => {
            // The noscript fallback and any placeholder text go once the app runs.
            host.set_inner_html("");
            leptos::mount::mount_to(host, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// A panic must never happen (see README, "Panics"), but if one does the page would
/// freeze silently. Tell the applicant instead, in both languages, without formatting the
/// panic (that machinery alone would add kilobytes to every first load).
fn show_crash_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(host) = document
        .get_element_by_id(MOUNT_ID)
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_class_name("sku-crash");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(
        "Något gick fel i formuläret. Ladda om sidan för att fortsätta. \
         Something went wrong in the form. Reload the page to continue.",
    ));
    let _ = host.prepend_with_node_1(&notice);
}

//! The start page as static HTML, made at build time (`cargo run --bin start-page`, from
//! `scripts/build-loader.mjs`) into `index.html` and `start-page.html` (for host pages):
//! the markup the app renders first, in Swedish with the default settings, so the page is
//! on screen before the WebAssembly arrives and the app replaces it with the same markup
//! (no layout shift). The app's own view is `ui/steps/start.rs` and the bar in `ui/app.rs`;
//! tests/browser/start-page.test.mjs checks that the two render the same.

use crate::domain::config::Settings;
use crate::domain::mailto::mailto_href;
use crate::domain::step::Step;
use crate::i18n::Texts;

/// Eurodesk's Swedish site; the municipality's own Femtioettan page may replace it.
pub const EURODESK_URL: &str = "https://eurodesk.se/";

/// Marks the markup as not yet the app's (tests and the loader tell the two apart).
pub const STATIC_MARK: &str = "data-sku-static";

fn text(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// `<tag attributes>text</tag>`; `attributes` are written as given (already escaped), in
/// the order Leptos sets them (`class` first), so the DOM is the app's to the attribute.
fn element(out: &mut String, tag: &str, attributes: &str, content: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(attributes);
    out.push('>');
    text(out, content);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn list(out: &mut String, items: &[&str]) {
    out.push_str(r#"<ul class="sku-list sku-list--bullet">"#);
    for item in items {
        element(out, "li", "", item);
    }
    out.push_str("</ul>");
}

/// The app's first screen: its bar and the start page, with `settings`' contact details.
pub fn html(t: &Texts, settings: &Settings) -> String {
    let mut out = String::new();
    let heading = |out: &mut String, title: &str| {
        element(out, "h2", r#" class="sku-heading-m""#, title);
    };
    out.push_str(&format!(
        r#"<div class="sku-app" lang="{}" {STATIC_MARK}=""><div class="sku-app__bar">"#,
        attribute(t.lang)
    ));
    element(
        &mut out,
        "span",
        r#" class="sku-app__service""#,
        t.app_title,
    );
    element(
        &mut out,
        "button",
        &format!(
            r#" class="sku-link-button" type="button" data-role="language" lang="{}""#,
            attribute(t.other_language_code)
        ),
        t.other_language_name,
    );
    // The draft notices' live region, empty: in the page before anything is said in it.
    out.push_str(
        r#"</div><div class="sku-app__main"><div role="status" data-role="draft-status"></div>"#,
    );
    element(
        &mut out,
        "h1",
        r#" class="sku-heading-xl" tabindex="-1""#,
        (t.step_title)(Step::Start),
    );
    element(&mut out, "p", r#" class="sku-lead""#, t.start_lead);
    heading(&mut out, t.start_what_title);
    list(&mut out, t.start_what_items);
    heading(&mut out, t.start_who_title);
    element(&mut out, "p", "", t.start_who_text);
    heading(&mut out, t.start_need_title);
    list(&mut out, t.start_need_items);
    element(&mut out, "p", "", t.start_time_text);
    element(
        &mut out,
        "button",
        r#" class="sku-button sku-button--start" type="button" data-role="start""#,
        t.start_button,
    );
    heading(&mut out, t.start_privacy_title);
    let privacy = std::iter::once((t.start_privacy_controller)(settings.controller()))
        .chain(t.start_privacy_paragraphs.iter().map(|p| p.to_string()))
        .chain(std::iter::once((t.start_privacy_contact)(
            settings.dpo_email(),
            settings.contact_phone(),
        )));
    for paragraph in privacy {
        element(&mut out, "p", r#" data-role="privacy""#, &paragraph);
    }
    element(
        &mut out,
        "p",
        r#" data-role="privacy-browser""#,
        t.start_privacy_browser,
    );
    heading(&mut out, t.start_advice_title);
    out.push_str("<p>");
    text(&mut out, t.start_advice_text);
    out.push(' ');
    element(
        &mut out,
        "a",
        &format!(r#" class="sku-link" href="{}""#, attribute(EURODESK_URL)),
        t.start_advice_link,
    );
    out.push_str("</p>");
    element(
        &mut out,
        "p",
        r#" class="sku-body""#,
        t.confirmation_contact,
    );
    out.push_str(r#"<ul class="sku-list" data-role="contact">"#);
    if let Some(address) = settings.contact_email.as_deref() {
        if let Some(href) = mailto_href(address, &[]) {
            out.push_str("<li>");
            text(&mut out, t.contact_email_label);
            out.push_str(": ");
            element(
                &mut out,
                "a",
                &format!(r#" class="sku-link" href="{}""#, attribute(&href)),
                address.trim(),
            );
            out.push_str("</li>");
        }
    }
    out.push_str("<li>");
    text(&mut out, t.contact_phone_label);
    out.push_str(": ");
    text(&mut out, settings.contact_phone());
    out.push_str("</li></ul></div></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn the_start_page_is_swedish_and_escaped() {
        let html = html(Locale::Sv.texts(), &Settings::default());
        assert!(html.starts_with(r#"<div class="sku-app" lang="sv" data-sku-static="">"#));
        assert!(html.contains(r#"<button class="sku-button sku-button--start" type="button" data-role="start">Starta ansökan</button>"#), "{html}");
        assert!(!html.contains("<script"));
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
        let mut escaped = String::new();
        text(&mut escaped, "a < b & c");
        assert_eq!(escaped, "a &lt; b &amp; c");
    }
}

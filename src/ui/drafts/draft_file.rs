//! "Save draft as file" and "Open saved draft": the same envelope as autosave, as a JSON
//! file the applicant keeps. Opening checks everything first and changes nothing when
//! the file is refused.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::Drafts;
use crate::domain::draft_file::{import_draft, ImportError, SavedDraft};
use crate::ui::drafts::autosave::now_ms;
use crate::ui::form::Form;

/// Downloads the current answers as `ansokan-utkast-ÅÅÅÅ-MM-DD.json`.
pub fn save_file(form: Form) {
    let saved = SavedDraft::new(
        form.draft.get_untracked(),
        form.step.get_untracked(),
        now_ms(),
        None,
    );
    let today = js_sys::Date::new_0();
    let name = format!(
        "ansokan-utkast-{:04}-{:02}-{:02}.json",
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date()
    );
    download(&name, "application/json", &saved.to_json());
}

/// Offers `text` as a file download. Returns false when the browser refused.
pub fn download(name: &str, media_type: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .is_ok_and(|blob| download_blob(name, &blob))
}

/// Offers `blob` as a file called `name`. Returns false when the browser refused.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Some browsers read the blob after click() returns: free it a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    true
}

/// Reads the chosen file and, if it is a valid draft, replaces the answers with it.
/// A FileReader callback rather than an async task: no futures executor in the wasm.
pub fn open_file(form: Form, drafts: Drafts, file: web_sys::File) {
    let Ok(reader) = web_sys::FileReader::new() else {
        drafts
            .file_result
            .set(Some((Err(ImportError::Empty), form.step.get_untracked())));
        return;
    };
    let reader_in_callback = reader.clone();
    let on_load = Closure::once_into_js(move || {
        let text = reader_in_callback
            .result()
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default();
        match import_draft(&text) {
            Ok(saved) => {
                drafts.resume_offer.set(None);
                drafts.other_tab.set(None);
                drafts.autosave_on.set(true);
                form.draft.set(saved.draft);
                crate::ui::flow::go_to(form, saved.step);
                drafts.file_result.set(Some((Ok(()), saved.step)));
            }
            Err(error) => drafts
                .file_result
                .set(Some((Err(error), form.step.get_untracked()))),
        }
    });
    reader.set_onloadend(Some(on_load.unchecked_ref()));
    if reader.read_as_text(&file).is_err() {
        drafts
            .file_result
            .set(Some((Err(ImportError::Empty), form.step.get_untracked())));
    }
}

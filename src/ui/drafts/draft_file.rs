//! "Save draft as file" and "Open saved draft": the same envelope as autosave, as a JSON
//! file the applicant keeps. Opening checks everything first and changes nothing when
//! the file is refused, and asks before it replaces answers (see [`open_file`]).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{Drafts, FileOutcome};
use crate::domain::draft_file::{import_draft, replaces_answers, ImportError, SavedDraft};
use crate::ui::drafts::autosave::{now_ms, resume};
use crate::ui::flow::{after_render, focus_field};
use crate::ui::form::Form;

/// Ids the focus moves to: the question, and the file input after "Behåll mina svar".
pub const FILE_QUESTION_ID: &str = "sku-file-question-title";
pub const OPEN_FILE_ID: &str = "sku-open-draft";

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

/// Reads the chosen file and, if it is a valid draft, opens it. A FileReader callback
/// rather than an async task: no futures executor in the wasm.
///
/// A file never silently replaces answers. The applicant is asked first ("Ersätt mina
/// svar med filens" / "Behåll mina svar") when the file's answers differ from answers
/// they could lose: those in the form, or, while the resume prompt shows, the draft stored
/// in the browser. Until they choose, their answers stay in the form and autosave keeps
/// saving them; the stored draft behind the resume prompt is not touched (autosave waits
/// for that prompt). "Behåll" with the resume prompt showing continues with the stored
/// draft, as "Fortsätt" would. A blank form, or a file with the same answers, opens at once.
pub fn open_file(form: Form, drafts: Drafts, file: web_sys::File) {
    // A newer choice of file replaces a question still waiting about an earlier one.
    let refused = move |error| {
        drafts.file_question.set(None);
        drafts.file_result.set(Some((
            FileOutcome::Refused(error),
            form.step.get_untracked(),
        )))
    };
    let Ok(reader) = web_sys::FileReader::new() else {
        refused(ImportError::Empty);
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
                let at_stake = drafts.resume_offer.with_untracked(|offer| {
                    offer
                        .as_ref()
                        .is_some_and(|stored| replaces_answers(&stored.draft, &saved.draft))
                }) || form
                    .draft
                    .with_untracked(|current| replaces_answers(current, &saved.draft));
                if at_stake {
                    drafts.file_result.set(None);
                    drafts.file_question.set(Some(saved));
                    after_render(|| {
                        focus_field(FILE_QUESTION_ID);
                    });
                } else {
                    take_file(form, drafts, saved);
                }
            }
            Err(error) => refused(error),
        }
    });
    reader.set_onloadend(Some(on_load.unchecked_ref()));
    if reader.read_as_text(&file).is_err() {
        refused(ImportError::Empty);
    }
}

/// The applicant's answer to the question: "Ersätt mina svar med filens" (`replace`) or
/// "Behåll mina svar".
pub fn settle_file_question(form: Form, drafts: Drafts, replace: bool) {
    match drafts.file_question.get_untracked() {
        Some(saved) if replace => take_file(form, drafts, saved),
        _ => keep_answers(form, drafts),
    }
}

/// The file's answers replace the applicant's (a blank form, or "Ersätt mina svar med
/// filens"). Autosave then saves them, also over the draft the resume prompt offered.
fn take_file(form: Form, drafts: Drafts, saved: SavedDraft) {
    // A file still being read when the receiver confirmed must not bring the answers back
    // (autosave would store them again, and sending them again would be a second
    // application).
    if crate::ui::delivery::answers_sent() {
        return;
    }
    drafts.file_question.set(None);
    drafts.resume_offer.set(None);
    drafts.confirming_restart.set(false);
    drafts.other_tab.set(None);
    drafts.autosave_on.set(true);
    form.draft.set(saved.draft);
    crate::ui::flow::go_to(form, saved.step);
    drafts
        .file_result
        .set(Some((FileOutcome::Opened, saved.step)));
}

/// "Behåll mina svar": the file is dropped. With the resume prompt showing, the stored
/// answers are the applicant's: they come back as with "Fortsätt".
fn keep_answers(form: Form, drafts: Drafts) {
    drafts.file_question.set(None);
    if drafts.resume_offer.with_untracked(Option::is_some) {
        drafts.confirming_restart.set(false);
        resume(form, drafts); // moves focus to the step's heading
    } else {
        after_render(|| {
            focus_field(OPEN_FILE_ID);
        });
    }
    drafts
        .file_result
        .set(Some((FileOutcome::Kept, form.step.get_untracked())));
}

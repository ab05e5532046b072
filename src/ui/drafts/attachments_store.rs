//! Attachments that survive a reload. The page lists them with the stored draft
//! (`SavedDraft::files` in localStorage), so after a reload they are listed again without
//! opening IndexedDB; the files themselves are kept by the worker (`worker/src/store.rs`),
//! so no IndexedDB code is in the first load. The worker reads a file back only when a
//! job needs it. The one thing done here is deleting the whole database: a single call
//! that must work even when the worker cannot start.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::storage;
use crate::domain::draft_file::StoredFile;
use crate::ui::delivery::post_to_worker;
use crate::ui::form::{ChosenFile, Form, Kept};

/// The worker's database (`worker/src/store.rs`).
const DATABASE: &str = "skolutbyte";

/// A key for a newly chosen file: unique in this browser, nothing secret.
pub fn new_id() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e12) as u64
    )
}

/// Asks the worker to keep a file just chosen. With storage off (the draft cannot be
/// stored either, so the list could not be: no need to start the worker to find out) or
/// no worker, it stays attached for this visit only.
pub fn keep(form: Form, id: &str, file: &web_sys::File) {
    let message = js_sys::Array::of3(&"store-put".into(), &id.into(), file);
    if storage::read(storage::DRAFT_KEY).is_err() || !post_to_worker(message) {
        mark(form, Some(id), Kept::NotStored);
    }
}

/// Another tab's answers were kept over ours: keep our files again (that tab may have
/// removed them), as the answers are.
pub fn keep_again(form: Form) {
    form.files.with_untracked(|files| {
        for chosen in files.iter().filter(|f| f.kept == Kept::Stored) {
            if let Some(file) = &chosen.file {
                let _ = post_to_worker(js_sys::Array::of3(
                    &"store-put".into(),
                    &chosen.id.as_str().into(),
                    file,
                ));
            }
        }
    });
}

/// The applicant removed a file: it goes from the browser too.
pub fn remove(chosen: &ChosenFile) {
    if chosen.kept != Kept::NotStored {
        let _ = post_to_worker(js_sys::Array::of2(
            &"store-delete".into(),
            &chosen.id.as_str().into(),
        ));
    }
}

/// Removes every kept file of this site (the database is recreated when needed).
pub fn forget_all() {
    if let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) {
        let _ = factory.delete_database(DATABASE);
    }
}

/// The files to list in the stored draft: only those the worker has kept.
pub fn listed(form: Form) -> Vec<StoredFile> {
    form.files.with_untracked(|files| {
        files
            .iter()
            .filter(|f| f.kept == Kept::Stored)
            .map(|f| f.info.clone())
            .collect()
    })
}

/// The files of a stored draft, listed again; the worker reads each back when a job
/// needs it.
pub fn from_list(list: &[StoredFile]) -> Vec<ChosenFile> {
    list.iter()
        .map(|info| ChosenFile {
            info: info.clone(),
            file: None,
            kept: Kept::Stored,
        })
        .collect()
}

/// The files of a job: each `File` the page holds, or `[id, name]` for the worker to
/// read back from IndexedDB.
pub fn job_files(form: Form) -> js_sys::Array {
    form.files.with_untracked(|files| {
        files
            .iter()
            .map(|f| match &f.file {
                Some(file) => JsValue::from(file),
                None => js_sys::Array::of2(&f.id.as_str().into(), &f.name.as_str().into()).into(),
            })
            .collect()
    })
}

/// The worker's answers about kept files (see `worker/src/main.rs`).
pub fn on_reply(form: Form, reply: &js_sys::Array) {
    let id = reply.get(1).as_string().unwrap_or_default();
    match reply.get(0).as_string().as_deref() {
        Some("stored") => mark(form, Some(&id), Kept::Stored),
        Some("store-failed") => mark(form, Some(&id), Kept::NotStored),
        _ => {}
    }
}

/// The worker is gone: files it had not yet kept are attached for this visit only.
pub fn worker_gone(form: Form) {
    mark(form, None, Kept::NotStored);
}

/// Marks the file `id`, or (None) every file still waiting to be kept.
fn mark(form: Form, id: Option<&str>, kept: Kept) {
    form.files.update(|files| {
        for chosen in files.iter_mut() {
            let this = id.map_or(chosen.kept == Kept::Pending, |id| chosen.id == id);
            // Once not stored, a late answer does not change it back: the applicant was told.
            if this && chosen.kept != Kept::NotStored {
                chosen.kept = kept;
            }
        }
    });
}

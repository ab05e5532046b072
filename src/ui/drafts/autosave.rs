//! Autosave: every change is written to the browser's storage within half a second of
//! the last keystroke, and at once when the page is hidden or closed. At start a stored
//! draft is offered for resuming; an unreadable one is kept aside, never overwritten.
//! The attached files go with the answers (`attachments_store`), and everything expires
//! 30 days after the last change (`domain::retention`).

use std::time::Duration;

use leptos::prelude::*;

use super::storage::{self, CORRUPT_KEY_PREFIX, DRAFT_KEY};
use super::{attachments_store, forget, Drafts};
use crate::domain::draft_file::{import_draft, SavedDraft, StoredFile};
use crate::domain::retention::expired;
use crate::domain::step::Step;
use crate::ui::form::Form;

/// The longest a change waits before it is written. Not a debounce that restarts on every
/// key: steady typing is still saved every 300 ms, so even a crash loses at most that.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What another tab's removal of the draft amounts to: blank answers.
const REMOVED: &str = r#"{"format":"skolutbyte-utkast","version":2,"step":"start","draft":{}}"#;

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

pub fn start(form: Form) -> Drafts {
    let drafts = Drafts {
        resume_offer: RwSignal::new(None),
        confirming_restart: RwSignal::new(false),
        storage_problem: RwSignal::new(None),
        corrupt_kept_as: RwSignal::new(None),
        other_tab: RwSignal::new(None),
        file_result: RwSignal::new(None),
        file_question: RwSignal::new(None),
        autosave_on: RwSignal::new(false),
        forget_asked: RwSignal::new(false),
        forgotten: RwSignal::new(false),
        // Integers only: formatting a float would pull ~4 KB of float printing into the wasm.
        tab_id: StoredValue::new(format!(
            "{}-{}",
            now_ms(),
            (js_sys::Math::random() * 1e9) as u64
        )),
    };
    provide_context(drafts);
    look_for_stored_draft(drafts);

    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        form.draft.track();
        form.step.track();
        form.files.track();
        if !drafts.autosave_on.get() || drafts.other_tab.with(Option::is_some) {
            return;
        }
        if pending.with_value(Option::is_some) {
            return; // a save is already due and will write the newest answers
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                save_now(form, drafts);
            },
            SAVE_DELAY,
        )
        .ok();
        pending.set_value(handle);
    });

    for event in ["pagehide", "visibilitychange"] {
        let handle = window_event_listener_untyped(event, move |_| save_now(form, drafts));
        // Listeners live as long as the page: the app is never unmounted.
        std::mem::forget(handle);
    }
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() != Some(DRAFT_KEY) {
            return;
        }
        // Removed in another tab ("Remove my answers", "Börja om", a send): this tab asks
        // too before it saves its answers there again; the other tab's are then blank.
        let text = event.new_value();
        let Ok(saved) = import_draft(text.as_deref().unwrap_or(REMOVED)) else {
            return;
        };
        let ours = drafts
            .tab_id
            .with_value(|id| saved.tab_id.as_deref() == Some(id.as_str()));
        let same_answers = form.draft.with_untracked(|d| d.same_answers(&saved.draft))
            && same_files(&attachments_store::listed(form), &saved.files);
        if !ours && !same_answers {
            drafts.other_tab.set(Some(saved));
        }
    });
    std::mem::forget(handle);
    drafts
}

fn same_files(ours: &[StoredFile], theirs: &[StoredFile]) -> bool {
    ours.iter().map(|f| &f.id).eq(theirs.iter().map(|f| &f.id))
}

fn look_for_stored_draft(drafts: Drafts) {
    let now = now_ms();
    storage::remove_set_aside(Some(now));
    match storage::read(DRAFT_KEY) {
        Err(problem) => drafts.storage_problem.set(Some(problem)),
        Ok(None) => {}
        Ok(Some(text)) => match import_draft(&text) {
            // Untouched for 30 days: removed with its files and copies, never offered.
            Ok(saved) if expired(saved.saved_at_ms, now) => forget::remove_stored(true),
            Ok(saved) if !saved.draft.is_blank() || !saved.files.is_empty() => {
                drafts.resume_offer.set(Some(saved));
                return;
            }
            Ok(_) => {}
            Err(_) => {
                let aside = format!("{CORRUPT_KEY_PREFIX}{}", now_ms());
                if storage::write(&aside, &text).is_ok() {
                    storage::remove(DRAFT_KEY);
                    drafts.corrupt_kept_as.set(Some(aside));
                } else {
                    // Cannot keep a copy: leave it where it is and save nowhere rather
                    // than overwrite it.
                    drafts.corrupt_kept_as.set(Some(DRAFT_KEY.to_string()));
                    drafts
                        .storage_problem
                        .set(Some(storage::StorageProblem::Full));
                    return;
                }
            }
        },
    }
    drafts.autosave_on.set(true);
}

/// Writes the draft now (the page is being hidden, or the debounce ran out).
pub fn save_now(form: Form, drafts: Drafts) {
    if !drafts.autosave_on.get_untracked() || drafts.other_tab.with_untracked(Option::is_some) {
        return;
    }
    // The confirmation view needs the checked application, which is not stored: resume
    // on the check-answers page instead.
    let step = match form.step.get_untracked() {
        Step::Confirmation => Step::CheckAnswers,
        step => step,
    };
    let draft = form.draft.get_untracked();
    let tab_id = drafts.tab_id.get_value();
    let files = attachments_store::listed(form);
    if draft.is_blank() && files.is_empty() {
        // Nothing answered: nothing to keep. Remove only our own earlier save (the
        // applicant emptied every answer); a blank tab must never wipe another tab's draft.
        let ours = storage::read(DRAFT_KEY)
            .ok()
            .flatten()
            .and_then(|text| import_draft(&text).ok())
            .is_some_and(|saved| saved.tab_id.as_deref() == Some(tab_id.as_str()));
        if ours {
            storage::remove(DRAFT_KEY);
        }
        return;
    }
    let mut saved = SavedDraft::new(draft, step, now_ms(), Some(tab_id));
    saved.files = files;
    let result = storage::write(DRAFT_KEY, &saved.to_compact_json());
    let problem = result.err();
    if drafts.storage_problem.get_untracked() != problem {
        drafts.storage_problem.set(problem);
    }
}

/// "Continue": the stored answers come back, on the step the applicant left.
pub fn resume(form: Form, drafts: Drafts) {
    if let Some(saved) = drafts.resume_offer.get_untracked() {
        form.draft.set(saved.draft);
        form.files.set(attachments_store::from_list(&saved.files));
        crate::ui::flow::go_to(form, saved.step);
    }
    drafts.resume_offer.set(None);
    drafts.autosave_on.set(true);
}

/// "Start again", confirmed: the stored answers, files and copies set aside are removed.
pub fn start_again(form: Form, drafts: Drafts) {
    forget::remove_stored(false);
    forget::empty_form(form, drafts);
}

/// Another tab saved different answers: take them, or keep ours and save them.
pub fn settle_other_tab(form: Form, drafts: Drafts, take_theirs: bool) {
    let theirs = drafts.other_tab.get_untracked();
    drafts.other_tab.set(None);
    match theirs {
        Some(saved) if take_theirs => {
            form.draft.set(saved.draft);
            // The files follow the answers. Ours that are not among theirs stay in
            // IndexedDB until it is emptied (a send, "Börja om", "Remove my answers",
            // 30 days): removing them one by one is not worth its first-load code.
            form.files.set(attachments_store::from_list(&saved.files));
            crate::ui::flow::go_to(form, saved.step);
        }
        _ => {
            save_now(form, drafts);
            attachments_store::keep_again(form);
        }
    }
}

//! "Ta bort mina svar från den här datorn": on a shared computer the applicant removes
//! everything the form keeps in this browser (the draft, unreadable drafts set aside,
//! the Idempotency-Key, the attached files) after one confirmation. Another open tab of
//! the form is told as when another tab changes the answers (`autosave`): it saves
//! nothing until its applicant chooses.
//!
//! The button is plain (at the foot of every step, in the resume prompt, after the
//! download); the confirmation at the top of the page is the one "Börja om" uses
//! (`notices::ResumePrompt`): a dialog of its own cost ~1 KB brotli of first load.

use leptos::prelude::*;

use super::storage::{self, DRAFT_KEY};
use super::{attachments_store, Drafts};
use crate::domain::step::Step;
use crate::ui::delivery::Outbox;
use crate::ui::flow::{after_render, focus_field, focus_selector, go_to};
use crate::ui::form::Form;
use crate::ui::i18n::texts_now;

/// Removes the stored answers, the copies set aside and the attached files; with
/// `with_key` the Idempotency-Key too ("Start again" keeps it: new answers get a new
/// key anyway, see `ui::delivery`).
pub fn remove_stored(with_key: bool) {
    storage::remove(DRAFT_KEY);
    storage::remove_set_aside(None);
    attachments_store::forget_all();
    if with_key {
        crate::ui::delivery::forget_idempotency_key();
    }
}

/// Empties this tab's form on the start page, as after "Start again"; storage is not
/// touched.
pub fn empty_form(form: Form, drafts: Drafts) {
    form.draft.set(Default::default());
    form.files.set(Vec::new());
    form.returning_to_check.set(false);
    drafts.resume_offer.set(None);
    drafts.confirming_restart.set(false);
    drafts.autosave_on.set(true);
    go_to(form, Step::Start);
}

/// "Yes, remove my answers": everything goes, and the form is empty and says so.
pub fn forget_everything(form: Form, drafts: Drafts) {
    remove_stored(true);
    drafts.other_tab.set(None);
    drafts.corrupt_kept_as.set(None);
    empty_form(form, drafts);
    drafts.forget_asked.set(false);
    drafts.forgotten.set(true);
    after_render(|| {
        focus_selector("[data-role=forgotten]");
    });
}

/// "Ta bort mina svar från den här datorn".
pub fn forget_button(drafts: Drafts) -> impl IntoView {
    let t = texts_now();
    view! {
        <button type="button" class="sku-button sku-button--secondary" data-role="forget"
            on:click=move |_| {
                drafts.forget_asked.set(true);
                after_render(|| { focus_field("sku-restart-title"); });
            }>{t.forget_button}</button>
    }
}

/// "No": back to the button that asked (there is one on the page, or in the resume
/// prompt, which comes first).
pub fn keep_answers(drafts: Drafts) {
    drafts.forget_asked.set(false);
    after_render(|| {
        focus_selector("[data-role=forget]");
    });
}

/// Download mode, on the confirmation page: the saved answers stay until the applicant
/// chooses; once the file is downloaded, the page offers to remove them.
pub fn after_download(outbox: Option<Outbox>) -> impl IntoView {
    let outbox = outbox.filter(|o| !o.sends)?;
    let t = texts_now();
    let downloaded = outbox.downloaded;
    Some(view! {
        <div class="sku-drafts" data-role="after-download">
            {move || downloaded.get().then(|| view! { <p class="sku-body" data-role="after-download-text">{t.after_download_text}</p> })}
            {forget_button(outbox.drafts)}
        </div>
    })
}

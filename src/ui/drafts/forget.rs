//! "Ta bort mina svar från den här datorn": on a shared computer the applicant removes
//! everything the form keeps in this browser (the draft, unreadable drafts set aside,
//! the Idempotency-Key, the attached files) after one confirmation. Other tabs of the
//! form are told, so they do not save their copy again.

use leptos::prelude::*;

use super::storage::{self, DRAFT_KEY};
use super::{attachments_store, Drafts};
use crate::domain::step::Step;
use crate::ui::delivery::Outbox;
use crate::ui::flow::{after_render, focus_field, focus_selector, go_to};
use crate::ui::form::{use_form, Form};
use crate::ui::i18n::texts_now;

/// Written and removed at once: the storage event tells other tabs to empty their form.
const FORGET_KEY: &str = "skolutbyte:borttaget";

/// Removes the stored answers, the copies set aside and the attached files; with
/// `with_key` the Idempotency-Key too ("Start again" keeps it: new answers get a new
/// key anyway, see `ui::delivery`).
pub fn remove_stored(with_key: bool) {
    storage::remove(DRAFT_KEY);
    storage::remove_set_aside(|_| true);
    attachments_store::forget_all();
    if with_key {
        crate::ui::delivery::forget_idempotency_key();
    }
}

/// "Yes, remove my answers": everything goes, here and in other tabs.
pub fn forget_everything(form: Form, drafts: Drafts) {
    remove_stored(true);
    if storage::write(FORGET_KEY, "1").is_ok() {
        storage::remove(FORGET_KEY);
    }
    clear_here(form, drafts);
}

/// True for the storage event by which another tab removed everything.
pub fn is_forget_event(key: Option<&str>, new_value: Option<&str>) -> bool {
    key == Some(FORGET_KEY) && new_value.is_some()
}

/// Empties this tab's form and says so on the start page. Storage is not touched.
pub fn clear_here(form: Form, drafts: Drafts) {
    drafts.resume_offer.set(None);
    drafts.confirming_restart.set(false);
    drafts.other_tab.set(None);
    drafts.file_result.set(None);
    drafts.corrupt_kept_as.set(None);
    form.draft.set(Default::default());
    form.files.set(Vec::new());
    form.application.set(None);
    form.returning_to_check.set(false);
    drafts.autosave_on.set(true);
    drafts.forgotten.set(true);
    go_to(form, Step::Start);
    after_render(|| {
        focus_selector("[data-role=forgotten]");
    });
}

/// The button, and after it one confirmation. `place` keeps the ids apart: the resume
/// prompt and the foot of the start page show it at once.
#[component]
pub fn ForgetMyAnswers(drafts: Drafts, place: &'static str) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let confirming = RwSignal::new(false);
    let button_id = format!("sku-forget-{place}");
    let title_id = format!("sku-forget-title-{place}");
    move || {
        let (button_id, title_id) = (button_id.clone(), title_id.clone());
        if confirming.get() {
            let (focus_title, labelled_by) = (title_id.clone(), title_id.clone());
            after_render(move || {
                focus_field(&focus_title);
            });
            view! {
                <div class="sku-notice" role="alertdialog" aria-labelledby=labelled_by data-role="forget-dialog">
                    <h2 class="sku-heading-m sku-notice__title" id=title_id tabindex="-1">{t.forget_confirm_title}</h2>
                    <p>{t.forget_confirm_text}</p>
                    <button type="button" class="sku-button sku-button--warning" data-role="forget-confirm"
                        on:click=move |_| forget_everything(form, drafts)>{t.forget_confirm_yes}</button>
                    <button type="button" class="sku-button sku-button--secondary" data-role="forget-cancel"
                        on:click=move |_| {
                            confirming.set(false);
                            let id = button_id.clone();
                            after_render(move || { focus_field(&id); });
                        }>{t.restart_confirm_no}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="sku-button sku-button--secondary" id=button_id data-role="forget"
                    on:click=move |_| confirming.set(true)>{t.forget_button}</button>
            }
            .into_any()
        }
    }
}

/// Download mode, on the confirmation page: the saved answers stay until the applicant
/// chooses; once the file is downloaded, the page offers to remove them.
pub fn after_download(outbox: Option<Outbox>) -> impl IntoView {
    let outbox = outbox.filter(|o| !o.sends)?;
    let drafts = use_context::<Drafts>()?;
    let t = texts_now();
    let downloaded = outbox.downloaded;
    Some(view! {
        <div class="sku-drafts" data-role="after-download">
            {move || downloaded.get().then(|| view! { <p class="sku-body" data-role="after-download-text">{t.after_download_text}</p> })}
            <ForgetMyAnswers drafts place="confirmation" />
        </div>
    })
}

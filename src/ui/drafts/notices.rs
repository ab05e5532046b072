//! What the drafts layer tells the applicant: the resume prompt, storage warnings, the
//! other tab, and the draft-file controls.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::autosave::{resume, settle_other_tab, start_again};
use super::draft_file::{
    open_file, save_file, settle_file_question, FILE_QUESTION_ID, OPEN_FILE_ID,
};
use super::forget::{forget_button, forget_everything, keep_answers};
use super::storage::StorageProblem;
use super::{Drafts, FileOutcome};
use crate::domain::step::Step;
use crate::ui::flow::{after_render, focus_field};
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;

/// The draft file chooser's label (a `<label>`, or on the attachments step the
/// disclosure's summary).
const OPEN_FILE_LABEL: &str = "sku-open-draft-label";

/// "Du har en påbörjad ansökan från 24 nov 14:32 — Fortsätt med ansökan / Börja om", with
/// a confirmation before anything is removed. The same confirmation serves "Ta bort mina
/// svar från den här datorn" from any step (`forget`), and once that is done the start
/// page says so here.
#[component]
pub fn ResumePrompt(drafts: Drafts) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    move || {
        let forgetting = drafts.forget_asked.get();
        let view = if forgetting || drafts.confirming_restart.get() {
            // Static ids and hooks for both (attributes chosen per case cost first-load code).
            let (title, text, yes) = match forgetting {
                true => (
                    t.forget_confirm_title,
                    t.forget_confirm_text,
                    t.forget_confirm_yes,
                ),
                false => (
                    t.restart_confirm_title,
                    t.restart_confirm_text,
                    t.restart_confirm_yes,
                ),
            };
            view! {
                <div class="sku-notice" role="alertdialog" aria-labelledby="sku-restart-title" aria-describedby="sku-restart-text">
                    <h2 class="sku-heading-m sku-notice__title" id="sku-restart-title" tabindex="-1">{title}</h2>
                    <p id="sku-restart-text">{text}</p>
                    <button type="button" class="sku-button sku-button--warning" data-role="restart-confirm"
                        on:click=move |_| match forgetting {
                            true => forget_everything(form, drafts),
                            false => start_again(form, drafts),
                        }>{yes}</button>
                    <button type="button" class="sku-button sku-button--secondary" data-role="restart-cancel"
                        on:click=move |_| match forgetting {
                            true => keep_answers(drafts),
                            false => {
                                drafts.confirming_restart.set(false);
                                after_render(|| { focus_field("sku-resume-title"); });
                            }
                        }>{t.restart_confirm_no}</button>
                </div>
            }
            .into_any()
        } else if let Some(offer) = drafts.resume_offer.get() {
            let date = js_sys::Date::new(&(offer.saved_at_ms as f64).into());
            let when = (t.saved_at)(
                date.get_date(),
                date.get_month(),
                date.get_hours(),
                date.get_minutes(),
            );
            view! {
                <div class="sku-notice" role="region" aria-labelledby="sku-resume-title">
                    <h2 class="sku-heading-m sku-notice__title" id="sku-resume-title" tabindex="-1">{(t.resume_title)(&when)}</h2>
                    <p>{t.resume_text}</p>
                    <button type="button" class="sku-button" data-role="resume" on:click=move |_| resume(form, drafts)>
                        {t.resume_continue}
                    </button>
                    <button type="button" class="sku-button sku-button--secondary" data-role="restart"
                        on:click=move |_| {
                            drafts.confirming_restart.set(true);
                            after_render(|| { focus_field("sku-restart-title"); });
                        }>{t.resume_restart}</button>
                    {forget_button(drafts)}
                </div>
            }
            .into_any()
        } else if drafts.forgotten.get()
            && form.step.get() == Step::Start
            && form.draft.with(|d| d.is_blank())
        {
            // Done, until something new is answered.
            view! { <p class="sku-success" role="status" tabindex="-1" data-role="forgotten">{t.forgotten}</p> }
                .into_any()
        } else {
            return None;
        };
        Some(view)
    }
}

/// Warnings that stay until the situation changes, and what became of an opened draft
/// file. They appear in a live region that is always in the page, above the step (so
/// near the heading that takes focus when a file opens on another step): a region that
/// is inserted already filled is often not announced (WCAG 4.1.3).
#[component]
pub fn DraftWarnings(drafts: Drafts) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let file_news = move || {
        let (result, step) = drafts.file_result.get()?;
        let (role, text) = match result {
            FileOutcome::Opened => ("draft-opened", t.file_loaded),
            FileOutcome::Kept => ("draft-kept", t.file_kept),
            FileOutcome::Refused(_) => return None,
        };
        (step == form.step.get())
            .then(|| view! { <p class="sku-success" data-role=role>{text}</p> })
    };
    view! {
        <div role="status" data-role="draft-status">
            {move || drafts.storage_problem.get().map(|problem| view! {
                <p class="sku-warning" data-role="storage-warning">
                    {match problem {
                        StorageProblem::Unavailable => t.storage_unavailable,
                        StorageProblem::Full => t.storage_full,
                    }}
                </p>
            })}
            {move || drafts.corrupt_kept_as.get().map(|_| view! {
                <p class="sku-warning" data-role="corrupt-warning">{t.corrupt_notice}</p>
            })}
            {file_news}
        </div>
        {move || drafts.other_tab.get().map(|_| view! {
            <div class="sku-notice" role="alert" data-role="other-tab">
                <p>{t.other_tab_text}</p>
                <button type="button" class="sku-button" data-role="other-tab-use"
                    on:click=move |_| settle_other_tab(form, drafts, true)>{t.other_tab_use}</button>
                <button type="button" class="sku-button sku-button--secondary" data-role="other-tab-keep"
                    on:click=move |_| settle_other_tab(form, drafts, false)>{t.other_tab_keep}</button>
            </div>
        })}
    }
}

/// "Spara utkast som fil" and "Öppna sparat utkast", at the foot of every step. On the
/// start page before there is anything to save, only the opening. On the attachments step
/// the draft file's chooser waits behind a disclosure, so the only file chooser in sight
/// is the attachments' own. (The app re-renders this panel on every change of step.)
#[component]
pub fn DraftFileControls(drafts: Drafts) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let step = form.step.get_untracked();
    let can_save = step != Step::Start || !form.draft.with_untracked(|d| d.is_blank());
    let on_open = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|list| list.get(0)) {
            open_file(form, drafts, file);
        }
        input.set_value("");
    };
    // After a confirmed send nothing is kept any more (and the form stays the receipt).
    // Not reactive: these controls are made anew on every step.
    let sent =
        crate::ui::delivery::use_outbox().is_some_and(|o| o.sent.with_untracked(Option::is_some));
    // A refused file; or, before a file replaces answers, the question
    // (focus moves to its heading, and the alertdialog role has it read with its
    // explanation). One closure for both: each reactive closure costs wasm.
    let file_news = move || {
        if drafts.file_question.with(Option::is_some) {
            return Some(view! {
                <div class="sku-notice" role="alertdialog" aria-labelledby=FILE_QUESTION_ID aria-describedby="sku-file-question-text">
                    <h3 class="sku-heading-s sku-notice__title" id=FILE_QUESTION_ID tabindex="-1">{t.file_question_title}</h3>
                    <p id="sku-file-question-text">{t.file_question_text}</p>
                    <button type="button" class="sku-button sku-button--warning" data-role="file-replace"
                        on:click=move |_| settle_file_question(form, drafts, true)>{t.file_replace}</button>
                    <button type="button" class="sku-button sku-button--secondary" data-role="file-keep"
                        on:click=move |_| settle_file_question(form, drafts, false)>{t.file_keep}</button>
                </div>
            }.into_any());
        }
        let (result, step) = drafts.file_result.get()?;
        if step != form.step.get() {
            return None;
        }
        // Opened and kept are told in `DraftWarnings`' live region, above the step.
        let FileOutcome::Refused(error) = result else {
            return None;
        };
        Some(view! {
            <p class="sku-error-message" role="alert" data-role="draft-refused">
                <span class="sku-visually-hidden">{t.error_prefix}" "</span>{(t.import_error)(&error)}
            </p>
        }.into_any())
    };
    let chooser = view! {
        <input type="file" id=OPEN_FILE_ID class="sku-file-upload" accept=".json,application/json"
            aria-labelledby=OPEN_FILE_LABEL on:change=on_open />
    };
    let open = if step == Step::Attachments {
        view! {
            <details class="sku-details">
                <summary class="sku-details__summary" id=OPEN_FILE_LABEL>{t.open_file}</summary>
                {chooser}
            </details>
        }
        .into_any()
    } else {
        view! {
            <div class="sku-form-group">
                <label class="sku-label" for=OPEN_FILE_ID id=OPEN_FILE_LABEL>{t.open_file}</label>
                {chooser}
            </div>
        }
        .into_any()
    };
    let save = can_save.then(|| {
        view! {
            <p class="sku-hint">{t.drafts_text}</p>
            {file_news}
            <button type="button" class="sku-button sku-button--secondary" data-role="save-draft"
                on:click=move |_| save_file(form)>{t.save_file}</button>
        }
    });
    view! {
        <section class="sku-drafts" aria-labelledby="sku-drafts-title">
            <h2 class="sku-heading-s" id="sku-drafts-title">
                {if can_save { t.drafts_title } else { t.open_draft_title }}
            </h2>
            {save}
            {(!can_save).then(|| file_news)}
            {open}
            {(!sent).then(|| forget_button(drafts))}
        </section>
    }
}

//! Step (optional): attach files with an ordinary file input. Each chosen file is checked
//! against the configured type, size, count and total limits with a specific message;
//! a refused file leaves the files already attached as they are. Chosen files are kept
//! in the browser with the answers (`drafts::attachments_store`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::names_warning;
use crate::domain::attachments::{check_file, Attached};
use crate::domain::draft_file::StoredFile;
use crate::domain::field::Field;
use crate::domain::problem::FieldError;
use crate::domain::step::Step;
use crate::ui::drafts::attachments_store;
use crate::ui::flow::{after_render, focus_field, ERROR_SUMMARY_ID};
use crate::ui::form::{use_form, ChosenFile, Kept};
use crate::ui::i18n::texts_now;
use crate::ui::widgets::described_by_error;
use crate::ui::widgets::error_message::ErrorMessage;
use crate::ui::widgets::step_page::StepPage;

#[component]
pub fn AttachmentsStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    // An endpoint that takes JSON only gets the answers (and the files' names), never the
    // files themselves: say so, rather than let the receipt imply they arrived.
    let files_not_sent = use_context::<crate::domain::config::Settings>()
        .is_some_and(|s| s.endpoint.is_some() && !s.multipart);
    let rules = form.rules.with_value(|r| r.attachments.clone());
    let rules_hint = {
        let rules = rules.clone();
        move || {
            (t.attachments_rules)(
                rules.max_bytes / (1024 * 1024),
                rules.max_total_bytes / (1024 * 1024),
                &rules.allowed_list(),
            )
        }
    };
    let accept = rules
        .allowed_extensions
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(",");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else {
            return;
        };
        let mut problems = Vec::new();
        for i in 0..list.length() {
            let Some(file) = list.get(i) else { continue };
            let name = file.name();
            let size = file.size().max(0.0) as u64;
            let attached = form.files.with_untracked(|files| Attached {
                count: files.len(),
                bytes: files.iter().map(|f| f.size).sum(),
            });
            match check_file(&name, size, attached, &rules) {
                Ok(()) => {
                    let id = attachments_store::new_id();
                    form.files.update(|files| {
                        files.push(ChosenFile {
                            info: StoredFile {
                                id: id.clone(),
                                name,
                                size,
                                media_type: file.type_(),
                                added_ms: js_sys::Date::now() as i64,
                            },
                            file: Some(file.clone()),
                            kept: Kept::Pending,
                        })
                    });
                    attachments_store::keep(form, &id, &file);
                }
                Err(problem) => problems.push(FieldError {
                    field: Field::Attachments,
                    problem,
                }),
            }
        }
        // The same file can be chosen again after fixing it.
        input.set_value("");
        let has_problems = !problems.is_empty();
        form.file_errors.set(problems);
        if has_problems {
            after_render(|| {
                focus_field(ERROR_SUMMARY_ID);
            });
        }
    };
    let remove = move |index: usize| {
        let mut removed = None;
        form.files.update(|files| {
            if index < files.len() {
                removed = Some(files.remove(index));
            }
        });
        if let Some(removed) = removed {
            attachments_store::remove(&removed);
        }
        after_render(|| {
            focus_field(&Field::Attachments.id());
        });
    };
    let not_stored = move || {
        let names: Vec<String> = form.files.with(|files| {
            files
                .iter()
                .filter(|f| f.kept == Kept::NotStored)
                .map(|f| f.name.clone())
                .collect()
        });
        (!names.is_empty()).then(|| view! {
            <div class="sku-warning" role="alert" data-role="attachments-not-stored">{(t.attachments_not_stored)(&names.join(", "))}</div>
        })
    };
    let file_list = move || {
        let files: Vec<(String, u64)> = form
            .files
            .with(|f| f.iter().map(|f| (f.name.clone(), f.size)).collect());
        if files.is_empty() {
            return view! { <p class="sku-body" id="attachments-list">{t.attachments_none}</p> }
                .into_any();
        }
        view! {
            <h2 class="sku-heading-s" id="attachments-list">{t.attachments_list_title}</h2>
            <ul class="sku-file-list">
                {files.into_iter().enumerate().map(|(i, (name, size))| {
                    let label = name.clone();
                    view! {
                        <li class="sku-file-list__item">
                            <span class="sku-file-list__name">{name}</span>
                            " "<span class="sku-file-list__size">{(t.file_size)(size)}</span>
                            <button type="button" class="sku-button sku-button--warning sku-button--small"
                                on:click=move |_| remove(i)>
                                {t.remove}<span class="sku-visually-hidden">" "{label}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    view! {
        <StepPage step=Step::Attachments>
            <p class="sku-body">{t.attachments_intro}</p>
            {names_warning(t.names_warning_files)}
            <div class="sku-form-group">
                <label class="sku-label" for=Field::Attachments.id()>
                    {t.attachments_choose}" "{t.optional}
                </label>
                <div class="sku-hint" id="attachments-hint">{rules_hint}</div>
                <ErrorMessage field=Field::Attachments />
                <input type="file" multiple id=Field::Attachments.id() class="sku-file-upload"
                    accept=accept aria-describedby=move || described_by_error("attachments-hint attachments-list", Field::Attachments, form) on:change=on_change />
            </div>
            {not_stored}
            {file_list}
            <div class="sku-inset-text" data-role="attachments-kept">{t.attachments_kept}</div>
            {files_not_sent.then(|| view! {
                <div class="sku-inset-text" data-role="attachments-not-sent">{t.attachments_not_sent}</div>
            })}
        </StepPage>
    }
}

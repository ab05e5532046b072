//! Declaration and send: the applicant confirms, then every answer is checked again.

use leptos::prelude::*;

use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::flow::submit;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::send::{use_sending, SendState};
use crate::ui::widgets::described_by;
use crate::ui::widgets::error_message::ErrorMessage;
use crate::ui::widgets::step_page::StepPage;

#[component]
pub fn DeclarationStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let field = Field::Declaration;
    let error = form.error(field);
    let checked = Signal::derive(move || form.draft.with(|d| d.declaration_confirmed));
    view! {
        <StepPage step=Step::Declaration button=|t| t.send_button on_submit=Callback::new(move |_| submit(form))>
            <p class="sku-body">{t.declaration_text}</p>
            <div class="sku-form-group" class:sku-form-group--error=move || error.get().is_some()>
                <ErrorMessage field />
                <div class="sku-checkboxes__item">
                    <input type="checkbox" id=field.id() name=field.id() class="sku-checkboxes__input"
                        aria-describedby=move || described_by(field, false, error.get().is_some())
                        prop:checked=checked
                        on:change=move |ev| {
                            let value = event_target_checked(&ev);
                            form.draft.update(|d| d.declaration_confirmed = value);
                        } />
                    <label class="sku-label sku-checkboxes__label" for=field.id()>
                        {t.declaration_label}
                    </label>
                </div>
            </div>
            <SendStatus />
        </StepPage>
    }
}

/// While sending, and when sending failed: what happened, and the download instead.
#[component]
fn SendStatus() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let Some(sending) = use_sending() else {
        return ().into_any();
    };
    let state = sending.state;
    view! {
        <div id="sku-send-status" tabindex="-1" data-role="send-status">
            {move || match state.get() {
                SendState::Sending { attempt } => view! { <p class="sku-body" role="status">{(t.sending)(attempt)}</p> }.into_any(),
                SendState::Failed(failure) => view! {
                    <div class="sku-warning" role="alert" data-role="send-failed">
                        <p>{(t.send_failure)(&failure)}</p>
                        <button type="button" class="sku-button sku-button--secondary" data-role="download-application"
                            on:click=move |_| download_application(form)>{t.download_application}</button>
                    </div>
                }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The checked application as `ansokan.json` (the same JSON as the POST).
pub fn download_application(form: crate::ui::form::Form) {
    if let Some(application) = form.application.get_untracked() {
        crate::ui::drafts::draft_file::download(
            "ansokan.json",
            "application/json",
            &crate::domain::application_json::application_json(&application),
        );
    }
}

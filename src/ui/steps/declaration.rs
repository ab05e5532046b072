//! Declaration and send: the applicant confirms that the answers are right and that the
//! named principal has approved the application, then every answer is checked again. In
//! download mode the button says what it does: nothing is sent from here.

use leptos::prelude::*;

use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::delivery::status::DeliveryStatus;
use crate::ui::delivery::use_outbox;
use crate::ui::flow::submit;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::described_by;
use crate::ui::widgets::error_message::ErrorMessage;
use crate::ui::widgets::step_page::StepPage;

#[component]
pub fn DeclarationStep() -> impl IntoView {
    let form = use_form();
    let outbox = use_outbox();
    let t = texts_now();
    let field = Field::Declaration;
    let error = form.error(field);
    let checked = Signal::derive(move || form.draft.with(|d| d.declaration_confirmed));
    // The principal named on the payment step; the answers cannot change on this page.
    let principal = form
        .draft
        .with_untracked(|d| (t.declaration_label)(d.principal_name.trim()));
    let sends = outbox.is_some_and(|o| o.sends);
    let button: crate::ui::i18n::Text = if sends {
        |t| t.send_button
    } else {
        |t| t.ready_button
    };
    view! {
        <StepPage step=Step::Declaration button on_submit=Callback::new(move |_| {
            if let Some(outbox) = outbox {
                submit(form, outbox);
            }
        })>
            <p class="sku-body">{t.declaration_text}</p>
            <div class="sku-form-group">
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
                        {principal}
                    </label>
                </div>
            </div>
            {outbox.map(|outbox| view! { <DeliveryStatus outbox offer_download=false /> })}
        </StepPage>
    }
}

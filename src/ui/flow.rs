//! Which step is shown: Continue (validate, then move on), Back, "Change" links, and the
//! browser's Back/Forward buttons. History entries carry only our own state and never
//! change the URL, so a host page's own routing is untouched when the form is embedded.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::form::Form;
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::domain::validate::{errors_for_step, validate};
use crate::ui::delivery::{send, Outbox};

const HISTORY_PREFIX: &str = "skolutbyte:";
pub const ERROR_SUMMARY_ID: &str = "sku-error-summary";

/// The step to show for `step`: once the application is sent, nothing leads back to a
/// step that changes an answer (see [`Step::once_sent`]).
fn shown(step: Step) -> Step {
    if crate::ui::delivery::answers_sent() {
        step.once_sent()
    } else {
        step
    }
}

/// Shows `step`, records it in the browser history, and moves focus to its heading so a
/// screen reader announces the new page.
pub fn go_to(form: Form, step: Step) {
    let step = shown(step);
    form.errors.set(Vec::new());
    form.unplaced_errors.set(None);
    form.file_errors.set(Vec::new());
    form.step.set(step);
    record_history(step, false);
    after_render(|| {
        focus_selector(".sku-app h1");
    });
}

/// Validates the step; on errors shows the summary and focuses it, else moves on.
pub fn continue_from(form: Form, step: Step) {
    let draft = form.draft.get_untracked();
    let errors = form
        .rules
        .with_value(|rules| errors_for_step(&draft, rules, step));
    if !errors.is_empty() {
        form.errors.set(errors);
        after_render(|| {
            focus_selector(&format!("#{ERROR_SUMMARY_ID}"));
        });
        return;
    }
    let next = if form.returning_to_check.get_untracked() && step.is_question() {
        form.returning_to_check.set(false);
        Some(Step::CheckAnswers)
    } else {
        step.next(draft.kind)
    };
    if let Some(next) = next {
        go_to(form, next);
    }
}

/// The last step: every answer is checked again; errors from any step are listed and
/// their links lead to the step with the field. With an endpoint the application is then
/// sent (the confirmation follows the receiver's answer); in download mode the
/// confirmation offers it as a file. Both run in the worker (see `ui::delivery`).
pub fn submit(form: Form, outbox: Outbox) {
    let draft = form.draft.get_untracked();
    let mut application = match form.rules.with_value(|rules| validate(&draft, rules)) {
        Ok(application) => application,
        Err(errors) => {
            form.errors.set(errors);
            after_render(|| {
                focus_selector(&format!("#{ERROR_SUMMARY_ID}"));
            });
            return;
        }
    };
    application.attachments = form.files.with_untracked(|files| {
        files
            .iter()
            .map(|f| crate::domain::application::AttachmentInfo {
                name: f.name.clone(),
                size_bytes: f.size,
                media_type: f.media_type.clone(),
            })
            .collect()
    });
    form.application.set(Some(application));
    if outbox.sends {
        send(outbox);
    } else {
        go_to(form, Step::Confirmation);
    }
}

pub fn back_from(form: Form, step: Step) {
    let kind = form.draft.with_untracked(|d| d.kind);
    if let Some(previous) = step.previous(kind) {
        go_to(form, previous);
    }
}

/// A "Change" link on the check-answers page.
pub fn change_answer(form: Form, field: Field) {
    form.returning_to_check.set(true);
    go_to(form, field.step());
    let id = field.id();
    after_render(move || {
        focus_field(&id);
    });
}

/// An error summary link: focus the field, first showing its step if it is elsewhere.
pub fn show_field(form: Form, field: Field) {
    let id = field.id();
    if shown(field.step()) != field.step() {
        return go_to(form, field.step());
    }
    if form.step.get_untracked() != field.step() {
        let errors = form.errors.get_untracked();
        form.returning_to_check
            .set(form.step.get_untracked() == Step::Declaration);
        go_to(form, field.step());
        // Keep the messages visible beside the fields on the step we moved to.
        form.errors.set(
            errors
                .into_iter()
                .filter(|e| e.field.step() == field.step())
                .collect(),
        );
    }
    after_render(move || {
        focus_field(&id);
    });
}

/// Listens to the browser's Back and Forward buttons.
pub fn follow_browser_history(form: Form) {
    record_history(form.step.get_untracked(), true);
    let handle = window_event_listener(leptos::ev::popstate, move |event| {
        let Some(state) = event.state().as_string() else {
            return;
        };
        let Some(wanted) = state.strip_prefix(HISTORY_PREFIX).and_then(Step::from_slug) else {
            return;
        };
        let step = shown(wanted);
        if step != wanted {
            // This entry now leads to the confirmation, so Back goes on past it.
            record_history(step, true);
        }
        form.errors.set(Vec::new());
        form.unplaced_errors.set(None);
        form.file_errors.set(Vec::new());
        form.step.set(step);
        after_render(|| {
            focus_selector(".sku-app h1");
        });
    });
    // The listener lives as long as the page: the app is never unmounted.
    std::mem::forget(handle);
}

fn record_history(step: Step, replace: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = JsValue::from_str(&format!("{HISTORY_PREFIX}{}", step.slug()));
    // Failing to record history only costs the Back button; the form still works.
    let _ = if replace {
        history.replace_state(&state, "")
    } else {
        history.push_state(&state, "")
    };
}

/// Runs `f` after Leptos has updated the DOM for the current change.
pub fn after_render(f: impl FnOnce() + 'static) {
    request_animation_frame(f);
}

pub fn focus_selector(selector: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    focus_element(element)
}

pub fn focus_field(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    focus_element(element)
}

fn focus_element(element: Option<web_sys::Element>) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    element.scroll_into_view_with_bool(true);
    element.focus().is_ok()
}

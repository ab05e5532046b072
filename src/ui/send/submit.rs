//! One application, POSTed with the same Idempotency-Key on every attempt, a timeout per
//! attempt, and the retries `domain::submission::decide` asks for.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{SendState, Sending};
use crate::domain::application::Application;
use crate::domain::application_json::application_json;
use crate::domain::submission::{
    decide, parse_problem, parse_reference, parse_retry_after, Failure, Next, Outcome, RetryPolicy,
};
use crate::ui::drafts::storage;

/// Kept until the receiver has confirmed, so a reload and a second press of "Send" reuse
/// it and can never create a second application.
const KEY_STORAGE: &str = "skolutbyte:idempotensnyckel";

fn idempotency_key() -> String {
    if let Ok(Some(key)) = storage::read(KEY_STORAGE) {
        if !key.is_empty() {
            return key;
        }
    }
    let key = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| {
            format!(
                "{}-{}",
                js_sys::Date::now() as i64,
                (js_sys::Math::random() * 1e12) as u64
            )
        });
    // If storage fails the key still lives for this page, which covers the retries.
    let _ = storage::write(KEY_STORAGE, &key);
    key
}

/// After the receiver's confirmation: nothing more to resend, nothing to resume.
pub fn forget_sent_application() {
    storage::remove(KEY_STORAGE);
    storage::remove(storage::DRAFT_KEY);
}

/// Starts sending; `on_end` runs once with the reference or the reason it failed.
pub fn send(
    sending: &Sending,
    application: &Application,
    on_end: impl Fn(Result<String, Failure>) + 'static,
) {
    let Some(endpoint) = sending.endpoint.clone() else {
        return;
    };
    let body = application_json(application);
    let key = idempotency_key();
    let state = sending.state;
    let on_end: Rc<dyn Fn(Result<String, Failure>)> = Rc::new(on_end);
    attempt(
        Rc::new(Request {
            endpoint,
            body,
            key,
        }),
        1,
        state,
        on_end,
    );
}

struct Request {
    endpoint: String,
    body: String,
    key: String,
}

type OnEnd = Rc<dyn Fn(Result<String, Failure>)>;

fn attempt(request: Rc<Request>, number: u32, state: RwSignal<SendState>, on_end: OnEnd) {
    state.set(SendState::Sending { attempt: number });
    let policy = RetryPolicy::default();
    let finish = {
        let request = request.clone();
        move |outcome: Outcome| match decide(&policy, number, outcome) {
            Next::Done { reference } => on_end(Ok(reference)),
            Next::GiveUp(failure) => on_end(Err(failure)),
            Next::RetryAfterMs(delay) => {
                let request = request.clone();
                let on_end = on_end.clone();
                set_timeout(
                    move || attempt(request, number + 1, state, on_end),
                    std::time::Duration::from_millis(u64::from(delay)),
                );
            }
        }
    };
    let Some(window) = web_sys::window() else {
        finish(Outcome::NetworkError);
        return;
    };
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&request.body));
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", "application/json");
        let _ = headers.set("Accept", "application/json, application/problem+json");
        let _ = headers.set("Idempotency-Key", &request.key);
        init.set_headers(&headers);
    }
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
    }
    let timed_out = Rc::new(std::cell::Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            },
            std::time::Duration::from_millis(u64::from(policy.timeout_ms)),
        )
        .ok()
    };
    let finish = Rc::new(finish);
    let on_response = {
        let finish = finish.clone();
        Closure::once(move |response: JsValue| {
            let Ok(response) = response.dyn_into::<web_sys::Response>() else {
                finish(Outcome::NetworkError);
                return;
            };
            let status = response.status();
            let ok = response.ok();
            let retry_after = response.headers().get("Retry-After").ok().flatten();
            let read_body = {
                let finish = finish.clone();
                move |text: String| {
                    if let Some(timer) = timer {
                        timer.clear();
                    }
                    finish(if ok {
                        Outcome::Accepted {
                            reference: parse_reference(&text).unwrap_or_default(),
                        }
                    } else {
                        Outcome::Status {
                            status,
                            retry_after_s: retry_after.as_deref().and_then(parse_retry_after),
                            problem: parse_problem(&text),
                        }
                    })
                }
            };
            let read_body = Rc::new(read_body);
            let on_text = {
                let read_body = read_body.clone();
                Closure::once(move |text: JsValue| read_body(text.as_string().unwrap_or_default()))
            };
            let on_text_error = Closure::once(move |_: JsValue| read_body(String::new()));
            match response.text() {
                Ok(promise) => {
                    let _ = promise.then2(&on_text, &on_text_error);
                    // One of the two never runs; leaking it costs a few bytes per attempt.
                    on_text.forget();
                    on_text_error.forget();
                }
                Err(_) => finish(Outcome::NetworkError),
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::once(move |_: JsValue| {
            finish(if timed_out.get() {
                Outcome::Timeout
            } else {
                Outcome::NetworkError
            });
        })
    };
    let promise = window.fetch_with_str_and_init(&request.endpoint, &init);
    let _ = promise.then2(&on_response, &on_error);
    on_response.forget();
    on_error.forget();
}

//! Sending and downloading, handed to the on-demand worker (`worker/`), which makes the
//! PDF and the zip and performs the POST with its retries. The page only posts the
//! answers and shows what the worker reports, so none of that code is in the first load.
//! The message format is documented in `worker/src/main.rs`.

pub mod status;

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::draft_file::SavedDraft;
use crate::domain::step::Step;
use crate::ui::drafts::storage;
use crate::ui::drafts::Drafts;
use crate::ui::flow::go_to;
use crate::ui::form::Form;
use crate::ui::i18n::Locale;

/// Kept until the receiver has confirmed, so a reload and a second press of "Send" reuse
/// it and can never create a second application.
const KEY_STORAGE: &str = "skolutbyte:idempotensnyckel";
/// Next to the app's own files: the loader (embed/loader.js) writes their folder into
/// this attribute of the mount element, since a host page may keep them anywhere.
const ASSETS_ATTRIBUTE: &str = "data-sku-assets";
const WORKER_FILE: &str = "worker_loader.js";

#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    Idle,
    /// Sending, on this attempt.
    Sending(u32),
    /// The receiver confirmed with this reference.
    Sent(String),
    /// The download bundle is being made.
    Preparing,
    /// What went wrong, worded by the worker in the applicant's language.
    Failed(String),
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The host element's attributes, passed to the worker so it reads the same settings.
    static HOST_ATTRIBUTES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    static KEY: RefCell<Option<String>> = const { RefCell::new(None) };
}

struct Worker {
    handle: web_sys::Worker,
    ready: bool,
    /// A job posted before the worker said "ready" (it would otherwise be lost).
    waiting: Option<js_sys::Array>,
}

pub fn remember_host_attributes(attributes: Vec<(String, String)>) {
    HOST_ATTRIBUTES.with(|a| *a.borrow_mut() = attributes);
}

/// Everything a worker reply may touch, captured when the app starts: replies arrive
/// outside any component, where Leptos contexts cannot be looked up.
#[derive(Clone, Copy)]
pub struct Outbox {
    pub state: RwSignal<Delivery>,
    /// An endpoint is configured: the declaration sends (else download mode).
    pub sends: bool,
    form: Form,
    drafts: Drafts,
    locale: RwSignal<Locale>,
}

impl Outbox {
    fn say_unavailable(self) {
        let text = self.locale.get_untracked().texts().worker_unavailable;
        self.state.set(Delivery::Failed(text.to_string()));
    }
}

pub fn provide_outbox(form: Form, drafts: Drafts, locale: RwSignal<Locale>, sends: bool) -> Outbox {
    let outbox = Outbox {
        state: RwSignal::new(Delivery::Idle),
        sends,
        form,
        drafts,
        locale,
    };
    provide_context(outbox);
    outbox
}

pub fn use_outbox() -> Option<Outbox> {
    use_context::<Outbox>()
}

/// Starts the worker early, once the browser is idle, so sending or downloading does not
/// wait for it. Called when the applicant reaches the check-answers page.
pub fn prefetch(outbox: Outbox) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let start = Closure::once_into_js(move || {
        let _ = with_worker(outbox, |_| ());
    });
    let _ = window.request_idle_callback(start.unchecked_ref());
}

/// POSTs the application (the endpoint is configured).
pub fn send(outbox: Outbox) {
    match outbox.state.get_untracked() {
        // A second press while sending would start a second retry loop.
        Delivery::Sending(_) => return,
        // Already received (the applicant came Back): the key is gone, so sending again
        // would make a second application.
        Delivery::Sent(_) => return go_to(outbox.form, Step::Confirmation),
        _ => {}
    }
    let key = idempotency_key();
    start_job(outbox, "send", &key, Delivery::Sending(1));
}

/// Makes the zip of JSON, PDF and attachments and offers it as a download.
pub fn download(outbox: Outbox) {
    start_job(outbox, "bundle", "", Delivery::Preparing);
}

fn start_job(outbox: Outbox, task: &str, key: &str, state: Delivery) {
    let (form, delivery) = (outbox.form, outbox.state);
    let reference = match delivery.get_untracked() {
        Delivery::Sent(reference) => reference,
        _ => String::new(),
    };
    let saved = SavedDraft::new(form.draft.get_untracked(), Step::Declaration, 0, None);
    let attributes: js_sys::Array = HOST_ATTRIBUTES.with(|a| {
        a.borrow()
            .iter()
            .flat_map(|(n, v)| [JsValue::from_str(n), JsValue::from_str(v)])
            .collect()
    });
    let files: js_sys::Array = form
        .files
        .with_untracked(|files| files.iter().map(|f| JsValue::from(&f.file)).collect());
    let message: js_sys::Array = [
        JsValue::from_str(task),
        JsValue::from_str(&saved.to_compact_json()),
        attributes.into(),
        JsValue::from_str(outbox.locale.get_untracked().texts().lang),
        JsValue::from_str(&reference),
        files.into(),
        JsValue::from_str(key),
    ]
    .iter()
    .collect();
    // After a confirmed send the state stays Sent, so the reference is still shown
    // while the download is made.
    if !matches!(delivery.get_untracked(), Delivery::Sent(_)) {
        delivery.set(state);
    }
    let posted = with_worker(outbox, |worker| {
        if worker.ready {
            worker.handle.post_message(&message).is_ok()
        } else {
            worker.waiting = Some(message);
            true
        }
    });
    if posted != Some(true) {
        outbox.say_unavailable();
    }
}

/// Runs `f` on the worker, starting it first if needed. None when it cannot start.
fn with_worker<R>(outbox: Outbox, f: impl FnOnce(&mut Worker) -> R) -> Option<R> {
    WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            let folder = HOST_ATTRIBUTES.with(|a| {
                a.borrow()
                    .iter()
                    .find(|(n, _)| n == ASSETS_ATTRIBUTE)
                    .map(|(_, v)| v.clone())
            });
            let handle = web_sys::Worker::new(&format!(
                "{}{WORKER_FILE}",
                folder.as_deref().unwrap_or("./")
            ))
            .ok()?;
            let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    on_reply(outbox, event.data());
                },
            );
            handle.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // The worker cannot load (offline, blocked): say so instead of waiting forever.
            let on_error = Closure::<dyn Fn()>::new(move || {
                // A worker that failed (a script error, a panic in the wasm) is not reused.
                if let Some(worker) = WORKER.with(|slot| slot.borrow_mut().take()) {
                    worker.handle.terminate();
                }
                if matches!(
                    outbox.state.get_untracked(),
                    Delivery::Sending(_) | Delivery::Preparing
                ) {
                    outbox.say_unavailable();
                }
            });
            handle.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            // Both live as long as the worker, which lives as long as the page.
            on_message.forget();
            on_error.forget();
            *slot = Some(Worker {
                handle,
                ready: false,
                waiting: None,
            });
        }
        slot.as_mut().map(f)
    })
}

fn on_reply(outbox: Outbox, data: JsValue) {
    let delivery = outbox.state;
    let reply: js_sys::Array = data.dyn_into().unwrap_or_default();
    let text = |i| reply.get(i).as_string().unwrap_or_default();
    match text(0).as_str() {
        "ready" => WORKER.with(|slot| {
            if let Some(worker) = slot.borrow_mut().as_mut() {
                worker.ready = true;
                if let Some(message) = worker.waiting.take() {
                    let _ = worker.handle.post_message(&message);
                }
            }
        }),
        "attempt" => delivery.set(Delivery::Sending(
            reply.get(1).as_f64().unwrap_or(1.0) as u32
        )),
        "sent" => {
            // Only now, with the receiver's confirmation, is the draft no longer needed.
            outbox.drafts.autosave_on.set(false);
            storage::remove(storage::DRAFT_KEY);
            storage::remove(KEY_STORAGE);
            KEY.with(|k| k.borrow_mut().take());
            delivery.set(Delivery::Sent(text(1)));
            go_to(outbox.form, Step::Confirmation);
        }
        "failed" => {
            delivery.set(Delivery::Failed(text(1)));
            // As with the error summary: focus moves to what went wrong.
            crate::ui::flow::after_render(|| {
                crate::ui::flow::focus_selector("[data-role=delivery-failed]");
            });
        }
        "bundle" => {
            let saved = reply
                .get(1)
                .dyn_into::<web_sys::Blob>()
                .ok()
                .is_some_and(|blob| crate::ui::drafts::draft_file::download_blob(&text(2), &blob));
            match (saved, delivery.get_untracked()) {
                (true, Delivery::Preparing) => delivery.set(Delivery::Idle),
                (false, _) => outbox.say_unavailable(),
                _ => {}
            }
        }
        _ => {}
    }
}

/// One key per application: from this page's memory, else from storage (a reload), else
/// new. Kept in memory too, so that without storage a second press of Send still reuses it.
fn idempotency_key() -> String {
    let stored = || {
        storage::read(KEY_STORAGE)
            .ok()
            .flatten()
            .filter(|key| !key.is_empty())
    };
    let key = KEY
        .with(|k| k.borrow().clone())
        .or_else(stored)
        .unwrap_or_else(|| {
            web_sys::window()
                .and_then(|w| w.crypto().ok())
                .map(|c| c.random_uuid())
                .unwrap_or_else(|| {
                    format!(
                        "{}-{}",
                        js_sys::Date::now() as i64,
                        (js_sys::Math::random() * 1e12) as u64
                    )
                })
        });
    // If storage fails the key still lives in memory for this page.
    let _ = storage::write(KEY_STORAGE, &key);
    KEY.with(|k| *k.borrow_mut() = Some(key.clone()));
    key
}

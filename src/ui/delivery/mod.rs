//! Sending and downloading, handed to the on-demand worker (`worker/`), which makes the
//! PDF (with the JSON and the attachments inside) or the zip and performs the POST with
//! its retries. The page only posts the
//! answers and shows what the worker reports, so none of that code is in the first load.
//! The message format is documented in `worker/src/main.rs`. One job runs at a time, so a
//! reply always belongs to the job in progress.

pub mod status;

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::draft::Draft;
use crate::domain::draft_file::{import_draft, SavedDraft};
use crate::domain::step::Step;
use crate::domain::submission::read_reported_errors;
use crate::i18n::Text;
use crate::ui::drafts::storage;
use crate::ui::drafts::Drafts;
use crate::ui::flow::go_to;
use crate::ui::form::Form;
use crate::ui::i18n::Locale;

/// This browser's part of every Idempotency-Key, kept until the receiver has confirmed.
const KEY_STORAGE: &str = "skolutbyte:idempotensnyckel";
/// Next to the app's own files: the loader (embed/loader.js) writes their folder into
/// this attribute of the mount element, since a host page may keep them anywhere.
const ASSETS_ATTRIBUTE: &str = "data-sku-assets";
const WORKER_FILE: &str = "worker_loader.js";
/// A worker that has not said "ready" by then is not coming (its wasm failed to load:
/// the worker script cannot report that to the page).
const WORKER_START_LIMIT: Duration = Duration::from_secs(20);

/// What the worker is doing for the page now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Idle,
    /// Sending, on this attempt.
    Sending(u32),
    /// A download (the PDF or the zip) is being made.
    Preparing,
}

/// Which file a download button asks the worker for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// `ansokan-….pdf`: the PDF/A-3 with `ansokan.json` and the attachments inside.
    Pdf,
    /// `ansokan-….zip`: the JSON, the PDF and the attachments side by side.
    Zip,
}

/// A failure to show: as the worker worded it, in Swedish and English, or one of the
/// app's own texts, looked up when shown (English may not have been fetched yet when the
/// failure happened, and the applicant may switch to it afterwards).
#[derive(Clone)]
pub enum Message {
    Worded(String, String),
    Own(Text),
}

/// Everything a worker reply may touch, captured when the app starts: replies arrive
/// outside any component, where Leptos contexts cannot be looked up.
#[derive(Clone, Copy)]
pub struct Outbox {
    pub progress: RwSignal<Progress>,
    /// The receiver's reference once it confirmed. Never unset: the application is sent.
    pub sent: RwSignal<Option<String>>,
    /// Why the last send failed; cleared when the next one starts.
    pub send_failure: RwSignal<Option<Message>>,
    /// Why the last download failed; cleared when the next one starts.
    pub download_failure: RwSignal<Option<Message>>,
    /// A download was handed to the browser (the confirmation then offers to remove the
    /// saved answers in download mode).
    pub downloaded: RwSignal<bool>,
    /// An endpoint is configured: the declaration sends (else download mode).
    pub sends: bool,
    form: Form,
    pub(crate) drafts: Drafts,
    locale: RwSignal<Locale>,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The host element's attributes, passed to the worker so it reads the same settings.
    static HOST_ATTRIBUTES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    static BROWSER_KEY: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The answers of the send in progress, then of the confirmed one: the download after
    /// sending is the application the receiver has, even if answers changed meanwhile.
    static SENT_DRAFT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// For tasks posted from outside a component (`drafts::attachments_store`).
    static OUTBOX: std::cell::Cell<Option<Outbox>> = const { std::cell::Cell::new(None) };
    /// The same send's answers and file names, as the receipt and "Kontrollera dina
    /// svar" show them once the receiver has confirmed (see [`sent_answers`]).
    static SENT_ANSWERS: RefCell<Option<(Draft, Vec<String>)>> = const { RefCell::new(None) };
    /// The same send's files as posted to the worker: the download after sending embeds
    /// the files the receiver got, even if files were added or removed meanwhile.
    static SENT_FILES: RefCell<Option<js_sys::Array>> = const { RefCell::new(None) };
    /// Set when the receiver confirms; never unset. True when the answers in memory were
    /// changed while the application was on its way (those changes were not sent).
    static CONFIRMED: Cell<Option<bool>> = const { Cell::new(None) };
}

/// The application the receiver confirmed. From then on the answers are read-only, and
/// the receipt and "Kontrollera dina svar" show these, never the answers in memory
/// (which a draft file, another tab or an edit made during the send may have changed).
pub struct SentAnswers {
    pub draft: Draft,
    pub attachment_names: Vec<String>,
    pub changed_meanwhile: bool,
}

/// The receiver has confirmed the application: its answers can no longer change.
pub fn answers_sent() -> bool {
    CONFIRMED.get().is_some()
}

/// The answers the receiver confirmed; None until it has.
pub fn sent_answers() -> Option<SentAnswers> {
    let changed_meanwhile = CONFIRMED.get()?;
    let (draft, attachment_names) = SENT_ANSWERS.with(|a| a.borrow().clone())?;
    Some(SentAnswers {
        draft,
        attachment_names,
        changed_meanwhile,
    })
}

struct Worker {
    handle: web_sys::Worker,
    ready: bool,
    /// Messages posted before the worker said "ready" (they would otherwise be lost).
    waiting: Vec<js_sys::Array>,
}

pub fn remember_host_attributes(attributes: Vec<(String, String)>) {
    HOST_ATTRIBUTES.with(|a| *a.borrow_mut() = attributes);
}

pub fn provide_outbox(form: Form, drafts: Drafts, locale: RwSignal<Locale>, sends: bool) -> Outbox {
    let outbox = Outbox {
        progress: RwSignal::new(Progress::Idle),
        sent: RwSignal::new(None),
        send_failure: RwSignal::new(None),
        download_failure: RwSignal::new(None),
        downloaded: RwSignal::new(false),
        sends,
        form,
        drafts,
        locale,
    };
    provide_context(outbox);
    OUTBOX.with(|o| o.set(Some(outbox)));
    outbox
}

/// Posts a message to the worker, starting it if needed (the attachments' storage
/// tasks). False when the worker cannot start.
pub fn post_to_worker(message: js_sys::Array) -> bool {
    let Some(outbox) = OUTBOX.with(|o| o.get()) else {
        return false;
    };
    with_worker(outbox, |worker| {
        if worker.ready {
            worker.handle.post_message(&message).is_ok()
        } else {
            worker.waiting.push(message);
            true
        }
    }) == Some(true)
}

/// Removes this browser's part of the Idempotency-Key ("Remove my answers").
pub fn forget_idempotency_key() {
    storage::remove(KEY_STORAGE);
    BROWSER_KEY.with(|k| k.borrow_mut().take());
}

pub fn use_outbox() -> Option<Outbox> {
    use_context::<Outbox>()
}

impl Outbox {
    fn busy(self) -> bool {
        self.progress.get_untracked() != Progress::Idle
    }

    /// The job in progress ended with `message`.
    fn fail(self, message: Message) {
        self.fail_with_fields(message, "");
    }

    /// As `fail`, with the receiver's field errors (the worker's JSON, "" when none): they
    /// join the error summary, which then takes focus, as after the app's own checks.
    fn fail_with_fields(self, message: Message, field_errors: &str) {
        let failure = match self.progress.get_untracked() {
            Progress::Sending(_) => self.send_failure,
            _ => self.download_failure,
        };
        self.progress.set(Progress::Idle);
        failure.set(Some(message));
        let reported = read_reported_errors(field_errors);
        let summary = !reported.placed.is_empty() || reported.unplaced.is_some();
        if summary {
            self.form.errors.set(reported.placed);
            self.form.unplaced_errors.set(reported.unplaced);
        }
        // As with the error summary: focus moves to what went wrong.
        crate::ui::flow::after_render(move || {
            let selector = match summary {
                true => "#sku-error-summary",
                false => "[data-role=delivery-failed]",
            };
            crate::ui::flow::focus_selector(selector);
        });
    }

    fn fail_unavailable(self) {
        self.fail(Message::Own(|t| t.worker_unavailable));
    }

    /// The message in the language shown now.
    pub fn words(self, message: &Message) -> String {
        match (message, self.locale.get()) {
            (Message::Worded(swedish, _), Locale::Sv) => swedish.clone(),
            (Message::Worded(_, english), Locale::En) => english.clone(),
            (Message::Own(text), locale) => text(locale.texts()).to_string(),
        }
    }
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
    // Safari has no requestIdleCallback: start after a moment instead.
    if window.request_idle_callback(start.unchecked_ref()).is_err() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 2000);
    }
}

/// POSTs the application (the endpoint is configured).
pub fn send(outbox: Outbox) {
    // Already received (the applicant came Back): sending again would be a second
    // application, so only show the receipt again.
    if outbox.sent.with_untracked(Option::is_some) {
        return go_to(outbox.form, Step::Confirmation);
    }
    if outbox.busy() {
        return;
    }
    outbox.send_failure.set(None);
    // The receiver's field errors of the last attempt: this send answers them anew.
    outbox.form.errors.set(Vec::new());
    outbox.form.unplaced_errors.set(None);
    start_job(outbox, "send", Progress::Sending(1));
}

/// Has the worker make the PDF or the zip and offers it as a download.
pub fn download(outbox: Outbox, kind: Download) {
    if outbox.busy() {
        return;
    }
    outbox.download_failure.set(None);
    let task = match kind {
        Download::Pdf => "pdf",
        Download::Zip => "zip",
    };
    start_job(outbox, task, Progress::Preparing);
}

fn start_job(outbox: Outbox, task: &str, progress: Progress) {
    let form = outbox.form;
    let confirmed = SENT_DRAFT
        .with(|d| d.borrow().clone())
        .filter(|_| outbox.sent.with_untracked(Option::is_some));
    let draft_json = confirmed.unwrap_or_else(|| {
        SavedDraft::new(form.draft.get_untracked(), Step::Declaration, 0, None).to_compact_json()
    });
    if task == "send" {
        SENT_DRAFT.with(|d| *d.borrow_mut() = Some(draft_json.clone()));
        let answers = (form.draft.get_untracked(), file_names(form));
        SENT_ANSWERS.with(|a| *a.borrow_mut() = Some(answers));
    }
    // Only a send needs the key (and a stored browser part): download mode never sends.
    let key = match task {
        "send" => idempotency_key(&draft_json, form),
        _ => String::new(),
    };
    let attributes: js_sys::Array = HOST_ATTRIBUTES.with(|a| {
        a.borrow()
            .iter()
            .flat_map(|(n, v)| [JsValue::from_str(n), JsValue::from_str(v)])
            .collect()
    });
    let sent_files = SENT_FILES
        .with(|f| f.borrow().clone())
        .filter(|_| outbox.sent.with_untracked(Option::is_some));
    let files = sent_files.unwrap_or_else(|| crate::ui::drafts::attachments_store::job_files(form));
    if task == "send" {
        SENT_FILES.with(|f| *f.borrow_mut() = Some(files.clone()));
    }
    let reference = outbox.sent.get_untracked().unwrap_or_default();
    let message: js_sys::Array = [
        JsValue::from_str(task),
        JsValue::from_str(&draft_json),
        attributes.into(),
        JsValue::from_str(outbox.locale.get_untracked().texts().lang),
        JsValue::from_str(&reference),
        files.into(),
        JsValue::from_str(&key),
    ]
    .iter()
    .collect();
    outbox.progress.set(progress);
    if !post_to_worker(message) {
        return outbox.fail_unavailable();
    }
    set_timeout(
        move || {
            let stuck = WORKER.with(|slot| slot.borrow().as_ref().is_some_and(|w| !w.ready));
            if stuck && outbox.busy() {
                stop_worker();
                outbox.fail_unavailable();
            }
        },
        WORKER_START_LIMIT,
    );
}

fn stop_worker() {
    if let Some(worker) = WORKER.with(|slot| slot.borrow_mut().take()) {
        worker.handle.terminate();
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
            // The worker script failed, or the wasm in it panicked: it is not reused.
            let on_error = Closure::<dyn Fn()>::new(move || {
                stop_worker();
                crate::ui::drafts::attachments_store::worker_gone(outbox.form);
                if outbox.busy() {
                    outbox.fail_unavailable();
                }
            });
            handle.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            // Both live as long as the worker, which lives as long as the page.
            on_message.forget();
            on_error.forget();
            *slot = Some(Worker {
                handle,
                ready: false,
                waiting: Vec::new(),
            });
        }
        slot.as_mut().map(f)
    })
}

fn on_reply(outbox: Outbox, data: JsValue) {
    let reply: js_sys::Array = data.dyn_into().unwrap_or_default();
    let text = |i| reply.get(i).as_string().unwrap_or_default();
    match text(0).as_str() {
        "ready" => WORKER.with(|slot| {
            if let Some(worker) = slot.borrow_mut().as_mut() {
                worker.ready = true;
                for message in worker.waiting.drain(..) {
                    let _ = worker.handle.post_message(&message);
                }
            }
        }),
        "attempt" => outbox.progress.set(Progress::Sending(
            reply.get(1).as_f64().unwrap_or(1.0) as u32
        )),
        "sent" => {
            // Only now, with the receiver's confirmation, is the draft no longer needed.
            outbox.drafts.autosave_on.set(false);
            if forget_stored_draft(outbox) {
                crate::ui::drafts::attachments_store::forget_all();
            }
            storage::remove(KEY_STORAGE);
            BROWSER_KEY.with(|k| k.borrow_mut().take());
            outbox.progress.set(Progress::Idle);
            outbox.sent.set(Some(text(1)));
            keep_sent_answers(outbox.form);
            go_to(outbox.form, Step::Confirmation);
        }
        "failed" => outbox.fail_with_fields(Message::Worded(text(1), text(2)), &text(3)),
        "bundle" => {
            let saved = reply
                .get(1)
                .dyn_into::<web_sys::Blob>()
                .ok()
                .is_some_and(|blob| crate::ui::drafts::draft_file::download_blob(&text(2), &blob));
            if saved {
                outbox.progress.set(Progress::Idle);
                outbox.downloaded.set(true);
            } else {
                outbox.fail_unavailable();
            }
        }
        _ => crate::ui::drafts::attachments_store::on_reply(outbox.form, &reply),
    }
}

fn file_names(form: Form) -> Vec<String> {
    form.files
        .with_untracked(|files| files.iter().map(|f| f.name.clone()).collect())
}

/// The receiver confirmed: from now on the form shows the answers of that send and no
/// longer lets them change. Edits made while it was in flight are not in the
/// application, and the receipt says so.
fn keep_sent_answers(form: Form) {
    let changed_meanwhile = SENT_ANSWERS.with(|a| {
        a.borrow().as_ref().is_none_or(|(draft, names)| {
            form.draft.with_untracked(|now| now != draft) || file_names(form) != *names
        })
    });
    CONFIRMED.set(Some(changed_meanwhile));
}

/// Removes the stored draft (and says so) unless another tab has since saved different
/// answers there; their attachments are then kept too.
fn forget_stored_draft(outbox: Outbox) -> bool {
    let theirs = storage::read(storage::DRAFT_KEY)
        .ok()
        .flatten()
        .and_then(|text| import_draft(&text).ok())
        .is_some_and(|saved| {
            let ours = outbox
                .drafts
                .tab_id
                .with_value(|id| saved.tab_id.as_deref() == Some(id.as_str()));
            !ours
                && outbox
                    .form
                    .draft
                    .with_untracked(|d| !d.same_answers(&saved.draft))
        });
    if !theirs {
        storage::remove(storage::DRAFT_KEY);
    }
    !theirs
}

/// The Idempotency-Key: this browser's random part (kept in storage until a send is
/// confirmed, and in memory when storage is off) and a hash of what is sent. The same
/// answers sent again (a retry, a second press, a reload) carry the same key and can
/// never make two applications; changed answers (after a refusal, "Börja om", another
/// draft) carry a new one, so the receiver cannot mistake them for the first.
fn idempotency_key(draft_json: &str, form: Form) -> String {
    let stored = || {
        storage::read(KEY_STORAGE)
            .ok()
            .flatten()
            .filter(|key| !key.is_empty())
    };
    let browser = BROWSER_KEY
        .with(|k| k.borrow().clone())
        .or_else(stored)
        .unwrap_or_else(|| {
            // Not crypto.randomUUID: it throws where it is missing (plain http, older
            // browsers). Uniqueness, not secrecy, is what the key needs.
            format!(
                "{:x}{:x}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        });
    let _ = storage::write(KEY_STORAGE, &browser);
    BROWSER_KEY.with(|k| *k.borrow_mut() = Some(browser.clone()));
    let files = form.files.with_untracked(|files| {
        files
            .iter()
            .map(|f| format!("{}:{};", f.name, f.size))
            .collect::<String>()
    });
    format!(
        "{browser}-{:016x}",
        fnv1a(&[draft_json.as_bytes(), files.as_bytes()])
    )
}

/// FNV-1a, 64 bit: a few lines, and a different answer changes it.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    parts
        .iter()
        .flat_map(|p| p.iter())
        .fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

//! Web Worker entry point: the thin browser shell around the worker's core (`lib.rs`).
//!
//! Protocol (both directions are plain arrays, so the page needs no serialiser):
//! - page → worker: `[task, draftJson, attributes, locale, reference, files, idempotencyKey]`
//!   where `task` is "send", "pdf" (the primary download: the PDF/A-3 with the JSON and
//!   the attachments inside) or "zip" (the secondary download, for systems that read
//!   JSON), `attributes` is a flat `[name, value, …]` list of the host element's
//!   attributes and `files` the chosen `File`s.
//! - worker → page: `["ready"]` once, then per job `["attempt", n]` while sending,
//!   `["sent", reference]`, `["failed", swedish, english, fieldErrors]` (the message in
//!   both languages, so it follows a later language switch; `fieldErrors` is "" or, after
//!   a 422 with `errors`, the JSON `[{"field", "code", "detail", "sv", "en"}]`: the
//!   receiver's field id, code and (cut) detail, and the message worded in both languages,
//!   see `submission::reported_errors_json`), `["bundle", blob, fileName, pdfMs, totalMs]`
//!   for both downloads (`ansokan-….pdf` or `ansokan-….zip`).
//!   The page runs one job at a time, so a reply always belongs to the job it started.
//! - Attachments kept in IndexedDB (`store.rs`): page → worker `["store-put", id, file]`
//!   (→ `["stored", id]` or `["store-failed", id]`) and `["store-delete", id]`. In a
//!   job's `files`, a file the page lists but does not hold is `[id, name]`; the worker
//!   reads it back (and holds it for the page's later jobs).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser worker: Trunk builds it from index.html.");
}

#[cfg(target_arch = "wasm32")]
fn main() {
    shell::start();
}

#[cfg(target_arch = "wasm32")]
mod store;

#[cfg(target_arch = "wasm32")]
mod shell {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

    use skolutbyte::domain::application::AttachmentInfo;
    use skolutbyte::domain::application_json::application_json;
    use skolutbyte::domain::dates::Date;
    use skolutbyte::domain::submission::{
        decide, parse_problem, parse_reference, parse_retry_after, reported_errors_json, Failure,
        Next, Outcome, RetryPolicy,
    };
    use skolutbyte::i18n::Locale;
    use skolutbyte_worker::bundle::{bundle_zip, download_file_name, ZipTime};
    use skolutbyte_worker::job::{prepare, Job, JobInput, Task};
    use skolutbyte_worker::messages;
    use skolutbyte_worker::pdf::{application_pdf, AttachmentFile, Stamp};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(parts: &[JsValue]) {
        let message: Array = parts.iter().collect();
        let _ = scope().post_message(&message);
    }

    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
            spawn_local(run(event.data()));
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages sent before this handler existed would be lost: the page waits for this.
        post(&["ready".into()]);
    }

    /// A failure, worded in both languages.
    fn post_failure(message: impl Fn(Locale) -> String) {
        post_failure_with_fields(message, String::new());
    }

    /// A failure, with the receiver's field errors (JSON, "" when none).
    fn post_failure_with_fields(message: impl Fn(Locale) -> String, field_errors: String) {
        post(&[
            "failed".into(),
            message(Locale::Sv).into(),
            message(Locale::En).into(),
            field_errors.into(),
        ]);
    }

    fn text_at(message: &Array, index: u32) -> String {
        message.get(index).as_string().unwrap_or_default()
    }

    async fn run(data: JsValue) {
        let message: Array = data.dyn_into().unwrap_or_default();
        if crate::store::handle(&message).await {
            return;
        }
        let attributes: Vec<(String, String)> = {
            let flat: Array = message.get(2).dyn_into().unwrap_or_default();
            let texts: Vec<String> = flat
                .iter()
                .map(|v| v.as_string().unwrap_or_default())
                .collect();
            texts
                .chunks(2)
                .filter(|p| p.len() == 2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect()
        };
        let files: Vec<File> = match crate::store::job_files(message.get(5)).await {
            Ok(files) => files,
            Err(missing) => {
                post_failure(|locale| messages::attachments_missing(locale, &missing));
                return;
            }
        };
        let task = text_at(&message, 0);
        let draft_json = text_at(&message, 1);
        let locale_code = text_at(&message, 3);
        let reference = text_at(&message, 4);
        let key = text_at(&message, 6);
        let input = JobInput {
            task: &task,
            draft_json: &draft_json,
            attributes: &attributes,
            locale: &locale_code,
            reference: &reference,
            attachments: files
                .iter()
                .map(|f| AttachmentInfo {
                    name: f.name(),
                    size_bytes: f.size() as u64,
                    media_type: f.type_(),
                })
                .collect(),
        };
        let job = match prepare(input) {
            Ok(job) => job,
            Err(error) => {
                post_failure(|locale| messages::job_error(locale, &error));
                return;
            }
        };
        match job.task {
            Task::Pdf | Task::Zip => download(&job, &files),
            Task::Send => {
                // Multipart carries the PDF (with the files inside): without it there is
                // nothing to send.
                let pdf = match job.settings.multipart {
                    true => match read_files(&files)
                        .and_then(|bytes| make_pdf(&job, local_time(), &bytes))
                    {
                        Some(pdf) => Some(pdf),
                        None => {
                            post_failure(messages::bundle_failed);
                            return;
                        }
                    },
                    false => None,
                };
                match send(&job, pdf.as_deref(), &files, &key).await {
                    Ok(reference) => post(&["sent".into(), reference.into()]),
                    Err(failure) => post_failure_with_fields(
                        |locale| messages::send_failure(locale, &failure),
                        reported_errors_json(&messages::reported_errors(
                            &failure,
                            &job.application,
                        )),
                    ),
                }
            }
        }
    }

    fn now_ms() -> f64 {
        scope()
            .performance()
            .map(|p| p.now())
            .unwrap_or_else(|| js_sys::Date::now())
    }

    /// The applicant's local time, for the PDF stamp and the zip entries.
    fn local_time() -> ZipTime {
        let now = js_sys::Date::new_0();
        ZipTime {
            year: now.get_full_year() as u16,
            month: now.get_month() as u8 + 1,
            day: now.get_date() as u8,
            hour: now.get_hours() as u8,
            minute: now.get_minutes() as u8,
        }
    }

    /// The chosen files, in the application's order, as `job.application.attachments`
    /// names and types them.
    fn attachment_files<'a>(job: &'a Job, bytes: &'a [Vec<u8>]) -> Vec<AttachmentFile<'a>> {
        job.application
            .attachments
            .iter()
            .zip(bytes)
            .map(|(info, bytes)| AttachmentFile {
                name: &info.name,
                media_type: &info.media_type,
                bytes,
            })
            .collect()
    }

    /// The PDF/A-3 with the JSON and the files (`bytes`, in the job's order) inside.
    fn make_pdf(job: &Job, time: ZipTime, bytes: &[Vec<u8>]) -> Option<Vec<u8>> {
        let stamp = Stamp {
            reference: job.reference.clone(),
            created: Date::from_ymd(i32::from(time.year), time.month, time.day)?,
            created_hour: time.hour,
            created_minute: time.minute,
        };
        let attachments = attachment_files(job, bytes);
        application_pdf(&job.application, job.locale, &stamp, &attachments).ok()
    }

    /// Reads a chosen file; workers may read synchronously, which keeps this simple.
    fn file_bytes(file: &File) -> Option<Vec<u8>> {
        let reader = web_sys::FileReaderSync::new().ok()?;
        let buffer = reader.read_as_array_buffer(file).ok()?;
        Some(Uint8Array::new(&buffer).to_vec())
    }

    fn read_files(files: &[File]) -> Option<Vec<Vec<u8>>> {
        files.iter().map(file_bytes).collect()
    }

    /// The PDF (task "pdf") or the zip with the same PDF in it (task "zip"), offered to
    /// the page as a file.
    fn download(job: &Job, files: &[File]) {
        let started = now_ms();
        let time = local_time();
        let Some(bytes) = read_files(files) else {
            post_failure(messages::bundle_failed);
            return;
        };
        let Some(pdf) = make_pdf(job, time, &bytes) else {
            post_failure(messages::bundle_failed);
            return;
        };
        let pdf_ms = now_ms() - started;
        let (blob, extension) = match job.task {
            Task::Zip => {
                let attachments = attachment_files(job, &bytes);
                let json = application_json(&job.application);
                let zip = bundle_zip(&json, &pdf, &attachments, time).ok();
                (
                    zip.and_then(|zip| bytes_blob(&zip, "application/zip")),
                    "zip",
                )
            }
            _ => (bytes_blob(&pdf, "application/pdf"), "pdf"),
        };
        let Some(blob) = blob else {
            post_failure(messages::bundle_failed);
            return;
        };
        post(&[
            "bundle".into(),
            blob.into(),
            download_file_name(job.reference.as_deref(), time, extension).into(),
            pdf_ms.into(),
            (now_ms() - started).into(),
        ]);
    }

    fn bytes_blob(bytes: &[u8], media_type: &str) -> Option<web_sys::Blob> {
        let parts = Array::of1(&Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
    }

    /// POSTs until the receiver confirms or `decide` gives up. Every attempt carries the
    /// same Idempotency-Key, so a retry after a lost answer cannot create a second
    /// application.
    /// `pdf` is given when the endpoint takes multipart.
    async fn send(
        job: &Job,
        pdf: Option<&[u8]>,
        files: &[File],
        key: &str,
    ) -> Result<String, Failure> {
        let endpoint = job.settings.endpoint.clone().unwrap_or_default();
        let json = application_json(&job.application);
        let policy = RetryPolicy::for_upload(upload_bytes(&json, pdf, files));
        let mut attempt = 1;
        loop {
            post(&["attempt".into(), attempt.into()]);
            let body = match pdf {
                Some(pdf) => multipart_body(job, &json, pdf, files),
                None => Some(JsValue::from_str(&json)),
            };
            let outcome = match body {
                Some(body) => {
                    post_once(&endpoint, body, pdf.is_none(), key, policy.timeout_ms).await
                }
                None => Outcome::NetworkError,
            };
            match decide(&policy, attempt, outcome) {
                Next::Done { reference } => return Ok(reference),
                Next::GiveUp(failure) => return Err(failure),
                Next::RetryAfterMs(delay) => {
                    sleep(delay).await;
                    attempt += 1;
                }
            }
        }
    }

    fn upload_bytes(json: &str, pdf: Option<&[u8]>, files: &[File]) -> u64 {
        let attachments: f64 = match pdf {
            Some(_) => files.iter().map(|f| f.size()).sum(),
            None => 0.0,
        };
        json.len() as u64 + pdf.map_or(0, |p| p.len() as u64) + attachments as u64
    }

    fn multipart_body(job: &Job, json: &str, pdf: &[u8], files: &[File]) -> Option<JsValue> {
        let form = web_sys::FormData::new().ok()?;
        let json_blob = bytes_blob(json.as_bytes(), "application/json")?;
        form.append_with_blob_and_filename("application", &json_blob, "ansokan.json")
            .ok()?;
        form.append_with_blob_and_filename(
            "pdf",
            &bytes_blob(pdf, "application/pdf")?,
            "ansokan.pdf",
        )
        .ok()?;
        // The names the JSON and the PDF use (made safe), not the applicant's computer's.
        for (file, info) in files.iter().zip(&job.application.attachments) {
            form.append_with_blob_and_filename("attachments", file, &info.name)
                .ok()?;
        }
        Some(form.into())
    }

    async fn sleep(ms: u32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u32) as i32,
            );
        });
        let _ = JsFuture::from(promise).await;
    }

    /// One attempt, abandoned after `timeout_ms` (reading the answer included).
    async fn post_once(
        endpoint: &str,
        body: JsValue,
        is_json: bool,
        key: &str,
        timeout_ms: u32,
    ) -> Outcome {
        let controller = web_sys::AbortController::new().ok();
        let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
        let abort = {
            let timed_out = timed_out.clone();
            let controller = controller.clone();
            Closure::once(move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            })
        };
        let timer = scope()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                timeout_ms.min(i32::MAX as u32) as i32,
            )
            .ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let outcome = answer(endpoint, body, is_json, key, signal.as_ref()).await;
        if let Some(timer) = timer {
            scope().clear_timeout_with_handle(timer);
        }
        drop(abort);
        match outcome {
            Some(outcome) => outcome,
            None if timed_out.get() => Outcome::Timeout,
            None => Outcome::NetworkError,
        }
    }

    /// None when no complete answer arrived (network error, CORS refusal, abort).
    async fn answer(
        endpoint: &str,
        body: JsValue,
        is_json: bool,
        key: &str,
        signal: Option<&web_sys::AbortSignal>,
    ) -> Option<Outcome> {
        let request = gloo_net::http::Request::post(endpoint)
            .header("Accept", "application/json, application/problem+json")
            .header("Idempotency-Key", key)
            .abort_signal(signal);
        // multipart: the browser writes Content-Type with the boundary itself.
        let request = if is_json {
            request.header("Content-Type", "application/json")
        } else {
            request
        };
        let response = request.body(body).ok()?.send().await.ok()?;
        let status = response.status();
        let retry_after = response.headers().get("Retry-After");
        let content_type = response.headers().get("Content-Type").unwrap_or_default();
        let text = response.text().await.ok()?;
        Some(if response.ok() {
            Outcome::Accepted {
                reference: parse_reference(&text).unwrap_or_default(),
            }
        } else {
            Outcome::Status {
                status,
                retry_after_s: retry_after.as_deref().and_then(parse_retry_after),
                problem: parse_problem(&content_type, &text),
            }
        })
    }
}

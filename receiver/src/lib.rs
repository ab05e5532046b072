//! **A development and test tool, not part of the deployed app.** A reference receiver
//! for the application form's POST: it accepts an application the way a real receiver
//! should (idempotency key, validation with the app's own rules, problem+json answers)
//! and can misbehave on request, so the app's error handling can be tested end to end.
//! See `receiver/README.md` and `docs/openapi.yaml`.
//!
//! Native only: it binds a TCP port on 127.0.0.1 and writes to a folder.

#[cfg(target_arch = "wasm32")]
compile_error!("skolutbyte-receiver is a native development tool; build the app (the root package) for wasm32 instead");

pub mod faults;
pub mod http;
pub mod multipart;
pub mod problems;
pub mod store;
pub mod tools;

use std::collections::{HashSet, VecDeque};
use std::io::{self, Read};
use std::net::{Ipv4Addr, Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::json;

use skolutbyte::domain::application::Application;
use skolutbyte::domain::rules::Rules;
use skolutbyte::domain::validate::check_application;
use skolutbyte::domain::SCHEMA_VERSION;

use faults::{Fault, FaultSpec};
use http::{ReadError, Request, Response, TimeBudget};
use store::{Record, Store, Upload};

pub const DEFAULT_PORT: u16 = 8787;

/// Largest request body accepted: room for the most the form allows (5 attachments of
/// 10 MB each, see `AttachmentRules`) plus the PDF and the JSON.
pub const DEFAULT_MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;

/// Connections served at once; more get 503 at once (see README, "Limits").
pub const DEFAULT_MAX_CONNECTIONS: usize = 64;

/// A whole request must arrive within this, plus the time its bytes earn at 64 KB/s
/// (see `http::TimeBudget`).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The one path a browser may call cross-origin: the contract's POST. The listing,
/// reading and deleting routes are for tests and tools, which do not run in a browser.
pub const CORS_PATH: &str = "/applications";
/// Headers a browser may send cross-origin.
pub const ALLOW_HEADERS: &str = "content-type, idempotency-key, x-fault";
pub const ALLOW_METHODS: &str = "POST, OPTIONS";
pub const EXPOSE_HEADERS: &str = "Location, Retry-After";

#[derive(Debug, Clone)]
pub struct Config {
    /// 0 picks any free port.
    pub port: u16,
    pub data_dir: PathBuf,
    pub max_body_bytes: u64,
    /// One line per request on stderr.
    pub log: bool,
    /// The origin allowed to POST from a browser (`http://127.0.0.1:8080`); None: any.
    pub allow_origin: Option<String>,
    pub max_connections: usize,
    pub request_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            port: DEFAULT_PORT,
            data_dir: default_data_dir(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            log: true,
            allow_origin: None,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
        }
    }
}

/// A new folder under the system's temp directory, for this run only.
pub fn default_data_dir() -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!(
        "skolutbyte-receiver-{}-{nanos:09}",
        std::process::id()
    ))
}

pub struct Receiver {
    listener: TcpListener,
    state: Arc<State>,
}

struct State {
    store: Mutex<Store>,
    faults: Mutex<Faults>,
    rules: Rules,
    max_body: u64,
    log: bool,
    /// `Access-Control-Allow-Origin` of the POST route: `*` or the configured origin.
    allow_origin: String,
    max_connections: usize,
    budget: TimeBudget,
    /// Connections being served now.
    open: AtomicUsize,
}

#[derive(Default)]
struct Faults {
    queue: VecDeque<Fault>,
    /// (idempotency key, fault) pairs whose `-once` fault has been served.
    spent: HashSet<(String, String)>,
}

impl Receiver {
    /// Binds 127.0.0.1 only, and opens (or creates) the data folder.
    pub fn bind(config: Config) -> io::Result<Receiver> {
        let store = Store::open(&config.data_dir)?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port))?;
        Ok(Receiver {
            listener,
            state: Arc::new(State {
                store: Mutex::new(store),
                faults: Mutex::new(Faults::default()),
                rules: Rules::default(),
                max_body: config.max_body_bytes,
                log: config.log,
                allow_origin: config.allow_origin.unwrap_or_else(|| "*".into()),
                max_connections: config.max_connections.max(1),
                budget: TimeBudget {
                    base: config.request_timeout,
                },
                open: AtomicUsize::new(0),
            }),
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map_or(0, |a| a.port())
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port())
    }

    pub fn data_dir(&self) -> PathBuf {
        lock(&self.state.store).dir().to_path_buf()
    }

    /// Serves until the process ends, one thread per connection, at most
    /// `max_connections` at once. Any more are handed to one refusing thread, which
    /// answers 503; when even that falls behind, they are closed unanswered.
    pub fn run(self) -> io::Result<()> {
        let (refuse, refused) = mpsc::sync_channel::<TcpStream>(REFUSAL_QUEUE);
        let state = Arc::clone(&self.state);
        thread::spawn(move || {
            for stream in refused {
                refuse_busy(stream, &state);
            }
        });
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else { continue };
            match Slot::take(&self.state) {
                Some(slot) => {
                    thread::spawn(move || handle(stream, &slot.0));
                }
                None => {
                    let _ = refuse.try_send(stream);
                }
            }
        }
        Ok(())
    }
}

/// Connections over the bound waiting for their 503.
const REFUSAL_QUEUE: usize = 64;

/// One of the `max_connections` places; given back when dropped (also on a panic).
struct Slot(Arc<State>);

impl Slot {
    fn take(state: &Arc<State>) -> Option<Slot> {
        state
            .open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |open| {
                (open < state.max_connections).then_some(open + 1)
            })
            .ok()
            .map(|_| Slot(Arc::clone(state)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Over the bound: 503 with `Retry-After`. The request is read briefly first and the
/// rest drained briefly after, so the client reads the answer rather than a reset; a
/// refusal takes under a second of the refusing thread whatever the client does.
fn refuse_busy(mut stream: TcpStream, state: &State) {
    let started = Instant::now();
    let mut sink = [0u8; 16 * 1024];
    // The request's first bytes, without waiting for all of it.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = stream.read(&mut sink);
    if state.log {
        eprintln!(
            "(connection over the limit of {}) -> 503",
            state.max_connections
        );
    }
    let _ = stream.set_write_timeout(Some(Duration::from_millis(300)));
    let response = with_cors(problems::busy(state.max_connections), state);
    if http::write_response(&mut stream, &response).is_err() {
        return;
    }
    let _ = stream.shutdown(Shutdown::Write);
    let until = Duration::from_millis(900);
    while let Some(left) = until
        .checked_sub(started.elapsed())
        .filter(|d| !d.is_zero())
    {
        let _ = stream.set_read_timeout(Some(left));
        match stream.read(&mut sink) {
            Ok(read) if read > 0 => continue,
            _ => break,
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

enum Outcome {
    Answer { response: Response, delay_ms: u64 },
    Drop,
}

impl From<Response> for Outcome {
    fn from(response: Response) -> Self {
        Outcome::Answer {
            response,
            delay_ms: 0,
        }
    }
}

fn handle(mut stream: TcpStream, state: &State) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(state.budget.base));
    let (outcome, line, cors) = match http::read_request(&mut stream, state.max_body, state.budget)
    {
        Ok(request) => {
            let line = format!(
                "{} {}{}{}",
                request.method,
                request.path,
                if request.query.is_empty() { "" } else { "?" },
                request.query
            );
            (route(state, &request), line, is_cors_path(&request.path))
        }
        Err(ReadError::Gone) => return,
        Err(ReadError::TooLarge(path)) => (
            problems::too_large(state.max_body).into(),
            "(body over the limit)".into(),
            is_cors_path(&path),
        ),
        Err(ReadError::Malformed(reason)) => (
            problems::malformed_request(&reason).into(),
            "(malformed request)".into(),
            false,
        ),
        Err(ReadError::TimedOut) => (
            problems::request_timeout(state.budget.base).into(),
            "(request not complete in time)".into(),
            false,
        ),
    };
    match outcome {
        Outcome::Answer { response, delay_ms } => {
            let response = if cors {
                with_cors(response, state)
            } else {
                response
            };
            if state.log {
                let extra = response.get_header("Location").unwrap_or("");
                let wait = if delay_ms > 0 {
                    format!(" after {delay_ms} ms")
                } else {
                    String::new()
                };
                eprintln!("{line} -> {}{wait} {extra}", response.status);
            }
            if delay_ms > 0 {
                thread::sleep(Duration::from_millis(delay_ms));
            }
            if http::write_response(&mut stream, &response).is_ok() {
                http::finish(stream);
            }
        }
        Outcome::Drop => {
            if state.log {
                eprintln!("{line} -> connection dropped without an answer");
            }
            http::abort(stream);
        }
    }
}

/// Only the contract's route answers a browser on another origin.
fn is_cors_path(path: &str) -> bool {
    path.trim_end_matches('/') == CORS_PATH
}

fn with_cors(response: Response, state: &State) -> Response {
    response
        .header("Access-Control-Allow-Origin", &state.allow_origin)
        .header("Access-Control-Expose-Headers", EXPOSE_HEADERS)
}

fn route(state: &State, request: &Request) -> Outcome {
    let method = request.method.as_str();
    let path = request.path.trim_end_matches('/');
    if method == "OPTIONS" && is_cors_path(path) {
        return preflight(request).into();
    }
    match path {
        "/applications" => match method {
            "POST" => submit(state, request),
            _ => problems::method_not_allowed("POST, OPTIONS").into(),
        },
        "/_applications" => match method {
            "GET" => list(state).into(),
            "DELETE" => clear(state).into(),
            _ => problems::method_not_allowed("GET, DELETE").into(),
        },
        "/_faults" => match method {
            "GET" => fault_queue(state).into(),
            "POST" => set_faults(state, request).into(),
            "DELETE" => {
                *lock(&state.faults) = Faults::default();
                fault_queue(state).into()
            }
            _ => problems::method_not_allowed("GET, POST, DELETE").into(),
        },
        _ => {
            let reference = path
                .strip_prefix("/applications/")
                .or_else(|| path.strip_prefix("/_applications/"));
            match (method, reference) {
                ("GET", Some(reference)) => stored(state, reference).into(),
                (_, Some(_)) => problems::method_not_allowed("GET").into(),
                _ => problems::not_found().into(),
            }
        }
    }
}

/// The CORS preflight of `POST /applications`. `Access-Control-Allow-Private-Network`
/// only when the browser asks (a page on a public origin posting to this loopback
/// receiver); the answer's `Access-Control-Allow-Origin` is added by `handle`.
fn preflight(request: &Request) -> Response {
    let mut response = Response::new(204)
        .header("Access-Control-Allow-Methods", ALLOW_METHODS)
        .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
        .header("Access-Control-Max-Age", "600");
    if request.header("access-control-request-private-network") == Some("true") {
        response = response.header("Access-Control-Allow-Private-Network", "true");
    }
    response
}

/// `POST /applications`: the fault, if any, then [`accept`].
fn submit(state: &State, request: &Request) -> Outcome {
    let explicit = request
        .header("x-fault")
        .map(str::to_string)
        .or_else(|| request.query_param("fault"))
        .filter(|text| !text.trim().is_empty());
    let spec = match explicit.map(|text| text.parse::<FaultSpec>()) {
        Some(Ok(spec)) => Some(spec),
        Some(Err(reason)) => return problems::invalid_fault(&reason).into(),
        None => None,
    };
    let fault = {
        let mut faults = lock(&state.faults);
        match spec {
            Some(FaultSpec { fault, once: true }) => {
                let key = request.header("idempotency-key").unwrap_or("").to_string();
                faults
                    .spent
                    .insert((key, fault.to_string()))
                    .then_some(fault)
            }
            Some(FaultSpec { fault, once: false }) => Some(fault),
            None => faults.queue.pop_front(),
        }
    };
    let mut delay_ms = 0;
    match fault {
        Some(Fault::InternalError) => return problems::internal_error().into(),
        Some(Fault::Unavailable) => return problems::unavailable().into(),
        Some(Fault::TooManyRequests) => return problems::too_many_requests().into(),
        Some(Fault::TooLarge) => return problems::too_large(state.max_body).into(),
        Some(Fault::Invalid) => return problems::simulated_validation().into(),
        Some(Fault::InvalidFields) => return problems::simulated_field_errors().into(),
        Some(Fault::InvalidPlainJson) => return problems::plain_json_refusal().into(),
        Some(Fault::Drop) => return Outcome::Drop,
        Some(Fault::DropAfterStore) => {
            accept(state, request);
            return Outcome::Drop;
        }
        Some(Fault::Delay(ms)) => delay_ms = ms,
        None => {}
    }
    Outcome::Answer {
        response: accept(state, request),
        delay_ms,
    }
}

/// The real work: key, known key, body, parse, validate, store.
fn accept(state: &State, request: &Request) -> Response {
    let Some(key) = request.header("idempotency-key").filter(|k| !k.is_empty()) else {
        return problems::missing_idempotency_key();
    };
    if key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return problems::bad_idempotency_key();
    }
    let mut store = lock(&state.store);
    if let Some(record) = store.by_key(key) {
        return receipt(200, record);
    }

    let content_type = request.header("content-type").unwrap_or("");
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let (json, uploads) = if media_type == "application/json" || media_type.ends_with("+json") {
        (request.body.clone(), Vec::new())
    } else if media_type == "multipart/form-data" {
        match from_multipart(content_type, &request.body) {
            Ok(found) => found,
            Err(reason) => return problems::bad_multipart(&reason),
        }
    } else {
        return problems::unsupported_media_type(content_type);
    };

    let application = match serde_json::from_slice::<Application>(&json) {
        Ok(application) => application,
        Err(error) => return problems::invalid_json(&error.to_string()),
    };
    if application.schema_version != SCHEMA_VERSION {
        return problems::unsupported_schema_version(application.schema_version, SCHEMA_VERSION);
    }
    let errors = check_application(&application, &state.rules);
    if !errors.is_empty() {
        return problems::validation(&errors, Some(application.kind));
    }
    let kind = if media_type == "multipart/form-data" {
        "multipart/form-data"
    } else {
        "application/json"
    };
    match store.save(key, kind, &json, uploads) {
        Ok(record) => receipt(201, &record),
        Err(error) => problems::storage_failed(&error.to_string()),
    }
}

/// The `application` part's bytes, and the `pdf` and `attachments` parts as files.
/// Other parts are ignored.
fn from_multipart(content_type: &str, body: &[u8]) -> Result<(Vec<u8>, Vec<Upload>), String> {
    let boundary = multipart::boundary(content_type).ok_or("no boundary in Content-Type")?;
    let mut json = None;
    let mut uploads = Vec::new();
    for part in multipart::parse(body, &boundary)? {
        match part.name.as_str() {
            "application" if json.is_some() => return Err("more than one application part".into()),
            "application" => json = Some(part.data),
            "pdf" | "attachments" => uploads.push(Upload {
                file_name: part.file_name.unwrap_or_else(|| part.name.clone()),
                media_type: part
                    .content_type
                    .unwrap_or_else(|| "application/octet-stream".into()),
                part: part.name,
                data: part.data,
            }),
            _ => {}
        }
    }
    Ok((json.ok_or("no part named application")?, uploads))
}

fn receipt(status: u16, record: &Record) -> Response {
    Response::json(
        status,
        &json!({ "reference": record.reference, "received_at": record.received_at }),
    )
    .header("Location", &format!("/applications/{}", record.reference))
}

fn list(state: &State) -> Response {
    let store = lock(&state.store);
    Response::json(200, &json!(store.records()))
}

fn clear(state: &State) -> Response {
    match lock(&state.store).clear() {
        Ok(removed) => Response::json(200, &json!({ "removed": removed })),
        Err(error) => problems::storage_failed(&error.to_string()),
    }
}

fn stored(state: &State, reference: &str) -> Response {
    match lock(&state.store).application_json(reference) {
        Some(bytes) => Response::bytes(200, "application/json", bytes),
        None => problems::not_found(),
    }
}

fn fault_queue(state: &State) -> Response {
    let queued: Vec<String> = lock(&state.faults)
        .queue
        .iter()
        .map(Fault::to_string)
        .collect();
    Response::json(200, &json!({ "queued": queued }))
}

/// `POST /_faults` with `["503", "delay:3000"]`: replaces the queue.
fn set_faults(state: &State, request: &Request) -> Response {
    let texts = match serde_json::from_slice::<Vec<String>>(&request.body) {
        Ok(texts) => texts,
        Err(error) => {
            return problems::invalid_fault(&format!("expected a JSON list of strings: {error}"))
        }
    };
    let mut queue = VecDeque::new();
    for text in &texts {
        match text.parse::<FaultSpec>() {
            Ok(spec) => queue.push_back(spec.fault),
            Err(reason) => return problems::invalid_fault(&reason),
        }
    }
    lock(&state.faults).queue = queue;
    fault_queue(state)
}

/// The JSON Schema of [`Application`] as committed in `docs/application.schema.json`:
/// two-space indented, keys sorted, ending in a newline.
pub fn application_schema() -> String {
    let schema = schemars::schema_for!(Application);
    let value = sorted(serde_json::to_value(&schema).unwrap_or_default());
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Keys in sorted order whatever serde_json's `preserve_order` feature says, so the
/// printed schema is the same in every build.
fn sorted(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(sorted).collect())
        }
        other => other,
    }
}

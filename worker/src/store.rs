//! The chosen attachments, kept in the browser's IndexedDB so they survive a reload or a
//! closed tab. The worker owns this code so that none of it is in the page's first load:
//! the page keeps the list (id, name, size, type, time) with the stored draft in
//! localStorage and asks the worker only to keep, remove or read back a file.
//!
//! Tasks (see the protocol in `main.rs`): `["store-put", id, file]` answers
//! `["stored", id]` or `["store-failed", id]`; `["store-delete", id]` answers nothing.
//! A job's `files` may name kept files as `[id, name]`; they are read back here and held
//! in the worker's memory for later jobs of this page: after a confirmed send the page
//! empties the database, and the receipt is still downloadable.
//!
//! One database, `skolutbyte`, with one object store, `bilagor`: File objects under the
//! page's ids. Every task opens and closes its own connection, so the page's
//! `indexedDB.deleteDatabase` ("Remove my answers", "Start again") waits at most for the
//! task in progress.

use std::cell::RefCell;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, IdbDatabase, IdbObjectStore, IdbRequest};
use web_sys::{IdbTransaction, IdbTransactionMode};

/// Also named in the page (`ui::drafts::attachments_store`), which deletes it.
const DATABASE: &str = "skolutbyte";
const STORE: &str = "bilagor";

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(parts: &[JsValue]) {
    let message: Array = parts.iter().collect();
    let _ = scope().post_message(&message);
}

/// Runs the page's storage task; false when `message` is not one (it is a job).
pub async fn handle(message: &Array) -> bool {
    let task = message.get(0).as_string().unwrap_or_default();
    let id = message.get(1);
    match task.as_str() {
        "store-put" => {
            let stored = match message.get(2).dyn_into::<File>() {
                Ok(file) => in_store(IdbTransactionMode::Readwrite, |s| {
                    s.put_with_key(&file, &id)
                })
                .await
                .is_ok(),
                Err(_) => false,
            };
            let reply = if stored { "stored" } else { "store-failed" };
            post(&[reply.into(), id]);
        }
        "store-delete" => {
            // Nothing to report: a file that cannot be removed now is removed with the
            // rest by "Remove my answers", "Start again" or after 30 days.
            let _ = in_store(IdbTransactionMode::Readwrite, |s| s.delete(&id)).await;
        }
        _ => return false,
    }
    true
}

thread_local! {
    /// Files read back, by id, for the page's later jobs.
    static READ_BACK: RefCell<Vec<(String, File)>> = const { RefCell::new(Vec::new()) };
}

/// The job's files: each a `File` the page holds, or `[id, name]` for one kept here
/// only. Err: the names of files that are no longer kept.
pub async fn job_files(list: JsValue) -> Result<Vec<File>, Vec<String>> {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for item in list.dyn_into::<Array>().unwrap_or_default().iter() {
        let item = match item.dyn_into::<File>() {
            Ok(file) => {
                files.push(file);
                continue;
            }
            Err(item) => Array::from(&item),
        };
        let id = item.get(0).as_string().unwrap_or_default();
        match read_back(&id).await {
            Some(file) => files.push(file),
            None => missing.push(item.get(1).as_string().unwrap_or_default()),
        }
    }
    if missing.is_empty() {
        Ok(files)
    } else {
        Err(missing)
    }
}

async fn read_back(id: &str) -> Option<File> {
    let held = READ_BACK.with(|r| {
        r.borrow()
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, f)| f.clone())
    });
    if held.is_some() {
        return held;
    }
    let key = JsValue::from_str(id);
    let file: File = in_store(IdbTransactionMode::Readonly, |s| s.get(&key))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    READ_BACK.with(|r| r.borrow_mut().push((id.to_string(), file.clone())));
    Some(file)
}

/// Opens the database (creating the store the first time), runs `op` in one transaction
/// and returns its request's result once the transaction has committed.
async fn in_store(
    mode: IdbTransactionMode,
    op: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let database = open().await?;
    let result = run(&database, mode, op).await;
    database.close();
    result
}

async fn run(
    database: &IdbDatabase,
    mode: IdbTransactionMode,
    op: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let transaction = database.transaction_with_str_and_mode(STORE, mode)?;
    let request = op(&transaction.object_store(STORE)?)?;
    committed(&transaction).await?;
    request.result()
}

/// Resolves when `transaction` commits; an error (a full disk or quota: the browser
/// writes a file's bytes on commit) aborts it.
async fn committed(transaction: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let database = open_version(None).await?;
    if database.object_store_names().contains(STORE) {
        return Ok(database);
    }
    // The database exists without our store (made by another script of the site, or a
    // test looking in): add it in a new version.
    let next = database.version() as u32 + 1;
    database.close();
    open_version(Some(next)).await
}

/// Opens the database at its current `version` (None), creating it and the store the
/// first time.
async fn open_version(version: Option<u32>) -> Result<IdbDatabase, JsValue> {
    let factory = scope().indexed_db()?.ok_or(JsValue::NULL)?;
    let request = match version {
        Some(version) => factory.open_with_u32(DATABASE, version)?,
        None => factory.open(DATABASE)?,
    };
    let upgrading = request.clone();
    let create_store = Closure::once(move || {
        if let Some(database) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(create_store.as_ref().unchecked_ref()));
    let opened = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
        // Another connection holds an older version: give up rather than wait.
        request.set_onblocked(Some(&reject));
    });
    let outcome = JsFuture::from(opened).await;
    request.set_onupgradeneeded(None);
    drop(create_store);
    outcome?;
    request.result()?.dyn_into()
}

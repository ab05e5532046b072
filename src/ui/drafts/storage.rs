//! The browser's localStorage, with every way it can fail turned into a value.

use wasm_bindgen::JsCast;

use crate::domain::retention::set_aside_expired;

pub const DRAFT_KEY: &str = "skolutbyte:utkast";
/// Prefix of keys where unreadable drafts are kept aside, never overwritten.
pub const CORRUPT_KEY_PREFIX: &str = "skolutbyte:utkast-oläsbart:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// Disabled by the browser or its settings (private mode, blocked cookies).
    Unavailable,
    /// The quota is used up.
    Full,
}

fn storage() -> Result<web_sys::Storage, StorageProblem> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageProblem::Unavailable)
}

pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageProblem::Unavailable)
}

pub fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    storage()?.set_item(key, value).map_err(|error| {
        let quota = error
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22);
        if quota {
            StorageProblem::Full
        } else {
            StorageProblem::Unavailable
        }
    })
}

/// Removes the unreadable drafts set aside: every one, or (given the time now) those
/// set aside more than 30 days ago.
pub fn remove_set_aside(expired_at: Option<i64>) {
    let Ok(storage) = storage() else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| {
            key.strip_prefix(CORRUPT_KEY_PREFIX)
                .is_some_and(|time| expired_at.is_none_or(|now| set_aside_expired(time, now)))
        })
        .collect();
    for key in keys {
        remove(&key);
    }
}

pub fn remove(key: &str) {
    if let Ok(storage) = storage() {
        // Nothing to do if it fails: the key is then simply still there.
        let _ = storage.remove_item(key);
    }
}

//! How long the browser keeps what the form saved on a computer: the answers, the
//! attached files and any unreadable draft set aside are removed 30 days after the last
//! change, so a shared computer does not hold a teacher's data for ever.

/// Days a stored draft is kept after its last change.
pub const KEEP_DAYS: i64 = 30;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// True when something last changed at `changed_ms` is older than [`KEEP_DAYS`] at
/// `now_ms` (both milliseconds since 1970-01-01 UTC). An unknown time (0 or less, as a
/// migrated draft has) counts as expired: it cannot be shown to be recent. A time in the
/// future (the computer's clock was changed) is kept.
pub fn expired(changed_ms: i64, now_ms: i64) -> bool {
    changed_ms <= 0 || now_ms.saturating_sub(changed_ms) > KEEP_DAYS * DAY_MS
}

/// For a copy set aside under `<prefix><ms>`: expired when its time is, or unreadable.
pub fn set_aside_expired(time_suffix: &str, now_ms: i64) -> bool {
    expired(time_suffix.parse().unwrap_or(0), now_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-18 12:00 UTC.
    const NOW: i64 = 1_795_003_200_000;

    #[test]
    fn kept_for_thirty_days_after_the_last_change_then_removed() {
        assert!(!expired(NOW, NOW));
        assert!(!expired(NOW - 29 * DAY_MS, NOW));
        assert!(
            !expired(NOW - 30 * DAY_MS, NOW),
            "exactly 30 days: still kept"
        );
        assert!(
            expired(NOW - 30 * DAY_MS - 1, NOW),
            "a millisecond more: removed"
        );
        assert!(expired(NOW - 31 * DAY_MS, NOW));
        assert!(expired(NOW - 400 * DAY_MS, NOW));
    }

    #[test]
    fn an_unknown_time_expires_and_a_future_one_is_kept() {
        assert!(expired(0, NOW));
        assert!(expired(-5, NOW));
        assert!(expired(i64::MIN, NOW), "no overflow");
        assert!(!expired(NOW + 3 * DAY_MS, NOW));
    }

    #[test]
    fn copies_set_aside_expire_by_the_time_in_their_key() {
        let recent = (NOW - DAY_MS).to_string();
        let old = (NOW - 31 * DAY_MS).to_string();
        assert!(!set_aside_expired(&recent, NOW));
        assert!(set_aside_expired(&old, NOW));
        assert!(set_aside_expired("inte-en-tid", NOW));
        assert!(set_aside_expired("", NOW));
    }
}

//! Sending to the municipality's endpoint: what to do after each attempt. Pure, so the
//! retry rules are tested natively; the browser shell only performs the requests.
//!
//! Retries are safe because every attempt of one application carries the same
//! `Idempotency-Key`: a receiver stores it once however often it arrives.

use super::json::{self, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay_ms: u32,
    pub max_delay_ms: u32,
    /// An attempt without an answer by then is abandoned (and retried).
    pub timeout_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay_ms: 1_000,
            max_delay_ms: 8_000,
            timeout_ms: 15_000,
        }
    }
}

/// The slowest upload we wait for: 64 KB/s (a weak mobile connection). A large multipart
/// body gets this much more time per attempt, so it is not cut off while still uploading.
const SLOWEST_UPLOAD_BYTES_PER_S: u64 = 64 * 1024;

impl RetryPolicy {
    /// The default policy, with each attempt's timeout extended for a body of `bytes`.
    pub fn for_upload(bytes: u64) -> RetryPolicy {
        let policy = RetryPolicy::default();
        let upload_ms = bytes.saturating_mul(1000) / SLOWEST_UPLOAD_BYTES_PER_S;
        RetryPolicy {
            timeout_ms: u32::try_from(u64::from(policy.timeout_ms) + upload_ms).unwrap_or(u32::MAX),
            ..policy
        }
    }
}

/// What one attempt ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx with the receiver's reference.
    Accepted {
        reference: String,
    },
    /// Any other HTTP answer.
    Status {
        status: u16,
        retry_after_s: Option<u32>,
        problem: Option<ProblemDetails>,
    },
    /// No answer: offline, DNS, connection dropped, CORS refused.
    NetworkError,
    Timeout,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Done { reference: String },
    RetryAfterMs(u32),
    GiveUp(Failure),
}

/// Why sending did not succeed, for the message and the offered download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Network,
    Timeout,
    /// The receiver refused the application itself (4xx other than 408/429).
    Rejected {
        status: u16,
        problem: Option<ProblemDetails>,
    },
    TooLarge,
    /// 5xx or 429 still after the last attempt.
    Unavailable {
        status: u16,
    },
    /// 2xx but no reference in the answer: the receiver may have it; do not resend blindly.
    NoReference,
}

/// `application/problem+json` (RFC 9457), with our field errors when present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemDetails {
    pub title: String,
    pub detail: String,
    /// (field id, code) pairs from an `errors` list.
    pub errors: Vec<(String, String)>,
}

/// The longest wait we honour from Retry-After before giving up instead.
const MAX_RETRY_AFTER_S: u32 = 60;

pub fn decide(policy: &RetryPolicy, attempt: u32, outcome: Outcome) -> Next {
    let last = attempt >= policy.max_attempts;
    let backoff = || {
        let exponent = attempt.saturating_sub(1).min(16);
        policy
            .base_delay_ms
            .saturating_mul(1 << exponent)
            .min(policy.max_delay_ms)
    };
    match outcome {
        Outcome::Accepted { reference } if reference.trim().is_empty() => {
            Next::GiveUp(Failure::NoReference)
        }
        Outcome::Accepted { reference } => Next::Done { reference },
        Outcome::NetworkError if last => Next::GiveUp(Failure::Network),
        Outcome::Timeout if last => Next::GiveUp(Failure::Timeout),
        Outcome::NetworkError | Outcome::Timeout => Next::RetryAfterMs(backoff()),
        Outcome::Status {
            status,
            retry_after_s,
            ..
        } if status == 429 || status >= 500 || status == 408 => match retry_after_s {
            _ if last => Next::GiveUp(Failure::Unavailable { status }),
            Some(seconds) if seconds > MAX_RETRY_AFTER_S => {
                Next::GiveUp(Failure::Unavailable { status })
            }
            Some(seconds) => {
                Next::RetryAfterMs(seconds.saturating_mul(1000).max(backoff().min(1000)))
            }
            None => Next::RetryAfterMs(backoff()),
        },
        Outcome::Status { status: 413, .. } => Next::GiveUp(Failure::TooLarge),
        Outcome::Status {
            status, problem, ..
        } => Next::GiveUp(Failure::Rejected { status, problem }),
    }
}

/// `Retry-After` in seconds; an HTTP date is not honoured (None: use the backoff).
pub fn parse_retry_after(value: &str) -> Option<u32> {
    let value = value.trim();
    (!value.is_empty() && value.len() <= 6 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse().ok())
        .flatten()
}

pub fn parse_problem(body: &str) -> Option<ProblemDetails> {
    let value = json::parse(body).ok()?;
    let text = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let errors = match value.get("errors") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| {
                let field = item.get("field")?.as_str()?;
                let code = item.get("code")?.as_str()?;
                Some((field.to_string(), code.to_string()))
            })
            .collect(),
        _ => Vec::new(),
    };
    let problem = ProblemDetails {
        title: text("title"),
        detail: text("detail"),
        errors,
    };
    (!problem.title.is_empty() || !problem.detail.is_empty() || !problem.errors.is_empty())
        .then_some(problem)
}

/// The receiver's answer `{"reference": "SKU-2026-000123", ...}`.
pub fn parse_reference(body: &str) -> Option<String> {
    let value = json::parse(body).ok()?;
    let reference = value.get("reference")?.as_str()?.trim();
    (!reference.is_empty() && reference.len() <= 100).then(|| reference.to_string())
}

#[cfg(test)]
mod upload_tests {
    use super::*;

    #[test]
    fn a_large_upload_gets_time_to_arrive() {
        assert_eq!(RetryPolicy::for_upload(10_000).timeout_ms, 15_152);
        // 50 MB of attachments at 64 KB/s: about 13 minutes on top of the 15 s.
        assert_eq!(
            RetryPolicy::for_upload(50 * 1024 * 1024).timeout_ms,
            15_000 + 800_000
        );
        assert_eq!(RetryPolicy::for_upload(u64::MAX).timeout_ms, u32::MAX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, retry_after_s: Option<u32>) -> Outcome {
        Outcome::Status {
            status,
            retry_after_s,
            problem: None,
        }
    }

    #[test]
    fn retries_network_errors_timeouts_5xx_and_429_with_backoff() {
        let p = RetryPolicy::default();
        assert_eq!(
            decide(&p, 1, Outcome::NetworkError),
            Next::RetryAfterMs(1_000)
        );
        assert_eq!(decide(&p, 2, Outcome::Timeout), Next::RetryAfterMs(2_000));
        assert_eq!(decide(&p, 3, status(500, None)), Next::RetryAfterMs(4_000));
        assert_eq!(
            decide(&p, 1, status(503, Some(3))),
            Next::RetryAfterMs(3_000)
        );
        assert_eq!(
            decide(&p, 1, status(429, Some(1))),
            Next::RetryAfterMs(1_000)
        );
        assert_eq!(
            decide(&p, 4, Outcome::NetworkError),
            Next::GiveUp(Failure::Network)
        );
        assert_eq!(
            decide(&p, 4, Outcome::Timeout),
            Next::GiveUp(Failure::Timeout)
        );
        assert_eq!(
            decide(&p, 4, status(503, None)),
            Next::GiveUp(Failure::Unavailable { status: 503 })
        );
        assert_eq!(
            decide(&p, 1, status(503, Some(3600))),
            Next::GiveUp(Failure::Unavailable { status: 503 })
        );
        let long = RetryPolicy {
            max_attempts: 20,
            ..p
        };
        assert_eq!(
            decide(&long, 10, Outcome::NetworkError),
            Next::RetryAfterMs(8_000)
        );
    }

    #[test]
    fn never_retries_other_client_errors() {
        let p = RetryPolicy::default();
        assert_eq!(
            decide(&p, 1, status(413, None)),
            Next::GiveUp(Failure::TooLarge)
        );
        assert_eq!(
            decide(&p, 1, status(422, None)),
            Next::GiveUp(Failure::Rejected {
                status: 422,
                problem: None
            })
        );
        assert_eq!(
            decide(&p, 1, status(400, None)),
            Next::GiveUp(Failure::Rejected {
                status: 400,
                problem: None
            })
        );
    }

    #[test]
    fn success_needs_a_reference() {
        let p = RetryPolicy::default();
        assert_eq!(
            decide(
                &p,
                2,
                Outcome::Accepted {
                    reference: "SKU-1".into()
                }
            ),
            Next::Done {
                reference: "SKU-1".into()
            }
        );
        assert_eq!(
            decide(
                &p,
                1,
                Outcome::Accepted {
                    reference: " ".into()
                }
            ),
            Next::GiveUp(Failure::NoReference)
        );
        assert_eq!(
            parse_reference(r#"{"reference": "SKU-2026-000123", "received_at": "x"}"#),
            Some("SKU-2026-000123".into())
        );
        assert_eq!(parse_reference("<html>ok</html>"), None);
        assert_eq!(parse_reference(r#"{"reference": 5}"#), None);
    }

    #[test]
    fn reads_retry_after_and_problem_details() {
        assert_eq!(parse_retry_after("1"), Some(1));
        assert_eq!(parse_retry_after(" 120 "), Some(120));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("99999999999"), None);
        let body = r#"{"type": "about:blank", "title": "Ansökan kunde inte tas emot", "status": 422,
            "detail": "Beloppet är för stort.", "errors": [{"field": "amount-applied", "code": "applied_exceeds_need", "params": {}}]}"#;
        assert_eq!(
            parse_problem(body),
            Some(ProblemDetails {
                title: "Ansökan kunde inte tas emot".into(),
                detail: "Beloppet är för stort.".into(),
                errors: vec![("amount-applied".into(), "applied_exceeds_need".into())],
            })
        );
        assert_eq!(parse_problem("Internal Server Error"), None);
        assert_eq!(parse_problem("{}"), None);
    }
}

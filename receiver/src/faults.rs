//! Failures on demand, so tests can see what the app does when the receiver misbehaves.
//!
//! A fault is chosen per `POST /applications`, first match wins:
//! 1. the `X-Fault` request header,
//! 2. the `fault` query parameter of the endpoint URL (`/applications?fault=503-once`),
//! 3. the queue set with `POST /_faults` (each entry is used by one request, in order).
//!
//! From the header or query a fault applies to every request that carries it, unless it
//! ends in `-once`: then only to the first request with that `Idempotency-Key`, so the
//! app's retry of the same submission gets through.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 500 problem+json; nothing stored.
    InternalError,
    /// 503 problem+json with `Retry-After: 1`; nothing stored.
    Unavailable,
    /// 429 problem+json with `Retry-After: 1`; nothing stored.
    TooManyRequests,
    /// 413 problem+json whatever the size; nothing stored.
    TooLarge,
    /// 422 problem+json with one field error; nothing stored.
    Invalid,
    /// 422 problem+json with three field errors: one the app knows, one with a code it
    /// does not know, one about a field it does not have; nothing stored.
    InvalidFields,
    /// 422 whose body is `application/json`, not problem+json, with a `detail` in the
    /// municipality's voice that the app must not show; nothing stored.
    InvalidPlainJson,
    /// The request is handled as usual (stored when valid), but the answer is held back
    /// this many milliseconds, to outlast the client's timeout.
    Delay(u64),
    /// The connection is closed without an answer; nothing stored.
    Drop,
    /// The request is handled as usual (stored when valid), then the connection is
    /// closed without an answer: the "saved, but the answer was lost" case that
    /// idempotency keys exist for.
    DropAfterStore,
}

/// Longest delay accepted (10 minutes).
pub const MAX_DELAY_MS: u64 = 600_000;

impl FromStr for Fault {
    type Err = String;

    fn from_str(text: &str) -> Result<Fault, String> {
        let text = text.trim();
        Ok(match text.to_ascii_lowercase().as_str() {
            "500" => Fault::InternalError,
            "503" => Fault::Unavailable,
            "429" => Fault::TooManyRequests,
            "413" => Fault::TooLarge,
            "422" => Fault::Invalid,
            "422-fields" => Fault::InvalidFields,
            "422-json" => Fault::InvalidPlainJson,
            "drop" => Fault::Drop,
            "drop-after-store" => Fault::DropAfterStore,
            other => match other.strip_prefix("delay:") {
                Some(ms) => match ms.trim().parse::<u64>() {
                    Ok(ms) if ms <= MAX_DELAY_MS => Fault::Delay(ms),
                    _ => return Err(format!("bad delay in fault {text:?} (0..={MAX_DELAY_MS} ms)")),
                },
                None => {
                    return Err(format!(
                        "unknown fault {text:?}: use 500, 503, 429, 413, 422, 422-fields, 422-json, delay:<ms>, drop, drop-after-store"
                    ))
                }
            },
        })
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::InternalError => f.write_str("500"),
            Fault::Unavailable => f.write_str("503"),
            Fault::TooManyRequests => f.write_str("429"),
            Fault::TooLarge => f.write_str("413"),
            Fault::Invalid => f.write_str("422"),
            Fault::InvalidFields => f.write_str("422-fields"),
            Fault::InvalidPlainJson => f.write_str("422-json"),
            Fault::Delay(ms) => write!(f, "delay:{ms}"),
            Fault::Drop => f.write_str("drop"),
            Fault::DropAfterStore => f.write_str("drop-after-store"),
        }
    }
}

/// A fault from a header or query string, with its `-once` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultSpec {
    pub fault: Fault,
    pub once: bool,
}

impl FromStr for FaultSpec {
    type Err = String;

    fn from_str(text: &str) -> Result<FaultSpec, String> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        match lower.strip_suffix("-once") {
            Some(fault) => Ok(FaultSpec {
                fault: fault.parse()?,
                once: true,
            }),
            None => Ok(FaultSpec {
                fault: text.parse()?,
                once: false,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fault_reads_back_its_own_text() {
        for fault in [
            Fault::InternalError,
            Fault::Unavailable,
            Fault::TooManyRequests,
            Fault::TooLarge,
            Fault::Invalid,
            Fault::InvalidFields,
            Fault::InvalidPlainJson,
            Fault::Delay(1500),
            Fault::Drop,
            Fault::DropAfterStore,
        ] {
            assert_eq!(fault.to_string().parse::<Fault>(), Ok(fault));
        }
    }

    #[test]
    fn once_suffix() {
        assert_eq!(
            "503-once".parse::<FaultSpec>(),
            Ok(FaultSpec {
                fault: Fault::Unavailable,
                once: true
            })
        );
        assert_eq!(
            "delay:20-once".parse::<FaultSpec>().map(|s| s.fault),
            Ok(Fault::Delay(20))
        );
        assert!("drop-after-store"
            .parse::<FaultSpec>()
            .is_ok_and(|s| !s.once));
        assert_eq!(
            "422-fields-once".parse::<FaultSpec>(),
            Ok(FaultSpec {
                fault: Fault::InvalidFields,
                once: true
            })
        );
        assert!("504".parse::<FaultSpec>().is_err());
        assert!("delay:x".parse::<FaultSpec>().is_err());
        assert!("delay:9999999".parse::<FaultSpec>().is_err());
    }
}

//! Sending to the municipality's endpoint: what to do after each attempt. Pure, so the
//! retry rules are tested natively; the browser shell only performs the requests.
//!
//! Retries are safe because every attempt of one application carries the same
//! `Idempotency-Key`: a receiver stores it once however often it arrives.

use super::application::{Application, Payment};
use super::field::Field;
use super::json::{self, Value};
use super::problem::{FieldError, Problem};

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

/// `application/problem+json` (RFC 9457), with our field errors when present. Every
/// text is cut to [`MAX_RECEIVER_TEXT_CHARS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemDetails {
    pub title: String,
    pub detail: String,
    pub errors: Vec<ReceiverFieldError>,
}

/// One entry of a 422's `errors`, as the receiver sent it:
/// `{"field": "trip-end", "code": "end_before_start", "detail": "…", "params": {…}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiverFieldError {
    /// The answer, as the DOM id of its input ([`Field::id`]).
    pub field: String,
    /// The problem's stable code ([`Problem::code`]).
    pub code: String,
    /// The receiver's own sentence, shown when this app does not know the code.
    pub detail: String,
    /// Message parameters in machine form ([`Problem::params`]).
    pub params: Vec<(String, String)>,
}

impl ReceiverFieldError {
    /// The field error in this app's own terms, when it knows both the field and the
    /// code; so the applicant reads the app's own message, in their language. The giro
    /// codes are shared by bankgiro and plusgiro: the application says which it is.
    pub fn field_error(&self, application: &Application) -> Option<FieldError> {
        let field = Field::from_id(&self.field)?;
        let problem = Problem::from_code(&self.code, |key| {
            self.params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        })?;
        let problem = match (problem, &application.payment) {
            (Problem::Bankgiro(error), Payment::Plusgiro { .. }) => Problem::Plusgiro(error),
            (problem, _) => problem,
        };
        Some(FieldError { field, problem })
    }
}

/// The longest text from a receiver we show, in characters: a sentence or two. A
/// receiver's `detail` is shown in the municipality's voice, so a long one (or any
/// text from a body that is not problem+json) is not passed on as it is.
pub const MAX_RECEIVER_TEXT_CHARS: usize = 300;
/// Marks the Swedish words inside the worker's English sentences, before and after: a
/// receiver's `detail` quoted in a failure, the unit's Swedish name. The page shows them
/// marked `lang="sv"` instead (WCAG 3.1.2); a control character, so never typed text.
pub const SWEDISH_QUOTE: char = '\u{1f}';
/// More field errors than any application can have are not read.
const MAX_FIELD_ERRORS: usize = 200;
/// Field ids and codes are short; longer ones are unknown anyway.
const MAX_ID_CHARS: usize = 100;

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

/// `application/problem+json`, ignoring case and parameters (`; charset=utf-8`).
pub fn is_problem_json(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .eq_ignore_ascii_case("application/problem+json")
}

/// `text` trimmed, control characters made spaces, and cut to `max_chars` characters
/// (never inside a character) ending in "…" when it was longer.
pub fn cut_text(text: &str, max_chars: usize) -> String {
    let clean: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        // Bidi controls and zero-width characters could make the text read otherwise.
        .filter(|&c| !super::file_name::is_invisible(c))
        .collect();
    match clean.char_indices().nth(max_chars) {
        None => clean,
        Some(_) => {
            let keep = max_chars.saturating_sub(1);
            let end = clean
                .char_indices()
                .nth(keep)
                .map_or(clean.len(), |(i, _)| i);
            format!("{}…", clean[..end].trim_end())
        }
    }
}

/// The problem details of an error answer. Only an `application/problem+json` body is
/// read: any other error body (HTML, plain text, other JSON) may be a proxy's or a
/// stranger's, and its text is never shown to the applicant.
pub fn parse_problem(content_type: &str, body: &str) -> Option<ProblemDetails> {
    if !is_problem_json(content_type) {
        return None;
    }
    let value = json::parse(body).ok()?;
    let text = |value: &Value, key: &str, max: usize| {
        cut_text(
            value.get(key).and_then(Value::as_str).unwrap_or_default(),
            max,
        )
    };
    let errors = match value.get("errors") {
        Some(Value::Array(items)) => items
            .iter()
            .take(MAX_FIELD_ERRORS)
            .filter_map(|item| {
                let field = text(item, "field", MAX_ID_CHARS);
                let code = text(item, "code", MAX_ID_CHARS);
                let params = match item.get("params") {
                    Some(Value::Object(entries)) => entries
                        .iter()
                        .filter_map(|(k, v)| {
                            Some((k.clone(), cut_text(v.as_str()?, MAX_RECEIVER_TEXT_CHARS)))
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let error = ReceiverFieldError {
                    detail: text(item, "detail", MAX_RECEIVER_TEXT_CHARS),
                    field,
                    code,
                    params,
                };
                (!error.field.is_empty() || !error.detail.is_empty()).then_some(error)
            })
            .collect(),
        _ => Vec::new(),
    };
    let problem = ProblemDetails {
        title: text(&value, "title", MAX_RECEIVER_TEXT_CHARS),
        detail: text(&value, "detail", MAX_RECEIVER_TEXT_CHARS),
        errors,
    };
    (!problem.title.is_empty() || !problem.detail.is_empty() || !problem.errors.is_empty())
        .then_some(problem)
}

/// A receiver's field error as the page shows it (the worker's 4th "failed" element):
/// where, and the message in both languages, so it follows a language switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedFieldError {
    /// The receiver's field id, known to this app or not.
    pub field: String,
    pub code: String,
    /// The receiver's own sentence (cut), kept as it came.
    pub detail: String,
    pub sv: String,
    pub en: String,
}

/// `[{"field", "code", "detail", "sv", "en"}]` as compact JSON; "" when there are none.
pub fn reported_errors_json(errors: &[ReportedFieldError]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let items = errors
        .iter()
        .map(|e| {
            Value::object(vec![
                ("field", Value::string(&e.field)),
                ("code", Value::string(&e.code)),
                ("detail", Value::string(&e.detail)),
                ("sv", Value::string(&e.sv)),
                ("en", Value::string(&e.en)),
            ])
        })
        .collect();
    Value::Array(items).to_compact()
}

/// The receiver's field errors, ready for the error summary: `placed` beside a field of
/// this form (their links move to its step); `unplaced`, about fields this form does not
/// have and listed without a link, as (Swedish, English) with one line per error (one
/// value, so the page holds it in a signal type it has already).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReportedErrors {
    pub placed: Vec<FieldError>,
    pub unplaced: Option<(String, String)>,
}

/// Reads [`reported_errors_json`]'s text; anything unreadable is no errors (the
/// failure message itself is shown either way). The worker's texts are single lines
/// (`cut_text`), so lines can hold the unplaced ones.
pub fn read_reported_errors(text: &str) -> ReportedErrors {
    let mut errors = ReportedErrors::default();
    let Ok(Value::Array(items)) = json::parse(text) else {
        return errors;
    };
    for item in &items {
        let text = |key| item.get(key).and_then(Value::as_str).unwrap_or_default();
        let detail = text("detail");
        let (sv, en) = match (text("sv"), text("en")) {
            ("", _) | (_, "") => (detail, detail),
            words => words,
        };
        if sv.is_empty() {
            continue;
        }
        match Field::from_id(text("field")) {
            Some(field) => errors.placed.push(FieldError {
                field,
                problem: Problem::Reported {
                    sv: sv.into(),
                    en: en.into(),
                },
            }),
            None => {
                let (lines_sv, lines_en) = errors.unplaced.get_or_insert_default();
                *lines_sv += sv;
                *lines_sv += "\n";
                *lines_en += en;
                *lines_en += "\n";
            }
        }
    }
    errors
}

/// The receiver's answer `{"reference": "SKU-2026-000123", ...}`.
pub fn parse_reference(body: &str) -> Option<String> {
    let value = json::parse(body).ok()?;
    let reference = value.get("reference")?.as_str()?.trim();
    // Shown on the receipt and in every PDF header: no control or bidi characters.
    let reference = cut_text(reference, 100);
    (!reference.is_empty() && reference.len() <= 400).then_some(reference)
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
        // Shown on the receipt and the PDF: no bidi override, no line break.
        assert_eq!(
            parse_reference("{\"reference\": \"SKU-\\u202e2026\\n-1\"}"),
            Some("SKU-2026 -1".into())
        );
    }

    #[test]
    fn reads_retry_after_and_problem_details() {
        assert_eq!(parse_retry_after("1"), Some(1));
        assert_eq!(parse_retry_after(" 120 "), Some(120));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("99999999999"), None);
        let body = r#"{"type": "about:blank", "title": "Ansökan kunde inte tas emot", "status": 422,
            "detail": "Beloppet är för stort.", "errors": [{"field": "amount-applied", "code": "applied_exceeds_need",
            "detail": "Du kan söka högst 7 000 kr", "params": {"max_ore": "700000"}}]}"#;
        assert_eq!(
            parse_problem("application/problem+json", body),
            Some(ProblemDetails {
                title: "Ansökan kunde inte tas emot".into(),
                detail: "Beloppet är för stort.".into(),
                errors: vec![ReceiverFieldError {
                    field: "amount-applied".into(),
                    code: "applied_exceeds_need".into(),
                    detail: "Du kan söka högst 7 000 kr".into(),
                    params: vec![("max_ore".into(), "700000".into())],
                }],
            })
        );
        assert_eq!(
            parse_problem("application/problem+json", "Internal Server Error"),
            None
        );
        assert_eq!(parse_problem("application/problem+json", "{}"), None);
    }

    const PHISHING: &str =
        r#"{"title": "Fel", "detail": "Ring 0700 00 00 00 och uppge ditt BankID"}"#;

    #[test]
    fn only_a_problem_json_body_is_read() {
        assert!(parse_problem("application/problem+json", PHISHING).is_some());
        assert!(parse_problem("Application/Problem+JSON; charset=utf-8", PHISHING).is_some());
        for other in [
            "application/json",
            "text/plain",
            "text/html",
            "",
            "application/problem+xml",
        ] {
            assert_eq!(parse_problem(other, PHISHING), None, "{other:?}");
        }
    }

    #[test]
    fn a_receivers_text_is_cut_on_a_character_boundary() {
        assert_eq!(cut_text("  Kort text. ", 300), "Kort text.");
        assert_eq!(cut_text("rad ett\nrad\u{7}två", 300), "rad ett rad två");
        let long = "å".repeat(400);
        let cut = cut_text(&long, 300);
        assert_eq!(cut.chars().count(), 300);
        assert!(cut.ends_with("åå…"));
        let exact = "ä".repeat(300);
        assert_eq!(
            cut_text(&exact, 300),
            exact,
            "300 characters are kept whole"
        );
        // Emoji are one character each, never split.
        let emoji = "😀".repeat(301);
        assert_eq!(cut_text(&emoji, 300), format!("{}…", "😀".repeat(299)));
        assert_eq!(cut_text("ord ord ord", 5), "ord…");

        let body = format!(
            r#"{{"title": "T", "detail": "{}", "errors": [{{"field": "x", "code": "y", "detail": "{}"}}]}}"#,
            "a".repeat(5000),
            "b".repeat(5000)
        );
        let problem = parse_problem("application/problem+json", &body).unwrap();
        assert_eq!(problem.detail.chars().count(), MAX_RECEIVER_TEXT_CHARS);
        assert_eq!(
            problem.errors[0].detail.chars().count(),
            MAX_RECEIVER_TEXT_CHARS
        );
    }

    fn receiver_error(field: &str, code: &str, params: &[(&str, &str)]) -> ReceiverFieldError {
        ReceiverFieldError {
            field: field.into(),
            code: code.into(),
            detail: "Mottagarens egen mening.".into(),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn a_known_field_and_code_become_the_apps_own_field_error() {
        use crate::domain::giro::{parse_plusgiro, GiroError};
        let mut application = crate::domain::validate::validate(
            &crate::domain::examples::internship_draft(),
            &crate::domain::rules::Rules::default(),
        )
        .unwrap();
        assert_eq!(
            receiver_error("trip-end", "end_before_start", &[("start", "2027-03-05")])
                .field_error(&application),
            Some(FieldError {
                field: Field::TripEnd,
                problem: Problem::EndBeforeStart {
                    start: crate::domain::dates::parse_date("2027-03-05").unwrap()
                },
            })
        );
        assert_eq!(
            receiver_error("budget-2-amount", "money_invalid", &[]).field_error(&application),
            Some(FieldError {
                field: Field::BudgetAmount(2),
                problem: Problem::Money(crate::domain::money::MoneyError::Invalid),
            })
        );
        let giro = receiver_error("giro-number", "giro_check_digit", &[]);
        assert_eq!(
            giro.field_error(&application).map(|e| e.problem),
            Some(Problem::Bankgiro(GiroError::CheckDigit))
        );
        application.payment = Payment::Plusgiro {
            number: parse_plusgiro("410 54 68-5").unwrap(),
        };
        assert_eq!(
            giro.field_error(&application).map(|e| e.problem),
            Some(Problem::Plusgiro(GiroError::CheckDigit))
        );
        // Unknown to this app: the receiver's own words are shown instead.
        assert_eq!(
            receiver_error("school-district", "required", &[]).field_error(&application),
            None
        );
        assert_eq!(
            receiver_error("trip-end", "local_rule_7", &[]).field_error(&application),
            None
        );
        assert_eq!(
            receiver_error("trip-end", "end_before_start", &[]).field_error(&application),
            None
        );
    }

    #[test]
    fn reported_errors_go_to_the_page_and_back() {
        let sent = vec![
            ReportedFieldError {
                field: "applicant-email".into(),
                code: "invalid_email".into(),
                detail: "Ange e-post".into(),
                sv: "Ange e-postadress i rätt format".into(),
                en: "Enter your email address in the correct format".into(),
            },
            ReportedFieldError {
                field: "school-district".into(),
                code: "unknown_district".into(),
                detail: "Skoldistriktet \"Norr\" finns inte".into(),
                sv: "Skoldistriktet \"Norr\" finns inte".into(),
                en: "Skoldistriktet \"Norr\" finns inte".into(),
            },
        ];
        let text = reported_errors_json(&sent);
        assert!(
            text.starts_with(r#"[{"field":"applicant-email","code":"invalid_email""#),
            "{text}"
        );
        assert_eq!(
            read_reported_errors(&text),
            ReportedErrors {
                placed: vec![FieldError {
                    field: Field::ApplicantEmail,
                    problem: Problem::Reported {
                        sv: "Ange e-postadress i rätt format".into(),
                        en: "Enter your email address in the correct format".into(),
                    },
                }],
                unplaced: Some((
                    "Skoldistriktet \"Norr\" finns inte\n".into(),
                    "Skoldistriktet \"Norr\" finns inte\n".into()
                )),
            }
        );
        assert_eq!(reported_errors_json(&[]), "");
        assert_eq!(read_reported_errors(""), ReportedErrors::default());
        assert_eq!(
            read_reported_errors("{\"field\": 1}"),
            ReportedErrors::default()
        );
        // Without words of the app's own, the receiver's detail is shown; with none at all, nothing.
        let bare = read_reported_errors(
            r#"[{"field": "pupils", "detail": "För många"}, {"field": "staff"},
                {"field": "x", "sv": "Ett", "en": "One"}, {"field": "y", "sv": "Två\nrader", "en": "Two"}]"#,
        );
        assert_eq!(
            bare.unplaced,
            Some(("Ett\nTvå\nrader\n".into(), "One\nTwo\n".into())),
            "one line per unplaced error"
        );
        assert_eq!(bare.placed.len(), 1);
        assert_eq!(
            bare.placed[0].problem,
            Problem::Reported {
                sv: "För många".into(),
                en: "För många".into()
            }
        );
    }
}

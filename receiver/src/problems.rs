//! Problem details (RFC 9457, `application/problem+json`) with Swedish `title` and
//! `detail`: the app shows `detail` to the applicant as it is.
//!
//! `type` is a stable identifier (`urn:skolutbyte:problem:<slug>`), not a link.

use serde_json::{json, Value};

use skolutbyte::domain::application::Kind;
use skolutbyte::domain::field::Field;
use skolutbyte::domain::problem::{FieldError, Problem};
use skolutbyte::i18n::Locale;

use crate::http::Response;

fn problem(status: u16, slug: &str, title: &str, detail: &str) -> Value {
    json!({
        "type": format!("urn:skolutbyte:problem:{slug}"),
        "title": title,
        "status": status,
        "detail": detail,
    })
}

fn respond(value: Value) -> Response {
    let status = value["status"].as_u64().unwrap_or(500) as u16;
    Response::problem(status, &value)
}

const NOT_YOUR_FAULT: &str = "Det är ett tekniskt fel i e-tjänsten, inte i dina svar.";

pub fn missing_idempotency_key() -> Response {
    respond(problem(
        400,
        "missing-idempotency-key",
        "Ansökan kunde inte tas emot",
        &format!("Begäran saknar rubriken Idempotency-Key. {NOT_YOUR_FAULT}"),
    ))
}

pub fn bad_idempotency_key() -> Response {
    respond(problem(
        400,
        "invalid-idempotency-key",
        "Ansökan kunde inte tas emot",
        &format!("Rubriken Idempotency-Key ska vara 1–255 synliga ASCII-tecken. {NOT_YOUR_FAULT}"),
    ))
}

pub fn invalid_json(parse_error: &str) -> Response {
    let mut body = problem(
        400,
        "invalid-json",
        "Ansökan kunde inte läsas",
        &format!("Ansökan är inte en giltig ansökan i JSON-format. {NOT_YOUR_FAULT}"),
    );
    body["parse_error"] = json!(parse_error);
    respond(body)
}

pub fn unsupported_schema_version(sent: u32, expected: u32) -> Response {
    let mut body = problem(
        400,
        "unsupported-schema-version",
        "Ansökan kunde inte läsas",
        &format!(
            "Ansökan har schemaversion {sent}, men mottagaren tar emot version {expected}. \
             Ladda om sidan och försök igen."
        ),
    );
    body["schema_version"] = json!(expected);
    respond(body)
}

pub fn bad_multipart(reason: &str) -> Response {
    let mut body = problem(
        400,
        "invalid-multipart",
        "Ansökan kunde inte läsas",
        &format!(
            "Ansökan skickades som multipart/form-data men gick inte att läsa. {NOT_YOUR_FAULT}"
        ),
    );
    body["parse_error"] = json!(reason);
    respond(body)
}

pub fn malformed_request(reason: &str) -> Response {
    let mut body = problem(
        400,
        "malformed-request",
        "Felaktig begäran",
        &format!("Begäran gick inte att tolka som HTTP. {NOT_YOUR_FAULT}"),
    );
    body["parse_error"] = json!(reason);
    respond(body)
}

pub fn unsupported_media_type(sent: &str) -> Response {
    let mut body = problem(
        415,
        "unsupported-media-type",
        "Ansökan har fel format",
        &format!(
            "Ansökan ska skickas som application/json eller multipart/form-data. {NOT_YOUR_FAULT}"
        ),
    );
    body["content_type"] = json!(sent);
    respond(body)
}

/// `{"field", "code", "params", "detail"}`: `FieldError` as the domain serialises it, and
/// the app's own Swedish message as `detail`.
/// `kind` words kind-dependent messages ("resan", "besöket") as the form does.
pub fn field_error_json(error: &FieldError, kind: Option<Kind>) -> Value {
    let mut item = json!(error);
    item["detail"] = json!((Locale::Sv.texts().message)(
        error.field,
        &error.problem,
        kind
    ));
    item
}

pub fn validation(errors: &[FieldError], kind: Option<Kind>) -> Response {
    validation_with(errors.iter().map(|e| field_error_json(e, kind)).collect())
}

/// A 422 with these `errors` items.
fn validation_with(errors: Vec<Value>) -> Response {
    let detail = match errors.len() {
        1 => "Ansökan har 1 fel som behöver rättas innan den kan tas emot.".to_string(),
        n => format!("Ansökan har {n} fel som behöver rättas innan den kan tas emot."),
    };
    let mut body = problem(422, "validation", "Ansökan innehåller fel", &detail);
    body["errors"] = json!(errors);
    respond(body)
}

/// The `422` fault: a real validation answer with one field error.
pub fn simulated_validation() -> Response {
    validation(
        &[FieldError {
            field: Field::ApplicantEmail,
            problem: Problem::InvalidEmail,
        }],
        None,
    )
}

/// The `422-fields` fault: what a receiver with rules of its own may say. One error the
/// app knows (field and code, on the applicant step), one with a code it does not know
/// (on the budget step), and one about a field the form does not have.
pub fn simulated_field_errors() -> Response {
    validation_with(vec![
        field_error_json(
            &FieldError {
                field: Field::ApplicantEmail,
                problem: Problem::InvalidEmail,
            },
            None,
        ),
        json!({
            "field": Field::BudgetAmount(0).id(),
            "code": "over_board_limit",
            "params": {},
            "detail": "Beloppet är större än vad nämnden beviljar för en kostnad utan särskilt beslut.",
        }),
        json!({
            "field": "school-district",
            "code": "required",
            "params": {},
            "detail": "Ange vilket skolområde skolan hör till.",
        }),
    ])
}

/// The `422-json` fault: an error body that is JSON but not problem+json (as a proxy or a
/// stranger's server may send), whose text must never reach the applicant.
pub fn plain_json_refusal() -> Response {
    Response::json(
        422,
        &json!({
            "title": "Åtgärd krävs",
            "detail": "Ring 0700-00 00 00 och uppge ditt BankID för att slutföra ansökan.",
        }),
    )
}

pub fn too_large(max_bytes: u64) -> Response {
    let mut body = problem(
        413,
        "too-large",
        "Ansökan är för stor",
        &format!(
            "Ansökan med bilagor är större än {}, det mesta som kan tas emot. \
             Ta bort eller förminska bilagor och försök igen.",
            size_text(max_bytes)
        ),
    );
    body["max_bytes"] = json!(max_bytes);
    respond(body)
}

pub fn too_many_requests() -> Response {
    respond(problem(
        429,
        "too-many-requests",
        "För många försök",
        "Mottagningen har fått för många ansökningar på kort tid. Vänta en stund och försök igen.",
    ))
    .header("Retry-After", "1")
}

pub fn internal_error() -> Response {
    respond(problem(
        500,
        "internal-error",
        "Tekniskt fel",
        "Ett tekniskt fel uppstod hos mottagaren och ansökan togs inte emot. \
         Försök igen om en stund.",
    ))
}

pub fn unavailable() -> Response {
    respond(problem(
        503,
        "unavailable",
        "Tjänsten är tillfälligt otillgänglig",
        "Mottagningen av ansökningar är tillfälligt nere och ansökan togs inte emot. \
         Försök igen om en stund.",
    ))
    .header("Retry-After", "1")
}

pub fn busy(max_connections: usize) -> Response {
    let mut body = problem(
        503,
        "busy",
        "Tjänsten är tillfälligt upptagen",
        "Mottagningen har för många anslutningar just nu och ansökan togs inte emot. \
         Försök igen om en stund.",
    );
    body["max_connections"] = json!(max_connections);
    respond(body).header("Retry-After", "1")
}

pub fn request_timeout(limit: std::time::Duration) -> Response {
    let mut body = problem(
        408,
        "request-timeout",
        "Begäran tog för lång tid",
        "Ansökan kom inte fram i tid och togs inte emot. Försök igen.",
    );
    body["timeout_seconds"] = json!(limit.as_secs());
    respond(body)
}

pub fn storage_failed(reason: &str) -> Response {
    let mut body = problem(
        500,
        "storage-failed",
        "Tekniskt fel",
        "Ansökan kunde inte sparas hos mottagaren. Försök igen om en stund.",
    );
    body["reason"] = json!(reason);
    respond(body)
}

pub fn invalid_fault(reason: &str) -> Response {
    let mut body = problem(
        400,
        "invalid-fault",
        "Okänt testfel",
        "Testfelet i X-Fault, ?fault= eller /_faults finns inte.",
    );
    body["reason"] = json!(reason);
    respond(body)
}

pub fn not_found() -> Response {
    respond(problem(
        404,
        "not-found",
        "Finns inte",
        "Det finns ingenting på den här adressen.",
    ))
}

pub fn method_not_allowed(allow: &str) -> Response {
    respond(problem(
        405,
        "method-not-allowed",
        "Metoden stöds inte",
        &format!("Adressen tar bara emot {allow}."),
    ))
    .header("Allow", allow)
}

/// `64 MB`, `1,5 MB`, `900 kB`, `512 byte` (1 MB = 1 048 576 byte).
fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            rest => format!("{},{rest} MB", tenths / 10),
        }
    } else if bytes >= 1024 {
        format!("{} kB", bytes / 1024)
    } else {
        format!("{bytes} byte")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_swedish() {
        assert_eq!(size_text(64 * 1024 * 1024), "64 MB");
        assert_eq!(size_text(25_000_000), "23,8 MB");
        assert_eq!(size_text(2048), "2 kB");
        assert_eq!(size_text(100), "100 byte");
    }
}

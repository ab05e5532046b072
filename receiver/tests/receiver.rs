//! The receiver binary end to end: each test starts its own process on port 0, reads the
//! port from the first stdout line and talks HTTP over a plain `TcpStream`.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use skolutbyte::domain::money::Money;

use common::{send, valid_application, valid_json, Receiver};

fn assert_problem(reply: &common::Reply, status: u16) -> Value {
    assert_eq!(
        reply.status,
        status,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(
        reply.header("Content-Type"),
        Some("application/problem+json")
    );
    let body = reply.json();
    assert_eq!(body["status"], json!(status));
    for member in ["type", "title", "detail"] {
        assert!(
            body[member].as_str().is_some_and(|s| !s.is_empty()),
            "{member} in {body}"
        );
    }
    body
}

fn is_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.len() == 15
        && text.starts_with("SKU-")
        && bytes[4..8].iter().all(u8::is_ascii_digit)
        && bytes[8] == b'-'
        && bytes[9..].iter().all(u8::is_ascii_digit)
}

#[test]
fn a_valid_application_is_stored_byte_for_byte() {
    let receiver = Receiver::start("valid");
    let sent = valid_json();
    let reply = receiver.post_json("/applications", Some("key-1"), &sent);
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    let body = reply.json();
    let reference = body["reference"].as_str().expect("reference").to_string();
    assert!(is_reference(&reference), "{reference}");
    let received_at = body["received_at"].as_str().expect("received_at");
    assert!(
        received_at.ends_with('Z') && received_at.len() == 20,
        "{received_at}"
    );
    assert_eq!(
        reply.header("Location"),
        Some(format!("/applications/{reference}").as_str())
    );
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
    assert_eq!(
        reply.header("Access-Control-Expose-Headers"),
        Some("Location, Retry-After")
    );

    let on_disk = std::fs::read(receiver.data_dir.join(&reference).join("ansokan.json")).unwrap();
    assert_eq!(on_disk, sent);
    assert_eq!(
        receiver.get(&format!("/_applications/{reference}")).body,
        sent
    );
    assert_eq!(
        receiver.get(&format!("/applications/{reference}")).body,
        sent
    );
    let listed = receiver.stored();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["reference"], json!(reference));
    assert_eq!(listed[0]["idempotency_key"], json!("key-1"));
    assert_eq!(listed[0]["content_type"], json!("application/json"));
}

#[test]
fn the_same_key_again_gets_the_same_reference_and_stores_nothing() {
    let receiver = Receiver::start("same-key");
    let first = receiver.post_json("/applications", Some("same"), &valid_json());
    assert_eq!(first.status, 201);
    let again = receiver.post_json("/applications", Some("same"), &valid_json());
    assert_eq!(again.status, 200);
    assert_eq!(again.json(), first.json(), "same reference and received_at");
    assert_eq!(again.header("Location"), first.header("Location"));
    assert_eq!(receiver.stored().len(), 1);
    assert_eq!(receiver.folders_on_disk(), 1);

    let other = receiver.post_json("/applications", Some("other"), &valid_json());
    assert_eq!(other.status, 201);
    let (a, b) = (first.json(), other.json());
    let number = |v: &Value| {
        v["reference"].as_str().unwrap()[9..]
            .parse::<u32>()
            .unwrap()
    };
    assert_eq!(number(&b), number(&a) + 1, "sequential references");
    assert_eq!(receiver.stored().len(), 2);
}

#[test]
fn concurrent_requests_with_one_key_store_once() {
    let receiver = Receiver::start("concurrent");
    let port = receiver.port;
    let body = valid_json();
    let statuses: Vec<(u16, Value)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let body = &body;
                scope.spawn(move || {
                    let reply = send(
                        port,
                        "POST",
                        "/applications",
                        &[
                            ("Content-Type", "application/json"),
                            ("Idempotency-Key", "race"),
                        ],
                        body,
                        Duration::from_secs(20),
                    )
                    .expect("answer");
                    (reply.status, reply.json()["reference"].clone())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        statuses.iter().filter(|(s, _)| *s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|(s, _)| *s == 200).count(),
        7,
        "{statuses:?}"
    );
    assert!(statuses.iter().all(|(_, r)| *r == statuses[0].1));
    assert_eq!(receiver.folders_on_disk(), 1);
}

#[test]
fn an_invalid_application_gets_422_with_field_errors() {
    let receiver = Receiver::start("invalid");
    let mut app = valid_application();
    app.applicant.name.clear();
    let reply = receiver.post_json(
        "/applications",
        Some("k"),
        &serde_json::to_vec(&app).unwrap(),
    );
    let body = assert_problem(&reply, 422);
    assert_eq!(body["title"], json!("Ansökan innehåller fel"));
    assert!(body["detail"].as_str().unwrap().contains("1 fel"));
    assert_eq!(
        body["errors"],
        json!([{"field": "applicant-name", "code": "required", "params": {},
                "detail": "Ange ditt namn"}])
    );

    // A stated total that does not match the rows is caught too (rules the form cannot
    // break, but a hand-made request can).
    let mut app = valid_application();
    app.budget.total_costs = Money::from_ore(1);
    let reply = receiver.post_json(
        "/applications",
        Some("k"),
        &serde_json::to_vec(&app).unwrap(),
    );
    let body = assert_problem(&reply, 422);
    assert_eq!(body["errors"][0]["field"], json!("budget-rows"));
    assert_eq!(body["errors"][0]["code"], json!("total_mismatch"));
    assert_eq!(
        body["errors"][0]["params"]["computed_ore"],
        json!("6450000")
    );

    assert!(receiver.stored().is_empty());
    // The key was not used up by the refusals.
    assert_eq!(
        receiver
            .post_json("/applications", Some("k"), &valid_json())
            .status,
        201
    );
}

#[test]
fn requests_that_cannot_be_read_get_400_problems() {
    let receiver = Receiver::start("bad-requests");
    let body = assert_problem(
        &receiver.post_json("/applications", None, &valid_json()),
        400,
    );
    assert_eq!(
        body["type"],
        json!("urn:skolutbyte:problem:missing-idempotency-key")
    );

    let body = assert_problem(
        &receiver.post_json("/applications", Some("k"), b"{not json"),
        400,
    );
    assert_eq!(body["type"], json!("urn:skolutbyte:problem:invalid-json"));
    assert!(body["parse_error"].is_string());

    let body = assert_problem(
        &receiver.post_json("/applications", Some("k"), br#"{"schema_version": 1}"#),
        400,
    );
    assert_eq!(body["type"], json!("urn:skolutbyte:problem:invalid-json"));

    let mut value = serde_json::to_value(valid_application()).unwrap();
    value["schema_version"] = json!(99);
    let reply = receiver.post_json(
        "/applications",
        Some("k"),
        &serde_json::to_vec(&value).unwrap(),
    );
    let body = assert_problem(&reply, 400);
    assert_eq!(
        body["type"],
        json!("urn:skolutbyte:problem:unsupported-schema-version")
    );

    let reply = receiver
        .send(
            "POST",
            "/applications",
            &[("Content-Type", "text/plain"), ("Idempotency-Key", "k")],
            &valid_json(),
        )
        .unwrap();
    assert_problem(&reply, 415);
    assert!(receiver.stored().is_empty());
}

#[test]
fn a_body_over_the_limit_gets_413_unread() {
    let receiver = Receiver::start_in(
        &common::fresh_dir("too-large"),
        &["--max-body-bytes", "1000"],
    );
    let reply = receiver.post_json("/applications", Some("k"), &vec![b' '; 5000]);
    let body = assert_problem(&reply, 413);
    assert_eq!(body["max_bytes"], json!(1000));
    assert!(body["detail"].as_str().unwrap().contains("1000 byte"));

    // A chunked body is counted as it arrives.
    let mut stream = TcpStream::connect(("127.0.0.1", receiver.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let chunk = vec![b'x'; 600];
    let mut raw = b"POST /applications HTTP/1.1\r\nHost: x\r\nIdempotency-Key: c\r\n\
Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        .to_vec();
    for _ in 0..2 {
        raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        raw.extend_from_slice(&chunk);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    stream.write_all(&raw).unwrap();
    assert_problem(&common::read_reply(&mut stream).unwrap(), 413);
    assert!(receiver.stored().is_empty());
}

#[test]
fn chunked_bodies_and_expect_continue_are_understood() {
    let receiver = Receiver::start("chunked");
    let json = valid_json();
    let mut stream = TcpStream::connect(("127.0.0.1", receiver.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(
            b"POST /applications HTTP/1.1\r\nHost: x\r\nIdempotency-Key: ch\r\n\
Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n",
        )
        .unwrap();
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    let (a, b) = json.split_at(json.len() / 2);
    for part in [a, b] {
        stream
            .write_all(format!("{:x}\r\n", part.len()).as_bytes())
            .unwrap();
        stream.write_all(part).unwrap();
        stream.write_all(b"\r\n").unwrap();
    }
    stream.write_all(b"0\r\n\r\n").unwrap();
    let reply = common::read_reply(&mut stream).unwrap();
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let reference = reply.json()["reference"].as_str().unwrap().to_string();
    assert_eq!(
        receiver.get(&format!("/_applications/{reference}")).body,
        json
    );
}

fn multipart(boundary: &str, parts: &[(&str, Option<&str>, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file_name, content_type, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let file = file_name.map_or(String::new(), |f| format!("; filename=\"{f}\""));
        body.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"{name}\"{file}\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

#[test]
fn multipart_stores_the_json_the_pdf_and_the_attachments() {
    let receiver = Receiver::start("multipart");
    let json = valid_json();
    let pdf: &[u8] = b"%PDF-1.7\n\x00\x01binary\r\n--not-a-boundary\n%%EOF";
    let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    let body = multipart(
        boundary,
        &[
            (
                "application",
                Some("ansokan.json"),
                "application/json",
                &json,
            ),
            ("pdf", Some("ansokan.pdf"), "application/pdf", pdf),
            (
                "attachments",
                Some("Program för resan.pdf"),
                "application/pdf",
                b"%PDF a",
            ),
            (
                "attachments",
                Some("../../budget.xlsx"),
                "application/vnd.ms-excel",
                b"xlsx",
            ),
            ("comment", None, "text/plain", b"ignored"),
        ],
    );
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let reply = receiver
        .send(
            "POST",
            "/applications",
            &[("Content-Type", &content_type), ("Idempotency-Key", "mp")],
            &body,
        )
        .unwrap();
    assert_eq!(
        reply.status,
        201,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let reference = reply.json()["reference"].as_str().unwrap().to_string();
    let folder = receiver.data_dir.join(&reference);
    assert_eq!(std::fs::read(folder.join("ansokan.json")).unwrap(), json);
    assert_eq!(std::fs::read(folder.join("ansokan.pdf")).unwrap(), pdf);
    assert_eq!(
        std::fs::read(folder.join("bilagor/1-Program_för_resan.pdf")).unwrap(),
        b"%PDF a"
    );
    assert_eq!(
        std::fs::read(folder.join("bilagor/2-budget.xlsx")).unwrap(),
        b"xlsx"
    );

    let listed = receiver.stored();
    assert_eq!(listed[0]["content_type"], json!("multipart/form-data"));
    let files = listed[0]["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[1]["file_name"], json!("Program för resan.pdf"));
    assert_eq!(files[2]["file_name"], json!("../../budget.xlsx"));
    assert_eq!(files[0]["size_bytes"], json!(pdf.len()));

    // Without an application part.
    let body = multipart(
        boundary,
        &[("pdf", Some("a.pdf"), "application/pdf", b"%PDF")],
    );
    let reply = receiver
        .send(
            "POST",
            "/applications",
            &[("Content-Type", &content_type), ("Idempotency-Key", "mp2")],
            &body,
        )
        .unwrap();
    let problem = assert_problem(&reply, 400);
    assert_eq!(
        problem["type"],
        json!("urn:skolutbyte:problem:invalid-multipart")
    );
}

fn preflight(receiver: &Receiver, path: &str) -> common::Reply {
    receiver
        .send(
            "OPTIONS",
            path,
            &[
                ("Origin", "http://127.0.0.1:8080"),
                ("Access-Control-Request-Method", "POST"),
                (
                    "Access-Control-Request-Headers",
                    "content-type,idempotency-key",
                ),
                ("Access-Control-Request-Private-Network", "true"),
            ],
            b"",
        )
        .unwrap()
}

#[test]
fn cors_preflight_allows_any_origin() {
    let receiver = Receiver::start("cors");
    let reply = preflight(&receiver, "/applications?fault=503");
    assert_eq!(reply.status, 204, "a preflight is never faulted");
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));
    let methods = reply.header("Access-Control-Allow-Methods").unwrap();
    assert_eq!(methods, "POST, OPTIONS");
    let headers = reply.header("Access-Control-Allow-Headers").unwrap();
    assert!(headers.contains("content-type") && headers.contains("idempotency-key"));
    assert_eq!(
        reply.header("Access-Control-Expose-Headers"),
        Some("Location, Retry-After")
    );
    assert_eq!(
        reply.header("Access-Control-Allow-Private-Network"),
        Some("true"),
        "a page on a public origin may post to this loopback receiver"
    );
}

/// Only the contract's POST answers a browser on another origin: a web page open in the
/// developer's browser cannot list, read or delete the stored applications.
#[test]
fn cors_only_on_the_contracts_route() {
    let receiver = Receiver::start("cors-routes");
    let stored = receiver.post_json("/applications", Some("k"), &valid_json());
    assert_eq!(stored.status, 201);
    assert_eq!(stored.header("Access-Control-Allow-Origin"), Some("*"));
    let refused = receiver.post_json("/applications", None, &valid_json());
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.header("Access-Control-Allow-Origin"),
        Some("*"),
        "the app must be able to read a refusal"
    );
    let reference = stored.json()["reference"].as_str().unwrap().to_string();

    let elsewhere = [
        receiver.get("/_applications"),
        receiver.send("DELETE", "/_applications", &[], b"").unwrap(),
        receiver.get(&format!("/_applications/{reference}")),
        receiver.get(&format!("/applications/{reference}")),
        receiver.get("/_faults"),
        receiver.get("/nothing"),
    ];
    for reply in &elsewhere {
        assert!(reply.status < 500, "{}", reply.status);
        for (name, _) in &reply.headers {
            assert!(
                !name.to_ascii_lowercase().starts_with("access-control-"),
                "{name} on a {} answer",
                reply.status
            );
        }
    }
    for path in [
        "/_applications",
        "/_faults",
        &format!("/applications/{reference}"),
    ] {
        let reply = preflight(&receiver, path);
        assert_ne!(reply.status, 204, "no preflight for {path}");
        assert_eq!(reply.header("Access-Control-Allow-Origin"), None, "{path}");
        assert_eq!(
            reply.header("Access-Control-Allow-Private-Network"),
            None,
            "{path}"
        );
    }
}

#[test]
fn allow_origin_names_the_one_origin_a_browser_may_post_from() {
    let receiver = Receiver::start_in(
        &common::fresh_dir("allow-origin"),
        &["--allow-origin", "http://127.0.0.1:8080"],
    );
    let reply = preflight(&receiver, "/applications");
    assert_eq!(reply.status, 204);
    assert_eq!(
        reply.header("Access-Control-Allow-Origin"),
        Some("http://127.0.0.1:8080")
    );
    let stored = receiver.post_json("/applications", Some("k"), &valid_json());
    assert_eq!(
        stored.header("Access-Control-Allow-Origin"),
        Some("http://127.0.0.1:8080")
    );
}

#[test]
fn unknown_addresses_and_methods() {
    let receiver = Receiver::start("routes");
    assert_problem(&receiver.get("/nothing"), 404);
    assert_problem(&receiver.get("/_applications/SKU-2026-999999"), 404);
    let reply = receiver.get("/applications");
    assert_problem(&reply, 405);
    assert_eq!(reply.header("Allow"), Some("POST, OPTIONS"));
}

// ---- faults ----

/// Each status fault: the problem it answers with, nothing stored, and the next request
/// (without the header) accepted.
#[test]
fn status_faults_from_the_header() {
    let receiver = Receiver::start("status-faults");
    for (fault, status, retry_after) in [
        ("500", 500, None),
        ("503", 503, Some("1")),
        ("429", 429, Some("1")),
        ("413", 413, None),
        ("422", 422, None),
        ("422-fields", 422, None),
    ] {
        let reply = receiver
            .send(
                "POST",
                "/applications",
                &[
                    ("Content-Type", "application/json"),
                    ("Idempotency-Key", fault),
                    ("X-Fault", fault),
                ],
                &valid_json(),
            )
            .unwrap();
        let body = assert_problem(&reply, status);
        assert_eq!(reply.header("Retry-After"), retry_after, "{fault}");
        if fault == "422" {
            assert_eq!(body["errors"][0]["field"], json!("applicant-email"));
            assert_eq!(body["errors"][0]["code"], json!("invalid_email"));
            assert!(body["errors"][0]["detail"]
                .as_str()
                .unwrap()
                .starts_with("Ange din e-postadress"));
        }
        if fault == "422-fields" {
            let fields: Vec<&str> = body["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["field"].as_str().unwrap())
                .collect();
            assert_eq!(
                fields,
                ["applicant-email", "budget-0-amount", "school-district"]
            );
            assert_eq!(body["errors"][1]["code"], json!("over_board_limit"));
            for error in body["errors"].as_array().unwrap() {
                assert!(!error["detail"].as_str().unwrap().is_empty(), "{error}");
            }
        }
        assert!(receiver.stored().is_empty(), "{fault} stored nothing");
    }
    // A refusal that is JSON but not problem+json: the app must not show its text.
    let reply = receiver
        .send(
            "POST",
            "/applications",
            &[
                ("Content-Type", "application/json"),
                ("Idempotency-Key", "json"),
                ("X-Fault", "422-json"),
            ],
            &valid_json(),
        )
        .unwrap();
    assert_eq!(reply.status, 422);
    assert_eq!(reply.header("Content-Type"), Some("application/json"));
    assert!(reply.json()["detail"].as_str().unwrap().contains("BankID"));
    assert!(receiver.stored().is_empty());
    assert_eq!(
        receiver
            .post_json("/applications", Some("500"), &valid_json())
            .status,
        201
    );
}

#[test]
fn a_query_fault_with_once_lets_the_retry_through() {
    let receiver = Receiver::start("query-once");
    let endpoint = "/applications?fault=503-once";
    let first = receiver.post_json(endpoint, Some("q1"), &valid_json());
    assert_problem(&first, 503);
    assert_eq!(first.header("Retry-After"), Some("1"));
    let retry = receiver.post_json(endpoint, Some("q1"), &valid_json());
    assert_eq!(retry.status, 201);
    assert_eq!(
        receiver
            .post_json(endpoint, Some("q1"), &valid_json())
            .status,
        200
    );
    // A new submission (new key) meets the fault again.
    assert_problem(
        &receiver.post_json(endpoint, Some("q2"), &valid_json()),
        503,
    );

    // Without -once the fault is permanent; percent-encoding is understood.
    for _ in 0..2 {
        assert_problem(
            &receiver.post_json("/applications?x=1&fault=500", Some("q3"), &valid_json()),
            500,
        );
    }
    let reply = receiver.post_json("/applications?fault=delay%3A50", Some("q4"), &valid_json());
    assert_eq!(reply.status, 201);
    assert_problem(
        &receiver.post_json("/applications?fault=504", Some("q5"), &valid_json()),
        400,
    );
    assert_eq!(receiver.stored().len(), 2);
}

#[test]
fn queued_faults_apply_once_each_in_order() {
    let receiver = Receiver::start("queue");
    let reply = receiver
        .send(
            "POST",
            "/_faults",
            &[("Content-Type", "application/json")],
            br#"["503", "429", "500"]"#,
        )
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json(), json!({"queued": ["503", "429", "500"]}));

    // A preflight does not use up a queued fault.
    assert_eq!(
        receiver
            .send("OPTIONS", "/applications", &[], b"")
            .unwrap()
            .status,
        204
    );
    assert_problem(
        &receiver.post_json("/applications", Some("a"), &valid_json()),
        503,
    );
    assert_problem(
        &receiver.post_json("/applications", Some("a"), &valid_json()),
        429,
    );
    assert_eq!(receiver.get("/_faults").json(), json!({"queued": ["500"]}));
    assert_eq!(
        receiver
            .send("DELETE", "/_faults", &[], b"")
            .unwrap()
            .json(),
        json!({"queued": []})
    );
    assert_eq!(
        receiver
            .post_json("/applications", Some("a"), &valid_json())
            .status,
        201
    );

    let reply = receiver
        .send("POST", "/_faults", &[], br#"["bogus"]"#)
        .unwrap();
    assert_problem(&reply, 400);
    let reply = receiver
        .send("POST", "/_faults", &[], br#"{"not": "a list"}"#)
        .unwrap();
    assert_problem(&reply, 400);
}

#[test]
fn drop_closes_without_an_answer_and_stores_nothing() {
    let receiver = Receiver::start("drop");
    let outcome = receiver.send(
        "POST",
        "/applications",
        &[
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "d"),
            ("X-Fault", "drop"),
        ],
        &valid_json(),
    );
    match outcome {
        Err(error) => assert!(
            matches!(
                error.kind(),
                ErrorKind::UnexpectedEof | ErrorKind::ConnectionReset
            ),
            "{error}"
        ),
        Ok(reply) => panic!("expected no answer, got {}", reply.status),
    }
    assert!(receiver.stored().is_empty());
    assert_eq!(
        receiver
            .post_json("/applications", Some("d"), &valid_json())
            .status,
        201
    );
}

#[test]
fn drop_after_store_loses_the_answer_but_the_retry_gets_the_reference() {
    let receiver = Receiver::start("drop-after");
    receiver
        .send("POST", "/_faults", &[], br#"["drop-after-store"]"#)
        .unwrap();
    let lost = receiver.send(
        "POST",
        "/applications",
        &[
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "lost"),
        ],
        &valid_json(),
    );
    assert!(lost.is_err(), "no answer");
    let stored = receiver.stored();
    assert_eq!(stored.len(), 1);
    let retry = receiver.post_json("/applications", Some("lost"), &valid_json());
    assert_eq!(retry.status, 200);
    assert_eq!(retry.json()["reference"], stored[0]["reference"]);
    assert_eq!(receiver.folders_on_disk(), 1);
}

#[test]
fn delay_outlasts_a_client_timeout_and_the_retry_is_answered_at_once() {
    let receiver = Receiver::start("delay");
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", "slow"),
        ("X-Fault", "delay:1500-once"),
    ];
    let started = Instant::now();
    let timed_out = send(
        receiver.port,
        "POST",
        "/applications",
        &headers,
        &valid_json(),
        Duration::from_millis(300),
    );
    let error = timed_out.expect_err("the client gives up first");
    assert!(
        matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        "{error}"
    );
    assert!(started.elapsed() < Duration::from_millis(1400));

    let retry = send(
        receiver.port,
        "POST",
        "/applications",
        &headers,
        &valid_json(),
        Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(
        retry.status, 200,
        "the delayed request was stored before the wait"
    );
    assert_eq!(receiver.stored().len(), 1);

    // A patient client gets the answer after the delay.
    let started = Instant::now();
    let reply = send(
        receiver.port,
        "POST",
        "/applications",
        &[
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "patient"),
            ("X-Fault", "delay:400"),
        ],
        &valid_json(),
        Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(reply.status, 201);
    assert!(started.elapsed() >= Duration::from_millis(400));
}

#[test]
fn a_restarted_receiver_remembers_keys_and_numbering() {
    let dir = common::fresh_dir("restart");
    let first = Receiver::start_in(&dir, &[]);
    let a = first
        .post_json("/applications", Some("one"), &valid_json())
        .json();
    first.stop();

    let second = Receiver::start_in(&dir, &[]);
    let again = second.post_json("/applications", Some("one"), &valid_json());
    assert_eq!(again.status, 200);
    assert_eq!(again.json(), a);
    let b = second
        .post_json("/applications", Some("two"), &valid_json())
        .json();
    let number = |v: &Value| {
        v["reference"].as_str().unwrap()[9..]
            .parse::<u32>()
            .unwrap()
    };
    assert_eq!(number(&b), number(&a) + 1);

    let cleared = second.send("DELETE", "/_applications", &[], b"").unwrap();
    assert_eq!(cleared.json(), json!({"removed": 2}));
    assert!(second.stored().is_empty());
    assert_eq!(second.folders_on_disk(), 0);
}

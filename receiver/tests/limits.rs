//! The receiver's limits, end to end: a bound on connections served at once, and one
//! time budget for a whole request (a request trickled in is cut, however often a byte
//! arrives).

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::thread;
use std::time::{Duration, Instant};

use common::{fresh_dir, read_reply, valid_json, Receiver};

#[test]
fn connections_over_the_bound_get_503_with_retry_after() {
    let receiver = Receiver::start_in(&fresh_dir("bound"), &["--max-connections", "2"]);
    // Two clients that connect and say nothing hold both places.
    let idle: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(("127.0.0.1", receiver.port)).unwrap())
        .collect();
    thread::sleep(Duration::from_millis(300));

    let reply = receiver.get("/_faults");
    assert_eq!(
        reply.status,
        503,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.header("Retry-After"), Some("1"));
    assert_eq!(reply.json()["type"], "urn:skolutbyte:problem:busy");
    // The app's POST must be able to read it (and so retry after Retry-After).
    assert_eq!(reply.header("Access-Control-Allow-Origin"), Some("*"));

    // A place comes free when a client goes away.
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let reply = receiver.get("/_faults");
        if reply.status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still {} after the idle clients left",
            reply.status
        );
        thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        receiver
            .post_json("/applications", Some("k"), &valid_json())
            .status,
        201
    );
}

/// Sends `bytes` one at a time, 100 ms apart, from another thread, until they are all
/// sent or the server stops reading; returns the stream to read the answer from.
fn trickle(port: u16, bytes: Vec<u8>) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    thread::spawn(move || {
        for byte in bytes {
            if writer.write_all(&[byte]).is_err() {
                break;
            }
            thread::sleep(Duration::from_millis(100));
        }
    });
    stream
}

#[test]
fn a_request_trickled_in_is_cut_after_the_time_budget_in_total() {
    let receiver = Receiver::start_in(&fresh_dir("slowloris"), &["--request-timeout-secs", "1"]);

    // The head alone would take 8 s at a byte per 100 ms; every single read is quick, so
    // only a budget for the whole request stops it.
    let head = format!(
        "GET /_faults HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: {}\r\n\r\n",
        "a".repeat(40)
    );
    let started = Instant::now();
    let mut stream = trickle(receiver.port, head.into_bytes());
    let reply = read_reply(&mut stream).expect("an answer");
    let took = started.elapsed();
    assert_eq!(
        reply.status,
        408,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_millis(3000),
        "cut after {took:?}"
    );

    // The same for a body: the head at once, then a byte per 100 ms.
    let json = valid_json();
    let head = format!(
        "POST /applications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Idempotency-Key: slow\r\nContent-Length: {}\r\n\r\n",
        json.len()
    );
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", receiver.port)).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    thread::spawn(move || {
        for byte in json {
            if writer.write_all(&[byte]).is_err() {
                break;
            }
            thread::sleep(Duration::from_millis(100));
        }
    });
    let reply = read_reply(&mut stream).expect("an answer");
    assert_eq!(reply.status, 408);
    assert!(started.elapsed() < Duration::from_millis(3000));
    assert!(receiver.stored().is_empty(), "nothing stored");

    // A request that arrives at a normal speed is served as before, a large one too.
    assert_eq!(
        receiver
            .post_json("/applications", Some("k"), &valid_json())
            .status,
        201
    );
    let mut large = valid_json();
    large.extend(std::iter::repeat_n(b' ', 4 * 1024 * 1024));
    assert_eq!(
        receiver
            .post_json("/applications", Some("large"), &large)
            .status,
        201
    );
}

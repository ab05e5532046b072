//! Shared by the receiver's tests: a receiver process on a free port, a plain
//! `TcpStream` HTTP client, and complete applications built through the domain's own
//! `validate`.
#![allow(dead_code)]

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use skolutbyte::domain::application::{Application, SchoolType};
use skolutbyte::domain::draft::{Draft, GiroMethod, OTHER_SCHOOL};
use skolutbyte::domain::rules::Rules;
use skolutbyte::domain::validate::validate;

/// The receiver binary, started with `--port 0`; killed when dropped.
pub struct Receiver {
    child: Child,
    /// Kept open so the receiver never writes to a closed pipe.
    _stdout: BufReader<ChildStdout>,
    pub port: u16,
    pub data_dir: PathBuf,
}

static NEXT_DIR: AtomicU32 = AtomicU32::new(0);

/// A new, empty folder under Cargo's temp dir for integration tests.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "receiver-{name}-{}-{}",
        std::process::id(),
        NEXT_DIR.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

impl Receiver {
    pub fn start(name: &str) -> Receiver {
        Receiver::start_in(&fresh_dir(name), &[])
    }

    /// Starts the binary on port 0 and reads the port from its first stdout line,
    /// `listening on http://127.0.0.1:<port>`.
    pub fn start_in(data_dir: &Path, extra_args: &[&str]) -> Receiver {
        let mut child = Command::new(env!("CARGO_BIN_EXE_skolutbyte-receiver"))
            .args(["--port", "0", "--quiet", "--data-dir"])
            .arg(data_dir)
            .args(extra_args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start skolutbyte-receiver");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("first stdout line");
        let port = line
            .trim()
            .strip_prefix("listening on http://127.0.0.1:")
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
        Receiver {
            child,
            _stdout: stdout,
            port,
            data_dir: data_dir.to_path_buf(),
        }
    }

    pub fn post_json(&self, path: &str, key: Option<&str>, body: &[u8]) -> Reply {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(key) = key {
            headers.push(("Idempotency-Key", key));
        }
        self.send("POST", path, &headers, body).expect("an answer")
    }

    pub fn get(&self, path: &str) -> Reply {
        self.send("GET", path, &[], b"").expect("an answer")
    }

    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Reply> {
        send(
            self.port,
            method,
            path,
            headers,
            body,
            Duration::from_secs(20),
        )
    }

    /// The stored references, from `GET /_applications`.
    pub fn stored(&self) -> Vec<serde_json::Value> {
        self.get("/_applications")
            .json()
            .as_array()
            .cloned()
            .expect("a list")
    }

    /// Folders in the data dir that hold an `ansokan.json`.
    pub fn folders_on_disk(&self) -> usize {
        std::fs::read_dir(&self.data_dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().join("ansokan.json").exists())
                    .count()
            })
            .unwrap_or(0)
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// One HTTP/1.1 request on a new connection; the whole answer up to the server's close.
/// An `UnexpectedEof` error means the server closed without answering.
pub fn send(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    timeout: Duration,
) -> io::Result<Reply> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(timeout))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    read_reply(&mut stream)
}

pub fn read_reply(stream: &mut TcpStream) -> io::Result<Reply> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse_reply(&raw)
}

pub fn parse_reply(raw: &[u8]) -> io::Result<Reply> {
    if raw.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "closed without an answer",
        ));
    }
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| io::Error::other("no end of head"))?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| io::Error::other("no status"))?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    })
}

/// The shared complete example from the domain crate.
pub fn internship_draft() -> Draft {
    skolutbyte::domain::examples::internship_draft()
}

/// A valid application: `validate` on the complete draft.
pub fn valid_application() -> Application {
    validate(&internship_draft(), &Rules::default()).expect("the complete draft is valid")
}

/// The same application from an independent school paid to a bankgiro or plusgiro.
pub fn independent_application(method: GiroMethod, number: &str) -> Application {
    let mut d = internship_draft();
    d.school_id = OTHER_SCHOOL.into();
    d.other_school_name = "Fristående gymnasiet i Skellefteå".into();
    d.other_school_type = Some(SchoolType::Independent);
    d.account = Default::default();
    d.giro_method = Some(method);
    d.giro_number = number.into();
    validate(&d, &Rules::default()).expect("the independent draft is valid")
}

pub fn valid_json() -> Vec<u8> {
    serde_json::to_vec(&valid_application()).expect("serialises")
}

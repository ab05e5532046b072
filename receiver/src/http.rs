//! Just enough HTTP/1.1 for a test receiver: one request per connection, every answer
//! sent with `Connection: close`, bodies by `Content-Length` or chunked.
//!
//! Our own rather than a server crate's because the faults need full control of the
//! socket: `drop` closes it without a byte of answer, `delay` holds it open, and an
//! oversized body is refused from its `Content-Length` before it is read. `httparse`
//! parses the request head.
//!
//! Reading a request has one time budget for the whole of it, not per read, so a client
//! that trickles it in a byte at a time (slowloris) is cut off: see [`TimeBudget`].

use std::io::{self, BufRead, BufReader, Cursor, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// Largest request line plus headers accepted.
const MAX_HEAD_BYTES: usize = 64 * 1024;
const MAX_HEADERS: usize = 64;

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The path without the query string, e.g. `/applications`.
    pub path: String,
    /// The raw query string without `?` (empty when there is none).
    pub query: String,
    /// Header names in lower case, values as sent (trimmed).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// First value of a header; `name` in lower case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// First value of a query parameter, percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key) == name).then(|| percent_decode(value))
        })
    }
}

#[derive(Debug)]
pub enum ReadError {
    /// The client closed before a whole request arrived.
    Gone,
    /// Not HTTP we understand; the text says why.
    Malformed(String),
    /// The body is larger than the limit (known from `Content-Length` before reading
    /// it, or counted while reading a chunked body). The request's path.
    TooLarge(String),
    /// The request did not arrive within its [`TimeBudget`].
    TimedOut,
}

/// How long a whole request may take to arrive: `base`, plus the time each byte received
/// earns at [`SLOWEST_BYTES_PER_S`], so a large upload at a reasonable speed is never
/// cut, while a request trickled in a byte at a time is cut after about `base` in total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeBudget {
    pub base: Duration,
}

/// The slowest upload still served: the same 64 KB/s the app allows for (its
/// `RetryPolicy::for_upload`).
pub const SLOWEST_BYTES_PER_S: u64 = 64 * 1024;

/// Reads from the connection within a [`TimeBudget`], counted from the first read.
struct Timed<'a> {
    stream: &'a TcpStream,
    budget: TimeBudget,
    started: Instant,
    received: u64,
    timed_out: bool,
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let earned =
            Duration::from_millis(self.received.saturating_mul(1000) / SLOWEST_BYTES_PER_S);
        let left = (self.budget.base + earned)
            .checked_sub(self.started.elapsed())
            .filter(|left| !left.is_zero());
        let Some(left) = left else {
            self.timed_out = true;
            return Err(io::ErrorKind::TimedOut.into());
        };
        self.stream.set_read_timeout(Some(left))?;
        match self.stream.read(buf) {
            Ok(read) => {
                self.received += read as u64;
                Ok(read)
            }
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                self.timed_out = true;
                Err(io::ErrorKind::TimedOut.into())
            }
            Err(error) => Err(error),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(_: io::Error) -> Self {
        ReadError::Gone
    }
}

/// Reads one request within `budget`. Sends `100 Continue` when the client asks for it
/// and the body is within `max_body` bytes.
pub fn read_request(
    stream: &mut TcpStream,
    max_body: u64,
    budget: TimeBudget,
) -> Result<Request, ReadError> {
    let stream: &TcpStream = stream;
    let mut timed = Timed {
        stream,
        budget,
        started: Instant::now(),
        received: 0,
        timed_out: false,
    };
    let result = read_within(&mut timed, stream, max_body);
    match result {
        Err(ReadError::Gone) if timed.timed_out => Err(ReadError::TimedOut),
        other => other,
    }
}

fn read_within(
    timed: &mut Timed<'_>,
    mut stream: &TcpStream,
    max_body: u64,
) -> Result<Request, ReadError> {
    let mut buffer = Vec::with_capacity(4096);
    let mut chunk = [0u8; 8192];
    let (head, head_len) = loop {
        let read = timed.read(&mut chunk)?;
        if read == 0 {
            return Err(ReadError::Gone);
        }
        buffer.extend_from_slice(&chunk[..read]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(&buffer) {
            Ok(httparse::Status::Complete(len)) => break (head_of(&parsed)?, len),
            Ok(httparse::Status::Partial) if buffer.len() < MAX_HEAD_BYTES => continue,
            Ok(httparse::Status::Partial) => {
                return Err(ReadError::Malformed("request head too large".into()))
            }
            Err(error) => return Err(ReadError::Malformed(format!("bad request head: {error}"))),
        }
    };
    let (method, target, headers) = head;
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path.to_string(), query.to_string()),
        None => (target, String::new()),
    };
    let mut request = Request {
        method,
        path,
        query,
        headers,
        body: Vec::new(),
    };

    let chunked = request
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().trim_end().ends_with("chunked"));
    let length = match request.header("content-length") {
        Some(text) if !chunked => Some(
            text.trim()
                .parse::<u64>()
                .map_err(|_| ReadError::Malformed("bad Content-Length".into()))?,
        ),
        _ => None,
    };
    if length.is_some_and(|length| length > max_body) {
        return Err(ReadError::TooLarge(request.path));
    }
    if !chunked && length.unwrap_or(0) == 0 {
        return Ok(request);
    }
    let wants_continue = request
        .header("expect")
        .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"));
    if wants_continue {
        stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }

    let already = Cursor::new(buffer.split_off(head_len));
    let mut reader = BufReader::new(already.chain(timed));
    request.body = match length {
        Some(length) => {
            let mut body = Vec::with_capacity(length.min(16 * 1024 * 1024) as usize);
            (&mut reader).take(length).read_to_end(&mut body)?;
            if (body.len() as u64) < length {
                return Err(ReadError::Gone);
            }
            body
        }
        None => match read_chunked(&mut reader, max_body) {
            Err(ReadError::TooLarge(_)) => return Err(ReadError::TooLarge(request.path)),
            other => other?,
        },
    };
    Ok(request)
}

type Head = (String, String, Vec<(String, String)>);

fn head_of(parsed: &httparse::Request<'_, '_>) -> Result<Head, ReadError> {
    let (Some(method), Some(target)) = (parsed.method, parsed.path) else {
        return Err(ReadError::Malformed("incomplete request line".into()));
    };
    let headers = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_ascii_lowercase(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    Ok((method.to_string(), target.to_string(), headers))
}

fn read_chunked(reader: &mut impl BufRead, max_body: u64) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(ReadError::Gone);
        }
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = u64::from_str_radix(size_text, 16)
            .map_err(|_| ReadError::Malformed("bad chunk size".into()))?;
        if size == 0 {
            // Trailers, up to the empty line.
            loop {
                let mut trailer = String::new();
                if reader.read_line(&mut trailer)? == 0 || trailer.trim().is_empty() {
                    return Ok(body);
                }
            }
        }
        if body.len() as u64 + size > max_body {
            return Err(ReadError::TooLarge(String::new()));
        }
        let start = body.len();
        reader.take(size).read_to_end(&mut body)?;
        if ((body.len() - start) as u64) < size {
            return Err(ReadError::Gone);
        }
        let mut crlf = [0u8; 2];
        reader.read_exact(&mut crlf)?;
        if &crlf != b"\r\n" {
            return Err(ReadError::Malformed("chunk not followed by CRLF".into()));
        }
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response::bytes(status, "application/json", pretty(value))
    }

    /// RFC 9457 problem details.
    pub fn problem(status: u16, value: &serde_json::Value) -> Response {
        Response::bytes(status, "application/problem+json", pretty(value))
    }

    pub fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response::new(status)
            .header("Content-Type", content_type)
            .with_body(body)
    }

    pub fn header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    fn with_body(mut self, body: Vec<u8>) -> Response {
        self.body = body;
        self
    }

    pub fn get_header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn pretty(value: &serde_json::Value) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(value).unwrap_or_default();
    text.push(b'\n');
    text
}

pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

pub fn write_response(stream: &mut TcpStream, response: &Response) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    // A 204 carries no Content-Length (RFC 9110 §8.6).
    if response.status != 204 {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut out = head.into_bytes();
    out.extend_from_slice(&response.body);
    stream.write_all(&out)?;
    stream.flush()
}

/// Ends a connection after an answer: no more writes, then whatever the client still
/// sends is read and thrown away (bounded in time), so a client still uploading a body
/// we refused reads our answer instead of a reset.
pub fn finish(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + Duration::from_secs(5);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 64 * 1024];
    while Instant::now() < deadline {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(_) => continue,
        }
    }
}

/// Closes a connection without any answer (fault `drop`).
pub fn abort(stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Both);
}

/// `%XX` escapes and `+` as space; invalid escapes are kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'+' => {
                out.push(b' ');
                at += 1;
            }
            b'%' => match text
                .get(at + 1..at + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                Some(byte) => {
                    out.push(byte);
                    at += 3;
                }
                None => {
                    out.push(b'%');
                    at += 1;
                }
            },
            byte => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("delay%3A1500"), "delay:1500");
        assert_eq!(percent_decode("a+b%zz%"), "a b%zz%");
        assert_eq!(percent_decode("%C3%A5"), "å");
    }

    #[test]
    fn chunked_bodies() {
        let mut input = Cursor::new(&b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\nTrailer: 1\r\n\r\n"[..]);
        assert_eq!(read_chunked(&mut input, 100).unwrap(), b"Wikipedia");
        let mut input = Cursor::new(&b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"[..]);
        assert!(matches!(
            read_chunked(&mut input, 8),
            Err(ReadError::TooLarge(_))
        ));
    }
}

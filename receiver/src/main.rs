//! `skolutbyte-receiver`: a development and test tool, not part of the deployed app.
//!
//! ```text
//! skolutbyte-receiver [--port N] [--data-dir DIR] [--max-body-bytes N] [--quiet]
//! skolutbyte-receiver schema
//! ```
//!
//! The first line on stdout is `listening on http://127.0.0.1:<port>` (with `--port 0`
//! that is how a test learns the port), the second `data dir <path>`. Nothing else is
//! written to stdout; one line per request goes to stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use skolutbyte_receiver::{application_schema, Config, Receiver};

const USAGE: &str = "\
skolutbyte-receiver: reference receiver for the application form (a development and test
tool, not part of the deployed app). Binds 127.0.0.1 only.

usage:
  skolutbyte-receiver [--port N] [--data-dir DIR] [--max-body-bytes N] [--quiet]
  skolutbyte-receiver schema      print the JSON Schema of the submitted application

  --port N             port on 127.0.0.1 (default 8787; 0 = any free port)
  --data-dir DIR       where applications are stored (default: a new temp folder)
  --max-body-bytes N   largest request body (default 67108864 = 64 MB)
  --quiet              no request log on stderr

See receiver/README.md for the endpoints and the faults.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("schema") {
        print!("{}", application_schema());
        return ExitCode::SUCCESS;
    }
    let config = match parse(&args) {
        Ok(Some(config)) => config,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("skolutbyte-receiver: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let receiver = match Receiver::bind(config) {
        Ok(receiver) => receiver,
        Err(error) => {
            eprintln!("skolutbyte-receiver: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Rust's stdout is line-buffered, so each line reaches a pipe at once. Write errors
    // (a reader that went away) are ignored rather than ending the server.
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "listening on {}", receiver.url());
    let _ = writeln!(stdout, "data dir {}", receiver.data_dir().display());
    match receiver.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("skolutbyte-receiver: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `None` for `--help`.
fn parse(args: &[String]) -> Result<Option<Config>, String> {
    let mut config = Config::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or(format!("{flag} needs a value"))
        };
        match flag {
            "--port" => {
                let text = value()?;
                config.port = text.parse().map_err(|_| format!("bad port {text:?}"))?;
            }
            "--data-dir" => config.data_dir = PathBuf::from(value()?),
            "--max-body-bytes" => {
                let text = value()?;
                config.max_body_bytes = text
                    .parse()
                    .map_err(|_| format!("bad --max-body-bytes {text:?}"))?;
            }
            "--quiet" => config.log = false,
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Some(config))
}

//! `skolutbyte-receiver`: a development and test tool, not part of the deployed app.
//!
//! ```text
//! skolutbyte-receiver [--port N] [--data-dir DIR] [--max-body-bytes N] [--allow-origin ORIGIN]
//!                     [--max-connections N] [--request-timeout-secs N] [--quiet]
//! skolutbyte-receiver schema
//! skolutbyte-receiver extract <file.pdf> [--attachments DIR]
//! skolutbyte-receiver validate <file.json|file.pdf>
//! ```
//!
//! The first line on stdout is `listening on http://127.0.0.1:<port>` (with `--port 0`
//! that is how a test learns the port), the second `data dir <path>`. Nothing else is
//! written to stdout; one line per request goes to stderr.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use skolutbyte::domain::config::settings_from_attributes;
use skolutbyte::i18n::Locale;
use skolutbyte_receiver::tools;
use skolutbyte_receiver::{application_schema, Config, Receiver};

const USAGE: &str = "\
skolutbyte-receiver: reference receiver for the application form (a development and test
tool, not part of the deployed app). Binds 127.0.0.1 only.

usage:
  skolutbyte-receiver [--port N] [--data-dir DIR] [--max-body-bytes N] [--allow-origin ORIGIN]
                      [--max-connections N] [--request-timeout-secs N] [--quiet]
  skolutbyte-receiver schema      print the JSON Schema of the submitted application
  skolutbyte-receiver extract <file.pdf> [--attachments DIR]
                                  print the PDF's embedded ansokan.json; with --attachments
                                  also write its other embedded files into DIR
  skolutbyte-receiver validate <file.json|file.pdf> [--setting data-NAME=VALUE]...
                                  check an application with the form's rules: one line per
                                  problem (field, code, message); exit 1 when invalid.
                                  --setting gives the form's data- attributes (data-schools,
                                  data-fund-amount, data-require-pupils, ...), as on the page

  --port N                  port on 127.0.0.1 (default 8787; 0 = any free port)
  --data-dir DIR            where applications are stored (default: a new temp folder)
  --max-body-bytes N        largest request body (default 67108864 = 64 MB)
  --allow-origin ORIGIN     the only origin a browser may POST from (default: any)
  --max-connections N       connections served at once; more get 503 (default 64)
  --request-timeout-secs N  a whole request must arrive within N seconds, plus the time
                            its body needs at 64 KB/s (default 30)
  --quiet                   no request log on stderr

Exit codes of extract and validate: 0 done (valid), 1 invalid application, 2 the input
cannot be read (one line on stderr says why).

See receiver/README.md for the endpoints, the faults and the tools.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("schema") => {
            print!("{}", application_schema());
            return ExitCode::SUCCESS;
        }
        Some("extract") => return extract(&args[1..]),
        Some("validate") => return validate(&args[1..]),
        _ => {}
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
            "--allow-origin" => {
                let origin = value()?;
                if origin.contains(['\r', '\n']) || origin.trim().is_empty() {
                    return Err(format!("bad --allow-origin {origin:?}"));
                }
                config.allow_origin = Some(origin.trim().to_string());
            }
            "--max-connections" => {
                let text = value()?;
                config.max_connections = text
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(format!("bad --max-connections {text:?}"))?;
            }
            "--request-timeout-secs" => {
                let text = value()?;
                let seconds: u64 = text
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(format!("bad --request-timeout-secs {text:?}"))?;
                config.request_timeout = Duration::from_secs(seconds);
            }
            "--quiet" => config.log = false,
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Some(config))
}

/// Exit status of the tools when the input cannot be read (1 is "invalid").
const UNREADABLE: u8 = 2;

/// One line on stderr, naming the tool and the file.
fn tool_error(tool: &str, file: &str, message: &str) -> ExitCode {
    eprintln!("skolutbyte-receiver {tool}: {file}: {message}");
    ExitCode::from(UNREADABLE)
}

/// `extract <file.pdf> [--attachments DIR]`.
fn extract(args: &[String]) -> ExitCode {
    let mut file = None;
    let mut attachments = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--attachments" => match args.next() {
                Some(dir) => attachments = Some(PathBuf::from(dir)),
                None => return usage_error("extract: --attachments needs a folder"),
            },
            flag if flag.starts_with("--attachments=") => {
                attachments = Some(PathBuf::from(&flag["--attachments=".len()..]));
            }
            other if file.is_none() && !other.starts_with("--") => file = Some(other.to_string()),
            other => return usage_error(&format!("extract: unexpected argument {other:?}")),
        }
    }
    let Some(file) = file else {
        return usage_error("extract: which PDF?");
    };
    let found =
        tools::read_file(Path::new(&file)).and_then(|pdf| tools::application_from_pdf(&pdf));
    let (json, others) = match found {
        Ok(found) => found,
        Err(message) => return tool_error("extract", &file, &message),
    };
    if let Some(dir) = attachments {
        if let Err(message) = tools::write_attachments(&others, &dir) {
            return tool_error("extract", &file, &message);
        }
    }
    let mut stdout = std::io::stdout();
    if stdout
        .write_all(&json)
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// `validate <file.json|file.pdf> [--setting data-NAME=VALUE]…`: the settings are the
/// host page's `data-` attributes (schools, fund amount, code plan, require-pupils), read
/// by the form's own code, so the case officer checks with the rules the form used.
fn validate(args: &[String]) -> ExitCode {
    let mut file = None;
    let mut attributes: Vec<(String, String)> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--setting" {
            let Some((name, value)) = rest.next().and_then(|s| s.split_once('=')) else {
                return usage_error("validate: --setting takes data-NAME=VALUE");
            };
            attributes.push((name.to_string(), value.to_string()));
        } else if file.is_none() {
            file = Some(arg.as_str());
        } else {
            return usage_error("validate: give one file, JSON or PDF");
        }
    }
    let Some(file) = file else {
        return usage_error("validate: give one file, JSON or PDF");
    };
    let (settings, setting_problems) =
        settings_from_attributes(attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    if let Some(problem) = setting_problems.first() {
        return tool_error(
            "validate",
            &problem.attribute,
            &format!("this setting cannot be used ({})", problem.problem.code()),
        );
    }
    let application = match tools::application_in_file(Path::new(file)) {
        Ok(application) => application,
        Err(message) => return tool_error("validate", file, &message),
    };
    let problems = tools::problems(&application, &settings.rules);
    if problems.is_empty() {
        println!(
            "OK: {file} is a valid application (schema version {})",
            application.schema_version
        );
        return ExitCode::SUCCESS;
    }
    for problem in &problems {
        println!(
            "{}",
            tools::problem_line(problem, Locale::Sv, application.kind)
        );
    }
    eprintln!(
        "skolutbyte-receiver validate: {file}: {} problem(s)",
        problems.len()
    );
    ExitCode::FAILURE
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("skolutbyte-receiver {message}\n\n{USAGE}");
    ExitCode::from(UNREADABLE)
}

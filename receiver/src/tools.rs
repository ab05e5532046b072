//! The case officer's tools: `extract` (the application's JSON and attachments out of the
//! PDF the applicant sent) and `validate` (an application checked with the form's own
//! rules). Every failure is one line of text, for a terminal or a script.
//!
//! The PDF carries `ansokan.json` and the attachments as embedded files: entries of the
//! catalog's `/Names /EmbeddedFiles` name tree and of its `/AF` (associated files) list.
//! Both are read; a file listed in both counts once.

use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use skolutbyte::domain::application::{Application, Kind};
use skolutbyte::domain::file_name::attachment_file_names;
use skolutbyte::domain::problem::FieldError;
use skolutbyte::domain::rules::Rules;
use skolutbyte::domain::validate::check_application;
use skolutbyte::domain::SCHEMA_VERSION;
use skolutbyte::i18n::Locale;

/// The embedded file that holds the application, byte for byte the JSON a POST sends.
pub const APPLICATION_FILE: &str = "ansokan.json";

/// No embedded file the form makes is near this (attachments are at most 10 MB); a larger
/// one is refused rather than inflated into memory.
const MAX_EMBEDDED_BYTES: usize = 64 * 1024 * 1024;
/// Name trees deeper than this are not followed (a crafted file could loop).
const MAX_TREE_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedFile {
    /// As the PDF names it (`/UF`, else `/F`, else its key in the name tree).
    pub name: String,
    /// The stream's `/Subtype`, e.g. `application/json`.
    pub media_type: Option<String>,
    pub data: Vec<u8>,
}

/// What is wrong with the input, as one line.
pub type ToolError = String;

/// Every embedded file of a PDF, in document order (name tree first, then `/AF`).
pub fn embedded_files(pdf: &[u8]) -> Result<Vec<EmbeddedFile>, ToolError> {
    if !pdf.starts_with(b"%PDF-") {
        return Err("not a PDF (it does not begin with %PDF-)".into());
    }
    // Strict: lopdf would otherwise rebuild a broken file by scanning it and might read
    // half of one cut off in transfer. The app's PDF (and qpdf's) conforms.
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_EMBEDDED_BYTES),
        strict: true,
        ..LoadOptions::default()
    };
    let document = Document::load_mem_with_options(pdf, options)
        .map_err(|error| format!("damaged PDF: {}", one_line(&error.to_string())))?;
    let catalog = document.catalog().map_err(|error| {
        format!(
            "damaged PDF: no document catalog ({})",
            one_line(&error.to_string())
        )
    })?;

    let mut specs: Vec<(Option<String>, &Object)> = Vec::new();
    if let Some(tree) = get_dict(&document, catalog, b"Names")
        .and_then(|names| get_dict(&document, names, b"EmbeddedFiles"))
    {
        collect_name_tree(&document, tree, 0, &mut specs);
    }
    if let Some(Object::Array(associated)) = get(&document, catalog, b"AF") {
        specs.extend(associated.iter().map(|spec| (None, spec)));
    }

    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut files = Vec::new();
    for (key, spec) in specs {
        let Ok((id, Object::Dictionary(spec))) = document.dereference(spec) else {
            continue;
        };
        if let Some(id) = id {
            if !seen.insert(id) {
                continue;
            }
        }
        if let Some(file) = read_file_spec(&document, spec, key)? {
            files.push(file);
        }
    }
    if files.is_empty() && document.xref_recovery.is_some() {
        return Err(
            "damaged PDF: its cross-reference table is broken and no embedded files could be found"
                .into(),
        );
    }
    Ok(files)
}

/// `ansokan.json` and the other embedded files.
pub fn application_from_pdf(pdf: &[u8]) -> Result<(Vec<u8>, Vec<EmbeddedFile>), ToolError> {
    let mut json = None;
    let mut others = Vec::new();
    for file in embedded_files(pdf)? {
        if file.name == APPLICATION_FILE && json.is_none() {
            json = Some(file.data);
        } else {
            others.push(file);
        }
    }
    match json {
        Some(json) => Ok((json, others)),
        None => Err(format!("the PDF has no embedded {APPLICATION_FILE}")),
    }
}

fn get<'a>(document: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let object = dict.get(key).ok()?;
    document.dereference(object).ok().map(|(_, object)| object)
}

fn get_dict<'a>(
    document: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    get(document, dict, key)?.as_dict().ok()
}

/// The `[key spec key spec …]` pairs of a name tree node and its kids.
fn collect_name_tree<'a>(
    document: &'a Document,
    node: &'a Dictionary,
    depth: usize,
    out: &mut Vec<(Option<String>, &'a Object)>,
) {
    if depth > MAX_TREE_DEPTH {
        return;
    }
    if let Some(Object::Array(pairs)) = get(document, node, b"Names") {
        for pair in pairs.chunks(2) {
            if let [key, spec] = pair {
                out.push((lopdf::decode_text_string(key).ok(), spec));
            }
        }
    }
    if let Some(Object::Array(kids)) = get(document, node, b"Kids") {
        for kid in kids {
            if let Ok((_, Object::Dictionary(kid))) = document.dereference(kid) {
                collect_name_tree(document, kid, depth + 1, out);
            }
        }
    }
}

/// A file specification's embedded stream; None when it embeds nothing (a reference to
/// an outside file).
fn read_file_spec(
    document: &Document,
    spec: &Dictionary,
    key: Option<String>,
) -> Result<Option<EmbeddedFile>, ToolError> {
    let Some(streams) = get_dict(document, spec, b"EF") else {
        return Ok(None);
    };
    let Some(stream) = get(document, streams, b"UF")
        .or_else(|| get(document, streams, b"F"))
        .and_then(|object| object.as_stream().ok())
    else {
        return Ok(None);
    };
    let text = |name: &[u8]| {
        spec.get(name)
            .ok()
            .and_then(|object| lopdf::decode_text_string(object).ok())
            .filter(|text| !text.is_empty())
    };
    let name = text(b"UF")
        .or_else(|| text(b"F"))
        .or(key)
        .unwrap_or_else(|| "bilaga".into());
    let data = stream
        .get_plain_content_with_limit(MAX_EMBEDDED_BYTES)
        .map_err(|error| {
            format!(
                "damaged PDF: the embedded file {name:?} cannot be read ({})",
                one_line(&error.to_string())
            )
        })?;
    let media_type = stream
        .dict
        .get(b"Subtype")
        .ok()
        .and_then(|subtype| subtype.as_name().ok())
        .map(|name| String::from_utf8_lossy(name).into_owned());
    Ok(Some(EmbeddedFile {
        name,
        media_type,
        data,
    }))
}

/// Writes each file into `dir` (created if missing) under a safe name, numbered when
/// two names are the same ignoring case. Never outside `dir`, and never over an existing
/// file. Returns the paths written.
pub fn write_attachments(files: &[EmbeddedFile], dir: &Path) -> Result<Vec<PathBuf>, ToolError> {
    fs::create_dir_all(dir)
        .map_err(|error| format!("{}: cannot create the folder: {error}", dir.display()))?;
    // The form's own rule (`domain::file_name`): one name, no path, no invisible or
    // reserved names, the extension kept, unique ignoring case.
    let names = attachment_file_names(&files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>());
    let mut written = Vec::new();
    for (file, name) in files.iter().zip(names) {
        let path = dir.join(&name);
        // create_new: an existing file (or a link planted in its place) is never written through.
        let mut out = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|error| format!("{}: cannot write: {error}", path.display()))?;
        out.write_all(&file.data)
            .map_err(|error| format!("{}: cannot write: {error}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// An application read from JSON bytes: the shape and schema version are checked first,
/// so a wrong file gets one clear line rather than a field-by-field complaint.
pub fn read_application(json: &[u8]) -> Result<Application, ToolError> {
    let value: serde_json::Value = serde_json::from_slice(json)
        .map_err(|error| format!("not JSON: {}", one_line(&error.to_string())))?;
    let Some(object) = value.as_object() else {
        return Err("not an application: the JSON is not an object".into());
    };
    match object
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
    {
        None => return Err("not an application: no schema_version".into()),
        Some(version) if version != u64::from(SCHEMA_VERSION) => {
            return Err(format!(
                "schema version {version}; this tool reads version {SCHEMA_VERSION}"
            ))
        }
        Some(_) => {}
    }
    serde_json::from_value(value).map_err(|error| {
        format!(
            "not an application of schema version {SCHEMA_VERSION}: {}",
            one_line(&error.to_string())
        )
    })
}

/// The application's problems under the form's own rules, as configured (none: valid).
pub fn problems(application: &Application, rules: &Rules) -> Vec<FieldError> {
    check_application(application, rules)
}

/// `field<TAB>code<TAB>message` (the message in `locale`, as the form words it).
pub fn problem_line(error: &FieldError, locale: Locale, kind: Kind) -> String {
    format!(
        "{}\t{}\t{}",
        error.field.id(),
        error.problem.code(),
        one_line(&(locale.texts().message)(
            error.field,
            &error.problem,
            Some(kind)
        ))
    )
}

/// The application in a file: JSON, or a PDF with `ansokan.json` embedded.
pub fn application_in_file(path: &Path) -> Result<Application, ToolError> {
    let bytes = read_file(path)?;
    let is_pdf_name = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"));
    if bytes.starts_with(b"%PDF-") || is_pdf_name {
        let (json, _) = application_from_pdf(&bytes)?;
        read_application(&json)
    } else {
        read_application(&bytes)
    }
}

pub fn read_file(path: &Path) -> Result<Vec<u8>, ToolError> {
    fs::read(path).map_err(|error| format!("cannot read: {error}"))
}

/// Error texts from libraries may span lines; a tool's error is one.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf_is_one_line() {
        assert_eq!(
            embedded_files(b"hello").unwrap_err(),
            "not a PDF (it does not begin with %PDF-)"
        );
        let damaged = embedded_files(b"%PDF-1.7\n garbage").unwrap_err();
        assert!(damaged.starts_with("damaged PDF"), "{damaged}");
        assert!(!damaged.contains('\n'));
    }

    #[test]
    fn the_wrong_json_gets_one_line() {
        assert!(read_application(b"{").unwrap_err().starts_with("not JSON"));
        assert_eq!(
            read_application(b"[1]").unwrap_err(),
            "not an application: the JSON is not an object"
        );
        assert_eq!(
            read_application(br#"{"a": 1}"#).unwrap_err(),
            "not an application: no schema_version"
        );
        assert_eq!(
            read_application(br#"{"schema_version": 99}"#).unwrap_err(),
            format!("schema version 99; this tool reads version {SCHEMA_VERSION}")
        );
        let shape =
            read_application(format!(r#"{{"schema_version": {SCHEMA_VERSION}}}"#).as_bytes())
                .unwrap_err();
        assert!(
            shape.starts_with("not an application of schema version"),
            "{shape}"
        );
    }
}

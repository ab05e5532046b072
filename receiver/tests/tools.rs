//! The case officer's tools, run as the binary: `extract` and `validate`. The PDFs are the
//! worker's own (`application_pdf`, the PDF/A-3 with `ansokan.json` and the attachments
//! embedded); for hostile names, files are embedded by qpdf into one without files.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use skolutbyte::domain::application::Application;
use skolutbyte::domain::application_json::application_json;
use skolutbyte::domain::dates::Date;
use skolutbyte::domain::SCHEMA_VERSION;
use skolutbyte::i18n::Locale;
use skolutbyte_worker::pdf::{application_pdf, AttachmentFile, Stamp};

use common::{fresh_dir, valid_application};

fn tool(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skolutbyte-receiver"))
        .args(args)
        .output()
        .expect("run skolutbyte-receiver")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn stamp() -> Stamp {
    Stamp {
        reference: None,
        created: Date::from_ymd(2026, 11, 30).unwrap(),
        created_hour: 10,
        created_minute: 5,
    }
}

/// The worker's PDF of `application` with its embedded files taken out again (the name
/// tree and the catalog's `/AF`): a PDF like the app made before it embedded anything.
fn plain_pdf(dir: &Path, application: &Application) -> PathBuf {
    let pdf =
        application_pdf(application, Locale::Sv, &stamp(), &[]).expect("the worker makes the PDF");
    let mut document = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = document.catalog_mut().unwrap();
    catalog.remove(b"Names");
    catalog.remove(b"AF");
    let path = dir.join("plain.pdf");
    document.save(&path).unwrap();
    path
}

/// `pdf` with each (file, MIME type, name shown) embedded by qpdf.
fn embed(pdf: &Path, files: &[(&Path, &str, Option<&str>)], out: &Path) {
    let mut command = Command::new("qpdf");
    command.arg(pdf);
    for (file, mime, name) in files {
        command.arg("--add-attachment").arg(file);
        command.arg(format!("--mimetype={mime}"));
        if let Some(name) = name {
            command.arg(format!("--filename={name}"));
            command.arg(format!("--key={name}"));
        }
        command.arg("--");
    }
    let status = command.arg(out).status().expect("qpdf is installed");
    assert!(status.success(), "qpdf --add-attachment");
}

struct Sent {
    dir: PathBuf,
    pdf: PathBuf,
    json: Vec<u8>,
    invitation: Vec<u8>,
}

/// The PDF the app hands over, made by the worker: the document, ansokan.json and one
/// attachment embedded. `plain.pdf` beside it has no embedded files.
fn sent_pdf(name: &str, application: &Application) -> Sent {
    let dir = fresh_dir(name);
    std::fs::create_dir_all(&dir).unwrap();
    plain_pdf(&dir, application);
    let json = application_json(application).into_bytes();
    std::fs::write(dir.join("ansokan.json"), &json).unwrap();
    let invitation: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let attachments = [AttachmentFile {
        name: "inbjudan.pdf",
        media_type: "application/pdf",
        bytes: &invitation,
    }];
    let bytes = application_pdf(application, Locale::Sv, &stamp(), &attachments)
        .expect("the worker makes the PDF");
    let pdf = dir.join("ansokan-SKU-2026-000001.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    Sent {
        dir,
        pdf,
        json,
        invitation,
    }
}

/// One line on stderr and exit status 2: what every unreadable input gets.
fn assert_one_line_error(output: &Output, says: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(stderr.contains(says), "{stderr:?} should say {says:?}");
    assert!(output.stdout.is_empty(), "nothing on stdout");
}

#[test]
fn extract_then_validate_round_trips() {
    let sent = sent_pdf("round-trip", &valid_application());
    let attachments = sent.dir.join("bilagor");
    let output = tool(&[
        "extract",
        sent.pdf.to_str().unwrap(),
        "--attachments",
        attachments.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        output.stdout, sent.json,
        "extract prints ansokan.json byte for byte"
    );
    assert_eq!(
        std::fs::read(attachments.join("inbjudan.pdf")).unwrap(),
        sent.invitation
    );
    assert_eq!(
        std::fs::read_dir(&attachments).unwrap().count(),
        1,
        "only the attachments, not ansokan.json"
    );

    let extracted = sent.dir.join("extracted.json");
    std::fs::write(&extracted, &output.stdout).unwrap();
    for file in [&extracted, &sent.pdf] {
        let output = tool(&["validate", file.to_str().unwrap()]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let stdout = text(&output.stdout);
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        assert!(stdout.starts_with("OK: "), "{stdout}");
    }
}

#[test]
fn validate_prints_each_problem_and_exits_non_zero() {
    let mut application = valid_application();
    application.applicant.name.clear();
    application.applicant.email = "anna.example.se".into();
    let sent = sent_pdf("invalid", &application);
    for file in [&sent.pdf, &sent.dir.join("ansokan.json")] {
        let output = tool(&["validate", file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1));
        let stdout = text(&output.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(
            lines,
            [
                "applicant-name\trequired\tAnge ditt namn",
                "applicant-email\tinvalid_email\tAnge din e-postadress i rätt format, till exempel namn@skelleftea.se",
            ]
        );
    }
}

#[test]
fn files_listed_only_as_associated_files_are_found() {
    let sent = sent_pdf("associated", &valid_application());
    // Move the files from the name tree to the catalog's /AF, as a PDF/A-3 writer may.
    let mut document = lopdf::Document::load(&sent.pdf).unwrap();
    let specs: Vec<lopdf::Object> = {
        let catalog = document.catalog().unwrap();
        let names = document
            .dereference(catalog.get(b"Names").unwrap())
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        let tree = document
            .dereference(names.get(b"EmbeddedFiles").unwrap())
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        let pairs = document
            .dereference(tree.get(b"Names").unwrap())
            .unwrap()
            .1
            .as_array()
            .unwrap();
        pairs.iter().skip(1).step_by(2).cloned().collect()
    };
    assert_eq!(specs.len(), 2);
    let catalog = document.catalog_mut().unwrap();
    catalog.remove(b"Names");
    catalog.set("AF", lopdf::Object::Array(specs));
    let moved = sent.dir.join("af-only.pdf");
    document.save(&moved).unwrap();

    let output = tool(&["extract", moved.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(output.stdout, sent.json);
}

#[test]
fn attachment_names_never_leave_the_folder() {
    let dir = fresh_dir("names");
    std::fs::create_dir_all(&dir).unwrap();
    let plain = plain_pdf(&dir, &valid_application());
    let json = dir.join("ansokan.json");
    std::fs::write(&json, application_json(&valid_application())).unwrap();
    let mut files = vec![(json.clone(), "application/json", None)];
    for (index, name) in [
        "../../utanfor.txt",
        "..\\..\\utanfor2.txt",
        "CON.pdf",
        "Budget.pdf",
        "budget.pdf",
        "faktura\u{202E}fdp.exe",
    ]
    .iter()
    .enumerate()
    {
        let path = dir.join(format!("bilaga-{index}"));
        std::fs::write(&path, name.as_bytes()).unwrap();
        files.push((path, "application/octet-stream", Some(*name)));
    }
    let listed: Vec<(&Path, &str, Option<&str>)> = files
        .iter()
        .map(|(path, mime, name)| (path.as_path(), *mime, *name))
        .collect();
    let pdf = dir.join("names.pdf");
    embed(&plain, &listed, &pdf);

    let out = dir.join("a").join("b");
    let output = tool(&[
        "extract",
        pdf.to_str().unwrap(),
        "--attachments",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "Budget.pdf",
            "_CON.pdf",
            "budget (2).pdf",
            "fakturafdp.exe",
            "utanfor.txt",
            "utanfor2.txt"
        ]
    );
    assert_eq!(
        std::fs::read(out.join("utanfor.txt")).unwrap(),
        b"../../utanfor.txt"
    );
    assert!(!dir.join("utanfor.txt").exists() && !dir.join("a").join("utanfor.txt").exists());

    // Run again into the same folder: nothing is overwritten.
    let again = tool(&[
        "extract",
        pdf.to_str().unwrap(),
        "--attachments",
        out.to_str().unwrap(),
    ]);
    assert_one_line_error(&again, "cannot write");
}

#[test]
fn bad_input_gets_one_line_and_a_non_zero_exit() {
    let sent = sent_pdf("bad-input", &valid_application());
    let plain = sent.dir.join("plain.pdf");
    let path = |name: &str| sent.dir.join(name);

    // A PDF without embedded JSON (today's PDF).
    for command in ["extract", "validate"] {
        assert_one_line_error(
            &tool(&[command, plain.to_str().unwrap()]),
            "the PDF has no embedded ansokan.json",
        );
    }

    // A damaged PDF: cut off after the first third, or with its middle overwritten.
    let whole = std::fs::read(&sent.pdf).unwrap();
    std::fs::write(path("cut.pdf"), &whole[..whole.len() / 3]).unwrap();
    let mut scribbled = whole.clone();
    let middle = scribbled.len() / 4;
    scribbled[middle..middle * 3].fill(b'#');
    std::fs::write(path("scribbled.pdf"), &scribbled).unwrap();
    for damaged in ["cut.pdf", "scribbled.pdf"] {
        for command in ["extract", "validate"] {
            let output = tool(&[command, path(damaged).to_str().unwrap()]);
            assert_eq!(output.status.code(), Some(2), "{command} {damaged}");
            assert_eq!(
                text(&output.stderr).lines().count(),
                1,
                "{command} {damaged}"
            );
        }
    }

    // Not a PDF at all.
    std::fs::write(path("letter.pdf"), "Hej! Här kommer ansökan.").unwrap();
    for command in ["extract", "validate"] {
        assert_one_line_error(
            &tool(&[command, path("letter.pdf").to_str().unwrap()]),
            "not a PDF",
        );
    }

    // JSON of the wrong shape or schema version.
    let application: serde_json::Value = serde_json::from_slice(&sent.json).unwrap();
    let mut other_version = application.clone();
    other_version["schema_version"] = serde_json::json!(SCHEMA_VERSION + 1);
    let mut other_shape = application.clone();
    let applicant = other_shape["applicant"].take();
    other_shape["sökande"] = applicant;
    let version_says = format!(
        "schema version {}; this tool reads version {SCHEMA_VERSION}",
        SCHEMA_VERSION + 1
    );
    let cases = [
        ("list.json", "[1, 2]".to_string(), "not an application"),
        (
            "other.json",
            r#"{"hello": "world"}"#.to_string(),
            "no schema_version",
        ),
        (
            "version.json",
            other_version.to_string(),
            version_says.as_str(),
        ),
        (
            "shape.json",
            other_shape.to_string(),
            "not an application of schema version",
        ),
        (
            "broken.json",
            "{\"schema_version\": ".to_string(),
            "not JSON",
        ),
    ];
    for (name, content, says) in cases {
        std::fs::write(path(name), content).unwrap();
        assert_one_line_error(&tool(&["validate", path(name).to_str().unwrap()]), says);
    }

    assert_one_line_error(
        &tool(&["validate", path("missing.json").to_str().unwrap()]),
        "cannot read",
    );
}

#[test]
fn validate_uses_the_settings_the_form_was_configured_with() {
    let sent = sent_pdf("settings", &valid_application());
    let pdf = sent.pdf.to_str().unwrap();
    // The example asks for 44 500 kr: within the default fund, over a 10 000 kr one.
    assert!(tool(&["validate", pdf]).status.success());
    let smaller = tool(&["validate", pdf, "--setting", "data-fund-amount=10 000"]);
    assert_eq!(smaller.status.code(), Some(1), "{}", text(&smaller.stderr));
    let stdout = text(&smaller.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("amount-applied\tapplied_exceeds_fund\t")),
        "{stdout}"
    );
    // A setting the form could not use is one line and exit 2, not a silent default.
    assert_one_line_error(
        &tool(&["validate", pdf, "--setting", "data-fund-amount=mycket"]),
        "this setting cannot be used",
    );
    assert_eq!(
        tool(&["validate", pdf, "--setting", "no-equals-sign"])
            .status
            .code(),
        Some(2)
    );
}

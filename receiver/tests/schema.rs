//! `docs/application.schema.json` is generated from the Rust types and must not drift;
//! real applications validate against it (with the `jsonschema` crate, draft 2020-12,
//! formats checked) and broken ones do not.

mod common;

use std::path::Path;

use serde_json::{json, Value};
use skolutbyte::domain::draft::GiroMethod;

use common::{independent_application, valid_application};

const COMMITTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../docs/application.schema.json"
);

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = skolutbyte_receiver::application_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(COMMITTED, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(Path::new(COMMITTED)).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/application.schema.json differs from the Rust types. Regenerate it with\n  \
         cargo run -p skolutbyte-receiver -- schema > docs/application.schema.json\n\
         (or run this test with UPDATE_SCHEMA=1) and commit the result."
    );
}

#[test]
fn the_printed_schema_is_the_committed_one() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_skolutbyte-receiver"))
        .arg("schema")
        .output()
        .expect("run skolutbyte-receiver schema");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        skolutbyte_receiver::application_schema()
    );
}

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&skolutbyte_receiver::application_schema()).expect("schema is JSON");
    assert_eq!(
        schema["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid draft 2020-12 schema")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn valid_applications_validate_against_the_schema() {
    let validator = validator();
    let mut with_attachment = valid_application();
    with_attachment
        .attachments
        .push(skolutbyte::domain::application::AttachmentInfo {
            name: "program.pdf".into(),
            size_bytes: 12_345,
            media_type: "application/pdf".into(),
        });
    for app in [
        valid_application(),
        with_attachment,
        independent_application(GiroMethod::Bankgiro, "5402-9681"),
        independent_application(GiroMethod::Plusgiro, "410 54 68-5"),
    ] {
        let instance = serde_json::to_value(&app).unwrap();
        let found = errors(&validator, &instance);
        assert!(found.is_empty(), "{found:#?}\n{instance:#}");
    }
}

/// Turns a valid application's JSON into one the schema must refuse.
type Breaker = fn(&mut Value);

#[test]
fn the_schema_refuses_what_the_types_refuse() {
    let validator = validator();
    let valid = serde_json::to_value(valid_application()).unwrap();
    let broken: [(&str, Breaker); 11] = [
        ("amount as a float", |v| {
            v["budget"]["amount_applied"] = json!(445.5)
        }),
        ("amount as text", |v| {
            v["budget"]["total_costs"] = json!("64500")
        }),
        ("date not ISO", |v| {
            v["dates"]["trip_start"] = json!("5/3/2027")
        }),
        ("impossible date", |v| {
            v["dates"]["trip_end"] = json!("2027-02-30")
        }),
        ("unknown kind", |v| v["kind"] = json!("holiday")),
        ("unknown budget category", |v| {
            v["budget"]["rows"][0]["category"] = json!("fika")
        }),
        ("missing applicant", |v| {
            v.as_object_mut().unwrap().remove("applicant");
        }),
        ("other schema version", |v| v["schema_version"] = json!(2)),
        ("bankgiro with a hyphen", |v| {
            v["payment"] = json!({"method": "bankgiro", "number": "5402-9681"})
        }),
        ("unknown payment method", |v| {
            v["payment"] = json!({"method": "swish", "number": "1234567"})
        }),
        ("negative participant count", |v| {
            v["participants"]["pupils"] = json!(-1)
        }),
    ];
    for (what, break_it) in broken {
        let mut instance = valid.clone();
        break_it(&mut instance);
        assert!(!validator.is_valid(&instance), "the schema accepted {what}");
    }
}

#[test]
fn the_schema_describes_the_special_types() {
    let schema: Value = serde_json::from_str(&skolutbyte_receiver::application_schema()).unwrap();
    let defs = &schema["$defs"];
    assert_eq!(defs["Date"]["type"], json!("string"));
    assert_eq!(defs["Date"]["format"], json!("date"));
    assert_eq!(defs["Money"]["type"], json!("integer"));
    assert!(defs["Money"]["description"]
        .as_str()
        .unwrap()
        .contains("öre"));
    assert_eq!(defs["Bankgiro"]["pattern"], json!("^[0-9]{7,8}$"));
    assert_eq!(defs["Plusgiro"]["pattern"], json!("^[0-9]{2,8}$"));
    assert_eq!(schema["properties"]["schema_version"]["const"], json!(1));
}

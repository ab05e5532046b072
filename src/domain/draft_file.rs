//! Saved drafts: the same envelope for the browser's storage and for the draft file an
//! applicant downloads to continue on another computer. Importing never trusts its
//! input: size, shape, version and lengths are all checked, and every rejection has a
//! code the UI words in the applicant's language.
//!
//! Written with the small reader in [`super::json`] and a hand-written mapping: serde's
//! derived `Deserialize` for the draft cost ~50 KB brotli of wasm on every first load.
//! Field names and codes are the serde names, so a bare draft written by serde
//! (version 1) reads the same.

use super::account_string::Segment;
use super::application::{Coded, Kind};
use super::draft::{ActivityInput, BudgetRowInput, DateInput, Draft};
use super::json::{self, JsonError, Value};
use super::step::Step;

/// Marks a JSON file as one of our drafts.
pub const DRAFT_FORMAT: &str = "skolutbyte-utkast";

/// Version 1 was the bare [`Draft`] object (what `serde_json::to_string(&draft)` gives);
/// version 2 wraps it with when it was saved and on which step.
pub const DRAFT_FILE_VERSION: u32 = 2;

/// A draft of even a long application is a few tens of KB; anything near this is not one.
pub const MAX_DRAFT_BYTES: usize = 1_000_000;
/// Longest accepted text in any answer of an imported draft.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Most activities or budget rows in an imported draft.
pub const MAX_ROWS: usize = 300;

#[derive(Debug, Clone, PartialEq)]
pub struct SavedDraft {
    pub version: u32,
    /// Milliseconds since 1970-01-01 UTC; 0 when unknown (migrated from version 1).
    pub saved_at_ms: i64,
    /// The step the applicant was on, so they return to it.
    pub step: Step,
    /// Which browser tab wrote it (storage only), to notice two tabs editing at once.
    pub tab_id: Option<String>,
    pub draft: Draft,
    /// The chosen attachments kept with the answers (storage only: a draft file holds
    /// answers, never files).
    pub files: Vec<StoredFile>,
}

/// An attachment kept with a stored draft: what the page lists after a reload without
/// opening IndexedDB, where the file itself is kept under `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub media_type: String,
    /// When it was attached, milliseconds since 1970-01-01 UTC.
    pub added_ms: i64,
}

impl SavedDraft {
    pub fn new(draft: Draft, step: Step, saved_at_ms: i64, tab_id: Option<String>) -> SavedDraft {
        SavedDraft {
            version: DRAFT_FILE_VERSION,
            saved_at_ms,
            step,
            tab_id,
            draft,
            files: Vec::new(),
        }
    }

    /// `with_files`: storage lists the attachments; a draft file never does.
    fn to_value(&self, with_files: bool) -> Value {
        let mut entries = vec![
            ("format", Value::string(DRAFT_FORMAT)),
            ("version", Value::Number(self.version.to_string())),
            ("saved_at_ms", Value::Number(self.saved_at_ms.to_string())),
            ("step", Value::string(self.step.slug())),
        ];
        if let Some(tab) = &self.tab_id {
            entries.push(("tab_id", Value::string(tab)));
        }
        if with_files && !self.files.is_empty() {
            let files = self.files.iter().map(stored_file_value).collect();
            entries.push(("files", Value::Array(files)));
        }
        entries.push(("draft", draft_to_value(&self.draft)));
        Value::object(entries)
    }

    /// Indented JSON, for the draft file: the answers only, never the attachments.
    pub fn to_json(&self) -> String {
        self.to_value(false).to_pretty()
    }

    /// Compact JSON, for the browser's storage, with the list of kept attachments.
    pub fn to_compact_json(&self) -> String {
        self.to_value(true).to_compact()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        max_bytes: usize,
    },
    /// The text ends too early: a download or copy was cut off.
    Truncated,
    NotJson,
    /// Valid JSON, but not one of our drafts (another file chosen by mistake).
    NotADraft,
    /// Saved by a newer version of the form than this one.
    NewerVersion {
        found: u32,
    },
    /// One of our drafts, but the value at `path` has the wrong type or shape.
    WrongShape {
        path: String,
    },
    TextTooLong {
        max_chars: usize,
    },
    TooManyRows {
        max: usize,
    },
}

impl ImportError {
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "draft_empty",
            ImportError::TooLarge { .. } => "draft_too_large",
            ImportError::Truncated => "draft_truncated",
            ImportError::NotJson => "draft_not_json",
            ImportError::NotADraft => "draft_not_a_draft",
            ImportError::NewerVersion { .. } => "draft_newer_version",
            ImportError::WrongShape { .. } => "draft_wrong_shape",
            ImportError::TextTooLong { .. } => "draft_text_too_long",
            ImportError::TooManyRows { .. } => "draft_too_many_rows",
        }
    }
}

/// Reads a draft file or a stored draft, migrating older versions.
///
/// Whoever wrote the text (the applicant's file, or any script of the same origin in
/// storage), it cannot skip the journey: the step is at most "Kontrollera dina svar" (see
/// [`step_to_return_to`]) and the declaration arrives unticked. The declaration is made
/// when the application is sent, never by a saved draft; so an application resumed from
/// storage after the declaration was ticked (a reload on the declaration or confirmation
/// page) comes back on "Kontrollera dina svar", one step before it, to be ticked again.
pub fn import_draft(text: &str) -> Result<SavedDraft, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_DRAFT_BYTES {
        return Err(ImportError::TooLarge {
            max_bytes: MAX_DRAFT_BYTES,
        });
    }
    let mut saved = read_envelope(text)?;
    check_limits(&saved.draft)?;
    saved.step = step_to_return_to(saved.step, saved.draft.kind);
    saved.draft.declaration_confirmed = false;
    if saved.files.len() > MAX_ROWS {
        return Err(ImportError::TooManyRows { max: MAX_ROWS });
    }
    Ok(saved)
}

/// The step an imported draft opens on: the start page, a question that applies to the
/// kind of application, or "Kontrollera dina svar". The declaration and the confirmation
/// become "Kontrollera dina svar" (every answer is checked again on the way to sending);
/// a question that does not apply (support measures on an exchange) becomes the one
/// before it.
pub fn step_to_return_to(step: Step, kind: Option<Kind>) -> Step {
    match step {
        Step::Declaration | Step::Confirmation => Step::CheckAnswers,
        step if !step.applies_to(kind) => step.previous(kind).unwrap_or(Step::Start),
        step => step,
    }
}

/// Whether opening a draft file would replace `current` answers the applicant could lose:
/// they are not blank and differ from the file's. Then the applicant is asked first.
pub fn replaces_answers(current: &Draft, file: &Draft) -> bool {
    !current.is_blank() && !current.same_answers(file)
}

/// The page's own answers, handed to the worker: the same format without the size and
/// row limits, which guard against foreign files. What the page accepts is decided by
/// validation alone, so the worker must not refuse what the page let through.
pub fn read_page_draft(text: &str) -> Result<SavedDraft, ImportError> {
    read_envelope(text)
}

fn read_envelope(text: &str) -> Result<SavedDraft, ImportError> {
    let value = json::parse(text).map_err(|error| match error {
        JsonError::Eof => ImportError::Truncated,
        JsonError::Syntax | JsonError::TooDeep => ImportError::NotJson,
    })?;
    Ok(match version_of(&value)? {
        1 => SavedDraft::new(draft_from_value(&value, "")?, Step::Applicant, 0, None),
        DRAFT_FILE_VERSION => envelope_from_value(&value)?,
        found => return Err(ImportError::NewerVersion { found }),
    })
}

fn version_of(value: &Value) -> Result<u32, ImportError> {
    if !matches!(value, Value::Object(_)) {
        return Err(ImportError::NotADraft);
    }
    match value.get("format") {
        Some(Value::String(format)) if format == DRAFT_FORMAT => value
            .get("version")
            .and_then(Value::as_i64)
            .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
            .ok_or_else(|| wrong("version")),
        Some(_) => Err(ImportError::NotADraft),
        // A bare draft: version 1 had no envelope, but always a schema_version and answers.
        None if value.get("schema_version").is_some() && value.get("applicant_name").is_some() => {
            Ok(1)
        }
        None => Err(ImportError::NotADraft),
    }
}

fn wrong(path: &str) -> ImportError {
    ImportError::WrongShape {
        path: path.to_string(),
    }
}

fn envelope_from_value(value: &Value) -> Result<SavedDraft, ImportError> {
    let saved_at_ms = match value.get("saved_at_ms") {
        None | Some(Value::Null) => 0,
        Some(number) => number.as_i64().ok_or_else(|| wrong("saved_at_ms"))?,
    };
    let step = value
        .get("step")
        .and_then(Value::as_str)
        .and_then(Step::from_slug)
        .ok_or_else(|| wrong("step"))?;
    let tab_id = match value.get("tab_id") {
        None | Some(Value::Null) => None,
        Some(tab) => Some(tab.as_str().ok_or_else(|| wrong("tab_id"))?.to_string()),
    };
    let draft = value.get("draft").ok_or_else(|| wrong("draft"))?;
    let files = match value.get("files") {
        Some(Value::Array(items)) => items.iter().map(stored_file_from_value).collect(),
        _ => Vec::new(),
    };
    Ok(SavedDraft {
        version: DRAFT_FILE_VERSION,
        saved_at_ms,
        step,
        tab_id,
        draft: draft_from_value(draft, "draft.")?,
        files,
    })
}

/// Read leniently: the list only says what to show again, so an odd entry (which this
/// form never writes) must not make the answers unreadable. A file that cannot be found
/// by its id is reported when the worker needs it.
fn stored_file_from_value(value: &Value) -> StoredFile {
    let text = |key| {
        value
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let number = |key| value.get(key).and_then(Value::as_i64).unwrap_or_default();
    StoredFile {
        id: text("id"),
        name: text("name"),
        size: number("size").max(0) as u64,
        media_type: text("type"),
        added_ms: number("added_ms"),
    }
}

fn stored_file_value(file: &StoredFile) -> Value {
    Value::object(vec![
        ("id", Value::string(&file.id)),
        ("name", Value::string(&file.name)),
        ("size", Value::Number(file.size.to_string())),
        ("type", Value::string(&file.media_type)),
        ("added_ms", Value::Number(file.added_ms.to_string())),
    ])
}

/// Reads fields of one JSON object; a missing or null field is the default (as
/// `#[serde(default)]`), a field of the wrong type is an error naming its path.
struct Fields<'a> {
    object: &'a Value,
    prefix: String,
}

impl<'a> Fields<'a> {
    fn new(object: &'a Value, prefix: &str) -> Result<Fields<'a>, ImportError> {
        match object {
            Value::Object(_) => Ok(Fields {
                object,
                prefix: prefix.to_string(),
            }),
            _ => Err(wrong(prefix.trim_end_matches('.'))),
        }
    }

    fn path(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    fn present(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key).filter(|v| **v != Value::Null)
    }

    fn text(&self, key: &str) -> Result<String, ImportError> {
        match self.present(key) {
            None => Ok(String::new()),
            Some(value) => value
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| wrong(&self.path(key))),
        }
    }

    fn flag(&self, key: &str) -> Result<bool, ImportError> {
        match self.present(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(wrong(&self.path(key))),
        }
    }

    fn choice<T: Coded>(&self, key: &str) -> Result<Option<T>, ImportError> {
        match self.present(key) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .and_then(T::from_code)
                .map(Some)
                .ok_or_else(|| wrong(&self.path(key))),
        }
    }

    fn nested(&self, key: &str) -> Result<Option<Fields<'a>>, ImportError> {
        self.present(key)
            .map(|value| Fields::new(value, &format!("{}.", self.path(key))))
            .transpose()
    }

    fn date(&self, key: &str) -> Result<DateInput, ImportError> {
        let Some(fields) = self.nested(key)? else {
            return Ok(DateInput::default());
        };
        Ok(DateInput {
            year: fields.text("year")?,
            month: fields.text("month")?,
            day: fields.text("day")?,
        })
    }

    fn rows<T>(
        &self,
        key: &str,
        read: fn(&Fields) -> Result<T, ImportError>,
    ) -> Result<Vec<T>, ImportError> {
        match self.present(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| read(&Fields::new(item, &format!("{}[{i}].", self.path(key)))?))
                .collect(),
            Some(_) => Err(wrong(&self.path(key))),
        }
    }
}

type TextField = (
    &'static str,
    fn(&Draft) -> &String,
    fn(&mut Draft) -> &mut String,
);
type DateField = (
    &'static str,
    fn(&Draft) -> &DateInput,
    fn(&mut Draft) -> &mut DateInput,
);

/// Every one-line or free-text answer of the draft, by its JSON name. One list for
/// reading, writing and the length check, so a new question is added in one place.
const TEXT_FIELDS: &[TextField] = &[
    (
        "applicant_name",
        |d| &d.applicant_name,
        |d| &mut d.applicant_name,
    ),
    (
        "applicant_email",
        |d| &d.applicant_email,
        |d| &mut d.applicant_email,
    ),
    (
        "applicant_phone",
        |d| &d.applicant_phone,
        |d| &mut d.applicant_phone,
    ),
    ("school_id", |d| &d.school_id, |d| &mut d.school_id),
    (
        "other_school_name",
        |d| &d.other_school_name,
        |d| &mut d.other_school_name,
    ),
    (
        "granted_project",
        |d| &d.granted_project,
        |d| &mut d.granted_project,
    ),
    ("country", |d| &d.country, |d| &mut d.country),
    ("place", |d| &d.place, |d| &mut d.place),
    ("partner", |d| &d.partner, |d| &mut d.partner),
    ("pupils", |d| &d.pupils, |d| &mut d.pupils),
    ("staff", |d| &d.staff, |d| &mut d.staff),
    ("group", |d| &d.group, |d| &mut d.group),
    ("goals", |d| &d.goals, |d| &mut d.goals),
    ("theme", |d| &d.theme, |d| &mut d.theme),
    ("summary", |d| &d.summary, |d| &mut d.summary),
    (
        "support_measures",
        |d| &d.support_measures,
        |d| &mut d.support_measures,
    ),
    (
        "other_funding",
        |d| &d.other_funding,
        |d| &mut d.other_funding,
    ),
    (
        "amount_applied",
        |d| &d.amount_applied,
        |d| &mut d.amount_applied,
    ),
    (
        "principal_name",
        |d| &d.principal_name,
        |d| &mut d.principal_name,
    ),
    (
        "principal_email",
        |d| &d.principal_email,
        |d| &mut d.principal_email,
    ),
    ("giro_number", |d| &d.giro_number, |d| &mut d.giro_number),
];

const DATE_FIELDS: &[DateField] = &[
    (
        "project_start",
        |d| &d.project_start,
        |d| &mut d.project_start,
    ),
    ("project_end", |d| &d.project_end, |d| &mut d.project_end),
    ("trip_start", |d| &d.trip_start, |d| &mut d.trip_start),
    ("trip_end", |d| &d.trip_end, |d| &mut d.trip_end),
];

fn draft_from_value(value: &Value, prefix: &str) -> Result<Draft, ImportError> {
    let f = Fields::new(value, prefix)?;
    let mut draft = Draft::default();
    for (key, _, set) in TEXT_FIELDS {
        *set(&mut draft) = f.text(key)?;
    }
    for (key, _, set) in DATE_FIELDS {
        *set(&mut draft) = f.date(key)?;
    }
    if let Some(fields) = f.nested("account")? {
        for segment in Segment::ALL {
            draft.account.set(segment, fields.text(segment.key())?);
        }
    }
    draft.applicant_role = f.choice("applicant_role")?;
    draft.other_school_type = f.choice("other_school_type")?;
    draft.kind = f.choice("kind")?;
    draft.giro_method = f.choice("giro_method")?;
    draft.declaration_confirmed = f.flag("declaration_confirmed")?;
    draft.activities = f.rows("activities", |row| {
        Ok(ActivityInput {
            date: row.date("date")?,
            phase: row.choice("phase")?,
            description: row.text("description")?,
        })
    })?;
    draft.budget_rows = f.rows("budget_rows", |row| {
        Ok(BudgetRowInput {
            category: row.choice("category")?,
            description: row.text("description")?,
            amount: row.text("amount")?,
        })
    })?;
    Ok(draft)
}

fn date_value(date: &DateInput) -> Value {
    Value::object(vec![
        ("year", Value::string(&date.year)),
        ("month", Value::string(&date.month)),
        ("day", Value::string(&date.day)),
    ])
}

fn choice_value<T: Coded>(choice: Option<T>) -> Value {
    choice.map_or(Value::Null, |c| Value::string(c.code()))
}

fn draft_to_value(d: &Draft) -> Value {
    let mut entries: Vec<(&str, Value)> = vec![
        (
            "schema_version",
            Value::Number(super::SCHEMA_VERSION.to_string()),
        ),
        ("applicant_role", choice_value(d.applicant_role)),
        ("other_school_type", choice_value(d.other_school_type)),
        ("kind", choice_value(d.kind)),
        ("giro_method", choice_value(d.giro_method)),
        (
            "declaration_confirmed",
            Value::Bool(d.declaration_confirmed),
        ),
    ];
    entries.extend(
        TEXT_FIELDS
            .iter()
            .map(|(key, get, _)| (*key, Value::string(get(d)))),
    );
    entries.extend(
        DATE_FIELDS
            .iter()
            .map(|(key, get, _)| (*key, date_value(get(d)))),
    );
    let account = Segment::ALL
        .into_iter()
        .map(|segment| (segment.key(), Value::string(d.account.get(segment))))
        .collect();
    entries.push(("account", Value::object(account)));
    let activities = d
        .activities
        .iter()
        .map(|a| {
            Value::object(vec![
                ("date", date_value(&a.date)),
                ("phase", choice_value(a.phase)),
                ("description", Value::string(&a.description)),
            ])
        })
        .collect();
    entries.push(("activities", Value::Array(activities)));
    let budget_rows = d
        .budget_rows
        .iter()
        .map(|r| {
            Value::object(vec![
                ("category", choice_value(r.category)),
                ("description", Value::string(&r.description)),
                ("amount", Value::string(&r.amount)),
            ])
        })
        .collect();
    entries.push(("budget_rows", Value::Array(budget_rows)));
    Value::object(entries)
}

fn check_limits(draft: &Draft) -> Result<(), ImportError> {
    if draft.activities.len() > MAX_ROWS || draft.budget_rows.len() > MAX_ROWS {
        return Err(ImportError::TooManyRows { max: MAX_ROWS });
    }
    let too_long = draft_texts(draft).any(|text: &str| text.chars().count() > MAX_TEXT_CHARS);
    if too_long {
        return Err(ImportError::TextTooLong {
            max_chars: MAX_TEXT_CHARS,
        });
    }
    Ok(())
}

/// Every free-text answer of a draft.
fn draft_texts(d: &Draft) -> impl Iterator<Item = &str> {
    let fixed = TEXT_FIELDS.iter().map(move |(_, get, _)| get(d));
    let account = Segment::ALL
        .into_iter()
        .map(move |segment| d.account.get(segment));
    let dates = DATE_FIELDS
        .iter()
        .map(move |(_, get, _)| get(d))
        .chain(d.activities.iter().map(|a| &a.date))
        .flat_map(|date| [&date.year, &date.month, &date.day]);
    let rows = d.activities.iter().map(|a| &a.description).chain(
        d.budget_rows
            .iter()
            .flat_map(|r| [&r.description, &r.amount]),
    );
    fixed
        .chain(dates)
        .chain(rows)
        .map(String::as_str)
        .chain(account)
}

impl Draft {
    /// True when nothing has been answered: no reason to offer to resume it.
    pub fn is_blank(&self) -> bool {
        *self == Draft::default()
    }

    /// The same answers, whether or not the declaration is ticked: an imported draft
    /// never has it ticked (see [`import_draft`]), so it must not count as a difference.
    pub fn same_answers(&self, other: &Draft) -> bool {
        let mut theirs = other.clone();
        theirs.declaration_confirmed = self.declaration_confirmed;
        *self == theirs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // Test inputs are built with serde_json, the reference the small reader must match.
    use crate::domain::application::Kind;
    use crate::domain::draft::{ActivityInput, BudgetRowInput};
    use proptest::prelude::*;
    use serde_json::Value;

    fn sample() -> SavedDraft {
        let mut draft = Draft {
            applicant_name: "Anna Lindqvist".into(),
            applicant_email: "anna@skelleftea.se".into(),
            kind: Some(Kind::InternshipAbroad),
            goals: "Lära sig om förnybar energi i Spanien.\nOch språk.".into(),
            activities: vec![ActivityInput::default(); 3],
            budget_rows: vec![BudgetRowInput {
                category: None,
                description: "Flyg".into(),
                amount: "12 500".into(),
            }],
            ..Draft::default()
        };
        draft.account.ansvar = "4123".into();
        SavedDraft::new(draft, Step::Budget, 1_795_000_000_000, None)
    }

    #[test]
    fn an_exported_draft_imports_identically() {
        let saved = sample();
        assert_eq!(import_draft(&saved.to_json()), Ok(saved));
    }

    /// The field tables must cover every answer: compared with serde's view of Draft.
    #[test]
    fn every_answer_of_the_draft_is_written_and_read() {
        let mut draft = sample().draft;
        for (i, (_, _, set)) in TEXT_FIELDS.iter().enumerate() {
            *set(&mut draft) = format!("svar {i} – åäö \"citat\"");
        }
        for (i, (_, _, set)) in DATE_FIELDS.iter().enumerate() {
            *set(&mut draft) = DateInput {
                year: "2027".into(),
                month: format!("{}", i + 1),
                day: "5".into(),
            };
        }
        draft.declaration_confirmed = true;
        let saved = SavedDraft::new(draft, Step::Payment, 1, None);
        // The page's own answers reach the worker whole, the declaration too.
        assert_eq!(read_page_draft(&saved.to_json()), Ok(saved.clone()));

        let serde_view = serde_json::to_value(&saved.draft).unwrap_or_default();
        let ours = super::json::parse(&saved.to_json())
            .ok()
            .and_then(|v| v.get("draft").cloned());
        let Some(super::json::Value::Object(ours)) = ours else {
            panic!("draft missing from the file");
        };
        let our_keys: Vec<&str> = ours.iter().map(|(k, _)| k.as_str()).collect();
        for key in serde_view
            .as_object()
            .map(|o| o.keys().collect::<Vec<_>>())
            .unwrap_or_default()
        {
            assert!(
                our_keys.contains(&key.as_str()),
                "the draft file forgets {key}"
            );
        }
    }

    /// A hand-made file (or a script of the same origin writing storage) cannot open the
    /// declaration or the confirmation, nor arrive with the declaration ticked.
    #[test]
    fn an_imported_draft_opens_at_most_on_check_answers_with_the_declaration_unticked() {
        for step in Step::ALL {
            let mut saved = sample(); // an internship: every step applies
            saved.step = step;
            saved.draft.declaration_confirmed = true;
            let expected = match step {
                Step::Declaration | Step::Confirmation => Step::CheckAnswers,
                step => step,
            };
            for text in [saved.to_json(), saved.to_compact_json()] {
                let imported = import_draft(&text).map(|s| (s.step, s.draft.declaration_confirmed));
                assert_eq!(imported, Ok((expected, false)), "{}", step.slug());
            }
        }
        let mut bare = serde_json::to_value(&sample().draft).unwrap_or_default();
        bare["declaration_confirmed"] = Value::Bool(true);
        let imported = import_draft(&bare.to_string()).map(|s| s.draft.declaration_confirmed);
        assert_eq!(imported, Ok(false), "a version 1 draft");

        let hand_made = r#"{"format":"skolutbyte-utkast","version":2,"step":"klart",
            "draft":{"applicant_name":"Bertil","declaration_confirmed":true}}"#;
        let imported = import_draft(hand_made).map(|s| (s.step, s.draft.declaration_confirmed));
        assert_eq!(imported, Ok((Step::CheckAnswers, false)));
    }

    #[test]
    fn a_step_that_does_not_apply_to_the_kind_becomes_the_one_before() {
        let mut saved = sample();
        saved.step = Step::Support;
        saved.draft.kind = Some(Kind::ExchangeSending);
        assert_eq!(
            import_draft(&saved.to_json()).map(|s| s.step),
            Ok(Step::Activities)
        );
        saved.draft.kind = None; // not chosen yet: every step counts
        assert_eq!(
            import_draft(&saved.to_json()).map(|s| s.step),
            Ok(Step::Support)
        );
    }

    #[test]
    fn opening_a_file_asks_only_when_answers_would_be_lost() {
        let current = sample().draft;
        let mut file = current.clone();
        let mut ticked = current.clone();
        ticked.declaration_confirmed = true;
        assert!(
            !replaces_answers(&Draft::default(), &current),
            "a blank form"
        );
        assert!(!replaces_answers(&current, &file), "the same answers");
        assert!(
            !replaces_answers(&ticked, &file),
            "the same answers, declaration ticked"
        );
        file.applicant_name = "Bertil".into();
        assert!(replaces_answers(&current, &file), "a different answer");
        assert!(
            replaces_answers(&current, &Draft::default()),
            "a blank file"
        );
    }

    #[test]
    fn a_version_1_bare_draft_is_migrated() {
        let bare = serde_json::to_string(&sample().draft).unwrap_or_default();
        let imported = import_draft(&bare).map(|s| (s.version, s.step, s.draft));
        assert_eq!(
            imported,
            Ok((DRAFT_FILE_VERSION, Step::Applicant, sample().draft))
        );
    }

    #[test]
    fn each_kind_of_bad_file_has_its_own_error() {
        let json = sample().to_json();
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "draft_empty"),
            ("   ".into(), "draft_empty"),
            (json[..json.len() / 2].to_string(), "draft_truncated"),
            ("Hej, här är min budget".into(), "draft_not_json"),
            ("[1, 2, 3]".into(), "draft_not_a_draft"),
            (r#"{"name": "something else"}"#.into(), "draft_not_a_draft"),
            (
                r#"{"format": "annat-format", "version": 2}"#.into(),
                "draft_not_a_draft",
            ),
            (
                json.replace("\"version\": 2", "\"version\": 3"),
                "draft_newer_version",
            ),
            (
                json.replace(
                    "\"applicant_name\": \"Anna Lindqvist\"",
                    "\"applicant_name\": 42",
                ),
                "draft_wrong_shape",
            ),
            (
                format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
                "draft_not_json",
            ),
            (
                r#"{"format": "skolutbyte-utkast", "version": 2, "step": "budget", "draft": "x"}"#
                    .into(),
                "draft_wrong_shape",
            ),
            (
                r#"{"format": "skolutbyte-utkast", "version": 2, "step": "budget"}"#.into(),
                "draft_wrong_shape",
            ),
            (" ".repeat(MAX_DRAFT_BYTES + 1) + "{}", "draft_too_large"),
            (
                json.replace("Anna Lindqvist", &"A".repeat(MAX_TEXT_CHARS + 1)),
                "draft_text_too_long",
            ),
        ];
        for (input, code) in cases {
            let result = import_draft(&input).map_err(|e| e.code());
            assert_eq!(
                result.err(),
                Some(code),
                "{}",
                &input.chars().take(80).collect::<String>()
            );
        }
        let mut many = sample();
        many.draft.activities = vec![ActivityInput::default(); MAX_ROWS + 1];
        assert_eq!(
            import_draft(&many.to_json()),
            Err(ImportError::TooManyRows { max: MAX_ROWS })
        );
    }

    #[test]
    fn wrong_shape_names_the_path() {
        let json = sample().to_json();
        let cases = [
            ("\"pupils\": \"\"", "\"pupils\": [1]", "draft.pupils"),
            (
                "\"amount\": \"12 500\"",
                "\"amount\": 12500",
                "draft.budget_rows[0].amount",
            ),
            (
                "\"kind\": \"internship_abroad\"",
                "\"kind\": \"holiday\"",
                "draft.kind",
            ),
            ("\"step\": \"budget\"", "\"step\": \"nowhere\"", "step"),
        ];
        for (from, to, path) in cases {
            assert!(json.contains(from), "{from}");
            assert_eq!(
                import_draft(&json.replace(from, to)),
                Err(ImportError::WrongShape { path: path.into() })
            );
        }
    }

    #[test]
    fn storage_form_is_compact_and_reads_the_same() {
        let saved = SavedDraft::new(sample().draft, Step::Budget, 5, Some("tab-1".into()));
        let compact = saved.to_compact_json();
        assert!(!compact.contains('\n'));
        assert_eq!(import_draft(&compact), Ok(saved));
    }

    fn with_two_files() -> SavedDraft {
        let mut saved = SavedDraft::new(sample().draft, Step::Attachments, 7, Some("t".into()));
        saved.files = vec![
            StoredFile {
                id: "19a2b3c4d5e-5f3a".into(),
                name: "Inbjudan från partnerskolan \"Liceo\".pdf".into(),
                size: 120_345,
                media_type: "application/pdf".into(),
                added_ms: 1_795_000_000_000,
            },
            StoredFile {
                id: "19a2b3c4d5f-0001".into(),
                name: "budget.xlsx".into(),
                size: 1,
                media_type: String::new(),
                added_ms: 1_795_000_000_001,
            },
        ];
        saved
    }

    #[test]
    fn storage_lists_the_kept_attachments_and_reads_them_back() {
        let saved = with_two_files();
        assert_eq!(import_draft(&saved.to_compact_json()), Ok(saved));
    }

    #[test]
    fn a_draft_file_holds_the_answers_only_never_the_attachments() {
        let saved = with_two_files();
        let file = saved.to_json();
        assert!(
            !file.contains("budget.xlsx") && !file.contains("\"files\""),
            "{file}"
        );
        let imported = import_draft(&file).map(|s| s.files);
        assert_eq!(imported, Ok(Vec::new()));
    }

    #[test]
    fn an_odd_list_of_attachments_never_costs_the_answers() {
        let saved = with_two_files();
        let compact = saved.to_compact_json();
        for (from, to) in [
            ("\"size\":120345", "\"size\":-1"),
            ("\"size\":1,", "\"size\":\"1\","),
            ("\"name\":\"budget.xlsx\"", "\"name\":7"),
        ] {
            assert!(compact.contains(from), "{from}");
            let read = import_draft(&compact.replace(from, to));
            assert_eq!(read.as_ref().map(|r| &r.draft), Ok(&saved.draft));
            assert_eq!(read.map(|r| r.files.len()), Ok(2));
        }
        let not_a_list = compact.replacen("\"files\":[", "\"files\":{\"x\":[", 1);
        let not_a_list = not_a_list.replacen("}],\"draft\"", "}]},\"draft\"", 1);
        assert_eq!(import_draft(&not_a_list).map(|r| r.files), Ok(Vec::new()));
    }

    /// Random JSON of any shape, nested a few levels.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            ".{0,20}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::hash_map("[a-z_]{1,15}", inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Mutated real drafts: cut, with bytes replaced or inserted. Never a panic, and
        /// every rejection carries a code.
        #[test]
        fn mutated_drafts_never_panic(cut in 0usize..4000, at in 0usize..4000, byte in any::<u8>(), insert in any::<bool>()) {
            let json = sample().to_json();
            let mut bytes = json.into_bytes();
            let at = at % (bytes.len() + 1);
            if insert { bytes.insert(at, byte) } else if at < bytes.len() { bytes[at] = byte }
            bytes.truncate(bytes.len().saturating_sub(cut % 64));
            let text = String::from_utf8_lossy(&bytes);
            if let Err(error) = import_draft(&text) {
                prop_assert!(!error.code().is_empty());
            }
        }

        #[test]
        fn random_json_never_panics(value in any_json()) {
            let text = value.to_string();
            if let Err(error) = import_draft(&text) {
                prop_assert!(!error.code().is_empty());
            }
        }

        /// Random values in the right envelope reach the typed check.
        #[test]
        fn random_envelope_contents_never_panic(draft in any_json(), step in any_json()) {
            let text = serde_json::json!({"format": DRAFT_FORMAT, "version": 2, "saved_at_ms": 0, "step": step, "draft": draft}).to_string();
            if let Err(error) = import_draft(&text) {
                prop_assert!(!error.code().is_empty());
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            let _ = import_draft(&text);
        }
    }
}

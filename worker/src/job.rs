//! What the page asks the worker to do, checked before anything is built or sent.
//!
//! The page posts the answers as the same compact draft JSON autosave writes, and the
//! host element's `data-` attributes as they are: the worker reads both with the same
//! domain code as the page, so a rule or a setting is never re-encoded between the two.

use skolutbyte::domain::application::{Application, AttachmentInfo};
use skolutbyte::domain::config::{settings_from_attributes, Settings};
use skolutbyte::domain::draft_file::{read_page_draft, ImportError};
use skolutbyte::domain::problem::FieldError;
use skolutbyte::domain::validate::validate;
use skolutbyte::i18n::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// POST to the configured endpoint (with retries), then report the reference.
    Send,
    /// Build the zip of JSON, PDF and attachments for download.
    Bundle,
}

impl Task {
    pub fn from_code(code: &str) -> Option<Task> {
        match code {
            "send" => Some(Task::Send),
            "bundle" => Some(Task::Bundle),
            _ => None,
        }
    }
}

/// One request from the page, as received.
pub struct JobInput<'a> {
    pub task: &'a str,
    pub draft_json: &'a str,
    pub attributes: &'a [(String, String)],
    pub locale: &'a str,
    /// The receiver's reference, once the application has been sent.
    pub reference: &'a str,
    pub attachments: Vec<AttachmentInfo>,
}

pub struct Job {
    pub task: Task,
    pub application: Application,
    pub settings: Settings,
    pub locale: Locale,
    pub reference: Option<String>,
}

#[derive(Debug, PartialEq)]
pub enum JobError {
    UnknownTask,
    /// The page's draft could not be read back (the same code wrote it: a bug, or a
    /// page and worker from different releases).
    DraftUnreadable(ImportError),
    /// Some answer is not valid; the page checks first, so this means the two disagree.
    Invalid(Vec<FieldError>),
    /// Send asked for, but the host configured no endpoint.
    NoEndpoint,
}

pub fn prepare(input: JobInput<'_>) -> Result<Job, JobError> {
    let task = Task::from_code(input.task).ok_or(JobError::UnknownTask)?;
    let locale = Locale::from_code(input.locale).unwrap_or(Locale::Sv);
    // A setting the page could not use was already reported there; here it keeps its
    // default exactly as it did on the page.
    let (settings, _) = settings_from_attributes(
        input
            .attributes
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str())),
    );
    if task == Task::Send && settings.endpoint.is_none() {
        return Err(JobError::NoEndpoint);
    }
    let saved = read_page_draft(input.draft_json).map_err(JobError::DraftUnreadable)?;
    let mut application = validate(&saved.draft, &settings.rules).map_err(JobError::Invalid)?;
    application.attachments = input.attachments;
    let reference = Some(input.reference.trim().to_string()).filter(|r| !r.is_empty());
    Ok(Job {
        task,
        application,
        settings,
        locale,
        reference,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use skolutbyte::domain::draft_file::SavedDraft;
    use skolutbyte::domain::examples::internship_draft;
    use skolutbyte::domain::step::Step;

    fn draft_json() -> String {
        SavedDraft::new(internship_draft(), Step::Declaration, 0, None).to_compact_json()
    }

    fn input<'a>(
        task: &'a str,
        draft: &'a str,
        attributes: &'a [(String, String)],
    ) -> JobInput<'a> {
        JobInput {
            task,
            draft_json: draft,
            attributes,
            locale: "en",
            reference: " R-1 ",
            attachments: vec![],
        }
    }

    #[test]
    fn a_valid_draft_becomes_the_application_with_the_page_settings() {
        let attributes = vec![
            (
                "data-endpoint".to_string(),
                "http://127.0.0.1:9/ansokan".to_string(),
            ),
            ("data-fund-amount".to_string(), "300 000".to_string()),
        ];
        let draft = draft_json();
        let job = prepare(input("send", &draft, &attributes)).unwrap();
        assert_eq!(job.task, Task::Send);
        assert_eq!(job.locale, Locale::En);
        assert_eq!(job.reference.as_deref(), Some("R-1"));
        assert_eq!(
            job.settings.endpoint.as_deref(),
            Some("http://127.0.0.1:9/ansokan")
        );
        assert_eq!(
            job.application.applicant.name,
            internship_draft().applicant_name
        );
    }

    #[test]
    fn sending_without_an_endpoint_is_refused_but_a_bundle_is_not() {
        let draft = draft_json();
        assert_eq!(
            prepare(input("send", &draft, &[])).err(),
            Some(JobError::NoEndpoint)
        );
        assert!(prepare(input("bundle", &draft, &[])).is_ok());
        assert_eq!(
            prepare(input("print", &draft, &[])).err(),
            Some(JobError::UnknownTask)
        );
    }

    #[test]
    fn more_rows_than_a_draft_file_may_hold_are_still_prepared() {
        // The page lets validation decide; the import limits are for foreign files.
        let mut draft = internship_draft();
        let row = draft.budget_rows[0].clone();
        draft.budget_rows = vec![row; 400];
        let json = SavedDraft::new(draft, Step::Declaration, 0, None).to_compact_json();
        assert!(skolutbyte::domain::draft_file::import_draft(&json).is_err());
        let result = prepare(input("bundle", &json, &[]));
        assert!(!matches!(result, Err(JobError::DraftUnreadable(_))));
    }

    #[test]
    fn an_unreadable_or_incomplete_draft_is_reported_not_sent() {
        assert!(matches!(
            prepare(input("bundle", "{", &[])),
            Err(JobError::DraftUnreadable(_))
        ));
        let mut draft = internship_draft();
        draft.applicant_email.clear();
        let json = SavedDraft::new(draft, Step::Declaration, 0, None).to_compact_json();
        assert!(matches!(
            prepare(input("bundle", &json, &[])),
            Err(JobError::Invalid(_))
        ));
    }
}

//! What the page asks the worker to do, checked before anything is built or sent.
//!
//! The page posts the answers as the same compact draft JSON autosave writes, and the
//! host element's `data-` attributes as they are: the worker reads both with the same
//! domain code as the page, so a rule or a setting is never re-encoded between the two.

use skolutbyte::domain::application::{Application, AttachmentInfo};
use skolutbyte::domain::attachments::{check_files, media_type_of};
use skolutbyte::domain::config::{settings_from_attributes, Settings};
use skolutbyte::domain::draft_file::{read_page_draft, ImportError};
use skolutbyte::domain::file_name::attachment_file_names;
use skolutbyte::domain::problem::{FieldError, Problem};
use skolutbyte::domain::validate::validate;
use skolutbyte::i18n::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// POST to the configured endpoint (with retries), then report the reference.
    Send,
    /// The primary download: the PDF/A-3 with the JSON and the attachments inside.
    Pdf,
    /// The secondary download, for systems that read JSON: a zip of the JSON, the PDF
    /// and the attachments.
    Zip,
}

impl Task {
    pub fn from_code(code: &str) -> Option<Task> {
        match code {
            "send" => Some(Task::Send),
            "pdf" => Some(Task::Pdf),
            "zip" => Some(Task::Zip),
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
    /// The chosen files as the browser describes them, in the page's order.
    pub attachments: Vec<AttachmentInfo>,
}

pub struct Job {
    pub task: Task,
    /// With `attachments` as the receiver gets them: names made safe and unique
    /// (`file_name`), in the order the files were given, so `attachments[i]` describes
    /// the i-th file.
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
    /// The files break an attachment rule (the page checks each file as it is chosen,
    /// so this means the two disagree); the problem the page would have shown.
    Attachments(Problem),
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
    check_files(
        input
            .attachments
            .iter()
            .map(|a| (a.name.as_str(), a.size_bytes)),
        &settings.rules.attachments,
    )
    .map_err(JobError::Attachments)?;
    let saved = read_page_draft(input.draft_json).map_err(JobError::DraftUnreadable)?;
    let mut application = validate(&saved.draft, &settings.rules).map_err(JobError::Invalid)?;
    let names = attachment_file_names(
        &input
            .attachments
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
    );
    application.attachments = input
        .attachments
        .into_iter()
        .zip(names)
        .map(|(attachment, name)| {
            let media_type = match attachment.media_type.trim() {
                "" => media_type_of(&name).to_string(),
                given => given.to_string(),
            };
            AttachmentInfo {
                name,
                size_bytes: attachment.size_bytes,
                media_type,
            }
        })
        .collect();
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
    fn sending_without_an_endpoint_is_refused_but_a_download_is_not() {
        let draft = draft_json();
        assert_eq!(
            prepare(input("send", &draft, &[])).err(),
            Some(JobError::NoEndpoint)
        );
        assert!(prepare(input("pdf", &draft, &[])).is_ok());
        assert!(prepare(input("zip", &draft, &[])).is_ok());
        assert_eq!(
            prepare(input("bundle", &draft, &[])).err(),
            Some(JobError::UnknownTask),
            "the old name is gone"
        );
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
        let result = prepare(input("pdf", &json, &[]));
        assert!(!matches!(result, Err(JobError::DraftUnreadable(_))));
    }

    #[test]
    fn an_unreadable_or_incomplete_draft_is_reported_not_sent() {
        assert!(matches!(
            prepare(input("pdf", "{", &[])),
            Err(JobError::DraftUnreadable(_))
        ));
        let mut draft = internship_draft();
        draft.applicant_email.clear();
        let json = SavedDraft::new(draft, Step::Declaration, 0, None).to_compact_json();
        assert!(matches!(
            prepare(input("pdf", &json, &[])),
            Err(JobError::Invalid(_))
        ));
    }

    fn file(name: &str, size_bytes: u64, media_type: &str) -> AttachmentInfo {
        AttachmentInfo {
            name: name.into(),
            size_bytes,
            media_type: media_type.into(),
        }
    }

    #[test]
    fn the_application_names_the_files_as_every_receiver_gets_them() {
        let draft = draft_json();
        let mut job_input = input("pdf", &draft, &[]);
        job_input.attachments = vec![
            file("../inbjudan.pdf", 10, "application/pdf"),
            file("Inbjudan.PDF", 20, "application/pdf"),
            file("con.docx", 30, ""),
            file("faktura\u{202E}fdp.odt", 40, " "),
        ];
        let job = prepare(job_input).unwrap();
        let names: Vec<&str> = job
            .application
            .attachments
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "inbjudan.pdf",
                "Inbjudan (2).PDF",
                "_con.docx",
                "fakturafdp.odt"
            ]
        );
        let sizes: Vec<u64> = job
            .application
            .attachments
            .iter()
            .map(|a| a.size_bytes)
            .collect();
        assert_eq!(sizes, [10, 20, 30, 40]);
        assert_eq!(
            job.application.attachments[2].media_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(
            job.application.attachments[3].media_type,
            "application/vnd.oasis.opendocument.text"
        );
        let json = skolutbyte::domain::application_json::application_json(&job.application);
        assert!(json.contains("\"name\": \"Inbjudan (2).PDF\""), "{json}");
    }

    #[test]
    fn files_too_large_together_are_refused_with_the_pages_problem() {
        const MB: u64 = 1024 * 1024;
        let draft = draft_json();
        let mut job_input = input("pdf", &draft, &[]);
        job_input.attachments = vec![
            file("a.pdf", 9 * MB, "application/pdf"),
            file("b.pdf", 7 * MB, "application/pdf"),
        ];
        assert_eq!(
            prepare(job_input).err(),
            Some(JobError::Attachments(Problem::FilesTooLarge {
                max_total_bytes: 15 * MB
            }))
        );
        let mut job_input = input("zip", &draft, &[]);
        job_input.attachments = vec![file("a.exe", 9, "")];
        assert!(matches!(
            prepare(job_input),
            Err(JobError::Attachments(Problem::FileWrongType { .. }))
        ));
    }
}

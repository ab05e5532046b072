//! The form's state, shared by every step through context: the answers as typed, the
//! step shown, the errors of the last Continue, the rules, and the chosen files.

use leptos::prelude::*;

use crate::domain::application::Application;
use crate::domain::draft::Draft;
use crate::domain::draft_file::StoredFile;
use crate::domain::field::Field;
use crate::domain::problem::FieldError;
use crate::domain::rules::Rules;
use crate::domain::step::Step;

/// A file the applicant chose to attach, also kept in the browser's IndexedDB (see
/// `drafts::attachments_store`) so it survives a reload. Reads as its [`StoredFile`]
/// (id, name, size, type, time).
#[derive(Clone)]
pub struct ChosenFile {
    pub info: StoredFile,
    /// For the download and the multipart POST, which the worker builds. None for a file
    /// listed from storage after a reload: the worker reads it back by its id.
    pub file: Option<web_sys::File>,
    pub kept: Kept,
}

impl std::ops::Deref for ChosenFile {
    type Target = StoredFile;
    fn deref(&self) -> &StoredFile {
        &self.info
    }
}

/// Whether a chosen file is kept in the browser.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Handed to the worker to store; not listed in the stored draft until it is.
    Pending,
    Stored,
    /// Storage is off or full: attached for this visit only.
    NotStored,
}

#[derive(Clone, Copy)]
pub struct Form {
    pub draft: RwSignal<Draft>,
    pub step: RwSignal<Step>,
    /// Errors found by the last Continue; kept until the next one, as GOV.UK does. After
    /// a receiver's 422 also its field errors (`Problem::Reported`), until the applicant
    /// continues from that step or sends again.
    pub errors: RwSignal<Vec<FieldError>>,
    /// A receiver's field errors about fields this form does not have, as (Swedish,
    /// English), one line each: listed in the error summary without a link; cleared
    /// like `errors`.
    pub unplaced_errors: RwSignal<Option<(String, String)>>,
    pub rules: StoredValue<Rules>,
    /// Set by a "Change" link on the check-answers page: Continue returns there.
    pub returning_to_check: RwSignal<bool>,
    pub files: RwSignal<Vec<ChosenFile>, LocalStorage>,
    /// Errors about chosen files (wrong type, too large, empty), shown like field errors.
    pub file_errors: RwSignal<Vec<FieldError>>,
    /// The checked application, once the declaration step has passed.
    pub application: RwSignal<Option<Application>>,
}

impl Form {
    pub fn new(rules: Rules) -> Form {
        Form {
            draft: RwSignal::new(Draft::default()),
            step: RwSignal::new(Step::Start),
            errors: RwSignal::new(Vec::new()),
            unplaced_errors: RwSignal::new(None),
            rules: StoredValue::new(rules),
            returning_to_check: RwSignal::new(false),
            files: RwSignal::new_local(Vec::new()),
            file_errors: RwSignal::new(Vec::new()),
            application: RwSignal::new(None),
        }
    }

    /// The error shown beside `field`, if the last Continue found one.
    pub fn error(self, field: Field) -> Signal<Option<FieldError>> {
        let errors = self.errors;
        let file_errors = self.file_errors;
        Signal::derive(move || {
            let find = |list: &Vec<FieldError>| list.iter().find(|e| e.field == field).cloned();
            errors.with(find).or_else(|| file_errors.with(find))
        })
    }

    /// A text answer as a (value, setter) pair for an input.
    pub fn text(
        self,
        get: fn(&Draft) -> &String,
        set: fn(&mut Draft) -> &mut String,
    ) -> (Signal<String>, Callback<String>) {
        let draft = self.draft;
        (
            Signal::derive(move || draft.with(|d| get(d).clone())),
            Callback::new(move |value: String| draft.update(|d| *set(d) = value)),
        )
    }
}

pub fn use_form() -> Form {
    match use_context::<Form>() {
        Some(form) => form,
        // Only reachable if a component is rendered outside App; fall back to a fresh form
        // rather than crashing the page.
        None => Form::new(Rules::default()),
    }
}

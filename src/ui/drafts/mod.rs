//! Never lose an answer: autosave to the browser's storage, the resume prompt, two tabs,
//! and the draft file to continue on another computer. The format and all checks of a
//! saved draft live in `crate::domain::draft_file`; this layer only talks to the browser.

pub mod attachments_store;
pub mod autosave;
pub mod draft_file;
pub mod forget;
pub mod notices;
pub mod storage;

use leptos::prelude::*;

use crate::domain::draft_file::{ImportError, SavedDraft};
use crate::domain::step::Step;

/// What became of a draft file the applicant chose.
#[derive(Clone)]
pub enum FileOutcome {
    Opened,
    /// The applicant chose to keep their answers; the file was not used.
    Kept,
    Refused(ImportError),
}

/// What the drafts layer has to tell the applicant; shown by [`notices::DraftNotices`].
#[derive(Clone, Copy)]
pub struct Drafts {
    /// A stored draft found at start, waiting for "Continue" or "Start again".
    pub resume_offer: RwSignal<Option<SavedDraft>>,
    /// "Start again" was pressed once: ask to confirm.
    pub confirming_restart: RwSignal<bool>,
    /// Storage cannot be used; answers are kept in memory only.
    pub storage_problem: RwSignal<Option<storage::StorageProblem>>,
    /// A stored draft could not be read and was kept aside under this key.
    pub corrupt_kept_as: RwSignal<Option<String>>,
    /// Another tab saved different answers; autosave waits until the applicant chooses.
    pub other_tab: RwSignal<Option<SavedDraft>>,
    /// Result of opening a draft file, and the step it was shown on (it disappears when
    /// the applicant moves on).
    pub file_result: RwSignal<Option<(FileOutcome, Step)>>,
    /// A valid draft file that would replace answers the applicant could lose, waiting for
    /// "Ersätt mina svar med filens" or "Behåll mina svar" (see `draft_file::open_file`).
    pub file_question: RwSignal<Option<SavedDraft>>,
    /// Autosave runs only once the applicant has answered the resume prompt (or there was
    /// nothing to resume), so a stored draft is never overwritten before they choose.
    pub autosave_on: RwSignal<bool>,
    /// "Remove my answers" was pressed: its confirmation is shown.
    pub forget_asked: RwSignal<bool>,
    /// "Remove my answers" was done (here or in another tab): the start page says so
    /// until something new is answered.
    pub forgotten: RwSignal<bool>,
    pub tab_id: StoredValue<String>,
}

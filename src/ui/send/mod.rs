//! Sending the application: POST to the configured endpoint with retries, or, in
//! download mode, the application as a file. The retry rules live in
//! `crate::domain::submission`; this layer only performs requests and shows the result.

pub mod submit;

use leptos::prelude::*;

use crate::domain::submission::Failure;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendState {
    Idle,
    Sending { attempt: u32 },
    Sent { reference: String },
    Failed(Failure),
}

/// Where and how to send, from the host page's settings.
#[derive(Clone)]
pub struct Sending {
    pub endpoint: Option<String>,
    pub contact_email: Option<String>,
    pub state: RwSignal<SendState>,
}

pub fn use_sending() -> Option<Sending> {
    use_context::<Sending>()
}

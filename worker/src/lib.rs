//! The on-demand worker's core: everything here is plain Rust, tested natively. The
//! browser shell (`main.rs`) only moves messages and bytes.
//!
//! - `job`: what the page asked for, checked with the same domain code as the page.
//! - `pdf`: the application as a tagged PDF/A-3a document with its JSON and the
//!   attachments inside (the primary download, and the multipart `pdf` part).
//! - `bundle`: the secondary download (zip of the JSON, the PDF and the attachments).
//! - `messages`: what the applicant is told, in Swedish or English.

pub mod bundle;
pub mod job;
pub mod messages;
pub mod pdf;

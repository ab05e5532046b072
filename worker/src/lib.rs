//! The on-demand worker's core: everything here is plain Rust, tested natively.
//!
//! - `pdf`: the application as a tagged, PDF/A-2 document.
//! - `bundle`: the download file (zip of the JSON, the PDF and the attachments).

pub mod bundle;
pub mod pdf;

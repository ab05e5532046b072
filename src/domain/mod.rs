//! The functional core: every question of the form, parsing, validation and budget
//! arithmetic. Plain Rust with no browser APIs, so it is tested natively and shared by
//! the app and any receiver.

pub mod account_string;
pub mod application;
pub mod application_json;
pub mod attachments;
pub mod budget;
pub mod config;
pub mod dates;
pub mod draft;
pub mod draft_file;
pub mod email;
pub mod examples;
pub mod field;
pub mod file_name;
pub mod giro;
pub mod json;
pub mod mailto;
pub mod money;
pub mod problem;
pub mod retention;
pub mod rules;
pub mod step;
pub mod submission;
pub mod validate;

/// Version of the JSON shape of both the draft and the submitted application.
/// Bump it when a field changes meaning, and teach the draft importer to migrate.
pub const SCHEMA_VERSION: u32 = 1;

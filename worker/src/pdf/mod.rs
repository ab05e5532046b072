//! The application as a PDF. PLACEHOLDER in main until the PDF work (branch `pdf`)
//! merges: the signature is the contract the worker shell uses.

use skolutbyte::domain::application::Application;
use skolutbyte::domain::dates::Date;
use skolutbyte::i18n::Locale;

pub struct Stamp {
    pub reference: Option<String>,
    pub created: Date,
    pub created_hour: u8,
    pub created_minute: u8,
}

#[derive(Debug)]
pub struct PdfError;

pub fn application_pdf(
    _app: &Application,
    _locale: Locale,
    _stamp: &Stamp,
) -> Result<Vec<u8>, PdfError> {
    Err(PdfError)
}

//! The submitted application as a PDF: every answer, grouped by the form's steps, on
//! numbered A4 pages; tagged for screen readers and PDF/A-2a for archiving (the
//! application becomes a public record).
//!
//! ```text
//! application_pdf(&app, Locale::Sv, &stamp) -> Result<Vec<u8>, PdfError>
//! ```
//!
//! Pipeline: `content` (what to say, labelled with the app's own `Texts`) → `layout`
//! (wrapping and pagination in plain Rust, deterministic) → `render` (krilla: glyphs,
//! structure tree, XMP metadata, PDF/A checks). The font is embedded (`font`), so
//! nothing is read at run time: it runs the same natively and in the Web Worker.

mod content;
mod font;
mod layout;
mod render;
mod wrap;

use std::fmt;

use skolutbyte::domain::application::Application;
use skolutbyte::domain::dates::Date;
use skolutbyte::i18n::Locale;

/// When the PDF was made and, once the receiver has answered, its reference. The
/// worker has no clock of its own worth trusting for the date shown, so the caller
/// passes the local time it wants printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The receiver's reference ("SKU-2026-0042"), shown in the header of every page
    /// instead of the creation time when present.
    pub reference: Option<String>,
    /// Local date and time of creation: in the text, and the metadata's creation date.
    pub created: Date,
    pub created_hour: u8,
    pub created_minute: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The embedded font could not be read (a broken build, not bad input).
    Font,
    /// krilla refused the document, e.g. a PDF/A rule was broken. The text is krilla's.
    Pdf(String),
    /// More pages than any application should need.
    TooLong { pages: usize },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Font => f.write_str("the embedded font could not be read"),
            PdfError::Pdf(message) => write!(f, "the PDF could not be written: {message}"),
            PdfError::TooLong { pages } => write!(f, "the PDF would have {pages} pages"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The most pages a PDF may have; far beyond what the form's limits allow.
pub const MAX_PAGES: usize = 500;

/// Longest title and author in the metadata, in characters.
const MAX_META_CHARS: usize = 300;

/// The application as a tagged PDF/A-2a document in the given language.
///
/// Never panics on any `Application`: text the font cannot show becomes `?`.
pub fn application_pdf(
    app: &Application,
    locale: Locale,
    stamp: &Stamp,
) -> Result<Vec<u8>, PdfError> {
    let texts = locale.texts();
    let fonts = font::Fonts::load()?;
    let clean = |text: &str| fonts.clean(text);
    let doc = content::document(app, texts, stamp, &clean);
    let laid = layout::lay_out(&doc, &fonts);
    if laid.pages.len() > MAX_PAGES {
        return Err(PdfError::TooLong {
            pages: laid.pages.len(),
        });
    }
    let school = fonts.clean(app.school.name.trim());
    let title = if school.is_empty() {
        texts.pdf_title.to_string()
    } else {
        format!("{} – {school}", texts.pdf_title)
    };
    let title: String = title.chars().take(MAX_META_CHARS).collect();
    let author: String = fonts
        .clean(app.applicant.name.trim())
        .chars()
        .take(MAX_META_CHARS)
        .collect();
    let stamp_line = content::stamp_line(texts, stamp);
    let furnishing = render::Furnishing {
        texts,
        title: &title,
        stamp_line: &stamp_line,
        author: &author,
        stamp,
    };
    render::render(&laid, &fonts, &furnishing)
}

//! The submitted application as one PDF file for the case officer: a summary and a box
//! for the municipality's notes on page 1, every answer grouped by the form's steps,
//! and who declared what and when, on numbered A4 pages; tagged for screen readers and
//! PDF/A-3a for archiving (the application becomes a public record). Inside it, as the document's associated files:
//! `ansokan.json` (byte for byte the JSON a POST sends, relationship Data) and every
//! attachment under its made-safe name (relationship Supplement). The "Bilagor" section
//! lists them with their sizes and says they are inside.
//!
//! ```text
//! application_pdf(&app, Locale::Sv, &stamp, &attachments) -> Result<Vec<u8>, PdfError>
//! ```
//!
//! Pipeline: `content` (what to say, labelled with the app's own `Texts`) → `layout`
//! (wrapping and pagination in plain Rust, deterministic) → `render` (krilla: glyphs,
//! structure tree, XMP metadata, embedded files, PDF/A checks). The font is embedded
//! (`font`), so nothing is read at run time: it runs the same natively and in the Web
//! Worker.

mod content;
mod font;
mod layout;
mod render;
mod wrap;

use std::fmt;

use skolutbyte::domain::application::Application;
use skolutbyte::domain::application_json::{application_json, APPLICATION_JSON_FILE};
use skolutbyte::domain::dates::Date;
use skolutbyte::domain::file_name::attachment_file_names;
use skolutbyte::i18n::Locale;

/// When the PDF was made and, once the receiver has answered, its reference. The
/// worker has no clock of its own worth trusting for the date shown, so the caller
/// passes the local time it wants printed.
///
/// The declaration's time in the PDF ("Intygat") is this creation time, not the moment
/// the box was ticked: the page does not record that moment. The worker makes a PDF
/// only of a declared application (`validate` refuses one without), when the applicant
/// sends it or downloads it after declaring, so the time shown is when the declared
/// application left the form: at the declaration or shortly after.
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

/// An attached file to embed: its name (made safe again here, with the same rule as
/// everywhere), MIME type as the browser gave it, and content.
#[derive(Debug, Clone, Copy)]
pub struct AttachmentFile<'a> {
    pub name: &'a str,
    pub media_type: &'a str,
    pub bytes: &'a [u8],
}

/// The application as a tagged PDF/A-3a document in the given language, with its JSON
/// and `attachments` embedded.
///
/// Never panics on any `Application`: text the font cannot show becomes `?`.
pub fn application_pdf(
    app: &Application,
    locale: Locale,
    stamp: &Stamp,
    attachments: &[AttachmentFile],
) -> Result<Vec<u8>, PdfError> {
    let texts = locale.texts();
    let fonts = font::Fonts::load()?;
    let clean = |text: &str| fonts.clean(text);
    let json = application_json(app);
    let names = attachment_file_names(&attachments.iter().map(|a| a.name).collect::<Vec<_>>());
    let data_file = content::Listed {
        name: APPLICATION_JSON_FILE,
        size_bytes: json.len() as u64,
    };
    let listed: Vec<content::Listed> = attachments
        .iter()
        .zip(&names)
        .map(|(attachment, name)| content::Listed {
            name,
            size_bytes: attachment.bytes.len() as u64,
        })
        .collect();
    let doc = content::document(app, texts, stamp, &clean, &listed, &data_file);
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
    let mut embedded = vec![render::Embedded {
        name: APPLICATION_JSON_FILE,
        media_type: "application/json",
        description: texts.pdf_data_file.to_string(),
        bytes: json.as_bytes(),
        is_data: true,
    }];
    for (attachment, name) in attachments.iter().zip(&names) {
        embedded.push(render::Embedded {
            name,
            media_type: attachment.media_type,
            description: format!("{}: {name}", texts.attachments_list_title),
            bytes: attachment.bytes,
            is_data: false,
        });
    }
    render::render(&laid, &fonts, &furnishing, &embedded)
}

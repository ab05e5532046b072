//! The application as a PDF (filled in by the PDF work).

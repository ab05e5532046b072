//! Drawing the laid-out pages with krilla: text, rules, page furniture, the structure
//! tree and the metadata PDF/A-2a asks for.

use std::num::{NonZeroU16, NonZeroU32};

use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};

use skolutbyte::domain::attachments::media_type_of;
use skolutbyte::i18n::Texts;

use super::font::{Face, Fonts};
use super::layout::{
    baseline, Child, Drawn, Furniture, Ink, Laid, Mark, Role, BODY_TOP, MARGIN_X, PAGE_HEIGHT,
    PAGE_WIDTH, TEXT_WIDTH,
};
use super::{PdfError, Stamp};

const FURNITURE_SIZE: f32 = 8.5;

/// What the page header, footer and metadata say.
pub(crate) struct Furnishing<'a> {
    pub(crate) texts: &'static Texts,
    pub(crate) title: &'a str,
    /// Reference or creation time, for the header.
    pub(crate) stamp_line: &'a str,
    pub(crate) author: &'a str,
    pub(crate) stamp: &'a Stamp,
}

/// A file carried inside the PDF as an associated file of the document.
pub(crate) struct Embedded<'a> {
    /// Unique in the document (krilla refuses a second file of the same name).
    pub(crate) name: &'a str,
    pub(crate) media_type: &'a str,
    /// Shown by PDF readers next to the name; PDF/A-3 requires one.
    pub(crate) description: String,
    pub(crate) bytes: &'a [u8],
    /// The application's data (relationship Data), else an attachment (Supplement).
    pub(crate) is_data: bool,
}

fn color(ink: Ink) -> rgb::Color {
    match ink {
        Ink::Text => rgb::Color::new(0x0b, 0x0c, 0x0c),
        Ink::Muted => rgb::Color::new(0x50, 0x5a, 0x5f),
        Ink::Rule => rgb::Color::new(0xb1, 0xb4, 0xb6),
        Ink::Shade => rgb::Color::new(0xf3, 0xf2, 0xf1),
    }
}

fn fill(ink: Ink) -> Fill {
    Fill {
        paint: color(ink).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// A rectangle (a bordered box or a shaded band) as page furniture: `paint` sets its fill
/// and stroke. The stroke is cleared afterwards, as text drawing expects.
fn draw_box(
    surface: &mut Surface,
    (x, y, width, height): (f32, f32, f32, f32),
    mark: &Mark,
    paint: impl FnOnce(&mut Surface),
) {
    let tag = match mark {
        Mark::Artifact(f) => artifact(*f),
        Mark::Leaf(_) => artifact(Furniture::Layout),
    };
    let Some(rect) = Rect::from_xywh(x, y, width, height) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.start_tagged(tag);
        paint(surface);
        surface.draw_path(&path);
        surface.set_stroke(None);
        surface.end_tagged();
    }
}

fn artifact(furniture: Furniture) -> ContentTag<'static> {
    let kind = match furniture {
        Furniture::Header => ArtifactType::Header,
        Furniture::Footer => ArtifactType::Footer,
        Furniture::PageNumber => ArtifactType::PageNumber,
        Furniture::Repeated => ArtifactType::PaginationOther,
        Furniture::Layout => ArtifactType::Layout,
    };
    ContentTag::Artifact(Artifact::with_kind(kind))
}

fn configuration() -> Result<krilla::configure::Configuration, PdfError> {
    // PDF/A-3: PDF/A-2 plus embedded files of any type (clause 6.8); level A keeps the
    // tagging requirements. PDF/UA-1 as well: krilla then checks its rules while writing
    // and sets DisplayDocTitle, so readers show the title, not the file name (WCAG 2.4.2,
    // EN 301 549 10.2.4.2).
    ConfigurationBuilder::new()
        .with_archival_validator(Archival::A3_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError::Pdf(format!("{e:?}")))
}

pub(crate) fn render(
    laid: &Laid,
    fonts: &Fonts,
    furnishing: &Furnishing,
    embedded: &[Embedded],
) -> Result<Vec<u8>, PdfError> {
    let settings = SerializeSettings {
        configuration: configuration()?,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let mut ids: Vec<Option<Identifier>> = vec![None; laid.leaves];
    let page_count = laid.pages.len();
    let page_settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Pdf("page size".into()))?;

    for (index, page) in laid.pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(page_settings.clone());
        let mut surface = pdf_page.surface();
        furniture(&mut surface, fonts, furnishing, index + 1, page_count);
        for drawn in &page.drawn {
            match drawn {
                Drawn::Text {
                    x,
                    baseline,
                    size,
                    bold,
                    ink,
                    text,
                    mark,
                } => {
                    let tag = match mark {
                        Mark::Leaf(_) => ContentTag::Span(SpanTag::empty()),
                        Mark::Artifact(f) => artifact(*f),
                    };
                    let id = surface.start_tagged(tag);
                    draw_text(
                        &mut surface,
                        fonts.face(*bold),
                        *x,
                        *baseline,
                        *size,
                        *ink,
                        text,
                    );
                    surface.end_tagged();
                    if let Mark::Leaf(leaf) = mark {
                        if let Some(slot) = ids.get_mut(*leaf) {
                            *slot = Some(id);
                        }
                    }
                }
                Drawn::Rule {
                    x,
                    y,
                    width,
                    thickness,
                    mark,
                } => {
                    let tag = match mark {
                        Mark::Artifact(f) => artifact(*f),
                        Mark::Leaf(_) => artifact(Furniture::Layout),
                    };
                    surface.start_tagged(tag);
                    draw_rule(&mut surface, *x, *y, *width, *thickness);
                    surface.end_tagged();
                }
                Drawn::Frame {
                    x,
                    y,
                    width,
                    height,
                    mark,
                } => draw_box(&mut surface, (*x, *y, *width, *height), mark, |surface| {
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: color(Ink::Muted).into(),
                        width: 1.0,
                        ..Stroke::default()
                    }));
                }),
                Drawn::Shade {
                    x,
                    y,
                    width,
                    height,
                    mark,
                } => draw_box(&mut surface, (*x, *y, *width, *height), mark, |surface| {
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(Ink::Shade)));
                }),
            }
        }
        surface.finish();
        pdf_page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(furnishing.texts.lang.to_string()));
    for child in &laid.root {
        if let Some(node) = node(laid, *child, &ids, 0) {
            tree.push(node);
        }
    }
    document.set_tag_tree(tree);
    // Bookmarks: one per section, for finding the budget in a ten-page application.
    let mut outline = Outline::new();
    for (heading, page, y) in &laid.bookmarks {
        let target = XyzDestination::new(*page, Point::from_xy(0.0, (*y - 8.0).max(0.0)));
        outline.push_child(OutlineNode::new(heading.clone(), target));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(furnishing));
    for file in embedded {
        document
            .embed_file(embedded_file(file, created(furnishing.stamp)))
            .ok_or_else(|| PdfError::Pdf(format!("two embedded files are called {}", file.name)))?;
    }
    document.finish().map_err(|e| PdfError::Pdf(e.to_string()))
}

fn draw_text(surface: &mut Surface, face: &Face, x: f32, y: f32, size: f32, ink: Ink, text: &str) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill(ink)));
    let glyphs = face.glyphs(text);
    surface.draw_glyphs(
        Point::from_xy(x, y),
        &glyphs,
        face.font.clone(),
        text,
        size,
        false,
    );
}

fn draw_rule(surface: &mut Surface, x: f32, y: f32, width: f32, thickness: f32) {
    let mut path = PathBuilder::new();
    path.move_to(x, y);
    path.line_to(x + width, y);
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: color(Ink::Rule).into(),
            width: thickness,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

/// Header (organisation, reference or time), footer (title, page x of y): artifacts, so
/// a screen reader does not read them on every page.
fn furniture(surface: &mut Surface, fonts: &Fonts, f: &Furnishing, page: usize, pages: usize) {
    let t = f.texts;
    let header_top = 30.0;
    let leading = 12.0;
    let y = baseline(header_top, FURNITURE_SIZE, leading);

    surface.start_tagged(artifact(Furniture::Header));
    let organisation = fonts.clean(t.organisation);
    draw_text(
        surface,
        &fonts.bold,
        MARGIN_X,
        y,
        FURNITURE_SIZE,
        Ink::Muted,
        &organisation,
    );
    let used = fonts.bold.width(&organisation, FURNITURE_SIZE) + 24.0;
    let stamp = fit(
        &fonts.regular,
        &fonts.clean(f.stamp_line),
        FURNITURE_SIZE,
        TEXT_WIDTH - used,
    );
    let stamp_x = MARGIN_X + TEXT_WIDTH - fonts.regular.width(&stamp, FURNITURE_SIZE);
    draw_text(
        surface,
        &fonts.regular,
        stamp_x,
        y,
        FURNITURE_SIZE,
        Ink::Muted,
        &stamp,
    );
    surface.end_tagged();
    surface.start_tagged(artifact(Furniture::Header));
    draw_rule(surface, MARGIN_X, BODY_TOP - 24.0, TEXT_WIDTH, 0.75);
    surface.end_tagged();

    let footer_top = PAGE_HEIGHT - 44.0;
    let y = baseline(footer_top, FURNITURE_SIZE, leading);
    let number = t
        .pdf_page_of
        .replace("{n}", &page.to_string())
        .replace("{total}", &pages.to_string());
    let number = fonts.clean(&number);
    let number_width = fonts.regular.width(&number, FURNITURE_SIZE);
    surface.start_tagged(artifact(Furniture::Footer));
    let title = fit(
        &fonts.regular,
        &fonts.clean(f.title),
        FURNITURE_SIZE,
        TEXT_WIDTH - number_width - 24.0,
    );
    draw_text(
        surface,
        &fonts.regular,
        MARGIN_X,
        y,
        FURNITURE_SIZE,
        Ink::Muted,
        &title,
    );
    surface.end_tagged();
    surface.start_tagged(artifact(Furniture::PageNumber));
    let x = MARGIN_X + TEXT_WIDTH - number_width;
    draw_text(
        surface,
        &fonts.regular,
        x,
        y,
        FURNITURE_SIZE,
        Ink::Muted,
        &number,
    );
    surface.end_tagged();
}

/// `text` cut with "…" to fit one line of `width`.
fn fit(face: &Face, text: &str, size: f32, width: f32) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if face.width(&text, size) <= width {
        return text;
    }
    let ellipsis = face.width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = face.advance(c) * size;
        if used + w + ellipsis > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn tag_kind(role: &Role, title: Option<&str>) -> TagKind {
    let title = title.map(str::to_string);
    match role {
        Role::Title => Tag::Hn(NonZeroU16::MIN, title).into(),
        Role::Heading => Tag::Hn(NonZeroU16::MIN.saturating_add(1), title).into(),
        Role::Paragraph => Tag::P.into(),
        Role::Section => Tag::Section.into(),
        Role::List => Tag::L(ListNumbering::None).into(),
        Role::ListItem => Tag::LI.into(),
        Role::Label => Tag::Lbl.into(),
        Role::ListBody => Tag::LBody.into(),
        Role::Table => Tag::Table.into(),
        Role::TableHead => Tag::THead.into(),
        Role::TableBody => Tag::TBody.into(),
        Role::TableFoot => Tag::TFoot.into(),
        Role::Row => Tag::TR.into(),
        Role::ColumnHeader => Tag::TH(TableHeaderScope::Column).into(),
        Role::RowHeader(span) => Tag::TH(TableHeaderScope::Row)
            .with_col_span(NonZeroU32::new(*span).filter(|s| s.get() > 1))
            .into(),
        Role::Cell => Tag::TD.into(),
    }
}

fn node(laid: &Laid, child: Child, ids: &[Option<Identifier>], depth: usize) -> Option<Node> {
    match child {
        Child::Leaf(leaf) => ids.get(leaf).copied().flatten().map(Node::Leaf),
        Child::Group(index) => {
            // The layout nests at most five deep; the bound only guards the recursion.
            if depth > 16 {
                return None;
            }
            let group = laid.groups.get(index)?;
            let children: Vec<Node> = group
                .children
                .iter()
                .filter_map(|c| node(laid, *c, ids, depth + 1))
                .collect();
            if children.is_empty() {
                return None;
            }
            Some(Node::Group(TagGroup::with_children(
                tag_kind(&group.role, group.title.as_deref()),
                children,
            )))
        }
    }
}

fn embedded_file(file: &Embedded, modified: DateTime) -> EmbeddedFile {
    // The browser's type when it is a valid one, else what the extension says.
    let mime_type =
        MimeType::new(file.media_type.trim()).or_else(|| MimeType::new(media_type_of(file.name)));
    EmbeddedFile {
        path: file.name.to_string(),
        mime_type,
        description: Some(file.description.clone()),
        association_kind: if file.is_data {
            AssociationKind::Data
        } else {
            AssociationKind::Supplement
        },
        data: file.bytes.to_vec().into(),
        modification_date: Some(modified),
        // The JSON compresses well; the attachments allowed (PDF, Office and
        // OpenDocument files, JPEG, PNG) are compressed already, and deflating megabytes
        // again in the worker would only cost time. Other types: krilla decides.
        compress: if file.is_data {
            Some(true)
        } else if is_compressed_format(file.name) {
            Some(false)
        } else {
            None
        },
        location: None,
    }
}

fn is_compressed_format(name: &str) -> bool {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        extension.as_str(),
        "pdf" | "docx" | "xlsx" | "pptx" | "odt" | "ods" | "odp" | "jpg" | "jpeg" | "png" | "zip"
    )
}

/// The creation time: in the metadata, and as the embedded files' modification date.
fn created(stamp: &Stamp) -> DateTime {
    let created = stamp.created;
    let year = u16::try_from(created.year()).unwrap_or(2000);
    DateTime::new(year)
        .month(created.month())
        .day(created.day())
        .hour(stamp.created_hour.min(23))
        .minute(stamp.created_minute.min(59))
}

fn metadata(f: &Furnishing) -> Metadata {
    let date = created(f.stamp);
    let mut metadata = Metadata::new()
        .title(f.title.to_string())
        .language(f.texts.lang.to_string())
        .creator(format!("{} – {}", f.texts.organisation, f.texts.pdf_title))
        .creation_date(date);
    if !f.author.trim().is_empty() {
        metadata = metadata.authors(vec![f.author.trim().to_string()]);
    }
    metadata
}

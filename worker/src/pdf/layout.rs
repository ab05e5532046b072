//! Placing the document on A4 pages: wrapping, page breaks, tables; and, alongside, the
//! logical structure (headings, lists, tables) that each placed line belongs to.
//!
//! Layout finishes before anything is drawn, so the page count is known for
//! "Sida 1 av N". Everything is in PDF points, y growing downwards (krilla's system).

use super::content::{Doc, Item, Table};
use super::font::Fonts;
use super::wrap::wrap;

pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// 2 cm each side.
pub(crate) const MARGIN_X: f32 = 56.7;
pub(crate) const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
pub(crate) const BODY_TOP: f32 = 78.0;
pub(crate) const BODY_BOTTOM: f32 = PAGE_HEIGHT - 62.0;

const TITLE_SIZE: f32 = 17.0;
const TITLE_LEADING: f32 = 21.0;
const HEADING_SIZE: f32 = 13.0;
const HEADING_LEADING: f32 = 17.0;
const BODY_SIZE: f32 = 10.0;
const BODY_LEADING: f32 = 14.0;
const META_SIZE: f32 = 9.5;
const META_LEADING: f32 = 13.0;
const CELL_PAD: f32 = 4.0;
/// Share of the text width for an answer's label; the answer takes the rest.
const LABEL_SHARE: f32 = 0.36;
const GUTTER: f32 = 12.0;
/// Rows of at most this many lines move whole to the next page rather than split.
const KEEP_LINES: usize = 4;

/// DejaVu Sans ascent and descent in em, to centre a line in its leading.
const ASCENT: f32 = 0.928;
const DESCENT: f32 = 0.236;

pub(crate) fn baseline(top: f32, size: f32, leading: f32) -> f32 {
    top + (leading - (ASCENT + DESCENT) * size) / 2.0 + ASCENT * size
}

/// Page furniture: drawn, but not part of the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    Header,
    Footer,
    PageNumber,
    /// A table header repeated on a following page.
    Repeated,
    /// Rules and shading.
    Layout,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Real content: leaf number in the structure tree.
    Leaf(usize),
    Artifact(Furniture),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ink {
    Text,
    Muted,
    Rule,
    Shade,
}

#[derive(Debug, Clone)]
pub(crate) enum Drawn {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        ink: Ink,
        text: String,
        mark: Mark,
    },
    /// A horizontal rule.
    Rule {
        x: f32,
        y: f32,
        width: f32,
        thickness: f32,
        mark: Mark,
    },
    /// A filled rectangle.
    Shade {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        mark: Mark,
    },
}

#[derive(Debug, Default)]
pub(crate) struct Page {
    pub(crate) drawn: Vec<Drawn>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    Title,
    Heading,
    Paragraph,
    Section,
    List,
    ListItem,
    Label,
    ListBody,
    Table,
    TableHead,
    TableBody,
    TableFoot,
    Row,
    ColumnHeader,
    /// Row header spanning this many columns.
    RowHeader(u32),
    Cell,
}

#[derive(Debug)]
pub(crate) struct Group {
    pub(crate) role: Role,
    /// Headings carry their text as a title too.
    pub(crate) title: Option<String>,
    pub(crate) children: Vec<Child>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Child {
    Group(usize),
    Leaf(usize),
}

/// The laid-out document: pages of drawing, and the structure tree over them.
#[derive(Debug)]
pub(crate) struct Laid {
    pub(crate) pages: Vec<Page>,
    pub(crate) groups: Vec<Group>,
    pub(crate) root: Vec<Child>,
    pub(crate) leaves: usize,
    /// Section headings with their page and top, for the outline (bookmarks).
    pub(crate) bookmarks: Vec<(String, usize, f32)>,
}

/// One cell of a row being placed: its lines and where they go.
#[derive(Clone)]
struct Cell {
    x: f32,
    width: f32,
    lines: Vec<String>,
    bold: bool,
    align_end: bool,
    /// Structure group of the content, or `None` for a repeated header.
    group: Option<usize>,
}

#[derive(Clone, Copy)]
struct RowStyle {
    size: f32,
    leading: f32,
    pad_top: f32,
    pad_bottom: f32,
    pad_x: f32,
    shade: bool,
    rule: f32,
}

const ANSWER_ROW: RowStyle = RowStyle {
    size: BODY_SIZE,
    leading: BODY_LEADING,
    pad_top: 5.0,
    pad_bottom: 5.0,
    pad_x: 0.0,
    shade: false,
    rule: 0.5,
};

const TABLE_ROW: RowStyle = RowStyle {
    size: BODY_SIZE,
    leading: BODY_LEADING,
    pad_top: CELL_PAD,
    pad_bottom: CELL_PAD,
    pad_x: CELL_PAD,
    shade: false,
    rule: 0.5,
};

const TABLE_HEAD: RowStyle = RowStyle {
    shade: true,
    rule: 1.0,
    ..TABLE_ROW
};

struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Page>,
    y: f32,
    /// Nothing but a repeated table header placed on this page yet.
    fresh: bool,
    groups: Vec<Group>,
    root: Vec<Child>,
    leaves: usize,
    bookmarks: Vec<(String, usize, f32)>,
    /// The header row of the table being placed, repeated after each page break.
    repeat: Option<(Vec<Cell>, RowStyle)>,
}

pub(crate) fn lay_out(doc: &Doc, fonts: &Fonts) -> Laid {
    let mut l = Layout {
        fonts,
        pages: vec![Page::default()],
        y: BODY_TOP,
        fresh: true,
        groups: Vec::new(),
        root: Vec::new(),
        leaves: 0,
        bookmarks: Vec::new(),
        repeat: None,
    };

    let title = l.group(None, Role::Title, Some(doc.title.clone()));
    let lines = l.lines(&doc.title, TITLE_SIZE, true, TEXT_WIDTH);
    l.flow(title, &lines, TITLE_SIZE, TITLE_LEADING, true);
    l.y += 4.0;
    for meta in &doc.meta {
        let p = l.group(None, Role::Paragraph, None);
        let lines = l.lines(meta, META_SIZE, false, TEXT_WIDTH);
        l.flow(p, &lines, META_SIZE, META_LEADING, false);
    }

    for section in &doc.sections {
        let sect = l.group(None, Role::Section, None);
        let heading = l.fonts.clean(&section.heading);
        let lines = l.lines(&heading, HEADING_SIZE, true, TEXT_WIDTH);
        if !l.fresh {
            l.y += 16.0;
        }
        // Keep the heading with the first lines under it.
        let keep = lines.len() as f32 * HEADING_LEADING + 6.0 + 3.0 * BODY_LEADING + 2.0 * CELL_PAD;
        l.keep(keep);
        let page = l.pages.len().saturating_sub(1);
        l.bookmarks.push((heading.clone(), page, l.y));
        let h = l.group(Some(sect), Role::Heading, Some(heading));
        l.flow(h, &lines, HEADING_SIZE, HEADING_LEADING, true);
        l.y += 6.0;
        for item in &section.items {
            match item {
                Item::Answers(answers) => {
                    let list = l.group(Some(sect), Role::List, None);
                    for answer in answers {
                        l.answer(list, &answer.label, &answer.value);
                    }
                    l.y += 4.0;
                }
                Item::Paragraph(text) => {
                    let p = l.group(Some(sect), Role::Paragraph, None);
                    let lines = l.lines(text, BODY_SIZE, false, TEXT_WIDTH);
                    l.flow(p, &lines, BODY_SIZE, BODY_LEADING, false);
                    l.y += 6.0;
                }
                Item::Table(table) => l.table(sect, table),
            }
        }
    }

    Laid {
        pages: l.pages,
        groups: l.groups,
        root: l.root,
        leaves: l.leaves,
        bookmarks: l.bookmarks,
    }
}

impl Layout<'_> {
    fn group(&mut self, parent: Option<usize>, role: Role, title: Option<String>) -> usize {
        let id = self.groups.len();
        self.groups.push(Group {
            role,
            title,
            children: Vec::new(),
        });
        match parent.and_then(|p| self.groups.get_mut(p)) {
            Some(parent) => parent.children.push(Child::Group(id)),
            None => self.root.push(Child::Group(id)),
        }
        id
    }

    fn leaf(&mut self, group: usize) -> Mark {
        let id = self.leaves;
        self.leaves += 1;
        if let Some(g) = self.groups.get_mut(group) {
            g.children.push(Child::Leaf(id));
        }
        Mark::Leaf(id)
    }

    fn lines(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let face = self.fonts.face(bold);
        let clean = self.fonts.clean(text);
        wrap(&clean, &|c| face.advance(c) * size, width)
    }

    fn draw(&mut self, drawn: Drawn) {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        if let Some(page) = self.pages.last_mut() {
            page.drawn.push(drawn);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
        if let Some((cells, style)) = self.repeat.take() {
            let lines = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1);
            self.row_part(&cells, style, 0, lines, false);
            self.repeat = Some((cells, style));
        }
        self.fresh = true;
    }

    /// Breaks the page unless `height` fits below; never breaks an empty page.
    fn keep(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM && !self.fresh {
            self.new_page();
        }
    }

    /// Lines at the left margin, one after the other, breaking pages between lines.
    fn flow(&mut self, group: usize, lines: &[String], size: f32, leading: f32, bold: bool) {
        for line in lines {
            if line.is_empty() {
                self.y += leading / 2.0;
                continue;
            }
            self.keep(leading);
            let mark = self.leaf(group);
            self.draw(Drawn::Text {
                x: MARGIN_X,
                baseline: baseline(self.y, size, leading),
                size,
                bold,
                ink: Ink::Text,
                text: line.clone(),
                mark,
            });
            self.y += leading;
            self.fresh = false;
        }
    }

    /// Label and answer side by side, as on the check-your-answers page.
    fn answer(&mut self, list: usize, label: &str, value: &str) {
        let item = self.group(Some(list), Role::ListItem, None);
        let label_group = self.group(Some(item), Role::Label, None);
        let body_group = self.group(Some(item), Role::ListBody, None);
        let label_width = TEXT_WIDTH * LABEL_SHARE;
        let value_x = MARGIN_X + label_width + GUTTER;
        let value_width = TEXT_WIDTH - label_width - GUTTER;
        let cells = vec![
            Cell {
                x: MARGIN_X,
                width: label_width,
                lines: self.lines(label, BODY_SIZE, true, label_width),
                bold: true,
                align_end: false,
                group: Some(label_group),
            },
            Cell {
                x: value_x,
                width: value_width,
                lines: self.lines(value, BODY_SIZE, false, value_width),
                bold: false,
                align_end: false,
                group: Some(body_group),
            },
        ];
        self.row(&cells, ANSWER_ROW);
    }

    fn table(&mut self, sect: usize, table: &Table) {
        let table_group = self.group(Some(sect), Role::Table, None);
        let columns = &table.columns;
        let mut xs = Vec::with_capacity(columns.len());
        let mut x = MARGIN_X;
        for column in columns {
            let width = TEXT_WIDTH * column.share;
            xs.push((x, width));
            x += width;
        }
        let inner = |width: f32| (width - 2.0 * CELL_PAD).max(1.0);

        let head = self.group(Some(table_group), Role::TableHead, None);
        let head_row = self.group(Some(head), Role::Row, None);
        let mut head_cells = Vec::new();
        for (column, &(x, width)) in columns.iter().zip(&xs) {
            let group = self.group(Some(head_row), Role::ColumnHeader, None);
            head_cells.push(Cell {
                x,
                width,
                lines: self.lines(&column.header, BODY_SIZE, true, inner(width)),
                bold: true,
                align_end: column.align_end,
                group: Some(group),
            });
        }
        let head_height = row_height(&head_cells, TABLE_HEAD);
        self.keep(head_height + BODY_LEADING * 2.0 + 2.0 * CELL_PAD);
        self.row(&head_cells, TABLE_HEAD);
        let repeated = head_cells
            .into_iter()
            .map(|cell| Cell {
                group: None,
                ..cell
            })
            .collect();
        self.repeat = Some((repeated, TABLE_HEAD));

        if !table.rows.is_empty() {
            let body = self.group(Some(table_group), Role::TableBody, None);
            for row in &table.rows {
                let tr = self.group(Some(body), Role::Row, None);
                let mut cells = Vec::new();
                for ((text, column), &(x, width)) in row.iter().zip(columns).zip(&xs) {
                    let group = self.group(Some(tr), Role::Cell, None);
                    cells.push(Cell {
                        x,
                        width,
                        lines: self.lines(text, BODY_SIZE, false, inner(width)),
                        bold: false,
                        align_end: column.align_end,
                        group: Some(group),
                    });
                }
                self.row(&cells, TABLE_ROW);
            }
        }

        if !table.footer.is_empty() {
            let foot = self.group(Some(table_group), Role::TableFoot, None);
            let span = columns.len().saturating_sub(1).max(1);
            let label_width: f32 = xs.iter().take(span).map(|c| c.1).sum();
            let (value_x, value_width) = xs.last().copied().unwrap_or((MARGIN_X, TEXT_WIDTH));
            let align_end = columns.last().is_some_and(|c| c.align_end);
            // The sums stay together, on the page of the last rows or the next.
            let footer_height = table.footer.len() as f32
                * (BODY_LEADING + TABLE_ROW.pad_top + TABLE_ROW.pad_bottom);
            self.keep(footer_height);
            for (label, value) in &table.footer {
                let tr = self.group(Some(foot), Role::Row, None);
                let th = self.group(
                    Some(tr),
                    Role::RowHeader(u32::try_from(span).unwrap_or(1)),
                    None,
                );
                let td = self.group(Some(tr), Role::Cell, None);
                let cells = vec![
                    Cell {
                        x: MARGIN_X,
                        width: label_width,
                        lines: self.lines(label, BODY_SIZE, true, inner(label_width)),
                        bold: true,
                        align_end: false,
                        group: Some(th),
                    },
                    Cell {
                        x: value_x,
                        width: value_width,
                        lines: self.lines(value, BODY_SIZE, true, inner(value_width)),
                        bold: true,
                        align_end,
                        group: Some(td),
                    },
                ];
                self.row(&cells, TABLE_ROW);
            }
        }
        self.repeat = None;
        self.y += 8.0;
    }

    /// Places a row, moving it to the next page when it does not fit here, or splitting
    /// it between lines when it is long (so a long answer does not leave half a page
    /// empty).
    fn row(&mut self, cells: &[Cell], style: RowStyle) {
        let total = cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut start = 0;
        while start < total {
            let remaining = total - start;
            let pads = style.pad_top + style.pad_bottom;
            let room = ((BODY_BOTTOM - self.y - pads) / style.leading).floor();
            let room = if room.is_finite() && room > 0.0 {
                room as usize
            } else {
                0
            };
            if remaining > room && !self.fresh {
                let move_whole = start == 0 && total <= KEEP_LINES;
                if move_whole || room < 2 {
                    self.new_page();
                    continue;
                }
            }
            let take = remaining.min(room.max(1));
            self.row_part(cells, style, start, take, true);
            start += take;
            if start < total {
                self.new_page();
            }
        }
    }

    /// Lines `start..start + take` of each cell, with the row's shading and rule.
    fn row_part(&mut self, cells: &[Cell], style: RowStyle, start: usize, take: usize, real: bool) {
        let height = take as f32 * style.leading + style.pad_top + style.pad_bottom;
        let furniture = if real {
            Furniture::Layout
        } else {
            Furniture::Repeated
        };
        if style.shade {
            self.draw(Drawn::Shade {
                x: MARGIN_X,
                y: self.y,
                width: TEXT_WIDTH,
                height,
                mark: Mark::Artifact(furniture),
            });
        }
        for cell in cells {
            let face = self.fonts.face(cell.bold);
            for (i, line) in cell.lines.iter().enumerate().skip(start).take(take) {
                if line.is_empty() {
                    continue;
                }
                let x = if cell.align_end {
                    cell.x + cell.width - style.pad_x - face.width(line.trim_end(), style.size)
                } else {
                    cell.x + style.pad_x
                };
                let top = self.y + style.pad_top + (i - start) as f32 * style.leading;
                let mark = match cell.group {
                    Some(group) if real => self.leaf(group),
                    _ => Mark::Artifact(Furniture::Repeated),
                };
                self.draw(Drawn::Text {
                    x,
                    baseline: baseline(top, style.size, style.leading),
                    size: style.size,
                    bold: cell.bold,
                    ink: Ink::Text,
                    text: line.clone(),
                    mark,
                });
            }
        }
        self.y += height;
        self.draw(Drawn::Rule {
            x: MARGIN_X,
            y: self.y,
            width: TEXT_WIDTH,
            thickness: style.rule,
            mark: Mark::Artifact(furniture),
        });
        self.fresh = !real;
    }
}

fn row_height(cells: &[Cell], style: RowStyle) -> f32 {
    let lines = cells
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(0)
        .max(1);
    lines as f32 * style.leading + style.pad_top + style.pad_bottom
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::content::{Answer, Column, Section};
    use std::collections::HashMap;

    fn words(n: usize) -> String {
        (0..n)
            .map(|i| format!("ord{i} åäö"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn doc(rows: usize, long_cell_words: usize) -> Doc {
        let mut table_rows: Vec<Vec<String>> = (0..rows)
            .map(|i| vec![format!("{i} mars 2027"), "Resan".into(), words(8)])
            .collect();
        table_rows.push(vec![
            "1 april 2027".into(),
            "Resan".into(),
            words(long_cell_words),
        ]);
        Doc {
            title: "Ansökan".into(),
            meta: vec!["Skapad: i dag".into()],
            sections: vec![
                Section {
                    heading: "Mål".into(),
                    items: vec![Item::Answers(vec![
                        Answer {
                            label: "Kort".into(),
                            value: "Ja".into(),
                        },
                        Answer {
                            label: "Lång".into(),
                            value: words(1500),
                        },
                    ])],
                },
                Section {
                    heading: "Aktiviteter".into(),
                    items: vec![Item::Table(Table {
                        columns: vec![
                            Column {
                                header: "Datum".into(),
                                share: 0.25,
                                align_end: false,
                            },
                            Column {
                                header: "Del".into(),
                                share: 0.25,
                                align_end: false,
                            },
                            Column {
                                header: "Belopp".into(),
                                share: 0.5,
                                align_end: true,
                            },
                        ],
                        rows: table_rows,
                        footer: vec![("Summa".into(), "1 kr".into())],
                    })],
                },
            ],
        }
    }

    fn laid(rows: usize, long_cell_words: usize) -> Laid {
        let fonts = Fonts::load().expect("fonts");
        lay_out(&doc(rows, long_cell_words), &fonts)
    }

    /// Leaf id → (page, text) as drawn.
    fn leaves(laid: &Laid) -> HashMap<usize, (usize, String)> {
        let mut map = HashMap::new();
        for (page, p) in laid.pages.iter().enumerate() {
            for d in &p.drawn {
                if let Drawn::Text {
                    text,
                    mark: Mark::Leaf(id),
                    ..
                } = d
                {
                    assert!(
                        map.insert(*id, (page, text.clone())).is_none(),
                        "leaf {id} drawn twice"
                    );
                }
            }
        }
        map
    }

    /// Leaf ids under a group, in tree order.
    fn leaves_under(laid: &Laid, group: usize, out: &mut Vec<usize>) {
        for child in &laid.groups[group].children {
            match child {
                Child::Leaf(id) => out.push(*id),
                Child::Group(g) => leaves_under(laid, *g, out),
            }
        }
    }

    #[test]
    fn every_line_is_inside_the_text_area() {
        let fonts = Fonts::load().expect("fonts");
        let laid = lay_out(&doc(60, 900), &fonts);
        assert!(laid.pages.len() > 3, "{} pages", laid.pages.len());
        for page in &laid.pages {
            for d in &page.drawn {
                if let Drawn::Text {
                    x,
                    baseline,
                    size,
                    bold,
                    text,
                    ..
                } = d
                {
                    let width = fonts.face(*bold).width(text.trim_end(), *size);
                    assert!(*x >= MARGIN_X - 0.01, "{text:?} at x {x}");
                    assert!(
                        x + width <= MARGIN_X + TEXT_WIDTH + 0.01,
                        "{text:?} too wide"
                    );
                    assert!(
                        *baseline > BODY_TOP && *baseline < BODY_BOTTOM,
                        "{text:?} at y {baseline}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_leaf_is_drawn_once_and_has_one_parent() {
        let laid = laid(40, 50);
        let drawn = leaves(&laid);
        assert_eq!(drawn.len(), laid.leaves);
        let mut parents = vec![0; laid.leaves];
        for group in &laid.groups {
            for child in &group.children {
                if let Child::Leaf(id) = child {
                    parents[*id] += 1;
                }
            }
        }
        assert!(parents.iter().all(|&n| n == 1), "{parents:?}");
    }

    #[test]
    fn a_long_table_repeats_its_header_as_an_artifact_on_each_new_page() {
        let laid = laid(120, 10);
        let header_pages: Vec<usize> = laid
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.drawn.iter().any(|d| {
                    matches!(d, Drawn::Text { text, mark: Mark::Artifact(Furniture::Repeated), .. } if text == "Datum")
                })
            })
            .map(|(i, _)| i)
            .collect();
        assert!(header_pages.len() >= 2, "{header_pages:?}");
        // The real header is tagged once, as column headers.
        let column_headers = laid
            .groups
            .iter()
            .filter(|g| g.role == Role::ColumnHeader)
            .count();
        assert_eq!(column_headers, 3);
    }

    #[test]
    fn short_rows_stay_on_one_page_and_long_ones_split() {
        let laid = laid(70, 2000);
        let drawn = leaves(&laid);
        let rows: Vec<usize> = laid
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.role == Role::Row)
            .map(|(i, _)| i)
            .collect();
        let mut split = 0;
        for row in rows {
            let mut ids = Vec::new();
            leaves_under(&laid, row, &mut ids);
            let mut pages: Vec<usize> = ids.iter().map(|id| drawn[id].0).collect();
            pages.dedup();
            pages.sort_unstable();
            pages.dedup();
            if ids.len() <= KEEP_LINES * 3 {
                assert_eq!(pages.len(), 1, "short row split over {pages:?}");
            } else if pages.len() > 1 {
                split += 1;
            }
        }
        assert_eq!(split, 1, "the long row should run over pages");
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        for rows in [0, 5, 17, 23, 31, 44] {
            let laid = laid(rows, 20);
            let drawn = leaves(&laid);
            let mut last_on_page: HashMap<usize, usize> = HashMap::new();
            for (id, (page, _)) in &drawn {
                let entry = last_on_page.entry(*page).or_insert(*id);
                *entry = (*entry).max(*id);
            }
            for group in laid.groups.iter().filter(|g| g.role == Role::Heading) {
                for child in &group.children {
                    if let Child::Leaf(id) = child {
                        let page = drawn[id].0;
                        assert_ne!(
                            last_on_page[&page], *id,
                            "heading {:?} ends page {page}",
                            group.title
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn layout_is_deterministic() {
        let a = laid(30, 300);
        let b = laid(30, 300);
        assert_eq!(format!("{:?}", a.pages), format!("{:?}", b.pages));
    }
}

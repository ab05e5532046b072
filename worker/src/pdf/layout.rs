//! Placing the document on A4 pages: wrapping, page breaks, tables; and, alongside, the
//! logical structure (headings, lists, tables) that each placed line belongs to.
//!
//! Layout finishes before anything is drawn, so the page count is known for
//! "Sida 1 av N". Everything is in PDF points, y growing downwards (krilla's system).

use super::content::{Doc, Item, Section, Table};
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
/// Rows that open and end a list or table together, so no page holds only a row or two
/// of it (where the layout can avoid it).
const KEEP_ROWS: usize = 3;
/// Lines that open and end a paragraph together.
const KEEP_LINES_TOGETHER: usize = 2;
/// The most of a page that keeping rows or lines together may leave empty.
const MAX_KEEP: f32 = (BODY_BOTTOM - BODY_TOP) * 0.4;
/// A section at most this tall (a heading and about five answers) is never split, so a
/// short section's last item (the declaration's time) is not alone on a page. A longer
/// one breaks between rows, keeping three together at each end.
const SHORT_SECTION: f32 = 150.0;
const SECTION_GAP: f32 = 16.0;
const HEADING_GAP: f32 = 6.0;
/// Inside the border of a boxed section.
const BOX_PAD: f32 = 10.0;
/// Room to write above a write-in line, and below it.
const WRITE_IN_SPACE: f32 = 12.0;
const WRITE_IN_BELOW: f32 = 4.0;

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
    /// A rectangle's border.
    Frame {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
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
    /// The text column: the page's, or the inside of a box.
    left: f32,
    width: f32,
    groups: Vec<Group>,
    root: Vec<Child>,
    leaves: usize,
    bookmarks: Vec<(String, usize, f32)>,
    /// The header row of the table being placed, repeated after each page break.
    repeat: Option<(Vec<Cell>, RowStyle)>,
    /// A trial run that only measures a section (see [`Layout::measure`]).
    measuring: bool,
}

/// The height of one row or line, and the least of it that may end a page: all of it
/// for a short row, two lines for one long enough to split.
#[derive(Clone, Copy)]
struct Unit {
    full: f32,
    least: f32,
}

/// The height of the first `count` units, which open a page together: where keeping
/// them all would leave more than [`MAX_KEEP`] of a page empty, only those that fit in
/// it and the least of the next.
fn lead(units: &[Unit], count: usize) -> f32 {
    let mut total = 0.0;
    for unit in units.iter().take(count) {
        if total + unit.full > MAX_KEEP {
            return total + unit.least;
        }
        total += unit.full;
    }
    total
}

/// How many of `n` rows (or lines) open a block together: all of a block too short to
/// leave `keep` on each side of a break, else `keep`.
fn lead_count(n: usize, keep: usize) -> usize {
    if n < 2 * keep {
        n
    } else {
        keep
    }
}

pub(crate) fn lay_out(doc: &Doc, fonts: &Fonts) -> Laid {
    let mut l = Layout::new(fonts, false);

    let title = l.group(None, Role::Title, Some(doc.title.clone()));
    let lines = l.lines(&doc.title, TITLE_SIZE, true, l.width);
    l.flow(title, &lines, TITLE_SIZE, TITLE_LEADING, true);
    l.y += 4.0;
    for meta in &doc.meta {
        let p = l.group(None, Role::Paragraph, None);
        let lines = l.lines(meta, META_SIZE, false, l.width);
        l.flow(p, &lines, META_SIZE, META_LEADING, false);
    }

    for section in &doc.sections {
        l.section(section);
    }

    Laid {
        pages: l.pages,
        groups: l.groups,
        root: l.root,
        leaves: l.leaves,
        bookmarks: l.bookmarks,
    }
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts, measuring: bool) -> Layout<'f> {
        Layout {
            fonts,
            pages: vec![Page::default()],
            y: BODY_TOP,
            fresh: true,
            left: MARGIN_X,
            width: TEXT_WIDTH,
            groups: Vec::new(),
            root: Vec::new(),
            leaves: 0,
            bookmarks: Vec::new(),
            repeat: None,
            measuring,
        }
    }

    /// The height of `section` laid out alone from the top of a page, or `None` when it
    /// does not fit on one page.
    fn measure(&self, section: &Section) -> Option<f32> {
        let mut trial = Layout::new(self.fonts, true);
        trial.left = self.left;
        trial.width = self.width;
        trial.section(section);
        (trial.pages.len() == 1).then_some(trial.y - BODY_TOP)
    }

    /// A section stays on one page when it is short (always when boxed); a longer one
    /// keeps its heading with its first lines or rows.
    fn section(&mut self, section: &Section) {
        if !self.fresh {
            self.y += SECTION_GAP;
        }
        if !self.measuring {
            match self.measure(section) {
                Some(height) if section.boxed || height <= SHORT_SECTION => self.keep(height),
                _ => {}
            }
        }
        if !section.boxed {
            self.section_body(section);
            return;
        }
        let (top, page) = (self.y, self.pages.len());
        let (left, width) = (self.left, self.width);
        self.left += BOX_PAD;
        self.width -= 2.0 * BOX_PAD;
        self.y += BOX_PAD;
        self.section_body(section);
        self.y += BOX_PAD;
        self.left = left;
        self.width = width;
        // Measured to fit, so it is on one page; a border split over two would mislead.
        if self.pages.len() == page {
            self.draw(Drawn::Frame {
                x: left,
                y: top,
                width,
                height: self.y - top,
                mark: Mark::Artifact(Furniture::Layout),
            });
        }
    }

    fn section_body(&mut self, section: &Section) {
        let sect = self.group(None, Role::Section, None);
        let heading = self.fonts.clean(&section.heading);
        let lines = self.lines(&heading, HEADING_SIZE, true, self.width);
        // Keep the heading with the first lines or rows under it.
        let first = section.items.first().map_or(0.0, |item| self.lead(item));
        self.keep(lines.len() as f32 * HEADING_LEADING + HEADING_GAP + first);
        let page = self.pages.len().saturating_sub(1);
        self.bookmarks.push((heading.clone(), page, self.y));
        let h = self.group(Some(sect), Role::Heading, Some(heading));
        self.flow(h, &lines, HEADING_SIZE, HEADING_LEADING, true);
        self.y += HEADING_GAP;
        for item in &section.items {
            match item {
                Item::Answers(answers) => {
                    let list = self.group(Some(sect), Role::List, None);
                    let rows: Vec<Vec<Cell>> = answers
                        .iter()
                        .map(|a| self.answer_cells(&a.label, &a.value))
                        .collect();
                    let units: Vec<Unit> = rows.iter().map(|r| unit(r, ANSWER_ROW)).collect();
                    for (index, mut cells) in rows.into_iter().enumerate() {
                        self.keep_rows(&units, index, 0.0, 0.0);
                        let item = self.group(Some(list), Role::ListItem, None);
                        let groups = [Role::Label, Role::ListBody]
                            .map(|role| self.group(Some(item), role, None));
                        for (cell, group) in cells.iter_mut().zip(groups) {
                            cell.group = Some(group);
                        }
                        self.row(&cells, ANSWER_ROW);
                    }
                    self.y += 4.0;
                }
                Item::Paragraph(text) => {
                    let p = self.group(Some(sect), Role::Paragraph, None);
                    let lines = self.lines(text, BODY_SIZE, false, self.width);
                    self.flow(p, &lines, BODY_SIZE, BODY_LEADING, false);
                    self.y += 6.0;
                }
                Item::Table(table) => self.table(sect, table),
                Item::WriteIn(labels) => {
                    for label in labels {
                        self.write_in(sect, label);
                    }
                }
            }
        }
    }

    /// The height that must open a page with `item`'s start (see [`lead`]).
    fn lead(&self, item: &Item) -> f32 {
        match item {
            Item::Answers(answers) => {
                let count = lead_count(answers.len(), KEEP_ROWS);
                let units: Vec<Unit> = answers
                    .iter()
                    .take(count)
                    .map(|a| unit(&self.answer_cells(&a.label, &a.value), ANSWER_ROW))
                    .collect();
                lead(&units, count)
            }
            Item::Paragraph(text) => {
                let lines = self.lines(text, BODY_SIZE, false, self.width);
                lead_count(lines.len(), KEEP_LINES_TOGETHER) as f32 * BODY_LEADING
            }
            Item::Table(table) => {
                let xs = self.columns(table);
                let head = self.head_cells(table, &xs);
                let count = lead_count(table.rows.len(), KEEP_ROWS);
                let units: Vec<Unit> = table
                    .rows
                    .iter()
                    .take(count)
                    .map(|row| unit(&self.body_cells(table, &xs, row), TABLE_ROW))
                    .collect();
                let footer = if count == table.rows.len() {
                    self.footer_height(table, &xs)
                } else {
                    0.0
                };
                row_height(&head, TABLE_HEAD) + lead(&units, count) + footer
            }
            Item::WriteIn(labels) => labels.iter().map(|label| self.write_in_height(label)).sum(),
        }
    }

    /// Before row `index` of a block of `units`: the first rows open a page together
    /// (with `before`, a table's header), and the last [`KEEP_ROWS`] end one together
    /// (with `after`, a table's sums), so no page holds only a last row or two.
    fn keep_rows(&mut self, units: &[Unit], index: usize, before: f32, after: f32) {
        let n = units.len();
        if index == 0 {
            let count = lead_count(n, KEEP_ROWS);
            let after = if count == n { after } else { 0.0 };
            self.keep(before + lead(units, count) + after);
        } else if n >= 2 * KEEP_ROWS && index == n - KEEP_ROWS {
            let tail: f32 = units[index..].iter().map(|u| u.full).sum::<f32>() + after;
            if tail <= MAX_KEEP {
                self.keep(tail);
            }
        }
    }

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

    /// Lines at the left margin, one after the other, breaking pages between lines; a
    /// paragraph's first and last [`KEEP_LINES_TOGETHER`] lines stay together.
    fn flow(&mut self, group: usize, lines: &[String], size: f32, leading: f32, bold: bool) {
        let n = lines.len();
        for (index, line) in lines.iter().enumerate() {
            if index == 0 {
                self.keep(lead_count(n, KEEP_LINES_TOGETHER) as f32 * leading);
            } else if n >= 2 * KEEP_LINES_TOGETHER && index == n - KEEP_LINES_TOGETHER {
                self.keep(KEEP_LINES_TOGETHER as f32 * leading);
            }
            if line.is_empty() {
                self.y += leading / 2.0;
                continue;
            }
            self.keep(leading);
            let mark = self.leaf(group);
            self.draw(Drawn::Text {
                x: self.left,
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

    /// Label and answer side by side, as on the check-your-answers page; the structure
    /// groups are set when the row is placed.
    fn answer_cells(&self, label: &str, value: &str) -> Vec<Cell> {
        let label_width = self.width * LABEL_SHARE;
        let value_x = self.left + label_width + GUTTER;
        let value_width = self.width - label_width - GUTTER;
        vec![
            Cell {
                x: self.left,
                width: label_width,
                lines: self.lines(label, BODY_SIZE, true, label_width),
                bold: true,
                align_end: false,
                group: None,
            },
            Cell {
                x: value_x,
                width: value_width,
                lines: self.lines(value, BODY_SIZE, false, value_width),
                bold: false,
                align_end: false,
                group: None,
            },
        ]
    }

    fn write_in_lines(&self, label: &str) -> Vec<String> {
        self.lines(label, BODY_SIZE, false, self.width * LABEL_SHARE)
    }

    fn write_in_height(&self, label: &str) -> f32 {
        let lines = self.write_in_lines(label).len().max(1);
        WRITE_IN_SPACE + lines as f32 * BODY_LEADING + WRITE_IN_BELOW
    }

    /// A label (real text) with an empty line beside it to write on (an artifact).
    fn write_in(&mut self, sect: usize, label: &str) {
        let lines = self.write_in_lines(label);
        let height = self.write_in_height(label);
        self.keep(height);
        let p = self.group(Some(sect), Role::Paragraph, None);
        let mut top = self.y + WRITE_IN_SPACE;
        let mut last_baseline = top;
        for line in &lines {
            let mark = self.leaf(p);
            last_baseline = baseline(top, BODY_SIZE, BODY_LEADING);
            self.draw(Drawn::Text {
                x: self.left,
                baseline: last_baseline,
                size: BODY_SIZE,
                bold: false,
                ink: Ink::Text,
                text: line.clone(),
                mark,
            });
            top += BODY_LEADING;
        }
        let line_x = self.left + self.width * LABEL_SHARE + GUTTER;
        self.draw(Drawn::Rule {
            x: line_x,
            y: last_baseline + 2.0,
            width: self.left + self.width - line_x,
            thickness: 0.75,
            mark: Mark::Artifact(Furniture::Layout),
        });
        self.y += height;
        self.fresh = false;
    }

    /// Each column's x and width.
    fn columns(&self, table: &Table) -> Vec<(f32, f32)> {
        let mut xs = Vec::with_capacity(table.columns.len());
        let mut x = self.left;
        for column in &table.columns {
            let width = self.width * column.share;
            xs.push((x, width));
            x += width;
        }
        xs
    }

    fn head_cells(&self, table: &Table, xs: &[(f32, f32)]) -> Vec<Cell> {
        table
            .columns
            .iter()
            .zip(xs)
            .map(|(column, &(x, width))| Cell {
                x,
                width,
                lines: self.lines(&column.header, BODY_SIZE, true, inner(width)),
                bold: true,
                align_end: column.align_end,
                group: None,
            })
            .collect()
    }

    fn body_cells(&self, table: &Table, xs: &[(f32, f32)], row: &[String]) -> Vec<Cell> {
        row.iter()
            .zip(&table.columns)
            .zip(xs)
            .map(|((text, column), &(x, width))| Cell {
                x,
                width,
                lines: self.lines(text, BODY_SIZE, false, inner(width)),
                bold: false,
                align_end: column.align_end,
                group: None,
            })
            .collect()
    }

    /// A summary row: its label spans all but the last column.
    fn footer_cells(
        &self,
        table: &Table,
        xs: &[(f32, f32)],
        label: &str,
        value: &str,
    ) -> Vec<Cell> {
        let span = table.columns.len().saturating_sub(1).max(1);
        let label_width: f32 = xs.iter().take(span).map(|c| c.1).sum();
        let (value_x, value_width) = xs.last().copied().unwrap_or((self.left, self.width));
        let align_end = table.columns.last().is_some_and(|c| c.align_end);
        vec![
            Cell {
                x: self.left,
                width: label_width,
                lines: self.lines(label, BODY_SIZE, true, inner(label_width)),
                bold: true,
                align_end: false,
                group: None,
            },
            Cell {
                x: value_x,
                width: value_width,
                lines: self.lines(value, BODY_SIZE, true, inner(value_width)),
                bold: true,
                align_end,
                group: None,
            },
        ]
    }

    fn footer_height(&self, table: &Table, xs: &[(f32, f32)]) -> f32 {
        table
            .footer
            .iter()
            .map(|(label, value)| {
                row_height(&self.footer_cells(table, xs, label, value), TABLE_ROW)
            })
            .sum()
    }

    fn table(&mut self, sect: usize, table: &Table) {
        let table_group = self.group(Some(sect), Role::Table, None);
        let xs = self.columns(table);
        let mut head_cells = self.head_cells(table, &xs);
        let rows: Vec<Vec<Cell>> = table
            .rows
            .iter()
            .map(|row| self.body_cells(table, &xs, row))
            .collect();
        let units: Vec<Unit> = rows.iter().map(|r| unit(r, TABLE_ROW)).collect();
        let footer_height = self.footer_height(table, &xs);

        let head = self.group(Some(table_group), Role::TableHead, None);
        let head_row = self.group(Some(head), Role::Row, None);
        for cell in &mut head_cells {
            cell.group = Some(self.group(Some(head_row), Role::ColumnHeader, None));
        }
        let head_height = row_height(&head_cells, TABLE_HEAD);
        if units.is_empty() {
            self.keep(head_height + footer_height);
        } else {
            self.keep_rows(&units, 0, head_height, footer_height);
        }
        self.row(&head_cells, TABLE_HEAD);
        let repeated = head_cells
            .into_iter()
            .map(|cell| Cell {
                group: None,
                ..cell
            })
            .collect();
        self.repeat = Some((repeated, TABLE_HEAD));

        if !rows.is_empty() {
            let body = self.group(Some(table_group), Role::TableBody, None);
            for (index, mut cells) in rows.into_iter().enumerate() {
                if index > 0 {
                    self.keep_rows(&units, index, 0.0, footer_height);
                }
                let tr = self.group(Some(body), Role::Row, None);
                for cell in &mut cells {
                    cell.group = Some(self.group(Some(tr), Role::Cell, None));
                }
                self.row(&cells, TABLE_ROW);
            }
        }

        if !table.footer.is_empty() {
            let foot = self.group(Some(table_group), Role::TableFoot, None);
            let span = table.columns.len().saturating_sub(1).max(1);
            // The sums stay together, on the page of the last rows or the next.
            self.keep(footer_height);
            for (label, value) in &table.footer {
                let mut cells = self.footer_cells(table, &xs, label, value);
                let tr = self.group(Some(foot), Role::Row, None);
                let roles = [
                    Role::RowHeader(u32::try_from(span).unwrap_or(1)),
                    Role::Cell,
                ];
                for (cell, role) in cells.iter_mut().zip(roles) {
                    cell.group = Some(self.group(Some(tr), role, None));
                }
                self.row(&cells, TABLE_ROW);
            }
        }
        self.repeat = None;
        self.y += 8.0;
    }

    /// Places a row, moving it to the next page when it does not fit here, or splitting
    /// it between lines when it is long (so a long answer does not leave half a page
    /// empty), with at least two lines on each side of the split.
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
            let mut take = remaining.min(room.max(1));
            // Not one line alone over the page.
            if remaining - take == 1 && take > 2 {
                take -= 1;
            }
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
                x: self.left,
                y: self.y,
                width: self.width,
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
            x: self.left,
            y: self.y,
            width: self.width,
            thickness: style.rule,
            mark: Mark::Artifact(furniture),
        });
        self.fresh = !real;
    }
}

/// A table cell's text width inside its padding.
fn inner(width: f32) -> f32 {
    (width - 2.0 * CELL_PAD).max(1.0)
}

fn row_lines(cells: &[Cell]) -> usize {
    cells
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(0)
        .max(1)
}

fn row_height(cells: &[Cell], style: RowStyle) -> f32 {
    row_lines(cells) as f32 * style.leading + style.pad_top + style.pad_bottom
}

fn unit(cells: &[Cell], style: RowStyle) -> Unit {
    let full = row_height(cells, style);
    let least = if row_lines(cells) > KEEP_LINES {
        style.pad_top + 2.0 * style.leading
    } else {
        full
    };
    Unit { full, least }
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
                    boxed: false,
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
                    boxed: false,
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

    /// A section of `answers_before` one-line answers (moving where the table starts),
    /// then a table of `rows` one-line rows and a sum.
    fn table_after(answers_before: usize, rows: usize) -> Doc {
        let answers = (0..answers_before)
            .map(|i| Answer {
                label: format!("Fråga {i}"),
                value: "Svar".into(),
            })
            .collect();
        let column = |header: &str, share| Column {
            header: header.into(),
            share,
            align_end: false,
        };
        Doc {
            title: "Ansökan".into(),
            meta: Vec::new(),
            sections: vec![
                Section {
                    heading: "Frågor".into(),
                    items: vec![Item::Answers(answers)],
                    boxed: false,
                },
                Section {
                    heading: "Budget".into(),
                    items: vec![Item::Table(Table {
                        columns: vec![column("Kategori", 0.5), column("Belopp", 0.5)],
                        rows: (0..rows)
                            .map(|i| vec![format!("Rad {i}"), format!("{i} kr")])
                            .collect(),
                        footer: vec![("Summa".into(), "1 kr".into())],
                    })],
                    boxed: false,
                },
            ],
        }
    }

    /// The page of each row (by its first line) under the groups of `role`.
    fn row_pages(laid: &Laid, drawn: &HashMap<usize, (usize, String)>, role: Role) -> Vec<usize> {
        let mut pages = Vec::new();
        for group in laid.groups.iter().filter(|g| g.role == role) {
            for child in &group.children {
                if let Child::Group(row) = child {
                    let mut ids = Vec::new();
                    leaves_under(laid, *row, &mut ids);
                    if let Some(first) = ids.iter().min() {
                        pages.push(drawn[first].0);
                    }
                }
            }
        }
        pages
    }

    #[test]
    fn a_tables_first_and_last_rows_are_never_alone_on_a_page() {
        let fonts = Fonts::load().expect("fonts");
        let mut split = 0;
        for answers_before in 0..28 {
            for rows in (1..=8).chain(28..=40) {
                let laid = lay_out(&table_after(answers_before, rows), &fonts);
                let drawn = leaves(&laid);
                let body = row_pages(&laid, &drawn, Role::TableBody);
                let sums = row_pages(&laid, &drawn, Role::TableFoot);
                assert_eq!(body.len(), rows);
                let (first, last) = (body[0], body[rows - 1]);
                let case = format!("{rows} rows after {answers_before} answers: pages {body:?}");
                assert_eq!(sums, [last], "the sum leaves the last rows: {case}");
                if first == last {
                    continue;
                }
                split += 1;
                for page in [first, last] {
                    let on_page = body.iter().filter(|p| **p == page).count();
                    assert!(
                        on_page >= KEEP_ROWS,
                        "{on_page} rows alone on page {page}: {case}"
                    );
                }
            }
        }
        assert!(split > 20, "only {split} tables ran over a page");
    }

    #[test]
    fn a_short_sections_last_row_is_never_alone_on_a_page() {
        let fonts = Fonts::load().expect("fonts");
        for filler_words in (0..400).step_by(7) {
            // Where the last section starts moves with the words before it.
            let doc = Doc {
                title: "Ansökan".into(),
                meta: Vec::new(),
                sections: vec![
                    Section {
                        heading: "Mål".into(),
                        items: vec![Item::Paragraph(words(filler_words + 300))],
                        boxed: false,
                    },
                    Section {
                        heading: "Intygande".into(),
                        items: vec![
                            Item::Paragraph(words(20)),
                            Item::Answers(vec![Answer {
                                label: "Intygat".into(),
                                value: "25 november 2026 14:32".into(),
                            }]),
                        ],
                        boxed: false,
                    },
                ],
            };
            let laid = lay_out(&doc, &fonts);
            let drawn = leaves(&laid);
            let last_section = laid
                .groups
                .iter()
                .rposition(|g| g.role == Role::Section)
                .expect("sections");
            let mut ids = Vec::new();
            leaves_under(&laid, last_section, &mut ids);
            let mut pages: Vec<usize> = ids.iter().map(|id| drawn[id].0).collect();
            pages.dedup();
            assert_eq!(
                pages.len(),
                1,
                "split over {pages:?} after {filler_words} words"
            );
        }
    }

    #[test]
    fn layout_is_deterministic() {
        let a = laid(30, 300);
        let b = laid(30, 300);
        assert_eq!(format!("{:?}", a.pages), format!("{:?}", b.pages));
    }
}

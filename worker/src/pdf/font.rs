//! The embedded fonts and what they can show.
//!
//! DejaVu Sans is cut to Latin-1, Latin Extended-A and a little punctuation
//! (`scripts/subset-font.sh`), so the worker's wasm carries ~45 KB of font instead of
//! ~1.4 MB. Text is placed glyph by glyph from the character map and advance widths:
//! no shaping engine, because Latin text in one font needs none.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;

use super::PdfError;

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans-subset.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold-subset.ttf");

/// Shown instead of a character the fonts cannot draw.
pub(crate) const REPLACEMENT: char = '?';

pub(crate) struct Face {
    pub(crate) font: Font,
    /// (character, glyph id, advance in em), sorted by character.
    glyphs: Vec<(char, u32, f32)>,
}

impl Face {
    fn new(data: &'static [u8]) -> Result<Face, PdfError> {
        let font = Font::new(data.into(), 0).ok_or(PdfError::Font)?;
        let font_ref = skrifa::FontRef::new(data).map_err(|_| PdfError::Font)?;
        // At 1 pixel per em the advance widths come out in em.
        let metrics = font_ref.glyph_metrics(Size::new(1.0), LocationRef::default());
        let mut glyphs: Vec<(char, u32, f32)> = font_ref
            .charmap()
            .mappings()
            .filter_map(|(code, glyph)| {
                let c = char::from_u32(code)?;
                let advance = metrics.advance_width(glyph)?;
                Some((c, glyph.to_u32(), advance))
            })
            .collect();
        glyphs.sort_by_key(|g| g.0);
        if glyphs.binary_search_by_key(&REPLACEMENT, |g| g.0).is_err() {
            return Err(PdfError::Font);
        }
        Ok(Face { font, glyphs })
    }

    fn lookup(&self, c: char) -> Option<(u32, f32)> {
        self.glyphs
            .binary_search_by_key(&c, |g| g.0)
            .ok()
            .and_then(|i| self.glyphs.get(i))
            .map(|g| (g.1, g.2))
    }

    pub(crate) fn has(&self, c: char) -> bool {
        self.lookup(c).is_some()
    }

    /// Advance of one character in em; what the font lacks measures as its replacement.
    pub(crate) fn advance(&self, c: char) -> f32 {
        self.lookup(c)
            .or_else(|| self.lookup(REPLACEMENT))
            .map_or(0.5, |g| g.1)
    }

    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// One glyph per character, each mapped back to its bytes so text can be copied
    /// and read aloud. Text must have been through [`Fonts::clean`].
    pub(crate) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        let fallback = self.lookup(REPLACEMENT).unwrap_or((0, 0.5));
        text.char_indices()
            .map(|(at, c)| {
                let (id, advance) = self.lookup(c).unwrap_or(fallback);
                KrillaGlyph::new(
                    GlyphId::new(id),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    at..at + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

pub(crate) struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: Face::new(REGULAR)?,
            bold: Face::new(BOLD)?,
        })
    }

    pub(crate) fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    fn has(&self, c: char) -> bool {
        self.regular.has(c) && self.bold.has(c)
    }

    /// Text as the fonts can show it: line breaks become `\n`, other spaces a plain or
    /// no-break space, invisible format characters go, decomposed Swedish letters (as
    /// macOS writes file names) are composed, and anything else the fonts lack becomes
    /// `?`. Drawing a missing glyph would break PDF/A, so nothing else reaches a page.
    pub(crate) fn clean(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    '\n'
                }
                '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => '\n',
                '\u{202F}' | '\u{2007}' => '\u{A0}',
                '\t' | '\u{2000}'..='\u{200A}' | '\u{205F}' | '\u{3000}' | '\u{1680}' => ' ',
                '\u{2011}' => '-',
                '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => {
                    continue
                }
                '\u{300}'..='\u{36F}' => {
                    if let Some(composed) = out.chars().last().and_then(|base| compose(base, c)) {
                        if self.has(composed) {
                            out.pop();
                            out.push(composed);
                        }
                    }
                    // A mark with nothing to join is dropped: the letter is still readable.
                    continue;
                }
                c if self.has(c) => c,
                _ => REPLACEMENT,
            };
            out.push(c);
        }
        out
    }
}

/// Composes a letter and a combining mark, for the letters of Swedish and its
/// neighbours. Full Unicode normalisation would cost tens of kilobytes of tables.
fn compose(base: char, mark: char) -> Option<char> {
    const TABLE: &[(char, char, char)] = &[
        ('a', '\u{30A}', 'å'),
        ('A', '\u{30A}', 'Å'),
        ('a', '\u{308}', 'ä'),
        ('A', '\u{308}', 'Ä'),
        ('o', '\u{308}', 'ö'),
        ('O', '\u{308}', 'Ö'),
        ('u', '\u{308}', 'ü'),
        ('U', '\u{308}', 'Ü'),
        ('e', '\u{308}', 'ë'),
        ('i', '\u{308}', 'ï'),
        ('e', '\u{301}', 'é'),
        ('E', '\u{301}', 'É'),
        ('a', '\u{301}', 'á'),
        ('A', '\u{301}', 'Á'),
        ('i', '\u{301}', 'í'),
        ('I', '\u{301}', 'Í'),
        ('o', '\u{301}', 'ó'),
        ('O', '\u{301}', 'Ó'),
        ('u', '\u{301}', 'ú'),
        ('U', '\u{301}', 'Ú'),
        ('y', '\u{301}', 'ý'),
        ('e', '\u{300}', 'è'),
        ('E', '\u{300}', 'È'),
        ('a', '\u{300}', 'à'),
        ('A', '\u{300}', 'À'),
        ('e', '\u{302}', 'ê'),
        ('n', '\u{303}', 'ñ'),
        ('N', '\u{303}', 'Ñ'),
        ('c', '\u{327}', 'ç'),
        ('C', '\u{327}', 'Ç'),
        ('o', '\u{338}', 'ø'),
        ('s', '\u{30C}', 'š'),
        ('S', '\u{30C}', 'Š'),
        ('z', '\u{30C}', 'ž'),
        ('Z', '\u{30C}', 'Ž'),
        ('c', '\u{30C}', 'č'),
        ('C', '\u{30C}', 'Č'),
    ];
    TABLE
        .iter()
        .find(|(b, m, _)| *b == base && *m == mark)
        .map(|(_, _, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_and_used_punctuation_are_kept() {
        let fonts = Fonts::load().expect("fonts");
        let text = "åäöÅÄÖé – — ’ “ ” … • € −1\u{A0}500 kr";
        assert_eq!(fonts.clean(text), text);
    }

    #[test]
    fn what_the_fonts_lack_becomes_a_question_mark() {
        let fonts = Fonts::load().expect("fonts");
        assert_eq!(fonts.clean("Tokyo 東京 🎉"), "Tokyo ?? ?");
        assert_eq!(fonts.clean("a\u{0}b\u{7}c"), "a?b?c");
    }

    #[test]
    fn line_breaks_spaces_and_invisible_characters_are_normalised() {
        let fonts = Fonts::load().expect("fonts");
        assert_eq!(fonts.clean("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(fonts.clean("a\tb\u{202F}c\u{200B}d\u{FEFF}"), "a b\u{A0}cd");
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let fonts = Fonts::load().expect("fonts");
        assert_eq!(
            fonts.clean("Sa\u{30A}ngen Mo\u{308}rö\u{301}"),
            "Sången Mörö"
        );
        assert_eq!(fonts.clean("\u{301}x"), "x");
    }

    #[test]
    fn every_cleaned_character_has_a_glyph_in_both_faces() {
        let fonts = Fonts::load().expect("fonts");
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        for c in fonts.clean(&all).chars() {
            assert!(c == '\n' || fonts.has(c), "{c:?}");
        }
    }
}

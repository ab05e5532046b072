//! Breaking text into lines by measured width.
//!
//! Greedy, first fit: a form's answers are short paragraphs, where the optimal
//! (Knuth–Plass) breaks would look the same and cost more code. Breaks only at
//! spaces (U+0020; the no-break space in "28 000 kr" holds), and inside a word only
//! when the word alone is wider than the line.

/// Lines of `text`, each at most `width` wide by `advance` (the width of one character),
/// except a single character wider than the line. `\n` starts a new paragraph; an empty
/// string in the result is the gap between two paragraphs. Runs of spaces collapse, and
/// leading and trailing empty paragraphs are dropped.
///
/// A line broken at a space keeps that space at its end (not counted in its width): it
/// is invisible, but tells text extraction and screen readers that a word ends there
/// (PDF/A-2a wants word boundaries explicit).
pub(crate) fn wrap(text: &str, advance: &dyn Fn(char) -> f32, width: f32) -> Vec<String> {
    let space = advance(' ');
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut words = paragraph.split(' ').filter(|w| !w.is_empty()).peekable();
        if words.peek().is_none() {
            // One gap however many blank lines were typed.
            if lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
            }
            continue;
        }
        if lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push(String::new());
        }
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in words {
            let word_width: f32 = word.chars().map(advance).sum();
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                line.push(' ');
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // Too wide for any line (a long link or e-mail): cut between characters.
            for c in word.chars() {
                let w = advance(c);
                if !line.is_empty() && line_width + w > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every character one unit wide: widths are character counts.
    fn mono(_: char) -> f32 {
        1.0
    }

    fn wrap_mono(text: &str, width: f32) -> Vec<String> {
        wrap(text, &mono, width)
    }

    #[test]
    fn fills_lines_greedily_at_spaces() {
        assert_eq!(
            wrap_mono("Eleverna genomför fyra veckors APL", 17.0),
            ["Eleverna genomför ", "fyra veckors APL"]
        );
        assert_eq!(
            wrap_mono("Eleverna genomför fyra veckors APL", 16.0),
            ["Eleverna ", "genomför fyra ", "veckors APL"]
        );
        assert_eq!(wrap_mono("exakt tio!", 10.0), ["exakt tio!"]);
    }

    #[test]
    fn paragraphs_keep_one_gap_and_spaces_collapse() {
        assert_eq!(
            wrap_mono("\n\nett  två\n\n\n\ntre\n\n", 20.0),
            ["ett två", "", "tre"]
        );
        assert_eq!(wrap_mono("a\nb", 20.0), ["a", "", "b"]);
    }

    #[test]
    fn empty_or_blank_text_gives_no_lines() {
        assert!(wrap_mono("", 10.0).is_empty());
        assert!(wrap_mono(" \n  \n", 10.0).is_empty());
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        assert_eq!(
            wrap_mono("se anna.lindqvist@skelleftea.se nu", 10.0),
            ["se ", "anna.lindq", "vist@skell", "eftea.se ", "nu"]
        );
    }

    #[test]
    fn no_break_space_holds_an_amount_together() {
        assert_eq!(
            wrap_mono("Totalt 28\u{A0}000\u{A0}kr", 12.0),
            ["Totalt ", "28\u{A0}000\u{A0}kr"]
        );
    }

    #[test]
    fn uses_measured_widths() {
        let wide_w = |c: char| if c == 'W' { 3.0 } else { 1.0 };
        assert_eq!(wrap("WW ii WW", &wide_w, 9.0), ["WW ii ", "WW"]);
        assert_eq!(wrap("WW ii WW", &wide_w, 8.0), ["WW ", "ii ", "WW"]);
    }

    proptest! {
        #[test]
        fn lines_fit_and_keep_every_word(text in "[a-zåäö \n]{0,300}", width in 1u32..40) {
            let width = width as f32;
            let lines = wrap_mono(&text, width);
            for line in &lines {
                let visible = line.trim_end_matches(' ');
                prop_assert!(visible.chars().count() as f32 <= width.max(1.0), "{line:?}");
                prop_assert!(!line.starts_with(' ') && !line.ends_with("  "));
            }
            let joined: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(joined, expected);
            // Within a paragraph the lines join back into its words, single-spaced.
            let words: Vec<&str> = text.split(['\n', ' ']).filter(|w| !w.is_empty()).collect();
            let joined = lines.join("\n");
            let rejoined: Vec<&str> = joined.split(['\n', ' ']).filter(|w| !w.is_empty()).collect();
            if width >= 8.0 && words.iter().all(|w| w.chars().count() <= 8) {
                prop_assert_eq!(rejoined, words);
            }
        }
    }
}

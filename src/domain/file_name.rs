//! File names the applicant's computer chose, made safe for whoever receives them: in the
//! zip, as the PDF's embedded files, in the JSON's `attachments[].name` and as the
//! multipart file names. One rule, so the four always agree (security review, finding 6).
//!
//! A safe name
//! - is one name, never a path: only what follows the last `/` or `\` is kept;
//! - has no invisible or reordering characters (control characters, right-to-left
//!   override and the other bidi controls, zero-width characters, other Unicode format
//!   characters), no `< > : " | ? *`, no leading dots or spaces, no trailing dots or
//!   spaces, and no runs of spaces;
//! - is not a reserved Windows device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any
//!   extension): those get a `_` in front;
//! - keeps its extension (up to 10 ASCII letters and digits after the last dot), while
//!   the part before it is cut to [`MAX_STEM_BYTES`];
//! - is unique in its set ignoring case: "x.pdf", "X.PDF" become "x.pdf", "X (2).PDF";
//! - is never empty: nothing usable left becomes "bilaga" (with the extension, if any).
//!
//! Making a safe name safe again changes nothing.

use super::application_json::APPLICATION_JSON_FILE;

/// The longest part before the extension, in bytes of UTF-8 (cut at a character): with
/// the extension and a " (99)" the whole name stays far below the 255 bytes file systems
/// allow.
pub const MAX_STEM_BYTES: usize = 100;
/// The longest extension kept as one, without the dot.
pub const MAX_EXTENSION_CHARS: usize = 10;
/// What a name with nothing usable in it becomes.
pub const FALLBACK_STEM: &str = "bilaga";

/// One name made safe (without the uniqueness, which needs the whole set).
pub fn safe_file_name(name: &str) -> String {
    let (stem, extension) = split(name);
    join(&stem, &extension, "")
}

/// The attachments' names made safe and unique ignoring case, in the given order. No
/// name becomes `ansokan.json`, which is the application's own file next to them.
pub fn attachment_file_names<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    let mut taken: Vec<String> = vec![APPLICATION_JSON_FILE.to_lowercase()];
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let (stem, extension) = split(name.as_ref());
        let mut candidate = join(&stem, &extension, "");
        let mut number = 2;
        while taken.contains(&candidate.to_lowercase()) {
            candidate = join(&stem, &extension, &format!(" ({number})"));
            number += 1;
        }
        taken.push(candidate.to_lowercase());
        out.push(candidate);
    }
    out
}

/// The cleaned stem and extension ("" when there is none).
fn split(name: &str) -> (String, String) {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut cleaned = String::with_capacity(last.len());
    for c in last.chars() {
        if c.is_whitespace() {
            if !cleaned.ends_with(' ') {
                cleaned.push(' ');
            }
        } else if !is_invisible(c) && !matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') {
            cleaned.push(c);
        }
    }
    // The extension is split off before leading dots go, so ".pdf" keeps it.
    let cleaned = cleaned.trim_end_matches(['.', ' ']);
    let (stem, extension) = match cleaned.rsplit_once('.') {
        Some((stem, extension))
            if (1..=MAX_EXTENSION_CHARS).contains(&extension.len())
                && extension.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            (stem, extension)
        }
        _ => (cleaned, ""),
    };
    (trim_name(stem).to_string(), extension.to_string())
}

/// Without leading dots and spaces (hidden files, "../") and trailing ones (Windows
/// drops them, so two names would become one).
fn trim_name(name: &str) -> &str {
    name.trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' '])
}

/// `stem` cut to fit with `suffix`, then the suffix and the extension.
fn join(stem: &str, extension: &str, suffix: &str) -> String {
    let room = MAX_STEM_BYTES.saturating_sub(suffix.len());
    let mut end = stem.len().min(room);
    while !stem.is_char_boundary(end) {
        end -= 1;
    }
    let mut stem = trim_name(&stem[..end]).to_string();
    if stem.is_empty() {
        stem = FALLBACK_STEM.to_string();
    }
    if is_reserved_on_windows(&stem) {
        stem.insert(0, '_');
    }
    stem.push_str(suffix);
    if !extension.is_empty() {
        stem.push('.');
        stem.push_str(extension);
    }
    stem
}

/// Windows opens a device, not a file, for these names, whatever follows the first dot.
fn is_reserved_on_windows(stem: &str) -> bool {
    let device = stem.split('.').next().unwrap_or_default().trim_end();
    let upper = device.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => matches!(
            upper
                .strip_prefix("COM")
                .or_else(|| upper.strip_prefix("LPT")),
            Some("0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³")
        ),
    }
}

/// Characters that show nothing or change how the rest is shown: control characters,
/// Unicode format characters (bidi controls such as U+202E, zero-width characters, the
/// byte-order mark, tags) and other default-ignorable fillers.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{34F}'
                | '\u{600}'..='\u{605}'
                | '\u{61C}'
                | '\u{6DD}'
                | '\u{70F}'
                | '\u{890}'..='\u{891}'
                | '\u{8E2}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_becomes_its_last_part() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\Users\\x\\.hidden"), "bilaga.hidden");
        assert_eq!(safe_file_name("..\\..\\inbjudan.pdf"), "inbjudan.pdf");
        assert_eq!(safe_file_name("mapp/"), "bilaga");
    }

    #[test]
    fn ordinary_names_are_kept_as_they_are() {
        for name in [
            "inbjudan.pdf",
            "Rektors intyg å.docx",
            "Budget 2027 (slutlig).XLSX",
            "x (2).pdf",
        ] {
            assert_eq!(safe_file_name(name), name);
        }
    }

    #[test]
    fn format_and_control_characters_are_removed() {
        // "fakturaexe.pdf" shown right to left would read "fakturafdp.exe".
        assert_eq!(safe_file_name("faktura\u{202E}fdp.exe"), "fakturafdp.exe");
        for bidi in [
            '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}',
            '\u{2067}', '\u{2068}', '\u{2069}', '\u{61C}',
        ] {
            assert_eq!(
                safe_file_name(&format!("in{bidi}bjudan.pdf")),
                "inbjudan.pdf",
                "{:?}",
                bidi
            );
        }
        for zero_width in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}',
        ] {
            assert_eq!(
                safe_file_name(&format!("{zero_width}budget{zero_width}.pdf")),
                "budget.pdf"
            );
        }
        assert_eq!(
            safe_file_name("a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}.pdf"),
            "abcde.pdf"
        );
        assert_eq!(
            safe_file_name("rad ett\nrad\ttvå.pdf"),
            "rad ett rad två.pdf"
        );
        assert_eq!(
            safe_file_name("a\u{E0041}b.pdf"),
            "ab.pdf",
            "tag characters"
        );
        assert_eq!(safe_file_name("a:b?<c>|\"*.pdf"), "abc.pdf");
    }

    #[test]
    fn leading_and_trailing_dots_and_spaces_go() {
        assert_eq!(safe_file_name(".bashrc"), "bilaga.bashrc");
        assert_eq!(safe_file_name(".."), "bilaga");
        assert_eq!(safe_file_name(" . .  inbjudan.pdf . "), "inbjudan.pdf");
        assert_eq!(safe_file_name("inbjudan.pdf."), "inbjudan.pdf");
        assert_eq!(safe_file_name("inbjudan .pdf"), "inbjudan.pdf");
        assert_eq!(safe_file_name(""), "bilaga");
        assert_eq!(safe_file_name("\u{202E}\u{200B}"), "bilaga");
        assert_eq!(safe_file_name("???.pdf"), "bilaga.pdf");
    }

    #[test]
    fn reserved_windows_names_are_replaced_with_any_extension_and_case() {
        for (name, safe) in [
            ("CON", "_CON"),
            ("con.pdf", "_con.pdf"),
            ("Prn.docx", "_Prn.docx"),
            ("aux.tar.gz", "_aux.tar.gz"),
            ("NUL .pdf", "_NUL.pdf"),
            ("com1.pdf", "_com1.pdf"),
            ("COM9.jpg", "_COM9.jpg"),
            ("lpt1.png", "_lpt1.png"),
            ("LPT9", "_LPT9"),
            ("COM¹.pdf", "_COM¹.pdf"),
            ("conin$.txt", "_conin$.txt"),
        ] {
            assert_eq!(safe_file_name(name), safe, "{name}");
        }
        for name in [
            "console.pdf",
            "com10.pdf",
            "lpt.pdf",
            "nul-budget.pdf",
            "icon.pdf",
            "COMX.pdf",
        ] {
            assert_eq!(safe_file_name(name), name);
        }
    }

    #[test]
    fn a_long_stem_is_shortened_and_the_extension_kept() {
        let long = format!("{}.pdf", "Inbjudan från partnerskolan ".repeat(10));
        let safe = safe_file_name(&long);
        assert!(safe.ends_with(".pdf"), "{safe}");
        assert!(
            safe.len() <= MAX_STEM_BYTES + ".pdf".len(),
            "{}",
            safe.len()
        );
        assert!(safe.starts_with("Inbjudan från partnerskolan Inbjudan"));
        assert!(!safe.contains(" .pdf"), "no space before the dot: {safe}");
        // Cut at a character, never inside one.
        let swedish = format!("{}.docx", "å".repeat(80));
        assert_eq!(safe_file_name(&swedish), format!("{}.docx", "å".repeat(50)));
        // Something after the last dot that is not an extension is part of the stem.
        let dotted = format!("rapport.{}", "x".repeat(200));
        assert_eq!(safe_file_name(&dotted).len(), MAX_STEM_BYTES);
        assert_eq!(safe_file_name("version 1.2 final"), "version 1.2 final");
    }

    #[test]
    fn names_that_collide_ignoring_case_are_numbered() {
        assert_eq!(
            attachment_file_names(&[
                "budget.pdf",
                "Budget.PDF",
                "budget.pdf",
                "a/budget.pdf",
                "budget (2).pdf"
            ]),
            [
                "budget.pdf",
                "Budget (2).PDF",
                "budget (3).pdf",
                "budget (4).pdf",
                "budget (2) (2).pdf"
            ]
        );
        assert_eq!(attachment_file_names(&["x", "X"]), ["x", "X (2)"]);
        // Names that only become equal once made safe collide too.
        assert_eq!(
            attachment_file_names(&["in\u{200B}bjudan.pdf", "inbjudan.pdf"]),
            ["inbjudan.pdf", "inbjudan (2).pdf"]
        );
    }

    #[test]
    fn no_attachment_takes_the_applications_own_file_name() {
        assert_eq!(
            attachment_file_names(&["Ansokan.JSON"]),
            ["Ansokan (2).JSON"]
        );
    }

    #[test]
    fn a_numbered_long_name_stays_within_the_limit() {
        let long = format!("{}.pdf", "a".repeat(300));
        let names = attachment_file_names(&[long.clone(), long]);
        assert_eq!(names[0], format!("{}.pdf", "a".repeat(MAX_STEM_BYTES)));
        assert_eq!(
            names[1],
            format!("{} (2).pdf", "a".repeat(MAX_STEM_BYTES - 4))
        );
    }

    #[test]
    fn making_a_safe_set_safe_again_changes_nothing() {
        let hostile = [
            "../x.pdf",
            "X.PDF",
            "con.pdf",
            "\u{202E}fdp.exe",
            "...",
            "a".repeat(300).as_str(),
            &format!("{}.pdf", "å ".repeat(120)),
            "x (2).pdf",
        ]
        .map(str::to_string);
        let once = attachment_file_names(&hostile);
        assert_eq!(attachment_file_names(&once), once);
        for name in &once {
            assert_eq!(&safe_file_name(name), name);
        }
    }
}

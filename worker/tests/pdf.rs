//! The application PDF checked with real PDF tools (poppler-utils and qpdf): every answer
//! is in the text, the font is embedded and subset, the file is sound, tagged, titled
//! and marked PDF/A-3a, and the JSON and the attachments come back out of it byte for
//! byte. A missing tool fails the test: install with
//! `apt-get install -y poppler-utils qpdf`.

use std::path::{Path, PathBuf};
use std::process::Command;

use skolutbyte::domain::account_string::AccountString;
use skolutbyte::domain::application::{
    Application, AttachmentInfo, BudgetCategory, Kind, Payment, Phase, Role, SchoolType,
};
use skolutbyte::domain::application_json::application_json;
use skolutbyte::domain::dates::Date;
use skolutbyte::domain::draft::{ActivityInput, BudgetRowInput, Draft, GiroMethod, OTHER_SCHOOL};
use skolutbyte::domain::examples::{date_input, internship_draft};
use skolutbyte::domain::rules::Rules;
use skolutbyte::domain::validate::validate;
use skolutbyte::i18n::Locale;
use skolutbyte_worker::pdf::{application_pdf, AttachmentFile, Stamp};

fn stamp(reference: Option<&str>) -> Stamp {
    Stamp {
        reference: reference.map(str::to_string),
        created: Date::from_ymd(2026, 11, 25).expect("date"),
        created_hour: 14,
        created_minute: 32,
    }
}

fn internship() -> Application {
    match validate(&internship_draft(), &Rules::default()) {
        Ok(app) => app,
        Err(errors) => panic!("example does not validate: {errors:?}"),
    }
}

const GOALS_PARAGRAPH: &str = "Eleverna ska jämföra hur Skellefteå och Graz planerar för hållbara städer: kollektivtrafik, cykelvägar, fjärrvärme och återbruk. De intervjuar politiker, tjänstepersoner och unga i båda städerna, skriver gemensamma rapporter på engelska och tyska och presenterar dem för kommunstyrelsen. Målet är att öka elevernas förståelse för demokratiska processer, stärka deras språkkunskaper och ge dem erfarenhet av internationellt samarbete – något många av dem aldrig har haft.";

/// An exchange from an independent school with long answers, many activities and
/// budget rows: several pages, Swedish letters everywhere.
fn large_draft() -> Draft {
    let goals = (1..=7)
        .map(|n| format!("Mål {n}. {GOALS_PARAGRAPH}"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let summary = (1..=5)
        .map(|n| format!("Del {n}: Utbytet bygger på ett samarbete som började 2024. Båda skolorna har arbetat med ämnesövergripande teman, och i år står hållbara städer i fokus. Ämneslärarna i svenska, engelska, tyska och samhällskunskap planerar tillsammans, och eleverna övar på att leda möten, föra anteckningar och redovisa för en publik."))
        .collect::<Vec<_>>()
        .join("\n");
    let mut activities = Vec::new();
    for day in 11..=31 {
        activities.push(ActivityInput {
            date: date_input(&format!("2027-01-{day:02}")),
            phase: Some(Phase::Preparation),
            description: format!("Förberedelse {day}: språkövningar på tyska, läsning om Graz och Österrikes stadsplanering, övningar i att intervjua och att föra anteckningar."),
        });
    }
    for day in 5..=20 {
        activities.push(ActivityInput {
            date: date_input(&format!("2027-03-{day:02}")),
            phase: Some(Phase::Trip),
            description: format!("Resdag {day}: studiebesök, workshop med partnerskolans elever och kvällsträff med värdfamiljerna."),
        });
    }
    for day in 22..=28 {
        activities.push(ActivityInput {
            date: date_input(&format!("2027-04-{day:02}")),
            phase: Some(Phase::FollowUp),
            description: format!("Efterarbete {day}: sammanställning av intervjuer och redovisning för föräldrar och kommunstyrelsen."),
        });
    }
    let categories = [
        BudgetCategory::Travel,
        BudgetCategory::Lodging,
        BudgetCategory::Meals,
        BudgetCategory::Gifts,
        BudgetCategory::Experiences,
        BudgetCategory::LocalTransport,
        BudgetCategory::StaffCosts,
        BudgetCategory::Other,
    ];
    let budget_rows = (1..=30)
        .map(|n| BudgetRowInput {
            category: Some(categories[n % categories.len()]),
            description: format!("Kostnadspost {n}: måltider, bussbiljetter och entréavgifter för {n} dagar i Österrike"),
            amount: format!("{} {:03},50", n, n * 7),
        })
        .collect();
    Draft {
        applicant_name: "Åsa Öberg-Ékström".into(),
        applicant_email: "asa.oberg@alvsbacka.se".into(),
        applicant_phone: "070-123 45 67".into(),
        applicant_role: Some(Role::Staff),
        school_id: OTHER_SCHOOL.into(),
        other_school_name: "Friskolan Älvsbacka".into(),
        other_school_type: Some(SchoolType::Independent),
        kind: Some(Kind::ExchangeSending),
        granted_project: "Erasmus+ 2026-1-SE01-KA122-SCH-000123456 – Hållbara städer".into(),
        project_start: date_input("2027-01-10"),
        project_end: date_input("2027-06-15"),
        trip_start: date_input("2027-03-05"),
        trip_end: date_input("2027-03-20"),
        country: "Österrike".into(),
        place: "Graz".into(),
        partner: "BG/BRG Körösistraße".into(),
        pupils: "24".into(),
        staff: "3".into(),
        group: "åk 8 och åk 9, SO-profilen".into(),
        goals,
        theme: "Hållbar stadsutveckling – från Skellefteå till Graz".into(),
        summary,
        activities,
        budget_rows,
        other_funding: "50 000".into(),
        amount_applied: "100 000".into(),
        principal_name: "Örjan Ängström".into(),
        principal_email: "orjan.angstrom@alvsbacka.se".into(),
        giro_method: Some(GiroMethod::Bankgiro),
        giro_number: "5402-9681".into(),
        declaration_confirmed: true,
        ..Draft::default()
    }
}

fn large() -> Application {
    match validate(&large_draft(), &Rules::default()) {
        Ok(app) => app,
        Err(errors) => panic!("large example does not validate: {errors:?}"),
    }
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_pdf(name: &str, app: &Application, locale: Locale, stamp: &Stamp) -> PathBuf {
    write_pdf_with(name, app, locale, stamp, &[])
}

fn write_pdf_with(
    name: &str,
    app: &Application,
    locale: Locale,
    stamp: &Stamp,
    files: &[AttachmentFile],
) -> PathBuf {
    let bytes = application_pdf(app, locale, stamp, files).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

/// Runs a tool; a missing tool or a failure fails the test.
fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(path);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|e| {
        panic!("{tool} is needed for this test (apt-get install -y poppler-utils qpdf): {e}")
    });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Whitespace of any kind (wrapped lines, no-break spaces) as one space.
fn normalise(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{A0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text in reading order without the page furniture that interrupts an answer
/// running over a page break: header, footer, repeated table headers.
fn body_text(path: &Path, furniture: &[&str]) -> String {
    let raw = run("pdftotext", &["-raw", "-enc", "UTF-8"], path);
    let kept: Vec<String> = raw
        .lines()
        .map(|line| without_page_number(&normalise(line)))
        .filter(|line| !furniture.iter().any(|f| *line == normalise(f)))
        .collect();
    normalise(&kept.join("\n"))
}

/// The line without a trailing "Sida 2 av 5" (the footer shares its line with the title).
fn without_page_number(line: &str) -> String {
    let words: Vec<&str> = line.split(' ').collect();
    if let [rest @ .., "Sida" | "Page", n, "av" | "of", m] = words.as_slice() {
        if n.parse::<u32>().is_ok() && m.parse::<u32>().is_ok() {
            return rest.join(" ");
        }
    }
    line.to_string()
}

fn page_count(path: &Path) -> usize {
    let info = run("pdfinfo", &[], path);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn assert_contains_all(text: &str, expected: &[String]) {
    let missing: Vec<&String> = expected
        .iter()
        .filter(|e| !text.contains(&normalise(e)))
        .collect();
    assert!(
        missing.is_empty(),
        "missing from the PDF text: {missing:#?}\n\nText: {text}"
    );
}

/// Every answer of an application as Texts formats it.
fn answers(app: &Application, locale: Locale) -> Vec<String> {
    let t = locale.texts();
    let mut expected = vec![
        app.applicant.name.clone(),
        app.applicant.email.clone(),
        app.school.name.clone(),
        (t.role)(app.applicant.role).to_string(),
        (t.kind)(app.kind).to_string(),
        (t.date)(app.dates.project_start),
        (t.date)(app.dates.project_end),
        (t.date)(app.dates.trip_start),
        (t.date)(app.dates.trip_end),
        app.destination.country.clone(),
        app.destination.partner.clone(),
        app.participants.pupils.to_string(),
        app.description.goals.clone(),
        app.description.theme.clone(),
        app.principal.name.clone(),
        app.principal.email.clone(),
        (t.money)(app.budget.total_costs),
        (t.money)(app.budget.other_funding),
        (t.money)(app.budget.amount_applied),
        format!("{} {}", t.totals_total, (t.money)(app.budget.total_costs)),
        format!(
            "{} {}",
            t.pdf_amount_applied,
            (t.money)(app.budget.amount_applied)
        ),
    ];
    for text in [
        &app.applicant.phone,
        &app.destination.place,
        &app.participants.group,
        &app.description.summary,
        &app.granted_project,
        &app.support_measures,
    ] {
        if !text.is_empty() {
            expected.push(text.clone());
        }
    }
    for a in &app.activities {
        expected.push(format!(
            "{} {} {}",
            (t.date)(a.date),
            (t.phase)(a.phase),
            a.description
        ));
    }
    for r in &app.budget.rows {
        expected.push(format!(
            "{} {} {}",
            (t.category)(r.category),
            r.description,
            (t.money)(r.amount)
        ));
    }
    expected
}

fn furniture_of(app: &Application, locale: Locale, stamp_line: &str) -> Vec<String> {
    let t = locale.texts();
    vec![
        format!("{} {}", t.organisation, stamp_line),
        format!("{} – {}", t.pdf_title, app.school.name),
        String::new(),
        // Repeated table headers.
        format!(
            "{} {} {}",
            t.activity_date, t.activity_phase, t.activity_description
        ),
        format!(
            "{} {} {}",
            t.budget_category, t.pdf_description, t.pdf_amount
        ),
    ]
}

#[test]
fn the_example_internship_has_every_answer_in_the_text() {
    let app = internship();
    let path = write_pdf(
        "internship.pdf",
        &app,
        Locale::Sv,
        &stamp(Some("SKU-2026-0042")),
    );
    let pages = page_count(&path);
    let furniture = furniture_of(&app, Locale::Sv, "Referens: SKU-2026-0042");
    let refs: Vec<&str> = furniture.iter().map(String::as_str).collect();
    let text = body_text(&path, &refs);
    let mut expected = answers(&app, Locale::Sv);
    expected.extend([
        "Kontosträng Ansvar 4123, Verksamhet 3500".to_string(),
        "Referens: SKU-2026-0042".to_string(),
        "Skapad: 25 november 2026 14:32".to_string(),
        "Ansökan till fonden för internationellt skolutbyte".to_string(),
        "Lärare eller annan personal".to_string(),
        "Inga filer bifogade.".to_string(),
    ]);
    assert_contains_all(&text, &expected);

    let raw = run("pdftotext", &["-enc", "UTF-8"], &path);
    for n in 1..=pages {
        assert!(
            raw.contains(&format!("Sida {n} av {pages}")),
            "page {n} number"
        );
    }
    assert!(raw.contains("Referens: SKU-2026-0042"));
}

#[test]
fn a_large_exchange_runs_over_several_pages_with_every_answer() {
    let app = large();
    let path = write_pdf("large.pdf", &app, Locale::Sv, &stamp(None));
    let pages = page_count(&path);
    assert!(pages >= 4, "{pages} pages");
    let furniture = furniture_of(&app, Locale::Sv, "Skapad: 25 november 2026 14:32");
    let refs: Vec<&str> = furniture.iter().map(String::as_str).collect();
    let text = body_text(&path, &refs);
    let mut expected = answers(&app, Locale::Sv);
    expected.extend([
        "Bankgiro 5402-9681".to_string(),
        "Friskolan Älvsbacka (Fristående skola)".to_string(),
        "Ett beviljat projekt eller utbyte där vi reser till partnern".to_string(),
    ]);
    assert_contains_all(&text, &expected);
    // Support measures are asked only for internships.
    assert!(!text.contains("Stöd till eleverna under tiden utomlands"));

    let raw = run("pdftotext", &["-enc", "UTF-8"], &path);
    for n in 1..=pages {
        assert!(
            raw.contains(&format!("Sida {n} av {pages}")),
            "page {n} number"
        );
    }
    assert!(raw.contains("Skapad: 25 november 2026 14:32"));
}

#[test]
fn english_uses_the_english_texts() {
    let app = internship();
    let path = write_pdf("internship-en.pdf", &app, Locale::En, &stamp(None));
    let pages = page_count(&path);
    let raw = normalise(&run("pdftotext", &["-enc", "UTF-8"], &path));
    for expected in [
        "Application to the fund for international school exchange",
        "Created: 25 November 2026 14:32",
        "5 March 2027",
        "SEK 44,500",
        "Page 1 of",
    ] {
        assert!(raw.contains(expected), "{expected} missing from {raw}");
    }
    assert!(raw.contains(&format!("Page {pages} of {pages}")));
    let info = run("pdfinfo", &["-meta"], &path);
    assert!(
        info.contains("<dc:language>") && info.contains(">en<"),
        "{info}"
    );
}

/// The text of one page, in reading order, whitespace normalised.
fn page_text(path: &Path, page: usize) -> String {
    let page = page.to_string();
    normalise(&run(
        "pdftotext",
        &["-f", &page, "-l", &page, "-raw", "-enc", "UTF-8"],
        path,
    ))
}

/// Fails with the first of `expected` missing from `text`, or out of order.
fn assert_in_order(text: &str, expected: &[&str]) {
    let mut from = 0;
    for e in expected {
        let e = normalise(e);
        match text[from..].find(&e) {
            Some(at) => from += at + e.len(),
            None => panic!("{e:?} missing (or out of order) after byte {from} of\n{text}"),
        }
    }
}

/// The example internship paid to Ansvar 4123, Verksamhet 3500 and Projekt P1: Fri and
/// Objekt left empty.
fn internship_with_project_code() -> Application {
    let mut app = internship();
    app.payment = Payment::AccountString {
        account: AccountString {
            ansvar: "4123".into(),
            verksamhet: "3500".into(),
            projekt: "P1".into(),
            ..AccountString::default()
        },
    };
    app
}

#[test]
fn page_one_opens_with_a_summary_for_the_case_officer() {
    let path = write_pdf(
        "summary.pdf",
        &internship(),
        Locale::Sv,
        &stamp(Some("SKU-2026-0042")),
    );
    let page_one = page_text(&path, 1);
    assert_in_order(
        &page_one,
        &[
            "Sammanfattning",
            "Skola Anderstorpsgymnasiet (Kommunal skola)",
            "Typ av ansökan Praktik eller gymnasiearbete utomlands",
            "Projekttid 10 januari 2027 – 15 juni 2027",
            "Utlandsvistelse 5 mars 2027 – 2 april 2027",
            "Sökt belopp 44 500 kr",
            "Totala kostnader 64 500 kr",
            "Ansvarig rektor Per Ek",
            "Sökande Anna Lindqvist",
        ],
    );
    // A large application's summary is on page 1 too, before its long answers.
    let path = write_pdf("summary-large.pdf", &large(), Locale::Sv, &stamp(None));
    let page_one = page_text(&path, 1);
    assert_in_order(
        &page_one,
        &[
            "Sammanfattning",
            "Skola Friskolan Älvsbacka (Fristående skola)",
            "Sökt belopp 100 000 kr",
            "Ansvarig rektor Örjan Ängström",
        ],
    );
}

#[test]
fn the_labels_speak_of_the_applicant_in_the_third_person() {
    let path = write_pdf("third-person.pdf", &internship(), Locale::Sv, &stamp(None));
    let text = body_text(&path, &[]);
    for second_person in [
        "Ditt namn",
        "Din e-postadress",
        "Söker du",
        "Vad söker du",
        "Belopp du söker",
        "Jag intygar",
    ] {
        assert!(
            !text.contains(second_person),
            "{second_person:?} in the PDF: {text}"
        );
    }
    assert_in_order(
        &text,
        &[
            "Sökande och skola",
            "Sökande Anna Lindqvist",
            "E-post anna.lindqvist@skelleftea.se",
            "Söker som Lärare eller annan personal",
        ],
    );
}

#[test]
fn the_municipalitys_box_has_a_labelled_line_for_each_note() {
    let path = write_pdf("office-box.pdf", &internship(), Locale::Sv, &stamp(None));
    assert_in_order(
        &page_text(&path, 1),
        &[
            "Sammanfattning",
            "Kommunens anteckningar",
            "Diarienummer",
            "Beslut (beviljas / avslås)",
            "Beviljat belopp",
            "Datum",
            "Handläggare",
        ],
    );
    // The labels are content a screen reader reads, under their own heading.
    let tree = run("pdfinfo", &["-struct-text"], &path);
    for label in [
        "\"Kommunens anteckningar\"",
        "\"Diarienummer\"",
        "\"Handläggare\"",
    ] {
        assert!(tree.contains(label), "{label} not tagged in\n{tree}");
    }
}

#[test]
fn the_kontostrang_names_each_given_segment() {
    let path = write_pdf(
        "segments.pdf",
        &internship_with_project_code(),
        Locale::Sv,
        &stamp(None),
    );
    let text = body_text(&path, &[]);
    assert!(
        text.contains("Kontosträng Ansvar 4123, Verksamhet 3500, Projekt P1 "),
        "{text}"
    );
    assert!(!text.contains("Fri ") && !text.contains("Objekt"), "{text}");
}

#[test]
fn the_declaration_says_who_declared_what_and_when() {
    let path = write_pdf("declared.pdf", &internship(), Locale::Sv, &stamp(None));
    let pages = page_count(&path);
    assert_in_order(
        &page_text(&path, pages),
        &[
            "Intygande",
            "Sökande Anna Lindqvist har intygat att uppgifterna är riktiga och att rektor Per Ek har godkänt ansökan.",
            "Intygat 25 november 2026 14:32",
        ],
    );
}

#[test]
fn in_english_the_summary_box_segments_and_declaration_are_english_and_still_pdf_a_3a() {
    let path = write_pdf(
        "officer-en.pdf",
        &internship_with_project_code(),
        Locale::En,
        &stamp(None),
    );
    assert_in_order(
        &page_text(&path, 1),
        &[
            "Summary",
            "School Anderstorpsgymnasiet (Municipal school)",
            "Type of application",
            "Project period 10 January 2027 – 15 June 2027",
            "Stay abroad 5 March 2027 – 2 April 2027",
            "Amount applied for SEK 44,500",
            "Total costs SEK 64,500",
            "Responsible headteacher Per Ek",
            "Applicant Anna Lindqvist",
            "For the municipality's use",
            "Registration number (diarienummer)",
            "Decision (granted / refused)",
            "Amount granted",
            "Date",
            "Case officer",
        ],
    );
    let text = body_text(&path, &[]);
    assert!(!text.contains("Your name"), "{text}");
    assert_in_order(
        &text,
        &[
            "Account string (kontosträng) Ansvar 4123, Verksamhet 3500, Projekt P1",
            "The applicant, Anna Lindqvist, has declared that the information is correct and that the headteacher, Per Ek, has approved the application.",
            "Declared 25 November 2026 14:32",
        ],
    );

    let check = run("qpdf", &["--check"], &path);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let meta: String = run("pdfinfo", &["-meta"], &path)
        .split_whitespace()
        .collect();
    assert!(
        meta.contains("pdfaid:part>3<") || meta.contains("pdfaid:part=\"3\""),
        "{meta}"
    );
    assert!(
        meta.contains("pdfaid:conformance>A<") || meta.contains("pdfaid:conformance=\"A\""),
        "{meta}"
    );
}

#[test]
fn the_font_is_embedded_and_subset() {
    let path = write_pdf("fonts.pdf", &large(), Locale::Sv, &stamp(None));
    let fonts = run("pdffonts", &[], &path);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "{row}");
        assert!(cols[0].contains("DejaVuSans"), "{row}");
        assert!(cols[0].contains('+'), "subset name prefix: {row}");
        // name type… emb sub uni object-id generation
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "emb sub uni: {row}"
        );
    }
    assert!(rows.iter().any(|r| r.contains("Bold")), "{fonts}");
}

#[test]
fn qpdf_finds_no_errors() {
    for (name, app) in [
        ("qpdf-small.pdf", internship()),
        ("qpdf-large.pdf", large()),
    ] {
        let path = write_pdf(name, &app, Locale::Sv, &stamp(Some("SKU-1")));
        let out = run("qpdf", &["--check"], &path);
        assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    }
}

#[test]
fn info_shows_title_tagging_pages_language_and_pdfa() {
    let app = large();
    let path = write_pdf("info.pdf", &app, Locale::Sv, &stamp(None));
    let info = run("pdfinfo", &[], &path);
    assert!(
        info.lines().any(|l| l.starts_with("Title:")
            && l.contains(
                "Ansökan till fonden för internationellt skolutbyte – Friskolan Älvsbacka"
            )),
        "{info}"
    );
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.contains("yes")),
        "{info}"
    );
    assert!(
        info.lines()
            .any(|l| l.starts_with("PDF version:") && l.contains("1.7")),
        "{info}"
    );
    assert!(page_count(&path) >= 4);

    let meta = run("pdfinfo", &["-meta"], &path);
    let compact: String = meta.split_whitespace().collect();
    assert!(
        compact.contains("pdfaid:part>3<") || compact.contains("pdfaid:part=\"3\""),
        "{meta}"
    );
    assert!(
        compact.contains("pdfaid:conformance>A<") || compact.contains("pdfaid:conformance=\"A\""),
        "{meta}"
    );
    assert!(
        compact.contains("<dc:language>") && compact.contains(">sv<"),
        "{meta}"
    );

    // One bookmark per section.
    let outlines = run("qpdf", &["--json", "--json-key=outlines"], &path);
    for title in [
        "Sammanfattning",
        "Kommunens anteckningar",
        "Sökande och skola",
        "Budget",
        "Utbetalning",
    ] {
        let entry = format!("\"title\": \"{title}\"");
        assert!(outlines.contains(&entry), "{title} missing: {outlines}");
    }
}

/// Readers show the document's title, not its file name, in their title bar
/// (`/ViewerPreferences << /DisplayDocTitle true >>`, WCAG technique PDF18, EN 301 549
/// 10.2.4.2), and the file claims PDF/UA-1, whose rules krilla checked while writing it.
#[test]
fn readers_show_the_title_and_the_file_is_pdf_ua_1_as_well() {
    let path = write_pdf(
        "display-title.pdf",
        &internship(),
        Locale::En,
        &stamp(Some("SKU-1")),
    );
    let compact = uncompressed_without_spaces(&path, "display-title-qdf.pdf");
    assert!(
        compact.contains("/DisplayDocTitletrue"),
        "no /DisplayDocTitle true in the catalog's /ViewerPreferences"
    );
    let meta = run("pdfinfo", &["-meta"], &path);
    let compact: String = meta.split_whitespace().collect();
    assert!(
        compact.contains("pdfuaid:part>1<") || compact.contains("pdfuaid:part=\"1\""),
        "{meta}"
    );
    assert!(
        compact.contains("pdfaid:part>3<") || compact.contains("pdfaid:part=\"3\""),
        "still PDF/A-3: {meta}"
    );
}

#[test]
fn text_outside_the_font_becomes_question_marks() {
    let mut app = internship();
    app.applicant.name = "Anna 李 Lindqvist 🎉".into();
    app.description.goals = "Mål\u{0}med\u{7}kontrolltecken och Ωmega".into();
    let path = write_pdf("replaced.pdf", &app, Locale::Sv, &stamp(None));
    let text = normalise(&run("pdftotext", &["-enc", "UTF-8"], &path));
    assert!(text.contains("Anna ? Lindqvist ?"), "{text}");
    assert!(text.contains("Mål?med?kontrolltecken och ?mega"), "{text}");
    run("qpdf", &["--check"], &path);
}

#[test]
fn building_is_deterministic() {
    let app = large();
    let a = application_pdf(&app, Locale::Sv, &stamp(None), &[]).expect("pdf");
    let b = application_pdf(&app, Locale::Sv, &stamp(None), &[]).expect("pdf");
    assert_eq!(a, b);
}

/// Prints how long the large application takes (`cargo test --release -- --nocapture
/// timing`); fails only if it is absurdly slow.
#[test]
fn timing_of_the_large_application() {
    let app = large();
    let runs = 5;
    let start = std::time::Instant::now();
    let mut size = 0;
    for _ in 0..runs {
        size = application_pdf(&app, Locale::Sv, &stamp(None), &[])
            .expect("pdf")
            .len();
    }
    let each = start.elapsed() / runs;
    println!("large application: {size} bytes, {each:?} per PDF");
    assert!(each.as_secs() < 10, "{each:?}");
}

#[test]
fn the_structure_tree_has_headings_lists_and_tables_and_no_page_furniture() {
    let path = write_pdf("struct.pdf", &large(), Locale::Sv, &stamp(Some("SKU-9")));
    let tree = run("pdfinfo", &["-struct-text"], &path);
    let tags: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(|t| t.trim_end_matches(':'))
        .collect();
    for tag in [
        "Document", "H1", "P", "Sect", "H2", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody",
        "TFoot", "TR", "TH", "TD",
    ] {
        assert!(tags.contains(&tag), "no {tag} in\n{tree}");
    }
    assert!(
        tree.contains("/Scope /Column") && tree.contains("/Scope /Row"),
        "{tree}"
    );
    assert!(tree.contains("\"Sökande\"") && tree.contains("\"Åsa Öberg-Ékström\""));
    assert!(
        !tree.contains("Ditt namn"),
        "the form's second-person label"
    );
    // Page numbers, the running header and repeated table headers are artifacts.
    assert!(!tree.contains("Sida "), "page number tagged as content");
    assert!(
        !tree.contains("Skellefteå kommun"),
        "running header tagged as content"
    );
    let column_headers = tree.matches("\"Kategori\"").count();
    assert_eq!(column_headers, 1, "the budget header is tagged once");
}

/// Bytes that no text conversion leaves alone: every byte value, then a pseudo-random run.
fn binary(len: usize, seed: u32) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|i| {
            if i < 256 {
                i as u8
            } else {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (state >> 24) as u8
            }
        })
        .collect()
}

struct TestFile {
    name: &'static str,
    media_type: &'static str,
    bytes: Vec<u8>,
}

/// The example internship with three attachments, as the worker's job names them.
fn with_attachments() -> (Application, Vec<TestFile>) {
    let files = vec![
        TestFile {
            name: "inbjudan.pdf",
            media_type: "application/pdf",
            bytes: binary(2 * 1024 * 1024, 7),
        },
        TestFile {
            name: "Budget 2027 å.xlsx",
            media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            bytes: binary(5_000, 11),
        },
        TestFile {
            name: "anteckningar.odt",
            // The browser often gives no type for OpenDocument files.
            media_type: "",
            bytes: "Anteckningar från planeringsmötet. "
                .repeat(200)
                .into_bytes(),
        },
    ];
    let mut app = internship();
    app.attachments = files
        .iter()
        .map(|f| AttachmentInfo {
            name: f.name.to_string(),
            size_bytes: f.bytes.len() as u64,
            media_type: f.media_type.to_string(),
        })
        .collect();
    (app, files)
}

fn attachment_files(files: &[TestFile]) -> Vec<AttachmentFile<'_>> {
    files
        .iter()
        .map(|f| AttachmentFile {
            name: f.name,
            media_type: f.media_type,
            bytes: &f.bytes,
        })
        .collect()
}

/// The names `pdfdetach -list` prints ("1: ansokan.json"), in its order.
fn detached_names(path: &Path) -> Vec<String> {
    run("pdfdetach", &["-list", "-enc", "UTF-8"], path)
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(": ").map(|(_, name)| name.to_string()))
        .collect()
}

/// Every embedded file saved by `pdfdetach -saveall` into a fresh folder.
fn detach_all(path: &Path, folder: &str) -> PathBuf {
    let dir = out_dir().join(folder);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let dir_arg = dir.to_string_lossy().into_owned();
    run(
        "pdfdetach",
        &["-saveall", "-enc", "UTF-8", "-o", &dir_arg],
        path,
    );
    dir
}

#[test]
fn the_pdf_is_pdf_a_3a_with_the_json_and_the_attachments_inside() {
    let (app, files) = with_attachments();
    let path = write_pdf_with(
        "embedded.pdf",
        &app,
        Locale::Sv,
        &stamp(None),
        &attachment_files(&files),
    );

    let meta = run("pdfinfo", &["-meta"], &path);
    let compact: String = meta.split_whitespace().collect();
    assert!(
        compact.contains("pdfaid:part>3<") || compact.contains("pdfaid:part=\"3\""),
        "{meta}"
    );
    assert!(
        compact.contains("pdfaid:conformance>A<") || compact.contains("pdfaid:conformance=\"A\""),
        "{meta}"
    );
    let info = run("pdfinfo", &[], &path);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.contains("yes")),
        "{info}"
    );

    let mut listed = detached_names(&path);
    listed.sort();
    let mut expected = vec!["ansokan.json".to_string()];
    expected.extend(files.iter().map(|f| f.name.to_string()));
    expected.sort();
    assert_eq!(listed, expected);

    let dir = detach_all(&path, "embedded");
    let json = std::fs::read(dir.join("ansokan.json")).expect("ansokan.json extracted");
    assert_eq!(
        String::from_utf8(json).expect("UTF-8"),
        application_json(&app),
        "the embedded JSON is byte for byte the POST body"
    );
    for file in &files {
        let extracted = std::fs::read(dir.join(file.name)).expect("attachment extracted");
        assert!(
            extracted == file.bytes,
            "{} comes back byte for byte",
            file.name
        );
    }

    let check = run("qpdf", &["--check"], &path);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

#[test]
fn the_embedded_files_are_associated_with_their_relationship_and_type() {
    let (app, files) = with_attachments();
    let path = write_pdf_with(
        "associated.pdf",
        &app,
        Locale::Sv,
        &stamp(None),
        &attachment_files(&files),
    );
    let compact = uncompressed_without_spaces(&path, "associated-qdf.pdf");
    assert!(
        compact.contains("/AF["),
        "the catalog lists the associated files"
    );
    assert_eq!(
        compact.matches("/AFRelationship/Data").count(),
        1,
        "the JSON is the data"
    );
    assert_eq!(
        compact.matches("/AFRelationship/Supplement").count(),
        files.len(),
        "each attachment is a supplement"
    );
    // MIME types are names with the slash escaped as #2F (either case).
    let compact = compact.to_ascii_lowercase();
    assert!(
        compact.contains("/subtype/application#2fjson"),
        "the JSON's MIME type"
    );
    assert!(compact.contains("/subtype/application#2fpdf"));
    // No type from the browser: the extension's.
    assert!(compact.contains("/subtype/application#2fvnd.oasis.opendocument.text"));
}

#[test]
fn the_bilagor_section_names_each_file_with_its_size_and_says_they_are_inside() {
    let (app, files) = with_attachments();
    for (locale, inside) in [
        (Locale::Sv, "Filerna ovan finns inuti den här PDF-filen."),
        (Locale::En, "The files above are inside this PDF file."),
    ] {
        let t = locale.texts();
        let path = write_pdf_with(
            &format!("bilagor-{}.pdf", t.lang),
            &app,
            locale,
            &stamp(None),
            &attachment_files(&files),
        );
        let text = normalise(&run("pdftotext", &["-enc", "UTF-8"], &path));
        for file in &files {
            let line = format!("{} ({})", file.name, (t.file_size)(file.bytes.len() as u64));
            assert!(
                text.contains(&normalise(&line)),
                "{line} missing from {text}"
            );
        }
        let json = format!(
            "{} ansokan.json ({})",
            t.pdf_data_file,
            (t.file_size)(application_json(&app).len() as u64)
        );
        assert!(
            text.contains(&normalise(&json)),
            "{json} missing from {text}"
        );
        assert!(text.contains(inside), "{text}");
    }
}

#[test]
fn without_attachments_the_json_is_still_inside() {
    let app = internship();
    let path = write_pdf("json-only.pdf", &app, Locale::Sv, &stamp(None));
    assert_eq!(detached_names(&path), ["ansokan.json"]);
    let dir = detach_all(&path, "json-only");
    assert_eq!(
        std::fs::read_to_string(dir.join("ansokan.json")).expect("json"),
        application_json(&app)
    );
    let text = normalise(&run("pdftotext", &["-enc", "UTF-8"], &path));
    assert!(
        text.contains("Bifogade filer Inga filer bifogade."),
        "{text}"
    );
}

#[test]
fn hostile_attachment_names_are_embedded_under_their_safe_names() {
    let app = internship();
    let bytes = b"%PDF-1.4 x".to_vec();
    let names = [
        "../../etc/inbjudan.pdf",
        "INBJUDAN.PDF",
        "con.pdf",
        "faktura\u{202E}fdp.exe",
        "\u{200B}",
    ];
    let files: Vec<AttachmentFile> = names
        .iter()
        .map(|name| AttachmentFile {
            name,
            media_type: "not a type",
            bytes: &bytes,
        })
        .collect();
    let path = write_pdf_with("hostile.pdf", &app, Locale::Sv, &stamp(None), &files);
    let mut listed = detached_names(&path);
    listed.sort();
    assert_eq!(
        listed,
        [
            "INBJUDAN (2).PDF",
            "_con.pdf",
            "ansokan.json",
            "bilaga",
            "fakturafdp.exe",
            "inbjudan.pdf"
        ]
    );
    run("qpdf", &["--check"], &path);
}

/// The PDF rewritten by qpdf without compression or object streams (saved as `name`), as
/// text with all white space removed: its dictionaries can then be searched as strings.
fn uncompressed_without_spaces(path: &std::path::Path, name: &str) -> String {
    let plain = out_dir().join(name);
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(path)
        .arg(&plain)
        .status()
        .expect("qpdf is needed for this test");
    assert!(status.success());
    let text = String::from_utf8_lossy(&std::fs::read(&plain).expect("read qdf")).into_owned();
    text.split_whitespace().collect()
}

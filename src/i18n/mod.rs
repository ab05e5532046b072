//! Every user-facing string, per language. Locale files are Rust (`sv.rs`, `en.rs`) so a
//! missing translation is a compile error, not a blank on a teacher's screen. Texts that
//! take values are templates with named parameters, and the rules that choose one (which
//! message for which validation error) are written once (`templates.rs`) for both.
//!
//! Swedish is compiled into the app. English is not: the build writes it to a data file
//! (`data.rs`, `src/bin/english-texts.rs`) that the app fetches when the applicant chooses
//! English, and [`load_english`] reads. Native code (tests, build tools) and the PDF
//! worker (feature `english-compiled`) have English compiled in.

pub mod data;
#[cfg(any(not(target_arch = "wasm32"), feature = "english-compiled"))]
mod en;
mod sv;
pub mod templates;

use crate::domain::account_string::Segment;
use crate::domain::application::{BudgetCategory, Kind, Phase, Role, SchoolType};
use crate::domain::config::ConfigProblem;
use crate::domain::dates::Date;
use crate::domain::draft::GiroMethod;
use crate::domain::draft_file::ImportError;
use crate::domain::field::Field;
use crate::domain::money::Money;
use crate::domain::problem::Problem;
use crate::domain::step::Step;
use templates::{Language, Templates};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Sv,
    En,
}

impl Locale {
    /// The language's texts. English before its data file has arrived (see
    /// [`english_loaded`]) is Swedish: the app switches only once it has English.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Sv => &sv::TEXTS,
            Locale::En => english().map_or(&sv::TEXTS, |(texts, _)| texts),
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "sv" | "sv-se" => Some(Locale::Sv),
            "en" | "en-gb" | "en-us" => Some(Locale::En),
            _ => None,
        }
    }
}

/// Swedish, compiled in.
pub struct Sv;

impl Language for Sv {
    fn templates() -> &'static Templates {
        &sv::TEMPLATES
    }
    fn money(money: Money) -> String {
        crate::domain::money::format_sv(money)
    }
    fn date(date: Date) -> String {
        crate::domain::dates::format_long_sv(date)
    }
    fn reported(sv: &str, _en: &str) -> String {
        sv.into()
    }
}

/// English: compiled in natively and in the worker, read from its data file in the app.
pub struct En;

impl Language for En {
    fn templates() -> &'static Templates {
        english().map_or(&sv::TEMPLATES, |(_, templates)| templates)
    }
    fn money(money: Money) -> String {
        crate::domain::money::format_en(money)
    }
    fn date(date: Date) -> String {
        crate::domain::dates::format_long_en(date)
    }
    fn reported(_sv: &str, en: &str) -> String {
        en.into()
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "english-compiled"))]
fn english() -> Option<(&'static Texts, &'static Templates)> {
    Some((&en::TEXTS, &en::TEMPLATES))
}

#[cfg(not(any(not(target_arch = "wasm32"), feature = "english-compiled")))]
static ENGLISH: std::sync::OnceLock<(&'static Texts, &'static Templates)> =
    std::sync::OnceLock::new();

#[cfg(not(any(not(target_arch = "wasm32"), feature = "english-compiled")))]
fn english() -> Option<(&'static Texts, &'static Templates)> {
    ENGLISH.get().copied()
}

/// Whether English can be shown (its data file has been read, or it is compiled in).
pub fn english_loaded() -> bool {
    english().is_some()
}

/// Reads English from its data file (what `english_data` wrote at build time). Read once
/// per page: the texts stay for the app's lifetime.
#[cfg(not(any(not(target_arch = "wasm32"), feature = "english-compiled")))]
pub fn load_english(text: String) -> Result<(), String> {
    if english_loaded() {
        return Ok(());
    }
    let (texts, templates) = data::read::<En>(&data::Data::parse(text))?;
    let texts: &'static Texts = Box::leak(texts);
    let templates: &'static Templates = Box::leak(templates);
    let _ = ENGLISH.set((texts, templates));
    Ok(())
}

/// English compiled in: nothing to read.
#[cfg(any(not(target_arch = "wasm32"), feature = "english-compiled"))]
pub fn load_english(_text: String) -> Result<(), String> {
    Ok(())
}

/// English as its data file (run at build time by `src/bin/english-texts.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn english_data() -> String {
    data::write(&en::TEXTS, &en::TEMPLATES)
}

/// When English could not be fetched, the form says so in both languages (the English
/// words cannot come from the file that did not arrive, so both are compiled in).
pub const ENGLISH_UNAVAILABLE: [(&str, &str); 2] = [
    (
        "sv",
        "Den engelska versionen kunde inte hämtas, så formuläret visas på svenska. Försök igen om en stund.",
    ),
    (
        "en",
        "The English version could not be loaded, so the form is shown in Swedish. Try again in a moment.",
    ),
];

/// A static text chosen from the current language's [`Texts`].
pub type Text = fn(&'static Texts) -> &'static str;

#[derive(Clone, Copy)]
pub struct Texts {
    pub lang: &'static str,
    pub app_title: &'static str,
    pub organisation: &'static str,
    /// The other language's name, in that language, for the switch.
    pub other_language_name: &'static str,
    pub other_language_code: &'static str,
    pub back: &'static str,
    pub continue_button: &'static str,
    pub optional: &'static str,
    pub error_prefix: &'static str,
    pub error_summary_title: &'static str,
    pub step_of: fn(usize, usize) -> String,
    pub step_title: fn(Step) -> &'static str,
    pub not_provided: &'static str,
    pub change: &'static str,
    pub remove: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub date_year: &'static str,
    pub date_month: &'static str,
    pub date_day: &'static str,
    pub date_hint: &'static str,
    pub new_question_shown: &'static str,

    pub start_lead: &'static str,
    pub start_what_title: &'static str,
    pub start_what_items: &'static [&'static str],
    pub start_who_title: &'static str,
    pub start_who_text: &'static str,
    pub start_need_title: &'static str,
    pub start_need_items: &'static [&'static str],
    /// Also how to remove the saved answers and files on a shared computer.
    pub start_time_text: &'static str,
    pub start_privacy_title: &'static str,
    /// The personuppgiftsansvarig (from configuration) and what the data is for.
    pub start_privacy_controller: fn(&str) -> String,
    /// Legal basis, storage time, rights (GDPR art. 13), and not to write pupils' names.
    pub start_privacy_paragraphs: &'static [&'static str],
    /// The data protection officer's address and a telephone number (from configuration).
    pub start_privacy_contact: fn(&str, &str) -> String,
    /// What the browser keeps, and for how long.
    pub start_privacy_browser: &'static str,
    pub start_advice_title: &'static str,
    pub start_advice_text: &'static str,
    pub start_advice_link: &'static str,
    pub start_button: &'static str,

    pub applicant_name: &'static str,
    pub applicant_email: &'static str,
    pub applicant_email_hint: &'static str,
    pub applicant_phone: &'static str,
    pub role_legend: &'static str,
    pub role: fn(Role) -> &'static str,
    pub school: &'static str,
    pub school_hint: &'static str,
    pub school_choose: &'static str,
    pub school_other: &'static str,
    pub other_school_name: &'static str,
    /// Under "Skolan finns inte i listan": who the fund is for.
    pub other_school_name_hint: &'static str,
    pub other_school_type: &'static str,
    pub school_type: fn(SchoolType) -> &'static str,

    pub kind_legend: &'static str,
    pub kind: fn(Kind) -> &'static str,
    pub kind_hint: fn(Kind) -> &'static str,
    pub granted_project: &'static str,
    pub granted_project_hint: &'static str,

    pub project_start: &'static str,
    pub project_start_hint: &'static str,
    pub project_end: &'static str,
    pub project_end_hint: &'static str,
    /// The trip, the visit or the stay abroad, by the kind of application.
    pub trip_start: fn(Option<Kind>) -> &'static str,
    pub trip_end: fn(Option<Kind>) -> &'static str,
    /// The end's example differs from the start's (`date_hint`).
    pub trip_end_hint: &'static str,
    pub destination_heading: &'static str,
    pub country: &'static str,
    pub country_hint: &'static str,
    pub place: &'static str,
    pub partner: &'static str,
    pub partner_hint: &'static str,

    pub pupils: &'static str,
    pub pupils_hint: &'static str,
    pub staff: &'static str,
    pub staff_hint: &'static str,
    pub group: &'static str,
    pub group_hint: &'static str,
    /// On "Deltagare" and every free-text step: no pupils' names.
    pub names_warning: &'static str,
    /// The same on the attachments step.
    pub names_warning_files: &'static str,

    pub goals: &'static str,
    pub goals_hint: &'static str,
    pub theme: &'static str,
    pub theme_hint: &'static str,
    pub summary: &'static str,
    pub summary_hint: &'static str,

    pub activities_hint: fn(Option<Kind>) -> String,
    pub activity_legend: fn(usize) -> String,
    pub activity_date: &'static str,
    pub activity_phase: &'static str,
    pub phase: fn(Phase) -> &'static str,
    pub phase_choose: &'static str,
    pub activity_description: &'static str,
    pub add_activity: &'static str,
    pub no_activities: &'static str,

    pub support_hint: &'static str,

    pub budget_hint: &'static str,
    /// For an already granted project: the fund pays only what its own funds do not.
    pub budget_granted_note: &'static str,
    pub budget_row_legend: fn(usize) -> String,
    pub budget_category: &'static str,
    pub category: fn(BudgetCategory) -> &'static str,
    pub category_choose: &'static str,
    pub budget_description: &'static str,
    pub budget_amount: &'static str,
    pub amount_hint: &'static str,
    pub add_budget_row: &'static str,
    pub totals_title: &'static str,
    pub totals_total: &'static str,
    pub totals_not_counted: fn(usize) -> String,
    pub other_funding: &'static str,
    pub other_funding_hint: &'static str,
    pub amount_applied: &'static str,
    /// The most one may apply for, once there are costs to count (None before).
    pub amount_applied_max: fn(Option<&str>) -> String,

    pub principal_intro: &'static str,
    pub principal_name: &'static str,
    pub principal_email: &'static str,
    pub account_legend: &'static str,
    pub account_hint: &'static str,
    pub segment: fn(Segment) -> &'static str,
    pub giro_method: &'static str,
    pub giro: fn(GiroMethod) -> &'static str,
    pub giro_number: &'static str,
    pub giro_hint: fn(GiroMethod) -> &'static str,
    pub payment_needs_school: &'static str,

    pub attachments_intro: &'static str,
    /// Largest file and all files together in whole MB, and the allowed types.
    pub attachments_rules: fn(u64, u64, &str) -> String,
    pub attachments_choose: &'static str,
    pub attachments_none: &'static str,
    pub attachments_kept: &'static str,
    /// Send mode without multipart: the POST carries the answers, not the files.
    pub attachments_not_sent: &'static str,
    /// The names of files that could not be kept in the browser.
    pub attachments_not_stored: fn(&str) -> String,
    pub attachments_list_title: &'static str,
    pub file_size: fn(u64) -> String,

    pub check_intro: &'static str,
    /// Instead of the intro once the application is sent: the answers are read-only.
    pub check_sent_text: &'static str,
    pub declaration_text: &'static str,
    /// The applicant confirms that the named principal has approved the application: the
    /// principal's name from the payment step, or "" when not given.
    pub declaration_label: fn(&str) -> String,
    pub send_button: &'static str,
    /// Download mode: the declaration's button (nothing is sent yet).
    pub ready_button: &'static str,

    pub confirmation_panel: &'static str,
    pub confirmation_next_title: &'static str,
    pub confirmation_next_text: &'static str,
    pub confirmation_contact: &'static str,
    /// Internationella enheten's contact details (start page and confirmation).
    pub contact_email_label: &'static str,
    pub contact_phone_label: &'static str,
    /// Sent mode: the link to the answers as sent (read-only).
    pub sent_answers_link: &'static str,
    /// Answers changed while the application was being sent were not part of it.
    pub changes_not_sent: &'static str,
    /// Download mode: not sent yet, said at once, so no one believes it has arrived; then
    /// the numbered steps: download, e-mail, what happens then (`confirmation_next_text`).
    pub hand_in_intro: &'static str,
    pub hand_in_download: &'static str,
    /// E-mail the PDF; the contact address (a `mailto:` link) follows.
    pub hand_in_email: &'static str,
    /// The same without a contact address configured: whom to e-mail, and the phone
    /// number to ask.
    pub hand_in_no_address: fn(&str) -> String,
    /// The e-mail's subject; " – <school>" follows.
    pub mailto_subject: &'static str,
    pub mailto_body: &'static str,

    pub resume_title: fn(&str) -> String,
    pub resume_text: &'static str,
    pub resume_continue: &'static str,
    pub resume_restart: &'static str,
    pub restart_confirm_title: &'static str,
    pub restart_confirm_text: &'static str,
    pub restart_confirm_yes: &'static str,
    pub restart_confirm_no: &'static str,
    pub forget_button: &'static str,
    pub forget_confirm_title: &'static str,
    pub forget_confirm_text: &'static str,
    pub forget_confirm_yes: &'static str,
    pub forgotten: &'static str,
    /// Day of month, month (0 = January), hour, minute: "24 nov 14:32".
    pub saved_at: fn(u32, u32, u32, u32) -> String,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub corrupt_notice: &'static str,
    pub other_tab_text: &'static str,
    pub other_tab_use: &'static str,
    pub other_tab_keep: &'static str,
    pub drafts_title: &'static str,
    /// The start page's draft panel before there is anything to save: opening only.
    pub open_draft_title: &'static str,
    pub drafts_text: &'static str,
    pub save_file: &'static str,
    pub open_file: &'static str,
    pub file_loaded: &'static str,
    /// Opening a draft file whose answers differ from the applicant's: ask first.
    pub file_question_title: &'static str,
    pub file_question_text: &'static str,
    pub file_replace: &'static str,
    pub file_keep: &'static str,
    pub file_kept: &'static str,
    pub import_error: fn(&ImportError) -> String,

    pub config_errors_title: &'static str,
    pub config_problem: fn(&ConfigProblem) -> &'static str,
    pub print_answers: &'static str,
    pub sending: fn(u32) -> String,
    pub download_application: &'static str,
    /// The secondary download (the zip) and who it is for.
    pub download_zip: &'static str,
    pub download_zip_hint: &'static str,
    pub preparing_download: &'static str,
    pub reference_label: &'static str,
    /// The confirmation's title once the receiver has the application.
    pub sent_title: &'static str,
    /// The worker (PDF, sending) could not be started or could not save the file.
    pub worker_unavailable: &'static str,
    pub send_failed_title: &'static str,
    pub download_failed_title: &'static str,
    /// Download mode, after the download: the answers stay until removed.
    pub after_download_text: &'static str,

    /// The submitted application as a PDF (worker crate): its title, page furniture and
    /// the words the form itself never needs. Plain strings, no functions, so they cost
    /// the first page load only their bytes.
    pub pdf_title: &'static str,
    /// "{n}" and "{total}" are replaced by the worker.
    pub pdf_page_of: &'static str,
    pub pdf_reference: &'static str,
    pub pdf_created: &'static str,
    pub pdf_description: &'static str,
    pub pdf_amount: &'static str,
    pub pdf_declaration: &'static str,
    /// Page 1's summary for the case officer, and the PDF's own labels: it is read by
    /// the municipality, so it names the applicant in the third person where the form
    /// asks "Ditt namn".
    pub pdf_summary: &'static str,
    pub pdf_applicant: &'static str,
    pub pdf_applicant_and_school: &'static str,
    pub pdf_email: &'static str,
    pub pdf_phone: &'static str,
    pub pdf_role: &'static str,
    pub pdf_kind: &'static str,
    pub pdf_granted_project: &'static str,
    pub pdf_project_period: &'static str,
    /// The trip, the visit or the stay abroad, as the kind of application calls it.
    pub pdf_trip_period: fn(Kind) -> &'static str,
    pub pdf_goals: &'static str,
    pub pdf_amount_applied: &'static str,
    pub pdf_principal: &'static str,
    /// Who declared what: "{applicant}" and "{principal}" are replaced by the worker.
    pub pdf_declared: &'static str,
    /// The label of the declaration's date and time.
    pub pdf_declared_at: &'static str,
    /// The bordered box with empty lines for the municipality's own notes.
    pub pdf_office_use: &'static str,
    pub pdf_office_fields: &'static [&'static str],
    /// The label of `ansokan.json` in the PDF's "Bilagor" section, and its description
    /// as an embedded file.
    pub pdf_data_file: &'static str,
    /// Under the list of files in the PDF: they are inside it, and how to open them.
    pub pdf_files_inside: &'static str,

    pub money: fn(Money) -> String,
    pub date: fn(Date) -> String,
    /// An error's message; the kind of application names the trip, visit or stay abroad.
    pub message: fn(Field, &Problem, Option<Kind>) -> String,
}

/// First letter upper case, for field names that start a sentence. Only ASCII and the
/// Swedish letters: the full Unicode case tables would cost kilobytes of wasm.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let upper = match first {
        'å' => 'Å',
        'ä' => 'Ä',
        'ö' => 'Ö',
        'é' => 'É',
        other => other.to_ascii_uppercase(),
    };
    std::iter::once(upper).chain(chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account_string::{Allowed, Charset, SegmentError};
    use crate::domain::application::Coded;
    use crate::domain::giro::GiroError;

    /// Every text that names the trip, the visit or the stay abroad, for one kind.
    fn trip_texts(t: &'static Texts, kind: Option<Kind>) -> Vec<String> {
        let date = |d| Date::from_ymd(2027, 3, d).expect("a real date");
        let problems = [
            (Field::TripStart, Problem::Required),
            (Field::TripEnd, Problem::Required),
            (Field::TripEnd, Problem::EndBeforeStart { start: date(5) }),
            (
                Field::TripStart,
                Problem::Date(crate::domain::dates::DateError::ImpossibleDate),
            ),
            (
                Field::TripStart,
                Problem::TripBeforeProject {
                    project_start: date(6),
                },
            ),
            (
                Field::TripEnd,
                Problem::TripAfterProject {
                    project_end: date(7),
                },
            ),
            (Field::Activities, Problem::NoActivities),
            (Field::Activities, Problem::MissingPhase(Phase::Trip)),
            (
                Field::ActivityDate(0),
                Problem::PreparationAfterTripStart {
                    trip_start: date(5),
                },
            ),
            (
                Field::ActivityDate(1),
                Problem::TripActivityOutsideTrip {
                    trip_start: date(5),
                    trip_end: date(9),
                },
            ),
            (
                Field::ActivityDate(2),
                Problem::FollowUpBeforeTripEnd { trip_end: date(9) },
            ),
        ];
        let mut texts: Vec<String> = problems
            .iter()
            .map(|(field, problem)| (t.message)(*field, problem, kind))
            .collect();
        texts.push((t.trip_start)(kind).into());
        texts.push((t.trip_end)(kind).into());
        texts.push((t.activities_hint)(kind));
        texts
    }

    #[test]
    fn each_kind_is_named_with_its_own_word_and_never_anothers() {
        // (kind, its word, words that must not appear) per language.
        let sv = [
            (
                Kind::ExchangeSending,
                "resan",
                ["besöket", "utlandsvistelsen"],
            ),
            (
                Kind::ExchangeReceiving,
                "besöket",
                ["resan", "utlandsvistelsen"],
            ),
            (
                Kind::InternshipAbroad,
                "utlandsvistelsen",
                ["resan", "besöket"],
            ),
        ];
        let en = [
            (
                Kind::ExchangeSending,
                "the trip",
                ["the visit", "stay abroad"],
            ),
            (
                Kind::ExchangeReceiving,
                "the visit",
                ["the trip", "stay abroad"],
            ),
            (
                Kind::InternshipAbroad,
                "the stay abroad",
                ["the trip", "the visit"],
            ),
        ];
        for (locale, cases) in [(Locale::Sv, sv), (Locale::En, en)] {
            for (kind, own, others) in cases {
                let texts = trip_texts(locale.texts(), Some(kind));
                let lowered: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
                for text in &lowered {
                    for other in others {
                        assert!(!text.contains(other), "{kind:?}: {text:?} says {other:?}");
                    }
                }
                let naming = lowered.iter().filter(|t| t.contains(own)).count();
                assert!(
                    naming >= 10,
                    "{kind:?}: only {naming} texts say {own:?}: {texts:#?}"
                );
            }
        }
    }

    #[test]
    fn goals_are_not_the_exchanges_for_an_internship() {
        for locale in [Locale::Sv, Locale::En] {
            let t = locale.texts();
            let kind = Some(Kind::InternshipAbroad);
            for text in [
                t.goals.to_string(),
                (t.message)(Field::Goals, &Problem::Required, kind),
            ] {
                assert!(
                    !text.contains("utbyte") && !text.contains("exchange"),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn account_segment_errors_give_the_allowed_count_and_characters() {
        let digits = Allowed {
            min_len: 1,
            max_len: 6,
            charset: Charset::Digits,
        };
        let code = Allowed {
            min_len: 4,
            max_len: 4,
            charset: Charset::Alphanumeric,
        };
        let ansvar = Field::AccountSegment(Segment::Ansvar);
        let projekt = Field::AccountSegment(Segment::Projekt);
        let message = |locale: Locale, field, error| {
            (locale.texts().message)(field, &Problem::Segment(error), None)
        };
        assert_eq!(
            message(Locale::Sv, ansvar, SegmentError::TooLong(digits)),
            "Ansvar i kontosträngen ska ha 1–6 siffror"
        );
        assert_eq!(
            message(Locale::Sv, projekt, SegmentError::TooShort(code)),
            "Projekt i kontosträngen ska ha 4 tecken (bokstäverna A–Z eller siffror)"
        );
        assert_eq!(
            message(Locale::En, ansvar, SegmentError::TooShort(digits)),
            "The Ansvar part of the account string must be 1 to 6 digits"
        );
        for locale in [Locale::Sv, Locale::En] {
            let text = message(locale, projekt, SegmentError::InvalidCharacters(code));
            assert!(text.contains("A–Z") || text.contains("A to Z"), "{text}");
            assert!(
                !text.contains("tillåtna tecken") && !text.contains("allowed characters"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_wrong_check_digit_asks_to_check_the_number() {
        for (locale, expected) in [
            (
                Locale::Sv,
                "Kontrollera bankgironumret, en siffra kan vara fel",
            ),
            (
                Locale::En,
                "Check the bankgiro number. One of the digits may be wrong",
            ),
        ] {
            let text = (locale.texts().message)(
                Field::GiroNumber,
                &Problem::Bankgiro(GiroError::CheckDigit),
                None,
            );
            assert_eq!(text, expected);
        }
    }

    #[test]
    fn the_phases_are_named_as_in_the_glossary() {
        let names: Vec<&str> = Phase::ALL.iter().map(|p| (sv::TEXTS.phase)(*p)).collect();
        assert_eq!(names, ["Förberedelser", "Genomförande", "Efterarbete"]);
    }
}

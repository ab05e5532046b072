//! Every user-facing string, per language. Locale files are Rust (`sv.rs`, `en.rs`) so a
//! missing translation is a compile error, not a blank on a teacher's screen. Messages
//! for validation errors are worded here from the domain's codes and parameters.

mod en;
mod sv;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Sv,
    En,
}

impl Locale {
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Sv => &sv::TEXTS,
            Locale::En => &en::TEXTS,
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

/// A static text chosen from the current language's [`Texts`].
pub type Text = fn(&'static Texts) -> &'static str;

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
    pub start_privacy_paragraphs: &'static [&'static str],
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
    pub trip_start: &'static str,
    pub trip_end: &'static str,
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
    pub names_warning: &'static str,

    pub goals: &'static str,
    pub goals_hint: &'static str,
    pub theme: &'static str,
    pub theme_hint: &'static str,
    pub summary: &'static str,
    pub summary_hint: &'static str,

    pub activities_hint: &'static str,
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
    pub amount_applied_max: fn(&str) -> String,

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
    pub attachments_rules: fn(u64, &str) -> String,
    pub attachments_choose: &'static str,
    pub attachments_none: &'static str,
    pub attachments_kept: &'static str,
    /// The names of files that could not be kept in the browser.
    pub attachments_not_stored: fn(&str) -> String,
    pub attachments_list_title: &'static str,
    pub file_size: fn(u64) -> String,

    pub check_intro: &'static str,
    pub declaration_text: &'static str,
    pub declaration_label: &'static str,
    pub send_button: &'static str,

    pub confirmation_panel: &'static str,
    pub confirmation_next_title: &'static str,
    pub confirmation_next_text: &'static str,
    pub confirmation_contact: &'static str,

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
    pub drafts_text: &'static str,
    pub save_file: &'static str,
    pub open_file: &'static str,
    pub file_loaded: &'static str,
    pub import_error: fn(&ImportError) -> String,

    pub config_errors_title: &'static str,
    pub config_problem: fn(&ConfigProblem) -> &'static str,
    pub print_answers: &'static str,
    pub sending: fn(u32) -> String,
    pub download_application: &'static str,
    pub preparing_download: &'static str,
    pub reference_label: &'static str,
    /// The confirmation's title once the receiver has the application.
    pub sent_title: &'static str,
    /// The worker (PDF, sending) could not be started or could not save the file.
    pub worker_unavailable: &'static str,
    pub send_failed_title: &'static str,
    pub download_failed_title: &'static str,
    pub download_mode_text: fn(Option<&str>) -> String,
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
    pub yes: &'static str,
    pub no: &'static str,

    pub money: fn(Money) -> String,
    pub date: fn(Date) -> String,
    pub message: fn(Field, &Problem) -> String,
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

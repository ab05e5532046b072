//! The texts that take values or depend on a choice, as data: templates with named
//! parameters ("Steg {n} av {total}") and tables indexed by an enum. One function fills a
//! template, and the rules that choose a template (which error message for which problem)
//! are written once here for both languages. So a language is only data: Swedish is
//! compiled in, English is a file the app fetches when the applicant chooses it
//! (`super::data`).

use crate::domain::account_string::{Allowed, Charset, Segment, SegmentError};
use crate::domain::application::{BudgetCategory, Kind, Phase, Role, SchoolType};
use crate::domain::config::ConfigProblem;
use crate::domain::dates::{parse_date, Date, DateError};
use crate::domain::draft::GiroMethod;
use crate::domain::draft_file::ImportError;
use crate::domain::field::Field;
use crate::domain::giro::GiroError;
use crate::domain::money::{Money, MoneyError, MAX_PARSED_ORE};
use crate::domain::problem::Problem;
use crate::domain::step::Step;

/// Declares [`Templates`] once: each field with the parameters its template may use, so
/// the data file can be written and read by field name and a test can check every
/// placeholder of both languages.
macro_rules! templates {
    ($( $(#[$meta:meta])* $name:ident : $ty:ty = [$($param:literal),*], )*) => {
        #[derive(Clone, Copy)]
        pub struct Templates {
            $( $(#[$meta])* pub $name: $ty, )*
        }

        impl Templates {
            /// Every entry as (key, values), in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![$( (stringify!($name), super::data::Value::values(&self.$name)), )*]
            }

            /// How many values of a data file the templates take.
            pub const LEN: usize = 0 $( + <$ty as super::data::Value>::LEN )*;

            /// The byte offset of every text in `Templates`, in data-file order (an
            /// array field gives one per element): for `data::fill_slots`. Each field's
            /// type implements `Value`, so it is `&'static str` or `[&'static str; N]`.
            pub const SLOTS: [u16; Self::LEN] = {
                const FIELDS: &[(usize, usize)] = &[
                    $( (std::mem::offset_of!(Templates, $name), <$ty as super::data::Value>::LEN), )*
                ];
                let mut slots = [0u16; Templates::LEN];
                let (mut field, mut slot) = (0, 0);
                while field < FIELDS.len() {
                    let (offset, len) = FIELDS[field];
                    let mut element = 0;
                    while element < len {
                        slots[slot] = (offset + element * std::mem::size_of::<&str>()) as u16;
                        (slot, element) = (slot + 1, element + 1);
                    }
                    field += 1;
                }
                slots
            };

            /// The parameters each template may use.
            #[cfg(test)]
            pub const PARAMS: &'static [(&'static str, &'static [&'static str])] =
                &[$( (stringify!($name), &[$($param),*]), )*];
        }
    };
}

type Str = &'static str;

templates! {
    step_of: Str = ["n", "total"],
    /// In the order of `Step`.
    step_title: [Str; 14] = [],
    start_privacy_controller: Str = ["controller"],
    start_privacy_contact: Str = ["dpo", "phone"],
    /// Staff, pupil.
    role: [Str; 2] = [],
    /// Municipal, independent.
    school_type: [Str; 2] = [],
    /// Receiving, sending, internship abroad (the order of `Kind`).
    kind: [Str; 3] = [],
    kind_hint: [Str; 3] = [],
    /// By kind, then the text before a kind is chosen.
    trip_start: [Str; 4] = [],
    trip_end: [Str; 4] = [],
    activities_hint: Str = ["trip"],
    activity_legend: Str = ["n"],
    /// Preparation, implementation (the trip), follow-up.
    phase: [Str; 3] = [],
    budget_row_legend: Str = ["n"],
    /// In the order of `BudgetCategory`.
    category: [Str; 9] = [],
    totals_not_counted_one: Str = [],
    totals_not_counted: Str = ["n"],
    amount_applied_max: Str = ["max"],
    /// Before there are costs to count.
    amount_applied_max_unknown: Str = [],
    /// Ansvar, Verksamhet, Fri, Projekt, Objekt.
    segment: [Str; 5] = [],
    /// Bankgiro, plusgiro.
    giro: [Str; 2] = [],
    giro_hint: [Str; 2] = [],
    attachments_rules: Str = ["max_mb", "total_mb", "types"],
    attachments_not_stored: Str = ["names"],
    /// "1,5 kB" or "1.5 kB".
    decimal_separator: Str = [],
    declaration_label: Str = ["name"],
    /// Before the principal's name is given.
    declaration_label_unnamed: Str = [],
    hand_in_no_address: Str = ["phone"],
    resume_title: Str = ["when"],
    saved_at: Str = ["day", "month", "hour", "minute"],
    months_short: [Str; 12] = [],
    import_empty: Str = [],
    import_too_large: Str = [],
    import_truncated: Str = [],
    import_not_a_draft: Str = [],
    import_newer_version: Str = [],
    import_wrong_shape: Str = ["path"],
    import_text_too_long: Str = ["max_chars"],
    import_too_many_rows: Str = ["max"],
    /// In the order of `ConfigProblem`.
    config_problem: [Str; 6] = [],
    sending: Str = [],
    sending_again: Str = ["attempt"],
    /// In the order of `Kind`.
    pdf_trip_period: [Str; 3] = [],

    // Error messages. {name} is the field's name inside a sentence, {Name} the same
    // starting a sentence; {trip} names the trip, the visit or the stay abroad.
    /// In the order of `Kind`, then before a kind is chosen.
    trip: [Str; 4] = [],
    required_applicant_name: Str = [],
    required_applicant_email: Str = [],
    required_applicant_role: Str = [],
    required_school: Str = [],
    required_other_school_name: Str = [],
    required_other_school_type: Str = [],
    required_kind: Str = [],
    required_granted_project: Str = [],
    required_project_start: Str = [],
    required_project_end: Str = [],
    required_trip_start: Str = ["trip"],
    required_trip_end: Str = ["trip"],
    required_country: Str = [],
    required_partner: Str = [],
    required_pupils: Str = [],
    required_staff: Str = [],
    required_goals: Str = [],
    required_theme: Str = [],
    required_activity_date: Str = ["n"],
    required_activity_phase: Str = ["n"],
    required_activity_description: Str = ["n"],
    required_support_measures: Str = [],
    required_budget_category: Str = ["n"],
    required_budget_description: Str = ["n"],
    required_budget_amount: Str = ["n"],
    required_amount_applied: Str = [],
    required_principal_name: Str = [],
    required_principal_email: Str = [],
    required_giro_method: Str = [],
    required_giro_number: Str = [],
    required_account_segment: Str = ["segment"],
    required_other: Str = ["name"],
    /// A segment's name inside a sentence, in the order of `Segment`.
    segment_name: [Str; 5] = [],
    name_applicant_name: Str = [],
    name_applicant_email: Str = [],
    name_applicant_phone: Str = [],
    name_other_school_name: Str = [],
    name_granted_project: Str = [],
    name_project_start: Str = [],
    name_project_end: Str = [],
    name_trip_start: Str = ["trip"],
    name_trip_end: Str = ["trip"],
    name_country: Str = [],
    name_place: Str = [],
    name_partner: Str = [],
    name_pupils: Str = [],
    name_staff: Str = [],
    name_group: Str = [],
    name_goals: Str = [],
    name_theme: Str = [],
    name_summary: Str = [],
    name_activity_date: Str = ["n"],
    name_activity_description: Str = ["n"],
    name_support_measures: Str = [],
    name_budget_rows: Str = [],
    name_budget_description: Str = ["n"],
    name_budget_amount: Str = ["n"],
    name_other_funding: Str = [],
    name_amount_applied: Str = [],
    name_principal_name: Str = [],
    name_principal_email: Str = [],
    name_giro_number: Str = [],
    name_account_segment: Str = ["segment"],
    name_other: Str = [],
    too_long: Str = ["name", "max"],
    invalid_email: Str = ["name"],
    invalid_count: Str = ["name"],
    count_too_large: Str = ["name", "max"],
    no_participants: Str = [],
    pupils_required: Str = [],
    pupils_required_internship: Str = [],
    date_two_digit_year: Str = ["name"],
    date_impossible: Str = ["name"],
    date_year_out_of_range: Str = ["name"],
    date_invalid: Str = ["name"],
    end_before_start: Str = ["name", "start"],
    trip_before_project: Str = ["trip", "project_start"],
    trip_after_project: Str = ["trip", "project_end"],
    need_activities: Str = ["trip"],
    missing_preparation: Str = [],
    missing_trip: Str = ["trip"],
    missing_follow_up: Str = [],
    activities_out_of_order: Str = ["name", "previous"],
    preparation_after_trip_start: Str = ["trip", "trip_start"],
    trip_activity_outside_trip: Str = ["trip", "trip_start", "trip_end"],
    follow_up_before_trip_end: Str = ["trip", "trip_end"],
    money_ambiguous_separator: Str = ["name"],
    money_too_many_decimals: Str = ["name"],
    money_too_large: Str = ["name", "max"],
    money_invalid: Str = ["name"],
    amount_not_positive: Str = ["name"],
    negative_amount: Str = ["name"],
    no_budget_rows: Str = [],
    total_mismatch: Str = ["computed"],
    other_funding_exceeds_total: Str = ["total"],
    applied_exceeds_need: Str = ["max"],
    applied_exceeds_fund: Str = ["max"],
    /// Bankgiro, plusgiro: "a {giro_name}", "check {giro_definite}", "with {giro_digits}".
    giro_name: [Str; 2] = [],
    giro_definite: [Str; 2] = [],
    giro_digits: [Str; 2] = [],
    giro_empty: Str = ["name"],
    giro_invalid_characters: Str = ["name", "example"],
    giro_length: Str = ["name", "digits", "example"],
    giro_check_digit: Str = ["definite"],
    giro_all_zeros: Str = ["name", "definite"],
    /// "{min}–{max}" characters; then "{count} digit", "{count} digits", "{count} characters".
    segment_range: Str = ["min", "max"],
    segment_length_digit: Str = ["count"],
    segment_length_digits: Str = ["count"],
    segment_length_characters: Str = ["count"],
    segment_length: Str = ["name", "length"],
    segment_only_digits: Str = ["name"],
    segment_only_alphanumeric: Str = ["name"],
    account_string_too_many: Str = [],
    payment_method_mismatch: Str = [],
    unknown_school: Str = [],
    not_confirmed: Str = [],
    file_empty: Str = [],
    file_too_large: Str = ["size"],
    file_wrong_type: Str = ["allowed"],
    files_too_large: Str = ["size"],
    too_many_files: Str = ["max"],
}

/// Fills `{name}` placeholders from `params`. `{Name}` (a capital first letter) is the
/// value of `name` with a capital first letter, for a value that starts a sentence. An
/// unknown placeholder is kept as written (a test checks there are none).
pub fn fill(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((key, after)) = after.split_once('}') else {
            out.push('{');
            rest = after;
            break;
        };
        match lookup(key, params) {
            Some(value) => out.push_str(&value),
            None => {
                out.push('{');
                out.push_str(key);
                out.push('}');
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn lookup(key: &str, params: &[(&str, &str)]) -> Option<String> {
    if let Some((_, value)) = params.iter().find(|(k, _)| *k == key) {
        return Some((*value).to_string());
    }
    let mut chars = key.chars();
    let first = chars.next()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let lower: String = std::iter::once(first.to_ascii_lowercase())
        .chain(chars)
        .collect();
    params
        .iter()
        .find(|(k, _)| *k == lower)
        .map(|(_, value)| super::capitalise(value))
}

/// A language: its templates and how it writes money and dates. The function-valued
/// fields of [`super::Texts`] are these functions, instantiated once per language.
pub trait Language {
    fn templates() -> &'static Templates;
    fn money(money: Money) -> String;
    fn date(date: Date) -> String;
    /// The receiver's own words in this language (`Problem::Reported`).
    fn reported(sv: &str, en: &str) -> String;
}

fn kind_index(kind: Option<Kind>) -> usize {
    kind.map_or(3, |kind| kind as usize)
}

pub fn step_of<L: Language>(n: usize, total: usize) -> String {
    fill(
        L::templates().step_of,
        &[("n", &n.to_string()), ("total", &total.to_string())],
    )
}

pub fn step_title<L: Language>(step: Step) -> &'static str {
    L::templates().step_title[step as usize]
}

pub fn start_privacy_controller<L: Language>(controller: &str) -> String {
    fill(
        L::templates().start_privacy_controller,
        &[("controller", controller)],
    )
}

pub fn start_privacy_contact<L: Language>(dpo: &str, phone: &str) -> String {
    fill(
        L::templates().start_privacy_contact,
        &[("dpo", dpo), ("phone", phone)],
    )
}

pub fn role<L: Language>(role: Role) -> &'static str {
    L::templates().role[role as usize]
}

pub fn school_type<L: Language>(school_type: SchoolType) -> &'static str {
    L::templates().school_type[school_type as usize]
}

pub fn kind<L: Language>(kind: Kind) -> &'static str {
    L::templates().kind[kind as usize]
}

pub fn kind_hint<L: Language>(kind: Kind) -> &'static str {
    L::templates().kind_hint[kind as usize]
}

pub fn trip_start<L: Language>(kind: Option<Kind>) -> &'static str {
    L::templates().trip_start[kind_index(kind)]
}

pub fn trip_end<L: Language>(kind: Option<Kind>) -> &'static str {
    L::templates().trip_end[kind_index(kind)]
}

pub fn activities_hint<L: Language>(kind: Option<Kind>) -> String {
    let t = L::templates();
    fill(t.activities_hint, &[("trip", t.trip[kind_index(kind)])])
}

pub fn activity_legend<L: Language>(n: usize) -> String {
    fill(L::templates().activity_legend, &[("n", &n.to_string())])
}

pub fn phase<L: Language>(phase: Phase) -> &'static str {
    L::templates().phase[phase as usize]
}

pub fn budget_row_legend<L: Language>(n: usize) -> String {
    fill(L::templates().budget_row_legend, &[("n", &n.to_string())])
}

pub fn category<L: Language>(category: BudgetCategory) -> &'static str {
    L::templates().category[category as usize]
}

pub fn totals_not_counted<L: Language>(n: usize) -> String {
    let t = L::templates();
    if n == 1 {
        t.totals_not_counted_one.to_string()
    } else {
        fill(t.totals_not_counted, &[("n", &n.to_string())])
    }
}

pub fn amount_applied_max<L: Language>(max: Option<&str>) -> String {
    let t = L::templates();
    match max {
        Some(max) => fill(t.amount_applied_max, &[("max", max)]),
        None => t.amount_applied_max_unknown.to_string(),
    }
}

pub fn segment<L: Language>(segment: Segment) -> &'static str {
    L::templates().segment[segment as usize]
}

pub fn giro<L: Language>(method: GiroMethod) -> &'static str {
    L::templates().giro[method as usize]
}

pub fn giro_hint<L: Language>(method: GiroMethod) -> &'static str {
    L::templates().giro_hint[method as usize]
}

pub fn attachments_rules<L: Language>(max_mb: u64, total_mb: u64, types: &str) -> String {
    fill(
        L::templates().attachments_rules,
        &[
            ("max_mb", &max_mb.to_string()),
            ("total_mb", &total_mb.to_string()),
            ("types", types),
        ],
    )
}

pub fn attachments_not_stored<L: Language>(names: &str) -> String {
    fill(L::templates().attachments_not_stored, &[("names", names)])
}

/// "512 B", "1,5 kB", "2.0 MB".
pub fn file_size<L: Language>(bytes: u64) -> String {
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let decimal = L::templates().decimal_separator;
    let tenths_kb = bytes.saturating_mul(10) / 1024;
    if tenths_kb < 10240 {
        return format!("{}{decimal}{} kB", tenths_kb / 10, tenths_kb % 10);
    }
    let tenths_mb = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}{decimal}{} MB", tenths_mb / 10, tenths_mb % 10)
}

pub fn declaration_label<L: Language>(principal: &str) -> String {
    let t = L::templates();
    match principal {
        "" => t.declaration_label_unnamed.to_string(),
        name => fill(t.declaration_label, &[("name", name)]),
    }
}

pub fn hand_in_no_address<L: Language>(phone: &str) -> String {
    fill(L::templates().hand_in_no_address, &[("phone", phone)])
}

pub fn resume_title<L: Language>(when: &str) -> String {
    fill(L::templates().resume_title, &[("when", when)])
}

/// Day of month, month (0 = January), hour, minute: "24 nov 14:32".
pub fn saved_at<L: Language>(day: u32, month: u32, hour: u32, minute: u32) -> String {
    let t = L::templates();
    let month = t.months_short.get(month as usize).copied().unwrap_or("");
    fill(
        t.saved_at,
        &[
            ("day", &day.to_string()),
            ("month", month),
            ("hour", &format!("{hour:02}")),
            ("minute", &format!("{minute:02}")),
        ],
    )
}

pub fn import_error<L: Language>(error: &ImportError) -> String {
    let t = L::templates();
    match error {
        ImportError::Empty => t.import_empty.into(),
        ImportError::TooLarge { .. } => t.import_too_large.into(),
        ImportError::Truncated => t.import_truncated.into(),
        ImportError::NotJson | ImportError::NotADraft => t.import_not_a_draft.into(),
        ImportError::NewerVersion { .. } => t.import_newer_version.into(),
        ImportError::WrongShape { path } => fill(t.import_wrong_shape, &[("path", path)]),
        ImportError::TextTooLong { max_chars } => fill(
            t.import_text_too_long,
            &[("max_chars", &max_chars.to_string())],
        ),
        ImportError::TooManyRows { max } => {
            fill(t.import_too_many_rows, &[("max", &max.to_string())])
        }
    }
}

pub fn config_problem<L: Language>(problem: &ConfigProblem) -> &'static str {
    let index = match problem {
        ConfigProblem::EndpointNotUrl => 0,
        ConfigProblem::LocaleUnknown => 1,
        ConfigProblem::AmountInvalid => 2,
        ConfigProblem::EmailInvalid => 3,
        ConfigProblem::SchoolsInvalid => 4,
        ConfigProblem::BooleanInvalid => 5,
    };
    L::templates().config_problem[index]
}

pub fn sending<L: Language>(attempt: u32) -> String {
    let t = L::templates();
    if attempt <= 1 {
        t.sending.into()
    } else {
        fill(t.sending_again, &[("attempt", &attempt.to_string())])
    }
}

pub fn pdf_trip_period<L: Language>(kind: Kind) -> &'static str {
    L::templates().pdf_trip_period[kind as usize]
}

/// What to ask for when an answer is missing: names the field and says what to do.
fn required<L: Language>(field: Field, kind: Option<Kind>) -> String {
    let t = L::templates();
    let trip = t.trip[kind_index(kind)];
    let numbered = |template: &str, i: usize| fill(template, &[("n", &(i + 1).to_string())]);
    match field {
        Field::ApplicantName => t.required_applicant_name.into(),
        Field::ApplicantEmail => t.required_applicant_email.into(),
        Field::ApplicantRole => t.required_applicant_role.into(),
        Field::School => t.required_school.into(),
        Field::OtherSchoolName => t.required_other_school_name.into(),
        Field::OtherSchoolType => t.required_other_school_type.into(),
        Field::Kind => t.required_kind.into(),
        Field::GrantedProject => t.required_granted_project.into(),
        Field::ProjectStart => t.required_project_start.into(),
        Field::ProjectEnd => t.required_project_end.into(),
        Field::TripStart => fill(t.required_trip_start, &[("trip", trip)]),
        Field::TripEnd => fill(t.required_trip_end, &[("trip", trip)]),
        Field::Country => t.required_country.into(),
        Field::Partner => t.required_partner.into(),
        Field::Pupils => t.required_pupils.into(),
        Field::Staff => t.required_staff.into(),
        Field::Goals => t.required_goals.into(),
        Field::Theme => t.required_theme.into(),
        Field::ActivityDate(i) => numbered(t.required_activity_date, i),
        Field::ActivityPhase(i) => numbered(t.required_activity_phase, i),
        Field::ActivityDescription(i) => numbered(t.required_activity_description, i),
        Field::SupportMeasures => t.required_support_measures.into(),
        Field::BudgetCategory(i) => numbered(t.required_budget_category, i),
        Field::BudgetDescription(i) => numbered(t.required_budget_description, i),
        Field::BudgetAmount(i) => numbered(t.required_budget_amount, i),
        Field::AmountApplied => t.required_amount_applied.into(),
        Field::PrincipalName => t.required_principal_name.into(),
        Field::PrincipalEmail => t.required_principal_email.into(),
        Field::GiroMethod => t.required_giro_method.into(),
        Field::GiroNumber => t.required_giro_number.into(),
        Field::AccountSegment(segment) => fill(
            t.required_account_segment,
            &[("segment", t.segment_name[segment as usize])],
        ),
        other => fill(t.required_other, &[("name", &field_name::<L>(other, kind))]),
    }
}

/// A field's name inside a sentence.
fn field_name<L: Language>(field: Field, kind: Option<Kind>) -> String {
    let t = L::templates();
    let trip = t.trip[kind_index(kind)];
    let numbered = |template: &str, i: usize| fill(template, &[("n", &(i + 1).to_string())]);
    match field {
        Field::ApplicantName => t.name_applicant_name.into(),
        Field::ApplicantEmail => t.name_applicant_email.into(),
        Field::ApplicantPhone => t.name_applicant_phone.into(),
        Field::OtherSchoolName => t.name_other_school_name.into(),
        Field::GrantedProject => t.name_granted_project.into(),
        Field::ProjectStart => t.name_project_start.into(),
        Field::ProjectEnd => t.name_project_end.into(),
        Field::TripStart => fill(t.name_trip_start, &[("trip", trip)]),
        Field::TripEnd => fill(t.name_trip_end, &[("trip", trip)]),
        Field::Country => t.name_country.into(),
        Field::Place => t.name_place.into(),
        Field::Partner => t.name_partner.into(),
        Field::Pupils => t.name_pupils.into(),
        Field::Staff => t.name_staff.into(),
        Field::Group => t.name_group.into(),
        Field::Goals => t.name_goals.into(),
        Field::Theme => t.name_theme.into(),
        Field::Summary => t.name_summary.into(),
        Field::ActivityDate(i) => numbered(t.name_activity_date, i),
        Field::ActivityDescription(i) => numbered(t.name_activity_description, i),
        Field::SupportMeasures => t.name_support_measures.into(),
        Field::BudgetRows => t.name_budget_rows.into(),
        Field::BudgetDescription(i) => numbered(t.name_budget_description, i),
        Field::BudgetAmount(i) => numbered(t.name_budget_amount, i),
        Field::OtherFunding => t.name_other_funding.into(),
        Field::AmountApplied => t.name_amount_applied.into(),
        Field::PrincipalName => t.name_principal_name.into(),
        Field::PrincipalEmail => t.name_principal_email.into(),
        Field::GiroNumber => t.name_giro_number.into(),
        Field::AccountSegment(segment) => fill(
            t.name_account_segment,
            &[("segment", t.segment_name[segment as usize])],
        ),
        _ => t.name_other.into(),
    }
}

/// A date parameter of the problem (ISO) in the language's long form.
fn date_param<L: Language>(problem: &Problem, key: &str) -> String {
    let iso = problem
        .params()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
        .unwrap_or_default();
    parse_date(&iso).map(L::date).unwrap_or(iso)
}

/// "1–6 siffror", "4 digits", "1 to 8 characters (letters A to Z or digits)".
fn segment_length<L: Language>(allowed: Allowed) -> String {
    let t = L::templates();
    let count = if allowed.min_len == allowed.max_len {
        allowed.max_len.to_string()
    } else {
        fill(
            t.segment_range,
            &[
                ("min", &allowed.min_len.to_string()),
                ("max", &allowed.max_len.to_string()),
            ],
        )
    };
    let template = match allowed.charset {
        Charset::Digits if allowed.max_len == 1 => t.segment_length_digit,
        Charset::Digits => t.segment_length_digits,
        Charset::Alphanumeric => t.segment_length_characters,
    };
    fill(template, &[("count", &count)])
}

fn giro_message<L: Language>(error: &GiroError, method: GiroMethod) -> String {
    let t = L::templates();
    let index = method as usize;
    let example = match method {
        GiroMethod::Bankgiro => "5402-9681",
        GiroMethod::Plusgiro => "410 54 68-5",
    };
    let template = match error {
        GiroError::Empty => t.giro_empty,
        GiroError::InvalidCharacters => t.giro_invalid_characters,
        GiroError::TooShort | GiroError::TooLong => t.giro_length,
        // A check digit that does not add up is almost always a typo, not a missing account.
        GiroError::CheckDigit => t.giro_check_digit,
        GiroError::AllZeros => t.giro_all_zeros,
    };
    fill(
        template,
        &[
            ("name", t.giro_name[index]),
            ("definite", t.giro_definite[index]),
            ("digits", t.giro_digits[index]),
            ("example", example),
        ],
    )
}

/// An error's message; the kind of application names the trip, visit or stay abroad.
pub fn message<L: Language>(field: Field, problem: &Problem, kind: Option<Kind>) -> String {
    let t = L::templates();
    let money = L::money;
    let name = field_name::<L>(field, kind);
    let trip = t.trip[kind_index(kind)];
    let with_name = |template: &str| fill(template, &[("name", &name)]);
    let with_trip = |template: &str, key: &str| {
        fill(
            template,
            &[("trip", trip), (key, &date_param::<L>(problem, key))],
        )
    };
    match problem {
        Problem::Required => required::<L>(field, kind),
        Problem::TooLong { max } => fill(t.too_long, &[("name", &name), ("max", &max.to_string())]),
        Problem::InvalidEmail => with_name(t.invalid_email),
        Problem::InvalidCount => with_name(t.invalid_count),
        Problem::CountTooLarge { max } => fill(
            t.count_too_large,
            &[("name", &name), ("max", &max.to_string())],
        ),
        Problem::NoParticipants => t.no_participants.into(),
        Problem::PupilsRequired => match kind {
            Some(Kind::InternshipAbroad) => t.pupils_required_internship.into(),
            _ => t.pupils_required.into(),
        },
        Problem::Date(error) => with_name(match error {
            DateError::TwoDigitYear => t.date_two_digit_year,
            DateError::ImpossibleDate => t.date_impossible,
            DateError::YearOutOfRange => t.date_year_out_of_range,
            DateError::Empty | DateError::Invalid => t.date_invalid,
        }),
        Problem::EndBeforeStart { .. } => fill(
            t.end_before_start,
            &[
                ("name", &name),
                ("start", &date_param::<L>(problem, "start")),
            ],
        ),
        Problem::TripBeforeProject { .. } => with_trip(t.trip_before_project, "project_start"),
        Problem::TripAfterProject { .. } => with_trip(t.trip_after_project, "project_end"),
        Problem::NoActivities => fill(t.need_activities, &[("trip", trip)]),
        Problem::MissingPhase(phase) => match phase {
            Phase::Preparation => t.missing_preparation.into(),
            Phase::Trip => fill(t.missing_trip, &[("trip", trip)]),
            Phase::FollowUp => t.missing_follow_up.into(),
        },
        Problem::ActivitiesOutOfOrder { .. } => fill(
            t.activities_out_of_order,
            &[
                ("name", &name),
                ("previous", &date_param::<L>(problem, "previous")),
            ],
        ),
        Problem::PreparationAfterTripStart { .. } => {
            with_trip(t.preparation_after_trip_start, "trip_start")
        }
        Problem::TripActivityOutsideTrip { .. } => fill(
            t.trip_activity_outside_trip,
            &[
                ("trip", trip),
                ("trip_start", &date_param::<L>(problem, "trip_start")),
                ("trip_end", &date_param::<L>(problem, "trip_end")),
            ],
        ),
        Problem::FollowUpBeforeTripEnd { .. } => with_trip(t.follow_up_before_trip_end, "trip_end"),
        Problem::Money(error) => match error {
            MoneyError::AmbiguousSeparator => with_name(t.money_ambiguous_separator),
            MoneyError::TooManyDecimals => with_name(t.money_too_many_decimals),
            MoneyError::TooLarge => fill(
                t.money_too_large,
                &[
                    ("name", &name),
                    ("max", &money(Money::from_ore(MAX_PARSED_ORE))),
                ],
            ),
            MoneyError::Empty | MoneyError::Invalid => with_name(t.money_invalid),
        },
        Problem::AmountNotPositive => with_name(t.amount_not_positive),
        Problem::NegativeAmount => with_name(t.negative_amount),
        Problem::NoBudgetRows => t.no_budget_rows.into(),
        Problem::TotalMismatch { computed } => {
            fill(t.total_mismatch, &[("computed", &money(*computed))])
        }
        Problem::OtherFundingExceedsTotal { total } => {
            fill(t.other_funding_exceeds_total, &[("total", &money(*total))])
        }
        Problem::AppliedExceedsNeed { max } => {
            fill(t.applied_exceeds_need, &[("max", &money(*max))])
        }
        Problem::AppliedExceedsFund { max } => {
            fill(t.applied_exceeds_fund, &[("max", &money(*max))])
        }
        Problem::Bankgiro(error) => giro_message::<L>(error, GiroMethod::Bankgiro),
        Problem::Plusgiro(error) => giro_message::<L>(error, GiroMethod::Plusgiro),
        Problem::Segment(error) => match error {
            SegmentError::Missing => required::<L>(field, kind),
            SegmentError::TooShort(allowed) | SegmentError::TooLong(allowed) => fill(
                t.segment_length,
                &[("name", &name), ("length", &segment_length::<L>(*allowed))],
            ),
            SegmentError::InvalidCharacters(allowed) => with_name(match allowed.charset {
                Charset::Digits => t.segment_only_digits,
                Charset::Alphanumeric => t.segment_only_alphanumeric,
            }),
        },
        Problem::AccountString(_) => t.account_string_too_many.into(),
        Problem::PaymentMethodMismatch => t.payment_method_mismatch.into(),
        Problem::UnknownSchool => t.unknown_school.into(),
        Problem::NotConfirmed => t.not_confirmed.into(),
        Problem::FileEmpty => t.file_empty.into(),
        Problem::FileTooLarge { max_bytes } => {
            fill(t.file_too_large, &[("size", &file_size::<L>(*max_bytes))])
        }
        Problem::FileWrongType { allowed } => fill(t.file_wrong_type, &[("allowed", allowed)]),
        Problem::FilesTooLarge { max_total_bytes } => fill(
            t.files_too_large,
            &[("size", &file_size::<L>(*max_total_bytes))],
        ),
        Problem::TooManyFiles { max } => fill(t.too_many_files, &[("max", &max.to_string())]),
        Problem::Reported { sv, en } => L::reported(sv, en),
    }
}

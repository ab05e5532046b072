//! A language as a data file: what the build writes for English (`src/bin/english-texts.rs`)
//! and the app reads when the applicant chooses English. One line per value,
//! `key<TAB>value`, with `\n` and `\\` escaped; a list repeats its key once per item.
//!
//! The file is written and read in the order the fields are declared, so reading takes
//! the values one after another: no key names and no lookups in the wasm, a few bytes of
//! code per text. The keys are for people (a diff, a translator) and mark where a list
//! ends. The file comes from the same build (its name carries its hash, the loader checks
//! its integrity), and one of another shape is refused whole.

use std::cell::Cell;

use super::templates::{self, Language, Templates};
use super::Texts;

/// The values of a data file in file order, taken in blocks.
pub struct Data {
    keys: Vec<&'static str>,
    values: Vec<&'static str>,
    next: Cell<usize>,
    /// Set when a block was asked for past the end, or a list was not there.
    short: Cell<bool>,
}

impl Data {
    /// Reads a data file. The text lives as long as the app (it is leaked): the texts
    /// are `&'static str` like the compiled-in Swedish ones, and English is read once.
    pub fn parse(text: String) -> Data {
        let text: &'static str = Box::leak(text.into_boxed_str());
        let (keys, values) = text
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(key, value)| (key, unescape(value)))
            .unzip();
        Data {
            keys,
            values,
            next: Cell::new(0),
            short: Cell::new(false),
        }
    }

    /// The next `count` values (empty, and the file marked short, past its end).
    fn block(&self, count: usize) -> &[&'static str] {
        let start = self.next.get();
        self.next.set(start + count);
        match self.values.get(start..start + count) {
            Some(block) => block,
            None => {
                self.short.set(true);
                &[]
            }
        }
    }

    /// The values from here on that have the list's key. The key is checked (four lists,
    /// a few bytes), so a file that is off by a line does not go unnoticed.
    fn list(&self, key: &str) -> &'static [&'static str] {
        let start = self.next.get().min(self.keys.len());
        let count = self.keys[start..].iter().take_while(|k| **k == key).count();
        // The whole list: not its tail after a missing line.
        let whole = start == 0 || self.keys[start - 1] != key;
        if count == 0 || !whole {
            self.short.set(true);
        }
        self.next.set(start + count);
        Box::leak(
            self.values[start..start + count]
                .to_vec()
                .into_boxed_slice(),
        )
    }

    /// Whether every value was read, and no more were asked for than the file has.
    fn complete(&self) -> Result<(), String> {
        match !self.short.get() && self.next.get() == self.values.len() {
            true => Ok(()),
            false => Err("the data file does not fit this build".into()),
        }
    }
}

fn unescape(value: &'static str) -> &'static str {
    if !value.contains('\\') {
        return value;
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            c => out.push(c),
        }
    }
    Box::leak(out.into_boxed_str())
}

/// One kind of value in a data file: a text or a table of texts. Implemented for these
/// two alone: [`fill_slots`] relies on it.
pub trait Value {
    /// How many values of the file it takes.
    const LEN: usize;
    fn values(&self) -> Vec<&'static str>;
}

impl Value for &'static str {
    const LEN: usize = 1;
    fn values(&self) -> Vec<&'static str> {
        vec![*self]
    }
}

impl<const N: usize> Value for [&'static str; N] {
    const LEN: usize = N;
    fn values(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}

/// Writes `values` into `target`'s texts at `slots` (byte offsets, in data-file order).
///
/// Why not field by field: that is code for every text, about 12 KB of first-load wasm
/// for English's 340 texts, more than the texts themselves. A table of offsets is two
/// bytes a text.
// The slot tables hold byte offsets as `u16`: both structs must stay within its range, or
// an offset would wrap and `fill_slots` would write to the wrong place.
const _: () = assert!(std::mem::size_of::<Texts>() <= u16::MAX as usize);
const _: () = assert!(std::mem::size_of::<Templates>() <= u16::MAX as usize);

fn fill_slots<T>(target: &mut T, slots: &[u16], values: &[&'static str]) {
    let base = (target as *mut T).cast::<u8>();
    for (&slot, &value) in slots.iter().zip(values) {
        // SAFETY: every slot is the offset (`offset_of!`) of a field of type
        // `&'static str` of `T`, or of an element of a `[&'static str; N]` field: the
        // macros that make the slot tables check each field's type (`text_slots!`,
        // `Templates::SLOTS`). So this writes a valid value of the field's own type,
        // aligned, inside the initialised `T` that `target` borrows uniquely.
        unsafe {
            base.add(usize::from(slot))
                .cast::<&'static str>()
                .write(value)
        }
    }
}

/// Calls `$callback!` with every plain-text and list field of [`Texts`] (the rest are
/// functions of the language's [`Templates`]). A field missing here is a compile error
/// in [`write`].
macro_rules! texts_fields {
    ($callback:ident) => {
        $callback! {
            texts: [
        lang, app_title, organisation, other_language_name, other_language_code, back,
        continue_button, optional, error_prefix, error_summary_title, not_provided,
        change, remove, move_up, move_down, date_year, date_month, date_day, date_hint,
        new_question_shown, start_lead, start_what_title, start_who_title,
        start_who_text, start_need_title, start_time_text, start_privacy_title,
        start_privacy_browser, start_advice_title, start_advice_text, start_advice_link,
        start_button, applicant_name, applicant_email, applicant_email_hint,
        applicant_phone, role_legend, school, school_hint, school_choose, school_other,
        other_school_name, other_school_name_hint, other_school_type, kind_legend,
        granted_project, granted_project_hint, project_start, project_start_hint,
        project_end, project_end_hint, trip_end_hint, destination_heading, country,
        country_hint, place, partner, partner_hint, pupils, pupils_hint, staff,
        staff_hint, group, group_hint, names_warning, names_warning_files, goals,
        goals_hint, theme, theme_hint, summary, summary_hint, activity_date,
        activity_phase, phase_choose, activity_description, add_activity, no_activities,
        support_hint, budget_hint, budget_granted_note, budget_category,
        category_choose, budget_description, budget_amount, amount_hint, add_budget_row,
        totals_title, totals_total, other_funding, other_funding_hint, amount_applied,
        principal_intro, principal_name, principal_email, account_legend, account_hint,
        giro_method, giro_number, payment_needs_school, attachments_intro,
        attachments_choose, attachments_none, attachments_kept, attachments_not_sent,
        attachments_list_title, check_intro, check_sent_text, declaration_text,
        send_button, ready_button, confirmation_panel, confirmation_next_title,
        confirmation_next_text, confirmation_contact, contact_email_label,
        contact_phone_label, sent_answers_link, changes_not_sent, hand_in_intro,
        hand_in_download, hand_in_email, mailto_subject, mailto_body, resume_text,
        resume_continue, resume_restart, restart_confirm_title, restart_confirm_text,
        restart_confirm_yes, restart_confirm_no, forget_button, forget_confirm_title,
        forget_confirm_text, forget_confirm_yes, forgotten, storage_unavailable,
        storage_full, corrupt_notice, other_tab_text, other_tab_use, other_tab_keep,
        drafts_title, open_draft_title, drafts_text, save_file, open_file, file_loaded,
        file_question_title, file_question_text, file_replace, file_keep, file_kept,
        config_errors_title, print_answers, download_application, download_zip,
        download_zip_hint, preparing_download, reference_label, sent_title,
        worker_unavailable, send_failed_title, download_failed_title,
        after_download_text, pdf_title, pdf_page_of, pdf_reference, pdf_created,
        pdf_description, pdf_amount, pdf_declaration, pdf_summary, pdf_applicant,
        pdf_applicant_and_school, pdf_email, pdf_phone, pdf_role, pdf_kind,
        pdf_granted_project, pdf_project_period, pdf_goals, pdf_amount_applied,
        pdf_principal, pdf_declared, pdf_declared_at, pdf_office_use, pdf_data_file,
        pdf_files_inside,
            ],
            lists: [start_what_items, start_need_items, start_privacy_paragraphs, pdf_office_fields],
        }
    };
}

/// A language's data file: its [`Texts`] and its [`Templates`].
pub fn write(texts: &Texts, templates: &Templates) -> String {
    macro_rules! entries {
        (texts: [$($text:ident),* $(,)?], lists: [$($list:ident),* $(,)?],) => {
            vec![
                $( (stringify!($text), Value::values(&texts.$text)), )*
                $( (stringify!($list), texts.$list.to_vec()), )*
            ]
        };
    }
    // Every field of `Texts` is named here or in `texts_fields!` (no `..`): a new field
    // left out of the data file does not compile.
    macro_rules! every_field {
        (texts: [$($text:ident),* $(,)?], lists: [$($list:ident),* $(,)?],) => {
            let Texts {
                $( $text: _, )*
                $( $list: _, )*
                step_of: _, step_title: _, start_privacy_controller: _,
                start_privacy_contact: _, role: _, school_type: _, kind: _, kind_hint: _,
                trip_start: _, trip_end: _, activities_hint: _, activity_legend: _,
                phase: _, budget_row_legend: _, category: _, totals_not_counted: _,
                amount_applied_max: _, segment: _, giro: _, giro_hint: _,
                attachments_rules: _, attachments_not_stored: _, file_size: _,
                declaration_label: _, hand_in_no_address: _, resume_title: _, saved_at: _,
                import_error: _, config_problem: _, sending: _, pdf_trip_period: _,
                money: _, date: _, message: _,
            } = texts;
        };
    }
    texts_fields!(every_field);
    let mut entries: Vec<(&str, Vec<&str>)> = texts_fields!(entries);
    entries.extend(templates.entries());
    let mut out = String::new();
    for (key, values) in entries {
        for value in values {
            out.push_str(key);
            out.push('\t');
            out.push_str(&value.replace('\\', "\\\\").replace('\n', "\\n"));
            out.push('\n');
        }
    }
    out
}

/// A language from its data file: its texts, whose function-valued fields are the shared
/// rules of `templates` filled from `L`'s templates, and those templates. Swedish is the
/// starting point that every value of the file then replaces (a copy, not code per field).
pub fn read<L: Language>(data: &Data) -> Result<(Box<Texts>, Box<Templates>), String> {
    // Each plain text's offset in `Texts`; the closure checks its type (no code).
    macro_rules! text_slots {
        (texts: [$($text:ident),* $(,)?], lists: [$($list:ident),* $(,)?],) => {
            [$({
                let _: fn(&Texts) -> &&'static str = |texts| &texts.$text;
                std::mem::offset_of!(Texts, $text) as u16
            }),*]
        };
    }
    const TEXT_SLOTS: &[u16] = &texts_fields!(text_slots);
    // Copied from Swedish as one block of memory: without `black_box` the compiler knows
    // every value and writes them one by one (kilobytes of code, for values then replaced).
    let mut texts = Box::new(*std::hint::black_box(&super::sv::TEXTS));
    macro_rules! read_lists {
        (texts: [$($text:ident),* $(,)?], lists: [$($list:ident),* $(,)?],) => {
            $( texts.$list = data.list(stringify!($list)); )*
        };
    }
    fill_slots(&mut *texts, TEXT_SLOTS, data.block(TEXT_SLOTS.len()));
    texts_fields!(read_lists);
    let mut templates = Box::new(*std::hint::black_box(&super::sv::TEMPLATES));
    fill_slots(
        &mut *templates,
        &Templates::SLOTS,
        data.block(Templates::LEN),
    );
    data.complete()?;
    texts.step_of = templates::step_of::<L>;
    texts.step_title = templates::step_title::<L>;
    texts.start_privacy_controller = templates::start_privacy_controller::<L>;
    texts.start_privacy_contact = templates::start_privacy_contact::<L>;
    texts.role = templates::role::<L>;
    texts.school_type = templates::school_type::<L>;
    texts.kind = templates::kind::<L>;
    texts.kind_hint = templates::kind_hint::<L>;
    texts.trip_start = templates::trip_start::<L>;
    texts.trip_end = templates::trip_end::<L>;
    texts.activities_hint = templates::activities_hint::<L>;
    texts.activity_legend = templates::activity_legend::<L>;
    texts.phase = templates::phase::<L>;
    texts.budget_row_legend = templates::budget_row_legend::<L>;
    texts.category = templates::category::<L>;
    texts.totals_not_counted = templates::totals_not_counted::<L>;
    texts.amount_applied_max = templates::amount_applied_max::<L>;
    texts.segment = templates::segment::<L>;
    texts.giro = templates::giro::<L>;
    texts.giro_hint = templates::giro_hint::<L>;
    texts.attachments_rules = templates::attachments_rules::<L>;
    texts.attachments_not_stored = templates::attachments_not_stored::<L>;
    texts.file_size = templates::file_size::<L>;
    texts.declaration_label = templates::declaration_label::<L>;
    texts.hand_in_no_address = templates::hand_in_no_address::<L>;
    texts.resume_title = templates::resume_title::<L>;
    texts.saved_at = templates::saved_at::<L>;
    texts.import_error = templates::import_error::<L>;
    texts.config_problem = templates::config_problem::<L>;
    texts.sending = templates::sending::<L>;
    texts.pdf_trip_period = templates::pdf_trip_period::<L>;
    texts.money = L::money;
    texts.date = L::date;
    texts.message = templates::message::<L>;
    Ok((texts, templates))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{en, sv, En, Sv};

    /// The placeholders of a template, with `{Name}` counted as `name`.
    fn placeholders(template: &str) -> Vec<String> {
        let mut found: Vec<String> = template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(key, _)| key))
            .map(|key| {
                let mut chars = key.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect();
        found.sort();
        found.dedup();
        found
    }

    #[test]
    fn both_languages_fill_every_template_with_the_same_declared_parameters() {
        let sv = sv::TEMPLATES.entries();
        let en = en::TEMPLATES.entries();
        assert_eq!(sv.len(), Templates::PARAMS.len());
        for ((key, sv_values), ((en_key, en_values), (params_key, params))) in
            sv.iter().zip(en.iter().zip(Templates::PARAMS))
        {
            assert_eq!((key, key), (en_key, params_key));
            assert_eq!(sv_values.len(), en_values.len(), "{key}");
            for (sv_value, en_value) in sv_values.iter().zip(en_values) {
                assert!(
                    !sv_value.is_empty() && !en_value.is_empty(),
                    "{key} is empty"
                );
                let (sv_used, en_used) = (placeholders(sv_value), placeholders(en_value));
                // English says "It cannot be all zeros" where Swedish repeats the name.
                if *key != "giro_all_zeros" {
                    assert_eq!(
                        sv_used, en_used,
                        "{key}: Swedish and English take other values"
                    );
                }
                for param in sv_used.iter().chain(&en_used) {
                    assert!(
                        params.contains(&param.as_str()),
                        "{key}: unknown {{{param}}}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_plain_text_has_a_placeholder_left_unfilled() {
        for (key, values) in write(&sv::TEXTS, &sv::TEMPLATES)
            .lines()
            .chain(write(&en::TEXTS, &en::TEMPLATES).lines())
            .filter_map(|line| line.split_once('\t'))
            .filter(|(key, _)| !Templates::PARAMS.iter().any(|(k, _)| k == key))
        {
            // The PDF worker fills these two itself.
            if key != "pdf_page_of" && key != "pdf_declared" {
                assert!(!values.contains('{'), "{key}: {values}");
            }
        }
    }

    #[test]
    fn the_english_data_file_reads_back_as_the_english_compiled_in() {
        let file = write(&en::TEXTS, &en::TEMPLATES);
        let (texts, templates) = read::<En>(&Data::parse(file.clone())).expect("every text");
        assert_eq!(templates.entries(), en::TEMPLATES.entries());
        assert_eq!(write(&texts, &templates), file);
        assert!(
            file.contains("mailto_body\tHello,\\n\\nHere is"),
            "newlines escaped"
        );
        assert_eq!(texts.mailto_body, en::TEXTS.mailto_body);
        assert_eq!(texts.start_need_items, en::TEXTS.start_need_items);
        // A file of another shape is refused, not shown with texts in the wrong places.
        let short = file.replace("\nback\tBack\n", "\n");
        assert!(read::<En>(&Data::parse(short)).is_err());
        let longer = file.replace("\nrole\tPupil\n", "\nrole\tPupil\nrole\tGuest\n");
        assert!(read::<En>(&Data::parse(longer)).is_err());
    }

    /// The texts chosen by an enum are tables indexed by its variants: a variant added
    /// without its text would panic on the applicant's screen. Every variant of every such
    /// enum, in both languages, as compiled in and as read from the English file.
    #[test]
    fn every_variant_of_every_enum_has_its_text_in_both_languages() {
        use crate::domain::account_string::Segment;
        use crate::domain::application::{BudgetCategory, Coded, Kind, Phase, Role, SchoolType};
        use crate::domain::draft::GiroMethod;
        use crate::domain::step::Step;
        let (read_english, _) =
            read::<En>(&Data::parse(write(&en::TEXTS, &en::TEMPLATES))).expect("English");
        for t in [&sv::TEXTS, &en::TEXTS, &*read_english] {
            let mut texts: Vec<&str> = Vec::new();
            texts.extend(Step::ALL.map(t.step_title));
            texts.extend(Role::ALL.iter().map(|r| (t.role)(*r)));
            texts.extend(SchoolType::ALL.iter().map(|s| (t.school_type)(*s)));
            texts.extend(Kind::ALL.iter().map(|k| (t.kind)(*k)));
            texts.extend(Kind::ALL.iter().map(|k| (t.kind_hint)(*k)));
            let kinds = Kind::ALL.iter().map(|k| Some(*k)).chain([None]);
            texts.extend(kinds.clone().map(t.trip_start));
            texts.extend(kinds.map(t.trip_end));
            texts.extend(Phase::ALL.iter().map(|p| (t.phase)(*p)));
            texts.extend(BudgetCategory::ALL.iter().map(|c| (t.category)(*c)));
            texts.extend(Segment::ALL.map(t.segment));
            texts.extend(GiroMethod::ALL.iter().map(|g| (t.giro)(*g)));
            texts.extend(GiroMethod::ALL.iter().map(|g| (t.giro_hint)(*g)));
            assert!(
                texts.iter().all(|text| !text.trim().is_empty()),
                "{} has an empty text",
                t.lang
            );
        }
    }

    #[test]
    fn every_function_of_english_read_from_its_file_is_english() {
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
        let (read, _) =
            read::<En>(&Data::parse(write(&en::TEXTS, &en::TEMPLATES))).expect("English");
        let outputs = |t: &Texts| {
            let date = Date::from_ymd(2027, 3, 5).expect("a date");
            vec![
                (t.step_of)(1, 2),
                (t.step_title)(Step::Budget).into(),
                (t.start_privacy_controller)("x"),
                (t.start_privacy_contact)("x", "y"),
                (t.role)(Role::Pupil).into(),
                (t.school_type)(SchoolType::Municipal).into(),
                (t.kind)(Kind::ExchangeSending).into(),
                (t.kind_hint)(Kind::ExchangeSending).into(),
                (t.trip_start)(None).into(),
                (t.trip_end)(None).into(),
                (t.activities_hint)(None),
                (t.activity_legend)(1),
                (t.phase)(Phase::Trip).into(),
                (t.budget_row_legend)(1),
                (t.category)(BudgetCategory::Meals).into(),
                (t.totals_not_counted)(2),
                (t.amount_applied_max)(None),
                (t.segment)(Segment::Fri).into(),
                (t.giro)(GiroMethod::Plusgiro).into(),
                (t.giro_hint)(GiroMethod::Plusgiro).into(),
                (t.attachments_rules)(1, 2, "pdf"),
                (t.attachments_not_stored)("a"),
                (t.file_size)(1536),
                (t.declaration_label)(""),
                (t.hand_in_no_address)("1"),
                (t.resume_title)("now"),
                (t.saved_at)(1, 2, 3, 4),
                (t.import_error)(&ImportError::Empty),
                (t.config_problem)(&ConfigProblem::LocaleUnknown).into(),
                (t.sending)(2),
                (t.pdf_trip_period)(Kind::ExchangeSending).into(),
                (t.money)(Money::from_ore(150_000)),
                (t.date)(date),
                (t.message)(Field::Goals, &Problem::Required, None),
            ]
        };
        assert_eq!(outputs(read.as_ref()), outputs(&en::TEXTS));
        assert_ne!(outputs(&sv::TEXTS), outputs(&en::TEXTS));
    }

    #[test]
    fn the_swedish_functions_give_the_swedish_templates_filled() {
        let t = &sv::TEXTS;
        assert_eq!((t.step_of)(2, 9), "Steg 2 av 9");
        assert_eq!((t.saved_at)(24, 10, 9, 5), "24 nov 09:05");
        assert_eq!((t.file_size)(1536), "1,5 kB");
        assert_eq!(
            (t.totals_not_counted)(1),
            sv::TEMPLATES.totals_not_counted_one
        );
        assert_eq!(
            (t.totals_not_counted)(3),
            "3 belopp är inte ifyllda eller kan inte läsas och är inte medräknade."
        );
        let _ = Sv;
    }
}

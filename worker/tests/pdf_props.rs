//! Any text in any answer gives a PDF, never a panic: emoji, CJK, control characters,
//! combining marks, right-to-left text, very long words, thousands of line breaks.

// Amounts in öre are written kronor_öre.
#![allow(clippy::inconsistent_digit_grouping)]

use proptest::prelude::*;

use skolutbyte::domain::application::{
    Activity, Application, AttachmentInfo, BudgetCategory, BudgetRow, Kind, Phase,
};
use skolutbyte::domain::dates::Date;
use skolutbyte::domain::examples::internship_draft;
use skolutbyte::domain::money::Money;
use skolutbyte::domain::rules::Rules;
use skolutbyte::domain::validate::validate;
use skolutbyte::i18n::Locale;
use skolutbyte_worker::pdf::{application_pdf, AttachmentFile, Stamp};

fn base() -> Application {
    validate(&internship_draft(), &Rules::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Mostly unrestricted Unicode, with the awkward cases made likely.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "(?s).{0,120}",
        1 => "[\\u{0}-\\u{1F}\\u{7F}-\\u{9F}\\u{300}-\\u{36F} \n\r\t]{0,60}",
        1 => "[a-zåäöÅÄÖé\\u{200B}\\u{FEFF}\\u{AD}]{0,400}",
        1 => "[\\u{4E00}-\\u{4E50}\\u{1F600}-\\u{1F64F}\\u{5D0}-\\u{5EA}\\u{E000}-\\u{E010}]{0,80}",
        1 => "(\n){0,300}",
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..2200, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| {
        Date::from_ymd(y, m, d).unwrap_or_else(|| Date::from_ymd(2027, 1, 1).expect("date"))
    })
}

fn money() -> impl Strategy<Value = Money> {
    (-1_000_000_00i64..1_000_000_000_00).prop_map(Money::from_ore)
}

prop_compose! {
    fn application()(
        texts in proptest::collection::vec(any_text(), 16),
        activities in proptest::collection::vec((date(), any_text()), 0..12),
        rows in proptest::collection::vec((any_text(), money()), 0..12),
        sums in (money(), money(), money()),
        attachments in proptest::collection::vec((any_text(), any::<u64>()), 0..3),
        kind in prop_oneof![Just(Kind::ExchangeReceiving), Just(Kind::ExchangeSending), Just(Kind::InternshipAbroad)],
        counts in (any::<u32>(), any::<u32>()),
        confirmed in any::<bool>(),
    ) -> Application {
        let mut app = base();
        let mut t = texts.into_iter();
        let mut next = || t.next().unwrap_or_default();
        app.applicant.name = next();
        app.applicant.email = next();
        app.applicant.phone = next();
        app.school.name = next();
        app.kind = kind;
        app.granted_project = next();
        app.destination.country = next();
        app.destination.place = next();
        app.destination.partner = next();
        app.participants.group = next();
        app.participants.pupils = counts.0;
        app.participants.staff = counts.1;
        app.description.goals = next();
        app.description.theme = next();
        app.description.summary = next();
        app.support_measures = next();
        app.principal.name = next();
        app.principal.email = next();
        app.activities = activities
            .into_iter()
            .enumerate()
            .map(|(i, (date, description))| Activity {
                date,
                phase: [Phase::Preparation, Phase::Trip, Phase::FollowUp][i % 3],
                description,
            })
            .collect();
        app.budget.rows = rows
            .into_iter()
            .map(|(description, amount)| BudgetRow {
                category: BudgetCategory::Other,
                description,
                amount,
            })
            .collect();
        app.budget.total_costs = sums.0;
        app.budget.other_funding = sums.1;
        app.budget.amount_applied = sums.2;
        app.attachments = attachments
            .into_iter()
            .map(|(name, size_bytes)| AttachmentInfo {
                name,
                size_bytes,
                media_type: "application/pdf".into(),
            })
            .collect();
        app.declaration_confirmed = confirmed;
        app
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_give_a_pdf(
        app in application(),
        reference in proptest::option::of(any_text()),
        english in any::<bool>(),
        hour in any::<u8>(),
        minute in any::<u8>(),
        // Any name (colliding, empty, only invisible characters) and any MIME type.
        files in proptest::collection::vec(
            (any_text(), any_text(), proptest::collection::vec(any::<u8>(), 0..64)),
            0..4,
        ),
    ) {
        let stamp = Stamp {
            reference,
            created: Date::from_ymd(2026, 11, 25).expect("date"),
            created_hour: hour,
            created_minute: minute,
        };
        let locale = if english { Locale::En } else { Locale::Sv };
        let files: Vec<AttachmentFile> = files
            .iter()
            .map(|(name, media_type, bytes)| AttachmentFile { name, media_type, bytes })
            .collect();
        let pdf = application_pdf(&app, locale, &stamp, &files);
        prop_assert!(pdf.is_ok(), "{:?}", pdf.err());
        let pdf = pdf.unwrap_or_default();
        prop_assert!(pdf.starts_with(b"%PDF"));
    }
}

#[test]
fn a_huge_single_word_and_many_rows_still_give_a_pdf() {
    let mut app = base();
    app.description.goals = "x".repeat(20_000);
    app.applicant.email = "å".repeat(5_000);
    app.budget.rows = (0..300i64)
        .map(|i| BudgetRow {
            category: BudgetCategory::Travel,
            description: format!(
                "rad {i} {}",
                "lång ".repeat(usize::try_from(i % 40).unwrap_or(0))
            ),
            amount: Money::from_ore(i * 100),
        })
        .collect();
    let stamp = Stamp {
        reference: Some("R".repeat(10_000)),
        created: Date::from_ymd(2026, 11, 25).expect("date"),
        created_hour: 99,
        created_minute: 99,
    };
    let pdf = application_pdf(&app, Locale::Sv, &stamp, &[]).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
}

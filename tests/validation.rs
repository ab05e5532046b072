//! Whole-application validation: the cross-field rules of the municipal form, tested
//! natively through the public API the app and a receiver use.
#![allow(clippy::inconsistent_digit_grouping)]

use skolutbyte::domain::account_string::Segment;
use skolutbyte::domain::application::{BudgetCategory, Kind, Payment, Phase, SchoolType};
use skolutbyte::domain::draft::{BudgetRowInput, DateInput, Draft, GiroMethod, OTHER_SCHOOL};
use skolutbyte::domain::field::Field;
use skolutbyte::domain::money::Money;
use skolutbyte::domain::problem::{FieldError, Problem};
use skolutbyte::domain::rules::Rules;
use skolutbyte::domain::step::Step;
use skolutbyte::domain::validate::{check_application, errors_for_step, validate};

use skolutbyte::domain::examples::date_input as date;

fn row(category: BudgetCategory, what: &str, amount: &str) -> BudgetRowInput {
    BudgetRowInput {
        category: Some(category),
        description: what.into(),
        amount: amount.into(),
    }
}

/// The shared complete example (src/domain/examples.rs).
fn internship() -> Draft {
    skolutbyte::domain::examples::internship_draft()
}

fn only(errors: &[FieldError]) -> Vec<(Field, &Problem)> {
    errors.iter().map(|e| (e.field, &e.problem)).collect()
}

#[test]
fn a_complete_internship_application_is_valid() {
    let app = validate(&internship(), &Rules::default()).expect("valid");
    assert_eq!(app.budget.total_costs, Money::from_ore(64_500_00));
    assert_eq!(app.budget.amount_applied, Money::from_ore(44_500_00));
    assert_eq!(app.school.school_type, SchoolType::Municipal);
    assert!(matches!(app.payment, Payment::AccountString { .. }));
    assert!(check_application(&app, &Rules::default()).is_empty());
}

#[test]
fn an_empty_draft_reports_required_answers_in_page_order() {
    let errors = validate(&Draft::default(), &Rules::default()).unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        &fields[..3],
        &[
            Field::ApplicantName,
            Field::ApplicantEmail,
            Field::ApplicantRole
        ]
    );
    let steps: Vec<usize> = errors
        .iter()
        .map(|e| {
            Step::ALL
                .iter()
                .position(|s| *s == e.field.step())
                .unwrap_or(99)
        })
        .collect();
    assert!(
        steps.windows(2).all(|w| w[0] <= w[1]),
        "errors out of page order: {fields:?}"
    );
    assert!(errors
        .iter()
        .any(|e| e.field == Field::Activities && e.problem == Problem::NoActivities));
    assert!(errors
        .iter()
        .any(|e| e.field == Field::Declaration && e.problem == Problem::NotConfirmed));
}

#[test]
fn step_errors_only_concern_that_step() {
    let mut d = internship();
    d.trip_end = date("2027-03-01");
    d.applicant_email = "anna".into();
    let errors = errors_for_step(&d, &Rules::default(), Step::DatesDestination);
    assert_eq!(
        only(&errors),
        vec![(
            Field::TripEnd,
            &Problem::EndBeforeStart {
                start: "2027-03-05".parse_date()
            }
        )]
    );
    assert!(errors_for_step(&d, &Rules::default(), Step::Participants).is_empty());
}

trait ParseDate {
    fn parse_date(&self) -> skolutbyte::domain::dates::Date;
}
impl ParseDate for str {
    fn parse_date(&self) -> skolutbyte::domain::dates::Date {
        skolutbyte::domain::dates::parse_date(self).expect("test date")
    }
}

#[test]
fn date_rules() {
    let rules = Rules::default();
    type Case = (fn(&mut Draft), Field, &'static str);
    let cases: Vec<Case> = vec![
        (
            |d| d.project_end = date("2027-01-09"),
            Field::ProjectEnd,
            "end_before_start",
        ),
        (
            |d| d.trip_start = date("2027-01-01"),
            Field::TripStart,
            "trip_before_project",
        ),
        (
            |d| d.trip_end = date("2027-07-01"),
            Field::TripEnd,
            "trip_after_project",
        ),
        (
            |d| d.trip_start = date("2027-02-30"),
            Field::TripStart,
            "date_impossible",
        ),
        (
            |d| {
                d.trip_start = DateInput {
                    year: "27".into(),
                    month: "3".into(),
                    day: "5".into(),
                }
            },
            Field::TripStart,
            "date_two_digit_year",
        ),
        (
            |d| d.trip_start = DateInput::default(),
            Field::TripStart,
            "required",
        ),
    ];
    for (change, field, code) in cases {
        let mut d = internship();
        change(&mut d);
        let errors = errors_for_step(&d, &rules, Step::DatesDestination);
        let found = errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.problem.code());
        assert_eq!(found, Some(code), "{field:?}: {errors:?}");
    }
}

#[test]
fn activity_rules() {
    let rules = Rules::default();
    let check = |d: &Draft| errors_for_step(d, &rules, Step::Activities);

    let mut d = internship();
    d.activities.swap(0, 1);
    let errors = check(&d);
    assert!(
        errors
            .iter()
            .any(|e| e.field == Field::ActivityDate(1)
                && e.problem.code() == "activities_out_of_order"),
        "{errors:?}"
    );

    let mut d = internship();
    d.activities[0].date = date("2027-03-10");
    d.activities[1].date = date("2027-03-10");
    let errors = check(&d);
    assert_eq!(errors[0].field, Field::ActivityDate(0));
    assert_eq!(errors[0].problem.code(), "preparation_after_trip_start");

    let mut d = internship();
    d.activities[2].date = date("2027-04-10");
    let errors = check(&d);
    assert_eq!(errors[0].field, Field::ActivityDate(2));
    assert_eq!(errors[0].problem.code(), "trip_activity_outside_trip");

    let mut d = internship();
    d.activities.remove(2);
    d.activities[2].date = date("2027-03-20");
    assert_eq!(check(&d)[0].field, Field::ActivityDate(2));
    assert_eq!(check(&d)[0].problem.code(), "follow_up_before_trip_end");

    let mut d = internship();
    d.activities.pop();
    assert_eq!(
        only(&check(&d)),
        vec![(Field::Activities, &Problem::MissingPhase(Phase::FollowUp))]
    );

    let mut d = internship();
    d.activities.clear();
    assert_eq!(
        only(&check(&d)),
        vec![(Field::Activities, &Problem::NoActivities)]
    );
}

#[test]
fn budget_rules() {
    let rules = Rules::default();
    let check = |d: &Draft| errors_for_step(d, &rules, Step::Budget);

    let mut d = internship();
    d.amount_applied = "44 500,01".into();
    assert_eq!(
        only(&check(&d)),
        vec![(
            Field::AmountApplied,
            &Problem::AppliedExceedsNeed {
                max: Money::from_ore(44_500_00)
            }
        )]
    );

    let mut d = internship();
    d.budget_rows
        .push(row(BudgetCategory::Travel, "Stor resa", "400 000"));
    d.amount_applied = "310 000".into();
    assert_eq!(
        only(&check(&d)),
        vec![(
            Field::AmountApplied,
            &Problem::AppliedExceedsFund {
                max: Money::from_ore(300_000_00)
            }
        )]
    );

    let mut d = internship();
    d.other_funding = "70 000".into();
    assert!(check(&d).iter().any(
        |e| e.field == Field::OtherFunding && e.problem.code() == "other_funding_exceeds_total"
    ));

    let mut d = internship();
    d.budget_rows[1].amount = "1.500".into();
    assert_eq!(check(&d)[0].problem.code(), "money_ambiguous_separator");

    let mut d = internship();
    d.budget_rows[1].amount = "0".into();
    assert_eq!(
        only(&check(&d))[0],
        (Field::BudgetAmount(1), &Problem::AmountNotPositive)
    );

    let mut d = internship();
    d.budget_rows[1].amount = "−100".into();
    assert_eq!(
        only(&check(&d))[0],
        (Field::BudgetAmount(1), &Problem::NegativeAmount)
    );

    let mut d = internship();
    d.budget_rows.clear();
    assert!(check(&d)
        .iter()
        .any(|e| e.field == Field::BudgetRows && e.problem == Problem::NoBudgetRows));

    let custom = Rules {
        fund_amount: Money::from_ore(10_000_00),
        ..Rules::default()
    };
    let errors = errors_for_step(&internship(), &custom, Step::Budget);
    assert_eq!(
        errors[0].problem,
        Problem::AppliedExceedsFund {
            max: Money::from_ore(10_000_00)
        }
    );
}

#[test]
fn participants_rules() {
    let rules = Rules::default();
    let mut d = internship();
    d.pupils = "0".into();
    let errors = errors_for_step(&d, &rules, Step::Participants);
    assert_eq!(
        only(&errors),
        vec![(Field::Pupils, &Problem::PupilsRequired)]
    );

    d.kind = Some(Kind::ExchangeReceiving);
    d.staff = "0".into();
    let errors = errors_for_step(&d, &rules, Step::Participants);
    assert_eq!(
        only(&errors),
        vec![(Field::Pupils, &Problem::NoParticipants)]
    );

    d.pupils = "sex".into();
    d.staff = "5000".into();
    let errors = errors_for_step(&d, &rules, Step::Participants);
    assert_eq!(errors[0].problem, Problem::InvalidCount);
    assert_eq!(
        errors[1].problem,
        Problem::CountTooLarge {
            max: rules.max_participants
        }
    );
}

/// With `data-require-pupils` every kind needs a pupil; without it only internships do.
#[test]
fn a_pupil_is_required_for_internships_and_where_the_municipality_says_so() {
    use Kind::*;
    // (kind, pupils, staff, require_pupils) -> the error on the pupils' field, if any.
    let cases: &[(Kind, &str, &str, bool, Option<&str>)] = &[
        (InternshipAbroad, "0", "2", false, Some("pupils_required")),
        (InternshipAbroad, "0", "2", true, Some("pupils_required")),
        (InternshipAbroad, "3", "0", true, None),
        (ExchangeReceiving, "0", "2", false, None),
        (ExchangeReceiving, "0", "2", true, Some("pupils_required")),
        (ExchangeSending, "0", "2", false, None),
        (ExchangeSending, "0", "2", true, Some("pupils_required")),
        (ExchangeSending, "1", "0", true, None),
        (ExchangeSending, "0", "0", false, Some("no_participants")),
        (ExchangeSending, "0", "0", true, Some("pupils_required")),
    ];
    for &(kind, pupils, staff, require_pupils, expected) in cases {
        let rules = Rules {
            require_pupils,
            ..Rules::default()
        };
        let mut d = internship();
        d.kind = Some(kind);
        d.granted_project = "Erasmus+ KA1 2026-1-SE01".into();
        d.pupils = pupils.into();
        d.staff = staff.into();
        let errors = errors_for_step(&d, &rules, Step::Participants);
        let found: Vec<(Field, &str)> =
            errors.iter().map(|e| (e.field, e.problem.code())).collect();
        let expected: Vec<(Field, &str)> = expected
            .map(|code| (Field::Pupils, code))
            .into_iter()
            .collect();
        assert_eq!(
            found, expected,
            "{kind:?} with {pupils} pupils and {staff} staff, require_pupils {require_pupils}"
        );
    }
}

#[test]
fn support_measures_are_required_only_for_internships() {
    let rules = Rules::default();
    let mut d = internship();
    d.support_measures.clear();
    assert_eq!(
        only(&errors_for_step(&d, &rules, Step::Support)),
        vec![(Field::SupportMeasures, &Problem::Required)]
    );
    d.kind = Some(Kind::ExchangeReceiving);
    d.granted_project = "Erasmus+ KA1 2026-1-SE01".into();
    let app = validate(&d, &rules).expect("exchange without support measures is valid");
    assert!(app.support_measures.is_empty());
}

#[test]
fn granted_exchange_names_its_project() {
    let mut d = internship();
    d.kind = Some(Kind::ExchangeSending);
    assert_eq!(
        only(&errors_for_step(&d, &Rules::default(), Step::Kind)),
        vec![(Field::GrantedProject, &Problem::Required)]
    );
}

#[test]
fn independent_school_pays_by_bankgiro_or_plusgiro() {
    let rules = Rules::default();
    let mut d = internship();
    d.school_id = OTHER_SCHOOL.into();
    d.other_school_name = "Fristående gymnasiet i Skellefteå".into();
    d.other_school_type = Some(SchoolType::Independent);
    assert_eq!(
        only(&errors_for_step(&d, &rules, Step::Payment)),
        vec![(Field::GiroMethod, &Problem::Required)]
    );

    d.giro_method = Some(GiroMethod::Bankgiro);
    d.giro_number = "5402-9682".into();
    assert_eq!(
        errors_for_step(&d, &rules, Step::Payment)[0].problem.code(),
        "giro_check_digit"
    );

    d.giro_number = "5402 9681".into();
    let app = validate(&d, &rules).expect("valid bankgiro");
    match &app.payment {
        Payment::Bankgiro { number } => assert_eq!(number.to_string(), "5402-9681"),
        other => panic!("expected bankgiro, got {other:?}"),
    }
    assert!(check_application(&app, &rules).is_empty());

    d.giro_method = Some(GiroMethod::Plusgiro);
    d.giro_number = "410 54 68-5".into();
    assert!(matches!(
        validate(&d, &rules).map(|a| a.payment),
        Ok(Payment::Plusgiro { .. })
    ));
}

#[test]
fn municipal_school_needs_the_required_account_segments() {
    let rules = Rules::default();
    let mut d = internship();
    d.account.verksamhet.clear();
    d.account.fri = "ÄÄ".into();
    let errors = errors_for_step(&d, &rules, Step::Payment);
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert!(
        fields.contains(&Field::AccountSegment(Segment::Verksamhet)),
        "{errors:?}"
    );
    assert!(
        fields.contains(&Field::AccountSegment(Segment::Fri)),
        "{errors:?}"
    );
}

#[test]
fn emails_and_unknown_schools_are_reported() {
    let rules = Rules::default();
    let mut d = internship();
    d.applicant_email = "anna.skelleftea.se".into();
    d.school_id = "nedlagd-skola".into();
    let errors = errors_for_step(&d, &rules, Step::Applicant);
    assert_eq!(
        only(&errors),
        vec![
            (Field::ApplicantEmail, &Problem::InvalidEmail),
            (Field::School, &Problem::UnknownSchool)
        ]
    );
}

#[test]
fn long_texts_are_limited_by_configuration() {
    let rules = Rules {
        max_long_text: 10,
        ..Rules::default()
    };
    let d = internship();
    let errors = errors_for_step(&d, &rules, Step::Description);
    assert_eq!(
        only(&errors),
        vec![(Field::Goals, &Problem::TooLong { max: 10 })]
    );
}

#[test]
fn a_receiver_detects_tampered_totals_and_payment_methods() {
    let rules = Rules::default();
    let mut app = validate(&internship(), &rules).expect("valid");
    app.budget.total_costs = Money::from_ore(1);
    assert_eq!(
        only(&check_application(&app, &rules)),
        vec![(
            Field::BudgetRows,
            &Problem::TotalMismatch {
                computed: Money::from_ore(64_500_00)
            }
        )]
    );

    let mut app = validate(&internship(), &rules).expect("valid");
    app.payment = Payment::Bankgiro {
        number: skolutbyte::domain::giro::parse_bankgiro("5402-9681").expect("valid example"),
    };
    assert_eq!(
        only(&check_application(&app, &rules)),
        vec![(Field::Account, &Problem::PaymentMethodMismatch)]
    );
}

#[test]
fn submitted_json_round_trips_and_carries_the_schema_version() {
    let app = validate(&internship(), &Rules::default()).expect("valid");
    let json = serde_json::to_string(&app).expect("serialise");
    assert!(json.contains("\"schema_version\":1"));
    assert!(json.contains("\"trip_start\":\"2027-03-05\""));
    assert!(json.contains("\"amount_applied\":4450000"));
    let back: skolutbyte::domain::application::Application =
        serde_json::from_str(&json).expect("parse");
    assert_eq!(back, app);
}

#[test]
fn field_errors_serialise_with_code_and_params() {
    let error = FieldError {
        field: Field::TripEnd,
        problem: Problem::EndBeforeStart {
            start: "2027-03-05".parse_date(),
        },
    };
    assert_eq!(
        serde_json::to_value(&error).expect("serialise"),
        serde_json::json!({"field": "trip-end", "code": "end_before_start", "params": {"start": "2027-03-05"}})
    );
}

/// The browser writes the application with its own small JSON writer; the contract is
/// serde's form of `Application`. They must agree exactly, for every shape of answer.
#[test]
fn application_json_is_exactly_the_serde_form() {
    use skolutbyte::domain::application::AttachmentInfo;
    use skolutbyte::domain::application_json::application_json;
    use skolutbyte::domain::json;

    let rules = Rules::default();
    let mut variants = Vec::new();
    let base = internship();
    variants.push(base.clone());
    let mut exchange = base.clone();
    exchange.kind = Some(Kind::ExchangeReceiving);
    exchange.granted_project = "Erasmus+ \"KA1\" 2026\nrad två".into();
    exchange.place.clear();
    exchange.school_id = OTHER_SCHOOL.into();
    exchange.other_school_name = "Fristående skolan".into();
    exchange.other_school_type = Some(SchoolType::Independent);
    exchange.giro_method = Some(GiroMethod::Bankgiro);
    exchange.giro_number = "5402-9681".into();
    exchange.applicant_phone = "070-123 45 67".into();
    exchange.group = "åk 8".into();
    exchange.summary = "Kort ✓ 😀".into();
    variants.push(exchange.clone());
    let mut plusgiro = exchange;
    plusgiro.giro_method = Some(GiroMethod::Plusgiro);
    plusgiro.giro_number = "410 54 68-5".into();
    variants.push(plusgiro);

    for draft in variants {
        let mut app = validate(&draft, &rules).expect("valid variant");
        app.attachments.push(AttachmentInfo {
            name: "inbjudan.pdf".into(),
            size_bytes: 123_456,
            media_type: "application/pdf".into(),
        });
        let ours = application_json(&app);
        let serde_form = serde_json::to_string(&app).expect("serialise");
        assert_eq!(json::parse(&ours), json::parse(&serde_form), "{ours}");
        let back: skolutbyte::domain::application::Application =
            serde_json::from_str(&ours).expect("serde reads ours");
        assert_eq!(back, app);
    }
}

//! From the answers as typed to a checked application. Every rule lives here once:
//! a step's errors are the whole application's errors filtered by [`Field::step`], and a
//! receiver checks a submitted [`Application`] by running the same rules over it.
//!
//! Errors come out in page order (the order the fields appear), at most one per field,
//! the most specific first, as the GOV.UK error summary expects.

use validator::ValidateLength;

use super::account_string::validate_account_string;
use super::application::{
    Activity, Applicant, Application, Budget, BudgetRow, Coded, Description, Destination, Kind,
    Participants, Payment, Phase, Principal, ProjectDates, School, SchoolType,
};
use super::budget::max_applicable;
use super::dates::{parse_date_parts, Date};
use super::draft::{ActivityInput, BudgetRowInput, DateInput, Draft, GiroMethod, OTHER_SCHOOL};
use super::email::looks_like_email;
use super::field::Field;
use super::giro::{parse_bankgiro, parse_plusgiro};
use super::money::{format_plain_sv, parse_money, sum, Money, MoneyError};
use super::problem::{FieldError, Problem};
use super::rules::Rules;
use super::step::Step;
use super::SCHEMA_VERSION;

/// Checks every answer; on success returns the typed application to send.
pub fn validate(draft: &Draft, rules: &Rules) -> Result<Application, Vec<FieldError>> {
    let mut checker = Checker {
        rules,
        errors: Vec::new(),
    };
    let application = checker.application(draft);
    match application {
        Some(application) if checker.errors.is_empty() => Ok(application),
        _ => Err(checker.errors),
    }
}

/// The errors shown when the applicant presses Continue on `step`.
pub fn errors_for_step(draft: &Draft, rules: &Rules, step: Step) -> Vec<FieldError> {
    match validate(draft, rules) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .filter(|error| error.field.step() == step)
            .collect(),
    }
}

/// Checks an application received from elsewhere (a receiver, an imported file) with
/// the same rules, plus the consistency a browser-made application always has: the
/// stated total equals the rows and the payment method fits the school type.
pub fn check_application(application: &Application, rules: &Rules) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let expected_method_is_account = application.school.school_type == SchoolType::Municipal;
    let has_account = matches!(application.payment, Payment::AccountString { .. });
    if expected_method_is_account != has_account {
        let field = if expected_method_is_account {
            Field::Account
        } else {
            Field::GiroMethod
        };
        errors.push(FieldError {
            field,
            problem: Problem::PaymentMethodMismatch,
        });
        return errors;
    }
    match validate(&Draft::from(application), rules) {
        Ok(rebuilt) => {
            if rebuilt.budget.total_costs != application.budget.total_costs {
                errors.push(FieldError {
                    field: Field::BudgetRows,
                    problem: Problem::TotalMismatch {
                        computed: rebuilt.budget.total_costs,
                    },
                });
            }
        }
        Err(found) => errors.extend(found),
    }
    errors
}

struct Checker<'r> {
    rules: &'r Rules,
    errors: Vec<FieldError>,
}

#[derive(Clone, Copy)]
enum Need {
    Required,
    Optional,
}

#[derive(Clone, Copy)]
enum Size {
    Short,
    Long,
}

impl Checker<'_> {
    fn push(&mut self, field: Field, problem: Problem) {
        if !self.has_error(field) {
            self.errors.push(FieldError { field, problem });
        }
    }

    fn has_error(&self, field: Field) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// A value that must be present: reports Required unless the field already has a
    /// more specific error (a parse error that also left it empty).
    fn required<T>(&mut self, field: Field, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.push(field, Problem::Required);
        }
        value
    }

    fn text(&mut self, field: Field, value: &str, need: Need, size: Size) -> String {
        let value = value.trim();
        let max = match size {
            Size::Short => self.rules.max_short_text,
            Size::Long => self.rules.max_long_text,
        };
        if value.is_empty() {
            if let Need::Required = need {
                self.push(field, Problem::Required);
            }
        } else if !value.validate_length(None, Some(max), None) {
            self.push(field, Problem::TooLong { max });
        }
        value.to_string()
    }

    fn email(&mut self, field: Field, value: &str) -> String {
        let value = self.text(field, value, Need::Required, Size::Short);
        if !value.is_empty() && !looks_like_email(&value) {
            self.push(field, Problem::InvalidEmail);
        }
        value
    }

    fn date(&mut self, field: Field, input: &DateInput) -> Option<Date> {
        if input.is_blank() {
            return self.required(field, None);
        }
        parse_date_parts(&input.day, &input.month, &input.year)
            .map_err(|error| self.push(field, Problem::Date(error)))
            .ok()
    }

    fn count(&mut self, field: Field, input: &str) -> Option<u32> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return self.required(field, None);
        }
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            self.push(field, Problem::InvalidCount);
            return None;
        }
        let max = self.rules.max_participants;
        match digits.parse::<u32>() {
            Ok(n) if n <= max => Some(n),
            _ => {
                self.push(field, Problem::CountTooLarge { max });
                None
            }
        }
    }

    /// An amount of money; blank is `blank_means` (None: required).
    fn money(&mut self, field: Field, input: &str, blank_means: Option<Money>) -> Option<Money> {
        match parse_money(input) {
            Err(MoneyError::Empty) => match blank_means {
                Some(value) => Some(value),
                None => self.required(field, None),
            },
            Err(error) => {
                self.push(field, Problem::Money(error));
                None
            }
            Ok(amount) if amount.is_negative() => {
                self.push(field, Problem::NegativeAmount);
                None
            }
            Ok(amount) => Some(amount),
        }
    }

    fn application(&mut self, d: &Draft) -> Option<Application> {
        // Step: applicant and school.
        let name = self.text(
            Field::ApplicantName,
            &d.applicant_name,
            Need::Required,
            Size::Short,
        );
        let email = self.email(Field::ApplicantEmail, &d.applicant_email);
        let phone = self.text(
            Field::ApplicantPhone,
            &d.applicant_phone,
            Need::Optional,
            Size::Short,
        );
        let role = self.required(Field::ApplicantRole, d.applicant_role);
        let school = self.school(d);

        // Step: kind of application.
        let kind = self.required(Field::Kind, d.kind);
        let granted_project = if kind.is_some_and(Kind::is_granted_exchange) {
            self.text(
                Field::GrantedProject,
                &d.granted_project,
                Need::Required,
                Size::Short,
            )
        } else {
            String::new()
        };

        // Step: dates and destination.
        let project_start = self.date(Field::ProjectStart, &d.project_start);
        let project_end = self.date(Field::ProjectEnd, &d.project_end);
        let trip_start = self.date(Field::TripStart, &d.trip_start);
        let trip_end = self.date(Field::TripEnd, &d.trip_end);
        self.date_order(project_start, project_end, trip_start, trip_end);
        let country = self.text(Field::Country, &d.country, Need::Required, Size::Short);
        let place = self.text(Field::Place, &d.place, Need::Optional, Size::Short);
        let partner = self.text(Field::Partner, &d.partner, Need::Required, Size::Short);

        // Step: participants.
        let pupils = self.count(Field::Pupils, &d.pupils);
        let staff = self.count(Field::Staff, &d.staff);
        self.participants(pupils, staff, kind);
        let group = self.text(Field::Group, &d.group, Need::Optional, Size::Short);

        // Step: goals, theme and description.
        let goals = self.text(Field::Goals, &d.goals, Need::Required, Size::Long);
        let theme = self.text(Field::Theme, &d.theme, Need::Required, Size::Short);
        let summary = self.text(Field::Summary, &d.summary, Need::Optional, Size::Long);

        // Step: activities.
        let activities = self.activities(&d.activities, trip_start, trip_end);

        // Step: support measures (internship/gymnasiearbete only).
        let support_measures = if kind.is_some_and(Kind::needs_support_measures) {
            self.text(
                Field::SupportMeasures,
                &d.support_measures,
                Need::Required,
                Size::Long,
            )
        } else {
            String::new()
        };

        // Step: budget.
        let budget = self.budget(&d.budget_rows, &d.other_funding, &d.amount_applied);

        // Step: payment.
        let principal_name = self.text(
            Field::PrincipalName,
            &d.principal_name,
            Need::Required,
            Size::Short,
        );
        let principal_email = self.email(Field::PrincipalEmail, &d.principal_email);
        let payment = school
            .as_ref()
            .and_then(|school| self.payment(d, school.school_type));

        // Step: declaration.
        if !d.declaration_confirmed {
            self.push(Field::Declaration, Problem::NotConfirmed);
        }

        Some(Application {
            schema_version: SCHEMA_VERSION,
            applicant: Applicant {
                name,
                email,
                phone,
                role: role?,
            },
            school: school?,
            kind: kind?,
            granted_project,
            dates: ProjectDates {
                project_start: project_start?,
                project_end: project_end?,
                trip_start: trip_start?,
                trip_end: trip_end?,
            },
            destination: Destination {
                country,
                place,
                partner,
            },
            participants: Participants {
                pupils: pupils?,
                staff: staff?,
                group,
            },
            description: Description {
                goals,
                theme,
                summary,
            },
            activities: activities?,
            support_measures,
            budget: budget?,
            principal: Principal {
                name: principal_name,
                email: principal_email,
            },
            payment: payment?,
            attachments: Vec::new(),
            declaration_confirmed: d.declaration_confirmed,
        })
    }

    fn school(&mut self, d: &Draft) -> Option<School> {
        let id = d.school_id.trim();
        if id.is_empty() {
            return self.required(Field::School, None);
        }
        if id == OTHER_SCHOOL {
            let name = self.text(
                Field::OtherSchoolName,
                &d.other_school_name,
                Need::Required,
                Size::Short,
            );
            let school_type = self.required(Field::OtherSchoolType, d.other_school_type)?;
            return (!name.is_empty()).then_some(School {
                id: String::new(),
                name,
                school_type,
            });
        }
        match self.rules.school(id) {
            Some(entry) => Some(School {
                id: entry.id.clone(),
                name: entry.name.clone(),
                school_type: entry.school_type,
            }),
            None => {
                self.push(Field::School, Problem::UnknownSchool);
                None
            }
        }
    }

    fn date_order(
        &mut self,
        project_start: Option<Date>,
        project_end: Option<Date>,
        trip_start: Option<Date>,
        trip_end: Option<Date>,
    ) {
        if let (Some(start), Some(end)) = (project_start, project_end) {
            if end < start {
                self.push(Field::ProjectEnd, Problem::EndBeforeStart { start });
            }
        }
        if let (Some(trip), Some(project_start)) = (trip_start, project_start) {
            if trip < project_start {
                self.push(
                    Field::TripStart,
                    Problem::TripBeforeProject { project_start },
                );
            }
        }
        if let (Some(start), Some(end)) = (trip_start, trip_end) {
            if end < start {
                self.push(Field::TripEnd, Problem::EndBeforeStart { start });
            }
        }
        if let (Some(trip), Some(project_end)) = (trip_end, project_end) {
            if trip > project_end {
                self.push(Field::TripEnd, Problem::TripAfterProject { project_end });
            }
        }
    }

    /// Internships always need a pupil; other kinds only when the municipality requires it
    /// (`Rules::require_pupils`). Nobody at all is never an application.
    fn participants(&mut self, pupils: Option<u32>, staff: Option<u32>, kind: Option<Kind>) {
        let pupil_needed = kind == Some(Kind::InternshipAbroad) || self.rules.require_pupils;
        if pupil_needed && pupils == Some(0) {
            self.push(Field::Pupils, Problem::PupilsRequired);
        }
        if pupils == Some(0) && staff == Some(0) {
            self.push(Field::Pupils, Problem::NoParticipants);
        }
    }

    fn activities(
        &mut self,
        rows: &[ActivityInput],
        trip_start: Option<Date>,
        trip_end: Option<Date>,
    ) -> Option<Vec<Activity>> {
        if rows.is_empty() {
            self.push(Field::Activities, Problem::NoActivities);
            return None;
        }
        let mut phases_given = Vec::new();
        let mut parsed = Vec::with_capacity(rows.len());
        let mut previous_date: Option<Date> = None;
        for (i, row) in rows.iter().enumerate() {
            let date = self.date(Field::ActivityDate(i), &row.date);
            let phase = self.required(Field::ActivityPhase(i), row.phase);
            let description = self.text(
                Field::ActivityDescription(i),
                &row.description,
                Need::Required,
                Size::Long,
            );
            if let Some(phase) = phase {
                phases_given.push(phase);
            }
            if let (Some(date), Some(previous)) = (date, previous_date) {
                if date < previous {
                    self.push(
                        Field::ActivityDate(i),
                        Problem::ActivitiesOutOfOrder { previous },
                    );
                }
            }
            if let (Some(date), Some(phase)) = (date, phase) {
                self.activity_fits_trip(i, date, phase, trip_start, trip_end);
            }
            previous_date = date.or(previous_date);
            parsed.push(match (date, phase) {
                (Some(date), Some(phase)) => Some(Activity {
                    date,
                    phase,
                    description,
                }),
                _ => None,
            });
        }
        if let Some(missing) = <Phase as Coded>::ALL
            .iter()
            .copied()
            .find(|p| !phases_given.contains(p))
        {
            if phases_given.len() == rows.len() {
                self.push(Field::Activities, Problem::MissingPhase(missing));
            }
        }
        parsed.into_iter().collect()
    }

    /// Preparation happens before the trip, the trip's activities within it, follow-up after.
    fn activity_fits_trip(
        &mut self,
        i: usize,
        date: Date,
        phase: Phase,
        trip_start: Option<Date>,
        trip_end: Option<Date>,
    ) {
        let field = Field::ActivityDate(i);
        match phase {
            Phase::Preparation => {
                if let Some(trip_start) = trip_start.filter(|start| date > *start) {
                    self.push(field, Problem::PreparationAfterTripStart { trip_start });
                }
            }
            Phase::Trip => {
                if let (Some(trip_start), Some(trip_end)) = (trip_start, trip_end) {
                    if date < trip_start || date > trip_end {
                        self.push(
                            field,
                            Problem::TripActivityOutsideTrip {
                                trip_start,
                                trip_end,
                            },
                        );
                    }
                }
            }
            Phase::FollowUp => {
                if let Some(trip_end) = trip_end.filter(|end| date < *end) {
                    self.push(field, Problem::FollowUpBeforeTripEnd { trip_end });
                }
            }
        }
    }

    fn budget(
        &mut self,
        rows: &[BudgetRowInput],
        other_funding: &str,
        amount_applied: &str,
    ) -> Option<Budget> {
        if rows.is_empty() {
            self.push(Field::BudgetRows, Problem::NoBudgetRows);
        }
        let mut parsed = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let category = self.required(Field::BudgetCategory(i), row.category);
            let description = self.text(
                Field::BudgetDescription(i),
                &row.description,
                Need::Required,
                Size::Short,
            );
            let amount = self.money(Field::BudgetAmount(i), &row.amount, None);
            if amount == Some(Money::ZERO) {
                self.push(Field::BudgetAmount(i), Problem::AmountNotPositive);
            }
            parsed.push(match (category, amount) {
                (Some(category), Some(amount)) => Some(BudgetRow {
                    category,
                    description,
                    amount,
                }),
                _ => None,
            });
        }
        let rows: Option<Vec<BudgetRow>> = parsed.into_iter().collect();
        let total = match rows.as_ref().map(|rows| sum(rows.iter().map(|r| r.amount))) {
            Some(None) => {
                self.push(Field::BudgetRows, Problem::Money(MoneyError::TooLarge));
                None
            }
            Some(Some(total)) => Some(total),
            None => None,
        };
        let other_funding = self.money(Field::OtherFunding, other_funding, Some(Money::ZERO));
        if let (Some(other), Some(total)) = (other_funding, total) {
            if other > total {
                self.push(
                    Field::OtherFunding,
                    Problem::OtherFundingExceedsTotal { total },
                );
            }
        }
        let amount_applied = self.money(Field::AmountApplied, amount_applied, None);
        if amount_applied == Some(Money::ZERO) {
            self.push(Field::AmountApplied, Problem::AmountNotPositive);
        }
        if let (Some(applied), Some(total), Some(other)) = (amount_applied, total, other_funding) {
            let fund = self.rules.fund_amount;
            let max = max_applicable(total, other, fund);
            if applied > max {
                let fund_is_the_limit =
                    max == fund && total.checked_sub(other).is_some_and(|need| need > fund);
                let problem = if fund_is_the_limit {
                    Problem::AppliedExceedsFund { max }
                } else {
                    Problem::AppliedExceedsNeed { max }
                };
                self.push(Field::AmountApplied, problem);
            }
        }
        Some(Budget {
            rows: rows?,
            total_costs: total?,
            other_funding: other_funding?,
            amount_applied: amount_applied?,
        })
    }

    fn payment(&mut self, d: &Draft, school_type: SchoolType) -> Option<Payment> {
        match school_type {
            SchoolType::Municipal => {
                let problems = validate_account_string(&d.account, &self.rules.account_rules);
                let valid = problems.is_empty();
                for (segment, problem) in problems {
                    self.push(Field::AccountSegment(segment), Problem::Segment(problem));
                }
                valid.then(|| Payment::AccountString {
                    account: d.account.clone(),
                })
            }
            SchoolType::Independent => {
                let method = self.required(Field::GiroMethod, d.giro_method)?;
                if d.giro_number.trim().is_empty() {
                    return self.required(Field::GiroNumber, None);
                }
                let payment = match method {
                    GiroMethod::Bankgiro => parse_bankgiro(&d.giro_number)
                        .map(|number| Payment::Bankgiro { number })
                        .map_err(Problem::Bankgiro),
                    GiroMethod::Plusgiro => parse_plusgiro(&d.giro_number)
                        .map(|number| Payment::Plusgiro { number })
                        .map_err(Problem::Plusgiro),
                };
                payment
                    .map_err(|problem| self.push(Field::GiroNumber, problem))
                    .ok()
            }
        }
    }
}

/// The answers that would produce this application: used to re-check a received
/// application with the same rules, and to reopen a sent application for editing.
impl From<&Application> for Draft {
    fn from(app: &Application) -> Draft {
        let date = |d: Date| DateInput::from_date(d);
        let (school_id, other_school_name, other_school_type) = if app.school.id.is_empty() {
            (
                OTHER_SCHOOL.to_string(),
                app.school.name.clone(),
                Some(app.school.school_type),
            )
        } else {
            (app.school.id.clone(), String::new(), None)
        };
        let (giro_method, giro_number, account) = match &app.payment {
            Payment::AccountString { account } => (None, String::new(), account.clone()),
            Payment::Bankgiro { number } => (
                Some(GiroMethod::Bankgiro),
                number.to_string(),
                Default::default(),
            ),
            Payment::Plusgiro { number } => (
                Some(GiroMethod::Plusgiro),
                number.to_string(),
                Default::default(),
            ),
        };
        Draft {
            schema_version: SCHEMA_VERSION,
            applicant_name: app.applicant.name.clone(),
            applicant_email: app.applicant.email.clone(),
            applicant_phone: app.applicant.phone.clone(),
            applicant_role: Some(app.applicant.role),
            school_id,
            other_school_name,
            other_school_type,
            kind: Some(app.kind),
            granted_project: app.granted_project.clone(),
            project_start: date(app.dates.project_start),
            project_end: date(app.dates.project_end),
            trip_start: date(app.dates.trip_start),
            trip_end: date(app.dates.trip_end),
            country: app.destination.country.clone(),
            place: app.destination.place.clone(),
            partner: app.destination.partner.clone(),
            pupils: app.participants.pupils.to_string(),
            staff: app.participants.staff.to_string(),
            group: app.participants.group.clone(),
            goals: app.description.goals.clone(),
            theme: app.description.theme.clone(),
            summary: app.description.summary.clone(),
            activities: app
                .activities
                .iter()
                .map(|a| ActivityInput {
                    date: date(a.date),
                    phase: Some(a.phase),
                    description: a.description.clone(),
                })
                .collect(),
            support_measures: app.support_measures.clone(),
            budget_rows: app
                .budget
                .rows
                .iter()
                .map(|r| BudgetRowInput {
                    category: Some(r.category),
                    description: r.description.clone(),
                    amount: format_plain_sv(r.amount),
                })
                .collect(),
            other_funding: format_plain_sv(app.budget.other_funding),
            amount_applied: format_plain_sv(app.budget.amount_applied),
            principal_name: app.principal.name.clone(),
            principal_email: app.principal.email.clone(),
            giro_method,
            giro_number,
            account,
            declaration_confirmed: app.declaration_confirmed,
        }
    }
}

//! Check your answers: every answer grouped by step, each with a "Change" link that
//! returns here afterwards; skipped optional answers read "Inte angivet". Once the
//! application is sent: the answers as sent, read-only, without Change links.

use leptos::prelude::*;

use super::payment::school_type;
use crate::domain::account_string::Segment;
use crate::domain::application::{Kind, SchoolType};
use crate::domain::dates::parse_date_parts;
use crate::domain::draft::{DateInput, Draft, OTHER_SCHOOL};
use crate::domain::field::Field;
use crate::domain::money::parse_money;
use crate::domain::rules::Rules;
use crate::domain::step::Step;
use crate::ui::flow::change_answer;
use crate::ui::form::use_form;
use crate::ui::i18n::{texts_now, Texts};
use crate::ui::widgets::step_page::StepPage;

struct Answer {
    label: String,
    value: String,
    field: Field,
}

struct Section {
    step: Step,
    answers: Vec<Answer>,
}

/// Formats the answers for reading; what does not parse is shown as typed.
struct Formatter<'a> {
    t: &'static Texts,
    draft: &'a Draft,
}

impl Formatter<'_> {
    fn text(&self, value: &str) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.t.not_provided.to_string()
        } else {
            value.to_string()
        }
    }

    fn date(&self, value: &DateInput) -> String {
        if value.is_blank() {
            return self.t.not_provided.to_string();
        }
        parse_date_parts(&value.day, &value.month, &value.year)
            .map(self.t.date)
            .unwrap_or_else(|_| format!("{}-{}-{}", value.year, value.month, value.day))
    }

    fn money(&self, value: &str) -> String {
        match parse_money(value) {
            Ok(amount) => (self.t.money)(amount),
            Err(_) => self.text(value),
        }
    }

    fn answer(&self, label: &str, value: String, field: Field) -> Answer {
        Answer {
            label: label.to_string(),
            value,
            field,
        }
    }

    fn sections(&self, rules: &Rules, attachments: &[String]) -> Vec<Section> {
        let (t, d) = (self.t, self.draft);
        let school = if d.school_id == OTHER_SCHOOL {
            format!(
                "{} ({})",
                self.text(&d.other_school_name),
                d.other_school_type.map_or(t.not_provided, t.school_type)
            )
        } else {
            rules
                .school(&d.school_id)
                .map_or_else(|| t.not_provided.to_string(), |s| s.name.clone())
        };
        let mut kind = vec![self.answer(
            t.kind_legend,
            d.kind.map_or(t.not_provided, t.kind).to_string(),
            Field::Kind,
        )];
        if d.kind.is_some_and(Kind::is_granted_exchange) {
            kind.push(self.answer(
                t.granted_project,
                self.text(&d.granted_project),
                Field::GrantedProject,
            ));
        }
        let mut sections = vec![
            Section {
                step: Step::Applicant,
                answers: vec![
                    self.answer(
                        t.applicant_name,
                        self.text(&d.applicant_name),
                        Field::ApplicantName,
                    ),
                    self.answer(
                        t.applicant_email,
                        self.text(&d.applicant_email),
                        Field::ApplicantEmail,
                    ),
                    self.answer(
                        t.applicant_phone,
                        self.text(&d.applicant_phone),
                        Field::ApplicantPhone,
                    ),
                    self.answer(
                        t.role_legend,
                        d.applicant_role.map_or(t.not_provided, t.role).to_string(),
                        Field::ApplicantRole,
                    ),
                    self.answer(t.school, school, Field::School),
                ],
            },
            Section {
                step: Step::Kind,
                answers: kind,
            },
            Section {
                step: Step::DatesDestination,
                answers: vec![
                    self.answer(
                        t.project_start,
                        self.date(&d.project_start),
                        Field::ProjectStart,
                    ),
                    self.answer(t.project_end, self.date(&d.project_end), Field::ProjectEnd),
                    self.answer(
                        (t.trip_start)(d.kind),
                        self.date(&d.trip_start),
                        Field::TripStart,
                    ),
                    self.answer((t.trip_end)(d.kind), self.date(&d.trip_end), Field::TripEnd),
                    self.answer(t.country, self.text(&d.country), Field::Country),
                    self.answer(t.place, self.text(&d.place), Field::Place),
                    self.answer(t.partner, self.text(&d.partner), Field::Partner),
                ],
            },
            Section {
                step: Step::Participants,
                answers: vec![
                    self.answer(t.pupils, self.text(&d.pupils), Field::Pupils),
                    self.answer(t.staff, self.text(&d.staff), Field::Staff),
                    self.answer(t.group, self.text(&d.group), Field::Group),
                ],
            },
            Section {
                step: Step::Description,
                answers: vec![
                    self.answer(t.goals, self.text(&d.goals), Field::Goals),
                    self.answer(t.theme, self.text(&d.theme), Field::Theme),
                    self.answer(t.summary, self.text(&d.summary), Field::Summary),
                ],
            },
            Section {
                step: Step::Activities,
                answers: d
                    .activities
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let phase = a.phase.map_or(t.not_provided, t.phase);
                        let value = format!(
                            "{} – {phase}: {}",
                            self.date(&a.date),
                            self.text(&a.description)
                        );
                        self.answer(&(t.activity_legend)(i + 1), value, Field::ActivityDate(i))
                    })
                    .collect(),
            },
        ];
        if Step::Support.applies_to(d.kind) {
            sections.push(Section {
                step: Step::Support,
                answers: vec![self.answer(
                    (t.step_title)(Step::Support),
                    self.text(&d.support_measures),
                    Field::SupportMeasures,
                )],
            });
        }
        let mut budget: Vec<Answer> = d
            .budget_rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let category = r.category.map_or(t.not_provided, t.category);
                let value = format!(
                    "{category}: {} – {}",
                    self.text(&r.description),
                    self.money(&r.amount)
                );
                self.answer(&(t.budget_row_legend)(i + 1), value, Field::BudgetAmount(i))
            })
            .collect();
        let total = crate::domain::budget::totals(&d.budget_rows).total;
        budget.push(self.answer(t.totals_total, (t.money)(total), Field::BudgetRows));
        budget.push(self.answer(
            t.other_funding,
            self.money(&d.other_funding),
            Field::OtherFunding,
        ));
        budget.push(self.answer(
            t.amount_applied,
            self.money(&d.amount_applied),
            Field::AmountApplied,
        ));
        sections.push(Section {
            step: Step::Budget,
            answers: budget,
        });

        let mut payment = vec![
            self.answer(
                t.principal_name,
                self.text(&d.principal_name),
                Field::PrincipalName,
            ),
            self.answer(
                t.principal_email,
                self.text(&d.principal_email),
                Field::PrincipalEmail,
            ),
        ];
        match school_type(d, rules) {
            Some(SchoolType::Municipal) => payment.push(self.answer(
                t.account_legend,
                self.text(&d.account.to_string()),
                Field::AccountSegment(Segment::Ansvar),
            )),
            Some(SchoolType::Independent) => payment.push(self.answer(
                d.giro_method.map_or(t.giro_method, |m| (t.giro)(m)),
                self.text(&d.giro_number),
                if d.giro_method.is_some() {
                    Field::GiroNumber
                } else {
                    Field::GiroMethod
                },
            )),
            None => {}
        }
        sections.push(Section {
            step: Step::Payment,
            answers: payment,
        });
        let files = if attachments.is_empty() {
            t.attachments_none.to_string()
        } else {
            attachments.join(", ")
        };
        sections.push(Section {
            step: Step::Attachments,
            answers: vec![self.answer(t.attachments_list_title, files, Field::Attachments)],
        });
        sections
    }
}

#[component]
pub fn CheckAnswersStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    // Sending or downloading is near: load the worker while the applicant reads.
    if let Some(outbox) = crate::ui::delivery::use_outbox() {
        crate::ui::delivery::prefetch(outbox);
    }
    // Read once: the receiver's confirmation also moves to the confirmation page, so the
    // answers never become read-only while this page is shown.
    let sent = crate::ui::delivery::sent_answers();
    let read_only = sent.is_some();
    let sections = move || {
        let (draft, attachments) = match &sent {
            Some(sent) => (sent.draft.clone(), sent.attachment_names.clone()),
            None => (
                form.draft.get(),
                form.files
                    .with(|f| f.iter().map(|f| f.name.clone()).collect()),
            ),
        };
        let sections = form
            .rules
            .with_value(|rules| Formatter { t, draft: &draft }.sections(rules, &attachments));
        sections
            .into_iter()
            .map(|section| {
                view! {
                    <h2 class="sku-heading-m">{(t.step_title)(section.step)}</h2>
                    <dl class=if read_only { "sku-summary-list sku-summary-list--sent" } else { "sku-summary-list" }>
                        {section.answers.into_iter().map(|answer| {
                            let field = answer.field;
                            view! {
                                <div class="sku-summary-list__row">
                                    <dt class="sku-summary-list__key">{answer.label.clone()}</dt>
                                    <dd class="sku-summary-list__value">{answer.value}</dd>
                                    <dd class="sku-summary-list__actions">
                                        <a href=format!("#{}", field.id()) class="sku-link"
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                change_answer(form, field);
                                            }>
                                            {t.change}
                                            <span class="sku-visually-hidden">" "{answer.label}</span>
                                        </a>
                                    </dd>
                                </div>
                            }
                        }).collect_view()}
                    </dl>
                }
            })
            .collect_view()
    };
    view! {
        <StepPage step=Step::CheckAnswers>
            <p class=if read_only { "sku-inset-text" } else { "sku-body" }
                data-role="check-intro">
                {if read_only { t.check_sent_text } else { t.check_intro }}
            </p>
            {sections}
            <button type="button" class="sku-button sku-button--secondary" data-role="print"
                on:click=|_| {
                    if let Some(window) = web_sys::window() {
                        // Nothing to do if printing is blocked; the answers stay on screen.
                        let _ = window.print();
                    }
                }>{t.print_answers}</button>
        </StepPage>
    }
}

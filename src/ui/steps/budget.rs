//! Step: the budget as a table of costs, with live totals per category and overall,
//! other funding and the amount applied for, all formatted the applicant's way.

use leptos::prelude::*;

use super::questions::row_question_view;
use crate::domain::application::Kind;
use crate::domain::budget::{max_to_show, totals};
use crate::domain::draft::BudgetRowInput;
use crate::domain::field::Field;
use crate::domain::money::{parse_money, Money};
use crate::domain::step::Step;
use crate::questions::{BUDGET_ROW, W10};
use crate::ui::flow::{after_render, focus_field};
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::described_by_error;
use crate::ui::widgets::error_message::ErrorMessage;
use crate::ui::widgets::row_actions::RowActions;
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::{text_input, InputKind};

#[component]
fn BudgetRowFields(index: usize, #[prop(into)] count: Signal<usize>) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let on_remove = Callback::new(move |at: usize| {
        form.errors.set(Vec::new());
        form.draft.update(|d| {
            if at < d.budget_rows.len() {
                d.budget_rows.remove(at);
            }
        });
    });
    view! {
        <fieldset class="sku-fieldset sku-row sku-budget-row">
            <legend class="sku-fieldset__legend sku-fieldset__legend--m">
                {(t.budget_row_legend)(index + 1)}
            </legend>
            {BUDGET_ROW.iter().map(|q| row_question_view(form, t, index, q)).collect_view()}
            <RowActions index count row_name=|t, i| (t.budget_row_legend)(i + 1) id_prefix="budget"
                on_move=Callback::new(|_| ()) on_remove fallback_focus="budget-rows" />
        </fieldset>
    }
}

#[component]
pub fn BudgetStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let count = Memo::new(move |_| form.draft.with(|d| d.budget_rows.len()));
    let totals = Memo::new(move |_| form.draft.with(|d| totals(&d.budget_rows)));
    let (other, set_other) = form.text(|d| &d.other_funding, |d| &mut d.other_funding);
    let (applied, set_applied) = form.text(|d| &d.amount_applied, |d| &mut d.amount_applied);
    let max_hint = Signal::derive(move || {
        let other = parse_money(&other.get()).unwrap_or(Money::ZERO);
        let fund = form.rules.with_value(|r| r.fund_amount);
        let max = max_to_show(&totals.get(), other, fund);
        (t.amount_applied_max)(max.map(t.money).as_deref())
    });
    // The fund's rule for an already granted project, where the applicant decides what to list.
    let granted = form
        .draft
        .with_untracked(|d| d.kind.is_some_and(Kind::is_granted_exchange));
    let add = move |_| {
        let next = count.get_untracked();
        form.draft
            .update(|d| d.budget_rows.push(BudgetRowInput::default()));
        after_render(move || {
            focus_field(&Field::BudgetCategory(next).id());
        });
    };
    let totals_view = move || {
        let totals = totals.get();
        view! {
            <table class="sku-table sku-totals">
                <caption class="sku-table__caption">{t.totals_title}</caption>
                <tbody>
                    {totals.per_category.iter().map(|(category, amount)| view! {
                        <tr>
                            <th scope="row">{(t.category)(*category)}</th>
                            <td class="sku-table__numeric">{(t.money)(*amount)}</td>
                        </tr>
                    }).collect_view()}
                    <tr class="sku-totals__total">
                        <th scope="row">{t.totals_total}</th>
                        <td class="sku-table__numeric" id="budget-total">{(t.money)(totals.total)}</td>
                    </tr>
                </tbody>
            </table>
            {(totals.rows_not_counted > 0).then(|| view! {
                <p class="sku-hint">{(t.totals_not_counted)(totals.rows_not_counted)}</p>
            })}
        }
    };
    view! {
        <StepPage step=Step::Budget>
            {granted.then(|| view! { <div class="sku-inset-text" data-role="granted-note">{t.budget_granted_note}</div> })}
            <p class="sku-hint" id="budget-rows-hint">{t.budget_hint}</p>
            {move || (0..count.get()).map(|index| view! { <BudgetRowFields index count /> }).collect_view()}
            <div class="sku-form-group">
                <ErrorMessage field=Field::BudgetRows />
                <button type="button" id=Field::BudgetRows.id() class="sku-button sku-button--secondary"
                    aria-describedby=move || described_by_error("budget-rows-hint", Field::BudgetRows, form) on:click=add>
                    {t.add_budget_row}
                </button>
            </div>
            <div aria-live="polite">{totals_view}</div>
            {text_input(Field::OtherFunding, t.other_funding, Some(|t| t.other_funding_hint), None,
                true, InputKind::Money, None, Some(W10), other, set_other)}
            {text_input(Field::AmountApplied, t.amount_applied, None, Some(max_hint), false,
                InputKind::Money, None, Some(W10), applied, set_applied)}
        </StepPage>
    }
}

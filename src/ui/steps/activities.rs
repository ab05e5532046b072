//! Step: the main activities in chronological order, each with a date and a phase
//! (preparation, the trip, follow-up). Rows can be added, edited, reordered and removed.

use leptos::prelude::*;

use super::names_warning;
use super::questions::row_question_view;

use crate::domain::draft::ActivityInput;
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::questions::ACTIVITY_ROW;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::described_by_error;
use crate::ui::widgets::error_message::ErrorMessage;
use crate::ui::widgets::row_actions::RowActions;
use crate::ui::widgets::step_page::StepPage;

#[component]
fn ActivityRow(index: usize, #[prop(into)] count: Signal<usize>) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let on_move = Callback::new(move |(from, to): (usize, usize)| {
        form.errors.set(Vec::new());
        form.draft.update(|d| {
            if from < d.activities.len() && to < d.activities.len() {
                d.activities.swap(from, to);
            }
        });
    });
    let on_remove = Callback::new(move |at: usize| {
        form.errors.set(Vec::new());
        form.draft.update(|d| {
            if at < d.activities.len() {
                d.activities.remove(at);
            }
        });
    });
    view! {
        <fieldset class="sku-fieldset sku-row">
            <legend class="sku-fieldset__legend sku-fieldset__legend--m">
                {(t.activity_legend)(index + 1)}
            </legend>
            {ACTIVITY_ROW.iter().map(|q| row_question_view(form, t, index, q)).collect_view()}
            <RowActions index count row_name=|t, i| (t.activity_legend)(i + 1) id_prefix="activity"
                reorderable=true on_move on_remove fallback_focus="activities" />
        </fieldset>
    }
}

#[component]
pub fn ActivitiesStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let count = Memo::new(move |_| form.draft.with(|d| d.activities.len()));
    let add = move |_| {
        let next = count.get_untracked();
        form.draft
            .update(|d| d.activities.push(ActivityInput::default()));
        crate::ui::flow::after_render(move || {
            crate::ui::flow::focus_field(&Field::ActivityDate(next).id());
        });
    };
    view! {
        <StepPage step=Step::Activities>
            {names_warning(t.names_warning)}
            <p class="sku-hint" id="activities-hint">{(t.activities_hint)(form.draft.with_untracked(|d| d.kind))}</p>
            {move || (count.get() == 0).then(|| view! { <p class="sku-body">{t.no_activities}</p> })}
            {move || (0..count.get()).map(|index| view! { <ActivityRow index count /> }).collect_view()}
            <div class="sku-form-group">
                <ErrorMessage field=Field::Activities />
                <button type="button" id=Field::Activities.id() class="sku-button sku-button--secondary"
                    aria-describedby=move || described_by_error("activities-hint", Field::Activities, form) on:click=add>
                    {t.add_activity}
                </button>
            </div>
        </StepPage>
    }
}

//! Step: goals, theme and a short description.

use leptos::prelude::*;

use super::names_warning;
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::{TextArea, TextInput};

#[component]
pub fn DescriptionStep() -> impl IntoView {
    let form = use_form();
    let (goals, set_goals) = form.text(|d| &d.goals, |d| &mut d.goals);
    let (theme, set_theme) = form.text(|d| &d.theme, |d| &mut d.theme);
    let (summary, set_summary) = form.text(|d| &d.summary, |d| &mut d.summary);
    view! {
        <StepPage step=Step::Description>
            {names_warning(texts_now().names_warning)}
            <TextArea field=Field::Goals label=|t| t.goals hint=|t| t.goals_hint value=goals on_input=set_goals />
            <TextInput field=Field::Theme label=|t| t.theme hint=|t| t.theme_hint value=theme on_input=set_theme />
            <TextArea field=Field::Summary label=|t| t.summary hint=|t| t.summary_hint optional=true
                value=summary on_input=set_summary />
        </StepPage>
    }
}

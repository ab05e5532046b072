//! Step (internship/gymnasiearbete only): support for the pupils while abroad.

use leptos::prelude::*;

use super::names_warning;
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::TextArea;

#[component]
pub fn SupportStep() -> impl IntoView {
    let form = use_form();
    let (support, set_support) = form.text(|d| &d.support_measures, |d| &mut d.support_measures);
    view! {
        <StepPage step=Step::Support question_is_heading=true>
            <TextArea field=Field::SupportMeasures label=|t| (t.step_title)(Step::Support) is_page_heading=true
                hint=|t| t.support_hint rows=8 value=support on_input=set_support />
            {names_warning(texts_now().names_warning)}
        </StepPage>
    }
}

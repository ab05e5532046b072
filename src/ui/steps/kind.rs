//! Step: the kind of application. Exchanges name their already granted project.

use leptos::prelude::*;

use crate::domain::application::Coded;

use crate::domain::application::Kind;
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::form::use_form;
use crate::ui::widgets::choice::{Conditional, Radios};
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::TextInput;

#[component]
pub fn KindStep() -> impl IntoView {
    let form = use_form();
    let kind = Signal::derive(move || form.draft.with(|d| d.kind));
    let set_kind = Callback::new(move |k| form.draft.update(|d| d.kind = Some(k)));
    let (granted, set_granted) = form.text(|d| &d.granted_project, |d| &mut d.granted_project);
    let is_exchange = Signal::derive(move || kind.get().is_some_and(Kind::is_granted_exchange));
    view! {
        <StepPage step=Step::Kind question_is_heading=true>
            <Radios field=Field::Kind legend=|t| t.kind_legend is_page_heading=true options=Kind::ALL
                option_label=|t, k| (t.kind)(k) option_hint=|t, k| (t.kind_hint)(k)
                value=kind on_change=set_kind />
            <Conditional show=is_exchange>
                <TextInput field=Field::GrantedProject label=|t| t.granted_project
                    hint=|t| t.granted_project_hint value=granted on_input=set_granted />
            </Conditional>
        </StepPage>
    }
}

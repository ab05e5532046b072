//! Step: how many take part. Counts only: no pupil names (public documents).

use leptos::prelude::*;

use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::{InputKind, TextInput};

#[component]
pub fn ParticipantsStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let (pupils, set_pupils) = form.text(|d| &d.pupils, |d| &mut d.pupils);
    let (staff, set_staff) = form.text(|d| &d.staff, |d| &mut d.staff);
    let (group, set_group) = form.text(|d| &d.group, |d| &mut d.group);
    view! {
        <StepPage step=Step::Participants>
            <div class="sku-inset-text">{t.names_warning}</div>
            <TextInput field=Field::Pupils label=|t| t.pupils hint=|t| t.pupils_hint kind=InputKind::Count
                width="sku-input--w4" value=pupils on_input=set_pupils />
            <TextInput field=Field::Staff label=|t| t.staff hint=|t| t.staff_hint kind=InputKind::Count
                width="sku-input--w4" value=staff on_input=set_staff />
            <TextInput field=Field::Group label=|t| t.group hint=|t| t.group_hint optional=true
                value=group on_input=set_group />
        </StepPage>
    }
}

//! Step: who applies, and for which school.

use leptos::prelude::*;

use crate::domain::application::{Role, SchoolType};
use crate::domain::draft::OTHER_SCHOOL;
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;
use crate::ui::widgets::choice::{Conditional, Radios, Select};
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::{InputKind, TextInput};

#[component]
pub fn ApplicantStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let (name, set_name) = form.text(|d| &d.applicant_name, |d| &mut d.applicant_name);
    let (email, set_email) = form.text(|d| &d.applicant_email, |d| &mut d.applicant_email);
    let (phone, set_phone) = form.text(|d| &d.applicant_phone, |d| &mut d.applicant_phone);
    let (school, set_school) = form.text(|d| &d.school_id, |d| &mut d.school_id);
    let (other_name, set_other_name) =
        form.text(|d| &d.other_school_name, |d| &mut d.other_school_name);
    let role = Signal::derive(move || form.draft.with(|d| d.applicant_role));
    let set_role = Callback::new(move |r| form.draft.update(|d| d.applicant_role = Some(r)));
    let other_type = Signal::derive(move || form.draft.with(|d| d.other_school_type));
    let set_other_type =
        Callback::new(move |t| form.draft.update(|d| d.other_school_type = Some(t)));
    let school_options = Signal::derive(move || {
        let mut options: Vec<(String, String)> = form.rules.with_value(|rules| {
            rules
                .schools
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect()
        });
        options.push((OTHER_SCHOOL.to_string(), t.school_other.to_string()));
        options
    });
    let is_other_school = Signal::derive(move || form.draft.with(|d| d.school_id == OTHER_SCHOOL));
    view! {
        <StepPage step=Step::Applicant>
            <TextInput field=Field::ApplicantName label=|t| t.applicant_name autocomplete="name"
                value=name on_input=set_name />
            <TextInput field=Field::ApplicantEmail label=|t| t.applicant_email hint=|t| t.applicant_email_hint
                kind=InputKind::Email autocomplete="email" value=email on_input=set_email />
            <TextInput field=Field::ApplicantPhone label=|t| t.applicant_phone optional=true
                kind=InputKind::Tel autocomplete="tel" width="sku-input--w20" value=phone on_input=set_phone />
            <Radios field=Field::ApplicantRole legend=|t| t.role_legend
                options=&[Role::Staff, Role::Pupil] option_label=|t, r| (t.role)(r)
                value=role on_change=set_role />
            <Select field=Field::School label=|t| t.school hint=|t| t.school_hint placeholder=|t| t.school_choose
                options=school_options value=school on_change=set_school />
            <Conditional show=is_other_school>
                <TextInput field=Field::OtherSchoolName label=|t| t.other_school_name
                    hint=|t| t.other_school_name_hint
                    autocomplete="organization" value=other_name on_input=set_other_name />
                <Radios field=Field::OtherSchoolType legend=|t| t.other_school_type
                    options=&[SchoolType::Municipal, SchoolType::Independent]
                    option_label=|t, s| (t.school_type)(s) value=other_type on_change=set_other_type />
            </Conditional>
        </StepPage>
    }
}

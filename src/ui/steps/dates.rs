//! Step: when the project and the trip (or visit, or stay abroad) start and end, and where.

use leptos::prelude::*;

use crate::domain::draft::{DateInput as DateParts, Draft};
use crate::domain::field::Field;
use crate::domain::step::Step;
use crate::ui::form::{use_form, Form};
use crate::ui::i18n::{texts_now, Text};
use crate::ui::widgets::date_input::{set_part, DateInput, DatePart};
use crate::ui::widgets::step_page::StepPage;
use crate::ui::widgets::text_input::TextInput;

fn date_field(
    form: Form,
    field: Field,
    legend: &'static str,
    hint: Option<Text>,
    get: fn(&Draft) -> &DateParts,
    set: fn(&mut Draft) -> &mut DateParts,
) -> impl IntoView {
    let value = Signal::derive(move || form.draft.with(|d| get(d).clone()));
    let on_input = Callback::new(move |(part, text): (DatePart, String)| {
        form.draft.update(|d| set_part(set(d), part, text));
    });
    match hint {
        Some(hint) => view! { <DateInput field legend hint value on_input /> }.into_any(),
        None => view! { <DateInput field legend value on_input /> }.into_any(),
    }
}

#[component]
pub fn DatesStep() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    // The kind was chosen on an earlier step; it names what the trip dates are about.
    let kind = form.draft.with_untracked(|d| d.kind);
    let (country, set_country) = form.text(|d| &d.country, |d| &mut d.country);
    let (place, set_place) = form.text(|d| &d.place, |d| &mut d.place);
    let (partner, set_partner) = form.text(|d| &d.partner, |d| &mut d.partner);
    view! {
        <StepPage step=Step::DatesDestination>
            {date_field(form, Field::ProjectStart, t.project_start, Some(|t| t.project_start_hint),
                |d| &d.project_start, |d| &mut d.project_start)}
            {date_field(form, Field::ProjectEnd, t.project_end, Some(|t| t.project_end_hint),
                |d| &d.project_end, |d| &mut d.project_end)}
            {date_field(form, Field::TripStart, (t.trip_start)(kind), None, |d| &d.trip_start, |d| &mut d.trip_start)}
            {date_field(form, Field::TripEnd, (t.trip_end)(kind), Some(|t| t.trip_end_hint),
                |d| &d.trip_end, |d| &mut d.trip_end)}
            <h2 class="sku-heading-m">{t.destination_heading}</h2>
            <TextInput field=Field::Country label=|t| t.country hint=|t| t.country_hint
                width="sku-input--w20" value=country on_input=set_country />
            <TextInput field=Field::Place label=|t| t.place optional=true width="sku-input--w20"
                value=place on_input=set_place />
            <TextInput field=Field::Partner label=|t| t.partner hint=|t| t.partner_hint
                value=partner on_input=set_partner />
        </StepPage>
    }
}

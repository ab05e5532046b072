//! The inline message beside a field, with a visually hidden "Fel:" for screen readers.

use leptos::prelude::*;

use crate::domain::field::Field;
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;

#[component]
pub fn ErrorMessage(field: Field) -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let error = form.error(field);
    move || {
        error.get().map(|error| {
            view! {
                <p id=format!("{}-error", field.id()) class="sku-error-message">
                    <span class="sku-visually-hidden">{t.error_prefix}" "</span>
                    <span lang=error.problem.words_lang(t.lang)>
                        {(t.message)(error.field, &error.problem, form.draft.with_untracked(|d| d.kind))}
                    </span>
                </p>
            }
        })
    }
}

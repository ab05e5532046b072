//! "Det finns ett problem": the list of errors above the heading. It takes focus each
//! time it appears (see `flow`), and each link focuses its field. A receiver's error
//! about a field this form does not have is listed after them, without a link.

use leptos::prelude::*;

use crate::domain::problem::{receiver_words_lang, FieldError};
use crate::ui::flow::{show_field, ERROR_SUMMARY_ID};
use crate::ui::form::use_form;
use crate::ui::i18n::texts_now;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let form = use_form();
    let t = texts_now();
    let all_errors = move || -> Vec<FieldError> {
        let mut errors = form.errors.get();
        errors.extend(form.file_errors.get());
        errors
    };
    move || {
        let errors = all_errors();
        // Line by line in both languages: a line the same in both is the receiver's own.
        let (unplaced_sv, unplaced_en) = form.unplaced_errors.get().unwrap_or_default();
        let kind = form.draft.with_untracked(|d| d.kind);
        (!errors.is_empty() || !unplaced_sv.is_empty()).then(|| {
            view! {
                <div
                    id=ERROR_SUMMARY_ID
                    class="sku-error-summary"
                    role="alert"
                    tabindex="-1"
                    aria-labelledby="sku-error-summary-title"
                >
                    <h2 id="sku-error-summary-title" class="sku-error-summary__title">
                        {t.error_summary_title}
                    </h2>
                    <ul class="sku-error-summary__list">
                        {errors
                            .into_iter()
                            .map(|error| {
                                let field = error.field;
                                view! {
                                    <li>
                                        <a
                                            lang=error.problem.words_lang(t.lang)
                                            href=format!("#{}", field.id())
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                show_field(form, field);
                                            }
                                        >
                                            {(t.message)(error.field, &error.problem, kind)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                        {unplaced_sv
                            .lines()
                            .zip(unplaced_en.lines())
                            .map(|(sv, en)| {
                                let words = if t.lang == "sv" { sv } else { en };
                                view! {
                                    <li lang=receiver_words_lang(sv, en, t.lang)>{words.to_string()}</li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

//! The App component: language, the form's state, the document title, and which step
//! is shown.

use leptos::prelude::*;

use super::drafts::notices::{DraftFileControls, DraftWarnings, ResumePrompt};
use super::flow::follow_browser_history;
use super::form::Form;
use super::i18n::{provide_locale, EnglishLoad, Locale, ENGLISH_UNAVAILABLE};
use super::steps::activities::ActivitiesStep;
use super::steps::attachments::AttachmentsStep;
use super::steps::budget::BudgetStep;
use super::steps::check_answers::CheckAnswersStep;
use super::steps::confirmation::ConfirmationStep;
use super::steps::declaration::DeclarationStep;
use super::steps::questions::QuestionStep;
use super::steps::start::StartPage;
use crate::domain::config::{ConfigError, Settings};
use crate::domain::step::Step;
use crate::questions;

#[component]
pub fn App(settings: Settings, config_errors: Vec<ConfigError>, owns_page: bool) -> impl IntoView {
    let initial_locale = settings
        .locale
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or(Locale::Sv);
    let locale = provide_locale(initial_locale);
    let form = Form::new(settings.rules.clone());
    provide_context(form);
    provide_context(settings.clone());
    follow_browser_history(form);
    let drafts = super::drafts::autosave::start(form);
    super::delivery::provide_outbox(form, drafts, locale, settings.endpoint.is_some());
    // "Fel: " prefixes the title while errors are shown (GOV.UK pattern).
    Effect::new(move |_| {
        let t = locale.get().texts();
        let has_errors = form.errors.with(|e| !e.is_empty())
            || form.file_errors.with(|e| !e.is_empty())
            || form.unplaced_errors.with(Option::is_some);
        let prefix = if has_errors {
            format!("{} ", t.error_prefix)
        } else {
            String::new()
        };
        let title = format!(
            "{prefix}{} – {} – {}",
            (t.step_title)(form.step.get()),
            t.app_title,
            t.organisation
        );
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
            // The title and everything else on the form's own page are in its language
            // (WCAG 3.1.1); embedded, <html lang> is the site's.
            if let Some(root) = document.document_element().filter(|_| owns_page) {
                let _ = root.set_attribute("lang", t.lang);
            }
        }
    });

    let english = super::i18n::use_english_load();
    let switch_language = move |_| {
        let target = match locale.get_untracked() {
            Locale::Sv => Locale::En,
            Locale::En => Locale::Sv,
        };
        super::i18n::switch_language(locale, english, target);
    };
    let loading = move || english.get() == EnglishLoad::Loading;

    // The whole page re-renders when the language changes (see `i18n::texts_now`);
    // answers live in the draft, so nothing typed is lost.
    let page = move || match (locale.track(), form.step.get()).1 {
        Step::Start => view! { <StartPage /> }.into_any(),
        Step::Activities => view! { <ActivitiesStep /> }.into_any(),
        Step::Budget => view! { <BudgetStep /> }.into_any(),
        Step::Attachments => view! { <AttachmentsStep /> }.into_any(),
        Step::CheckAnswers => view! { <CheckAnswersStep /> }.into_any(),
        Step::Declaration => view! { <DeclarationStep /> }.into_any(),
        Step::Confirmation => view! { <ConfirmationStep /> }.into_any(),
        // Applicant, kind, dates, participants, description, support, payment.
        step => match questions::entries(step) {
            Some(entries) => view! { <QuestionStep step entries /> }.into_any(),
            None => view! { <StartPage /> }.into_any(),
        },
    };

    view! {
        <div class="sku-app" lang=move || locale.get().texts().lang>
            <div class="sku-app__bar">
                <span class="sku-app__service">{move || locale.get().texts().app_title}</span>
                // While English is on its way the button says so ("English …", busy).
                <button type="button" class="sku-link-button" data-role="language"
                    lang=move || locale.get().texts().other_language_code on:click=switch_language
                    aria-busy=move || loading().then_some("true")>
                    {move || locale.get().texts().other_language_name}
                    {move || loading().then_some(" …")}
                </button>
            </div>
            {move || (english.get() == EnglishLoad::Failed).then(|| view! {
                <div class="sku-warning" role="alert" data-role="language-failed">
                    {ENGLISH_UNAVAILABLE.map(|(lang, text)| view! { <p lang=lang>{text}</p> })}
                </div>
            })}
            <div class="sku-app__main">
                {(!config_errors.is_empty()).then(|| view! { <ConfigProblems errors=config_errors.clone() /> })}
                {move || {
                    locale.track();
                    view! {
                        <DraftWarnings drafts />
                        <ResumePrompt drafts />
                    }
                }}
                {page}
                {move || {
                    locale.track();
                    // Once sent, the answers are read-only: no draft file replaces them.
                    let open = form.step.get() != Step::Confirmation && !super::delivery::answers_sent();
                    open.then(|| view! { <DraftFileControls drafts /> })
                }}
            </div>
        </div>
    }
}

/// For the site editor: settings on the mount element that could not be used. The form
/// still works with the defaults for those settings.
#[component]
fn ConfigProblems(errors: Vec<ConfigError>) -> impl IntoView {
    let t = super::i18n::texts_now();
    view! {
        <div class="sku-warning" role="alert" data-role="config-errors">
            <p>{t.config_errors_title}</p>
            <ul>
                {errors.into_iter().map(|e| view! { <li><code>{e.attribute}</code>": "{(t.config_problem)(&e.problem)}</li> }).collect_view()}
            </ul>
        </div>
    }
}

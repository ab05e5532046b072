//! `leptos_only` plus the domain core every first load needs: reading a saved draft,
//! checking the whole application, writing it as JSON and wording its errors in both
//! languages. The rest of the real app's wasm is its own views and browser glue.

use leptos::prelude::*;
use skolutbyte::domain::{application_json, draft_file, rules::Rules, validate};
use skolutbyte::i18n::Locale;

fn check(text: &str, locale: Locale) -> String {
    let Ok(saved) = draft_file::import_draft(text) else {
        return String::new();
    };
    match validate::validate(&saved.draft, &Rules::default()) {
        Ok(application) => application_json::application_json(&application) + &saved.to_json(),
        Err(errors) => {
            let message = locale.texts().message;
            let lines: Vec<String> = errors
                .iter()
                .map(|e| message(e.field, &e.problem, None))
                .collect();
            lines.join("\n") + &saved.to_compact_json()
        }
    }
}

fn main() {
    let count = RwSignal::new(0);
    let text = RwSignal::new(String::new());
    let checked = Memo::new(move |_| {
        let locale = if count.get() % 2 == 1 { Locale::En } else { Locale::Sv };
        check(&text.get(), locale)
    });
    mount_to_body(move || {
        view! {
            <main>
                <h1>"Floor"</h1>
                <label for="answer">"Answer"</label>
                <input id="answer" prop:value=move || text.get()
                    on:input=move |e| text.set(event_target_value(&e)) />
                <button on:click=move |_| count.update(|c| *c += 1)>"+" {move || count.get()}</button>
                <Show when=move || { count.get() > 2 }><p>"more"</p></Show>
                <pre>{move || checked.get()}</pre>
                <ul>{move || (0..count.get()).map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </main>
        }
    });
}

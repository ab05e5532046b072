//! The smallest Leptos page that still does what every step does: a text input bound to
//! a signal, a button, a conditional block and a list.

use leptos::prelude::*;

fn main() {
    let count = RwSignal::new(0);
    let text = RwSignal::new(String::new());
    mount_to_body(move || {
        view! {
            <main>
                <h1>"Floor"</h1>
                <label for="answer">"Answer"</label>
                <input id="answer" prop:value=move || text.get()
                    on:input=move |e| text.set(event_target_value(&e)) />
                <button on:click=move |_| count.update(|c| *c += 1)>"+" {move || count.get()}</button>
                <Show when=move || { count.get() > 2 }><p>"more"</p></Show>
                <ul>{move || (0..count.get()).map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </main>
        }
    });
}

//! The smallest Leptos page that still does what every step of the form does: a text
//! input bound to a signal, a button, a conditional block and a list. `extra` is shown
//! below it, worked out from the answer and the button's count.

use leptos::prelude::*;

pub fn mount_page<V: IntoView + 'static>(extra: impl Fn(String, u32) -> V + Send + Sync + 'static) {
    let count = RwSignal::new(0u32);
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
                {move || extra(text.get(), count.get())}
                <ul>{move || (0..count.get()).map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </main>
        }
    });
}

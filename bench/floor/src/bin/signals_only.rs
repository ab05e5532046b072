//! The page of `lib.rs` again, with Leptos' signals but without its view layer: the
//! elements are made and updated through the DOM API. Measures what the view layer
//! (tachys) costs in the floor.

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

fn element(document: &Document, parent: &Element, tag: &str, text: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    element.set_text_content(Some(text));
    parent.append_child(&element).ok()?;
    Some(element)
}

fn on(target: &Element, event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

fn page() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let main = element(&document, &document.body()?.into(), "main", "")?;
    element(&document, &main, "h1", "Floor")?;
    let label = element(&document, &main, "label", "Answer")?;
    label.set_attribute("for", "answer").ok()?;
    let input: HtmlInputElement = element(&document, &main, "input", "")?.dyn_into().ok()?;
    input.set_id("answer");
    let button = element(&document, &main, "button", "+")?;
    let more = element(&document, &main, "p", "more")?;
    let list = element(&document, &main, "ul", "")?;

    let count = RwSignal::new(0u32);
    let text = RwSignal::new(String::new());
    let typed = input.clone();
    on(&input, "input", move |_| text.set(typed.value()));
    on(&button, "click", move |_| count.update(|c| *c += 1));
    let shown = input.clone();
    std::mem::forget(RenderEffect::new(move |_| shown.set_value(&text.get())));
    let document_for_list = document.clone();
    std::mem::forget(RenderEffect::new(move |_| {
        let n = count.get();
        button.set_text_content(Some(&format!("+{n}")));
        let _ = more.toggle_attribute_with_force("hidden", n <= 2);
        list.set_inner_html("");
        for i in 0..n {
            element(&document_for_list, &list, "li", &i.to_string());
        }
    }));
    Some(())
}

fn main() {
    let _ = page();
}

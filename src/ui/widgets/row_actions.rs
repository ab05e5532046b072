//! Buttons that reorder and remove a row of a repeatable list (activities, budget).
//! Each button's accessible name says which row it acts on ("Ta bort Kostnad 2").

use leptos::prelude::*;

use crate::ui::flow::{after_render, focus_field};
use crate::ui::i18n::{texts_now, Texts};

#[component]
pub fn RowActions(
    index: usize,
    #[prop(into)] count: Signal<usize>,
    /// "Aktivitet 2": the row's name, for the buttons' accessible names.
    row_name: fn(&'static Texts, usize) -> String,
    /// Id prefix of the row's buttons, e.g. "activity" gives "activity-1-up".
    id_prefix: &'static str,
    #[prop(optional)] reorderable: bool,
    on_move: Callback<(usize, usize)>,
    on_remove: Callback<usize>,
    /// Where focus goes when the last row is removed.
    fallback_focus: &'static str,
) -> impl IntoView {
    let t = texts_now();
    let name = row_name(t, index);
    let move_to = move |to: usize, direction: &'static str| {
        on_move.run((index, to));
        // In first or last place the same button is disabled: focus the row's other one.
        let direction = match direction {
            "up" if to == 0 => "down",
            "down" if to + 1 >= count.get_untracked() => "up",
            same => same,
        };
        let id = format!("{id_prefix}-{to}-{direction}");
        after_render(move || {
            focus_field(&id);
        });
    };
    view! {
        <div class="sku-row-actions">
            {reorderable.then(|| { let name = name.clone(); view! {
                <button type="button" class="sku-button sku-button--secondary sku-button--small"
                    id=format!("{id_prefix}-{index}-up")
                    disabled=move || index == 0
                    on:click=move |_| move_to(index.saturating_sub(1), "up")>
                    {t.move_up}
                    <span class="sku-visually-hidden">" "{name.clone()}</span>
                </button>
                <button type="button" class="sku-button sku-button--secondary sku-button--small"
                    id=format!("{id_prefix}-{index}-down")
                    disabled=move || { index + 1 >= count.get() }
                    on:click=move |_| move_to(index + 1, "down")>
                    {t.move_down}
                    <span class="sku-visually-hidden">" "{name.clone()}</span>
                </button>
            }})}
            <button type="button" class="sku-button sku-button--warning sku-button--small"
                id=format!("{id_prefix}-{index}-remove")
                on:click=move |_| {
                    on_remove.run(index);
                    // Focus stays in the list: the row above, else the new first row,
                    // else the list's add button.
                    let target = format!("{id_prefix}-{}-remove", index.saturating_sub(1));
                    after_render(move || {
                        if !focus_field(&target) {
                            focus_field(fallback_focus);
                        }
                    });
                }>
                {t.remove}
                <span class="sku-visually-hidden">" "{name}</span>
            </button>
        </div>
    }
}

//! Leptos alone: the page of `lib.rs` with nothing below it.

fn main() {
    first_load_floor::mount_page(|_, _| ());
}

//! Browser entry point: Trunk builds this binary to WebAssembly.

#[cfg(target_arch = "wasm32")]
fn main() {
    skolutbyte::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app: build it with `make serve` (see README).");
}

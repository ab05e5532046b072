//! Web Worker entry point (wasm only).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser worker: Trunk builds it from index.html.");
}

#[cfg(target_arch = "wasm32")]
fn main() {}

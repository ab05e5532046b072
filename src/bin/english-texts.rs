//! Prints English as the data file the app fetches when the applicant chooses English
//! (`skolutbyte::i18n::data`). Run by scripts/build-loader.mjs at build time.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", skolutbyte::i18n::english_data());
}

#[cfg(target_arch = "wasm32")]
fn main() {}

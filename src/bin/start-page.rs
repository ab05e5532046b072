//! Prints the start page as static HTML (see `skolutbyte::start_page`): Swedish, with the
//! default settings. Run by scripts/build-loader.mjs at build time.

fn main() {
    let texts = skolutbyte::i18n::Locale::Sv.texts();
    let settings = skolutbyte::domain::config::Settings::default();
    print!("{}", skolutbyte::start_page::html(texts, &settings));
}

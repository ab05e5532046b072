use super::Texts;

pub static TEXTS: Texts = Texts {
    lang: "sv",
    start_title: "Ansök om bidrag ur fonden för internationellt skolutbyte",
    start_lead: "Grund- och gymnasieskolor i Skellefteå kommun kan söka bidrag för internationellt skolutbyte, praktik och gymnasiearbete utomlands.",
    start_button: "Starta ansökan",
};

use super::Texts;

pub static TEXTS: Texts = Texts {
    lang: "en",
    start_title: "Apply to the fund for international school exchange",
    start_lead: "Compulsory and upper secondary schools in Skellefteå municipality can apply for support for international school exchange, internships and diploma projects abroad.",
    start_button: "Start your application",
};

//! What the worker tells the applicant, in their language. These texts live here, not
//! in `skolutbyte::i18n::Texts`: every function in `Texts` is linked into the first page
//! load, and these are only needed once the worker runs.

use skolutbyte::domain::application::Application;
use skolutbyte::domain::field::Field;
use skolutbyte::domain::submission::{Failure, ReportedFieldError, SWEDISH_QUOTE as Q};
use skolutbyte::i18n::Locale;

use crate::job::JobError;

pub fn send_failure(locale: Locale, failure: &Failure) -> String {
    let problem_text = |failure: &Failure| match failure {
        Failure::Rejected {
            problem: Some(problem),
            ..
        } => {
            let text = if problem.detail.trim().is_empty() {
                &problem.title
            } else {
                &problem.detail
            };
            Some(text.trim().to_string()).filter(|t| !t.is_empty())
        }
        _ => None,
    };
    match locale {
        Locale::Sv => match failure {
            Failure::Network => "Ansökan kunde inte skickas eftersom det inte gick att nå kommunen. Kontrollera internetanslutningen och försök igen, eller ladda ner ansökan och skicka den med e-post. Dina svar är kvar.".into(),
            Failure::Timeout => "Kommunen svarade inte i tid. Försök igen om en stund, eller ladda ner ansökan och skicka den med e-post. Dina svar är kvar.".into(),
            Failure::Unavailable { .. } => "Kommunens system kan inte ta emot ansökningar just nu. Försök igen senare, eller ladda ner ansökan och skicka den med e-post. Dina svar är kvar.".into(),
            Failure::TooLarge => "Ansökan med bilagor är för stor för att skickas. Ta bort eller förminska bilagor, eller ladda ner ansökan och skicka den med e-post. Dina svar är kvar.".into(),
            Failure::NoReference => "Kommunen svarade men gav inget referensnummer. Försök igen om en stund (samma ansökan kan inte tas emot två gånger), eller ladda ner ansökan och kontakta Internationella enheten.".into(),
            Failure::Rejected { .. } => match problem_text(failure) {
                Some(text) => format!("Kommunen kunde inte ta emot ansökan: {text} Dina svar är kvar; ändra dem och försök igen, eller ladda ner ansökan och skicka den med e-post."),
                None => "Kommunen kunde inte ta emot ansökan. Ladda ner ansökan och skicka den med e-post. Dina svar är kvar.".into(),
            },
        },
        Locale::En => match failure {
            Failure::Network => "Your application could not be sent because the municipality could not be reached. Check your internet connection and try again, or download the application and send it by email. Your answers are kept.".into(),
            Failure::Timeout => "The municipality did not answer in time. Try again in a while, or download the application and send it by email. Your answers are kept.".into(),
            Failure::Unavailable { .. } => "The municipality's system cannot receive applications right now. Try again later, or download the application and send it by email. Your answers are kept.".into(),
            Failure::TooLarge => "The application with its attachments is too large to send. Remove or shrink attachments, or download the application and send it by email. Your answers are kept.".into(),
            Failure::NoReference => format!("The municipality answered but gave no reference number. Try again in a while (the same application cannot be received twice), or download the application and contact the International Unit ({Q}Internationella enheten{Q})."),
            Failure::Rejected { .. } => match problem_text(failure) {
                Some(text) => format!("The municipality could not accept the application: {Q}{text}{Q} Your answers are kept; change them and try again, or download the application and send it by email."),
                None => "The municipality could not accept the application. Download the application and send it by email. Your answers are kept.".into(),
            },
        },
    }
}

/// The receiver's field errors (a 422's `errors`) worded for the page in both
/// languages: this app's own message when it knows the field and the code, else the
/// receiver's `detail` (already cut to a sentence or two), else a plain sentence of ours.
pub fn reported_errors(failure: &Failure, application: &Application) -> Vec<ReportedFieldError> {
    let Failure::Rejected {
        problem: Some(problem),
        ..
    } = failure
    else {
        return Vec::new();
    };
    problem
        .errors
        .iter()
        .map(|error| {
            let word = |locale: Locale| match error.field_error(application) {
                Some(known) => (locale.texts().message)(known.field, &known.problem, Some(application.kind)),
                None if !error.detail.is_empty() => error.detail.clone(),
                None => match locale {
                    Locale::Sv => "Kommunen godtog inte ett av svaren. Kontrollera svaren och försök igen.".into(),
                    Locale::En => "The municipality did not accept one of the answers. Check your answers and try again.".into(),
                },
            };
            ReportedFieldError {
                field: error.field.clone(),
                code: error.code.clone(),
                detail: error.detail.clone(),
                sv: word(Locale::Sv),
                en: word(Locale::En),
            }
        })
        .collect()
}

pub fn job_error(locale: Locale, error: &JobError) -> String {
    if let JobError::Attachments(problem) = error {
        // The page's own message for the file rule, and where to fix it.
        let rule = (locale.texts().message)(Field::Attachments, problem, None);
        return match locale {
            Locale::Sv => format!("{rule}. Gå tillbaka till Bilagor och ändra filerna. Dina svar och filer är kvar."),
            Locale::En => format!("{rule}. Go back to Attachments and change the files. Your answers and files are kept."),
        };
    }
    let (sv, en) = match error {
        JobError::Invalid(_) => (
            "Några svar behöver rättas innan ansökan kan skickas eller laddas ner. Gå till Kontrollera dina svar.",
            "Some answers need correcting before the application can be sent or downloaded. Go to Check your answers.",
        ),
        JobError::NoEndpoint => (
            "Den här sidan är inte inställd för att skicka ansökningar. Ladda ner ansökan och skicka den med e-post.",
            "This page is not set up to send applications. Download the application and send it by email.",
        ),
        JobError::UnknownTask | JobError::DraftUnreadable(_) | JobError::Attachments(_) => (
            "Något gick fel när ansökan förbereddes. Dina svar är kvar. Ladda om sidan och försök igen.",
            "Something went wrong while preparing the application. Your answers are kept. Reload the page and try again.",
        ),
    };
    match locale {
        Locale::Sv => sv.into(),
        Locale::En => en.into(),
    }
}

/// The PDF or zip could not be made (a font or layout limit); the answers are intact.
pub fn bundle_failed(locale: Locale) -> String {
    match locale {
        Locale::Sv => "Ansökan kunde inte göras om till en fil. Dina svar är kvar. Spara utkastet som fil och kontakta Internationella enheten.".into(),
        Locale::En => "The application could not be turned into a file. Your answers are kept. Save the draft as a file and contact the International Unit (Internationella enheten).".into(),
    }
}

/// Attachments listed with the saved answers are no longer kept in this browser (removed
/// in another tab, or by the browser itself): the applicant chooses them again.
pub fn attachments_missing(locale: Locale, names: &[String]) -> String {
    let names = names.join(", ");
    match locale {
        Locale::Sv => format!("De här bifogade filerna finns inte längre sparade i webbläsaren: {names}. Gå till Bilagor, ta bort dem och välj dem igen. Dina svar är kvar."),
        Locale::En => format!("These attached files are no longer saved in the browser: {names}. Go to Attachments, remove them and choose them again. Your answers are kept."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skolutbyte::domain::rules::Rules;
    use skolutbyte::domain::submission::{ProblemDetails, ReceiverFieldError};
    use skolutbyte::domain::validate::validate;

    fn rejected(errors: Vec<ReceiverFieldError>) -> Failure {
        Failure::Rejected {
            status: 422,
            problem: Some(ProblemDetails {
                title: "Ansökan innehåller fel".into(),
                detail: "Ansökan har fel.".into(),
                errors,
            }),
        }
    }

    fn receiver_error(field: &str, code: &str, detail: &str) -> ReceiverFieldError {
        ReceiverFieldError {
            field: field.into(),
            code: code.into(),
            detail: detail.into(),
            params: Vec::new(),
        }
    }

    #[test]
    fn field_errors_are_worded_in_the_applicants_language_when_the_app_knows_them() {
        let application = validate(
            &skolutbyte::domain::examples::internship_draft(),
            &Rules::default(),
        )
        .unwrap();
        let failure = rejected(vec![
            receiver_error("applicant-email", "invalid_email", "E-postadressen är fel"),
            receiver_error(
                "budget-0-amount",
                "amount_over_local_limit",
                "Beloppet är över nämndens gräns",
            ),
            receiver_error("school-district", "required", "Ange skoldistrikt"),
            receiver_error("school-district", "x", ""),
        ]);
        let words = reported_errors(&failure, &application);
        assert_eq!(words.len(), 4);
        assert_eq!(words[0].field, "applicant-email");
        assert_eq!(words[0].code, "invalid_email");
        assert!(words[0].sv.starts_with("Ange "), "{}", words[0].sv);
        assert!(words[0].en.starts_with("Enter "), "{}", words[0].en);
        // An unknown code or field: the receiver's own words, in both.
        assert_eq!(words[1].sv, "Beloppet är över nämndens gräns");
        assert_eq!(words[1].en, "Beloppet är över nämndens gräns");
        assert_eq!(words[2].en, "Ange skoldistrikt");
        // No words at all: ours.
        assert!(words[3].en.contains("did not accept"));
        assert!(reported_errors(&Failure::Network, &application).is_empty());
    }

    #[test]
    fn a_refusal_shows_the_receivers_own_words() {
        let failure = Failure::Rejected {
            status: 422,
            problem: Some(ProblemDetails {
                title: "Ogiltig".into(),
                detail: "Beloppet är för högt.".into(),
                errors: vec![],
            }),
        };
        assert!(send_failure(Locale::Sv, &failure).contains("Beloppet är för högt."));
        // In English the receiver's Swedish words are marked, to be shown lang="sv".
        assert!(send_failure(Locale::En, &failure).contains("\u{1f}Beloppet är för högt.\u{1f}"));
        assert!(!send_failure(Locale::Sv, &failure).contains(Q));
        let bare = Failure::Rejected {
            status: 400,
            problem: None,
        };
        assert!(send_failure(Locale::En, &bare).contains("Download the application"));
    }

    #[test]
    fn every_failure_says_what_to_do_in_both_languages() {
        for failure in [
            Failure::Network,
            Failure::Timeout,
            Failure::Unavailable { status: 503 },
            Failure::TooLarge,
            Failure::NoReference,
        ] {
            assert!(send_failure(Locale::Sv, &failure).contains("ladda ner ansökan"));
            assert!(send_failure(Locale::En, &failure).contains("download the application"));
        }
    }

    #[test]
    fn missing_attachments_are_named_in_both_languages() {
        let names = ["inbjudan.pdf".to_string(), "budget.xlsx".to_string()];
        let sv = attachments_missing(Locale::Sv, &names);
        let en = attachments_missing(Locale::En, &names);
        assert!(
            sv.contains("inbjudan.pdf, budget.xlsx") && sv.contains("Bilagor"),
            "{sv}"
        );
        assert!(
            en.contains("inbjudan.pdf, budget.xlsx") && en.contains("Attachments"),
            "{en}"
        );
    }
}

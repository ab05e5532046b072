//! Svenska: the form's own language and the default.

use super::{capitalise, Texts};
use crate::domain::account_string::{Allowed, Charset, Segment, SegmentError};
use crate::domain::application::{BudgetCategory, Kind, Phase, Role, SchoolType};
use crate::domain::config::ConfigProblem;
use crate::domain::dates::{format_long_sv, DateError};
use crate::domain::draft::GiroMethod;
use crate::domain::draft_file::ImportError;
use crate::domain::field::Field;
use crate::domain::giro::GiroError;
use crate::domain::money::{format_sv, Money, MoneyError, MAX_PARSED_ORE};
use crate::domain::problem::Problem;
use crate::domain::step::Step;

pub static TEXTS: Texts = Texts {
    lang: "sv",
    app_title: "Ansökan till fonden för internationellt skolutbyte",
    organisation: "Skellefteå kommun",
    other_language_name: "English",
    other_language_code: "en",
    back: "Tillbaka",
    continue_button: "Fortsätt",
    optional: "(valfritt)",
    error_prefix: "Fel:",
    error_summary_title: "Det finns ett problem",
    step_of: |n, total| format!("Steg {n} av {total}"),
    step_title,
    not_provided: "Inte angivet",
    change: "Ändra",
    remove: "Ta bort",
    move_up: "Flytta upp",
    move_down: "Flytta ner",
    date_year: "År",
    date_month: "Månad",
    date_day: "Dag",
    date_hint: "Till exempel 2027 3 15",
    new_question_shown: "En ny fråga har visats under ditt val.",

    start_lead: "Grund- och gymnasieskolor i Skellefteå kommun kan söka bidrag ur kommunstyrelsens fond för internationellt skolutbyte. Fonden delar ut 300 000 kronor per år.",
    start_what_title: "Vad kan man söka bidrag för?",
    start_what_items: &[
        "Ett internationellt projekt eller utbyte som redan är beviljat: kostnader som inte täcks av ordinarie projektmedel, till exempel middagar, gåvor, upplevelser eller transporter när ni tar emot besök.",
        "Grupper och enskilda elever som ska göra praktik eller gymnasiearbete utomlands: till exempel resor, logi, gåvor, vaccinationer och kostnader för medföljande personal.",
    ],
    start_who_title: "Vem kan söka?",
    start_who_text: "Elever och personal vid alla grund- och gymnasieskolor i Skellefteå kommun, kommunala och fristående. Ansökan görs av en lärare eller annan personal, eller av en elev, och godkänns av ansvarig rektor.",
    start_need_title: "Det här behöver du",
    start_need_items: &[
        "datum för projektet och för resan, besöket eller utlandsvistelsen",
        "deltagare, mål, tema och aktiviteter i tidsordning",
        "en budget med kostnaderna och annan finansiering",
        "kontosträng (kommunal skola) eller bankgiro eller plusgiro (fristående skola)",
        "namn och e-postadress till ansvarig rektor",
    ],
    start_time_text: "Det tar ungefär 20 minuter. Svaren och filerna sparas i den här webbläsaren medan du fyller i, så att du kan fortsätta senare. Använder andra också datorn? Välj ”Ta bort mina svar från den här datorn” längst ner på sidan när du är klar.",
    start_privacy_title: "Dina personuppgifter",
    start_privacy_controller: |controller| format!("Personuppgiftsansvarig är {controller}. Vi behandlar namn och kontaktuppgifter till dig och ansvarig rektor, och uppgifter om skolan och projektet, för att handlägga ansökan, besluta om bidraget, betala ut det och följa upp hur fonden används."),
    start_privacy_paragraphs: &[
        "Vi får behandla uppgifterna eftersom det behövs för att utföra en uppgift av allmänt intresse: kommunens handläggning av bidrag (artikel 6.1 e i dataskyddsförordningen).",
        "Ansökan tas emot av Internationella enheten på Skellefteå kommun och blir en allmän handling. Den sparas så länge kommunens dokumenthanteringsplan anger och bevaras eller gallras sedan enligt arkivlagen.",
        "Du har rätt att få veta vilka uppgifter om dig vi behandlar, att få felaktiga uppgifter rättade och att begära att behandlingen begränsas. Du kan invända mot behandlingen och få uppgifter raderade när lagen tillåter det: en allmän handling får bara gallras enligt arkivreglerna. Du kan klaga hos Integritetsskyddsmyndigheten (IMY).",
        "Skriv inte elevernas namn eller personnummer, varken i svaren eller i bifogade filer. Ange antal elever. Skriv aldrig något om elever med skyddade personuppgifter.",
    ],
    start_privacy_contact: |dpo, phone| format!("Frågor om hur vi behandlar personuppgifter besvaras av kommunens dataskyddsombud, {dpo}. Du kan också ringa Skellefteå kommun på {phone}."),
    start_privacy_browser: "Medan du fyller i finns svaren och filerna bara i den här webbläsaren, inte hos kommunen. De tas bort när ansökan har skickats härifrån, när du väljer Börja om eller Ta bort mina svar, och annars 30 dagar efter din senaste ändring.",
    start_advice_title: "Vill du ha råd?",
    start_advice_text: "Femtioettan i Ungdomens Hus är ett Eurodesk-kontor som ger tips och råd om utlandsvistelser och EU-program. Internationella enheten hjälper till med ansökan.",
    start_advice_link: "Eurodesk på Femtioettan",
    start_button: "Starta ansökan",

    applicant_name: "Ditt namn",
    applicant_email: "Din e-postadress",
    applicant_email_hint: "Vi skickar besked om ansökan till den här adressen.",
    applicant_phone: "Ditt telefonnummer",
    role_legend: "Söker du som personal eller elev?",
    role: |role| match role {
        Role::Staff => "Lärare eller annan personal",
        Role::Pupil => "Elev",
    },
    school: "Skola",
    school_hint: "Välj skolan som söker. Finns den inte i listan, välj sista alternativet.",
    school_choose: "Välj skola",
    school_other: "Skolan finns inte i listan",
    other_school_name: "Skolans namn",
    other_school_name_hint: "Fonden är till för grund- och gymnasieskolor i Skellefteå kommun, kommunala och fristående.",
    other_school_type: "Är skolan kommunal eller fristående?",
    school_type: |t| match t {
        SchoolType::Municipal => "Kommunal skola",
        SchoolType::Independent => "Fristående skola",
    },

    kind_legend: "Vad söker du bidrag för?",
    kind: |k| match k {
        Kind::ExchangeReceiving => "Ett beviljat projekt eller utbyte där vi tar emot besök",
        Kind::ExchangeSending => "Ett beviljat projekt eller utbyte där vi reser till partnern",
        Kind::InternshipAbroad => "Praktik eller gymnasiearbete utomlands",
    },
    kind_hint: |k| match k {
        Kind::ExchangeReceiving => "Kostnader som inte täcks av ordinarie projektmedel, till exempel middagar, gåvor, upplevelser eller transporter för besökarna.",
        Kind::ExchangeSending => "Kostnader för resan som inte täcks av ordinarie projektmedel.",
        Kind::InternshipAbroad => "För grupper eller enskilda elever: resor, logi, gåvor, vaccinationer och medföljande personal.",
    },
    granted_project: "Vilket beviljat projekt eller utbyte gäller det?",
    granted_project_hint: "Till exempel Erasmus+ och projektets nummer.",

    project_start: "När börjar projektet?",
    project_start_hint: "Ta med tiden för förberedelser. Till exempel 2027 1 15",
    project_end: "När slutar projektet?",
    project_end_hint: "Ta med tiden för efterarbete. Till exempel 2027 6 10",
    trip_start: |kind| match kind {
        Some(Kind::ExchangeSending) => "Vilket datum börjar resan?",
        Some(Kind::ExchangeReceiving) => "Vilket datum börjar besöket?",
        Some(Kind::InternshipAbroad) => "Vilket datum börjar utlandsvistelsen?",
        None => "Vilket datum börjar resan eller besöket?",
    },
    trip_end: |kind| match kind {
        Some(Kind::ExchangeSending) => "Vilket datum slutar resan?",
        Some(Kind::ExchangeReceiving) => "Vilket datum slutar besöket?",
        Some(Kind::InternshipAbroad) => "Vilket datum slutar utlandsvistelsen?",
        None => "Vilket datum slutar resan eller besöket?",
    },
    trip_end_hint: "Till exempel 2027 3 22",
    destination_heading: "Plats och partner",
    country: "Land",
    country_hint: "Landet ni reser till, eller landet som besökarna kommer från.",
    place: "Ort",
    partner: "Partnerskola, organisation eller arbetsplats",
    partner_hint: "För praktik och gymnasiearbete: arbetsplatsen eller organisationen som tar emot eleverna.",

    pupils: "Antal elever",
    pupils_hint: "Eleverna från er skola som deltar.",
    staff: "Antal personal som deltar",
    staff_hint: "Lärare och annan personal från er skola. Skriv 0 om ingen personal deltar.",
    group: "Årskurs eller program",
    group_hint: "Till exempel åk 8, eller El- och energiprogrammet åk 3.",
    names_warning: "Skriv inte elevernas namn. Ansökan blir en allmän handling som vem som helst kan begära att få läsa.",
    names_warning_files: "Bifoga inga filer med elevernas namn, till exempel deltagarlistor. Bilagorna blir också allmänna handlingar.",

    goals: "Vilka är målen?",
    goals_hint: "Vad ska eleverna lära sig eller uppnå?",
    theme: "Tema",
    theme_hint: "Till exempel hållbar energi, demokrati eller språk.",
    summary: "Beskriv projektet kort",
    summary_hint: "Sådant som inte redan framgår av målen och aktiviteterna.",

    activities_hint: |kind| {
        let trip = trip(kind);
        format!("Ta med minst en aktivitet för varje del av projektet, i tidsordning: förberedelser, genomförande ({trip}) och efterarbete.")
    },
    activity_legend: |n| format!("Aktivitet {n}"),
    activity_date: "Datum",
    activity_phase: "Del av projektet",
    phase: |p| match p {
        Phase::Preparation => "Förberedelser",
        Phase::Trip => "Genomförande",
        Phase::FollowUp => "Efterarbete",
    },
    phase_choose: "Välj del",
    activity_description: "Vad händer?",
    add_activity: "Lägg till en aktivitet",
    no_activities: "Inga aktiviteter tillagda ännu.",

    support_hint: "Till exempel kontakt med handledare, hur eleverna når skolan, och vad ni gör om något händer.",

    budget_hint: "Lägg till en rad för varje kostnad. Beloppen räknas ihop medan du skriver.",
    budget_granted_note: "Bidraget gäller bara kostnader som inte täcks av ordinarie projektmedel. Ta bara med sådana kostnader här. Bifoga gärna beslutet om ert beviljade projekt eller utbyte under Bilagor.",
    budget_row_legend: |n| format!("Kostnad {n}"),
    budget_category: "Kategori",
    category: |c| match c {
        BudgetCategory::Travel => "Resor",
        BudgetCategory::Lodging => "Logi",
        BudgetCategory::Meals => "Måltider",
        BudgetCategory::Gifts => "Gåvor",
        BudgetCategory::Experiences => "Upplevelser och aktiviteter",
        BudgetCategory::LocalTransport => "Transporter på plats",
        BudgetCategory::Vaccinations => "Vaccinationer",
        BudgetCategory::StaffCosts => "Medföljande personal",
        BudgetCategory::Other => "Övrigt",
    },
    category_choose: "Välj kategori",
    budget_description: "Vad gäller kostnaden?",
    budget_amount: "Belopp i kronor",
    amount_hint: "Till exempel 12 500",
    add_budget_row: "Lägg till en kostnad",
    totals_title: "Summa",
    totals_total: "Totala kostnader",
    totals_not_counted: |n| {
        if n == 1 {
            "1 belopp är inte ifyllt eller kan inte läsas och är inte medräknat.".to_string()
        } else {
            format!("{n} belopp är inte ifyllda eller kan inte läsas och är inte medräknade.")
        }
    },
    other_funding: "Annan finansiering",
    other_funding_hint: "Till exempel från skolans egen budget, föräldrar eller sponsorer. Lämna tomt om ni inte har någon.",
    amount_applied: "Belopp du söker ur fonden",
    amount_applied_max: |max| match max {
        Some(max) => format!("Du kan söka högst {max}: kostnaderna minus annan finansiering, och högst fondens årliga belopp."),
        None => "Högst de totala kostnaderna minus annan finansiering. Beloppet visas här när du har fyllt i kostnaderna.".into(),
    },

    principal_intro: "Bidraget betalas ut till ansvarig rektor.",
    principal_name: "Ansvarig rektors namn",
    principal_email: "Ansvarig rektors e-postadress",
    account_legend: "Kontosträng",
    account_hint: "Kommunala skolor anger kontosträng i ordningen Ansvar / Verksamhet / Fri / Projekt / Objekt. Fråga ansvarig rektor eller skolans ekonom om du inte vet.",
    segment: |s| match s {
        Segment::Ansvar => "Ansvar",
        Segment::Verksamhet => "Verksamhet",
        Segment::Fri => "Fri",
        Segment::Projekt => "Projekt",
        Segment::Objekt => "Objekt",
    },
    giro_method: "Hur ska bidraget betalas till den fristående skolan?",
    giro: |g| match g {
        GiroMethod::Bankgiro => "Bankgiro",
        GiroMethod::Plusgiro => "Plusgiro (postgiro)",
    },
    giro_number: "Nummer",
    giro_hint: |g| match g {
        GiroMethod::Bankgiro => "Sju eller åtta siffror, till exempel 5402-9681",
        GiroMethod::Plusgiro => "Två till åtta siffror, till exempel 410 54 68-5",
    },
    payment_needs_school: "Välj först vilken skola som söker, så vet vi om du ska ange kontosträng, bankgiro eller plusgiro.",

    attachments_intro: "Du kan bifoga till exempel beslutet om ett beviljat projekt eller utbyte, en inbjudan från partnern eller skolans egen budget.",
    attachments_rules: |max_mb, total_mb, types| format!("Högst {max_mb} MB per fil och {total_mb} MB sammanlagt. Tillåtna filtyper: {types}."),
    attachments_choose: "Välj filer att bifoga",
    attachments_none: "Inga filer bifogade.",
    attachments_not_sent: "Filerna skickas inte med ansökan härifrån, bara svaren. Skicka filerna med e-post till Internationella enheten när ansökan är skickad, och skriv ansökans referensnummer i meddelandet.",
    attachments_kept: "Filerna sparas i den här webbläsaren tillsammans med dina svar. Ett utkast som du sparar som fil innehåller bara svaren.",
    attachments_not_stored: |names| format!("{names} kunde inte sparas i webbläsaren (lagringen är avstängd eller full). Filen är bifogad tills du laddar om eller stänger sidan."),
    attachments_list_title: "Bifogade filer",
    file_size: |bytes| format_size(bytes, ","),

    check_intro: "Läs igenom svaren. Du kan ändra ett svar innan du skickar.",
    check_sent_text: "Ansökan är skickad och kan inte ändras här. Kontakta Internationella enheten om något behöver ändras.",
    declaration_text: "Ansökan blir en allmän handling när den kommer in till kommunen.",
    declaration_label: |principal| match principal {
        "" => "Jag intygar att uppgifterna är riktiga och att ansvarig rektor har godkänt ansökan.".into(),
        name => format!("Jag intygar att uppgifterna är riktiga och att ansvarig rektor, {name}, har godkänt ansökan."),
    },
    send_button: "Skicka ansökan",
    ready_button: "Gör ansökan klar att skicka",

    confirmation_panel: "Ansökan är klar",
    confirmation_next_title: "Vad händer nu",
    confirmation_next_text: "Internationella enheten registrerar ansökan när den kommer in och beslutar om bidraget. Du och ansvarig rektor får beskedet med e-post.",
    confirmation_contact: "Har du frågor? Kontakta Internationella enheten, Skellefteå kommun.",
    contact_email_label: "E-post",
    contact_phone_label: "Telefon",
    sent_answers_link: "Se svaren som skickades",
    changes_not_sent: "Ändringar som du gjorde medan ansökan skickades kom inte med. Kontakta Internationella enheten om något behöver ändras.",
    hand_in_intro: "Ansökan är inte skickad än. Så här skickar du den:",
    hand_in_download: "Ladda ner ansökan som PDF-fil.",
    hand_in_email: "Skicka PDF-filen med e-post till Internationella enheten:",
    hand_in_no_address: |phone| format!("Skicka PDF-filen med e-post till Internationella enheten på Skellefteå kommun, med skolans namn i ämnesraden. Vet du inte adressen? Ring {phone}."),
    mailto_subject: "Ansökan – fonden för internationellt skolutbyte",
    mailto_body: "Hej!\n\nHär är vår ansökan till fonden för internationellt skolutbyte.\n\n(Glöm inte att bifoga PDF-filen som du laddade ner.)\n",

    resume_title: |when| format!("Du har en påbörjad ansökan från {when}"),
    resume_text: "Svaren är sparade i den här webbläsaren. Du kan fortsätta där du slutade eller börja om.",
    resume_continue: "Fortsätt med ansökan",
    resume_restart: "Börja om",
    restart_confirm_title: "Vill du börja om?",
    restart_confirm_text: "Alla svar och bifogade filer i den påbörjade ansökan tas bort från den här webbläsaren. Det går inte att ångra.",
    restart_confirm_yes: "Ja, ta bort svaren och börja om",
    restart_confirm_no: "Nej, gå tillbaka",
    forget_button: "Ta bort mina svar från den här datorn",
    forget_confirm_title: "Vill du ta bort dina svar från den här datorn?",
    forget_confirm_text: "Svaren och filerna tas bort från den här webbläsaren. Det går inte att ångra.",
    forget_confirm_yes: "Ja, ta bort mina svar",
    forgotten: "Dina svar och filer är borttagna från den här datorn.",
    saved_at: |day, month, hour, minute| {
        const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
        let month = MONTHS.get(month as usize).copied().unwrap_or("");
        format!("{day} {month} {hour:02}:{minute:02}")
    },
    storage_unavailable: "Webbläsaren tillåter inte att svaren sparas. Du kan fylla i ansökan ändå, men svaren försvinner om du stänger sidan. Spara utkastet som fil om du vill fortsätta senare.",
    storage_full: "Webbläsarens lagring är full, så dina senaste svar är inte sparade i webbläsaren. Spara utkastet som fil för att inte förlora något.",
    corrupt_notice: "Ett tidigare sparat utkast kunde inte läsas. Det är sparat undan i webbläsaren och ingenting har skrivits över. Kontakta Internationella enheten om du behöver det.",
    other_tab_text: "Ansökan har ändrats i en annan flik eller ett annat fönster. Svaren i den här fliken sparas inte förrän du har valt vilka svar som gäller.",
    other_tab_use: "Använd svaren från den andra fliken",
    other_tab_keep: "Behåll svaren i den här fliken",
    drafts_title: "Spara och fortsätt senare",
    open_draft_title: "Har du sparat ett utkast?",
    drafts_text: "Svaren sparas automatiskt i den här webbläsaren. Vill du fortsätta på en annan dator kan du spara ett utkast som fil och öppna det där. Filen innehåller bara svaren, inte bilagorna.",
    save_file: "Spara utkast som fil",
    open_file: "Öppna sparat utkast",
    file_loaded: "Utkastet är öppnat. Kontrollera svaren och fortsätt.",
    file_question_title: "Vill du ersätta dina svar med svaren i filen?",
    file_question_text: "Svaren i filen är inte desamma som dina svar i den här webbläsaren. Om du ersätter dem går dina nuvarande svar inte att få tillbaka, om du inte har sparat dem som fil.",
    file_replace: "Ersätt mina svar med filens",
    file_keep: "Behåll mina svar",
    file_kept: "Filen öppnades inte. Dina svar är kvar.",
    import_error: |error| match error {
        ImportError::Empty => "Filen är tom. Välj utkastet du sparade.".into(),
        ImportError::TooLarge { .. } => "Filen är för stor för att vara ett utkast. Välj utkastet du sparade, en fil som slutar på .json.".into(),
        ImportError::Truncated => "Filen är ofullständig, kanske avbröts nerladdningen. Spara utkastet på nytt och försök igen.".into(),
        ImportError::NotJson | ImportError::NotADraft => "Filen är inte ett utkast från det här formuläret. Välj filen som heter ansokan-utkast och slutar på .json.".into(),
        ImportError::NewerVersion { .. } => "Utkastet är sparat i en nyare version av formuläret. Ladda om sidan och försök igen.".into(),
        ImportError::WrongShape { path } => format!("Utkastet är skadat (fel vid {path}) och kan inte öppnas. Dina nuvarande svar är kvar."),
        ImportError::TextTooLong { max_chars } => format!("Utkastet har ett svar som är längre än {max_chars} tecken och kan inte öppnas."),
        ImportError::TooManyRows { max } => format!("Utkastet har fler än {max} rader och kan inte öppnas."),
    },

    config_errors_title: "Inställningsfel (till webbredaktören): de här inställningarna på sidan kunde inte användas. Formuläret använder standardvärden i stället.",
    config_problem: |problem| match problem {
        ConfigProblem::EndpointNotUrl => "ska vara en adress som börjar med https:// eller en sökväg på den här webbplatsen som börjar med ett enda / (http:// bara till 127.0.0.1 eller localhost, vid utveckling). Ansökan laddas ner i stället för att skickas",
        ConfigProblem::LocaleUnknown => "ska vara sv eller en",
        ConfigProblem::AmountInvalid => "ska vara ett belopp i kronor, till exempel 300 000",
        ConfigProblem::EmailInvalid => "ska vara en e-postadress",
        ConfigProblem::SchoolsInvalid => "ska vara en JSON-lista med id, name och type (municipal eller independent)",
        ConfigProblem::BooleanInvalid => "ska vara true eller false",
    },
    print_answers: "Skriv ut eller spara som PDF",
    sending: |attempt| if attempt <= 1 { "Skickar ansökan …".into() } else { format!("Skickar ansökan, försök {attempt} …") },
    download_application: "Ladda ner ansökan (PDF)",
    download_zip: "Ladda ner som zip-fil",
    download_zip_hint: "För system som läser JSON: zip-filen innehåller ansökan som ansokan.json, PDF-filen och bilagorna som separata filer.",
    preparing_download: "Ansökan görs i ordning för nerladdning …",
    reference_label: "Referensnummer",
    sent_title: "Ansökan är skickad",
    worker_unavailable: "Det gick inte att skicka eller ladda ner ansökan i den här webbläsaren just nu. Dina svar är kvar. Ladda om sidan och försök igen, eller spara utkastet som fil.",
    send_failed_title: "Ansökan är inte skickad",
    download_failed_title: "Ansökan kunde inte laddas ner",

    after_download_text: "Svaren finns kvar i den här webbläsaren tills du tar bort dem, högst 30 dagar. Använder andra också datorn? Ta bort dem när du har skickat filen.",

    pdf_title: "Ansökan till fonden för internationellt skolutbyte",
    pdf_page_of: "Sida {n} av {total}",
    pdf_reference: "Referens",
    pdf_created: "Skapad",
    pdf_description: "Beskrivning",
    pdf_amount: "Belopp",
    pdf_declaration: "Intygande",
    pdf_summary: "Sammanfattning",
    pdf_applicant: "Sökande",
    pdf_applicant_and_school: "Sökande och skola",
    pdf_email: "E-post",
    pdf_phone: "Telefon",
    pdf_role: "Söker som",
    pdf_kind: "Typ av ansökan",
    pdf_granted_project: "Beviljat projekt",
    pdf_project_period: "Projekttid",
    pdf_trip_period: |kind| match kind {
        Kind::ExchangeSending => "Resa",
        Kind::ExchangeReceiving => "Besök",
        Kind::InternshipAbroad => "Utlandsvistelse",
    },
    pdf_goals: "Mål",
    pdf_amount_applied: "Sökt belopp",
    pdf_principal: "Ansvarig rektor",
    pdf_declared: "Sökande {applicant} har intygat att uppgifterna är riktiga och att rektor {principal} har godkänt ansökan.",
    pdf_declared_at: "Intygat",
    pdf_office_use: "Kommunens anteckningar",
    pdf_office_fields: &["Diarienummer", "Beslut (beviljas / avslås)", "Beviljat belopp", "Datum", "Handläggare"],
    pdf_data_file: "Ansökan som data (JSON)",
    pdf_files_inside: "Filerna ovan finns inuti den här PDF-filen. Öppna dem från PDF-läsarens lista över bifogade filer (i Adobe Acrobat: gemet i sidopanelen).",

    money: format_sv,
    date: format_long_sv,
    message,
};

fn step_title(step: Step) -> &'static str {
    match step {
        Step::Start => "Ansök om bidrag ur fonden för internationellt skolutbyte",
        Step::Applicant => "Om dig och din skola",
        Step::Kind => "Vad söker du bidrag för?",
        Step::DatesDestination => "Datum och plats",
        Step::Participants => "Deltagare",
        Step::Description => "Mål, tema och beskrivning",
        Step::Activities => "Aktiviteter i tidsordning",
        Step::Support => "Vilket stöd får eleverna under utlandsvistelsen?",
        Step::Budget => "Budget",
        Step::Payment => "Utbetalning",
        Step::Attachments => "Bilagor",
        Step::CheckAnswers => "Kontrollera dina svar",
        Step::Declaration => "Intyga och skicka",
        Step::Confirmation => "Ansökan är klar att skicka",
    }
}

pub(super) fn format_size(bytes: u64, decimal: &str) -> String {
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let tenths_kb = bytes.saturating_mul(10) / 1024;
    if tenths_kb < 10240 {
        return format!("{}{decimal}{} kB", tenths_kb / 10, tenths_kb % 10);
    }
    let tenths_mb = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}{decimal}{} MB", tenths_mb / 10, tenths_mb % 10)
}

/// The trip, the visit or the stay abroad, by the kind of application (see the glossary
/// in README.md); "resan eller besöket" before the kind is chosen.
fn trip(kind: Option<Kind>) -> &'static str {
    match kind {
        Some(Kind::ExchangeSending) => "resan",
        Some(Kind::ExchangeReceiving) => "besöket",
        Some(Kind::InternshipAbroad) => "utlandsvistelsen",
        None => "resan eller besöket",
    }
}

/// What to ask for when an answer is missing: names the field and says what to do.
fn required(field: Field, kind: Option<Kind>) -> String {
    match field {
        Field::ApplicantName => "Ange ditt namn".into(),
        Field::ApplicantEmail => "Ange din e-postadress".into(),
        Field::ApplicantRole => "Välj om du söker som personal eller elev".into(),
        Field::School => "Välj skola".into(),
        Field::OtherSchoolName => "Ange skolans namn".into(),
        Field::OtherSchoolType => "Välj om skolan är kommunal eller fristående".into(),
        Field::Kind => "Välj vad du söker bidrag för".into(),
        Field::GrantedProject => "Ange vilket beviljat projekt eller utbyte det gäller".into(),
        Field::ProjectStart => "Ange när projektet börjar".into(),
        Field::ProjectEnd => "Ange när projektet slutar".into(),
        Field::TripStart => format!("Ange vilket datum {} börjar", trip(kind)),
        Field::TripEnd => format!("Ange vilket datum {} slutar", trip(kind)),
        Field::Country => "Ange land".into(),
        Field::Partner => "Ange partnerskola, organisation eller arbetsplats".into(),
        Field::Pupils => "Ange antal elever, till exempel 6".into(),
        Field::Staff => "Ange antal personal som deltar. Skriv 0 om ingen personal deltar".into(),
        Field::Goals => "Beskriv målen".into(),
        Field::Theme => "Ange ett tema".into(),
        Field::ActivityDate(i) => format!("Ange datum för aktivitet {}", i + 1),
        Field::ActivityPhase(i) => {
            format!("Välj vilken del av projektet aktivitet {} hör till", i + 1)
        }
        Field::ActivityDescription(i) => format!("Beskriv vad som händer i aktivitet {}", i + 1),
        Field::SupportMeasures => "Beskriv vilket stöd eleverna får under utlandsvistelsen".into(),
        Field::BudgetCategory(i) => format!("Välj kategori för kostnad {}", i + 1),
        Field::BudgetDescription(i) => format!("Beskriv vad kostnad {} gäller", i + 1),
        Field::BudgetAmount(i) => format!("Ange belopp för kostnad {}, till exempel 12 500", i + 1),
        Field::AmountApplied => "Ange hur mycket du söker ur fonden".into(),
        Field::PrincipalName => "Ange ansvarig rektors namn".into(),
        Field::PrincipalEmail => "Ange ansvarig rektors e-postadress".into(),
        Field::GiroMethod => "Välj bankgiro eller plusgiro".into(),
        Field::GiroNumber => "Ange bankgiro- eller plusgironumret".into(),
        Field::AccountSegment(segment) => format!("Ange {} i kontosträngen", segment_name(segment)),
        other => format!("Fyll i {}", field_name(other, kind)),
    }
}

fn segment_name(segment: Segment) -> &'static str {
    match segment {
        Segment::Ansvar => "ansvar",
        Segment::Verksamhet => "verksamhet",
        Segment::Fri => "fri",
        Segment::Projekt => "projekt",
        Segment::Objekt => "objekt",
    }
}

/// A field's name inside a sentence.
fn field_name(field: Field, kind: Option<Kind>) -> String {
    match field {
        Field::ApplicantName => "ditt namn".into(),
        Field::ApplicantEmail => "din e-postadress".into(),
        Field::ApplicantPhone => "telefonnumret".into(),
        Field::OtherSchoolName => "skolans namn".into(),
        Field::GrantedProject => "projektets namn".into(),
        Field::ProjectStart => "projektets startdatum".into(),
        Field::ProjectEnd => "projektets slutdatum".into(),
        Field::TripStart => format!("startdatumet för {}", trip(kind)),
        Field::TripEnd => format!("slutdatumet för {}", trip(kind)),
        Field::Country => "land".into(),
        Field::Place => "ort".into(),
        Field::Partner => "partner".into(),
        Field::Pupils => "antal elever".into(),
        Field::Staff => "antal personal".into(),
        Field::Group => "årskurs eller program".into(),
        Field::Goals => "målen".into(),
        Field::Theme => "temat".into(),
        Field::Summary => "beskrivningen".into(),
        Field::ActivityDate(i) => format!("datumet för aktivitet {}", i + 1),
        Field::ActivityDescription(i) => format!("beskrivningen av aktivitet {}", i + 1),
        Field::SupportMeasures => "stödet till eleverna".into(),
        Field::BudgetRows => "summan av kostnaderna".into(),
        Field::BudgetDescription(i) => format!("beskrivningen av kostnad {}", i + 1),
        Field::BudgetAmount(i) => format!("beloppet för kostnad {}", i + 1),
        Field::OtherFunding => "annan finansiering".into(),
        Field::AmountApplied => "beloppet du söker".into(),
        Field::PrincipalName => "ansvarig rektors namn".into(),
        Field::PrincipalEmail => "ansvarig rektors e-postadress".into(),
        Field::GiroNumber => "numret".into(),
        Field::AccountSegment(segment) => segment_name(segment).into(),
        _ => "svaret".into(),
    }
}

fn iso_param(problem: &Problem, key: &str) -> String {
    let iso = problem
        .params()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
        .unwrap_or_default();
    crate::domain::dates::parse_date(&iso)
        .map(format_long_sv)
        .unwrap_or(iso)
}

/// "1–6 siffror", "4 siffror", "1–8 tecken (bokstäverna A–Z eller siffror)".
fn segment_length(allowed: Allowed) -> String {
    let count = if allowed.min_len == allowed.max_len {
        allowed.max_len.to_string()
    } else {
        format!("{}–{}", allowed.min_len, allowed.max_len)
    };
    match allowed.charset {
        Charset::Digits if allowed.max_len == 1 => format!("{count} siffra"),
        Charset::Digits => format!("{count} siffror"),
        Charset::Alphanumeric => format!("{count} tecken (bokstäverna A–Z eller siffror)"),
    }
}

fn message(field: Field, problem: &Problem, kind: Option<Kind>) -> String {
    let name = field_name(field, kind);
    let trip = trip(kind);
    match problem {
        Problem::Required => required(field, kind),
        Problem::TooLong { max } => format!("Korta ner {name} till högst {max} tecken"),
        Problem::InvalidEmail => format!("Ange {name} i rätt format, till exempel namn@skelleftea.se"),
        Problem::InvalidCount => format!("Ange {name} med siffror, till exempel 6"),
        Problem::CountTooLarge { max } => {
            format!("{} kan vara högst {max}. Kontrollera antalet", capitalise(&name))
        }
        Problem::NoParticipants => "Ange minst en elev eller en i personalen som deltar".into(),
        Problem::PupilsRequired => match kind {
            Some(Kind::InternshipAbroad) => {
                "Praktik och gymnasiearbete utomlands kräver minst en elev. Ange antal elever".into()
            }
            _ => "Ansökan måste gälla minst en elev. Ange antal elever som deltar".into(),
        },
        Problem::Date(error) => match error {
            DateError::TwoDigitYear => format!("Skriv året i {name} med fyra siffror, till exempel 2027"),
            DateError::ImpossibleDate => format!("{} måste vara ett riktigt datum", capitalise(&name)),
            DateError::YearOutOfRange => {
                format!("Kontrollera året i {name}. Skriv det med fyra siffror, till exempel 2027")
            }
            DateError::Empty | DateError::Invalid => {
                format!("Ange {name} med år, månad och dag, till exempel 2027 3 15")
            }
        },
        Problem::EndBeforeStart { .. } => format!(
            "{} måste vara samma dag som eller efter {}",
            capitalise(&name),
            iso_param(problem, "start")
        ),
        Problem::TripBeforeProject { .. } => format!(
            "{} kan inte börja före projektet, som börjar {}. Ändra något av datumen",
            capitalise(trip),
            iso_param(problem, "project_start")
        ),
        Problem::TripAfterProject { .. } => format!(
            "{} kan inte sluta efter projektet, som slutar {}. Ändra något av datumen",
            capitalise(trip),
            iso_param(problem, "project_end")
        ),
        Problem::NoActivities => format!(
            "Lägg till minst en aktivitet för varje del: förberedelser, genomförande ({trip}) och efterarbete"
        ),
        Problem::MissingPhase(phase) => match phase {
            Phase::Preparation => "Lägg till minst en aktivitet för förberedelser".into(),
            Phase::Trip => format!("Lägg till minst en aktivitet för genomförande ({trip})"),
            Phase::FollowUp => "Lägg till minst en aktivitet för efterarbete".into(),
        },
        Problem::ActivitiesOutOfOrder { .. } => format!(
            "Aktiviteterna ska stå i tidsordning: {name} är före förra aktivitetens datum, {}. Flytta upp aktiviteten eller ändra datumet",
            iso_param(problem, "previous")
        ),
        Problem::PreparationAfterTripStart { .. } => format!(
            "Förberedelser ska vara senast den dag {trip} börjar, {}. Ändra datumet eller välj en annan del",
            iso_param(problem, "trip_start")
        ),
        Problem::TripActivityOutsideTrip { .. } => format!(
            "Aktiviteter under genomförandet ska vara mellan {} och {}, när {trip} pågår. Ändra datumet eller välj en annan del",
            iso_param(problem, "trip_start"),
            iso_param(problem, "trip_end")
        ),
        Problem::FollowUpBeforeTripEnd { .. } => format!(
            "Efterarbete ska vara samma dag som {trip} slutar, {}, eller senare. Ändra datumet eller välj en annan del",
            iso_param(problem, "trip_end")
        ),
        Problem::Money(error) => match error {
            MoneyError::AmbiguousSeparator => format!(
                "Skriv {name} utan punkt eller komma mellan tusentalen, till exempel 1500 eller 1 500. Öre skrivs efter komma: 1 500,50"
            ),
            MoneyError::TooManyDecimals => format!("Ange {name} med högst två decimaler, till exempel 1 500,50"),
            MoneyError::TooLarge => format!(
                "{} har för många siffror. Ange högst {}",
                capitalise(&name),
                format_sv(Money::from_ore(MAX_PARSED_ORE))
            ),
            MoneyError::Empty | MoneyError::Invalid => {
                format!("Ange {name} i kronor med siffror, till exempel 12 500")
            }
        },
        Problem::AmountNotPositive => format!("{} måste vara mer än 0 kr", capitalise(&name)),
        Problem::NegativeAmount => format!("Ange {name} utan minustecken"),
        Problem::NoBudgetRows => "Lägg till minst en kostnad i budgeten".into(),
        Problem::TotalMismatch { computed } => format!(
            "Den angivna summan stämmer inte med raderna, som blir {}",
            format_sv(*computed)
        ),
        Problem::OtherFundingExceedsTotal { total } => format!(
            "Annan finansiering kan vara högst de totala kostnaderna, {}. Kontrollera beloppen",
            format_sv(*total)
        ),
        Problem::AppliedExceedsNeed { max } => format!(
            "Du kan söka högst {}: de totala kostnaderna minus annan finansiering",
            format_sv(*max)
        ),
        Problem::AppliedExceedsFund { max } => format!(
            "Du kan söka högst {}, fondens belopp för ett år",
            format_sv(*max)
        ),
        Problem::Bankgiro(error) => giro_message(error, GiroMethod::Bankgiro),
        Problem::Plusgiro(error) => giro_message(error, GiroMethod::Plusgiro),
        Problem::Segment(error) => match error {
            SegmentError::Missing => required(field, kind),
            SegmentError::TooShort(allowed) | SegmentError::TooLong(allowed) => format!(
                "{} i kontosträngen ska ha {}",
                capitalise(&name),
                segment_length(*allowed)
            ),
            SegmentError::InvalidCharacters(allowed) => match allowed.charset {
                Charset::Digits => format!(
                    "{} i kontosträngen får bara innehålla siffror. Ta bort bokstäver, mellanslag och andra tecken",
                    capitalise(&name)
                ),
                Charset::Alphanumeric => format!(
                    "{} i kontosträngen får bara innehålla bokstäverna A–Z och siffror. Ta bort mellanslag, bindestreck och andra tecken",
                    capitalise(&name)
                ),
            },
        },
        Problem::AccountString(_) => "Kontosträngen har för många delar. Ange högst fem: Ansvar / Verksamhet / Fri / Projekt / Objekt".into(),
        Problem::PaymentMethodMismatch => "Kommunala skolor anger kontosträng, fristående skolor bankgiro eller plusgiro".into(),
        Problem::UnknownSchool => "Skolan finns inte längre i listan. Välj skola igen".into(),
        Problem::NotConfirmed => "Bekräfta att uppgifterna är riktiga och att ansvarig rektor har godkänt ansökan".into(),
        Problem::FileEmpty => "Den valda filen är tom. Välj en fil med innehåll".into(),
        Problem::FileTooLarge { max_bytes } => format!("Den valda filen är för stor. Välj en fil som är högst {}", format_size(*max_bytes, ",")),
        Problem::FileWrongType { allowed } => format!("Den valda filen har fel filtyp. Välj en fil av typen {allowed}"),
        Problem::FilesTooLarge { max_total_bytes } => format!("Filerna får vara högst {} tillsammans. Välj en mindre fil eller ta bort en fil först", format_size(*max_total_bytes, ",")),
        Problem::TooManyFiles { max } => format!("Du kan bifoga högst {max} filer. Ta bort en fil först"),
        Problem::Reported { sv, .. } => sv.clone(),
    }
}

fn giro_message(error: &GiroError, method: GiroMethod) -> String {
    let (name, definite, digits, example) = match method {
        GiroMethod::Bankgiro => (
            "bankgironummer",
            "bankgironumret",
            "sju eller åtta siffror",
            "5402-9681",
        ),
        GiroMethod::Plusgiro => (
            "plusgironummer",
            "plusgironumret",
            "två till åtta siffror",
            "410 54 68-5",
        ),
    };
    match error {
        GiroError::Empty => format!("Ange ett {name}"),
        GiroError::InvalidCharacters => {
            format!("Ange ett {name} med bara siffror, mellanslag och bindestreck, till exempel {example}")
        }
        GiroError::TooShort | GiroError::TooLong => {
            format!("Ange ett {name} med {digits}, till exempel {example}")
        }
        // A check digit that does not add up is almost always a typo, not a missing account.
        GiroError::CheckDigit => format!("Kontrollera {definite}, en siffra kan vara fel"),
        GiroError::AllZeros => {
            format!("Kontrollera {definite}. Ett {name} kan inte bestå av bara nollor")
        }
    }
}

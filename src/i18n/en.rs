//! English (British, GOV.UK style). Swedish in `sv.rs` is the source of truth.

use super::{capitalise, Texts};
use crate::domain::account_string::{Allowed, Charset, Segment, SegmentError};
use crate::domain::application::{BudgetCategory, Kind, Phase, Role, SchoolType};
use crate::domain::config::ConfigProblem;
use crate::domain::dates::{format_long_en, DateError};
use crate::domain::draft::GiroMethod;
use crate::domain::draft_file::ImportError;
use crate::domain::field::Field;
use crate::domain::giro::GiroError;
use crate::domain::money::{format_en, Money, MoneyError, MAX_PARSED_ORE};
use crate::domain::problem::Problem;
use crate::domain::step::Step;

pub static TEXTS: Texts = Texts {
    lang: "en",
    app_title: "Apply to the fund for international school exchange",
    organisation: "Skellefteå kommun",
    other_language_name: "Svenska",
    other_language_code: "sv",
    back: "Back",
    continue_button: "Continue",
    optional: "(optional)",
    error_prefix: "Error:",
    error_summary_title: "There is a problem",
    step_of: |n, total| format!("Step {n} of {total}"),
    step_title,
    not_provided: "Not provided",
    change: "Change",
    remove: "Remove",
    move_up: "Move up",
    move_down: "Move down",
    date_year: "Year",
    date_month: "Month",
    date_day: "Day",
    date_hint: "For example, 2027 3 15",
    new_question_shown: "A new question has appeared below your answer.",

    start_lead: "Compulsory and upper-secondary schools in Skellefteå Municipality can apply for a grant from the Municipal Executive Board's fund for international school exchange. The fund gives out SEK 300,000 each year.",
    start_what_title: "What you can get a grant for",
    start_what_items: &[
        "An international project or exchange that has already been approved: costs that the regular project funding does not cover, such as meals, gifts, experiences or transport when you host visitors.",
        "Groups and individual pupils going abroad for a work placement or an upper-secondary diploma project (gymnasiearbete): such as travel, accommodation, gifts, vaccinations and costs for accompanying staff.",
    ],
    start_who_title: "Who can apply",
    start_who_text: "Pupils and staff at all compulsory and upper-secondary schools in Skellefteå Municipality, both municipal and independent. A teacher, another member of staff or a pupil fills in the application. The responsible headteacher must approve it.",
    start_need_title: "What you need",
    start_need_items: &[
        "the dates of the project and of the trip, visit or stay abroad",
        "the participants, goals, theme and activities in date order",
        "a budget with the costs and any other funding",
        "an account string (kontosträng) for a municipal school, or a bankgiro or plusgiro number for an independent school",
        "the name and email address of the responsible headteacher",
    ],
    start_time_text: "It takes about 20 minutes. Your answers and files are saved in this browser while you fill in the form, so you can continue later. Do others use this computer too? Choose “Remove my answers from this computer” at the bottom of the page when you are done.",
    start_privacy_title: "Your personal information",
    start_privacy_controller: |controller| format!("The controller of your personal data is {controller}. We process the names and contact details of you and the responsible headteacher, and information about the school and the project, to handle the application, decide on the grant, pay it and follow up how the fund is used."),
    start_privacy_paragraphs: &[
        "We may process this data because it is needed to perform a task in the public interest: the municipality's handling of grants (Article 6(1)(e) of the General Data Protection Regulation).",
        "The International Unit (Internationella enheten) at Skellefteå Municipality receives the application, and it becomes a public document. It is kept for as long as the municipality's records management plan says, and then archived or disposed of under the Archives Act (arkivlagen).",
        "You have the right to know what data about you we process, to have wrong data corrected and to ask us to restrict the processing. You can object to the processing, and have data erased where the law allows it: a public document may only be disposed of under the archive rules. You can complain to the Swedish Authority for Privacy Protection (Integritetsskyddsmyndigheten, IMY).",
        "Do not write pupils' names or personal identity numbers (personnummer), in your answers or in attached files. Give the number of pupils instead. Never write anything about pupils with protected personal details.",
    ],
    start_privacy_contact: |dpo, phone| format!("For questions about how we process personal data, contact the municipality's data protection officer, {dpo}. You can also call Skellefteå Municipality on {phone}."),
    start_privacy_browser: "While you fill in the form, your answers and files are only in this browser, not with the municipality. They are removed when the application has been sent from here, when you choose Start again or Remove my answers, and otherwise 30 days after your last change.",
    start_advice_title: "Get advice",
    start_advice_text: "Femtioettan at Ungdomens Hus is a Eurodesk office that gives tips and advice about time abroad and EU programmes. The International Unit (Internationella enheten) can help you with the application.",
    start_advice_link: "Eurodesk at Femtioettan",
    start_button: "Start application",

    applicant_name: "Your name",
    applicant_email: "Your email address",
    applicant_email_hint: "We will send the decision about the application to this address.",
    applicant_phone: "Your phone number",
    role_legend: "Are you applying as a member of staff or as a pupil?",
    role: |role| match role {
        Role::Staff => "Teacher or other member of staff",
        Role::Pupil => "Pupil",
    },
    school: "School",
    school_hint: "Select the school that is applying. If it is not in the list, select the last option.",
    school_choose: "Select a school",
    school_other: "The school is not in the list",
    other_school_name: "Name of the school",
    other_school_name_hint: "The fund is for compulsory and upper-secondary schools in Skellefteå Municipality, both municipal and independent.",
    other_school_type: "Is the school municipal or independent?",
    school_type: |t| match t {
        SchoolType::Municipal => "Municipal school",
        SchoolType::Independent => "Independent school",
    },

    kind_legend: "What do you want a grant for?",
    kind: |k| match k {
        Kind::ExchangeReceiving => "An approved project or exchange where we host visitors",
        Kind::ExchangeSending => "An approved project or exchange where we travel to our partner",
        Kind::InternshipAbroad => "A work placement or upper-secondary diploma project (gymnasiearbete) abroad",
    },
    kind_hint: |k| match k {
        Kind::ExchangeReceiving => "Costs that the regular project funding does not cover, such as meals, gifts, experiences or transport for the visitors.",
        Kind::ExchangeSending => "Costs for the trip that the regular project funding does not cover.",
        Kind::InternshipAbroad => "For groups or individual pupils: travel, accommodation, gifts, vaccinations and accompanying staff.",
    },
    granted_project: "Which approved project or exchange is this for?",
    granted_project_hint: "For example, Erasmus+ and the project number.",

    project_start: "When does the project start?",
    project_start_hint: "Include the time for preparation. For example, 2027 1 15",
    project_end: "When does the project end?",
    project_end_hint: "Include the time for follow-up. For example, 2027 6 10",
    trip_start: |kind| match kind {
        Some(Kind::ExchangeSending) => "What date does the trip start?",
        Some(Kind::ExchangeReceiving) => "What date does the visit start?",
        Some(Kind::InternshipAbroad) => "What date does the stay abroad start?",
        None => "What date does the trip or visit start?",
    },
    trip_end: |kind| match kind {
        Some(Kind::ExchangeSending) => "What date does the trip end?",
        Some(Kind::ExchangeReceiving) => "What date does the visit end?",
        Some(Kind::InternshipAbroad) => "What date does the stay abroad end?",
        None => "What date does the trip or visit end?",
    },
    trip_end_hint: "For example, 2027 3 22",
    destination_heading: "Place and partner",
    country: "Country",
    country_hint: "The country you are travelling to, or the country the visitors are coming from.",
    place: "Town or city",
    partner: "Partner school, organisation or workplace",
    partner_hint: "For a work placement or diploma project: the workplace or organisation that is hosting the pupils.",

    pupils: "Number of pupils",
    pupils_hint: "The pupils from your school who are taking part.",
    staff: "Number of staff taking part",
    staff_hint: "Teachers and other staff from your school. Enter 0 if no staff are taking part.",
    group: "Year group or programme",
    group_hint: "For example, year 8, or year 3 of the Electricity and Energy Programme (El- och energiprogrammet).",
    names_warning: "Do not write pupils' names. The application becomes a public document that anyone can ask to read.",
    names_warning_files: "Do not attach files with pupils' names, such as lists of participants. Attachments become public documents too.",

    goals: "What are the goals?",
    goals_hint: "What should the pupils learn or achieve?",
    theme: "Theme",
    theme_hint: "For example, sustainable energy, democracy or languages.",
    summary: "Give a short description of the project",
    summary_hint: "Include anything that the goals and activities do not already cover.",

    activities_hint: |kind| {
        let trip = trip(kind);
        format!("Include at least 1 activity for each part of the project, in date order: preparation, implementation ({trip}) and follow-up.")
    },
    activity_legend: |n| format!("Activity {n}"),
    activity_date: "Date",
    activity_phase: "Part of the project",
    phase: |p| match p {
        Phase::Preparation => "Preparation",
        Phase::Trip => "Implementation",
        Phase::FollowUp => "Follow-up",
    },
    phase_choose: "Select a part",
    activity_description: "What happens?",
    add_activity: "Add an activity",
    no_activities: "No activities added yet.",

    support_hint: "For example, contact with supervisors, how pupils can reach the school, and what you will do if something happens.",

    budget_hint: "Add a row for each cost. The amounts are added up as you type.",
    budget_granted_note: "The grant only covers costs that the project's regular funding does not cover. Only include those costs here. You can attach the decision on your approved project or exchange on the Attachments page.",
    budget_row_legend: |n| format!("Cost {n}"),
    budget_category: "Category",
    category: |c| match c {
        BudgetCategory::Travel => "Travel",
        BudgetCategory::Lodging => "Accommodation",
        BudgetCategory::Meals => "Meals",
        BudgetCategory::Gifts => "Gifts",
        BudgetCategory::Experiences => "Experiences and activities",
        BudgetCategory::LocalTransport => "Local transport",
        BudgetCategory::Vaccinations => "Vaccinations",
        BudgetCategory::StaffCosts => "Accompanying staff",
        BudgetCategory::Other => "Other",
    },
    category_choose: "Select a category",
    budget_description: "What is the cost for?",
    budget_amount: "Amount in kronor (SEK)",
    amount_hint: "For example, 12500",
    add_budget_row: "Add a cost",
    totals_title: "Total",
    totals_total: "Total costs",
    totals_not_counted: |n| {
        if n == 1 {
            "1 amount is missing or cannot be read, so it is not included.".to_string()
        } else {
            format!("{n} amounts are missing or cannot be read, so they are not included.")
        }
    },
    other_funding: "Other funding",
    other_funding_hint: "For example, from the school's own budget, parents or sponsors. Leave this empty if you do not have any.",
    amount_applied: "Amount you are applying for from the fund",
    amount_applied_max: |max| match max {
        Some(max) => format!("You can apply for up to {max}. This is the costs minus other funding, and no more than the fund's yearly amount."),
        None => "No more than the total costs minus other funding. The amount is shown here once you have entered the costs.".into(),
    },

    principal_intro: "The grant is paid to the responsible headteacher.",
    principal_name: "Name of the responsible headteacher",
    principal_email: "Responsible headteacher's email address",
    account_legend: "Account string (kontosträng)",
    account_hint: "Municipal schools enter an account string in the order Ansvar (responsibility) / Verksamhet (activity) / Fri (free) / Projekt (project) / Objekt (object). Ask the responsible headteacher or the school's finance officer if you do not know it.",
    segment: |s| match s {
        Segment::Ansvar => "Ansvar",
        Segment::Verksamhet => "Verksamhet",
        Segment::Fri => "Fri",
        Segment::Projekt => "Projekt",
        Segment::Objekt => "Objekt",
    },
    giro_method: "How should the grant be paid to the independent school?",
    giro: |g| match g {
        GiroMethod::Bankgiro => "Bankgiro",
        GiroMethod::Plusgiro => "Plusgiro (postgiro)",
    },
    giro_number: "Number",
    giro_hint: |g| match g {
        GiroMethod::Bankgiro => "7 or 8 digits. For example, 5402-9681",
        GiroMethod::Plusgiro => "2 to 8 digits. For example, 410 54 68-5",
    },
    payment_needs_school: "Select the school that is applying first. Then we will know whether to ask for an account string or a bankgiro or plusgiro number.",

    attachments_intro: "You can attach, for example, the decision on an approved project or exchange, an invitation from the partner or the school's own budget.",
    attachments_rules: |max_mb, total_mb, types| format!("Each file must be {max_mb} MB or smaller, and all files together {total_mb} MB or smaller. Allowed file types: {types}."),
    attachments_choose: "Choose files to attach",
    attachments_none: "No files attached.",
    attachments_not_sent: "The files are not sent with the application from here, only your answers. E-mail the files to Internationella enheten once the application is sent, and include its reference number.",
    attachments_kept: "The files are saved in this browser with your answers. A draft you save as a file holds only your answers.",
    attachments_not_stored: |names| format!("{names} could not be saved in the browser (its storage is turned off or full). The file stays attached until you reload or close the page."),
    attachments_list_title: "Attached files",
    file_size: format_size,

    check_intro: "Read through your answers. You can change an answer before you send the application.",
    check_sent_text: "Your application has been sent and cannot be changed here. Contact the International Unit (Internationella enheten) if anything needs to change.",
    declaration_text: "The application becomes a public document when the municipality receives it.",
    declaration_label: |principal| match principal {
        "" => "I confirm that the information is correct and that the responsible headteacher has approved the application.".into(),
        name => format!("I confirm that the information is correct and that the responsible headteacher, {name}, has approved the application."),
    },
    send_button: "Send application",
    ready_button: "Make the application ready to send",

    confirmation_panel: "Application complete",
    confirmation_next_title: "What happens next",
    confirmation_next_text: "The International Unit (Internationella enheten) registers the application when it arrives and decides on the grant. You and the responsible headteacher will get the decision by email.",
    confirmation_contact: "If you have any questions, contact the International Unit (Internationella enheten) at Skellefteå Municipality.",
    contact_email_label: "Email",
    contact_phone_label: "Telephone",
    sent_answers_link: "See the answers that were sent",
    changes_not_sent: "Changes you made while the application was being sent were not included. Contact the International Unit (Internationella enheten) if anything needs to change.",
    hand_in_intro: "The application has not been sent yet. To send it:",
    hand_in_download: "Download the application as a PDF file.",
    hand_in_email: "Email the PDF file to the International Unit (Internationella enheten):",
    hand_in_no_address: |phone| format!("Email the PDF file to the International Unit (Internationella enheten) at Skellefteå Municipality, with the school's name in the subject line. Don't know the address? Call {phone}."),
    mailto_subject: "Application – fund for international school exchange",
    mailto_body: "Hello,\n\nHere is our application to the fund for international school exchange.\n\n(Remember to attach the PDF file you downloaded.)\n",

    resume_title: |when| format!("You have an application in progress from {when}"),
    resume_text: "Your answers are saved in this browser. You can continue where you left off or start again.",
    resume_continue: "Continue with the application",
    resume_restart: "Start again",
    restart_confirm_title: "Do you want to start again?",
    restart_confirm_text: "All answers and attached files in the application in progress will be removed from this browser. This cannot be undone.",
    restart_confirm_yes: "Yes, remove my answers and start again",
    restart_confirm_no: "No, go back",
    forget_button: "Remove my answers from this computer",
    forget_confirm_title: "Do you want to remove your answers from this computer?",
    forget_confirm_text: "Your answers and files will be removed from this browser. This cannot be undone.",
    forget_confirm_yes: "Yes, remove my answers",
    forgotten: "Your answers and files have been removed from this computer.",
    saved_at: |day, month, hour, minute| {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let month = MONTHS.get(month as usize).copied().unwrap_or("");
        format!("{day} {month} {hour:02}:{minute:02}")
    },
    storage_unavailable: "Your browser does not allow your answers to be saved. You can still fill in the application, but your answers will be lost if you close the page. Save a draft as a file if you want to continue later.",
    storage_full: "Your browser's storage is full, so your latest answers are not saved in the browser. Save a draft as a file so you do not lose anything.",
    corrupt_notice: "A draft saved earlier could not be read. It has been kept aside in the browser and nothing has been overwritten. Contact the International Unit (Internationella enheten) if you need it.",
    other_tab_text: "The application has been changed in another tab or window. Answers in this tab will not be saved until you choose which answers to keep.",
    other_tab_use: "Use the answers from the other tab",
    other_tab_keep: "Keep the answers in this tab",
    drafts_title: "Save and continue later",
    open_draft_title: "Have you saved a draft?",
    drafts_text: "Your answers are saved automatically in this browser. To continue on another computer, save a draft as a file and open it there. The file holds your answers, not the attachments.",
    save_file: "Save draft as file",
    open_file: "Open saved draft",
    file_loaded: "The draft is open. Check your answers and continue.",
    file_question_title: "Replace your answers with the answers in the file?",
    file_question_text: "The answers in the file are not the same as your answers in this browser. If you replace them, your current answers cannot be recovered unless you have saved them as a file.",
    file_replace: "Replace my answers with the file's",
    file_keep: "Keep my answers",
    file_kept: "The file was not opened. Your answers are unchanged.",
    import_error: |error| match error {
        ImportError::Empty => "The file is empty. Choose the draft you saved.".into(),
        ImportError::TooLarge { .. } => "The file is too large to be a draft. Choose the draft you saved, a file ending in .json.".into(),
        ImportError::Truncated => "The file is incomplete; perhaps the download was interrupted. Save the draft again and try again.".into(),
        ImportError::NotJson | ImportError::NotADraft => "The file is not a draft from this form. Choose the file called ansokan-utkast ending in .json.".into(),
        ImportError::NewerVersion { .. } => "The draft was saved by a newer version of the form. Reload the page and try again.".into(),
        ImportError::WrongShape { path } => format!("The draft is damaged (error at {path}) and cannot be opened. Your current answers are unchanged."),
        ImportError::TextTooLong { max_chars } => format!("The draft has an answer longer than {max_chars} characters and cannot be opened."),
        ImportError::TooManyRows { max } => format!("The draft has more than {max} rows and cannot be opened."),
    },

    config_errors_title: "Settings error (for the web editor): these settings on the page could not be used. The form uses the defaults instead.",
    config_problem: |problem| match problem {
        ConfigProblem::EndpointNotUrl => "must be an address starting with https:// or a path on this website starting with a single / (http:// only to 127.0.0.1 or localhost, for development). The application is downloaded instead of sent",
        ConfigProblem::LocaleUnknown => "must be sv or en",
        ConfigProblem::AmountInvalid => "must be an amount in kronor, like 300000",
        ConfigProblem::EmailInvalid => "must be an email address",
        ConfigProblem::SchoolsInvalid => "must be a JSON list with id, name and type (municipal or independent)",
        ConfigProblem::BooleanInvalid => "must be true or false",
    },
    print_answers: "Print or save as PDF",
    sending: |attempt| if attempt <= 1 { "Sending your application…".into() } else { format!("Sending your application, attempt {attempt}…") },
    download_application: "Download the application (PDF)",
    download_zip: "Download as a zip file",
    download_zip_hint: "For systems that read JSON: the zip file holds the application as ansokan.json, the PDF and the attachments as separate files.",
    preparing_download: "Preparing the application for download…",
    reference_label: "Reference number",
    sent_title: "Application sent",
    worker_unavailable: "The application cannot be sent or downloaded in this browser right now. Your answers are kept. Reload the page and try again, or save the draft as a file.",
    send_failed_title: "The application has not been sent",
    download_failed_title: "The application could not be downloaded",

    after_download_text: "Your answers stay in this browser until you remove them, for at most 30 days. Do others use this computer too? Remove them once you have sent the file.",

    pdf_title: "Application to the fund for international school exchange",
    pdf_page_of: "Page {n} of {total}",
    pdf_reference: "Reference",
    pdf_created: "Created",
    pdf_description: "Description",
    pdf_amount: "Amount",
    pdf_declaration: "Declaration",
    pdf_summary: "Summary",
    pdf_applicant: "Applicant",
    pdf_applicant_and_school: "Applicant and school",
    pdf_email: "Email",
    pdf_phone: "Phone",
    pdf_role: "Applying as",
    pdf_kind: "Type of application",
    pdf_granted_project: "Approved project",
    pdf_project_period: "Project period",
    pdf_trip_period: |kind| match kind {
        Kind::ExchangeSending => "Trip",
        Kind::ExchangeReceiving => "Visit",
        Kind::InternshipAbroad => "Stay abroad",
    },
    pdf_goals: "Goals",
    pdf_amount_applied: "Amount applied for",
    pdf_principal: "Responsible headteacher",
    pdf_declared: "The applicant, {applicant}, has declared that the information is correct and that the headteacher, {principal}, has approved the application.",
    pdf_declared_at: "Declared",
    pdf_office_use: "For the municipality's use",
    pdf_office_fields: &["Registration number (diarienummer)", "Decision (granted / refused)", "Amount granted", "Date", "Case officer"],
    pdf_data_file: "The application as data (JSON)",
    pdf_files_inside: "The files above are inside this PDF file. Open them from your PDF reader's list of attachments (in Adobe Acrobat: the paper clip in the side panel).",

    money: format_en,
    date: format_long_en,
    message,
};

fn step_title(step: Step) -> &'static str {
    match step {
        Step::Start => "Apply for a grant from the fund for international school exchange",
        Step::Applicant => "About you and your school",
        Step::Kind => "What do you want a grant for?",
        Step::DatesDestination => "Dates and place",
        Step::Participants => "Participants",
        Step::Description => "Goals, theme and description",
        Step::Activities => "Activities in date order",
        Step::Support => "What support will pupils get during their stay abroad?",
        Step::Budget => "Budget",
        Step::Payment => "Payment",
        Step::Attachments => "Attachments",
        Step::CheckAnswers => "Check your answers",
        Step::Declaration => "Confirm and send",
        Step::Confirmation => "Your application is ready to send",
    }
}

/// "512 B", "1.5 kB", "2.0 MB".
fn format_size(bytes: u64) -> String {
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let tenths_kb = bytes.saturating_mul(10) / 1024;
    if tenths_kb < 10240 {
        return format!("{}.{} kB", tenths_kb / 10, tenths_kb % 10);
    }
    let tenths_mb = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{} MB", tenths_mb / 10, tenths_mb % 10)
}

/// The trip, the visit or the stay abroad, by the kind of application (see the glossary
/// in README.md); "the trip or visit" before the kind is chosen.
fn trip(kind: Option<Kind>) -> &'static str {
    match kind {
        Some(Kind::ExchangeSending) => "the trip",
        Some(Kind::ExchangeReceiving) => "the visit",
        Some(Kind::InternshipAbroad) => "the stay abroad",
        None => "the trip or visit",
    }
}

/// What to ask for when an answer is missing: names the field and says what to do.
fn required(field: Field, kind: Option<Kind>) -> String {
    match field {
        Field::ApplicantName => "Enter your name".into(),
        Field::ApplicantEmail => "Enter your email address".into(),
        Field::ApplicantRole => {
            "Select whether you are applying as a member of staff or as a pupil".into()
        }
        Field::School => "Select a school".into(),
        Field::OtherSchoolName => "Enter the name of the school".into(),
        Field::OtherSchoolType => "Select whether the school is municipal or independent".into(),
        Field::Kind => "Select what you want a grant for".into(),
        Field::GrantedProject => "Enter which approved project or exchange this is for".into(),
        Field::ProjectStart => "Enter the date the project starts".into(),
        Field::ProjectEnd => "Enter the date the project ends".into(),
        Field::TripStart => format!("Enter the date {} starts", trip(kind)),
        Field::TripEnd => format!("Enter the date {} ends", trip(kind)),
        Field::Country => "Enter a country".into(),
        Field::Partner => "Enter the partner school, organisation or workplace".into(),
        Field::Pupils => "Enter the number of pupils, like 6".into(),
        Field::Staff => {
            "Enter the number of staff taking part. Enter 0 if no staff are taking part".into()
        }
        Field::Goals => "Describe the goals".into(),
        Field::Theme => "Enter a theme".into(),
        Field::ActivityDate(i) => format!("Enter a date for activity {}", i + 1),
        Field::ActivityPhase(i) => {
            format!(
                "Select which part of the project activity {} belongs to",
                i + 1
            )
        }
        Field::ActivityDescription(i) => format!("Describe what happens in activity {}", i + 1),
        Field::SupportMeasures => {
            "Describe the support pupils will get during their stay abroad".into()
        }
        Field::BudgetCategory(i) => format!("Select a category for cost {}", i + 1),
        Field::BudgetDescription(i) => format!("Describe what cost {} is for", i + 1),
        Field::BudgetAmount(i) => format!("Enter an amount for cost {}, like 12500", i + 1),
        Field::AmountApplied => "Enter how much you are applying for from the fund".into(),
        Field::PrincipalName => "Enter the name of the responsible headteacher".into(),
        Field::PrincipalEmail => "Enter the responsible headteacher's email address".into(),
        Field::GiroMethod => "Select bankgiro or plusgiro".into(),
        Field::GiroNumber => "Enter the bankgiro or plusgiro number".into(),
        Field::AccountSegment(segment) => {
            format!(
                "Enter the {} part of the account string",
                segment_name(segment)
            )
        }
        other => format!("Enter {}", field_name(other, kind)),
    }
}

/// The code plan's own (Swedish) name of a segment.
fn segment_name(segment: Segment) -> &'static str {
    match segment {
        Segment::Ansvar => "Ansvar",
        Segment::Verksamhet => "Verksamhet",
        Segment::Fri => "Fri",
        Segment::Projekt => "Projekt",
        Segment::Objekt => "Objekt",
    }
}

/// A field's name inside a sentence.
fn field_name(field: Field, kind: Option<Kind>) -> String {
    match field {
        Field::ApplicantName => "your name".into(),
        Field::ApplicantEmail => "your email address".into(),
        Field::ApplicantPhone => "your phone number".into(),
        Field::OtherSchoolName => "the name of the school".into(),
        Field::GrantedProject => "the name of the project".into(),
        Field::ProjectStart => "the project start date".into(),
        Field::ProjectEnd => "the project end date".into(),
        Field::TripStart => format!("the start date of {}", trip(kind)),
        Field::TripEnd => format!("the end date of {}", trip(kind)),
        Field::Country => "the country".into(),
        Field::Place => "the town or city".into(),
        Field::Partner => "the partner".into(),
        Field::Pupils => "the number of pupils".into(),
        Field::Staff => "the number of staff".into(),
        Field::Group => "the year group or programme".into(),
        Field::Goals => "the goals".into(),
        Field::Theme => "the theme".into(),
        Field::Summary => "the description".into(),
        Field::ActivityDate(i) => format!("the date of activity {}", i + 1),
        Field::ActivityDescription(i) => format!("the description of activity {}", i + 1),
        Field::SupportMeasures => "the support for pupils".into(),
        Field::BudgetRows => "the total of the costs".into(),
        Field::BudgetDescription(i) => format!("the description of cost {}", i + 1),
        Field::BudgetAmount(i) => format!("the amount for cost {}", i + 1),
        Field::OtherFunding => "other funding".into(),
        Field::AmountApplied => "the amount you are applying for".into(),
        Field::PrincipalName => "the responsible headteacher's name".into(),
        Field::PrincipalEmail => "the responsible headteacher's email address".into(),
        Field::GiroNumber => "the number".into(),
        Field::AccountSegment(segment) => format!("the {} part", segment_name(segment)),
        _ => "the answer".into(),
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
        .map(format_long_en)
        .unwrap_or(iso)
}

/// "1 to 6 digits", "4 digits", "1 to 8 characters (letters A to Z or digits)".
fn segment_length(allowed: Allowed) -> String {
    let count = if allowed.min_len == allowed.max_len {
        allowed.max_len.to_string()
    } else {
        format!("{} to {}", allowed.min_len, allowed.max_len)
    };
    match allowed.charset {
        Charset::Digits if allowed.max_len == 1 => format!("{count} digit"),
        Charset::Digits => format!("{count} digits"),
        Charset::Alphanumeric => format!("{count} characters (letters A to Z or digits)"),
    }
}

fn message(field: Field, problem: &Problem, kind: Option<Kind>) -> String {
    let name = field_name(field, kind);
    let trip = trip(kind);
    match problem {
        Problem::Required => required(field, kind),
        Problem::TooLong { max } => format!("{} must be {max} characters or fewer", capitalise(&name)),
        Problem::InvalidEmail => format!("Enter {name} in the correct format, like name@skelleftea.se"),
        Problem::InvalidCount => format!("Enter {name} using numbers, like 6"),
        Problem::CountTooLarge { max } => {
            format!("{} must be {max} or fewer. Check the number", capitalise(&name))
        }
        Problem::NoParticipants => "Enter at least 1 pupil or 1 member of staff who is taking part".into(),
        Problem::PupilsRequired => match kind {
            Some(Kind::InternshipAbroad) => "A work placement or diploma project abroad must include at least 1 pupil. Enter the number of pupils".into(),
            _ => "The application must include at least 1 pupil. Enter the number of pupils taking part".into(),
        },
        Problem::Date(error) => match error {
            DateError::TwoDigitYear => format!("Enter the year of {name} with 4 digits, like 2027"),
            DateError::ImpossibleDate => format!("{} must be a real date", capitalise(&name)),
            DateError::YearOutOfRange => format!("Check the year of {name}. Enter it with 4 digits, like 2027"),
            DateError::Empty | DateError::Invalid => {
                format!("Enter {name} as a year, month and day, like 2027 3 15")
            }
        },
        Problem::EndBeforeStart { .. } => format!(
            "{} must be the same as or after {}",
            capitalise(&name),
            iso_param(problem, "start")
        ),
        Problem::TripBeforeProject { .. } => format!(
            "{} cannot start before the project, which starts on {}. Change one of the dates",
            capitalise(trip),
            iso_param(problem, "project_start")
        ),
        Problem::TripAfterProject { .. } => format!(
            "{} cannot end after the project, which ends on {}. Change one of the dates",
            capitalise(trip),
            iso_param(problem, "project_end")
        ),
        Problem::NoActivities => format!(
            "Add at least 1 activity for each part: preparation, implementation ({trip}) and follow-up"
        ),
        Problem::MissingPhase(phase) => match phase {
            Phase::Preparation => "Add at least 1 activity for preparation".into(),
            Phase::Trip => format!("Add at least 1 activity for implementation ({trip})"),
            Phase::FollowUp => "Add at least 1 activity for follow-up".into(),
        },
        Problem::ActivitiesOutOfOrder { .. } => format!(
            "Activities must be in date order. {} is before the date of the activity above it, {}. Move the activity up or change the date",
            capitalise(&name),
            iso_param(problem, "previous")
        ),
        Problem::PreparationAfterTripStart { .. } => format!(
            "Preparation must be on or before the day {trip} starts, {}. Change the date or choose another part",
            iso_param(problem, "trip_start")
        ),
        Problem::TripActivityOutsideTrip { .. } => format!(
            "Implementation activities must be between {} and {}, while {trip} is happening. Change the date or choose another part",
            iso_param(problem, "trip_start"),
            iso_param(problem, "trip_end")
        ),
        Problem::FollowUpBeforeTripEnd { .. } => format!(
            "Follow-up must be on or after the day {trip} ends, {}. Change the date or choose another part",
            iso_param(problem, "trip_end")
        ),
        Problem::Money(error) => match error {
            MoneyError::AmbiguousSeparator => format!(
                "Enter {name} without a comma or full stop between the thousands, like 1500 or 1 500. Put öre after a decimal point, like 1500.50"
            ),
            MoneyError::TooManyDecimals => {
                format!("Enter {name} with no more than 2 decimal places, like 1500.50")
            }
            MoneyError::TooLarge => format!(
                "{} has too many digits. Enter no more than {}",
                capitalise(&name),
                format_en(Money::from_ore(MAX_PARSED_ORE))
            ),
            MoneyError::Empty | MoneyError::Invalid => {
                format!("Enter {name} in kronor using numbers, like 12500")
            }
        },
        Problem::AmountNotPositive => format!("{} must be more than SEK 0", capitalise(&name)),
        Problem::NegativeAmount => format!("Enter {name} without a minus sign"),
        Problem::NoBudgetRows => "Add at least 1 cost to the budget".into(),
        Problem::TotalMismatch { computed } => format!(
            "The total you entered does not match the costs, which add up to {}",
            format_en(*computed)
        ),
        Problem::OtherFundingExceedsTotal { total } => format!(
            "Other funding can be no more than the total costs, {}. Check the amounts",
            format_en(*total)
        ),
        Problem::AppliedExceedsNeed { max } => format!(
            "You can apply for up to {}. This is the total costs minus other funding",
            format_en(*max)
        ),
        Problem::AppliedExceedsFund { max } => format!(
            "You can apply for up to {}. This is the fund's amount for 1 year",
            format_en(*max)
        ),
        Problem::Bankgiro(error) => giro_message(error, GiroMethod::Bankgiro),
        Problem::Plusgiro(error) => giro_message(error, GiroMethod::Plusgiro),
        Problem::Segment(error) => match error {
            SegmentError::Missing => required(field, kind),
            SegmentError::TooShort(allowed) | SegmentError::TooLong(allowed) => format!(
                "{} of the account string must be {}",
                capitalise(&name),
                segment_length(*allowed)
            ),
            SegmentError::InvalidCharacters(allowed) => match allowed.charset {
                Charset::Digits => format!(
                    "{} of the account string must only include digits. Remove letters, spaces and other characters",
                    capitalise(&name)
                ),
                Charset::Alphanumeric => format!(
                    "{} of the account string must only include the letters A to Z and digits. Remove spaces, hyphens and other characters",
                    capitalise(&name)
                ),
            },
        },
        Problem::AccountString(_) => "The account string has too many parts. Enter no more than 5: Ansvar / Verksamhet / Fri / Projekt / Objekt".into(),
        Problem::PaymentMethodMismatch => "Municipal schools enter an account string. Independent schools enter a bankgiro or plusgiro number".into(),
        Problem::UnknownSchool => "The school is no longer in the list. Select a school again".into(),
        Problem::NotConfirmed => "Confirm that the information is correct and that the responsible headteacher has approved the application".into(),
        Problem::FileEmpty => "The selected file is empty. Choose a file that has something in it".into(),
        Problem::FileTooLarge { max_bytes } => format!("The selected file must be {} or smaller. Choose a smaller file", format_size(*max_bytes)),
        Problem::FileWrongType { allowed } => format!("The selected file must be one of these types: {allowed}"),
        Problem::FilesTooLarge { max_total_bytes } => format!("The files together must be {} or smaller. Choose a smaller file or remove a file first", format_size(*max_total_bytes)),
        Problem::TooManyFiles { max } => format!("You can attach up to {max} files. Remove a file first"),
        Problem::Reported { en, .. } => en.clone(),
    }
}

fn giro_message(error: &GiroError, method: GiroMethod) -> String {
    let (name, digits, example) = match method {
        GiroMethod::Bankgiro => ("bankgiro number", "7 or 8 digits", "5402-9681"),
        GiroMethod::Plusgiro => ("plusgiro number", "2 to 8 digits", "410 54 68-5"),
    };
    match error {
        GiroError::Empty => format!("Enter a {name}"),
        GiroError::InvalidCharacters => {
            format!("Enter a {name} using only numbers, spaces and hyphens, like {example}")
        }
        GiroError::TooShort | GiroError::TooLong => {
            format!("Enter a {name} with {digits}, like {example}")
        }
        // A check digit that does not add up is almost always a typo, not a missing account.
        GiroError::CheckDigit => format!("Check the {name}. One of the digits may be wrong"),
        GiroError::AllZeros => format!("Check the {name}. It cannot be all zeros"),
    }
}

//! The steps of the guided form, their order, and which apply to which application.

use serde::{Deserialize, Serialize};

use super::application::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Start,
    Applicant,
    Kind,
    DatesDestination,
    Participants,
    Description,
    Activities,
    Support,
    Budget,
    Payment,
    Attachments,
    CheckAnswers,
    Declaration,
    Confirmation,
}

impl Step {
    pub const ALL: [Step; 14] = [
        Step::Start,
        Step::Applicant,
        Step::Kind,
        Step::DatesDestination,
        Step::Participants,
        Step::Description,
        Step::Activities,
        Step::Support,
        Step::Budget,
        Step::Payment,
        Step::Attachments,
        Step::CheckAnswers,
        Step::Declaration,
        Step::Confirmation,
    ];

    /// Stable name used in the URL fragment and in saved drafts.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Applicant => "sokande",
            Step::Kind => "typ",
            Step::DatesDestination => "datum",
            Step::Participants => "deltagare",
            Step::Description => "beskrivning",
            Step::Activities => "aktiviteter",
            Step::Support => "stod",
            Step::Budget => "budget",
            Step::Payment => "utbetalning",
            Step::Attachments => "bilagor",
            Step::CheckAnswers => "kontrollera",
            Step::Declaration => "intyga",
            Step::Confirmation => "klart",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Steps that ask questions and count in "Steg 3 av 9".
    pub fn is_question(self) -> bool {
        !matches!(
            self,
            Step::Start | Step::CheckAnswers | Step::Declaration | Step::Confirmation
        )
    }

    /// The step shown for `self` once the receiver has confirmed the application: its
    /// answers are then read-only, so the question steps and the declaration lead to the
    /// confirmation; "Kontrollera dina svar" shows the answers as sent, without Change.
    pub fn once_sent(self) -> Step {
        match self {
            Step::Start | Step::CheckAnswers | Step::Confirmation => self,
            _ => Step::Confirmation,
        }
    }

    /// Support measures are asked only for internships/gymnasiearbete; until the kind is
    /// chosen the step is counted, so the progress figure never jumps down unexpectedly.
    pub fn applies_to(self, kind: Option<Kind>) -> bool {
        match self {
            Step::Support => kind.is_none_or(Kind::needs_support_measures),
            _ => true,
        }
    }

    pub fn next(self, kind: Option<Kind>) -> Option<Step> {
        let position = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL
            .iter()
            .skip(position + 1)
            .copied()
            .find(|s| s.applies_to(kind))
    }

    pub fn previous(self, kind: Option<Kind>) -> Option<Step> {
        let position = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL
            .iter()
            .take(position)
            .rev()
            .copied()
            .find(|s| s.applies_to(kind))
    }

    /// "Steg N av M" for question steps; None elsewhere.
    pub fn progress(self, kind: Option<Kind>) -> Option<(usize, usize)> {
        if !self.is_question() {
            return None;
        }
        let questions: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| s.is_question() && s.applies_to(kind))
            .collect();
        let number = questions.iter().position(|s| *s == self)? + 1;
        Some((number, questions.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn once_sent_no_step_that_changes_an_answer_is_shown() {
        for step in Step::ALL {
            let shown = step.once_sent();
            let changes_answers = step.is_question() || step == Step::Declaration;
            assert_eq!(
                shown == Step::Confirmation,
                changes_answers || step == Step::Confirmation,
                "{step:?}"
            );
            assert!(
                !shown.is_question() && shown != Step::Declaration,
                "{step:?}"
            );
        }
        assert_eq!(Step::CheckAnswers.once_sent(), Step::CheckAnswers);
        assert_eq!(Step::Start.once_sent(), Step::Start);
    }

    #[test]
    fn support_step_is_skipped_for_exchanges_only() {
        assert_eq!(
            Step::Activities.next(Some(Kind::ExchangeReceiving)),
            Some(Step::Budget)
        );
        assert_eq!(
            Step::Activities.next(Some(Kind::InternshipAbroad)),
            Some(Step::Support)
        );
        assert_eq!(
            Step::Budget.previous(Some(Kind::ExchangeSending)),
            Some(Step::Activities)
        );
    }

    #[test]
    fn progress_counts_only_applicable_questions() {
        assert_eq!(
            Step::Applicant.progress(Some(Kind::InternshipAbroad)),
            Some((1, 10))
        );
        assert_eq!(
            Step::Budget.progress(Some(Kind::ExchangeReceiving)),
            Some((7, 9))
        );
        assert_eq!(Step::Support.progress(Some(Kind::ExchangeReceiving)), None);
        assert_eq!(Step::CheckAnswers.progress(None), None);
    }

    #[test]
    fn slugs_round_trip() {
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        assert_eq!(Step::from_slug("nonsense"), None);
    }

    #[test]
    fn walking_forward_visits_every_applicable_step_once() {
        let mut step = Step::Start;
        let mut seen = vec![step];
        while let Some(next) = step.next(Some(Kind::InternshipAbroad)) {
            seen.push(next);
            step = next;
        }
        assert_eq!(seen, Step::ALL.to_vec());
    }
}

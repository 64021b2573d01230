//! The five steps of the ordering journey (SPEC §3), one name for each on both sides:
//! the SPA's progress list, the draft it saves and the server that checks the draft.

/// A step of the journey, numbered as the progress list shows it (1–5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// "Logg inn med ID-porten".
    Login = 1,
    /// "Bekreft organisasjon".
    Organisation = 2,
    /// "Fyll ut et eventuelt skjema".
    Form = 3,
    /// "Les gjennom og aksept" (or sign).
    Accept = 4,
    /// "Kvittering".
    Receipt = 5,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Login,
        Step::Organisation,
        Step::Form,
        Step::Accept,
        Step::Receipt,
    ];

    /// Its number in the progress list (and in a draft).
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The step numbered `n`, if there is one.
    pub fn from_number(n: u8) -> Option<Step> {
        Self::ALL.into_iter().find(|s| s.number() == n)
    }

    /// Whether a draft may bring the user back to this step: the form and the acceptance.
    /// Before them there is nothing to keep; after them the order is sent.
    pub const fn is_resumable(self) -> bool {
        matches!(self, Step::Form | Step::Accept)
    }

    /// The resumable step a draft saved at step `n` brings the user back to, or `None`
    /// when `n` is no resumable step.
    pub fn resumable(n: u8) -> Option<Step> {
        Self::from_number(n).filter(|s| s.is_resumable())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_form_and_the_acceptance_are_resumed() {
        for step in Step::ALL {
            assert_eq!(Step::from_number(step.number()), Some(step));
        }
        assert_eq!(Step::resumable(3), Some(Step::Form));
        assert_eq!(Step::resumable(4), Some(Step::Accept));
        for n in [0, 1, 2, 5, 6, 255] {
            assert_eq!(Step::resumable(n), None, "{n}");
        }
    }
}

//! Public comment on a draft plan: the comment period (from–to, a configurable shortest length),
//! comments from the public and from accounts anchored to an element's stable key, and their
//! settlement (accepted / partially accepted / rejected / noted, always with a justification).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::account::Email;
use crate::plan::{clean_text, keyed};

keyed!(
    /// How a comment was settled.
    Settlement, "settlement" {
        /// Vyhověno: the plan was changed as proposed.
        Accepted => "accepted",
        /// Částečně vyhověno.
        PartiallyAccepted => "partially_accepted",
        /// Nevyhověno.
        Rejected => "rejected",
        /// Vzato na vědomí: no change asked for, or none needed.
        Noted => "noted",
    }
);

keyed!(
    /// What the area asks of a commenter without an account.
    Identification, "identification" {
        /// Anyone may comment without a name (a name and an e-mail are optional).
        Optional => "optional",
        /// A name is required, an e-mail optional.
        Name => "name",
        /// A name and an e-mail are required.
        NameAndEmail => "name_email",
    }
);

/// Shortest comment period unless an area sets another (days, both ends counted).
pub const DEFAULT_MIN_DAYS: i64 = 14;
/// The range an area may set its shortest period in.
pub const MIN_DAYS_RANGE: (i64, i64) = (1, 90);
/// Longest comment period (days).
pub const MAX_DAYS: i64 = 365;
/// Longest comment and proposed wording (characters).
pub const MAX_COMMENT_CHARS: usize = 5000;
/// Longest justification of a settlement (characters).
pub const MAX_JUSTIFICATION_CHARS: usize = 4000;
/// Longest name or organization of a commenter (characters).
pub const MAX_NAME_CHARS: usize = 200;
/// Most web links a comment may carry (more is what spam looks like).
pub const MAX_LINKS: usize = 5;
/// Longest consent text of an area (characters).
pub const MAX_CONSENT_CHARS: usize = 2000;

/// Why a comment period, a comment or a settlement cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommentError {
    /// The period ends before it starts.
    #[error("the comment period ends ({to}) before it starts ({from})")]
    EndBeforeStart {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
    /// The period is shorter than the area's shortest.
    #[error("the comment period must last at least {min} days, not {days}")]
    TooShort {
        /// Its length in days.
        days: i64,
        /// The shortest allowed.
        min: i64,
    },
    /// The period is longer than a year.
    #[error("the comment period may last at most {MAX_DAYS} days, not {days}")]
    TooLong {
        /// Its length in days.
        days: i64,
    },
    /// The period starts in the past.
    #[error("the comment period cannot start in the past ({from})")]
    StartsInPast {
        /// First day.
        from: NaiveDate,
    },
    /// A text is empty, too long or holds control characters.
    #[error("{field} must have 1 to {max} characters")]
    Text {
        /// The field.
        field: &'static str,
        /// Its longest length.
        max: usize,
    },
    /// A comment carries too many links.
    #[error("a comment may hold at most {MAX_LINKS} links")]
    Links,
    /// A name is required and missing.
    #[error("the name is required")]
    NameRequired,
    /// An e-mail is required and missing.
    #[error("the e-mail is required")]
    EmailRequired,
    /// The e-mail address is not one.
    #[error("the e-mail address is not valid")]
    Email,
    /// Being told of the settlement needs an e-mail address.
    #[error("to be told of the settlement, give an e-mail address")]
    NotifyWithoutEmail,
    /// The commenter did not agree to the processing of their data.
    #[error("the consent is required")]
    Consent,
    /// The shortest period of an area is outside its range.
    #[error("the shortest comment period must be {} to {} days", MIN_DAYS_RANGE.0, MIN_DAYS_RANGE.1)]
    MinDays,
}

/// An area's rules for comments from the public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRules {
    /// Shortest comment period, in days.
    pub min_days: i64,
    /// What a commenter without an account must give.
    pub identification: Identification,
    /// The text a commenter agrees to (what happens to their name and e-mail); `None` uses the
    /// interface's standard text.
    pub consent: Option<String>,
}

impl Default for CommentRules {
    fn default() -> Self {
        Self {
            min_days: DEFAULT_MIN_DAYS,
            identification: Identification::Optional,
            consent: None,
        }
    }
}

impl CommentRules {
    /// Checks rules as typed in a form.
    pub fn new(
        min_days: i64,
        identification: Identification,
        consent: &str,
    ) -> Result<Self, CommentError> {
        if !(MIN_DAYS_RANGE.0..=MIN_DAYS_RANGE.1).contains(&min_days) {
            return Err(CommentError::MinDays);
        }
        let consent = optional(consent, "consent", MAX_CONSENT_CHARS, true)?;
        Ok(Self {
            min_days,
            identification,
            consent,
        })
    }
}

/// A comment period: its first and last day (both inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodDates {
    /// First day comments are taken.
    pub from: NaiveDate,
    /// Last day comments are taken.
    pub to: NaiveDate,
}

impl PeriodDates {
    /// Checks a period opened on `today` against an area's shortest length.
    pub fn new(
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
        min_days: i64,
    ) -> Result<Self, CommentError> {
        if to < from {
            return Err(CommentError::EndBeforeStart { from, to });
        }
        if from < today {
            return Err(CommentError::StartsInPast { from });
        }
        let days = (to - from).num_days() + 1;
        if days < min_days {
            return Err(CommentError::TooShort {
                days,
                min: min_days,
            });
        }
        if days > MAX_DAYS {
            return Err(CommentError::TooLong { days });
        }
        Ok(Self { from, to })
    }

    /// A period already held (recorded afterwards): only the order of its ends and its length
    /// are checked.
    pub fn held(from: NaiveDate, to: NaiveDate) -> Result<Self, CommentError> {
        if to < from {
            return Err(CommentError::EndBeforeStart { from, to });
        }
        let days = (to - from).num_days() + 1;
        if days > MAX_DAYS {
            return Err(CommentError::TooLong { days });
        }
        Ok(Self { from, to })
    }

    /// Its length in days, both ends counted.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// Where a comment period stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    /// Announced, not open yet.
    Announced,
    /// Comments are taken.
    Open,
    /// Over: the last day passed, or the coordinator closed it.
    Over,
}

impl PeriodState {
    /// The state on `today` of a period, `closed` when the coordinator ended it early.
    pub fn of(dates: PeriodDates, closed: bool, today: NaiveDate) -> Self {
        if closed || today > dates.to {
            Self::Over
        } else if today < dates.from {
            Self::Announced
        } else {
            Self::Open
        }
    }

    /// The key (templates, translations).
    pub fn key(self) -> &'static str {
        match self {
            Self::Announced => "announced",
            Self::Open => "open",
            Self::Over => "over",
        }
    }
}

/// Who wrote a comment, as given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Author {
    /// Name.
    pub name: Option<String>,
    /// Organization the commenter speaks for.
    pub organization: Option<String>,
    /// E-mail (never published).
    pub email: Option<Email>,
    /// Whether the name may be published (otherwise "the public").
    pub named: bool,
    /// Whether the commenter wants to be told of the settlement.
    pub notify: bool,
}

impl Author {
    /// The name to publish: the name (with the organization) when the commenter allowed it.
    pub fn public_name(&self) -> Option<String> {
        if !self.named {
            return None;
        }
        match (&self.name, &self.organization) {
            (Some(n), Some(o)) => Some(format!("{n} ({o})")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(o)) => Some(o.clone()),
            (None, None) => None,
        }
    }
}

/// A comment as typed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentText {
    /// The comment.
    pub body: String,
    /// A proposed wording, if any.
    pub proposal: Option<String>,
}

fn optional(
    text: &str,
    field: &'static str,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, CommentError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    clean_text(text, field, max, multiline)
        .map(Some)
        .map_err(|_| CommentError::Text { field, max })
}

fn links(text: &str) -> usize {
    let lower = text.to_lowercase();
    lower.matches("http://").count()
        + lower.matches("https://").count()
        + lower.matches("www.").count()
}

impl CommentText {
    /// Checks a comment and a proposed wording: 1 to [`MAX_COMMENT_CHARS`] characters of text
    /// without control characters, at most [`MAX_LINKS`] links in all. Markup is kept as typed
    /// and escaped wherever it is shown.
    pub fn new(body: &str, proposal: &str) -> Result<Self, CommentError> {
        let body = clean_text(body, "comment", MAX_COMMENT_CHARS, true).map_err(|_| {
            CommentError::Text {
                field: "comment",
                max: MAX_COMMENT_CHARS,
            }
        })?;
        let proposal = optional(proposal, "proposal", MAX_COMMENT_CHARS, true)?;
        if links(&body) + proposal.as_deref().map_or(0, links) > MAX_LINKS {
            return Err(CommentError::Links);
        }
        Ok(Self { body, proposal })
    }
}

impl Author {
    /// Checks what a commenter without an account typed, against the area's rules.
    pub fn new(
        name: &str,
        organization: &str,
        email: &str,
        named: bool,
        notify: bool,
        consent: bool,
        identification: Identification,
    ) -> Result<Self, CommentError> {
        let name = optional(name, "name", MAX_NAME_CHARS, false)?;
        let organization = optional(organization, "organization", MAX_NAME_CHARS, false)?;
        let email = match email.trim() {
            "" => None,
            typed => Some(Email::parse(typed).map_err(|_| CommentError::Email)?),
        };
        if name.is_none() && identification != Identification::Optional {
            return Err(CommentError::NameRequired);
        }
        if email.is_none() && identification == Identification::NameAndEmail {
            return Err(CommentError::EmailRequired);
        }
        if notify && email.is_none() {
            return Err(CommentError::NotifyWithoutEmail);
        }
        if (name.is_some() || email.is_some() || organization.is_some()) && !consent {
            return Err(CommentError::Consent);
        }
        let named = named && (name.is_some() || organization.is_some());
        Ok(Self {
            name,
            organization,
            email,
            named,
            notify,
        })
    }
}

/// A settlement as typed, checked: the status and a justification of 1 to
/// [`MAX_JUSTIFICATION_CHARS`] characters.
pub fn check_settlement(justification: &str) -> Result<String, CommentError> {
    clean_text(
        justification,
        "justification",
        MAX_JUSTIFICATION_CHARS,
        true,
    )
    .map_err(|_| CommentError::Text {
        field: "justification",
        max: MAX_JUSTIFICATION_CHARS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_period_ends_after_it_starts_and_lasts_long_enough() {
        let today = day(3, 1);
        assert_eq!(
            PeriodDates::new(day(3, 20), day(3, 10), today, 14),
            Err(CommentError::EndBeforeStart {
                from: day(3, 20),
                to: day(3, 10)
            })
        );
        assert_eq!(
            PeriodDates::new(day(3, 1), day(3, 13), today, 14),
            Err(CommentError::TooShort { days: 13, min: 14 })
        );
        let ok = PeriodDates::new(day(3, 1), day(3, 14), today, 14).unwrap();
        assert_eq!(ok.days(), 14);
        assert!(PeriodDates::new(day(3, 1), day(3, 1), today, 1).is_ok());
        assert_eq!(
            PeriodDates::new(day(2, 28), day(3, 20), today, 14),
            Err(CommentError::StartsInPast { from: day(2, 28) })
        );
        assert!(matches!(
            PeriodDates::new(day(3, 1), day(3, 1) + chrono::Days::new(365), today, 14),
            Err(CommentError::TooLong { days: 366 })
        ));
    }

    #[test]
    fn a_period_is_announced_then_open_then_over() {
        let dates = PeriodDates {
            from: day(3, 10),
            to: day(3, 24),
        };
        assert_eq!(
            PeriodState::of(dates, false, day(3, 9)),
            PeriodState::Announced
        );
        assert_eq!(PeriodState::of(dates, false, day(3, 10)), PeriodState::Open);
        assert_eq!(PeriodState::of(dates, false, day(3, 24)), PeriodState::Open);
        assert_eq!(PeriodState::of(dates, false, day(3, 25)), PeriodState::Over);
        assert_eq!(PeriodState::of(dates, true, day(3, 12)), PeriodState::Over);
    }

    #[test]
    fn comments_are_checked_for_length_control_characters_and_links() {
        let ok = CommentText::new("  Chybí odlehčovací služba. ", "").unwrap();
        assert_eq!(ok.body, "Chybí odlehčovací služba.");
        assert_eq!(ok.proposal, None);
        // Markup is kept as typed: pages escape it.
        let script = CommentText::new("<script>alert(1)</script>", "").unwrap();
        assert_eq!(script.body, "<script>alert(1)</script>");
        assert!(matches!(
            CommentText::new("", ""),
            Err(CommentError::Text {
                field: "comment",
                ..
            })
        ));
        assert!(matches!(
            CommentText::new(&"a".repeat(MAX_COMMENT_CHARS + 1), ""),
            Err(CommentError::Text {
                field: "comment",
                ..
            })
        ));
        assert!(CommentText::new(&"a".repeat(MAX_COMMENT_CHARS), "").is_ok());
        assert!(matches!(
            CommentText::new("a\u{7}b", ""),
            Err(CommentError::Text { .. })
        ));
        let spam = "https://a.example ".repeat(MAX_LINKS + 1);
        assert_eq!(CommentText::new(&spam, ""), Err(CommentError::Links));
        let with_proposal = CommentText::new("text", "Nové znění\r\nřádek 2").unwrap();
        assert_eq!(
            with_proposal.proposal.as_deref(),
            Some("Nové znění\nřádek 2")
        );
    }

    #[test]
    fn authors_give_what_the_area_asks_and_consent_to_it() {
        use Identification::*;
        let anonymous = Author::new("", "", "", true, false, false, Optional).unwrap();
        assert_eq!(anonymous.public_name(), None);
        assert!(!anonymous.named);
        assert_eq!(
            Author::new("", "", "", false, false, false, Name),
            Err(CommentError::NameRequired)
        );
        assert_eq!(
            Author::new("Eva", "", "", false, false, true, NameAndEmail),
            Err(CommentError::EmailRequired)
        );
        assert_eq!(
            Author::new("Eva", "", "", false, false, false, Name),
            Err(CommentError::Consent)
        );
        assert_eq!(
            Author::new("Eva", "", "", false, true, true, Name),
            Err(CommentError::NotifyWithoutEmail)
        );
        assert_eq!(
            Author::new("Eva", "", "eva@", false, false, true, Name),
            Err(CommentError::Email)
        );
        let named = Author::new("Eva", "Spolek", "eva@example.cz", true, true, true, Name).unwrap();
        assert_eq!(named.public_name().as_deref(), Some("Eva (Spolek)"));
        let hidden = Author::new("Eva", "", "eva@example.cz", false, true, true, Name).unwrap();
        assert_eq!(hidden.public_name(), None);
    }

    #[test]
    fn rules_keep_the_shortest_period_in_range() {
        assert_eq!(
            CommentRules::new(0, Identification::Name, ""),
            Err(CommentError::MinDays)
        );
        assert_eq!(
            CommentRules::new(91, Identification::Name, ""),
            Err(CommentError::MinDays)
        );
        let rules = CommentRules::new(21, Identification::Name, " Souhlasím. ").unwrap();
        assert_eq!(rules.consent.as_deref(), Some("Souhlasím."));
        assert_eq!(CommentRules::default().min_days, DEFAULT_MIN_DAYS);
    }
}

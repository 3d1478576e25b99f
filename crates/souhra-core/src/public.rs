//! What the public catalogue site keeps besides the catalogue: the life situations of an area's
//! home page (each a way into the catalogue by kinds and target groups) and error reports sent
//! by the public about a service.

use serde::{Deserialize, Serialize};

/// Longest title of a life situation.
pub const MAX_SITUATION_TITLE: usize = 100;
/// Longest key of a life situation.
pub const MAX_SITUATION_KEY: usize = 40;
/// Fewest and most characters of an error report's message.
pub const REPORT_MESSAGE_CHARS: (usize, usize) = (10, 2_000);
/// Longest contact of an error report.
pub const MAX_REPORT_CONTACT: usize = 200;

/// A life situation ("I care for someone close", "I have debts"): the services of these kinds
/// or for these target groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifeSituation {
    /// Stable key (`a-z`, digits, `-`): the default situations' titles come from the
    /// translations under this key.
    pub key: String,
    /// A title of the coordinator's own (Czech); `None` takes the translated default.
    pub title: Option<String>,
    /// Kinds of service (codelist keys).
    pub kinds: Vec<String>,
    /// Target groups (codelist keys).
    pub target_groups: Vec<String>,
}

/// Why a life situation or a report cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicInputError {
    /// The key is empty, too long or has other characters than `a-z`, digits and `-`.
    #[error("key {0:?}: use 1 to 40 of a-z, 0-9 and -")]
    Key(String),
    /// The key is there twice.
    #[error("key {0:?} is there twice")]
    DuplicateKey(String),
    /// The title is empty or too long.
    #[error("title of {0:?}: 1 to 100 characters")]
    Title(String),
    /// The situation names no kind and no target group.
    #[error("situation {0:?} names no kind and no target group")]
    Empty(String),
    /// The message is too short or too long.
    #[error("the message must have 10 to 2,000 characters")]
    Message,
    /// The contact is too long.
    #[error("the contact must have at most 200 characters")]
    Contact,
}

impl LifeSituation {
    /// Checks the shape (the codes are checked against the codelists by the caller).
    pub fn validate(&self) -> Result<(), PublicInputError> {
        let key_ok = !self.key.is_empty()
            && self.key.len() <= MAX_SITUATION_KEY
            && self
                .key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !key_ok {
            return Err(PublicInputError::Key(self.key.clone()));
        }
        if let Some(title) = &self.title {
            let n = title.trim().chars().count();
            if n == 0 || n > MAX_SITUATION_TITLE {
                return Err(PublicInputError::Title(self.key.clone()));
            }
        }
        if self.kinds.is_empty() && self.target_groups.is_empty() {
            return Err(PublicInputError::Empty(self.key.clone()));
        }
        Ok(())
    }

    /// Checks a whole list: every situation, and no key twice.
    pub fn validate_all(list: &[LifeSituation]) -> Result<(), PublicInputError> {
        let mut seen = std::collections::HashSet::new();
        for situation in list {
            situation.validate()?;
            if !seen.insert(situation.key.as_str()) {
                return Err(PublicInputError::DuplicateKey(situation.key.clone()));
            }
        }
        Ok(())
    }
}

/// A report of wrong data about a service, from someone without an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorReport {
    /// What is wrong.
    pub message: String,
    /// How to reach the reporter, if they want an answer (never published).
    pub contact: Option<String>,
}

impl ErrorReport {
    /// A report from form input: trimmed, an empty contact dropped, lengths checked.
    pub fn new(message: &str, contact: &str) -> Result<Self, PublicInputError> {
        let message = message.trim();
        let n = message.chars().count();
        if n < REPORT_MESSAGE_CHARS.0 || n > REPORT_MESSAGE_CHARS.1 {
            return Err(PublicInputError::Message);
        }
        let contact = contact.trim();
        if contact.chars().count() > MAX_REPORT_CONTACT {
            return Err(PublicInputError::Contact);
        }
        Ok(Self {
            message: message.to_owned(),
            contact: (!contact.is_empty()).then(|| contact.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn situation(key: &str) -> LifeSituation {
        LifeSituation {
            key: key.into(),
            title: None,
            kinds: vec!["40".into()],
            target_groups: Vec::new(),
        }
    }

    #[test]
    fn situations_need_a_clean_key_and_something_to_find() {
        assert!(situation("stari-doma").validate().is_ok());
        for bad in ["", "Velka", "a b", "ž", &"x".repeat(41)] {
            assert_eq!(
                situation(bad).validate(),
                Err(PublicInputError::Key(bad.into()))
            );
        }
        let empty = LifeSituation {
            kinds: Vec::new(),
            ..situation("nic")
        };
        assert_eq!(empty.validate(), Err(PublicInputError::Empty("nic".into())));
        let untitled = LifeSituation {
            title: Some("  ".into()),
            ..situation("t")
        };
        assert_eq!(
            untitled.validate(),
            Err(PublicInputError::Title("t".into()))
        );
        assert_eq!(
            LifeSituation::validate_all(&[situation("a"), situation("a")]),
            Err(PublicInputError::DuplicateKey("a".into()))
        );
    }

    #[test]
    fn reports_are_trimmed_and_bounded() {
        let report = ErrorReport::new("  Telefon už neplatí.  ", " ").unwrap();
        assert_eq!(report.message, "Telefon už neplatí.");
        assert_eq!(report.contact, None);
        assert_eq!(
            ErrorReport::new("krátké", ""),
            Err(PublicInputError::Message)
        );
        assert_eq!(
            ErrorReport::new(&"x".repeat(2_001), ""),
            Err(PublicInputError::Message)
        );
        assert_eq!(
            ErrorReport::new("Telefon už neplatí.", &"@".repeat(201)),
            Err(PublicInputError::Contact)
        );
    }
}

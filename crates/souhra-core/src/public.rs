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
    /// A field of the coordinator's contacts is too long or malformed.
    #[error("coordinator contact, {field}: {problem}")]
    CoordinatorField {
        /// The field (`office`, `person`, `address`, `phone`, `email`, `web`).
        field: &'static str,
        /// What is wrong.
        problem: &'static str,
    },
    /// The coordinator's contacts are all empty.
    #[error("coordinator contact: give at least the office, a phone or an e-mail")]
    CoordinatorEmpty,
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
    /// The field the report is about, when the reporter said.
    #[serde(default)]
    pub field: Option<crate::catalogue::LocalField>,
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
            field: None,
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

/// Longest field of the coordinator's contacts.
pub const MAX_COORDINATOR_FIELD: usize = 200;

/// How the public reaches an area's planning coordinator: the office's work contacts, which the
/// coordinator chooses to publish (printed in the brochure of the catalogue).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorContact {
    /// Office or department, e.g. "Odbor sociálních věcí, Městský úřad Nepomuk".
    pub office: Option<String>,
    /// The coordinator's name and role, as the office publishes it.
    pub person: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Web page.
    pub web: Option<String>,
}

impl CoordinatorContact {
    /// Trims the fields (empty ones become `None`), makes the web address absolute and checks
    /// lengths and the e-mail.
    pub fn normalized(self) -> Result<Self, PublicInputError> {
        fn field(
            name: &'static str,
            value: Option<String>,
        ) -> Result<Option<String>, PublicInputError> {
            let value = value
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty());
            match value {
                Some(v) if v.chars().count() > MAX_COORDINATOR_FIELD => {
                    Err(PublicInputError::CoordinatorField {
                        field: name,
                        problem: "at most 200 characters",
                    })
                }
                other => Ok(other),
            }
        }
        let email = field("email", self.email)?;
        if email
            .as_deref()
            .is_some_and(|e| !crate::catalogue::is_plausible_email(e))
        {
            return Err(PublicInputError::CoordinatorField {
                field: "email",
                problem: "not an e-mail address",
            });
        }
        let web = match field("web", self.web)? {
            Some(w) => Some(crate::catalogue::web_link(&w).ok_or(
                PublicInputError::CoordinatorField {
                    field: "web",
                    problem: "not a web address",
                },
            )?),
            None => None,
        };
        let contact = Self {
            office: field("office", self.office)?,
            person: field("person", self.person)?,
            address: field("address", self.address)?,
            phone: field("phone", self.phone)?,
            email,
            web,
        };
        if contact.office.is_none() && contact.phone.is_none() && contact.email.is_none() {
            return Err(PublicInputError::CoordinatorEmpty);
        }
        Ok(contact)
    }

    /// The fields that are set, in print order.
    pub fn lines(&self) -> Vec<String> {
        [
            &self.office,
            &self.person,
            &self.address,
            &self.phone,
            &self.email,
            &self.web,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect()
    }
}

#[cfg(test)]
mod coordinator_tests {
    use super::*;

    #[test]
    fn coordinator_contacts_are_trimmed_and_checked() {
        let contact = CoordinatorContact {
            office: Some("  Odbor sociálních věcí,\n MěÚ Nepomuk ".into()),
            email: Some("socialni@nepomuk.example".into()),
            web: Some("www.nepomuk.example/socialni".into()),
            phone: Some("   ".into()),
            ..CoordinatorContact::default()
        }
        .normalized()
        .unwrap();
        assert_eq!(
            contact.office.as_deref(),
            Some("Odbor sociálních věcí, MěÚ Nepomuk")
        );
        assert_eq!(contact.phone, None);
        assert_eq!(
            contact.web.as_deref(),
            Some("https://www.nepomuk.example/socialni")
        );
        assert_eq!(contact.lines().len(), 3);
        let bad_mail = CoordinatorContact {
            email: Some("nepomuk".into()),
            ..CoordinatorContact::default()
        };
        assert!(matches!(
            bad_mail.normalized(),
            Err(PublicInputError::CoordinatorField { field: "email", .. })
        ));
        let long = CoordinatorContact {
            office: Some("x".repeat(201)),
            ..CoordinatorContact::default()
        };
        assert!(long.normalized().is_err());
        assert_eq!(
            CoordinatorContact::default().normalized(),
            Err(PublicInputError::CoordinatorEmpty)
        );
    }
}

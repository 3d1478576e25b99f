//! Accounts: e-mail addresses, passwords as typed, roles and the grants that bind a role to a
//! planning area (and a provider editor to organizations). Who may do what is decided in
//! [`crate::policy`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::area::AreaId;
use crate::catalogue::Ico;

/// An account's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AccountId(pub i64);

/// Longest e-mail address accepted (RFC 5321's path limit).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Longest password accepted (hashing cost stays bounded).
pub const PASSWORD_MAX_CHARS: usize = 200;
/// Longest display name.
pub const NAME_MAX_CHARS: usize = 120;

/// Why an account's input was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountInputError {
    /// Not an e-mail address of the form `name@domain.tld`.
    #[error("not an e-mail address: {0:?}")]
    Email(String),
    /// Shorter than [`PASSWORD_MIN_CHARS`] or longer than [`PASSWORD_MAX_CHARS`].
    #[error("a password has {PASSWORD_MIN_CHARS} to {PASSWORD_MAX_CHARS} characters")]
    PasswordLength,
    /// Empty, too long, or with control characters.
    #[error("a name has 1 to {NAME_MAX_CHARS} characters without control characters")]
    Name,
    /// Not one of the role keys.
    #[error(
        "unknown role {0:?} (administrator, coordinator, group-member, provider-editor, read-only)"
    )]
    Role(String),
    /// A role that needs an area got none, or a provider editor no organization.
    #[error("role {role} needs {needs}")]
    GrantIncomplete {
        /// The role's key.
        role: &'static str,
        /// What is missing (`an area`, `an organization`).
        needs: &'static str,
    },
}

/// An e-mail address, trimmed and lower-cased (addresses are compared without case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Parses an address: one `@`, a non-empty local part, a domain with a dot, no spaces or
    /// control characters, at most [`EMAIL_MAX_CHARS`].
    pub fn parse(input: &str) -> Result<Self, AccountInputError> {
        let text = input.trim().to_lowercase();
        let bad = || AccountInputError::Email(input.chars().take(80).collect());
        if text.chars().count() > EMAIL_MAX_CHARS
            || text
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ','))
        {
            return Err(bad());
        }
        let (local, domain) = text.split_once('@').ok_or_else(bad)?;
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok {
            return Err(bad());
        }
        Ok(Self(text))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a new password's length (in characters). Anything else is the person's choice.
pub fn check_password(password: &str) -> Result<(), AccountInputError> {
    let n = password.chars().count();
    if (PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&n) {
        Ok(())
    } else {
        Err(AccountInputError::PasswordLength)
    }
}

/// A display name, trimmed.
pub fn clean_name(input: &str) -> Result<String, AccountInputError> {
    let name = input.trim();
    let n = name.chars().count();
    if n == 0 || n > NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(AccountInputError::Name);
    }
    Ok(name.to_owned())
}

/// What someone does in a planning area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Runs the installation (without an area) or an area: users, settings, everything below.
    Administrator,
    /// The planning coordinator: the catalogue, moderation, plans, invitations.
    Coordinator,
    /// A member of a working or steering group: writes plans (the planning issue).
    GroupMember,
    /// Keeps the services of one or more organizations current.
    ProviderEditor,
    /// Reads everything of the area, changes nothing (councillors, the region's staff).
    ReadOnly,
}

impl Role {
    /// Every role, from most to least rights.
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Coordinator,
        Role::GroupMember,
        Role::ProviderEditor,
        Role::ReadOnly,
    ];

    /// The stable key (`provider-editor`), used in the database, URLs and the command line.
    pub fn key(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Coordinator => "coordinator",
            Role::GroupMember => "group-member",
            Role::ProviderEditor => "provider-editor",
            Role::ReadOnly => "read-only",
        }
    }

    /// The role of a key.
    pub fn from_key(key: &str) -> Result<Self, AccountInputError> {
        Self::ALL
            .into_iter()
            .find(|r| r.key() == key)
            .ok_or_else(|| AccountInputError::Role(key.chars().take(40).collect()))
    }
}

/// A role given to an account: in an area (or, for an administrator, everywhere), and for a
/// provider editor, over one organization (an account may hold several grants).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// The area; `None` only for an administrator of the whole installation.
    pub area: Option<AreaId>,
    /// The organization a provider editor keeps (by IČO); `None` for other roles.
    pub organization: Option<Ico>,
}

impl Grant {
    /// A grant, checked: every role but the administrator needs an area, a provider editor an
    /// organization, and only a provider editor has one.
    pub fn new(
        role: Role,
        area: Option<AreaId>,
        organization: Option<Ico>,
    ) -> Result<Self, AccountInputError> {
        if area.is_none() && role != Role::Administrator {
            return Err(AccountInputError::GrantIncomplete {
                role: role.key(),
                needs: "an area",
            });
        }
        match (role, &organization) {
            (Role::ProviderEditor, None) => Err(AccountInputError::GrantIncomplete {
                role: role.key(),
                needs: "an organization",
            }),
            (Role::ProviderEditor, Some(_)) | (_, None) => Ok(Self {
                role,
                area,
                organization,
            }),
            (_, Some(_)) => Err(AccountInputError::GrantIncomplete {
                role: role.key(),
                needs: "no organization",
            }),
        }
    }
}

/// An account as the rest of the program sees it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Its id.
    pub id: AccountId,
    /// Its e-mail address (the login).
    pub email: Email,
    /// Its display name.
    pub name: String,
    /// Whether it may log in.
    pub active: bool,
    /// Its roles.
    pub grants: Vec<Grant>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_normalized_and_checked() {
        assert_eq!(
            Email::parse("  Jana.Novakova@Nepomuk.CZ ")
                .unwrap()
                .as_str(),
            "jana.novakova@nepomuk.cz"
        );
        for bad in [
            "",
            "jana",
            "@nepomuk.cz",
            "jana@nepomuk",
            "jana@.cz",
            "jana@nepomuk.",
            "jana@a..cz",
            "ja na@nepomuk.cz",
            "jana@x@y.cz",
            "\"x\"<a@b.cz>",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert!(Email::parse(&format!("{}@b.cz", "a".repeat(250))).is_err());
    }

    #[test]
    fn passwords_names_and_roles_are_checked() {
        assert_eq!(
            check_password("krátké"),
            Err(AccountInputError::PasswordLength)
        );
        assert!(check_password("dlouhé heslo ř").is_ok());
        assert!(check_password(&"x".repeat(201)).is_err());
        assert_eq!(clean_name("  Jana Nováková "), Ok("Jana Nováková".into()));
        assert!(clean_name(" ").is_err() && clean_name("a\u{7}b").is_err());
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Ok(role));
        }
        assert!(Role::from_key("root").is_err());
    }

    #[test]
    fn grants_need_what_their_role_needs() {
        let ico = Ico::parse("00075370").unwrap();
        let area = Some(AreaId(1));
        assert!(Grant::new(Role::Administrator, None, None).is_ok());
        assert!(Grant::new(Role::Coordinator, None, None).is_err());
        assert!(Grant::new(Role::ProviderEditor, area, None).is_err());
        assert!(Grant::new(Role::ProviderEditor, area, Some(ico.clone())).is_ok());
        assert!(Grant::new(Role::ReadOnly, area, Some(ico)).is_err());
    }
}

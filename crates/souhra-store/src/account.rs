//! Accounts, their grants, server-side sessions and one-time tokens. The store keeps hashes
//! only (argon2id for passwords, made by the caller; SHA-256 of session ids and tokens), so
//! nothing read from the database lets anyone in.

use chrono::{DateTime, Duration, Utc};
use souhra_core::account::{Account, AccountId, Email, Grant};
use souhra_core::area::AreaId;

use crate::{Store, StoreResult, dispatch};

/// An account with what a login checks.
#[derive(Debug, Clone)]
pub struct LoginRecord {
    /// The account.
    pub account: Account,
    /// Its argon2id hash in PHC form; `None` until an invited person sets a password.
    pub password_hash: Option<String>,
    /// Failed logins since the last success or lock.
    pub failed_logins: u32,
    /// Until when it is locked after too many failures.
    pub locked_until: Option<DateTime<Utc>>,
}

/// A live session.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    /// Its account (active).
    pub account: Account,
    /// The session's form token.
    pub csrf: String,
    /// Its last request.
    pub last_seen: DateTime<Utc>,
    /// When it ends unless used.
    pub expires: DateTime<Utc>,
}

/// What a one-time token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// An invitation: the invited person sets a name and a password.
    Invitation,
    /// A forgotten password.
    PasswordReset,
}

impl TokenPurpose {
    /// The stored key.
    pub fn key(self) -> &'static str {
        match self {
            TokenPurpose::Invitation => "invitation",
            TokenPurpose::PasswordReset => "password-reset",
        }
    }
}

impl Store {
    /// Creates an account with its grants; [`crate::StoreError::Conflict`] when the e-mail
    /// address has one already.
    pub async fn create_account(
        &self,
        email: &Email,
        name: &str,
        password_hash: Option<&str>,
        grants: &[Grant],
        at: DateTime<Utc>,
    ) -> StoreResult<AccountId> {
        dispatch!(
            self,
            account::create(email, name, password_hash, grants, at)
        )
    }

    /// The account with this id.
    pub async fn account(&self, id: AccountId) -> StoreResult<Option<Account>> {
        dispatch!(self, account::by_id(id))
    }

    /// The account with this e-mail address and its login state.
    pub async fn login_record(&self, email: &Email) -> StoreResult<Option<LoginRecord>> {
        dispatch!(self, account::login_record(email))
    }

    /// Accounts holding a role in the area (not counting installation administrators), by
    /// e-mail.
    pub async fn accounts_in_area(&self, area: AreaId) -> StoreResult<Vec<Account>> {
        dispatch!(self, account::in_area(area))
    }

    /// Administrators of the whole installation (a grant without an area), by e-mail.
    pub async fn installation_admins(&self) -> StoreResult<Vec<Account>> {
        dispatch!(self, account::installation_admins())
    }

    /// Gives an account a role; false when it held it already.
    pub async fn add_grant(&self, account: AccountId, grant: &Grant) -> StoreResult<bool> {
        dispatch!(self, account::add_grant(account, grant))
    }

    /// Takes a grant away; false when the account did not hold it.
    pub async fn remove_grant(&self, account: AccountId, grant: &Grant) -> StoreResult<bool> {
        dispatch!(self, account::remove_grant(account, grant))
    }

    /// Lets an account log in (`true`) or not; deactivating ends its sessions.
    pub async fn set_account_active(&self, account: AccountId, active: bool) -> StoreResult<()> {
        dispatch!(self, account::set_active(account, active))
    }

    /// Counts a failed login; after `max_failures` in a row the account is locked for `lockout`
    /// (the count starts again). Returns the end of a lock that began now.
    pub async fn login_failed(
        &self,
        account: AccountId,
        at: DateTime<Utc>,
        max_failures: u32,
        lockout: Duration,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        dispatch!(
            self,
            account::login_failed(account, at, max_failures, lockout)
        )
    }

    /// Records a successful login (clears the failure count).
    pub async fn login_succeeded(&self, account: AccountId, at: DateTime<Utc>) -> StoreResult<()> {
        dispatch!(self, account::login_succeeded(account, at))
    }

    /// Sets a password hash; every session of the account ends.
    pub async fn set_password(&self, account: AccountId, hash: &str) -> StoreResult<()> {
        dispatch!(self, account::set_password(account, hash))
    }

    /// Starts a session (by the SHA-256 of its id) with its form token.
    pub async fn create_session(
        &self,
        id_hash: &str,
        account: AccountId,
        csrf: &str,
        at: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> StoreResult<()> {
        dispatch!(
            self,
            account::create_session(id_hash, account, csrf, at, expires)
        )
    }

    /// The session with this id hash if it has not expired and its account is active.
    pub async fn session(
        &self,
        id_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionRecord>> {
        dispatch!(self, account::session(id_hash, now))
    }

    /// Records activity on a session and moves its expiry.
    pub async fn touch_session(
        &self,
        id_hash: &str,
        at: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> StoreResult<()> {
        dispatch!(self, account::touch_session(id_hash, at, expires))
    }

    /// Ends a session (logout).
    pub async fn end_session(&self, id_hash: &str) -> StoreResult<()> {
        dispatch!(self, account::end_session(id_hash))
    }

    /// Deletes expired sessions and tokens; returns the number of sessions deleted.
    pub async fn purge_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        dispatch!(self, account::purge_expired(now))
    }

    /// Keeps a one-time token (by its SHA-256) for an account.
    pub async fn create_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        account: AccountId,
        by: Option<AccountId>,
        at: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> StoreResult<()> {
        dispatch!(
            self,
            account::create_token(token_hash, purpose, account, by, at, expires)
        )
    }

    /// The account of a token that is unused and not expired.
    pub async fn token_account(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Account>> {
        dispatch!(self, account::token_account(token_hash, purpose, now))
    }

    /// Uses a token once to set the password (and, for an invitation, the name), ending the
    /// account's sessions; `None` when the token is unknown, used or expired.
    pub async fn redeem_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        password_hash: &str,
        name: Option<&str>,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<AccountId>> {
        dispatch!(
            self,
            account::redeem_token(token_hash, purpose, password_hash, name, now)
        )
    }
}

//! Signing in: argon2id password hashes, server-side sessions in the store behind an `HttpOnly`
//! cookie, the session's form token (CSRF), and random one-time tokens. The store keeps only
//! SHA-256 hashes of session ids and tokens.

use std::time::Duration;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, Params};
use axum::http::{HeaderMap, HeaderValue, header};
use chrono::Utc;
use sha2::{Digest, Sha256};
use souhra_core::account::Account;

use crate::error::AppError;
use crate::middleware::cookie_value;
use crate::state::AppState;

/// The session cookie.
pub(crate) const SESSION_COOKIE: &str = "souhra_session";
/// The cookie of the login form's token (before there is a session).
pub(crate) const LOGIN_CSRF_COOKIE: &str = "souhra_login";

/// Settings of accounts and sessions.
#[derive(Debug, Clone)]
pub struct AccountSettings {
    /// Failed logins in a row that lock an account.
    pub max_failures: u32,
    /// How long a locked account stays locked.
    pub lockout: Duration,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// How long an invitation link works.
    pub invitation_valid: Duration,
    /// How long a password-reset link works.
    pub reset_valid: Duration,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            max_failures: 5,
            lockout: Duration::from_secs(15 * 60),
            session_idle: Duration::from_secs(12 * 3600),
            invitation_valid: Duration::from_secs(7 * 24 * 3600),
            reset_valid: Duration::from_secs(2 * 3600),
        }
    }
}

/// argon2id with the parameters OWASP recommends as a minimum (19 MiB, 2 passes, 1 lane).
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// Hashes a password (on a blocking thread: it takes tens of milliseconds on purpose).
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| AppError::Internal(format!("randomness: {e}")))?;
        let salt =
            SaltString::encode_b64(&salt).map_err(|e| AppError::Internal(format!("salt: {e}")))?;
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("password hash: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(format!("hashing task: {e}")))?
}

/// A stand-in hash checked when no account matches, so a login takes as long either way.
const NO_ACCOUNT_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c291aHJhLW5vLWFjY291bnQ$0sZ4J4x3L8p0Tn6Q2uU4vY1k2e3r4t5y6u7i8o9p0aA";

/// Whether `password` matches `hash` (`None`: no account or no password yet; checked against a
/// stand-in so timing tells nothing).
pub async fn verify_password(hash: Option<String>, password: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let real = hash.is_some();
        let text = hash.unwrap_or_else(|| NO_ACCOUNT_HASH.to_owned());
        let Ok(parsed) = PasswordHash::new(&text) else {
            return false;
        };
        real && argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
    .map_err(|e| AppError::Internal(format!("hashing task: {e}")))
}

/// A new one-time token for a link (`/pozvanka/{token}`) and the hash the store keeps of it.
pub fn one_time_token() -> Result<(String, String), AppError> {
    let token = random_hex(32)?;
    let hash = token_hash(&token);
    Ok((token, hash))
}

/// A random token of `bytes` bytes as hex.
pub fn random_hex(bytes: usize) -> Result<String, AppError> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).map_err(|e| AppError::Internal(format!("randomness: {e}")))?;
    Ok(hex(&buffer))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of a token as hex: what the store keeps.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Compares two tokens in time independent of where they differ.
pub(crate) fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A signed-in request.
#[derive(Debug, Clone)]
pub(crate) struct Signed {
    pub account: Account,
    /// The session's form token: every form of the administration carries it.
    pub csrf: String,
    /// The SHA-256 of the session id.
    pub id_hash: String,
}

impl Signed {
    /// Whether a submitted form token is this session's.
    pub(crate) fn csrf_ok(&self, submitted: &str) -> bool {
        same_token(&self.csrf, submitted)
    }
}

/// The session of a request, if it carries a live one (its expiry moves on when a few minutes
/// have passed since the last request).
pub(crate) async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Signed>, AppError> {
    let Some(id) = cookie_value(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let id_hash = token_hash(id);
    let now = Utc::now();
    let Some(session) = state.store().session(&id_hash, now).await? else {
        return Ok(None);
    };
    let idle = chrono::Duration::from_std(state.config().accounts.session_idle)
        .unwrap_or_else(|_| chrono::Duration::hours(12));
    if now - session.last_seen > chrono::Duration::minutes(5) {
        state
            .store()
            .touch_session(&id_hash, now, now + idle)
            .await?;
    }
    Ok(Some(Signed {
        account: session.account,
        csrf: session.csrf,
        id_hash,
    }))
}

/// The session of a POST to the administration, its form token checked: 403 without either.
pub(crate) async fn signed_post(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
) -> Result<Signed, AppError> {
    let signed = signed_in(state, headers)
        .await?
        .ok_or(AppError::Forbidden)?;
    if signed.csrf_ok(csrf) {
        Ok(signed)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Starts a session for `account`; returns the cookie to set.
pub(crate) async fn start_session(
    state: &AppState,
    account: &Account,
) -> Result<HeaderValue, AppError> {
    let id = random_hex(32)?;
    let csrf = random_hex(32)?;
    let now = Utc::now();
    let idle = chrono::Duration::from_std(state.config().accounts.session_idle)
        .unwrap_or_else(|_| chrono::Duration::hours(12));
    state
        .store()
        .create_session(&token_hash(&id), account.id, &csrf, now, now + idle)
        .await?;
    session_cookie(state, &id, None)
}

/// The `Set-Cookie` value of the session cookie (`max_age: Some(0)` removes it).
pub(crate) fn session_cookie(
    state: &AppState,
    value: &str,
    max_age: Option<u32>,
) -> Result<HeaderValue, AppError> {
    let secure = if state.config().is_https() {
        "; Secure"
    } else {
        ""
    };
    let age = max_age
        .map(|a| format!("; Max-Age={a}"))
        .unwrap_or_default();
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}"
    ))
    .map_err(|e| AppError::Internal(format!("cookie: {e}")))
}

/// Adds `Cache-Control: private, no-store` (pages of a signed-in person are never kept).
pub(crate) fn private(mut response: axum::response::Response) -> axum::response::Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("správné heslo 1".into())
            .await
            .unwrap_or_default();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(
            verify_password(Some(hash.clone()), "správné heslo 1".into())
                .await
                .unwrap_or(false)
        );
        assert!(
            !verify_password(Some(hash), "spravne heslo 1".into())
                .await
                .unwrap_or(true)
        );
        assert!(!verify_password(None, "cokoli".into()).await.unwrap_or(true));
        assert!(
            !verify_password(Some("garbage".into()), "x".into())
                .await
                .unwrap_or(true)
        );
        // The stand-in costs a full verification.
        assert!(PasswordHash::new(NO_ACCOUNT_HASH).is_ok());
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let a = random_hex(32).unwrap_or_default();
        assert_eq!(a.len(), 64);
        assert_ne!(a, random_hex(32).unwrap_or_default());
        assert!(same_token(&a, &a.clone()));
        assert!(!same_token(&a, &a[..63]));
        assert!(!same_token("", ""));
        assert_eq!(token_hash("abc").len(), 64);
    }
}

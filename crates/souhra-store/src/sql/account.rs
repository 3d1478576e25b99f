//! Accounts, grants, sessions and one-time tokens.

use chrono::{DateTime, Duration, Utc};
use souhra_core::account::{Account, AccountId, Email, Grant, Role};
use souhra_core::area::AreaId;
use souhra_core::catalogue::Ico;

use super::{Pool, Tx, begin_write};
use crate::account::{LoginRecord, SessionRecord, TokenPurpose};
use crate::error::stored;
use crate::{StoreError, StoreResult};

type AccountRow = (i64, String, String, bool);
type GrantRow = (i64, String, Option<i64>, Option<String>);

fn grant_of(row: GrantRow) -> StoreResult<(AccountId, Grant)> {
    let (account, role, area, ico) = row;
    let role = stored(role, "account role", |r: String| Role::from_key(&r))?;
    let organization = ico
        .map(|i| stored(i, "organization IČO", |i: String| Ico::parse(&i)))
        .transpose()?;
    Ok((
        AccountId(account),
        Grant {
            role,
            area: area.map(AreaId),
            organization,
        },
    ))
}

async fn grants_of(pool: &Pool, ids: &[i64]) -> StoreResult<Vec<(AccountId, Grant)>> {
    let mut out = Vec::new();
    // A handful of accounts per page: one query each keeps the SQL portable.
    for id in ids {
        let rows: Vec<GrantRow> = sqlx::query_as(
            "SELECT account_id, role, area_id, organization_ico FROM account_grant \
             WHERE account_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(pool)
        .await?;
        for row in rows {
            out.push(grant_of(row)?);
        }
    }
    Ok(out)
}

async fn accounts_of(pool: &Pool, rows: Vec<AccountRow>) -> StoreResult<Vec<Account>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut grants = grants_of(pool, &ids).await?;
    rows.into_iter()
        .map(|(id, email, name, active)| {
            let mine: Vec<Grant> = grants
                .iter()
                .filter(|(a, _)| a.0 == id)
                .map(|(_, g)| g.clone())
                .collect();
            grants.retain(|(a, _)| a.0 != id);
            Ok(Account {
                id: AccountId(id),
                email: stored(email, "account e-mail", |e: String| Email::parse(&e))?,
                name,
                active,
                grants: mine,
            })
        })
        .collect()
}

async fn insert_grant(tx: &mut Tx, account: AccountId, grant: &Grant) -> StoreResult<bool> {
    let done = sqlx::query(
        "INSERT INTO account_grant (account_id, role, area_id, organization_ico) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(account.0)
    .bind(grant.role.key())
    .bind(grant.area.map(|a| a.0))
    .bind(grant.organization.as_ref().map(Ico::as_str))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Creates an account with its grants.
pub(crate) async fn create(
    pool: &Pool,
    email: &Email,
    name: &str,
    password_hash: Option<&str>,
    grants: &[Grant],
    at: DateTime<Utc>,
) -> StoreResult<AccountId> {
    let mut tx = begin_write(pool).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO account (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(email.as_str())
    .bind(name)
    .bind(password_hash)
    .bind(at)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| match StoreError::from(e) {
        StoreError::Conflict(_) => StoreError::Conflict(format!("account {email} exists")),
        other => other,
    })?;
    for grant in grants {
        insert_grant(&mut tx, AccountId(id), grant).await?;
    }
    tx.commit().await?;
    Ok(AccountId(id))
}

/// An account by id.
pub(crate) async fn by_id(pool: &Pool, id: AccountId) -> StoreResult<Option<Account>> {
    let row: Option<AccountRow> =
        sqlx::query_as("SELECT id, email, name, active FROM account WHERE id = $1")
            .bind(id.0)
            .fetch_optional(pool)
            .await?;
    Ok(accounts_of(pool, row.into_iter().collect()).await?.pop())
}

/// An account and its login state by e-mail.
pub(crate) async fn login_record(pool: &Pool, email: &Email) -> StoreResult<Option<LoginRecord>> {
    type Row = (i64, Option<String>, i32, Option<DateTime<Utc>>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, password_hash, failed_logins, locked_until FROM account WHERE email = $1",
    )
    .bind(email.as_str())
    .fetch_optional(pool)
    .await?;
    let Some((id, password_hash, failed, locked_until)) = row else {
        return Ok(None);
    };
    let Some(account) = by_id(pool, AccountId(id)).await? else {
        return Ok(None);
    };
    Ok(Some(LoginRecord {
        account,
        password_hash,
        failed_logins: u32::try_from(failed).unwrap_or(0),
        locked_until,
    }))
}

/// Accounts holding a grant on the area, by e-mail.
pub(crate) async fn in_area(pool: &Pool, area: AreaId) -> StoreResult<Vec<Account>> {
    let rows: Vec<AccountRow> = sqlx::query_as(
        "SELECT id, email, name, active FROM account WHERE id IN \
         (SELECT account_id FROM account_grant WHERE area_id = $1) ORDER BY email",
    )
    .bind(area.0)
    .fetch_all(pool)
    .await?;
    accounts_of(pool, rows).await
}

/// Accounts holding a grant without an area (installation administrators), by e-mail.
pub(crate) async fn installation_admins(pool: &Pool) -> StoreResult<Vec<Account>> {
    let rows: Vec<AccountRow> = sqlx::query_as(
        "SELECT id, email, name, active FROM account WHERE id IN \
         (SELECT account_id FROM account_grant WHERE area_id IS NULL) ORDER BY email",
    )
    .fetch_all(pool)
    .await?;
    accounts_of(pool, rows).await
}

/// Adds a grant; false when the account held it already.
pub(crate) async fn add_grant(pool: &Pool, account: AccountId, grant: &Grant) -> StoreResult<bool> {
    let mut tx = begin_write(pool).await?;
    let added = insert_grant(&mut tx, account, grant).await?;
    tx.commit().await?;
    Ok(added)
}

/// Takes a grant away; false when the account did not hold it.
pub(crate) async fn remove_grant(
    pool: &Pool,
    account: AccountId,
    grant: &Grant,
) -> StoreResult<bool> {
    let mut tx = begin_write(pool).await?;
    let done = sqlx::query(
        "DELETE FROM account_grant WHERE account_id = $1 AND role = $2 \
         AND COALESCE(area_id, 0) = COALESCE($3, 0) \
         AND COALESCE(organization_ico, '') = COALESCE($4, '')",
    )
    .bind(account.0)
    .bind(grant.role.key())
    .bind(grant.area.map(|a| a.0))
    .bind(grant.organization.as_ref().map(Ico::as_str))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected() > 0)
}

/// Lets an account log in or not; a deactivated account's sessions end.
pub(crate) async fn set_active(pool: &Pool, account: AccountId, active: bool) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let done = sqlx::query("UPDATE account SET active = $2 WHERE id = $1")
        .bind(account.0)
        .bind(active)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!(
            "there is no account {}",
            account.0
        )));
    }
    if !active {
        sqlx::query("DELETE FROM login_session WHERE account_id = $1")
            .bind(account.0)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Records a failed login; locks the account for `lockout` once `max_failures` failed in a row.
/// Returns the end of the lock if one began.
pub(crate) async fn login_failed(
    pool: &Pool,
    account: AccountId,
    at: DateTime<Utc>,
    max_failures: u32,
    lockout: Duration,
) -> StoreResult<Option<DateTime<Utc>>> {
    let mut tx = begin_write(pool).await?;
    let (failed,): (i32,) = sqlx::query_as(
        "UPDATE account SET failed_logins = failed_logins + 1 WHERE id = $1 \
         RETURNING failed_logins",
    )
    .bind(account.0)
    .fetch_one(&mut *tx)
    .await?;
    let locked = if u32::try_from(failed).unwrap_or(0) >= max_failures {
        let until = at + lockout;
        sqlx::query("UPDATE account SET failed_logins = 0, locked_until = $2 WHERE id = $1")
            .bind(account.0)
            .bind(until)
            .execute(&mut *tx)
            .await?;
        Some(until)
    } else {
        None
    };
    super::history::audit(
        &mut tx,
        at,
        Some(account),
        None,
        "account.login-failed",
        None,
        None,
    )
    .await?;
    if locked.is_some() {
        super::history::audit(
            &mut tx,
            at,
            Some(account),
            None,
            "account.locked",
            None,
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(locked)
}

/// Records a successful login: the failure count and any ended lock are cleared.
pub(crate) async fn login_succeeded(
    pool: &Pool,
    account: AccountId,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    sqlx::query(
        "UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = $2 \
         WHERE id = $1",
    )
    .bind(account.0)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    super::history::audit(
        &mut tx,
        at,
        Some(account),
        None,
        "account.login",
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn store_password(tx: &mut Tx, account: AccountId, hash: &str) -> StoreResult<()> {
    sqlx::query(
        "UPDATE account SET password_hash = $2, failed_logins = 0, locked_until = NULL \
         WHERE id = $1",
    )
    .bind(account.0)
    .bind(hash)
    .execute(&mut **tx)
    .await?;
    // Every session of the account ends: whoever knew the old password is out.
    sqlx::query("DELETE FROM login_session WHERE account_id = $1")
        .bind(account.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Sets an account's password hash, ending its sessions.
pub(crate) async fn set_password(pool: &Pool, account: AccountId, hash: &str) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    store_password(&mut tx, account, hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Starts a session.
pub(crate) async fn create_session(
    pool: &Pool,
    id_hash: &str,
    account: AccountId,
    csrf: &str,
    at: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO login_session (id_hash, account_id, csrf, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(id_hash)
    .bind(account.0)
    .bind(csrf)
    .bind(at)
    .bind(expires)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The live session with this id hash and its active account.
pub(crate) async fn session(
    pool: &Pool,
    id_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<SessionRecord>> {
    type Row = (i64, String, DateTime<Utc>, DateTime<Utc>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT account_id, csrf, last_seen_at, expires_at FROM login_session WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(pool)
    .await?;
    let Some((account, csrf, last_seen, expires)) = row else {
        return Ok(None);
    };
    if expires <= now {
        return Ok(None);
    }
    let Some(account) = by_id(pool, AccountId(account)).await? else {
        return Ok(None);
    };
    if !account.active {
        return Ok(None);
    }
    Ok(Some(SessionRecord {
        account,
        csrf,
        last_seen,
        expires,
    }))
}

/// Moves a session's last activity and expiry.
pub(crate) async fn touch_session(
    pool: &Pool,
    id_hash: &str,
    at: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    sqlx::query("UPDATE login_session SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1")
        .bind(id_hash)
        .bind(at)
        .bind(expires)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a session.
pub(crate) async fn end_session(pool: &Pool, id_hash: &str) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    sqlx::query("DELETE FROM login_session WHERE id_hash = $1")
        .bind(id_hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes sessions and tokens that expired before `now`; returns how many sessions went.
pub(crate) async fn purge_expired(pool: &Pool, now: DateTime<Utc>) -> StoreResult<u64> {
    let mut tx = begin_write(pool).await?;
    let sessions = sqlx::query("DELETE FROM login_session WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM account_token WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(sessions)
}

/// Keeps a one-time token (by hash).
pub(crate) async fn create_token(
    pool: &Pool,
    token_hash: &str,
    purpose: TokenPurpose,
    account: AccountId,
    by: Option<AccountId>,
    at: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO account_token (token_hash, purpose, account_id, created_by, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(purpose.key())
    .bind(account.0)
    .bind(by.map(|b| b.0))
    .bind(at)
    .bind(expires)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

type TokenRow = (String, i64, DateTime<Utc>, Option<DateTime<Utc>>);

async fn live_token(
    tx: &mut Tx,
    token_hash: &str,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> StoreResult<Option<AccountId>> {
    let row: Option<TokenRow> = sqlx::query_as(
        "SELECT purpose, account_id, expires_at, used_at FROM account_token WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row
        .filter(|(p, _, expires, used)| p == purpose.key() && *expires > now && used.is_none())
        .map(|(_, account, _, _)| AccountId(account)))
}

/// The account of a token that is unused and not expired.
pub(crate) async fn token_account(
    pool: &Pool,
    token_hash: &str,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> StoreResult<Option<Account>> {
    let mut tx = pool.begin().await?;
    let account = live_token(&mut tx, token_hash, purpose, now).await?;
    tx.commit().await?;
    match account {
        Some(id) => by_id(pool, id).await,
        None => Ok(None),
    }
}

/// Uses a token to set its account's password (and name, for an invitation), all in one
/// transaction: the token can be used once. Returns the account, `None` for a token that is
/// unknown, used or expired.
pub(crate) async fn redeem_token(
    pool: &Pool,
    token_hash: &str,
    purpose: TokenPurpose,
    password_hash: &str,
    name: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<Option<AccountId>> {
    let mut tx = begin_write(pool).await?;
    let Some(account) = live_token(&mut tx, token_hash, purpose, now).await? else {
        return Ok(None);
    };
    let used = sqlx::query(
        "UPDATE account_token SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if used.rows_affected() != 1 {
        return Ok(None);
    }
    store_password(&mut tx, account, password_hash).await?;
    if let Some(name) = name {
        sqlx::query("UPDATE account SET name = $2 WHERE id = $1")
            .bind(account.0)
            .bind(name)
            .execute(&mut *tx)
            .await?;
    }
    super::history::audit(
        &mut tx,
        now,
        Some(account),
        None,
        "account.password",
        None,
        Some(purpose.key()),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(account))
}

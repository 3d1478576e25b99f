//! Souhra's storage: one repository API over SQLite (the embedded default) and PostgreSQL
//! (the scale-out database).
//!
//! [`Store`] is the only way the layers above reach the database. It is opened from a
//! [`DatabaseTarget`] (an SQLite file, or a `postgres://` URL), brings its schema up to date with
//! [`Store::migrate`] (versioned migrations for each backend, embedded from `migrations/`), and
//! offers one method per question or change: territory ([`territory`]), the catalogue of
//! services and its registry import ([`catalogue`]), codelists
//! ([`codelist`]), planning areas ([`area`]), accounts, sessions and tokens ([`account`]), history, moderation and the audit
//! log ([`history`]), plans with their versions, content, budgets and indicators ([`plan`]),
//! installation
//! metadata ([`meta`]). Records that
//! mix several tables for display live in [`records`]. Every error is a [`StoreError`]; no
//! `sqlx::Error` leaks out.
//!
//! Both backends run the *same SQL text*: queries use `$1`-style parameters, which SQLite accepts
//! too, and a portable subset of SQL (upserts with `ON CONFLICT`, `RETURNING`). The query code in
//! `src/sql/` is written once as ordinary functions over a type alias `Db` and compiled twice —
//! as `crate::sqlite::sql` and `crate::postgres::sql` — with runtime-checked queries; the public
//! methods on [`Store`] dispatch to the backend in use. See `docs/architecture.md` for why this
//! was chosen over one crate per backend.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};

pub mod account;
pub mod area;
pub mod catalogue;
pub mod codelist;
pub mod comment;
mod error;
pub mod group;
pub mod history;
pub mod meta;
mod migrate;
pub mod network;
pub mod plan;
mod postgres;
pub mod public;
pub mod records;
mod sqlite;
pub mod survey;
mod target;
pub mod territory;
#[cfg(feature = "testing")]
pub mod testing;

pub use error::{StoreError, StoreResult};
pub use migrate::{MigrationReport, migration_versions};
pub use target::{DatabaseTarget, mask_password};

/// Runs `$body` with `$pool` bound to the backend's pool; the body is compiled once per backend.
macro_rules! with_pool {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &$store.backend {
            $crate::Backend::Sqlite($pool) => $body,
            $crate::Backend::Postgres($pool) => $body,
        }
    };
}
pub(crate) use with_pool;

/// Calls `sql::$module::$function(pool, args…)` of the store's backend.
macro_rules! dispatch {
    ($store:expr, $module:ident :: $function:ident ( $($arg:expr),* $(,)? )) => {
        match &$store.backend {
            $crate::Backend::Sqlite(pool) => {
                $crate::sqlite::sql::$module::$function(pool, $($arg),*).await
            }
            $crate::Backend::Postgres(pool) => {
                $crate::postgres::sql::$module::$function(pool, $($arg),*).await
            }
        }
    };
}
pub(crate) use dispatch;

/// Time allowed for the first connection before the database counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub(crate) enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Which kind of database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// Connection settings beyond the target.
#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    /// Maximum number of pooled connections.
    pub max_connections: u32,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self { max_connections: 8 }
    }
}

/// The repository: a cheap-to-clone handle to the database.
#[derive(Clone)]
pub struct Store {
    pub(crate) backend: Backend,
    description: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("database", &self.description)
            .finish()
    }
}

impl Store {
    /// Opens the database (creating an SQLite file if needed) and checks that it answers. Does
    /// not migrate; call [`Store::migrate`].
    pub async fn open(target: &DatabaseTarget, settings: PoolSettings) -> StoreResult<Self> {
        let backend = match target {
            DatabaseTarget::Sqlite { path } => Backend::Sqlite(open_sqlite(path, settings).await?),
            DatabaseTarget::Postgres { url, schema } => {
                Backend::Postgres(open_postgres(target, url, schema.as_deref(), settings).await?)
            }
        };
        Ok(Self {
            backend,
            description: target.describe(),
        })
    }

    /// The database, with any password masked.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Which backend this store runs on.
    pub fn backend_kind(&self) -> BackendKind {
        match self.backend {
            Backend::Sqlite(_) => BackendKind::Sqlite,
            Backend::Postgres(_) => BackendKind::Postgres,
        }
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> StoreResult<()> {
        with_pool!(self, |pool| {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Connections in the pool: (open, idle).
    pub fn pool_connections(&self) -> (u32, usize) {
        with_pool!(self, |pool| (pool.size(), pool.num_idle()))
    }

    /// Closes every connection, waiting for those in use (graceful shutdown). For SQLite this
    /// also checkpoints the write-ahead log into the database file.
    pub async fn close(&self) {
        with_pool!(self, |pool| pool.close().await);
    }
}

async fn open_sqlite(path: &Path, settings: PoolSettings) -> StoreResult<SqlitePool> {
    check_sqlite_location(path)?;
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    // One direct connection first: a damaged or unwritable file fails here with a clear message.
    let mut first = options
        .connect()
        .await
        .map_err(|e| sqlite_open_error(path, e))?;
    sqlx::query("SELECT count(*) FROM sqlite_master")
        .execute(&mut first)
        .await
        .map_err(|e| sqlite_open_error(path, e))?;
    first
        .close()
        .await
        .map_err(|e| sqlite_open_error(path, e))?;
    SqlitePoolOptions::new()
        .max_connections(settings.max_connections.max(1))
        .connect_with(options)
        .await
        .map_err(|e| sqlite_open_error(path, e))
}

/// The folder must exist and be writable (SQLite also writes `-wal` and `-shm` files beside the
/// database), and an existing file must be writable.
fn check_sqlite_location(path: &Path) -> StoreResult<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let not_writable = |path: &Path, reason: String| StoreError::NotWritable {
        path: path.to_owned(),
        reason,
    };
    if !folder.is_dir() {
        return Err(not_writable(folder, "the folder does not exist".into()));
    }
    let probe = folder.join(format!(".souhra-write-check-{}", std::process::id()));
    std::fs::write(&probe, b"")
        .map_err(|e| not_writable(folder, format!("the folder is not writable ({e})")))?;
    let _ = std::fs::remove_file(&probe);
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.permissions().readonly() {
            return Err(not_writable(path, "the file is read-only".into()));
        }
        if !metadata.is_file() {
            return Err(not_writable(path, "it is not a regular file".into()));
        }
    }
    Ok(())
}

fn sqlite_open_error(path: &Path, error: sqlx::Error) -> StoreError {
    const SQLITE_READONLY: i64 = 8;
    const SQLITE_CORRUPT: i64 = 11;
    const SQLITE_CANTOPEN: i64 = 14;
    const SQLITE_NOTADB: i64 = 26;
    let code = error
        .as_database_error()
        .and_then(|db| db.code())
        .and_then(|code| code.parse::<i64>().ok())
        .map(|code| code & 0xff);
    let reason = error
        .as_database_error()
        .map_or_else(|| error.to_string(), |db| db.message().to_owned());
    match code {
        Some(SQLITE_CORRUPT | SQLITE_NOTADB) => StoreError::Corrupt {
            path: path.to_owned(),
            reason,
        },
        Some(SQLITE_READONLY | SQLITE_CANTOPEN) => StoreError::NotWritable {
            path: path.to_owned(),
            reason,
        },
        _ => StoreError::Database(format!("{}: {reason}", path.display())),
    }
}

async fn open_postgres(
    target: &DatabaseTarget,
    url: &str,
    schema: Option<&str>,
    settings: PoolSettings,
) -> StoreResult<PgPool> {
    let mut options = PgConnectOptions::from_str(url).map_err(|e| StoreError::InvalidUrl {
        url: mask_password(url),
        reason: e.to_string(),
    })?;
    options = options.application_name("souhra");
    if let Some(schema) = schema {
        options = options.options([("search_path", schema)]);
    }
    let unreachable = |reason: String| StoreError::Unreachable {
        target: target.describe(),
        reason,
    };
    let first = tokio::time::timeout(CONNECT_TIMEOUT, options.connect())
        .await
        .map_err(|_elapsed| {
            unreachable(format!("no answer within {} s", CONNECT_TIMEOUT.as_secs()))
        })?
        .map_err(|e| unreachable(connect_reason(&e)))?;
    first
        .close()
        .await
        .map_err(|e| unreachable(connect_reason(&e)))?;
    PgPoolOptions::new()
        .max_connections(settings.max_connections.max(1))
        .acquire_timeout(CONNECT_TIMEOUT)
        .connect_with(options)
        .await
        .map_err(|e| unreachable(connect_reason(&e)))
}

fn connect_reason(error: &sqlx::Error) -> String {
    match error {
        sqlx::Error::Io(io) => io.to_string(),
        sqlx::Error::Database(db) => db.message().to_owned(),
        sqlx::Error::Tls(tls) => format!("TLS: {tls}"),
        sqlx::Error::PoolTimedOut => "timed out waiting for a connection".to_owned(),
        other => other.to_string(),
    }
}

//! [`StoreError`]: the only error type the layers above the store see.

use std::path::PathBuf;

/// What went wrong in the store, with a message an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL cannot be used.
    #[error("invalid database URL {url}: {reason}")]
    InvalidUrl {
        /// The URL with any password masked.
        url: String,
        /// Why it is invalid.
        reason: String,
    },
    /// The database server cannot be reached or refuses the connection.
    #[error("cannot connect to {target}: {reason}")]
    Unreachable {
        /// The target with any password masked.
        target: String,
        /// The cause.
        reason: String,
    },
    /// The SQLite file exists but is not a usable database.
    #[error("{} is not a valid SQLite database ({reason}); restore it from a backup or move it away to start afresh", path.display())]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// The cause reported by SQLite.
        reason: String,
    },
    /// The database file or its folder cannot be written.
    #[error("cannot write the database at {}: {reason}", path.display())]
    NotWritable {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        reason: String,
    },
    /// The schema could not be brought up to date.
    #[error("database migration failed: {0}")]
    Migration(String),
    /// A record that must be unique already exists.
    #[error("{0}")]
    Conflict(String),
    /// A referenced record does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Input the store refuses (for example an area without municipalities).
    #[error("{0}")]
    Invalid(String),
    /// A stored value does not satisfy the domain rules (should never happen; indicates an
    /// edited database).
    #[error("stored data are invalid: {0}")]
    StoredValue(String),
    /// The database is not answering (pool timed out or closed, connection lost).
    #[error("the database is not available: {0}")]
    Unavailable(String),
    /// Any other database error.
    #[error("database error: {0}")]
    Database(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let Some(db) = error.as_database_error() {
            if db.is_unique_violation() {
                return Self::Conflict(db.message().to_owned());
            }
            if db.is_foreign_key_violation() {
                return Self::NotFound(db.message().to_owned());
            }
        }
        match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                Self::Unavailable(error.to_string())
            }
            other => Self::Database(other.to_string()),
        }
    }
}

/// Shorthand for results of store operations.
pub type StoreResult<T> = Result<T, StoreError>;

/// Converts a stored number into a domain type, reporting what was wrong.
pub(crate) fn stored<T, V, E>(
    value: V,
    what: &str,
    convert: impl FnOnce(V) -> Result<T, E>,
) -> StoreResult<T>
where
    V: std::fmt::Debug + Clone,
    E: std::fmt::Display,
{
    convert(value.clone()).map_err(|e| StoreError::StoredValue(format!("{what} {value:?}: {e}")))
}

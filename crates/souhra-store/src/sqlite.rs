//! The query code of `sql/` compiled for SQLite.

/// The database type the shared query code runs against.
pub(crate) type Db = sqlx::Sqlite;

#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
pub(crate) mod sql;

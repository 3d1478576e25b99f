//! The query code of `sql/` compiled for PostgreSQL.

/// Whether this instance of the query code runs on PostgreSQL (for the few statements only it
/// has, such as advisory locks).
pub(crate) const IS_POSTGRES: bool = true;

/// The database type the shared query code runs against.
pub(crate) type Db = sqlx::Postgres;

#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
pub(crate) mod sql;

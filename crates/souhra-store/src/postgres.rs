//! The query code of `sql/` compiled for PostgreSQL.

/// The database type the shared query code runs against.
pub(crate) type Db = sqlx::Postgres;

#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
pub(crate) mod sql;

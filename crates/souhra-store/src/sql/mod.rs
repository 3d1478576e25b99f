//! Query code shared by both backends. This module is compiled twice — once inside
//! `crate::sqlite` and once inside `crate::postgres` — with `Db` naming that backend's database
//! type, so each function here is an ordinary function over a concrete pool or transaction. The
//! SQL text is the same for both: `$n` parameters and a portable subset of SQL.

pub(crate) mod account;
pub(crate) mod area;
pub(crate) mod batch;
pub(crate) mod catalogue;
pub(crate) mod codelist;
pub(crate) mod comment;
pub(crate) mod entries;
pub(crate) mod group;
pub(crate) mod history;
pub(crate) mod import;
pub(crate) mod meta;
pub(crate) mod network;
pub(crate) mod plan;
pub(crate) mod public;
pub(crate) mod survey;
pub(crate) mod territory;
pub(crate) mod yearly;

pub(crate) use super::{Db, IS_POSTGRES};

/// The pool of this backend.
pub(crate) type Pool = sqlx::Pool<Db>;

/// A transaction of this backend.
pub(crate) type Tx = sqlx::Transaction<'static, Db>;

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), waiting for other writers within the busy timeout: a deferred
/// transaction that has read and then tries to write can instead fail at once with "database is
/// locked" when another connection wrote in between.
pub(crate) async fn begin_write(pool: &Pool) -> Result<Tx, sqlx::Error> {
    if IS_POSTGRES {
        pool.begin().await
    } else {
        pool.begin_with("BEGIN IMMEDIATE").await
    }
}

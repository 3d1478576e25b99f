//! Installation metadata: small key–value facts such as the fingerprint of the loaded territory.

use std::path::Path;

use crate::{Backend, Store, StoreError, StoreResult, dispatch};

impl Store {
    /// The value stored under `key`.
    pub async fn meta(&self, key: &str) -> StoreResult<Option<String>> {
        dispatch!(self, meta::get(key))
    }

    /// Stores `value` under `key`, replacing what was there.
    pub async fn set_meta(&self, key: &str, value: &str) -> StoreResult<()> {
        dispatch!(self, meta::set_now(key, value))
    }
}

impl Store {
    /// Writes a consistent copy of an SQLite database to `destination` while it stays in use
    /// (`VACUUM INTO`: a compact, self-contained file without a write-ahead log). The destination
    /// must not exist. PostgreSQL installations back up with `pg_dump` instead.
    pub async fn backup_to(&self, destination: &Path) -> StoreResult<()> {
        let Backend::Sqlite(pool) = &self.backend else {
            return Err(StoreError::Invalid(
                "backups of a PostgreSQL database are made with pg_dump (see docs/operations.md)"
                    .into(),
            ));
        };
        if destination.exists() {
            return Err(StoreError::Conflict(format!(
                "{} already exists; choose a new file name",
                destination.display()
            )));
        }
        let path = destination.to_str().ok_or_else(|| {
            StoreError::Invalid(format!("{} is not a UTF-8 path", destination.display()))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(pool)
            .await
            .map_err(|e| StoreError::NotWritable {
                path: destination.to_owned(),
                reason: e.to_string(),
            })?;
        Ok(())
    }
}

//! Versioned schema migrations, embedded from `migrations/sqlite` and `migrations/postgres`.
//!
//! sqlx's migrator applies them (each in a transaction; on PostgreSQL under an advisory lock, so
//! several `souhra serve` instances starting together migrate once).

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

use sqlx::error::BoxDynError;
use sqlx::migrate::{MigrateError, Migration, MigrationSource, MigrationType, Migrator};

use crate::{Store, StoreError, StoreResult, with_pool};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

/// What [`Store::migrate`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationReport {
    /// Migrations applied by this call: (version, description).
    pub applied: Vec<(i64, String)>,
    /// Migrations the schema now has in total.
    pub total: usize,
}

/// Versions of the embedded migrations, for SQLite and PostgreSQL.
pub fn migration_versions() -> (Vec<i64>, Vec<i64>) {
    let versions = |list: &[(i64, &str, &str)]| list.iter().map(|(v, _, _)| *v).collect();
    (versions(embedded::SQLITE), versions(embedded::POSTGRES))
}

/// The embedded migrations of one backend as a migration source.
#[derive(Debug)]
struct Embedded(&'static [(i64, &'static str, &'static str)]);

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 's>> {
        Box::pin(async move {
            Ok(self
                .0
                .iter()
                .map(|&(version, description, sql)| {
                    Migration::new(
                        version,
                        Cow::Borrowed(description),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

fn migrate_error(error: MigrateError) -> StoreError {
    StoreError::Migration(match error {
        MigrateError::VersionMissing(version) => format!(
            "the database has migration {version}, which this program does not know: it was \
             last used by a newer version of Souhra; upgrade the program instead"
        ),
        MigrateError::VersionMismatch(version) => format!(
            "migration {version} differs from the one applied to this database; the program \
             build is inconsistent"
        ),
        MigrateError::Dirty(version) => format!(
            "migration {version} failed part-way earlier; restore the database from a backup"
        ),
        other => other.to_string(),
    })
}

impl Store {
    /// Applies every migration the database does not have yet.
    pub async fn migrate(&self) -> StoreResult<MigrationReport> {
        let before = self.applied_migrations().await.unwrap_or_default();
        with_pool!(self, |pool| {
            let list = match self.backend_kind() {
                crate::BackendKind::Sqlite => embedded::SQLITE,
                crate::BackendKind::Postgres => embedded::POSTGRES,
            };
            let migrator = Migrator::new(Embedded(list)).await.map_err(migrate_error)?;
            migrator.run(pool).await.map_err(migrate_error)?;
        });
        let after = self.applied_migrations().await?;
        let applied = after
            .iter()
            .filter(|(version, _)| !before.iter().any(|(v, _)| v == version))
            .cloned()
            .collect();
        Ok(MigrationReport {
            applied,
            total: after.len(),
        })
    }

    /// Migrations recorded in the database: (version, description).
    pub async fn applied_migrations(&self) -> StoreResult<Vec<(i64, String)>> {
        let rows: Vec<(i64, String)> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}

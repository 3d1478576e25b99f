//! Throw-away databases for tests (feature `testing`): an SQLite file in a temporary folder, or
//! a PostgreSQL schema of its own in the test database. Each is migrated on creation and removed
//! when the [`TestDatabase`] is dropped — also when the test panics — so tests run in parallel
//! and leave nothing behind.
//!
//! The PostgreSQL URL comes from `SOUHRA_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`). Without a reachable server the PostgreSQL half of
//! a suite is skipped with a notice, unless `CI` is set, where it is a failure.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::{BackendKind, DatabaseTarget, PoolSettings, Store, StoreError, StoreResult};

/// Environment variable with the PostgreSQL URL for tests.
pub const POSTGRES_URL_VARIABLE: &str = "SOUHRA_TEST_POSTGRES_URL";

/// PostgreSQL URL used when [`POSTGRES_URL_VARIABLE`] is not set.
pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// The PostgreSQL URL for tests.
pub fn postgres_url() -> String {
    std::env::var(POSTGRES_URL_VARIABLE).unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned())
}

/// Whether an unreachable PostgreSQL must fail the tests (`CI` is set and not `false`/`0`).
pub fn postgres_required() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Checks that the test PostgreSQL answers; the error says why not.
pub async fn postgres_available() -> Result<(), String> {
    let target = DatabaseTarget::from_url(&postgres_url()).map_err(|e| e.to_string())?;
    let store = Store::open(&target, PoolSettings { max_connections: 1 })
        .await
        .map_err(|e| e.to_string())?;
    store.close().await;
    Ok(())
}

enum Cleanup {
    /// The folder is deleted when this is dropped.
    Sqlite {
        _folder: tempfile::TempDir,
    },
    Postgres {
        schema: String,
    },
}

/// A migrated, empty database that disappears when dropped.
pub struct TestDatabase {
    /// The store on it.
    pub store: Store,
    target: DatabaseTarget,
    cleanup: Cleanup,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "souhra_test_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestDatabase {
    /// A fresh database of the given kind.
    pub async fn new(kind: BackendKind) -> StoreResult<Self> {
        match kind {
            BackendKind::Sqlite => Self::sqlite().await,
            BackendKind::Postgres => Self::postgres().await,
        }
    }

    /// A fresh SQLite database file in its own temporary folder.
    pub async fn sqlite() -> StoreResult<Self> {
        let dir = tempfile::tempdir().map_err(|e| StoreError::Database(e.to_string()))?;
        let target = DatabaseTarget::Sqlite {
            path: dir.path().join("souhra.db"),
        };
        let store = Store::open(&target, PoolSettings::default()).await?;
        store.migrate().await?;
        Ok(Self {
            store,
            target,
            cleanup: Cleanup::Sqlite { _folder: dir },
        })
    }

    /// A fresh schema in the test PostgreSQL database.
    pub async fn postgres() -> StoreResult<Self> {
        let url = postgres_url();
        let schema = unique_name();
        let admin = Store::open(
            &DatabaseTarget::from_url(&url)?,
            PoolSettings { max_connections: 1 },
        )
        .await?;
        admin
            .execute_raw(&format!("CREATE SCHEMA {schema}"))
            .await?;
        admin.close().await;
        let target = DatabaseTarget::Postgres {
            url,
            schema: Some(schema.clone()),
        };
        let store = match Store::open(&target, PoolSettings { max_connections: 4 }).await {
            Ok(store) => store,
            Err(error) => {
                drop_schema(&schema);
                return Err(error);
            }
        };
        let database = Self {
            store,
            target,
            cleanup: Cleanup::Postgres { schema },
        };
        database.store.migrate().await?;
        Ok(database)
    }

    /// Where the database is.
    pub fn target(&self) -> &DatabaseTarget {
        &self.target
    }

    /// A `DATABASE_URL` that reaches this database (for tests that start the program).
    pub fn url(&self) -> String {
        match &self.target {
            DatabaseTarget::Sqlite { path } => format!("sqlite://{}", path.display()),
            DatabaseTarget::Postgres { url, schema } => {
                let separator = if url.contains('?') { '&' } else { '?' };
                match schema {
                    Some(schema) => format!("{url}{separator}options=-c%20search_path%3D{schema}"),
                    None => url.clone(),
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { schema } = &self.cleanup {
            drop_schema(schema);
        }
    }
}

/// Drops a test schema from a thread of its own (Drop cannot await, and may run inside a
/// runtime).
fn drop_schema(schema: &str) {
    let schema = schema.to_owned();
    let worker = std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async {
            let Ok(target) = DatabaseTarget::from_url(&postgres_url()) else {
                return;
            };
            let Ok(store) = Store::open(&target, PoolSettings { max_connections: 1 }).await else {
                return;
            };
            let sql = format!("DROP SCHEMA IF EXISTS {schema} CASCADE");
            let _ = tokio::time::timeout(Duration::from_secs(30), store.execute_raw(&sql)).await;
            store.close().await;
        });
    });
    let _ = worker.join();
}

/// Every (table, column) of the schema except sqlx's bookkeeping, sorted — to compare the
/// SQLite and PostgreSQL migrations.
pub async fn schema_columns(store: &Store) -> StoreResult<Vec<(String, String)>> {
    let mut columns: Vec<(String, String)> = match &store.backend {
        crate::Backend::Sqlite(pool) => {
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
            )
            .fetch_all(pool)
            .await?
        }
        crate::Backend::Postgres(pool) => {
            sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
            )
            .fetch_all(pool)
            .await?
        }
    };
    columns.sort();
    Ok(columns)
}

impl Store {
    /// Runs one SQL statement built by the test helpers (schema management).
    async fn execute_raw(&self, sql: &str) -> StoreResult<()> {
        crate::with_pool!(self, |pool| {
            sqlx::query(sql).execute(pool).await?;
        });
        Ok(())
    }
}

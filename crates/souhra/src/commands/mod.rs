//! The subcommands and what they share: preparing the data folder, opening and migrating the
//! store, loading the built-in reference data.

pub mod admin;
pub mod bench;
pub mod bench_analysis;
pub mod bench_comments;
pub mod bench_plan;
pub mod bench_region;
pub mod bench_surveys;
pub mod catalogue;
pub mod demo_ages;
pub mod demo_groups;
mod demo_network;
pub mod demo_plans;
pub mod demo_surveys;
pub mod hsds;
pub mod print;
pub mod remind;
pub mod search;
pub mod serve;
pub mod sheet;
pub mod situations;
pub mod user;

use std::io::Write as _;
use std::path::Path;

use souhra_core::progress::Progress;
use souhra_interop::bundled;
use souhra_store::{DatabaseTarget, PoolSettings, Store};

use crate::config::{Config, Setting, Source};
use crate::failure::Failure;

/// Writes a line of a command's result to stdout.
pub fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}

/// Makes sure the data folder exists and can be written. A folder the user named must already
/// exist (a typo or an unmounted volume should not silently get a new empty database); the
/// default folder, and any folder when `create` is set, is created.
pub fn prepare_data_dir(dir: &Setting<std::path::PathBuf>, create: bool) -> Result<(), Failure> {
    let path = &dir.value;
    if !path.exists() {
        if create || dir.source == Source::Default {
            std::fs::create_dir_all(path).map_err(|e| {
                Failure::runtime(format!(
                    "cannot create the data folder {}: {e}",
                    path.display()
                ))
            })?;
        } else {
            return Err(Failure::input(format!(
                "the data folder {} ({}) does not exist; create it first (mkdir -p {}) or choose another one",
                path.display(),
                dir.source,
                path.display()
            )));
        }
    }
    if !path.is_dir() {
        return Err(Failure::input(format!(
            "the data folder {} is not a folder",
            path.display()
        )));
    }
    check_writable(path)
}

fn check_writable(folder: &Path) -> Result<(), Failure> {
    let probe = folder.join(format!(".souhra-write-check-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(|e| {
        Failure::runtime(format!(
            "the data folder {} is not writable: {e}",
            folder.display()
        ))
    })?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

/// The configured store, its data folder checked.
pub async fn store_for(config: &Config) -> Result<Store, Failure> {
    prepare_data_dir(&config.data_dir, false)?;
    let target = config.database_target()?;
    open_store(config, &target).await
}

/// Opens the configured database and brings its schema up to date.
pub async fn open_store(config: &Config, target: &DatabaseTarget) -> Result<Store, Failure> {
    let settings = PoolSettings {
        max_connections: config.db_max_connections.value,
    };
    let store = Store::open(target, settings).await?;
    let report = store.migrate().await?;
    for (version, description) in &report.applied {
        tracing::info!(version, description, "migration applied");
    }
    tracing::info!(
        database = store.description(),
        migrations = report.total,
        "database ready"
    );
    Ok(store)
}

/// Loads the territory and codelists built into this program when the database does not hold
/// this very version yet (or always, with `force`). Returns whether anything was loaded.
pub async fn ensure_reference_data(
    store: &Store,
    progress: &dyn Progress,
    force: bool,
) -> Result<bool, Failure> {
    let fingerprint = bundled::fingerprint();
    if !force && store.territory_fingerprint().await?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(false);
    }
    let codelists = bundled::codelists()?;
    store.load_codelists(&codelists).await?;
    let territory = bundled::territory()?;
    let report = store
        .load_territory(&territory, &fingerprint, progress)
        .await?;
    tracing::info!(
        municipalities = report.municipalities,
        retired = report.retired_municipalities,
        population_records = report.population_records,
        codelist_entries = codelists.len(),
        "reference data loaded"
    );
    Ok(true)
}

/// Every codelist entry the store knows, including codes the registry brought without labels.
pub async fn codelists(
    store: &Store,
) -> Result<Vec<souhra_core::codelist::CodelistEntry>, Failure> {
    let mut all = Vec::new();
    for list in souhra_core::codelist::Codelist::ALL {
        all.extend(store.codelist(list).await?);
    }
    Ok(all)
}

/// The catalogue's entries (of the area with this slug, or all), for exports; the reference data
/// are loaded first if this build's differ.
pub async fn catalogue_entries(
    store: &Store,
    area: Option<&str>,
) -> Result<Vec<souhra_core::catalogue::CatalogueEntry>, Failure> {
    ensure_reference_data(store, &crate::progress::Reporter::new(), false).await?;
    let area = match area {
        Some(slug) => Some(
            store
                .area_by_slug(slug)
                .await?
                .ok_or_else(|| {
                    Failure::input(format!("there is no area {slug:?}; see `souhra area list`"))
                })?
                .id,
        ),
        None => None,
    };
    Ok(store
        .catalogue_entries(area)
        .await?
        .into_iter()
        .map(|(_, entry)| entry)
        .collect())
}

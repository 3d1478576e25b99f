//! `souhra export hsds` and `souhra import hsds`: the catalogue as Open Referral HSDS 3.0.

use std::path::{Path, PathBuf};

use souhra_core::catalogue::CatalogueEntry;
use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::import::ImportReport;
use souhra_core::import::Rejection;
use souhra_interop::bundled;
use souhra_interop::hsds::export::{Context, services};
use souhra_interop::hsds::import::{ImportContext, to_entry};
use souhra_interop::hsds::tables::{
    DATAPACKAGE_FILE, Item, SERVICES_FILE, read_datapackage_each, read_json_each,
    write_datapackage, write_json,
};
use souhra_store::Store;

use super::{ensure_reference_data, say, store_for};
use crate::cli::{ExportHsds, HsdsFormat, ImportHsds};
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

/// Every codelist entry the store knows, including codes the registry brought without labels.
async fn codelists(store: &Store) -> Result<Vec<CodelistEntry>, Failure> {
    let mut all = Vec::new();
    for list in Codelist::ALL {
        all.extend(store.codelist(list).await?);
    }
    Ok(all)
}

/// `souhra export hsds`.
pub async fn export_hsds(config: &Config, args: &ExportHsds) -> Result<(), Failure> {
    let store = store_for(config).await?;
    let result = export(&store, args).await;
    store.close().await;
    let (services, dir) = result?;
    say(&format!(
        "exported {services} services as HSDS 3.0 ({}) into {}",
        match args.format {
            HsdsFormat::Json => SERVICES_FILE,
            HsdsFormat::Datapackage => "tabular data package",
        },
        dir.display()
    ));
    Ok(())
}

async fn export(store: &Store, args: &ExportHsds) -> Result<(usize, PathBuf), Failure> {
    ensure_reference_data(store, &Reporter::new(), false).await?;
    let area = match &args.area {
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
    let entries: Vec<_> = store
        .catalogue_entries(area)
        .await?
        .into_iter()
        .map(|(_, entry)| entry)
        .collect();
    let context = Context::new(&bundled::territory()?, &codelists(store).await?)?;
    let services = services(&context, &entries);
    let count = match args.format {
        HsdsFormat::Json => write_json(&args.output, services)?,
        HsdsFormat::Datapackage => write_datapackage(&args.output, services)?,
    };
    Ok((count, args.output.clone()))
}

/// The folder of an HSDS import and whether it is a data package (else `services.json`).
fn locate(path: &Path) -> Result<(PathBuf, bool), Failure> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if path.is_file() {
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        return match name {
            SERVICES_FILE => Ok((dir, false)),
            DATAPACKAGE_FILE => Ok((dir, true)),
            _ => Err(Failure::input(format!(
                "{} is neither {SERVICES_FILE} nor {DATAPACKAGE_FILE}; give the folder of an HSDS export",
                path.display()
            ))),
        };
    }
    if !path.is_dir() {
        return Err(Failure::input(format!("{} does not exist", path.display())));
    }
    if path.join(SERVICES_FILE).is_file() {
        Ok((path.to_path_buf(), false))
    } else if path.join(DATAPACKAGE_FILE).is_file() {
        Ok((path.to_path_buf(), true))
    } else {
        Err(Failure::input(format!(
            "{} holds neither {SERVICES_FILE} nor {DATAPACKAGE_FILE}",
            path.display()
        )))
    }
}

/// `souhra import hsds`.
pub async fn import_hsds(config: &Config, args: &ImportHsds) -> Result<(), Failure> {
    let (dir, package) = locate(&args.path)?;
    let store = store_for(config).await?;
    let result = import(&store, args, &dir, package).await;
    store.close().await;
    let report = result?;
    let name = args.path.display().to_string();
    print_report(&name, &report);
    super::catalogue::outcome(&report, args.dry_run, "services", "files")
}

async fn import(
    store: &Store,
    args: &ImportHsds,
    dir: &Path,
    package: bool,
) -> Result<ImportReport, Failure> {
    ensure_reference_data(store, &Reporter::new(), false).await?;
    let codelists = codelists(store).await?;
    if let Some(kind) = &args.default_kind
        && !codelists
            .iter()
            .any(|e| e.codelist == Codelist::ServiceKind && &e.key == kind)
    {
        return Err(Failure::input(format!(
            "--default-kind {kind:?} is not a kind of social service of the codelist (e.g. 37 for social counselling)"
        )));
    }
    // Services are read and turned into entries one at a time; only the entries are kept.
    let context = ImportContext::new(&codelists, args.default_kind.clone());
    let mut entries: Vec<(String, CatalogueEntry)> = Vec::new();
    let mut positions: Vec<u64> = Vec::new();
    let mut unreadable: Vec<Rejection> = Vec::new();
    let mut index = 0;
    let each = |item: Item| {
        match item {
            Item::Service(path, service) => match to_entry(&context, index, &path, &service) {
                Ok(entry) => {
                    entries.push((path, entry));
                    positions.push(index);
                }
                Err(rejection) => unreadable.push(rejection),
            },
            Item::Rejected(rejection) => unreadable.push(rejection),
        }
        index += 1;
    };
    let read = if package {
        read_datapackage_each(dir, each)?
    } else {
        read_json_each(dir, each)?
    };
    // A service that could not be read stops the import like one the store rejects; the store
    // still checks the rest, so the report lists every problem at once.
    let hold_back = !unreadable.is_empty() && !args.skip_invalid;
    let mut report = store
        .save_catalogue_entries(&entries, args.skip_invalid, args.dry_run || hold_back)
        .await?;
    report.read = read;
    // The store numbers the entries it was given; the report numbers the services of the file.
    for rejection in &mut report.rejected {
        if let Some(position) = usize::try_from(rejection.index)
            .ok()
            .and_then(|i| positions.get(i))
        {
            rejection.index = *position;
        }
    }
    let mut rejected = unreadable;
    rejected.append(&mut report.rejected);
    rejected.sort_by_key(|r| r.index);
    report.rejected = rejected;
    Ok(report)
}

fn print_report(name: &str, report: &ImportReport) {
    say(&format!(
        "HSDS import of {name}: {} services read",
        report.read
    ));
    say(&format!(
        "  added {}, updated {}",
        report.added, report.updated
    ));
    if !report.rejected.is_empty() {
        say(&format!("  {} services rejected:", report.rejected.len()));
        for rejection in report.rejected.iter().take(50) {
            say(&format!("    {rejection}"));
        }
        if report.rejected.len() > 50 {
            say(&format!("    … and {} more", report.rejected.len() - 50));
        }
    }
}

//! `souhra export hsds` and `souhra import hsds`: the catalogue as Open Referral HSDS 3.0.

use std::path::{Path, PathBuf};

use souhra_core::catalogue::CatalogueEntry;
use souhra_core::codelist::Codelist;
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

use super::{catalogue_entries, codelists, ensure_reference_data, say, store_for};
use crate::cli::{ExportHsds, HsdsFormat, ImportHsds};
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

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
    let entries = catalogue_entries(store, args.area.as_deref()).await?;
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
    super::catalogue::merge_rejections(&mut report, unreadable, &positions);
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

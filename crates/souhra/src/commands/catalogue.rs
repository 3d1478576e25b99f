//! `souhra import mpsv`, `souhra gen registry`, and the import pipeline they and the demo share.

use std::fs::File;
use std::io::{BufWriter, Read, Write};

use chrono::{Local, NaiveDate};
use souhra_core::code::RegionCode;
use souhra_core::import::{ImportItem, ImportOptions, ImportReport};
use souhra_core::progress::Progress;
use souhra_interop::bundled;
use souhra_interop::registry::generate::{GeneratorOptions, generate};
use souhra_interop::registry::{TerritoryLookup, read_registry};
use souhra_store::Store;

use super::{ensure_reference_data, say, store_for};
use crate::cli::{GenRegistry, ImportMpsv};
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

/// The day today, in Czech local time (registrations end at midnight there).
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Reads `input` on a thread of its own and feeds the store's import through a bounded channel,
/// so parsing and writing run side by side and the file is never held in memory.
pub async fn run_import(
    store: &Store,
    name: &str,
    input: Box<dyn Read + Send>,
    lookup: TerritoryLookup,
    options: &ImportOptions,
    progress: &dyn Progress,
) -> Result<ImportReport, Failure> {
    let (sender, receiver) = tokio::sync::mpsc::channel(1024);
    let file = name.to_owned();
    let reader = std::thread::spawn(move || {
        let result = read_registry(&file, input, &lookup, |item| {
            sender.blocking_send(item).is_ok()
        });
        let last = match result {
            Ok(summary) if summary.stopped_early => return,
            Ok(_) => ImportItem::End,
            Err(error) => ImportItem::Failed(error.to_string()),
        };
        let _ = sender.blocking_send(last);
    });
    let result = store.import_registry(receiver, options, progress).await;
    // The reader stops at its next record once the receiver is gone.
    let _ = tokio::task::spawn_blocking(move || reader.join()).await;
    Ok(result?)
}

/// The ORP lookup of the territory the store holds.
pub async fn lookup(store: &Store) -> Result<TerritoryLookup, Failure> {
    Ok(TerritoryLookup::from_orps(store.orp_codes().await?))
}

fn print_report(name: &str, report: &ImportReport) {
    say(&format!(
        "registry import of {name}: {} records read",
        report.read
    ));
    say(&format!(
        "  added {}, updated {}, ended {}, unchanged {}, outside this installation's areas {}",
        report.added, report.updated, report.ended, report.unchanged, report.outside_areas
    ));
    if !report.conflicts.is_empty() {
        say(&format!(
            "  {} local edits changed in the registry (kept, to be settled):",
            report.conflicts.len()
        ));
        for conflict in report.conflicts.iter().take(20) {
            say(&format!(
                "    {} {}: registry {} -> {}, local {}",
                conflict.registration_id,
                conflict.field,
                conflict.registry_before.as_deref().unwrap_or("-"),
                conflict.registry_after.as_deref().unwrap_or("-"),
                conflict.local_value
            ));
        }
    }
    if !report.new_codes.is_empty() {
        let codes: Vec<String> = report
            .new_codes
            .iter()
            .map(|(code, n)| format!("{code} ({n}x)"))
            .collect();
        say(&format!(
            "  codes without a label yet (kept, shown by their id): {}",
            codes.join(", ")
        ));
    }
    if !report.rejected.is_empty() {
        say(&format!("  {} records rejected:", report.rejected.len()));
        for rejection in report.rejected.iter().take(50) {
            say(&format!("    {rejection}"));
        }
        if report.rejected.len() > 50 {
            say(&format!("    … and {} more", report.rejected.len() - 50));
        }
    }
}

/// `souhra import mpsv`.
pub async fn import_mpsv(config: &Config, args: &ImportMpsv) -> Result<(), Failure> {
    let (name, input): (String, Box<dyn Read + Send>) = if args.file.as_os_str() == "-" {
        ("standard input".to_owned(), Box::new(std::io::stdin()))
    } else {
        let file = File::open(&args.file)
            .map_err(|e| Failure::input(format!("cannot open {}: {e}", args.file.display())))?;
        (args.file.display().to_string(), Box::new(file))
    };
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let options = ImportOptions {
        all: args.all,
        dry_run: args.dry_run,
        skip_invalid: args.skip_invalid,
        demo: false,
        today: today(),
        origin: name.clone(),
    };
    let lookup = lookup(&store).await?;
    let report = run_import(&store, &name, input, lookup, &options, &Reporter::new()).await;
    store.close().await;
    let report = report?;
    print_report(&name, &report);
    outcome(&report, args.dry_run, "records", "file")
}

/// Puts the problems found while reading a file (numbered by their place in the file) and those
/// the store found (numbered by the entry it was given; `positions` maps entries to places) into
/// one list in the order of the file.
pub fn merge_rejections(
    report: &mut ImportReport,
    unreadable: Vec<souhra_core::import::Rejection>,
    positions: &[u64],
) {
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
}

/// The end of an import: what happened to the catalogue, and an input error when rejections
/// stopped it. `items` names what was rejected (`records`), `source` what to correct (`file`).
pub fn outcome(
    report: &ImportReport,
    dry_run: bool,
    items: &str,
    source: &str,
) -> Result<(), Failure> {
    if report.committed {
        say("  the catalogue was updated");
        Ok(())
    } else if dry_run {
        say("  dry run: nothing was stored");
        Ok(())
    } else {
        Err(Failure::input(format!(
            "{} {items} were rejected, so nothing was stored; correct the {source}, or store the valid {items} with --skip-invalid",
            report.rejected.len()
        )))
    }
}

/// `souhra gen registry`.
pub fn gen_registry(args: &GenRegistry) -> Result<(), Failure> {
    let territory = bundled::territory()?;
    let codelists = bundled::codelists()?;
    let municipalities = match &args.region {
        Some(code) => {
            let region = RegionCode::parse(code).map_err(|e| Failure::input(e.to_string()))?;
            let chosen: Vec<_> = territory
                .municipalities
                .iter()
                .filter(|m| m.region == region)
                .map(|m| m.code)
                .collect();
            if chosen.is_empty() {
                return Err(Failure::input(format!(
                    "there is no region with the code {code}"
                )));
            }
            chosen
        }
        None => Vec::new(),
    };
    let options = GeneratorOptions {
        services: args.services as usize,
        seed: args.seed,
        municipalities,
        demo: false,
        today: today(),
        first_identifier: 1_000_000,
    };
    let to_stdout = args.output.as_os_str() == "-";
    let mut out: Box<dyn Write> = if to_stdout {
        Box::new(BufWriter::new(std::io::stdout().lock()))
    } else {
        let file = File::create(&args.output)
            .map_err(|e| Failure::input(format!("cannot create {}: {e}", args.output.display())))?;
        Box::new(BufWriter::new(file))
    };
    let summary = generate(&territory, &codelists, &options, &mut out)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    out.flush()
        .map_err(|e| Failure::runtime(format!("cannot write the file: {e}")))?;
    let line = format!(
        "generated {} services with {} facilities",
        summary.services, summary.facilities
    );
    if to_stdout {
        tracing::info!("{line}");
    } else {
        say(&format!("{line} into {}", args.output.display()));
    }
    Ok(())
}

//! `souhra export catalogue`, `souhra export template` and `souhra import local`: the catalogue
//! as a spreadsheet, and local services from one.

use std::collections::HashSet;
use std::path::Path;

use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::import::ImportReport;
use souhra_interop::bundled;
use souhra_interop::sheet::export::{Context, table, template};
use souhra_interop::sheet::import::{ImportContext, import_sheet};
use souhra_interop::sheet::read::{Encoding, RawSheet, read_csv, read_xlsx};
use souhra_interop::sheet::write::{Choices, Delimiter, write_csv, write_xlsx};
use souhra_interop::sheet::{Layout, Sheet};
use souhra_store::Store;

use super::{catalogue_entries, codelists, ensure_reference_data, say, store_for};
use crate::cli::{CsvEncoding, ExportSheet, ExportTemplate, ImportLocal};
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

/// The largest sheet an import reads.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Xlsx,
}

fn kind_of(path: &Path) -> Result<Kind, Failure> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => Ok(Kind::Csv),
        Some("xlsx") => Ok(Kind::Xlsx),
        _ => Err(Failure::input(format!(
            "{}: name the file .xlsx or .csv (old .xls files: save them as .xlsx first)",
            path.display()
        ))),
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes)
        .map_err(|e| Failure::runtime(format!("cannot write {}: {e}", path.display())))
}

/// Writes a sheet as the output's extension asks.
fn save(
    path: &Path,
    sheet: &Sheet,
    semicolon: bool,
    title: &str,
    help: Option<(&Layout, &Choices)>,
) -> Result<(), Failure> {
    let bytes = match kind_of(path)? {
        Kind::Xlsx => write_xlsx(sheet, title, help)?,
        Kind::Csv => {
            let mut out = Vec::new();
            let delimiter = if semicolon {
                Delimiter::Semicolon
            } else {
                Delimiter::Comma
            };
            write_csv(&mut out, sheet, delimiter)?;
            out
        }
    };
    write_file(path, &bytes)
}

/// `souhra export catalogue`.
pub async fn export_catalogue(config: &Config, args: &ExportSheet) -> Result<(), Failure> {
    kind_of(&args.output)?;
    let store = store_for(config).await?;
    let result = async {
        let entries = catalogue_entries(&store, args.area.as_deref()).await?;
        let codelists = codelists(&store).await?;
        Ok::<_, Failure>((entries, codelists))
    }
    .await;
    store.close().await;
    let (entries, codelists) = result?;
    let context = Context::new(&bundled::territory()?, &codelists)?;
    let sheet = table(&context, &entries);
    let title = context.layout().word("sheet.services").to_owned();
    save(&args.output, &sheet, args.semicolon, &title, None)?;
    say(&format!(
        "exported {} services into {}",
        sheet.rows.len(),
        args.output.display()
    ));
    Ok(())
}

/// The lists a template offers: kinds (as `§ 37 …`), target groups, age groups, forms.
fn choices(context: &Context, codelists: &[CodelistEntry]) -> Choices {
    let layout = context.layout();
    let labelled = |list: Codelist| {
        let mut entries: Vec<&CodelistEntry> = codelists
            .iter()
            .filter(|e| e.codelist == list && e.label.is_some())
            .collect();
        entries.sort_by_key(|e| e.sort_order);
        entries
    };
    let kinds = labelled(Codelist::ServiceKind)
        .into_iter()
        .map(|e| context.kind_text(&e.key))
        .collect();
    let labels = |list: Codelist| {
        labelled(list)
            .into_iter()
            .map(|e| e.display_label().to_owned())
            .collect::<Vec<_>>()
    };
    vec![
        (layout.word("codes.kind").to_owned(), kinds),
        (
            layout.word("codes.target_group").to_owned(),
            labels(Codelist::TargetGroup),
        ),
        (
            layout.word("codes.age_group").to_owned(),
            labels(Codelist::AgeGroup),
        ),
        (layout.word("codes.form").to_owned(), labels(Codelist::Form)),
    ]
}

/// `souhra export template`.
pub async fn export_template(config: &Config, args: &ExportTemplate) -> Result<(), Failure> {
    kind_of(&args.output)?;
    // The template works without a database: the codelists are those built in.
    let _ = config;
    let codelists = bundled::codelists()?;
    let context = Context::new(&bundled::territory()?, &codelists)?;
    let layout = context.layout().clone();
    let choices = choices(&context, &codelists);
    let title = layout.word("sheet.services").to_owned();
    save(
        &args.output,
        &template(&layout),
        args.semicolon,
        &title,
        Some((&layout, &choices)),
    )?;
    say(&format!("template written to {}", args.output.display()));
    Ok(())
}

fn read_sheet(args: &ImportLocal, layout: &Layout) -> Result<RawSheet, Failure> {
    let kind = kind_of(&args.file)?;
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let size = std::fs::metadata(&args.file)
        .map_err(|e| Failure::input(format!("cannot open {}: {e}", args.file.display())))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Failure::input(format!(
            "{name} has {} MB; a catalogue sheet has far less (at most {} MB are read)",
            size >> 20,
            MAX_FILE_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", args.file.display())))?;
    Ok(match kind {
        Kind::Xlsx => read_xlsx(&name, &bytes, layout.word("sheet.services"))?,
        Kind::Csv => {
            let encoding = match args.encoding {
                CsvEncoding::Utf8 => Encoding::Utf8,
                CsvEncoding::Windows1250 => Encoding::Windows1250,
            };
            read_csv(&name, &bytes, encoding)?
        }
    })
}

/// `souhra import local`.
pub async fn import_local(config: &Config, args: &ImportLocal) -> Result<(), Failure> {
    let store = store_for(config).await?;
    let result = import(&store, args).await;
    store.close().await;
    let (report, registry_rows) = result?;
    say(&format!(
        "import of local services from {}: {} rows read",
        args.file.display(),
        report.read
    ));
    say(&format!(
        "  added {}, updated {}, registry services left to the registry import {registry_rows}",
        report.added, report.updated
    ));
    if !report.new_codes.is_empty() {
        let codes: Vec<&str> = report.new_codes.iter().map(|(c, _)| c.as_str()).collect();
        say(&format!("  new codes: {}", codes.join(", ")));
    }
    if !report.rejected.is_empty() {
        say(&format!("  {} rows rejected:", report.rejected.len()));
        for rejection in report.rejected.iter().take(100) {
            say(&format!("    {}: {}", rejection.path, rejection.message));
        }
        if report.rejected.len() > 100 {
            say(&format!("    … and {} more", report.rejected.len() - 100));
        }
    }
    super::catalogue::outcome(&report, args.dry_run, "rows", "sheet")
}

async fn import(store: &Store, args: &ImportLocal) -> Result<(ImportReport, u64), Failure> {
    ensure_reference_data(store, &Reporter::new(), false).await?;
    let mut preferred = HashSet::new();
    for area in store.areas().await? {
        preferred.extend(
            store
                .area_municipalities(area.id)
                .await?
                .into_iter()
                .map(|m| m.code),
        );
    }
    let context = ImportContext::new(&bundled::territory()?, &codelists(store).await?, preferred)?;
    let sheet = read_sheet(args, context.layout())?;
    let taken = import_sheet(&context, &sheet)?;
    let hold_back = !taken.rejected.is_empty() && !args.skip_invalid;
    let mut report = store
        .save_catalogue_entries(&taken.entries, args.skip_invalid, args.dry_run || hold_back)
        .await?;
    report.read = taken.rows;
    super::catalogue::merge_rejections(&mut report, taken.rejected, &taken.positions);
    Ok((report, taken.registry_rows))
}

//! `souhra catalogue pdf` (the printed brochure of an area), `souhra area contact` (the
//! coordinator's contacts printed in it) and `souhra bench catalogue`.

use std::fs::File;
use std::io::BufWriter;
use std::time::Instant;

use souhra_core::area::{AreaScope, AreaSlug, NewArea};
use souhra_core::code::RegionCode;
use souhra_core::progress::NoProgress;
use souhra_core::public::CoordinatorContact;
use souhra_interop::bundled;
use souhra_interop::registry::generate::{GeneratorOptions, generate};
use souhra_web::documents::{BrochureOptions, Grouping, Paper, PrintError, brochure_pdf};
use souhra_web::i18n::Lang;

use super::bench::{Workspace, bench_import_options, peak_mb, reset_peak};
use super::catalogue::{lookup, run_import, today};
use super::{ensure_reference_data, say, store_for};
use crate::cli::{
    AreaContact, BenchCatalogue, CataloguePdf, ChapterGrouping, DocumentLanguage, PaperSize,
};
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

/// The region the benchmark generates its services in (Plzeňský kraj).
const BENCH_REGION: &str = "43";

impl From<PrintError> for Failure {
    fn from(error: PrintError) -> Self {
        match error {
            PrintError::Store(e) => e.into(),
            PrintError::NoArea(_) => Failure::input(error.to_string()),
            other => Failure::runtime(other.to_string()),
        }
    }
}

fn options(args: &CataloguePdf) -> BrochureOptions {
    BrochureOptions {
        grouping: match args.by {
            ChapterGrouping::TargetGroup => Grouping::TargetGroup,
            ChapterGrouping::Kind => Grouping::Kind,
            ChapterGrouping::Municipality => Grouping::Municipality,
        },
        paper: match args.paper {
            PaperSize::A4 => Paper::A4,
            PaperSize::A5 => Paper::A5,
        },
        lang: match args.lang {
            DocumentLanguage::Cs => Lang::Cs,
            DocumentLanguage::En => Lang::En,
            DocumentLanguage::Uk => Lang::Uk,
        },
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, so a failure never leaves a
/// half-written PDF.
fn write_whole(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.{}.part", std::process::id()));
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            Failure::runtime(format!("cannot write {}: {e}", path.display()))
        })
}

/// `souhra catalogue pdf`.
pub async fn catalogue_pdf(config: &Config, args: &CataloguePdf) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let public_url = config.public_url.as_ref().map(|u| u.value.clone());
    let printed = brochure_pdf(&store, &args.area, options(args), public_url.as_deref()).await?;
    store.close().await;
    write_whole(&args.output, &printed.pdf.bytes)?;
    say(&format!(
        "{}: {} pages, {:.1} MB ({:.2} s){}",
        args.output.display(),
        printed.pdf.pages,
        printed.pdf.bytes.len() as f64 / 1_048_576.0,
        (printed.gathered + printed.typeset).as_secs_f64(),
        if public_url.is_none() {
            "; no QR codes or links: public_url is not configured"
        } else {
            ""
        }
    ));
    Ok(())
}

/// `souhra area contact`.
pub async fn area_contact(config: &Config, args: &AreaContact) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let area = store.area_by_slug(&args.area).await?.ok_or_else(|| {
        Failure::input(format!(
            "there is no area {:?} (see `souhra area list`)",
            args.area
        ))
    })?;
    let given = CoordinatorContact {
        office: args.office.clone(),
        person: args.person.clone(),
        address: args.address.clone(),
        phone: args.phone.clone(),
        email: args.email.clone(),
        web: args.web.clone(),
    };
    let now = chrono::Utc::now();
    if args.clear {
        store.save_coordinator_contact(area.id, None, now).await?;
        say(&format!(
            "the coordinator's contacts of {} were removed",
            area.slug
        ));
    } else if given == CoordinatorContact::default() {
        match store.coordinator_contact(area.id).await? {
            Some(contact) => say(&contact.lines().join("\n")),
            None => say(&format!(
                "{} has no coordinator's contacts yet (set them with --office, --phone, --email …)",
                area.slug
            )),
        }
    } else {
        // Fields not given keep their values.
        let current = store
            .coordinator_contact(area.id)
            .await?
            .unwrap_or_default();
        let contact = CoordinatorContact {
            office: given.office.or(current.office),
            person: given.person.or(current.person),
            address: given.address.or(current.address),
            phone: given.phone.or(current.phone),
            email: given.email.or(current.email),
            web: given.web.or(current.web),
        }
        .normalized()
        .map_err(|e| Failure::input(e.to_string()))?;
        store
            .save_coordinator_contact(area.id, Some(&contact), now)
            .await?;
        say(&format!(
            "the coordinator's contacts of {} are now:\n{}",
            area.slug,
            contact.lines().join("\n")
        ));
    }
    store.close().await;
    Ok(())
}

/// `souhra bench catalogue`.
/// A fresh database in `work` with a region area (`bench-kraj`, Plzeňský kraj) holding
/// `services` generated services; returns the store and the area's slug.
pub(super) async fn bench_region(
    config: &Config,
    work: &Workspace,
    services: u32,
) -> Result<(souhra_store::Store, AreaSlug), Failure> {
    let territory = bundled::territory()?;
    let codelists = bundled::codelists()?;
    let region = RegionCode::parse(BENCH_REGION).map_err(|e| Failure::runtime(e.to_string()))?;
    let file = work.0.join("rpss.json");
    let mut out = BufWriter::new(File::create(&file).map_err(|e| Failure::runtime(e.to_string()))?);
    let generated = generate(
        &territory,
        &codelists,
        &GeneratorOptions {
            services: services as usize,
            seed: 1,
            municipalities: territory
                .municipalities
                .iter()
                .filter(|m| m.region == region)
                .map(|m| m.code)
                .collect(),
            demo: false,
            today: today(),
            first_identifier: 1_000_000,
        },
        &mut out,
    )
    .map_err(|e| Failure::runtime(e.to_string()))?;
    drop(out);

    let store = work.store(config).await?;
    let slug = AreaSlug::parse("bench-kraj").map_err(|e| Failure::runtime(e.to_string()))?;
    if store.area_by_slug(slug.as_str()).await?.is_none() {
        let name = store
            .region(region)
            .await?
            .map_or_else(|| BENCH_REGION.to_owned(), |r| r.name);
        store
            .create_area(&NewArea {
                slug: slug.clone(),
                name,
                scope: AreaScope::Region(region),
                is_demo: false,
            })
            .await?;
    }
    let input = File::open(&file).map_err(|e| Failure::runtime(e.to_string()))?;
    let report = run_import(
        &store,
        "rpss.json",
        Box::new(input),
        lookup(&store).await?,
        &bench_import_options(),
        &NoProgress,
    )
    .await?;
    say(&format!(
        "bench region: {} services generated ({} facilities), {} imported; {}",
        generated.services,
        generated.facilities,
        report.added,
        store.description()
    ));
    Ok((store, slug))
}

pub async fn bench_catalogue(config: &Config, args: &BenchCatalogue) -> Result<(), Failure> {
    let work = Workspace(
        std::env::temp_dir().join(format!("souhra-bench-catalogue-{}", std::process::id())),
    );
    std::fs::create_dir_all(&work.0)
        .map_err(|e| Failure::runtime(format!("cannot create {}: {e}", work.0.display())))?;
    let (store, slug) = bench_region(config, &work, args.services).await?;
    for (paper, name) in [(Paper::A4, "A4"), (Paper::A5, "A5")] {
        let options = BrochureOptions {
            grouping: Grouping::TargetGroup,
            paper,
            lang: Lang::Cs,
        };
        reset_peak();
        let started = Instant::now();
        let printed = brochure_pdf(
            &store,
            slug.as_str(),
            options,
            Some("https://katalog.example.cz"),
        )
        .await?;
        let wall = started.elapsed().as_secs_f64();
        say(&format!(
            "brochure {name}: {wall:6.2} s (data {:.2} s, typesetting {:.2} s)  {} pages  {:.1} MB  peak RSS {:.0} MB",
            printed.gathered.as_secs_f64(),
            printed.typeset.as_secs_f64(),
            printed.pdf.pages,
            printed.pdf.bytes.len() as f64 / 1_048_576.0,
            peak_mb()
        ));
        if paper == Paper::A4
            && let Some(path) = &args.output
        {
            write_whole(path, &printed.pdf.bytes)?;
        }
    }
    store.close().await;
    Ok(())
}

//! `souhra bench analysis`: Plzeňský kraj (all its municipalities) as a region area with the
//! given number of generated services and a fictional age structure in a fresh database; times
//! the analysis page of the whole region (computed and rendered on every request), the coverage
//! page of one kind and the workbook, through the router in-process, and counts the SQL
//! statements of a page.

use std::time::Instant;

use souhra_core::code::RegionCode;

use super::bench::{Workspace, peak_mb, reset_peak};
use super::bench_plan::{get, ms};
use super::say;
use crate::cli::BenchAnalysis;
use crate::config::Config;
use crate::failure::Failure;

pub async fn bench_analysis(config: &Config, args: &BenchAnalysis) -> Result<(), Failure> {
    let work = Workspace(
        std::env::temp_dir().join(format!("souhra-bench-analysis-{}", std::process::id())),
    );
    std::fs::create_dir_all(&work.0)
        .map_err(|e| Failure::runtime(format!("{}: {e}", work.0.display())))?;
    let (store, slug) = super::print::bench_region(config, &work, args.services).await?;
    let region = RegionCode::parse("43").map_err(|e| Failure::runtime(e.to_string()))?;
    let aged = super::demo_ages::seed(&store, region).await?;
    say(&format!(
        "bench analysis: fictional age groups for {aged} municipalities"
    ));
    let index = std::sync::Arc::new(
        souhra_search::SearchIndex::in_memory().map_err(|e| Failure::runtime(e.to_string()))?,
    );
    let state = souhra_web::AppState::new(store.clone(), index, super::serve::web_config(config)?)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    state.refresh_search(false).await?;
    let router = souhra_web::router(state);
    let pages = [
        ("analysis of the region", format!("/{slug}/analyza")),
        (
            "coverage of homes for seniors (15 km)",
            format!("/{slug}/analyza/dostupnost?druh=49&km=15"),
        ),
        ("workbook", format!("/{slug}/analyza.xlsx")),
    ];
    reset_peak();
    for (name, path) in &pages {
        let (status, first) = get(&router, path).await?;
        if !status.is_success() {
            return Err(Failure::runtime(format!("{path}: {status}")));
        }
        let before = crate::logging::queries();
        let mut times = Vec::new();
        for _ in 0..args.rounds {
            let started = Instant::now();
            get(&router, path).await?;
            times.push(started.elapsed());
        }
        let statements = (crate::logging::queries() - before) / u64::from(args.rounds);
        times.sort();
        say(&format!(
            "{name}: median {:.1} ms, slowest {:.1} ms over {} loads, {} KB, {statements} SQL statements per load",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            args.rounds,
            first.len() / 1024
        ));
    }
    say(&format!("peak RSS {:.0} MB", peak_mb()));
    store.close().await;
    Ok(())
}

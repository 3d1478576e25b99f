//! `souhra bench region`: Plzeňský kraj (15 ORPs, 501 municipalities) as a region area with an
//! area for each ORP, the given number of generated services, fictional age groups, and a plan
//! in force in every ORP (with indicators); times the region's view across its ORPs and counts
//! its SQL statements. Then gives the region the demo's plan (drawing on the ORP plans) and a
//! network holding the region's services by the demo's rules (`data/generator/kraj-demo.json`),
//! and times the public network page, its open data and its PDF.

use std::time::Instant;

use souhra_core::area::{AreaScope, AreaSlug, NewArea};
use souhra_core::code::RegionCode;

use super::bench::{Workspace, peak_mb, reset_peak};
use super::bench_plan::{get, ms};
use super::say;
use crate::cli::{BenchPlan, BenchRegion};
use crate::config::Config;
use crate::failure::Failure;

fn fail(e: impl std::fmt::Display) -> Failure {
    Failure::runtime(e.to_string())
}

pub async fn bench_region(config: &Config, args: &BenchRegion) -> Result<(), Failure> {
    let work =
        Workspace(std::env::temp_dir().join(format!("souhra-bench-region-{}", std::process::id())));
    std::fs::create_dir_all(&work.0)
        .map_err(|e| Failure::runtime(format!("{}: {e}", work.0.display())))?;
    let (store, slug) = super::print::bench_region(config, &work, args.services).await?;
    let region = RegionCode::parse("43").map_err(fail)?;
    super::demo_ages::seed(&store, region).await?;
    let orps = store.orps_in_region(region).await?;
    let plan_size = BenchPlan {
        priorities: 2,
        measures: 4,
        activities: 4,
        rounds: 1,
    };
    let started = Instant::now();
    for summary in &orps {
        let orp = &summary.orp;
        let area = store
            .create_area(&NewArea {
                slug: AreaSlug::parse(&format!("orp-{}", orp.code)).map_err(fail)?,
                name: orp.name.clone(),
                scope: AreaScope::Orp(orp.code),
                is_demo: false,
            })
            .await?;
        super::bench_plan::generate(&store, area.id, &plan_size).await?;
    }
    say(&format!(
        "bench region: {} ORP areas with a plan in force each, made in {:.1} s",
        orps.len(),
        started.elapsed().as_secs_f64()
    ));
    let index = std::sync::Arc::new(souhra_search::SearchIndex::in_memory().map_err(fail)?);
    let state = souhra_web::AppState::new(store.clone(), index, super::serve::web_config(config)?)
        .map_err(fail)?;
    state.refresh_search(false).await?;
    let router = souhra_web::router(state);
    time_page(
        &router,
        &format!("/{slug}/kraj"),
        args.rounds,
        &format!(
            "region view, {} ORPs, {} services",
            orps.len(),
            args.services
        ),
    )
    .await?;
    // The network: every service not ended but every sixth, with planned and paid money.
    let area = store
        .area_by_slug(slug.as_str())
        .await?
        .ok_or_else(|| fail("the bench region area is missing"))?;
    let started = Instant::now();
    super::demo_plans::seed_region(&store, &area).await?;
    let plans = store.plans_of_area(area.id).await?;
    let network = plans
        .iter()
        .find(|p| p.kind == souhra_core::plan::PlanKind::ServiceNetwork)
        .ok_or_else(|| fail("no network was made"))?;
    let version = network
        .in_force()
        .ok_or_else(|| fail("the network is not in force"))?;
    let entries = store.plan_elements(version.id).await?.len();
    say(&format!(
        "bench region: the region's plan and a network of {entries} services made in {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    for path in [
        format!("/{slug}/sit"),
        format!("/{slug}/sit.csv"),
        format!("/{slug}/sit.json"),
    ] {
        time_page(&router, &path, args.rounds, &format!("{entries} services")).await?;
    }
    let pdf = format!("/{slug}/plan/{}-sit/plan.pdf", network.id.0);
    time_page(&router, &pdf, 1, &format!("{entries} services")).await?;
    store.close().await;
    Ok(())
}

/// Loads `path` once, then `rounds` more times, and says the median and slowest time, the size
/// and the SQL statements per load.
async fn time_page(
    router: &axum::Router,
    path: &str,
    rounds: u32,
    what: &str,
) -> Result<(), Failure> {
    reset_peak();
    let (status, first) = get(router, path).await?;
    if !status.is_success() {
        return Err(fail(format!("{path}: {status}")));
    }
    let before = crate::logging::queries();
    let mut times = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        get(router, path).await?;
        times.push(started.elapsed());
    }
    let statements = (crate::logging::queries() - before) / u64::from(rounds);
    times.sort();
    say(&format!(
        "{path} ({what}): median {:.1} ms, slowest {:.1} ms over {rounds} loads, {} KB, {statements} SQL statements per load; peak RSS {:.0} MB",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        first.len() / 1024,
        peak_mb()
    ));
    Ok(())
}

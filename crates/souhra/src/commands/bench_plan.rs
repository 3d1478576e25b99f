//! `souhra bench plan`: a generated plan of the given size in a fresh database (the demo's
//! areas), its public page served through the router in-process (median and slowest of the
//! rounds, SQL statements per page) and its PDF (time, size, peak memory).

use std::time::{Duration, Instant};

use souhra_core::plan::{
    Approval, BudgetLine, Direction, ElementKey, ElementKind, FundingSource, Indicator, Period,
    PlanKind, PlanStatus, YearValue,
};
use souhra_store::plan::{ElementContent, ElementDetails, NewPlan, PlanChange};
use tower::ServiceExt;

use super::bench::{Workspace, peak_mb, reset_peak};
use super::say;
use crate::cli::BenchPlan;
use crate::config::Config;
use crate::failure::Failure;

fn content(title: String, body: &str) -> ElementContent {
    ElementContent {
        title,
        body: Some(body.to_owned()),
        details: ElementDetails::default(),
    }
}

const TEXT: &str = "A generated text of the benchmark plan: what the measure does, for whom, \
    where and with whom, in **a few sentences** as coordinators write them.\n\n- one point\n- \
    another point";

/// Fills an in-force plan of `args`' size; returns its id and the elements made.
pub(super) async fn generate(
    store: &souhra_store::Store,
    area: souhra_core::area::AreaId,
    args: &BenchPlan,
) -> Result<(i64, usize), Failure> {
    let change = PlanChange {
        by: None,
        at: chrono::Utc::now(),
    };
    let invalid = |e: souhra_core::plan::PlanError| Failure::runtime(e.to_string());
    let new = NewPlan {
        area,
        kind: PlanKind::CommunityPlan,
        title: "Benchmark plan".into(),
        topic: None,
        period: Period::new(PlanKind::CommunityPlan, 2026, 2028).map_err(invalid)?,
    };
    let (plan, version) = store.create_plan(&new, change).await?;
    let mut made = 0;
    let mut goals = Vec::new();
    for p in 0..args.priorities {
        let priority = store
            .add_plan_element(
                version,
                ElementKind::Priority,
                None,
                &content(format!("Priority {}", p + 1), TEXT),
                change,
            )
            .await?;
        made += 1;
        for g in 0..2 {
            goals.push(
                store
                    .add_plan_element(
                        version,
                        ElementKind::Goal,
                        Some(&priority),
                        &content(format!("Goal {}.{}", p + 1, g + 1), TEXT),
                        change,
                    )
                    .await?,
            );
            made += 1;
        }
    }
    let mut measures: Vec<ElementKey> = Vec::new();
    for m in 0..args.measures as usize {
        let goal = &goals[m % goals.len()];
        let measure = store
            .add_plan_element(
                version,
                ElementKind::Measure,
                Some(goal),
                &content(format!("Measure {}", m + 1), TEXT),
                change,
            )
            .await?;
        made += 1;
        let lines: Vec<BudgetLine> = (2026..=2028)
            .map(|year| BudgetLine {
                year,
                source: FundingSource::ALL[m % FundingSource::ALL.len()],
                amount: 100_000 + 1_000 * i64::try_from(m).unwrap_or(0),
            })
            .collect();
        store
            .set_plan_budget(version, &measure, &lines, change)
            .await?;
        let indicator = Indicator {
            key: ElementKey::parse(&format!("i{m}")).map_err(invalid)?,
            name: format!("Indicator of measure {}", m + 1),
            unit: "people".into(),
            baseline: YearValue {
                year: 2025,
                value: 100.0,
            },
            target: YearValue {
                year: 2028,
                value: 130.0,
            },
            direction: Direction::Increase,
        };
        store
            .set_plan_indicators(version, &measure, std::slice::from_ref(&indicator), change)
            .await?;
        measures.push(measure);
    }
    for a in 0..args.activities as usize {
        let Some(measure) = measures.get(a % measures.len().max(1)) else {
            break;
        };
        store
            .add_plan_element(
                version,
                ElementKind::Activity,
                Some(measure),
                &content(format!("Activity {}", a + 1), TEXT),
                change,
            )
            .await?;
        made += 1;
    }
    for (m, _) in measures.iter().enumerate() {
        let key = ElementKey::parse(&format!("i{m}")).map_err(invalid)?;
        store
            .record_indicator_value(
                plan,
                &key,
                YearValue {
                    year: 2026,
                    value: 105.0 + f64::from(u32::try_from(m % 20).unwrap_or(0)),
                },
                change,
            )
            .await?;
    }
    let approval = Approval::new(
        "BENCH/1/2026",
        chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        "Benchmark council",
    )
    .map_err(invalid)?;
    let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 10, d).unwrap_or_default();
    store
        .record_outside_comment(version, day(1), day(31), change)
        .await?;
    for step in [PlanStatus::Approved, PlanStatus::InForce] {
        store
            .set_plan_status(version, step, Some(&approval), change)
            .await?;
    }
    Ok((plan.0, made + measures.len()))
}

pub(super) async fn get(
    router: &axum::Router,
    path: &str,
) -> Result<(axum::http::StatusCode, Vec<u8>), Failure> {
    let request = axum::http::Request::get(path)
        .body(axum::body::Body::empty())
        .map_err(|e| Failure::runtime(e.to_string()))?;
    let response = router
        .clone()
        .oneshot(request)
        .await
        .map_err(|e| Failure::runtime(e.to_string()))?;
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 200 << 20)
        .await
        .map_err(|e| Failure::runtime(e.to_string()))?;
    Ok((status, bytes.to_vec()))
}

pub(super) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `souhra bench plan`.
pub async fn bench_plan(config: &Config, args: &BenchPlan) -> Result<(), Failure> {
    let work =
        Workspace(std::env::temp_dir().join(format!("souhra-bench-plan-{}", std::process::id())));
    std::fs::create_dir_all(&work.0)
        .map_err(|e| Failure::runtime(format!("{}: {e}", work.0.display())))?;
    let store = work.store(config).await?;
    let slugs = super::serve::save_demo_areas(&store).await?;
    let slug = slugs
        .last()
        .ok_or_else(|| Failure::runtime("no demo area"))?
        .clone();
    let area = store
        .area_by_slug(&slug)
        .await?
        .ok_or_else(|| Failure::runtime("the demo area is missing"))?;
    let started = Instant::now();
    let (plan, elements) = generate(&store, area.id, args).await?;
    say(&format!(
        "plan: {} priorities, {} goals, {} measures, {} activities ({elements} records) stored in {:.2} s",
        args.priorities,
        args.priorities * 2,
        args.measures,
        args.activities,
        started.elapsed().as_secs_f64()
    ));
    let index = std::sync::Arc::new(
        souhra_search::SearchIndex::in_memory().map_err(|e| Failure::runtime(e.to_string()))?,
    );
    let state = souhra_web::AppState::new(store.clone(), index, super::serve::web_config(config)?)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    state.refresh_search(false).await?;
    let router = souhra_web::router(state);
    let page = format!("/{slug}/plan/{plan}-benchmark-plan");
    // The first load warms the templates and caches up.
    let (status, first) = get(&router, &page).await?;
    if !status.is_success() {
        return Err(Failure::runtime(format!("{page}: {status}")));
    }
    let before = crate::logging::queries();
    let mut times = Vec::new();
    for _ in 0..args.rounds {
        let started = Instant::now();
        get(&router, &page).await?;
        times.push(started.elapsed());
    }
    let statements = (crate::logging::queries() - before) / u64::from(args.rounds);
    times.sort();
    say(&format!(
        "public page: median {:.1} ms, slowest {:.1} ms over {} loads, {} KB, {statements} SQL statements per page",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        args.rounds,
        first.len() / 1024
    ));
    reset_peak();
    let started = Instant::now();
    let (status, pdf) = get(&router, &format!("{page}/plan.pdf")).await?;
    let took = started.elapsed();
    if !status.is_success() {
        return Err(Failure::runtime(format!("plan PDF: {status}")));
    }
    say(&format!(
        "PDF: {:.2} s, {} KB, peak RSS {:.0} MB",
        took.as_secs_f64(),
        pdf.len() / 1024,
        peak_mb()
    ));
    store.close().await;
    Ok(())
}

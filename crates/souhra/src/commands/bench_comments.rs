//! `souhra bench comments`: a community plan out for comment in a fresh database (the demo's
//! areas) with the given number of comments spread over its measures, most of them settled;
//! times the settlement table (PDF and XLSX) and the public comment page, served through the
//! router in-process.

use std::time::Instant;

use souhra_core::comment::{Author, CommentText, Settlement};
use souhra_core::plan::{ElementKind, Period, PlanKind};
use souhra_store::comment::{NewComment, SettlementInput, prague_day};
use souhra_store::plan::{ElementContent, ElementDetails, NewPlan, PlanChange};

use super::bench::{Workspace, peak_mb, reset_peak};
use super::bench_plan::{get, ms};
use super::say;
use crate::cli::BenchComments;
use crate::config::Config;
use crate::failure::Failure;

const COMMENT: &str = "A generated comment as the public writes them: what is missing in the \
    measure, for whom, and what the office should change, in a few sentences. The comment is \
    long enough to wrap over several lines of the table.";

/// `souhra bench comments`.
pub async fn bench_comments(config: &Config, args: &BenchComments) -> Result<(), Failure> {
    let work = Workspace(
        std::env::temp_dir().join(format!("souhra-bench-comments-{}", std::process::id())),
    );
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
    let change = PlanChange {
        by: None,
        at: chrono::Utc::now(),
    };
    let invalid = |e: &dyn std::fmt::Display| Failure::runtime(e.to_string());
    let (plan, version) = store
        .create_plan(
            &NewPlan {
                area: area.id,
                kind: PlanKind::CommunityPlan,
                title: "Benchmark plan".into(),
                topic: None,
                period: Period::new(PlanKind::CommunityPlan, 2027, 2029)
                    .map_err(|e| invalid(&e))?,
            },
            change,
        )
        .await?;
    let element = |title: String| ElementContent {
        title,
        body: Some("A generated text of the benchmark plan.".into()),
        details: ElementDetails::default(),
    };
    let mut measures = Vec::new();
    for p in 0..10 {
        let priority = store
            .add_plan_element(
                version,
                ElementKind::Priority,
                None,
                &element(format!("Priority {}", p + 1)),
                change,
            )
            .await?;
        let goal = store
            .add_plan_element(
                version,
                ElementKind::Goal,
                Some(&priority),
                &element(format!("Goal {}.1", p + 1)),
                change,
            )
            .await?;
        for m in 0..4 {
            measures.push(
                store
                    .add_plan_element(
                        version,
                        ElementKind::Measure,
                        Some(&goal),
                        &element(format!("Measure {}.1.{}", p + 1, m + 1)),
                        change,
                    )
                    .await?,
            );
        }
    }
    let today = prague_day(change.at);
    let period = store
        .open_comment_period(version, today, today + chrono::Days::new(20), None, change)
        .await?;
    let started = Instant::now();
    for n in 0..args.comments as usize {
        let named = n % 3 == 0;
        let comment = NewComment {
            element: (n % 10 != 0).then(|| measures[n % measures.len()].clone()),
            element_label: Some(format!("Measure {}", n % measures.len() + 1)),
            text: CommentText::new(
                &format!("{COMMENT} ({})", n + 1),
                if n % 4 == 0 {
                    "A proposed wording of the measure."
                } else {
                    ""
                },
            )
            .map_err(|e| invalid(&e))?,
            author: Author {
                name: named.then(|| format!("Commenter {}", n + 1)),
                organization: None,
                email: None,
                named,
                notify: false,
            },
            account: None,
            consent: None,
        };
        let id = store.add_comment(period, &comment, change.at).await?;
        if n % 10 != 9 {
            store
                .settle_comment(
                    id,
                    1,
                    &SettlementInput {
                        status: Settlement::ALL[n % Settlement::ALL.len()],
                        justification: "A generated justification of the settlement.".into(),
                        change: None,
                    },
                    change,
                )
                .await?;
        }
    }
    say(&format!(
        "plan with 40 measures, {} comments (90 % settled) stored in {:.2} s",
        args.comments,
        started.elapsed().as_secs_f64()
    ));
    let index = std::sync::Arc::new(
        souhra_search::SearchIndex::in_memory().map_err(|e| Failure::runtime(e.to_string()))?,
    );
    let state = souhra_web::AppState::new(store.clone(), index, super::serve::web_config(config)?)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    state.refresh_search(false).await?;
    let router = souhra_web::router(state);
    let base = format!("/{slug}/plan/{}-benchmark-plan", plan.0);
    for (what, path) in [
        ("settlement table PDF", format!("{base}/vyporadani.pdf")),
        ("settlement table XLSX", format!("{base}/vyporadani.xlsx")),
        ("public comment page", format!("{base}/pripominky")),
    ] {
        reset_peak();
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..args.rounds {
            let started = Instant::now();
            let (status, body) = get(&router, &path).await?;
            times.push(started.elapsed());
            if !status.is_success() {
                return Err(Failure::runtime(format!("{path}: {status}")));
            }
            size = body.len();
        }
        times.sort();
        say(&format!(
            "{what}: median {:.0} ms, slowest {:.0} ms over {} rounds, {} KB, peak RSS {:.0} MB",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            args.rounds,
            size / 1024,
            peak_mb()
        ));
    }
    store.close().await;
    Ok(())
}

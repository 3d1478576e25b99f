//! The demo area's plans: fictional community plans (an ended one and the one in force), an
//! action plan, a yearly implementation plan and a balance report with its results, read from
//! `data/generator/plany-demo.json`, stored through the same store calls as the web's editor and
//! taken through comment and approval into force (or to their end). Made once per area.

use std::collections::HashMap;

use serde::Deserialize;
use souhra_core::area::AreaId;
use souhra_core::plan::{
    ActivityStatus, Approval, BudgetLine, Direction, ElementKey, ElementKind, FundingSource,
    Indicator, Period, PlanKind, PlanStatus, YearValue,
};
use souhra_store::Store;
use souhra_store::plan::{
    ActivityReport, ElementContent, ElementDetails, NewPlan, OutcomeEntry, PlanChange, PlanId,
    VersionId,
};

use crate::failure::Failure;

const DEMO_PLANS: &str = "generator/plany-demo.json";

#[derive(Deserialize)]
struct File {
    plans: Vec<PlanSeed>,
}

#[derive(Deserialize)]
struct PlanSeed {
    /// How the results of a balance report name this plan.
    #[serde(rename = "ref", default)]
    reference: Option<String>,
    kind: String,
    title: String,
    #[serde(default)]
    topic: Option<String>,
    from: i32,
    to: i32,
    status: String,
    approval: Option<ApprovalSeed>,
    /// Start a new draft after the version in force (an update being prepared).
    #[serde(default)]
    next_draft: bool,
    #[serde(default)]
    vision: Option<String>,
    elements: Vec<ElementSeed>,
    /// A balance report's results per item of the plans it draws from.
    #[serde(default)]
    outcomes: Vec<OutcomeSeed>,
}

#[derive(Deserialize)]
struct OutcomeSeed {
    plan: String,
    item: String,
    status: String,
    #[serde(default)]
    spent: Option<i64>,
    #[serde(default)]
    commentary: Option<String>,
}

#[derive(Deserialize)]
struct ApprovalSeed {
    resolution: String,
    date: chrono::NaiveDate,
    body: String,
}

#[derive(Deserialize)]
struct ElementSeed {
    #[serde(rename = "ref")]
    reference: String,
    kind: String,
    #[serde(default)]
    parent: Option<String>,
    #[serde(flatten)]
    content: ContentSeed,
    #[serde(default)]
    activities: Vec<ActivitySeed>,
}

#[derive(Deserialize)]
struct ActivitySeed {
    #[serde(rename = "ref", default)]
    reference: Option<String>,
    #[serde(flatten)]
    content: ContentSeed,
}

#[derive(Deserialize)]
struct ContentSeed {
    title: String,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    details: ElementDetails,
    #[serde(default)]
    budget: Vec<BudgetSeed>,
    #[serde(default)]
    indicators: Vec<IndicatorSeed>,
}

#[derive(Deserialize)]
struct BudgetSeed {
    year: i32,
    source: String,
    amount: i64,
}

#[derive(Deserialize)]
struct IndicatorSeed {
    key: String,
    name: String,
    unit: String,
    baseline: (i32, f64),
    target: (i32, f64),
    direction: String,
    #[serde(default)]
    values: Vec<(i32, f64)>,
}

fn bad(what: impl std::fmt::Display) -> Failure {
    Failure::runtime(format!("{DEMO_PLANS}: {what}"))
}

/// Stores the demo plans in `area` unless it has plans already; returns how many were made.
pub async fn seed(store: &Store, area: AreaId) -> Result<usize, Failure> {
    if !store.plans_of_area(area).await?.is_empty() {
        return Ok(0);
    }
    let text = souhra_interop::bundled::file(DEMO_PLANS)?;
    let file: File = serde_json::from_slice(text).map_err(bad)?;
    let known_groups: Vec<String> = store
        .codelist(souhra_core::codelist::Codelist::TargetGroup)
        .await?
        .into_iter()
        .map(|e| e.key)
        .collect();
    let change = PlanChange {
        by: None,
        at: chrono::Utc::now(),
    };
    // Elements by plan reference and element reference, for the results of balance reports.
    let mut items: HashMap<(&str, &str), (PlanId, ElementKey)> = HashMap::new();
    for seed in &file.plans {
        let kind = PlanKind::from_key(&seed.kind).map_err(bad)?;
        let new = NewPlan {
            area,
            kind,
            title: seed.title.clone(),
            topic: seed.topic.clone(),
            period: Period::new(kind, seed.from, seed.to).map_err(bad)?,
        };
        let (plan, version) = store.create_plan(&new, change).await?;
        if let Some(vision) = &seed.vision {
            store.set_vision(version, 1, Some(vision), change).await?;
        }
        let mut keys: HashMap<&str, ElementKey> = HashMap::new();
        for element in &seed.elements {
            let kind = ElementKind::from_key(&element.kind).map_err(bad)?;
            let parent = match &element.parent {
                Some(p) => Some(
                    keys.get(p.as_str())
                        .cloned()
                        .ok_or_else(|| bad(format!("{}: no parent {p}", element.reference)))?,
                ),
                None => None,
            };
            let key = add(
                store,
                version,
                plan,
                kind,
                parent.as_ref(),
                &element.content,
                &known_groups,
                change,
            )
            .await?;
            for activity in &element.activities {
                let activity_key = add(
                    store,
                    version,
                    plan,
                    ElementKind::Activity,
                    Some(&key),
                    &activity.content,
                    &known_groups,
                    change,
                )
                .await?;
                if let (Some(plan_ref), Some(item)) = (&seed.reference, &activity.reference) {
                    items.insert((plan_ref, item), (plan, activity_key));
                }
            }
            if let Some(plan_ref) = &seed.reference {
                items.insert((plan_ref, &element.reference), (plan, key.clone()));
            }
            keys.insert(&element.reference, key);
        }
        if !seed.outcomes.is_empty() {
            let mut entries = Vec::new();
            for o in &seed.outcomes {
                let (source, key) = items
                    .get(&(o.plan.as_str(), o.item.as_str()))
                    .cloned()
                    .ok_or_else(|| bad(format!("{}: no item {}/{}", seed.title, o.plan, o.item)))?;
                entries.push(OutcomeEntry {
                    plan: source,
                    key,
                    report: Some(ActivityReport {
                        status: ActivityStatus::from_key(&o.status).map_err(bad)?,
                        commentary: o.commentary.clone(),
                        spent: o.spent,
                    }),
                });
            }
            let revision = store
                .plan(plan)
                .await?
                .and_then(|p| p.latest().map(|v| v.revision))
                .ok_or_else(|| bad(format!("{}: no version", seed.title)))?;
            store
                .save_outcomes(version, revision, &entries, change)
                .await?;
        }
        let target = PlanStatus::from_key(&seed.status).map_err(bad)?;
        let approval = seed
            .approval
            .as_ref()
            .map(|a| Approval::new(&a.resolution, a.date, &a.body))
            .transpose()
            .map_err(bad)?;
        // Yearly documents are approved straight from a draft.
        let comment: &[PlanStatus] = if kind.has_structure() {
            &[PlanStatus::InComment]
        } else {
            &[]
        };
        let rest: &[PlanStatus] = match target {
            PlanStatus::Draft | PlanStatus::InComment => &[],
            PlanStatus::Approved => &[PlanStatus::Approved],
            PlanStatus::InForce => &[PlanStatus::Approved, PlanStatus::InForce],
            PlanStatus::Ended => &[PlanStatus::Approved, PlanStatus::InForce, PlanStatus::Ended],
        };
        let path: Vec<PlanStatus> = if target == PlanStatus::Draft {
            Vec::new()
        } else {
            comment.iter().chain(rest).copied().collect()
        };
        for step in path {
            store
                .set_plan_status(version, step, approval.as_ref(), change)
                .await?;
        }
        if seed.next_draft {
            store.new_plan_version(plan, change).await?;
        }
    }
    Ok(file.plans.len())
}

#[allow(clippy::too_many_arguments)]
async fn add(
    store: &Store,
    version: VersionId,
    plan: souhra_store::plan::PlanId,
    kind: ElementKind,
    parent: Option<&ElementKey>,
    seed: &ContentSeed,
    known_groups: &[String],
    change: PlanChange,
) -> Result<ElementKey, Failure> {
    if let Some(unknown) = seed
        .details
        .target_groups
        .iter()
        .find(|g| !known_groups.contains(g))
    {
        return Err(bad(format!(
            "{}: unknown target group {unknown}",
            seed.title
        )));
    }
    let content = ElementContent {
        title: seed.title.clone(),
        body: seed.body.clone(),
        details: seed.details.clone(),
    };
    let key = store
        .add_plan_element(version, kind, parent, &content, change)
        .await?;
    if !seed.budget.is_empty() {
        let lines = seed
            .budget
            .iter()
            .map(|b| {
                Ok(BudgetLine {
                    year: b.year,
                    source: FundingSource::from_key(&b.source).map_err(bad)?,
                    amount: b.amount,
                })
            })
            .collect::<Result<Vec<_>, Failure>>()?;
        store.set_plan_budget(version, &key, &lines, change).await?;
    }
    if !seed.indicators.is_empty() {
        let mut indicators = Vec::new();
        for i in &seed.indicators {
            indicators.push(Indicator {
                key: ElementKey::parse(&i.key).map_err(bad)?,
                name: i.name.clone(),
                unit: i.unit.clone(),
                baseline: YearValue {
                    year: i.baseline.0,
                    value: i.baseline.1,
                },
                target: YearValue {
                    year: i.target.0,
                    value: i.target.1,
                },
                direction: Direction::from_key(&i.direction).map_err(bad)?,
            });
        }
        store
            .set_plan_indicators(version, &key, &indicators, change)
            .await?;
        for i in &seed.indicators {
            let indicator = ElementKey::parse(&i.key).map_err(bad)?;
            for (year, value) in &i.values {
                store
                    .record_indicator_value(
                        plan,
                        &indicator,
                        YearValue {
                            year: *year,
                            value: *value,
                        },
                        change,
                    )
                    .await?;
            }
        }
    }
    Ok(key)
}

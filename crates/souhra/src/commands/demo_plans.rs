//! The demo area's plans: fictional community plans (an ended one and the one in force), an
//! action plan, a yearly implementation plan and a balance report with its results, read from
//! `data/generator/plany-demo.json`, stored through the same store calls as the web's editor and
//! taken through comment and approval into force (or to their end). The demo region's plan and
//! its network of services come from `data/generator/kraj-demo.json` the same way. Made once per
//! area.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;
use souhra_core::area::Area;
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
const DEMO_REGION_PLANS: &str = "generator/kraj-demo.json";

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
    /// The new draft goes out for comment from the day the demo starts, with these comments.
    #[serde(default)]
    comment: Option<CommentSeed>,
    /// A region's plan names the plans in force of the areas within as its inputs.
    #[serde(default)]
    inputs_within: bool,
    /// A network of services: how its entries are made from the area's services.
    #[serde(default)]
    network: Option<super::demo_network::NetworkSeed>,
}

#[derive(Deserialize)]
struct CommentSeed {
    /// Edits of the draft before it goes out: (element title, new title, new text).
    #[serde(default)]
    edits: Vec<(String, String, String)>,
    /// Length of the period in days.
    days: u64,
    announcement: Option<String>,
    comments: Vec<OneCommentSeed>,
}

#[derive(Deserialize)]
struct OneCommentSeed {
    /// The element's reference (none: the whole plan).
    #[serde(default)]
    on: Option<String>,
    text: String,
    #[serde(default)]
    proposal: String,
    /// A published name (fictional), if the commenter allowed it.
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    organization: Option<String>,
    /// Settlement status and justification, once settled.
    #[serde(default)]
    settlement: Option<(String, String)>,
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
    Failure::runtime(format!("demo plans: {what}"))
}

/// When the demo's plans were out for comment before they were approved: a month that ended
/// six weeks before the council's decision (October for a plan approved in mid-December), or
/// the fortnight before today for a plan not approved.
fn held_comment(approval: Option<&Approval>, change: PlanChange) -> (NaiveDate, NaiveDate) {
    match approval {
        Some(a) => {
            let to = a.date - chrono::Days::new(41);
            (to - chrono::Days::new(30), to)
        }
        None => {
            let to = change.at.date_naive() - chrono::Days::new(1);
            (to - chrono::Days::new(13), to)
        }
    }
}

/// Stores the demo plans in the demo ORP `area` unless it has plans already; returns how many
/// were made.
pub async fn seed(store: &Store, area: &Area) -> Result<usize, Failure> {
    seed_file(store, area, DEMO_PLANS).await
}

/// Stores the demo region's plan and network in the region-level `area` (after the ORP's plans
/// and services, which they draw on) unless it has plans already; returns how many were made.
pub async fn seed_region(store: &Store, area: &Area) -> Result<usize, Failure> {
    seed_file(store, area, DEMO_REGION_PLANS).await
}

async fn seed_file(store: &Store, area: &Area, path: &str) -> Result<usize, Failure> {
    if !store.plans_of_area(area.id).await?.is_empty() {
        return Ok(0);
    }
    let text = souhra_interop::bundled::file(path)?;
    let file: File = serde_json::from_slice(text).map_err(|e| bad(format!("{path}: {e}")))?;
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
            area: area.id,
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
        let network_saved = match &seed.network {
            Some(network) => {
                let find = |plan: &str, item: &str| items.get(&(plan, item)).cloned();
                super::demo_network::add_entries(store, area.id, version, network, find, change)
                    .await?
            }
            None => Vec::new(),
        };
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
        let comment: &[PlanStatus] = if kind.needs_comment() {
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
            if step == PlanStatus::InComment {
                let (from, to) = held_comment(approval.as_ref(), change);
                store
                    .record_outside_comment(version, from, to, change)
                    .await?;
                continue;
            }
            store
                .set_plan_status(version, step, approval.as_ref(), change)
                .await?;
        }
        if let Some(network) = &seed.network {
            super::demo_network::record_paid(
                store,
                plan,
                seed.from,
                network,
                &network_saved,
                change,
            )
            .await?;
        }
        if seed.inputs_within {
            let inputs = super::demo_network::plans_within(store, area).await?;
            store.set_plan_inputs(plan, &inputs, change).await?;
        }
        if seed.next_draft {
            let draft = store.new_plan_version(plan, change).await?;
            if let Some(comment) = &seed.comment {
                seed_comments(store, draft, comment, change).await?;
            }
        }
    }
    Ok(file.plans.len())
}

/// The element keys of a version by title, for comments that name their element by reference.
async fn keys_of(store: &Store, version: VersionId) -> Result<Vec<(String, ElementKey)>, Failure> {
    let elements = store.plan_elements(version).await?;
    Ok(elements.into_iter().map(|e| (e.title, e.key)).collect())
}

/// Opens the comment period of a demo draft and adds its fictional comments.
async fn seed_comments(
    store: &Store,
    version: VersionId,
    seed: &CommentSeed,
    change: PlanChange,
) -> Result<(), Failure> {
    for (title, new_title, body) in &seed.edits {
        let element = store
            .plan_elements(version)
            .await?
            .into_iter()
            .find(|e| e.title == *title)
            .ok_or_else(|| bad(format!("edit of {title}: no such element")))?;
        let content = souhra_store::plan::ElementContent {
            title: new_title.clone(),
            body: Some(body.clone()),
            details: element.details.clone(),
        };
        store
            .update_plan_element(version, &element.key, element.revision, &content, change)
            .await?;
    }
    let elements = keys_of(store, version).await?;
    let from = souhra_store::comment::prague_day(change.at);
    let to = from + chrono::Days::new(seed.days.saturating_sub(1));
    let period = store
        .open_comment_period(version, from, to, seed.announcement.as_deref(), change)
        .await?;
    for c in &seed.comments {
        let element = match &c.on {
            Some(title) => Some(
                elements
                    .iter()
                    .find(|(t, _)| t == title)
                    .ok_or_else(|| bad(format!("comment on {title}: no such element")))?,
            ),
            None => None,
        };
        let text = souhra_core::comment::CommentText::new(&c.text, &c.proposal).map_err(bad)?;
        let named = c.name.is_some() || c.organization.is_some();
        let comment = souhra_store::comment::NewComment {
            element: element.map(|(_, k)| k.clone()),
            // The page numbers and names the element in the reader's language.
            element_label: None,
            text,
            author: souhra_core::comment::Author {
                name: c.name.clone(),
                organization: c.organization.clone(),
                email: None,
                named,
                notify: false,
            },
            account: None,
            consent: None,
        };
        let id = store.add_comment(period, &comment, change.at).await?;
        if let Some((status, justification)) = &c.settlement {
            let input = souhra_store::comment::SettlementInput {
                status: souhra_core::comment::Settlement::from_key(status).map_err(bad)?,
                justification: justification.clone(),
                change: None,
            };
            store.settle_comment(id, 1, &input, change).await?;
        }
    }
    Ok(())
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

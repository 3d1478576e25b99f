//! Plans, their versions, content trees, budgets, indicators and indicator values.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use souhra_core::area::AreaId;
use souhra_core::plan::{
    Approval, BudgetLine, Direction, ElementKey, ElementKind, FundingSource, Indicator, Period,
    PlanKind, PlanStatus, YearValue, clean_text,
};

use super::catalogue::{parse_json, rows_for};
use super::history::audit;
use super::import::json;
use super::{Pool, Tx, begin_write};
use crate::error::stored;
use crate::plan::{
    Element, ElementContent, ElementDetails, ImportedElement, NewPlan, Plan, PlanChange, PlanId,
    PlanVersion, VersionId,
};
use crate::{StoreError, StoreResult};

/// The entity name of plans in audit events.
const PLAN: &str = "plan";

/// Records a change of plan `plan` of `area` in the audit log.
pub(super) async fn logged(
    tx: &mut Tx,
    change: PlanChange,
    area: AreaId,
    plan: i64,
    action: &str,
    detail: Option<&str>,
) -> StoreResult<()> {
    audit(
        tx,
        change.at,
        change.by,
        Some(area),
        action,
        Some((PLAN, plan)),
        detail,
    )
    .await
}

pub(super) fn invalid(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(e.to_string())
}

/// The plan, area and kind of an open (not frozen) version, in `tx`. A version out for comment is
/// not open while its comment period runs (the text the public comments on does not change).
pub(super) async fn open_version(
    tx: &mut Tx,
    version: VersionId,
    at: DateTime<Utc>,
) -> StoreResult<(PlanId, AreaId, PlanKind)> {
    let row: Option<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.area_id, p.kind, v.status FROM plan_version v \
         JOIN plan p ON p.id = v.plan_id WHERE v.id = $1",
    )
    .bind(version.0)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((plan, area, kind, status)) = row else {
        return Err(StoreError::NotFound(format!("plan version {}", version.0)));
    };
    let status = stored(status, "plan status", |s| PlanStatus::from_key(&s))?;
    if status.is_frozen() {
        return Err(StoreError::Invalid(format!(
            "version {} is {status} and can no longer change; start a new version",
            version.0
        )));
    }
    if status == PlanStatus::InComment
        && let Some(until) = super::comment::running_until(tx, version, at).await?
    {
        return Err(StoreError::Invalid(format!(
            "the text is out for public comment until {until} and cannot change; close the \
             comment period first"
        )));
    }
    let kind = stored(kind, "plan kind", |k| PlanKind::from_key(&k))?;
    Ok((PlanId(plan), AreaId(area), kind))
}

/// The plan and area of an element of an open version, in `tx` (404 for an unknown element).
pub(super) async fn open_element(
    tx: &mut Tx,
    version: VersionId,
    key: &ElementKey,
    at: DateTime<Utc>,
) -> StoreResult<(PlanId, AreaId)> {
    let (plan, area, _) = open_version(tx, version, at).await?;
    kind_of(tx, version, key).await?;
    Ok((plan, area))
}

pub(crate) async fn create(
    pool: &Pool,
    new: &NewPlan,
    change: PlanChange,
) -> StoreResult<(PlanId, VersionId)> {
    let period = Period::new(new.kind, new.period.from, new.period.to).map_err(invalid)?;
    let title = clean_text(&new.title, "title", 300, false).map_err(invalid)?;
    let topic = new
        .topic
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| clean_text(t, "topic", 200, false))
        .transpose()
        .map_err(invalid)?;
    let mut tx = begin_write(pool).await?;
    let (plan,): (i64,) = sqlx::query_as(
        "INSERT INTO plan (area_id, kind, title, topic, period_from, period_to, created_at, \
         created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(new.area.0)
    .bind(new.kind.key())
    .bind(&title)
    .bind(topic.as_deref())
    .bind(i64::from(period.from))
    .bind(i64::from(period.to))
    .bind(change.at)
    .bind(change.by.map(|a| a.0))
    .fetch_one(&mut *tx)
    .await?;
    let version = insert_version(&mut tx, PlanId(plan), 1, None, change).await?;
    if new.kind.is_yearly() {
        super::yearly::draw_sources(&mut tx, version, new.area, period.from).await?;
    }
    logged(&mut tx, change, new.area, plan, "plan.create", Some(&title)).await?;
    tx.commit().await?;
    Ok((PlanId(plan), version))
}

async fn insert_version(
    tx: &mut Tx,
    plan: PlanId,
    number: i64,
    vision: Option<&str>,
    change: PlanChange,
) -> StoreResult<VersionId> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO plan_version (plan_id, number, status, vision, status_changed_at, \
         created_at, created_by) VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id",
    )
    .bind(plan.0)
    .bind(number)
    .bind(PlanStatus::Draft.key())
    .bind(vision)
    .bind(change.at)
    .bind(change.by.map(|a| a.0))
    .fetch_one(&mut **tx)
    .await?;
    Ok(VersionId(id))
}

type PlanRow = (i64, i64, String, String, Option<String>, i64, i64);
type VersionRow = (
    i64,
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<NaiveDate>,
    Option<String>,
    DateTime<Utc>,
    i64,
);

const PLAN_SELECT: &str =
    "SELECT id, area_id, kind, title, topic, period_from, period_to FROM plan";
const VERSION_SELECT: &str = "SELECT id, plan_id, number, status, vision, resolution, \
     approved_on, approved_by, status_changed_at, revision FROM plan_version";

pub(super) fn year(value: i64) -> StoreResult<i32> {
    stored(value, "year", i32::try_from)
}

fn version_of(row: VersionRow) -> StoreResult<PlanVersion> {
    let (id, plan, number, status, vision, resolution, on, by, changed, revision) = row;
    let approval = match (resolution, on, by) {
        (Some(resolution), Some(date), Some(body)) => Some(Approval {
            resolution,
            date,
            body,
        }),
        _ => None,
    };
    Ok(PlanVersion {
        id: VersionId(id),
        plan: PlanId(plan),
        number,
        status: stored(status, "plan status", |s| PlanStatus::from_key(&s))?,
        vision,
        approval,
        status_changed_at: changed,
        revision,
    })
}

async fn with_versions(pool: &Pool, rows: Vec<PlanRow>) -> StoreResult<Vec<Plan>> {
    let mut plans = Vec::with_capacity(rows.len());
    let mut index = HashMap::new();
    for (id, area, kind, title, topic, from, to) in rows {
        index.insert(id, plans.len());
        plans.push(Plan {
            id: PlanId(id),
            area: AreaId(area),
            kind: stored(kind, "plan kind", |k| PlanKind::from_key(&k))?,
            title,
            topic,
            period: Period {
                from: year(from)?,
                to: year(to)?,
            },
            versions: Vec::new(),
        });
    }
    if plans.is_empty() {
        return Ok(plans);
    }
    let ids: Vec<String> = plans.iter().map(|p| p.id.0.to_string()).collect();
    // Ids are numbers read from the database, not input.
    let rows: Vec<VersionRow> = sqlx::query_as(&format!(
        "{VERSION_SELECT} WHERE plan_id IN ({}) ORDER BY plan_id, number",
        ids.join(", ")
    ))
    .fetch_all(pool)
    .await?;
    for row in rows {
        let version = version_of(row)?;
        if let Some(&i) = index.get(&version.plan.0) {
            plans[i].versions.push(version);
        }
    }
    Ok(plans)
}

pub(crate) async fn of_area(pool: &Pool, area: AreaId) -> StoreResult<Vec<Plan>> {
    let rows: Vec<PlanRow> = sqlx::query_as(&format!(
        "{PLAN_SELECT} WHERE area_id = $1 ORDER BY period_from DESC, kind, id"
    ))
    .bind(area.0)
    .fetch_all(pool)
    .await?;
    with_versions(pool, rows).await
}

pub(crate) async fn of_areas(pool: &Pool, areas: &[AreaId]) -> StoreResult<Vec<Plan>> {
    let ids: Vec<i64> = areas.iter().map(|a| a.0).collect();
    let rows: Vec<PlanRow> = rows_for(
        pool,
        PLAN_SELECT,
        "area_id",
        "ORDER BY period_from DESC, kind, id",
        &ids,
    )
    .await?;
    with_versions(pool, rows).await
}

pub(crate) async fn one(pool: &Pool, id: PlanId) -> StoreResult<Option<Plan>> {
    let rows: Vec<PlanRow> = sqlx::query_as(&format!("{PLAN_SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_all(pool)
        .await?;
    Ok(with_versions(pool, rows).await?.pop())
}

/// An element row: version, key, kind, parent key, position, title, text, details, revision.
type ElementRow = (
    i64,
    String,
    String,
    Option<String>,
    i64,
    String,
    Option<String>,
    String,
    i64,
);

pub(super) async fn element_rows(
    executor: impl sqlx::Executor<'_, Database = super::Db>,
    version: VersionId,
) -> StoreResult<Vec<Element>> {
    let rows: Vec<ElementRow> = sqlx::query_as(&format!(
        "{ELEMENT_SELECT} WHERE version_id = $1 ORDER BY position, id"
    ))
    .bind(version.0)
    .fetch_all(executor)
    .await?;
    rows.into_iter()
        .map(|row| element_of(row).map(|(_, e)| e))
        .collect()
}

const ELEMENT_SELECT: &str = "SELECT version_id, key, kind, parent_key, position, title, body, \
                              details, revision FROM plan_element";

/// An element with the id of its version.
fn element_of(
    (version, key, kind, parent, position, title, body, details, revision): ElementRow,
) -> StoreResult<(i64, Element)> {
    let element = Element {
        key: stored(key, "element key", |k| ElementKey::parse(&k))?,
        kind: stored(kind, "element kind", |k| ElementKind::from_key(&k))?,
        parent: parent
            .map(|p| stored(p, "parent key", |p| ElementKey::parse(&p)))
            .transpose()?,
        position,
        title,
        body,
        details: parse_json(&details, "element details")?,
        revision,
    };
    Ok((version, element))
}

/// The elements of several versions, each version's in tree order.
pub(crate) async fn elements_of(
    pool: &Pool,
    versions: &[VersionId],
) -> StoreResult<Vec<(VersionId, Element)>> {
    let ids: Vec<i64> = versions.iter().map(|v| v.0).collect();
    let rows: Vec<ElementRow> = rows_for(
        pool,
        ELEMENT_SELECT,
        "version_id",
        "ORDER BY version_id, position, id",
        &ids,
    )
    .await?;
    let mut by_version: HashMap<i64, Vec<Element>> = HashMap::new();
    for row in rows {
        let (version, element) = element_of(row)?;
        by_version.entry(version).or_default().push(element);
    }
    let mut out = Vec::new();
    for version in versions {
        for element in tree_order(by_version.remove(&version.0).unwrap_or_default()) {
            out.push((*version, element));
        }
    }
    Ok(out)
}

/// `elements` with each parent before its children (depth first, siblings by position).
pub(super) fn tree_order(elements: Vec<Element>) -> Vec<Element> {
    let mut children: HashMap<Option<ElementKey>, Vec<Element>> = HashMap::new();
    for e in elements {
        children.entry(e.parent.clone()).or_default().push(e);
    }
    let mut out = Vec::new();
    let mut stack: Vec<Element> = children.remove(&None).unwrap_or_default();
    stack.reverse();
    while let Some(e) = stack.pop() {
        if let Some(mut kids) = children.remove(&Some(e.key.clone())) {
            kids.reverse();
            stack.extend(kids);
        }
        out.push(e);
    }
    out
}

pub(crate) async fn elements(pool: &Pool, version: VersionId) -> StoreResult<Vec<Element>> {
    Ok(tree_order(element_rows(pool, version).await?))
}

pub(super) fn checked(content: &ElementContent) -> StoreResult<(String, Option<String>, String)> {
    let title = clean_text(&content.title, "title", 500, false).map_err(invalid)?;
    let body = content
        .body
        .as_deref()
        .filter(|b| !b.trim().is_empty())
        .map(|b| clean_text(b, "text", 100_000, true))
        .transpose()
        .map_err(invalid)?;
    if let (Some(start), Some(end)) = (content.details.start, content.details.end)
        && end < start
    {
        return Err(StoreError::Invalid(format!(
            "the end {end} is before the start {start}"
        )));
    }
    Ok((title, body, json(&content.details)))
}

pub(super) async fn kind_of(
    tx: &mut Tx,
    version: VersionId,
    key: &ElementKey,
) -> StoreResult<ElementKind> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT kind FROM plan_element WHERE version_id = $1 AND key = $2")
            .bind(version.0)
            .bind(key.as_str())
            .fetch_optional(&mut **tx)
            .await?;
    let (kind,) = row.ok_or_else(|| StoreError::NotFound(format!("element {key}")))?;
    stored(kind, "element kind", |k| ElementKind::from_key(&k))
}

/// Inserts an element at the end of its siblings with the plan's next key, in `tx` (checked
/// content: title, text, details JSON).
pub(super) async fn insert_element(
    tx: &mut Tx,
    plan: PlanId,
    version: VersionId,
    kind: ElementKind,
    parent: Option<&ElementKey>,
    (title, body, details): (&str, Option<&str>, &str),
) -> StoreResult<ElementKey> {
    let (number,): (i64,) =
        sqlx::query_as("UPDATE plan SET next_key = next_key + 1 WHERE id = $1 RETURNING next_key")
            .bind(plan.0)
            .fetch_one(&mut **tx)
            .await?;
    let key = ElementKey::parse(&format!("e{}", number - 1)).map_err(invalid)?;
    let (position,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM plan_element \
         WHERE version_id = $1 AND ((parent_key IS NULL AND $2 IS NULL) OR parent_key = $2)",
    )
    .bind(version.0)
    .bind(parent.map(ElementKey::as_str))
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO plan_element (version_id, key, kind, parent_key, position, title, body, \
         details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(version.0)
    .bind(key.as_str())
    .bind(kind.key())
    .bind(parent.map(ElementKey::as_str))
    .bind(position)
    .bind(title)
    .bind(body)
    .bind(details)
    .execute(&mut **tx)
    .await?;
    Ok(key)
}

pub(crate) async fn add_element(
    pool: &Pool,
    version: VersionId,
    kind: ElementKind,
    parent: Option<&ElementKey>,
    content: &ElementContent,
    change: PlanChange,
) -> StoreResult<ElementKey> {
    let (title, body, details) = checked(content)?;
    let mut tx = begin_write(pool).await?;
    let (plan, area, plan_kind) = open_version(&mut tx, version, change.at).await?;
    if kind == ElementKind::NetworkEntry {
        return Err(StoreError::Invalid(
            "a service joins a network with its capacity and money: see save_network_entry".into(),
        ));
    }
    if !plan_kind.holds(kind) {
        return Err(StoreError::Invalid(format!(
            "a {plan_kind} holds no element of the kind {kind}"
        )));
    }
    match (kind.parent(), parent) {
        (None, None) => {}
        (Some(expected), Some(parent)) => {
            let found = kind_of(&mut tx, version, parent)
                .await
                .map_err(|_| StoreError::Invalid(format!("the parent {parent} does not exist")))?;
            if found != expected {
                return Err(StoreError::Invalid(format!(
                    "a {kind} belongs under a {expected}, not a {found}"
                )));
            }
        }
        (expected, _) => {
            return Err(StoreError::Invalid(format!(
                "a {kind} belongs under {}",
                expected.map_or("nothing", ElementKind::key)
            )));
        }
    }
    let key = insert_element(
        &mut tx,
        plan,
        version,
        kind,
        parent,
        (&title, body.as_deref(), &details),
    )
    .await?;
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!("+{key} {title}")),
    )
    .await?;
    tx.commit().await?;
    Ok(key)
}

pub(crate) async fn update_element(
    pool: &Pool,
    version: VersionId,
    key: &ElementKey,
    revision: i64,
    content: &ElementContent,
    change: PlanChange,
) -> StoreResult<i64> {
    let (title, body, details) = checked(content)?;
    let mut tx = begin_write(pool).await?;
    let (plan, area) = open_element(&mut tx, version, key, change.at).await?;
    if kind_of(&mut tx, version, key).await? == ElementKind::NetworkEntry {
        return Err(StoreError::Invalid(format!(
            "{key} is a service of a network: save it with save_network_entry"
        )));
    }
    let updated = sqlx::query(
        "UPDATE plan_element SET title = $4, body = $5, details = $6, revision = revision + 1 \
         WHERE version_id = $1 AND key = $2 AND revision = $3",
    )
    .bind(version.0)
    .bind(key.as_str())
    .bind(revision)
    .bind(&title)
    .bind(body.as_deref())
    .bind(&details)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(StoreError::Conflict(format!(
            "{key} was saved by someone else since revision {revision}"
        )));
    }
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!("{key} {title}")),
    )
    .await?;
    tx.commit().await?;
    Ok(revision + 1)
}

pub(crate) async fn remove_element(
    pool: &Pool,
    version: VersionId,
    key: &ElementKey,
    change: PlanChange,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let (plan, area) = open_element(&mut tx, version, key, change.at).await?;
    let (children,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM plan_element WHERE version_id = $1 AND parent_key = $2",
    )
    .bind(version.0)
    .bind(key.as_str())
    .fetch_one(&mut *tx)
    .await?;
    if children > 0 {
        return Err(StoreError::Invalid(format!(
            "{key} has {children} elements under it; remove or move them first"
        )));
    }
    for sql in [
        "DELETE FROM plan_budget WHERE version_id = $1 AND element_key = $2",
        "DELETE FROM plan_indicator WHERE version_id = $1 AND element_key = $2",
        "DELETE FROM plan_element WHERE version_id = $1 AND key = $2",
    ] {
        sqlx::query(sql)
            .bind(version.0)
            .bind(key.as_str())
            .execute(&mut *tx)
            .await?;
    }
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!("-{key}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn set_vision(
    pool: &Pool,
    version: VersionId,
    revision: i64,
    vision: Option<&str>,
    change: PlanChange,
) -> StoreResult<i64> {
    let vision = vision
        .filter(|v| !v.trim().is_empty())
        .map(|v| clean_text(v, "vision", 20_000, true))
        .transpose()
        .map_err(invalid)?;
    let mut tx = begin_write(pool).await?;
    let (plan, area, _) = open_version(&mut tx, version, change.at).await?;
    let updated = sqlx::query(
        "UPDATE plan_version SET vision = $3, revision = revision + 1 \
         WHERE id = $1 AND revision = $2",
    )
    .bind(version.0)
    .bind(revision)
    .bind(vision.as_deref())
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(StoreError::Conflict(format!(
            "the vision was saved by someone else since revision {revision}"
        )));
    }
    logged(&mut tx, change, area, plan.0, "plan.edit", Some("vision")).await?;
    tx.commit().await?;
    Ok(revision + 1)
}

/// Replaces the budget of an element in `tx`, lines of the same year and source added up.
pub(super) async fn insert_budget(
    tx: &mut Tx,
    version: VersionId,
    key: &ElementKey,
    lines: &[BudgetLine],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM plan_budget WHERE version_id = $1 AND element_key = $2")
        .bind(version.0)
        .bind(key.as_str())
        .execute(&mut **tx)
        .await?;
    let mut merged: HashMap<(i32, FundingSource), i64> = HashMap::new();
    for line in lines {
        let sum = merged.entry((line.year, line.source)).or_default();
        *sum = sum.saturating_add(line.amount);
    }
    for ((year, source), amount) in merged {
        sqlx::query(
            "INSERT INTO plan_budget (version_id, element_key, year, source, amount) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(version.0)
        .bind(key.as_str())
        .bind(i64::from(year))
        .bind(source.key())
        .bind(amount)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub(crate) async fn set_budget(
    pool: &Pool,
    version: VersionId,
    key: &ElementKey,
    lines: &[BudgetLine],
    change: PlanChange,
) -> StoreResult<()> {
    if let Some(bad) = lines.iter().find(|l| l.amount < 0) {
        return Err(StoreError::Invalid(format!(
            "a budget cannot be negative ({} in {})",
            bad.amount, bad.year
        )));
    }
    let mut tx = begin_write(pool).await?;
    let (plan, area) = open_element(&mut tx, version, key, change.at).await?;
    insert_budget(&mut tx, version, key, lines).await?;
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!("{key} budget")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn budget(
    executor: impl sqlx::Executor<'_, Database = super::Db>,
    version: VersionId,
) -> StoreResult<Vec<(ElementKey, BudgetLine)>> {
    let rows: Vec<(String, i64, String, i64)> = sqlx::query_as(
        "SELECT element_key, year, source, amount FROM plan_budget WHERE version_id = $1 \
         ORDER BY element_key, year, source",
    )
    .bind(version.0)
    .fetch_all(executor)
    .await?;
    budget_lines(rows)
}

/// Rows of (element key, year, source, amount) as budget lines, by key, year and source in its
/// display order (planned budgets and money paid alike).
pub(super) fn budget_lines(
    rows: Vec<(String, i64, String, i64)>,
) -> StoreResult<Vec<(ElementKey, BudgetLine)>> {
    let mut lines = rows
        .into_iter()
        .map(|(key, y, source, amount)| {
            Ok((
                stored(key, "element key", |k| ElementKey::parse(&k))?,
                BudgetLine {
                    year: year(y)?,
                    source: stored(source, "funding source", |s| FundingSource::from_key(&s))?,
                    amount,
                },
            ))
        })
        .collect::<StoreResult<Vec<_>>>()?;
    // Sources in their display order, not their keys' alphabetical one.
    lines.sort_by(|a, b| (&a.0, a.1.year, a.1.source).cmp(&(&b.0, b.1.year, b.1.source)));
    Ok(lines)
}

pub(crate) async fn set_indicators(
    pool: &Pool,
    version: VersionId,
    key: &ElementKey,
    indicators: &[Indicator],
    change: PlanChange,
) -> StoreResult<()> {
    for indicator in indicators {
        indicator.check().map_err(invalid)?;
    }
    let mut tx = begin_write(pool).await?;
    let (plan, area) = open_element(&mut tx, version, key, change.at).await?;
    sqlx::query("DELETE FROM plan_indicator WHERE version_id = $1 AND element_key = $2")
        .bind(version.0)
        .bind(key.as_str())
        .execute(&mut *tx)
        .await?;
    for (position, i) in indicators.iter().enumerate() {
        sqlx::query(
            "INSERT INTO plan_indicator (version_id, key, element_key, position, name, unit, \
             baseline_value, baseline_year, target_value, target_year, direction) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(version.0)
        .bind(i.key.as_str())
        .bind(key.as_str())
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(i.name.trim())
        .bind(i.unit.trim())
        .bind(i.baseline.value)
        .bind(i64::from(i.baseline.year))
        .bind(i.target.value)
        .bind(i64::from(i.target.year))
        .bind(i.direction.key())
        .execute(&mut *tx)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => StoreError::Conflict(format!(
                "the indicator key {} is used elsewhere in this plan",
                i.key
            )),
            other => other,
        })?;
    }
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!("{key} indicators")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn indicators(
    pool: &Pool,
    version: VersionId,
) -> StoreResult<Vec<(ElementKey, Indicator)>> {
    Ok(indicators_of(pool, &[version])
        .await?
        .into_iter()
        .map(|(_, key, indicator)| (key, indicator))
        .collect())
}

/// An indicator row: version, element key, key, name, unit, baseline value and year, target
/// value and year, direction.
type IndicatorRow = (
    i64,
    String,
    String,
    String,
    String,
    f64,
    i64,
    f64,
    i64,
    String,
);

/// The indicators of several versions: (version, element key, indicator).
pub(crate) async fn indicators_of(
    pool: &Pool,
    versions: &[VersionId],
) -> StoreResult<Vec<(VersionId, ElementKey, Indicator)>> {
    let ids: Vec<i64> = versions.iter().map(|v| v.0).collect();
    let rows: Vec<IndicatorRow> = rows_for(
        pool,
        "SELECT version_id, element_key, key, name, unit, baseline_value, baseline_year, \
         target_value, target_year, direction FROM plan_indicator",
        "version_id",
        "ORDER BY version_id, element_key, position",
        &ids,
    )
    .await?;
    rows.into_iter()
        .map(
            |(version, element, key, name, unit, bv, by, tv, ty, direction)| {
                Ok((
                    VersionId(version),
                    stored(element, "element key", |k| ElementKey::parse(&k))?,
                    Indicator {
                        key: stored(key, "indicator key", |k| ElementKey::parse(&k))?,
                        name,
                        unit,
                        baseline: YearValue {
                            year: year(by)?,
                            value: bv,
                        },
                        target: YearValue {
                            year: year(ty)?,
                            value: tv,
                        },
                        direction: stored(direction, "direction", |d| Direction::from_key(&d))?,
                    },
                ))
            },
        )
        .collect()
}

pub(crate) async fn record_value(
    pool: &Pool,
    plan: PlanId,
    indicator: &ElementKey,
    value: YearValue,
    change: PlanChange,
) -> StoreResult<()> {
    if !value.value.is_finite() || !(2000..=2100).contains(&value.year) {
        return Err(StoreError::Invalid(format!(
            "{} in {} is not a value of an indicator",
            value.value, value.year
        )));
    }
    let mut tx = begin_write(pool).await?;
    let known: Option<(i64,)> = sqlx::query_as(
        "SELECT p.area_id FROM plan p JOIN plan_version v ON v.plan_id = p.id \
         JOIN plan_indicator i ON i.version_id = v.id WHERE p.id = $1 AND i.key = $2 LIMIT 1",
    )
    .bind(plan.0)
    .bind(indicator.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((area,)) = known else {
        return Err(StoreError::NotFound(format!(
            "plan {} has no indicator {indicator}",
            plan.0
        )));
    };
    sqlx::query(
        "INSERT INTO indicator_value (plan_id, indicator_key, year, value, recorded_at, \
         recorded_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (plan_id, indicator_key, year) \
         DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at, \
         recorded_by = excluded.recorded_by",
    )
    .bind(plan.0)
    .bind(indicator.as_str())
    .bind(i64::from(value.year))
    .bind(value.value)
    .bind(change.at)
    .bind(change.by.map(|a| a.0))
    .execute(&mut *tx)
    .await?;
    logged(
        &mut tx,
        change,
        AreaId(area),
        plan.0,
        "plan.value",
        Some(&format!("{indicator} {}: {}", value.year, value.value)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn values(pool: &Pool, plan: PlanId) -> StoreResult<Vec<(ElementKey, YearValue)>> {
    Ok(values_of(pool, &[plan])
        .await?
        .into_iter()
        .map(|(_, key, value)| (key, value))
        .collect())
}

/// The measured values of several plans' indicators: (plan, indicator key, value).
pub(crate) async fn values_of(
    pool: &Pool,
    plans: &[PlanId],
) -> StoreResult<Vec<(PlanId, ElementKey, YearValue)>> {
    let ids: Vec<i64> = plans.iter().map(|p| p.0).collect();
    let rows: Vec<(i64, String, i64, f64)> = rows_for(
        pool,
        "SELECT plan_id, indicator_key, year, value FROM indicator_value",
        "plan_id",
        "ORDER BY plan_id, indicator_key, year",
        &ids,
    )
    .await?;
    rows.into_iter()
        .map(|(plan, key, y, value)| {
            Ok((
                PlanId(plan),
                stored(key, "indicator key", |k| ElementKey::parse(&k))?,
                YearValue {
                    year: year(y)?,
                    value,
                },
            ))
        })
        .collect()
}

pub(crate) async fn set_status(
    pool: &Pool,
    version: VersionId,
    next: PlanStatus,
    approval: Option<&Approval>,
    change: PlanChange,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let row: Option<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.area_id, p.kind, v.status FROM plan_version v \
         JOIN plan p ON p.id = v.plan_id WHERE v.id = $1",
    )
    .bind(version.0)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((plan, area, kind, status)) = row else {
        return Err(StoreError::NotFound(format!("plan version {}", version.0)));
    };
    let kind = stored(kind, "plan kind", |k| PlanKind::from_key(&k))?;
    let status = stored(status, "plan status", |s| PlanStatus::from_key(&s))?;
    status.check_step(kind, next).map_err(invalid)?;
    if next == PlanStatus::InComment {
        return Err(StoreError::Invalid(
            "a version goes out for public comment with a comment period: give its dates".into(),
        ));
    }
    let version_id = version;
    if status == PlanStatus::InComment && next == PlanStatus::Draft {
        super::comment::close_all(&mut tx, version_id, change.at).await?;
    }
    if status == PlanStatus::InComment
        && next == PlanStatus::Approved
        && let Some(until) = super::comment::running_until(&mut tx, version_id, change.at).await?
    {
        return Err(StoreError::Invalid(format!(
            "the comment period runs until {until}; close it before the approval"
        )));
    }
    if next == PlanStatus::Approved {
        let open = super::comment::unsettled(&mut tx, version_id).await?;
        if open > 0 {
            return Err(StoreError::Invalid(format!(
                "{open} comments are not settled yet; settle every comment before the approval"
            )));
        }
    }
    if next == PlanStatus::Approved {
        let Some(approval) = approval else {
            return Err(StoreError::Invalid(
                "an approval needs the resolution, its date and the approving body".into(),
            ));
        };
        let approval =
            Approval::new(&approval.resolution, approval.date, &approval.body).map_err(invalid)?;
        sqlx::query(
            "UPDATE plan_version SET resolution = $2, approved_on = $3, approved_by = $4 \
             WHERE id = $1",
        )
        .bind(version.0)
        .bind(&approval.resolution)
        .bind(approval.date)
        .bind(&approval.body)
        .execute(&mut *tx)
        .await?;
    }
    if next == PlanStatus::InForce {
        // One version of a plan is in force at a time.
        sqlx::query(
            "UPDATE plan_version SET status = $3, status_changed_at = $4 \
             WHERE plan_id = $1 AND id <> $2 AND status = $5",
        )
        .bind(plan)
        .bind(version.0)
        .bind(PlanStatus::Ended.key())
        .bind(change.at)
        .bind(PlanStatus::InForce.key())
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE plan_version SET status = $2, status_changed_at = $3 WHERE id = $1")
        .bind(version.0)
        .bind(next.key())
        .bind(change.at)
        .execute(&mut *tx)
        .await?;
    logged(
        &mut tx,
        change,
        AreaId(area),
        plan,
        "plan.status",
        Some(&format!("{status} -> {next}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn new_version(
    pool: &Pool,
    plan: PlanId,
    change: PlanChange,
) -> StoreResult<VersionId> {
    let mut tx = begin_write(pool).await?;
    let latest: Option<(i64, i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT v.id, v.number, v.status, v.vision, p.area_id FROM plan_version v \
         JOIN plan p ON p.id = v.plan_id WHERE v.plan_id = $1 ORDER BY v.number DESC LIMIT 1",
    )
    .bind(plan.0)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((from, number, status, vision, area)) = latest else {
        return Err(StoreError::NotFound(format!("plan {}", plan.0)));
    };
    let status = stored(status, "plan status", |s| PlanStatus::from_key(&s))?;
    if !status.is_frozen() {
        return Err(StoreError::Invalid(format!(
            "version {number} is still open ({status}); edit it instead of starting another"
        )));
    }
    let version = insert_version(&mut tx, plan, number + 1, vision.as_deref(), change).await?;
    for sql in [
        "INSERT INTO plan_element (version_id, key, kind, parent_key, position, title, body, \
         details) SELECT $2, key, kind, parent_key, position, title, body, details \
         FROM plan_element WHERE version_id = $1",
        "INSERT INTO plan_budget (version_id, element_key, year, source, amount) \
         SELECT $2, element_key, year, source, amount FROM plan_budget WHERE version_id = $1",
        "INSERT INTO plan_indicator (version_id, key, element_key, position, name, unit, \
         baseline_value, baseline_year, target_value, target_year, direction) \
         SELECT $2, key, element_key, position, name, unit, baseline_value, baseline_year, \
         target_value, target_year, direction FROM plan_indicator WHERE version_id = $1",
        "INSERT INTO plan_source (version_id, source_version_id) \
         SELECT $2, source_version_id FROM plan_source WHERE version_id = $1",
        "INSERT INTO plan_outcome (version_id, source_plan_id, element_key, status, commentary, \
         spent) SELECT $2, source_plan_id, element_key, status, commentary, spent \
         FROM plan_outcome WHERE version_id = $1",
    ] {
        sqlx::query(sql)
            .bind(from)
            .bind(version.0)
            .execute(&mut *tx)
            .await?;
    }
    logged(
        &mut tx,
        change,
        AreaId(area),
        plan.0,
        "plan.version",
        Some(&format!("{}", number + 1)),
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

pub(crate) async fn import_structure(
    pool: &Pool,
    version: VersionId,
    elements: &[ImportedElement],
    change: PlanChange,
) -> StoreResult<usize> {
    let mut checked_elements = Vec::with_capacity(elements.len());
    for e in elements {
        let (title, body, details) =
            checked(&e.content).map_err(|err| invalid(format!("{}: {err}", e.reference)))?;
        if let Some(bad) = e.budget.iter().find(|l| l.amount < 0) {
            return Err(StoreError::Invalid(format!(
                "{}: a budget cannot be negative ({})",
                e.reference, bad.amount
            )));
        }
        checked_elements.push((title, body, details));
    }
    let mut tx = begin_write(pool).await?;
    let (plan, area, plan_kind) = open_version(&mut tx, version, change.at).await?;
    let (existing,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM plan_element WHERE version_id = $1")
            .bind(version.0)
            .fetch_one(&mut *tx)
            .await?;
    if existing > 0 {
        return Err(StoreError::Invalid(
            "the version already has content; import into an empty draft".into(),
        ));
    }
    let mut keys: HashMap<&str, (ElementKey, ElementKind)> = HashMap::new();
    for (e, (title, body, details)) in elements.iter().zip(&checked_elements) {
        if e.kind == ElementKind::NetworkEntry || !plan_kind.holds(e.kind) {
            return Err(StoreError::Invalid(format!(
                "{}: a {plan_kind} holds no element of the kind {}",
                e.reference, e.kind
            )));
        }
        let parent = match (&e.parent, e.kind.parent()) {
            (None, None) => None,
            (Some(p), Some(expected)) => match keys.get(p.as_str()) {
                Some((key, kind)) if *kind == expected => Some(key.clone()),
                _ => {
                    return Err(StoreError::Invalid(format!(
                        "{}: its parent {p} is not a {expected} before it",
                        e.reference
                    )));
                }
            },
            _ => {
                return Err(StoreError::Invalid(format!(
                    "{}: a {} cannot have that parent",
                    e.reference, e.kind
                )));
            }
        };
        let key = insert_element(
            &mut tx,
            plan,
            version,
            e.kind,
            parent.as_ref(),
            (title, body.as_deref(), details),
        )
        .await?;
        if !e.budget.is_empty() {
            insert_budget(&mut tx, version, &key, &e.budget).await?;
        }
        keys.insert(&e.reference, (key, e.kind));
    }
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!("import of {} elements", elements.len())),
    )
    .await?;
    tx.commit().await?;
    Ok(elements.len())
}

pub(crate) async fn move_element(
    pool: &Pool,
    version: VersionId,
    key: &ElementKey,
    earlier: bool,
    change: PlanChange,
) -> StoreResult<bool> {
    let mut tx = begin_write(pool).await?;
    let (plan, area) = open_element(&mut tx, version, key, change.at).await?;
    let (parent, position): (Option<String>, i64) = sqlx::query_as(
        "SELECT parent_key, position FROM plan_element WHERE version_id = $1 AND key = $2",
    )
    .bind(version.0)
    .bind(key.as_str())
    .fetch_one(&mut *tx)
    .await?;
    // The neighbour among the siblings (same parent) in the direction asked.
    let neighbour: Option<(String, i64)> = sqlx::query_as(&format!(
        "SELECT key, position FROM plan_element WHERE version_id = $1 \
         AND ((parent_key IS NULL AND $2 IS NULL) OR parent_key = $2) AND position {} $3 \
         ORDER BY position {} LIMIT 1",
        if earlier { "<" } else { ">" },
        if earlier { "DESC" } else { "ASC" }
    ))
    .bind(version.0)
    .bind(parent.as_deref())
    .bind(position)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((other, other_position)) = neighbour else {
        return Ok(false);
    };
    for (k, p) in [(key.as_str(), other_position), (other.as_str(), position)] {
        sqlx::query("UPDATE plan_element SET position = $3 WHERE version_id = $1 AND key = $2")
            .bind(version.0)
            .bind(k)
            .bind(p)
            .execute(&mut *tx)
            .await?;
    }
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!(
            "{key} moved {}",
            if earlier { "up" } else { "down" }
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The elements of the area's plans (any version) whose details cite `finding`, with their plan
/// and version; a `LIKE` on the stored JSON narrows them, the parsed details decide.
pub(crate) async fn citing(
    pool: &Pool,
    area: AreaId,
    finding: &souhra_core::analysis::Finding,
) -> StoreResult<Vec<crate::plan::Citation>> {
    type Row = (i64, String, i64, String, String, String, String);
    let pattern = format!("%\"{}\"%", finding.key());
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT p.id, p.title, v.number, v.status, e.key, e.title, e.details \
         FROM plan_element e JOIN plan_version v ON v.id = e.version_id \
         JOIN plan p ON p.id = v.plan_id \
         WHERE p.area_id = $1 AND e.details LIKE $2 ORDER BY p.id, v.number, e.position",
    )
    .bind(area.0)
    .bind(&pattern)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::new();
    for (plan, plan_title, version, status, key, title, details) in rows {
        let details: ElementDetails =
            stored(details, "element details", |d| serde_json::from_str(&d))?;
        if !details.findings.contains(finding) {
            continue;
        }
        out.push(crate::plan::Citation {
            plan: PlanId(plan),
            plan_title,
            version,
            status: stored(status, "plan status", |s| PlanStatus::from_key(&s))?,
            key: stored(key, "element key", |k| ElementKey::parse(&k))?,
            title,
        });
    }
    Ok(out)
}

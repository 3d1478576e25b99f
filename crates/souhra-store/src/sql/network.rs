//! Networks of social services (entries, planned and actual money) and plans' inputs.

use souhra_core::network::check_capacities;
use souhra_core::plan::{BudgetLine, ElementKey, ElementKind, FundingSource, PlanKind};

use super::catalogue::parse_json;
use super::plan::{
    budget_lines, checked, insert_budget, insert_element, invalid, kind_of, logged, open_version,
    year,
};
use super::{Pool, Tx, begin_write};
use crate::network::{NetworkDetails, NetworkEntry};
use crate::plan::{ElementContent, ElementDetails, PlanChange, PlanId, VersionId};
use crate::{StoreError, StoreResult};

/// The network details of the other entries of a version: (key, service).
async fn services_in(tx: &mut Tx, version: VersionId) -> StoreResult<Vec<(String, i64)>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT key, details FROM plan_element WHERE version_id = $1 AND kind = $2")
            .bind(version.0)
            .bind(ElementKind::NetworkEntry.key())
            .fetch_all(&mut **tx)
            .await?;
    rows.into_iter()
        .map(|(key, details)| {
            let details: ElementDetails = parse_json(&details, "element details")?;
            Ok((key, details.network.map_or(-1, |n| n.service)))
        })
        .collect()
}

/// Whether `key` is a measure in some version of `plan`.
async fn is_measure(tx: &mut Tx, plan: i64, key: &ElementKey) -> StoreResult<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM plan_element e JOIN plan_version v ON v.id = e.version_id \
         WHERE v.plan_id = $1 AND e.key = $2 AND e.kind = $3 LIMIT 1",
    )
    .bind(plan)
    .bind(key.as_str())
    .bind(ElementKind::Measure.key())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.is_some())
}

pub(crate) async fn save_entry(
    pool: &Pool,
    version: VersionId,
    existing: Option<(&ElementKey, i64)>,
    entry: &NetworkEntry,
    change: PlanChange,
) -> StoreResult<ElementKey> {
    if let Some((source, amount)) = entry.planned.iter().find(|(_, a)| *a < 0) {
        return Err(StoreError::Invalid(format!(
            "planned money cannot be negative ({amount} from {source})"
        )));
    }
    let service = super::catalogue::service(pool, entry.service)
        .await?
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "service {} is not in the catalogue",
                entry.service.0
            ))
        })?;
    let capacities = check_capacities(
        service.status,
        service.status_since,
        &service.forms,
        &entry.capacities,
    )
    .map_err(|e| StoreError::Invalid(format!("{}: {e}", service.name)))?;
    let mut tx = begin_write(pool).await?;
    let (plan, area, kind) = open_version(&mut tx, version, change.at).await?;
    if kind != PlanKind::ServiceNetwork {
        return Err(StoreError::Invalid(format!(
            "a {kind} holds no services of a network"
        )));
    }
    if let Some((key, _)) = existing
        && kind_of(&mut tx, version, key).await? != ElementKind::NetworkEntry
    {
        return Err(StoreError::Invalid(format!(
            "{key} is not a service of the network"
        )));
    }
    let others = services_in(&mut tx, version).await?;
    if others
        .iter()
        .any(|(key, id)| *id == entry.service.0 && existing.is_none_or(|(k, _)| k.as_str() != key))
    {
        return Err(StoreError::Invalid(format!(
            "{} is already in this network",
            service.name
        )));
    }
    for measure in &entry.measures {
        if !is_measure(&mut tx, measure.plan, &measure.key).await? {
            return Err(StoreError::Invalid(format!(
                "plan {} has no measure {}",
                measure.plan, measure.key
            )));
        }
    }
    let (from,): (i64,) = sqlx::query_as("SELECT period_from FROM plan WHERE id = $1")
        .bind(plan.0)
        .fetch_one(&mut *tx)
        .await?;
    let year = year(from)?;
    let content = ElementContent {
        title: service.name.clone(),
        body: entry.justification.clone(),
        details: ElementDetails {
            network: Some(NetworkDetails {
                service: entry.service.0,
                network_type: entry.network_type,
                capacities,
                measures: entry.measures.clone(),
            }),
            ..ElementDetails::default()
        },
    };
    let (title, body, details) = checked(&content)?;
    let key = match existing {
        None => {
            insert_element(
                &mut tx,
                plan,
                version,
                ElementKind::NetworkEntry,
                None,
                (&title, body.as_deref(), &details),
            )
            .await?
        }
        Some((key, revision)) => {
            let updated = sqlx::query(
                "UPDATE plan_element SET title = $4, body = $5, details = $6, \
                 revision = revision + 1 WHERE version_id = $1 AND key = $2 AND revision = $3",
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
            key.clone()
        }
    };
    let lines: Vec<BudgetLine> = entry
        .planned
        .iter()
        .map(|(source, amount)| BudgetLine {
            year,
            source: *source,
            amount: *amount,
        })
        .collect();
    insert_budget(&mut tx, version, &key, &lines).await?;
    let sign = if existing.is_some() { "" } else { "+" };
    logged(
        &mut tx,
        change,
        area,
        plan.0,
        "plan.edit",
        Some(&format!("{sign}{key} {title}")),
    )
    .await?;
    tx.commit().await?;
    Ok(key)
}

pub(crate) async fn record_actual(
    pool: &Pool,
    plan: PlanId,
    key: &ElementKey,
    year: i32,
    lines: &[(FundingSource, i64)],
    change: PlanChange,
) -> StoreResult<()> {
    if !(2000..=2100).contains(&year) {
        return Err(StoreError::Invalid(format!(
            "{year} is not a year of a network"
        )));
    }
    if let Some((source, amount)) = lines.iter().find(|(_, a)| *a < 0) {
        return Err(StoreError::Invalid(format!(
            "money paid cannot be negative ({amount} from {source})"
        )));
    }
    let mut tx = begin_write(pool).await?;
    let known: Option<(i64, String)> = sqlx::query_as(
        "SELECT p.area_id, p.kind FROM plan p JOIN plan_version v ON v.plan_id = p.id \
         JOIN plan_element e ON e.version_id = v.id WHERE p.id = $1 AND e.key = $2 \
         AND e.kind = $3 LIMIT 1",
    )
    .bind(plan.0)
    .bind(key.as_str())
    .bind(ElementKind::NetworkEntry.key())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((area, _)) = known else {
        return Err(StoreError::NotFound(format!(
            "plan {} has no service of a network {key}",
            plan.0
        )));
    };
    sqlx::query("DELETE FROM funding_actual WHERE plan_id = $1 AND element_key = $2 AND year = $3")
        .bind(plan.0)
        .bind(key.as_str())
        .bind(i64::from(year))
        .execute(&mut *tx)
        .await?;
    let mut summed: Vec<(FundingSource, i64)> = Vec::new();
    for (source, amount) in lines {
        match summed.iter_mut().find(|(s, _)| s == source) {
            Some(line) => line.1 += amount,
            None => summed.push((*source, *amount)),
        }
    }
    for (source, amount) in &summed {
        sqlx::query(
            "INSERT INTO funding_actual (plan_id, element_key, year, source, amount, \
             recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(plan.0)
        .bind(key.as_str())
        .bind(i64::from(year))
        .bind(source.key())
        .bind(amount)
        .bind(change.at)
        .bind(change.by.map(|a| a.0))
        .execute(&mut *tx)
        .await?;
    }
    logged(
        &mut tx,
        change,
        souhra_core::area::AreaId(area),
        plan.0,
        "plan.edit",
        Some(&format!("{key} paid {year}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn actuals(
    pool: &Pool,
    plan: PlanId,
) -> StoreResult<Vec<(ElementKey, BudgetLine)>> {
    let rows: Vec<(String, i64, String, i64)> = sqlx::query_as(
        "SELECT element_key, year, source, amount FROM funding_actual WHERE plan_id = $1",
    )
    .bind(plan.0)
    .fetch_all(pool)
    .await?;
    budget_lines(rows)
}

pub(crate) async fn set_inputs(
    pool: &Pool,
    plan: PlanId,
    inputs: &[PlanId],
    change: PlanChange,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let row: Option<(i64,)> = sqlx::query_as("SELECT area_id FROM plan WHERE id = $1")
        .bind(plan.0)
        .fetch_optional(&mut *tx)
        .await?;
    let (area,) = row.ok_or_else(|| StoreError::NotFound(format!("plan {}", plan.0)))?;
    sqlx::query("DELETE FROM plan_input WHERE plan_id = $1")
        .bind(plan.0)
        .execute(&mut *tx)
        .await?;
    let mut seen = Vec::new();
    for input in inputs {
        if *input == plan {
            return Err(StoreError::Invalid("a plan cannot be its own input".into()));
        }
        if seen.contains(input) {
            continue;
        }
        seen.push(*input);
        let kind: Option<(String,)> = sqlx::query_as("SELECT kind FROM plan WHERE id = $1")
            .bind(input.0)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((kind,)) = kind else {
            return Err(StoreError::Invalid(format!(
                "plan {} does not exist",
                input.0
            )));
        };
        let kind = PlanKind::from_key(&kind).map_err(invalid)?;
        if !kind.has_structure() {
            return Err(StoreError::Invalid(format!(
                "plan {} is a {kind}; only community and action plans are inputs",
                input.0
            )));
        }
        sqlx::query("INSERT INTO plan_input (plan_id, input_plan_id) VALUES ($1, $2)")
            .bind(plan.0)
            .bind(input.0)
            .execute(&mut *tx)
            .await?;
    }
    let detail = seen
        .iter()
        .map(|p| p.0.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    logged(
        &mut tx,
        change,
        souhra_core::area::AreaId(area),
        plan.0,
        "plan.edit",
        Some(&format!("inputs: {detail}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn inputs(pool: &Pool, plan: PlanId) -> StoreResult<Vec<PlanId>> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT input_plan_id FROM plan_input WHERE plan_id = $1 ORDER BY 1")
            .bind(plan.0)
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(|(id,)| PlanId(id)).collect())
}

pub(crate) async fn drawing_on(pool: &Pool, plan: PlanId) -> StoreResult<Vec<PlanId>> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT plan_id FROM plan_input WHERE input_plan_id = $1 ORDER BY 1")
            .bind(plan.0)
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(|(id,)| PlanId(id)).collect())
}

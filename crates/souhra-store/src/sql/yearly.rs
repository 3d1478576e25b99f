//! Yearly documents: the sources of implementation plans and balance reports, and the reports of
//! a balance report's activities.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use souhra_core::area::AreaId;
use souhra_core::plan::{
    ActivityStatus, ElementKey, ElementKind, PlanKind, PlanStatus, clean_text,
};

use super::plan::{invalid, logged, open_version};
use super::{Pool, Tx, begin_write};
use crate::error::stored;
use crate::plan::{ActivityReport, OutcomeEntry, PlanChange, PlanId, VersionId};
use crate::{StoreError, StoreResult};

/// Replaces the sources of `version` (a yearly document of `area` for `year`) with the versions
/// of the area's community and action plans covering the year: per plan the version in force,
/// else its newest frozen one. Returns how many.
pub(crate) async fn draw_sources(
    tx: &mut Tx,
    version: VersionId,
    area: AreaId,
    year: i32,
) -> StoreResult<usize> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT v.id, v.plan_id, v.status FROM plan_version v JOIN plan p ON p.id = v.plan_id \
         WHERE p.area_id = $1 AND p.kind IN ($2, $3) AND p.period_from <= $4 \
         AND p.period_to >= $4 AND v.status IN ($5, $6, $7) ORDER BY v.plan_id, v.number",
    )
    .bind(area.0)
    .bind(PlanKind::CommunityPlan.key())
    .bind(PlanKind::ActionPlan.key())
    .bind(i64::from(year))
    .bind(PlanStatus::Approved.key())
    .bind(PlanStatus::InForce.key())
    .bind(PlanStatus::Ended.key())
    .fetch_all(&mut **tx)
    .await?;
    // Per plan: the version in force wins, else the newest (rows come oldest first).
    let mut chosen: Vec<(i64, i64, bool)> = Vec::new();
    for (id, plan, status) in rows {
        let in_force = status == PlanStatus::InForce.key();
        match chosen.last_mut() {
            Some(last) if last.1 == plan => {
                if in_force || !last.2 {
                    *last = (id, plan, in_force);
                }
            }
            _ => chosen.push((id, plan, in_force)),
        }
    }
    sqlx::query("DELETE FROM plan_source WHERE version_id = $1")
        .bind(version.0)
        .execute(&mut **tx)
        .await?;
    for (source, _, _) in &chosen {
        sqlx::query("INSERT INTO plan_source (version_id, source_version_id) VALUES ($1, $2)")
            .bind(version.0)
            .bind(source)
            .execute(&mut **tx)
            .await?;
    }
    Ok(chosen.len())
}

pub(crate) async fn sources(
    pool: &Pool,
    version: VersionId,
) -> StoreResult<Vec<(PlanId, VersionId)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT v.plan_id, s.source_version_id FROM plan_source s \
         JOIN plan_version v ON v.id = s.source_version_id \
         WHERE s.version_id = $1 ORDER BY v.plan_id",
    )
    .bind(version.0)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(plan, id)| (PlanId(plan), VersionId(id)))
        .collect())
}

/// The open yearly version's plan, area and year; refused for plans with their own structure.
async fn open_yearly(
    tx: &mut Tx,
    version: VersionId,
    at: DateTime<Utc>,
) -> StoreResult<(PlanId, AreaId, PlanKind, i32)> {
    let (plan, area, kind) = open_version(tx, version, at).await?;
    if !kind.is_yearly() {
        return Err(StoreError::Invalid(format!(
            "a {kind} has its own content; only yearly documents draw from other plans"
        )));
    }
    let (from,): (i64,) = sqlx::query_as("SELECT period_from FROM plan WHERE id = $1")
        .bind(plan.0)
        .fetch_one(&mut **tx)
        .await?;
    Ok((plan, area, kind, stored(from, "year", i32::try_from)?))
}

pub(crate) async fn redraw(
    pool: &Pool,
    version: VersionId,
    change: PlanChange,
) -> StoreResult<usize> {
    let mut tx = begin_write(pool).await?;
    let (plan, area, _, year) = open_yearly(&mut tx, version, change.at).await?;
    let count = draw_sources(&mut tx, version, area, year).await?;
    sqlx::query("UPDATE plan_version SET revision = revision + 1 WHERE id = $1")
        .bind(version.0)
        .execute(&mut *tx)
        .await?;
    logged(&mut tx, change, area, plan.0, "plan.edit", Some("sources")).await?;
    tx.commit().await?;
    Ok(count)
}

pub(crate) async fn save_outcomes(
    pool: &Pool,
    version: VersionId,
    revision: i64,
    entries: &[OutcomeEntry],
    change: PlanChange,
) -> StoreResult<i64> {
    let mut tx = begin_write(pool).await?;
    let (plan, area, kind, _) = open_yearly(&mut tx, version, change.at).await?;
    if kind != PlanKind::BalanceReport {
        return Err(StoreError::Invalid(format!(
            "a {kind} has no reports of activities"
        )));
    }
    // The measures and activities of the sources, by plan.
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT v.plan_id, e.key, e.kind FROM plan_source s \
         JOIN plan_version v ON v.id = s.source_version_id \
         JOIN plan_element e ON e.version_id = v.id WHERE s.version_id = $1",
    )
    .bind(version.0)
    .fetch_all(&mut *tx)
    .await?;
    let mut items: HashSet<(i64, String)> = HashSet::new();
    for (source, key, kind) in rows {
        let kind = stored(kind, "element kind", |k| ElementKind::from_key(&k))?;
        if matches!(kind, ElementKind::Measure | ElementKind::Activity) {
            items.insert((source, key));
        }
    }
    let updated = sqlx::query(
        "UPDATE plan_version SET revision = revision + 1 WHERE id = $1 AND revision = $2",
    )
    .bind(version.0)
    .bind(revision)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(StoreError::Conflict(format!(
            "the report was saved by someone else since revision {revision}"
        )));
    }
    for entry in entries {
        if !items.contains(&(entry.plan.0, entry.key.as_str().to_owned())) {
            return Err(StoreError::Invalid(format!(
                "{} of plan {} is not a measure or an activity this report draws from",
                entry.key, entry.plan.0
            )));
        }
        sqlx::query(
            "DELETE FROM plan_outcome WHERE version_id = $1 AND source_plan_id = $2 \
             AND element_key = $3",
        )
        .bind(version.0)
        .bind(entry.plan.0)
        .bind(entry.key.as_str())
        .execute(&mut *tx)
        .await?;
        let Some(report) = &entry.report else {
            continue;
        };
        let commentary = report
            .commentary
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .map(|c| clean_text(c, "commentary", 4000, true))
            .transpose()
            .map_err(|e| invalid(format!("{}: {e}", entry.key)))?;
        if report.spent.is_some_and(|s| s < 0) {
            return Err(StoreError::Invalid(format!(
                "{}: the money spent cannot be negative",
                entry.key
            )));
        }
        sqlx::query(
            "INSERT INTO plan_outcome (version_id, source_plan_id, element_key, status, \
             commentary, spent) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(version.0)
        .bind(entry.plan.0)
        .bind(entry.key.as_str())
        .bind(report.status.key())
        .bind(commentary.as_deref())
        .bind(report.spent)
        .execute(&mut *tx)
        .await?;
    }
    logged(&mut tx, change, area, plan.0, "plan.edit", Some("outcomes")).await?;
    tx.commit().await?;
    Ok(revision + 1)
}

pub(crate) async fn outcomes(
    pool: &Pool,
    version: VersionId,
) -> StoreResult<Vec<(PlanId, ElementKey, ActivityReport)>> {
    type Row = (i64, String, String, Option<String>, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT source_plan_id, element_key, status, commentary, spent FROM plan_outcome \
         WHERE version_id = $1 ORDER BY source_plan_id, element_key",
    )
    .bind(version.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(plan, key, status, commentary, spent)| {
            Ok((
                PlanId(plan),
                stored(key, "element key", ElementKey::try_from)?,
                ActivityReport {
                    status: stored(status, "activity status", |s| ActivityStatus::from_key(&s))?,
                    commentary,
                    spent,
                },
            ))
        })
        .collect()
}

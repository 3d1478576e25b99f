//! Life situations of the areas' home pages and error reports from the public.

use chrono::{DateTime, Utc};
use souhra_core::area::AreaId;
use souhra_core::public::{CoordinatorContact, ErrorReport, LifeSituation};

use super::catalogue::parse_json;
use super::import::json;
use super::{Pool, begin_write};
use crate::StoreResult;
use crate::records::{ServiceId, StoredErrorReport};

type SituationRow = (String, Option<String>, String, String);

/// The area's own life situations, `None` when it keeps the defaults.
pub(crate) async fn situations(
    pool: &Pool,
    area: AreaId,
) -> StoreResult<Option<Vec<LifeSituation>>> {
    let rows: Vec<SituationRow> = sqlx::query_as(
        "SELECT key, title, kinds, target_groups FROM life_situation WHERE area_id = $1 \
         ORDER BY position",
    )
    .bind(area.0)
    .fetch_all(pool)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    rows.into_iter()
        .map(|(key, title, kinds, target_groups)| {
            Ok(LifeSituation {
                kinds: parse_json(&kinds, "life situation kinds")?,
                target_groups: parse_json(&target_groups, "life situation target groups")?,
                key,
                title,
            })
        })
        .collect::<StoreResult<Vec<_>>>()
        .map(Some)
}

/// Replaces the area's life situations (an empty list goes back to the defaults).
pub(crate) async fn save_situations(
    pool: &Pool,
    area: AreaId,
    list: &[LifeSituation],
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    sqlx::query("DELETE FROM life_situation WHERE area_id = $1")
        .bind(area.0)
        .execute(&mut *tx)
        .await?;
    for (position, s) in list.iter().enumerate() {
        sqlx::query(
            "INSERT INTO life_situation (area_id, position, key, title, kinds, target_groups) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(area.0)
        .bind(i32::try_from(position).unwrap_or(i32::MAX))
        .bind(&s.key)
        .bind(&s.title)
        .bind(json(&s.kinds))
        .bind(json(&s.target_groups))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Stores a report; returns its id.
pub(crate) async fn add_error_report(
    pool: &Pool,
    service: ServiceId,
    area: Option<AreaId>,
    report: &ErrorReport,
    at: DateTime<Utc>,
) -> StoreResult<i64> {
    let mut tx = begin_write(pool).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO error_report (service_id, area_id, message, contact, field, status, \
         created_at) VALUES ($1, $2, $3, $4, $5, 'new', $6) RETURNING id",
    )
    .bind(service.0)
    .bind(area.map(|a| a.0))
    .bind(&report.message)
    .bind(&report.contact)
    .bind(report.field.map(|f| f.key()))
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Reports not yet handled, oldest first.
pub(crate) async fn open_error_reports(
    pool: &Pool,
    area: Option<AreaId>,
) -> StoreResult<Vec<StoredErrorReport>> {
    type Row = (
        i64,
        i64,
        Option<i64>,
        String,
        Option<String>,
        Option<String>,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, service_id, area_id, message, contact, field, created_at FROM error_report \
         WHERE status = 'new' AND ($1 IS NULL OR area_id = $1) ORDER BY created_at, id",
    )
    .bind(area.map(|a| a.0))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, service, area, message, contact, field, created_at)| StoredErrorReport {
                id,
                service: ServiceId(service),
                area: area.map(AreaId),
                report: ErrorReport {
                    message,
                    contact,
                    field: field.and_then(|f| souhra_core::catalogue::LocalField::from_key(&f)),
                },
                created_at,
            },
        )
        .collect())
}

/// The coordinator's contacts of an area.
pub(crate) async fn coordinator_contact(
    pool: &Pool,
    area: AreaId,
) -> StoreResult<Option<CoordinatorContact>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT contact FROM coordinator_contact WHERE area_id = $1")
            .bind(area.0)
            .fetch_optional(pool)
            .await?;
    row.map(|(json,)| parse_json(&json, "coordinator contact"))
        .transpose()
}

/// Sets or removes the coordinator's contacts of an area.
pub(crate) async fn save_coordinator_contact(
    pool: &Pool,
    area: AreaId,
    contact: Option<&CoordinatorContact>,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    match contact {
        Some(contact) => {
            sqlx::query(
                "INSERT INTO coordinator_contact (area_id, contact, updated_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (area_id) \
                 DO UPDATE SET contact = excluded.contact, updated_at = excluded.updated_at",
            )
            .bind(area.0)
            .bind(json(contact))
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM coordinator_contact WHERE area_id = $1")
                .bind(area.0)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

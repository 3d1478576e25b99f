//! Change sets of catalogue records, proposals waiting for moderation, settled error reports
//! and the audit log.

use chrono::{DateTime, Utc};
use souhra_core::account::AccountId;
use souhra_core::area::AreaId;
use souhra_core::catalogue::{FieldValue, LocalField};

use super::catalogue::{check_shape, parse_json};
use super::import::json;
use super::{Pool, Tx, begin_write};
use crate::history::{
    AuditEntry, AuditFilter, ChangeSet, ChangeSource, FieldChange, Proposal, ProposalStatus,
    ServiceChange,
};
use crate::records::{ServiceId, StoredErrorReport};
use crate::{StoreError, StoreResult};

/// The entity name of services in change sets and audit events.
pub(crate) const SERVICE: &str = "service";
/// The field name of the verification date in change sets.
pub(crate) const VERIFIED_AT: &str = "verified_at";

async fn overrides_of(tx: &mut Tx, id: ServiceId) -> StoreResult<Vec<(String, String)>> {
    Ok(
        sqlx::query_as("SELECT field, value FROM service_override WHERE service_id = $1")
            .bind(id.0)
            .fetch_all(&mut **tx)
            .await?,
    )
}

async fn service_exists(tx: &mut Tx, id: ServiceId) -> StoreResult<()> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM service WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|_| ())
        .ok_or_else(|| StoreError::NotFound(format!("there is no service with the id {}", id.0)))
}

pub(crate) async fn audit(
    tx: &mut Tx,
    at: DateTime<Utc>,
    account: Option<AccountId>,
    area: Option<AreaId>,
    action: &str,
    entity: Option<(&str, i64)>,
    detail: Option<&str>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO audit_event (at, account_id, area_id, action, entity, entity_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(at)
    .bind(account.map(|a| a.0))
    .bind(area.map(|a| a.0))
    .bind(action)
    .bind(entity.map(|e| e.0))
    .bind(entity.map(|e| e.1))
    .bind(detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(crate) async fn record_set(
    tx: &mut Tx,
    id: ServiceId,
    change: &ServiceChange<'_>,
    fields: &[(String, Option<String>, Option<String>)],
) -> StoreResult<i64> {
    let (set,): (i64,) = sqlx::query_as(
        "INSERT INTO change_set (entity, entity_id, account_id, source, note, at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(SERVICE)
    .bind(id.0)
    .bind(change.by.map(|a| a.0))
    .bind(change.source.key())
    .bind(change.note)
    .bind(change.at)
    .fetch_one(&mut **tx)
    .await?;
    for (field, before, after) in fields {
        sqlx::query(
            "INSERT INTO change_field (change_set_id, field, before_value, after_value) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(set)
        .bind(field)
        .bind(before)
        .bind(after)
        .execute(&mut **tx)
        .await?;
    }
    let names: Vec<&str> = fields.iter().map(|f| f.0.as_str()).collect();
    audit(
        tx,
        change.at,
        change.by,
        change.area,
        &format!("service.{}", change.source.key()),
        Some((SERVICE, id.0)),
        Some(&names.join(",")),
    )
    .await?;
    Ok(set)
}

/// Sets (`Some`) or clears (`None`) local values inside `tx`, recording a change set of the
/// fields that really changed; `None` when nothing did.
pub(crate) async fn apply_in(
    tx: &mut Tx,
    id: ServiceId,
    values: &[(LocalField, Option<FieldValue>)],
    change: &ServiceChange<'_>,
) -> StoreResult<Option<i64>> {
    service_exists(tx, id).await?;
    let current = overrides_of(tx, id).await?;
    let mut changed = Vec::new();
    for (field, value) in values {
        if let Some(value) = value {
            check_shape(*field, value)?;
        }
        let before = current
            .iter()
            .find(|(f, _)| f == field.key())
            .map(|(_, v)| v.clone());
        let after = value.as_ref().map(json);
        if before == after {
            continue;
        }
        match &after {
            Some(text) => {
                sqlx::query(
                    "INSERT INTO service_override (service_id, field, value, edited_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (service_id, field) \
                     DO UPDATE SET value = excluded.value, edited_at = excluded.edited_at",
                )
                .bind(id.0)
                .bind(field.key())
                .bind(text)
                .bind(change.at)
                .execute(&mut **tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM service_override WHERE service_id = $1 AND field = $2")
                    .bind(id.0)
                    .bind(field.key())
                    .execute(&mut **tx)
                    .await?;
            }
        }
        changed.push((field.key().to_owned(), before, after));
    }
    if changed.is_empty() {
        return Ok(None);
    }
    record_set(tx, id, change, &changed).await.map(Some)
}

/// Applies local values in one transaction (see [`apply_in`]).
pub(crate) async fn apply(
    pool: &Pool,
    id: ServiceId,
    values: &[(LocalField, Option<FieldValue>)],
    change: &ServiceChange<'_>,
) -> StoreResult<Option<i64>> {
    let mut tx = begin_write(pool).await?;
    let set = apply_in(&mut tx, id, values, change).await?;
    tx.commit().await?;
    Ok(set)
}

/// Marks the service verified at `change.at`, recorded as a change set.
pub(crate) async fn verify(
    pool: &Pool,
    id: ServiceId,
    change: &ServiceChange<'_>,
) -> StoreResult<i64> {
    let mut tx = begin_write(pool).await?;
    let before: Option<(Option<DateTime<Utc>>,)> =
        sqlx::query_as("SELECT verified_at FROM service WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((before,)) = before else {
        return Err(StoreError::NotFound(format!(
            "there is no service with the id {}",
            id.0
        )));
    };
    sqlx::query("UPDATE service SET verified_at = $2 WHERE id = $1")
        .bind(id.0)
        .bind(change.at)
        .execute(&mut *tx)
        .await?;
    let as_value = |at: DateTime<Utc>| json(&FieldValue::Text(Some(at.to_rfc3339())));
    let set = record_set(
        &mut tx,
        id,
        change,
        &[(
            VERIFIED_AT.to_owned(),
            before.map(as_value),
            Some(as_value(change.at)),
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(set)
}

type SetRow = (
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    DateTime<Utc>,
);
type FieldRow = (i64, String, Option<String>, Option<String>);

fn value(text: Option<String>) -> StoreResult<Option<FieldValue>> {
    text.map(|t| parse_json(&t, "change value")).transpose()
}

/// The change sets of a service, newest first, with their fields.
pub(crate) async fn history(pool: &Pool, id: ServiceId) -> StoreResult<Vec<ChangeSet>> {
    let sets: Vec<SetRow> = sqlx::query_as(
        "SELECT c.id, c.account_id, a.name, a.email, c.source, c.note, c.at FROM change_set c \
         LEFT JOIN account a ON a.id = c.account_id \
         WHERE c.entity = $1 AND c.entity_id = $2 ORDER BY c.id DESC",
    )
    .bind(SERVICE)
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let fields: Vec<FieldRow> = sqlx::query_as(
        "SELECT f.change_set_id, f.field, f.before_value, f.after_value FROM change_field f \
         JOIN change_set c ON c.id = f.change_set_id \
         WHERE c.entity = $1 AND c.entity_id = $2 ORDER BY f.change_set_id, f.field",
    )
    .bind(SERVICE)
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(sets.len());
    for (set, account, name, email, source, note, at) in sets {
        let mut changes = Vec::new();
        for (_, field, before, after) in fields.iter().filter(|f| f.0 == set) {
            changes.push(FieldChange {
                field: field.clone(),
                before: value(before.clone())?,
                after: value(after.clone())?,
            });
        }
        out.push(ChangeSet {
            id: set,
            account: account.map(AccountId),
            account_name: name,
            account_email: email,
            source: ChangeSource::from_key(&source)
                .ok_or_else(|| StoreError::StoredValue(format!("change source {source:?}")))?,
            note,
            at,
            fields: changes,
        });
    }
    Ok(out)
}

/// Brings the service's local fields back to how they were right after change set `set`,
/// as a new change set of its own; `None` when they are that way already.
pub(crate) async fn restore(
    pool: &Pool,
    id: ServiceId,
    set: i64,
    change: &ServiceChange<'_>,
) -> StoreResult<Option<i64>> {
    let mut tx = begin_write(pool).await?;
    let rows: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT f.change_set_id, f.field, f.before_value, f.after_value FROM change_field f \
         JOIN change_set c ON c.id = f.change_set_id \
         WHERE c.entity = $1 AND c.entity_id = $2 ORDER BY f.change_set_id",
    )
    .bind(SERVICE)
    .bind(id.0)
    .fetch_all(&mut *tx)
    .await?;
    if !rows.iter().any(|r| r.0 == set) {
        return Err(StoreError::NotFound(format!(
            "service {} has no change {set}",
            id.0
        )));
    }
    let mut values = Vec::new();
    for field in LocalField::ALL {
        let of_field: Vec<&(i64, String, Option<String>, Option<String>)> =
            rows.iter().filter(|r| r.1 == field.key()).collect();
        // The value after the last change up to `set`, else before the first one after it.
        let then = match of_field.iter().rev().find(|r| r.0 <= set) {
            Some(r) => r.3.clone(),
            None => match of_field.iter().find(|r| r.0 > set) {
                Some(r) => r.2.clone(),
                None => continue,
            },
        };
        values.push((field, value(then)?));
    }
    let done = apply_in(&mut tx, id, &values, change).await?;
    tx.commit().await?;
    Ok(done)
}

type ProposalRow = (
    i64,
    i64,
    Option<i64>,
    String,
    Option<String>,
    Option<i64>,
    DateTime<Utc>,
    String,
    Option<String>,
);

const PROPOSAL_SELECT: &str = "SELECT id, service_id, area_id, fields, message, proposed_by, \
     proposed_at, status, reason FROM change_proposal";

fn proposal_of(row: ProposalRow) -> StoreResult<Proposal> {
    let (id, service, area, fields, message, by, at, status, reason) = row;
    let raw: Vec<(String, FieldValue)> = parse_json(&fields, "proposal fields")?;
    let fields = raw
        .into_iter()
        .map(|(f, v)| {
            LocalField::from_key(&f)
                .map(|f| (f, v))
                .ok_or_else(|| StoreError::StoredValue(format!("proposal field {f:?}")))
        })
        .collect::<StoreResult<_>>()?;
    Ok(Proposal {
        id,
        service: ServiceId(service),
        area: area.map(AreaId),
        fields,
        message,
        proposed_by: by.map(AccountId),
        proposed_at: at,
        status: ProposalStatus::from_key(&status)
            .ok_or_else(|| StoreError::StoredValue(format!("proposal status {status:?}")))?,
        reason,
    })
}

/// Keeps a proposal for the area's queue.
pub(crate) async fn propose(
    pool: &Pool,
    service: ServiceId,
    area: Option<AreaId>,
    fields: &[(LocalField, FieldValue)],
    message: Option<&str>,
    by: Option<AccountId>,
    at: DateTime<Utc>,
) -> StoreResult<i64> {
    for (field, value) in fields {
        check_shape(*field, value)?;
    }
    let mut tx = begin_write(pool).await?;
    service_exists(&mut tx, service).await?;
    let keyed: Vec<(&str, &FieldValue)> = fields.iter().map(|(f, v)| (f.key(), v)).collect();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO change_proposal (service_id, area_id, fields, message, proposed_by, \
         proposed_at, status) VALUES ($1, $2, $3, $4, $5, $6, 'open') RETURNING id",
    )
    .bind(service.0)
    .bind(area.map(|a| a.0))
    .bind(json(&keyed))
    .bind(message)
    .bind(by.map(|b| b.0))
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    audit(
        &mut tx,
        at,
        by,
        area,
        "proposal.submit",
        Some((SERVICE, service.0)),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Open proposals of an area, oldest first.
pub(crate) async fn open_proposals(pool: &Pool, area: AreaId) -> StoreResult<Vec<Proposal>> {
    let rows: Vec<ProposalRow> = sqlx::query_as(&format!(
        "{PROPOSAL_SELECT} WHERE status = 'open' AND area_id = $1 ORDER BY proposed_at, id"
    ))
    .bind(area.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(proposal_of).collect()
}

/// Proposals about one service, newest first.
pub(crate) async fn proposals_of(pool: &Pool, service: ServiceId) -> StoreResult<Vec<Proposal>> {
    let rows: Vec<ProposalRow> = sqlx::query_as(&format!(
        "{PROPOSAL_SELECT} WHERE service_id = $1 ORDER BY id DESC"
    ))
    .bind(service.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(proposal_of).collect()
}

/// One proposal.
pub(crate) async fn proposal(pool: &Pool, id: i64) -> StoreResult<Option<Proposal>> {
    let row: Option<ProposalRow> = sqlx::query_as(&format!("{PROPOSAL_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.map(proposal_of).transpose()
}

/// Approves (applying its values, as a change set by the moderator) or rejects an open
/// proposal, in one transaction. `Conflict` when it was decided already.
pub(crate) async fn decide(
    pool: &Pool,
    id: i64,
    approve: bool,
    reason: Option<&str>,
    by: AccountId,
    at: DateTime<Utc>,
) -> StoreResult<Proposal> {
    let mut tx = begin_write(pool).await?;
    let row: Option<ProposalRow> = sqlx::query_as(&format!("{PROPOSAL_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let proposal = row
        .map(proposal_of)
        .transpose()?
        .ok_or_else(|| StoreError::NotFound(format!("there is no proposal {id}")))?;
    let status = if approve {
        ProposalStatus::Approved
    } else {
        ProposalStatus::Rejected
    };
    let done = sqlx::query(
        "UPDATE change_proposal SET status = $2, decided_by = $3, decided_at = $4, reason = $5 \
         WHERE id = $1 AND status = 'open'",
    )
    .bind(id)
    .bind(status.key())
    .bind(by.0)
    .bind(at)
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict(format!(
            "proposal {id} was decided already"
        )));
    }
    if approve {
        let values: Vec<(LocalField, Option<FieldValue>)> = proposal
            .fields
            .iter()
            .map(|(f, v)| (*f, Some(v.clone())))
            .collect();
        let note = format!("proposal {id}");
        apply_in(
            &mut tx,
            proposal.service,
            &values,
            &ServiceChange {
                by: Some(by),
                area: proposal.area,
                source: ChangeSource::Moderation,
                note: Some(&note),
                at,
            },
        )
        .await?;
    }
    audit(
        &mut tx,
        at,
        Some(by),
        proposal.area,
        if approve {
            "proposal.approve"
        } else {
            "proposal.reject"
        },
        Some((SERVICE, proposal.service.0)),
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(Proposal {
        status,
        reason: reason.map(str::to_owned),
        ..proposal
    })
}

/// Open error reports about services, for an area's queue, oldest first.
pub(crate) async fn open_reports(pool: &Pool, area: AreaId) -> StoreResult<Vec<StoredErrorReport>> {
    super::public::open_error_reports(pool, Some(area)).await
}

/// Settles an open error report (`resolved` or `rejected`) with a reason.
pub(crate) async fn settle_report(
    pool: &Pool,
    id: i64,
    resolved: bool,
    reason: Option<&str>,
    by: AccountId,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let row: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT service_id, area_id FROM error_report WHERE id = $1 AND status = 'new'",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((service, area)) = row else {
        return Err(StoreError::Conflict(format!(
            "error report {id} does not exist or was settled already"
        )));
    };
    sqlx::query(
        "UPDATE error_report SET status = $2, decided_by = $3, decided_at = $4, reason = $5 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(if resolved { "resolved" } else { "rejected" })
    .bind(by.0)
    .bind(at)
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        at,
        Some(by),
        area.map(AreaId),
        if resolved {
            "report.resolve"
        } else {
            "report.reject"
        },
        Some((SERVICE, service)),
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records an audit event of its own (logins, invitations).
pub(crate) async fn record_event(
    pool: &Pool,
    at: DateTime<Utc>,
    account: Option<AccountId>,
    area: Option<AreaId>,
    action: &str,
    detail: Option<&str>,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    audit(&mut tx, at, account, area, action, None, detail).await?;
    tx.commit().await?;
    Ok(())
}

/// Audit events matching the filter, newest first.
pub(crate) async fn audit_log(pool: &Pool, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
    type Row = (
        i64,
        DateTime<Utc>,
        Option<String>,
        Option<i64>,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
    );
    // Filters are bound as parameters; an unset one matches everything.
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.at, a.email, e.area_id, e.action, e.entity, e.entity_id, e.detail \
         FROM audit_event e LEFT JOIN account a ON a.id = e.account_id \
         WHERE ($1 IS NULL OR e.area_id = $1) \
         AND ($2 IS NULL OR a.email = $2) \
         AND ($3 IS NULL OR e.action LIKE $3) \
         AND ($4 IS NULL OR e.at >= $4) \
         AND ($5 IS NULL OR e.at < $5) \
         ORDER BY e.at DESC, e.id DESC LIMIT $6",
    )
    .bind(filter.area.map(|a| a.0))
    .bind(filter.email.as_deref())
    .bind(filter.action.as_ref().map(|a| format!("{a}%")))
    .bind(filter.from)
    .bind(filter.to)
    .bind(i64::try_from(filter.limit).unwrap_or(i64::MAX))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, at, email, area, action, entity, entity_id, detail)| AuditEntry {
                id,
                at,
                email,
                area: area.map(AreaId),
                action,
                entity,
                entity_id,
                detail,
            },
        )
        .collect())
}

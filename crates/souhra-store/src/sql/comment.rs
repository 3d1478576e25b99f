//! Comment rules, comment periods, comments, their moderation, settlement and erasure.

use chrono::{DateTime, NaiveDate, Utc};
use souhra_core::account::{AccountId, Email};
use souhra_core::area::AreaId;
use souhra_core::comment::{
    Author, CommentRules, Identification, PeriodDates, PeriodState, Settlement, check_settlement,
};
use souhra_core::plan::{ElementKey, PlanKind, PlanStatus, clean_text};

use super::history::audit;
use super::plan::{budget, element_rows, invalid, logged, tree_order};
use super::{Pool, Tx, begin_write};
use crate::comment::{
    Comment, CommentId, CommentPeriod, NewComment, Opening, PeriodId, PlanText, SettlementInput,
    SettlementRecord, prague_day,
};
use crate::error::stored;
use crate::plan::{PlanChange, PlanId, VersionId};
use crate::{StoreError, StoreResult};

/// The entity name of comments in audit events.
const COMMENT: &str = "comment";

/// Longest announcement of a period (characters).
const MAX_ANNOUNCEMENT_CHARS: usize = 20_000;

async fn rules_in(
    executor: impl sqlx::Executor<'_, Database = super::Db>,
    area: AreaId,
) -> StoreResult<CommentRules> {
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT min_days, identification, consent FROM comment_rules WHERE area_id = $1",
    )
    .bind(area.0)
    .fetch_optional(executor)
    .await?;
    let Some((min_days, identification, consent)) = row else {
        return Ok(CommentRules::default());
    };
    Ok(CommentRules {
        min_days,
        identification: stored(identification, "identification", |i| {
            Identification::from_key(&i)
        })?,
        consent,
    })
}

pub(crate) async fn rules(pool: &Pool, area: AreaId) -> StoreResult<CommentRules> {
    rules_in(pool, area).await
}

pub(crate) async fn set_rules(
    pool: &Pool,
    area: AreaId,
    rules: &CommentRules,
    change: PlanChange,
) -> StoreResult<()> {
    let rules = CommentRules::new(
        rules.min_days,
        rules.identification,
        rules.consent.as_deref().unwrap_or(""),
    )
    .map_err(invalid)?;
    let mut tx = begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO comment_rules (area_id, min_days, identification, consent) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (area_id) DO UPDATE SET min_days = $2, \
         identification = $3, consent = $4",
    )
    .bind(area.0)
    .bind(rules.min_days)
    .bind(rules.identification.key())
    .bind(rules.consent.as_deref())
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        change.at,
        change.by,
        Some(area),
        "comment.rules",
        None,
        Some(&format!("{} {}", rules.min_days, rules.identification)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The last day of a comment period of `version` still running at `at`, if any.
pub(super) async fn running_until(
    tx: &mut Tx,
    version: VersionId,
    at: DateTime<Utc>,
) -> StoreResult<Option<NaiveDate>> {
    let row: Option<(NaiveDate,)> = sqlx::query_as(
        "SELECT closes_on FROM comment_period WHERE version_id = $1 AND closed_at IS NULL \
         ORDER BY closes_on DESC LIMIT 1",
    )
    .bind(version.0)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|(d,)| d).filter(|closes| *closes >= prague_day(at)))
}

/// Ends every period of `version` not ended yet (the version went back to a draft).
pub(super) async fn close_all(
    tx: &mut Tx,
    version: VersionId,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE comment_period SET closed_at = $2 WHERE version_id = $1 AND closed_at IS NULL",
    )
    .bind(version.0)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// How many visible comments on `version` wait for a settlement.
pub(super) async fn unsettled(tx: &mut Tx, version: VersionId) -> StoreResult<i64> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM plan_comment c JOIN comment_period p ON p.id = c.period_id \
         WHERE p.version_id = $1 AND c.settlement IS NULL AND c.hidden_reason IS NULL",
    )
    .bind(version.0)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count)
}

pub(crate) async fn open(
    pool: &Pool,
    version: VersionId,
    opening: Opening,
    announcement: Option<&str>,
    change: PlanChange,
) -> StoreResult<PeriodId> {
    let announcement = announcement
        .filter(|a| !a.trim().is_empty())
        .map(|a| clean_text(a, "announcement", MAX_ANNOUNCEMENT_CHARS, true))
        .transpose()
        .map_err(invalid)?;
    let mut tx = begin_write(pool).await?;
    let row: Option<(i64, i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.id, p.area_id, p.kind, v.status, v.vision FROM plan_version v \
         JOIN plan p ON p.id = v.plan_id WHERE v.id = $1",
    )
    .bind(version.0)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((plan, area, kind, status, vision)) = row else {
        return Err(StoreError::NotFound(format!("plan version {}", version.0)));
    };
    let kind = stored(kind, "plan kind", |k| PlanKind::from_key(&k))?;
    let status = stored(status, "plan status", |s| PlanStatus::from_key(&s))?;
    status
        .check_step(kind, PlanStatus::InComment)
        .map_err(invalid)?;
    let rules = rules_in(&mut *tx, AreaId(area)).await?;
    let dates = match opening {
        Opening::New { from, to } => {
            PeriodDates::new(from, to, prague_day(change.at), rules.min_days)
        }
        Opening::Held { from, to } => PeriodDates::held(from, to),
    }
    .map_err(invalid)?;
    let text = PlanText {
        vision,
        elements: tree_order(element_rows(&mut *tx, version).await?),
        budget: budget(&mut *tx, version).await?,
    };
    let snapshot = serde_json::to_string(&text)
        .map_err(|e| StoreError::Invalid(format!("the plan's text: {e}")))?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO comment_period (version_id, opens_on, closes_on, announcement, snapshot, \
         created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(version.0)
    .bind(dates.from)
    .bind(dates.to)
    .bind(announcement.as_deref())
    .bind(&snapshot)
    .bind(change.at)
    .bind(change.by.map(|a| a.0))
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE plan_version SET status = $2, status_changed_at = $3 WHERE id = $1")
        .bind(version.0)
        .bind(PlanStatus::InComment.key())
        .bind(change.at)
        .execute(&mut *tx)
        .await?;
    logged(
        &mut tx,
        change,
        AreaId(area),
        plan,
        "plan.status",
        Some(&format!(
            "{status} -> {} {}..{}",
            PlanStatus::InComment,
            dates.from,
            dates.to
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(PeriodId(id))
}

pub(crate) async fn close(pool: &Pool, period: PeriodId, change: PlanChange) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT p.id, p.area_id FROM comment_period c JOIN plan_version v ON v.id = c.version_id \
         JOIN plan p ON p.id = v.plan_id WHERE c.id = $1",
    )
    .bind(period.0)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((plan, area)) = row else {
        return Err(StoreError::NotFound(format!("comment period {}", period.0)));
    };
    let closed =
        sqlx::query("UPDATE comment_period SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL")
            .bind(period.0)
            .bind(change.at)
            .execute(&mut *tx)
            .await?;
    if closed.rows_affected() == 1 {
        logged(
            &mut tx,
            change,
            AreaId(area),
            plan,
            "comment.period",
            Some("closed"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

type PeriodRow = (
    i64,
    i64,
    i64,
    i64,
    NaiveDate,
    NaiveDate,
    Option<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

const PERIOD_SELECT: &str = "SELECT c.id, v.plan_id, c.version_id, v.number, c.opens_on, \
     c.closes_on, c.announcement, c.created_at, c.closed_at FROM comment_period c \
     JOIN plan_version v ON v.id = c.version_id";

fn period_of(row: PeriodRow) -> CommentPeriod {
    let (id, plan, version, number, from, to, announcement, created_at, closed_at) = row;
    CommentPeriod {
        id: PeriodId(id),
        plan: PlanId(plan),
        version: VersionId(version),
        version_number: number,
        dates: PeriodDates { from, to },
        announcement,
        created_at,
        closed_at,
    }
}

pub(crate) async fn periods(pool: &Pool, plan: PlanId) -> StoreResult<Vec<CommentPeriod>> {
    let rows: Vec<PeriodRow> = sqlx::query_as(&format!(
        "{PERIOD_SELECT} WHERE v.plan_id = $1 ORDER BY c.id"
    ))
    .bind(plan.0)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(period_of).collect())
}

pub(crate) async fn snapshot(pool: &Pool, period: PeriodId) -> StoreResult<Option<PlanText>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT snapshot FROM comment_period WHERE id = $1")
            .bind(period.0)
            .fetch_optional(pool)
            .await?;
    row.map(|(json,)| super::catalogue::parse_json(&json, "published text"))
        .transpose()
}

pub(crate) async fn add(
    pool: &Pool,
    period: PeriodId,
    comment: &NewComment,
    at: DateTime<Utc>,
) -> StoreResult<CommentId> {
    let mut tx = begin_write(pool).await?;
    let row: Option<PeriodRow> = sqlx::query_as(&format!("{PERIOD_SELECT} WHERE c.id = $1"))
        .bind(period.0)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(found) = row.map(period_of) else {
        return Err(StoreError::NotFound(format!("comment period {}", period.0)));
    };
    let (status,): (String,) = sqlx::query_as("SELECT status FROM plan_version WHERE id = $1")
        .bind(found.version.0)
        .fetch_one(&mut *tx)
        .await?;
    if found.state(at) != PeriodState::Open || status != PlanStatus::InComment.key() {
        return Err(StoreError::Invalid(format!(
            "comments are taken from {} to {}, and not after the period was closed",
            found.dates.from, found.dates.to
        )));
    }
    if let Some(key) = &comment.element {
        let exists: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM plan_element WHERE version_id = $1 AND key = $2")
                .bind(found.version.0)
                .bind(key.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_none() {
            return Err(StoreError::Invalid(format!(
                "{key} is not a part of the plan commented on"
            )));
        }
    }
    let author = &comment.author;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO plan_comment (period_id, element_key, element_label, body, proposal, \
         account_id, author_name, author_organization, author_email, named, notify, consent, \
         submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         RETURNING id",
    )
    .bind(period.0)
    .bind(comment.element.as_ref().map(ElementKey::as_str))
    .bind(comment.element_label.as_deref())
    .bind(&comment.text.body)
    .bind(comment.text.proposal.as_deref())
    .bind(comment.account.map(|a| a.0))
    .bind(author.name.as_deref())
    .bind(author.organization.as_deref())
    .bind(author.email.as_ref().map(Email::as_str))
    .bind(author.named)
    .bind(author.notify)
    .bind(comment.consent.as_deref())
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(CommentId(id))
}

const COMMENT_SELECT: &str = "SELECT c.id, c.period_id, p.version_id, v.plan_id, \
     c.element_key, c.element_label, c.body, c.proposal, c.account_id, c.author_name, \
     c.author_organization, c.author_email, c.named, c.notify, c.submitted_at, c.hidden_reason, \
     c.settlement, c.justification, c.change_key, c.settled_at, c.notified_at, c.erased_at, \
     c.revision FROM plan_comment c JOIN comment_period p ON p.id = c.period_id \
     JOIN plan_version v ON v.id = p.version_id";

/// The columns of [`COMMENT_SELECT`], read one by one (tuples of sqlx stop at 16).
fn comment_of(row: &<super::Db as sqlx::Database>::Row) -> StoreResult<Comment> {
    use sqlx::Row;
    let key = |k: Option<String>, what| {
        k.map(|k| stored(k, what, |k| ElementKey::parse(&k)))
            .transpose()
    };
    let settlement: Option<String> = row.try_get(16)?;
    let settlement = match settlement {
        None => None,
        Some(status) => Some(SettlementRecord {
            status: stored(status, "settlement", |s| Settlement::from_key(&s))?,
            justification: row.try_get::<Option<String>, _>(17)?.unwrap_or_default(),
            change: key(row.try_get(18)?, "changed element")?,
            at: row
                .try_get::<Option<DateTime<Utc>>, _>(19)?
                .unwrap_or_else(Utc::now),
        }),
    };
    let email: Option<String> = row.try_get(11)?;
    Ok(Comment {
        id: CommentId(row.try_get(0)?),
        period: PeriodId(row.try_get(1)?),
        version: VersionId(row.try_get(2)?),
        plan: PlanId(row.try_get(3)?),
        element: key(row.try_get(4)?, "element key")?,
        element_label: row.try_get(5)?,
        body: row.try_get(6)?,
        proposal: row.try_get(7)?,
        account: row.try_get::<Option<i64>, _>(8)?.map(AccountId),
        author: Author {
            name: row.try_get(9)?,
            organization: row.try_get(10)?,
            email: email
                .map(|e| stored(e, "e-mail", |e| Email::parse(&e)))
                .transpose()?,
            named: row.try_get(12)?,
            notify: row.try_get(13)?,
        },
        submitted_at: row.try_get(14)?,
        hidden: row.try_get(15)?,
        settlement,
        notified_at: row.try_get(20)?,
        erased_at: row.try_get(21)?,
        revision: row.try_get(22)?,
    })
}

pub(crate) async fn of_plan(pool: &Pool, plan: PlanId) -> StoreResult<Vec<Comment>> {
    let rows = sqlx::query(&format!(
        "{COMMENT_SELECT} WHERE v.plan_id = $1 ORDER BY c.id"
    ))
    .bind(plan.0)
    .fetch_all(pool)
    .await?;
    rows.iter().map(comment_of).collect()
}

pub(crate) async fn one(pool: &Pool, id: CommentId) -> StoreResult<Option<Comment>> {
    let row = sqlx::query(&format!("{COMMENT_SELECT} WHERE c.id = $1"))
        .bind(id.0)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(comment_of).transpose()
}

/// The plan, area and version status of a comment, in `tx`.
async fn comment_context(
    tx: &mut Tx,
    id: CommentId,
) -> StoreResult<(i64, AreaId, VersionId, PlanStatus, i64)> {
    let row: Option<(i64, i64, i64, String, i64)> = sqlx::query_as(
        "SELECT v.plan_id, pl.area_id, v.id, v.status, c.revision FROM plan_comment c \
         JOIN comment_period p ON p.id = c.period_id JOIN plan_version v ON v.id = p.version_id \
         JOIN plan pl ON pl.id = v.plan_id WHERE c.id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((plan, area, version, status, revision)) = row else {
        return Err(StoreError::NotFound(format!("comment {}", id.0)));
    };
    let status = stored(status, "plan status", |s| PlanStatus::from_key(&s))?;
    Ok((plan, AreaId(area), VersionId(version), status, revision))
}

async fn comment_logged(
    tx: &mut Tx,
    change: PlanChange,
    area: AreaId,
    id: CommentId,
    action: &str,
    detail: Option<&str>,
) -> StoreResult<()> {
    audit(
        tx,
        change.at,
        change.by,
        Some(area),
        action,
        Some((COMMENT, id.0)),
        detail,
    )
    .await
}

pub(crate) async fn settle(
    pool: &Pool,
    id: CommentId,
    revision: i64,
    input: &SettlementInput,
    change: PlanChange,
) -> StoreResult<i64> {
    let justification = check_settlement(&input.justification).map_err(invalid)?;
    let mut tx = begin_write(pool).await?;
    let (_, area, version, status, _) = comment_context(&mut tx, id).await?;
    if status.is_frozen() {
        return Err(StoreError::Invalid(format!(
            "the version commented on is {status}; its settlements can no longer change"
        )));
    }
    if let Some(key) = &input.change {
        let exists: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM plan_element WHERE version_id = $1 AND key = $2")
                .bind(version.0)
                .bind(key.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_none() {
            return Err(StoreError::Invalid(format!(
                "{key} is not a part of the plan"
            )));
        }
    }
    let updated = sqlx::query(
        "UPDATE plan_comment SET settlement = $3, justification = $4, change_key = $5, \
         settled_at = $6, settled_by = $7, revision = revision + 1 \
         WHERE id = $1 AND revision = $2",
    )
    .bind(id.0)
    .bind(revision)
    .bind(input.status.key())
    .bind(&justification)
    .bind(input.change.as_ref().map(ElementKey::as_str))
    .bind(change.at)
    .bind(change.by.map(|a| a.0))
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(StoreError::Conflict(format!(
            "comment {} was changed by someone else since revision {revision}",
            id.0
        )));
    }
    comment_logged(
        &mut tx,
        change,
        area,
        id,
        "comment.settle",
        Some(input.status.key()),
    )
    .await?;
    tx.commit().await?;
    Ok(revision + 1)
}

pub(crate) async fn hide(
    pool: &Pool,
    id: CommentId,
    reason: Option<&str>,
    change: PlanChange,
) -> StoreResult<()> {
    let reason = reason
        .map(|r| clean_text(r, "reason", 500, false))
        .transpose()
        .map_err(invalid)?;
    let mut tx = begin_write(pool).await?;
    let (_, area, _, status, _) = comment_context(&mut tx, id).await?;
    if status.is_frozen() {
        return Err(StoreError::Invalid(format!(
            "the version commented on is {status}; its comments can no longer change"
        )));
    }
    sqlx::query(
        "UPDATE plan_comment SET hidden_reason = $2, revision = revision + 1 WHERE id = $1",
    )
    .bind(id.0)
    .bind(reason.as_deref())
    .execute(&mut *tx)
    .await?;
    comment_logged(
        &mut tx,
        change,
        area,
        id,
        "comment.hide",
        Some(reason.as_deref().unwrap_or("-")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn erase(pool: &Pool, id: CommentId, change: PlanChange) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let (_, area, _, _, _) = comment_context(&mut tx, id).await?;
    sqlx::query(
        "UPDATE plan_comment SET author_name = NULL, author_organization = NULL, \
         author_email = NULL, account_id = NULL, named = $2, notify = $2, consent = NULL, \
         erased_at = $3, revision = revision + 1 WHERE id = $1",
    )
    .bind(id.0)
    .bind(false)
    .bind(change.at)
    .execute(&mut *tx)
    .await?;
    comment_logged(&mut tx, change, area, id, "comment.erase", None).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn mark_notified(
    pool: &Pool,
    id: CommentId,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query("UPDATE plan_comment SET notified_at = $2 WHERE id = $1")
        .bind(id.0)
        .bind(at)
        .execute(pool)
        .await?;
    Ok(())
}

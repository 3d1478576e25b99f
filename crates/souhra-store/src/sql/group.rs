//! Groups, members, meetings, attendance, action items and materials.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use souhra_core::area::AreaId;
use souhra_core::group::{GroupKind, Presence, check_meeting, check_term};
use souhra_core::plan::{TriadRole, clean_text};

use super::history::audit;
use super::{Pool, Tx, begin_write};
use crate::error::stored;
use crate::group::{
    ActionItem, Group, GroupId, Material, Meeting, MeetingId, MeetingInput, Member, MemberId,
    MemberInput,
};
use crate::plan::PlanChange;
use crate::{StoreError, StoreResult};

fn invalid(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(e.to_string())
}

/// An optional text: blank is none, else cleaned.
fn optional(
    text: Option<&str>,
    field: &'static str,
    max: usize,
    lines: bool,
) -> StoreResult<Option<String>> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| clean_text(t, field, max, lines))
        .transpose()
        .map_err(invalid)
}

/// Records a change of a group in the audit log.
async fn logged(
    tx: &mut Tx,
    change: PlanChange,
    group: GroupId,
    action: &str,
    detail: Option<&str>,
) -> StoreResult<()> {
    let (area,): (i64,) = sqlx::query_as("SELECT area_id FROM plan_group WHERE id = $1")
        .bind(group.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("group {}", group.0)))?;
    audit(
        tx,
        change.at,
        change.by,
        Some(AreaId(area)),
        action,
        Some(("group", group.0)),
        detail,
    )
    .await
}

/// The group of a meeting, in `tx`.
async fn group_of_meeting(tx: &mut Tx, meeting: MeetingId) -> StoreResult<GroupId> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT group_id FROM meeting WHERE id = $1")
        .bind(meeting.0)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|(g,)| GroupId(g))
        .ok_or_else(|| StoreError::NotFound(format!("meeting {}", meeting.0)))
}

pub(crate) async fn create(
    pool: &Pool,
    area: AreaId,
    kind: GroupKind,
    name: &str,
    description: Option<&str>,
    change: PlanChange,
) -> StoreResult<GroupId> {
    let name = clean_text(name, "name", 200, false).map_err(invalid)?;
    let description = optional(description, "description", 4000, true)?;
    let mut tx = begin_write(pool).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO plan_group (area_id, kind, name, description, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(area.0)
    .bind(kind.key())
    .bind(&name)
    .bind(description.as_deref())
    .bind(change.at)
    .fetch_one(&mut *tx)
    .await?;
    logged(&mut tx, change, GroupId(id), "group.create", Some(&name)).await?;
    tx.commit().await?;
    Ok(GroupId(id))
}

type GroupRow = (i64, i64, String, String, Option<String>);

fn group_of(row: GroupRow) -> StoreResult<Group> {
    let (id, area, kind, name, description) = row;
    Ok(Group {
        id: GroupId(id),
        area: AreaId(area),
        kind: stored(kind, "group kind", |k| GroupKind::from_key(&k))?,
        name,
        description,
    })
}

const GROUP_SELECT: &str = "SELECT id, area_id, kind, name, description FROM plan_group";

pub(crate) async fn of_area(pool: &Pool, area: AreaId) -> StoreResult<Vec<Group>> {
    let rows: Vec<GroupRow> = sqlx::query_as(&format!(
        "{GROUP_SELECT} WHERE area_id = $1 ORDER BY CASE kind WHEN 'steering' THEN 0 ELSE 1 END, \
         name, id"
    ))
    .bind(area.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(group_of).collect()
}

pub(crate) async fn one(pool: &Pool, id: GroupId) -> StoreResult<Option<Group>> {
    let row: Option<GroupRow> = sqlx::query_as(&format!("{GROUP_SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(pool)
        .await?;
    row.map(group_of).transpose()
}

pub(crate) async fn save_member(
    pool: &Pool,
    group: GroupId,
    member: Option<MemberId>,
    input: &MemberInput,
    feed_token: &str,
    change: PlanChange,
) -> StoreResult<MemberId> {
    let name = clean_text(&input.name, "name", 200, false).map_err(invalid)?;
    let organization = optional(input.organization.as_deref(), "organization", 300, false)?;
    let position = optional(input.position.as_deref(), "position", 200, false)?;
    let email = optional(input.email.as_deref(), "email", 254, false)?;
    if let Some(e) = &email {
        souhra_core::account::Email::parse(e).map_err(|err| invalid(format!("email: {err}")))?;
    }
    let role = input
        .role
        .ok_or_else(|| StoreError::Invalid("role: choose a side of the triad".into()))?;
    check_term(input.term_from, input.term_to).map_err(|e| invalid(format!("term: {e}")))?;
    let mut tx = begin_write(pool).await?;
    let id = match member {
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO group_member (group_id, name, organization, role, position, email, \
                 publish_name, term_from, term_to, feed_token) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(group.0)
            .bind(&name)
            .bind(organization.as_deref())
            .bind(role.key())
            .bind(position.as_deref())
            .bind(email.as_deref())
            .bind(input.publish_name)
            .bind(input.term_from)
            .bind(input.term_to)
            .bind(feed_token)
            .fetch_one(&mut *tx)
            .await?;
            id
        }
        Some(member) => {
            let updated = sqlx::query(
                "UPDATE group_member SET name = $3, organization = $4, role = $5, position = $6, \
                 email = $7, publish_name = $8, term_from = $9, term_to = $10 \
                 WHERE id = $1 AND group_id = $2",
            )
            .bind(member.0)
            .bind(group.0)
            .bind(&name)
            .bind(organization.as_deref())
            .bind(role.key())
            .bind(position.as_deref())
            .bind(email.as_deref())
            .bind(input.publish_name)
            .bind(input.term_from)
            .bind(input.term_to)
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() != 1 {
                return Err(StoreError::NotFound(format!("member {}", member.0)));
            }
            member.0
        }
    };
    logged(&mut tx, change, group, "group.edit", Some("member")).await?;
    tx.commit().await?;
    Ok(MemberId(id))
}

pub(crate) async fn remove_member(
    pool: &Pool,
    group: GroupId,
    member: MemberId,
    change: PlanChange,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let removed = sqlx::query("DELETE FROM group_member WHERE id = $1 AND group_id = $2")
        .bind(member.0)
        .bind(group.0)
        .execute(&mut *tx)
        .await?;
    if removed.rows_affected() != 1 {
        return Err(StoreError::NotFound(format!("member {}", member.0)));
    }
    logged(&mut tx, change, group, "group.edit", Some("member removed")).await?;
    tx.commit().await?;
    Ok(())
}

type MemberRow = (
    i64,
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<NaiveDate>,
    Option<NaiveDate>,
    String,
);

const MEMBER_SELECT: &str = "SELECT id, group_id, name, organization, role, position, email, \
     publish_name, term_from, term_to, feed_token FROM group_member";

fn member_of(row: MemberRow) -> StoreResult<Member> {
    let (id, group, name, organization, role, position, email, publish, from, to, token) = row;
    Ok(Member {
        id: MemberId(id),
        group: GroupId(group),
        name,
        organization,
        role: stored(role, "triad role", |r| TriadRole::from_key(&r))?,
        position,
        email,
        publish_name: publish,
        term_from: from,
        term_to: to,
        feed_token: token,
    })
}

pub(crate) async fn members(pool: &Pool, group: GroupId) -> StoreResult<Vec<Member>> {
    let rows: Vec<MemberRow> = sqlx::query_as(&format!(
        "{MEMBER_SELECT} WHERE group_id = $1 ORDER BY name, id"
    ))
    .bind(group.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(member_of).collect()
}

pub(crate) async fn member_by_feed(pool: &Pool, token: &str) -> StoreResult<Option<Member>> {
    let row: Option<MemberRow> = sqlx::query_as(&format!("{MEMBER_SELECT} WHERE feed_token = $1"))
        .bind(token)
        .fetch_optional(pool)
        .await?;
    row.map(member_of).transpose()
}

pub(crate) async fn groups_of_person(pool: &Pool, member: &Member) -> StoreResult<Vec<Group>> {
    let rows: Vec<GroupRow> = match &member.email {
        Some(email) => {
            sqlx::query_as(
                "SELECT DISTINCT g.id, g.area_id, g.kind, g.name, g.description \
                 FROM plan_group g JOIN group_member m ON m.group_id = g.id \
                 WHERE lower(m.email) = lower($1) AND g.area_id = \
                 (SELECT area_id FROM plan_group WHERE id = $2) ORDER BY g.name",
            )
            .bind(email)
            .bind(member.group.0)
            .fetch_all(pool)
            .await?
        }
        None => {
            sqlx::query_as(&format!("{GROUP_SELECT} WHERE id = $1"))
                .bind(member.group.0)
                .fetch_all(pool)
                .await?
        }
    };
    rows.into_iter().map(group_of).collect()
}

pub(crate) async fn save_meeting(
    pool: &Pool,
    group: GroupId,
    meeting: Option<MeetingId>,
    input: &MeetingInput,
    change: PlanChange,
) -> StoreResult<MeetingId> {
    check_meeting(input.starts, input.ends).map_err(|e| invalid(format!("time: {e}")))?;
    let place = clean_text(&input.place, "place", 300, false).map_err(invalid)?;
    let agenda = optional(input.agenda.as_deref(), "agenda", 20_000, true)?;
    let minutes = optional(input.minutes.as_deref(), "minutes", 100_000, true)?;
    let mut tx = begin_write(pool).await?;
    let id = match meeting {
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO meeting (group_id, starts_at, ends_at, place, agenda, minutes, \
                 minutes_published, cancelled) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 RETURNING id",
            )
            .bind(group.0)
            .bind(input.starts)
            .bind(input.ends)
            .bind(&place)
            .bind(agenda.as_deref())
            .bind(minutes.as_deref())
            .bind(input.minutes_published)
            .bind(input.cancelled)
            .fetch_one(&mut *tx)
            .await?;
            id
        }
        Some(meeting) => {
            let updated = sqlx::query(
                "UPDATE meeting SET starts_at = $3, ends_at = $4, place = $5, agenda = $6, \
                 minutes = $7, minutes_published = $8, cancelled = $9, sequence = sequence + 1 \
                 WHERE id = $1 AND group_id = $2",
            )
            .bind(meeting.0)
            .bind(group.0)
            .bind(input.starts)
            .bind(input.ends)
            .bind(&place)
            .bind(agenda.as_deref())
            .bind(minutes.as_deref())
            .bind(input.minutes_published)
            .bind(input.cancelled)
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() != 1 {
                return Err(StoreError::NotFound(format!("meeting {}", meeting.0)));
            }
            meeting.0
        }
    };
    logged(
        &mut tx,
        change,
        group,
        "meeting.edit",
        Some(&input.starts.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(MeetingId(id))
}

type MeetingRow = (
    i64,
    i64,
    NaiveDateTime,
    NaiveDateTime,
    String,
    Option<String>,
    Option<String>,
    bool,
    bool,
    i64,
    Option<DateTime<Utc>>,
);

const MEETING_SELECT: &str = "SELECT id, group_id, starts_at, ends_at, place, agenda, minutes, \
     minutes_published, cancelled, sequence, invited_at FROM meeting";

fn meeting_of(row: MeetingRow) -> Meeting {
    let (id, group, starts, ends, place, agenda, minutes, published, cancelled, sequence, invited) =
        row;
    Meeting {
        id: MeetingId(id),
        group: GroupId(group),
        starts,
        ends,
        place,
        agenda,
        minutes,
        minutes_published: published,
        cancelled,
        sequence,
        invited_at: invited,
    }
}

/// A list of ids for `IN (…)`: numbers, not input text.
fn id_list(ids: impl Iterator<Item = i64>) -> String {
    ids.map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

pub(crate) async fn meetings(pool: &Pool, groups: &[GroupId]) -> StoreResult<Vec<Meeting>> {
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<MeetingRow> = sqlx::query_as(&format!(
        "{MEETING_SELECT} WHERE group_id IN ({}) ORDER BY starts_at, id",
        id_list(groups.iter().map(|g| g.0))
    ))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(meeting_of).collect())
}

pub(crate) async fn meeting(pool: &Pool, id: MeetingId) -> StoreResult<Option<Meeting>> {
    let row: Option<MeetingRow> = sqlx::query_as(&format!("{MEETING_SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(meeting_of))
}

pub(crate) async fn mark_invited(
    pool: &Pool,
    meeting: MeetingId,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query("UPDATE meeting SET invited_at = $2 WHERE id = $1")
        .bind(meeting.0)
        .bind(at)
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn set_attendance(
    pool: &Pool,
    meeting: MeetingId,
    attendance: &[(MemberId, Presence)],
    change: PlanChange,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let group = group_of_meeting(&mut tx, meeting).await?;
    let members: Vec<(i64,)> = sqlx::query_as("SELECT id FROM group_member WHERE group_id = $1")
        .bind(group.0)
        .fetch_all(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM meeting_attendance WHERE meeting_id = $1")
        .bind(meeting.0)
        .execute(&mut *tx)
        .await?;
    for (member, presence) in attendance {
        if !members.iter().any(|(m,)| *m == member.0) {
            return Err(StoreError::Invalid(format!(
                "member {} is not in the meeting's group",
                member.0
            )));
        }
        sqlx::query(
            "INSERT INTO meeting_attendance (meeting_id, member_id, presence) VALUES ($1, $2, $3)",
        )
        .bind(meeting.0)
        .bind(member.0)
        .bind(presence.key())
        .execute(&mut *tx)
        .await?;
    }
    logged(&mut tx, change, group, "meeting.edit", Some("attendance")).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn attendance(
    pool: &Pool,
    meeting: MeetingId,
) -> StoreResult<Vec<(MemberId, Presence)>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT member_id, presence FROM meeting_attendance WHERE meeting_id = $1 \
         ORDER BY member_id",
    )
    .bind(meeting.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(m, p)| {
            Ok((
                MemberId(m),
                stored(p, "presence", |p| Presence::from_key(&p))?,
            ))
        })
        .collect()
}

pub(crate) async fn set_action_items(
    pool: &Pool,
    meeting: MeetingId,
    items: &[ActionItem],
    change: PlanChange,
) -> StoreResult<()> {
    let mut checked = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        let row = |e: souhra_core::plan::PlanError| invalid(format!("action item {}: {e}", n + 1));
        checked.push((
            clean_text(&item.task, "task", 1000, false).map_err(row)?,
            clean_text(&item.owner, "owner", 200, false).map_err(row)?,
        ));
    }
    let mut tx = begin_write(pool).await?;
    let group = group_of_meeting(&mut tx, meeting).await?;
    sqlx::query("DELETE FROM meeting_action WHERE meeting_id = $1")
        .bind(meeting.0)
        .execute(&mut *tx)
        .await?;
    for (n, (item, (task, owner))) in items.iter().zip(&checked).enumerate() {
        sqlx::query(
            "INSERT INTO meeting_action (meeting_id, position, task, owner, deadline, done) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(meeting.0)
        .bind(i64::try_from(n).unwrap_or(i64::MAX))
        .bind(task)
        .bind(owner)
        .bind(item.deadline)
        .bind(item.done)
        .execute(&mut *tx)
        .await?;
    }
    logged(&mut tx, change, group, "meeting.edit", Some("action items")).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn action_items(pool: &Pool, meeting: MeetingId) -> StoreResult<Vec<ActionItem>> {
    let rows: Vec<(String, String, Option<NaiveDate>, bool)> = sqlx::query_as(
        "SELECT task, owner, deadline, done FROM meeting_action WHERE meeting_id = $1 \
         ORDER BY position",
    )
    .bind(meeting.0)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(task, owner, deadline, done)| ActionItem {
            task,
            owner,
            deadline,
            done,
        })
        .collect())
}

pub(crate) async fn add_material(
    pool: &Pool,
    meeting: MeetingId,
    file_name: &str,
    content_type: &str,
    content: &[u8],
    change: PlanChange,
) -> StoreResult<i64> {
    let file_name = clean_text(file_name, "file name", 200, false).map_err(invalid)?;
    if content.is_empty() {
        return Err(StoreError::Invalid("the file is empty".into()));
    }
    let mut tx = begin_write(pool).await?;
    let group = group_of_meeting(&mut tx, meeting).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO meeting_material (meeting_id, file_name, content_type, content, \
         uploaded_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(meeting.0)
    .bind(&file_name)
    .bind(content_type)
    .bind(content)
    .bind(change.at)
    .fetch_one(&mut *tx)
    .await?;
    logged(&mut tx, change, group, "meeting.edit", Some(&file_name)).await?;
    tx.commit().await?;
    Ok(id)
}

type MaterialRow = (i64, i64, String, String, i64);

fn material_of((id, meeting, file_name, content_type, size): MaterialRow) -> Material {
    Material {
        id,
        meeting: MeetingId(meeting),
        file_name,
        content_type,
        size,
    }
}

pub(crate) async fn materials(pool: &Pool, meetings: &[MeetingId]) -> StoreResult<Vec<Material>> {
    if meetings.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<MaterialRow> = sqlx::query_as(&format!(
        "SELECT id, meeting_id, file_name, content_type, CAST(length(content) AS BIGINT) \
         FROM meeting_material WHERE meeting_id IN ({}) ORDER BY meeting_id, id",
        id_list(meetings.iter().map(|m| m.0))
    ))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(material_of).collect())
}

pub(crate) async fn material(pool: &Pool, id: i64) -> StoreResult<Option<(Material, Vec<u8>)>> {
    let row: Option<(i64, i64, String, String, Vec<u8>)> = sqlx::query_as(
        "SELECT id, meeting_id, file_name, content_type, content FROM meeting_material \
         WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(id, meeting, name, kind, content)| {
        let size = i64::try_from(content.len()).unwrap_or(i64::MAX);
        (material_of((id, meeting, name, kind, size)), content)
    }))
}

pub(crate) async fn remove_material(pool: &Pool, id: i64, change: PlanChange) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT m.group_id FROM meeting_material x JOIN meeting m ON m.id = x.meeting_id \
         WHERE x.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (group,) = row.ok_or_else(|| StoreError::NotFound(format!("material {id}")))?;
    sqlx::query("DELETE FROM meeting_material WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    logged(
        &mut tx,
        change,
        GroupId(group),
        "meeting.edit",
        Some("material removed"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

//! The groups of an area's community planning, their members and meetings.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use souhra_core::area::AreaId;
use souhra_core::group::{GroupKind, Presence};
use souhra_core::plan::TriadRole;

use crate::plan::PlanChange;
use crate::{Store, StoreResult, dispatch};

/// Database id of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct GroupId(pub i64);

/// Database id of a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct MemberId(pub i64);

/// Database id of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct MeetingId(pub i64);

/// A group as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Its id.
    pub id: GroupId,
    /// Its area.
    pub area: AreaId,
    /// Steering or working group.
    pub kind: GroupKind,
    /// Its name, e.g. "Pracovní skupina Senioři".
    pub name: String,
    /// What it works on.
    pub description: Option<String>,
}

/// A member as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemberInput {
    /// The person's name.
    pub name: String,
    /// The organization they come from.
    pub organization: Option<String>,
    /// Their side of the triad.
    pub role: Option<TriadRole>,
    /// Their position in the group (chair, secretary …).
    pub position: Option<String>,
    /// Where invitations go (never published).
    pub email: Option<String>,
    /// Whether the public pages may show the name.
    pub publish_name: bool,
    /// First day of the term.
    pub term_from: Option<NaiveDate>,
    /// Last day of the term.
    pub term_to: Option<NaiveDate>,
}

/// A member as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// Its id.
    pub id: MemberId,
    /// Its group.
    pub group: GroupId,
    /// The person's name.
    pub name: String,
    /// The organization.
    pub organization: Option<String>,
    /// Side of the triad.
    pub role: TriadRole,
    /// Position in the group.
    pub position: Option<String>,
    /// E-mail for invitations.
    pub email: Option<String>,
    /// Whether the name is public.
    pub publish_name: bool,
    /// First day of the term.
    pub term_from: Option<NaiveDate>,
    /// Last day of the term.
    pub term_to: Option<NaiveDate>,
    /// Opens the member's calendar feed.
    pub feed_token: String,
}

/// A meeting as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInput {
    /// Start, Prague local time.
    pub starts: NaiveDateTime,
    /// End, Prague local time.
    pub ends: NaiveDateTime,
    /// Where.
    pub place: String,
    /// Agenda (Markdown).
    pub agenda: Option<String>,
    /// Minutes (Markdown).
    pub minutes: Option<String>,
    /// Whether the public sees the minutes.
    pub minutes_published: bool,
    /// Called off.
    pub cancelled: bool,
}

/// A meeting as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// Its id.
    pub id: MeetingId,
    /// Its group.
    pub group: GroupId,
    /// Start, Prague local time.
    pub starts: NaiveDateTime,
    /// End, Prague local time.
    pub ends: NaiveDateTime,
    /// Where.
    pub place: String,
    /// Agenda.
    pub agenda: Option<String>,
    /// Minutes.
    pub minutes: Option<String>,
    /// Whether the public sees the minutes.
    pub minutes_published: bool,
    /// Called off.
    pub cancelled: bool,
    /// Raised with every change.
    pub sequence: i64,
    /// When invitations were last sent.
    pub invited_at: Option<DateTime<Utc>>,
}

/// An action item agreed at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionItem {
    /// What is to be done.
    pub task: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub deadline: Option<NaiveDate>,
    /// Done.
    pub done: bool,
}

/// An uploaded material of a meeting (without its content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Material {
    /// Its id.
    pub id: i64,
    /// Its meeting.
    pub meeting: MeetingId,
    /// File name as uploaded.
    pub file_name: String,
    /// Media type.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
}

impl Store {
    /// Creates a group in an area.
    pub async fn create_group(
        &self,
        area: AreaId,
        kind: GroupKind,
        name: &str,
        description: Option<&str>,
        change: PlanChange,
    ) -> StoreResult<GroupId> {
        dispatch!(self, group::create(area, kind, name, description, change))
    }

    /// The groups of an area: the steering group first, then by name.
    pub async fn groups_of_area(&self, area: AreaId) -> StoreResult<Vec<Group>> {
        dispatch!(self, group::of_area(area))
    }

    /// One group.
    pub async fn group(&self, id: GroupId) -> StoreResult<Option<Group>> {
        dispatch!(self, group::one(id))
    }

    /// Adds a member (`member` `None`) or changes one; `feed_token` is used for a new member.
    /// [`crate::StoreError::Invalid`] names the field at fault.
    pub async fn save_member(
        &self,
        group: GroupId,
        member: Option<MemberId>,
        input: &MemberInput,
        feed_token: &str,
        change: PlanChange,
    ) -> StoreResult<MemberId> {
        dispatch!(
            self,
            group::save_member(group, member, input, feed_token, change)
        )
    }

    /// Removes a member of a group (with their attendance).
    pub async fn remove_member(
        &self,
        group: GroupId,
        member: MemberId,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, group::remove_member(group, member, change))
    }

    /// The members of a group by name.
    pub async fn members(&self, group: GroupId) -> StoreResult<Vec<Member>> {
        dispatch!(self, group::members(group))
    }

    /// The member a calendar feed token belongs to.
    pub async fn member_by_feed(&self, token: &str) -> StoreResult<Option<Member>> {
        dispatch!(self, group::member_by_feed(token))
    }

    /// The groups of the area of `member` in which someone with the member's e-mail sits (just
    /// the member's group when they have no e-mail): whose meetings their feed shows.
    pub async fn groups_of_person(&self, member: &Member) -> StoreResult<Vec<Group>> {
        dispatch!(self, group::groups_of_person(member))
    }

    /// Plans a meeting (`meeting` `None`) or changes one (raising its sequence).
    pub async fn save_meeting(
        &self,
        group: GroupId,
        meeting: Option<MeetingId>,
        input: &MeetingInput,
        change: PlanChange,
    ) -> StoreResult<MeetingId> {
        dispatch!(self, group::save_meeting(group, meeting, input, change))
    }

    /// The meetings of groups, by start.
    pub async fn meetings(&self, groups: &[GroupId]) -> StoreResult<Vec<Meeting>> {
        dispatch!(self, group::meetings(groups))
    }

    /// One meeting.
    pub async fn meeting(&self, id: MeetingId) -> StoreResult<Option<Meeting>> {
        dispatch!(self, group::meeting(id))
    }

    /// Records that invitations to a meeting went out.
    pub async fn mark_invited(&self, meeting: MeetingId, at: DateTime<Utc>) -> StoreResult<()> {
        dispatch!(self, group::mark_invited(meeting, at))
    }

    /// Replaces a meeting's attendance; members of other groups are refused.
    pub async fn set_attendance(
        &self,
        meeting: MeetingId,
        attendance: &[(MemberId, Presence)],
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, group::set_attendance(meeting, attendance, change))
    }

    /// A meeting's attendance.
    pub async fn attendance(&self, meeting: MeetingId) -> StoreResult<Vec<(MemberId, Presence)>> {
        dispatch!(self, group::attendance(meeting))
    }

    /// Replaces a meeting's action items (each checked).
    pub async fn set_action_items(
        &self,
        meeting: MeetingId,
        items: &[ActionItem],
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, group::set_action_items(meeting, items, change))
    }

    /// A meeting's action items in order.
    pub async fn action_items(&self, meeting: MeetingId) -> StoreResult<Vec<ActionItem>> {
        dispatch!(self, group::action_items(meeting))
    }

    /// Stores an uploaded material of a meeting.
    pub async fn add_material(
        &self,
        meeting: MeetingId,
        file_name: &str,
        content_type: &str,
        content: &[u8],
        change: PlanChange,
    ) -> StoreResult<i64> {
        dispatch!(
            self,
            group::add_material(meeting, file_name, content_type, content, change)
        )
    }

    /// The materials of meetings, without their content.
    pub async fn materials(&self, meetings: &[MeetingId]) -> StoreResult<Vec<Material>> {
        dispatch!(self, group::materials(meetings))
    }

    /// One material with its content.
    pub async fn material(&self, id: i64) -> StoreResult<Option<(Material, Vec<u8>)>> {
        dispatch!(self, group::material(id))
    }

    /// Removes a material.
    pub async fn remove_material(&self, id: i64, change: PlanChange) -> StoreResult<()> {
        dispatch!(self, group::remove_material(id, change))
    }
}

//! The demo area's planning groups: a fictional steering group and two working groups with
//! members, past meetings with published minutes, attendance and action items, and coming
//! meetings, read from `data/generator/skupiny-demo.json`. Made once per area.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use souhra_core::area::AreaId;
use souhra_core::group::{GroupKind, Presence};
use souhra_core::plan::TriadRole;
use souhra_store::Store;
use souhra_store::group::{ActionItem, MeetingInput, MemberInput};
use souhra_store::plan::PlanChange;

use crate::failure::Failure;

const DEMO_GROUPS: &str = "generator/skupiny-demo.json";

#[derive(Deserialize)]
struct File {
    groups: Vec<GroupSeed>,
}

#[derive(Deserialize)]
struct GroupSeed {
    kind: String,
    name: String,
    description: Option<String>,
    members: Vec<MemberSeed>,
    meetings: Vec<MeetingSeed>,
}

#[derive(Deserialize)]
struct MemberSeed {
    name: String,
    organization: Option<String>,
    role: String,
    position: Option<String>,
    email: Option<String>,
    #[serde(default)]
    publish_name: bool,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct MeetingSeed {
    date: NaiveDate,
    from: String,
    to: String,
    place: String,
    agenda: Option<String>,
    minutes: Option<String>,
    #[serde(default)]
    published: bool,
    /// Members (by their place in the list) present and excused.
    #[serde(default)]
    present: Vec<usize>,
    #[serde(default)]
    excused: Vec<usize>,
    #[serde(default)]
    actions: Vec<ActionSeed>,
}

#[derive(Deserialize)]
struct ActionSeed {
    task: String,
    owner: String,
    deadline: Option<NaiveDate>,
    #[serde(default)]
    done: bool,
}

fn bad(what: impl std::fmt::Display) -> Failure {
    Failure::runtime(format!("{DEMO_GROUPS}: {what}"))
}

/// Stores the demo groups in `area` unless it has groups already; returns how many were made.
pub async fn seed(store: &Store, area: AreaId) -> Result<usize, Failure> {
    if !store.groups_of_area(area).await?.is_empty() {
        return Ok(0);
    }
    let text = souhra_interop::bundled::file(DEMO_GROUPS)?;
    let file: File = serde_json::from_slice(text).map_err(bad)?;
    let change = PlanChange {
        by: None,
        at: chrono::Utc::now(),
    };
    for seed in &file.groups {
        let kind = GroupKind::from_key(&seed.kind).map_err(bad)?;
        let group = store
            .create_group(area, kind, &seed.name, seed.description.as_deref(), change)
            .await?;
        let mut members = Vec::new();
        for m in &seed.members {
            let input = MemberInput {
                name: m.name.clone(),
                organization: m.organization.clone(),
                role: Some(TriadRole::from_key(&m.role).map_err(bad)?),
                position: m.position.clone(),
                email: m.email.clone(),
                publish_name: m.publish_name,
                term_from: m.from,
                term_to: m.to,
            };
            let token = souhra_web::auth::random_hex(24).map_err(bad)?;
            members.push(
                store
                    .save_member(group, None, &input, &token, change)
                    .await?,
            );
        }
        for m in &seed.meetings {
            let time = |t: &str| {
                NaiveTime::parse_from_str(t, "%H:%M")
                    .map_err(|e| bad(format!("{}: {t}: {e}", seed.name)))
            };
            let input = MeetingInput {
                starts: m.date.and_time(time(&m.from)?),
                ends: m.date.and_time(time(&m.to)?),
                place: m.place.clone(),
                agenda: m.agenda.clone(),
                minutes: m.minutes.clone(),
                minutes_published: m.published,
                cancelled: false,
            };
            let meeting = store.save_meeting(group, None, &input, change).await?;
            let member = |i: &usize| {
                members
                    .get(*i)
                    .copied()
                    .ok_or_else(|| bad(format!("{}: no member {i}", seed.name)))
            };
            let mut attendance = Vec::new();
            for i in &m.present {
                attendance.push((member(i)?, Presence::Present));
            }
            for i in &m.excused {
                attendance.push((member(i)?, Presence::Excused));
            }
            if !attendance.is_empty() {
                store.set_attendance(meeting, &attendance, change).await?;
            }
            if !m.actions.is_empty() {
                let items: Vec<ActionItem> = m
                    .actions
                    .iter()
                    .map(|a| ActionItem {
                        task: a.task.clone(),
                        owner: a.owner.clone(),
                        deadline: a.deadline,
                        done: a.done,
                    })
                    .collect();
                store.set_action_items(meeting, &items, change).await?;
            }
        }
    }
    Ok(file.groups.len())
}

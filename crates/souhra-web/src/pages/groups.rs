//! Planning groups in the administration: an area's steering and working groups
//! (`/sprava/{area}/skupiny`), a group's members and meetings (`/sprava/{area}/skupina/{id}`), a
//! member's form, and a meeting's page (`/sprava/{area}/schuzka/{id}`) with its details, agenda
//! and minutes, attendance, action items, uploaded materials and the invitations sent with a
//! calendar file. Everyone of the area sees them; coordinators and administrators change them.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Multipart, OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::account::Email;
use souhra_core::area::Area;
use souhra_core::group::{GroupKind, Presence, in_term};
use souhra_core::plan::TriadRole;
use souhra_core::policy::Action;
use souhra_store::StoreError;
use souhra_store::group::{
    ActionItem, Group, GroupId, Meeting, MeetingId, MeetingInput, Member, MemberId, MemberInput,
};

use super::admin::{area_page, area_post};
use super::path_of;
use super::planning::{TokenOnly, change};
use crate::auth::{Signed, private, random_hex};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

/// What every page of the groups' administration is rendered with.
struct Admin<'a> {
    state: &'a AppState,
    lang: Lang,
    uri: &'a OriginalUri,
    signed: &'a Signed,
    area: &'a Area,
}

/// The largest material accepted, in bytes.
pub(crate) const MAX_MATERIAL: usize = 10 * 1024 * 1024;

fn text(state: &AppState, lang: Lang, key: &str) -> String {
    state.translations().text(lang, key, None)
}

/// What a refused save says: the store's reason after the translated lead.
fn refusal(state: &AppState, lang: Lang, error: StoreError) -> Result<String, AppError> {
    match error {
        StoreError::Invalid(reason) => {
            let mut args = FluentArgs::new();
            args.set("reason", reason);
            Ok(state
                .translations()
                .text(lang, "groups-refused", Some(&args)))
        }
        other => Err(other.into()),
    }
}

/// The group `id` of the area, or 404.
pub(crate) async fn group_in(state: &AppState, area: &Area, id: i64) -> Result<Group, AppError> {
    state
        .store()
        .group(GroupId(id))
        .await?
        .filter(|g| g.area == area.id)
        .ok_or(AppError::NotFound)
}

/// The meeting `id` of a group of the area, with its group, or 404.
pub(crate) async fn meeting_in(
    state: &AppState,
    area: &Area,
    id: i64,
) -> Result<(Group, Meeting), AppError> {
    let meeting = state
        .store()
        .meeting(MeetingId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let group = group_in(state, area, meeting.group.0).await?;
    Ok((group, meeting))
}

/// Whether the signed-in account may change the area's groups.
async fn may_manage(state: &AppState, signed: &Signed, area: &Area) -> Result<bool, AppError> {
    let parents = super::admin::chain(state, area).await?;
    Ok(souhra_core::policy::allows(
        &signed.account.grants,
        &Action::ManagePlans,
        Some(souhra_core::policy::Within {
            area: area.id,
            parents: &parents,
        }),
    ))
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct GroupForm {
    #[serde(default)]
    druh: String,
    #[serde(default)]
    nazev: String,
    #[serde(default)]
    popis: String,
    #[serde(default)]
    csrf: String,
}

#[derive(Serialize)]
struct GroupRow {
    id: i64,
    name: String,
    kind: &'static str,
    members: usize,
    next: Option<String>,
}

async fn groups_page(
    admin: &Admin<'_>,
    form: &GroupForm,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let Admin {
        state,
        lang,
        uri,
        signed,
        area,
    } = *admin;
    let store = state.store();
    let groups = store.groups_of_area(area.id).await?;
    let ids: Vec<GroupId> = groups.iter().map(|g| g.id).collect();
    let meetings = store.meetings(&ids).await?;
    let now = souhra_core::ical::prague(chrono::Utc::now());
    let mut rows = Vec::new();
    for g in &groups {
        rows.push(GroupRow {
            id: g.id.0,
            name: g.name.clone(),
            kind: g.kind.key(),
            members: store.members(g.id).await?.len(),
            next: meetings
                .iter()
                .find(|m| m.group == g.id && m.starts >= now && !m.cancelled)
                .map(|m| lang.format_date(m.starts.date())),
        });
    }
    let html = Page::new(state, lang, &path_of(uri))
        .title_key("groups-title")
        .nav("admin")
        .render(
            "admin_groups.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                rows,
                manage => may_manage(state, signed, area).await?,
                kinds => GroupKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
                form,
                problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// `/sprava/{area}/skupiny`.
pub(crate) async fn groups(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let form = GroupForm {
        druh: GroupKind::Working.key().into(),
        ..GroupForm::default()
    };
    groups_page(
        &Admin {
            state: &state,
            lang,
            uri: &uri,
            signed: &signed,
            area: &area,
        },
        &form,
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /sprava/{area}/skupiny`: a new group.
pub(crate) async fn create_group(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<GroupForm>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let kind = GroupKind::from_key(&form.druh).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let description = Some(form.popis.as_str()).filter(|d| !d.trim().is_empty());
    match state
        .store()
        .create_group(area.id, kind, &form.nazev, description, change(&signed))
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/sprava/{slug}/skupina/{}", id.0)).into_response()),
        Err(e) => {
            let problem = refusal(&state, lang, e)?;
            groups_page(
                &Admin {
                    state: &state,
                    lang,
                    uri: &uri,
                    signed: &signed,
                    area: &area,
                },
                &form,
                Some(problem),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub(crate) struct MemberForm {
    #[serde(default)]
    jmeno: String,
    #[serde(default)]
    organizace: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    pozice: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    zverejnit: Option<String>,
    #[serde(default)]
    od: String,
    #[serde(default)]
    do_: String,
    #[serde(default)]
    csrf: String,
}

impl MemberForm {
    fn of(member: &Member) -> Self {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            jmeno: member.name.clone(),
            organizace: member.organization.clone().unwrap_or_default(),
            role: member.role.key().into(),
            pozice: member.position.clone().unwrap_or_default(),
            email: member.email.clone().unwrap_or_default(),
            zverejnit: member.publish_name.then(|| "1".into()),
            od: date(member.term_from),
            do_: date(member.term_to),
            csrf: String::new(),
        }
    }

    /// The member to save, or the translated reason a field is refused.
    fn input(&self, state: &AppState, lang: Lang) -> Result<MemberInput, String> {
        let date = |value: &str, key: &str| -> Result<Option<NaiveDate>, String> {
            let value = value.trim();
            if value.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| text(state, lang, key))
        };
        let given = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        Ok(MemberInput {
            name: self.jmeno.clone(),
            organization: given(&self.organizace),
            role: TriadRole::from_key(&self.role).ok(),
            position: given(&self.pozice),
            email: given(&self.email),
            publish_name: self.zverejnit.is_some(),
            term_from: date(&self.od, "groups-error-term-from")?,
            term_to: date(&self.do_, "groups-error-term-to")?,
        })
    }
}

#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub(crate) struct MeetingForm {
    #[serde(default)]
    datum: String,
    #[serde(default)]
    od: String,
    #[serde(default)]
    do_: String,
    #[serde(default)]
    misto: String,
    #[serde(default)]
    program: String,
    #[serde(default)]
    zapis: String,
    #[serde(default)]
    zverejnit_zapis: Option<String>,
    #[serde(default)]
    zruseno: Option<String>,
    #[serde(default)]
    csrf: String,
}

impl MeetingForm {
    fn of(meeting: &Meeting) -> Self {
        Self {
            datum: meeting.starts.date().to_string(),
            od: meeting.starts.format("%H:%M").to_string(),
            do_: meeting.ends.format("%H:%M").to_string(),
            misto: meeting.place.clone(),
            program: meeting.agenda.clone().unwrap_or_default(),
            zapis: meeting.minutes.clone().unwrap_or_default(),
            zverejnit_zapis: meeting.minutes_published.then(|| "1".into()),
            zruseno: meeting.cancelled.then(|| "1".into()),
            csrf: String::new(),
        }
    }

    fn input(&self, state: &AppState, lang: Lang) -> Result<MeetingInput, String> {
        let day = NaiveDate::parse_from_str(self.datum.trim(), "%Y-%m-%d")
            .map_err(|_| text(state, lang, "groups-error-date"))?;
        let time = |value: &str| {
            NaiveTime::parse_from_str(value.trim(), "%H:%M")
                .map_err(|_| text(state, lang, "groups-error-time"))
        };
        let starts = NaiveDateTime::new(day, time(&self.od)?);
        let ends = NaiveDateTime::new(day, time(&self.do_)?);
        if ends <= starts {
            return Err(text(state, lang, "groups-error-times"));
        }
        let given = |v: &str| Some(v.to_owned()).filter(|v| !v.trim().is_empty());
        Ok(MeetingInput {
            starts,
            ends,
            place: self.misto.clone(),
            agenda: given(&self.program),
            minutes: given(&self.zapis),
            minutes_published: self.zverejnit_zapis.is_some(),
            cancelled: self.zruseno.is_some(),
        })
    }
}

#[derive(Serialize)]
struct MemberRow {
    id: i64,
    name: String,
    organization: Option<String>,
    role: &'static str,
    position: Option<String>,
    email: Option<String>,
    publish_name: bool,
    term: String,
}

#[derive(Serialize)]
struct MeetingRow {
    id: i64,
    when: String,
    place: String,
    cancelled: bool,
    minutes_published: bool,
    invited: bool,
}

fn when(lang: Lang, meeting: &Meeting) -> String {
    format!(
        "{} {}–{}",
        lang.format_date(meeting.starts.date()),
        meeting.starts.format("%H:%M"),
        meeting.ends.format("%H:%M")
    )
}

fn term(lang: Lang, from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    let d = |d: Option<NaiveDate>| d.map(|d| lang.format_date(d)).unwrap_or_default();
    if from.is_none() && to.is_none() {
        String::new()
    } else {
        format!("{} – {}", d(from), d(to))
    }
}

/// The forms a refused save shows again on a group's page.
#[derive(Default)]
struct GroupForms {
    member: MemberForm,
    meeting: MeetingForm,
    problem: Option<String>,
}

async fn group_page(
    admin: &Admin<'_>,
    group: &Group,
    forms: GroupForms,
    status: StatusCode,
) -> Result<Response, AppError> {
    let Admin {
        state,
        lang,
        uri,
        signed,
        area,
    } = *admin;
    let store = state.store();
    let members: Vec<MemberRow> = store
        .members(group.id)
        .await?
        .into_iter()
        .map(|m| MemberRow {
            id: m.id.0,
            term: term(lang, m.term_from, m.term_to),
            name: m.name,
            organization: m.organization,
            role: m.role.key(),
            position: m.position,
            email: m.email,
            publish_name: m.publish_name,
        })
        .collect();
    let meetings: Vec<MeetingRow> = store
        .meetings(&[group.id])
        .await?
        .iter()
        .rev()
        .map(|m| MeetingRow {
            id: m.id.0,
            when: when(lang, m),
            place: m.place.clone(),
            cancelled: m.cancelled,
            minutes_published: m.minutes_published,
            invited: m.invited_at.is_some(),
        })
        .collect();
    let html = Page::new(state, lang, &path_of(uri))
        .title(group.name.clone())
        .nav("admin")
        .render(
            "admin_group.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                id => group.id.0,
                name => group.name,
                kind => group.kind.key(),
                description => group.description,
                members,
                meetings,
                roles => TriadRole::ALL.iter().map(|r| r.key()).collect::<Vec<_>>(),
                manage => may_manage(state, signed, area).await?,
                member_form => forms.member,
                meeting_form => forms.meeting,
                problem => forms.problem,
                public_href => super::group_pages::group_href(area.slug.as_str(), group.id.0, &group.name),
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// `/sprava/{area}/skupina/{id}`.
pub(crate) async fn group(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let group = group_in(&state, &area, id).await?;
    let forms = GroupForms {
        member: MemberForm {
            role: TriadRole::Provider.key().into(),
            ..MemberForm::default()
        },
        meeting: MeetingForm {
            od: "14:00".into(),
            do_: "16:00".into(),
            ..MeetingForm::default()
        },
        problem: None,
    };
    group_page(
        &Admin {
            state: &state,
            lang,
            uri: &uri,
            signed: &signed,
            area: &area,
        },
        &group,
        forms,
        StatusCode::OK,
    )
    .await
}

/// `POST /sprava/{area}/skupina/{id}/clen`: a new member.
pub(crate) async fn add_member(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<MemberForm>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let group = group_in(&state, &area, id).await?;
    let saved = match form.input(&state, lang) {
        Ok(input) => {
            let token = random_hex(24)?;
            state
                .store()
                .save_member(group.id, None, &input, &token, change(&signed))
                .await
                .map_err(|e| refusal(&state, lang, e))
        }
        Err(problem) => Err(Ok(problem)),
    };
    match saved {
        Ok(_) => Ok(Redirect::to(&format!("/sprava/{slug}/skupina/{id}#clenove")).into_response()),
        Err(problem) => {
            let forms = GroupForms {
                member: form,
                problem: Some(problem?),
                ..GroupForms::default()
            };
            group_page(
                &Admin {
                    state: &state,
                    lang,
                    uri: &uri,
                    signed: &signed,
                    area: &area,
                },
                &group,
                forms,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

async fn member_of(state: &AppState, group: &Group, member: i64) -> Result<Member, AppError> {
    state
        .store()
        .members(group.id)
        .await?
        .into_iter()
        .find(|m| m.id.0 == member)
        .ok_or(AppError::NotFound)
}

async fn member_page(
    admin: &Admin<'_>,
    group: &Group,
    member: &Member,
    form: &MemberForm,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let Admin {
        state,
        lang,
        uri,
        signed,
        area,
    } = *admin;
    let base = state.config().public_base();
    let html = Page::new(state, lang, &path_of(uri))
        .title(member.name.clone())
        .nav("admin")
        .render(
            "admin_member.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                group_id => group.id.0,
                group_name => group.name,
                id => member.id.0,
                name => member.name,
                form,
                roles => TriadRole::ALL.iter().map(|r| r.key()).collect::<Vec<_>>(),
                manage => may_manage(state, signed, area).await?,
                feed => format!("{base}/kalendar/{}.ics", member.feed_token),
                problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// `/sprava/{area}/skupina/{id}/clen/{member}`: a member's form.
pub(crate) async fn member(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, member)): Path<(String, i64, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let group = group_in(&state, &area, id).await?;
    let member = member_of(&state, &group, member).await?;
    let form = MemberForm::of(&member);
    member_page(
        &Admin {
            state: &state,
            lang,
            uri: &uri,
            signed: &signed,
            area: &area,
        },
        &group,
        &member,
        &form,
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /sprava/{area}/skupina/{id}/clen/{member}`.
pub(crate) async fn save_member(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, member)): Path<(String, i64, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<MemberForm>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let group = group_in(&state, &area, id).await?;
    let member = member_of(&state, &group, member).await?;
    let saved = match form.input(&state, lang) {
        Ok(input) => state
            .store()
            .save_member(group.id, Some(member.id), &input, "", change(&signed))
            .await
            .map_err(|e| refusal(&state, lang, e)),
        Err(problem) => Err(Ok(problem)),
    };
    match saved {
        Ok(_) => Ok(Redirect::to(&format!("/sprava/{slug}/skupina/{id}#clenove")).into_response()),
        Err(problem) => {
            member_page(
                &Admin {
                    state: &state,
                    lang,
                    uri: &uri,
                    signed: &signed,
                    area: &area,
                },
                &group,
                &member,
                &form,
                Some(problem?),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

/// `POST /sprava/{area}/skupina/{id}/clen/{member}/smazat`.
pub(crate) async fn remove_member(
    State(state): State<AppState>,
    Path((slug, id, member)): Path<(String, i64, i64)>,
    headers: HeaderMap,
    Form(form): Form<TokenOnly>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let group = group_in(&state, &area, id).await?;
    let member = member_of(&state, &group, member).await?;
    state
        .store()
        .remove_member(group.id, member.id, change(&signed))
        .await?;
    Ok(Redirect::to(&format!("/sprava/{slug}/skupina/{id}#clenove")).into_response())
}

/// `POST /sprava/{area}/skupina/{id}/schuzka`: plans a meeting.
pub(crate) async fn add_meeting(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let group = group_in(&state, &area, id).await?;
    let saved = match form.input(&state, lang) {
        Ok(input) => state
            .store()
            .save_meeting(group.id, None, &input, change(&signed))
            .await
            .map_err(|e| refusal(&state, lang, e)),
        Err(problem) => Err(Ok(problem)),
    };
    match saved {
        Ok(meeting) => {
            Ok(Redirect::to(&format!("/sprava/{slug}/schuzka/{}", meeting.0)).into_response())
        }
        Err(problem) => {
            let forms = GroupForms {
                meeting: form,
                problem: Some(problem?),
                ..GroupForms::default()
            };
            group_page(
                &Admin {
                    state: &state,
                    lang,
                    uri: &uri,
                    signed: &signed,
                    area: &area,
                },
                &group,
                forms,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

#[derive(Serialize)]
struct AttendanceRow {
    id: i64,
    name: String,
    organization: Option<String>,
    presence: &'static str,
}

#[derive(Serialize)]
struct ActionRow {
    task: String,
    owner: String,
    deadline: String,
    done: bool,
}

/// Empty action item rows offered for new items.
const NEW_ACTIONS: usize = 3;

async fn meeting_page(
    admin: &Admin<'_>,
    group: &Group,
    meeting: &Meeting,
    form: &MeetingForm,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let Admin {
        state,
        lang,
        uri,
        signed,
        area,
    } = *admin;
    let store = state.store();
    let present: HashMap<MemberId, Presence> =
        store.attendance(meeting.id).await?.into_iter().collect();
    let attendance: Vec<AttendanceRow> = store
        .members(group.id)
        .await?
        .into_iter()
        .map(|m| AttendanceRow {
            id: m.id.0,
            presence: present.get(&m.id).map_or("", |p| p.key()),
            name: m.name,
            organization: m.organization,
        })
        .collect();
    let mut actions: Vec<ActionRow> = store
        .action_items(meeting.id)
        .await?
        .into_iter()
        .map(|a| ActionRow {
            task: a.task,
            owner: a.owner,
            deadline: a.deadline.map(|d| d.to_string()).unwrap_or_default(),
            done: a.done,
        })
        .collect();
    actions.extend((0..NEW_ACTIONS).map(|_| ActionRow {
        task: String::new(),
        owner: String::new(),
        deadline: String::new(),
        done: false,
    }));
    let materials = store.materials(&[meeting.id]).await?;
    let message = match uri.0.query() {
        Some("stav=ulozeno") if problem.is_none() => Some(text(state, lang, "admin-saved")),
        Some(q) if problem.is_none() && q.starts_with("pozvanky=") => {
            let mut args = FluentArgs::new();
            args.set(
                "count",
                q.trim_start_matches("pozvanky=")
                    .parse::<i64>()
                    .unwrap_or(0),
            );
            Some(
                state
                    .translations()
                    .text(lang, "meeting-invited", Some(&args)),
            )
        }
        _ => None,
    };
    let html = Page::new(state, lang, &path_of(uri))
        .title(format!("{} – {}", group.name, lang.format_date(meeting.starts.date())))
        .nav("admin")
        .render(
            "admin_meeting.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                group_id => group.id.0,
                group_name => group.name,
                id => meeting.id.0,
                when => when(lang, meeting),
                invited_at => meeting.invited_at.map(|t| souhra_core::ical::prague(t).format("%Y-%m-%d %H:%M").to_string()),
                form,
                attendance,
                presences => Presence::ALL.iter().map(|p| p.key()).collect::<Vec<_>>(),
                actions,
                materials,
                max_mb => MAX_MATERIAL / (1024 * 1024),
                manage => may_manage(state, signed, area).await?,
                problem,
                message,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// `/sprava/{area}/schuzka/{id}`.
pub(crate) async fn meeting(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let (group, meeting) = meeting_in(&state, &area, id).await?;
    let form = MeetingForm::of(&meeting);
    meeting_page(
        &Admin {
            state: &state,
            lang,
            uri: &uri,
            signed: &signed,
            area: &area,
        },
        &group,
        &meeting,
        &form,
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /sprava/{area}/schuzka/{id}`: saves the meeting's details, agenda and minutes.
pub(crate) async fn save_meeting(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let (group, meeting) = meeting_in(&state, &area, id).await?;
    let saved = match form.input(&state, lang) {
        Ok(input) => state
            .store()
            .save_meeting(group.id, Some(meeting.id), &input, change(&signed))
            .await
            .map_err(|e| refusal(&state, lang, e)),
        Err(problem) => Err(Ok(problem)),
    };
    match saved {
        Ok(_) => {
            Ok(Redirect::to(&format!("/sprava/{slug}/schuzka/{id}?stav=ulozeno")).into_response())
        }
        Err(problem) => {
            meeting_page(
                &Admin {
                    state: &state,
                    lang,
                    uri: &uri,
                    signed: &signed,
                    area: &area,
                },
                &group,
                &meeting,
                &form,
                Some(problem?),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

/// `POST /sprava/{area}/schuzka/{id}/ucast`: attendance, one `c{member}` field per member.
pub(crate) async fn save_attendance(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let (signed, area) = area_post(&state, &headers, token, &slug, &Action::ManagePlans).await?;
    let (_, meeting) = meeting_in(&state, &area, id).await?;
    let mut attendance = Vec::new();
    for (key, value) in &pairs {
        let Some(member) = key.strip_prefix('c').and_then(|m| m.parse::<i64>().ok()) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let presence =
            Presence::from_key(value).map_err(|e| AppError::BadRequest(e.to_string()))?;
        attendance.push((MemberId(member), presence));
    }
    match state
        .store()
        .set_attendance(meeting.id, &attendance, change(&signed))
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/sprava/{slug}/schuzka/{id}?stav=ulozeno#ucast"))
                .into_response(),
        ),
        Err(StoreError::Invalid(reason)) => Err(AppError::BadRequest(reason)),
        Err(e) => Err(e.into()),
    }
}

/// `POST /sprava/{area}/schuzka/{id}/ukoly`: the action items, rows of `ukol`, `kdo`,
/// `termin` (and `hotovo` with the row number); empty rows are dropped.
pub(crate) async fn save_actions(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let (signed, area) = area_post(&state, &headers, token, &slug, &Action::ManagePlans).await?;
    let (group, meeting) = meeting_in(&state, &area, id).await?;
    let column = |name: &str| -> Vec<&str> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .collect()
    };
    let (tasks, owners, deadlines) = (column("ukol"), column("kdo"), column("termin"));
    let done: Vec<usize> = column("hotovo")
        .iter()
        .filter_map(|n| n.parse().ok())
        .collect();
    let mut items = Vec::new();
    let mut problem = None;
    for (n, task) in tasks.iter().enumerate() {
        let owner = owners.get(n).copied().unwrap_or_default();
        let deadline = deadlines.get(n).copied().unwrap_or_default();
        if task.is_empty() && owner.is_empty() && deadline.is_empty() {
            continue;
        }
        let mut args = FluentArgs::new();
        args.set("row", n + 1);
        let parsed = if deadline.is_empty() {
            Ok(None)
        } else {
            NaiveDate::parse_from_str(deadline, "%Y-%m-%d").map(Some)
        };
        match parsed {
            Ok(deadline) if !task.is_empty() && !owner.is_empty() => items.push(ActionItem {
                task: (*task).to_owned(),
                owner: owner.to_owned(),
                deadline,
                done: done.contains(&n),
            }),
            _ => {
                problem = Some(state.translations().text(
                    lang,
                    "meeting-action-error",
                    Some(&args),
                ));
                break;
            }
        }
    }
    let problem = match problem {
        Some(p) => Some(p),
        None => match state
            .store()
            .set_action_items(meeting.id, &items, change(&signed))
            .await
        {
            Ok(()) => None,
            Err(e) => Some(refusal(&state, lang, e)?),
        },
    };
    match problem {
        None => Ok(
            Redirect::to(&format!("/sprava/{slug}/schuzka/{id}?stav=ulozeno#ukoly"))
                .into_response(),
        ),
        Some(problem) => {
            meeting_page(
                &Admin {
                    state: &state,
                    lang,
                    uri: &uri,
                    signed: &signed,
                    area: &area,
                },
                &group,
                &meeting,
                &MeetingForm::of(&meeting),
                Some(problem),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

/// A form with a file: its `csrf` field and the file (name as the browser sent it, media type,
/// bytes), or that the file was larger than allowed.
pub(crate) struct Upload {
    pub csrf: String,
    pub file: Option<(String, String, Vec<u8>)>,
    pub too_big: bool,
}

/// Reads a multipart form with the file field `name` of at most `max` bytes.
pub(crate) async fn read_upload(
    multipart: &mut Multipart,
    name: &str,
    max: usize,
) -> Result<Upload, AppError> {
    let mut upload = Upload {
        csrf: String::new(),
        file: None,
        too_big: false,
    };
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(e.to_string()))?
    {
        match field.name() {
            Some("csrf") => {
                upload.csrf = field
                    .text()
                    .await
                    .map_err(|e| AppError::BadRequest(e.to_string()))?;
            }
            Some(n) if n == name => {
                let file_name = field.file_name().unwrap_or("upload").to_owned();
                let kind = field
                    .content_type()
                    .unwrap_or("application/octet-stream")
                    .to_owned();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| AppError::BadRequest(e.to_string()))?;
                upload.too_big = bytes.len() > max;
                upload.file = Some((file_name, kind, bytes.to_vec()));
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// `POST /sprava/{area}/schuzka/{id}/material`: an uploaded file (multipart: `csrf`, `soubor`).
pub(crate) async fn upload(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let Upload {
        csrf,
        file,
        too_big,
    } = read_upload(&mut multipart, "soubor", MAX_MATERIAL).await?;
    let (signed, area) = area_post(&state, &headers, &csrf, &slug, &Action::ManagePlans).await?;
    let (group, meeting) = meeting_in(&state, &area, id).await?;
    let problem = match file {
        _ if too_big => Some(text(&state, lang, "meeting-material-too-big")),
        Some((name, kind, bytes)) if !bytes.is_empty() => {
            // Only the file's own name, never a path the browser sent.
            let name = name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or("material")
                .to_owned();
            match state
                .store()
                .add_material(meeting.id, &name, &kind, &bytes, change(&signed))
                .await
            {
                Ok(_) => None,
                Err(e) => Some(refusal(&state, lang, e)?),
            }
        }
        _ => Some(text(&state, lang, "meeting-material-missing")),
    };
    match problem {
        None => Ok(Redirect::to(&format!(
            "/sprava/{slug}/schuzka/{id}?stav=ulozeno#materialy"
        ))
        .into_response()),
        Some(problem) => {
            meeting_page(
                &Admin {
                    state: &state,
                    lang,
                    uri: &uri,
                    signed: &signed,
                    area: &area,
                },
                &group,
                &meeting,
                &MeetingForm::of(&meeting),
                Some(problem),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

/// `POST /sprava/{area}/schuzka/{id}/material/{material}/smazat`.
pub(crate) async fn remove_material(
    State(state): State<AppState>,
    Path((slug, id, material)): Path<(String, i64, i64)>,
    headers: HeaderMap,
    Form(form): Form<TokenOnly>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let (_, meeting) = meeting_in(&state, &area, id).await?;
    let (found, _) = state
        .store()
        .material(material)
        .await?
        .filter(|(m, _)| m.meeting == meeting.id)
        .ok_or(AppError::NotFound)?;
    state
        .store()
        .remove_material(found.id, change(&signed))
        .await?;
    Ok(Redirect::to(&format!(
        "/sprava/{slug}/schuzka/{id}?stav=ulozeno#materialy"
    ))
    .into_response())
}

/// `/sprava/{area}/material/{id}`: a material for the administration (also before its meeting's
/// minutes are published).
pub(crate) async fn material(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok((_, area)) => area,
        Err(redirect) => return Ok(redirect),
    };
    let (found, bytes) = state
        .store()
        .material(id)
        .await?
        .ok_or(AppError::NotFound)?;
    meeting_in(&state, &area, found.meeting.0).await?;
    Ok(private(super::group_pages::download(&found, bytes)))
}

/// `POST /sprava/{area}/schuzka/{id}/pozvanky`: e-mails every member with an address and a term
/// holding on the meeting's day an invitation with the meeting as a calendar file.
pub(crate) async fn invite(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    Form(form): Form<TokenOnly>,
) -> Result<Response, AppError> {
    let (_, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let (group, meeting) = meeting_in(&state, &area, id).await?;
    let now = chrono::Utc::now();
    let calendar = souhra_core::ical::calendar(
        &group.name,
        "REQUEST",
        &[super::group_pages::event(&state, &area, &group, &meeting)],
        now,
    );
    let base = state.config().public_base().to_owned();
    let t = state.translations();
    let mut sent = 0;
    for member in state.store().members(group.id).await? {
        if !in_term(member.term_from, member.term_to, meeting.starts.date()) {
            continue;
        }
        let Some(email) = member.email.as_deref().and_then(|e| Email::parse(e).ok()) else {
            continue;
        };
        let mut args = FluentArgs::new();
        args.set("group", group.name.clone());
        args.set("when", when(lang, &meeting));
        args.set("place", meeting.place.clone());
        args.set("agenda", meeting.agenda.clone().unwrap_or_default());
        args.set(
            "link",
            format!(
                "{base}{}",
                super::group_pages::group_href(area.slug.as_str(), group.id.0, &group.name)
            ),
        );
        args.set("feed", format!("{base}/kalendar/{}.ics", member.feed_token));
        let subject = t.text(lang, "meeting-invitation-subject", Some(&args));
        let body = t.text(lang, "meeting-invitation-body", Some(&args));
        match state
            .mailer()
            .send_invitation(&email, &subject, &body, &calendar)
            .await
        {
            Ok(()) => sent += 1,
            Err(error) => tracing::error!(%error, to = %email, "invitation could not be sent"),
        }
    }
    state.store().mark_invited(meeting.id, now).await?;
    Ok(Redirect::to(&format!("/sprava/{slug}/schuzka/{id}?pozvanky={sent}")).into_response())
}

//! The public side of the planning groups: `/{area}/skupiny` lists an area's groups with their
//! next meetings, `/{area}/skupina/{id}-{slug}` shows a group (organizations and sides of the
//! triad of its members — a name only where the member agreed —, coming meetings with agenda,
//! past meetings with the minutes the office published and their materials), and the calendar
//! feeds: `/{area}/skupina/{id}/kalendar.ics` per group and `/kalendar/{token}.ics` per person
//! (the meetings of every group they sit in, behind a secret link).

use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use souhra_core::area::Area;
use souhra_core::group::{Presence, in_term};
use souhra_core::ical::{Event, calendar};
use souhra_store::group::{Group, GroupId, Material, Meeting, MeetingId};

use super::cards::short_slug;
use super::groups::group_in;
use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::markdown::to_html;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// The public address of a group.
pub(crate) fn group_href(area: &str, id: i64, name: &str) -> String {
    format!("/{area}/skupina/{id}-{}", short_slug(name))
}

/// A meeting as a calendar event.
pub(crate) fn event(state: &AppState, area: &Area, group: &Group, meeting: &Meeting) -> Event {
    let base = state.config().public_base();
    let host = base
        .split("//")
        .nth(1)
        .and_then(|h| h.split(['/', ':']).next())
        .filter(|h| !h.is_empty())
        .unwrap_or("souhra.localhost");
    Event {
        uid: format!("meeting-{}@{host}", meeting.id.0),
        sequence: meeting.sequence,
        starts: meeting.starts,
        ends: meeting.ends,
        summary: group.name.clone(),
        location: Some(meeting.place.clone()),
        description: meeting.agenda.clone(),
        url: Some(format!(
            "{base}{}",
            group_href(area.slug.as_str(), group.id.0, &group.name)
        ))
        .filter(|u| u.starts_with("http")),
        cancelled: meeting.cancelled,
    }
}

/// A material as a download.
pub(crate) fn download(material: &Material, bytes: Vec<u8>) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    // Served as a download, never rendered in the site's origin.
    let kind = HeaderValue::from_str(&material.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_TYPE, kind);
    let ascii: String = material
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn ics(text: String, name: &str) -> Response {
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{name}.ics\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[derive(Serialize)]
struct GroupItem {
    href: String,
    name: String,
    kind: &'static str,
    description: Option<String>,
    next: Option<String>,
}

fn when(lang: Lang, meeting: &Meeting) -> String {
    format!(
        "{} {}–{}",
        lang.format_date(meeting.starts.date()),
        meeting.starts.format("%H:%M"),
        meeting.ends.format("%H:%M")
    )
}

/// `/{area}/skupiny`.
pub(crate) async fn groups(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let store = state.store();
    let groups = store.groups_of_area(area.id).await?;
    let ids: Vec<GroupId> = groups.iter().map(|g| g.id).collect();
    let meetings = store.meetings(&ids).await?;
    let now = souhra_core::ical::prague(chrono::Utc::now());
    let items: Vec<GroupItem> = groups
        .iter()
        .map(|g| GroupItem {
            href: group_href(area.slug.as_str(), g.id.0, &g.name),
            name: g.name.clone(),
            kind: g.kind.key(),
            description: g.description.clone(),
            next: meetings
                .iter()
                .find(|m| m.group == g.id && m.ends >= now && !m.cancelled)
                .map(|m| when(lang, m)),
        })
        .collect();
    let html = Page::new(&state, lang, &path_of(&uri))
        .title_key("groups-title")
        .nav("groups")
        .area(AreaView::new(&state, lang, &area))
        .render("groups.html", view! { groups => items })?;
    Ok(html.into_response())
}

#[derive(Serialize)]
struct PublicMember {
    name: Option<String>,
    organization: Option<String>,
    role: &'static str,
    position: Option<String>,
}

#[derive(Serialize)]
struct MaterialLink {
    href: String,
    name: String,
    size_kb: i64,
}

#[derive(Serialize)]
struct PublicMeeting {
    id: i64,
    when: String,
    date: String,
    place: String,
    agenda: Option<String>,
    minutes: Option<String>,
    cancelled: bool,
    present: usize,
    materials: Vec<MaterialLink>,
}

/// `/{area}/skupina/{id}-{slug}`.
pub(crate) async fn group_page(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let id = super::id_of_segment(&id_and_slug)?;
    let group = group_in(&state, &area, id).await?;
    let canonical = group_href(area.slug.as_str(), id, &group.name);
    if canonical.rsplit('/').next() != Some(id_and_slug.as_str()) {
        return Ok(Redirect::permanent(&canonical).into_response());
    }
    let store = state.store();
    let today = souhra_core::ical::prague(chrono::Utc::now()).date();
    let members: Vec<PublicMember> = store
        .members(group.id)
        .await?
        .into_iter()
        .filter(|m| in_term(m.term_from, m.term_to, today))
        .map(|m| PublicMember {
            // A member's name is personal data: shown only with their agreement.
            name: m.publish_name.then_some(m.name),
            organization: m.organization,
            role: m.role.key(),
            position: m.position,
        })
        .collect();
    let meetings = store.meetings(&[group.id]).await?;
    let published: Vec<MeetingId> = meetings
        .iter()
        .filter(|m| m.minutes_published)
        .map(|m| m.id)
        .collect();
    let materials = store.materials(&published).await?;
    let now = souhra_core::ical::prague(chrono::Utc::now());
    let mut upcoming = Vec::new();
    let mut past = Vec::new();
    for m in &meetings {
        let present = if m.minutes_published {
            store
                .attendance(m.id)
                .await?
                .iter()
                .filter(|(_, p)| *p == Presence::Present)
                .count()
        } else {
            0
        };
        let view = PublicMeeting {
            id: m.id.0,
            when: when(lang, m),
            date: lang.format_date(m.starts.date()),
            place: m.place.clone(),
            agenda: m.agenda.as_deref().map(to_html),
            minutes: m
                .minutes
                .as_deref()
                .filter(|_| m.minutes_published)
                .map(to_html),
            cancelled: m.cancelled,
            present,
            materials: materials
                .iter()
                .filter(|x| x.meeting == m.id)
                .map(|x| MaterialLink {
                    href: format!("/{}/material/{}", area.slug, x.id),
                    name: x.file_name.clone(),
                    size_kb: (x.size + 1023) / 1024,
                })
                .collect(),
        };
        if m.ends >= now {
            upcoming.push(view);
        } else {
            past.push(view);
        }
    }
    past.reverse();
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(group.name.clone())
        .nav("groups")
        .area(AreaView::new(&state, lang, &area))
        .render(
            "group.html",
            view! {
                name => group.name,
                kind => group.kind.key(),
                description => group.description.as_deref().map(to_html),
                members,
                upcoming,
                past,
                feed => format!("/{}/skupina/{}/kalendar.ics", area.slug, group.id.0),
            },
        )?;
    Ok(html.into_response())
}

/// `/{area}/skupina/{id}/kalendar.ics`: the group's meetings.
pub(crate) async fn group_feed(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let group = group_in(&state, &area, id).await?;
    let events: Vec<Event> = state
        .store()
        .meetings(&[group.id])
        .await?
        .iter()
        .map(|m| event(&state, &area, &group, m))
        .collect();
    Ok(ics(
        calendar(&group.name, "PUBLISH", &events, chrono::Utc::now()),
        &format!("skupina-{id}"),
    ))
}

/// `/kalendar/{token}.ics`: a person's meetings in every group of the area they sit in.
pub(crate) async fn person_feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    if token.len() < 16 {
        return Err(AppError::NotFound);
    }
    let store = state.store();
    let member = store
        .member_by_feed(token)
        .await?
        .ok_or(AppError::NotFound)?;
    let groups = store.groups_of_person(&member).await?;
    let Some(first) = groups.first() else {
        return Err(AppError::NotFound);
    };
    let area = store
        .areas()
        .await?
        .into_iter()
        .find(|a| a.id == first.area)
        .ok_or(AppError::NotFound)?;
    let ids: Vec<GroupId> = groups.iter().map(|g| g.id).collect();
    let events: Vec<Event> = store
        .meetings(&ids)
        .await?
        .iter()
        .filter_map(|m| {
            groups
                .iter()
                .find(|g| g.id == m.group)
                .map(|g| event(&state, &area, g, m))
        })
        .collect();
    let mut response = ics(
        calendar(&area.name, "PUBLISH", &events, chrono::Utc::now()),
        "kalendar",
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// `/{area}/material/{id}`: a material of a meeting whose minutes are published.
pub(crate) async fn material(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let (found, bytes) = state
        .store()
        .material(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, meeting) = super::groups::meeting_in(&state, &area, found.meeting.0).await?;
    if !meeting.minutes_published {
        return Err(AppError::NotFound);
    }
    Ok(download(&found, bytes))
}

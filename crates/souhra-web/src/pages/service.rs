//! `/{area}/sluzba/{id}-{slug}`: everything about one service, and
//! `/{area}/sluzba/{id}-{slug}/chyba`: the public's "report an error" form.

use std::net::IpAddr;

use axum::extract::{Form, OriginalUri, Path, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use souhra_core::catalogue::{AreaUnit, ServiceStatus};
use souhra_core::codelist::Codelist;
use souhra_core::public::{ErrorReport, PublicInputError};
use souhra_store::records::{ServiceDetail, ServiceId};

use super::cards::{
    MapPoint, PlaceView, card, map_points, place_view, provider_href, service_href,
};
use super::list::{list_cookie_ids, list_href};
use super::{id_of_segment, load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::middleware::ClientIp;
use crate::middleware::cookie_value;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// The service of a `{id}-{slug}` path segment, and whether the segment is its canonical one.
async fn load_service(
    state: &AppState,
    area: &str,
    id_and_slug: &str,
) -> Result<(ServiceDetail, Option<String>), AppError> {
    let id = id_of_segment(id_and_slug)?;
    let detail = state
        .store()
        .service(ServiceId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let canonical = service_href(area, id, &detail.name);
    let redirect = (canonical.rsplit('/').next() != Some(id_and_slug)).then_some(canonical);
    Ok((detail, redirect))
}

#[derive(Serialize)]
struct HoursRow {
    day: u8,
    opens: String,
    closes: String,
}

#[derive(Serialize)]
struct FormView {
    name: String,
    continuous: bool,
    capacities: Vec<(String, u32)>,
    hours: Vec<HoursRow>,
    hours_note: Option<String>,
}

#[derive(Serialize)]
struct UnitView {
    kind: &'static str,
    name: String,
}

async fn unit_view(
    state: &AppState,
    labels: &crate::catalogue::Labels,
    unit: AreaUnit,
) -> Result<UnitView, AppError> {
    let store = state.store();
    let (kind, name) = match unit {
        AreaUnit::Municipality(code) => (
            "municipality",
            labels
                .municipality(code)
                .map_or_else(|| code.to_string(), str::to_owned),
        ),
        AreaUnit::Orp(code) => (
            "orp",
            store
                .orp(code)
                .await?
                .map_or_else(|| code.to_string(), |o| o.name),
        ),
        AreaUnit::District(code) => ("district", code.to_string()),
        AreaUnit::Region(code) => (
            "region",
            store
                .region(code)
                .await?
                .map_or_else(|| code.to_string(), |r| r.name),
        ),
    };
    Ok(UnitView { kind, name })
}

/// schema.org JSON-LD of the service (no hidden address, no personal data), safe inside a
/// `<script>` element.
fn json_ld(detail: &ServiceDetail, url: &str, places: &[PlaceView], kind: &str) -> String {
    let addresses: Vec<serde_json::Value> = places
        .iter()
        .filter_map(|p| {
            p.address
                .as_ref()
                .map(|a| serde_json::json!({ "@type": "Place", "name": p.name, "address": a }))
        })
        .collect();
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Service",
        "name": detail.name,
        "serviceType": kind,
        "url": url,
        "provider": {
            "@type": "Organization",
            "name": detail.organization.organization.name,
        },
    });
    if let Some(description) = &detail.description {
        value["description"] = description.as_str().into();
    }
    if let Some(ico) = &detail.organization.organization.ico {
        value["provider"]["taxID"] = ico.as_str().into();
    }
    if let Some(phone) = detail.contacts.phones.first() {
        value["telephone"] = phone.as_str().into();
    }
    if !addresses.is_empty() {
        value["availableChannel"] = serde_json::json!({
            "@type": "ServiceChannel",
            "serviceLocation": addresses,
        });
    }
    serde_json::to_string(&value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

pub(crate) async fn service_page(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let (detail, redirect) = load_service(&state, &area.slug.to_string(), &id_and_slug).await?;
    if let Some(canonical) = redirect {
        return Ok(Redirect::permanent(&canonical).into_response());
    }
    let labels = state.labels();
    let area_slug = area.slug.to_string();
    let summary = card(&state, lang, &area_slug, &labels, &detail, None);
    let places: Vec<PlaceView> = detail
        .facilities
        .iter()
        .map(|f| place_view(f, &labels))
        .collect();
    let forms: Vec<FormView> = detail
        .forms
        .iter()
        .map(|f| FormView {
            name: super::cards::form_text(state.translations(), lang, f.form.key()),
            continuous: f.continuous,
            capacities: f
                .capacities
                .iter()
                .map(|c| {
                    (
                        labels.label(Codelist::CapacityType, &c.capacity_type),
                        c.count,
                    )
                })
                .collect(),
            hours: f
                .hours
                .iter()
                .map(|h| HoursRow {
                    day: h.weekday.number(),
                    opens: h.opens.format("%H:%M").to_string(),
                    closes: h.closes.format("%H:%M").to_string(),
                })
                .collect(),
            hours_note: f.hours_note.clone(),
        })
        .collect();
    let mut units = Vec::new();
    for unit in &detail.service_area {
        units.push(unit_view(&state, &labels, *unit).await?);
    }
    let targets: Vec<String> = detail
        .target_groups
        .iter()
        .map(|k| labels.label(Codelist::TargetGroup, k))
        .collect();
    let ages: Vec<String> = detail
        .age_groups
        .iter()
        .map(|k| labels.label(Codelist::AgeGroup, k))
        .collect();
    let points: Vec<MapPoint> = map_points(&detail, &summary.href, &labels);
    let map_data = serde_json::to_string(&points).unwrap_or_else(|_| "[]".into());
    let osm_links: Vec<String> = points
        .iter()
        .map(|p| {
            format!(
                "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=16/{lat:.5}/{lon:.5}",
                lat = p.lat,
                lon = p.lon
            )
        })
        .collect();
    let url = format!("{}{}", state.config().public_base(), summary.href);
    let ld = json_ld(&detail, &url, &places, &summary.kind);
    let mut list = list_cookie_ids(&headers);
    let in_list = list.contains(&detail.id.0);
    if !in_list {
        list.push(detail.id.0);
    }
    let add_href = list_href(&area_slug, &list);
    let view = AreaView::new(&state, lang, &area);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(detail.name.clone())
        .nav("services")
        .area(view)
        .render(
            "service.html",
            view! {
                s => summary,
                description => detail.description,
                fees => detail.fees,
                phones => detail.contacts.phones,
                emails => detail.contacts.valid_emails(),
                webs => detail.contacts.web_links(),
                registration_id => detail.registration_id.as_ref().map(|r| r.as_str().to_owned()),
                suspended => detail.status == ServiceStatus::Suspended,
                status_since => detail.status_since,
                provided_from => detail.provided_from,
                places,
                forms,
                units,
                targets,
                ages,
                map_data,
                osm_links,
                has_points => !points.is_empty(),
                tiles => state.config().tiles(),
                attribution => state.config().attribution(),
                json_ld => ld,
                in_list,
                add_href,
                report_href => format!("{}/chyba", service_href(&area_slug, detail.id.0, &detail.name)),
                provider_href => provider_href(&area_slug, detail.organization.id, &detail.organization.organization.name),
            },
        )?;
    Ok(html.into_response())
}

/// Name of the cookie holding the form token of the report form.
const CSRF_COOKIE: &str = "souhra_csrf";

pub(crate) fn random_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Internal(format!("randomness: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ReportForm {
    #[serde(default)]
    zprava: String,
    #[serde(default)]
    kontakt: String,
    /// The field the report is about (a local field key), if the reporter chose one.
    #[serde(default)]
    pole: String,
    /// The honeypot: hidden from people, filled in by robots.
    #[serde(default)]
    web: String,
    #[serde(default)]
    token: String,
}

#[allow(clippy::too_many_arguments)]
async fn render_report(
    state: &AppState,
    lang: Lang,
    area: &souhra_core::area::Area,
    detail: &ServiceDetail,
    path: &str,
    form: &ReportForm,
    problem: Option<&str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let token = random_token()?;
    let area_slug = area.slug.to_string();
    let view = AreaView::new(state, lang, area);
    let html = Page::new(state, lang, path)
        .title_key("report-title")
        .nav("services")
        .area(view)
        .render(
            "report.html",
            view! {
                service_name => detail.name,
                service_href => service_href(&area_slug, detail.id.0, &detail.name),
                action => format!("{}/chyba", service_href(&area_slug, detail.id.0, &detail.name)),
                message => form.zprava,
                contact => form.kontakt,
                field => form.pole,
                token,
                problem,
                min => souhra_core::public::REPORT_MESSAGE_CHARS.0,
                max => souhra_core::public::REPORT_MESSAGE_CHARS.1,
            },
        )?;
    Ok(with_form_token(
        state,
        (status, html).into_response(),
        &area_slug,
        &token,
    ))
}

/// Sets the cookie holding the form token of a public form of the area `area_slug` (the form
/// carries the same token; a submission without both is refused).
pub(crate) fn with_form_token(
    state: &AppState,
    mut response: Response,
    area_slug: &str,
    token: &str,
) -> Response {
    let secure = if state.config().is_https() {
        "; Secure"
    } else {
        ""
    };
    if let Ok(cookie) = HeaderValue::from_str(&format!(
        "{CSRF_COOKIE}={token}; Path=/{area_slug}; HttpOnly; SameSite=Strict{secure}"
    )) {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    response
}

/// Whether a public form's submitted token matches its cookie.
pub(crate) fn form_token_ok(headers: &HeaderMap, submitted: &str) -> bool {
    !submitted.is_empty() && cookie_value(headers, CSRF_COOKIE).is_some_and(|c| c == submitted)
}

pub(crate) async fn report_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let (detail, redirect) = load_service(&state, &area.slug.to_string(), &id_and_slug).await?;
    if let Some(canonical) = redirect {
        return Ok(Redirect::permanent(&format!("{canonical}/chyba")).into_response());
    }
    render_report(
        &state,
        lang,
        &area,
        &detail,
        &path_of(&uri),
        &ReportForm::default(),
        None,
        StatusCode::OK,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn report_submit(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    client: ClientIp,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<ReportForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let (detail, _) = load_service(&state, &area.slug.to_string(), &id_and_slug).await?;
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let token_ok = form_token_ok(&headers, &form.token);
    let thanks = format!(
        "{}/chyba/dekujeme",
        service_href(area.slug.as_str(), detail.id.0, &detail.name)
    );
    let (problem, status) = if !token_ok {
        ("report-expired", StatusCode::BAD_REQUEST)
    } else if !form.web.is_empty() {
        // A robot: it is told all went well, and nothing is kept.
        return Ok(Redirect::to(&thanks).into_response());
    } else {
        let client: IpAddr = client.0;
        match ErrorReport::new(&form.zprava, &form.kontakt) {
            Err(PublicInputError::Contact) => ("report-contact-too-long", StatusCode::BAD_REQUEST),
            Err(_) => ("report-message-length", StatusCode::BAD_REQUEST),
            Ok(_) if !state.allow_report(client) => {
                ("report-too-many", StatusCode::TOO_MANY_REQUESTS)
            }
            Ok(mut report) => {
                report.field = souhra_core::catalogue::LocalField::from_key(&form.pole);
                state
                    .store()
                    .add_error_report(detail.id, Some(area.id), &report, chrono::Utc::now())
                    .await?;
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("service", detail.name.clone());
                super::admin::notify_moderators(
                    &state,
                    &area,
                    "mail-report-subject",
                    "mail-report-body",
                    args,
                )
                .await?;
                return Ok(Redirect::to(&thanks).into_response());
            }
        }
    };
    let text = state.translations().text(lang, problem, None);
    render_report(
        &state,
        lang,
        &area,
        &detail,
        &path_of(&uri),
        &form,
        Some(&text),
        status,
    )
    .await
}

pub(crate) async fn report_thanks(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let (detail, _) = load_service(&state, &area.slug.to_string(), &id_and_slug).await?;
    let view = AreaView::new(&state, lang, &area);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title_key("report-thanks-title")
        .nav("services")
        .area(view)
        .render(
            "report_thanks.html",
            view! {
                service_name => detail.name,
                service_href => service_href(&area.slug.to_string(), detail.id.0, &detail.name),
            },
        )?;
    Ok(html.into_response())
}

//! The audit log of an area for its administrators, and of the whole installation (logins
//! included) for installation administrators: filters by account, action and time, each action
//! as a translated phrase, and the same rows as CSV.

use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, TimeZone, Utc};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::policy::Action;
use souhra_store::history::{AUDIT_ACTIONS, AuditFilter};

use super::account::ADMIN_HOME;
use super::admin::{area_page, installation_page};
use super::path_of;
use crate::auth::private;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, encode_query_value, view};
use crate::state::AppState;

/// Rows shown on the page (the CSV takes up to [`CSV_ROWS`]).
const PAGE_ROWS: usize = 500;
const CSV_ROWS: usize = 100_000;

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct AuditQuery {
    #[serde(default)]
    kdo: String,
    #[serde(default)]
    akce: String,
    #[serde(default)]
    od: String,
    #[serde(default)]
    do_: String,
    #[serde(default)]
    format: String,
}

#[derive(Serialize)]
struct Row {
    at: String,
    who: String,
    action: String,
    area: String,
    record: String,
    /// The history page of the record, where there is one.
    record_href: Option<String>,
    detail: String,
}

fn day(text: &str) -> Result<Option<chrono::DateTime<Utc>>, AppError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::BadRequest(format!("date {text:?}")))?;
    Ok(date.and_hms_opt(0, 0, 0).map(|d| Utc.from_utc_datetime(&d)))
}

/// A CSV field: quoted when needed, and a leading `= + - @` neutralised so spreadsheet
/// programs do not run it as a formula.
pub(crate) fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The translation key of an audit action (`service.edit` → `audit-event-service-edit`);
/// `None` for an action this version does not know (shown as stored).
pub(crate) fn action_key(action: &str) -> Option<String> {
    AUDIT_ACTIONS
        .contains(&action)
        .then(|| format!("audit-event-{}", action.replace('.', "-")))
}

/// `/sprava/{area}/audit`: the area's events, for administrators of the area.
pub(crate) async fn audit(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    Query(query): Query<AuditQuery>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = match area_page(&state, &headers, &uri, &slug, &Action::ManageUsers).await? {
        Ok((_, area)) => area,
        Err(redirect) => return Ok(redirect),
    };
    log_page(&state, lang, &uri, Some(&area), query).await
}

/// `/sprava/instalace/audit`: every event, logins and those of no area included, for
/// installation administrators.
pub(crate) async fn installation(
    State(state): State<AppState>,
    lang: Lang,
    Query(query): Query<AuditQuery>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    if let Err(redirect) = installation_page(&state, &headers, &uri).await? {
        return Ok(redirect);
    }
    log_page(&state, lang, &uri, None, query).await
}

async fn log_page(
    state: &AppState,
    lang: Lang,
    uri: &OriginalUri,
    area: Option<&Area>,
    query: AuditQuery,
) -> Result<Response, AppError> {
    let t = state.translations();
    let csv = query.format == "csv";
    let to = day(&query.do_)?.map(|d| d + chrono::Duration::days(1));
    let filter = AuditFilter {
        area: area.map(|a| a.id),
        email: Some(query.kdo.trim().to_lowercase()).filter(|e| !e.is_empty()),
        action: Some(query.akce.trim().to_owned()).filter(|a| !a.is_empty()),
        from: day(&query.od)?,
        to,
        limit: if csv { CSV_ROWS } else { PAGE_ROWS },
    };
    let entries = state.store().audit_log(&filter).await?;
    let areas = state.store().areas().await?;
    let rows: Vec<Row> = entries
        .into_iter()
        .map(|e| {
            let area = e.area.and_then(|id| areas.iter().find(|a| a.id == id));
            let record_href = match (e.entity.as_deref(), e.entity_id, area) {
                (Some("service"), Some(id), Some(area)) => {
                    Some(format!("{ADMIN_HOME}/{}/sluzba/{id}/historie", area.slug))
                }
                _ => None,
            };
            Row {
                at: e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                who: e.email.unwrap_or_default(),
                action: action_key(&e.action).map_or(e.action, |k| t.text(lang, &k, None)),
                area: area.map(|a| a.name.clone()).unwrap_or_default(),
                record: match (e.entity, e.entity_id) {
                    (Some(entity), Some(id)) => t.text(
                        lang,
                        &format!("audit-entity-{entity}"),
                        Some(&fluent_args(id)),
                    ),
                    _ => String::new(),
                },
                record_href,
                detail: e.detail.unwrap_or_default(),
            }
        })
        .collect();
    let name = area.map(|a| a.slug.to_string());
    if csv {
        return Ok(private(csv_response(
            state,
            lang,
            &rows,
            name.as_deref().unwrap_or("instalace"),
        )));
    }
    let base = match area {
        Some(area) => format!("{ADMIN_HOME}/{}/audit", area.slug),
        None => format!("{ADMIN_HOME}/instalace/audit"),
    };
    let csv_href = format!(
        "{base}?format=csv&kdo={}&akce={}&od={}&do_={}",
        encode_query_value(&query.kdo),
        encode_query_value(&query.akce),
        encode_query_value(&query.od),
        encode_query_value(&query.do_)
    );
    let scope_name = area.map_or_else(
        || t.text(lang, "installation-title", None),
        |a| a.name.clone(),
    );
    let html = Page::new(state, lang, &path_of(uri))
        .title(format!(
            "{} – {scope_name}",
            t.text(lang, "audit-title", None)
        ))
        .nav("admin")
        .render(
            "admin_audit.html",
            view! {
                scope_name,
                area_slug => name,
                action_url => base,
                rows,
                query,
                csv_href,
                limit => PAGE_ROWS,
            },
        )?;
    Ok(private(html.into_response()))
}

fn fluent_args(id: i64) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("id", id);
    args
}

fn csv_response(state: &AppState, lang: Lang, rows: &[Row], name: &str) -> Response {
    let t = state.translations();
    let mut out = String::from("\u{feff}");
    let head: Vec<String> = [
        "audit-at",
        "audit-who",
        "audit-action",
        "audit-area",
        "audit-record",
        "audit-detail",
    ]
    .iter()
    .map(|k| csv_field(&t.text(lang, k, None)))
    .collect();
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for r in rows {
        let line: Vec<String> = [&r.at, &r.who, &r.action, &r.area, &r.record, &r.detail]
            .iter()
            .map(|f| csv_field(f))
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    let mut response = out.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"audit-{name}.csv\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("prostý"), "prostý");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("řekl \"ne\""), "\"řekl \"\"ne\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-1"), "'-1");
    }

    #[test]
    fn known_actions_have_keys_and_unknown_ones_stay_raw() {
        assert_eq!(
            action_key("account.login-failed").as_deref(),
            Some("audit-event-account-login-failed")
        );
        assert_eq!(action_key("service.teleport"), None);
    }
}

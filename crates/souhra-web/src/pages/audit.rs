//! The audit log of an area for its administrators: filters by account, action and time, and
//! the same rows as CSV.

use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use souhra_core::policy::Action;
use souhra_store::history::AuditFilter;

use super::admin::area_page;
use super::path_of;
use crate::auth::private;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
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
    record: String,
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
fn csv_field(text: &str) -> String {
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

/// `/sprava/{area}/audit`: administrators of the area only.
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
    let csv = query.format == "csv";
    let to = day(&query.do_)?.map(|d| d + chrono::Duration::days(1));
    let filter = AuditFilter {
        area: Some(area.id),
        email: Some(query.kdo.trim().to_lowercase()).filter(|e| !e.is_empty()),
        action: Some(query.akce.trim().to_owned()).filter(|a| !a.is_empty()),
        from: day(&query.od)?,
        to,
        limit: if csv { CSV_ROWS } else { PAGE_ROWS },
    };
    let entries = state.store().audit_log(&filter).await?;
    let rows: Vec<Row> = entries
        .into_iter()
        .map(|e| Row {
            at: e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
            who: e.email.unwrap_or_default(),
            action: e.action,
            record: match (e.entity, e.entity_id) {
                (Some(entity), Some(id)) => format!("{entity} {id}"),
                _ => String::new(),
            },
            detail: e.detail.unwrap_or_default(),
        })
        .collect();
    if csv {
        let t = state.translations();
        let mut out = String::from("\u{feff}");
        let head: Vec<String> = [
            "audit-at",
            "audit-who",
            "audit-action",
            "audit-record",
            "audit-detail",
        ]
        .iter()
        .map(|k| csv_field(&t.text(lang, k, None)))
        .collect();
        out.push_str(&head.join(","));
        out.push_str("\r\n");
        for r in &rows {
            let line: Vec<String> = [&r.at, &r.who, &r.action, &r.record, &r.detail]
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
        if let Ok(value) =
            HeaderValue::from_str(&format!("attachment; filename=\"audit-{}.csv\"", area.slug))
        {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
        return Ok(private(response));
    }
    let csv_href = {
        let mut q = format!(
            "?format=csv&kdo={}&akce={}&od={}&do_={}",
            crate::page::encode_query_value(&query.kdo),
            crate::page::encode_query_value(&query.akce),
            crate::page::encode_query_value(&query.od),
            crate::page::encode_query_value(&query.do_)
        );
        q.insert_str(0, &format!("/sprava/{}/audit", area.slug));
        q
    };
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(format!(
            "{} – {}",
            state.translations().text(lang, "audit-title", None),
            area.name
        ))
        .nav("admin")
        .render(
            "admin_audit.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                rows,
                query,
                csv_href,
                limit => PAGE_ROWS,
            },
        )?;
    Ok(private(html.into_response()))
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
}

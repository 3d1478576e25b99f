//! PDFs from the public site: the area's brochure (`/{area}/katalog.pdf?format=a5`), kept until
//! the catalogue changes; a service's card (`/{area}/sluzba/{id}-{slug}/pdf`) and "my list"
//! (`/{area}/seznam.pdf?s=1.2.3`), made on request.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use souhra_core::area::Area;
use souhra_store::records::{ServiceDetail, ServiceId};

use super::list::{ListParams, parse_ids};
use super::{id_of_segment, load_area};
use crate::documents::{BrochureOptions, Grouping, Paper, Printer};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub(crate) struct BrochureParams {
    format: Option<String>,
}

pub(crate) fn pdf_response(
    bytes: impl Into<axum::body::Body>,
    file: &str,
    etag: Option<&str>,
) -> Response {
    let mut response = (StatusCode::OK, bytes.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{file}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    match etag.and_then(|e| HeaderValue::from_str(e).ok()) {
        Some(tag) => {
            headers.insert(ETAG, tag);
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        }
        None => {
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        }
    }
    response
}

/// The area's brochure by target groups in the visitor's language, A4 or A5: typeset once per
/// catalogue revision and kept.
pub(crate) async fn brochure(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<BrochureParams>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let paper = match params.format.as_deref() {
        None | Some("a4") => Paper::A4,
        Some("a5") => Paper::A5,
        Some(other) => return Err(AppError::BadRequest(format!("format {other:?}"))),
    };
    let area = load_area(&state, &slug).await?;
    let options = BrochureOptions {
        grouping: Grouping::TargetGroup,
        paper,
        lang,
    };
    let kept = state.brochures().get(&state, &area, options).await?;
    let etag = format!("\"{}-{}-{}\"", kept.revision, lang.code(), paper.key());
    if headers
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
    {
        return Ok(StatusCode::NOT_MODIFIED.into_response());
    }
    let file = format!("katalog-{}-{}.pdf", area.slug, paper.key());
    Ok(pdf_response(kept.bytes.clone(), &file, Some(&etag)))
}

/// One service's card.
pub(crate) async fn service_card(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let id = id_of_segment(&id_and_slug)?;
    let detail = state
        .store()
        .service(ServiceId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let title = detail.name.clone();
    let file = format!("sluzba-{id}.pdf");
    sheet_response(
        &state,
        lang,
        &area,
        title,
        std::slice::from_ref(&detail),
        &file,
    )
    .await
}

/// Typesets services in full (a card, a list) as a PDF response.
async fn sheet_response(
    state: &AppState,
    lang: Lang,
    area: &Area,
    title: String,
    details: &[ServiceDetail],
    file: &str,
) -> Result<Response, AppError> {
    let labels = state.labels();
    let printer = Printer::new(
        state.translations(),
        &labels,
        lang,
        area,
        state.config().public_url.as_deref(),
    );
    let sheet = printer.sheet(title, details, chrono::Utc::now().date_naive());
    let pdf = state.print_sheet(sheet).await?;
    Ok(pdf_response(pdf.bytes, file, None))
}

/// "My list" as a PDF.
pub(crate) async fn list(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    let ids = parse_ids(params.s.as_deref().unwrap_or_default())
        .ok_or_else(|| AppError::BadRequest("malformed list".into()))?;
    let wanted: Vec<ServiceId> = ids.iter().map(|id| ServiceId(*id)).collect();
    let details = state.store().services(&wanted).await?;
    let title = state.translations().text(lang, "doc-list-title", None);
    let file = format!("seznam-{}.pdf", area.slug);
    sheet_response(&state, lang, &area, title, &details, &file).await
}

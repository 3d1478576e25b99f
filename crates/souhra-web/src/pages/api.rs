//! `GET /api/obce?q=…&oblast=…&limit=…`: the municipality lookup as JSON, for "where I live"
//! pickers. Errors are JSON too: `{"error": "<code>", "message": "<English text>"}`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;
use souhra_store::territory::MunicipalityQuery;

use super::MAX_QUERY_CHARS;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub(crate) struct LookupParams {
    q: Option<String>,
    oblast: Option<String>,
    limit: Option<u32>,
}

#[derive(Serialize)]
struct Item {
    code: String,
    name: String,
    kind: souhra_core::territory::MunicipalityKind,
    orp: String,
    district: String,
    population: Option<u64>,
    postcode: Option<String>,
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({ "error": code, "message": message }))).into_response()
}

pub(crate) async fn municipalities(
    State(state): State<AppState>,
    params: Result<Query<LookupParams>, QueryRejection>,
) -> Response {
    let Ok(Query(params)) = params else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_query",
            "the query string cannot be read",
        );
    };
    let text = params.q.unwrap_or_default();
    if text.chars().count() > MAX_QUERY_CHARS {
        return error(
            StatusCode::BAD_REQUEST,
            "query_too_long",
            "q may have at most 100 characters",
        );
    }
    let store = state.store();
    let within = match params.oblast.as_deref() {
        None | Some("") => None,
        Some(slug) => match store.area_by_slug(slug).await {
            Ok(Some(area)) => Some(area.id),
            Ok(None) => {
                return error(
                    StatusCode::NOT_FOUND,
                    "unknown_area",
                    "no area has this slug",
                );
            }
            Err(e) => {
                tracing::error!(%e, "area lookup failed");
                return error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the database is not answering",
                );
            }
        },
    };
    let query = MunicipalityQuery {
        text,
        within,
        limit: params.limit.unwrap_or(10).clamp(1, 50),
    };
    match store.find_municipalities(&query).await {
        Ok(found) => {
            let items: Vec<Item> = found
                .into_iter()
                .map(|m| Item {
                    code: m.code.to_string(),
                    name: m.name,
                    kind: m.kind,
                    orp: m.orp_name,
                    district: m.district_name,
                    population: m.population,
                    postcode: m.postcode.map(|p| p.to_string()),
                })
                .collect();
            Json(items).into_response()
        }
        Err(e) => {
            tracing::error!(%e, "municipality lookup failed");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the database is not answering",
            )
        }
    }
}

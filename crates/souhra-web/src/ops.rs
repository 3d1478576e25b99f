//! Operational endpoints: `/healthz` (the process answers), `/readyz` (the database answers),
//! `/metrics` (Prometheus text).

use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

const NO_STORE: (header::HeaderName, &str) = (header::CACHE_CONTROL, "no-store");

/// `GET /healthz`: 200 while the process can answer.
pub(crate) async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, [NO_STORE], "ok\n")
}

/// `GET /readyz`: 200 when the database answers within two seconds, else 503.
pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    match tokio::time::timeout(Duration::from_secs(2), state.store().ping()).await {
        Ok(Ok(())) => (StatusCode::OK, [NO_STORE], "ready\n").into_response(),
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [NO_STORE],
                "database unavailable\n",
            )
                .into_response()
        }
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            [NO_STORE],
            "database timeout\n",
        )
            .into_response(),
    }
}

/// `GET /metrics`: Prometheus text format; requires the bearer token when one is configured.
pub(crate) async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = &state.config().metrics_token {
        let expected = format!("Bearer {token}");
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        if !given.is_some_and(|g| constant_time_eq(g.as_bytes(), expected.as_bytes())) {
            return (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer")],
                "unauthorized\n",
            )
                .into_response();
        }
    }
    let store = state.store();
    let backend = match store.backend_kind() {
        souhra_store::BackendKind::Sqlite => "sqlite",
        souhra_store::BackendKind::Postgres => "postgres",
    };
    let body = state
        .metrics()
        .render(&state.config().version, backend, store.pool_connections());
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            ),
            NO_STORE,
        ],
        body,
    )
        .into_response()
}

/// Compares secrets without an early exit that would leak their length of common prefix.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

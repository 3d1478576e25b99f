//! [`AppError`]: what a handler can fail with. The response carries only a marker; the
//! `error_pages` middleware turns it into a translated error page (it knows the language), and
//! the cause is logged, never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use souhra_store::StoreError;

/// A failed request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 404: no such page or record.
    #[error("not found")]
    NotFound,
    /// 400: input we cannot use.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 403: signed in (or not) without the right to this page or action.
    #[error("forbidden")]
    Forbidden,
    /// 503: the database is not reachable.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// 500: a bug or an unexpected failure.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Marker put on error responses for the `error_pages` middleware.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorPage(pub StatusCode);

impl AppError {
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unreachable { .. } | StoreError::Unavailable(_) => {
                Self::Unavailable(error.to_string())
            }
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<crate::documents::PrintError> for AppError {
    fn from(error: crate::documents::PrintError) -> Self {
        match error {
            crate::documents::PrintError::Store(e) => e.into(),
            crate::documents::PrintError::NoArea(_) => Self::NotFound,
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<minijinja::Error> for AppError {
    fn from(error: minijinja::Error) -> Self {
        Self::Internal(format!("template: {error:#}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        match &self {
            Self::Internal(cause) | Self::Unavailable(cause) => {
                tracing::error!(%status, cause, "request failed")
            }
            Self::BadRequest(cause) => tracing::debug!(%status, cause, "bad request"),
            Self::NotFound | Self::Forbidden => {}
        }
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage(status));
        response
    }
}

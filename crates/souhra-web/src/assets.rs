//! Static assets (`static/`) served under content-hashed URLs: `/static/<hash>/<name>` may be
//! cached for a year because a changed file gets a new URL.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::error::AppError;
use crate::state::AppState;

struct Asset {
    bytes: &'static [u8],
    hash: String,
    content_type: &'static str,
}

/// The embedded static files with their hashes.
pub(crate) struct Assets {
    files: HashMap<&'static str, Asset>,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// FNV-1a, 64 bits: enough to tell versions of a file apart.
fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Assets {
    pub(crate) fn load() -> Self {
        let files = crate::embedded::STATIC_FILES
            .iter()
            .map(|(name, bytes)| {
                let asset = Asset {
                    bytes,
                    hash: hash(bytes),
                    content_type: content_type(name),
                };
                (*name, asset)
            })
            .collect();
        Self { files }
    }

    /// The URL of an asset (`/static/<hash>/<name>`); unknown names give a URL that answers 404.
    pub(crate) fn url(&self, name: &str) -> String {
        match self.files.get(name) {
            Some(asset) => format!("/static/{}/{name}", asset.hash),
            None => format!("/static/missing/{name}"),
        }
    }
}

/// `GET /static/{hash}/{name}`.
pub(crate) async fn serve_asset(
    State(state): State<AppState>,
    Path((hash, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let asset = state
        .assets()
        .files
        .get(name.as_str())
        .ok_or(AppError::NotFound)?;
    let etag = format!("\"{}\"", asset.hash);
    let cache = if hash == asset.hash {
        "public, max-age=31536000, immutable"
    } else {
        // An old or made-up hash: serve the current file but do not let it stick.
        "no-cache"
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str())
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        asset.bytes.into_response()
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, value);
    }
    Ok(response)
}

/// `GET /favicon.ico`: browsers ask for it by default.
pub(crate) async fn favicon(State(state): State<AppState>) -> Redirect {
    Redirect::permanent(&state.assets().url("favicon.svg"))
}

/// `GET /robots.txt`: everything but the PDFs typeset on request (cards and lists; the
/// brochure, kept until the catalogue changes, may be crawled).
pub(crate) async fn robots() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "User-agent: *\nDisallow: /*/sluzba/*/pdf\nDisallow: /*/seznam.pdf\nDisallow: /sprava\nDisallow: /prihlaseni\nDisallow: /zapomenute-heslo\nDisallow: /nove-heslo/\nDisallow: /pozvanka/\nAllow: /\n",
    )
}

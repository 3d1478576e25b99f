//! `/jazyk/{cs|en|uk}?zpet=/path`: remembers the chosen language in a cookie and returns to the
//! page the visitor came from. A plain link, so it works without JavaScript.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::middleware::LANG_COOKIE;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub(crate) struct SwitchParams {
    zpet: Option<String>,
}

/// Whether `target` is a path on this site (not `//evil.example` or `https://…`), so the switch
/// cannot be used as an open redirect.
pub(crate) fn is_local_path(target: &str) -> bool {
    target.starts_with('/')
        && !target.starts_with("//")
        && !target.contains('\\')
        && target.len() <= 2000
        && !target.chars().any(char::is_control)
}

pub(crate) async fn switch(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(params): Query<SwitchParams>,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&code)
        .filter(|l| l.code() == code)
        .ok_or(AppError::NotFound)?;
    let target = params
        .zpet
        .filter(|t| is_local_path(t))
        .unwrap_or_else(|| "/".to_owned());
    let secure = if state.config().is_https() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        lang.code()
    );
    let mut response = Redirect::to(&target).into_response();
    let value = HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.to_string()))?;
    response.headers_mut().insert(header::SET_COOKIE, value);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_targets() {
        assert!(is_local_path("/nepomuk/obce?q=kr"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "evil",
            "",
            "/a\nb",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}

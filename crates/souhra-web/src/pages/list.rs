//! `/{area}/seznam?s=12.45.78`: "my list" — services someone picked, kept in the URL (no
//! account) so it can be shared, bookmarked and printed. The last list viewed is also kept in a
//! cookie, so that "add to my list" on a service page knows what to add to.

use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use souhra_store::records::ServiceId;

use super::cards::{ServiceCard, cards};
use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// Most services on one list.
pub(crate) const MAX_LIST: usize = 50;
const LIST_COOKIE: &str = "souhra_seznam";

/// The ids of a list parameter: `12.45.78` (commas and spaces also separate). Anything else is
/// malformed.
pub(crate) fn parse_ids(text: &str) -> Option<Vec<i64>> {
    let mut ids = Vec::new();
    for part in text.split(['.', ',', ' ']).filter(|p| !p.is_empty()) {
        if part.len() > 12 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let id: i64 = part.parse().ok().filter(|n| *n > 0)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    (ids.len() <= MAX_LIST).then_some(ids)
}

fn join(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(".")
}

/// The page of a list.
pub(crate) fn list_href(area: &str, ids: &[i64]) -> String {
    if ids.is_empty() {
        format!("/{area}/seznam")
    } else {
        format!("/{area}/seznam?s={}", join(ids))
    }
}

/// The list remembered by the cookie of this area (empty when none or malformed).
pub(crate) fn list_cookie_ids(headers: &HeaderMap) -> Vec<i64> {
    crate::middleware::cookie_value(headers, LIST_COOKIE)
        .and_then(parse_ids)
        .map(|mut ids| {
            ids.truncate(MAX_LIST - 1);
            ids
        })
        .unwrap_or_default()
}

#[derive(Debug, Deserialize)]
pub(crate) struct ListParams {
    pub(crate) s: Option<String>,
}

#[derive(Serialize)]
struct ListItem {
    #[serde(flatten)]
    card: ServiceCard,
    remove_href: String,
}

pub(crate) async fn my_list(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<ListParams>, QueryRejection>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    let area_slug = area.slug.to_string();
    let ids = parse_ids(params.s.as_deref().unwrap_or_default())
        .ok_or_else(|| AppError::BadRequest("malformed list".into()))?;
    let wanted: Vec<ServiceId> = ids.iter().map(|id| ServiceId(*id)).collect();
    let details = state.store().services(&wanted).await?;
    let kept: Vec<i64> = details.iter().map(|d| d.id.0).collect();
    let labels = state.labels();
    let items: Vec<ListItem> = cards(&state, lang, &area_slug, &labels, &details, &[])
        .into_iter()
        .map(|card| {
            let rest: Vec<i64> = kept.iter().copied().filter(|id| *id != card.id).collect();
            ListItem {
                remove_href: list_href(&area_slug, &rest),
                card,
            }
        })
        .collect();
    let missing = ids.len() - kept.len();
    let share_url = format!(
        "{}{}",
        state.config().public_base(),
        list_href(&area_slug, &kept)
    );
    let view = AreaView::new(&state, lang, &area);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title_key("list-title")
        .nav("list")
        .area(view)
        .render(
            "list.html",
            view! {
                items,
                missing,
                share_url,
                pdf_href => format!("/{area_slug}/seznam.pdf?s={}", join(&kept)),
                max => MAX_LIST,
            },
        )?;
    let mut response = html.into_response();
    let secure = if state.config().is_https() {
        "; Secure"
    } else {
        ""
    };
    if let Ok(cookie) = HeaderValue::from_str(&format!(
        "{LIST_COOKIE}={}; Path=/{area_slug}; Max-Age=31536000; SameSite=Lax{secure}",
        join(&kept)
    )) {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_ids_are_strict() {
        assert_eq!(parse_ids("12.45.78"), Some(vec![12, 45, 78]));
        assert_eq!(parse_ids("12,12 ,3"), Some(vec![12, 3]));
        assert_eq!(parse_ids(""), Some(vec![]));
        for bad in ["12.x", "-1", "0", "1;DROP TABLE", "<b>", "9999999999999"] {
            assert_eq!(parse_ids(bad), None, "{bad}");
        }
        let long: Vec<String> = (1..=51).map(|n| n.to_string()).collect();
        assert_eq!(parse_ids(&long.join(".")), None);
        assert_eq!(list_href("nepomuk", &[3, 1]), "/nepomuk/seznam?s=3.1");
    }
}

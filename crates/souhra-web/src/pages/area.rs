//! `/{area}`: an area's home page, and `/{area}/obce?q=…`: finding a municipality in it.

use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use serde::Deserialize;
use souhra_core::area::{AreaKind, AreaSlug};
use souhra_store::territory::MunicipalityQuery;

use super::{MAX_QUERY_CHARS, MunicipalityRow, load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// Areas with at most this many municipalities list them all on their home page; larger ones
/// (regions) offer the search instead.
const LIST_ALL_UP_TO: u64 = 100;

pub(crate) async fn area_page(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    uri: OriginalUri,
) -> Result<Html<String>, AppError> {
    let area = load_area(&state, &slug).await?;
    let store = state.store();
    let view = AreaView::new(&state, lang, &area);
    let summary = store.area_summary(area.id).await?;
    let views = |areas: Vec<souhra_core::area::Area>| -> Vec<AreaView> {
        areas
            .iter()
            .map(|a| AreaView::new(&state, lang, a))
            .collect()
    };
    let parents = views(store.area_parents(&area).await?);
    let children = views(store.area_children(&area).await?);
    let orps = match (area.kind, area.region) {
        (AreaKind::Region, Some(region)) => store.orps_in_region(region).await?,
        _ => Vec::new(),
    };
    let municipalities: Vec<MunicipalityRow> = if summary.municipalities <= LIST_ALL_UP_TO {
        store
            .area_municipalities(area.id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect()
    } else {
        Vec::new()
    };
    let situations = super::situations::views(&state, lang, area.id, area.slug.as_str()).await?;
    Page::new(&state, lang, &path_of(&uri))
        .title(view.title.clone())
        .nav("area")
        .area(view.clone())
        .render(
            "area.html",
            view! {
                summary,
                population_date => summary.population_date,
                parents,
                children,
                orps,
                municipalities,
                situations,
            },
        )
}

/// `/{area}/` → `/{area}`, for valid slugs only: the segment arrives percent-decoded, so
/// redirecting whatever came (`/%2F%2Fevil.example/`) would send visitors to another site.
pub(crate) async fn trailing_slash(Path(slug): Path<String>) -> Result<Redirect, AppError> {
    let slug = AreaSlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    Ok(Redirect::permanent(&format!("/{slug}")))
}

#[derive(Debug, Deserialize)]
pub(crate) struct SearchParams {
    q: Option<String>,
}

pub(crate) async fn search(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<SearchParams>, QueryRejection>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    let view = AreaView::new(&state, lang, &area);
    let query = params.q.unwrap_or_default().trim().to_owned();
    let page = Page::new(&state, lang, &path_of(&uri))
        .title_key("search-title")
        .nav("area")
        .area(view);
    if query.chars().count() > MAX_QUERY_CHARS {
        let mut args = FluentArgs::new();
        args.set("max", MAX_QUERY_CHARS);
        let problem = state
            .translations()
            .text(lang, "search-too-long", Some(&args));
        let shown: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let html = page.render(
            "search.html",
            view! { query => shown, problem, results => () },
        )?;
        return Ok((StatusCode::BAD_REQUEST, html).into_response());
    }
    let results: Vec<MunicipalityRow> = if query.is_empty() {
        Vec::new()
    } else {
        let lookup = MunicipalityQuery {
            text: query.clone(),
            within: Some(area.id),
            limit: 50,
        };
        state
            .store()
            .find_municipalities(&lookup)
            .await?
            .into_iter()
            .map(Into::into)
            .collect()
    };
    Ok(page
        .render("search.html", view! { query, problem => (), results })?
        .into_response())
}

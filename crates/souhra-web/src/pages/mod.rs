//! The HTML pages and the small JSON lookup API, one module per page.

pub(crate) mod about;
pub(crate) mod account;
pub(crate) mod admin;
pub(crate) mod analysis;
pub(crate) mod api;
pub(crate) mod area;
pub(crate) mod audit;
pub(crate) mod cards;
pub(crate) mod comments;
pub(crate) mod comments_admin;
pub(crate) mod group_pages;
pub(crate) mod groups;
pub(crate) mod home;
pub(crate) mod installation;
pub(crate) mod language;
pub(crate) mod list;
pub(crate) mod moderation;
pub(crate) mod municipality;
pub(crate) mod network;
pub(crate) mod plan_diff;
pub(crate) mod plan_export;
pub(crate) mod plan_figures;
pub(crate) mod plan_import;
pub(crate) mod planning;
pub(crate) mod plans;
pub(crate) mod print;
pub(crate) mod provider;
pub(crate) mod region;
pub(crate) mod service;
pub(crate) mod services;
pub(crate) mod settings;
pub(crate) mod settlement;
pub(crate) mod site;
pub(crate) mod situations;
pub(crate) mod survey_public;
pub(crate) mod surveys;
pub(crate) mod yearly;

use axum::extract::OriginalUri;
use serde::Serialize;
use souhra_core::area::Area;
use souhra_core::territory::MunicipalityKind;
use souhra_store::records::MunicipalitySummary;

use crate::error::AppError;
use crate::state::AppState;

/// Longest municipality search text accepted.
pub(crate) const MAX_QUERY_CHARS: usize = 100;

/// The area with this slug, or 404.
pub(crate) async fn load_area(state: &AppState, slug: &str) -> Result<Area, AppError> {
    state
        .store()
        .area_by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// Path and query of the request, for language links.
pub(crate) fn path_of(uri: &OriginalUri) -> String {
    uri.0
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned())
}

/// A municipality row of a table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MunicipalityRow {
    pub code: String,
    pub name: String,
    pub slug: String,
    pub kind: MunicipalityKind,
    pub orp_name: String,
    pub population: Option<u64>,
    pub postcode_text: String,
}

impl From<MunicipalitySummary> for MunicipalityRow {
    fn from(m: MunicipalitySummary) -> Self {
        Self {
            code: m.code.to_string(),
            name: m.name,
            slug: m.slug,
            kind: m.kind,
            orp_name: m.orp_name,
            population: m.population,
            postcode_text: m.postcode.map(|p| p.to_string()).unwrap_or_default(),
        }
    }
}

/// The record id of an `{id}-{slug}` path segment, or 404.
pub(crate) fn id_of_segment(segment: &str) -> Result<i64, AppError> {
    segment
        .split('-')
        .next()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .ok_or(AppError::NotFound)
}

/// The fallback for unknown addresses.
pub(crate) async fn not_found() -> AppError {
    AppError::NotFound
}

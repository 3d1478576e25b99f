//! Installation-wide pages: the accessibility statement and `sitemap.xml`.

use std::fmt::Write as _;

use axum::extract::{OriginalUri, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::{Html, IntoResponse, Response};

use super::cards::{provider_href, service_href};
use super::path_of;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::render::escape_html;
use crate::state::AppState;

pub(crate) async fn accessibility(
    State(state): State<AppState>,
    lang: Lang,
    uri: OriginalUri,
) -> Result<Html<String>, AppError> {
    Page::new(&state, lang, &path_of(&uri))
        .title_key("a11y-title")
        .nav("a11y")
        .render(
            "accessibility.html",
            view! { version => state.config().version },
        )
}

/// `/sitemap.xml`: every area, its services, providers and municipalities. Absolute URLs need
/// the public URL; without it the paths are given from the root.
pub(crate) async fn sitemap(State(state): State<AppState>) -> Result<Response, AppError> {
    let base = state.config().public_base().to_owned();
    let store = state.store();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |path: &str| {
        let _ = writeln!(
            xml,
            "<url><loc>{}</loc></url>",
            escape_html(&format!("{base}{path}"))
        );
    };
    url("/");
    url("/o-aplikaci");
    url("/pristupnost");
    for area in store.areas().await? {
        let slug = area.slug.to_string();
        url(&format!("/{slug}"));
        url(&format!("/{slug}/sluzby"));
        let mut providers = std::collections::BTreeMap::new();
        for s in store.services_in_area(area.id).await? {
            if s.status != souhra_core::catalogue::ServiceStatus::Ended {
                url(&service_href(&slug, s.id.0, &s.name));
                providers.insert(s.organization_id, s.organization);
            }
        }
        for (id, name) in providers {
            url(&provider_href(&slug, id, &name));
        }
        for m in store.area_municipalities(area.id).await? {
            url(&format!("/{slug}/obec/{}-{}", m.code, m.slug));
        }
    }
    xml.push_str("</urlset>\n");
    Ok(([(CONTENT_TYPE, "application/xml; charset=utf-8")], xml).into_response())
}

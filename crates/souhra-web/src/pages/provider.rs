//! `/{area}/poskytovatel/{id}-{slug}`: a provider and its services.

use axum::extract::{OriginalUri, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use souhra_core::catalogue::ServiceStatus;

use super::cards::{address_line, cards, provider_href};
use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

pub(crate) async fn provider_page(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let area_slug = area.slug.to_string();
    let id = super::id_of_segment(&id_and_slug)?;
    let store = state.store();
    let provider = store.organization(id).await?.ok_or(AppError::NotFound)?;
    let canonical = provider_href(&area_slug, id, &provider.organization.name);
    if canonical.rsplit('/').next() != Some(id_and_slug.as_str()) {
        return Ok(Redirect::permanent(&canonical).into_response());
    }
    let summaries = store.services_of_organization(id).await?;
    let ids: Vec<_> = summaries
        .iter()
        .filter(|s| s.status != ServiceStatus::Ended)
        .map(|s| s.id)
        .collect();
    let details = store.services(&ids).await?;
    let labels = state.labels();
    let services = cards(&state, lang, &area_slug, &labels, &details, &[]);
    let ended = summaries.len() - ids.len();
    let org = &provider.organization;
    let seat = org.seat.as_ref().map(|a| address_line(a, &labels));
    let view = AreaView::new(&state, lang, &area);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(org.name.clone())
        .nav("services")
        .area(view)
        .render(
            "provider.html",
            view! {
                name => org.name,
                ico => org.ico.as_ref().map(|i| i.as_str().to_owned()),
                legal_form => org.legal_form,
                seat,
                webs => org.contacts.web_links(),
                emails => org.contacts.valid_emails(),
                phones => org.contacts.phones,
                is_demo => provider.is_demo,
                services,
                ended,
            },
        )?;
    Ok(html.into_response())
}

//! `/o-aplikaci`: what Souhra is, where its data come from, the kinds of services.

use axum::extract::{OriginalUri, State};
use axum::response::Html;
use souhra_core::codelist::Codelist;

use super::path_of;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

pub(crate) async fn about(
    State(state): State<AppState>,
    lang: Lang,
    uri: OriginalUri,
) -> Result<Html<String>, AppError> {
    let store = state.store();
    let counts = store.territory_counts().await?;
    let kinds = store.codelist(Codelist::ServiceKind).await?;
    let fingerprint = store.territory_fingerprint().await?.unwrap_or_default();
    Page::new(&state, lang, &path_of(&uri))
        .title_key("about-title")
        .nav("about")
        .render("about.html", view! { counts, kinds, fingerprint })
}

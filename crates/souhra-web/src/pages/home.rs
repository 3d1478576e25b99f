//! `/`: the areas of this installation.

use axum::extract::{OriginalUri, State};
use axum::response::Html;
use serde::Serialize;

use super::path_of;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

#[derive(Serialize)]
struct AreaCard {
    #[serde(flatten)]
    area: AreaView,
    municipalities: u64,
    population: u64,
}

pub(crate) async fn home(
    State(state): State<AppState>,
    lang: Lang,
    uri: OriginalUri,
) -> Result<Html<String>, AppError> {
    let mut cards = Vec::new();
    for area in state.store().areas().await? {
        let summary = state.store().area_summary(area.id).await?;
        cards.push(AreaCard {
            area: AreaView::new(&state, lang, &area),
            municipalities: summary.municipalities,
            population: summary.population,
        });
    }
    Page::new(&state, lang, &path_of(&uri))
        .title_key("home-title")
        .nav("areas")
        .render("home.html", view! { areas => cards })
}

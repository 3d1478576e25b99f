//! Life situations: the ways into the catalogue on an area's home page. An area uses its
//! coordinator's list when there is one, else the installation's defaults; a default situation's
//! title and hint come from the translations (`situation-KEY`, `situation-KEY-hint`).

use serde::Serialize;
use souhra_core::area::AreaId;
use souhra_core::public::LifeSituation;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::encode_query_value;
use crate::state::AppState;

/// A situation as the home page shows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SituationView {
    pub key: String,
    pub title: String,
    pub hint: Option<String>,
    pub href: String,
    /// A title of the coordinator's own, in Czech.
    pub own_title: bool,
}

/// The situations in force for an area.
pub(crate) async fn of_area(
    state: &AppState,
    area: AreaId,
) -> Result<Vec<LifeSituation>, AppError> {
    Ok(match state.store().life_situations(area).await? {
        Some(own) => own,
        None => state.config().situations.clone(),
    })
}

fn has_key(state: &AppState, lang: Lang, key: &str) -> bool {
    state.translations().keys(lang).contains(key)
}

fn title(state: &AppState, lang: Lang, situation: &LifeSituation) -> (String, bool) {
    match &situation.title {
        Some(own) => (own.clone(), true),
        None => {
            let key = format!("situation-{}", situation.key);
            if has_key(state, Lang::Cs, &key) {
                (state.translations().text(lang, &key, None), false)
            } else {
                (situation.key.clone(), false)
            }
        }
    }
}

/// The title a situation shows in `lang` (its own, else the translated default, else its key).
pub(crate) fn title_in(state: &AppState, lang: Lang, situation: &LifeSituation) -> String {
    title(state, lang, situation).0
}

/// The results URL of a situation: its kinds and target groups as chosen filters.
pub(crate) fn href(area: &str, situation: &LifeSituation) -> String {
    let mut parts = vec![format!("situace={}", encode_query_value(&situation.key))];
    parts.extend(
        situation
            .kinds
            .iter()
            .map(|k| format!("druh={}", encode_query_value(k))),
    );
    parts.extend(
        situation
            .target_groups
            .iter()
            .map(|k| format!("cil={}", encode_query_value(k))),
    );
    format!("/{area}/sluzby?{}", parts.join("&"))
}

/// The situations of an area as shown.
pub(crate) async fn views(
    state: &AppState,
    lang: Lang,
    area: AreaId,
    slug: &str,
) -> Result<Vec<SituationView>, AppError> {
    Ok(of_area(state, area)
        .await?
        .iter()
        .map(|s| {
            let (title, own_title) = title(state, lang, s);
            let hint_key = format!("situation-{}-hint", s.key);
            SituationView {
                key: s.key.clone(),
                hint: (!own_title && has_key(state, Lang::Cs, &hint_key))
                    .then(|| state.translations().text(lang, &hint_key, None)),
                href: href(slug, s),
                title,
                own_title,
            }
        })
        .collect())
}

/// The title of the area's situation `key`, if it has one.
pub(crate) async fn title_of(
    state: &AppState,
    lang: Lang,
    area: AreaId,
    key: &str,
) -> Result<Option<String>, AppError> {
    Ok(of_area(state, area)
        .await?
        .iter()
        .find(|s| s.key == key)
        .map(|s| title(state, lang, s).0))
}

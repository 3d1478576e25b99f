//! An area's settings for its coordinator: the coordinator's contacts (printed in the brochure)
//! and the life situations on the area's home page (the ways into the catalogue: a title, kinds
//! of services and target groups), edited one at a time, reordered, removed, or reset to the
//! installation's defaults.

use axum::Form;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::codelist::Codelist;
use souhra_core::policy::Action;
use souhra_core::public::{CoordinatorContact, LifeSituation};

use super::admin::{area_page, area_post, audit};
use crate::auth::{Signed, private};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

/// The key in the URL of a situation not made yet.
const NEW: &str = "nova";

#[derive(Serialize)]
struct SituationRow {
    key: String,
    title: String,
    kinds: usize,
    target_groups: usize,
}

async fn settings_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    contact: &CoordinatorContact,
    message: Option<(String, bool)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let situations: Vec<SituationRow> = super::situations::of_area(state, area.id)
        .await?
        .iter()
        .map(|s| SituationRow {
            key: s.key.clone(),
            title: super::situations::title_in(state, lang, s),
            kinds: s.kinds.len(),
            target_groups: s.target_groups.len(),
        })
        .collect();
    let own = state.store().life_situations(area.id).await?.is_some();
    let (message, is_problem) = message.map_or((None, false), |(m, p)| (Some(m), p));
    let html = Page::new(state, lang, &format!("/sprava/{}/nastaveni", area.slug))
        .title(format!(
            "{} – {}",
            state.translations().text(lang, "settings-title", None),
            area.name
        ))
        .nav("admin")
        .render(
            "admin_settings.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                contact,
                situations,
                own,
                message,
                is_problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// The settings page of an area (coordinators and administrators).
pub(crate) async fn settings(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::Moderate).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let contact = state
        .store()
        .coordinator_contact(area.id)
        .await?
        .unwrap_or_default();
    let message = match uri.0.query() {
        Some("stav=ulozeno") => Some((state.translations().text(lang, "admin-saved", None), false)),
        _ => None,
    };
    settings_page(
        &state,
        lang,
        &signed,
        &area,
        &contact,
        message,
        StatusCode::OK,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ContactForm {
    #[serde(default)]
    office: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    web: String,
    #[serde(default)]
    csrf: String,
}

fn given(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Saves the coordinator's contacts; all empty removes them.
pub(crate) async fn save_contact(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    form: Result<Form<ContactForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::Moderate).await?;
    let contact = CoordinatorContact {
        office: given(&form.office),
        person: given(&form.person),
        address: given(&form.address),
        phone: given(&form.phone),
        email: given(&form.email),
        web: given(&form.web),
    };
    let empty = contact == CoordinatorContact::default();
    let saved = if empty {
        None
    } else {
        match contact.clone().normalized() {
            Ok(clean) => Some(clean),
            Err(_) => {
                let text = state
                    .translations()
                    .text(lang, "settings-contact-invalid", None);
                return settings_page(
                    &state,
                    lang,
                    &signed,
                    &area,
                    &contact,
                    Some((text, true)),
                    StatusCode::BAD_REQUEST,
                )
                .await;
            }
        }
    };
    state
        .store()
        .save_coordinator_contact(area.id, saved.as_ref(), chrono::Utc::now())
        .await?;
    audit(&state, &signed, &area, "area.contact", None).await?;
    Ok(Redirect::to(&format!("/sprava/{}/nastaveni?stav=ulozeno", area.slug)).into_response())
}

#[derive(Serialize)]
struct Choice {
    key: String,
    label: String,
    checked: bool,
}

async fn choices(
    state: &AppState,
    list: Codelist,
    chosen: &[String],
) -> Result<Vec<Choice>, AppError> {
    let labels = state.labels();
    Ok(state
        .store()
        .codelist(list)
        .await?
        .into_iter()
        .map(|e| Choice {
            checked: chosen.contains(&e.key),
            label: labels.label(list, &e.key),
            key: e.key,
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
async fn situation_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    key: &str,
    situation: &LifeSituation,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let default_title = (key != NEW).then(|| {
        super::situations::title_in(
            state,
            lang,
            &LifeSituation {
                title: None,
                ..situation.clone()
            },
        )
    });
    let html = Page::new(state, lang, &format!("/sprava/{}/situace/{key}", area.slug))
        .title(state.translations().text(lang, "situation-edit-title", None))
        .nav("admin")
        .render(
            "admin_situation.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                key,
                is_new => key == NEW,
                title => situation.title.clone().unwrap_or_default(),
                default_title,
                kinds => choices(state, Codelist::ServiceKind, &situation.kinds).await?,
                target_groups => choices(state, Codelist::TargetGroup, &situation.target_groups).await?,
                problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// The form of one situation (`nova` for a new one).
pub(crate) async fn situation_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, key)): Path<(String, String)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::Moderate).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let situation = if key == NEW {
        LifeSituation {
            key: String::new(),
            title: None,
            kinds: Vec::new(),
            target_groups: Vec::new(),
        }
    } else {
        super::situations::of_area(&state, area.id)
            .await?
            .into_iter()
            .find(|s| s.key == key)
            .ok_or(AppError::NotFound)?
    };
    situation_page(
        &state,
        lang,
        &signed,
        &area,
        &key,
        &situation,
        None,
        StatusCode::OK,
    )
    .await
}

/// One value of a repeated form field.
fn values(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

fn value(pairs: &[(String, String)], name: &str) -> String {
    values(pairs, name).into_iter().next().unwrap_or_default()
}

/// Saves one situation (or makes a new one, keyed by its title); the whole list is checked and
/// stored at once, so an area that kept the defaults gets its own copy.
pub(crate) async fn save_situation(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, key)): Path<(String, String)>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(
        &state,
        &headers,
        &value(&pairs, "csrf"),
        &slug,
        &Action::Moderate,
    )
    .await?;
    let mut list = super::situations::of_area(&state, area.id).await?;
    let title = value(&pairs, "nazev");
    let labels = state.labels();
    let kinds: Vec<String> = values(&pairs, "druh")
        .into_iter()
        .filter(|k| labels.has(Codelist::ServiceKind, k))
        .collect();
    let target_groups: Vec<String> = values(&pairs, "cil")
        .into_iter()
        .filter(|k| labels.has(Codelist::TargetGroup, k))
        .collect();
    let new_key = if key == NEW {
        let base = souhra_core::text::slugify(&title);
        let base = if base.is_empty() {
            "situace".to_owned()
        } else {
            base.chars().take(40).collect()
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while list.iter().any(|s| s.key == candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        candidate
    } else {
        if !list.iter().any(|s| s.key == key) {
            return Err(AppError::NotFound);
        }
        key.clone()
    };
    let situation = LifeSituation {
        key: new_key.clone(),
        title: (!title.is_empty()).then_some(title),
        kinds,
        target_groups,
    };
    let problem = if key == NEW && situation.title.is_none() {
        Some("situation-needs-title")
    } else {
        situation.validate().err().map(|_| "situation-invalid")
    };
    if let Some(problem) = problem {
        let text = state.translations().text(lang, problem, None);
        return situation_page(
            &state,
            lang,
            &signed,
            &area,
            &key,
            &situation,
            Some(text),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    match list.iter_mut().find(|s| s.key == new_key) {
        Some(slot) => *slot = situation,
        None => list.push(situation),
    }
    LifeSituation::validate_all(&list).map_err(|e| AppError::BadRequest(e.to_string()))?;
    state.store().save_life_situations(area.id, &list).await?;
    audit(&state, &signed, &area, "area.situations", Some(&new_key)).await?;
    Ok(Redirect::to(&format!("/sprava/{}/nastaveni?stav=ulozeno", area.slug)).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SituationAction {
    #[serde(default)]
    akce: String,
    #[serde(default)]
    klic: String,
    #[serde(default)]
    csrf: String,
}

/// Moves a situation up, removes it, or goes back to the installation's defaults.
pub(crate) async fn situation_action(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    form: Result<Form<SituationAction>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::Moderate).await?;
    let mut list = super::situations::of_area(&state, area.id).await?;
    let at = list.iter().position(|s| s.key == form.klic);
    match (form.akce.as_str(), at) {
        ("vychozi", _) => list.clear(),
        ("nahoru", Some(i)) if i > 0 => list.swap(i, i - 1),
        ("nahoru", Some(_)) => {}
        ("smazat", Some(i)) => {
            list.remove(i);
            if list.is_empty() {
                return Err(AppError::BadRequest(
                    "the last situation cannot be removed; reset to the defaults instead".into(),
                ));
            }
        }
        (_, None) if form.akce != "vychozi" => return Err(AppError::NotFound),
        _ => return Err(AppError::BadRequest("akce".into())),
    }
    state.store().save_life_situations(area.id, &list).await?;
    let detail = format!("{} {}", form.akce, form.klic);
    audit(&state, &signed, &area, "area.situations", Some(&detail)).await?;
    Ok(Redirect::to(&format!("/sprava/{}/nastaveni?stav=ulozeno", area.slug)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_fields_are_all_read_and_blank_ones_dropped() {
        let pairs: Vec<(String, String)> = [
            ("druh", "40"),
            ("druh", " "),
            ("druh", "44"),
            ("nazev", " Pečuji "),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        assert_eq!(
            values(&pairs, "druh"),
            vec!["40".to_owned(), "44".to_owned()]
        );
        assert_eq!(value(&pairs, "nazev"), "Pečuji");
        assert_eq!(value(&pairs, "cil"), "");
    }
}

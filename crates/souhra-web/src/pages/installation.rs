//! The installation's own administration, for installation administrators: its planning areas
//! (create one, change a name or territory) and the display labels of the registry codelists.
//! The installation-wide audit log is [`super::audit::installation`].

use axum::Form;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::{Area, AreaKind, AreaScope, AreaSlug, AreaSlugError, NewArea, ScopeError};
use souhra_core::codelist::Codelist;
use souhra_store::StoreError;
use souhra_store::codelist::DISPLAY_LABEL_MAX;

use super::admin::{installation_page, installation_post};
use super::path_of;
use crate::auth::{Signed, private};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

/// The installation's pages, under the administration's home.
pub(crate) const HOME: &str = "/sprava/instalace";

/// Longest area name, in characters.
const NAME_MAX: usize = 120;

#[derive(Serialize)]
struct AreaRow {
    slug: String,
    name: String,
    kind: &'static str,
    municipalities: u64,
    population: u64,
    is_demo: bool,
}

#[derive(Serialize)]
struct ListLink {
    key: &'static str,
    name: String,
}

fn list_name(state: &AppState, lang: Lang, list: Codelist) -> String {
    state.translations().text(
        lang,
        &format!("codelist-{}", list.key().replace('_', "-")),
        None,
    )
}

fn list_links(state: &AppState, lang: Lang) -> Vec<ListLink> {
    Codelist::ALL
        .into_iter()
        .map(|list| ListLink {
            key: list.key(),
            name: list_name(state, lang, list),
        })
        .collect()
}

/// `/sprava/instalace`: the areas with their size, and the ways to the other installation pages.
pub(crate) async fn home(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    if let Err(redirect) = installation_page(&state, &headers, &uri).await? {
        return Ok(redirect);
    }
    let mut areas = Vec::new();
    for area in state.store().areas().await? {
        let summary = state.store().area_summary(area.id).await?;
        areas.push(AreaRow {
            slug: area.slug.to_string(),
            name: area.name,
            kind: area.kind.key(),
            municipalities: summary.municipalities,
            population: summary.population,
            is_demo: area.is_demo,
        });
    }
    let saved = uri.0.query() == Some("stav=ulozeno");
    let html = Page::new(&state, lang, &path_of(&uri))
        .title_key("installation-title")
        .nav("admin")
        .render(
            "admin_installation.html",
            view! { areas, lists => list_links(&state, lang), saved },
        )?;
    Ok(private(html.into_response()))
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct AreaForm {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    nazev: String,
    #[serde(default)]
    druh: String,
    #[serde(default)]
    kody: String,
    #[serde(default)]
    demo: String,
    #[serde(default)]
    csrf: String,
}

impl AreaForm {
    /// The form filled with a stored area.
    async fn of(state: &AppState, area: &Area) -> Result<Self, AppError> {
        let kody = match area.kind {
            AreaKind::Region | AreaKind::Orp => area
                .territory_code
                .map(|c| c.to_string())
                .unwrap_or_default(),
            AreaKind::Municipalities => state
                .store()
                .area_municipalities(area.id)
                .await?
                .iter()
                .map(|m| m.code.to_string())
                .collect::<Vec<_>>()
                .join(" "),
        };
        Ok(Self {
            slug: area.slug.to_string(),
            nazev: area.name.clone(),
            druh: area.kind.key().to_owned(),
            kody,
            demo: if area.is_demo {
                "1".into()
            } else {
                String::new()
            },
            csrf: String::new(),
        })
    }

    /// The area the form describes, or the translation key of the first field at fault.
    fn parse(&self, slug: &str) -> Result<NewArea, &'static str> {
        let slug = AreaSlug::parse(slug).map_err(|e| match e {
            AreaSlugError::Invalid(_) => "installation-area-slug-invalid",
            AreaSlugError::Reserved(_) => "installation-area-slug-reserved",
        })?;
        let name = self.nazev.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX || name.chars().any(char::is_control)
        {
            return Err("installation-area-name-invalid");
        }
        let kind = AreaKind::from_key(&self.druh).ok_or("installation-area-kind-invalid")?;
        let scope = AreaScope::from_codes(kind, &self.kody).map_err(|e| match e {
            ScopeError::Code(_) => "installation-area-codes-invalid",
            ScopeError::Count => "installation-area-codes-count",
        })?;
        Ok(NewArea {
            slug,
            name: name.to_owned(),
            scope,
            is_demo: self.demo == "1",
        })
    }
}

#[allow(clippy::too_many_arguments)]
async fn area_form_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    path: &str,
    form: &AreaForm,
    editing: bool,
    problem: Option<&str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = state.translations();
    let title = if editing {
        let mut args = FluentArgs::new();
        args.set("name", form.nazev.clone());
        t.text(lang, "installation-area-edit", Some(&args))
    } else {
        t.text(lang, "installation-area-new", None)
    };
    let message = problem.map(|key| t.text(lang, key, None));
    let kinds: Vec<&str> = [AreaKind::Region, AreaKind::Orp, AreaKind::Municipalities]
        .iter()
        .map(|k| k.key())
        .collect();
    let html = Page::new(state, lang, path)
        .title(title.clone())
        .nav("admin")
        .render(
            "admin_area_form.html",
            view! {
                title,
                form,
                editing,
                kinds,
                message,
                action => path,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// Saves an area from the form (`editing`: the one with `slug`), or shows the form again with
/// the field at fault.
async fn save(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    path: &str,
    form: &AreaForm,
    slug: &str,
    editing: bool,
) -> Result<Response, AppError> {
    let refuse = |key: &'static str| {
        area_form_page(
            state,
            lang,
            signed,
            path,
            form,
            editing,
            Some(key),
            StatusCode::BAD_REQUEST,
        )
    };
    let new = match form.parse(slug) {
        Ok(new) => new,
        Err(key) => return refuse(key).await,
    };
    let saved = if editing {
        state.store().save_area(&new).await.map(|(area, _)| area)
    } else {
        state.store().create_area(&new).await
    };
    let area = match saved {
        Ok(area) => area,
        Err(StoreError::Conflict(_)) => return refuse("installation-area-slug-taken").await,
        Err(StoreError::NotFound(_) | StoreError::Invalid(_)) => {
            return refuse("installation-area-codes-unknown").await;
        }
        Err(e) => return Err(e.into()),
    };
    state.forget_kept();
    let summary = state.store().area_summary(area.id).await?;
    let detail = format!(
        "{} {} {} ({} municipalities)",
        area.slug,
        area.kind.key(),
        area.name,
        summary.municipalities
    );
    state
        .store()
        .record_event(
            chrono::Utc::now(),
            Some(signed.account.id),
            Some(area.id),
            if editing {
                "area.update"
            } else {
                "area.create"
            },
            Some(&detail),
        )
        .await?;
    tracing::info!(by = signed.account.id.0, area = %area.slug, editing, "area saved");
    Ok(Redirect::to(&format!("{HOME}?stav=ulozeno")).into_response())
}

/// `/sprava/instalace/nova-oblast`: the form for a new area.
pub(crate) async fn new_area(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let signed = match installation_page(&state, &headers, &uri).await? {
        Ok(signed) => signed,
        Err(redirect) => return Ok(redirect),
    };
    let form = AreaForm {
        druh: AreaKind::Orp.key().to_owned(),
        ..AreaForm::default()
    };
    area_form_page(
        &state,
        lang,
        &signed,
        &path_of(&uri),
        &form,
        false,
        None,
        StatusCode::OK,
    )
    .await
}

/// Creates an area.
pub(crate) async fn create_area(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<AreaForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let signed = installation_post(&state, &headers, &form.csrf).await?;
    save(
        &state,
        lang,
        &signed,
        uri.0.path(),
        &form,
        &form.slug.clone(),
        false,
    )
    .await
}

/// `/sprava/instalace/oblasti/{slug}`: an area's form.
pub(crate) async fn area_form(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let signed = match installation_page(&state, &headers, &uri).await? {
        Ok(signed) => signed,
        Err(redirect) => return Ok(redirect),
    };
    let area = super::load_area(&state, &slug).await?;
    let form = AreaForm::of(&state, &area).await?;
    area_form_page(
        &state,
        lang,
        &signed,
        &path_of(&uri),
        &form,
        true,
        None,
        StatusCode::OK,
    )
    .await
}

/// Saves an area's name, territory and demonstration flag (its slug stays).
pub(crate) async fn update_area(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<AreaForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(mut form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let signed = installation_post(&state, &headers, &form.csrf).await?;
    let area = super::load_area(&state, &slug).await?;
    form.slug = area.slug.to_string();
    save(
        &state,
        lang,
        &signed,
        uri.0.path(),
        &form,
        area.slug.as_str(),
        true,
    )
    .await
}

#[derive(Serialize)]
struct LabelRow {
    key: String,
    official: String,
    shown: String,
    field: String,
}

fn codelist_of(key: &str) -> Result<Codelist, AppError> {
    Codelist::from_key(key).ok_or(AppError::NotFound)
}

/// The form field of an entry's display label (keys of imported codes contain `/`).
fn field_of(key: &str) -> String {
    format!("l:{key}")
}

#[allow(clippy::too_many_arguments)]
async fn labels_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    list: Codelist,
    typed: Option<&[(String, String)]>,
    message: Option<(String, bool)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let shown: std::collections::HashMap<String, String> = state
        .store()
        .display_labels()
        .await?
        .into_iter()
        .filter(|(l, _, _)| *l == list)
        .map(|(_, key, label)| (key, label))
        .collect();
    let rows: Vec<LabelRow> = state
        .store()
        .codelist(list)
        .await?
        .into_iter()
        .map(|entry| {
            let field = field_of(&entry.key);
            let shown = match typed {
                Some(typed) => typed
                    .iter()
                    .find(|(name, _)| *name == field)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
                None => shown.get(&entry.key).cloned().unwrap_or_default(),
            };
            LabelRow {
                official: entry.label.unwrap_or_else(|| entry.key.clone()),
                key: entry.key,
                shown,
                field,
            }
        })
        .collect();
    let name = list_name(state, lang, list);
    let (message, is_problem) = message.map_or((None, false), |(m, p)| (Some(m), p));
    let html = Page::new(state, lang, &format!("{HOME}/ciselniky/{}", list.key()))
        .title(format!(
            "{} – {name}",
            state
                .translations()
                .text(lang, "installation-labels-title", None)
        ))
        .nav("admin")
        .render(
            "admin_labels.html",
            view! {
                list_key => list.key(),
                list_name => name,
                lists => list_links(state, lang),
                rows,
                max => DISPLAY_LABEL_MAX,
                message,
                is_problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// `/sprava/instalace/ciselniky/{list}`: a codelist's entries with their display labels.
pub(crate) async fn labels(
    State(state): State<AppState>,
    lang: Lang,
    Path(list): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let signed = match installation_page(&state, &headers, &uri).await? {
        Ok(signed) => signed,
        Err(redirect) => return Ok(redirect),
    };
    let list = codelist_of(&list)?;
    let message = (uri.0.query() == Some("stav=ulozeno"))
        .then(|| (state.translations().text(lang, "admin-saved", None), false));
    labels_page(&state, lang, &signed, list, None, message, StatusCode::OK).await
}

/// Saves the display labels of a codelist: a filled field sets one, an emptied one brings the
/// official label back. Nothing is saved when any field is at fault.
pub(crate) async fn save_labels(
    State(state): State<AppState>,
    lang: Lang,
    Path(list): Path<String>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let csrf = pairs
        .iter()
        .find(|(name, _)| name == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let signed = installation_post(&state, &headers, csrf).await?;
    let list = codelist_of(&list)?;
    let entries = state.store().codelist(list).await?;
    let mut changes = Vec::new();
    for entry in &entries {
        let Some((_, value)) = pairs.iter().find(|(name, _)| *name == field_of(&entry.key)) else {
            continue;
        };
        let value = value.trim();
        if value.chars().count() > DISPLAY_LABEL_MAX || value.chars().any(char::is_control) {
            let mut args = FluentArgs::new();
            args.set(
                "entry",
                entry.label.clone().unwrap_or_else(|| entry.key.clone()),
            );
            args.set("max", DISPLAY_LABEL_MAX);
            let text = state
                .translations()
                .text(lang, "installation-label-invalid", Some(&args));
            return labels_page(
                &state,
                lang,
                &signed,
                list,
                Some(&pairs),
                Some((text, true)),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
        // A label equal to the official one is no display label.
        let label = Some(value).filter(|v| !v.is_empty() && Some(*v) != entry.label.as_deref());
        changes.push((entry.key.as_str(), label));
    }
    state
        .store()
        .set_display_labels(list, &changes, Some(signed.account.id), chrono::Utc::now())
        .await?;
    Ok(Redirect::to(&format!("{HOME}/ciselniky/{}?stav=ulozeno", list.key())).into_response())
}

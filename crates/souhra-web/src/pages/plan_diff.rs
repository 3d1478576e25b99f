//! What changed between two texts of a plan, element by element (`/{area}/plan/{id}/zmeny`,
//! `/sprava/{area}/plan/{id}/zmeny`): the texts are the plan's versions and the texts published
//! for comment; elements are matched by their stable keys, and each changed field shows its
//! words removed and added. The public compares what was published (approved versions and the
//! texts out for comment); the administration any version, drafts included.

use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::diff::{Change, ElementDiff, ElementText, diff_elements};
use souhra_core::policy::Action;
use souhra_store::comment::PlanText;
use souhra_store::plan::Plan;

use super::admin::area_page;
use super::comments::labels_of;
use super::{load_area, path_of};
use crate::auth::private;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// A text that can be compared.
#[derive(Debug, Clone, Serialize)]
struct Side {
    /// `v2` (version 2) or `p5` (the text published in comment period 5).
    key: String,
    label: String,
}

/// The texts of a plan the reader may compare, oldest first.
async fn sides(
    state: &AppState,
    lang: Lang,
    plan: &Plan,
    admin: bool,
) -> Result<Vec<Side>, AppError> {
    let tr = state.translations();
    let periods = state.store().comment_periods(plan.id).await?;
    let mut out = Vec::new();
    for v in &plan.versions {
        for p in periods.iter().filter(|p| p.version == v.id) {
            let mut args = FluentArgs::new();
            args.set("number", v.number);
            args.set("from", lang.format_date(p.dates.from));
            args.set("to", lang.format_date(p.dates.to));
            out.push(Side {
                key: format!("p{}", p.id.0),
                label: tr.text(lang, "diff-side-published", Some(&args)),
            });
        }
        if admin || v.status.is_frozen() {
            let mut args = FluentArgs::new();
            args.set("number", v.number);
            args.set(
                "status",
                tr.text(lang, &format!("plan-status-{}", v.status.key()), None),
            );
            out.push(Side {
                key: format!("v{}", v.number),
                label: tr.text(lang, "diff-side-version", Some(&args)),
            });
        }
    }
    Ok(out)
}

/// The text of a side.
async fn text_of(state: &AppState, plan: &Plan, key: &str) -> Result<PlanText, AppError> {
    let store = state.store();
    if let Some(number) = key.strip_prefix('v').and_then(|n| n.parse::<i64>().ok()) {
        let version = plan
            .versions
            .iter()
            .find(|v| v.number == number)
            .ok_or(AppError::NotFound)?;
        return Ok(PlanText {
            vision: version.vision.clone(),
            elements: store.plan_elements(version.id).await?,
            budget: store.plan_budget(version.id).await?,
        });
    }
    let period = key
        .strip_prefix('p')
        .and_then(|n| n.parse::<i64>().ok())
        .ok_or(AppError::NotFound)?;
    let belongs = store
        .comment_periods(plan.id)
        .await?
        .iter()
        .any(|p| p.id.0 == period);
    if !belongs {
        return Err(AppError::NotFound);
    }
    store
        .published_text(souhra_store::comment::PeriodId(period))
        .await?
        .ok_or(AppError::NotFound)
}

/// A text as the elements to compare, the vision first.
fn element_texts(state: &AppState, lang: Lang, text: &PlanText) -> Vec<ElementText> {
    let tr = state.translations();
    let labels = labels_of(state, lang, &text.elements);
    let crowns = |amount: i64| {
        let mut args = FluentArgs::new();
        args.set("amount", lang.format_integer(amount));
        tr.text(lang, "money-czk", Some(&args))
    };
    let mut out = vec![ElementText {
        key: "vision".into(),
        label: tr.text(lang, "plan-vision", None),
        fields: vec![("body".into(), text.vision.clone().unwrap_or_default())],
    }];
    for e in &text.elements {
        let d = &e.details;
        let budget: Vec<String> = text
            .budget
            .iter()
            .filter(|(k, _)| *k == e.key)
            .map(|(_, l)| {
                format!(
                    "{}, {}: {}",
                    l.year,
                    tr.text(lang, &format!("funding-{}", l.source.key()), None),
                    crowns(l.amount)
                )
            })
            .collect();
        let when = match (d.start, d.end) {
            (None, None) => String::new(),
            (s, e) => format!(
                "{} – {}",
                s.map(|s| lang.format_date(s)).unwrap_or_default(),
                e.map(|e| lang.format_date(e)).unwrap_or_default()
            ),
        };
        out.push(ElementText {
            key: e.key.to_string(),
            label: labels.get(e.key.as_str()).cloned().unwrap_or_default(),
            fields: vec![
                ("title".into(), e.title.clone()),
                ("body".into(), e.body.clone().unwrap_or_default()),
                (
                    "justification".into(),
                    d.justification.clone().unwrap_or_default(),
                ),
                (
                    "target_groups".into(),
                    super::plans::target_groups_text(state, d),
                ),
                ("responsible".into(), super::plans::responsible_text(d)),
                ("partners".into(), d.partners.clone().unwrap_or_default()),
                ("when".into(), when),
                ("outputs".into(), d.outputs.clone().unwrap_or_default()),
                ("budget".into(), budget.join("\n")),
            ],
        });
    }
    out
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct DiffQuery {
    #[serde(default)]
    od: String,
    #[serde(default)]
    r#do: String,
}

struct Compared {
    sides: Vec<Side>,
    from: String,
    to: String,
    changes: Vec<ElementDiff>,
    counts: (usize, usize, usize),
}

async fn compare(
    state: &AppState,
    lang: Lang,
    plan: &Plan,
    query: &DiffQuery,
    admin: bool,
) -> Result<Compared, AppError> {
    let sides = sides(state, lang, plan, admin).await?;
    let allowed = |k: &str| sides.iter().any(|s| s.key == k);
    let default = |back: usize| {
        sides
            .len()
            .checked_sub(back)
            .and_then(|i| sides.get(i))
            .map(|s| s.key.clone())
            .unwrap_or_default()
    };
    let from = if query.od.is_empty() {
        default(2)
    } else {
        query.od.clone()
    };
    let to = if query.r#do.is_empty() {
        default(1)
    } else {
        query.r#do.clone()
    };
    let mut changes = Vec::new();
    if !from.is_empty() && !to.is_empty() {
        if !allowed(&from) || !allowed(&to) {
            return Err(AppError::NotFound);
        }
        let old = element_texts(state, lang, &text_of(state, plan, &from).await?);
        let new = element_texts(state, lang, &text_of(state, plan, &to).await?);
        changes = diff_elements(&old, &new);
    }
    let count = |c: Change| changes.iter().filter(|d| d.change == c).count();
    let counts = (
        count(Change::Added),
        count(Change::Removed),
        count(Change::Changed),
    );
    Ok(Compared {
        sides,
        from,
        to,
        changes,
        counts,
    })
}

fn render(
    state: &AppState,
    lang: Lang,
    area: &Area,
    plan: &Plan,
    compared: Compared,
    (path, action, back): (&str, String, String),
    admin: bool,
) -> Result<Response, AppError> {
    let title = format!(
        "{} – {}",
        state.translations().text(lang, "diff-title", None),
        plan.title
    );
    let page = Page::new(state, lang, path)
        .title(title)
        .nav(if admin { "admin" } else { "plans" });
    let page = if admin {
        page
    } else {
        page.area(AreaView::new(state, lang, area))
    };
    let html = page.render(
        "plan_diff.html",
        view! {
            plan_title => plan.title,
            sides => compared.sides,
            from => compared.from,
            to => compared.to,
            changes => compared.changes,
            added => compared.counts.0,
            removed => compared.counts.1,
            changed => compared.counts.2,
            action,
            back,
            admin,
            area_slug => area.slug.to_string(),
        },
    )?;
    Ok(html.into_response())
}

/// `/{area}/plan/{id}-{slug}/zmeny`.
pub(crate) async fn public_diff(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    Query(query): Query<DiffQuery>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let id = super::id_of_segment(&id_and_slug)?;
    let plan = super::planning::plan_in(&state, &area, id).await?;
    let compared = compare(&state, lang, &plan, &query, false).await?;
    let href = super::plans::plan_href(area.slug.as_str(), plan.id.0, &plan.title);
    render(
        &state,
        lang,
        &area,
        &plan,
        compared,
        (&path_of(&uri), format!("{href}/zmeny"), href),
        false,
    )
}

/// `/sprava/{area}/plan/{id}/zmeny`.
pub(crate) async fn admin_diff(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    Query(query): Query<DiffQuery>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (_, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let plan = super::planning::plan_in(&state, &area, id).await?;
    let compared = compare(&state, lang, &plan, &query, true).await?;
    let href = format!("/sprava/{}/plan/{}", area.slug, plan.id.0);
    Ok(private(render(
        &state,
        lang,
        &area,
        &plan,
        compared,
        (&path_of(&uri), format!("{href}/zmeny"), href),
        true,
    )?))
}

//! The figures of a plan element in the administration: its budget (year, source, amount per
//! row), its indicators (baseline, target, direction) and their measured values. Each form is
//! saved whole; a row at fault is named and nothing of the form is saved.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use serde::Serialize;
use souhra_core::plan::{
    BudgetLine, Direction, ElementKey, FundingSource, Indicator, YearValue, indicator_status,
    parse_amount, parse_value,
};
use souhra_core::policy::Action;
use souhra_core::text::slugify;
use souhra_store::plan::{Element, Plan, PlanVersion};

use super::admin::area_post;
use super::planning::{PlanElement, change, plan_element, show_element};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

/// Empty budget rows offered for new lines.
const NEW_ROWS: usize = 3;

#[derive(Serialize)]
pub(crate) struct BudgetRow {
    year: Option<i32>,
    source: &'static str,
    amount: String,
}

#[derive(Serialize)]
pub(crate) struct IndicatorRow {
    key: String,
    name: String,
    unit: String,
    baseline: String,
    baseline_year: String,
    target: String,
    target_year: String,
    direction: &'static str,
    status: &'static str,
    values: Vec<(i32, f64)>,
}

/// What the element's page shows of its figures.
#[derive(Serialize)]
pub(crate) struct Figures {
    years: Vec<i32>,
    sources: Vec<&'static str>,
    budget: Vec<BudgetRow>,
    indicators: Vec<IndicatorRow>,
}

/// The figures of `element` in `version` of `plan`.
pub(crate) async fn figures(
    state: &AppState,
    plan: &Plan,
    version: &PlanVersion,
    element: &Element,
) -> Result<Figures, AppError> {
    let store = state.store();
    let mut budget: Vec<BudgetRow> = store
        .plan_budget(version.id)
        .await?
        .into_iter()
        .filter(|(k, _)| *k == element.key)
        .map(|(_, l)| BudgetRow {
            year: Some(l.year),
            source: l.source.key(),
            amount: l.amount.to_string(),
        })
        .collect();
    budget.extend((0..NEW_ROWS).map(|_| BudgetRow {
        year: None,
        source: FundingSource::Municipality.key(),
        amount: String::new(),
    }));
    let values = store.indicator_values(plan.id).await?;
    let mut indicators: Vec<IndicatorRow> = store
        .plan_indicators(version.id)
        .await?
        .into_iter()
        .filter(|(k, _)| *k == element.key)
        .map(|(_, i)| {
            let measured: Vec<YearValue> = values
                .iter()
                .filter(|(k, _)| *k == i.key)
                .map(|(_, v)| *v)
                .collect();
            IndicatorRow {
                status: indicator_status(&i, &measured).key(),
                values: measured.iter().map(|v| (v.year, v.value)).collect(),
                key: i.key.to_string(),
                name: i.name,
                unit: i.unit,
                baseline: crate::chart::number(i.baseline.value),
                baseline_year: i.baseline.year.to_string(),
                target: crate::chart::number(i.target.value),
                target_year: i.target.year.to_string(),
                direction: i.direction.key(),
            }
        })
        .collect();
    indicators.push(IndicatorRow {
        key: String::new(),
        name: String::new(),
        unit: String::new(),
        baseline: String::new(),
        baseline_year: plan.period.from.saturating_sub(1).to_string(),
        target: String::new(),
        target_year: plan.period.to.to_string(),
        direction: Direction::Increase.key(),
        status: "",
        values: Vec::new(),
    });
    Ok(Figures {
        years: (plan.period.from..=plan.period.to).collect(),
        sources: FundingSource::ALL.iter().map(|s| s.key()).collect(),
        budget,
        indicators,
    })
}

type Pairs = Vec<(String, String)>;

/// A figures form's fields, the session (its token checked and the right to write plans), the
/// area and the element.
async fn prologue(
    state: &AppState,
    headers: &HeaderMap,
    form: Result<Form<Pairs>, axum::extract::rejection::FormRejection>,
    slug: &str,
    id: i64,
    key: &str,
) -> Result<
    (
        Pairs,
        crate::auth::Signed,
        souhra_core::area::Area,
        PlanElement,
    ),
    AppError,
> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(state, headers, one(&pairs, "csrf"), slug, &Action::EditPlan).await?;
    let found = plan_element(state, &area, id, key).await?;
    Ok((pairs, signed, area, found))
}

/// Every value of the repeated field `name`, in order.
fn column<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The first value of the field `name` (empty when missing).
pub(crate) fn one<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    column(pairs, name).first().copied().unwrap_or_default()
}

fn row_problem(state: &AppState, lang: Lang, key: &str, row: usize) -> String {
    let mut args = FluentArgs::new();
    args.set("row", row);
    state.translations().text(lang, key, Some(&args))
}

/// The budget lines typed, or the translation key and number of the first row at fault.
fn budget_lines(
    pairs: &[(String, String)],
    plan: &Plan,
) -> Result<Vec<BudgetLine>, (&'static str, usize)> {
    let (years, sources, amounts) = (
        column(pairs, "rok"),
        column(pairs, "zdroj"),
        column(pairs, "castka"),
    );
    let mut lines = Vec::new();
    for (i, amount) in amounts.iter().enumerate() {
        if amount.trim().is_empty() {
            continue;
        }
        let row = i + 1;
        let bad = ("planning-budget-row-invalid", row);
        let amount = parse_amount(amount).map_err(|_| bad)?;
        let year = years
            .get(i)
            .and_then(|y| y.trim().parse::<i32>().ok())
            .filter(|y| plan.period.contains(*y))
            .ok_or(bad)?;
        let source = sources
            .get(i)
            .and_then(|s| FundingSource::from_key(s).ok())
            .ok_or(bad)?;
        lines.push(BudgetLine {
            year,
            source,
            amount,
        });
    }
    Ok(lines)
}

/// Saves the element's budget (every row at once).
pub(crate) async fn save_budget(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<Pairs>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let (pairs, signed, area, found) = prologue(&state, &headers, form, &slug, id, &key).await?;
    let lines = match budget_lines(&pairs, &found.plan) {
        Ok(lines) => lines,
        Err((problem, row)) => {
            let message = row_problem(&state, lang, problem, row);
            return show_element(&state, lang, &signed, &area, &found, message).await;
        }
    };
    state
        .store()
        .set_plan_budget(found.version, &found.element.key, &lines, change(&signed))
        .await?;
    saved(&area, id, &key)
}

fn saved(area: &souhra_core::area::Area, id: i64, key: &str) -> Result<Response, AppError> {
    Ok(Redirect::to(&format!(
        "/sprava/{}/plan/{id}/prvek/{key}?stav=ulozeno",
        area.slug
    ))
    .into_response())
}

/// The indicators typed (a row without a name is left out), or the number of the first row at
/// fault.
fn indicators_typed(
    pairs: &[(String, String)],
    existing: &[ElementKey],
) -> Result<Vec<Indicator>, usize> {
    let names = column(pairs, "u_nazev");
    let field = |name: &str, i: usize| column(pairs, name).get(i).copied().unwrap_or_default();
    let mut taken: Vec<ElementKey> = existing.to_vec();
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        let row = i + 1;
        let year = |name: &str| field(name, i).trim().parse::<i32>().map_err(|_| row);
        let key = match ElementKey::parse(field("u_klic", i)) {
            Ok(key) => key,
            // A new indicator: a key from its name, unique in the plan.
            Err(_) => {
                let base: String = slugify(name).chars().take(30).collect();
                let base = if base.is_empty() {
                    "ukazatel".into()
                } else {
                    base
                };
                let mut n = 1;
                loop {
                    let candidate = if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}-{n}")
                    };
                    let key = ElementKey::parse(&candidate).map_err(|_| row)?;
                    if !taken.contains(&key) {
                        break key;
                    }
                    n += 1;
                }
            }
        };
        taken.push(key.clone());
        let indicator = Indicator {
            key,
            name: name.trim().to_owned(),
            unit: field("u_jednotka", i).trim().to_owned(),
            baseline: YearValue {
                year: year("u_vychozi_rok")?,
                value: parse_value(field("u_vychozi", i)).map_err(|_| row)?,
            },
            target: YearValue {
                year: year("u_cil_rok")?,
                value: parse_value(field("u_cil", i)).map_err(|_| row)?,
            },
            direction: Direction::from_key(field("u_smer", i)).map_err(|_| row)?,
        };
        indicator.check().map_err(|_| row)?;
        out.push(indicator);
    }
    Ok(out)
}

/// Saves the element's indicators (every row at once; a row emptied of its name goes).
pub(crate) async fn save_indicators(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<Pairs>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let (pairs, signed, area, found) = prologue(&state, &headers, form, &slug, id, &key).await?;
    // Keys used by other elements' indicators stay theirs.
    let others: Vec<ElementKey> = state
        .store()
        .plan_indicators(found.version)
        .await?
        .into_iter()
        .filter(|(k, _)| *k != found.element.key)
        .map(|(_, i)| i.key)
        .collect();
    let indicators = match indicators_typed(&pairs, &others) {
        Ok(list) => list,
        Err(row) => {
            let message = row_problem(&state, lang, "planning-indicator-row-invalid", row);
            return show_element(&state, lang, &signed, &area, &found, message).await;
        }
    };
    state
        .store()
        .set_plan_indicators(
            found.version,
            &found.element.key,
            &indicators,
            change(&signed),
        )
        .await?;
    saved(&area, id, &key)
}

/// Records a measured value of one of the element's indicators (also in a version in force:
/// values belong to the plan).
pub(crate) async fn record_value(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<Pairs>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let (pairs, signed, area, found) = prologue(&state, &headers, form, &slug, id, &key).await?;
    let indicator = ElementKey::parse(one(&pairs, "klic")).map_err(|_| AppError::NotFound)?;
    let belongs = state
        .store()
        .plan_indicators(found.version)
        .await?
        .iter()
        .any(|(k, i)| *k == found.element.key && i.key == indicator);
    if !belongs {
        return Err(AppError::NotFound);
    }
    let year = one(&pairs, "rok").trim().parse::<i32>().ok();
    let value = parse_value(one(&pairs, "hodnota")).ok();
    let (Some(year), Some(value)) = (year.filter(|y| (2000..=2100).contains(y)), value) else {
        let message = state
            .translations()
            .text(lang, "planning-value-invalid", None);
        return show_element(&state, lang, &signed, &area, &found, message).await;
    };
    state
        .store()
        .record_indicator_value(
            found.plan.id,
            &indicator,
            YearValue { year, value },
            change(&signed),
        )
        .await?;
    saved(&area, id, &key)
}

//! Yearly documents. An implementation plan shows the work of one year drawn from the plans in
//! force (per plan, priority and measure: the activities of the year with their money); a balance
//! report adds what became of each activity (status, money spent, commentary), the year's
//! indicator values, and roll-ups per measure, priority and plan. One view serves the public
//! page, the administration (where the report is filled in, one form for all its items, saved
//! with a revision check) and the PDF.

use std::collections::HashMap;

use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use souhra_core::plan::{
    ActivityStatus, ElementKey, ElementKind, Outcome, PlanKind, Rollup, YearValue, active_in,
    indicator_status, measure_money, parse_amount,
};
use souhra_core::policy::Action;
use souhra_store::StoreError;
use souhra_store::plan::{
    ActivityReport, Element, OutcomeEntry, Plan, PlanId, PlanVersion, VersionId,
};

use super::admin::area_post;
use super::planning::{AdminPlanPage, change, plan_in};
use super::plans::{nodes, numbers, plan_href, published};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

/// What a coordinator typed for one item of a report that was not saved.
#[derive(Debug, Clone, Default)]
pub(crate) struct Typed {
    status: String,
    spent: String,
    commentary: String,
}

/// A refused report form: what was typed and what is wrong, by item field.
#[derive(Debug, Default)]
pub(crate) struct ReportForm {
    typed: HashMap<String, Typed>,
    errors: HashMap<String, String>,
}

/// An activity of the year, or a measure without activities.
#[derive(Serialize)]
pub(crate) struct YearItem {
    /// Prefix of its form fields.
    field: String,
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) who: Vec<String>,
    pub(crate) planned: i64,
    pub(crate) is_measure: bool,
    pub(crate) status: Option<&'static str>,
    pub(crate) spent: Option<i64>,
    pub(crate) commentary: Option<String>,
    typed_status: String,
    typed_spent: String,
    typed_commentary: String,
    error: Option<String>,
}

/// An indicator of a measure as of the document's year.
#[derive(Serialize)]
pub(crate) struct YearIndicator {
    pub(crate) name: String,
    pub(crate) unit: String,
    pub(crate) baseline: f64,
    pub(crate) target: f64,
    pub(crate) target_year: i32,
    pub(crate) value: Option<f64>,
    pub(crate) status: &'static str,
}

/// A measure with work in the year.
#[derive(Serialize)]
pub(crate) struct YearMeasure {
    key: String,
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) money: i64,
    pub(crate) items: Vec<YearItem>,
    pub(crate) indicators: Vec<YearIndicator>,
    pub(crate) rollup: Rollup,
}

/// A priority with work in the year.
#[derive(Serialize)]
pub(crate) struct YearPriority {
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) measures: Vec<YearMeasure>,
    pub(crate) rollup: Rollup,
}

/// A plan the document draws from.
#[derive(Serialize)]
pub(crate) struct SourcePlan {
    id: i64,
    pub(crate) title: String,
    kind: &'static str,
    number: i64,
    href: Option<String>,
    pub(crate) priorities: Vec<YearPriority>,
    pub(crate) rollup: Rollup,
}

/// The work of a year.
#[derive(Serialize)]
pub(crate) struct YearView {
    pub(crate) year: i32,
    pub(crate) report: bool,
    pub(crate) plans: Vec<SourcePlan>,
    pub(crate) total: Rollup,
    done_percent: Option<u32>,
    spent_percent: Option<u32>,
}

fn field(plan: PlanId, key: &ElementKey) -> String {
    format!("p{}-{key}", plan.0)
}

fn who(element: &Element) -> Vec<String> {
    [
        &element.details.responsible_organization,
        &element.details.responsible_person,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect()
}

/// The year's work in a source plan's version.
#[allow(clippy::too_many_arguments)]
async fn source_plan(
    state: &AppState,
    area_slug: &str,
    year: i32,
    plan: &Plan,
    version: VersionId,
    reports: &HashMap<(PlanId, ElementKey), ActivityReport>,
    form: &ReportForm,
) -> Result<SourcePlan, AppError> {
    let store = state.store();
    let elements = store.plan_elements(version).await?;
    let budget = store.plan_budget(version).await?;
    let indicators = store.plan_indicators(version).await?;
    let values = store.indicator_values(plan.id).await?;
    let number = numbers(&elements);
    let no = |key: &ElementKey| number.get(key).cloned().unwrap_or_default();
    let money = measure_money(&nodes(&elements), &budget, Some(year));
    let years_of = |key: &ElementKey| -> Vec<i32> {
        budget
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, l)| l.year)
            .collect()
    };
    let planned_of = |key: &ElementKey| -> i64 {
        budget
            .iter()
            .filter(|(k, l)| k == key && l.year == year)
            .map(|(_, l)| l.amount)
            .sum()
    };
    let item = |e: &Element, planned: i64| -> (YearItem, Outcome) {
        let field = field(plan.id, &e.key);
        let report = reports.get(&(plan.id, e.key.clone()));
        let typed = form.typed.get(&field).cloned().unwrap_or_else(|| Typed {
            status: report
                .map(|r| r.status.key().to_owned())
                .unwrap_or_default(),
            spent: report
                .and_then(|r| r.spent)
                .map(|s| s.to_string())
                .unwrap_or_default(),
            commentary: report
                .and_then(|r| r.commentary.clone())
                .unwrap_or_default(),
        });
        let outcome = Outcome {
            status: report.map(|r| r.status),
            planned,
            spent: report.and_then(|r| r.spent).unwrap_or(0),
        };
        let view = YearItem {
            error: form.errors.get(&field).cloned(),
            field,
            number: no(&e.key),
            title: e.title.clone(),
            who: who(e),
            planned,
            is_measure: e.kind == ElementKind::Measure,
            status: report.map(|r| r.status.key()),
            spent: report.and_then(|r| r.spent),
            commentary: report.and_then(|r| r.commentary.clone()),
            typed_status: typed.status,
            typed_spent: typed.spent,
            typed_commentary: typed.commentary,
        };
        (view, outcome)
    };
    let mut priorities: Vec<YearPriority> = Vec::new();
    for p in elements.iter().filter(|e| e.kind == ElementKind::Priority) {
        let mut measures = Vec::new();
        let goals: Vec<&ElementKey> = elements
            .iter()
            .filter(|g| g.kind == ElementKind::Goal && g.parent.as_ref() == Some(&p.key))
            .map(|g| &g.key)
            .collect();
        for m in elements.iter().filter(|m| {
            m.kind == ElementKind::Measure && m.parent.as_ref().is_some_and(|g| goals.contains(&g))
        }) {
            let activities: Vec<&Element> = elements
                .iter()
                .filter(|a| a.kind == ElementKind::Activity && a.parent.as_ref() == Some(&m.key))
                .collect();
            let measure_money = money.get(&m.key).copied().unwrap_or(0);
            let (items, outcomes): (Vec<YearItem>, Vec<Outcome>) = if activities.is_empty() {
                if active_in(year, m.details.start, m.details.end, &years_of(&m.key)) {
                    vec![item(m, measure_money)].into_iter().unzip()
                } else {
                    (Vec::new(), Vec::new())
                }
            } else {
                activities
                    .iter()
                    .filter(|a| active_in(year, a.details.start, a.details.end, &years_of(&a.key)))
                    .map(|a| item(a, planned_of(&a.key)))
                    .unzip()
            };
            if items.is_empty() && measure_money == 0 {
                continue;
            }
            // The measure's money is what was planned; its activities' shares are not added.
            let mut rollup = Rollup::of(&outcomes);
            rollup.planned = measure_money;
            let measure_indicators = indicators
                .iter()
                .filter(|(k, _)| *k == m.key)
                .map(|(_, i)| {
                    let known: Vec<YearValue> = values
                        .iter()
                        .filter(|(k, v)| *k == i.key && v.year <= year)
                        .map(|(_, v)| *v)
                        .collect();
                    YearIndicator {
                        name: i.name.clone(),
                        unit: i.unit.clone(),
                        baseline: i.baseline.value,
                        target: i.target.value,
                        target_year: i.target.year,
                        value: known.iter().find(|v| v.year == year).map(|v| v.value),
                        status: indicator_status(i, &known).key(),
                    }
                })
                .collect();
            measures.push(YearMeasure {
                key: m.key.to_string(),
                number: no(&m.key),
                title: m.title.clone(),
                money: measure_money,
                items,
                indicators: measure_indicators,
                rollup,
            });
        }
        if measures.is_empty() {
            continue;
        }
        let rollup = measures
            .iter()
            .fold(Rollup::default(), |r, m| r.plus(m.rollup));
        priorities.push(YearPriority {
            number: no(&p.key),
            title: p.title.clone(),
            measures,
            rollup,
        });
    }
    let rollup = priorities
        .iter()
        .fold(Rollup::default(), |r, p| r.plus(p.rollup));
    let number = plan
        .versions
        .iter()
        .find(|v| v.id == version)
        .map_or(0, |v| v.number);
    Ok(SourcePlan {
        id: plan.id.0,
        title: plan.title.clone(),
        kind: plan.kind.key(),
        number,
        href: published(plan).map(|_| plan_href(area_slug, plan.id.0, &plan.title)),
        priorities,
        rollup,
    })
}

/// The work of the year of `plan` (a yearly document) as its `version` draws it.
pub(crate) async fn view(
    state: &AppState,
    area_slug: &str,
    plan: &Plan,
    version: &PlanVersion,
    form: &ReportForm,
) -> Result<YearView, AppError> {
    let store = state.store();
    let year = plan.period.from;
    let report = plan.kind == PlanKind::BalanceReport;
    let reports: HashMap<(PlanId, ElementKey), ActivityReport> = if report {
        store
            .plan_outcomes(version.id)
            .await?
            .into_iter()
            .map(|(p, k, r)| ((p, k), r))
            .collect()
    } else {
        HashMap::new()
    };
    let mut plans = Vec::new();
    for (source, source_version) in store.plan_sources(version.id).await? {
        let Some(source) = store.plan(source).await? else {
            continue;
        };
        plans.push(
            source_plan(
                state,
                area_slug,
                year,
                &source,
                source_version,
                &reports,
                form,
            )
            .await?,
        );
    }
    let total = plans
        .iter()
        .fold(Rollup::default(), |r, p| r.plus(p.rollup));
    Ok(YearView {
        year,
        report,
        plans,
        done_percent: total.done_percent(),
        spent_percent: total.spent_percent(),
        total,
    })
}

/// Reads the report form: per item its status, money spent and commentary. Returns the entries
/// to save and what was typed, with the errors by item (none when the entries may be saved).
fn read_report(
    state: &AppState,
    lang: Lang,
    view: &YearView,
    pairs: &[(String, String)],
) -> (Vec<OutcomeEntry>, ReportForm) {
    let value = |name: String| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let tr = state.translations();
    let mut form = ReportForm::default();
    let mut entries = Vec::new();
    for plan in &view.plans {
        for item in plan
            .priorities
            .iter()
            .flat_map(|p| &p.measures)
            .flat_map(|m| &m.items)
        {
            let typed = Typed {
                status: value(format!("{}-stav", item.field)),
                spent: value(format!("{}-cerpano", item.field)),
                commentary: value(format!("{}-komentar", item.field)),
            };
            let key = item
                .field
                .split_once('-')
                .map(|(_, k)| k)
                .and_then(|k| ElementKey::parse(k).ok());
            let mut problems: Vec<String> = Vec::new();
            let status = if typed.status.is_empty() {
                if !typed.spent.is_empty() || !typed.commentary.is_empty() {
                    problems.push(tr.text(lang, "yearly-error-status", None));
                }
                None
            } else {
                match ActivityStatus::from_key(&typed.status) {
                    Ok(s) => Some(s),
                    Err(_) => {
                        problems.push(tr.text(lang, "yearly-error-status", None));
                        None
                    }
                }
            };
            let spent = if typed.spent.is_empty() {
                None
            } else {
                match parse_amount(&typed.spent) {
                    Ok(a) => Some(a),
                    Err(_) => {
                        problems.push(tr.text(lang, "yearly-error-spent", None));
                        None
                    }
                }
            };
            if typed.commentary.chars().count() > 4000 {
                problems.push(tr.text(lang, "yearly-error-commentary", None));
            }
            if !problems.is_empty() {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("number", item.number.clone());
                args.set("title", item.title.clone());
                args.set("problem", problems.join("; "));
                form.errors.insert(
                    item.field.clone(),
                    tr.text(lang, "yearly-error-row", Some(&args)),
                );
            }
            if let Some(key) = key {
                entries.push(OutcomeEntry {
                    plan: PlanId(plan.id),
                    key,
                    report: status.map(|status| ActivityReport {
                        status,
                        commentary: Some(typed.commentary.clone()).filter(|c| !c.is_empty()),
                        spent,
                    }),
                });
            }
            form.typed.insert(item.field.clone(), typed);
        }
    }
    (entries, form)
}

/// `POST /sprava/{area}/plan/{id}/vysledky`: saves the report of every item at once.
pub(crate) async fn save_report(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let axum::Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let (signed, area) = area_post(&state, &headers, token, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {id} has no version")))?;
    if plan.kind != PlanKind::BalanceReport || version.status.is_frozen() {
        return Err(AppError::NotFound);
    }
    let revision: i64 = pairs
        .iter()
        .find(|(k, _)| k == "revize")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let area_slug = area.slug.to_string();
    let current = view(&state, &area_slug, &plan, version, &ReportForm::default()).await?;
    let (entries, form) = read_report(&state, lang, &current, &pairs);
    let (problem, status) = if !form.errors.is_empty() {
        ("yearly-error-some", StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        match state
            .store()
            .save_outcomes(version.id, revision, &entries, change(&signed))
            .await
        {
            Ok(_) => {
                return Ok(Redirect::to(&format!(
                    "/sprava/{slug}/plan/{id}?stav=ulozeno#vysledky"
                ))
                .into_response());
            }
            Err(StoreError::Conflict(_)) => ("yearly-conflict", StatusCode::CONFLICT),
            Err(e) => return Err(e.into()),
        }
    };
    // Read again: after a conflict the page carries the newer revision and the saved reports.
    let plan = plan_in(&state, &area, id).await?;
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {id} has no version")))?;
    let shown = view(&state, &area_slug, &plan, version, &form).await?;
    let message = state.translations().text(lang, problem, None);
    let page = AdminPlanPage {
        lang,
        uri: &uri,
        signed: &signed,
        area: &area,
        plan: &plan,
    };
    page.render(
        &state,
        super::planning::Refused {
            report: Some(shown),
            problem: Some(message),
            problems: Vec::new(),
        },
        status,
    )
    .await
}

/// `POST /sprava/{area}/plan/{id}/zdroje`: draws the sources of an open yearly document again.
pub(crate) async fn redraw(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<super::planning::TokenOnly>,
) -> Result<Response, AppError> {
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {id} has no version")))?;
    if !plan.kind.is_yearly() {
        return Err(AppError::NotFound);
    }
    state
        .store()
        .redraw_plan_sources(version.id, change(&signed))
        .await?;
    Ok(Redirect::to(&format!("/sprava/{slug}/plan/{id}?stav=ulozeno")).into_response())
}

/// A roll-up as a sentence (the `yearly-summary-*` texts).
fn summary(state: &AppState, lang: Lang, report: bool, rollup: &Rollup) -> String {
    let tr = state.translations();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("activities", rollup.activities);
    args.set("planned", lang.format_integer(rollup.planned));
    if report {
        args.set("done", rollup.done);
        args.set("reported", rollup.reported);
        args.set("percent", rollup.done_percent().unwrap_or(0));
        args.set("spent", lang.format_integer(rollup.spent));
        tr.text(lang, "yearly-summary-report", Some(&args))
    } else {
        tr.text(lang, "yearly-summary-plan", Some(&args))
    }
}

/// The year's work or results as printed.
pub(crate) fn year_doc(
    state: &AppState,
    lang: Lang,
    view: &YearView,
) -> souhra_docs::plan::YearDoc {
    use souhra_docs::plan::{YearDoc, YearPlanDoc, YearPriorityDoc, YearRow};
    let tr = state.translations();
    let t = |key: &str| tr.text(lang, key, None);
    let crowns = |amount: i64| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("amount", lang.format_integer(amount));
        tr.text(lang, "money-czk", Some(&args))
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("year", view.year.to_string());
    let heading = tr.text(
        lang,
        if view.report {
            "yearly-outcomes"
        } else {
            "yearly-work"
        },
        Some(&args),
    );
    let plans = view
        .plans
        .iter()
        .map(|p| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("title", p.title.clone());
            args.set("number", p.number);
            let from = tr.text(lang, "yearly-from-plan", Some(&args));
            let priorities = p
                .priorities
                .iter()
                .map(|pr| {
                    let mut rows = Vec::new();
                    let mut indicators = Vec::new();
                    for m in &pr.measures {
                        let mut args = fluent_bundle::FluentArgs::new();
                        args.set("number", m.number.clone());
                        args.set("title", m.title.clone());
                        args.set("money", lang.format_integer(m.money));
                        rows.push(YearRow {
                            group: true,
                            number: m.number.clone(),
                            title: tr.text(lang, "yearly-measure-money", Some(&args)),
                            note: String::new(),
                            planned: String::new(),
                            status: String::new(),
                            spent: String::new(),
                        });
                        for i in &m.items {
                            let mut title = i.title.clone();
                            if !i.who.is_empty() {
                                title.push_str(&format!(" ({})", i.who.join(", ")));
                            }
                            rows.push(YearRow {
                                group: false,
                                number: i.number.clone(),
                                title,
                                note: i.commentary.clone().unwrap_or_default(),
                                planned: crowns(i.planned),
                                status: i.status.map_or_else(
                                    || t("yearly-not-reported"),
                                    |s| t(&format!("activity-status-{s}")),
                                ),
                                spent: i.spent.map(crowns).unwrap_or_default(),
                            });
                        }
                        for ind in &m.indicators {
                            let value = ind.value.map_or_else(
                                || t("yearly-no-value"),
                                |v| {
                                    let mut args = fluent_bundle::FluentArgs::new();
                                    args.set("value", crate::chart::number(v));
                                    args.set("unit", ind.unit.clone());
                                    args.set("baseline", crate::chart::number(ind.baseline));
                                    args.set("target", crate::chart::number(ind.target));
                                    args.set("target_year", ind.target_year.to_string());
                                    tr.text(lang, "yearly-indicator-value", Some(&args))
                                },
                            );
                            indicators.push(format!(
                                "{} {}: {value} – {}",
                                m.number,
                                ind.name,
                                t(&format!("indicator-status-{}", ind.status))
                            ));
                        }
                    }
                    YearPriorityDoc {
                        title: format!("{} {}: {}", t("plan-priority"), pr.number, pr.title),
                        rows,
                        total: YearRow {
                            group: false,
                            number: String::new(),
                            title: t("yearly-priority-total"),
                            note: String::new(),
                            planned: crowns(pr.rollup.planned),
                            status: format!("{} / {}", pr.rollup.done, pr.rollup.activities),
                            spent: crowns(pr.rollup.spent),
                        },
                        indicators,
                    }
                })
                .collect();
            YearPlanDoc {
                title: p.title.clone(),
                summary: format!("{from} · {}", summary(state, lang, view.report, &p.rollup)),
                priorities,
            }
        })
        .collect();
    let summary = if view.plans.is_empty() {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("year", view.year.to_string());
        tr.text(lang, "yearly-no-sources", Some(&args))
    } else {
        summary(state, lang, view.report, &view.total)
    };
    YearDoc {
        heading,
        summary,
        report: view.report,
        plans,
    }
}

/// The year's items as a table of the workbook.
pub(crate) fn year_table(
    state: &AppState,
    lang: Lang,
    view: &YearView,
) -> souhra_interop::sheet::write::Table {
    use souhra_interop::sheet::write::{Cell, Table};
    let t = |key: &str| state.translations().text(lang, key, None);
    // Whole crowns stay exact well beyond any municipal budget.
    #[allow(clippy::cast_precision_loss)]
    let money = |amount: i64| Cell::Number(amount as f64);
    let mut header = vec![
        t("yearly-plan"),
        t("plan-priority"),
        t("plan-measure"),
        t("plan-number"),
        t("yearly-item"),
        t("plan-responsible"),
        t("yearly-planned"),
    ];
    if view.report {
        header.extend([
            t("yearly-status"),
            t("yearly-spent"),
            t("yearly-commentary"),
        ]);
    }
    let mut rows = Vec::new();
    for p in &view.plans {
        for pr in &p.priorities {
            for m in &pr.measures {
                for i in &m.items {
                    let mut row = vec![
                        Cell::Text(p.title.clone()),
                        Cell::Text(format!("{} {}", pr.number, pr.title)),
                        Cell::Text(format!("{} {}", m.number, m.title)),
                        Cell::Text(i.number.clone()),
                        Cell::Text(i.title.clone()),
                        Cell::Text(i.who.join(", ")),
                        money(i.planned),
                    ];
                    if view.report {
                        row.extend([
                            Cell::Text(
                                i.status
                                    .map(|s| t(&format!("activity-status-{s}")))
                                    .unwrap_or_default(),
                            ),
                            i.spent.map_or(Cell::Text(String::new()), money),
                            Cell::Text(i.commentary.clone().unwrap_or_default()),
                        ]);
                    }
                    rows.push(row);
                }
            }
        }
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("year", view.year.to_string());
    Table {
        name: state.translations().text(
            lang,
            if view.report {
                "yearly-outcomes"
            } else {
                "yearly-work"
            },
            Some(&args),
        ),
        header,
        rows,
    }
}

/// How far a measure got in the newest published balance report drawing from its plan.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MeasureProgress {
    year: i32,
    href: String,
    done: usize,
    activities: usize,
    planned: i64,
    spent: i64,
}

/// The progress of a plan's measures (by element key) from the newest published balance report
/// that draws from it; empty when there is none.
pub(crate) async fn measure_progress(
    state: &AppState,
    area_slug: &str,
    plan: &Plan,
) -> Result<HashMap<String, MeasureProgress>, AppError> {
    let store = state.store();
    let mut reports: Vec<Plan> = store
        .plans_of_area(plan.area)
        .await?
        .into_iter()
        .filter(|p| p.kind == PlanKind::BalanceReport && published(p).is_some())
        .collect();
    reports.sort_by_key(|p| std::cmp::Reverse(p.period.from));
    for report in &reports {
        let Some(version) = published(report) else {
            continue;
        };
        if !store
            .plan_sources(version.id)
            .await?
            .iter()
            .any(|(p, _)| *p == plan.id)
        {
            continue;
        }
        let year = view(state, area_slug, report, version, &ReportForm::default()).await?;
        let href = plan_href(area_slug, report.id.0, &report.title);
        return Ok(year
            .plans
            .iter()
            .filter(|p| p.id == plan.id.0)
            .flat_map(|p| &p.priorities)
            .flat_map(|p| &p.measures)
            .map(|m| {
                (
                    m.key.clone(),
                    MeasureProgress {
                        year: year.year,
                        href: href.clone(),
                        done: m.rollup.done,
                        activities: m.rollup.activities,
                        planned: m.rollup.planned,
                        spent: m.rollup.spent,
                    },
                )
            })
            .collect());
    }
    Ok(HashMap::new())
}

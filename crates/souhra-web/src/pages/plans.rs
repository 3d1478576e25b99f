//! The public plans of an area: `/{area}/plany` lists the plans in force, those approved and
//! the archive of ended ones; `/{area}/plan/{id}-{slug}` shows a plan's published version —
//! vision, chapters, and priorities → goals → measures → activities with their money, target
//! groups, linked services and indicators (status and chart).

use std::collections::HashMap;

use axum::extract::{OriginalUri, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use serde::Serialize;
use souhra_core::codelist::Codelist;
use souhra_core::plan::{
    BudgetLine, ElementKey, ElementKind, Indicator, PlanStatus, YearValue, indicator_status,
};
use souhra_store::plan::{Element, ElementDetails, Plan, PlanVersion};
use souhra_store::records::ServiceId;

use super::cards::{service_href, short_slug};
use super::{load_area, path_of};
use crate::chart::indicator_svg;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::markdown::to_html;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// The public address of a plan.
pub(crate) fn plan_href(area: &str, id: i64, title: &str) -> String {
    format!("/{area}/plan/{id}-{}", short_slug(title))
}

/// The version the public sees: the one in force (or the approved report), else the newest
/// ended one (archive). Drafts stay in the administration.
pub(crate) fn published(plan: &Plan) -> Option<&PlanVersion> {
    plan.in_force().or_else(|| {
        plan.versions
            .iter()
            .rev()
            .find(|v| v.status == PlanStatus::Ended)
    })
}

#[derive(Serialize)]
struct PlanItem {
    href: String,
    title: String,
    kind: &'static str,
    topic: Option<String>,
    from: i32,
    to: i32,
    status: String,
    resolution: Option<String>,
}

fn item(area: &str, plan: &Plan, version: &PlanVersion) -> PlanItem {
    PlanItem {
        href: plan_href(area, plan.id.0, &plan.title),
        title: plan.title.clone(),
        kind: plan.kind.key(),
        topic: plan.topic.clone(),
        from: plan.period.from,
        to: plan.period.to,
        status: version.status.key().to_owned(),
        resolution: version.approval.as_ref().map(|a| a.resolution.clone()),
    }
}

/// `/{area}/plany`.
pub(crate) async fn plans(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let area_slug = area.slug.to_string();
    let mut current = Vec::new();
    let mut archive = Vec::new();
    let mut in_comment = Vec::new();
    for plan in state.store().plans_of_area(area.id).await? {
        if let Some(v) = plan.latest().filter(|v| v.status == PlanStatus::InComment)
            && let Some(period) = state.store().comment_periods(plan.id).await?.pop()
        {
            let mut entry = item(&area_slug, &plan, v);
            entry.href = super::comments::comments_href(&area_slug, &plan);
            entry.status = super::comments::period_line(&state, lang, &period);
            in_comment.push(entry);
        }
        match published(&plan) {
            Some(v) if v.status == PlanStatus::Ended => archive.push(item(&area_slug, &plan, v)),
            Some(v) => current.push(item(&area_slug, &plan, v)),
            None => {}
        }
    }
    let html = Page::new(&state, lang, &path_of(&uri))
        .title_key("plans-title")
        .nav("plans")
        .area(AreaView::new(&state, lang, &area))
        .render("plans.html", view! { current, archive, in_comment })?;
    Ok(html.into_response())
}

#[derive(Serialize)]
struct Money {
    year: i32,
    source: &'static str,
    amount: i64,
}

#[derive(Serialize)]
struct ValueRow {
    year: i32,
    value: f64,
}

#[derive(Serialize)]
struct IndicatorView {
    name: String,
    unit: String,
    baseline: f64,
    baseline_year: i32,
    target: f64,
    target_year: i32,
    direction: &'static str,
    status: &'static str,
    values: Vec<ValueRow>,
    chart: String,
}

/// A catalogue service linked from a measure.
#[derive(Serialize)]
pub(crate) struct ServiceLink {
    pub name: String,
    pub href: String,
}

#[derive(Serialize)]
struct Node {
    key: String,
    number: String,
    title: String,
    html: String,
    kind: &'static str,
    justification: Option<String>,
    target_groups: Vec<String>,
    services: Vec<ServiceLink>,
    findings: Vec<ServiceLink>,
    needs_region: bool,
    responsible: Vec<String>,
    partners: Option<String>,
    start: Option<String>,
    end: Option<String>,
    outputs: Option<String>,
    money: Vec<Money>,
    total: i64,
    indicators: Vec<IndicatorView>,
    progress: Option<super::yearly::MeasureProgress>,
    children: Vec<Node>,
}

/// What a plan page needs besides the elements.
pub(crate) struct Content<'a> {
    pub budget: &'a [(ElementKey, BudgetLine)],
    pub indicators: &'a [(ElementKey, Indicator)],
    pub values: &'a [(ElementKey, YearValue)],
    pub services: &'a HashMap<i64, ServiceLink>,
    /// Links of the analysis findings cited, by key.
    pub findings: &'a HashMap<String, ServiceLink>,
    /// How far each measure got in the newest balance report.
    pub progress: &'a HashMap<String, super::yearly::MeasureProgress>,
}

fn indicator_view(
    state: &AppState,
    lang: Lang,
    indicator: &Indicator,
    values: &[YearValue],
) -> IndicatorView {
    let status = indicator_status(indicator, values);
    let t = state.translations();
    let mut args = FluentArgs::new();
    args.set("name", indicator.name.clone());
    args.set("unit", indicator.unit.clone());
    args.set("baseline", crate::chart::number(indicator.baseline.value));
    args.set("baseline_year", indicator.baseline.year.to_string());
    args.set("target", crate::chart::number(indicator.target.value));
    args.set("target_year", indicator.target.year.to_string());
    args.set(
        "status",
        t.text(lang, &format!("indicator-status-{}", status.key()), None),
    );
    let label = t.text(lang, "indicator-chart-label", Some(&args));
    IndicatorView {
        name: indicator.name.clone(),
        unit: indicator.unit.clone(),
        baseline: indicator.baseline.value,
        baseline_year: indicator.baseline.year,
        target: indicator.target.value,
        target_year: indicator.target.year,
        direction: indicator.direction.key(),
        status: status.key(),
        values: values
            .iter()
            .map(|v| ValueRow {
                year: v.year,
                value: v.value,
            })
            .collect(),
        chart: indicator_svg(
            indicator,
            values,
            &format!("graf-{}", indicator.key),
            &label,
        ),
    }
}

/// The content tree of a version as nested views, numbered (1, 1.1, 1.1.1 …), and its chapters.
fn tree(
    state: &AppState,
    lang: Lang,
    elements: &[Element],
    content: &Content<'_>,
) -> (Vec<Node>, Vec<Node>) {
    let labels = state.labels();
    let mut by_parent: HashMap<Option<&ElementKey>, Vec<&Element>> = HashMap::new();
    for e in elements {
        by_parent.entry(e.parent.as_ref()).or_default().push(e);
    }
    let build = |e: &Element, number: String| -> Node {
        let d = &e.details;
        let money: Vec<Money> = content
            .budget
            .iter()
            .filter(|(k, _)| *k == e.key)
            .map(|(_, l)| Money {
                year: l.year,
                source: l.source.key(),
                amount: l.amount,
            })
            .collect();
        let indicators = content
            .indicators
            .iter()
            .filter(|(k, _)| *k == e.key)
            .map(|(_, i)| {
                let values: Vec<YearValue> = content
                    .values
                    .iter()
                    .filter(|(k, _)| *k == i.key)
                    .map(|(_, v)| *v)
                    .collect();
                indicator_view(state, lang, i, &values)
            })
            .collect();
        Node {
            key: e.key.to_string(),
            number,
            title: e.title.clone(),
            html: e.body.as_deref().map(to_html).unwrap_or_default(),
            kind: e.kind.key(),
            justification: d.justification.clone(),
            target_groups: d
                .target_groups
                .iter()
                .map(|g| labels.label(Codelist::TargetGroup, g))
                .collect(),
            services: d
                .services
                .iter()
                .filter_map(|id| content.services.get(id))
                .map(|s| ServiceLink {
                    name: s.name.clone(),
                    href: s.href.clone(),
                })
                .collect(),
            findings: d
                .findings
                .iter()
                .filter_map(|f| content.findings.get(&f.key()))
                .map(|f| ServiceLink {
                    name: f.name.clone(),
                    href: f.href.clone(),
                })
                .collect(),
            needs_region: d.needs_region,
            responsible: [&d.responsible_organization, &d.responsible_person]
                .into_iter()
                .flatten()
                .cloned()
                .collect(),
            partners: d.partners.clone(),
            start: d.start.map(|s| lang.format_date(s)),
            end: d.end.map(|s| lang.format_date(s)),
            outputs: d.outputs.clone(),
            total: money.iter().map(|m| m.amount).sum(),
            money,
            indicators,
            progress: content.progress.get(e.key.as_str()).cloned(),
            children: Vec::new(),
        }
    };
    // Depth first, each element numbered as everywhere else (`numbers`).
    let number = numbers(elements);
    fn walk<'e>(
        parent: Option<&'e ElementKey>,
        by_parent: &HashMap<Option<&'e ElementKey>, Vec<&'e Element>>,
        number: &HashMap<ElementKey, String>,
        build: &dyn Fn(&Element, String) -> Node,
        kind: Option<ElementKind>,
    ) -> Vec<Node> {
        by_parent
            .get(&parent)
            .map(|list| {
                list.iter()
                    .filter(|e| kind.is_none_or(|k| e.kind == k))
                    .map(|e| {
                        let mut node = build(e, number.get(&e.key).cloned().unwrap_or_default());
                        node.children = walk(Some(&e.key), by_parent, number, build, None);
                        node
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    let priorities = walk(
        None,
        &by_parent,
        &number,
        &build,
        Some(ElementKind::Priority),
    );
    let chapters = walk(
        None,
        &by_parent,
        &number,
        &build,
        Some(ElementKind::Chapter),
    );
    (chapters, priorities)
}

/// A measure's target groups as one line of labels.
pub(crate) fn target_groups_text(state: &AppState, d: &ElementDetails) -> String {
    let labels = state.labels();
    d.target_groups
        .iter()
        .map(|g| labels.label(Codelist::TargetGroup, g))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who is responsible for a measure, as one line.
pub(crate) fn responsible_text(d: &ElementDetails) -> String {
    [&d.responsible_organization, &d.responsible_person]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The printed facts of a measure, labelled (those filled in): justification, target groups,
/// responsibility, partners, dates and outputs.
pub(crate) fn measure_facts(
    state: &AppState,
    lang: Lang,
    d: &ElementDetails,
) -> Vec<(String, String)> {
    let t = |key: &str| state.translations().text(lang, key, None);
    let date = |x: Option<chrono::NaiveDate>| x.map(|x| lang.format_date(x)).unwrap_or_default();
    let when = (d.start.is_some() || d.end.is_some())
        .then(|| format!("{} – {}", date(d.start), date(d.end)));
    [
        ("plan-justification", d.justification.clone()),
        ("plan-target-groups", Some(target_groups_text(state, d))),
        ("plan-responsible", Some(responsible_text(d))),
        ("plan-partners", d.partners.clone()),
        ("plan-when", when),
        ("plan-outputs", d.outputs.clone()),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.filter(|v| !v.is_empty()).map(|v| (t(key), v)))
    .collect()
}

/// The structure of elements, for the rules of [`souhra_core::plan`].
pub(crate) fn nodes(elements: &[Element]) -> Vec<souhra_core::plan::Node> {
    elements
        .iter()
        .map(|e| souhra_core::plan::Node {
            key: e.key.clone(),
            kind: e.kind,
            parent: e.parent.clone(),
        })
        .collect()
}

/// The money of a version over all years: the sum of its measures' money (see
/// [`souhra_core::plan::measure_money`]; activities' shares are not added again).
pub(crate) fn plan_total(elements: &[Element], budget: &[(ElementKey, BudgetLine)]) -> i64 {
    souhra_core::plan::measure_money(&nodes(elements), budget, None)
        .values()
        .fold(0i64, |sum, m| sum.saturating_add(*m))
}

/// The number of every priority, goal, measure and activity (1, 1.2, 1.2.3, 1.2.3.4) and of
/// every chapter (1, 2 …) of elements in tree order.
pub(crate) fn numbers(elements: &[Element]) -> HashMap<ElementKey, String> {
    let mut out: HashMap<ElementKey, String> = HashMap::new();
    let mut counts: HashMap<(Option<ElementKey>, bool), usize> = HashMap::new();
    for e in elements {
        let chapter = e.kind == ElementKind::Chapter;
        let n = counts.entry((e.parent.clone(), chapter)).or_default();
        *n += 1;
        let number = match e.parent.as_ref().and_then(|p| out.get(p)) {
            Some(prefix) => format!("{prefix}.{n}"),
            None => n.to_string(),
        };
        out.insert(e.key.clone(), number);
    }
    out
}

/// The services linked from a version's measures, by id, as links of the area.
pub(crate) async fn linked_services(
    state: &AppState,
    area: &str,
    elements: &[Element],
) -> Result<HashMap<i64, ServiceLink>, AppError> {
    let mut ids: Vec<ServiceId> = elements
        .iter()
        .flat_map(|e| e.details.services.iter().map(|id| ServiceId(*id)))
        .collect();
    ids.sort();
    ids.dedup();
    Ok(state
        .store()
        .services(&ids)
        .await?
        .into_iter()
        .map(|s| {
            let link = ServiceLink {
                href: service_href(area, s.id.0, &s.name),
                name: s.name,
            };
            (s.id.0, link)
        })
        .collect())
}

/// `/{area}/plan/{id}-{slug}`.
pub(crate) async fn plan_page(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let area_slug = area.slug.to_string();
    let id = super::id_of_segment(&id_and_slug)?;
    let store = state.store();
    let plan = super::planning::plan_in(&state, &area, id).await?;
    let version = published(&plan).ok_or(AppError::NotFound)?;
    let canonical = plan_href(&area_slug, id, &plan.title);
    if canonical.rsplit('/').next() != Some(id_and_slug.as_str()) {
        return Ok(Redirect::permanent(&canonical).into_response());
    }
    // A network in force is shown by the network's own page.
    if plan.kind == souhra_core::plan::PlanKind::ServiceNetwork
        && version.status == PlanStatus::InForce
    {
        return Ok(
            Redirect::to(&format!("/{area_slug}/sit?rok={}", plan.period.from)).into_response(),
        );
    }
    let (inputs, used_by) = super::network::input_links(&state, &plan).await?;
    let elements = store.plan_elements(version.id).await?;
    let budget = store.plan_budget(version.id).await?;
    let indicators = store.plan_indicators(version.id).await?;
    let values = store.indicator_values(plan.id).await?;
    let services = linked_services(&state, &area_slug, &elements).await?;
    let findings = super::analysis::finding_links(&state, lang, &area, &elements).await?;
    let progress = if plan.kind.has_structure() {
        super::yearly::measure_progress(&state, &area_slug, &plan).await?
    } else {
        HashMap::new()
    };
    let content = Content {
        budget: &budget,
        indicators: &indicators,
        values: &values,
        services: &services,
        findings: &findings,
        progress: &progress,
    };
    let (chapters, priorities) = tree(&state, lang, &elements, &content);
    let total = plan_total(&elements, &budget);
    let yearly = if !plan.kind.is_yearly() {
        None
    } else {
        Some(
            super::yearly::view(
                &state,
                &area_slug,
                &plan,
                version,
                &super::yearly::ReportForm::default(),
            )
            .await?,
        )
    };
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(plan.title.clone())
        .nav("plans")
        .area(AreaView::new(&state, lang, &area))
        .render(
            "plan.html",
            view! {
                title => plan.title,
                kind => plan.kind.key(),
                topic => plan.topic,
                from => plan.period.from,
                to => plan.period.to,
                status => version.status.key(),
                number => version.number,
                approval => version.approval.as_ref().map(|a| view! {
                    resolution => a.resolution,
                    date => a.date.to_string(),
                    body => a.body,
                }),
                vision => version.vision.as_deref().map(to_html),
                chapters,
                priorities,
                total,
                yearly,
                xlsx_href => format!("{canonical}/tabulka.xlsx"),
                pdf_href => format!("{canonical}/plan.pdf"),
                diff_href => format!("{canonical}/zmeny"),
                inputs,
                used_by,
            },
        )?;
    Ok(html.into_response())
}

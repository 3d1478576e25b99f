//! `/{area}/kraj`: the view of a region-level area across its ORPs, side by side — inhabitants
//! and the share of older people, the plans in force of each ORP's area with the status of
//! their indicators, coverage gaps, the capacity of a chosen kind per 1,000 of its group (a
//! table and a map of the ORPs), and the measures of ORP plans that need a decision of the
//! region. Computed on request from the same parts as the analysis page.

use std::collections::{HashMap, HashSet};

use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::response::Html;
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::analysis::Supply;
use souhra_core::area::{Area, AreaId, AreaKind};
use souhra_core::code::{MunicipalityCode, OrpCode};
use souhra_core::codelist::Codelist;
use souhra_core::plan::{
    ElementKey, Indicator, IndicatorStatus, PlanStatus, YearValue, indicator_status,
};
use souhra_store::plan::{Element, Plan, PlanId, PlanVersion, VersionId};

use super::analysis::{Inputs, share_text};
use super::plans::{ServiceLink, plan_href};
use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// The kind compared by default: homes for seniors.
const DEFAULT_KIND: &str = "49";

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RegionParams {
    druh: Option<String>,
}

#[derive(Serialize)]
struct OrpRow {
    code: String,
    name: String,
    href: String,
    municipalities: usize,
    population: u64,
    aged_65: String,
    plans: Vec<ServiceLink>,
    indicators: String,
    gaps: usize,
    missing_kind: usize,
    capacity: String,
    per_1000: String,
    per_1000_value: Option<f64>,
    flagged: Vec<ServiceLink>,
}

/// What the region view shows of an ORP area's plans in force: links, the indicators'
/// statuses and the measures flagged for the region.
#[derive(Default)]
struct OrpPlans {
    links: Vec<ServiceLink>,
    statuses: HashMap<IndicatorStatus, usize>,
    flagged: Vec<ServiceLink>,
}

/// The plans in force of the areas `within` the region, by area: five statements for all of
/// them (plans, versions, indicators, measured values, elements).
async fn orp_plans(
    state: &AppState,
    within: &[&Area],
) -> Result<HashMap<AreaId, OrpPlans>, AppError> {
    let store = state.store();
    let ids: Vec<AreaId> = within.iter().map(|a| a.id).collect();
    let in_force: Vec<(Plan, PlanVersion)> = store
        .plans_of_areas(&ids)
        .await?
        .into_iter()
        .filter_map(|plan| {
            let version = plan.in_force()?.clone();
            (version.status == PlanStatus::InForce).then_some((plan, version))
        })
        .collect();
    let plan_ids: Vec<PlanId> = in_force.iter().map(|(p, _)| p.id).collect();
    let version_ids: Vec<VersionId> = in_force.iter().map(|(_, v)| v.id).collect();
    let mut values: HashMap<PlanId, Vec<(ElementKey, YearValue)>> = HashMap::new();
    for (plan, key, value) in store.indicator_values_of(&plan_ids).await? {
        values.entry(plan).or_default().push((key, value));
    }
    let mut indicators: HashMap<VersionId, Vec<Indicator>> = HashMap::new();
    for (version, _, indicator) in store.plan_indicators_of(&version_ids).await? {
        indicators.entry(version).or_default().push(indicator);
    }
    let mut flagged: HashMap<VersionId, Vec<Element>> = HashMap::new();
    for (version, element) in store.plan_elements_of(&version_ids).await? {
        if element.details.needs_region {
            flagged.entry(version).or_default().push(element);
        }
    }
    let mut out: HashMap<AreaId, OrpPlans> = HashMap::new();
    for (plan, version) in &in_force {
        let Some(area) = within.iter().find(|a| a.id == plan.area) else {
            continue;
        };
        let row = out.entry(area.id).or_default();
        let href = plan_href(area.slug.as_str(), plan.id.0, &plan.title);
        row.links.push(ServiceLink {
            name: plan.title.clone(),
            href: href.clone(),
        });
        let measured_all = values.get(&plan.id).map(Vec::as_slice).unwrap_or_default();
        for indicator in indicators
            .get(&version.id)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let measured: Vec<YearValue> = measured_all
                .iter()
                .filter(|(k, _)| *k == indicator.key)
                .map(|(_, v)| *v)
                .collect();
            *row.statuses
                .entry(indicator_status(indicator, &measured))
                .or_default() += 1;
        }
        for element in flagged
            .get(&version.id)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            row.flagged.push(ServiceLink {
                name: format!("{} – {}", plan.title, element.title),
                href: format!("{href}#{}", element.key),
            });
        }
    }
    Ok(out)
}

/// `/{area}/kraj`.
pub(crate) async fn region_page(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<RegionParams>, QueryRejection>,
    uri: OriginalUri,
) -> Result<Html<String>, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    if area.kind != AreaKind::Region {
        return Err(AppError::NotFound);
    }
    let labels = state.labels();
    let kind = params
        .druh
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .unwrap_or(DEFAULT_KIND)
        .to_owned();
    if !labels.has(Codelist::ServiceKind, &kind) {
        return Err(AppError::BadRequest(format!("druh {kind:?}")));
    }
    let store = state.store();
    let children = store.area_children(&area).await?;
    let region = area.region.ok_or(AppError::NotFound)?;
    let orps = store.orps_in_region(region).await?;
    let inputs = Inputs::load(&state, area.clone()).await?;
    let supply = Supply::new(&inputs.territory, &inputs.groups, inputs.entries());
    let codes: Vec<MunicipalityCode> = inputs.municipalities.iter().map(|m| m.0).collect();
    // Coverage of every kind present, once for the whole region (facilities within 15 km).
    let overview = super::analysis::coverage_overview(&state, &inputs, super::analysis::DEFAULT_KM);
    let kinds: Vec<String> = overview.iter().map(|k| k.key.clone()).collect();
    let mut missing: HashMap<(OrpCode, String), usize> = HashMap::new();
    for k in &overview {
        for code in &k.missing_codes {
            if let Some(place) = inputs.territory.place(*code) {
                *missing.entry((place.orp, k.key.clone())).or_default() += 1;
            }
        }
    }
    // The capacity type the kind is counted in most across the region.
    let all: HashSet<MunicipalityCode> = codes.iter().copied().collect();
    let region_rows = supply.rows(&inputs.territory, &inputs.groups, &all);
    let mut by_type: HashMap<String, f64> = HashMap::new();
    for r in region_rows.iter().filter(|r| r.key.kind == kind) {
        *by_type.entry(r.key.capacity_type.clone()).or_default() += r.capacity;
    }
    let capacity_type = by_type
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t, _)| t);
    let orp_areas: Vec<&Area> = children
        .iter()
        .filter(|c| c.kind == AreaKind::Orp)
        .collect();
    let mut plans_by_area = orp_plans(&state, &orp_areas).await?;
    let mut rows = Vec::new();
    for summary in &orps {
        let orp = &summary.orp;
        let within: HashSet<MunicipalityCode> = codes
            .iter()
            .copied()
            .filter(|c| {
                inputs
                    .territory
                    .place(*c)
                    .is_some_and(|p| p.orp == orp.code)
            })
            .collect();
        let orp_codes: Vec<MunicipalityCode> = within.iter().copied().collect();
        let demography = souhra_core::analysis::demography(
            orp_codes
                .iter()
                .filter_map(|c| inputs.territory.place(*c))
                .map(|p| &p.population),
        );
        let rows_of_kind: Vec<_> = supply
            .rows(&inputs.territory, &inputs.groups, &within)
            .into_iter()
            .filter(|r| r.key.kind == kind && Some(&r.key.capacity_type) == capacity_type.as_ref())
            .collect();
        let capacity: f64 = rows_of_kind.iter().map(|r| r.capacity).sum();
        let group = rows_of_kind.first().and_then(|r| r.group);
        let per_1000 = group
            .filter(|&g| g > 0)
            .map(|g| capacity * 1000.0 / g as f64);
        let child = orp_areas
            .iter()
            .find(|c| c.territory_code == Some(orp.code.get()));
        let OrpPlans {
            links: plans,
            statuses,
            flagged,
        } = child
            .and_then(|c| plans_by_area.remove(&c.id))
            .unwrap_or_default();
        let href = match child {
            Some(child) => format!("/{}/analyza", child.slug),
            None => format!("/{}/analyza?uzemi=orp-{}", area.slug, orp.code),
        };
        rows.push(OrpRow {
            code: orp.code.to_string(),
            name: orp.name.clone(),
            href,
            municipalities: within.len(),
            population: demography.total,
            aged_65: share_text(lang, demography.aged(65).and_then(|g| g.share)),
            indicators: IndicatorStatus::ALL
                .iter()
                .filter_map(|s| {
                    let count = statuses.get(s).copied().filter(|n| *n > 0)?;
                    let label = state.translations().text(
                        lang,
                        &format!("indicator-status-{}", s.key()),
                        None,
                    );
                    Some(format!("{label}: {count}"))
                })
                .collect::<Vec<_>>()
                .join("; "),
            plans,
            gaps: kinds
                .iter()
                .filter(|k| missing.get(&(orp.code, (*k).clone())).copied().unwrap_or(0) > 0)
                .count(),
            missing_kind: missing.get(&(orp.code, kind.clone())).copied().unwrap_or(0),
            capacity: lang.format_decimal(capacity, 1),
            per_1000: per_1000
                .map(|v| lang.format_decimal(v, 1))
                .unwrap_or_default(),
            per_1000_value: per_1000,
            flagged,
        });
    }
    rows.sort_by_cached_key(|r| souhra_core::text::sort_key(&r.name));
    let kind_name = labels.label(Codelist::ServiceKind, &kind);
    let mut args = FluentArgs::new();
    args.set("kind", kind_name.clone());
    let map_title = state
        .translations()
        .text(lang, "region-map-title", Some(&args));
    let points: Vec<crate::chart::OrpPoint> = rows
        .iter()
        .filter_map(|r| {
            let code = OrpCode::parse(&r.code).ok()?;
            let located: Vec<_> = codes
                .iter()
                .filter_map(|c| inputs.territory.place(*c))
                .filter(|p| p.orp == code)
                .filter_map(|p| p.point)
                .collect();
            if located.is_empty() {
                return None;
            }
            let n = located.len() as f64;
            Some(crate::chart::OrpPoint {
                name: r.name.clone(),
                lat: located.iter().map(|p| p.lat).sum::<f64>() / n,
                lon: located.iter().map(|p| p.lon).sum::<f64>() / n,
                value: r.per_1000_value,
                value_text: r.per_1000.clone(),
            })
        })
        .collect();
    let map = crate::chart::orp_map_svg(&points, &map_title);
    let mut kind_options: Vec<(String, String, bool)> = kinds
        .iter()
        .map(|k| {
            (
                k.clone(),
                labels.label(Codelist::ServiceKind, k),
                *k == kind,
            )
        })
        .collect();
    if !kinds.contains(&kind) {
        kind_options.push((kind.clone(), kind_name.clone(), true));
    }
    let group_from = inputs.groups.from_age(&kind);
    let flagged: Vec<&ServiceLink> = rows.iter().flat_map(|r| &r.flagged).collect();
    let view_area = AreaView::new(&state, lang, &area);
    Page::new(&state, lang, &path_of(&uri))
        .title_key("region-title")
        .nav("analysis")
        .area(view_area)
        .render(
            "region.html",
            view! {
                rows,
                kind,
                kind_name,
                kind_options,
                capacity_type => capacity_type.map(|t| labels.label(Codelist::CapacityType, &t)),
                group_from,
                map,
                flagged,
            },
        )
}

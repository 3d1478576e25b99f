//! The network of social services (síť sociálních služeb) and the money behind it.
//!
//! Public: `/{area}/sit` — the network in force for a year (what the area funds and why: each
//! service with its capacity in the network, the type of network, the planned and paid money by
//! source and the plan measures that justify it), the funding overview (totals by source, per
//! inhabitant, and for a region per ORP, a service's money spread over the municipalities it
//! serves in proportion to their inhabitants), and the open dataset (`sit.csv`, `sit.xlsx`,
//! `sit.json` as HSDS services with the network's attributes).
//!
//! Administration: a network is a plan document of the kind `service_network` (proposal, public
//! comment, approval and versions are the plan's); `…/plan/{id}/sit` adds a service,
//! `…/plan/{id}/sit/{key}` edits one, `…/sit/{key}/vyplaceno` records the money paid, and
//! `…/plan/{id}/vstupy` names the plans a region's plan draws on.

use std::collections::{BTreeMap, HashMap};

use axum::Form;
use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::{Area, AreaKind};
use souhra_core::catalogue::ServiceStatus;
use souhra_core::codelist::{Codelist, Form as ServiceFormKind};
use souhra_core::network::{
    NetworkCapacity, NetworkError, NetworkType, check_capacities, per_capita,
};
use souhra_core::plan::{ElementKey, ElementKind, FundingSource, PlanError, PlanKind};
use souhra_core::policy::Action;
use souhra_interop::sheet::write::{Cell, Table, write_tables};
use souhra_store::StoreError;
use souhra_store::network::{MeasureRef, NetworkDetails, NetworkEntry};
use souhra_store::plan::{Element, Plan, PlanId, PlanVersion};
use souhra_store::records::{ServiceDetail, ServiceId};

use super::admin::{area_page, area_post};
use super::load_area;
use super::planning::{change, may, plan_in, text};
use super::plans::{ServiceLink, plan_href};
use crate::auth::{Signed, private};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// The translation key of a form of provision.
fn form_key(form: ServiceFormKind) -> &'static str {
    match form {
        ServiceFormKind::Residential => "form-residential",
        ServiceFormKind::Outpatient => "form-outpatient",
        ServiceFormKind::Field => "form-field",
    }
}

/// Whole crowns as people read them.
fn crowns(state: &AppState, lang: Lang, amount: i64) -> String {
    money(state, lang, lang.format_integer(amount))
}

/// A formatted amount with the currency.
fn money(state: &AppState, lang: Lang, amount: String) -> String {
    let mut args = FluentArgs::new();
    args.set("amount", amount);
    state.translations().text(lang, "money-czk", Some(&args))
}

/// One service of a network with everything shown about it.
struct Entry {
    element: Element,
    details: NetworkDetails,
    service: Option<ServiceDetail>,
    planned: Vec<(FundingSource, i64)>,
    actual: Vec<(FundingSource, i64)>,
}

/// A network version with its entries.
struct Network {
    plan: Plan,
    version: PlanVersion,
    year: i32,
    entries: Vec<Entry>,
}

/// Reads the entries of a network version (elements, services, planned money, money paid in the
/// network's year): four queries.
async fn load(state: &AppState, plan: Plan, version: PlanVersion) -> Result<Network, AppError> {
    let store = state.store();
    let year = plan.period.from;
    let elements = store.plan_elements(version.id).await?;
    let budget = store.plan_budget(version.id).await?;
    let paid = store.funding_actuals(plan.id).await?;
    let ids: Vec<ServiceId> = elements
        .iter()
        .filter_map(|e| e.details.network.as_ref().map(|n| ServiceId(n.service)))
        .collect();
    let mut services: HashMap<i64, ServiceDetail> = store
        .services(&ids)
        .await?
        .into_iter()
        .map(|s| (s.id.0, s))
        .collect();
    let entries = elements
        .into_iter()
        .filter(|e| e.kind == ElementKind::NetworkEntry)
        .filter_map(|element| {
            let details = element.details.network.clone()?;
            let lines = |list: &[(ElementKey, souhra_core::plan::BudgetLine)]| {
                list.iter()
                    .filter(|(k, l)| *k == element.key && l.year == year)
                    .map(|(_, l)| (l.source, l.amount))
                    .collect::<Vec<_>>()
            };
            Some(Entry {
                planned: lines(&budget),
                actual: lines(&paid),
                service: services.remove(&details.service),
                details,
                element,
            })
        })
        .collect();
    Ok(Network {
        plan,
        version,
        year,
        entries,
    })
}

/// The networks of an area whose version is in force, by year (newest first).
async fn networks_in_force(
    state: &AppState,
    area: &Area,
) -> Result<Vec<(Plan, PlanVersion)>, AppError> {
    let mut found: Vec<(Plan, PlanVersion)> = state
        .store()
        .plans_of_area(area.id)
        .await?
        .into_iter()
        .filter(|p| p.kind == PlanKind::ServiceNetwork)
        .filter_map(|p| {
            let version = p.in_force()?.clone();
            Some((p, version))
        })
        .collect();
    found.sort_by_key(|(p, _)| std::cmp::Reverse(p.period.from));
    Ok(found)
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct NetworkParams {
    rok: Option<String>,
}

/// The network in force of `year` (default: the newest), with the years there are.
async fn public_network(
    state: &AppState,
    area: &Area,
    params: &NetworkParams,
) -> Result<(Option<Network>, Vec<i32>), AppError> {
    let all = networks_in_force(state, area).await?;
    let years: Vec<i32> = all.iter().map(|(p, _)| p.period.from).collect();
    let wanted = match params
        .rok
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        None => None,
        Some(text) => Some(
            text.parse::<i32>()
                .map_err(|_| AppError::BadRequest(format!("rok {text:?}")))?,
        ),
    };
    let chosen = match wanted {
        None => all.into_iter().next(),
        Some(year) => Some(
            all.into_iter()
                .find(|(p, _)| p.period.from == year)
                .ok_or(AppError::NotFound)?,
        ),
    };
    let network = match chosen {
        Some((plan, version)) => Some(load(state, plan, version).await?),
        None => None,
    };
    Ok((network, years))
}

#[derive(Serialize)]
struct MoneyCell {
    source: &'static str,
    planned: String,
    actual: String,
}

#[derive(Serialize)]
struct EntryRow {
    key: String,
    name: String,
    href: Option<String>,
    provider: String,
    kind: String,
    network_type: &'static str,
    capacities: Vec<String>,
    justification: Option<String>,
    measures: Vec<ServiceLink>,
    planned: String,
    actual: String,
    money: Vec<MoneyCell>,
    ended: bool,
}

#[derive(Serialize)]
struct SourceRow {
    source: &'static str,
    planned: String,
    actual: String,
    per_capita: String,
}

#[derive(Serialize)]
struct PartRow {
    name: String,
    population: String,
    planned: String,
    per_capita: String,
}

/// Labels of the measures entries cite: plan title and measure title, linked to the public plan.
async fn measure_links(
    state: &AppState,
    entries: &[Entry],
) -> Result<HashMap<MeasureRef, ServiceLink>, AppError> {
    let store = state.store();
    let mut links = HashMap::new();
    let mut plans: BTreeMap<i64, Option<(Plan, String, Vec<Element>)>> = BTreeMap::new();
    // The areas are read once, for the slugs of the cited plans' pages.
    let mut areas: Option<Vec<Area>> = None;
    for measure in entries.iter().flat_map(|e| &e.details.measures) {
        if let std::collections::btree_map::Entry::Vacant(slot) = plans.entry(measure.plan) {
            let loaded = match store.plan(PlanId(measure.plan)).await? {
                Some(plan) => {
                    if areas.is_none() {
                        areas = Some(store.areas().await?);
                    }
                    let area = areas
                        .iter()
                        .flatten()
                        .find(|a| a.id == plan.area)
                        .map(|a| a.slug.to_string())
                        .unwrap_or_default();
                    let version = super::plans::published(&plan)
                        .or_else(|| plan.latest())
                        .map(|v| v.id);
                    let elements = match version {
                        Some(v) => store.plan_elements(v).await?,
                        None => Vec::new(),
                    };
                    Some((plan, area, elements))
                }
                None => None,
            };
            slot.insert(loaded);
        }
        if let Some(Some((plan, area, elements))) = plans.get(&measure.plan) {
            let title = elements
                .iter()
                .find(|e| e.key == measure.key)
                .map_or_else(|| measure.key.to_string(), |e| e.title.clone());
            let href = if super::plans::published(plan).is_some() {
                format!(
                    "{}#{}",
                    plan_href(area, plan.id.0, &plan.title),
                    measure.key
                )
            } else {
                String::new()
            };
            links.insert(
                measure.clone(),
                ServiceLink {
                    name: format!("{} – {title}", plan.title),
                    href,
                },
            );
        }
    }
    Ok(links)
}

fn capacity_texts(state: &AppState, lang: Lang, capacities: &[NetworkCapacity]) -> Vec<String> {
    let labels = state.labels();
    capacities
        .iter()
        .map(|c| {
            format!(
                "{} {} ({})",
                lang.format_integer(i64::from(c.count)),
                labels.label(Codelist::CapacityType, &c.capacity_type),
                text(state, lang, form_key(c.form))
            )
        })
        .collect()
}

fn sum(lines: &[(FundingSource, i64)]) -> i64 {
    lines.iter().map(|(_, a)| a).sum()
}

fn entry_rows(
    state: &AppState,
    lang: Lang,
    area: &Area,
    network: &Network,
    links: &HashMap<MeasureRef, ServiceLink>,
) -> Vec<EntryRow> {
    let labels = state.labels();
    network
        .entries
        .iter()
        .map(|e| EntryRow {
            key: e.element.key.to_string(),
            name: e.element.title.clone(),
            href: e
                .service
                .as_ref()
                .map(|s| super::cards::service_href(area.slug.as_str(), s.id.0, &s.name)),
            provider: e
                .service
                .as_ref()
                .map(|s| s.organization.organization.name.clone())
                .unwrap_or_default(),
            kind: e
                .service
                .as_ref()
                .map(|s| labels.label(Codelist::ServiceKind, &s.kind))
                .unwrap_or_default(),
            network_type: e.details.network_type.key(),
            capacities: capacity_texts(state, lang, &e.details.capacities),
            justification: e.element.body.clone(),
            measures: e
                .details
                .measures
                .iter()
                .filter_map(|m| links.get(m))
                .map(|l| ServiceLink {
                    name: l.name.clone(),
                    href: l.href.clone(),
                })
                .collect(),
            planned: crowns(state, lang, sum(&e.planned)),
            actual: if e.actual.is_empty() {
                String::new()
            } else {
                crowns(state, lang, sum(&e.actual))
            },
            money: FundingSource::ALL
                .iter()
                .filter_map(|s| {
                    let planned = e.planned.iter().find(|(k, _)| k == s).map(|(_, a)| *a);
                    let actual = e.actual.iter().find(|(k, _)| k == s).map(|(_, a)| *a);
                    (planned.is_some() || actual.is_some()).then(|| MoneyCell {
                        source: s.key(),
                        planned: planned.map(|a| crowns(state, lang, a)).unwrap_or_default(),
                        actual: actual.map(|a| crowns(state, lang, a)).unwrap_or_default(),
                    })
                })
                .collect(),
            ended: e
                .service
                .as_ref()
                .is_some_and(|s| s.status == ServiceStatus::Ended),
        })
        .collect()
}

/// The funding overview: totals by source with money per inhabitant of the area, and for a
/// region the planned money per ORP (each service's money spread over the municipalities it
/// serves in proportion to their inhabitants).
async fn overview(
    state: &AppState,
    lang: Lang,
    area: &Area,
    network: &Network,
) -> Result<(Vec<SourceRow>, Vec<PartRow>, String), AppError> {
    let inputs = super::analysis::Inputs::load(state, area.clone()).await?;
    let population: u64 = inputs
        .municipalities
        .iter()
        .filter_map(|(code, _, _)| inputs.territory.place(*code))
        .filter_map(|p| p.aged(0))
        .sum();
    let per = |amount: i64| {
        per_capita(amount, population)
            .map(|v| money(state, lang, lang.format_decimal(v, 2)))
            .unwrap_or_default()
    };
    let mut planned: BTreeMap<FundingSource, i64> = BTreeMap::new();
    let mut actual: BTreeMap<FundingSource, i64> = BTreeMap::new();
    for e in &network.entries {
        for (s, a) in &e.planned {
            *planned.entry(*s).or_default() += a;
        }
        for (s, a) in &e.actual {
            *actual.entry(*s).or_default() += a;
        }
    }
    let sources: Vec<SourceRow> = FundingSource::ALL
        .iter()
        .filter(|s| planned.contains_key(s) || actual.contains_key(s))
        .map(|s| {
            let p = planned.get(s).copied().unwrap_or(0);
            SourceRow {
                source: s.key(),
                planned: crowns(state, lang, p),
                actual: actual
                    .get(s)
                    .map(|a| crowns(state, lang, *a))
                    .unwrap_or_default(),
                per_capita: per(p),
            }
        })
        .collect();
    let total: i64 = planned.values().sum();
    let mut parts = Vec::new();
    if area.kind == AreaKind::Region
        && let Some(region) = area.region
    {
        let entries: HashMap<i64, &souhra_core::catalogue::CatalogueEntry> =
            inputs.entries.iter().map(|(id, e)| (*id, e)).collect();
        let mut by_orp: HashMap<souhra_core::code::OrpCode, f64> = HashMap::new();
        for e in &network.entries {
            let Some(entry) = entries.get(&e.details.service) else {
                continue;
            };
            let amount = sum(&e.planned) as f64;
            for (code, share) in inputs.territory.served_shares(entry) {
                if let Some(place) = inputs.territory.place(code) {
                    *by_orp.entry(place.orp).or_default() += amount * share;
                }
            }
        }
        for summary in state.store().orps_in_region(region).await? {
            let people: u64 = inputs
                .municipalities
                .iter()
                .filter_map(|(code, _, _)| inputs.territory.place(*code))
                .filter(|p| p.orp == summary.orp.code)
                .filter_map(|p| p.aged(0))
                .sum();
            let amount = by_orp
                .get(&summary.orp.code)
                .copied()
                .unwrap_or(0.0)
                .round() as i64;
            parts.push(PartRow {
                name: summary.orp.name.clone(),
                population: lang.format_integer(i64::try_from(people).unwrap_or(i64::MAX)),
                planned: crowns(state, lang, amount),
                per_capita: per_capita(amount, people)
                    .map(|v| money(state, lang, lang.format_decimal(v, 2)))
                    .unwrap_or_default(),
            });
        }
        parts.sort_by_cached_key(|r| souhra_core::text::sort_key(&r.name));
    }
    let mut args = FluentArgs::new();
    args.set("total", crowns(state, lang, total));
    args.set(
        "people",
        lang.format_integer(i64::try_from(population).unwrap_or(i64::MAX)),
    );
    args.set("per", per(total));
    let summary = state
        .translations()
        .text(lang, "network-funding-summary", Some(&args));
    Ok((sources, parts, summary))
}

/// `/{area}/sit`.
pub(crate) async fn network_page(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<NetworkParams>, QueryRejection>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    let (network, years) = public_network(&state, &area, &params).await?;
    let title = format!("{} – {}", text(&state, lang, "network-title"), area.name);
    let page = Page::new(&state, lang, &super::path_of(&uri))
        .title(title)
        .nav("plans")
        .area(AreaView::new(&state, lang, &area));
    let Some(network) = network else {
        let html = page.render("network.html", view! { years, network => false })?;
        return Ok(html.into_response());
    };
    let links = measure_links(&state, &network.entries).await?;
    let rows = entry_rows(&state, lang, &area, &network, &links);
    let (sources, parts, summary) = overview(&state, lang, &area, &network).await?;
    let basic = network
        .entries
        .iter()
        .filter(|e| e.details.network_type == NetworkType::Basic)
        .count();
    let html = page.render(
        "network.html",
        view! {
            years,
            network => true,
            year => network.year,
            plan_title => network.plan.title,
            approval => network.version.approval,
            number => network.version.number,
            basic,
            optional => network.entries.len() - basic,
            rows,
            sources,
            parts,
            summary,
            comments_href => format!("/{}/plan/{}/pripominky", area.slug, network.plan.id.0),
            pdf_href => format!(
                "{}/plan.pdf",
                plan_href(area.slug.as_str(), network.plan.id.0, &network.plan.title)
            ),
        },
    )?;
    Ok(html.into_response())
}

/// The services and funding of network `version` for its PDF: the services by type of network
/// and kind of service, each with its facts and money, then the funding overview.
pub(crate) async fn network_doc(
    state: &AppState,
    lang: Lang,
    area: &Area,
    plan: &Plan,
    version: &PlanVersion,
) -> Result<souhra_docs::plan::NetworkDoc, AppError> {
    use souhra_docs::plan::{NetworkDoc, NetworkGroupDoc, Section};
    let t = |key: &str| text(state, lang, key);
    let network = load(state, plan.clone(), version.clone()).await?;
    let links = measure_links(state, &network.entries).await?;
    let (sources, parts, funding_summary) = overview(state, lang, area, &network).await?;
    let labels = state.labels();
    let mut groups = Vec::new();
    for &network_type in NetworkType::ALL {
        // Kinds in the order of the Act (by paragraph), services by name.
        let mut by_kind: BTreeMap<(u32, String), Vec<&Entry>> = BTreeMap::new();
        for e in network
            .entries
            .iter()
            .filter(|e| e.details.network_type == network_type)
        {
            let kind = e
                .service
                .as_ref()
                .map(|s| s.kind.clone())
                .unwrap_or_default();
            let paragraph: u32 = kind
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(u32::MAX);
            by_kind.entry((paragraph, kind)).or_default().push(e);
        }
        if by_kind.is_empty() {
            continue;
        }
        let group_number = (groups.len() + 1).to_string();
        let mut kinds = Vec::new();
        for (k, ((_, kind), mut entries)) in by_kind.into_iter().enumerate() {
            entries.sort_by_cached_key(|e| souhra_core::text::sort_key(&e.element.title));
            let kind_number = format!("{group_number}.{}", k + 1);
            let services = entries
                .iter()
                .enumerate()
                .map(|(n, e)| {
                    service_doc(state, lang, &format!("{kind_number}.{}", n + 1), e, &links)
                })
                .collect();
            kinds.push(Section {
                number: kind_number,
                title: if kind.is_empty() {
                    String::new()
                } else {
                    labels.label(Codelist::ServiceKind, &kind)
                },
                blocks: Vec::new(),
                children: services,
            });
        }
        groups.push(NetworkGroupDoc {
            number: group_number,
            title: capitalized(&t(&format!("network-type-{}", network_type.key()))),
            kinds,
        });
    }
    let basic = network
        .entries
        .iter()
        .filter(|e| e.details.network_type == NetworkType::Basic)
        .count();
    let mut args = FluentArgs::new();
    args.set("basic", basic);
    args.set("optional", network.entries.len() - basic);
    Ok(NetworkDoc {
        summary: state
            .translations()
            .text(lang, "network-counts", Some(&args)),
        groups,
        funding_heading: t("network-funding"),
        funding_summary,
        source_header: [
            "network-col-source",
            "network-col-planned-total",
            "network-col-actual-total",
            "network-col-per-capita",
        ]
        .iter()
        .map(|k| t(k))
        .collect(),
        sources: sources
            .into_iter()
            .map(|r| {
                vec![
                    t(&format!("funding-{}", r.source)),
                    r.planned,
                    r.actual,
                    r.per_capita,
                ]
            })
            .collect(),
        parts_heading: t("network-parts-caption"),
        parts_header: [
            "region-col-orp",
            "label-population",
            "network-col-planned-total",
            "network-col-per-capita",
        ]
        .iter()
        .map(|k| t(k))
        .collect(),
        parts: parts
            .into_iter()
            .map(|r| vec![r.name, r.population, r.planned, r.per_capita])
            .collect(),
        parts_hint: t("network-parts-hint"),
    })
}

/// What the comment page says about a network's entry beside its justification: the type of
/// network, the capacity in the network and the planned money by source (`budget`: the text's
/// budget lines).
pub(crate) fn entry_facts(
    state: &AppState,
    lang: Lang,
    element: &Element,
    budget: &[(ElementKey, souhra_core::plan::BudgetLine)],
) -> Vec<(String, String)> {
    let t = |key: &str| text(state, lang, key);
    let Some(details) = &element.details.network else {
        return Vec::new();
    };
    let mut facts = vec![(
        t("network-col-type"),
        t(&format!("network-type-{}", details.network_type.key())),
    )];
    let capacities = capacity_texts(state, lang, &details.capacities);
    if !capacities.is_empty() {
        facts.push((t("network-col-capacity"), capacities.join(", ")));
    }
    let planned: Vec<String> = budget
        .iter()
        .filter(|(k, _)| *k == element.key)
        .map(|(_, l)| {
            format!(
                "{}: {}",
                t(&format!("funding-{}", l.source.key())),
                crowns(state, lang, l.amount)
            )
        })
        .collect();
    if !planned.is_empty() {
        facts.push((t("network-col-planned-total"), planned.join(", ")));
    }
    facts
}

/// The first letter in upper case (the type of network is written in lower case mid-sentence).
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One service of a network as printed.
fn service_doc(
    state: &AppState,
    lang: Lang,
    number: &str,
    e: &Entry,
    links: &HashMap<MeasureRef, ServiceLink>,
) -> souhra_docs::plan::NetworkServiceDoc {
    let t = |key: &str| text(state, lang, key);
    let mut facts: Vec<(String, String)> = Vec::new();
    if let Some(s) = &e.service {
        let organization = &s.organization.organization;
        let provider = match &organization.ico {
            Some(ico) => format!("{} ({} {ico})", organization.name, t("network-col-ico")),
            None => organization.name.clone(),
        };
        facts.push((t("network-col-provider"), provider));
        facts.push((
            t("network-col-kind"),
            state.labels().label(Codelist::ServiceKind, &s.kind),
        ));
        if let Some(id) = &s.registration_id {
            facts.push((t("network-col-registration"), id.to_string()));
        }
        if s.status == ServiceStatus::Ended {
            facts.push((t("network-col-service"), t("network-ended")));
        }
    }
    let capacities = capacity_texts(state, lang, &e.details.capacities);
    if !capacities.is_empty() {
        facts.push((t("network-col-capacity"), capacities.join(", ")));
    }
    let measures: Vec<String> = e
        .details
        .measures
        .iter()
        .filter_map(|m| links.get(m))
        .map(|l| l.name.clone())
        .collect();
    if !measures.is_empty() {
        facts.push((t("network-measures"), measures.join("; ")));
    }
    let amount = |lines: &[(FundingSource, i64)], source: &FundingSource| {
        lines
            .iter()
            .find(|(s, _)| s == source)
            .map(|(_, a)| crowns(state, lang, *a))
            .unwrap_or_default()
    };
    souhra_docs::plan::NetworkServiceDoc {
        number: number.to_owned(),
        title: e.element.title.clone(),
        blocks: e
            .element
            .body
            .as_deref()
            .map(crate::markdown::to_blocks)
            .unwrap_or_default(),
        facts,
        money: FundingSource::ALL
            .iter()
            .filter(|s| e.planned.iter().chain(&e.actual).any(|(k, _)| k == *s))
            .map(|s| {
                (
                    t(&format!("funding-{}", s.key())),
                    amount(&e.planned, s),
                    amount(&e.actual, s),
                )
            })
            .collect(),
        planned: crowns(state, lang, sum(&e.planned)),
        paid: if e.actual.is_empty() {
            String::new()
        } else {
            crowns(state, lang, sum(&e.actual))
        },
    }
}

/// The network as one table (the open dataset's columns).
fn table(state: &AppState, lang: Lang, network: &Network) -> Table {
    let t = |key: &str| text(state, lang, key);
    let labels = state.labels();
    let mut header: Vec<String> = [
        "network-col-year",
        "network-col-registration",
        "network-col-service",
        "network-col-provider",
        "network-col-ico",
        "network-col-kind",
        "network-col-type",
        "network-col-capacity",
    ]
    .iter()
    .map(|k| t(k))
    .collect();
    for source in FundingSource::ALL {
        let mut args = FluentArgs::new();
        args.set("source", t(&format!("funding-{}", source.key())));
        header.push(
            state
                .translations()
                .text(lang, "network-col-planned", Some(&args)),
        );
    }
    for source in FundingSource::ALL {
        let mut args = FluentArgs::new();
        args.set("source", t(&format!("funding-{}", source.key())));
        header.push(
            state
                .translations()
                .text(lang, "network-col-actual", Some(&args)),
        );
    }
    header.push(t("network-col-justification"));
    let rows = network
        .entries
        .iter()
        .map(|e| {
            let service = e.service.as_ref();
            let mut row = vec![
                Cell::Number(f64::from(network.year)),
                Cell::Text(
                    service
                        .and_then(|s| s.registration_id.as_ref())
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
                Cell::Text(e.element.title.clone()),
                Cell::Text(
                    service
                        .map(|s| s.organization.organization.name.clone())
                        .unwrap_or_default(),
                ),
                Cell::Text(
                    service
                        .and_then(|s| s.organization.organization.ico.as_ref())
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
                Cell::Text(
                    service
                        .map(|s| labels.label(Codelist::ServiceKind, &s.kind))
                        .unwrap_or_default(),
                ),
                Cell::Text(t(&format!("network-type-{}", e.details.network_type.key()))),
                Cell::Text(capacity_texts(state, lang, &e.details.capacities).join("; ")),
            ];
            for lines in [&e.planned, &e.actual] {
                for source in FundingSource::ALL {
                    row.push(
                        lines
                            .iter()
                            .find(|(s, _)| s == source)
                            .map_or(Cell::Text(String::new()), |(_, a)| Cell::Number(*a as f64)),
                    );
                }
            }
            row.push(Cell::Text(e.element.body.clone().unwrap_or_default()));
            row
        })
        .collect();
    Table {
        name: format!("{} {}", t("network-title"), network.year),
        header,
        rows,
    }
}

async fn dataset(
    state: &AppState,
    slug: &str,
    params: Result<Query<NetworkParams>, QueryRejection>,
) -> Result<(Area, Network), AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(state, slug).await?;
    let (network, _) = public_network(state, &area, &params).await?;
    Ok((area, network.ok_or(AppError::NotFound)?))
}

/// `/{area}/sit.csv`.
pub(crate) async fn network_csv(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<NetworkParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let (area, network) = dataset(&state, &slug, params).await?;
    let table = table(&state, lang, &network);
    Ok(super::plan_export::csv_download(
        &table,
        &format!("sit-{}-{}.csv", area.slug, network.year),
    ))
}

/// `/{area}/sit.xlsx`.
pub(crate) async fn network_xlsx(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<NetworkParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let (area, network) = dataset(&state, &slug, params).await?;
    let table = table(&state, lang, &network);
    let bytes = write_tables(&network.plan.title, &[table])
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(super::plan_export::xlsx_download(
        bytes,
        &format!("sit-{}-{}.xlsx", area.slug, network.year),
    ))
}

/// `/{area}/sit.json`: the network's services as HSDS 3.0 services with the network's attributes.
pub(crate) async fn network_json(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    params: Result<Query<NetworkParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let (area, network) = dataset(&state, &slug, params).await?;
    let store = state.store();
    let mut codelists = Vec::new();
    for list in Codelist::ALL {
        codelists.extend(store.codelist(list).await?);
    }
    let territory =
        souhra_interop::bundled::territory().map_err(|e| AppError::Internal(e.to_string()))?;
    let context = souhra_interop::hsds::export::Context::new(&territory, &codelists)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let ids: Vec<ServiceId> = network
        .entries
        .iter()
        .map(|e| ServiceId(e.details.service))
        .collect();
    let entries: HashMap<i64, souhra_core::catalogue::CatalogueEntry> = store
        .catalogue_entries_of(&ids)
        .await?
        .into_iter()
        .map(|(id, e)| (id.0, e))
        .collect();
    let services: Vec<_> = network
        .entries
        .iter()
        .filter_map(|e| {
            let entry = entries.get(&e.details.service)?;
            Some(souhra_interop::hsds::export::to_network_service(
                &context,
                entry,
                &souhra_interop::hsds::export::NetworkFacts {
                    year: network.year,
                    area: area.slug.as_str(),
                    network_type: e.details.network_type,
                    capacities: &e.details.capacities,
                    planned: &e.planned,
                    actual: &e.actual,
                },
            ))
        })
        .collect();
    let body =
        serde_json::to_vec_pretty(&services).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    Ok(response)
}

// ---- Administration -------------------------------------------------------------------------

/// The form of a network entry, as typed.
#[derive(Debug, Default, Serialize)]
struct EntryForm {
    service: i64,
    network_type: String,
    justification: String,
    /// (form key, capacity type, typed count)
    capacities: Vec<(String, String, String)>,
    /// (source key, typed amount)
    planned: Vec<(String, String)>,
    measures: Vec<String>,
    revision: i64,
    csrf: String,
}

impl EntryForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = Self::default();
        for (name, value) in pairs {
            match name.as_str() {
                "sluzba" => form.service = value.trim().parse().unwrap_or(0),
                "typ" => form.network_type = value.clone(),
                "zduvodneni" => form.justification = value.clone(),
                "opatreni" => form.measures.push(value.clone()),
                "revize" => form.revision = value.trim().parse().unwrap_or(0),
                "csrf" => form.csrf = value.clone(),
                other => {
                    if let Some(rest) = other.strip_prefix("kapacita:")
                        && let Some((f, kind)) = rest.split_once(':')
                    {
                        form.capacities
                            .push((f.to_owned(), kind.to_owned(), value.clone()));
                    } else if let Some(source) = other.strip_prefix("planovano:") {
                        form.planned.push((source.to_owned(), value.clone()));
                    }
                }
            }
        }
        form
    }

    fn of(entry: &Entry) -> Self {
        Self {
            service: entry.details.service,
            network_type: entry.details.network_type.key().to_owned(),
            justification: entry.element.body.clone().unwrap_or_default(),
            capacities: entry
                .details
                .capacities
                .iter()
                .map(|c| {
                    (
                        c.form.key().to_owned(),
                        c.capacity_type.clone(),
                        c.count.to_string(),
                    )
                })
                .collect(),
            planned: entry
                .planned
                .iter()
                .map(|(s, a)| (s.key().to_owned(), a.to_string()))
                .collect(),
            measures: entry
                .details
                .measures
                .iter()
                .map(|m| format!("{}:{}", m.plan, m.key))
                .collect(),
            revision: entry.element.revision,
            csrf: String::new(),
        }
    }

    /// The entry to save, or the translated problem.
    fn parse(
        &self,
        state: &AppState,
        lang: Lang,
        service: &ServiceDetail,
    ) -> Result<NetworkEntry, String> {
        let say = |key: &str, args: Option<&FluentArgs>| state.translations().text(lang, key, args);
        let network_type = NetworkType::from_key(&self.network_type)
            .map_err(|_| say("network-error-type", None))?;
        let mut capacities = Vec::new();
        for (form, kind, count) in &self.capacities {
            let form = ServiceFormKind::ALL
                .into_iter()
                .find(|f| f.key() == form)
                .ok_or_else(|| say("network-error-capacity", None))?;
            let typed = count.trim();
            let count: u32 = if typed.is_empty() {
                0
            } else {
                typed.parse().map_err(|_| {
                    let mut args = FluentArgs::new();
                    args.set("value", typed.to_owned());
                    say("network-error-capacity-number", Some(&args))
                })?
            };
            capacities.push(NetworkCapacity {
                form,
                capacity_type: kind.clone(),
                count,
            });
        }
        check_capacities(
            service.status,
            service.status_since,
            &service.forms,
            &capacities,
        )
        .map_err(|e| network_problem(state, lang, &e))?;
        let planned = souhra_core::network::parse_funding(
            self.planned.iter().map(|(s, a)| (s.as_str(), a.as_str())),
        )
        .map_err(|e| money_problem(state, lang, &e))?;
        let mut measures = Vec::new();
        for text in &self.measures {
            let parsed = text.split_once(':').and_then(|(plan, key)| {
                Some(MeasureRef {
                    plan: plan.parse().ok()?,
                    key: ElementKey::parse(key).ok()?,
                })
            });
            measures.push(parsed.ok_or_else(|| say("network-error-measure", None))?);
        }
        Ok(NetworkEntry {
            service: service.id,
            network_type,
            capacities,
            justification: Some(self.justification.trim().to_owned()).filter(|j| !j.is_empty()),
            measures,
            planned,
        })
    }
}

/// A refused capacity in the interface's words.
fn network_problem(state: &AppState, lang: Lang, error: &NetworkError) -> String {
    let labels = state.labels();
    let mut args = FluentArgs::new();
    let key = match error {
        NetworkError::Ended { since: Some(day) } => {
            args.set("since", lang.format_date(*day));
            "network-error-ended"
        }
        NetworkError::Ended { since: None } => "network-error-ended-undated",
        NetworkError::NotRegistered { .. } | NetworkError::Twice { .. } => "network-error-capacity",
        NetworkError::AboveRegistered {
            form,
            capacity_type,
            asked,
            registered,
        } => {
            args.set("asked", *asked);
            args.set("registered", *registered);
            args.set("type", labels.label(Codelist::CapacityType, capacity_type));
            args.set("form", text(state, lang, form_key(*form)));
            "network-error-above"
        }
        NetworkError::Duplicate => "network-error-duplicate",
        NetworkError::Money(e) => return money_problem(state, lang, e),
    };
    state.translations().text(lang, key, Some(&args))
}

/// Refused money in the interface's words.
fn money_problem(state: &AppState, lang: Lang, error: &PlanError) -> String {
    let mut args = FluentArgs::new();
    let key = match error {
        PlanError::Negative(value) => {
            args.set("value", value.clone());
            "network-error-negative"
        }
        PlanError::Unknown { key, .. } => {
            args.set("value", key.clone());
            "network-error-source"
        }
        PlanError::Amount(value) => {
            args.set("value", value.clone());
            "network-error-amount"
        }
        _ => "planning-refused",
    };
    state.translations().text(lang, key, Some(&args))
}

#[derive(Serialize)]
struct CapacityField {
    name: String,
    id: String,
    label: String,
    registered: u32,
    value: String,
}

#[derive(Serialize)]
pub(crate) struct Choice {
    value: String,
    label: String,
    checked: bool,
}

/// The measures of the plans in force of the area and of the areas within it.
async fn measure_choices(
    state: &AppState,
    area: &Area,
    chosen: &[String],
) -> Result<Vec<Choice>, AppError> {
    let store = state.store();
    let mut areas = vec![area.clone()];
    areas.extend(store.area_children(area).await?);
    let mut choices = Vec::new();
    for a in &areas {
        for plan in store.plans_of_area(a.id).await? {
            if !plan.kind.has_structure() {
                continue;
            }
            let Some(version) = plan.in_force() else {
                continue;
            };
            for e in store.plan_elements(version.id).await? {
                if e.kind != ElementKind::Measure {
                    continue;
                }
                let value = format!("{}:{}", plan.id.0, e.key);
                choices.push(Choice {
                    checked: chosen.contains(&value),
                    label: format!("{} – {}", plan.title, e.title),
                    value,
                });
            }
        }
    }
    Ok(choices)
}

#[allow(clippy::too_many_arguments)]
async fn entry_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    plan: &Plan,
    key: Option<&str>,
    service: &ServiceDetail,
    form: &EntryForm,
    paid: Vec<(String, String)>,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let labels = state.labels();
    let capacities: Vec<CapacityField> = service
        .forms
        .iter()
        .flat_map(|f| f.capacities.iter().map(move |c| (f.form, c)))
        .map(|(f, c)| {
            let name = format!("kapacita:{}:{}", f.key(), c.capacity_type);
            let value = form
                .capacities
                .iter()
                .find(|(ff, kind, _)| ff == f.key() && *kind == c.capacity_type)
                .map(|(_, _, v)| v.clone())
                .unwrap_or_default();
            CapacityField {
                id: format!(
                    "kapacita-{}-{}",
                    f.key(),
                    souhra_core::text::slugify(&c.capacity_type)
                ),
                label: format!(
                    "{} ({})",
                    labels.label(Codelist::CapacityType, &c.capacity_type),
                    text(state, lang, form_key(f))
                ),
                registered: c.count,
                name,
                value,
            }
        })
        .collect();
    let money: Vec<(String, String)> = FundingSource::ALL
        .iter()
        .map(|s| {
            let typed = form
                .planned
                .iter()
                .find(|(k, _)| k == s.key())
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (s.key().to_owned(), typed)
        })
        .collect();
    let measures = measure_choices(state, area, &form.measures).await?;
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {} has no version", plan.id.0)))?;
    let edit = !version.status.is_frozen() && may(state, signed, area, &Action::EditPlan).await?;
    let record_paid = key.is_some() && may(state, signed, area, &Action::ManagePlans).await?;
    let action = match key {
        Some(k) => format!("/sprava/{}/plan/{}/sit/{k}", area.slug, plan.id.0),
        None => format!("/sprava/{}/plan/{}/sit", area.slug, plan.id.0),
    };
    let html = Page::new(state, lang, &action)
        .title(service.name.clone())
        .nav("admin")
        .render(
            "admin_network_entry.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                id => plan.id.0,
                plan_title => plan.title,
                year => plan.period.from,
                key,
                action,
                name => service.name,
                provider => service.organization.organization.name,
                ended => service.status == ServiceStatus::Ended,
                capacities,
                money,
                paid,
                measures,
                form,
                types => NetworkType::ALL.iter().map(|t| t.key()).collect::<Vec<_>>(),
                edit,
                record_paid,
                problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct NewEntryParams {
    sluzba: Option<String>,
}

async fn network_plan(state: &AppState, area: &Area, id: i64) -> Result<Plan, AppError> {
    let plan = plan_in(state, area, id).await?;
    if plan.kind != PlanKind::ServiceNetwork {
        return Err(AppError::NotFound);
    }
    Ok(plan)
}

async fn service_of(state: &AppState, id: i64) -> Result<ServiceDetail, AppError> {
    state
        .store()
        .service(ServiceId(id))
        .await?
        .ok_or_else(|| AppError::BadRequest(format!("sluzba {id}")))
}

/// `/sprava/{area}/plan/{id}/sit?sluzba=…`: the form of a service joining the network.
pub(crate) async fn new_entry(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    params: Result<Query<NewEntryParams>, QueryRejection>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::EditPlan).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let plan = network_plan(&state, &area, id).await?;
    let service_id: i64 = params
        .sluzba
        .as_deref()
        .and_then(|s| s.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest("sluzba".into()))?;
    let service = service_of(&state, service_id).await?;
    // Prefilled with the registered capacities.
    let form = EntryForm {
        service: service.id.0,
        network_type: NetworkType::Basic.key().into(),
        capacities: service
            .forms
            .iter()
            .flat_map(|f| {
                f.capacities.iter().map(move |c| {
                    (
                        f.form.key().to_owned(),
                        c.capacity_type.clone(),
                        c.count.to_string(),
                    )
                })
            })
            .collect(),
        ..EntryForm::default()
    };
    entry_page(
        &state,
        lang,
        &signed,
        &area,
        &plan,
        None,
        &service,
        &form,
        Vec::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// Saves a new or changed entry; a refusal shows the form again with what was typed.
async fn save(
    state: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    (slug, id, key): (String, i64, Option<String>),
    pairs: &[(String, String)],
) -> Result<Response, AppError> {
    let form = EntryForm::from_pairs(pairs);
    let (signed, area) = area_post(state, headers, &form.csrf, &slug, &Action::EditPlan).await?;
    let plan = network_plan(state, &area, id).await?;
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {id} has no version")))?;
    let key = key
        .map(|k| ElementKey::parse(&k).map_err(|_| AppError::NotFound))
        .transpose()?;
    let service = service_of(state, form.service).await?;
    let refuse = |message: String, status: StatusCode| {
        entry_page(
            state,
            lang,
            &signed,
            &area,
            &plan,
            key.as_ref().map(ElementKey::as_str),
            &service,
            &form,
            Vec::new(),
            Some(message),
            status,
        )
    };
    let entry = match form.parse(state, lang, &service) {
        Ok(entry) => entry,
        Err(message) => return refuse(message, StatusCode::BAD_REQUEST).await,
    };
    let existing = key.as_ref().map(|k| (k, form.revision));
    match state
        .store()
        .save_network_entry(version.id, existing, &entry, change(&signed))
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/sprava/{}/plan/{id}?stav=ulozeno#sit", area.slug))
                .into_response(),
        ),
        Err(StoreError::Conflict(_)) => {
            refuse(text(state, lang, "planning-conflict"), StatusCode::CONFLICT).await
        }
        Err(StoreError::Invalid(message)) if message.contains("already in this network") => {
            refuse(
                text(state, lang, "network-error-duplicate"),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(StoreError::Invalid(_)) => {
            refuse(
                text(state, lang, "planning-refused"),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// Adds a service to the network.
pub(crate) async fn create_entry(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    save(&state, lang, &headers, (slug, id, None), &pairs).await
}

/// Saves a service of the network.
pub(crate) async fn save_entry(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    save(&state, lang, &headers, (slug, id, Some(key)), &pairs).await
}

/// The entry `key` of the network's newest version.
async fn entry_of(state: &AppState, plan: &Plan, key: &str) -> Result<Entry, AppError> {
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {} has no version", plan.id.0)))?;
    let network = load(state, plan.clone(), version.clone()).await?;
    network
        .entries
        .into_iter()
        .find(|e| e.element.key.as_str() == key)
        .ok_or(AppError::NotFound)
}

/// `/sprava/{area}/plan/{id}/sit/{key}`: a service of the network.
pub(crate) async fn entry(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let plan = network_plan(&state, &area, id).await?;
    let entry = entry_of(&state, &plan, &key).await?;
    let paid: Vec<(String, String)> = FundingSource::ALL
        .iter()
        .map(|s| {
            let amount = entry
                .actual
                .iter()
                .find(|(k, _)| k == s)
                .map(|(_, a)| a.to_string())
                .unwrap_or_default();
            (s.key().to_owned(), amount)
        })
        .collect();
    saved_entry_page(
        &state,
        lang,
        (&signed, &area, &plan),
        &entry,
        paid,
        None,
        StatusCode::OK,
    )
    .await
}

/// The page of a service already in the network, with the money paid as given.
async fn saved_entry_page(
    state: &AppState,
    lang: Lang,
    (signed, area, plan): (&Signed, &Area, &Plan),
    entry: &Entry,
    paid: Vec<(String, String)>,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let service = service_of(state, entry.details.service).await?;
    entry_page(
        state,
        lang,
        signed,
        area,
        plan,
        Some(entry.element.key.as_str()),
        &service,
        &EntryForm::of(entry),
        paid,
        problem,
        status,
    )
    .await
}

/// Records the money paid for a service of the network in its year.
pub(crate) async fn record_paid(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let csrf = super::plan_figures::one(&pairs, "csrf");
    let (signed, area) = area_post(&state, &headers, csrf, &slug, &Action::ManagePlans).await?;
    let plan = network_plan(&state, &area, id).await?;
    let entry = entry_of(&state, &plan, &key).await?;
    let typed: Vec<(&str, &str)> = pairs
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("vyplaceno:").map(|s| (s, v.as_str())))
        .collect();
    match souhra_core::network::parse_funding(typed.iter().copied()) {
        Ok(lines) => {
            state
                .store()
                .record_funding_actual(
                    plan.id,
                    &entry.element.key,
                    plan.period.from,
                    &lines,
                    change(&signed),
                )
                .await?;
            Ok(Redirect::to(&format!(
                "/sprava/{}/plan/{id}/sit/{key}?stav=ulozeno",
                area.slug
            ))
            .into_response())
        }
        Err(error) => {
            let paid = typed
                .iter()
                .map(|(s, v)| ((*s).to_owned(), (*v).to_owned()))
                .collect();
            saved_entry_page(
                &state,
                lang,
                (&signed, &area, &plan),
                &entry,
                paid,
                Some(money_problem(&state, lang, &error)),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

/// What the administration's page of a network shows: its services and the ones that may join.
#[derive(Serialize)]
pub(crate) struct AdminNetwork {
    rows: Vec<AdminRow>,
    candidates: Vec<Choice>,
    planned: String,
}

#[derive(Serialize)]
struct AdminRow {
    key: String,
    name: String,
    network_type: &'static str,
    capacities: Vec<String>,
    planned: String,
}

/// The network part of the administration's plan page.
pub(crate) async fn admin_view(
    state: &AppState,
    lang: Lang,
    area: &Area,
    plan: &Plan,
    version: &PlanVersion,
) -> Result<AdminNetwork, AppError> {
    let network = load(state, plan.clone(), version.clone()).await?;
    let inside: Vec<i64> = network.entries.iter().map(|e| e.details.service).collect();
    let candidates = state
        .store()
        .services_in_area(area.id)
        .await?
        .into_iter()
        .filter(|s| !inside.contains(&s.id.0))
        .map(|s| Choice {
            value: s.id.0.to_string(),
            label: format!("{} ({})", s.name, s.organization),
            checked: false,
        })
        .collect();
    let total: i64 = network.entries.iter().map(|e| sum(&e.planned)).sum();
    Ok(AdminNetwork {
        rows: network
            .entries
            .iter()
            .map(|e| AdminRow {
                key: e.element.key.to_string(),
                name: e.element.title.clone(),
                network_type: e.details.network_type.key(),
                capacities: capacity_texts(state, lang, &e.details.capacities),
                planned: crowns(state, lang, sum(&e.planned)),
            })
            .collect(),
        candidates,
        planned: crowns(state, lang, total),
    })
}

// ---- Inputs of a plan -----------------------------------------------------------------------

/// The plans (community and action plans) of the areas within `area` that a plan of `area` may
/// draw on, with whether `plan` does.
pub(crate) async fn input_choices(
    state: &AppState,
    area: &Area,
    plan: &Plan,
) -> Result<Vec<Choice>, AppError> {
    let store = state.store();
    let chosen = store.plan_inputs(plan.id).await?;
    let mut choices = Vec::new();
    for child in store.area_children(area).await? {
        for p in store.plans_of_area(child.id).await? {
            if p.kind.has_structure() {
                choices.push(Choice {
                    value: p.id.0.to_string(),
                    checked: chosen.contains(&p.id),
                    label: format!("{} ({})", p.title, child.name),
                });
            }
        }
    }
    Ok(choices)
}

/// Saves the plans a plan draws on (only plans of the areas within its own).
pub(crate) async fn save_inputs(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let csrf = super::plan_figures::one(&pairs, "csrf");
    let (signed, area) = area_post(&state, &headers, csrf, &slug, &Action::ManagePlans).await?;
    let plan = plan_in(&state, &area, id).await?;
    let allowed: Vec<String> = input_choices(&state, &area, &plan)
        .await?
        .into_iter()
        .map(|c| c.value)
        .collect();
    let mut inputs = Vec::new();
    for (_, value) in pairs.iter().filter(|(k, _)| k == "vstup") {
        if !allowed.contains(value) {
            return Err(AppError::BadRequest(format!("vstup {value:?}")));
        }
        inputs.push(PlanId(
            value
                .parse()
                .map_err(|_| AppError::BadRequest(format!("vstup {value:?}")))?,
        ));
    }
    state
        .store()
        .set_plan_inputs(plan.id, &inputs, change(&signed))
        .await?;
    Ok(Redirect::to(&format!(
        "/sprava/{}/plan/{id}?stav=ulozeno#vstupy",
        area.slug
    ))
    .into_response())
}

/// Links to the plans a published plan draws on and to the plans drawing on it (public pages).
pub(crate) async fn input_links(
    state: &AppState,
    plan: &Plan,
) -> Result<(Vec<ServiceLink>, Vec<ServiceLink>), AppError> {
    let store = state.store();
    let areas = store.areas().await?;
    let link = |p: &Plan| -> Option<ServiceLink> {
        super::plans::published(p)?;
        let area = areas.iter().find(|a| a.id == p.area)?;
        Some(ServiceLink {
            name: format!("{} ({})", p.title, area.name),
            href: plan_href(area.slug.as_str(), p.id.0, &p.title),
        })
    };
    let mut inputs = Vec::new();
    for id in store.plan_inputs(plan.id).await? {
        if let Some(p) = store.plan(id).await?
            && let Some(l) = link(&p)
        {
            inputs.push(l);
        }
    }
    let mut users = Vec::new();
    for id in store.plans_drawing_on(plan.id).await? {
        if let Some(p) = store.plan(id).await?
            && let Some(l) = link(&p)
        {
            users.push(l);
        }
    }
    Ok((inputs, users))
}

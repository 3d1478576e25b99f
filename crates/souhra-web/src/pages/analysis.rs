//! The social situation of an area (`/{area}/analyza`): demography with the shares of older
//! people and the age structure, the supply of services per 1,000 inhabitants of the group they
//! serve compared with the region and the country, and (`/{area}/analyza/dostupnost`) whether a
//! kind of service is available in each municipality — a map, a sortable table and downloads.
//! Everything is computed on request from the store by `souhra_core::analysis`; the rules (where
//! capacity counts, when a comparison is drawn) are documented there.

use std::collections::{BTreeMap, HashMap, HashSet};

use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::analysis::{
    Coverage, Demography, Finding, Place, ReferenceGroups, Supply, SupplyKey, SupplyRow, Territory,
};
use souhra_core::area::Area;
use souhra_core::catalogue::CatalogueEntry;
use souhra_core::code::{MunicipalityCode, OrpCode};
use souhra_core::codelist::Codelist;
use souhra_core::text::sort_key;
use souhra_interop::sheet::write::{Cell, Table, write_tables};

use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// Distance within which a facility makes a kind available, unless asked otherwise (km).
pub(crate) const DEFAULT_KM: u32 = 15;
/// The largest distance accepted (km).
const MAX_KM: u32 = 100;

/// Everything an analysis of an area is computed from.
pub(crate) struct Inputs {
    /// The area.
    pub area: Area,
    /// Every current municipality of the country with its population.
    pub territory: Territory,
    /// The area's municipalities, by name.
    pub municipalities: Vec<(MunicipalityCode, String, String)>,
    /// Every service of the catalogue.
    pub entries: Vec<(i64, CatalogueEntry)>,
    /// The kinds' reference groups.
    pub groups: ReferenceGroups,
}

impl Inputs {
    /// Reads what the analysis of `area` needs: four queries.
    pub(crate) async fn load(state: &AppState, area: Area) -> Result<Self, AppError> {
        let store = state.store();
        let territory = Territory::new(store.analysis_places(None).await?);
        let mut municipalities: Vec<(MunicipalityCode, String, String)> = store
            .area_municipalities(area.id)
            .await?
            .into_iter()
            .map(|m| (m.code, m.name, m.slug))
            .collect();
        municipalities.sort_by_cached_key(|(_, name, _)| sort_key(name));
        let entries = store
            .catalogue_entries(None)
            .await?
            .into_iter()
            .map(|(id, e)| (id.0, e))
            .collect();
        let groups = souhra_interop::bundled::reference_groups()
            .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(Self {
            area,
            territory,
            municipalities,
            entries,
            groups,
        })
    }

    pub(crate) fn entries(&self) -> impl Iterator<Item = (i64, &CatalogueEntry)> {
        self.entries.iter().map(|(id, e)| (*id, e))
    }

    /// The municipalities of the part of the area asked for (`uzemi`): the whole area, one of
    /// its ORPs (`orp-3207`) or one of its municipalities (`obec-558109`).
    fn part(&self, asked: Option<&str>) -> Result<Part, AppError> {
        let all: Vec<MunicipalityCode> = self.municipalities.iter().map(|m| m.0).collect();
        let Some(asked) = asked.filter(|a| !a.is_empty()) else {
            return Ok(Part {
                key: String::new(),
                name: None,
                codes: all,
            });
        };
        let bad = || AppError::NotFound;
        if let Some(code) = asked.strip_prefix("obec-") {
            let code = MunicipalityCode::parse(code).map_err(|_| bad())?;
            let (_, name, _) = self
                .municipalities
                .iter()
                .find(|m| m.0 == code)
                .ok_or_else(bad)?;
            return Ok(Part {
                key: asked.to_owned(),
                name: Some(name.clone()),
                codes: vec![code],
            });
        }
        let code = asked
            .strip_prefix("orp-")
            .and_then(|c| OrpCode::parse(c).ok())
            .ok_or_else(bad)?;
        let codes: Vec<MunicipalityCode> = all
            .into_iter()
            .filter(|c| self.territory.place(*c).is_some_and(|p| p.orp == code))
            .collect();
        let seat = self.orps().into_iter().find(|(c, _)| *c == code);
        match seat {
            Some((_, name)) if !codes.is_empty() => Ok(Part {
                key: asked.to_owned(),
                name: Some(name),
                codes,
            }),
            _ => Err(bad()),
        }
    }

    /// The ORPs the area's municipalities lie in, each named after its largest municipality
    /// in the area (the seat, in practice), by name.
    fn orps(&self) -> Vec<(OrpCode, String)> {
        let mut best: HashMap<OrpCode, (u64, String)> = HashMap::new();
        for (code, name, _) in &self.municipalities {
            let Some(place) = self.territory.place(*code) else {
                continue;
            };
            let people = place.aged(0).unwrap_or(0);
            let entry = best.entry(place.orp).or_insert((0, name.clone()));
            if people > entry.0 {
                *entry = (people, name.clone());
            }
        }
        let mut orps: Vec<(OrpCode, String)> =
            best.into_iter().map(|(c, (_, name))| (c, name)).collect();
        orps.sort_by_cached_key(|(_, name)| sort_key(name));
        orps
    }

    /// The region the area lies in, as codes, if every one of its municipalities lies in an
    /// area of the installation (so the catalogue holds its services).
    fn region_codes(&self) -> Option<HashSet<MunicipalityCode>> {
        let region = self.area.region?;
        let places: Vec<&Place> = self
            .territory
            .places()
            .iter()
            .filter(|p| p.region == region)
            .collect();
        places
            .iter()
            .all(|p| p.covered)
            .then(|| places.iter().map(|p| p.code).collect())
    }

    /// The whole country, if every municipality lies in an area of the installation.
    fn country_codes(&self) -> Option<HashSet<MunicipalityCode>> {
        let places = self.territory.places();
        places
            .iter()
            .all(|p| p.covered)
            .then(|| places.iter().map(|p| p.code).collect())
    }

    fn demography_of<'a>(
        &self,
        codes: impl IntoIterator<Item = &'a MunicipalityCode>,
    ) -> Demography {
        let populations: Vec<&souhra_core::population::PopulationSummary> = codes
            .into_iter()
            .filter_map(|c| self.territory.place(*c))
            .map(|p| &p.population)
            .collect();
        souhra_core::analysis::demography(populations)
    }
}

/// A part of the area.
struct Part {
    /// `uzemi` value (empty for the whole area).
    key: String,
    /// Its name (none for the whole area).
    name: Option<String>,
    /// Its municipalities, by name.
    codes: Vec<MunicipalityCode>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct AnalysisParams {
    uzemi: Option<String>,
}

pub(crate) fn share_text(lang: Lang, share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| lang.format_percent(s))
}

fn decimal(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| lang.format_decimal(v, 1))
}

/// Shares of older people in a territory, as the page shows them.
#[derive(Serialize)]
struct OlderView {
    from: u8,
    count: u64,
    share: String,
    region: String,
    country: String,
}

#[derive(Serialize)]
struct DemographyView {
    municipalities: usize,
    total: u64,
    total_from: Option<String>,
    total_to: Option<String>,
    without_total: usize,
    zero_population: usize,
    has_ages: bool,
    ages_date: Option<String>,
    with_ages: usize,
    without_ages: usize,
    older: Vec<OlderView>,
    structure: Vec<BandView>,
    chart: String,
}

#[derive(Serialize)]
struct BandView {
    label: String,
    count: u64,
    share: String,
}

fn band_label(state: &AppState, lang: Lang, band: souhra_core::population::AgeBand) -> String {
    let mut args = FluentArgs::new();
    args.set("from", band.from);
    match band.to {
        Some(to) => {
            args.set("to", to);
            state
                .translations()
                .text(lang, "age-band-range", Some(&args))
        }
        None => state
            .translations()
            .text(lang, "age-band-open", Some(&args)),
    }
}

fn demography_view(
    state: &AppState,
    lang: Lang,
    d: &Demography,
    region: Option<&Demography>,
    country: Option<&Demography>,
    title: &str,
) -> DemographyView {
    // A comparison is drawn only from complete age data: a region where some municipalities
    // lack them would compare with a part of itself.
    let compare = |other: Option<&Demography>, from: u8| {
        let complete = other.filter(|o| o.has_ages() && o.without_ages() == 0);
        share_text(
            lang,
            complete.and_then(|o| o.aged(from)).and_then(|g| g.share),
        )
    };
    let structure: Vec<BandView> = d
        .structure
        .iter()
        .map(|(band, count)| BandView {
            label: band_label(state, lang, *band),
            count: *count,
            share: share_text(
                lang,
                (d.ages_population > 0).then(|| *count as f64 / d.ages_population as f64),
            ),
        })
        .collect();
    let bars: Vec<(String, f64, String)> = structure
        .iter()
        .map(|b| {
            (
                b.label.clone(),
                b.count as f64,
                lang.format_integer(b.count as i64),
            )
        })
        .collect();
    DemographyView {
        municipalities: d.municipalities,
        total: d.total,
        total_from: d.total_dates.map(|(from, _)| from.to_string()),
        total_to: d.total_dates.map(|(_, to)| to.to_string()),
        without_total: d.without_total,
        zero_population: d.zero_population,
        has_ages: d.has_ages(),
        ages_date: d.ages_date.map(|date| date.to_string()),
        with_ages: d.with_ages,
        without_ages: d.without_ages(),
        older: d
            .older
            .iter()
            .map(|g| OlderView {
                from: g.from,
                count: g.count,
                share: share_text(lang, g.share),
                region: compare(region, g.from),
                country: compare(country, g.from),
            })
            .collect(),
        chart: if bars.is_empty() {
            String::new()
        } else {
            crate::chart::bars_svg(&bars, "vekova-struktura", title)
        },
        structure,
    }
}

#[derive(Serialize)]
struct SupplyView {
    kind: String,
    kind_key: String,
    form: String,
    capacity_type: String,
    services: usize,
    capacity: String,
    group: String,
    group_size: Option<u64>,
    per_1000: String,
    region: String,
    country: String,
}

fn group_label(state: &AppState, lang: Lang, from: u8) -> String {
    if from == 0 {
        return state.translations().text(lang, "analysis-group-all", None);
    }
    let mut args = FluentArgs::new();
    args.set("from", from);
    state
        .translations()
        .text(lang, "analysis-group-from", Some(&args))
}

fn supply_views(
    state: &AppState,
    lang: Lang,
    rows: &[SupplyRow],
    region: &HashMap<SupplyKey, Option<f64>>,
    country: &HashMap<SupplyKey, Option<f64>>,
) -> Vec<SupplyView> {
    let labels = state.labels();
    let mut views: Vec<(String, SupplyView)> = rows
        .iter()
        .map(|r| {
            let kind = labels.label(Codelist::ServiceKind, &r.key.kind);
            let order = format!("{:>8}|{}", paragraph_order(&r.key.kind), r.key.form.key());
            (
                order,
                SupplyView {
                    kind,
                    kind_key: r.key.kind.clone(),
                    form: labels.label(Codelist::Form, r.key.form.key()),
                    capacity_type: labels.label(Codelist::CapacityType, &r.key.capacity_type),
                    services: r.services,
                    capacity: lang.format_decimal(r.capacity, 1),
                    group: group_label(state, lang, r.group_from),
                    group_size: r.group,
                    per_1000: decimal(lang, r.per_1000),
                    region: decimal(lang, region.get(&r.key).copied().flatten()),
                    country: decimal(lang, country.get(&r.key).copied().flatten()),
                },
            )
        })
        .collect();
    views.sort_by(|a, b| a.0.cmp(&b.0));
    views.into_iter().map(|(_, v)| v).collect()
}

/// Kinds in the order of the Act: `37` before `39` before `60a`.
fn paragraph_order(kind: &str) -> String {
    let digits: String = kind.chars().take_while(char::is_ascii_digit).collect();
    let rest: String = kind.chars().skip(digits.len()).collect();
    format!("{:0>4}{rest}", digits)
}

fn per_1000_by_key(rows: Vec<SupplyRow>) -> HashMap<SupplyKey, Option<f64>> {
    rows.into_iter().map(|r| (r.key, r.per_1000)).collect()
}

/// The analysis of a part of an area, computed.
struct Computed {
    part: Part,
    demography: Demography,
    region_demography: Option<Demography>,
    country_demography: Option<Demography>,
    supply: Vec<SupplyRow>,
    region_supply: HashMap<SupplyKey, Option<f64>>,
    country_supply: HashMap<SupplyKey, Option<f64>>,
    region_compared: bool,
    country_compared: bool,
    without_capacity: BTreeMap<String, usize>,
}

fn compute(inputs: &Inputs, asked: Option<&str>) -> Result<Computed, AppError> {
    let part = inputs.part(asked)?;
    let within: HashSet<MunicipalityCode> = part.codes.iter().copied().collect();
    let supply = Supply::new(&inputs.territory, &inputs.groups, inputs.entries());
    let region = inputs.region_codes();
    let country = inputs.country_codes();
    let rows_of = |codes: &Option<HashSet<MunicipalityCode>>| {
        codes.as_ref().map_or_else(HashMap::new, |codes| {
            per_1000_by_key(supply.rows(&inputs.territory, &inputs.groups, codes))
        })
    };
    Ok(Computed {
        demography: inputs.demography_of(&part.codes),
        region_demography: inputs.area.region.map(|r| {
            let codes: Vec<MunicipalityCode> = inputs
                .territory
                .places()
                .iter()
                .filter(|p| p.region == r)
                .map(|p| p.code)
                .collect();
            inputs.demography_of(&codes)
        }),
        country_demography: Some(
            inputs.demography_of(inputs.territory.places().iter().map(|p| &p.code)),
        ),
        supply: supply.rows(&inputs.territory, &inputs.groups, &within),
        region_supply: rows_of(&region),
        country_supply: rows_of(&country),
        region_compared: region.is_some(),
        country_compared: country.is_some(),
        without_capacity: supply.without_capacity(&within),
        part,
    })
}

#[derive(Serialize)]
struct PartOption {
    key: String,
    name: String,
    selected: bool,
}

#[derive(Serialize)]
struct MunicipalityFigures {
    code: String,
    name: String,
    slug: String,
    total: Option<u64>,
    aged_65: String,
    aged_80: String,
}

fn municipality_figures(
    inputs: &Inputs,
    lang: Lang,
    codes: &[MunicipalityCode],
) -> Vec<MunicipalityFigures> {
    let names: HashMap<MunicipalityCode, (&String, &String)> = inputs
        .municipalities
        .iter()
        .map(|(c, n, s)| (*c, (n, s)))
        .collect();
    codes
        .iter()
        .filter_map(|code| {
            let place = inputs.territory.place(*code)?;
            let (name, slug) = names.get(code)?;
            let d = souhra_core::analysis::demography([&place.population]);
            let share = |from| share_text(lang, d.aged(from).and_then(|g| g.share));
            Some(MunicipalityFigures {
                code: code.to_string(),
                name: (*name).clone(),
                slug: (*slug).clone(),
                total: place.population.total.map(|(_, n)| n),
                aged_65: share(65),
                aged_80: share(80),
            })
        })
        .collect()
}

fn kind_names(state: &AppState, counts: &BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let labels = state.labels();
    counts
        .iter()
        .map(|(kind, n)| (labels.label(Codelist::ServiceKind, kind), *n))
        .collect()
}

fn part_options(state: &AppState, lang: Lang, inputs: &Inputs, selected: &str) -> Vec<PartOption> {
    let whole = state.translations().text(lang, "analysis-part-whole", None);
    let mut options = vec![PartOption {
        key: String::new(),
        name: whole,
        selected: selected.is_empty(),
    }];
    let orps = inputs.orps();
    if orps.len() > 1 {
        for (code, name) in orps {
            let mut args = FluentArgs::new();
            args.set("name", name);
            let key = format!("orp-{code}");
            options.push(PartOption {
                selected: key == selected,
                name: state
                    .translations()
                    .text(lang, "analysis-part-orp", Some(&args)),
                key,
            });
        }
    }
    if inputs.municipalities.len() > 1 {
        for (code, name, _) in &inputs.municipalities {
            let key = format!("obec-{code}");
            options.push(PartOption {
                selected: key == selected,
                name: name.clone(),
                key,
            });
        }
    }
    options
}

/// `/{area}/analyza`.
pub(crate) async fn analysis_page(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<AnalysisParams>, QueryRejection>,
    uri: OriginalUri,
) -> Result<Html<String>, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    let inputs = Inputs::load(&state, area).await?;
    let computed = compute(&inputs, params.uzemi.as_deref())?;
    let view_area = AreaView::new(&state, lang, &inputs.area);
    let place_name = computed
        .part
        .name
        .clone()
        .unwrap_or_else(|| view_area.title.clone());
    let mut args = FluentArgs::new();
    args.set("name", place_name.clone());
    let chart_title = state
        .translations()
        .text(lang, "analysis-age-chart", Some(&args));
    let demography = demography_view(
        &state,
        lang,
        &computed.demography,
        computed.region_demography.as_ref(),
        computed.country_demography.as_ref(),
        &chart_title,
    );
    let supply = supply_views(
        &state,
        lang,
        &computed.supply,
        &computed.region_supply,
        &computed.country_supply,
    );
    let municipalities = municipality_figures(&inputs, lang, &computed.part.codes);
    let without_capacity = kind_names(&state, &computed.without_capacity);
    let parts = part_options(&state, lang, &inputs, &computed.part.key);
    let query = if computed.part.key.is_empty() {
        String::new()
    } else {
        format!("?uzemi={}", computed.part.key)
    };
    let coverage_kinds = coverage_overview(&state, &inputs, DEFAULT_KM);
    let surveys = super::surveys::public_surveys(&state, lang, &inputs.area).await?;
    Page::new(&state, lang, &path_of(&uri))
        .title(
            state
                .translations()
                .text(lang, "analysis-title-of", Some(&args)),
        )
        .nav("analysis")
        .area(view_area)
        .render(
            "analysis.html",
            view! {
                place_name,
                part => computed.part.key,
                parts,
                demography,
                supply,
                region_compared => computed.region_compared,
                country_compared => computed.country_compared,
                without_capacity,
                municipalities,
                xlsx_href => format!("/{}/analyza.xlsx{query}", inputs.area.slug),
                coverage_kinds,
                coverage_km => DEFAULT_KM,
                surveys,
            },
        )
}

/// `/{area}/analyza.xlsx`: the tables of the analysis page as a workbook.
pub(crate) async fn analysis_workbook(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<AnalysisParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    let inputs = Inputs::load(&state, area).await?;
    let computed = compute(&inputs, params.uzemi.as_deref())?;
    let t = |key: &str| state.translations().text(lang, key, None);
    let number = |n: Option<f64>| n.map_or(Cell::Text(String::new()), Cell::Number);
    let people = Table {
        name: t("analysis-sheet-population"),
        header: [
            "analysis-col-code",
            "analysis-col-municipality",
            "label-population",
            "analysis-col-65",
            "analysis-col-80",
        ]
        .iter()
        .map(|k| t(k))
        .collect(),
        rows: computed
            .part
            .codes
            .iter()
            .filter_map(|code| {
                let place = inputs.territory.place(*code)?;
                let name = inputs.municipalities.iter().find(|m| m.0 == *code)?;
                Some(vec![
                    Cell::Text(code.to_string()),
                    Cell::Text(name.1.clone()),
                    number(place.population.total.map(|(_, n)| n as f64)),
                    number(place.aged(65).map(|n| n as f64)),
                    number(place.aged(80).map(|n| n as f64)),
                ])
            })
            .collect(),
    };
    let labels = state.labels();
    let supply = Table {
        name: t("analysis-sheet-supply"),
        header: [
            "analysis-col-kind",
            "analysis-col-form",
            "analysis-col-capacity-type",
            "analysis-col-services",
            "analysis-col-capacity",
            "analysis-col-group",
            "analysis-col-group-size",
            "analysis-col-per-1000",
            "analysis-col-region",
            "analysis-col-country",
        ]
        .iter()
        .map(|k| t(k))
        .collect(),
        rows: computed
            .supply
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(labels.label(Codelist::ServiceKind, &r.key.kind)),
                    Cell::Text(labels.label(Codelist::Form, r.key.form.key())),
                    Cell::Text(labels.label(Codelist::CapacityType, &r.key.capacity_type)),
                    Cell::Number(r.services as f64),
                    Cell::Number(r.capacity),
                    Cell::Text(group_label(&state, lang, r.group_from)),
                    number(r.group.map(|g| g as f64)),
                    number(r.per_1000),
                    number(computed.region_supply.get(&r.key).copied().flatten()),
                    number(computed.country_supply.get(&r.key).copied().flatten()),
                ]
            })
            .collect(),
    };
    let bytes = write_tables(&t("analysis-title"), &[people, supply])
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(super::plan_export::xlsx_download(
        bytes,
        &format!("analyza-{}.xlsx", inputs.area.slug),
    ))
}

/// Per kind present in the catalogue: how many of the area's municipalities lack it, and how
/// many people live there.
#[derive(Serialize)]
pub(crate) struct KindCoverage {
    pub(crate) key: String,
    name: String,
    missing: usize,
    missing_people: u64,
    municipalities: usize,
    /// The municipalities without it, by name.
    missing_names: Vec<String>,
    /// And by code.
    #[serde(skip)]
    pub(crate) missing_codes: Vec<MunicipalityCode>,
}

pub(crate) fn coverage_overview(state: &AppState, inputs: &Inputs, km: u32) -> Vec<KindCoverage> {
    let labels = state.labels();
    let codes: Vec<MunicipalityCode> = inputs.municipalities.iter().map(|m| m.0).collect();
    let mut kinds: Vec<&str> = inputs
        .entries
        .iter()
        .filter(|(_, e)| souhra_core::analysis::counts(e))
        .map(|(_, e)| e.kind.as_str())
        .collect();
    kinds.sort_by_key(|k| paragraph_order(k));
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let coverage = souhra_core::analysis::coverage(
                &inputs.territory,
                kind,
                f64::from(km),
                inputs.entries(),
                &codes,
            );
            let missing: Vec<&Coverage> = coverage.iter().filter(|c| !c.available).collect();
            KindCoverage {
                key: kind.to_owned(),
                name: labels.label(Codelist::ServiceKind, kind),
                missing: missing.len(),
                missing_people: missing
                    .iter()
                    .filter_map(|c| inputs.territory.place(c.code))
                    .filter_map(|p| p.aged(0))
                    .sum(),
                municipalities: coverage.len(),
                missing_names: coverage
                    .iter()
                    .zip(&inputs.municipalities)
                    .filter(|(c, _)| !c.available)
                    .map(|(_, (_, name, _))| name.clone())
                    .collect(),
                missing_codes: missing.iter().map(|c| c.code).collect(),
            }
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CoverageParams {
    druh: Option<String>,
    km: Option<String>,
    razeni: Option<String>,
}

/// Orders of the coverage table.
const SORTS: [&str; 4] = ["obec", "obyvatele", "dostupnost", "vzdalenost"];

#[derive(Serialize, Clone)]
struct CoverageRow {
    code: String,
    name: String,
    slug: String,
    population: Option<u64>,
    available: bool,
    by_area: usize,
    nearest_km: Option<f64>,
    nearest_text: String,
    nearest_name: String,
}

/// The coverage of a kind, checked and computed.
struct CoverageResult {
    kind: Option<String>,
    km: u32,
    sort: &'static str,
    problem: Option<String>,
    rows: Vec<CoverageRow>,
    map: String,
}

fn coverage_result(
    state: &AppState,
    lang: Lang,
    inputs: &Inputs,
    params: &CoverageParams,
) -> CoverageResult {
    let t = |key: &str, args: Option<&FluentArgs>| state.translations().text(lang, key, args);
    let sort = params
        .razeni
        .as_deref()
        .and_then(|s| SORTS.iter().find(|k| **k == s))
        .copied()
        .unwrap_or("obec");
    let km_text = params.km.as_deref().unwrap_or("").trim();
    let (km, km_problem) = if km_text.is_empty() {
        (DEFAULT_KM, None)
    } else {
        match km_text.parse::<u32>() {
            Ok(km) if (1..=MAX_KM).contains(&km) => (km, None),
            _ => {
                let mut args = FluentArgs::new();
                args.set("value", km_text.chars().take(20).collect::<String>());
                args.set("max", MAX_KM);
                (DEFAULT_KM, Some(t("analysis-km-invalid", Some(&args))))
            }
        }
    };
    let labels = state.labels();
    let kind = params
        .druh
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty());
    let kind_problem = kind
        .filter(|k| !labels.has(Codelist::ServiceKind, k))
        .map(|k| {
            let mut args = FluentArgs::new();
            args.set("value", k.chars().take(20).collect::<String>());
            t("analysis-kind-invalid", Some(&args))
        });
    let problem = km_problem.or(kind_problem);
    let kind = kind.filter(|_| problem.is_none()).map(str::to_owned);
    let Some(kind_key) = kind.clone() else {
        return CoverageResult {
            kind,
            km,
            sort,
            problem,
            rows: Vec::new(),
            map: String::new(),
        };
    };
    let codes: Vec<MunicipalityCode> = inputs.municipalities.iter().map(|m| m.0).collect();
    let coverage = souhra_core::analysis::coverage(
        &inputs.territory,
        &kind_key,
        f64::from(km),
        inputs.entries(),
        &codes,
    );
    let names: HashMap<i64, &str> = inputs
        .entries
        .iter()
        .map(|(id, e)| (*id, e.name.as_str()))
        .collect();
    let mut rows: Vec<CoverageRow> = coverage
        .iter()
        .zip(&inputs.municipalities)
        .map(|(c, (code, name, slug))| CoverageRow {
            code: code.to_string(),
            name: name.clone(),
            slug: slug.clone(),
            population: inputs.territory.place(*code).and_then(|p| p.aged(0)),
            available: c.available,
            by_area: c.by_area.len(),
            nearest_km: c.nearest.map(|(_, km)| km),
            nearest_text: c
                .nearest
                .map(|(_, km)| lang.format_decimal(km, 1))
                .unwrap_or_default(),
            nearest_name: c
                .nearest
                .and_then(|(id, _)| names.get(&id).map(|n| (*n).to_owned()))
                .unwrap_or_default(),
        })
        .collect();
    match sort {
        "obyvatele" => rows.sort_by_key(|r| std::cmp::Reverse(r.population)),
        "dostupnost" => rows.sort_by_key(|r| r.available),
        "vzdalenost" => rows.sort_by(|a, b| {
            let far = |r: &CoverageRow| r.nearest_km.unwrap_or(f64::INFINITY);
            far(b).total_cmp(&far(a))
        }),
        _ => {}
    }
    let mut args = FluentArgs::new();
    args.set("kind", labels.label(Codelist::ServiceKind, &kind_key));
    args.set("missing", coverage.iter().filter(|c| !c.available).count());
    args.set("all", coverage.len());
    let map = crate::chart::coverage_map_svg(
        &inputs.territory,
        &coverage,
        &inputs.municipalities,
        &t("analysis-map-title", Some(&args)),
        &t("analysis-map-available", None),
        &t("analysis-map-missing", None),
    );
    CoverageResult {
        kind,
        km,
        sort,
        problem,
        rows,
        map,
    }
}

#[derive(Serialize)]
struct KindOption {
    key: String,
    name: String,
    selected: bool,
}

#[derive(Serialize)]
struct SortLink {
    key: &'static str,
    href: String,
    current: bool,
}

/// `/{area}/analyza/dostupnost`.
pub(crate) async fn coverage_page(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<CoverageParams>, QueryRejection>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let area = load_area(&state, &slug).await?;
    let inputs = Inputs::load(&state, area).await?;
    let result = coverage_result(&state, lang, &inputs, &params);
    let labels = state.labels();
    let mut kinds: Vec<String> = labels_kinds(&state);
    kinds.sort_by_key(|k| paragraph_order(k));
    let kinds: Vec<KindOption> = kinds
        .into_iter()
        .map(|key| KindOption {
            name: labels.label(Codelist::ServiceKind, &key),
            selected: result.kind.as_deref() == Some(key.as_str()),
            key,
        })
        .collect();
    let base = format!("/{}/analyza/dostupnost", inputs.area.slug);
    let query_of = |sort: &str| -> String {
        format!(
            "druh={}&km={}&razeni={sort}",
            crate::page::encode_query_value(result.kind.as_deref().unwrap_or_default()),
            result.km
        )
    };
    let sorts: Vec<SortLink> = SORTS
        .iter()
        .map(|key| SortLink {
            key,
            href: format!("{base}?{}", query_of(key)),
            current: *key == result.sort,
        })
        .collect();
    let view_area = AreaView::new(&state, lang, &inputs.area);
    let kind_name = result
        .kind
        .as_deref()
        .map(|k| labels.label(Codelist::ServiceKind, k));
    let missing = result.rows.iter().filter(|r| !r.available).count();
    let measures = match &result.kind {
        Some(kind) => citing_links(&state, &inputs.area, &Finding::Gap(kind.clone())).await?,
        None => Vec::new(),
    };
    let status = if result.problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let html = Page::new(&state, lang, &path_of(&uri))
        .title_key("analysis-coverage-title")
        .nav("analysis")
        .area(view_area)
        .render(
            "analysis_coverage.html",
            view! {
                kinds,
                kind => result.kind,
                kind_name,
                km => result.km,
                max_km => MAX_KM,
                problem => result.problem,
                rows => result.rows,
                missing,
                map => result.map,
                sorts,
                sort => result.sort,
                measures,
                csv_href => format!("{base}.csv?{}", query_of(result.sort)),
                xlsx_href => format!("{base}.xlsx?{}", query_of(result.sort)),
            },
        )?;
    Ok((status, html).into_response())
}

fn labels_kinds(state: &AppState) -> Vec<String> {
    state.labels().keys(Codelist::ServiceKind)
}

/// The coverage table as a sheet, for the downloads.
fn coverage_table(state: &AppState, lang: Lang, result: &CoverageResult) -> Table {
    let t = |key: &str| state.translations().text(lang, key, None);
    let yes = t("analysis-yes");
    let no = t("analysis-no");
    Table {
        name: t("analysis-coverage-title"),
        header: [
            "analysis-col-code",
            "analysis-col-municipality",
            "label-population",
            "analysis-col-available",
            "analysis-col-by-area",
            "analysis-col-nearest",
            "analysis-col-nearest-service",
        ]
        .iter()
        .map(|k| t(k))
        .collect(),
        rows: result
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(r.code.clone()),
                    Cell::Text(r.name.clone()),
                    r.population
                        .map_or(Cell::Text(String::new()), |n| Cell::Number(n as f64)),
                    Cell::Text(if r.available { yes.clone() } else { no.clone() }),
                    Cell::Number(r.by_area as f64),
                    r.nearest_km.map_or(Cell::Text(String::new()), |km| {
                        Cell::Number((km * 10.0).round() / 10.0)
                    }),
                    Cell::Text(r.nearest_name.clone()),
                ]
            })
            .collect(),
    }
}

async fn coverage_download(
    state: &AppState,
    lang: Lang,
    slug: &str,
    params: &CoverageParams,
) -> Result<(Table, String), AppError> {
    let area = load_area(state, slug).await?;
    let inputs = Inputs::load(state, area).await?;
    let result = coverage_result(state, lang, &inputs, params);
    if let Some(problem) = result.problem {
        return Err(AppError::BadRequest(problem));
    }
    let Some(kind) = result.kind.clone() else {
        return Err(AppError::BadRequest("druh".to_owned()));
    };
    Ok((
        coverage_table(state, lang, &result),
        format!("dostupnost-{}-{kind}-{}km", inputs.area.slug, result.km),
    ))
}

/// `/{area}/analyza/dostupnost.csv`.
pub(crate) async fn coverage_csv(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<CoverageParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (table, name) = coverage_download(&state, lang, &slug, &params).await?;
    Ok(super::plan_export::csv_download(
        &table,
        &format!("{name}.csv"),
    ))
}

/// `/{area}/analyza/dostupnost.xlsx`.
pub(crate) async fn coverage_xlsx(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    params: Result<Query<CoverageParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (table, name) = coverage_download(&state, lang, &slug, &params).await?;
    let bytes = write_tables(&table.name.clone(), &[table])
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(super::plan_export::xlsx_download(
        bytes,
        &format!("{name}.xlsx"),
    ))
}

/// Text of the interface escaped for Markdown (names and titles may hold its marks).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '`' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Most municipalities named in a gap line of the chapter.
const NAMES_IN_CHAPTER: usize = 8;

/// The analysis chapter of an area: its title and Markdown text (demography, services and
/// capacities, gaps, what surveys found), every sentence from the translations; insertable
/// into a plan as a chapter and printed through the plan template.
pub(crate) async fn chapter(
    state: &AppState,
    lang: Lang,
    inputs: &Inputs,
) -> Result<(String, String), AppError> {
    let tr = state.translations();
    let text = |key: &str, args: &FluentArgs| tr.text(lang, key, Some(args));
    let computed = compute(inputs, None)?;
    let name = AreaView::new(state, lang, &inputs.area).title;
    let mut args = FluentArgs::new();
    args.set("name", name.clone());
    let title = text("chapter-title", &args);
    let today = lang.format_date(souhra_store::comment::prague_day(chrono::Utc::now()));
    let mut out = String::new();
    let mut args = FluentArgs::new();
    args.set("date", today);
    out.push_str(&md(&text("chapter-intro", &args)));
    out.push_str("\n\n# ");
    out.push_str(&md(&tr.text(lang, "analysis-demography", None)));
    out.push_str("\n\n");
    let d = &computed.demography;
    let mut args = FluentArgs::new();
    args.set("municipalities", d.municipalities);
    args.set("total", lang.format_integer(d.total as i64));
    args.set(
        "date",
        d.total_dates
            .map(|(_, to)| lang.format_date(to))
            .unwrap_or_default(),
    );
    out.push_str(&md(&text("chapter-population", &args)));
    out.push(' ');
    match (d.aged(65), d.aged(80), d.ages_date) {
        (Some(a65), Some(a80), Some(date)) => {
            let mut args = FluentArgs::new();
            args.set("count65", lang.format_integer(a65.count as i64));
            args.set("share65", share_text(lang, a65.share));
            args.set("count80", lang.format_integer(a80.count as i64));
            args.set("share80", share_text(lang, a80.share));
            args.set("date", lang.format_date(date));
            out.push_str(&md(&text("chapter-older", &args)));
            let region = computed
                .region_demography
                .as_ref()
                .filter(|r| r.has_ages() && r.without_ages() == 0)
                .and_then(|r| r.aged(65))
                .and_then(|g| g.share);
            if let Some(share) = region {
                let mut args = FluentArgs::new();
                args.set("share", share_text(lang, Some(share)));
                out.push(' ');
                out.push_str(&md(&text("chapter-older-region", &args)));
            }
        }
        _ => out.push_str(&md(&tr.text(lang, "chapter-ages-missing", None))),
    }
    out.push_str("\n\n# ");
    out.push_str(&md(&tr.text(lang, "analysis-supply", None)));
    out.push_str("\n\n");
    let supply = supply_views(
        state,
        lang,
        &computed.supply,
        &computed.region_supply,
        &computed.country_supply,
    );
    if supply.is_empty() {
        out.push_str(&md(&tr.text(lang, "analysis-supply-none", None)));
        out.push('\n');
    }
    for row in &supply {
        let mut args = FluentArgs::new();
        args.set("kind", row.kind.clone());
        args.set("form", row.form.clone());
        args.set("services", row.services);
        args.set("capacity", row.capacity.clone());
        args.set("type", row.capacity_type.clone());
        let mut line = text("chapter-supply-line", &args);
        if !row.per_1000.is_empty() {
            let mut args = FluentArgs::new();
            args.set("per", row.per_1000.clone());
            args.set("group", row.group.clone());
            line.push_str(&text("chapter-supply-per", &args));
            if !row.region.is_empty() {
                let mut args = FluentArgs::new();
                args.set("region", row.region.clone());
                line.push_str(&text("chapter-supply-region", &args));
            }
        }
        out.push_str("- ");
        out.push_str(&md(&line));
        out.push('\n');
    }
    out.push_str("\n# ");
    out.push_str(&md(&tr.text(lang, "chapter-gaps", None)));
    out.push_str("\n\n");
    let gaps: Vec<KindCoverage> = coverage_overview(state, inputs, DEFAULT_KM)
        .into_iter()
        .filter(|k| k.missing > 0)
        .collect();
    if gaps.is_empty() {
        out.push_str(&md(&tr.text(lang, "chapter-gaps-none", None)));
        out.push('\n');
    }
    for gap in &gaps {
        let mut args = FluentArgs::new();
        args.set("kind", gap.name.clone());
        args.set("missing", gap.missing);
        args.set("all", gap.municipalities);
        args.set("people", lang.format_integer(gap.missing_people as i64));
        args.set("km", DEFAULT_KM);
        let mut line = text("chapter-gap-line", &args);
        if gap.missing < gap.municipalities {
            let mut names: Vec<String> = gap
                .missing_names
                .iter()
                .take(NAMES_IN_CHAPTER)
                .cloned()
                .collect();
            if gap.missing_names.len() > NAMES_IN_CHAPTER {
                names.push(tr.text(lang, "chapter-and-more", None));
            }
            line.push_str(": ");
            line.push_str(&names.join(", "));
        }
        out.push_str("- ");
        out.push_str(&md(&line));
        out.push('\n');
    }
    out.push_str("\n# ");
    out.push_str(&md(&tr.text(lang, "chapter-surveys", None)));
    out.push_str("\n\n");
    let mut any = false;
    for survey in state.store().surveys(inputs.area.id).await? {
        if survey.responses == 0 || survey.status == souhra_core::survey::SurveyStatus::Draft {
            continue;
        }
        any = true;
        let answers: Vec<souhra_core::survey::Answers> = state
            .store()
            .survey_responses(survey.id)
            .await?
            .into_iter()
            .map(|r| r.answers)
            .collect();
        let results = souhra_core::survey::results(&survey.questionnaire, &answers, None);
        let mut args = FluentArgs::new();
        args.set("title", survey.settings.title.clone());
        args.set("count", results.responses);
        out.push_str("- ");
        out.push_str(&md(&text("chapter-survey-line", &args)));
        out.push('\n');
        for (q, r) in survey
            .questionnaire
            .questions
            .iter()
            .zip(&results.questions)
        {
            let top = r
                .counts
                .iter()
                .enumerate()
                .max_by_key(|(_, n)| **n)
                .filter(|(_, n)| **n > 0);
            let label = match (q.kind, top) {
                (
                    souhra_core::survey::QuestionKind::Single
                    | souhra_core::survey::QuestionKind::Multiple,
                    Some((o, n)),
                ) => q.options.get(o).map(|l| (l.clone(), *n)),
                _ => None,
            };
            let Some((option, n)) = label else {
                continue;
            };
            let mut args = FluentArgs::new();
            args.set("question", q.text.clone());
            args.set("option", option);
            args.set(
                "share",
                share_text(lang, Some(n as f64 / r.answered.max(1) as f64)),
            );
            out.push_str("  - ");
            out.push_str(&md(&text("chapter-survey-answer", &args)));
            out.push('\n');
        }
    }
    if !any {
        out.push_str(&md(&tr.text(lang, "chapter-surveys-none", None)));
        out.push('\n');
    }
    Ok((title, out))
}

/// `/{area}/analyza/kapitola`: the chapter as a page.
pub(crate) async fn chapter_page(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    uri: OriginalUri,
) -> Result<Html<String>, AppError> {
    let area = load_area(&state, &slug).await?;
    let inputs = Inputs::load(&state, area).await?;
    let (title, markdown) = chapter(&state, lang, &inputs).await?;
    let view_area = AreaView::new(&state, lang, &inputs.area);
    Page::new(&state, lang, &path_of(&uri))
        .title(title.clone())
        .nav("analysis")
        .area(view_area)
        .render(
            "analysis_chapter.html",
            view! {
                title,
                html => crate::markdown::to_html(&markdown),
                pdf_href => format!("/{}/analyza/kapitola.pdf", inputs.area.slug),
            },
        )
}

/// `/{area}/analyza/kapitola.pdf`: the chapter through the document engine (the plan
/// template, with the chapter as its only section).
pub(crate) async fn chapter_pdf(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let inputs = Inputs::load(&state, area).await?;
    let (title, markdown) = chapter(&state, lang, &inputs).await?;
    let t = |key: &str| state.translations().text(lang, key, None);
    let area = &inputs.area;
    let document = souhra_docs::plan::PlanDocument {
        lang: lang.code().to_owned(),
        title: title.clone(),
        keywords: vec![t("analysis-title"), area.name.clone()],
        area: area.name.clone(),
        kind: t("chapter-kind"),
        status: lang.format_date(souhra_store::comment::prague_day(chrono::Utc::now())),
        edition: lang.format_date(chrono::Utc::now().date_naive()),
        demo: area.is_demo.then(|| t("doc-demo")),
        labels: souhra_docs::plan::PLAN_LABEL_KEYS
            .iter()
            .map(|k| {
                (
                    (*k).to_owned(),
                    t(&format!("doc-plan-{}", k.replace('_', "-"))),
                )
            })
            .collect(),
        vision: Vec::new(),
        chapters: vec![souhra_docs::plan::Section {
            number: String::new(),
            title,
            blocks: crate::markdown::to_blocks(&markdown),
            children: Vec::new(),
        }],
        priorities: Vec::new(),
        total: String::new(),
        year: None,
        network: None,
    };
    let pdf = state.print_plan(document).await?;
    Ok(super::print::pdf_response(
        pdf.bytes,
        &format!("analyza-{}.pdf", area.slug),
        None,
    ))
}

/// The findings a measure of the area may cite, key and label: the kinds missing somewhere
/// (facilities within the default distance), the questions of the area's surveys that are not
/// drafts, and whatever `cited` holds already (so a cited gap that closed stays listed).
pub(crate) async fn finding_choices(
    state: &AppState,
    lang: Lang,
    area: &Area,
    cited: &[Finding],
) -> Result<Vec<(String, String)>, AppError> {
    let inputs = Inputs::load(state, area.clone()).await?;
    let tr = state.translations();
    let labels = state.labels();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut gaps: Vec<String> = Vec::new();
    for k in coverage_overview(state, &inputs, DEFAULT_KM) {
        if k.missing == 0 {
            continue;
        }
        let mut args = FluentArgs::new();
        args.set("kind", k.name.clone());
        args.set("missing", k.missing);
        args.set("all", k.municipalities);
        gaps.push(k.key.clone());
        out.push((
            Finding::Gap(k.key).key(),
            tr.text(lang, "planning-finding-gap", Some(&args)),
        ));
    }
    for f in cited {
        if let Finding::Gap(kind) = f
            && !gaps.contains(kind)
        {
            let mut args = FluentArgs::new();
            args.set("kind", labels.label(Codelist::ServiceKind, kind));
            out.push((
                f.key(),
                tr.text(lang, "planning-finding-gap-closed", Some(&args)),
            ));
        }
    }
    for survey in state.store().surveys(area.id).await? {
        if survey.status == souhra_core::survey::SurveyStatus::Draft {
            continue;
        }
        for (i, q) in survey.questionnaire.questions.iter().enumerate() {
            let mut args = FluentArgs::new();
            args.set("title", survey.settings.title.clone());
            args.set("number", i + 1);
            args.set("question", q.text.clone());
            out.push((
                Finding::Survey {
                    survey: survey.id.0,
                    question: i,
                }
                .key(),
                tr.text(lang, "planning-finding-survey", Some(&args)),
            ));
        }
    }
    Ok(out)
}

/// Public links of findings cited in `elements`, by key: a gap to its coverage page, a survey
/// question to the survey's published results (a label without a link otherwise).
pub(crate) async fn finding_links(
    state: &AppState,
    lang: Lang,
    area: &Area,
    elements: &[souhra_store::plan::Element],
) -> Result<HashMap<String, super::plans::ServiceLink>, AppError> {
    let cited: Vec<&Finding> = elements.iter().flat_map(|e| &e.details.findings).collect();
    let mut out = HashMap::new();
    if cited.is_empty() {
        return Ok(out);
    }
    let tr = state.translations();
    let labels = state.labels();
    let surveys = state.store().surveys(area.id).await?;
    for f in cited {
        let (name, href) = match f {
            Finding::Gap(kind) => {
                let mut args = FluentArgs::new();
                args.set("kind", labels.label(Codelist::ServiceKind, kind));
                (
                    tr.text(lang, "plan-finding-gap", Some(&args)),
                    format!("/{}/analyza/dostupnost?druh={kind}", area.slug),
                )
            }
            Finding::Survey { survey, question } => {
                let Some(s) = surveys.iter().find(|s| s.id.0 == *survey) else {
                    continue;
                };
                let mut args = FluentArgs::new();
                args.set("title", s.settings.title.clone());
                args.set("number", question + 1);
                let href = if s.settings.results_public {
                    format!(
                        "/{}/pruzkum/{}/vysledky#otazka-{}",
                        area.slug,
                        s.token,
                        question + 1
                    )
                } else {
                    String::new()
                };
                (tr.text(lang, "plan-finding-survey", Some(&args)), href)
            }
        };
        out.insert(f.key(), super::plans::ServiceLink { name, href });
    }
    Ok(out)
}

/// The measures of the area's plans in force that cite `finding`, as links to their place in
/// the plan's public page.
pub(crate) async fn citing_links(
    state: &AppState,
    area: &Area,
    finding: &Finding,
) -> Result<Vec<super::plans::ServiceLink>, AppError> {
    Ok(state
        .store()
        .citing_elements(area.id, finding)
        .await?
        .into_iter()
        .filter(|c| c.status == souhra_core::plan::PlanStatus::InForce)
        .map(|c| super::plans::ServiceLink {
            href: format!(
                "{}#{}",
                super::plans::plan_href(area.slug.as_str(), c.plan.0, &c.plan_title),
                c.key
            ),
            name: format!("{} – {}", c.plan_title, c.title),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_act() {
        let mut kinds = vec!["60a", "49", "37", "60", "108"];
        kinds.sort_by_key(|k| paragraph_order(k));
        assert_eq!(kinds, ["37", "49", "60", "60a", "108"]);
    }
}

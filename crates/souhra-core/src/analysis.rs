//! Mapping the social situation: the age structure of a territory, the supply of services per
//! 1,000 inhabitants of the group they serve, and whether a kind of service is available in each
//! municipality. Pure functions over figures the caller gathered; nothing here reads a database.
//!
//! **Where capacity counts.** A service's capacity in one form is divided among the
//! municipalities that form serves, in proportion to their inhabitants of the service's
//! reference group (everybody where age data are missing; equal shares where nobody lives
//! there). A residential form serves the municipalities of its facilities (people live there);
//! outpatient and field forms serve the service area (the facilities' municipalities when the
//! service area is not given). So an ORP's capacity is the sum of its municipalities', a region's
//! the sum of its ORPs', and nothing is counted twice.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::{AreaUnit, CatalogueEntry, ServiceStatus};
use crate::code::{DistrictCode, MunicipalityCode, OrpCode, RegionCode};
use crate::codelist::Form;
use crate::population::{AgeBand, PopulationSummary};
use crate::territory::GeoPoint;

/// Ages at which the shares of older people are reported.
pub const OLDER: [u8; 2] = [65, 80];

/// The finest chain of `bands` that covers every age from `from` up, ending in an open band; the
/// bands of a file may overlap (five-year groups beside "65 and older"), so the chain is searched.
fn chain(bands: &[(AgeBand, u64)], from: u8) -> Option<Vec<(AgeBand, u64)>> {
    let mut starting: Vec<&(AgeBand, u64)> = bands.iter().filter(|(b, _)| b.from == from).collect();
    // Narrowest first: the finest chain is found first.
    starting.sort_by_key(|(b, _)| b.to.map_or(u16::MAX, u16::from));
    for &(band, count) in starting {
        match band.to {
            None => return Some(vec![(band, count)]),
            Some(to) => {
                let Some(next) = to.checked_add(1) else {
                    continue;
                };
                if let Some(mut rest) = chain(bands, next) {
                    rest.insert(0, (band, count));
                    return Some(rest);
                }
            }
        }
    }
    None
}

/// People of one municipality (or any set of bands at one date) aged `age` or older, where the
/// bands tell it; `None` when they do not (a band straddles `age`, or ages are missing).
pub fn aged_from(bands: &[(AgeBand, u64)], age: u8) -> Option<u64> {
    let without_total: Vec<(AgeBand, u64)> = bands
        .iter()
        .copied()
        .filter(|(b, _)| !b.is_total())
        .collect();
    chain(&without_total, age).map(|c| c.iter().map(|(_, n)| n).sum())
}

/// The finest division of all ages given by `bands`, youngest first.
pub fn age_partition(bands: &[(AgeBand, u64)]) -> Option<Vec<(AgeBand, u64)>> {
    let without_total: Vec<(AgeBand, u64)> = bands
        .iter()
        .copied()
        .filter(|(b, _)| !b.is_total())
        .collect();
    chain(&without_total, 0)
}

/// Broad age groups used when the municipalities of a territory give different bands.
const BROAD: [u8; 5] = [0, 15, 65, 80, 255];

/// What the population figures of a set of municipalities say together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Demography {
    /// Municipalities counted.
    pub municipalities: usize,
    /// Sum of the newest totals.
    pub total: u64,
    /// Oldest and newest reference date among those totals.
    pub total_dates: Option<(NaiveDate, NaiveDate)>,
    /// Municipalities without any total.
    pub without_total: usize,
    /// Municipalities whose total is zero.
    pub zero_population: usize,
    /// Newest date of age data among the municipalities.
    pub ages_date: Option<NaiveDate>,
    /// Municipalities with a complete age division at that date.
    pub with_ages: usize,
    /// Inhabitants of those municipalities (the base of the shares).
    pub ages_population: u64,
    /// People aged 65 and older, 80 and older (among `with_ages` municipalities).
    pub older: Vec<OlderGroup>,
    /// The age structure for a chart, youngest first: the municipalities' own bands when they
    /// all give the same ones, broad groups otherwise.
    pub structure: Vec<(AgeBand, u64)>,
}

/// People from an age up, with their share.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OlderGroup {
    /// The age.
    pub from: u8,
    /// How many.
    pub count: u64,
    /// Share of `Demography::ages_population`, 0–1; `None` when that is zero.
    pub share: Option<f64>,
}

impl Demography {
    /// Whether any age data were found.
    pub fn has_ages(&self) -> bool {
        self.with_ages > 0
    }

    /// Municipalities counted without age data.
    pub fn without_ages(&self) -> usize {
        self.municipalities - self.with_ages
    }

    /// People aged `from` or older, if known.
    pub fn aged(&self, from: u8) -> Option<OlderGroup> {
        self.older.iter().copied().find(|g| g.from == from)
    }
}

/// Sums up `summaries` (one per municipality).
pub fn demography<'a>(summaries: impl IntoIterator<Item = &'a PopulationSummary>) -> Demography {
    let summaries: Vec<&PopulationSummary> = summaries.into_iter().collect();
    let mut total = 0;
    let mut dates: Option<(NaiveDate, NaiveDate)> = None;
    let mut without_total = 0;
    let mut zero_population = 0;
    for s in &summaries {
        match s.total {
            Some((date, count)) => {
                total += count;
                zero_population += usize::from(count == 0);
                dates = Some(dates.map_or((date, date), |(lo, hi)| (lo.min(date), hi.max(date))));
            }
            None => without_total += 1,
        }
    }
    let ages_date = summaries.iter().filter_map(|s| s.bands_date).max();
    let divided: Vec<Vec<(AgeBand, u64)>> = summaries
        .iter()
        .filter(|s| s.bands_date.is_some() && s.bands_date == ages_date)
        .filter_map(|s| age_partition(&s.bands).map(|p| (s, p)))
        .filter(|(s, _)| OLDER.iter().all(|&age| aged_from(&s.bands, age).is_some()))
        .map(|(_, p)| p)
        .collect();
    let with_ages = divided.len();
    let ages_population: u64 = divided.iter().flatten().map(|(_, n)| n).sum();
    let older = if with_ages == 0 {
        Vec::new()
    } else {
        OLDER
            .iter()
            .map(|&from| {
                let count = divided
                    .iter()
                    .map(|p| aged_from(p, from).unwrap_or(0))
                    .sum::<u64>();
                OlderGroup {
                    from,
                    count,
                    share: (ages_population > 0).then(|| count as f64 / ages_population as f64),
                }
            })
            .collect()
    };
    let same_bands = divided
        .windows(2)
        .all(|w| w[0].len() == w[1].len() && w[0].iter().zip(&w[1]).all(|(a, b)| a.0 == b.0));
    let structure = match divided.first() {
        None => Vec::new(),
        Some(first) if same_bands => first
            .iter()
            .enumerate()
            .map(|(i, (band, _))| (*band, divided.iter().map(|p| p[i].1).sum()))
            .collect(),
        Some(_) => broad_structure(&divided),
    };
    Demography {
        municipalities: summaries.len(),
        total,
        total_dates: dates,
        without_total,
        zero_population,
        ages_date: if with_ages > 0 { ages_date } else { None },
        with_ages,
        ages_population,
        older,
        structure,
    }
}

/// Broad groups (0–14, 15–64, 65–79, 80+) where every division tells them; fewer groups
/// otherwise (a division without a boundary at 15 merges 0–14 into 0–64).
fn broad_structure(divided: &[Vec<(AgeBand, u64)>]) -> Vec<(AgeBand, u64)> {
    let bounds: Vec<u8> = BROAD
        .iter()
        .copied()
        .filter(|&age| {
            age == 0 || age == 255 || divided.iter().all(|p| aged_from(p, age).is_some())
        })
        .collect();
    bounds
        .windows(2)
        .filter_map(|w| {
            let (from, next) = (w[0], w[1]);
            let band = AgeBand::new(from, (next != 255).then(|| next - 1)).ok()?;
            let count = divided
                .iter()
                .map(|p| {
                    let upper = if next == 255 {
                        0
                    } else {
                        aged_from(p, next).unwrap_or(0)
                    };
                    aged_from(p, from).unwrap_or(0).saturating_sub(upper)
                })
                .sum();
            Some((band, count))
        })
        .collect()
}

/// The age from which people count as a kind's reference group (`0`: everybody), by the kind's
/// key (its paragraph); kinds not listed serve everybody.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReferenceGroups(HashMap<String, u8>);

impl ReferenceGroups {
    /// Groups from `(kind, age)` pairs.
    pub fn new(pairs: impl IntoIterator<Item = (String, u8)>) -> Self {
        Self(pairs.into_iter().collect())
    }

    /// The age from which the kind's group counts.
    pub fn from_age(&self, kind: &str) -> u8 {
        self.0.get(kind).copied().unwrap_or(0)
    }
}

/// A municipality as the analysis sees it: where it lies, and who lives there.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Code.
    pub code: MunicipalityCode,
    /// ORP.
    pub orp: OrpCode,
    /// District.
    pub district: DistrictCode,
    /// Region.
    pub region: RegionCode,
    /// Representative point.
    pub point: Option<GeoPoint>,
    /// Its population figures.
    pub population: PopulationSummary,
    /// Whether an area of the installation contains it, so that the registry import brings the
    /// services serving it (comparisons are drawn only over territories wholly covered).
    pub covered: bool,
}

impl Place {
    /// Inhabitants aged `from` or older: from age data, or (`from` 0) the newest total.
    pub fn aged(&self, from: u8) -> Option<u64> {
        if from == 0 {
            return self.population.total.map(|(_, n)| n).or_else(|| {
                age_partition(&self.population.bands).map(|p| p.iter().map(|(_, n)| n).sum())
            });
        }
        aged_from(&self.population.bands, from)
    }
}

/// The municipalities of the country (or the part of it that matters), found by code and by
/// the units containing them.
#[derive(Debug, Clone, Default)]
pub struct Territory {
    places: Vec<Place>,
    by_code: HashMap<MunicipalityCode, usize>,
    by_unit: HashMap<AreaUnit, Vec<usize>>,
}

impl Territory {
    /// Indexes `places`.
    pub fn new(places: Vec<Place>) -> Self {
        let mut by_code = HashMap::with_capacity(places.len());
        let mut by_unit: HashMap<AreaUnit, Vec<usize>> = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            by_code.insert(p.code, i);
            for unit in [
                AreaUnit::Region(p.region),
                AreaUnit::District(p.district),
                AreaUnit::Orp(p.orp),
                AreaUnit::Municipality(p.code),
            ] {
                by_unit.entry(unit).or_default().push(i);
            }
        }
        Self {
            places,
            by_code,
            by_unit,
        }
    }

    /// Every place.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// One place.
    pub fn place(&self, code: MunicipalityCode) -> Option<&Place> {
        self.by_code.get(&code).map(|&i| &self.places[i])
    }

    fn expand(&self, units: &[AreaUnit]) -> BTreeSet<usize> {
        units
            .iter()
            .filter_map(|u| self.by_unit.get(u))
            .flatten()
            .copied()
            .collect()
    }

    fn facility_places(&self, entry: &CatalogueEntry) -> BTreeSet<usize> {
        entry
            .facilities
            .iter()
            .filter_map(|f| {
                f.municipality
                    .or_else(|| f.address.as_ref().and_then(|a| a.municipality))
            })
            .filter_map(|code| self.by_code.get(&code).copied())
            .collect()
    }

    /// How a whole service divides among the municipalities it serves (any of its forms, or its
    /// facilities and service area when it lists no form), in proportion to their inhabitants:
    /// the shares of one service add up to 1 (empty when it serves none of the territory). Used
    /// to spread a service's money over the areas it works for.
    pub fn served_shares(&self, entry: &CatalogueEntry) -> Vec<(MunicipalityCode, f64)> {
        let mut served = BTreeSet::new();
        for form in &entry.forms {
            served.extend(self.served(entry, form.form));
        }
        if entry.forms.is_empty() {
            for form in Form::ALL {
                served.extend(self.served(entry, form));
            }
        }
        if served.is_empty() {
            return Vec::new();
        }
        weights(self, &served, 0)
    }

    /// The municipalities a form of a service serves (see the module's notes).
    fn served(&self, entry: &CatalogueEntry, form: Form) -> BTreeSet<usize> {
        let facilities = self.facility_places(entry);
        let area = self.expand(&entry.service_area);
        match form {
            Form::Residential if !facilities.is_empty() => facilities,
            _ if !area.is_empty() => area,
            _ => facilities,
        }
    }
}

/// Whether a service counts in the analysis: provided now (not suspended, not ended).
pub fn counts(entry: &CatalogueEntry) -> bool {
    entry.status == ServiceStatus::Active
}

/// What a row of the supply table is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SupplyKey {
    /// Kind (paragraph).
    pub kind: String,
    /// Form.
    pub form: Form,
    /// Capacity type key.
    pub capacity_type: String,
}

/// Capacities divided among municipalities, for every kind, form and capacity type.
#[derive(Debug, Clone, Default)]
pub struct Supply {
    /// Per key: each municipality's share of capacity, and the services with a share there.
    shares: BTreeMap<SupplyKey, HashMap<MunicipalityCode, (f64, Vec<i64>)>>,
    /// Per kind: services without any capacity figure, with the municipalities they serve.
    uncounted: BTreeMap<String, HashMap<MunicipalityCode, Vec<i64>>>,
}

/// One row of a supply table for a territory.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplyRow {
    /// What it is about.
    pub key: SupplyKey,
    /// Services with a share in the territory.
    pub services: usize,
    /// Capacity in the territory (shares of services reaching beyond it included).
    pub capacity: f64,
    /// The age from which the reference group counts (0: everybody).
    pub group_from: u8,
    /// Inhabitants of the reference group, when every municipality's age data tell it.
    pub group: Option<u64>,
    /// Capacity per 1,000 of the group.
    pub per_1000: Option<f64>,
}

impl Supply {
    /// Divides the capacities of the services that [`counts`] among the municipalities of
    /// `territory`, with `groups` telling each kind's reference group.
    pub fn new<'a>(
        territory: &Territory,
        groups: &ReferenceGroups,
        entries: impl IntoIterator<Item = (i64, &'a CatalogueEntry)>,
    ) -> Self {
        let mut supply = Self::default();
        for (id, entry) in entries {
            if !counts(entry) {
                continue;
            }
            let from = groups.from_age(&entry.kind);
            let mut any_capacity = false;
            for form in &entry.forms {
                let capacities: Vec<_> = form.capacities.iter().filter(|c| c.count > 0).collect();
                if capacities.is_empty() {
                    continue;
                }
                let served = territory.served(entry, form.form);
                if served.is_empty() {
                    continue;
                }
                any_capacity = true;
                let weights = weights(territory, &served, from);
                for capacity in capacities {
                    let key = SupplyKey {
                        kind: entry.kind.clone(),
                        form: form.form,
                        capacity_type: capacity.capacity_type.clone(),
                    };
                    let cells = supply.shares.entry(key).or_default();
                    for (code, weight) in &weights {
                        let cell = cells.entry(*code).or_insert((0.0, Vec::new()));
                        cell.0 += f64::from(capacity.count) * weight;
                        if cell.1.last() != Some(&id) {
                            cell.1.push(id);
                        }
                    }
                }
            }
            if !any_capacity {
                let mut served = BTreeSet::new();
                for form in Form::ALL {
                    served.extend(territory.served(entry, form));
                }
                let cells = supply.uncounted.entry(entry.kind.clone()).or_default();
                for i in served {
                    cells.entry(territory.places[i].code).or_default().push(id);
                }
            }
        }
        supply
    }

    /// The supply table of the municipalities `within` (each counted once).
    pub fn rows(
        &self,
        territory: &Territory,
        groups: &ReferenceGroups,
        within: &HashSet<MunicipalityCode>,
    ) -> Vec<SupplyRow> {
        let mut group_sizes: HashMap<u8, Option<u64>> = HashMap::new();
        let mut group_of = |from: u8| -> Option<u64> {
            *group_sizes.entry(from).or_insert_with(|| {
                within
                    .iter()
                    .filter_map(|code| territory.place(*code))
                    .map(|p| p.aged(from))
                    .sum::<Option<u64>>()
            })
        };
        self.shares
            .iter()
            .filter_map(|(key, cells)| {
                let mut capacity = 0.0;
                let mut services: HashSet<i64> = HashSet::new();
                for (code, (share, ids)) in cells {
                    if within.contains(code) {
                        capacity += share;
                        services.extend(ids);
                    }
                }
                if services.is_empty() {
                    return None;
                }
                let group_from = groups.from_age(&key.kind);
                let group = group_of(group_from);
                Some(SupplyRow {
                    key: key.clone(),
                    services: services.len(),
                    capacity,
                    group_from,
                    group,
                    per_1000: group
                        .filter(|&g| g > 0)
                        .map(|g| capacity * 1000.0 / g as f64),
                })
            })
            .collect()
    }

    /// Per kind, how many services serving `within` give no capacity figure.
    pub fn without_capacity(&self, within: &HashSet<MunicipalityCode>) -> BTreeMap<String, usize> {
        self.uncounted
            .iter()
            .filter_map(|(kind, cells)| {
                let ids: HashSet<i64> = cells
                    .iter()
                    .filter(|(code, _)| within.contains(code))
                    .flat_map(|(_, ids)| ids.iter().copied())
                    .collect();
                (!ids.is_empty()).then(|| (kind.clone(), ids.len()))
            })
            .collect()
    }
}

/// Each served municipality's share (summing to 1): by its inhabitants of the reference group,
/// by all its inhabitants where age data are missing, equally where nobody lives there.
fn weights(
    territory: &Territory,
    served: &BTreeSet<usize>,
    from: u8,
) -> Vec<(MunicipalityCode, f64)> {
    let places: Vec<&Place> = served.iter().map(|&i| &territory.places[i]).collect();
    let by = |f: &dyn Fn(&Place) -> Option<u64>| -> Option<Vec<f64>> {
        let values: Option<Vec<u64>> = places.iter().map(|p| f(p)).collect();
        let values = values?;
        let sum: u64 = values.iter().sum();
        (sum > 0).then(|| values.iter().map(|&v| v as f64 / sum as f64).collect())
    };
    let shares = by(&|p| p.aged(from))
        .or_else(|| by(&|p| p.aged(0)))
        .unwrap_or_else(|| vec![1.0 / places.len() as f64; places.len()]);
    places.iter().map(|p| p.code).zip(shares).collect()
}

/// Great-circle distance in kilometres.
pub fn distance_km(a: GeoPoint, b: GeoPoint) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// How a municipality is reached by a kind of service.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// The municipality.
    pub code: MunicipalityCode,
    /// Services whose service area covers it.
    pub by_area: Vec<i64>,
    /// The nearest facility of the kind and its distance, if any has a known place.
    pub nearest: Option<(i64, f64)>,
    /// Whether the kind is available: a service area covers it or the nearest facility is
    /// within the distance asked.
    pub available: bool,
}

/// For each municipality of `within` (in the order given), whether the kind `kind` is
/// available: a service's area covers it, or one of its facilities lies within `max_km` of the
/// municipality's point (a facility without its own point counts at its municipality's).
pub fn coverage<'a>(
    territory: &Territory,
    kind: &str,
    max_km: f64,
    entries: impl IntoIterator<Item = (i64, &'a CatalogueEntry)>,
    within: &[MunicipalityCode],
) -> Vec<Coverage> {
    let mut area_services: HashMap<MunicipalityCode, Vec<i64>> = HashMap::new();
    let mut facilities: Vec<(i64, GeoPoint)> = Vec::new();
    for (id, entry) in entries {
        if entry.kind != kind || !counts(entry) {
            continue;
        }
        for i in territory.expand(&entry.service_area) {
            area_services
                .entry(territory.places[i].code)
                .or_default()
                .push(id);
        }
        for f in &entry.facilities {
            let municipality = f
                .municipality
                .or_else(|| f.address.as_ref().and_then(|a| a.municipality));
            let point = f.point.or_else(|| {
                municipality
                    .and_then(|m| territory.place(m))
                    .and_then(|p| p.point)
            });
            if let Some(point) = point {
                facilities.push((id, point));
            }
        }
    }
    within
        .iter()
        .map(|&code| {
            let by_area = area_services.remove(&code).unwrap_or_default();
            let nearest = territory
                .place(code)
                .and_then(|p| p.point)
                .and_then(|here| {
                    facilities
                        .iter()
                        .map(|(id, at)| (*id, distance_km(here, *at)))
                        .min_by(|a, b| a.1.total_cmp(&b.1))
                });
            let available = !by_area.is_empty() || nearest.is_some_and(|(_, km)| km <= max_km);
            Coverage {
                code,
                by_area,
                nearest,
                available,
            }
        })
        .collect()
}

/// A finding of the analysis that a plan's measure can answer: the gap of a kind of service in
/// the area (by the kind's paragraph), or a question of a survey. Stored and sent as its key:
/// `gap:49`, `survey:3:0` (survey id, question index).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Finding {
    /// The coverage gap of a kind.
    Gap(String),
    /// A survey's question.
    Survey {
        /// The survey's id.
        survey: i64,
        /// The question's index.
        question: usize,
    },
}

/// Text that is not a finding's key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a finding (expected e.g. \"gap:49\" or \"survey:3:0\")")]
pub struct FindingError(pub String);

impl Finding {
    /// The key.
    pub fn key(&self) -> String {
        match self {
            Self::Gap(kind) => format!("gap:{kind}"),
            Self::Survey { survey, question } => format!("survey:{survey}:{question}"),
        }
    }

    /// Parses a key.
    pub fn parse(text: &str) -> Result<Self, FindingError> {
        let error = || FindingError(text.to_owned());
        let text = text.trim();
        if let Some(kind) = text.strip_prefix("gap:") {
            let paragraph = crate::codelist::Paragraph::parse(kind).map_err(|_| error())?;
            return Ok(Self::Gap(paragraph.to_string()));
        }
        let rest = text.strip_prefix("survey:").ok_or_else(error)?;
        let (survey, question) = rest.split_once(':').ok_or_else(error)?;
        Ok(Self::Survey {
            survey: survey
                .parse()
                .ok()
                .filter(|s: &i64| *s > 0)
                .ok_or_else(error)?,
            question: question.parse().map_err(|_| error())?,
        })
    }
}

impl From<Finding> for String {
    fn from(finding: Finding) -> String {
        finding.key()
    }
}

impl TryFrom<String> for Finding {
    type Error = FindingError;
    fn try_from(text: String) -> Result<Self, FindingError> {
        Self::parse(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Capacity, Facility, Organization, ServiceForm, Source};

    fn band(text: &str) -> AgeBand {
        AgeBand::parse(text).unwrap()
    }

    fn bands(pairs: &[(&str, u64)]) -> Vec<(AgeBand, u64)> {
        pairs.iter().map(|(b, n)| (band(b), *n)).collect()
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn summary(total: Option<u64>, ages: &[(&str, u64)]) -> PopulationSummary {
        PopulationSummary {
            total: total.map(|n| (date("2021-01-01"), n)),
            bands_date: (!ages.is_empty()).then(|| date("2024-12-31")),
            bands: bands(ages),
        }
    }

    #[test]
    fn older_people_are_counted_from_bands_that_allow_it() {
        let five = bands(&[
            ("0-64", 700),
            ("65-69", 60),
            ("70-79", 90),
            ("80-84", 30),
            ("85+", 20),
            ("total", 900),
        ]);
        assert_eq!(aged_from(&five, 65), Some(200));
        assert_eq!(aged_from(&five, 80), Some(50));
        assert_eq!(aged_from(&five, 70), Some(140));
        assert_eq!(aged_from(&five, 75), None, "70-79 straddles 75");
        assert_eq!(aged_from(&five, 0), Some(900));
        assert_eq!(aged_from(&[], 65), None);
        // Overlapping bands: the chain through "65+" and the one through five-year groups agree.
        let overlapping = bands(&[("0-64", 10), ("65+", 5), ("65-79", 3), ("80+", 2)]);
        assert_eq!(aged_from(&overlapping, 65), Some(5));
        assert_eq!(aged_from(&overlapping, 80), Some(2));
        // A gap (no 15-64) leaves the total unknown but the older groups known.
        let gap = bands(&[("0-14", 1), ("65+", 3), ("80+", 1), ("65-79", 2)]);
        assert_eq!(age_partition(&gap), None);
        assert_eq!(aged_from(&gap, 65), Some(3));
        // A closed band ending at 255 cannot be followed.
        assert_eq!(aged_from(&bands(&[("0-255", 4)]), 0), None);
    }

    #[test]
    fn demography_of_municipalities_with_and_without_ages() {
        let a = summary(
            Some(1000),
            &[("0-14", 150), ("15-64", 600), ("65-79", 180), ("80+", 70)],
        );
        let b = summary(
            Some(500),
            &[("0-14", 50), ("15-64", 300), ("65-79", 100), ("80+", 50)],
        );
        let no_ages = summary(Some(200), &[]);
        let empty = summary(Some(0), &[]);
        let nothing = summary(None, &[]);
        let d = demography([&a, &b, &no_ages, &empty, &nothing]);
        assert_eq!(d.municipalities, 5);
        assert_eq!(d.total, 1700);
        assert_eq!(d.without_total, 1);
        assert_eq!(d.zero_population, 1);
        assert_eq!(d.with_ages, 2);
        assert_eq!(d.without_ages(), 3);
        assert_eq!(d.ages_population, 1500);
        let aged65 = d.aged(65).unwrap();
        assert_eq!(aged65.count, 400);
        assert!((aged65.share.unwrap() - 400.0 / 1500.0).abs() < 1e-12);
        assert_eq!(d.aged(80).unwrap().count, 120);
        let keys: Vec<String> = d.structure.iter().map(|(b, _)| b.key()).collect();
        assert_eq!(keys, ["0-14", "15-64", "65-79", "80+"]);
        assert_eq!(d.structure[1].1, 900);
        assert_eq!(d.ages_date, Some(date("2024-12-31")));
    }

    #[test]
    fn demography_without_any_ages_says_so() {
        let d = demography([&summary(Some(10), &[]), &summary(Some(0), &[])]);
        assert!(!d.has_ages());
        assert!(d.older.is_empty());
        assert!(d.structure.is_empty());
        assert_eq!(d.ages_date, None);
        let none = demography(std::iter::empty::<&PopulationSummary>());
        assert_eq!(none.total, 0);
        assert_eq!(none.total_dates, None);
        // Age data of zero people: counted, but no shares.
        let zero = demography([&summary(Some(0), &[("0-64", 0), ("65-79", 0), ("80+", 0)])]);
        assert_eq!(zero.with_ages, 1);
        assert_eq!(zero.aged(65).unwrap().share, None);
    }

    #[test]
    fn different_bands_fall_back_to_broad_groups() {
        let fine = summary(
            Some(100),
            &[
                ("0-14", 10),
                ("15-64", 60),
                ("65-69", 10),
                ("70-79", 10),
                ("80+", 10),
            ],
        );
        let coarse = summary(Some(100), &[("0-64", 70), ("65-79", 20), ("80+", 10)]);
        let d = demography([&fine, &coarse]);
        let shown: Vec<(String, u64)> = d.structure.iter().map(|(b, n)| (b.key(), *n)).collect();
        assert_eq!(
            shown,
            [
                ("0-64".to_owned(), 140),
                ("65-79".to_owned(), 40),
                ("80+".to_owned(), 20)
            ]
        );
        // Only the municipalities at the newest age date count.
        let mut older = fine.clone();
        older.bands_date = Some(date("2020-12-31"));
        let d = demography([&older, &coarse]);
        assert_eq!(d.with_ages, 1);
        assert_eq!(d.ages_population, 100);
    }

    fn code(n: u32) -> MunicipalityCode {
        MunicipalityCode::try_from(i64::from(n)).unwrap()
    }

    fn place(n: u32, orp: u32, total: u64, aged65: Option<u64>, point: (f64, f64)) -> Place {
        let population = match aged65 {
            Some(old) => summary(
                Some(total),
                &[
                    ("0-64", total - old),
                    ("65-79", old / 2),
                    ("80+", old - old / 2),
                ],
            ),
            None => summary(Some(total), &[]),
        };
        Place {
            code: code(n),
            orp: OrpCode::try_from(i64::from(orp)).unwrap(),
            district: DistrictCode::try_from(3406_i64).unwrap(),
            region: RegionCode::try_from(43_i64).unwrap(),
            point: GeoPoint::new(point.0, point.1),
            population,
            covered: true,
        }
    }

    fn territory() -> Territory {
        Territory::new(vec![
            place(558109, 3207, 3000, Some(600), (49.486, 13.582)),
            place(557943, 3207, 1000, Some(400), (49.516, 13.519)),
            place(557986, 3207, 500, None, (49.60, 13.70)),
            place(554791, 3211, 170_000, Some(34_000), (49.747, 13.377)),
        ])
    }

    fn entry(
        kind: &str,
        forms: Vec<ServiceForm>,
        area: Vec<AreaUnit>,
        at: Vec<u32>,
    ) -> CatalogueEntry {
        CatalogueEntry {
            public_id: None,
            registration_id: None,
            source: Source::Registry,
            name: "služba".to_owned(),
            kind: kind.to_owned(),
            description: None,
            fees: None,
            contacts: Default::default(),
            forms,
            target_groups: Vec::new(),
            age_groups: Vec::new(),
            facilities: at
                .into_iter()
                .map(|m| Facility {
                    key: m.to_string(),
                    name: String::new(),
                    address: None,
                    municipality: Some(code(m)),
                    point: None,
                    hidden_address: false,
                    from: None,
                    to: None,
                })
                .collect(),
            service_area: area,
            status: ServiceStatus::Active,
            status_since: None,
            provided_from: None,
            provided_to: None,
            verified_on: None,
            organization: Organization {
                ico: None,
                name: "poskytovatel".to_owned(),
                legal_form: None,
                seat: None,
                contacts: Default::default(),
            },
            organization_public_id: None,
            is_demo: false,
        }
    }

    fn form(form: Form, capacities: &[(&str, u32)]) -> ServiceForm {
        ServiceForm {
            form,
            continuous: false,
            capacities: capacities
                .iter()
                .map(|(t, n)| Capacity {
                    capacity_type: (*t).to_owned(),
                    count: *n,
                    note: None,
                })
                .collect(),
            hours: Vec::new(),
            hours_note: None,
        }
    }

    fn set(codes: &[u32]) -> HashSet<MunicipalityCode> {
        codes.iter().map(|&c| code(c)).collect()
    }

    #[test]
    fn a_service_divides_among_the_people_it_serves() {
        let territory = territory();
        let orp = AreaUnit::Orp(OrpCode::try_from(3207_i64).unwrap());
        // A field service over the ORP and a residential form in Plzeň: both sets count.
        let both = entry(
            "40",
            vec![
                form(Form::Field, &[("klient", 10)]),
                form(Form::Residential, &[("luzka", 5)]),
            ],
            vec![orp],
            vec![554791],
        );
        let shares: HashMap<MunicipalityCode, f64> =
            territory.served_shares(&both).into_iter().collect();
        let total = 3000.0 + 1000.0 + 500.0 + 170_000.0;
        assert_eq!(shares.len(), 4);
        assert!((shares[&code(558109)] - 3000.0 / total).abs() < 1e-12);
        assert!((shares.values().sum::<f64>() - 1.0).abs() < 1e-12);
        // Serving nobody in the territory: no shares.
        let elsewhere = entry("40", vec![], vec![], vec![]);
        assert!(territory.served_shares(&elsewhere).is_empty());
    }

    #[test]
    fn capacity_is_divided_by_the_reference_group_and_counted_once() {
        let territory = territory();
        let groups = ReferenceGroups::new([("49".to_owned(), 65), ("40".to_owned(), 80)]);
        let orp = AreaUnit::Orp(OrpCode::try_from(3207_i64).unwrap());
        let entries = [
            // A home for seniors in Nepomuk: its beds stay there, whatever its service area.
            entry(
                "49",
                vec![form(Form::Residential, &[("luzka", 60)])],
                vec![orp],
                vec![558109],
            ),
            // Home care in the whole ORP: clients divided by people aged 80+ (ages unknown in
            // 557986, so by all inhabitants).
            entry(
                "40",
                vec![form(Form::Field, &[("klient", 100)])],
                vec![orp],
                vec![558109],
            ),
            // No capacity figure: listed apart.
            entry("40", vec![form(Form::Field, &[])], vec![orp], vec![]),
        ];
        let mut ended = entry(
            "49",
            vec![form(Form::Residential, &[("luzka", 999)])],
            vec![],
            vec![558109],
        );
        ended.status = ServiceStatus::Ended;
        let supply = Supply::new(
            &territory,
            &groups,
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (i as i64, e))
                .chain([(9, &ended)]),
        );
        let orp_rows = supply.rows(&territory, &groups, &set(&[558109, 557943, 557986]));
        assert_eq!(orp_rows.len(), 2);
        let home = orp_rows.iter().find(|r| r.key.kind == "49").unwrap();
        assert_eq!(home.services, 1);
        assert!((home.capacity - 60.0).abs() < 1e-9);
        assert_eq!(home.group_from, 65);
        assert_eq!(home.group, None, "557986 has no age data");
        assert_eq!(home.per_1000, None);
        let care = orp_rows.iter().find(|r| r.key.kind == "40").unwrap();
        assert!((care.capacity - 100.0).abs() < 1e-9, "{}", care.capacity);
        // Two municipalities with ages: the home's beds per 1,000 aged 65+.
        let two = supply.rows(&territory, &groups, &set(&[558109, 557943]));
        let home = two.iter().find(|r| r.key.kind == "49").unwrap();
        assert_eq!(home.group, Some(1000));
        assert!((home.per_1000.unwrap() - 60.0).abs() < 1e-9);
        // Home care: shares by total inhabitants (557986 lacks ages): 3000:1000:500.
        let care = two.iter().find(|r| r.key.kind == "40").unwrap();
        assert!(
            (care.capacity - 100.0 * 4000.0 / 4500.0).abs() < 1e-9,
            "{}",
            care.capacity
        );
        // Plzeň: nothing.
        assert!(supply.rows(&territory, &groups, &set(&[554791])).is_empty());
        let uncounted = supply.without_capacity(&set(&[557943]));
        assert_eq!(uncounted.get("40"), Some(&1));
        assert!(supply.without_capacity(&set(&[554791])).is_empty());
    }

    #[test]
    fn a_service_nowhere_in_the_territory_counts_nowhere() {
        let territory = territory();
        let groups = ReferenceGroups::default();
        let lost = entry(
            "39",
            vec![form(Form::Field, &[("klient", 5)])],
            vec![],
            vec![999999],
        );
        let supply = Supply::new(&territory, &groups, [(1, &lost)]);
        let all: HashSet<MunicipalityCode> = territory.places().iter().map(|p| p.code).collect();
        assert!(supply.rows(&territory, &groups, &all).is_empty());
        assert!(supply.without_capacity(&all).is_empty());
    }

    #[test]
    fn findings_round_trip_through_their_keys() {
        for key in ["gap:49", "gap:60a", "survey:3:0", "survey:12:7"] {
            assert_eq!(Finding::parse(key).unwrap().key(), key);
        }
        assert_eq!(
            Finding::parse("gap:§ 49").unwrap(),
            Finding::Gap("49".into())
        );
        for bad in [
            "",
            "gap:",
            "gap:x",
            "survey:3",
            "survey:0:1",
            "survey:a:1",
            "survey:3:-1",
            "kind:49",
        ] {
            assert!(Finding::parse(bad).is_err(), "{bad}");
        }
        let json = serde_json::to_string(&vec![Finding::Gap("40".into())]).unwrap();
        assert_eq!(json, "[\"gap:40\"]");
        assert!(serde_json::from_str::<Vec<Finding>>("[\"nonsense\"]").is_err());
    }

    #[test]
    fn distances() {
        let nepomuk = GeoPoint::new(49.486, 13.582).unwrap();
        let plzen = GeoPoint::new(49.747, 13.377).unwrap();
        let km = distance_km(nepomuk, plzen);
        assert!((32.0..33.5).contains(&km), "{km}");
        assert!(distance_km(plzen, plzen).abs() < 1e-9);
    }

    #[test]
    fn coverage_by_service_area_or_distance() {
        let territory = territory();
        let field = entry(
            "40",
            vec![form(Form::Field, &[("klient", 10)])],
            vec![AreaUnit::Municipality(code(557943))],
            vec![],
        );
        let home = entry(
            "40",
            vec![form(Form::Outpatient, &[])],
            vec![],
            vec![558109],
        );
        let other_kind = entry(
            "49",
            vec![],
            vec![AreaUnit::Region(RegionCode::try_from(43_i64).unwrap())],
            vec![],
        );
        let within = [code(558109), code(557943), code(557986), code(554791)];
        let result = coverage(
            &territory,
            "40",
            10.0,
            [(1, &field), (2, &home), (3, &other_kind)],
            &within,
        );
        let available: Vec<bool> = result.iter().map(|c| c.available).collect();
        // Nepomuk has the facility; Kramolín is in the service area; 557986 is 17 km away;
        // Plzeň 32 km.
        assert_eq!(available, [true, true, false, false]);
        assert_eq!(result[1].by_area, [1]);
        assert_eq!(result[0].nearest.map(|(id, _)| id), Some(2));
        assert!(result[0].nearest.unwrap().1 < 1e-9);
        let wider = coverage(&territory, "40", 20.0, [(2, &home)], &within);
        assert!(wider[2].available);
        let none = coverage(&territory, "63", 50.0, [(2, &home)], &within);
        assert!(none.iter().all(|c| !c.available && c.nearest.is_none()));
    }
}

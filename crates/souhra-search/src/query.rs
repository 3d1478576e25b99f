//! Searching: text with typo tolerance, facet filters with disjunctive counts, "serves this
//! place", distance and "open now".

use std::collections::BTreeMap;

use souhra_core::code::{DistrictCode, MunicipalityCode, OrpCode, RegionCode};
use souhra_core::territory::GeoPoint;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Searcher, Term};

use crate::SearchResult;
use crate::analysis::query_terms;
use crate::index::{SearchIndex, facet, place_term, unpack_hours, unpack_point};

/// At most this many words of a query count (a pasted paragraph searches for its start).
const MAX_TERMS: usize = 12;
/// Words this long or longer that no service has match with one typo.
const FUZZY_FROM: usize = 4;
/// Page size when the query gives none, and the largest page.
const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 1_000;
/// Results past this many are not paged to (tantivy's collector sizes its heap by the offset).
const MAX_OFFSET: usize = 100_000;

/// A municipality with the units that contain it, to find the services that serve it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// The municipality.
    pub municipality: MunicipalityCode,
    /// Its ORP.
    pub orp: OrpCode,
    /// Its district.
    pub district: DistrictCode,
    /// Its region.
    pub region: RegionCode,
    /// Its representative point, for distances.
    pub point: Option<GeoPoint>,
}

impl Place {
    /// The place of a municipality.
    pub fn of(m: &souhra_core::territory::Municipality) -> Self {
        Self {
            municipality: m.code,
            orp: m.orp,
            district: m.district,
            region: m.region,
            point: m.point,
        }
    }

    fn terms(&self) -> [String; 4] {
        [
            place_term("municipality", self.municipality.get()),
            place_term("orp", self.orp.get()),
            place_term("district", self.district.get()),
            place_term("region", self.region.get()),
        ]
    }
}

/// A territory (a planning area: a set of municipalities): the services with a facility in one
/// of its municipalities or a service area covering one of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    terms: std::collections::BTreeSet<String>,
}

impl Scope {
    /// The scope of these municipalities.
    pub fn of(places: impl IntoIterator<Item = Place>) -> Self {
        Self {
            terms: places.into_iter().flat_map(|p| p.terms()).collect(),
        }
    }

    /// Whether it holds no municipality (nothing is in it).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A moment of the week: weekday 1 (Monday) to 7 and minute of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekTime {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// Minute of the day, 0–1439.
    pub minute: u16,
}

/// Facet groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    /// Kind of service (§).
    Kind,
    /// Target group.
    TargetGroup,
    /// Form (residential, outpatient, field).
    Form,
    /// Age group.
    AgeGroup,
}

impl Facet {
    /// Every group, in display order.
    pub const ALL: [Facet; 4] = [
        Facet::Kind,
        Facet::TargetGroup,
        Facet::Form,
        Facet::AgeGroup,
    ];

    fn path(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::TargetGroup => "target",
            Facet::Form => "form",
            Facet::AgeGroup => "age",
        }
    }
}

/// Order of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (name and kind count most).
    #[default]
    Relevance,
    /// Nearest facility to the place first (needs a place with a point).
    Distance,
}

/// A search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    /// Words typed by the user (may be empty).
    pub text: String,
    /// Chosen facet values: within a group any of them, across groups all.
    pub filters: BTreeMap<Facet, Vec<String>>,
    /// Only services with a facility in this municipality or serving it.
    pub serves: Option<Place>,
    /// Only services of this territory (an empty scope finds nothing).
    pub within: Option<Scope>,
    /// Order.
    pub sort: Sort,
    /// Only services open at this moment.
    pub open_at: Option<WeekTime>,
    /// Ended services too.
    pub include_ended: bool,
    /// Results to skip (at most 100,000; a page past the end is empty).
    pub offset: usize,
    /// Results to return: 0 means 20, at most 1,000.
    pub limit: usize,
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The store's service id.
    pub id: i64,
    /// Relevance score.
    pub score: f32,
    /// Kilometres from the place to the nearest facility, when both have points.
    pub distance_km: Option<f64>,
}

/// How many results a facet value would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// Codelist key.
    pub key: String,
    /// Number of services.
    pub count: u64,
}

/// Results of a search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// All matching services.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Counts per facet value, each group counted with the other groups' filters only.
    pub facets: BTreeMap<Facet, Vec<FacetCount>>,
    /// No service had every word, so services with any of them are shown.
    pub relaxed: bool,
}

/// The query for the words `terms`: each word (all of them, or any with `all` false) in any
/// text field. A word that no service has is also looked for with one typo.
fn text_query(
    index: &SearchIndex,
    searcher: &Searcher,
    terms: &[String],
    all: bool,
) -> Option<Box<dyn Query>> {
    let f = &index.fields;
    let boosts: [(Field, f32); 5] = [
        (f.name, 3.0),
        (f.kind, 2.0),
        (f.topics, 1.5),
        (f.provider, 1.2),
        (f.description, 1.0),
    ];
    let mut per_term: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for term in terms {
        let known = boosts.iter().any(|(field, _)| {
            searcher
                .doc_freq(&Term::from_field_text(*field, term))
                .is_ok_and(|n| n > 0)
        });
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in boosts {
            let exact = Term::from_field_text(field, term);
            alternatives.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(exact.clone(), IndexRecordOption::WithFreqs)),
                    boost,
                )),
            ));
            if !known && term.len() >= FUZZY_FROM {
                alternatives.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        Box::new(FuzzyTermQuery::new(exact, 1, true)),
                        boost * 0.3,
                    )),
                ));
            }
        }
        let occur = if all { Occur::Must } else { Occur::Should };
        per_term.push((occur, Box::new(BooleanQuery::new(alternatives))));
    }
    (!per_term.is_empty()).then(|| Box::new(BooleanQuery::new(per_term)) as Box<dyn Query>)
}

fn any_of(terms: Vec<Term>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        terms
            .into_iter()
            .map(|t| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect(),
    ))
}

/// The filters of `query` except the facet group `except`.
fn filters(
    index: &SearchIndex,
    query: &SearchQuery,
    except: Option<Facet>,
) -> Vec<(Occur, Box<dyn Query>)> {
    let f = &index.fields;
    let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (group, keys) in &query.filters {
        if Some(*group) == except || keys.is_empty() {
            continue;
        }
        let terms = keys
            .iter()
            .map(|k| Term::from_facet(f.facets, &facet(group.path(), k)))
            .collect();
        out.push((Occur::Must, any_of(terms)));
    }
    if let Some(place) = &query.serves {
        let terms = place
            .terms()
            .iter()
            .map(|t| Term::from_field_text(f.serves, t))
            .collect();
        out.push((Occur::Must, any_of(terms)));
    }
    if let Some(scope) = &query.within {
        let terms = scope
            .terms
            .iter()
            .map(|t| Term::from_field_text(f.serves, t));
        out.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
    }
    if !query.include_ended {
        out.push((
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_bool(f.ended, true),
                IndexRecordOption::Basic,
            )),
        ));
    }
    out
}

fn combine(text: Option<&dyn Query>, mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    if let Some(text) = text {
        clauses.push((Occur::Must, text.box_clone()));
    }
    if !clauses.iter().any(|(o, _)| *o != Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn facet_collector(groups: &[Facet]) -> FacetCollector {
    let mut collector = FacetCollector::for_field("facets");
    for group in groups {
        collector.add_facet(tantivy::schema::Facet::from_path([group.path()]));
    }
    collector
}

/// The counts of one group, most frequent first.
fn facet_counts(counts: &tantivy::collector::FacetCounts, group: Facet) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = counts
        .get(tantivy::schema::Facet::from_path([group.path()]))
        .filter_map(|(facet, count)| {
            facet.to_path().get(1).map(|key| FacetCount {
                key: (*key).to_owned(),
                count,
            })
        })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    list
}

/// Great-circle distance in kilometres.
fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

struct Columns {
    id: tantivy::columnar::Column<i64>,
    points: tantivy::columnar::Column<u64>,
    hours: tantivy::columnar::Column<u64>,
}

fn columns(searcher: &Searcher) -> SearchResult<Vec<Columns>> {
    searcher
        .segment_readers()
        .iter()
        .map(|segment| {
            let fast = segment.fast_fields();
            Ok(Columns {
                id: fast.i64("id")?,
                points: fast.u64("points")?,
                hours: fast.u64("hours")?,
            })
        })
        .collect()
}

fn open_at(columns: &Columns, doc: u32, at: WeekTime) -> bool {
    columns.hours.values_for_doc(doc).any(|packed| {
        let (weekday, opens, closes) = unpack_hours(packed);
        weekday == 0 || (weekday == at.weekday && opens <= at.minute && at.minute < closes)
    })
}

fn nearest(columns: &Columns, doc: u32, from: Option<GeoPoint>) -> Option<f64> {
    let from = from?;
    columns
        .points
        .values_for_doc(doc)
        .map(|packed| haversine((from.lat, from.lon), unpack_point(packed)))
        .min_by(f64::total_cmp)
}

impl SearchIndex {
    /// Runs a search. Unknown facet keys simply match nothing; an empty text lists everything
    /// the filters let through.
    pub fn search(&self, query: &SearchQuery) -> SearchResult<SearchResults> {
        let searcher = self.reader.searcher();
        let terms = query_terms(&query.text, MAX_TERMS);
        let mut relaxed = false;
        let mut text = text_query(self, &searcher, &terms, true);
        let mut main = combine(text.as_deref(), filters(self, query, None));
        if terms.len() > 1 && searcher.search(main.as_ref(), &Count)? == 0 {
            relaxed = true;
            text = text_query(self, &searcher, &terms, false);
            main = combine(text.as_deref(), filters(self, query, None));
        }

        // Groups without a chosen value are counted over the main query, in the same pass as the
        // results; a group with chosen values is counted without its own filter, in a pass of
        // its own.
        let mut facets = BTreeMap::new();
        let filtered = |group: Facet| query.filters.get(&group).is_some_and(|k| !k.is_empty());
        let shared: Vec<Facet> = Facet::ALL.into_iter().filter(|g| !filtered(*g)).collect();
        for group in Facet::ALL.into_iter().filter(|g| filtered(*g)) {
            let q = combine(text.as_deref(), filters(self, query, Some(group)));
            let counts = searcher.search(q.as_ref(), &facet_collector(&[group]))?;
            facets.insert(group, facet_counts(&counts, group));
        }

        let columns = columns(&searcher)?;
        let from = query.serves.and_then(|p| p.point);
        let limit = match query.limit {
            0 => DEFAULT_LIMIT,
            n => n.min(MAX_LIMIT),
        };
        let offset = query.offset.min(MAX_OFFSET);
        let hit = |score: f32, address: DocAddress| -> Hit {
            let c = &columns[address.segment_ord as usize];
            Hit {
                id: c.id.first(address.doc_id).unwrap_or_default(),
                score,
                distance_km: nearest(c, address.doc_id, from),
            }
        };
        let by_distance = query.sort == Sort::Distance && from.is_some();
        let (total, hits, counts) = if !by_distance && query.open_at.is_none() {
            let (total, top, counts) = searcher.search(
                main.as_ref(),
                &(
                    Count,
                    TopDocs::with_limit(limit)
                        .and_offset(offset)
                        .order_by_score(),
                    facet_collector(&shared),
                ),
            )?;
            (
                total,
                top.into_iter().map(|(s, a)| hit(s, a)).collect(),
                counts,
            )
        } else {
            let (count, counts) =
                searcher.search(main.as_ref(), &(Count, facet_collector(&shared)))?;
            let all = searcher.search(
                main.as_ref(),
                &TopDocs::with_limit(count.max(1)).order_by_score(),
            )?;
            let mut hits: Vec<Hit> = all
                .into_iter()
                .filter(|(_, a)| {
                    query
                        .open_at
                        .is_none_or(|at| open_at(&columns[a.segment_ord as usize], a.doc_id, at))
                })
                .map(|(s, a)| hit(s, a))
                .collect();
            if by_distance {
                hits.sort_by(|a, b| {
                    a.distance_km
                        .unwrap_or(f64::INFINITY)
                        .total_cmp(&b.distance_km.unwrap_or(f64::INFINITY))
                        .then_with(|| b.score.total_cmp(&a.score))
                });
            }
            let total = hits.len();
            (
                total,
                hits.into_iter().skip(offset).take(limit).collect(),
                counts,
            )
        };
        for group in shared {
            facets.insert(group, facet_counts(&counts, group));
        }
        Ok(SearchResults {
            total,
            hits,
            facets,
            relaxed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::haversine;

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Plzeň to Praha, about 85 km.
        let d = haversine((49.7475, 13.3776), (50.0875, 14.4214));
        assert!((80.0..90.0).contains(&d), "{d}");
        assert!(haversine((50.0, 14.0), (50.0, 14.0)).abs() < 1e-9);
    }
}

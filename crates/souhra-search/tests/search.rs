//! Search behaviour over a small hand-made index: Czech matching, typos, ranking, facets,
//! places, distance, opening hours, updates, and bad input.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use souhra_core::catalogue::AreaUnit;
use souhra_core::code::{DistrictCode, MunicipalityCode, OrpCode, RegionCode};
use souhra_core::territory::GeoPoint;
use souhra_search::{
    Facet, Interval, Place, Scope, SearchIndex, SearchQuery, ServiceDocument, Sort, WeekTime,
};

// Real codes: Plzeň (554791, ORP 3209, district 3405, region 43); Kramolín (557943) in ORP
// Nepomuk (3207), district Plzeň-jih (3406).
fn m(code: &str) -> MunicipalityCode {
    MunicipalityCode::parse(code).unwrap()
}

fn plzen() -> Place {
    Place {
        municipality: m("554791"),
        orp: OrpCode::parse("3209").unwrap(),
        district: DistrictCode::parse("3405").unwrap(),
        region: RegionCode::parse("43").unwrap(),
        point: Some(GeoPoint {
            lat: 49.7475,
            lon: 13.3776,
        }),
    }
}

fn kramolin() -> Place {
    Place {
        municipality: m("557943"),
        orp: OrpCode::parse("3207").unwrap(),
        district: DistrictCode::parse("3406").unwrap(),
        region: RegionCode::parse("43").unwrap(),
        point: Some(GeoPoint {
            lat: 49.502,
            lon: 13.531,
        }),
    }
}

fn doc(id: i64, name: &str, kind: (&str, &str)) -> ServiceDocument {
    ServiceDocument {
        id,
        name: name.into(),
        provider: "Fiktivní spolek".into(),
        kind: (kind.0.into(), kind.1.into()),
        ..Default::default()
    }
}

const HOME_CARE: (&str, &str) = ("41", "pečovatelská služba");
const DEBT: (&str, &str) = ("37", "odborné sociální poradenství");
const HOME: (&str, &str) = ("49", "domovy pro seniory");

fn catalogue() -> Vec<ServiceDocument> {
    vec![
        ServiceDocument {
            topics: vec!["senioři".into()],
            target_groups: vec!["senior".into()],
            forms: vec!["terenni".into()],
            service_area: vec![AreaUnit::Orp(OrpCode::parse("3207").unwrap())],
            points: vec![GeoPoint {
                lat: 49.4913,
                lon: 13.5822,
            }],
            hours: vec![Interval {
                weekday: 1,
                opens: 7 * 60,
                closes: 15 * 60 + 30,
            }],
            ..doc(1, "Pečovatelská služba Nepomuk", HOME_CARE)
        },
        ServiceDocument {
            description: "Pomáháme lidem, kteří se dostali do dluhů.".into(),
            target_groups: vec!["zadluzeni".into()],
            forms: vec!["ambulantni".into()],
            facility_municipalities: vec![m("554791")],
            points: vec![GeoPoint {
                lat: 49.7475,
                lon: 13.3776,
            }],
            ..doc(2, "Poradna pro rodinu", DEBT)
        },
        ServiceDocument {
            description: "Pomoc s exekucemi.".into(),
            target_groups: vec!["zadluzeni".into()],
            forms: vec!["ambulantni".into(), "terenni".into()],
            service_area: vec![AreaUnit::Region(RegionCode::parse("43").unwrap())],
            points: vec![GeoPoint {
                lat: 49.59,
                lon: 13.55,
            }],
            ..doc(3, "Dluhová poradna Plzeňského kraje", DEBT)
        },
        ServiceDocument {
            topics: vec!["senioři".into()],
            target_groups: vec!["senior".into()],
            forms: vec!["pobytova".into()],
            facility_municipalities: vec![m("557943")],
            points: vec![GeoPoint {
                lat: 49.502,
                lon: 13.531,
            }],
            always_open: true,
            ..doc(4, "Domov Kramolín", HOME)
        },
        ServiceDocument {
            ended: true,
            target_groups: vec!["senior".into()],
            facility_municipalities: vec![m("557943")],
            ..doc(5, "Zaniklý domov pro seniory", HOME)
        },
    ]
}

fn index() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    assert_eq!(index.revision().unwrap(), None);
    assert_eq!(index.rebuild(catalogue(), 7).unwrap(), 5);
    assert_eq!(index.revision().unwrap(), Some(7));
    index
}

fn ids(index: &SearchIndex, query: SearchQuery) -> Vec<i64> {
    index
        .search(&SearchQuery { limit: 20, ..query })
        .unwrap()
        .hits
        .iter()
        .map(|h| h.id)
        .collect()
}

fn text(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

fn sorted(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    v
}

#[test]
fn inflected_forms_case_and_diacritics_do_not_matter() {
    let index = index();
    for query in ["senioři", "SENIORŮM", "seniory", "seniorum", "pro seniory"] {
        assert_eq!(sorted(ids(&index, text(query))), [1, 4], "{query}");
    }
    assert_eq!(ids(&index, text("pecovatelska")), [1]);
    assert_eq!(ids(&index, text("kramolíně")), [4]);
    assert_eq!(
        ids(&index, text("dluhy")),
        [3, 2],
        "name before description"
    );
}

#[test]
fn one_typo_is_forgiven_but_not_two() {
    let index = index();
    assert_eq!(ids(&index, text("pečovatleská")), [1], "transposition");
    assert_eq!(ids(&index, text("pecovatelsk")), [1], "missing letter");
    assert_eq!(
        ids(&index, text("pecvatelka")),
        Vec::<i64>::new(),
        "two letters off"
    );
}

#[test]
fn name_and_kind_rank_above_description() {
    let index = index();
    // "poradna" is in the names of 2 and 3; "rodin" in 2's name only.
    assert_eq!(ids(&index, text("poradna rodina")), [2]);
    // Exekuce only in 3's description, dluh in 3's name: 3 first, 2 (description) next.
    assert_eq!(ids(&index, text("dluh")), [3, 2]);
}

#[test]
fn when_no_service_has_every_word_any_word_counts() {
    let index = index();
    let results = index.search(&text("senioři kosmonautika")).unwrap();
    assert!(results.relaxed);
    assert_eq!(sorted(results.hits.iter().map(|h| h.id).collect()), [1, 4]);
    assert!(!index.search(&text("senioři")).unwrap().relaxed);
}

#[test]
fn facets_count_each_group_without_its_own_filter() {
    let index = index();
    let all = index.search(&SearchQuery::default()).unwrap();
    assert_eq!(all.total, 4, "the ended service is left out");
    let kinds: Vec<(String, u64)> = all.facets[&Facet::Kind]
        .iter()
        .map(|c| (c.key.clone(), c.count))
        .collect();
    assert_eq!(
        kinds,
        [("37".into(), 2), ("41".into(), 1), ("49".into(), 1)]
    );

    let mut filters = BTreeMap::new();
    filters.insert(Facet::Kind, vec!["37".to_owned(), "49".to_owned()]);
    filters.insert(Facet::Form, vec!["terenni".to_owned()]);
    let results = index
        .search(&SearchQuery {
            filters,
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(results.hits.iter().map(|h| h.id).collect::<Vec<_>>(), [3]);
    // Kind counts ignore the kind filter but honour the form filter: 1 (41) and 3 (37) are field.
    let kinds: Vec<(String, u64)> = results.facets[&Facet::Kind]
        .iter()
        .map(|c| (c.key.clone(), c.count))
        .collect();
    assert_eq!(kinds, [("37".into(), 1), ("41".into(), 1)]);
    // Form counts ignore the form filter but honour the kind filter (37 or 49: 2, 3, 4).
    let forms: Vec<(String, u64)> = results.facets[&Facet::Form]
        .iter()
        .map(|c| (c.key.clone(), c.count))
        .collect();
    assert_eq!(
        forms,
        [
            ("ambulantni".into(), 2),
            ("pobytova".into(), 1),
            ("terenni".into(), 1)
        ]
    );
}

#[test]
fn serving_a_place_means_a_facility_there_or_an_area_covering_it() {
    let index = index();
    let serves = |place: Place| {
        sorted(ids(
            &index,
            SearchQuery {
                serves: Some(place),
                ..Default::default()
            },
        ))
    };
    // Kramolín: ORP Nepomuk area (1), whole region (3), facility there (4).
    assert_eq!(serves(kramolin()), [1, 3, 4]);
    // Plzeň: facility (2) and whole region (3).
    assert_eq!(serves(plzen()), [2, 3]);
}

#[test]
fn a_scope_holds_what_serves_any_of_its_municipalities() {
    let index = index();
    let within = |scope: Scope| {
        sorted(ids(
            &index,
            SearchQuery {
                within: Some(scope),
                ..Default::default()
            },
        ))
    };
    assert_eq!(within(Scope::of([kramolin()])), [1, 3, 4]);
    assert_eq!(within(Scope::of([kramolin(), plzen()])), [1, 2, 3, 4]);
    // A municipality of another region: none of these serve it.
    let elsewhere = Place {
        municipality: m("500011"),
        orp: OrpCode::parse("1100").unwrap(),
        district: DistrictCode::parse("3100").unwrap(),
        region: RegionCode::parse("19").unwrap(),
        point: None,
    };
    assert_eq!(within(Scope::of([elsewhere])), Vec::<i64>::new());
    assert!(Scope::of([]).is_empty());
    assert_eq!(within(Scope::of([])), Vec::<i64>::new());
}

#[test]
fn distance_sort_puts_the_nearest_facility_first() {
    let index = index();
    let results = index
        .search(&SearchQuery {
            serves: Some(kramolin()),
            sort: Sort::Distance,
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    let order: Vec<i64> = results.hits.iter().map(|h| h.id).collect();
    // Kramolín itself, Nepomuk about 4 km away, the regional office about 10 km.
    assert_eq!(order, [4, 1, 3]);
    let first = results.hits[0].distance_km.unwrap();
    assert!(first < 0.1, "{first}");
    let distances: Vec<f64> = results
        .hits
        .iter()
        .map(|h| h.distance_km.unwrap())
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
}

#[test]
fn open_now_uses_weekly_hours_and_day_and_night_services() {
    let index = index();
    let open = |weekday, minute| {
        sorted(ids(
            &index,
            SearchQuery {
                open_at: Some(WeekTime { weekday, minute }),
                ..Default::default()
            },
        ))
    };
    assert_eq!(open(1, 8 * 60), [1, 4], "Monday 8:00");
    assert_eq!(open(1, 15 * 60 + 30), [4], "closes at 15:30");
    assert_eq!(open(2, 8 * 60), [4], "Tuesday");
}

#[test]
fn ended_services_only_when_asked() {
    let index = index();
    assert_eq!(sorted(ids(&index, text("zaniklý"))), Vec::<i64>::new());
    let with_ended = SearchQuery {
        include_ended: true,
        ..text("zaniklý")
    };
    assert_eq!(ids(&index, with_ended), [5]);
}

#[test]
fn updates_replace_and_remove_services() {
    let index = index();
    let mut changed = catalogue().remove(1);
    changed.name = "Občanská poradna".into();
    index.update(&[changed], &[4], 8).unwrap();
    assert_eq!(index.revision().unwrap(), Some(8));
    assert_eq!(index.len(), 4);
    assert_eq!(ids(&index, text("občanská")), [2]);
    assert_eq!(ids(&index, text("rodina")), Vec::<i64>::new());
    assert_eq!(ids(&index, text("kramolín")), Vec::<i64>::new());
    index.rebuild(catalogue(), 9).unwrap();
    assert_eq!(index.len(), 5);
}

#[test]
fn bad_input_gives_empty_results_not_errors() {
    let index = index();
    let long = "senioři ".repeat(10_000);
    assert_eq!(sorted(ids(&index, text(&long))), [1, 4]);
    for nonsense in [
        "",
        "   ",
        "<script>alert(1)</script>",
        "'; DROP TABLE service; --",
        "*?~^",
    ] {
        let results = index.search(&text(nonsense)).unwrap();
        assert!(results.total <= 4, "{nonsense}");
    }
    let mut filters = BTreeMap::new();
    filters.insert(Facet::Kind, vec!["no/such/kind".to_owned()]);
    let unknown = index
        .search(&SearchQuery {
            filters,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(unknown.total, 0);
    let far = index
        .search(&SearchQuery {
            offset: usize::MAX / 2,
            limit: 20,
            ..Default::default()
        })
        .unwrap();
    assert_eq!((far.total, far.hits.len()), (4, 0));
}

#[test]
fn an_index_on_disk_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = SearchIndex::open(dir.path()).unwrap();
        index.rebuild(catalogue(), 3).unwrap();
    }
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.len(), 5);
    assert_eq!(index.revision().unwrap(), Some(3));
    assert_eq!(ids(&index, text("kramolín")), [4]);
}

#[test]
fn an_index_that_cannot_be_opened_is_started_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("meta.json"), b"{ not an index").unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    assert!(index.is_empty());
    assert_eq!(index.revision().unwrap(), None);
    index.rebuild(catalogue(), 1).unwrap();
    assert_eq!(ids(&index, text("kramolín")), [4]);
}

#[test]
fn a_word_services_have_is_not_stretched_to_its_neighbours() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .rebuild(
            vec![doc(1, "Klub Sovinec", DEBT), doc(2, "Klub Savinec", DEBT)],
            1,
        )
        .unwrap();
    // "sovinec" exists, so "savinec" (one letter away) is not offered; "sivinec" exists
    // nowhere, so both its neighbours are.
    assert_eq!(ids(&index, text("sovinec")), [1]);
    assert_eq!(sorted(ids(&index, text("sivinec"))), [1, 2]);
}

//! The store's test suite: every case runs on SQLite and on PostgreSQL.
//!
//! A custom harness (libtest-mimic) lists each case twice, `sqlite::…` and `postgres::…`. When the
//! test PostgreSQL (`SOUHRA_TEST_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/test`)
//! cannot be reached, the PostgreSQL half is reported as *ignored* with a notice — unless `CI` is
//! set, where those cases run and fail.
#![allow(clippy::unwrap_used)]

use std::future::Future;
use std::pin::Pin;

use libtest_mimic::{Arguments, Failed, Trial};
use souhra_core::area::{AreaScope, AreaSlug, NewArea};
use souhra_core::code::{MunicipalityCode, OrpCode, RegionCode};
use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::population::{AgeBand, PopulationRecord, PopulationSummary};
use souhra_core::progress::NoProgress;
use souhra_core::territory::TerritoryDataset;
use souhra_interop::bundled;
use souhra_store::territory::MunicipalityQuery;
use souhra_store::testing::{self, TestDatabase};
use souhra_store::{BackendKind, DatabaseTarget, PoolSettings, Store, StoreError};

type CaseFuture = Pin<Box<dyn Future<Output = ()> + Send>>;
type Case = fn(Store) -> CaseFuture;

macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), |store| Box::pin($name(store)) as CaseFuture)),*]
    };
}

#[path = "cases/account.rs"]
mod account;
use account::*;
#[path = "cases/catalogue.rs"]
mod catalogue;
use catalogue::*;
#[path = "cases/history.rs"]
mod history;
use history::*;
#[path = "cases/comment.rs"]
mod comment;
use comment::*;
#[path = "cases/group.rs"]
mod group;
use group::*;
#[path = "cases/hsds.rs"]
mod hsds;
use hsds::*;
#[path = "cases/network.rs"]
mod network;
use network::*;
#[path = "cases/plan.rs"]
mod plan;
use plan::*;
#[path = "cases/public.rs"]
mod public;
use public::*;
#[path = "cases/sheet.rs"]
mod sheet;
use sheet::*;
#[path = "cases/survey.rs"]
mod survey;
use survey::*;

const CASES: &[(&str, Case)] = cases![
    migrations_are_recorded_once,
    empty_database_answers,
    meta_values_round_trip,
    full_territory_matches_sanity_figures,
    municipality_lookup_folds_diacritics,
    lookup_treats_hostile_input_as_text,
    reload_retires_missing_municipalities_and_keeps_areas,
    population_bands_are_added_and_replaced,
    population_with_unknown_municipality_changes_nothing,
    analysis_places_carry_units_points_and_population,
    codelists_load_and_grow_with_imported_codes,
    region_area_sees_its_orps,
    area_errors_are_specific,
    only_relevant_services_are_added_and_reimport_is_idempotent,
    local_edits_survive_reimport_and_changes_become_conflicts,
    services_leaving_the_registry_are_ended_never_deleted,
    failed_or_rejected_imports_change_nothing,
    unknown_codes_are_kept_and_hidden_addresses_flagged,
    generated_registry_files_import_end_to_end,
    hsds_exports_validate_and_round_trip,
    hsds_of_other_publishers_imports_with_a_default_kind,
    hsds_imports_with_errors_store_nothing,
    sheets_of_local_services_import_once_and_update,
    every_catalogue_change_moves_the_revision,
    concurrent_writers_wait_for_each_other,
    life_situations_are_kept_per_area_in_order,
    error_reports_wait_in_the_queue,
    coordinator_contacts_are_kept_per_area_and_move_the_revision,
    providers_and_area_places_are_found,
    accounts_keep_their_grants_and_emails_are_unique,
    failed_logins_lock_the_account_and_a_success_clears_them,
    sessions_expire_and_end_with_a_new_password,
    tokens_set_a_password_once_before_they_expire,
    changes_are_kept_per_field_and_earlier_versions_come_back,
    proposals_wait_for_a_decision_made_once,
    reimports_leave_registry_changes_in_the_history,
    display_labels_replace_official_ones_all_or_nothing,
    a_service_serves_an_area_as_the_area_list_says,
    plans_keep_keys_across_versions_and_freeze_when_approved,
    balance_reports_draw_from_plans_in_force_and_record_outcomes,
    yearly_documents_and_bad_plans,
    a_structure_is_imported_whole_or_not_at_all,
    groups_meet_with_members_attendance_and_materials,
    a_comment_period_runs_from_opening_to_approval,
    a_period_held_before_is_recorded_with_its_own_dates,
    a_survey_takes_answers_while_open_and_keeps_its_structure,
    identified_answers_need_consent,
    a_network_holds_services_within_their_registered_capacity,
    a_plan_names_the_plans_it_draws_on,
];

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn run_case(kind: BackendKind, case: Case) -> Result<(), Failed> {
    runtime().block_on(async move {
        let database = TestDatabase::new(kind)
            .await
            .map_err(|e| Failed::from(format!("cannot create the test database: {e}")))?;
        case(database.store.clone()).await;
        database.store.close().await;
        Ok(())
    })
}

fn main() {
    let args = Arguments::from_args();
    let postgres = runtime().block_on(testing::postgres_available());
    let skip_postgres = postgres.is_err() && !testing::postgres_required();
    let notice = postgres.as_ref().err().map(|reason| {
        let consequence = if skip_postgres {
            "the PostgreSQL half of the store tests is SKIPPED (shown as ignored); set CI=true to make this a failure"
        } else {
            "CI is set, so the PostgreSQL cases run and fail"
        };
        format!(
            "\n*** PostgreSQL at {} is not reachable ({reason}):\n*** {consequence}.\n",
            souhra_store::mask_password(&testing::postgres_url())
        )
    });
    if let Some(notice) = &notice {
        eprintln!("{notice}");
    }

    let mut trials = Vec::new();
    for &(name, case) in CASES {
        trials.push(Trial::test(format!("sqlite::{name}"), move || {
            run_case(BackendKind::Sqlite, case)
        }));
        trials.push(
            Trial::test(format!("postgres::{name}"), move || {
                run_case(BackendKind::Postgres, case)
            })
            .with_ignored_flag(skip_postgres),
        );
    }
    trials.push(Trial::test(
        "migration_folders_have_the_same_versions",
        || {
            let (sqlite, postgres) = souhra_store::migration_versions();
            assert!(!sqlite.is_empty());
            assert_eq!(
                sqlite, postgres,
                "migrations/sqlite and migrations/postgres must hold the same versions"
            );
            Ok(())
        },
    ));
    trials.push(
        Trial::test("both::schemas_have_the_same_tables_and_columns", || {
            runtime().block_on(async {
                let sqlite = TestDatabase::sqlite().await.unwrap();
                let postgres = TestDatabase::postgres()
                    .await
                    .map_err(|e| Failed::from(e.to_string()))?;
                let lite = testing::schema_columns(&sqlite.store).await.unwrap();
                let pg = testing::schema_columns(&postgres.store).await.unwrap();
                assert!(lite.len() > 40, "{lite:?}");
                assert_eq!(lite, pg);
                Ok(())
            })
        })
        .with_ignored_flag(skip_postgres),
    );
    trials.push(Trial::test(
        "open::bad_targets_give_specific_errors",
        || {
            runtime().block_on(bad_targets_give_specific_errors());
            Ok(())
        },
    ));
    let conclusion = libtest_mimic::run(&args, trials);
    if let Some(notice) = &notice {
        // Repeated after the results, where it cannot scroll out of sight.
        eprintln!("{notice}");
    }
    conclusion.exit();
}

// ---------------------------------------------------------------------------------------------
// Fixtures

fn code(text: &str) -> MunicipalityCode {
    MunicipalityCode::parse(text).unwrap()
}

/// Plzeňský kraj cut out of the bundled territory: 501 real municipalities, quick to load.
fn plzensky_kraj() -> TerritoryDataset {
    bundled::territory()
        .unwrap()
        .restricted_to_region(RegionCode::parse("43").unwrap())
}

async fn load(store: &Store, dataset: &TerritoryDataset) {
    store
        .load_territory(dataset, "test", &NoProgress)
        .await
        .unwrap();
}

fn area(slug: &str, name: &str, scope: AreaScope) -> NewArea {
    NewArea {
        slug: AreaSlug::parse(slug).unwrap(),
        name: name.into(),
        scope,
        is_demo: false,
    }
}

fn nepomuk_orp() -> AreaScope {
    AreaScope::Orp(OrpCode::parse("3207").unwrap())
}

async fn names(
    store: &Store,
    text: &str,
    within: Option<souhra_core::area::AreaId>,
) -> Vec<String> {
    let query = MunicipalityQuery {
        text: text.into(),
        within,
        limit: 10,
    };
    store
        .find_municipalities(&query)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Cases

async fn migrations_are_recorded_once(store: Store) {
    let (expected, _) = souhra_store::migration_versions();
    let applied: Vec<i64> = store
        .applied_migrations()
        .await
        .unwrap()
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert_eq!(applied, expected);
    let again = store.migrate().await.unwrap();
    assert!(again.applied.is_empty(), "{again:?}");
    assert_eq!(again.total, expected.len());
}

async fn empty_database_answers(store: Store) {
    store.ping().await.unwrap();
    assert_eq!(store.territory_counts().await.unwrap().municipalities, 0);
    assert_eq!(store.territory_fingerprint().await.unwrap(), None);
    assert!(store.areas().await.unwrap().is_empty());
    assert!(store.municipality(code("558109")).await.unwrap().is_none());
    assert!(names(&store, "plzen", None).await.is_empty());
}

async fn meta_values_round_trip(store: Store) {
    assert_eq!(store.meta("k").await.unwrap(), None);
    store.set_meta("k", "one").await.unwrap();
    store.set_meta("k", "dvě ✓").await.unwrap();
    assert_eq!(store.meta("k").await.unwrap().as_deref(), Some("dvě ✓"));
}

async fn full_territory_matches_sanity_figures(store: Store) {
    let dataset = bundled::territory().unwrap();
    let report = store
        .load_territory(&dataset, &bundled::fingerprint(), &NoProgress)
        .await
        .unwrap();
    assert_eq!(report.municipalities, 6258);
    assert_eq!(report.retired_municipalities, 0);
    assert_eq!(report.population_records, 6258);
    let counts = store.territory_counts().await.unwrap();
    assert_eq!(
        (
            counts.regions,
            counts.districts,
            counts.orps,
            counts.pous,
            counts.municipalities
        ),
        (14, 77, 206, 393, 6258)
    );
    assert_eq!(
        store.territory_fingerprint().await.unwrap(),
        Some(bundled::fingerprint())
    );

    let nepomuk = store.municipality(code("558109")).await.unwrap().unwrap();
    assert_eq!(nepomuk.municipality.name, "Nepomuk");
    assert_eq!(nepomuk.orp_name, "Nepomuk");
    assert_eq!(nepomuk.district_name, "Plzeň-jih");
    assert_eq!(nepomuk.region_name, "Plzeňský kraj");
    assert!(nepomuk.is_current);
    assert!(nepomuk.municipality.point.is_some());
    assert_eq!(
        nepomuk
            .municipality
            .postcodes
            .first()
            .map(ToString::to_string)
            .as_deref(),
        Some("335 01")
    );

    let orp = store
        .create_area(&area("nepomuk", "Nepomuk", nepomuk_orp()))
        .await
        .unwrap();
    let summary = store.area_summary(orp.id).await.unwrap();
    assert_eq!((summary.municipalities, summary.population), (26, 11_603));
    let praha = store
        .create_area(&area(
            "praha",
            "Praha",
            AreaScope::Region(RegionCode::parse("19").unwrap()),
        ))
        .await
        .unwrap();
    assert_eq!(
        store.area_summary(praha.id).await.unwrap().population,
        1_335_084
    );

    // Loading the same data again changes nothing.
    let again = store
        .load_territory(&dataset, &bundled::fingerprint(), &NoProgress)
        .await
        .unwrap();
    assert_eq!(again, report);
    assert_eq!(store.territory_counts().await.unwrap(), counts);
    assert_eq!(store.area_summary(orp.id).await.unwrap(), summary);
    assert_eq!(summary.population_date, Some("2021-01-01".parse().unwrap()));
}

async fn municipality_lookup_folds_diacritics(store: Store) {
    load(&store, &plzensky_kraj()).await;
    for query in ["plzen", "PLZEŇ", "Plzeň", " plz "] {
        assert_eq!(
            names(&store, query, None).await.first().map(String::as_str),
            Some("Plzeň"),
            "{query}"
        );
    }
    assert_eq!(
        names(&store, "nepomuk", None)
            .await
            .first()
            .map(String::as_str),
        Some("Nepomuk")
    );
    // A word inside the name matches too, after the names that start with the text.
    let tyn = names(&store, "tyn", None).await;
    assert!(tyn.iter().any(|n| n == "Horšovský Týn"), "{tyn:?}");
    // Postcodes and municipality codes.
    assert_eq!(
        names(&store, "335 01", None)
            .await
            .first()
            .map(String::as_str),
        Some("Nepomuk")
    );
    assert!(
        names(&store, "335", None)
            .await
            .contains(&"Nepomuk".to_owned())
    );
    assert_eq!(names(&store, "558109", None).await, ["Nepomuk"]);
    // Within an area only its municipalities are found.
    let orp = store
        .create_area(&area("nepomuk", "Nepomuk", nepomuk_orp()))
        .await
        .unwrap();
    assert_eq!(names(&store, "kr", Some(orp.id)).await, ["Kramolín"]);
    assert!(names(&store, "plzen", Some(orp.id)).await.is_empty());
    let limited = MunicipalityQuery {
        text: "s".into(),
        within: None,
        limit: 3,
    };
    assert_eq!(store.find_municipalities(&limited).await.unwrap().len(), 3);
}

async fn lookup_treats_hostile_input_as_text(store: Store) {
    load(&store, &plzensky_kraj()).await;
    for hostile in [
        "'; DROP TABLE municipality; --",
        "%",
        "_",
        "\\",
        "<script>",
        "",
        "   ",
        &"x".repeat(5000),
    ] {
        assert!(names(&store, hostile, None).await.is_empty(), "{hostile:?}");
    }
    assert_eq!(store.territory_counts().await.unwrap().municipalities, 501);
}

async fn reload_retires_missing_municipalities_and_keeps_areas(store: Store) {
    let mut dataset = plzensky_kraj();
    load(&store, &dataset).await;
    let orp = store
        .create_area(&area("nepomuk", "Nepomuk", nepomuk_orp()))
        .await
        .unwrap();
    let chosen = store
        .create_area(&area(
            "dve-obce",
            "Dvě obce",
            AreaScope::Municipalities(vec![code("558109"), code("557943")]),
        ))
        .await
        .unwrap();
    dataset.municipalities.retain(|m| m.code != code("557943"));
    dataset
        .population
        .retain(|p| p.municipality != code("557943"));
    let report = store
        .load_territory(&dataset, "second", &NoProgress)
        .await
        .unwrap();
    assert_eq!(report.retired_municipalities, 1);
    assert_eq!(store.territory_counts().await.unwrap().municipalities, 500);
    let kramolin = store.municipality(code("557943")).await.unwrap().unwrap();
    assert!(!kramolin.is_current);
    // Only "Nový Kramolín" (a word match) is left.
    assert_eq!(names(&store, "kramolin", None).await, ["Nový Kramolín"]);
    // The ORP area follows the territory; an explicit set of municipalities is kept as chosen.
    assert_eq!(store.area_summary(orp.id).await.unwrap().municipalities, 25);
    assert_eq!(
        store.area_summary(chosen.id).await.unwrap().municipalities,
        2
    );
    assert_eq!(
        store.territory_fingerprint().await.unwrap().as_deref(),
        Some("second")
    );
}

fn record(municipality: &str, date: &str, band: &str, count: u64) -> PopulationRecord {
    PopulationRecord {
        municipality: code(municipality),
        reference_date: date.parse().unwrap(),
        band: AgeBand::parse(band).unwrap(),
        count,
    }
}

async fn population_bands_are_added_and_replaced(store: Store) {
    load(&store, &plzensky_kraj()).await;
    let before = store
        .municipality(code("558109"))
        .await
        .unwrap()
        .unwrap()
        .population
        .unwrap();
    let records = [
        record("558109", "2021-01-01", "0-14", 600),
        record("558109", "2021-01-01", "15-64", 2300),
        record("558109", "2021-01-01", "65+", 800),
        record("558109", "2024-01-01", "total", 3650),
    ];
    assert_eq!(
        store.load_population(&records, &NoProgress).await.unwrap(),
        4
    );
    let stored = store.population(code("558109")).await.unwrap();
    assert_eq!(
        stored.len(),
        5,
        "the 2021 total stays beside the new records: {stored:?}"
    );
    let summary = PopulationSummary::of(&stored);
    assert_eq!(summary.total, Some(("2024-01-01".parse().unwrap(), 3650)));
    assert_eq!(summary.bands.len(), 3);
    let detail = store.municipality(code("558109")).await.unwrap().unwrap();
    assert_eq!(detail.population, Some(3650));
    assert_ne!(before, 3650);
    // The same date and band again replaces, never duplicates.
    store
        .load_population(&[record("558109", "2021-01-01", "65+", 810)], &NoProgress)
        .await
        .unwrap();
    let stored = store.population(code("558109")).await.unwrap();
    assert_eq!(stored.len(), 5);
    assert!(
        stored
            .iter()
            .any(|r| r.band.key() == "65+" && r.count == 810)
    );
}

async fn population_with_unknown_municipality_changes_nothing(store: Store) {
    load(&store, &plzensky_kraj()).await;
    let before = store.territory_counts().await.unwrap();
    let records = [
        record("558109", "2030-01-01", "total", 1),
        record("554782", "2030-01-01", "total", 2), // Praha is not in this territory
    ];
    let error = store
        .load_population(&records, &NoProgress)
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::NotFound(_)), "{error}");
    assert!(error.to_string().contains("554782"), "{error}");
    assert_eq!(store.territory_counts().await.unwrap(), before);
    assert!(
        store
            .population(code("558109"))
            .await
            .unwrap()
            .iter()
            .all(|r| r.count != 1)
    );
}

async fn analysis_places_carry_units_points_and_population(store: Store) {
    load(&store, &plzensky_kraj()).await;
    let records = [
        record("558109", "2021-01-01", "total", 3700),
        record("558109", "2024-12-31", "0-64", 2900),
        record("558109", "2024-12-31", "65-79", 600),
        record("558109", "2024-12-31", "80+", 200),
    ];
    store.load_population(&records, &NoProgress).await.unwrap();
    let places = store
        .analysis_places(Some(RegionCode::parse("43").unwrap()))
        .await
        .unwrap();
    assert_eq!(places.len(), 501);
    let nepomuk = places.iter().find(|p| p.code == code("558109")).unwrap();
    assert_eq!(nepomuk.orp, OrpCode::parse("3207").unwrap());
    assert_eq!(nepomuk.district.get(), 3406);
    assert!(nepomuk.point.is_some());
    assert_eq!(nepomuk.population.total.map(|(_, n)| n), Some(3700));
    assert_eq!(nepomuk.aged(65), Some(800));
    assert_eq!(nepomuk.aged(80), Some(200));
    let kramolin = places.iter().find(|p| p.code == code("557943")).unwrap();
    assert!(kramolin.population.bands.is_empty());
    assert_eq!(kramolin.aged(65), None);
    assert!(
        kramolin.population.total.is_some(),
        "the bundled 2021 totals"
    );
    assert_eq!(store.analysis_places(None).await.unwrap(), places);
    assert!(places.iter().all(|p| !p.covered), "no area yet");
    store
        .create_area(&area("nepomuk", "Nepomuk", nepomuk_orp()))
        .await
        .unwrap();
    let places = store.analysis_places(None).await.unwrap();
    assert_eq!(places.iter().filter(|p| p.covered).count(), 26);
    assert!(
        places
            .iter()
            .find(|p| p.code == code("558109"))
            .unwrap()
            .covered
    );
    assert!(
        store
            .analysis_places(Some(RegionCode::parse("19").unwrap()))
            .await
            .unwrap()
            .is_empty()
    );
}

async fn codelists_load_and_grow_with_imported_codes(store: Store) {
    let mut entries = bundled::codelists().unwrap();
    store.load_codelists(&entries).await.unwrap();
    let kinds = store.codelist(Codelist::ServiceKind).await.unwrap();
    assert_eq!(kinds.len(), 34);
    assert_eq!(kinds.first().map(|k| k.key.as_str()), Some("37"));
    assert_eq!(
        kinds.iter().find(|k| k.key == "49").unwrap(),
        entries.iter().find(|e| e.key == "49").unwrap()
    );

    let seniors = store
        .ensure_registry_code(Codelist::TargetGroup, "CilovaSkupinaOsoby/24")
        .await
        .unwrap();
    assert_eq!(seniors.display_label(), "senioři");
    let unknown = store
        .ensure_registry_code(Codelist::TargetGroup, "CilovaSkupinaOsoby/99")
        .await
        .unwrap();
    assert_eq!(unknown.label, None);
    assert_eq!(unknown.display_label(), "CilovaSkupinaOsoby/99");
    let same = store
        .ensure_registry_code(Codelist::TargetGroup, " CilovaSkupinaOsoby/99 ")
        .await
        .unwrap();
    assert_eq!(same, unknown);
    let groups = store.codelist(Codelist::TargetGroup).await.unwrap();
    assert_eq!(groups.len(), 29);
    assert_eq!(
        groups.last().map(CodelistEntry::display_label),
        Some("CilovaSkupinaOsoby/99")
    );

    // Reloading the bundled lists keeps the imported code …
    store.load_codelists(&entries).await.unwrap();
    assert_eq!(
        store.codelist(Codelist::TargetGroup).await.unwrap().len(),
        29
    );
    // … until a data release labels it: then the bundled entry takes it over.
    let minorities = entries
        .iter_mut()
        .find(|e| e.key == "etnicke-mensiny")
        .unwrap();
    minorities.registry_id = Some("CilovaSkupinaOsoby/99".into());
    store.load_codelists(&entries).await.unwrap();
    let groups = store.codelist(Codelist::TargetGroup).await.unwrap();
    assert_eq!(groups.len(), 28);
    let adopted = store
        .ensure_registry_code(Codelist::TargetGroup, "CilovaSkupinaOsoby/99")
        .await
        .unwrap();
    assert_eq!(adopted.display_label(), "etnické menšiny");

    for bad in ["DruhSocialniSluzby/1", "CilovaSkupinaOsoby/", "nonsense"] {
        let error = store
            .ensure_registry_code(Codelist::TargetGroup, bad)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Invalid(_)), "{bad}: {error}");
    }
}

async fn region_area_sees_its_orps(store: Store) {
    load(&store, &plzensky_kraj()).await;
    let region = store
        .create_area(&area(
            "plzensky-kraj",
            "Plzeňský kraj",
            AreaScope::Region(RegionCode::parse("43").unwrap()),
        ))
        .await
        .unwrap();
    let orp = store
        .create_area(&area("nepomuk", "Nepomuk", nepomuk_orp()))
        .await
        .unwrap();
    let town = store
        .create_area(&area(
            "mesto-nepomuk",
            "Město Nepomuk",
            AreaScope::Municipalities(vec![code("558109")]),
        ))
        .await
        .unwrap();
    let children: Vec<_> = store
        .area_children(&region)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.slug.to_string())
        .collect();
    assert_eq!(children, ["nepomuk", "mesto-nepomuk"]);
    assert!(store.area_children(&orp).await.unwrap().is_empty());
    assert_eq!(
        store.area_parents(&orp).await.unwrap(),
        vec![region.clone()]
    );
    assert_eq!(
        store.area_parents(&town).await.unwrap(),
        vec![region.clone()]
    );
    let summary = store.area_summary(region.id).await.unwrap();
    assert_eq!((summary.municipalities, summary.population), (501, 591_041));
    assert!(store.area_contains(orp.id, code("557943")).await.unwrap());
    assert!(!store.area_contains(orp.id, code("554791")).await.unwrap());
    let listed: Vec<_> = store
        .area_municipalities(orp.id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(listed.len(), 26);
    // Czech alphabetical order: Č after C, CH after H.
    assert_eq!(
        listed[..4],
        ["Čížkov", "Čmelíny", "Hradiště", "Chlumy"],
        "{listed:?}"
    );
    let all: Vec<_> = store
        .areas()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.slug.to_string())
        .collect();
    assert_eq!(all, ["plzensky-kraj", "nepomuk", "mesto-nepomuk"]);
    assert_eq!(
        store.area_by_slug("nepomuk").await.unwrap(),
        Some(orp.clone())
    );
    assert_eq!(store.area_by_slug("nikde").await.unwrap(), None);

    // Saving an existing slug updates it in place.
    let mut renamed = area("nepomuk", "Nepomucko", nepomuk_orp());
    renamed.is_demo = true;
    let (saved, created) = store.save_area(&renamed).await.unwrap();
    assert!(!created);
    assert_eq!(
        (saved.id, saved.name.as_str(), saved.is_demo),
        (orp.id, "Nepomucko", true)
    );
    assert_eq!(store.area_summary(orp.id).await.unwrap().municipalities, 26);
}

async fn area_errors_are_specific(store: Store) {
    load(&store, &plzensky_kraj()).await;
    store
        .create_area(&area("nepomuk", "Nepomuk", nepomuk_orp()))
        .await
        .unwrap();
    let duplicate = store
        .create_area(&area("nepomuk", "Jiný", nepomuk_orp()))
        .await
        .unwrap_err();
    assert!(matches!(duplicate, StoreError::Conflict(_)), "{duplicate}");
    let unknown_orp = store
        .create_area(&area(
            "x",
            "X",
            AreaScope::Orp(OrpCode::parse("9999").unwrap()),
        ))
        .await
        .unwrap_err();
    assert_eq!(
        unknown_orp.to_string(),
        "there is no ORP with the code 9999"
    );
    let unknown_municipality = store
        .create_area(&area(
            "y",
            "Y",
            AreaScope::Municipalities(vec![code("558109"), code("554782")]),
        ))
        .await
        .unwrap_err();
    assert_eq!(
        unknown_municipality.to_string(),
        "there is no municipality with the code 554782"
    );
    let empty = store
        .create_area(&area("z", "Z", AreaScope::Municipalities(vec![])))
        .await
        .unwrap_err();
    assert!(matches!(empty, StoreError::Invalid(_)), "{empty}");
    // Nothing of the failed attempts was stored.
    assert_eq!(store.areas().await.unwrap().len(), 1);
}

async fn bad_targets_give_specific_errors() {
    let settings = PoolSettings::default();
    let unreachable =
        DatabaseTarget::from_url("postgres://postgres:secret@127.0.0.1:1/test").unwrap();
    let error = Store::open(&unreachable, settings).await.unwrap_err();
    assert!(matches!(error, StoreError::Unreachable { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message
            .starts_with("cannot connect to PostgreSQL postgres://postgres:***@127.0.0.1:1/test"),
        "{message}"
    );
    assert!(!message.contains("secret"));

    let folder = tempfile::tempdir().unwrap();
    let corrupt = folder.path().join("souhra.db");
    std::fs::write(&corrupt, vec![0x42; 8192]).unwrap();
    let error = Store::open(
        &DatabaseTarget::Sqlite {
            path: corrupt.clone(),
        },
        settings,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, StoreError::Corrupt { .. }), "{error}");
    assert!(
        error.to_string().contains("is not a valid SQLite database"),
        "{error}"
    );

    let missing = DatabaseTarget::Sqlite {
        path: folder.path().join("no/such/folder/souhra.db"),
    };
    let error = Store::open(&missing, settings).await.unwrap_err();
    assert!(
        error.to_string().contains("the folder does not exist"),
        "{error}"
    );

    // /sys cannot be written even by root, so this holds wherever the tests run.
    let read_only = DatabaseTarget::Sqlite {
        path: "/sys/souhra.db".into(),
    };
    let error = Store::open(&read_only, settings).await.unwrap_err();
    assert!(matches!(error, StoreError::NotWritable { .. }), "{error}");
    assert!(error.to_string().contains("not writable"), "{error}");
}

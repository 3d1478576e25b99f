//! The bundled data: the figures of `data/README.md` hold, and the copies equal `../shared/data`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use souhra_core::code::{MunicipalityCode, OrpCode, RegionCode};
use souhra_core::codelist::{Codelist, IdStatus};
use souhra_core::territory::MunicipalityKind;
use souhra_interop::bundled;

fn shared_data() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").is_err(),
        "../shared/data is missing next to the clone; CI must provide it"
    );
    eprintln!("../shared/data not found: skipping the comparison with the shared originals");
    None
}

#[test]
fn territory_matches_the_published_sanity_figures() {
    let territory = bundled::territory().unwrap();
    assert_eq!(territory.regions.len(), 14);
    assert_eq!(territory.districts.len(), 77);
    assert_eq!(territory.orps.len(), 206);
    assert_eq!(territory.pous.len(), 393);
    assert_eq!(territory.municipalities.len(), 6258);
    let total: u64 = territory
        .population
        .iter()
        .filter(|r| r.band.is_total())
        .map(|r| r.count)
        .sum();
    assert_eq!(total, 10_701_777);

    let nepomuk = OrpCode::parse("3207").unwrap();
    let members: Vec<_> = territory
        .municipalities
        .iter()
        .filter(|m| m.orp == nepomuk)
        .collect();
    assert_eq!(members.len(), 26);
    let population: u64 = territory
        .population
        .iter()
        .filter(|r| members.iter().any(|m| m.code == r.municipality))
        .map(|r| r.count)
        .sum();
    assert_eq!(population, 11_603);

    let plzensky = RegionCode::parse("43").unwrap();
    let in_region = territory
        .municipalities
        .iter()
        .filter(|m| m.region == plzensky)
        .count();
    assert_eq!(in_region, 501);
    let region = territory
        .regions
        .iter()
        .find(|r| r.code == plzensky)
        .unwrap();
    assert_eq!(
        (region.name.as_str(), region.short_name.as_str()),
        ("Plzeňský kraj", "Plzeňský")
    );

    let plzen = MunicipalityCode::parse("554791").unwrap();
    let city = territory
        .municipalities
        .iter()
        .find(|m| m.code == plzen)
        .unwrap();
    assert_eq!(city.kind, MunicipalityKind::StatutoryCity);
    assert!(city.point.is_some());
    assert!(!city.postcodes.is_empty());
}

#[test]
fn codelists_hold_every_kind_and_keep_id_certainty() {
    let entries = bundled::codelists().unwrap();
    let count = |list| entries.iter().filter(|e| e.codelist == list).count();
    // 33 paragraphs of the Act plus the mental health centre of the API codelist.
    assert_eq!(count(Codelist::ServiceKind), 34);
    assert_eq!(count(Codelist::TargetGroup), 28);
    assert_eq!(count(Codelist::AgeGroup), 8);
    assert_eq!(count(Codelist::Form), 3);
    assert_eq!(count(Codelist::CapacityType), 5);

    let kind = |key: &str| {
        entries
            .iter()
            .find(|e| e.codelist == Codelist::ServiceKind && e.key == key)
            .unwrap()
    };
    assert_eq!(
        kind("49").registry_id.as_deref(),
        Some("DruhSocialniSluzby/13")
    );
    assert_eq!(kind("49").registry_id_status, IdStatus::Confirmed);
    assert_eq!(kind("57").registry_id_status, IdStatus::Inferred);
    assert_eq!(kind("60a").registry_id, None);
    assert_eq!(kind("api-11078").paragraph, None);

    let keys: BTreeSet<_> = entries
        .iter()
        .map(|e| (e.codelist, e.key.clone()))
        .collect();
    assert_eq!(keys.len(), entries.len(), "codelist keys must be unique");
}

#[test]
fn fingerprint_is_stable_within_a_build() {
    assert_eq!(bundled::fingerprint(), bundled::fingerprint());
    assert_eq!(bundled::fingerprint().len(), 16);
}

#[test]
fn bundled_files_are_exact_copies_of_the_shared_originals() {
    let Some(shared) = shared_data() else { return };
    assert!(bundled::FILES.len() >= 11);
    // Souhra's own files: generator/ (fictional word lists), sheet/ (spreadsheet layout),
    // public/ (default life situations), analysis/ (reference groups); hsds/ is checked below.
    let own = ["generator/", "sheet/", "hsds/", "public/", "analysis/"];
    let copies = bundled::FILES
        .iter()
        .filter(|f| !own.iter().any(|prefix| f.path.starts_with(prefix)));
    for file in copies {
        let name = file.path.rsplit('/').next().unwrap();
        let original = std::fs::read(shared.join(name))
            .unwrap_or_else(|e| panic!("{name} has no original in ../shared/data: {e}"));
        assert!(
            original == file.bytes,
            "data/{} differs from ../shared/data/{name}",
            file.path
        );
    }
}

#[test]
fn bundled_orp_nepomuk_is_the_official_membership_list() {
    let Some(shared) = shared_data() else { return };
    let official = std::fs::read_to_string(shared.join("orp_nepomuk.csv")).unwrap();
    let official: BTreeSet<MunicipalityCode> = official
        .lines()
        .skip(1)
        .map(|line| MunicipalityCode::parse(line.split(',').next().unwrap()).unwrap())
        .collect();
    let nepomuk = OrpCode::parse("3207").unwrap();
    let bundled: BTreeSet<MunicipalityCode> = bundled::territory()
        .unwrap()
        .municipalities
        .iter()
        .filter(|m| m.orp == nepomuk)
        .map(|m| m.code)
        .collect();
    assert_eq!(bundled, official);
}

#[test]
fn the_bundled_hsds_datapackage_is_the_official_one() {
    let Some(shared) = shared_data() else { return };
    let official = std::fs::read(shared.join("../spec/hsds-3.0/datapackage.json")).unwrap();
    assert!(official == bundled::file("hsds/datapackage.json").unwrap());
}

#[test]
fn reference_groups_name_existing_kinds() {
    let groups = bundled::reference_groups().expect("reference groups");
    let kinds: Vec<String> = bundled::codelists()
        .unwrap()
        .into_iter()
        .filter(|e| e.codelist == souhra_core::codelist::Codelist::ServiceKind)
        .map(|e| e.key)
        .collect();
    assert_eq!(groups.from_age("49"), 65, "homes for seniors count per 65+");
    assert_eq!(groups.from_age("40"), 80, "home care counts per 80+");
    assert_eq!(
        groups.from_age("37"),
        0,
        "kinds not listed count per everybody"
    );
    for kind in ["40", "41", "44", "49", "50", "66"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} is not a kind");
    }
}

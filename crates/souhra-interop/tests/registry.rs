//! The registry reader and generator: real-shaped records, personal data left out, every kind of
//! broken input reported with its record and field path.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use chrono::NaiveDate;
use souhra_core::catalogue::{AreaUnit, RegistryRecord};
use souhra_core::code::{MunicipalityCode, OrpCode};
use souhra_core::codelist::Form;
use souhra_core::import::{ImportItem, Rejection};
use souhra_interop::bundled;
use souhra_interop::registry::generate::{GeneratorOptions, generate};
use souhra_interop::registry::{TerritoryLookup, read_registry, read_registry_limited};

fn lookup() -> TerritoryLookup {
    TerritoryLookup::new(&bundled::territory().unwrap())
}

fn read(json: &str) -> (Vec<RegistryRecord>, Vec<Rejection>) {
    let mut records = Vec::new();
    let mut rejected = Vec::new();
    read_registry("t.json", json.as_bytes(), &lookup(), |item| {
        match item {
            ImportItem::Record(_, r) => records.push(*r),
            ImportItem::Rejected(r) => rejected.push(r),
            _ => {}
        }
        true
    })
    .unwrap();
    (records, rejected)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn generated(services: usize, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let options = GeneratorOptions {
        services,
        seed,
        municipalities: vec![],
        demo: false,
        today: today(),
        first_identifier: 1_000_000,
    };
    generate(
        &bundled::territory().unwrap(),
        &bundled::codelists().unwrap(),
        &options,
        &mut out,
    )
    .unwrap();
    out
}

/// One registry record in the documented shape, with the fields a test wants to vary.
fn record_json(identifier: &str, ico: &str, extra: &str) -> String {
    format!(
        r#"{{"portalId": 4951, "id": "x", "identifikator": "{identifier}", "datumPoskytovaniOd": "2014-03-01", "datumPoskytovaniDo": null,
        "druhSocialniSluzby": {{"id": "DruhSocialniSluzby/13"}},
        "poskytovatel": {{"ico": "{ico}", "nazev": "CARVAC s. r. o.", "pravniForma": {{"id": "PravniForma/112"}},
            "statutarniOrgany": [{{"jmeno": "Josef", "prijmeni": "Tajný", "titulPred": "Ing."}}]}},
        "emaily": [{{"email": "ldn@carvac.cz", "poznamka": null}}], "telefony": [{{"telefon": 354525345, "poznamka": null}}],
        "weby": [{{"web": "http://www.carvac.cz", "poznamka": null}}],
        "ciloveSkupiny": [{{"cilovaSkupina": {{"id": "CilovaSkupinaOsoby/24"}}}}],
        "formy": [{{"forma": {{"id": "FormaSocialniSluzby/pob"}}, "nepretrzitePoskytovani": true, "casoveRozsahy": null,
            "kapacity": [{{"pocet": 32, "popis": "Maximální kapacita 32 lůžek s účinností od 01.09.2016.", "typ": {{"id": "TypKapacitySocialniSluzby/luzka"}}}}]}}],
        "zarizeni": [{{"nazev": "Domov pro seniory Carvac s.r.o.", "utajenaAdresa": false, "vedouci": {{"jmeno": "Marta", "prijmeni": "Skrytá"}},
            "adresa": {{"cisloDomovni": 2272, "cisloOrientacni": "54", "kodAdresnihoMista": 11867906, "psc": "35201",
                "kraj": {{"id": "Kraj/51"}}, "okres": {{"id": "Okres/3402"}}, "obec": {{"id": "Obec/554499"}}, "castObce": {{"id": "CastObce/405507"}},
                "ulice": {{"nazev": "Nemocniční"}}}}}}]{extra}}}"#
    )
}

#[test]
fn a_documented_record_is_read_completely_without_personal_data() {
    let file = format!(
        r#"{{"polozky": [{}], "datumExportu": "2026-11-22"}}"#,
        record_json("1234567", "63504260", "")
    );
    let (records, rejected) = read(&file);
    assert!(rejected.is_empty(), "{rejected:?}");
    let r = &records[0];
    assert_eq!(r.registration_id.as_str(), "1234567");
    assert_eq!(r.portal_id, Some(4951));
    assert_eq!(r.kind, "DruhSocialniSluzby/13");
    assert_eq!(r.name, "Domov pro seniory Carvac s.r.o.");
    assert_eq!(r.organization.ico.as_ref().unwrap().as_str(), "63504260");
    assert_eq!(
        r.organization.legal_form.as_deref(),
        Some("PravniForma/112")
    );
    assert_eq!(r.contacts.phones, ["354525345"]);
    assert_eq!(r.forms.len(), 1);
    assert_eq!(r.forms[0].form, Form::Residential);
    assert!(r.forms[0].continuous);
    assert_eq!(r.forms[0].capacities[0].count, 32);
    assert_eq!(
        r.forms[0].capacities[0].capacity_type,
        "TypKapacitySocialniSluzby/luzka"
    );
    let facility = &r.facilities[0];
    assert_eq!(
        facility.municipality,
        Some(MunicipalityCode::parse("554499").unwrap())
    );
    let address = facility.address.as_ref().unwrap();
    assert_eq!(address.address_point, Some(11_867_906));
    assert_eq!(
        (
            address.street.as_deref(),
            address.house_number.as_deref(),
            address.orientation_number.as_deref()
        ),
        (Some("Nemocniční"), Some("2272"), Some("54"))
    );
    assert_eq!(r.provided_from, NaiveDate::from_ymd_opt(2014, 3, 1));
    let text = serde_json::to_string(r).unwrap();
    for personal in ["Tajný", "Josef", "Skrytá", "Marta"] {
        assert!(
            !text.contains(personal),
            "personal data {personal:?} leaked into {text}"
        );
    }
}

#[test]
fn the_real_sample_services_read_back() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/sluzby_mpsv_vzorek.csv");
    let Ok(sample) = std::fs::read_to_string(&shared) else {
        assert!(
            std::env::var("CI").is_err(),
            "../shared/data is required in CI"
        );
        return;
    };
    let mut reader = csv::Reader::from_reader(sample.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |row: &csv::StringRecord, name: &str| {
        row.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_owned()
    };
    let mut items = Vec::new();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for (i, row) in rows.iter().enumerate() {
        let ruian = col(row, "kod_adresniho_mista");
        items.push(format!(
            r#"{{"portalId": {portal}, "identifikator": "{ident:07}", "datumPoskytovaniOd": "{from}", "druhSocialniSluzby": {{"id": "{kind}"}},
            "poskytovatel": {{"ico": "{ico}", "nazev": {provider}}},
            "formy": [{{"forma": {{"id": "FormaSocialniSluzby/{form}"}}, "kapacity": [{{"pocet": {count}, "typ": {{"id": "TypKapacitySocialniSluzby/{ctype}"}}}}]}}],
            "zarizeni": [{{"nazev": {name}, "adresa": {{"kodAdresnihoMista": {ruian}, "psc": "{psc}", "obec": {{"id": "Obec/{obec}"}}, "ulice": {{"nazev": {street}}}, "cisloDomovni": {house}}}}}]}}"#,
            portal = col(row, "sluzba_id").trim_start_matches("mpsv-"),
            ident = 7_000_000 + i,
            from = col(row, "datum_poskytovani_od"),
            kind = col(row, "druh_kod"),
            ico = col(row, "poskytovatel_ico"),
            provider = serde_json::to_string(&col(row, "poskytovatel_nazev")).unwrap(),
            form = col(row, "forma"),
            count = col(row, "kapacita_pocet"),
            ctype = col(row, "kapacita_typ"),
            name = serde_json::to_string(&col(row, "nazev_sluzby")).unwrap(),
            psc = col(row, "psc"),
            obec = col(row, "kod_obce"),
            street = serde_json::to_string(&col(row, "ulice")).unwrap(),
            house = col(row, "cislo_domovni"),
        ));
        assert!(!ruian.is_empty());
    }
    let (records, rejected) = read(&format!(r#"{{"polozky": [{}]}}"#, items.join(",")));
    assert!(rejected.is_empty(), "{rejected:?}");
    assert_eq!(records.len(), rows.len());
    let diakonie = records
        .iter()
        .find(|r| r.organization.ico.as_ref().unwrap().as_str() == "00839345")
        .unwrap();
    assert_eq!(diakonie.forms[0].capacities[0].count, 68);
    assert_eq!(
        diakonie.facilities[0].municipality,
        Some(MunicipalityCode::parse("591190").unwrap())
    );
}

#[test]
fn generated_files_read_back_without_rejections() {
    let bytes = generated(300, 7);
    let mut records = Vec::new();
    let summary = read_registry("g.json", bytes.as_slice(), &lookup(), |item| {
        match item {
            ImportItem::Record(_, r) => records.push(*r),
            ImportItem::Rejected(r) => panic!("rejected: {r}"),
            _ => {}
        }
        true
    })
    .unwrap();
    assert_eq!(summary.records, 300);
    assert_eq!(records.len(), 300);
    let facilities: usize = records.iter().map(|r| r.facilities.len()).sum();
    assert!(
        (600..=1100).contains(&facilities),
        "about 2.8 facilities per service, got {facilities}"
    );
    assert!(
        records
            .iter()
            .any(|r| r.facilities.iter().any(|f| f.hidden_address))
    );
    assert!(records.iter().any(|r| r.facilities.iter().any(|f| {
        f.address
            .as_ref()
            .is_some_and(|a| a.address_point.is_none())
    })));
    assert!(
        records
            .iter()
            .any(|r| r.service_area.iter().any(|u| matches!(u, AreaUnit::Orp(_))))
    );
    assert!(
        records
            .iter()
            .any(|r| r.provided_to.is_some_and(|d| d < today()))
    );
    assert!(
        records
            .iter()
            .any(|r| r.forms.iter().any(|f| !f.hours.is_empty()))
    );
    // Duplicated facilities were merged: no service has two facilities with the same identity.
    for r in &records {
        let mut keys: Vec<&str> = r.facilities.iter().map(|f| f.key.as_str()).collect();
        keys.sort_unstable();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count, "{}", r.registration_id);
    }
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("statutarniOrgany"),
        "the generator includes personal data to be dropped"
    );
    for r in &records {
        let json = serde_json::to_string(r).unwrap();
        for surname in ["Nováková", "Svoboda", "Dvořáková", "Černý", "Procházková"] {
            assert!(!json.contains(surname), "{surname} leaked");
        }
    }
    assert_eq!(
        generated(300, 7),
        bytes,
        "the same seed gives the same file"
    );
    assert_ne!(generated(300, 8), bytes);
}

#[test]
fn service_area_orp_references_resolve_from_ruian_codes() {
    let area = r#", "rozsirenePusobnostiVKraji": [{"kraj": {"id": "Kraj/43"}, "orp": {"id": "Orp/604"}}, {"kraj": {"id": "Kraj/43"}}, {"obec": {"id": "Obec/558109"}}]"#;
    let (records, rejected) = read(&format!(
        r#"{{"polozky": [{}]}}"#,
        record_json("1234567", "63504260", area)
    ));
    assert!(rejected.is_empty(), "{rejected:?}");
    let units = &records[0].service_area;
    assert_eq!(units[0], AreaUnit::Orp(OrpCode::parse("3207").unwrap()));
    assert!(matches!(units[1], AreaUnit::Region(_)));
    assert!(matches!(units[2], AreaUnit::Municipality(_)));
}

#[test]
fn opening_hours_that_are_not_understood_are_kept_as_text() {
    let odd = r#", "formy": [{"forma": {"id": "FormaSocialniSluzby/amb"}, "casoveRozsahy": [{"popis": "po–pá dle dohody"}], "kapacity": []}]"#;
    let json = record_json("1234567", "63504260", "").replace(
        r#""formy": [{"forma": {"id": "FormaSocialniSluzby/pob"}"#,
        r#""formyStare": [{"forma": {"id": "FormaSocialniSluzby/pob"}"#,
    );
    let (records, _) = read(&format!(
        r#"{{"polozky": [{}]}}"#,
        json.trim_end_matches('}').to_owned() + odd + "}"
    ));
    let form = &records[0].forms[0];
    assert!(form.hours.is_empty());
    assert_eq!(
        form.hours_note.as_deref(),
        Some(r#"[{"popis":"po–pá dle dohody"}]"#)
    );
}

#[test]
fn invalid_records_are_rejected_with_their_field_path() {
    let cases = [
        (
            record_json("1234567", "12345678", ""),
            "polozky[0].poskytovatel.ico",
            "is not a valid IČO",
        ),
        (
            record_json("12345", "63504260", ""),
            "polozky[0].identifikator",
            "seven digits",
        ),
        (
            record_json("1234567", "63504260", "").replace("DruhSocialniSluzby/13", "Druh/13"),
            "polozky[0].druhSocialniSluzby.id",
            "not an id of the codelist",
        ),
        (
            record_json("1234567", "63504260", "")
                .replace("FormaSocialniSluzby/pob", "FormaSocialniSluzby/xyz"),
            "polozky[0].formy[0].forma.id",
            "unknown form",
        ),
        (
            record_json("1234567", "63504260", "").replace(r#""pocet": 32"#, r#""pocet": -3"#),
            "polozky[0].formy[0].kapacity[0].pocet",
            "whole number",
        ),
        (
            record_json("1234567", "63504260", "").replace("2014-03-01", "1. 3. 2014"),
            "polozky[0].datumPoskytovaniOd",
            "is not a date",
        ),
        (
            record_json("1234567", "63504260", "").replace("Obec/554499", "Obec/55"),
            "polozky[0].zarizeni[0].adresa.obec.id",
            "municipality code",
        ),
        (
            record_json("1234567", "63504260", "").replace(
                r#""identifikator": "1234567""#,
                r#""identifikator": {"x": 1}"#,
            ),
            "polozky[0].identifikator",
            "did not match any variant",
        ),
        (
            record_json("1234567", "63504260", "")
                .replace(r#""formy": ["#, r#""formy": 7, "x": ["#),
            "polozky[0].formy",
            "invalid type",
        ),
        (
            record_json(
                "1234567",
                "63504260",
                r#", "rozsirenePusobnostiVKraji": [{"orp": {"id": "Orp/1"}}]"#,
            ),
            "polozky[0].rozsirenePusobnostiVKraji[0]",
            "not a known ORP",
        ),
    ];
    for (record, path, message) in cases {
        let file = format!(r#"{{"polozky": [{record}]}}"#);
        let (records, rejected) = read(&file);
        assert!(records.is_empty(), "{path}");
        assert_eq!(rejected.len(), 1, "{path}");
        assert_eq!(rejected[0].path, path);
        assert!(
            rejected[0].message.contains(message),
            "{path}: {}",
            rejected[0].message
        );
    }
    // The identifier is reported whenever it could be read.
    let (_, rejected) = read(&format!(
        r#"{{"polozky": [{}]}}"#,
        record_json("7654321", "12345678", "")
    ));
    assert_eq!(rejected[0].identifier.as_deref(), Some("7654321"));
    assert_eq!(
        rejected[0].to_string(),
        "record 0 (identifikator 7654321), polozky[0].poskytovatel.ico: \"12345678\" is not a valid IČO: a number whose last digit is its mod-11 check digit"
    );
}

fn fails(bytes: &[u8]) -> String {
    read_registry("rpss.json", bytes, &lookup(), |_| true)
        .unwrap_err()
        .to_string()
}

#[test]
fn broken_files_stop_the_read_with_position_and_record() {
    let good = format!(
        r#"{{"polozky": [{}, {}]}}"#,
        record_json("1234567", "63504260", ""),
        record_json("1234568", "63504260", "")
    );
    let truncated = &good.as_bytes()[..good.len() - 400];
    let message = fails(truncated);
    assert!(
        message.starts_with("rpss.json: the file ends in the middle of record 1"),
        "{message}"
    );
    let message = fails(
        good.replace(r#""nazev": "CARVAC"#, r#""nazev" "CARVAC"#)
            .as_bytes(),
    );
    assert!(
        message.contains("invalid JSON at line") && message.contains("(record 0)"),
        "{message}"
    );
    assert!(
        fails(b"[1, 2]").contains("unexpected structure"),
        "{}",
        fails(b"[1, 2]")
    );
    assert!(fails(br#"{"items": []}"#).contains("has no list \"polozky\""));
    assert!(fails(br#"{"polozky": {}}"#).contains("unexpected structure"));
    assert!(fails(br#"{"polozky": []} trailing"#).contains("invalid JSON"));
    assert!(fails(b"").contains("the file ends"));
    assert!(fails(b"\xFF\xFE{\x00").contains("invalid JSON"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let file = format!(
        "\u{feff}{{\"polozky\": [{}]}}",
        record_json("1234567", "63504260", "")
    );
    assert_eq!(read(&file).0.len(), 1);
}

/// The limit is counted on reads of 64 kB, so it is tested well above that.
#[test]
fn an_oversized_record_stops_the_read() {
    let huge = record_json(
        "1234567",
        "63504260",
        &format!(
            r#", "doplnkoveUdaje": {{"popis": "{}"}}"#,
            "x".repeat(1024 * 1024)
        ),
    );
    let file = format!(
        r#"{{"polozky": [{}, {huge}]}}"#,
        record_json("1234568", "63504260", "")
    );
    let mut seen = 0;
    let error = read_registry_limited("big.json", file.as_bytes(), &lookup(), 256 * 1024, |_| {
        seen += 1;
        true
    })
    .unwrap_err()
    .to_string();
    assert_eq!(
        error,
        "big.json: record 1 is larger than 256 kB; the file is not a registry export"
    );
    assert_eq!(seen, 1);
}

#[test]
fn the_receiver_can_stop_the_read() {
    let bytes = generated(50, 3);
    let mut taken = 0;
    let summary = read_registry("g.json", bytes.as_slice(), &lookup(), |_| {
        taken += 1;
        taken < 5
    })
    .unwrap();
    assert!(summary.stopped_early);
    assert_eq!(taken, 5);
}

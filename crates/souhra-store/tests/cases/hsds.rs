//! HSDS cases of the store suite (included by `store.rs`, so they run on both databases): the
//! catalogue goes out as HSDS 3.0, every object validates against the official schemas, and an
//! export imported into an empty installation exports byte for byte the same.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;
use souhra_core::catalogue::{CatalogueEntry, Facility};
use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::territory::TerritoryDataset;
use souhra_interop::hsds::export::{Context, to_services};
use souhra_interop::hsds::import::{ImportContext, to_entries};
use souhra_interop::hsds::model::Service;
use souhra_interop::hsds::tables::{read_datapackage, read_json, write_datapackage, write_json};
use souhra_store::Store;
use souhra_store::testing::TestDatabase;

use super::catalogue::{day, import_items, options};

fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/spec/hsds-3.0")
}

fn read_spec(path: &str) -> Value {
    let file = spec().join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (../shared must sit beside the project)",
            file.display()
        )
    });
    serde_json::from_str(&text).unwrap()
}

/// `additionalProperties: false` on every object schema, as the official test suite does: a
/// misspelt or invented field then fails validation too.
fn closed(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("properties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            for value in map.values_mut() {
                closed(value);
            }
        }
        Value::Array(list) => list.iter_mut().for_each(closed),
        _ => {}
    }
}

/// The official compiled service schema, closed, with format checks (uuid, email, uri).
fn service_validator() -> jsonschema::Validator {
    let mut schema = read_spec("schema/compiled/service_with_definitions.json");
    closed(&mut schema);
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, service: &Service) {
    let value = serde_json::to_value(service).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(
        errors.is_empty(),
        "service {} ({}): {errors:#?}",
        service.id,
        service.name
    );
}

async fn codelists(store: &Store) -> Vec<CodelistEntry> {
    let mut all = Vec::new();
    for list in Codelist::ALL {
        all.extend(store.codelist(list).await.unwrap());
    }
    all
}

async fn prepared(store: &Store, territory: &TerritoryDataset) {
    crate::load(store, territory).await;
    store
        .load_codelists(&souhra_interop::bundled::codelists().unwrap())
        .await
        .unwrap();
}

/// Imports a generated registry of `services` services over `territory`, all of them kept.
async fn generated_catalogue(store: &Store, territory: &TerritoryDataset, services: usize) {
    use souhra_interop::registry::generate::{GeneratorOptions, generate};
    use souhra_interop::registry::{TerritoryLookup, read_registry};
    let mut file = Vec::new();
    let generator = GeneratorOptions {
        services,
        seed: 7,
        municipalities: territory.municipalities.iter().map(|m| m.code).collect(),
        demo: false,
        today: day("2026-11-23"),
        first_identifier: 3_000_000,
    };
    let codelists = souhra_interop::bundled::codelists().unwrap();
    generate(territory, &codelists, &generator, &mut file).unwrap();
    let mut items = Vec::new();
    read_registry(
        "g.json",
        file.as_slice(),
        &TerritoryLookup::new(territory),
        |item| {
            items.push(item);
            true
        },
    )
    .unwrap();
    let all = souhra_core::import::ImportOptions {
        all: true,
        ..options()
    };
    let report = import_items(store, items, true, &all).await.unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    assert_eq!(report.added as usize, services);
}

async fn entries(store: &Store) -> Vec<CatalogueEntry> {
    store
        .catalogue_entries(None)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect()
}

async fn export(store: &Store, territory: &TerritoryDataset) -> Vec<Service> {
    let context = Context::new(territory, &codelists(store).await).unwrap();
    to_services(&context, &entries(store).await)
}

/// Every file of a folder, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Imports services into `store` and asserts that all of them were stored.
async fn import_services(
    store: &Store,
    services: &[(String, Service)],
    default_kind: Option<&str>,
) {
    let context = ImportContext::new(&codelists(store).await, default_kind.map(str::to_owned));
    let (entries, unreadable) = to_entries(&context, services);
    assert!(unreadable.is_empty(), "{unreadable:?}");
    let report = store
        .save_catalogue_entries(&entries, false, false)
        .await
        .unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert!(report.committed);
    assert_eq!(report.added as usize, services.len(), "{report:?}");
}

/// The tabular package as the official descriptor wants it: the resource's columns in its order,
/// required cells filled, UUIDs where the format says so, and every reference resolving.
fn assert_package_is_consistent(dir: &Path) {
    let descriptor = read_spec("datapackage.json");
    let mut tables: HashMap<String, Vec<csv::StringRecord>> = HashMap::new();
    let mut headers: HashMap<String, Vec<String>> = HashMap::new();
    for resource in descriptor["resources"].as_array().unwrap() {
        let name = resource["name"].as_str().unwrap().to_owned();
        let path = dir.join(resource["path"].as_str().unwrap());
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let fields: Vec<&Value> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .collect();
        let expected: Vec<String> = fields
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(header, expected, "{}", path.display());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        for (line, row) in rows.iter().enumerate() {
            for (column, field) in fields.iter().enumerate() {
                let cell = &row[column];
                let at = format!(
                    "{} row {} column {}",
                    path.display(),
                    line + 2,
                    expected[column]
                );
                if field["constraints"]["required"] == Value::Bool(true) {
                    assert!(!cell.is_empty(), "{at}: required");
                }
                if field["format"] == "uuid" && !cell.is_empty() {
                    assert!(
                        souhra_interop::hsds::is_uuid(cell),
                        "{at}: {cell:?} is not a UUID"
                    );
                }
                match field["type"].as_str() {
                    Some("number") if !cell.is_empty() => {
                        assert!(cell.parse::<f64>().is_ok(), "{at}: {cell:?}")
                    }
                    Some("date") if !cell.is_empty() => {
                        assert!(cell.parse::<chrono::NaiveDate>().is_ok(), "{at}: {cell:?}")
                    }
                    Some("time") if !cell.is_empty() => {
                        assert!(
                            chrono::NaiveTime::parse_from_str(cell, "%H:%M:%S").is_ok(),
                            "{at}: {cell:?}"
                        )
                    }
                    _ => {}
                }
            }
        }
        let ids: HashSet<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
        assert_eq!(
            ids.len(),
            rows.len(),
            "{}: ids must be unique",
            path.display()
        );
        headers.insert(name.clone(), header);
        tables.insert(name, rows);
    }
    let ids = |resource: &str| -> HashSet<String> {
        tables[resource].iter().map(|r| r[0].to_owned()).collect()
    };
    for resource in descriptor["resources"].as_array().unwrap() {
        let name = resource["name"].as_str().unwrap();
        for key in resource["schema"]["foreignKeys"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let column = key["fields"].as_str().unwrap();
            let target = key["reference"]["resource"].as_str().unwrap();
            let position = headers[name].iter().position(|h| h == column).unwrap();
            let known = ids(target);
            for row in &tables[name] {
                let value = &row[position];
                assert!(
                    value.is_empty() || known.contains(value),
                    "{name}.{column} = {value} is not an id of {target}"
                );
            }
        }
    }
    let entity_ids: HashMap<&str, HashSet<String>> =
        ["service", "organization", "location", "schedule"]
            .iter()
            .map(|e| (*e, ids(e)))
            .collect();
    let header = &headers["attribute"];
    let (link_id, link_entity) = (
        header.iter().position(|h| h == "link_id").unwrap(),
        header.iter().position(|h| h == "link_entity").unwrap(),
    );
    for row in &tables["attribute"] {
        let owners = &entity_ids[&row[link_entity]];
        assert!(
            owners.contains(&row[link_id]),
            "attribute {} points at a missing {}",
            &row[0],
            &row[link_entity]
        );
    }
}

/// The address points of hidden facilities: not one may reach an export.
fn hidden_address_points(entries: &[CatalogueEntry]) -> HashSet<String> {
    let hidden: Vec<&Facility> = entries
        .iter()
        .flat_map(|e| &e.facilities)
        .filter(|f| f.hidden_address)
        .collect();
    assert!(
        !hidden.is_empty(),
        "the generated catalogue should hold hidden addresses"
    );
    let points: HashSet<String> = hidden
        .iter()
        .filter_map(|f| f.address.as_ref()?.address_point)
        .map(|p| p.to_string())
        .collect();
    assert!(
        !points.is_empty(),
        "hidden facilities keep their address in the store"
    );
    points
}

pub async fn hsds_exports_validate_and_round_trip(store: Store) {
    let territory = crate::plzensky_kraj();
    prepared(&store, &territory).await;
    generated_catalogue(&store, &territory, 300).await;
    // A local edit is exported as the value in force.
    let first = store.catalogue_entries(None).await.unwrap()[0].0;
    let local = souhra_core::catalogue::FieldValue::Text(Some("Místní název".into()));
    store
        .set_service_override(first, souhra_core::catalogue::LocalField::Name, &local)
        .await
        .unwrap();
    let services = export(&store, &territory).await;
    assert_eq!(services.len(), 300);
    assert!(services.iter().any(|s| s.name == "Místní název"));
    let validator = service_validator();
    for service in &services {
        assert_valid(&validator, service);
    }
    // The validator is strict: a malformed id or an invented field fails.
    let mut wrong = serde_json::to_value(&services[0]).unwrap();
    wrong["organization"]["id"] = "ICO-12345678".into();
    assert!(!validator.is_valid(&wrong));
    let mut wrong = serde_json::to_value(&services[0]).unwrap();
    wrong["kind"] = "37".into();
    assert!(!validator.is_valid(&wrong));
    let kinds = services
        .iter()
        .filter(|s| {
            s.attributes
                .iter()
                .any(|a| a.link_type.as_deref() == Some("service_kind"))
        })
        .count();
    assert_eq!(kinds, 300, "every service carries its kind (§)");

    let dir = tempfile::tempdir().unwrap();
    let (json, package) = (dir.path().join("json"), dir.path().join("package"));
    write_json(&json, services.iter().cloned()).unwrap();
    write_datapackage(&package, services.iter().cloned()).unwrap();
    assert_package_is_consistent(&package);
    let hidden = hidden_address_points(&entries(&store).await);
    for (name, bytes) in files(&json).into_iter().chain(files(&package)) {
        let text = String::from_utf8(bytes).unwrap();
        let leak = text
            .split(|c: char| !c.is_ascii_digit())
            .find(|token| hidden.contains(*token));
        assert_eq!(leak, None, "{name} reveals a hidden address point");
    }
    for location in services
        .iter()
        .flat_map(|s| &s.service_at_locations)
        .filter_map(|l| l.location.as_ref())
    {
        if location
            .attributes
            .iter()
            .any(|a| a.link_type.as_deref() == Some("hidden_address"))
        {
            assert!(
                location.addresses.is_empty()
                    && location.latitude.is_none()
                    && location.external_identifier.is_none()
            );
        }
    }

    // Export → import into an empty installation → export: the same bytes, from either form.
    for (source, read) in [
        (
            &json,
            read_json as fn(&Path) -> Result<Vec<(String, Service)>, souhra_interop::DataError>,
        ),
        (&package, read_datapackage),
    ] {
        let other = TestDatabase::new(store.backend_kind()).await.unwrap();
        prepared(&other.store, &territory).await;
        let read_back = read(source).unwrap();
        assert_eq!(read_back.len(), 300);
        import_services(&other.store, &read_back, None).await;
        let again = export(&other.store, &territory).await;
        let out = dir.path().join("again");
        write_json(&out.join("json"), again.iter().cloned()).unwrap();
        write_datapackage(&out.join("package"), again.iter().cloned()).unwrap();
        assert_eq!(
            files(&out.join("json")),
            files(&json),
            "JSON from {}",
            source.display()
        );
        assert_eq!(
            files(&out.join("package")),
            files(&package),
            "package from {}",
            source.display()
        );
        // Importing the same export again updates in place.
        let context = ImportContext::new(&codelists(&other.store).await, None);
        let (entries, _) = to_entries(&context, &read_back);
        let report = other
            .store
            .save_catalogue_entries(&entries, false, false)
            .await
            .unwrap();
        assert_eq!((report.added, report.updated), (0, 300));
        assert_eq!(
            other.store.catalogue_counts().await.unwrap().services(),
            300
        );
        other.store.close().await;
    }
}

pub async fn hsds_of_other_publishers_imports_with_a_default_kind(store: Store) {
    let territory = crate::plzensky_kraj();
    prepared(&store, &territory).await;
    let example: Service = serde_json::from_value(read_spec("examples/service_full.json")).unwrap();
    let services = vec![("service_full.json".to_owned(), example)];
    let context = ImportContext::new(&codelists(&store).await, None);
    let (entries, rejected) = to_entries(&context, &services);
    assert!(entries.is_empty());
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        rejected[0].identifier.as_deref(),
        Some("ac148810-d857-441c-9679-408f346de14b")
    );
    assert!(rejected[0].message.contains("kind"), "{}", rejected[0]);

    import_services(&store, &services, Some("37")).await;
    let stored = entries_of(&store).await;
    assert_eq!(stored.len(), 1);
    let entry = &stored[0];
    assert_eq!(entry.name, "Community Counselling");
    assert_eq!(entry.kind, "37");
    assert_eq!(
        entry.public_id.as_deref(),
        Some("ac148810-d857-441c-9679-408f346de14b")
    );
    // Its place keeps the address line; the example's latitude of 100° is no coordinate.
    let place = entry
        .facilities
        .iter()
        .find(|f| f.name == "MyCity Civic Center")
        .unwrap();
    assert_eq!(
        place.address.as_ref().and_then(|a| a.street.as_deref()),
        Some("1-30 Main Street")
    );
    assert_eq!(place.point, None);
    // The foreign service exports under its own id, valid in the Czech profile.
    let services = export(&store, &territory).await;
    assert_eq!(services[0].id, "ac148810-d857-441c-9679-408f346de14b");
    assert_valid(&service_validator(), &services[0]);

    // The official example package reads too (it links a few rows to missing parents; those
    // are left out, the rest nests).
    let package = read_datapackage(&spec().join("examples/csv")).unwrap();
    assert!(!package.is_empty());
    assert!(package.iter().all(|(_, s)| !s.name.is_empty()));
}

async fn entries_of(store: &Store) -> Vec<CatalogueEntry> {
    entries(store).await
}

pub async fn hsds_imports_with_errors_store_nothing(store: Store) {
    let territory = crate::plzensky_kraj();
    prepared(&store, &territory).await;
    generated_catalogue(&store, &territory, 20).await;
    let services = export(&store, &territory).await;
    let good = entries(&store).await;
    let empty = TestDatabase::new(store.backend_kind()).await.unwrap();
    let target = &empty.store;
    prepared(target, &territory).await;

    let path = |i: usize| format!("services.json[{i}]");
    let mut bad: Vec<(String, CatalogueEntry)> = good
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, e)| (path(i), e))
        .collect();
    bad[1].1.kind = "99".into();
    bad[2].1.target_groups.push("neznama".into());
    bad[3].1.public_id = Some("not-a-uuid".into());
    bad[4].1.public_id = bad[0].1.public_id.clone();
    bad[4].1.registration_id = bad[0].1.registration_id.clone();
    bad[5].1.name = " ".into();
    let mut elsewhere = good
        .iter()
        .flat_map(|e| e.facilities.clone())
        .next()
        .unwrap();
    elsewhere.municipality = Some(souhra_core::code::MunicipalityCode::parse("999999").unwrap());
    elsewhere.key = "elsewhere".into();
    bad[6].1.facilities.push(elsewhere);
    let report = target
        .save_catalogue_entries(&bad, false, false)
        .await
        .unwrap();
    let fields: Vec<(u64, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.index, r.path.rsplit_once('.').map_or("", |(_, f)| f)))
        .collect();
    assert_eq!(
        fields,
        [
            (1, "kind"),
            (2, "target_groups"),
            (3, "public_id"),
            (4, "public_id"),
            (5, "name"),
            (6, "municipality")
        ],
        "{:#?}",
        report.rejected
    );
    assert!(
        report.rejected[0].path.starts_with("services.json[1]."),
        "{}",
        report.rejected[0]
    );
    assert!(!report.committed);
    assert_eq!(
        target.catalogue_counts().await.unwrap().services(),
        0,
        "a rejection stores nothing"
    );

    let dry = target
        .save_catalogue_entries(&bad[7..], false, true)
        .await
        .unwrap();
    assert_eq!((dry.added, dry.committed), (13, false));
    assert_eq!(
        target.catalogue_counts().await.unwrap().services(),
        0,
        "a dry run stores nothing"
    );

    let skipping = target
        .save_catalogue_entries(&bad, true, false)
        .await
        .unwrap();
    assert_eq!(
        (skipping.added, skipping.rejected.len(), skipping.committed),
        (14, 6, true)
    );
    assert_eq!(target.catalogue_counts().await.unwrap().services(), 14);

    // Unreadable HSDS: each problem names the service and the field.
    let mut broken = services[0].clone();
    broken.status = "open".into();
    let mut no_org = services[1].clone();
    no_org.organization = None;
    let is_capacity = |a: &souhra_interop::hsds::model::Attribute| {
        a.link_type
            .as_deref()
            .is_some_and(|l| l.starts_with("capacity:"))
    };
    let mut bad_capacity = services
        .iter()
        .find(|s| s.attributes.iter().any(is_capacity))
        .unwrap()
        .clone();
    if let Some(a) = bad_capacity.attributes.iter_mut().find(|a| is_capacity(a)) {
        a.value = Some("many".into());
    }
    let list: Vec<(String, Service)> = [broken, no_org, bad_capacity]
        .into_iter()
        .enumerate()
        .map(|(i, s)| (path(i), s))
        .collect();
    let (_, rejected) = to_entries(&ImportContext::new(&codelists(target).await, None), &list);
    let paths: Vec<&str> = rejected.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "services.json[0].status",
            "services.json[1].organization",
            "services.json[2].attributes"
        ]
    );
    empty.store.close().await;
}

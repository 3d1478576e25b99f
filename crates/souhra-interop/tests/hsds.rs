//! The HSDS readers: the official example reads, and broken files are reported with the file,
//! line and column (CSV) or the JSON path at fault.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use souhra_interop::DataError;
use souhra_interop::hsds::model::Service;
use souhra_interop::hsds::tables::{
    Item, read_datapackage, read_datapackage_from, read_json, write_datapackage, write_json,
};

fn example() -> Service {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/spec/hsds-3.0/examples/service_full.json");
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

fn package() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("package");
    write_datapackage(&path, [example()]).unwrap();
    (dir, path)
}

#[test]
fn the_official_example_nests_again_from_its_tables() {
    let (_dir, path) = package();
    let services = read_datapackage(&path).unwrap();
    assert_eq!(services.len(), 1);
    let (at, service) = &services[0];
    assert_eq!(at, "services.csv, line 2");
    let original = example();
    assert_eq!(service.id, original.id);
    assert_eq!(service.name, original.name);
    assert_eq!(
        service.organization.as_ref().map(|o| &o.name),
        original.organization.as_ref().map(|o| &o.name)
    );
    assert_eq!(
        service.service_at_locations.len(),
        original.service_at_locations.len()
    );
    assert_eq!(service.schedules.len(), original.schedules.len());
    assert_eq!(service.phones.len(), original.phones.len());
    let location = service.service_at_locations[0].location.as_ref().unwrap();
    assert_eq!(location.addresses.len(), 1);
}

#[test]
fn a_package_in_memory_reads_like_the_same_package_on_disk() {
    let (_dir, path) = package();
    let mut files = std::collections::HashMap::new();
    for entry in std::fs::read_dir(&path).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        files.insert(name, std::fs::read(entry.path()).unwrap());
    }
    let mut read = Vec::new();
    let count = read_datapackage_from(&files, |item| match item {
        Item::Service(at, service) => read.push((at, *service)),
        Item::Rejected(rejection) => panic!("rejected: {rejection:?}"),
    })
    .unwrap();
    assert_eq!(count, 1);
    let on_disk = read_datapackage(&path).unwrap();
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        serde_json::to_value(&on_disk).unwrap()
    );
    // Without the services table there is nothing to read, and no error about the disk.
    files.remove("services.csv");
    let count = read_datapackage_from(&files, |_| panic!("no service expected")).unwrap();
    assert_eq!(count, 0);
}

#[test]
fn streamed_json_is_what_serde_json_prints_for_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut second = example();
    second.id = "00000000-0000-0000-0000-000000000002".into();
    second.description = Some("Řádek 1\nřádek \"2\"".into());
    for list in [vec![], vec![example()], vec![example(), second]] {
        assert_eq!(write_json(dir.path(), list.clone()).unwrap(), list.len());
        let written = std::fs::read_to_string(dir.path().join("services.json")).unwrap();
        assert_eq!(written, serde_json::to_string_pretty(&list).unwrap() + "\n");
        let read: Vec<Service> = read_json(dir.path())
            .unwrap()
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(read, list);
    }
}

#[test]
fn json_files_read_with_or_without_a_bom_and_name_the_path_of_a_fault() {
    let dir = tempfile::tempdir().unwrap();
    write_json(dir.path(), [example()]).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(dir.path().join("services.json")).unwrap());
    std::fs::write(dir.path().join("services.json"), bytes).unwrap();
    assert_eq!(read_json(dir.path()).unwrap()[0].0, "services.json[0]");

    let cases = [
        (
            "[{\"id\": \"a\", \"name\": \"x\", \"status\": \"active\"",
            "cut short",
        ),
        (
            "[{\"id\": \"a\", \"name\": \"x\", \"status\": 1}]",
            "[0].status",
        ),
        (
            "[{\"id\": \"a\", \"name\": \"x\", \"status\": \"active\", \"phones\": [{\"id\": \"p\"}]}]",
            "[0].phones[0]",
        ),
        ("{\"services\": []}", "expected a list of HSDS services"),
    ];
    for (text, expected) in cases {
        std::fs::write(dir.path().join("services.json"), text).unwrap();
        let error = read_json(dir.path()).unwrap_err().to_string();
        assert!(
            error.contains("services.json") && error.contains(expected),
            "{text}: {error}"
        );
    }
    std::fs::remove_file(dir.path().join("services.json")).unwrap();
    assert!(matches!(read_json(dir.path()), Err(DataError::Io { .. })));
}

#[test]
fn broken_tables_name_file_line_and_column() {
    let (_dir, path) = package();
    let locations = path.join("locations.csv");
    let mut reader = csv::Reader::from_path(&locations).unwrap();
    let header = reader.headers().unwrap().clone();
    let latitude = header.iter().position(|h| h == "latitude").unwrap();
    let mut row: Vec<String> = reader
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    row[latitude] = "north".into();
    let mut writer = csv::Writer::from_path(&locations).unwrap();
    writer.write_record(&header).unwrap();
    writer.write_record(&row).unwrap();
    writer.flush().unwrap();
    let error = read_datapackage(&path).unwrap_err().to_string();
    assert!(
        error.contains("locations.csv") && error.contains("line 2") && error.contains("latitude"),
        "{error}"
    );

    let (_dir, path) = package();
    // Windows-1250 "Poradna pro ženy" in services.csv.
    let services = path.join("services.csv");
    let mut bytes = std::fs::read(&services).unwrap();
    let columns = String::from_utf8_lossy(&bytes)
        .lines()
        .next()
        .unwrap()
        .split(',')
        .count();
    bytes.extend_from_slice(b"00000000-0000-0000-0000-000000000001,,,Poradna pro \x9Eeny");
    bytes.extend(std::iter::repeat_n(b',', columns - 4));
    bytes.push(b'\n');
    std::fs::write(&services, bytes).unwrap();
    let error = read_datapackage(&path).unwrap_err();
    assert!(
        matches!(&error, DataError::NotUtf8 { file, .. } if file == "services.csv"),
        "{error}"
    );

    let (_dir, path) = package();
    std::fs::write(path.join("services.csv"), "id,name\n\"unclosed,x\n").unwrap();
    assert!(
        read_datapackage(&path)
            .unwrap_err()
            .to_string()
            .contains("services.csv")
    );
}

#[test]
fn hidden_places_of_the_same_name_stay_apart() {
    use souhra_interop::hsds::import::{ImportContext, to_entry};
    use souhra_interop::hsds::model::{Attribute, Location, ServiceAtLocation};
    let hidden = |id: &str| ServiceAtLocation {
        id: format!("{id}-link"),
        location: Some(Location {
            id: id.into(),
            location_type: "physical".into(),
            name: Some("Azylový dům".into()),
            attributes: vec![Attribute {
                id: format!("{id}-attribute"),
                link_type: Some("hidden_address".into()),
                value: Some("true".into()),
                ..Attribute::default()
            }],
            ..Location::default()
        }),
        ..ServiceAtLocation::default()
    };
    let mut service = example();
    service.service_at_locations = vec![hidden("a"), hidden("b")];
    let context = ImportContext::new(
        &souhra_interop::bundled::codelists().unwrap(),
        Some("37".into()),
    );
    let entry = to_entry(&context, 0, "services.json[0]", &service).unwrap();
    assert_eq!(entry.facilities.len(), 2);
    assert_ne!(entry.facilities[0].key, entry.facilities[1].key);
    assert!(
        entry
            .facilities
            .iter()
            .all(|f| f.hidden_address && f.address.is_none())
    );
}

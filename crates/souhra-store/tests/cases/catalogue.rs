//! Registry import cases of the store suite (included by `store.rs`, so they run on both
//! databases).

use chrono::NaiveDate;
use souhra_core::catalogue::{
    Address, AreaUnit, Capacity, Contacts, Facility, FieldValue, Ico, LocalField, OpeningPeriod,
    Organization, RegistrationId, RegistryRecord, ServiceForm, ServiceStatus, Weekday,
};
use souhra_core::code::{MunicipalityCode, OrpCode, RegionCode};
use souhra_core::codelist::{Codelist, Form};
use souhra_core::import::{ImportItem, ImportOptions, ImportReport, Rejection};
use souhra_core::progress::NoProgress;
use souhra_store::{Store, StoreResult};

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn options() -> ImportOptions {
    ImportOptions {
        all: false,
        dry_run: false,
        skip_invalid: false,
        demo: false,
        today: day("2026-11-23"),
        origin: "test".into(),
    }
}

/// A pečovatelská služba (§40) with one facility in `municipality`.
pub fn record(id: &str, name: &str, municipality: &str) -> RegistryRecord {
    let place = MunicipalityCode::parse(municipality).unwrap();
    RegistryRecord {
        registration_id: RegistrationId::parse(id).unwrap(),
        portal_id: Some(1),
        name: name.into(),
        kind: "DruhSocialniSluzby/4".into(),
        description: Some("Pomáháme doma.".into()),
        fees: None,
        contacts: Contacts {
            web: vec!["https://sluzba.example.cz".into()],
            emails: vec!["a@example.cz".into()],
            phones: vec![],
        },
        forms: vec![ServiceForm {
            form: Form::Field,
            continuous: false,
            capacities: vec![Capacity {
                capacity_type: "TypKapacitySocialniSluzby/klient".into(),
                count: 30,
                note: None,
            }],
            hours: vec![OpeningPeriod {
                weekday: Weekday::new(1).unwrap(),
                opens: "08:00:00".parse().unwrap(),
                closes: "16:00:00".parse().unwrap(),
            }],
            hours_note: None,
        }],
        target_groups: vec!["CilovaSkupinaOsoby/24".into()],
        age_groups: vec![],
        facilities: vec![Facility {
            key: Facility::identity(Some(1234), name),
            name: name.into(),
            address: Some(Address {
                municipality: Some(place),
                address_point: Some(1234),
                street: Some("Nádražní".into()),
                ..Address::default()
            }),
            municipality: Some(place),
            point: None,
            hidden_address: false,
            from: None,
            to: None,
        }],
        service_area: vec![],
        provided_from: Some(day("2010-01-01")),
        provided_to: None,
        organization: Organization {
            ico: Some(Ico::parse("00839345").unwrap()),
            name: "Poskytovatel".into(),
            legal_form: None,
            seat: None,
            contacts: Contacts::default(),
        },
    }
}

pub async fn import_items(
    store: &Store,
    items: Vec<ImportItem>,
    end: bool,
    options: &ImportOptions,
) -> StoreResult<ImportReport> {
    let (sender, receiver) = tokio::sync::mpsc::channel(8);
    let producer = tokio::spawn(async move {
        for item in items {
            if sender.send(item).await.is_err() {
                return;
            }
        }
        if end {
            let _ = sender.send(ImportItem::End).await;
        }
    });
    let report = store.import_registry(receiver, options, &NoProgress).await;
    let _ = producer.await;
    report
}

pub async fn import(
    store: &Store,
    records: Vec<RegistryRecord>,
    options: &ImportOptions,
) -> ImportReport {
    let items = records
        .into_iter()
        .enumerate()
        .map(|(i, r)| ImportItem::Record(i as u64, Box::new(r)))
        .collect();
    import_items(store, items, true, options).await.unwrap()
}

/// The territory of Plzeňský kraj and the planning area ORP Nepomuk.
pub async fn plzensky_kraj_with_nepomuk(store: &Store) {
    crate::load(store, &crate::plzensky_kraj()).await;
    store
        .create_area(&crate::area("nepomuk", "Nepomuk", crate::nepomuk_orp()))
        .await
        .unwrap();
}

pub async fn detail(store: &Store, id: &str) -> souhra_store::records::ServiceDetail {
    let id = store
        .service_id_by_registration(&RegistrationId::parse(id).unwrap())
        .await
        .unwrap()
        .unwrap();
    store.service(id).await.unwrap().unwrap()
}

pub fn four_services() -> Vec<RegistryRecord> {
    let mut by_orp = record("1000003", "Služba s působností v ORP", "554791");
    by_orp.service_area = vec![AreaUnit::Orp(OrpCode::parse("3207").unwrap())];
    let mut by_region = record("1000004", "Služba pro celý kraj", "554791");
    by_region.service_area = vec![AreaUnit::Region(RegionCode::parse("43").unwrap())];
    vec![
        record("1000001", "Pečovatelská služba Nepomuk", "558109"),
        record("1000002", "Pečovatelská služba Plzeň", "554791"),
        by_orp,
        by_region,
    ]
}

pub async fn only_relevant_services_are_added_and_reimport_is_idempotent(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    store
        .load_codelists(&souhra_interop::bundled::codelists().unwrap())
        .await
        .unwrap();
    let report = import(&store, four_services(), &options()).await;
    assert_eq!(
        (
            report.read,
            report.added,
            report.outside_areas,
            report.unchanged
        ),
        (4, 3, 1, 0),
        "{report:?}"
    );
    assert!(report.committed && report.rejected.is_empty() && report.conflicts.is_empty());
    let again = import(&store, four_services(), &options()).await;
    assert_eq!(
        (again.added, again.updated, again.unchanged, again.ended),
        (0, 0, 3, 0),
        "{again:?}"
    );
    let everything = import(
        &store,
        four_services(),
        &ImportOptions {
            all: true,
            ..options()
        },
    )
    .await;
    assert_eq!((everything.added, everything.unchanged), (1, 3));

    let service = detail(&store, "1000001").await;
    assert_eq!(service.kind, "40");
    assert_eq!(service.status, ServiceStatus::Active);
    assert_eq!(service.target_groups, ["seniori"]);
    assert_eq!(service.forms[0].capacities[0].capacity_type, "klient");
    assert_eq!(service.forms[0].hours.len(), 1);
    assert_eq!(
        service.facilities[0].municipality,
        Some(MunicipalityCode::parse("558109").unwrap())
    );
    assert_eq!(
        service
            .organization
            .organization
            .ico
            .as_ref()
            .unwrap()
            .as_str(),
        "00839345"
    );
    assert_eq!(
        detail(&store, "1000003").await.service_area,
        vec![AreaUnit::Orp(OrpCode::parse("3207").unwrap())]
    );
    let counts = store.catalogue_counts().await.unwrap();
    assert_eq!(
        (counts.organizations, counts.active, counts.facilities),
        (1, 4, 4)
    );
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let listed: Vec<String> = store
        .services_in_area(area.id)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        listed,
        [
            "Pečovatelská služba Nepomuk",
            "Služba pro celý kraj",
            "Služba s působností v ORP"
        ]
    );
}

pub async fn local_edits_survive_reimport_and_changes_become_conflicts(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    import(&store, four_services(), &options()).await;
    let id = detail(&store, "1000001").await.id;
    let local = FieldValue::Text(Some("Pečovatelská služba města Nepomuk".into()));
    store
        .set_service_override(id, LocalField::Name, &local)
        .await
        .unwrap();
    store
        .set_service_override(
            id,
            LocalField::Phones,
            &FieldValue::List(vec!["+420 371 591 111".into()]),
        )
        .await
        .unwrap();
    assert_eq!(
        detail(&store, "1000001").await.name,
        "Pečovatelská služba města Nepomuk"
    );

    // The registry renames the service and changes its description.
    let mut changed = four_services();
    changed[0].name = "Pečovatelská služba Nepomuk a okolí".into();
    changed[0].description = Some("Nový popis.".into());
    let report = import(&store, changed.clone(), &options()).await;
    assert_eq!((report.updated, report.unchanged), (1, 2), "{report:?}");
    assert_eq!(
        report.conflicts.len(),
        1,
        "only the renamed field conflicts: {report:?}"
    );
    assert_eq!(report.conflicts[0].field, "name");
    let service = detail(&store, "1000001").await;
    assert_eq!(
        service.name, "Pečovatelská služba města Nepomuk",
        "the local value stays"
    );
    assert_eq!(
        service.description.as_deref(),
        Some("Nový popis."),
        "fields not edited locally follow the registry"
    );
    assert_eq!(service.contacts.phones, ["+420 371 591 111"]);
    assert_eq!(service.open_conflicts, 1);

    // The same file again raises nothing new.
    let report = import(&store, changed, &options()).await;
    assert!(
        report.conflicts.is_empty() && report.updated == 0,
        "{report:?}"
    );
    let conflicts = store.open_import_conflicts().await.unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].registry_after.as_deref(),
        Some("\"Pečovatelská služba Nepomuk a okolí\"")
    );

    // The coordinator takes the registry's name.
    store
        .resolve_import_conflict(conflicts[0].id, false)
        .await
        .unwrap();
    assert_eq!(
        detail(&store, "1000001").await.name,
        "Pečovatelská služba Nepomuk a okolí"
    );
    assert!(store.open_import_conflicts().await.unwrap().is_empty());
    assert!(
        store
            .resolve_import_conflict(conflicts[0].id, true)
            .await
            .is_err()
    );
    let bad = store
        .set_service_override(id, LocalField::Web, &FieldValue::Text(Some("x".into())))
        .await;
    assert!(bad.is_err(), "a list field takes a list");
}

pub async fn services_leaving_the_registry_are_ended_never_deleted(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    import(&store, four_services(), &options()).await;
    let mut next = four_services();
    next.remove(2); // 1000003 leaves the registry
    next[2].provided_to = Some(day("2026-06-30")); // 1000004's registration ended
    let report = import(&store, next, &options()).await;
    assert_eq!(report.ended, 2, "{report:?}");
    let gone = detail(&store, "1000003").await;
    assert_eq!(
        (gone.status, gone.status_since),
        (ServiceStatus::Ended, Some(day("2026-11-23")))
    );
    let ended = detail(&store, "1000004").await;
    assert_eq!(
        (ended.status, ended.status_since),
        (ServiceStatus::Ended, Some(day("2026-06-30")))
    );
    let counts = store.catalogue_counts().await.unwrap();
    assert_eq!((counts.active, counts.ended), (1, 2));
    // Ending is not repeated.
    let mut again = four_services();
    again.remove(2);
    again[2].provided_to = Some(day("2026-06-30"));
    assert_eq!(import(&store, again, &options()).await.ended, 0);
}

pub async fn failed_or_rejected_imports_change_nothing(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let empty = store.catalogue_counts().await.unwrap();
    let rejection = ImportItem::Rejected(Rejection {
        index: 1,
        identifier: Some("1000009".into()),
        path: "polozky[1].poskytovatel.ico".into(),
        message: "invalid".into(),
    });
    let with_rejection = || {
        vec![
            ImportItem::Record(0, Box::new(four_services().remove(0))),
            rejection.clone(),
        ]
    };
    let report = import_items(&store, with_rejection(), true, &options())
        .await
        .unwrap();
    assert!(!report.committed);
    assert_eq!((report.added, report.rejected.len()), (1, 1));
    assert_eq!(
        store.catalogue_counts().await.unwrap(),
        empty,
        "a rejection rolls the import back"
    );

    let dry = import_items(
        &store,
        vec![ImportItem::Record(0, Box::new(four_services().remove(0)))],
        true,
        &ImportOptions {
            dry_run: true,
            ..options()
        },
    )
    .await
    .unwrap();
    assert_eq!((dry.added, dry.committed), (1, false));
    assert_eq!(
        store.catalogue_counts().await.unwrap(),
        empty,
        "a dry run stores nothing"
    );

    let cut = import_items(
        &store,
        vec![ImportItem::Record(0, Box::new(four_services().remove(0)))],
        false,
        &options(),
    )
    .await;
    assert!(cut.unwrap_err().to_string().contains("not read to its end"));
    let failed = import_items(
        &store,
        vec![
            ImportItem::Record(0, Box::new(four_services().remove(0))),
            ImportItem::Failed("broken".into()),
        ],
        true,
        &options(),
    )
    .await;
    assert_eq!(failed.unwrap_err().to_string(), "broken");
    assert_eq!(
        store.catalogue_counts().await.unwrap(),
        empty,
        "a failed file leaves the catalogue as it was"
    );

    let duplicate = vec![four_services().remove(0), four_services().remove(0)];
    let report = import(&store, duplicate, &options()).await;
    assert_eq!(report.rejected.len(), 1);
    assert!(
        report.rejected[0]
            .message
            .contains("duplicate registration identifier, already at record 0")
    );

    let kept = import_items(
        &store,
        with_rejection(),
        true,
        &ImportOptions {
            skip_invalid: true,
            ..options()
        },
    )
    .await
    .unwrap();
    assert!(kept.committed);
    assert_eq!(
        store.catalogue_counts().await.unwrap().active,
        1,
        "with skip_invalid the valid records stay"
    );
    // No planning area: nothing to be relevant to.
    let bare = souhra_store::testing::TestDatabase::new(store.backend_kind())
        .await
        .unwrap();
    let error = import_items(&bare.store, vec![], true, &options())
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("no planning areas yet"),
        "{error}"
    );
}

pub async fn unknown_codes_are_kept_and_hidden_addresses_flagged(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    store
        .load_codelists(&souhra_interop::bundled::codelists().unwrap())
        .await
        .unwrap();
    let mut shelter = record("1000007", "Azylový dům", "558109");
    shelter.kind = "DruhSocialniSluzby/34".into();
    shelter.target_groups = vec![
        "CilovaSkupinaOsoby/99".into(),
        "CilovaSkupinaOsoby/24".into(),
    ];
    shelter.facilities[0].hidden_address = true;
    let report = import(&store, vec![shelter], &options()).await;
    assert_eq!(
        report.new_codes,
        vec![
            ("CilovaSkupinaOsoby/99".to_owned(), 1),
            ("DruhSocialniSluzby/34".to_owned(), 1)
        ]
    );
    let service = detail(&store, "1000007").await;
    assert_eq!(service.kind, "DruhSocialniSluzby/34");
    assert!(
        service
            .target_groups
            .contains(&"CilovaSkupinaOsoby/99".to_owned())
    );
    assert!(service.facilities[0].hidden_address);
    let groups = store.codelist(Codelist::TargetGroup).await.unwrap();
    let unknown = groups
        .iter()
        .find(|g| g.key == "CilovaSkupinaOsoby/99")
        .unwrap();
    assert_eq!(
        (unknown.label.as_deref(), unknown.display_label()),
        (None, "CilovaSkupinaOsoby/99")
    );
}

pub async fn generated_registry_files_import_end_to_end(store: Store) {
    use souhra_interop::registry::generate::{GeneratorOptions, generate};
    use souhra_interop::registry::{TerritoryLookup, read_registry};
    let territory = crate::plzensky_kraj();
    crate::load(&store, &territory).await;
    store
        .load_codelists(&souhra_interop::bundled::codelists().unwrap())
        .await
        .unwrap();
    store
        .create_area(&crate::area("nepomuk", "Nepomuk", crate::nepomuk_orp()))
        .await
        .unwrap();
    let mut file = Vec::new();
    let generator = GeneratorOptions {
        services: 400,
        seed: 11,
        municipalities: territory.municipalities.iter().map(|m| m.code).collect(),
        demo: false,
        today: day("2026-11-23"),
        first_identifier: 2_000_000,
    };
    generate(
        &territory,
        &souhra_interop::bundled::codelists().unwrap(),
        &generator,
        &mut file,
    )
    .unwrap();
    let lookup = TerritoryLookup::new(&territory);
    let mut items = Vec::new();
    read_registry("g.json", file.as_slice(), &lookup, |item| {
        items.push(item);
        true
    })
    .unwrap();
    let report = import_items(&store, items.clone(), true, &options())
        .await
        .unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    assert_eq!(report.read, 400);
    assert!(
        report.added > 10 && report.outside_areas > 100,
        "{report:?}"
    );
    assert_eq!(report.added + report.outside_areas, 400);
    let again = import_items(&store, items, true, &options()).await.unwrap();
    assert_eq!(
        (again.added, again.updated, again.unchanged),
        (0, 0, report.added),
        "{again:?}"
    );
}

pub async fn every_catalogue_change_moves_the_revision(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let mut seen = vec![store.catalogue_revision().await.unwrap()];
    let mut moved = async |what: &str| {
        let now = store.catalogue_revision().await.unwrap();
        assert!(
            now > *seen.last().unwrap(),
            "{what} left the revision at {now}"
        );
        seen.push(now);
    };
    import(&store, four_services(), &options()).await;
    moved("an import").await;
    let id = detail(&store, "1000001").await.id;
    store
        .set_service_override(
            id,
            LocalField::Name,
            &FieldValue::Text(Some("Jiný název".into())),
        )
        .await
        .unwrap();
    moved("a local edit").await;
    store
        .clear_service_override(id, LocalField::Name)
        .await
        .unwrap();
    moved("undoing a local edit").await;
    let mut renamed = four_services();
    renamed[0].organization.name = "Přejmenovaný poskytovatel".into();
    import(&store, renamed, &options()).await;
    moved("a provider renamed in the registry").await;
    // Reading does not move it.
    let before = store.catalogue_revision().await.unwrap();
    let all = store.catalogue_entries(None).await.unwrap();
    detail(&store, "1000001").await;
    assert_eq!(store.catalogue_revision().await.unwrap(), before);

    // Read piece by piece, the catalogue is the same, in the order asked for.
    let ids = store.service_ids().await.unwrap();
    assert_eq!(ids, all.iter().map(|(id, _)| *id).collect::<Vec<_>>());
    let picked = [ids[2], ids[0], souhra_store::records::ServiceId(-1)];
    assert_eq!(
        store.catalogue_entries_of(&picked).await.unwrap(),
        vec![all[2].clone(), all[0].clone()]
    );
}

/// A server editing the catalogue while a cron job re-imports the registry: both writers wait
/// for each other instead of failing with "database is locked".
pub async fn concurrent_writers_wait_for_each_other(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    import(&store, four_services(), &options()).await;
    let id = detail(&store, "1000001").await.id;
    let imports = async {
        for round in 0..6 {
            let mut services = four_services();
            services[1].description = Some(format!("Popis, verze {round}"));
            import(&store, services, &options()).await;
        }
    };
    let edits = async {
        for round in 0..30 {
            let name = FieldValue::Text(Some(format!("Místní název {round}")));
            store
                .set_service_override(id, LocalField::Name, &name)
                .await
                .unwrap();
            tokio::task::yield_now().await;
        }
    };
    tokio::join!(imports, edits);
    assert_eq!(detail(&store, "1000001").await.name, "Místní název 29");
}

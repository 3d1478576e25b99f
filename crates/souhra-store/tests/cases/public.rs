//! Public-site cases of the store suite (included by `store.rs`, so they run on both
//! databases): life situations, error reports, an area's places, providers.

use chrono::{TimeZone, Utc};
use souhra_core::public::{CoordinatorContact, ErrorReport, LifeSituation};
use souhra_store::Store;

use crate::catalogue::{detail, four_services, import, options, plzensky_kraj_with_nepomuk};

pub async fn life_situations_are_kept_per_area_in_order(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    assert_eq!(store.life_situations(area.id).await.unwrap(), None);
    let list = vec![
        LifeSituation {
            key: "pecuji".into(),
            title: Some("Pečuji o blízkého".into()),
            kinds: vec!["44".into(), "40".into()],
            target_groups: vec!["pecujici-osoby".into()],
        },
        LifeSituation {
            key: "dluhy".into(),
            title: None,
            kinds: vec!["37".into()],
            target_groups: Vec::new(),
        },
    ];
    store.save_life_situations(area.id, &list).await.unwrap();
    assert_eq!(
        store.life_situations(area.id).await.unwrap(),
        Some(list.clone())
    );
    let reversed: Vec<_> = list.iter().rev().cloned().collect();
    store
        .save_life_situations(area.id, &reversed)
        .await
        .unwrap();
    assert_eq!(
        store.life_situations(area.id).await.unwrap(),
        Some(reversed)
    );
    // A duplicate key breaks the primary key: nothing of the new list is kept.
    let twice = vec![list[0].clone(), list[0].clone()];
    assert!(store.save_life_situations(area.id, &twice).await.is_err());
    assert_eq!(
        store
            .life_situations(area.id)
            .await
            .unwrap()
            .map(|l| l.len()),
        Some(2)
    );
    store.save_life_situations(area.id, &[]).await.unwrap();
    assert_eq!(store.life_situations(area.id).await.unwrap(), None);
}

pub async fn error_reports_wait_in_the_queue(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    store
        .load_codelists(&souhra_interop::bundled::codelists().unwrap())
        .await
        .unwrap();
    import(&store, four_services(), &options()).await;
    let service = detail(&store, "1000001").await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    let first = ErrorReport::new("Telefon už neplatí.", "").unwrap();
    let second = ErrorReport::new("Změnila se adresa <script>.", "jana@example.cz").unwrap();
    store
        .add_error_report(service.id, Some(area.id), &first, at)
        .await
        .unwrap();
    store
        .add_error_report(service.id, None, &second, at + chrono::Duration::minutes(1))
        .await
        .unwrap();
    let queue = store.open_error_reports().await.unwrap();
    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0].report, first);
    assert_eq!(queue[0].area, Some(area.id));
    assert_eq!(queue[0].created_at, at);
    assert_eq!(queue[1].report, second);
    assert_eq!(queue[1].service, service.id);
    // A report about a service that does not exist is refused.
    assert!(
        store
            .add_error_report(souhra_store::records::ServiceId(999_999), None, &first, at)
            .await
            .is_err()
    );
    assert_eq!(store.open_error_reports().await.unwrap().len(), 2);
}

pub async fn providers_and_area_places_are_found(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    store
        .load_codelists(&souhra_interop::bundled::codelists().unwrap())
        .await
        .unwrap();
    import(&store, four_services(), &options()).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let places = store.area_places(area.id).await.unwrap();
    assert_eq!(places.len(), 26);
    assert!(
        places
            .iter()
            .all(|p| p.orp.get() == 3207 && p.region.get() == 43)
    );
    let nepomuk = places.iter().find(|p| p.code.get() == 558109).unwrap();
    assert!(nepomuk.point.is_some());

    let service = detail(&store, "1000001").await;
    let provider = store
        .organization(service.organization.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(provider, service.organization);
    let services = store.services_of_organization(provider.id).await.unwrap();
    assert!(services.iter().any(|s| s.id == service.id));
    assert!(store.organization(-1).await.unwrap().is_none());
    let found = store
        .services(&[souhra_store::records::ServiceId(-5), service.id])
        .await
        .unwrap();
    assert_eq!(found, [service]);
}

pub async fn coordinator_contacts_are_kept_per_area_and_move_the_revision(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    assert_eq!(store.coordinator_contact(area.id).await.unwrap(), None);
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let contact = CoordinatorContact {
        office: Some("Odbor sociálních věcí, Městský úřad Nepomuk".into()),
        email: Some("socialni@nepomuk.example".into()),
        ..CoordinatorContact::default()
    };
    let before = store.catalogue_revision().await.unwrap();
    store
        .save_coordinator_contact(area.id, Some(&contact), at)
        .await
        .unwrap();
    let after = store.catalogue_revision().await.unwrap();
    assert!(after > before, "{before} → {after}");
    assert_eq!(
        store.coordinator_contact(area.id).await.unwrap(),
        Some(contact.clone())
    );
    let changed = CoordinatorContact {
        phone: Some("+420 371 591 111".into()),
        ..contact
    };
    store
        .save_coordinator_contact(area.id, Some(&changed), at)
        .await
        .unwrap();
    assert_eq!(
        store.coordinator_contact(area.id).await.unwrap(),
        Some(changed)
    );
    store
        .save_coordinator_contact(area.id, None, at)
        .await
        .unwrap();
    assert_eq!(store.coordinator_contact(area.id).await.unwrap(), None);
    assert!(store.catalogue_revision().await.unwrap() > after);
}

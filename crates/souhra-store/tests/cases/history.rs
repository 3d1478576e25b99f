//! History and moderation cases of the store suite (included by `store.rs`, so they run on both
//! databases): change sets, restore, proposals, settled reports, the audit log.

use chrono::{Duration, TimeZone, Utc};
use souhra_core::account::{AccountId, Email};
use souhra_core::catalogue::{FieldValue, LocalField};
use souhra_core::codelist::Codelist;
use souhra_core::public::ErrorReport;
use souhra_store::history::{AuditFilter, ChangeSource, ProposalStatus, ServiceChange};
use souhra_store::{Store, StoreError};

use crate::catalogue::{detail, four_services, import, options, plzensky_kraj_with_nepomuk};

fn at(minute: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::minutes(minute)
}

fn change(by: AccountId, source: ChangeSource, minute: i64) -> ServiceChange<'static> {
    ServiceChange {
        by: Some(by),
        area: None,
        source,
        note: None,
        at: at(minute),
    }
}

fn text(value: &str) -> Option<FieldValue> {
    Some(FieldValue::Text(Some(value.into())))
}

async fn catalogue_with_accounts(store: &Store) -> (AccountId, AccountId) {
    plzensky_kraj_with_nepomuk(store).await;
    store
        .load_codelists(&souhra_interop::bundled::codelists().unwrap())
        .await
        .unwrap();
    import(store, four_services(), &options()).await;
    let coordinator = store
        .create_account(
            &Email::parse("k@nepomuk.cz").unwrap(),
            "Koordinátorka",
            None,
            &[],
            at(0),
        )
        .await
        .unwrap();
    let editor = store
        .create_account(
            &Email::parse("p@poskytovatel.cz").unwrap(),
            "Editor",
            None,
            &[],
            at(0),
        )
        .await
        .unwrap();
    (coordinator, editor)
}

pub async fn changes_are_kept_per_field_and_earlier_versions_come_back(store: Store) {
    let (coordinator, _) = catalogue_with_accounts(&store).await;
    let service = detail(&store, "1000001").await;
    let first = store
        .change_service(
            service.id,
            &[
                (LocalField::Description, text("Pomoc doma, i o víkendech.")),
                (
                    LocalField::Phones,
                    Some(FieldValue::List(vec!["+420 371 111 222".into()])),
                ),
            ],
            &change(coordinator, ChangeSource::Edit, 1),
        )
        .await
        .unwrap()
        .unwrap();
    // The same values again change nothing and leave no record.
    assert_eq!(
        store
            .change_service(
                service.id,
                &[(LocalField::Description, text("Pomoc doma, i o víkendech."))],
                &change(coordinator, ChangeSource::Edit, 2),
            )
            .await
            .unwrap(),
        None
    );
    let second = store
        .change_service(
            service.id,
            &[
                (LocalField::Description, text("Jen ve všední dny.")),
                (LocalField::Phones, None),
            ],
            &change(coordinator, ChangeSource::Edit, 3),
        )
        .await
        .unwrap()
        .unwrap();
    assert!(second > first);
    let now = store.service(service.id).await.unwrap().unwrap();
    assert_eq!(now.description.as_deref(), Some("Jen ve všední dny."));
    assert_eq!(now.contacts.phones, service.contacts.phones);

    let history = store.service_history(service.id).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].id, second);
    assert_eq!(history[0].account_name.as_deref(), Some("Koordinátorka"));
    assert_eq!(history[0].source, ChangeSource::Edit);
    let description = history[0]
        .fields
        .iter()
        .find(|f| f.field == "description")
        .unwrap();
    assert_eq!(description.before, text("Pomoc doma, i o víkendech."));
    assert_eq!(description.after, text("Jen ve všední dny."));
    let phones = history[0]
        .fields
        .iter()
        .find(|f| f.field == "phones")
        .unwrap();
    assert_eq!(phones.after, None);

    // Back to the version right after the first change: recorded as a change of its own.
    let restored = store
        .restore_service(
            service.id,
            first,
            &change(coordinator, ChangeSource::Restore, 4),
        )
        .await
        .unwrap()
        .unwrap();
    let now = store.service(service.id).await.unwrap().unwrap();
    assert_eq!(
        now.description.as_deref(),
        Some("Pomoc doma, i o víkendech.")
    );
    assert_eq!(now.contacts.phones, vec!["+420 371 111 222".to_owned()]);
    let history = store.service_history(service.id).await.unwrap();
    assert_eq!(
        (history[0].id, history[0].source),
        (restored, ChangeSource::Restore)
    );
    // Only this service's versions can come back.
    let registry = store
        .restore_service(
            service.id,
            first - 1,
            &change(coordinator, ChangeSource::Restore, 5),
        )
        .await;
    assert!(
        matches!(registry, Err(StoreError::NotFound(_))),
        "{registry:?}"
    );
    // A version of another service is not this one's.
    let other = detail(&store, "1000003").await;
    assert!(matches!(
        store
            .restore_service(
                other.id,
                first,
                &change(coordinator, ChangeSource::Restore, 5)
            )
            .await,
        Err(StoreError::NotFound(_))
    ));
    // A bad value changes nothing at all.
    let bad = store
        .change_service(
            service.id,
            &[
                (LocalField::Description, text("Nový popis")),
                (LocalField::Name, Some(FieldValue::Text(None))),
            ],
            &change(coordinator, ChangeSource::Edit, 6),
        )
        .await;
    assert!(matches!(bad, Err(StoreError::Invalid(_))), "{bad:?}");
    assert_eq!(store.service_history(service.id).await.unwrap().len(), 3);
    let verified = store
        .verify_service(
            service.id,
            &change(coordinator, ChangeSource::Verification, 7),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .service(service.id)
            .await
            .unwrap()
            .unwrap()
            .verified_at,
        Some(at(7))
    );
    let history = store.service_history(service.id).await.unwrap();
    assert_eq!(history[0].id, verified);
    assert_eq!(history[0].fields[0].field, "verified_at");
}

pub async fn proposals_wait_for_a_decision_made_once(store: Store) {
    let (coordinator, editor) = catalogue_with_accounts(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let service = detail(&store, "1000001").await;
    let fields = vec![
        (
            LocalField::Fees,
            FieldValue::Text(Some("130 Kč za hodinu".into())),
        ),
        (
            LocalField::Emails,
            FieldValue::List(vec!["pecovatelska@nepomuk.cz".into()]),
        ),
    ];
    let first = store
        .propose_change(
            service.id,
            Some(area.id),
            &fields,
            Some("Nový ceník"),
            Some(editor),
            at(1),
        )
        .await
        .unwrap();
    let second = store
        .propose_change(
            service.id,
            Some(area.id),
            &fields[..1],
            None,
            Some(editor),
            at(2),
        )
        .await
        .unwrap();
    // Proposals change nothing until approved.
    assert_eq!(
        store.service(service.id).await.unwrap().unwrap().fees,
        service.fees
    );
    let queue = store.open_proposals(area.id).await.unwrap();
    assert_eq!(
        queue.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![first, second]
    );
    assert_eq!(queue[0].fields, fields);
    assert_eq!(queue[0].message.as_deref(), Some("Nový ceník"));

    let approved = store
        .decide_proposal(first, true, None, coordinator, at(3))
        .await
        .unwrap();
    assert_eq!(approved.status, ProposalStatus::Approved);
    assert_eq!(approved.proposed_by, Some(editor));
    let now = store.service(service.id).await.unwrap().unwrap();
    assert_eq!(now.fees.as_deref(), Some("130 Kč za hodinu"));
    assert_eq!(
        now.contacts.emails,
        vec!["pecovatelska@nepomuk.cz".to_owned()]
    );
    let history = store.service_history(service.id).await.unwrap();
    assert_eq!(history[0].source, ChangeSource::Moderation);
    assert_eq!(history[0].account, Some(coordinator));
    assert!(matches!(
        store
            .decide_proposal(first, false, Some("x"), coordinator, at(4))
            .await,
        Err(StoreError::Conflict(_))
    ));
    let rejected = store
        .decide_proposal(
            second,
            false,
            Some("Ceník platí až od ledna."),
            coordinator,
            at(4),
        )
        .await
        .unwrap();
    assert_eq!(rejected.reason.as_deref(), Some("Ceník platí až od ledna."));
    assert!(store.open_proposals(area.id).await.unwrap().is_empty());
    assert_eq!(
        store.proposals_of_service(service.id).await.unwrap().len(),
        2
    );
    // A proposal of a wrong shape is refused.
    assert!(
        store
            .propose_change(
                service.id,
                Some(area.id),
                &[(LocalField::Web, FieldValue::Text(None))],
                None,
                Some(editor),
                at(5)
            )
            .await
            .is_err()
    );

    // Error reports land in the same area's queue, with their field, and are settled once.
    let mut report = ErrorReport::new("Telefon už neplatí, volejte jinam.", "").unwrap();
    report.field = Some(LocalField::Phones);
    let id = store
        .add_error_report(service.id, Some(area.id), &report, at(6))
        .await
        .unwrap();
    let reports = store.open_reports_in(area.id).await.unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].report.field, Some(LocalField::Phones));
    store
        .settle_error_report(id, true, Some("Opraveno."), coordinator, at(7))
        .await
        .unwrap();
    assert!(store.open_reports_in(area.id).await.unwrap().is_empty());
    assert!(matches!(
        store
            .settle_error_report(id, false, None, coordinator, at(8))
            .await,
        Err(StoreError::Conflict(_))
    ));

    // The audit log, newest first, filtered by area, account, action and time.
    let all = store
        .audit_log(&AuditFilter {
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = all.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "report.resolve",
            "proposal.reject",
            "proposal.approve",
            "service.moderation",
            "proposal.submit",
            "proposal.submit",
        ]
    );
    let by_editor = store
        .audit_log(&AuditFilter {
            email: Some("p@poskytovatel.cz".into()),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(by_editor.len(), 2);
    let proposals = store
        .audit_log(&AuditFilter {
            action: Some("proposal.".into()),
            area: Some(area.id),
            from: Some(at(2)),
            to: Some(at(4)),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(
        proposals
            .iter()
            .map(|e| e.action.as_str())
            .collect::<Vec<_>>(),
        vec!["proposal.approve", "proposal.submit"]
    );
    assert_eq!(
        store
            .audit_log(&AuditFilter {
                limit: 2,
                ..AuditFilter::default()
            })
            .await
            .unwrap()
            .len(),
        2
    );
}

pub async fn reimports_leave_registry_changes_in_the_history(store: Store) {
    let (coordinator, _) = catalogue_with_accounts(&store).await;
    let service = detail(&store, "1000001").await;
    store
        .change_service(
            service.id,
            &[(LocalField::Fees, text("Zdarma."))],
            &change(coordinator, ChangeSource::Edit, 1),
        )
        .await
        .unwrap()
        .unwrap();
    // The registry renames one service, ends another (it leaves the file) and keeps the rest.
    let mut next = four_services();
    next[0].name = "Pečovatelská služba Nepomuk a okolí".into();
    next[0].contacts.phones = vec!["+420 371 591 111".into()];
    next.remove(2);
    import(&store, next.clone(), &options()).await;
    let history = store.service_history(service.id).await.unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    let newest = &history[0];
    assert_eq!(newest.source, ChangeSource::Registry);
    assert_eq!(newest.account, None);
    let fields: Vec<&str> = newest.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["registry.name", "registry.phones"]);
    assert_eq!(newest.fields[0].before, text("Pečovatelská služba Nepomuk"));
    assert_eq!(
        newest.fields[0].after,
        text("Pečovatelská služba Nepomuk a okolí")
    );
    let ended = detail(&store, "1000003").await;
    let ended_history = store.service_history(ended.id).await.unwrap();
    assert_eq!(ended_history.len(), 1);
    assert_eq!(ended_history[0].fields[0].field, "registry.status");
    assert_eq!(ended_history[0].fields[0].before, text("active"));
    assert_eq!(ended_history[0].fields[0].after, text("ended"));
    // An unchanged re-import adds nothing.
    import(&store, next, &options()).await;
    assert_eq!(store.service_history(service.id).await.unwrap().len(), 2);
    // Restoring the version before the registry's change leaves registry data alone: it only
    // brings local values back (here: none was changed since, so nothing happens).
    assert_eq!(
        store
            .restore_service(
                service.id,
                history[1].id,
                &change(coordinator, ChangeSource::Restore, 5)
            )
            .await
            .unwrap(),
        None
    );
    let log = store
        .audit_log(&AuditFilter {
            action: Some("service.registry".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
}

pub async fn display_labels_replace_official_ones_all_or_nothing(store: Store) {
    let (coordinator, _) = catalogue_with_accounts(&store).await;
    let kinds = store.codelist(Codelist::ServiceKind).await.unwrap();
    let (first, second) = (kinds[0].key.clone(), kinds[1].key.clone());
    let revision = store.catalogue_revision().await.unwrap();
    let changed = store
        .set_display_labels(
            Codelist::ServiceKind,
            &[(&first, Some("  Poradenství  ")), (&second, None)],
            Some(coordinator),
            at(1),
        )
        .await
        .unwrap();
    assert_eq!(changed, 1);
    assert!(store.catalogue_revision().await.unwrap() > revision);
    assert_eq!(
        store.display_labels().await.unwrap(),
        [(
            Codelist::ServiceKind,
            first.clone(),
            "Poradenství".to_owned()
        )]
    );
    // The official label stays where it was.
    assert_eq!(
        store.codelist(Codelist::ServiceKind).await.unwrap()[0].label,
        kinds[0].label
    );
    // One bad entry and nothing changes: not the good one before it either.
    let too_long = "x".repeat(souhra_store::codelist::DISPLAY_LABEL_MAX + 1);
    let failed = store
        .set_display_labels(
            Codelist::ServiceKind,
            &[(&first, None), (&second, Some(too_long.as_str()))],
            Some(coordinator),
            at(2),
        )
        .await;
    assert!(matches!(failed, Err(StoreError::Invalid(_))), "{failed:?}");
    let unknown = store
        .set_display_labels(
            Codelist::TargetGroup,
            &[("neni-takova", Some("Nic"))],
            None,
            at(2),
        )
        .await;
    assert!(
        matches!(unknown, Err(StoreError::NotFound(_))),
        "{unknown:?}"
    );
    assert_eq!(store.display_labels().await.unwrap().len(), 1);
    // Clearing brings the official label back, and is logged.
    assert_eq!(
        store
            .set_display_labels(Codelist::ServiceKind, &[(&first, Some(" "))], None, at(3))
            .await
            .unwrap(),
        1
    );
    assert!(store.display_labels().await.unwrap().is_empty());
    let log = store
        .audit_log(&AuditFilter {
            action: Some("codelist.".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(log.len(), 2);
    assert!(
        log[0]
            .detail
            .as_deref()
            .unwrap()
            .ends_with("Poradenství -> -")
    );
}

pub async fn a_service_serves_an_area_as_the_area_list_says(store: Store) {
    catalogue_with_accounts(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let listed: Vec<_> = store
        .services_in_area(area.id)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    // Imported with --all, so a service outside the area is in the catalogue too.
    import(
        &store,
        four_services(),
        &souhra_core::import::ImportOptions {
            all: true,
            ..options()
        },
    )
    .await;
    let all = store.service_ids().await.unwrap();
    assert_eq!(all.len(), 4);
    for id in all {
        assert_eq!(
            store.service_serves_area(area.id, id).await.unwrap(),
            listed.contains(&id),
            "{id:?}"
        );
    }
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(
        !store
            .service_serves_area(area.id, souhra_store::records::ServiceId(-1))
            .await
            .unwrap()
    );
}

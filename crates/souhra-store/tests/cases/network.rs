//! Network cases of the store suite (included by `store.rs`, so they run on both databases):
//! services joining a network with their capacity and planned money, the refusals, versions,
//! actual money and plans' inputs.

use souhra_core::codelist::Form;
use souhra_core::network::{NetworkCapacity, NetworkType};
use souhra_core::plan::{BudgetLine, ElementKind, FundingSource, Period, PlanKind, PlanStatus};
use souhra_store::network::{MeasureRef, NetworkEntry};
use souhra_store::plan::{ElementContent, ElementDetails, NewPlan, PlanId};
use souhra_store::{Store, StoreError};

use crate::catalogue::{detail, four_services, import, options, plzensky_kraj_with_nepomuk};
use crate::plan::{change, through_comment};

fn clients(count: u32) -> Vec<NetworkCapacity> {
    vec![NetworkCapacity {
        form: Form::Field,
        capacity_type: "TypKapacitySocialniSluzby/klient".into(),
        count,
    }]
}

fn entry(service: souhra_store::records::ServiceId, count: u32) -> NetworkEntry {
    NetworkEntry {
        service,
        network_type: NetworkType::Basic,
        capacities: clients(count),
        justification: Some("Jediná pečovatelská služba v ORP.".into()),
        measures: Vec::new(),
        planned: vec![
            (FundingSource::Region, 1_200_000),
            (FundingSource::Municipality, 300_000),
        ],
    }
}

fn invalid(result: Result<impl std::fmt::Debug, StoreError>, needle: &str) {
    match result {
        Err(StoreError::Invalid(message)) => {
            assert!(message.contains(needle), "{message:?} lacks {needle:?}");
        }
        other => panic!("expected a refusal naming {needle:?}, got {other:?}"),
    }
}

pub async fn a_network_holds_services_within_their_registered_capacity(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    import(&store, four_services(), &options()).await;
    let mut services = four_services();
    services[3].provided_to = Some(chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
    import(&store, services, &options()).await;
    let nepomuk = detail(&store, "1000001").await.id;
    let ended = detail(&store, "1000004").await.id;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let (plan, v1) = store
        .create_plan(
            &NewPlan {
                area,
                kind: PlanKind::ServiceNetwork,
                title: "Síť sociálních služeb ORP Nepomuk 2027".into(),
                topic: None,
                period: Period::new(PlanKind::ServiceNetwork, 2027, 2027).unwrap(),
            },
            change(0),
        )
        .await
        .unwrap();
    // Refusals, each leaving the version empty.
    invalid(
        store
            .save_network_entry(v1, None, &entry(ended, 10), change(1))
            .await,
        "has ended (2026-06-30)",
    );
    invalid(
        store
            .save_network_entry(v1, None, &entry(nepomuk, 31), change(1))
            .await,
        "above the registered 30",
    );
    let mut negative = entry(nepomuk, 10);
    negative.planned = vec![(FundingSource::Region, -1)];
    invalid(
        store
            .save_network_entry(v1, None, &negative, change(1))
            .await,
        "negative",
    );
    let mut no_measure = entry(nepomuk, 10);
    no_measure.measures = vec![MeasureRef {
        plan: plan.0,
        key: souhra_core::plan::ElementKey::parse("e99").unwrap(),
    }];
    invalid(
        store
            .save_network_entry(v1, None, &no_measure, change(1))
            .await,
        "no measure e99",
    );
    // Network entries come only through their own path.
    invalid(
        store
            .add_plan_element(
                v1,
                ElementKind::NetworkEntry,
                None,
                &ElementContent {
                    title: "X".into(),
                    body: None,
                    details: ElementDetails::default(),
                },
                change(1),
            )
            .await,
        "save_network_entry",
    );
    assert!(store.plan_elements(v1).await.unwrap().is_empty());
    assert!(store.plan_budget(v1).await.unwrap().is_empty());

    // A service joins with 25 of its 30 clients.
    let key = store
        .save_network_entry(v1, None, &entry(nepomuk, 25), change(2))
        .await
        .unwrap();
    invalid(
        store
            .save_network_entry(v1, None, &entry(nepomuk, 5), change(3))
            .await,
        "already in this network",
    );
    let elements = store.plan_elements(v1).await.unwrap();
    assert_eq!(elements.len(), 1);
    let stored = &elements[0];
    assert_eq!(
        (stored.kind, stored.title.as_str()),
        (ElementKind::NetworkEntry, "Pečovatelská služba Nepomuk")
    );
    let details = stored.details.network.clone().unwrap();
    assert_eq!(
        (details.service, details.capacities),
        (nepomuk.0, clients(25))
    );
    assert_eq!(
        store.plan_budget(v1).await.unwrap(),
        vec![
            (
                key.clone(),
                BudgetLine {
                    year: 2027,
                    source: FundingSource::Municipality,
                    amount: 300_000
                }
            ),
            (
                key.clone(),
                BudgetLine {
                    year: 2027,
                    source: FundingSource::Region,
                    amount: 1_200_000
                }
            ),
        ]
    );
    // A stale save is a conflict; a current one replaces capacity and money.
    let mut optional = entry(nepomuk, 30);
    optional.network_type = NetworkType::Optional;
    optional.planned = vec![(FundingSource::Mpsv, 800_000)];
    assert!(matches!(
        store
            .save_network_entry(v1, Some((&key, 7)), &optional, change(3))
            .await,
        Err(StoreError::Conflict(_))
    ));
    store
        .save_network_entry(v1, Some((&key, stored.revision)), &optional, change(3))
        .await
        .unwrap();
    let budget = store.plan_budget(v1).await.unwrap();
    assert_eq!(budget.len(), 1);
    assert_eq!(budget[0].1.source, FundingSource::Mpsv);
    // The network goes through comment and approval like a plan; a new version keeps the key.
    assert!(matches!(
        store
            .set_plan_status(v1, PlanStatus::Approved, Some(&approval()), change(4))
            .await,
        Err(StoreError::Invalid(_))
    ));
    through_comment(&store, v1, 4).await;
    store
        .set_plan_status(v1, PlanStatus::Approved, Some(&approval()), change(6))
        .await
        .unwrap();
    invalid(
        store
            .save_network_entry(v1, Some((&key, stored.revision + 1)), &optional, change(7))
            .await,
        "can no longer change",
    );
    let v2 = store.new_plan_version(plan, change(8)).await.unwrap();
    let copied = store.plan_elements(v2).await.unwrap();
    assert_eq!(copied[0].key, key);
    assert_eq!(copied[0].details.network, stored_network(&store, v1).await);

    // Money actually paid belongs to the plan, for any year; negative money is refused.
    store
        .record_funding_actual(
            plan,
            &key,
            2027,
            &[(FundingSource::Mpsv, 750_000), (FundingSource::Mpsv, 10)],
            change(9),
        )
        .await
        .unwrap();
    invalid(
        store
            .record_funding_actual(plan, &key, 2027, &[(FundingSource::Region, -5)], change(9))
            .await,
        "negative",
    );
    assert_eq!(
        store.funding_actuals(plan).await.unwrap(),
        vec![(
            key.clone(),
            BudgetLine {
                year: 2027,
                source: FundingSource::Mpsv,
                amount: 750_010
            }
        )]
    );
    assert!(matches!(
        store
            .record_funding_actual(
                plan,
                &souhra_core::plan::ElementKey::parse("e77").unwrap(),
                2027,
                &[],
                change(9)
            )
            .await,
        Err(StoreError::NotFound(_))
    ));
}

async fn stored_network(
    store: &Store,
    version: souhra_store::plan::VersionId,
) -> Option<souhra_store::network::NetworkDetails> {
    store.plan_elements(version).await.unwrap()[0]
        .details
        .network
        .clone()
}

fn approval() -> souhra_core::plan::Approval {
    souhra_core::plan::Approval::new(
        "RK/12/2026",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        "Rada Plzeňského kraje",
    )
    .unwrap()
}

pub async fn a_plan_names_the_plans_it_draws_on(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let plan = |kind, from, to, title: &str| NewPlan {
        area,
        kind,
        title: title.into(),
        topic: None,
        period: Period::new(kind, from, to).unwrap(),
    };
    let (region, _) = store
        .create_plan(
            &plan(PlanKind::CommunityPlan, 2026, 2028, "Střednědobý plán"),
            change(0),
        )
        .await
        .unwrap();
    let (orp, _) = store
        .create_plan(
            &plan(PlanKind::CommunityPlan, 2026, 2028, "Plán ORP"),
            change(0),
        )
        .await
        .unwrap();
    let (yearly, _) = store
        .create_plan(
            &plan(PlanKind::ImplementationPlan, 2026, 2026, "Realizační plán"),
            change(0),
        )
        .await
        .unwrap();
    store
        .set_plan_inputs(region, &[orp, orp], change(1))
        .await
        .unwrap();
    assert_eq!(store.plan_inputs(region).await.unwrap(), vec![orp]);
    assert_eq!(store.plans_drawing_on(orp).await.unwrap(), vec![region]);
    invalid(
        store.set_plan_inputs(region, &[region], change(2)).await,
        "its own input",
    );
    invalid(
        store.set_plan_inputs(region, &[yearly], change(2)).await,
        "only community and action plans",
    );
    invalid(
        store
            .set_plan_inputs(region, &[PlanId(999_999)], change(2))
            .await,
        "does not exist",
    );
    // A refused list changes nothing.
    assert_eq!(store.plan_inputs(region).await.unwrap(), vec![orp]);
    store.set_plan_inputs(region, &[], change(3)).await.unwrap();
    assert!(store.plan_inputs(region).await.unwrap().is_empty());
}

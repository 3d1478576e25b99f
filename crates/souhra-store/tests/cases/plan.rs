//! Planning cases of the store suite (included by `store.rs`, so they run on both databases):
//! plans and versions, the content tree with stable keys, revision checks, the status
//! workflow, budgets, indicators and their values.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use souhra_core::plan::{
    ActivityStatus, Approval, BudgetLine, Direction, ElementKey, ElementKind, FundingSource,
    Indicator, IndicatorStatus, Period, PlanKind, PlanStatus, YearValue, indicator_status,
};
use souhra_store::plan::{
    ActivityReport, ElementContent, ElementDetails, ImportedElement, NewPlan, OutcomeEntry,
    PlanChange, VersionId,
};
use souhra_store::{Store, StoreError};

use crate::catalogue::plzensky_kraj_with_nepomuk;

pub(crate) fn change(minute: i64) -> PlanChange {
    PlanChange {
        by: None,
        at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::minutes(minute),
    }
}

/// Takes a draft through a comment period closed at once (nobody commented).
pub(crate) async fn through_comment(store: &Store, version: VersionId, minute: i64) {
    let day = change(minute).at.date_naive();
    let period = store
        .open_comment_period(version, day, day + Duration::days(13), None, change(minute))
        .await
        .unwrap();
    store
        .close_comment_period(period, change(minute))
        .await
        .unwrap();
}

fn content(title: &str) -> ElementContent {
    ElementContent {
        title: title.into(),
        body: None,
        details: ElementDetails::default(),
    }
}

fn community_plan(area: souhra_core::area::AreaId) -> NewPlan {
    NewPlan {
        area,
        kind: PlanKind::CommunityPlan,
        title: "Komunitní plán sociálních služeb ORP Nepomuk 2026–2028".into(),
        topic: None,
        period: Period::new(PlanKind::CommunityPlan, 2026, 2028).unwrap(),
    }
}

fn approval() -> Approval {
    Approval::new(
        "ZM/45/2026",
        NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
        "Zastupitelstvo města Nepomuk",
    )
    .unwrap()
}

pub async fn plans_keep_keys_across_versions_and_freeze_when_approved(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let (plan, v1) = store
        .create_plan(&community_plan(area), change(0))
        .await
        .unwrap();
    let add = |kind, parent: Option<ElementKey>, title: &'static str| {
        let store = store.clone();
        async move {
            store
                .add_plan_element(v1, kind, parent.as_ref(), &content(title), change(1))
                .await
        }
    };
    let chapter = add(ElementKind::Chapter, None, "Analýza").await.unwrap();
    let priority = add(ElementKind::Priority, None, "Senioři doma")
        .await
        .unwrap();
    let goal = add(ElementKind::Goal, Some(priority.clone()), "Dostupná péče")
        .await
        .unwrap();
    let measure = add(ElementKind::Measure, Some(goal.clone()), "Posílit terén")
        .await
        .unwrap();
    let second = add(
        ElementKind::Measure,
        Some(goal.clone()),
        "Odlehčovací služba",
    )
    .await
    .unwrap();
    let activity = add(ElementKind::Activity, Some(measure.clone()), "Nový úvazek")
        .await
        .unwrap();
    // The structure is checked: a measure does not go under a priority, an activity needs a
    // parent, and a missing parent is named.
    for (kind, parent) in [
        (ElementKind::Measure, Some(priority.clone())),
        (ElementKind::Activity, None),
        (ElementKind::Goal, Some(ElementKey::parse("e999").unwrap())),
        (ElementKind::Priority, Some(priority.clone())),
    ] {
        let refused = add(kind, parent, "Špatně").await;
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{refused:?}"
        );
    }
    let tree: Vec<_> = store
        .plan_elements(v1)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.key)
        .collect();
    assert_eq!(
        tree,
        [
            chapter.clone(),
            priority.clone(),
            goal.clone(),
            measure.clone(),
            activity.clone(),
            second.clone()
        ]
    );
    // Reordering among siblings: the second measure moves before the first (its activity goes
    // with the first), and nothing moves past the ends.
    assert!(
        store
            .move_plan_element(v1, &second, true, change(1))
            .await
            .unwrap()
    );
    assert!(
        !store
            .move_plan_element(v1, &second, true, change(1))
            .await
            .unwrap()
    );
    let keys = |elements: Vec<souhra_store::plan::Element>| -> Vec<ElementKey> {
        elements.into_iter().map(|e| e.key).collect()
    };
    assert_eq!(
        keys(store.plan_elements(v1).await.unwrap()),
        [
            chapter.clone(),
            priority.clone(),
            goal.clone(),
            second.clone(),
            measure.clone(),
            activity.clone()
        ]
    );
    assert!(
        store
            .move_plan_element(v1, &second, false, change(1))
            .await
            .unwrap()
    );
    assert!(
        !store
            .move_plan_element(v1, &chapter, true, change(1))
            .await
            .unwrap()
    );

    // Two people edit the same measure: the second save is refused, nothing is overwritten.
    let mut details = ElementDetails {
        target_groups: vec!["senioři".into()],
        responsible_organization: Some("Město Nepomuk".into()),
        start: NaiveDate::from_ymd_opt(2026, 1, 1),
        end: NaiveDate::from_ymd_opt(2027, 12, 31),
        ..ElementDetails::default()
    };
    let first = ElementContent {
        title: "Posílit terénní péči".into(),
        body: Some("Dva nové úvazky.".into()),
        details: details.clone(),
    };
    let revision = store
        .update_plan_element(v1, &measure, 1, &first, change(2))
        .await
        .unwrap();
    assert_eq!(revision, 2);
    let late = store
        .update_plan_element(v1, &measure, 1, &content("Můj přepis"), change(3))
        .await;
    assert!(matches!(late, Err(StoreError::Conflict(_))), "{late:?}");
    let saved = store
        .plan_elements(v1)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.key == measure)
        .unwrap();
    assert_eq!(
        (saved.title.as_str(), saved.revision),
        ("Posílit terénní péči", 2)
    );
    assert_eq!(saved.details, details);
    // Reversed dates are refused.
    details.end = NaiveDate::from_ymd_opt(2025, 1, 1);
    let reversed = ElementContent {
        details: details.clone(),
        ..first.clone()
    };
    assert!(matches!(
        store
            .update_plan_element(v1, &measure, 2, &reversed, change(3))
            .await,
        Err(StoreError::Invalid(_))
    ));
    // A parent with children cannot go; a leaf can.
    assert!(matches!(
        store.remove_plan_element(v1, &measure, change(3)).await,
        Err(StoreError::Invalid(_))
    ));
    store
        .remove_plan_element(v1, &second, change(3))
        .await
        .unwrap();

    // Budget and indicators.
    store
        .set_plan_budget(
            v1,
            &activity,
            &[
                BudgetLine {
                    year: 2026,
                    source: FundingSource::Municipality,
                    amount: 400_000,
                },
                BudgetLine {
                    year: 2026,
                    source: FundingSource::Municipality,
                    amount: 50_000,
                },
                BudgetLine {
                    year: 2027,
                    source: FundingSource::Mpsv,
                    amount: 300_000,
                },
            ],
            change(4),
        )
        .await
        .unwrap();
    let budget = store.plan_budget(v1).await.unwrap();
    assert_eq!(budget.len(), 2);
    assert_eq!(budget[0].1.amount, 450_000);
    let negative = store
        .set_plan_budget(
            v1,
            &activity,
            &[BudgetLine {
                year: 2026,
                source: FundingSource::Other,
                amount: -1,
            }],
            change(4),
        )
        .await;
    assert!(matches!(negative, Err(StoreError::Invalid(_))));
    assert_eq!(store.plan_budget(v1).await.unwrap(), budget);
    let clients = Indicator {
        key: ElementKey::parse("klienti").unwrap(),
        name: "Klienti pečovatelské služby".into(),
        unit: "osob".into(),
        baseline: YearValue {
            year: 2025,
            value: 80.0,
        },
        target: YearValue {
            year: 2028,
            value: 110.0,
        },
        direction: Direction::Increase,
    };
    store
        .set_plan_indicators(v1, &measure, std::slice::from_ref(&clients), change(5))
        .await
        .unwrap();
    let mut wrong_way = clients.clone();
    wrong_way.target.value = 10.0;
    assert!(matches!(
        store
            .set_plan_indicators(v1, &measure, &[wrong_way], change(5))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(store.plan_indicators(v1).await.unwrap().len(), 1);

    // Through comment to approval and into force; then frozen.
    assert!(matches!(
        store
            .set_plan_status(v1, PlanStatus::Approved, Some(&approval()), change(6))
            .await,
        Err(StoreError::Invalid(_))
    ));
    through_comment(&store, v1, 6).await;
    assert!(matches!(
        store
            .set_plan_status(v1, PlanStatus::Approved, None, change(7))
            .await,
        Err(StoreError::Invalid(_))
    ));
    store
        .set_plan_status(v1, PlanStatus::Approved, Some(&approval()), change(7))
        .await
        .unwrap();
    store
        .set_plan_status(v1, PlanStatus::InForce, None, change(8))
        .await
        .unwrap();
    assert!(matches!(
        store
            .update_plan_element(v1, &measure, 2, &content("Po schválení"), change(9))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .add_plan_element(v1, ElementKind::Chapter, None, &content("Nová"), change(9))
            .await,
        Err(StoreError::Invalid(_))
    ));

    // Measured values belong to the plan; the status follows from them.
    for (year, value) in [(2026, 92.0), (2027, 101.0)] {
        store
            .record_indicator_value(plan, &clients.key, YearValue { year, value }, change(10))
            .await
            .unwrap();
    }
    store
        .record_indicator_value(
            plan,
            &clients.key,
            YearValue {
                year: 2027,
                value: 100.0,
            },
            change(11),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .record_indicator_value(
                plan,
                &ElementKey::parse("neni").unwrap(),
                YearValue {
                    year: 2026,
                    value: 1.0
                },
                change(11)
            )
            .await,
        Err(StoreError::NotFound(_))
    ));
    let values: Vec<YearValue> = store
        .indicator_values(plan)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(values.len(), 2);
    assert_eq!(values[1].value, 100.0);
    assert_eq!(
        indicator_status(&clients, &values),
        IndicatorStatus::OnTrack
    );

    // A new draft starts from the version in force with the same keys; the old one stays.
    let v2 = store.new_plan_version(plan, change(12)).await.unwrap();
    assert!(matches!(
        store.new_plan_version(plan, change(12)).await,
        Err(StoreError::Invalid(_))
    ));
    let copied: Vec<_> = store
        .plan_elements(v2)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.key, e.title))
        .collect();
    let original: Vec<_> = store
        .plan_elements(v1)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.key, e.title))
        .collect();
    assert_eq!(copied, original);
    assert_eq!(store.plan_budget(v2).await.unwrap(), budget);
    store
        .update_plan_element(v2, &measure, 1, &content("Posílit terén 2027"), change(13))
        .await
        .unwrap();
    let next = store
        .add_plan_element(
            v2,
            ElementKind::Chapter,
            None,
            &content("Dodatek"),
            change(13),
        )
        .await
        .unwrap();
    assert!(
        !original.iter().any(|(k, _)| *k == next),
        "keys are never reused"
    );
    through_comment(&store, v2, 14).await;
    store
        .set_plan_status(v2, PlanStatus::Approved, Some(&approval()), change(15))
        .await
        .unwrap();
    store
        .set_plan_status(v2, PlanStatus::InForce, None, change(16))
        .await
        .unwrap();
    let stored = store.plan(plan).await.unwrap().unwrap();
    let statuses: Vec<PlanStatus> = stored.versions.iter().map(|v| v.status).collect();
    assert_eq!(statuses, [PlanStatus::Ended, PlanStatus::InForce]);
    assert_eq!(stored.in_force().unwrap().id, v2);
    assert_eq!(stored.versions[1].approval, Some(approval()));
    assert_eq!(store.plans_of_area(area).await.unwrap().len(), 1);
    // The batched readers (the region view's) give what the one-plan readers give, by version
    // and plan, and nothing for nothing.
    let of_areas = store
        .plans_of_areas(&[area, souhra_core::area::AreaId(999_999)])
        .await
        .unwrap();
    assert_eq!(of_areas, store.plans_of_area(area).await.unwrap());
    let elements: Vec<_> = store
        .plan_elements_of(&[v1, v2])
        .await
        .unwrap()
        .into_iter()
        .map(|(v, e)| (v, e.key))
        .collect();
    let mut one_by_one = Vec::new();
    for v in [v1, v2] {
        for e in store.plan_elements(v).await.unwrap() {
            one_by_one.push((v, e.key));
        }
    }
    assert_eq!(elements, one_by_one);
    let indicators = store.plan_indicators_of(&[v1, v2]).await.unwrap();
    assert_eq!(
        indicators
            .iter()
            .filter(|(v, _, _)| *v == v2)
            .map(|(_, k, i)| (k.clone(), i.clone()))
            .collect::<Vec<_>>(),
        store.plan_indicators(v2).await.unwrap()
    );
    let values = store.indicator_values_of(&[plan]).await.unwrap();
    assert_eq!(
        values
            .into_iter()
            .map(|(p, k, v)| {
                assert_eq!(p, plan);
                (k, v)
            })
            .collect::<Vec<_>>(),
        store.indicator_values(plan).await.unwrap()
    );
    assert!(store.plans_of_areas(&[]).await.unwrap().is_empty());
    assert!(store.plan_elements_of(&[]).await.unwrap().is_empty());
    let log = store
        .audit_log(&souhra_store::history::AuditFilter {
            action: Some("plan.".into()),
            area: Some(area),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(log.len() > 15, "{}", log.len());
}

pub async fn yearly_documents_and_bad_plans(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let report = NewPlan {
        area,
        kind: PlanKind::BalanceReport,
        title: "Bilanční zpráva 2025".into(),
        topic: None,
        period: Period {
            from: 2025,
            to: 2025,
        },
    };
    let (plan, v1) = store.create_plan(&report, change(0)).await.unwrap();
    // No structure of its own, approved straight from a draft, never in force.
    assert!(matches!(
        store
            .add_plan_element(v1, ElementKind::Priority, None, &content("P"), change(1))
            .await,
        Err(StoreError::Invalid(_))
    ));
    store
        .add_plan_element(
            v1,
            ElementKind::Chapter,
            None,
            &content("Shrnutí"),
            change(1),
        )
        .await
        .unwrap();
    store
        .set_plan_status(v1, PlanStatus::Approved, Some(&approval()), change(2))
        .await
        .unwrap();
    assert!(matches!(
        store
            .set_plan_status(v1, PlanStatus::InForce, None, change(3))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        store
            .plan(plan)
            .await
            .unwrap()
            .unwrap()
            .in_force()
            .map(|v| v.id),
        Some(v1)
    );
    // Periods too long or reversed, and empty titles, are refused before anything is written.
    for (kind, from, to, title) in [
        (PlanKind::ActionPlan, 2026, 2028, "Akční plán"),
        (PlanKind::CommunityPlan, 2028, 2026, "Plán"),
        (PlanKind::CommunityPlan, 2026, 2028, "   "),
    ] {
        let bad = NewPlan {
            area,
            kind,
            title: title.into(),
            topic: None,
            period: Period { from, to },
        };
        let refused = store.create_plan(&bad, change(4)).await;
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{refused:?}"
        );
    }
    assert_eq!(store.plans_of_area(area).await.unwrap().len(), 1);
}

pub async fn balance_reports_draw_from_plans_in_force_and_record_outcomes(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let (community, v1) = store
        .create_plan(&community_plan(area), change(0))
        .await
        .unwrap();
    let mut keys = Vec::new();
    let mut parent: Option<ElementKey> = None;
    for kind in [
        ElementKind::Priority,
        ElementKind::Goal,
        ElementKind::Measure,
        ElementKind::Activity,
    ] {
        let key = store
            .add_plan_element(v1, kind, parent.as_ref(), &content(kind.key()), change(1))
            .await
            .unwrap();
        parent = Some(key.clone());
        keys.push(key);
    }
    let (goal, measure, activity) = (keys[1].clone(), keys[2].clone(), keys[3].clone());
    through_comment(&store, v1, 2).await;
    for (minute, status) in [(3, PlanStatus::Approved), (4, PlanStatus::InForce)] {
        store
            .set_plan_status(v1, status, Some(&approval()), change(minute))
            .await
            .unwrap();
    }
    // A draft action plan of the same years is not drawn from.
    let draft = NewPlan {
        area,
        kind: PlanKind::ActionPlan,
        title: "Akční plán pro seniory".into(),
        topic: Some("senioři".into()),
        period: Period::new(PlanKind::ActionPlan, 2026, 2027).unwrap(),
    };
    store.create_plan(&draft, change(5)).await.unwrap();
    let yearly = |kind: PlanKind, title: &str| NewPlan {
        area,
        kind,
        title: title.into(),
        topic: None,
        period: Period::new(kind, 2026, 2026).unwrap(),
    };
    let (report, r1) = store
        .create_plan(
            &yearly(PlanKind::BalanceReport, "Bilanční zpráva 2026"),
            change(6),
        )
        .await
        .unwrap();
    assert_eq!(store.plan_sources(r1).await.unwrap(), vec![(community, v1)]);
    let revision = |store: Store| async move {
        store
            .plan(report)
            .await
            .unwrap()
            .unwrap()
            .latest()
            .unwrap()
            .revision
    };
    let entry =
        |key: &ElementKey, status, spent: Option<i64>, commentary: Option<&str>| OutcomeEntry {
            plan: community,
            key: key.clone(),
            report: Some(ActivityReport {
                status,
                commentary: commentary.map(str::to_owned),
                spent,
            }),
        };
    let start = revision(store.clone()).await;
    let saved = store
        .save_outcomes(
            r1,
            start,
            &[
                entry(
                    &activity,
                    ActivityStatus::Done,
                    Some(480_000),
                    Some("Hotovo."),
                ),
                entry(&measure, ActivityStatus::Ongoing, None, None),
            ],
            change(7),
        )
        .await
        .unwrap();
    assert_eq!(saved, start + 1);
    let stored = store.plan_outcomes(r1).await.unwrap();
    assert_eq!(stored.len(), 2);
    let done = stored.iter().find(|(_, k, _)| *k == activity).unwrap();
    assert_eq!(
        (
            done.0,
            done.2.status,
            done.2.spent,
            done.2.commentary.as_deref()
        ),
        (
            community,
            ActivityStatus::Done,
            Some(480_000),
            Some("Hotovo.")
        )
    );
    // A save from the old revision is refused and writes nothing.
    let stale = store
        .save_outcomes(
            r1,
            start,
            &[entry(&activity, ActivityStatus::Cancelled, None, None)],
            change(8),
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    // A goal is not an item; a negative amount is refused; either way nothing of the save stays.
    for bad in [
        entry(&goal, ActivityStatus::Done, None, None),
        entry(&activity, ActivityStatus::Done, Some(-1), None),
    ] {
        let refused = store
            .save_outcomes(
                r1,
                saved,
                &[entry(&measure, ActivityStatus::Postponed, None, None), bad],
                change(9),
            )
            .await;
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{refused:?}"
        );
    }
    assert_eq!(store.plan_outcomes(r1).await.unwrap(), stored);
    assert_eq!(revision(store.clone()).await, saved);
    // Clearing an item removes its report.
    let cleared = store
        .save_outcomes(
            r1,
            saved,
            &[OutcomeEntry {
                plan: community,
                key: measure.clone(),
                report: None,
            }],
            change(10),
        )
        .await
        .unwrap();
    assert_eq!(store.plan_outcomes(r1).await.unwrap().len(), 1);
    // An implementation plan draws from the same plan but has no reports.
    let (_, i1) = store
        .create_plan(
            &yearly(PlanKind::ImplementationPlan, "Realizační plán 2026"),
            change(11),
        )
        .await
        .unwrap();
    assert_eq!(store.plan_sources(i1).await.unwrap(), vec![(community, v1)]);
    assert!(matches!(
        store.save_outcomes(i1, 1, &[], change(12)).await,
        Err(StoreError::Invalid(_))
    ));
    // A new version of the community plan comes into force; the report follows when redrawn.
    let v2 = store.new_plan_version(community, change(13)).await.unwrap();
    through_comment(&store, v2, 14).await;
    for (minute, status) in [(15, PlanStatus::Approved), (16, PlanStatus::InForce)] {
        store
            .set_plan_status(v2, status, Some(&approval()), change(minute))
            .await
            .unwrap();
    }
    assert_eq!(store.plan_sources(r1).await.unwrap(), vec![(community, v1)]);
    assert_eq!(store.redraw_plan_sources(r1, change(17)).await.unwrap(), 1);
    assert_eq!(store.plan_sources(r1).await.unwrap(), vec![(community, v2)]);
    assert!(revision(store.clone()).await > cleared);
    // Approved, the report is frozen; its next version carries sources and reports over.
    store
        .set_plan_status(r1, PlanStatus::Approved, Some(&approval()), change(18))
        .await
        .unwrap();
    assert!(matches!(
        store.redraw_plan_sources(r1, change(19)).await,
        Err(StoreError::Invalid(_))
    ));
    let r2 = store.new_plan_version(report, change(20)).await.unwrap();
    assert_eq!(store.plan_sources(r2).await.unwrap(), vec![(community, v2)]);
    assert_eq!(
        store.plan_outcomes(r2).await.unwrap(),
        store.plan_outcomes(r1).await.unwrap()
    );
}

pub async fn a_structure_is_imported_whole_or_not_at_all(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let (plan, v1) = store
        .create_plan(&community_plan(area), change(0))
        .await
        .unwrap();
    let element = |reference: &str, kind, parent: Option<&str>| ImportedElement {
        reference: reference.into(),
        kind,
        parent: parent.map(str::to_owned),
        content: content(reference),
        budget: Vec::new(),
    };
    let mut measure = element("O1", ElementKind::Measure, Some("C1"));
    measure.budget = vec![BudgetLine {
        year: 2026,
        source: FundingSource::Region,
        amount: 250_000,
    }];
    let mut reversed = element("O2", ElementKind::Measure, Some("C1"));
    reversed.content.details.start = NaiveDate::from_ymd_opt(2027, 1, 1);
    reversed.content.details.end = NaiveDate::from_ymd_opt(2026, 1, 1);
    let bad = [
        element("P1", ElementKind::Priority, None),
        element("C1", ElementKind::Goal, Some("P1")),
        measure.clone(),
        reversed,
    ];
    let refused = store.import_plan_structure(v1, &bad, change(1)).await;
    assert!(
        matches!(&refused, Err(StoreError::Invalid(m)) if m.starts_with("O2")),
        "{refused:?}"
    );
    assert!(store.plan_elements(v1).await.unwrap().is_empty());
    let orphan = [element("C1", ElementKind::Goal, Some("P9"))];
    assert!(matches!(
        store.import_plan_structure(v1, &orphan, change(1)).await,
        Err(StoreError::Invalid(_))
    ));
    let good = [
        element("P1", ElementKind::Priority, None),
        element("C1", ElementKind::Goal, Some("P1")),
        measure,
        element("A1", ElementKind::Activity, Some("O1")),
        element("K1", ElementKind::Chapter, None),
    ];
    assert_eq!(
        store
            .import_plan_structure(v1, &good, change(2))
            .await
            .unwrap(),
        5
    );
    let stored = store.plan_elements(v1).await.unwrap();
    assert_eq!(stored.len(), 5);
    let o1 = stored.iter().find(|e| e.title == "O1").unwrap();
    let c1 = stored.iter().find(|e| e.title == "C1").unwrap();
    assert_eq!(o1.parent.as_ref(), Some(&c1.key));
    assert_eq!(
        store.plan_budget(v1).await.unwrap(),
        vec![(
            o1.key.clone(),
            BudgetLine {
                year: 2026,
                source: FundingSource::Region,
                amount: 250_000
            }
        )]
    );
    // Only into an empty draft.
    assert!(matches!(
        store.import_plan_structure(v1, &good, change(3)).await,
        Err(StoreError::Invalid(m)) if m.contains("empty")
    ));
    assert!(store.plan(plan).await.unwrap().is_some());
}

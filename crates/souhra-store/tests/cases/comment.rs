//! Public comment cases of the store suite (included by `store.rs`, so they run on both
//! databases): comment periods, comments anchored to element keys, settlement with revision
//! checks, moderation, erasure of personal data and the approval gate.

use chrono::{Duration, TimeZone, Utc};
use souhra_core::account::Email;
use souhra_core::comment::{
    Author, CommentRules, CommentText, Identification, PeriodState, Settlement,
};
use souhra_core::plan::{Approval, ElementKind, Period, PlanKind, PlanStatus};
use souhra_store::comment::{NewComment, SettlementInput};
use souhra_store::plan::{ElementContent, ElementDetails, NewPlan, PlanChange};
use souhra_store::{Store, StoreError};

use crate::catalogue::plzensky_kraj_with_nepomuk;

fn at(day: i64) -> PlanChange {
    PlanChange {
        by: None,
        at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap() + Duration::days(day),
    }
}

fn text(title: &str) -> ElementContent {
    ElementContent {
        title: title.into(),
        body: Some(format!("{title}: text")),
        details: ElementDetails::default(),
    }
}

fn comment(element: Option<&souhra_core::plan::ElementKey>, body: &str, name: &str) -> NewComment {
    NewComment {
        element: element.cloned(),
        element_label: element.map(|k| format!("label of {k}")),
        text: CommentText::new(body, "").unwrap(),
        author: Author {
            name: Some(name.to_owned()).filter(|n| !n.is_empty()),
            organization: None,
            email: Some(Email::parse("eva@example.cz").unwrap()).filter(|_| !name.is_empty()),
            named: !name.is_empty(),
            notify: !name.is_empty(),
        },
        account: None,
        consent: Some("I agree".into()).filter(|_| !name.is_empty()),
    }
}

fn settled(status: Settlement, why: &str) -> SettlementInput {
    SettlementInput {
        status,
        justification: why.into(),
        change: None,
    }
}

pub(crate) async fn a_comment_period_runs_from_opening_to_approval(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let (plan, v1) = store
        .create_plan(
            &NewPlan {
                area,
                kind: PlanKind::CommunityPlan,
                title: "Plan".into(),
                topic: None,
                period: Period::new(PlanKind::CommunityPlan, 2027, 2029).unwrap(),
            },
            at(0),
        )
        .await
        .unwrap();
    let priority = store
        .add_plan_element(v1, ElementKind::Priority, None, &text("Seniors"), at(0))
        .await
        .unwrap();
    let goal = store
        .add_plan_element(
            v1,
            ElementKind::Goal,
            Some(&priority),
            &text("At home"),
            at(0),
        )
        .await
        .unwrap();
    let today = at(0).at.date_naive();

    // The area's rules: the shortest period, checked when a period opens.
    assert_eq!(
        store.comment_rules(area).await.unwrap(),
        CommentRules::default()
    );
    let rules = CommentRules::new(21, Identification::Name, "Souhlasím.").unwrap();
    store.set_comment_rules(area, &rules, at(0)).await.unwrap();
    assert_eq!(store.comment_rules(area).await.unwrap(), rules);
    for (from, to) in [
        (today, today + Duration::days(13)),
        (today + Duration::days(30), today + Duration::days(10)),
        (today - Duration::days(1), today + Duration::days(30)),
    ] {
        assert!(
            matches!(
                store.open_comment_period(v1, from, to, None, at(0)).await,
                Err(StoreError::Invalid(_))
            ),
            "{from}..{to}"
        );
    }
    assert!(matches!(
        store
            .set_plan_status(v1, PlanStatus::InComment, None, at(0))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        store.plan(plan).await.unwrap().unwrap().versions[0].status,
        PlanStatus::Draft
    );

    // Opened for three weeks from tomorrow: announced, then open.
    let period = store
        .open_comment_period(
            v1,
            today + Duration::days(1),
            today + Duration::days(21),
            Some("Připomínky do 14. 12."),
            at(0),
        )
        .await
        .unwrap();
    let periods = store.comment_periods(plan).await.unwrap();
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].state(at(0).at), PeriodState::Announced);
    assert_eq!(periods[0].state(at(1).at), PeriodState::Open);
    assert_eq!(periods[0].state(at(22).at), PeriodState::Over);
    assert_eq!(
        store.plan(plan).await.unwrap().unwrap().versions[0].status,
        PlanStatus::InComment
    );
    // The published text does not change while the period runs.
    let goal_revision = store.plan_elements(v1).await.unwrap()[1].revision;
    assert!(matches!(
        store
            .update_plan_element(v1, &goal, goal_revision, &text("Changed"), at(2))
            .await,
        Err(StoreError::Invalid(_))
    ));
    // Comments only while open, only on elements of the version.
    assert!(matches!(
        store
            .add_comment(period, &comment(None, "too early", ""), at(0).at)
            .await,
        Err(StoreError::Invalid(_))
    ));
    let on_goal = store
        .add_comment(
            period,
            &comment(Some(&goal), "Add respite care.", "Eva"),
            at(2).at,
        )
        .await
        .unwrap();
    let on_plan = store
        .add_comment(period, &comment(None, "<script>x</script>", ""), at(3).at)
        .await
        .unwrap();
    let abusive = store
        .add_comment(period, &comment(None, "abuse", ""), at(3).at)
        .await
        .unwrap();
    let unknown = souhra_core::plan::ElementKey::parse("e999").unwrap();
    assert!(matches!(
        store
            .add_comment(period, &comment(Some(&unknown), "x", ""), at(3).at)
            .await,
        Err(StoreError::Invalid(_))
    ));
    let comments = store.plan_comments(plan).await.unwrap();
    assert_eq!(comments.len(), 3);
    assert_eq!(comments[0].element.as_ref(), Some(&goal));
    assert_eq!(comments[0].author.name.as_deref(), Some("Eva"));
    assert_eq!(
        comments[1].body, "<script>x</script>",
        "kept as typed, escaped when shown"
    );
    assert!(comments.iter().all(|c| c.version == v1 && c.unsettled()));

    // No approval while the period runs, nor with comments unsettled.
    let approval = Approval::new("RM 12/2027", today + Duration::days(30), "Rada").unwrap();
    assert!(matches!(
        store
            .set_plan_status(v1, PlanStatus::Approved, Some(&approval), at(4))
            .await,
        Err(StoreError::Invalid(m)) if m.contains("runs until")
    ));
    store.close_comment_period(period, at(5)).await.unwrap();
    assert!(matches!(
        store
            .add_comment(period, &comment(None, "late", ""), at(6).at)
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .set_plan_status(v1, PlanStatus::Approved, Some(&approval), at(6))
            .await,
        Err(StoreError::Invalid(m)) if m.contains("3 comments")
    ));

    // Settlement: a justification, a revision check, an element that exists.
    let revision = comments[0].revision;
    assert!(matches!(
        store
            .settle_comment(
                on_goal,
                revision,
                &settled(Settlement::Accepted, "  "),
                at(6)
            )
            .await,
        Err(StoreError::Invalid(_))
    ));
    let mut with_change = settled(Settlement::Accepted, "Added as activity 1.1.1.");
    with_change.change = Some(unknown.clone());
    assert!(matches!(
        store
            .settle_comment(on_goal, revision, &with_change, at(6))
            .await,
        Err(StoreError::Invalid(_))
    ));
    with_change.change = Some(goal.clone());
    let revision = store
        .settle_comment(on_goal, revision, &with_change, at(6))
        .await
        .unwrap();
    assert!(matches!(
        store
            .settle_comment(
                on_goal,
                revision - 1,
                &settled(Settlement::Rejected, "No."),
                at(6)
            )
            .await,
        Err(StoreError::Conflict(_))
    ));
    store
        .settle_comment(
            on_plan,
            comments[1].revision,
            &settled(Settlement::Noted, "Noted."),
            at(6),
        )
        .await
        .unwrap();
    // An abusive comment is hidden: it waits for nothing.
    store
        .hide_comment(abusive, Some("Urážky"), at(6))
        .await
        .unwrap();
    // The text may change once the period is closed; the comment keeps its key and label.
    let goal_revision = store.plan_elements(v1).await.unwrap()[1].revision;
    store
        .update_plan_element(
            v1,
            &goal,
            goal_revision,
            &text("At home, with respite"),
            at(7),
        )
        .await
        .unwrap();
    let published = store.published_text(period).await.unwrap().unwrap();
    assert_eq!(
        published.elements[1].title, "At home",
        "the text as published"
    );
    // Personal data erased on request: text and settlement stay.
    store.erase_commenter(on_goal, at(7)).await.unwrap();
    let erased = store.comment(on_goal).await.unwrap().unwrap();
    assert_eq!(erased.author.name, None);
    assert_eq!(erased.author.email, None);
    assert!(!erased.author.named && erased.erased_at.is_some());
    assert_eq!(erased.body, "Add respite care.");
    let settlement = erased.settlement.unwrap();
    assert_eq!(settlement.status, Settlement::Accepted);
    assert_eq!(settlement.change.as_ref(), Some(&goal));

    store
        .set_plan_status(v1, PlanStatus::Approved, Some(&approval), at(8))
        .await
        .unwrap();
    // Frozen: settlements stay as approved.
    assert!(matches!(
        store
            .settle_comment(
                on_plan,
                comments[1].revision + 1,
                &settled(Settlement::Rejected, "x"),
                at(9)
            )
            .await,
        Err(StoreError::Invalid(_))
    ));

    // A newer version drops the element: the comment stays with the version it was made on.
    store
        .set_plan_status(v1, PlanStatus::InForce, None, at(9))
        .await
        .unwrap();
    let v2 = store.new_plan_version(plan, at(10)).await.unwrap();
    store.remove_plan_element(v2, &goal, at(10)).await.unwrap();
    let kept = store.comment(on_goal).await.unwrap().unwrap();
    assert_eq!((kept.version, kept.element.as_ref()), (v1, Some(&goal)));
    assert_eq!(
        kept.element_label.as_deref(),
        Some(format!("label of {goal}").as_str())
    );
    // A draft taken back from comment ends its period.
    let second = store
        .open_comment_period(
            v2,
            at(10).at.date_naive(),
            at(40).at.date_naive(),
            None,
            at(10),
        )
        .await
        .unwrap();
    store
        .set_plan_status(v2, PlanStatus::Draft, None, at(11))
        .await
        .unwrap();
    let periods = store.comment_periods(plan).await.unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[1].id, second);
    assert_eq!(periods[1].version_number, 2);
    assert_eq!(periods[1].state(at(12).at), PeriodState::Over);
    // Edits are possible again.
    store
        .add_plan_element(v2, ElementKind::Goal, Some(&priority), &text("New"), at(12))
        .await
        .unwrap();
}

pub(crate) async fn a_period_held_before_is_recorded_with_its_own_dates(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let (plan, v1) = store
        .create_plan(
            &NewPlan {
                area,
                kind: PlanKind::CommunityPlan,
                title: "Plan".into(),
                topic: None,
                period: Period::new(PlanKind::CommunityPlan, 2026, 2028).unwrap(),
            },
            at(0),
        )
        .await
        .unwrap();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // The end before the start is refused and nothing is recorded.
    assert!(matches!(
        store
            .record_outside_comment(v1, day(2025, 10, 31), day(2025, 10, 1), at(0))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(store.comment_periods(plan).await.unwrap().is_empty());
    // Past dates and a period shorter than the area's rule are what was held.
    let period = store
        .record_outside_comment(v1, day(2025, 10, 1), day(2025, 10, 10), at(0))
        .await
        .unwrap();
    let periods = store.comment_periods(plan).await.unwrap();
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].id, period);
    assert_eq!(
        (periods[0].dates.from, periods[0].dates.to),
        (day(2025, 10, 1), day(2025, 10, 10))
    );
    assert_eq!(periods[0].state(at(0).at), PeriodState::Over);
    // Comments are not taken, and the draft may go on to approval.
    assert!(
        store
            .add_comment(period, &comment(None, "Late", ""), at(0).at)
            .await
            .is_err()
    );
    let approval = Approval::new("ZM/1/2025", day(2025, 12, 11), "Council").unwrap();
    store
        .set_plan_status(v1, PlanStatus::Approved, Some(&approval), at(0))
        .await
        .unwrap();
}

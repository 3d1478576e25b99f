//! Group cases of the store suite (included by `store.rs`, so they run on both databases):
//! groups, members with their terms, meetings with attendance, action items and materials,
//! and the calendar feed of a person sitting in several groups.

use chrono::{NaiveDate, TimeZone, Utc};
use souhra_core::group::{GroupKind, Presence};
use souhra_core::plan::TriadRole;
use souhra_store::group::{ActionItem, MeetingInput, MemberInput};
use souhra_store::plan::PlanChange;
use souhra_store::{Store, StoreError};

use crate::catalogue::plzensky_kraj_with_nepomuk;

fn change() -> PlanChange {
    PlanChange {
        by: None,
        at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    }
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn member(name: &str, email: Option<&str>, role: TriadRole) -> MemberInput {
    MemberInput {
        name: name.into(),
        organization: Some("Město Nepomuk".into()),
        role: Some(role),
        position: None,
        email: email.map(str::to_owned),
        publish_name: false,
        term_from: Some(day(1, 1)),
        term_to: None,
    }
}

fn meeting(d: u32) -> MeetingInput {
    MeetingInput {
        starts: day(3, d).and_hms_opt(14, 0, 0).unwrap(),
        ends: day(3, d).and_hms_opt(16, 0, 0).unwrap(),
        place: "Městský úřad Nepomuk, zasedací místnost".into(),
        agenda: Some("1. Úvod\n2. Akční plán".into()),
        minutes: None,
        minutes_published: false,
        cancelled: false,
    }
}

pub async fn groups_meet_with_members_attendance_and_materials(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap().id;
    let working = store
        .create_group(
            area,
            GroupKind::Working,
            "Pracovní skupina Senioři",
            Some("Péče doma"),
            change(),
        )
        .await
        .unwrap();
    let steering = store
        .create_group(area, GroupKind::Steering, "Řídicí skupina", None, change())
        .await
        .unwrap();
    let groups = store.groups_of_area(area).await.unwrap();
    assert_eq!(
        groups.iter().map(|g| g.id).collect::<Vec<_>>(),
        [steering, working],
        "the steering group first"
    );
    // Members: bad input is refused with the field named.
    for (bad, field) in [
        (
            MemberInput {
                term_from: Some(day(6, 1)),
                term_to: Some(day(1, 1)),
                ..member("Jana Nová", None, TriadRole::User)
            },
            "term",
        ),
        (
            member("Jana Nová", Some("ne-adresa"), TriadRole::User),
            "email",
        ),
        (
            MemberInput {
                role: None,
                ..member("Jana Nová", None, TriadRole::User)
            },
            "role",
        ),
        (member("  ", None, TriadRole::User), "name"),
    ] {
        let refused = store
            .save_member(working, None, &bad, "token-bad", change())
            .await;
        assert!(
            matches!(&refused, Err(StoreError::Invalid(m)) if m.contains(field)),
            "{field}: {refused:?}"
        );
    }
    assert!(store.members(working).await.unwrap().is_empty());
    let jana = store
        .save_member(
            working,
            None,
            &member("Jana Nová", Some("jana@example.cz"), TriadRole::Provider),
            "token-jana-1",
            change(),
        )
        .await
        .unwrap();
    let petr = store
        .save_member(
            working,
            None,
            &member("Petr Malý", None, TriadRole::User),
            "token-petr",
            change(),
        )
        .await
        .unwrap();
    // The same person in the steering group, under another address case.
    store
        .save_member(
            steering,
            None,
            &member("Jana Nová", Some("Jana@Example.cz"), TriadRole::Provider),
            "token-jana-2",
            change(),
        )
        .await
        .unwrap();
    let mut changed = member("Jana Nová", Some("jana@example.cz"), TriadRole::Provider);
    changed.position = Some("předsedkyně".into());
    changed.publish_name = true;
    store
        .save_member(working, Some(jana), &changed, "ignored", change())
        .await
        .unwrap();
    let members = store.members(working).await.unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].position.as_deref(), Some("předsedkyně"));
    assert!(members[0].publish_name);
    assert_eq!(members[0].feed_token, "token-jana-1");
    // Jana's feed covers both her groups; Petr's (no e-mail) only his.
    let by_feed = store.member_by_feed("token-jana-1").await.unwrap().unwrap();
    let hers = store.groups_of_person(&by_feed).await.unwrap();
    assert_eq!(hers.len(), 2);
    let his = store
        .groups_of_person(&store.member_by_feed("token-petr").await.unwrap().unwrap())
        .await
        .unwrap();
    assert_eq!(his.iter().map(|g| g.id).collect::<Vec<_>>(), [working]);
    assert!(store.member_by_feed("nothing").await.unwrap().is_none());

    // Meetings: reversed times refused; a change raises the sequence.
    let mut backwards = meeting(10);
    backwards.ends = backwards.starts - chrono::Duration::hours(1);
    assert!(matches!(
        store.save_meeting(working, None, &backwards, change()).await,
        Err(StoreError::Invalid(m)) if m.contains("time")
    ));
    let first = store
        .save_meeting(working, None, &meeting(10), change())
        .await
        .unwrap();
    let later = store
        .save_meeting(steering, None, &meeting(3), change())
        .await
        .unwrap();
    let mut minutes = meeting(10);
    minutes.minutes = Some("Skupina schválila návrh.".into());
    minutes.minutes_published = true;
    store
        .save_meeting(working, Some(first), &minutes, change())
        .await
        .unwrap();
    let saved = store.meeting(first).await.unwrap().unwrap();
    assert_eq!((saved.sequence, saved.minutes_published), (1, true));
    let all = store.meetings(&[working, steering]).await.unwrap();
    assert_eq!(
        all.iter().map(|m| m.id).collect::<Vec<_>>(),
        [later, first],
        "by start"
    );
    // A meeting of another group cannot be changed through this one.
    assert!(matches!(
        store
            .save_meeting(steering, Some(first), &meeting(11), change())
            .await,
        Err(StoreError::NotFound(_))
    ));
    store.mark_invited(first, change().at).await.unwrap();
    assert!(
        store
            .meeting(first)
            .await
            .unwrap()
            .unwrap()
            .invited_at
            .is_some()
    );

    // Attendance: only the group's members; a refused list changes nothing.
    store
        .set_attendance(
            first,
            &[(jana, Presence::Present), (petr, Presence::Excused)],
            change(),
        )
        .await
        .unwrap();
    let stranger = store.members(steering).await.unwrap()[0].id;
    assert!(matches!(
        store
            .set_attendance(first, &[(stranger, Presence::Present)], change())
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        store.attendance(first).await.unwrap(),
        [(jana, Presence::Present), (petr, Presence::Excused)]
    );
    // Action items: replaced whole; an empty task refused with its row.
    let item = |task: &str| ActionItem {
        task: task.into(),
        owner: "Jana Nová".into(),
        deadline: Some(day(4, 30)),
        done: false,
    };
    store
        .set_action_items(
            first,
            &[item("Rozeslat zápis"), item("Oslovit obce")],
            change(),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .set_action_items(first, &[item("Jiný úkol"), item(" ")], change())
            .await,
        Err(StoreError::Invalid(m)) if m.contains("action item 2")
    ));
    let items = store.action_items(first).await.unwrap();
    assert_eq!(
        items.iter().map(|i| i.task.as_str()).collect::<Vec<_>>(),
        ["Rozeslat zápis", "Oslovit obce"]
    );
    // Materials keep their bytes.
    let pdf = b"%PDF-1.4 materialy".to_vec();
    let id = store
        .add_material(first, "podklady.pdf", "application/pdf", &pdf, change())
        .await
        .unwrap();
    assert!(matches!(
        store
            .add_material(first, "prazdny.pdf", "application/pdf", &[], change())
            .await,
        Err(StoreError::Invalid(_))
    ));
    let listed = store.materials(&[first, later]).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].size, i64::try_from(pdf.len()).unwrap());
    let (meta, bytes) = store.material(id).await.unwrap().unwrap();
    assert_eq!((meta.file_name.as_str(), bytes), ("podklady.pdf", pdf));
    store.remove_material(id, change()).await.unwrap();
    assert!(store.material(id).await.unwrap().is_none());
    // Removing a member removes their attendance.
    store.remove_member(working, petr, change()).await.unwrap();
    assert_eq!(
        store.attendance(first).await.unwrap(),
        [(jana, Presence::Present)]
    );
}

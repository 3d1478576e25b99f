//! Planning groups through HTTP: a coordinator makes a working group, adds members (bad input
//! named, nothing saved), plans a meeting, sends invitations with a calendar file (read back
//! from the outbox), records attendance, action items and a material, publishes the minutes;
//! the public page hides private names and unpublished minutes; the calendar feeds are valid.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use souhra_core::account::{Grant, Role};

use super::accounts::{accounts_app, hidden_value};

/// The segment after `prefix` in a redirect's location.
fn location(reply: &super::Reply) -> String {
    reply.headers[header::LOCATION].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_working_group_meets_invites_and_publishes_its_minutes() {
    let t = accounts_app().await;
    let app = &t.app;
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "koordinator@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    t.user(
        "skupina@nepomuk.cz",
        &[Grant::new(Role::GroupMember, Some(nepomuk), None).unwrap()],
    )
    .await;
    let coordinator = t.login("koordinator@nepomuk.cz").await;
    let member = t.login("skupina@nepomuk.cz").await;
    let list = app
        .get_with("/sprava/nepomuk/skupiny", &[("cookie", &coordinator)])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let csrf = hidden_value(&list.body, "csrf");
    let created = app
        .post(
            "/sprava/nepomuk/skupiny",
            &[
                ("druh", "working"),
                ("nazev", "Pracovní skupina Senioři"),
                ("popis", "Péče o seniory **doma**."),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let group_path = location(&created);
    let group_id: i64 = group_path.rsplit('/').next().unwrap().parse().unwrap();
    // A group member sees the group but may not change it.
    let seen = app.get_with(&group_path, &[("cookie", &member)]).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(!seen.body.contains("/clen\""), "no forms for members");
    let member_csrf = app
        .database
        .store
        .session(
            &souhra_web::auth::token_hash(member.split_once('=').unwrap().1),
            chrono::Utc::now(),
        )
        .await
        .unwrap()
        .unwrap()
        .csrf;
    let refused = app
        .post(
            &format!("{group_path}/clen"),
            &[("jmeno", "X"), ("role", "user"), ("csrf", &member_csrf)],
            &member,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let add = |fields: Vec<(&'static str, &'static str)>| {
        let coordinator = coordinator.clone();
        let csrf = csrf.clone();
        let path = format!("{group_path}/clen");
        async move {
            let mut form = fields;
            form.push(("csrf", &csrf));
            app.post(&path, &form, &coordinator).await
        }
    };
    // Reversed term and a bad address are named; nothing is saved.
    let reversed = add(vec![
        ("jmeno", "Jana Nová"),
        ("role", "provider"),
        ("od", "2026-12-31"),
        ("do_", "2026-01-01"),
    ])
    .await;
    assert_eq!(reversed.status, StatusCode::BAD_REQUEST);
    assert!(reversed.text.contains("term"), "{}", reversed.text);
    assert!(reversed.body.contains("value=\"Jana Nová\""), "typed kept");
    let bad_mail = add(vec![
        ("jmeno", "Jana Nová"),
        ("role", "provider"),
        ("email", "jana@"),
    ])
    .await;
    assert_eq!(bad_mail.status, StatusCode::BAD_REQUEST);
    let store = &app.database.store;
    let group = souhra_store::group::GroupId(group_id);
    assert!(store.members(group).await.unwrap().is_empty());
    for fields in [
        vec![
            ("jmeno", "Jana Nová"),
            ("organizace", "Charita Nepomuk"),
            ("role", "provider"),
            ("pozice", "předsedkyně"),
            ("email", "jana@example.cz"),
            ("zverejnit", "1"),
        ],
        vec![
            ("jmeno", "Petr Tajný"),
            ("organizace", "Svaz tělesně postižených"),
            ("role", "user"),
            ("email", "petr@example.cz"),
        ],
        vec![
            ("jmeno", "Bývalý Člen"),
            ("role", "commissioner"),
            ("email", "byvaly@example.cz"),
            ("do_", "2025-12-31"),
        ],
    ] {
        let reply = add(fields).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    }
    let members = store.members(group).await.unwrap();
    assert_eq!(members.len(), 3);

    // A meeting: reversed times named, then planned.
    let meeting = |from: &'static str, to: &'static str| {
        let coordinator = coordinator.clone();
        let csrf = csrf.clone();
        let path = format!("{group_path}/schuzka");
        async move {
            app.post(
                &path,
                &[
                    ("datum", "2030-03-10"),
                    ("od", from),
                    ("do_", to),
                    ("misto", "Městský úřad, zasedačka"),
                    ("program", "1. Úvod\n2. Akční plán; rozpočet"),
                    ("csrf", &csrf),
                ],
                &coordinator,
            )
            .await
        }
    };
    let backwards = meeting("16:00", "14:00").await;
    assert_eq!(backwards.status, StatusCode::BAD_REQUEST);
    assert!(
        backwards.text.contains("musí skončit později"),
        "{}",
        backwards.text
    );
    let planned = meeting("14:00", "16:00").await;
    assert_eq!(planned.status, StatusCode::SEE_OTHER, "{}", planned.body);
    let meeting_path = location(&planned);
    let meeting_id: i64 = meeting_path.rsplit('/').next().unwrap().parse().unwrap();

    // Invitations: to the two current members with addresses, each with the calendar file.
    let before = t.mails().len();
    let invited = app
        .post(
            &format!("{meeting_path}/pozvanky"),
            &[("csrf", &csrf)],
            &coordinator,
        )
        .await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER);
    let page = app
        .get_with(&location(&invited), &[("cookie", &coordinator)])
        .await;
    assert!(page.text.contains("Pozvánky odeslány: 2"), "{}", page.text);
    let mails = t.mails();
    assert_eq!(mails.len() - before, 2);
    let sent: Vec<&String> = mails[before..].iter().collect();
    assert!(sent.iter().any(|m| m.contains("To: jana@example.cz")));
    assert!(!sent.iter().any(|m| m.contains("byvaly@example.cz")));
    for mail in &sent {
        assert!(
            mail.contains("jednání skupiny Pracovní skupina Senioři"),
            "{mail}"
        );
        assert!(mail.contains("text/calendar"), "{mail}");
        assert!(mail.contains("method=REQUEST"), "{mail}");
        assert!(mail.contains("https://souhra.example/kalendar/"), "{mail}");
    }

    // Attendance, action items (a bad row named), a material.
    let attendance = app
        .post(
            &format!("{meeting_path}/ucast"),
            &[
                (format!("c{}", members[0].id.0).as_str(), "present"),
                (format!("c{}", members[1].id.0).as_str(), "excused"),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(
        attendance.status,
        StatusCode::SEE_OTHER,
        "{}",
        attendance.body
    );
    let bad_items = app
        .post(
            &format!("{meeting_path}/ukoly"),
            &[
                ("ukol", "Rozeslat zápis"),
                ("kdo", "koordinátorka"),
                ("termin", "2030-03-20"),
                ("ukol", "Bez vlastníka"),
                ("kdo", ""),
                ("termin", ""),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(bad_items.status, StatusCode::BAD_REQUEST);
    assert!(bad_items.text.contains("Úkol 2"), "{}", bad_items.text);
    let meeting_key = souhra_store::group::MeetingId(meeting_id);
    assert!(store.action_items(meeting_key).await.unwrap().is_empty());
    let items = app
        .post(
            &format!("{meeting_path}/ukoly"),
            &[
                ("ukol", "Rozeslat zápis"),
                ("kdo", "koordinátorka"),
                ("termin", "2030-03-20"),
                ("hotovo", "0"),
                ("ukol", ""),
                ("kdo", ""),
                ("termin", ""),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(items.status, StatusCode::SEE_OTHER, "{}", items.body);
    let saved = store.action_items(meeting_key).await.unwrap();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].done);
    let boundary = "souhra-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"soubor\"; \
         filename=\"C:\\\\dokumenty\\\\podklady.pdf\"\r\nContent-Type: application/pdf\r\n\r\n\
         %PDF-1.4 podklady\r\n--{boundary}--\r\n"
    );
    let uploaded = app
        .send(
            Request::post(format!("{meeting_path}/material"))
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .header(header::COOKIE, &coordinator)
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.body);
    let materials = store.materials(&[meeting_key]).await.unwrap();
    assert_eq!(materials.len(), 1);
    assert_eq!(
        materials[0].file_name, "podklady.pdf",
        "no path from the browser"
    );
    let material_href = format!("/nepomuk/material/{}", materials[0].id);

    // Public before the minutes: the meeting with its agenda, no material, names by consent.
    let public = app.get(&format!("/nepomuk/skupina/{group_id}")).await;
    assert_eq!(public.status, StatusCode::PERMANENT_REDIRECT);
    let href = location(&public);
    let public = app.get(&href).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.text.contains("Jana Nová"), "{}", public.text);
    assert!(!public.text.contains("Petr Tajný"), "no consent, no name");
    assert!(public.text.contains("Svaz tělesně postižených"));
    assert!(!public.text.contains("Bývalý Člen") && !public.text.contains("@example.cz"));
    assert!(public.text.contains("Akční plán; rozpočet"));
    assert!(public.body.contains("<strong>doma</strong>"));
    assert_eq!(app.get(&material_href).await.status, StatusCode::NOT_FOUND);
    // The minutes published: shown with the attendance count and the material.
    let minutes = app
        .post(
            &meeting_path,
            &[
                ("datum", "2030-03-10"),
                ("od", "14:00"),
                ("do_", "16:30"),
                ("misto", "Městský úřad, zasedačka"),
                ("program", "1. Úvod\n2. Akční plán; rozpočet"),
                ("zapis", "Skupina <script>x</script> doporučila návrh."),
                ("zverejnit_zapis", "1"),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(minutes.status, StatusCode::SEE_OTHER, "{}", minutes.body);
    let public = app.get(&href).await;
    assert!(public.text.contains("doporučila návrh"), "{}", public.text);
    assert!(!public.body.contains("<script>x"));
    assert!(public.text.contains("Přítomno členů: 1"), "{}", public.text);
    let file = app.get(&material_href).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(
        file.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );

    // The group's feed: the meeting moved to 16:30, sequence raised.
    let feed = app
        .get(&format!("/nepomuk/skupina/{group_id}/kalendar.ics"))
        .await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(
        feed.headers[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    let ics = app
        .get_bytes(&format!("/nepomuk/skupina/{group_id}/kalendar.ics"))
        .await;
    let ics = String::from_utf8(ics).unwrap();
    assert!(
        ics.contains("DTSTART;TZID=Europe/Prague:20300310T140000\r\n"),
        "{ics}"
    );
    assert!(
        ics.contains("DTEND;TZID=Europe/Prague:20300310T163000\r\n"),
        "{ics}"
    );
    assert!(ics.contains("SEQUENCE:1\r\n"), "{ics}");
    assert!(ics.contains("UID:meeting-"), "{ics}");
    // The personal feed of a member, by its secret link only.
    let token = &store.members(group).await.unwrap()[0].feed_token;
    let personal = app.get(&format!("/kalendar/{token}.ics")).await;
    assert_eq!(personal.status, StatusCode::OK);
    assert!(personal.body.contains("BEGIN:VEVENT"));
    assert_eq!(
        app.get("/kalendar/0000000000000000000000.ics").await.status,
        StatusCode::NOT_FOUND
    );
    // Another area does not reach this group.
    assert_eq!(
        app.get(&href.replace("/nepomuk/", "/plzensky-kraj/"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

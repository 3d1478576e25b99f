//! Public comment through HTTP, from opening the period to the approved version: the coordinator
//! opens a period (bad dates refused, the groups' members told by e-mail), the text is locked
//! while it runs, the public comments (form token, honeypot, consent, length, unknown parts,
//! markup escaped, e-mails never shown), approval waits for the period and for every
//! settlement, a stale settlement is refused, commenters are told, the settlement table prints,
//! the diff shows what changed, personal data is erased on request, and after approval a newer
//! version that drops an element leaves its comments where they were made.

use axum::http::{StatusCode, header};
use chrono::{Duration, Utc};
use souhra_core::account::{Grant, Role};
use souhra_core::group::GroupKind;
use souhra_core::plan::{ElementKind, Period, PlanKind, PlanStatus};
use souhra_docs::testing::poppler;
use souhra_store::comment::prague_day;
use souhra_store::group::MemberInput;
use souhra_store::plan::{ElementContent, ElementDetails, NewPlan, PlanChange};

use super::accounts::{accounts_app, hidden_value};

fn content(title: &str, body: &str) -> ElementContent {
    ElementContent {
        title: title.into(),
        body: Some(body.into()),
        details: ElementDetails::default(),
    }
}

/// The `souhra_csrf` cookie and token of a public form.
fn form_token(reply: &super::Reply) -> (String, String) {
    let cookie = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("souhra_csrf="))
        .unwrap();
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    (format!("souhra_csrf={token}"), token)
}

#[tokio::test]
async fn a_draft_goes_from_public_comment_to_the_approved_version() {
    let t = accounts_app().await;
    let app = &t.app;
    let store = &app.database.store;
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "koordinator@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    let coordinator = t.login("koordinator@nepomuk.cz").await;
    let change = PlanChange {
        by: None,
        at: Utc::now(),
    };
    let (plan, v1) = store
        .create_plan(
            &NewPlan {
                area: nepomuk,
                kind: PlanKind::CommunityPlan,
                title: "Komunitní plán Nepomuk 2027–2029".into(),
                topic: None,
                period: Period::new(PlanKind::CommunityPlan, 2027, 2029).unwrap(),
            },
            change,
        )
        .await
        .unwrap();
    let priority = store
        .add_plan_element(
            v1,
            ElementKind::Priority,
            None,
            &content("Senioři doma", ""),
            change,
        )
        .await
        .unwrap();
    let goal = store
        .add_plan_element(
            v1,
            ElementKind::Goal,
            Some(&priority),
            &content("Péče v obcích", ""),
            change,
        )
        .await
        .unwrap();
    let measure = store
        .add_plan_element(
            v1,
            ElementKind::Measure,
            Some(&goal),
            &content(
                "Rozšířit pečovatelskou službu",
                "Služba bude jezdit do všech obcí.",
            ),
            change,
        )
        .await
        .unwrap();
    let group = store
        .create_group(nepomuk, GroupKind::Working, "Senioři", None, change)
        .await
        .unwrap();
    store
        .save_member(
            group,
            None,
            &MemberInput {
                name: "Petr Člen".into(),
                email: Some("clen@example.cz".into()),
                role: Some(souhra_core::plan::TriadRole::User),
                ..MemberInput::default()
            },
            "feedtoken0123456789abcdef0123456789",
            change,
        )
        .await
        .unwrap();

    // Opening the period: dates checked, the groups told.
    let admin_path = format!("/sprava/nepomuk/plan/{}", plan.0);
    let page = app.get_with(&admin_path, &[("cookie", &coordinator)]).await;
    assert!(page.body.contains("name=\"do_\""), "{}", page.body);
    let csrf = hidden_value(&page.body, "csrf");
    let today = prague_day(Utc::now());
    let day = |n: i64| (today + Duration::days(n)).to_string();
    let open = |from: String, to: String| {
        let coordinator = coordinator.clone();
        let csrf = csrf.clone();
        let path = format!("{admin_path}/stav");
        async move {
            app.post(
                &path,
                &[
                    ("stav", "in_comment"),
                    ("od", &from),
                    ("do_", &to),
                    ("oznameni", "Veřejné projednání **10. 12.** v sále radnice."),
                    ("csrf", &csrf),
                ],
                &coordinator,
            )
            .await
        }
    };
    let short = open(day(0), day(5)).await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
    assert!(short.body.contains("nejméně 14 dní"), "{}", short.body);
    let reversed = open(day(20), day(0)).await;
    assert!(
        reversed.body.contains("nesmí být před"),
        "{}",
        reversed.body
    );
    let opened = open(day(0), day(20)).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let mails = t.mails();
    assert_eq!(mails.len(), 1, "the one member with an e-mail");
    assert!(mails[0].contains("clen@example.cz") && mails[0].contains("/pripominky"));

    // The text is locked while the period runs.
    let element_path = format!("{admin_path}/prvek/{measure}");
    let locked = app
        .post(
            &element_path,
            &[("nazev", "Jinak"), ("revize", "1"), ("csrf", &csrf)],
            &coordinator,
        )
        .await;
    assert_eq!(locked.status, StatusCode::BAD_REQUEST);

    // The public finds the draft and its comment form.
    let plans = app.get("/nepomuk/plany").await;
    let comments_path = format!(
        "/nepomuk/plan/{}-komunitni-plan-nepomuk-2027-2029/pripominky",
        plan.0
    );
    assert!(plans.body.contains(&comments_path), "{}", plans.body);
    let public = app.get(&comments_path).await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    assert!(public.body.contains("<strong>10. 12.</strong>"));
    assert!(public.body.contains(&format!("pripominka?prvek={measure}")));
    let form_path = comments_path.replace("pripominky", "pripominka");
    let form = app.get(&format!("{form_path}?prvek={measure}")).await;
    assert!(form.body.contains(&format!("value=\"{measure}\" selected")));
    let (jar, token) = form_token(&form);
    let send = |fields: Vec<(&'static str, String)>| {
        let jar = jar.clone();
        let token = token.clone();
        let form_path = form_path.clone();
        async move {
            let mut all: Vec<(&str, String)> = vec![("token", token)];
            all.extend(fields);
            let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(&form_path, &pairs, &jar).await
        }
    };
    let before = store.plan_comments(plan).await.unwrap().len();
    let tokenless = app.post(&form_path, &[("text", "Bez tokenu")], &jar).await;
    assert_eq!(tokenless.status, StatusCode::BAD_REQUEST);
    assert!(tokenless.body.contains("vypršel"), "{}", tokenless.body);
    for (fields, status, says) in [
        (
            vec![("text", "Text".into()), ("jmeno", "Eva".into())],
            StatusCode::BAD_REQUEST,
            "souhlas",
        ),
        (
            vec![("text", "x".repeat(5001))],
            StatusCode::BAD_REQUEST,
            "musí mít 1 až",
        ),
        (
            vec![("text", "Text".into()), ("prvek", "e999".into())],
            StatusCode::BAD_REQUEST,
            "Vybraná část plánu",
        ),
        (
            vec![
                ("text", "Text".into()),
                ("informovat", "1".into()),
                ("souhlas", "1".into()),
            ],
            StatusCode::BAD_REQUEST,
            "vyplňte e-mail",
        ),
    ] {
        let reply = send(fields).await;
        assert_eq!(reply.status, status, "{}", reply.body);
        assert!(reply.body.contains(says), "{says}: {}", reply.body);
    }
    let robot = send(vec![("text", "spam".into()), ("web", "http://x".into())]).await;
    assert_eq!(robot.status, StatusCode::SEE_OTHER);
    assert_eq!(store.plan_comments(plan).await.unwrap().len(), before);

    let named = send(vec![
        ("prvek", measure.to_string()),
        (
            "text",
            "Chybí odlehčovací služba pro pečující rodiny.".into(),
        ),
        ("navrh", "Doplnit odlehčovací službu.".into()),
        ("jmeno", "Eva Nováková".into()),
        ("email", "eva@example.cz".into()),
        ("zverejnit", "1".into()),
        ("informovat", "1".into()),
        ("souhlas", "1".into()),
    ])
    .await;
    assert_eq!(named.status, StatusCode::SEE_OTHER, "{}", named.body);
    let anonymous = send(vec![(
        "text",
        "<script>alert(1)</script> Více peněz.".into(),
    )])
    .await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    let abusive = send(vec![("text", "Urážka.".into())]).await;
    assert_eq!(abusive.status, StatusCode::SEE_OTHER);
    let comments = store.plan_comments(plan).await.unwrap();
    assert_eq!(comments.len(), before + 3);
    let (eva, script, abuse) = (&comments[0], &comments[1], &comments[2]);
    let public = app.get(&comments_path).await;
    assert!(public.body.contains("Eva Nováková"));
    assert!(public.body.contains("veřejnost"));
    assert!(
        public
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(!public.body.contains("<script>alert"));
    assert!(
        !public.body.contains("eva@example.cz"),
        "e-mails are never shown"
    );

    // Approval waits for the period, then for every settlement.
    let status_path = format!("{admin_path}/stav");
    let approve = |coordinator: String, csrf: String| {
        let status_path = status_path.clone();
        let date = day(25);
        async move {
            app.post(
                &status_path,
                &[
                    ("stav", "approved"),
                    ("usneseni", "ZM/9/2027"),
                    ("datum", &date),
                    ("organ", "Zastupitelstvo města Nepomuk"),
                    ("csrf", &csrf),
                ],
                &coordinator,
            )
            .await
        }
    };
    let running = approve(coordinator.clone(), csrf.clone()).await;
    assert_eq!(running.status, StatusCode::CONFLICT);
    assert!(running.body.contains("běží do"), "{}", running.body);
    let closed = app
        .post(
            &format!("{admin_path}/pripominky/ukoncit"),
            &[("csrf", &csrf)],
            &coordinator,
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let unsettled = approve(coordinator.clone(), csrf.clone()).await;
    assert_eq!(unsettled.status, StatusCode::CONFLICT);
    assert!(
        unsettled.body.contains("3 připomínky"),
        "{}",
        unsettled.body
    );
    // Comments are no longer taken.
    let late = send(vec![("text", "Pozdě.".into())]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);

    // Settlement: justification required, a stale revision refused, the commenter told.
    let settle =
        |id: i64, revision: i64, status: &'static str, why: &'static str, changed: String| {
            let coordinator = coordinator.clone();
            let csrf = csrf.clone();
            async move {
                app.post(
                    &format!("/sprava/nepomuk/pripominka/{id}/vyporadani"),
                    &[
                        ("stav", status),
                        ("oduvodneni", why),
                        ("zmena", &changed),
                        ("revize", &revision.to_string()),
                        ("csrf", &csrf),
                    ],
                    &coordinator,
                )
                .await
            }
        };
    let empty = settle(eva.id.0, eva.revision, "accepted", " ", String::new()).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    let accepted = settle(
        eva.id.0,
        eva.revision,
        "accepted",
        "Doplněno jako nová aktivita.",
        measure.to_string(),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let stale = settle(eva.id.0, eva.revision, "rejected", "Ne.", String::new()).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale.body.contains("Doplněno jako nová aktivita."),
        "the saved one is shown"
    );
    let told: Vec<String> = t
        .mails()
        .into_iter()
        .filter(|m| m.contains("eva@example.cz"))
        .collect();
    assert_eq!(told.len(), 1);
    assert!(told[0].contains("vyhověno") && told[0].contains("Doplněno jako nová aktivita."));
    assert!(
        store
            .comment(eva.id)
            .await
            .unwrap()
            .unwrap()
            .notified_at
            .is_some()
    );
    let noted = settle(
        script.id.0,
        script.revision,
        "noted",
        "Rozpočet určí zastupitelstvo.",
        String::new(),
    )
    .await;
    assert_eq!(noted.status, StatusCode::SEE_OTHER);
    let hidden = app
        .post(
            &format!("/sprava/nepomuk/pripominka/{}/skryt", abuse.id.0),
            &[("akce", "skryt"), ("duvod", "Urážky"), ("csrf", &csrf)],
            &coordinator,
        )
        .await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER);
    assert!(!app.get(&comments_path).await.body.contains("Urážka."));

    // The text changes after the period; the diff shows it against the published text.
    let revision = store.plan_elements(v1).await.unwrap()[2].revision;
    let edited = app
        .post(
            &element_path,
            &[
                ("nazev", "Rozšířit pečovatelskou a odlehčovací službu"),
                ("text", "Služba bude jezdit do všech obcí."),
                ("revize", &revision.to_string()),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    let period = store.comment_periods(plan).await.unwrap()[0].id.0;
    let diff = app
        .get_with(
            &format!("{admin_path}/zmeny?od=p{period}&do=v1"),
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(diff.status, StatusCode::OK, "{}", diff.body);
    assert!(
        diff.body.contains("</span>a odlehčovací </ins>"),
        "{}",
        diff.body
    );
    assert!(diff.body.contains("změněno 1"), "{}", diff.body);

    // The settlement table for the council.
    let pdf = app
        .get_bytes(&comments_path.replace("pripominky", "vyporadani.pdf"))
        .await;
    let text = poppler("pdftotext", &[], &pdf);
    for expected in [
        "Vypořádání připomínek",
        "Eva Nováková",
        "Chybí odlehčovací služba",
        "vyhověno",
        "veřejnost",
        "vzato na vědomí",
        "Rozpočet určí zastupitelstvo.",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(!text.contains("eva@example.cz") && !text.contains("Urážka."));
    let xlsx = app
        .get_bytes(&comments_path.replace("pripominky", "vyporadani.xlsx"))
        .await;
    assert!(xlsx.starts_with(b"PK"));

    // Personal data erased on request: the comment stays, by "the public".
    let erased = app
        .post(
            &format!("/sprava/nepomuk/pripominka/{}/anonymizovat", eva.id.0),
            &[("csrf", &csrf)],
            &coordinator,
        )
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    let public = app.get(&comments_path).await;
    assert!(!public.body.contains("Eva Nováková"));
    assert!(public.body.contains("Chybí odlehčovací služba"));

    // Approved: frozen with its resolution.
    let approved = approve(coordinator.clone(), csrf.clone()).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let version = &store.plan(plan).await.unwrap().unwrap().versions[0];
    assert_eq!(version.status, PlanStatus::Approved);
    assert_eq!(version.approval.as_ref().unwrap().resolution, "ZM/9/2027");
    let frozen = settle(
        script.id.0,
        script.revision + 1,
        "rejected",
        "Ne.",
        String::new(),
    )
    .await;
    assert_eq!(frozen.status, StatusCode::BAD_REQUEST);

    // A newer version drops the measure: its comments stay with version 1.
    store
        .set_plan_status(v1, PlanStatus::InForce, None, change)
        .await
        .unwrap();
    let v2 = store.new_plan_version(plan, change).await.unwrap();
    store
        .remove_plan_element(v2, &measure, change)
        .await
        .unwrap();
    let public = app.get(&comments_path).await;
    assert!(public.body.contains("Chybí odlehčovací služba"));
    let kept = store.comment(eva.id).await.unwrap().unwrap();
    assert_eq!((kept.version, kept.element.as_ref()), (v1, Some(&measure)));
}

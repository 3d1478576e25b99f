//! The installation's administration through HTTP: areas created and changed on the web with
//! each bad field named, display labels of codelists reaching the public pages, and the
//! installation-wide audit log with logins.

use axum::http::{StatusCode, header};
use souhra_core::account::{Grant, Role};

use super::accounts::{accounts_app, hidden_value, provider_service};
use super::catalogue_pages::{KRAMOLIN, NEPOMUK};

#[tokio::test]
async fn installation_administrators_manage_areas_labels_and_read_every_event() {
    let t = accounts_app().await;
    let app = &t.app;
    let store = &app.database.store;
    let region = t.area("plzensky-kraj").await;
    t.user(
        "spravce@souhra.example",
        &[Grant::new(Role::Administrator, None, None).unwrap()],
    )
    .await;
    t.user(
        "kraj@souhra.example",
        &[Grant::new(Role::Administrator, Some(region), None).unwrap()],
    )
    .await;
    let admin = t.login("spravce@souhra.example").await;
    let home = app.get_with("/sprava", &[("cookie", &admin)]).await;
    assert!(home.body.contains("href=\"/sprava/instalace\""));
    let csrf = hidden_value(&home.body, "csrf");
    let page = app
        .get_with("/sprava/instalace", &[("cookie", &admin)])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Plzeňský kraj") && page.text.contains("Nepomuk"));

    // Each bad field is named and what was typed stays in the form.
    let create = |slug: &'static str, kind: &'static str, codes: &'static str| {
        let csrf = csrf.clone();
        let admin = admin.clone();
        async move {
            app.post(
                "/sprava/instalace/nova-oblast",
                &[
                    ("slug", slug),
                    ("nazev", "Kramolín <i>a okolí</i>"),
                    ("druh", kind),
                    ("kody", codes),
                    ("csrf", &csrf),
                ],
                &admin,
            )
            .await
        }
    };
    for (slug, kind, codes, message) in [
        ("kramolin", "municipalities", "55794", "nemá správný tvar"),
        ("kramolin", "orp", "3207 3208", "právě jeden kód"),
        (
            "sprava",
            "municipalities",
            KRAMOLIN,
            "používá aplikace sama",
        ),
        ("Kramolín", "municipalities", KRAMOLIN, "jen malá písmena"),
        // Praha: not in this installation's territory.
        (
            "kramolin",
            "municipalities",
            "554782",
            "v datech o území není",
        ),
        ("nepomuk", "orp", "3207", "už existuje"),
    ] {
        let reply = create(slug, kind, codes).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{slug} {codes}");
        assert!(reply.text.contains(message), "{message}: {}", reply.text);
        assert!(
            reply
                .body
                .contains("value=\"Kramolín &lt;i&gt;a okolí&lt;/i&gt;\"")
        );
    }
    assert_eq!(store.areas().await.unwrap().len(), 2);
    let created = create("kramolin", "municipalities", KRAMOLIN).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let area = store.area_by_slug("kramolin").await.unwrap().unwrap();
    assert_eq!(area.name, "Kramolín <i>a okolí</i>");
    assert_eq!(app.get("/kramolin").await.status, StatusCode::OK);

    // Renamed and grown by a municipality; the slug stays.
    let form = app
        .get_with("/sprava/instalace/oblasti/kramolin", &[("cookie", &admin)])
        .await;
    assert!(
        form.body.contains(&format!(">{KRAMOLIN}</textarea>")),
        "{}",
        form.body
    );
    let codes = format!("{KRAMOLIN}, {NEPOMUK}");
    let saved = app
        .post(
            "/sprava/instalace/oblasti/kramolin",
            &[
                ("slug", "jinam"),
                ("nazev", "Kramolín a Nepomuk"),
                ("druh", "municipalities"),
                ("kody", &codes),
                ("csrf", &csrf),
            ],
            &admin,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(store.area_by_slug("jinam").await.unwrap().is_none());
    assert_eq!(store.area_summary(area.id).await.unwrap().municipalities, 2);

    // A display label replaces the official name on the public pages once the index catches
    // up; one bad field saves nothing.
    let service = provider_service(&t).await;
    let labels = app
        .get_with(
            "/sprava/instalace/ciselniky/service_kind",
            &[("cookie", &admin)],
        )
        .await;
    assert!(
        labels.text.contains("pečovatelská služba"),
        "{}",
        labels.text
    );
    let too_long = "x".repeat(201);
    let refused = app
        .post(
            "/sprava/instalace/ciselniky/service_kind",
            &[
                ("l:40", "Pomoc s péčí doma"),
                ("l:41", &too_long),
                ("csrf", &csrf),
            ],
            &admin,
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused.text.contains("Nic nebylo uloženo"),
        "{}",
        refused.text
    );
    assert!(refused.body.contains("value=\"Pomoc s péčí doma\""));
    assert!(store.display_labels().await.unwrap().is_empty());
    let saved = app
        .post(
            "/sprava/instalace/ciselniky/service_kind",
            &[("l:40", "Pomoc s péčí doma"), ("csrf", &csrf)],
            &admin,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    app.state.refresh_search(false).await.unwrap();
    let public = app.get(&format!("/nepomuk/sluzba/{}", service.0)).await;
    let public = app
        .get(public.headers[header::LOCATION].to_str().unwrap())
        .await;
    assert!(public.text.contains("Pomoc s péčí doma"), "{}", public.text);

    // The installation's log has the logins and the changes above, each as a phrase; an
    // administrator of one region has no access to it.
    let _ = t
        .login_reply("spravce@souhra.example", "wrong password!", "")
        .await;
    let log = app
        .get_with("/sprava/instalace/audit", &[("cookie", &admin)])
        .await;
    assert_eq!(log.status, StatusCode::OK);
    for phrase in [
        "přihlášení",
        "neúspěšné přihlášení",
        "vytvoření území",
        "úprava území",
        "název položky číselníku",
    ] {
        assert!(log.text.contains(phrase), "{phrase}: {}", log.text);
    }
    let csv = app
        .get_with(
            "/sprava/instalace/audit?format=csv&akce=area.",
            &[("cookie", &admin)],
        )
        .await;
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines[1].contains(",úprava území,Kramolín a Nepomuk,"),
        "{lines:#?}"
    );
    let regional = t.login("kraj@souhra.example").await;
    for path in [
        "/sprava/instalace",
        "/sprava/instalace/audit",
        "/sprava/instalace/ciselniky/form",
    ] {
        let reply = app.get_with(path, &[("cookie", &regional)]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    let unknown = app
        .get_with("/sprava/instalace/ciselniky/nic", &[("cookie", &admin)])
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

//! The network of social services (included by `web.rs`): a region's coordinator adds services
//! with their capacity and money, the refusals, approval, the public network page with its
//! funding overview and open data, money paid, and the ORP plans a region's plan draws on.

use souhra_core::account::{Grant, Role};
use souhra_core::plan::{Period, PlanKind};
use souhra_store::plan::NewPlan;

use super::accounts::{accounts_app, hidden_value};
use super::analysis::{add_supply, bring_into_force, draft_plan, load_ages, now};
use super::*;

#[tokio::test]
async fn a_region_keeps_its_network_with_capacity_money_and_reasons() {
    let t = accounts_app().await;
    let app = &t.app;
    add_supply(app).await;
    load_ages(app).await;
    let store = &app.database.store;
    let region = t.area("plzensky-kraj").await;
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "kraj@kraj.cz",
        &[Grant::new(Role::Coordinator, Some(region), None).unwrap()],
    )
    .await;
    // The ORP's plan in force with a measure that needs the region.
    let (orp_plan, orp_version, measure) = draft_plan(
        store,
        nepomuk,
        [
            "Komunitní plán Nepomucka",
            "Senioři",
            "Domov",
            "Udržet domov pro seniory",
        ],
        true,
    )
    .await;
    bring_into_force(store, orp_version).await;
    let (network, version) = store
        .create_plan(
            &NewPlan {
                area: region,
                kind: PlanKind::ServiceNetwork,
                title: "Síť sociálních služeb Plzeňského kraje 2027".into(),
                topic: None,
                period: Period::new(PlanKind::ServiceNetwork, 2027, 2027).unwrap(),
            },
            now(),
        )
        .await
        .unwrap();
    let services = store.services_in_area(nepomuk).await.unwrap();
    let home = services
        .iter()
        .find(|s| s.name == "Domov pro seniory Nepomuk")
        .unwrap()
        .id
        .0;
    let session = t.login("kraj@kraj.cz").await;
    let page = app
        .get_with(
            &format!("/sprava/plzensky-kraj/plan/{}", network.0),
            &[("cookie", session.as_str())],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.text.contains("Zařadit do sítě"), "{}", page.text);
    let csrf = hidden_value(&page.body, "csrf");
    let form = app
        .get_with(
            &format!("/sprava/plzensky-kraj/plan/{}/sit?sluzba={home}", network.0),
            &[("cookie", session.as_str())],
        )
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.text.contains("Registrovaná kapacita: 40"),
        "{}",
        form.text
    );
    let action = format!("/sprava/plzensky-kraj/plan/{}/sit", network.0);
    let home_text = home.to_string();
    let measure_value = format!("{}:{measure}", orp_plan.0);
    let post = |capacity: &'static str, money: &'static [(&'static str, &'static str)]| {
        let mut fields: Vec<(String, String)> = vec![
            ("csrf".into(), csrf.clone()),
            ("sluzba".into(), home_text.clone()),
            ("typ".into(), "basic".into()),
            ("kapacita:pob:luzka".into(), capacity.into()),
            (
                "zduvodneni".into(),
                "Jediný domov pro seniory v ORP.".into(),
            ),
            ("opatreni".into(), measure_value.clone()),
        ];
        for (source, amount) in money {
            fields.push((format!("planovano:{source}"), (*amount).into()));
        }
        let action = action.clone();
        let session = session.clone();
        async move {
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            app.post(&action, &pairs, &session).await
        }
    };
    // Refusals name the problem and store nothing.
    for (capacity, money, said) in [
        (
            "41",
            &[("region", "100")][..],
            "Kapacita v síti 41 (lůžka, pobytová) je vyšší než registrovaná kapacita 40.",
        ),
        (
            "20",
            &[("region", "-5 000")][..],
            "Částka „-5 000“ je záporná",
        ),
        (
            "20",
            &[("loterie", "5")][..],
            "Zdroj financování „loterie“ neznáme.",
        ),
        (
            "dvacet",
            &[][..],
            "Kapacita „dvacet“ není celé nezáporné číslo.",
        ),
    ] {
        let reply = post(capacity, money).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
        assert!(reply.text.contains(said), "{said} in {}", reply.text);
    }
    assert!(store.plan_elements(version).await.unwrap().is_empty());
    // An ended service is refused too.
    let ended = store
        .services(&store.service_ids().await.unwrap())
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Zaniklý domov")
        .unwrap();
    let reply = app
        .post(
            &action,
            &[
                ("csrf", csrf.as_str()),
                ("sluzba", ended.id.0.to_string().as_str()),
                ("typ", "basic"),
            ],
            &session,
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply.text.contains("Služba byla ukončena"),
        "{}",
        reply.text
    );
    // A good entry.
    let reply = post("35", &[("region", "1 200 000"), ("municipality", "300000")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text);
    let elements = store.plan_elements(version).await.unwrap();
    assert_eq!(elements.len(), 1);
    let key = elements[0].key.clone();
    // The network is commented on and approved like a plan, then comes into force.
    bring_into_force(store, version).await;
    let csrf_form = app
        .get_with(
            &format!("/sprava/plzensky-kraj/plan/{}/sit/{key}", network.0),
            &[("cookie", session.as_str())],
        )
        .await;
    assert_eq!(csrf_form.status, StatusCode::OK, "{}", csrf_form.body);
    let paid = app
        .post(
            &format!(
                "/sprava/plzensky-kraj/plan/{}/sit/{key}/vyplaceno",
                network.0
            ),
            &[("csrf", csrf.as_str()), ("vyplaceno:mpsv", "900 000")],
            &session,
        )
        .await;
    assert_eq!(paid.status, StatusCode::SEE_OTHER, "{}", paid.text);
    let negative = app
        .post(
            &format!(
                "/sprava/plzensky-kraj/plan/{}/sit/{key}/vyplaceno",
                network.0
            ),
            &[("csrf", csrf.as_str()), ("vyplaceno:mpsv", "-1")],
            &session,
        )
        .await;
    assert_eq!(negative.status, StatusCode::BAD_REQUEST);
    assert_eq!(store.funding_actuals(network).await.unwrap().len(), 1);

    // The public page: what the region funds and why, with the funding overview.
    let public = app.get("/plzensky-kraj/sit").await;
    assert_eq!(public.status, StatusCode::OK, "{}", public.body);
    for said in [
        "Domov pro seniory Nepomuk",
        "základní síť",
        "Jediný domov pro seniory v ORP.",
        "Komunitní plán Nepomucka – Udržet domov pro seniory",
        "1\u{a0}500\u{a0}000\u{a0}Kč",
        "900\u{a0}000\u{a0}Kč",
    ] {
        assert!(public.text.contains(said), "{said} in {}", public.text);
    }
    assert!(public.body.contains(&format!("#{measure}\"")));
    // Per ORP: all the money goes to Nepomuk, whose residents the home serves.
    let row = public
        .text
        .split("<th scope=\"row\">Nepomuk</th>")
        .nth(1)
        .unwrap();
    assert!(
        row.split("</tr>")
            .next()
            .unwrap()
            .contains("1\u{a0}500\u{a0}000\u{a0}Kč"),
        "{row}"
    );
    // The network's plan page leads there.
    let plan_page = app
        .get(&format!("/plzensky-kraj/plan/{}-x", network.0))
        .await;
    assert!(plan_page.status.is_redirection());
    // Open data.
    let csv = app.get("/plzensky-kraj/sit.csv?rok=2027").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains("Plán – kraj"), "{}", csv.body);
    assert!(csv.body.contains(",1200000,"), "{}", csv.body);
    let json = app.get("/plzensky-kraj/sit.json").await;
    assert_eq!(json.status, StatusCode::OK, "{}", json.body);
    let services: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let attributes = services[0]["attributes"].as_array().unwrap();
    let value_of = |link: &str| {
        attributes
            .iter()
            .find(|a| a["link_type"] == link)
            .map(|a| a["value"].as_str().unwrap().to_owned())
    };
    assert_eq!(value_of("network_type").as_deref(), Some("basic"));
    assert_eq!(value_of("network_capacity:pob").as_deref(), Some("35"));
    assert_eq!(
        value_of("planned_funding:region").as_deref(),
        Some("1200000")
    );
    assert_eq!(value_of("actual_funding:mpsv").as_deref(), Some("900000"));
    assert_eq!(
        app.get("/plzensky-kraj/sit?rok=2030").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/plzensky-kraj/sit?rok=x").await.status,
        StatusCode::BAD_REQUEST
    );

    // The network as a PDF: its services by type and kind with capacity and money, then the
    // funding overview.
    let pdf_href = public
        .body
        .split("href=\"")
        .filter_map(|part| part.split('"').next())
        .find(|href| href.ends_with("/plan.pdf"))
        .expect("the network page links its PDF")
        .to_owned();
    assert!(
        pdf_href.starts_with(&format!("/plzensky-kraj/plan/{}-", network.0)),
        "{pdf_href}"
    );
    let pdf = app.get_bytes(&pdf_href).await;
    let printed = souhra_docs::testing::poppler("pdftotext", &[], &pdf).replace('\u{a0}', " ");
    for needle in [
        "1 Základní síť",
        "1.1.1 Domov pro seniory Nepomuk",
        "35 lůžka (pobytová)",
        "Jediný domov pro seniory v ORP.",
        "Komunitní plán Nepomucka – Udržet domov pro seniory",
        "1 200 000 Kč",
        "900 000 Kč",
        "Vyplaceno",
        "Plánované financování podle ORP",
    ] {
        assert!(printed.contains(needle), "{needle}: {printed}");
    }
    // A change of the network goes out for comment: the comment page shows each service's type,
    // capacity and planned money beside its justification.
    let next = store.new_plan_version(network, now()).await.unwrap();
    let today = souhra_store::comment::prague_day(chrono::Utc::now());
    store
        .open_comment_period(next, today, today + chrono::Days::new(13), None, now())
        .await
        .unwrap();
    let comments = app
        .get(&format!("/plzensky-kraj/plan/{}-x/pripominky", network.0))
        .await;
    assert_eq!(comments.status, StatusCode::OK, "{}", comments.body);
    for said in [
        "Jediný domov pro seniory v ORP.",
        "základní síť",
        "35 lůžka (pobytová)",
        "kraj: 1\u{a0}200\u{a0}000\u{a0}Kč",
    ] {
        assert!(comments.text.contains(said), "{said} in {}", comments.text);
    }

    // The region's own plan names the ORP plan as its input.
    let (sprss, sprss_version) = store
        .create_plan(
            &NewPlan {
                area: region,
                kind: PlanKind::CommunityPlan,
                title: "Střednědobý plán Plzeňského kraje".into(),
                topic: None,
                period: Period::new(PlanKind::CommunityPlan, 2026, 2028).unwrap(),
            },
            now(),
        )
        .await
        .unwrap();
    let admin = app
        .get_with(
            &format!("/sprava/plzensky-kraj/plan/{}", sprss.0),
            &[("cookie", session.as_str())],
        )
        .await;
    assert!(
        admin.text.contains("Komunitní plán Nepomucka (Nepomuk)"),
        "{}",
        admin.text
    );
    let inputs = format!("/sprava/plzensky-kraj/plan/{}/vstupy", sprss.0);
    let saved = app
        .post(
            &inputs,
            &[
                ("csrf", csrf.as_str()),
                ("vstup", orp_plan.0.to_string().as_str()),
            ],
            &session,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    assert_eq!(store.plan_inputs(sprss).await.unwrap(), vec![orp_plan]);
    let foreign = app
        .post(
            &inputs,
            &[("csrf", csrf.as_str()), ("vstup", "999999")],
            &session,
        )
        .await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
    assert_eq!(store.plan_inputs(sprss).await.unwrap(), vec![orp_plan]);
    bring_into_force(store, sprss_version).await;
    let orp_public = app
        .get(&format!(
            "/nepomuk/plan/{}-komunitni-plan-nepomucka",
            orp_plan.0
        ))
        .await;
    assert!(
        orp_public.text.contains("Tento plán je podkladem pro:"),
        "{}",
        orp_public.text
    );
}

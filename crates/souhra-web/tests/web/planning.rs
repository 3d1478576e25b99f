//! Plans through HTTP: a coordinator creates a plan and writes it with a working-group member,
//! a stale save is refused with both texts, the workflow takes it to approval and into force,
//! and the public page shows it — markup typed into the plan escaped.

use axum::http::{StatusCode, header};
use souhra_core::account::{Grant, Role};

use super::accounts::{accounts_app, hidden_value};

/// The value of a hidden field named `name` in the form whose action is `action`.
fn form_value(body: &str, action: &str, name: &str) -> String {
    let start = body
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form {action} in {body}"));
    hidden_value(&body[start..], name)
}

#[tokio::test]
async fn plans_are_written_together_approved_and_published() {
    let t = accounts_app().await;
    let app = &t.app;
    let store = &app.database.store;
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
        .get_with("/sprava/nepomuk/plany", &[("cookie", &coordinator)])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let csrf = hidden_value(&list.body, "csrf");

    // A period too long for an action plan is refused with the reason; nothing is made.
    let create = |kind: &'static str, to: &'static str| {
        let csrf = csrf.clone();
        let coordinator = coordinator.clone();
        async move {
            app.post(
                "/sprava/nepomuk/plany",
                &[
                    ("druh", kind),
                    ("nazev", "Komunitní plán 2026–2028"),
                    ("od", "2026"),
                    ("do_", to),
                    ("csrf", &csrf),
                ],
                &coordinator,
            )
            .await
        }
    };
    let refused = create("action_plan", "2028").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.text.contains("nejvýše 2 let"), "{}", refused.text);
    assert!(store.plans_of_area(nepomuk).await.unwrap().is_empty());
    let created = create("community_plan", "2028").await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let plan_path = created.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let id: i64 = plan_path.rsplit('/').next().unwrap().parse().unwrap();

    // The group member writes: a priority, a goal, a measure under it.
    let page = app.get_with(&plan_path, &[("cookie", &member)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("/stav\""),
        "members do not steer the workflow"
    );
    let member_csrf = hidden_value(&page.body, "csrf");
    let add = |kind: &'static str, parent: String| {
        let member_csrf = member_csrf.clone();
        let member = member.clone();
        async move {
            let reply = app
                .post(
                    &format!("/sprava/nepomuk/plan/{id}/prvek"),
                    &[
                        ("druh", kind),
                        ("nadrazeny", &parent),
                        ("csrf", &member_csrf),
                    ],
                    &member,
                )
                .await;
            assert_eq!(
                reply.status,
                StatusCode::SEE_OTHER,
                "{kind}: {}",
                reply.body
            );
            reply.headers[header::LOCATION]
                .to_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        }
    };
    let priority = add("priority", String::new()).await;
    let goal = add("goal", priority.clone()).await;
    let measure = add("measure", goal.clone()).await;
    // A second measure moves before the first, and back again; nothing moves past the top.
    let second = add("measure", goal.clone()).await;
    let order = |who: String| {
        let (measure, second) = (measure.clone(), second.clone());
        async move {
            let page = app
                .get_with(&format!("/sprava/nepomuk/plan/{id}"), &[("cookie", &who)])
                .await;
            let first = page.body.find(&format!("id=\"r-{measure}\"")).unwrap();
            let other = page.body.find(&format!("id=\"r-{second}\"")).unwrap();
            first < other
        }
    };
    let step = |key: String, direction: &'static str| {
        let member = member.clone();
        let member_csrf = member_csrf.clone();
        async move {
            app.post(
                &format!("/sprava/nepomuk/plan/{id}/prvek/{key}/posun"),
                &[("smer", direction), ("csrf", &member_csrf)],
                &member,
            )
            .await
            .status
        }
    };
    assert!(order(member.clone()).await);
    assert_eq!(step(second.clone(), "nahoru").await, StatusCode::SEE_OTHER);
    assert!(!order(member.clone()).await, "moved up");
    assert_eq!(step(second.clone(), "nahoru").await, StatusCode::SEE_OTHER);
    assert!(!order(member.clone()).await, "already first");
    assert_eq!(step(second.clone(), "sem").await, StatusCode::BAD_REQUEST);
    assert_eq!(step(second.clone(), "dolu").await, StatusCode::SEE_OTHER);
    assert!(order(member.clone()).await);
    let removed = app
        .post(
            &format!("/sprava/nepomuk/plan/{id}/prvek/{second}/smazat"),
            &[("csrf", &member_csrf)],
            &member,
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let element_path = format!("/sprava/nepomuk/plan/{id}/prvek/{measure}");
    let form = app.get_with(&element_path, &[("cookie", &member)]).await;
    let revision = form_value(&form.body, &element_path, "revize");
    assert_eq!(revision, "1");
    let save = |who: &str, csrf: &str, title: &str, text: &str, revision: &str| {
        let (who, csrf, title, text, revision) = (
            who.to_owned(),
            csrf.to_owned(),
            title.to_owned(),
            text.to_owned(),
            revision.to_owned(),
        );
        let element_path = element_path.clone();
        async move {
            app.post(
                &element_path,
                &[
                    ("nazev", title.as_str()),
                    ("text", text.as_str()),
                    ("skupiny", "seniori"),
                    ("skupiny", "pecujici-osoby"),
                    ("organizace", "Město Nepomuk"),
                    ("zacatek", "2026-01-01"),
                    ("konec", "2027-12-31"),
                    ("revize", revision.as_str()),
                    ("csrf", csrf.as_str()),
                ],
                &who,
            )
            .await
        }
    };
    let saved = save(
        &member,
        &member_csrf,
        "Posílit terénní péči",
        "Služba dojede <script>alert(1)</script> **všude**.",
        &revision,
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // The coordinator had the same form open: the save is refused and shows both texts.
    let late = save(&coordinator, &csrf, "Můj název", "Můj text", &revision).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.text.contains("Nic nebylo přepsáno"), "{}", late.text);
    assert!(late.text.contains("Posílit terénní péči") && late.text.contains("Můj text"));
    let stored = store
        .plan_elements(
            store
                .plan(souhra_store::plan::PlanId(id))
                .await
                .unwrap()
                .unwrap()
                .versions[0]
                .id,
        )
        .await
        .unwrap();
    let m = stored.iter().find(|e| e.key.as_str() == measure).unwrap();
    assert_eq!(m.title, "Posílit terénní péči");
    assert_eq!(m.details.target_groups, ["seniori", "pecujici-osoby"]);
    // Reversed dates are named.
    let form = app.get_with(&element_path, &[("cookie", &member)]).await;
    let revision = form_value(&form.body, &element_path, "revize");
    let reversed = app
        .post(
            &element_path,
            &[
                ("nazev", "Posílit terénní péči"),
                ("zacatek", "2027-01-01"),
                ("konec", "2026-01-01"),
                ("revize", &revision),
                ("csrf", &member_csrf),
            ],
            &member,
        )
        .await;
    assert_eq!(reversed.status, StatusCode::BAD_REQUEST);
    assert!(
        reversed.text.contains("Konec nesmí být dříve"),
        "{}",
        reversed.text
    );

    // Catalogue services linked to the measure: only the area's services are taken.
    let service = super::accounts::provider_service(&t).await;
    let form = app.get_with(&element_path, &[("cookie", &member)]).await;
    assert!(
        form.text.contains("Pečovatelská služba Nepomuk"),
        "{}",
        form.text
    );
    let revision = form_value(&form.body, &element_path, "revize");
    let link = |ids: Vec<String>, revision: String| {
        let member = member.clone();
        let member_csrf = member_csrf.clone();
        let element_path = element_path.clone();
        async move {
            let mut fields: Vec<(&str, &str)> = vec![
                ("nazev", "Posílit terénní péči"),
                ("text", "Služba dojede <script>alert(1)</script> **všude**."),
                ("skupiny", "seniori"),
                ("skupiny", "pecujici-osoby"),
                ("organizace", "Město Nepomuk"),
                ("zacatek", "2026-01-01"),
                ("konec", "2027-12-31"),
                ("sluzby_seznam", "1"),
                ("revize", revision.as_str()),
                ("csrf", member_csrf.as_str()),
            ];
            fields.extend(ids.iter().map(|id| ("sluzby", id.as_str())));
            app.post(&element_path, &fields, &member).await
        }
    };
    let foreign = link(
        vec![service.0.to_string(), "999999".into()],
        revision.clone(),
    )
    .await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
    let linked = link(vec![service.0.to_string()], revision).await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{}", linked.body);
    // Money and indicators: a bad row is named and nothing of the form is saved.
    let budget_path = format!("{element_path}/rozpocet");
    let bad_budget = app
        .post(
            &budget_path,
            &[
                ("rok", "2026"),
                ("zdroj", "municipality"),
                ("castka", "125 000"),
                ("rok", "2027"),
                ("zdroj", "mpsv"),
                ("castka", "-5"),
                ("csrf", &member_csrf),
            ],
            &member,
        )
        .await;
    assert_eq!(bad_budget.status, StatusCode::BAD_REQUEST);
    assert!(
        bad_budget.text.contains("Řádek 2 rozpočtu"),
        "{}",
        bad_budget.text
    );
    let version = store
        .plan(souhra_store::plan::PlanId(id))
        .await
        .unwrap()
        .unwrap()
        .versions[0]
        .id;
    assert!(store.plan_budget(version).await.unwrap().is_empty());
    let good_budget = app
        .post(
            &budget_path,
            &[
                ("rok", "2026"),
                ("zdroj", "municipality"),
                ("castka", "125 000"),
                ("rok", "2027"),
                ("zdroj", "mpsv"),
                ("castka", "300000"),
                ("rok", "2028"),
                ("zdroj", "region"),
                ("castka", ""),
                ("csrf", &member_csrf),
            ],
            &member,
        )
        .await;
    assert_eq!(
        good_budget.status,
        StatusCode::SEE_OTHER,
        "{}",
        good_budget.body
    );
    assert_eq!(store.plan_budget(version).await.unwrap().len(), 2);
    let indicator = |baseline: &'static str, target: &'static str| {
        let member_csrf = member_csrf.clone();
        let member = member.clone();
        let path = format!("{element_path}/ukazatele");
        async move {
            app.post(
                &path,
                &[
                    ("u_klic", ""),
                    ("u_nazev", "Klienti pečovatelské služby"),
                    ("u_jednotka", "osob"),
                    ("u_vychozi", baseline),
                    ("u_vychozi_rok", "2025"),
                    ("u_cil", target),
                    ("u_cil_rok", "2028"),
                    ("u_smer", "increase"),
                    ("csrf", &member_csrf),
                ],
                &member,
            )
            .await
        }
    };
    let wrong_way = indicator("80", "60").await;
    assert_eq!(wrong_way.status, StatusCode::BAD_REQUEST);
    assert!(wrong_way.text.contains("Ukazatel 1"), "{}", wrong_way.text);
    assert_eq!(indicator("80", "110").await.status, StatusCode::SEE_OTHER);
    let indicators = store.plan_indicators(version).await.unwrap();
    assert_eq!(indicators.len(), 1);
    assert_eq!(indicators[0].1.key.as_str(), "klienti-pecovatelske-sluzby");
    let recorded = app
        .post(
            &format!("{element_path}/hodnota"),
            &[
                ("klic", "klienti-pecovatelske-sluzby"),
                ("rok", "2026"),
                ("hodnota", "92,5"),
                ("csrf", &member_csrf),
            ],
            &member,
        )
        .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.body);
    let form = app.get_with(&element_path, &[("cookie", &member)]).await;
    assert!(form.text.contains("podle plánu"), "{}", form.text);

    // Members cannot move the plan along; the coordinator can.
    let step = |who: String,
                csrf: String,
                status: &'static str,
                extra: Vec<(&'static str, &'static str)>| async move {
        let mut form = vec![("stav", status), ("csrf", csrf.as_str())];
        form.extend(extra);
        app.post(&format!("/sprava/nepomuk/plan/{id}/stav"), &form, &who)
            .await
    };
    assert_eq!(
        step(member.clone(), member_csrf.clone(), "in_comment", vec![])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        step(coordinator.clone(), csrf.clone(), "in_force", vec![])
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        step(coordinator.clone(), csrf.clone(), "in_comment", vec![])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // The default comment period runs from today: ended early, nobody commented.
    let closed = app
        .post(
            &format!("/sprava/nepomuk/plan/{id}/pripominky/ukoncit"),
            &[("csrf", csrf.as_str())],
            &coordinator,
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let missing = step(coordinator.clone(), csrf.clone(), "approved", vec![]).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert!(missing.text.contains("číslo usnesení"), "{}", missing.text);
    let approval = vec![
        ("usneseni", "ZM/7/2026"),
        ("datum", "2026-02-10"),
        ("organ", "Zastupitelstvo města Nepomuk"),
    ];
    assert_eq!(
        step(coordinator.clone(), csrf.clone(), "approved", approval)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // Not public until in force.
    assert!(
        !app.get("/nepomuk/plany")
            .await
            .text
            .contains("Komunitní plán 2026–2028")
    );
    assert_eq!(
        step(coordinator.clone(), csrf.clone(), "in_force", vec![])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // Frozen now: the member's edits are refused.
    let frozen = save(&member, &member_csrf, "Po schválení", "", "2").await;
    assert_eq!(frozen.status, StatusCode::BAD_REQUEST);

    // Public: listed, shown, the script typed into the text escaped, the plan of Nepomuk not
    // reachable through another area.
    let list = app.get("/nepomuk/plany").await;
    assert!(
        list.text.contains("Komunitní plán 2026–2028"),
        "{}",
        list.text
    );
    let public = app.get(&format!("/nepomuk/plan/{id}")).await;
    assert_eq!(public.status, StatusCode::PERMANENT_REDIRECT);
    let href = public.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let public = app.get(&href).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.text.contains("Opatření 1.1.1: Posílit terénní péči"),
        "{}",
        public.text
    );
    assert!(
        public
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(public.body.contains("<strong>všude</strong>"));
    assert!(!public.body.contains("<script>alert(1)"));
    assert!(public.text.contains("ZM/7/2026"));
    assert!(public.text.contains("senioři"));
    assert!(
        public.body.contains(">Pečovatelská služba Nepomuk</a>"),
        "the linked service: {}",
        public.body
    );
    assert!(public.body.contains("<svg class=\"chart\""));
    assert!(public.text.contains("425\u{a0}000"), "{}", public.text);
    // The same as a workbook: the budget sheet has the amounts as numbers.
    let workbook = app.get(&format!("{href}/tabulka.xlsx")).await;
    assert_eq!(workbook.status, StatusCode::OK);
    assert_eq!(
        workbook.headers[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let bytes = app.get_bytes(&format!("{href}/tabulka.xlsx")).await;
    let measures = souhra_interop::sheet::read::read_xlsx("plan.xlsx", &bytes, "Opatření").unwrap();
    assert_eq!(measures.header[0], "Číslo");
    assert_eq!(measures.rows.len(), 1);
    assert_eq!(measures.rows[0].cells[0], "1.1.1");
    assert_eq!(measures.rows[0].cells[3], "Posílit terénní péči");
    let money = souhra_interop::sheet::read::read_xlsx("plan.xlsx", &bytes, "Rozpočet").unwrap();
    assert_eq!(money.rows.len(), 2);
    assert_eq!(money.rows[0].cells[4], "125000");
    // And as a PDF.
    let pdf = app.get_bytes(&format!("{href}/plan.pdf")).await;
    let printed = souhra_docs::testing::poppler("pdftotext", &[], &pdf);
    for needle in [
        "Opatření 1.1.1: Posílit terénní péči",
        "Klienti pečovatelské služby",
        "podle plánu",
        "ZM/7/2026",
    ] {
        assert!(printed.contains(needle), "{needle}: {printed}");
    }
    // Markup typed into the text is printed as the text it is.
    assert!(printed.contains("<script>alert(1)</script>"), "{printed}");
    assert_eq!(
        app.get(&href.replace("/nepomuk/", "/plzensky-kraj/"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // A new version starts from the one in force.
    let next = app
        .post(
            &format!("/sprava/nepomuk/plan/{id}/verze"),
            &[("csrf", &csrf)],
            &coordinator,
        )
        .await;
    assert_eq!(next.status, StatusCode::SEE_OTHER);
    let page = app.get_with(&plan_path, &[("cookie", &coordinator)]).await;
    assert!(
        page.text.contains("verze 2") && page.text.contains("rozpracovaný návrh"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Posílit terénní péči"));
}

/// A community plan in force in Nepomuk made through the store: one priority, goal and measure
/// (1 000 000 in 2026) with two activities (600 000 and 150 000 in 2026) and an indicator.
async fn plan_in_force(store: &souhra_store::Store, area: souhra_core::area::AreaId) -> i64 {
    use souhra_core::plan::{
        Approval, BudgetLine, Direction, ElementKind, FundingSource, Indicator, Period, PlanKind,
        PlanStatus, YearValue,
    };
    use souhra_store::plan::{ElementContent, ElementDetails, NewPlan, PlanChange};
    let change = PlanChange {
        by: None,
        at: chrono::Utc::now(),
    };
    let (plan, v) = store
        .create_plan(
            &NewPlan {
                area,
                kind: PlanKind::CommunityPlan,
                title: "Komunitní plán 2026–2028".into(),
                topic: None,
                period: Period::new(PlanKind::CommunityPlan, 2026, 2028).unwrap(),
            },
            change,
        )
        .await
        .unwrap();
    let mut parent = None;
    for (kind, title) in [
        (ElementKind::Priority, "Senioři doma"),
        (ElementKind::Goal, "Péče všude"),
        (ElementKind::Measure, "Posílit pečovatelskou službu"),
    ] {
        let content = ElementContent {
            title: title.into(),
            body: None,
            details: ElementDetails::default(),
        };
        parent = Some(
            store
                .add_plan_element(v, kind, parent.as_ref(), &content, change)
                .await
                .unwrap(),
        );
    }
    let measure = parent.unwrap();
    let line = |year, amount| BudgetLine {
        year,
        source: FundingSource::Municipality,
        amount,
    };
    store
        .set_plan_budget(v, &measure, &[line(2026, 1_000_000), line(2027, 9)], change)
        .await
        .unwrap();
    for (title, amount) in [("Nové úvazky", 600_000), ("Služební auto", 150_000)] {
        let content = ElementContent {
            title: title.into(),
            body: None,
            details: ElementDetails::default(),
        };
        let activity = store
            .add_plan_element(v, ElementKind::Activity, Some(&measure), &content, change)
            .await
            .unwrap();
        store
            .set_plan_budget(v, &activity, &[line(2026, amount)], change)
            .await
            .unwrap();
    }
    let indicator = Indicator {
        key: souhra_core::plan::ElementKey::parse("klienti").unwrap(),
        name: "Klienti".into(),
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
        .set_plan_indicators(v, &measure, std::slice::from_ref(&indicator), change)
        .await
        .unwrap();
    store
        .record_indicator_value(
            plan,
            &indicator.key,
            YearValue {
                year: 2026,
                value: 93.0,
            },
            change,
        )
        .await
        .unwrap();
    let approval = Approval::new(
        "ZM/1/2026",
        chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
        "Zastupitelstvo",
    )
    .unwrap();
    let (from, to) = (
        chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2025, 11, 30).unwrap(),
    );
    store
        .record_outside_comment(v, from, to, change)
        .await
        .unwrap();
    for status in [PlanStatus::Approved, PlanStatus::InForce] {
        store
            .set_plan_status(v, status, Some(&approval), change)
            .await
            .unwrap();
    }
    plan.0
}

#[tokio::test]
async fn a_balance_report_takes_the_year_from_the_plans_in_force() {
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
    let community = plan_in_force(store, nepomuk).await;
    let list = app
        .get_with("/sprava/nepomuk/plany", &[("cookie", &coordinator)])
        .await;
    let csrf = hidden_value(&list.body, "csrf");
    let created = app
        .post(
            "/sprava/nepomuk/plany",
            &[
                ("druh", "balance_report"),
                ("nazev", "Bilanční zpráva 2026"),
                ("od", "2026"),
                ("do_", "2026"),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let path = created.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let page = app.get_with(&path, &[("cookie", &coordinator)]).await;
    assert_eq!(page.status, StatusCode::OK);
    // The year's items: the two activities, with the measure's money as what was planned.
    assert!(page.text.contains("Plnění v roce 2026"), "{}", page.text);
    assert!(page.text.contains("1.1.1.1") && page.text.contains("Služební auto"));
    assert!(page.text.contains("1\u{a0}000\u{a0}000"), "{}", page.text);
    let report_path = format!("{path}/vysledky");
    let revision = form_value(&page.body, &report_path, "revize");
    let field = |number: usize| {
        let at = page
            .body
            .match_indices("-stav\" name=\"")
            .nth(number)
            .map(|(i, _)| i)
            .unwrap();
        let name_start = at + "-stav\" name=\"".len();
        let name = &page.body[name_start..];
        name[..name.find("-stav").unwrap()].to_owned()
    };
    let (first, second) = (field(0), field(1));
    let post = |values: Vec<(String, String)>, revision: String| {
        let coordinator = coordinator.clone();
        let csrf = csrf.clone();
        let report_path = report_path.clone();
        async move {
            let mut form: Vec<(String, String)> =
                vec![("csrf".into(), csrf), ("revize".into(), revision)];
            form.extend(values);
            let form: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.post(&report_path, &form, &coordinator).await
        }
    };
    let row = |field: &str, status: &str, spent: &str, commentary: &str| {
        vec![
            (format!("{field}-stav"), status.to_owned()),
            (format!("{field}-cerpano"), spent.to_owned()),
            (format!("{field}-komentar"), commentary.to_owned()),
        ]
    };
    // A bad amount and an amount without a status: both rows named, nothing saved.
    let mut bad = row(&first, "done", "580 000", "Přijaty dvě pečovatelky.");
    bad.extend(row(&second, "", "-3", ""));
    let refused = post(bad, revision.clone()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("1.1.1.2 Služební auto"),
        "{}",
        refused.text
    );
    assert!(refused.text.contains("vyberte stav"), "{}", refused.text);
    assert!(
        refused.body.contains("Přijaty dvě pečovatelky."),
        "typed text kept"
    );
    let plan_id = souhra_store::plan::PlanId(path.rsplit('/').next().unwrap().parse().unwrap());
    let version = store.plan(plan_id).await.unwrap().unwrap().versions[0].id;
    assert!(store.plan_outcomes(version).await.unwrap().is_empty());
    // A good save.
    let mut good = row(&first, "done", "580 000", "Přijaty dvě pečovatelky.");
    good.extend(row(&second, "postponed", "", "<b>Dodavatel</b> nedodal."));
    let saved = post(good, revision.clone()).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(store.plan_outcomes(version).await.unwrap().len(), 2);
    // The same form sent again from the old revision: refused, both states shown.
    let stale = post(row(&first, "cancelled", "", ""), revision).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.text.contains("uložil někdo jiný"), "{}", stale.text);
    assert!(stale.text.contains("uloženo: splněno"), "{}", stale.text);
    let outcomes = store.plan_outcomes(version).await.unwrap();
    assert!(outcomes.iter().any(|(_, _, r)| r.spent == Some(580_000)));
    // Approved, it is public with its roll-up, the markup escaped.
    for (status, extra) in [(
        "approved",
        vec![
            ("usneseni", "RM/3/2027"),
            ("datum", "2027-03-01"),
            ("organ", "Rada města"),
        ],
    )] {
        let mut form = vec![("stav", status), ("csrf", csrf.as_str())];
        form.extend(extra);
        let moved = app.post(&format!("{path}/stav"), &form, &coordinator).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    }
    let public = app.get(&format!("/nepomuk/plan/{}", plan_id.0)).await;
    let href = public.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let public = app.get(&href).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.text.contains("Splněno 1 z 2 činností (50 %)"),
        "{}",
        public.text
    );
    assert!(
        public.text.contains("vyčerpáno 580\u{a0}000"),
        "{}",
        public.text
    );
    assert!(public.body.contains("&lt;b&gt;Dodavatel&lt;/b&gt;"));
    assert!(public.text.contains("Klienti") && public.text.contains("93"));
    let pdf = app.get_bytes(&format!("{href}/plan.pdf")).await;
    let printed = souhra_docs::testing::poppler("pdftotext", &[], &pdf);
    for needle in [
        "Plnění v roce 2026",
        "Služební auto",
        "odloženo",
        "580 000",
        "Přijaty dvě pečovatelky.",
    ] {
        assert!(printed.contains(needle), "{needle}: {printed}");
    }
    // The community plan's page shows each measure's progress from the report.
    let plan_page = app.get(&format!("/nepomuk/plan/{community}")).await;
    let plan_page = app
        .get(plan_page.headers[header::LOCATION].to_str().unwrap())
        .await;
    assert!(
        plan_page.text.contains(
            "splněno 1 z 2 činností, plánováno 1\u{a0}000\u{a0}000 Kč, vyčerpáno 580\u{a0}000 Kč."
        ),
        "{}",
        plan_page.text
    );
    assert!(plan_page.text.contains("Plnění 2026:"));
    assert!(plan_page.body.contains(&format!("href=\"{href}\"")));
    let bytes = app.get_bytes(&format!("{href}/tabulka.xlsx")).await;
    let items =
        souhra_interop::sheet::read::read_xlsx("plan.xlsx", &bytes, "Plnění v roce 2026").unwrap();
    assert_eq!(items.rows.len(), 2);
    assert_eq!(items.rows[0].cells[8], "580000");
}

/// A multipart request with a CSRF token and a file.
fn upload(
    path: &str,
    cookie: &str,
    csrf: &str,
    bytes: &[u8],
) -> axum::http::Request<axum::body::Body> {
    let boundary = "souhra-import-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"soubor\"; filename=\"plan.xlsx\"\r\n\
         Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    axum::http::Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, cookie)
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_plan_structure_comes_in_from_the_template_or_not_at_all() {
    use souhra_interop::sheet::write::{Cell, Table, write_tables};
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
    let list = app
        .get_with("/sprava/nepomuk/plany", &[("cookie", &coordinator)])
        .await;
    let csrf = hidden_value(&list.body, "csrf");
    let created = app
        .post(
            "/sprava/nepomuk/plany",
            &[
                ("druh", "community_plan"),
                ("nazev", "Plán z Excelu"),
                ("od", "2026"),
                ("do_", "2028"),
                ("csrf", &csrf),
            ],
            &coordinator,
        )
        .await;
    let path = created.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let page = app.get_with(&path, &[("cookie", &coordinator)]).await;
    assert!(
        page.body.contains("/sablona.xlsx"),
        "import offered on an empty draft"
    );
    // The template: the structure sheet with its headers and example, and the budget sheet.
    let template = app
        .get_bytes_with(&format!("{path}/sablona.xlsx"), &coordinator)
        .await;
    let sheet = souhra_interop::sheet::read::read_xlsx("t.xlsx", &template, "Struktura").unwrap();
    assert_eq!(
        &sheet.header[..4],
        ["Kód", "Druh", "Nadřazený kód", "Název"]
    );
    assert_eq!(sheet.rows[0].cells[1], "Priorita");
    let budget = souhra_interop::sheet::read::read_xlsx("t.xlsx", &template, "Rozpočet").unwrap();
    assert_eq!(budget.header, ["Kód", "Rok", "Zdroj", "Částka (Kč)"]);

    let text = |s: &str| Cell::Text(s.into());
    let element = |code: &str,
                   kind: &str,
                   parent: &str,
                   title: &str,
                   groups: &str,
                   start: &str,
                   end: &str| {
        vec![
            text(code),
            text(kind),
            text(parent),
            text(title),
            text(""),
            text(groups),
            text("Město Nepomuk"),
            text(""),
            text(""),
            text(start),
            text(end),
            text(""),
        ]
    };
    let workbook = |rows: Vec<Vec<Cell>>, money: Vec<Vec<Cell>>| {
        write_tables(
            "plan",
            &[
                Table {
                    name: "Struktura".into(),
                    header: sheet.header.clone(),
                    rows,
                },
                Table {
                    name: "Rozpočet".into(),
                    header: budget.header.clone(),
                    rows: money,
                },
            ],
        )
        .unwrap()
    };
    let good_rows = || {
        vec![
            element("P1", "Priorita", "", "Senioři doma", "", "", ""),
            element("C1", "cíl", "P1", "Péče všude", "", "", ""),
            element(
                "O1",
                "Opatření",
                "C1",
                "Pečovatelská služba",
                "senioři; pečující osoby",
                "2026-01-01",
                "2027-12-31",
            ),
            element(
                "A1",
                "Aktivita",
                "O1",
                "Služební auto",
                "",
                "1. 6. 2026",
                "",
            ),
        ]
    };
    // Every kind of mistake, each named with its sheet and row; nothing stored.
    let mut bad_rows = good_rows();
    bad_rows.push(element("O2", "Opatření", "C9", "Bez cíle", "", "", ""));
    bad_rows.push(element("C2", "Cíl", "C3", "Kruh", "", "", ""));
    bad_rows.push(element("C3", "Cíl", "C2", "Kruh", "", "", ""));
    bad_rows.push(element(
        "O3",
        "Opatření",
        "C1",
        "Obráceně",
        "marťané",
        "2027-01-01",
        "2026-01-01",
    ));
    let bad = workbook(
        bad_rows,
        vec![
            vec![
                text("O1"),
                Cell::Number(2026.0),
                text("obec"),
                Cell::Number(-5.0),
            ],
            vec![
                text("O1"),
                Cell::Number(2027.0),
                text("kraj"),
                text("hodně"),
            ],
            vec![
                text("O1"),
                Cell::Number(2026.0),
                text("banka"),
                Cell::Number(10.0),
            ],
        ],
    );
    let refused = app
        .send(upload(&format!("{path}/import"), &coordinator, &csrf, &bad))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for needle in [
        "List Struktura, řádek 6: nadřazený kód C9 v listu není",
        "List Struktura, řádek 7: nadřazené prvky tvoří kruh",
        "List Struktura, řádek 8: nadřazené prvky tvoří kruh",
        "List Struktura, řádek 9: konec je dříve než začátek",
        "List Struktura, řádek 9: cílová skupina „marťané“ není v číselníku",
        "List Rozpočet, řádek 2: „-5“ není částka",
        "List Rozpočet, řádek 3: „hodně“ není částka",
        "List Rozpočet, řádek 4: „banka“ není zdroj",
    ] {
        assert!(refused.text.contains(needle), "{needle}: {}", refused.text);
    }
    let id = souhra_store::plan::PlanId(path.rsplit('/').next().unwrap().parse().unwrap());
    let version = store.plan(id).await.unwrap().unwrap().versions[0].id;
    assert!(store.plan_elements(version).await.unwrap().is_empty());
    assert!(store.plan_budget(version).await.unwrap().is_empty());
    // Not a workbook at all.
    let junk = app
        .send(upload(
            &format!("{path}/import"),
            &coordinator,
            &csrf,
            b"not a workbook",
        ))
        .await;
    assert_eq!(junk.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(junk.text.contains("nejde přečíst"), "{}", junk.text);
    // The good one: the whole structure with its money.
    let good = workbook(
        good_rows(),
        vec![
            vec![
                text("O1"),
                Cell::Number(2026.0),
                text("obec"),
                Cell::Number(450_000.0),
            ],
            vec![
                text("A1"),
                Cell::Number(2026.0),
                text("Dotace MPSV"),
                text("350 000"),
            ],
        ],
    );
    let imported = app
        .send(upload(
            &format!("{path}/import"),
            &coordinator,
            &csrf,
            &good,
        ))
        .await;
    assert_eq!(imported.status, StatusCode::SEE_OTHER, "{}", imported.body);
    let elements = store.plan_elements(version).await.unwrap();
    assert_eq!(
        elements
            .iter()
            .map(|e| e.title.as_str())
            .collect::<Vec<_>>(),
        [
            "Senioři doma",
            "Péče všude",
            "Pečovatelská služba",
            "Služební auto"
        ]
    );
    assert_eq!(
        elements[2].details.target_groups,
        ["seniori", "pecujici-osoby"]
    );
    assert_eq!(
        elements[3].details.start,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
    );
    let money = store.plan_budget(version).await.unwrap();
    assert_eq!(money.len(), 2);
    assert!(money.iter().any(|(_, l)| l.amount == 350_000
        && l.source == souhra_core::plan::FundingSource::Mpsv));
    // A second import into a draft that has content is refused.
    let again = app
        .send(upload(
            &format!("{path}/import"),
            &coordinator,
            &csrf,
            &good,
        ))
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(store.plan_elements(version).await.unwrap().len(), 4);
}

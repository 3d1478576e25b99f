//! The analysis of the social situation (included by `web.rs`): demography with and without age
//! data, supply per 1,000 of the group a kind serves, the coverage map and table with their
//! downloads, and bad input.

use souhra_core::account::{Grant, Role};
use souhra_core::catalogue::{AreaUnit, Capacity, CatalogueEntry, ServiceStatus};
use souhra_core::codelist::Form;
use souhra_core::population::{AgeBand, PopulationRecord};

use super::accounts::{accounts_app, hidden_value};
use super::catalogue_pages::{KRAMOLIN, NEPOMUK, entry, facility};
use super::*;

fn with_capacity(mut e: CatalogueEntry, capacity_type: &str, count: u32) -> CatalogueEntry {
    e.forms[0].capacities = vec![Capacity {
        capacity_type: capacity_type.into(),
        count,
        note: None,
    }];
    e
}

/// ORP Nepomuk with a home for seniors of 40 beds in Nepomuk, home care for 120 clients in the
/// whole ORP, a home in Kramolín without a capacity figure and an ended home of 999 beds.
async fn app_with_supply() -> App {
    let app = app().await;
    add_supply(&app).await;
    app
}

pub(super) async fn add_supply(app: &App) {
    let mut care = with_capacity(
        entry("Pečovatelská služba ORP", "40", Form::Field, Vec::new()),
        "klient",
        120,
    );
    care.service_area = vec![AreaUnit::Orp(OrpCode::parse("3207").unwrap())];
    let mut ended = with_capacity(
        entry(
            "Zaniklý domov",
            "49",
            Form::Residential,
            vec![facility(NEPOMUK, "Stará", false, (49.48, 13.58))],
        ),
        "luzka",
        999,
    );
    ended.status = ServiceStatus::Ended;
    let entries = vec![
        with_capacity(
            entry(
                "Domov pro seniory Nepomuk",
                "49",
                Form::Residential,
                vec![facility(NEPOMUK, "Zámecká", false, (49.4861, 13.5823))],
            ),
            "luzka",
            40,
        ),
        care,
        entry(
            "Domov bez kapacity",
            "49",
            Form::Residential,
            vec![facility(KRAMOLIN, "Tichá", false, (49.502, 13.531))],
        ),
        ended,
    ];
    let with_paths: Vec<(String, CatalogueEntry)> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| (format!("row {i}"), e))
        .collect();
    let report = app
        .database
        .store
        .save_catalogue_entries(&with_paths, false, false)
        .await
        .unwrap();
    assert!(report.committed, "{report:?}");
}

/// Age groups for every municipality of ORP Nepomuk: 400 under 65, 60 aged 65–79, 40 aged 80+.
pub(super) async fn load_ages(app: &App) -> usize {
    let store = &app.database.store;
    let nepomuk = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let codes: Vec<_> = store
        .area_municipalities(nepomuk.id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.code)
        .collect();
    let mut records = Vec::new();
    for code in &codes {
        for (band, count) in [("0-64", 400), ("65-79", 60), ("80+", 40)] {
            records.push(PopulationRecord {
                municipality: *code,
                reference_date: "2024-12-31".parse().unwrap(),
                band: AgeBand::parse(band).unwrap(),
                count,
            });
        }
    }
    store.load_population(&records, &NoProgress).await.unwrap();
    codes.len()
}

/// A draft community plan of `area` with a priority, a goal and a measure (`flagged` for the
/// region); returns the plan, its version and the measure's key.
pub(super) async fn draft_plan(
    store: &souhra_store::Store,
    area: souhra_core::area::AreaId,
    titles: [&str; 4],
    flagged: bool,
) -> (
    souhra_store::plan::PlanId,
    souhra_store::plan::VersionId,
    souhra_core::plan::ElementKey,
) {
    use souhra_core::plan::{ElementKind, Period, PlanKind};
    use souhra_store::plan::{ElementContent, ElementDetails, NewPlan};
    let (plan, version) = store
        .create_plan(
            &NewPlan {
                area,
                kind: PlanKind::CommunityPlan,
                title: titles[0].into(),
                topic: None,
                period: Period::new(PlanKind::CommunityPlan, 2026, 2028).unwrap(),
            },
            now(),
        )
        .await
        .unwrap();
    let mut parent = None;
    for (kind, title) in [
        (ElementKind::Priority, titles[1]),
        (ElementKind::Goal, titles[2]),
        (ElementKind::Measure, titles[3]),
    ] {
        let content = ElementContent {
            title: title.into(),
            body: None,
            details: ElementDetails {
                needs_region: flagged && kind == ElementKind::Measure,
                ..ElementDetails::default()
            },
        };
        parent = Some(
            store
                .add_plan_element(version, kind, parent.as_ref(), &content, now())
                .await
                .unwrap(),
        );
    }
    (plan, version, parent.unwrap())
}

pub(super) fn now() -> souhra_store::plan::PlanChange {
    souhra_store::plan::PlanChange {
        by: None,
        at: chrono::Utc::now(),
    }
}

/// Takes a draft through a comment period held before, approval and into force.
pub(super) async fn bring_into_force(
    store: &souhra_store::Store,
    version: souhra_store::plan::VersionId,
) {
    use souhra_core::plan::{Approval, PlanStatus};
    store
        .record_outside_comment(
            version,
            "2025-10-01".parse().unwrap(),
            "2025-10-31".parse().unwrap(),
            now(),
        )
        .await
        .unwrap();
    let approval =
        Approval::new("ZM/1/2026", "2026-01-15".parse().unwrap(), "Zastupitelstvo").unwrap();
    for step in [PlanStatus::Approved, PlanStatus::InForce] {
        store
            .set_plan_status(version, step, Some(&approval), now())
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn without_age_data_the_analysis_says_so_and_still_counts_capacity() {
    let app = app_with_supply().await;
    let reply = app.get("/nepomuk/analyza").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.text.contains("Analýza sociální situace: ORP Nepomuk"));
    assert!(
        reply.text.contains("Věková data nejsou načtena."),
        "{}",
        reply.text
    );
    // The bundled 2021 totals of the ORP's 26 municipalities.
    assert!(reply.text.contains("11\u{a0}603"), "{}", reply.text);
    // 40 beds, per 1,000 aged 65+ unknown without ages; the ended home does not count.
    let home = reply
        .text
        .split("domovy pro seniory</a>")
        .nth(1)
        .expect("a row for homes for seniors");
    assert!(home.starts_with("</th><td>pobytová</td><td>lůžka</td> <td class=\"num\">1</td><td class=\"num\">40,0</td>"), "{home}");
    assert!(!reply.text.contains("999"));
    assert!(reply.text.contains("Služby bez údaje o kapacitě"));
    assert!(
        reply.text.contains("<li>domovy pro seniory: 1</li>"),
        "{}",
        reply.text
    );
    // The age structure is fictional only where the area is a demo.
    assert!(reply.text.contains("věkové složení obyvatel je smyšlené"));
    let nav = reply.body.split("main-nav").nth(1).unwrap();
    assert!(nav.contains("href=\"/nepomuk/analyza\" aria-current=\"page\""));
}

#[tokio::test]
async fn with_age_data_shares_and_figures_per_1000_appear() {
    let app = app_with_supply().await;
    assert_eq!(load_ages(&app).await, 26);
    let reply = app.get("/nepomuk/analyza").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(!reply.text.contains("Věková data nejsou načtena."));
    // 26 × 100 aged 65+ of 26 × 500: 20 %; 80+: 8 %.
    assert!(
        reply.text.contains("<th scope=\"row\">65 a více let</th><td class=\"num\">2\u{a0}600</td><td class=\"num\">20,0\u{a0}%</td>"),
        "{}",
        reply.text
    );
    assert!(
        reply
            .text
            .contains("<td class=\"num\">1\u{a0}040</td><td class=\"num\">8,0\u{a0}%</td>")
    );
    // The chart and its table.
    assert!(reply.body.contains("<svg class=\"chart bars\""));
    assert!(
        reply
            .text
            .contains("<th scope=\"row\">0–64 let</th><td class=\"num\">10\u{a0}400</td>")
    );
    // 40 beds per 2,600 aged 65+: 15.4; 120 clients per 1,040 aged 80+: 115.4.
    let expected_home = format!("{:.1}", 40.0 * 1000.0 / 2600.0).replace('.', ",");
    let expected_care = format!("{:.1}", 120.0 * 1000.0 / 1040.0).replace('.', ",");
    assert!(
        reply
            .text
            .contains(&format!("<td class=\"num\">{expected_home}</td>")),
        "{}",
        reply.text
    );
    assert!(
        reply
            .text
            .contains(&format!("<td class=\"num\">{expected_care}</td>"))
    );
    // The region lacks ages elsewhere: no comparison is made up.
    assert!(reply.text.contains("obyvatelům od 65 let (2\u{a0}600)"));
    // One municipality: all 40 beds are in Nepomuk, 100 people aged 65+ live there.
    let one = app
        .get(&format!("/nepomuk/analyza?uzemi=obec-{NEPOMUK}"))
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(one.text.contains("Analýza sociální situace: Nepomuk"));
    assert!(
        one.text.contains("<td class=\"num\">400,0</td>"),
        "{}",
        one.text
    );
    // The workbook holds both tables.
    let xlsx = app.get_bytes("/nepomuk/analyza.xlsx").await;
    assert!(xlsx.starts_with(b"PK"));
}

#[tokio::test]
async fn coverage_shows_the_gaps_on_a_map_and_in_a_sortable_table() {
    let app = app_with_supply().await;
    let overview = app.get("/nepomuk/analyza").await;
    // Homes for seniors within 15 km of Nepomuk's facility (the one without capacity counts
    // too: it exists).
    assert!(
        overview
            .text
            .contains("/nepomuk/analyza/dostupnost?druh=49&amp;km=15")
    );
    let reply = app.get("/nepomuk/analyza/dostupnost?druh=49&km=5").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("<svg class=\"chart map\""));
    assert!(reply.body.contains("<title id=\"mapa-titulek\">"));
    let rows = reply.body.matches("<tr class=\"gap\">").count();
    let all = reply.body.matches("href=\"/nepomuk/obec/").count();
    assert_eq!(all, 26, "one row per municipality");
    assert!(rows > 0 && rows <= 24, "{rows} gaps within 5 km");
    assert!(
        reply
            .text
            .contains(&format!("Služba chybí v {rows} z 26 obcí."))
    );
    let nepomuk_row = reply
        .text
        .split("558109-nepomuk\">Nepomuk</a>")
        .nth(1)
        .unwrap();
    assert!(nepomuk_row.contains("<td>ano</td>"), "{nepomuk_row}");
    // Sorted by availability: the gaps first.
    let sorted = app
        .get("/nepomuk/analyza/dostupnost?druh=49&km=5&razeni=dostupnost")
        .await;
    let first = sorted.body.split("<tbody>").nth(1).unwrap();
    assert!(
        first.trim_start().starts_with("<tr class=\"gap\">"),
        "{first}"
    );
    assert!(sorted.body.contains("aria-sort=\"ascending\""));
    // Home care covers the whole ORP by its service area.
    let care = app.get("/nepomuk/analyza/dostupnost?druh=40&km=1").await;
    assert_eq!(care.body.matches("<tr class=\"gap\">").count(), 0);
    // Downloads.
    let csv = String::from_utf8(
        app.get_bytes("/nepomuk/analyza/dostupnost.csv?druh=49&km=5")
            .await,
    )
    .unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 27, "{csv}");
    assert!(lines[0].starts_with("\u{feff}Kód obce,Obec,Počet obyvatel,Dostupná"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("558109,Nepomuk,") && l.contains(",ano,"))
    );
    assert_eq!(lines.iter().filter(|l| l.contains(",ne,")).count(), rows);
    let xlsx = app
        .get_bytes("/nepomuk/analyza/dostupnost.xlsx?druh=49&km=5")
        .await;
    assert!(xlsx.starts_with(b"PK"));
}

#[tokio::test]
async fn bad_analysis_input_gets_a_clear_answer() {
    let app = app_with_supply().await;
    for km in ["abc", "0", "500", "-3"] {
        let reply = app
            .get(&format!("/nepomuk/analyza/dostupnost?druh=49&km={km}"))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{km}");
        assert!(
            reply
                .text
                .contains(&format!("Vzdálenost „{km}“ nelze použít")),
            "{}",
            reply.text
        );
        assert!(!reply.body.contains("<svg class=\"chart map\""));
    }
    let reply = app
        .get("/nepomuk/analyza/dostupnost?druh=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(!reply.body.contains("<script>alert"));
    assert!(
        reply.body.contains("Druh služby „&lt;script&gt;alert(1)"),
        "{}",
        reply.text
    );
    let csv = app
        .get("/nepomuk/analyza/dostupnost.csv?druh=49&km=abc")
        .await;
    assert_eq!(csv.status, StatusCode::BAD_REQUEST);
    let csv = app.get("/nepomuk/analyza/dostupnost.csv").await;
    assert_eq!(csv.status, StatusCode::BAD_REQUEST);
    // A part outside the area, or not a part at all.
    for part in ["obec-554791", "orp-3211", "nic", "obec-12"] {
        let reply = app.get(&format!("/nepomuk/analyza?uzemi={part}")).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{part}");
    }
    // A municipality without inhabitants is named in a note.
    app.database
        .store
        .load_population(
            &[PopulationRecord {
                municipality: souhra_core::code::MunicipalityCode::parse(KRAMOLIN).unwrap(),
                reference_date: "2030-01-01".parse().unwrap(),
                band: AgeBand::ALL,
                count: 0,
            }],
            &NoProgress,
        )
        .await
        .unwrap();
    let reply = app.get("/nepomuk/analyza").await;
    assert!(
        reply.text.contains("1 obec má nula obyvatel"),
        "{}",
        reply.text
    );
    assert!(reply.text.contains("k datům od"));
}

#[tokio::test]
async fn a_measure_answers_a_gap_and_the_chapter_goes_into_the_plan() {
    use souhra_core::analysis::Finding;
    use souhra_core::plan::ElementKind;
    let t = accounts_app().await;
    let app = &t.app;
    add_supply(app).await;
    // A night shelter in Plzeň only: ORP Nepomuk lacks it everywhere (30 km and more).
    let shelter = with_capacity(
        entry(
            "Noclehárna Plzeň",
            "63",
            Form::Outpatient,
            vec![facility("554791", "Wenzigova", false, (49.7475, 13.3776))],
        ),
        "luzka",
        20,
    );
    let store = &app.database.store;
    assert!(
        store
            .save_catalogue_entries(&[("row 9".to_owned(), shelter)], false, false)
            .await
            .unwrap()
            .committed
    );
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "koordinator@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    let coordinator = t.login("koordinator@nepomuk.cz").await;
    let (plan, version, measure) = draft_plan(
        store,
        nepomuk,
        [
            "Komunitní plán",
            "Lidé bez domova",
            "Střecha nad hlavou",
            "Zřídit noclehárnu v Nepomuku",
        ],
        false,
    )
    .await;
    let page = format!("/sprava/nepomuk/plan/{}/prvek/{measure}", plan.0);
    let form = app.get_with(&page, &[("cookie", &coordinator)]).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"gap:63\""), "{}", form.body);
    assert!(
        form.text
            .contains("mezera: noclehárny chybí v 26 z 26 obcí"),
        "{}",
        form.text
    );
    let csrf = hidden_value(&form.body, "csrf");
    let save = |finding: &'static str| {
        let coordinator = coordinator.clone();
        let csrf = csrf.clone();
        let page = page.clone();
        async move {
            let revision = store
                .plan_elements(version)
                .await
                .unwrap()
                .into_iter()
                .find(|e| e.kind == ElementKind::Measure)
                .unwrap()
                .revision
                .to_string();
            app.post(
                &page,
                &[
                    ("csrf", &csrf),
                    ("revize", &revision),
                    ("nazev", "Zřídit noclehárnu v Nepomuku"),
                    ("zjisteni_seznam", "1"),
                    ("zjisteni", finding),
                    ("kraj", "1"),
                ],
                &coordinator,
            )
            .await
        }
    };
    let refused = save("survey:999:0").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let saved = save("gap:63").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let stored = store.plan_elements(version).await.unwrap();
    let cited = &stored
        .iter()
        .find(|e| e.key == measure)
        .unwrap()
        .details
        .findings;
    assert_eq!(cited, &[Finding::Gap("63".into())]);
    assert!(
        stored
            .iter()
            .find(|e| e.key == measure)
            .unwrap()
            .details
            .needs_region,
        "flagged for the region"
    );
    // The analysis goes into the draft as a chapter.
    let chapter = app
        .post(
            &format!("/sprava/nepomuk/plan/{}/prvek", plan.0),
            &[("csrf", &csrf), ("druh", "chapter"), ("analyza", "1")],
            &coordinator,
        )
        .await;
    assert_eq!(chapter.status, StatusCode::SEE_OTHER, "{}", chapter.text);
    let elements = store.plan_elements(version).await.unwrap();
    let inserted = elements
        .iter()
        .find(|e| e.kind == ElementKind::Chapter)
        .unwrap();
    assert_eq!(inserted.title, "Analýza sociální situace: ORP Nepomuk");
    let body = inserted.body.as_deref().unwrap();
    assert!(body.contains("# Kde služby chybějí"), "{body}");
    assert!(body.contains("- noclehárny chybí v 26 z 26 obcí"), "{body}");
    // In force: the gap's page and the plan's page point at each other.
    bring_into_force(store, version).await;
    let gap = app.get("/nepomuk/analyza/dostupnost?druh=63").await;
    assert!(
        gap.text
            .contains("Komunitní plán – Zřídit noclehárnu v Nepomuku"),
        "{}",
        gap.text
    );
    assert!(gap.body.contains(&format!("#{measure}\"")));
    let public = app
        .get(&format!("/nepomuk/plan/{}-komunitni-plan", plan.0))
        .await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains(
            "href=\"/nepomuk/analyza/dostupnost?druh=63\">chybějící služba: noclehárny</a>"
        ),
        "{}",
        public.body
    );
    // Other kinds' gaps name no measure.
    let other = app.get("/nepomuk/analyza/dostupnost?druh=49").await;
    assert!(
        other
            .text
            .contains("Žádné opatření platného plánu zatím na tuto mezeru neodkazuje.")
    );
}

#[tokio::test]
async fn the_analysis_chapter_reads_as_a_page_and_a_pdf() {
    let app = app_with_supply().await;
    assert_eq!(load_ages(&app).await, 26);
    let page = app.get("/nepomuk/analyza/kapitola").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text
            .contains("<h2>Analýza sociální situace: ORP Nepomuk</h2>")
    );
    assert!(page.text.contains("<h3>Obyvatelé</h3>"), "{}", page.text);
    assert!(
        page.text
            .contains("Ve věku 65 a více let žije 2\u{a0}600 obyvatel (20,0\u{a0}%)"),
        "{}",
        page.text
    );
    assert!(
        page.text.contains(
            "domovy pro seniory (pobytová): 1 služeb, kapacita 40,0 (lůžka), tj. 15,4 na 1 000"
        ),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains("V oblasti zatím neproběhl žádný průzkum s odpověďmi.")
    );
    let pdf = app.get_bytes("/nepomuk/analyza/kapitola.pdf").await;
    assert!(pdf.starts_with(b"%PDF"));
    let text = souhra_docs::testing::poppler("pdftotext", &[], &pdf);
    assert!(text.contains("Kde služby chybějí"), "{text}");
    assert!(text.contains("Analytická část komunitního plánu"));
}

#[tokio::test]
async fn the_region_view_sets_its_orps_side_by_side() {
    use souhra_core::plan::{Direction, ElementKey, Indicator, YearValue};
    let t = accounts_app().await;
    let app = &t.app;
    add_supply(app).await;
    load_ages(app).await;
    let store = &app.database.store;
    let nepomuk = t.area("nepomuk").await;
    let (plan, version, measure) = draft_plan(
        store,
        nepomuk,
        [
            "Komunitní plán Nepomucka",
            "Senioři",
            "Domov",
            "Rozšířit domov pro seniory",
        ],
        true,
    )
    .await;
    let indicator = Indicator {
        key: ElementKey::parse("luzka").unwrap(),
        name: "Lůžka".into(),
        unit: "lůžek".into(),
        baseline: YearValue {
            year: 2025,
            value: 40.0,
        },
        target: YearValue {
            year: 2028,
            value: 60.0,
        },
        direction: Direction::Increase,
    };
    store
        .set_plan_indicators(version, &measure, &[indicator], now())
        .await
        .unwrap();
    bring_into_force(store, version).await;
    let reply = app.get("/plzensky-kraj/kraj").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // Fifteen ORPs: Nepomuk has its own area, the others link into the region's analysis.
    assert_eq!(
        reply
            .body
            .matches("href=\"/plzensky-kraj/analyza?uzemi=orp-")
            .count(),
        14
    );
    let row = reply
        .text
        .split("href=\"/nepomuk/analyza\">Nepomuk</a>")
        .nth(1)
        .unwrap();
    let row = row.split("</tr>").next().unwrap();
    assert!(row.contains("<td class=\"num\">26</td><td class=\"num\">11\u{a0}603</td><td class=\"num\">20,0\u{a0}%</td>"), "{row}");
    assert!(
        row.contains(&format!(
            "/nepomuk/plan/{}-komunitni-plan-nepomucka",
            plan.0
        )),
        "{row}"
    );
    assert!(row.contains("<td>zatím neměřeno: 1</td>"), "{row}");
    // 40 beds per 2,600 aged 65+ in Nepomuk's row.
    assert!(row.contains("<td class=\"num\">15,4</td>"), "{row}");
    assert!(reply.body.contains("<svg class=\"chart map\""));
    assert!(
        reply
            .text
            .contains("Komunitní plán Nepomucka – Rozšířit domov pro seniory")
    );
    assert!(reply.body.contains(&format!("#{measure}\"")));
    // The public plan page says so too.
    let public = app
        .get(&format!(
            "/nepomuk/plan/{}-komunitni-plan-nepomucka",
            plan.0
        ))
        .await;
    assert!(public.text.contains("opatření potřebuje rozhodnutí kraje"));
    // Only regions have the view; an unknown kind is refused.
    assert_eq!(app.get("/nepomuk/kraj").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/plzensky-kraj/kraj?druh=%3Cx%3E").await.status,
        StatusCode::BAD_REQUEST
    );
    let homes = app.get("/plzensky-kraj/kraj?druh=40").await;
    assert_eq!(homes.status, StatusCode::OK);
}

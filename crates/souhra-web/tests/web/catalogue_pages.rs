//! The public catalogue pages (included by `web.rs`): results with facets, service detail,
//! provider, municipality, my list, error reports, life situations, sitemap, bad input.

use chrono::{NaiveTime, Utc};
use souhra_core::catalogue::{
    Address, CatalogueEntry, Contacts, Facility, OpeningPeriod, Organization, ServiceForm,
    ServiceStatus, Source, Weekday,
};
use souhra_core::code::{MunicipalityCode, Postcode};
use souhra_core::codelist::Form;
use souhra_core::public::LifeSituation;
use souhra_core::territory::GeoPoint;
use souhra_store::records::ServiceId;

use super::*;

pub(super) const NEPOMUK: &str = "558109";
pub(super) const KRAMOLIN: &str = "557943";
const PLZEN: &str = "554791";

pub(super) fn facility(
    municipality: &str,
    street: &str,
    hidden: bool,
    point: (f64, f64),
) -> Facility {
    let code = MunicipalityCode::parse(municipality).unwrap();
    Facility {
        key: format!("{municipality}-{street}"),
        name: format!("Pracoviště {municipality}"),
        address: Some(Address {
            street: Some(street.into()),
            house_number: Some("13".into()),
            orientation_number: None,
            postcode: Some(Postcode::parse("33501").unwrap()),
            municipality: Some(code),
            address_point: None,
        }),
        municipality: Some(code),
        point: GeoPoint::new(point.0, point.1),
        hidden_address: hidden,
        from: None,
        to: None,
    }
}

pub(super) fn entry(
    name: &str,
    kind: &str,
    form: Form,
    facilities: Vec<Facility>,
) -> CatalogueEntry {
    CatalogueEntry {
        public_id: None,
        registration_id: None,
        source: Source::Local,
        name: name.into(),
        kind: kind.into(),
        description: Some(format!("{name}: fiktivní služba pro testy.")),
        fees: None,
        contacts: Contacts {
            web: vec!["https://sluzba.example.cz".into()],
            emails: vec!["info@sluzba.example.cz".into()],
            phones: vec!["+420 123 456 789".into()],
        },
        forms: vec![ServiceForm {
            form,
            continuous: false,
            capacities: Vec::new(),
            hours: vec![OpeningPeriod {
                weekday: Weekday::new(1).unwrap(),
                opens: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
                closes: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
            }],
            hours_note: None,
        }],
        target_groups: vec!["seniori".into()],
        age_groups: Vec::new(),
        facilities,
        service_area: Vec::new(),
        status: ServiceStatus::Active,
        status_since: None,
        provided_from: None,
        provided_to: None,
        verified_on: None,
        organization: Organization {
            ico: None,
            name: format!("Spolek {name}"),
            legal_form: None,
            seat: None,
            contacts: Contacts::default(),
        },
        organization_public_id: None,
        is_demo: true,
    }
}

/// The app with four services: home care in Nepomuk (verified lately), a hostel at a hidden
/// address in Kramolín, debt counselling in Plzeň with markup in its name (outside ORP
/// Nepomuk), and an ended home in Nepomuk.
pub(super) async fn app_with_services() -> (App, [i64; 4]) {
    let app = app().await;
    let store = &app.database.store;
    let mut ended = entry(
        "Zaniklý domov",
        "49",
        Form::Residential,
        vec![facility(NEPOMUK, "Stará", false, (49.48, 13.58))],
    );
    ended.status = ServiceStatus::Ended;
    let entries = vec![
        entry(
            "Pečovatelská služba Nepomuk",
            "40",
            Form::Field,
            vec![facility(NEPOMUK, "Náměstí", false, (49.4913, 13.5822))],
        ),
        entry(
            "Azylový dům pro matky",
            "57",
            Form::Residential,
            vec![facility(KRAMOLIN, "Tajná", true, (49.502, 13.531))],
        ),
        entry(
            "Dluhová poradna <script>alert(1)</script>",
            "37",
            Form::Outpatient,
            vec![facility(PLZEN, "Americká", false, (49.7475, 13.3776))],
        ),
        ended,
    ];
    let with_paths: Vec<(String, CatalogueEntry)> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| (format!("row {i}"), e))
        .collect();
    let report = store
        .save_catalogue_entries(&with_paths, false, false)
        .await
        .unwrap();
    assert!(report.committed, "{report:?}");
    let ids: Vec<ServiceId> = store.service_ids().await.unwrap();
    assert_eq!(ids.len(), 4);
    store
        .mark_service_verified(ids[0], Utc::now() - chrono::Duration::days(10))
        .await
        .unwrap();
    assert_eq!(app.state.refresh_search(false).await.unwrap(), Some(4));
    (app, [ids[0].0, ids[1].0, ids[2].0, ids[3].0])
}

fn detail_href(reply: &Reply, id: i64) -> String {
    let marker = format!("/nepomuk/sluzba/{id}-");
    let start = reply
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("{marker} in {}", reply.body));
    let end = reply.body[start..].find('"').unwrap() + start;
    reply.body[start..end].to_owned()
}

#[tokio::test]
async fn results_are_scoped_to_the_area_with_facets_and_filters() {
    let (app, [care, hostel, debt, ended]) = app_with_services().await;
    let all = app.get("/nepomuk/sluzby").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.text.contains("Nalezeny 2 služby"), "{}", all.text);
    assert!(all.body.contains(&format!(
        "/nepomuk/sluzba/{care}-pecovatelska-sluzba-nepomuk\""
    )));
    assert!(all.body.contains(&format!("/nepomuk/sluzba/{hostel}-")));
    assert!(
        !all.body.contains(&format!("/sluzba/{debt}-")),
        "outside the area"
    );
    assert!(!all.body.contains(&format!("/sluzba/{ended}-")), "ended");
    assert!(all.text.contains("§&nbsp;40 <span lang=\"cs\">pečovatelská služba</span> <span class=\"count\">(1)</span>"), "{}", all.text);
    // The region sees Plzeň too, with the markup escaped.
    let region = app.get("/plzensky-kraj/sluzby").await;
    assert!(region.text.contains("Nalezeny 3 služby"));
    assert!(
        region
            .body
            .contains("Dluhová poradna &lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(!region.body.contains("<script>alert(1)"));

    let words = app.get("/nepomuk/sluzby?q=pe%C4%8Dovatelsk%C3%A1").await;
    assert!(words.text.contains("Nalezena 1 služba"), "{}", words.text);
    let kind = app.get("/nepomuk/sluzby?druh=57").await;
    assert!(kind.text.contains("Nalezena 1 služba") && kind.body.contains("Azylový dům"));
    assert!(kind.body.contains("name=\"druh\" value=\"57\" checked"));
    let form = app.get("/nepomuk/sluzby?forma=ter").await;
    assert!(
        form.body.contains("Pečovatelská služba Nepomuk") && !form.body.contains("Azylový dům pro")
    );
    // Unknown facet values find nothing, stay visible to be unticked, and are escaped.
    let unknown = app.get("/nepomuk/sluzby?druh=%3Cb%3Ex").await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert!(unknown.text.contains("Nic jsme nenašli"));
    assert!(unknown.body.contains("value=\"&lt;b&gt;x\" checked"));

    // Serving Kramolín, nearest first: the hostel (facility there), at its municipality's point.
    let near = app
        .get("/nepomuk/sluzby?obec=Kramol%C3%ADn&razeni=vzdalenost")
        .await;
    assert!(
        near.text.contains("Nalezena 1 služba · pro obec Kramolín"),
        "{}",
        near.text
    );
    assert!(near.body.contains("Azylový dům pro matky"));
    assert!(near.text.contains("od vybrané obce"));
    let nowhere = app.get("/nepomuk/sluzby?obec=Praha").await;
    assert!(
        nowhere
            .text
            .contains("Obec „Praha“ v tomto území nenacházíme")
    );
    // Pages: a second page of two results is empty but fine.
    let page_two = app.get("/nepomuk/sluzby?strana=2").await;
    assert_eq!(page_two.status, StatusCode::OK);
    assert!(!page_two.body.contains("class=\"service-card\""));
}

#[tokio::test]
async fn bad_search_input_gets_a_clean_answer() {
    let (app, _) = app_with_services().await;
    let long = "a".repeat(201);
    for path in [
        format!("/nepomuk/sluzby?q={long}"),
        "/nepomuk/sluzby?strana=0".into(),
        "/nepomuk/sluzby?strana=-1".into(),
        "/nepomuk/sluzby?strana=99999999999999999999".into(),
        "/nepomuk/sluzby?strana=abc".into(),
        format!(
            "/nepomuk/sluzby?{}",
            (0..41)
                .map(|i| format!("druh={i}"))
                .collect::<Vec<_>>()
                .join("&")
        ),
        "/nepomuk/seznam?s=1.x".into(),
        "/nepomuk/seznam?s=%3Cscript%3E".into(),
    ] {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(reply.body.contains("<html lang=\"cs\">"), "{path}");
    }
    for q in [
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%27%20OR%201%3D1%20--",
        "%22%3E%3Cimg",
        "%C5%BE%C5%BE%C5%BE%C5%BE",
    ] {
        let reply = app.get(&format!("/nepomuk/sluzby?q={q}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{q}");
        assert!(
            !reply.body.contains("<script>alert") && !reply.body.contains("\"><img"),
            "{q}"
        );
    }
    assert_eq!(
        app.get("/nepomuk/sluzba/abc").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/nepomuk/sluzba/999999-x").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/nepomuk/sluzba/-1").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/nepomuk/poskytovatel/0-x").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/nikde/sluzby").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_service_page_shows_the_model_but_never_a_hidden_address() {
    let (app, [care, hostel, _, _]) = app_with_services().await;
    let moved = app
        .get(&format!("/nepomuk/sluzba/{care}-stary-nazev"))
        .await;
    assert_eq!(moved.status, StatusCode::PERMANENT_REDIRECT);
    let href = moved.headers[header::LOCATION].to_str().unwrap().to_owned();
    let page = app.get(&href).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>Pečovatelská služba Nepomuk</h1>"));
    assert!(page.body.contains("class=\"badge badge-fresh\""));
    assert!(
        page.text
            .contains("<th scope=\"row\">pondělí</th><td>07:00–15:00</td>"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Náměstí 13, 335 01 Nepomuk"));
    assert!(page.body.contains("href=\"tel:+420123456789\""));
    assert!(
        page.body
            .contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\"")
    );
    assert!(page.body.contains("\"@type\":\"Service\""));
    assert!(page.body.contains(&format!("{href}/chyba")));
    assert!(
        page.body.contains("leaflet.js"),
        "a page with a visible place has a map"
    );

    let hostel_page = app.get(&format!("/nepomuk/sluzba/{hostel}-x")).await;
    let hostel_href = hostel_page.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let hidden = app.get(&hostel_href).await;
    assert!(hidden.text.contains("Adresa se nezveřejňuje (Kramolín)"));
    assert!(hidden.body.contains("badge-never"));
    assert!(!hidden.body.contains("Tajná"), "hidden street shown");
    assert!(!hidden.body.contains("49.502"), "hidden point shown");
    assert!(!hidden.body.contains("leaflet.js"));
    // Nor in results, their map, the list or the municipality page.
    for path in [
        "/nepomuk/sluzby?mapa=1".to_owned(),
        format!("/nepomuk/seznam?s={hostel}"),
        format!("/nepomuk/obec/{KRAMOLIN}-kramolin"),
    ] {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(
            !reply.body.contains("Tajná") && !reply.body.contains("49.502"),
            "{path}"
        );
    }
    let english = app
        .get_with(&hostel_href, &[("cookie", "souhra_lang=en")])
        .await;
    assert!(english.text.contains("Address not published (Kramolín)"));
}

#[tokio::test]
async fn results_offer_a_map_that_is_not_needed() {
    let (app, [care, _, _, _]) = app_with_services().await;
    let list = app.get("/nepomuk/sluzby").await;
    assert!(!list.body.contains("leaflet.js"));
    assert!(list.body.contains("href=\"/nepomuk/sluzby?mapa=1\""));
    let map = app.get("/nepomuk/sluzby?mapa=1").await;
    assert!(
        map.body.contains("leaflet.js")
            && map
                .body
                .contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"")
    );
    assert!(map.body.contains("\"lat\":49.4913"));
    assert!(
        map.body.contains(&format!("/nepomuk/sluzba/{care}-")),
        "the list stays"
    );
    let csp = map.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("img-src 'self' data: https://tile.openstreetmap.org;"),
        "{csp}"
    );
}

#[tokio::test]
async fn my_list_lives_in_the_url_and_a_cookie() {
    let (app, [care, hostel, _, _]) = app_with_services().await;
    let list = app
        .get(&format!("/nepomuk/seznam?s={care}.{hostel}.999999"))
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Pečovatelská služba Nepomuk") && list.body.contains("Azylový dům"));
    assert!(list.text.contains("1 služba ze seznamu už v katalogu není"));
    assert!(
        list.body
            .contains(&format!("href=\"/nepomuk/seznam?s={hostel}\"")),
        "remove link"
    );
    let cookie = list.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with(&format!("souhra_seznam={care}.{hostel}; Path=/nepomuk;")),
        "{cookie}"
    );
    let reply = app.get(&format!("/nepomuk/sluzba/{care}-x")).await;
    let href = reply.headers[header::LOCATION].to_str().unwrap().to_owned();
    let with_cookie = app
        .get_with(&href, &[("cookie", &format!("souhra_seznam={hostel}"))])
        .await;
    assert!(
        with_cookie
            .body
            .contains(&format!("href=\"/nepomuk/seznam?s={hostel}.{care}\""))
    );
    let empty = app.get("/nepomuk/seznam").await;
    assert!(empty.text.contains("Seznam je prázdný"));
}

#[tokio::test]
async fn provider_and_municipality_pages_list_services() {
    let (app, [care, _, _, _]) = app_with_services().await;
    let service = app
        .get(&format!(
            "/nepomuk/sluzba/{care}-pecovatelska-sluzba-nepomuk"
        ))
        .await;
    let start = service.body.find("/nepomuk/poskytovatel/").unwrap();
    let end = service.body[start..].find('"').unwrap() + start;
    let provider = app.get(&service.body[start..end]).await;
    assert_eq!(provider.status, StatusCode::OK);
    assert!(
        provider
            .body
            .contains("<h1>Spolek Pečovatelská služba Nepomuk</h1>")
    );
    assert!(provider.text.contains("1 služba"));
    let municipality = app.get(&format!("/nepomuk/obec/{NEPOMUK}-nepomuk")).await;
    assert!(
        municipality.text.contains("Obci slouží 1 služba"),
        "{}",
        municipality.text
    );
    assert!(municipality.body.contains(&detail_href(&service, care)));
    let sitemap = app.get("/sitemap.xml").await;
    assert_eq!(
        sitemap.headers[header::CONTENT_TYPE],
        "application/xml; charset=utf-8"
    );
    assert!(sitemap.body.contains(&format!(
        "<loc>/nepomuk/sluzba/{care}-pecovatelska-sluzba-nepomuk</loc>"
    )));
    assert!(sitemap.body.contains("<loc>/nepomuk/poskytovatel/"));
    assert!(
        !sitemap.body.contains("zanikly-domov"),
        "ended services are left out"
    );
}

#[tokio::test]
async fn error_reports_are_checked_and_queued() {
    let (app, [care, _, _, _]) = app_with_services().await;
    let path = format!("/nepomuk/sluzba/{care}-pecovatelska-sluzba-nepomuk/chyba");
    let form = app.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    let cookie = form.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    assert!(
        form.body
            .contains(&format!("name=\"token\" value=\"{token}\""))
    );
    let jar = format!("souhra_csrf={token}");
    let message = "Telefon už neplatí, volejte na obecní úřad.";
    let store = &app.database.store;
    // No token, a wrong token, a too short message: refused, nothing kept.
    let refused = [
        app.post(&path, &[("zprava", message)], &jar).await,
        app.post(&path, &[("zprava", message), ("token", "jiny")], &jar)
            .await,
        app.post(&path, &[("zprava", "krátké"), ("token", &token)], &jar)
            .await,
    ];
    for reply in &refused {
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(reply.body.contains("role=\"alert\""));
    }
    assert!(
        refused[2].body.contains(">krátké</textarea>"),
        "what was typed stays"
    );
    assert!(store.open_error_reports().await.unwrap().is_empty());
    // The honeypot: told it went well, nothing kept.
    let robot = app
        .post(
            &path,
            &[
                ("zprava", message),
                ("token", &token),
                ("web", "http://spam"),
            ],
            &jar,
        )
        .await;
    assert_eq!(robot.status, StatusCode::SEE_OTHER);
    assert!(store.open_error_reports().await.unwrap().is_empty());
    let sent = app
        .post(
            &path,
            &[
                ("zprava", message),
                ("kontakt", "jana@example.cz"),
                ("token", &token),
            ],
            &jar,
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert_eq!(sent.headers[header::LOCATION], format!("{path}/dekujeme"));
    let queue = store.open_error_reports().await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].report.message, message);
    assert_eq!(queue[0].report.contact.as_deref(), Some("jana@example.cz"));
    assert_eq!(queue[0].service, ServiceId(care));
    assert!(
        app.get(&format!("{path}/dekujeme"))
            .await
            .text
            .contains("Hlášení jsme přijali")
    );
    // Five per address in ten minutes.
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(
            app.post(&path, &[("zprava", message), ("token", &token)], &jar)
                .await
                .status,
        );
    }
    assert_eq!(statuses[..4], [StatusCode::SEE_OTHER; 4]);
    assert_eq!(statuses[4], StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(store.open_error_reports().await.unwrap().len(), 5);
}

#[tokio::test]
async fn life_situations_lead_into_the_catalogue_and_can_be_changed() {
    let (app, _) = app_with_services().await;
    let home = app.get("/nepomuk").await;
    assert!(home.body.contains("Stárnu a potřebuji pomoc doma"));
    assert!(home.body.contains("href=\"/nepomuk/sluzby?situace=starnu-doma&amp;druh=40&amp;druh=39&amp;druh=41&amp;druh=43&amp;druh=42&amp;cil=seniori\""), "{}", home.body);
    let english = app
        .get_with("/nepomuk", &[("cookie", "souhra_lang=en")])
        .await;
    assert!(
        english
            .body
            .contains("I am getting older and need help at home")
    );
    let situation = app
        .get("/nepomuk/sluzby?situace=starnu-doma&druh=40&druh=39&druh=41&druh=43&druh=42&cil=seniori")
        .await;
    assert!(
        situation
            .body
            .contains("<h1>Stárnu a potřebuji pomoc doma</h1>")
    );
    assert!(situation.text.contains("Nalezena 1 služba"));
    // The coordinator's own list replaces the defaults for the area only.
    let store = &app.database.store;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    store
        .save_life_situations(
            area.id,
            &[LifeSituation {
                key: "pomoc-v-noci".into(),
                title: Some("Potřebuji pomoc v noci".into()),
                kinds: vec!["57".into()],
                target_groups: Vec::new(),
            }],
        )
        .await
        .unwrap();
    let own = app.get("/nepomuk").await;
    assert!(own.body.contains("lang=\"cs\">Potřebuji pomoc v noci</a>"));
    assert!(!own.body.contains("Stárnu a potřebuji"));
    assert!(
        app.get("/plzensky-kraj")
            .await
            .body
            .contains("Stárnu a potřebuji")
    );
}

#[tokio::test]
async fn every_default_situation_has_texts_in_every_language() {
    let app = app().await;
    for situation in bundled::life_situations(None).unwrap() {
        for cookie in ["souhra_lang=cs", "souhra_lang=en", "souhra_lang=uk"] {
            let home = app.get_with("/nepomuk", &[("cookie", cookie)]).await;
            assert!(
                !home.body.contains(&format!(">{}<", situation.key))
                    && !home.body.contains(&format!("situation-{}", situation.key)),
                "{} in {cookie}",
                situation.key
            );
        }
    }
}

#[tokio::test]
async fn kept_results_pages_follow_catalogue_changes_and_compress_once() {
    use std::io::Read;
    let (app, _) = app_with_services().await;
    let path = "/nepomuk/sluzby?q=pe%C4%8Dovatelsk%C3%A1";
    let first = app.get(path).await;
    assert!(first.text.contains("Nalezena 1 služba"), "{}", first.text);
    // Answered again from memory, byte for byte, and gzipped for clients that take it.
    let again = app.get(path).await;
    assert_eq!(again.body, first.body);
    let zipped = app
        .router
        .clone()
        .oneshot(
            Request::get(path)
                .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(zipped.headers()[header::CONTENT_ENCODING], "gzip");
    assert!(zipped.headers()["content-security-policy"].len() > 10);
    let bytes = axum::body::to_bytes(zipped.into_body(), 10 << 20)
        .await
        .unwrap();
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, first.body);
    // A new service shows once the server's refresh has indexed it.
    let store = &app.database.store;
    let added = entry(
        "Pečovatelská služba Kramolín",
        "40",
        Form::Field,
        vec![facility(NEPOMUK, "Zahradní", false, (49.49, 13.58))],
    );
    let report = store
        .save_catalogue_entries(&[("row 9".to_owned(), added)], false, false)
        .await
        .unwrap();
    assert!(report.committed, "{report:?}");
    assert_eq!(app.state.refresh_search(false).await.unwrap(), Some(5));
    let changed = app.get(path).await;
    assert!(
        changed.text.contains("Nalezeny 2 služby"),
        "{}",
        changed.text
    );
    assert!(changed.body.contains("Pečovatelská služba Kramolín"));
}

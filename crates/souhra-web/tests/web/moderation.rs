//! Provider self-service through the HTTP surface: a provider editor proposes, the coordinator
//! approves or rejects in the queue (with the .eml notices), verification, history with
//! restore, error reports in the same queue, the audit log and its CSV, and that one provider
//! cannot reach another's services by crafting ids.

use axum::http::{StatusCode, header};
use souhra_core::account::{Grant, Role};
use souhra_core::catalogue::{CatalogueEntry, Ico};
use souhra_core::codelist::Form;

use super::accounts::{Accounts, accounts_app, hidden_value};
use super::catalogue_pages::{KRAMOLIN, NEPOMUK, entry, facility};

const ICO_A: &str = "00075370";
const ICO_B: &str = "25212818";

struct Setup {
    t: Accounts,
    /// Services of provider A and provider B in Nepomuk.
    a: i64,
    b: i64,
    coordinator: String,
    editor_a: String,
}

fn with_ico(mut e: CatalogueEntry, ico: &str, name: &str) -> CatalogueEntry {
    e.organization.ico = Some(Ico::parse(ico).unwrap());
    e.organization.name = name.into();
    e
}

async fn setup() -> Setup {
    let t = accounts_app().await;
    let store = &t.app.database.store;
    let entries = vec![
        (
            "row 1".to_owned(),
            with_ico(
                entry(
                    "Pečovatelská služba Nepomuk",
                    "40",
                    Form::Field,
                    vec![facility(NEPOMUK, "Náměstí", false, (49.49, 13.58))],
                ),
                ICO_A,
                "Město Nepomuk",
            ),
        ),
        (
            "row 2".to_owned(),
            with_ico(
                entry(
                    "Azylový dům pro matky",
                    "57",
                    Form::Residential,
                    vec![facility(KRAMOLIN, "Tajná", true, (49.50, 13.53))],
                ),
                ICO_B,
                "Spolek B",
            ),
        ),
    ];
    let report = store
        .save_catalogue_entries(&entries, false, false)
        .await
        .unwrap();
    assert!(report.committed, "{report:?}");
    let ids = store.service_ids().await.unwrap();
    t.app.state.refresh_search(false).await.unwrap();
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "koordinator@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    t.user(
        "editor@mesto.cz",
        &[Grant::new(
            Role::ProviderEditor,
            Some(nepomuk),
            Some(Ico::parse(ICO_A).unwrap()),
        )
        .unwrap()],
    )
    .await;
    let coordinator = t.login("koordinator@nepomuk.cz").await;
    let editor_a = t.login("editor@mesto.cz").await;
    Setup {
        a: ids[0].0,
        b: ids[1].0,
        t,
        coordinator,
        editor_a,
    }
}

impl Setup {
    async fn csrf(&self, session: &str) -> String {
        hidden_value(
            &self
                .t
                .app
                .get_with("/sprava", &[("cookie", session)])
                .await
                .body,
            "csrf",
        )
    }

    async fn edit(&self, session: &str, id: i64, fields: &[(&str, &str)]) -> super::Reply {
        let page = self
            .t
            .app
            .get_with(
                &format!("/sprava/nepomuk/sluzba/{id}"),
                &[("cookie", session)],
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        // The form as shown, with some fields changed.
        let mut form: Vec<(String, String)> =
            ["name", "description", "fees", "web", "emails", "phones"]
                .iter()
                .map(|k| ((*k).to_owned(), field_value(&page.body, k)))
                .collect();
        for (k, v) in fields {
            match form.iter_mut().find(|(f, _)| f == k) {
                Some(slot) => slot.1 = (*v).to_owned(),
                None => form.push(((*k).to_owned(), (*v).to_owned())),
            }
        }
        form.push(("csrf".into(), hidden_value(&page.body, "csrf")));
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        self.t
            .app
            .post(&format!("/sprava/nepomuk/sluzba/{id}"), &pairs, session)
            .await
    }
}

/// The value of a field of the edit form (input or textarea), entities undone.
fn field_value(body: &str, name: &str) -> String {
    let input = format!("name=\"{name}\" value=\"");
    let raw = if let Some(start) = body.find(&input) {
        body[start + input.len()..]
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    } else {
        let area = format!("name=\"{name}\"");
        let start = body
            .find(&area)
            .unwrap_or_else(|| panic!("{name} in {body}"));
        let open = body[start..].find('>').unwrap() + start + 1;
        let close = body[open..].find("</textarea>").unwrap() + open;
        body[open..close].to_owned()
    };
    raw.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn a_provider_proposes_and_the_coordinator_decides_with_notices() {
    let s = setup().await;
    let app = &s.t.app;
    // The editor's list marks only its own service editable.
    let list = app
        .get_with("/sprava/nepomuk/sluzby", &[("cookie", &s.editor_a)])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body
            .contains(&format!("href=\"/sprava/nepomuk/sluzba/{}\"", s.a))
    );
    assert!(
        !list
            .body
            .contains(&format!("href=\"/sprava/nepomuk/sluzba/{}\"", s.b))
    );
    assert!(list.text.contains("nikdy"), "never verified: {}", list.text);

    let sent = s
        .edit(
            &s.editor_a,
            s.a,
            &[
                ("fees", "120 Kč/hod <b>tučně</b>"),
                ("phones", "+420 371 111 222\n777 000 111"),
                ("zprava", "Nový ceník od prosince"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(
        sent.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .ends_with("?stav=navrzeno")
    );
    // Nothing changes until approved.
    let public = app.get(&format!("/nepomuk/sluzba/{}", s.a)).await;
    let public = app
        .get(public.headers[header::LOCATION].to_str().unwrap())
        .await;
    assert!(!public.text.contains("120 Kč/hod"));

    let queue = app
        .get_with("/sprava/nepomuk/fronta", &[("cookie", &s.coordinator)])
        .await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.text.contains("Nový ceník od prosince"));
    assert!(
        queue.text.contains("+420 123 456 789"),
        "the value now: {}",
        queue.text
    );
    assert!(queue.body.contains("120 Kč/hod &lt;b&gt;tučně&lt;/b&gt;"));
    assert!(!queue.body.contains("<b>tučně</b>"));
    assert!(queue.text.contains("editor@mesto.cz"));
    // The coordinator's home counts what waits.
    let home = app.get_with("/sprava", &[("cookie", &s.coordinator)]).await;
    assert!(home.text.contains("čeká 1 položka"), "{}", home.text);
    // The editor has no access to the queue.
    let denied = app
        .get_with("/sprava/nepomuk/fronta", &[("cookie", &s.editor_a)])
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);

    let proposals = app
        .database
        .store
        .open_proposals(s.t.area("nepomuk").await)
        .await
        .unwrap();
    assert_eq!(proposals.len(), 1);
    let csrf = s.csrf(&s.coordinator).await;
    let path = format!("/sprava/nepomuk/fronta/navrh/{}", proposals[0].id);
    // A rejection needs a reason.
    let bare = app
        .post(
            &path,
            &[("rozhodnuti", "zamitnout"), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(bare.status, StatusCode::BAD_REQUEST);
    let approved = app
        .post(
            &path,
            &[("rozhodnuti", "schvalit"), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    app.state.refresh_search(false).await.unwrap();
    let public = app.get(&format!("/nepomuk/sluzba/{}", s.a)).await;
    let public = app
        .get(public.headers[header::LOCATION].to_str().unwrap())
        .await;
    assert!(public.text.contains("120 Kč/hod"), "{}", public.text);
    assert!(public.text.contains("777 000 111"));

    // A second proposal, rejected with a reason.
    s.edit(&s.editor_a, s.a, &[("description", "Jen o víkendech.")])
        .await;
    let id = app
        .database
        .store
        .open_proposals(s.t.area("nepomuk").await)
        .await
        .unwrap()[0]
        .id;
    let rejected = app
        .post(
            &format!("/sprava/nepomuk/fronta/navrh/{id}"),
            &[
                ("rozhodnuti", "zamitnout"),
                ("duvod", "Služba funguje i ve všední dny."),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(rejected.status, StatusCode::SEE_OTHER);
    // Deciding twice changes nothing.
    let twice = app
        .post(
            &format!("/sprava/nepomuk/fronta/navrh/{id}"),
            &[("rozhodnuti", "schvalit"), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(twice.status, StatusCode::SEE_OTHER);

    // Two notices each way: the coordinator hears of each proposal, the editor of each
    // decision.
    let all = s.t.mails();
    assert_eq!(all.len(), 4, "{all:#?}");
    let (to_coordinator, mails): (Vec<String>, Vec<String>) = all
        .into_iter()
        .partition(|m| m.contains("To: koordinator@nepomuk.cz"));
    assert_eq!(to_coordinator.len(), 2, "{to_coordinator:#?}");
    assert!(mails.iter().all(|m| m.contains("To: editor@mesto.cz")));
    assert!(
        to_coordinator[0].contains("https://souhra.example/sprava/nepomuk/fronta"),
        "{}",
        to_coordinator[0]
    );
    assert!(
        mails[0].contains("Souhra: změny služby Pečovatelská služba Nepomuk jsou schváleny")
            || mails[0].contains("schválil"),
        "{}",
        mails[0]
    );
    assert!(
        mails[1].contains("Služba funguje i ve všední dny."),
        "{}",
        mails[1]
    );
    // The editor sees how its proposals went.
    let page = app
        .get_with(
            &format!("/sprava/nepomuk/sluzba/{}", s.a),
            &[("cookie", &s.editor_a)],
        )
        .await;
    assert!(
        page.text.contains("schváleno") && page.text.contains("zamítnuto"),
        "{}",
        page.text
    );

    // "Everything is still correct" sets the date.
    let csrf_a = s.csrf(&s.editor_a).await;
    let verified = app
        .post(
            &format!("/sprava/nepomuk/sluzba/{}/overeno", s.a),
            &[("csrf", &csrf_a)],
            &s.editor_a,
        )
        .await;
    assert_eq!(verified.status, StatusCode::SEE_OTHER);
    let detail = app
        .database
        .store
        .service(souhra_store::records::ServiceId(s.a))
        .await
        .unwrap()
        .unwrap();
    assert!(detail.verified_at.is_some());
}

#[tokio::test]
async fn provider_a_cannot_reach_provider_b_by_crafting_ids() {
    let s = setup().await;
    let app = &s.t.app;
    let csrf = s.csrf(&s.editor_a).await;
    let b = s.b;
    for path in [
        format!("/sprava/nepomuk/sluzba/{b}"),
        format!("/sprava/nepomuk/sluzba/{b}/historie"),
    ] {
        let reply = app.get_with(&path, &[("cookie", &s.editor_a)]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    for (path, form) in [
        (
            format!("/sprava/nepomuk/sluzba/{b}"),
            vec![("name", "Převzato"), ("csrf", csrf.as_str())],
        ),
        (
            format!("/sprava/nepomuk/sluzba/{b}/overeno"),
            vec![("csrf", csrf.as_str())],
        ),
        (
            format!("/sprava/nepomuk/sluzba/{b}/obnovit"),
            vec![("verze", "1"), ("csrf", csrf.as_str())],
        ),
        (
            format!("/sprava/nepomuk/sluzba/{}/obnovit", s.a),
            vec![("verze", "1"), ("csrf", csrf.as_str())],
        ),
    ] {
        let reply = app.post(&path, &form, &s.editor_a).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    // A service that does not serve the area is not found through it.
    let region = app
        .get_with(
            &format!("/sprava/plzensky-kraj/sluzba/{b}"),
            &[("cookie", &s.coordinator)],
        )
        .await;
    assert_ne!(region.status, StatusCode::OK);
    let missing = app
        .get_with(
            "/sprava/nepomuk/sluzba/999999",
            &[("cookie", &s.coordinator)],
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        app.database
            .store
            .open_proposals(s.t.area("nepomuk").await)
            .await
            .unwrap()
            .is_empty()
    );
    let detail = app
        .database
        .store
        .service(souhra_store::records::ServiceId(b))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(detail.name, "Azylový dům pro matky");
    assert!(detail.verified_at.is_none());
}

#[tokio::test]
async fn history_restores_and_reports_share_the_queue_and_the_audit_log_exports() {
    let s = setup().await;
    let app = &s.t.app;
    let nepomuk = s.t.area("nepomuk").await;
    // The coordinator's edits apply at once and are recorded.
    let first = s
        .edit(&s.coordinator, s.a, &[("description", "První popis.")])
        .await;
    assert!(
        first.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .ends_with("?stav=ulozeno")
    );
    s.edit(
        &s.coordinator,
        s.a,
        &[("description", "Druhý popis <script>x</script>")],
    )
    .await;
    // A bad value is refused with the field named, and nothing changes.
    let bad = s
        .edit(&s.coordinator, s.a, &[("web", "javascript:alert(1)")])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.text.contains("„Web“"), "{}", bad.text);
    let history = app
        .get_with(
            &format!("/sprava/nepomuk/sluzba/{}/historie", s.a),
            &[("cookie", &s.coordinator)],
        )
        .await;
    assert_eq!(history.status, StatusCode::OK);
    assert!(
        history.text.contains("První popis.")
            && history.body.contains("Druhý popis &lt;script&gt;")
    );
    assert!(!history.body.contains("<script>x"));
    let sets = app
        .database
        .store
        .service_history(souhra_store::records::ServiceId(s.a))
        .await
        .unwrap();
    assert_eq!(sets.len(), 2);
    let csrf = s.csrf(&s.coordinator).await;
    let restored = app
        .post(
            &format!("/sprava/nepomuk/sluzba/{}/obnovit", s.a),
            &[("verze", &sets[1].id.to_string()), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    let detail = app
        .database
        .store
        .service(souhra_store::records::ServiceId(s.a))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(detail.description.as_deref(), Some("První popis."));
    assert_eq!(
        app.database
            .store
            .service_history(detail.id)
            .await
            .unwrap()
            .len(),
        3
    );

    // A public error report names its field and waits in the same queue.
    let path = format!("/nepomuk/sluzba/{}-pecovatelska-sluzba-nepomuk/chyba", s.a);
    let form = app.get(&path).await;
    let cookie = form.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let token = cookie.split_once('=').unwrap().1.to_owned();
    let sent = app
        .post(
            &path,
            &[
                ("zprava", "Telefon už neplatí, volejte na úřad."),
                ("pole", "phones"),
                ("token", &token),
            ],
            &cookie,
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    // The coordinator hears of it, without the reporter's text.
    let notices: Vec<String> =
        s.t.mails()
            .into_iter()
            .filter(|m| m.contains("nahlásil chybu") && m.contains("To: koordinator@"))
            .collect();
    assert_eq!(notices.len(), 1, "{notices:#?}");
    assert!(!notices[0].contains("neplat"), "{}", notices[0]);
    let queue = app
        .get_with("/sprava/nepomuk/fronta", &[("cookie", &s.coordinator)])
        .await;
    assert!(
        queue.text.contains("Telefon už neplatí") && queue.text.contains("Údaj: Telefony"),
        "{}",
        queue.text
    );
    let report = app.database.store.open_reports_in(nepomuk).await.unwrap()[0].id;
    let settled = app
        .post(
            &format!("/sprava/nepomuk/fronta/hlaseni/{report}"),
            &[
                ("rozhodnuti", "opraveno"),
                ("duvod", "Číslo opraveno."),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(settled.status, StatusCode::SEE_OTHER);
    assert!(
        app.database
            .store
            .open_reports_in(nepomuk)
            .await
            .unwrap()
            .is_empty()
    );

    // The audit log is for administrators; it filters and exports CSV.
    let refused = app
        .get_with("/sprava/nepomuk/audit", &[("cookie", &s.coordinator)])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    s.t.user(
        "spravce@nepomuk.cz",
        &[Grant::new(Role::Administrator, Some(nepomuk), None).unwrap()],
    )
    .await;
    let admin = s.t.login("spravce@nepomuk.cz").await;
    let log = app
        .get_with("/sprava/nepomuk/audit", &[("cookie", &admin)])
        .await;
    assert_eq!(log.status, StatusCode::OK);
    // Each action as a phrase, and the record linked to its history.
    for action in [
        "úprava služby",
        "obnovení starší verze služby",
        "hlášení chyby vyřízeno opravou",
    ] {
        assert!(log.text.contains(action), "{action}: {}", log.text);
    }
    assert!(!log.text.contains("service.edit"), "{}", log.text);
    assert!(
        log.body.contains(&format!(
            "<a href=\"/sprava/nepomuk/sluzba/{}/historie\">služba č. {}</a>",
            s.a, s.a
        )),
        "{}",
        log.body
    );
    let filtered = app
        .get_with(
            "/sprava/nepomuk/audit?akce=report.&kdo=koordinator%40nepomuk.cz",
            &[("cookie", &admin)],
        )
        .await;
    assert!(
        filtered.text.contains("hlášení chyby vyřízeno opravou")
            && !filtered.text.contains("úprava služby")
    );
    let csv = app
        .get_with("/sprava/nepomuk/audit?format=csv", &[("cookie", &admin)])
        .await;
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Čas (UTC),Uživatel (e-mail),Činnost,Území,Záznam,Podrobnosti"
    );
    assert!(
        lines.iter().any(|l| l.contains(&format!(
            ",koordinator@nepomuk.cz,obnovení starší verze služby,Nepomuk,služba č. {},",
            s.a
        ))),
        "{lines:#?}"
    );
    let bad_date = app
        .get_with("/sprava/nepomuk/audit?od=wrong", &[("cookie", &admin)])
        .await;
    assert_eq!(bad_date.status, StatusCode::BAD_REQUEST);
}

/// Payloads that would run or inject markup if any page printed them unescaped.
const XSS: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "'><svg onload=alert(3)>",
    "{{ 7*7 }}{% raw %}",
];

#[tokio::test]
async fn markup_typed_into_any_field_comes_back_escaped_on_every_page() {
    let s = setup().await;
    let app = &s.t.app;
    let payload = XSS.join(" ");
    // Into every text field a provider, a coordinator or the public can type.
    s.edit(
        &s.editor_a,
        s.a,
        &[
            ("description", &payload),
            ("fees", &payload),
            ("zprava", &payload),
        ],
    )
    .await;
    s.edit(
        &s.coordinator,
        s.b,
        &[("name", &payload), ("description", &payload)],
    )
    .await;
    let path = format!("/nepomuk/sluzba/{}-x/chyba", s.a);
    let form = app.get(&path).await;
    let form = if form.status == StatusCode::PERMANENT_REDIRECT {
        app.get(form.headers[header::LOCATION].to_str().unwrap())
            .await
    } else {
        form
    };
    let cookie = form.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let token = cookie.split_once('=').unwrap().1.to_owned();
    let report_path = format!("/nepomuk/sluzba/{}-pecovatelska-sluzba-nepomuk/chyba", s.a);
    let sent = app
        .post(
            &report_path,
            &[
                ("zprava", &payload),
                ("kontakt", &payload),
                ("token", &token),
            ],
            &cookie,
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let nepomuk = s.t.area("nepomuk").await;
    let csrf = s.csrf(&s.coordinator).await;
    let invited = app
        .post(
            "/sprava/nepomuk/pozvat",
            &[
                ("email", "xss@nepomuk.cz"),
                ("jmeno", &payload),
                ("role", "read-only"),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER, "{}", invited.body);
    s.t.user(
        "spravce@nepomuk.cz",
        &[Grant::new(Role::Administrator, Some(nepomuk), None).unwrap()],
    )
    .await;
    let admin = s.t.login("spravce@nepomuk.cz").await;
    app.state.refresh_search(false).await.unwrap();
    let encoded: String = payload
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let pages = [
        ("/sprava".to_owned(), &admin),
        ("/sprava/nepomuk/uzivatele".to_owned(), &admin),
        ("/sprava/nepomuk/sluzby".to_owned(), &admin),
        (format!("/sprava/nepomuk/sluzba/{}", s.a), &admin),
        (format!("/sprava/nepomuk/sluzba/{}", s.b), &admin),
        (format!("/sprava/nepomuk/sluzba/{}/historie", s.b), &admin),
        ("/sprava/nepomuk/fronta".to_owned(), &admin),
        (
            format!("/sprava/nepomuk/audit?kdo={encoded}&akce={encoded}"),
            &admin,
        ),
        (format!("/sprava/nepomuk/sluzba/{}", s.a), &s.editor_a),
        (format!("/nepomuk/sluzby?q={encoded}"), &admin),
        (format!("/prihlaseni?dalsi={encoded}"), &s.editor_a),
    ];
    let mut checked = 0;
    for (page, session) in pages {
        let reply = app.get_with(&page, &[("cookie", session)]).await;
        assert!(
            matches!(
                reply.status,
                StatusCode::OK | StatusCode::SEE_OTHER | StatusCode::BAD_REQUEST
            ),
            "{page}: {}",
            reply.status
        );
        for raw in [
            "<script>alert(1)",
            "<img src=x",
            "<svg onload",
            ">49<",
            " 49 ",
        ] {
            assert!(!reply.body.contains(raw), "{page} prints {raw:?} unescaped");
        }
        checked += 1;
    }
    // The payload did get stored and shown (escaped), so the pages really printed it.
    let queue = app
        .get_with("/sprava/nepomuk/fronta", &[("cookie", &admin)])
        .await;
    assert!(
        queue.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        queue.body
    );
    assert!(queue.body.contains("{{ 7*7 }}"));
    assert_eq!(checked, 11);
}

#[tokio::test]
async fn coordinators_set_their_contacts_and_life_situations() {
    let s = setup().await;
    let app = &s.t.app;
    let page = app
        .get_with("/sprava/nepomuk/nastaveni", &[("cookie", &s.coordinator)])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = hidden_value(&page.body, "csrf");
    let defaults = app
        .state
        .store()
        .life_situations(s.t.area("nepomuk").await)
        .await
        .unwrap();
    assert_eq!(defaults, None);
    // Contacts: a bad e-mail is refused, good ones saved (and printed in the brochure).
    let bad = app
        .post(
            "/sprava/nepomuk/nastaveni/kontakt",
            &[
                ("office", "Odbor sociálních věcí"),
                ("email", "bez zavináče"),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let saved = app
        .post(
            "/sprava/nepomuk/nastaveni/kontakt",
            &[
                ("office", "Odbor sociálních věcí, MěÚ Nepomuk"),
                ("phone", "+420 371 519 711"),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let nepomuk = s.t.area("nepomuk").await;
    let contact = app
        .state
        .store()
        .coordinator_contact(nepomuk)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(contact.phone.as_deref(), Some("+420 371 519 711"));
    // A new situation, keyed by its title; then moved up, edited and removed.
    let created = app
        .post(
            "/sprava/nepomuk/situace/nova",
            &[
                ("nazev", "Hledám práci po nemoci"),
                ("druh", "40"),
                ("druh", "neexistuje"),
                ("cil", "seniori"),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let list = app
        .state
        .store()
        .life_situations(nepomuk)
        .await
        .unwrap()
        .unwrap();
    let new = list.last().unwrap();
    assert_eq!(new.key, "hledam-praci-po-nemoci");
    assert_eq!(new.kinds, vec!["40".to_owned()]);
    assert_eq!(new.target_groups, vec!["seniori".to_owned()]);
    let empty = app
        .post(
            "/sprava/nepomuk/situace/nova",
            &[("nazev", "Nic"), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    let up = app
        .post(
            "/sprava/nepomuk/situace",
            &[
                ("akce", "nahoru"),
                ("klic", "hledam-praci-po-nemoci"),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(up.status, StatusCode::SEE_OTHER);
    let list = app
        .state
        .store()
        .life_situations(nepomuk)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(list[list.len() - 2].key, "hledam-praci-po-nemoci");
    let form = app
        .get_with(
            "/sprava/nepomuk/situace/hledam-praci-po-nemoci",
            &[("cookie", &s.coordinator)],
        )
        .await;
    assert!(
        form.body.contains("name=\"druh\" value=\"40\" checked"),
        "{}",
        form.body
    );
    let edited = app
        .post(
            "/sprava/nepomuk/situace/hledam-praci-po-nemoci",
            &[("nazev", "<b>Práce</b>"), ("druh", "44"), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER);
    let home = app.get("/nepomuk").await;
    assert!(
        home.body.contains("&lt;b&gt;Práce&lt;/b&gt;"),
        "{}",
        home.body
    );
    let removed = app
        .post(
            "/sprava/nepomuk/situace",
            &[
                ("akce", "smazat"),
                ("klic", "hledam-praci-po-nemoci"),
                ("csrf", &csrf),
            ],
            &s.coordinator,
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let list = app
        .state
        .store()
        .life_situations(nepomuk)
        .await
        .unwrap()
        .unwrap();
    assert!(list.iter().all(|s| s.key != "hledam-praci-po-nemoci"));
    let unknown = app
        .post(
            "/sprava/nepomuk/situace",
            &[("akce", "smazat"), ("klic", "zadna"), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let reset = app
        .post(
            "/sprava/nepomuk/situace",
            &[("akce", "vychozi"), ("csrf", &csrf)],
            &s.coordinator,
        )
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.state.store().life_situations(nepomuk).await.unwrap(),
        None
    );
    // A provider editor has no settings.
    let denied = app
        .get_with("/sprava/nepomuk/nastaveni", &[("cookie", &s.editor_a)])
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
}

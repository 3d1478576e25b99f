//! Needs surveys through HTTP: a coordinator builds a questionnaire (bad questions named,
//! nothing saved; a stale form refused), opens it; the public answers anonymously through a
//! form with a token and a honeypot; missing or foreign answers come back with what was typed;
//! results with a filter, exports, wording fixes kept and structural changes refused once
//! answers exist; published results leave free texts out; a closed survey takes nothing more.

use axum::http::{StatusCode, header};
use souhra_core::account::{Grant, Role};
use souhra_store::survey::SurveyId;

use super::accounts::{accounts_app, hidden_value};

fn location(reply: &super::Reply) -> String {
    reply.headers[header::LOCATION].to_str().unwrap().to_owned()
}

/// The `souhra_csrf` cookie and the token of a public form.
fn form_token(reply: &super::Reply) -> (String, String) {
    let cookie = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("souhra_csrf="))
        .unwrap();
    let pair = cookie.split(';').next().unwrap().to_owned();
    let token = pair.split_once('=').unwrap().1.to_owned();
    (pair, token)
}

#[tokio::test]
async fn a_survey_is_built_answered_and_counted() {
    let t = accounts_app().await;
    let app = &t.app;
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "koordinator@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    t.user(
        "clen@nepomuk.cz",
        &[Grant::new(Role::GroupMember, Some(nepomuk), None).unwrap()],
    )
    .await;
    let coordinator = t.login("koordinator@nepomuk.cz").await;
    let member = t.login("clen@nepomuk.cz").await;
    let list = app
        .get_with("/sprava/nepomuk/pruzkumy", &[("cookie", &coordinator)])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let csrf = hidden_value(&list.body, "csrf");
    let created = app
        .post(
            "/sprava/nepomuk/pruzkumy",
            &[("nazev", "Potřeby seniorů"), ("csrf", &csrf)],
            &coordinator,
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let page = location(&created);
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    let revision = || async {
        app.database
            .store
            .survey(SurveyId(id))
            .await
            .unwrap()
            .unwrap()
            .revision
            .to_string()
    };
    let question = format!("{page}/otazka");
    let add = |fields: Vec<(&'static str, String)>| {
        let coordinator = coordinator.clone();
        let csrf = csrf.clone();
        let question = question.clone();
        async move {
            let rev = revision().await;
            let mut form: Vec<(&str, &str)> = vec![
                ("csrf", csrf.as_str()),
                ("cislo", ""),
                ("akce", "ulozit"),
                ("revize", rev.as_str()),
            ];
            form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            app.post(&question, &form, &coordinator).await
        }
    };
    for fields in [
        vec![
            ("druh", "single".to_owned()),
            ("text", "Kolik je vám let?".to_owned()),
            ("povinna", "1".to_owned()),
            ("moznosti", "do 64 let\r\n65 a více let\r\n".to_owned()),
        ],
        vec![
            ("druh", "scale".to_owned()),
            ("text", "Spokojenost se službami".to_owned()),
            ("od", "1".to_owned()),
            ("do_", "5".to_owned()),
            ("popis_od", "vůbec".to_owned()),
        ],
        vec![
            ("druh", "matrix".to_owned()),
            ("text", "Dostupnost".to_owned()),
            ("moznosti", "dostatečná\nnedostatečná".to_owned()),
            ("radky", "doprava\nlékař".to_owned()),
        ],
        vec![("druh", "text".to_owned()), ("text", "Vzkaz".to_owned())],
    ] {
        let reply = add(fields).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text);
    }
    // A bad question is named and nothing is saved.
    let bad = add(vec![
        ("druh", "multiple".to_owned()),
        ("text", "Jen jedna možnost".to_owned()),
        ("moznosti", "jediná".to_owned()),
    ])
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.text
            .contains("Otázka 5: uveďte 2 až 30 různých možností"),
        "{}",
        bad.text
    );
    assert!(
        bad.body.contains(">Jen jedna možnost</textarea>"),
        "what was typed stays"
    );
    let scale = add(vec![
        ("druh", "scale".to_owned()),
        ("text", "Široká škála".to_owned()),
        ("od", "0".to_owned()),
        ("do_", "99".to_owned()),
    ])
    .await;
    assert_eq!(scale.status, StatusCode::BAD_REQUEST);
    let survey = app
        .database
        .store
        .survey(SurveyId(id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(survey.questionnaire.questions.len(), 4);
    // A form from an older revision is refused.
    let stale = app
        .post(
            &question,
            &[
                ("csrf", &csrf),
                ("cislo", "1"),
                ("akce", "smazat"),
                ("revize", "1"),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    // A group member sees the survey but may not change it.
    assert_eq!(
        app.get_with(&page, &[("cookie", &member)]).await.status,
        StatusCode::OK
    );
    // Drafts are not public.
    let public = format!("/nepomuk/pruzkum/{}", survey.token);
    assert_eq!(app.get(&public).await.status, StatusCode::NOT_FOUND);
    let opened = app
        .post(
            &format!("{page}/stav"),
            &[("csrf", &csrf), ("stav", "open")],
            &coordinator,
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    let empty = app
        .get_with(&format!("{page}/vysledky"), &[("cookie", &member)])
        .await;
    assert!(
        empty.text.contains("Průzkum zatím nemá žádnou odpověď."),
        "{}",
        empty.text
    );

    // The public answers.
    let form = app.get(&public).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("name=\"q0\" value=\"1\""));
    assert!(form.body.contains("name=\"q2_r1\""));
    assert!(form.text.contains("Odpovídáte anonymně"));
    let (cookie, token) = form_token(&form);
    let send = |fields: Vec<(&'static str, &'static str)>, token: String| {
        let cookie = cookie.clone();
        let public = public.clone();
        async move {
            let mut all: Vec<(&str, &str)> = vec![("token", token.as_str())];
            all.extend(fields);
            app.post(&public, &all, &cookie).await
        }
    };
    let missing = send(
        vec![("q1", "4"), ("q3", "Chybí doprava <b>k lékaři</b>")],
        token.clone(),
    )
    .await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert!(
        missing.text.contains("Otázka 1 je povinná"),
        "{}",
        missing.text
    );
    assert!(
        missing
            .body
            .contains("Chybí doprava &lt;b&gt;k lékaři&lt;/b&gt;</textarea>")
    );
    assert!(
        missing
            .body
            .contains("id=\"q1-4\" name=\"q1\" value=\"4\" checked")
    );
    let foreign = send(vec![("q0", "7")], token.clone()).await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
    assert!(
        foreign
            .text
            .contains("Otázka 1: tato odpověď není mezi nabízenými")
    );
    let no_token = send(vec![("q0", "0")], "jiny".into()).await;
    assert_eq!(no_token.status, StatusCode::BAD_REQUEST);
    let robot = send(vec![("q0", "0"), ("web", "http://spam")], token.clone()).await;
    assert_eq!(robot.status, StatusCode::SEE_OTHER);
    for fields in [
        vec![
            ("q0", "1"),
            ("q1", "4"),
            ("q2_r0", "1"),
            ("q2_r1", "0"),
            ("q3", "Chybí doprava."),
        ],
        vec![("q0", "1"), ("q1", "2")],
        vec![("q0", "0"), ("q1", "5"), ("q2_r0", "0")],
    ] {
        let reply = send(fields, token.clone()).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text);
        assert!(location(&reply).ends_with("?stav=odeslano"));
    }
    assert_eq!(
        app.get(&format!("{public}?stav=odeslano")).await.status,
        StatusCode::OK
    );
    let responses = app
        .database
        .store
        .survey_responses(SurveyId(id))
        .await
        .unwrap();
    assert_eq!(responses.len(), 3, "the robot's answer is not kept");

    // Results for everyone of the area, with a filter.
    let results = app
        .get_with(&format!("{page}/vysledky"), &[("cookie", &member)])
        .await;
    assert_eq!(results.status, StatusCode::OK);
    assert!(
        results.text.contains("Průzkum má 3 odpovědi."),
        "{}",
        results.text
    );
    assert!(results.text.contains("<th scope=\"row\">65 a více let</th><td class=\"num\">2</td><td class=\"num\">66,7\u{a0}%</td>"), "{}", results.text);
    assert!(results.text.contains("průměr 3,67"), "{}", results.text);
    assert!(results.text.contains("<li>Chybí doprava.</li>"));
    let filtered = app
        .get_with(
            &format!("{page}/vysledky?filtr=0-1"),
            &[("cookie", &member)],
        )
        .await;
    assert!(
        filtered.text.contains("Započteno 2 z 3 odpovědí"),
        "{}",
        filtered.text
    );
    assert!(filtered.text.contains("průměr 3,00"));
    let bad_filter = app
        .get_with(
            &format!("{page}/vysledky?filtr=1-0"),
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(bad_filter.status, StatusCode::BAD_REQUEST);
    // Exports for coordinators only.
    assert_eq!(
        app.get_with(&format!("{page}/odpovedi.csv"), &[("cookie", &member)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let csv = String::from_utf8(
        app.get_bytes_with(&format!("{page}/odpovedi.csv"), &coordinator)
            .await,
    )
    .unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(
        lines[0].contains("1. Kolik je vám let?") && lines[0].contains("3. Dostupnost – lékař")
    );
    assert!(
        lines[1].contains(",65 a více let,4,nedostatečná,dostatečná,Chybí doprava."),
        "{}",
        lines[1]
    );
    assert!(
        app.get_bytes_with(&format!("{page}/odpovedi.xlsx"), &coordinator)
            .await
            .starts_with(b"PK")
    );

    // With answers: a wording fix is kept, a new option is refused.
    let rev = revision().await;
    let fixed = app
        .post(
            &question,
            &[
                ("csrf", &csrf),
                ("cislo", "1"),
                ("akce", "ulozit"),
                ("revize", &rev),
                ("druh", "single"),
                ("text", "Kolik je Vám let?"),
                ("povinna", "1"),
                ("moznosti", "do 64 let\n65 let a více"),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(fixed.status, StatusCode::SEE_OTHER, "{}", fixed.text);
    let rev = revision().await;
    let grown = app
        .post(
            &question,
            &[
                ("csrf", &csrf),
                ("cislo", "1"),
                ("akce", "ulozit"),
                ("revize", &rev),
                ("druh", "single"),
                ("text", "Kolik je Vám let?"),
                ("povinna", "1"),
                ("moznosti", "do 64 let\n65 let a více\nnechci uvést"),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(grown.status, StatusCode::BAD_REQUEST);
    assert!(
        grown.text.contains("Průzkum už má odpovědi"),
        "{}",
        grown.text
    );
    let admin = app.get_with(&page, &[("cookie", &coordinator)]).await;
    assert!(
        admin.text.contains("„65 a více let“ → „65 let a více“"),
        "{}",
        admin.text
    );
    assert!(
        admin
            .text
            .contains("„Kolik je vám let?“ → „Kolik je Vám let?“")
    );

    // Published results leave free texts out; the analysis page lists the survey.
    assert_eq!(
        app.get(&format!("{public}/vysledky")).await.status,
        StatusCode::NOT_FOUND
    );
    let rev = revision().await;
    let published = app
        .post(
            &page,
            &[
                ("csrf", &csrf),
                ("revize", &rev),
                ("nazev", "Potřeby seniorů"),
                ("publikum", "senioři a pečující"),
                ("identifikace", "anonymous"),
                ("konec", ""),
                ("seznam", "1"),
                ("vysledky", "1"),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text
    );
    let open_results = app.get(&format!("{public}/vysledky")).await;
    assert_eq!(open_results.status, StatusCode::OK);
    assert!(!open_results.text.contains("Chybí doprava."));
    assert!(open_results.text.contains("Volné odpovědi se nezveřejňují"));
    let analysis = app.get("/nepomuk/analyza").await;
    assert!(
        analysis
            .text
            .contains("Potřeby seniorů</strong> – senioři a pečující"),
        "{}",
        analysis.text
    );
    assert!(analysis.body.contains(&format!("href=\"{public}\"")));
    // Names and e-mails need a consent text, said in the interface's words.
    let rev = revision().await;
    let no_consent = app
        .post(
            &page,
            &[
                ("csrf", &csrf),
                ("revize", &rev),
                ("nazev", "Potřeby seniorů"),
                ("identifikace", "optional"),
                ("souhlas", " "),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(no_consent.status, StatusCode::BAD_REQUEST);
    assert!(
        no_consent.text.contains("doplňte text souhlasu"),
        "{}",
        no_consent.text
    );
    // A bad closing day is named.
    let rev = revision().await;
    let bad_day = app
        .post(
            &page,
            &[
                ("csrf", &csrf),
                ("revize", &rev),
                ("nazev", "Potřeby seniorů"),
                ("konec", "31.12.2026"),
            ],
            &coordinator,
        )
        .await;
    assert_eq!(bad_day.status, StatusCode::BAD_REQUEST);
    assert!(bad_day.text.contains("RRRR-MM-DD"));

    // Closed: the form says so and takes nothing.
    let closed = app
        .post(
            &format!("{page}/stav"),
            &[("csrf", &csrf), ("stav", "closed")],
            &coordinator,
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let form = app.get(&public).await;
    assert!(form.text.contains("Průzkum už odpovědi nesbírá"));
    let late = send(vec![("q0", "0")], token.clone()).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(
        app.database
            .store
            .survey_responses(SurveyId(id))
            .await
            .unwrap()
            .len(),
        3
    );
}

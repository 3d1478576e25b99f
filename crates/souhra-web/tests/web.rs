//! The web application through its HTTP surface (no socket: `Router::oneshot`), on a fresh
//! SQLite database with Plzeňský kraj loaded and the demo areas.
#![allow(clippy::unwrap_used)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use souhra_core::area::{AreaScope, AreaSlug, NewArea};
use souhra_core::code::{OrpCode, RegionCode};
use souhra_core::progress::NoProgress;
use souhra_interop::bundled;
use souhra_store::testing::TestDatabase;
use souhra_web::{AppState, WebConfig, router};
use tower::ServiceExt;

struct App {
    router: Router,
    database: TestDatabase,
    state: AppState,
}

async fn app_with(config: WebConfig) -> App {
    app_on(TestDatabase::sqlite().await.unwrap(), config).await
}

/// The application on `database` (SQLite or PostgreSQL) with Plzeňský kraj and the demo areas.
async fn app_on(database: TestDatabase, config: WebConfig) -> App {
    let store = &database.store;
    let region = RegionCode::parse("43").unwrap();
    let territory = bundled::territory().unwrap().restricted_to_region(region);
    store
        .load_territory(&territory, "test", &NoProgress)
        .await
        .unwrap();
    store
        .load_codelists(&bundled::codelists().unwrap())
        .await
        .unwrap();
    for (slug, name, scope) in [
        ("plzensky-kraj", "Plzeňský kraj", AreaScope::Region(region)),
        (
            "nepomuk",
            "Nepomuk",
            AreaScope::Orp(OrpCode::parse("3207").unwrap()),
        ),
    ] {
        let new = NewArea {
            slug: AreaSlug::parse(slug).unwrap(),
            name: name.into(),
            scope,
            is_demo: true,
        };
        store.save_area(&new).await.unwrap();
    }
    let index = std::sync::Arc::new(souhra_search::SearchIndex::in_memory().unwrap());
    let state = AppState::new(store.clone(), index, config).unwrap();
    state.refresh_search(false).await.unwrap();
    App {
        router: router(state.clone()),
        database,
        state,
    }
}

async fn app() -> App {
    app_with(WebConfig {
        version: "0.0.0-test".into(),
        situations: bundled::life_situations(None).unwrap(),
        ..WebConfig::default()
    })
    .await
}

#[path = "web/accounts.rs"]
mod accounts;
#[path = "web/analysis.rs"]
mod analysis;
#[path = "web/catalogue_pages.rs"]
mod catalogue_pages;
#[path = "web/comments.rs"]
mod comments;
#[path = "web/documents.rs"]
mod documents;
#[path = "web/groups.rs"]
mod groups;
#[path = "web/installation.rs"]
mod installation;
#[path = "web/instances.rs"]
mod instances;
#[path = "web/moderation.rs"]
mod moderation;
#[path = "web/network.rs"]
mod network;
#[path = "web/planning.rs"]
mod planning;
#[path = "web/surveys.rs"]
mod surveys;

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
    /// The body with every run of ASCII whitespace (line breaks too) as one space; no-break
    /// spaces stay.
    text: String,
}

impl App {
    async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 10 << 20)
            .await
            .unwrap();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        let text = body.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    async fn get(&self, path: &str) -> Reply {
        self.get_with(path, &[]).await
    }

    /// The body of a GET as bytes (downloads).
    async fn get_bytes(&self, path: &str) -> Vec<u8> {
        self.get_bytes_with(path, "").await
    }

    /// The body of a GET with a session cookie as bytes.
    async fn get_bytes_with(&self, path: &str, cookie: &str) -> Vec<u8> {
        let response = self
            .router
            .clone()
            .oneshot(
                Request::get(path)
                    .header(header::COOKIE, cookie)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        axum::body::to_bytes(response.into_body(), 50 << 20)
            .await
            .unwrap()
            .to_vec()
    }

    async fn post(&self, path: &str, form: &[(&str, &str)], cookie: &str) -> Reply {
        let body: String = form
            .iter()
            .map(|(k, v)| {
                format!(
                    "{k}={}",
                    v.bytes()
                        .map(|b| if b.is_ascii_alphanumeric() {
                            char::from(b).to_string()
                        } else {
                            format!("%{b:02X}")
                        })
                        .collect::<String>()
                )
            })
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }
}

#[tokio::test]
async fn home_lists_the_areas_in_czech() {
    let app = app().await;
    let reply = app.get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .body
            .starts_with("<!doctype html>\n<html lang=\"cs\">"),
        "{}",
        &reply.body[..80]
    );
    assert!(
        reply
            .body
            .contains("<h3><a href=\"/nepomuk\">ORP Nepomuk</a></h3>")
    );
    assert!(reply.body.contains("26 obcí · 11\u{a0}603 obyvatel"));
    assert!(reply.body.contains("501 obcí · 591\u{a0}041 obyvatel"));
    assert!(reply.body.contains("Ukázková data"));
    assert_eq!(
        reply.headers[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
}

#[tokio::test]
async fn language_follows_cookie_then_accept_language() {
    let app = app().await;
    let english = app
        .get_with("/nepomuk", &[("accept-language", "en-GB,en;q=0.9")])
        .await;
    assert!(english.body.contains("<html lang=\"en\">"));
    assert!(
        english
            .text
            .contains("26 municipalities · 11,603 inhabitants (as of 1 January 2021)"),
        "{}",
        english.body
    );
    let ukrainian = app
        .get_with(
            "/nepomuk",
            &[
                ("cookie", "other=1; souhra_lang=uk"),
                ("accept-language", "en"),
            ],
        )
        .await;
    assert!(ukrainian.body.contains("<html lang=\"uk\">"));
    assert!(ukrainian.body.contains("26 громад"));
    let czech = app.get_with("/nepomuk", &[("accept-language", "de")]).await;
    assert!(
        czech
            .text
            .contains("26 obcí · 11\u{a0}603 obyvatel (k 1.\u{a0}1.\u{a0}2021)")
    );
}

#[tokio::test]
async fn language_switch_sets_a_cookie_and_returns_to_a_local_page() {
    let app = app().await;
    let reply = app.get("/jazyk/en?zpet=/nepomuk/obce%3Fq%3Dkr").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.headers[header::LOCATION], "/nepomuk/obce?q=kr");
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("souhra_lang=en; Path=/;"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    for evil in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let reply = app.get(&format!("/jazyk/uk?zpet={evil}")).await;
        assert_eq!(reply.headers[header::LOCATION], "/", "{evil}");
    }
    assert_eq!(app.get("/jazyk/de").await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/jazyk/EN").await.status, StatusCode::NOT_FOUND);
    // Every page links the three languages back to itself.
    let page = app.get("/nepomuk/obce?q=kr").await;
    assert!(
        page.body
            .contains("href=\"/jazyk/uk?zpet=/nepomuk/obce%3Fq%3Dkr\""),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn orp_area_page_lists_its_municipalities_in_czech_order() {
    let app = app().await;
    let reply = app.get("/nepomuk").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("<title>ORP Nepomuk – Souhra</title>"));
    assert!(reply.body.contains("class=\"demo-banner\""));
    assert!(
        reply
            .body
            .contains("Oblast patří do: <a href=\"/plzensky-kraj\">Plzeňský kraj</a>")
    );
    assert_eq!(
        reply
            .body
            .matches("<th scope=\"row\"><a href=\"/nepomuk/obec/")
            .count(),
        26
    );
    let cizkov = reply.body.find(">Čížkov<").unwrap();
    let hradiste = reply.body.find(">Hradiště<").unwrap();
    let chlumy = reply.body.find(">Chlumy<").unwrap();
    assert!(cizkov < hradiste && hradiste < chlumy);
    assert!(
        reply
            .body
            .contains("href=\"/nepomuk/obec/558109-nepomuk\">Nepomuk</a>")
    );
}

#[tokio::test]
async fn region_area_page_shows_its_orps_and_areas() {
    let app = app().await;
    let reply = app.get("/plzensky-kraj").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("Oblasti v kraji"));
    assert!(
        reply
            .body
            .contains("<h3><a href=\"/nepomuk\">ORP Nepomuk</a></h3>")
    );
    assert!(reply.body.contains(
        "<th scope=\"row\">Nepomuk</th><td class=\"num\">26</td><td class=\"num\">11\u{a0}603</td>"
    ));
    assert_eq!(
        reply.body.matches("<tr><th scope=\"row\">").count(),
        15,
        "15 ORPs in Plzeňský kraj"
    );
    assert!(
        reply
            .body
            .contains("Oblast má 501 obcí. Svou obec najdete vyhledáváním.")
    );
    assert_eq!(
        app.get("/plzensky-kraj/").await.headers[header::LOCATION],
        "/plzensky-kraj"
    );
    // Decoded segments never become redirects to other sites.
    for evil in [
        "/%2F%2Fevil.example/",
        "/%5C%5Cevil.example/",
        "/https:%2F%2Fevil.example/",
    ] {
        let reply = app.get(evil).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{evil}");
        assert!(!reply.headers.contains_key(header::LOCATION), "{evil}");
    }
}

#[tokio::test]
async fn municipality_page_shows_the_facts_and_has_one_address() {
    let app = app().await;
    let reply = app.get("/nepomuk/obec/558109-nepomuk").await;
    assert_eq!(reply.status, StatusCode::OK);
    for expected in [
        "<h1>Nepomuk</h1>",
        "<p class=\"kind\">město</p>",
        "<dd>3\u{a0}730 (k 1.\u{a0}1.\u{a0}2021)</dd>",
        "<dt>Okres</dt><dd>Plzeň-jih</dd>",
        "<dt>PSČ</dt><dd>335 01, 335 03</dd>",
        "49,4863 s. š., 13,5824 v. d.",
        "href=\"https://www.openstreetmap.org/?mlat=49.48627&amp;mlon=13.58236",
        "Rozdělení obyvatel podle věku zatím pro tuto obec není k dispozici.",
    ] {
        assert!(reply.body.contains(expected), "missing {expected:?}");
    }
    for wrong in ["/nepomuk/obec/558109", "/nepomuk/obec/558109-nepomuk-x"] {
        let moved = app.get(wrong).await;
        assert_eq!(moved.status, StatusCode::PERMANENT_REDIRECT, "{wrong}");
        assert_eq!(
            moved.headers[header::LOCATION],
            "/nepomuk/obec/558109-nepomuk"
        );
    }
    // Plzeň is not in ORP Nepomuk; garbage is not a code.
    for missing in [
        "/nepomuk/obec/554791-plzen",
        "/nepomuk/obec/abc",
        "/nepomuk/obec/99999999999999999999",
    ] {
        assert_eq!(
            app.get(missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
    assert_eq!(
        app.get("/plzensky-kraj/obec/554791-plzen").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn age_bands_appear_once_loaded() {
    let app = app().await;
    let records = souhra_interop::population::parse_population(
        "bands.csv",
        b"kod_obce,referencni_datum,vek_0_14,vek_15_64,vek_65_plus\n558109,2021-01-01,600,2330,800\n",
    )
    .unwrap();
    app.database
        .store
        .load_population(&records, &NoProgress)
        .await
        .unwrap();
    let reply = app.get("/nepomuk/obec/558109-nepomuk").await;
    assert!(
        reply
            .body
            .contains("Obyvatelé obce Nepomuk podle věku k 1.\u{a0}1.\u{a0}2021"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("<th scope=\"row\">65 a více let</th>"));
    assert!(
        reply
            .body
            .contains("<td class=\"num\">800</td><td class=\"num\">21,4\u{a0}%</td>"),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn municipality_search_within_the_area() {
    let app = app().await;
    let reply = app.get("/nepomuk/obce?q=KRAMOLIN").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .body
            .contains("href=\"/nepomuk/obec/557943-kramolin\">Kramolín</a>")
    );
    assert!(reply.body.contains("value=\"KRAMOLIN\""));
    let postcode = app.get("/nepomuk/obce?q=335+44").await;
    assert!(postcode.body.contains(">Kasejovice<"), "{}", postcode.body);
    let none = app.get("/nepomuk/obce?q=plzen").await;
    assert!(
        none.body
            .contains("Žádná obec v této oblasti neodpovídá zadání „plzen“")
    );
    let empty = app.get("/nepomuk/obce").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(!empty.body.contains("id=\"vysledky\""));
}

#[tokio::test]
async fn hostile_search_input_is_escaped_or_refused() {
    let app = app().await;
    let reply = app
        .get("/nepomuk/obce?q=%3Cscript%3Ealert(1)%3C/script%3E%22")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(!reply.body.contains("<script>"));
    assert!(
        reply
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;")
    );
    let long = format!("/nepomuk/obce?q={}", "a".repeat(5000));
    let reply = app.get(&long).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply
            .body
            .contains("Zadání je příliš dlouhé. Napište nejvýše 100 znaků.")
    );
    let bad_encoding = app.get("/nepomuk/obce?q=%FF%FE").await;
    assert!(
        bad_encoding.status == StatusCode::OK || bad_encoding.status == StatusCode::BAD_REQUEST
    );
    let sql = app
        .get("/nepomuk/obce?q=%27%3B%20DROP%20TABLE%20municipality%3B--")
        .await;
    assert_eq!(sql.status, StatusCode::OK);
    assert_eq!(
        app.get("/nepomuk")
            .await
            .body
            .matches("/nepomuk/obec/")
            .count(),
        26
    );
}

#[tokio::test]
async fn unknown_pages_get_a_translated_404() {
    let app = app().await;
    for path in ["/nikde", "/nikde/obce", "/a/b/c/d", "/nepomuk/obec"] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(reply.body.contains("<h1>Stránka nenalezena</h1>"), "{path}");
        assert!(reply.body.contains("<html lang=\"cs\">"));
    }
    let english = app.get_with("/nikde", &[("accept-language", "en")]).await;
    assert!(english.body.contains("<h1>Page not found</h1>"));
}

#[tokio::test]
async fn database_outage_gives_503_and_readyz_fails() {
    let app = app().await;
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
    app.database.store.close().await;
    let reply = app.get("/nepomuk").await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(reply.body.contains("Služba je dočasně nedostupná"));
    assert_eq!(
        app.get("/readyz").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
}

#[tokio::test]
async fn internal_failures_get_a_translated_500_with_the_request_id() {
    use sqlx::Connection;
    let app = app().await;
    let souhra_store::DatabaseTarget::Sqlite { path } = app.database.target() else {
        unreachable!()
    };
    let mut connection = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    sqlx::query("DROP TABLE area_municipality")
        .execute(&mut connection)
        .await
        .unwrap();
    let reply = app.get("/nepomuk").await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(reply.body.contains("<h1>Něco se pokazilo</h1>"));
    let id = reply.headers["x-request-id"].to_str().unwrap();
    assert!(
        reply.body.contains(&format!("Kód chyby: {id}")),
        "{}",
        reply.body
    );
    assert!(
        !reply.body.contains("area_municipality"),
        "the cause is logged, never shown"
    );
}

#[tokio::test]
async fn about_page_lists_kinds_and_data_sources() {
    let app = app().await;
    let reply = app.get("/o-aplikaci").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("Český statistický úřad"));
    assert!(
        reply
            .body
            .contains("<th scope=\"row\" lang=\"cs\">domovy pro seniory</th>")
    );
    assert!(
        reply
            .body
            .contains("<code>DruhSocialniSluzby/13</code> (ověřeno)")
    );
    assert!(
        reply
            .body
            .contains("<code>DruhSocialniSluzby/20</code> (odvozeno)")
    );
    assert_eq!(
        reply.body.matches("<th scope=\"row\" lang=\"cs\">").count(),
        34
    );
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let app = app().await;
    let css = app
        .get("/")
        .await
        .body
        .split("href=\"/static/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    for path in ["/", "/nikde", "/healthz", &format!("/static/{css}")] {
        let reply = app.get(path).await;
        let csp = reply.headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(reply.headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            reply.headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(reply.headers.contains_key("x-request-id"), "{path}");
        assert!(
            !reply.headers.contains_key("strict-transport-security"),
            "HSTS only over https"
        );
    }
}

#[tokio::test]
async fn https_installations_get_hsts_and_secure_cookies() {
    let app = app_with(WebConfig {
        public_url: Some("https://socialni-sluzby.example.cz".into()),
        version: "0".into(),
        ..WebConfig::default()
    })
    .await;
    let reply = app.get("/jazyk/en").await;
    assert!(
        reply.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .ends_with("; Secure")
    );
    assert!(
        reply.headers["strict-transport-security"]
            .to_str()
            .unwrap()
            .starts_with("max-age=")
    );
}

#[tokio::test]
async fn static_assets_are_cached_forever_and_compressed() {
    let app = app().await;
    let home = app.get("/").await;
    let href = home
        .body
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        href.starts_with("/static/") && href.ends_with("/style.css"),
        "{href}"
    );
    let css = app.get_with(&href, &[("accept-encoding", "gzip")]).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(
        css.headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(css.headers[header::CONTENT_ENCODING], "gzip");
    assert_eq!(css.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    let etag = css.headers[header::ETAG].to_str().unwrap().to_owned();
    let again = app.get_with(&href, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    let stale = app.get("/static/0000000000000000/style.css").await;
    assert_eq!(stale.headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(
        app.get("/static/x/none.css").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/favicon.ico").await.status,
        StatusCode::PERMANENT_REDIRECT
    );
    let html = app.get_with("/nepomuk", &[("accept-encoding", "br")]).await;
    assert_eq!(html.headers[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn operational_endpoints() {
    let app = app().await;
    let health = app.get("/healthz").await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (StatusCode::OK, "ok\n")
    );
    assert_eq!(app.get("/readyz").await.body, "ready\n");
    app.get("/nepomuk").await;
    app.get("/nikde").await;
    let metrics = app.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    for expected in [
        "souhra_build_info{version=\"0.0.0-test\",backend=\"sqlite\"} 1",
        "souhra_http_requests_total{method=\"GET\",route=\"/{area}\",status=\"200\"} 1",
        "souhra_http_requests_total{method=\"GET\",route=\"/{area}\",status=\"404\"} 1",
        "souhra_http_request_duration_seconds_count{method=\"GET\",route=\"/healthz\"} 1",
        "souhra_db_connections{state=\"open\"}",
    ] {
        assert!(
            metrics.body.contains(expected),
            "missing {expected:?} in\n{}",
            metrics.body
        );
    }
}

#[tokio::test]
async fn metrics_require_the_token_when_one_is_set() {
    let app = app_with(WebConfig {
        metrics_token: Some("s3cret-token".into()),
        version: "0".into(),
        ..WebConfig::default()
    })
    .await;
    assert_eq!(app.get("/metrics").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get_with("/metrics", &[("authorization", "Bearer wrong")])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get_with("/metrics", &[("authorization", "Bearer s3cret-token")])
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn municipality_lookup_api() {
    let app = app().await;
    let reply = app.get("/api/obce?q=plzen").await;
    assert_eq!(reply.status, StatusCode::OK);
    let items: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(items[0]["name"], "Plzeň");
    assert_eq!(items[0]["code"], "554791");
    assert_eq!(items[1]["name"], "Starý Plzenec");
    let limited: serde_json::Value =
        serde_json::from_str(&app.get("/api/obce?q=n&limit=3").await.body).unwrap();
    assert_eq!(limited.as_array().unwrap().len(), 3);
    let scoped: serde_json::Value =
        serde_json::from_str(&app.get("/api/obce?q=n&oblast=nepomuk").await.body).unwrap();
    assert!(
        scoped
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["orp"] == "Nepomuk")
    );
    let long = app.get(&format!("/api/obce?q={}", "x".repeat(101))).await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
    assert!(long.body.contains("\"error\":\"query_too_long\""));
    assert_eq!(
        app.get("/api/obce?q=a&oblast=nikde").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/obce?q=a&limit=-1").await.status,
        StatusCode::BAD_REQUEST
    );
}

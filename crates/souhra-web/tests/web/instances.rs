//! Two instances of the application on one database (included by `web.rs`), as a region runs
//! several `souhra serve` behind a reverse proxy: a session made through one works through the
//! other, and an edit saved through one is found by the other's search (each instance keeps its
//! own search index and refreshes it from the database's catalogue revision), on SQLite and on
//! PostgreSQL.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use souhra_core::account::{Grant, Role};
use souhra_store::Store;
use souhra_store::testing::{self, TestDatabase};
use souhra_web::{AppState, SEARCH_REFRESH, keep_index_fresh, router};
use tower::ServiceExt;

use super::accounts::{
    accounts_app_on, accounts_config, hidden_value, nepomuk_care_service, provider_service,
};

/// How long an edit may take to be found through the other instance: the refresh interval,
/// once more for a tick that started just before the edit, and time for the rebuild on a busy
/// test machine.
const LIMIT: Duration = Duration::from_secs(2 * SEARCH_REFRESH.as_secs() + 4);

async fn get_on(router: &Router, path: &str, cookie: &str) -> (StatusCode, String) {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 10 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[allow(clippy::print_stdout)] // the figure the operations docs quote
async fn an_edit_through_one_instance_is_found_through_the_other(database: TestDatabase) {
    let kind = database.store.backend_kind();
    let target = database.target().clone();
    let t = accounts_app_on(database).await;
    let nepomuk = t.area("nepomuk").await;
    let service = provider_service(&t).await;
    t.user(
        "koordinator@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    // The second instance: its own connections, search index and caches on the same database.
    let outbox = tempfile::tempdir().unwrap();
    let other_store = Store::open(&target, souhra_store::PoolSettings::default())
        .await
        .unwrap();
    let index = Arc::new(souhra_search::SearchIndex::in_memory().unwrap());
    let other = AppState::new(other_store.clone(), index, accounts_config(outbox.path())).unwrap();
    other.refresh_search(false).await.unwrap();
    let other_router = router(other.clone());
    let refreshers = [
        tokio::spawn(keep_index_fresh(t.app.state.clone(), SEARCH_REFRESH)),
        tokio::spawn(keep_index_fresh(other.clone(), SEARCH_REFRESH)),
    ];
    let search = "/nepomuk/sluzby?q=vlasta";
    let (status, before) = get_on(&other_router, search, "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!before.contains("Pečovatelská služba Vlasta"), "{kind:?}");

    // Sessions live in the database: a login through the first works through the second.
    let session = t.login("koordinator@nepomuk.cz").await;
    let form_path = format!("/sprava/nepomuk/sluzba/{}", service.0);
    let (status, form) = get_on(&other_router, &form_path, &session).await;
    assert_eq!(status, StatusCode::OK, "{kind:?}: {form}");
    let csrf = hidden_value(&form, "csrf");
    let saved = t
        .app
        .post(
            &form_path,
            &[
                ("csrf", csrf.as_str()),
                ("name", "Pečovatelská služba Vlasta"),
                ("description", "Pomoc doma."),
            ],
            &session,
        )
        .await;
    assert_eq!(
        saved.status,
        StatusCode::SEE_OTHER,
        "{kind:?}: {}",
        saved.body
    );
    let edited = Instant::now();

    // The second instance finds it once its refresh sees the new catalogue revision.
    let found_after = loop {
        let (status, page) = get_on(&other_router, search, "").await;
        assert_eq!(status, StatusCode::OK);
        if page.contains("Pečovatelská služba Vlasta") {
            break edited.elapsed();
        }
        assert!(
            edited.elapsed() < LIMIT,
            "{kind:?}: the edit was not found through the other instance within {LIMIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    println!(
        "{kind:?}: an edit through one instance was found through the other after {} ms (refresh every {} s)",
        found_after.as_millis(),
        SEARCH_REFRESH.as_secs()
    );
    for refresher in refreshers {
        refresher.abort();
    }
    other_store.close().await;
}

#[tokio::test]
async fn two_instances_on_one_sqlite_database_share_sessions_and_edits() {
    an_edit_through_one_instance_is_found_through_the_other(TestDatabase::sqlite().await.unwrap())
        .await;
}

#[tokio::test]
async fn two_instances_on_one_postgresql_database_share_sessions_and_edits() {
    let database = match TestDatabase::postgres().await {
        Ok(database) => database,
        Err(error) if !testing::postgres_required() => {
            eprintln!("PostgreSQL not reachable ({error}): skipping");
            return;
        }
        Err(error) => panic!("PostgreSQL is required when CI is set: {error}"),
    };
    an_edit_through_one_instance_is_found_through_the_other(database).await;
}

/// A form sent over a connection from `peer`, with an `X-Forwarded-For` header if given.
async fn post_from(
    app: &super::App,
    path: &str,
    body: &str,
    cookie: &str,
    peer: &str,
    forwarded: Option<&str>,
) -> StatusCode {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie);
    if let Some(client) = forwarded {
        request = request.header("x-forwarded-for", client);
    }
    let mut request = request.body(Body::from(body.to_owned())).unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(
            peer.parse().unwrap(),
            40_000,
        )));
    app.send(request).await.status
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let app = super::app_with(souhra_web::WebConfig {
        version: "0.0.0-test".into(),
        situations: souhra_interop::bundled::life_situations(None).unwrap(),
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..souhra_web::WebConfig::default()
    })
    .await;
    let store = &app.database.store;
    let id = nepomuk_care_service(&app).await.0;
    let path = format!("/nepomuk/sluzba/{id}-pecovatelska-sluzba-nepomuk/chyba");
    let form = app.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    let token = hidden_value(&form.body, "token");
    let cookie = format!("souhra_csrf={token}");
    let body = format!("zprava=Telefon+uz+neplati%2C+volejte+na+urad.&token={token}");
    let through_proxy =
        |client: &'static str| post_from(&app, &path, &body, &cookie, "127.0.0.1", Some(client));
    // Five reports per address in ten minutes: the first client through the proxy uses them up …
    let mut first = Vec::new();
    for _ in 0..6 {
        first.push(through_proxy("198.51.100.7").await);
    }
    assert_eq!(first[..5], [StatusCode::SEE_OTHER; 5]);
    assert_eq!(first[5], StatusCode::TOO_MANY_REQUESTS);
    // … and another client behind the same proxy still has its own.
    assert_eq!(through_proxy("198.51.100.8").await, StatusCode::SEE_OTHER);
    // A client that is not a trusted proxy cannot pick another address by sending the header.
    let mut direct = Vec::new();
    for n in 0..6 {
        let claimed = format!("203.0.113.{n}");
        direct.push(post_from(&app, &path, &body, &cookie, "192.0.2.1", Some(&claimed)).await);
    }
    assert_eq!(direct[5], StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(store.open_error_reports().await.unwrap().len(), 11);
}

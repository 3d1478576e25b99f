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

use super::accounts::{accounts_app_on, accounts_config, hidden_value, provider_service};

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

//! Souhra's web layer: server-rendered HTML pages in Czech, English and Ukrainian, the JSON
//! lookup API, and the operational endpoints, on axum.
//!
//! - [`router`] builds the whole application from an [`AppState`] (the store, compiled templates,
//!   translations, static assets, metrics, [`WebConfig`]); [`serve`] runs it on a listener until
//!   a shutdown signal, finishing requests in flight.
//! - Pages live in `pages/` (one module per page), templates in `templates/`, interface texts in
//!   `locales/{cs,en,uk}.ftl` and static files in `static/`; all are embedded into the binary.
//! - Every response gets security headers (CSP, `nosniff`, referrer policy, frame-ancestors),
//!   compression, a request id, a log line and a metrics sample; errors become translated pages
//!   (`error.rs`, `middleware.rs`).
//!
//! The crate reads from `souhra-store` and the domain types of `souhra-core`; it does no SQL and
//! holds no Czech text in Rust code (a test checks both translation parity and that).

mod assets;
pub mod auth;
mod cache;
mod catalogue;
mod chart;
pub mod documents;
mod embedded;
mod error;
pub mod i18n;
pub mod mail;
mod markdown;
mod metrics;
mod middleware;
mod ops;
mod page;
mod pages;
mod render;
mod state;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::http::Request;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

pub use catalogue::{IndexError, refresh_index};
pub use error::AppError;
pub use state::{
    AppState, DEFAULT_MAP_TILES, SEARCH_REFRESH, WebConfig, WebError, keep_index_fresh,
};

fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    AppError::Internal("a request handler panicked".into()).into_response()
}

/// The whole web application.
pub fn router(state: AppState) -> Router {
    let trace = TraceLayer::new_for_http()
        .make_span_with(|request: &Request<_>| {
            let id = request
                .headers()
                .get(middleware::REQUEST_ID_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), id)
        })
        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO).latency_unit(tower_http::LatencyUnit::Micros));
    Router::new()
        .route("/", get(pages::home::home))
        .route("/o-aplikaci", get(pages::about::about))
        .route("/pristupnost", get(pages::site::accessibility))
        .route("/sitemap.xml", get(pages::site::sitemap))
        .route("/jazyk/{lang}", get(pages::language::switch))
        .route("/api/obce", get(pages::api::municipalities))
        .route(
            "/prihlaseni",
            get(pages::account::login_form).post(pages::account::login_submit),
        )
        .route("/odhlaseni", post(pages::account::logout))
        .route(
            "/zapomenute-heslo",
            get(pages::account::forgot_form).post(pages::account::forgot_submit),
        )
        .route(
            "/nove-heslo/{token}",
            get(pages::account::password_form).post(pages::account::password_submit),
        )
        .route(
            "/pozvanka/{token}",
            get(pages::account::password_form).post(pages::account::password_submit),
        )
        .route("/sprava", get(pages::admin::home))
        .route("/sprava/instalace", get(pages::installation::home))
        .route(
            "/sprava/instalace/nova-oblast",
            get(pages::installation::new_area).post(pages::installation::create_area),
        )
        .route(
            "/sprava/instalace/oblasti/{area}",
            get(pages::installation::area_form).post(pages::installation::update_area),
        )
        .route(
            "/sprava/instalace/ciselniky/{list}",
            get(pages::installation::labels).post(pages::installation::save_labels),
        )
        .route("/sprava/instalace/audit", get(pages::audit::installation))
        .route("/sprava/{area}/uzivatele", get(pages::admin::users))
        .route("/sprava/{area}/pozvat", post(pages::admin::invite))
        .route(
            "/sprava/{area}/uzivatele/{account}/odebrat",
            post(pages::admin::revoke),
        )
        .route(
            "/sprava/{area}/uzivatele/{account}/aktivni",
            post(pages::admin::set_active),
        )
        .route("/sprava/{area}/sluzby", get(pages::moderation::services))
        .route(
            "/sprava/{area}/sluzba/{id}",
            get(pages::moderation::edit_form).post(pages::moderation::edit_submit),
        )
        .route(
            "/sprava/{area}/sluzba/{id}/overeno",
            post(pages::moderation::verify),
        )
        .route(
            "/sprava/{area}/sluzba/{id}/historie",
            get(pages::moderation::history),
        )
        .route(
            "/sprava/{area}/sluzba/{id}/obnovit",
            post(pages::moderation::restore),
        )
        .route(
            "/sprava/{area}/plany",
            get(pages::planning::plans).post(pages::planning::create),
        )
        .route("/sprava/{area}/plan/{id}", get(pages::planning::plan))
        .route(
            "/sprava/{area}/plan/{id}/tabulka.xlsx",
            get(pages::plan_export::newest),
        )
        .route(
            "/sprava/{area}/plan/{id}/plan.pdf",
            get(pages::plan_export::newest_pdf),
        )
        .route(
            "/sprava/{area}/plan/{id}/pripominky",
            get(pages::comments_admin::comments),
        )
        .route(
            "/sprava/{area}/plan/{id}/pripominky/ukoncit",
            post(pages::comments_admin::close),
        )
        .route(
            "/sprava/{area}/pripominky/pravidla",
            post(pages::comments_admin::save_rules),
        )
        .route(
            "/sprava/{area}/pripominka/{id}/vyporadani",
            post(pages::comments_admin::settle),
        )
        .route(
            "/sprava/{area}/pripominka/{id}/skryt",
            post(pages::comments_admin::hide),
        )
        .route(
            "/sprava/{area}/pripominka/{id}/anonymizovat",
            post(pages::comments_admin::erase),
        )
        .route(
            "/sprava/{area}/plan/{id}/vyporadani.pdf",
            get(pages::settlement::admin_pdf),
        )
        .route(
            "/sprava/{area}/plan/{id}/vyporadani.xlsx",
            get(pages::settlement::admin_xlsx),
        )
        .route(
            "/sprava/{area}/plan/{id}/zmeny",
            get(pages::plan_diff::admin_diff),
        )
        .route(
            "/sprava/{area}/plan/{id}/vize",
            post(pages::planning::save_vision),
        )
        .route("/sprava/{area}/plan/{id}/prvek", post(pages::planning::add))
        .route(
            "/sprava/{area}/plan/{id}/prvek/{key}",
            get(pages::planning::element).post(pages::planning::save_element),
        )
        .route(
            "/sprava/{area}/plan/{id}/prvek/{key}/posun",
            post(pages::planning::move_element),
        )
        .route(
            "/sprava/{area}/plan/{id}/prvek/{key}/smazat",
            post(pages::planning::remove_element),
        )
        .route(
            "/sprava/{area}/plan/{id}/prvek/{key}/rozpocet",
            post(pages::plan_figures::save_budget),
        )
        .route(
            "/sprava/{area}/plan/{id}/prvek/{key}/ukazatele",
            post(pages::plan_figures::save_indicators),
        )
        .route(
            "/sprava/{area}/plan/{id}/prvek/{key}/hodnota",
            post(pages::plan_figures::record_value),
        )
        .route(
            "/sprava/{area}/plan/{id}/sit",
            get(pages::network::new_entry).post(pages::network::create_entry),
        )
        .route(
            "/sprava/{area}/plan/{id}/sit/{key}",
            get(pages::network::entry).post(pages::network::save_entry),
        )
        .route(
            "/sprava/{area}/plan/{id}/sit/{key}/vyplaceno",
            post(pages::network::record_paid),
        )
        .route(
            "/sprava/{area}/plan/{id}/vstupy",
            post(pages::network::save_inputs),
        )
        .route(
            "/sprava/{area}/plan/{id}/stav",
            post(pages::planning::set_status),
        )
        .route(
            "/sprava/{area}/skupiny",
            get(pages::groups::groups).post(pages::groups::create_group),
        )
        .route("/sprava/{area}/skupina/{id}", get(pages::groups::group))
        .route(
            "/sprava/{area}/skupina/{id}/clen",
            post(pages::groups::add_member),
        )
        .route(
            "/sprava/{area}/skupina/{id}/clen/{member}",
            get(pages::groups::member).post(pages::groups::save_member),
        )
        .route(
            "/sprava/{area}/skupina/{id}/clen/{member}/smazat",
            post(pages::groups::remove_member),
        )
        .route(
            "/sprava/{area}/skupina/{id}/schuzka",
            post(pages::groups::add_meeting),
        )
        .route(
            "/sprava/{area}/schuzka/{id}",
            get(pages::groups::meeting).post(pages::groups::save_meeting),
        )
        .route(
            "/sprava/{area}/schuzka/{id}/ucast",
            post(pages::groups::save_attendance),
        )
        .route(
            "/sprava/{area}/schuzka/{id}/ukoly",
            post(pages::groups::save_actions),
        )
        .route(
            "/sprava/{area}/schuzka/{id}/material",
            post(pages::groups::upload).layer(axum::extract::DefaultBodyLimit::max(
                pages::groups::MAX_MATERIAL + 64 * 1024,
            )),
        )
        .route(
            "/sprava/{area}/schuzka/{id}/material/{material}/smazat",
            post(pages::groups::remove_material),
        )
        .route(
            "/sprava/{area}/schuzka/{id}/pozvanky",
            post(pages::groups::invite),
        )
        .route("/sprava/{area}/material/{id}", get(pages::groups::material))
        .route(
            "/sprava/{area}/plan/{id}/sablona.xlsx",
            get(pages::plan_import::template),
        )
        .route(
            "/sprava/{area}/plan/{id}/import",
            post(pages::plan_import::import).layer(axum::extract::DefaultBodyLimit::max(
                pages::plan_import::MAX_WORKBOOK + 64 * 1024,
            )),
        )
        .route(
            "/sprava/{area}/plan/{id}/vysledky",
            post(pages::yearly::save_report),
        )
        .route(
            "/sprava/{area}/plan/{id}/zdroje",
            post(pages::yearly::redraw),
        )
        .route(
            "/sprava/{area}/plan/{id}/verze",
            post(pages::planning::new_version),
        )
        .route(
            "/sprava/{area}/pruzkumy",
            get(pages::surveys::surveys).post(pages::surveys::create_survey),
        )
        .route(
            "/sprava/{area}/pruzkum/{id}",
            get(pages::surveys::survey).post(pages::surveys::save_settings),
        )
        .route(
            "/sprava/{area}/pruzkum/{id}/otazka",
            post(pages::surveys::save_question),
        )
        .route(
            "/sprava/{area}/pruzkum/{id}/stav",
            post(pages::surveys::set_status),
        )
        .route(
            "/sprava/{area}/pruzkum/{id}/vysledky",
            get(pages::surveys::results),
        )
        .route(
            "/sprava/{area}/pruzkum/{id}/odpovedi.csv",
            get(pages::surveys::answers_csv),
        )
        .route(
            "/sprava/{area}/pruzkum/{id}/odpovedi.xlsx",
            get(pages::surveys::answers_xlsx),
        )
        .route("/sprava/{area}/fronta", get(pages::moderation::queue))
        .route("/sprava/{area}/audit", get(pages::audit::audit))
        .route("/sprava/{area}/nastaveni", get(pages::settings::settings))
        .route(
            "/sprava/{area}/nastaveni/kontakt",
            post(pages::settings::save_contact),
        )
        .route(
            "/sprava/{area}/situace/{key}",
            get(pages::settings::situation_form).post(pages::settings::save_situation),
        )
        .route(
            "/sprava/{area}/situace",
            post(pages::settings::situation_action),
        )
        .route(
            "/sprava/{area}/fronta/navrh/{id}",
            post(pages::moderation::decide),
        )
        .route(
            "/sprava/{area}/fronta/hlaseni/{id}",
            post(pages::moderation::settle),
        )
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/static/{hash}/{name}", get(assets::serve_asset))
        .route("/favicon.ico", get(assets::favicon))
        .route("/robots.txt", get(assets::robots))
        .route("/{area}", get(pages::area::area_page))
        .route("/{area}/", get(pages::area::trailing_slash))
        .route("/{area}/obce", get(pages::area::search))
        .route("/{area}/sluzby", get(pages::services::services))
        .route(
            "/{area}/sluzba/{service}",
            get(pages::service::service_page),
        )
        .route(
            "/{area}/sluzba/{service}/chyba",
            get(pages::service::report_form).post(pages::service::report_submit),
        )
        .route(
            "/{area}/sluzba/{service}/chyba/dekujeme",
            get(pages::service::report_thanks),
        )
        .route(
            "/{area}/poskytovatel/{provider}",
            get(pages::provider::provider_page),
        )
        .route("/{area}/skupiny", get(pages::group_pages::groups))
        .route("/{area}/skupina/{id}", get(pages::group_pages::group_page))
        .route(
            "/{area}/skupina/{id}/kalendar.ics",
            get(pages::group_pages::group_feed),
        )
        .route("/{area}/material/{id}", get(pages::group_pages::material))
        .route("/kalendar/{file}", get(pages::group_pages::person_feed))
        .route("/{area}/analyza", get(pages::analysis::analysis_page))
        .route("/{area}/kraj", get(pages::region::region_page))
        .route("/{area}/sit", get(pages::network::network_page))
        .route("/{area}/sit.csv", get(pages::network::network_csv))
        .route("/{area}/sit.xlsx", get(pages::network::network_xlsx))
        .route("/{area}/sit.json", get(pages::network::network_json))
        .route(
            "/{area}/analyza.xlsx",
            get(pages::analysis::analysis_workbook),
        )
        .route(
            "/{area}/analyza/kapitola",
            get(pages::analysis::chapter_page),
        )
        .route(
            "/{area}/analyza/kapitola.pdf",
            get(pages::analysis::chapter_pdf),
        )
        .route(
            "/{area}/analyza/dostupnost",
            get(pages::analysis::coverage_page),
        )
        .route(
            "/{area}/analyza/dostupnost.csv",
            get(pages::analysis::coverage_csv),
        )
        .route(
            "/{area}/analyza/dostupnost.xlsx",
            get(pages::analysis::coverage_xlsx),
        )
        .route(
            "/{area}/pruzkum/{token}",
            get(pages::survey_public::survey_form).post(pages::survey_public::submit_survey),
        )
        .route(
            "/{area}/pruzkum/{token}/vysledky",
            get(pages::survey_public::public_results),
        )
        .route("/{area}/plany", get(pages::plans::plans))
        .route("/{area}/plan/{id}", get(pages::plans::plan_page))
        .route(
            "/{area}/plan/{id}/tabulka.xlsx",
            get(pages::plan_export::public),
        )
        .route(
            "/{area}/plan/{id}/plan.pdf",
            get(pages::plan_export::public_pdf),
        )
        .route(
            "/{area}/plan/{id}/pripominky",
            get(pages::comments::comment_page),
        )
        .route(
            "/{area}/plan/{id}/pripominka",
            get(pages::comments::comment_form).post(pages::comments::submit_comment),
        )
        .route(
            "/{area}/plan/{id}/vyporadani.pdf",
            get(pages::settlement::public_pdf),
        )
        .route(
            "/{area}/plan/{id}/vyporadani.xlsx",
            get(pages::settlement::public_xlsx),
        )
        .route(
            "/{area}/plan/{id}/zmeny",
            get(pages::plan_diff::public_diff),
        )
        .route("/{area}/seznam", get(pages::list::my_list))
        .route("/{area}/seznam.pdf", get(pages::print::list))
        .route("/{area}/katalog.pdf", get(pages::print::brochure))
        .route(
            "/{area}/sluzba/{service}/pdf",
            get(pages::print::service_card),
        )
        .route(
            "/{area}/obec/{municipality}",
            get(pages::municipality::municipality_page),
        )
        .fallback(pages::not_found)
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn_with_state(state.clone(), middleware::error_pages))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::record_metrics,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            middleware::security_headers,
        ))
        .layer(CompressionLayer::new())
        .layer(trace)
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(
            middleware::SequentialRequestId::new(),
        ))
        .with_state(state)
}

/// How long in-flight requests may take to finish after a shutdown signal.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(20);

/// Serves the application on `listener` until `shutdown` completes, then lets requests in flight
/// finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

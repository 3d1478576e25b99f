//! `souhra serve` and `souhra demo`.

use std::net::SocketAddr;
use std::path::PathBuf;

use souhra_core::area::{AreaScope, AreaSlug, NewArea};
use souhra_core::code::{OrpCode, RegionCode};
use souhra_core::text::slugify;
use souhra_store::{DatabaseTarget, Store};
use souhra_web::{AppState, WebConfig};
use tokio::net::TcpListener;

use super::{ensure_reference_data, open_store, prepare_data_dir, say};
use crate::config::{Config, Setting, Source, default_demo_dir, process_env};
use crate::failure::Failure;
use crate::progress::Reporter;

/// The demo region: Plzeňský kraj (RÚIAN 43) with ORP Nepomuk (ČSÚ 3207) inside it.
const DEMO_REGION: &str = "43";
const DEMO_ORP: &str = "3207";

/// Binds the listening socket first, so a taken port is reported before any slow work.
async fn bind(addr: SocketAddr) -> Result<TcpListener, Failure> {
    TcpListener::bind(addr).await.map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                "the address is already in use; stop the other program or choose another address with --listen or SOUHRA_LISTEN".to_owned()
            }
            std::io::ErrorKind::PermissionDenied => {
                "permission denied (ports below 1024 need extra rights; use e.g. 8080)".to_owned()
            }
            std::io::ErrorKind::AddrNotAvailable => "this machine has no such address".to_owned(),
            _ => e.to_string(),
        };
        Failure::runtime(format!("cannot listen on {addr}: {reason}"))
    })
}

pub(crate) fn web_config(config: &Config) -> Result<WebConfig, Failure> {
    Ok(WebConfig {
        public_url: config.public_url.as_ref().map(|u| u.value.clone()),
        metrics_token: config.metrics_token.as_ref().map(|t| t.value.clone()),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        map_tiles: config
            .map_tiles
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        map_attribution: config
            .map_attribution
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        situations: souhra_interop::bundled::life_situations(None)?,
        accounts: config.account_settings(),
        mail: config.mail_settings(),
        survey_answers_per_window: None,
        trusted_proxies: config.trusted_proxy_addresses()?,
    })
}

/// Completes on Ctrl+C or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing requests in flight");
}

/// Serves until a shutdown signal, gives requests in flight a grace period, closes the store.
async fn run_server(listener: TcpListener, store: Store, config: &Config) -> Result<(), Failure> {
    let index = std::sync::Arc::new(souhra_search::SearchIndex::open(
        &super::search::index_dir(config),
    )?);
    let state = AppState::new(store.clone(), index, web_config(config)?)
        .map_err(|e| Failure::runtime(format!("the web interface cannot start: {e}")))?;
    let started = std::time::Instant::now();
    if let Some(count) = state.refresh_search(false).await? {
        tracing::info!(
            count,
            seconds = started.elapsed().as_secs_f64(),
            "search index built"
        );
    }
    let refresher = tokio::spawn(souhra_web::keep_index_fresh(
        state.clone(),
        souhra_web::SEARCH_REFRESH,
    ));
    let (signalled, mut signal_seen) = tokio::sync::watch::channel(false);
    let shutdown = async move {
        shutdown_signal().await;
        let _ = signalled.send(true);
    };
    let server = souhra_web::serve(listener, state, shutdown);
    tokio::pin!(server);
    let grace_over = async {
        let _ = signal_seen.wait_for(|seen| *seen).await;
        tokio::time::sleep(souhra_web::SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        result = &mut server => result.map_err(|e| Failure::runtime(format!("the server stopped: {e}")))?,
        () = grace_over => tracing::warn!("requests still running after the grace period; stopping anyway"),
    }
    refresher.abort();
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// `souhra serve`.
pub async fn serve(mut config: Config, listen: Option<String>) -> Result<(), Failure> {
    if let Some(listen) = listen {
        config.set_listen(&listen)?;
    }
    let addr = config.listen_addr()?;
    prepare_data_dir(&config.data_dir, false)?;
    let target = config.database_target()?;
    let listener = bind(addr).await?;
    let store = open_store(&config, &target).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let url = format!("http://{}/", listener.local_addr().map_or(addr, |a| a));
    tracing::info!(%url, "listening");
    run_server(listener, store, &config).await
}

/// Creates or updates the two demo areas; every page of them is marked as demo data.
pub async fn save_demo_areas(store: &Store) -> Result<Vec<String>, Failure> {
    let region_code =
        RegionCode::parse(DEMO_REGION).map_err(|e| Failure::runtime(e.to_string()))?;
    let orp_code = OrpCode::parse(DEMO_ORP).map_err(|e| Failure::runtime(e.to_string()))?;
    let region = store
        .region(region_code)
        .await?
        .ok_or_else(|| Failure::runtime("the demo region is missing from the territory data"))?;
    let orp = store
        .orp(orp_code)
        .await?
        .ok_or_else(|| Failure::runtime("the demo ORP is missing from the territory data"))?;
    let mut slugs = Vec::new();
    for (name, scope) in [
        (region.name, AreaScope::Region(region_code)),
        (orp.name, AreaScope::Orp(orp_code)),
    ] {
        let slug = AreaSlug::parse(&slugify(&name)).map_err(|e| Failure::runtime(e.to_string()))?;
        slugs.push(slug.to_string());
        store
            .save_area(&NewArea {
                slug,
                name,
                scope,
                is_demo: true,
            })
            .await?;
    }
    Ok(slugs)
}

/// Fictional services of the demo: how many, and the fixed seed and date that keep them the
/// same on every run (a refresh then changes nothing).
const DEMO_SERVICES: usize = 40;
const DEMO_SEED: u64 = 2026;

/// Generates the demo's fictional services in the ORP area and imports them through the same
/// path as the registry (marked as demo content), then gives them varied "verified on" dates.
pub async fn seed_demo_catalogue(store: &Store, orp_slug: &str) -> Result<u64, Failure> {
    let area = store
        .area_by_slug(orp_slug)
        .await?
        .ok_or_else(|| Failure::runtime("the demo ORP area is missing"))?;
    let municipalities = store
        .area_municipalities(area.id)
        .await?
        .into_iter()
        .map(|m| m.code)
        .collect();
    let territory = souhra_interop::bundled::territory()?;
    let codelists = souhra_interop::bundled::codelists()?;
    let generated_on =
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_else(super::catalogue::today);
    let options = souhra_interop::registry::generate::GeneratorOptions {
        services: DEMO_SERVICES,
        seed: DEMO_SEED,
        municipalities,
        demo: true,
        today: generated_on,
        first_identifier: 9_000_000,
    };
    let mut file = Vec::new();
    souhra_interop::registry::generate::generate(&territory, &codelists, &options, &mut file)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    let import = souhra_core::import::ImportOptions {
        all: false,
        dry_run: false,
        skip_invalid: false,
        demo: true,
        today: super::catalogue::today(),
        origin: "demo".into(),
    };
    let lookup = super::catalogue::lookup(store).await?;
    let report = super::catalogue::run_import(
        store,
        "demo",
        Box::new(std::io::Cursor::new(file)),
        lookup,
        &import,
        &crate::progress::Reporter::new(),
    )
    .await?;
    if !report.committed {
        return Err(Failure::runtime(format!(
            "the demo catalogue was not stored: {:?}",
            report.rejected.first()
        )));
    }
    seed_demo_coordinator(store, area.id).await?;
    if let Some(region) = area.region {
        super::demo_ages::seed(store, region).await?;
    }
    super::demo_plans::seed(store, &area).await?;
    super::demo_groups::seed(store, area.id).await?;
    super::demo_surveys::seed(store, area.id).await?;
    // The demo region's plan draws on the ORP's plans and its network on the ORP's services.
    for region in store.area_parents(&area).await? {
        if region.is_demo {
            super::demo_plans::seed_region(store, &region).await?;
        }
    }
    // Fresh, ageing and stale records, so the freshness of the catalogue shows.
    let now = chrono::Utc::now();
    let ages = [40_i64, 250, 450];
    let demo: Vec<_> = store
        .services_in_area(area.id)
        .await?
        .into_iter()
        .filter(|s| s.is_demo)
        .collect();
    for (i, service) in demo.iter().enumerate() {
        let age = ages.get(i % ages.len()).copied().unwrap_or(0);
        store
            .mark_service_verified(service.id, now - chrono::Duration::days(age))
            .await?;
    }
    Ok(demo.len() as u64)
}

const DEMO_COORDINATOR: &str = "generator/koordinator.csv";

/// The demo area's coordinator contact: made up, from `data/generator/koordinator.csv` (two
/// columns: field, quoted text).
async fn seed_demo_coordinator(
    store: &Store,
    area: souhra_core::area::AreaId,
) -> Result<(), Failure> {
    let text = String::from_utf8_lossy(souhra_interop::bundled::file(DEMO_COORDINATOR)?);
    let mut contact = souhra_core::public::CoordinatorContact::default();
    for line in text.lines().skip(1) {
        let Some((field, value)) = line.split_once(',') else {
            continue;
        };
        let value = Some(value.trim().trim_matches('"').to_owned());
        match field.trim() {
            "office" => contact.office = value,
            "person" => contact.person = value,
            "address" => contact.address = value,
            "phone" => contact.phone = value,
            "email" => contact.email = value,
            "web" => contact.web = value,
            _ => {}
        }
    }
    let contact = contact
        .normalized()
        .map_err(|e| Failure::runtime(format!("{DEMO_COORDINATOR}: {e}")))?;
    if store.coordinator_contact(area).await?.as_ref() != Some(&contact) {
        store
            .save_coordinator_contact(area, Some(&contact), chrono::Utc::now())
            .await?;
    }
    Ok(())
}

/// The password of every demo account (the demo is for trying out, on this computer).
const DEMO_PASSWORD: &str = "souhra-demo";

/// Demo accounts, one per role (fictional addresses): the installation's administrator, and
/// in the ORP area a coordinator, a working-group member, an editor of the first demo provider
/// and a councillor who only reads; a reader at the region. Made once; returns (e-mail, role).
async fn seed_demo_accounts(
    store: &Store,
    slugs: &[String],
) -> Result<Vec<(String, &'static str)>, Failure> {
    use souhra_core::account::{Email, Grant, Role};
    let (Some(region), Some(orp)) = (slugs.first(), slugs.last()) else {
        return Ok(Vec::new());
    };
    let area = |slug: &String| {
        let slug = slug.clone();
        async move {
            store
                .area_by_slug(&slug)
                .await?
                .map(|a| a.id)
                .ok_or_else(|| Failure::runtime(format!("the demo area {slug} is missing")))
        }
    };
    let (region, orp_id) = (area(region).await?, area(orp).await?);
    let provider = match store
        .services_in_area(orp_id)
        .await?
        .into_iter()
        .find(|s| s.is_demo)
    {
        Some(service) => store
            .organization(service.organization_id)
            .await?
            .and_then(|o| o.organization.ico),
        None => None,
    };
    let mut accounts = vec![
        ("spravce", Role::Administrator, None, None),
        ("koordinator", Role::Coordinator, Some(orp_id), None),
        ("skupina", Role::GroupMember, Some(orp_id), None),
        ("zastupitel", Role::ReadOnly, Some(orp_id), None),
        ("kraj", Role::ReadOnly, Some(region), None),
    ];
    if provider.is_some() {
        accounts.push(("poskytovatel", Role::ProviderEditor, Some(orp_id), provider));
    }
    let mut made = Vec::new();
    for (user, role, area, organization) in accounts {
        let address = format!("{user}@demo.souhra.example");
        let email = Email::parse(&address).map_err(|e| Failure::runtime(e.to_string()))?;
        if store.login_record(&email).await?.is_none() {
            let grant = Grant::new(role, area, organization)
                .map_err(|e| Failure::runtime(e.to_string()))?;
            let hash = souhra_web::auth::hash_password(DEMO_PASSWORD.to_owned()).await?;
            store
                .create_account(
                    &email,
                    &format!("Demo {user}"),
                    Some(&hash),
                    &[grant],
                    chrono::Utc::now(),
                )
                .await?;
        }
        made.push((address, role.key()));
    }
    Ok(made)
}

/// `souhra demo`.
pub async fn demo(
    mut config: Config,
    listen: Option<String>,
    data_dir: Option<PathBuf>,
) -> Result<(), Failure> {
    if let Some(listen) = listen {
        config.set_listen(&listen)?;
    }
    let addr = config.listen_addr()?;
    config.data_dir = match data_dir {
        Some(dir) => Setting {
            value: dir,
            source: Source::Flag,
        },
        None => Setting {
            value: default_demo_dir(&process_env),
            source: Source::Default,
        },
    };
    if config.database_url.take().is_some() {
        tracing::info!("the demo uses its own SQLite database; DATABASE_URL is ignored");
    }
    prepare_data_dir(&config.data_dir, true)?;
    let target = DatabaseTarget::Sqlite {
        path: config.data_dir.value.join("souhra.db"),
    };
    let listener = bind(addr).await?;
    let store = open_store(&config, &target).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let slugs = save_demo_areas(&store).await?;
    let services = match slugs.last() {
        Some(orp) => seed_demo_catalogue(&store, orp).await?,
        None => 0,
    };
    let bound = listener.local_addr().map_or(addr, |a| a);
    let base = format!("http://{bound}");
    // QR codes and links in the demo's PDFs point at the demo itself.
    if config.public_url.is_none() {
        config.public_url = Some(Setting::new(base.clone(), Source::Default));
    }
    say(&format!("Souhra demo is running at {base}/"));
    for slug in &slugs {
        say(&format!("  area: {base}/{slug}"));
    }
    say(&format!("  catalogue: {services} fictional services"));
    for (email, role) in seed_demo_accounts(&store, &slugs).await? {
        say(&format!(
            "  login: {email} / {DEMO_PASSWORD} ({role}) at {base}/prihlaseni"
        ));
    }
    say(&format!(
        "  data: {} (stop with Ctrl+C)",
        config.data_dir.value.display()
    ));
    run_server(listener, store, &config).await
}

//! The state every handler shares.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

use souhra_core::area::AreaId;
use souhra_core::public::LifeSituation;
use souhra_search::{Scope, SearchIndex};
use souhra_store::Store;

use crate::assets::Assets;
use crate::cache::PageCache;
use crate::catalogue::{IndexError, Labels, SharedLabels, area_scope, rebuild_if_stale};
use crate::documents::{Brochures, PrintError, SHEETS_AT_ONCE};
use crate::i18n::{TranslationError, Translations};
use crate::metrics::Metrics;
use crate::render::Renderer;

/// Settings of the web layer.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// The public base URL (`https://socialni-sluzby.example.cz`), when known. An `https` URL
    /// turns on `Secure` cookies and HSTS.
    pub public_url: Option<String>,
    /// When set, `/metrics` requires `Authorization: Bearer <token>`.
    pub metrics_token: Option<String>,
    /// Program version shown in the footer and metrics.
    pub version: String,
    /// Map tiles: a URL template with `{z}`, `{x}`, `{y}` (and optionally `{s}`); empty for
    /// the OpenStreetMap default. Its origin is allowed for images by the content policy.
    pub map_tiles: String,
    /// The tiles' attribution (plain text); empty for the OpenStreetMap default.
    pub map_attribution: String,
    /// The life situations of areas whose coordinator has not set their own.
    pub situations: Vec<LifeSituation>,
    /// Lockout, session and link lifetimes.
    pub accounts: crate::auth::AccountSettings,
    /// Where mail goes.
    pub mail: crate::mail::MailSettings,
    /// Survey answers one address may send per 10 minutes; `None` for the default (30). A
    /// load test on loopback raises it.
    pub survey_answers_per_window: Option<usize>,
    /// Reverse proxies whose `X-Forwarded-For` names the client; from any other peer the
    /// header is ignored (anyone can send it).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// OpenStreetMap's tile server, the default map.
pub const DEFAULT_MAP_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_MAP_ATTRIBUTION: &str = "© OpenStreetMap contributors";

/// How long an area's list of municipalities is reused before it is read again.
const SCOPE_TTL: Duration = Duration::from_secs(60);
/// Error reports one address may send per window.
const REPORTS_PER_WINDOW: usize = 5;
const REPORT_WINDOW: Duration = Duration::from_secs(600);
/// Comments on plans one address may send per window (a working group writing together from
/// one office shares an address, so more than reports).
const COMMENTS_PER_WINDOW: usize = 20;
const COMMENT_WINDOW: Duration = Duration::from_secs(600);
/// Login (and password-reset) attempts one address may make per window.
const LOGINS_PER_WINDOW: usize = 20;
const LOGIN_WINDOW: Duration = Duration::from_secs(600);
/// Survey answers one address may send per window unless configured (a day centre helping its
/// clients fill one in from one computer shares an address).
const SURVEY_ANSWERS_PER_WINDOW: usize = 30;
const SURVEY_WINDOW: Duration = Duration::from_secs(600);

impl WebConfig {
    /// The public URL without a trailing slash, to put before a path in links that leave the
    /// site (e-mails, feeds, share links); empty when none is configured.
    pub fn public_base(&self) -> &str {
        self.public_url
            .as_deref()
            .unwrap_or_default()
            .trim_end_matches('/')
    }

    /// Whether the site is served over HTTPS.
    pub fn is_https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }

    /// The tile URL template in force.
    pub fn tiles(&self) -> &str {
        if self.map_tiles.is_empty() {
            DEFAULT_MAP_TILES
        } else {
            &self.map_tiles
        }
    }

    /// The tile attribution in force.
    pub fn attribution(&self) -> &str {
        if self.map_attribution.is_empty() {
            DEFAULT_MAP_ATTRIBUTION
        } else {
            &self.map_attribution
        }
    }

    /// The origin (`https://tile.openstreetmap.org`) of the tile URL, with `{s}` subdomains
    /// widened to a wildcard.
    pub fn tile_origin(&self) -> Option<String> {
        let url = self.tiles();
        let (scheme, rest) = url.split_once("://")?;
        let host = rest.split('/').next()?.replace("{s}", "*");
        let clean = host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:*".contains(&b));
        (matches!(scheme, "http" | "https") && clean && !host.is_empty())
            .then(|| format!("{scheme}://{host}"))
    }
}

/// Why the web layer could not start.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A translation file is broken.
    #[error("translations: {0}")]
    Translations(#[from] TranslationError),
    /// A template does not compile.
    #[error("templates: {0:#}")]
    Templates(#[from] minijinja::Error),
    /// The mail settings are unusable.
    #[error("mail: {0}")]
    Mail(#[from] crate::mail::MailError),
}

/// Counts events per client address in a sliding window (error reports, logins).
#[derive(Default)]
struct Limiter(Mutex<HashMap<IpAddr, Vec<Instant>>>);

impl Limiter {
    /// Counts an event from `client`; false when it had `max` in the last `window`.
    fn allow(&self, client: IpAddr, max: usize, window: Duration) -> bool {
        let mut events = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        events.retain(|_, times| {
            times.retain(|t| now.duration_since(*t) < window);
            !times.is_empty()
        });
        let times = events.entry(client).or_default();
        if times.len() >= max {
            return false;
        }
        times.push(now);
        true
    }
}

struct Inner {
    store: Store,
    search: Arc<SearchIndex>,
    labels: RwLock<SharedLabels>,
    scopes: Mutex<HashMap<AreaId, (Instant, Arc<Scope>)>>,
    reports: Limiter,
    comments: Limiter,
    surveys: Limiter,
    logins: Limiter,
    mailer: crate::mail::Mailer,
    pages: PageCache,
    engine: OnceLock<Arc<souhra_docs::Engine>>,
    brochures: Brochures,
    sheets: tokio::sync::Semaphore,
    csp: String,
    translations: Arc<Translations>,
    renderer: Renderer,
    assets: Arc<Assets>,
    metrics: Metrics,
    config: WebConfig,
}

/// Shared state: the store, compiled templates, assets, metrics and settings.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Loads translations and templates and wraps the store and the search index (call
    /// [`AppState::refresh_search`] before serving).
    pub fn new(
        store: Store,
        search: Arc<SearchIndex>,
        config: WebConfig,
    ) -> Result<Self, WebError> {
        let translations = Arc::new(Translations::load()?);
        let assets = Arc::new(Assets::load());
        let renderer = Renderer::load(translations.clone(), assets.clone())?;
        Ok(Self {
            inner: Arc::new(Inner {
                store,
                search,
                labels: RwLock::new(Arc::new(Labels::default())),
                scopes: Mutex::new(HashMap::new()),
                reports: Limiter::default(),
                comments: Limiter::default(),
                surveys: Limiter::default(),
                logins: Limiter::default(),
                mailer: crate::mail::Mailer::new(&config.mail)?,
                pages: PageCache::default(),
                engine: OnceLock::new(),
                brochures: Brochures::default(),
                sheets: tokio::sync::Semaphore::new(SHEETS_AT_ONCE),
                csp: crate::middleware::content_security_policy(config.tile_origin().as_deref()),
                translations,
                renderer,
                assets,
                metrics: Metrics::new(),
                config,
            }),
        })
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Brings the search index and the labels up to date with the catalogue (or rebuilds the
    /// index, with `force`); returns the number of services indexed, `None` when nothing had
    /// changed. The server calls it at start and then every few seconds; it is the index's only
    /// writer.
    pub async fn refresh_search(&self, force: bool) -> Result<Option<u64>, IndexError> {
        let store = &self.inner.store;
        let (indexed, labels) = match rebuild_if_stale(store, &self.inner.search, force).await? {
            Some((count, labels)) => (Some(count), Some(labels)),
            // The index was current (built by an earlier run) but labels were never read.
            None if self.labels().municipalities_is_empty() => {
                (None, Some(Labels::load(store).await?))
            }
            None => (None, None),
        };
        if let Some(labels) = labels {
            *self
                .inner
                .labels
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(labels);
            self.forget_kept();
        }
        Ok(indexed)
    }

    /// Forgets what was kept about areas and the catalogue (search scopes, rendered pages):
    /// after an area was created or changed, or the labels were read again.
    pub(crate) fn forget_kept(&self) {
        self.inner
            .scopes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
        self.inner.pages.invalidate();
    }

    pub(crate) fn search(&self) -> &SearchIndex {
        &self.inner.search
    }

    pub(crate) fn labels(&self) -> SharedLabels {
        self.inner
            .labels
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The search scope of an area (its municipalities), reused for a minute.
    pub(crate) async fn scope(&self, area: AreaId) -> Result<Arc<Scope>, souhra_store::StoreError> {
        let cached = self
            .inner
            .scopes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&area)
            .filter(|(at, _)| at.elapsed() < SCOPE_TTL)
            .map(|(_, scope)| scope.clone());
        if let Some(scope) = cached {
            return Ok(scope);
        }
        let scope = Arc::new(area_scope(&self.inner.store, area).await?);
        self.inner
            .scopes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(area, (Instant::now(), scope.clone()));
        Ok(scope)
    }

    /// Counts an error report from `client`; false when it sent too many lately.
    pub(crate) fn allow_report(&self, client: IpAddr) -> bool {
        self.inner
            .reports
            .allow(client, REPORTS_PER_WINDOW, REPORT_WINDOW)
    }

    /// Counts a comment on a plan from `client`; false when it sent too many lately.
    pub(crate) fn allow_comment(&self, client: IpAddr) -> bool {
        self.inner
            .comments
            .allow(client, COMMENTS_PER_WINDOW, COMMENT_WINDOW)
    }

    /// Counts a survey answer from `client`; false when it sent too many lately.
    pub(crate) fn allow_survey(&self, client: IpAddr) -> bool {
        let limit = self
            .config()
            .survey_answers_per_window
            .unwrap_or(SURVEY_ANSWERS_PER_WINDOW);
        self.inner.surveys.allow(client, limit, SURVEY_WINDOW)
    }

    /// Typesets a settlement table.
    pub(crate) async fn print_settlement(
        &self,
        table: souhra_docs::settlement::SettlementDocument,
    ) -> Result<souhra_docs::Pdf, PrintError> {
        let _slot = self
            .inner
            .sheets
            .acquire()
            .await
            .map_err(|e| PrintError::Task(e.to_string()))?;
        let engine = self.engine();
        let created = chrono::Utc::now();
        crate::documents::typeset(move || {
            engine.settlement(&table, &souhra_docs::Metadata { created })
        })
        .await
    }

    /// Counts a login or password-reset attempt from `client`; false when it made too many
    /// lately (whatever the accounts).
    pub(crate) fn allow_login(&self, client: IpAddr) -> bool {
        self.inner
            .logins
            .allow(client, LOGINS_PER_WINDOW, LOGIN_WINDOW)
    }

    /// The mailer.
    pub fn mailer(&self) -> &crate::mail::Mailer {
        &self.inner.mailer
    }

    /// Rendered public pages kept for reuse.
    pub(crate) fn pages(&self) -> &PageCache {
        &self.inner.pages
    }

    /// The document engine (fonts loaded on first use).
    pub(crate) fn engine(&self) -> Arc<souhra_docs::Engine> {
        self.inner
            .engine
            .get_or_init(|| Arc::new(souhra_docs::Engine::new()))
            .clone()
    }

    /// Brochures kept until the catalogue changes.
    pub(crate) fn brochures(&self) -> &Brochures {
        &self.inner.brochures
    }

    /// Typesets a card or list, a few at a time.
    pub(crate) async fn print_sheet(
        &self,
        sheet: souhra_docs::catalogue::ServiceSheet,
    ) -> Result<souhra_docs::Pdf, PrintError> {
        crate::documents::print_sheet(self.engine(), &self.inner.sheets, sheet).await
    }

    /// Typesets a plan, sharing the few slots of cards and lists.
    pub(crate) async fn print_plan(
        &self,
        plan: souhra_docs::plan::PlanDocument,
    ) -> Result<souhra_docs::Pdf, PrintError> {
        let _slot = self
            .inner
            .sheets
            .acquire()
            .await
            .map_err(|e| PrintError::Task(e.to_string()))?;
        let engine = self.engine();
        let created = chrono::Utc::now();
        crate::documents::typeset(move || engine.plan(&plan, &souhra_docs::Metadata { created }))
            .await
    }

    pub(crate) fn csp(&self) -> &str {
        &self.inner.csp
    }

    pub(crate) fn translations(&self) -> &Translations {
        &self.inner.translations
    }

    pub(crate) fn renderer(&self) -> &Renderer {
        &self.inner.renderer
    }

    pub(crate) fn assets(&self) -> &Assets {
        &self.inner.assets
    }

    pub(crate) fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    pub(crate) fn config(&self) -> &WebConfig {
        &self.inner.config
    }
}

/// How often a server looks whether the catalogue changed (one cheap query on its revision) and,
/// if so, rebuilds its search index and forgets the pages it kept. Every instance on a shared
/// database does this, so an edit made through one is found through all of them within about
/// this time plus the rebuild.
pub const SEARCH_REFRESH: std::time::Duration = std::time::Duration::from_secs(3);

/// Keeps the search index in step with the catalogue while the server runs, looking every
/// `every`; the server is its index's only writer.
pub async fn keep_index_fresh(state: AppState, every: std::time::Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match state.refresh_search(false).await {
            Ok(Some(count)) => {
                tracing::info!(count, "search index rebuilt after a catalogue change");
            }
            Ok(None) => {}
            Err(e) => tracing::warn!("the search index could not be refreshed: {e}"),
        }
    }
}

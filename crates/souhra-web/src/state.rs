//! The state every handler shares.

use std::sync::Arc;

use souhra_store::Store;

use crate::assets::Assets;
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
}

impl WebConfig {
    /// Whether the site is served over HTTPS.
    pub fn is_https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
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
}

struct Inner {
    store: Store,
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
    /// Loads translations and templates and wraps the store.
    pub fn new(store: Store, config: WebConfig) -> Result<Self, WebError> {
        let translations = Arc::new(Translations::load()?);
        let assets = Arc::new(Assets::load());
        let renderer = Renderer::load(translations.clone(), assets.clone())?;
        Ok(Self {
            inner: Arc::new(Inner {
                store,
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

//! Rendered public pages kept for reuse: the results page of a popular query is searched and
//! rendered once, then answered from memory (and gzip-compressed once, not per request).
//!
//! A page is keyed by its language and its path with query. It is dropped when the catalogue
//! changes (the server's refresh moves the generation on), and in any case after
//! [`PAGE_TTL`], which bounds how long a change outside the catalogue (an area's name, its life
//! situations) can take to show. Only complete `200` pages that do not depend on the clock are
//! kept; nothing in them depends on who asks (no cookies, no personal data).

use std::collections::HashMap;
use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

use crate::i18n::Lang;

/// The longest a kept page is reused.
pub(crate) const PAGE_TTL: Duration = Duration::from_secs(30);
/// Most pages kept.
const MAX_PAGES: usize = 2_000;
/// Most bytes kept (HTML and gzip together).
const MAX_BYTES: usize = 64 << 20;

struct Kept {
    at: Instant,
    html: Bytes,
    gzip: Option<Bytes>,
}

impl Kept {
    fn size(&self) -> usize {
        self.html.len() + self.gzip.as_ref().map_or(0, Bytes::len)
    }
}

#[derive(Default)]
struct Pages {
    map: HashMap<(Lang, String), Kept>,
    bytes: usize,
}

/// The kept pages.
#[derive(Default)]
pub(crate) struct PageCache {
    pages: Mutex<Pages>,
    generation: AtomicU64,
}

/// Whether the client takes gzip (`Accept-Encoding: gzip`, not with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

fn gzip(html: &[u8]) -> Option<Bytes> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(html.len() / 4),
        flate2::Compression::default(),
    );
    encoder.write_all(html).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

fn respond(kept: &Kept, headers: &HeaderMap) -> Response {
    match (&kept.gzip, accepts_gzip(headers)) {
        (Some(gzip), true) => {
            let mut response = Html(gzip.clone()).into_response();
            let out = response.headers_mut();
            out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            out.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            response
        }
        _ => Html(kept.html.clone()).into_response(),
    }
}

impl PageCache {
    /// Forgets every kept page (the catalogue changed).
    pub(crate) fn invalidate(&self) {
        let mut pages = self.lock();
        self.generation.fetch_add(1, Ordering::Relaxed);
        pages.map.clear();
        pages.bytes = 0;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pages> {
        self.pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The kept page for `lang` and `path`, answered in the encoding the client takes.
    pub(crate) fn get(&self, lang: Lang, path: &str, headers: &HeaderMap) -> Option<Response> {
        let pages = self.lock();
        let kept = pages.map.get(&(lang, path.to_owned()))?;
        (kept.at.elapsed() < PAGE_TTL).then(|| respond(kept, headers))
    }

    /// The current generation: read it before searching, hand it to [`PageCache::keep`], so
    /// that a page rendered from data a refresh has since replaced is never reused.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }

    /// Keeps a page rendered at `generation` and answers it.
    pub(crate) fn keep(
        &self,
        lang: Lang,
        path: &str,
        generation: u64,
        html: String,
        headers: &HeaderMap,
    ) -> Response {
        let html = Bytes::from(html);
        let kept = Kept {
            at: Instant::now(),
            gzip: gzip(&html),
            html,
        };
        let response = respond(&kept, headers);
        let size = kept.size();
        let mut pages = self.lock();
        // Checked under the lock `invalidate` holds while it moves the generation and empties
        // the map: a page from before a change never gets in, so every kept page is current.
        if generation != self.generation() || size > MAX_BYTES / 4 {
            return response;
        }
        if pages.map.len() >= MAX_PAGES || pages.bytes + size > MAX_BYTES {
            pages.map.retain(|_, k| k.at.elapsed() < PAGE_TTL);
            pages.bytes = pages.map.values().map(Kept::size).sum();
            while pages.map.len() >= MAX_PAGES || pages.bytes + size > MAX_BYTES {
                let Some(oldest) = pages
                    .map
                    .iter()
                    .min_by_key(|(_, k)| k.at)
                    .map(|(key, _)| key.clone())
                else {
                    break;
                };
                if let Some(gone) = pages.map.remove(&oldest) {
                    pages.bytes -= gone.size();
                }
            }
        }
        if let Some(old) = pages.map.insert((lang, path.to_owned()), kept) {
            pages.bytes -= old.size();
        }
        pages.bytes += size;
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        headers
    }

    #[test]
    fn gzip_is_recognised_and_refusals_respected() {
        assert!(accepts_gzip(&headers("gzip, deflate, br")));
        assert!(accepts_gzip(&headers("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&headers("*")));
        assert!(!accepts_gzip(&headers("gzip;q=0")));
        assert!(!accepts_gzip(&headers("br, deflate")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn pages_are_kept_per_language_and_dropped_on_change() {
        let cache = PageCache::default();
        let plain = HeaderMap::new();
        assert!(cache.get(Lang::Cs, "/a", &plain).is_none());
        let generation = cache.generation();
        let first = cache.keep(
            Lang::Cs,
            "/a",
            generation,
            "<p>a</p>".repeat(100),
            &headers("gzip"),
        );
        assert_eq!(first.headers()[header::CONTENT_ENCODING], "gzip");
        let again = cache.get(Lang::Cs, "/a", &plain).unwrap();
        assert!(again.headers().get(header::CONTENT_ENCODING).is_none());
        assert!(cache.get(Lang::En, "/a", &plain).is_none());
        assert!(cache.get(Lang::Cs, "/a?x", &plain).is_none());
        cache.invalidate();
        assert!(cache.get(Lang::Cs, "/a", &plain).is_none());
        assert_eq!(cache.lock().bytes, 0);
        // A page rendered before the change is answered but not reused.
        cache.keep(Lang::Cs, "/a", generation, "<p>old</p>".into(), &plain);
        assert!(cache.get(Lang::Cs, "/a", &plain).is_none());
    }

    #[test]
    fn the_page_count_stays_bounded() {
        let cache = PageCache::default();
        for i in 0..MAX_PAGES + 10 {
            cache.keep(
                Lang::Cs,
                &format!("/p{i}"),
                0,
                format!("<p>{i}</p>"),
                &HeaderMap::new(),
            );
        }
        let pages = cache.lock();
        assert!(pages.map.len() <= MAX_PAGES);
        assert_eq!(
            pages.bytes,
            pages.map.values().map(Kept::size).sum::<usize>()
        );
    }
}

//! Cross-cutting request handling: language choice, translated error pages, metrics, security
//! headers and request ids.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{ConnectInfo, FromRequestParts, MatchedPath, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use tower_http::request_id::{MakeRequestId, RequestId};

use crate::error::ErrorPage;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

/// Name of the cookie that remembers the chosen language.
pub(crate) const LANG_COOKIE: &str = "souhra_lang";

/// Header carrying the request id (set by us when the client or proxy did not).
pub(crate) const REQUEST_ID_HEADER: &str = "x-request-id";

/// The value of cookie `name` in the request, if any.
pub(crate) fn cookie_value<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The language of a request: the `souhra_lang` cookie, else `Accept-Language`, else Czech.
pub(crate) fn request_lang(headers: &HeaderMap) -> Lang {
    let from_cookie = cookie_value(headers, LANG_COOKIE).and_then(Lang::from_code);
    from_cookie
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::Cs)
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(request_lang(&parts.headers))
    }
}

/// The address a request comes from, as limits per address count it: the connection's peer,
/// or — when the peer is a trusted reverse proxy — the nearest address in `X-Forwarded-For`
/// that is not a trusted proxy itself. Unspecified when the server runs without connection
/// information (tests through `Router::oneshot`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClientIp(pub(crate) IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientIp(client_address(
            peer,
            &parts.headers,
            &state.config().trusted_proxies,
        )))
    }
}

/// See [`ClientIp`]. A header that does not parse as a list of addresses is ignored.
pub(crate) fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> IpAddr {
    let Some(peer) = peer else {
        return IpAddr::V4(Ipv4Addr::UNSPECIFIED);
    };
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Option<Vec<IpAddr>> = headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.to_str().ok())
        .collect::<Option<Vec<&str>>>()
        .and_then(|values| {
            values
                .iter()
                .flat_map(|v| v.split(','))
                .map(|hop| hop.trim().parse::<IpAddr>().ok())
                .collect()
        });
    let Some(hops) = hops else {
        return peer;
    };
    // The nearest hops are at the end; the first address not of a trusted proxy is the client
    // (anything before it may be made up by the client).
    hops.iter()
        .rev()
        .find(|hop| !trusted.contains(hop))
        .or_else(|| hops.first())
        .copied()
        .unwrap_or(peer)
}

/// Replaces the body of responses marked with [`ErrorPage`] by the translated error page.
pub(crate) async fn error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let lang = request_lang(request.headers());
    let path = request.uri().path().to_owned();
    let request_id = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let response = next.run(request).await;
    let Some(ErrorPage(status)) = response.extensions().get::<ErrorPage>().copied() else {
        return response;
    };
    let code = match status.as_u16() {
        code @ (400 | 403 | 404 | 503) => code,
        _ => 500,
    };
    let title_key = format!("error-{code}-title");
    let page = Page::new(&state, lang, &path).title_key(&title_key);
    let shown_id = if code == 500 { request_id } else { None };
    let body = page.render_context(
        "error.html",
        view! { status => code, request_id => shown_id },
    );
    let mut rendered = match body {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "error page could not be rendered");
            (status, status.canonical_reason().unwrap_or("error")).into_response()
        }
    };
    // Keep headers the handler set (e.g. Allow), except the body's own.
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rendered.headers_mut().insert(name.clone(), value.clone());
        }
    }
    rendered
}

/// Counts requests and their durations by matched route.
pub(crate) async fn record_metrics(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let metrics = state.metrics();
    metrics.request_started();
    let response = next.run(request).await;
    metrics.request_finished(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed(),
    );
    response
}

/// Content-Security-Policy of every response: only our own scripts, styles and images, and
/// the map tiles' origin for images.
pub(crate) fn content_security_policy(tile_origin: Option<&str>) -> String {
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; \
         img-src 'self' data:{}; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        tile_origin.map(|o| format!(" {o}")).unwrap_or_default()
    )
}

/// Adds the security headers to every response.
pub(crate) async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    if let Ok(csp) = HeaderValue::from_str(state.csp()) {
        headers.insert("content-security-policy", csp);
    }
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(
        headers,
        "referrer-policy",
        "strict-origin-when-cross-origin",
    );
    set(
        headers,
        "permissions-policy",
        "camera=(), microphone=(), payment=(), geolocation=(self)",
    );
    set(headers, "cross-origin-opener-policy", "same-origin");
    if state.config().is_https() {
        set(
            headers,
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        );
    }
    response
}

/// Request ids `<process start>-<counter>`: unique, short, and in order.
#[derive(Clone)]
pub(crate) struct SequentialRequestId {
    prefix: String,
    counter: std::sync::Arc<AtomicU64>,
}

impl SequentialRequestId {
    pub(crate) fn new() -> Self {
        let start = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self {
            prefix: format!("{start:x}"),
            counter: std::sync::Arc::new(AtomicU64::new(1)),
        }
    }
}

impl MakeRequestId for SequentialRequestId {
    fn make_request_id<B>(&mut self, _request: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_client_address_comes_from_a_trusted_proxy_only() {
        let proxy = ip("10.0.0.2");
        let trusted = [proxy, ip("10.0.0.3")];
        let headers = forwarded(&["198.51.100.7"]);
        // From a peer that is not a trusted proxy, the header is ignored: anyone can send it.
        assert_eq!(
            client_address(Some(ip("203.0.113.9")), &headers, &trusted),
            ip("203.0.113.9")
        );
        assert_eq!(client_address(Some(proxy), &headers, &[]), proxy);
        // From a trusted proxy, the client it names.
        assert_eq!(
            client_address(Some(proxy), &headers, &trusted),
            ip("198.51.100.7")
        );
        // Through two proxies: the nearest untrusted hop; what the client itself put first is
        // not believed.
        let chain = forwarded(&["1.2.3.4, 198.51.100.7", "10.0.0.3"]);
        assert_eq!(
            client_address(Some(proxy), &chain, &trusted),
            ip("198.51.100.7")
        );
        // A header that is not a list of addresses, or none: the proxy's own address.
        assert_eq!(
            client_address(Some(proxy), &forwarded(&["unknown"]), &trusted),
            proxy
        );
        assert_eq!(
            client_address(Some(proxy), &HeaderMap::new(), &trusted),
            proxy
        );
        assert_eq!(
            client_address(None, &headers, &trusted),
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        );
    }
}

//! Signing in and out, a forgotten password, and accepting an invitation. Forms shown before
//! there is a session carry a double-submit token (a random value in an `HttpOnly`,
//! `SameSite=Strict` cookie and a hidden field); logout carries the session's own token.

use axum::Form;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use fluent_bundle::FluentArgs;
use serde::Deserialize;
use souhra_core::account::{AccountInputError, Email, check_password, clean_name};
use souhra_store::account::TokenPurpose;

use super::path_of;
use crate::auth::{
    LOGIN_CSRF_COOKIE, hash_password, random_hex, same_token, session_cookie, signed_in,
    start_session, token_hash, verify_password,
};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::middleware::ClientIp;
use crate::middleware::cookie_value;
use crate::page::{Page, view};
use crate::state::AppState;

/// Where the administration starts.
pub(crate) const ADMIN_HOME: &str = "/sprava";

/// A path to return to after login: local only (`/…`, never `//host`).
fn next_path(next: Option<&str>) -> String {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p.to_owned(),
        _ => ADMIN_HOME.to_owned(),
    }
}

/// A form page before sign-in: rendered with a fresh double-submit token in its cookie.
fn form_page(
    state: &AppState,
    page: Page<'_>,
    template: &str,
    extra: minijinja::Value,
    status: StatusCode,
) -> Result<Response, AppError> {
    let token = random_hex(16)?;
    let html = page.render(
        template,
        minijinja::context! { token => token.clone(), ..extra },
    )?;
    let mut response = crate::auth::private((status, html).into_response());
    let secure = if state.config().is_https() {
        "; Secure"
    } else {
        ""
    };
    if let Ok(cookie) = HeaderValue::from_str(&format!(
        "{LOGIN_CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}"
    )) {
        response.headers_mut().append(SET_COOKIE, cookie);
    }
    Ok(response)
}

fn form_token_ok(headers: &HeaderMap, submitted: &str) -> bool {
    cookie_value(headers, LOGIN_CSRF_COOKIE).is_some_and(|c| same_token(c, submitted))
}

/// What stops a login or reset form before its content is looked at: an expired or forged form
/// token, or too many attempts from the address (counted here).
fn gate(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
    client: ClientIp,
) -> Option<(&'static str, StatusCode)> {
    if !form_token_ok(headers, token) {
        Some(("form-expired", StatusCode::BAD_REQUEST))
    } else if !state.allow_login(client.0) {
        Some(("login-too-many", StatusCode::TOO_MANY_REQUESTS))
    } else {
        None
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LoginQuery {
    dalsi: Option<String>,
    /// Set after a password was set (`heslo`) or after logout (`odhlaseno`).
    stav: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    heslo: String,
    #[serde(default)]
    dalsi: String,
    #[serde(default)]
    token: String,
}

fn login_page(
    state: &AppState,
    lang: Lang,
    path: &str,
    email: &str,
    next: &str,
    message: Option<(&str, bool)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = Page::new(state, lang, path).title_key("login-title");
    let (message, is_problem) = message.map_or((None, false), |(m, p)| (Some(m.to_owned()), p));
    form_page(
        state,
        page,
        "login.html",
        view! { email, next, message, is_problem },
        status,
    )
}

pub(crate) async fn login_form(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    Query(query): Query<LoginQuery>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let next = next_path(query.dalsi.as_deref());
    if signed_in(&state, &headers).await?.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    let message = match query.stav.as_deref() {
        Some("heslo") => Some(state.translations().text(lang, "login-password-set", None)),
        Some("odhlaseno") => Some(state.translations().text(lang, "login-signed-out", None)),
        _ => None,
    };
    login_page(
        &state,
        lang,
        &path_of(&uri),
        "",
        &next,
        message.as_deref().map(|m| (m, false)),
        StatusCode::OK,
    )
}

pub(crate) async fn login_submit(
    State(state): State<AppState>,
    lang: Lang,
    client: ClientIp,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let next = next_path(Some(&form.dalsi));
    let path = path_of(&uri);
    let fail = |key: &str, status: StatusCode| {
        let text = state.translations().text(lang, key, None);
        login_page(
            &state,
            lang,
            &path,
            &form.email,
            &next,
            Some((&text, true)),
            status,
        )
    };
    if let Some((key, status)) = gate(&state, &headers, &form.token, client) {
        return fail(key, status);
    }
    let record = match Email::parse(&form.email) {
        Ok(email) => state.store().login_record(&email).await?,
        Err(_) => None,
    };
    let now = Utc::now();
    let settings = &state.config().accounts;
    if let Some(until) = record
        .as_ref()
        .and_then(|r| r.locked_until)
        .filter(|u| *u > now)
    {
        let text = locked_text(&state, lang, until);
        return login_page(
            &state,
            lang,
            &path,
            &form.email,
            &next,
            Some((&text, true)),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let hash = record.as_ref().and_then(|r| r.password_hash.clone());
    let matches = verify_password(hash, form.heslo.clone()).await?;
    let Some(record) = record else {
        return fail("login-failed", StatusCode::UNAUTHORIZED);
    };
    if !matches || !record.account.active {
        let lockout = chrono::Duration::from_std(settings.lockout)
            .unwrap_or_else(|_| chrono::Duration::minutes(15));
        if let Some(until) = state
            .store()
            .login_failed(record.account.id, now, settings.max_failures, lockout)
            .await?
        {
            tracing::warn!(
                account = record.account.id.0,
                "account locked after failed logins"
            );
            let text = locked_text(&state, lang, until);
            return login_page(
                &state,
                lang,
                &path,
                &form.email,
                &next,
                Some((&text, true)),
                StatusCode::TOO_MANY_REQUESTS,
            );
        }
        return fail("login-failed", StatusCode::UNAUTHORIZED);
    }
    state
        .store()
        .login_succeeded(record.account.id, now)
        .await?;
    // A session the browser had before (someone else's, or planted) ends: the id changes at login.
    if let Some(old) = signed_in(&state, &headers).await? {
        state.store().end_session(&old.id_hash).await?;
    }
    let cookie = start_session(&state, &record.account).await?;
    tracing::info!(account = record.account.id.0, "signed in");
    let mut response = Redirect::to(&next).into_response();
    response.headers_mut().append(SET_COOKIE, cookie);
    Ok(crate::auth::private(response))
}

fn locked_text(state: &AppState, lang: Lang, until: chrono::DateTime<Utc>) -> String {
    let minutes = (until - Utc::now()).num_minutes().max(0) + 1;
    let mut args = FluentArgs::new();
    args.set("minutes", minutes);
    state.translations().text(lang, "login-locked", Some(&args))
}

/// A form whose only field is the session's form token (logout, "everything is still
/// correct").
#[derive(Debug, Default, Deserialize)]
pub(crate) struct TokenForm {
    #[serde(default)]
    pub(crate) csrf: String,
}

pub(crate) async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let Some(signed) = signed_in(&state, &headers).await? else {
        return Ok(Redirect::to("/prihlaseni").into_response());
    };
    if !signed.csrf_ok(&form.csrf) {
        return Err(AppError::Forbidden);
    }
    state.store().end_session(&signed.id_hash).await?;
    let mut response = Redirect::to("/prihlaseni?stav=odhlaseno").into_response();
    response
        .headers_mut()
        .append(SET_COOKIE, session_cookie(&state, "", Some(0))?);
    Ok(crate::auth::private(response))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ForgotForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    token: String,
}

pub(crate) async fn forgot_form(
    State(state): State<AppState>,
    lang: Lang,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let page = Page::new(&state, lang, &path_of(&uri)).title_key("forgot-title");
    form_page(
        &state,
        page,
        "forgot.html",
        view! { sent => false, problem => None::<String> },
        StatusCode::OK,
    )
}

pub(crate) async fn forgot_submit(
    State(state): State<AppState>,
    lang: Lang,
    client: ClientIp,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<ForgotForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let page = Page::new(&state, lang, &path_of(&uri)).title_key("forgot-title");
    if let Some((key, status)) = gate(&state, &headers, &form.token, client) {
        let text = state.translations().text(lang, key, None);
        return form_page(
            &state,
            page,
            "forgot.html",
            view! { sent => false, problem => Some(text) },
            status,
        );
    }
    // The answer is the same whether or not the address has an account.
    if let Ok(email) = Email::parse(&form.email)
        && let Some(record) = state.store().login_record(&email).await?
        && record.account.active
    {
        let valid = state.config().accounts.reset_valid;
        let link = issue_token(
            &state,
            record.account.id,
            None,
            TokenPurpose::PasswordReset,
            valid,
        )
        .await?;
        let mut args = FluentArgs::new();
        args.set("link", link);
        args.set("hours", (valid.as_secs() / 3600).max(1));
        let t = state.translations();
        send_mail(
            &state,
            &email,
            &t.text(lang, "mail-reset-subject", None),
            &t.text(lang, "mail-reset-body", Some(&args)),
        )
        .await;
    }
    form_page(
        &state,
        page,
        "forgot.html",
        view! { sent => true, problem => None::<String> },
        StatusCode::OK,
    )
}

/// Sends a message; a failure is logged, not shown (the person cannot fix the mail server).
pub(crate) async fn send_mail(state: &AppState, to: &Email, subject: &str, body: &str) {
    if let Err(error) = state.mailer().send(to, subject, body).await {
        tracing::error!(%error, to = %to, "mail could not be sent");
    }
}

/// Keeps a new one-time token for `account`; returns the link that uses it.
pub(crate) async fn issue_token(
    state: &AppState,
    account: souhra_core::account::AccountId,
    by: Option<souhra_core::account::AccountId>,
    purpose: TokenPurpose,
    valid: std::time::Duration,
) -> Result<String, AppError> {
    let token = random_hex(32)?;
    let now = Utc::now();
    let valid = chrono::Duration::from_std(valid).unwrap_or_else(|_| chrono::Duration::hours(2));
    state
        .store()
        .create_token(&token_hash(&token), purpose, account, by, now, now + valid)
        .await?;
    let path = match purpose {
        TokenPurpose::Invitation => "pozvanka",
        TokenPurpose::PasswordReset => "nove-heslo",
    };
    let base = state.config().public_base();
    Ok(format!("{base}/{path}/{token}"))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    jmeno: String,
    #[serde(default)]
    heslo: String,
    #[serde(default)]
    heslo2: String,
    #[serde(default)]
    token: String,
}

fn purpose_of(path: &str) -> TokenPurpose {
    if path.starts_with("/pozvanka/") {
        TokenPurpose::Invitation
    } else {
        TokenPurpose::PasswordReset
    }
}

#[allow(clippy::too_many_arguments)]
fn password_page(
    state: &AppState,
    lang: Lang,
    path: &str,
    purpose: TokenPurpose,
    name: &str,
    email: &str,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let invitation = purpose == TokenPurpose::Invitation;
    let title = if invitation {
        "invitation-title"
    } else {
        "reset-title"
    };
    let page = Page::new(state, lang, path).title_key(title);
    form_page(
        state,
        page,
        "password.html",
        view! {
            invitation,
            name,
            email,
            problem,
            min => souhra_core::account::PASSWORD_MIN_CHARS,
            action => path,
        },
        status,
    )
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The form that sets a password from a link (`/nove-heslo/{token}`, `/pozvanka/{token}`).
pub(crate) async fn password_form(
    State(state): State<AppState>,
    lang: Lang,
    Path(token): Path<String>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let path = uri.0.path().to_owned();
    let purpose = purpose_of(&path);
    let account = if well_formed(&token) {
        state
            .store()
            .token_account(&token_hash(&token), purpose, Utc::now())
            .await?
    } else {
        None
    };
    let Some(account) = account else {
        return link_expired(&state, lang, &path);
    };
    password_page(
        &state,
        lang,
        &path,
        purpose,
        &account.name,
        account.email.as_str(),
        None,
        StatusCode::OK,
    )
}

fn link_expired(state: &AppState, lang: Lang, path: &str) -> Result<Response, AppError> {
    let html = Page::new(state, lang, path)
        .title_key("link-expired-title")
        .render("link_expired.html", view! {})?;
    Ok(crate::auth::private(
        (StatusCode::NOT_FOUND, html).into_response(),
    ))
}

pub(crate) async fn password_submit(
    State(state): State<AppState>,
    lang: Lang,
    Path(token): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<PasswordForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let path = uri.0.path().to_owned();
    let purpose = purpose_of(&path);
    let now = Utc::now();
    let account = if well_formed(&token) {
        state
            .store()
            .token_account(&token_hash(&token), purpose, now)
            .await?
    } else {
        None
    };
    let Some(account) = account else {
        return link_expired(&state, lang, &path);
    };
    let invitation = purpose == TokenPurpose::Invitation;
    let name = if invitation {
        clean_name(&form.jmeno)
    } else {
        Ok(account.name.clone())
    };
    let problem = if !form_token_ok(&headers, &form.token) {
        Some("form-expired")
    } else if name.is_err() {
        Some("password-name-invalid")
    } else if let Err(AccountInputError::PasswordLength) = check_password(&form.heslo) {
        Some("password-length")
    } else if form.heslo != form.heslo2 {
        Some("password-mismatch")
    } else {
        None
    };
    let name = match (problem, name) {
        (None, Ok(name)) => name,
        (problem, _) => {
            let mut args = FluentArgs::new();
            args.set("min", souhra_core::account::PASSWORD_MIN_CHARS);
            let text = state.translations().text(
                lang,
                problem.unwrap_or("password-name-invalid"),
                Some(&args),
            );
            return password_page(
                &state,
                lang,
                &path,
                purpose,
                &form.jmeno,
                account.email.as_str(),
                Some(text),
                StatusCode::BAD_REQUEST,
            );
        }
    };
    let hash = hash_password(form.heslo.clone()).await?;
    let redeemed = state
        .store()
        .redeem_token(
            &token_hash(&token),
            purpose,
            &hash,
            invitation.then_some(name.as_str()),
            now,
        )
        .await?;
    if redeemed.is_none() {
        return link_expired(&state, lang, &path);
    }
    tracing::info!(
        account = account.id.0,
        purpose = purpose.key(),
        "password set from a link"
    );
    Ok(crate::auth::private(
        Redirect::to("/prihlaseni?stav=heslo").into_response(),
    ))
}

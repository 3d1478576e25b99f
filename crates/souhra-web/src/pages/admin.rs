//! The administration: the signed-in person's home (their areas and roles) and an area's users
//! with invitations. Every handler asks [`souhra_core::policy::allows`]; a request without a
//! session is sent to the login page (GET) or refused (POST).

use axum::Form;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::account::{Account, Email, Grant, Role, clean_name};
use souhra_core::area::{Area, AreaId};
use souhra_core::catalogue::Ico;
use souhra_core::policy::{Action, Within, allows};
use souhra_store::account::TokenPurpose;

use super::account::{ADMIN_HOME, issue_token, send_mail};
use super::{load_area, path_of};
use crate::auth::{Signed, private, signed_in, signed_post};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, encode_query_value, view};
use crate::state::AppState;

/// The session of a request to the administration: for a GET without one, the redirect to the
/// login page (returning here afterwards).
pub(crate) async fn require(
    state: &AppState,
    headers: &HeaderMap,
    uri: &OriginalUri,
) -> Result<Result<Signed, Response>, AppError> {
    match signed_in(state, headers).await? {
        Some(signed) => Ok(Ok(signed)),
        None => {
            let next = encode_query_value(&path_of(uri));
            Ok(Err(
                Redirect::to(&format!("/prihlaseni?dalsi={next}")).into_response()
            ))
        }
    }
}

/// The session and the area of an administration page about an area, the policy asked for
/// `action` there: `Err(redirect)` to the login page without a session, 403 without the right.
pub(crate) async fn area_page(
    state: &AppState,
    headers: &HeaderMap,
    uri: &OriginalUri,
    slug: &str,
    action: &Action,
) -> Result<Result<(Signed, Area), Response>, AppError> {
    let signed = match require(state, headers, uri).await? {
        Ok(signed) => signed,
        Err(redirect) => return Ok(Err(redirect)),
    };
    let area = load_area(state, slug).await?;
    check(state, &signed, action, &area).await?;
    Ok(Ok((signed, area)))
}

/// The session of an installation administrator's page (`Err(redirect)` to the login page
/// without a session, 403 for anyone else).
pub(crate) async fn installation_page(
    state: &AppState,
    headers: &HeaderMap,
    uri: &OriginalUri,
) -> Result<Result<Signed, Response>, AppError> {
    let signed = match require(state, headers, uri).await? {
        Ok(signed) => signed,
        Err(redirect) => return Ok(Err(redirect)),
    };
    if !allows(&signed.account.grants, &Action::ManageInstallation, None) {
        return Err(AppError::Forbidden);
    }
    Ok(Ok(signed))
}

/// The session of a POST of an installation administrator: its form token checked, then the
/// right (403 otherwise).
pub(crate) async fn installation_post(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
) -> Result<Signed, AppError> {
    let signed = signed_post(state, headers, csrf).await?;
    if !allows(&signed.account.grants, &Action::ManageInstallation, None) {
        return Err(AppError::Forbidden);
    }
    Ok(signed)
}

/// The session and the area of a POST to the administration: its form token checked, then
/// the policy asked for `action` in the area (403 otherwise).
pub(crate) async fn area_post(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
    slug: &str,
    action: &Action,
) -> Result<(Signed, Area), AppError> {
    let signed = signed_post(state, headers, csrf).await?;
    let area = load_area(state, slug).await?;
    check(state, &signed, action, &area).await?;
    Ok((signed, area))
}

/// Records an administration event of `signed` in `area` in the audit log.
pub(crate) async fn audit(
    state: &AppState,
    signed: &Signed,
    area: &Area,
    action: &str,
    detail: Option<&str>,
) -> Result<(), AppError> {
    state
        .store()
        .record_event(
            chrono::Utc::now(),
            Some(signed.account.id),
            Some(area.id),
            action,
            detail,
        )
        .await?;
    Ok(())
}

/// Tells the area's coordinators (its administrators when it has none) that something waits in
/// the moderation queue: `subject` and `body` are translation keys, given `args` plus `area`
/// and `link` (the queue). In Czech, the language of the office. Mail failures are logged.
pub(crate) async fn notify_moderators(
    state: &AppState,
    area: &Area,
    subject: &str,
    body: &str,
    mut args: FluentArgs<'_>,
) -> Result<(), AppError> {
    let accounts = state.store().accounts_in_area(area.id).await?;
    let holding = |role: Role| -> Vec<&Account> {
        accounts
            .iter()
            .filter(|a| {
                a.active
                    && a.grants
                        .iter()
                        .any(|g| g.role == role && g.area == Some(area.id))
            })
            .collect()
    };
    let mut recipients = holding(Role::Coordinator);
    if recipients.is_empty() {
        recipients = holding(Role::Administrator);
    }
    let base = state.config().public_base();
    args.set("area", area.name.clone());
    args.set("link", format!("{base}{ADMIN_HOME}/{}/fronta", area.slug));
    let t = state.translations();
    let subject = t.text(Lang::Cs, subject, Some(&args));
    let body = t.text(Lang::Cs, body, Some(&args));
    for account in recipients {
        send_mail(state, &account.email, &subject, &body).await;
    }
    Ok(())
}

/// An area's id and the ids of the areas containing it, for [`Within`].
pub(crate) async fn chain(state: &AppState, area: &Area) -> Result<Vec<AreaId>, AppError> {
    Ok(state
        .store()
        .area_parents(area)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect())
}

/// Refuses unless the policy allows `action` in `area`.
pub(crate) async fn check(
    state: &AppState,
    signed: &Signed,
    action: &Action,
    area: &Area,
) -> Result<(), AppError> {
    let parents = chain(state, area).await?;
    let within = Within {
        area: area.id,
        parents: &parents,
    };
    if allows(&signed.account.grants, action, Some(within)) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Serialize)]
struct AreaLink {
    slug: String,
    name: String,
    roles: Vec<String>,
    moderate: bool,
    audit: bool,
    /// Open proposals and error reports waiting for a moderator of the area.
    waiting: usize,
}

#[derive(Serialize)]
struct Me<'a> {
    name: &'a str,
    email: &'a str,
}

fn role_label(state: &AppState, lang: Lang, role: Role) -> String {
    state
        .translations()
        .text(lang, &format!("role-{}", role.key()), None)
}

/// The administration's home: the areas this account reaches, with its roles there.
pub(crate) async fn home(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let signed = match require(&state, &headers, &uri).await? {
        Ok(signed) => signed,
        Err(redirect) => return Ok(redirect),
    };
    if !allows(&signed.account.grants, &Action::Enter, None) {
        return Err(AppError::Forbidden);
    }
    let mut areas = Vec::new();
    for area in state.store().areas().await? {
        let parents = chain(&state, &area).await?;
        let within = Within {
            area: area.id,
            parents: &parents,
        };
        if !allows(&signed.account.grants, &Action::ViewArea, Some(within)) {
            continue;
        }
        let roles = signed
            .account
            .grants
            .iter()
            .filter(|g| {
                g.area.is_none()
                    || g.area == Some(area.id)
                    || g.area.is_some_and(|a| parents.contains(&a))
            })
            .map(|g| match &g.organization {
                Some(ico) => format!("{} ({ico})", role_label(&state, lang, g.role)),
                None => role_label(&state, lang, g.role),
            })
            .collect();
        let moderate = allows(&signed.account.grants, &Action::Moderate, Some(within));
        let waiting = if moderate {
            state.store().open_proposals(area.id).await?.len()
                + state.store().open_reports_in(area.id).await?.len()
        } else {
            0
        };
        areas.push(AreaLink {
            slug: area.slug.to_string(),
            name: area.name.clone(),
            roles,
            moderate,
            audit: allows(&signed.account.grants, &Action::ManageUsers, Some(within)),
            waiting,
        });
    }
    let installation = allows(&signed.account.grants, &Action::ManageInstallation, None);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title_key("admin-title")
        .nav("admin")
        .render(
            "admin_home.html",
            view! {
                me => Me { name: &signed.account.name, email: signed.account.email.as_str() },
                areas,
                installation,
                csrf => signed.csrf,
            },
        )?;
    Ok(private(html.into_response()))
}

#[derive(Serialize)]
struct UserRow {
    id: i64,
    name: String,
    email: String,
    active: bool,
    roles: Vec<GrantView>,
    /// Whether the signed-in account may deactivate (or reactivate) this one.
    switchable: bool,
}

#[derive(Serialize)]
struct GrantView {
    label: String,
    role: &'static str,
    ico: String,
    /// Whether the signed-in account may take this role away.
    revocable: bool,
}

#[derive(Serialize)]
struct RoleOption {
    key: &'static str,
    label: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct UsersQuery {
    pozvano: Option<String>,
}

async fn user_rows(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    accounts: &[Account],
) -> Result<Vec<UserRow>, AppError> {
    let parents = chain(state, area).await?;
    let within = Some(Within {
        area: area.id,
        parents: &parents,
    });
    let areas = state.store().areas().await?;
    let mut rows = Vec::with_capacity(accounts.len());
    for a in accounts {
        let roles = a
            .grants
            .iter()
            .filter(|g| g.area == Some(area.id))
            .map(|g| GrantView {
                label: match &g.organization {
                    Some(ico) => format!("{} ({ico})", role_label(state, lang, g.role)),
                    None => role_label(state, lang, g.role),
                },
                role: g.role.key(),
                ico: g
                    .organization
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                revocable: allows(&signed.account.grants, &Action::Invite(g.role), within),
            })
            .collect();
        rows.push(UserRow {
            id: a.id.0,
            name: a.name.clone(),
            email: a.email.to_string(),
            active: a.active,
            roles,
            switchable: may_switch(state, signed, a, &areas).await?,
        });
    }
    Ok(rows)
}

/// Whether `signed` may deactivate `target`: not itself, and only an account all of whose
/// roles lie where `signed` manages users (an installation-wide role needs an installation
/// administrator), so no area's administrator locks out another area's people.
async fn may_switch(
    state: &AppState,
    signed: &Signed,
    target: &Account,
    areas: &[Area],
) -> Result<bool, AppError> {
    if target.id == signed.account.id {
        return Ok(false);
    }
    let grants = &signed.account.grants;
    if allows(grants, &Action::ManageInstallation, None) {
        return Ok(true);
    }
    for grant in &target.grants {
        let Some(area_id) = grant.area else {
            return Ok(false);
        };
        let Some(area) = areas.iter().find(|a| a.id == area_id) else {
            return Ok(false);
        };
        let parents = chain(state, area).await?;
        let within = Some(Within {
            area: area.id,
            parents: &parents,
        });
        if !allows(grants, &Action::ManageUsers, within) {
            return Ok(false);
        }
    }
    Ok(!target.grants.is_empty())
}

/// The roles this account may invite to in the area.
async fn invitable(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
) -> Result<Vec<RoleOption>, AppError> {
    let parents = chain(state, area).await?;
    let within = Within {
        area: area.id,
        parents: &parents,
    };
    Ok(Role::ALL
        .into_iter()
        .filter(|r| allows(&signed.account.grants, &Action::Invite(*r), Some(within)))
        .map(|r| RoleOption {
            key: r.key(),
            label: role_label(state, lang, r),
        })
        .collect())
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    jmeno: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    ico: String,
    #[serde(default)]
    csrf: String,
}

#[allow(clippy::too_many_arguments)]
async fn users_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    path: &str,
    form: &InviteForm,
    message: Option<(String, bool)>,
    status: axum::http::StatusCode,
) -> Result<Response, AppError> {
    let accounts = state.store().accounts_in_area(area.id).await?;
    let users = user_rows(state, lang, signed, area, &accounts).await?;
    let roles = invitable(state, lang, signed, area).await?;
    let (message, is_problem) = message.map_or((None, false), |(m, p)| (Some(m), p));
    let html = Page::new(state, lang, path)
        .title(format!(
            "{} – {}",
            state.translations().text(lang, "admin-users-title", None),
            area.name
        ))
        .nav("admin")
        .render(
            "admin_users.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                users,
                roles,
                form,
                message,
                is_problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// An area's users and the invitation form.
pub(crate) async fn users(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    Query(query): Query<UsersQuery>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let message = query.pozvano.map(|email| {
        let mut args = FluentArgs::new();
        args.set("email", email);
        (
            state
                .translations()
                .text(lang, "admin-invited", Some(&args)),
            false,
        )
    });
    users_page(
        &state,
        lang,
        &signed,
        &area,
        &path_of(&uri),
        &InviteForm::default(),
        message,
        axum::http::StatusCode::OK,
    )
    .await
}

/// Invites someone to a role in the area: a new account gets a link to set its password; an
/// existing one gets the role and a notice.
pub(crate) async fn invite(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    form: Result<Form<InviteForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let signed = signed_post(&state, &headers, &form.csrf).await?;
    let area = load_area(&state, &slug).await?;
    let users_path = format!("{ADMIN_HOME}/{}/uzivatele", area.slug);
    let role = Role::from_key(&form.role).map_err(|e| AppError::BadRequest(e.to_string()))?;
    check(&state, &signed, &Action::Invite(role), &area).await?;
    let t = state.translations();
    let problem = |key: &str| Some((t.text(lang, key, None), true));
    let email = Email::parse(&form.email);
    let name = clean_name(&form.jmeno);
    let organization = if role == Role::ProviderEditor {
        Ico::parse(&form.ico).map(Some).map_err(|_| ())
    } else {
        Ok(None)
    };
    let parsed = match (email, name, organization) {
        (Err(_), _, _) => Err("admin-invite-email"),
        (_, Err(_), _) => Err("admin-invite-name"),
        (_, _, Err(())) => Err("admin-invite-ico-invalid"),
        (Ok(email), Ok(name), Ok(ico)) => Grant::new(role, Some(area.id), ico)
            .map(|grant| (email, name, grant))
            .map_err(|_| "admin-invite-ico-invalid"),
    };
    let (email, name, grant) = match parsed {
        Ok(parsed) => parsed,
        Err(key) => {
            return users_page(
                &state,
                lang,
                &signed,
                &area,
                &users_path,
                &form,
                problem(key),
                axum::http::StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let mut args = FluentArgs::new();
    args.set("area", area.name.clone());
    args.set("role", role_label(&state, lang, role));
    args.set("inviter", signed.account.name.clone());
    match state.store().login_record(&email).await? {
        Some(existing) => {
            state.store().add_grant(existing.account.id, &grant).await?;
            let base = state.config().public_base();
            args.set("link", format!("{base}/prihlaseni"));
            send_mail(
                &state,
                &email,
                &t.text(lang, "mail-role-subject", Some(&args)),
                &t.text(lang, "mail-role-body", Some(&args)),
            )
            .await;
        }
        None => {
            let now = chrono::Utc::now();
            let id = state
                .store()
                .create_account(&email, &name, None, std::slice::from_ref(&grant), now)
                .await?;
            let valid = state.config().accounts.invitation_valid;
            let link = issue_token(
                &state,
                id,
                Some(signed.account.id),
                TokenPurpose::Invitation,
                valid,
            )
            .await?;
            args.set("link", link);
            args.set("days", (valid.as_secs() / 86_400).max(1));
            send_mail(
                &state,
                &email,
                &t.text(lang, "mail-invitation-subject", Some(&args)),
                &t.text(lang, "mail-invitation-body", Some(&args)),
            )
            .await;
        }
    }
    tracing::info!(by = signed.account.id.0, role = role.key(), area = %area.slug, "invitation sent");
    let detail = format!("{email} {}", role.key());
    audit(&state, &signed, &area, "account.invite", Some(&detail)).await?;
    Ok(Redirect::to(&format!(
        "{users_path}?pozvano={}",
        encode_query_value(email.as_str())
    ))
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RevokeForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    ico: String,
    #[serde(default)]
    csrf: String,
}

/// The account `id` if it holds a role in the area (accounts elsewhere are not reachable here).
async fn account_in(state: &AppState, area: &Area, id: i64) -> Result<Account, AppError> {
    state
        .store()
        .accounts_in_area(area.id)
        .await?
        .into_iter()
        .find(|a| a.id.0 == id)
        .ok_or(AppError::NotFound)
}

/// Takes a role in the area away (whoever may give the role may take it back).
pub(crate) async fn revoke(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<RevokeForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let signed = signed_post(&state, &headers, &form.csrf).await?;
    let area = load_area(&state, &slug).await?;
    let role = Role::from_key(&form.role).map_err(|e| AppError::BadRequest(e.to_string()))?;
    check(&state, &signed, &Action::Invite(role), &area).await?;
    let target = account_in(&state, &area, id).await?;
    let organization = match form.ico.trim() {
        "" => None,
        ico => Some(Ico::parse(ico).map_err(|e| AppError::BadRequest(e.to_string()))?),
    };
    let grant = Grant {
        role,
        area: Some(area.id),
        organization,
    };
    if state.store().remove_grant(target.id, &grant).await? {
        let detail = format!("{} {}", target.email, role.key());
        audit(&state, &signed, &area, "account.revoke", Some(&detail)).await?;
    }
    Ok(Redirect::to(&format!("{ADMIN_HOME}/{}/uzivatele", area.slug)).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ActiveForm {
    #[serde(default)]
    aktivni: String,
    #[serde(default)]
    csrf: String,
}

/// Deactivates (its sessions end, it cannot log in) or reactivates an account.
pub(crate) async fn set_active(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<ActiveForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManageUsers).await?;
    let target = account_in(&state, &area, id).await?;
    let areas = state.store().areas().await?;
    if !may_switch(&state, &signed, &target, &areas).await? {
        return Err(AppError::Forbidden);
    }
    let active = match form.aktivni.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("aktivni".into())),
    };
    state.store().set_account_active(target.id, active).await?;
    let action = if active {
        "account.activate"
    } else {
        "account.deactivate"
    };
    audit(&state, &signed, &area, action, Some(target.email.as_str())).await?;
    Ok(Redirect::to(&format!("{ADMIN_HOME}/{}/uzivatele", area.slug)).into_response())
}

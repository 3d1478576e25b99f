//! Keeping the catalogue true: an area's services with their freshness, the edit form of a
//! service (a provider editor's changes become a proposal; a coordinator's apply at once),
//! "everything is still correct", the history of a service with restore, and the moderation
//! queue of proposals and error reports. Every handler checks the policy on the server.

use axum::Form;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::account::{AccountId, Email};
use souhra_core::area::Area;
use souhra_core::catalogue::{FieldValue, Ico, LocalField};
use souhra_core::policy::{Action, Within, allows};
use souhra_store::history::{ChangeSource, FieldChange, REGISTRY_FIELD, ServiceChange};
use souhra_store::records::{ServiceDetail, ServiceId};

use super::account::{TokenForm, send_mail};
use super::admin::{area_page, area_post, chain, notify_moderators, require};
use super::{load_area, path_of};
use crate::auth::{Signed, private, signed_post};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

/// Records not confirmed for this long count as stale (and `souhra remind` asks about them).
pub const STALE_AFTER_DAYS: i64 = 183;

/// What the signed-in account may do with a service in an area.
struct Rights {
    moderate: bool,
    edit: bool,
}

async fn rights(
    state: &AppState,
    signed: &Signed,
    area: &Area,
    organization: Option<&Ico>,
) -> Result<Rights, AppError> {
    let parents = chain(state, area).await?;
    let within = Some(Within {
        area: area.id,
        parents: &parents,
    });
    let grants = &signed.account.grants;
    let moderate = allows(grants, &Action::Moderate, within);
    let edit = moderate
        || organization
            .is_some_and(|ico| allows(grants, &Action::EditOrganization(ico.clone()), within));
    Ok(Rights { moderate, edit })
}

/// A request about one service of an area that the account may edit: the session, the area,
/// the service and what the account may do with it.
struct ServiceContext {
    signed: Signed,
    area: Area,
    detail: ServiceDetail,
    rights: Rights,
}

/// The service `id` of the area, for `signed`: 404 when it does not serve the area, 403 when
/// the account may not edit it.
async fn editable_service(
    state: &AppState,
    signed: Signed,
    area: Area,
    id: i64,
) -> Result<ServiceContext, AppError> {
    let detail = service_in(state, &area, id).await?;
    let rights = rights(
        state,
        &signed,
        &area,
        detail.organization.organization.ico.as_ref(),
    )
    .await?;
    if !rights.edit {
        return Err(AppError::Forbidden);
    }
    Ok(ServiceContext {
        signed,
        area,
        detail,
        rights,
    })
}

/// A page about one service (the redirect to the login page without a session).
async fn service_get(
    state: &AppState,
    headers: &HeaderMap,
    uri: &OriginalUri,
    slug: &str,
    id: i64,
) -> Result<Result<ServiceContext, Response>, AppError> {
    let signed = match require(state, headers, uri).await? {
        Ok(signed) => signed,
        Err(redirect) => return Ok(Err(redirect)),
    };
    let area = load_area(state, slug).await?;
    editable_service(state, signed, area, id).await.map(Ok)
}

/// The service `id` if it serves the area (404 otherwise: ids from other areas are not
/// reachable through this one).
async fn service_in(state: &AppState, area: &Area, id: i64) -> Result<ServiceDetail, AppError> {
    if !state
        .store()
        .service_serves_area(area.id, ServiceId(id))
        .await?
    {
        return Err(AppError::NotFound);
    }
    state
        .store()
        .service(ServiceId(id))
        .await?
        .ok_or(AppError::NotFound)
}

fn days_since(at: Option<DateTime<Utc>>) -> Option<i64> {
    at.map(|at| (Utc::now() - at).num_days().max(0))
}

#[derive(Serialize)]
struct ServiceRow {
    id: i64,
    name: String,
    kind: String,
    provider: String,
    verified: Option<String>,
    stale: bool,
    editable: bool,
}

#[derive(Serialize)]
struct ProviderRow {
    name: String,
    services: usize,
    stale: usize,
}

/// The area's services that this account reaches, with their freshness (the freshness
/// dashboard per provider above them).
pub(crate) async fn services(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let labels = state.labels();
    let summaries = state.store().services_in_area(area.id).await?;
    let parents = chain(&state, &area).await?;
    let within = Some(Within {
        area: area.id,
        parents: &parents,
    });
    let grants = &signed.account.grants;
    let moderate = allows(grants, &Action::Moderate, within);
    // Whether this account may edit each provider's services, asked once per provider.
    let mut editable: std::collections::HashMap<i64, bool> = std::collections::HashMap::new();
    let mut rows = Vec::new();
    for s in summaries
        .iter()
        .filter(|s| s.status != souhra_core::catalogue::ServiceStatus::Ended)
    {
        let may_edit = match editable.get(&s.organization_id) {
            Some(known) => *known,
            None => {
                let ico = state
                    .store()
                    .organization(s.organization_id)
                    .await?
                    .and_then(|o| o.organization.ico);
                let may = moderate
                    || ico
                        .is_some_and(|ico| allows(grants, &Action::EditOrganization(ico), within));
                editable.insert(s.organization_id, may);
                may
            }
        };
        let days = days_since(s.verified_at);
        rows.push(ServiceRow {
            id: s.id.0,
            name: s.name.clone(),
            kind: labels.label(souhra_core::codelist::Codelist::ServiceKind, &s.kind),
            provider: s.organization.clone(),
            verified: s.verified_at.map(|at| lang.format_date(at.date_naive())),
            stale: days.is_none_or(|d| d > STALE_AFTER_DAYS),
            editable: may_edit,
        });
    }
    // A provider editor sees its own services first (and only those are editable).
    let mut providers: Vec<ProviderRow> = Vec::new();
    for row in &rows {
        match providers.iter_mut().find(|p| p.name == row.provider) {
            Some(p) => {
                p.services += 1;
                p.stale += usize::from(row.stale);
            }
            None => providers.push(ProviderRow {
                name: row.provider.clone(),
                services: 1,
                stale: usize::from(row.stale),
            }),
        }
    }
    providers.sort_by(|a, b| b.stale.cmp(&a.stale).then_with(|| a.name.cmp(&b.name)));
    rows.sort_by_key(|r| std::cmp::Reverse(r.editable));
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(format!(
            "{} – {}",
            state
                .translations()
                .text(lang, "admin-services-title", None),
            area.name
        ))
        .nav("admin")
        .render(
            "admin_services.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                rows,
                providers,
                moderate,
                stale_months => STALE_AFTER_DAYS / 30,
            },
        )?;
    Ok(private(html.into_response()))
}

#[derive(Serialize)]
struct FieldInput {
    key: &'static str,
    value: String,
    list: bool,
    max: usize,
}

fn field_inputs(values: &[(LocalField, String)]) -> Vec<FieldInput> {
    values
        .iter()
        .map(|(field, value)| FieldInput {
            key: field.key(),
            value: value.clone(),
            list: field.is_list(),
            max: field.max_chars(),
        })
        .collect()
}

#[derive(Serialize)]
struct ProposalView {
    at: String,
    status: &'static str,
    reason: Option<String>,
    fields: Vec<&'static str>,
}

async fn edit_page(
    state: &AppState,
    lang: Lang,
    ctx: &ServiceContext,
    inputs: &[(LocalField, String)],
    message: Option<(String, bool)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (signed, area, detail, rights) = (&ctx.signed, &ctx.area, &ctx.detail, &ctx.rights);
    let proposals: Vec<ProposalView> = state
        .store()
        .proposals_of_service(detail.id)
        .await?
        .into_iter()
        // An editor sees only what its own account proposed; moderators see all.
        .filter(|p| rights.moderate || p.proposed_by == Some(signed.account.id))
        .map(|p| ProposalView {
            at: lang.format_date(p.proposed_at.date_naive()),
            status: p.status.key(),
            reason: p.reason,
            fields: p.fields.iter().map(|(f, _)| f.key()).collect(),
        })
        .collect();
    let (message, is_problem) = message.map_or((None, false), |(m, p)| (Some(m), p));
    let path = format!("/sprava/{}/sluzba/{}", area.slug, detail.id.0);
    let html = Page::new(state, lang, &path)
        .title(detail.name.clone())
        .nav("admin")
        .render(
            "admin_service.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                id => detail.id.0,
                name => detail.name,
                provider => detail.organization.organization.name,
                verified => detail.verified_at.map(|at| lang.format_date(at.date_naive())),
                fields => field_inputs(inputs),
                moderate => rights.moderate,
                proposals,
                message,
                is_problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

fn current_inputs(detail: &ServiceDetail) -> Vec<(LocalField, String)> {
    LocalField::ALL
        .into_iter()
        .map(|f| (f, detail.value_of(f).as_input()))
        .collect()
}

/// The edit form of one service.
pub(crate) async fn edit_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let ctx = match service_get(&state, &headers, &uri, &slug, id).await? {
        Ok(ctx) => ctx,
        Err(redirect) => return Ok(redirect),
    };
    let message = match uri.0.query() {
        Some("stav=navrzeno") => Some("admin-proposed"),
        Some("stav=ulozeno") => Some("admin-saved"),
        Some("stav=overeno") => Some("admin-verified-now"),
        Some("stav=beze-zmen") => Some("admin-unchanged"),
        _ => None,
    }
    .map(|key| (state.translations().text(lang, key, None), false));
    edit_page(
        &state,
        lang,
        &ctx,
        &current_inputs(&ctx.detail),
        message,
        StatusCode::OK,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EditForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    fees: String,
    #[serde(default)]
    web: String,
    #[serde(default)]
    emails: String,
    #[serde(default)]
    phones: String,
    #[serde(default)]
    zprava: String,
    #[serde(default)]
    csrf: String,
}

impl EditForm {
    fn input(&self, field: LocalField) -> &str {
        match field {
            LocalField::Name => &self.name,
            LocalField::Description => &self.description,
            LocalField::Fees => &self.fees,
            LocalField::Web => &self.web,
            LocalField::Emails => &self.emails,
            LocalField::Phones => &self.phones,
        }
    }
}

/// A POST about one service of the area: the session (its form token checked), the area and
/// the service, which must serve the area and be editable by the account.
async fn service_post(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
    slug: &str,
    id: i64,
) -> Result<ServiceContext, AppError> {
    let signed = signed_post(state, headers, csrf).await?;
    let area = load_area(state, slug).await?;
    editable_service(state, signed, area, id).await
}

/// Saves the edit form: a coordinator's changes apply at once (and are recorded); a provider
/// editor's wait in the queue as a proposal.
pub(crate) async fn edit_submit(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<EditForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let ctx = service_post(&state, &headers, &form.csrf, &slug, id).await?;
    let (signed, area, detail) = (&ctx.signed, &ctx.area, &ctx.detail);
    let inputs: Vec<(LocalField, String)> = LocalField::ALL
        .into_iter()
        .map(|f| (f, form.input(f).to_owned()))
        .collect();
    let mut changed: Vec<(LocalField, FieldValue)> = Vec::new();
    for field in LocalField::ALL {
        match field.parse_input(form.input(field)) {
            Ok(value) if value != detail.value_of(field) => changed.push((field, value)),
            Ok(_) => {}
            Err(error) => {
                let mut args = FluentArgs::new();
                args.set(
                    "field",
                    state
                        .translations()
                        .text(lang, &format!("field-{}", error.field.key()), None),
                );
                let text = state
                    .translations()
                    .text(lang, "admin-field-invalid", Some(&args));
                return edit_page(
                    &state,
                    lang,
                    &ctx,
                    &inputs,
                    Some((text, true)),
                    StatusCode::BAD_REQUEST,
                )
                .await;
            }
        }
    }
    let back = format!("/sprava/{}/sluzba/{id}", area.slug);
    if changed.is_empty() {
        return Ok(Redirect::to(&format!("{back}?stav=beze-zmen")).into_response());
    }
    let now = Utc::now();
    let note = form.zprava.trim();
    let note = (!note.is_empty()).then(|| note.chars().take(1_000).collect::<String>());
    if ctx.rights.moderate {
        let values: Vec<(LocalField, Option<FieldValue>)> =
            changed.into_iter().map(|(f, v)| (f, Some(v))).collect();
        state
            .store()
            .change_service(
                detail.id,
                &values,
                &ServiceChange {
                    by: Some(signed.account.id),
                    area: Some(area.id),
                    source: ChangeSource::Edit,
                    note: note.as_deref(),
                    at: now,
                },
            )
            .await?;
        return Ok(Redirect::to(&format!("{back}?stav=ulozeno")).into_response());
    }
    state
        .store()
        .propose_change(
            detail.id,
            Some(area.id),
            &changed,
            note.as_deref(),
            Some(signed.account.id),
            now,
        )
        .await?;
    let mut args = FluentArgs::new();
    args.set("service", detail.name.clone());
    args.set("who", signed.account.name.clone());
    notify_moderators(
        &state,
        area,
        "mail-proposal-subject",
        "mail-proposal-body",
        args,
    )
    .await?;
    Ok(Redirect::to(&format!("{back}?stav=navrzeno")).into_response())
}

/// "Everything is still correct": sets the service's verification date.
pub(crate) async fn verify(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let ServiceContext {
        signed,
        area,
        detail,
        ..
    } = service_post(&state, &headers, &form.csrf, &slug, id).await?;
    state
        .store()
        .verify_service(
            detail.id,
            &ServiceChange {
                by: Some(signed.account.id),
                area: Some(area.id),
                source: ChangeSource::Verification,
                note: None,
                at: Utc::now(),
            },
        )
        .await?;
    Ok(Redirect::to(&format!("/sprava/{}/sluzba/{id}?stav=overeno", area.slug)).into_response())
}

#[derive(Serialize)]
struct FieldChangeView {
    field: String,
    before: String,
    after: String,
}

#[derive(Serialize)]
struct ChangeView {
    id: i64,
    at: String,
    who: String,
    source: &'static str,
    note: Option<String>,
    fields: Vec<FieldChangeView>,
}

fn shown(state: &AppState, lang: Lang, value: Option<&FieldValue>) -> String {
    match value {
        None => state
            .translations()
            .text(lang, "history-registry-value", None),
        Some(FieldValue::Text(None)) => String::new(),
        Some(v) => v.as_input().replace('\n', ", "),
    }
}

/// A changed field as the history shows it: a registry field (`registry.<field>`) is labelled as
/// the registry's, and a status is named, not keyed.
fn change_view(state: &AppState, lang: Lang, change: &FieldChange) -> FieldChangeView {
    let t = state.translations();
    let label = |field: &str| t.text(lang, &format!("field-{}", field.replace('_', "-")), None);
    match change.field.strip_prefix(REGISTRY_FIELD) {
        Some(field) => {
            let value = |v: Option<&FieldValue>| match (field, v) {
                ("status", Some(FieldValue::Text(Some(key)))) => {
                    t.text(lang, &format!("service-status-{key}"), None)
                }
                (_, v) => shown(state, lang, v),
            };
            let mut args = FluentArgs::new();
            args.set("field", label(field));
            FieldChangeView {
                field: t.text(lang, "history-registry-field", Some(&args)),
                before: value(change.before.as_ref()),
                after: value(change.after.as_ref()),
            }
        }
        None => FieldChangeView {
            field: label(&change.field),
            before: shown(state, lang, change.before.as_ref()),
            after: shown(state, lang, change.after.as_ref()),
        },
    }
}

/// A service's history: every change with its fields before and after; moderators may bring
/// an earlier version back.
pub(crate) async fn history(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let ServiceContext {
        signed,
        area,
        detail,
        rights,
    } = match service_get(&state, &headers, &uri, &slug, id).await? {
        Ok(ctx) => ctx,
        Err(redirect) => return Ok(redirect),
    };
    let t = state.translations();
    let changes: Vec<ChangeView> = state
        .store()
        .service_history(detail.id)
        .await?
        .into_iter()
        .map(|set| ChangeView {
            id: set.id,
            at: format!(
                "{} {}",
                lang.format_date(set.at.date_naive()),
                set.at.format("%H:%M")
            ),
            who: match (set.account_name, set.account_email) {
                (Some(name), Some(email)) => format!("{name} ({email})"),
                _ => t.text(lang, "history-someone", None),
            },
            source: set.source.key(),
            note: set.note,
            fields: set
                .fields
                .iter()
                .map(|f| change_view(&state, lang, f))
                .collect(),
        })
        .collect();
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(format!(
            "{} – {}",
            t.text(lang, "history-title", None),
            detail.name
        ))
        .nav("admin")
        .render(
            "admin_history.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                id => detail.id.0,
                name => detail.name,
                changes,
                moderate => rights.moderate,
                csrf => signed.csrf,
                restored => uri.0.query() == Some("stav=obnoveno"),
            },
        )?;
    Ok(private(html.into_response()))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RestoreForm {
    #[serde(default)]
    verze: i64,
    #[serde(default)]
    csrf: String,
}

/// Brings back the version right after a change (moderators only).
pub(crate) async fn restore(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<RestoreForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let ServiceContext {
        signed,
        area,
        detail,
        rights,
    } = service_post(&state, &headers, &form.csrf, &slug, id).await?;
    if !rights.moderate {
        return Err(AppError::Forbidden);
    }
    let note = format!("{}", form.verze);
    let result = state
        .store()
        .restore_service(
            detail.id,
            form.verze,
            &ServiceChange {
                by: Some(signed.account.id),
                area: Some(area.id),
                source: ChangeSource::Restore,
                note: Some(&note),
                at: Utc::now(),
            },
        )
        .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!(
            "/sprava/{}/sluzba/{id}/historie?stav=obnoveno",
            area.slug
        ))
        .into_response()),
        Err(souhra_store::StoreError::NotFound(_)) => Err(AppError::NotFound),
        Err(other) => Err(other.into()),
    }
}

#[derive(Serialize)]
struct DiffRow {
    field: String,
    now: String,
    proposed: String,
}

#[derive(Serialize)]
struct QueueProposal {
    id: i64,
    service_id: i64,
    service_name: String,
    provider: String,
    at: String,
    by: String,
    message: Option<String>,
    diff: Vec<DiffRow>,
}

#[derive(Serialize)]
struct QueueReport {
    id: i64,
    service_id: i64,
    service_name: String,
    at: String,
    field: Option<String>,
    message: String,
    contact: Option<String>,
}

/// The area's moderation queue: proposals with a per-field diff, and error reports.
pub(crate) async fn queue(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::Moderate).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let t = state.translations();
    let field_name = |f: LocalField| t.text(lang, &format!("field-{}", f.key()), None);
    let mut proposals = Vec::new();
    for p in state.store().open_proposals(area.id).await? {
        let Some(detail) = state.store().service(p.service).await? else {
            continue;
        };
        let by = match p.proposed_by {
            Some(id) => state
                .store()
                .account(id)
                .await?
                .map(|a| format!("{} ({})", a.name, a.email)),
            None => None,
        };
        proposals.push(QueueProposal {
            id: p.id,
            service_id: detail.id.0,
            service_name: detail.name.clone(),
            provider: detail.organization.organization.name.clone(),
            at: lang.format_date(p.proposed_at.date_naive()),
            by: by.unwrap_or_else(|| t.text(lang, "history-someone", None)),
            message: p.message.clone(),
            diff: p
                .fields
                .iter()
                .map(|(f, v)| DiffRow {
                    field: field_name(*f),
                    now: detail.value_of(*f).as_input(),
                    proposed: v.as_input(),
                })
                .collect(),
        });
    }
    let mut reports = Vec::new();
    for r in state.store().open_reports_in(area.id).await? {
        let Some(detail) = state.store().service(r.service).await? else {
            continue;
        };
        reports.push(QueueReport {
            id: r.id,
            service_id: detail.id.0,
            service_name: detail.name.clone(),
            at: lang.format_date(r.created_at.date_naive()),
            field: r.report.field.map(field_name),
            message: r.report.message,
            contact: r.report.contact,
        });
    }
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(format!(
            "{} – {}",
            t.text(lang, "queue-title", None),
            area.name
        ))
        .nav("admin")
        .render(
            "admin_queue.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                proposals,
                reports,
                csrf => signed.csrf,
            },
        )?;
    Ok(private(html.into_response()))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct DecisionForm {
    #[serde(default)]
    rozhodnuti: String,
    #[serde(default)]
    duvod: String,
    #[serde(default)]
    csrf: String,
}

/// Approves or rejects a proposal (a rejection needs a reason); the proposer is told by mail.
pub(crate) async fn decide(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<DecisionForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::Moderate).await?;
    let proposal = state
        .store()
        .proposal(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if proposal.area != Some(area.id) {
        return Err(AppError::NotFound);
    }
    let approve = match form.rozhodnuti.as_str() {
        "schvalit" => true,
        "zamitnout" => false,
        _ => return Err(AppError::BadRequest("decision".into())),
    };
    let reason: String = form.duvod.trim().chars().take(2_000).collect();
    if !approve && reason.is_empty() {
        return Err(AppError::BadRequest("a rejection needs a reason".into()));
    }
    let decided = match state
        .store()
        .decide_proposal(
            id,
            approve,
            (!reason.is_empty()).then_some(reason.as_str()),
            signed.account.id,
            Utc::now(),
        )
        .await
    {
        Err(souhra_store::StoreError::Conflict(_)) => {
            return Ok(Redirect::to(&format!("/sprava/{}/fronta", area.slug)).into_response());
        }
        other => other?,
    };
    if let Some(proposer) = decided.proposed_by {
        notify_proposer(&state, lang, proposer, &decided.service, approve, &reason).await?;
    }
    Ok(Redirect::to(&format!("/sprava/{}/fronta", area.slug)).into_response())
}

async fn notify_proposer(
    state: &AppState,
    lang: Lang,
    proposer: AccountId,
    service: &ServiceId,
    approved: bool,
    reason: &str,
) -> Result<(), AppError> {
    let (Some(account), Some(detail)) = (
        state.store().account(proposer).await?,
        state.store().service(*service).await?,
    ) else {
        return Ok(());
    };
    let t = state.translations();
    let mut args = FluentArgs::new();
    args.set("service", detail.name.clone());
    args.set(
        "reason",
        if reason.is_empty() {
            t.text(lang, "mail-decision-no-reason", None)
        } else {
            reason.to_owned()
        },
    );
    let (subject, body) = if approved {
        ("mail-approved-subject", "mail-approved-body")
    } else {
        ("mail-rejected-subject", "mail-rejected-body")
    };
    let to: &Email = &account.email;
    send_mail(
        state,
        to,
        &t.text(lang, subject, Some(&args)),
        &t.text(lang, body, Some(&args)),
    )
    .await;
    Ok(())
}

/// Settles an error report: fixed, or not a mistake (with a reason).
pub(crate) async fn settle(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<DecisionForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::Moderate).await?;
    let reports = state.store().open_reports_in(area.id).await?;
    if !reports.iter().any(|r| r.id == id) {
        return Err(AppError::NotFound);
    }
    let resolved = match form.rozhodnuti.as_str() {
        "opraveno" => true,
        "zamitnout" => false,
        _ => return Err(AppError::BadRequest("decision".into())),
    };
    let reason: String = form.duvod.trim().chars().take(2_000).collect();
    state
        .store()
        .settle_error_report(
            id,
            resolved,
            (!reason.is_empty()).then_some(reason.as_str()),
            signed.account.id,
            Utc::now(),
        )
        .await?;
    Ok(Redirect::to(&format!("/sprava/{}/fronta", area.slug)).into_response())
}

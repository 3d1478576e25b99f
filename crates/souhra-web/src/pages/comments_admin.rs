//! Settling public comment in the administration: a plan's comment periods and every comment
//! (`/sprava/{area}/plan/{id}/pripominky`) with the settlement form (status, justification, the
//! element changed; saved with the revision it started from, so a second coordinator's save over
//! a newer one is refused with the saved one shown), moderation of abusive comments, erasure of
//! a commenter's personal data, closing a period early, and the area's rules for commenters.
//! Opening a period is a step of the plan's workflow (`planning::set_status`), which calls
//! [`open_period`] here.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::comment::{CommentRules, Identification, PeriodDates, PeriodState, Settlement};
use souhra_core::plan::{ElementKey, PlanStatus};
use souhra_core::policy::Action;
use souhra_store::StoreError;
use souhra_store::comment::{CommentId, SettlementInput, prague_day};
use souhra_store::plan::Plan;

use super::admin::{area_page, area_post};
use super::comments::{CommentView, comment_view, comments_href, labels_of, period_line};
use super::planning::{change, may, plan_in, text};
use crate::auth::{Signed, private};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

#[derive(Serialize)]
struct PeriodRow {
    id: i64,
    version: i64,
    line: String,
    running: bool,
    comments: usize,
    unsettled: usize,
}

#[derive(Serialize)]
struct VersionComments {
    number: i64,
    frozen: bool,
    /// The elements of the version, for the "changed element" choice.
    choices: Vec<(String, String)>,
    comments: Vec<CommentView>,
}

/// What a refused form shows.
#[derive(Default)]
struct Refused {
    problem: Option<String>,
    /// The comment the problem is about.
    comment: Option<i64>,
}

struct CommentsPage<'a> {
    lang: Lang,
    signed: &'a Signed,
    area: &'a Area,
    plan: &'a Plan,
}

impl CommentsPage<'_> {
    async fn render(
        &self,
        state: &AppState,
        refused: Refused,
        message: Option<String>,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let Self {
            lang,
            signed,
            area,
            plan,
        } = *self;
        let store = state.store();
        let periods = store.comment_periods(plan.id).await?;
        let comments = store.plan_comments(plan.id).await?;
        let manage = may(state, signed, area, &Action::ManagePlans).await?;
        let now = chrono::Utc::now();
        let period_rows: Vec<PeriodRow> = periods
            .iter()
            .map(|p| PeriodRow {
                id: p.id.0,
                version: p.version_number,
                line: period_line(state, lang, p),
                running: p.state(now) != PeriodState::Over,
                comments: comments.iter().filter(|c| c.period == p.id).count(),
                unsettled: comments
                    .iter()
                    .filter(|c| c.period == p.id && c.unsettled())
                    .count(),
            })
            .collect();
        let mut versions: Vec<VersionComments> = Vec::new();
        for version in plan.versions.iter().rev() {
            let of_version: Vec<_> = comments
                .iter()
                .filter(|c| c.version == version.id)
                .collect();
            if of_version.is_empty() {
                continue;
            }
            let elements = store.plan_elements(version.id).await?;
            let labels = labels_of(state, lang, &elements);
            versions.push(VersionComments {
                number: version.number,
                frozen: version.status.is_frozen(),
                choices: elements
                    .iter()
                    .map(|e| {
                        let key = e.key.to_string();
                        let label = labels.get(&key).cloned().unwrap_or_default();
                        (key, label)
                    })
                    .collect(),
                comments: of_version
                    .iter()
                    .map(|c| comment_view(state, lang, c, &labels, version.number))
                    .collect(),
            });
        }
        let rules = store.comment_rules(area.id).await?;
        let identifications: Vec<&str> = Identification::ALL.iter().map(|i| i.key()).collect();
        let settlements: Vec<&str> = Settlement::ALL.iter().map(|s| s.key()).collect();
        let html = Page::new(
            state,
            lang,
            &format!("/sprava/{}/plan/{}/pripominky", area.slug, plan.id.0),
        )
        .title(format!(
            "{} – {}",
            text(state, lang, "comments-title"),
            plan.title
        ))
        .nav("admin")
        .render(
            "admin_comments.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                id => plan.id.0,
                title => plan.title,
                periods => period_rows,
                versions,
                manage,
                rules,
                identifications,
                settlements,
                problem => refused.problem,
                problem_comment => refused.comment,
                message,
                public_href => comments_href(area.slug.as_str(), plan),
                csrf => signed.csrf,
            },
        )?;
        Ok(private((status, html).into_response()))
    }
}

impl CommentsPage<'_> {
    /// The page with a problem at the top (about comment `comment`, if any).
    async fn refuse(
        &self,
        state: &AppState,
        problem: String,
        comment: Option<i64>,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let refused = Refused {
            problem: Some(problem),
            comment,
        };
        self.render(state, refused, None, status).await
    }
}

/// `/sprava/{area}/plan/{id}/pripominky`.
pub(crate) async fn comments(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let plan = plan_in(&state, &area, id).await?;
    let message = match uri.0.query() {
        Some("stav=ulozeno") => Some(text(&state, lang, "admin-saved")),
        _ => None,
    };
    CommentsPage {
        lang,
        signed: &signed,
        area: &area,
        plan: &plan,
    }
    .render(&state, Refused::default(), message, StatusCode::OK)
    .await
}

/// The comment `id` of the area with its plan, or 404.
async fn comment_in(
    state: &AppState,
    area: &Area,
    id: i64,
) -> Result<(souhra_store::comment::Comment, Plan), AppError> {
    let comment = state
        .store()
        .comment(CommentId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = plan_in(state, area, comment.plan.0).await?;
    Ok((comment, plan))
}

fn back(area: &Area, plan: &Plan, comment: i64) -> Response {
    Redirect::to(&format!(
        "/sprava/{}/plan/{}/pripominky?stav=ulozeno#c{comment}",
        area.slug, plan.id.0
    ))
    .into_response()
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SettleForm {
    #[serde(default)]
    stav: String,
    #[serde(default)]
    oduvodneni: String,
    #[serde(default)]
    zmena: String,
    #[serde(default)]
    revize: i64,
    #[serde(default)]
    csrf: String,
}

/// Settles a comment and tells the commenter, when they asked for it.
pub(crate) async fn settle(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<SettleForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let (comment, plan) = comment_in(&state, &area, id).await?;
    let page = CommentsPage {
        lang,
        signed: &signed,
        area: &area,
        plan: &plan,
    };
    let refuse = |key: &str, status: StatusCode| {
        page.refuse(&state, text(&state, lang, key), Some(id), status)
    };
    let Ok(status) = Settlement::from_key(&form.stav) else {
        return refuse("settlement-choose", StatusCode::BAD_REQUEST).await;
    };
    let changed = match form.zmena.trim() {
        "" => None,
        key => Some(ElementKey::parse(key).map_err(|e| AppError::BadRequest(e.to_string()))?),
    };
    if souhra_core::comment::check_settlement(&form.oduvodneni).is_err() {
        return refuse("settlement-justification", StatusCode::BAD_REQUEST).await;
    }
    let input = SettlementInput {
        status,
        justification: form.oduvodneni.clone(),
        change: changed,
    };
    match state
        .store()
        .settle_comment(comment.id, form.revize, &input, change(&signed))
        .await
    {
        Ok(_) => {
            notify(&state, &area, &plan, comment.id).await?;
            Ok(back(&area, &plan, id))
        }
        Err(StoreError::Conflict(_)) => refuse("settlement-conflict", StatusCode::CONFLICT).await,
        Err(StoreError::Invalid(_)) => refuse("settlement-refused", StatusCode::BAD_REQUEST).await,
        Err(e) => Err(e.into()),
    }
}

/// Tells a commenter who asked for it how their comment was settled (in Czech, the language of
/// the plan), and records it.
async fn notify(state: &AppState, area: &Area, plan: &Plan, id: CommentId) -> Result<(), AppError> {
    let Some(comment) = state.store().comment(id).await? else {
        return Ok(());
    };
    let (Some(to), Some(settlement)) = (comment.notify_to(), comment.settlement.as_ref()) else {
        return Ok(());
    };
    let lang = Lang::Cs;
    let t = state.translations();
    let mut args = FluentArgs::new();
    args.set("plan", plan.title.clone());
    args.set("area", area.name.clone());
    args.set(
        "status",
        t.text(
            lang,
            &format!("settlement-{}", settlement.status.key()),
            None,
        ),
    );
    args.set("justification", settlement.justification.clone());
    args.set("comment", comment.body.clone());
    args.set(
        "link",
        format!(
            "{}{}#c{}",
            state.config().public_base(),
            comments_href(area.slug.as_str(), plan),
            id.0
        ),
    );
    let subject = t.text(lang, "mail-settled-subject", Some(&args));
    let body = t.text(lang, "mail-settled-body", Some(&args));
    match state.mailer().send(to, &subject, &body).await {
        Ok(()) => {
            state
                .store()
                .mark_comment_notified(id, chrono::Utc::now())
                .await?;
        }
        Err(error) => tracing::error!(%error, comment = id.0, "settlement notice not sent"),
    }
    Ok(())
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct HideForm {
    #[serde(default)]
    duvod: String,
    /// "skryt" hides, anything else shows again.
    #[serde(default)]
    akce: String,
    #[serde(default)]
    csrf: String,
}

/// Hides an abusive comment with its reason, or shows it again.
pub(crate) async fn hide(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<HideForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let (comment, plan) = comment_in(&state, &area, id).await?;
    let page = CommentsPage {
        lang,
        signed: &signed,
        area: &area,
        plan: &plan,
    };
    let reason = (form.akce == "skryt").then(|| form.duvod.trim().to_owned());
    let key = if reason.as_deref() == Some("") {
        "comment-hide-reason"
    } else {
        match state
            .store()
            .hide_comment(comment.id, reason.as_deref(), change(&signed))
            .await
        {
            Ok(()) => return Ok(back(&area, &plan, id)),
            Err(StoreError::Invalid(_)) => "settlement-refused",
            Err(e) => return Err(e.into()),
        }
    };
    page.refuse(
        &state,
        text(&state, lang, key),
        Some(id),
        StatusCode::BAD_REQUEST,
    )
    .await
}

/// Erases a commenter's personal data on request.
pub(crate) async fn erase(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<super::planning::TokenOnly>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let (comment, plan) = comment_in(&state, &area, id).await?;
    state
        .store()
        .erase_commenter(comment.id, change(&signed))
        .await?;
    Ok(back(&area, &plan, id))
}

/// Closes the plan's running comment periods before their last day.
pub(crate) async fn close(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<super::planning::TokenOnly>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let plan = plan_in(&state, &area, id).await?;
    let now = chrono::Utc::now();
    for period in state.store().comment_periods(plan.id).await? {
        if period.closed_at.is_none() && period.state(now) != PeriodState::Over {
            state
                .store()
                .close_comment_period(period.id, change(&signed))
                .await?;
        }
    }
    Ok(Redirect::to(&format!(
        "/sprava/{}/plan/{}/pripominky?stav=ulozeno",
        area.slug, plan.id.0
    ))
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RulesForm {
    #[serde(default)]
    dni: String,
    #[serde(default)]
    identifikace: String,
    #[serde(default)]
    souhlas: String,
    /// The plan whose comment page the form was sent from.
    #[serde(default)]
    plan: i64,
    #[serde(default)]
    csrf: String,
}

/// Saves the area's rules for commenters.
pub(crate) async fn save_rules(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    form: Result<Form<RulesForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let plan = plan_in(&state, &area, form.plan).await?;
    let identification = Identification::from_key(&form.identifikace)
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    let rules = form
        .dni
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|days| CommentRules::new(days, identification, &form.souhlas).ok());
    let Some(rules) = rules else {
        let mut args = FluentArgs::new();
        args.set("min", souhra_core::comment::MIN_DAYS_RANGE.0);
        args.set("max", souhra_core::comment::MIN_DAYS_RANGE.1);
        let problem = state
            .translations()
            .text(lang, "comment-rules-invalid", Some(&args));
        return CommentsPage {
            lang,
            signed: &signed,
            area: &area,
            plan: &plan,
        }
        .refuse(&state, problem, None, StatusCode::BAD_REQUEST)
        .await;
    };
    state
        .store()
        .set_comment_rules(area.id, &rules, change(&signed))
        .await?;
    Ok(Redirect::to(&format!(
        "/sprava/{}/plan/{}/pripominky?stav=ulozeno",
        area.slug, plan.id.0
    ))
    .into_response())
}

/// What the plan's page needs to offer the comment step: the default first and last day.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PeriodDefaults {
    pub from: String,
    pub to: String,
    pub min_days: i64,
}

/// The default period of an area: from today for its shortest length.
pub(crate) async fn period_defaults(
    state: &AppState,
    area: &Area,
) -> Result<PeriodDefaults, AppError> {
    let rules = state.store().comment_rules(area.id).await?;
    let from = prague_day(chrono::Utc::now());
    let to = from + chrono::Days::new(u64::try_from(rules.min_days - 1).unwrap_or(0));
    Ok(PeriodDefaults {
        from: from.to_string(),
        to: to.to_string(),
        min_days: rules.min_days,
    })
}

/// Opens a comment period on the plan's newest version from the workflow form's dates (blank:
/// the defaults) and invites the area's group members by e-mail. `Err` holds the translated
/// reason of a refusal.
pub(crate) async fn open_period(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    plan: &Plan,
    (from, to, announcement): (&str, &str, &str),
) -> Result<Result<(), String>, AppError> {
    let Some(version) = plan.latest() else {
        return Err(AppError::NotFound);
    };
    let defaults = period_defaults(state, area).await?;
    let date = |typed: &str, default: &str| {
        let typed = if typed.trim().is_empty() {
            default
        } else {
            typed.trim()
        };
        NaiveDate::parse_from_str(typed, "%Y-%m-%d").ok()
    };
    let tr = state.translations();
    let (Some(from), Some(to)) = (date(from, &defaults.from), date(to, &defaults.to)) else {
        return Ok(Err(tr.text(lang, "comment-period-dates", None)));
    };
    let today = prague_day(chrono::Utc::now());
    if let Err(e) = PeriodDates::new(from, to, today, defaults.min_days) {
        use souhra_core::comment::CommentError as E;
        let mut args = FluentArgs::new();
        args.set("min", defaults.min_days);
        args.set("max", souhra_core::comment::MAX_DAYS);
        let key = match e {
            E::EndBeforeStart { .. } => "comment-period-reversed",
            E::TooShort { .. } => "comment-period-short",
            E::TooLong { .. } => "comment-period-long",
            _ => "comment-period-past",
        };
        return Ok(Err(tr.text(lang, key, Some(&args))));
    }
    if version.status != PlanStatus::Draft {
        return Ok(Err(tr.text(lang, "planning-refused", None)));
    }
    let announcement = Some(announcement).filter(|a| !a.trim().is_empty());
    state
        .store()
        .open_comment_period(version.id, from, to, announcement, change(signed))
        .await?;
    invite_groups(state, area, plan, from, to).await?;
    Ok(Ok(()))
}

/// E-mails the members of the area's groups (with an address, in their term) that the plan is
/// out for comment.
async fn invite_groups(
    state: &AppState,
    area: &Area,
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(), AppError> {
    let lang = Lang::Cs;
    let t = state.translations();
    let mut args = FluentArgs::new();
    args.set("plan", plan.title.clone());
    args.set("area", area.name.clone());
    args.set("from", lang.format_date(from));
    args.set("to", lang.format_date(to));
    args.set(
        "link",
        format!(
            "{}{}",
            state.config().public_base(),
            comments_href(area.slug.as_str(), plan)
        ),
    );
    let subject = t.text(lang, "mail-comment-period-subject", Some(&args));
    let body = t.text(lang, "mail-comment-period-body", Some(&args));
    let today = prague_day(chrono::Utc::now());
    let mut sent: HashMap<String, ()> = HashMap::new();
    for group in state.store().groups_of_area(area.id).await? {
        for member in state.store().members(group.id).await? {
            let Some(email) = member
                .email
                .as_deref()
                .and_then(|e| souhra_core::account::Email::parse(e).ok())
            else {
                continue;
            };
            if !souhra_core::group::in_term(member.term_from, member.term_to, today)
                || sent.insert(email.as_str().to_owned(), ()).is_some()
            {
                continue;
            }
            super::account::send_mail(state, &email, &subject, &body).await;
        }
    }
    Ok(())
}

/// The reason an approval must wait for the public comment, translated, if it must.
pub(crate) async fn approval_blocked(
    state: &AppState,
    lang: Lang,
    plan: &Plan,
) -> Result<Option<String>, AppError> {
    let Some(version) = plan.latest() else {
        return Ok(None);
    };
    let now = chrono::Utc::now();
    let periods = state.store().comment_periods(plan.id).await?;
    let tr = state.translations();
    if let Some(running) = periods
        .iter()
        .find(|p| p.version == version.id && p.state(now) != PeriodState::Over)
    {
        let mut args = FluentArgs::new();
        args.set("to", lang.format_date(running.dates.to));
        return Ok(Some(tr.text(lang, "comment-approval-running", Some(&args))));
    }
    let open = state
        .store()
        .plan_comments(plan.id)
        .await?
        .iter()
        .filter(|c| c.version == version.id && c.unsettled())
        .count();
    if open > 0 {
        let mut args = FluentArgs::new();
        args.set("count", open);
        return Ok(Some(tr.text(
            lang,
            "comment-approval-unsettled",
            Some(&args),
        )));
    }
    Ok(None)
}

//! Public comment on a draft plan: the comment page of a plan (`/{area}/plan/{id}/pripominky`:
//! the period, its announcement, the text as published, element by element, with the comments
//! made and how they were settled) and the comment form (`…/pripominka`, anyone, without an
//! account too: form token, honeypot, rate limit; the area's rules say whether a name and an
//! e-mail are required). E-mail addresses are never shown; a commenter who did not want to be
//! named shows as "the public".

use std::collections::HashMap;
use std::net::IpAddr;

use axum::Form;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::comment::{Author, CommentError, CommentText, PeriodState};
use souhra_core::plan::{ElementKey, ElementKind};
use souhra_store::comment::{Comment, CommentPeriod, NewComment, PlanText};
use souhra_store::plan::{Element, Plan};

use super::plans::{numbers, plan_href};
use super::service::{form_token_ok, random_token, with_form_token};
use super::{load_area, path_of};
use crate::auth::signed_in;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::markdown::to_html;
use crate::middleware::ClientIp;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// The label of an element as people see it: "Opatření 1.2.3: title".
pub(crate) fn element_label(
    state: &AppState,
    lang: Lang,
    kind: ElementKind,
    number: &str,
    title: &str,
) -> String {
    let kind = state
        .translations()
        .text(lang, &format!("planning-kind-{}", kind.key()), None);
    format!("{kind} {number}: {title}")
}

/// A comment as shown.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CommentView {
    pub id: i64,
    /// The published name, or "the public".
    pub author: String,
    pub date: String,
    pub element: Option<String>,
    /// The element's label when the comment was made.
    pub element_label: Option<String>,
    pub body: String,
    pub proposal: Option<String>,
    pub settlement: Option<&'static str>,
    pub justification: Option<String>,
    /// The label of the element changed because of it.
    pub change: Option<String>,
    pub hidden: Option<String>,
    pub erased: bool,
    pub version: i64,
    pub revision: i64,
}

/// The view of `comment`, the element labels of its version by key.
pub(crate) fn comment_view(
    state: &AppState,
    lang: Lang,
    comment: &Comment,
    labels: &HashMap<String, String>,
    version_number: i64,
) -> CommentView {
    let public = state.translations().text(lang, "comment-public", None);
    let settlement = comment.settlement.as_ref();
    CommentView {
        id: comment.id.0,
        author: comment.author.public_name().unwrap_or(public),
        date: lang.format_date(souhra_store::comment::prague_day(comment.submitted_at)),
        element: comment.element.as_ref().map(ToString::to_string),
        element_label: comment.element_label.clone().or_else(|| {
            comment
                .element
                .as_ref()
                .and_then(|k| labels.get(k.as_str()).cloned())
        }),
        body: comment.body.clone(),
        proposal: comment.proposal.clone(),
        settlement: settlement.map(|s| s.status.key()),
        justification: settlement.map(|s| s.justification.clone()),
        change: settlement.and_then(|s| s.change.as_ref()).map(|k| {
            labels
                .get(k.as_str())
                .cloned()
                .unwrap_or_else(|| k.to_string())
        }),
        hidden: comment.hidden.clone(),
        erased: comment.erased_at.is_some(),
        version: version_number,
        revision: comment.revision,
    }
}

/// An element of a published text as shown on the comment page.
#[derive(Serialize)]
struct TextElement {
    key: String,
    label: String,
    level: u8,
    html: String,
    facts: Vec<(String, String)>,
    comments: Vec<CommentView>,
}

/// The labels of a text's elements by key.
pub(crate) fn labels_of(
    state: &AppState,
    lang: Lang,
    elements: &[Element],
) -> HashMap<String, String> {
    let number = numbers(elements);
    elements
        .iter()
        .map(|e| {
            let n = number.get(&e.key).cloned().unwrap_or_default();
            (
                e.key.to_string(),
                element_label(state, lang, e.kind, &n, &e.title),
            )
        })
        .collect()
}

/// The newest comment period of a plan, with its published text, or 404.
async fn newest_period(
    state: &AppState,
    plan: &Plan,
) -> Result<(CommentPeriod, PlanText), AppError> {
    let period = state
        .store()
        .comment_periods(plan.id)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let text = state
        .store()
        .published_text(period.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((period, text))
}

/// The plan of an `{id}-{slug}` segment of the area, or 404.
async fn plan_of(
    state: &AppState,
    slug: &str,
    id_and_slug: &str,
) -> Result<(Area, Plan), AppError> {
    let area = load_area(state, slug).await?;
    let id = super::id_of_segment(id_and_slug)?;
    let plan = super::planning::plan_in(state, &area, id).await?;
    Ok((area, plan))
}

/// The address of a plan's comment page.
pub(crate) fn comments_href(area: &str, plan: &Plan) -> String {
    format!("{}/pripominky", plan_href(area, plan.id.0, &plan.title))
}

/// The dates and state of a period as a sentence.
pub(crate) fn period_line(state: &AppState, lang: Lang, period: &CommentPeriod) -> String {
    let mut args = FluentArgs::new();
    args.set("from", lang.format_date(period.dates.from));
    args.set("to", lang.format_date(period.dates.to));
    let key = format!("comment-period-{}", period.state(chrono::Utc::now()).key());
    state.translations().text(lang, &key, Some(&args))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    #[serde(default)]
    stav: String,
}

/// `/{area}/plan/{id}-{slug}/pripominky`.
pub(crate) async fn comment_page(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    Query(query): Query<PageQuery>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (area, plan) = plan_of(&state, &slug, &id_and_slug).await?;
    let area_slug = area.slug.to_string();
    let (period, text) = newest_period(&state, &plan).await?;
    let open = period.state(chrono::Utc::now()) == PeriodState::Open;
    let labels = labels_of(&state, lang, &text.elements);
    let mut by_element: HashMap<Option<String>, Vec<CommentView>> = HashMap::new();
    let comments = state.store().plan_comments(plan.id).await?;
    let count = comments
        .iter()
        .filter(|c| c.version == period.version && c.hidden.is_none())
        .count();
    for c in comments
        .iter()
        .filter(|c| c.version == period.version && c.hidden.is_none())
    {
        by_element
            .entry(c.element.as_ref().map(ToString::to_string))
            .or_default()
            .push(comment_view(
                &state,
                lang,
                c,
                &labels,
                period.version_number,
            ));
    }
    let elements: Vec<TextElement> = text
        .elements
        .iter()
        .map(|e| TextElement {
            key: e.key.to_string(),
            label: labels.get(e.key.as_str()).cloned().unwrap_or_default(),
            level: match e.kind {
                ElementKind::Chapter | ElementKind::Priority | ElementKind::NetworkEntry => 2,
                ElementKind::Goal => 3,
                ElementKind::Measure => 4,
                ElementKind::Activity => 5,
            },
            html: e.body.as_deref().map(to_html).unwrap_or_default(),
            facts: match e.kind {
                ElementKind::Measure => super::plans::measure_facts(&state, lang, &e.details),
                ElementKind::NetworkEntry => {
                    super::network::entry_facts(&state, lang, e, &text.budget)
                }
                _ => Vec::new(),
            },
            comments: by_element
                .remove(&Some(e.key.to_string()))
                .unwrap_or_default(),
        })
        .collect();
    let whole = by_element.remove(&None).unwrap_or_default();
    // Comments on elements the published text no longer holds (none, as the text is kept).
    let other: Vec<CommentView> = by_element.into_values().flatten().collect();
    let canonical = plan_href(&area_slug, plan.id.0, &plan.title);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(format!(
            "{} – {}",
            state.translations().text(lang, "comments-title", None),
            plan.title
        ))
        .nav("plans")
        .area(AreaView::new(&state, lang, &area))
        .render(
            "plan_comments.html",
            view! {
                title => plan.title,
                plan_href => canonical,
                kind => plan.kind.key(),
                version => period.version_number,
                period_line => period_line(&state, lang, &period),
                state => period.state(chrono::Utc::now()).key(),
                announcement => period.announcement.as_deref().map(to_html),
                vision => text.vision.as_deref().map(to_html),
                elements,
                whole,
                other,
                count,
                open,
                sent => query.stav == "odeslano",
                form_href => format!("{canonical}/pripominka"),
                table_href => format!("{canonical}/vyporadani"),
                diff_href => format!("{canonical}/zmeny"),
            },
        )?;
    Ok(html.into_response())
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct CommentForm {
    #[serde(default)]
    prvek: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    navrh: String,
    #[serde(default)]
    jmeno: String,
    #[serde(default)]
    organizace: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    zverejnit: Option<String>,
    #[serde(default)]
    informovat: Option<String>,
    #[serde(default)]
    souhlas: Option<String>,
    /// The honeypot: hidden from people, filled in by robots.
    #[serde(default)]
    web: String,
    #[serde(default)]
    token: String,
}

#[derive(Serialize)]
struct Choice {
    key: String,
    label: String,
    depth: usize,
}

struct FormPage<'a> {
    area: &'a Area,
    plan: &'a Plan,
    period: &'a CommentPeriod,
    text: &'a PlanText,
    form: &'a CommentForm,
    path: &'a str,
}

impl FormPage<'_> {
    async fn render(
        &self,
        state: &AppState,
        lang: Lang,
        headers: &HeaderMap,
        problem: Option<String>,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let token = random_token()?;
        let area_slug = self.area.slug.to_string();
        let labels = labels_of(state, lang, &self.text.elements);
        let choices: Vec<Choice> = self
            .text
            .elements
            .iter()
            .map(|e| Choice {
                key: e.key.to_string(),
                label: labels.get(e.key.as_str()).cloned().unwrap_or_default(),
                depth: match e.kind {
                    ElementKind::Chapter | ElementKind::Priority | ElementKind::NetworkEntry => 0,
                    ElementKind::Goal => 1,
                    ElementKind::Measure => 2,
                    ElementKind::Activity => 3,
                },
            })
            .collect();
        let rules = state.store().comment_rules(self.area.id).await?;
        let consent = rules.consent.clone().unwrap_or_else(|| {
            state
                .translations()
                .text(lang, "comment-consent-default", None)
        });
        let signed = signed_in(state, headers).await?;
        let canonical = plan_href(&area_slug, self.plan.id.0, &self.plan.title);
        let open = self.period.state(chrono::Utc::now()) == PeriodState::Open;
        let html = Page::new(state, lang, self.path)
            .title(format!(
                "{} – {}",
                state.translations().text(lang, "comment-form-title", None),
                self.plan.title
            ))
            .nav("plans")
            .area(AreaView::new(state, lang, self.area))
            .render(
                "plan_comment_form.html",
                view! {
                    title => self.plan.title,
                    plan_href => canonical,
                    comments_href => format!("{canonical}/pripominky"),
                    action => format!("{canonical}/pripominka"),
                    period_line => period_line(state, lang, self.period),
                    open,
                    choices,
                    form => self.form,
                    identification => rules.identification.key(),
                    consent,
                    signed_name => signed.as_ref().map(|s| s.account.name.clone()),
                    token,
                    problem,
                    max => souhra_core::comment::MAX_COMMENT_CHARS,
                },
            )?;
        Ok(with_form_token(
            state,
            (status, html).into_response(),
            &area_slug,
            &token,
        ))
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct FormQuery {
    #[serde(default)]
    prvek: String,
}

/// `/{area}/plan/{id}-{slug}/pripominka`: the form.
pub(crate) async fn comment_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    Query(query): Query<FormQuery>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (area, plan) = plan_of(&state, &slug, &id_and_slug).await?;
    let (period, text) = newest_period(&state, &plan).await?;
    let form = CommentForm {
        prvek: query.prvek,
        ..CommentForm::default()
    };
    FormPage {
        area: &area,
        plan: &plan,
        period: &period,
        text: &text,
        form: &form,
        path: &path_of(&uri),
    }
    .render(&state, lang, &headers, None, StatusCode::OK)
    .await
}

fn problem_key(error: &CommentError) -> &'static str {
    match error {
        CommentError::Text {
            field: "proposal", ..
        } => "comment-error-proposal",
        CommentError::Text {
            field: "name" | "organization",
            ..
        } => "comment-error-name-length",
        CommentError::Text { .. } => "comment-error-text",
        CommentError::Links => "comment-error-links",
        CommentError::NameRequired => "comment-error-name",
        CommentError::EmailRequired => "comment-error-email-required",
        CommentError::Email => "comment-error-email",
        CommentError::NotifyWithoutEmail => "comment-error-notify",
        CommentError::Consent => "comment-error-consent",
        _ => "comment-error-text",
    }
}

/// Receives a comment.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn submit_comment(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
    client: ClientIp,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<CommentForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let (area, plan) = plan_of(&state, &slug, &id_and_slug).await?;
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (period, text) = newest_period(&state, &plan).await?;
    let page = FormPage {
        area: &area,
        plan: &plan,
        period: &period,
        text: &text,
        form: &form,
        path: &path_of(&uri),
    };
    let tr = state.translations();
    let refuse = |key: &str, status: StatusCode| {
        let mut args = FluentArgs::new();
        args.set("max", souhra_core::comment::MAX_COMMENT_CHARS);
        args.set("links", souhra_core::comment::MAX_LINKS);
        (Some(tr.text(lang, key, Some(&args))), status)
    };
    let done = format!("{}?stav=odeslano", comments_href(area.slug.as_str(), &plan));
    if !form_token_ok(&headers, &form.token) {
        let (problem, status) = refuse("report-expired", StatusCode::BAD_REQUEST);
        return page.render(&state, lang, &headers, problem, status).await;
    }
    if !form.web.is_empty() {
        // A robot: it is told all went well, and nothing is kept.
        return Ok(Redirect::to(&done).into_response());
    }
    if period.state(chrono::Utc::now()) != PeriodState::Open {
        let (problem, status) = refuse("comment-error-closed", StatusCode::CONFLICT);
        return page.render(&state, lang, &headers, problem, status).await;
    }
    let element = match form.prvek.trim() {
        "" => None,
        key => match ElementKey::parse(key)
            .ok()
            .and_then(|k| text.elements.iter().find(|e| e.key == k))
        {
            Some(e) => Some(e),
            None => {
                let (problem, status) = refuse("comment-error-element", StatusCode::BAD_REQUEST);
                return page.render(&state, lang, &headers, problem, status).await;
            }
        },
    };
    let rules = state.store().comment_rules(area.id).await?;
    let signed = signed_in(&state, &headers).await?;
    let checked = CommentText::new(&form.text, &form.navrh).and_then(|text| {
        let author = match &signed {
            Some(s) => Author::new(
                &s.account.name,
                &form.organizace,
                s.account.email.as_str(),
                form.zverejnit.is_some(),
                form.informovat.is_some(),
                form.souhlas.is_some(),
                rules.identification,
            ),
            None => Author::new(
                &form.jmeno,
                &form.organizace,
                &form.email,
                form.zverejnit.is_some(),
                form.informovat.is_some(),
                form.souhlas.is_some(),
                rules.identification,
            ),
        }?;
        Ok((text, author))
    });
    let (comment_text, author) = match checked {
        Ok(ok) => ok,
        Err(e) => {
            let (problem, status) = refuse(problem_key(&e), StatusCode::BAD_REQUEST);
            return page.render(&state, lang, &headers, problem, status).await;
        }
    };
    let client: IpAddr = client.0;
    if !state.allow_comment(client) {
        let (problem, status) = refuse("comment-error-too-many", StatusCode::TOO_MANY_REQUESTS);
        return page.render(&state, lang, &headers, problem, status).await;
    }
    let labels = labels_of(&state, lang, &text.elements);
    let gave_data = author.name.is_some() || author.email.is_some();
    let consent = gave_data.then(|| {
        rules
            .consent
            .clone()
            .unwrap_or_else(|| tr.text(lang, "comment-consent-default", None))
    });
    let new = NewComment {
        element: element.map(|e| e.key.clone()),
        element_label: element.and_then(|e| labels.get(e.key.as_str()).cloned()),
        text: comment_text,
        author,
        account: signed.as_ref().map(|s| s.account.id),
        consent,
    };
    match state
        .store()
        .add_comment(period.id, &new, chrono::Utc::now())
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("{done}#c{}", id.0)).into_response()),
        Err(souhra_store::StoreError::Invalid(_)) => {
            let (problem, status) = refuse("comment-error-closed", StatusCode::CONFLICT);
            page.render(&state, lang, &headers, problem, status).await
        }
        Err(e) => Err(e.into()),
    }
}

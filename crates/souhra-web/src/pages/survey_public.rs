//! A survey for the public (`/{area}/pruzkum/{token}`): the questionnaire as a plain form that
//! works without script (radio buttons, check boxes, a scale, text areas, a matrix of radio
//! buttons), anonymous unless the survey lets respondents give a name and an e-mail with
//! consent; a form token, a honeypot and a per-address limit keep robots out. What was typed
//! comes back with the problem when an answer is missing or not offered. Public results
//! (`…/vysledky`, when the coordinator publishes them) show the counts, never the free texts.

use std::net::IpAddr;

use axum::Form;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::survey::{Identification, QuestionKind, SurveyStatus};
use souhra_store::comment::prague_day;
use souhra_store::survey::{NewResponse, Survey};

use super::service::{form_token_ok, random_token, with_form_token};
use super::surveys::{
    Sent, filter_options, parse_filter, result_views, sent_answers, survey_problem,
};
use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::middleware::ClientIp;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// The survey of the area with this link token, or 404 (drafts too: they are not published).
async fn survey_of(state: &AppState, slug: &str, token: &str) -> Result<(Area, Survey), AppError> {
    let area = load_area(state, slug).await?;
    let survey = state
        .store()
        .survey_by_token(token)
        .await?
        .filter(|s| s.area == area.id && s.status != SurveyStatus::Draft)
        .ok_or(AppError::NotFound)?;
    Ok((area, survey))
}

#[derive(Serialize)]
struct OptionView {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct RowView {
    label: String,
    name: String,
    options: Vec<OptionView>,
}

#[derive(Serialize)]
struct QuestionForm {
    number: usize,
    name: String,
    text: String,
    help: Option<String>,
    required: bool,
    kind: &'static str,
    options: Vec<OptionView>,
    rows: Vec<RowView>,
    low_label: Option<String>,
    high_label: Option<String>,
    text_value: String,
}

fn question_forms(survey: &Survey, sent: &Sent) -> Vec<QuestionForm> {
    survey
        .questionnaire
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let raw = sent.get(&i);
            let chosen = |value: &str| raw.is_some_and(|r| r.values.iter().any(|v| v == value));
            let options: Vec<OptionView> = match q.kind {
                QuestionKind::Scale => q
                    .scale_values()
                    .iter()
                    .map(|v| OptionView {
                        value: v.to_string(),
                        label: v.to_string(),
                        checked: chosen(&v.to_string()),
                    })
                    .collect(),
                QuestionKind::Single | QuestionKind::Multiple => q
                    .options
                    .iter()
                    .enumerate()
                    .map(|(o, label)| OptionView {
                        value: o.to_string(),
                        label: label.clone(),
                        checked: chosen(&o.to_string()),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let rows = q
                .rows
                .iter()
                .enumerate()
                .map(|(r, label)| RowView {
                    label: label.clone(),
                    name: format!("q{i}_r{r}"),
                    options: q
                        .options
                        .iter()
                        .enumerate()
                        .map(|(o, option)| OptionView {
                            value: o.to_string(),
                            label: option.clone(),
                            checked: raw.and_then(|x| x.rows.get(&r)) == Some(&o.to_string()),
                        })
                        .collect(),
                })
                .collect();
            QuestionForm {
                number: i + 1,
                name: format!("q{i}"),
                text: q.text.clone(),
                help: q.help.clone(),
                required: q.required,
                kind: q.kind.key(),
                options,
                rows,
                low_label: q.scale.as_ref().and_then(|s| s.low_label.clone()),
                high_label: q.scale.as_ref().and_then(|s| s.high_label.clone()),
                text_value: if q.kind == QuestionKind::Text {
                    raw.and_then(|r| r.values.first().cloned())
                        .unwrap_or_default()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

#[derive(Serialize, Default)]
struct Person {
    name: String,
    email: String,
    consent: bool,
}

struct FormPage<'a> {
    state: &'a AppState,
    lang: Lang,
    path: String,
    area: &'a Area,
    survey: &'a Survey,
}

impl FormPage<'_> {
    fn render(
        &self,
        sent: &Sent,
        person: &Person,
        problem: Option<String>,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let Self {
            state,
            lang,
            area,
            survey,
            ..
        } = *self;
        let token = random_token()?;
        let open = survey.takes_answers(prague_day(chrono::Utc::now()));
        let intro = survey
            .settings
            .intro
            .as_deref()
            .map(crate::markdown::to_html)
            .unwrap_or_default();
        let html = Page::new(state, lang, &self.path)
            .title(survey.settings.title.clone())
            .nav("analysis")
            .area(AreaView::new(state, lang, area))
            .render(
                "survey_form.html",
                view! {
                    title => survey.settings.title,
                    intro,
                    audience => survey.settings.audience,
                    closes_on => survey.settings.closes_on.map(|d| d.to_string()),
                    open,
                    identified => survey.settings.identification == Identification::Optional,
                    consent => survey.settings.consent,
                    questions => question_forms(survey, sent),
                    person,
                    action => format!("/{}/pruzkum/{}", area.slug, survey.token),
                    results_href => survey.settings.results_public
                        .then(|| format!("/{}/pruzkum/{}/vysledky", area.slug, survey.token)),
                    token,
                    problem,
                    max => souhra_core::survey::MAX_ANSWER_CHARS,
                },
            )?;
        Ok(with_form_token(
            state,
            (status, html).into_response(),
            area.slug.as_str(),
            &token,
        ))
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ThanksQuery {
    stav: Option<String>,
}

/// `/{area}/pruzkum/{token}`: the form, or the thanks after an answer (`?stav=odeslano`).
pub(crate) async fn survey_form(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, token)): Path<(String, String)>,
    Query(query): Query<ThanksQuery>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (area, survey) = survey_of(&state, &slug, &token).await?;
    if query.stav.as_deref() == Some("odeslano") {
        let html = Page::new(&state, lang, &path_of(&uri))
            .title(survey.settings.title.clone())
            .nav("analysis")
            .area(AreaView::new(&state, lang, &area))
            .render(
                "survey_thanks.html",
                view! {
                    title => survey.settings.title,
                    results_href => survey.settings.results_public
                        .then(|| format!("/{}/pruzkum/{}/vysledky", area.slug, survey.token)),
                },
            )?;
        return Ok(html.into_response());
    }
    FormPage {
        state: &state,
        lang,
        path: path_of(&uri),
        area: &area,
        survey: &survey,
    }
    .render(&Sent::new(), &Person::default(), None, StatusCode::OK)
}

/// Receives an answer.
pub(crate) async fn submit_survey(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, token)): Path<(String, String)>,
    client: ClientIp,
    headers: HeaderMap,
    uri: OriginalUri,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let (area, survey) = survey_of(&state, &slug, &token).await?;
    let Form(fields) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let sent = sent_answers(&fields);
    let person = Person {
        name: field("jmeno").to_owned(),
        email: field("email").to_owned(),
        consent: !field("souhlas").is_empty(),
    };
    let page = FormPage {
        state: &state,
        lang,
        path: path_of(&uri),
        area: &area,
        survey: &survey,
    };
    let tr = state.translations();
    let done = format!("/{}/pruzkum/{}?stav=odeslano", area.slug, survey.token);
    if !form_token_ok(&headers, field("token")) {
        let problem = tr.text(lang, "report-expired", None);
        return page.render(&sent, &person, Some(problem), StatusCode::BAD_REQUEST);
    }
    if !field("web").is_empty() {
        // A robot: told all went well, nothing kept.
        return Ok(Redirect::to(&done).into_response());
    }
    if !survey.takes_answers(prague_day(chrono::Utc::now())) {
        let problem = tr.text(lang, "survey-closed", None);
        return page.render(&sent, &person, Some(problem), StatusCode::CONFLICT);
    }
    let answers = match survey.questionnaire.answers(&sent) {
        Ok(answers) => answers,
        Err(e) => {
            let problem = survey_problem(&state, lang, &e);
            return page.render(&sent, &person, Some(problem), StatusCode::BAD_REQUEST);
        }
    };
    let identified = survey.settings.identification == Identification::Optional
        && (!person.name.trim().is_empty() || !person.email.trim().is_empty());
    if identified && !person.consent {
        let problem = tr.text(lang, "survey-error-consent", None);
        return page.render(&sent, &person, Some(problem), StatusCode::BAD_REQUEST);
    }
    let client: IpAddr = client.0;
    if !state.allow_survey(client) {
        let problem = tr.text(lang, "survey-error-too-many", None);
        return page.render(&sent, &person, Some(problem), StatusCode::TOO_MANY_REQUESTS);
    }
    let response = NewResponse {
        answers,
        name: identified.then(|| person.name.clone()),
        email: identified.then(|| person.email.clone()),
        consent: identified
            .then(|| survey.settings.consent.clone())
            .flatten(),
    };
    match state
        .store()
        .add_survey_response(survey.id, &response, chrono::Utc::now())
        .await
    {
        Ok(_) => Ok(Redirect::to(&done).into_response()),
        Err(souhra_store::StoreError::Invalid(_)) => {
            let problem = tr.text(lang, "survey-error-person", None);
            page.render(&sent, &person, Some(problem), StatusCode::BAD_REQUEST)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ResultsQuery {
    filtr: Option<String>,
}

/// `/{area}/pruzkum/{token}/vysledky`: published results, without free texts.
pub(crate) async fn public_results(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, token)): Path<(String, String)>,
    Query(query): Query<ResultsQuery>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (area, survey) = survey_of(&state, &slug, &token).await?;
    if !survey.settings.results_public {
        return Err(AppError::NotFound);
    }
    let filter = parse_filter(&survey, query.filtr.as_deref())?;
    let answers: Vec<souhra_core::survey::Answers> = state
        .store()
        .survey_responses(survey.id)
        .await?
        .into_iter()
        .map(|r| r.answers)
        .collect();
    let (counted, questions) = result_views(lang, &survey, &answers, filter, false);
    let measures = super::surveys::survey_measures(&state, &area, &survey).await?;
    let base = format!("/{}/pruzkum/{}", area.slug, survey.token);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(survey.settings.title.clone())
        .nav("analysis")
        .area(AreaView::new(&state, lang, &area))
        .render(
            "survey_results.html",
            view! {
                admin => false,
                area_name => area.name,
                back => base.clone(),
                action => format!("{base}/vysledky"),
                title => survey.settings.title,
                all => answers.len(),
                counted,
                questions,
                filters => filter_options(&survey, filter),
                filtered => filter.is_some(),
                measures,
                csv => "",
                xlsx => "",
            },
        )?;
    Ok(html.into_response())
}

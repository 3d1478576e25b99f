//! Needs surveys. Administration (`/sprava/{area}/pruzkumy`, `/sprava/{area}/pruzkum/{id}`):
//! coordinators create a survey, set who it is for, its closing day and whether respondents may
//! say who they are, build the questionnaire question by question (a form per question, no
//! script needed), open and close it; once answers exist only the wording may change and each
//! fix is listed. Results (`…/vysledky`, with a filter by the answer to a choice question) are
//! for everyone of the area; the answers download as CSV or XLSX for coordinators. The public
//! form and the public results live in `survey_public.rs`.

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::policy::Action;
use souhra_core::survey::{
    Answer, Filter, Identification, Question, QuestionKind, Questionnaire, Scale, SurveyError,
    SurveyStatus,
};
use souhra_interop::sheet::write::{Cell, Table, write_tables};
use souhra_store::StoreError;
use souhra_store::survey::{Survey, SurveyId, SurveySettings};

use super::admin::{area_page, area_post};
use super::path_of;
use super::planning::change;
use crate::auth::{Signed, private, random_hex};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

fn t(state: &AppState, lang: Lang, key: &str) -> String {
    state.translations().text(lang, key, None)
}

/// A survey's problem in the interface's words.
pub(crate) fn survey_problem(state: &AppState, lang: Lang, error: &SurveyError) -> String {
    let mut args = FluentArgs::new();
    let key = match error {
        SurveyError::Text { max, .. } => {
            args.set("max", *max);
            "survey-error-text"
        }
        SurveyError::QuestionCount => "survey-error-count",
        SurveyError::Options(n) => {
            args.set("number", *n);
            "survey-error-options"
        }
        SurveyError::Rows(n) => {
            args.set("number", *n);
            "survey-error-rows"
        }
        SurveyError::Scale(n) => {
            args.set("number", *n);
            "survey-error-scale"
        }
        SurveyError::Required(n) => {
            args.set("number", *n);
            "survey-error-required"
        }
        SurveyError::NotOffered(n) => {
            args.set("number", *n);
            "survey-error-not-offered"
        }
        SurveyError::StructureLocked => "survey-error-locked",
    };
    args.set("max_questions", souhra_core::survey::MAX_QUESTIONS);
    args.set("max_options", souhra_core::survey::MAX_OPTIONS);
    args.set("max_steps", souhra_core::survey::MAX_SCALE_STEPS);
    state.translations().text(lang, key, Some(&args))
}

/// The survey `id` of the area, or 404.
pub(crate) async fn survey_in(state: &AppState, area: &Area, id: i64) -> Result<Survey, AppError> {
    state
        .store()
        .survey(SurveyId(id))
        .await?
        .filter(|s| s.area == area.id)
        .ok_or(AppError::NotFound)
}

/// One bar of a result: an option (or scale value), how many chose it and their share.
#[derive(Serialize)]
pub(crate) struct Bar {
    label: String,
    count: usize,
    share: String,
}

/// A question's results as pages show them.
#[derive(Serialize)]
pub(crate) struct QuestionView {
    number: usize,
    text: String,
    kind: &'static str,
    answered: usize,
    bars: Vec<Bar>,
    chart: String,
    mean: Option<String>,
    texts: Vec<String>,
    matrix_columns: Vec<String>,
    matrix: Vec<(String, Vec<usize>)>,
}

fn share(lang: Lang, part: usize, whole: usize) -> String {
    if whole == 0 {
        return String::new();
    }
    lang.format_percent(part as f64 / whole as f64)
}

/// The results of `survey` over its responses passing `filter`, as views; free texts only
/// when `with_texts` (public results leave them out: they may name people).
pub(crate) fn result_views(
    lang: Lang,
    survey: &Survey,
    answers: &[souhra_core::survey::Answers],
    filter: Option<Filter>,
    with_texts: bool,
) -> (usize, Vec<QuestionView>) {
    let results = souhra_core::survey::results(&survey.questionnaire, answers, filter);
    let views = survey
        .questionnaire
        .questions
        .iter()
        .zip(&results.questions)
        .enumerate()
        .map(|(i, (q, r))| {
            let labels: Vec<String> = match q.kind {
                QuestionKind::Scale => q.scale_values().iter().map(ToString::to_string).collect(),
                _ => q.options.clone(),
            };
            let bars: Vec<Bar> = labels
                .iter()
                .zip(&r.counts)
                .map(|(label, count)| Bar {
                    label: label.clone(),
                    count: *count,
                    share: share(lang, *count, r.answered),
                })
                .collect();
            let chart = if bars.is_empty() || r.answered == 0 {
                String::new()
            } else {
                let data: Vec<(String, f64, String)> = bars
                    .iter()
                    .map(|b| (b.label.clone(), b.count as f64, b.count.to_string()))
                    .collect();
                crate::chart::bars_svg(&data, &format!("graf-otazka-{}", i + 1), &q.text)
            };
            QuestionView {
                number: i + 1,
                text: q.text.clone(),
                kind: q.kind.key(),
                answered: r.answered,
                bars,
                chart,
                mean: r.mean.map(|m| lang.format_decimal(m, 2)),
                texts: if with_texts {
                    r.texts.clone()
                } else {
                    Vec::new()
                },
                matrix_columns: if q.kind == QuestionKind::Matrix {
                    q.options.clone()
                } else {
                    Vec::new()
                },
                matrix: q
                    .rows
                    .iter()
                    .cloned()
                    .zip(r.matrix.iter().cloned())
                    .collect(),
            }
        })
        .collect();
    (results.responses, views)
}

/// The measures of the area's plans in force citing a question of `survey`.
pub(crate) async fn survey_measures(
    state: &AppState,
    area: &Area,
    survey: &Survey,
) -> Result<Vec<super::plans::ServiceLink>, AppError> {
    let mut out: Vec<super::plans::ServiceLink> = Vec::new();
    for question in 0..survey.questionnaire.questions.len() {
        let finding = souhra_core::analysis::Finding::Survey {
            survey: survey.id.0,
            question,
        };
        for link in super::analysis::citing_links(state, area, &finding).await? {
            if !out.iter().any(|l| l.href == link.href) {
                out.push(link);
            }
        }
    }
    Ok(out)
}

/// The filters offered: every option of every choice question (`2-0` is question 3, option 1).
#[derive(Serialize)]
pub(crate) struct FilterOption {
    value: String,
    label: String,
    selected: bool,
}

pub(crate) fn filter_options(survey: &Survey, chosen: Option<Filter>) -> Vec<FilterOption> {
    let mut out = Vec::new();
    for (i, q) in survey.questionnaire.questions.iter().enumerate() {
        if !matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple) {
            continue;
        }
        for (o, option) in q.options.iter().enumerate() {
            out.push(FilterOption {
                value: format!("{i}-{o}"),
                label: format!("{}. {} – {option}", i + 1, q.text),
                selected: chosen
                    == Some(Filter {
                        question: i,
                        option: o,
                    }),
            });
        }
    }
    out
}

/// A filter from its `q-o` form, checked against the questionnaire.
pub(crate) fn parse_filter(
    survey: &Survey,
    text: Option<&str>,
) -> Result<Option<Filter>, AppError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let bad = || AppError::BadRequest(format!("filter {text:?}"));
    let (q, o) = text.split_once('-').ok_or_else(bad)?;
    let (question, option): (usize, usize) =
        (q.parse().map_err(|_| bad())?, o.parse().map_err(|_| bad())?);
    let fits = survey
        .questionnaire
        .questions
        .get(question)
        .is_some_and(|q| {
            matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple)
                && option < q.options.len()
        });
    if !fits {
        return Err(bad());
    }
    Ok(Some(Filter { question, option }))
}

#[derive(Serialize)]
struct SurveyRow {
    id: i64,
    title: String,
    status: &'static str,
    responses: i64,
    closes_on: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct NewSurveyForm {
    #[serde(default)]
    nazev: String,
    #[serde(default)]
    csrf: String,
}

#[allow(clippy::too_many_arguments)]
async fn list_page(
    state: &AppState,
    lang: Lang,
    uri: &OriginalUri,
    signed: &Signed,
    area: &Area,
    form: &NewSurveyForm,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let rows: Vec<SurveyRow> = state
        .store()
        .surveys(area.id)
        .await?
        .into_iter()
        .map(|s| SurveyRow {
            id: s.id.0,
            title: s.settings.title,
            status: s.status.key(),
            responses: s.responses,
            closes_on: s.settings.closes_on.map(|d| lang.format_date(d)),
        })
        .collect();
    let manage = super::planning::may(state, signed, area, &Action::ManagePlans).await?;
    let html = Page::new(state, lang, &path_of(uri))
        .title_key("surveys-title")
        .nav("admin")
        .render(
            "admin_surveys.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                rows,
                manage,
                form,
                problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// `/sprava/{area}/pruzkumy`.
pub(crate) async fn surveys(
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
    list_page(
        &state,
        lang,
        &uri,
        &signed,
        &area,
        &NewSurveyForm::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /sprava/{area}/pruzkumy`: a new draft survey, anonymous, without questions.
pub(crate) async fn create_survey(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<NewSurveyForm>,
) -> Result<Response, AppError> {
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let settings = SurveySettings {
        title: form.nazev.clone(),
        intro: None,
        audience: None,
        identification: Identification::Anonymous,
        consent: None,
        closes_on: None,
        listed: true,
        results_public: false,
    };
    let token = random_hex(16)?;
    match state
        .store()
        .create_survey(area.id, &settings, &token, change(&signed))
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/sprava/{slug}/pruzkum/{}", id.0)).into_response()),
        Err(StoreError::Invalid(_)) => {
            let mut args = FluentArgs::new();
            args.set("max", souhra_core::survey::MAX_TITLE_CHARS);
            let problem = state
                .translations()
                .text(lang, "survey-error-text", Some(&args));
            list_page(
                &state,
                lang,
                &uri,
                &signed,
                &area,
                &form,
                Some(problem),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The settings form.
#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub(crate) struct SettingsForm {
    #[serde(default)]
    nazev: String,
    #[serde(default)]
    uvod: String,
    #[serde(default)]
    publikum: String,
    #[serde(default)]
    identifikace: String,
    #[serde(default)]
    souhlas: String,
    #[serde(default)]
    konec: String,
    #[serde(default)]
    seznam: Option<String>,
    #[serde(default)]
    vysledky: Option<String>,
    #[serde(default)]
    revize: i64,
    #[serde(default)]
    csrf: String,
}

impl SettingsForm {
    fn of(survey: &Survey) -> Self {
        let s = &survey.settings;
        Self {
            nazev: s.title.clone(),
            uvod: s.intro.clone().unwrap_or_default(),
            publikum: s.audience.clone().unwrap_or_default(),
            identifikace: s.identification.key().to_owned(),
            souhlas: s.consent.clone().unwrap_or_default(),
            konec: s.closes_on.map(|d| d.to_string()).unwrap_or_default(),
            seznam: s.listed.then(String::new),
            vysledky: s.results_public.then(String::new),
            revize: survey.revision,
            csrf: String::new(),
        }
    }
}

/// A question's form: a new one (`cislo` empty) or question `cislo` (from 1).
#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub(crate) struct QuestionForm {
    #[serde(default)]
    cislo: String,
    #[serde(default)]
    akce: String,
    #[serde(default)]
    druh: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    napoveda: String,
    #[serde(default)]
    povinna: Option<String>,
    #[serde(default)]
    moznosti: String,
    #[serde(default)]
    radky: String,
    #[serde(default)]
    od: String,
    #[serde(default)]
    do_: String,
    #[serde(default)]
    popis_od: String,
    #[serde(default)]
    popis_do: String,
    #[serde(default)]
    revize: i64,
    #[serde(default)]
    csrf: String,
}

impl QuestionForm {
    fn of(number: usize, q: &Question, revision: i64) -> Self {
        Self {
            cislo: number.to_string(),
            akce: String::new(),
            druh: q.kind.key().to_owned(),
            text: q.text.clone(),
            napoveda: q.help.clone().unwrap_or_default(),
            povinna: q.required.then(String::new),
            moznosti: q.options.join("\n"),
            radky: q.rows.join("\n"),
            od: q
                .scale
                .as_ref()
                .map(|s| s.low.to_string())
                .unwrap_or_default(),
            do_: q
                .scale
                .as_ref()
                .map(|s| s.high.to_string())
                .unwrap_or_default(),
            popis_od: q
                .scale
                .as_ref()
                .and_then(|s| s.low_label.clone())
                .unwrap_or_default(),
            popis_do: q
                .scale
                .as_ref()
                .and_then(|s| s.high_label.clone())
                .unwrap_or_default(),
            revize: revision,
            csrf: String::new(),
        }
    }

    fn blank(revision: i64) -> Self {
        Self {
            druh: QuestionKind::Single.key().to_owned(),
            od: "1".into(),
            do_: "5".into(),
            revize: revision,
            ..Self::default()
        }
    }

    fn lines(text: &str) -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The question as typed (checked by the questionnaire); `None` for a kind or scale bound
    /// that is not one.
    fn question(&self) -> Option<Question> {
        let kind = QuestionKind::from_key(self.druh.trim()).ok()?;
        let scale = if kind == QuestionKind::Scale {
            Some(Scale {
                low: self.od.trim().parse().ok()?,
                high: self.do_.trim().parse().ok()?,
                low_label: Some(self.popis_od.clone()),
                high_label: Some(self.popis_do.clone()),
            })
        } else {
            None
        };
        Some(Question {
            text: self.text.clone(),
            help: Some(self.napoveda.clone()),
            required: self.povinna.is_some(),
            kind,
            options: Self::lines(&self.moznosti),
            rows: Self::lines(&self.radky),
            scale,
        })
    }
}

#[derive(Serialize)]
struct FixView {
    at: String,
    by: String,
    changes: Vec<(String, String)>,
}

/// What changed in wording between two questionnaires of the same shape, text by text.
fn wording_changes(before: &Questionnaire, after: &Questionnaire) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (a, b) in before.questions.iter().zip(&after.questions) {
        let texts = |q: &Question| -> Vec<String> {
            let mut all = vec![q.text.clone(), q.help.clone().unwrap_or_default()];
            all.extend(q.options.iter().cloned());
            all.extend(q.rows.iter().cloned());
            if let Some(s) = &q.scale {
                all.push(s.low_label.clone().unwrap_or_default());
                all.push(s.high_label.clone().unwrap_or_default());
            }
            all
        };
        for (x, y) in texts(a).into_iter().zip(texts(b)) {
            if x != y {
                out.push((x, y));
            }
        }
    }
    out
}

struct SurveyPage<'a> {
    state: &'a AppState,
    lang: Lang,
    uri: &'a OriginalUri,
    signed: &'a Signed,
    area: &'a Area,
    survey: &'a Survey,
}

impl SurveyPage<'_> {
    async fn render(
        &self,
        settings: &SettingsForm,
        question: Option<&QuestionForm>,
        problem: Option<String>,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let Self {
            state,
            lang,
            uri,
            signed,
            area,
            survey,
        } = *self;
        let manage = super::planning::may(state, signed, area, &Action::ManagePlans).await?;
        let mut forms: Vec<QuestionForm> = survey
            .questionnaire
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| QuestionForm::of(i + 1, q, survey.revision))
            .collect();
        let mut new = QuestionForm::blank(survey.revision);
        // The form that was sent comes back as typed, with the problem.
        if let Some(sent) = question {
            match sent
                .cislo
                .parse::<usize>()
                .ok()
                .and_then(|n| forms.get_mut(n.wrapping_sub(1)))
            {
                Some(slot) => *slot = sent.clone(),
                None => new = sent.clone(),
            }
        }
        let fixes: Vec<FixView> = state
            .store()
            .survey_fixes(survey.id)
            .await?
            .into_iter()
            .map(|f| FixView {
                at: lang.format_date(souhra_core::ical::prague(f.at).date()),
                by: f.by.unwrap_or_default(),
                changes: wording_changes(&f.before, &f.after),
            })
            .collect();
        let public = format!(
            "{}/{}/pruzkum/{}",
            state.config().public_base(),
            area.slug,
            survey.token
        );
        let html = Page::new(state, lang, &path_of(uri))
            .title(survey.settings.title.clone())
            .nav("admin")
            .render(
                "admin_survey.html",
                view! {
                    area_name => area.name,
                    area_slug => area.slug.to_string(),
                    id => survey.id.0,
                    title => survey.settings.title,
                    status => survey.status.key(),
                    responses => survey.responses,
                    locked => survey.responses > 0,
                    public,
                    manage,
                    settings,
                    forms,
                    new,
                    kinds => QuestionKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
                    fixes,
                    problem,
                    csrf => signed.csrf,
                },
            )?;
        Ok(private((status, html).into_response()))
    }
}

/// `/sprava/{area}/pruzkum/{id}`.
pub(crate) async fn survey(
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
    let survey = survey_in(&state, &area, id).await?;
    SurveyPage {
        state: &state,
        lang,
        uri: &uri,
        signed: &signed,
        area: &area,
        survey: &survey,
    }
    .render(&SettingsForm::of(&survey), None, None, StatusCode::OK)
    .await
}

/// The session, area and survey of a coordinator's POST about survey `id` (form token and
/// right checked, 404 for another area's survey).
async fn posted(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
    slug: &str,
    id: i64,
) -> Result<(Signed, Area, Survey), AppError> {
    let (signed, area) = area_post(state, headers, csrf, slug, &Action::ManagePlans).await?;
    let survey = survey_in(state, &area, id).await?;
    Ok((signed, area, survey))
}

/// Saves `questionnaire` with `settings`, or says why not (400, 409) on the survey's page.
#[allow(clippy::too_many_arguments)]
async fn save(
    page: &SurveyPage<'_>,
    revision: i64,
    settings: &SurveySettings,
    questionnaire: &Questionnaire,
    settings_form: &SettingsForm,
    question_form: Option<&QuestionForm>,
) -> Result<Response, AppError> {
    let (state, lang) = (page.state, page.lang);
    let survey = page.survey;
    let checked = questionnaire.clone().checked(false).and_then(|q| {
        if survey.responses > 0 && !survey.questionnaire.wording_only(&q) {
            Err(SurveyError::StructureLocked)
        } else {
            Ok(q)
        }
    });
    let questionnaire = match checked {
        Ok(q) => q,
        Err(e) => {
            let problem = survey_problem(state, lang, &e);
            return page
                .render(
                    settings_form,
                    question_form,
                    Some(problem),
                    StatusCode::BAD_REQUEST,
                )
                .await;
        }
    };
    match state
        .store()
        .save_survey(
            survey.id,
            revision,
            settings,
            &questionnaire,
            change(page.signed),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/sprava/{}/pruzkum/{}",
            page.area.slug, survey.id.0
        ))
        .into_response()),
        Err(StoreError::Conflict(_)) => {
            page.render(
                settings_form,
                question_form,
                Some(t(state, lang, "survey-error-conflict")),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(StoreError::Invalid(reason)) => {
            let mut args = FluentArgs::new();
            args.set("reason", reason);
            let problem = state
                .translations()
                .text(lang, "survey-error-settings", Some(&args));
            page.render(
                settings_form,
                question_form,
                Some(problem),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /sprava/{area}/pruzkum/{id}`: the settings.
pub(crate) async fn save_settings(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<SettingsForm>,
) -> Result<Response, AppError> {
    let (signed, area, survey) = posted(&state, &headers, &form.csrf, &slug, id).await?;
    let page = SurveyPage {
        state: &state,
        lang,
        uri: &uri,
        signed: &signed,
        area: &area,
        survey: &survey,
    };
    let closes_on = match form.konec.trim() {
        "" => None,
        day => match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            Ok(day) => Some(day),
            Err(_) => {
                let problem = t(&state, lang, "survey-error-date");
                return page
                    .render(&form, None, Some(problem), StatusCode::BAD_REQUEST)
                    .await;
            }
        },
    };
    let identification =
        Identification::from_key(&form.identifikace).unwrap_or(Identification::Anonymous);
    // The store checks these too; here they get the interface's words.
    let title_chars = form.nazev.trim().chars().count();
    let problem = if title_chars == 0 || title_chars > souhra_core::survey::MAX_TITLE_CHARS {
        let mut args = FluentArgs::new();
        args.set("max", souhra_core::survey::MAX_TITLE_CHARS);
        Some(
            state
                .translations()
                .text(lang, "survey-error-text", Some(&args)),
        )
    } else if identification == Identification::Optional && form.souhlas.trim().is_empty() {
        Some(t(&state, lang, "survey-error-consent-text"))
    } else {
        None
    };
    if let Some(problem) = problem {
        return page
            .render(&form, None, Some(problem), StatusCode::BAD_REQUEST)
            .await;
    }
    let settings = SurveySettings {
        title: form.nazev.clone(),
        intro: Some(form.uvod.clone()),
        audience: Some(form.publikum.clone()),
        identification,
        consent: Some(form.souhlas.clone()),
        closes_on,
        listed: form.seznam.is_some(),
        results_public: form.vysledky.is_some(),
    };
    save(
        &page,
        form.revize,
        &settings,
        &survey.questionnaire,
        &form,
        None,
    )
    .await
}

/// `POST /sprava/{area}/pruzkum/{id}/otazka`: adds, changes (`akce=ulozit`) or removes
/// (`akce=smazat`) a question.
pub(crate) async fn save_question(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<QuestionForm>,
) -> Result<Response, AppError> {
    let (signed, area, survey) = posted(&state, &headers, &form.csrf, &slug, id).await?;
    let page = SurveyPage {
        state: &state,
        lang,
        uri: &uri,
        signed: &signed,
        area: &area,
        survey: &survey,
    };
    let mut questionnaire = survey.questionnaire.clone();
    let index = match form.cislo.trim() {
        "" => None,
        n => Some(
            n.parse::<usize>()
                .ok()
                .filter(|n| (1..=questionnaire.questions.len()).contains(n))
                .ok_or_else(|| AppError::BadRequest(format!("question {n:?}")))?
                - 1,
        ),
    };
    if form.akce == "smazat" {
        let index = index.ok_or_else(|| AppError::BadRequest("question".into()))?;
        questionnaire.questions.remove(index);
    } else {
        let Some(question) = form.question() else {
            let problem = t(&state, lang, "survey-error-shape");
            return page
                .render(
                    &SettingsForm::of(&survey),
                    Some(&form),
                    Some(problem),
                    StatusCode::BAD_REQUEST,
                )
                .await;
        };
        match index {
            Some(i) => questionnaire.questions[i] = question,
            None => questionnaire.questions.push(question),
        }
    }
    save(
        &page,
        form.revize,
        &survey.settings,
        &questionnaire,
        &SettingsForm::of(&survey),
        Some(&form),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct StatusForm {
    #[serde(default)]
    stav: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /sprava/{area}/pruzkum/{id}/stav`: opens or closes the survey.
pub(crate) async fn set_status(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<StatusForm>,
) -> Result<Response, AppError> {
    let (signed, area, survey) = posted(&state, &headers, &form.csrf, &slug, id).await?;
    let status =
        SurveyStatus::from_key(&form.stav).map_err(|e| AppError::BadRequest(e.to_string()))?;
    match state
        .store()
        .set_survey_status(survey.id, status, change(&signed))
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/sprava/{slug}/pruzkum/{id}")).into_response()),
        Err(StoreError::Invalid(_)) => {
            SurveyPage {
                state: &state,
                lang,
                uri: &uri,
                signed: &signed,
                area: &area,
                survey: &survey,
            }
            .render(
                &SettingsForm::of(&survey),
                None,
                Some(survey_problem(&state, lang, &SurveyError::QuestionCount)),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ResultsQuery {
    filtr: Option<String>,
}

/// `/sprava/{area}/pruzkum/{id}/vysledky`.
pub(crate) async fn results(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    Query(query): Query<ResultsQuery>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (_signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let survey = survey_in(&state, &area, id).await?;
    let filter = parse_filter(&survey, query.filtr.as_deref())?;
    let answers: Vec<souhra_core::survey::Answers> = state
        .store()
        .survey_responses(survey.id)
        .await?
        .into_iter()
        .map(|r| r.answers)
        .collect();
    let (counted, questions) = result_views(lang, &survey, &answers, filter, true);
    let measures = survey_measures(&state, &area, &survey).await?;
    let base = format!("/sprava/{slug}/pruzkum/{id}");
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(survey.settings.title.clone())
        .nav("admin")
        .render(
            "survey_results.html",
            view! {
                admin => true,
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
                csv => format!("{base}/odpovedi.csv"),
                xlsx => format!("{base}/odpovedi.xlsx"),
            },
        )?;
    Ok(private(html.into_response()))
}

/// The answers of a survey as a sheet: one row per response, one column per question (a
/// matrix one per statement); names and e-mails only where respondents gave them.
async fn answers_table(state: &AppState, lang: Lang, survey: &Survey) -> Result<Table, AppError> {
    let responses = state.store().survey_responses(survey.id).await?;
    let identified = survey.settings.identification == Identification::Optional;
    let mut header = vec![
        t(state, lang, "survey-col-response"),
        t(state, lang, "survey-col-at"),
    ];
    if identified {
        header.push(t(state, lang, "survey-col-name"));
        header.push(t(state, lang, "survey-col-email"));
    }
    for (i, q) in survey.questionnaire.questions.iter().enumerate() {
        if q.kind == QuestionKind::Matrix {
            for row in &q.rows {
                header.push(format!("{}. {} – {row}", i + 1, q.text));
            }
        } else {
            header.push(format!("{}. {}", i + 1, q.text));
        }
    }
    let option = |q: &Question, o: usize| q.options.get(o).cloned().unwrap_or_default();
    let rows = responses
        .iter()
        .map(|r| {
            let mut cells = vec![
                Cell::Number(r.id as f64),
                Cell::Text(
                    souhra_core::ical::prague(r.submitted_at)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                ),
            ];
            if identified {
                cells.push(Cell::Text(r.name.clone().unwrap_or_default()));
                cells.push(Cell::Text(r.email.clone().unwrap_or_default()));
            }
            for (i, q) in survey.questionnaire.questions.iter().enumerate() {
                let answer = r.answers.0.get(&i);
                match (q.kind, answer) {
                    (QuestionKind::Matrix, Some(Answer::Matrix(chosen))) => {
                        for row in 0..q.rows.len() {
                            let text = chosen
                                .get(row)
                                .copied()
                                .flatten()
                                .map(|o| option(q, o))
                                .unwrap_or_default();
                            cells.push(Cell::Text(text));
                        }
                    }
                    (QuestionKind::Matrix, _) => {
                        cells.extend(q.rows.iter().map(|_| Cell::Text(String::new())));
                    }
                    (_, Some(Answer::Single(o))) => cells.push(Cell::Text(option(q, *o))),
                    (_, Some(Answer::Multiple(os))) => cells.push(Cell::Text(
                        os.iter()
                            .map(|o| option(q, *o))
                            .collect::<Vec<_>>()
                            .join("; "),
                    )),
                    (_, Some(Answer::Scale(v))) => cells.push(Cell::Number(f64::from(*v))),
                    (_, Some(Answer::Text(text))) => cells.push(Cell::Text(text.clone())),
                    _ => cells.push(Cell::Text(String::new())),
                }
            }
            cells
        })
        .collect();
    Ok(Table {
        name: t(state, lang, "survey-sheet"),
        header,
        rows,
    })
}

async fn export_table(
    state: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    uri: &OriginalUri,
    slug: &str,
    id: i64,
) -> Result<Result<(Table, String), Response>, AppError> {
    let (_signed, area) = match area_page(state, headers, uri, slug, &Action::ManagePlans).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(Err(redirect)),
    };
    let survey = survey_in(state, &area, id).await?;
    Ok(Ok((
        answers_table(state, lang, &survey).await?,
        format!("pruzkum-{}", survey.id.0),
    )))
}

/// `/sprava/{area}/pruzkum/{id}/odpovedi.csv`.
pub(crate) async fn answers_csv(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    Ok(
        match export_table(&state, lang, &headers, &uri, &slug, id).await? {
            Ok((table, name)) => private(super::plan_export::csv_download(
                &table,
                &format!("{name}.csv"),
            )),
            Err(redirect) => redirect,
        },
    )
}

/// `/sprava/{area}/pruzkum/{id}/odpovedi.xlsx`.
pub(crate) async fn answers_xlsx(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    Ok(
        match export_table(&state, lang, &headers, &uri, &slug, id).await? {
            Ok((table, name)) => {
                let bytes = write_tables(&table.name.clone(), &[table])
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                private(super::plan_export::xlsx_download(
                    bytes,
                    &format!("{name}.xlsx"),
                ))
            }
            Err(redirect) => redirect,
        },
    )
}

/// For the analysis page: the area's listed surveys that are open, and those with public
/// results.
#[derive(Serialize)]
pub(crate) struct PublicSurvey {
    title: String,
    audience: Option<String>,
    open: bool,
    closes_on: Option<String>,
    href: String,
    results_href: Option<String>,
}

pub(crate) async fn public_surveys(
    state: &AppState,
    lang: Lang,
    area: &Area,
) -> Result<Vec<PublicSurvey>, AppError> {
    let today = souhra_store::comment::prague_day(chrono::Utc::now());
    Ok(state
        .store()
        .surveys(area.id)
        .await?
        .into_iter()
        .filter(|s| {
            (s.settings.listed && s.takes_answers(today))
                || (s.settings.results_public && s.status != SurveyStatus::Draft)
        })
        .map(|s| {
            let href = format!("/{}/pruzkum/{}", area.slug, s.token);
            PublicSurvey {
                open: s.takes_answers(today),
                title: s.settings.title.clone(),
                audience: s.settings.audience.clone(),
                closes_on: s.settings.closes_on.map(|d| lang.format_date(d)),
                results_href: s
                    .settings
                    .results_public
                    .then(|| format!("{href}/vysledky")),
                href,
            }
        })
        .collect())
}

/// The questions of a form, kept as typed: option index → chosen.
pub(crate) type Sent = BTreeMap<usize, souhra_core::survey::RawAnswer>;

/// Reads a survey form's fields: `q{i}` (repeated for multiple choice) and `q{i}_r{r}`.
pub(crate) fn sent_answers(fields: &[(String, String)]) -> Sent {
    let mut sent: Sent = BTreeMap::new();
    for (name, value) in fields {
        let Some(rest) = name.strip_prefix('q') else {
            continue;
        };
        match rest.split_once("_r") {
            Some((q, r)) => {
                if let (Ok(q), Ok(r)) = (q.parse::<usize>(), r.parse::<usize>()) {
                    sent.entry(q).or_default().rows.insert(r, value.clone());
                }
            }
            None => {
                if let Ok(q) = rest.parse::<usize>() {
                    sent.entry(q).or_default().values.push(value.clone());
                }
            }
        }
    }
    sent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_become_raw_answers() {
        let fields: Vec<(String, String)> = [
            ("q0", "1"),
            ("q1", "0"),
            ("q1", "2"),
            ("q4_r0", "1"),
            ("q4_r1", "0"),
            ("qx", "9"),
            ("jmeno", "Jana"),
            ("q2_rx", "1"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let sent = sent_answers(&fields);
        assert_eq!(sent[&0].values, ["1"]);
        assert_eq!(sent[&1].values, ["0", "2"]);
        assert_eq!(sent[&4].rows.len(), 2);
        assert!(!sent.contains_key(&2));
        assert_eq!(sent.len(), 3);
    }

    #[test]
    fn wording_changes_list_each_changed_text() {
        let q = Question {
            text: "Věk".into(),
            help: None,
            required: true,
            kind: QuestionKind::Single,
            options: vec!["do 64".into(), "65+".into()],
            rows: Vec::new(),
            scale: None,
        };
        let before = Questionnaire {
            questions: vec![q.clone()],
        };
        let mut after = before.clone();
        after.questions[0].options[1] = "65 a více".into();
        assert_eq!(
            wording_changes(&before, &after),
            [("65+".to_owned(), "65 a více".to_owned())]
        );
    }
}

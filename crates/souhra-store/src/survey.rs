//! Needs surveys of an area: the questionnaire with its settings, public link token and status,
//! the responses, and the wording fixes made once responses exist (kept as before and after).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use souhra_core::area::AreaId;
use souhra_core::survey::{Answers, Identification, Questionnaire, SurveyStatus};

use crate::plan::PlanChange;
use crate::{Store, StoreResult, dispatch};

/// Database id of a survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SurveyId(pub i64);

/// A survey's settings, as a coordinator edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurveySettings {
    /// Title.
    pub title: String,
    /// Introduction for respondents (Markdown).
    pub intro: Option<String>,
    /// Who it is for ("seniors of ORP Nepomuk and their families").
    pub audience: Option<String>,
    /// Whether respondents may say who they are.
    pub identification: Identification,
    /// The consent a respondent who gives a name or an e-mail agrees to.
    pub consent: Option<String>,
    /// The last day answers are taken (Prague time); none: until closed.
    pub closes_on: Option<NaiveDate>,
    /// Whether the area's public pages list it while open.
    pub listed: bool,
    /// Whether its results are public.
    pub results_public: bool,
}

/// A survey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    /// Its id.
    pub id: SurveyId,
    /// Its area.
    pub area: AreaId,
    /// The settings.
    pub settings: SurveySettings,
    /// Its status.
    pub status: SurveyStatus,
    /// The secret part of its public link.
    pub token: String,
    /// The questions.
    pub questionnaire: Questionnaire,
    /// Revision: a save must name the one it started from.
    pub revision: i64,
    /// Responses so far.
    pub responses: i64,
    /// When it was opened and closed.
    pub opened_at: Option<DateTime<Utc>>,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
}

impl Survey {
    /// Whether it takes answers on `day` (Prague time).
    pub fn takes_answers(&self, day: NaiveDate) -> bool {
        self.status == SurveyStatus::Open && self.closes_on_or_after(day)
    }

    fn closes_on_or_after(&self, day: NaiveDate) -> bool {
        self.settings.closes_on.is_none_or(|last| day <= last)
    }
}

/// One response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Response {
    /// Its id.
    pub id: i64,
    /// When it came.
    pub submitted_at: DateTime<Utc>,
    /// The answers.
    pub answers: Answers,
    /// The respondent's name, if given with consent.
    pub name: Option<String>,
    /// The respondent's e-mail, if given with consent.
    pub email: Option<String>,
}

/// A response to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResponse {
    /// The answers, checked against the questionnaire.
    pub answers: Answers,
    /// A name and an e-mail, only with consent.
    pub name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// The consent text agreed to, when a name or an e-mail is given.
    pub consent: Option<String>,
}

/// A wording fix made after responses came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordingFix {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (e-mail of the account), if known.
    pub by: Option<String>,
    /// The questionnaire before.
    pub before: Questionnaire,
    /// And after.
    pub after: Questionnaire,
}

impl Store {
    /// Creates a draft survey in `area` with `token` as its link secret.
    pub async fn create_survey(
        &self,
        area: AreaId,
        settings: &SurveySettings,
        token: &str,
        change: PlanChange,
    ) -> StoreResult<SurveyId> {
        dispatch!(self, survey::create(area, settings, token, change))
    }

    /// The surveys of an area, newest first.
    pub async fn surveys(&self, area: AreaId) -> StoreResult<Vec<Survey>> {
        dispatch!(self, survey::of_area(area))
    }

    /// One survey.
    pub async fn survey(&self, id: SurveyId) -> StoreResult<Option<Survey>> {
        dispatch!(self, survey::one(id))
    }

    /// The survey with this link token.
    pub async fn survey_by_token(&self, token: &str) -> StoreResult<Option<Survey>> {
        dispatch!(self, survey::by_token(token))
    }

    /// Saves the settings and the questionnaire of a survey that is at `revision` (else
    /// `Conflict`). Once it has responses its structure is locked (`Invalid`), wording fixes are
    /// kept as before and after. Returns the new revision.
    pub async fn save_survey(
        &self,
        id: SurveyId,
        revision: i64,
        settings: &SurveySettings,
        questionnaire: &Questionnaire,
        change: PlanChange,
    ) -> StoreResult<i64> {
        dispatch!(
            self,
            survey::save(id, revision, settings, questionnaire, change)
        )
    }

    /// Opens (a complete questionnaire only), closes or reopens a survey.
    pub async fn set_survey_status(
        &self,
        id: SurveyId,
        status: SurveyStatus,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, survey::set_status(id, status, change))
    }

    /// Stores a response if the survey takes answers at `at` (else `Invalid`).
    pub async fn add_survey_response(
        &self,
        id: SurveyId,
        response: &NewResponse,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        dispatch!(self, survey::add_response(id, response, at))
    }

    /// Every response of a survey, oldest first.
    pub async fn survey_responses(&self, id: SurveyId) -> StoreResult<Vec<Response>> {
        dispatch!(self, survey::responses(id))
    }

    /// The wording fixes of a survey, oldest first.
    pub async fn survey_fixes(&self, id: SurveyId) -> StoreResult<Vec<WordingFix>> {
        dispatch!(self, survey::fixes(id))
    }
}

//! Surveys, their responses and the wording fixes made after the first response.

use chrono::{DateTime, NaiveDate, Utc};
use souhra_core::account::Email;
use souhra_core::area::AreaId;
use souhra_core::plan::clean_text;
use souhra_core::survey::{
    Answers, Identification, MAX_INTRO_CHARS, MAX_TITLE_CHARS, Questionnaire, SurveyStatus,
};

use super::history::audit;
use super::{Pool, Tx, begin_write};
use crate::comment::prague_day;
use crate::error::stored;
use crate::plan::PlanChange;
use crate::survey::{NewResponse, Response, Survey, SurveyId, SurveySettings, WordingFix};
use crate::{StoreError, StoreResult};

/// Longest respondent's name (characters).
const MAX_NAME_CHARS: usize = 200;
const ENTITY: &str = "survey";

fn invalid(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(e.to_string())
}

fn optional(text: Option<&str>, field: &'static str, max: usize) -> StoreResult<Option<String>> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| clean_text(t, field, max, true))
        .transpose()
        .map_err(invalid)
}

/// The settings checked and cleaned.
fn checked(settings: &SurveySettings) -> StoreResult<SurveySettings> {
    let consent = optional(settings.consent.as_deref(), "consent", MAX_INTRO_CHARS)?;
    if settings.identification == Identification::Optional && consent.is_none() {
        return Err(StoreError::Invalid(
            "consent: a survey that asks who answers needs a consent text".into(),
        ));
    }
    Ok(SurveySettings {
        title: clean_text(&settings.title, "title", MAX_TITLE_CHARS, false).map_err(invalid)?,
        intro: optional(settings.intro.as_deref(), "intro", MAX_INTRO_CHARS)?,
        audience: optional(settings.audience.as_deref(), "audience", MAX_INTRO_CHARS)?,
        identification: settings.identification,
        consent,
        closes_on: settings.closes_on,
        listed: settings.listed,
        results_public: settings.results_public,
    })
}

fn json(questionnaire: &Questionnaire) -> StoreResult<String> {
    serde_json::to_string(questionnaire).map_err(|e| StoreError::StoredValue(e.to_string()))
}

async fn logged(
    tx: &mut Tx,
    change: PlanChange,
    area: AreaId,
    id: SurveyId,
    action: &str,
    detail: Option<&str>,
) -> StoreResult<()> {
    audit(
        tx,
        change.at,
        change.by,
        Some(area),
        action,
        Some((ENTITY, id.0)),
        detail,
    )
    .await
}

pub(crate) async fn create(
    pool: &Pool,
    area: AreaId,
    settings: &SurveySettings,
    token: &str,
    change: PlanChange,
) -> StoreResult<SurveyId> {
    let settings = checked(settings)?;
    let mut tx = begin_write(pool).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO survey (area_id, title, intro, audience, consent, identification, status, \
         listed, results_public, closes_on, token, questionnaire, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(area.0)
    .bind(&settings.title)
    .bind(settings.intro.as_deref())
    .bind(settings.audience.as_deref())
    .bind(settings.consent.as_deref())
    .bind(settings.identification.key())
    .bind(SurveyStatus::Draft.key())
    .bind(settings.listed)
    .bind(settings.results_public)
    .bind(settings.closes_on)
    .bind(token)
    .bind(json(&Questionnaire::default())?)
    .bind(change.at)
    .fetch_one(&mut *tx)
    .await?;
    logged(
        &mut tx,
        change,
        area,
        SurveyId(id),
        "survey.create",
        Some(&settings.title),
    )
    .await?;
    tx.commit().await?;
    Ok(SurveyId(id))
}

const SELECT: &str = "SELECT s.id, s.area_id, s.title, s.intro, s.audience, s.consent, \
    s.identification, s.status, s.listed, s.results_public, s.closes_on, s.token, \
    s.questionnaire, s.revision, \
    (SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id), s.opened_at, s.closed_at \
    FROM survey s";

/// The columns of [`SELECT`], read one by one (tuples of sqlx stop at 16).
fn survey_of(row: &<super::Db as sqlx::Database>::Row) -> StoreResult<Survey> {
    use sqlx::Row;
    let identification: String = row.try_get(6)?;
    let status: String = row.try_get(7)?;
    let questionnaire: String = row.try_get(12)?;
    Ok(Survey {
        id: SurveyId(row.try_get(0)?),
        area: AreaId(row.try_get(1)?),
        settings: SurveySettings {
            title: row.try_get(2)?,
            intro: row.try_get(3)?,
            audience: row.try_get(4)?,
            identification: stored(identification, "identification", |k| {
                Identification::from_key(&k)
            })?,
            consent: row.try_get(5)?,
            closes_on: row.try_get::<Option<NaiveDate>, _>(10)?,
            listed: row.try_get(8)?,
            results_public: row.try_get(9)?,
        },
        status: stored(status, "survey status", |k| SurveyStatus::from_key(&k))?,
        token: row.try_get(11)?,
        questionnaire: stored(questionnaire, "questionnaire", |j| {
            serde_json::from_str::<Questionnaire>(&j)
        })?,
        revision: row.try_get(13)?,
        responses: row.try_get(14)?,
        opened_at: row.try_get::<Option<DateTime<Utc>>, _>(15)?,
        closed_at: row.try_get::<Option<DateTime<Utc>>, _>(16)?,
    })
}

pub(crate) async fn of_area(pool: &Pool, area: AreaId) -> StoreResult<Vec<Survey>> {
    let rows = sqlx::query(&format!("{SELECT} WHERE s.area_id = $1 ORDER BY s.id DESC"))
        .bind(area.0)
        .fetch_all(pool)
        .await?;
    rows.iter().map(survey_of).collect()
}

pub(crate) async fn one(pool: &Pool, id: SurveyId) -> StoreResult<Option<Survey>> {
    let row = sqlx::query(&format!("{SELECT} WHERE s.id = $1"))
        .bind(id.0)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(survey_of).transpose()
}

pub(crate) async fn by_token(pool: &Pool, token: &str) -> StoreResult<Option<Survey>> {
    let row = sqlx::query(&format!("{SELECT} WHERE s.token = $1"))
        .bind(token)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(survey_of).transpose()
}

/// The survey's area, stored questionnaire and response count, in `tx`.
async fn current(tx: &mut Tx, id: SurveyId) -> StoreResult<(AreaId, String, i64)> {
    let row: Option<(i64, String, i64)> = sqlx::query_as(
        "SELECT area_id, questionnaire, \
         (SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = survey.id) \
         FROM survey WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?;
    let (area, questionnaire, responses) =
        row.ok_or_else(|| StoreError::NotFound(format!("survey {}", id.0)))?;
    Ok((AreaId(area), questionnaire, responses))
}

pub(crate) async fn save(
    pool: &Pool,
    id: SurveyId,
    revision: i64,
    settings: &SurveySettings,
    questionnaire: &Questionnaire,
    change: PlanChange,
) -> StoreResult<i64> {
    let settings = checked(settings)?;
    let questionnaire = questionnaire.clone().checked(false).map_err(invalid)?;
    let mut tx = begin_write(pool).await?;
    let (area, stored_json, responses) = current(&mut tx, id).await?;
    let before: Questionnaire = stored(stored_json, "questionnaire", |j| {
        serde_json::from_str::<Questionnaire>(&j)
    })?;
    let fixed = responses > 0 && before != questionnaire;
    if fixed && !before.wording_only(&questionnaire) {
        return Err(invalid(souhra_core::survey::SurveyError::StructureLocked));
    }
    let updated = sqlx::query(
        "UPDATE survey SET title = $3, intro = $4, audience = $5, consent = $6, \
         identification = $7, listed = $8, results_public = $9, closes_on = $10, \
         questionnaire = $11, revision = revision + 1 WHERE id = $1 AND revision = $2",
    )
    .bind(id.0)
    .bind(revision)
    .bind(&settings.title)
    .bind(settings.intro.as_deref())
    .bind(settings.audience.as_deref())
    .bind(settings.consent.as_deref())
    .bind(settings.identification.key())
    .bind(settings.listed)
    .bind(settings.results_public)
    .bind(settings.closes_on)
    .bind(json(&questionnaire)?)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(StoreError::Conflict(format!(
            "survey {} was changed by someone else since revision {revision}",
            id.0
        )));
    }
    if fixed {
        sqlx::query(
            "INSERT INTO survey_change (survey_id, changed_at, account_id, questionnaire_before, \
             questionnaire_after) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.0)
        .bind(change.at)
        .bind(change.by.map(|a| a.0))
        .bind(json(&before)?)
        .bind(json(&questionnaire)?)
        .execute(&mut *tx)
        .await?;
    }
    let action = if fixed { "survey.fix" } else { "survey.edit" };
    logged(&mut tx, change, area, id, action, Some(&settings.title)).await?;
    tx.commit().await?;
    Ok(revision + 1)
}

pub(crate) async fn set_status(
    pool: &Pool,
    id: SurveyId,
    status: SurveyStatus,
    change: PlanChange,
) -> StoreResult<()> {
    let mut tx = begin_write(pool).await?;
    let (area, stored_json, _) = current(&mut tx, id).await?;
    if status == SurveyStatus::Open {
        let questionnaire: Questionnaire = stored(stored_json, "questionnaire", |j| {
            serde_json::from_str::<Questionnaire>(&j)
        })?;
        questionnaire.checked(true).map_err(invalid)?;
    }
    if status == SurveyStatus::Draft {
        return Err(StoreError::Invalid(
            "a survey cannot go back to a draft".into(),
        ));
    }
    let (opened, closed) = match status {
        SurveyStatus::Open => (Some(change.at), None),
        _ => (None, Some(change.at)),
    };
    sqlx::query(
        "UPDATE survey SET status = $2, opened_at = COALESCE($3, opened_at), closed_at = $4, \
         revision = revision + 1 WHERE id = $1",
    )
    .bind(id.0)
    .bind(status.key())
    .bind(opened)
    .bind(closed)
    .execute(&mut *tx)
    .await?;
    let action = if status == SurveyStatus::Open {
        "survey.open"
    } else {
        "survey.close"
    };
    logged(&mut tx, change, area, id, action, None).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn add_response(
    pool: &Pool,
    id: SurveyId,
    response: &NewResponse,
    at: DateTime<Utc>,
) -> StoreResult<i64> {
    let name = optional(response.name.as_deref(), "name", MAX_NAME_CHARS)?;
    let email = response
        .email
        .as_deref()
        .filter(|e| !e.trim().is_empty())
        .map(|e| Email::parse(e).map(|e| e.as_str().to_owned()))
        .transpose()
        .map_err(invalid)?;
    let answers = serde_json::to_string(&response.answers)
        .map_err(|e| StoreError::StoredValue(e.to_string()))?;
    let mut tx = begin_write(pool).await?;
    let row: Option<(String, Option<NaiveDate>, String, Option<String>)> = sqlx::query_as(
        "SELECT status, closes_on, identification, consent FROM survey WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *tx)
    .await?;
    let (status, closes_on, identification, consent) =
        row.ok_or_else(|| StoreError::NotFound(format!("survey {}", id.0)))?;
    let open =
        status == SurveyStatus::Open.key() && closes_on.is_none_or(|last| prague_day(at) <= last);
    if !open {
        return Err(StoreError::Invalid("the survey takes no answers".into()));
    }
    let identified = name.is_some() || email.is_some();
    if identified {
        if identification != Identification::Optional.key() {
            return Err(StoreError::Invalid(
                "the survey is anonymous: no name or e-mail is kept".into(),
            ));
        }
        if response.consent.is_none() || response.consent != consent {
            return Err(StoreError::Invalid(
                "consent: a name or an e-mail is kept only with consent".into(),
            ));
        }
    }
    let (response_id,): (i64,) = sqlx::query_as(
        "INSERT INTO survey_response (survey_id, submitted_at, answers, name, email, consent) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(id.0)
    .bind(at)
    .bind(&answers)
    .bind(name.as_deref())
    .bind(email.as_deref())
    .bind(if identified { consent.as_deref() } else { None })
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(response_id)
}

pub(crate) async fn responses(pool: &Pool, id: SurveyId) -> StoreResult<Vec<Response>> {
    type Row = (i64, DateTime<Utc>, String, Option<String>, Option<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, submitted_at, answers, name, email FROM survey_response \
         WHERE survey_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, submitted_at, answers, name, email)| {
            Ok(Response {
                id,
                submitted_at,
                answers: stored(answers, "answers", |j| serde_json::from_str::<Answers>(&j))?,
                name,
                email,
            })
        })
        .collect()
}

pub(crate) async fn fixes(pool: &Pool, id: SurveyId) -> StoreResult<Vec<WordingFix>> {
    type Row = (DateTime<Utc>, Option<String>, String, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.changed_at, a.email, c.questionnaire_before, c.questionnaire_after \
         FROM survey_change c LEFT JOIN account a ON a.id = c.account_id \
         WHERE c.survey_id = $1 ORDER BY c.id",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(at, by, before, after)| {
            let parse = |j: String| stored(j, "questionnaire", |j| serde_json::from_str(&j));
            Ok(WordingFix {
                at,
                by,
                before: parse(before)?,
                after: parse(after)?,
            })
        })
        .collect()
}

//! The demo area's **fictional** needs surveys (`data/generator/pruzkumy-demo.json`): a closed
//! one with generated answers and public results, and an open one to try. The answers are made
//! by a fixed pseudo-random sequence, earlier options a little likelier, so the results look
//! like results and stay the same on every run.

use std::collections::BTreeMap;

use serde::Deserialize;
use souhra_core::area::AreaId;
use souhra_core::survey::{Identification, QuestionKind, Questionnaire, RawAnswer, SurveyStatus};
use souhra_store::Store;
use souhra_store::plan::PlanChange;
use souhra_store::survey::{NewResponse, SurveySettings};

use crate::failure::Failure;

const DEMO_SURVEYS: &str = "generator/pruzkumy-demo.json";

#[derive(Deserialize)]
struct File {
    surveys: Vec<Seed>,
}

#[derive(Deserialize)]
struct Seed {
    title: String,
    intro: Option<String>,
    audience: Option<String>,
    status: String,
    results_public: bool,
    listed: bool,
    responses: usize,
    texts: Vec<String>,
    questionnaire: Questionnaire,
}

fn bad(what: impl std::fmt::Display) -> Failure {
    Failure::runtime(format!("{DEMO_SURVEYS}: {what}"))
}

/// A fixed pseudo-random sequence (a 64-bit linear congruential generator).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below.max(1) as u64) as usize
    }

    /// An index below `n`, earlier ones likelier (the lower of two draws).
    fn skewed(&mut self, n: usize) -> usize {
        self.next(n).min(self.next(n))
    }
}

/// One generated respondent's form fields.
fn generated(
    q: &Questionnaire,
    texts: &[String],
    seq: &mut Sequence,
) -> BTreeMap<usize, RawAnswer> {
    let mut raw = BTreeMap::new();
    for (i, question) in q.questions.iter().enumerate() {
        let mut answer = RawAnswer::default();
        match question.kind {
            QuestionKind::Single => answer
                .values
                .push(seq.skewed(question.options.len()).to_string()),
            QuestionKind::Multiple => {
                for o in 0..question.options.len() {
                    if seq.next(10) < 4 || (question.required && o == 0 && seq.next(2) == 0) {
                        answer.values.push(o.to_string());
                    }
                }
                if answer.values.is_empty() {
                    answer
                        .values
                        .push(seq.next(question.options.len()).to_string());
                }
            }
            QuestionKind::Scale => {
                let values = question.scale_values();
                let high = values.len();
                answer
                    .values
                    .push(values[high - 1 - seq.skewed(high)].to_string());
            }
            QuestionKind::Text => {
                if !texts.is_empty() && seq.next(4) == 0 {
                    answer.values.push(texts[seq.next(texts.len())].clone());
                }
            }
            QuestionKind::Matrix => {
                for r in 0..question.rows.len() {
                    answer
                        .rows
                        .insert(r, seq.skewed(question.options.len()).to_string());
                }
            }
        }
        raw.insert(i, answer);
    }
    raw
}

/// The questionnaire of demo survey `n` (checked), for benchmarks.
pub fn questionnaire(n: usize) -> Result<Questionnaire, Failure> {
    let text = souhra_interop::bundled::file(DEMO_SURVEYS)?;
    let file: File = serde_json::from_slice(text).map_err(bad)?;
    let seed = file
        .surveys
        .into_iter()
        .nth(n)
        .ok_or_else(|| bad(format!("no survey {n}")))?;
    seed.questionnaire.checked(true).map_err(bad)
}

/// Stores the demo surveys in `area` unless it has surveys already; returns how many.
pub async fn seed(store: &Store, area: AreaId) -> Result<usize, Failure> {
    if !store.surveys(area).await?.is_empty() {
        return Ok(0);
    }
    let text = souhra_interop::bundled::file(DEMO_SURVEYS)?;
    let file: File = serde_json::from_slice(text).map_err(bad)?;
    let now = chrono::Utc::now();
    let change = PlanChange { by: None, at: now };
    let mut seq = Sequence(2026);
    for (n, s) in file.surveys.iter().enumerate() {
        let settings = SurveySettings {
            title: s.title.clone(),
            intro: s.intro.clone(),
            audience: s.audience.clone(),
            identification: Identification::Anonymous,
            consent: None,
            closes_on: None,
            listed: s.listed,
            results_public: s.results_public,
        };
        let token = format!("ukazka-{}", n + 1);
        let id = store.create_survey(area, &settings, &token, change).await?;
        let questionnaire = s.questionnaire.clone().checked(true).map_err(bad)?;
        store
            .save_survey(id, 1, &settings, &questionnaire, change)
            .await?;
        store
            .set_survey_status(id, SurveyStatus::Open, change)
            .await?;
        for r in 0..s.responses {
            let raw = generated(&questionnaire, &s.texts, &mut seq);
            let answers = questionnaire.answers(&raw).map_err(bad)?;
            let at = now - chrono::Duration::hours(i64::try_from(s.responses - r).unwrap_or(0) * 7);
            store
                .add_survey_response(
                    id,
                    &NewResponse {
                        answers,
                        name: None,
                        email: None,
                        consent: None,
                    },
                    at,
                )
                .await?;
        }
        if SurveyStatus::from_key(&s.status).map_err(bad)? == SurveyStatus::Closed {
            store
                .set_survey_status(id, SurveyStatus::Closed, change)
                .await?;
        }
    }
    Ok(file.surveys.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_surveys_are_valid_and_their_answers_fit() {
        let text = souhra_interop::bundled::file(DEMO_SURVEYS).unwrap();
        let file: File = serde_json::from_slice(text).unwrap();
        assert!(file.surveys.iter().any(|s| s.responses > 0));
        let mut seq = Sequence(1);
        for s in &file.surveys {
            let q = s.questionnaire.clone().checked(true).unwrap();
            for _ in 0..50 {
                let raw = generated(&q, &s.texts, &mut seq);
                q.answers(&raw).unwrap();
            }
        }
    }
}

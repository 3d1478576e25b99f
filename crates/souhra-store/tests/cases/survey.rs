//! Survey cases of the store suite (included by `store.rs`, so they run on both databases): a
//! survey from draft to closed, answers taken only while open, a stale save refused, the
//! structure locked once answers exist and wording fixes kept.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use souhra_core::survey::{
    Identification, Question, QuestionKind, Questionnaire, RawAnswer, SurveyStatus,
};
use souhra_store::plan::PlanChange;
use souhra_store::survey::{NewResponse, SurveySettings};
use souhra_store::{Store, StoreError};

use crate::catalogue::plzensky_kraj_with_nepomuk;

fn change(hour: u32) -> PlanChange {
    PlanChange {
        by: None,
        at: Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap(),
    }
}

fn settings(identification: Identification) -> SurveySettings {
    SurveySettings {
        title: "  Potřeby seniorů 2026 ".into(),
        intro: Some("Pomozte nám plánovat.".into()),
        audience: Some("senioři a jejich blízcí".into()),
        identification,
        consent: (identification == Identification::Optional)
            .then(|| "Souhlasím se zpracováním jména a e-mailu.".into()),
        closes_on: Some(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
        listed: true,
        results_public: false,
    }
}

fn questionnaire() -> Questionnaire {
    Questionnaire {
        questions: vec![
            Question {
                text: "Co vám chybí?".into(),
                help: None,
                required: true,
                kind: QuestionKind::Single,
                options: vec!["odlehčovací služba".into(), "dovoz obědů".into()],
                rows: Vec::new(),
                scale: None,
            },
            Question {
                text: "Vzkaz".into(),
                help: None,
                required: false,
                kind: QuestionKind::Text,
                options: Vec::new(),
                rows: Vec::new(),
                scale: None,
            },
        ],
    }
}

fn response(q: &Questionnaire, option: &str) -> NewResponse {
    let raw: BTreeMap<usize, RawAnswer> = [(
        0,
        RawAnswer {
            values: vec![option.into()],
            rows: BTreeMap::new(),
        },
    )]
    .into();
    NewResponse {
        answers: q.answers(&raw).unwrap(),
        name: None,
        email: None,
        consent: None,
    }
}

pub async fn a_survey_takes_answers_while_open_and_keeps_its_structure(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let id = store
        .create_survey(
            area.id,
            &settings(Identification::Anonymous),
            "t0ken",
            change(8),
        )
        .await
        .unwrap();
    let survey = store.survey(id).await.unwrap().unwrap();
    assert_eq!(survey.status, SurveyStatus::Draft);
    assert_eq!(survey.settings.title, "Potřeby seniorů 2026");
    assert!(survey.questionnaire.questions.is_empty());
    // An empty questionnaire cannot open; a draft takes no answers.
    let error = store
        .set_survey_status(id, SurveyStatus::Open, change(8))
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::Invalid(_)), "{error}");
    let q = questionnaire();
    assert!(
        store
            .add_survey_response(id, &response(&q, "0"), change(9).at)
            .await
            .is_err()
    );
    let revision = store
        .save_survey(id, survey.revision, &survey.settings, &q, change(9))
        .await
        .unwrap();
    // A save from the old revision is refused and changes nothing.
    let mut other = q.clone();
    other.questions.pop();
    let stale = store
        .save_survey(id, survey.revision, &survey.settings, &other, change(9))
        .await
        .unwrap_err();
    assert!(matches!(stale, StoreError::Conflict(_)), "{stale}");
    assert_eq!(
        store
            .survey(id)
            .await
            .unwrap()
            .unwrap()
            .questionnaire
            .questions
            .len(),
        2
    );
    store
        .set_survey_status(id, SurveyStatus::Open, change(10))
        .await
        .unwrap();
    let open = store.survey_by_token("t0ken").await.unwrap().unwrap();
    assert_eq!(open.id, id);
    assert!(open.takes_answers(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()));
    assert!(!open.takes_answers(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
    store
        .add_survey_response(id, &response(&q, "1"), change(11).at)
        .await
        .unwrap();
    // An anonymous survey keeps no names.
    let mut named = response(&q, "0");
    named.name = Some("Jana Nováková".into());
    named.consent = Some("cokoli".into());
    let error = store
        .add_survey_response(id, &named, change(11).at)
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::Invalid(_)), "{error}");
    // After the closing day: no answers.
    let late = Utc.with_ymd_and_hms(2027, 1, 1, 12, 0, 0).unwrap();
    assert!(
        store
            .add_survey_response(id, &response(&q, "0"), late)
            .await
            .is_err()
    );
    // With answers, the structure is locked; wording may be corrected and is kept.
    let survey = store.survey(id).await.unwrap().unwrap();
    assert_eq!(survey.responses, 1);
    let mut more = q.clone();
    more.questions[0].options.push("jiné".into());
    let error = store
        .save_survey(id, survey.revision, &survey.settings, &more, change(12))
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::Invalid(_)), "{error}");
    let mut fixed = q.clone();
    fixed.questions[0].options[1] = "dovoz obědů domů".into();
    let after = store
        .save_survey(id, survey.revision, &survey.settings, &fixed, change(12))
        .await
        .unwrap();
    assert_eq!(after, survey.revision + 1);
    assert!(after > revision);
    let fixes = store.survey_fixes(id).await.unwrap();
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].before, q);
    assert_eq!(fixes[0].after.questions[0].options[1], "dovoz obědů domů");
    // Closed: no answers, and no way back to a draft.
    store
        .set_survey_status(id, SurveyStatus::Closed, change(13))
        .await
        .unwrap();
    assert!(
        store
            .add_survey_response(id, &response(&q, "0"), change(14).at)
            .await
            .is_err()
    );
    assert!(
        store
            .set_survey_status(id, SurveyStatus::Draft, change(14))
            .await
            .is_err()
    );
    let responses = store.survey_responses(id).await.unwrap();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].answers, response(&q, "1").answers);
    assert_eq!(responses[0].name, None);
    assert_eq!(store.surveys(area.id).await.unwrap().len(), 1);
}

pub async fn identified_answers_need_consent(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let mut no_consent = settings(Identification::Optional);
    no_consent.consent = None;
    assert!(
        store
            .create_survey(area.id, &no_consent, "a", change(8))
            .await
            .is_err()
    );
    let s = settings(Identification::Optional);
    let id = store
        .create_survey(area.id, &s, "b", change(8))
        .await
        .unwrap();
    let survey = store.survey(id).await.unwrap().unwrap();
    let q = questionnaire();
    store
        .save_survey(id, survey.revision, &survey.settings, &q, change(9))
        .await
        .unwrap();
    store
        .set_survey_status(id, SurveyStatus::Open, change(9))
        .await
        .unwrap();
    let mut named = response(&q, "0");
    named.name = Some("Jana Nováková".into());
    named.email = Some("jana@example.cz".into());
    assert!(
        store
            .add_survey_response(id, &named, change(10).at)
            .await
            .is_err(),
        "no consent given"
    );
    named.consent = s.consent.clone();
    named.email = Some("ne-e-mail".into());
    assert!(
        store
            .add_survey_response(id, &named, change(10).at)
            .await
            .is_err(),
        "a broken e-mail"
    );
    named.email = Some("jana@example.cz".into());
    store
        .add_survey_response(id, &named, change(10).at)
        .await
        .unwrap();
    let responses = store.survey_responses(id).await.unwrap();
    assert_eq!(responses[0].email.as_deref(), Some("jana@example.cz"));
    assert_eq!(responses[0].name.as_deref(), Some("Jana Nováková"));
}

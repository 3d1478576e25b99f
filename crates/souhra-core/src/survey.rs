//! Needs surveys (dotazníková šetření potřeb): a questionnaire of single and multiple choice,
//! scale, free-text and matrix questions; answers checked against it; results counted per
//! option, optionally only over the responses that gave one answer to another question (a
//! filter). A questionnaire with answers cannot change its structure: only its wording may be
//! corrected ([`Questionnaire::wording_only`] tells).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plan::keyed;

keyed!(
    /// The kind of a question.
    QuestionKind, "question kind" {
        /// One option of several.
        Single => "single",
        /// Any number of options.
        Multiple => "multiple",
        /// A number on a scale (1–5, 0–10 …).
        Scale => "scale",
        /// Free text.
        Text => "text",
        /// Several statements (rows), each answered with one option (columns).
        Matrix => "matrix",
    }
);

keyed!(
    /// Whether respondents say who they are.
    Identification, "identification" {
        /// Anonymous: no name or e-mail is asked for (the default).
        Anonymous => "anonymous",
        /// A name and an e-mail may be given, with consent to their processing.
        Optional => "optional",
    }
);

keyed!(
    /// Where a survey is in its life.
    SurveyStatus, "survey status" {
        /// Being prepared; not reachable by its link.
        Draft => "draft",
        /// Collecting answers until its closing date.
        Open => "open",
        /// No more answers.
        Closed => "closed",
    }
);

/// Longest title (characters).
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest introduction, audience or consent text (characters).
pub const MAX_INTRO_CHARS: usize = 4000;
/// Longest question or option text (characters).
pub const MAX_QUESTION_CHARS: usize = 500;
/// Most questions of a questionnaire.
pub const MAX_QUESTIONS: usize = 100;
/// Most options (or matrix rows) of a question.
pub const MAX_OPTIONS: usize = 30;
/// Longest free-text answer (characters).
pub const MAX_ANSWER_CHARS: usize = 4000;
/// The widest scale (steps from the lowest to the highest value, both included).
pub const MAX_SCALE_STEPS: i32 = 11;

/// Why a questionnaire or an answer cannot be saved. Each names the question (by its number,
/// from 1) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SurveyError {
    /// A text is empty, too long or holds control characters.
    #[error("{field}: must be 1 to {max} characters of text")]
    Text {
        /// The field.
        field: String,
        /// Its longest length.
        max: usize,
    },
    /// A questionnaire without questions, or with too many.
    #[error("a questionnaire has 1 to {MAX_QUESTIONS} questions")]
    QuestionCount,
    /// A choice or matrix question without (enough) options, or with too many.
    #[error("question {0}: give 2 to {MAX_OPTIONS} options, each once")]
    Options(usize),
    /// A matrix without statements, or with too many.
    #[error("question {0}: give 1 to {MAX_OPTIONS} statements, each once")]
    Rows(usize),
    /// A scale that is not a range of 2 to 11 whole numbers.
    #[error(
        "question {0}: a scale runs over 2 to {MAX_SCALE_STEPS} whole numbers from its lowest to its highest"
    )]
    Scale(usize),
    /// A required question without an answer.
    #[error("question {0} needs an answer")]
    Required(usize),
    /// An answer that the question does not offer.
    #[error("question {0}: the answer is not one the question offers")]
    NotOffered(usize),
    /// A changed questionnaire whose structure differs although it has answers.
    #[error(
        "the questionnaire has answers: only its wording may be corrected, not its questions, kinds, options or scales"
    )]
    StructureLocked,
}

fn text(
    value: &str,
    field: impl Into<String>,
    max: usize,
    multiline: bool,
) -> Result<String, SurveyError> {
    let value = value.trim();
    let bad = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
    if value.is_empty() || value.chars().count() > max || value.chars().any(bad) {
        return Err(SurveyError::Text {
            field: field.into(),
            max,
        });
    }
    Ok(value.replace("\r\n", "\n"))
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// What is asked.
    pub text: String,
    /// An optional help text.
    #[serde(default)]
    pub help: Option<String>,
    /// Whether an answer is needed.
    pub required: bool,
    /// Its kind.
    pub kind: QuestionKind,
    /// Options of choice questions, columns of a matrix.
    #[serde(default)]
    pub options: Vec<String>,
    /// Statements (rows) of a matrix.
    #[serde(default)]
    pub rows: Vec<String>,
    /// Lowest and highest value of a scale, with optional words for the ends.
    #[serde(default)]
    pub scale: Option<Scale>,
}

/// A scale of whole numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    /// The lowest value.
    pub low: i32,
    /// The highest value.
    pub high: i32,
    /// What the lowest value means ("not at all").
    #[serde(default)]
    pub low_label: Option<String>,
    /// What the highest value means ("very much").
    #[serde(default)]
    pub high_label: Option<String>,
}

impl Question {
    /// The question checked as question `number` (from 1), texts trimmed.
    pub fn checked(mut self, number: usize) -> Result<Self, SurveyError> {
        let field = |what: &str| format!("question {number}: {what}");
        self.text = text(&self.text, field("text"), MAX_QUESTION_CHARS, true)?;
        self.help = match self.help.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(help) => Some(text(help, field("help"), MAX_QUESTION_CHARS, true)?),
        };
        let list = |items: &[String], what: &str| -> Result<Vec<String>, SurveyError> {
            items
                .iter()
                .map(|o| text(o, field(what), MAX_QUESTION_CHARS, false))
                .collect()
        };
        let distinct = |items: &[String]| {
            let mut seen: Vec<String> = items.iter().map(|i| i.to_lowercase()).collect();
            seen.sort();
            seen.dedup();
            seen.len() == items.len()
        };
        match self.kind {
            QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Matrix => {
                self.options = list(&self.options, "option")?;
                if !(2..=MAX_OPTIONS).contains(&self.options.len()) || !distinct(&self.options) {
                    return Err(SurveyError::Options(number));
                }
                self.scale = None;
            }
            QuestionKind::Scale | QuestionKind::Text => {
                self.options.clear();
            }
        }
        if self.kind == QuestionKind::Matrix {
            self.rows = list(&self.rows, "statement")?;
            if !(1..=MAX_OPTIONS).contains(&self.rows.len()) || !distinct(&self.rows) {
                return Err(SurveyError::Rows(number));
            }
        } else {
            self.rows.clear();
        }
        if self.kind == QuestionKind::Scale {
            let mut scale = self.scale.take().ok_or(SurveyError::Scale(number))?;
            let steps = scale.high.checked_sub(scale.low).map(|d| d + 1);
            if !steps.is_some_and(|s| (2..=MAX_SCALE_STEPS).contains(&s)) {
                return Err(SurveyError::Scale(number));
            }
            let label = |l: Option<String>, what: &str| -> Result<Option<String>, SurveyError> {
                match l.as_deref().map(str::trim) {
                    None | Some("") => Ok(None),
                    Some(l) => Ok(Some(text(l, field(what), MAX_QUESTION_CHARS, false)?)),
                }
            };
            scale.low_label = label(scale.low_label, "scale")?;
            scale.high_label = label(scale.high_label, "scale")?;
            self.scale = Some(scale);
        } else {
            self.scale = None;
        }
        Ok(self)
    }

    /// The scale's values, lowest first (empty for other kinds).
    pub fn scale_values(&self) -> Vec<i32> {
        self.scale
            .as_ref()
            .map(|s| (s.low..=s.high).collect())
            .unwrap_or_default()
    }

    /// Whether `other` asks the same in the same shape (kind, number of options and rows, scale
    /// range, required), whatever the wording.
    fn same_shape(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.required == other.required
            && self.options.len() == other.options.len()
            && self.rows.len() == other.rows.len()
            && self.scale.as_ref().map(|s| (s.low, s.high))
                == other.scale.as_ref().map(|s| (s.low, s.high))
    }
}

/// The questions of a survey, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Questionnaire {
    /// The questions.
    pub questions: Vec<Question>,
}

impl Questionnaire {
    /// The questionnaire checked (at least one question when `complete`, as opening needs).
    pub fn checked(self, complete: bool) -> Result<Self, SurveyError> {
        if self.questions.len() > MAX_QUESTIONS || (complete && self.questions.is_empty()) {
            return Err(SurveyError::QuestionCount);
        }
        let questions = self
            .questions
            .into_iter()
            .enumerate()
            .map(|(i, q)| q.checked(i + 1))
            .collect::<Result<_, _>>()?;
        Ok(Self { questions })
    }

    /// Whether `changed` differs from this one in wording only (same questions in the same
    /// shapes), so that it may replace it although answers exist.
    pub fn wording_only(&self, changed: &Self) -> bool {
        self.questions.len() == changed.questions.len()
            && self
                .questions
                .iter()
                .zip(&changed.questions)
                .all(|(a, b)| a.same_shape(b))
    }
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The index of the option chosen.
    Single(usize),
    /// The indexes of the options chosen, ascending.
    Multiple(Vec<usize>),
    /// The value chosen.
    Scale(i32),
    /// The text written.
    Text(String),
    /// For each statement, the index of the option chosen (`None`: not answered).
    Matrix(Vec<Option<usize>>),
}

/// One respondent's answers, by question index (questions left out were not answered).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<usize, Answer>);

/// What a form sent for one question, before checking: the values of its field (a matrix sends
/// one value per statement, keyed by the statement's index).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawAnswer {
    /// Values of the question's own field (several for multiple choice).
    pub values: Vec<String>,
    /// Values of a matrix's rows: row index → option index as text.
    pub rows: BTreeMap<usize, String>,
}

impl Questionnaire {
    /// Checks what a form sent (question index → raw answer) and turns it into answers.
    pub fn answers(&self, raw: &BTreeMap<usize, RawAnswer>) -> Result<Answers, SurveyError> {
        let mut answers = BTreeMap::new();
        for (i, q) in self.questions.iter().enumerate() {
            let number = i + 1;
            let empty = RawAnswer::default();
            let sent = raw.get(&i).unwrap_or(&empty);
            let values: Vec<&str> = sent
                .values
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .collect();
            let index = |v: &str, len: usize| -> Result<usize, SurveyError> {
                v.parse::<usize>()
                    .ok()
                    .filter(|&n| n < len)
                    .ok_or(SurveyError::NotOffered(number))
            };
            let answer = match q.kind {
                QuestionKind::Single => match values.as_slice() {
                    [] => None,
                    [one] => Some(Answer::Single(index(one, q.options.len())?)),
                    _ => return Err(SurveyError::NotOffered(number)),
                },
                QuestionKind::Multiple => {
                    let mut chosen = values
                        .iter()
                        .map(|v| index(v, q.options.len()))
                        .collect::<Result<Vec<_>, _>>()?;
                    chosen.sort_unstable();
                    chosen.dedup();
                    (!chosen.is_empty()).then_some(Answer::Multiple(chosen))
                }
                QuestionKind::Scale => match values.as_slice() {
                    [] => None,
                    [one] => {
                        let value = one
                            .parse::<i32>()
                            .ok()
                            .filter(|v| q.scale_values().contains(v))
                            .ok_or(SurveyError::NotOffered(number))?;
                        Some(Answer::Scale(value))
                    }
                    _ => return Err(SurveyError::NotOffered(number)),
                },
                QuestionKind::Text => match values.as_slice() {
                    [] => None,
                    [one] => Some(Answer::Text(text(
                        one,
                        format!("question {number}"),
                        MAX_ANSWER_CHARS,
                        true,
                    )?)),
                    _ => return Err(SurveyError::NotOffered(number)),
                },
                QuestionKind::Matrix => {
                    if sent.rows.keys().any(|&r| r >= q.rows.len()) {
                        return Err(SurveyError::NotOffered(number));
                    }
                    let chosen = (0..q.rows.len())
                        .map(|r| match sent.rows.get(&r).map(|v| v.trim()) {
                            None | Some("") => Ok(None),
                            Some(v) => index(v, q.options.len()).map(Some),
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    let answered = chosen.iter().filter(|c| c.is_some()).count();
                    if q.required && answered > 0 && answered < chosen.len() {
                        return Err(SurveyError::Required(number));
                    }
                    (answered > 0).then_some(Answer::Matrix(chosen))
                }
            };
            match answer {
                Some(a) => {
                    answers.insert(i, a);
                }
                None if q.required => return Err(SurveyError::Required(number)),
                None => {}
            }
        }
        Ok(Answers(answers))
    }
}

/// A filter of the results: only responses that chose `option` in question `question`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// The question (index), a single or multiple choice.
    pub question: usize,
    /// The option (index).
    pub option: usize,
}

impl Filter {
    /// Whether `answers` pass.
    pub fn passes(&self, answers: &Answers) -> bool {
        match answers.0.get(&self.question) {
            Some(Answer::Single(o)) => *o == self.option,
            Some(Answer::Multiple(os)) => os.contains(&self.option),
            _ => false,
        }
    }
}

/// The results of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    /// Responses that answered it.
    pub answered: usize,
    /// Per option (choice questions) or per scale value: how many chose it.
    pub counts: Vec<usize>,
    /// The mean of a scale.
    pub mean: Option<f64>,
    /// The texts written, in the order of the responses.
    pub texts: Vec<String>,
    /// Per matrix statement, per option: how many chose it.
    pub matrix: Vec<Vec<usize>>,
}

/// The results of a questionnaire over `responses` (those passing `filter`, if any).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// Responses counted.
    pub responses: usize,
    /// Per question.
    pub questions: Vec<QuestionResult>,
}

/// Counts the answers of `responses` to `questionnaire`; answers that no longer fit it (an
/// option index beyond the options) are left out rather than counted wrongly.
pub fn results<'a>(
    questionnaire: &Questionnaire,
    responses: impl IntoIterator<Item = &'a Answers>,
    filter: Option<Filter>,
) -> Results {
    let mut out: Vec<QuestionResult> = questionnaire
        .questions
        .iter()
        .map(|q| QuestionResult {
            answered: 0,
            counts: vec![
                0;
                match q.kind {
                    QuestionKind::Scale => q.scale_values().len(),
                    QuestionKind::Single | QuestionKind::Multiple => q.options.len(),
                    _ => 0,
                }
            ],
            mean: None,
            texts: Vec::new(),
            matrix: vec![vec![0; q.options.len()]; q.rows.len()],
        })
        .collect();
    let mut sums: Vec<i64> = vec![0; questionnaire.questions.len()];
    let mut counted = 0;
    for answers in responses {
        if filter.is_some_and(|f| !f.passes(answers)) {
            continue;
        }
        counted += 1;
        for (&i, answer) in &answers.0 {
            let (Some(q), Some(result)) = (questionnaire.questions.get(i), out.get_mut(i)) else {
                continue;
            };
            let fits = match (q.kind, answer) {
                (QuestionKind::Single, Answer::Single(o)) => {
                    result.counts.get_mut(*o).map(|c| *c += 1).is_some()
                }
                (QuestionKind::Multiple, Answer::Multiple(os)) => {
                    for o in os {
                        if let Some(c) = result.counts.get_mut(*o) {
                            *c += 1;
                        }
                    }
                    true
                }
                (QuestionKind::Scale, Answer::Scale(v)) => {
                    let position = q.scale_values().iter().position(|x| x == v);
                    if let Some(p) = position {
                        result.counts[p] += 1;
                        sums[i] += i64::from(*v);
                    }
                    position.is_some()
                }
                (QuestionKind::Text, Answer::Text(t)) => {
                    result.texts.push(t.clone());
                    true
                }
                (QuestionKind::Matrix, Answer::Matrix(rows)) => {
                    for (r, chosen) in rows.iter().enumerate() {
                        if let Some(c) = chosen.and_then(|o| result.matrix.get_mut(r)?.get_mut(o)) {
                            *c += 1;
                        }
                    }
                    true
                }
                _ => false,
            };
            if fits {
                result.answered += 1;
            }
        }
    }
    for (i, (q, result)) in questionnaire.questions.iter().zip(&mut out).enumerate() {
        if q.kind == QuestionKind::Scale && result.answered > 0 {
            result.mean = Some(sums[i] as f64 / result.answered as f64);
        }
    }
    Results {
        responses: counted,
        questions: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, text: &str, options: &[&str]) -> Question {
        Question {
            text: text.into(),
            help: None,
            required: false,
            kind,
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            rows: Vec::new(),
            scale: None,
        }
    }

    fn questionnaire() -> Questionnaire {
        let mut needs = question(
            QuestionKind::Multiple,
            "Co potřebujete?",
            &["odlehčení", "dovoz obědů", "poradenství"],
        );
        needs.required = true;
        let mut satisfaction = question(QuestionKind::Scale, "Spokojenost", &[]);
        satisfaction.scale = Some(Scale {
            low: 1,
            high: 5,
            low_label: Some("vůbec".into()),
            high_label: None,
        });
        let mut matrix = question(QuestionKind::Matrix, "Jak hodnotíte", &["dobře", "špatně"]);
        matrix.rows = vec!["dopravu".into(), "lékaře".into()];
        Questionnaire {
            questions: vec![
                question(QuestionKind::Single, "Věk", &["do 64", "65 a více"]),
                needs,
                satisfaction,
                question(QuestionKind::Text, "Vzkaz", &[]),
                matrix,
            ],
        }
        .checked(true)
        .unwrap()
    }

    fn raw(pairs: &[(usize, &[&str])]) -> BTreeMap<usize, RawAnswer> {
        pairs
            .iter()
            .map(|(i, values)| {
                (
                    *i,
                    RawAnswer {
                        values: values.iter().map(|v| (*v).to_owned()).collect(),
                        rows: BTreeMap::new(),
                    },
                )
            })
            .collect()
    }

    #[test]
    fn questionnaires_are_checked_question_by_question() {
        assert!(Questionnaire::default().checked(true).is_err());
        assert!(Questionnaire::default().checked(false).is_ok());
        let cases: Vec<(Question, SurveyError)> = vec![
            (
                question(QuestionKind::Single, "Jen jedna", &["a"]),
                SurveyError::Options(1),
            ),
            (
                question(QuestionKind::Single, "Dvakrát", &["a", "A "]),
                SurveyError::Options(1),
            ),
            (
                question(QuestionKind::Scale, "Bez rozsahu", &[]),
                SurveyError::Scale(1),
            ),
            (
                question(QuestionKind::Matrix, "Bez řádků", &["a", "b"]),
                SurveyError::Rows(1),
            ),
        ];
        for (q, expected) in cases {
            assert_eq!(
                Questionnaire { questions: vec![q] }
                    .checked(true)
                    .unwrap_err(),
                expected
            );
        }
        let mut wide = question(QuestionKind::Scale, "Široká", &[]);
        wide.scale = Some(Scale {
            low: 0,
            high: 11,
            low_label: None,
            high_label: None,
        });
        assert_eq!(wide.checked(3).unwrap_err(), SurveyError::Scale(3));
        let mut reversed = question(QuestionKind::Scale, "Obrácená", &[]);
        reversed.scale = Some(Scale {
            low: 5,
            high: 1,
            low_label: None,
            high_label: None,
        });
        assert_eq!(reversed.checked(1).unwrap_err(), SurveyError::Scale(1));
        let mut extreme = question(QuestionKind::Scale, "Přetečení", &[]);
        extreme.scale = Some(Scale {
            low: i32::MIN,
            high: i32::MAX,
            low_label: None,
            high_label: None,
        });
        assert_eq!(extreme.checked(1).unwrap_err(), SurveyError::Scale(1));
        let empty = question(QuestionKind::Text, "  ", &[]);
        assert!(matches!(
            empty.checked(2).unwrap_err(),
            SurveyError::Text { .. }
        ));
        let control = question(QuestionKind::Text, "a\u{7}b", &[]);
        assert!(control.checked(1).is_err());
        // Options of a text question are dropped, not kept.
        let text = question(QuestionKind::Text, "Text", &["x"])
            .checked(1)
            .unwrap();
        assert!(text.options.is_empty());
    }

    #[test]
    fn answers_are_checked_against_the_questions() {
        let q = questionnaire();
        let mut sent = raw(&[
            (0, &["1"]),
            (1, &["2", "0", "2"]),
            (2, &["4"]),
            (3, &[" Díky "]),
        ]);
        sent.entry(4).or_default().rows = [(0, "0".to_owned()), (1, "1".to_owned())].into();
        let answers = q.answers(&sent).unwrap();
        assert_eq!(answers.0[&0], Answer::Single(1));
        assert_eq!(answers.0[&1], Answer::Multiple(vec![0, 2]));
        assert_eq!(answers.0[&2], Answer::Scale(4));
        assert_eq!(answers.0[&3], Answer::Text("Díky".into()));
        assert_eq!(answers.0[&4], Answer::Matrix(vec![Some(0), Some(1)]));
        // Only the required question answered.
        let least = q.answers(&raw(&[(1, &["0"])])).unwrap();
        assert_eq!(least.0.len(), 1);
        let cases: Vec<(BTreeMap<usize, RawAnswer>, SurveyError)> = vec![
            (raw(&[]), SurveyError::Required(2)),
            (raw(&[(1, &["3"])]), SurveyError::NotOffered(2)),
            (raw(&[(1, &["-1"])]), SurveyError::NotOffered(2)),
            (
                raw(&[(0, &["0", "1"]), (1, &["0"])]),
                SurveyError::NotOffered(1),
            ),
            (raw(&[(1, &["0"]), (2, &["6"])]), SurveyError::NotOffered(3)),
            (raw(&[(1, &["0"]), (2, &["x"])]), SurveyError::NotOffered(3)),
        ];
        for (sent, expected) in cases {
            assert_eq!(q.answers(&sent).unwrap_err(), expected);
        }
        let mut bad_row = raw(&[(1, &["0"])]);
        bad_row.entry(4).or_default().rows = [(7, "0".to_owned())].into();
        assert_eq!(q.answers(&bad_row).unwrap_err(), SurveyError::NotOffered(5));
        let long = "x".repeat(MAX_ANSWER_CHARS + 1);
        assert!(matches!(
            q.answers(&raw(&[(1, &["0"]), (3, &[long.as_str()])]))
                .unwrap_err(),
            SurveyError::Text { .. }
        ));
    }

    #[test]
    fn results_count_options_scales_texts_and_matrices_with_filters() {
        let q = questionnaire();
        let mut all = Vec::new();
        for (age, needs, scale, text) in [
            ("0", vec!["0"], "5", "první"),
            ("1", vec!["0", "1"], "3", ""),
            ("1", vec!["1"], "4", "třetí"),
        ] {
            let needs: Vec<&str> = needs;
            let mut sent = raw(&[
                (0, &[age]),
                (1, needs.as_slice()),
                (2, &[scale]),
                (3, &[text]),
            ]);
            sent.entry(4).or_default().rows = [(1, "0".to_owned())].into();
            all.push(q.answers(&sent).unwrap());
        }
        let r = results(&q, &all, None);
        assert_eq!(r.responses, 3);
        assert_eq!(r.questions[0].counts, [1, 2]);
        assert_eq!(r.questions[1].counts, [2, 2, 0]);
        assert_eq!(r.questions[2].counts, [0, 0, 1, 1, 1]);
        assert_eq!(r.questions[2].mean, Some(4.0));
        assert_eq!(r.questions[3].texts, ["první", "třetí"]);
        assert_eq!(r.questions[3].answered, 2);
        assert_eq!(r.questions[4].matrix, [vec![0, 0], vec![3, 0]]);
        // Only those aged 65 and more.
        let older = results(
            &q,
            &all,
            Some(Filter {
                question: 0,
                option: 1,
            }),
        );
        assert_eq!(older.responses, 2);
        assert_eq!(older.questions[2].mean, Some(3.5));
        // Zero answers: zero counts and no mean, not a division by zero.
        let none = results(&q, std::iter::empty::<&Answers>(), None);
        assert_eq!(none.responses, 0);
        assert_eq!(none.questions[2].mean, None);
        // An answer beyond the options (stored before a change) is left out.
        let mut odd = Answers::default();
        odd.0.insert(0, Answer::Single(9));
        odd.0.insert(2, Answer::Text("x".into()));
        let r = results(&q, [&odd], None);
        assert_eq!(r.questions[0].answered, 0);
        assert_eq!(r.questions[2].answered, 0);
    }

    #[test]
    fn answered_questionnaires_take_wording_fixes_only() {
        let q = questionnaire();
        let mut fixed = q.clone();
        fixed.questions[1].options[1] = "dovoz obědů domů".into();
        fixed.questions[0].text = "Kolik je vám let?".into();
        assert!(q.wording_only(&fixed));
        let mut more = q.clone();
        more.questions[1].options.push("jiné".into());
        assert!(!q.wording_only(&more));
        let mut kind = q.clone();
        kind.questions[0].kind = QuestionKind::Multiple;
        assert!(!q.wording_only(&kind));
        let mut scale = q.clone();
        scale.questions[2].scale.as_mut().unwrap().high = 7;
        assert!(!q.wording_only(&scale));
        let mut fewer = q.clone();
        fewer.questions.pop();
        assert!(!q.wording_only(&fewer));
    }
}

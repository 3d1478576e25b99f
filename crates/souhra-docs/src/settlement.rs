//! The settlement table of a plan's public comment as a PDF: every comment with its author (or
//! "the public"), the part of the plan, the text and proposed wording, how it was settled and
//! why — the annex that goes to the council with the plan. The caller gathers everything as
//! printable text.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::{DocumentError, Engine, Metadata, Pdf, Sources};

const COMMON: &str = include_str!("../templates/common.typ");
const SETTLEMENT: &str = include_str!("../templates/settlement.typ");

/// The labels the settlement template prints, by key (the web layer reads them as
/// `doc-settlement-` + the key with `-` for `_`).
pub const SETTLEMENT_LABEL_KEYS: &[&str] = &[
    "author",
    "comment",
    "element",
    "justification",
    "number",
    "proposal",
    "settlement",
];

/// One comment of the table.
#[derive(Debug, Clone, Serialize)]
pub struct SettlementRow {
    /// Its number in the table.
    pub number: String,
    /// The author as published, or "the public".
    pub author: String,
    /// When it was made.
    pub date: String,
    /// The part of the plan (number and title), or "the whole plan".
    pub element: String,
    /// The comment.
    pub comment: String,
    /// The proposed wording, if any.
    pub proposal: String,
    /// The settlement, or "not settled".
    pub status: String,
    /// The justification, with the change made.
    pub justification: String,
}

/// A settlement table to typeset.
#[derive(Debug, Clone, Serialize)]
pub struct SettlementDocument {
    /// Language of the labels.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Keywords of the document metadata.
    pub keywords: Vec<String>,
    /// The plan and the area, as a line.
    pub plan: String,
    /// The version and the comment periods, as a line.
    pub periods: String,
    /// The counts per settlement, as a sentence.
    pub summary: String,
    /// Comments hidden as abusive, as a sentence (empty when none).
    pub hidden: String,
    /// When printed, as written.
    pub edition: String,
    /// A notice that the content is fictional, for demo areas.
    pub demo: Option<String>,
    /// Label texts for [`SETTLEMENT_LABEL_KEYS`].
    pub labels: BTreeMap<String, String>,
    /// The comments.
    pub rows: Vec<SettlementRow>,
}

impl Engine {
    /// Typesets a settlement table (A4 landscape).
    pub fn settlement(
        &self,
        table: &SettlementDocument,
        meta: &Metadata,
    ) -> Result<Pdf, DocumentError> {
        Self::check_labels(SETTLEMENT_LABEL_KEYS, &table.labels)?;
        #[derive(Serialize)]
        struct Data<'a> {
            #[serde(flatten)]
            table: &'a SettlementDocument,
            paper: &'static str,
        }
        let json = self.data_json(&Data { table, paper: "a4" })?;
        let sources = Sources::new(SETTLEMENT)
            .with("/common.typ", COMMON)
            .with("/data.json", json);
        self.pdf(&sources, meta)
    }
}

//! A plan as a PDF: cover, contents, vision, chapters, and priorities → goals → measures with
//! their facts, budget tables, indicators and activities. The caller gathers everything as
//! printable text (labels translated, numbers and dates formatted, Markdown split into blocks).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::{DocumentError, Engine, Metadata, Pdf, Sources};

const COMMON: &str = include_str!("../templates/common.typ");
const PLAN: &str = include_str!("../templates/plan.typ");

/// The labels the plan template prints, by key (the web layer reads them as `doc-plan-` + the
/// key with `-` for `_`).
pub const PLAN_LABEL_KEYS: &[&str] = &[
    "activities",
    "paid",
    "amount",
    "baseline",
    "budget",
    "contents",
    "goal",
    "indicator",
    "indicators",
    "measure",
    "measured",
    "number",
    "planned",
    "spent",
    "item",
    "priority",
    "priority_total",
    "source",
    "status",
    "target",
    "total",
    "total_all",
    "vision",
    "year",
];

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A paragraph.
    Paragraph,
    /// An item of a bulleted list.
    Item,
    /// A heading within a text.
    Heading,
}

/// A block of a text (from Markdown, inline markup dropped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Its kind.
    pub kind: BlockKind,
    /// Its text.
    pub text: String,
}

/// A chapter, priority or goal: its number, title and text.
#[derive(Debug, Clone, Serialize)]
pub struct Section<T> {
    /// "1", "1.2".
    pub number: String,
    /// Title.
    pub title: String,
    /// Text.
    pub blocks: Vec<Block>,
    /// What is under it.
    pub children: Vec<T>,
}

/// One budget line as printed.
#[derive(Debug, Clone, Serialize)]
pub struct MoneyLine {
    /// Year.
    pub year: String,
    /// Source, translated.
    pub source: String,
    /// Amount, formatted with its currency.
    pub amount: String,
}

/// One indicator as printed.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorLine {
    /// Name and unit.
    pub name: String,
    /// Baseline with its year.
    pub baseline: String,
    /// Target with its year.
    pub target: String,
    /// Measured values with their years.
    pub measured: String,
    /// Status, translated.
    pub status: String,
}

/// A measure as printed.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureDoc {
    /// "1.2.3".
    pub number: String,
    /// Title.
    pub title: String,
    /// Text.
    pub blocks: Vec<Block>,
    /// Facts: (label, value), only those given.
    pub facts: Vec<(String, String)>,
    /// Budget lines.
    pub money: Vec<MoneyLine>,
    /// Their sum, formatted.
    pub total: String,
    /// Indicators.
    pub indicators: Vec<IndicatorLine>,
    /// Activities: (number, one line about it).
    pub activities: Vec<(String, String)>,
}

/// A row of a yearly document's table: a measure heading (`group`) or an item with its money
/// and, in a balance report, its status, money spent and commentary.
#[derive(Debug, Clone, Serialize)]
pub struct YearRow {
    /// A measure's heading row rather than an item.
    pub group: bool,
    /// "1.2.3.1".
    pub number: String,
    /// Title (with who is responsible).
    pub title: String,
    /// Commentary (balance reports).
    pub note: String,
    /// Money planned, formatted.
    pub planned: String,
    /// Status, translated (balance reports).
    pub status: String,
    /// Money spent, formatted (balance reports).
    pub spent: String,
}

/// A priority of a source plan in a yearly document.
#[derive(Debug, Clone, Serialize)]
pub struct YearPriorityDoc {
    /// "Priorita 1: …".
    pub title: String,
    /// Its rows.
    pub rows: Vec<YearRow>,
    /// The total row.
    pub total: YearRow,
    /// Indicator lines of its measures in the year.
    pub indicators: Vec<String>,
}

/// A source plan in a yearly document.
#[derive(Debug, Clone, Serialize)]
pub struct YearPlanDoc {
    /// Its title.
    pub title: String,
    /// Which version, and its roll-up as a sentence.
    pub summary: String,
    /// Its priorities with work in the year.
    pub priorities: Vec<YearPriorityDoc>,
}

/// The work of a year (implementation plan) or its results (balance report).
#[derive(Debug, Clone, Serialize)]
pub struct YearDoc {
    /// "Plnění v roce 2025".
    pub heading: String,
    /// The roll-up of everything as a sentence.
    pub summary: String,
    /// Whether the tables have status, spent and commentary.
    pub report: bool,
    /// The plans drawn from.
    pub plans: Vec<YearPlanDoc>,
}

/// One service of a network of services as printed.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkServiceDoc {
    /// Its number in the network ("1.2.4").
    pub number: String,
    /// The service's name.
    pub title: String,
    /// Why it is in the network.
    pub blocks: Vec<Block>,
    /// Facts: (label, value) — provider, kind, registration, capacity, measures.
    pub facts: Vec<(String, String)>,
    /// Money by source: (source, planned, paid), formatted.
    pub money: Vec<(String, String, String)>,
    /// Planned in all, formatted.
    pub planned: String,
    /// Paid in all, formatted (empty when nothing was recorded).
    pub paid: String,
}

/// The services of one type of network (basic, optional), by kind of service.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkGroupDoc {
    /// "1".
    pub number: String,
    /// The type of network, translated.
    pub title: String,
    /// Its kinds of service ("1.2", "pečovatelská služba") with their services.
    pub kinds: Vec<Section<NetworkServiceDoc>>,
}

/// The services of a network and its funding overview.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkDoc {
    /// The counts of services as a sentence.
    pub summary: String,
    /// Services by type of network.
    pub groups: Vec<NetworkGroupDoc>,
    /// "Financování".
    pub funding_heading: String,
    /// Planned money in all and per inhabitant, as a sentence.
    pub funding_summary: String,
    /// Column headers of the source table: source, planned, paid, per inhabitant.
    pub source_header: Vec<String>,
    /// Money by source: (source, planned, paid, per inhabitant), formatted.
    pub sources: Vec<Vec<String>>,
    /// Caption of the table per ORP (empty when there is none).
    pub parts_heading: String,
    /// Column headers of the table per ORP: ORP, inhabitants, planned, per inhabitant.
    pub parts_header: Vec<String>,
    /// Planned money per ORP: (ORP, inhabitants, planned, per inhabitant), formatted.
    pub parts: Vec<Vec<String>>,
    /// How the money per ORP is worked out.
    pub parts_hint: String,
}

/// A plan document to typeset.
#[derive(Debug, Clone, Serialize)]
pub struct PlanDocument {
    /// Language of the labels.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Keywords of the document metadata.
    pub keywords: Vec<String>,
    /// The area's name.
    pub area: String,
    /// The kind of plan and its period, as a line.
    pub kind: String,
    /// Status, version and approval, as a line.
    pub status: String,
    /// When printed, as written.
    pub edition: String,
    /// A notice that the content is fictional, for demo areas.
    pub demo: Option<String>,
    /// Label texts for [`PLAN_LABEL_KEYS`].
    pub labels: BTreeMap<String, String>,
    /// The vision.
    pub vision: Vec<Block>,
    /// Chapters.
    pub chapters: Vec<Section<()>>,
    /// Priorities with their goals and measures.
    pub priorities: Vec<Section<Section<MeasureDoc>>>,
    /// The whole budget, formatted (empty when none).
    pub total: String,
    /// The year's work or results of a yearly document.
    pub year: Option<YearDoc>,
    /// The services and money of a network of services.
    pub network: Option<NetworkDoc>,
}

impl Engine {
    /// Typesets a plan.
    pub fn plan(&self, plan: &PlanDocument, meta: &Metadata) -> Result<Pdf, DocumentError> {
        Self::check_labels(PLAN_LABEL_KEYS, &plan.labels)?;
        #[derive(Serialize)]
        struct Data<'a> {
            #[serde(flatten)]
            plan: &'a PlanDocument,
            paper: &'static str,
        }
        let json = self.data_json(&Data { plan, paper: "a4" })?;
        let sources = Sources::new(PLAN)
            .with("/common.typ", COMMON)
            .with("/data.json", json);
        self.pdf(&sources, meta)
    }
}

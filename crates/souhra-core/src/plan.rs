//! Community planning: the plan documents of an area (community plan, action plan, yearly
//! implementation plan, balance report), their versions and status workflow, the content tree
//! chapter / priority → goal → measure → activity, budgets by year and funding source, and
//! indicators with their automatic status.
//!
//! Every element of a plan has a stable [`ElementKey`] that a new version keeps, so comments,
//! indicator values and links from other records survive edits of the text.

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Why a value cannot be part of a plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The period ends before it starts, or lies outside 2000–2100.
    #[error(
        "the period {from}–{to} is not valid: years from 2000 to 2100, the end not before the start"
    )]
    Period {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// The period is longer than the kind of plan allows.
    #[error("a {kind} covers at most {max} years, not {years}")]
    PeriodTooLong {
        /// The kind's key.
        kind: &'static str,
        /// Its longest period.
        max: i32,
        /// The period asked for.
        years: i32,
    },
    /// A text is empty or too long.
    #[error("{field} must have 1 to {max} characters")]
    Text {
        /// The field.
        field: &'static str,
        /// Its longest length.
        max: usize,
    },
    /// A key is not of the form of element keys.
    #[error("{0:?} is not an element key: use 1–40 letters a–z, digits, '-' or '_'")]
    Key(String),
    /// An amount of money is not a whole non-negative number of crowns.
    #[error("{0:?} is not an amount: write whole crowns, e.g. 125000 or 125 000")]
    Amount(String),
    /// An amount of money below zero.
    #[error("{0:?} is negative: planned and spent money is never below zero")]
    Negative(String),
    /// A number is not finite.
    #[error("{0:?} is not a number")]
    Number(String),
    /// The status cannot follow the current one.
    #[error("a {kind} cannot go from {from} to {to}")]
    Transition {
        /// The kind's key.
        kind: &'static str,
        /// The current status.
        from: &'static str,
        /// The status asked for.
        to: &'static str,
    },
    /// An unknown key of an enumeration.
    #[error("{what} {key:?} is not known")]
    Unknown {
        /// What it names.
        what: &'static str,
        /// The key.
        key: String,
    },
}

/// Defines a string-keyed enumeration with `ALL`, `key` and `from_key`.
macro_rules! keyed {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(into = "&'static str", try_from = "String")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable key (database, URLs, translation keys).
            pub fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key),+
                }
            }

            /// The inverse of `key`.
            pub fn from_key(key: &str) -> Result<Self, $crate::plan::PlanError> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.key() == key)
                    .ok_or_else(|| $crate::plan::PlanError::Unknown { what: $what, key: key.to_owned() })
            }
        }

        impl From<$name> for &'static str {
            fn from(value: $name) -> &'static str {
                value.key()
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::plan::PlanError;
            fn try_from(value: String) -> Result<Self, $crate::plan::PlanError> {
                Self::from_key(&value)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

pub(crate) use keyed;

keyed!(
    /// The kind of a plan document.
    PlanKind, "plan kind" {
        /// Komunitní (střednědobý) plán: the mid-term plan, usually 3–5 years.
        CommunityPlan => "community_plan",
        /// Akční plán: at most two years, per topic or target group.
        ActionPlan => "action_plan",
        /// Realizační plán: what is done and funded in one year.
        ImplementationPlan => "implementation_plan",
        /// Bilanční zpráva: what was done in one year.
        BalanceReport => "balance_report",
        /// Síť sociálních služeb: the services an area's network holds in one year.
        ServiceNetwork => "service_network",
    }
);

impl PlanKind {
    /// The longest period, in years.
    pub fn max_years(self) -> i32 {
        match self {
            Self::CommunityPlan => 10,
            Self::ActionPlan => 2,
            Self::ImplementationPlan | Self::BalanceReport | Self::ServiceNetwork => 1,
        }
    }

    /// Whether the document is drawn from the plans in force of its year (implementation plans
    /// and balance reports).
    pub fn is_yearly(self) -> bool {
        matches!(self, Self::ImplementationPlan | Self::BalanceReport)
    }

    /// Whether a version goes through public comment before approval: plans with their own
    /// structure and networks (providers and municipalities comment on changes of the network).
    pub fn needs_comment(self) -> bool {
        self.has_structure() || self == Self::ServiceNetwork
    }

    /// Whether an element of `kind` may be part of this kind of document.
    pub fn holds(self, kind: ElementKind) -> bool {
        match kind {
            ElementKind::Chapter => true,
            ElementKind::NetworkEntry => self == Self::ServiceNetwork,
            _ => self.has_structure(),
        }
    }

    /// Whether the document holds its own priorities, goals, measures and activities (the yearly
    /// documents are drawn from the plans in force instead).
    pub fn has_structure(self) -> bool {
        matches!(self, Self::CommunityPlan | Self::ActionPlan)
    }
}

keyed!(
    /// Where a plan version stands.
    PlanStatus, "plan status" {
        /// Being written.
        Draft => "draft",
        /// Published for public comment.
        InComment => "in_comment",
        /// Approved by the council (with a resolution).
        Approved => "approved",
        /// Being carried out.
        InForce => "in_force",
        /// Over.
        Ended => "ended",
    }
);

impl PlanStatus {
    /// Whether a version in this status may no longer change.
    pub fn is_frozen(self) -> bool {
        matches!(self, Self::Approved | Self::InForce | Self::Ended)
    }

    /// Whether a version of a `kind` may go from this status to `next`. Plans with their own
    /// structure go through public comment before approval; the yearly documents may be approved
    /// straight from a draft. A comment period may be closed back to a draft.
    pub fn may_become(self, kind: PlanKind, next: PlanStatus) -> bool {
        use PlanStatus::{Approved, Draft, Ended, InComment, InForce};
        match (self, next) {
            (Draft, InComment) | (InComment, Draft | Approved) => true,
            (Draft, Approved) => !kind.needs_comment(),
            (Approved, InForce) => kind != PlanKind::BalanceReport,
            (Approved | InForce, Ended) => true,
            _ => false,
        }
    }

    /// [`PlanStatus::may_become`] as a result naming the refused step.
    pub fn check_step(self, kind: PlanKind, next: PlanStatus) -> Result<(), PlanError> {
        if self.may_become(kind, next) {
            Ok(())
        } else {
            Err(PlanError::Transition {
                kind: kind.key(),
                from: self.key(),
                to: next.key(),
            })
        }
    }
}

/// The years a plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First year.
    pub from: i32,
    /// Last year (the same as `from` for one year).
    pub to: i32,
}

impl Period {
    /// A period for a plan of `kind`, checked.
    pub fn new(kind: PlanKind, from: i32, to: i32) -> Result<Self, PlanError> {
        if !(2000..=2100).contains(&from) || !(2000..=2100).contains(&to) || to < from {
            return Err(PlanError::Period { from, to });
        }
        let years = to - from + 1;
        if years > kind.max_years() {
            return Err(PlanError::PeriodTooLong {
                kind: kind.key(),
                max: kind.max_years(),
                years,
            });
        }
        Ok(Self { from, to })
    }

    /// Whether `year` lies in the period.
    pub fn contains(self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }
}

/// A trimmed text of 1 to `max` characters without control characters (line breaks allowed
/// where `multiline`).
pub fn clean_text(
    text: &str,
    field: &'static str,
    max: usize,
    multiline: bool,
) -> Result<String, PlanError> {
    let text = text.trim();
    let bad = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t'));
    if text.is_empty() || text.chars().count() > max || text.chars().any(bad) {
        return Err(PlanError::Text { field, max });
    }
    Ok(text.replace("\r\n", "\n"))
}

/// The council's decision that approved a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// Resolution number, e.g. `RM/112/2026`.
    pub resolution: String,
    /// Date of the decision.
    pub date: NaiveDate,
    /// The approving body, e.g. `Zastupitelstvo města Nepomuk`.
    pub body: String,
}

impl Approval {
    /// A checked approval.
    pub fn new(resolution: &str, date: NaiveDate, body: &str) -> Result<Self, PlanError> {
        Ok(Self {
            resolution: clean_text(resolution, "resolution", 60, false)?,
            date,
            body: clean_text(body, "approving body", 200, false)?,
        })
    }
}

keyed!(
    /// The kind of an element of a plan's content.
    ElementKind, "element kind" {
        /// A chapter of the analysis or another text part (no parent).
        Chapter => "chapter",
        /// Priorita (no parent).
        Priority => "priority",
        /// Cíl, under a priority.
        Goal => "goal",
        /// Opatření, under a goal.
        Measure => "measure",
        /// Aktivita, under a measure.
        Activity => "activity",
        /// A service of a network (no parent).
        NetworkEntry => "network_entry",
    }
);

impl ElementKind {
    /// The kind of its parent (`None`: at the top).
    pub fn parent(self) -> Option<ElementKind> {
        match self {
            Self::Chapter | Self::Priority | Self::NetworkEntry => None,
            Self::Goal => Some(Self::Priority),
            Self::Measure => Some(Self::Goal),
            Self::Activity => Some(Self::Measure),
        }
    }
}

/// A stable id of an element, kept by every version of its plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ElementKey(String);

impl ElementKey {
    /// Parses a key: 1–40 characters a–z, 0–9, `-` and `_`.
    pub fn parse(text: &str) -> Result<Self, PlanError> {
        let ok = !text.is_empty()
            && text.len() <= 40
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(PlanError::Key(text.to_owned()))
        }
    }

    /// The key text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ElementKey {
    type Error = PlanError;
    fn try_from(value: String) -> Result<Self, PlanError> {
        Self::parse(&value)
    }
}

impl From<ElementKey> for String {
    fn from(key: ElementKey) -> String {
        key.0
    }
}

impl fmt::Display for ElementKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

keyed!(
    /// Where money for a measure or an activity comes from.
    FundingSource, "funding source" {
        /// The municipality's budget.
        Municipality => "municipality",
        /// The region's budget.
        Region => "region",
        /// The MPSV subsidy (through the region).
        Mpsv => "mpsv",
        /// EU ESF+.
        EsfPlus => "esf_plus",
        /// Users' payments.
        UserFees => "user_fees",
        /// Health insurance.
        HealthInsurance => "health_insurance",
        /// Anything else.
        Other => "other",
    }
);

/// Planned money of an element in one year from one source, in whole crowns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    /// The year.
    pub year: i32,
    /// Where it comes from.
    pub source: FundingSource,
    /// Whole crowns, never negative.
    pub amount: i64,
}

/// Parses an amount of whole crowns as people type it: `125000`, `125 000`, `125 000 Kč`,
/// `125000,00` or `125.000`. Negative, fractional or non-numeric amounts are refused.
pub fn parse_amount(text: &str) -> Result<i64, PlanError> {
    let refuse = || PlanError::Amount(text.to_owned());
    if text.trim_start().starts_with(['-', '\u{2212}']) {
        return Err(PlanError::Negative(text.to_owned()));
    }
    let mut t: String = text
        .trim()
        .trim_end_matches("Kč")
        .trim_end_matches(",-")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    for cents in [",00", ".00", ",0", ".0"] {
        if let Some(whole) = t.strip_suffix(cents) {
            t = whole.to_owned();
            break;
        }
    }
    // Dots grouping thousands (125.000), never a decimal part.
    let groups: Vec<&str> = t.split('.').collect();
    if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
        t = groups.concat();
    }
    if t.is_empty() || t.len() > 15 || !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(refuse());
    }
    t.parse().map_err(|_| refuse())
}

/// Parses a measured value as people type it: `12`, `12,5`, `12.5`, `1 250,5`, `-3`.
pub fn parse_value(text: &str) -> Result<f64, PlanError> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let ok = !t.is_empty()
        && t.len() <= 20
        && t.chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    t.parse::<f64>()
        .ok()
        .filter(|v| ok && v.is_finite())
        .ok_or_else(|| PlanError::Number(text.to_owned()))
}

keyed!(
    /// Which way an indicator should move.
    Direction, "direction" {
        /// Up is better.
        Increase => "increase",
        /// Down is better.
        Decrease => "decrease",
    }
);

/// A measured value of an indicator in a year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct YearValue {
    /// The year.
    pub year: i32,
    /// The value (finite).
    pub value: f64,
}

/// What an indicator measures and where it should get.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable key within its plan.
    pub key: ElementKey,
    /// What it counts, e.g. "Klienti pečovatelské služby".
    pub name: String,
    /// The unit, e.g. "osob".
    pub unit: String,
    /// The value at the start.
    pub baseline: YearValue,
    /// The value to reach.
    pub target: YearValue,
    /// Which way is better.
    pub direction: Direction,
}

impl Indicator {
    /// Checks names and values: finite numbers, the target not before the baseline, and a
    /// target on the better side of the baseline (or equal, to hold a level).
    pub fn check(&self) -> Result<(), PlanError> {
        clean_text(&self.name, "indicator name", 200, false)?;
        clean_text(&self.unit, "unit", 40, false)?;
        for v in [self.baseline.value, self.target.value] {
            if !v.is_finite() {
                return Err(PlanError::Number(v.to_string()));
            }
        }
        if self.target.year < self.baseline.year {
            return Err(PlanError::Period {
                from: self.baseline.year,
                to: self.target.year,
            });
        }
        let wrong_way = match self.direction {
            Direction::Increase => self.target.value < self.baseline.value,
            Direction::Decrease => self.target.value > self.baseline.value,
        };
        if wrong_way {
            return Err(PlanError::Number(format!(
                "target {} on the wrong side of baseline {}",
                self.target.value, self.baseline.value
            )));
        }
        Ok(())
    }
}

keyed!(
    /// How an indicator is doing.
    IndicatorStatus, "indicator status" {
        /// No value measured after the baseline yet.
        NotStarted => "not_started",
        /// Worse than the baseline.
        Deteriorating => "deteriorating",
        /// Better than (or as good as) the baseline, but behind the straight line to the target.
        OffTrack => "off_track",
        /// On or ahead of the straight line from baseline to target.
        OnTrack => "on_track",
        /// The target is reached.
        Achieved => "achieved",
    }
);

/// The status of an indicator from its values (the newest one after the baseline year counts;
/// values of the baseline year or earlier, and non-finite ones, are ignored).
///
/// Progress is expected to run in a straight line from the baseline to the target: in year `y`
/// the share `(y − baseline year) / (target year − baseline year)` of the way (all of it from
/// the target year on). A value at or beyond the target is achieved; one on the worse side of
/// the baseline is deteriorating; otherwise it is on track when it covered at least the
/// expected share of the way, else off track.
pub fn indicator_status(indicator: &Indicator, actuals: &[YearValue]) -> IndicatorStatus {
    let Some(latest) = actuals
        .iter()
        .filter(|a| a.year > indicator.baseline.year && a.value.is_finite())
        .max_by_key(|a| a.year)
    else {
        return IndicatorStatus::NotStarted;
    };
    // Oriented so that larger is better.
    let sign = match indicator.direction {
        Direction::Increase => 1.0,
        Direction::Decrease => -1.0,
    };
    let (value, baseline, target) = (
        latest.value * sign,
        indicator.baseline.value * sign,
        indicator.target.value * sign,
    );
    if value >= target {
        return IndicatorStatus::Achieved;
    }
    if value < baseline {
        return IndicatorStatus::Deteriorating;
    }
    let way = target - baseline;
    if way <= 0.0 {
        // A level to hold that is not held (value < target <= baseline is deterioration, caught
        // above; this is value between them, only possible with a target below the baseline).
        return IndicatorStatus::OffTrack;
    }
    let span = indicator.target.year - indicator.baseline.year;
    let expected = if span <= 0 {
        1.0
    } else {
        (f64::from(latest.year - indicator.baseline.year) / f64::from(span)).min(1.0)
    };
    let covered = (value - baseline) / way;
    // A hair of tolerance so that exact straight-line values count as on track.
    if covered + 1e-9 >= expected {
        IndicatorStatus::OnTrack
    } else {
        IndicatorStatus::OffTrack
    }
}

keyed!(
    /// What became of an activity in a year (balance reports).
    ActivityStatus, "activity status" {
        /// Done.
        Done => "done",
        /// Still going on.
        Ongoing => "ongoing",
        /// Moved to a later year.
        Postponed => "postponed",
        /// Not to be done.
        Cancelled => "cancelled",
    }
);

keyed!(
    /// The three sides of community planning (the triad).
    TriadRole, "triad role" {
        /// Zadavatel: the municipality or region that commissions services.
        Commissioner => "commissioner",
        /// Poskytovatel: a provider of services.
        Provider => "provider",
        /// Uživatel: a person using services, or someone close to them.
        User => "user",
    }
);

/// An element of a plan's content tree as far as its structure goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its key.
    pub key: ElementKey,
    /// Its kind.
    pub kind: ElementKind,
    /// Its parent's key.
    pub parent: Option<ElementKey>,
}

/// What is wrong with the structure of a plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    /// Two elements share a key.
    #[error("the key {0} is used twice")]
    DuplicateKey(ElementKey),
    /// A parent that is not there.
    #[error("{child}: its parent {parent} does not exist")]
    MissingParent {
        /// The element.
        child: ElementKey,
        /// The missing parent's key.
        parent: ElementKey,
    },
    /// A parent of the wrong kind, or one where none belongs, or none where one belongs.
    #[error("{child}: a {kind} belongs under a {expected}")]
    WrongParent {
        /// The element.
        child: ElementKey,
        /// Its kind.
        kind: &'static str,
        /// The kind of parent it needs ("nothing" at the top).
        expected: &'static str,
    },
}

/// Every problem of a plan's structure: keys used twice, parents missing or of the wrong kind.
/// As each kind has exactly one kind of parent, a structure without these problems has no
/// cycles.
pub fn check_tree(nodes: &[Node]) -> Vec<TreeError> {
    let mut errors = Vec::new();
    let mut kinds: HashMap<&ElementKey, ElementKind> = HashMap::new();
    let mut seen = HashSet::new();
    for node in nodes {
        if !seen.insert(&node.key) {
            errors.push(TreeError::DuplicateKey(node.key.clone()));
        }
        kinds.entry(&node.key).or_insert(node.kind);
    }
    for node in nodes {
        let wrong = |expected: Option<ElementKind>| TreeError::WrongParent {
            child: node.key.clone(),
            kind: node.kind.key(),
            expected: expected.map_or("nothing", |k| k.key()),
        };
        match (node.kind.parent(), &node.parent) {
            (None, None) => {}
            (expected @ None, Some(_)) | (expected @ Some(_), None) => errors.push(wrong(expected)),
            (Some(expected), Some(parent)) => match kinds.get(parent) {
                None => errors.push(TreeError::MissingParent {
                    child: node.key.clone(),
                    parent: parent.clone(),
                }),
                Some(kind) if *kind != expected => errors.push(wrong(Some(expected))),
                Some(_) => {}
            },
        }
    }
    errors
}

/// One activity's year in a balance report, for roll-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// What became of it (`None` while not reported).
    pub status: Option<ActivityStatus>,
    /// Money planned for the year, whole crowns.
    pub planned: i64,
    /// Money spent, whole crowns.
    pub spent: i64,
}

/// Totals over a set of activities (a priority, a plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Rollup {
    /// Activities counted.
    pub activities: usize,
    /// Of them reported (with a status).
    pub reported: usize,
    /// Of them done.
    pub done: usize,
    /// Money planned.
    pub planned: i64,
    /// Money spent.
    pub spent: i64,
}

impl Rollup {
    /// The totals of `outcomes`.
    pub fn of<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Self {
        outcomes.into_iter().fold(Self::default(), |mut r, o| {
            r.activities += 1;
            r.reported += usize::from(o.status.is_some());
            r.done += usize::from(o.status == Some(ActivityStatus::Done));
            r.planned = r.planned.saturating_add(o.planned);
            r.spent = r.spent.saturating_add(o.spent);
            r
        })
    }

    /// The sum of two roll-ups.
    pub fn plus(self, other: Self) -> Self {
        Self {
            activities: self.activities + other.activities,
            reported: self.reported + other.reported,
            done: self.done + other.done,
            planned: self.planned.saturating_add(other.planned),
            spent: self.spent.saturating_add(other.spent),
        }
    }

    /// Share of activities done, in whole percent (`None` without activities).
    pub fn done_percent(&self) -> Option<u32> {
        (self.activities > 0)
            .then(|| u32::try_from(self.done * 100 / self.activities).unwrap_or(100))
    }

    /// Money spent as a share of money planned, in whole percent (`None` when nothing was
    /// planned).
    pub fn spent_percent(&self) -> Option<u32> {
        (self.planned > 0).then(|| {
            u32::try_from(i128::from(self.spent) * 100 / i128::from(self.planned)).unwrap_or(0)
        })
    }
}

/// The money of each measure, in whole crowns, in `year` or (with `None`) over all years.
///
/// The rule every page, document and workbook follows: a measure's money is its own budget; the
/// budget of an activity is the part of its measure's money planned for that activity, so it is
/// not added again. A measure without a budget of its own counts the sum of its activities'.
/// Money on other elements (chapters, priorities, goals) is not part of any measure.
pub fn measure_money(
    nodes: &[Node],
    lines: &[(ElementKey, BudgetLine)],
    year: Option<i32>,
) -> HashMap<ElementKey, i64> {
    let mut own: HashMap<&ElementKey, i64> = HashMap::new();
    let mut has_own: HashSet<&ElementKey> = HashSet::new();
    for (key, line) in lines {
        has_own.insert(key);
        if year.is_none_or(|y| y == line.year) {
            let sum = own.entry(key).or_default();
            *sum = sum.saturating_add(line.amount);
        }
    }
    let mut money: HashMap<ElementKey, i64> = HashMap::new();
    for node in nodes.iter().filter(|n| n.kind == ElementKind::Measure) {
        let amount = if has_own.contains(&node.key) {
            own.get(&node.key).copied().unwrap_or(0)
        } else {
            nodes
                .iter()
                .filter(|a| a.kind == ElementKind::Activity && a.parent.as_ref() == Some(&node.key))
                .map(|a| own.get(&a.key).copied().unwrap_or(0))
                .fold(0i64, i64::saturating_add)
        };
        money.insert(node.key.clone(), amount);
    }
    money
}

/// Whether an activity (or a measure) belongs to the work of `year`: with a budget, when it has
/// money in that year; without one, when its dates (open at either end when missing) reach into
/// the year.
pub fn active_in(
    year: i32,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    budget_years: &[i32],
) -> bool {
    if budget_years.is_empty() {
        start.is_none_or(|s| s.year() <= year) && end.is_none_or(|e| e.year() >= year)
    } else {
        budget_years.contains(&year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> ElementKey {
        ElementKey::parse(k).unwrap()
    }

    fn indicator(direction: Direction, baseline: (i32, f64), target: (i32, f64)) -> Indicator {
        Indicator {
            key: key("i1"),
            name: "Klienti".into(),
            unit: "osob".into(),
            baseline: YearValue {
                year: baseline.0,
                value: baseline.1,
            },
            target: YearValue {
                year: target.0,
                value: target.1,
            },
            direction,
        }
    }

    fn at(year: i32, value: f64) -> YearValue {
        YearValue { year, value }
    }

    #[test]
    fn indicator_status_over_the_edge_cases() {
        use IndicatorStatus::*;
        // 100 clients in 2025, 140 wanted in 2029: 10 a year on the straight line.
        let up = indicator(Direction::Increase, (2025, 100.0), (2029, 140.0));
        let cases: &[(&[YearValue], IndicatorStatus)] = &[
            (&[], NotStarted),
            // The baseline year's own value, earlier ones and NaN do not count.
            (
                &[at(2025, 150.0), at(2024, 10.0), at(2026, f64::NAN)],
                NotStarted,
            ),
            (&[at(2026, 95.0)], Deteriorating),
            (&[at(2026, 100.0)], OffTrack),
            (&[at(2026, 109.0)], OffTrack),
            (&[at(2026, 110.0)], OnTrack),
            (&[at(2027, 125.0)], OnTrack),
            (&[at(2026, 140.0)], Achieved),
            (&[at(2026, 180.0)], Achieved),
            // The newest value counts, in whatever order they come.
            (&[at(2028, 125.0), at(2026, 130.0)], OffTrack),
            // After the target year the whole way is expected.
            (&[at(2031, 139.0)], OffTrack),
        ];
        for (values, want) in cases {
            assert_eq!(indicator_status(&up, values), *want, "{values:?}");
        }
        // Waiting times should fall from 60 to 30 days by 2027.
        let down = indicator(Direction::Decrease, (2025, 60.0), (2027, 30.0));
        assert_eq!(indicator_status(&down, &[at(2026, 45.0)]), OnTrack);
        assert_eq!(indicator_status(&down, &[at(2026, 50.0)]), OffTrack);
        assert_eq!(indicator_status(&down, &[at(2026, 61.0)]), Deteriorating);
        assert_eq!(indicator_status(&down, &[at(2026, 30.0)]), Achieved);
        assert_eq!(indicator_status(&down, &[at(2026, 0.0)]), Achieved);
        // A level to hold: held is achieved, lost is deteriorating.
        let hold = indicator(Direction::Increase, (2025, 12.0), (2028, 12.0));
        assert_eq!(indicator_status(&hold, &[at(2026, 12.0)]), Achieved);
        assert_eq!(indicator_status(&hold, &[at(2026, 11.0)]), Deteriorating);
        // Target in the baseline year: the whole way is expected at once.
        let same_year = indicator(Direction::Increase, (2026, 0.0), (2026, 10.0));
        assert_eq!(indicator_status(&same_year, &[at(2027, 5.0)]), OffTrack);
        // Negative values work the same way.
        let negative = indicator(Direction::Increase, (2025, -10.0), (2027, 10.0));
        assert_eq!(indicator_status(&negative, &[at(2026, 0.0)]), OnTrack);
        assert_eq!(
            indicator_status(&negative, &[at(2026, -11.0)]),
            Deteriorating
        );
    }

    #[test]
    fn indicators_are_checked() {
        assert!(
            indicator(Direction::Increase, (2025, 1.0), (2027, 2.0))
                .check()
                .is_ok()
        );
        assert!(
            indicator(Direction::Increase, (2025, 3.0), (2027, 2.0))
                .check()
                .is_err()
        );
        assert!(
            indicator(Direction::Decrease, (2025, 1.0), (2027, 2.0))
                .check()
                .is_err()
        );
        assert!(
            indicator(Direction::Increase, (2027, 1.0), (2025, 2.0))
                .check()
                .is_err()
        );
        assert!(
            indicator(Direction::Increase, (2025, f64::INFINITY), (2027, 2.0))
                .check()
                .is_err()
        );
        let mut nameless = indicator(Direction::Increase, (2025, 1.0), (2027, 2.0));
        nameless.name = "  ".into();
        assert!(nameless.check().is_err());
    }

    #[test]
    fn statuses_follow_the_workflow() {
        use PlanKind::*;
        use PlanStatus::*;
        assert!(Draft.may_become(CommunityPlan, InComment));
        assert!(!Draft.may_become(CommunityPlan, Approved));
        assert!(Draft.may_become(ImplementationPlan, Approved));
        assert!(InComment.may_become(ActionPlan, Approved));
        assert!(InComment.may_become(ActionPlan, Draft));
        assert!(Approved.may_become(CommunityPlan, InForce));
        assert!(!Approved.may_become(BalanceReport, InForce));
        assert!(Approved.may_become(BalanceReport, Ended));
        assert!(InForce.may_become(CommunityPlan, Ended));
        assert!(!Ended.may_become(CommunityPlan, Draft));
        assert!(!InForce.may_become(CommunityPlan, Draft));
        assert!(matches!(
            Draft.check_step(CommunityPlan, InForce),
            Err(PlanError::Transition { .. })
        ));
        assert!(Approved.is_frozen() && InForce.is_frozen() && !InComment.is_frozen());
    }

    #[test]
    fn periods_fit_their_kind() {
        assert!(Period::new(PlanKind::CommunityPlan, 2026, 2028).is_ok());
        assert!(Period::new(PlanKind::ActionPlan, 2026, 2027).is_ok());
        assert!(matches!(
            Period::new(PlanKind::ActionPlan, 2026, 2028),
            Err(PlanError::PeriodTooLong { years: 3, .. })
        ));
        assert!(Period::new(PlanKind::BalanceReport, 2025, 2025).is_ok());
        assert!(Period::new(PlanKind::CommunityPlan, 2028, 2026).is_err());
        assert!(Period::new(PlanKind::CommunityPlan, 1999, 2001).is_err());
        assert!(
            Period::new(PlanKind::CommunityPlan, 2026, 2028)
                .unwrap()
                .contains(2027)
        );
    }

    #[test]
    fn amounts_as_people_type_them() {
        for (text, want) in [
            ("125000", 125_000),
            ("125 000", 125_000),
            ("125\u{a0}000 Kč", 125_000),
            ("125000,00", 125_000),
            ("125.000", 125_000),
            ("1.250.000,-", 1_250_000),
            ("0", 0),
        ] {
            assert_eq!(parse_amount(text), Ok(want), "{text}");
        }
        for text in [
            "",
            "-5",
            "12,5",
            "12.50",
            "sto",
            "1e6",
            "99999999999999999999",
        ] {
            assert!(parse_amount(text).is_err(), "{text}");
        }
    }

    #[test]
    fn values_as_people_type_them() {
        for (text, want) in [
            ("12", 12.0),
            ("12,5", 12.5),
            (" 1 250,5 ", 1250.5),
            ("-3", -3.0),
        ] {
            assert_eq!(parse_value(text), Ok(want), "{text}");
        }
        for text in ["", "1,2,3", "abc", "1e9", "NaN", "inf", "--1"] {
            assert!(parse_value(text).is_err(), "{text}");
        }
    }

    #[test]
    fn trees_report_every_problem() {
        let node = |k: &str, kind, parent: Option<&str>| Node {
            key: key(k),
            kind,
            parent: parent.map(key),
        };
        let good = vec![
            node("c1", ElementKind::Chapter, None),
            node("p1", ElementKind::Priority, None),
            node("g1", ElementKind::Goal, Some("p1")),
            node("m1", ElementKind::Measure, Some("g1")),
            node("a1", ElementKind::Activity, Some("m1")),
        ];
        assert!(check_tree(&good).is_empty());
        let bad = vec![
            node("p1", ElementKind::Priority, None),
            node("p1", ElementKind::Priority, None),
            node("g1", ElementKind::Goal, Some("nikde")),
            node("m1", ElementKind::Measure, Some("p1")),
            node("a1", ElementKind::Activity, None),
            node("c1", ElementKind::Chapter, Some("p1")),
        ];
        let errors = check_tree(&bad);
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert!(errors.contains(&TreeError::DuplicateKey(key("p1"))));
        assert!(errors.contains(&TreeError::MissingParent {
            child: key("g1"),
            parent: key("nikde")
        }));
    }

    #[test]
    fn keys_and_texts() {
        assert!(ElementKey::parse("opatreni-1_2").is_ok());
        for bad in ["", "Velke", "s mezerou", &"x".repeat(41)] {
            assert!(ElementKey::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            clean_text(" Vize \r\n druhý řádek ", "vision", 100, true).unwrap(),
            "Vize \n druhý řádek"
        );
        assert!(clean_text("a\nb", "title", 100, false).is_err());
        assert_eq!(
            PlanKind::from_key("balance_report"),
            Ok(PlanKind::BalanceReport)
        );
        assert!(FundingSource::from_key("bank").is_err());
    }

    #[test]
    fn rollups_count_and_sum() {
        let outcome = |status, planned, spent| Outcome {
            status,
            planned,
            spent,
        };
        let outcomes = [
            outcome(Some(ActivityStatus::Done), 100, 90),
            outcome(Some(ActivityStatus::Postponed), 50, 0),
            outcome(Some(ActivityStatus::Done), 10, 12),
            outcome(None, 40, 0),
        ];
        let r = Rollup::of(&outcomes);
        assert_eq!(
            (r.activities, r.reported, r.done, r.planned, r.spent),
            (4, 3, 2, 200, 102)
        );
        assert_eq!(r.done_percent(), Some(50));
        assert_eq!(r.spent_percent(), Some(51));
        let both = r.plus(Rollup::of(&outcomes[..1]));
        assert_eq!((both.activities, both.done, both.planned), (5, 3, 300));
        assert_eq!(Rollup::default().done_percent(), None);
        assert_eq!(Rollup::default().spent_percent(), None);
    }

    fn node(k: &str, kind: ElementKind, parent: Option<&str>) -> Node {
        Node {
            key: key(k),
            kind,
            parent: parent.map(key),
        }
    }

    fn line(k: &str, year: i32, amount: i64) -> (ElementKey, BudgetLine) {
        (
            key(k),
            BudgetLine {
                year,
                source: FundingSource::Municipality,
                amount,
            },
        )
    }

    #[test]
    fn a_measure_counts_its_own_money_or_else_its_activities() {
        let nodes = [
            node("p", ElementKind::Priority, None),
            node("g", ElementKind::Goal, Some("p")),
            node("m1", ElementKind::Measure, Some("g")),
            node("a1", ElementKind::Activity, Some("m1")),
            node("m2", ElementKind::Measure, Some("g")),
            node("a2", ElementKind::Activity, Some("m2")),
            node("a3", ElementKind::Activity, Some("m2")),
            node("m3", ElementKind::Measure, Some("g")),
        ];
        let lines = [
            line("m1", 2026, 1000),
            line("m1", 2027, 500),
            line("a1", 2026, 600),
            line("a2", 2026, 70),
            line("a3", 2026, 30),
            line("a3", 2027, 5),
            line("p", 2026, 99),
        ];
        let all = measure_money(&nodes, &lines, None);
        assert_eq!(all[&key("m1")], 1500, "own lines, activities not added");
        assert_eq!(all[&key("m2")], 105, "no own lines: the activities' sum");
        assert_eq!(all[&key("m3")], 0);
        assert_eq!(all.len(), 3, "only measures");
        let y2027 = measure_money(&nodes, &lines, Some(2027));
        assert_eq!((y2027[&key("m1")], y2027[&key("m2")]), (500, 5));
        // A measure with lines only in other years has no money in this one, even when its
        // activities have some.
        let y2028 = measure_money(
            &nodes,
            &[line("m1", 2027, 1), line("a1", 2028, 9)],
            Some(2028),
        );
        assert_eq!(y2028[&key("m1")], 0);
    }

    #[test]
    fn work_of_a_year() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert!(active_in(2026, None, None, &[]));
        assert!(active_in(2026, d(2025, 3, 1), d(2026, 1, 31), &[]));
        assert!(!active_in(2026, d(2027, 1, 1), None, &[]));
        assert!(!active_in(2026, None, d(2025, 12, 31), &[]));
        // Money decides over dates.
        assert!(active_in(2026, d(2027, 1, 1), None, &[2026]));
        assert!(!active_in(2026, None, None, &[2027, 2028]));
    }
}

//! Plans of an area: documents with numbered versions, each version's vision and content tree
//! (elements with stable keys, edited with a revision check so that nobody overwrites another's
//! save unseen), budgets and indicators per element, and indicator values per plan.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use souhra_core::account::AccountId;
use souhra_core::area::AreaId;
use souhra_core::plan::{
    ActivityStatus, Approval, BudgetLine, ElementKey, ElementKind, Indicator, Period, PlanKind,
    PlanStatus, YearValue,
};

use crate::{Store, StoreResult, dispatch};

/// Database id of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PlanId(pub i64);

/// Database id of a plan version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VersionId(pub i64);

/// A plan to create (its first version is an empty draft).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlan {
    /// Its area.
    pub area: AreaId,
    /// Its kind.
    pub kind: PlanKind,
    /// Title, e.g. "Komunitní plán sociálních služeb ORP Nepomuk 2026–2028".
    pub title: String,
    /// Topic or target group of an action plan, e.g. "senioři".
    pub topic: Option<String>,
    /// The years it covers (checked against the kind).
    pub period: Period,
}

/// A plan with its versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// Its id.
    pub id: PlanId,
    /// Its area.
    pub area: AreaId,
    /// Its kind.
    pub kind: PlanKind,
    /// Title.
    pub title: String,
    /// Topic or target group.
    pub topic: Option<String>,
    /// The years it covers.
    pub period: Period,
    /// Its versions, oldest first.
    pub versions: Vec<PlanVersion>,
}

impl Plan {
    /// The newest version.
    pub fn latest(&self) -> Option<&PlanVersion> {
        self.versions.last()
    }

    /// The version in force (or, for reports, the approved one), if any.
    pub fn in_force(&self) -> Option<&PlanVersion> {
        self.versions.iter().rev().find(|v| {
            v.status == PlanStatus::InForce
                || (v.status == PlanStatus::Approved && self.kind.is_yearly())
        })
    }
}

/// One version of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanVersion {
    /// Its id.
    pub id: VersionId,
    /// Its plan.
    pub plan: PlanId,
    /// 1, 2, …
    pub number: i64,
    /// Where it stands.
    pub status: PlanStatus,
    /// The vision (Markdown).
    pub vision: Option<String>,
    /// The council's decision, once approved.
    pub approval: Option<Approval>,
    /// When the status last changed.
    pub status_changed_at: DateTime<Utc>,
    /// Changes with each save of the vision (the revision check of [`Store::set_vision`]).
    pub revision: i64,
}

/// The fields of a measure (empty for other elements).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ElementDetails {
    /// Why the measure is needed.
    pub justification: Option<String>,
    /// Target groups (codelist keys).
    pub target_groups: Vec<String>,
    /// Linked catalogue services (ids).
    pub services: Vec<i64>,
    /// The responsible organization.
    pub responsible_organization: Option<String>,
    /// The responsible person (a role or a name the office chose to publish).
    pub responsible_person: Option<String>,
    /// Partners.
    pub partners: Option<String>,
    /// Start.
    pub start: Option<NaiveDate>,
    /// End.
    pub end: Option<NaiveDate>,
    /// Expected outputs.
    pub outputs: Option<String>,
    /// The findings of the analysis the measure answers (coverage gaps, survey questions).
    pub findings: Vec<souhra_core::analysis::Finding>,
    /// Whether the measure needs a decision of the region (funding, the network), shown in the
    /// region's view.
    pub needs_region: bool,
    /// A service of a network: the service, its capacity in the network, the type of network and
    /// the measures that justify it (see [`crate::network`]).
    pub network: Option<crate::network::NetworkDetails>,
}

/// An element of a plan that cites a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The plan.
    pub plan: PlanId,
    /// Its title.
    pub plan_title: String,
    /// The version's number.
    pub version: i64,
    /// The version's status.
    pub status: PlanStatus,
    /// The element.
    pub key: ElementKey,
    /// Its title.
    pub title: String,
}

/// The content of an element as edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementContent {
    /// Title.
    pub title: String,
    /// Text (Markdown, sanitized when shown).
    pub body: Option<String>,
    /// Measure or activity fields.
    pub details: ElementDetails,
}

/// An element of a version's content tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Element {
    /// Stable key.
    pub key: ElementKey,
    /// Its kind.
    pub kind: ElementKind,
    /// Its parent.
    pub parent: Option<ElementKey>,
    /// Order among its siblings.
    pub position: i64,
    /// Title.
    pub title: String,
    /// Text.
    pub body: Option<String>,
    /// Measure or activity fields.
    pub details: ElementDetails,
    /// Changes with each save.
    pub revision: i64,
}

/// Who does something to a plan and when.
#[derive(Debug, Clone, Copy)]
pub struct PlanChange {
    /// The account.
    pub by: Option<AccountId>,
    /// When.
    pub at: DateTime<Utc>,
}

/// An element of a structure imported from a workbook, parents before children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedElement {
    /// The row's reference in the workbook.
    pub reference: String,
    /// Its kind.
    pub kind: ElementKind,
    /// The parent's reference (an earlier element).
    pub parent: Option<String>,
    /// Title, text and details.
    pub content: ElementContent,
    /// Its budget lines.
    pub budget: Vec<BudgetLine>,
}

/// What became of an activity (or of a measure without activities) in a balance report's year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityReport {
    /// Done, ongoing, postponed or cancelled.
    pub status: ActivityStatus,
    /// What the office says about it.
    pub commentary: Option<String>,
    /// Money spent, whole crowns.
    pub spent: Option<i64>,
}

/// One item of a balance report: an element of a source plan and its report (`None` clears it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeEntry {
    /// The plan the activity belongs to.
    pub plan: PlanId,
    /// The activity or measure.
    pub key: ElementKey,
    /// What became of it.
    pub report: Option<ActivityReport>,
}

impl Store {
    /// Creates a plan with an empty draft as version 1. A yearly document (implementation plan,
    /// balance report) draws its sources at once: see [`Store::redraw_plan_sources`].
    pub async fn create_plan(
        &self,
        new: &NewPlan,
        change: PlanChange,
    ) -> StoreResult<(PlanId, VersionId)> {
        dispatch!(self, plan::create(new, change))
    }

    /// The elements of the area's plans (any version) that cite a finding of the analysis.
    pub async fn citing_elements(
        &self,
        area: AreaId,
        finding: &souhra_core::analysis::Finding,
    ) -> StoreResult<Vec<Citation>> {
        dispatch!(self, plan::citing(area, finding))
    }

    /// The plans of an area, newest period first, with their versions.
    pub async fn plans_of_area(&self, area: AreaId) -> StoreResult<Vec<Plan>> {
        dispatch!(self, plan::of_area(area))
    }

    /// The plans of several areas (each area's newest period first), with their versions: two
    /// statements per 500 areas.
    pub async fn plans_of_areas(&self, areas: &[AreaId]) -> StoreResult<Vec<Plan>> {
        dispatch!(self, plan::of_areas(areas))
    }

    /// The elements of several versions, each version's in tree order: (version, element).
    pub async fn plan_elements_of(
        &self,
        versions: &[VersionId],
    ) -> StoreResult<Vec<(VersionId, Element)>> {
        dispatch!(self, plan::elements_of(versions))
    }

    /// One plan with its versions.
    pub async fn plan(&self, id: PlanId) -> StoreResult<Option<Plan>> {
        dispatch!(self, plan::one(id))
    }

    /// The elements of a version in tree order (each parent before its children, siblings by
    /// position).
    pub async fn plan_elements(&self, version: VersionId) -> StoreResult<Vec<Element>> {
        dispatch!(self, plan::elements(version))
    }

    /// Adds an element at the end of its siblings; returns its new key.
    /// [`crate::StoreError::Invalid`] when the version is frozen or the parent is missing or of
    /// the wrong kind.
    pub async fn add_plan_element(
        &self,
        version: VersionId,
        kind: ElementKind,
        parent: Option<&ElementKey>,
        content: &ElementContent,
        change: PlanChange,
    ) -> StoreResult<ElementKey> {
        dispatch!(
            self,
            plan::add_element(version, kind, parent, content, change)
        )
    }

    /// Saves an element's content if its revision is still `revision`; returns the new
    /// revision. [`crate::StoreError::Conflict`] when someone saved it in between (nothing is
    /// written), [`crate::StoreError::Invalid`] when the version is frozen.
    pub async fn update_plan_element(
        &self,
        version: VersionId,
        key: &ElementKey,
        revision: i64,
        content: &ElementContent,
        change: PlanChange,
    ) -> StoreResult<i64> {
        dispatch!(
            self,
            plan::update_element(version, key, revision, content, change)
        )
    }

    /// Removes an element without children, with its budget and indicators.
    pub async fn remove_plan_element(
        &self,
        version: VersionId,
        key: &ElementKey,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, plan::remove_element(version, key, change))
    }

    /// Saves the vision if the version's revision is still `revision`; returns the new one.
    pub async fn set_vision(
        &self,
        version: VersionId,
        revision: i64,
        vision: Option<&str>,
        change: PlanChange,
    ) -> StoreResult<i64> {
        dispatch!(self, plan::set_vision(version, revision, vision, change))
    }

    /// Replaces the budget of an element.
    pub async fn set_plan_budget(
        &self,
        version: VersionId,
        key: &ElementKey,
        lines: &[BudgetLine],
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, plan::set_budget(version, key, lines, change))
    }

    /// The budget lines of a version: (element key, line).
    pub async fn plan_budget(
        &self,
        version: VersionId,
    ) -> StoreResult<Vec<(ElementKey, BudgetLine)>> {
        dispatch!(self, plan::budget(version))
    }

    /// Replaces the indicators of an element (each checked).
    pub async fn set_plan_indicators(
        &self,
        version: VersionId,
        key: &ElementKey,
        indicators: &[Indicator],
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, plan::set_indicators(version, key, indicators, change))
    }

    /// The indicators of a version: (element key, indicator).
    pub async fn plan_indicators(
        &self,
        version: VersionId,
    ) -> StoreResult<Vec<(ElementKey, Indicator)>> {
        dispatch!(self, plan::indicators(version))
    }

    /// The indicators of several versions: (version, element key, indicator).
    pub async fn plan_indicators_of(
        &self,
        versions: &[VersionId],
    ) -> StoreResult<Vec<(VersionId, ElementKey, Indicator)>> {
        dispatch!(self, plan::indicators_of(versions))
    }

    /// Records the measured value of an indicator in a year (replacing an earlier one). Values
    /// belong to the plan, so every version sees them.
    pub async fn record_indicator_value(
        &self,
        plan: PlanId,
        indicator: &ElementKey,
        value: YearValue,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, plan::record_value(plan, indicator, value, change))
    }

    /// The measured values of a plan's indicators: (indicator key, value), by year.
    pub async fn indicator_values(
        &self,
        plan: PlanId,
    ) -> StoreResult<Vec<(ElementKey, YearValue)>> {
        dispatch!(self, plan::values(plan))
    }

    /// The measured values of several plans' indicators: (plan, indicator key, value).
    pub async fn indicator_values_of(
        &self,
        plans: &[PlanId],
    ) -> StoreResult<Vec<(PlanId, ElementKey, YearValue)>> {
        dispatch!(self, plan::values_of(plans))
    }

    /// Moves a version to `next` (approval needs `approval`); a version coming into force ends
    /// the one in force before it. [`crate::StoreError::Invalid`] for a step the workflow does
    /// not allow.
    pub async fn set_plan_status(
        &self,
        version: VersionId,
        next: PlanStatus,
        approval: Option<&Approval>,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, plan::set_status(version, next, approval, change))
    }

    /// Starts a new draft from the newest version (vision, elements with their keys, budgets,
    /// indicators); refused while the newest version is still open (draft or in comment).
    pub async fn new_plan_version(
        &self,
        plan: PlanId,
        change: PlanChange,
    ) -> StoreResult<VersionId> {
        dispatch!(self, plan::new_version(plan, change))
    }

    /// The plan versions a yearly document's version draws its activities from, by plan.
    pub async fn plan_sources(&self, version: VersionId) -> StoreResult<Vec<(PlanId, VersionId)>> {
        dispatch!(self, yearly::sources(version))
    }

    /// Draws an open yearly document's sources again: per community or action plan of the area
    /// whose period holds the year, its version in force, else its newest approved or ended one.
    /// Returns how many there are.
    pub async fn redraw_plan_sources(
        &self,
        version: VersionId,
        change: PlanChange,
    ) -> StoreResult<usize> {
        dispatch!(self, yearly::redraw(version, change))
    }

    /// Saves the reports of a balance report's items if the version's revision is still
    /// `revision`; returns the new one. All or nothing: an item that is not a measure or an
    /// activity of a source, or a bad commentary, refuses the whole save.
    pub async fn save_outcomes(
        &self,
        version: VersionId,
        revision: i64,
        entries: &[OutcomeEntry],
        change: PlanChange,
    ) -> StoreResult<i64> {
        dispatch!(
            self,
            yearly::save_outcomes(version, revision, entries, change)
        )
    }

    /// The reported items of a balance report's version.
    pub async fn plan_outcomes(
        &self,
        version: VersionId,
    ) -> StoreResult<Vec<(PlanId, ElementKey, ActivityReport)>> {
        dispatch!(self, yearly::outcomes(version))
    }

    /// Imports a whole structure into an empty open version in one transaction: all elements
    /// with their budgets, or nothing. Returns how many elements.
    pub async fn import_plan_structure(
        &self,
        version: VersionId,
        elements: &[ImportedElement],
        change: PlanChange,
    ) -> StoreResult<usize> {
        dispatch!(self, plan::import_structure(version, elements, change))
    }

    /// Moves an element before its previous sibling (`earlier`) or after its next one; returns
    /// whether it moved (not past the first or last place).
    pub async fn move_plan_element(
        &self,
        version: VersionId,
        key: &ElementKey,
        earlier: bool,
        change: PlanChange,
    ) -> StoreResult<bool> {
        dispatch!(self, plan::move_element(version, key, earlier, change))
    }
}

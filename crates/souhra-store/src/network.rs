//! Networks of social services and the money behind them: a network is a plan document of the
//! kind `service_network` whose elements are its services (the service, its capacity in the
//! network, the type of network, the measures that justify it, the planned money by source in
//! the version's budget). What was actually paid is recorded per plan, service, year and source
//! and outlives versions. Plans may also name other plans as their inputs (a region's mid-term
//! plan and the ORP plans it draws on).

use serde::{Deserialize, Serialize};
use souhra_core::network::{NetworkCapacity, NetworkType};
use souhra_core::plan::{BudgetLine, ElementKey, FundingSource};

use crate::plan::{PlanChange, PlanId, VersionId};
use crate::records::ServiceId;
use crate::{Store, StoreResult, dispatch};

/// A measure of a plan (any version holds its key).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MeasureRef {
    /// The plan.
    pub plan: i64,
    /// The measure's key.
    pub key: ElementKey,
}

/// What a network's element holds besides its title (the service's name) and text (why the
/// service is in the network).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkDetails {
    /// The catalogue service.
    pub service: i64,
    /// Basic or optional network.
    pub network_type: NetworkType,
    /// Capacities counted in the network (each at most the registered one).
    pub capacities: Vec<NetworkCapacity>,
    /// The measures of plans that justify the service in the network.
    pub measures: Vec<MeasureRef>,
}

/// A service of a network as saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkEntry {
    /// The catalogue service.
    pub service: ServiceId,
    /// Basic or optional network.
    pub network_type: NetworkType,
    /// Capacities counted in the network.
    pub capacities: Vec<NetworkCapacity>,
    /// Why the service is in the network (shown publicly).
    pub justification: Option<String>,
    /// The measures that justify it.
    pub measures: Vec<MeasureRef>,
    /// Planned money in the network's year, by source (whole crowns, never negative).
    pub planned: Vec<(FundingSource, i64)>,
}

impl Store {
    /// Adds a service to an open network version (`existing`: `None`) or saves an entry if its
    /// revision is still the one given. One transaction: the element and its planned money, or
    /// nothing. [`crate::StoreError::Invalid`] names the problem: not a network, a service that
    /// has ended or is not in the catalogue, a capacity the registry does not know or one above
    /// the registered figure, a service already in the version, a measure that does not exist,
    /// negative money. [`crate::StoreError::Conflict`] for a stale revision.
    pub async fn save_network_entry(
        &self,
        version: VersionId,
        existing: Option<(&ElementKey, i64)>,
        entry: &NetworkEntry,
        change: PlanChange,
    ) -> StoreResult<ElementKey> {
        dispatch!(self, network::save_entry(version, existing, entry, change))
    }

    /// Replaces what was actually paid for a network's service in `year` (all sources at once;
    /// an empty list clears the year). Recorded at any time, also for frozen versions.
    pub async fn record_funding_actual(
        &self,
        plan: PlanId,
        key: &ElementKey,
        year: i32,
        lines: &[(FundingSource, i64)],
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, network::record_actual(plan, key, year, lines, change))
    }

    /// What was actually paid for a network's services: (element key, line), by key, year and
    /// source.
    pub async fn funding_actuals(
        &self,
        plan: PlanId,
    ) -> StoreResult<Vec<(ElementKey, BudgetLine)>> {
        dispatch!(self, network::actuals(plan))
    }

    /// Names the plans a plan draws on (replacing the earlier list). Inputs must be community or
    /// action plans other than the plan itself.
    pub async fn set_plan_inputs(
        &self,
        plan: PlanId,
        inputs: &[PlanId],
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, network::set_inputs(plan, inputs, change))
    }

    /// The plans a plan draws on.
    pub async fn plan_inputs(&self, plan: PlanId) -> StoreResult<Vec<PlanId>> {
        dispatch!(self, network::inputs(plan))
    }

    /// The plans that name `plan` as an input.
    pub async fn plans_drawing_on(&self, plan: PlanId) -> StoreResult<Vec<PlanId>> {
        dispatch!(self, network::drawing_on(plan))
    }
}

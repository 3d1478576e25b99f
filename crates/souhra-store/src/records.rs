//! Records the store returns that combine several tables for display (views), as opposed to the
//! domain types of `souhra-core` that it stores.

use serde::Serialize;
use souhra_core::code::{MunicipalityCode, OrpCode, Postcode};
use souhra_core::territory::{Municipality, MunicipalityKind, Orp};

/// A municipality as lists and search results show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalitySummary {
    /// Code.
    pub code: MunicipalityCode,
    /// Name.
    pub name: String,
    /// URL slug of the name.
    pub slug: String,
    /// Legal status.
    pub kind: MunicipalityKind,
    /// ORP code.
    pub orp_code: OrpCode,
    /// ORP name.
    pub orp_name: String,
    /// District name.
    pub district_name: String,
    /// Newest total population.
    pub population: Option<u64>,
    /// Main postcode.
    pub postcode: Option<Postcode>,
}

/// A municipality with the names of everything it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityDetail {
    /// The municipality itself.
    pub municipality: Municipality,
    /// URL slug of the name.
    pub slug: String,
    /// District name.
    pub district_name: String,
    /// ORP name.
    pub orp_name: String,
    /// POU name.
    pub pou_name: String,
    /// Region name.
    pub region_name: String,
    /// Newest total population.
    pub population: Option<u64>,
    /// False when the newest territory data no longer list the municipality.
    pub is_current: bool,
}

/// An ORP with its size, for region pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrpSummary {
    /// The ORP.
    pub orp: Orp,
    /// Number of its municipalities.
    pub municipalities: u64,
    /// Sum of the newest totals of its municipalities.
    pub population: u64,
}

/// Number of records of each kind in the territory tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TerritoryCounts {
    /// Regions.
    pub regions: u64,
    /// Districts.
    pub districts: u64,
    /// ORPs.
    pub orps: u64,
    /// POUs.
    pub pous: u64,
    /// Current municipalities.
    pub municipalities: u64,
    /// Population records (all dates and bands).
    pub population_records: u64,
}

/// What a territory load did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TerritoryLoadReport {
    /// Municipalities stored (new or updated).
    pub municipalities: u64,
    /// Municipalities kept but marked as no longer current.
    pub retired_municipalities: u64,
    /// Population records stored (new or replaced).
    pub population_records: u64,
}

/// Size of a planning area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AreaSummary {
    /// Number of municipalities.
    pub municipalities: u64,
    /// Sum of their newest totals.
    pub population: u64,
    /// Newest reference date among those totals.
    pub population_date: Option<chrono::NaiveDate>,
}

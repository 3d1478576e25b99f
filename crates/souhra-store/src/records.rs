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

/// Database id of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ServiceId(pub i64);

/// A provider as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganizationRecord {
    /// Database id.
    pub id: i64,
    /// Public identifier (UUID) when one was given (HSDS imports).
    pub public_id: Option<String>,
    /// The organization.
    pub organization: souhra_core::catalogue::Organization,
    /// Fictional demo content.
    pub is_demo: bool,
}

/// A service with everything the catalogue knows about it; text and contact fields already show
/// the local value where one overrides the registry's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceDetail {
    /// Database id.
    pub id: ServiceId,
    /// Public identifier (UUID) when one was given (HSDS imports, local services).
    pub public_id: Option<String>,
    /// Registration identifier (registry services).
    pub registration_id: Option<souhra_core::catalogue::RegistrationId>,
    /// Registry portal id.
    pub portal_id: Option<i64>,
    /// Registry or local.
    pub source: souhra_core::catalogue::Source,
    /// Name in force.
    pub name: String,
    /// Kind (service_kind codelist key).
    pub kind: String,
    /// Description in force.
    pub description: Option<String>,
    /// Fees in force.
    pub fees: Option<String>,
    /// Contacts in force.
    pub contacts: souhra_core::catalogue::Contacts,
    /// Local values that override the registry's, by field.
    pub overrides: Vec<(
        souhra_core::catalogue::LocalField,
        souhra_core::catalogue::FieldValue,
    )>,
    /// Status.
    pub status: souhra_core::catalogue::ServiceStatus,
    /// Since when the status holds.
    pub status_since: Option<chrono::NaiveDate>,
    /// Provided from.
    pub provided_from: Option<chrono::NaiveDate>,
    /// Provided until.
    pub provided_to: Option<chrono::NaiveDate>,
    /// When the provider last confirmed the record.
    pub verified_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Fictional demo content.
    pub is_demo: bool,
    /// The provider.
    pub organization: OrganizationRecord,
    /// Forms with capacities and hours.
    pub forms: Vec<souhra_core::catalogue::ServiceForm>,
    /// Target group keys.
    pub target_groups: Vec<String>,
    /// Age group keys.
    pub age_groups: Vec<String>,
    /// Facilities (hidden addresses included: the web and export layers must leave them out).
    pub facilities: Vec<souhra_core::catalogue::Facility>,
    /// Service area as given.
    pub service_area: Vec<souhra_core::catalogue::AreaUnit>,
    /// Unsettled import conflicts.
    pub open_conflicts: u64,
}

impl ServiceDetail {
    /// The value in force of a local field (the local value, else the registry's).
    pub fn value_of(
        &self,
        field: souhra_core::catalogue::LocalField,
    ) -> souhra_core::catalogue::FieldValue {
        use souhra_core::catalogue::{FieldValue, LocalField};
        match field {
            LocalField::Name => FieldValue::Text(Some(self.name.clone())),
            LocalField::Description => FieldValue::Text(self.description.clone()),
            LocalField::Fees => FieldValue::Text(self.fees.clone()),
            LocalField::Web => FieldValue::List(self.contacts.web.clone()),
            LocalField::Emails => FieldValue::List(self.contacts.emails.clone()),
            LocalField::Phones => FieldValue::List(self.contacts.phones.clone()),
        }
    }
}

/// An import conflict waiting for the coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportConflict {
    /// Database id.
    pub id: i64,
    /// The service.
    pub service_id: ServiceId,
    /// Its registration identifier.
    pub registration_id: Option<String>,
    /// The field.
    pub field: souhra_core::catalogue::LocalField,
    /// Registry value before the import that found the conflict (JSON).
    pub registry_before: Option<String>,
    /// Registry value after it (JSON).
    pub registry_after: Option<String>,
    /// The local value in force (JSON).
    pub local_value: String,
    /// When it was found.
    pub detected_at: chrono::DateTime<chrono::Utc>,
}

/// How many catalogue records there are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CatalogueCounts {
    /// Providers.
    pub organizations: u64,
    /// Services by status: active, suspended, ended.
    pub active: u64,
    /// Suspended services.
    pub suspended: u64,
    /// Ended services.
    pub ended: u64,
    /// Facilities.
    pub facilities: u64,
}

impl CatalogueCounts {
    /// All services, whatever their status.
    pub fn services(&self) -> u64 {
        self.active + self.suspended + self.ended
    }
}

/// A service as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceSummary {
    /// Database id.
    pub id: ServiceId,
    /// Registration identifier.
    pub registration_id: Option<String>,
    /// Name in force.
    pub name: String,
    /// Kind (service_kind codelist key).
    pub kind: String,
    /// Status.
    pub status: souhra_core::catalogue::ServiceStatus,
    /// Provider name.
    pub organization: String,
    /// Provider's database id.
    pub organization_id: i64,
    /// Fictional demo content.
    pub is_demo: bool,
    /// When the provider last confirmed the record.
    pub verified_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// An error report from the public as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredErrorReport {
    /// Database id.
    pub id: i64,
    /// The service it is about.
    pub service: ServiceId,
    /// The area whose site it was sent from.
    pub area: Option<souhra_core::area::AreaId>,
    /// What the reporter wrote.
    pub report: souhra_core::public::ErrorReport,
    /// When it came.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A municipality with the units containing it, to find the services serving it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MunicipalityPlace {
    /// The municipality.
    pub code: souhra_core::code::MunicipalityCode,
    /// Its ORP.
    pub orp: souhra_core::code::OrpCode,
    /// Its district.
    pub district: souhra_core::code::DistrictCode,
    /// Its region.
    pub region: souhra_core::code::RegionCode,
    /// Its representative point.
    pub point: Option<souhra_core::territory::GeoPoint>,
}

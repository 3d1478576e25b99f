//! The catalogue of social services: registry imports, local overrides and their conflicts.

use chrono::{DateTime, Utc};
use souhra_core::catalogue::{FieldValue, LocalField, RegistrationId};
use souhra_core::import::{ImportItem, ImportOptions, ImportReport};
use souhra_core::progress::Progress;
use tokio::sync::mpsc::Receiver;

use crate::records::{CatalogueCounts, ImportConflict, ServiceDetail, ServiceId};
use crate::{Store, StoreResult, dispatch};

impl Store {
    /// Imports MPSV registry records in one transaction, as they arrive from a reader.
    ///
    /// New services are added (only those relevant to the installation's areas unless
    /// `options.all`), changed ones updated, services whose registration ended or that the file
    /// no longer lists marked ended — never deleted. A field edited locally keeps its local value;
    /// when the registry changes that field, the change is recorded as a conflict to settle.
    /// Nothing is kept when the reader fails, when the stream stops without
    /// [`ImportItem::End`], in a dry run, or when records were rejected (unless
    /// `options.skip_invalid`).
    pub async fn import_registry(
        &self,
        items: Receiver<ImportItem>,
        options: &ImportOptions,
        progress: &dyn Progress,
    ) -> StoreResult<ImportReport> {
        dispatch!(self, import::import_registry(items, options, progress))
    }

    /// The service with this registration identifier.
    pub async fn service_id_by_registration(
        &self,
        id: &RegistrationId,
    ) -> StoreResult<Option<ServiceId>> {
        dispatch!(self, catalogue::service_id_by_registration(id))
    }

    /// Everything about one service, local values in force.
    pub async fn service(&self, id: ServiceId) -> StoreResult<Option<ServiceDetail>> {
        dispatch!(self, catalogue::service(id))
    }

    /// Sets a local value that overrides the registry's for `field`.
    pub async fn set_service_override(
        &self,
        id: ServiceId,
        field: LocalField,
        value: &FieldValue,
    ) -> StoreResult<()> {
        dispatch!(self, catalogue::set_override(id, field, value))
    }

    /// Removes a local value: the registry's shows again.
    pub async fn clear_service_override(
        &self,
        id: ServiceId,
        field: LocalField,
    ) -> StoreResult<()> {
        dispatch!(self, catalogue::clear_override(id, field))
    }

    /// Records that the service's data were confirmed as correct at `at`.
    pub async fn mark_service_verified(&self, id: ServiceId, at: DateTime<Utc>) -> StoreResult<()> {
        dispatch!(self, catalogue::mark_verified(id, at))
    }

    /// Import conflicts not settled yet, oldest first.
    pub async fn open_import_conflicts(&self) -> StoreResult<Vec<ImportConflict>> {
        dispatch!(self, catalogue::open_conflicts())
    }

    /// Settles a conflict: keep the local value, or take the registry's (removing the override).
    pub async fn resolve_import_conflict(&self, id: i64, keep_local: bool) -> StoreResult<()> {
        dispatch!(self, catalogue::resolve_conflict(id, keep_local))
    }

    /// The services of an area (a facility there, or a service area covering one of its
    /// municipalities), by name, ended ones included.
    pub async fn services_in_area(
        &self,
        area: souhra_core::area::AreaId,
    ) -> StoreResult<Vec<crate::records::ServiceSummary>> {
        dispatch!(self, catalogue::services_in_area(area))
    }

    /// Whether the service serves the area (as [`Store::services_in_area`] counts it), in one
    /// query.
    pub async fn service_serves_area(
        &self,
        area: souhra_core::area::AreaId,
        service: ServiceId,
    ) -> StoreResult<bool> {
        dispatch!(self, catalogue::serves_area(area, service))
    }

    /// Every service (of `area`, or of the whole catalogue) as a source-neutral entry with the
    /// local values in force, for exports. Hidden addresses are included: exporters leave them
    /// out.
    pub async fn catalogue_entries(
        &self,
        area: Option<souhra_core::area::AreaId>,
    ) -> StoreResult<Vec<(ServiceId, souhra_core::catalogue::CatalogueEntry)>> {
        dispatch!(self, entries::entries(area))
    }

    /// The services `ids` with everything they hold, in the order given; unknown ids are left
    /// out.
    pub async fn services(&self, ids: &[ServiceId]) -> StoreResult<Vec<ServiceDetail>> {
        let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
        dispatch!(self, catalogue::services(&ids))
    }

    /// One provider.
    pub async fn organization(
        &self,
        id: i64,
    ) -> StoreResult<Option<crate::records::OrganizationRecord>> {
        dispatch!(self, catalogue::organization(id))
    }

    /// The database id of the provider with this IČO.
    pub async fn organization_by_ico(
        &self,
        ico: &souhra_core::catalogue::Ico,
    ) -> StoreResult<Option<i64>> {
        dispatch!(self, catalogue::organization_by_ico(ico.as_str()))
    }

    /// The services of one provider, by name, ended ones included.
    pub async fn services_of_organization(
        &self,
        id: i64,
    ) -> StoreResult<Vec<crate::records::ServiceSummary>> {
        dispatch!(self, catalogue::services_of_organization(id))
    }

    /// The ids of every service of the catalogue, ended ones included, in id order.
    pub async fn service_ids(&self) -> StoreResult<Vec<ServiceId>> {
        dispatch!(self, entries::service_ids())
    }

    /// The services `ids` as catalogue entries (see [`Store::catalogue_entries`]), in the order
    /// given; unknown ids are left out. For reading a large catalogue piece by piece.
    pub async fn catalogue_entries_of(
        &self,
        ids: &[ServiceId],
    ) -> StoreResult<Vec<(ServiceId, souhra_core::catalogue::CatalogueEntry)>> {
        dispatch!(self, entries::entries_of(ids))
    }

    /// Stores catalogue entries from an import other than the registry's (HSDS, spreadsheets) in
    /// one transaction: providers by public id or IČO, services by public id or registration
    /// id, inserted or replaced. Each entry comes with the path it was read from, for the report.
    /// Entries with unknown codes, municipalities or malformed ids are rejected; any rejection
    /// stores nothing unless `skip_invalid`; `dry_run` stores nothing.
    pub async fn save_catalogue_entries(
        &self,
        entries: &[(String, souhra_core::catalogue::CatalogueEntry)],
        skip_invalid: bool,
        dry_run: bool,
    ) -> StoreResult<ImportReport> {
        dispatch!(self, entries::save(entries, skip_invalid, dry_run))
    }

    /// A number that changes with every change of the catalogue (services, local overrides,
    /// providers), made by any process: caches such as the search index compare it.
    pub async fn catalogue_revision(&self) -> StoreResult<i64> {
        dispatch!(self, catalogue::revision())
    }

    /// How many providers, services and facilities the catalogue holds.
    pub async fn catalogue_counts(&self) -> StoreResult<CatalogueCounts> {
        dispatch!(self, catalogue::counts())
    }
}

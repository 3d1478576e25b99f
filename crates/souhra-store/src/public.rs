//! What the public site keeps besides the catalogue: life situations and error reports.

use chrono::{DateTime, Utc};
use souhra_core::area::AreaId;
use souhra_core::public::{CoordinatorContact, ErrorReport, LifeSituation};

use crate::records::{ServiceId, StoredErrorReport};
use crate::{Store, StoreResult, dispatch};

impl Store {
    /// The area's own life situations in order, `None` when it keeps the defaults.
    pub async fn life_situations(&self, area: AreaId) -> StoreResult<Option<Vec<LifeSituation>>> {
        dispatch!(self, public::situations(area))
    }

    /// Replaces the area's life situations in one transaction; an empty list goes back to the
    /// defaults. The caller validates them (shape and codes).
    pub async fn save_life_situations(
        &self,
        area: AreaId,
        list: &[LifeSituation],
    ) -> StoreResult<()> {
        dispatch!(self, public::save_situations(area, list))
    }

    /// Keeps an error report about `service` for moderation; returns its id.
    pub async fn add_error_report(
        &self,
        service: ServiceId,
        area: Option<AreaId>,
        report: &ErrorReport,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        dispatch!(self, public::add_error_report(service, area, report, at))
    }

    /// Error reports not handled yet, oldest first (the moderation queue).
    pub async fn open_error_reports(&self) -> StoreResult<Vec<StoredErrorReport>> {
        dispatch!(self, public::open_error_reports(None))
    }

    /// The contacts of the area's planning coordinator, if set.
    pub async fn coordinator_contact(
        &self,
        area: AreaId,
    ) -> StoreResult<Option<CoordinatorContact>> {
        dispatch!(self, public::coordinator_contact(area))
    }

    /// Sets (or with `None` removes) the contacts of the area's planning coordinator. The
    /// caller normalizes them ([`CoordinatorContact::normalized`]).
    pub async fn save_coordinator_contact(
        &self,
        area: AreaId,
        contact: Option<&CoordinatorContact>,
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        dispatch!(self, public::save_coordinator_contact(area, contact, at))
    }
}

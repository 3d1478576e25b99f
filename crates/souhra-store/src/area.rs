//! Planning areas (the installation's tenants) and their municipalities.

use souhra_core::area::{Area, AreaId, NewArea};
use souhra_core::code::MunicipalityCode;

use crate::records::{AreaSummary, MunicipalitySummary};
use crate::{Store, StoreResult, dispatch};

impl Store {
    /// Creates an area; fails with [`crate::StoreError::Conflict`] if the slug is taken and with
    /// [`crate::StoreError::NotFound`] if its region, ORP or a municipality is unknown.
    pub async fn create_area(&self, new: &NewArea) -> StoreResult<Area> {
        Ok(dispatch!(self, area::save(new, false))?.0)
    }

    /// Creates the area or, if its slug exists, updates it to match `new`. Returns whether it was
    /// created.
    pub async fn save_area(&self, new: &NewArea) -> StoreResult<(Area, bool)> {
        dispatch!(self, area::save(new, true))
    }

    /// All areas: regions first, then ORPs, then the others, by name.
    pub async fn areas(&self) -> StoreResult<Vec<Area>> {
        dispatch!(self, area::list())
    }

    /// The area with this slug.
    pub async fn area_by_slug(&self, slug: &str) -> StoreResult<Option<Area>> {
        dispatch!(self, area::by_slug(slug))
    }

    /// The areas a region-level area sees: the other areas in its region (its ORPs). Empty for
    /// other areas.
    pub async fn area_children(&self, area: &Area) -> StoreResult<Vec<Area>> {
        dispatch!(self, area::children(area))
    }

    /// The region-level areas that see this area.
    pub async fn area_parents(&self, area: &Area) -> StoreResult<Vec<Area>> {
        dispatch!(self, area::parents(area))
    }

    /// The area's municipalities, by name.
    pub async fn area_municipalities(&self, id: AreaId) -> StoreResult<Vec<MunicipalitySummary>> {
        dispatch!(self, area::municipalities(id))
    }

    /// Number of municipalities and inhabitants of the area.
    pub async fn area_summary(&self, id: AreaId) -> StoreResult<AreaSummary> {
        dispatch!(self, area::summary(id))
    }

    /// Whether the municipality belongs to the area.
    pub async fn area_contains(&self, id: AreaId, code: MunicipalityCode) -> StoreResult<bool> {
        dispatch!(self, area::contains(id, code))
    }

    /// The area's municipalities with the units containing them, to find services serving the
    /// area.
    pub async fn area_places(
        &self,
        id: AreaId,
    ) -> StoreResult<Vec<crate::records::MunicipalityPlace>> {
        dispatch!(self, area::places(id))
    }
}

//! Territory: loading the ČSÚ dataset and population files, and looking municipalities up.

use souhra_core::area::AreaId;
use souhra_core::code::{MunicipalityCode, OrpCode, RegionCode};
use souhra_core::population::PopulationRecord;
use souhra_core::progress::Progress;
use souhra_core::territory::{Orp, Region, TerritoryDataset};

use crate::records::{
    MunicipalityDetail, MunicipalitySummary, OrpSummary, TerritoryCounts, TerritoryLoadReport,
};
use crate::{Store, StoreResult, dispatch};

/// Metadata key of the fingerprint of the last territory dataset loaded.
pub(crate) const FINGERPRINT_KEY: &str = "territory_fingerprint";

/// A municipality lookup ("where I live").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityQuery {
    /// What the user typed: a name or its beginning in any case, with or without diacritics
    /// (`plzen` finds Plzeň; `mesto` finds Nové Město), a postcode or its beginning (`335`), or a
    /// municipality code.
    pub text: String,
    /// Only municipalities of this area.
    pub within: Option<AreaId>,
    /// At most this many results (1–500).
    pub limit: u32,
}

impl Store {
    /// Stores a whole territory dataset in one transaction: regions, districts, ORPs, POUs and
    /// municipalities are inserted or updated (never deleted: a municipality missing from the new
    /// data is kept and marked not current), postcodes replaced, population records upserted,
    /// memberships of region and ORP areas recomputed, and `fingerprint` remembered.
    pub async fn load_territory(
        &self,
        dataset: &TerritoryDataset,
        fingerprint: &str,
        progress: &dyn Progress,
    ) -> StoreResult<TerritoryLoadReport> {
        dispatch!(self, territory::load(dataset, fingerprint, progress))
    }

    /// Stores population records (replacing those of the same municipality, date and band) in one
    /// transaction. Fails without storing anything if a municipality is unknown.
    pub async fn load_population(
        &self,
        records: &[PopulationRecord],
        progress: &dyn Progress,
    ) -> StoreResult<u64> {
        dispatch!(self, territory::load_population(records, progress))
    }

    /// Fingerprint of the territory dataset last loaded, if any.
    pub async fn territory_fingerprint(&self) -> StoreResult<Option<String>> {
        self.meta(FINGERPRINT_KEY).await
    }

    /// How many records the territory tables hold.
    pub async fn territory_counts(&self) -> StoreResult<TerritoryCounts> {
        dispatch!(self, territory::counts())
    }

    /// All regions, by name.
    pub async fn regions(&self) -> StoreResult<Vec<Region>> {
        dispatch!(self, territory::regions())
    }

    /// One region.
    pub async fn region(&self, code: RegionCode) -> StoreResult<Option<Region>> {
        dispatch!(self, territory::region(code))
    }

    /// One ORP.
    pub async fn orp(&self, code: OrpCode) -> StoreResult<Option<Orp>> {
        dispatch!(self, territory::orp(code))
    }

    /// Every ORP as (RÚIAN code, ČSÚ code), for resolving registry references.
    pub async fn orp_codes(&self) -> StoreResult<Vec<(u32, OrpCode)>> {
        dispatch!(self, territory::orp_codes())
    }

    /// The ORPs of a region with their size, by name.
    pub async fn orps_in_region(&self, region: RegionCode) -> StoreResult<Vec<OrpSummary>> {
        dispatch!(self, territory::orps_in_region(region))
    }

    /// One municipality with the names of its district, ORP, POU and region.
    pub async fn municipality(
        &self,
        code: MunicipalityCode,
    ) -> StoreResult<Option<MunicipalityDetail>> {
        dispatch!(self, territory::municipality(code))
    }

    /// Municipalities matching a lookup, best first: exact name, then names starting with the
    /// text, then names with a word starting with it; larger municipalities first within each.
    pub async fn find_municipalities(
        &self,
        query: &MunicipalityQuery,
    ) -> StoreResult<Vec<MunicipalitySummary>> {
        dispatch!(self, territory::find_municipalities(query))
    }

    /// Every population record of a municipality, oldest first.
    pub async fn population(&self, code: MunicipalityCode) -> StoreResult<Vec<PopulationRecord>> {
        dispatch!(self, territory::population(code))
    }

    /// The current municipalities of `region` (or of the whole country) as the analysis sees
    /// them: their units, point and population figures; two queries.
    pub async fn analysis_places(
        &self,
        region: Option<RegionCode>,
    ) -> StoreResult<Vec<souhra_core::analysis::Place>> {
        dispatch!(self, territory::analysis_places(region))
    }

    /// Every municipality's name and representative point, by code (former ones included).
    pub async fn municipality_names_and_points(
        &self,
    ) -> StoreResult<
        Vec<(
            souhra_core::code::MunicipalityCode,
            String,
            Option<souhra_core::territory::GeoPoint>,
        )>,
    > {
        dispatch!(self, territory::names_and_points())
    }
}

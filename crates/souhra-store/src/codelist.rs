//! Registry codelists: the bundled entries and codes met in imported data.

use souhra_core::codelist::{Codelist, CodelistEntry};

use crate::{Store, StoreResult, dispatch};

impl Store {
    /// Stores the bundled codelists (inserting or updating by codelist and key; entries are
    /// never deleted). A bundled entry that now carries the registry id of a code previously met
    /// only in imported data takes that code over.
    pub async fn load_codelists(&self, entries: &[CodelistEntry]) -> StoreResult<u64> {
        dispatch!(self, codelist::load(entries))
    }

    /// The entries of one codelist in display order.
    pub async fn codelist(&self, codelist: Codelist) -> StoreResult<Vec<CodelistEntry>> {
        dispatch!(self, codelist::list(codelist))
    }

    /// The entry with this registry id (`CilovaSkupinaOsoby/24`), created without a label if no
    /// entry has it yet: codes met in imported data are kept and shown with their raw id, never
    /// dropped.
    pub async fn ensure_registry_code(
        &self,
        codelist: Codelist,
        registry_id: &str,
    ) -> StoreResult<CodelistEntry> {
        dispatch!(self, codelist::ensure_registry_code(codelist, registry_id))
    }
}

//! Registry codelists: the bundled entries and codes met in imported data.

use chrono::{DateTime, Utc};
use souhra_core::account::AccountId;
use souhra_core::codelist::{Codelist, CodelistEntry};

use crate::{Store, StoreResult, dispatch};

/// The longest display label, in characters.
pub const DISPLAY_LABEL_MAX: usize = 200;

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

    /// The display labels administrators chose: (codelist, key, label).
    pub async fn display_labels(&self) -> StoreResult<Vec<(Codelist, String, String)>> {
        dispatch!(self, codelist::display_labels())
    }

    /// Sets (`Some`, trimmed, at most [`DISPLAY_LABEL_MAX`] characters) or clears (`None` or
    /// blank) display labels of entries of `codelist` in one transaction, recording each change
    /// in the audit log; returns how many changed. Nothing changes when one fails
    /// ([`crate::StoreError::NotFound`] for a key the codelist lacks,
    /// [`crate::StoreError::Invalid`] for a label too long).
    pub async fn set_display_labels(
        &self,
        codelist: Codelist,
        labels: &[(&str, Option<&str>)],
        by: Option<AccountId>,
        at: DateTime<Utc>,
    ) -> StoreResult<usize> {
        dispatch!(self, codelist::set_display_labels(codelist, labels, by, at))
    }
}

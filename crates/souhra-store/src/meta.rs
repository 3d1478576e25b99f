//! Installation metadata: small key–value facts such as the fingerprint of the loaded territory.

use crate::{Store, StoreResult, dispatch};

impl Store {
    /// The value stored under `key`.
    pub async fn meta(&self, key: &str) -> StoreResult<Option<String>> {
        dispatch!(self, meta::get(key))
    }

    /// Stores `value` under `key`, replacing what was there.
    pub async fn set_meta(&self, key: &str, value: &str) -> StoreResult<()> {
        dispatch!(self, meta::set_now(key, value))
    }
}

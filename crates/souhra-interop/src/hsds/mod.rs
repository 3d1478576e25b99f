//! Open Referral HSDS 3.0 in Souhra's Czech profile (`docs/hsds-profile.md`): catalogue entries
//! out as nested JSON ([`export::to_services`]) or as the tabular data package
//! ([`tables::write_datapackage`]), and back in from either, also from other publishers
//! ([`import`]).
//!
//! Identifiers are UUIDs: kept when a record came with one, otherwise derived (version 5) from
//! stable keys — the registration identifier of a service, the IČO of a provider, the identity of
//! a facility — so the same catalogue always exports the same ids, and an export imported
//! elsewhere exports again byte for byte. A hidden address never reaches an export: its location
//! carries only the municipality, and its id is derived without the address point.

pub mod export;
pub mod import;
pub mod model;
pub mod tables;

use std::collections::HashMap;

use uuid::Uuid;

use crate::bundled;
use crate::error::DataError;
use crate::table::Table;

/// HSDS version written to `index.json`.
pub const HSDS_VERSION: &str = "3.0";

/// The URI of Souhra's Czech profile.
pub const PROFILE_URI: &str = "urn:souhra:hsds:cz:1";

/// Namespace of Souhra's version-5 UUIDs.
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2a5e_9d3b_4c8e_a1f0_5e7d_3b2c_9a41);

/// A version-5 UUID of `key` in Souhra's namespace.
pub fn derived_id(key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, key.as_bytes()).to_string()
}

/// Whether `text` is a UUID in its canonical hyphenated form.
pub fn is_uuid(text: &str) -> bool {
    Uuid::try_parse(text).is_ok() && text.len() == 36
}

/// A taxonomy of the profile: its key (`service_kind`, …), name, description and URI.
#[derive(Debug, Clone)]
pub(crate) struct TaxonomyInfo {
    pub name: String,
    pub description: String,
    pub uri: String,
}

/// The profile's taxonomies and data items, from `data/hsds/`.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub taxonomies: HashMap<String, TaxonomyInfo>,
    pub data_items: HashMap<String, (String, String)>,
}

impl Profile {
    pub(crate) fn load() -> Result<Self, DataError> {
        let table = Table::parse("hsds/taxonomie.csv", bundled::file("hsds/taxonomie.csv")?)?;
        table.require(&["klic", "nazev", "popis", "uri"])?;
        let taxonomies = table
            .rows()
            .map(|r| {
                let info = TaxonomyInfo {
                    name: r.text("nazev").to_owned(),
                    description: r.text("popis").to_owned(),
                    uri: r.text("uri").to_owned(),
                };
                (r.text("klic").to_owned(), info)
            })
            .collect();
        let items = Table::parse("hsds/udaje.csv", bundled::file("hsds/udaje.csv")?)?;
        items.require(&["kod", "nazev", "popis"])?;
        let data_items = items
            .rows()
            .map(|r| {
                (
                    r.text("kod").to_owned(),
                    (r.text("nazev").to_owned(), r.text("popis").to_owned()),
                )
            })
            .collect();
        Ok(Self {
            taxonomies,
            data_items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_uuids() {
        assert_eq!(
            derived_id("service/registration/1234567"),
            derived_id("service/registration/1234567")
        );
        assert_ne!(derived_id("a"), derived_id("b"));
        assert!(is_uuid(&derived_id("x")));
        assert!(!is_uuid("12345"));
        assert!(!is_uuid("6f1c2a5e9d3b4c8ea1f05e7d3b2c9a41"));
        assert!(
            Profile::load()
                .unwrap()
                .taxonomies
                .contains_key("service_kind")
        );
    }
}

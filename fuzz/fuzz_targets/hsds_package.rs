//! The HSDS tabular data package: the input is split at NUL bytes into the package's main CSV
//! files, which are read, nested again and turned into catalogue entries.
#![no_main]

#[path = "common.rs"]
mod common;

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use souhra_interop::hsds::tables::read_datapackage_from;

const FILES: [&str; 10] = [
    "services.csv",
    "organizations.csv",
    "service_at_location.csv",
    "locations.csv",
    "addresses.csv",
    "attributes.csv",
    "taxonomy_terms.csv",
    "taxonomies.csv",
    "schedules.csv",
    "phones.csv",
];

fuzz_target!(|data: &[u8]| {
    let files: HashMap<String, Vec<u8>> = data
        .split(|b| *b == 0)
        .zip(FILES)
        .map(|(bytes, name)| (name.to_owned(), bytes.to_vec()))
        .collect();
    let _ = read_datapackage_from(&files, common::take);
});

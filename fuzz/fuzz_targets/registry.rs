//! The MPSV registry reader: any bytes give records, rejections or an error, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use souhra_interop::bundled;
use souhra_interop::registry::{TerritoryLookup, read_registry_limited};

fuzz_target!(|data: &[u8]| {
    static LOOKUP: OnceLock<TerritoryLookup> = OnceLock::new();
    let lookup = LOOKUP
        .get_or_init(|| TerritoryLookup::new(&bundled::territory().expect("bundled territory")));
    let _ = read_registry_limited("fuzz.json", data, lookup, 256 * 1024, |_| true);
});

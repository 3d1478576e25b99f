//! Population CSV files, wide or long layout.
#![no_main]

use libfuzzer_sys::fuzz_target;
use souhra_interop::population::parse_population;

fuzz_target!(|data: &[u8]| {
    let _ = parse_population("fuzz.csv", data);
});

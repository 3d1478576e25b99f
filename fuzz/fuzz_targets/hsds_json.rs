//! HSDS `services.json`: the streaming reader and the conversion into catalogue entries.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use souhra_interop::hsds::tables::read_json_from;

fuzz_target!(|data: &[u8]| {
    let _ = read_json_from(data, common::take);
});

//! Catalogue sheets as CSV: the reader (UTF-8, or Windows-1250 when the first byte is odd) and
//! the import of every row.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use souhra_interop::sheet::import::import_sheet;
use souhra_interop::sheet::read::{Encoding, read_csv};

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let encoding = if first % 2 == 1 {
        Encoding::Windows1250
    } else {
        Encoding::Utf8
    };
    if let Ok(sheet) = read_csv("fuzz.csv", rest, encoding) {
        let _ = import_sheet(common::sheet_context(), &sheet);
    }
});

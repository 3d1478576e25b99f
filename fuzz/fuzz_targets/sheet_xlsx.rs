//! Catalogue sheets as XLSX: the zip check, the streaming cell reader and the import of every row.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use souhra_interop::sheet::import::import_sheet;
use souhra_interop::sheet::read::read_xlsx_limited;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheet) = read_xlsx_limited("fuzz.xlsx", data, "Služby", 16 * 1024 * 1024) {
        let _ = import_sheet(common::sheet_context(), &sheet);
    }
});

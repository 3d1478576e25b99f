//! What the targets share: contexts built once from the bundled data.
#![allow(dead_code, clippy::unwrap_used)]

use std::sync::OnceLock;

use souhra_interop::bundled;
use souhra_interop::hsds;
use souhra_interop::sheet;

pub fn hsds_context() -> &'static hsds::import::ImportContext {
    static CONTEXT: OnceLock<hsds::import::ImportContext> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        hsds::import::ImportContext::new(&bundled::codelists().unwrap(), Some("37".into()))
    })
}

pub fn sheet_context() -> &'static sheet::import::ImportContext {
    static CONTEXT: OnceLock<sheet::import::ImportContext> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        sheet::import::ImportContext::new(
            &bundled::territory().unwrap(),
            &bundled::codelists().unwrap(),
            Default::default(),
        )
        .unwrap()
    })
}

/// Every service read is also turned into a catalogue entry, so the conversion is fuzzed too.
pub fn take(item: hsds::tables::Item) {
    if let hsds::tables::Item::Service(path, service) = item {
        let _ = hsds::import::to_entry(hsds_context(), 0, &path, &service);
    }
}

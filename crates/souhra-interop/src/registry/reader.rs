//! The streaming reader of the registry's JSON file (`{"polozky": [ … ]}`).
//!
//! The file (about 99 MB today) is never held in memory: records are taken from the stream one at
//! a time, each is validated on its own (a wrong type or value rejects that record with its field
//! path), and broken JSON stops the whole read with the line, column and record where it broke.
//! A single record larger than [`MAX_RECORD_BYTES`] stops the read too, so a malformed multi-GB
//! file cannot exhaust memory.

use std::fmt;
use std::io::Read;

use serde::de::{
    DeserializeSeed, Deserializer as _, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::value::RawValue;
use souhra_core::import::{ImportItem, Rejection};

use super::convert::{TerritoryLookup, to_record};
use super::raw;
use crate::error::DataError;
use crate::json_stream::{self, Budget, Subject, strip_position};

/// The largest single record accepted.
pub const MAX_RECORD_BYTES: u64 = 32 * 1024 * 1024;

/// How a read ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadSummary {
    /// Records handed over (valid or rejected).
    pub records: u64,
    /// The receiver stopped taking records before the end of the file.
    pub stopped_early: bool,
}

const SUBJECT: Subject = Subject {
    item: "record",
    file_kind: "a registry export",
};

struct State<'a, F> {
    lookup: &'a TerritoryLookup,
    emit: F,
    index: u64,
    stopped: bool,
    budget: Budget,
}

/// Reads every record of `input` and hands each to `emit` as an [`ImportItem::Record`] or
/// [`ImportItem::Rejected`]; `emit` returns `false` to stop early. Does not send
/// [`ImportItem::End`] or [`ImportItem::Failed`]: the caller does, from the result.
pub fn read_registry<R: Read>(
    file: &str,
    input: R,
    lookup: &TerritoryLookup,
    emit: impl FnMut(ImportItem) -> bool,
) -> Result<ReadSummary, DataError> {
    read_registry_limited(file, input, lookup, MAX_RECORD_BYTES, emit)
}

/// [`read_registry`] with another limit on the size of one record.
pub fn read_registry_limited<R: Read>(
    file: &str,
    input: R,
    lookup: &TerritoryLookup,
    max_record_bytes: u64,
    emit: impl FnMut(ImportItem) -> bool,
) -> Result<ReadSummary, DataError> {
    let (reader, budget) = json_stream::budgeted_reader(file, input, max_record_bytes)?;
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let mut state = State {
        lookup,
        emit,
        index: 0,
        stopped: false,
        budget,
    };
    let result = (&mut deserializer)
        .deserialize_map(Root { state: &mut state })
        .and_then(|()| deserializer.end());
    let summary = ReadSummary {
        records: state.index,
        stopped_early: state.stopped,
    };
    match result {
        Ok(()) => Ok(summary),
        Err(_) if state.stopped => Ok(summary),
        Err(error) => Err(json_stream::error(
            file,
            &error,
            state.index,
            &state.budget,
            SUBJECT,
        )),
    }
}

struct Root<'s, 'a, F> {
    state: &'s mut State<'a, F>,
}

impl<'de, F: FnMut(ImportItem) -> bool> Visitor<'de> for Root<'_, '_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a registry export: an object with the list \"polozky\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "polozky" && !found {
                found = true;
                map.next_value_seed(Items {
                    state: &mut *self.state,
                })?;
                if self.state.stopped {
                    return Err(A::Error::custom("stopped"));
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !found {
            return Err(A::Error::custom(
                "the file has no list \"polozky\": it is not an export of the registry",
            ));
        }
        Ok(())
    }
}

struct Items<'s, 'a, F> {
    state: &'s mut State<'a, F>,
}

impl<'de, F: FnMut(ImportItem) -> bool> DeserializeSeed<'de> for Items<'_, '_, F> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(ImportItem) -> bool> Visitor<'de> for Items<'_, '_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the list of services \"polozky\"")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            self.state.budget.reset();
            let Some(raw) = seq.next_element::<Box<RawValue>>()? else {
                return Ok(());
            };
            let index = self.state.index;
            self.state.index += 1;
            let item = convert(index, raw.get(), self.state.lookup);
            if !(self.state.emit)(item) {
                self.state.stopped = true;
                return Err(A::Error::custom("stopped"));
            }
        }
    }
}

/// The registration identifier of a record that failed to parse, for the report.
fn identifier_of(raw: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Only {
        identifikator: Option<raw::Text>,
    }
    serde_json::from_str::<Only>(raw)
        .ok()?
        .identifikator
        .map(|t| t.text())
}

/// One record: parse with field paths, then validate.
pub(crate) fn convert(index: u64, raw: &str, lookup: &TerritoryLookup) -> ImportItem {
    let mut deserializer = serde_json::Deserializer::from_str(raw);
    match serde_path_to_error::deserialize::<_, raw::Service>(&mut deserializer) {
        Err(error) => {
            let path = error.path().to_string();
            ImportItem::Rejected(Rejection {
                index,
                identifier: identifier_of(raw),
                path: if path == "." {
                    format!("polozky[{index}]")
                } else {
                    format!("polozky[{index}].{path}")
                },
                message: strip_position(&error.inner().to_string()),
            })
        }
        Ok(service) => {
            let identifier = service.identifikator.as_ref().map(raw::Text::text);
            match to_record(service, lookup) {
                Ok(record) => ImportItem::Record(index, Box::new(record)),
                Err(problem) => ImportItem::Rejected(problem.into_rejection(index, identifier)),
            }
        }
    }
}

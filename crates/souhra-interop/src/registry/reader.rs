//! The streaming reader of the registry's JSON file (`{"polozky": [ … ]}`).
//!
//! The file (about 99 MB today) is never held in memory: records are taken from the stream one at
//! a time, each is validated on its own (a wrong type or value rejects that record with its field
//! path), and broken JSON stops the whole read with the line, column and record where it broke.
//! A single record larger than [`MAX_RECORD_BYTES`] stops the read too, so a malformed multi-GB
//! file cannot exhaust memory.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufReader, Read};
use std::rc::Rc;

use serde::de::{
    DeserializeSeed, Deserializer as _, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::value::RawValue;
use souhra_core::import::{ImportItem, Rejection};

use super::convert::{TerritoryLookup, to_record};
use super::raw;
use crate::error::DataError;

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

const TOO_LARGE: &str = "souhra: record too large";

/// Counts bytes against the budget of the current record.
struct Budgeted<R> {
    inner: R,
    left: Rc<Cell<u64>>,
}

impl<R: Read> Read for Budgeted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let left = self.left.get();
        if n as u64 > left {
            return Err(io::Error::other(TOO_LARGE));
        }
        self.left.set(left - n as u64);
        Ok(n)
    }
}

struct State<'a, F> {
    lookup: &'a TerritoryLookup,
    emit: F,
    index: u64,
    stopped: bool,
    budget: Rc<Cell<u64>>,
    limit: u64,
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
    let budget = Rc::new(Cell::new(max_record_bytes));
    let mut input = Budgeted {
        inner: input,
        left: budget.clone(),
    };
    let mut head = [0_u8; 3];
    let mut filled = 0;
    while filled < head.len() {
        match input.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(DataError::Io {
                    file: file.to_owned(),
                    message: e.to_string(),
                });
            }
        }
    }
    // A UTF-8 byte-order mark is allowed and skipped.
    let start = if head[..filled] == [0xEF, 0xBB, 0xBF] {
        &head[..0]
    } else {
        &head[..filled]
    };
    let reader = BufReader::with_capacity(1 << 16, io::Cursor::new(start.to_vec()).chain(input));
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let mut state = State {
        lookup,
        emit,
        index: 0,
        stopped: false,
        budget,
        limit: max_record_bytes,
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
        Err(error) => Err(json_error(file, &error, state.index, state.limit)),
    }
}

fn json_error(file: &str, error: &serde_json::Error, index: u64, limit: u64) -> DataError {
    let at = format!("line {}, column {}", error.line(), error.column());
    let message = match error.classify() {
        serde_json::error::Category::Io => {
            let text = error.to_string();
            if text.contains(TOO_LARGE) {
                format!(
                    "record {index} is larger than {} kB; the file is not a registry export",
                    limit >> 10
                )
            } else {
                return DataError::Io {
                    file: file.to_owned(),
                    message: text,
                };
            }
        }
        serde_json::error::Category::Eof => {
            format!(
                "the file ends in the middle of record {index} ({at}); it is probably cut short, download it again"
            )
        }
        serde_json::error::Category::Syntax => format!(
            "invalid JSON at {at} (record {index}): {}",
            strip_position(&error.to_string())
        ),
        serde_json::error::Category::Data => format!(
            "unexpected structure at {at}: {}",
            strip_position(&error.to_string())
        ),
    };
    DataError::Json {
        file: file.to_owned(),
        message,
    }
}

/// serde_json appends " at line L column C"; the reader reports positions itself.
fn strip_position(message: &str) -> String {
    message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned()
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
            self.state.budget.set(self.state.limit);
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

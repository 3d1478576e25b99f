//! What the streaming JSON readers share (the registry's export, HSDS `services.json`): a byte
//! budget per item, so a malformed multi-GB file cannot exhaust memory; a skipped UTF-8
//! byte-order mark; and errors that say where the file broke.

use std::cell::Cell;
use std::io::{self, BufReader, Read};
use std::rc::Rc;

use crate::error::DataError;

const TOO_LARGE: &str = "souhra: item too large";

/// What is being read, for error messages: the name of one item (`record`, `service`) and of
/// the kind of file (`a registry export`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject {
    pub item: &'static str,
    pub file_kind: &'static str,
}

/// The bytes left for the current item; reset before each one.
#[derive(Clone)]
pub(crate) struct Budget {
    left: Rc<Cell<u64>>,
    limit: u64,
}

impl Budget {
    /// A fresh budget for the next item.
    pub(crate) fn reset(&self) {
        self.left.set(self.limit);
    }
}

/// Counts bytes against the budget of the current item.
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

/// `input` buffered, its byte-order mark skipped, every byte counted against a budget of
/// `limit` bytes per item.
pub(crate) fn budgeted_reader<R: Read>(
    file: &str,
    input: R,
    limit: u64,
) -> Result<(impl Read, Budget), DataError> {
    let left = Rc::new(Cell::new(limit));
    let mut input = Budgeted {
        inner: input,
        left: left.clone(),
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
    let start = if head[..filled] == [0xEF, 0xBB, 0xBF] {
        &head[..0]
    } else {
        &head[..filled]
    };
    let reader = BufReader::with_capacity(1 << 16, io::Cursor::new(start.to_vec()).chain(input));
    Ok((reader, Budget { left, limit }))
}

/// A broken stream as a [`DataError`] naming the position and the item it broke in.
pub(crate) fn error(
    file: &str,
    error: &serde_json::Error,
    index: u64,
    budget: &Budget,
    subject: Subject,
) -> DataError {
    let Subject { item, file_kind } = subject;
    let at = format!("line {}, column {}", error.line(), error.column());
    let message = match error.classify() {
        serde_json::error::Category::Io => {
            let text = error.to_string();
            if text.contains(TOO_LARGE) {
                format!(
                    "{item} {index} is larger than {} kB; the file is not {file_kind}",
                    budget.limit >> 10
                )
            } else {
                return DataError::Io {
                    file: file.to_owned(),
                    message: text,
                };
            }
        }
        serde_json::error::Category::Eof => format!(
            "the file ends in the middle of {item} {index} ({at}); it is probably cut short, download or export it again"
        ),
        serde_json::error::Category::Syntax => format!(
            "invalid JSON at {at} ({item} {index}): {}",
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

/// serde_json appends " at line L column C"; the readers report positions themselves.
pub(crate) fn strip_position(message: &str) -> String {
    message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned()
}

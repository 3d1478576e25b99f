//! Errors of the data readers: each names the file, the line and the column at fault.

use souhra_core::territory::TerritoryError;

/// A problem with an input file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    /// The file is not valid UTF-8 (for example a Windows-1250 export from Excel).
    #[error(
        "{file}, line {line}: the file is not UTF-8 text; save it as \"CSV UTF-8\" and try again"
    )]
    NotUtf8 {
        /// File name.
        file: String,
        /// 1-based line.
        line: u64,
    },
    /// The CSV structure is broken (unbalanced quotes, wrong number of fields).
    #[error("{file}, line {line}: {message}")]
    Csv {
        /// File name.
        file: String,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A required column is missing from the header row.
    #[error("{file}: the header row has no column {column:?}")]
    MissingColumn {
        /// File name.
        file: String,
        /// Missing column.
        column: String,
    },
    /// The header row matches no known layout.
    #[error("{file}: {message}")]
    UnknownLayout {
        /// File name.
        file: String,
        /// What layouts were expected.
        message: String,
    },
    /// A value is invalid.
    #[error("{file}, line {line}, column {column:?}: {message}")]
    Field {
        /// File name.
        file: String,
        /// 1-based line.
        line: u64,
        /// Column name.
        column: String,
        /// What is wrong, including the value.
        message: String,
    },
    /// The records do not hang together (duplicate codes, references to unknown codes).
    #[error("the territory data are inconsistent ({} problems), first: {}", problems.len(), first(problems))]
    Inconsistent {
        /// Every problem found.
        problems: Vec<TerritoryError>,
    },
    /// A JSON file is broken (invalid syntax, cut short, wrong structure).
    #[error("{file}: {message}")]
    Json {
        /// File name.
        file: String,
        /// What is wrong, with the line, column and record where known.
        message: String,
    },
    /// The file could not be read.
    #[error("{file}: cannot be read: {message}")]
    Io {
        /// File name.
        file: String,
        /// The cause.
        message: String,
    },
    /// A bundled file is missing from the build.
    #[error("the bundled file {0} is missing from this build")]
    MissingBundledFile(String),
}

fn first(problems: &[TerritoryError]) -> String {
    problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

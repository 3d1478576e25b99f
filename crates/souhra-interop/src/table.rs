//! A CSV table read by column name, with errors that point at file, line and column.

use std::collections::HashMap;

use crate::error::DataError;

/// A whole CSV file in memory with its header index.
pub(crate) struct Table {
    file: String,
    columns: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

/// One data row of a [`Table`].
pub(crate) struct Row<'t> {
    table: &'t Table,
    line: u64,
    record: &'t csv::StringRecord,
}

impl Table {
    /// Parses comma-separated UTF-8 text with one header row. A UTF-8 byte-order mark is accepted.
    pub(crate) fn parse(file: &str, bytes: &[u8]) -> Result<Self, DataError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(bytes);
        let mut lines = Lines::new(bytes);
        let headers = reader
            .headers()
            .map_err(|e| csv_error(file, &e, &mut lines))?
            .clone();
        let columns = headers
            .iter()
            .enumerate()
            .map(|(i, name)| (name.trim().to_owned(), i))
            .collect();
        let mut rows = Vec::new();
        for result in reader.records() {
            let record = result.map_err(|e| csv_error(file, &e, &mut lines))?;
            let line = record.position().map_or(0, |p| lines.at(p.byte()));
            rows.push((line, record));
        }
        Ok(Self {
            file: file.to_owned(),
            columns,
            rows,
        })
    }

    /// File name used in errors.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// Whether the header has `column`.
    pub(crate) fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    /// Column names in header order.
    pub(crate) fn column_names(&self) -> Vec<&str> {
        let mut names: Vec<(&str, usize)> =
            self.columns.iter().map(|(n, i)| (n.as_str(), *i)).collect();
        names.sort_by_key(|(_, i)| *i);
        names.into_iter().map(|(n, _)| n).collect()
    }

    /// Fails unless every one of `columns` is present.
    pub(crate) fn require(&self, columns: &[&str]) -> Result<(), DataError> {
        match columns.iter().find(|c| !self.has(c)) {
            Some(missing) => Err(DataError::MissingColumn {
                file: self.file.clone(),
                column: (*missing).to_owned(),
            }),
            None => Ok(()),
        }
    }

    /// The data rows.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, record)| Row {
            table: self,
            line: *line,
            record,
        })
    }

    /// Number of data rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The data row at `index` (0-based), if there is one.
    pub(crate) fn row(&self, index: usize) -> Option<Row<'_>> {
        self.rows.get(index).map(|(line, record)| Row {
            table: self,
            line: *line,
            record,
        })
    }
}

impl Row<'_> {
    /// 1-based line of the row in its file.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// The trimmed text of `column`; empty when the column is missing.
    pub(crate) fn text(&self, column: &str) -> &str {
        self.table
            .columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// The text of `column` exactly as written; empty when the column is missing.
    pub(crate) fn untrimmed(&self, column: &str) -> &str {
        self.table
            .columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or_default()
    }

    /// The text of `column`, which must not be empty.
    pub(crate) fn required(&self, column: &str) -> Result<&str, DataError> {
        let text = self.text(column);
        if text.is_empty() {
            return Err(self.error(column, "the value is missing".to_owned()));
        }
        Ok(text)
    }

    /// `column` parsed by `parse`; its error message is reported with the position.
    pub(crate) fn parse<T, E: std::fmt::Display>(
        &self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, DataError> {
        parse(self.required(column)?).map_err(|e| self.error(column, e.to_string()))
    }

    /// Like [`Row::parse`] but an empty value is `None`.
    pub(crate) fn parse_optional<T, E: std::fmt::Display>(
        &self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Option<T>, DataError> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        parse(text)
            .map(Some)
            .map_err(|e| self.error(column, e.to_string()))
    }

    /// A number in `column`.
    pub(crate) fn number<T: std::str::FromStr>(&self, column: &str) -> Result<T, DataError> {
        let text = self.required(column)?;
        text.parse()
            .map_err(|_| self.error(column, format!("{text:?} is not a valid number")))
    }

    /// An error at this row and `column`.
    pub(crate) fn error(&self, column: &str, message: String) -> DataError {
        DataError::Field {
            file: self.table.file.clone(),
            line: self.line,
            column: column.to_owned(),
            message,
        }
    }
}

/// Line numbers of byte offsets. The csv crate counts lines wrongly in files with `\r\n` line
/// ends (what Excel writes): it lags one line per record. Counting the `\n` before a record's
/// start gives the right line for both kinds of line end.
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            byte: 0,
            line: 1,
        }
    }

    /// The 1-based line of the byte at `offset`.
    pub(crate) fn at(&mut self, offset: u64) -> u64 {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        if offset < self.byte {
            self.byte = 0;
            self.line = 1;
        }
        let newlines = self.bytes[self.byte..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.line += newlines as u64;
        self.byte = offset;
        // With `\r\n`, the csv crate puts a record's start on the `\n` that ends the line before.
        let on_line_end = self.bytes.get(offset) == Some(&b'\n')
            && offset > 0
            && self.bytes.get(offset - 1) == Some(&b'\r');
        self.line + u64::from(on_line_end)
    }
}

fn csv_error(file: &str, error: &csv::Error, lines: &mut Lines<'_>) -> DataError {
    let line = error.position().map_or(1, |p| lines.at(p.byte()));
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => DataError::NotUtf8 {
            file: file.to_owned(),
            line,
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => DataError::Csv {
            file: file.to_owned(),
            line,
            message: format!("the row has {len} fields but the header has {expected_len}"),
        },
        _ => DataError::Csv {
            file: file.to_owned(),
            line,
            message: error.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_right_with_windows_line_ends() {
        let table = Table::parse("t.csv", b"a,b\r\n1,x\r\n2,y\r\n").unwrap();
        let lines: Vec<u64> = table.rows().map(|r| r.line()).collect();
        assert_eq!(lines, [2, 3]);
        let error = Table::parse("t.csv", b"a,b\r\n1,x\r\n2\r\n").err().unwrap();
        assert!(error.to_string().starts_with("t.csv, line 3"), "{error}");
    }

    #[test]
    fn reads_by_column_name_with_bom() {
        let table = Table::parse("t.csv", "\u{feff}a,b\n1, x \n2,\n".as_bytes()).unwrap();
        assert!(table.has("a"));
        assert_eq!(table.column_names(), ["a", "b"]);
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows[0].text("b"), "x");
        assert_eq!(rows[0].line(), 2);
        assert_eq!(rows[1].number::<u32>("a").unwrap(), 2);
        let missing = rows[1].required("b").unwrap_err();
        assert_eq!(
            missing.to_string(),
            "t.csv, line 3, column \"b\": the value is missing"
        );
    }

    #[test]
    fn structural_errors_name_the_line() {
        let error = Table::parse("t.csv", b"a,b\n1,2\n3\n").err().unwrap();
        assert_eq!(
            error.to_string(),
            "t.csv, line 3: the row has 1 fields but the header has 2"
        );
        let error = Table::parse("t.csv", b"a,b\n1,\xe8\n").err().unwrap();
        assert!(
            matches!(error, DataError::NotUtf8 { line: 2, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn missing_columns_are_reported() {
        let table = Table::parse("t.csv", b"a\n1\n").unwrap();
        let error = table.require(&["a", "kod_obce"]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "t.csv: the header row has no column \"kod_obce\""
        );
    }
}

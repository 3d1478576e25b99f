//! Sheets in: CSV (UTF-8, with or without a byte-order mark, `,` `;` or tab between fields,
//! or Windows-1250 when asked) and XLSX (the first sheet, or the one named like the template's).
//!
//! XLSX cells are streamed, never laid out as a full grid, and the file's unpacked size, rows and
//! columns are capped, so a crafted workbook cannot exhaust memory. Cells holding formulas are
//! marked: the import refuses them rather than trust a cached result.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use crate::error::DataError;
use crate::table::Lines;

/// The most data rows a sheet may have.
pub const MAX_ROWS: usize = 100_000;
/// The most columns a sheet may have.
pub const MAX_COLUMNS: usize = 200;
/// The most bytes an XLSX file may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// How the bytes of a CSV file are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, the default; anything else is an error that says what to do.
    Utf8,
    /// Windows-1250, what Czech Excel writes as plain "CSV".
    Windows1250,
}

/// One data row: its line (CSV) or row number (XLSX), its cells, and which of them are formulas
/// or error values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawRow {
    /// 1-based line or row number.
    pub line: u64,
    /// Cell texts, trimmed.
    pub cells: Vec<String>,
    /// Columns whose cell holds a formula or an error value, with that formula or error.
    pub formulas: Vec<(usize, String)>,
}

/// A sheet as read: its header and data rows (empty rows left out).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawSheet {
    /// File name, for messages.
    pub file: String,
    /// Header cells.
    pub header: Vec<String>,
    /// Data rows.
    pub rows: Vec<RawRow>,
}

fn error(file: &str, line: u64, message: impl Into<String>) -> DataError {
    DataError::Csv {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

/// The separator the header line uses most: `;`, `,` or a tab.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in first.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if *d == c {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

/// Reads a CSV sheet.
pub fn read_csv(file: &str, bytes: &[u8], encoding: Encoding) -> Result<RawSheet, DataError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text: std::borrow::Cow<'_, str> = match encoding {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(text) => text.into(),
            Err(e) => {
                let line = 1 + bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count() as u64;
                return Err(error(
                    file,
                    line,
                    "the file is not UTF-8 text (Excel's plain \"CSV\" is Windows-1250): save it as \"CSV UTF-8\", use the XLSX template, or import it with --encoding windows-1250",
                ));
            }
        },
        Encoding::Windows1250 => {
            encoding_rs::WINDOWS_1250
                .decode_without_bom_handling(bytes)
                .0
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut sheet = RawSheet {
        file: file.to_owned(),
        ..RawSheet::default()
    };
    let mut lines = Lines::new(text.as_bytes());
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                return Err(error(
                    file,
                    e.position().map_or(0, |p| lines.at(p.byte())),
                    e.to_string(),
                ));
            }
        };
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.len() > MAX_COLUMNS {
            return Err(error(
                file,
                line,
                format!("more than {MAX_COLUMNS} columns"),
            ));
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if sheet.header.is_empty() {
            sheet.header = cells;
            continue;
        }
        if sheet.rows.len() == MAX_ROWS {
            return Err(error(
                file,
                line,
                format!("more than {MAX_ROWS} rows; import the file in parts"),
            ));
        }
        sheet.rows.push(RawRow {
            line,
            cells,
            formulas: Vec::new(),
        });
    }
    Ok(sheet)
}

/// The text of a cell value; error values are reported as formulas are.
fn cell_text(value: &DataRef<'_>) -> (String, Option<String>) {
    let text = match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => {
            let (year, month, day, hour, minute, ..) = d.to_ymd_hms_milli();
            if d.is_datetime() && (hour, minute) == (0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")
            }
        }
        DataRef::Error(e) => return (String::new(), Some(format!("#{e:?}"))),
        DataRef::Empty => String::new(),
    };
    (text.trim().to_owned(), None)
}

/// Reads the services sheet of an XLSX workbook: the sheet named `preferred` if there is one,
/// else the first.
pub fn read_xlsx(file: &str, bytes: &[u8], preferred: &str) -> Result<RawSheet, DataError> {
    read_xlsx_limited(file, bytes, preferred, MAX_UNPACKED_BYTES)
}

/// [`read_xlsx`] with another cap on the unpacked size.
pub fn read_xlsx_limited(
    file: &str,
    bytes: &[u8],
    preferred: &str,
    max_unpacked: u64,
) -> Result<RawSheet, DataError> {
    let broken = |message: String| error(file, 0, message);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        broken(format!(
            "not an XLSX workbook ({e}); save it as \"Excel workbook (.xlsx)\""
        ))
    })?;
    // Unpack every part once, counting, before the spreadsheet reader sees it: a part larger
    // than declared, or a workbook larger than the cap (a "zip bomb"), stops here.
    let too_large = || {
        broken(format!(
            "the workbook unpacks to more than {} MB; this is not a catalogue sheet",
            max_unpacked >> 20
        ))
    };
    let mut unpacked: u64 = 0;
    let cap = max_unpacked;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| broken(format!("not an XLSX workbook ({e})")))?;
        let declared = entry.size();
        if declared > cap - unpacked {
            return Err(too_large());
        }
        let read = std::io::copy(
            &mut std::io::Read::take(&mut entry, declared + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| broken(format!("a part of the workbook is damaged ({e})")))?;
        if read > declared {
            return Err(broken(
                "a part of the workbook is larger than it declares; the file is damaged".into(),
            ));
        }
        unpacked += read;
    }
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| broken(format!("cannot read the workbook: {e}")))?;
    let names = workbook.sheet_names();
    let name = names
        .iter()
        .find(|n| n.trim() == preferred)
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| broken("the workbook has no sheet".into()))?;
    let mut cells: BTreeMap<u32, BTreeMap<u32, (String, Option<String>)>> = BTreeMap::new();
    {
        let mut reader = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| broken(format!("cannot read sheet {name:?}: {e}")))?;
        while let Some(cell) = reader
            .next_cell_with_formula()
            .map_err(|e| broken(format!("cannot read sheet {name:?}: {e}")))?
        {
            let (r, c) = cell.pos;
            if c as usize >= MAX_COLUMNS {
                return Err(error(
                    file,
                    u64::from(r) + 1,
                    format!("more than {MAX_COLUMNS} columns"),
                ));
            }
            let (text, problem) = cell_text(&cell.value);
            let formula = cell
                .formula
                .filter(|f| !f.is_empty())
                .map(|f| format!("={f}"))
                .or(problem);
            if text.is_empty() && formula.is_none() {
                continue;
            }
            if cells.len() > MAX_ROWS && !cells.contains_key(&r) {
                return Err(error(
                    file,
                    u64::from(r) + 1,
                    format!("more than {MAX_ROWS} rows; import the file in parts"),
                ));
            }
            cells.entry(r).or_default().insert(c, (text, formula));
        }
    }
    let mut sheet = RawSheet {
        file: file.to_owned(),
        ..RawSheet::default()
    };
    for (r, row) in cells {
        let width = row.keys().next_back().map_or(0, |c| *c as usize + 1);
        let mut texts = vec![String::new(); width];
        let mut formulas = Vec::new();
        for (c, (text, formula)) in row {
            let c = c as usize;
            texts[c] = text;
            if let Some(formula) = formula {
                formulas.push((c, formula));
            }
        }
        if sheet.header.is_empty() {
            sheet.header = texts;
        } else {
            sheet.rows.push(RawRow {
                line: u64::from(r) + 1,
                cells: texts,
                formulas,
            });
        }
    }
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_separator_and_encoding() {
        let sheet = read_csv(
            "a.csv",
            "\u{feff}Název;Obec\r\n\"A; B\";Plzeň\r\n;\r\n".as_bytes(),
            Encoding::Utf8,
        )
        .unwrap();
        assert_eq!(sheet.header, ["Název", "Obec"]);
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].cells, ["A; B", "Plzeň"]);
        assert_eq!(sheet.rows[0].line, 2);

        let cp1250 = b"N\xE1zev,Obec\nPora\x9Ena,Plze\xF2\n";
        let error = read_csv("b.csv", cp1250, Encoding::Utf8)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("b.csv, line 1") && error.contains("windows-1250"),
            "{error}"
        );
        let sheet = read_csv("b.csv", cp1250, Encoding::Windows1250).unwrap();
        assert_eq!(sheet.header, ["Název", "Obec"]);
        assert_eq!(sheet.rows[0].cells, ["Poražna", "Plzeň"]);
    }

    #[test]
    fn not_a_workbook() {
        let error = read_xlsx("x.xlsx", b"PK\x03\x04 nonsense", "Služby")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("x.xlsx") && error.contains("not an XLSX workbook"),
            "{error}"
        );
    }
}

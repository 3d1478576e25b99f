//! Sheets out: CSV for Excel (UTF-8 with a byte-order mark, so Excel reads the diacritics; `;`
//! between fields for a Czech Excel), and XLSX.

use std::io::Write;

use rust_xlsxwriter::{
    DataValidation, DocProperties, Format, Formula, Workbook, Worksheet, XlsxError,
};

use super::{Layout, Sheet};
use crate::error::DataError;

/// Separator of CSV fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `,` — the CSV standard.
    Comma,
    /// `;` — what Excel with Czech regional settings expects.
    Semicolon,
}

/// Whether a cell would be taken for a formula by a spreadsheet (`=`, `@`, or `+`/`-` followed by
/// anything but a number or phone number), a tab or carriage return leading included.
fn looks_like_formula(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()/.".contains(c)),
        _ => false,
    }
}

/// A cell as written to CSV: a would-be formula gets a leading apostrophe, so that opening the
/// file in a spreadsheet never runs anything. The import takes the apostrophe off again.
pub fn defused(text: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Writes `sheet` as CSV: a byte-order mark, then the header and rows, with `\r\n` line ends.
pub fn write_csv(
    out: &mut impl Write,
    sheet: &Sheet,
    delimiter: Delimiter,
) -> Result<(), DataError> {
    let error = |e: &dyn std::fmt::Display| DataError::Io {
        file: "CSV".into(),
        message: e.to_string(),
    };
    out.write_all(b"\xEF\xBB\xBF").map_err(|e| error(&e))?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if delimiter == Delimiter::Semicolon {
            b';'
        } else {
            b','
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(&sheet.header).map_err(|e| error(&e))?;
    for row in &sheet.rows {
        writer
            .write_record(row.iter().map(|cell| defused(cell).into_owned()))
            .map_err(|e| error(&e))?;
    }
    writer.flush().map_err(|e| error(&e))
}

/// The longest text an Excel cell holds.
const MAX_CELL: usize = 32_000;

fn cell_text(text: &str) -> String {
    if text.chars().count() <= MAX_CELL {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX_CELL - 1).collect();
        cut.push('…');
        cut
    }
}

fn xlsx_error(error: XlsxError) -> DataError {
    DataError::Io {
        file: "XLSX".into(),
        message: error.to_string(),
    }
}

fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

fn row(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// A worksheet with a bold, frozen header row, a filter and readable column widths. Every cell
/// is written as text, so nothing in it is ever evaluated.
fn fill(sheet: &mut Worksheet, header: &[String], rows: &[Vec<String>]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_text_wrap();
    for (c, title) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), title.as_str(), &bold)?;
        let widest = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0);
        let width = widest.max(title.chars().count()).clamp(8, 60);
        sheet.set_column_width(col(c), u32::try_from(width).unwrap_or(60) + 2)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(row(r + 1), col(c), cell_text(text))?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !header.is_empty() {
        sheet.autofilter(0, 0, row(rows.len()), col(header.len() - 1))?;
    }
    Ok(())
}

/// The lists a template offers to choose from: (title, values).
pub type Choices = Vec<(String, Vec<String>)>;

/// Writes `sheet` as an XLSX workbook. With `help`, the workbook is an import template: a sheet
/// explaining every column, and a sheet of the codelists, whose first list (the kinds of
/// service) is offered as a drop-down in the kind column.
pub fn write_xlsx(
    sheet: &Sheet,
    title: &str,
    help: Option<(&Layout, &Choices)>,
) -> Result<Vec<u8>, DataError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(title).set_author("Souhra"));
    let services_name = help
        .map_or("Sheet1", |(layout, _)| layout.word("sheet.services"))
        .to_owned();
    {
        let services = workbook.add_worksheet();
        services.set_name(&services_name).map_err(xlsx_error)?;
        fill(services, &sheet.header, &sheet.rows).map_err(xlsx_error)?;
    }
    if let Some((layout, choices)) = help {
        let kind_header = layout
            .columns
            .iter()
            .find(|c| c.key == "druh")
            .map(|c| c.header.clone());
        let kind_column = kind_header.and_then(|h| sheet.header.iter().position(|x| *x == h));
        let help_rows: Vec<Vec<String>> = layout
            .template_columns()
            .map(|c| vec![c.header.clone(), c.help.clone(), c.example.clone()])
            .collect();
        let help_header =
            ["help.column", "help.description", "help.example"].map(|k| layout.word(k).to_owned());
        let sheet_help = workbook.add_worksheet();
        sheet_help
            .set_name(layout.word("sheet.help"))
            .map_err(xlsx_error)?;
        fill(sheet_help, &help_header, &help_rows).map_err(xlsx_error)?;

        let codes_name = layout.word("sheet.codes").to_owned();
        let height = choices
            .iter()
            .map(|(_, values)| values.len())
            .max()
            .unwrap_or(0);
        let code_rows: Vec<Vec<String>> = (0..height)
            .map(|i| {
                choices
                    .iter()
                    .map(|(_, values)| values.get(i).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        let code_header: Vec<String> = choices.iter().map(|(title, _)| title.clone()).collect();
        let sheet_codes = workbook.add_worksheet();
        sheet_codes.set_name(&codes_name).map_err(xlsx_error)?;
        fill(sheet_codes, &code_header, &code_rows).map_err(xlsx_error)?;

        if let (Some(column), Some((_, kinds))) = (kind_column, choices.first()) {
            let range = format!("='{codes_name}'!$A$2:$A${}", kinds.len() + 1);
            let validation = DataValidation::new()
                .allow_list_formula(Formula::new(range))
                .ignore_blank(true);
            let services = workbook
                .worksheet_from_name(&services_name)
                .map_err(xlsx_error)?;
            services
                .add_data_validation(1, col(column), 10_000, col(column), &validation)
                .map_err(xlsx_error)?;
        }
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn would_be_formulas_are_defused_and_phones_are_not() {
        for text in [
            "=1+1",
            "@SUM(A1)",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|x",
            "\t=x",
        ] {
            assert_eq!(defused(text), format!("'{text}"), "{text}");
        }
        for text in ["+420 371 000 000", "-", "- 5", "Nádražní 1", "", "123"] {
            assert_eq!(defused(text), text, "{text}");
        }
    }

    #[test]
    fn csv_has_a_bom_and_the_chosen_separator() {
        let sheet = Sheet {
            header: vec!["Název".into(), "Obec".into()],
            rows: vec![vec!["A; B".into(), "Plzeň".into()]],
        };
        let mut out = Vec::new();
        write_csv(&mut out, &sheet, Delimiter::Semicolon).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}Název;Obec\r\n\"A; B\";Plzeň\r\n"
        );
    }
}

/// A cell of a [`Table`]: text (never evaluated) or a number (summable in the spreadsheet).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
}

/// One worksheet of a workbook written by [`write_tables`].
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The worksheet's name (at most 31 characters; longer names are cut).
    pub name: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

/// Writes `tables` as the worksheets of one XLSX workbook, each with a bold, frozen header row
/// and a filter; text cells as text, numbers as numbers.
pub fn write_tables(title: &str, tables: &[Table]) -> Result<Vec<u8>, DataError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(title).set_author("Souhra"));
    for table in tables {
        let sheet = workbook.add_worksheet();
        let name: String = table
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(&name).map_err(xlsx_error)?;
        let texts: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Cell::Text(t) => t.clone(),
                        Cell::Number(_) => String::new(),
                    })
                    .collect()
            })
            .collect();
        fill(sheet, &table.header, &texts).map_err(xlsx_error)?;
        for (r, cells) in table.rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                if let Cell::Number(n) = cell
                    && n.is_finite()
                {
                    sheet
                        .write_number(row(r + 1), col(c), *n)
                        .map_err(xlsx_error)?;
                }
            }
        }
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

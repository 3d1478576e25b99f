//! The catalogue as a spreadsheet: one row per service, Czech column headers, as CSV (UTF-8
//! with a byte-order mark, `,` or `;` between fields, for Czech Excel) or XLSX; and the import of
//! local services (those the registry does not hold: debt counselling, self-help groups …) from
//! the same layout, filled in from a downloadable template.
//!
//! The columns, their headers and help texts live in `data/sheet/sloupce.csv`, the words used in
//! cells (`ano`, `aktivní`, weekday abbreviations …) in `data/sheet/hodnoty.csv`. An exported
//! table can be edited and imported again: rows of registry services are skipped (the registry
//! keeps them current), rows of local services update them.

pub mod export;
pub mod import;
pub mod read;
pub mod write;

use std::collections::HashMap;

use crate::bundled;
use crate::error::DataError;
use crate::table::Table;

/// One column of the layout.
#[derive(Debug, Clone)]
pub struct Column {
    /// Stable key (`nazev`, `druh` …).
    pub key: String,
    /// Header as shown (`Název služby`).
    pub header: String,
    /// Whether the import template has it (export-only columns do not).
    pub in_template: bool,
    /// What to write into it.
    pub help: String,
    /// An example value.
    pub example: String,
}

/// The layout and the words of cells.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The columns in their order.
    pub columns: Vec<Column>,
    words: HashMap<String, String>,
}

impl Layout {
    /// The layout built into this program.
    pub fn load() -> Result<Self, DataError> {
        let table = Table::parse("sheet/sloupce.csv", bundled::file("sheet/sloupce.csv")?)?;
        table.require(&["klic", "zahlavi", "sablona", "napoveda", "priklad"])?;
        let columns = table
            .rows()
            .map(|r| Column {
                key: r.text("klic").to_owned(),
                header: r.text("zahlavi").to_owned(),
                in_template: r.text("sablona") == "ano",
                help: r.text("napoveda").to_owned(),
                example: r.text("priklad").to_owned(),
            })
            .collect();
        let table = Table::parse("sheet/hodnoty.csv", bundled::file("sheet/hodnoty.csv")?)?;
        table.require(&["klic", "text"])?;
        let words = table
            .rows()
            .map(|r| (r.text("klic").to_owned(), r.text("text").to_owned()))
            .collect();
        Ok(Self { columns, words })
    }

    /// The text of a word key (`yes` → `ano`); empty if unknown (a test checks that every key
    /// the code uses is in the file).
    pub fn word(&self, key: &str) -> &str {
        self.words.get(key).map_or("", String::as_str)
    }

    /// The columns of the template.
    pub fn template_columns(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.in_template)
    }
}

/// A table to write: headers and rows of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// Column headers.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// Separator of list values within a cell (`ambulantní; terénní`).
pub const LIST_SEPARATOR: &str = "; ";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_code_uses_is_there() {
        let layout = Layout::load().unwrap();
        let mut keys: Vec<String> = [
            "sheet.services",
            "sheet.help",
            "sheet.codes",
            "help.column",
            "help.description",
            "help.example",
            "codes.kind",
            "codes.target_group",
            "codes.age_group",
            "codes.form",
            "yes",
            "no",
            "source.registry",
            "source.local",
            "status.active",
            "status.suspended",
            "status.ended",
            "hidden",
            "continuous",
        ]
        .map(str::to_owned)
        .to_vec();
        keys.extend(["region", "district", "orp", "municipality"].map(|k| format!("unit.{k}")));
        keys.extend((1..=7).map(|d| format!("day.{d}")));
        for key in keys {
            assert!(
                !layout.word(&key).is_empty(),
                "{key} is missing from data/sheet/hodnoty.csv"
            );
        }
        for required in [
            "id",
            "nazev",
            "druh",
            "poskytovatel",
            "obec",
            "provozni_doba",
        ] {
            assert!(
                layout.template_columns().any(|c| c.key == required),
                "{required}"
            );
        }
    }
}

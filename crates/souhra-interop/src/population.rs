//! Reader of population files in the two layouts described in `data/README.md`: *wide* (one row
//! per municipality and date, a column per age band, e.g. `obyvatele_obce.csv`) and *long* (one
//! row per municipality, date and band). The layout is recognised from the header row, so newer
//! ČSÚ figures and age-band files load without code changes.

use chrono::NaiveDate;
use souhra_core::code::MunicipalityCode;
use souhra_core::population::{AgeBand, PopulationRecord};

use crate::error::DataError;
use crate::table::{Row, Table};

const TOTAL_COLUMN: &str = "obyvatele_celkem";

/// Reads a population file; `file` is its name for error messages.
pub fn parse_population(file: &str, bytes: &[u8]) -> Result<Vec<PopulationRecord>, DataError> {
    let table = Table::parse(file, bytes)?;
    table.require(&["kod_obce", "referencni_datum"])?;
    if table.has("vek_od") || table.has("pocet") {
        table.require(&["vek_od", "vek_do", "pocet"])?;
        return parse_long(&table);
    }
    let bands = wide_band_columns(&table)?;
    if bands.is_empty() {
        return Err(DataError::UnknownLayout {
            file: table.file().to_owned(),
            message: format!(
                "no population columns found: expected {TOTAL_COLUMN:?} or age-band columns such \
                 as \"vek_0_14\" and \"vek_65_plus\" (wide layout), or \"vek_od\", \"vek_do\", \
                 \"pocet\" (long layout)"
            ),
        });
    }
    parse_wide(&table, &bands)
}

/// The population columns of a wide file with their bands.
fn wide_band_columns(table: &Table) -> Result<Vec<(String, AgeBand)>, DataError> {
    let mut bands = Vec::new();
    for name in table.column_names() {
        if name == TOTAL_COLUMN {
            bands.push((name.to_owned(), AgeBand::ALL));
        } else if let Some(spec) = name.strip_prefix("vek_") {
            let band = band_from_column(spec).ok_or_else(|| DataError::UnknownLayout {
                file: table.file().to_owned(),
                message: format!(
                    "column {name:?} is not an age band: use vek_<from>_<to> (e.g. vek_0_14) or \
                     vek_<from>_plus (e.g. vek_65_plus)"
                ),
            })?;
            bands.push((name.to_owned(), band));
        }
    }
    Ok(bands)
}

/// `0_14` → 0–14, `65_plus` → 65+.
fn band_from_column(spec: &str) -> Option<AgeBand> {
    let (from, to) = spec.split_once('_')?;
    let from: u8 = from.parse().ok()?;
    let to = match to {
        "plus" => None,
        to => Some(to.parse::<u8>().ok()?),
    };
    AgeBand::new(from, to).ok()
}

fn parse_wide(
    table: &Table,
    bands: &[(String, AgeBand)],
) -> Result<Vec<PopulationRecord>, DataError> {
    let mut records = Vec::with_capacity(table.len() * bands.len());
    for row in table.rows() {
        let municipality = row.parse("kod_obce", MunicipalityCode::parse)?;
        let reference_date = reference_date(&row)?;
        for (column, band) in bands {
            if row.text(column).is_empty() {
                continue;
            }
            records.push(PopulationRecord {
                municipality,
                reference_date,
                band: *band,
                count: row.number(column)?,
            });
        }
    }
    Ok(records)
}

fn parse_long(table: &Table) -> Result<Vec<PopulationRecord>, DataError> {
    table
        .rows()
        .map(|row| {
            let from = row.number::<u8>("vek_od")?;
            let to = row.parse_optional("vek_do", str::parse::<u8>)?;
            let band = AgeBand::new(from, to).map_err(|e| row.error("vek_do", e.to_string()))?;
            Ok(PopulationRecord {
                municipality: row.parse("kod_obce", MunicipalityCode::parse)?,
                reference_date: reference_date(&row)?,
                band,
                count: row.number("pocet")?,
            })
        })
        .collect()
}

fn reference_date(row: &Row<'_>) -> Result<NaiveDate, DataError> {
    row.parse("referencni_datum", |text| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| format!("{text:?} is not a date in the form YYYY-MM-DD"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_layout_with_total_and_bands() {
        let csv = "kod_obce,nazev_obce,referencni_datum,obyvatele_celkem,vek_0_14,vek_15_64,vek_65_plus\n\
                   558109,Nepomuk,2024-01-01,3650,500,2300,850\n\
                   557943,Kramolín,2024-01-01,250,,,\n";
        let records = parse_population("p.csv", csv.as_bytes()).unwrap();
        assert_eq!(records.len(), 5);
        let keys: Vec<String> = records.iter().take(4).map(|r| r.band.key()).collect();
        assert_eq!(keys, ["total", "0-14", "15-64", "65+"]);
        assert_eq!(records[4].count, 250);
        assert_eq!(records[4].reference_date.to_string(), "2024-01-01");
    }

    #[test]
    fn long_layout() {
        let csv = "kod_obce,referencni_datum,vek_od,vek_do,pocet\n\
                   558109,2021-01-01,0,4,150\n\
                   558109,2021-01-01,85,,90\n\
                   558109,2021-01-01,0,,3700\n";
        let records = parse_population("p.csv", csv.as_bytes()).unwrap();
        let keys: Vec<String> = records.iter().map(|r| r.band.key()).collect();
        assert_eq!(keys, ["0-4", "85+", "total"]);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let cases = [
            (
                "kod_obce,referencni_datum,obyvatele_celkem\n558109,2021-01-01,abc\n",
                "p.csv, line 2, column \"obyvatele_celkem\": \"abc\" is not a valid number",
            ),
            (
                "kod_obce,referencni_datum,obyvatele_celkem\n55810,2021-01-01,1\n",
                "p.csv, line 2, column \"kod_obce\": \"55810\" is not a valid municipality code: six digits, e.g. 558109",
            ),
            (
                "kod_obce,referencni_datum,obyvatele_celkem\n558109,1.1.2021,1\n",
                "p.csv, line 2, column \"referencni_datum\": \"1.1.2021\" is not a date in the form YYYY-MM-DD",
            ),
            (
                "kod_obce,referencni_datum,vek_od,vek_do,pocet\n558109,2021-01-01,20,10,5\n",
                "p.csv, line 2, column \"vek_do\": \"20-10\" is not an age band (expected e.g. \"0-14\", \"65+\" or \"total\")",
            ),
            (
                "kod_obce,referencni_datum,obyvatele_celkem\n558109,2021-01-01,-5\n",
                "p.csv, line 2, column \"obyvatele_celkem\": \"-5\" is not a valid number",
            ),
        ];
        for (csv, expected) in cases {
            let error = parse_population("p.csv", csv.as_bytes()).unwrap_err();
            assert_eq!(error.to_string(), expected);
        }
    }

    #[test]
    fn unknown_layouts_are_rejected_with_guidance() {
        let error = parse_population(
            "p.csv",
            b"kod_obce,referencni_datum,lidi\n558109,2021-01-01,5\n",
        )
        .unwrap_err();
        assert!(matches!(error, DataError::UnknownLayout { .. }), "{error}");
        let error =
            parse_population("p.csv", b"kod_obce,referencni_datum,vek_nad_65\n").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("\"vek_nad_65\" is not an age band"),
            "{error}"
        );
        let error = parse_population("p.csv", b"kod_obce,referencni_datum,pocet\n").unwrap_err();
        assert!(matches!(error, DataError::MissingColumn { .. }), "{error}");
    }
}

//! Reader of population files in the three layouts described in `data/README.md`: *wide* (one
//! row per municipality and date, a column per age band, e.g. `obyvatele_obce.csv`), *long* (one
//! row per municipality, date and band) and *ČSÚ open data* (one statistical value per row, as
//! the Czech Statistical Office publishes population by municipality, sex and age: `hodnota`,
//! `vuzemi_cis`, `vuzemi_kod`, `casref_do`, optionally `pohlavi_kod`, `vek_kod` and `vek_txt`).
//! The layout is recognised from the header row, so newer ČSÚ figures and age-band files load
//! without code changes. Files that are not UTF-8 are read as Windows-1250, the encoding of
//! spreadsheets saved on Czech Windows.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;
use souhra_core::code::MunicipalityCode;
use souhra_core::population::{AgeBand, PopulationRecord};

use crate::error::DataError;
use crate::table::{Row, Table};

const TOTAL_COLUMN: &str = "obyvatele_celkem";

/// Reads a population file; `file` is its name for error messages.
pub fn parse_population(file: &str, bytes: &[u8]) -> Result<Vec<PopulationRecord>, DataError> {
    let text: Cow<'_, [u8]> = match std::str::from_utf8(bytes) {
        Ok(_) => Cow::Borrowed(bytes),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1250.decode(bytes);
            Cow::Owned(text.into_owned().into_bytes())
        }
    };
    let table = Table::parse(file, &text)?;
    if table.has(CZSO_VALUE) {
        return parse_czso(&table);
    }
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
    date_in(row, "referencni_datum")
}

fn date_in(row: &Row<'_>, column: &str) -> Result<NaiveDate, DataError> {
    row.parse(column, |text| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| format!("{text:?} is not a date in the form YYYY-MM-DD"))
    })
}

/// The value column of ČSÚ open-data files; its presence selects that layout.
const CZSO_VALUE: &str = "hodnota";
/// ČSÚ codelist 43: municipalities (the rows kept; other territory levels are sums of them).
const CZSO_MUNICIPALITY_LIST: &str = "43";

/// The figures met for one municipality, date and band, by sex.
#[derive(Default)]
struct BySex {
    /// Both sexes (`pohlavi_kod` empty), with the line.
    both: Option<(u64, u64)>,
    /// Men (`1`) and women (`2`), with the line.
    men: Option<(u64, u64)>,
    women: Option<(u64, u64)>,
}

/// ČSÚ open data: rows of municipalities (`vuzemi_cis` 43) are kept, other territory levels are
/// skipped; a row without `vek_kod` is the total, one without `pohlavi_kod` both sexes (men and
/// women are added up where a file has only them).
fn parse_czso(table: &Table) -> Result<Vec<PopulationRecord>, DataError> {
    table.require(&[CZSO_VALUE, "vuzemi_cis", "vuzemi_kod", "casref_do"])?;
    if table.has("vek_kod") {
        table.require(&["vek_txt"])?;
    }
    let mut figures: HashMap<(MunicipalityCode, NaiveDate, AgeBand), BySex> = HashMap::new();
    let mut order = Vec::new();
    for row in table.rows() {
        if row.text("vuzemi_cis") != CZSO_MUNICIPALITY_LIST {
            continue;
        }
        let municipality = row.parse("vuzemi_kod", MunicipalityCode::parse)?;
        let reference_date = date_in(&row, "casref_do")?;
        let band = if row.text("vek_kod").is_empty() {
            AgeBand::ALL
        } else {
            let text = row.required("vek_txt")?;
            czso_band(text).ok_or_else(|| {
                row.error(
                    "vek_txt",
                    format!(
                        "{text:?} is not an age group of ČSÚ codelist 7700 (expected e.g. \
                         \"65 až 70 (více nebo rovno 65 a méně než 70)\" or \"Od 95 (více \
                         nebo rovno 95)\")"
                    ),
                )
            })?
        };
        let count = czso_count(&row)?;
        let key = (municipality, reference_date, band);
        let entry = figures.entry(key).or_insert_with(|| {
            order.push(key);
            BySex::default()
        });
        let slot = match row.text("pohlavi_kod") {
            "" => &mut entry.both,
            "1" => &mut entry.men,
            "2" => &mut entry.women,
            other => {
                return Err(row.error(
                    "pohlavi_kod",
                    format!("{other:?} is not a sex of ČSÚ codelist 102 (1 men, 2 women, empty for both)"),
                ));
            }
        };
        if let Some((_, first)) = slot {
            return Err(row.error(
                CZSO_VALUE,
                format!(
                    "a second figure for municipality {municipality}, {reference_date}, age {band} \
                     (the first is on line {first}); a file must hold one statistical variable"
                ),
            ));
        }
        *slot = Some((count, row.line()));
    }
    if order.is_empty() {
        return Err(DataError::UnknownLayout {
            file: table.file().to_owned(),
            message: format!(
                "no rows for municipalities: ČSÚ files are read from the rows with \
                 \"vuzemi_cis\" {CZSO_MUNICIPALITY_LIST} (obce)"
            ),
        });
    }
    order
        .into_iter()
        .map(|key| {
            let (municipality, reference_date, band) = key;
            let entry = &figures[&key];
            let count = match (entry.both, entry.men, entry.women) {
                (Some((count, _)), _, _) => count,
                (None, Some((men, _)), Some((women, _))) => men + women,
                (None, Some((_, line)), None) | (None, None, Some((_, line))) => {
                    return Err(DataError::Field {
                        file: table.file().to_owned(),
                        line,
                        column: "pohlavi_kod".to_owned(),
                        message: format!(
                            "municipality {municipality}, {reference_date}, age {band}: the file \
                             has the figure of one sex only (it needs both, or the total with an \
                             empty pohlavi_kod)"
                        ),
                    });
                }
                (None, None, None) => 0,
            };
            Ok(PopulationRecord {
                municipality,
                reference_date,
                band,
                count,
            })
        })
        .collect()
}

/// A count as ČSÚ writes it: a whole number, possibly with a zero decimal part (`125.0`).
fn czso_count(row: &Row<'_>) -> Result<u64, DataError> {
    row.parse(CZSO_VALUE, |text| {
        let whole = text.strip_suffix(".0").unwrap_or(text);
        whole
            .parse::<u64>()
            .map_err(|_| format!("{text:?} is not a number of inhabitants"))
    })
}

/// An age group of ČSÚ codelist 7700 from its text: `65 až 70 (více nebo rovno 65 a méně než
/// 70)` is 65–69, `Od 95 (více nebo rovno 95)` and `95 a více` are 95+. The bracketed
/// definition wins where present; the upper bound of `N až M` is exclusive, as the codelist
/// defines it.
pub fn czso_band(text: &str) -> Option<AgeBand> {
    let text = text.trim().to_lowercase();
    let number_after = |marker: &str| -> Option<u8> {
        let rest = &text[text.find(marker)? + marker.len()..];
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    let exclusive = |from: u8, below: Option<u8>| -> Option<AgeBand> {
        match below {
            None => AgeBand::new(from, None).ok(),
            Some(below) if below > from => AgeBand::new(from, Some(below - 1)).ok(),
            Some(_) => None,
        }
    };
    if let Some(from) = number_after("více nebo rovno") {
        return exclusive(from, number_after("méně než"));
    }
    if let Some(from) = text.strip_prefix("od ").and_then(|_| number_after("od ")) {
        return exclusive(from, None);
    }
    let mut words = text.split_whitespace();
    let from: u8 = words.next()?.trim_end_matches('+').parse().ok()?;
    match (words.next(), words.next()) {
        (None, _) if text.ends_with('+') => exclusive(from, None),
        (Some("až"), Some(below)) => exclusive(from, Some(below.parse().ok()?)),
        (Some("a"), Some("více")) => exclusive(from, None),
        _ => None,
    }
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

    /// A file in the shape of ČSÚ's open data on population by municipality, sex and age
    /// (quoted fields, the state and a district among the municipalities, men and women beside
    /// the totals, one age group given by sex only).
    const CZSO: &str = "\"idhod\",\"hodnota\",\"stapro_kod\",\"pohlavi_cis\",\"pohlavi_kod\",\"vek_cis\",\"vek_kod\",\"vuzemi_cis\",\"vuzemi_kod\",\"casref_do\",\"pohlavi_txt\",\"vek_txt\",\"vuzemi_txt\"
\"1\",\"10900555\",\"2406\",\"\",\"\",\"\",\"\",\"97\",\"19\",\"2024-12-31\",\"\",\"\",\"Česká republika\"
\"2\",\"3705\",\"2406\",\"\",\"\",\"\",\"\",\"43\",\"558109\",\"2024-12-31\",\"\",\"\",\"Nepomuk\"
\"3\",\"160\",\"2406\",\"\",\"\",\"7700\",\"400000600005000\",\"43\",\"558109\",\"2024-12-31\",\"\",\"0 až 5 (více nebo rovno 0 a méně než 5)\",\"Nepomuk\"
\"4\",\"80\",\"2406\",\"102\",\"1\",\"7700\",\"410065610070000\",\"43\",\"558109\",\"2024-12-31\",\"muž\",\"65 až 70 (více nebo rovno 65 a méně než 70)\",\"Nepomuk\"
\"5\",\"95\",\"2406\",\"102\",\"2\",\"7700\",\"410065610070000\",\"43\",\"558109\",\"2024-12-31\",\"žena\",\"65 až 70 (více nebo rovno 65 a méně než 70)\",\"Nepomuk\"
\"6\",\"41\",\"2406\",\"\",\"\",\"7700\",\"410095799999000\",\"43\",\"558109\",\"2024-12-31\",\"\",\"Od 95 (více nebo rovno 95)\",\"Nepomuk\"
\"7\",\"60123\",\"2406\",\"\",\"\",\"\",\"\",\"101\",\"40380\",\"2024-12-31\",\"\",\"\",\"Plzeň-jih\"
\"8\",\"30\",\"2406\",\"102\",\"1\",\"7700\",\"410065610070000\",\"43\",\"557943\",\"2024-12-31\",\"muž\",\"65 až 70 (více nebo rovno 65 a méně než 70)\",\"Kramolín\"
\"9\",\"28\",\"2406\",\"\",\"\",\"7700\",\"410065610070000\",\"43\",\"557943\",\"2024-12-31\",\"\",\"65 až 70 (více nebo rovno 65 a méně než 70)\",\"Kramolín\"
";

    #[test]
    fn czso_open_data_layout() {
        let records = parse_population("130149.csv", CZSO.as_bytes()).unwrap();
        let seen: Vec<(u32, String, String, u64)> = records
            .iter()
            .map(|r| {
                (
                    r.municipality.get(),
                    r.reference_date.to_string(),
                    r.band.key(),
                    r.count,
                )
            })
            .collect();
        let expected = [
            (558109, "total", 3705),
            (558109, "0-4", 160),
            (558109, "65-69", 175),
            (558109, "95+", 41),
            (557943, "65-69", 28),
        ];
        let expected: Vec<(u32, String, String, u64)> = expected
            .iter()
            .map(|(m, b, c)| (*m, "2024-12-31".to_owned(), (*b).to_owned(), *c))
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn czso_files_in_windows_1250_are_read() {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1250.encode(CZSO);
        assert!(!unmappable);
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the test needs non-UTF-8 bytes"
        );
        assert_eq!(
            parse_population("130149.csv", &bytes).unwrap(),
            parse_population("130149.csv", CZSO.as_bytes()).unwrap()
        );
    }

    #[test]
    fn czso_files_with_changed_columns_name_the_column() {
        let without = |column: &str| -> String {
            let mut lines = CZSO.lines();
            let header: Vec<&str> = lines.next().unwrap().split(',').collect();
            let at = header
                .iter()
                .position(|h| *h == format!("\"{column}\""))
                .unwrap();
            let drop = |line: &str| -> String {
                let mut fields: Vec<&str> = line.split(',').collect();
                fields.remove(at);
                fields.join(",")
            };
            std::iter::once(drop(&header.join(",")))
                .chain(lines.map(drop))
                .collect::<Vec<_>>()
                .join("\n")
        };
        for column in ["vuzemi_kod", "vuzemi_cis", "casref_do", "vek_txt"] {
            let error = parse_population("130149.csv", without(column).as_bytes()).unwrap_err();
            assert_eq!(
                error,
                DataError::MissingColumn {
                    file: "130149.csv".to_owned(),
                    column: column.to_owned()
                }
            );
        }
        let renamed = CZSO.replacen("\"casref_do\"", "\"obdobi\"", 1);
        assert_eq!(
            parse_population("130149.csv", renamed.as_bytes())
                .unwrap_err()
                .to_string(),
            "130149.csv: the header row has no column \"casref_do\""
        );
    }

    #[test]
    fn czso_bad_values_name_line_and_column() {
        let cases = [
            (
                CZSO.replace("\"Od 95 (více nebo rovno 95)\"", "\"senioři\""),
                "130149.csv, line 7, column \"vek_txt\": \"senioři\" is not an age group",
            ),
            (
                CZSO.replace("\"41\"", "\"41,5\""),
                "130149.csv, line 7, column \"hodnota\": \"41,5\" is not a number of inhabitants",
            ),
            (
                CZSO.replace(
                    "\"7\",\"60123\",\"2406\",\"\",\"\",\"\",\"\",\"101\"",
                    "\"7\",\"60123\",\"2406\",\"\",\"\",\"\",\"\",\"43\"",
                ),
                "130149.csv, line 8, column \"vuzemi_kod\": \"40380\" is not a valid municipality code",
            ),
            (
                CZSO.replace(
                    "\"8\",\"30\",\"2406\",\"102\",\"1\"",
                    "\"8\",\"30\",\"2406\",\"102\",\"3\"",
                ),
                "130149.csv, line 9, column \"pohlavi_kod\": \"3\" is not a sex",
            ),
            (
                format!(
                    "{CZSO}\"10\",\"3800\",\"2406\",\"\",\"\",\"\",\"\",\"43\",\"558109\",\"2024-12-31\",\"\",\"\",\"Nepomuk\"\n"
                ),
                "130149.csv, line 11, column \"hodnota\": a second figure for municipality 558109, 2024-12-31, age total (the first is on line 3)",
            ),
            (
                CZSO.replace(
                    "\"9\",\"28\",\"2406\",\"\",\"\"",
                    "\"9\",\"28\",\"2406\",\"102\",\"1\"",
                ),
                "130149.csv, line 10, column \"hodnota\": a second figure for municipality 557943",
            ),
            (
                CZSO.replace(
                    "2024-12-31\",\"\",\"\",\"Nepomuk",
                    "31.12.2024\",\"\",\"\",\"Nepomuk",
                ),
                "130149.csv, line 3, column \"casref_do\": \"31.12.2024\" is not a date in the form YYYY-MM-DD",
            ),
        ];
        for (csv, expected) in cases {
            let error = parse_population("130149.csv", csv.as_bytes()).unwrap_err();
            assert!(error.to_string().starts_with(expected), "{error}");
        }
        let one_sex = CZSO.replace(
            "\"9\",\"28\",\"2406\",\"\",\"\",\"7700\",\"410065610070000\",\"43\",\"557943\"",
            "\"9\",\"28\",\"2406\",\"\",\"\",\"7700\",\"410070610075000\",\"43\",\"557943\"",
        );
        let one_sex = one_sex.replace(
            "\"\",\"65 až 70 (více nebo rovno 65 a méně než 70)\",\"Kramolín\"",
            "\"\",\"70 až 75 (více nebo rovno 70 a méně než 75)\",\"Kramolín\"",
        );
        let error = parse_population("130149.csv", one_sex.as_bytes()).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "130149.csv, line 9, column \"pohlavi_kod\": municipality 557943, 2024-12-31, age 65-69: the file has the figure of one sex only"
            ),
            "{error}"
        );
        let no_municipalities: String = CZSO
            .lines()
            .filter(|l| !l.contains(",\"43\","))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(matches!(
            parse_population("130149.csv", no_municipalities.as_bytes()),
            Err(DataError::UnknownLayout { .. })
        ));
    }

    #[test]
    fn czso_age_groups() {
        let cases = [
            ("0 až 5 (více nebo rovno 0 a méně než 5)", Some("0-4")),
            ("80 až 85 (více nebo rovno 80 a méně než 85)", Some("80-84")),
            ("Od 95 (více nebo rovno 95)", Some("95+")),
            ("od 100", Some("100+")),
            ("85 a více", Some("85+")),
            ("65+", Some("65+")),
            ("65 až 70", Some("65-69")),
            ("70 až 70", None),
            ("70 až 65 (více nebo rovno 70 a méně než 65)", None),
            ("300 až 400", None),
            ("", None),
            ("senioři", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                czso_band(text).map(|b| b.key()),
                expected.map(str::to_owned),
                "{text}"
            );
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

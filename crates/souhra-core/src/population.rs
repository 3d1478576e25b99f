//! Population per municipality: totals and age bands at reference dates.
//!
//! A total is just the band "0 and older" ([`AgeBand::ALL`]), so totals and age bands share one
//! record type and one table; a dataset may carry any mix of bands and dates.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::code::MunicipalityCode;

/// An age band in whole years, inclusive at both ends; `to == None` means "and older".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AgeBand {
    /// Lowest age in the band.
    pub from: u8,
    /// Highest age in the band, `None` for an open band ("65+").
    pub to: Option<u8>,
}

/// An age band that cannot be built from the given bounds or text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an age band (expected e.g. \"0-14\", \"65+\" or \"total\")")]
pub struct AgeBandError(pub String);

impl AgeBand {
    /// Everybody: the band used for population totals.
    pub const ALL: AgeBand = AgeBand { from: 0, to: None };

    /// A band from `from` to `to` (inclusive) or open-ended.
    pub fn new(from: u8, to: Option<u8>) -> Result<Self, AgeBandError> {
        match to {
            Some(to) if to < from => Err(AgeBandError(format!("{from}-{to}"))),
            _ => Ok(Self { from, to }),
        }
    }

    /// Whether this band is the whole population.
    pub fn is_total(self) -> bool {
        self == Self::ALL
    }

    /// Stable text key: `total`, `0-14`, `65+`.
    pub fn key(self) -> String {
        self.to_string()
    }

    /// Parses a key (`total`, `0-14`, `65+`, `0+`).
    pub fn parse(text: &str) -> Result<Self, AgeBandError> {
        let text = text.trim();
        let error = || AgeBandError(text.to_owned());
        if text == "total" {
            return Ok(Self::ALL);
        }
        let age = |s: &str| s.trim().parse::<u8>().map_err(|_| error());
        if let Some(from) = text.strip_suffix('+') {
            return Self::new(age(from)?, None);
        }
        let (from, to) = text.split_once('-').ok_or_else(error)?;
        Self::new(age(from)?, Some(age(to)?)).map_err(|_| error())
    }
}

impl fmt::Display for AgeBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (0, None) => f.write_str("total"),
            (from, None) => write!(f, "{from}+"),
            (from, Some(to)) => write!(f, "{from}-{to}"),
        }
    }
}

/// Number of inhabitants of one municipality in one age band at one reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationRecord {
    /// Municipality.
    pub municipality: MunicipalityCode,
    /// Reference date (e.g. 2021-01-01).
    pub reference_date: NaiveDate,
    /// Age band; [`AgeBand::ALL`] for the total.
    pub band: AgeBand,
    /// Number of inhabitants.
    pub count: u64,
}

/// The newest population figures of one municipality: the total and the age bands of the newest
/// date that has them (which may be older than the newest total).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PopulationSummary {
    /// Newest total and its date, if any.
    pub total: Option<(NaiveDate, u64)>,
    /// Reference date of `bands`.
    pub bands_date: Option<NaiveDate>,
    /// Age bands of that date, ordered by age.
    pub bands: Vec<(AgeBand, u64)>,
}

impl PopulationSummary {
    /// Summarizes records of one municipality (any order, any dates).
    pub fn of(records: &[PopulationRecord]) -> Self {
        let total = records
            .iter()
            .filter(|r| r.band.is_total())
            .max_by_key(|r| r.reference_date)
            .map(|r| (r.reference_date, r.count));
        let bands_date = records
            .iter()
            .filter(|r| !r.band.is_total())
            .map(|r| r.reference_date)
            .max();
        let mut bands: Vec<(AgeBand, u64)> = records
            .iter()
            .filter(|r| !r.band.is_total() && Some(r.reference_date) == bands_date)
            .map(|r| (r.band, r.count))
            .collect();
        bands.sort();
        Self {
            total,
            bands_date,
            bands,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_keys_round_trip() {
        for key in ["total", "0-14", "15-64", "65+", "80-84"] {
            assert_eq!(AgeBand::parse(key).unwrap().key(), key);
        }
        assert_eq!(AgeBand::parse("0+").unwrap(), AgeBand::ALL);
        for bad in ["", "14-0", "a-b", "65", "-3", "300+", "1-2-3"] {
            assert!(AgeBand::parse(bad).is_err(), "{bad}");
        }
    }

    fn record(date: &str, band: &str, count: u64) -> PopulationRecord {
        PopulationRecord {
            municipality: MunicipalityCode::parse("558109").unwrap(),
            reference_date: date.parse().unwrap(),
            band: AgeBand::parse(band).unwrap(),
            count,
        }
    }

    #[test]
    fn summary_takes_newest_total_and_newest_bands() {
        let records = [
            record("2021-01-01", "total", 3700),
            record("2024-01-01", "total", 3650),
            record("2021-01-01", "65+", 800),
            record("2021-01-01", "0-14", 600),
            record("2021-01-01", "15-64", 2300),
            record("2019-01-01", "0-14", 700),
        ];
        let summary = PopulationSummary::of(&records);
        assert_eq!(summary.total, Some(("2024-01-01".parse().unwrap(), 3650)));
        assert_eq!(summary.bands_date, Some("2021-01-01".parse().unwrap()));
        let keys: Vec<String> = summary.bands.iter().map(|(b, _)| b.key()).collect();
        assert_eq!(keys, ["0-14", "15-64", "65+"]);
    }

    #[test]
    fn summary_of_nothing_is_empty() {
        let summary = PopulationSummary::of(&[]);
        assert_eq!(summary.total, None);
        assert!(summary.bands.is_empty());
    }
}

//! The territory of the Czech Republic: regions, districts, ORPs, POUs and municipalities.
//!
//! The records here are what the bundled ČSÚ data describe (see `data/README.md`); the store keeps
//! them and [`TerritoryDataset::check`] verifies that a dataset hangs together before it is stored.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::code::{DistrictCode, MunicipalityCode, OrpCode, Postcode, PouCode, RegionCode};
use crate::population::PopulationRecord;
use crate::text::slugify;

/// A WGS84 point in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

impl GeoPoint {
    /// A point, or `None` when the coordinates are outside the valid ranges or not finite.
    pub fn new(lat: f64, lon: f64) -> Option<Self> {
        let valid = lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        valid.then_some(Self { lat, lon })
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0088;
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }
}

/// Legal status of a municipality (typ obce).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MunicipalityKind {
    /// obec
    Municipality,
    /// město
    Town,
    /// městys
    MarketTown,
    /// statutární město
    StatutoryCity,
    /// hlavní město (Praha)
    CapitalCity,
    /// vojenský újezd
    MilitaryArea,
}

impl MunicipalityKind {
    /// All kinds, in order of increasing status.
    pub const ALL: [MunicipalityKind; 6] = [
        Self::Municipality,
        Self::MarketTown,
        Self::Town,
        Self::StatutoryCity,
        Self::CapitalCity,
        Self::MilitaryArea,
    ];

    /// Stable key: the slug of the Czech name (`obec`, `mesto`, `mestys`, `statutarni-mesto`,
    /// `hlavni-mesto`, `vojensky-ujezd`). Used in the database and as the translation key suffix.
    pub fn key(self) -> &'static str {
        match self {
            Self::Municipality => "obec",
            Self::Town => "mesto",
            Self::MarketTown => "mestys",
            Self::StatutoryCity => "statutarni-mesto",
            Self::CapitalCity => "hlavni-mesto",
            Self::MilitaryArea => "vojensky-ujezd",
        }
    }

    /// Parses a key or the official Czech label in any case and with or without diacritics.
    pub fn parse(label: &str) -> Option<Self> {
        let slug = slugify(label);
        Self::ALL.into_iter().find(|kind| kind.key() == slug)
    }
}

/// Region (kraj).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// RÚIAN (VÚSC) code, e.g. 43.
    pub code: RegionCode,
    /// ČSÚ codelist 100 code, e.g. 3042.
    pub csu_code: u32,
    /// NUTS 3 code, e.g. `CZ032`.
    pub nuts: String,
    /// Full name, e.g. `Plzeňský kraj`.
    pub name: String,
    /// Short name used in lists, e.g. `Plzeňský`.
    pub short_name: String,
    /// Abbreviation, e.g. `PLK`.
    pub abbreviation: String,
}

/// District (okres).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct District {
    /// RÚIAN code, e.g. 3406.
    pub code: DistrictCode,
    /// ČSÚ LAU 1 code (codelist 101), e.g. `40380`.
    pub lau: String,
    /// NUTS 4 code, e.g. `CZ0324`.
    pub nuts: String,
    /// Name, e.g. `Plzeň-jih`.
    pub name: String,
    /// Region the district lies in.
    pub region: RegionCode,
}

/// Municipality with extended powers (obec s rozšířenou působností), the usual planning area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Orp {
    /// ČSÚ codelist 65 code, e.g. 3207.
    pub code: OrpCode,
    /// RÚIAN code of the ORP.
    pub ruian_code: u32,
    /// Name (the seat's name), e.g. `Nepomuk`.
    pub name: String,
    /// Seat municipality.
    pub seat: MunicipalityCode,
    /// Region the ORP lies in.
    pub region: RegionCode,
    /// Code used by ÚZIS/MZČR datasets, where it differs from ČSÚ's.
    pub uzis_code: Option<u32>,
}

/// Municipality with a commissioned municipal office (obec s pověřeným obecním úřadem).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pou {
    /// ČSÚ codelist 61 code, e.g. 32071.
    pub code: PouCode,
    /// RÚIAN code of the POU.
    pub ruian_code: u32,
    /// Name (the seat's name).
    pub name: String,
    /// Seat municipality.
    pub seat: MunicipalityCode,
    /// ORP the POU belongs to.
    pub orp: OrpCode,
}

/// Municipality (obec).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Municipality {
    /// Official code, e.g. 558109.
    pub code: MunicipalityCode,
    /// Official name, e.g. `Nepomuk`.
    pub name: String,
    /// Legal status.
    pub kind: MunicipalityKind,
    /// District.
    pub district: DistrictCode,
    /// ORP.
    pub orp: OrpCode,
    /// POU.
    pub pou: PouCode,
    /// Region.
    pub region: RegionCode,
    /// All postcodes used in the municipality, the main one first.
    pub postcodes: Vec<Postcode>,
    /// Representative point of the municipality, when known.
    pub point: Option<GeoPoint>,
}

/// Everything the territory loader stores in one go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TerritoryDataset {
    /// Regions.
    pub regions: Vec<Region>,
    /// Districts.
    pub districts: Vec<District>,
    /// ORPs.
    pub orps: Vec<Orp>,
    /// POUs.
    pub pous: Vec<Pou>,
    /// Municipalities.
    pub municipalities: Vec<Municipality>,
    /// Population records (totals and age bands, any reference dates).
    pub population: Vec<PopulationRecord>,
}

/// A reason why a territory dataset does not hang together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TerritoryError {
    /// Two records of the same kind share a code.
    #[error("duplicate {what} code {code}")]
    Duplicate {
        /// Kind of record.
        what: &'static str,
        /// The repeated code.
        code: String,
    },
    /// A record refers to a code that is not in the dataset.
    #[error("{what} {code} refers to unknown {target} {target_code}")]
    UnknownReference {
        /// Kind of the referring record.
        what: &'static str,
        /// Its code.
        code: String,
        /// Kind of the referenced record.
        target: &'static str,
        /// The missing code.
        target_code: String,
    },
}

impl TerritoryDataset {
    /// The part of the dataset that lies in one region: its districts, ORPs, POUs, municipalities
    /// and their population. Used for small installations and quick tests.
    pub fn restricted_to_region(&self, region: RegionCode) -> TerritoryDataset {
        let orps: Vec<Orp> = self
            .orps
            .iter()
            .filter(|o| o.region == region)
            .cloned()
            .collect();
        let orp_codes: HashSet<OrpCode> = orps.iter().map(|o| o.code).collect();
        let municipalities: Vec<Municipality> = self
            .municipalities
            .iter()
            .filter(|m| m.region == region)
            .cloned()
            .collect();
        let codes: HashSet<MunicipalityCode> = municipalities.iter().map(|m| m.code).collect();
        TerritoryDataset {
            regions: self
                .regions
                .iter()
                .filter(|r| r.code == region)
                .cloned()
                .collect(),
            districts: self
                .districts
                .iter()
                .filter(|d| d.region == region)
                .cloned()
                .collect(),
            pous: self
                .pous
                .iter()
                .filter(|p| orp_codes.contains(&p.orp))
                .cloned()
                .collect(),
            orps,
            population: self
                .population
                .iter()
                .filter(|p| codes.contains(&p.municipality))
                .copied()
                .collect(),
            municipalities,
        }
    }

    /// Checks uniqueness of codes and that every reference points to a record of the dataset.
    /// Returns every problem found, not only the first.
    pub fn check(&self) -> Result<(), Vec<TerritoryError>> {
        let mut problems = Vec::new();
        let regions = unique_codes("region", self.regions.iter().map(|r| r.code), &mut problems);
        let districts = unique_codes(
            "district",
            self.districts.iter().map(|d| d.code),
            &mut problems,
        );
        let orps = unique_codes("ORP", self.orps.iter().map(|o| o.code), &mut problems);
        let pous = unique_codes("POU", self.pous.iter().map(|p| p.code), &mut problems);
        let municipalities = unique_codes(
            "municipality",
            self.municipalities.iter().map(|m| m.code),
            &mut problems,
        );
        let mut expect =
            |what, code: &dyn ToString, target, found: bool, target_code: &dyn ToString| {
                if !found {
                    problems.push(TerritoryError::UnknownReference {
                        what,
                        code: code.to_string(),
                        target,
                        target_code: target_code.to_string(),
                    });
                }
            };
        for d in &self.districts {
            expect(
                "district",
                &d.code,
                "region",
                regions.contains(&d.region),
                &d.region,
            );
        }
        for o in &self.orps {
            expect(
                "ORP",
                &o.code,
                "region",
                regions.contains(&o.region),
                &o.region,
            );
            expect(
                "ORP",
                &o.code,
                "seat municipality",
                municipalities.contains(&o.seat),
                &o.seat,
            );
        }
        for p in &self.pous {
            expect("POU", &p.code, "ORP", orps.contains(&p.orp), &p.orp);
            expect(
                "POU",
                &p.code,
                "seat municipality",
                municipalities.contains(&p.seat),
                &p.seat,
            );
        }
        for m in &self.municipalities {
            expect(
                "municipality",
                &m.code,
                "district",
                districts.contains(&m.district),
                &m.district,
            );
            expect(
                "municipality",
                &m.code,
                "ORP",
                orps.contains(&m.orp),
                &m.orp,
            );
            expect(
                "municipality",
                &m.code,
                "POU",
                pous.contains(&m.pou),
                &m.pou,
            );
            expect(
                "municipality",
                &m.code,
                "region",
                regions.contains(&m.region),
                &m.region,
            );
        }
        for record in &self.population {
            let found = municipalities.contains(&record.municipality);
            expect(
                "population record of",
                &record.municipality,
                "municipality",
                found,
                &record.municipality,
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

fn unique_codes<C>(
    what: &'static str,
    codes: impl Iterator<Item = C>,
    problems: &mut Vec<TerritoryError>,
) -> HashSet<C>
where
    C: std::hash::Hash + Eq + ToString + Copy,
{
    let mut seen = HashSet::new();
    for code in codes {
        if !seen.insert(code) {
            problems.push(TerritoryError::Duplicate {
                what,
                code: code.to_string(),
            });
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_kind_parses_labels_and_keys() {
        assert_eq!(
            MunicipalityKind::parse("Statutární město"),
            Some(MunicipalityKind::StatutoryCity)
        );
        assert_eq!(
            MunicipalityKind::parse("MĚSTYS"),
            Some(MunicipalityKind::MarketTown)
        );
        assert_eq!(
            MunicipalityKind::parse("hlavni-mesto"),
            Some(MunicipalityKind::CapitalCity)
        );
        assert_eq!(
            MunicipalityKind::parse("Vojenský újezd"),
            Some(MunicipalityKind::MilitaryArea)
        );
        assert_eq!(MunicipalityKind::parse("vesnice"), None);
        for kind in MunicipalityKind::ALL {
            assert_eq!(MunicipalityKind::parse(kind.key()), Some(kind));
        }
    }

    #[test]
    fn geo_points() {
        assert!(GeoPoint::new(91.0, 0.0).is_none());
        assert!(GeoPoint::new(f64::NAN, 0.0).is_none());
        let nepomuk = GeoPoint::new(49.486, 13.582).unwrap();
        let plzen = GeoPoint::new(49.7475, 13.3776).unwrap();
        let d = nepomuk.distance_km(plzen);
        assert!(
            (31.0..34.0).contains(&d),
            "Nepomuk–Plzeň is about 32 km, got {d}"
        );
        assert_eq!(nepomuk.distance_km(nepomuk), 0.0);
    }

    fn tiny() -> TerritoryDataset {
        let region = RegionCode::parse("43").unwrap();
        let district = DistrictCode::parse("3406").unwrap();
        let orp = OrpCode::parse("3207").unwrap();
        let pou = PouCode::parse("32071").unwrap();
        let seat = MunicipalityCode::parse("558109").unwrap();
        TerritoryDataset {
            regions: vec![Region {
                code: region,
                csu_code: 3042,
                nuts: "CZ032".into(),
                name: "Plzeňský kraj".into(),
                short_name: "Plzeňský".into(),
                abbreviation: "PLK".into(),
            }],
            districts: vec![District {
                code: district,
                lau: "40380".into(),
                nuts: "CZ0324".into(),
                name: "Plzeň-jih".into(),
                region,
            }],
            orps: vec![Orp {
                code: orp,
                ruian_code: 0,
                name: "Nepomuk".into(),
                seat,
                region,
                uzis_code: None,
            }],
            pous: vec![Pou {
                code: pou,
                ruian_code: 0,
                name: "Nepomuk".into(),
                seat,
                orp,
            }],
            municipalities: vec![Municipality {
                code: seat,
                name: "Nepomuk".into(),
                kind: MunicipalityKind::Town,
                district,
                orp,
                pou,
                region,
                postcodes: vec![],
                point: None,
            }],
            population: vec![],
        }
    }

    #[test]
    fn consistent_dataset_passes() {
        assert_eq!(tiny().check(), Ok(()));
    }

    #[test]
    fn restriction_to_a_region_stays_consistent() {
        let data = tiny();
        let same = data.restricted_to_region(RegionCode::parse("43").unwrap());
        assert_eq!(same, data);
        let other = data.restricted_to_region(RegionCode::parse("19").unwrap());
        assert!(other.municipalities.is_empty() && other.regions.is_empty());
        assert_eq!(other.check(), Ok(()));
    }

    #[test]
    fn broken_references_and_duplicates_are_all_reported() {
        let mut data = tiny();
        data.municipalities[0].orp = OrpCode::parse("9999").unwrap();
        data.regions.push(data.regions[0].clone());
        let problems = data.check().unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.contains(&TerritoryError::Duplicate {
            what: "region",
            code: "43".into()
        }));
        assert!(
            problems
                .iter()
                .any(|p| p.to_string() == "municipality 558109 refers to unknown ORP 9999")
        );
    }
}

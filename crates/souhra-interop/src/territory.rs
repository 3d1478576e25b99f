//! Reader of the ČSÚ territory files (`kraje.csv`, `okresy.csv`, `orp.csv`, `pou.csv`,
//! `obce.csv`; columns described in `data/README.md`).

use std::collections::HashMap;

use souhra_core::code::{DistrictCode, MunicipalityCode, OrpCode, Postcode, PouCode, RegionCode};
use souhra_core::territory::{
    District, GeoPoint, Municipality, MunicipalityKind, Orp, Pou, Region, TerritoryDataset,
};

use crate::error::DataError;
use crate::table::{Row, Table};

/// The five territory files, by content.
#[derive(Debug, Clone, Copy)]
pub struct TerritoryFiles<'a> {
    /// `kraje.csv`
    pub regions: &'a [u8],
    /// `okresy.csv`
    pub districts: &'a [u8],
    /// `orp.csv`
    pub orps: &'a [u8],
    /// `pou.csv`
    pub pous: &'a [u8],
    /// `obce.csv`
    pub municipalities: &'a [u8],
}

/// Reads the territory files into a dataset (without population) and checks that it hangs
/// together.
pub fn parse_territory(files: TerritoryFiles<'_>) -> Result<TerritoryDataset, DataError> {
    let municipality_table = Table::parse("obce.csv", files.municipalities)?;
    let short_names = region_short_names(&municipality_table)?;
    let regions = parse_regions(&Table::parse("kraje.csv", files.regions)?, &short_names)?;
    let region_by_nuts: HashMap<&str, RegionCode> =
        regions.iter().map(|r| (r.nuts.as_str(), r.code)).collect();
    let districts = parse_districts(
        &Table::parse("okresy.csv", files.districts)?,
        &region_by_nuts,
    )?;
    let orps = parse_orps(&Table::parse("orp.csv", files.orps)?)?;
    let pous = parse_pous(&Table::parse("pou.csv", files.pous)?)?;
    let municipalities = parse_municipalities(&municipality_table)?;
    let dataset = TerritoryDataset {
        regions,
        districts,
        orps,
        pous,
        municipalities,
        population: Vec::new(),
    };
    dataset
        .check()
        .map_err(|problems| DataError::Inconsistent { problems })?;
    Ok(dataset)
}

/// `obce.csv` carries the short region names (`Plzeňský`) that `kraje.csv` lacks.
fn region_short_names(table: &Table) -> Result<HashMap<RegionCode, String>, DataError> {
    table.require(&["kod_kraje", "nazev_kraje"])?;
    let mut names = HashMap::new();
    for row in table.rows() {
        let code = row.parse("kod_kraje", RegionCode::parse)?;
        names
            .entry(code)
            .or_insert_with(|| row.text("nazev_kraje").to_owned());
    }
    Ok(names)
}

fn parse_regions(
    table: &Table,
    short_names: &HashMap<RegionCode, String>,
) -> Result<Vec<Region>, DataError> {
    table.require(&[
        "kod_kraje",
        "kod_kraje_csu",
        "kod_kraje_nuts",
        "nazev_kraje",
        "zkratka",
    ])?;
    table
        .rows()
        .map(|row| {
            let code = row.parse("kod_kraje", RegionCode::parse)?;
            let name = row.required("nazev_kraje")?.to_owned();
            Ok(Region {
                code,
                csu_code: row.number("kod_kraje_csu")?,
                nuts: row.required("kod_kraje_nuts")?.to_owned(),
                short_name: short_names
                    .get(&code)
                    .cloned()
                    .unwrap_or_else(|| name.clone()),
                name,
                abbreviation: row.text("zkratka").to_owned(),
            })
        })
        .collect()
}

fn parse_districts(
    table: &Table,
    region_by_nuts: &HashMap<&str, RegionCode>,
) -> Result<Vec<District>, DataError> {
    table.require(&[
        "kod_okresu",
        "kod_okresu_lau",
        "kod_okresu_nuts",
        "nazev_okresu",
        "kod_kraje_nuts",
    ])?;
    table
        .rows()
        .map(|row| {
            let region_nuts = row.required("kod_kraje_nuts")?;
            let region = *region_by_nuts.get(region_nuts).ok_or_else(|| {
                row.error(
                    "kod_kraje_nuts",
                    format!("no region has the NUTS code {region_nuts:?}"),
                )
            })?;
            Ok(District {
                code: row.parse("kod_okresu", DistrictCode::parse)?,
                lau: row.required("kod_okresu_lau")?.to_owned(),
                nuts: row.required("kod_okresu_nuts")?.to_owned(),
                name: row.required("nazev_okresu")?.to_owned(),
                region,
            })
        })
        .collect()
}

fn parse_orps(table: &Table) -> Result<Vec<Orp>, DataError> {
    table.require(&[
        "kod_orp",
        "kod_orp_ruian",
        "nazev_orp",
        "kod_obce_sidla",
        "kod_kraje",
    ])?;
    table
        .rows()
        .map(|row| {
            Ok(Orp {
                code: row.parse("kod_orp", OrpCode::parse)?,
                ruian_code: row.number("kod_orp_ruian")?,
                name: row.required("nazev_orp")?.to_owned(),
                seat: row.parse("kod_obce_sidla", MunicipalityCode::parse)?,
                region: row.parse("kod_kraje", RegionCode::parse)?,
                uzis_code: row.parse_optional("kod_orp_uzis", str::parse::<u32>)?,
            })
        })
        .collect()
}

fn parse_pous(table: &Table) -> Result<Vec<Pou>, DataError> {
    table.require(&[
        "kod_pou",
        "kod_pou_ruian",
        "nazev_pou",
        "kod_obce_sidla",
        "kod_orp",
    ])?;
    table
        .rows()
        .map(|row| {
            Ok(Pou {
                code: row.parse("kod_pou", PouCode::parse)?,
                ruian_code: row.number("kod_pou_ruian")?,
                name: row.required("nazev_pou")?.to_owned(),
                seat: row.parse("kod_obce_sidla", MunicipalityCode::parse)?,
                orp: row.parse("kod_orp", OrpCode::parse)?,
            })
        })
        .collect()
}

fn parse_municipalities(table: &Table) -> Result<Vec<Municipality>, DataError> {
    table.require(&[
        "kod_obce",
        "nazev_obce",
        "typ_obce",
        "kod_okresu",
        "kod_orp",
        "kod_pou",
        "kod_kraje",
    ])?;
    table.rows().map(|row| parse_municipality(&row)).collect()
}

fn parse_municipality(row: &Row<'_>) -> Result<Municipality, DataError> {
    let kind_text = row.required("typ_obce")?;
    let kind = MunicipalityKind::parse(kind_text).ok_or_else(|| {
        row.error(
            "typ_obce",
            format!("unknown municipality type {kind_text:?}"),
        )
    })?;
    Ok(Municipality {
        code: row.parse("kod_obce", MunicipalityCode::parse)?,
        name: row.required("nazev_obce")?.to_owned(),
        kind,
        district: row.parse("kod_okresu", DistrictCode::parse)?,
        orp: row.parse("kod_orp", OrpCode::parse)?,
        pou: row.parse("kod_pou", PouCode::parse)?,
        region: row.parse("kod_kraje", RegionCode::parse)?,
        postcodes: postcodes(row)?,
        point: point(row)?,
    })
}

/// The main postcode first, then the others in file order, without repeats.
fn postcodes(row: &Row<'_>) -> Result<Vec<Postcode>, DataError> {
    let mut codes = Vec::new();
    if let Some(main) = row.parse_optional("psc_hlavni", Postcode::parse)? {
        codes.push(main);
    }
    for part in row.text("psc").split_whitespace() {
        let code = Postcode::parse(part).map_err(|e| row.error("psc", e.to_string()))?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

fn point(row: &Row<'_>) -> Result<Option<GeoPoint>, DataError> {
    let lat = row.parse_optional("latitude", str::parse::<f64>)?;
    let lon = row.parse_optional("longitude", str::parse::<f64>)?;
    match (lat, lon) {
        (Some(lat), Some(lon)) => GeoPoint::new(lat, lon)
            .map(Some)
            .ok_or_else(|| row.error("latitude", format!("{lat}, {lon} is not a WGS84 point"))),
        (None, None) => Ok(None),
        _ => Err(row.error(
            "longitude",
            "latitude and longitude must be given together".to_owned(),
        )),
    }
}

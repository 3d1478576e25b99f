use chrono::NaiveDate;
use souhra_core::code::{DistrictCode, MunicipalityCode, OrpCode, Postcode, PouCode, RegionCode};
use souhra_core::population::{AgeBand, PopulationRecord};
use souhra_core::progress::Progress;
use souhra_core::territory::{
    GeoPoint, Municipality, MunicipalityKind, Orp, Region, TerritoryDataset,
};
use souhra_core::text::{fold, slugify, sort_key};

use super::{IS_POSTGRES, Pool, Tx, area, batch, meta};
use crate::error::stored;
use crate::records::{
    MunicipalityDetail, MunicipalitySummary, OrpSummary, TerritoryCounts, TerritoryLoadReport,
};
use crate::territory::{FINGERPRINT_KEY, MunicipalityQuery};
use crate::{StoreError, StoreResult};

pub(crate) async fn load(
    pool: &Pool,
    dataset: &TerritoryDataset,
    fingerprint: &str,
    progress: &dyn Progress,
) -> StoreResult<TerritoryLoadReport> {
    dataset.check().map_err(|problems| {
        let first = problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        StoreError::Invalid(format!("the territory data are inconsistent: {first}"))
    })?;
    let mut tx = super::begin_write(pool).await?;
    if IS_POSTGRES {
        // Several instances starting with a new build load one after another, not interleaved.
        sqlx::query("SELECT pg_advisory_xact_lock(8312026001)")
            .execute(&mut *tx)
            .await?;
    }
    upsert_regional_units(&mut tx, dataset, progress).await?;
    upsert_municipalities(&mut tx, dataset, progress).await?;
    replace_postcodes(&mut tx, dataset, progress).await?;
    let population_records = upsert_population(&mut tx, &dataset.population, progress).await?;
    let (retired,): (i64,) =
        sqlx::query_as("SELECT count(*) FROM municipality WHERE NOT is_current")
            .fetch_one(&mut *tx)
            .await?;
    area::refresh_territorial_memberships(&mut tx).await?;
    meta::set(&mut tx, FINGERPRINT_KEY, fingerprint).await?;
    tx.commit().await?;
    Ok(TerritoryLoadReport {
        municipalities: dataset.municipalities.len() as u64,
        retired_municipalities: u64::try_from(retired).unwrap_or(0),
        population_records,
    })
}

/// Regions, districts, ORPs and POUs, inserted or updated by code.
async fn upsert_regional_units(
    tx: &mut Tx,
    data: &TerritoryDataset,
    progress: &dyn Progress,
) -> StoreResult<()> {
    let sql = (
        "INSERT INTO region (code, csu_code, nuts, name, short_name, abbreviation) ",
        " ON CONFLICT (code) DO UPDATE SET csu_code = excluded.csu_code, nuts = excluded.nuts, \
         name = excluded.name, short_name = excluded.short_name, \
         abbreviation = excluded.abbreviation",
    );
    batch::insert_stage(tx, progress, "regions", sql, &data.regions, |row, r| {
        row.push_bind(i64::from(r.code))
            .push_bind(i64::from(r.csu_code))
            .push_bind(r.nuts.as_str())
            .push_bind(r.name.as_str())
            .push_bind(r.short_name.as_str())
            .push_bind(r.abbreviation.as_str());
    })
    .await?;
    let sql = (
        "INSERT INTO district (code, lau, nuts, name, region_code) ",
        " ON CONFLICT (code) DO UPDATE SET lau = excluded.lau, nuts = excluded.nuts, \
         name = excluded.name, region_code = excluded.region_code",
    );
    batch::insert_stage(tx, progress, "districts", sql, &data.districts, |row, d| {
        row.push_bind(i64::from(d.code))
            .push_bind(d.lau.as_str())
            .push_bind(d.nuts.as_str())
            .push_bind(d.name.as_str())
            .push_bind(i64::from(d.region));
    })
    .await?;
    let sql = (
        "INSERT INTO orp (code, ruian_code, name, seat_code, region_code, uzis_code) ",
        " ON CONFLICT (code) DO UPDATE SET ruian_code = excluded.ruian_code, \
         name = excluded.name, seat_code = excluded.seat_code, \
         region_code = excluded.region_code, uzis_code = excluded.uzis_code",
    );
    batch::insert_stage(tx, progress, "ORPs", sql, &data.orps, |row, o| {
        row.push_bind(i64::from(o.code))
            .push_bind(i64::from(o.ruian_code))
            .push_bind(o.name.as_str())
            .push_bind(i64::from(o.seat))
            .push_bind(i64::from(o.region))
            .push_bind(o.uzis_code.map(i64::from));
    })
    .await?;
    let sql = (
        "INSERT INTO pou (code, ruian_code, name, seat_code, orp_code) ",
        " ON CONFLICT (code) DO UPDATE SET ruian_code = excluded.ruian_code, \
         name = excluded.name, seat_code = excluded.seat_code, orp_code = excluded.orp_code",
    );
    batch::insert_stage(tx, progress, "POUs", sql, &data.pous, |row, p| {
        row.push_bind(i64::from(p.code))
            .push_bind(i64::from(p.ruian_code))
            .push_bind(p.name.as_str())
            .push_bind(i64::from(p.seat))
            .push_bind(i64::from(p.orp));
    })
    .await
}

async fn upsert_municipalities(
    tx: &mut Tx,
    data: &TerritoryDataset,
    progress: &dyn Progress,
) -> StoreResult<()> {
    // Every municipality the new data list is set current again below; the others stay, marked.
    sqlx::query("UPDATE municipality SET is_current = FALSE")
        .execute(&mut **tx)
        .await?;
    let derived: Vec<(String, String)> = data
        .municipalities
        .iter()
        .map(|m| (fold(&m.name), slugify(&m.name)))
        .collect();
    let rows: Vec<(&Municipality, &(String, String))> =
        data.municipalities.iter().zip(&derived).collect();
    let sql = (
        "INSERT INTO municipality (code, name, search_name, slug, kind, district_code, orp_code, \
         pou_code, region_code, latitude, longitude, is_current) ",
        " ON CONFLICT (code) DO UPDATE SET name = excluded.name, \
         search_name = excluded.search_name, slug = excluded.slug, kind = excluded.kind, \
         district_code = excluded.district_code, orp_code = excluded.orp_code, \
         pou_code = excluded.pou_code, region_code = excluded.region_code, \
         latitude = excluded.latitude, longitude = excluded.longitude, is_current = TRUE",
    );
    batch::insert_stage(
        tx,
        progress,
        "municipalities",
        sql,
        &rows,
        |row, (m, (search_name, slug))| {
            row.push_bind(i64::from(m.code))
                .push_bind(m.name.as_str())
                .push_bind(search_name.as_str())
                .push_bind(slug.as_str())
                .push_bind(m.kind.key())
                .push_bind(i64::from(m.district))
                .push_bind(i64::from(m.orp))
                .push_bind(i64::from(m.pou))
                .push_bind(i64::from(m.region))
                .push_bind(m.point.map(|p| p.lat))
                .push_bind(m.point.map(|p| p.lon))
                .push_bind(true);
        },
    )
    .await
}

async fn replace_postcodes(
    tx: &mut Tx,
    data: &TerritoryDataset,
    progress: &dyn Progress,
) -> StoreResult<()> {
    let rows: Vec<(MunicipalityCode, Postcode, usize)> = data
        .municipalities
        .iter()
        .flat_map(|m| m.postcodes.iter().enumerate().map(|(i, p)| (m.code, *p, i)))
        .collect();
    let codes: Vec<i64> = data
        .municipalities
        .iter()
        .map(|m| i64::from(m.code))
        .collect();
    for chunk in codes.chunks(400) {
        let mut query = sqlx::QueryBuilder::new(
            "DELETE FROM municipality_postcode WHERE municipality_code IN (",
        );
        let mut list = query.separated(", ");
        for code in chunk {
            list.push_bind(*code);
        }
        query.push(")");
        query.build().execute(&mut **tx).await?;
    }
    let sql = (
        "INSERT INTO municipality_postcode (municipality_code, postcode, position) ",
        "",
    );
    batch::insert_stage(
        tx,
        progress,
        "postcodes",
        sql,
        &rows,
        |row, (code, postcode, position)| {
            row.push_bind(i64::from(*code))
                .push_bind(i64::from(postcode.get()))
                .push_bind(i64::try_from(*position).unwrap_or(i64::MAX));
        },
    )
    .await
}

/// Upserts population records and refreshes each municipality's newest total.
pub(crate) async fn upsert_population(
    tx: &mut Tx,
    records: &[PopulationRecord],
    progress: &dyn Progress,
) -> StoreResult<u64> {
    let keys: Vec<String> = records.iter().map(|r| r.band.key()).collect();
    let rows: Vec<(&PopulationRecord, &String)> = records.iter().zip(&keys).collect();
    let sql = (
        "INSERT INTO population (municipality_code, reference_date, band, age_from, age_to, count) ",
        " ON CONFLICT (municipality_code, reference_date, band) DO UPDATE SET \
         age_from = excluded.age_from, age_to = excluded.age_to, count = excluded.count",
    );
    batch::insert_stage(
        tx,
        progress,
        "population records",
        sql,
        &rows,
        |row, (r, key)| {
            row.push_bind(i64::from(r.municipality))
                .push_bind(r.reference_date)
                .push_bind(key.as_str())
                .push_bind(i64::from(r.band.from))
                .push_bind(r.band.to.map(i64::from))
                .push_bind(i64::try_from(r.count).unwrap_or(i64::MAX));
        },
    )
    .await?;
    sqlx::query(
        "UPDATE municipality SET population = (SELECT p.count FROM population p \
         WHERE p.municipality_code = municipality.code AND p.band = 'total' \
         ORDER BY p.reference_date DESC LIMIT 1)",
    )
    .execute(&mut **tx)
    .await?;
    Ok(records.len() as u64)
}

pub(crate) async fn load_population(
    pool: &Pool,
    records: &[PopulationRecord],
    progress: &dyn Progress,
) -> StoreResult<u64> {
    let mut tx = super::begin_write(pool).await?;
    let mut missing: Vec<MunicipalityCode> = Vec::new();
    let mut codes: Vec<MunicipalityCode> = records.iter().map(|r| r.municipality).collect();
    codes.sort();
    codes.dedup();
    for chunk in codes.chunks(400) {
        let mut query = sqlx::QueryBuilder::new("SELECT code FROM municipality WHERE code IN (");
        let mut list = query.separated(", ");
        for code in chunk {
            list.push_bind(i64::from(*code));
        }
        query.push(")");
        let found: Vec<(i64,)> = query.build_query_as().fetch_all(&mut *tx).await?;
        missing.extend(
            chunk
                .iter()
                .filter(|c| !found.iter().any(|(f,)| *f == i64::from(**c))),
        );
    }
    if let Some(first) = missing.first() {
        return Err(StoreError::NotFound(format!(
            "{} municipality codes of the population data are not in the territory, first {first}; \
             load the territory first",
            missing.len()
        )));
    }
    let stored = upsert_population(&mut tx, records, progress).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn counts(pool: &Pool) -> StoreResult<TerritoryCounts> {
    let (regions, districts, orps, pous, municipalities, population_records): (
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM region), (SELECT count(*) FROM district), \
             (SELECT count(*) FROM orp), (SELECT count(*) FROM pou), \
             (SELECT count(*) FROM municipality WHERE is_current), \
             (SELECT count(*) FROM population)",
    )
    .fetch_one(pool)
    .await?;
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    Ok(TerritoryCounts {
        regions: n(regions),
        districts: n(districts),
        orps: n(orps),
        pous: n(pous),
        municipalities: n(municipalities),
        population_records: n(population_records),
    })
}

type RegionRow = (i64, i64, String, String, String, String);

fn region_from_row(
    (code, csu_code, nuts, name, short_name, abbreviation): RegionRow,
) -> StoreResult<Region> {
    Ok(Region {
        code: stored(code, "region code", RegionCode::try_from)?,
        csu_code: stored(csu_code, "region ČSÚ code", u32::try_from)?,
        nuts,
        name,
        short_name,
        abbreviation,
    })
}

const REGION_COLUMNS: &str =
    "SELECT code, csu_code, nuts, name, short_name, abbreviation FROM region";

pub(crate) async fn regions(pool: &Pool) -> StoreResult<Vec<Region>> {
    let rows: Vec<RegionRow> = sqlx::query_as(REGION_COLUMNS).fetch_all(pool).await?;
    let mut regions = rows
        .into_iter()
        .map(region_from_row)
        .collect::<StoreResult<Vec<_>>>()?;
    regions.sort_by_cached_key(|r| sort_key(&r.name));
    Ok(regions)
}

pub(crate) async fn region(pool: &Pool, code: RegionCode) -> StoreResult<Option<Region>> {
    let sql =
        "SELECT code, csu_code, nuts, name, short_name, abbreviation FROM region WHERE code = $1";
    let row: Option<RegionRow> = sqlx::query_as(sql)
        .bind(i64::from(code))
        .fetch_optional(pool)
        .await?;
    row.map(region_from_row).transpose()
}

type OrpRow = (i64, i64, String, i64, i64, Option<i64>);

fn orp_from_row((code, ruian_code, name, seat, region, uzis): OrpRow) -> StoreResult<Orp> {
    Ok(Orp {
        code: stored(code, "ORP code", OrpCode::try_from)?,
        ruian_code: stored(ruian_code, "ORP RÚIAN code", u32::try_from)?,
        name,
        seat: stored(seat, "ORP seat", MunicipalityCode::try_from)?,
        region: stored(region, "ORP region", RegionCode::try_from)?,
        uzis_code: uzis
            .map(|u| stored(u, "ORP ÚZIS code", u32::try_from))
            .transpose()?,
    })
}

pub(crate) async fn orp(pool: &Pool, code: OrpCode) -> StoreResult<Option<Orp>> {
    let row: Option<OrpRow> = sqlx::query_as(
        "SELECT code, ruian_code, name, seat_code, region_code, uzis_code FROM orp WHERE code = $1",
    )
    .bind(i64::from(code))
    .fetch_optional(pool)
    .await?;
    row.map(orp_from_row).transpose()
}

pub(crate) async fn orp_codes(pool: &Pool) -> StoreResult<Vec<(u32, OrpCode)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as("SELECT ruian_code, code FROM orp")
        .fetch_all(pool)
        .await?;
    rows.into_iter()
        .map(|(ruian, code)| {
            Ok((
                stored(ruian, "ORP RÚIAN code", u32::try_from)?,
                stored(code, "ORP code", OrpCode::try_from)?,
            ))
        })
        .collect()
}

pub(crate) async fn orps_in_region(
    pool: &Pool,
    region: RegionCode,
) -> StoreResult<Vec<OrpSummary>> {
    // An ORP row followed by its municipality count and population.
    type Row = (i64, i64, String, i64, i64, Option<i64>, i64, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT o.code, o.ruian_code, o.name, o.seat_code, o.region_code, o.uzis_code, \
         count(m.code), CAST(sum(m.population) AS BIGINT) \
         FROM orp o LEFT JOIN municipality m ON m.orp_code = o.code AND m.is_current \
         WHERE o.region_code = $1 \
         GROUP BY o.code, o.ruian_code, o.name, o.seat_code, o.region_code, o.uzis_code",
    )
    .bind(i64::from(region))
    .fetch_all(pool)
    .await?;
    let mut orps = rows
        .into_iter()
        .map(
            |(code, ruian, name, seat, region, uzis, count, population)| {
                Ok(OrpSummary {
                    orp: orp_from_row((code, ruian, name, seat, region, uzis))?,
                    municipalities: u64::try_from(count).unwrap_or(0),
                    population: population.and_then(|p| u64::try_from(p).ok()).unwrap_or(0),
                })
            },
        )
        .collect::<StoreResult<Vec<_>>>()?;
    orps.sort_by_cached_key(|o| sort_key(&o.orp.name));
    Ok(orps)
}

/// Columns of a [`MunicipalitySummary`]; `m` is the municipality table.
pub(crate) const SUMMARY_SELECT: &str = "SELECT m.code, m.name, m.slug, m.kind, m.orp_code, \
     o.name, d.name, m.population, \
     (SELECT pc.postcode FROM municipality_postcode pc WHERE pc.municipality_code = m.code \
      ORDER BY pc.position LIMIT 1) \
     FROM municipality m JOIN orp o ON o.code = m.orp_code JOIN district d ON d.code = m.district_code";

pub(crate) type SummaryRow = (
    i64,
    String,
    String,
    String,
    i64,
    String,
    String,
    Option<i64>,
    Option<i64>,
);

pub(crate) fn summary_from_row(
    (code, name, slug, kind, orp_code, orp_name, district_name, population, postcode): SummaryRow,
) -> StoreResult<MunicipalitySummary> {
    Ok(MunicipalitySummary {
        code: stored(code, "municipality code", MunicipalityCode::try_from)?,
        name,
        slug,
        kind: stored(kind, "municipality kind", |k| {
            MunicipalityKind::parse(&k).ok_or("unknown kind")
        })?,
        orp_code: stored(orp_code, "ORP code", OrpCode::try_from)?,
        orp_name,
        district_name,
        population: population.and_then(|p| u64::try_from(p).ok()),
        postcode: postcode
            .map(|p| stored(p, "postcode", Postcode::try_from))
            .transpose()?,
    })
}

pub(crate) async fn find_municipalities(
    pool: &Pool,
    query: &MunicipalityQuery,
) -> StoreResult<Vec<MunicipalitySummary>> {
    let text = query.text.trim();
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let area = query.within.map(|a| a.0);
    let limit = i64::from(query.limit.clamp(1, 500));
    let scope = "($1 IS NULL OR EXISTS (SELECT 1 FROM area_municipality am \
                 WHERE am.area_id = $1 AND am.municipality_code = m.code))";
    let rows: Vec<SummaryRow> = if !compact.is_empty()
        && compact.len() <= 6
        && compact.bytes().all(|b| b.is_ascii_digit())
    {
        // Digits: a municipality code (6 digits) or the start of a postcode (1–5 digits).
        let (low, high) = postcode_range(&compact);
        let sql = format!(
            "{SUMMARY_SELECT} WHERE m.is_current AND {scope} AND (m.code = $2 OR EXISTS \
             (SELECT 1 FROM municipality_postcode pc WHERE pc.municipality_code = m.code \
              AND pc.postcode BETWEEN $3 AND $4)) \
             ORDER BY COALESCE(m.population, 0) DESC LIMIT $5"
        );
        sqlx::query_as(&sql)
            .bind(area)
            .bind(compact.parse::<i64>().unwrap_or(-1))
            .bind(low)
            .bind(high)
            .bind(limit)
            .fetch_all(pool)
            .await?
    } else {
        let folded = fold(text);
        if folded.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "{SUMMARY_SELECT} WHERE m.is_current AND {scope} \
             AND (m.search_name LIKE $2 OR m.search_name LIKE $3) \
             ORDER BY CASE WHEN m.search_name = $4 THEN 0 WHEN m.search_name LIKE $2 THEN 1 ELSE 2 END, \
             COALESCE(m.population, 0) DESC LIMIT $5"
        );
        sqlx::query_as(&sql)
            .bind(area)
            .bind(format!("{folded}%"))
            .bind(format!("% {folded}%"))
            .bind(folded.as_str())
            .bind(limit)
            .fetch_all(pool)
            .await?
    };
    rows.into_iter().map(summary_from_row).collect()
}

/// The postcodes starting with `digits` (1–5 digits) as an inclusive range; six digits (a
/// municipality code) give an empty range.
fn postcode_range(digits: &str) -> (i64, i64) {
    if digits.len() > 5 {
        return (1, 0);
    }
    let value: i64 = digits.parse().unwrap_or(0);
    let scale = 10_i64.pow(5 - digits.len() as u32);
    (value * scale, (value + 1) * scale - 1)
}

type DetailRow = (
    i64,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    i64,
    Option<f64>,
    Option<f64>,
    Option<i64>,
    bool,
    String,
    String,
    String,
    String,
);

pub(crate) async fn municipality(
    pool: &Pool,
    code: MunicipalityCode,
) -> StoreResult<Option<MunicipalityDetail>> {
    let row: Option<DetailRow> = sqlx::query_as(
        "SELECT m.code, m.name, m.slug, m.kind, m.district_code, m.orp_code, m.pou_code, \
         m.region_code, m.latitude, m.longitude, m.population, m.is_current, \
         d.name, o.name, p.name, r.name \
         FROM municipality m JOIN district d ON d.code = m.district_code \
         JOIN orp o ON o.code = m.orp_code JOIN pou p ON p.code = m.pou_code \
         JOIN region r ON r.code = m.region_code WHERE m.code = $1",
    )
    .bind(i64::from(code))
    .fetch_optional(pool)
    .await?;
    let Some((
        code,
        name,
        slug,
        kind,
        district,
        orp,
        pou,
        region,
        lat,
        lon,
        population,
        is_current,
        district_name,
        orp_name,
        pou_name,
        region_name,
    )) = row
    else {
        return Ok(None);
    };
    let postcodes: Vec<(i64,)> = sqlx::query_as(
        "SELECT postcode FROM municipality_postcode WHERE municipality_code = $1 ORDER BY position",
    )
    .bind(code)
    .fetch_all(pool)
    .await?;
    let municipality = Municipality {
        code: stored(code, "municipality code", MunicipalityCode::try_from)?,
        name,
        kind: stored(kind, "municipality kind", |k| {
            MunicipalityKind::parse(&k).ok_or("unknown kind")
        })?,
        district: stored(district, "district code", DistrictCode::try_from)?,
        orp: stored(orp, "ORP code", OrpCode::try_from)?,
        pou: stored(pou, "POU code", PouCode::try_from)?,
        region: stored(region, "region code", RegionCode::try_from)?,
        postcodes: postcodes
            .into_iter()
            .map(|(p,)| stored(p, "postcode", Postcode::try_from))
            .collect::<StoreResult<Vec<_>>>()?,
        point: lat.zip(lon).and_then(|(lat, lon)| GeoPoint::new(lat, lon)),
    };
    Ok(Some(MunicipalityDetail {
        municipality,
        slug,
        district_name,
        orp_name,
        pou_name,
        region_name,
        population: population.and_then(|p| u64::try_from(p).ok()),
        is_current,
    }))
}

pub(crate) async fn population(
    pool: &Pool,
    code: MunicipalityCode,
) -> StoreResult<Vec<PopulationRecord>> {
    let rows: Vec<(NaiveDate, i64, Option<i64>, i64)> = sqlx::query_as(
        "SELECT reference_date, age_from, age_to, count FROM population \
         WHERE municipality_code = $1 ORDER BY reference_date, age_from",
    )
    .bind(i64::from(code))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(reference_date, from, to, count)| {
            population_record(code, reference_date, from, to, count)
        })
        .collect()
}

fn population_record(
    municipality: MunicipalityCode,
    reference_date: NaiveDate,
    from: i64,
    to: Option<i64>,
    count: i64,
) -> StoreResult<PopulationRecord> {
    let age = |v: i64| stored(v, "age", u8::try_from);
    let band = AgeBand::new(age(from)?, to.map(age).transpose()?)
        .map_err(|e| StoreError::StoredValue(e.to_string()))?;
    Ok(PopulationRecord {
        municipality,
        reference_date,
        band,
        count: stored(count, "population count", u64::try_from)?,
    })
}

/// The current municipalities (of one region, or all) as the analysis sees them: where they
/// lie and their population figures.
pub(crate) async fn analysis_places(
    pool: &Pool,
    region: Option<RegionCode>,
) -> StoreResult<Vec<souhra_core::analysis::Place>> {
    let filter = if region.is_some() {
        " AND m.region_code = $1"
    } else {
        ""
    };
    type PlaceRow = (i64, i64, i64, i64, Option<f64>, Option<f64>, bool);
    let places_sql = format!(
        "SELECT m.code, m.orp_code, m.district_code, m.region_code, m.latitude, m.longitude, \
         EXISTS (SELECT 1 FROM area_municipality am WHERE am.municipality_code = m.code) \
         FROM municipality m WHERE m.is_current{filter} ORDER BY m.code"
    );
    let mut places_query = sqlx::query_as::<_, PlaceRow>(&places_sql);
    type PopulationRow = (i64, NaiveDate, i64, Option<i64>, i64);
    let figures_sql = format!(
        "SELECT p.municipality_code, p.reference_date, p.age_from, p.age_to, p.count \
         FROM population p JOIN municipality m ON m.code = p.municipality_code \
         WHERE m.is_current{filter} ORDER BY p.municipality_code"
    );
    let mut figures_query = sqlx::query_as::<_, PopulationRow>(&figures_sql);
    if let Some(region) = region {
        places_query = places_query.bind(i64::from(region.get()));
        figures_query = figures_query.bind(i64::from(region.get()));
    }
    let places = places_query.fetch_all(pool).await?;
    let figures = figures_query.fetch_all(pool).await?;
    let mut by_code: std::collections::HashMap<i64, Vec<PopulationRecord>> =
        std::collections::HashMap::new();
    for (code, date, from, to, count) in figures {
        let municipality = stored(code, "municipality code", MunicipalityCode::try_from)?;
        by_code.entry(code).or_default().push(population_record(
            municipality,
            date,
            from,
            to,
            count,
        )?);
    }
    places
        .into_iter()
        .map(|(code, orp, district, region, lat, lon, covered)| {
            let records = by_code.remove(&code).unwrap_or_default();
            Ok(souhra_core::analysis::Place {
                code: stored(code, "municipality code", MunicipalityCode::try_from)?,
                orp: stored(orp, "ORP code", OrpCode::try_from)?,
                district: stored(district, "district code", DistrictCode::try_from)?,
                region: stored(region, "region code", RegionCode::try_from)?,
                point: lat.zip(lon).and_then(|(lat, lon)| GeoPoint::new(lat, lon)),
                population: souhra_core::population::PopulationSummary::of(&records),
                covered,
            })
        })
        .collect()
}

/// Every municipality's name and point, by code.
pub(crate) async fn names_and_points(
    pool: &Pool,
) -> StoreResult<Vec<(MunicipalityCode, String, Option<GeoPoint>)>> {
    let rows: Vec<(i64, String, Option<f64>, Option<f64>)> =
        sqlx::query_as("SELECT code, name, latitude, longitude FROM municipality ORDER BY code")
            .fetch_all(pool)
            .await?;
    rows.into_iter()
        .map(|(code, name, lat, lon)| {
            Ok((
                stored(code, "municipality code", MunicipalityCode::try_from)?,
                name,
                lat.zip(lon).and_then(|(lat, lon)| GeoPoint::new(lat, lon)),
            ))
        })
        .collect()
}

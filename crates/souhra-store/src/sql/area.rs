use souhra_core::area::{Area, AreaId, AreaKind, AreaScope, AreaSlug, NewArea};
use souhra_core::code::{MunicipalityCode, RegionCode};
use souhra_core::text::sort_key;

use super::territory::{SUMMARY_SELECT, SummaryRow, summary_from_row};
use super::{Pool, Tx, batch};
use crate::error::stored;
use crate::records::{AreaSummary, MunicipalitySummary};
use crate::{StoreError, StoreResult};

type AreaRow = (i64, String, String, String, Option<i64>, Option<i64>, bool);

const AREA_SELECT: &str =
    "SELECT id, slug, name, kind, territory_code, region_code, is_demo FROM area";

fn area_from_row((id, slug, name, kind, territory, region, is_demo): AreaRow) -> StoreResult<Area> {
    Ok(Area {
        id: AreaId(id),
        slug: stored(slug, "area slug", |s| AreaSlug::parse(&s))?,
        name,
        kind: stored(kind, "area kind", |k| {
            AreaKind::from_key(&k).ok_or("unknown kind")
        })?,
        territory_code: territory
            .map(|t| stored(t, "area territory code", u32::try_from))
            .transpose()?,
        region: region
            .map(|r| stored(r, "area region", RegionCode::try_from))
            .transpose()?,
        is_demo,
    })
}

/// The region of the territorial unit `code` found by `sql`, or a NotFound error naming it.
async fn region_of(tx: &mut Tx, sql: &'static str, what: &str, code: i64) -> StoreResult<i64> {
    let found: Option<(i64,)> = sqlx::query_as(sql)
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?;
    found
        .map(|(region,)| region)
        .ok_or_else(|| StoreError::NotFound(format!("there is no {what} with the code {code}")))
}

/// Where the scope lies: (territory code, region) — failing when the territory is unknown.
async fn resolve_scope(tx: &mut Tx, scope: &AreaScope) -> StoreResult<(Option<i64>, Option<i64>)> {
    match scope {
        AreaScope::Region(code) => {
            let code = i64::from(*code);
            let sql = "SELECT code FROM region WHERE code = $1";
            Ok((Some(code), Some(region_of(tx, sql, "region", code).await?)))
        }
        AreaScope::Orp(code) => {
            let code = i64::from(*code);
            let sql = "SELECT region_code FROM orp WHERE code = $1";
            Ok((Some(code), Some(region_of(tx, sql, "ORP", code).await?)))
        }
        AreaScope::Municipalities(codes) => {
            if codes.is_empty() {
                return Err(StoreError::Invalid(
                    "an area needs at least one municipality".into(),
                ));
            }
            let sql = "SELECT region_code FROM municipality WHERE code = $1";
            let mut regions = Vec::new();
            for code in codes {
                let region = region_of(tx, sql, "municipality", i64::from(*code)).await?;
                if !regions.contains(&region) {
                    regions.push(region);
                }
            }
            let region = if regions.len() == 1 {
                regions.first().copied()
            } else {
                None
            };
            let territory = if codes.len() == 1 {
                codes.first().map(|c| i64::from(*c))
            } else {
                None
            };
            Ok((territory, region))
        }
    }
}

pub(crate) async fn save(
    pool: &Pool,
    new: &NewArea,
    may_update: bool,
) -> StoreResult<(Area, bool)> {
    let mut tx = super::begin_write(pool).await?;
    let (territory, region) = resolve_scope(&mut tx, &new.scope).await?;
    let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM area WHERE slug = $1")
        .bind(new.slug.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let kind = new.scope.kind().key();
    let (id, created) = match existing {
        Some(_) if !may_update => {
            return Err(StoreError::Conflict(format!(
                "an area with the slug {:?} already exists",
                new.slug.as_str()
            )));
        }
        Some((id,)) => {
            sqlx::query(
                "UPDATE area SET name = $2, kind = $3, territory_code = $4, region_code = $5, \
                 is_demo = $6 WHERE id = $1",
            )
            .bind(id)
            .bind(new.name.as_str())
            .bind(kind)
            .bind(territory)
            .bind(region)
            .bind(new.is_demo)
            .execute(&mut *tx)
            .await?;
            (id, false)
        }
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO area (slug, name, kind, territory_code, region_code, is_demo, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(new.slug.as_str())
            .bind(new.name.as_str())
            .bind(kind)
            .bind(territory)
            .bind(region)
            .bind(new.is_demo)
            .bind(chrono::Utc::now())
            .fetch_one(&mut *tx)
            .await?;
            (id, true)
        }
    };
    sqlx::query("DELETE FROM area_municipality WHERE area_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    match &new.scope {
        AreaScope::Region(_) | AreaScope::Orp(_) => {
            refresh_territorial_memberships(&mut tx).await?
        }
        AreaScope::Municipalities(codes) => {
            let mut codes: Vec<MunicipalityCode> = codes.clone();
            codes.sort();
            codes.dedup();
            batch::insert(
                &mut tx,
                "INSERT INTO area_municipality (area_id, municipality_code) ",
                "",
                &codes,
                |row, code| {
                    row.push_bind(id).push_bind(i64::from(*code));
                },
                |_| {},
            )
            .await?;
        }
    }
    let row: AreaRow = sqlx::query_as(&format!("{AREA_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((area_from_row(row)?, created))
}

/// Recomputes the municipalities of every region and ORP area from the territory tables (after a
/// territory load moved municipalities, or when such an area is saved).
pub(crate) async fn refresh_territorial_memberships(tx: &mut Tx) -> StoreResult<()> {
    sqlx::query(
        "DELETE FROM area_municipality WHERE area_id IN \
         (SELECT id FROM area WHERE kind IN ('region', 'orp'))",
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO area_municipality (area_id, municipality_code) \
         SELECT a.id, m.code FROM area a JOIN municipality m ON m.is_current AND \
         ((a.kind = 'region' AND m.region_code = a.territory_code) OR \
          (a.kind = 'orp' AND m.orp_code = a.territory_code))",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn sorted(mut areas: Vec<Area>) -> Vec<Area> {
    // Regions first, then ORPs, then the others; by name within each.
    areas.sort_by_cached_key(|a| {
        let rank = match a.kind {
            AreaKind::Region => 0,
            AreaKind::Orp => 1,
            AreaKind::Municipalities => 2,
        };
        (rank, sort_key(&a.name))
    });
    areas
}

pub(crate) async fn list(pool: &Pool) -> StoreResult<Vec<Area>> {
    let rows: Vec<AreaRow> = sqlx::query_as(AREA_SELECT).fetch_all(pool).await?;
    Ok(sorted(
        rows.into_iter()
            .map(area_from_row)
            .collect::<StoreResult<_>>()?,
    ))
}

pub(crate) async fn by_slug(pool: &Pool, slug: &str) -> StoreResult<Option<Area>> {
    let row: Option<AreaRow> = sqlx::query_as(&format!("{AREA_SELECT} WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(pool)
        .await?;
    row.map(area_from_row).transpose()
}

pub(crate) async fn children(pool: &Pool, area: &Area) -> StoreResult<Vec<Area>> {
    let (AreaKind::Region, Some(region)) = (area.kind, area.region) else {
        return Ok(Vec::new());
    };
    let rows: Vec<AreaRow> = sqlx::query_as(&format!(
        "{AREA_SELECT} WHERE region_code = $1 AND id <> $2 AND kind <> 'region'"
    ))
    .bind(i64::from(region))
    .bind(area.id.0)
    .fetch_all(pool)
    .await?;
    Ok(sorted(
        rows.into_iter()
            .map(area_from_row)
            .collect::<StoreResult<_>>()?,
    ))
}

pub(crate) async fn parents(pool: &Pool, area: &Area) -> StoreResult<Vec<Area>> {
    let (AreaKind::Orp | AreaKind::Municipalities, Some(region)) = (area.kind, area.region) else {
        return Ok(Vec::new());
    };
    let rows: Vec<AreaRow> = sqlx::query_as(&format!(
        "{AREA_SELECT} WHERE kind = 'region' AND territory_code = $1"
    ))
    .bind(i64::from(region))
    .fetch_all(pool)
    .await?;
    Ok(sorted(
        rows.into_iter()
            .map(area_from_row)
            .collect::<StoreResult<_>>()?,
    ))
}

pub(crate) async fn municipalities(
    pool: &Pool,
    id: AreaId,
) -> StoreResult<Vec<MunicipalitySummary>> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "{SUMMARY_SELECT} JOIN area_municipality am ON am.municipality_code = m.code \
         WHERE am.area_id = $1"
    ))
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let mut list = rows
        .into_iter()
        .map(summary_from_row)
        .collect::<StoreResult<Vec<_>>>()?;
    list.sort_by_cached_key(|m| sort_key(&m.name));
    Ok(list)
}

pub(crate) async fn places(
    pool: &Pool,
    id: AreaId,
) -> StoreResult<Vec<crate::records::MunicipalityPlace>> {
    type Row = (i64, i64, i64, i64, Option<f64>, Option<f64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT m.code, m.orp_code, m.district_code, m.region_code, m.latitude, m.longitude \
         FROM area_municipality am JOIN municipality m ON m.code = am.municipality_code \
         WHERE am.area_id = $1 ORDER BY m.code",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(code, orp, district, region, lat, lon)| {
            Ok(crate::records::MunicipalityPlace {
                code: stored(code, "municipality code", MunicipalityCode::try_from)?,
                orp: stored(orp, "ORP code", souhra_core::code::OrpCode::try_from)?,
                district: stored(
                    district,
                    "district code",
                    souhra_core::code::DistrictCode::try_from,
                )?,
                region: stored(
                    region,
                    "region code",
                    souhra_core::code::RegionCode::try_from,
                )?,
                point: lat
                    .zip(lon)
                    .and_then(|(lat, lon)| souhra_core::territory::GeoPoint::new(lat, lon)),
            })
        })
        .collect()
}

pub(crate) async fn summary(pool: &Pool, id: AreaId) -> StoreResult<AreaSummary> {
    let (count, population): (i64, Option<i64>) = sqlx::query_as(
        "SELECT count(*), CAST(sum(m.population) AS BIGINT) FROM area_municipality am \
         JOIN municipality m ON m.code = am.municipality_code WHERE am.area_id = $1",
    )
    .bind(id.0)
    .fetch_one(pool)
    .await?;
    let (population_date,): (Option<chrono::NaiveDate>,) = sqlx::query_as(
        "SELECT max(p.reference_date) FROM population p JOIN area_municipality am \
         ON am.municipality_code = p.municipality_code WHERE am.area_id = $1 AND p.band = 'total'",
    )
    .bind(id.0)
    .fetch_one(pool)
    .await?;
    Ok(AreaSummary {
        municipalities: u64::try_from(count).unwrap_or(0),
        population: population.and_then(|p| u64::try_from(p).ok()).unwrap_or(0),
        population_date,
    })
}

pub(crate) async fn contains(pool: &Pool, id: AreaId, code: MunicipalityCode) -> StoreResult<bool> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT area_id FROM area_municipality WHERE area_id = $1 AND municipality_code = $2",
    )
    .bind(id.0)
    .bind(i64::from(code))
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

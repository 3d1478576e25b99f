use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use souhra_core::catalogue::{
    Address, AreaUnit, Capacity, Contacts, Facility, FieldValue, Ico, LocalField, OpeningPeriod,
    Organization, RegistrationId, ServiceForm, ServiceStatus, Source, Weekday,
};
use souhra_core::code::{MunicipalityCode, Postcode};
use souhra_core::codelist::Form;
use souhra_core::territory::GeoPoint;

use std::collections::HashMap;

use super::import::json;
use super::{Db, Pool};
use crate::error::stored;
use crate::records::{
    CatalogueCounts, ImportConflict, OrganizationRecord, ServiceDetail, ServiceId,
};
use crate::{StoreError, StoreResult};

type ServiceRow = (
    i64,
    Option<String>,
    Option<i64>,
    String,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<DateTime<Utc>>,
    bool,
);

const SERVICE_SELECT: &str = "SELECT id, registration_id, portal_id, source, organization_id, name, \
     kind, description, fees, contacts, status, status_since, provided_from, provided_to, \
     verified_at, is_demo FROM service";

pub(crate) async fn service_id_by_registration(
    pool: &Pool,
    id: &RegistrationId,
) -> StoreResult<Option<ServiceId>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM service WHERE registration_id = $1")
        .bind(id.as_str())
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|(id,)| ServiceId(id)))
}

pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::StoredValue(format!("{what}: {e}")))
}

fn apply_override(field: LocalField, value: &FieldValue, detail: &mut ServiceDetail) {
    match (field, value) {
        (LocalField::Name, FieldValue::Text(Some(text))) => detail.name = text.clone(),
        (LocalField::Description, FieldValue::Text(text)) => detail.description = text.clone(),
        (LocalField::Fees, FieldValue::Text(text)) => detail.fees = text.clone(),
        (LocalField::Web, FieldValue::List(list)) => detail.contacts.web = list.clone(),
        (LocalField::Emails, FieldValue::List(list)) => detail.contacts.emails = list.clone(),
        (LocalField::Phones, FieldValue::List(list)) => detail.contacts.phones = list.clone(),
        _ => {}
    }
}

/// Services per statement when loading several: the id list is bound, so it stays far below
/// both databases' limits on parameters.
const IDS_PER_STATEMENT: usize = 500;

/// Rows of `{select} WHERE {column} IN (ids…) {tail}`, a statement per 500 ids; `column` may
/// be preceded by further conditions (`resolved_at IS NULL AND service_id`).
pub(super) async fn rows_for<R>(
    pool: &Pool,
    select: &str,
    column: &str,
    tail: &str,
    ids: &[i64],
) -> StoreResult<Vec<R>>
where
    R: for<'r> sqlx::FromRow<'r, <Db as sqlx::Database>::Row> + Send + Unpin,
{
    let mut out = Vec::new();
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        let mut query = sqlx::QueryBuilder::<Db>::new(format!("{select} WHERE {column} IN ("));
        let mut list = query.separated(", ");
        for id in chunk {
            list.push_bind(*id);
        }
        query.push(") ");
        query.push(tail);
        out.extend(query.build_query_as::<R>().fetch_all(pool).await?);
    }
    Ok(out)
}

/// Rows grouped by their first value (the service id), in the order they came.
fn grouped<R, V>(rows: Vec<R>, split: impl Fn(R) -> (i64, V)) -> HashMap<i64, Vec<V>> {
    let mut out: HashMap<i64, Vec<V>> = HashMap::new();
    for row in rows {
        let (id, value) = split(row);
        out.entry(id).or_default().push(value);
    }
    out
}

pub(crate) async fn service(pool: &Pool, id: ServiceId) -> StoreResult<Option<ServiceDetail>> {
    Ok(services(pool, &[id.0]).await?.pop())
}

/// The services `ids` with everything they hold, in the order of `ids` (unknown ids are left
/// out), loaded with a fixed number of statements per 500 services.
pub(crate) async fn services(pool: &Pool, ids: &[i64]) -> StoreResult<Vec<ServiceDetail>> {
    let rows: Vec<ServiceRow> = rows_for(pool, SERVICE_SELECT, "id", "", ids).await?;
    // A tuple holds at most 16 columns; the public id comes on its own.
    let public_ids: HashMap<i64, Option<String>> =
        rows_for::<(i64, Option<String>)>(pool, "SELECT id, public_id FROM service", "id", "", ids)
            .await?
            .into_iter()
            .collect();
    let mut organization_ids: Vec<i64> = rows.iter().map(|r| r.4).collect();
    organization_ids.sort_unstable();
    organization_ids.dedup();
    let organizations = organizations(pool, &organization_ids).await?;
    let mut forms = forms(pool, ids).await?;
    let mut codes = codes(pool, ids).await?;
    let mut facilities = facilities(pool, ids).await?;
    let mut units = area_units(pool, ids).await?;
    let mut overrides = grouped(
        rows_for::<(i64, String, String)>(
            pool,
            "SELECT service_id, field, value FROM service_override",
            "service_id",
            "ORDER BY service_id, field",
            ids,
        )
        .await?,
        |(id, field, value)| (id, (field, value)),
    );
    let conflicts: HashMap<i64, i64> = rows_for::<(i64, i64)>(
        pool,
        "SELECT service_id, count(*) FROM import_conflict",
        "resolved_at IS NULL AND service_id",
        "GROUP BY service_id",
        ids,
    )
    .await?
    .into_iter()
    .collect();

    let mut by_id = HashMap::with_capacity(rows.len());
    for (
        id,
        registration_id,
        portal_id,
        source,
        organization_id,
        name,
        kind,
        description,
        fees,
        contacts,
        status,
        status_since,
        provided_from,
        provided_to,
        verified_at,
        is_demo,
    ) in rows
    {
        let organization = organizations
            .get(&organization_id)
            .cloned()
            .ok_or_else(|| StoreError::StoredValue(format!("provider {organization_id}")))?;
        let mut detail = ServiceDetail {
            id: ServiceId(id),
            public_id: public_ids.get(&id).cloned().flatten(),
            registration_id: registration_id
                .map(|r| stored(r, "registration id", RegistrationId::try_from))
                .transpose()?,
            portal_id,
            source: stored(source, "source", |s| {
                Source::from_key(&s).ok_or("unknown source")
            })?,
            name,
            kind,
            description,
            fees,
            contacts: parse_json(&contacts, "contacts")?,
            overrides: Vec::new(),
            status: stored(status, "status", |s| {
                ServiceStatus::from_key(&s).ok_or("unknown status")
            })?,
            status_since,
            provided_from,
            provided_to,
            verified_at,
            is_demo,
            organization,
            forms: forms.remove(&id).unwrap_or_default(),
            target_groups: codes.remove(&(id, "target_group")).unwrap_or_default(),
            age_groups: codes.remove(&(id, "age_group")).unwrap_or_default(),
            facilities: facilities.remove(&id).unwrap_or_default(),
            service_area: units.remove(&id).unwrap_or_default(),
            open_conflicts: conflicts
                .get(&id)
                .map_or(0, |n| u64::try_from(*n).unwrap_or(0)),
        };
        for (field, value) in overrides.remove(&id).unwrap_or_default() {
            let field = stored(field, "override field", |f| {
                LocalField::from_key(&f).ok_or("unknown field")
            })?;
            let value: FieldValue = parse_json(&value, "override value")?;
            apply_override(field, &value, &mut detail);
            detail.overrides.push((field, value));
        }
        by_id.insert(id, detail);
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

async fn organizations(pool: &Pool, ids: &[i64]) -> StoreResult<HashMap<i64, OrganizationRecord>> {
    type Row = (
        i64,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
        bool,
        Option<String>,
    );
    let rows: Vec<Row> = rows_for(
        pool,
        "SELECT id, ico, name, legal_form, seat, contacts, is_demo, public_id FROM organization",
        "id",
        "",
        ids,
    )
    .await?;
    rows.into_iter()
        .map(
            |(id, ico, name, legal_form, seat, contacts, is_demo, public_id)| {
                Ok((
                    id,
                    OrganizationRecord {
                        id,
                        public_id,
                        organization: Organization {
                            ico: ico.map(|i| stored(i, "IČO", Ico::try_from)).transpose()?,
                            name,
                            legal_form,
                            seat: seat
                                .map(|s| parse_json::<Address>(&s, "seat"))
                                .transpose()?,
                            contacts: parse_json::<Contacts>(&contacts, "contacts")?,
                        },
                        is_demo,
                    },
                ))
            },
        )
        .collect()
}

async fn forms(pool: &Pool, ids: &[i64]) -> StoreResult<HashMap<i64, Vec<ServiceForm>>> {
    let rows = grouped(
        rows_for::<(i64, String, bool, Option<String>)>(
            pool,
            "SELECT service_id, form, continuous, hours_note FROM service_form",
            "service_id",
            "",
            ids,
        )
        .await?,
        |(id, form, continuous, note)| (id, (form, continuous, note)),
    );
    let mut capacities = grouped(
        rows_for::<(i64, String, String, i64, Option<String>)>(
            pool,
            "SELECT service_id, form, capacity_type, count, note FROM service_capacity",
            "service_id",
            "ORDER BY service_id, form, position",
            ids,
        )
        .await?,
        |(id, form, capacity_type, count, note)| (id, (form, capacity_type, count, note)),
    );
    let mut hours = grouped(
        rows_for::<(i64, String, i64, String, String)>(
            pool,
            "SELECT service_id, form, weekday, opens, closes FROM opening_hours",
            "service_id",
            "ORDER BY service_id, form, position",
            ids,
        )
        .await?,
        |(id, form, weekday, opens, closes)| (id, (form, weekday, opens, closes)),
    );
    let mut out = HashMap::with_capacity(rows.len());
    for (id, rows) in rows {
        let capacities = capacities.remove(&id).unwrap_or_default();
        let hours = hours.remove(&id).unwrap_or_default();
        let mut forms = rows
            .into_iter()
            .map(|(form, continuous, hours_note)| {
                let form = stored(form, "form", |f| Form::parse(&f).ok_or("unknown form"))?;
                let key = form.key();
                Ok(ServiceForm {
                    form,
                    continuous,
                    capacities: capacities
                        .iter()
                        .filter(|(f, ..)| f == key)
                        .map(|(_, capacity_type, count, note)| {
                            Ok(Capacity {
                                capacity_type: capacity_type.clone(),
                                count: stored(*count, "capacity", u32::try_from)?,
                                note: note.clone(),
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?,
                    hours: hours
                        .iter()
                        .filter(|(f, ..)| f == key)
                        .map(|(_, day, opens, closes)| {
                            let time = |t: &str| {
                                stored(t.to_owned(), "time", |t| {
                                    NaiveTime::parse_from_str(&t, "%H:%M")
                                })
                            };
                            Ok(OpeningPeriod {
                                weekday: stored(*day, "weekday", |d| {
                                    u8::try_from(d)
                                        .ok()
                                        .and_then(Weekday::new)
                                        .ok_or("not a weekday")
                                })?,
                                opens: time(opens)?,
                                closes: time(closes)?,
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?,
                    hours_note,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        forms.sort_by_key(|f| f.form);
        out.insert(id, forms);
    }
    Ok(out)
}

/// Target and age group keys per service and codelist.
async fn codes(pool: &Pool, ids: &[i64]) -> StoreResult<HashMap<(i64, &'static str), Vec<String>>> {
    let rows: Vec<(i64, String, String)> = rows_for(
        pool,
        "SELECT service_id, codelist, key FROM service_code",
        "service_id",
        "ORDER BY service_id, codelist, key",
        ids,
    )
    .await?;
    let mut out: HashMap<(i64, &'static str), Vec<String>> = HashMap::new();
    for (id, list, key) in rows {
        let list = match list.as_str() {
            "target_group" => "target_group",
            "age_group" => "age_group",
            _ => continue,
        };
        out.entry((id, list)).or_default().push(key);
    }
    Ok(out)
}

type FacilityRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<f64>,
    Option<f64>,
    bool,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

async fn facilities(pool: &Pool, ids: &[i64]) -> StoreResult<HashMap<i64, Vec<Facility>>> {
    let rows: Vec<FacilityRow> = rows_for(
        pool,
        "SELECT service_id, key, name, street, house_number, orientation_number, postcode, \
         municipality_code, address_point, latitude, longitude, hidden_address, provided_from, \
         provided_to FROM facility",
        "service_id",
        "ORDER BY service_id, position",
        ids,
    )
    .await?;
    let mut out: HashMap<i64, Vec<Facility>> = HashMap::new();
    for (
        id,
        key,
        name,
        street,
        house_number,
        orientation_number,
        postcode,
        municipality,
        address_point,
        lat,
        lon,
        hidden,
        from,
        to,
    ) in rows
    {
        let municipality = municipality
            .map(|m| stored(m, "municipality", MunicipalityCode::try_from))
            .transpose()?;
        let address = Address {
            street,
            house_number,
            orientation_number,
            postcode: postcode
                .map(|p| stored(p, "postcode", Postcode::try_from))
                .transpose()?,
            municipality,
            address_point: address_point.and_then(|a| u64::try_from(a).ok()),
        };
        out.entry(id).or_default().push(Facility {
            key,
            name,
            address: (address != Address::default()).then_some(address),
            municipality,
            point: lat.zip(lon).and_then(|(lat, lon)| GeoPoint::new(lat, lon)),
            hidden_address: hidden,
            from,
            to,
        });
    }
    Ok(out)
}

async fn area_units(pool: &Pool, ids: &[i64]) -> StoreResult<HashMap<i64, Vec<AreaUnit>>> {
    let rows: Vec<(i64, String, i64)> = rows_for(
        pool,
        "SELECT service_id, kind, code FROM service_area_unit",
        "service_id",
        "ORDER BY service_id, kind, code",
        ids,
    )
    .await?;
    let mut out: HashMap<i64, Vec<AreaUnit>> = HashMap::new();
    for (id, kind, code) in rows {
        let unit = AreaUnit::from_parts(&kind, code)
            .ok_or_else(|| StoreError::StoredValue(format!("service area unit {kind} {code}")))?;
        out.entry(id).or_default().push(unit);
    }
    Ok(out)
}

/// Refuses a value of the wrong shape for its field (a list for a text, an empty name).
pub(crate) fn check_shape(field: LocalField, value: &FieldValue) -> StoreResult<()> {
    let shape_ok = matches!(
        (field.is_list(), value),
        (true, FieldValue::List(_)) | (false, FieldValue::Text(_))
    );
    if !shape_ok || (field == LocalField::Name && value == &FieldValue::Text(None)) {
        return Err(StoreError::Invalid(format!(
            "{} cannot take the value {value:?}",
            field.key()
        )));
    }
    Ok(())
}

pub(crate) async fn set_override(
    pool: &Pool,
    id: ServiceId,
    field: LocalField,
    value: &FieldValue,
) -> StoreResult<()> {
    check_shape(field, value)?;
    let result = sqlx::query(
        "INSERT INTO service_override (service_id, field, value, edited_at) \
         SELECT id, $2, $3, $4 FROM service WHERE id = $1 \
         ON CONFLICT (service_id, field) DO UPDATE SET value = excluded.value, edited_at = excluded.edited_at",
    )
    .bind(id.0)
    .bind(field.key())
    .bind(json(value))
    .bind(Utc::now())
    .execute(pool)
    .await?;
    if result.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!(
            "there is no service with the id {}",
            id.0
        )));
    }
    Ok(())
}

pub(crate) async fn clear_override(
    pool: &Pool,
    id: ServiceId,
    field: LocalField,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM service_override WHERE service_id = $1 AND field = $2")
        .bind(id.0)
        .bind(field.key())
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn mark_verified(
    pool: &Pool,
    id: ServiceId,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let result = sqlx::query("UPDATE service SET verified_at = $2 WHERE id = $1")
        .bind(id.0)
        .bind(at)
        .execute(pool)
        .await?;
    if result.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!(
            "there is no service with the id {}",
            id.0
        )));
    }
    Ok(())
}

pub(crate) async fn open_conflicts(pool: &Pool) -> StoreResult<Vec<ImportConflict>> {
    type Row = (
        i64,
        i64,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.service_id, s.registration_id, c.field, c.registry_before, c.registry_after, \
         c.local_value, c.detected_at FROM import_conflict c JOIN service s ON s.id = c.service_id \
         WHERE c.resolved_at IS NULL ORDER BY c.id",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(
                id,
                service_id,
                registration_id,
                field,
                registry_before,
                registry_after,
                local_value,
                detected_at,
            )| {
                Ok(ImportConflict {
                    id,
                    service_id: ServiceId(service_id),
                    registration_id,
                    field: stored(field, "conflict field", |f| {
                        LocalField::from_key(&f).ok_or("unknown field")
                    })?,
                    registry_before,
                    registry_after,
                    local_value,
                    detected_at,
                })
            },
        )
        .collect()
}

pub(crate) async fn resolve_conflict(pool: &Pool, id: i64, keep_local: bool) -> StoreResult<()> {
    let mut tx = super::begin_write(pool).await?;
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT service_id, field FROM import_conflict WHERE id = $1 AND resolved_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (service_id, field) =
        row.ok_or_else(|| StoreError::NotFound(format!("there is no open conflict {id}")))?;
    if !keep_local {
        sqlx::query("DELETE FROM service_override WHERE service_id = $1 AND field = $2")
            .bind(service_id)
            .bind(field.as_str())
            .execute(&mut *tx)
            .await?;
    }
    // Settling one conflict of a field settles the field's earlier ones too.
    sqlx::query(
        "UPDATE import_conflict SET resolved_at = $3, resolution = $4 \
         WHERE service_id = $1 AND field = $2 AND resolved_at IS NULL",
    )
    .bind(service_id)
    .bind(field.as_str())
    .bind(Utc::now())
    .bind(if keep_local {
        "kept_local"
    } else {
        "took_registry"
    })
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn revision(pool: &Pool) -> StoreResult<i64> {
    let (revision,): (i64,) =
        sqlx::query_as("SELECT revision FROM catalogue_revision WHERE id = 1")
            .fetch_one(pool)
            .await?;
    Ok(revision)
}

pub(crate) async fn counts(pool: &Pool) -> StoreResult<CatalogueCounts> {
    let (organizations, active, suspended, ended, facilities): (i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT (SELECT count(*) FROM organization), \
         (SELECT count(*) FROM service WHERE status = 'active'), \
         (SELECT count(*) FROM service WHERE status = 'suspended'), \
         (SELECT count(*) FROM service WHERE status = 'ended'), \
         (SELECT count(*) FROM facility)",
        )
        .fetch_one(pool)
        .await?;
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    Ok(CatalogueCounts {
        organizations: n(organizations),
        active: n(active),
        suspended: n(suspended),
        ended: n(ended),
        facilities: n(facilities),
    })
}

/// Services with a facility in the area or a service area covering one of its municipalities.
/// Whether service `s` serves area `$1`: a facility in one of its municipalities, or a service
/// area covering one.
const SERVES_AREA: &str = "(EXISTS (SELECT 1 FROM facility f JOIN area_municipality am \
        ON am.municipality_code = f.municipality_code \
        WHERE f.service_id = s.id AND am.area_id = $1) \
    OR EXISTS (SELECT 1 FROM service_area_unit u JOIN municipality m ON \
        ((u.kind = 'municipality' AND m.code = u.code) OR (u.kind = 'orp' AND m.orp_code = u.code) \
         OR (u.kind = 'district' AND m.district_code = u.code) OR (u.kind = 'region' AND m.region_code = u.code)) \
        JOIN area_municipality am ON am.municipality_code = m.code \
        WHERE u.service_id = s.id AND am.area_id = $1))";

pub(crate) async fn services_in_area(
    pool: &Pool,
    area: souhra_core::area::AreaId,
) -> StoreResult<Vec<crate::records::ServiceSummary>> {
    summaries(pool, SERVES_AREA, area.0).await
}

pub(crate) async fn serves_area(
    pool: &Pool,
    area: souhra_core::area::AreaId,
    service: ServiceId,
) -> StoreResult<bool> {
    let row: Option<(i64,)> = sqlx::query_as(&format!(
        "SELECT s.id FROM service s WHERE s.id = $2 AND {SERVES_AREA}"
    ))
    .bind(area.0)
    .bind(service.0)
    .fetch_optional(pool)
    .await?;
    Ok(row.is_some())
}

/// The services of one provider.
pub(crate) async fn services_of_organization(
    pool: &Pool,
    organization: i64,
) -> StoreResult<Vec<crate::records::ServiceSummary>> {
    summaries(pool, "s.organization_id = $1", organization).await
}

/// The database id of the organization with this IČO.
pub(crate) async fn organization_by_ico(pool: &Pool, ico: &str) -> StoreResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM organization WHERE ico = $1")
        .bind(ico)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| r.0))
}

/// One provider.
pub(crate) async fn organization(pool: &Pool, id: i64) -> StoreResult<Option<OrganizationRecord>> {
    Ok(organizations(pool, &[id]).await?.remove(&id))
}

/// Service summaries matching `condition` (on `service s`, with `$1` bound to `value`), by name.
async fn summaries(
    pool: &Pool,
    condition: &str,
    value: i64,
) -> StoreResult<Vec<crate::records::ServiceSummary>> {
    type Row = (
        i64,
        Option<String>,
        String,
        String,
        String,
        String,
        bool,
        Option<DateTime<Utc>>,
        Option<String>,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT s.id, s.registration_id, s.name, s.kind, s.status, o.name, s.is_demo, s.verified_at, \
         (SELECT v.value FROM service_override v WHERE v.service_id = s.id AND v.field = 'name'), \
         o.id \
         FROM service s JOIN organization o ON o.id = s.organization_id WHERE {condition}"
    ))
    .bind(value)
    .fetch_all(pool)
    .await?;
    let mut services = rows
        .into_iter()
        .map(
            |(
                id,
                registration_id,
                name,
                kind,
                status,
                organization,
                is_demo,
                verified_at,
                local_name,
                organization_id,
            )| {
                let name = match local_name
                    .map(|v| parse_json::<FieldValue>(&v, "override"))
                    .transpose()?
                {
                    Some(FieldValue::Text(Some(local))) => local,
                    _ => name,
                };
                Ok(crate::records::ServiceSummary {
                    id: ServiceId(id),
                    registration_id,
                    name,
                    kind,
                    status: stored(status, "status", |s| {
                        ServiceStatus::from_key(&s).ok_or("unknown status")
                    })?,
                    organization,
                    organization_id,
                    is_demo,
                    verified_at,
                })
            },
        )
        .collect::<StoreResult<Vec<_>>>()?;
    services.sort_by_cached_key(|s| souhra_core::text::sort_key(&s.name));
    Ok(services)
}

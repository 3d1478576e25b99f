use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use souhra_core::catalogue::{
    Address, AreaUnit, Capacity, Contacts, Facility, FieldValue, Ico, LocalField, OpeningPeriod,
    Organization, RegistrationId, ServiceForm, ServiceStatus, Source, Weekday,
};
use souhra_core::code::{MunicipalityCode, Postcode};
use souhra_core::codelist::Form;
use souhra_core::territory::GeoPoint;

use super::Pool;
use super::import::json;
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

fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
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

pub(crate) async fn service(pool: &Pool, id: ServiceId) -> StoreResult<Option<ServiceDetail>> {
    let row: Option<ServiceRow> = sqlx::query_as(&format!("{SERVICE_SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(pool)
        .await?;
    let Some((
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
    )) = row
    else {
        return Ok(None);
    };
    // A tuple holds at most 16 columns; the public id comes on its own.
    let (public_id,): (Option<String>,) =
        sqlx::query_as("SELECT public_id FROM service WHERE id = $1")
            .bind(id)
            .fetch_one(pool)
            .await?;
    let mut detail = ServiceDetail {
        id: ServiceId(id),
        public_id,
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
        organization: organization(pool, organization_id).await?,
        forms: forms(pool, id).await?,
        target_groups: codes(pool, id, "target_group").await?,
        age_groups: codes(pool, id, "age_group").await?,
        facilities: facilities(pool, id).await?,
        service_area: area_units(pool, id).await?,
        open_conflicts: 0,
    };
    let overrides: Vec<(String, String)> = sqlx::query_as(
        "SELECT field, value FROM service_override WHERE service_id = $1 ORDER BY field",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    for (field, value) in overrides {
        let field = stored(field, "override field", |f| {
            LocalField::from_key(&f).ok_or("unknown field")
        })?;
        let value: FieldValue = parse_json(&value, "override value")?;
        apply_override(field, &value, &mut detail);
        detail.overrides.push((field, value));
    }
    let (open,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM import_conflict WHERE service_id = $1 AND resolved_at IS NULL",
    )
    .bind(id)
    .fetch_one(pool)
    .await?;
    detail.open_conflicts = u64::try_from(open).unwrap_or(0);
    Ok(Some(detail))
}

async fn organization(pool: &Pool, id: i64) -> StoreResult<OrganizationRecord> {
    type Row = (
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
        bool,
        Option<String>,
    );
    let (ico, name, legal_form, seat, contacts, is_demo, public_id): Row = sqlx::query_as(
        "SELECT ico, name, legal_form, seat, contacts, is_demo, public_id FROM organization WHERE id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await?;
    Ok(OrganizationRecord {
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
    })
}

async fn forms(pool: &Pool, id: i64) -> StoreResult<Vec<ServiceForm>> {
    let rows: Vec<(String, bool, Option<String>)> = sqlx::query_as(
        "SELECT form, continuous, hours_note FROM service_form WHERE service_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let capacities: Vec<(String, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT form, capacity_type, count, note FROM service_capacity WHERE service_id = $1 ORDER BY form, position",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let hours: Vec<(String, i64, String, String)> = sqlx::query_as(
        "SELECT form, weekday, opens, closes FROM opening_hours WHERE service_id = $1 ORDER BY form, position",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
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
    Ok(forms)
}

async fn codes(pool: &Pool, id: i64, codelist: &str) -> StoreResult<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT key FROM service_code WHERE service_id = $1 AND codelist = $2 ORDER BY key",
    )
    .bind(id)
    .bind(codelist)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(k,)| k).collect())
}

type FacilityRow = (
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

async fn facilities(pool: &Pool, id: i64) -> StoreResult<Vec<Facility>> {
    let rows: Vec<FacilityRow> = sqlx::query_as(
        "SELECT key, name, street, house_number, orientation_number, postcode, municipality_code, \
         address_point, latitude, longitude, hidden_address, provided_from, provided_to \
         FROM facility WHERE service_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(
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
            )| {
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
                Ok(Facility {
                    key,
                    name,
                    address: (address != Address::default()).then_some(address),
                    municipality,
                    point: lat.zip(lon).and_then(|(lat, lon)| GeoPoint::new(lat, lon)),
                    hidden_address: hidden,
                    from,
                    to,
                })
            },
        )
        .collect()
}

async fn area_units(pool: &Pool, id: i64) -> StoreResult<Vec<AreaUnit>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, code FROM service_area_unit WHERE service_id = $1 ORDER BY kind, code",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(kind, code)| {
            AreaUnit::from_parts(&kind, code)
                .ok_or_else(|| StoreError::StoredValue(format!("service area unit {kind} {code}")))
        })
        .collect()
}

pub(crate) async fn set_override(
    pool: &Pool,
    id: ServiceId,
    field: LocalField,
    value: &FieldValue,
) -> StoreResult<()> {
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
    let mut tx = pool.begin().await?;
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
pub(crate) async fn services_in_area(
    pool: &Pool,
    area: souhra_core::area::AreaId,
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
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.id, s.registration_id, s.name, s.kind, s.status, o.name, s.is_demo, s.verified_at, \
         (SELECT v.value FROM service_override v WHERE v.service_id = s.id AND v.field = 'name') \
         FROM service s JOIN organization o ON o.id = s.organization_id \
         WHERE EXISTS (SELECT 1 FROM facility f JOIN area_municipality am \
                ON am.municipality_code = f.municipality_code \
                WHERE f.service_id = s.id AND am.area_id = $1) \
            OR EXISTS (SELECT 1 FROM service_area_unit u JOIN municipality m ON \
                ((u.kind = 'municipality' AND m.code = u.code) OR (u.kind = 'orp' AND m.orp_code = u.code) \
                 OR (u.kind = 'district' AND m.district_code = u.code) OR (u.kind = 'region' AND m.region_code = u.code)) \
                JOIN area_municipality am ON am.municipality_code = m.code \
                WHERE u.service_id = s.id AND am.area_id = $1)",
    )
    .bind(area.0)
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
                    is_demo,
                    verified_at,
                })
            },
        )
        .collect::<StoreResult<Vec<_>>>()?;
    services.sort_by_cached_key(|s| souhra_core::text::sort_key(&s.name));
    Ok(services)
}

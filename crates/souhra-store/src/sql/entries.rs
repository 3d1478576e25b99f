//! Catalogue entries in and out, whatever their source: what HSDS and spreadsheet exports read and
//! their imports write.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveTime, Utc};
use souhra_core::catalogue::{CatalogueEntry, Source};
use souhra_core::codelist::Codelist;
use souhra_core::import::{ImportReport, Rejection};

use super::import::{Parts, delete_parts, insert_imported_code, insert_parts, json};
use super::{Pool, Tx, catalogue};
use crate::StoreResult;
use crate::records::{ServiceDetail, ServiceId};

/// The entry of a stored service (local values in force).
pub(crate) fn entry_of(detail: ServiceDetail) -> CatalogueEntry {
    CatalogueEntry {
        public_id: detail.public_id,
        registration_id: detail.registration_id,
        source: detail.source,
        name: detail.name,
        kind: detail.kind,
        description: detail.description,
        fees: detail.fees,
        contacts: detail.contacts,
        forms: detail.forms,
        target_groups: detail.target_groups,
        age_groups: detail.age_groups,
        facilities: detail.facilities,
        service_area: detail.service_area,
        status: detail.status,
        status_since: detail.status_since,
        provided_from: detail.provided_from,
        provided_to: detail.provided_to,
        verified_on: detail.verified_at.map(|at| at.date_naive()),
        organization: detail.organization.organization,
        organization_public_id: detail.organization.public_id,
        is_demo: detail.is_demo,
    }
}

pub(crate) async fn entries(
    pool: &Pool,
    area: Option<souhra_core::area::AreaId>,
) -> StoreResult<Vec<(ServiceId, CatalogueEntry)>> {
    let ids: Vec<ServiceId> = match area {
        Some(area) => catalogue::services_in_area(pool, area)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect(),
        None => service_ids(pool).await?,
    };
    entries_of(pool, &ids).await
}

pub(crate) async fn service_ids(pool: &Pool) -> StoreResult<Vec<ServiceId>> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM service ORDER BY id")
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(id,)| ServiceId(id)).collect())
}

pub(crate) async fn entries_of(
    pool: &Pool,
    ids: &[ServiceId],
) -> StoreResult<Vec<(ServiceId, CatalogueEntry)>> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    Ok(catalogue::services(pool, &ids)
        .await?
        .into_iter()
        .map(|detail| (detail.id, entry_of(detail)))
        .collect())
}

/// `Prefix/id` with the registry prefix of the codelist and a plain id.
fn is_registry_id(list: Codelist, key: &str) -> bool {
    key.strip_prefix(list.registry_prefix())
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|id| {
            !id.is_empty() && id.len() <= 20 && id.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// Every code an entry uses.
fn codes(entry: &CatalogueEntry) -> impl Iterator<Item = (Codelist, &String)> {
    std::iter::once((Codelist::ServiceKind, &entry.kind))
        .chain(
            entry
                .target_groups
                .iter()
                .map(|k| (Codelist::TargetGroup, k)),
        )
        .chain(entry.age_groups.iter().map(|k| (Codelist::AgeGroup, k)))
        .chain(
            entry
                .forms
                .iter()
                .flat_map(|f| &f.capacities)
                .map(|c| (Codelist::CapacityType, &c.capacity_type)),
        )
}

struct Keys {
    keys: HashMap<Codelist, HashSet<String>>,
    municipalities: HashSet<i64>,
}

impl Keys {
    async fn load(tx: &mut Tx) -> StoreResult<Self> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT codelist, key FROM codelist_entry")
                .fetch_all(&mut **tx)
                .await?;
        let mut keys: HashMap<Codelist, HashSet<String>> = HashMap::new();
        for (list, key) in rows {
            if let Some(list) = Codelist::from_key(&list) {
                keys.entry(list).or_default().insert(key);
            }
        }
        let municipalities: Vec<(i64,)> = sqlx::query_as("SELECT code FROM municipality")
            .fetch_all(&mut **tx)
            .await?;
        Ok(Self {
            keys,
            municipalities: municipalities.into_iter().map(|(c,)| c).collect(),
        })
    }

    /// Whether a key is in the codelist, or is a registry id of that codelist which no codelist
    /// labels yet (`CilovaSkupinaOsoby/19`): such codes come in as the registry import takes
    /// them, kept and shown by their id.
    fn knows(&self, list: Codelist, key: &str) -> bool {
        self.keys.get(&list).is_some_and(|keys| keys.contains(key)) || is_registry_id(list, key)
    }

    /// The codes of an entry that are not in the codelists yet.
    fn unknown(&self, entry: &CatalogueEntry) -> Vec<(Codelist, String)> {
        codes(entry)
            .filter(|(list, key)| !self.keys.get(list).is_some_and(|keys| keys.contains(*key)))
            .map(|(list, key)| (list, key.clone()))
            .collect()
    }

    /// The first problem of an entry: (field, message).
    fn check(&self, entry: &CatalogueEntry) -> Option<(String, String)> {
        let problem = |field: &str, message: String| Some((field.to_owned(), message));
        if entry.name.trim().is_empty() {
            return problem("name", "the name is missing".into());
        }
        if !self.knows(Codelist::ServiceKind, &entry.kind) {
            return problem(
                "kind",
                format!(
                    "{:?} is not a kind of social service of the codelist",
                    entry.kind
                ),
            );
        }
        for (list, field, keys) in [
            (Codelist::TargetGroup, "target_groups", &entry.target_groups),
            (Codelist::AgeGroup, "age_groups", &entry.age_groups),
        ] {
            if let Some(unknown) = keys.iter().find(|k| !self.knows(list, k)) {
                return problem(field, format!("{unknown:?} is not in the codelist"));
            }
        }
        for form in &entry.forms {
            if let Some(unknown) = form
                .capacities
                .iter()
                .find(|c| !self.knows(Codelist::CapacityType, &c.capacity_type))
            {
                return problem(
                    "forms.capacities",
                    format!(
                        "{:?} is not a capacity type of the codelist",
                        unknown.capacity_type
                    ),
                );
            }
            if form.hours.iter().any(|h| h.closes <= h.opens) {
                return problem(
                    "forms.hours",
                    "an opening period closes before it opens".into(),
                );
            }
        }
        let mut forms: Vec<_> = entry.forms.iter().map(|f| f.form).collect();
        forms.sort();
        if forms.windows(2).any(|w| w[0] == w[1]) {
            return problem("forms", "a form is listed twice".into());
        }
        for facility in &entry.facilities {
            if let Some(code) = facility
                .municipality
                .filter(|m| !self.municipalities.contains(&i64::from(*m)))
            {
                return problem(
                    "facilities.municipality",
                    format!("{code} is not a municipality of the territory"),
                );
            }
        }
        let mut keys: Vec<&str> = entry.facilities.iter().map(|f| f.key.as_str()).collect();
        keys.sort_unstable();
        if keys.windows(2).any(|w| w[0] == w[1]) {
            return problem(
                "facilities",
                "two facilities have the same address point and name".into(),
            );
        }
        for (field, id) in [
            ("public_id", &entry.public_id),
            ("organization_public_id", &entry.organization_public_id),
        ] {
            if id.as_deref().is_some_and(|id| !is_uuid(id)) {
                return problem(
                    field,
                    format!("{:?} is not a UUID", id.as_deref().unwrap_or_default()),
                );
            }
        }
        None
    }
}

/// Inserts or updates a provider: by public id, else by IČO.
async fn save_organization(
    tx: &mut Tx,
    entry: &CatalogueEntry,
    now: chrono::DateTime<Utc>,
) -> StoreResult<i64> {
    let organization = &entry.organization;
    let ico = organization.ico.as_ref().map(ToString::to_string);
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM organization WHERE (public_id IS NOT NULL AND public_id = $1) OR (ico IS NOT NULL AND ico = $2) \
         ORDER BY CASE WHEN public_id = $1 THEN 0 ELSE 1 END LIMIT 1",
    )
    .bind(entry.organization_public_id.as_deref())
    .bind(ico.as_deref())
    .fetch_optional(&mut **tx)
    .await?;
    let hash = super::import::fingerprint(organization);
    let source = if ico.is_some() && entry.source == Source::Registry {
        "registry"
    } else {
        "local"
    };
    // A new provider gets a row with its origin first; the update below writes the rest, the
    // same for new and known providers.
    let id = match found {
        Some((id,)) => id,
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO organization (name, contacts, source, is_demo, record_hash, updated_at) \
                 VALUES ($1, '{}', $2, $3, '', $4) RETURNING id",
            )
            .bind(organization.name.as_str())
            .bind(source)
            .bind(entry.is_demo)
            .bind(now)
            .fetch_one(&mut **tx)
            .await?;
            id
        }
    };
    sqlx::query(
        "UPDATE organization SET ico = $2, name = $3, legal_form = $4, seat = $5, contacts = $6, \
         record_hash = $7, updated_at = $8, public_id = COALESCE($9, public_id) WHERE id = $1",
    )
    .bind(id)
    .bind(ico.as_deref())
    .bind(organization.name.as_str())
    .bind(organization.legal_form.as_deref())
    .bind(organization.seat.as_ref().map(json))
    .bind(json(&organization.contacts))
    .bind(hash.as_str())
    .bind(now)
    .bind(entry.organization_public_id.as_deref())
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Inserts or updates a service (by public id, else registration id) and replaces its parts.
/// Returns whether it was new.
async fn save_service(
    tx: &mut Tx,
    entry: &CatalogueEntry,
    organization_id: i64,
    now: chrono::DateTime<Utc>,
) -> StoreResult<bool> {
    let registration_id = entry.registration_id.as_ref().map(ToString::to_string);
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM service WHERE (public_id IS NOT NULL AND public_id = $1) \
         OR (registration_id IS NOT NULL AND registration_id = $2) \
         ORDER BY CASE WHEN public_id = $1 THEN 0 ELSE 1 END LIMIT 1",
    )
    .bind(entry.public_id.as_deref())
    .bind(registration_id.as_deref())
    .fetch_optional(&mut **tx)
    .await?;
    let verified_at = entry
        .verified_on
        .map(|day| day.and_time(NaiveTime::MIN).and_utc());
    // A new service gets a row with its origin first; the update below writes the rest, the
    // same for new and known services.
    let id = match found {
        Some((id,)) => {
            sqlx::query("DELETE FROM service_override WHERE service_id = $1")
                .bind(id)
                .execute(&mut **tx)
                .await?;
            delete_parts(tx, &[id]).await?;
            id
        }
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO service (source, organization_id, name, kind, contacts, status, is_demo, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, '{}', $5, $6, $7, $7) RETURNING id",
            )
            .bind(entry.source.key())
            .bind(organization_id)
            .bind(entry.name.as_str())
            .bind(entry.kind.as_str())
            .bind(entry.status.key())
            .bind(entry.is_demo)
            .bind(now)
            .fetch_one(&mut **tx)
            .await?;
            id
        }
    };
    sqlx::query(
        "UPDATE service SET registration_id = $2, source = $3, organization_id = $4, name = $5, \
         kind = $6, description = $7, fees = $8, contacts = $9, status = $10, status_since = $11, \
         provided_from = $12, provided_to = $13, verified_at = $14, record_hash = NULL, \
         updated_at = $15, public_id = COALESCE($16, public_id) WHERE id = $1",
    )
    .bind(id)
    .bind(registration_id.as_deref())
    .bind(entry.source.key())
    .bind(organization_id)
    .bind(entry.name.as_str())
    .bind(entry.kind.as_str())
    .bind(entry.description.as_deref())
    .bind(entry.fees.as_deref())
    .bind(json(&entry.contacts))
    .bind(entry.status.key())
    .bind(entry.status_since)
    .bind(entry.provided_from)
    .bind(entry.provided_to)
    .bind(verified_at)
    .bind(now)
    .bind(entry.public_id.as_deref())
    .execute(&mut **tx)
    .await?;
    let capacity_types: Vec<Vec<String>> = entry
        .forms
        .iter()
        .map(|f| {
            f.capacities
                .iter()
                .map(|c| c.capacity_type.clone())
                .collect()
        })
        .collect();
    let mut codes: Vec<(Codelist, String)> = entry
        .target_groups
        .iter()
        .map(|k| (Codelist::TargetGroup, k.clone()))
        .chain(
            entry
                .age_groups
                .iter()
                .map(|k| (Codelist::AgeGroup, k.clone())),
        )
        .collect();
    codes.sort();
    codes.dedup();
    let parts = Parts {
        forms: &entry.forms,
        capacity_types: &capacity_types,
        codes: &codes,
        facilities: &entry.facilities,
        units: &entry.service_area,
    };
    insert_parts(tx, &[(id, parts)]).await?;
    Ok(found.is_none())
}

pub(crate) async fn save(
    pool: &Pool,
    entries: &[(String, CatalogueEntry)],
    skip_invalid: bool,
    dry_run: bool,
) -> StoreResult<ImportReport> {
    let mut tx = super::begin_write(pool).await?;
    let mut keys = Keys::load(&mut tx).await?;
    let mut new_codes: std::collections::BTreeMap<String, u64> = Default::default();
    let now = Utc::now();
    let mut report = ImportReport::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, (path, entry)) in entries.iter().enumerate() {
        report.read += 1;
        let identity = entry.public_id.clone().or_else(|| {
            entry
                .registration_id
                .as_ref()
                .map(|r| format!("registration {r}"))
        });
        let duplicate = identity.as_ref().and_then(|id| seen.get(id)).map(|first| {
            (
                "public_id".to_owned(),
                format!(
                    "the same service is already at {}",
                    entries.get(*first).map_or("", |e| e.0.as_str())
                ),
            )
        });
        if let Some((field, message)) = duplicate.or_else(|| keys.check(entry)) {
            report.rejected.push(Rejection {
                index: index as u64,
                identifier: entry
                    .registration_id
                    .as_ref()
                    .map(ToString::to_string)
                    .or_else(|| entry.public_id.clone()),
                path: format!("{path}.{field}"),
                message,
            });
            continue;
        }
        if let Some(id) = identity {
            seen.insert(id, index);
        }
        for (list, key) in keys.unknown(entry) {
            insert_imported_code(&mut tx, list, &key).await?;
            keys.keys.entry(list).or_default().insert(key.clone());
            new_codes.insert(key, 0);
        }
        for key in codes(entry).map(|(_, k)| k) {
            if let Some(count) = new_codes.get_mut(key) {
                *count += 1;
            }
        }
        let organization_id = save_organization(&mut tx, entry, now).await?;
        if save_service(&mut tx, entry, organization_id, now).await? {
            report.added += 1;
        } else {
            report.updated += 1;
        }
    }
    report.new_codes = new_codes.into_iter().collect();
    let keep = !dry_run && (report.rejected.is_empty() || skip_invalid);
    report.committed = keep;
    if keep {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(report)
}

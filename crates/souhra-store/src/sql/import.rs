//! The registry import: one transaction, records written in batches, re-import semantics.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use souhra_core::catalogue::{
    AreaUnit, Contacts, FieldValue, LocalField, Organization, RegistryRecord, ServiceStatus,
};
use souhra_core::codelist::Codelist;
use souhra_core::import::{ConflictNote, ImportItem, ImportOptions, ImportReport, Rejection};
use souhra_core::progress::Progress;
use tokio::sync::mpsc::Receiver;

use super::{IS_POSTGRES, Pool, Tx, batch};
use crate::history::{ChangeSource, REGISTRY_FIELD, ServiceChange};
use crate::{StoreError, StoreResult};

/// Records prepared before they are written together.
const BATCH_RECORDS: usize = 250;

/// FNV-1a over a value's JSON form: tells whether a registry record changed since last time.
pub(crate) fn fingerprint<T: serde::Serialize>(value: &T) -> String {
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The municipalities of all planning areas, and the regions, districts and ORPs they lie in.
#[derive(Default)]
struct Relevance {
    municipalities: HashSet<u32>,
    regions: HashSet<u32>,
    districts: HashSet<u32>,
    orps: HashSet<u32>,
}

impl Relevance {
    async fn load(tx: &mut Tx) -> StoreResult<Self> {
        let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT DISTINCT m.code, m.region_code, m.district_code, m.orp_code \
             FROM area_municipality am JOIN municipality m ON m.code = am.municipality_code",
        )
        .fetch_all(&mut **tx)
        .await?;
        let mut relevance = Self::default();
        let n = |v: i64| u32::try_from(v).unwrap_or(0);
        for (code, region, district, orp) in rows {
            relevance.municipalities.insert(n(code));
            relevance.regions.insert(n(region));
            relevance.districts.insert(n(district));
            relevance.orps.insert(n(orp));
        }
        Ok(relevance)
    }

    /// A facility in, or a service area covering, a municipality of some area.
    fn covers(&self, record: &RegistryRecord) -> bool {
        record
            .facilities
            .iter()
            .filter_map(|f| f.municipality)
            .any(|m| self.municipalities.contains(&m.get()))
            || record.service_area.iter().any(|unit| match unit {
                AreaUnit::Region(c) => self.regions.contains(&c.get()),
                AreaUnit::District(c) => self.districts.contains(&c.get()),
                AreaUnit::Orp(c) => self.orps.contains(&c.get()),
                AreaUnit::Municipality(c) => self.municipalities.contains(&c.get()),
            })
    }
}

/// Registry codelist ids → codelist keys; ids nobody has labelled yet become entries of their
/// own (kept and shown with the raw id).
#[derive(Default)]
struct Codes {
    keys: HashMap<(Codelist, String), String>,
    new: BTreeMap<String, u64>,
}

impl Codes {
    async fn load(tx: &mut Tx) -> StoreResult<Self> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT codelist, key, registry_id FROM codelist_entry WHERE registry_id IS NOT NULL",
        )
        .fetch_all(&mut **tx)
        .await?;
        let mut codes = Self::default();
        for (list, key, registry_id) in rows {
            if let Some(list) = Codelist::from_key(&list) {
                codes.keys.insert((list, registry_id), key);
            }
        }
        Ok(codes)
    }

    async fn resolve(
        &mut self,
        tx: &mut Tx,
        list: Codelist,
        registry_id: &str,
    ) -> StoreResult<String> {
        if let Some(count) = self.new.get_mut(registry_id) {
            *count += 1;
        }
        if let Some(key) = self.keys.get(&(list, registry_id.to_owned())) {
            return Ok(key.clone());
        }
        insert_imported_code(tx, list, registry_id).await?;
        self.keys
            .insert((list, registry_id.to_owned()), registry_id.to_owned());
        self.new.insert(registry_id.to_owned(), 1);
        Ok(registry_id.to_owned())
    }
}

/// Adds a registry code no codelist labels yet; its registry id is its key, and it is shown by
/// that id until a codelist update labels it.
pub(crate) async fn insert_imported_code(
    tx: &mut Tx,
    list: Codelist,
    registry_id: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO codelist_entry (codelist, key, registry_id, registry_id_status, sort_order, \
         forms, origin) VALUES ($1, $2, $2, 'confirmed', $3, '', 'imported') \
         ON CONFLICT (codelist, key) DO NOTHING",
    )
    .bind(list.key())
    .bind(registry_id)
    .bind(i64::MAX / 2)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A registry service already in the catalogue.
struct Existing {
    id: i64,
    hash: Option<String>,
    name: String,
    description: Option<String>,
    fees: Option<String>,
    contacts: Contacts,
    status: ServiceStatus,
    seen: bool,
}

enum Target {
    New,
    Changed(i64),
    StatusOnly(i64),
}

/// A record with its codes resolved, ready to be written.
struct Prepared {
    record: Box<RegistryRecord>,
    hash: String,
    kind: String,
    codes: Vec<(Codelist, String)>,
    capacity_types: Vec<Vec<String>>,
    status: ServiceStatus,
    status_since: Option<NaiveDate>,
    target: Target,
}

/// The status a record implies on `today`: ended once its registration ended.
fn registry_status(
    record: &RegistryRecord,
    today: NaiveDate,
) -> (ServiceStatus, Option<NaiveDate>) {
    match record.provided_to {
        Some(to) if to < today => (ServiceStatus::Ended, Some(to)),
        _ => (ServiceStatus::Active, record.provided_from),
    }
}

struct Importer<'a> {
    options: &'a ImportOptions,
    relevance: Relevance,
    codes: Codes,
    existing: HashMap<String, Existing>,
    overrides: HashMap<i64, Vec<(LocalField, String)>>,
    organizations: HashMap<String, (i64, String)>,
    seen: HashMap<String, u64>,
    report: ImportReport,
    now: chrono::DateTime<Utc>,
}

pub(crate) async fn import_registry(
    pool: &Pool,
    mut items: Receiver<ImportItem>,
    options: &ImportOptions,
    progress: &dyn Progress,
) -> StoreResult<ImportReport> {
    let started = Utc::now();
    let mut tx = super::begin_write(pool).await?;
    if IS_POSTGRES {
        sqlx::query("SELECT pg_advisory_xact_lock(8312026002)")
            .execute(&mut *tx)
            .await?;
    }
    let relevance = Relevance::load(&mut tx).await?;
    if !options.all && relevance.municipalities.is_empty() {
        return Err(StoreError::Invalid(
            "this installation has no planning areas yet, so no service would be stored; \
             create an area first (souhra area add) or import everything with --all"
                .into(),
        ));
    }
    let mut importer = Importer {
        options,
        relevance,
        codes: Codes::load(&mut tx).await?,
        existing: load_existing(&mut tx).await?,
        overrides: load_overrides(&mut tx).await?,
        organizations: load_organizations(&mut tx).await?,
        seen: HashMap::new(),
        report: ImportReport::default(),
        now: started,
    };
    progress.stage("registry services", 0);
    let mut pending: Vec<Prepared> = Vec::with_capacity(BATCH_RECORDS);
    let mut finished = false;
    while let Some(item) = items.recv().await {
        match item {
            ImportItem::Record(index, record) => {
                importer.report.read += 1;
                progress.advance(1);
                if let Some(prepared) = importer.prepare(&mut tx, index, record).await? {
                    pending.push(prepared);
                }
                if pending.len() >= BATCH_RECORDS {
                    importer
                        .flush(&mut tx, std::mem::take(&mut pending))
                        .await?;
                }
            }
            ImportItem::Rejected(rejection) => {
                importer.report.read += 1;
                progress.advance(1);
                importer.report.rejected.push(rejection);
            }
            ImportItem::End => {
                finished = true;
                break;
            }
            ImportItem::Failed(message) => return Err(StoreError::Invalid(message)),
        }
    }
    if !finished {
        return Err(StoreError::Invalid(
            "the registry file was not read to its end; nothing was imported".into(),
        ));
    }
    importer.flush(&mut tx, pending).await?;
    importer.end_missing(&mut tx).await?;
    progress.finish_stage();
    let mut report = importer.report;
    report.new_codes = importer.codes.new.into_iter().collect();
    let keep = !options.dry_run && (report.rejected.is_empty() || options.skip_invalid);
    report.committed = keep;
    sqlx::query("INSERT INTO import_run (source, origin, started_at, finished_at, report) VALUES ('mpsv', $1, $2, $3, $4)")
        .bind(options.origin.as_str())
        .bind(started)
        .bind(Utc::now())
        .bind(json(&report))
        .execute(&mut *tx)
        .await?;
    if keep {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(report)
}

async fn load_existing(tx: &mut Tx) -> StoreResult<HashMap<String, Existing>> {
    type Row = (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
        String,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, registration_id, record_hash, name, description, fees, contacts, status \
         FROM service WHERE source = 'registry' AND registration_id IS NOT NULL",
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, registration_id, hash, name, description, fees, contacts, status)| {
                let existing = Existing {
                    id,
                    hash,
                    name,
                    description,
                    fees,
                    contacts: serde_json::from_str(&contacts).unwrap_or_default(),
                    status: ServiceStatus::from_key(&status).unwrap_or(ServiceStatus::Active),
                    seen: false,
                };
                (registration_id, existing)
            },
        )
        .collect())
}

async fn load_overrides(tx: &mut Tx) -> StoreResult<HashMap<i64, Vec<(LocalField, String)>>> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT service_id, field, value FROM service_override")
            .fetch_all(&mut **tx)
            .await?;
    let mut map: HashMap<i64, Vec<(LocalField, String)>> = HashMap::new();
    for (id, field, value) in rows {
        if let Some(field) = LocalField::from_key(&field) {
            map.entry(id).or_default().push((field, value));
        }
    }
    Ok(map)
}

async fn load_organizations(tx: &mut Tx) -> StoreResult<HashMap<String, (i64, String)>> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, ico, record_hash FROM organization WHERE ico IS NOT NULL")
            .fetch_all(&mut **tx)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, ico, hash)| (ico, (id, hash)))
        .collect())
}

/// The registry's value of a local field in a record, as JSON.
fn registry_value(
    field: LocalField,
    name: &str,
    description: &Option<String>,
    fees: &Option<String>,
    contacts: &Contacts,
) -> String {
    let value = match field {
        LocalField::Name => FieldValue::Text(Some(name.to_owned())),
        LocalField::Description => FieldValue::Text(description.clone()),
        LocalField::Fees => FieldValue::Text(fees.clone()),
        LocalField::Web => FieldValue::List(contacts.web.clone()),
        LocalField::Emails => FieldValue::List(contacts.emails.clone()),
        LocalField::Phones => FieldValue::List(contacts.phones.clone()),
    };
    json(&value)
}

/// A change field of a registry value: `registry.<field>` with the value before and after (JSON).
type RegistryChange = (String, Option<String>, Option<String>);

fn status_value(status: ServiceStatus) -> String {
    json(&FieldValue::Text(Some(status.key().to_owned())))
}

/// The registry fields of `existing` that `record` changes, and its status if that changes.
fn registry_changes(
    existing: &Existing,
    record: &RegistryRecord,
    status: ServiceStatus,
) -> Vec<RegistryChange> {
    let mut changes = Vec::new();
    for field in LocalField::ALL {
        let before = registry_value(
            field,
            &existing.name,
            &existing.description,
            &existing.fees,
            &existing.contacts,
        );
        let after = registry_value(
            field,
            record.name.as_str(),
            &record.description,
            &record.fees,
            &record.contacts,
        );
        if before != after {
            changes.push((
                format!("{REGISTRY_FIELD}{}", field.key()),
                Some(before),
                Some(after),
            ));
        }
    }
    changes.extend(status_change(existing.status, status));
    changes
}

fn status_change(before: ServiceStatus, after: ServiceStatus) -> Option<RegistryChange> {
    (before != after).then(|| {
        (
            format!("{REGISTRY_FIELD}status"),
            Some(status_value(before)),
            Some(status_value(after)),
        )
    })
}

impl Importer<'_> {
    /// Records in the service's history what a re-import changed in its registry data.
    async fn record_history(
        &self,
        tx: &mut Tx,
        id: i64,
        changes: &[RegistryChange],
    ) -> StoreResult<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let change = ServiceChange {
            by: None,
            area: None,
            source: ChangeSource::Registry,
            note: None,
            at: self.now,
        };
        super::history::record_set(tx, crate::records::ServiceId(id), &change, changes).await?;
        Ok(())
    }

    /// Classifies a record and resolves its codes; `None` when there is nothing to write.
    async fn prepare(
        &mut self,
        tx: &mut Tx,
        index: u64,
        record: Box<RegistryRecord>,
    ) -> StoreResult<Option<Prepared>> {
        let id = record.registration_id.to_string();
        if let Some(first) = self.seen.get(&id) {
            self.report.rejected.push(Rejection {
                index,
                identifier: Some(id.clone()),
                path: format!("polozky[{index}].identifikator"),
                message: format!("duplicate registration identifier, already at record {first}"),
            });
            return Ok(None);
        }
        self.seen.insert(id.clone(), index);
        let hash = fingerprint(&*record);
        let (mut status, mut status_since) = registry_status(&record, self.options.today);
        let target = match self.existing.get_mut(&id) {
            Some(existing) => {
                existing.seen = true;
                if existing.status == ServiceStatus::Suspended && status == ServiceStatus::Active {
                    // Suspension is the coordinator's call; the registry does not record it.
                    status = ServiceStatus::Suspended;
                    status_since = None;
                }
                let same_data = existing.hash.as_deref() == Some(hash.as_str());
                match (same_data, existing.status == status) {
                    (true, true) => {
                        self.report.unchanged += 1;
                        return Ok(None);
                    }
                    (true, false) => Target::StatusOnly(existing.id),
                    (false, _) => Target::Changed(existing.id),
                }
            }
            None if !self.options.all && !self.relevance.covers(&record) => {
                self.report.outside_areas += 1;
                return Ok(None);
            }
            None => Target::New,
        };
        let kind = self
            .codes
            .resolve(tx, Codelist::ServiceKind, &record.kind)
            .await?;
        let mut codes = Vec::new();
        for group in &record.target_groups {
            codes.push((
                Codelist::TargetGroup,
                self.codes.resolve(tx, Codelist::TargetGroup, group).await?,
            ));
        }
        for group in &record.age_groups {
            codes.push((
                Codelist::AgeGroup,
                self.codes.resolve(tx, Codelist::AgeGroup, group).await?,
            ));
        }
        codes.sort();
        codes.dedup();
        let mut capacity_types = Vec::new();
        for form in &record.forms {
            let mut keys = Vec::new();
            for capacity in &form.capacities {
                keys.push(
                    self.codes
                        .resolve(tx, Codelist::CapacityType, &capacity.capacity_type)
                        .await?,
                );
            }
            capacity_types.push(keys);
        }
        Ok(Some(Prepared {
            record,
            hash,
            kind,
            codes,
            capacity_types,
            status,
            status_since,
            target,
        }))
    }

    /// Writes prepared records: providers, services, then their parts, a few statements per batch.
    async fn flush(&mut self, tx: &mut Tx, batch: Vec<Prepared>) -> StoreResult<()> {
        if batch.is_empty() {
            return Ok(());
        }
        self.write_organizations(tx, &batch).await?;
        let mut written: Vec<(i64, &Prepared)> = Vec::new();
        let mut fresh: Vec<&Prepared> = Vec::new();
        let mut replaced: Vec<i64> = Vec::new();
        for prepared in &batch {
            match prepared.target {
                Target::New => fresh.push(prepared),
                Target::Changed(id) => {
                    self.update_service(tx, id, prepared).await?;
                    replaced.push(id);
                    written.push((id, prepared));
                }
                Target::StatusOnly(id) => self.update_status(tx, id, prepared).await?,
            }
        }
        for (id, prepared) in self.insert_services(tx, &fresh).await? {
            written.push((id, prepared));
        }
        delete_parts(tx, &replaced).await?;
        let parts: Vec<(i64, Parts<'_>)> = written.iter().map(|(id, p)| (*id, p.parts())).collect();
        insert_parts(tx, &parts).await?;
        Ok(())
    }

    async fn write_organizations(&mut self, tx: &mut Tx, batch: &[Prepared]) -> StoreResult<()> {
        let mut fresh: Vec<(&Organization, String)> = Vec::new();
        for prepared in batch
            .iter()
            .filter(|p| !matches!(p.target, Target::StatusOnly(_)))
        {
            let organization = &prepared.record.organization;
            let Some(ico) = organization.ico.as_ref().map(ToString::to_string) else {
                continue;
            };
            let hash = fingerprint(organization);
            match self.organizations.get(&ico) {
                Some((_, known)) if *known == hash => {}
                Some((id, _)) => {
                    let id = *id;
                    sqlx::query(
                        "UPDATE organization SET name = $2, legal_form = $3, seat = $4, contacts = $5, \
                         record_hash = $6, updated_at = $7 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(organization.name.as_str())
                    .bind(organization.legal_form.as_deref())
                    .bind(organization.seat.as_ref().map(json))
                    .bind(json(&organization.contacts))
                    .bind(hash.as_str())
                    .bind(self.now)
                    .execute(&mut **tx)
                    .await?;
                    self.organizations.insert(ico, (id, hash));
                }
                None if fresh.iter().any(|(o, _)| o.ico == organization.ico) => {}
                None => fresh.push((organization, hash)),
            }
        }
        if fresh.is_empty() {
            return Ok(());
        }
        let mut query = sqlx::QueryBuilder::<super::Db>::new(
            "INSERT INTO organization (ico, name, legal_form, seat, contacts, source, is_demo, record_hash, updated_at) ",
        );
        query.push_values(&fresh, |mut row, (organization, hash)| {
            row.push_bind(organization.ico.as_ref().map(ToString::to_string))
                .push_bind(organization.name.clone())
                .push_bind(organization.legal_form.clone())
                .push_bind(organization.seat.as_ref().map(json))
                .push_bind(json(&organization.contacts))
                .push_bind("registry")
                .push_bind(self.options.demo)
                .push_bind(hash.clone())
                .push_bind(self.now);
        });
        query.push(" RETURNING id, ico");
        let rows: Vec<(i64, String)> = query.build_query_as().fetch_all(&mut **tx).await?;
        for (id, ico) in rows {
            let hash = fresh
                .iter()
                .find(|(o, _)| o.ico.as_ref().is_some_and(|i| i.as_str() == ico))
                .map(|(_, h)| h.clone())
                .unwrap_or_default();
            self.organizations.insert(ico, (id, hash));
        }
        Ok(())
    }

    fn organization_id(&self, prepared: &Prepared) -> StoreResult<i64> {
        prepared
            .record
            .organization
            .ico
            .as_ref()
            .and_then(|ico| self.organizations.get(ico.as_str()))
            .map(|(id, _)| *id)
            .ok_or_else(|| {
                StoreError::Invalid(format!(
                    "service {} has no provider IČO",
                    prepared.record.registration_id
                ))
            })
    }

    async fn insert_services<'p>(
        &mut self,
        tx: &mut Tx,
        fresh: &[&'p Prepared],
    ) -> StoreResult<Vec<(i64, &'p Prepared)>> {
        if fresh.is_empty() {
            return Ok(Vec::new());
        }
        let organization_ids = fresh
            .iter()
            .map(|p| self.organization_id(p))
            .collect::<StoreResult<Vec<_>>>()?;
        let mut query = sqlx::QueryBuilder::<super::Db>::new(
            "INSERT INTO service (registration_id, portal_id, source, organization_id, name, kind, \
             description, fees, contacts, status, status_since, provided_from, provided_to, is_demo, \
             record_hash, created_at, updated_at) ",
        );
        query.push_values(
            fresh.iter().zip(&organization_ids),
            |mut row, (p, organization_id)| {
                let r = &p.record;
                row.push_bind(r.registration_id.to_string())
                    .push_bind(r.portal_id)
                    .push_bind("registry")
                    .push_bind(*organization_id)
                    .push_bind(r.name.clone())
                    .push_bind(p.kind.clone())
                    .push_bind(r.description.clone())
                    .push_bind(r.fees.clone())
                    .push_bind(json(&r.contacts))
                    .push_bind(p.status.key())
                    .push_bind(p.status_since)
                    .push_bind(r.provided_from)
                    .push_bind(r.provided_to)
                    .push_bind(self.options.demo)
                    .push_bind(p.hash.clone())
                    .push_bind(self.now)
                    .push_bind(self.now);
            },
        );
        query.push(" RETURNING id, registration_id");
        let rows: Vec<(i64, String)> = query.build_query_as().fetch_all(&mut **tx).await?;
        let ids: HashMap<String, i64> = rows.into_iter().map(|(id, reg)| (reg, id)).collect();
        self.report.added += fresh.len() as u64;
        self.report.ended += fresh
            .iter()
            .filter(|p| p.status == ServiceStatus::Ended)
            .count() as u64;
        fresh
            .iter()
            .map(|p| {
                ids.get(p.record.registration_id.as_str())
                    .map(|id| (*id, *p))
                    .ok_or_else(|| StoreError::Database("a new service got no id".into()))
            })
            .collect()
    }

    async fn update_service(
        &mut self,
        tx: &mut Tx,
        id: i64,
        prepared: &Prepared,
    ) -> StoreResult<()> {
        let organization_id = self.organization_id(prepared)?;
        let r = &prepared.record;
        self.record_conflicts(tx, id, r).await?;
        let existing = self.existing.get(r.registration_id.as_str());
        let newly_ended = prepared.status == ServiceStatus::Ended
            && existing.is_some_and(|e| e.status != ServiceStatus::Ended);
        let changes = existing
            .map(|e| registry_changes(e, r, prepared.status))
            .unwrap_or_default();
        self.record_history(tx, id, &changes).await?;
        sqlx::query(
            "UPDATE service SET portal_id = $2, organization_id = $3, name = $4, kind = $5, \
             description = $6, fees = $7, contacts = $8, status = $9, status_since = $10, \
             provided_from = $11, provided_to = $12, record_hash = $13, updated_at = $14 WHERE id = $1",
        )
        .bind(id)
        .bind(r.portal_id)
        .bind(organization_id)
        .bind(r.name.as_str())
        .bind(prepared.kind.as_str())
        .bind(r.description.as_deref())
        .bind(r.fees.as_deref())
        .bind(json(&r.contacts))
        .bind(prepared.status.key())
        .bind(prepared.status_since)
        .bind(r.provided_from)
        .bind(r.provided_to)
        .bind(prepared.hash.as_str())
        .bind(self.now)
        .execute(&mut **tx)
        .await?;
        self.report.updated += 1;
        if newly_ended {
            self.report.ended += 1;
        }
        Ok(())
    }

    async fn update_status(
        &mut self,
        tx: &mut Tx,
        id: i64,
        prepared: &Prepared,
    ) -> StoreResult<()> {
        let before = self
            .existing
            .get(prepared.record.registration_id.as_str())
            .map_or(prepared.status, |e| e.status);
        let changes: Vec<RegistryChange> =
            status_change(before, prepared.status).into_iter().collect();
        self.record_history(tx, id, &changes).await?;
        sqlx::query(
            "UPDATE service SET status = $2, status_since = $3, updated_at = $4 WHERE id = $1",
        )
        .bind(id)
        .bind(prepared.status.key())
        .bind(prepared.status_since)
        .bind(self.now)
        .execute(&mut **tx)
        .await?;
        if prepared.status == ServiceStatus::Ended {
            self.report.ended += 1;
        }
        Ok(())
    }

    /// A locally edited field whose registry value changed: the local value stays, the change is
    /// recorded for the coordinator.
    async fn record_conflicts(
        &mut self,
        tx: &mut Tx,
        id: i64,
        record: &RegistryRecord,
    ) -> StoreResult<()> {
        let Some(overrides) = self.overrides.get(&id) else {
            return Ok(());
        };
        let Some(old) = self.existing.get(record.registration_id.as_str()) else {
            return Ok(());
        };
        for (field, local) in overrides {
            let before = registry_value(
                *field,
                &old.name,
                &old.description,
                &old.fees,
                &old.contacts,
            );
            let after = registry_value(
                *field,
                &record.name,
                &record.description,
                &record.fees,
                &record.contacts,
            );
            if before == after {
                continue;
            }
            sqlx::query(
                "INSERT INTO import_conflict (service_id, field, registry_before, registry_after, \
                 local_value, detected_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(field.key())
            .bind(before.as_str())
            .bind(after.as_str())
            .bind(local.as_str())
            .bind(self.now)
            .execute(&mut **tx)
            .await?;
            self.report.conflicts.push(ConflictNote {
                registration_id: record.registration_id.to_string(),
                field: field.key().to_owned(),
                registry_before: Some(before),
                registry_after: Some(after),
                local_value: local.clone(),
            });
        }
        Ok(())
    }

    /// Registry services the file no longer lists are ended, never deleted.
    async fn end_missing(&mut self, tx: &mut Tx) -> StoreResult<()> {
        let missing: Vec<(i64, ServiceStatus)> = self
            .existing
            .values()
            .filter(|e| !e.seen && e.status != ServiceStatus::Ended)
            .map(|e| (e.id, e.status))
            .collect();
        for (id, status) in &missing {
            let changes: Vec<RegistryChange> = status_change(*status, ServiceStatus::Ended)
                .into_iter()
                .collect();
            self.record_history(tx, *id, &changes).await?;
        }
        let missing: Vec<i64> = missing.into_iter().map(|(id, _)| id).collect();
        for chunk in missing.chunks(400) {
            let mut query = sqlx::QueryBuilder::<super::Db>::new(
                "UPDATE service SET status = 'ended', status_since = ",
            );
            query.push_bind(self.options.today);
            query.push(", updated_at = ");
            query.push_bind(self.now);
            query.push(" WHERE id IN (");
            let mut list = query.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            query.push(")");
            query.build().execute(&mut **tx).await?;
        }
        self.report.ended += missing.len() as u64;
        Ok(())
    }
}

/// The tables holding the parts of a service.
const PART_TABLES: [&str; 6] = [
    "service_form",
    "service_capacity",
    "opening_hours",
    "service_code",
    "facility",
    "service_area_unit",
];

pub(crate) async fn delete_parts(tx: &mut Tx, ids: &[i64]) -> StoreResult<()> {
    for chunk in ids.chunks(400) {
        for table in PART_TABLES {
            let mut query = sqlx::QueryBuilder::<super::Db>::new(format!(
                "DELETE FROM {table} WHERE service_id IN ("
            ));
            let mut list = query.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            query.push(")");
            query.build().execute(&mut **tx).await?;
        }
    }
    Ok(())
}

/// The parts of one service to write: forms (with their capacity types as codelist keys, form by
/// form), target and age group codes, facilities and service-area units.
pub(crate) struct Parts<'a> {
    pub forms: &'a [souhra_core::catalogue::ServiceForm],
    pub capacity_types: &'a [Vec<String>],
    pub codes: &'a [(Codelist, String)],
    pub facilities: &'a [souhra_core::catalogue::Facility],
    pub units: &'a [AreaUnit],
}

impl Prepared {
    fn parts(&self) -> Parts<'_> {
        Parts {
            forms: &self.record.forms,
            capacity_types: &self.capacity_types,
            codes: &self.codes,
            facilities: &self.record.facilities,
            units: &self.record.service_area,
        }
    }
}

pub(crate) async fn insert_parts(tx: &mut Tx, written: &[(i64, Parts<'_>)]) -> StoreResult<()> {
    let none = souhra_core::progress::NoProgress;
    let forms: Vec<(i64, &souhra_core::catalogue::ServiceForm)> = written
        .iter()
        .flat_map(|(id, p)| p.forms.iter().map(move |f| (*id, f)))
        .collect();
    batch::insert_stage(
        tx,
        &none,
        "forms",
        (
            "INSERT INTO service_form (service_id, form, continuous, hours_note) ",
            "",
        ),
        &forms,
        |row, (id, f)| {
            row.push_bind(*id)
                .push_bind(f.form.key())
                .push_bind(f.continuous)
                .push_bind(f.hours_note.clone());
        },
    )
    .await?;
    type CapacityRow = (i64, &'static str, i64, String, i64, Option<String>);
    let capacities: Vec<CapacityRow> = written
        .iter()
        .flat_map(|(id, p)| {
            p.forms
                .iter()
                .zip(p.capacity_types)
                .flat_map(move |(form, keys)| {
                    form.capacities.iter().zip(keys).enumerate().map(
                        move |(position, (capacity, key))| {
                            (
                                *id,
                                form.form.key(),
                                position as i64,
                                key.clone(),
                                i64::from(capacity.count),
                                capacity.note.clone(),
                            )
                        },
                    )
                })
        })
        .collect();
    batch::insert_stage(
        tx,
        &none,
        "capacities",
        ("INSERT INTO service_capacity (service_id, form, position, capacity_type, count, note) ", ""),
        &capacities,
        |row, (id, form, position, key, count, note)| {
            row.push_bind(*id).push_bind(*form).push_bind(*position).push_bind(key.clone()).push_bind(*count).push_bind(note.clone());
        },
    )
    .await?;
    type HoursRow = (i64, &'static str, i64, i64, String, String);
    let hours: Vec<HoursRow> = written
        .iter()
        .flat_map(|(id, p)| {
            p.forms.iter().flat_map(move |form| {
                form.hours.iter().enumerate().map(move |(position, h)| {
                    (
                        *id,
                        form.form.key(),
                        position as i64,
                        i64::from(h.weekday.number()),
                        h.opens.format("%H:%M").to_string(),
                        h.closes.format("%H:%M").to_string(),
                    )
                })
            })
        })
        .collect();
    batch::insert_stage(
        tx,
        &none,
        "hours",
        (
            "INSERT INTO opening_hours (service_id, form, position, weekday, opens, closes) ",
            "",
        ),
        &hours,
        |row, (id, form, position, weekday, opens, closes)| {
            row.push_bind(*id)
                .push_bind(*form)
                .push_bind(*position)
                .push_bind(*weekday)
                .push_bind(opens.clone())
                .push_bind(closes.clone());
        },
    )
    .await?;
    let codes: Vec<(i64, &'static str, String)> = written
        .iter()
        .flat_map(|(id, p)| {
            p.codes
                .iter()
                .map(move |(list, key)| (*id, list.key(), key.clone()))
        })
        .collect();
    batch::insert_stage(
        tx,
        &none,
        "codes",
        ("INSERT INTO service_code (service_id, codelist, key) ", ""),
        &codes,
        |row, (id, list, key)| {
            row.push_bind(*id).push_bind(*list).push_bind(key.clone());
        },
    )
    .await?;
    let facilities: Vec<(i64, i64, &souhra_core::catalogue::Facility)> = written
        .iter()
        .flat_map(|(id, p)| {
            p.facilities
                .iter()
                .enumerate()
                .map(move |(position, f)| (*id, position as i64, f))
        })
        .collect();
    batch::insert_stage(
        tx,
        &none,
        "facilities",
        (
            "INSERT INTO facility (service_id, key, position, name, street, house_number, \
             orientation_number, postcode, municipality_code, address_point, latitude, longitude, \
             hidden_address, provided_from, provided_to) ",
            "",
        ),
        &facilities,
        |row, (id, position, f)| {
            let address = f.address.clone().unwrap_or_default();
            row.push_bind(*id)
                .push_bind(f.key.clone())
                .push_bind(*position)
                .push_bind(f.name.clone())
                .push_bind(address.street)
                .push_bind(address.house_number)
                .push_bind(address.orientation_number)
                .push_bind(address.postcode.map(|p| i64::from(p.get())))
                .push_bind(f.municipality.map(i64::from))
                .push_bind(address.address_point.and_then(|a| i64::try_from(a).ok()))
                .push_bind(f.point.map(|p| p.lat))
                .push_bind(f.point.map(|p| p.lon))
                .push_bind(f.hidden_address)
                .push_bind(f.from)
                .push_bind(f.to);
        },
    )
    .await?;
    let units: Vec<(i64, &'static str, i64)> = written
        .iter()
        .flat_map(|(id, p)| {
            let mut units: Vec<AreaUnit> = p.units.to_vec();
            units.sort();
            units.dedup();
            units.into_iter().map(move |u| {
                let (kind, code) = u.parts();
                (*id, kind, i64::from(code))
            })
        })
        .collect();
    batch::insert_stage(
        tx,
        &none,
        "service areas",
        (
            "INSERT INTO service_area_unit (service_id, kind, code) ",
            "",
        ),
        &units,
        |row, (id, kind, code)| {
            row.push_bind(*id).push_bind(*kind).push_bind(*code);
        },
    )
    .await?;
    Ok(())
}

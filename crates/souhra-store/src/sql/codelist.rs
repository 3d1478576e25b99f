use souhra_core::codelist::{
    Codelist, CodelistEntry, IdStatus, KindCategory, Paragraph, forms_from_text, forms_to_text,
};

use super::{Pool, Tx};
use crate::error::stored;
use crate::{StoreError, StoreResult};

type EntryRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    i64,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

const ENTRY_SELECT: &str = "SELECT codelist, key, label, registry_id, registry_id_status, \
     mpsv_api_id, sort_order, paragraph, category, forms, age_from, age_to, registry_label \
     FROM codelist_entry";

fn entry_from_row(row: EntryRow) -> StoreResult<CodelistEntry> {
    let (
        list,
        key,
        label,
        registry_id,
        status,
        api_id,
        sort_order,
        paragraph,
        category,
        forms,
        age_from,
        age_to,
        registry_label,
    ) = row;
    let age = |v: Option<i64>| v.map(|v| stored(v, "age", u8::try_from)).transpose();
    Ok(CodelistEntry {
        codelist: stored(list, "codelist", |l| {
            Codelist::from_key(&l).ok_or("unknown codelist")
        })?,
        key,
        label,
        registry_id,
        registry_id_status: IdStatus::from_key(&status),
        mpsv_api_id: api_id,
        sort_order,
        paragraph: paragraph
            .map(|p| stored(p, "paragraph", |p| Paragraph::parse(&p)))
            .transpose()?,
        category: category
            .map(|c| {
                stored(c, "kind category", |c| {
                    KindCategory::parse(&c).ok_or("unknown category")
                })
            })
            .transpose()?,
        forms: forms_from_text(&forms),
        age_from: age(age_from)?,
        age_to: age(age_to)?,
        registry_label,
    })
}

async fn upsert(tx: &mut Tx, entry: &CodelistEntry, origin: &str) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO codelist_entry (codelist, key, label, registry_id, registry_id_status, \
         mpsv_api_id, sort_order, paragraph, category, forms, age_from, age_to, registry_label, origin) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
         ON CONFLICT (codelist, key) DO UPDATE SET label = excluded.label, \
         registry_id = excluded.registry_id, registry_id_status = excluded.registry_id_status, \
         mpsv_api_id = excluded.mpsv_api_id, sort_order = excluded.sort_order, \
         paragraph = excluded.paragraph, category = excluded.category, forms = excluded.forms, \
         age_from = excluded.age_from, age_to = excluded.age_to, \
         registry_label = excluded.registry_label, origin = excluded.origin",
    )
    .bind(entry.codelist.key())
    .bind(entry.key.as_str())
    .bind(entry.label.as_deref())
    .bind(entry.registry_id.as_deref())
    .bind(entry.registry_id_status.key())
    .bind(entry.mpsv_api_id)
    .bind(entry.sort_order)
    .bind(entry.paragraph.map(|p| p.to_string()))
    .bind(entry.category.map(|c| c.key()))
    .bind(forms_to_text(&entry.forms))
    .bind(entry.age_from.map(i64::from))
    .bind(entry.age_to.map(i64::from))
    .bind(entry.registry_label.as_deref())
    .bind(origin)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(crate) async fn load(pool: &Pool, entries: &[CodelistEntry]) -> StoreResult<u64> {
    let mut tx = super::begin_write(pool).await?;
    // Registry ids may move between bundled entries from one data release to the next; clearing
    // them first keeps the unique index on (codelist, registry_id) satisfied during the upserts.
    for entry in entries {
        sqlx::query(
            "UPDATE codelist_entry SET registry_id = NULL WHERE codelist = $1 AND key = $2",
        )
        .bind(entry.codelist.key())
        .bind(entry.key.as_str())
        .execute(&mut *tx)
        .await?;
    }
    for entry in entries {
        // A code met in imported data before the codelist files labelled it is now labelled by
        // a bundled entry: the bundled entry takes the id over. Nothing refers to codelist
        // entries yet; once catalogue records do, their references must move to the bundled
        // key here, in the same transaction, before the imported entry goes.
        if let Some(registry_id) = &entry.registry_id {
            sqlx::query(
                "DELETE FROM codelist_entry WHERE codelist = $1 AND registry_id = $2 \
                 AND origin = 'imported' AND key <> $3",
            )
            .bind(entry.codelist.key())
            .bind(registry_id.as_str())
            .bind(entry.key.as_str())
            .execute(&mut *tx)
            .await?;
        }
        upsert(&mut tx, entry, "bundled").await?;
    }
    tx.commit().await?;
    Ok(entries.len() as u64)
}

pub(crate) async fn list(pool: &Pool, codelist: Codelist) -> StoreResult<Vec<CodelistEntry>> {
    let rows: Vec<EntryRow> = sqlx::query_as(&format!(
        "{ENTRY_SELECT} WHERE codelist = $1 ORDER BY sort_order, key"
    ))
    .bind(codelist.key())
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(entry_from_row).collect()
}

async fn by_registry_id(
    pool: &Pool,
    codelist: Codelist,
    registry_id: &str,
) -> StoreResult<Option<CodelistEntry>> {
    let row: Option<EntryRow> = sqlx::query_as(&format!(
        "{ENTRY_SELECT} WHERE codelist = $1 AND registry_id = $2"
    ))
    .bind(codelist.key())
    .bind(registry_id)
    .fetch_optional(pool)
    .await?;
    row.map(entry_from_row).transpose()
}

pub(crate) async fn ensure_registry_code(
    pool: &Pool,
    codelist: Codelist,
    registry_id: &str,
) -> StoreResult<CodelistEntry> {
    let registry_id = registry_id.trim();
    let prefix = format!("{}/", codelist.registry_prefix());
    if !registry_id.starts_with(&prefix)
        || registry_id.len() == prefix.len()
        || registry_id.len() > 100
    {
        return Err(StoreError::Invalid(format!(
            "{registry_id:?} is not an id of the registry codelist {}",
            codelist.registry_prefix()
        )));
    }
    if let Some(entry) = by_registry_id(pool, codelist, registry_id).await? {
        return Ok(entry);
    }
    let mut tx = super::begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO codelist_entry (codelist, key, registry_id, registry_id_status, sort_order, \
         forms, origin) VALUES ($1, $2, $2, $3, $4, '', 'imported') \
         ON CONFLICT (codelist, key) DO NOTHING",
    )
    .bind(codelist.key())
    .bind(registry_id)
    .bind(IdStatus::Confirmed.key())
    .bind(CodelistEntry::unlabelled(codelist, registry_id).sort_order)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    by_registry_id(pool, codelist, registry_id)
        .await?
        .ok_or_else(|| StoreError::Database(format!("codelist entry {registry_id} vanished")))
}

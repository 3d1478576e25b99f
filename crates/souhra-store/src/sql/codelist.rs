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

pub(crate) async fn display_labels(pool: &Pool) -> StoreResult<Vec<(Codelist, String, String)>> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT codelist, key, label FROM codelist_display_label")
            .fetch_all(pool)
            .await?;
    rows.into_iter()
        .map(|(list, key, label)| {
            let list = stored(list, "codelist", |l| {
                Codelist::from_key(&l).ok_or("unknown codelist")
            })?;
            Ok((list, key, label))
        })
        .collect()
}

pub(crate) async fn set_display_labels(
    pool: &Pool,
    codelist: Codelist,
    labels: &[(&str, Option<&str>)],
    by: Option<souhra_core::account::AccountId>,
    at: chrono::DateTime<chrono::Utc>,
) -> StoreResult<usize> {
    let mut tx = super::begin_write(pool).await?;
    let mut changed = 0;
    for (key, label) in labels {
        if set_label(&mut tx, codelist, key, *label, by, at).await? {
            changed += 1;
        }
    }
    tx.commit().await?;
    Ok(changed)
}

async fn set_label(
    tx: &mut Tx,
    codelist: Codelist,
    key: &str,
    label: Option<&str>,
    by: Option<souhra_core::account::AccountId>,
    at: chrono::DateTime<chrono::Utc>,
) -> StoreResult<bool> {
    let label = label.map(str::trim).filter(|l| !l.is_empty());
    if let Some(label) = label
        && (label.chars().count() > crate::codelist::DISPLAY_LABEL_MAX
            || label.chars().any(char::is_control))
    {
        return Err(StoreError::Invalid(format!(
            "a display label has at most {} characters and no control characters",
            crate::codelist::DISPLAY_LABEL_MAX
        )));
    }
    let exists: Option<(String,)> =
        sqlx::query_as("SELECT key FROM codelist_entry WHERE codelist = $1 AND key = $2")
            .bind(codelist.key())
            .bind(key)
            .fetch_optional(&mut **tx)
            .await?;
    if exists.is_none() {
        return Err(StoreError::NotFound(format!(
            "codelist {} has no entry {key:?}",
            codelist.key()
        )));
    }
    let before: Option<(String,)> =
        sqlx::query_as("SELECT label FROM codelist_display_label WHERE codelist = $1 AND key = $2")
            .bind(codelist.key())
            .bind(key)
            .fetch_optional(&mut **tx)
            .await?;
    if before.as_ref().map(|b| b.0.as_str()) == label {
        return Ok(false);
    }
    match label {
        Some(label) => {
            sqlx::query(
                "INSERT INTO codelist_display_label (codelist, key, label, changed_by, changed_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (codelist, key) DO UPDATE SET \
                 label = excluded.label, changed_by = excluded.changed_by, \
                 changed_at = excluded.changed_at",
            )
            .bind(codelist.key())
            .bind(key)
            .bind(label)
            .bind(by.map(|a| a.0))
            .bind(at)
            .execute(&mut **tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM codelist_display_label WHERE codelist = $1 AND key = $2")
                .bind(codelist.key())
                .bind(key)
                .execute(&mut **tx)
                .await?;
        }
    }
    let detail = format!(
        "{}/{key}: {} -> {}",
        codelist.key(),
        before.map_or_else(|| "-".to_owned(), |b| b.0),
        label.unwrap_or("-")
    );
    super::history::audit(tx, at, by, None, "codelist.label", None, Some(&detail)).await?;
    Ok(true)
}

use super::Pool;
use crate::StoreResult;

pub(crate) async fn get(pool: &Pool, key: &str) -> StoreResult<Option<String>> {
    let value: Option<(String,)> = sqlx::query_as("SELECT value FROM meta WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?;
    Ok(value.map(|(v,)| v))
}

pub(crate) async fn set(executor: &mut super::Tx, key: &str, value: &str) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO meta (key, value) VALUES ($1, $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut **executor)
    .await?;
    Ok(())
}

pub(crate) async fn set_now(pool: &Pool, key: &str, value: &str) -> StoreResult<()> {
    let mut tx = super::begin_write(pool).await?;
    set(&mut tx, key, value).await?;
    tx.commit().await?;
    Ok(())
}

//! Multi-row inserts: one statement per batch instead of one per row, which matters for
//! PostgreSQL round trips when loading thousands of municipalities.

use sqlx::QueryBuilder;
use sqlx::query_builder::Separated;

use souhra_core::progress::Progress;

use super::{Db, Tx};
use crate::StoreResult;

/// Rows per statement; with at most 16 columns this stays far below both databases' limits on
/// bound parameters.
const ROWS_PER_STATEMENT: usize = 400;

/// Inserts `items` with `head` (`INSERT INTO t (a, b) `) and `tail` (`ON CONFLICT …` or ``),
/// binding each item's values with `bind`. Calls `done` with the number of rows after each batch.
pub(crate) async fn insert<'a, T>(
    tx: &mut Tx,
    head: &str,
    tail: &str,
    items: &'a [T],
    mut bind: impl FnMut(&mut Separated<'_, 'a, Db, &'static str>, &'a T),
    mut done: impl FnMut(u64),
) -> StoreResult<()> {
    for chunk in items.chunks(ROWS_PER_STATEMENT) {
        let mut query = QueryBuilder::new(head);
        query.push_values(chunk, |mut row, item| bind(&mut row, item));
        query.push(tail);
        query.build().execute(&mut **tx).await?;
        done(chunk.len() as u64);
    }
    Ok(())
}

/// [`insert`], reported to `progress` as one stage named `stage`.
pub(crate) async fn insert_stage<'a, T>(
    tx: &mut Tx,
    progress: &dyn Progress,
    stage: &str,
    (head, tail): (&str, &str),
    items: &'a [T],
    bind: impl FnMut(&mut Separated<'_, 'a, Db, &'static str>, &'a T),
) -> StoreResult<()> {
    progress.stage(stage, items.len() as u64);
    insert(tx, head, tail, items, bind, |n| progress.advance(n)).await?;
    progress.finish_stage();
    Ok(())
}

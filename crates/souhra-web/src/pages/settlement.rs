//! The settlement table of a plan's public comment — every comment of the newest version that
//! was commented on, its author as published (or "the public"), the part of the plan, the text
//! and proposed wording, the settlement and its justification — as a PDF (the annex for the
//! council) and as XLSX. E-mail addresses never appear; hidden (abusive) comments are counted,
//! not printed. The public gets it from the comment page, the administration from its own.

use axum::extract::{OriginalUri, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use fluent_bundle::FluentArgs;
use souhra_core::area::Area;
use souhra_core::comment::Settlement;
use souhra_core::policy::Action;
use souhra_docs::settlement::{SETTLEMENT_LABEL_KEYS, SettlementDocument, SettlementRow};
use souhra_interop::sheet::write::{Cell, Table, write_tables};
use souhra_store::plan::Plan;

use super::admin::area_page;
use super::comments::{labels_of, period_line};
use super::load_area;
use crate::auth::private;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

/// The table of the newest version with comments, or `None` when nobody commented.
pub(crate) async fn settlement_document(
    state: &AppState,
    lang: Lang,
    area: &Area,
    plan: &Plan,
) -> Result<Option<SettlementDocument>, AppError> {
    let store = state.store();
    let comments = store.plan_comments(plan.id).await?;
    let Some(version_id) = comments.iter().map(|c| c.version).max() else {
        return Ok(None);
    };
    let Some(version) = plan.versions.iter().find(|v| v.id == version_id) else {
        return Ok(None);
    };
    let tr = state.translations();
    let t = |key: &str| tr.text(lang, key, None);
    let elements = store.plan_elements(version.id).await?;
    let labels = labels_of(state, lang, &elements);
    let of_version: Vec<_> = comments
        .iter()
        .filter(|c| c.version == version.id)
        .collect();
    let hidden = of_version.iter().filter(|c| c.hidden.is_some()).count();
    let shown: Vec<_> = of_version.iter().filter(|c| c.hidden.is_none()).collect();
    let public = t("comment-public");
    let rows: Vec<SettlementRow> = shown
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let settlement = c.settlement.as_ref();
            let mut justification = settlement
                .map(|s| s.justification.clone())
                .unwrap_or_default();
            if let Some(changed) = settlement.and_then(|s| s.change.as_ref()) {
                let mut args = FluentArgs::new();
                args.set(
                    "element",
                    labels
                        .get(changed.as_str())
                        .cloned()
                        .unwrap_or_else(|| changed.to_string()),
                );
                justification = format!(
                    "{justification} ({})",
                    tr.text(lang, "comment-changed", Some(&args))
                );
            }
            SettlementRow {
                number: (i + 1).to_string(),
                author: c.author.public_name().unwrap_or_else(|| public.clone()),
                date: lang.format_date(souhra_store::comment::prague_day(c.submitted_at)),
                element: c
                    .element_label
                    .clone()
                    .or_else(|| {
                        c.element
                            .as_ref()
                            .and_then(|k| labels.get(k.as_str()).cloned())
                    })
                    .unwrap_or_else(|| t("comment-element-whole")),
                comment: c.body.clone(),
                proposal: c.proposal.clone().unwrap_or_default(),
                status: settlement.map_or_else(
                    || t("settlement-none"),
                    |s| t(&format!("settlement-{}", s.status.key())),
                ),
                justification,
            }
        })
        .collect();
    let mut args = FluentArgs::new();
    args.set("total", shown.len());
    for s in Settlement::ALL {
        let count = shown
            .iter()
            .filter(|c| c.settlement.as_ref().is_some_and(|x| x.status == *s))
            .count();
        args.set(s.key(), count);
    }
    args.set(
        "none",
        shown.iter().filter(|c| c.settlement.is_none()).count(),
    );
    let summary = tr.text(lang, "settlement-summary", Some(&args));
    let mut hidden_args = FluentArgs::new();
    hidden_args.set("count", hidden);
    let periods: Vec<String> = store
        .comment_periods(plan.id)
        .await?
        .iter()
        .filter(|p| p.version == version.id)
        .map(|p| period_line(state, lang, p))
        .collect();
    let mut version_args = FluentArgs::new();
    version_args.set("number", version.number);
    Ok(Some(SettlementDocument {
        lang: lang.code().to_owned(),
        title: format!("{} – {}", t("settlement-title"), plan.title),
        keywords: vec![t("settlement-title"), area.name.clone()],
        plan: format!("{}, {}", plan.title, area.name),
        periods: format!(
            "{}; {}",
            tr.text(lang, "plan-version", Some(&version_args)),
            periods.join("; ")
        ),
        summary,
        hidden: if hidden > 0 {
            tr.text(lang, "settlement-hidden", Some(&hidden_args))
        } else {
            String::new()
        },
        edition: lang.format_date(chrono::Utc::now().date_naive()),
        demo: area.is_demo.then(|| t("doc-demo")),
        labels: SETTLEMENT_LABEL_KEYS
            .iter()
            .map(|k| {
                (
                    (*k).to_owned(),
                    t(&format!("doc-settlement-{}", k.replace('_', "-"))),
                )
            })
            .collect(),
        rows,
    }))
}

/// The table as a worksheet.
pub(crate) fn settlement_sheet(doc: &SettlementDocument) -> Result<Vec<u8>, AppError> {
    let label = |k: &str| doc.labels.get(k).cloned().unwrap_or_default();
    let table = Table {
        name: label("settlement"),
        header: vec![
            label("number"),
            label("author"),
            label("element"),
            label("comment"),
            label("proposal"),
            label("settlement"),
            label("justification"),
        ],
        rows: doc
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Number(r.number.parse().unwrap_or(0.0)),
                    Cell::Text(format!("{} ({})", r.author, r.date)),
                    Cell::Text(r.element.clone()),
                    Cell::Text(r.comment.clone()),
                    Cell::Text(r.proposal.clone()),
                    Cell::Text(r.status.clone()),
                    Cell::Text(r.justification.clone()),
                ]
            })
            .collect(),
    };
    write_tables(&doc.title, &[table]).map_err(|e| AppError::Internal(e.to_string()))
}

async fn respond(
    state: &AppState,
    lang: Lang,
    area: &Area,
    plan: &Plan,
    pdf: bool,
) -> Result<Response, AppError> {
    let doc = settlement_document(state, lang, area, plan)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = format!("vyporadani-pripominek-{}", plan.id.0);
    if pdf {
        let printed = state.print_settlement(doc).await?;
        Ok(super::print::pdf_response(
            printed.bytes,
            &format!("{name}.pdf"),
            None,
        ))
    } else {
        let bytes = settlement_sheet(&doc)?;
        Ok(super::plan_export::xlsx_download(
            bytes,
            &format!("{name}.xlsx"),
        ))
    }
}

async fn public_table(
    state: &AppState,
    lang: Lang,
    (slug, id_and_slug): (String, String),
    pdf: bool,
) -> Result<Response, AppError> {
    let area = load_area(state, &slug).await?;
    let id = super::id_of_segment(&id_and_slug)?;
    let plan = super::planning::plan_in(state, &area, id).await?;
    respond(state, lang, &area, &plan, pdf).await
}

/// `/{area}/plan/{id}-{slug}/vyporadani.pdf`.
pub(crate) async fn public_pdf(
    State(state): State<AppState>,
    lang: Lang,
    Path(path): Path<(String, String)>,
) -> Result<Response, AppError> {
    public_table(&state, lang, path, true).await
}

/// `/{area}/plan/{id}-{slug}/vyporadani.xlsx`.
pub(crate) async fn public_xlsx(
    State(state): State<AppState>,
    lang: Lang,
    Path(path): Path<(String, String)>,
) -> Result<Response, AppError> {
    public_table(&state, lang, path, false).await
}

async fn admin_table(
    state: &AppState,
    lang: Lang,
    (slug, id): (String, i64),
    headers: &HeaderMap,
    uri: &OriginalUri,
    pdf: bool,
) -> Result<Response, AppError> {
    let (_, area) = match area_page(state, headers, uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let plan = super::planning::plan_in(state, &area, id).await?;
    Ok(private(respond(state, lang, &area, &plan, pdf).await?))
}

/// `/sprava/{area}/plan/{id}/vyporadani.pdf`.
pub(crate) async fn admin_pdf(
    State(state): State<AppState>,
    lang: Lang,
    Path(path): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    admin_table(&state, lang, path, &headers, &uri, true).await
}

/// `/sprava/{area}/plan/{id}/vyporadani.xlsx`.
pub(crate) async fn admin_xlsx(
    State(state): State<AppState>,
    lang: Lang,
    Path(path): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    admin_table(&state, lang, path, &headers, &uri, false).await
}

//! A plan as a workbook (XLSX): its measures, its activities and its budget lines, numbered as
//! on the page, amounts as numbers. The public gets the published version
//! (`/{area}/plan/{id}/tabulka.xlsx`), the administration the newest one.

use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use souhra_core::codelist::Codelist;
use souhra_core::plan::ElementKind;
use souhra_core::policy::Action;
use souhra_interop::sheet::write::{Cell, Table, write_tables};
use souhra_store::plan::{Plan, PlanId, PlanVersion};

use super::admin::area_page;
use super::load_area;
use super::plans::{numbers, published};
use crate::auth::private;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// The workbook of `version` of `plan`.
async fn workbook(
    state: &AppState,
    lang: Lang,
    plan: &Plan,
    version: &PlanVersion,
) -> Result<Vec<u8>, AppError> {
    let store = state.store();
    let t = |key: &str| state.translations().text(lang, key, None);
    let labels = state.labels();
    let elements = store.plan_elements(version.id).await?;
    let budget = store.plan_budget(version.id).await?;
    let indicators = store.plan_indicators(version.id).await?;
    let number = numbers(&elements);
    let no = |key| number.get(key).cloned().unwrap_or_default();
    let title_of = |key: &souhra_core::plan::ElementKey| {
        elements
            .iter()
            .find(|e| e.key == *key)
            .map(|e| e.title.clone())
            .unwrap_or_default()
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let measures = elements
        .iter()
        .filter(|e| e.kind == ElementKind::Measure)
        .map(|e| {
            let d = &e.details;
            let goal = e.parent.as_ref();
            let priority = goal
                .and_then(|g| elements.iter().find(|x| x.key == *g))
                .and_then(|g| g.parent.as_ref());
            let own: Vec<String> = indicators
                .iter()
                .filter(|(k, _)| *k == e.key)
                .map(|(_, i)| {
                    format!(
                        "{} ({}): {} ({}) -> {} ({})",
                        i.name,
                        i.unit,
                        crate::chart::number(i.baseline.value),
                        i.baseline.year,
                        crate::chart::number(i.target.value),
                        i.target.year
                    )
                })
                .collect();
            vec![
                text(no(&e.key)),
                text(priority.map(&title_of).unwrap_or_default()),
                text(goal.map(&title_of).unwrap_or_default()),
                text(e.title.clone()),
                text(
                    d.target_groups
                        .iter()
                        .map(|g| labels.label(Codelist::TargetGroup, g))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                text(d.responsible_organization.clone().unwrap_or_default()),
                text(d.responsible_person.clone().unwrap_or_default()),
                text(d.partners.clone().unwrap_or_default()),
                text(date(d.start)),
                text(date(d.end)),
                text(d.outputs.clone().unwrap_or_default()),
                text(own.join("; ")),
            ]
        })
        .collect();
    let activities = elements
        .iter()
        .filter(|e| e.kind == ElementKind::Activity)
        .map(|e| {
            let d = &e.details;
            vec![
                text(no(&e.key)),
                text(e.parent.as_ref().map(&title_of).unwrap_or_default()),
                text(e.title.clone()),
                text(d.responsible_organization.clone().unwrap_or_default()),
                text(d.responsible_person.clone().unwrap_or_default()),
                text(date(d.start)),
                text(date(d.end)),
            ]
        })
        .collect();
    let money = budget
        .iter()
        .map(|(key, line)| {
            vec![
                text(no(key)),
                text(title_of(key)),
                Cell::Number(f64::from(line.year)),
                text(t(&format!("funding-{}", line.source.key()))),
                // Whole crowns stay exact well beyond any municipal budget.
                #[allow(clippy::cast_precision_loss)]
                Cell::Number(line.amount as f64),
            ]
        })
        .collect();
    let header = |keys: &[&str]| keys.iter().map(|k| t(k)).collect::<Vec<_>>();
    let tables = [
        Table {
            name: t("plan-measures"),
            header: header(&[
                "plan-number",
                "plan-priority",
                "plan-goal",
                "plan-measure",
                "plan-target-groups",
                "planning-organization",
                "planning-person",
                "plan-partners",
                "planning-start",
                "planning-end",
                "plan-outputs",
                "planning-indicators",
            ]),
            rows: measures,
        },
        Table {
            name: t("plan-activities"),
            header: header(&[
                "plan-number",
                "plan-measure",
                "planning-kind-activity",
                "planning-organization",
                "planning-person",
                "planning-start",
                "planning-end",
            ]),
            rows: activities,
        },
        Table {
            name: t("planning-budget"),
            header: header(&[
                "plan-number",
                "installation-area-name",
                "plan-year",
                "plan-source",
                "planning-amount-czk",
            ]),
            rows: money,
        },
    ];
    write_tables(&plan.title, &tables).map_err(|e| AppError::Internal(e.to_string()))
}

fn xlsx(bytes: Vec<u8>, plan: &Plan) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    if let Ok(value) =
        HeaderValue::from_str(&format!("attachment; filename=\"plan-{}.xlsx\"", plan.id.0))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `/{area}/plan/{id}/tabulka.xlsx`: the published version.
pub(crate) async fn public(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let id = super::id_of_segment(&id_and_slug)?;
    let plan = state
        .store()
        .plan(PlanId(id))
        .await?
        .filter(|p| p.area == area.id)
        .ok_or(AppError::NotFound)?;
    let version = published(&plan).ok_or(AppError::NotFound)?;
    let bytes = workbook(&state, lang, &plan, version).await?;
    Ok(xlsx(bytes, &plan))
}

/// `/sprava/{area}/plan/{id}/tabulka.xlsx`: the newest version, drafts included.
pub(crate) async fn newest(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok((_, area)) => area,
        Err(redirect) => return Ok(redirect),
    };
    let plan = state
        .store()
        .plan(PlanId(id))
        .await?
        .filter(|p| p.area == area.id)
        .ok_or(AppError::NotFound)?;
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {id} has no version")))?;
    let bytes = workbook(&state, lang, &plan, version).await?;
    Ok(private(xlsx(bytes, &plan)))
}

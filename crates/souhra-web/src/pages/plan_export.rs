//! A plan as a workbook (XLSX: its measures, its activities and its budget lines, numbered as
//! on the page, amounts as numbers) and as a PDF (through the document engine). The public gets
//! the published version (`/{area}/plan/{id}/tabulka.xlsx`, `…/plan.pdf`), the administration
//! the newest one.

use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use souhra_core::codelist::Codelist;
use souhra_core::plan::ElementKind;
use souhra_core::policy::Action;
use souhra_interop::sheet::write::{Cell, Table, write_tables};
use souhra_store::plan::{Plan, PlanVersion};

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
    let mut tables = Vec::from(tables);
    if plan.kind.is_yearly() {
        let view = super::yearly::view(
            state,
            "",
            plan,
            version,
            &super::yearly::ReportForm::default(),
        )
        .await?;
        tables.insert(0, super::yearly::year_table(state, lang, &view));
    }
    write_tables(&plan.title, &tables).map_err(|e| AppError::Internal(e.to_string()))
}

/// A table as a CSV download named `name` (UTF-8 with a byte-order mark, so that spreadsheet
/// programs read the Czech letters; formulas defused).
pub(crate) fn csv_download(table: &Table, name: &str) -> Response {
    let mut out = String::from("\u{feff}");
    let line = |fields: Vec<String>| -> String {
        let fields: Vec<String> = fields.iter().map(|f| super::audit::csv_field(f)).collect();
        fields.join(",") + "\r\n"
    };
    out.push_str(&line(table.header.clone()));
    for row in &table.rows {
        out.push_str(&line(
            row.iter()
                .map(|c| match c {
                    Cell::Text(t) => t.clone(),
                    Cell::Number(n) => crate::chart::number(*n),
                })
                .collect(),
        ));
    }
    let mut response = out.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A workbook as a download named `name`.
pub(crate) fn xlsx_download(bytes: Vec<u8>, name: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

fn xlsx(bytes: Vec<u8>, plan: &Plan) -> Response {
    xlsx_download(bytes, &format!("plan-{}.xlsx", plan.id.0))
}

/// The area `slug`'s plan from an `{id}-{slug}` segment and its published version, or 404.
async fn published_plan(
    state: &AppState,
    slug: &str,
    id_and_slug: &str,
) -> Result<(souhra_core::area::Area, Plan), AppError> {
    let area = load_area(state, slug).await?;
    let id = super::id_of_segment(id_and_slug)?;
    let plan = super::planning::plan_in(state, &area, id).await?;
    if published(&plan).is_none() {
        return Err(AppError::NotFound);
    }
    Ok((area, plan))
}

/// For the administration: the session's area (or the redirect to log in) and its plan `id`.
async fn admin_plan(
    state: &AppState,
    headers: &HeaderMap,
    uri: &OriginalUri,
    slug: &str,
    id: i64,
) -> Result<Result<(souhra_core::area::Area, Plan), Response>, AppError> {
    let area = match area_page(state, headers, uri, slug, &Action::ViewArea).await? {
        Ok((_, area)) => area,
        Err(redirect) => return Ok(Err(redirect)),
    };
    let plan = super::planning::plan_in(state, &area, id).await?;
    if plan.latest().is_none() {
        return Err(AppError::Internal(format!("plan {id} has no version")));
    }
    Ok(Ok((area, plan)))
}

/// `/{area}/plan/{id}/tabulka.xlsx`: the published version.
pub(crate) async fn public(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (_, plan) = published_plan(&state, &slug, &id_and_slug).await?;
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
    let (_, plan) = match admin_plan(&state, &headers, &uri, &slug, id).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let version = plan.latest().ok_or(AppError::NotFound)?;
    let bytes = workbook(&state, lang, &plan, version).await?;
    Ok(private(xlsx(bytes, &plan)))
}

fn blocks(text: Option<&str>) -> Vec<souhra_docs::plan::Block> {
    text.map(crate::markdown::to_blocks).unwrap_or_default()
}

/// The printable document of `version` of `plan`.
async fn document(
    state: &AppState,
    lang: Lang,
    area: &souhra_core::area::Area,
    plan: &Plan,
    version: &PlanVersion,
) -> Result<souhra_docs::plan::PlanDocument, AppError> {
    use souhra_docs::plan::{IndicatorLine, MeasureDoc, MoneyLine, PLAN_LABEL_KEYS, Section};
    let store = state.store();
    let tr = state.translations();
    let t = |key: &str| tr.text(lang, key, None);
    let elements = store.plan_elements(version.id).await?;
    let budget = store.plan_budget(version.id).await?;
    let indicators = store.plan_indicators(version.id).await?;
    let values = store.indicator_values(plan.id).await?;
    let number = numbers(&elements);
    let no = |key| number.get(key).cloned().unwrap_or_default();
    let crowns = |amount: i64| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("amount", lang.format_integer(amount));
        tr.text(lang, "money-czk", Some(&args))
    };
    let value = |v: f64| {
        if v.fract() == 0.0 {
            #[allow(clippy::cast_possible_truncation)]
            lang.format_integer(v as i64)
        } else {
            lang.format_decimal(v, 2)
        }
    };
    let mut chapters = Vec::new();
    let mut priorities: Vec<Section<Section<MeasureDoc>>> = Vec::new();
    for e in &elements {
        fn section<T>(number: String, e: &souhra_store::plan::Element) -> Section<T> {
            Section {
                number,
                title: e.title.clone(),
                blocks: blocks(e.body.as_deref()),
                children: Vec::new(),
            }
        }
        match e.kind {
            ElementKind::Chapter => chapters.push(section::<()>(no(&e.key), e)),
            // Printed with their capacity and money in the network's own part.
            ElementKind::NetworkEntry => {}
            ElementKind::Priority => priorities.push(section(no(&e.key), e)),
            ElementKind::Goal => {
                if let Some(p) = priorities.last_mut() {
                    p.children.push(section(no(&e.key), e));
                }
            }
            ElementKind::Measure => {
                let facts = super::plans::measure_facts(state, lang, &e.details);
                let own: Vec<_> = budget.iter().filter(|(k, _)| *k == e.key).collect();
                let measure = MeasureDoc {
                    number: no(&e.key),
                    title: e.title.clone(),
                    blocks: blocks(e.body.as_deref()),
                    facts,
                    money: own
                        .iter()
                        .map(|(_, l)| MoneyLine {
                            year: l.year.to_string(),
                            source: t(&format!("funding-{}", l.source.key())),
                            amount: crowns(l.amount),
                        })
                        .collect(),
                    total: crowns(own.iter().map(|(_, l)| l.amount).sum()),
                    indicators: indicators
                        .iter()
                        .filter(|(k, _)| *k == e.key)
                        .map(|(_, i)| {
                            let measured: Vec<souhra_core::plan::YearValue> = values
                                .iter()
                                .filter(|(k, _)| *k == i.key)
                                .map(|(_, v)| *v)
                                .collect();
                            IndicatorLine {
                                name: format!("{} ({})", i.name, i.unit),
                                baseline: format!(
                                    "{} ({})",
                                    value(i.baseline.value),
                                    i.baseline.year
                                ),
                                target: format!("{} ({})", value(i.target.value), i.target.year),
                                measured: measured
                                    .iter()
                                    .map(|v| format!("{}: {}", v.year, value(v.value)))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                                status: t(&format!(
                                    "indicator-status-{}",
                                    souhra_core::plan::indicator_status(i, &measured).key()
                                )),
                            }
                        })
                        .collect(),
                    activities: Vec::new(),
                };
                if let Some(g) = priorities.last_mut().and_then(|p| p.children.last_mut()) {
                    g.children.push(measure);
                }
            }
            ElementKind::Activity => {
                let total: i64 = budget
                    .iter()
                    .filter(|(k, _)| *k == e.key)
                    .map(|(_, l)| l.amount)
                    .sum();
                let mut line = e.title.clone();
                if total > 0 {
                    line.push_str(&format!(" – {}", crowns(total)));
                }
                let who: Vec<String> = [
                    &e.details.responsible_organization,
                    &e.details.responsible_person,
                ]
                .into_iter()
                .flatten()
                .cloned()
                .collect();
                if !who.is_empty() {
                    line.push_str(&format!(" ({})", who.join(", ")));
                }
                if let Some(m) = priorities
                    .last_mut()
                    .and_then(|p| p.children.last_mut())
                    .and_then(|g| g.children.last_mut())
                {
                    m.activities.push((no(&e.key), line));
                }
            }
        }
    }
    let total = super::plans::plan_total(&elements, &budget);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("number", version.number);
    let mut status = format!(
        "{} · {}",
        t(&format!("plan-status-{}", version.status.key())),
        tr.text(lang, "plan-version", Some(&args))
    );
    if let Some(a) = &version.approval {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("resolution", a.resolution.clone());
        args.set("date", lang.format_date(a.date));
        args.set("body", a.body.clone());
        status.push_str(&format!(
            " · {}",
            tr.text(lang, "plan-approved", Some(&args))
        ));
    }
    let period = if plan.period.from == plan.period.to {
        plan.period.from.to_string()
    } else {
        format!("{}–{}", plan.period.from, plan.period.to)
    };
    let year = if !plan.kind.is_yearly() {
        None
    } else {
        let view = super::yearly::view(
            state,
            area.slug.as_str(),
            plan,
            version,
            &super::yearly::ReportForm::default(),
        )
        .await?;
        Some(super::yearly::year_doc(state, lang, &view))
    };
    let network = if plan.kind == souhra_core::plan::PlanKind::ServiceNetwork {
        Some(super::network::network_doc(state, lang, area, plan, version).await?)
    } else {
        None
    };
    Ok(souhra_docs::plan::PlanDocument {
        lang: lang.code().to_owned(),
        title: plan.title.clone(),
        keywords: vec![
            t(&format!("plan-kind-{}", plan.kind.key())),
            area.name.clone(),
        ],
        area: area.name.clone(),
        kind: format!("{}, {period}", t(&format!("plan-kind-{}", plan.kind.key()))),
        status,
        edition: lang.format_date(chrono::Utc::now().date_naive()),
        demo: area.is_demo.then(|| t("doc-demo")),
        labels: PLAN_LABEL_KEYS
            .iter()
            .map(|k| {
                (
                    (*k).to_owned(),
                    t(&format!("doc-plan-{}", k.replace('_', "-"))),
                )
            })
            .collect(),
        vision: blocks(version.vision.as_deref()),
        chapters,
        priorities,
        total: if total > 0 {
            crowns(total)
        } else {
            String::new()
        },
        year,
        network,
    })
}

/// `/{area}/plan/{id}/plan.pdf`: the published version as a PDF.
pub(crate) async fn public_pdf(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id_and_slug)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (area, plan) = published_plan(&state, &slug, &id_and_slug).await?;
    let version = published(&plan).ok_or(AppError::NotFound)?;
    let doc = document(&state, lang, &area, &plan, version).await?;
    let pdf = state.print_plan(doc).await?;
    Ok(super::print::pdf_response(
        pdf.bytes,
        &format!("plan-{}.pdf", plan.id.0),
        None,
    ))
}

/// `/sprava/{area}/plan/{id}/plan.pdf`: the newest version, drafts included.
pub(crate) async fn newest_pdf(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (area, plan) = match admin_plan(&state, &headers, &uri, &slug, id).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let version = plan.latest().ok_or(AppError::NotFound)?;
    let doc = document(&state, lang, &area, &plan, version).await?;
    let pdf = state.print_plan(doc).await?;
    Ok(private(super::print::pdf_response(
        pdf.bytes,
        &format!("plan-{id}.pdf"),
        None,
    )))
}

//! A plan's structure from a workbook: the downloadable template
//! (`/sprava/{area}/plan/{id}/sablona.xlsx`: a sheet of elements — reference, kind, parent,
//! title, text, target groups, who is responsible, partners, dates, outputs — and a sheet of
//! budget lines) and its import into an empty draft (`…/import`). Every problem is named with
//! its sheet and line, and nothing is stored unless the whole workbook is right.

use std::collections::HashMap;

use axum::extract::{Multipart, OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use fluent_bundle::FluentArgs;
use souhra_core::codelist::Codelist;
use souhra_core::plan::{BudgetLine, ElementKind, FundingSource, parse_amount};
use souhra_core::plan_import::{BudgetRow, Problem, Sheet, StructureRow, check, parents_first};
use souhra_core::policy::Action;
use souhra_interop::sheet::read::RawSheet;
use souhra_interop::sheet::write::{Cell, Table, write_tables};
use souhra_store::StoreError;
use souhra_store::plan::{ElementContent, ElementDetails, ImportedElement};

use super::admin::{area_page, area_post};
use super::groups::{Upload, read_upload};
use super::planning::{AdminPlanPage, Refused, change, plan_in};
use crate::auth::private;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

/// The largest workbook accepted, in bytes.
pub(crate) const MAX_WORKBOOK: usize = 5 * 1024 * 1024;

/// The columns of the structure sheet, by the key of their header text (`import-col-` + key).
const STRUCTURE: &[&str] = &[
    "reference",
    "kind",
    "parent",
    "title",
    "text",
    "groups",
    "organization",
    "person",
    "partners",
    "start",
    "end",
    "outputs",
];

/// The columns of the budget sheet.
const BUDGET: &[&str] = &["reference", "year", "source", "amount"];

fn t(state: &AppState, lang: Lang, key: &str) -> String {
    state.translations().text(lang, key, None)
}

/// `/sprava/{area}/plan/{id}/sablona.xlsx`: the template with an example in the page's language.
pub(crate) async fn template(
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
    plan_in(&state, &area, id).await?;
    let kind = |k: ElementKind| Cell::Text(t(&state, lang, &format!("planning-kind-{}", k.key())));
    let text = |key: &str| Cell::Text(t(&state, lang, key));
    let empty = || Cell::Text(String::new());
    let mut measure = vec![
        Cell::Text("O1".into()),
        kind(ElementKind::Measure),
        Cell::Text("C1".into()),
        text("import-example-measure"),
        empty(),
        Cell::Text(state.labels().label(Codelist::TargetGroup, "seniori")),
        text("import-example-organization"),
        empty(),
        empty(),
        Cell::Text("2026-01-01".into()),
        Cell::Text("2027-12-31".into()),
        empty(),
    ];
    measure.truncate(STRUCTURE.len());
    let row = |reference: &str, k: ElementKind, parent: &str, title: &str| {
        let mut cells = vec![
            Cell::Text(reference.into()),
            kind(k),
            Cell::Text(parent.into()),
            text(title),
        ];
        cells.resize_with(STRUCTURE.len(), empty);
        cells
    };
    let tables = [
        Table {
            name: t(&state, lang, "import-sheet-structure"),
            header: STRUCTURE
                .iter()
                .map(|c| t(&state, lang, &format!("import-col-{c}")))
                .collect(),
            rows: vec![
                row("P1", ElementKind::Priority, "", "import-example-priority"),
                row("C1", ElementKind::Goal, "P1", "import-example-goal"),
                measure,
                row("A1", ElementKind::Activity, "O1", "import-example-activity"),
            ],
        },
        Table {
            name: t(&state, lang, "import-sheet-budget"),
            header: BUDGET
                .iter()
                .map(|c| t(&state, lang, &format!("import-col-{c}")))
                .collect(),
            rows: vec![vec![
                Cell::Text("O1".into()),
                Cell::Number(2026.0),
                Cell::Text(t(&state, lang, "funding-municipality")),
                Cell::Number(150_000.0),
            ]],
        },
    ];
    let bytes = write_tables(&t(&state, lang, "import-title"), &tables)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(private(super::plan_export::xlsx_download(
        bytes,
        "sablona-planu.xlsx",
    )))
}

/// The texts a cell may hold for each value, in every language, lower-cased.
fn names<T: Copy>(
    state: &AppState,
    values: &[T],
    key: impl Fn(T) -> &'static str,
    prefix: &str,
) -> HashMap<String, T> {
    let mut out = HashMap::new();
    for v in values {
        out.insert(key(*v).to_lowercase(), *v);
        for lang in Lang::ALL {
            out.insert(
                t(state, lang, &format!("{prefix}{}", key(*v))).to_lowercase(),
                *v,
            );
        }
    }
    out
}

/// The position of each wanted column in a sheet's header (headers in any language).
fn columns(state: &AppState, sheet: &RawSheet, wanted: &[&str]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for column in wanted {
        let texts: Vec<String> = Lang::ALL
            .iter()
            .map(|l| t(state, *l, &format!("import-col-{column}")).to_lowercase())
            .collect();
        if let Some(i) = sheet
            .header
            .iter()
            .position(|h| texts.contains(&h.trim().to_lowercase()) || h.trim() == *column)
        {
            out.insert((*column).to_owned(), i);
        }
    }
    out
}

fn date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    NaiveDate::parse_from_str(&compact, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&compact, "%d.%m.%Y"))
        .or_else(|_| NaiveDate::parse_from_str(text.split(' ').next().unwrap_or(""), "%Y-%m-%d"))
        .map(Some)
        .map_err(|_| text.to_owned())
}

/// What an element row carries besides its structure.
struct Extra {
    body: Option<String>,
    details: ElementDetails,
}

/// The rows of a workbook: elements, what they carry besides their structure, budget lines.
type Rows = (Vec<StructureRow>, Vec<Extra>, Vec<BudgetRow>);

/// The workbook's rows, or the reason it cannot be read at all.
fn read(state: &AppState, bytes: &[u8], groups: &HashMap<String, String>) -> Result<Rows, String> {
    let structure_names: Vec<String> = Lang::ALL
        .iter()
        .map(|l| t(state, *l, "import-sheet-structure"))
        .collect();
    let structure = souhra_interop::sheet::read::read_xlsx("plan.xlsx", bytes, &structure_names[0])
        .map_err(|e| e.to_string())?;
    let at = columns(state, &structure, STRUCTURE);
    for needed in ["reference", "kind", "title"] {
        if !at.contains_key(needed) {
            return Err(needed.to_owned());
        }
    }
    let kinds = names(state, ElementKind::ALL, ElementKind::key, "planning-kind-");
    let sources = names(state, FundingSource::ALL, FundingSource::key, "funding-");
    let cell = |row: &[String], column: &str| -> String {
        at.get(column)
            .and_then(|i| row.get(*i))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    };
    let given = |v: String| Some(v).filter(|v| !v.is_empty());
    let mut rows = Vec::new();
    let mut extras = Vec::new();
    for raw in &structure.rows {
        let c = |column: &str| cell(&raw.cells, column);
        if STRUCTURE.iter().all(|col| c(col).is_empty()) {
            continue;
        }
        let kind_text = c("kind");
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        for g in c("groups")
            .split(';')
            .map(str::trim)
            .filter(|g| !g.is_empty())
        {
            match groups.get(&g.to_lowercase()) {
                Some(key) => known.push(key.clone()),
                None => unknown.push(g.to_owned()),
            }
        }
        let start = date(&c("start"));
        let end = date(&c("end"));
        extras.push(Extra {
            body: given(c("text")),
            details: ElementDetails {
                target_groups: known,
                responsible_organization: given(c("organization")),
                responsible_person: given(c("person")),
                partners: given(c("partners")),
                start: start.clone().ok().flatten(),
                end: end.clone().ok().flatten(),
                outputs: given(c("outputs")),
                ..ElementDetails::default()
            },
        });
        rows.push(StructureRow {
            line: raw.line,
            reference: c("reference"),
            kind: kinds
                .get(&kind_text.to_lowercase())
                .copied()
                .ok_or(kind_text),
            parent: given(c("parent")),
            title: c("title"),
            start,
            end,
            unknown_groups: unknown,
        });
    }
    // The budget sheet, when the workbook has one (the reader falls back to the first sheet,
    // which then lacks the budget's columns).
    let mut budget = Vec::new();
    let mut found = None;
    for lang in Lang::ALL {
        let sheet = souhra_interop::sheet::read::read_xlsx(
            "plan.xlsx",
            bytes,
            &t(state, lang, "import-sheet-budget"),
        )
        .map_err(|e| e.to_string())?;
        let at = columns(state, &sheet, BUDGET);
        if BUDGET.iter().all(|c| at.contains_key(*c)) {
            found = Some((sheet, at));
            break;
        }
    }
    let (sheet, at_budget) = found.unwrap_or_else(|| (structure.clone(), HashMap::new()));
    if BUDGET.iter().all(|c| at_budget.contains_key(*c)) {
        for raw in &sheet.rows {
            let c = |column: &str| {
                at_budget
                    .get(column)
                    .and_then(|i| raw.cells.get(*i))
                    .map(|v| v.trim().to_owned())
                    .unwrap_or_default()
            };
            if BUDGET.iter().all(|col| c(col).is_empty()) {
                continue;
            }
            let year = c("year");
            let source = c("source");
            let amount = c("amount");
            budget.push(BudgetRow {
                line: raw.line,
                reference: c("reference"),
                year: year
                    .trim_end_matches(".0")
                    .parse::<i32>()
                    .map_err(|_| year.clone()),
                source: sources.get(&source.to_lowercase()).copied().ok_or(source),
                amount: parse_amount(amount.trim_end_matches(".0")).map_err(|_| amount.clone()),
            });
        }
    }
    Ok((rows, extras, budget))
}

/// A problem as a sentence.
fn say(state: &AppState, lang: Lang, sheet: Sheet, line: u64, problem: &Problem) -> String {
    let tr = state.translations();
    let mut args = FluentArgs::new();
    let (key, value) = match problem {
        Problem::NoReference => ("no-reference", None),
        Problem::DuplicateReference(v) => ("duplicate", Some(v.clone())),
        Problem::UnknownKind(v) => ("kind", Some(v.clone())),
        Problem::NoTitle => ("no-title", None),
        Problem::MissingParent(v) => ("missing-parent", Some(v.clone())),
        Problem::WrongParent { kind, expected } => {
            args.set(
                "kind",
                tr.text(lang, &format!("planning-kind-{}", kind.key()), None),
            );
            match expected {
                Some(e) => (
                    "wrong-parent",
                    Some(tr.text(lang, &format!("planning-kind-{}", e.key()), None)),
                ),
                None => ("no-parent-allowed", None),
            }
        }
        Problem::Cycle => ("cycle", None),
        Problem::BadDate(v) => ("date", Some(v.clone())),
        Problem::ReversedDates => ("reversed", None),
        Problem::UnknownGroup(v) => ("group", Some(v.clone())),
        Problem::UnknownElement(v) => ("element", Some(v.clone())),
        Problem::BadYear(v) => ("year", Some(v.clone())),
        Problem::UnknownSource(v) => ("source", Some(v.clone())),
        Problem::BadAmount(v) => ("amount", Some(v.clone())),
    };
    if let Some(v) = value {
        args.set("value", v);
    }
    let mut place = FluentArgs::new();
    place.set(
        "sheet",
        tr.text(
            lang,
            match sheet {
                Sheet::Structure => "import-sheet-structure",
                Sheet::Budget => "import-sheet-budget",
            },
            None,
        ),
    );
    place.set("line", line);
    place.set(
        "problem",
        tr.text(lang, &format!("import-problem-{key}"), Some(&args)),
    );
    tr.text(lang, "import-row", Some(&place))
}

/// `POST /sprava/{area}/plan/{id}/import`: the workbook (multipart: `csrf`, `soubor`).
pub(crate) async fn import(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let Upload {
        csrf,
        file,
        too_big,
    } = read_upload(&mut multipart, "soubor", MAX_WORKBOOK).await?;
    let (signed, area) = area_post(&state, &headers, &csrf, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let version = plan
        .latest()
        .ok_or_else(|| AppError::Internal(format!("plan {id} has no version")))?;
    let groups: HashMap<String, String> = state
        .store()
        .codelist(Codelist::TargetGroup)
        .await?
        .into_iter()
        .flat_map(|e| {
            let label = state.labels().label(Codelist::TargetGroup, &e.key);
            [
                (e.key.to_lowercase(), e.key.clone()),
                (label.to_lowercase(), e.key),
            ]
        })
        .collect();
    let mut problems = Vec::new();
    let problem = match file {
        _ if too_big => Some(t(&state, lang, "import-too-big")),
        Some((_, _, bytes)) if !bytes.is_empty() => match read(&state, &bytes, &groups) {
            Err(reason) => {
                let mut args = FluentArgs::new();
                args.set("reason", reason);
                Some(
                    state
                        .translations()
                        .text(lang, "import-unreadable", Some(&args)),
                )
            }
            Ok((rows, extras, budget)) => {
                let found = check(&rows, &budget);
                if found.is_empty() {
                    let elements = to_import(&rows, extras, &budget);
                    match state
                        .store()
                        .import_plan_structure(version.id, &elements, change(&signed))
                        .await
                    {
                        Ok(_) => {
                            return Ok(Redirect::to(&format!(
                                "/sprava/{slug}/plan/{id}?stav=ulozeno#obsah-planu"
                            ))
                            .into_response());
                        }
                        Err(StoreError::Invalid(reason)) => {
                            let mut args = FluentArgs::new();
                            args.set("reason", reason);
                            Some(
                                state
                                    .translations()
                                    .text(lang, "import-refused", Some(&args)),
                            )
                        }
                        Err(e) => return Err(e.into()),
                    }
                } else {
                    problems = found
                        .iter()
                        .map(|(sheet, line, p)| say(&state, lang, *sheet, *line, p))
                        .collect();
                    let mut args = FluentArgs::new();
                    args.set("count", problems.len());
                    Some(
                        state
                            .translations()
                            .text(lang, "import-problems", Some(&args)),
                    )
                }
            }
        },
        _ => Some(t(&state, lang, "meeting-material-missing")),
    };
    AdminPlanPage {
        lang,
        uri: &uri,
        signed: &signed,
        area: &area,
        plan: &plan,
    }
    .render(
        &state,
        Refused {
            report: None,
            problem,
            problems,
        },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The checked rows as elements to store, parents first, with their budget lines.
fn to_import(
    rows: &[StructureRow],
    extras: Vec<Extra>,
    budget: &[BudgetRow],
) -> Vec<ImportedElement> {
    let mut extras: Vec<Option<Extra>> = extras.into_iter().map(Some).collect();
    parents_first(rows)
        .into_iter()
        .filter_map(|i| {
            let row = &rows[i];
            let kind = row.kind.as_ref().ok().copied()?;
            let extra = extras.get_mut(i)?.take()?;
            let reference = row.reference.trim().to_owned();
            Some(ImportedElement {
                budget: budget
                    .iter()
                    .filter(|b| b.reference.trim() == reference)
                    .filter_map(|b| {
                        Some(BudgetLine {
                            year: b.year.clone().ok()?,
                            source: b.source.clone().ok()?,
                            amount: b.amount.clone().ok()?,
                        })
                    })
                    .collect(),
                parent: row
                    .parent
                    .as_deref()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned),
                content: ElementContent {
                    title: row.title.clone(),
                    body: extra.body,
                    details: extra.details,
                },
                kind,
                reference,
            })
        })
        .collect()
}

//! Reader of the registry codelist files in `data/codelists/` (columns in `data/README.md`).

use souhra_core::codelist::{Codelist, CodelistEntry, Form, IdStatus, KindCategory, Paragraph};
use souhra_core::text::slugify;

use crate::error::DataError;
use crate::table::{Row, Table};

/// The codelist files, by content.
#[derive(Debug, Clone, Copy)]
pub struct CodelistFiles<'a> {
    /// `druhy_socialnich_sluzeb.csv`: kinds of services by paragraph.
    pub service_kinds: &'a [u8],
    /// `druhy_mpsv_api_ciselnik.csv`: the MPSV web-API codelist of kinds (adds kinds without a
    /// paragraph, such as mental health centres).
    pub service_kinds_api: &'a [u8],
    /// `cilove_skupiny.csv`
    pub target_groups: &'a [u8],
    /// `vekove_skupiny.csv`
    pub age_groups: &'a [u8],
    /// `formy_a_kapacity.csv`
    pub forms_and_capacities: &'a [u8],
}

/// Reads all codelists into one list of entries.
pub fn parse_codelists(files: CodelistFiles<'_>) -> Result<Vec<CodelistEntry>, DataError> {
    let mut entries = service_kinds(&Table::parse(
        "druhy_socialnich_sluzeb.csv",
        files.service_kinds,
    )?)?;
    let api = Table::parse("druhy_mpsv_api_ciselnik.csv", files.service_kinds_api)?;
    entries.extend(api_only_kinds(&api, &entries)?);
    entries.extend(target_groups(&Table::parse(
        "cilove_skupiny.csv",
        files.target_groups,
    )?)?);
    entries.extend(age_groups(&Table::parse(
        "vekove_skupiny.csv",
        files.age_groups,
    )?)?);
    entries.extend(forms_and_capacities(&Table::parse(
        "formy_a_kapacity.csv",
        files.forms_and_capacities,
    )?)?);
    Ok(entries)
}

fn sort_order(row: &Row<'_>) -> i64 {
    i64::try_from(row.line()).unwrap_or(i64::MAX)
}

fn service_kinds(table: &Table) -> Result<Vec<CodelistEntry>, DataError> {
    table.require(&[
        "paragraf",
        "nazev",
        "kategorie",
        "formy",
        "kod",
        "kod_status",
    ])?;
    table
        .rows()
        .map(|row| {
            let paragraph = row.parse("paragraf", Paragraph::parse)?;
            let category_text = row.required("kategorie")?;
            let category = KindCategory::parse(category_text).ok_or_else(|| {
                row.error("kategorie", format!("unknown category {category_text:?}"))
            })?;
            let mut forms = Vec::new();
            for part in row.required("formy")?.split('|') {
                let form = Form::parse(part)
                    .ok_or_else(|| row.error("formy", format!("unknown form {part:?}")))?;
                forms.push(form);
            }
            let mut entry = CodelistEntry::new(Codelist::ServiceKind, paragraph.to_string());
            entry.label = Some(row.required("nazev")?.to_owned());
            entry.registry_id = non_empty(row.text("kod"));
            entry.registry_id_status = IdStatus::from_key(row.text("kod_status"));
            entry.mpsv_api_id = row.parse_optional("mpsv_api_id", str::parse::<i64>)?;
            entry.sort_order = sort_order(&row);
            entry.paragraph = Some(paragraph);
            entry.category = Some(category);
            entry.forms = forms;
            Ok(entry)
        })
        .collect()
}

/// Kinds present only in the MPSV web-API codelist (no paragraph), keyed `api-<id>`.
fn api_only_kinds(table: &Table, known: &[CodelistEntry]) -> Result<Vec<CodelistEntry>, DataError> {
    table.require(&["mpsv_api_id", "nazev_api", "paragraf"])?;
    let mut extra = Vec::new();
    for row in table.rows() {
        let api_id = row.number::<i64>("mpsv_api_id")?;
        if known.iter().any(|k| k.mpsv_api_id == Some(api_id)) {
            continue;
        }
        if !row.text("paragraf").is_empty() {
            return Err(row.error(
                "paragraf",
                format!(
                    "kind {} is in the API codelist but not in druhy_socialnich_sluzeb.csv",
                    row.text("paragraf")
                ),
            ));
        }
        let mut entry = CodelistEntry::new(Codelist::ServiceKind, format!("api-{api_id}"));
        entry.label = Some(row.required("nazev_api")?.to_owned());
        entry.registry_id = non_empty(row.text("kod_open_data"));
        entry.registry_id_status = IdStatus::from_key(row.text("kod_open_data_status"));
        entry.mpsv_api_id = Some(api_id);
        entry.sort_order = 1000 + sort_order(&row);
        extra.push(entry);
    }
    Ok(extra)
}

fn target_groups(table: &Table) -> Result<Vec<CodelistEntry>, DataError> {
    table.require(&["nazev", "id", "id_status"])?;
    table
        .rows()
        .map(|row| {
            let name = row.required("nazev")?;
            let mut entry = CodelistEntry::new(Codelist::TargetGroup, slugify(name));
            entry.label = Some(name.to_owned());
            entry.registry_id = non_empty(row.text("id"));
            entry.registry_id_status = IdStatus::from_key(row.text("id_status"));
            entry.sort_order = sort_order(&row);
            Ok(entry)
        })
        .collect()
}

fn age_groups(table: &Table) -> Result<Vec<CodelistEntry>, DataError> {
    table.require(&["nazev", "vek_od", "vek_do"])?;
    table
        .rows()
        .map(|row| {
            let name = row.required("nazev")?;
            let mut entry = CodelistEntry::new(Codelist::AgeGroup, slugify(name));
            entry.label = Some(name.to_owned());
            entry.sort_order = sort_order(&row);
            entry.age_from = Some(row.number("vek_od")?);
            entry.age_to = row.parse_optional("vek_do", str::parse::<u8>)?;
            Ok(entry)
        })
        .collect()
}

fn forms_and_capacities(table: &Table) -> Result<Vec<CodelistEntry>, DataError> {
    table.require(&["ciselnik", "kod", "nazev", "nazev_registr"])?;
    table
        .rows()
        .map(|row| {
            let list_name = row.required("ciselnik")?;
            let codelist = [Codelist::Form, Codelist::CapacityType]
                .into_iter()
                .find(|c| c.registry_prefix() == list_name)
                .ok_or_else(|| row.error("ciselnik", format!("unknown codelist {list_name:?}")))?;
            let code = row.required("kod")?;
            if codelist == Codelist::Form && Form::parse(code).is_none() {
                return Err(row.error("kod", format!("unknown form {code:?}")));
            }
            let mut entry = CodelistEntry::new(codelist, code);
            entry.label = Some(row.required("nazev")?.to_owned());
            entry.registry_id = Some(format!("{list_name}/{code}"));
            entry.registry_id_status = IdStatus::Confirmed;
            entry.mpsv_api_id = row.parse_optional("mpsv_api_id", str::parse::<i64>)?;
            entry.sort_order = sort_order(&row);
            entry.registry_label = non_empty(row.text("nazev_registr"));
            Ok(entry)
        })
        .collect()
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

//! Spreadsheet rows → catalogue entries of local services, with every problem named by file,
//! row and column.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime};
use souhra_core::catalogue::{
    Address, AreaUnit, CatalogueEntry, Contacts, Facility, Ico, OpeningPeriod, Organization,
    ServiceForm, ServiceStatus, Source, Weekday, is_plausible_email, web_link,
};
use souhra_core::code::{DistrictCode, MunicipalityCode, OrpCode, Postcode, RegionCode};
use souhra_core::codelist::{Codelist, CodelistEntry, Form};
use souhra_core::import::Rejection;
use souhra_core::territory::TerritoryDataset;
use souhra_core::text::fold;

use super::Layout;
use super::export::FORM_SEPARATOR;
use super::read::{RawRow, RawSheet};
use crate::error::DataError;
use crate::hsds::derived_id;
use crate::hsds::import::split_street_line;
use crate::places::Places;

/// What an import resolves names against.
pub struct ImportContext {
    layout: Layout,
    places: Places,
    /// (codelist, folded label or key) → key.
    codes: HashMap<(Codelist, String), String>,
    /// Municipalities of this installation's areas: they win when a name is ambiguous.
    preferred: HashSet<MunicipalityCode>,
}

/// The outcome for one row.
#[derive(Debug)]
pub enum RowOutcome {
    /// A local service.
    Entry(Box<CatalogueEntry>),
    /// A registry service: the registry keeps it current, the row is left alone.
    Registry,
}

struct Problem(String, String);

impl ImportContext {
    /// From the territory, the codelists, and the municipalities of this installation's areas.
    pub fn new(
        territory: &TerritoryDataset,
        codelists: &[CodelistEntry],
        preferred: HashSet<MunicipalityCode>,
    ) -> Result<Self, DataError> {
        let mut codes = HashMap::new();
        for entry in codelists {
            codes.insert((entry.codelist, fold(&entry.key)), entry.key.clone());
            if let Some(label) = &entry.label {
                codes.insert((entry.codelist, fold(label)), entry.key.clone());
            }
            if let Some(label) = &entry.registry_label {
                codes.insert((entry.codelist, fold(label)), entry.key.clone());
            }
        }
        Ok(Self {
            layout: Layout::load()?,
            places: Places::new(territory),
            codes,
            preferred,
        })
    }

    /// The layout in use.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    fn code(&self, list: Codelist, text: &str) -> Option<String> {
        self.codes.get(&(list, fold(text.trim()))).cloned()
    }

    /// `37`, `§ 37`, `§37 odborné sociální poradenství` or the label.
    fn kind(&self, text: &str) -> Option<String> {
        if let Some(key) = self.code(Codelist::ServiceKind, text) {
            return Some(key);
        }
        let rest = text.trim().trim_start_matches('§').trim_start();
        let first = rest.split_whitespace().next()?;
        self.code(Codelist::ServiceKind, first)
    }

    fn word_is(&self, text: &str, key: &str) -> bool {
        fold(text) == fold(self.layout.word(key))
    }

    /// A municipality by code, or by name — `Lhota (Plzeň-jih)` names the district too — where a
    /// name shared by several is settled by this installation's areas or not at all.
    fn municipality(&self, text: &str) -> Result<MunicipalityCode, String> {
        let text = text.trim();
        if text.chars().all(|c| c.is_ascii_digit()) {
            let code = MunicipalityCode::parse(text).map_err(|e| e.to_string())?;
            return match self.places.municipality(code) {
                Some(_) => Ok(code),
                None => Err(format!("{code} is not a municipality code")),
            };
        }
        let (name, district) = match text.split_once('(') {
            Some((name, rest)) => (name.trim(), Some(rest.trim_end_matches(')').trim())),
            None => (text, None),
        };
        let mut found: Vec<MunicipalityCode> = self
            .places
            .find("municipality", name)
            .iter()
            .filter_map(|u| match u {
                AreaUnit::Municipality(code) => Some(*code),
                _ => None,
            })
            .collect();
        if let Some(district) = district {
            found.retain(|c| {
                self.places
                    .municipality(*c)
                    .is_some_and(|p| fold(&p.district) == fold(district))
            });
        }
        if found.len() > 1 {
            let near: Vec<MunicipalityCode> = found
                .iter()
                .copied()
                .filter(|c| self.preferred.contains(c))
                .collect();
            if near.len() == 1 {
                found = near;
            }
        }
        match found.as_slice() {
            [code] => Ok(*code),
            [] => Err(format!("{text:?} is not the name of a municipality")),
            several => {
                let districts: Vec<String> = several
                    .iter()
                    .take(5)
                    .filter_map(|c| {
                        self.places
                            .municipality(*c)
                            .map(|p| format!("{name} ({})", p.district))
                    })
                    .collect();
                Err(format!(
                    "{} municipalities are called {name:?}; write the district too, e.g. {}, or give the code",
                    several.len(),
                    districts.join(" or ")
                ))
            }
        }
    }

    /// `ORP Nepomuk`, `okres Plzeň-jih`, `kraj Plzeňský kraj`, `obec Kramolín`, `Kramolín` or a code.
    fn unit(&self, text: &str) -> Result<AreaUnit, String> {
        let text = text.trim();
        for kind in ["region", "district", "orp", "municipality"] {
            let word = self.layout.word(&format!("unit.{kind}"));
            let Some(rest) = strip_word(text, word) else {
                continue;
            };
            if kind == "municipality" {
                return self.municipality(rest).map(AreaUnit::Municipality);
            }
            if let Ok(number) = rest.parse::<u32>() {
                let unit = match kind {
                    "region" => RegionCode::try_from(number).map(AreaUnit::Region),
                    "district" => DistrictCode::try_from(number).map(AreaUnit::District),
                    _ => OrpCode::try_from(number).map(AreaUnit::Orp),
                };
                return unit
                    .map_err(|e| e.to_string())
                    .and_then(|u| match self.places.name(u) {
                        Some(_) => Ok(u),
                        None => Err(format!("there is no {word} {number}")),
                    });
            }
            return match self.places.find(kind, rest) {
                [unit] => Ok(*unit),
                [] => Err(format!("there is no {word} called {rest:?}")),
                _ => Err(format!(
                    "several units are called {word} {rest:?}; give the code"
                )),
            };
        }
        self.municipality(text).map(AreaUnit::Municipality)
    }
}

/// `rest` of `text` after the word `word` and a space, in any case.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let (first, rest) = text.split_once(char::is_whitespace)?;
    (fold(first) == fold(word)).then(|| rest.trim())
}

/// Splits a list cell at `;` (or new lines), dropping empty items.
fn items(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `2026-11-23`, `23. 11. 2026`, `23.11.2026`.
fn date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    NaiveDate::parse_from_str(text.get(..10).unwrap_or(text), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&compact, "%d.%m.%Y"))
        .map_err(|_| format!("{text:?} is not a date (RRRR-MM-DD or D. M. RRRR)"))
}

fn time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().replace('.', ":");
    NaiveTime::parse_from_str(&text, "%H:%M").ok()
}

impl ImportContext {
    fn weekday(&self, text: &str) -> Option<Weekday> {
        (1..=7)
            .find(|d| fold(self.layout.word(&format!("day.{d}"))) == fold(text.trim()))
            .and_then(Weekday::new)
    }

    /// `po–pá 8:00–12:00, 13:00–16:00; so 9:00–11:00` into opening periods, or `None` when the
    /// text says something else (it is then kept as a note).
    fn week(&self, text: &str) -> Option<Vec<OpeningPeriod>> {
        let dash = |c: char| matches!(c, '-' | '–' | '—');
        let mut periods = Vec::new();
        for group in text.split(';').map(str::trim).filter(|g| !g.is_empty()) {
            let (days, times) = group.split_once(char::is_whitespace)?;
            let (first, last) = match days.split_once(dash) {
                Some((a, b)) => (self.weekday(a)?, self.weekday(b)?),
                None => (self.weekday(days)?, self.weekday(days)?),
            };
            if last < first {
                return None;
            }
            for interval in times.split(',').map(str::trim) {
                let (opens, closes) = interval.split_once(dash)?;
                let (opens, closes) = (time(opens)?, time(closes)?);
                if closes <= opens {
                    return None;
                }
                for day in first.number()..=last.number() {
                    periods.push(OpeningPeriod {
                        weekday: Weekday::new(day)?,
                        opens,
                        closes,
                    });
                }
            }
        }
        (!periods.is_empty()).then_some(periods)
    }

    /// The opening-hours cell into the forms: structured where it reads as hours, else as the
    /// note of the form it names (or of the first form).
    fn hours(&self, text: &str, forms: &mut [ServiceForm]) -> Result<(), String> {
        if forms.is_empty() {
            return Err("opening hours need a form (Formy poskytování)".into());
        }
        let parts: Vec<&str> = text
            .split(FORM_SEPARATOR.trim())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        for part in parts {
            let (index, rest) = match part.split_once(':') {
                Some((label, rest))
                    if Form::parse(label).is_some()
                        || self.code(Codelist::Form, label).is_some() =>
                {
                    let form = Form::parse(label).or_else(|| {
                        self.code(Codelist::Form, label)
                            .and_then(|k| Form::parse(&k))
                    });
                    match forms.iter().position(|f| Some(f.form) == form) {
                        Some(index) => (index, rest.trim()),
                        None => {
                            return Err(format!(
                                "opening hours of the form {:?}, which the row does not list",
                                label.trim()
                            ));
                        }
                    }
                }
                _ => (0, part),
            };
            let target = &mut forms[index];
            let (hours, note) = match rest.rsplit_once(" (") {
                Some((hours, note)) if note.ends_with(')') => {
                    (hours, Some(note.trim_end_matches(')')))
                }
                _ => (rest, None),
            };
            if self.word_is(hours, "continuous") {
                target.continuous = true;
                target.hours_note = note.map(str::to_owned);
            } else if let Some(periods) = self.week(hours) {
                target.hours = periods;
                target.hours.sort_by_key(|h| (h.weekday, h.opens));
                target.hours_note = note.map(str::to_owned);
            } else {
                target.hours_note = Some(rest.to_owned());
            }
        }
        Ok(())
    }

    fn row(&self, cells: &HashMap<&str, &str>) -> Result<RowOutcome, Problem> {
        let get = |key: &str| cells.get(key).copied().unwrap_or_default().trim();
        let problem = |key: &str, message: String| Problem(key.to_owned(), message);
        if !get("identifikator").is_empty() || self.word_is(get("zdroj"), "source.registry") {
            return Ok(RowOutcome::Registry);
        }
        let name = get("nazev");
        if name.is_empty() {
            return Err(problem(
                "nazev",
                "the name of the service is missing".into(),
            ));
        }
        let kind_text = get("druh");
        if kind_text.is_empty() {
            return Err(problem("druh", "the kind of service is missing".into()));
        }
        let kind = self
            .kind(kind_text)
            .ok_or_else(|| problem("druh", format!("{kind_text:?} is not a kind of social service; write the paragraph (e.g. 37) or a name from the Číselníky sheet")))?;
        let provider = get("poskytovatel");
        if provider.is_empty() {
            return Err(problem("poskytovatel", "the provider is missing".into()));
        }
        let ico = match get("ico") {
            "" => None,
            text => Some(Ico::parse(text).map_err(|e| problem("ico", e.to_string()))?),
        };
        let mut forms = Vec::new();
        for item in items(get("formy")) {
            let form = Form::parse(&item)
                .or_else(|| {
                    self.code(Codelist::Form, &item)
                        .and_then(|k| Form::parse(&k))
                })
                .ok_or_else(|| {
                    problem(
                        "formy",
                        format!("{item:?} is not a form (pobytová, ambulantní, terénní)"),
                    )
                })?;
            if !forms.iter().any(|f: &ServiceForm| f.form == form) {
                forms.push(ServiceForm {
                    form,
                    continuous: false,
                    capacities: Vec::new(),
                    hours: Vec::new(),
                    hours_note: None,
                });
            }
        }
        let mut groups = [
            (Codelist::TargetGroup, "cilove_skupiny", Vec::new()),
            (Codelist::AgeGroup, "vekove_skupiny", Vec::new()),
        ];
        for (list, key, found) in &mut groups {
            for item in items(get(key)) {
                let code = self.code(*list, &item).ok_or_else(|| {
                    problem(
                        key,
                        format!("{item:?} is not in the codelist (see the Číselníky sheet)"),
                    )
                })?;
                if !found.contains(&code) {
                    found.push(code);
                }
            }
        }
        let [(_, _, target_groups), (_, _, age_groups)] = groups;
        let hours = get("provozni_doba");
        if !hours.is_empty() {
            self.hours(hours, &mut forms)
                .map_err(|m| problem("provozni_doba", m))?;
        }
        let facility = self.facility(&get, name)?;
        let mut service_area = Vec::new();
        for item in items(get("pusobnost")) {
            service_area.push(self.unit(&item).map_err(|m| problem("pusobnost", m))?);
        }
        service_area.sort();
        service_area.dedup();
        let mut web = Vec::new();
        for item in items(get("web")) {
            web.push(
                web_link(&item)
                    .ok_or_else(|| problem("web", format!("{item:?} is not a web address")))?,
            );
        }
        let emails = items(get("email"));
        if let Some(bad) = emails.iter().find(|e| !is_plausible_email(e)) {
            return Err(problem(
                "email",
                format!("{bad:?} is not an e-mail address"),
            ));
        }
        let status = match get("stav") {
            "" => ServiceStatus::Active,
            text if self.word_is(text, "status.active") => ServiceStatus::Active,
            text if self.word_is(text, "status.suspended") => ServiceStatus::Suspended,
            text if self.word_is(text, "status.ended") => ServiceStatus::Ended,
            text => {
                return Err(problem(
                    "stav",
                    format!("{text:?} is not a status (aktivní, pozastavená, ukončená)"),
                ));
            }
        };
        let optional_date = |key: &str| match get(key) {
            "" => Ok(None),
            text => date(text).map(Some).map_err(|m| problem(key, m)),
        };
        let id = match get("id") {
            "" => None,
            text if crate::hsds::is_uuid(text) => Some(text.to_ascii_lowercase()),
            text => {
                return Err(problem(
                    "id",
                    format!(
                        "{text:?} is not an ID from a Souhra export; leave it empty for a new service"
                    ),
                ));
            }
        };
        let organization_public_id = ico
            .is_none()
            .then(|| derived_id(&format!("organization/name/{provider}")));
        let organization = Organization {
            ico,
            name: provider.to_owned(),
            legal_form: None,
            seat: None,
            contacts: Contacts::default(),
        };
        // A provider without IČO, and a service without an ID, get ids derived from their names,
        // so that importing the same sheet again updates rather than duplicates.
        let public_id =
            id.or_else(|| Some(derived_id(&format!("service/local/{provider}/{name}"))));
        Ok(RowOutcome::Entry(Box::new(CatalogueEntry {
            public_id,
            registration_id: None,
            source: Source::Local,
            name: name.to_owned(),
            kind,
            description: Some(get("popis").to_owned()).filter(|t| !t.is_empty()),
            fees: Some(get("uhrady").to_owned()).filter(|t| !t.is_empty()),
            contacts: Contacts {
                web,
                emails,
                phones: items(get("telefon")),
            },
            forms,
            target_groups,
            age_groups,
            facilities: facility.into_iter().collect(),
            service_area,
            status,
            status_since: None,
            provided_from: optional_date("poskytovano_od")?,
            provided_to: optional_date("poskytovano_do")?,
            verified_on: optional_date("overeno")?,
            organization,
            organization_public_id,
            is_demo: false,
        })))
    }

    fn facility<'a>(
        &self,
        get: &dyn Fn(&str) -> &'a str,
        service_name: &str,
    ) -> Result<Option<Facility>, Problem> {
        let problem = |key: &str, message: String| Problem(key.to_owned(), message);
        let (place, street, town, code, postcode, hidden) = (
            get("misto"),
            get("ulice"),
            get("obec"),
            get("kod_obce"),
            get("psc"),
            get("utajena_adresa"),
        );
        if [place, street, town, code, postcode]
            .iter()
            .all(|t| t.is_empty())
        {
            return Ok(None);
        }
        let municipality = match (code, town) {
            ("", "") => {
                return Err(problem(
                    "obec",
                    "a place needs its municipality (Obec or Kód obce)".into(),
                ));
            }
            ("", town) => self.municipality(town).map_err(|m| problem("obec", m))?,
            (code, _) => self
                .municipality(code)
                .map_err(|m| problem("kod_obce", m))?,
        };
        let hidden = match hidden {
            "" => false,
            text if self.word_is(text, "yes")
                || matches!(fold(text).as_str(), "true" | "1" | "yes") =>
            {
                true
            }
            text if self.word_is(text, "no")
                || matches!(fold(text).as_str(), "false" | "0" | "no") =>
            {
                false
            }
            text => {
                return Err(problem(
                    "utajena_adresa",
                    format!("{text:?}: write ano or ne"),
                ));
            }
        };
        let postcode = match postcode {
            "" => None,
            text => Some(Postcode::parse(text).map_err(|e| problem("psc", e.to_string()))?),
        };
        let (street, house_number, orientation_number) = split_street_line(street);
        let name = if place.is_empty() {
            service_name
        } else {
            place
        };
        Ok(Some(Facility {
            key: Facility::identity(None, name),
            name: name.to_owned(),
            address: Some(Address {
                street,
                house_number,
                orientation_number,
                postcode,
                municipality: Some(municipality),
                address_point: None,
            }),
            municipality: Some(municipality),
            point: None,
            hidden_address: hidden,
            from: None,
            to: None,
        }))
    }
}

/// Everything an import of a sheet gives: entries of local services (with the row they came
/// from), the rows it refused, and how many rows were registry services left alone.
#[derive(Debug, Default)]
pub struct SheetImport {
    /// Entries with `file, line N`.
    pub entries: Vec<(String, CatalogueEntry)>,
    /// The row index (0-based) of each entry, for reports.
    pub positions: Vec<u64>,
    /// Rows that cannot be taken, with the column at fault.
    pub rejected: Vec<Rejection>,
    /// Rows of registry services, skipped.
    pub registry_rows: u64,
    /// Data rows read.
    pub rows: u64,
}

/// Maps the header to column keys: by header text or key, in any case and with or without
/// diacritics. Unknown headers are an error, so that a misspelt column is not silently ignored.
fn columns<'a>(
    context: &'a ImportContext,
    sheet: &RawSheet,
) -> Result<Vec<Option<&'a str>>, DataError> {
    let mut keys = Vec::new();
    for (i, header) in sheet.header.iter().enumerate() {
        if header.is_empty() {
            keys.push(None);
            continue;
        }
        let column = context
            .layout
            .columns
            .iter()
            .find(|c| fold(&c.header) == fold(header) || fold(&c.key) == fold(header));
        match column {
            Some(column) if keys.contains(&Some(column.key.as_str())) => {
                return Err(DataError::Csv {
                    file: sheet.file.clone(),
                    line: 1,
                    message: format!("the column {header:?} is there twice"),
                });
            }
            Some(column) => keys.push(Some(column.key.as_str())),
            None => {
                let known: Vec<&str> = context
                    .layout
                    .template_columns()
                    .map(|c| c.header.as_str())
                    .collect();
                return Err(DataError::Field {
                    file: sheet.file.clone(),
                    line: 1,
                    column: header.clone(),
                    message: format!(
                        "column {} is not one of the template's: {}",
                        i + 1,
                        known.join(", ")
                    ),
                });
            }
        }
    }
    for required in ["nazev", "druh", "poskytovatel"] {
        if !keys.contains(&Some(required)) {
            let header = context
                .layout
                .columns
                .iter()
                .find(|c| c.key == required)
                .map_or(required, |c| c.header.as_str());
            return Err(DataError::MissingColumn {
                file: sheet.file.clone(),
                column: header.to_owned(),
            });
        }
    }
    Ok(keys)
}

/// A cell as written, without the apostrophe an export puts before a would-be formula.
fn undefused(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

fn take_row(
    context: &ImportContext,
    sheet: &RawSheet,
    keys: &[Option<&str>],
    index: u64,
    row: &RawRow,
) -> Result<RowOutcome, Rejection> {
    let header_of = |key: &str| {
        context
            .layout
            .columns
            .iter()
            .find(|c| c.key == key)
            .map_or(key, |c| c.header.as_str())
            .to_owned()
    };
    let at = |column: &str| format!("{}, line {}, {column}", sheet.file, row.line);
    let identifier = keys
        .iter()
        .position(|k| *k == Some("nazev"))
        .and_then(|i| row.cells.get(i))
        .filter(|t| !t.is_empty())
        .cloned();
    let reject = |path: String, message: String| Rejection {
        index,
        identifier: identifier.clone(),
        path,
        message,
    };
    if let Some((column, formula)) = row.formulas.first() {
        let header = sheet.header.get(*column).cloned().unwrap_or_default();
        return Err(reject(
            at(&header),
            format!("the cell holds a formula or an error ({formula}); enter the value itself"),
        ));
    }
    if let Some(extra) = row
        .cells
        .iter()
        .skip(keys.len())
        .position(|c| !c.is_empty())
    {
        return Err(reject(
            at(&format!("column {}", keys.len() + extra + 1)),
            "the row has more cells than the header".into(),
        ));
    }
    let cells: HashMap<&str, &str> = keys
        .iter()
        .zip(&row.cells)
        .filter_map(|(key, text)| Some(((*key)?, undefused(text))))
        .collect();
    context
        .row(&cells)
        .map_err(|Problem(key, message)| reject(at(&header_of(&key)), message))
}

/// Every row of a sheet, taken or refused.
pub fn import_sheet(context: &ImportContext, sheet: &RawSheet) -> Result<SheetImport, DataError> {
    let keys = columns(context, sheet)?;
    let mut result = SheetImport::default();
    for (index, row) in sheet.rows.iter().enumerate() {
        let index = index as u64;
        result.rows += 1;
        match take_row(context, sheet, &keys, index, row) {
            Ok(RowOutcome::Entry(entry)) => {
                result
                    .entries
                    .push((format!("{}, line {}", sheet.file, row.line), *entry));
                result.positions.push(index);
            }
            Ok(RowOutcome::Registry) => result.registry_rows += 1,
            Err(rejection) => result.rejected.push(rejection),
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_lists() {
        assert_eq!(
            date("2026-11-23"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default())
        );
        assert_eq!(
            date("23. 11. 2026"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default())
        );
        assert!(date("zítra").is_err());
        assert_eq!(items(" a; b ;\n c;;"), ["a", "b", "c"]);
        assert_eq!(undefused("'=1+1"), "=1+1");
        assert_eq!(undefused("'ahoj"), "'ahoj");
    }
}

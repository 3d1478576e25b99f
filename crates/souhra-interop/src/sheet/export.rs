//! Catalogue entries → spreadsheet rows.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Timelike};
use souhra_core::catalogue::{
    AreaUnit, CatalogueEntry, Facility, ServiceForm, ServiceStatus, Source,
};
use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::territory::TerritoryDataset;
use souhra_core::text::sort_key;

use super::{LIST_SEPARATOR, Layout, Sheet};
use crate::error::DataError;
use crate::hsds::export::{service_id, street_line};
use crate::places::Names;

/// The opening periods of one day.
type Intervals = Vec<(NaiveTime, NaiveTime)>;

/// Separator of the parts of the opening hours of several forms.
pub const FORM_SEPARATOR: &str = " | ";

/// What rows need besides the entries: territorial names, labels of codes, the layout.
pub struct Context {
    names: Names,
    layout: Layout,
}

impl Context {
    /// From the territory and the codelists in force.
    pub fn new(
        territory: &TerritoryDataset,
        codelists: &[CodelistEntry],
    ) -> Result<Self, DataError> {
        Ok(Self {
            names: Names::new(territory, codelists),
            layout: Layout::load()?,
        })
    }

    /// The layout in use.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    fn label(&self, list: Codelist, key: &str) -> String {
        self.names.label(list, key).to_owned()
    }

    /// `§ 37 odborné sociální poradenství`.
    pub fn kind_text(&self, key: &str) -> String {
        let entry = self.names.code(Codelist::ServiceKind, key);
        match entry {
            Some(entry) if entry.label.is_some() && entry.paragraph.is_some() => {
                format!("§ {} {}", entry.key, entry.display_label())
            }
            Some(entry) => entry.display_label().to_owned(),
            None => key.to_owned(),
        }
    }

    fn labels(&self, list: Codelist, keys: &[String]) -> String {
        keys.iter()
            .map(|k| self.label(list, k))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR)
    }

    fn form_label(&self, form: &ServiceForm) -> String {
        self.label(Codelist::Form, form.form.key())
    }

    fn municipality_name(&self, facility: &Facility) -> String {
        facility
            .municipality
            .and_then(|m| self.names.places.municipality(m))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    /// `Název, Ulice 12, 335 01 Obec`; a hidden address shows only its municipality.
    fn place_text(&self, facility: &Facility) -> String {
        let municipality = self.municipality_name(facility);
        let mut parts: Vec<String> = vec![facility.name.clone()];
        if facility.hidden_address {
            parts.push(format!("{municipality} ({})", self.layout.word("hidden")));
        } else {
            let street = facility
                .address
                .as_ref()
                .map(street_line)
                .unwrap_or_default();
            let postcode = facility
                .address
                .as_ref()
                .and_then(|a| a.postcode)
                .map(|p| p.to_string())
                .unwrap_or_default();
            parts.push(street);
            parts.push(format!("{postcode} {municipality}").trim().to_owned());
        }
        parts.retain(|p| !p.is_empty());
        parts.join(", ")
    }

    fn unit_text(&self, unit: AreaUnit) -> String {
        let (kind, code) = unit.parts();
        let name = self
            .names
            .places
            .name(unit)
            .map_or_else(|| code.to_string(), str::to_owned);
        format!("{} {name}", self.layout.word(&format!("unit.{kind}")))
    }

    fn capacities(&self, entry: &CatalogueEntry) -> String {
        let mut parts = Vec::new();
        for form in &entry.forms {
            for capacity in &form.capacities {
                let kind = self.label(Codelist::CapacityType, &capacity.capacity_type);
                parts.push(format!(
                    "{}: {} {kind}",
                    self.form_label(form),
                    capacity.count
                ));
            }
        }
        parts.join(LIST_SEPARATOR)
    }

    /// `po–pá 8:00–16:00; so 9:00–12:00`, form by form where there are several.
    pub fn hours_text(&self, forms: &[ServiceForm]) -> String {
        let described: Vec<&ServiceForm> = forms
            .iter()
            .filter(|f| !f.hours.is_empty() || f.hours_note.is_some() || f.continuous)
            .collect();
        let parts: Vec<String> = described
            .iter()
            .map(|form| {
                let mut text = if form.continuous {
                    self.layout.word("continuous").to_owned()
                } else {
                    self.week_text(form)
                };
                if let Some(note) = &form.hours_note {
                    text = if text.is_empty() {
                        note.clone()
                    } else {
                        format!("{text} ({note})")
                    };
                }
                if forms.len() > 1 {
                    format!("{}: {text}", self.form_label(form))
                } else {
                    text
                }
            })
            .collect();
        parts.join(FORM_SEPARATOR)
    }

    fn week_text(&self, form: &ServiceForm) -> String {
        let mut days: BTreeMap<u8, Intervals> = BTreeMap::new();
        for period in &form.hours {
            days.entry(period.weekday.number())
                .or_default()
                .push((period.opens, period.closes));
        }
        for intervals in days.values_mut() {
            intervals.sort();
        }
        // Runs of consecutive days with the same hours.
        let mut runs: Vec<(u8, u8, &Intervals)> = Vec::new();
        for (day, intervals) in &days {
            match runs.last_mut() {
                Some((_, last, same)) if *last + 1 == *day && *same == intervals => *last = *day,
                _ => runs.push((*day, *day, intervals)),
            }
        }
        runs.iter()
            .map(|(first, last, intervals)| {
                let day = |d: u8| self.layout.word(&format!("day.{d}")).to_owned();
                let days = if first == last {
                    day(*first)
                } else {
                    format!("{}–{}", day(*first), day(*last))
                };
                let times: Vec<String> = intervals
                    .iter()
                    .map(|(o, c)| format!("{}–{}", time(*o), time(*c)))
                    .collect();
                format!("{days} {}", times.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The row of one entry, column by column of the layout.
    pub fn row(&self, entry: &CatalogueEntry) -> Vec<String> {
        let first = entry.facilities.first();
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let join = |list: &[String]| list.join(LIST_SEPARATOR);
        let status = match entry.status {
            ServiceStatus::Active => "status.active",
            ServiceStatus::Suspended => "status.suspended",
            ServiceStatus::Ended => "status.ended",
        };
        let source = match entry.source {
            Source::Registry => "source.registry",
            Source::Local => "source.local",
        };
        self.layout
            .columns
            .iter()
            .map(|column| match column.key.as_str() {
                "id" => service_id(entry),
                "zdroj" => self.layout.word(source).to_owned(),
                "identifikator" => entry
                    .registration_id
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                "nazev" => entry.name.clone(),
                "druh" => self.kind_text(&entry.kind),
                "formy" => entry
                    .forms
                    .iter()
                    .map(|f| self.form_label(f))
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
                "cilove_skupiny" => self.labels(Codelist::TargetGroup, &entry.target_groups),
                "vekove_skupiny" => self.labels(Codelist::AgeGroup, &entry.age_groups),
                "kapacity" => self.capacities(entry),
                "poskytovatel" => entry.organization.name.clone(),
                "ico" => entry
                    .organization
                    .ico
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                "misto" => first.map(|f| f.name.clone()).unwrap_or_default(),
                "ulice" => first
                    .filter(|f| !f.hidden_address)
                    .and_then(|f| f.address.as_ref())
                    .map(street_line)
                    .unwrap_or_default(),
                "obec" => first.map(|f| self.municipality_name(f)).unwrap_or_default(),
                "kod_obce" => first
                    .and_then(|f| f.municipality)
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                "psc" => first
                    .filter(|f| !f.hidden_address)
                    .and_then(|f| f.address.as_ref()?.postcode)
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                "utajena_adresa" => {
                    let hidden = first.is_some_and(|f| f.hidden_address);
                    self.layout
                        .word(if hidden { "yes" } else { "no" })
                        .to_owned()
                }
                "dalsi_mista" => entry
                    .facilities
                    .iter()
                    .skip(1)
                    .map(|f| self.place_text(f))
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
                "pusobnost" => entry
                    .service_area
                    .iter()
                    .map(|u| self.unit_text(*u))
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
                "provozni_doba" => self.hours_text(&entry.forms),
                "web" => join(&entry.contacts.web),
                "email" => join(&entry.contacts.emails),
                "telefon" => join(&entry.contacts.phones),
                "uhrady" => entry.fees.clone().unwrap_or_default(),
                "popis" => entry.description.clone().unwrap_or_default(),
                "stav" => self.layout.word(status).to_owned(),
                "poskytovano_od" => date(entry.provided_from),
                "poskytovano_do" => date(entry.provided_to),
                "overeno" => date(entry.verified_on),
                _ => String::new(),
            })
            .collect()
    }
}

/// `8:00`, `16:30`.
fn time(t: NaiveTime) -> String {
    format!("{}:{:02}", t.hour(), t.minute())
}

/// The catalogue as a sheet: every column, a row per entry, ordered by service name.
pub fn table(context: &Context, entries: &[CatalogueEntry]) -> Sheet {
    let mut ordered: Vec<&CatalogueEntry> = entries.iter().collect();
    ordered.sort_by_cached_key(|e| {
        (
            sort_key(&e.name),
            sort_key(&e.organization.name),
            service_id(e),
        )
    });
    Sheet {
        header: context
            .layout
            .columns
            .iter()
            .map(|c| c.header.clone())
            .collect(),
        rows: ordered.into_iter().map(|e| context.row(e)).collect(),
    }
}

/// The empty import template: the template's columns and no rows.
pub fn template(layout: &Layout) -> Sheet {
    Sheet {
        header: layout
            .template_columns()
            .map(|c| c.header.clone())
            .collect(),
        rows: Vec::new(),
    }
}

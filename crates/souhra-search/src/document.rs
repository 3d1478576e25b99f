//! What the index is fed: one service with what search needs of it.

use chrono::Timelike;
use souhra_core::catalogue::{AreaUnit, CatalogueEntry, ServiceStatus};
use souhra_core::code::MunicipalityCode;
use souhra_core::codelist::Codelist;
use souhra_core::territory::GeoPoint;

/// Weekly opening interval: weekday 1 (Monday) to 7, minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// Opening minute of the day (0–1439).
    pub opens: u16,
    /// Closing minute of the day (1–1440); an interval past midnight ends at 1440.
    pub closes: u16,
}

/// One service as the index sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceDocument {
    /// The store's service id.
    pub id: i64,
    /// Name in force.
    pub name: String,
    /// The provider's name.
    pub provider: String,
    /// Kind: codelist key and label.
    pub kind: (String, String),
    /// Description, fees and other free text.
    pub description: String,
    /// Labels of the target groups (searchable words: "senioři", "rodiny s dětmi").
    pub topics: Vec<String>,
    /// Target group keys.
    pub target_groups: Vec<String>,
    /// Age group keys.
    pub age_groups: Vec<String>,
    /// Form keys (residential, outpatient, field).
    pub forms: Vec<String>,
    /// Municipalities of its facilities.
    pub facility_municipalities: Vec<MunicipalityCode>,
    /// Its service area as given.
    pub service_area: Vec<AreaUnit>,
    /// Points of its facilities (for hidden addresses: the municipality's point).
    pub points: Vec<GeoPoint>,
    /// Weekly hours of all its forms.
    pub hours: Vec<Interval>,
    /// Open day and night (a residential form or a continuous service).
    pub always_open: bool,
    /// Ended services are indexed but left out unless asked for.
    pub ended: bool,
}

fn minutes(time: chrono::NaiveTime) -> u16 {
    // At most 1439: fits.
    (time.hour() * 60 + time.minute()) as u16
}

impl ServiceDocument {
    /// The document of a catalogue entry. `label` gives a codelist entry's Czech label;
    /// `municipality` a municipality's name and representative point. A hidden address counts
    /// at its municipality's point, so that distances never reveal where it is.
    pub fn from_entry(
        id: i64,
        entry: &CatalogueEntry,
        label: impl Fn(Codelist, &str) -> Option<String>,
        municipality: impl Fn(MunicipalityCode) -> Option<(String, Option<GeoPoint>)>,
    ) -> Self {
        let mut places = Vec::new();
        let mut points = Vec::new();
        let mut facility_municipalities = Vec::new();
        for facility in &entry.facilities {
            places.push(facility.name.clone());
            let known = facility.municipality.and_then(&municipality);
            if let Some(code) = facility.municipality {
                facility_municipalities.push(code);
            }
            if let Some((name, _)) = &known {
                places.push(name.clone());
            }
            let point = if facility.hidden_address {
                known.and_then(|(_, p)| p)
            } else {
                facility.point.or_else(|| known.and_then(|(_, p)| p))
            };
            points.extend(point);
        }
        facility_municipalities.sort();
        facility_municipalities.dedup();
        let mut hours = Vec::new();
        let mut always_open = false;
        for form in &entry.forms {
            always_open |= form.continuous;
            hours.extend(form.hours.iter().map(|h| Interval {
                weekday: h.weekday.number(),
                opens: minutes(h.opens),
                closes: match minutes(h.closes) {
                    0 => 1440,
                    m => m,
                },
            }));
        }
        let mut description = entry.description.clone().unwrap_or_default();
        for place in places {
            description.push('\n');
            description.push_str(&place);
        }
        ServiceDocument {
            id,
            name: entry.name.clone(),
            provider: entry.organization.name.clone(),
            kind: (
                entry.kind.clone(),
                label(Codelist::ServiceKind, &entry.kind).unwrap_or_default(),
            ),
            description,
            topics: entry
                .target_groups
                .iter()
                .filter_map(|k| label(Codelist::TargetGroup, k))
                .collect(),
            target_groups: entry.target_groups.clone(),
            age_groups: entry.age_groups.clone(),
            forms: entry
                .forms
                .iter()
                .map(|f| f.form.key().to_owned())
                .collect(),
            facility_municipalities,
            service_area: entry.service_area.clone(),
            points,
            hours,
            always_open,
            ended: entry.status == ServiceStatus::Ended,
        }
    }
}

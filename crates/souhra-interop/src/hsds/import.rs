//! HSDS services → catalogue entries. Services of Souhra's profile come back complete; services
//! of other publishers come in with what HSDS itself says (name, description, contacts, places,
//! hours, status), and need a kind of social service: from the profile's `service_kind`
//! attribute, or a default given by the importer.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use souhra_core::catalogue::{
    Address, AreaUnit, Capacity, CatalogueEntry, Contacts, Facility, Ico, OpeningPeriod,
    Organization, RegistrationId, ServiceForm, ServiceStatus, Source, Weekday,
};
use souhra_core::code::{MunicipalityCode, Postcode};
use souhra_core::codelist::{Codelist, CodelistEntry, Form};
use souhra_core::import::Rejection;
use souhra_core::territory::GeoPoint;

use super::export::{ADDRESS_POINT_TYPE, AREA_URI_PREFIX, EXTENT_TYPE, ICO_SCHEME};
use super::model::{Attribute, Location, Schedule, Service};

/// Codelist keys by the codes HSDS terms carry (registry ids or keys).
#[derive(Debug, Clone, Default)]
pub struct ImportContext {
    keys: HashMap<(Codelist, String), String>,
    default_kind: Option<String>,
}

impl ImportContext {
    /// From the codelists in force; `default_kind` (a kind key such as `37`) is given to services
    /// that carry no kind of their own.
    pub fn new(codelists: &[CodelistEntry], default_kind: Option<String>) -> Self {
        let mut keys = HashMap::new();
        for entry in codelists {
            keys.insert((entry.codelist, entry.key.clone()), entry.key.clone());
            if let Some(id) = &entry.registry_id {
                keys.insert((entry.codelist, id.clone()), entry.key.clone());
            }
        }
        Self { keys, default_kind }
    }

    /// The key of a term's code (unknown codes pass through, for the store to reject by name).
    fn key(&self, list: Codelist, attribute: &Attribute) -> Option<String> {
        let code = attribute
            .taxonomy_term
            .as_ref()
            .and_then(|t| t.code.clone())?;
        Some(
            self.keys
                .get(&(list, code.clone()))
                .cloned()
                .unwrap_or(code),
        )
    }
}

struct Problem(String, String);

fn day(text: &str, path: &str) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(text.get(..10).unwrap_or(text), "%Y-%m-%d").map_err(|_| {
        Problem(
            path.to_owned(),
            format!("{text:?} is not a date (YYYY-MM-DD)"),
        )
    })
}

fn time(text: &str) -> Option<NaiveTime> {
    // Offsets (`09:00+01:00`, `Z`) are dropped: hours are local time.
    let bare: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    NaiveTime::parse_from_str(&bare, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(&bare, "%H:%M"))
        .ok()
}

/// A plain weekday code (`MO`); an ordinal one (`2MO`, `-1FR`) is no weekly day.
fn weekday(code: &str) -> Option<Weekday> {
    let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        .iter()
        .position(|d| code.trim().eq_ignore_ascii_case(d))?;
    Weekday::new(u8::try_from(day + 1).ok()?)
}

/// The rule of a schedule as compact text (`MONTHLY 2MO 09:00-12:00`), for a note.
fn rule_text(schedule: &Schedule) -> Option<String> {
    let parts: Vec<String> = [
        schedule.freq.clone(),
        schedule.interval.map(|i| format!("/{i}")),
        schedule.byday.clone(),
        match (&schedule.opens_at, &schedule.closes_at) {
            (Some(opens), Some(closes)) => Some(format!("{opens}-{closes}")),
            (Some(opens), None) => Some(opens.clone()),
            _ => None,
        },
    ]
    .into_iter()
    .flatten()
    .filter(|p| !p.trim().is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `Nádražní 123/4` → street, house number, orientation number.
pub(crate) fn split_street_line(line: &str) -> (Option<String>, Option<String>, Option<String>) {
    let line = line.trim();
    let (street, numbers) = match line.rsplit_once(' ') {
        Some((street, last)) if last.starts_with(|c: char| c.is_ascii_digit()) => {
            (Some(street.trim().to_owned()), last)
        }
        _ if line.starts_with(|c: char| c.is_ascii_digit()) && !line.contains(' ') => (None, line),
        _ => (Some(line.to_owned()).filter(|s| !s.is_empty()), ""),
    };
    let (house, orientation) = match numbers.split_once('/') {
        Some((house, orientation)) => (Some(house.to_owned()), Some(orientation.to_owned())),
        None if numbers.is_empty() => (None, None),
        None => (Some(numbers.to_owned()), None),
    };
    (street, house, orientation)
}

fn link(attribute: &Attribute) -> &str {
    attribute.link_type.as_deref().unwrap_or_default()
}

fn facility(location: &Location, path: &str) -> Result<Facility, Problem> {
    let mut municipality = None;
    let mut hidden = false;
    let (mut from, mut to) = (None, None);
    for attribute in &location.attributes {
        match link(attribute) {
            "municipality" => {
                let code = attribute
                    .taxonomy_term
                    .as_ref()
                    .and_then(|t| t.code.clone())
                    .unwrap_or_default();
                municipality = Some(
                    MunicipalityCode::parse(&code)
                        .map_err(|e| Problem(format!("{path}.attributes"), e.to_string()))?,
                );
            }
            "hidden_address" => hidden = attribute.value.as_deref() == Some("true"),
            "provided_from" => {
                from = attribute
                    .value
                    .as_deref()
                    .map(|v| day(v, path))
                    .transpose()?
            }
            "provided_to" => {
                to = attribute
                    .value
                    .as_deref()
                    .map(|v| day(v, path))
                    .transpose()?
            }
            _ => {}
        }
    }
    let address_point = match (
        &location.external_identifier,
        location.external_identifier_type.as_deref(),
    ) {
        (Some(id), Some(ADDRESS_POINT_TYPE)) => Some(id.trim().parse::<u64>().map_err(|_| {
            Problem(
                format!("{path}.external_identifier"),
                format!("{id:?} is not an address-point code"),
            )
        })?),
        _ => None,
    };
    let name = location.name.clone().unwrap_or_default();
    let address = if hidden {
        None
    } else {
        let line = location.addresses.first();
        let (street, house_number, orientation_number) = line
            .map(|a| split_street_line(&a.address_1))
            .unwrap_or_default();
        let postcode = line.and_then(|a| Postcode::parse(&a.postal_code).ok());
        let address = Address {
            street,
            house_number,
            orientation_number,
            postcode,
            municipality,
            address_point,
        };
        (address != Address::default()).then_some(address)
    };
    // A hidden facility comes without its address point, so two of the same name would look
    // alike; the location's id tells them apart.
    let key = if hidden {
        format!("hidden:{}", location.id)
    } else {
        Facility::identity(address_point, &name)
    };
    Ok(Facility {
        key,
        name,
        address,
        municipality,
        point: if hidden {
            None
        } else {
            location
                .latitude
                .zip(location.longitude)
                .and_then(|(lat, lon)| GeoPoint::new(lat, lon))
        },
        hidden_address: hidden,
        from,
        to,
    })
}

fn area_units(service: &Service) -> Vec<AreaUnit> {
    let mut units = Vec::new();
    for area in &service.service_areas {
        let from_uri = area
            .uri
            .as_deref()
            .and_then(|u| u.strip_prefix(AREA_URI_PREFIX))
            .and_then(|rest| {
                let (kind, code) = rest.split_once(':')?;
                AreaUnit::from_parts(kind, code.parse().ok()?)
            });
        match from_uri {
            Some(unit) => units.push(unit),
            None if area.extent_type.as_deref() == Some(EXTENT_TYPE) => units.extend(
                area.extent
                    .iter()
                    .flat_map(|e| e.split_whitespace())
                    .filter_map(|code| MunicipalityCode::parse(code).ok())
                    .map(AreaUnit::Municipality),
            ),
            None => {}
        }
    }
    units.sort();
    units.dedup();
    units
}

fn schedules(context: &ImportContext, schedules: &[Schedule], forms: &mut Vec<ServiceForm>) {
    for schedule in schedules {
        let form = schedule
            .attributes
            .iter()
            .find(|a| link(a) == "form")
            .and_then(|a| context.key(Codelist::Form, a))
            .and_then(|k| Form::parse(&k))
            .or_else(|| forms.first().map(|f| f.form))
            .unwrap_or(Form::Outpatient);
        let index = match forms.iter().position(|f| f.form == form) {
            Some(index) => index,
            None => {
                forms.push(ServiceForm {
                    form,
                    continuous: false,
                    capacities: vec![],
                    hours: vec![],
                    hours_note: None,
                });
                forms.len() - 1
            }
        };
        let target = &mut forms[index];
        if schedule.attributes.iter().any(|a| link(a) == "hours_note") {
            target.hours_note = schedule.description.clone();
            continue;
        }
        let times = schedule
            .opens_at
            .as_deref()
            .and_then(time)
            .zip(schedule.closes_at.as_deref().and_then(time));
        let days: Option<Vec<Weekday>> = schedule
            .byday
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(weekday)
            .collect();
        // Only plain weekly rules become opening periods; anything else (every other week, the
        // second Monday of the month) is kept as a note rather than misread as every week.
        let weekly = schedule
            .freq
            .as_deref()
            .is_none_or(|f| f.eq_ignore_ascii_case("WEEKLY"))
            && schedule.interval.is_none_or(|i| i == 1.0);
        match (times, days) {
            (Some((opens, closes)), Some(days)) if weekly && !days.is_empty() => {
                target
                    .hours
                    .extend(days.into_iter().map(|weekday| OpeningPeriod {
                        weekday,
                        opens,
                        closes,
                    }));
            }
            _ => {
                let note = schedule.description.clone().or_else(|| rule_text(schedule));
                if let Some(note) = note {
                    target.hours_note = Some(match target.hours_note.take() {
                        Some(before) if before != note => format!("{before}; {note}"),
                        _ => note,
                    });
                }
            }
        }
    }
    for form in forms.iter_mut() {
        form.hours.sort_by_key(|h| (h.weekday, h.opens));
        form.hours.dedup();
    }
}

fn organization(
    service: &Service,
    path: &str,
) -> Result<(Organization, Option<String>, bool), Problem> {
    let Some(org) = &service.organization else {
        return Err(Problem(
            format!("{path}.organization"),
            "the service has no organization".into(),
        ));
    };
    let ico = org
        .organization_identifiers
        .iter()
        .find(|i| {
            i.identifier_scheme.as_deref() == Some(ICO_SCHEME)
                || i.identifier_type.eq_ignore_ascii_case("ico")
        })
        .map(|i| {
            Ico::parse(&i.identifier).map_err(|e| {
                Problem(
                    format!("{path}.organization.organization_identifiers"),
                    e.to_string(),
                )
            })
        })
        .transpose()?;
    let organization = Organization {
        ico,
        name: org.name.clone(),
        legal_form: org.legal_status.clone(),
        seat: None,
        contacts: Contacts {
            web: org.website.iter().cloned().collect(),
            emails: org.email.iter().cloned().collect(),
            phones: org.phones.iter().map(|p| p.number.clone()).collect(),
        },
    };
    let demo = org
        .attributes
        .iter()
        .any(|a| link(a) == "demo" && a.value.as_deref() == Some("true"));
    Ok((organization, Some(org.id.clone()), demo))
}

fn entry(
    context: &ImportContext,
    path: &str,
    service: &Service,
) -> Result<CatalogueEntry, Problem> {
    let attributes_path = format!("{path}.attributes");
    let mut kind = None;
    let (mut target_groups, mut age_groups) = (Vec::new(), Vec::new());
    let mut forms: Vec<ServiceForm> = Vec::new();
    let mut registration_id = None;
    let mut source = Source::Local;
    let (mut provided_from, mut provided_to, mut status_since) = (None, None, None);
    let mut is_demo = false;
    for attribute in &service.attributes {
        let value = attribute.value.as_deref();
        match link(attribute) {
            "service_kind" => kind = context.key(Codelist::ServiceKind, attribute),
            "target_group" => target_groups.extend(context.key(Codelist::TargetGroup, attribute)),
            "age_group" => age_groups.extend(context.key(Codelist::AgeGroup, attribute)),
            "form" => {
                let key = context.key(Codelist::Form, attribute).unwrap_or_default();
                let form = Form::parse(&key).ok_or_else(|| {
                    Problem(attributes_path.clone(), format!("unknown form {key:?}"))
                })?;
                if !forms.iter().any(|f| f.form == form) {
                    forms.push(ServiceForm {
                        form,
                        continuous: value == Some("continuous"),
                        capacities: vec![],
                        hours: vec![],
                        hours_note: None,
                    });
                }
            }
            "registration_id" => {
                let text = value.unwrap_or_default();
                registration_id = Some(
                    RegistrationId::parse(text)
                        .map_err(|e| Problem(attributes_path.clone(), e.to_string()))?,
                );
            }
            "source" => source = value.and_then(Source::from_key).unwrap_or(Source::Local),
            "provided_from" => {
                provided_from = value.map(|v| day(v, &attributes_path)).transpose()?
            }
            "provided_to" => provided_to = value.map(|v| day(v, &attributes_path)).transpose()?,
            "status_since" => status_since = value.map(|v| day(v, &attributes_path)).transpose()?,
            "demo" => is_demo = value == Some("true"),
            _ => {}
        }
    }
    for attribute in &service.attributes {
        let Some(form_key) = link(attribute).strip_prefix("capacity:") else {
            continue;
        };
        let form = Form::parse(form_key).ok_or_else(|| {
            Problem(
                attributes_path.clone(),
                format!("unknown form {form_key:?}"),
            )
        })?;
        let count = attribute
            .value
            .as_deref()
            .and_then(|v| v.trim().parse::<u32>().ok())
            .ok_or_else(|| {
                Problem(
                    attributes_path.clone(),
                    format!(
                        "capacity {:?} is not a whole number",
                        attribute.value.as_deref().unwrap_or("")
                    ),
                )
            })?;
        let capacity_type = context
            .key(Codelist::CapacityType, attribute)
            .unwrap_or_default();
        match forms.iter_mut().find(|f| f.form == form) {
            Some(target) => target.capacities.push(Capacity {
                capacity_type,
                count,
                note: None,
            }),
            None => {
                return Err(Problem(
                    attributes_path,
                    format!("a capacity of form {form_key:?}, which the service does not have"),
                ));
            }
        }
    }
    for form in &mut forms {
        form.capacities
            .sort_by(|a, b| a.capacity_type.cmp(&b.capacity_type));
    }
    forms.sort_by_key(|f| f.form);
    schedules(context, &service.schedules, &mut forms);
    let kind = kind
        .or_else(|| context.default_kind.clone())
        .ok_or_else(|| Problem(attributes_path.clone(), "the service has no kind of social service (§); the Czech profile carries it as a service_kind attribute, or give a default kind".into()))?;
    let status = match service.status.as_str() {
        "active" => ServiceStatus::Active,
        "temporarily closed" => ServiceStatus::Suspended,
        "defunct" | "inactive" => ServiceStatus::Ended,
        other => {
            return Err(Problem(
                format!("{path}.status"),
                format!("unknown status {other:?}"),
            ));
        }
    };
    let mut facilities = Vec::new();
    for (i, link) in service.service_at_locations.iter().enumerate() {
        if let Some(location) = &link.location {
            facilities.push(facility(
                location,
                &format!("{path}.service_at_locations[{i}].location"),
            )?);
        }
    }
    let (organization, organization_public_id, organization_demo) = organization(service, path)?;
    let mut emails: Vec<String> = service.email.iter().cloned().collect();
    emails.extend(service.contacts.iter().filter_map(|c| c.email.clone()));
    Ok(CatalogueEntry {
        public_id: Some(service.id.clone()),
        registration_id,
        source,
        name: service.name.trim().to_owned(),
        kind,
        description: service.description.clone(),
        fees: service.fees_description.clone(),
        contacts: Contacts {
            web: service.url.iter().cloned().collect(),
            emails,
            phones: service.phones.iter().map(|p| p.number.clone()).collect(),
        },
        forms,
        target_groups,
        age_groups,
        facilities,
        service_area: area_units(service),
        status,
        status_since,
        provided_from,
        provided_to,
        verified_on: service
            .assured_date
            .as_deref()
            .map(|d| day(d, &format!("{path}.assured_date")))
            .transpose()?,
        organization,
        organization_public_id,
        is_demo: is_demo || organization_demo,
    })
}

/// The entry of the service at `index` of its file, read at `path`, or why it cannot be taken.
pub fn to_entry(
    context: &ImportContext,
    index: u64,
    path: &str,
    service: &Service,
) -> Result<CatalogueEntry, Rejection> {
    entry(context, path, service).map_err(|Problem(field_path, message)| Rejection {
        index,
        identifier: Some(service.id.clone()),
        path: field_path,
        message,
    })
}

/// Entries of the services that can be taken, and the reasons for those that cannot.
pub fn to_entries(
    context: &ImportContext,
    services: &[(String, Service)],
) -> (Vec<(String, CatalogueEntry)>, Vec<Rejection>) {
    let mut entries = Vec::new();
    let mut rejected = Vec::new();
    for (index, (path, service)) in services.iter().enumerate() {
        match to_entry(context, index as u64, path, service) {
            Ok(entry) => entries.push((path.clone(), entry)),
            Err(rejection) => rejected.push(rejection),
        }
    }
    (entries, rejected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn street_lines_split_back() {
        let cases = [
            ("Nádražní 123/4", (Some("Nádražní"), Some("123"), Some("4"))),
            ("Na Výsluní 12", (Some("Na Výsluní"), Some("12"), None)),
            ("123", (None, Some("123"), None)),
            (
                "Masarykovo náměstí",
                (Some("Masarykovo náměstí"), None, None),
            ),
            ("", (None, None, None)),
        ];
        for (line, (street, house, orientation)) in cases {
            let (s, h, o) = split_street_line(line);
            assert_eq!(
                (s.as_deref(), h.as_deref(), o.as_deref()),
                (street, house, orientation),
                "{line}"
            );
        }
    }

    #[test]
    fn only_plain_weekly_rules_become_opening_periods() {
        let rule = |freq: &str, interval: Option<f64>, byday: &str| Schedule {
            id: "s".into(),
            freq: Some(freq.into()),
            interval,
            byday: Some(byday.into()),
            opens_at: Some("09:00".into()),
            closes_at: Some("12:00+01:00".into()),
            ..Schedule::default()
        };
        let mut forms = Vec::new();
        let context = ImportContext::default();
        schedules(
            &context,
            &[
                rule("WEEKLY", None, "MO,WE"),
                rule("MONTHLY", None, "2TU"),
                rule("WEEKLY", Some(2.0), "FR"),
            ],
            &mut forms,
        );
        let form = &forms[0];
        let days: Vec<u8> = form.hours.iter().map(|h| h.weekday.number()).collect();
        assert_eq!(days, [1, 3]);
        assert_eq!(
            form.hours_note.as_deref(),
            Some("MONTHLY 2TU 09:00-12:00+01:00; WEEKLY /2 FR 09:00-12:00+01:00")
        );
    }

    #[test]
    fn times_and_days() {
        assert_eq!(time("09:00+01:00"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(time("17:30:00Z"), NaiveTime::from_hms_opt(17, 30, 0));
        assert_eq!(time("x"), None);
        assert_eq!(weekday("MO").map(Weekday::number), Some(1));
        assert_eq!(weekday("2MO"), None);
        assert_eq!(weekday("SU").map(Weekday::number), Some(7));
        assert_eq!(weekday("XX"), None);
    }
}

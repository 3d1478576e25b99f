//! From the registry's JSON structs to validated [`RegistryRecord`]s, with the field path of
//! every problem.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;
use souhra_core::catalogue::{
    Address, AreaUnit, Capacity, Contacts, Facility, Ico, OpeningPeriod, Organization,
    RegistrationId, RegistryRecord, ServiceForm, Weekday,
};
use souhra_core::code::{DistrictCode, MunicipalityCode, OrpCode, Postcode, RegionCode};
use souhra_core::codelist::Form;
use souhra_core::import::Rejection;
use souhra_core::territory::TerritoryDataset;

use super::raw;

/// What the reader needs to know of the territory: ORP references in the registry may use the
/// RÚIAN code of an ORP (as its regions and districts do) or the ČSÚ code.
#[derive(Debug, Clone, Default)]
pub struct TerritoryLookup {
    orps: HashMap<u32, OrpCode>,
}

impl TerritoryLookup {
    /// Builds the lookup from a territory dataset.
    pub fn new(territory: &TerritoryDataset) -> Self {
        Self::from_orps(territory.orps.iter().map(|o| (o.ruian_code, o.code)))
    }

    /// Builds the lookup from (RÚIAN code, ČSÚ code) pairs of ORPs.
    pub fn from_orps(orps: impl IntoIterator<Item = (u32, OrpCode)>) -> Self {
        let mut map = HashMap::new();
        for (ruian, code) in orps {
            map.insert(ruian, code);
            map.insert(code.get(), code);
        }
        Self { orps: map }
    }
}

/// A problem at a field path inside the current record.
pub(crate) struct Problem {
    path: String,
    message: String,
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        path: path.into(),
        message: message.into(),
    }
}

impl Problem {
    pub(crate) fn into_rejection(self, index: u64, identifier: Option<String>) -> Rejection {
        Rejection {
            index,
            identifier,
            path: format!("polozky[{index}].{}", self.path),
            message: self.message,
        }
    }
}

fn date(text: &Option<String>, path: &str) -> Result<Option<NaiveDate>, Problem> {
    let Some(text) = text.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let day = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| problem(path, format!("{text:?} is not a date (YYYY-MM-DD)")))
}

/// The id of a reference, which must carry `prefix`.
fn reference(
    reference: &Option<raw::Ref>,
    prefix: &str,
    path: &str,
) -> Result<Option<String>, Problem> {
    let Some(id) = reference
        .as_ref()
        .and_then(|r| r.id.as_deref())
        .map(str::trim)
        .filter(|i| !i.is_empty())
    else {
        return Ok(None);
    };
    match id
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('/'))
    {
        Some(code) if !code.is_empty() => Ok(Some(id.to_owned())),
        _ => Err(problem(
            format!("{path}.id"),
            format!("{id:?} is not an id of the codelist {prefix}"),
        )),
    }
}

fn push_unique(list: &mut Vec<String>, value: Option<String>) {
    if let Some(value) = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
        && !list.contains(&value)
    {
        list.push(value);
    }
}

fn contacts(
    emails: &Option<Vec<raw::Email>>,
    phones: &Option<Vec<raw::Phone>>,
    webs: &Option<Vec<raw::Web>>,
) -> Contacts {
    let mut contacts = Contacts::default();
    for e in emails.iter().flatten() {
        push_unique(&mut contacts.emails, e.email.clone());
    }
    for p in phones.iter().flatten() {
        push_unique(
            &mut contacts.phones,
            p.telefon.as_ref().map(raw::Text::text),
        );
    }
    for w in webs.iter().flatten() {
        push_unique(&mut contacts.web, w.web.clone());
    }
    contacts
}

fn municipality_of(
    reference: &Option<raw::Ref>,
    path: &str,
) -> Result<Option<MunicipalityCode>, Problem> {
    let Some(id) = reference
        .as_ref()
        .and_then(|r| r.id.as_deref())
        .map(str::trim)
        .filter(|i| !i.is_empty())
    else {
        return Ok(None);
    };
    let code = id.strip_prefix("Obec/").unwrap_or(id);
    MunicipalityCode::parse(code)
        .map(Some)
        .map_err(|e| problem(format!("{path}.id"), e.to_string()))
}

fn address(address: &raw::Address, path: &str) -> Result<Address, Problem> {
    let text = |t: &Option<raw::Text>| t.as_ref().map(raw::Text::text).filter(|s| !s.is_empty());
    let address_point = match text(&address.kod_adresniho_mista) {
        Some(code) => Some(code.parse::<u64>().map_err(|_| {
            problem(
                format!("{path}.kodAdresnihoMista"),
                format!("{code:?} is not an address-point code"),
            )
        })?),
        None => None,
    };
    Ok(Address {
        street: address
            .ulice
            .as_ref()
            .and_then(|u| u.nazev.clone())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        house_number: text(&address.cislo_domovni),
        orientation_number: text(&address.cislo_orientacni),
        // A malformed postcode is a typo in the registry, not a reason to drop the service.
        postcode: text(&address.psc).and_then(|p| Postcode::parse(&p).ok()),
        municipality: municipality_of(&address.obec, &format!("{path}.obec"))?,
        address_point,
    })
}

fn organization(provider: &Option<raw::Provider>) -> Result<Organization, Problem> {
    let provider = provider
        .as_ref()
        .ok_or_else(|| problem("poskytovatel", "the provider is missing"))?;
    let ico_text = provider
        .ico
        .as_ref()
        .map(raw::Text::text)
        .unwrap_or_default();
    if ico_text.is_empty() {
        return Err(problem("poskytovatel.ico", "the provider's IČO is missing"));
    }
    let ico = Ico::parse(&ico_text).map_err(|e| problem("poskytovatel.ico", e.to_string()))?;
    let name = provider
        .nazev
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| problem("poskytovatel.nazev", "the provider's name is missing"))?;
    let legal_form = match &provider.pravni_forma {
        Some(Value::Object(map)) => map.get("id").and_then(Value::as_str).map(str::to_owned),
        Some(Value::String(text)) => Some(text.trim().to_owned()),
        _ => None,
    };
    let seat = provider
        .adresa
        .as_ref()
        .map(|a| address(a, "poskytovatel.adresa"))
        .transpose()?;
    Ok(Organization {
        ico: Some(ico),
        name: name.to_owned(),
        legal_form,
        seat,
        contacts: contacts(&provider.emaily, &provider.telefony, &provider.weby),
    })
}

fn weekday(value: &Value) -> Option<Weekday> {
    let number = match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.rsplit('/').next().and_then(|d| d.trim().parse().ok()),
        Value::Object(map) => return map.get("id").and_then(weekday),
        _ => None,
    }?;
    Weekday::new(u8::try_from(number).ok()?)
}

fn time(value: Option<&Value>) -> Option<NaiveTime> {
    let text = value?.as_str()?.trim();
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .ok()
}

/// Opening periods: the registry's `casoveRozsahy` is not documented anywhere available, so the
/// reader understands the plausible shape `[{"den": …, "casOd": "08:00", "casDo": "16:00"}]`
/// (also `denVTydnu`/`od`/`do`) and keeps anything else verbatim as a note instead of dropping it.
fn hours(value: &Option<Value>) -> (Vec<OpeningPeriod>, Option<String>) {
    let Some(value) = value.as_ref().filter(|v| !v.is_null()) else {
        return (Vec::new(), None);
    };
    let understood: Option<Vec<OpeningPeriod>> = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|item| {
                let map = item.as_object()?;
                let day = map
                    .get("den")
                    .or_else(|| map.get("denVTydnu"))
                    .and_then(weekday)?;
                let opens = time(map.get("casOd").or_else(|| map.get("od")))?;
                let closes = time(map.get("casDo").or_else(|| map.get("do")))?;
                (closes > opens).then_some(OpeningPeriod {
                    weekday: day,
                    opens,
                    closes,
                })
            })
            .collect()
    });
    match understood {
        Some(periods) => (periods, None),
        None => (Vec::new(), Some(value.to_string())),
    }
}

fn forms(raw_forms: &Option<Vec<raw::Form>>) -> Result<Vec<ServiceForm>, Problem> {
    let mut forms: Vec<ServiceForm> = Vec::new();
    for (i, raw_form) in raw_forms.iter().flatten().enumerate() {
        let path = format!("formy[{i}]");
        let id = reference(
            &raw_form.forma,
            "FormaSocialniSluzby",
            &format!("{path}.forma"),
        )?
        .ok_or_else(|| problem(format!("{path}.forma.id"), "the form is missing"))?;
        let code = id.rsplit('/').next().unwrap_or_default();
        let form = Form::parse(code)
            .ok_or_else(|| problem(format!("{path}.forma.id"), format!("unknown form {id:?}")))?;
        let mut capacities = Vec::new();
        for (j, capacity) in raw_form.kapacity.iter().flatten().enumerate() {
            let cpath = format!("{path}.kapacity[{j}]");
            let capacity_type = reference(
                &capacity.typ,
                "TypKapacitySocialniSluzby",
                &format!("{cpath}.typ"),
            )?
            .ok_or_else(|| problem(format!("{cpath}.typ.id"), "the capacity type is missing"))?;
            let count = capacity
                .pocet
                .as_ref()
                .and_then(serde_json::Number::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| {
                    problem(
                        format!("{cpath}.pocet"),
                        "the capacity must be a whole number from 0",
                    )
                })?;
            capacities.push(Capacity {
                capacity_type,
                count,
                note: capacity.popis.clone().filter(|p| !p.trim().is_empty()),
            });
        }
        let (periods, note) = hours(&raw_form.casove_rozsahy);
        let continuous = raw_form.nepretrzite_poskytovani.unwrap_or(false);
        // A form listed twice is one form: its capacities and hours are merged.
        if let Some(known) = forms.iter_mut().find(|f| f.form == form) {
            known.capacities.extend(capacities);
            known.hours.extend(periods);
            known.continuous |= continuous;
            known.hours_note = known.hours_note.take().or(note);
        } else {
            forms.push(ServiceForm {
                form,
                continuous,
                capacities,
                hours: periods,
                hours_note: note,
            });
        }
    }
    Ok(forms)
}

fn facilities(raw_facilities: &Option<Vec<raw::Facility>>) -> Result<Vec<Facility>, Problem> {
    let mut facilities: Vec<Facility> = Vec::new();
    for (i, raw_facility) in raw_facilities.iter().flatten().enumerate() {
        let path = format!("zarizeni[{i}]");
        let address = raw_facility
            .adresa
            .as_ref()
            .map(|a| address(a, &format!("{path}.adresa")))
            .transpose()?;
        let name = raw_facility
            .nazev
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_owned();
        let point_code = address.as_ref().and_then(|a| a.address_point);
        let key = Facility::identity(point_code, &name);
        let facility = Facility {
            key,
            municipality: address.as_ref().and_then(|a| a.municipality),
            address,
            name,
            point: None,
            hidden_address: raw_facility.utajena_adresa.unwrap_or(false),
            from: date(&raw_facility.poskytuje_od, &format!("{path}.poskytujeOd"))?,
            to: date(&raw_facility.poskytuje_do, &format!("{path}.poskytujeDo"))?,
        };
        // The registry lists some facilities twice: merge them by address point and name; the
        // merged facility stays hidden if any listing hides it.
        match facilities.iter_mut().find(|f| f.key == facility.key) {
            Some(known) => {
                known.hidden_address |= facility.hidden_address;
                known.from = known
                    .from
                    .min(facility.from)
                    .or(known.from)
                    .or(facility.from);
                known.to = match (known.to, facility.to) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            None => facilities.push(facility),
        }
    }
    Ok(facilities)
}

/// Territorial references `{"id": "Kraj/43"}` found anywhere inside `value`.
fn territorial_refs(value: &Value, found: &mut Vec<(u8, String, String)>) {
    const PREFIXES: [(&str, u8); 5] = [
        ("ObecSRozsirenouPusobnosti/", 2),
        ("Orp/", 2),
        ("Obec/", 3),
        ("Okres/", 1),
        ("Kraj/", 0),
    ];
    match value {
        Value::Object(map) => {
            if let Some(id) = map.get("id").and_then(Value::as_str) {
                for (prefix, rank) in PREFIXES {
                    if let Some(code) = id.trim().strip_prefix(prefix) {
                        found.push((rank, prefix.to_owned(), code.to_owned()));
                        break;
                    }
                }
            }
            for child in map.values() {
                territorial_refs(child, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| territorial_refs(item, found)),
        _ => {}
    }
}

/// The service area: each entry of `rozsirenePusobnostiVKraji` names a region, district, ORP or
/// municipality; the most specific reference in an entry counts. (The shape of the entries is
/// not documented; any nesting of `{"id": "Kraj/…"}`-style references is understood.)
fn service_area(value: &Option<Value>, lookup: &TerritoryLookup) -> Result<Vec<AreaUnit>, Problem> {
    let Some(value) = value.as_ref().filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let entries: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut units = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let path = format!("rozsirenePusobnostiVKraji[{i}]");
        let mut refs = Vec::new();
        territorial_refs(entry, &mut refs);
        let Some((_, prefix, code)) = refs.into_iter().max_by_key(|(rank, ..)| *rank) else {
            continue;
        };
        let bad = |e: String| problem(path.clone(), e);
        let unit = match prefix.as_str() {
            "Kraj/" => AreaUnit::Region(RegionCode::parse(&code).map_err(|e| bad(e.to_string()))?),
            "Okres/" => {
                AreaUnit::District(DistrictCode::parse(&code).map_err(|e| bad(e.to_string()))?)
            }
            "Obec/" => AreaUnit::Municipality(
                MunicipalityCode::parse(&code).map_err(|e| bad(e.to_string()))?,
            ),
            _ => {
                let orp = code
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .and_then(|c| lookup.orps.get(&c).copied());
                AreaUnit::Orp(orp.ok_or_else(|| bad(format!("{prefix}{code} is not a known ORP")))?)
            }
        };
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    Ok(units)
}

fn extra_text(extras: &Option<Value>, keys: &[&str]) -> Option<String> {
    let map = extras.as_ref()?.as_object()?;
    keys.iter()
        .filter_map(|k| map.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .find(|t| !t.is_empty())
        .map(str::to_owned)
}

fn group_ids(
    ids: impl Iterator<Item = (usize, Option<raw::Ref>)>,
    prefix: &str,
    field: &str,
    inner: &str,
) -> Result<Vec<String>, Problem> {
    let mut list = Vec::new();
    for (i, reference_value) in ids {
        if let Some(id) = reference(&reference_value, prefix, &format!("{field}[{i}].{inner}"))? {
            push_unique(&mut list, Some(id));
        }
    }
    Ok(list)
}

/// Validates and normalizes one registry service.
pub(crate) fn to_record(
    service: raw::Service,
    lookup: &TerritoryLookup,
) -> Result<RegistryRecord, Problem> {
    let id_text = service
        .identifikator
        .as_ref()
        .map(raw::Text::text)
        .unwrap_or_default();
    if id_text.is_empty() {
        return Err(problem(
            "identifikator",
            "the registration identifier is missing",
        ));
    }
    let registration_id =
        RegistrationId::parse(&id_text).map_err(|e| problem("identifikator", e.to_string()))?;
    let kind = reference(
        &service.druh_socialni_sluzby,
        "DruhSocialniSluzby",
        "druhSocialniSluzby",
    )?
    .ok_or_else(|| problem("druhSocialniSluzby.id", "the kind of service is missing"))?;
    let organization = organization(&service.poskytovatel)?;
    let facilities = facilities(&service.zarizeni)?;
    let name = service
        .nazev
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .or_else(|| {
            facilities
                .iter()
                .map(|f| f.name.as_str())
                .find(|n| !n.is_empty())
        })
        .unwrap_or(&organization.name)
        .to_owned();
    let target_groups = group_ids(
        service
            .cilove_skupiny
            .into_iter()
            .flatten()
            .map(|g| g.cilova_skupina)
            .enumerate(),
        "CilovaSkupinaOsoby",
        "ciloveSkupiny",
        "cilovaSkupina",
    )?;
    let age_groups = group_ids(
        service
            .vekove_skupiny
            .into_iter()
            .flatten()
            .map(|g| g.vekova_skupina)
            .enumerate(),
        "VekovaSkupinaOsoby",
        "vekoveSkupiny",
        "vekovaSkupina",
    )?;
    Ok(RegistryRecord {
        registration_id,
        portal_id: service.portal_id,
        name,
        kind,
        description: extra_text(&service.doplnkove_udaje, &["popis", "popisSluzby"]),
        fees: extra_text(&service.doplnkove_udaje, &["uhrady", "uhrada"]),
        contacts: contacts(&service.emaily, &service.telefony, &service.weby),
        forms: forms(&service.formy)?,
        target_groups,
        age_groups,
        facilities,
        service_area: service_area(&service.rozsirene_pusobnosti_v_kraji, lookup)?,
        provided_from: date(&service.datum_poskytovani_od, "datumPoskytovaniOd")?,
        provided_to: date(&service.datum_poskytovani_do, "datumPoskytovaniDo")?,
        organization,
    })
}

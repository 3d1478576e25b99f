//! Catalogue entries → HSDS services, fully nested.

use souhra_core::catalogue::{AreaUnit, CatalogueEntry, Facility, ServiceStatus};
use souhra_core::code::MunicipalityCode;
use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::territory::TerritoryDataset;
use souhra_core::text::slugify;

use super::model::{
    Address, Attribute, Contact, Location, Organization, OrganizationIdentifier, Phone, Schedule,
    Service, ServiceArea, ServiceAtLocation, Taxonomy, TaxonomyTerm,
};
use super::{Profile, derived_id};
use crate::error::DataError;
use crate::places::Names;

/// Scheme of IČO in organization identifiers (org-id.guide).
pub const ICO_SCHEME: &str = "CZ-ICO";
/// Type of the external identifier of a location: a RÚIAN address point.
pub const ADDRESS_POINT_TYPE: &str = "RUIAN_ADRESNI_MISTO";
/// `extent_type` of service areas: the extent lists municipality codes.
pub const EXTENT_TYPE: &str = "municipality_codes";
/// URI prefix of a service-area unit: `urn:souhra:uzemi:<kind>:<code>`.
pub const AREA_URI_PREFIX: &str = "urn:souhra:uzemi:";

/// What an export needs besides the entries: territorial names, and labels of codes.
pub struct Context {
    names: Names,
    profile: Profile,
}

impl Context {
    /// From the territory and the codelists in force (including codes imported without labels).
    pub fn new(
        territory: &TerritoryDataset,
        codelists: &[CodelistEntry],
    ) -> Result<Self, DataError> {
        Ok(Self {
            names: Names::new(territory, codelists),
            profile: Profile::load()?,
        })
    }

    fn taxonomy(&self, key: &str) -> Taxonomy {
        let info = self.profile.taxonomies.get(key);
        Taxonomy {
            id: derived_id(&format!("taxonomy/{key}")),
            name: info.map_or_else(|| key.to_owned(), |i| i.name.clone()),
            description: info.map(|i| i.description.clone()).unwrap_or_default(),
            uri: info.map(|i| i.uri.clone()).filter(|u| !u.is_empty()),
            version: None,
        }
    }

    fn term(&self, taxonomy: &str, code: &str, name: &str, description: &str) -> TaxonomyTerm {
        let detail = self.taxonomy(taxonomy);
        TaxonomyTerm {
            id: derived_id(&format!("term/{taxonomy}/{code}")),
            code: Some(code.to_owned()),
            name: name.to_owned(),
            description: description.to_owned(),
            taxonomy_id: Some(detail.id.clone()),
            language: Some("cs".to_owned()),
            taxonomy_detail: Some(detail),
        }
    }

    /// The term of a codelist entry: its registry id as the code where known, else its key.
    fn code_term(&self, list: Codelist, key: &str) -> TaxonomyTerm {
        let entry = self.names.code(list, key);
        let code = entry
            .and_then(|e| e.registry_id.clone())
            .unwrap_or_else(|| key.to_owned());
        let label = entry.map_or(key, CodelistEntry::display_label);
        self.term(list.key(), &code, label, label)
    }

    fn data_term(&self, code: &str) -> TaxonomyTerm {
        let (name, description) = self
            .profile
            .data_items
            .get(code)
            .cloned()
            .unwrap_or_else(|| (code.to_owned(), String::new()));
        self.term("souhra", code, &name, &description)
    }

    fn municipality_term(&self, code: MunicipalityCode) -> TaxonomyTerm {
        let (name, description) = match self.names.places.municipality(code) {
            Some(p) => (p.name.clone(), format!("{}, {}", p.district, p.region)),
            None => (code.to_string(), String::new()),
        };
        self.term("municipality", &code.to_string(), &name, &description)
    }
}

fn attribute(
    owner: &str,
    entity: &str,
    link_type: &str,
    term: TaxonomyTerm,
    value: Option<String>,
) -> Attribute {
    let id = derived_id(&format!(
        "{owner}/attribute/{link_type}/{}/{}",
        term.id,
        value.as_deref().unwrap_or("")
    ));
    Attribute {
        id,
        link_id: Some(owner.to_owned()),
        link_entity: Some(entity.to_owned()),
        link_type: Some(link_type.to_owned()),
        taxonomy_term_id: Some(term.id.clone()),
        value,
        taxonomy_term: Some(term),
    }
}

/// The HSDS id of a service: kept, or derived from its registration id.
pub fn service_id(entry: &CatalogueEntry) -> String {
    match (&entry.public_id, &entry.registration_id) {
        (Some(id), _) => id.clone(),
        (None, Some(registration)) => derived_id(&format!("service/registration/{registration}")),
        (None, None) => derived_id(&format!(
            "service/local/{}/{}",
            entry.organization.name, entry.name
        )),
    }
}

/// The HSDS id of a provider: kept, or derived from its IČO.
pub fn organization_id(entry: &CatalogueEntry) -> String {
    match (&entry.organization_public_id, &entry.organization.ico) {
        (Some(id), _) => id.clone(),
        (None, Some(ico)) => derived_id(&format!("organization/ico/{ico}")),
        (None, None) => derived_id(&format!("organization/name/{}", entry.organization.name)),
    }
}

/// HSDS status of a service status.
pub fn status(status: ServiceStatus) -> &'static str {
    match status {
        ServiceStatus::Active => "active",
        ServiceStatus::Suspended => "temporarily closed",
        ServiceStatus::Ended => "defunct",
    }
}

/// The street line: `Nádražní 123/4`, or just the numbers where there is no street.
pub fn street_line(address: &souhra_core::catalogue::Address) -> String {
    let numbers = match (&address.house_number, &address.orientation_number) {
        (Some(house), Some(orientation)) => format!("{house}/{orientation}"),
        (Some(house), None) => house.clone(),
        (None, Some(orientation)) => orientation.clone(),
        (None, None) => String::new(),
    };
    match &address.street {
        Some(street) if numbers.is_empty() => street.clone(),
        Some(street) => format!("{street} {numbers}"),
        None => numbers,
    }
}

/// The key a location's id derives from: the facility identity, or — for a hidden address — its
/// name and how many hidden facilities of that name came before it, so that not even the id
/// depends on the hidden address.
fn location_key(facility: &Facility, same_name_before: usize) -> String {
    if facility.hidden_address {
        format!("hidden:{}:{same_name_before}", slugify(&facility.name))
    } else {
        facility.key.clone()
    }
}

fn location(
    context: &Context,
    service: &str,
    organization: &str,
    facility: &Facility,
    same_name_before: usize,
) -> Location {
    let id = derived_id(&format!(
        "{service}/location/{}",
        location_key(facility, same_name_before)
    ));
    let mut attributes = Vec::new();
    if let Some(code) = facility.municipality {
        attributes.push(attribute(
            &id,
            "location",
            "municipality",
            context.municipality_term(code),
            None,
        ));
    }
    if facility.hidden_address {
        attributes.push(attribute(
            &id,
            "location",
            "hidden_address",
            context.data_term("hidden_address"),
            Some("true".into()),
        ));
    }
    for (item, day) in [
        ("provided_from", facility.from),
        ("provided_to", facility.to),
    ] {
        if let Some(day) = day {
            attributes.push(attribute(
                &id,
                "location",
                item,
                context.data_term(item),
                Some(day.to_string()),
            ));
        }
    }
    let mut location = Location {
        id: id.clone(),
        location_type: "physical".into(),
        organization_id: Some(organization.to_owned()),
        name: Some(facility.name.clone()).filter(|n| !n.is_empty()),
        attributes,
        ..Location::default()
    };
    if facility.hidden_address {
        return location;
    }
    location.latitude = facility.point.map(|p| p.lat);
    location.longitude = facility.point.map(|p| p.lon);
    if let Some(address) = &facility.address {
        if let Some(point) = address.address_point {
            location.external_identifier = Some(point.to_string());
            location.external_identifier_type = Some(ADDRESS_POINT_TYPE.into());
        }
        let place = facility
            .municipality
            .and_then(|m| context.names.places.municipality(m));
        location.addresses.push(Address {
            id: derived_id(&format!("{id}/address")),
            location_id: Some(id.clone()),
            address_1: street_line(address),
            city: place.map(|p| p.name.clone()).unwrap_or_default(),
            region: place.map(|p| p.district.clone()).filter(|d| !d.is_empty()),
            state_province: place.map(|p| p.region.clone()).unwrap_or_default(),
            postal_code: address.postcode.map(|p| p.to_string()).unwrap_or_default(),
            country: "CZ".into(),
            address_type: "physical".into(),
        });
    }
    location
}

fn service_area(context: &Context, service: &str, unit: AreaUnit) -> ServiceArea {
    let (kind, code) = unit.parts();
    let members = context.names.places.members(unit);
    ServiceArea {
        id: derived_id(&format!("{service}/area/{kind}/{code}")),
        service_id: Some(service.to_owned()),
        name: context.names.places.name(unit).map(str::to_owned),
        description: Some(kind.to_owned()),
        extent: Some(
            members
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        extent_type: Some(EXTENT_TYPE.into()),
        uri: Some(format!("{AREA_URI_PREFIX}{kind}:{code}")),
    }
}

fn organization(context: &Context, entry: &CatalogueEntry) -> Organization {
    let id = organization_id(entry);
    let org = &entry.organization;
    let mut attributes = Vec::new();
    if entry.is_demo {
        attributes.push(attribute(
            &id,
            "organization",
            "demo",
            context.data_term("demo"),
            Some("true".into()),
        ));
    }
    Organization {
        name: org.name.clone(),
        // HSDS requires a description; the registry has none, so the profile's wording is used.
        description: context.data_term("organization").name,
        email: org.contacts.valid_emails().into_iter().next(),
        website: org.contacts.web_links().into_iter().next(),
        legal_status: org.legal_form.clone(),
        phones: org
            .contacts
            .phones
            .iter()
            .map(|number| Phone {
                id: derived_id(&format!("{id}/phone/{number}")),
                organization_id: Some(id.clone()),
                number: number.clone(),
                ..Phone::default()
            })
            .collect(),
        organization_identifiers: org
            .ico
            .iter()
            .map(|ico| OrganizationIdentifier {
                id: derived_id(&format!("{id}/ico")),
                organization_id: Some(id.clone()),
                identifier_scheme: Some(ICO_SCHEME.into()),
                identifier_type: "ico".into(),
                identifier: ico.to_string(),
            })
            .collect(),
        attributes,
        id,
    }
}

/// One entry as a fully nested HSDS service.
pub fn to_service(context: &Context, entry: &CatalogueEntry) -> Service {
    let id = service_id(entry);
    let organization = organization(context, entry);
    let mut attributes = vec![attribute(
        &id,
        "service",
        "service_kind",
        context.code_term(Codelist::ServiceKind, &entry.kind),
        None,
    )];
    for group in &entry.target_groups {
        attributes.push(attribute(
            &id,
            "service",
            "target_group",
            context.code_term(Codelist::TargetGroup, group),
            None,
        ));
    }
    for group in &entry.age_groups {
        attributes.push(attribute(
            &id,
            "service",
            "age_group",
            context.code_term(Codelist::AgeGroup, group),
            None,
        ));
    }
    let mut schedules = Vec::new();
    for form in &entry.forms {
        let form_term = context.code_term(Codelist::Form, form.form.key());
        attributes.push(attribute(
            &id,
            "service",
            "form",
            form_term.clone(),
            form.continuous.then(|| "continuous".to_owned()),
        ));
        for capacity in &form.capacities {
            let link_type = format!("capacity:{}", form.form.key());
            let term = context.code_term(Codelist::CapacityType, &capacity.capacity_type);
            attributes.push(attribute(
                &id,
                "service",
                &link_type,
                term,
                Some(capacity.count.to_string()),
            ));
        }
        for period in &form.hours {
            let schedule_id = derived_id(&format!(
                "{id}/schedule/{}/{}/{}/{}",
                form.form.key(),
                period.weekday.number(),
                period.opens,
                period.closes
            ));
            let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
                .get(usize::from(period.weekday.number()) - 1)
                .copied()
                .unwrap_or("MO");
            schedules.push(Schedule {
                attributes: vec![attribute(
                    &schedule_id,
                    "schedule",
                    "form",
                    form_term.clone(),
                    None,
                )],
                id: schedule_id,
                service_id: Some(id.clone()),
                freq: Some("WEEKLY".into()),
                interval: None,
                byday: Some(day.into()),
                opens_at: Some(period.opens.format("%H:%M:%S").to_string()),
                closes_at: Some(period.closes.format("%H:%M:%S").to_string()),
                description: None,
            });
        }
        if let Some(note) = &form.hours_note {
            let schedule_id = derived_id(&format!("{id}/schedule/{}/note", form.form.key()));
            schedules.push(Schedule {
                attributes: vec![
                    attribute(&schedule_id, "schedule", "form", form_term.clone(), None),
                    attribute(
                        &schedule_id,
                        "schedule",
                        "hours_note",
                        context.data_term("hours_note"),
                        None,
                    ),
                ],
                id: schedule_id,
                service_id: Some(id.clone()),
                description: Some(note.clone()),
                ..Schedule::default()
            });
        }
    }
    if let Some(registration) = &entry.registration_id {
        attributes.push(attribute(
            &id,
            "service",
            "registration_id",
            context.data_term("registration_id"),
            Some(registration.to_string()),
        ));
    }
    attributes.push(attribute(
        &id,
        "service",
        "source",
        context.data_term("source"),
        Some(entry.source.key().to_owned()),
    ));
    for (item, day) in [
        ("provided_from", entry.provided_from),
        ("provided_to", entry.provided_to),
        ("status_since", entry.status_since),
    ] {
        if let Some(day) = day {
            attributes.push(attribute(
                &id,
                "service",
                item,
                context.data_term(item),
                Some(day.to_string()),
            ));
        }
    }
    if entry.is_demo {
        attributes.push(attribute(
            &id,
            "service",
            "demo",
            context.data_term("demo"),
            Some("true".into()),
        ));
    }
    let emails = entry.contacts.valid_emails();
    let mut service = Service {
        organization_id: Some(organization.id.clone()),
        name: entry.name.clone(),
        description: entry.description.clone(),
        url: entry.contacts.web_links().into_iter().next(),
        email: emails.first().cloned(),
        status: status(entry.status).into(),
        fees_description: entry.fees.clone(),
        assured_date: entry.verified_on.map(|d| d.to_string()),
        phones: entry
            .contacts
            .phones
            .iter()
            .map(|number| Phone {
                id: derived_id(&format!("{id}/phone/{number}")),
                service_id: Some(id.clone()),
                number: number.clone(),
                ..Phone::default()
            })
            .collect(),
        contacts: emails
            .iter()
            .skip(1)
            .map(|email| Contact {
                id: derived_id(&format!("{id}/contact/{email}")),
                service_id: Some(id.clone()),
                email: Some(email.clone()),
            })
            .collect(),
        schedules,
        service_areas: entry
            .service_area
            .iter()
            .map(|u| service_area(context, &id, *u))
            .collect(),
        service_at_locations: entry
            .facilities
            .iter()
            .enumerate()
            .map(|(i, facility)| {
                let same_name_before = entry.facilities[..i]
                    .iter()
                    .filter(|f| f.hidden_address && slugify(&f.name) == slugify(&facility.name))
                    .count();
                let location = location(context, &id, &organization.id, facility, same_name_before);
                ServiceAtLocation {
                    id: derived_id(&format!("{id}/service_at_location/{}", location.id)),
                    service_id: Some(id.clone()),
                    location_id: Some(location.id.clone()),
                    location: Some(location),
                }
            })
            .collect(),
        organization: Some(organization),
        attributes,
        id,
    };
    sort_by_id(&mut service);
    service
}

/// Every list in the order of its ids, each id once: the output then depends on the catalogue's content, not
/// on the order records happened to be stored in (an import of an export exports the same).
fn sort_by_id(service: &mut Service) {
    // Ids derive from content, so a repeated item (the same phone twice) is the same object.
    fn by_id<T>(list: &mut Vec<T>, id: impl Fn(&T) -> &str) {
        list.sort_by(|a, b| id(a).cmp(id(b)));
        list.dedup_by(|a, b| id(a) == id(b));
    }
    by_id(&mut service.phones, |x| &x.id);
    by_id(&mut service.contacts, |x| &x.id);
    by_id(&mut service.schedules, |x| &x.id);
    for schedule in &mut service.schedules {
        by_id(&mut schedule.attributes, |x| &x.id);
    }
    by_id(&mut service.service_areas, |x| &x.id);
    by_id(&mut service.attributes, |x| &x.id);
    by_id(&mut service.service_at_locations, |x| &x.id);
    for link in &mut service.service_at_locations {
        if let Some(location) = &mut link.location {
            by_id(&mut location.attributes, |x| &x.id);
        }
    }
    if let Some(organization) = &mut service.organization {
        by_id(&mut organization.phones, |x| &x.id);
        by_id(&mut organization.attributes, |x| &x.id);
    }
}

/// What a network of social services says about one of its services, for HSDS attributes.
#[derive(Debug, Clone, Copy)]
pub struct NetworkFacts<'a> {
    /// The network's year.
    pub year: i32,
    /// The network's area (its slug).
    pub area: &'a str,
    /// Basic or optional.
    pub network_type: souhra_core::network::NetworkType,
    /// Capacities counted in the network.
    pub capacities: &'a [souhra_core::network::NetworkCapacity],
    /// Planned money by source, whole crowns.
    pub planned: &'a [(souhra_core::plan::FundingSource, i64)],
    /// Money actually paid by source, whole crowns.
    pub actual: &'a [(souhra_core::plan::FundingSource, i64)],
}

/// A service as HSDS with the network's attributes added (see `docs/hsds-profile.md`):
/// `network_type`, `network_year`, `network_area`, `network_capacity:<form>` (capacity type term,
/// the number counted in the network), `planned_funding:<source>` and `actual_funding:<source>`.
pub fn to_network_service(
    context: &Context,
    entry: &CatalogueEntry,
    facts: &NetworkFacts<'_>,
) -> Service {
    let mut service = to_service(context, entry);
    let id = service.id.clone();
    let data = |link_type: &str, code: &str, value: String| {
        attribute(
            &id,
            "service",
            link_type,
            context.data_term(code),
            Some(value),
        )
    };
    service.attributes.push(data(
        "network_type",
        "network_type",
        facts.network_type.key().to_owned(),
    ));
    service
        .attributes
        .push(data("network_year", "network_year", facts.year.to_string()));
    service
        .attributes
        .push(data("network_area", "network_area", facts.area.to_owned()));
    for capacity in facts.capacities {
        let term = context.code_term(Codelist::CapacityType, &capacity.capacity_type);
        service.attributes.push(attribute(
            &id,
            "service",
            &format!("network_capacity:{}", capacity.form.key()),
            term,
            Some(capacity.count.to_string()),
        ));
    }
    for (code, lines) in [
        ("planned_funding", facts.planned),
        ("actual_funding", facts.actual),
    ] {
        for (source, amount) in lines {
            service.attributes.push(data(
                &format!("{code}:{}", source.key()),
                code,
                amount.to_string(),
            ));
        }
    }
    service
}

/// All entries as HSDS services in the order of their ids, made one at a time as they are
/// taken (a national catalogue is never held in memory as HSDS objects).
pub fn services<'a>(
    context: &'a Context,
    entries: &'a [CatalogueEntry],
) -> impl Iterator<Item = Service> + 'a {
    let mut order: Vec<(String, &CatalogueEntry)> =
        entries.iter().map(|e| (service_id(e), e)).collect();
    order.sort_by(|a, b| a.0.cmp(&b.0));
    order
        .into_iter()
        .map(move |(_, entry)| to_service(context, entry))
}

/// All entries as HSDS services, in the order of their ids.
pub fn to_services(context: &Context, entries: &[CatalogueEntry]) -> Vec<Service> {
    services(context, entries).collect()
}

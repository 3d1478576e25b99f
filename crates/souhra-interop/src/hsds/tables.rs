//! HSDS as files: `services.json` (nested) or the tabular data package (`datapackage.json` and
//! one CSV per resource, with the official resources and columns).
//!
//! Both are written one service at a time and read one service at a time, so a national export
//! (6,733 services: 170 MB of JSON, 35 MB of CSV) is never held in memory as objects. Readers
//! hand each service, or the reason it cannot be read, to a callback; the file as a whole fails
//! only when it is not readable at all (broken JSON or CSV, not UTF-8, too large).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use souhra_core::import::Rejection;

use super::model::{
    Address, Attribute, Contact, Index, Location, Organization, OrganizationIdentifier, Phone,
    Schedule, Service, ServiceArea, ServiceAtLocation, Taxonomy, TaxonomyTerm,
};
use super::{HSDS_VERSION, PROFILE_URI};
use crate::bundled;
use crate::error::DataError;
use crate::json_stream::{self, Budget, Subject, strip_position};
use crate::table::{Row, Table};

/// Name of the nested export file.
pub const SERVICES_FILE: &str = "services.json";
/// Name of the data package descriptor.
pub const DATAPACKAGE_FILE: &str = "datapackage.json";
/// The largest single service of `services.json`.
pub const MAX_SERVICE_BYTES: u64 = 32 * 1024 * 1024;
/// The largest data package (all CSV files together): thirty times a national export.
pub const MAX_PACKAGE_BYTES: u64 = 1024 * 1024 * 1024;

const SUBJECT: Subject = Subject {
    item: "service",
    file_kind: "an HSDS export",
};

/// One service read from a file, or why it could not be read.
#[derive(Debug)]
pub enum Item {
    /// A service and where it was read (`services.json[3]`, `services.csv, line 5`).
    Service(String, Box<Service>),
    /// A service that could not be read, with the field at fault.
    Rejected(Rejection),
}

fn io_error(path: &Path, error: impl fmt::Display) -> DataError {
    DataError::Io {
        file: path.display().to_string(),
        message: error.to_string(),
    }
}

fn create(path: &Path) -> Result<BufWriter<File>, DataError> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 16, f))
        .map_err(|e| io_error(path, e))
}

/// Pretty JSON with a final newline; object keys keep their declared order.
fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `index.json` and `services.json` into `dir` (created if missing), one service at a
/// time; the result is what `serde_json` would print for the whole list. Returns the count.
pub fn write_json(
    dir: &Path,
    services: impl IntoIterator<Item = Service>,
) -> Result<usize, DataError> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let index = Index {
        version: HSDS_VERSION.into(),
        profile: PROFILE_URI.into(),
        openapi_url: None,
    };
    let path = dir.join("index.json");
    std::fs::write(&path, pretty(&index)).map_err(|e| io_error(&path, e))?;
    let path = dir.join(SERVICES_FILE);
    let mut out = create(&path)?;
    let mut count = 0;
    for service in services {
        let text = serde_json::to_string_pretty(&service).map_err(|e| io_error(&path, e))?;
        let separator = if count == 0 { "[\n" } else { ",\n" };
        out.write_all(separator.as_bytes())
            .map_err(|e| io_error(&path, e))?;
        for (i, line) in text.lines().enumerate() {
            let start = if i == 0 { "  " } else { "\n  " };
            write!(out, "{start}{line}").map_err(|e| io_error(&path, e))?;
        }
        count += 1;
    }
    let end = if count == 0 { "[]\n" } else { "\n]\n" };
    out.write_all(end.as_bytes())
        .map_err(|e| io_error(&path, e))?;
    out.flush().map_err(|e| io_error(&path, e))?;
    Ok(count)
}

/// A resource of the official data package.
struct Resource {
    name: String,
    path: String,
    fields: Vec<String>,
}

fn resources() -> Result<Vec<Resource>, DataError> {
    let descriptor: Value = serde_json::from_slice(bundled::file("hsds/datapackage.json")?)
        .map_err(|e| DataError::Json {
            file: "hsds/datapackage.json".into(),
            message: e.to_string(),
        })?;
    let list = descriptor
        .get("resources")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Ok(list
        .iter()
        .filter_map(|r| {
            let fields = r.get("schema")?.get("fields")?.as_array()?;
            Some(Resource {
                name: r.get("name")?.as_str()?.to_owned(),
                path: r.get("path")?.as_str()?.to_owned(),
                fields: fields
                    .iter()
                    .filter_map(|f| f.get("name")?.as_str().map(str::to_owned))
                    .collect(),
            })
        })
        .collect())
}

/// The scalar fields of an object (nested objects and arrays left out).
fn flat(value: &impl Serialize) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map
            .into_iter()
            .filter(|(_, v)| !v.is_array() && !v.is_object())
            .collect(),
        _ => Map::new(),
    }
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// The rows of one CSV file, each kept encoded (a national export holds about 250,000 rows).
struct Stored {
    fields: Vec<String>,
    rows: BTreeMap<String, Vec<u8>>,
}

fn encode(cells: impl IntoIterator<Item = String>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let cells: Vec<String> = cells.into_iter().collect();
    // Writing into memory cannot fail.
    let _ = writer.write_record(&cells);
    writer.into_inner().unwrap_or_default()
}

fn decode(line: &[u8]) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line);
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .unwrap_or_default()
}

struct Rows(HashMap<String, Stored>);

impl Rows {
    fn new(resources: &[Resource]) -> Self {
        Self(
            resources
                .iter()
                .map(|r| {
                    (
                        r.name.clone(),
                        Stored {
                            fields: r.fields.clone(),
                            rows: BTreeMap::new(),
                        },
                    )
                })
                .collect(),
        )
    }

    fn add(&mut self, resource: &str, value: &impl Serialize) -> String {
        self.add_linked(resource, value, &[])
    }

    /// Adds a row; `links` fill the references to parents that nested JSON may leave out (a
    /// phone nested in a service needs its `service_id` as a row). The same object nested twice
    /// (a phone of both the service and its provider) is one row that links to both.
    fn add_linked(
        &mut self,
        resource: &str,
        value: &impl Serialize,
        links: &[(&str, &str)],
    ) -> String {
        let mut row = flat(value);
        let id = row
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let Some(stored) = self.0.get_mut(resource) else {
            return id;
        };
        if links.is_empty() && stored.rows.contains_key(&id) {
            // Taxonomy terms repeat with every attribute that uses them.
            return id;
        }
        let fill = |cells: &mut Vec<String>| {
            for (column, parent) in links {
                if let Some(i) = stored.fields.iter().position(|f| f == column)
                    && cells.get(i).is_some_and(String::is_empty)
                    && !parent.is_empty()
                {
                    cells[i] = (*parent).to_owned();
                }
            }
        };
        match stored.rows.get(&id) {
            Some(line) => {
                let mut cells = decode(line);
                let before = cells.clone();
                fill(&mut cells);
                if cells != before {
                    let line = encode(cells);
                    stored.rows.insert(id.clone(), line);
                }
            }
            None => {
                let mut cells: Vec<String> = stored
                    .fields
                    .iter()
                    .map(|f| cell(row.remove(f).as_ref()))
                    .collect();
                fill(&mut cells);
                let line = encode(cells);
                stored.rows.insert(id.clone(), line);
            }
        }
        id
    }

    fn attributes(&mut self, attributes: &[Attribute], owner: &str, entity: &str) {
        for attribute in attributes {
            self.add_linked(
                "attribute",
                attribute,
                &[("link_id", owner), ("link_entity", entity)],
            );
            if let Some(term) = &attribute.taxonomy_term {
                self.add("taxonomy_term", term);
                if let Some(taxonomy) = &term.taxonomy_detail {
                    self.add("taxonomy", taxonomy);
                }
            }
        }
    }

    fn service(&mut self, service: &Service) {
        let organization_id = service
            .organization
            .as_ref()
            .map(|o| o.id.as_str())
            .unwrap_or_default();
        let service_id =
            self.add_linked("service", service, &[("organization_id", organization_id)]);
        let id = service_id.as_str();
        if let Some(organization) = &service.organization {
            self.add("organization", organization);
            for identifier in &organization.organization_identifiers {
                self.add_linked(
                    "organization_identifier",
                    identifier,
                    &[("organization_id", &organization.id)],
                );
            }
            for phone in &organization.phones {
                self.add_linked("phone", phone, &[("organization_id", &organization.id)]);
            }
            self.attributes(&organization.attributes, &organization.id, "organization");
        }
        for phone in &service.phones {
            self.add_linked("phone", phone, &[("service_id", id)]);
        }
        for contact in &service.contacts {
            self.add_linked("contact", contact, &[("service_id", id)]);
        }
        for schedule in &service.schedules {
            self.add_linked("schedule", schedule, &[("service_id", id)]);
            self.attributes(&schedule.attributes, &schedule.id, "schedule");
        }
        for area in &service.service_areas {
            self.add_linked("service_area", area, &[("service_id", id)]);
        }
        self.attributes(&service.attributes, id, "service");
        for link in &service.service_at_locations {
            let location_id = link
                .location
                .as_ref()
                .map(|l| l.id.as_str())
                .unwrap_or_default();
            self.add_linked(
                "service_at_location",
                link,
                &[("service_id", id), ("location_id", location_id)],
            );
            if let Some(location) = &link.location {
                self.add("location", location);
                for address in &location.addresses {
                    self.add_linked("address", address, &[("location_id", &location.id)]);
                }
                self.attributes(&location.attributes, &location.id, "location");
            }
        }
    }
}

/// Writes the tabular data package into `dir`: the official `datapackage.json` and one CSV per
/// resource (header only where Souhra has nothing to say), rows in the order of their ids.
/// Returns the number of services.
pub fn write_datapackage(
    dir: &Path,
    services: impl IntoIterator<Item = Service>,
) -> Result<usize, DataError> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let resources = resources()?;
    let mut rows = Rows::new(&resources);
    let mut count = 0;
    for service in services {
        rows.service(&service);
        count += 1;
    }
    let path = dir.join(DATAPACKAGE_FILE);
    std::fs::write(&path, bundled::file("hsds/datapackage.json")?)
        .map_err(|e| io_error(&path, e))?;
    for resource in &resources {
        let file = dir.join(&resource.path);
        let mut out = create(&file)?;
        out.write_all(&encode(resource.fields.iter().cloned()))
            .map_err(|e| io_error(&file, e))?;
        for line in rows
            .0
            .get(&resource.name)
            .map(|s| s.rows.values())
            .into_iter()
            .flatten()
        {
            out.write_all(line).map_err(|e| io_error(&file, e))?;
        }
        out.flush().map_err(|e| io_error(&file, e))?;
    }
    Ok(count)
}

// ---------------------------------------------------------------------------------------------
// Reading services.json

/// The id of a service that failed to parse, for the report.
fn id_of(raw: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Only {
        id: Option<String>,
    }
    serde_json::from_str::<Only>(raw).ok()?.id
}

struct State<F> {
    each: F,
    index: u64,
    budget: Budget,
}

struct Services<'s, F> {
    state: &'s mut State<F>,
}

impl<'de, F: FnMut(Item)> Visitor<'de> for Services<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of HSDS services")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            self.state.budget.reset();
            let Some(raw) = seq.next_element::<Box<RawValue>>()? else {
                return Ok(());
            };
            let index = self.state.index;
            self.state.index += 1;
            let at = format!("{SERVICES_FILE}[{index}]");
            let mut deserializer = serde_json::Deserializer::from_str(raw.get());
            let item = match serde_path_to_error::deserialize::<_, Service>(&mut deserializer) {
                Ok(service) => Item::Service(at, Box::new(service)),
                Err(error) => {
                    let path = error.path().to_string();
                    Item::Rejected(Rejection {
                        index,
                        identifier: id_of(raw.get()),
                        path: if path == "." {
                            at
                        } else {
                            format!("{at}.{path}")
                        },
                        message: strip_position(&error.inner().to_string()),
                    })
                }
            };
            (self.state.each)(item);
        }
    }
}

impl<'de, F: FnMut(Item)> DeserializeSeed<'de> for Services<'_, F> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

/// Reads `services.json` of `dir` as a stream, handing each service (or why it cannot be read)
/// to `each`. Returns how many there were.
pub fn read_json_each(dir: &Path, each: impl FnMut(Item)) -> Result<u64, DataError> {
    let path = dir.join(SERVICES_FILE);
    let file = File::open(&path).map_err(|e| io_error(&path, e))?;
    read_json_from(file, each)
}

/// [`read_json_each`] from any reader (used by the fuzz target).
pub fn read_json_from(input: impl std::io::Read, each: impl FnMut(Item)) -> Result<u64, DataError> {
    let (reader, budget) = json_stream::budgeted_reader(SERVICES_FILE, input, MAX_SERVICE_BYTES)?;
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let mut state = State {
        each,
        index: 0,
        budget,
    };
    let result = Services { state: &mut state }
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end());
    match result {
        Ok(()) => Ok(state.index),
        Err(error) => Err(json_stream::error(
            SERVICES_FILE,
            &error,
            state.index,
            &state.budget,
            SUBJECT,
        )),
    }
}

/// Every service of `services.json`; the first that cannot be read is the error.
pub fn read_json(dir: &Path) -> Result<Vec<(String, Service)>, DataError> {
    collect(|each| read_json_each(dir, each), SERVICES_FILE)
}

fn collect(
    read: impl FnOnce(&mut dyn FnMut(Item)) -> Result<u64, DataError>,
    file: &str,
) -> Result<Vec<(String, Service)>, DataError> {
    let mut services = Vec::new();
    let mut first_problem = None;
    read(&mut |item| match item {
        Item::Service(at, service) => services.push((at, *service)),
        Item::Rejected(rejection) => {
            first_problem.get_or_insert(rejection);
        }
    })?;
    match first_problem {
        Some(rejection) => Err(DataError::Json {
            file: file.to_owned(),
            message: rejection.to_string(),
        }),
        None => Ok(services),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the data package

/// Why a row could not become an object: where, and what.
struct RowProblem {
    file: String,
    line: u64,
    column: String,
    message: String,
}

impl RowProblem {
    /// `services.csv, line 5, latitude`.
    fn path(&self) -> String {
        match self.column.as_str() {
            "" => format!("{}, line {}", self.file, self.line),
            column => format!("{}, line {}, {column}", self.file, self.line),
        }
    }

    fn into_error(self) -> DataError {
        DataError::Field {
            file: self.file,
            line: self.line,
            column: self.column,
            message: self.message,
        }
    }
}

/// A CSV row turned into an HSDS object through serde, with numbers where HSDS has numbers.
fn object<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    file: &str,
    columns: &[String],
    numbers: &[&str],
) -> Result<T, RowProblem> {
    let problem = |column: &str, message: String| RowProblem {
        file: file.to_owned(),
        line: row.line(),
        column: column.to_owned(),
        message,
    };
    let mut map = Map::new();
    for column in columns {
        let text = row.untrimmed(column);
        if text.is_empty() {
            continue;
        }
        let value = if numbers.contains(&column.as_str()) {
            let number: f64 = text
                .trim()
                .parse()
                .map_err(|_| problem(column, format!("{text:?} is not a number")))?;
            serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
        } else {
            Value::String(text.to_owned())
        };
        map.insert(column.clone(), value);
    }
    serde_json::from_value(Value::Object(map)).map_err(|e| problem("", e.to_string()))
}

/// One CSV of the package, with its rows indexed by the columns that link them to parents.
struct Loaded {
    file: String,
    table: Option<Table>,
    columns: Vec<String>,
    /// Column → value → row numbers.
    indexes: HashMap<&'static str, HashMap<String, Vec<usize>>>,
}

impl Loaded {
    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        let count = self.table.as_ref().map_or(0, Table::len);
        (0..count).filter_map(|i| self.table.as_ref()?.row(i))
    }

    /// The same table with its rows indexed by each of `columns`.
    fn by(mut self, columns: &[&'static str]) -> Self {
        for column in columns {
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, row) in self.rows().enumerate() {
                let key = row.text(column);
                if !key.is_empty() {
                    index.entry(key.to_owned()).or_default().push(i);
                }
            }
            self.indexes.insert(column, index);
        }
        self
    }

    fn get<T: serde::de::DeserializeOwned>(
        &self,
        i: usize,
        numbers: &[&str],
    ) -> Result<T, RowProblem> {
        match self.table.as_ref().and_then(|t| t.row(i)) {
            Some(row) => object(&row, &self.file, &self.columns, numbers),
            None => Err(RowProblem {
                file: self.file.clone(),
                line: 0,
                column: String::new(),
                message: "no such row".into(),
            }),
        }
    }

    /// The objects of the rows whose `column` (an indexed one) is `key`.
    fn children<T: serde::de::DeserializeOwned>(
        &self,
        column: &str,
        key: &str,
        numbers: &[&str],
    ) -> Result<Vec<T>, RowProblem> {
        let rows = self.indexes.get(column).and_then(|index| index.get(key));
        rows.into_iter()
            .flatten()
            .map(|&i| self.get(i, numbers))
            .collect()
    }

    /// The object of the first row whose `column` (an indexed one) is `key`.
    fn first<T: serde::de::DeserializeOwned>(
        &self,
        column: &str,
        key: &str,
        numbers: &[&str],
    ) -> Result<Option<T>, RowProblem> {
        let row = self
            .indexes
            .get(column)
            .and_then(|index| index.get(key))
            .and_then(|rows| rows.first());
        row.map(|&i| self.get(i, numbers)).transpose()
    }

    /// Every row as an object.
    fn all<T: serde::de::DeserializeOwned>(&self) -> Result<Vec<T>, DataError> {
        self.rows()
            .map(|row| object(&row, &self.file, &self.columns, &[]).map_err(RowProblem::into_error))
            .collect()
    }
}

/// Where the CSV files of a package come from: the bytes of a file by its path, `None` when the
/// package has no such file.
type Files<'a> = dyn Fn(&str) -> Result<Option<Vec<u8>>, DataError> + 'a;

fn load(files: &Files<'_>, path: &str) -> Result<Loaded, DataError> {
    let table = match files(path)? {
        Some(bytes) => Some(Table::parse(path, &bytes)?),
        None => None,
    };
    let columns = table
        .as_ref()
        .map(|t| t.column_names().into_iter().map(str::to_owned).collect())
        .unwrap_or_default();
    Ok(Loaded {
        file: path.to_owned(),
        table,
        columns,
        indexes: HashMap::new(),
    })
}

/// The package's tables, indexed by the ids that link rows to their parents.
struct Package {
    terms: HashMap<String, TaxonomyTerm>,
    attributes: Loaded,
    addresses: Loaded,
    locations: Loaded,
    identifiers: Loaded,
    phones: Loaded,
    organizations: Loaded,
    contacts: Loaded,
    schedules: Loaded,
    areas: Loaded,
    links: Loaded,
}

impl Package {
    fn read(files: &Files<'_>, resources: &[Resource]) -> Result<(Self, Loaded), DataError> {
        let paths: HashMap<&str, &str> = resources
            .iter()
            .map(|r| (r.name.as_str(), r.path.as_str()))
            .collect();
        let get = |name: &str| load(files, paths.get(name).copied().unwrap_or(name));
        let taxonomies: HashMap<String, Taxonomy> = get("taxonomy")?
            .all::<Taxonomy>()?
            .into_iter()
            .map(|t| (t.id.clone(), t))
            .collect();
        let mut terms = HashMap::new();
        for mut term in get("taxonomy_term")?.all::<TaxonomyTerm>()? {
            term.taxonomy_detail = term
                .taxonomy_id
                .as_ref()
                .and_then(|t| taxonomies.get(t))
                .cloned();
            terms.insert(term.id.clone(), term);
        }
        let package = Self {
            terms,
            attributes: get("attribute")?.by(&["link_id"]),
            addresses: get("address")?.by(&["location_id"]),
            locations: get("location")?.by(&["id"]),
            identifiers: get("organization_identifier")?.by(&["organization_id"]),
            phones: get("phone")?.by(&["organization_id", "service_id"]),
            organizations: get("organization")?.by(&["id"]),
            contacts: get("contact")?.by(&["service_id"]),
            schedules: get("schedule")?.by(&["service_id"]),
            areas: get("service_area")?.by(&["service_id"]),
            links: get("service_at_location")?.by(&["service_id"]),
        };
        Ok((package, get("service")?))
    }

    fn attributes(&self, owner: &str) -> Result<Vec<Attribute>, RowProblem> {
        let mut list: Vec<Attribute> = self.attributes.children("link_id", owner, &[])?;
        for attribute in &mut list {
            attribute.taxonomy_term = attribute
                .taxonomy_term_id
                .as_ref()
                .and_then(|t| self.terms.get(t))
                .cloned();
        }
        Ok(list)
    }

    fn location(&self, id: &str) -> Result<Option<Location>, RowProblem> {
        let Some(mut location) =
            self.locations
                .first::<Location>("id", id, &["latitude", "longitude"])?
        else {
            return Ok(None);
        };
        location.addresses = self.addresses.children::<Address>("location_id", id, &[])?;
        location.attributes = self.attributes(id)?;
        Ok(Some(location))
    }

    fn organization(&self, id: &str) -> Result<Option<Organization>, RowProblem> {
        let Some(mut organization) = self.organizations.first::<Organization>("id", id, &[])?
        else {
            return Ok(None);
        };
        organization.organization_identifiers = self
            .identifiers
            .children::<OrganizationIdentifier>("organization_id", id, &[])?;
        organization.phones = self.phones.children::<Phone>("organization_id", id, &[])?;
        organization.attributes = self.attributes(id)?;
        Ok(Some(organization))
    }

    /// A service row, nested again with everything that belongs to it.
    fn service(&self, mut service: Service) -> Result<Service, RowProblem> {
        let id = service.id.clone();
        service.organization = match &service.organization_id {
            Some(organization) => self.organization(organization)?,
            None => None,
        };
        service.phones = self.phones.children::<Phone>("service_id", &id, &[])?;
        service.contacts = self.contacts.children::<Contact>("service_id", &id, &[])?;
        service.schedules =
            self.schedules
                .children::<Schedule>("service_id", &id, &["interval"])?;
        for schedule in &mut service.schedules {
            schedule.attributes = self.attributes(&schedule.id)?;
        }
        service.service_areas = self.areas.children::<ServiceArea>("service_id", &id, &[])?;
        service.service_at_locations =
            self.links
                .children::<ServiceAtLocation>("service_id", &id, &[])?;
        for link in &mut service.service_at_locations {
            link.location = match &link.location_id {
                Some(location) => self.location(location)?,
                None => None,
            };
        }
        service.attributes = self.attributes(&id)?;
        Ok(service)
    }
}

/// Reads a tabular data package and nests it again, one service at a time: each with its
/// organization, locations, phones, contacts, schedules, service areas and attributes. A row of
/// a service that cannot be read rejects that service. Returns how many services there were.
pub fn read_datapackage_each(dir: &Path, each: impl FnMut(Item)) -> Result<u64, DataError> {
    let resources = resources()?;
    let mut total = 0;
    for resource in &resources {
        total += std::fs::metadata(dir.join(&resource.path)).map_or(0, |m| m.len());
    }
    if total > MAX_PACKAGE_BYTES {
        return Err(DataError::Io {
            file: dir.display().to_string(),
            message: format!(
                "the data package holds {} MB of CSV, more than the {} MB an import takes; import it in parts",
                total >> 20,
                MAX_PACKAGE_BYTES >> 20
            ),
        });
    }
    let files = |path: &str| {
        let file = dir.join(path);
        match std::fs::read(&file) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error(&file, e)),
        }
    };
    read_package(&files, &resources, each)
}

/// [`read_datapackage_each`] from files in memory, by their paths in the package
/// (`services.csv` …); used by the fuzz target.
pub fn read_datapackage_from(
    files: &HashMap<String, Vec<u8>>,
    each: impl FnMut(Item),
) -> Result<u64, DataError> {
    read_package(
        &|path: &str| Ok(files.get(path).cloned()),
        &resources()?,
        each,
    )
}

fn read_package(
    files: &Files<'_>,
    resources: &[Resource],
    mut each: impl FnMut(Item),
) -> Result<u64, DataError> {
    let (package, services) = Package::read(files, resources)?;
    let mut count = 0;
    for row in services.rows() {
        let index = count;
        count += 1;
        let at = format!("{}, line {}", services.file, row.line());
        let nested = object::<Service>(&row, &services.file, &services.columns, &[])
            .and_then(|s| package.service(s));
        each(match nested {
            Ok(service) => Item::Service(at, Box::new(service)),
            Err(problem) => Item::Rejected(Rejection {
                index,
                identifier: Some(row.text("id").to_owned()).filter(|id| !id.is_empty()),
                path: problem.path(),
                message: problem.message,
            }),
        });
    }
    Ok(count)
}

/// Every service of a data package; the first that cannot be read is the error.
pub fn read_datapackage(dir: &Path) -> Result<Vec<(String, Service)>, DataError> {
    collect(|each| read_datapackage_each(dir, each), "services.csv")
}

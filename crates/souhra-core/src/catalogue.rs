//! The catalogue of social services: providers (organizations), registered and local services,
//! their forms with capacities and opening hours, facilities, and service areas.
//!
//! Records coming from the MPSV registry ([`RegistryRecord`]) carry codelist references as the
//! registry's raw ids (`DruhSocialniSluzby/13`); the store resolves them to codelist entries and
//! keeps unknown ones. A hidden address ([`Facility::hidden_address`], shelters for victims of
//! violence) is stored but never shown or exported — only its municipality is.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::code::{CodeError, DistrictCode, MunicipalityCode, OrpCode, Postcode, RegionCode};
use crate::codelist::Form;
use crate::territory::GeoPoint;

/// IČO: the 8-digit identification number of a legal person, the last digit a mod-11 check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ico(String);

impl Ico {
    /// Parses an IČO; shorter numbers are padded with leading zeros (registries sometimes drop
    /// them), spaces are ignored, and the check digit must match.
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let error = |expected| CodeError {
            what: "IČO",
            value: input.trim().to_owned(),
            expected,
        };
        if compact.is_empty() || compact.len() > 8 || !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error("8 digits, e.g. 00839345"));
        }
        let padded = format!("{compact:0>8}");
        let digits: Vec<u32> = padded.bytes().map(|b| u32::from(b - b'0')).collect();
        let sum: u32 = digits
            .iter()
            .take(7)
            .zip((2..=8).rev())
            .map(|(d, w)| d * w)
            .sum();
        let check = (11 - sum % 11) % 10;
        if digits.get(7) != Some(&check) {
            return Err(error("a number whose last digit is its mod-11 check digit"));
        }
        Ok(Self(padded))
    }

    /// The eight digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Ico {
    type Error = CodeError;
    fn try_from(value: String) -> Result<Self, CodeError> {
        Self::parse(&value)
    }
}

impl From<Ico> for String {
    fn from(ico: Ico) -> String {
        ico.0
    }
}

impl fmt::Display for Ico {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The registration identifier of a social service in the MPSV registry ("identifikátor"): seven
/// digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegistrationId(String);

impl RegistrationId {
    /// Parses seven digits (surrounding whitespace ignored).
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        let value = input.trim();
        if value.len() == 7 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(value.to_owned()))
        } else {
            Err(CodeError {
                what: "registration identifier",
                value: value.to_owned(),
                expected: "seven digits, e.g. 1234567",
            })
        }
    }

    /// The seven digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RegistrationId {
    type Error = CodeError;
    fn try_from(value: String) -> Result<Self, CodeError> {
        Self::parse(&value)
    }
}

impl From<RegistrationId> for String {
    fn from(id: RegistrationId) -> String {
        id.0
    }
}

impl fmt::Display for RegistrationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a catalogue record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The MPSV registry, re-imported regularly.
    Registry,
    /// Entered or imported locally (services outside the registry: debt counselling, self-help).
    Local,
}

impl Source {
    /// Stable key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Registry => "registry",
            Self::Local => "local",
        }
    }

    /// The inverse of [`Source::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Registry, Self::Local]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// Whether a service is provided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceStatus {
    /// Provided.
    Active,
    /// Temporarily not provided (set by the coordinator; the registry does not say).
    Suspended,
    /// No longer provided: its registration ended or it left the registry. Kept, never deleted.
    Ended,
}

impl ServiceStatus {
    /// Stable key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Suspended => "suspended",
            Self::Ended => "ended",
        }
    }

    /// The inverse of [`ServiceStatus::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Active, Self::Suspended, Self::Ended]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// Web addresses, e-mails and phone numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    /// Web addresses.
    pub web: Vec<String>,
    /// E-mail addresses.
    pub emails: Vec<String>,
    /// Phone numbers as written.
    pub phones: Vec<String>,
}

impl Contacts {
    /// Whether there is no contact at all.
    pub fn is_empty(&self) -> bool {
        self.web.is_empty() && self.emails.is_empty() && self.phones.is_empty()
    }

    /// The web addresses as absolute links: `www.example.cz` as registries often write it
    /// becomes `https://www.example.cz`; text that cannot be a web address is left out.
    pub fn web_links(&self) -> Vec<String> {
        self.web.iter().filter_map(|w| web_link(w)).collect()
    }

    /// The e-mail addresses that look like one (`name@domain.tld`, no spaces).
    pub fn valid_emails(&self) -> Vec<String> {
        self.emails
            .iter()
            .filter(|e| is_plausible_email(e))
            .cloned()
            .collect()
    }
}

/// An absolute `http(s)` link to a web address as people write it, if it can be one.
pub fn web_link(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let link = if lower.starts_with("http://") || lower.starts_with("https://") {
        text.to_owned()
    } else if lower.contains("://") {
        return None;
    } else {
        format!("https://{text}")
    };
    let host = link.split("://").nth(1)?.split(['/', '?', '#']).next()?;
    let plausible = !link.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '\\' | '`' | '{' | '}' | '|' | '^')
    }) && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !plausible {
        return None;
    }
    // Letters with diacritics in the path are percent-encoded, as a URI wants them.
    let mut encoded = String::with_capacity(link.len());
    for c in link.chars() {
        if c.is_ascii() {
            encoded.push(c);
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                encoded.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    Some(encoded)
}

/// Whether `text` looks like an e-mail address: one `@`, a dotted domain, no spaces.
pub fn is_plausible_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !text.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '<' | '>' | '(' | ')' | ',' | ';' | ':' | '"' | '[' | ']' | '\\'
                )
        })
}

/// A postal address as the registry gives it (RÚIAN parts).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Street name.
    pub street: Option<String>,
    /// House number (číslo popisné or evidenční).
    pub house_number: Option<String>,
    /// Orientation number (číslo orientační), with its letter.
    pub orientation_number: Option<String>,
    /// Postcode.
    pub postcode: Option<Postcode>,
    /// Municipality.
    pub municipality: Option<MunicipalityCode>,
    /// RÚIAN address-point code (kód adresního místa).
    pub address_point: Option<u64>,
}

/// Registered capacity of one form of a service: the maximum, not free places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capacity {
    /// Capacity type (registry id such as `TypKapacitySocialniSluzby/luzka`, or a codelist key).
    pub capacity_type: String,
    /// Registered number.
    pub count: u32,
    /// The registry's note (official text with the effective date).
    pub note: Option<String>,
}

/// Day of the week, Monday = 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Weekday(u8);

impl Weekday {
    /// Monday = 1 … Sunday = 7.
    pub fn new(day: u8) -> Option<Self> {
        (1..=7).contains(&day).then_some(Self(day))
    }

    /// 1 to 7.
    pub fn number(self) -> u8 {
        self.0
    }
}

/// One opening period on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningPeriod {
    /// Day.
    pub weekday: Weekday,
    /// Opening time.
    pub opens: NaiveTime,
    /// Closing time (after `opens`).
    pub closes: NaiveTime,
}

/// A form in which a service is provided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceForm {
    /// Residential, outpatient or field.
    pub form: Form,
    /// Provided non-stop.
    pub continuous: bool,
    /// Registered capacities.
    pub capacities: Vec<Capacity>,
    /// Structured opening hours.
    pub hours: Vec<OpeningPeriod>,
    /// Opening hours the reader could not structure, kept as text rather than dropped.
    pub hours_note: Option<String>,
}

/// A place where a service is provided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facility {
    /// Identity within the service: the address point and the name, so that facilities the
    /// registry lists twice merge.
    pub key: String,
    /// Name.
    pub name: String,
    /// Address; hidden from everybody but the store when `hidden_address` is set.
    pub address: Option<Address>,
    /// The facility's municipality (kept public even for hidden addresses).
    pub municipality: Option<MunicipalityCode>,
    /// Coordinates, when known.
    pub point: Option<GeoPoint>,
    /// Utajená adresa: never shown or exported, only the municipality.
    pub hidden_address: bool,
    /// Provided here from.
    pub from: Option<NaiveDate>,
    /// Provided here until.
    pub to: Option<NaiveDate>,
}

impl Facility {
    /// The municipality it lies in: its own, else its address's.
    pub fn municipality_code(&self) -> Option<MunicipalityCode> {
        self.municipality
            .or(self.address.as_ref().and_then(|a| a.municipality))
    }

    /// The identity key of a facility: address point and trimmed name.
    pub fn identity(address_point: Option<u64>, name: &str) -> String {
        let slug = crate::text::slugify(name);
        match address_point {
            Some(point) => format!("{point}:{slug}"),
            None => format!("-:{slug}"),
        }
    }
}

/// Fields of a registry service that may be edited locally. The local value wins over the
/// registry's until the registry changes the field, which is recorded as a conflict to settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalField {
    /// Name.
    Name,
    /// Description.
    Description,
    /// Fees.
    Fees,
    /// Web addresses.
    Web,
    /// E-mail addresses.
    Emails,
    /// Phone numbers.
    Phones,
}

impl LocalField {
    /// All fields.
    pub const ALL: [LocalField; 6] = [
        Self::Name,
        Self::Description,
        Self::Fees,
        Self::Web,
        Self::Emails,
        Self::Phones,
    ];

    /// Stable key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Description => "description",
            Self::Fees => "fees",
            Self::Web => "web",
            Self::Emails => "emails",
            Self::Phones => "phones",
        }
    }

    /// The inverse of [`LocalField::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Whether the field holds a list (web, e-mails, phones) rather than one text.
    pub fn is_list(self) -> bool {
        matches!(self, Self::Web | Self::Emails | Self::Phones)
    }

    /// Longest text (or list item) a form may give the field.
    pub fn max_chars(self) -> usize {
        match self {
            Self::Name => 200,
            Self::Description => 4_000,
            Self::Fees => 2_000,
            Self::Web | Self::Emails | Self::Phones => 200,
        }
    }

    /// The value typed into a form: one text, or one item per line for lists. Texts are
    /// trimmed and an empty one is no value; list items are checked (web addresses start with
    /// `http://` or `https://`, e-mails have a name, `@` and a domain, phones have digits).
    pub fn parse_input(self, input: &str) -> Result<FieldValue, LocalInputError> {
        let fault = |reason: &'static str| LocalInputError {
            field: self,
            reason,
        };
        if input
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(fault("control characters"));
        }
        if !self.is_list() {
            let text = input.trim();
            if text.chars().count() > self.max_chars() {
                return Err(fault("too long"));
            }
            if text.is_empty() && self == Self::Name {
                return Err(fault("empty"));
            }
            return Ok(FieldValue::Text(
                (!text.is_empty()).then(|| text.to_owned()),
            ));
        }
        let items: Vec<String> = input
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if items.len() > MAX_LIST_ITEMS {
            return Err(fault("too many lines"));
        }
        for item in &items {
            let ok = item.chars().count() <= self.max_chars()
                && match self {
                    Self::Web => {
                        (item.starts_with("https://") || item.starts_with("http://"))
                            && !item.contains(char::is_whitespace)
                    }
                    Self::Emails => item.split_once('@').is_some_and(|(l, d)| {
                        !l.is_empty() && d.contains('.') && !item.contains(char::is_whitespace)
                    }),
                    _ => item.chars().filter(char::is_ascii_digit).count() >= 3,
                };
            if !ok {
                return Err(fault("an item is not valid"));
            }
        }
        Ok(FieldValue::List(items))
    }
}

/// Most lines a list field takes from a form.
pub const MAX_LIST_ITEMS: usize = 10;

/// A form value a local field cannot take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {reason}", field.key())]
pub struct LocalInputError {
    /// The field.
    pub field: LocalField,
    /// What is wrong.
    pub reason: &'static str,
}

/// The value of a [`LocalField`]: one text (`None` = empty) or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// Name, description, fees.
    Text(Option<String>),
    /// Web, e-mails, phones.
    List(Vec<String>),
}

impl FieldValue {
    /// As a form shows it: the text, or one item per line.
    pub fn as_input(&self) -> String {
        match self {
            FieldValue::Text(text) => text.clone().unwrap_or_default(),
            FieldValue::List(items) => items.join("\n"),
        }
    }
}

/// A territorial unit of a service area, expanded to its municipalities where needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "code", rename_all = "snake_case")]
pub enum AreaUnit {
    /// A whole region.
    Region(RegionCode),
    /// A whole district.
    District(DistrictCode),
    /// A whole ORP.
    Orp(OrpCode),
    /// One municipality.
    Municipality(MunicipalityCode),
}

impl AreaUnit {
    /// Stable kind key and numeric code, for storage.
    pub fn parts(self) -> (&'static str, u32) {
        match self {
            Self::Region(c) => ("region", c.get()),
            Self::District(c) => ("district", c.get()),
            Self::Orp(c) => ("orp", c.get()),
            Self::Municipality(c) => ("municipality", c.get()),
        }
    }

    /// The inverse of [`AreaUnit::parts`].
    pub fn from_parts(kind: &str, code: i64) -> Option<Self> {
        Some(match kind {
            "region" => Self::Region(RegionCode::try_from(code).ok()?),
            "district" => Self::District(DistrictCode::try_from(code).ok()?),
            "orp" => Self::Orp(OrpCode::try_from(code).ok()?),
            "municipality" => Self::Municipality(MunicipalityCode::try_from(code).ok()?),
            _ => return None,
        })
    }
}

/// A provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// IČO; registry providers always have one.
    pub ico: Option<Ico>,
    /// Name.
    pub name: String,
    /// Legal form as the source gives it (a registry codelist id or text).
    pub legal_form: Option<String>,
    /// Seat.
    pub seat: Option<Address>,
    /// Contacts of the provider.
    pub contacts: Contacts,
}

/// A registered social service as read from the MPSV registry, validated but with codelist
/// references still as the registry's raw ids. Personal data (statutory bodies, heads of
/// facilities) are not part of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegistryRecord {
    /// Registration identifier.
    pub registration_id: RegistrationId,
    /// The registry portal's numeric id (links to the public registry).
    pub portal_id: Option<i64>,
    /// Name (the registry has none per service: the first facility's name, else the provider's).
    pub name: String,
    /// Kind, as `DruhSocialniSluzby/N`.
    pub kind: String,
    /// Description, where the registry has one.
    pub description: Option<String>,
    /// Fees, where the registry has them.
    pub fees: Option<String>,
    /// Contacts of the service.
    pub contacts: Contacts,
    /// Forms with capacities and hours.
    pub forms: Vec<ServiceForm>,
    /// Target groups, as `CilovaSkupinaOsoby/N`.
    pub target_groups: Vec<String>,
    /// Age groups, as `VekovaSkupinaOsoby/N`.
    pub age_groups: Vec<String>,
    /// Facilities, duplicates merged.
    pub facilities: Vec<Facility>,
    /// Service area as given (regions, districts, ORPs, municipalities).
    pub service_area: Vec<AreaUnit>,
    /// Provided from.
    pub provided_from: Option<NaiveDate>,
    /// Provided until (set = ending or ended).
    pub provided_to: Option<NaiveDate>,
    /// The provider.
    pub organization: Organization,
}

impl RegistryRecord {
    /// Every municipality the record names directly (facilities and municipality units).
    pub fn named_municipalities(&self) -> impl Iterator<Item = MunicipalityCode> + '_ {
        self.facilities.iter().filter_map(|f| f.municipality).chain(
            self.service_area.iter().filter_map(|u| match u {
                AreaUnit::Municipality(code) => Some(*code),
                _ => None,
            }),
        )
    }
}

/// A service of the catalogue with its codes as codelist keys, whatever its source: what the
/// store hands to exports and takes from imports other than the registry's (HSDS, CSV, XLSX).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    /// Public identifier (a UUID) kept across exports and imports.
    pub public_id: Option<String>,
    /// Registration identifier, for registered services.
    pub registration_id: Option<RegistrationId>,
    /// Registry or local.
    pub source: Source,
    /// Name in force.
    pub name: String,
    /// Kind (service_kind codelist key).
    pub kind: String,
    /// Description in force.
    pub description: Option<String>,
    /// Fees in force.
    pub fees: Option<String>,
    /// Contacts in force.
    pub contacts: Contacts,
    /// Forms; capacity types are codelist keys.
    pub forms: Vec<ServiceForm>,
    /// Target group keys.
    pub target_groups: Vec<String>,
    /// Age group keys.
    pub age_groups: Vec<String>,
    /// Facilities.
    pub facilities: Vec<Facility>,
    /// Service area as given.
    pub service_area: Vec<AreaUnit>,
    /// Status.
    pub status: ServiceStatus,
    /// Since when the status holds.
    pub status_since: Option<NaiveDate>,
    /// Provided from.
    pub provided_from: Option<NaiveDate>,
    /// Provided until.
    pub provided_to: Option<NaiveDate>,
    /// The day the record was last confirmed.
    pub verified_on: Option<NaiveDate>,
    /// The provider.
    pub organization: Organization,
    /// The provider's public identifier (a UUID).
    pub organization_public_id: Option<String>,
    /// Fictional demo content.
    pub is_demo: bool,
}

#[cfg(test)]
mod local_input_tests {
    use super::*;

    #[test]
    fn form_values_are_trimmed_split_and_checked() {
        assert_eq!(
            LocalField::Description.parse_input("  Pomoc doma.  "),
            Ok(FieldValue::Text(Some("Pomoc doma.".into())))
        );
        assert_eq!(
            LocalField::Fees.parse_input(" "),
            Ok(FieldValue::Text(None))
        );
        assert!(LocalField::Name.parse_input("  ").is_err());
        assert!(LocalField::Name.parse_input(&"x".repeat(201)).is_err());
        assert_eq!(
            LocalField::Phones.parse_input("+420 371 111 222\r\n\n 777 123 456 "),
            Ok(FieldValue::List(vec![
                "+420 371 111 222".into(),
                "777 123 456".into()
            ]))
        );
        assert!(LocalField::Web.parse_input("javascript:alert(1)").is_err());
        assert!(
            LocalField::Web
                .parse_input("https://ok.cz\nftp://x")
                .is_err()
        );
        assert!(LocalField::Emails.parse_input("bez zavinace").is_err());
        assert!(LocalField::Phones.parse_input("volejte").is_err());
        assert!(LocalField::Phones.parse_input(&"123\n".repeat(11)).is_err());
        assert!(LocalField::Description.parse_input("a\u{0}b").is_err());
        let list = FieldValue::List(vec!["a@b.cz".into(), "c@d.cz".into()]);
        assert_eq!(LocalField::Emails.parse_input(&list.as_input()), Ok(list));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_links_are_absolute() {
        assert_eq!(
            web_link("www.charita.cz").as_deref(),
            Some("https://www.charita.cz")
        );
        assert_eq!(
            web_link(" http://x.cz/a?b=1 ").as_deref(),
            Some("http://x.cz/a?b=1")
        );
        assert_eq!(
            web_link("HTTPS://Obec.cz").as_deref(),
            Some("HTTPS://Obec.cz")
        );
        assert_eq!(
            web_link("obec.cz/sociální").as_deref(),
            Some("https://obec.cz/soci%C3%A1ln%C3%AD")
        );
        assert_eq!(web_link("ftp://x.cz"), None);
        assert_eq!(web_link("viz výroční zpráva"), None);
        assert_eq!(web_link("localhost"), None);
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("x.cz\"><script>"), None);
    }

    #[test]
    fn plausible_emails() {
        assert!(is_plausible_email("info@charita.cz"));
        assert!(is_plausible_email("jana.nova+x@obec-lhota.cz"));
        for bad in [
            "",
            "info",
            "info@",
            "@x.cz",
            "a@b",
            "a@@b.cz",
            "a b@c.cz",
            "a@b.cz; c@d.cz",
            "a@.cz",
            "a@b..cz",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn ico_check_digits() {
        for valid in [
            "00839345",
            "63504260",
            "25399195",
            "839345",
            " 00839345 ",
            "00064581",
        ] {
            assert!(Ico::parse(valid).is_ok(), "{valid}");
        }
        assert_eq!(Ico::parse("839345").unwrap().as_str(), "00839345");
        for invalid in ["00839346", "12345678", "", "abc", "123456789", "0083934x"] {
            assert!(Ico::parse(invalid).is_err(), "{invalid}");
        }
        let error = Ico::parse("12345678").unwrap_err().to_string();
        assert_eq!(
            error,
            "\"12345678\" is not a valid IČO: a number whose last digit is its mod-11 check digit"
        );
    }

    #[test]
    fn check_digit_rule_covers_remainders_zero_and_one() {
        // Weighted sum ≡ 0 (mod 11) → check digit 1; ≡ 1 → check digit 0.
        assert!(Ico::parse("00000001").is_ok());
        assert!(Ico::parse("00000060").is_ok(), "6·2 = 12 ≡ 1 → 0");
        assert!(Ico::parse("00000000").is_err());
    }

    #[test]
    fn registration_ids() {
        assert_eq!(
            RegistrationId::parse(" 1234567 ").unwrap().as_str(),
            "1234567"
        );
        for bad in ["123456", "12345678", "12a4567", ""] {
            assert!(RegistrationId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn facility_identity_merges_spelling_variants() {
        assert_eq!(
            Facility::identity(Some(11867906), "Domov  Aš "),
            Facility::identity(Some(11867906), "domov aš")
        );
        assert_ne!(
            Facility::identity(None, "Domov"),
            Facility::identity(Some(1), "Domov")
        );
    }

    #[test]
    fn area_units_round_trip() {
        for unit in [
            AreaUnit::Region(RegionCode::parse("43").unwrap()),
            AreaUnit::District(DistrictCode::parse("3406").unwrap()),
            AreaUnit::Orp(OrpCode::parse("3207").unwrap()),
            AreaUnit::Municipality(MunicipalityCode::parse("558109").unwrap()),
        ] {
            let (kind, code) = unit.parts();
            assert_eq!(AreaUnit::from_parts(kind, i64::from(code)), Some(unit));
        }
        assert_eq!(AreaUnit::from_parts("planet", 1), None);
    }
}

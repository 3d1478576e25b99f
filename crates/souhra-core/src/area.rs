//! Planning areas: the tenants of an installation.
//!
//! An installation hosts one or more areas. Each is a region, an ORP or a set of municipalities
//! (one town, a microregion, a POU) with a name and a URL slug. A region-level area sees the other
//! areas that lie in its region (its ORPs).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::code::{MunicipalityCode, OrpCode, RegionCode};
use crate::text::is_slug;

/// Database id of an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AreaId(pub i64);

impl fmt::Display for AreaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What territory an area covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AreaScope {
    /// A whole region (kraj).
    Region(RegionCode),
    /// A whole ORP.
    Orp(OrpCode),
    /// One or more municipalities.
    Municipalities(Vec<MunicipalityCode>),
}

/// The kind of an area, without its territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// A region.
    Region,
    /// An ORP.
    Orp,
    /// A set of municipalities.
    Municipalities,
}

impl AreaKind {
    /// Stable key (`region`, `orp`, `municipalities`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Region => "region",
            Self::Orp => "orp",
            Self::Municipalities => "municipalities",
        }
    }

    /// The inverse of [`AreaKind::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Region, Self::Orp, Self::Municipalities]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

impl AreaScope {
    /// The kind of this scope.
    pub fn kind(&self) -> AreaKind {
        match self {
            Self::Region(_) => AreaKind::Region,
            Self::Orp(_) => AreaKind::Orp,
            Self::Municipalities(_) => AreaKind::Municipalities,
        }
    }
}

/// Why text does not give an area's territory.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    /// A code is not of its form.
    #[error(transparent)]
    Code(#[from] crate::code::CodeError),
    /// A region or an ORP takes one code; a set of municipalities at least one.
    #[error("a region or ORP area takes exactly one code, a municipalities area one or more")]
    Count,
}

impl AreaScope {
    /// The territory of an area of `kind` from the codes in `text` (separated by spaces, commas
    /// or semicolons), as an administrator types them.
    pub fn from_codes(kind: AreaKind, text: &str) -> Result<Self, ScopeError> {
        let codes: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|c| !c.is_empty())
            .collect();
        match (kind, codes.as_slice()) {
            (AreaKind::Region, [code]) => Ok(Self::Region(RegionCode::parse(code)?)),
            (AreaKind::Orp, [code]) => Ok(Self::Orp(OrpCode::parse(code)?)),
            (AreaKind::Municipalities, codes) if !codes.is_empty() => {
                let mut parsed = codes
                    .iter()
                    .map(|c| MunicipalityCode::parse(c))
                    .collect::<Result<Vec<_>, _>>()?;
                parsed.sort();
                parsed.dedup();
                Ok(Self::Municipalities(parsed))
            }
            _ => Err(ScopeError::Count),
        }
    }
}

/// Top-level URL segments used by the application itself (and `instalace`, the installation's own
/// pages under `/sprava`); no area may take them as its slug.
pub const RESERVED_SLUGS: &[&str] = &[
    "about",
    "admin",
    "api",
    "healthz",
    "instalace",
    "jazyk",
    "kalendar",
    "lang",
    "login",
    "logout",
    "metrics",
    "nove-heslo",
    "o-aplikaci",
    "odhlaseni",
    "pozvanka",
    "prihlaseni",
    "pristupnost",
    "readyz",
    "robots-txt",
    "sitemap",
    "sprava",
    "static",
    "uzemi",
    "zapomenute-heslo",
];

/// A URL slug of an area: lower-case ASCII letters, digits and hyphens, not a reserved word.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AreaSlug(String);

/// Text that cannot be an area slug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AreaSlugError {
    /// Not of the slug form.
    #[error(
        "{0:?} is not a valid area slug: use 1–64 lower-case letters a–z, digits and single hyphens"
    )]
    Invalid(String),
    /// Used by the application.
    #[error("{0:?} is reserved for the application's own pages; choose another area slug")]
    Reserved(String),
}

impl AreaSlug {
    /// Parses and checks a slug.
    pub fn parse(text: &str) -> Result<Self, AreaSlugError> {
        let text = text.trim();
        if !is_slug(text) {
            return Err(AreaSlugError::Invalid(text.to_owned()));
        }
        if RESERVED_SLUGS.contains(&text) {
            return Err(AreaSlugError::Reserved(text.to_owned()));
        }
        Ok(Self(text.to_owned()))
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AreaSlug {
    type Error = AreaSlugError;
    fn try_from(value: String) -> Result<Self, AreaSlugError> {
        Self::parse(&value)
    }
}

impl From<AreaSlug> for String {
    fn from(slug: AreaSlug) -> String {
        slug.0
    }
}

impl fmt::Display for AreaSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An area to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArea {
    /// URL slug.
    pub slug: AreaSlug,
    /// Display name, e.g. `Nepomuk` (the interface adds the kind: "ORP Nepomuk").
    pub name: String,
    /// Territory.
    pub scope: AreaScope,
    /// Whether the area is a demonstration with fictional content.
    pub is_demo: bool,
}

/// A stored area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Area {
    /// Database id.
    pub id: AreaId,
    /// URL slug.
    pub slug: AreaSlug,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: AreaKind,
    /// Region or ORP code for region and ORP areas.
    pub territory_code: Option<u32>,
    /// The region the whole area lies in, if it lies in one.
    pub region: Option<RegionCode>,
    /// Whether the area is a demonstration with fictional content.
    pub is_demo: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(AreaSlug::parse(" nepomuk ").unwrap().as_str(), "nepomuk");
        assert!(matches!(
            AreaSlug::parse("static"),
            Err(AreaSlugError::Reserved(_))
        ));
        assert!(matches!(
            AreaSlug::parse("Nepomuk"),
            Err(AreaSlugError::Invalid(_))
        ));
        assert!(matches!(
            AreaSlug::parse(""),
            Err(AreaSlugError::Invalid(_))
        ));
    }

    #[test]
    fn scopes_from_typed_codes() {
        assert_eq!(
            AreaScope::from_codes(AreaKind::Orp, " 3207 "),
            Ok(AreaScope::Orp(OrpCode::parse("3207").unwrap()))
        );
        assert_eq!(
            AreaScope::from_codes(AreaKind::Municipalities, "557846, 557846;558141"),
            Ok(AreaScope::Municipalities(vec![
                MunicipalityCode::parse("557846").unwrap(),
                MunicipalityCode::parse("558141").unwrap(),
            ]))
        );
        assert_eq!(
            AreaScope::from_codes(AreaKind::Region, "43 35"),
            Err(ScopeError::Count)
        );
        assert_eq!(
            AreaScope::from_codes(AreaKind::Municipalities, "  "),
            Err(ScopeError::Count)
        );
        assert!(matches!(
            AreaScope::from_codes(AreaKind::Orp, "Nepomuk"),
            Err(ScopeError::Code(_))
        ));
    }

    #[test]
    fn kinds_round_trip() {
        for scope in [
            AreaScope::Region(RegionCode::parse("43").unwrap()),
            AreaScope::Orp(OrpCode::parse("3207").unwrap()),
            AreaScope::Municipalities(vec![]),
        ] {
            let kind = scope.kind();
            assert_eq!(AreaKind::from_key(kind.key()), Some(kind));
        }
    }
}

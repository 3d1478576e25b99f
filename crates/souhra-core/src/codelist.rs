//! Codelists of the MPSV registry: kinds of social services (§37–§70 of Act 108/2006 Sb.),
//! target groups, age groups, forms of provision and capacity types.
//!
//! Each entry has a stable local `key` (the paragraph for kinds, the registry's short code for
//! forms and capacity types, a slug of the name for groups) and, where known, the registry's
//! open-data id (`DruhSocialniSluzby/13`) with how sure we are of it. Codelists can grow: a code met
//! in imported data but not yet labelled is kept as an entry without a label (keyed by the raw id)
//! and shown with its raw id, never dropped.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::slugify;

/// The codelists Souhra knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Codelist {
    /// Kind of social service (druh sociální služby), keyed by paragraph.
    ServiceKind,
    /// Target group (cílová skupina).
    TargetGroup,
    /// Age group (věková skupina).
    AgeGroup,
    /// Form of provision (forma): residential, outpatient, field.
    Form,
    /// Capacity type (typ kapacity): beds, clients, contacts, interventions, calls.
    CapacityType,
}

impl Codelist {
    /// All codelists.
    pub const ALL: [Codelist; 5] = [
        Self::ServiceKind,
        Self::TargetGroup,
        Self::AgeGroup,
        Self::Form,
        Self::CapacityType,
    ];

    /// Stable name used in the database and in translation keys.
    pub fn key(self) -> &'static str {
        match self {
            Self::ServiceKind => "service_kind",
            Self::TargetGroup => "target_group",
            Self::AgeGroup => "age_group",
            Self::Form => "form",
            Self::CapacityType => "capacity_type",
        }
    }

    /// The inverse of [`Codelist::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Type prefix of the registry's open-data ids (`DruhSocialniSluzby/13`).
    pub fn registry_prefix(self) -> &'static str {
        match self {
            Self::ServiceKind => "DruhSocialniSluzby",
            Self::TargetGroup => "CilovaSkupinaOsoby",
            Self::AgeGroup => "VekovaSkupinaOsoby",
            Self::Form => "FormaSocialniSluzby",
            Self::CapacityType => "TypKapacitySocialniSluzby",
        }
    }
}

/// How sure we are of an entry's registry id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum IdStatus {
    /// Id and name seen together in a source.
    Confirmed,
    /// Placed by codelist order, not seen with the name.
    Inferred,
    /// No id known.
    #[default]
    Unknown,
}

impl IdStatus {
    /// Stable key (`confirmed`, `inferred`, `unknown`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Inferred => "inferred",
            Self::Unknown => "unknown",
        }
    }

    /// Parses a key; anything else is `Unknown`.
    pub fn from_key(key: &str) -> Self {
        match key.trim() {
            "confirmed" => Self::Confirmed,
            "inferred" => Self::Inferred,
            _ => Self::Unknown,
        }
    }
}

/// Form of provision of a social service (§33 of Act 108/2006 Sb.).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// pobytová
    Residential,
    /// ambulantní
    Outpatient,
    /// terénní
    Field,
}

impl Form {
    /// All forms in the registry's order.
    pub const ALL: [Form; 3] = [Self::Residential, Self::Outpatient, Self::Field];

    /// The registry's short code: `pob`, `amb`, `ter`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Residential => "pob",
            Self::Outpatient => "amb",
            Self::Field => "ter",
        }
    }

    /// Parses the short code or the Czech adjective (`pobytová`, `ambulantní`, `terénní`).
    pub fn parse(text: &str) -> Option<Self> {
        let slug = slugify(text);
        Self::ALL.into_iter().find(|form| {
            slug == form.key()
                || slug
                    == match form {
                        Self::Residential => "pobytova",
                        Self::Outpatient => "ambulantni",
                        Self::Field => "terenni",
                    }
        })
    }
}

/// Category of a kind of social service (§32).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindCategory {
    /// sociální poradenství (§37)
    SocialCounselling,
    /// služby sociální péče (§39–§52)
    SocialCare,
    /// služby sociální prevence (§53–§70)
    SocialPrevention,
}

impl KindCategory {
    /// All categories in the order of the Act.
    pub const ALL: [KindCategory; 3] = [
        Self::SocialCounselling,
        Self::SocialCare,
        Self::SocialPrevention,
    ];

    /// Stable key: the slug of the Czech name.
    pub fn key(self) -> &'static str {
        match self {
            Self::SocialCounselling => "socialni-poradenstvi",
            Self::SocialCare => "sluzby-socialni-pece",
            Self::SocialPrevention => "sluzby-socialni-prevence",
        }
    }

    /// Parses the key or the Czech name in any case, with or without diacritics.
    pub fn parse(text: &str) -> Option<Self> {
        let slug = slugify(text);
        Self::ALL.into_iter().find(|c| c.key() == slug)
    }
}

/// Paragraph of Act 108/2006 Sb. that defines a kind of service: `37`, `60a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Paragraph {
    number: u16,
    letter: Option<char>,
}

/// Text that is not a paragraph number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a paragraph of the Act (expected e.g. \"49\" or \"§ 60a\")")]
pub struct ParagraphError(pub String);

impl Paragraph {
    /// Parses `49`, `§49`, `§ 60a`.
    pub fn parse(text: &str) -> Result<Self, ParagraphError> {
        let error = || ParagraphError(text.trim().to_owned());
        let body = text.trim().trim_start_matches('§').trim();
        let digits_end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (digits, rest) = body.split_at(digits_end);
        let number: u16 = digits.parse().map_err(|_| error())?;
        if number == 0 || number > 999 {
            return Err(error());
        }
        let mut rest_chars = rest.chars();
        let letter = match (rest_chars.next(), rest_chars.next()) {
            (None, _) => None,
            (Some(c), None) if c.is_ascii_lowercase() => Some(c),
            _ => return Err(error()),
        };
        Ok(Self { number, letter })
    }

    /// The paragraph number without its letter.
    pub fn number(self) -> u16 {
        self.number
    }
}

impl fmt::Display for Paragraph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number)?;
        if let Some(letter) = self.letter {
            write!(f, "{letter}")?;
        }
        Ok(())
    }
}

impl TryFrom<String> for Paragraph {
    type Error = ParagraphError;
    fn try_from(value: String) -> Result<Self, ParagraphError> {
        Self::parse(&value)
    }
}

impl From<Paragraph> for String {
    fn from(p: Paragraph) -> String {
        p.to_string()
    }
}

/// One item of a codelist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodelistEntry {
    /// The codelist the entry belongs to.
    pub codelist: Codelist,
    /// Stable local key (see the module documentation).
    pub key: String,
    /// Official Czech label; `None` for a code met in imported data but not yet labelled.
    pub label: Option<String>,
    /// Registry open-data id, e.g. `DruhSocialniSluzby/13`.
    pub registry_id: Option<String>,
    /// How sure we are of `registry_id`.
    pub registry_id_status: IdStatus,
    /// Id in the MPSV web-API codelist, where known.
    pub mpsv_api_id: Option<i64>,
    /// Position in lists.
    pub sort_order: i64,
    /// Service kinds only: the paragraph of the Act.
    pub paragraph: Option<Paragraph>,
    /// Service kinds only: the category.
    pub category: Option<KindCategory>,
    /// Service kinds only: the forms the Act allows.
    pub forms: Vec<Form>,
    /// Age groups only: lowest age.
    pub age_from: Option<u8>,
    /// Age groups only: highest age (`None` = and older).
    pub age_to: Option<u8>,
    /// The label used by the registry where it differs from `label` (capacity types).
    pub registry_label: Option<String>,
}

impl CodelistEntry {
    /// A bare entry with only the codelist and key set.
    pub fn new(codelist: Codelist, key: impl Into<String>) -> Self {
        Self {
            codelist,
            key: key.into(),
            label: None,
            registry_id: None,
            registry_id_status: IdStatus::Unknown,
            mpsv_api_id: None,
            sort_order: 0,
            paragraph: None,
            category: None,
            forms: Vec::new(),
            age_from: None,
            age_to: None,
            registry_label: None,
        }
    }

    /// An entry for a registry id met in imported data that no codelist file labels yet: it is
    /// keyed by the raw id and shown with it.
    pub fn unlabelled(codelist: Codelist, registry_id: &str) -> Self {
        let mut entry = Self::new(codelist, registry_id.trim());
        entry.registry_id = Some(registry_id.trim().to_owned());
        entry.registry_id_status = IdStatus::Confirmed;
        entry.sort_order = i64::MAX / 2;
        entry
    }

    /// What to show: the label, or the raw registry id (or key) of an unlabelled code.
    pub fn display_label(&self) -> &str {
        self.label
            .as_deref()
            .or(self.registry_id.as_deref())
            .unwrap_or(&self.key)
    }
}

/// Stores the forms of a kind as text (`pob|amb|ter`).
pub fn forms_to_text(forms: &[Form]) -> String {
    forms.iter().map(|f| f.key()).collect::<Vec<_>>().join("|")
}

/// Reads forms written by [`forms_to_text`]; unknown parts are skipped.
pub fn forms_from_text(text: &str) -> Vec<Form> {
    text.split('|').filter_map(Form::parse).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs() {
        assert_eq!(Paragraph::parse("49").unwrap().to_string(), "49");
        assert_eq!(Paragraph::parse("§ 60a").unwrap().to_string(), "60a");
        assert_eq!(Paragraph::parse("§37").unwrap().number(), 37);
        for bad in ["", "§", "a60", "60ab", "60A", "0", "1000", "6 0"] {
            assert!(Paragraph::parse(bad).is_err(), "{bad}");
        }
        assert!(Paragraph::parse("60").unwrap() < Paragraph::parse("60a").unwrap());
        assert!(Paragraph::parse("60a").unwrap() < Paragraph::parse("61").unwrap());
    }

    #[test]
    fn forms_and_categories_parse_czech_labels() {
        assert_eq!(Form::parse("pobytová"), Some(Form::Residential));
        assert_eq!(Form::parse("Ambulantní"), Some(Form::Outpatient));
        assert_eq!(Form::parse("ter"), Some(Form::Field));
        assert_eq!(Form::parse("online"), None);
        assert_eq!(
            KindCategory::parse("služby sociální péče"),
            Some(KindCategory::SocialCare)
        );
        assert_eq!(
            KindCategory::parse("sociální poradenství"),
            Some(KindCategory::SocialCounselling)
        );
        assert_eq!(
            forms_from_text(&forms_to_text(&Form::ALL)),
            Form::ALL.to_vec()
        );
    }

    #[test]
    fn unlabelled_codes_show_their_raw_id() {
        let entry = CodelistEntry::unlabelled(Codelist::TargetGroup, " CilovaSkupinaOsoby/99 ");
        assert_eq!(entry.display_label(), "CilovaSkupinaOsoby/99");
        assert_eq!(entry.key, "CilovaSkupinaOsoby/99");
        let mut labelled = entry.clone();
        labelled.label = Some("senioři".into());
        assert_eq!(labelled.display_label(), "senioři");
    }

    #[test]
    fn codelist_keys_round_trip() {
        for c in Codelist::ALL {
            assert_eq!(Codelist::from_key(c.key()), Some(c));
        }
    }
}

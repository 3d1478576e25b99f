//! The registry's JSON as serde structs. Only what Souhra uses is declared; everything else —
//! including the personal data of statutory bodies (`poskytovatel.statutarniOrgany`) and heads
//! of facilities (`zarizeni[].vedouci`) — is skipped by the parser and never held.

use serde::Deserialize;
use serde_json::Value;

/// A value the registry writes sometimes as a string and sometimes as a number.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum Text {
    String(String),
    Number(serde_json::Number),
}

impl Text {
    pub(crate) fn text(&self) -> String {
        match self {
            Text::String(s) => s.trim().to_owned(),
            Text::Number(n) => n.to_string(),
        }
    }
}

/// A codelist reference `{"id": "Prefix/N"}`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Ref {
    pub id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Service {
    pub portal_id: Option<i64>,
    pub identifikator: Option<Text>,
    /// Not among the documented keys; used when present.
    pub nazev: Option<String>,
    pub datum_poskytovani_od: Option<String>,
    pub datum_poskytovani_do: Option<String>,
    pub druh_socialni_sluzby: Option<Ref>,
    pub poskytovatel: Option<Provider>,
    pub emaily: Option<Vec<Email>>,
    pub telefony: Option<Vec<Phone>>,
    pub weby: Option<Vec<Web>>,
    pub cilove_skupiny: Option<Vec<TargetGroup>>,
    pub vekove_skupiny: Option<Vec<AgeGroup>>,
    pub formy: Option<Vec<Form>>,
    pub zarizeni: Option<Vec<Facility>>,
    /// Shape not documented: scanned for territorial references.
    pub rozsirene_pusobnosti_v_kraji: Option<Value>,
    /// Shape only partly documented: `popis` and `uhrady` texts are read.
    pub doplnkove_udaje: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Provider {
    pub ico: Option<Text>,
    pub nazev: Option<String>,
    pub pravni_forma: Option<Value>,
    pub adresa: Option<Address>,
    pub emaily: Option<Vec<Email>>,
    pub telefony: Option<Vec<Phone>>,
    pub weby: Option<Vec<Web>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Email {
    pub email: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Phone {
    pub telefon: Option<Text>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Web {
    pub web: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TargetGroup {
    pub cilova_skupina: Option<Ref>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AgeGroup {
    pub vekova_skupina: Option<Ref>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Form {
    pub forma: Option<Ref>,
    pub nepretrzite_poskytovani: Option<bool>,
    /// Shape not documented: read tolerantly, kept as text when not understood.
    pub casove_rozsahy: Option<Value>,
    pub kapacity: Option<Vec<Capacity>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Capacity {
    pub pocet: Option<serde_json::Number>,
    pub popis: Option<String>,
    pub typ: Option<Ref>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Facility {
    pub nazev: Option<String>,
    pub poskytuje_od: Option<String>,
    pub poskytuje_do: Option<String>,
    pub utajena_adresa: Option<bool>,
    pub adresa: Option<Address>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Address {
    pub cislo_domovni: Option<Text>,
    pub cislo_orientacni: Option<Text>,
    pub kod_adresniho_mista: Option<Text>,
    pub psc: Option<Text>,
    pub obec: Option<Ref>,
    pub ulice: Option<Street>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Street {
    pub nazev: Option<String>,
}

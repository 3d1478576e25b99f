//! Names of the territory for exports and imports: what a municipality, ORP, district or region
//! is called, which municipalities a unit holds, and which units a name may mean.

use std::collections::HashMap;

use souhra_core::catalogue::AreaUnit;
use souhra_core::code::MunicipalityCode;
use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::territory::TerritoryDataset;
use souhra_core::text::fold;

/// A municipality with the names of its district and region.
#[derive(Debug, Clone)]
pub struct Place {
    /// Name of the municipality.
    pub name: String,
    /// Name of its district.
    pub district: String,
    /// Name of its region.
    pub region: String,
}

/// The territory's names, looked up both ways.
#[derive(Debug, Clone, Default)]
pub struct Places {
    municipalities: HashMap<MunicipalityCode, Place>,
    names: HashMap<AreaUnit, String>,
    members: HashMap<AreaUnit, Vec<MunicipalityCode>>,
    by_name: HashMap<(&'static str, String), Vec<AreaUnit>>,
}

impl Places {
    /// The names of `territory`.
    pub fn new(territory: &TerritoryDataset) -> Self {
        let districts: HashMap<u32, &str> = territory
            .districts
            .iter()
            .map(|d| (d.code.get(), d.name.as_str()))
            .collect();
        let regions: HashMap<u32, &str> = territory
            .regions
            .iter()
            .map(|r| (r.code.get(), r.name.as_str()))
            .collect();
        let mut places = Self::default();
        let units = territory
            .regions
            .iter()
            .map(|r| (AreaUnit::Region(r.code), &r.name))
            .chain(
                territory
                    .districts
                    .iter()
                    .map(|d| (AreaUnit::District(d.code), &d.name)),
            )
            .chain(
                territory
                    .orps
                    .iter()
                    .map(|o| (AreaUnit::Orp(o.code), &o.name)),
            )
            .chain(
                territory
                    .municipalities
                    .iter()
                    .map(|m| (AreaUnit::Municipality(m.code), &m.name)),
            );
        for (unit, name) in units {
            places.names.insert(unit, name.clone());
            places
                .by_name
                .entry((unit.parts().0, fold(name)))
                .or_default()
                .push(unit);
        }
        for m in &territory.municipalities {
            let place = Place {
                name: m.name.clone(),
                district: districts
                    .get(&m.district.get())
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                region: regions
                    .get(&m.region.get())
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
            };
            places.municipalities.insert(m.code, place);
            for unit in [
                AreaUnit::Region(m.region),
                AreaUnit::District(m.district),
                AreaUnit::Orp(m.orp),
                AreaUnit::Municipality(m.code),
            ] {
                places.members.entry(unit).or_default().push(m.code);
            }
        }
        for list in places.members.values_mut() {
            list.sort_unstable();
        }
        places
    }

    /// A municipality by its code.
    pub fn municipality(&self, code: MunicipalityCode) -> Option<&Place> {
        self.municipalities.get(&code)
    }

    /// The name of a unit.
    pub fn name(&self, unit: AreaUnit) -> Option<&str> {
        self.names.get(&unit).map(String::as_str)
    }

    /// The municipalities of a unit, in the order of their codes.
    pub fn members(&self, unit: AreaUnit) -> &[MunicipalityCode] {
        self.members.get(&unit).map_or(&[], Vec::as_slice)
    }

    /// The units of a kind (`region`, `district`, `orp`, `municipality`) with this name, in
    /// any case and with or without diacritics.
    pub fn find(&self, kind: &str, name: &str) -> &[AreaUnit] {
        self.by_name
            .get(&(unit_kind(kind), fold(name.trim())))
            .map_or(&[], Vec::as_slice)
    }
}

/// The territory's names and the codelists' labels: what exports name things with.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// The territory's names.
    pub places: Places,
    codes: HashMap<(Codelist, String), CodelistEntry>,
}

impl Names {
    /// From the territory and the codelists in force (including codes imported without labels).
    pub fn new(territory: &TerritoryDataset, codelists: &[CodelistEntry]) -> Self {
        let codes = codelists
            .iter()
            .map(|e| ((e.codelist, e.key.clone()), e.clone()))
            .collect();
        Self {
            places: Places::new(territory),
            codes,
        }
    }

    /// The entry of a codelist key.
    pub fn code(&self, list: Codelist, key: &str) -> Option<&CodelistEntry> {
        self.codes.get(&(list, key.to_owned()))
    }

    /// What to show for a codelist key: its label, else its raw id, else the key.
    pub fn label<'a>(&'a self, list: Codelist, key: &'a str) -> &'a str {
        self.code(list, key)
            .map_or(key, CodelistEntry::display_label)
    }
}

/// The static kind key of a unit kind, so lookups need no allocation for it.
fn unit_kind(kind: &str) -> &'static str {
    match kind {
        "region" => "region",
        "district" => "district",
        "orp" => "orp",
        _ => "municipality",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn names_both_ways() {
        let places = Places::new(&bundled::territory().unwrap());
        let nepomuk = MunicipalityCode::parse("558109").unwrap();
        assert_eq!(
            places.municipality(nepomuk).map(|p| p.name.as_str()),
            Some("Nepomuk")
        );
        assert!(
            places
                .find("municipality", "NEPOMUK")
                .contains(&AreaUnit::Municipality(nepomuk))
        );
        let orp = places.find("orp", "nepomuk");
        assert_eq!(orp.len(), 1);
        assert!(places.members(orp[0]).contains(&nepomuk));
        assert_eq!(
            places.find("municipality", "Nepomuk").len(),
            2,
            "two municipalities share the name"
        );
        assert!(places.find("municipality", "Atlantida").is_empty());
    }
}

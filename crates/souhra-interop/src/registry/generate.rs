//! A generator of registry-shaped JSON files with realistic distributions over the real territory
//! and codelists: for tests, benchmarks (`souhra gen registry`) and the demo's fictional services.
//!
//! Shares of kinds follow the national registry roughly; services sit in municipalities in
//! proportion to their population; a service has 1–5 facilities (2.8 on average, like the
//! registry's 18,907 for 6,733 services), 3.6 % of facilities lack an address-point code,
//! shelters and intervention centres often have hidden addresses, some facilities are listed
//! twice, about 4 % of services have ended, and providers list (made-up) statutory bodies — the
//! personal data the importer must drop. Words come from `data/generator/` (fictional). The same
//! seed gives the same file.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};
use souhra_core::code::MunicipalityCode;
use souhra_core::codelist::{Codelist, CodelistEntry, Form};
use souhra_core::territory::TerritoryDataset;

use crate::bundled;
use crate::error::DataError;
use crate::table::Table;

/// What to generate.
#[derive(Debug, Clone)]
pub struct GeneratorOptions {
    /// Number of services.
    pub services: usize,
    /// Seed of the pseudo-random sequence.
    pub seed: u64,
    /// Place everything in these municipalities (the demo); anywhere when empty.
    pub municipalities: Vec<MunicipalityCode>,
    /// Demo data: names marked as fictional, only codelist ids that have labels.
    pub demo: bool,
    /// Dates are generated up to this day.
    pub today: NaiveDate,
    /// First registration identifier (seven digits); identifiers count up from it.
    pub first_identifier: u32,
}

/// What was generated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GeneratorSummary {
    /// Services written.
    pub services: u64,
    /// Facilities written (duplicates included).
    pub facilities: u64,
}

/// xorshift64*: small, fast and deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 1000 < percent * 10
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Relative frequency of each kind (by paragraph), after the national registry.
const KIND_WEIGHTS: &[(&str, u32)] = &[
    ("37", 1000),
    ("39", 240),
    ("40", 700),
    ("41", 20),
    ("42", 20),
    ("43", 70),
    ("44", 330),
    ("45", 70),
    ("46", 250),
    ("47", 60),
    ("48", 200),
    ("49", 530),
    ("50", 340),
    ("51", 220),
    ("52", 150),
    ("54", 50),
    ("55", 40),
    ("56", 20),
    ("57", 210),
    ("58", 30),
    ("59", 70),
    ("60", 50),
    ("60a", 15),
    ("61", 70),
    ("62", 240),
    ("63", 70),
    ("64", 30),
    ("65", 400),
    ("66", 180),
    ("67", 200),
    ("68", 15),
    ("69", 200),
    ("70", 400),
];

/// Kinds a small ORP typically has, for the demo.
const DEMO_KINDS: &[&str] = &[
    "37", "39", "40", "41", "44", "45", "46", "49", "50", "51", "65", "66", "67", "69", "70",
];

/// Target groups by kind. The registry ids of most groups are unknown (`data/README.md`); the
/// generator uses the four confirmed ones and, outside the demo, plausible other ids, which the
/// importer keeps as unlabelled codes — as it must with real data.
fn target_groups(paragraph: &str, demo: bool) -> Vec<u32> {
    const SENIORS: u32 = 24;
    const CARERS: u32 = 26;
    const PALLIATIVE: u32 = 27;
    const DEMENTIA: u32 = 30;
    let known: Vec<u32> = match paragraph {
        "40" | "41" | "44" | "45" | "46" | "66" | "42" | "43" => vec![SENIORS, CARERS],
        "49" | "47" | "52" => vec![SENIORS, PALLIATIVE],
        "50" => vec![SENIORS, DEMENTIA],
        "39" | "37" | "70" => vec![SENIORS],
        _ => Vec::new(),
    };
    if demo {
        return if known.is_empty() {
            vec![SENIORS]
        } else {
            known
        };
    }
    let other: Vec<u32> = match paragraph {
        "48" | "51" | "67" | "70" | "39" => vec![13, 15, 16],
        "57" | "61" | "63" => vec![7],
        "59" | "69" | "68" => vec![22, 20],
        "62" => vec![1],
        "65" | "54" => vec![23],
        "60a" | "60" => vec![4, 19],
        _ => vec![19],
    };
    known.into_iter().chain(other).collect()
}

struct Words {
    streets: Vec<String>,
    providers: Vec<String>,
    legal_forms: Vec<String>,
    descriptions: Vec<String>,
    fees: Vec<String>,
    first_names: Vec<String>,
    last_names: Vec<String>,
    demo_suffix: String,
    service_names: HashMap<String, String>,
}

fn words() -> Result<Words, DataError> {
    let table = Table::parse("generator/slova.csv", bundled::file("generator/slova.csv")?)?;
    table.require(&["druh", "text"])?;
    let of = |kind: &str| -> Vec<String> {
        table
            .rows()
            .filter(|r| r.text("druh") == kind)
            .map(|r| r.text("text").to_owned())
            .collect()
    };
    let names = Table::parse(
        "generator/nazvy_sluzeb.csv",
        bundled::file("generator/nazvy_sluzeb.csv")?,
    )?;
    names.require(&["paragraf", "nazev"])?;
    let service_names = names
        .rows()
        .map(|r| (r.text("paragraf").to_owned(), r.text("nazev").to_owned()))
        .collect();
    let raw_suffix = table
        .rows()
        .find(|r| r.text("druh") == "demo_pripona")
        .map(|r| format!(" {}", r.text("text")))
        .unwrap_or_default();
    let words = Words {
        streets: of("ulice"),
        providers: of("poskytovatel"),
        legal_forms: of("pravni_forma"),
        descriptions: of("popis"),
        fees: of("uhrady"),
        first_names: of("jmeno"),
        last_names: of("prijmeni"),
        demo_suffix: raw_suffix,
        service_names,
    };
    let lists = [
        &words.streets,
        &words.providers,
        &words.legal_forms,
        &words.descriptions,
        &words.fees,
        &words.first_names,
        &words.last_names,
    ];
    if lists.iter().any(|l| l.is_empty()) {
        return Err(DataError::UnknownLayout {
            file: "generator/slova.csv".into(),
            message: "every word kind needs at least one entry".into(),
        });
    }
    Ok(words)
}

/// A valid IČO from a running number (the check digit computed).
fn ico(number: u32) -> String {
    let base = format!("{:07}", number % 10_000_000);
    let sum: u32 = base
        .bytes()
        .zip((2..=8).rev())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{base}{}", (11 - sum % 11) % 10)
}

struct Place {
    code: MunicipalityCode,
    name: String,
    orp: u32,
    orp_ruian: u32,
    district: u32,
    region: u32,
    postcode: String,
}

/// A provider: its block is the same in every service it registers, as in the registry.
struct Provider {
    ico: String,
    name: String,
    legal_form: String,
    home: usize,
    street: String,
    house: usize,
    phone: String,
    statutory: (String, String),
}

/// Writes a registry file of `options.services` services to `out`.
pub fn generate(
    territory: &TerritoryDataset,
    codelists: &[CodelistEntry],
    options: &GeneratorOptions,
    out: &mut impl Write,
) -> Result<GeneratorSummary, GenerateError> {
    let words = words()?;
    let population: HashMap<MunicipalityCode, u64> = territory
        .population
        .iter()
        .filter(|p| p.band.is_total())
        .map(|p| (p.municipality, p.count))
        .collect();
    let orp_ruian: HashMap<u32, u32> = territory
        .orps
        .iter()
        .map(|o| (o.code.get(), o.ruian_code))
        .collect();
    let chosen: Vec<_> = territory
        .municipalities
        .iter()
        .filter(|m| options.municipalities.is_empty() || options.municipalities.contains(&m.code))
        .collect();
    if chosen.is_empty() {
        return Err(GenerateError::NoMunicipalities);
    }
    let places: Vec<Place> = chosen
        .iter()
        .map(|m| Place {
            code: m.code,
            name: m.name.clone(),
            orp: m.orp.get(),
            orp_ruian: orp_ruian.get(&m.orp.get()).copied().unwrap_or(0),
            district: m.district.get(),
            region: m.region.get(),
            postcode: m
                .postcodes
                .first()
                .map(|p| p.get().to_string())
                .unwrap_or_default(),
        })
        .collect();
    // Services follow population: cumulative weights for a weighted choice.
    let mut cumulative = Vec::with_capacity(places.len());
    let mut total = 0_u64;
    for place in &places {
        total += population.get(&place.code).copied().unwrap_or(1).max(1);
        cumulative.push(total);
    }
    let mut by_orp: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, place) in places.iter().enumerate() {
        by_orp.entry(place.orp).or_default().push(i);
    }
    let kinds: Vec<(&CodelistEntry, u32)> = KIND_WEIGHTS
        .iter()
        .filter(|(p, _)| !options.demo || DEMO_KINDS.contains(p))
        .filter_map(|(p, w)| {
            codelists
                .iter()
                .find(|e| e.codelist == Codelist::ServiceKind && e.key == *p)
                .map(|e| (e, *w))
        })
        .collect();
    let kind_total: u32 = kinds.iter().map(|(_, w)| w).sum();

    let mut rng = Rng::new(options.seed);
    let pick_place = |rng: &mut Rng| -> usize {
        let target = rng.next() % total.max(1);
        cumulative
            .partition_point(|c| *c <= target)
            .min(places.len() - 1)
    };
    let provider_count = (options.services * 2 / 5).max(1);
    let providers: Vec<Provider> = (0..provider_count)
        .map(|i| {
            let home = pick_place(&mut rng);
            let pattern = rng.pick(&words.providers);
            let mut name = pattern.replace("{obec}", &places[home].name);
            if options.demo {
                name.push_str(&words.demo_suffix);
            }
            let street = rng.pick(&words.streets).clone();
            let house = 1 + rng.below(900);
            let phone = format!("{}", 300_000_000 + rng.below(699_999_999));
            let statutory = (
                rng.pick(&words.first_names).clone(),
                rng.pick(&words.last_names).clone(),
            );
            Provider {
                street,
                house,
                phone,
                statutory,
                ico: ico(options
                    .seed
                    .wrapping_mul(7919)
                    .wrapping_add(i as u64 * 13 + 1_000_003) as u32
                    % 9_000_000
                    + 100_000),
                name,
                legal_form: rng.pick(&words.legal_forms).clone(),
                home,
            }
        })
        .collect();

    out.write_all(b"{\"polozky\":[")
        .map_err(GenerateError::Io)?;
    let mut summary = GeneratorSummary::default();
    let mut names_used: HashMap<String, u32> = HashMap::new();
    let mut address_point: u64 = 30_000_000 + options.seed % 1000 * 10_000;
    for i in 0..options.services {
        let provider = &providers[rng.below(providers.len())];
        let mut roll = rng.next() % u64::from(kind_total.max(1));
        let kind = kinds
            .iter()
            .find(|(_, w)| {
                let hit = roll < u64::from(*w);
                roll = roll.saturating_sub(u64::from(*w));
                hit
            })
            .map(|(e, _)| *e)
            .or_else(|| kinds.first().map(|(e, _)| *e))
            .ok_or(GenerateError::NoKinds)?;
        let paragraph = kind.key.as_str();
        let registry_kind = kind
            .registry_id
            .clone()
            .unwrap_or_else(|| "DruhSocialniSluzby/34".to_owned());
        let home = if rng.chance(70) {
            provider.home
        } else {
            pick_place(&mut rng)
        };
        let place = &places[home];
        let mut forms: Vec<Form> = kind.forms.clone();
        if forms.is_empty() {
            forms.push(Form::Outpatient);
        }
        while forms.len() > 1 && rng.chance(50) {
            forms.remove(rng.below(forms.len()));
        }
        let base_name = words
            .service_names
            .get(paragraph)
            .cloned()
            .unwrap_or_else(|| kind.display_label().to_owned());
        let mut service_name = format!("{base_name} {}", place.name);
        // A second service of the same kind in the same place gets a number, as real ones do.
        let seen = names_used.entry(service_name.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            service_name = format!("{service_name} {seen}");
        }
        if options.demo {
            service_name.push_str(&words.demo_suffix);
        }
        let hidden_kind = matches!(paragraph, "57" | "60a") && rng.chance(50)
            || paragraph == "60" && rng.chance(20);
        let facility_count = if forms.contains(&Form::Residential) {
            1 + rng.below(3)
        } else {
            1 + rng.below(5)
        };
        let siblings = by_orp
            .get(&place.orp)
            .cloned()
            .unwrap_or_else(|| vec![home]);
        let mut facilities: Vec<Value> = Vec::new();
        for f in 0..facility_count {
            let at = if f == 0 { home } else { *rng.pick(&siblings) };
            let fplace = &places[at];
            address_point += 1 + rng.below(50) as u64;
            let name = if f == 0 {
                service_name.clone()
            } else {
                format!("{base_name} {} {}", fplace.name, f + 1)
            };
            let mut address = json!({
                "cisloDomovni": 1 + rng.below(2500),
                "cisloOrientacni": if rng.chance(40) { Value::String((1 + rng.below(60)).to_string()) } else { Value::Null },
                "dodatekAdresy": null,
                "psc": fplace.postcode,
                "kraj": {"id": format!("Kraj/{}", fplace.region)},
                "okres": {"id": format!("Okres/{}", fplace.district)},
                "obec": {"id": format!("Obec/{}", fplace.code)},
                "ulice": {"nazev": rng.pick(&words.streets)},
            });
            if !rng.chance(4) {
                address["kodAdresnihoMista"] = json!(address_point);
            }
            let facility = json!({
                "nazev": name,
                "poskytujeOd": null,
                "poskytujeDo": null,
                "utajenaAdresa": hidden_kind,
                "adresa": address,
                "vedouci": {"jmeno": rng.pick(&words.first_names), "prijmeni": rng.pick(&words.last_names)},
            });
            if rng.chance(2) {
                facilities.push(facility.clone());
                summary.facilities += 1;
            }
            facilities.push(facility);
            summary.facilities += 1;
        }
        let form_values: Vec<Value> = forms
            .iter()
            .map(|form| {
                let (capacity_type, count) = match (form, paragraph) {
                    (_, "55") => ("hovor", 1000 + rng.below(9000)),
                    (Form::Residential, _) => ("luzka", 8 + rng.below(140)),
                    (Form::Outpatient, _) if rng.chance(30) => ("kontakt", 5 + rng.below(40)),
                    (Form::Outpatient, _) => ("klient", 5 + rng.below(60)),
                    (Form::Field, _) if rng.chance(25) => ("interv", 2 + rng.below(20)),
                    (Form::Field, _) => ("klient", 10 + rng.below(300)),
                };
                let continuous = *form == Form::Residential || rng.chance(10);
                let hours = if continuous {
                    Value::Null
                } else {
                    let closing = if rng.chance(50) { "16:00" } else { "15:30" };
                    Value::Array(
                        (1..=5)
                            .map(|day| json!({"den": {"id": format!("DenVTydnu/{day}")}, "casOd": "08:00", "casDo": if day == 5 { "14:00" } else { closing }}))
                            .collect(),
                    )
                };
                json!({
                    "forma": {"id": format!("FormaSocialniSluzby/{}", form.key())},
                    "nepretrzitePoskytovani": continuous,
                    "casoveRozsahy": hours,
                    "kapacity": [{"pocet": count, "popis": null, "typ": {"id": format!("TypKapacitySocialniSluzby/{capacity_type}")}}],
                })
            })
            .collect();
        let service_area: Value = if forms.contains(&Form::Field) {
            match rng.below(10) {
                0..=3 => json!([{"kraj": {"id": format!("Kraj/{}", place.region)}, "orp": {"id": format!("Orp/{}", place.orp_ruian)}}]),
                4..=5 => json!([{"kraj": {"id": format!("Kraj/{}", place.region)}, "okres": {"id": format!("Okres/{}", place.district)}}]),
                6..=8 => Value::Array(
                    (0..2 + rng.below(5))
                        .map(|_| json!({"obec": {"id": format!("Obec/{}", places[*rng.pick(&siblings)].code)}}))
                        .collect(),
                ),
                _ => json!([{"kraj": {"id": format!("Kraj/{}", place.region)}}]),
            }
        } else {
            Value::Null
        };
        let start = NaiveDate::from_ymd_opt(2007, 1, 1).unwrap_or(options.today);
        let span = (options.today - start).num_days().max(1) as usize;
        let from = start + Duration::days(rng.below(span) as i64);
        let to = if rng.chance(4) {
            Some(options.today - Duration::days(1 + rng.below(700) as i64))
        } else if rng.chance(2) {
            Some(options.today + Duration::days(30 + rng.below(300) as i64))
        } else {
            None
        };
        let groups: Vec<Value> = target_groups(paragraph, options.demo)
            .into_iter()
            .map(|g| json!({"cilovaSkupina": {"id": format!("CilovaSkupinaOsoby/{g}")}}))
            .collect();
        let ages: Vec<Value> = if options.demo {
            Vec::new()
        } else {
            let first = 1 + rng.below(6);
            (first..=(first + 2).min(8))
                .map(|a| json!({"vekovaSkupina": {"id": format!("VekovaSkupinaOsoby/{a}")}}))
                .collect()
        };
        let slug = mail_name(&place.name);
        let record = json!({
            "portalId": 100_000 + i,
            "id": format!("{}", 5_000_000 + i),
            "identifikator": format!("{:07}", options.first_identifier as usize + i),
            "datumPoskytovaniOd": from.to_string(),
            "datumPoskytovaniDo": to.map(|d| d.to_string()),
            "kontaktniAdresy": [],
            "druhSocialniSluzby": {"id": registry_kind},
            "zarizeni": facilities,
            "poskytovatel": {
                "ico": provider.ico,
                "nazev": provider.name,
                "pravniForma": {"id": provider.legal_form},
                "adresa": {"psc": places[provider.home].postcode, "obec": {"id": format!("Obec/{}", places[provider.home].code)}, "ulice": {"nazev": provider.street}, "cisloDomovni": provider.house},
                "emaily": [{"email": format!("info@{}-{}.example.cz", mail_name(&places[provider.home].name), provider.ico), "poznamka": null}],
                "telefony": [{"telefon": provider.phone, "poznamka": null}],
                "weby": [{"web": format!("https://{}-{}.example.cz", mail_name(&places[provider.home].name), provider.ico), "poznamka": null}],
                "statutarniOrgany": [{"jmeno": provider.statutory.0, "prijmeni": provider.statutory.1, "titulPred": null}],
            },
            "emaily": [{"email": format!("sluzba{i}@{slug}.example.cz"), "poznamka": null}],
            "telefony": [{"telefon": format!("{}", 300_000_000 + rng.below(699_999_999)), "poznamka": null}],
            "faxy": [],
            "weby": if rng.chance(90) { json!([{"web": format!("https://{slug}.example.cz/sluzba-{i}"), "poznamka": null}]) } else { json!([]) },
            "ciloveSkupiny": groups,
            "vekoveSkupiny": ages,
            "doplnujiciInformaceVekoveSkupiny": null,
            "formy": form_values,
            "rozsirenePusobnostiVKraji": service_area,
            "doplnkoveUdaje": {"popis": rng.pick(&words.descriptions), "uhrady": rng.pick(&words.fees)},
        });
        if i > 0 {
            out.write_all(b",").map_err(GenerateError::Io)?;
        }
        serde_json::to_writer(&mut *out, &record)
            .map_err(|e| GenerateError::Io(io::Error::other(e)))?;
        summary.services += 1;
    }
    out.write_all(b"]}").map_err(GenerateError::Io)?;
    Ok(summary)
}

/// An ASCII host-name part for made-up e-mail and web addresses (`.example.cz` domains, which
/// cannot belong to anybody).
pub(crate) fn mail_name(name: &str) -> String {
    let slug = souhra_core::text::slugify(name);
    if slug.is_empty() {
        "obec".to_owned()
    } else {
        slug
    }
}

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// The bundled word lists are broken.
    #[error("{0}")]
    Data(#[from] DataError),
    /// None of the requested municipalities exists.
    #[error("no municipality to place services in")]
    NoMunicipalities,
    /// The codelists have no kinds of services.
    #[error("the codelists hold no kinds of services")]
    NoKinds,
    /// Writing failed.
    #[error("cannot write the file: {0}")]
    Io(io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_icos_are_valid() {
        for n in [0, 1, 83_934, 9_999_999, 1_234_567] {
            let text = ico(n);
            assert!(souhra_core::catalogue::Ico::parse(&text).is_ok(), "{text}");
        }
    }
}

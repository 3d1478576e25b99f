//! `souhra search rebuild|query`, and keeping the search index in step with the catalogue.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use chrono::{Datelike, Timelike};
use souhra_core::catalogue::CatalogueEntry;
use souhra_core::code::MunicipalityCode;
use souhra_core::codelist::Codelist;
use souhra_core::territory::{GeoPoint, TerritoryDataset};
use souhra_interop::bundled;
use souhra_search::{Facet, Place, SearchIndex, SearchQuery, ServiceDocument, Sort, WeekTime};
use souhra_store::Store;
use souhra_store::records::ServiceId;
use souhra_store::territory::MunicipalityQuery;

use super::{ensure_reference_data, say, store_for};
use crate::cli::SearchQueryArgs;
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

/// Where the index lives: `search/` in the data folder (each server keeps its own).
pub fn index_dir(config: &Config) -> PathBuf {
    config.data_dir.value.join("search")
}

/// Services read from the store at a time while rebuilding: memory stays bounded by this, not
/// by the size of the catalogue.
const REBUILD_CHUNK: usize = 2_000;

/// What turns catalogue entries into search documents: codelist labels and municipalities.
struct Documents<'t> {
    labels: HashMap<(Codelist, String), String>,
    places: HashMap<MunicipalityCode, (&'t str, Option<GeoPoint>)>,
}

impl<'t> Documents<'t> {
    async fn new(store: &Store, territory: &'t TerritoryDataset) -> Result<Self, Failure> {
        let mut labels = HashMap::new();
        for list in [Codelist::ServiceKind, Codelist::TargetGroup] {
            for entry in store.codelist(list).await? {
                if let Some(label) = entry.label {
                    labels.insert((list, entry.key), label);
                }
            }
        }
        let places = territory
            .municipalities
            .iter()
            .map(|m| (m.code, (m.name.as_str(), m.point)))
            .collect();
        Ok(Self { labels, places })
    }

    fn of(&self, id: ServiceId, entry: &CatalogueEntry) -> ServiceDocument {
        ServiceDocument::from_entry(
            id.0,
            entry,
            |list, key| self.labels.get(&(list, key.to_owned())).cloned(),
            |code| self.places.get(&code).map(|(n, p)| ((*n).to_owned(), *p)),
        )
    }
}

/// Builds the index again when the catalogue changed since it was built (or always, with
/// `force`), reading the catalogue 2,000 services at a time. Returns the number of services
/// indexed, `None` when it was up to date.
pub async fn refresh(
    store: &Store,
    index: &SearchIndex,
    territory: &TerritoryDataset,
    force: bool,
) -> Result<Option<u64>, Failure> {
    // Read before the entries: a change landing in between moves the revision again, so the
    // next refresh picks it up.
    let revision = store.catalogue_revision().await?;
    if !force && index.revision()? == Some(revision) {
        return Ok(None);
    }
    let documents = Documents::new(store, territory).await?;
    let mut rebuild = index.start_rebuild()?;
    for chunk in store.service_ids().await?.chunks(REBUILD_CHUNK) {
        for (id, entry) in store.catalogue_entries_of(chunk).await? {
            rebuild.add(&documents.of(id, &entry))?;
        }
    }
    Ok(Some(rebuild.finish(revision)?))
}

/// `souhra search rebuild`.
pub async fn rebuild(config: &Config) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let territory = bundled::territory()?;
    let dir = index_dir(config);
    let index = SearchIndex::open(&dir)?;
    let started = Instant::now();
    let count = refresh(&store, &index, &territory, true)
        .await?
        .unwrap_or(0);
    say(&format!(
        "indexed {count} services into {} in {:.2} s",
        dir.display(),
        started.elapsed().as_secs_f64()
    ));
    store.close().await;
    Ok(())
}

async fn place(store: &Store, territory: &TerritoryDataset, text: &str) -> Result<Place, Failure> {
    let code = match MunicipalityCode::parse(text) {
        Ok(code) => code,
        Err(_) => {
            let found = store
                .find_municipalities(&MunicipalityQuery {
                    text: text.to_owned(),
                    within: None,
                    limit: 5,
                })
                .await?;
            let exact: Vec<_> = found
                .iter()
                .filter(|m| souhra_core::text::fold(&m.name) == souhra_core::text::fold(text))
                .collect();
            match (exact.as_slice(), found.as_slice()) {
                ([one], _) => one.code,
                ([], [one]) => one.code,
                ([], []) => {
                    return Err(Failure::input(format!(
                        "no municipality is called {text:?}"
                    )));
                }
                _ => {
                    let names: Vec<String> = found
                        .iter()
                        .map(|m| format!("{} {} (ORP {})", m.code, m.name, m.orp_name))
                        .collect();
                    return Err(Failure::input(format!(
                        "{text:?} could be several municipalities; give the code of one: {}",
                        names.join(", ")
                    )));
                }
            }
        }
    };
    let m = territory
        .municipalities
        .iter()
        .find(|m| m.code == code)
        .ok_or_else(|| Failure::input(format!("there is no municipality with the code {code}")))?;
    Ok(Place {
        municipality: m.code,
        orp: m.orp,
        district: m.district,
        region: m.region,
        point: m.point,
    })
}

/// `souhra search query`.
pub async fn query(config: &Config, args: &SearchQueryArgs) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let territory = bundled::territory()?;
    let index = SearchIndex::open(&index_dir(config))?;
    refresh(&store, &index, &territory, false).await?;
    let serves = match &args.serves {
        Some(text) => Some(place(&store, &territory, text).await?),
        None => None,
    };
    if args.nearest && serves.is_none() {
        return Err(Failure::input("--nearest needs --serves MUNICIPALITY"));
    }
    let mut filters = BTreeMap::new();
    for (facet, keys) in [
        (Facet::Kind, &args.kind),
        (Facet::TargetGroup, &args.target_group),
        (Facet::Form, &args.form),
    ] {
        if !keys.is_empty() {
            filters.insert(facet, keys.clone());
        }
    }
    let now = chrono::Local::now();
    let started = Instant::now();
    let results = index.search(&SearchQuery {
        text: args.text.clone(),
        filters,
        serves,
        within: None,
        sort: if args.nearest {
            Sort::Distance
        } else {
            Sort::Relevance
        },
        open_at: args.open_now.then(|| WeekTime {
            weekday: now.weekday().number_from_monday() as u8,
            minute: (now.hour() * 60 + now.minute()) as u16,
        }),
        include_ended: false,
        offset: 0,
        limit: args.limit as usize,
    })?;
    let took = started.elapsed().as_secs_f64() * 1000.0;
    say(&format!(
        "{} services found in {took:.1} ms{}",
        results.total,
        if results.relaxed {
            " (none has every word; showing those with any)"
        } else {
            ""
        }
    ));
    for hit in &results.hits {
        let name = store
            .service(ServiceId(hit.id))
            .await?
            .map_or_else(|| format!("service {}", hit.id), |s| s.name);
        let distance = hit
            .distance_km
            .map_or_else(String::new, |d| format!("\t{d:.1} km"));
        say(&format!("{}\t{name}{distance}", hit.id));
    }
    for (facet, counts) in &results.facets {
        let list: Vec<String> = counts
            .iter()
            .take(12)
            .map(|c| format!("{} ({})", c.key, c.count))
            .collect();
        say(&format!("{facet:?}: {}", list.join(", ")));
    }
    store.close().await;
    Ok(())
}

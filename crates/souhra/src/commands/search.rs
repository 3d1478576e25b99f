//! `souhra search rebuild|query`, and keeping the search index in step with the catalogue.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{Datelike, Timelike};
use souhra_core::code::MunicipalityCode;
use souhra_core::territory::TerritoryDataset;
use souhra_interop::bundled;
use souhra_search::{Facet, Place, SearchIndex, SearchQuery, Sort, WeekTime};
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

/// Builds the index again when the catalogue changed since it was built (or always, with
/// `force`). Returns the number of services indexed, `None` when it was up to date.
pub async fn refresh(
    store: &Store,
    index: &SearchIndex,
    force: bool,
) -> Result<Option<u64>, Failure> {
    Ok(souhra_web::refresh_index(store, index, force).await?)
}

/// `souhra search rebuild`.
pub async fn rebuild(config: &Config) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let dir = index_dir(config);
    let index = SearchIndex::open(&dir)?;
    let started = Instant::now();
    let count = refresh(&store, &index, true).await?.unwrap_or(0);
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
    Ok(Place::of(m))
}

/// `souhra search query`.
pub async fn query(config: &Config, args: &SearchQueryArgs) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let territory = bundled::territory()?;
    let index = SearchIndex::open(&index_dir(config))?;
    refresh(&store, &index, false).await?;
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

//! The catalogue as the public pages read it: the search index kept in step with the store, the
//! codelist labels and municipality names it is built with, and each area's scope.

use std::collections::HashMap;
use std::sync::Arc;

use souhra_core::area::AreaId;
use souhra_core::catalogue::CatalogueEntry;
use souhra_core::code::MunicipalityCode;
use souhra_core::codelist::Codelist;
use souhra_core::territory::GeoPoint;
use souhra_search::{Place, Scope, SearchError, SearchIndex, ServiceDocument};
use souhra_store::records::ServiceId;
use souhra_store::{Store, StoreError};

/// Services read from the store at a time while rebuilding: memory stays bounded by this, not
/// by the size of the catalogue.
const REBUILD_CHUNK: usize = 2_000;

/// Why the index could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Reading the catalogue failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the index failed.
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// Codelist labels (Czech, as the registry names them unless an administrator chose a display
/// label) and municipality names and points.
#[derive(Debug, Default)]
pub(crate) struct Labels {
    codes: HashMap<(Codelist, String), String>,
    municipalities: HashMap<MunicipalityCode, (String, Option<GeoPoint>)>,
}

impl Labels {
    /// Reads them from the store.
    pub(crate) async fn load(store: &Store) -> Result<Self, StoreError> {
        let mut codes = HashMap::new();
        for list in Codelist::ALL {
            for entry in store.codelist(list).await? {
                if let Some(label) = entry.label {
                    codes.insert((list, entry.key), label);
                }
            }
        }
        // The administrators' display labels win over the official ones.
        for (list, key, label) in store.display_labels().await? {
            codes.insert((list, key), label);
        }
        let municipalities = store
            .municipality_names_and_points()
            .await?
            .into_iter()
            .map(|(code, name, point)| (code, (name, point)))
            .collect();
        Ok(Self {
            codes,
            municipalities,
        })
    }

    /// The label of a codelist key, or the key itself when it has none.
    pub(crate) fn label(&self, list: Codelist, key: &str) -> String {
        self.codes
            .get(&(list, key.to_owned()))
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    /// The labelled keys of a codelist, in no particular order.
    pub(crate) fn keys(&self, list: Codelist) -> Vec<String> {
        self.codes
            .keys()
            .filter(|(l, _)| *l == list)
            .map(|(_, key)| key.clone())
            .collect()
    }

    /// Whether the codelist has this key.
    pub(crate) fn has(&self, list: Codelist, key: &str) -> bool {
        self.codes.contains_key(&(list, key.to_owned()))
    }

    pub(crate) fn municipalities_is_empty(&self) -> bool {
        self.municipalities.is_empty()
    }

    /// A municipality's name.
    pub(crate) fn municipality(&self, code: MunicipalityCode) -> Option<&str> {
        self.municipalities.get(&code).map(|(n, _)| n.as_str())
    }

    fn document(&self, id: ServiceId, entry: &CatalogueEntry) -> ServiceDocument {
        ServiceDocument::from_entry(
            id.0,
            entry,
            |list, key| self.codes.get(&(list, key.to_owned())).cloned(),
            |code| self.municipalities.get(&code).cloned(),
        )
    }
}

/// Builds the index again when the catalogue changed since it was built (or always, with
/// `force`), reading the catalogue 2,000 services at a time. Returns the number of services
/// indexed, `None` when it was up to date.
pub async fn refresh_index(
    store: &Store,
    index: &SearchIndex,
    force: bool,
) -> Result<Option<u64>, IndexError> {
    Ok(rebuild_if_stale(store, index, force)
        .await?
        .map(|(count, _)| count))
}

/// [`refresh_index`], also handing back the labels the index was built with.
pub(crate) async fn rebuild_if_stale(
    store: &Store,
    index: &SearchIndex,
    force: bool,
) -> Result<Option<(u64, Labels)>, IndexError> {
    // Read before the entries: a change landing in between moves the revision again, so the
    // next refresh picks it up.
    let revision = store.catalogue_revision().await?;
    if !force && index.revision()? == Some(revision) {
        return Ok(None);
    }
    let labels = Labels::load(store).await?;
    let mut rebuild = index.start_rebuild()?;
    for chunk in store.service_ids().await?.chunks(REBUILD_CHUNK) {
        for (id, entry) in store.catalogue_entries_of(chunk).await? {
            rebuild.add(&labels.document(id, &entry))?;
        }
    }
    Ok(Some((rebuild.finish(revision)?, labels)))
}

/// The places of an area, as the search filters by them.
pub(crate) async fn area_scope(store: &Store, area: AreaId) -> Result<Scope, StoreError> {
    Ok(Scope::of(store.area_places(area).await?.into_iter().map(
        |p| Place {
            municipality: p.code,
            orp: p.orp,
            district: p.district,
            region: p.region,
            point: p.point,
        },
    )))
}

/// One municipality as a search place.
pub(crate) async fn place(
    store: &Store,
    code: MunicipalityCode,
) -> Result<Option<(Place, String)>, StoreError> {
    Ok(store
        .municipality(code)
        .await?
        .map(|d| (Place::of(&d.municipality), d.municipality.name)))
}

/// Shared, swappable labels.
pub(crate) type SharedLabels = Arc<Labels>;

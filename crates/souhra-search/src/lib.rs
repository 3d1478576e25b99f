//! Full-text search over the catalogue of social services.
//!
//! A tantivy index holds one document per service with its texts (analysed by [`analysis`]:
//! diacritics- and case-insensitive, inflected forms meet, one typo tolerated), its codes as
//! facets (kind, target group, form, age group), the places it serves (municipalities, and
//! service areas given as ORP, district or region), facility points for distances and its
//! weekly hours for "open now". The index keeps service ids only; pages read the rest from the
//! store. The caller supplies documents ([`ServiceDocument`]) and places ([`Place`]), so this
//! crate depends on core only.

pub mod analysis;
mod document;
mod index;
mod query;

pub use document::{Interval, ServiceDocument};
pub use index::{Rebuild, SearchIndex};
pub use query::{Facet, FacetCount, Hit, Place, Scope, SearchQuery, SearchResults, Sort, WeekTime};

/// What can go wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index could not be read or written.
    #[error("search index: {0}")]
    Index(String),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(e.to_string())
    }
}

impl From<tantivy::directory::error::OpenDirectoryError> for SearchError {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> Self {
        SearchError::Index(e.to_string())
    }
}

/// Result of index operations.
pub type SearchResult<T> = Result<T, SearchError>;

//! The tantivy index: schema, writing documents, and the reader searches use.

use std::path::Path;

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analysis::analyse;
use crate::document::ServiceDocument;
use crate::{SearchError, SearchResult};

/// Memory the writer may use before it flushes a segment.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// Fields of the schema.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub name: Field,
    pub kind: Field,
    pub topics: Field,
    pub provider: Field,
    pub description: Field,
    pub facets: Field,
    pub serves: Field,
    pub points: Field,
    pub hours: Field,
    pub ended: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    // Texts are analysed before they reach tantivy; its default tokenizer only splits them.
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: builder.add_i64_field("id", INDEXED | STORED | FAST),
        name: builder.add_text_field("name", text.clone()),
        kind: builder.add_text_field("kind", text.clone()),
        topics: builder.add_text_field("topics", text.clone()),
        provider: builder.add_text_field("provider", text.clone()),
        description: builder.add_text_field("description", text),
        facets: builder.add_facet_field("facets", FacetOptions::default()),
        serves: builder.add_text_field("serves", tantivy::schema::STRING),
        points: builder.add_u64_field("points", FAST),
        hours: builder.add_u64_field("hours", FAST),
        ended: builder.add_bool_field("ended", INDEXED),
    };
    (builder.build(), fields)
}

/// A place term: `municipality:554791`, `orp:3207`, `district:3407`, `region:43`.
pub(crate) fn place_term(kind: &str, code: u32) -> String {
    format!("{kind}:{code}")
}

/// A point packed into one number: latitude and longitude in millionths of a degree, offset to
/// be positive.
pub(crate) fn pack_point(lat: f64, lon: f64) -> u64 {
    let lat = ((lat + 90.0) * 1e6).round().clamp(0.0, 180e6) as u64;
    let lon = ((lon + 180.0) * 1e6).round().clamp(0.0, 360e6) as u64;
    (lat << 32) | lon
}

pub(crate) fn unpack_point(packed: u64) -> (f64, f64) {
    let lat = (packed >> 32) as f64 / 1e6 - 90.0;
    let lon = (packed & 0xFFFF_FFFF) as f64 / 1e6 - 180.0;
    (lat, lon)
}

/// Weekly interval packed into one number; weekday 0 means open day and night.
pub(crate) fn pack_hours(weekday: u8, opens: u16, closes: u16) -> u64 {
    (u64::from(weekday) << 22) | (u64::from(opens) << 11) | u64::from(closes)
}

pub(crate) fn unpack_hours(packed: u64) -> (u8, u16, u16) {
    (
        ((packed >> 22) & 0xFF) as u8,
        ((packed >> 11) & 0x7FF) as u16,
        (packed & 0x7FF) as u16,
    )
}

pub(crate) fn facet(group: &str, key: &str) -> tantivy::schema::Facet {
    tantivy::schema::Facet::from_path([group, key])
}

/// A rebuild in progress ([`SearchIndex::start_rebuild`]); dropping it abandons the rebuild.
pub struct Rebuild<'a> {
    index: &'a SearchIndex,
    writer: IndexWriter<TantivyDocument>,
    count: u64,
}

impl std::fmt::Debug for Rebuild<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rebuild")
            .field("count", &self.count)
            .finish()
    }
}

impl Rebuild<'_> {
    /// Adds one service.
    pub fn add(&mut self, document: &ServiceDocument) -> SearchResult<()> {
        self.writer.add_document(self.index.to_tantivy(document))?;
        self.count += 1;
        Ok(())
    }

    /// Commits the new index, built from catalogue `revision`; returns how many services it
    /// holds.
    pub fn finish(self, revision: i64) -> SearchResult<u64> {
        self.index.commit(self.writer, revision)?;
        Ok(self.count)
    }
}

/// The search index of the catalogue, in a folder or in memory.
pub struct SearchIndex {
    index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// An index in memory (tests, small installations).
    pub fn in_memory() -> SearchResult<Self> {
        let (schema, fields) = schema();
        Self::with(Index::create_in_ram(schema), fields)
    }

    /// The index in `dir`, created when the folder holds none. The index is derived data: one
    /// that cannot be opened (another schema from an older Souhra, damaged files) is discarded
    /// and created empty, to be filled by the next rebuild — so `dir` must be a folder of its
    /// own.
    pub fn open(dir: &Path) -> SearchResult<Self> {
        match Self::open_or_create(dir) {
            Ok(index) => Ok(index),
            Err(_) => {
                std::fs::remove_dir_all(dir).map_err(|e| {
                    SearchError::Index(format!("cannot clear {}: {e}", dir.display()))
                })?;
                Self::open_or_create(dir)
            }
        }
    }

    fn open_or_create(dir: &Path) -> SearchResult<Self> {
        std::fs::create_dir_all(dir)
            .map_err(|e| SearchError::Index(format!("cannot create {}: {e}", dir.display())))?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)?;
        let index = Index::open_or_create(directory, schema)
            .map_err(|e| SearchError::Index(format!("{}: {e}", dir.display())))?;
        Self::with(index, fields)
    }

    fn with(index: Index, fields: Fields) -> SearchResult<Self> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            index,
            reader,
            fields,
        })
    }

    fn writer(&self) -> SearchResult<IndexWriter<TantivyDocument>> {
        Ok(self.index.writer_with_num_threads(1, WRITER_MEMORY)?)
    }

    /// Replaces everything in the index with `documents`, in one commit: searches see the old
    /// index until the new one is complete. `revision` is the catalogue revision the documents
    /// come from ([`SearchIndex::revision`]).
    pub fn rebuild(
        &self,
        documents: impl IntoIterator<Item = ServiceDocument>,
        revision: i64,
    ) -> SearchResult<u64> {
        let mut rebuild = self.start_rebuild()?;
        for document in documents {
            rebuild.add(&document)?;
        }
        rebuild.finish(revision)
    }

    /// [`SearchIndex::rebuild`] fed piece by piece, so that a large catalogue never has to be
    /// in memory at once. Nothing changes for searches until [`Rebuild::finish`].
    pub fn start_rebuild(&self) -> SearchResult<Rebuild<'_>> {
        let writer = self.writer()?;
        writer.delete_all_documents()?;
        Ok(Rebuild {
            index: self,
            writer,
            count: 0,
        })
    }

    /// Adds or replaces `documents` and removes the services `removed`, in one commit.
    pub fn update(
        &self,
        documents: &[ServiceDocument],
        removed: &[i64],
        revision: i64,
    ) -> SearchResult<()> {
        let writer = self.writer()?;
        for id in removed.iter().chain(documents.iter().map(|d| &d.id)) {
            writer.delete_term(Term::from_field_i64(self.fields.id, *id));
        }
        for document in documents {
            writer.add_document(self.to_tantivy(document))?;
        }
        self.commit(writer, revision)
    }

    fn commit(&self, mut writer: IndexWriter<TantivyDocument>, revision: i64) -> SearchResult<()> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&revision.to_string());
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// The catalogue revision of the last commit; `None` for an index never built.
    pub fn revision(&self) -> SearchResult<Option<i64>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()))
    }

    /// How many services the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no service.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn to_tantivy(&self, d: &ServiceDocument) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_i64(f.id, d.id);
        doc.add_text(f.name, analyse(&d.name));
        doc.add_text(f.kind, analyse(&d.kind.1));
        doc.add_text(f.topics, analyse(&d.topics.join(" ")));
        doc.add_text(f.provider, analyse(&d.provider));
        doc.add_text(f.description, analyse(&d.description));
        doc.add_facet(f.facets, facet("kind", &d.kind.0));
        for (group, keys) in [
            ("target", &d.target_groups),
            ("age", &d.age_groups),
            ("form", &d.forms),
        ] {
            for key in keys {
                doc.add_facet(f.facets, facet(group, key));
            }
        }
        for code in &d.facility_municipalities {
            doc.add_text(f.serves, place_term("municipality", code.get()));
        }
        for unit in &d.service_area {
            let (kind, code) = unit.parts();
            doc.add_text(f.serves, place_term(kind, code));
        }
        for point in &d.points {
            doc.add_u64(f.points, pack_point(point.lat, point.lon));
        }
        if d.always_open {
            doc.add_u64(f.hours, pack_hours(0, 0, 1440));
        }
        for h in &d.hours {
            doc.add_u64(f.hours, pack_hours(h.weekday, h.opens, h.closes));
        }
        doc.add_bool(f.ended, d.ended);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_and_hours_survive_packing() {
        let (lat, lon) = unpack_point(pack_point(49.747_123, 13.377_456));
        assert!((lat - 49.747_123).abs() < 1e-6 && (lon - 13.377_456).abs() < 1e-6);
        let (lat, lon) = unpack_point(pack_point(-33.9, -70.6));
        assert!((lat + 33.9).abs() < 1e-6 && (lon + 70.6).abs() < 1e-6);
        assert_eq!(unpack_hours(pack_hours(7, 1380, 1440)), (7, 1380, 1440));
        assert_eq!(unpack_hours(pack_hours(0, 0, 1440)), (0, 0, 1440));
    }
}

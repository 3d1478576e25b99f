//! The typesetting engine: the typst library with fonts embedded in the binary, a virtual file
//! system holding one document's sources and data, and PDF output (tagged, PDF/UA-1 checked,
//! with title and language).

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The sans-serif face of every document: Open Sans (Apache-2.0; see `fonts/README.md`). It
/// covers Czech, Slovak and German letters and Cyrillic (Ukrainian names).
const OPEN_SANS: [&[u8]; 4] = [
    include_bytes!("../fonts/OpenSans-Regular.ttf"),
    include_bytes!("../fonts/OpenSans-Italic.ttf"),
    include_bytes!("../fonts/OpenSans-Semibold.ttf"),
    include_bytes!("../fonts/OpenSans-Bold.ttf"),
];

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// A template or its data did not typeset (a bug in a template, or data it cannot take).
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// The PDF could not be written (or failed the accessibility check).
    #[error("PDF output failed: {0}")]
    Pdf(String),
}

fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let hints: String = d
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect();
            format!("{}{hints}", d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Fonts and the standard library, loaded once and shared by every document.
pub struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("fonts", &self.fonts.len())
            .finish_non_exhaustive()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

/// What a PDF says about itself.
#[derive(Debug, Clone)]
pub struct Metadata {
    /// When it was made (the PDF's creation date; also what `datetime.today()` gives).
    pub created: chrono::DateTime<chrono::Utc>,
}

/// One document to typeset: the main typst source and the files it reads (other sources,
/// `data.json`, images), all by absolute virtual path (`/main.typ`).
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: HashMap<String, Vec<u8>>,
}

impl Sources {
    /// A document whose main source is `main`.
    pub fn new(main: &str) -> Self {
        let mut files = HashMap::new();
        files.insert(MAIN.to_owned(), main.as_bytes().to_vec());
        Self { files }
    }

    /// Adds a file the source reads (`/data.json`, `/qr/12.svg`).
    pub fn with(mut self, path: &str, bytes: impl Into<Vec<u8>>) -> Self {
        self.files.insert(path.to_owned(), bytes.into());
        self
    }
}

const MAIN: &str = "/main.typ";

/// Compilations after which an unused memoized typst result is dropped.
const EVICT_AFTER: usize = 5;

/// A typeset document.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
}

impl Engine {
    /// Loads the fonts (Open Sans only: templates print no math and no code, so typst's own
    /// serif, mono and math faces would be 9.6 MB of binary never used).
    pub fn new() -> Self {
        let fonts: Vec<Font> = OPEN_SANS
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Self {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// Whether the embedded fonts have a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(u32::from(c)))
    }

    /// `text` with what no embedded font can print left out (emoji, Chinese, rare symbols):
    /// PDF/UA forbids the blank boxes typst would print instead, and one provider's emoji must
    /// not stop a whole brochure. Line breaks and tabs stay; other control characters go;
    /// invisible break and join marks (U+200B–U+200D, U+2060, soft hyphen) stay for shaping.
    pub fn printable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let keep = |c: char| match c {
            '\n' | '\t' | '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' => true,
            c if c.is_control() => false,
            ' '..='~' => true,
            c => self.covers(c),
        };
        if text.chars().all(keep) {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(text.chars().filter(|c| keep(*c)).collect())
        }
    }

    /// Refuses a document whose labels lack any of `keys`, naming them.
    pub(crate) fn check_labels(
        keys: &[&str],
        labels: &std::collections::BTreeMap<String, String>,
    ) -> Result<(), DocumentError> {
        let missing: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| !labels.contains_key(*k))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(DocumentError::Typeset(format!(
                "labels missing: {}",
                missing.join(", ")
            )))
        }
    }

    /// `data` as the JSON a template reads (`json("/data.json")`), every string made
    /// [printable](Self::printable).
    pub fn data_json(&self, data: &impl serde::Serialize) -> Result<Vec<u8>, DocumentError> {
        fn clean(engine: &Engine, value: &mut serde_json::Value) {
            match value {
                serde_json::Value::String(text) => {
                    if let std::borrow::Cow::Owned(printable) = engine.printable(text) {
                        *text = printable;
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(|v| clean(engine, v)),
                serde_json::Value::Object(fields) => {
                    fields.values_mut().for_each(|v| clean(engine, v));
                }
                _ => {}
            }
        }
        let mut value =
            serde_json::to_value(data).map_err(|e| DocumentError::Typeset(e.to_string()))?;
        clean(self, &mut value);
        serde_json::to_vec(&value).map_err(|e| DocumentError::Typeset(e.to_string()))
    }

    /// Typesets `sources` into a tagged PDF checked against PDF/UA-1 (the source must set the
    /// document's title and the text language).
    pub fn pdf(&self, sources: &Sources, meta: &Metadata) -> Result<Pdf, DocumentError> {
        let world = DocumentWorld::new(self, sources, meta)?;
        let compiled = typst::compile::<PagedDocument>(&world).output;
        // typst memoizes across compilations; results unused for a few runs are dropped, so a
        // long-running server does not grow.
        comemo::evict(EVICT_AFTER);
        let document = compiled.map_err(|errors| DocumentError::Typeset(describe(&errors)))?;
        let standards = PdfStandards::new(&[PdfStandard::Ua_1])
            .map_err(|e| DocumentError::Pdf(e.message().to_string()))?;
        let options = PdfOptions {
            ident: Smart::Auto,
            creator: Smart::Custom(Some("Souhra".into())),
            timestamp: Some(Timestamp::new_utc(world.today)),
            standards,
            tagged: true,
            ..PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(&document, &options)
            .map_err(|errors| DocumentError::Pdf(describe(&errors)))?;
        Ok(Pdf {
            bytes,
            pages: document.pages().len(),
        })
    }
}

/// The world one document sees.
struct DocumentWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    files: HashMap<FileId, Bytes>,
    sources: HashMap<FileId, Source>,
    today: Datetime,
}

fn file_id(path: &str) -> Result<FileId, DocumentError> {
    let vpath = VirtualPath::new(path)
        .map_err(|e| DocumentError::Typeset(format!("file name {path}: {e:?}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl<'a> DocumentWorld<'a> {
    fn new(engine: &'a Engine, sources: &Sources, meta: &Metadata) -> Result<Self, DocumentError> {
        use chrono::{Datelike, Timelike};
        let mut files = HashMap::new();
        let mut texts = HashMap::new();
        for (path, bytes) in &sources.files {
            let id = file_id(path)?;
            if path.ends_with(".typ") {
                let text = String::from_utf8(bytes.clone())
                    .map_err(|_| DocumentError::Typeset(format!("{path} is not UTF-8")))?;
                texts.insert(id, Source::new(id, text));
            }
            files.insert(id, Bytes::new(bytes.clone()));
        }
        let at = meta.created;
        let today = Datetime::from_ymd_hms(
            at.year(),
            u8::try_from(at.month()).unwrap_or(1),
            u8::try_from(at.day()).unwrap_or(1),
            u8::try_from(at.hour()).unwrap_or(0),
            u8::try_from(at.minute()).unwrap_or(0),
            u8::try_from(at.second()).unwrap_or(0),
        )
        .ok_or_else(|| DocumentError::Typeset(format!("date {at}")))?;
        Ok(Self {
            engine,
            main: file_id(MAIN)?,
            files,
            sources: texts,
            today,
        })
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}

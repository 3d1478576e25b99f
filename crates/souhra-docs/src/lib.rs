//! Souhra's documents: PDFs typeset with the typst library, with fonts embedded in the binary
//! (no system fonts are read), tagged and checked against PDF/UA-1, titled and in Czech.
//!
//! - [`Engine`] holds the fonts and typst's standard library; [`Engine::pdf`] typesets one
//!   document from [`Sources`]: a main typst source and the files it reads (`data.json`,
//!   images), all in memory.
//! - [`qr_svg`] draws a QR code as an SVG image for a template to place.
//!
//! Templates read their data from JSON (`json("/data.json")`), never from text pasted into
//! markup, so nothing in the data can change a document's structure.

mod engine;
mod qr;

pub use engine::{DocumentError, Engine, Metadata, Sources};
pub use qr::qr_svg;

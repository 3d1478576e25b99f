//! Souhra's documents: PDFs typeset with the typst library, with fonts embedded in the binary
//! (no system fonts are read), tagged and checked against PDF/UA-1, titled and in Czech.
//!
//! - [`Engine`] holds the fonts and typst's standard library; [`Engine::pdf`] typesets one
//!   document from [`Sources`]: a main typst source and the files it reads (`data.json`,
//!   images), all in memory.
//! - [`catalogue`]: the printed brochure of an area ([`Engine::brochure`]) and sheets of a few
//!   services ([`Engine::service_sheet`]), from templates in `templates/`.
//! - [`plan`]: a plan with its priorities, goals, measures, money and indicators
//!   ([`Engine::plan`]).
//! - [`qr_svg`] and [`qr_png`] draw QR codes for templates to place.
//!
//! Templates read their data from JSON (`json("/data.json")`), never from text pasted into
//! markup, so nothing in the data can change a document's structure. Every text a template
//! prints comes with the data, translated by the caller: this crate holds no interface text.

pub mod catalogue;
mod engine;
pub mod plan;
mod qr;
pub mod settlement;
#[cfg(feature = "testing")]
pub mod testing;

pub use engine::{DocumentError, Engine, Metadata, Pdf, Sources};
pub use qr::{qr_png, qr_svg};

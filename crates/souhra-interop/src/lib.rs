//! Data coming into and going out of Souhra.
//!
//! What comes in today: the territory of the Czech Republic (ČSÚ files), population per
//! municipality (wide or long CSV layouts, any reference dates and age bands) and the MPSV
//! registry codelists — all as CSV. [`bundled`] holds the copies built into the binary from the
//! workspace's `data/` folder; [`territory`], [`population`] and [`codelist`] read any such file into
//! the domain types of `souhra-core` ([`souhra_core::territory::TerritoryDataset`],
//! [`souhra_core::population::PopulationRecord`], [`souhra_core::codelist::CodelistEntry`]).
//! Every reader reports the file, line and column at fault as a [`DataError`] and never panics on
//! input. Storing the result is the store's job; this crate does no database I/O.
//!
//! The MPSV registry's JSON export is read as a stream into validated
//! [`souhra_core::catalogue::RegistryRecord`]s ([`registry`]), and a generator writes files of the
//! same shape. Catalogue entries go out as Open Referral HSDS 3.0 in Souhra's Czech profile —
//! nested JSON or the tabular data package — and come back in from either ([`hsds`]). The
//! catalogue also goes out as a spreadsheet (CSV for Excel, XLSX), and local services come in from
//! the same layout ([`sheet`]).

pub mod bundled;
pub mod codelist;
mod error;
pub mod hsds;
mod json_stream;
pub mod places;
pub mod population;
pub mod registry;
pub mod sheet;
pub mod situations;
mod table;
pub mod territory;

pub use error::DataError;

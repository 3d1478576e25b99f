//! The MPSV registry of social service providers (Registr poskytovatelů sociálních služeb):
//! its open-data JSON export read as a stream ([`read_registry`]), and a generator of files of
//! the same shape for tests, benchmarks and the demo ([`generate`]).
//!
//! What the reader assumes where the export's shape is not documented (see
//! `docs/registry-import.md`): opening periods `casoveRozsahy` as `{den, casOd, casDo}` entries,
//! kept verbatim when different; the service area `rozsirenePusobnostiVKraji` as entries holding
//! `{"id": "Kraj/…" | "Okres/…" | "Orp/…" | "Obec/…"}` references; `doplnkoveUdaje.popis` and
//! `doplnkoveUdaje.uhrady` as description and fees; a top-level `nazev` when present, else the
//! first facility's name, else the provider's.

mod convert;
pub mod generate;
mod raw;
mod reader;

pub use convert::TerritoryLookup;
pub use reader::{MAX_RECORD_BYTES, ReadSummary, read_registry, read_registry_limited};

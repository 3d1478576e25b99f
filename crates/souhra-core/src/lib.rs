//! Souhra's domain: types that can only hold valid values, and pure rules. No I/O.
//!
//! - [`code`]: official codes (municipality, region, district, ORP, POU, postcode) as newtypes
//!   parsed once at the edge.
//! - [`territory`]: regions, districts, ORPs, POUs and municipalities, and the consistency check
//!   of a whole [`territory::TerritoryDataset`].
//! - [`population`]: inhabitants per municipality, totals and age bands.
//! - [`codelist`]: the MPSV registry codelists (kinds of services by §, target and age groups,
//!   forms, capacity types), which may grow with codes met in imported data.
//! - [`area`]: planning areas (the installation's tenants).
//! - [`account`]: e-mail addresses, passwords as typed, roles and grants.
//! - [`policy`]: every permission decision, in one pure function.
//! - [`catalogue`]: providers, services, facilities and service areas; IČO and registration ids.
//! - [`import`]: options and report of a registry import.
//! - [`plan`]: plan documents, their versions and statuses, the content tree, budgets,
//!   indicators and their automatic status.
//! - [`public`]: life situations of the public site and error reports from the public.
//! - [`text`]: diacritics folding and slugs shared by search and URLs.
//! - [`progress`]: the trait through which long work reports progress.
//!
//! Everything above this crate (store, interop, web, the binary) speaks these types; this crate
//! depends on nothing of ours.

pub mod account;
pub mod analysis;
pub mod area;
pub mod catalogue;
pub mod code;
pub mod codelist;
pub mod comment;
pub mod diff;
pub mod group;
pub mod ical;
pub mod import;
pub mod network;
pub mod plan;
pub mod plan_import;
pub mod policy;
pub mod population;
pub mod progress;
pub mod public;
pub mod survey;
pub mod territory;
pub mod text;

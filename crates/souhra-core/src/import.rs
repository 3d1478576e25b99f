//! What an import of the MPSV registry takes and reports.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::RegistryRecord;

/// One message from a registry reader to the importer. The reader sends every record, then
/// [`ImportItem::End`]; a reader that cannot go on sends [`ImportItem::Failed`]. An importer that
/// sees the stream stop without `End` treats the file as failed, so a half-read file never
/// becomes a half-imported catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportItem {
    /// A record that passed validation, with its 0-based position in the file.
    Record(u64, Box<RegistryRecord>),
    /// A record that did not.
    Rejected(Rejection),
    /// The file was read to its end.
    End,
    /// The file cannot be read further (broken JSON, I/O error): the whole import fails.
    Failed(String),
}

/// A record that cannot be imported, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// 0-based position of the record in the file.
    pub index: u64,
    /// Its registration identifier, when it could be read.
    pub identifier: Option<String>,
    /// Path of the field at fault, e.g. `polozky[17].poskytovatel.ico`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "record {}", self.index)?;
        if let Some(id) = &self.identifier {
            write!(f, " (identifikator {id})")?;
        }
        write!(f, ", {}: {}", self.path, self.message)
    }
}

/// How to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// Store every service, not only those relevant to the installation's areas.
    pub all: bool,
    /// Do everything, report, and roll back.
    pub dry_run: bool,
    /// Store the valid records even when others were rejected (otherwise any rejection rolls
    /// the whole import back).
    pub skip_invalid: bool,
    /// Mark new services and providers as fictional demo content.
    pub demo: bool,
    /// The day the import happens: services whose registration ended before it are ended.
    pub today: NaiveDate,
    /// Where the data came from (file name), for the import log.
    pub origin: String,
}

/// A local edit that the registry changed underneath; kept for the coordinator to settle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictNote {
    /// Registration identifier of the service.
    pub registration_id: String,
    /// The field.
    pub field: String,
    /// The registry's value before this import.
    pub registry_before: Option<String>,
    /// The registry's value now.
    pub registry_after: Option<String>,
    /// The local value, which stays in force until the conflict is settled.
    pub local_value: String,
}

/// What an import did (or, in a dry run or after rejections, would have done).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Records read from the file.
    pub read: u64,
    /// New services stored.
    pub added: u64,
    /// Stored services whose registry data changed.
    pub updated: u64,
    /// Services marked ended (registration ended, or missing from the file).
    pub ended: u64,
    /// Stored services the file repeats without change.
    pub unchanged: u64,
    /// New services not stored because they concern none of the installation's areas.
    pub outside_areas: u64,
    /// Local edits the registry changed underneath.
    pub conflicts: Vec<ConflictNote>,
    /// Records rejected, with reasons.
    pub rejected: Vec<Rejection>,
    /// Codelist ids met that no codelist labels yet, with how many records used them.
    pub new_codes: Vec<(String, u64)>,
    /// Whether the changes were kept (false for a dry run or when rejections rolled it back).
    pub committed: bool,
}

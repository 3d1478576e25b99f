//! The data files built into the binary from the workspace's `data/` folder.

use souhra_core::codelist::CodelistEntry;
use souhra_core::territory::TerritoryDataset;

use crate::codelist::{CodelistFiles, parse_codelists};
use crate::error::DataError;
use crate::population::parse_population;
use crate::territory::{TerritoryFiles, parse_territory};

/// One embedded file.
#[derive(Debug, Clone, Copy)]
pub struct BundledFile {
    /// Path relative to `data/`, e.g. `territory/obce.csv`.
    pub path: &'static str,
    /// Contents.
    pub bytes: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));

/// The embedded file at `path` (relative to `data/`).
pub fn file(path: &str) -> Result<&'static [u8], DataError> {
    FILES
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.bytes)
        .ok_or_else(|| DataError::MissingBundledFile(path.to_owned()))
}

/// The bundled territory with every bundled population file.
pub fn territory() -> Result<TerritoryDataset, DataError> {
    let mut dataset = parse_territory(TerritoryFiles {
        regions: file("territory/kraje.csv")?,
        districts: file("territory/okresy.csv")?,
        orps: file("territory/orp.csv")?,
        pous: file("territory/pou.csv")?,
        municipalities: file("territory/obce.csv")?,
    })?;
    for population_file in FILES.iter().filter(|f| f.path.starts_with("population/")) {
        dataset.population.extend(parse_population(
            population_file.path,
            population_file.bytes,
        )?);
    }
    dataset
        .check()
        .map_err(|problems| DataError::Inconsistent { problems })?;
    Ok(dataset)
}

/// The bundled codelists.
pub fn codelists() -> Result<Vec<CodelistEntry>, DataError> {
    parse_codelists(CodelistFiles {
        service_kinds: file("codelists/druhy_socialnich_sluzeb.csv")?,
        service_kinds_api: file("codelists/druhy_mpsv_api_ciselnik.csv")?,
        target_groups: file("codelists/cilove_skupiny.csv")?,
        age_groups: file("codelists/vekove_skupiny.csv")?,
        forms_and_capacities: file("codelists/formy_a_kapacity.csv")?,
    })
}

/// The default life situations of the public site (every key has translations in the web
/// layer; a test there checks it). With `codelists`, their codes are checked too.
pub fn life_situations(
    codelists: Option<&[CodelistEntry]>,
) -> Result<Vec<souhra_core::public::LifeSituation>, DataError> {
    crate::situations::parse_situations(
        "public/zivotni_situace.csv",
        file("public/zivotni_situace.csv")?,
        codelists,
        &|_| true,
    )
}

/// A fingerprint of all bundled files (FNV-1a, 64 bits, over paths and contents). The store
/// remembers it, so a build with changed data reloads them at start and an unchanged one does not.
pub fn fingerprint() -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for file in FILES {
        for byte in file
            .path
            .bytes()
            .chain([0])
            .chain(file.bytes.iter().copied())
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

/// The reference groups of the supply analysis: per kind of service (paragraph), the age from
/// which its users are counted (`data/analysis/referencni_skupiny.csv`, Souhra's own); kinds
/// not listed are counted per 1,000 of all inhabitants.
pub fn reference_groups() -> Result<souhra_core::analysis::ReferenceGroups, DataError> {
    const FILE: &str = "analysis/referencni_skupiny.csv";
    let table = crate::table::Table::parse(FILE, file(FILE)?)?;
    table.require(&["paragraf", "vek_od"])?;
    let pairs = table
        .rows()
        .map(|row| {
            let kind = row.parse("paragraf", souhra_core::codelist::Paragraph::parse)?;
            Ok((kind.to_string(), row.number::<u8>("vek_od")?))
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    Ok(souhra_core::analysis::ReferenceGroups::new(pairs))
}

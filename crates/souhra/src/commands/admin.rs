//! Administrative commands: `migrate`, `config`, `backup`, `territory load|find`,
//! `area add|list`.

use std::path::PathBuf;

use souhra_core::area::{AreaScope, AreaSlug, NewArea};
use souhra_core::code::{MunicipalityCode, OrpCode, RegionCode};
use souhra_interop::population::parse_population;
use souhra_store::territory::MunicipalityQuery;

use super::{ensure_reference_data, say, store_for};
use crate::cli::AreaAdd;
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

/// `souhra migrate`.
pub async fn migrate(config: &Config) -> Result<(), Failure> {
    let store = store_for(config).await?;
    let applied = store.applied_migrations().await?;
    say(&format!(
        "{}: schema version {}",
        store.description(),
        applied.last().map_or(0, |(v, _)| *v)
    ));
    store.close().await;
    Ok(())
}

/// `souhra config`.
pub fn show_config(config: &Config) {
    say(config.render().trim_end());
}

/// `souhra backup`.
pub async fn backup(config: &Config, destination: &std::path::Path) -> Result<(), Failure> {
    let store = store_for(config).await?;
    store.backup_to(destination).await?;
    let size = std::fs::metadata(destination).map(|m| m.len()).unwrap_or(0);
    say(&format!(
        "backup written to {} ({} kB)",
        destination.display(),
        size / 1024
    ));
    store.close().await;
    Ok(())
}

/// `souhra territory load`.
pub async fn territory_load(config: &Config, population: &[PathBuf]) -> Result<(), Failure> {
    // Read every file first: a bad file stops the command before anything is stored.
    let mut files = Vec::new();
    for path in population {
        let bytes = std::fs::read(path)
            .map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))?;
        let name = path.display().to_string();
        files.push((name.clone(), parse_population(&name, &bytes)?));
    }
    let store = store_for(config).await?;
    let progress = Reporter::new();
    ensure_reference_data(&store, &progress, true).await?;
    let counts = store.territory_counts().await?;
    say(&format!(
        "territory: {} regions, {} districts, {} ORPs, {} POUs, {} municipalities",
        counts.regions, counts.districts, counts.orps, counts.pous, counts.municipalities
    ));
    for (name, records) in &files {
        let stored = store.load_population(records, &progress).await?;
        say(&format!("population: {stored} records from {name}"));
    }
    store.close().await;
    Ok(())
}

/// `souhra territory find`.
pub async fn territory_find(
    config: &Config,
    text: &str,
    area: Option<&str>,
) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let within = match area {
        Some(slug) => Some(
            store
                .area_by_slug(slug)
                .await?
                .ok_or_else(|| Failure::input(format!("there is no area with the slug {slug:?}")))?
                .id,
        ),
        None => None,
    };
    let found = store
        .find_municipalities(&MunicipalityQuery {
            text: text.to_owned(),
            within,
            limit: 20,
        })
        .await?;
    for m in &found {
        let population = m.population.map_or_else(String::new, |p| p.to_string());
        let postcode = m.postcode.map_or_else(String::new, |p| p.to_string());
        say(&format!(
            "{}\t{}\t{}\tORP {}\t{}\t{}",
            m.code, m.name, m.district_name, m.orp_name, postcode, population
        ));
    }
    if found.is_empty() {
        say("no municipality found");
    }
    store.close().await;
    Ok(())
}

fn scope(add: &AreaAdd) -> Result<AreaScope, Failure> {
    let invalid = |e: souhra_core::code::CodeError| Failure::input(e.to_string());
    if let Some(region) = &add.region {
        return Ok(AreaScope::Region(
            RegionCode::parse(region).map_err(invalid)?,
        ));
    }
    if let Some(orp) = &add.orp {
        return Ok(AreaScope::Orp(OrpCode::parse(orp).map_err(invalid)?));
    }
    if !add.municipalities.is_empty() {
        let codes = add
            .municipalities
            .iter()
            .map(|c| MunicipalityCode::parse(c).map_err(invalid))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(AreaScope::Municipalities(codes));
    }
    Err(Failure::input(
        "give the area's territory: --region CODE, --orp CODE or --municipality CODE",
    ))
}

/// `souhra area add`.
pub async fn area_add(config: &Config, add: &AreaAdd) -> Result<(), Failure> {
    let slug = AreaSlug::parse(&add.slug).map_err(|e| Failure::input(e.to_string()))?;
    let scope = scope(add)?;
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let name = match (&add.name, &scope) {
        (Some(name), _) if !name.trim().is_empty() => name.trim().to_owned(),
        (_, AreaScope::Region(code)) => store
            .region(*code)
            .await?
            .map(|r| r.name)
            .unwrap_or_default(),
        (_, AreaScope::Orp(code)) => store.orp(*code).await?.map(|o| o.name).unwrap_or_default(),
        (_, AreaScope::Municipalities(codes)) => match codes.first() {
            Some(code) => store
                .municipality(*code)
                .await?
                .map(|m| m.municipality.name)
                .unwrap_or_default(),
            None => String::new(),
        },
    };
    let area = store
        .create_area(&NewArea {
            slug,
            name,
            scope,
            is_demo: add.demo,
        })
        .await?;
    let summary = store.area_summary(area.id).await?;
    say(&format!(
        "area {} created: {} ({} municipalities, {} inhabitants)",
        area.slug, area.name, summary.municipalities, summary.population
    ));
    store.close().await;
    Ok(())
}

/// `souhra area list`.
pub async fn area_list(config: &Config) -> Result<(), Failure> {
    let store = store_for(config).await?;
    let areas = store.areas().await?;
    for area in &areas {
        let summary = store.area_summary(area.id).await?;
        let demo = if area.is_demo { "\tdemo" } else { "" };
        say(&format!(
            "{}\t{}\t{}\t{} municipalities\t{} inhabitants{demo}",
            area.slug,
            area.kind.key(),
            area.name,
            summary.municipalities,
            summary.population
        ));
    }
    if areas.is_empty() {
        say("no areas yet; create one with: souhra area add --slug SLUG --orp CODE");
    }
    store.close().await;
    Ok(())
}

//! `souhra situations show|set|reset`: the life situations of an area's home page.

use souhra_interop::bundled;
use souhra_interop::situations::{parse_situations, write_situations};

use super::{ensure_reference_data, say, store_for};
use crate::cli::SituationsCommand;
use crate::config::Config;
use crate::failure::Failure;
use crate::progress::Reporter;

/// Runs one situations command.
pub async fn run(config: &Config, command: SituationsCommand) -> Result<(), Failure> {
    let store = store_for(config).await?;
    ensure_reference_data(&store, &Reporter::new(), false).await?;
    let slug = match &command {
        SituationsCommand::Show { area }
        | SituationsCommand::Set { area, .. }
        | SituationsCommand::Reset { area } => area.clone(),
    };
    let area = store.area_by_slug(&slug).await?.ok_or_else(|| {
        Failure::input(format!(
            "there is no area {slug:?} (see `souhra area list`)"
        ))
    })?;
    let defaults = bundled::life_situations(None)?;
    match command {
        SituationsCommand::Show { .. } => {
            let list = store.life_situations(area.id).await?.unwrap_or(defaults);
            say(write_situations(&list).trim_end_matches('\n'));
        }
        SituationsCommand::Set { file, .. } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| Failure::input(format!("cannot read {}: {e}", file.display())))?;
            let codelists = bundled::codelists()?;
            let name = file.display().to_string();
            let known = |key: &str| defaults.iter().any(|d| d.key == key);
            let list = parse_situations(&name, &bytes, Some(&codelists), &known)?;
            if list.is_empty() {
                return Err(Failure::input(format!(
                    "{name} lists no situation; to go back to the defaults use `souhra situations reset`"
                )));
            }
            store.save_life_situations(area.id, &list).await?;
            say(&format!(
                "{} life situations set for {}",
                list.len(),
                area.slug
            ));
        }
        SituationsCommand::Reset { .. } => {
            store.save_life_situations(area.id, &[]).await?;
            say(&format!(
                "{} uses the default life situations again",
                area.slug
            ));
        }
    }
    store.close().await;
    Ok(())
}

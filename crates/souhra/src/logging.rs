//! Log output: human-readable or JSON lines on stderr, filtered by `SOUHRA_LOG`.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::config::{Config, LogFormat};
use crate::failure::Failure;

/// Installs the global subscriber.
pub fn init(config: &Config) -> Result<(), Failure> {
    let filter = EnvFilter::try_new(&config.log.value).map_err(|e| {
        Failure::input(format!(
            "SOUHRA_LOG is not a valid log filter ({:?}): {e}",
            config.log.value
        ))
    })?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    let result = match config.log_format.value {
        LogFormat::Human => builder.compact().try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init(),
    };
    // A second initialisation (tests) is harmless.
    drop(result);
    Ok(())
}

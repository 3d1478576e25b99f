//! Log output: human-readable or JSON lines on stderr, filtered by `SOUHRA_LOG`; for
//! benchmarks, a counter of the SQL statements run (`sqlx::query` events), whatever the filter.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::config::{Config, LogFormat};
use crate::failure::Failure;

static QUERIES: AtomicU64 = AtomicU64::new(0);

/// SQL statements run since the start, when [`init`] was asked to count them.
pub fn queries() -> u64 {
    QUERIES.load(Ordering::Relaxed)
}

struct QueryCounter;

impl<S: tracing::Subscriber> Layer<S> for QueryCounter {
    fn on_event(
        &self,
        _event: &tracing::Event<'_>,
        _ctx: tracing_subscriber::layer::Context<'_, S>,
    ) {
        QUERIES.fetch_add(1, Ordering::Relaxed);
    }
}

/// Installs the global subscriber; with `count_queries`, also the statement counter (which
/// makes sqlx describe every statement, so only benchmarks ask for it).
pub fn init(config: &Config, count_queries: bool) -> Result<(), Failure> {
    let filter = EnvFilter::try_new(&config.log.value).map_err(|e| {
        Failure::input(format!(
            "SOUHRA_LOG is not a valid log filter ({:?}): {e}",
            config.log.value
        ))
    })?;
    let base = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    let output = match config.log_format.value {
        LogFormat::Human => base.compact().with_filter(filter).boxed(),
        LogFormat::Json => base
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_filter(filter)
            .boxed(),
    };
    let counter = count_queries.then(|| {
        QueryCounter.with_filter(Targets::new().with_target("sqlx::query", tracing::Level::TRACE))
    });
    // A second initialisation (tests) is harmless.
    drop(
        tracing_subscriber::registry()
            .with(output)
            .with(counter)
            .try_init(),
    );
    Ok(())
}

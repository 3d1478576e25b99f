//! Progress of long work: a progress bar on a terminal, plain log lines otherwise (services,
//! CI logs, pipes).

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use souhra_core::progress::Progress;

/// Reports progress to the terminal or the log.
pub enum Reporter {
    Terminal(Mutex<Option<ProgressBar>>),
    Log(Mutex<Option<(String, Instant)>>),
}

impl Reporter {
    /// A progress bar when stderr is a terminal, log lines otherwise.
    pub fn new() -> Self {
        if std::io::stderr().is_terminal() {
            Self::Terminal(Mutex::new(None))
        } else {
            Self::Log(Mutex::new(None))
        }
    }
}

impl Progress for Reporter {
    fn stage(&self, name: &str, total: u64) {
        match self {
            Self::Terminal(bar) => {
                let progress = ProgressBar::new(total);
                let style =
                    ProgressStyle::with_template("{msg:>22} [{bar:30}] {pos}/{len} ({elapsed})")
                        .map(|s| s.progress_chars("=> "))
                        .unwrap_or_else(|_| ProgressStyle::default_bar());
                progress.set_style(style);
                progress.set_message(name.to_owned());
                progress.enable_steady_tick(Duration::from_millis(200));
                if let Ok(mut slot) = bar.lock() {
                    *slot = Some(progress);
                }
            }
            Self::Log(current) => {
                tracing::info!("loading {name}: {total} records");
                if let Ok(mut slot) = current.lock() {
                    *slot = Some((name.to_owned(), Instant::now()));
                }
            }
        }
    }

    fn advance(&self, units: u64) {
        if let Self::Terminal(bar) = self
            && let Ok(slot) = bar.lock()
            && let Some(progress) = slot.as_ref()
        {
            progress.inc(units);
        }
    }

    fn finish_stage(&self) {
        match self {
            Self::Terminal(bar) => {
                if let Ok(mut slot) = bar.lock()
                    && let Some(progress) = slot.take()
                {
                    progress.finish();
                }
            }
            Self::Log(current) => {
                if let Ok(mut slot) = current.lock()
                    && let Some((name, started)) = slot.take()
                {
                    tracing::info!("loaded {name} in {} ms", started.elapsed().as_millis());
                }
            }
        }
    }
}

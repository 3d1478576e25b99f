//! Progress reporting for long-running work (loading the territory, imports).
//!
//! Library code reports stages and counts through [`Progress`]; the binary decides whether that
//! becomes a progress bar on a terminal or plain log lines.

/// Receives progress of long-running work.
pub trait Progress: Send + Sync {
    /// A new stage of `total` units starts (`total` 0 when unknown).
    fn stage(&self, name: &str, total: u64);
    /// `units` more units of the current stage are done.
    fn advance(&self, units: u64);
    /// The current stage is done.
    fn finish_stage(&self);
}

/// Ignores progress (tests, background work).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn stage(&self, _name: &str, _total: u64) {}
    fn advance(&self, _units: u64) {}
    fn finish_stage(&self) {}
}

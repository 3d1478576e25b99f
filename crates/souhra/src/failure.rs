//! [`Failure`]: how a command ends badly, with the exit code that tells scripts why.

use std::fmt;
use std::process::ExitCode;

use souhra_store::StoreError;

/// Why a command failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Wrong usage or bad input (configuration, files, arguments): exit code 2.
    Input,
    /// Something failed while running (database, network, disk): exit code 1.
    Runtime,
}

/// A failed command: a one-line message and its kind.
#[derive(Debug)]
pub struct Failure {
    pub kind: Kind,
    pub message: String,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            kind: Kind::Input,
            message: message.into(),
        }
    }

    pub fn runtime(message: impl Into<String>) -> Self {
        Self {
            kind: Kind::Runtime,
            message: message.into(),
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        match self.kind {
            Kind::Input => ExitCode::from(2),
            Kind::Runtime => ExitCode::from(1),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Self {
        let kind = match error {
            StoreError::InvalidUrl { .. }
            | StoreError::Invalid(_)
            | StoreError::NotFound(_)
            | StoreError::Conflict(_) => Kind::Input,
            _ => Kind::Runtime,
        };
        Self {
            kind,
            message: error.to_string(),
        }
    }
}

impl From<souhra_web::AppError> for Failure {
    fn from(error: souhra_web::AppError) -> Self {
        Self::runtime(error.to_string())
    }
}

impl From<souhra_search::SearchError> for Failure {
    fn from(error: souhra_search::SearchError) -> Self {
        Self::runtime(error.to_string())
    }
}

impl From<souhra_web::IndexError> for Failure {
    fn from(error: souhra_web::IndexError) -> Self {
        match error {
            souhra_web::IndexError::Store(e) => e.into(),
            souhra_web::IndexError::Search(e) => e.into(),
        }
    }
}

impl From<souhra_interop::DataError> for Failure {
    fn from(error: souhra_interop::DataError) -> Self {
        Self::input(error.to_string())
    }
}

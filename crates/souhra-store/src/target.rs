//! Which database to use: an SQLite file (the embedded default) or a PostgreSQL server.

use std::path::PathBuf;
use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;

use crate::error::StoreError;

/// The database an installation uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    /// An SQLite file.
    Sqlite {
        /// Path of the database file.
        path: PathBuf,
    },
    /// A PostgreSQL database.
    Postgres {
        /// Connection URL (`postgres://user:password@host:port/database?…`).
        url: String,
        /// Schema to use instead of the URL's `search_path` (tests use one schema each).
        schema: Option<String>,
    },
}

impl DatabaseTarget {
    /// Parses a `DATABASE_URL`: `postgres://…` / `postgresql://…`, or `sqlite://PATH` / `sqlite:PATH`.
    pub fn from_url(url: &str) -> Result<Self, StoreError> {
        let url = url.trim();
        let invalid = |reason: &str| StoreError::InvalidUrl {
            url: mask_password(url),
            reason: reason.to_owned(),
        };
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            PgConnectOptions::from_str(url).map_err(|e| invalid(&e.to_string()))?;
            return Ok(Self::Postgres {
                url: url.to_owned(),
                schema: None,
            });
        }
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.strip_prefix("//").unwrap_or(rest);
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() || path == ":memory:" {
                return Err(invalid(
                    "give the path of the database file, e.g. sqlite:///var/lib/souhra/souhra.db",
                ));
            }
            return Ok(Self::Sqlite {
                path: PathBuf::from(path),
            });
        }
        Err(invalid(
            "use postgres://user@host:port/database, or leave DATABASE_URL unset for the embedded SQLite database",
        ))
    }

    /// Human-readable description with any password masked, for logs and `souhra config`.
    pub fn describe(&self) -> String {
        match self {
            Self::Sqlite { path } => format!("SQLite {}", path.display()),
            Self::Postgres { url, schema } => {
                let base = format!("PostgreSQL {}", mask_password(url));
                match schema {
                    Some(schema) => format!("{base} (schema {schema})"),
                    None => base,
                }
            }
        }
    }
}

/// Replaces the password of a URL (`scheme://user:password@host`) with `***`.
pub fn mask_password(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let authority_start = scheme_end + 3;
    let rest = &url[authority_start..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let Some(at) = authority.rfind('@') else {
        return url.to_owned();
    };
    let userinfo = &authority[..at];
    match userinfo.split_once(':') {
        Some((user, _password)) => format!(
            "{}{user}:***{}",
            &url[..authority_start],
            &url[authority_start + at..]
        ),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_supported_urls() {
        assert_eq!(
            DatabaseTarget::from_url("sqlite:///var/lib/souhra/souhra.db").unwrap(),
            DatabaseTarget::Sqlite {
                path: "/var/lib/souhra/souhra.db".into()
            }
        );
        assert_eq!(
            DatabaseTarget::from_url("sqlite:data/s.db?mode=rwc").unwrap(),
            DatabaseTarget::Sqlite {
                path: "data/s.db".into()
            }
        );
        assert!(matches!(
            DatabaseTarget::from_url("postgres://postgres@127.0.0.1:5432/test").unwrap(),
            DatabaseTarget::Postgres { .. }
        ));
    }

    #[test]
    fn rejects_unusable_urls_with_the_password_masked() {
        for url in [
            "mysql://u:secret@h/db",
            "",
            "sqlite::memory:",
            "postgres://u:secret@h:notaport/db",
        ] {
            let error = DatabaseTarget::from_url(url).unwrap_err().to_string();
            assert!(error.starts_with("invalid database URL"), "{error}");
            assert!(!error.contains("secret"), "{error}");
        }
    }

    #[test]
    fn masks_passwords() {
        assert_eq!(
            mask_password("postgres://u:p@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(
            mask_password("postgres://u:p:q@h/db?x=@"),
            "postgres://u:***@h/db?x=@"
        );
        assert_eq!(mask_password("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(mask_password("sqlite:///a/b.db"), "sqlite:///a/b.db");
    }
}

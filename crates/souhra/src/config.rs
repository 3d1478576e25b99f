//! Configuration: defaults, an optional TOML file, and environment variables (which win), plus
//! command-line flags for a few settings. Secrets (the database password, the metrics token) are
//! accepted only from the environment.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use souhra_store::{DatabaseTarget, mask_password};

use crate::failure::Failure;

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    Env(&'static str),
    Flag,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File => f.write_str("config file"),
            Source::Env(name) => write!(f, "environment {name}"),
            Source::Flag => f.write_str("command line"),
        }
    }
}

/// A value and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    pub fn new(value: T, source: Source) -> Self {
        Self { value, source }
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Human,
    Json,
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: Setting<String>,
    pub data_dir: Setting<PathBuf>,
    pub database_url: Option<Setting<String>>,
    pub public_url: Option<Setting<String>>,
    pub log: Setting<String>,
    pub log_format: Setting<LogFormat>,
    pub metrics_token: Option<Setting<String>>,
    pub db_max_connections: Setting<u32>,
    pub map_tiles: Option<Setting<String>>,
    pub map_attribution: Option<Setting<String>>,
    /// Addresses of reverse proxies whose `X-Forwarded-For` names the client (comma-separated).
    pub trusted_proxies: Option<Setting<String>>,
    /// The sender of the application's e-mail (`Name <address>`).
    pub mail_from: Option<Setting<String>>,
    /// SMTP server URL (a secret: environment only); without it mail goes to `mail/` in the
    /// data folder as .eml files.
    pub smtp_url: Option<Setting<String>>,
    /// How long an account stays locked after repeated failed logins.
    pub login_lockout_minutes: Setting<u32>,
    /// A login session ends after this many hours without a request.
    pub session_idle_hours: Setting<u32>,
    /// How many days an invitation link works.
    pub invitation_valid_days: Setting<u32>,
    /// How many minutes a password-reset link works.
    pub reset_valid_minutes: Setting<u32>,
    pub config_file: Option<PathBuf>,
}

/// Keys of the configuration file. Secrets have no key here on purpose.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    public_url: Option<String>,
    log: Option<String>,
    log_format: Option<LogFormat>,
    db_max_connections: Option<u32>,
    map_tiles: Option<String>,
    map_attribution: Option<String>,
    trusted_proxies: Option<String>,
    mail_from: Option<String>,
    login_lockout_minutes: Option<u32>,
    session_idle_hours: Option<u32>,
    invitation_valid_days: Option<u32>,
    reset_valid_minutes: Option<u32>,
}

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const DEFAULT_LOG: &str = "info,sqlx=warn";

/// The user's data folder: `$XDG_DATA_HOME`, else `$HOME/.local/share`, else the current folder.
fn data_home(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    env("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            env("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The default data folder of `souhra serve`.
pub fn default_data_dir(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    data_home(env).join("souhra")
}

/// The default data folder of `souhra demo`.
pub fn default_demo_dir(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    data_home(env).join("souhra-demo")
}

/// Reads the process environment; a value that is not UTF-8 counts as unset.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn parse_file(path: &Path, text: &str) -> Result<FileConfig, Failure> {
    let table: toml::Table = text
        .parse()
        .map_err(|e| Failure::input(format!("configuration file {}: {e}", path.display())))?;
    for (key, var) in [
        ("metrics_token", "SOUHRA_METRICS_TOKEN"),
        ("smtp_url", "SOUHRA_SMTP_URL"),
    ] {
        if table.contains_key(key) {
            return Err(Failure::input(format!(
                "configuration file {}: secrets belong in the environment; remove {key} and set {var}",
                path.display()
            )));
        }
    }
    let file: FileConfig = toml::from_str(text).map_err(|e| {
        Failure::input(format!(
            "configuration file {}: {}",
            path.display(),
            e.message()
        ))
    })?;
    if let Some(url) = &file.database_url
        && mask_password(url) != *url
    {
        return Err(Failure::input(format!(
            "configuration file {}: the database URL contains a password; secrets belong in the environment, so set DATABASE_URL there",
            path.display()
        )));
    }
    Ok(file)
}

impl Config {
    /// Builds the configuration from the file named by `--config` or `SOUHRA_CONFIG` (if any) and
    /// the environment `env`.
    pub fn load(
        config_flag: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, Failure> {
        let config_file = config_flag.map(Path::to_path_buf).or_else(|| {
            env("SOUHRA_CONFIG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        let file = match &config_file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    Failure::input(format!(
                        "cannot read configuration file {}: {e}",
                        path.display()
                    ))
                })?;
                parse_file(path, &text)?
            }
            None => FileConfig::default(),
        };
        let pick = |var: &'static str, from_file: Option<String>| -> Option<Setting<String>> {
            env(var)
                .filter(|v| !v.is_empty())
                .map(|v| Setting::new(v, Source::Env(var)))
                .or_else(|| from_file.map(|v| Setting::new(v, Source::File)))
        };
        let listen = pick("SOUHRA_LISTEN", file.listen)
            .unwrap_or_else(|| Setting::new(DEFAULT_LISTEN.to_owned(), Source::Default));
        let data_dir = pick(
            "SOUHRA_DATA_DIR",
            file.data_dir.map(|p| p.display().to_string()),
        )
        .map(|s| Setting::new(PathBuf::from(s.value), s.source))
        .unwrap_or_else(|| Setting::new(default_data_dir(env), Source::Default));
        let database_url = pick("DATABASE_URL", file.database_url);
        let public_url = pick("SOUHRA_PUBLIC_URL", file.public_url);
        let log = pick("SOUHRA_LOG", file.log)
            .unwrap_or_else(|| Setting::new(DEFAULT_LOG.to_owned(), Source::Default));
        let log_format = match env("SOUHRA_LOG_FORMAT").filter(|v| !v.is_empty()) {
            Some(text) => Setting::new(parse_log_format(&text)?, Source::Env("SOUHRA_LOG_FORMAT")),
            None => match file.log_format {
                Some(format) => Setting::new(format, Source::File),
                None => Setting::new(LogFormat::Human, Source::Default),
            },
        };
        let metrics_token = env("SOUHRA_METRICS_TOKEN")
            .filter(|v| !v.is_empty())
            .map(|v| Setting::new(v, Source::Env("SOUHRA_METRICS_TOKEN")));
        let db_max_connections = match env("SOUHRA_DB_MAX_CONNECTIONS").filter(|v| !v.is_empty()) {
            Some(text) => Setting::new(
                parse_connections(&text).ok_or_else(|| {
                    Failure::input(format!(
                        "SOUHRA_DB_MAX_CONNECTIONS must be a number from 1 to 1000, not {text:?}"
                    ))
                })?,
                Source::Env("SOUHRA_DB_MAX_CONNECTIONS"),
            ),
            None => match file.db_max_connections {
                Some(n) if (1..=1000).contains(&n) => Setting::new(n, Source::File),
                Some(n) => {
                    return Err(Failure::input(format!(
                        "db_max_connections must be from 1 to 1000, not {n}"
                    )));
                }
                None => Setting::new(8, Source::Default),
            },
        };
        let map_tiles = pick("SOUHRA_MAP_TILES", file.map_tiles);
        let map_attribution = pick("SOUHRA_MAP_ATTRIBUTION", file.map_attribution);
        let trusted_proxies = pick("SOUHRA_TRUSTED_PROXIES", file.trusted_proxies);
        let mail_from = pick("SOUHRA_MAIL_FROM", file.mail_from);
        let smtp_url = env("SOUHRA_SMTP_URL")
            .filter(|v| !v.is_empty())
            .map(|v| Setting::new(v, Source::Env("SOUHRA_SMTP_URL")));
        let number = |var: &'static str, key: &str, from_file: Option<u32>, range, default| {
            bounded(env(var), var, key, from_file, range, default)
        };
        let login_lockout_minutes = number(
            "SOUHRA_LOGIN_LOCKOUT_MINUTES",
            "login_lockout_minutes",
            file.login_lockout_minutes,
            1..=1440,
            15,
        )?;
        let session_idle_hours = number(
            "SOUHRA_SESSION_IDLE_HOURS",
            "session_idle_hours",
            file.session_idle_hours,
            1..=720,
            12,
        )?;
        let invitation_valid_days = number(
            "SOUHRA_INVITATION_VALID_DAYS",
            "invitation_valid_days",
            file.invitation_valid_days,
            1..=60,
            7,
        )?;
        let reset_valid_minutes = number(
            "SOUHRA_RESET_VALID_MINUTES",
            "reset_valid_minutes",
            file.reset_valid_minutes,
            10..=1440,
            120,
        )?;
        let config = Config {
            mail_from,
            smtp_url,
            login_lockout_minutes,
            session_idle_hours,
            invitation_valid_days,
            reset_valid_minutes,
            listen,
            map_tiles,
            map_attribution,
            trusted_proxies,
            data_dir,
            database_url,
            public_url,
            log,
            log_format,
            metrics_token,
            db_max_connections,
            config_file,
        };
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), Failure> {
        parse_listen(&self.listen.value, &self.listen.source)?;
        if let Some(url) = &self.public_url
            && !(url.value.starts_with("http://") || url.value.starts_with("https://"))
        {
            return Err(Failure::input(format!(
                "the public URL ({}) must start with http:// or https://, not {:?}",
                url.source, url.value
            )));
        }
        if let Some(tiles) = &self.map_tiles {
            let web = souhra_web::WebConfig {
                map_tiles: tiles.value.clone(),
                ..Default::default()
            };
            if web.tile_origin().is_none()
                || !["{z}", "{x}", "{y}"]
                    .iter()
                    .all(|p| tiles.value.contains(p))
            {
                return Err(Failure::input(format!(
                    "the map tile URL ({}) must be an http(s) URL with {{z}}, {{x}} and {{y}}, like {}, not {:?}",
                    tiles.source,
                    souhra_web::DEFAULT_MAP_TILES,
                    tiles.value
                )));
            }
        }
        self.trusted_proxy_addresses()?;
        self.database_target()?;
        Ok(())
    }

    /// The addresses of the trusted reverse proxies (none when not set).
    pub fn trusted_proxy_addresses(&self) -> Result<Vec<std::net::IpAddr>, Failure> {
        let Some(setting) = &self.trusted_proxies else {
            return Ok(Vec::new());
        };
        setting
            .value
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| {
                a.parse().map_err(|_| {
                    Failure::input(format!(
                        "trusted proxies ({}): {a:?} is not an IP address (give addresses separated by commas, like 127.0.0.1, ::1)",
                        setting.source
                    ))
                })
            })
            .collect()
    }

    /// The folder of .eml files written when no SMTP server is set.
    pub fn outbox(&self) -> PathBuf {
        self.data_dir.value.join("mail")
    }

    /// Lockout and the lifetimes of sessions and links, for the web layer.
    pub fn account_settings(&self) -> souhra_web::auth::AccountSettings {
        let minutes = |n: u32| std::time::Duration::from_secs(u64::from(n) * 60);
        souhra_web::auth::AccountSettings {
            lockout: minutes(self.login_lockout_minutes.value),
            session_idle: minutes(self.session_idle_hours.value * 60),
            invitation_valid: minutes(self.invitation_valid_days.value * 24 * 60),
            reset_valid: minutes(self.reset_valid_minutes.value),
            ..Default::default()
        }
    }

    /// Where the web layer sends mail.
    pub fn mail_settings(&self) -> souhra_web::mail::MailSettings {
        souhra_web::mail::MailSettings {
            from: self
                .mail_from
                .as_ref()
                .map(|f| f.value.clone())
                .unwrap_or_default(),
            smtp_url: self.smtp_url.as_ref().map(|u| u.value.clone()),
            outbox: Some(self.outbox()),
        }
    }

    /// Overrides the listen address from a command-line flag.
    pub fn set_listen(&mut self, listen: &str) -> Result<(), Failure> {
        parse_listen(listen, &Source::Flag)?;
        self.listen = Setting::new(listen.to_owned(), Source::Flag);
        Ok(())
    }

    /// The listen address as a socket address (checked at load).
    pub fn listen_addr(&self) -> Result<SocketAddr, Failure> {
        parse_listen(&self.listen.value, &self.listen.source)
    }

    /// The database: `DATABASE_URL` when set, else `souhra.db` in the data folder.
    pub fn database_target(&self) -> Result<DatabaseTarget, Failure> {
        match &self.database_url {
            Some(url) => DatabaseTarget::from_url(&url.value).map_err(Failure::from),
            None => Ok(DatabaseTarget::Sqlite {
                path: self.data_dir.value.join("souhra.db"),
            }),
        }
    }

    /// The configuration as `souhra config` prints it, secrets masked.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut line = |name: &str, value: String, source: Option<&Source>| {
            let source = source.map(|s| format!("  ({s})")).unwrap_or_default();
            let _ = writeln!(out, "{name:<20} {value}{source}");
        };
        line(
            "config file",
            self.config_file
                .as_ref()
                .map_or("none".into(), |p| p.display().to_string()),
            None,
        );
        line(
            "listen",
            self.listen.value.clone(),
            Some(&self.listen.source),
        );
        line(
            "data dir",
            self.data_dir.value.display().to_string(),
            Some(&self.data_dir.source),
        );
        let database = self
            .database_target()
            .map_or_else(|e| e.message, |t| t.describe());
        line(
            "database",
            database,
            self.database_url
                .as_ref()
                .map(|u| &u.source)
                .or(Some(&Source::Default)),
        );
        line(
            "db max connections",
            self.db_max_connections.value.to_string(),
            Some(&self.db_max_connections.source),
        );
        match &self.public_url {
            Some(url) => line("public url", url.value.clone(), Some(&url.source)),
            None => line("public url", "not set".into(), None),
        }
        line("log", self.log.value.clone(), Some(&self.log.source));
        let format = match self.log_format.value {
            LogFormat::Human => "human",
            LogFormat::Json => "json",
        };
        line("log format", format.into(), Some(&self.log_format.source));
        match &self.trusted_proxies {
            Some(proxies) => line(
                "trusted proxies",
                proxies.value.clone(),
                Some(&proxies.source),
            ),
            None => line(
                "trusted proxies",
                "none (X-Forwarded-For is ignored)".into(),
                None,
            ),
        }
        match &self.metrics_token {
            Some(token) => line("metrics token", "*** (set)".into(), Some(&token.source)),
            None => line("metrics token", "not set (/metrics is public)".into(), None),
        }
        match &self.smtp_url {
            Some(url) => line("smtp", mask_password(&url.value), Some(&url.source)),
            None => line(
                "smtp",
                format!("not set (mail is written to {})", self.outbox().display()),
                None,
            ),
        }
        match &self.mail_from {
            Some(from) => line("mail from", from.value.clone(), Some(&from.source)),
            None => line(
                "mail from",
                souhra_web::mail::DEFAULT_FROM.into(),
                Some(&Source::Default),
            ),
        }
        line(
            "login lockout",
            format!("{} min", self.login_lockout_minutes.value),
            Some(&self.login_lockout_minutes.source),
        );
        line(
            "session idle",
            format!("{} h", self.session_idle_hours.value),
            Some(&self.session_idle_hours.source),
        );
        line(
            "invitation valid",
            format!("{} days", self.invitation_valid_days.value),
            Some(&self.invitation_valid_days.source),
        );
        line(
            "reset link valid",
            format!("{} min", self.reset_valid_minutes.value),
            Some(&self.reset_valid_minutes.source),
        );
        out
    }
}

/// A number setting from the environment variable `var` (its text `from_env`) or else the file's
/// `key`, which must lie in `range`; `default` when neither sets it.
fn bounded(
    from_env: Option<String>,
    var: &'static str,
    key: &str,
    from_file: Option<u32>,
    range: std::ops::RangeInclusive<u32>,
    default: u32,
) -> Result<Setting<u32>, Failure> {
    let (from, to) = (range.start(), range.end());
    match from_env.filter(|v| !v.is_empty()) {
        Some(text) => text
            .trim()
            .parse()
            .ok()
            .filter(|n| range.contains(n))
            .map(|n| Setting::new(n, Source::Env(var)))
            .ok_or_else(|| {
                Failure::input(format!(
                    "{var} must be a number from {from} to {to}, not {text:?}"
                ))
            }),
        None => match from_file {
            Some(n) if range.contains(&n) => Ok(Setting::new(n, Source::File)),
            Some(n) => Err(Failure::input(format!(
                "{key} must be from {from} to {to}, not {n}"
            ))),
            None => Ok(Setting::new(default, Source::Default)),
        },
    }
}

fn parse_log_format(text: &str) -> Result<LogFormat, Failure> {
    match text.trim().to_ascii_lowercase().as_str() {
        "human" => Ok(LogFormat::Human),
        "json" => Ok(LogFormat::Json),
        _ => Err(Failure::input(format!(
            "SOUHRA_LOG_FORMAT must be \"human\" or \"json\", not {text:?}"
        ))),
    }
}

fn parse_connections(text: &str) -> Option<u32> {
    text.trim().parse().ok().filter(|n| (1..=1000).contains(n))
}

fn parse_listen(text: &str, source: &Source) -> Result<SocketAddr, Failure> {
    text.trim().parse().map_err(|_| {
        Failure::input(format!(
            "the listen address ({source}) must be an IP address and port such as 127.0.0.1:8080 or [::]:8080, not {text:?}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn defaults() {
        let config = Config::load(None, &env(&[("HOME", "/home/koordinatorka")])).unwrap();
        assert_eq!(config.listen.value, "127.0.0.1:8080");
        assert_eq!(
            config.data_dir.value,
            PathBuf::from("/home/koordinatorka/.local/share/souhra")
        );
        assert_eq!(config.data_dir.source, Source::Default);
        assert_eq!(
            config.database_target().unwrap(),
            DatabaseTarget::Sqlite {
                path: "/home/koordinatorka/.local/share/souhra/souhra.db".into()
            }
        );
        assert_eq!(config.log_format.value, LogFormat::Human);
    }

    #[test]
    fn environment_wins_and_secrets_are_masked() {
        let config = Config::load(
            None,
            &env(&[
                ("SOUHRA_LISTEN", "0.0.0.0:9000"),
                (
                    "DATABASE_URL",
                    "postgres://souhra:tajne-heslo@db:5432/souhra",
                ),
                ("SOUHRA_METRICS_TOKEN", "abcdefghijklmnop"),
                ("SOUHRA_LOG_FORMAT", "json"),
            ]),
        )
        .unwrap();
        assert_eq!(config.listen.source, Source::Env("SOUHRA_LISTEN"));
        let shown = config.render();
        assert!(
            shown.contains("PostgreSQL postgres://souhra:***@db:5432/souhra"),
            "{shown}"
        );
        assert!(!shown.contains("tajne-heslo"), "{shown}");
        assert!(!shown.contains("abcdefghijklmnop"), "{shown}");
        assert!(shown.contains("metrics token        *** (set)"), "{shown}");
        assert!(
            shown.contains("json  (environment SOUHRA_LOG_FORMAT)"),
            "{shown}"
        );
    }

    #[test]
    fn bad_values_are_input_errors() {
        let cases = [
            (("SOUHRA_LISTEN", "8080"), "listen address"),
            (("DATABASE_URL", "mysql://x"), "invalid database URL"),
            (("SOUHRA_LOG_FORMAT", "xml"), "SOUHRA_LOG_FORMAT"),
            (
                ("SOUHRA_DB_MAX_CONNECTIONS", "0"),
                "SOUHRA_DB_MAX_CONNECTIONS",
            ),
            (("SOUHRA_PUBLIC_URL", "socialni.example.cz"), "public URL"),
            (
                ("SOUHRA_TRUSTED_PROXIES", "127.0.0.1, proxy.local"),
                "\"proxy.local\" is not an IP address",
            ),
        ];
        let proxies = Config::load(
            None,
            &env(&[("SOUHRA_TRUSTED_PROXIES", " 127.0.0.1, ::1 ")]),
        )
        .unwrap();
        assert_eq!(
            proxies.trusted_proxy_addresses().unwrap(),
            [
                "127.0.0.1".parse::<std::net::IpAddr>().unwrap(),
                "::1".parse().unwrap()
            ]
        );
        for ((name, value), expected) in cases {
            let failure = Config::load(None, &env(&[(name, value)])).unwrap_err();
            assert_eq!(failure.kind, crate::failure::Kind::Input);
            assert!(
                failure.message.contains(expected),
                "{name}={value}: {}",
                failure.message
            );
        }
    }

    #[test]
    fn account_lifetimes_come_from_file_or_environment_within_bounds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("souhra.toml");
        std::fs::write(
            &path,
            "session_idle_hours = 2\ninvitation_valid_days = 14\n",
        )
        .unwrap();
        let config =
            Config::load(Some(&path), &env(&[("SOUHRA_RESET_VALID_MINUTES", "30")])).unwrap();
        let settings = config.account_settings();
        assert_eq!(settings.session_idle.as_secs(), 2 * 3600);
        assert_eq!(settings.invitation_valid.as_secs(), 14 * 86_400);
        assert_eq!(settings.reset_valid.as_secs(), 30 * 60);
        assert_eq!(settings.lockout.as_secs(), 15 * 60);
        assert_eq!(config.session_idle_hours.source, Source::File);
        assert_eq!(
            config.reset_valid_minutes.source,
            Source::Env("SOUHRA_RESET_VALID_MINUTES")
        );
        std::fs::write(&path, "invitation_valid_days = 0\n").unwrap();
        let failure = Config::load(Some(&path), &env(&[])).unwrap_err();
        assert!(
            failure
                .message
                .contains("invitation_valid_days must be from 1 to 60"),
            "{}",
            failure.message
        );
        let failure =
            Config::load(None, &env(&[("SOUHRA_SESSION_IDLE_HOURS", "forever")])).unwrap_err();
        assert!(
            failure
                .message
                .contains("SOUHRA_SESSION_IDLE_HOURS must be a number from 1 to 720"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn file_is_read_but_may_not_hold_secrets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("souhra.toml");
        std::fs::write(
            &path,
            "listen = \"127.0.0.1:9999\"\ndata_dir = \"/srv/souhra\"\n",
        )
        .unwrap();
        let config = Config::load(Some(&path), &env(&[])).unwrap();
        assert_eq!(
            config.listen,
            Setting::new("127.0.0.1:9999".into(), Source::File)
        );
        assert_eq!(config.data_dir.value, PathBuf::from("/srv/souhra"));

        std::fs::write(&path, "database_url = \"postgres://u:heslo@h/db\"\n").unwrap();
        let failure = Config::load(Some(&path), &env(&[])).unwrap_err();
        assert!(
            failure
                .message
                .contains("secrets belong in the environment"),
            "{}",
            failure.message
        );
        assert!(!failure.message.contains("heslo"));

        std::fs::write(&path, "metrics_token = \"x\"\n").unwrap();
        assert!(
            Config::load(Some(&path), &env(&[]))
                .unwrap_err()
                .message
                .contains("SOUHRA_METRICS_TOKEN")
        );

        std::fs::write(&path, "lisen = \"x\"\n").unwrap();
        let failure = Config::load(Some(&path), &env(&[])).unwrap_err();
        assert!(
            failure.message.contains("unknown field `lisen`"),
            "{}",
            failure.message
        );

        let failure = Config::load(Some(&dir.path().join("missing.toml")), &env(&[])).unwrap_err();
        assert!(
            failure
                .message
                .starts_with("cannot read configuration file"),
            "{}",
            failure.message
        );
    }
}

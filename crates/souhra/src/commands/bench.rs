//! `souhra bench import`: generates a registry file, then times parsing alone and the whole
//! import into a fresh database (SQLite in a temporary folder, or `DATABASE_URL`), and prints
//! wall times, their ratio and peak resident memory of each phase.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::time::Instant;

use souhra_core::import::ImportOptions;
use souhra_core::progress::NoProgress;
use souhra_interop::bundled;
use souhra_interop::registry::generate::{GeneratorOptions, generate};
use souhra_interop::registry::read_registry;
use souhra_store::DatabaseTarget;

use super::catalogue::{lookup, run_import, today};
use super::{ensure_reference_data, open_store, say};
use crate::cli::BenchImport;
use crate::config::Config;
use crate::failure::Failure;

/// Resets the peak resident set size the kernel reports (Linux), so each phase is measured alone.
pub(crate) fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident set size in MB since the last reset (Linux `VmHWM`).
pub(crate) fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

pub(crate) struct Workspace(pub(crate) PathBuf);

impl Workspace {
    /// A fresh database for a benchmark with the reference data loaded: SQLite in this folder,
    /// or the PostgreSQL of `DATABASE_URL`.
    pub(crate) async fn store(&self, config: &Config) -> Result<souhra_store::Store, Failure> {
        let target = match config.database_target()? {
            DatabaseTarget::Sqlite { .. } => DatabaseTarget::Sqlite {
                path: self.0.join("souhra.db"),
            },
            postgres => postgres,
        };
        let store = open_store(config, &target).await?;
        ensure_reference_data(&store, &NoProgress, false).await?;
        Ok(store)
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Import options of the benchmarks: everything, stored, all or nothing.
pub(crate) fn bench_import_options() -> ImportOptions {
    ImportOptions {
        all: true,
        dry_run: false,
        skip_invalid: false,
        demo: false,
        today: today(),
        origin: "bench".into(),
    }
}

/// `souhra bench import`.
pub async fn bench_import(config: &Config, args: &BenchImport) -> Result<(), Failure> {
    let work = Workspace(std::env::temp_dir().join(format!("souhra-bench-{}", std::process::id())));
    std::fs::create_dir_all(&work.0)
        .map_err(|e| Failure::runtime(format!("cannot create {}: {e}", work.0.display())))?;
    let territory = bundled::territory()?;
    let codelists = bundled::codelists()?;

    let file = work.0.join("rpss.json");
    let started = Instant::now();
    let mut out = BufWriter::new(File::create(&file).map_err(|e| Failure::runtime(e.to_string()))?);
    let options = GeneratorOptions {
        services: args.services as usize,
        seed: 1,
        municipalities: Vec::new(),
        demo: false,
        today: today(),
        first_identifier: 1_000_000,
    };
    let generated = generate(&territory, &codelists, &options, &mut out)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    drop(out);
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    say(&format!(
        "bench import: {} services, {} facilities, file {:.1} MB (generated in {:.2} s)",
        generated.services,
        generated.facilities,
        size as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64()
    ));

    let store = work.store(config).await?;
    say(&format!("database: {}", store.description()));
    let territory_lookup = lookup(&store).await?;

    reset_peak();
    let started = Instant::now();
    let mut records = 0_u64;
    let input = File::open(&file).map_err(|e| Failure::runtime(e.to_string()))?;
    read_registry("rpss.json", input, &territory_lookup, |_item| {
        records += 1;
        true
    })?;
    let parse = started.elapsed().as_secs_f64();
    let parse_peak = peak_mb();
    say(&format!(
        "parse only: {parse:7.3} s  {:8.0} services/s  peak RSS {parse_peak:6.1} MB",
        records as f64 / parse
    ));

    let import_options = bench_import_options();
    for (label, expect_added) in [("import", true), ("re-import", false)] {
        reset_peak();
        let started = Instant::now();
        let input = File::open(&file).map_err(|e| Failure::runtime(e.to_string()))?;
        let report = run_import(
            &store,
            "rpss.json",
            Box::new(input),
            territory_lookup.clone(),
            &import_options,
            &NoProgress,
        )
        .await?;
        let wall = started.elapsed().as_secs_f64();
        let peak = peak_mb();
        if expect_added && report.added != records {
            return Err(Failure::runtime(format!(
                "the import added {} of {records} services",
                report.added
            )));
        }
        say(&format!(
            "{label:<10}: {wall:7.3} s  {:8.0} services/s  peak RSS {peak:6.1} MB  ratio to parse {:4.2}x  (added {}, unchanged {})",
            records as f64 / wall,
            wall / parse,
            report.added,
            report.unchanged
        ));
    }
    store.close().await;
    Ok(())
}

/// Milliseconds of the `q`-quantile of sorted durations.
fn quantile_ms(sorted: &[std::time::Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let last = sorted.len() - 1;
    // Rounded index of the quantile; lengths here are small, so the casts are exact.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let at = ((last as f64) * q).round() as usize;
    sorted[at.min(last)].as_secs_f64() * 1000.0
}

/// `souhra bench login`: the server's work of one login with the production argon2id
/// parameters (account lookup, password check, recording the login, a new session), on a
/// temporary SQLite database; HTTP parsing is not included (microseconds).
pub async fn bench_login(config: &Config, args: &crate::cli::BenchLogin) -> Result<(), Failure> {
    use souhra_core::account::{Email, Grant, Role};
    let work =
        Workspace(std::env::temp_dir().join(format!("souhra-bench-login-{}", std::process::id())));
    std::fs::create_dir_all(&work.0)
        .map_err(|e| Failure::runtime(format!("{}: {e}", work.0.display())))?;
    let store = open_store(
        config,
        &DatabaseTarget::Sqlite {
            path: work.0.join("souhra.db"),
        },
    )
    .await?;
    let password = "a password for the login benchmark".to_owned();
    let started = Instant::now();
    let hash = souhra_web::auth::hash_password(password.clone()).await?;
    let hashing = started.elapsed();
    let email =
        Email::parse("benchmark@example.cz").map_err(|e| Failure::runtime(e.to_string()))?;
    let grant =
        Grant::new(Role::Administrator, None, None).map_err(|e| Failure::runtime(e.to_string()))?;
    store
        .create_account(
            &email,
            "Benchmark",
            Some(&hash),
            &[grant],
            chrono::Utc::now(),
        )
        .await?;
    let mut times = Vec::with_capacity(args.rounds as usize);
    for round in 0..args.rounds {
        let started = Instant::now();
        let now = chrono::Utc::now();
        let record = store
            .login_record(&email)
            .await?
            .ok_or_else(|| Failure::runtime("the benchmark account is missing"))?;
        if !souhra_web::auth::verify_password(record.password_hash.clone(), password.clone())
            .await?
        {
            return Err(Failure::runtime("the password did not verify"));
        }
        store.login_succeeded(record.account.id, now).await?;
        let (_, session) = souhra_web::auth::one_time_token()?;
        store
            .create_session(
                &session,
                record.account.id,
                &format!("csrf{round}"),
                now,
                now + chrono::Duration::hours(12),
            )
            .await?;
        times.push(started.elapsed());
    }
    times.sort();
    say(&format!(
        "argon2id m=19456 KiB, t=2, p=1: hashing a password {:.1} ms",
        hashing.as_secs_f64() * 1000.0
    ));
    say(&format!(
        "login ({} rounds, SQLite): median {:.1} ms, p95 {:.1} ms, max {:.1} ms; peak RSS {:.0} MB",
        times.len(),
        quantile_ms(&times, 0.5),
        quantile_ms(&times, 0.95),
        quantile_ms(&times, 1.0),
        peak_mb()
    ));
    store.close().await;
    Ok(())
}

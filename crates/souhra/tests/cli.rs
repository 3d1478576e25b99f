//! The `souhra` program as a user runs it: exit codes, one-line errors, the demo server starting
//! and stopping on SIGTERM, and the same commands on PostgreSQL.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use souhra_store::testing::{self, TestDatabase};

/// The program with an empty environment and HOME in `home`, so nothing of the developer's
/// machine leaks in.
fn souhra(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_souhra"));
    command
        .env_clear()
        .env("HOME", home)
        .env("SOUHRA_LOG", "warn");
    command
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(mut command: Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn run_args(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = souhra(home);
    command.args(args).envs(env.iter().copied());
    run(command)
}

/// The error line of a failed run: exactly one line, starting with "error: ".
fn error_line(run: &Run) -> &str {
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected one error line, got:\n{}",
        run.stderr
    );
    assert!(lines[0].starts_with("error: "), "{}", run.stderr);
    lines[0]
}

fn http_get(address: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).unwrap().parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// Waits for the child to exit, at most `limit`.
fn wait_with_limit(child: Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let (sender, receiver) = mpsc::channel();
    let mut child = child;
    std::thread::spawn(move || {
        let _ = sender.send(child.wait());
    });
    receiver.recv_timeout(limit).ok().and_then(Result::ok)
}

#[test]
fn usage_errors_exit_with_2() {
    let home = tempfile::tempdir().unwrap();
    let help = run_args(home.path(), &["--help"], &[]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("demo") && help.stdout.contains("territory"));
    for args in [
        &["frobnicate"][..],
        &["serve", "--no-such-flag"],
        &[],
        &["area", "add"],
    ] {
        let result = run_args(home.path(), args, &[]);
        assert_eq!(result.code, 2, "{args:?}: {}", result.stderr);
    }
}

#[test]
fn configuration_errors_are_one_line_with_exit_2() {
    let home = tempfile::tempdir().unwrap();
    let cases: [(&[(&str, &str)], &str); 4] = [
        (
            &[("DATABASE_URL", "mysql://root:secret@localhost/x")],
            "error: invalid database URL mysql://root:***@localhost/x",
        ),
        (
            &[("SOUHRA_LISTEN", "localhost")],
            "error: the listen address (environment SOUHRA_LISTEN)",
        ),
        (
            &[("SOUHRA_DATA_DIR", "/no/such/folder")],
            "error: the data folder /no/such/folder (environment SOUHRA_DATA_DIR) does not exist",
        ),
        (
            &[("SOUHRA_LOG", "info,[[[")],
            "error: SOUHRA_LOG is not a valid log filter",
        ),
    ];
    for (env, expected) in cases {
        let result = run_args(home.path(), &["migrate"], env);
        assert_eq!(result.code, 2, "{env:?}: {}", result.stderr);
        let line = error_line(&result);
        assert!(line.starts_with(expected), "{line}");
        assert!(!line.contains("secret"));
    }
}

#[test]
fn runtime_failures_are_one_line_with_exit_1() {
    let home = tempfile::tempdir().unwrap();
    let unreachable = run_args(
        home.path(),
        &["migrate"],
        &[("DATABASE_URL", "postgres://postgres:pw@127.0.0.1:1/test")],
    );
    assert_eq!(unreachable.code, 1);
    assert!(error_line(&unreachable).starts_with(
        "error: cannot connect to PostgreSQL postgres://postgres:***@127.0.0.1:1/test"
    ));

    let corrupt = tempfile::tempdir().unwrap();
    std::fs::write(
        corrupt.path().join("souhra.db"),
        b"this is a word-processor document, not a database".repeat(100),
    )
    .unwrap();
    let dir = corrupt.path().to_str().unwrap();
    let result = run_args(home.path(), &["migrate"], &[("SOUHRA_DATA_DIR", dir)]);
    assert_eq!(result.code, 1);
    assert!(
        error_line(&result).contains("is not a valid SQLite database"),
        "{}",
        result.stderr
    );

    // /sys exists but cannot be written, even by root.
    let read_only = run_args(home.path(), &["migrate"], &[("SOUHRA_DATA_DIR", "/sys")]);
    assert_eq!(read_only.code, 1);
    assert!(
        error_line(&read_only).starts_with("error: the data folder /sys is not writable"),
        "{}",
        read_only.stderr
    );

    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let busy = run_args(home.path(), &["serve", "--listen", &address], &[]);
    assert_eq!(busy.code, 1);
    assert!(
        error_line(&busy).contains("the address is already in use"),
        "{}",
        busy.stderr
    );
}

#[test]
fn config_shows_sources_and_masks_secrets() {
    let home = tempfile::tempdir().unwrap();
    let result = run_args(
        home.path(),
        &["config"],
        &[
            (
                "DATABASE_URL",
                "postgres://souhra:velmi-tajne@db.kraj.example:5432/souhra",
            ),
            ("SOUHRA_METRICS_TOKEN", "token-123456789"),
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.contains(
        "PostgreSQL postgres://souhra:***@db.kraj.example:5432/souhra  (environment DATABASE_URL)"
    ));
    assert!(
        result
            .stdout
            .contains("listen               127.0.0.1:8080  (default)")
    );
    assert!(!result.stdout.contains("velmi-tajne") && !result.stdout.contains("token-123456789"));
}

#[test]
fn migrate_creates_the_default_data_folder_and_is_repeatable() {
    let home = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let result = run_args(home.path(), &["migrate"], &[]);
        assert_eq!(result.code, 0, "{}", result.stderr);
        let latest = souhra_store::migration_versions()
            .0
            .last()
            .copied()
            .unwrap();
        assert!(
            result.stdout.contains(&format!("schema version {latest}")),
            "{}",
            result.stdout
        );
    }
    assert!(home.path().join(".local/share/souhra/souhra.db").is_file());
}

#[test]
fn backups_are_complete_copies() {
    let home = tempfile::tempdir().unwrap();
    let created = run_args(
        home.path(),
        &["area", "add", "--slug", "nepomuk", "--orp", "3207"],
        &[],
    );
    assert_eq!(created.code, 0, "{}", created.stderr);
    let copy = home.path().join("zaloha.db");
    let backup = run_args(
        home.path(),
        &["backup", "--to", copy.to_str().unwrap()],
        &[],
    );
    assert_eq!(backup.code, 0, "{}", backup.stderr);
    assert!(
        backup.stdout.starts_with("backup written to"),
        "{}",
        backup.stdout
    );
    // The copy is a working database: list its areas.
    let restored = home.path().join("obnova");
    std::fs::create_dir(&restored).unwrap();
    std::fs::copy(&copy, restored.join("souhra.db")).unwrap();
    let list = run_args(
        home.path(),
        &["area", "list"],
        &[("SOUHRA_DATA_DIR", restored.to_str().unwrap())],
    );
    assert!(
        list.stdout
            .starts_with("nepomuk\torp\tNepomuk\t26 municipalities"),
        "{}",
        list.stdout
    );
    // An existing file is never overwritten.
    let again = run_args(
        home.path(),
        &["backup", "--to", copy.to_str().unwrap()],
        &[],
    );
    assert_eq!(again.code, 2);
    assert!(error_line(&again).contains("already exists"));
}

#[test]
fn population_files_load_and_bad_ones_change_nothing() {
    let home = tempfile::tempdir().unwrap();
    let good = home.path().join("vek.csv");
    std::fs::write(&good, "kod_obce,referencni_datum,vek_od,vek_do,pocet\n558109,2021-01-01,0,14,600\n558109,2021-01-01,65,,800\n").unwrap();
    let result = run_args(
        home.path(),
        &["territory", "load", "--population", good.to_str().unwrap()],
        &[],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stdout.contains("6258 municipalities"),
        "{}",
        result.stdout
    );
    assert!(
        result.stdout.contains("population: 2 records"),
        "{}",
        result.stdout
    );

    let bad = home.path().join("spatne.csv");
    std::fs::write(&bad, "kod_obce,referencni_datum,vek_od,vek_do,pocet\n558109,2022-01-01,0,14,600\n558109,2022-01-01,65,,hodně\n").unwrap();
    let result = run_args(
        home.path(),
        &["territory", "load", "--population", bad.to_str().unwrap()],
        &[],
    );
    assert_eq!(result.code, 2);
    let line = error_line(&result);
    assert!(
        line.ends_with("spatne.csv, line 3, column \"pocet\": \"hodně\" is not a valid number"),
        "{line}"
    );

    let unknown = home.path().join("neznama.csv");
    std::fs::write(
        &unknown,
        "kod_obce,referencni_datum,obyvatele_celkem\n558109,2030-01-01,1\n500000,2030-01-01,2\n",
    )
    .unwrap();
    let result = run_args(
        home.path(),
        &[
            "territory",
            "load",
            "--population",
            unknown.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(result.code, 2);
    assert!(
        error_line(&result).contains("first 500000"),
        "{}",
        result.stderr
    );

    let found = run_args(home.path(), &["territory", "find", "nepomuk"], &[]);
    assert_eq!(found.code, 0);
    assert!(
        found
            .stdout
            .starts_with("558109\tNepomuk\tPlzeň-jih\tORP Nepomuk\t335 01\t3730"),
        "{}",
        found.stdout
    );
}

#[test]
fn areas_are_created_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let created = run_args(
        home.path(),
        &["area", "add", "--slug", "nepomuk", "--orp", "3207"],
        &[],
    );
    assert_eq!(created.code, 0, "{}", created.stderr);
    assert_eq!(
        created.stdout.trim(),
        "area nepomuk created: Nepomuk (26 municipalities, 11603 inhabitants)"
    );
    let set = run_args(
        home.path(),
        &[
            "area",
            "add",
            "--slug",
            "dve-obce",
            "--municipality",
            "558109,557943",
            "--name",
            "Dvě obce",
        ],
        &[],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let list = run_args(home.path(), &["area", "list"], &[]);
    assert_eq!(list.stdout.lines().count(), 2, "{}", list.stdout);
    for (args, expected) in [
        (
            &["area", "add", "--slug", "nepomuk", "--orp", "3207"][..],
            "already exists",
        ),
        (
            &["area", "add", "--slug", "x", "--orp", "9999"],
            "there is no ORP with the code 9999",
        ),
        (
            &["area", "add", "--slug", "Spatne Jmeno", "--orp", "3207"],
            "is not a valid area slug",
        ),
        (
            &["area", "add", "--slug", "static", "--orp", "3207"],
            "is reserved",
        ),
        (
            &["area", "add", "--slug", "y", "--region", "x"],
            "is not a valid region code",
        ),
    ] {
        let result = run_args(home.path(), args, &[]);
        assert_eq!(result.code, 2, "{args:?}: {}", result.stderr);
        assert!(
            error_line(&result).contains(expected),
            "{args:?}: {}",
            result.stderr
        );
    }
}

#[test]
fn the_first_administrator_comes_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let url = [("SOUHRA_PUBLIC_URL", "https://souhra.example")];
    let added = run_args(
        home.path(),
        &[
            "user",
            "add",
            "--email",
            "Spravce@Example.cz",
            "--role",
            "administrator",
        ],
        &url,
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let lines: Vec<&str> = added.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "spravce@example.cz: account created with the role administrator"
    );
    let link = lines[1]
        .strip_prefix("set the password within 7 days at: https://souhra.example/pozvanka/")
        .unwrap_or_else(|| panic!("{}", added.stdout));
    assert_eq!(link.len(), 64);
    // Roles below the administrator need an area, and a provider editor an organization.
    let area = run_args(
        home.path(),
        &["area", "add", "--slug", "nepomuk", "--orp", "3207"],
        &[],
    );
    assert_eq!(area.code, 0, "{}", area.stderr);
    for (args, expected) in [
        (
            &[
                "user",
                "add",
                "--email",
                "k@example.cz",
                "--role",
                "coordinator",
            ][..],
            "needs an area",
        ),
        (
            &[
                "user",
                "add",
                "--email",
                "k@example.cz",
                "--role",
                "boss",
                "--area",
                "nepomuk",
            ],
            "unknown role",
        ),
        (
            &[
                "user",
                "add",
                "--email",
                "k@",
                "--role",
                "coordinator",
                "--area",
                "nepomuk",
            ],
            "not an e-mail address",
        ),
        (
            &[
                "user",
                "add",
                "--email",
                "k@example.cz",
                "--role",
                "coordinator",
                "--area",
                "jinde",
            ],
            "no area",
        ),
        (
            &[
                "user",
                "add",
                "--email",
                "p@example.cz",
                "--role",
                "provider-editor",
                "--area",
                "nepomuk",
            ],
            "needs an organization",
        ),
    ] {
        let failed = run_args(home.path(), args, &[]);
        assert_eq!(failed.code, 2, "{args:?}: {}", failed.stdout);
        assert!(
            error_line(&failed).contains(expected),
            "{args:?}: {}",
            failed.stderr
        );
    }
    let mut command = souhra(home.path());
    command
        .args([
            "user",
            "add",
            "--email",
            "k@example.cz",
            "--role",
            "coordinator",
            "--area",
            "nepomuk",
            "--name",
            "Jana Nováková",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"dlouhe heslo koordinatorky\n").unwrap();
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("pozvanka"));
    let list = run_args(home.path(), &["user", "list"], &[]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(
        list.stdout,
        "k@example.cz\tJana Nováková\tcoordinator@nepomuk\nspravce@example.cz\tspravce@example.cz\tadministrator@*\n"
    );
}

#[test]
fn the_plan_benchmark_counts_statements_and_prints_the_pdf() {
    let home = tempfile::tempdir().unwrap();
    let run = run_args(
        home.path(),
        &[
            "bench",
            "plan",
            "--priorities",
            "2",
            "--measures",
            "3",
            "--activities",
            "4",
            "--rounds",
            "2",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("2 priorities, 4 goals, 3 measures, 4 activities"),
        "{}",
        run.stdout
    );
    let statements: u64 = run
        .stdout
        .split(" SQL statements per page")
        .next()
        .and_then(|before| before.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!((1..50).contains(&statements), "{statements}");
    assert!(run.stdout.contains("PDF: "), "{}", run.stdout);
}

#[test]
fn json_logs_are_one_object_per_line() {
    let home = tempfile::tempdir().unwrap();
    let result = run_args(
        home.path(),
        &["migrate"],
        &[("SOUHRA_LOG_FORMAT", "json"), ("SOUHRA_LOG", "info")],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let lines: Vec<&str> = result.stderr.lines().collect();
    assert!(!lines.is_empty());
    for line in lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(
            value["level"].is_string() && value["timestamp"].is_string(),
            "{line}"
        );
    }
}

#[test]
fn demo_serves_and_stops_cleanly_on_sigterm() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("demo");
    let mut child = souhra(home.path())
        .args([
            "demo",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let address = first
        .trim()
        .strip_prefix("Souhra demo is running at http://")
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_owned();

    let mut rest = String::new();
    for _ in 0..9 {
        stdout.read_line(&mut rest).unwrap();
    }
    assert!(rest.contains("catalogue: 40 fictional services"), "{rest}");
    // A demo login for every role.
    for role in [
        "administrator",
        "coordinator",
        "group-member",
        "provider-editor",
        "read-only",
    ] {
        assert!(
            rest.contains(&format!(
                "/ souhra-demo ({role}) at http://{address}/prihlaseni"
            )),
            "{role}: {rest}"
        );
    }

    let (status, body) = http_get(&address, "/healthz");
    assert_eq!((status, body.as_str()), (200, "ok\n"));
    let (status, home_page) = http_get(&address, "/");
    assert_eq!(status, 200);
    assert!(home_page.contains("ORP Nepomuk") && home_page.contains("Plzeňský kraj"));
    let (status, area) = http_get(&address, "/nepomuk");
    assert_eq!(status, 200);
    assert!(
        area.contains("Ukázková data"),
        "the demo area is marked as fictional"
    );
    assert_eq!(http_get(&address, "/readyz").0, 200);
    // The demo region has its fictional network in force.
    let (status, network) = http_get(&address, "/plzensky-kraj/sit");
    assert_eq!(status, 200);
    assert!(
        network.contains("(ukázka)") && network.contains("základní síť"),
        "{network}"
    );
    assert!(!network.contains("nemá platnou síť"), "{network}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status =
        wait_with_limit(child, Duration::from_secs(30)).expect("the demo did not stop within 30 s");
    assert!(status.success(), "{status:?}");
    assert!(data.join("souhra.db").is_file());

    // The demo provider has services nobody confirmed for over six months: one reminder.
    let env = [("SOUHRA_DATA_DIR", data.to_str().unwrap())];
    let dry = run_args(home.path(), &["remind", "--dry-run"], &env);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("poskytovatel@demo.souhra.example: "),
        "{}",
        dry.stdout
    );
    assert!(!data.join("mail").exists());
    let sent = run_args(home.path(), &["remind"], &env);
    assert_eq!(sent.code, 0, "{}", sent.stderr);
    assert!(
        sent.stdout.starts_with("reminders: 1 e-mails about "),
        "{}",
        sent.stdout
    );
    let mails: Vec<_> = std::fs::read_dir(data.join("mail")).unwrap().collect();
    assert_eq!(mails.len(), 1);
    // Quoted-printable soft line breaks undone.
    let mail = std::fs::read_to_string(mails[0].as_ref().unwrap().path())
        .unwrap()
        .replace("=\r\n", "");
    assert!(
        mail.contains("To: poskytovatel@demo.souhra.example"),
        "{mail}"
    );
    assert!(mail.contains("/sprava/nepomuk/sluzba/"), "{mail}");
    // Not again within a month.
    let again = run_args(home.path(), &["remind"], &env);
    assert!(
        again
            .stdout
            .starts_with("reminders: 0 e-mails about 0 services; 1 accounts"),
        "{}",
        again.stdout
    );
}

#[test]
fn the_same_commands_work_on_postgresql() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let database = match runtime.block_on(TestDatabase::postgres()) {
        Ok(database) => database,
        Err(error) if !testing::postgres_required() => {
            eprintln!(
                "PostgreSQL not reachable ({error}): skipping the PostgreSQL half of the CLI test"
            );
            return;
        }
        Err(error) => panic!("PostgreSQL is required when CI is set: {error}"),
    };
    let home = tempfile::tempdir().unwrap();
    let url = database.url();
    let env = [("DATABASE_URL", url.as_str())];
    let migrate = run_args(home.path(), &["migrate"], &env);
    assert_eq!(migrate.code, 0, "{}", migrate.stderr);
    assert!(
        migrate.stdout.starts_with("PostgreSQL postgres://"),
        "{}",
        migrate.stdout
    );
    let load = run_args(home.path(), &["territory", "load"], &env);
    assert_eq!(load.code, 0, "{}", load.stderr);
    assert!(
        load.stdout
            .contains("14 regions, 77 districts, 206 ORPs, 393 POUs, 6258 municipalities")
    );
    let area = run_args(
        home.path(),
        &["area", "add", "--slug", "nepomuk", "--orp", "3207"],
        &env,
    );
    assert_eq!(
        area.stdout.trim(),
        "area nepomuk created: Nepomuk (26 municipalities, 11603 inhabitants)",
        "{}",
        area.stderr
    );
    let found = run_args(home.path(), &["territory", "find", "plzen"], &env);
    assert!(
        found.stdout.starts_with("554791\tPlzeň\t"),
        "{}",
        found.stdout
    );
    drop(database);
}

#[test]
fn registry_files_import_and_reimport_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("rpss.json");
    let generated = run_args(
        home.path(),
        &[
            "gen",
            "registry",
            "--services",
            "120",
            "--region",
            "43",
            "-o",
            file.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(generated.code, 0, "{}", generated.stderr);
    assert!(
        generated.stdout.starts_with("generated 120 services"),
        "{}",
        generated.stdout
    );

    let without_area = run_args(
        home.path(),
        &["import", "mpsv", file.to_str().unwrap()],
        &[],
    );
    assert_eq!(without_area.code, 2);
    assert!(
        error_line(&without_area).contains("no planning areas yet"),
        "{}",
        without_area.stderr
    );

    assert_eq!(
        run_args(
            home.path(),
            &["area", "add", "--slug", "plzensky-kraj", "--region", "43"],
            &[]
        )
        .code,
        0
    );
    let dry = run_args(
        home.path(),
        &["import", "mpsv", "--dry-run", file.to_str().unwrap()],
        &[],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("dry run: nothing was stored"),
        "{}",
        dry.stdout
    );
    let first = run_args(
        home.path(),
        &["import", "mpsv", file.to_str().unwrap()],
        &[],
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("120 records read"),
        "{}",
        first.stdout
    );
    assert!(
        first.stdout.contains("added 120, updated 0"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("the catalogue was updated"));

    // Re-import from standard input: nothing changes.
    let mut command = souhra(home.path());
    command
        .args(["import", "mpsv", "-"])
        .stdin(Stdio::from(std::fs::File::open(&file).unwrap()));
    let again = run(command);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .contains("added 0, updated 0, ended 0, unchanged 120"),
        "{}",
        again.stdout
    );
}

#[test]
fn broken_or_invalid_registry_files_store_nothing() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(
        run_args(
            home.path(),
            &["area", "add", "--slug", "plzensky-kraj", "--region", "43"],
            &[]
        )
        .code,
        0
    );
    let file = home.path().join("rpss.json");
    assert_eq!(
        run_args(
            home.path(),
            &[
                "gen",
                "registry",
                "--services",
                "30",
                "--region",
                "43",
                "-o",
                file.to_str().unwrap()
            ],
            &[]
        )
        .code,
        0
    );
    let bytes = std::fs::read(&file).unwrap();

    let truncated = home.path().join("cut.json");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let result = run_args(
        home.path(),
        &["import", "mpsv", truncated.to_str().unwrap()],
        &[],
    );
    assert_eq!(result.code, 2);
    assert!(
        error_line(&result).contains("the file ends in the middle of record"),
        "{}",
        result.stderr
    );

    let text = String::from_utf8(bytes).unwrap();
    let first_ico = text
        .split("\"ico\":\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let invalid = home.path().join("invalid.json");
    std::fs::write(
        &invalid,
        text.replacen(
            &format!("\"ico\":\"{first_ico}\""),
            "\"ico\":\"12345678\"",
            1,
        ),
    )
    .unwrap();
    let result = run_args(
        home.path(),
        &["import", "mpsv", invalid.to_str().unwrap()],
        &[],
    );
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result
            .stdout
            .contains("polozky[0].poskytovatel.ico: \"12345678\" is not a valid IČO"),
        "{}",
        result.stdout
    );
    assert!(
        error_line(&result).contains("1 records were rejected, so nothing was stored"),
        "{}",
        result.stderr
    );
    let list = run_args(
        home.path(),
        &["import", "mpsv", "--dry-run", file.to_str().unwrap()],
        &[],
    );
    assert!(
        list.stdout.contains("added 30"),
        "nothing of the rejected import was kept: {}",
        list.stdout
    );

    let kept = run_args(
        home.path(),
        &[
            "import",
            "mpsv",
            "--skip-invalid",
            invalid.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(kept.code, 0, "{}", kept.stderr);
    assert!(kept.stdout.contains("added 29"), "{}", kept.stdout);
    let missing = run_args(home.path(), &["import", "mpsv", "/no/such/file.json"], &[]);
    assert_eq!(missing.code, 2);
    assert!(error_line(&missing).starts_with("error: cannot open /no/such/file.json"));
}

fn folder_files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn hsds_exports_import_elsewhere_and_export_the_same() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("rpss.json");
    let path = |name: &str| home.path().join(name).to_str().unwrap().to_owned();
    for args in [
        vec![
            "gen",
            "registry",
            "--services",
            "60",
            "--region",
            "43",
            "-o",
            file.to_str().unwrap(),
        ],
        vec!["area", "add", "--slug", "plzensky-kraj", "--region", "43"],
        vec!["import", "mpsv", file.to_str().unwrap()],
    ] {
        let step = run_args(home.path(), &args, &[]);
        assert_eq!(step.code, 0, "{args:?}: {}", step.stderr);
    }
    for (format, folder) in [("json", "json"), ("datapackage", "package")] {
        let export = run_args(
            home.path(),
            &["export", "hsds", "--format", format, "-o", &path(folder)],
            &[],
        );
        assert_eq!(export.code, 0, "{}", export.stderr);
        assert!(
            export
                .stdout
                .starts_with("exported 60 services as HSDS 3.0"),
            "{}",
            export.stdout
        );
        // Another installation takes the export and gives back the same files.
        let elsewhere = tempfile::tempdir().unwrap();
        let imported = run_args(elsewhere.path(), &["import", "hsds", &path(folder)], &[]);
        assert_eq!(imported.code, 0, "{}", imported.stderr);
        assert!(
            imported.stdout.contains("60 services read")
                && imported.stdout.contains("added 60, updated 0"),
            "{}",
            imported.stdout
        );
        let again = elsewhere.path().join("again");
        let export_again = run_args(
            elsewhere.path(),
            &[
                "export",
                "hsds",
                "--format",
                format,
                "-o",
                again.to_str().unwrap(),
            ],
            &[],
        );
        assert_eq!(export_again.code, 0, "{}", export_again.stderr);
        assert_eq!(
            folder_files(&again),
            folder_files(&home.path().join(folder)),
            "{format}"
        );
    }
    // Only an area's services.
    let area = run_args(
        home.path(),
        &[
            "export",
            "hsds",
            "--area",
            "plzensky-kraj",
            "-o",
            &path("area"),
        ],
        &[],
    );
    assert_eq!(area.code, 0, "{}", area.stderr);
    let unknown = run_args(
        home.path(),
        &["export", "hsds", "--area", "nikde", "-o", &path("x")],
        &[],
    );
    assert_eq!(unknown.code, 2);
    assert!(
        error_line(&unknown).contains("\"nikde\""),
        "{}",
        unknown.stderr
    );
}

#[test]
fn broken_hsds_files_store_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("hsds");
    std::fs::create_dir_all(&dir).unwrap();
    let import = |extra: &[&str]| {
        let mut args = vec!["import", "hsds"];
        args.extend_from_slice(extra);
        args.push(dir.to_str().unwrap());
        run_args(home.path(), &args, &[])
    };
    let nothing = import(&[]);
    assert_eq!(nothing.code, 2);
    assert!(error_line(&nothing).contains("neither services.json nor datapackage.json"));

    std::fs::write(dir.join("services.json"), "[{\"id\": \"a\", \"name\": 5").unwrap();
    let truncated = import(&[]);
    assert_eq!(truncated.code, 2);
    assert!(
        error_line(&truncated).contains("services.json"),
        "{}",
        truncated.stderr
    );

    std::fs::write(
        dir.join("services.json"),
        "[{\"id\": \"x\", \"name\": 5, \"status\": \"active\"}]",
    )
    .unwrap();
    let wrong_type = import(&[]);
    assert_eq!(wrong_type.code, 2);
    assert!(
        error_line(&wrong_type).contains("1 services were rejected"),
        "{}",
        wrong_type.stderr
    );
    assert!(
        wrong_type
            .stdout
            .contains("services.json[0].name: invalid type"),
        "{}",
        wrong_type.stdout
    );

    // A foreign service without a kind: named with its id and field; with a default kind it is
    // taken. A bad default kind is a usage error.
    let foreign = r#"[{"id": "ac148810-d857-441c-9679-408f346de14b", "name": "Poradna", "status": "active",
        "organization": {"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "name": "Spolek", "description": ""}}]"#;
    std::fs::write(dir.join("services.json"), foreign).unwrap();
    let no_kind = import(&[]);
    assert_eq!(no_kind.code, 2);
    assert!(
        no_kind
            .stdout
            .contains("ac148810-d857-441c-9679-408f346de14b")
            && no_kind.stdout.contains("services.json[0].attributes"),
        "{}",
        no_kind.stdout
    );
    assert_eq!(import(&["--default-kind", "999"]).code, 2);
    let dry = import(&["--default-kind", "37", "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("dry run: nothing was stored"),
        "{}",
        dry.stdout
    );
    let out = home.path().join("out");
    let empty = run_args(
        home.path(),
        &["export", "hsds", "-o", out.to_str().unwrap()],
        &[],
    );
    assert!(
        empty.stdout.starts_with("exported 0 services"),
        "{}",
        empty.stdout
    );
    let taken = import(&["--default-kind", "37"]);
    assert_eq!(taken.code, 0, "{}", taken.stderr);
    assert!(taken.stdout.contains("added 1"), "{}", taken.stdout);
}

#[test]
fn local_services_come_in_from_a_sheet_and_the_catalogue_goes_out_as_one() {
    let home = tempfile::tempdir().unwrap();
    let path = |name: &str| home.path().join(name).to_str().unwrap().to_owned();
    for (file, header) in [("sablona.csv", true), ("sablona.xlsx", false)] {
        let template = run_args(home.path(), &["export", "template", "-o", &path(file)], &[]);
        assert_eq!(template.code, 0, "{}", template.stderr);
        if header {
            let text = std::fs::read_to_string(path(file)).unwrap();
            assert!(
                text.starts_with("\u{feff}ID,Název služby,Druh služby"),
                "{text}"
            );
        }
    }
    assert!(
        std::fs::read(path("sablona.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
    let wrong = run_args(
        home.path(),
        &["export", "template", "-o", &path("sablona.ods")],
        &[],
    );
    assert_eq!(wrong.code, 2);
    assert!(
        error_line(&wrong).contains(".xlsx or .csv"),
        "{}",
        wrong.stderr
    );

    let sheet = "Název služby;Druh služby;Formy poskytování;Poskytovatel;Obec\r\n\
        Dluhová poradna;37;ambulantní;Poradna Nepomuk;Nepomuk (Plzeň-jih)\r\n\
        Neznámá služba;199;ambulantní;Poradna Nepomuk;Nepomuk (Plzeň-jih)\r\n";
    std::fs::write(path("sluzby.csv"), sheet).unwrap();
    let rejected = run_args(home.path(), &["import", "local", &path("sluzby.csv")], &[]);
    assert_eq!(rejected.code, 2);
    assert!(
        rejected
            .stdout
            .contains("sluzby.csv, line 3, Druh služby: \"199\""),
        "{}",
        rejected.stdout
    );
    assert!(error_line(&rejected).contains("1 rows were rejected"));
    let nothing = run_args(
        home.path(),
        &["export", "catalogue", "-o", &path("katalog.csv")],
        &[],
    );
    assert!(
        nothing.stdout.starts_with("exported 0 services"),
        "{}",
        nothing.stdout
    );

    let skipping = run_args(
        home.path(),
        &["import", "local", "--skip-invalid", &path("sluzby.csv")],
        &[],
    );
    assert_eq!(skipping.code, 0, "{}", skipping.stderr);
    assert!(
        skipping.stdout.contains("added 1, updated 0"),
        "{}",
        skipping.stdout
    );

    // Czech Excel's plain CSV is Windows-1250: refused with advice, read when asked.
    let excel = sheet.replace("Neznámá služba;199", "Poradna pro ženy;37");
    let (cp1250, _, _) = encoding_rs::WINDOWS_1250.encode(&excel);
    std::fs::write(path("excel.csv"), &*cp1250).unwrap();
    let refused = run_args(home.path(), &["import", "local", &path("excel.csv")], &[]);
    assert_eq!(refused.code, 2);
    assert!(
        error_line(&refused).contains("--encoding windows-1250"),
        "{}",
        refused.stderr
    );
    let taken = run_args(
        home.path(),
        &[
            "import",
            "local",
            "--encoding",
            "windows-1250",
            &path("excel.csv"),
        ],
        &[],
    );
    assert_eq!(taken.code, 0, "{}", taken.stderr);
    assert!(
        taken.stdout.contains("added 1, updated 1"),
        "{}",
        taken.stdout
    );

    for (file, extra) in [
        ("katalog.csv", vec!["--semicolon"]),
        ("katalog.xlsx", vec![]),
    ] {
        let mut args = vec!["export", "catalogue", "-o"];
        let target = path(file);
        args.push(&target);
        args.extend(extra);
        let export = run_args(home.path(), &args, &[]);
        assert_eq!(export.code, 0, "{}", export.stderr);
        assert!(
            export.stdout.starts_with("exported 2 services"),
            "{}",
            export.stdout
        );
    }
    let text = std::fs::read_to_string(path("katalog.csv")).unwrap();
    assert!(
        text.contains(";Poradna pro ženy;§ 37 odborné sociální poradenství;"),
        "{text}"
    );
    // The exported workbook imports again: nothing new, both updated.
    let again = run_args(
        home.path(),
        &["import", "local", &path("katalog.xlsx")],
        &[],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.contains("added 0, updated 2"),
        "{}",
        again.stdout
    );
}

fn found(run: &Run) -> u64 {
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .split(" services found")
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no count in {}", run.stdout))
}

#[test]
fn search_follows_the_catalogue_without_a_manual_rebuild() {
    let home = tempfile::tempdir().unwrap();
    let file = |n: &str| home.path().join(format!("rpss-{n}.json"));
    for n in ["60", "20"] {
        let generated = run_args(
            home.path(),
            &[
                "gen",
                "registry",
                "--services",
                n,
                "--region",
                "43",
                "-o",
                file(n).to_str().unwrap(),
            ],
            &[],
        );
        assert_eq!(generated.code, 0, "{}", generated.stderr);
    }
    let area = run_args(
        home.path(),
        &["area", "add", "--slug", "plzensky-kraj", "--region", "43"],
        &[],
    );
    assert_eq!(area.code, 0, "{}", area.stderr);
    let import = run_args(
        home.path(),
        &["import", "mpsv", file("60").to_str().unwrap()],
        &[],
    );
    assert_eq!(import.code, 0, "{}", import.stderr);
    let ended: u64 = import
        .stdout
        .split("ended ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no ended count in {}", import.stdout));

    // The first query builds the index; ended services are left out.
    let all = run_args(home.path(), &["search", "query"], &[]);
    assert_eq!(found(&all), 60 - ended, "{}", all.stdout);
    let rebuilt = run_args(home.path(), &["search", "rebuild"], &[]);
    assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
    assert!(
        rebuilt.stdout.starts_with("indexed 60 services"),
        "{}",
        rebuilt.stdout
    );

    // Plzeň (554791) is served by some of them, with distances from it.
    let near = run_args(
        home.path(),
        &[
            "search",
            "query",
            "--serves",
            "554791",
            "--nearest",
            "--limit",
            "3",
        ],
        &[],
    );
    assert!(found(&near) > 0, "{}", near.stdout);
    assert!(near.stdout.contains(" km"), "{}", near.stdout);

    // A smaller registry file ends the services missing from it; search sees it at once.
    let again = run_args(
        home.path(),
        &["import", "mpsv", file("20").to_str().unwrap()],
        &[],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    let fewer = run_args(home.path(), &["search", "query"], &[]);
    assert!(found(&fewer) < 60 - ended, "{}", fewer.stdout);

    let ambiguous = run_args(home.path(), &["search", "query", "--serves", "Lhota"], &[]);
    assert_eq!(ambiguous.code, 2);
    assert!(
        error_line(&ambiguous).contains("give the code of one"),
        "{}",
        ambiguous.stderr
    );
    let nearest_alone = run_args(home.path(), &["search", "query", "--nearest"], &[]);
    assert_eq!(nearest_alone.code, 2);
}

#[test]
fn an_area_gets_its_own_life_situations_and_bad_files_change_nothing() {
    let home = tempfile::tempdir().unwrap();
    let area = run_args(
        home.path(),
        &["area", "add", "--slug", "nepomuk", "--orp", "3207"],
        &[],
    );
    assert_eq!(area.code, 0, "{}", area.stderr);
    let defaults = run_args(
        home.path(),
        &["situations", "show", "--area", "nepomuk"],
        &[],
    );
    assert_eq!(defaults.code, 0, "{}", defaults.stderr);
    assert!(
        defaults
            .stdout
            .starts_with("klic,nazev,druhy,cilove_skupiny\n")
    );
    assert!(
        defaults
            .stdout
            .contains("starnu-doma,,40;39;41;43;42,seniori\n")
    );

    let file = home.path().join("situace.csv");
    std::fs::write(
        &file,
        "klic,nazev,druhy,cilove_skupiny\nnoc,Pomoc v noci,57;63,\nmam-dluhy,,37,\n",
    )
    .unwrap();
    let set = run_args(
        home.path(),
        &[
            "situations",
            "set",
            "--area",
            "nepomuk",
            file.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let own = run_args(
        home.path(),
        &["situations", "show", "--area", "nepomuk"],
        &[],
    );
    assert_eq!(
        own.stdout,
        "klic,nazev,druhy,cilove_skupiny\nnoc,Pomoc v noci,57;63,\nmam-dluhy,,37,\n"
    );

    // An unknown kind: exit 2 naming line and column, the list unchanged.
    std::fs::write(
        &file,
        "klic,nazev,druhy,cilove_skupiny\nnoc,Pomoc v noci,99,\n",
    )
    .unwrap();
    let bad = run_args(
        home.path(),
        &[
            "situations",
            "set",
            "--area",
            "nepomuk",
            file.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("line 2, column \"druhy\": \"99\" is not in the codelist"),
        "{}",
        bad.stderr
    );
    let unchanged = run_args(
        home.path(),
        &["situations", "show", "--area", "nepomuk"],
        &[],
    );
    assert_eq!(unchanged.stdout, own.stdout);

    let nowhere = run_args(home.path(), &["situations", "show", "--area", "nikde"], &[]);
    assert_eq!(nowhere.code, 2);
    let reset = run_args(
        home.path(),
        &["situations", "reset", "--area", "nepomuk"],
        &[],
    );
    assert_eq!(reset.code, 0);
    let again = run_args(
        home.path(),
        &["situations", "show", "--area", "nepomuk"],
        &[],
    );
    assert_eq!(again.stdout, defaults.stdout);
}

#[test]
fn the_printed_catalogue_is_written_whole_with_the_coordinator() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("rpss.json");
    let path = file.to_str().unwrap();
    for args in [
        &[
            "gen",
            "registry",
            "--services",
            "30",
            "--region",
            "43",
            "-o",
            path,
        ][..],
        &["area", "add", "--slug", "plzensky-kraj", "--region", "43"],
        &["import", "mpsv", path],
    ] {
        let done = run_args(home.path(), args, &[]);
        assert_eq!(done.code, 0, "{args:?}: {}", done.stderr);
    }
    // No contacts yet; a bad e-mail is refused and changes nothing.
    let shown = run_args(
        home.path(),
        &["area", "contact", "--area", "plzensky-kraj"],
        &[],
    );
    assert!(
        shown.stdout.contains("has no coordinator's contacts yet"),
        "{}",
        shown.stdout
    );
    let bad = run_args(
        home.path(),
        &[
            "area",
            "contact",
            "--area",
            "plzensky-kraj",
            "--email",
            "nikdo",
        ],
        &[],
    );
    assert_eq!(bad.code, 2);
    assert!(error_line(&bad).contains("e-mail"), "{}", bad.stderr);
    let set = run_args(
        home.path(),
        &[
            "area",
            "contact",
            "--area",
            "plzensky-kraj",
            "--office",
            "Odbor sociálních věcí, Krajský úřad",
            "--email",
            "socialni@kraj.example",
        ],
        &[],
    );
    assert_eq!(set.code, 0, "{}", set.stderr);

    let pdf = home.path().join("katalog.pdf");
    let made = run_args(
        home.path(),
        &[
            "catalogue",
            "pdf",
            "--area",
            "plzensky-kraj",
            "--by",
            "kind",
            "--paper",
            "a5",
            "-o",
            pdf.to_str().unwrap(),
        ],
        &[("SOUHRA_PUBLIC_URL", "https://katalog.example.cz")],
    );
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(made.stdout.contains(" pages, "), "{}", made.stdout);
    let bytes = std::fs::read(&pdf).unwrap();
    let text = souhra_docs::testing::poppler("pdftotext", &[], &bytes);
    souhra_docs::testing::assert_in_order(
        &text,
        &[
            "Katalog sociálních služeb",
            "Obsah",
            "druhu sociální služby",
            "Rejstřík poskytovatelů",
            "Rejstřík obcí",
            "Koordinátor plánování sociálních služeb",
            "Odbor sociálních věcí, Krajský úřad",
            "socialni@kraj.example",
        ],
    );
    // A5, one service a page (some of the 30 generated may have ended).
    assert!(souhra_docs::testing::page_count(&bytes) > 20);

    // Wrong area: exit 2; an unwritable place: exit 1 and no half-written file.
    let unknown = run_args(
        home.path(),
        &[
            "catalogue",
            "pdf",
            "--area",
            "nikde",
            "-o",
            pdf.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(unknown.code, 2);
    assert!(error_line(&unknown).contains("nikde"), "{}", unknown.stderr);
    let nowhere = home.path().join("missing-folder/katalog.pdf");
    let failed = run_args(
        home.path(),
        &[
            "catalogue",
            "pdf",
            "--area",
            "plzensky-kraj",
            "-o",
            nowhere.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(failed.code, 1, "{}", failed.stderr);
    assert!(!home.path().join("missing-folder").exists());
}

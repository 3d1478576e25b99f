//! Embeds `migrations/sqlite/*.sql` and `migrations/postgres/*.sql` so the binary carries its
//! schema. File names are `<version>_<description>.sql`; both folders must hold the same versions
//! (the store tests check it).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn migrations(dir: &Path) -> Vec<(i64, String, PathBuf)> {
    let mut found = Vec::new();
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read migrations folder {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .path();
        if path.extension().is_none_or(|ext| ext != "sql") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("migration file name {} is not UTF-8", path.display()));
        let (version, description) = stem.split_once('_').unwrap_or_else(|| {
            panic!("migration {stem} must be named <version>_<description>.sql")
        });
        let version: i64 = version
            .parse()
            .unwrap_or_else(|_| panic!("migration {stem} does not start with a number"));
        found.push((
            version,
            description.replace('_', " "),
            path.canonicalize().unwrap_or(path),
        ));
    }
    found.sort();
    found
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut code = String::new();
    for (backend, constant) in [("sqlite", "SQLITE"), ("postgres", "POSTGRES")] {
        let dir = manifest.join("migrations").join(backend);
        // Package-relative, so a target folder shared by several checkouts stays correct.
        println!("cargo:rerun-if-changed=migrations/{backend}");
        let _ = writeln!(
            code,
            "/// Embedded {backend} migrations: (version, description, SQL)."
        );
        let _ = writeln!(
            code,
            "pub(crate) static {constant}: &[(i64, &str, &str)] = &["
        );
        for (version, description, path) in migrations(&dir) {
            let file = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let _ = writeln!(
                code,
                "    ({version}, {description:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/migrations/{backend}/{file}\"))),"
            );
        }
        code.push_str("];\n");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("migrations.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

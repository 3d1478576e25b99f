//! Embeds `templates/`, `static/` and `locales/` so the binary serves its pages with no files
//! beside it. Adding a template, asset or language file needs a rebuild but no code change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .path();
        if path.is_file() {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_else(|| panic!("file name {} is not UTF-8", path.display()))
                .to_owned();
            found.push((name, path.canonicalize().unwrap_or(path)));
        }
    }
    found.sort();
    found
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut code = String::new();
    for (folder, constant, macro_name, kind) in [
        ("templates", "TEMPLATES", "include_str", "&str"),
        ("static", "STATIC_FILES", "include_bytes", "&[u8]"),
        ("locales", "LOCALES", "include_str", "&str"),
    ] {
        let dir = manifest.join(folder);
        // Package-relative, so a target folder shared by several checkouts stays correct.
        println!("cargo:rerun-if-changed={folder}");
        let _ = writeln!(code, "/// Files of `{folder}/`: (file name, contents).");
        let _ = writeln!(code, "pub(crate) static {constant}: &[(&str, {kind})] = &[");
        for (name, path) in files(&dir) {
            let _ = writeln!(
                code,
                "    ({name:?}, {macro_name}!({:?})),",
                path.display().to_string()
            );
        }
        code.push_str("];\n");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("embedded.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

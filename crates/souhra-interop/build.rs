//! Embeds every CSV and JSON file under the workspace's `data/` folder into the crate, so that the shipped
//! binary carries its territory, population and codelist data and never reads the source tree.
//! Adding a file (a newer population file, say) needs a rebuild but no code change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read data folder {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            collect(&path, root, out);
        } else if path
            .extension()
            .is_some_and(|ext| ext == "csv" || ext == "json")
        {
            let relative = path
                .strip_prefix(root)
                .unwrap_or_else(|e| panic!("{} outside data folder: {e}", path.display()))
                .to_string_lossy()
                .replace('\\', "/");
            out.push((relative, path));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../../data");
    let root = root
        .canonicalize()
        .unwrap_or_else(|e| panic!("data folder {} not found: {e}", root.display()));
    // Relative to the package, and included through CARGO_MANIFEST_DIR below: a target folder
    // shared by several checkouts (CI's cache) must never embed another checkout's files.
    println!("cargo:rerun-if-changed=../../data");

    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();

    let mut code = String::from("/// Files of `data/`, path relative to it, sorted by path.\n");
    code.push_str("pub static FILES: &[BundledFile] = &[\n");
    for (relative, _path) in &files {
        let _ = writeln!(
            code,
            "    BundledFile {{ path: {relative:?}, bytes: include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/../../data/{relative}\")) }},"
        );
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bundled_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

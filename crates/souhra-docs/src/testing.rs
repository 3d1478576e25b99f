//! Helpers for tests that read generated PDFs back (feature `testing`): poppler-utils'
//! pdftotext, pdfinfo and pdffonts.
#![allow(clippy::unwrap_used, clippy::missing_panics_doc)]

use std::process::Command;

use crate::Metadata;

/// A fixed creation time (2026-11-23 10:00 UTC).
pub fn meta() -> Metadata {
    Metadata {
        created: chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z")
            .unwrap()
            .to_utc(),
    }
}

/// Runs a poppler tool (`pdftotext` writes to standard output) on the PDF and returns what it
/// printed; panics when the tool is missing or fails.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (apt-get install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The page count pdfinfo reports.
pub fn page_count(pdf: &[u8]) -> usize {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// Fonts pdffonts lists that are not embedded (the table's `emb` column says `no`).
pub fn fonts_not_embedded(pdf: &[u8]) -> Vec<String> {
    poppler("pdffonts", &[], pdf)
        .lines()
        .skip(2)
        .filter(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            // name type [encoding words…] emb sub uni object id: emb is 5th from the end.
            columns.len() >= 6 && columns[columns.len() - 5] == "no"
        })
        .map(str::to_owned)
        .collect()
}

/// Words (with their right edge in points) that reach further right than `limit` points on any
/// page, from `pdftotext -bbox`.
pub fn words_beyond(pdf: &[u8], limit: f64) -> Vec<(String, f64)> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    html.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line.strip_prefix("<word ")?;
            let x_max: f64 = rest
                .split("xMax=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()?;
            let word = rest.split('>').nth(1)?.split('<').next()?.to_owned();
            (x_max > limit).then_some((word, x_max))
        })
        .collect()
}

/// Asserts that the needles occur in `text` in this order, each after the one before.
pub fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{needle:?} missing after byte {from} (order {needles:?}):\n{text}"),
        }
    }
}

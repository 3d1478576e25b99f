//! Interface texts: every key a template uses exists in the translation files, and no Czech text
//! is written into Rust code of the interface (it belongs in `locales/*.ftl`).
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use souhra_core::catalogue::LocalField;
use souhra_core::codelist::{Form, IdStatus, KindCategory};
use souhra_core::territory::MunicipalityKind;
use souhra_store::history::{ChangeSource, ProposalStatus};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path, extension));
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn czech_keys() -> BTreeSet<String> {
    let source = std::fs::read_to_string(crate_dir().join("locales/cs.ftl")).unwrap();
    source
        .lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(key, _)| key.to_owned())
        .filter(|key| !key.starts_with(['#', ' ']) && !key.is_empty())
        .collect()
}

fn serde_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// Keys built in templates as `t("prefix" ~ value)`, with every value they can take.
fn dynamic_keys() -> Vec<(&'static str, Vec<String>)> {
    vec![
        (
            "municipality-kind-",
            MunicipalityKind::ALL.into_iter().map(serde_name).collect(),
        ),
        (
            "area-kind-",
            vec!["region".into(), "orp".into(), "municipalities".into()],
        ),
        (
            "kind-category-",
            KindCategory::ALL.into_iter().map(serde_name).collect(),
        ),
        ("form-", Form::ALL.into_iter().map(serde_name).collect()),
        (
            "id-status-",
            [IdStatus::Confirmed, IdStatus::Inferred, IdStatus::Unknown]
                .into_iter()
                .map(serde_name)
                .collect(),
        ),
        (
            "verified-level-",
            ["fresh", "aging", "stale", "never"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        ),
        (
            "facet-",
            ["kind", "target", "form", "age"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        ),
        (
            "unit-",
            ["municipality", "orp", "district", "region"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        ),
        ("weekday-", (1..=7).map(|d| d.to_string()).collect()),
        (
            "language-name-",
            vec!["cs".into(), "en".into(), "uk".into()],
        ),
        (
            "settings-contact-",
            ["office", "person", "address", "phone", "email", "web"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        ),
        (
            "audit-action-",
            [
                "service", "proposal", "report", "account", "area", "codelist",
            ]
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        ),
        (
            "change-source-",
            [
                ChangeSource::Edit,
                ChangeSource::Moderation,
                ChangeSource::Restore,
                ChangeSource::Verification,
                ChangeSource::Registry,
            ]
            .iter()
            .map(|s| s.key().to_owned())
            .collect(),
        ),
        (
            "proposal-status-",
            [
                ProposalStatus::Open,
                ProposalStatus::Approved,
                ProposalStatus::Rejected,
            ]
            .iter()
            .map(|s| s.key().to_owned())
            .collect(),
        ),
        (
            "field-",
            LocalField::ALL
                .iter()
                .map(|f| f.key().to_owned())
                .chain(["verified-at".to_owned()])
                .collect(),
        ),
        (
            "plan-kind-",
            souhra_core::plan::PlanKind::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "plan-status-",
            souhra_core::plan::PlanStatus::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "funding-",
            souhra_core::plan::FundingSource::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        ("planning-move-", vec!["nahoru".into(), "dolu".into()]),
        (
            "network-type-",
            souhra_core::network::NetworkType::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "group-kind-",
            souhra_core::group::GroupKind::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "triad-",
            souhra_core::plan::TriadRole::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "presence-",
            souhra_core::group::Presence::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "activity-status-",
            souhra_core::plan::ActivityStatus::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "survey-status-",
            souhra_core::survey::SurveyStatus::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "survey-kind-",
            souhra_core::survey::QuestionKind::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "analysis-sort-",
            ["obec", "obyvatele", "dostupnost", "vzdalenost"]
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
        ),
        (
            "indicator-status-",
            souhra_core::plan::IndicatorStatus::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "planning-kind-",
            souhra_core::plan::ElementKind::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "planning-add-",
            souhra_core::plan::ElementKind::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "planning-to-",
            souhra_core::plan::PlanStatus::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "settlement-",
            souhra_core::comment::Settlement::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "identification-",
            souhra_core::comment::Identification::ALL
                .iter()
                .map(|k| k.key().to_owned())
                .collect(),
        ),
        (
            "diff-change-",
            ["added", "removed", "changed"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        ),
        (
            "diff-field-",
            [
                "title",
                "body",
                "justification",
                "target_groups",
                "responsible",
                "partners",
                "when",
                "outputs",
                "budget",
            ]
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        ),
        (
            "planning-direction-",
            vec!["increase".into(), "decrease".into()],
        ),
        (
            "error-",
            ["400", "403", "404", "500", "503"]
                .iter()
                .flat_map(|c| [format!("{c}-title"), format!("{c}-text")])
                .collect(),
        ),
    ]
}

#[test]
fn every_template_key_exists() {
    let keys = czech_keys();
    let dynamic = dynamic_keys();
    let mut missing = Vec::new();
    for template in files(&crate_dir().join("templates"), "html") {
        let source = std::fs::read_to_string(&template).unwrap();
        let calls = source.match_indices("t(").filter(|(at, _)| {
            // `t(` itself, not the end of `asset(` or another name.
            !source[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        for piece in calls.map(|(at, _)| &source[at + 2..]) {
            let Some(quote) = piece.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            let Some(end) = piece[1..].find(quote) else {
                continue;
            };
            let key = &piece[1..=end];
            let rest = piece[end + 2..].trim_start();
            if rest.starts_with('~') {
                let (_, values) = dynamic
                    .iter()
                    .find(|(prefix, _)| *prefix == key)
                    .unwrap_or_else(|| {
                        panic!(
                            "{}: dynamic key prefix {key:?} is not listed in this test",
                            template.display()
                        )
                    });
                missing.extend(
                    values
                        .iter()
                        .map(|v| format!("{key}{v}"))
                        .filter(|k| !keys.contains(k)),
                );
            } else if !keys.contains(key) {
                missing.push(key.to_owned());
            }
        }
    }
    let error_page = std::fs::read_to_string(crate_dir().join("templates/error.html")).unwrap();
    assert!(error_page.contains("t(\"error-\" ~ status ~ \"-title\")"));
    for (prefix, values) in dynamic.iter().filter(|(p, _)| *p == "error-") {
        missing.extend(
            values
                .iter()
                .map(|v| format!("{prefix}{v}"))
                .filter(|k| !keys.contains(k)),
        );
    }
    assert!(
        missing.is_empty(),
        "keys used by templates but missing from locales/cs.ftl: {missing:?}"
    );
}

/// Keys the Rust code builds from stored values: every audit action, codelist and service
/// status has its text.
#[test]
fn keys_built_in_code_exist() {
    let keys = czech_keys();
    let mut wanted: Vec<String> = souhra_store::history::AUDIT_ACTIONS
        .iter()
        .map(|a| format!("audit-event-{}", a.replace('.', "-")))
        .collect();
    wanted.extend(
        souhra_core::codelist::Codelist::ALL
            .iter()
            .map(|c| format!("codelist-{}", c.key().replace('_', "-"))),
    );
    wanted.extend(
        souhra_core::plan::ElementKind::ALL
            .iter()
            .map(|k| format!("planning-new-{}", k.key())),
    );
    wanted.extend(
        [
            "no-reference",
            "duplicate",
            "kind",
            "no-title",
            "missing-parent",
            "wrong-parent",
            "no-parent-allowed",
            "cycle",
            "date",
            "reversed",
            "group",
            "element",
            "year",
            "source",
            "amount",
        ]
        .iter()
        .map(|k| format!("import-problem-{k}")),
    );
    wanted.extend(
        [
            "reference",
            "kind",
            "parent",
            "title",
            "text",
            "groups",
            "organization",
            "person",
            "partners",
            "start",
            "end",
            "outputs",
            "year",
            "source",
            "amount",
        ]
        .iter()
        .map(|k| format!("import-col-{k}")),
    );
    wanted.extend(
        ["active", "suspended", "ended"]
            .iter()
            .map(|s| format!("service-status-{s}")),
    );
    wanted.extend(
        ["announced", "open", "over"]
            .iter()
            .map(|s| format!("comment-period-{s}")),
    );
    wanted.extend(
        souhra_core::comment::Settlement::ALL
            .iter()
            .map(|s| format!("settlement-{}", s.key())),
    );

    for status in ["active", "suspended", "ended"] {
        assert!(souhra_core::catalogue::ServiceStatus::from_key(status).is_some());
    }
    let missing: Vec<&String> = wanted.iter().filter(|k| !keys.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "missing from locales/cs.ftl: {missing:?}"
    );
}

#[test]
fn rust_code_of_the_interface_holds_no_czech_text() {
    const CZECH_LETTERS: &str = "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ";
    let mut offenders = Vec::new();
    for dir in [
        crate_dir().join("src"),
        crate_dir().join("../souhra/src"),
        crate_dir().join("../souhra-docs/src"),
    ] {
        for file in files(&dir, "rs") {
            let source = std::fs::read_to_string(&file).unwrap();
            // Unit tests at the end of a file may use Czech sample data.
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for (number, line) in code.lines().enumerate() {
                let trimmed = line.trim_start();
                if trimmed.starts_with("//") {
                    continue;
                }
                if line.chars().any(|c| CZECH_LETTERS.contains(c)) {
                    offenders.push(format!("{}:{}: {}", file.display(), number + 1, trimmed));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "move these texts into locales/*.ftl:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn every_document_text_exists() {
    let keys = czech_keys();
    let mut wanted: Vec<String> = souhra_docs::catalogue::LABEL_KEYS
        .iter()
        .map(|k| format!("doc-{}", k.replace('_', "-")))
        .chain(
            souhra_docs::plan::PLAN_LABEL_KEYS
                .iter()
                .map(|k| format!("doc-plan-{}", k.replace('_', "-"))),
        )
        .chain(
            souhra_docs::settlement::SETTLEMENT_LABEL_KEYS
                .iter()
                .map(|k| format!("doc-settlement-{}", k.replace('_', "-"))),
        )
        .collect();
    // Keys the document code names literally ("doc-…"), and those it builds.
    let source = std::fs::read_to_string(crate_dir().join("src/documents.rs")).unwrap();
    for piece in source.split('"').skip(1).step_by(2) {
        if piece.starts_with("doc-") && !piece.ends_with('-') && !piece.contains('{') {
            wanted.push(piece.to_owned());
        }
    }
    wanted.extend((1..=7).map(|d| format!("doc-weekday-{d}")));
    wanted.extend(
        ["target-group", "kind", "municipality"]
            .iter()
            .map(|g| format!("doc-how-by-{g}")),
    );
    let missing: Vec<&String> = wanted.iter().filter(|k| !keys.contains(*k)).collect();
    assert!(wanted.len() > 40, "{wanted:?}");
    assert!(
        missing.is_empty(),
        "missing from locales/cs.ftl: {missing:?}"
    );
}

//! A plan's PDF read back with poppler-utils: cover, vision, chapters, priorities, goals and
//! measures in order with their budget and indicators; missing labels refused.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use souhra_docs::plan::{
    Block, BlockKind, IndicatorLine, MeasureDoc, MoneyLine, PLAN_LABEL_KEYS, PlanDocument, Section,
    YearDoc, YearPlanDoc, YearPriorityDoc, YearRow,
};
use souhra_docs::testing::{assert_in_order, fonts_not_embedded, meta, poppler};
use souhra_docs::{DocumentError, Engine};

fn paragraph(text: &str) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        text: text.into(),
    }
}

fn measure(number: &str, title: &str) -> MeasureDoc {
    MeasureDoc {
        number: number.into(),
        title: title.into(),
        blocks: vec![
            paragraph("Služba bude jezdit do všech obcí."),
            Block {
                kind: BlockKind::Item,
                text: "dva nové úvazky".into(),
            },
        ],
        facts: vec![("Odpovídá".into(), "Město Nepomuk".into())],
        money: vec![
            MoneyLine {
                year: "2026".into(),
                source: "obec".into(),
                amount: "450 000 Kč".into(),
            },
            MoneyLine {
                year: "2027".into(),
                source: "dotace MPSV".into(),
                amount: "600 000 Kč".into(),
            },
        ],
        total: "1 050 000 Kč".into(),
        indicators: vec![IndicatorLine {
            name: "Klienti pečovatelské služby (osob)".into(),
            baseline: "80 (2025)".into(),
            target: "110 (2028)".into(),
            measured: "2026: 92".into(),
            status: "podle plánu".into(),
        }],
        activities: vec![("1.1.1.1".into(), "Služební automobil – 350 000 Kč".into())],
    }
}

fn plan() -> PlanDocument {
    PlanDocument {
        lang: "cs".into(),
        title: "Komunitní plán ORP Nepomuk 2026–2028".into(),
        keywords: vec!["komunitní plán".into()],
        area: "Nepomuk".into(),
        kind: "Komunitní plán rozvoje sociálních služeb, 2026–2028".into(),
        status: "platný, schválen usnesením ZM/45/2025".into(),
        edition: "23. 11. 2026".into(),
        demo: Some("Ukázka: obsah je vymyšlený.".into()),
        labels: PLAN_LABEL_KEYS
            .iter()
            .map(|k| ((*k).to_owned(), format!("[{k}]")))
            .collect::<BTreeMap<_, _>>(),
        vision: vec![paragraph("Pomoc co nejblíže domovu.")],
        chapters: vec![Section {
            number: "1".into(),
            title: "Jak plán vznikl".into(),
            blocks: vec![paragraph("Plán psaly pracovní skupiny.")],
            children: vec![],
        }],
        priorities: vec![Section {
            number: "1".into(),
            title: "Senioři doma".into(),
            blocks: vec![],
            children: vec![Section {
                number: "1.1".into(),
                title: "Terénní péče všude".into(),
                blocks: vec![],
                children: vec![
                    measure("1.1.1", "Rozšířit pečovatelskou službu"),
                    measure("1.1.2", "Odlehčovací služba"),
                ],
            }],
        }],
        total: "2 100 000 Kč".into(),
        year: None,
        network: None,
    }
}

#[test]
fn a_plan_prints_in_order_with_money_and_indicators() {
    let pdf = Engine::new().plan(&plan(), &meta()).unwrap();
    assert!(pdf.pages >= 3, "{}", pdf.pages);
    let text = poppler("pdftotext", &[], &pdf.bytes);
    assert_in_order(
        &text,
        &[
            "Komunitní plán rozvoje sociálních služeb, 2026–2028",
            "platný, schválen usnesením ZM/45/2025",
            "Ukázka: obsah je vymyšlený.",
            "[contents]",
            "[vision]",
            "Pomoc co nejblíže domovu.",
            "Jak plán vznikl",
            "[priority] 1: Senioři doma",
            "[goal] 1.1: Terénní péče všude",
            "[measure] 1.1.1: Rozšířit pečovatelskou službu",
            "Město Nepomuk",
            "450 000 Kč",
            "1 050 000 Kč",
            "Klienti pečovatelské služby",
            "podle plánu",
            "Služební automobil",
            "[measure] 1.1.2: Odlehčovací služba",
            "[total_all]",
            "2 100 000 Kč",
        ],
    );
    assert!(fonts_not_embedded(&pdf.bytes).is_empty());
}

#[test]
fn a_plan_without_every_label_is_refused() {
    let mut incomplete = plan();
    incomplete.labels.remove("budget");
    assert!(matches!(
        Engine::new().plan(&incomplete, &meta()),
        Err(DocumentError::Typeset(message)) if message.contains("budget")
    ));
}

fn row(group: bool, number: &str, title: &str, note: &str, status: &str) -> YearRow {
    YearRow {
        group,
        number: number.into(),
        title: title.into(),
        note: note.into(),
        planned: if group {
            String::new()
        } else {
            "600 000 Kč".into()
        },
        status: status.into(),
        spent: if group {
            String::new()
        } else {
            "580 000 Kč".into()
        },
    }
}

#[test]
fn a_balance_report_prints_its_tables_with_results_and_totals() {
    let mut report = plan();
    report.title = "Bilanční zpráva 2026".into();
    report.kind = "Bilanční zpráva, 2026".into();
    report.priorities = vec![];
    report.total = String::new();
    report.year = Some(YearDoc {
        heading: "Plnění v roce 2026".into(),
        summary: "Splněno 1 z 2 činností (50 %).".into(),
        report: true,
        plans: vec![YearPlanDoc {
            title: "Komunitní plán ORP Nepomuk 2026–2028".into(),
            summary: "Převzato z verze 1".into(),
            priorities: vec![YearPriorityDoc {
                title: "[priority] 1: Senioři doma".into(),
                rows: vec![
                    row(true, "", "Opatření 1.1.1: Pečovatelská služba", "", ""),
                    row(
                        false,
                        "1.1.1.1",
                        "Nové úvazky",
                        "Přijaty dvě pečovatelky.",
                        "splněno",
                    ),
                    row(false, "1.1.1.2", "Služební automobil", "", "odloženo"),
                ],
                total: YearRow {
                    group: false,
                    number: String::new(),
                    title: "[priority_total]".into(),
                    note: String::new(),
                    planned: "1 200 000 Kč".into(),
                    status: "1 / 2".into(),
                    spent: "1 160 000 Kč".into(),
                },
                indicators: vec!["Klienti pečovatelské služby: 92 osob – podle plánu".into()],
            }],
        }],
    });
    let pdf = Engine::new().plan(&report, &meta()).unwrap();
    let text = poppler("pdftotext", &["-layout"], &pdf.bytes);
    assert_in_order(
        &text,
        &[
            "Bilanční zpráva, 2026",
            "Jak plán vznikl",
            "Plnění v roce 2026",
            "Splněno 1 z 2 činností (50 %).",
            "Komunitní plán ORP Nepomuk 2026–2028",
            "[priority] 1: Senioři doma",
            "[number]",
            "[spent]",
            "Opatření 1.1.1: Pečovatelská služba",
            "1.1.1.1",
            "Nové úvazky",
            "splněno",
            "580 000 Kč",
            "Přijaty dvě pečovatelky.",
            "Služební automobil",
            "odloženo",
            "[priority_total]",
            "1 200 000 Kč",
            "1 160 000 Kč",
            "Klienti pečovatelské služby: 92 osob – podle plánu",
        ],
    );
    assert!(!text.contains("[total_all]"));
}

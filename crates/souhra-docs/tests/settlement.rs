//! A settlement table read back with poppler-utils: title, summary, every row in order with its
//! author, part of the plan, text, settlement and justification; markup printed as text;
//! missing labels refused.
#![allow(clippy::unwrap_used)]

use souhra_docs::settlement::{SETTLEMENT_LABEL_KEYS, SettlementDocument, SettlementRow};
use souhra_docs::testing::{assert_in_order, fonts_not_embedded, meta, poppler};
use souhra_docs::{DocumentError, Engine};

fn row(number: usize, author: &str, comment: &str, status: &str) -> SettlementRow {
    SettlementRow {
        number: number.to_string(),
        author: author.into(),
        date: "3. 3. 2026".into(),
        element: "Opatření 1.1.1: Rozšířit pečovatelskou službu".into(),
        comment: comment.into(),
        proposal: if number == 1 {
            "Doplnit odlehčovací službu.".into()
        } else {
            String::new()
        },
        status: status.into(),
        justification: format!("Odůvodnění {number}."),
    }
}

fn table(rows: Vec<SettlementRow>) -> SettlementDocument {
    SettlementDocument {
        lang: "cs".into(),
        title: "Vypořádání připomínek".into(),
        keywords: vec!["připomínky".into()],
        plan: "Komunitní plán ORP Nepomuk 2026–2028".into(),
        periods: "Verze 2, připomínky 1. 3. – 14. 3. 2026".into(),
        summary: "Celkem 2 připomínky: vyhověno 1, nevyhověno 1.".into(),
        hidden: String::new(),
        edition: "Vytištěno 20. 3. 2026".into(),
        demo: Some("Ukázka: obsah je vymyšlený.".into()),
        labels: SETTLEMENT_LABEL_KEYS
            .iter()
            .map(|k| ((*k).to_owned(), format!("[{k}]")))
            .collect(),
        rows,
    }
}

#[test]
fn a_settlement_table_prints_every_comment_in_order() {
    let doc = table(vec![
        row(
            1,
            "Eva Nováková (Spolek Ruka)",
            "Chybí odlehčovací služba.",
            "vyhověno",
        ),
        row(
            2,
            "veřejnost",
            "<script>alert(1)</script> #set page(width: 1cm)",
            "nevyhověno",
        ),
    ]);
    let pdf = Engine::new().settlement(&doc, &meta()).unwrap();
    let text = poppler("pdftotext", &["-layout"], &pdf.bytes);
    assert_in_order(
        &text,
        &[
            "Vypořádání připomínek",
            "Komunitní plán ORP Nepomuk 2026–2028",
            "Ukázka: obsah je vymyšlený.",
            "Celkem 2 připomínky",
            "[number]",
            "[justification]",
            // Read row by row (`-layout`): the first line of every cell, then the next.
            "Eva Nováková",
            "Chybí odlehčovací služba.",
            "vyhověno",
            "Odůvodnění 1.",
            "[proposal]: Doplnit odlehčovací službu.",
            "veřejnost",
            "<script>alert(1)</script>",
            "nevyhověno",
            "Odůvodnění 2.",
        ],
    );
    // Markup is printed as text, not run.
    assert!(text.contains("page(width:"), "{text}");
    assert!(fonts_not_embedded(&pdf.bytes).is_empty());
}

#[test]
fn a_settlement_table_without_every_label_is_refused() {
    let mut incomplete = table(Vec::new());
    incomplete.labels.remove("justification");
    assert!(matches!(
        Engine::new().settlement(&incomplete, &meta()),
        Err(DocumentError::Typeset(message)) if message.contains("justification")
    ));
}

//! The engine's PDFs read back with poppler-utils (pdftotext, pdffonts, pdfinfo): Czech and
//! Ukrainian text in order, every font embedded, title and language set, data kept out of the
//! markup, clear errors for broken templates.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use souhra_docs::{DocumentError, Engine, Metadata, Sources};

fn meta() -> Metadata {
    Metadata {
        created: chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z")
            .unwrap()
            .to_utc(),
    }
}

/// Runs a poppler tool on the PDF and returns its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
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

const LETTER: &str = r#"
#set document(title: "Zkušební dopis")
#set text(lang: "cs", font: "Open Sans", size: 11pt)
#set page(paper: "a5")
#let data = json("/data.json")
= Příliš žluťoučký kůň
#for name in data.names [
  - #name
]
"#;

#[test]
fn czech_and_ukrainian_text_reads_back_in_order_with_fonts_embedded() {
    let engine = Engine::new();
    let data = r##"{"names": ["Úpěl ďábelské ódy", "Олена Коваленко — ґанок, їжак, є", "#set page(paper: \"a3\") *tučně*"]}"##;
    let pdf = engine
        .pdf(&Sources::new(LETTER).with("/data.json", data), &meta())
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = poppler("pdftotext", &["-layout"], &pdf);
    let heading = text.find("Příliš žluťoučký kůň").unwrap();
    let czech = text.find("Úpěl ďábelské ódy").unwrap();
    let ukrainian = text.find("Олена Коваленко — ґанок, їжак, є").unwrap();
    assert!(heading < czech && czech < ukrainian, "{text}");
    // Data is text, never markup: the page stays A5 and the asterisks are printed.
    assert!(text.contains("#set page(paper: \"a3\") *tučně*"), "{text}");
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Title:           Zkušební dopis"), "{info}");
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Page size:       419.528 x 595.276 pts"),
        "{info}"
    );
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        // Columns: name, type, encoding, emb, sub, uni, object id.
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "not embedded: {row}");
    }
    assert!(rows.iter().any(|r| r.contains("OpenSans")), "{fonts}");
    // Language and the PDF/UA claim, as the XMP metadata states them.
    let xmp = poppler("pdfinfo", &["-meta"], &pdf);
    assert!(
        xmp.contains("<dc:language><rdf:Bag><rdf:li>cs</rdf:li>"),
        "{xmp}"
    );
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
}

#[test]
fn template_mistakes_and_missing_files_are_reported() {
    let engine = Engine::new();
    let broken = "#set document(title: \"x\")\n#set text(lang: \"cs\")\n#let x = (\n";
    match engine.pdf(&Sources::new(broken), &meta()) {
        Err(DocumentError::Typeset(message)) => assert!(!message.is_empty()),
        other => panic!("{other:?}"),
    }
    match engine.pdf(&Sources::new(LETTER), &meta()) {
        Err(DocumentError::Typeset(message)) => {
            assert!(message.contains("data.json"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    // PDF/UA-1 needs a title: without one the document is refused, not written half right.
    let untitled = "#set text(lang: \"cs\")\nText";
    assert!(matches!(
        engine.pdf(&Sources::new(untitled), &meta()),
        Err(DocumentError::Pdf(_))
    ));
}

#[test]
fn images_carry_alternative_text_into_the_tagged_pdf() {
    let engine = Engine::new();
    let main = r#"
#set document(title: "Karta služby")
#set text(lang: "cs", font: "Open Sans")
Naskenujte kód:
#image("/qr.svg", width: 3cm, alt: "QR kód odkazu na stránku služby")
"#;
    let svg = souhra_docs::qr_svg("https://socialni-sluzby.example.cz/nepomuk/sluzba/1").unwrap();
    let pdf = engine
        .pdf(&Sources::new(main).with("/qr.svg", svg), &meta())
        .unwrap();
    let text = poppler("pdftotext", &[], &pdf);
    assert!(text.contains("Naskenujte kód:"), "{text}");
    // PDF/UA-1 refuses a figure without alternative text.
    let bare = main.replace(", alt: \"QR kód odkazu na stránku služby\"", "");
    let svg = souhra_docs::qr_svg("https://example.cz").unwrap();
    assert!(matches!(
        engine.pdf(&Sources::new(&bare).with("/qr.svg", svg), &meta()),
        Err(DocumentError::Pdf(_))
    ));
}

//! The engine's PDFs read back with poppler-utils (pdftotext, pdffonts, pdfinfo): Czech and
//! Ukrainian text in order, every font embedded, title and language set, data kept out of the
//! markup, clear errors for broken templates.
#![allow(clippy::unwrap_used)]

use souhra_docs::testing::{fonts_not_embedded, meta, poppler};
use souhra_docs::{DocumentError, Engine, Sources};

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
        .unwrap()
        .bytes;
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
    assert_eq!(fonts_not_embedded(&pdf), Vec::<String>::new());
    assert!(fonts.contains("OpenSans"), "{fonts}");
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
        .unwrap()
        .bytes;
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

#[test]
fn characters_no_font_can_print_are_left_out_instead_of_failing_the_document() {
    let engine = Engine::new();
    let names = [
        "Pomoc 😊 seniorům → doma",
        "中文 Plzeň",
        "Zvonek\u{7} u dveří",
        "Ольга ✆ 377 123 456",
    ];
    // Raw, the emoji alone makes typst print a blank box, which PDF/UA-1 refuses.
    let raw = serde_json::json!({ "names": names }).to_string();
    assert!(matches!(
        engine.pdf(&Sources::new(LETTER).with("/data.json", raw), &meta()),
        Err(DocumentError::Pdf(_))
    ));
    let data = engine
        .data_json(&serde_json::json!({ "names": names }))
        .unwrap();
    let pdf = engine
        .pdf(&Sources::new(LETTER).with("/data.json", data), &meta())
        .unwrap()
        .bytes;
    let text = poppler("pdftotext", &[], &pdf);
    for kept in [
        "Pomoc",
        "seniorům",
        "Plzeň",
        "Zvonek",
        "dveří",
        "Ольга",
        "377 123 456",
    ] {
        assert!(text.contains(kept), "{kept}: {text}");
    }
    assert!(!text.contains('😊') && !text.contains('中'), "{text}");
    assert_eq!(engine.printable("Úpěl\u{200b}ďábel"), "Úpěl\u{200b}ďábel");
    assert_eq!(engine.printable("a😊b\u{1b}c"), "abc");
    assert!(engine.covers('ř') && engine.covers('ї') && !engine.covers('😊'));
}

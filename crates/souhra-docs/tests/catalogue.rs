//! The brochure and service sheets read back with poppler-utils: chapters and services in
//! order, indexes pointing at the right pages, long and missing texts, Ukrainian names, an
//! empty area.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use souhra_docs::catalogue::{
    Brochure, Chapter, Frame, LABEL_KEYS, MunicipalityEntry, Paper, ProviderEntry, ServiceBlock,
    ServiceRef, ServiceSheet,
};
use souhra_docs::testing::{
    assert_in_order, fonts_not_embedded, meta, page_count, poppler, words_beyond,
};
use souhra_docs::{DocumentError, Engine};

fn frame(paper: Paper) -> Frame {
    let labels: BTreeMap<String, String> = LABEL_KEYS
        .iter()
        .map(|k| ((*k).to_owned(), format!("[{k}]")))
        .collect();
    Frame {
        lang: "cs".into(),
        paper,
        title: "Katalog sociálních služeb – Nepomuk".into(),
        keywords: vec!["sociální služby".into()],
        area: "Nepomuk".into(),
        edition: "23. 11. 2026".into(),
        demo: Some("Fiktivní ukázková data".into()),
        source_note: "Zdroj: Registr poskytovatelů sociálních služeb".into(),
        labels,
    }
}

fn service(number: u32, name: &str) -> ServiceBlock {
    ServiceBlock {
        number,
        name: name.into(),
        kind: "pečovatelská služba".into(),
        provider: "Město Nepomuk".into(),
        forms: "terénní".into(),
        places: vec!["Dům s pečovatelskou službou, Nádražní 250, 335 01 Nepomuk".into()],
        phone: Some("+420 371 591 111".into()),
        email: Some("pecovatelska@example.cz".into()),
        web: Some("https://www.example.cz/pecovatelska-sluzba".into()),
        target_groups: Some("senioři, osoby se zdravotním postižením".into()),
        hours: vec!["Po–Pá 7:00–15:30".into()],
        description: Some("Pomoc s hygienou, nákupy a dovážka obědů.".into()),
        url: Some(format!(
            "https://katalog.example.cz/nepomuk/sluzba/{number}"
        )),
        ..ServiceBlock::default()
    }
}

fn brochure(paper: Paper, chapters: Vec<Chapter>) -> Brochure {
    Brochure {
        frame: frame(paper),
        url: Some("https://katalog.example.cz/nepomuk".into()),
        how_to_use: vec!["Služby jsou seřazeny podle cílových skupin.".into()],
        chapters,
        providers: vec![ProviderEntry {
            name: "Město Nepomuk".into(),
            services: vec![ServiceRef {
                number: 1,
                name: "Pečovatelská služba Nepomuk".into(),
            }],
        }],
        municipalities: vec![
            MunicipalityEntry {
                name: "Kramolín".into(),
                services: vec![1, 2],
            },
            MunicipalityEntry {
                name: "Žinkovy".into(),
                services: vec![],
            },
        ],
        coordinator: vec!["Odbor sociálních věcí, Městský úřad Nepomuk".into()],
    }
}

fn text_of(pdf: &[u8]) -> String {
    poppler("pdftotext", &[], pdf)
}

#[test]
fn brochure_has_cover_contents_chapters_indexes_and_contacts_in_order() {
    let engine = Engine::new();
    let chapters = vec![
        Chapter {
            title: "Senioři".into(),
            services: vec![
                service(1, "Pečovatelská služba Nepomuk"),
                service(2, "Osobní asistence Plzeňsko"),
            ],
            also: vec![],
        },
        Chapter {
            title: "Osoby se zdravotním postižením".into(),
            services: vec![service(3, "Sociálně terapeutická dílna Želva")],
            also: vec![ServiceRef {
                number: 1,
                name: "Pečovatelská služba Nepomuk".into(),
            }],
        },
    ];
    for paper in [Paper::A4, Paper::A5] {
        let pdf = engine
            .brochure(&brochure(paper, chapters.clone()), &meta())
            .unwrap();
        let text = text_of(&pdf.bytes);
        assert_in_order(
            &text,
            &[
                "[cover_kicker]",
                "Nepomuk",
                "[edition] 23. 11. 2026",
                "Fiktivní ukázková data",
                "[contents]",
                "[how_title]",
                "Služby jsou seřazeny podle cílových skupin.",
                "Senioři",
                "Pečovatelská služba Nepomuk",
                "Dům s pečovatelskou službou, Nádražní 250",
                "Osobní asistence Plzeňsko",
                "Osoby se zdravotním postižením",
                "Sociálně terapeutická dílna Želva",
                "[also_here]",
                "[providers_title]",
                "[municipalities_title]",
                "Kramolín",
                "Žinkovy",
                "[coordinator_title]",
                "Odbor sociálních věcí",
            ],
        );
        assert_eq!(fonts_not_embedded(&pdf.bytes), Vec::<String>::new());
        assert_eq!(page_count(&pdf.bytes), pdf.pages);
        // Cover, contents and how-to, two chapters, three back sections: A5 prints one
        // service a page, so it needs more.
        let (low, high) = match paper {
            Paper::A4 => (6, 9),
            Paper::A5 => (7, 12),
        };
        assert!(
            (low..=high).contains(&pdf.pages),
            "{paper:?}: {} pages",
            pdf.pages
        );
        // The reference in chapter 2 names the page service 1 is on.
        let page_of_first = (1..=pdf.pages)
            .find(|p| {
                let page = poppler(
                    "pdftotext",
                    &["-f", &p.to_string(), "-l", &p.to_string()],
                    &pdf.bytes,
                );
                page.contains("Pečovatelská služba Nepomuk") && page.contains("Nádražní 250")
            })
            .unwrap();
        let reference = format!("[number_short] 1, [page_short] {page_of_first}");
        assert!(
            text.replace('\u{a0}', " ").contains(&reference),
            "{reference:?} missing:\n{text}"
        );
    }
}

#[test]
fn long_texts_missing_fields_and_ukrainian_names_give_a_correct_pdf() {
    let engine = Engine::new();
    let long_word = "Nejneobhospodařovávatelnějšími".repeat(8);
    let mut long = service(1, &format!("Služba {long_word} s velmi dlouhým názvem"));
    long.description = Some("Dlouhý popis služby. ".repeat(400));
    long.places = (1..=12)
        .map(|n| format!("Místo {n}, Náměstí {n}"))
        .collect();
    long.more_places = Some("a další místa na webu".into());
    long.web = Some(format!("https://www.example.cz/{}", "cesta/".repeat(40)));
    let bare = ServiceBlock {
        number: 2,
        name: "Центр допомоги українцям — Олена Коваленко".into(),
        kind: "sociální poradenství".into(),
        provider: "Спілка українців у Плзні, z. s.".into(),
        ..ServiceBlock::default()
    };
    let pdf = engine
        .brochure(
            &brochure(
                Paper::A5,
                vec![Chapter {
                    title: "Cizinci".into(),
                    services: vec![long, bare],
                    also: vec![],
                }],
            ),
            &meta(),
        )
        .unwrap();
    let text = text_of(&pdf.bytes);
    // Only the service with a web page gets a QR code.
    assert_eq!(text.matches("[qr_caption]").count(), 1, "{text}");
    assert!(
        text.contains("Центр допомоги українцям — Олена Коваленко"),
        "{text}"
    );
    assert!(text.contains("Спілка українців у Плзні"), "{text}");
    // The description is cut with an ellipsis; four places and the "more" line are printed.
    assert!(text.contains("Dlouhý popis služby"), "{text}");
    assert!(text.contains('…'), "{text}");
    assert!(
        text.contains("Místo 4,") && !text.contains("Místo 5,"),
        "{text}"
    );
    assert!(text.contains("a další místa na webu"), "{text}");
    assert_eq!(fonts_not_embedded(&pdf.bytes), Vec::<String>::new());
    // Nothing runs past the right margin (A5: 419.5 pt wide, 13 mm = 36.9 pt margin): the
    // name's long word and the long web address were broken over lines.
    assert_eq!(words_beyond(&pdf.bytes, 419.53 - 36.85 + 0.5), Vec::new());
    assert!(
        !words_beyond(&pdf.bytes, 300.0).is_empty(),
        "the check sees words"
    );
    assert!(
        text.lines().filter(|l| l.contains("Nejneobhospo")).count() >= 3,
        "{text}"
    );
}

#[test]
fn an_area_without_services_gets_a_short_brochure_that_says_so() {
    let engine = Engine::new();
    let mut empty = brochure(Paper::A4, vec![]);
    empty.providers.clear();
    empty.municipalities.clear();
    empty.coordinator.clear();
    let pdf = engine.brochure(&empty, &meta()).unwrap();
    let text = text_of(&pdf.bytes);
    assert_in_order(
        &text,
        &[
            "Nepomuk",
            "[how_title]",
            "[no_services]",
            "[coordinator_title]",
            "[coordinator_missing]",
        ],
    );
    assert!(!text.contains("[providers_title]"), "{text}");
    assert!(pdf.pages <= 5, "{} pages", pdf.pages);
}

#[test]
fn sheets_print_services_in_full_and_labels_must_all_be_given() {
    let engine = Engine::new();
    let mut first = service(1, "Pečovatelská služba Nepomuk");
    first.description = Some(format!("{} Konec popisu.", "Celý popis. ".repeat(120)));
    let sheet = ServiceSheet {
        frame: frame(Paper::A4),
        services: vec![first, service(2, "Osobní asistence Plzeňsko")],
    };
    let pdf = engine.service_sheet(&sheet, &meta()).unwrap();
    let text = text_of(&pdf.bytes);
    assert_in_order(
        &text,
        &[
            "Nepomuk",
            "Katalog sociálních služeb – Nepomuk",
            "Pečovatelská služba Nepomuk",
            "Konec popisu.",
            "Osobní asistence Plzeňsko",
        ],
    );
    let mut card = ServiceSheet {
        frame: frame(Paper::A4),
        services: vec![service(7, "Odlehčovací služba Blatná")],
    };
    card.frame.title = "Odlehčovací služba Blatná".into();
    let text = text_of(&engine.service_sheet(&card, &meta()).unwrap().bytes);
    assert_eq!(
        text.matches("Odlehčovací služba Blatná").count(),
        1,
        "{text}"
    );
    assert!(
        !text.contains("Katalog sociálních služeb – Nepomuk"),
        "{text}"
    );
    let mut missing = sheet.clone();
    missing.frame.labels.remove("phone");
    match engine.service_sheet(&missing, &meta()) {
        Err(DocumentError::Typeset(message)) => assert!(message.contains("phone"), "{message}"),
        other => panic!("{other:?}"),
    }
}

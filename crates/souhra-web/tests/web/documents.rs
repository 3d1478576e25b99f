//! PDFs of the public site (included by `web.rs`): the brochure kept until the catalogue
//! changes, a service's card, "my list"; read back with poppler-utils.

use chrono::Utc;
use souhra_core::catalogue::{FieldValue, LocalField};
use souhra_core::public::CoordinatorContact;
use souhra_docs::testing::{assert_in_order, fonts_not_embedded, poppler};
use souhra_store::records::ServiceId;

use super::catalogue_pages::app_with_services;
use super::*;

struct Pdf {
    status: StatusCode,
    headers: HeaderMap,
    bytes: Vec<u8>,
}

impl App {
    async fn pdf(&self, path: &str, headers: &[(&str, &str)]) -> Pdf {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 50 << 20)
            .await
            .unwrap()
            .to_vec();
        Pdf {
            status,
            headers,
            bytes,
        }
    }
}

fn text(pdf: &Pdf) -> String {
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(fonts_not_embedded(&pdf.bytes), Vec::<String>::new());
    poppler("pdftotext", &[], &pdf.bytes)
}

#[tokio::test]
async fn the_brochure_is_kept_until_the_catalogue_changes() {
    let (app, [care, hostel, _, _]) = app_with_services().await;
    let store = &app.database.store;
    let first = app.pdf("/nepomuk/katalog.pdf", &[]).await;
    let content = text(&first);
    // Cover, contents, the services of ORP Nepomuk that have not ended, the indexes.
    let order = [
        "Katalog sociálních služeb",
        "Nepomuk",
        "Obsah",
        "Jak katalog používat",
        "Azylový dům pro matky",
        "Pečovatelská služba Nepomuk",
        "Rejstřík poskytovatelů",
        "Rejstřík obcí",
        "Kramolín",
        "Koordinátor plánování sociálních služeb",
        "Kontakt na koordinátora zatím není uveden.",
    ];
    assert_in_order(&content, &order);
    // The hidden address never; its municipality only. Nothing outside the area, nothing ended.
    assert!(!content.contains("Tajná"), "{content}");
    assert!(
        content.contains("Adresa se nezveřejňuje (Kramolín)"),
        "{content}"
    );
    assert!(!content.contains("Dluhová poradna"), "{content}");
    assert!(!content.contains("Zaniklý domov"), "{content}");
    assert!(content.contains("Ukázková data"), "{content}");

    // Kept: the same tag, and a conditional request gets 304.
    let tag = first.headers[header::ETAG].to_str().unwrap().to_owned();
    let again = app.pdf("/nepomuk/katalog.pdf", &[]).await;
    assert_eq!(again.headers[header::ETAG].to_str().unwrap(), tag);
    assert_eq!(again.bytes, first.bytes);
    let unchanged = app
        .pdf("/nepomuk/katalog.pdf", &[("if-none-match", tag.as_str())])
        .await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);

    // A change of the catalogue or of the coordinator's contacts makes a new one.
    store
        .set_service_override(
            ServiceId(care),
            LocalField::Name,
            &FieldValue::Text(Some("Pečovatelská služba Nepomuk a okolí".into())),
        )
        .await
        .unwrap();
    let contact = CoordinatorContact {
        office: Some("Odbor sociálních věcí, Městský úřad Nepomuk".into()),
        email: Some("socialni@nepomuk.example".into()),
        ..CoordinatorContact::default()
    };
    store
        .save_coordinator_contact(
            store.area_by_slug("nepomuk").await.unwrap().unwrap().id,
            Some(&contact),
            Utc::now(),
        )
        .await
        .unwrap();
    let changed = app
        .pdf("/nepomuk/katalog.pdf", &[("if-none-match", tag.as_str())])
        .await;
    assert_ne!(changed.headers[header::ETAG].to_str().unwrap(), tag);
    let content = text(&changed);
    assert!(
        content.contains("Pečovatelská služba Nepomuk a okolí"),
        "{content}"
    );
    assert!(content.contains("socialni@nepomuk.example"), "{content}");

    // A5 and English are brochures of their own; a bad format is refused.
    let a5 = app.pdf("/nepomuk/katalog.pdf?format=a5", &[]).await;
    let _ = text(&a5);
    let info = poppler("pdfinfo", &[], &a5.bytes);
    assert!(info.contains("419.528 x 595.276 pts"), "{info}");
    let english = app
        .pdf("/nepomuk/katalog.pdf", &[("accept-language", "en")])
        .await;
    let content = text(&english);
    assert!(
        content.contains("Catalogue of social services"),
        "{content}"
    );
    assert!(content.contains("Index of providers"), "{content}");
    assert!(
        content.contains("Pečovatelská služba Nepomuk a okolí"),
        "{content}"
    );
    let bad = app.pdf("/nepomuk/katalog.pdf?format=a3", &[]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        app.pdf("/nikde/katalog.pdf", &[]).await.status,
        StatusCode::NOT_FOUND
    );

    // The area page offers it.
    let page = app.get("/nepomuk").await;
    assert!(
        page.body.contains("href=\"/nepomuk/katalog.pdf\""),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("href=\"/nepomuk/katalog.pdf?format=a5\"")
    );
    let _ = hostel;
}

#[tokio::test]
async fn cards_and_lists_print_the_services_without_hidden_addresses() {
    let (app, [care, hostel, _, ended]) = app_with_services().await;
    let card = app
        .pdf(&format!("/nepomuk/sluzba/{hostel}-azylovy-dum/pdf"), &[])
        .await;
    let content = text(&card);
    // The card's title is the service's name, printed once as its main heading.
    assert_eq!(
        content
            .lines()
            .filter(|l| l.trim() == "Azylový dům pro matky")
            .count(),
        1,
        "{content}"
    );
    assert!(
        content.contains("Adresa se nezveřejňuje (Kramolín)"),
        "{content}"
    );
    assert!(!content.contains("Tajná"), "{content}");
    assert_eq!(
        card.headers[header::CACHE_CONTROL].to_str().unwrap(),
        "private, no-store"
    );
    let page = app.get(&format!("/nepomuk/sluzba/{hostel}-x")).await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    let page = app
        .get(page.headers[header::LOCATION].to_str().unwrap())
        .await;
    assert!(
        page.body.contains("/pdf\" type=\"application/pdf\""),
        "{}",
        page.body
    );

    let list = app
        .pdf(
            &format!("/nepomuk/seznam.pdf?s={care}.{hostel}.{ended}"),
            &[],
        )
        .await;
    let content = text(&list);
    let first = content.find("Pečovatelská služba Nepomuk").unwrap();
    let second = content.find("Azylový dům pro matky").unwrap();
    assert!(first < second, "{content}");
    assert!(content.contains("Můj seznam služeb"), "{content}");
    // An ended service picked earlier says so.
    assert!(
        content.contains("Služba již není poskytována."),
        "{content}"
    );
    assert!(!content.contains("Tajná"), "{content}");
    let listing = app.get(&format!("/nepomuk/seznam?s={care}.{hostel}")).await;
    assert!(
        listing
            .body
            .contains(&format!("href=\"/nepomuk/seznam.pdf?s={care}.{hostel}\"")),
        "{}",
        listing.body
    );

    let bad = app.pdf("/nepomuk/seznam.pdf?s=1;DROP", &[]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let missing = app.pdf("/nepomuk/sluzba/999999-x/pdf", &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let robots = app.get("/robots.txt").await;
    assert!(robots.body.contains("Disallow: /*/sluzba/*/pdf"));
}

//! Spreadsheet cases of the store suite (included by `store.rs`, so they run on both databases):
//! local services from a sheet are stored once, and a sheet imported again updates them.

use souhra_interop::sheet::export::{Context, table};
use souhra_interop::sheet::import::{ImportContext, import_sheet};
use souhra_interop::sheet::read::{Encoding, read_csv};
use souhra_interop::sheet::write::{Delimiter, write_csv};
use souhra_store::Store;

const LOCAL: &str = "Název služby,Druh služby,Formy poskytování,Poskytovatel,Obec,Ulice a číslo,Provozní doba\n\
Dluhová poradna,37,ambulantní,Poradna Nepomuk,Nepomuk (Plzeň-jih),Nádražní 12,po–čt 8:00–16:00\n\
Svépomocná skupina,70,ambulantní,Poradna Nepomuk,Kramolín (Plzeň-jih),,každé úterý večer\n";

async fn save(
    store: &Store,
    context: &ImportContext,
    text: &[u8],
) -> souhra_core::import::ImportReport {
    let sheet = read_csv("s.csv", text, Encoding::Utf8).unwrap();
    let import = import_sheet(context, &sheet).unwrap();
    assert!(import.rejected.is_empty(), "{:?}", import.rejected);
    store
        .save_catalogue_entries(&import.entries, false, false)
        .await
        .unwrap()
}

pub async fn sheets_of_local_services_import_once_and_update(store: Store) {
    let territory = crate::plzensky_kraj();
    crate::load(&store, &territory).await;
    let codelists = souhra_interop::bundled::codelists().unwrap();
    store.load_codelists(&codelists).await.unwrap();
    let context = ImportContext::new(&territory, &codelists, Default::default()).unwrap();
    let first = save(&store, &context, LOCAL.as_bytes()).await;
    assert_eq!((first.added, first.updated, first.committed), (2, 0, true));
    let counts = store.catalogue_counts().await.unwrap();
    assert_eq!(
        (counts.services(), counts.organizations),
        (2, 1),
        "one provider without IČO, not two"
    );

    // Export, change a cell, import the export: the services are updated, not duplicated.
    let entries: Vec<_> = store
        .catalogue_entries(None)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let mut sheet = table(&Context::new(&territory, &codelists).unwrap(), &entries);
    let fees = sheet.header.iter().position(|h| h == "Úhrady").unwrap();
    sheet.rows[0][fees] = "zdarma".into();
    let mut text = Vec::new();
    write_csv(&mut text, &sheet, Delimiter::Semicolon).unwrap();
    let again = save(&store, &context, &text).await;
    assert_eq!((again.added, again.updated), (0, 2));
    let counts = store.catalogue_counts().await.unwrap();
    assert_eq!((counts.services(), counts.organizations), (2, 1));
    let stored: Vec<_> = store
        .catalogue_entries(None)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    assert_eq!(
        stored
            .iter()
            .filter(|e| e.fees.as_deref() == Some("zdarma"))
            .count(),
        1
    );
    let debt = stored.iter().find(|e| e.name == "Dluhová poradna").unwrap();
    assert_eq!(debt.forms[0].hours.len(), 4);
    let group = stored
        .iter()
        .find(|e| e.name == "Svépomocná skupina")
        .unwrap();
    assert_eq!(
        group.forms[0].hours_note.as_deref(),
        Some("každé úterý večer")
    );
}

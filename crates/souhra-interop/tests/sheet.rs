//! The catalogue as a spreadsheet: export → import gives the same services back, the template
//! is what the import reads, and every kind of bad sheet is refused with the row and column.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;

use souhra_core::catalogue::CatalogueEntry;
use souhra_core::code::MunicipalityCode;
use souhra_interop::bundled;
use souhra_interop::sheet::Sheet;
use souhra_interop::sheet::export::{Context, table, template};
use souhra_interop::sheet::import::{ImportContext, SheetImport, import_sheet};
use souhra_interop::sheet::read::{Encoding, read_csv, read_xlsx, read_xlsx_limited};
use souhra_interop::sheet::write::{Delimiter, write_csv, write_xlsx};

fn nepomuk_orp() -> HashSet<MunicipalityCode> {
    let territory = bundled::territory().unwrap();
    territory
        .municipalities
        .iter()
        .filter(|m| m.orp.get() == 3207)
        .map(|m| m.code)
        .collect()
}

/// Built once: the national territory takes a moment to index.
fn contexts() -> &'static (Context, ImportContext) {
    static CONTEXTS: std::sync::OnceLock<(Context, ImportContext)> = std::sync::OnceLock::new();
    CONTEXTS.get_or_init(|| {
        let territory = bundled::territory().unwrap();
        let codelists = bundled::codelists().unwrap();
        (
            Context::new(&territory, &codelists).unwrap(),
            ImportContext::new(&territory, &codelists, nepomuk_orp()).unwrap(),
        )
    })
}

const SHEET: &str = "\u{feff}Název služby;Druh služby;Formy poskytování;Cílové skupiny;Věkové skupiny;Poskytovatel;IČO;Místo poskytování;Obec;Ulice a číslo;PSČ;Utajená adresa;Působnost;Provozní doba;Web;E-mail;Telefon;Úhrady;Popis;Stav;Ověřeno\r\n\
Dluhová poradna;37;ambulantní; terénní;osoby v krizi;dospělí;Poradna, z. s.;25341081;Poradna Nepomuk;Nepomuk (Plzeň-jih);Nádražní 123/4;335 01;ne;ORP Nepomuk; obec Kramolín;po–čt 8:00–12:00, 13:00–16:00; pá 8:00–12:00;www.poradna.example.cz;poradna@example.cz; info@example.cz;+420 371 000 000;zdarma;Pomáháme v dluhové tísni.;aktivní;23. 11. 2026\r\n\
Azylový dům;§ 57 azylové domy;pobytová;oběti domácího násilí;;Spolek Bezpečí;;Dům;Kramolín;Tajná 1;335 01;ano;;nepřetržitě;;;;;;;2026-11-01\r\n\
=HYPERLINK(\"x\");70;ambulantní;;;Svépomoc;;;;;;;;každý první čtvrtek v měsíci;;;;;;pozastavená;\r\n";

/// The test sheet with its list cells quoted, as a spreadsheet would write them.
fn sheet_text() -> String {
    SHEET
        .replace("ambulantní; terénní", "\"ambulantní; terénní\"")
        .replace(
            "ORP Nepomuk; obec Kramolín",
            "\"ORP Nepomuk; obec Kramolín\"",
        )
        .replace(
            "po–čt 8:00–12:00, 13:00–16:00; pá 8:00–12:00",
            "\"po–čt 8:00–12:00, 13:00–16:00; pá 8:00–12:00\"",
        )
        .replace(
            "poradna@example.cz; info@example.cz",
            "\"poradna@example.cz; info@example.cz\"",
        )
        .replace("=HYPERLINK(\"x\")", "\"=HYPERLINK(\"\"x\"\")\"")
}

fn imported(context: &ImportContext, bytes: &[u8]) -> SheetImport {
    let sheet = read_csv("sluzby.csv", bytes, Encoding::Utf8).unwrap();
    import_sheet(context, &sheet).unwrap()
}

fn entries(import: &SheetImport) -> Vec<CatalogueEntry> {
    assert!(import.rejected.is_empty(), "{:#?}", import.rejected);
    import.entries.iter().map(|(_, e)| e.clone()).collect()
}

fn csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = Vec::new();
    write_csv(&mut out, sheet, Delimiter::Semicolon).unwrap();
    out
}

#[test]
fn rows_become_local_services_with_everything_resolved() {
    let (_, context) = contexts();
    let list = entries(&imported(context, sheet_text().as_bytes()));
    assert_eq!(list.len(), 3);
    let debt = &list[0];
    assert_eq!(debt.kind, "37");
    assert_eq!(
        debt.forms.iter().map(|f| f.form.key()).collect::<Vec<_>>(),
        ["amb", "ter"]
    );
    assert_eq!(
        debt.organization.ico.as_ref().map(|i| i.as_str()),
        Some("25341081")
    );
    let place = &debt.facilities[0];
    assert_eq!(place.municipality.map(|m| m.get()), Some(558_109));
    let address = place.address.as_ref().unwrap();
    assert_eq!(
        (
            address.street.as_deref(),
            address.house_number.as_deref(),
            address.orientation_number.as_deref()
        ),
        (Some("Nádražní"), Some("123"), Some("4"))
    );
    // Kramolín is two municipalities; the one in this installation's ORP is meant.
    assert_eq!(debt.service_area.len(), 2);
    assert_eq!(
        debt.forms[0].hours.len(),
        4 * 2 + 1,
        "{:?}",
        debt.forms[0].hours
    );
    assert_eq!(debt.contacts.web, ["https://www.poradna.example.cz"]);
    assert_eq!(debt.contacts.emails.len(), 2);
    assert_eq!(
        debt.verified_on.map(|d| d.to_string()).as_deref(),
        Some("2026-11-23")
    );
    let shelter = &list[1];
    assert!(shelter.facilities[0].hidden_address);
    assert!(shelter.forms[0].continuous);
    // The formula-looking name is text, nothing more.
    assert_eq!(list[2].name, "=HYPERLINK(\"x\")");
    assert_eq!(
        list[2].forms[0].hours_note.as_deref(),
        Some("každý první čtvrtek v měsíci")
    );
    assert!(
        list.iter()
            .all(|e| e.public_id.is_some() && e.registration_id.is_none())
    );
}

#[test]
fn an_exported_sheet_imports_to_the_same_services_as_csv_and_xlsx() {
    let (export, context) = contexts();
    let first = entries(&imported(context, sheet_text().as_bytes()));
    let sheet = table(export, &first);
    let text = csv(&sheet);
    // The would-be formula is defused in CSV.
    assert!(String::from_utf8_lossy(&text).contains("'=HYPERLINK"));
    let mut again = entries(&imported(context, &text));
    let by_name = |list: &mut Vec<CatalogueEntry>| list.sort_by(|a, b| a.name.cmp(&b.name));
    let mut first_sorted = first.clone();
    by_name(&mut first_sorted);
    by_name(&mut again);
    // The hidden address is not exported, so it cannot come back.
    let hidden = |list: &mut Vec<CatalogueEntry>| {
        for entry in list.iter_mut() {
            for facility in &mut entry.facilities {
                if facility.hidden_address {
                    facility.address = None;
                }
            }
        }
    };
    hidden(&mut first_sorted);
    hidden(&mut again);
    for facility in again.iter_mut().flat_map(|e| e.facilities.iter_mut()) {
        if let Some(address) = &facility.address
            && address.street.is_none()
            && address.postcode.is_none()
        {
            facility.address = None;
        }
    }
    assert_eq!(again, first_sorted);
    assert_eq!(
        csv(&table(export, &again)),
        text,
        "export → import → export is stable"
    );

    let workbook = write_xlsx(&sheet, "Služby", None).unwrap();
    let read = read_xlsx("sluzby.xlsx", &workbook, "Služby").unwrap();
    let from_xlsx = import_sheet(context, &read).unwrap();
    let mut from_xlsx = entries(&from_xlsx);
    by_name(&mut from_xlsx);
    hidden(&mut from_xlsx);
    assert_eq!(csv(&table(export, &from_xlsx)), text);
}

#[test]
fn hidden_addresses_stay_out_of_the_sheet() {
    let (export, context) = contexts();
    let list = entries(&imported(context, sheet_text().as_bytes()));
    let text = String::from_utf8(csv(&table(export, &list))).unwrap();
    assert!(!text.contains("Tajná"), "{text}");
    assert!(text.contains("Kramolín"));
}

#[test]
fn the_template_is_what_the_import_reads() {
    let (export, context) = contexts();
    let layout = export.layout();
    let empty = template(layout);
    let choices = vec![(
        "Druhy služeb".to_owned(),
        vec![export.kind_text("37"), export.kind_text("70")],
    )];
    let workbook = write_xlsx(&empty, "Služby", Some((layout, &choices))).unwrap();
    let read = read_xlsx("sablona.xlsx", &workbook, layout.word("sheet.services")).unwrap();
    assert_eq!(read.header, empty.header);
    assert!(read.rows.is_empty());
    assert_eq!(import_sheet(context, &read).unwrap().rows, 0);
    // Filled in: the kind exactly as the drop-down offers it.
    let mut filled = empty.clone();
    let mut row = vec![String::new(); filled.header.len()];
    let set = |row: &mut Vec<String>, header: &str, value: &str| {
        let i = filled.header.iter().position(|h| h == header).unwrap();
        row[i] = value.to_owned();
    };
    set(&mut row, "Název služby", "Poradna");
    set(&mut row, "Druh služby", &choices[0].1[0]);
    set(&mut row, "Poskytovatel", "Spolek");
    filled.rows.push(row);
    let read = read_csv("sablona.csv", &csv(&filled), Encoding::Utf8).unwrap();
    assert_eq!(
        entries(&import_sheet(context, &read).unwrap())[0].kind,
        "37"
    );
}

/// The first rejection of a one-row sheet built from `header` and `row`.
fn problem(header: &str, row: &str) -> String {
    let (_, context) = contexts();
    let text = format!("{header}\n{row}\n");
    let sheet = read_csv("s.csv", text.as_bytes(), Encoding::Utf8).unwrap();
    let import = import_sheet(context, &sheet).unwrap();
    assert_eq!(import.entries.len(), 0, "{row}");
    let rejection = &import.rejected[0];
    format!("{}: {}", rejection.path, rejection.message)
}

#[test]
fn each_bad_cell_is_named_by_row_and_column() {
    let header = "Název služby,Druh služby,Poskytovatel,IČO,Obec,Cílové skupiny,Ověřeno,PSČ,Web,Stav,Provozní doba";
    let cases = [
        (
            "A,99,P,,,,,,,,",
            "s.csv, line 2, Druh služby: \"99\" is not a kind",
        ),
        (
            ",37,P,,,,,,,,",
            "s.csv, line 2, Název služby: the name of the service is missing",
        ),
        (
            "A,37,,,,,,,,,",
            "s.csv, line 2, Poskytovatel: the provider is missing",
        ),
        ("A,37,P,12345678,,,,,,,", "s.csv, line 2, IČO:"),
        ("A,37,P,,Lhota,,,,,,", "s.csv, line 2, Obec:"),
        (
            "A,37,P,,Atlantida,,,,,,",
            "s.csv, line 2, Obec: \"Atlantida\" is not the name of a municipality",
        ),
        (
            "A,37,P,,,neznámí,,,,,",
            "s.csv, line 2, Cílové skupiny: \"neznámí\" is not in the codelist",
        ),
        (
            "A,37,P,,,,zítra,,,,",
            "s.csv, line 2, Ověřeno: \"zítra\" is not a date",
        ),
        ("A,37,P,,Nepomuk (Plzeň-jih),,,99,,,", "s.csv, line 2, PSČ:"),
        (
            "A,37,P,,,,,,viz leták,,",
            "s.csv, line 2, Web: \"viz leták\" is not a web address",
        ),
        (
            "A,37,P,,,,,,,otevřeno,",
            "s.csv, line 2, Stav: \"otevřeno\" is not a status",
        ),
        (
            "A,37,P,,,,,,,,po 8:00–12:00",
            "s.csv, line 2, Provozní doba: opening hours need a form",
        ),
        (
            "A,37,P,,,,,,,,,navíc",
            "s.csv, line 2, column 12: the row has more cells than the header",
        ),
    ];
    for (row, expected) in cases {
        let found = problem(header, row);
        assert!(
            found.starts_with(expected),
            "{row}\n  found:    {found}\n  expected: {expected}…"
        );
    }
}

#[test]
fn unknown_or_missing_columns_stop_the_import() {
    let (_, context) = contexts();
    let sheet = read_csv(
        "s.csv",
        "Název služby,Druh služby,Poskytovatel,Barva\nA,37,P,modrá\n".as_bytes(),
        Encoding::Utf8,
    )
    .unwrap();
    let error = import_sheet(context, &sheet).unwrap_err().to_string();
    assert!(error.contains("s.csv, line 1, column \"Barva\""), "{error}");
    let sheet = read_csv(
        "s.csv",
        "Název služby,Poskytovatel\nA,P\n".as_bytes(),
        Encoding::Utf8,
    )
    .unwrap();
    let error = import_sheet(context, &sheet).unwrap_err().to_string();
    assert!(error.contains("Druh služby"), "{error}");
    // Headers match without diacritics and in any case, and by key.
    let sheet = read_csv(
        "s.csv",
        "NAZEV SLUZBY,druh,poskytovatel\nA,37,P\n".as_bytes(),
        Encoding::Utf8,
    )
    .unwrap();
    assert_eq!(import_sheet(context, &sheet).unwrap().entries.len(), 1);
}

#[test]
fn registry_rows_are_left_to_the_registry() {
    let (_, context) = contexts();
    let text = "Zdroj,Identifikátor registrace,Název služby,Druh služby,Poskytovatel\nregistr,1234567,A,37,P\n,,B,37,P\n";
    let import = imported(context, text.as_bytes());
    assert_eq!((import.registry_rows, import.entries.len()), (1, 1));
}

#[test]
fn formulas_in_xlsx_cells_are_refused() {
    let (_, context) = contexts();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, header) in ["Název služby", "Druh služby", "Poskytovatel"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(0, u16::try_from(c).unwrap(), *header)
            .unwrap();
    }
    sheet.write_string(1, 0, "Poradna").unwrap();
    sheet.write_formula(1, 1, "=30+7").unwrap();
    sheet.write_string(1, 2, "Spolek").unwrap();
    sheet.write_string(2, 0, "Druhá").unwrap();
    sheet.write_number(2, 1, 37).unwrap();
    sheet.write_string(2, 2, "Spolek").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let read = read_xlsx("f.xlsx", &bytes, "Služby").unwrap();
    let import = import_sheet(context, &read).unwrap();
    assert_eq!(import.entries.len(), 1, "the number 37 is a kind");
    let rejection = &import.rejected[0];
    assert_eq!(rejection.path, "f.xlsx, line 2, Druh služby");
    assert!(
        rejection.message.contains("formula") && rejection.message.contains("=30+7"),
        "{}",
        rejection.message
    );
}

#[test]
fn windows_1250_needs_to_be_asked_for() {
    let (_, context) = contexts();
    let (bytes, _, _) = encoding_rs::WINDOWS_1250
        .encode("Název služby;Druh služby;Poskytovatel\r\nPoradna pro ženy;37;Spolek Žena\r\n");
    let error = read_csv("w.csv", &bytes, Encoding::Utf8)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("w.csv, line 1") && error.contains("--encoding windows-1250"),
        "{error}"
    );
    let sheet = read_csv("w.csv", &bytes, Encoding::Windows1250).unwrap();
    let list = entries(&import_sheet(context, &sheet).unwrap());
    assert_eq!(list[0].name, "Poradna pro ženy");
    assert_eq!(list[0].organization.name, "Spolek Žena");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    use std::io::Write;
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/sharedStrings.xml", options).unwrap();
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..3 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    let bytes = buffer.into_inner();
    assert!(bytes.len() < 64 * 1024, "{} bytes", bytes.len());
    let error = read_xlsx_limited("bomb.xlsx", &bytes, "Služby", 2 << 20)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("bomb.xlsx") && error.contains("unpacks to more than 2 MB"),
        "{error}"
    );
    let error = read_xlsx("junk.xlsx", b"not a zip at all", "Služby")
        .unwrap_err()
        .to_string();
    assert!(error.contains("not an XLSX workbook"), "{error}");
}

//! Life situations of the public site's home page as a CSV file: `klic` (key), `nazev` (a title
//! of one's own; empty takes the translated default), `druhy` (kinds, `;`-separated) and
//! `cilove_skupiny` (target groups, `;`-separated). The bundled defaults are
//! `data/public/zivotni_situace.csv`; a coordinator changes an area's list with a file of the
//! same shape (`souhra situations set`).

use souhra_core::codelist::{Codelist, CodelistEntry};
use souhra_core::public::LifeSituation;

use crate::error::DataError;
use crate::table::Table;

fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads a situations file, checking every row's shape and, when `codelists` are given, that
/// each kind and target group exists. A title is required for keys the translations do not
/// know (`known_keys`).
pub fn parse_situations(
    file: &str,
    bytes: &[u8],
    codelists: Option<&[CodelistEntry]>,
    known_keys: &dyn Fn(&str) -> bool,
) -> Result<Vec<LifeSituation>, DataError> {
    let table = Table::parse(file, bytes)?;
    table.require(&["klic", "druhy", "cilove_skupiny"])?;
    let mut out: Vec<LifeSituation> = Vec::new();
    for row in table.rows() {
        let title = row.text("nazev");
        let situation = LifeSituation {
            key: row.required("klic")?.to_owned(),
            title: (!title.is_empty()).then(|| title.to_owned()),
            kinds: list(row.text("druhy")),
            target_groups: list(row.text("cilove_skupiny")),
        };
        situation
            .validate()
            .map_err(|e| row.error("klic", e.to_string()))?;
        if out.iter().any(|s| s.key == situation.key) {
            return Err(row.error("klic", format!("{:?} is there twice", situation.key)));
        }
        if situation.title.is_none() && !known_keys(&situation.key) {
            return Err(row.error(
                "nazev",
                format!(
                    "{:?} is not a default situation: give it a title",
                    situation.key
                ),
            ));
        }
        if let Some(entries) = codelists {
            for (column, list, keys) in [
                ("druhy", Codelist::ServiceKind, &situation.kinds),
                (
                    "cilove_skupiny",
                    Codelist::TargetGroup,
                    &situation.target_groups,
                ),
            ] {
                for key in keys {
                    if !entries.iter().any(|e| e.codelist == list && &e.key == key) {
                        return Err(row.error(column, format!("{key:?} is not in the codelist")));
                    }
                }
            }
        }
        out.push(situation);
    }
    Ok(out)
}

/// Writes situations in the same CSV shape.
pub fn write_situations(list: &[LifeSituation]) -> String {
    let mut out = String::from("klic,nazev,druhy,cilove_skupiny\n");
    for s in list {
        let title = s.title.clone().unwrap_or_default();
        let title = if title.contains([',', '"', '\n']) {
            format!("\"{}\"", title.replace('"', "\"\""))
        } else {
            title
        };
        out.push_str(&format!(
            "{},{title},{},{}\n",
            s.key,
            s.kinds.join(";"),
            s.target_groups.join(";")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_read_and_name_existing_codes() {
        let codelists = crate::bundled::codelists().unwrap();
        let list = crate::bundled::life_situations(Some(&codelists)).unwrap();
        assert!((8..=12).contains(&list.len()), "{}", list.len());
        let written = write_situations(&list);
        let again =
            parse_situations("x.csv", written.as_bytes(), Some(&codelists), &|_| true).unwrap();
        assert_eq!(again, list);
    }

    #[test]
    fn bad_rows_name_line_and_column() {
        let codelists = crate::bundled::codelists().unwrap();
        let check = |text: &str| {
            parse_situations("s.csv", text.as_bytes(), Some(&codelists), &|k| {
                k == "dluhy"
            })
            .unwrap_err()
            .to_string()
        };
        let head = "klic,nazev,druhy,cilove_skupiny\n";
        assert_eq!(
            check(&format!("{head}dluhy,,999,\n")),
            "s.csv, line 2, column \"druhy\": \"999\" is not in the codelist"
        );
        assert!(check(&format!("{head}Dluhy,,37,\n")).contains("column \"klic\""));
        assert!(check(&format!("{head}nove,,37,\n")).contains("column \"nazev\""));
        assert!(check(&format!("{head}dluhy,,37,\ndluhy,,37,\n")).contains("line 3"));
        assert!(check(&format!("{head}dluhy,,,\n")).contains("no kind and no target group"));
        let with_title = parse_situations(
            "s.csv",
            format!("{head}nove,\"Mám, co řešit\",37,seniori\n").as_bytes(),
            Some(&codelists),
            &|_| false,
        )
        .unwrap();
        assert_eq!(with_title[0].title.as_deref(), Some("Mám, co řešit"));
        assert_eq!(
            parse_situations(
                "s.csv",
                write_situations(&with_title).as_bytes(),
                None,
                &|_| false
            )
            .unwrap(),
            with_title
        );
    }
}

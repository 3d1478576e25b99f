//! What changed between two texts of a plan, element by element: elements added, removed or
//! changed, and in a changed element each field's words kept, added and removed.
//!
//! Elements are matched by their stable key, so a moved or renumbered element is the same element.
//! Words are matched by a longest common subsequence after the common beginning and end are set
//! aside; a change too large to compare word by word shows as the old text removed and the new
//! one added.

use std::collections::HashMap;

use serde::Serialize;

/// Most word pairs compared for one field (beyond, the whole field is replaced).
const MAX_CELLS: usize = 4_000_000;

/// A piece of a compared text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Piece {
    /// In both texts.
    Same(String),
    /// Only in the new text.
    Added(String),
    /// Only in the old text.
    Removed(String),
}

/// Runs of word characters and runs of white space, so that joining them gives the text back.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|s| s != space) {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn push(out: &mut Vec<Piece>, piece: Piece) {
    match (out.last_mut(), piece) {
        (Some(Piece::Same(a)), Piece::Same(b))
        | (Some(Piece::Added(a)), Piece::Added(b))
        | (Some(Piece::Removed(a)), Piece::Removed(b)) => a.push_str(&b),
        (_, piece) => out.push(piece),
    }
}

/// The word-by-word difference of two texts. Joining the `Same` and `Removed` pieces gives the
/// old text, the `Same` and `Added` pieces the new one.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let a = words(old);
    let b = words(new);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out = Vec::new();
    if prefix > 0 {
        push(&mut out, Piece::Same(a[..prefix].concat()));
    }
    if ma.len().saturating_mul(mb.len()) > MAX_CELLS {
        push(&mut out, Piece::Removed(ma.concat()));
        push(&mut out, Piece::Added(mb.concat()));
    } else {
        // lcs[i][j]: the longest common subsequence of ma[i..] and mb[j..].
        let width = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * width];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * width + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * width + j + 1] + 1
                } else {
                    lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                push(&mut out, Piece::Same(ma[i].to_owned()));
                i += 1;
                j += 1;
            } else if i < ma.len()
                && (j == mb.len() || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
            {
                push(&mut out, Piece::Removed(ma[i].to_owned()));
                i += 1;
            } else {
                push(&mut out, Piece::Added(mb[j].to_owned()));
                j += 1;
            }
        }
    }
    if suffix > 0 {
        push(&mut out, Piece::Same(a[a.len() - suffix..].concat()));
    }
    out
}

/// One element of a plan's text as compared: its key and its fields as shown (title, text,
/// justification, budget …), each a field key and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementText {
    /// Stable key.
    pub key: String,
    /// A label to show (number and kind), e.g. "Opatření 1.2.3".
    pub label: String,
    /// Fields, in display order.
    pub fields: Vec<(String, String)>,
}

/// How an element changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Only in the new text.
    Added,
    /// Only in the old text.
    Removed,
    /// In both, with some field different.
    Changed,
}

/// A field of a changed element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldDiff {
    /// The field's key.
    pub field: String,
    /// Its pieces.
    pub pieces: Vec<Piece>,
}

/// An element that is not the same in both texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElementDiff {
    /// Stable key.
    pub key: String,
    /// The new label (the old one for a removed element).
    pub label: String,
    /// The old label, when it differs (renumbered).
    pub old_label: Option<String>,
    /// How it changed.
    pub change: Change,
    /// The fields that differ (every field of an added or removed element).
    pub fields: Vec<FieldDiff>,
}

/// The elements that differ between `old` and `new`, in the new text's order with removed
/// elements after the element they followed in the old text. Unchanged elements are left out.
pub fn diff_elements(old: &[ElementText], new: &[ElementText]) -> Vec<ElementDiff> {
    let old_by_key: HashMap<&str, &ElementText> = old.iter().map(|e| (e.key.as_str(), e)).collect();
    let new_keys: HashMap<&str, ()> = new.iter().map(|e| (e.key.as_str(), ())).collect();
    // Removed elements, by the key of the nearest earlier old element that is still there.
    let mut removed_after: HashMap<Option<&str>, Vec<&ElementText>> = HashMap::new();
    let mut anchor: Option<&str> = None;
    for e in old {
        if new_keys.contains_key(e.key.as_str()) {
            anchor = Some(e.key.as_str());
        } else {
            removed_after.entry(anchor).or_default().push(e);
        }
    }
    let whole = |e: &ElementText, change: Change| ElementDiff {
        key: e.key.clone(),
        label: e.label.clone(),
        old_label: None,
        change,
        fields: e
            .fields
            .iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(field, text)| FieldDiff {
                field: field.clone(),
                pieces: vec![if change == Change::Added {
                    Piece::Added(text.clone())
                } else {
                    Piece::Removed(text.clone())
                }],
            })
            .collect(),
    };
    let mut out: Vec<ElementDiff> = removed_after
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .map(|e| whole(e, Change::Removed))
        .collect();
    for e in new {
        match old_by_key.get(e.key.as_str()) {
            None => out.push(whole(e, Change::Added)),
            Some(before) => {
                let mut fields = Vec::new();
                let mut names: Vec<&String> = e.fields.iter().map(|(f, _)| f).collect();
                for (f, _) in &before.fields {
                    if !names.contains(&f) {
                        names.push(f);
                    }
                }
                let get = |list: &[(String, String)], name: &str| {
                    list.iter()
                        .find(|(f, _)| f == name)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default()
                };
                for name in names {
                    let (a, b) = (get(&before.fields, name), get(&e.fields, name));
                    if a != b {
                        fields.push(FieldDiff {
                            field: name.clone(),
                            pieces: word_diff(&a, &b),
                        });
                    }
                }
                if !fields.is_empty() {
                    out.push(ElementDiff {
                        key: e.key.clone(),
                        label: e.label.clone(),
                        old_label: Some(before.label.clone()).filter(|l| *l != e.label),
                        change: Change::Changed,
                        fields,
                    });
                }
            }
        }
        if let Some(gone) = removed_after.remove(&Some(e.key.as_str())) {
            out.extend(gone.into_iter().map(|g| whole(g, Change::Removed)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(pieces: &[Piece], old: bool) -> String {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(t) => Some(t.as_str()),
                Piece::Removed(t) if old => Some(t.as_str()),
                Piece::Added(t) if !old => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_removed_and_added_with_the_rest_kept() {
        let d = word_diff(
            "Rozšířit kapacitu pečovatelské služby",
            "Rozšířit kapacitu odlehčovací služby",
        );
        assert_eq!(
            d,
            vec![
                Piece::Same("Rozšířit kapacitu ".into()),
                Piece::Removed("pečovatelské".into()),
                Piece::Added("odlehčovací".into()),
                Piece::Same(" služby".into()),
            ]
        );
        assert_eq!(word_diff("same", "same"), vec![Piece::Same("same".into())]);
        assert_eq!(word_diff("", "new"), vec![Piece::Added("new".into())]);
        assert_eq!(word_diff("old", ""), vec![Piece::Removed("old".into())]);
        assert_eq!(word_diff("", ""), Vec::<Piece>::new());
    }

    #[test]
    fn the_pieces_give_both_texts_back() {
        // A small deterministic generator: texts from a few words, compared pairwise.
        let vocabulary = ["a ", "b ", "služba ", "senioři\n", "  ", "c"];
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..300 {
            let mut text = || -> String {
                let n = next() % 12;
                (0..n)
                    .map(|_| vocabulary[next() % vocabulary.len()])
                    .collect()
            };
            let (old, new) = (text(), text());
            let d = word_diff(&old, &new);
            assert_eq!(join(&d, true), old, "old text of {old:?} → {new:?}");
            assert_eq!(join(&d, false), new, "new text of {old:?} → {new:?}");
        }
    }

    #[test]
    fn a_huge_change_is_replaced_whole() {
        let old = (0..2100)
            .map(|i| format!("a{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let new = (0..2100)
            .map(|i| format!("b{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let d = word_diff(&old, &new);
        // Not compared with assert_eq!: a failure would print 30 kB.
        assert!(d == vec![Piece::Removed(old.clone()), Piece::Added(new.clone())]);
    }

    fn element(key: &str, label: &str, title: &str) -> ElementText {
        ElementText {
            key: key.into(),
            label: label.into(),
            fields: vec![("title".into(), title.into())],
        }
    }

    #[test]
    fn elements_are_matched_by_key_and_removed_ones_stay_where_they_were() {
        let old = vec![
            element("e1", "1", "Senioři"),
            element("e2", "1.1", "Doma"),
            element("e3", "1.2", "Zrušit"),
            element("e4", "1.3", "Beze změny"),
        ];
        let new = vec![
            element("e1", "1", "Senioři"),
            element("e2", "1.1", "Doma a bezpečně"),
            element("e4", "1.2", "Beze změny"),
            element("e5", "1.3", "Nové"),
        ];
        let d = diff_elements(&old, &new);
        let summary: Vec<(&str, Change)> = d.iter().map(|e| (e.key.as_str(), e.change)).collect();
        assert_eq!(
            summary,
            vec![
                ("e2", Change::Changed),
                ("e3", Change::Removed),
                ("e5", Change::Added),
            ]
        );
        assert_eq!(
            d[0].fields[0].pieces,
            vec![
                Piece::Same("Doma".into()),
                Piece::Added(" a bezpečně".into())
            ]
        );
        // e4 was renumbered but not changed: it is left out.
        assert!(d.iter().all(|e| e.key != "e4"));
        assert_eq!(d[1].label, "1.2");
        assert_eq!(diff_elements(&new, &new), Vec::new());
    }

    #[test]
    fn a_field_only_in_one_text_counts_as_emptied_or_filled() {
        let old = vec![ElementText {
            key: "e1".into(),
            label: "1".into(),
            fields: vec![("title".into(), "A".into()), ("body".into(), "text".into())],
        }];
        let new = vec![element("e1", "1", "A")];
        let d = diff_elements(&old, &new);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fields[0].field, "body");
        assert_eq!(d[0].fields[0].pieces, vec![Piece::Removed("text".into())]);
    }
}

//! Text folding for search and URL slugs.
//!
//! Citizens type `plzen` for Plzeň and `nepomuk` for Nepomuk; coordinators paste names from Word
//! with non-breaking spaces. [`fold`] turns any of these into one comparable form: lower-case
//! ASCII letters and digits separated by single spaces. [`slugify`] builds URL segments from it.

/// ASCII replacements for U+00C0..=U+017F (Latin-1 Supplement letters and Latin Extended-A),
/// lower-cased. Generated from Unicode NFD decomposition with the non-decomposable letters
/// (ß, æ, ł, đ, ø, œ, þ …) spelled out; × and ÷ fold to a separator.
const LATIN_FOLD: [&str; 192] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a",
    "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", " ",
    "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c",
    "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g",
    "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l",
    "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r",
    "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z",
    "z", "z", "z", "z", "s",
];

/// The folded form of `c` when it belongs to a word, `None` when it separates words.
fn folded(c: char) -> Option<Folded> {
    if c.is_ascii_alphanumeric() {
        return Some(Folded::Ascii(c.to_ascii_lowercase()));
    }
    let cp = u32::from(c);
    if (0xC0..0x180).contains(&cp) {
        let replacement = LATIN_FOLD[(cp - 0xC0) as usize];
        return (replacement != " ").then_some(Folded::Latin(replacement));
    }
    // Other scripts (Cyrillic for Ukrainian users, for example) are kept, lower-cased, so that
    // they still match themselves.
    c.is_alphanumeric().then_some(Folded::Other(c))
}

enum Folded {
    Ascii(char),
    Latin(&'static str),
    Other(char),
}

/// Lower-case, diacritics-free form of `text` with words separated by single spaces.
///
/// `fold("Plzeň-město")` is `"plzen mesto"`; `fold("  Žďár nad Sázavou ")` is
/// `"zdar nad sazavou"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut separated = false;
    for c in text.chars() {
        let Some(piece) = folded(c) else {
            separated = true;
            continue;
        };
        if separated && !out.is_empty() {
            out.push(' ');
        }
        separated = false;
        match piece {
            Folded::Ascii(a) => out.push(a),
            Folded::Latin(s) => out.push_str(s),
            Folded::Other(o) => out.extend(o.to_lowercase()),
        }
    }
    out
}

/// URL slug: the folded text with hyphens between words (`"Plzeňský kraj"` → `"plzensky-kraj"`).
pub fn slugify(text: &str) -> String {
    fold(text).replace(' ', "-")
}

/// Whether `candidate` is a valid slug: non-empty, lower-case ASCII letters, digits and single
/// inner hyphens, at most 64 characters.
pub fn is_slug(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate.len() <= 64
        && !candidate.starts_with('-')
        && !candidate.ends_with('-')
        && !candidate.contains("--")
        && candidate
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Sort key that orders names as Czech readers expect: `č`, `ř`, `š`, `ž` and `ch` are letters of
/// their own (Čížkov after Cvikov, Chlumy after Hradiště), other diacritics and case only break
/// ties. Compare keys bytewise; both databases and Rust then agree on the order.
pub fn sort_key(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut primary = String::with_capacity(lower.len() + 8);
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'c' if chars.peek() == Some(&'h') => {
                chars.next();
                primary.push_str("h~");
            }
            'č' => primary.push_str("c~"),
            'ř' => primary.push_str("r~"),
            'š' => primary.push_str("s~"),
            'ž' => primary.push_str("z~"),
            c => match folded(c) {
                Some(Folded::Ascii(a)) => primary.push(a),
                Some(Folded::Latin(s)) => primary.push_str(s),
                Some(Folded::Other(o)) => primary.push(o),
                None => primary.push(' '),
            },
        }
    }
    primary.push('\u{0}');
    primary.push_str(text);
    primary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_czech_diacritics_and_case() {
        let cases = [
            ("Plzeň", "plzen"),
            ("ŽLUŤOUČKÝ KŮŇ", "zlutoucky kun"),
            ("Žďár nad Sázavou", "zdar nad sazavou"),
            ("Frýdek-Místek", "frydek mistek"),
            ("  Ústí   nad Labem ", "usti nad labem"),
            (
                "Brandýs nad Labem-Stará Boleslav",
                "brandys nad labem stara boleslav",
            ),
            ("Městys\u{a0}Kasejovice", "mestys kasejovice"),
            ("Straße, Łódź, Œuvre", "strasse lodz oeuvre"),
            ("Київ", "київ"),
            ("", ""),
            ("---", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "fold({input:?})");
        }
    }

    #[test]
    fn every_czech_letter_folds_to_its_base() {
        let upper = "ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ";
        let lower = "áčďéěíňóřšťúůýž";
        assert_eq!(fold(upper), "acdeeinorstuuyz");
        assert_eq!(fold(lower), "acdeeinorstuuyz");
    }

    #[test]
    fn sort_key_follows_czech_alphabet() {
        let mut names = vec![
            "Čížkov",
            "Cvikov",
            "Chlumy",
            "Hradiště",
            "Ivanovice",
            "Žinkovy",
            "Zbiroh",
            "Řepnice",
            "Rokycany",
            "Šťáhlavy",
            "Sedliště",
            "Nepomuk",
            "Nekvasovy",
            "Útušice",
            "Úněšov",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            [
                "Cvikov",
                "Čížkov",
                "Hradiště",
                "Chlumy",
                "Ivanovice",
                "Nekvasovy",
                "Nepomuk",
                "Rokycany",
                "Řepnice",
                "Sedliště",
                "Šťáhlavy",
                "Úněšov",
                "Útušice",
                "Zbiroh",
                "Žinkovy",
            ]
        );
    }

    #[test]
    fn fold_is_idempotent_and_slugs_are_valid_for_any_text() {
        // Deterministic pseudo-random strings over ASCII, Latin-1/Extended-A, Cyrillic, symbols.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let ranges = [
            (0x20_u32, 0x7e_u32),
            (0xa0, 0x17f),
            (0x400, 0x4ff),
            (0x2000, 0x206f),
            (0x1f600, 0x1f64f),
        ];
        for _ in 0..2000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .filter_map(|_| {
                    let (low, high) = ranges[(next() % ranges.len() as u64) as usize];
                    char::from_u32(low + (next() % u64::from(high - low + 1)) as u32)
                })
                .collect();
            let folded = fold(&text);
            assert_eq!(fold(&folded), folded, "{text:?}");
            assert!(
                !folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "),
                "{text:?}"
            );
            let slug = slugify(&text);
            if slug.is_ascii() && !slug.is_empty() && slug.len() <= 64 {
                assert!(is_slug(&slug), "{text:?} -> {slug:?}");
            }
            assert!(sort_key(&text).ends_with(&text));
        }
    }

    #[test]
    fn slugs_are_valid_and_readable() {
        assert_eq!(slugify("Plzeňský kraj"), "plzensky-kraj");
        assert_eq!(slugify("Nepomuk"), "nepomuk");
        assert_eq!(slugify("Statutární město"), "statutarni-mesto");
        assert!(is_slug(&slugify("Brandýs nad Labem-Stará Boleslav")));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "á", &"a".repeat(65)] {
            assert!(!is_slug(bad), "{bad:?} should not be a slug");
        }
    }
}

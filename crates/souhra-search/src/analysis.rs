//! Czech-aware text analysis, applied the same way to indexed text and to queries: words are
//! lower-cased and stripped of diacritics (`souhra_core::text::fold`), then cut to a stem by a
//! light Czech stemmer, so that `senior`, `senioři`, `seniorům` and `seniory` meet at `senior`.

use souhra_core::text::fold;

/// Case endings, longest first, with the shortest word they may be cut from (after folding).
/// A light variant of Dolamic & Savoy's Czech stemmer (2009), without palatalisation, which
/// folding makes unreliable (`pomoci` must stay next to `pomoc`).
const ENDINGS: &[(&str, usize)] = &[
    ("atech", 8),
    ("etem", 7),
    ("atum", 7),
    ("ech", 6),
    ("ich", 6),
    ("eho", 6),
    ("emi", 6),
    ("emu", 6),
    ("ete", 6),
    ("eti", 6),
    ("iho", 6),
    ("imi", 6),
    ("imu", 6),
    ("ach", 6),
    ("ata", 6),
    ("aty", 6),
    ("ych", 6),
    ("ama", 6),
    ("ami", 6),
    ("ove", 6),
    ("ovi", 6),
    ("ymi", 6),
    ("em", 5),
    ("es", 5),
    ("im", 5),
    ("um", 5),
    ("at", 5),
    ("am", 5),
    ("os", 5),
    ("us", 5),
    ("ym", 5),
    ("mi", 5),
    ("ou", 5),
    ("e", 4),
    ("i", 4),
    ("u", 4),
    ("y", 4),
    ("a", 4),
    ("o", 4),
];

/// Possessive suffixes (`Novákův`, `matčin`), cut after the case ending.
const POSSESSIVES: &[(&str, usize)] = &[("ov", 6), ("in", 6), ("uv", 6)];

/// Words too common in queries to mean anything ("pomoc pro seniory v Plzni").
const STOP_WORDS: &[&str] = &[
    "a", "i", "k", "ke", "o", "s", "se", "u", "v", "ve", "z", "ze", "na", "do", "od", "po", "pro",
    "pri", "za", "ze", "nebo", "ale", "jak", "kde", "co", "to", "the", "and", "of", "for", "in",
];

/// The stem of one folded word.
pub fn stem(word: &str) -> String {
    let mut word = word;
    for (ending, min) in ENDINGS {
        if word.len() >= *min && word.ends_with(ending) {
            word = &word[..word.len() - ending.len()];
            break;
        }
    }
    for (suffix, min) in POSSESSIVES {
        if word.len() >= *min && word.ends_with(suffix) {
            word = &word[..word.len() - suffix.len()];
            break;
        }
    }
    word.to_owned()
}

/// The stems of a text, in order, for indexing.
pub fn terms(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

/// The stems a query searches for: stop words left out, each stem once, at most `limit`.
pub fn query_terms(text: &str, limit: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in fold(text).split(' ') {
        if word.is_empty() || STOP_WORDS.contains(&word) {
            continue;
        }
        let stem = stem(word);
        if !out.contains(&stem) {
            out.push(stem);
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

/// Indexed form of a text: its stems separated by spaces.
pub fn analyse(text: &str) -> String {
    terms(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_meet_at_one_stem() {
        for word in [
            "senior",
            "senioři",
            "seniorům",
            "seniory",
            "seniorů",
            "Seniorech",
        ] {
            assert_eq!(terms(word), ["senior"], "{word}");
        }
        for word in ["pomoc", "pomoci", "pomocí"] {
            assert_eq!(terms(word), ["pomoc"], "{word}");
        }
        for word in ["rodina", "rodiny", "rodinám", "rodinou"] {
            assert_eq!(terms(word), ["rodin"], "{word}");
        }
    }

    #[test]
    fn short_words_are_kept_whole() {
        assert_eq!(terms("den dne"), ["den", "dne"]);
    }

    #[test]
    fn queries_drop_stop_words_and_repeats() {
        let place = terms("Kramolín").remove(0);
        assert_eq!(
            query_terms("Pomoc pro SENIORY v Kramolíně, pomoc!", 10),
            ["pomoc".to_owned(), "senior".to_owned(), place]
        );
        assert_eq!(query_terms("a b c d", 2), ["b", "c"]);
    }
}

//! Interface languages (Czech first, English, Ukrainian), the translation files in `locales/`
//! (Fluent), and Czech-style number and date formatting.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Czech, the default.
    Cs,
    /// English.
    En,
    /// Ukrainian.
    Uk,
}

impl Lang {
    /// All languages, the default first.
    pub const ALL: [Lang; 3] = [Lang::Cs, Lang::En, Lang::Uk];

    /// BCP 47 code: `cs`, `en`, `uk`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Cs => "cs",
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    /// The language with this code (`cs`, `en-GB`, `uk-UA` …), case-insensitive.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first supported language of an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::from_code(pieces.next()?)?;
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (quality > 0.0).then_some((quality, position, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|(_, _, lang)| *lang)
    }

    /// Formats an integer: groups of three digits separated by a no-break space (cs, uk) or a
    /// comma (en).
    pub fn format_integer(self, value: i64) -> String {
        let separator = match self {
            Lang::En => ",",
            Lang::Cs | Lang::Uk => "\u{a0}",
        };
        let digits = value.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2 + 1);
        if value < 0 {
            out.push('\u{2212}');
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(digit);
        }
        out
    }

    /// Formats a decimal number with `decimals` places: `3,5` (cs, uk) or `3.5` (en).
    pub fn format_decimal(self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole: i64 = whole.parse().unwrap_or(0);
        let mut out = self.format_integer(if value < 0.0 { -whole } else { whole });
        if value < 0.0 && whole == 0 {
            out.insert(0, '\u{2212}');
        }
        if !fraction.is_empty() {
            out.push(if self == Lang::En { '.' } else { ',' });
            out.push_str(fraction);
        }
        out
    }

    /// Formats a share (0 to 1) as a percentage with one decimal: `21,4 %` (cs, uk, with a
    /// no-break space), `21.4%` (en).
    pub fn format_percent(self, share: f64) -> String {
        let value = self.format_decimal(share * 100.0, 1);
        match self {
            Lang::En => format!("{value}%"),
            Lang::Cs | Lang::Uk => format!("{value}\u{a0}%"),
        }
    }

    /// Formats a date: `1. 1. 2021` (cs), `01.01.2021` (uk), `1 January 2021` (en).
    pub fn format_date(self, date: NaiveDate) -> String {
        match self {
            Lang::Cs => format!(
                "{}.\u{a0}{}.\u{a0}{}",
                date.day(),
                date.month(),
                date.year()
            ),
            Lang::Uk => date.format("%d.%m.%Y").to_string(),
            Lang::En => date.format("%-d %B %Y").to_string(),
        }
    }
}

/// A translation file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("locales/{file}: {message}")]
pub struct TranslationError {
    file: String,
    message: String,
}

/// The translation bundles of all languages.
pub struct Translations {
    bundles: Vec<(Lang, FluentBundle<FluentResource>, BTreeSet<String>)>,
}

impl std::fmt::Debug for Translations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translations").finish_non_exhaustive()
    }
}

fn number_formatter(
    lang: Lang,
) -> fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    fn format(lang: Lang, value: &FluentValue) -> Option<String> {
        match value {
            FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
                Some(lang.format_integer(n.value as i64))
            }
            FluentValue::Number(n) => Some(lang.format_decimal(n.value, 1)),
            _ => None,
        }
    }
    match lang {
        Lang::Cs => |v, _| format(Lang::Cs, v),
        Lang::En => |v, _| format(Lang::En, v),
        Lang::Uk => |v, _| format(Lang::Uk, v),
    }
}

impl Translations {
    /// Parses the embedded `locales/<code>.ftl` files.
    pub fn load() -> Result<Self, TranslationError> {
        let mut bundles = Vec::new();
        for lang in Lang::ALL {
            let file = format!("{}.ftl", lang.code());
            let source = crate::embedded::LOCALES
                .iter()
                .find(|(name, _)| *name == file)
                .map(|(_, source)| *source)
                .ok_or_else(|| TranslationError {
                    file: file.clone(),
                    message: "missing".into(),
                })?;
            let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
                TranslationError {
                    file: file.clone(),
                    message: format!("syntax errors: {errors:?}"),
                }
            })?;
            let keys: BTreeSet<String> = resource
                .entries()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                })
                .collect();
            let id: LanguageIdentifier = lang.code().parse().map_err(|_| TranslationError {
                file: file.clone(),
                message: "bad language id".into(),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(number_formatter(lang)));
            bundle
                .add_resource(resource)
                .map_err(|errors| TranslationError {
                    file: file.clone(),
                    message: format!("{errors:?}"),
                })?;
            bundles.push((lang, bundle, keys));
        }
        Ok(Self { bundles })
    }

    /// Message ids of one language.
    pub fn keys(&self, lang: Lang) -> BTreeSet<String> {
        self.bundles
            .iter()
            .find(|(l, _, _)| *l == lang)
            .map(|(_, _, keys)| keys.clone())
            .unwrap_or_default()
    }

    /// The text of message `key` in `lang`, falling back to Czech, then to the key itself (a
    /// missing key is also logged; the tests make sure none is).
    pub fn text(&self, lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for candidate in [lang, Lang::Cs] {
            let Some((_, bundle, _)) = self.bundles.iter().find(|(l, _, _)| *l == candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(key, lang = lang.code(), ?errors, "translation errors");
            }
            return text.into_owned();
        }
        tracing::warn!(key, lang = lang.code(), "missing translation");
        key.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_negotiation() {
        assert_eq!(
            Lang::from_accept_language("uk-UA,uk;q=0.9,en;q=0.8"),
            Some(Lang::Uk)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE, en;q=0.5, cs;q=0.7"),
            Some(Lang::Cs)
        );
        assert_eq!(Lang::from_accept_language("de, fr"), None);
        assert_eq!(Lang::from_accept_language("en;q=0, cs"), Some(Lang::Cs));
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(Lang::Cs.format_integer(10_701_777), "10\u{a0}701\u{a0}777");
        assert_eq!(Lang::En.format_integer(10_701_777), "10,701,777");
        assert_eq!(Lang::Uk.format_integer(999), "999");
        assert_eq!(Lang::Cs.format_integer(-1234), "\u{2212}1\u{a0}234");
        assert_eq!(Lang::Cs.format_decimal(1234.56, 1), "1\u{a0}234,6");
        assert_eq!(Lang::En.format_decimal(0.25, 2), "0.25");
        assert_eq!(Lang::Cs.format_decimal(-0.5, 1), "\u{2212}0,5");
        let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
        assert_eq!(Lang::Cs.format_date(date), "1.\u{a0}1.\u{a0}2021");
        assert_eq!(Lang::Uk.format_date(date), "01.01.2021");
        assert_eq!(Lang::En.format_date(date), "1 January 2021");
    }

    #[test]
    fn every_language_has_the_same_messages() {
        let translations = Translations::load().unwrap();
        let czech = translations.keys(Lang::Cs);
        assert!(czech.len() > 50);
        for lang in [Lang::En, Lang::Uk] {
            let keys = translations.keys(lang);
            let missing: Vec<_> = czech.difference(&keys).collect();
            let extra: Vec<_> = keys.difference(&czech).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang:?}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn czech_plurals_and_grouped_numbers() {
        let translations = Translations::load().unwrap();
        let count = |lang, n: i64| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            translations.text(lang, "municipality-count", Some(&args))
        };
        assert_eq!(count(Lang::Cs, 1), "1 obec");
        assert_eq!(count(Lang::Cs, 3), "3 obce");
        assert_eq!(count(Lang::Cs, 26), "26 obcí");
        assert_eq!(count(Lang::Cs, 6258), "6\u{a0}258 obcí");
        assert_eq!(count(Lang::En, 1), "1 municipality");
        assert_eq!(count(Lang::En, 6258), "6,258 municipalities");
        assert_eq!(count(Lang::Uk, 21), "21 громада");
        assert_eq!(count(Lang::Uk, 3), "3 громади");
        assert_eq!(count(Lang::Uk, 26), "26 громад");
        assert_eq!(
            translations.text(Lang::En, "no-such-key", None),
            "no-such-key"
        );
    }
}

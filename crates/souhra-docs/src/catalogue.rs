//! The catalogue's documents: the printed brochure of an area's services, and a sheet of a few
//! services (one service's card, "my list"). The caller gathers the data with every label
//! already translated; this module fits the texts to the page, draws the QR codes and
//! typesets.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::{DocumentError, Engine, Metadata, Pdf, Sources};
use crate::qr::qr_png;

const COMMON: &str = include_str!("../templates/common.typ");
const BROCHURE: &str = include_str!("../templates/brochure.typ");
const SERVICES: &str = include_str!("../templates/services.typ");

/// The labels the templates print, by key. The caller supplies a text for each (the web layer
/// reads them from its translation files as `doc-` + the key with `-` for `_`).
pub const LABEL_KEYS: &[&str] = &[
    "also_here",
    "contents",
    "coordinator_missing",
    "coordinator_title",
    "cover_kicker",
    "edition",
    "email",
    "forms",
    "hours",
    "how_title",
    "municipalities_note",
    "municipalities_title",
    "none",
    "no_services",
    "number_short",
    "online",
    "page_short",
    "phone",
    "places",
    "provider",
    "providers_title",
    "qr_alt",
    "qr_caption",
    "target_groups",
    "web",
];

/// Longest description in a brochure block, in characters, by paper (the web page has it all).
const DESCRIPTION_CHARS_A4: usize = 650;
const DESCRIPTION_CHARS_A5: usize = 450;
/// Longest description on a service's own card.
const DESCRIPTION_CHARS_CARD: usize = 6_000;
/// Longest name, provider, place line or other short text.
const SHORT_CHARS: usize = 200;
/// Longest list of target groups.
const LIST_CHARS: usize = 400;
/// Places shown in a brochure block before "and N more".
const PLACES_IN_BROCHURE: usize = 4;
/// Longest shown web address.
const WEB_CHARS: usize = 60;
/// Words longer than this get break opportunities, so that no line runs off the page.
const WORD_CHARS: usize = 28;

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// A4: services one after another, usually two or three a page.
    A4,
    /// A5: a booklet, one service a page.
    A5,
}

impl Paper {
    /// `a4` or `a5`, as URLs and file names write it.
    pub fn key(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::A5 => "a5",
        }
    }
}

/// One service as printed. Texts are as stored; the engine shortens them to fit.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ServiceBlock {
    /// Its number in the document (1, 2, …), by which indexes refer to it.
    pub number: u32,
    /// Name.
    pub name: String,
    /// Kind of service.
    pub kind: String,
    /// A notice printed on it (e.g. that it is suspended).
    pub notice: Option<String>,
    /// The provider's name.
    pub provider: String,
    /// Forms, e.g. "terénní, ambulantní".
    pub forms: String,
    /// Places: "name, address" lines (only the municipality where the address is hidden).
    pub places: Vec<String>,
    /// Text for the places not printed ("a 3 další místa"), given by the caller for any count.
    pub more_places: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Web address (absolute).
    pub web: Option<String>,
    /// Target groups, e.g. "senioři, osoby s chronickým onemocněním".
    pub target_groups: Option<String>,
    /// Opening hours, one line per form.
    pub hours: Vec<String>,
    /// Description.
    pub description: Option<String>,
    /// The service's web page (absolute), printed as a QR code.
    pub url: Option<String>,
}

/// A service referred to by number.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceRef {
    /// Its number.
    pub number: u32,
    /// Its name.
    pub name: String,
}

/// A chapter of the brochure.
#[derive(Debug, Clone, Serialize)]
pub struct Chapter {
    /// Title (a target group, a kind or a municipality).
    pub title: String,
    /// Services printed in full here.
    pub services: Vec<ServiceBlock>,
    /// Services printed in another chapter that also belong here.
    pub also: Vec<ServiceRef>,
}

/// A provider and its services.
#[derive(Debug, Clone, Serialize)]
pub struct ProviderEntry {
    /// Name.
    pub name: String,
    /// Its services in the brochure.
    pub services: Vec<ServiceRef>,
}

/// A municipality and the numbers of the services that serve it.
#[derive(Debug, Clone, Serialize)]
pub struct MunicipalityEntry {
    /// Name.
    pub name: String,
    /// Numbers of services with a facility there or whose service area covers it.
    pub services: Vec<u32>,
}

/// What a document prints around its services.
#[derive(Debug, Clone, Serialize)]
pub struct Frame {
    /// Language of the labels (`cs`, `en`, `uk`); the services' own texts are Czech.
    pub lang: String,
    /// Paper size.
    pub paper: Paper,
    /// Title (document metadata and headings).
    pub title: String,
    /// Keywords of the document metadata.
    pub keywords: Vec<String>,
    /// The area's name.
    pub area: String,
    /// Edition date as written.
    pub edition: String,
    /// A notice that the content is fictional, for demo areas.
    pub demo: Option<String>,
    /// Where the data come from.
    pub source_note: String,
    /// Label texts for [`LABEL_KEYS`].
    pub labels: BTreeMap<String, String>,
}

/// The brochure of an area.
#[derive(Debug, Clone, Serialize)]
pub struct Brochure {
    /// Title, paper, labels.
    #[serde(flatten)]
    pub frame: Frame,
    /// The catalogue on the web (absolute), if known.
    pub url: Option<String>,
    /// Paragraphs of "how to use this catalogue".
    pub how_to_use: Vec<String>,
    /// Chapters in order.
    pub chapters: Vec<Chapter>,
    /// Index of providers, by name.
    pub providers: Vec<ProviderEntry>,
    /// Index of municipalities, by name.
    pub municipalities: Vec<MunicipalityEntry>,
    /// The coordinator's contacts, one line each (empty when none are set).
    pub coordinator: Vec<String>,
}

/// A sheet of services: one service's card, or "my list".
#[derive(Debug, Clone, Serialize)]
pub struct ServiceSheet {
    /// Title, paper, labels.
    #[serde(flatten)]
    pub frame: Frame,
    /// The services.
    pub services: Vec<ServiceBlock>,
}

/// `text` cut to at most `max` characters at a word, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let head = match cut.rfind(char::is_whitespace) {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", head.trim_end_matches([' ', ',', ';', '.', '-']))
}

/// Zero-width break opportunities inside words longer than [`WORD_CHARS`].
fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '-' | '/' | '\u{200b}') {
            run = 0;
        } else {
            run += 1;
            if run > WORD_CHARS {
                out.push('\u{200b}');
                run = 1;
            }
        }
        out.push(c);
    }
    out
}

fn fit(text: &str, max: usize) -> String {
    breakable(&shorten(text, max))
}

fn fit_option(text: &Option<String>, max: usize) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| fit(t, max))
}

/// A service block as the template reads it.
#[derive(Serialize)]
struct PrintedService {
    number: u32,
    name: String,
    kind: String,
    notice: Option<String>,
    provider: String,
    forms: String,
    places: Vec<String>,
    phone: Option<String>,
    email: Option<String>,
    web: Option<String>,
    web_text: Option<String>,
    target_groups: Option<String>,
    hours: Vec<String>,
    description: Option<String>,
    url: Option<String>,
    /// Path of its QR code image among the document's files.
    qr: Option<String>,
    #[serde(skip)]
    qr_png: Option<Vec<u8>>,
}

fn printed(
    block: &ServiceBlock,
    description_chars: usize,
    places: usize,
) -> Result<PrintedService, DocumentError> {
    let mut lines: Vec<String> = block
        .places
        .iter()
        .take(places)
        .map(|p| fit(p, SHORT_CHARS))
        .collect();
    if block.places.len() > places
        && let Some(more) = &block.more_places
    {
        lines.push(fit(more, SHORT_CHARS));
    }
    let web = block
        .web
        .as_deref()
        .filter(|w| w.starts_with("https://") || w.starts_with("http://"));
    let url = block
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    Ok(PrintedService {
        number: block.number,
        name: fit(&block.name, SHORT_CHARS),
        kind: fit(&block.kind, SHORT_CHARS),
        notice: fit_option(&block.notice, SHORT_CHARS),
        provider: fit(&block.provider, SHORT_CHARS),
        forms: fit(&block.forms, SHORT_CHARS),
        places: lines,
        phone: fit_option(&block.phone, 60),
        email: fit_option(&block.email, WEB_CHARS),
        web: web.map(str::to_owned),
        web_text: web.map(|w| {
            let bare = w
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/');
            fit(bare, WEB_CHARS)
        }),
        target_groups: fit_option(&block.target_groups, LIST_CHARS),
        hours: block
            .hours
            .iter()
            .take(6)
            .map(|h| fit(h, SHORT_CHARS))
            .collect(),
        description: fit_option(&block.description, description_chars),
        url: url.map(str::to_owned),
        qr: url.map(|_| format!("/qr/{}.png", block.number)),
        qr_png: url.map(qr_png).transpose()?,
    })
}

#[derive(Serialize)]
struct PrintedChapter {
    title: String,
    services: Vec<PrintedService>,
    also: Vec<ServiceRef>,
}

fn refs(list: &[ServiceRef]) -> Vec<ServiceRef> {
    list.iter()
        .map(|r| ServiceRef {
            number: r.number,
            name: fit(&r.name, SHORT_CHARS),
        })
        .collect()
}

fn check_labels(frame: &Frame) -> Result<(), DocumentError> {
    let missing: Vec<&str> = LABEL_KEYS
        .iter()
        .copied()
        .filter(|k| !frame.labels.contains_key(*k))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(DocumentError::Typeset(format!(
            "labels missing: {}",
            missing.join(", ")
        )))
    }
}

fn sources<'a>(
    engine: &Engine,
    main: &str,
    data: &impl Serialize,
    services: impl Iterator<Item = &'a PrintedService>,
) -> Result<Sources, DocumentError> {
    let json = engine.data_json(data)?;
    let mut sources = Sources::new(main)
        .with("/common.typ", COMMON)
        .with("/data.json", json);
    for service in services {
        if let (Some(path), Some(png)) = (&service.qr, &service.qr_png) {
            sources = sources.with(path, png.clone());
        }
    }
    Ok(sources)
}

impl Engine {
    /// Typesets an area's brochure.
    pub fn brochure(&self, brochure: &Brochure, meta: &Metadata) -> Result<Pdf, DocumentError> {
        check_labels(&brochure.frame)?;
        let description = match brochure.frame.paper {
            Paper::A4 => DESCRIPTION_CHARS_A4,
            Paper::A5 => DESCRIPTION_CHARS_A5,
        };
        let mut chapters = Vec::with_capacity(brochure.chapters.len());
        for chapter in &brochure.chapters {
            chapters.push(PrintedChapter {
                title: fit(&chapter.title, SHORT_CHARS),
                services: chapter
                    .services
                    .iter()
                    .map(|s| printed(s, description, PLACES_IN_BROCHURE))
                    .collect::<Result<_, _>>()?,
                also: refs(&chapter.also),
            });
        }
        #[derive(Serialize)]
        struct Data<'a> {
            #[serde(flatten)]
            frame: &'a Frame,
            url: Option<&'a str>,
            how_to_use: &'a [String],
            chapters: Vec<PrintedChapter>,
            providers: Vec<ProviderEntry>,
            municipalities: Vec<MunicipalityEntry>,
            coordinator: Vec<String>,
        }
        let data = Data {
            frame: &brochure.frame,
            url: brochure
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            how_to_use: &brochure.how_to_use,
            chapters,
            providers: brochure
                .providers
                .iter()
                .map(|p| ProviderEntry {
                    name: fit(&p.name, SHORT_CHARS),
                    services: refs(&p.services),
                })
                .collect(),
            municipalities: brochure
                .municipalities
                .iter()
                .map(|m| MunicipalityEntry {
                    name: fit(&m.name, SHORT_CHARS),
                    services: m.services.clone(),
                })
                .collect(),
            coordinator: brochure
                .coordinator
                .iter()
                .map(|l| fit(l, SHORT_CHARS))
                .collect(),
        };
        let services = data.chapters.iter().flat_map(|c| &c.services);
        self.pdf(&sources(self, BROCHURE, &data, services)?, meta)
    }

    /// Typesets a sheet of services (a card or "my list"), each in full. A sheet of one service
    /// titled with its name is a card: the name is printed once, as the main heading.
    pub fn service_sheet(
        &self,
        sheet: &ServiceSheet,
        meta: &Metadata,
    ) -> Result<Pdf, DocumentError> {
        check_labels(&sheet.frame)?;
        #[derive(Serialize)]
        struct Data<'a> {
            #[serde(flatten)]
            frame: &'a Frame,
            /// One service under its own name as the title: its block carries the main heading.
            card: bool,
            services: Vec<PrintedService>,
        }
        let data = Data {
            frame: &sheet.frame,
            card: matches!(sheet.services.as_slice(), [only] if only.name == sheet.frame.title),
            services: sheet
                .services
                .iter()
                .map(|s| printed(s, DESCRIPTION_CHARS_CARD, usize::MAX))
                .collect::<Result<_, _>>()?,
        };
        self.pdf(&sources(self, SERVICES, &data, data.services.iter())?, meta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_at_words_and_long_words_can_break() {
        assert_eq!(shorten("krátký text", 50), "krátký text");
        assert_eq!(
            shorten("Pečovatelská služba pro seniory v Nepomuku", 30),
            "Pečovatelská služba pro…"
        );
        assert_eq!(shorten(&"x".repeat(40), 10).chars().count(), 10);
        let long = "a".repeat(70);
        let broken = breakable(&long);
        assert_eq!(broken.matches('\u{200b}').count(), 2);
        assert_eq!(broken.replace('\u{200b}', ""), long);
        assert_eq!(breakable("slova jsou krátká"), "slova jsou krátká");
    }
}

//! Printed documents of the catalogue, typeset by souhra-docs: the brochure of an area, one
//! service's card and "my list". The services appear as on the public pages (the same
//! [`place_view`], so hidden addresses are left out), every label comes from the translation
//! files (`doc-*` messages).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use fluent_bundle::FluentArgs;
use souhra_core::area::Area;
use souhra_core::catalogue::{AreaUnit, ServiceStatus};
use souhra_core::codelist::Codelist;
use souhra_core::text::sort_key;
use souhra_docs::catalogue::{
    Brochure, Chapter, Frame, LABEL_KEYS, MunicipalityEntry, ProviderEntry, ServiceBlock,
    ServiceRef, ServiceSheet,
};
use souhra_docs::{DocumentError, Engine, Metadata, Pdf};
use souhra_store::records::{MunicipalityPlace, ServiceDetail, ServiceId};
use souhra_store::{Store, StoreError};

use crate::catalogue::Labels;
use crate::i18n::{Lang, TranslationError, Translations};
use crate::pages::cards::{form_text, place_view, service_href};

pub use souhra_docs::catalogue::Paper;

/// Places printed in a brochure block before "and N more".
const PLACES_IN_BROCHURE: usize = 4;
/// Services read from the store at a time.
const CHUNK: usize = 500;

/// How the brochure's chapters are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// One chapter per target group; a service is printed under its first target group and
    /// referred to from the others.
    TargetGroup,
    /// One chapter per kind of service, in the order of the Act.
    Kind,
    /// One chapter per municipality with a facility; services without a facility in the area
    /// come last.
    Municipality,
}

impl Grouping {
    fn key(self) -> &'static str {
        match self {
            Self::TargetGroup => "target-group",
            Self::Kind => "kind",
            Self::Municipality => "municipality",
        }
    }
}

/// What brochure to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BrochureOptions {
    /// Chapters.
    pub grouping: Grouping,
    /// Paper size.
    pub paper: Paper,
    /// Language of the labels.
    pub lang: Lang,
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// No area has this slug.
    #[error("there is no area {0:?} (see `souhra area list`)")]
    NoArea(String),
    /// Reading the catalogue failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A translation file is broken.
    #[error(transparent)]
    Translations(#[from] TranslationError),
    /// Typesetting failed.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The typesetting task stopped.
    #[error("typesetting stopped: {0}")]
    Task(String),
}

/// A brochure made by [`brochure_pdf`], with the time each step took.
#[derive(Debug)]
pub struct PrintedBrochure {
    /// The PDF.
    pub pdf: Pdf,
    /// Reading the catalogue and arranging it.
    pub gathered: std::time::Duration,
    /// Typesetting.
    pub typeset: std::time::Duration,
}

/// Makes an area's brochure outside the server (`souhra catalogue pdf`, benchmarks): reads the
/// translations and labels itself. `public_url` makes the QR codes and links.
pub async fn brochure_pdf(
    store: &Store,
    area_slug: &str,
    options: BrochureOptions,
    public_url: Option<&str>,
) -> Result<PrintedBrochure, PrintError> {
    let started = std::time::Instant::now();
    let area = store
        .area_by_slug(area_slug)
        .await?
        .ok_or_else(|| PrintError::NoArea(area_slug.to_owned()))?;
    let translations = Translations::load()?;
    let labels = Labels::load(store).await?;
    let printer = Printer::new(&translations, &labels, options.lang, &area, public_url);
    let now = Utc::now();
    let brochure = printer.brochure(store, options, now.date_naive()).await?;
    let gathered = started.elapsed();
    let started = std::time::Instant::now();
    let pdf = Engine::new().brochure(&brochure, &Metadata { created: now })?;
    Ok(PrintedBrochure {
        pdf,
        gathered,
        typeset: started.elapsed(),
    })
}

/// Runs a typesetting job off the async threads.
pub(crate) async fn typeset<F>(job: F) -> Result<Pdf, PrintError>
where
    F: FnOnce() -> Result<Pdf, DocumentError> + Send + 'static,
{
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| PrintError::Task(e.to_string()))?
        .map_err(PrintError::from)
}

/// Gathers document data in one language for one area.
pub(crate) struct Printer<'a> {
    translations: &'a Translations,
    labels: &'a Labels,
    lang: Lang,
    area: &'a Area,
    base: Option<String>,
}

/// Whether a service serves a municipality: a facility there, or a service area covering it.
fn serves(detail: &ServiceDetail, place: &MunicipalityPlace) -> bool {
    detail
        .facilities
        .iter()
        .any(|f| f.municipality_code() == Some(place.code))
        || detail.service_area.iter().any(|unit| match unit {
            AreaUnit::Municipality(c) => *c == place.code,
            AreaUnit::Orp(c) => *c == place.orp,
            AreaUnit::District(c) => *c == place.district,
            AreaUnit::Region(c) => *c == place.region,
        })
}

/// Opening hours of one form on a line: consecutive days with the same hours joined
/// ("po–pá 7:00–15:30").
fn hours_line(printer: &Printer<'_>, form: &souhra_core::catalogue::ServiceForm) -> Option<String> {
    let name = form_text(printer.translations, printer.lang, form.form.key());
    if form.continuous {
        return Some(format!("{name}: {}", printer.t("doc-nonstop")));
    }
    if form.hours.is_empty() {
        return None;
    }
    let mut days: Vec<(u8, String)> = Vec::new();
    let mut periods = form.hours.clone();
    periods.sort_by_key(|p| (p.weekday.number(), p.opens));
    for p in &periods {
        let span = format!("{}–{}", p.opens.format("%-H:%M"), p.closes.format("%-H:%M"));
        match days.last_mut() {
            Some((day, text)) if *day == p.weekday.number() => {
                text.push_str(", ");
                text.push_str(&span);
            }
            _ => days.push((p.weekday.number(), span)),
        }
    }
    let mut runs: Vec<(u8, u8, String)> = Vec::new();
    for (day, text) in days {
        match runs.last_mut() {
            Some((_, last, hours)) if *last + 1 == day && *hours == text => *last = day,
            _ => runs.push((day, day, text)),
        }
    }
    let day = |n: u8| printer.t(&format!("doc-weekday-{n}"));
    let parts: Vec<String> = runs
        .into_iter()
        .map(|(first, last, hours)| {
            if first == last {
                format!("{} {hours}", day(first))
            } else {
                format!("{}–{} {hours}", day(first), day(last))
            }
        })
        .collect();
    Some(format!("{name}: {}", parts.join("; ")))
}

impl<'a> Printer<'a> {
    pub(crate) fn new(
        translations: &'a Translations,
        labels: &'a Labels,
        lang: Lang,
        area: &'a Area,
        public_url: Option<&str>,
    ) -> Self {
        Self {
            translations,
            labels,
            lang,
            area,
            base: public_url
                .map(|u| u.trim_end_matches('/').to_owned())
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        }
    }

    fn t(&self, key: &str) -> String {
        self.translations.text(self.lang, key, None)
    }

    fn t_with(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.translations.text(self.lang, key, Some(&fluent))
    }

    fn count(&self, key: &str, count: usize) -> String {
        let mut fluent = FluentArgs::new();
        fluent.set("count", count);
        self.translations.text(self.lang, key, Some(&fluent))
    }

    fn url(&self, path: &str) -> Option<String> {
        self.base.as_ref().map(|b| format!("{b}{path}"))
    }

    /// Title, paper, labels.
    pub(crate) fn frame(&self, paper: Paper, title: String, today: NaiveDate) -> Frame {
        let labels: BTreeMap<String, String> = LABEL_KEYS
            .iter()
            .map(|k| {
                (
                    (*k).to_owned(),
                    self.t(&format!("doc-{}", k.replace('_', "-"))),
                )
            })
            .collect();
        let edition = self.lang.format_date(today);
        Frame {
            lang: self.lang.code().to_owned(),
            paper,
            keywords: vec![self.t("doc-cover-kicker"), self.area.name.clone()],
            title,
            area: self.area.name.clone(),
            demo: self.area.is_demo.then(|| self.t("doc-demo")),
            source_note: self.t_with("doc-source", &[("date", edition.clone())]),
            edition,
            labels,
        }
    }

    /// A service's block: the key facts as the public pages show them.
    pub(crate) fn block(&self, number: u32, detail: &ServiceDetail) -> ServiceBlock {
        let mut places: Vec<String> = Vec::new();
        for facility in &detail.facilities {
            let view = place_view(facility, self.labels);
            let place = match (&view.address, view.hidden) {
                (Some(address), _) => address.clone(),
                (None, true) => self.t_with(
                    "address-hidden",
                    &[(
                        "municipality",
                        view.municipality.clone().unwrap_or_default(),
                    )],
                ),
                (None, false) => view.municipality.clone().unwrap_or_default(),
            };
            let line = match (view.name.trim(), place.is_empty()) {
                ("", _) => place,
                (name, true) => name.to_owned(),
                (name, false) => format!("{name}, {place}"),
            };
            if !line.is_empty() && !places.contains(&line) {
                places.push(line);
            }
        }
        let more = places.len().saturating_sub(PLACES_IN_BROCHURE);
        let area = self.area.slug.as_str();
        ServiceBlock {
            number,
            name: detail.name.clone(),
            kind: self.labels.label(Codelist::ServiceKind, &detail.kind),
            notice: match detail.status {
                ServiceStatus::Suspended => Some(self.t("doc-suspended")),
                ServiceStatus::Ended => Some(self.t("doc-ended")),
                _ => None,
            },
            provider: detail.organization.organization.name.clone(),
            forms: detail
                .forms
                .iter()
                .map(|f| form_text(self.translations, self.lang, f.form.key()))
                .collect::<Vec<_>>()
                .join(", "),
            places,
            more_places: (more > 0).then(|| self.count("doc-more-places", more)),
            phone: detail.contacts.phones.first().cloned(),
            email: detail.contacts.valid_emails().into_iter().next(),
            web: detail.contacts.web_links().into_iter().next(),
            target_groups: Some(
                detail
                    .target_groups
                    .iter()
                    .map(|k| self.labels.label(Codelist::TargetGroup, k))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .filter(|t| !t.is_empty()),
            hours: detail
                .forms
                .iter()
                .filter_map(|f| hours_line(self, f))
                .collect(),
            description: detail.description.clone(),
            url: self.url(&service_href(area, detail.id.0, &detail.name)),
        }
    }

    /// A sheet of services in full: one service's card, or "my list".
    pub(crate) fn sheet(
        &self,
        title: String,
        details: &[ServiceDetail],
        today: NaiveDate,
    ) -> ServiceSheet {
        ServiceSheet {
            frame: self.frame(Paper::A4, title, today),
            services: details
                .iter()
                .zip(1..)
                .map(|(d, n)| self.block(n, d))
                .collect(),
        }
    }

    /// The area's brochure: its services that have not ended, in chapters.
    pub(crate) async fn brochure(
        &self,
        store: &Store,
        options: BrochureOptions,
        today: NaiveDate,
    ) -> Result<Brochure, StoreError> {
        let ids: Vec<ServiceId> = store
            .services_in_area(self.area.id)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect();
        let mut details = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            details.extend(
                store
                    .services(chunk)
                    .await?
                    .into_iter()
                    .filter(|d| d.status != ServiceStatus::Ended),
            );
        }
        details.sort_by_cached_key(|d| (sort_key(&d.name), d.id.0));
        let mut places = store.area_places(self.area.id).await?;
        let name_of = |code| {
            self.labels
                .municipality(code)
                .map_or_else(|| code.to_string(), str::to_owned)
        };
        places.sort_by_cached_key(|p| sort_key(&name_of(p.code)));
        let groups = self
            .groups(store, options.grouping, &details, &places)
            .await?;

        // Print order: chapter by chapter; numbers follow it.
        let mut number_of: HashMap<i64, u32> = HashMap::new();
        let mut chapters = Vec::new();
        for (title, main, also) in groups {
            let mut services = Vec::new();
            for index in main {
                let detail = &details[index];
                let number = u32::try_from(number_of.len() + 1).unwrap_or(u32::MAX);
                number_of.insert(detail.id.0, number);
                services.push(self.block(number, detail));
            }
            chapters.push((title, services, also));
        }
        let reference = |d: &ServiceDetail| ServiceRef {
            number: number_of.get(&d.id.0).copied().unwrap_or_default(),
            name: d.name.clone(),
        };
        let chapters: Vec<Chapter> = chapters
            .into_iter()
            .map(|(title, services, also)| Chapter {
                title,
                services,
                also: also.iter().map(|i| reference(&details[*i])).collect(),
            })
            .collect();

        let mut providers: BTreeMap<(String, i64), ProviderEntry> = BTreeMap::new();
        for detail in &details {
            let org = &detail.organization;
            providers
                .entry((sort_key(&org.organization.name), org.id))
                .or_insert_with(|| ProviderEntry {
                    name: org.organization.name.clone(),
                    services: Vec::new(),
                })
                .services
                .push(reference(detail));
        }
        let mut providers: Vec<ProviderEntry> = providers.into_values().collect();
        for p in &mut providers {
            p.services.sort_by_key(|r| r.number);
        }
        let municipalities = places
            .iter()
            .map(|place| {
                let mut services: Vec<u32> = details
                    .iter()
                    .filter(|d| serves(d, place))
                    .filter_map(|d| number_of.get(&d.id.0).copied())
                    .collect();
                services.sort_unstable();
                MunicipalityEntry {
                    name: name_of(place.code),
                    services,
                }
            })
            .collect();
        let coordinator = store
            .coordinator_contact(self.area.id)
            .await?
            .map(|c| c.lines())
            .unwrap_or_default();
        let title = self.t_with("doc-brochure-title", &[("area", self.area.name.clone())]);
        Ok(Brochure {
            frame: self.frame(options.paper, title, today),
            url: self.url(&format!("/{}", self.area.slug)),
            how_to_use: vec![
                self.t("doc-how-intro"),
                self.t(&format!("doc-how-by-{}", options.grouping.key())),
                self.t("doc-how-block"),
                self.t("doc-how-indexes"),
            ],
            chapters,
            providers,
            municipalities,
            coordinator,
        })
    }

    /// Chapters as (title, services printed there, services referred to), by index into
    /// `details`. A service is printed in the first of its chapters (in chapter order) and
    /// referred to from the others; services in none come last.
    async fn groups(
        &self,
        store: &Store,
        grouping: Grouping,
        details: &[ServiceDetail],
        places: &[MunicipalityPlace],
    ) -> Result<Vec<(String, Vec<usize>, Vec<usize>)>, StoreError> {
        // Chapter keys in order with their titles, and each service's keys.
        let mut order: Vec<(String, String)> = Vec::new();
        let keys_of: Vec<Vec<String>> = match grouping {
            Grouping::TargetGroup | Grouping::Kind => {
                let list = if grouping == Grouping::Kind {
                    Codelist::ServiceKind
                } else {
                    Codelist::TargetGroup
                };
                for entry in store.codelist(list).await? {
                    let title = self.labels.label(list, &entry.key);
                    order.push((entry.key, title));
                }
                let keys_of: Vec<Vec<String>> = details
                    .iter()
                    .map(|d| {
                        if grouping == Grouping::Kind {
                            vec![d.kind.clone()]
                        } else {
                            d.target_groups.clone()
                        }
                    })
                    .collect();
                // Keys met in the data but missing from the codelist still get a chapter.
                for key in keys_of.iter().flatten() {
                    if !order.iter().any(|(k, _)| k == key) {
                        order.push((key.clone(), self.labels.label(list, key)));
                    }
                }
                keys_of
            }
            Grouping::Municipality => {
                for p in places {
                    let name = self
                        .labels
                        .municipality(p.code)
                        .map_or_else(|| p.code.to_string(), str::to_owned);
                    order.push((p.code.to_string(), name));
                }
                details
                    .iter()
                    .map(|d| {
                        d.facilities
                            .iter()
                            .filter_map(souhra_core::catalogue::Facility::municipality_code)
                            .map(|c| c.to_string())
                            .collect()
                    })
                    .collect()
            }
        };
        let position: HashMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.as_str(), i))
            .collect();
        let mut chapters: Vec<(String, Vec<usize>, Vec<usize>)> = order
            .iter()
            .map(|(_, title)| (title.clone(), Vec::new(), Vec::new()))
            .collect();
        let mut rest = Vec::new();
        for (i, keys) in keys_of.iter().enumerate() {
            let mut at: Vec<usize> = keys
                .iter()
                .filter_map(|k| position.get(k.as_str()).copied())
                .collect();
            at.sort_unstable();
            at.dedup();
            match at.split_first() {
                Some((first, others)) => {
                    chapters[*first].1.push(i);
                    for other in others {
                        chapters[*other].2.push(i);
                    }
                }
                None => rest.push(i),
            }
        }
        if !rest.is_empty() {
            let title = match grouping {
                Grouping::Municipality => self.t("doc-chapter-area-wide"),
                Grouping::TargetGroup | Grouping::Kind => self.t("doc-chapter-other"),
            };
            chapters.push((title, rest, Vec::new()));
        }
        chapters.retain(|(_, main, also)| !main.is_empty() || !also.is_empty());
        Ok(chapters)
    }
}

/// A brochure typeset for one catalogue revision.
#[derive(Debug)]
pub(crate) struct KeptBrochure {
    /// The catalogue revision it shows.
    pub revision: i64,
    /// The PDF.
    pub bytes: axum::body::Bytes,
}

/// Brochures kept per area, language and paper until the catalogue changes. One is typeset
/// at a time; requests for the same one wait for it rather than typesetting it again.
#[derive(Debug, Default)]
pub(crate) struct Brochures {
    kept: std::sync::Mutex<HashMap<(souhra_core::area::AreaId, Lang, Paper), Arc<KeptBrochure>>>,
    typesetting: tokio::sync::Mutex<()>,
}

impl Brochures {
    fn current(
        &self,
        key: &(souhra_core::area::AreaId, Lang, Paper),
        revision: i64,
    ) -> Option<Arc<KeptBrochure>> {
        self.kept
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(key)
            .filter(|k| k.revision == revision)
            .cloned()
    }

    /// The brochure of the current catalogue, typeset now if the catalogue changed since.
    pub(crate) async fn get(
        &self,
        state: &crate::state::AppState,
        area: &Area,
        options: BrochureOptions,
    ) -> Result<Arc<KeptBrochure>, PrintError> {
        let key = (area.id, options.lang, options.paper);
        let store = state.store();
        let revision = store.catalogue_revision().await?;
        if let Some(kept) = self.current(&key, revision) {
            return Ok(kept);
        }
        let _turn = self.typesetting.lock().await;
        // Read again: a change may have landed while waiting, or another request made it.
        let revision = store.catalogue_revision().await?;
        if let Some(kept) = self.current(&key, revision) {
            return Ok(kept);
        }
        let labels = state.labels();
        let printer = Printer::new(
            state.translations(),
            &labels,
            options.lang,
            area,
            state.config().public_url.as_deref(),
        );
        let now = Utc::now();
        let brochure = printer.brochure(store, options, now.date_naive()).await?;
        let engine = state.engine();
        let started = std::time::Instant::now();
        let pdf = typeset(move || engine.brochure(&brochure, &Metadata { created: now })).await?;
        tracing::info!(
            area = %area.slug,
            lang = options.lang.code(),
            pages = pdf.pages,
            bytes = pdf.bytes.len(),
            ms = started.elapsed().as_millis() as u64,
            "brochure typeset"
        );
        let kept = Arc::new(KeptBrochure {
            revision,
            bytes: axum::body::Bytes::from(pdf.bytes),
        });
        self.kept
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, kept.clone());
        Ok(kept)
    }
}

/// Typesets sheets made on request, at most [`SHEETS_AT_ONCE`] at a time.
pub(crate) const SHEETS_AT_ONCE: usize = 2;

/// Typesets a sheet with the shared engine, waiting for a free slot.
pub(crate) async fn print_sheet(
    engine: Arc<Engine>,
    slots: &tokio::sync::Semaphore,
    sheet: ServiceSheet,
) -> Result<Pdf, PrintError> {
    let _slot = slots
        .acquire()
        .await
        .map_err(|e| PrintError::Task(e.to_string()))?;
    let created = Utc::now();
    typeset(move || engine.service_sheet(&sheet, &Metadata { created })).await
}

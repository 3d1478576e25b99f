//! Services as the public pages show them: the key facts of a result card and the map points,
//! hidden addresses left out.

use chrono::NaiveDate;
use serde::Serialize;
use souhra_core::catalogue::{Address, Facility, ServiceStatus};
use souhra_core::codelist::{Codelist, Form};
use souhra_core::text::slugify;
use souhra_store::records::ServiceDetail;

use crate::catalogue::Labels;
use crate::i18n::{Lang, Translations};
use crate::state::AppState;

/// Days since the last confirmation up to which the badge is green, then amber.
const FRESH_DAYS: i64 = 183;
const AGING_DAYS: i64 = 365;
/// Longest slug in a service or provider URL.
const SLUG_CHARS: usize = 60;

/// A URL slug of a name, at most 60 characters, cut at a word.
pub(crate) fn short_slug(name: &str) -> String {
    let slug = slugify(name);
    if slug.len() <= SLUG_CHARS {
        return if slug.is_empty() { "-".into() } else { slug };
    }
    let cut = &slug[..SLUG_CHARS];
    cut.rsplit_once('-')
        .map_or(cut, |(head, _)| head)
        .to_owned()
}

/// The page of a service in an area.
pub(crate) fn service_href(area: &str, id: i64, name: &str) -> String {
    format!("/{area}/sluzba/{id}-{}", short_slug(name))
}

/// The page of a provider in an area.
pub(crate) fn provider_href(area: &str, id: i64, name: &str) -> String {
    format!("/{area}/poskytovatel/{id}-{}", short_slug(name))
}

/// How fresh a service's data are.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Verified {
    /// `fresh` (≤ 6 months), `aging` (≤ 12 months), `stale` (older), `never`.
    pub level: &'static str,
    /// The date, when known.
    pub date: Option<NaiveDate>,
}

impl Verified {
    pub(crate) fn of(date: Option<NaiveDate>, today: NaiveDate) -> Self {
        let level = match date.map(|d| (today - d).num_days()) {
            None => "never",
            Some(days) if days <= FRESH_DAYS => "fresh",
            Some(days) if days <= AGING_DAYS => "aging",
            Some(_) => "stale",
        };
        Self { level, date }
    }
}

/// A map marker (never at a hidden address).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MapPoint {
    pub lat: f64,
    pub lon: f64,
    pub name: String,
    pub href: String,
    pub address: String,
}

/// A facility as shown: its address, or only its municipality when the address is hidden.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlaceView {
    pub name: String,
    pub address: Option<String>,
    pub municipality: Option<String>,
    pub hidden: bool,
}

/// A service's key facts for lists.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ServiceCard {
    pub id: i64,
    pub href: String,
    pub name: String,
    pub provider: String,
    pub provider_href: String,
    pub kind: String,
    pub kind_key: String,
    pub forms: Vec<String>,
    pub places: Vec<PlaceView>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
    pub distance: Option<String>,
    pub verified: Verified,
    pub status: &'static str,
    pub ended: bool,
    pub is_demo: bool,
    #[serde(skip)]
    pub points: Vec<MapPoint>,
}

/// An address on one line: street and numbers, postcode and municipality.
pub(crate) fn address_line(address: &Address, labels: &Labels) -> String {
    let mut street = address.street.clone().unwrap_or_default();
    match (&address.house_number, &address.orientation_number) {
        (Some(h), Some(o)) => street = format!("{street} {h}/{o}"),
        (Some(h), None) => street = format!("{street} {h}"),
        _ => {}
    }
    let town = address
        .municipality
        .and_then(|c| labels.municipality(c))
        .unwrap_or_default();
    let town = match address.postcode {
        Some(p) => format!("{p} {town}"),
        None => town.to_owned(),
    };
    [street.trim().to_owned(), town.trim().to_owned()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A facility as the public may see it.
pub(crate) fn place_view(facility: &Facility, labels: &Labels) -> PlaceView {
    let municipality = facility
        .municipality_code()
        .and_then(|c| labels.municipality(c))
        .map(str::to_owned);
    PlaceView {
        name: facility.name.clone(),
        address: (!facility.hidden_address)
            .then(|| facility.address.as_ref().map(|a| address_line(a, labels)))
            .flatten()
            .filter(|a| !a.is_empty()),
        municipality,
        hidden: facility.hidden_address,
    }
}

/// Map points of the visible facilities.
pub(crate) fn map_points(detail: &ServiceDetail, href: &str, labels: &Labels) -> Vec<MapPoint> {
    detail
        .facilities
        .iter()
        .filter(|f| !f.hidden_address)
        .filter_map(|f| {
            let point = f.point?;
            Some(MapPoint {
                lat: point.lat,
                lon: point.lon,
                name: detail.name.clone(),
                href: href.to_owned(),
                address: f
                    .address
                    .as_ref()
                    .map(|a| address_line(a, labels))
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// The translated name of a form given by its registry code (`pob`, `amb`, `ter`).
pub(crate) fn form_text(translations: &Translations, lang: Lang, key: &str) -> String {
    match Form::parse(key) {
        Some(form) => {
            let name = match form {
                Form::Residential => "residential",
                Form::Outpatient => "outpatient",
                Form::Field => "field",
            };
            translations.text(lang, &format!("form-{name}"), None)
        }
        None => key.to_owned(),
    }
}

/// Kilometres as the language writes them.
pub(crate) fn distance_text(lang: Lang, km: f64) -> String {
    let decimals = usize::from(km < 10.0);
    format!("{}\u{a0}km", lang.format_decimal(km, decimals))
}

/// The card of a service.
pub(crate) fn card(
    state: &AppState,
    lang: Lang,
    area: &str,
    labels: &Labels,
    detail: &ServiceDetail,
    distance_km: Option<f64>,
) -> ServiceCard {
    let href = service_href(area, detail.id.0, &detail.name);
    let today = chrono::Utc::now().date_naive();
    let mut places: Vec<PlaceView> = detail
        .facilities
        .iter()
        .map(|f| place_view(f, labels))
        .collect();
    places.dedup_by(|a, b| a.address == b.address && a.municipality == b.municipality);
    ServiceCard {
        id: detail.id.0,
        name: detail.name.clone(),
        provider: detail.organization.organization.name.clone(),
        provider_href: provider_href(
            area,
            detail.organization.id,
            &detail.organization.organization.name,
        ),
        kind: labels.label(Codelist::ServiceKind, &detail.kind),
        kind_key: detail.kind.clone(),
        forms: detail
            .forms
            .iter()
            .map(|f| form_text(state.translations(), lang, f.form.key()))
            .collect(),
        places,
        phone: detail.contacts.phones.first().cloned(),
        email: detail.contacts.valid_emails().into_iter().next(),
        web: detail.contacts.web_links().into_iter().next(),
        distance: distance_km.map(|km| distance_text(lang, km)),
        verified: Verified::of(detail.verified_at.map(|t| t.date_naive()), today),
        status: detail.status.key(),
        ended: detail.status == ServiceStatus::Ended,
        is_demo: detail.is_demo,
        points: map_points(detail, &href, labels),
        href,
    }
}

/// Cards of services, with the distances of their hits.
pub(crate) fn cards(
    state: &AppState,
    lang: Lang,
    area: &str,
    labels: &Labels,
    details: &[ServiceDetail],
    distances: &[Option<f64>],
) -> Vec<ServiceCard> {
    details
        .iter()
        .enumerate()
        .map(|(i, d)| {
            card(
                state,
                lang,
                area,
                labels,
                d,
                distances.get(i).copied().flatten(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_follow_the_age_of_the_confirmation() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let days = |n: i64| Some(today - chrono::Duration::days(n));
        assert_eq!(Verified::of(days(0), today).level, "fresh");
        assert_eq!(Verified::of(days(183), today).level, "fresh");
        assert_eq!(Verified::of(days(184), today).level, "aging");
        assert_eq!(Verified::of(days(365), today).level, "aging");
        assert_eq!(Verified::of(days(366), today).level, "stale");
        assert_eq!(Verified::of(None, today).level, "never");
    }

    #[test]
    fn slugs_are_short_and_never_empty() {
        assert_eq!(
            short_slug("Pečovatelská služba Nepomuk"),
            "pecovatelska-sluzba-nepomuk"
        );
        assert_eq!(short_slug("!!!"), "-");
        let long = short_slug(&"slovo ".repeat(30));
        assert!(long.len() <= SLUG_CHARS && !long.ends_with('-'), "{long}");
    }
}

//! `/{area}/sluzby?q=…`: finding services — words, a municipality they serve, facet filters
//! (kind, target group, form, age group), nearest first, open now, pages, a map.

use std::collections::BTreeMap;

use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use chrono::{Datelike, Timelike};
use fluent_bundle::FluentArgs;
use serde::Serialize;
use souhra_core::code::MunicipalityCode;
use souhra_core::codelist::Codelist;
use souhra_search::{Facet, Place, SearchQuery, Sort, WeekTime};
use souhra_store::records::ServiceId;
use souhra_store::territory::MunicipalityQuery;

use super::cards::{MapPoint, cards};
use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, encode_query_value, view};
use crate::state::AppState;

/// Results per page.
pub(crate) const PAGE_SIZE: usize = 20;
/// Highest page number accepted.
const MAX_PAGE: usize = 5_000;
/// Longest search text accepted.
pub(crate) const MAX_TEXT: usize = 200;
/// Most values of one filter accepted.
const MAX_VALUES: usize = 40;

/// The URL parameter of each facet group.
pub(crate) fn facet_param(facet: Facet) -> &'static str {
    match facet {
        Facet::Kind => "druh",
        Facet::TargetGroup => "cil",
        Facet::Form => "forma",
        Facet::AgeGroup => "vek",
    }
}

fn facet_codelist(facet: Facet) -> Codelist {
    match facet {
        Facet::Kind => Codelist::ServiceKind,
        Facet::TargetGroup => Codelist::TargetGroup,
        Facet::Form => Codelist::Form,
        Facet::AgeGroup => Codelist::AgeGroup,
    }
}

/// What the URL asks for.
#[derive(Debug, Clone, Default)]
struct Params {
    text: String,
    place: String,
    situation: String,
    filters: BTreeMap<Facet, Vec<String>>,
    nearest: bool,
    open_now: bool,
    page: usize,
    map: bool,
}

/// Why the parameters cannot be used (shown on a 400 page).
enum ParamProblem {
    TooLong,
    BadPage,
    TooMany,
}

impl Params {
    fn parse(pairs: &[(String, String)]) -> Result<Self, ParamProblem> {
        let mut params = Params {
            page: 1,
            ..Default::default()
        };
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "q" => params.text = value.to_owned(),
                "obec" => params.place = value.to_owned(),
                "situace" => params.situation = value.to_owned(),
                "razeni" => params.nearest = value == "vzdalenost",
                "otevreno" => params.open_now = value == "1",
                "mapa" => params.map = value == "1",
                "strana" => {
                    params.page = value
                        .parse::<usize>()
                        .ok()
                        .filter(|p| (1..=MAX_PAGE).contains(p))
                        .ok_or(ParamProblem::BadPage)?
                }
                other => {
                    if let Some(facet) = Facet::ALL.into_iter().find(|f| facet_param(*f) == other)
                        && !value.is_empty()
                    {
                        let values = params.filters.entry(facet).or_default();
                        if !values.iter().any(|v| v == value) {
                            values.push(value.to_owned());
                        }
                        if values.len() > MAX_VALUES {
                            return Err(ParamProblem::TooMany);
                        }
                    }
                }
            }
        }
        let too_long = |s: &str| s.chars().count() > MAX_TEXT;
        if too_long(&params.text) || too_long(&params.place) || too_long(&params.situation) {
            return Err(ParamProblem::TooLong);
        }
        Ok(params)
    }

    /// The query string of these parameters with `page` (1 is left out) and the map on or off.
    fn query_string(&self, page: usize, map: bool) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |key: &str, value: &str| {
            parts.push(format!("{key}={}", encode_query_value(value)));
        };
        if !self.text.is_empty() {
            push("q", &self.text);
        }
        if !self.place.is_empty() {
            push("obec", &self.place);
        }
        if !self.situation.is_empty() {
            push("situace", &self.situation);
        }
        for (facet, values) in &self.filters {
            for value in values {
                push(facet_param(*facet), value);
            }
        }
        if self.nearest {
            push("razeni", "vzdalenost");
        }
        if self.open_now {
            push("otevreno", "1");
        }
        if map {
            push("mapa", "1");
        }
        if page > 1 {
            push("strana", &page.to_string());
        }
        parts.join("&")
    }
}

#[derive(Serialize)]
struct FacetValue {
    key: String,
    label: String,
    count: u64,
    checked: bool,
    paragraph: bool,
}

#[derive(Serialize)]
struct FacetGroup {
    param: &'static str,
    key: &'static str,
    values: Vec<FacetValue>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct Candidate {
    name: String,
    detail: String,
    href: String,
}

/// Where the place text led.
enum Resolved {
    None,
    Place(Place, String),
    Unknown,
    Several(Vec<(MunicipalityCode, String, String)>),
}

async fn resolve_place(
    state: &AppState,
    area: souhra_core::area::AreaId,
    text: &str,
) -> Result<Resolved, AppError> {
    if text.is_empty() {
        return Ok(Resolved::None);
    }
    let store = state.store();
    let code = match MunicipalityCode::parse(text) {
        Ok(code) => Some(code),
        Err(_) => {
            let found = store
                .find_municipalities(&MunicipalityQuery {
                    text: text.to_owned(),
                    within: Some(area),
                    limit: 10,
                })
                .await?;
            let folded = souhra_core::text::fold(text);
            let exact: Vec<_> = found
                .iter()
                .filter(|m| souhra_core::text::fold(&m.name) == folded)
                .collect();
            match (exact.as_slice(), found.as_slice()) {
                ([one], _) => Some(one.code),
                ([], [one]) => Some(one.code),
                ([], []) => None,
                _ => {
                    return Ok(Resolved::Several(
                        found
                            .into_iter()
                            .map(|m| (m.code, m.name, m.orp_name))
                            .collect(),
                    ));
                }
            }
        }
    };
    let Some(code) = code else {
        return Ok(Resolved::Unknown);
    };
    if !store.area_contains(area, code).await? {
        return Ok(Resolved::Unknown);
    }
    Ok(match crate::catalogue::place(store, code).await? {
        Some((place, name)) => Resolved::Place(place, name),
        None => Resolved::Unknown,
    })
}

/// The moment of the week now, in the server's time zone.
pub(crate) fn week_time_now() -> WeekTime {
    let now = chrono::Local::now();
    WeekTime {
        weekday: now.weekday().number_from_monday() as u8,
        minute: (now.hour() * 60 + now.minute()) as u16,
    }
}

fn problem_text(state: &AppState, lang: Lang, problem: &ParamProblem) -> String {
    let mut args = FluentArgs::new();
    let key = match problem {
        ParamProblem::TooLong => {
            args.set("max", MAX_TEXT);
            "services-too-long"
        }
        ParamProblem::BadPage => {
            args.set("max", MAX_PAGE);
            "services-bad-page"
        }
        ParamProblem::TooMany => {
            args.set("max", MAX_VALUES);
            "services-too-many"
        }
    };
    state.translations().text(lang, key, Some(&args))
}

pub(crate) async fn services(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    uri: OriginalUri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let path = path_of(&uri);
    if let Some(kept) = state.pages().get(lang, &path, &headers) {
        return Ok(kept);
    }
    let generation = state.pages().generation();
    let area = load_area(&state, &slug).await?;
    let view = AreaView::new(&state, lang, &area);
    let page = Page::new(&state, lang, &path)
        .title_key("services-title")
        .nav("services")
        .area(view);
    let pairs = query.map(|Query(p)| p).unwrap_or_default();
    let params = match Params::parse(&pairs) {
        Ok(params) => params,
        Err(problem) => {
            let problem = problem_text(&state, lang, &problem);
            let html = page.render("services_problem.html", view! { problem })?;
            return Ok((StatusCode::BAD_REQUEST, html).into_response());
        }
    };
    let labels = state.labels();
    let resolved = resolve_place(&state, area.id, &params.place).await?;
    let (serves, place_name) = match &resolved {
        Resolved::Place(place, name) => (Some(*place), Some(name.clone())),
        _ => (None, None),
    };
    let candidates: Vec<Candidate> = match &resolved {
        Resolved::Several(list) => list
            .iter()
            .map(|(code, name, orp)| {
                let chosen = Params {
                    place: code.to_string(),
                    ..params.clone()
                };
                Candidate {
                    name: name.clone(),
                    detail: orp.clone(),
                    href: format!("/{}/sluzby?{}", area.slug, chosen.query_string(1, false)),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let place_unknown = matches!(resolved, Resolved::Unknown);
    let nearest = params.nearest && serves.is_some_and(|p| p.point.is_some());
    let scope = state.scope(area.id).await?;
    let search = SearchQuery {
        text: params.text.clone(),
        filters: params.filters.clone(),
        serves,
        within: Some((*scope).clone()),
        sort: if nearest {
            Sort::Distance
        } else {
            Sort::Relevance
        },
        open_at: params.open_now.then(week_time_now),
        include_ended: false,
        offset: (params.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let results = state
        .search()
        .search(&search)
        .map_err(|e| AppError::Internal(format!("search: {e}")))?;
    let ids: Vec<ServiceId> = results.hits.iter().map(|h| ServiceId(h.id)).collect();
    let details = state.store().services(&ids).await?;
    let distances: Vec<Option<f64>> = results.hits.iter().map(|h| h.distance_km).collect();
    let found = cards(
        &state,
        lang,
        area.slug.as_str(),
        &labels,
        &details,
        &distances,
    );
    let facets: Vec<FacetGroup> = Facet::ALL
        .into_iter()
        .map(|facet| {
            let chosen = params.filters.get(&facet).cloned().unwrap_or_default();
            let list = facet_codelist(facet);
            let mut values: Vec<FacetValue> = results
                .facets
                .get(&facet)
                .map(|counts| {
                    counts
                        .iter()
                        .map(|c| FacetValue {
                            label: match facet {
                                Facet::Form => {
                                    super::cards::form_text(state.translations(), lang, &c.key)
                                }
                                _ => labels.label(list, &c.key),
                            },
                            checked: chosen.contains(&c.key),
                            paragraph: facet == Facet::Kind && labels.has(list, &c.key),
                            key: c.key.clone(),
                            count: c.count,
                        })
                        .collect()
                })
                .unwrap_or_default();
            // A chosen value that no service has stays visible, so it can be unticked.
            for key in &chosen {
                if !values.iter().any(|v| &v.key == key) {
                    values.push(FacetValue {
                        label: labels.label(list, key),
                        key: key.clone(),
                        count: 0,
                        checked: true,
                        paragraph: false,
                    });
                }
            }
            if facet == Facet::Kind {
                values.sort_by_key(|v| kind_order(&v.key));
            }
            FacetGroup {
                param: facet_param(facet),
                key: match facet {
                    Facet::Kind => "kind",
                    Facet::TargetGroup => "target",
                    Facet::Form => "form",
                    Facet::AgeGroup => "age",
                },
                values,
            }
        })
        .collect();
    let pages = (results.total.div_ceil(PAGE_SIZE)).clamp(1, MAX_PAGE);
    let page_links: Vec<PageLink> = page_numbers(params.page, pages)
        .into_iter()
        .map(|number| PageLink {
            number,
            href: format!(
                "/{}/sluzby?{}",
                area.slug,
                params.query_string(number, params.map)
            ),
            current: number == params.page,
        })
        .collect();
    let href = |page: usize, map: bool| {
        format!("/{}/sluzby?{}", area.slug, params.query_string(page, map))
    };
    let map_points: Vec<MapPoint> = if params.map {
        found.iter().flat_map(|c| c.points.clone()).collect()
    } else {
        Vec::new()
    };
    let map_data = serde_json::to_string(&map_points).unwrap_or_else(|_| "[]".into());
    let situation = if params.situation.is_empty() {
        None
    } else {
        super::situations::title_of(&state, lang, area.id, &params.situation).await?
    };
    let first = (params.page - 1) * PAGE_SIZE + 1;
    let html = page.render_context(
        "services.html",
        view! {
            q => params.text,
            place => params.place,
            place_name,
            place_unknown,
            candidates,
            situation,
            situation_key => params.situation,
            nearest,
            nearest_asked => params.nearest,
            open_now => params.open_now,
            map => params.map,
            map_data,
            map_href => href(params.page, !params.map),
            tiles => state.config().tiles(),
            attribution => state.config().attribution(),
            total => results.total,
            relaxed => results.relaxed,
            first,
            last => first + found.len().saturating_sub(1),
            services => found,
            facets,
            page_links,
            prev_href => (params.page > 1).then(|| href(params.page - 1, params.map)),
            next_href => (params.page < pages).then(|| href(params.page + 1, params.map)),
            page_number => params.page,
            pages,
        },
    )?;
    // "Open now" depends on the clock: such pages are not kept.
    Ok(if params.open_now {
        Html(html).into_response()
    } else {
        state.pages().keep(lang, &path, generation, html, &headers)
    })
}

/// Kinds in the order of the Act: by paragraph number, then its letter.
fn kind_order(key: &str) -> (u32, String) {
    let digits: String = key.chars().take_while(char::is_ascii_digit).collect();
    (
        digits.parse().unwrap_or(u32::MAX),
        key[digits.len()..].to_owned(),
    )
}

/// Page numbers to link: the first, the last and two either side of the current one.
fn page_numbers(current: usize, pages: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (1..=pages)
        .filter(|&n| n == 1 || n == pages || n.abs_diff(current) <= 2)
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn parameters_round_trip_through_the_query_string() {
        let params = Params::parse(&pairs(&[
            ("q", " senioři "),
            ("druh", "40"),
            ("druh", "40"),
            ("druh", "41"),
            ("forma", "terenni"),
            ("obec", "Kramolín"),
            ("razeni", "vzdalenost"),
            ("strana", "3"),
            ("nic", "x"),
        ]))
        .ok()
        .unwrap();
        assert_eq!(params.text, "senioři");
        assert_eq!(params.filters[&Facet::Kind], ["40", "41"]);
        assert_eq!(params.page, 3);
        assert_eq!(
            params.query_string(2, true),
            "q=senio%C5%99i&obec=Kramol%C3%ADn&druh=40&druh=41&forma=terenni&razeni=vzdalenost&mapa=1&strana=2"
        );
    }

    #[test]
    fn bad_pages_and_long_texts_are_refused() {
        for page in ["0", "-1", "5001", "abc", "99999999999999999999999"] {
            assert!(matches!(
                Params::parse(&pairs(&[("strana", page)])),
                Err(ParamProblem::BadPage)
            ));
        }
        let long = "a".repeat(MAX_TEXT + 1);
        assert!(matches!(
            Params::parse(&pairs(&[("q", &long)])),
            Err(ParamProblem::TooLong)
        ));
        let many: Vec<(String, String)> = (0..=MAX_VALUES)
            .map(|i| ("druh".to_owned(), i.to_string()))
            .collect();
        assert!(matches!(Params::parse(&many), Err(ParamProblem::TooMany)));
    }

    #[test]
    fn pages_around_the_current_one_are_linked() {
        assert_eq!(page_numbers(1, 1), [1]);
        assert_eq!(page_numbers(5, 20), [1, 3, 4, 5, 6, 7, 20]);
        assert!(kind_order("60a") > kind_order("60"));
        assert!(kind_order("9") < kind_order("37"));
    }
}

//! `/{area}/obec/{code}-{slug}`: a municipality of the area.

use axum::extract::{OriginalUri, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use souhra_core::code::MunicipalityCode;
use souhra_core::population::PopulationSummary;

use super::{load_area, path_of};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{AreaView, Page, view};
use crate::state::AppState;

/// Services listed on a municipality's page (the rest are a link away).
const SERVICES_SHOWN: usize = 10;

#[derive(Serialize)]
struct BandRow {
    from: u8,
    to: Option<u8>,
    count: u64,
    share: String,
}

#[derive(Serialize)]
struct PointView {
    lat_text: String,
    lon_text: String,
    map_url: String,
}

fn percent(lang: Lang, part: u64, whole: u64) -> String {
    if whole == 0 {
        return String::new();
    }
    lang.format_percent(part as f64 / whole as f64)
}

pub(crate) async fn municipality_page(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, code_and_name)): Path<(String, String)>,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let area = load_area(&state, &slug).await?;
    let code_text = code_and_name.split('-').next().unwrap_or_default();
    let code = MunicipalityCode::parse(code_text).map_err(|_| AppError::NotFound)?;
    let store = state.store();
    if !store.area_contains(area.id, code).await? {
        return Err(AppError::NotFound);
    }
    let detail = store.municipality(code).await?.ok_or(AppError::NotFound)?;
    let canonical = format!("{code}-{}", detail.slug);
    if code_and_name != canonical {
        return Ok(
            Redirect::permanent(&format!("/{}/obec/{canonical}", area.slug)).into_response(),
        );
    }
    let records = store.population(code).await?;
    let summary = PopulationSummary::of(&records);
    let bands_total = summary
        .bands_date
        .and_then(|date| {
            records
                .iter()
                .find(|r| r.band.is_total() && r.reference_date == date)
        })
        .map(|r| r.count)
        .unwrap_or_else(|| summary.bands.iter().map(|(_, count)| count).sum());
    let bands: Vec<BandRow> = summary
        .bands
        .iter()
        .map(|(band, count)| BandRow {
            from: band.from,
            to: band.to,
            count: *count,
            share: percent(lang, *count, bands_total),
        })
        .collect();
    let point = detail.municipality.point.map(|p| PointView {
        lat_text: lang.format_decimal(p.lat, 4),
        lon_text: lang.format_decimal(p.lon, 4),
        map_url: format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=13/{lat:.5}/{lon:.5}",
            lat = p.lat,
            lon = p.lon
        ),
    });
    let postcodes: Vec<String> = detail
        .municipality
        .postcodes
        .iter()
        .map(ToString::to_string)
        .collect();
    let place = souhra_search::Place::of(&detail.municipality);
    let results = state
        .search()
        .search(&souhra_search::SearchQuery {
            serves: Some(place),
            sort: if place.point.is_some() {
                souhra_search::Sort::Distance
            } else {
                souhra_search::Sort::Relevance
            },
            limit: SERVICES_SHOWN,
            ..Default::default()
        })
        .map_err(|e| AppError::Internal(format!("search: {e}")))?;
    let ids: Vec<souhra_store::records::ServiceId> = results
        .hits
        .iter()
        .map(|h| souhra_store::records::ServiceId(h.id))
        .collect();
    let distances: Vec<Option<f64>> = results.hits.iter().map(|h| h.distance_km).collect();
    let labels = state.labels();
    let services = super::cards::cards(
        &state,
        lang,
        area.slug.as_str(),
        &labels,
        &store.services(&ids).await?,
        &distances,
    );
    let view = AreaView::new(&state, lang, &area);
    let html = Page::new(&state, lang, &path_of(&uri))
        .title(detail.municipality.name.clone())
        .nav("area")
        .area(view)
        .render(
            "municipality.html",
            view! {
                m => detail.municipality,
                detail,
                postcodes,
                point,
                population_total => summary.total.map(|(_, count)| count),
                population_date => summary.total.map(|(date, _)| date),
                bands,
                bands_date => summary.bands_date,
                services,
                services_total => results.total,
                services_href => format!("/{}/sluzby?obec={code}&razeni=vzdalenost", area.slug),
            },
        )?;
    Ok(html.into_response())
}

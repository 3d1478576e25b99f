//! **Fictional** age structure for the demo and the benchmarks: each municipality's real total
//! divided into five-year age groups by a made-up profile, tilted a little older or younger per
//! municipality so that the maps and tables vary. Nothing here is a ČSÚ figure; the demo's
//! analysis page says so.

use souhra_core::code::{MunicipalityCode, RegionCode};
use souhra_core::population::{AgeBand, PopulationRecord};
use souhra_core::progress::NoProgress;
use souhra_store::Store;

use crate::failure::Failure;

/// A made-up age profile in five-year groups from 0–4 to 85+ (relative weights).
const PROFILE: [f64; 18] = [
    5.0, 5.4, 5.3, 4.8, 4.7, 5.6, 6.4, 7.3, 8.1, 7.6, 6.3, 6.2, 6.1, 6.5, 6.0, 4.4, 2.6, 2.3,
];

/// The fictional age groups of a municipality of `total` inhabitants (they add up to `total`).
pub fn fictional_bands(code: MunicipalityCode, total: u64) -> Vec<(AgeBand, u64)> {
    // A tilt from −0.3 to +0.3 towards the older groups, fixed per municipality.
    let tilt = f64::from(code.get() % 13) / 20.0 - 0.3;
    let weights: Vec<f64> = PROFILE
        .iter()
        .enumerate()
        .map(|(i, w)| w * (1.0 + tilt * (i as f64 - 8.5) / 8.5).max(0.1))
        .collect();
    let sum: f64 = weights.iter().sum();
    let mut left = total;
    let mut bands = Vec::with_capacity(PROFILE.len());
    for (i, w) in weights.iter().enumerate() {
        let from = u8::try_from(i * 5).unwrap_or(u8::MAX);
        let last = i + 1 == PROFILE.len();
        let count = if last {
            left
        } else {
            ((total as f64) * w / sum).round().min(left as f64) as u64
        };
        left -= count;
        let to = (!last).then(|| from + 4);
        if let Ok(band) = AgeBand::new(from, to) {
            bands.push((band, count));
        }
    }
    bands
}

/// Stores fictional age groups for every municipality of `region` with a total, at the date of
/// that total; returns how many municipalities got them.
pub async fn seed(store: &Store, region: RegionCode) -> Result<usize, Failure> {
    let places = store.analysis_places(Some(region)).await?;
    let mut records = Vec::new();
    let mut seeded = 0;
    for place in &places {
        let Some((date, total)) = place.population.total else {
            continue;
        };
        seeded += 1;
        records.extend(
            fictional_bands(place.code, total)
                .into_iter()
                .map(|(band, count)| PopulationRecord {
                    municipality: place.code,
                    reference_date: date,
                    band,
                    count,
                }),
        );
    }
    store.load_population(&records, &NoProgress).await?;
    Ok(seeded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_add_up_to_the_total_and_cover_every_age() {
        for (code, total) in [(558109, 3705), (557943, 17), (500011, 0), (554791, 175_219)] {
            let code = MunicipalityCode::try_from(i64::from(code)).unwrap();
            let bands = fictional_bands(code, total);
            assert_eq!(bands.len(), 18);
            assert_eq!(bands.iter().map(|(_, n)| n).sum::<u64>(), total);
            assert_eq!(
                souhra_core::analysis::aged_from(&bands, 0),
                Some(total),
                "a chain from 0 to 85+"
            );
            assert!(souhra_core::analysis::aged_from(&bands, 65).is_some());
            assert!(souhra_core::analysis::aged_from(&bands, 80).is_some());
        }
    }
}

//! The demo region's network of services: the region's services (in the demo, fictional), put into a
//! network plan as `data/generator/kraj-demo.json` describes — some left out, some in the
//! optional network, some with less capacity than registered, planned money per unit of
//! capacity split by source, each justified by a measure of the region's plan — and, once the
//! network is in force, part of the money recorded as paid. Stored through the same store calls
//! as the web's network editor.

use std::collections::HashMap;

use serde::Deserialize;
use souhra_core::area::{Area, AreaId};
use souhra_core::catalogue::ServiceStatus;
use souhra_core::codelist::{Codelist, Form, KindCategory};
use souhra_core::network::{NetworkCapacity, NetworkType};
use souhra_core::plan::{ElementKey, FundingSource};
use souhra_store::Store;
use souhra_store::network::{MeasureRef, NetworkEntry};
use souhra_store::plan::{PlanChange, PlanId, VersionId};

use crate::failure::Failure;

/// How the demo network is made from the region's services.
#[derive(Deserialize)]
pub(super) struct NetworkSeed {
    /// The plan (by reference in the same file) whose measures justify the services.
    plan: String,
    /// Measure and public justification per category of kind.
    by_category: HashMap<KindCategory, CategorySeed>,
    /// Every n-th service stays outside the network.
    leave_out_every: usize,
    /// Every n-th service is in the optional network.
    optional_every: usize,
    /// Every n-th service counts only part of its registered capacity …
    reduced_every: usize,
    /// … this share (per cent).
    reduced_percent: u32,
    /// Planned money per unit of capacity in the network and year, by form.
    per_unit: HashMap<Form, i64>,
    /// How the planned money divides among sources (per cent).
    shares: Vec<(String, i64)>,
    /// How much of the planned money per source has been paid (per cent).
    paid_percent: Vec<(String, i64)>,
}

#[derive(Deserialize)]
struct CategorySeed {
    measure: String,
    justification: String,
}

/// An entry as saved, for the money paid afterwards.
pub(super) struct Saved {
    key: ElementKey,
    planned: Vec<(FundingSource, i64)>,
}

fn sources(pairs: &[(String, i64)], what: &str) -> Result<Vec<(FundingSource, i64)>, Failure> {
    pairs
        .iter()
        .map(|(source, n)| {
            FundingSource::from_key(source)
                .map(|s| (s, *n))
                .map_err(|e| Failure::runtime(format!("{what}: {e}")))
        })
        .collect()
}

/// Rounded to whole thousands of crowns.
fn thousands(amount: i64) -> i64 {
    (amount + 500) / 1000 * 1000
}

/// Puts the services of `area` (those not ended; in the demo, all are fictional) into the network `version`; `measures`
/// finds a measure of the seed's plan by its reference.
pub(super) async fn add_entries(
    store: &Store,
    area: AreaId,
    version: VersionId,
    seed: &NetworkSeed,
    measures: impl Fn(&str, &str) -> Option<(PlanId, ElementKey)>,
    change: PlanChange,
) -> Result<Vec<Saved>, Failure> {
    let bad = |what: String| Failure::runtime(format!("demo network: {what}"));
    let shares = sources(&seed.shares, "shares")?;
    let categories: HashMap<String, KindCategory> = store
        .codelist(Codelist::ServiceKind)
        .await?
        .into_iter()
        .filter_map(|e| e.category.map(|c| (e.key, c)))
        .collect();
    let mut services: Vec<_> = store
        .services_in_area(area)
        .await?
        .into_iter()
        .filter(|s| s.status != ServiceStatus::Ended)
        .collect();
    services.sort_by_key(|s| s.id.0);
    let ids: Vec<_> = services.iter().map(|s| s.id).collect();
    // In the order of `ids`, with everything each holds (its registered capacities).
    let details = store.services(&ids).await?;
    let every = |n: usize, i: usize| n > 0 && (i + 1).is_multiple_of(n);
    let mut saved = Vec::new();
    for (i, service) in details.iter().enumerate() {
        if every(seed.leave_out_every, i) {
            continue;
        }
        let Some(category) = categories.get(&service.kind) else {
            continue;
        };
        let Some(category_seed) = seed.by_category.get(category) else {
            continue;
        };
        let percent = if every(seed.reduced_every, i) {
            seed.reduced_percent.min(100)
        } else {
            100
        };
        let capacities: Vec<NetworkCapacity> = service
            .forms
            .iter()
            .flat_map(|f| {
                f.capacities.iter().map(move |c| NetworkCapacity {
                    form: f.form,
                    capacity_type: c.capacity_type.clone(),
                    count: (c.count * percent).div_ceil(100),
                })
            })
            .filter(|c| c.count > 0)
            .collect();
        if capacities.is_empty() {
            continue;
        }
        let yearly: i64 = capacities
            .iter()
            .map(|c| seed.per_unit.get(&c.form).copied().unwrap_or(0) * i64::from(c.count))
            .sum();
        let planned: Vec<(FundingSource, i64)> = shares
            .iter()
            .map(|(source, share)| (*source, thousands(yearly * share / 100)))
            .filter(|(_, amount)| *amount > 0)
            .collect();
        let (plan, key) = measures(&seed.plan, &category_seed.measure).ok_or_else(|| {
            bad(format!(
                "no measure {}/{}",
                seed.plan, category_seed.measure
            ))
        })?;
        let entry = NetworkEntry {
            service: service.id,
            network_type: if every(seed.optional_every, i) {
                NetworkType::Optional
            } else {
                NetworkType::Basic
            },
            capacities,
            justification: Some(category_seed.justification.clone()),
            measures: vec![MeasureRef { plan: plan.0, key }],
            planned: planned.clone(),
        };
        let key = store
            .save_network_entry(version, None, &entry, change)
            .await?;
        saved.push(Saved { key, planned });
    }
    Ok(saved)
}

/// Records part of the planned money as paid in `year`.
pub(super) async fn record_paid(
    store: &Store,
    plan: PlanId,
    year: i32,
    seed: &NetworkSeed,
    entries: &[Saved],
    change: PlanChange,
) -> Result<(), Failure> {
    let paid = sources(&seed.paid_percent, "paid_percent")?;
    for entry in entries {
        let lines: Vec<(FundingSource, i64)> = entry
            .planned
            .iter()
            .filter_map(|(source, amount)| {
                let percent = paid.iter().find(|(s, _)| s == source)?.1;
                Some((*source, thousands(amount * percent / 100)))
            })
            .filter(|(_, amount)| *amount > 0)
            .collect();
        if !lines.is_empty() {
            store
                .record_funding_actual(plan, &entry.key, year, &lines, change)
                .await?;
        }
    }
    Ok(())
}

/// The plans of the areas within a region-level `area` that are in force and have a structure
/// (community and action plans), for a region's plan to name as its inputs.
pub(super) async fn plans_within(store: &Store, area: &Area) -> Result<Vec<PlanId>, Failure> {
    let mut inputs = Vec::new();
    for child in store.area_children(area).await? {
        for plan in store.plans_of_area(child.id).await? {
            if plan.kind.has_structure() && plan.in_force().is_some() {
                inputs.push(plan.id);
            }
        }
    }
    Ok(inputs)
}

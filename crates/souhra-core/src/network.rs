//! The network of social services (síť sociálních služeb, §95 of Act 108/2006): which services an
//! area's network holds in a year, with the capacity it counts on (at most the registered one),
//! the type of network the region defines (basic or optional) and the planned money by source.
//! A network is a plan document of its own kind ([`crate::plan::PlanKind::ServiceNetwork`]), so
//! proposals, public comment, approval and versions work as for plans; each service of the
//! network is an element ([`crate::plan::ElementKind::NetworkEntry`]).
//!
//! The checks here are the ones a region states when it refuses an entry: a service that has
//! ended, a capacity the registry does not know or one above the registered figure, money that
//! is negative or from an unknown source.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::{ServiceForm, ServiceStatus};
use crate::codelist::Form;
use crate::plan::{FundingSource, PlanError, keyed, parse_amount};

keyed!(
    /// The type of network a service belongs to, as the region defines it.
    NetworkType, "network type" {
        /// Základní síť: the services the region guarantees and funds first.
        Basic => "basic",
        /// Optimální / doplňková síť: services funded when the money allows.
        Optional => "optional",
    }
);

/// The capacity of one form and capacity type that the network counts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkCapacity {
    /// Residential, outpatient or field.
    pub form: Form,
    /// The capacity type as registered (registry id or codelist key).
    pub capacity_type: String,
    /// Places, clients or workers counted in the network; never above the registered count.
    pub count: u32,
}

/// Why a service cannot be in the network as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetworkError {
    /// The service is no longer provided.
    #[error("the service has ended{} and cannot be part of the network", since.map(|d| format!(" ({d})")).unwrap_or_default())]
    Ended {
        /// Since when, if known.
        since: Option<NaiveDate>,
    },
    /// The registry knows no such capacity of the service.
    #[error("the service has no registered capacity {capacity_type:?} in the form {}", form.key())]
    NotRegistered {
        /// The form.
        form: Form,
        /// The capacity type.
        capacity_type: String,
    },
    /// More capacity than registered.
    #[error(
        "the capacity {asked} ({capacity_type:?}, form {}) is above the registered {registered}",
        form.key()
    )]
    AboveRegistered {
        /// The form.
        form: Form,
        /// The capacity type.
        capacity_type: String,
        /// What was asked.
        asked: u32,
        /// What the registry holds.
        registered: u32,
    },
    /// The same capacity given twice.
    #[error("the capacity {capacity_type:?} in the form {} is given twice", form.key())]
    Twice {
        /// The form.
        form: Form,
        /// The capacity type.
        capacity_type: String,
    },
    /// The service is already in the network's version.
    #[error("the service is already in this network")]
    Duplicate,
    /// Money that cannot be planned.
    #[error(transparent)]
    Money(#[from] PlanError),
}

/// Checks the capacities asked for a service of `status` (since `since`) against its registered
/// forms; capacities of 0 are left out of the result.
pub fn check_capacities(
    status: ServiceStatus,
    since: Option<NaiveDate>,
    registered: &[ServiceForm],
    asked: &[NetworkCapacity],
) -> Result<Vec<NetworkCapacity>, NetworkError> {
    if status == ServiceStatus::Ended {
        return Err(NetworkError::Ended { since });
    }
    let mut kept: Vec<NetworkCapacity> = Vec::new();
    for capacity in asked {
        if kept
            .iter()
            .any(|k| k.form == capacity.form && k.capacity_type == capacity.capacity_type)
        {
            return Err(NetworkError::Twice {
                form: capacity.form,
                capacity_type: capacity.capacity_type.clone(),
            });
        }
        let registered_count: Option<u32> = registered
            .iter()
            .filter(|f| f.form == capacity.form)
            .flat_map(|f| &f.capacities)
            .filter(|c| c.capacity_type == capacity.capacity_type)
            .map(|c| c.count)
            .max();
        match registered_count {
            None => {
                return Err(NetworkError::NotRegistered {
                    form: capacity.form,
                    capacity_type: capacity.capacity_type.clone(),
                });
            }
            Some(registered) if capacity.count > registered => {
                return Err(NetworkError::AboveRegistered {
                    form: capacity.form,
                    capacity_type: capacity.capacity_type.clone(),
                    asked: capacity.count,
                    registered,
                });
            }
            Some(_) => {}
        }
        // A zero is kept until the end too, so that the same capacity given again is caught.
        kept.push(capacity.clone());
    }
    kept.retain(|k| k.count > 0);
    Ok(kept)
}

/// Reads money as people type it, per funding source key: blank amounts are left out, an unknown
/// source or a negative or malformed amount refuses the whole list.
pub fn parse_funding<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<(FundingSource, i64)>, PlanError> {
    let mut lines: Vec<(FundingSource, i64)> = Vec::new();
    for (source, amount) in pairs {
        let source = FundingSource::from_key(source.trim())?;
        if amount.trim().is_empty() {
            continue;
        }
        let amount = parse_amount(amount)?;
        match lines.iter_mut().find(|(s, _)| *s == source) {
            Some(line) => line.1 += amount,
            None => lines.push((source, amount)),
        }
    }
    lines.sort_by_key(|(s, _)| *s);
    Ok(lines)
}

/// Money per inhabitant, when there are inhabitants.
pub fn per_capita(amount: i64, inhabitants: u64) -> Option<f64> {
    (inhabitants > 0).then(|| amount as f64 / inhabitants as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Capacity;

    fn registered() -> Vec<ServiceForm> {
        vec![ServiceForm {
            form: Form::Residential,
            continuous: true,
            capacities: vec![Capacity {
                capacity_type: "luzka".into(),
                count: 40,
                note: None,
            }],
            hours: Vec::new(),
            hours_note: None,
        }]
    }

    fn asked(form: Form, kind: &str, count: u32) -> NetworkCapacity {
        NetworkCapacity {
            form,
            capacity_type: kind.into(),
            count,
        }
    }

    #[test]
    fn capacity_up_to_the_registered_one_is_kept() {
        let kept = check_capacities(
            ServiceStatus::Active,
            None,
            &registered(),
            &[asked(Form::Residential, "luzka", 40)],
        )
        .expect("40 of 40 beds");
        assert_eq!(kept, vec![asked(Form::Residential, "luzka", 40)]);
        let none = check_capacities(
            ServiceStatus::Suspended,
            None,
            &registered(),
            &[asked(Form::Residential, "luzka", 0)],
        )
        .expect("zero is no capacity");
        assert!(none.is_empty());
    }

    #[test]
    fn capacity_above_the_registered_one_is_refused_with_both_figures() {
        let error = check_capacities(
            ServiceStatus::Active,
            None,
            &registered(),
            &[asked(Form::Residential, "luzka", 41)],
        )
        .expect_err("41 of 40 beds");
        assert_eq!(
            error,
            NetworkError::AboveRegistered {
                form: Form::Residential,
                capacity_type: "luzka".into(),
                asked: 41,
                registered: 40
            }
        );
        assert!(error.to_string().contains("41"), "{error}");
        assert!(error.to_string().contains("40"), "{error}");
    }

    #[test]
    fn unknown_and_repeated_capacities_are_refused() {
        let unknown = check_capacities(
            ServiceStatus::Active,
            None,
            &registered(),
            &[asked(Form::Field, "luzka", 1)],
        );
        assert!(matches!(unknown, Err(NetworkError::NotRegistered { .. })));
        let twice = check_capacities(
            ServiceStatus::Active,
            None,
            &registered(),
            &[
                asked(Form::Residential, "luzka", 0),
                asked(Form::Residential, "luzka", 3),
            ],
        );
        assert!(matches!(twice, Err(NetworkError::Twice { .. })));
    }

    #[test]
    fn an_ended_service_is_refused_with_its_date() {
        let since = NaiveDate::from_ymd_opt(2025, 12, 31);
        let error =
            check_capacities(ServiceStatus::Ended, since, &registered(), &[]).expect_err("ended");
        assert_eq!(error, NetworkError::Ended { since });
        assert!(error.to_string().contains("2025-12-31"), "{error}");
    }

    #[test]
    fn funding_refuses_negative_money_and_unknown_sources() {
        assert_eq!(
            parse_funding([
                ("region", "1 200 000"),
                ("municipality", ""),
                ("region", "5")
            ]),
            Ok(vec![(FundingSource::Region, 1_200_005)])
        );
        assert_eq!(
            parse_funding([("region", "-5")]),
            Err(PlanError::Negative("-5".into()))
        );
        assert_eq!(
            parse_funding([("region", "−5 000")]),
            Err(PlanError::Negative("−5 000".into()))
        );
        assert!(matches!(
            parse_funding([("lottery", "5")]),
            Err(PlanError::Unknown {
                what: "funding source",
                ..
            })
        ));
        assert_eq!(per_capita(1000, 0), None);
        assert_eq!(per_capita(1000, 4), Some(250.0));
    }
}

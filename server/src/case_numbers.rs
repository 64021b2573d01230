//! The leder's numbers (issue 15.8): the orders submitted in a period per service and
//! status, and how long they took in working days — to the first answer the customer got
//! and to Fullført — as median and 90th percentile.

use common::OrderStatus;
use common::api::staff::{CaseNumbers, Durations, ServiceNumbers};
use jiff::civil::Date;

pub use crate::db::cases::Timeline;
use crate::working_days;

/// The numbers of the orders `timelines` (those submitted from `from` to `to`).
pub fn numbers(timelines: &[Timeline], from: Date, to: Date) -> CaseNumbers {
    let mut services: Vec<ServiceNumbers> = common::services::SERVICES
        .iter()
        .map(|s| s.slug)
        .filter_map(|slug| {
            let of: Vec<&Timeline> = timelines.iter().filter(|t| t.service == slug).collect();
            (!of.is_empty()).then(|| numbers_of(slug, &of))
        })
        .collect();
    // Orders of a service no longer in the catalogue still count.
    let mut gone: Vec<&str> = timelines
        .iter()
        .map(|t| t.service.as_str())
        .filter(|s| common::services::by_slug(s).is_none())
        .collect();
    gone.sort_unstable();
    gone.dedup();
    for slug in gone {
        let of: Vec<&Timeline> = timelines.iter().filter(|t| t.service == slug).collect();
        services.push(numbers_of(slug, &of));
    }
    CaseNumbers {
        from: from.to_string(),
        to: to.to_string(),
        services,
        total: numbers_of("", &timelines.iter().collect::<Vec<_>>()),
    }
}

fn numbers_of(service: &str, timelines: &[&Timeline]) -> ServiceNumbers {
    let by_status = OrderStatus::ALL
        .into_iter()
        .map(|s| {
            let n = timelines.iter().filter(|t| t.status == s.as_str()).count();
            (s, n as u64)
        })
        .collect();
    let took = |end: fn(&Timeline) -> Option<i64>| {
        let mut days: Vec<i64> = timelines
            .iter()
            .filter_map(|t| {
                end(t).map(|at| {
                    working_days::between(
                        working_days::oslo_date(t.submitted_at_ms),
                        working_days::oslo_date(at),
                    )
                })
            })
            .collect();
        days.sort_unstable();
        Durations {
            cases: days.len() as u64,
            median: percentile(&days, 0.5),
            p90: percentile(&days, 0.9),
        }
    };
    ServiceNumbers {
        service: service.to_owned(),
        orders: timelines.len() as u64,
        by_status,
        first_answer: took(|t| t.first_answer_ms),
        completed: took(|t| t.completed_ms),
    }
}

/// The `p` quantile of sorted values, interpolated between the two nearest (so the median
/// of 1 and 2 is 1.5); `None` of nothing.
pub fn percentile(sorted: &[i64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = p * last as f64;
    let (below, above) = (rank.floor() as usize, rank.ceil() as usize);
    let weight = rank - below as f64;
    Some(sorted[below] as f64 * (1.0 - weight) + sorted[above] as f64 * weight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(d: Date) -> i64 {
        working_days::oslo_midnight_ms(d) + 10 * 3600 * 1000
    }

    fn timeline(
        service: &str,
        status: OrderStatus,
        submitted: Date,
        answered: Option<Date>,
        completed: Option<Date>,
    ) -> Timeline {
        Timeline {
            service: service.to_owned(),
            status: status.as_str().to_owned(),
            submitted_at_ms: at(submitted),
            first_answer_ms: answered.map(at),
            completed_ms: completed.map(at),
        }
    }

    #[test]
    fn percentiles_interpolate_between_the_nearest_values() {
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[3], 0.9), Some(3.0));
        assert_eq!(percentile(&[1, 2], 0.5), Some(1.5));
        assert_eq!(percentile(&[0, 1, 1, 2, 9], 0.5), Some(1.0));
        let ten: Vec<i64> = (1..=10).collect();
        assert!((percentile(&ten, 0.9).unwrap() - 9.1).abs() < 1e-9);
    }

    #[test]
    fn durations_are_working_days_per_service_and_in_total() {
        use OrderStatus::*;
        // Thursday 16 April 2026 to Tuesday 21 April: Friday, Monday, Tuesday — 3 working
        // days. Over Easter 2026, Wednesday 1 April to Tuesday 7 April: 1 (Maundy Thursday,
        // Good Friday and Easter Monday are holidays).
        let rows = [
            timeline(
                "digihelse",
                Fullfort,
                date(2026, 4, 16),
                Some(date(2026, 4, 17)),
                Some(date(2026, 4, 21)),
            ),
            timeline(
                "digihelse",
                Fullfort,
                date(2026, 4, 1),
                Some(date(2026, 4, 7)),
                Some(date(2026, 4, 7)),
            ),
            timeline("digihelse", Mottatt, date(2026, 4, 20), None, None),
            timeline(
                "ddfl",
                TrengerAvklaring,
                date(2026, 5, 15),
                Some(date(2026, 5, 18)),
                None,
            ),
        ];
        let n = numbers(&rows, date(2026, 4, 1), date(2026, 5, 31));
        assert_eq!(n.from, "2026-04-01");
        let slugs: Vec<&str> = n.services.iter().map(|s| s.service.as_str()).collect();
        assert_eq!(slugs, ["ddfl", "digihelse"], "in the catalogue's order");
        let digihelse = &n.services[1];
        assert_eq!(digihelse.orders, 3);
        assert_eq!(
            digihelse.by_status,
            [
                (Mottatt, 1),
                (UnderBehandling, 0),
                (TrengerAvklaring, 0),
                (Fullfort, 2),
                (Avvist, 0)
            ]
        );
        // Both answered after 1 working day; completed after 3 and 1.
        assert_eq!(digihelse.first_answer.cases, 2);
        assert_eq!(digihelse.first_answer.median, Some(1.0));
        assert_eq!(digihelse.completed.median, Some(2.0));
        assert!((digihelse.completed.p90.unwrap() - 2.8).abs() < 1e-9);
        // 17 May is a Sunday in 2026; 15 May (Friday) → 18 May (Monday) is 1 working day.
        assert_eq!(n.services[0].first_answer.median, Some(1.0));
        assert_eq!(n.services[0].completed.cases, 0);
        assert_eq!(n.services[0].completed.median, None);
        assert_eq!(n.total.orders, 4);
        assert_eq!(n.total.first_answer.cases, 3);
        assert_eq!(n.total.first_answer.median, Some(1.0));
    }
}

//! Prometheus metrics in the text exposition format, kept in process: request counts by method,
//! route and status; request durations by method and route; requests in flight; database pool
//! connections; uptime and build information. Routes are the matched route patterns
//! (`/{area}/obec/{municipality}`), never raw paths, so the number of series stays bounded.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

/// Upper bounds of the duration histogram buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

#[derive(Default)]
struct Histogram {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
struct Series {
    requests: BTreeMap<(String, String, u16), u64>,
    durations: BTreeMap<(String, String), Histogram>,
}

/// The metrics registry of one server process.
pub(crate) struct Metrics {
    series: Mutex<Series>,
    in_flight: AtomicI64,
    started: Instant,
}

/// Writes the `# HELP` and `# TYPE` lines of a metric.
fn describe(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// Escapes a label value for the text format.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

impl Metrics {
    pub(crate) fn new() -> Self {
        Self {
            series: Mutex::new(Series::default()),
            in_flight: AtomicI64::new(0),
            started: Instant::now(),
        }
    }

    pub(crate) fn request_started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn request_finished(
        &self,
        method: &str,
        route: &str,
        status: u16,
        elapsed: Duration,
    ) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        let seconds = elapsed.as_secs_f64();
        let Ok(mut series) = self.series.lock() else {
            return;
        };
        *series
            .requests
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default() += 1;
        let histogram = series
            .durations
            .entry((method.to_owned(), route.to_owned()))
            .or_default();
        histogram.count += 1;
        histogram.sum += seconds;
        for (bucket, bound) in histogram.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
    }

    /// The exposition text. `pool` is (open, idle) database connections.
    pub(crate) fn render(&self, version: &str, backend: &str, pool: (u32, usize)) -> String {
        let mut out = String::with_capacity(4096);
        describe(
            &mut out,
            "souhra_build_info",
            "gauge",
            "Souhra version and database backend.",
        );
        let (version, backend) = (label(version), label(backend));
        let _ = writeln!(
            out,
            "souhra_build_info{{version=\"{version}\",backend=\"{backend}\"}} 1"
        );
        describe(
            &mut out,
            "souhra_uptime_seconds",
            "gauge",
            "Seconds since the server started.",
        );
        let uptime = self.started.elapsed().as_secs_f64();
        let _ = writeln!(out, "souhra_uptime_seconds {uptime:.3}");
        describe(
            &mut out,
            "souhra_http_requests_in_flight",
            "gauge",
            "Requests being handled now.",
        );
        let in_flight = self.in_flight.load(Ordering::Relaxed);
        let _ = writeln!(out, "souhra_http_requests_in_flight {in_flight}");
        describe(
            &mut out,
            "souhra_db_connections",
            "gauge",
            "Database pool connections.",
        );
        let _ = writeln!(out, "souhra_db_connections{{state=\"open\"}} {}", pool.0);
        let _ = writeln!(out, "souhra_db_connections{{state=\"idle\"}} {}", pool.1);
        let Ok(series) = self.series.lock() else {
            return out;
        };
        describe(
            &mut out,
            "souhra_http_requests_total",
            "counter",
            "HTTP requests handled.",
        );
        for ((method, route, status), count) in &series.requests {
            let (method, route) = (label(method), label(route));
            let _ = writeln!(
                out,
                "souhra_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}"
            );
        }
        let help = "Time to produce the response.";
        describe(
            &mut out,
            "souhra_http_request_duration_seconds",
            "histogram",
            help,
        );
        for ((method, route), histogram) in &series.durations {
            let labels = format!("method=\"{}\",route=\"{}\"", label(method), label(route));
            let name = "souhra_http_request_duration_seconds";
            for (bound, count) in BUCKETS.iter().zip(histogram.buckets) {
                let _ = writeln!(out, "{name}_bucket{{{labels},le=\"{bound}\"}} {count}");
            }
            let _ = writeln!(
                out,
                "{name}_bucket{{{labels},le=\"+Inf\"}} {}",
                histogram.count
            );
            let _ = writeln!(out, "{name}_sum{{{labels}}} {:.6}", histogram.sum);
            let _ = writeln!(out, "{name}_count{{{labels}}} {}", histogram.count);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_buckets_requests() {
        let metrics = Metrics::new();
        metrics.request_started();
        metrics.request_finished("GET", "/{area}", 200, Duration::from_millis(3));
        metrics.request_started();
        metrics.request_finished("GET", "/{area}", 200, Duration::from_millis(300));
        metrics.request_started();
        metrics.request_finished("GET", "unmatched", 404, Duration::from_micros(10));
        let text = metrics.render("0.1.0", "sqlite", (2, 1));
        assert!(
            text.contains(
                "souhra_http_requests_total{method=\"GET\",route=\"/{area}\",status=\"200\"} 2"
            ),
            "{text}"
        );
        assert!(text.contains(
            "souhra_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"
        ));
        assert!(text.contains("souhra_http_request_duration_seconds_bucket{method=\"GET\",route=\"/{area}\",le=\"0.005\"} 1"));
        assert!(text.contains("souhra_http_request_duration_seconds_bucket{method=\"GET\",route=\"/{area}\",le=\"0.5\"} 2"));
        assert!(text.contains(
            "souhra_http_request_duration_seconds_count{method=\"GET\",route=\"/{area}\"} 2"
        ));
        assert!(text.contains("souhra_http_requests_in_flight 0"));
        assert!(text.contains("souhra_db_connections{state=\"open\"} 2"));
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}

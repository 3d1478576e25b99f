//! Indicator charts as inline SVG, drawn on the server (no script, no external files): the
//! straight line from baseline to target dashed, the measured values as a line with points,
//! and the years and values at the edges. The page shows the same numbers as a table for
//! screen readers and print.

use std::fmt::Write as _;

use souhra_core::plan::{Indicator, YearValue};

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 160.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// A number as people read it: no `.0` on whole numbers, at most two decimals.
pub(crate) fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart of `indicator` with its measured `values`, described by `label` (the accessible
/// name: what it shows in words) and identified by `id` (unique on the page).
pub(crate) fn indicator_svg(
    indicator: &Indicator,
    values: &[YearValue],
    id: &str,
    label: &str,
) -> String {
    let mut values: Vec<YearValue> = values
        .iter()
        .copied()
        .filter(|v| v.value.is_finite())
        .collect();
    values.sort_by_key(|v| v.year);
    let years = values
        .iter()
        .map(|v| v.year)
        .chain([indicator.baseline.year, indicator.target.year]);
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let numbers = values
        .iter()
        .map(|v| v.value)
        .chain([indicator.baseline.value, indicator.target.value]);
    let (mut low, mut high) =
        numbers.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if (high - low).abs() < 1e-9 {
        low -= 1.0;
        high += 1.0;
    }
    let pad = (high - low) * 0.1;
    let (low, high) = (low - pad, high + pad);
    let span = f64::from((last - first).max(1));
    let x = |year: i32| LEFT + f64::from(year - first) / span * (WIDTH - LEFT - RIGHT);
    let y = |value: f64| TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}\">{}</title>",
        escape(label)
    );
    // Axes.
    let _ = write!(
        svg,
        "<path class=\"axis\" d=\"M{LEFT} {TOP}V{b}H{r}\"/>",
        b = HEIGHT - BOTTOM,
        r = WIDTH - RIGHT
    );
    for (year, anchor) in [(first, "start"), (last, "end")] {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{year}</text>",
            x(year),
            HEIGHT - 8.0
        );
    }
    for value in [high - pad, low + pad] {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 4.0,
            y(value) + 4.0,
            escape(&number(value))
        );
    }
    // The planned way.
    let _ = write!(
        svg,
        "<path class=\"plan\" d=\"M{:.1} {:.1}L{:.1} {:.1}\"/>",
        x(indicator.baseline.year),
        y(indicator.baseline.value),
        x(indicator.target.year),
        y(indicator.target.value)
    );
    let _ = write!(
        svg,
        "<circle class=\"target\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"/>",
        x(indicator.target.year),
        y(indicator.target.value)
    );
    // The measured way, from the baseline.
    let points: Vec<(f64, f64)> = std::iter::once(indicator.baseline)
        .chain(
            values
                .iter()
                .copied()
                .filter(|v| v.year > indicator.baseline.year),
        )
        .map(|v| (x(v.year), y(v.value)))
        .collect();
    if points.len() > 1 {
        let path: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, (px, py))| format!("{}{px:.1} {py:.1}", if i == 0 { 'M' } else { 'L' }))
            .collect();
        let _ = write!(svg, "<path class=\"actual\" d=\"{}\"/>", path.concat());
    }
    for (px, py) in &points {
        let _ = write!(
            svg,
            "<circle class=\"point\" cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"3\"/>"
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use souhra_core::plan::{Direction, ElementKey};

    fn clients() -> Indicator {
        Indicator {
            key: ElementKey::parse("klienti").unwrap(),
            name: "Klienti".into(),
            unit: "osob".into(),
            baseline: YearValue {
                year: 2025,
                value: 80.0,
            },
            target: YearValue {
                year: 2028,
                value: 110.0,
            },
            direction: Direction::Increase,
        }
    }

    #[test]
    fn charts_show_plan_and_values_with_a_name() {
        let svg = indicator_svg(
            &clients(),
            &[
                YearValue {
                    year: 2027,
                    value: 100.0,
                },
                YearValue {
                    year: 2026,
                    value: 92.5,
                },
            ],
            "graf-klienti",
            "Klienti <80 → 110>",
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-labelledby=\"graf-klienti\""));
        assert!(svg.contains("<title id=\"graf-klienti\">Klienti &lt;80 → 110&gt;</title>"));
        assert!(svg.contains("class=\"plan\""));
        // Baseline and two values, in year order.
        assert_eq!(svg.matches("class=\"point\"").count(), 3);
        let actual = svg.split("class=\"actual\" d=\"").nth(1).unwrap();
        assert_eq!(actual.matches('L').count(), 2);
        assert!(svg.contains(">2025<") && svg.contains(">2028<"));
    }

    #[test]
    fn flat_or_empty_charts_still_draw() {
        let mut flat = clients();
        flat.target.value = 80.0;
        let svg = indicator_svg(&flat, &[], "g", "x");
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        assert!(!svg.contains("class=\"actual\""));
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(0.126), "0.13");
    }
}

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

/// A horizontal bar chart: one bar per `(label, value, value as text)`, longest bar for the
/// largest value; the page shows the same numbers as a table.
pub(crate) fn bars_svg(bars: &[(String, f64, String)], id: &str, title: &str) -> String {
    const ROW: f64 = 22.0;
    const LABEL: f64 = 110.0;
    const VALUE: f64 = 70.0;
    const WIDE: f64 = 480.0;
    let height = ROW * bars.len() as f64 + 8.0;
    let largest = bars
        .iter()
        .map(|(_, v, _)| *v)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart bars\" viewBox=\"0 0 {WIDE} {height}\" role=\"img\" \
         aria-labelledby=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}\">{}</title>",
        escape(title)
    );
    for (i, (label, value, text)) in bars.iter().enumerate() {
        let top = 4.0 + ROW * i as f64;
        let length = if largest > 0.0 && value.is_finite() {
            (value / largest * (WIDE - LABEL - VALUE)).max(0.0)
        } else {
            0.0
        };
        let _ = write!(
            svg,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"bar\" x=\"{LABEL}\" y=\"{top:.1}\" width=\"{length:.1}\" height=\"{h:.1}\"/>\
             <text x=\"{vx:.1}\" y=\"{y:.1}\">{text}</text>",
            x = LABEL - 6.0,
            y = top + 14.0,
            h = ROW - 6.0,
            vx = LABEL + length + 4.0,
            label = escape(label),
            text = escape(text),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A map of the municipalities `shown` (code, name, slug) as points: filled where the kind is
/// available, hollow and crossed where it is not (so that the difference does not rest on
/// colour), sized by population; each point is named in its own title. No tiles, no script.
pub(crate) fn coverage_map_svg(
    territory: &souhra_core::analysis::Territory,
    coverage: &[souhra_core::analysis::Coverage],
    shown: &[(souhra_core::code::MunicipalityCode, String, String)],
    title: &str,
    available: &str,
    missing: &str,
) -> String {
    const SIZE: f64 = 560.0;
    const PAD: f64 = 16.0;
    const LEGEND: f64 = 30.0;
    let points: Vec<(souhra_core::territory::GeoPoint, &str, bool, u64)> = coverage
        .iter()
        .zip(shown)
        .filter_map(|(c, (code, name, _))| {
            let place = territory.place(*code)?;
            Some((
                place.point?,
                name.as_str(),
                c.available,
                place.aged(0).unwrap_or(0),
            ))
        })
        .collect();
    let (mut south, mut north, mut west, mut east) = (90.0_f64, -90.0_f64, 180.0_f64, -180.0_f64);
    for (p, ..) in &points {
        south = south.min(p.lat);
        north = north.max(p.lat);
        west = west.min(p.lon);
        east = east.max(p.lon);
    }
    let stretch = ((south + north) / 2.0).to_radians().cos().max(0.1);
    let span_x = ((east - west) * stretch).max(0.01);
    let span_y = (north - south).max(0.01);
    let scale = (SIZE - 2.0 * PAD) / span_x.max(span_y);
    let width = span_x * scale + 2.0 * PAD;
    let height = span_y * scale + 2.0 * PAD + LEGEND;
    let largest = points.iter().map(|p| p.3).max().unwrap_or(0).max(1) as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart map\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" \
         aria-labelledby=\"mapa-titulek\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"mapa-titulek\">{}</title>",
        escape(title)
    );
    let marker = |svg: &mut String, x: f64, y: f64, r: f64, ok: bool| {
        if ok {
            let _ = write!(
                svg,
                "<circle class=\"available\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"/>"
            );
        } else {
            let d = r * 0.6;
            let _ = write!(
                svg,
                "<circle class=\"missing\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"/>\
                 <path class=\"missing\" d=\"M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}\"/>",
                x - d,
                y - d,
                x + d,
                y + d,
                x - d,
                y + d,
                x + d,
                y - d
            );
        }
    };
    for (point, name, ok, people) in &points {
        let x = PAD + (point.lon - west) * stretch * scale;
        let y = PAD + (north - point.lat) * scale;
        let r = 3.0 + 7.0 * (*people as f64 / largest).sqrt();
        let _ = write!(
            svg,
            "<g><title>{}: {}</title>",
            escape(name),
            escape(if *ok { available } else { missing })
        );
        marker(&mut svg, x, y, r, *ok);
        svg.push_str("</g>");
    }
    let legend_y = height - LEGEND / 2.0;
    marker(&mut svg, PAD + 6.0, legend_y, 6.0, true);
    let _ = write!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
        PAD + 18.0,
        legend_y + 4.0,
        escape(available)
    );
    let second = PAD + 30.0 + 7.5 * available.chars().count() as f64;
    marker(&mut svg, second, legend_y, 6.0, false);
    let _ = write!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
        second + 12.0,
        legend_y + 4.0,
        escape(missing)
    );
    svg.push_str("</svg>");
    svg
}

/// An ORP on the region's map: its municipalities' mean point and the value compared.
pub(crate) struct OrpPoint {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub value: Option<f64>,
    pub value_text: String,
}

/// A map of a region's ORPs: a circle per ORP, its area following the value (an ORP without
/// a value is a small hollow circle), named with its value beside it; the page has the same
/// figures in a table.
pub(crate) fn orp_map_svg(points: &[OrpPoint], title: &str) -> String {
    const SIZE: f64 = 560.0;
    const PAD: f64 = 40.0;
    let (mut south, mut north, mut west, mut east) = (90.0_f64, -90.0_f64, 180.0_f64, -180.0_f64);
    for p in points {
        south = south.min(p.lat);
        north = north.max(p.lat);
        west = west.min(p.lon);
        east = east.max(p.lon);
    }
    let stretch = ((south + north) / 2.0).to_radians().cos().max(0.1);
    let span_x = ((east - west) * stretch).max(0.01);
    let span_y = (north - south).max(0.01);
    let scale = (SIZE - 2.0 * PAD) / span_x.max(span_y);
    let width = span_x * scale + 2.0 * PAD;
    let height = span_y * scale + 2.0 * PAD;
    let largest = points
        .iter()
        .filter_map(|p| p.value)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart map\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" \
         aria-labelledby=\"mapa-kraje\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"mapa-kraje\">{}</title>",
        escape(title)
    );
    for p in points {
        let x = PAD + (p.lon - west) * stretch * scale;
        let y = PAD + (north - p.lat) * scale;
        let (class, r) = match p.value.filter(|v| v.is_finite() && *v > 0.0) {
            Some(v) if largest > 0.0 => ("available", 4.0 + 20.0 * (v / largest).sqrt()),
            _ => ("missing", 4.0),
        };
        let _ = write!(
            svg,
            "<g><title>{name}: {value}</title><circle class=\"{class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"/>\
             <text x=\"{tx:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\">{name} {value}</text></g>",
            name = escape(&p.name),
            value = escape(if p.value_text.is_empty() {
                "–"
            } else {
                &p.value_text
            }),
            tx = x,
            ty = y + r + 11.0,
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
    fn bar_charts_scale_to_the_largest_value_and_escape() {
        let svg = bars_svg(
            &[
                ("0–14 <let>".into(), 50.0, "50".into()),
                ("65+".into(), 100.0, "100".into()),
                ("80+".into(), 0.0, "0".into()),
            ],
            "vek",
            "Věk & pohlaví",
        );
        assert!(svg.contains("<title id=\"vek\">Věk &amp; pohlaví</title>"));
        assert!(svg.contains("0–14 &lt;let&gt;"));
        let widths: Vec<f64> = svg
            .split("width=\"")
            .skip(1)
            .map(|w| w.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(widths.len(), 3);
        assert!((widths[1] - 2.0 * widths[0]).abs() < 0.2, "{widths:?}");
        assert!(widths[2].abs() < 1e-9);
        assert!(!svg.contains("NaN"));
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

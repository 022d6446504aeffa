//! *Charts* are small inline SVG pictures for what is quicker seen than read, always
//! with a title and a text equivalent beside them: how often a person is mentioned by
//! each outlet and in each week.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::Site;
use super::view::{day_words, escape};
use crate::analyse::Mention;

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Safe SVG markup, made here from numbers and escaped labels.
    pub svg: String,
    pub title: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonCharts {
    pub by_outlet: Option<Chart>,
    pub by_week: Option<Chart>,
}

/// Mentions of one person per outlet and per week of publication.
pub fn person_mentions(site: &Site, mentions: &[&Mention]) -> PersonCharts {
    let b = site.briefing;
    let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
    let mut weeks: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for m in mentions {
        let Some(a) = b.article(&m.place.article) else {
            continue;
        };
        let outlet = a
            .outlet
            .as_ref()
            .and_then(|o| b.outlets.get(o))
            .map_or_else(|| "Unknown outlet".to_string(), |o| o.name.clone());
        *outlets.entry(outlet).or_default() += 1;
        let d = a.published.date;
        let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
        *weeks.entry(monday).or_default() += 1;
    }
    let mut by_outlet: Vec<Bar> = outlets
        .into_iter()
        .map(|(label, count)| Bar { label, count })
        .collect();
    by_outlet.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let by_week: Vec<Bar> = weeks
        .into_iter()
        .map(|(monday, count)| Bar {
            label: format!("week of {}", day_words(monday)),
            count,
        })
        .collect();
    PersonCharts {
        by_outlet: (!by_outlet.is_empty())
            .then(|| horizontal("Mentions by outlet", by_outlet)),
        by_week: (!by_week.is_empty()).then(|| horizontal("Mentions by week of publication", by_week)),
    }
}

/// A horizontal bar chart: one row per bar, the label on the left, the count at the end.
pub fn horizontal(title: &str, bars: Vec<Bar>) -> Chart {
    const ROW: usize = 22;
    const LABEL: usize = 190;
    const WIDTH: usize = 420;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let height = ROW * bars.len() + 4;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{}</title>",
        escape(title),
        id = chart_id(title),
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = i * ROW + 2;
        let w = ((WIDTH - LABEL - 40) * bar.count).div_ceil(max);
        let label: String = bar.label.chars().take(28).collect();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\">{}</text><rect x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"{}\" class=\"chart-bar\"></rect><text x=\"{}\" y=\"{}\" class=\"chart-value\">{}</text>",
            LABEL - 6,
            y + 15,
            escape(&label),
            ROW - 6,
            LABEL + w + 4,
            y + 15,
            bar.count
        );
    }
    svg.push_str("</svg>");
    Chart {
        svg,
        title: title.to_string(),
        bars,
    }
}

fn chart_id(title: &str) -> String {
    format!("chart-{}", crate::content::slug(title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_labels_are_escaped() {
        let c = horizontal(
            "T",
            vec![
                Bar { label: "<a>".into(), count: 4 },
                Bar { label: "b".into(), count: 2 },
            ],
        );
        assert!(c.svg.contains("&lt;a&gt;"));
        assert!(c.svg.contains("width=\"190\" height=\"16\""));
        assert!(c.svg.contains("width=\"95\" height=\"16\""));
        assert!(c.svg.starts_with("<svg") && c.svg.ends_with("</svg>"));
    }
}

//! *Charts* are small inline SVG pictures for what is quicker seen than read, always
//! with a title and a text equivalent beside them: how often a person is mentioned by
//! each outlet and in each week.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::Site;
use super::i18n::Words;
use super::urls;
use super::view::escape;
use crate::content::Article;

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

/// Mentions of one person per outlet and per week of publication. The titles name the
/// person: they are also the charts' ids, unique on a page that shows several people.
pub fn person_mentions(site: &Site, name: &str, articles: &[(&Article, usize)]) -> PersonCharts {
    let b = site.briefing;
    let w = &site.words;
    let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
    let mut weeks: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for &(a, mentions) in articles {
        let outlet = a
            .outlet
            .as_ref()
            .and_then(|o| b.outlets.get(o))
            .map_or(w.get("chart.unknown_outlet"), |o| o.name.as_str());
        *outlets.entry(outlet).or_default() += mentions;
        let d = a.published.date;
        let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
        *weeks.entry(monday).or_default() += mentions;
    }
    let mut by_outlet: Vec<Bar> = outlets
        .into_iter()
        .map(|(label, count)| Bar {
            label: label.to_string(),
            count,
        })
        .collect();
    by_outlet.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let by_week: Vec<Bar> = weeks
        .into_iter()
        .map(|(monday, count)| Bar {
            label: w.say("chart.week_of", None, &[("date", &w.day(monday))]),
            count,
        })
        .collect();
    PersonCharts {
        by_outlet: (!by_outlet.is_empty()).then(|| {
            horizontal(
                &w.say("chart.by_outlet", None, &[("name", name)]),
                by_outlet,
            )
        }),
        by_week: (!by_week.is_empty())
            .then(|| horizontal(&w.say("chart.by_week", None, &[("name", name)]), by_week)),
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
                Bar {
                    label: "<a>".into(),
                    count: 4,
                },
                Bar {
                    label: "b".into(),
                    count: 2,
                },
            ],
        );
        assert!(c.svg.contains("&lt;a&gt;"));
        assert!(c.svg.contains("width=\"190\" height=\"16\""));
        assert!(c.svg.contains("width=\"95\" height=\"16\""));
        assert!(c.svg.starts_with("<svg") && c.svg.ends_with("</svg>"));
    }
}

/// A label of a matrix row or column, with the page it links to.
#[derive(Debug, Clone, Serialize)]
pub struct Label {
    pub text: String,
    /// The full wording, when `text` is a short form (`5 Jan` for a week).
    pub long: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub label: Label,
    pub values: Vec<usize>,
}

/// A dot matrix: rows × columns, each cell a dot sized by its count. Templates show the
/// same numbers as a table beside it.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    /// Safe SVG markup, made here from numbers and escaped labels.
    pub svg: String,
    pub title: String,
    pub columns: Vec<Label>,
    pub rows: Vec<MatrixRow>,
}

/// Shortens a label for a chart; the full text stays in the table and the tooltip.
fn short_label(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn linked(label: &Label, inner: &str) -> String {
    match &label.url {
        Some(u) => format!("<a href=\"{}\">{inner}</a>", escape(u)),
        None => inner.to_string(),
    }
}

pub fn matrix(title: &str, columns: Vec<Label>, rows: Vec<MatrixRow>) -> Matrix {
    const LABEL: usize = 180;
    const CELL: usize = 34;
    // Room for the column labels, written at 45°: about 5 px a character.
    let longest = columns
        .iter()
        .map(|c| short_label(&c.text, 24).chars().count())
        .max()
        .unwrap_or(0);
    let head = 16 + longest * 5;
    let spill = longest * 5;
    let max = rows
        .iter()
        .flat_map(|r| r.values.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let width = LABEL + CELL * columns.len() + spill;
    let height = head + CELL * rows.len() + 4;
    let mut svg = String::new();
    let id = chart_id(title);
    let _ = write!(
        svg,
        "<svg class=\"chart matrix\" aria-labelledby=\"{id}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{}</title>",
        escape(title)
    );
    for (c, col) in columns.iter().enumerate() {
        let x = LABEL + c * CELL + CELL / 2;
        let text = format!(
            "<text transform=\"translate({x} {}) rotate(-45)\" class=\"chart-label\"><title>{}</title>{}</text>",
            head - 6,
            escape(&col.long),
            escape(&short_label(&col.text, 24))
        );
        svg.push_str(&linked(col, &text));
        let _ = write!(
            svg,
            "<line x1=\"{x}\" y1=\"{head}\" x2=\"{x}\" y2=\"{}\" class=\"chart-grid\"></line>",
            height - 4
        );
    }
    for (r, row) in rows.iter().enumerate() {
        let y = head + r * CELL + CELL / 2;
        let text = format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\"><title>{}</title>{}</text>",
            LABEL - 8,
            y + 4,
            escape(&row.label.long),
            escape(&short_label(&row.label.text, 28))
        );
        svg.push_str(&linked(&row.label, &text));
        let _ = write!(
            svg,
            "<line x1=\"{LABEL}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" class=\"chart-grid\"></line>",
            LABEL + CELL * columns.len()
        );
        for (c, &v) in row.values.iter().enumerate() {
            if v == 0 {
                continue;
            }
            // Area, not radius, grows with the count.
            let r = 3.0 + 11.0 * (v as f64 / max as f64).sqrt();
            let col = columns.get(c).map_or("", |l| l.long.as_str());
            let _ = write!(
                svg,
                "<circle cx=\"{}\" cy=\"{y}\" r=\"{r:.1}\" class=\"chart-dot\"><title>{}: {}, {v}</title></circle>",
                LABEL + c * CELL + CELL / 2,
                escape(&row.label.long),
                escape(col),
            );
        }
    }
    svg.push_str("</svg>");
    Matrix {
        svg,
        title: title.to_string(),
        columns,
        rows,
    }
}

/// Mentions of each featured person over time: one row per person, one column per week
/// of publication (per month when the articles span more than sixteen weeks).
pub fn featured_mentions(site: &Site, root: &str) -> Option<Matrix> {
    let b = site.briefing;
    let people: Vec<&crate::content::Person> = b
        .config
        .featured
        .iter()
        .filter_map(|id| b.person(id))
        .collect();
    let dates: Vec<NaiveDate> = b.articles.iter().map(|a| a.published.date).collect();
    let (first, last) = (dates.iter().min()?, dates.iter().max()?);
    // Weeks for a few months of coverage, months for a few years, years beyond: a
    // column count that stays readable whatever the span.
    let span = Span::of(*last - *first);
    let bucket = |d: NaiveDate| span.start_of(d);
    let mut counts: BTreeMap<(usize, NaiveDate), usize> = BTreeMap::new();
    let mut buckets: std::collections::BTreeSet<NaiveDate> = std::collections::BTreeSet::new();
    for (row, p) in people.iter().enumerate() {
        for &(a, mentions) in site.index.person_articles(&p.id) {
            let key = bucket(a.published.date);
            buckets.insert(key);
            *counts.entry((row, key)).or_default() += mentions;
        }
    }
    // Every week (or month, or year) from the first to the last, empty ones too: a
    // time axis.
    let (Some(&start), Some(&end)) = (buckets.first(), buckets.last()) else {
        return None;
    };
    let mut buckets = Vec::new();
    let mut d = start;
    while d <= end {
        buckets.push(d);
        d = span.next(d);
    }
    let w = &site.words;
    let columns = buckets.iter().map(|d| span.label(w, *d)).collect();
    let rows = people
        .iter()
        .enumerate()
        .map(|(row, p)| MatrixRow {
            label: Label {
                text: p.name.clone(),
                long: p.name.clone(),
                url: Some(format!("{root}{}", urls::person(&p.id))),
            },
            values: buckets
                .iter()
                .map(|d| counts.get(&(row, *d)).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    let title = w.get(match span {
        Span::Weeks => "chart.featured_weeks",
        Span::Months => "chart.featured_months",
        Span::Years => "chart.featured_years",
    });
    Some(matrix(title, columns, rows))
}

/// The columns of a chart over time: weeks, months or years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Weeks,
    Months,
    Years,
}

impl Span {
    fn of(span: Duration) -> Span {
        if span.num_weeks() <= 16 {
            Span::Weeks
        } else if span.num_days() <= 4 * 366 {
            Span::Months
        } else {
            Span::Years
        }
    }

    fn start_of(self, d: NaiveDate) -> NaiveDate {
        match self {
            Span::Weeks => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            Span::Months => d.with_day(1).unwrap_or(d),
            Span::Years => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
        }
    }

    fn next(self, d: NaiveDate) -> NaiveDate {
        match self {
            Span::Weeks => d.checked_add_signed(Duration::days(7)),
            Span::Months => d.checked_add_months(chrono::Months::new(1)),
            Span::Years => d.checked_add_months(chrono::Months::new(12)),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    fn label(self, w: &Words, d: NaiveDate) -> Label {
        let mon = w.short_month(d.month());
        let (day, year) = (d.day().to_string(), d.year().to_string());
        let (text, long) = match self {
            Span::Weeks => (
                w.say("chart.short_day", None, &[("d", &day), ("mon", &mon)]),
                w.say("chart.week_of", None, &[("date", &w.day(d))]),
            ),
            Span::Months => (
                w.say("chart.short_month", None, &[("mon", &mon), ("y", &year)]),
                w.month_of(d.month(), d.year()),
            ),
            Span::Years => (d.year().to_string(), d.year().to_string()),
        };
        Label {
            text,
            long,
            url: None,
        }
    }
}

/// Columns and rows the coverage matrix shows at most: the first curated comparisons,
/// the largest stories, the outlets with the most articles in them (the others summed
/// in one row), so that the overview stays one screen whatever the briefing.
const COVERAGE_COMPARISONS: usize = 8;
const COVERAGE_STORIES: usize = 8;
const COVERAGE_OUTLETS: usize = 15;

/// Which outlet reported which story: one row per outlet, one column per curated
/// comparison and per story the generator found, the count of the outlet's articles
/// in it.
pub fn coverage(site: &Site, root: &str) -> Option<Matrix> {
    let b = site.briefing;
    let w = &site.words;
    let mut groups: Vec<(Label, Vec<&str>)> = Vec::new();
    for c in b.comparisons.iter().take(COVERAGE_COMPARISONS) {
        groups.push((
            Label {
                text: c.title.clone(),
                long: w.say("chart.curated", None, &[("title", &c.title)]),
                url: Some(format!("{root}{}", urls::comparison(&c.id))),
            },
            c.articles.iter().map(|(a, _)| a.as_str()).collect(),
        ));
    }
    let largest = site.index.stories_by_size().iter().take(COVERAGE_STORIES);
    for s in largest.map(|&i| &site.analysis.stories[i]) {
        groups.push((
            Label {
                text: s.title.clone(),
                long: w.say("chart.found", None, &[("title", &s.title)]),
                url: Some(format!("{root}{}", urls::comparison(&s.id))),
            },
            s.articles.iter().map(String::as_str).collect(),
        ));
    }
    if groups.is_empty() {
        return None;
    }
    // Outlets in name order; articles without an outlet in a last row.
    let mut rows: BTreeMap<(bool, String), (Label, Vec<usize>)> = BTreeMap::new();
    for (c, (_, articles)) in groups.iter().enumerate() {
        for id in articles {
            let Some(a) = site.index.article(id) else {
                continue;
            };
            let outlet = a.outlet.as_ref().and_then(|o| b.outlets.get(o));
            let key = (
                outlet.is_none(),
                outlet.map_or(String::new(), |o| o.name.clone()),
            );
            let entry = rows.entry(key).or_insert_with(|| {
                let name =
                    outlet.map_or_else(|| w.get("chart.no_outlet").to_string(), |o| o.name.clone());
                (
                    Label {
                        text: name.clone(),
                        long: name,
                        url: outlet.map(|o| format!("{root}{}", urls::outlet(&o.id))),
                    },
                    vec![0; groups.len()],
                )
            });
            entry.1[c] += 1;
        }
    }
    let mut rows: Vec<MatrixRow> = rows
        .into_values()
        .map(|(label, values)| MatrixRow { label, values })
        .collect();
    if rows.len() > COVERAGE_OUTLETS {
        // The outlets with the most articles in these columns keep their rows, in
        // name order; the others are summed into one.
        let total = |r: &MatrixRow| r.values.iter().sum::<usize>();
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(total(&rows[i])));
        let kept: std::collections::BTreeSet<usize> =
            order.into_iter().take(COVERAGE_OUTLETS - 1).collect();
        let mut other = vec![0; groups.len()];
        let mut others = 0;
        let mut shown = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            if kept.contains(&i) {
                shown.push(row);
            } else {
                others += 1;
                for (o, v) in other.iter_mut().zip(&row.values) {
                    *o += v;
                }
            }
        }
        let text = w.say("chart.other_outlets", Some(others as u64), &[]);
        shown.push(MatrixRow {
            label: Label {
                text: text.clone(),
                long: text,
                url: Some(format!("{root}{}", urls::OUTLETS)),
            },
            values: other,
        });
        rows = shown;
    }
    let columns = groups.into_iter().map(|(l, _)| l).collect();
    Some(matrix(w.get("chart.coverage"), columns, rows))
}

/// Marks a timeline strip draws at most, in pages of events (`page_size` each).
pub const STRIP_PAGES: usize = 4;

/// The timeline overview: one strip per year that has events, years without events
/// folded into one line, each event a mark linking to its place on the page.
#[derive(Debug, Clone, Serialize)]
pub struct Strip {
    pub svg: String,
    pub title: String,
    /// The text equivalent: how many events, over which years.
    pub summary: String,
}

/// One line of the strip: the days it spans and the events placed on it.
struct Line<'e> {
    label: String,
    from: NaiveDate,
    to: NaiveDate,
    /// A zoomed line labels its months and the 10th and 20th of each.
    zoomed: bool,
    /// A year followed by its zoomed months draws its marks on one lane, overlapping:
    /// the zoomed line tells them apart.
    flat: bool,
    events: Vec<&'e crate::content::Event>,
}

/// Years with at least this many events, all within a few months, get a second,
/// zoomed line, so that a busy month stays legible next to a span of decades.
const ZOOM_EVENTS: usize = 6;
const ZOOM_MONTHS: u32 = 6;

/// The lines of the strip: one per year with events, each busy year followed by its
/// zoomed months.
fn strip_lines<'e>(w: &Words, events: &'e [crate::content::Event]) -> Vec<Line<'e>> {
    let mut years: BTreeMap<i32, Vec<&crate::content::Event>> = BTreeMap::new();
    for e in events {
        years.entry(e.date.start.year()).or_default().push(e);
    }
    let mut lines = Vec::new();
    for (year, list) in years {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        lines.push(Line {
            label: year.to_string(),
            from: first,
            to: last,
            zoomed: false,
            flat: false,
            events: list.clone(),
        });
        let months: Vec<u32> = list.iter().map(|e| e.date.start.month()).collect();
        let (lo, hi) = (
            months.iter().copied().min().unwrap_or(1),
            months.iter().copied().max().unwrap_or(12),
        );
        let precise = list
            .iter()
            .filter(|e| {
                !matches!(
                    e.date.precision,
                    crate::edtf::Precision::Year | crate::edtf::Precision::Decade
                )
            })
            .count();
        if precise >= ZOOM_EVENTS && hi - lo < ZOOM_MONTHS {
            if let Some(year_line) = lines.last_mut() {
                year_line.flat = true;
            }
            let from = NaiveDate::from_ymd_opt(year, lo, 1).unwrap_or(first);
            let to =
                NaiveDate::from_ymd_opt(year, hi + 1, 1).map_or(last, |d| d - Duration::days(1));
            let label = if lo == hi {
                w.month_of(lo, year)
            } else {
                let (m1, m2, y) = (w.short_month(lo), w.short_month(hi), year.to_string());
                w.say(
                    "chart.zoom_months",
                    None,
                    &[("m1", &m1), ("m2", &m2), ("y", &y)],
                )
            };
            lines.push(Line {
                label,
                from,
                to,
                zoomed: true,
                flat: false,
                events: list
                    .into_iter()
                    .filter(|e| {
                        !matches!(
                            e.date.precision,
                            crate::edtf::Precision::Year | crate::edtf::Precision::Decade
                        )
                    })
                    .collect(),
            });
        }
    }
    lines
}

/// The strip of `events`, each mark linking to `href(event)`; `None` when there are
/// none, or more than `most`: past that a strip of one mark per event says less than a
/// count per month does, and weighs more than the page it is on.
pub fn timeline_strip(
    w: &Words,
    events: &[crate::content::Event],
    href: &dyn Fn(&crate::content::Event) -> String,
    most: usize,
) -> Option<Strip> {
    use crate::edtf::Precision;
    const LEFT: f64 = 96.0;
    const WIDTH: f64 = 600.0;
    const GAP: f64 = 16.0;
    // A lane holds a mark and its label, which is what a reader reads without hover.
    const LANE: f64 = 16.0;
    // The widest a label's character is drawn at 11 px, on average, and the most
    // characters a label has; its event's full title is in the mark's `<title>`.
    const CHAR: f64 = 6.2;
    const LABEL_CHARS: usize = 34;
    if events.is_empty() || events.len() > most {
        return None;
    }
    let lines = strip_lines(w, events);
    let title = w.get("chart.strip");
    let id = chart_id(title);
    let mut body = String::new();
    let mut y = 4.0;
    let mut previous: Option<i32> = None;
    let mut first_line = true;
    for line in &lines {
        let days = ((line.to - line.from).num_days() + 1) as f64;
        let x_of = |d: NaiveDate| -> f64 {
            let d = d.clamp(line.from, line.to);
            LEFT + WIDTH * (d - line.from).num_days() as f64 / days
        };
        let year = line.from.year();
        if let Some(p) = previous
            && year > p + 1
        {
            let (from, to) = ((p + 1).to_string(), (year - 1).to_string());
            let gap = if year == p + 2 {
                w.say("chart.no_events_year", None, &[("y", &from)])
            } else {
                w.say(
                    "chart.no_events_years",
                    None,
                    &[("from", &from), ("to", &to)],
                )
            };
            let _ = write!(
                body,
                "<text x=\"{LEFT}\" y=\"{:.1}\" class=\"chart-gap\">{gap}</text>",
                y + 11.0
            );
            y += GAP;
        }
        previous = Some(year);
        // The axis labels: months on a year line, months and days on a zoomed one.
        let mut axis = String::new();
        // Month names on the first line and on zoomed ones; the others only tick.
        let named = line.zoomed || first_line;
        first_line = false;
        let head = if named { 16.0 } else { 4.0 };
        let mut tick = |d: NaiveDate, label: String, strong: bool| {
            let x = x_of(d);
            let _ = write!(
                axis,
                "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{{bottom}}\" class=\"chart-tick\"></line>",
                y + 4.0,
            );
            if !label.is_empty() {
                let _ = write!(
                    axis,
                    "<text x=\"{:.1}\" y=\"{:.1}\" class=\"chart-axis{}\">{label}</text>",
                    x + 2.0,
                    y + 12.0,
                    if strong { "" } else { " minor" }
                );
            }
        };
        let mut d = line.from;
        while d <= line.to {
            let name = if named {
                w.short_month(d.month())
            } else {
                String::new()
            };
            tick(d, name, true);
            if line.zoomed {
                for day in [10, 20] {
                    if let Some(x) = d.with_day(day) {
                        tick(x, day.to_string(), false);
                    }
                }
            }
            d = d
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(NaiveDate::MAX);
        }
        let top = y + head;
        // Each mark: its extent on the axis, placed in the first lane where it fits.
        let mut lanes: Vec<f64> = Vec::new();
        let mut marks = String::new();
        for e in &line.events {
            let whole = matches!(e.date.precision, Precision::Year | Precision::Decade)
                || (e.date.start <= line.from && e.date.end >= line.to);
            let (x1, x2) = if whole {
                (LEFT, LEFT + WIDTH)
            } else {
                (x_of(e.date.start), x_of(e.date.end) + WIDTH / days)
            };
            let point = e.date.precision == Precision::Day;
            let (from, to) = if point {
                (x1 - 4.0, x1 + 4.0)
            } else {
                (x1, x2.max(x1 + 5.0))
            };
            // The label, beside the mark: after it, or before it where it would leave
            // the strip; on a span of the whole line, over its start. A line whose
            // events are shown again enlarged (flat) has marks only.
            let label = (!line.flat).then(|| short_label(&e.title, LABEL_CHARS));
            let wide = label
                .as_ref()
                .map_or(0.0, |l| l.chars().count() as f64 * CHAR + 4.0);
            let (lo, hi, text_at) = if label.is_none() {
                (from, to, None)
            } else if whole {
                (from, to.max(LEFT + 4.0 + wide), Some((LEFT + 4.0, "start")))
            } else if to + wide <= LEFT + WIDTH + 4.0 {
                (from, to + wide, Some((to + 4.0, "start")))
            } else if from - wide >= LEFT {
                (from - wide, to, Some((from - 4.0, "end")))
            } else {
                (from, to.max(from + 4.0 + wide), Some((from + 4.0, "start")))
            };
            let on_span = whole || text_at.is_some_and(|(x, _)| x == from + 4.0);
            let lane = match lanes.iter().position(|end| line.flat || *end + 3.0 <= lo) {
                Some(l) => l,
                None => {
                    lanes.push(f64::MIN);
                    lanes.len() - 1
                }
            };
            lanes[lane] = hi;
            let cy = top + 6.0 + LANE * lane as f64;
            let text = match (&label, text_at) {
                (Some(l), Some((x, anchor))) => format!(
                    "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" class=\"strip-label{}\">{}</text>",
                    cy + 4.0,
                    if on_span { " on-span" } else { "" },
                    escape(l)
                ),
                _ => String::new(),
            };
            let when = e.display.clone().unwrap_or_else(|| w.edtf(&e.date));
            let shape = if point {
                format!(
                    "<circle cx=\"{x1:.1}\" cy=\"{cy:.1}\" r=\"4\" class=\"strip-mark\"></circle>"
                )
            } else {
                format!(
                    "<rect x=\"{from:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"6\" rx=\"3\" class=\"strip-mark{}\"></rect>",
                    cy - 3.0,
                    to - from,
                    if whole { " strip-span" } else { "" }
                )
            };
            let _ = write!(
                marks,
                "<a href=\"{}\"><title>{} — {}</title>{shape}{text}</a>",
                escape(&href(e)),
                escape(&when),
                escape(&e.title)
            );
        }
        let bottom = top + 12.0 + LANE * lanes.len().saturating_sub(1) as f64;
        let _ = write!(
            body,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"chart-label{}\">{}</text><line x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" class=\"chart-grid\"></line>{}{marks}",
            LEFT - 8.0,
            top + 10.0,
            if line.zoomed { " zoomed" } else { "" },
            escape(&line.label),
            top + 6.0,
            LEFT + WIDTH,
            top + 6.0,
            axis.replace("{bottom}", &format!("{bottom:.1}")),
        );
        y = bottom + 8.0;
    }
    let height = y + 2.0;
    let width = LEFT + WIDTH + 8.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart strip\" aria-labelledby=\"{id}\" viewBox=\"0 0 {width} {height:.0}\" width=\"{width}\" height=\"{height:.0}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{title}</title>"
    );
    svg.push_str(&body);
    svg.push_str("</svg>");
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for e in events {
        *per_year.entry(e.date.start.year()).or_default() += 1;
    }
    let first = per_year.keys().next().copied().unwrap_or_default();
    let last = per_year.keys().next_back().copied().unwrap_or_default();
    let (first, last) = (first.to_string(), last.to_string());
    let span = if first == last {
        w.say("chart.in_year", None, &[("y", &first)])
    } else {
        w.say("chart.from_to", None, &[("from", &first), ("to", &last)])
    };
    let zoomed: Vec<&str> = lines
        .iter()
        .filter(|l| l.zoomed)
        .map(|l| l.label.as_str())
        .collect();
    let zoom = if zoomed.is_empty() {
        String::new()
    } else {
        let lines = zoomed.join(w.get("chart.zoomed_and"));
        w.say(
            "chart.zoomed",
            Some(zoomed.len() as u64),
            &[("lines", &lines)],
        )
    };
    let years = per_year
        .iter()
        .map(|(y, n)| format!("{y} ({n})"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(Strip {
        svg,
        title: title.to_string(),
        summary: w.say(
            "chart.summary",
            Some(events.len() as u64),
            &[("span", &span), ("years", &years), ("zoom", &zoom)],
        ),
    })
}

#[cfg(test)]
mod matrix_tests {
    use super::*;

    fn label(t: &str) -> Label {
        Label {
            text: t.into(),
            long: t.into(),
            url: Some(format!("x/{t}/")),
        }
    }

    #[test]
    fn matrix_dots_grow_with_counts_and_skip_zeros() {
        let m = matrix(
            "M",
            vec![label("a"), label("b")],
            vec![MatrixRow {
                label: label("<r>"),
                values: vec![4, 0],
            }],
        );
        assert_eq!(m.svg.matches("<circle").count(), 1);
        assert!(m.svg.contains("r=\"14.0\""));
        assert!(m.svg.contains("&lt;r&gt;") && !m.svg.contains("<r>"));
        assert!(m.svg.contains("<a href=\"x/a/\">"));
    }

    fn event(id: &str, date: &str) -> crate::content::Event {
        let span = crate::source::Span::new(crate::source::FileId::default(), 0, 0);
        crate::content::Event {
            id: id.into(),
            file: crate::source::FileId::default(),
            span,
            date: crate::edtf::parse(date).unwrap(),
            date_span: span,
            display: None,
            title: format!("<{id}>"),
            people: Vec::new(),
            summary: String::new(),
            sources: Vec::new(),
            disputed: false,
            draft: false,
        }
    }

    #[test]
    fn the_strip_folds_empty_years_and_zooms_into_busy_months() {
        let mut events = vec![event("old", "2008"), event("mid", "2019-08")];
        for d in 1..=6 {
            events.push(event(
                &format!("e{d}"),
                &format!("2026-0{}-1{d}", 1 + d % 2),
            ));
        }
        let lines = strip_lines(&Words::english(), &events);
        let labels: Vec<&str> = lines.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["2008", "2019", "2026", "Jan–Feb 2026"]);
        let zoom = &lines[3];
        assert_eq!(
            (zoom.from.to_string(), zoom.to.to_string()),
            ("2026-01-01".into(), "2026-02-28".into())
        );
        let strip = timeline_strip(
            &Words::english(),
            &events,
            &|e| format!("#event-{}", e.id),
            100,
        )
        .unwrap();
        assert!(strip.svg.contains("2009–2018: no events"));
        assert!(strip.svg.contains("2020–2025: no events"));
        // Every event links to its anchor, from each line it is on; titles are escaped.
        assert_eq!(strip.svg.matches("<a href=\"#event-e1\">").count(), 2);
        assert!(strip.svg.contains("&lt;old&gt;"));
        assert!(strip.summary.starts_with("8 events from 2008 to 2026, by year: 2008 (1), 2019 (1), 2026 (6). Jan–Feb 2026 is shown again"));
        // Every event is labelled where it is drawn in full: once each, on the enlarged
        // line for the events of 2026, whose year line has marks only.
        assert_eq!(
            strip.svg.matches("class=\"strip-label").count(),
            events.len()
        );
        assert_eq!(strip.svg.matches(">&lt;e1&gt;</text>").count(), 1);
        // And inside the strip, whichever side of its mark it is on.
        for x in strip.svg.split("<text x=\"").skip(1) {
            let x: f64 = x.split('"').next().unwrap().parse().unwrap();
            assert!((0.0..=704.0).contains(&x), "a label at {x}");
        }
    }

    #[test]
    fn labels_take_lanes_and_never_overlap() {
        // Six events a day apart: each label is wider than the gap to the next mark.
        let events: Vec<_> = (1..=6)
            .map(|d| event(&format!("a-long-title-{d}"), &format!("2020-03-0{d}")))
            .collect();
        let strip =
            timeline_strip(&Words::english(), &events, &|e| format!("#{}", e.id), 100).unwrap();
        assert_eq!(strip.svg.matches("class=\"strip-label").count(), 6);
        // The year's line holds the marks in one lane; the enlarged March, after it,
        // gives each labelled mark a lane of its own.
        let cys: Vec<&str> = strip
            .svg
            .split("<circle cx=")
            .skip(1)
            .map(|c| c.split("cy=\"").nth(1).unwrap().split('"').next().unwrap())
            .collect();
        assert_eq!(cys.len(), 12);
        let ys: std::collections::BTreeSet<&str> = cys[6..].iter().copied().collect();
        assert_eq!(ys.len(), 6, "one lane each: {ys:?}");
    }

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(short_label("abc", 5), "abc");
        assert_eq!(short_label("abcdefgh", 5), "abcd…");
    }
}

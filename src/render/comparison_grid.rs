//! A curated comparison's *grid*: its sources as columns, headed by outlet and date,
//! its points as rows, and in each cell where that source stands on that point —
//! agreeing, differing, alone or silent — linked to the paragraph its claim quotes.
//!
//! A source is a point's *outlier* when it alone differs from sources that agree among
//! themselves. The editor may name it (`outlier:`); otherwise the grid finds it from
//! what the claims quote: the dates the analysis read in each quoted passage or,
//! failing dates, the numbers the quotes give. Only a point whose verdict is `differ`
//! and whose every source states such a reading can have one found, so a source is
//! never called the outlier for wording the same fact differently.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Site;
use super::view::{self, ArticleLink, article_link};
use crate::content::{Article, Comparison, Point, Verdict};
use crate::markdown::curated_inline;

/// The grid as the template gets it (`comparison.grid`).
#[derive(Debug, Serialize)]
pub(crate) struct Grid {
    pub(crate) columns: Vec<Column>,
    pub(crate) rows: Vec<Row>,
}

/// One source of the comparison.
#[derive(Debug, Serialize)]
pub(crate) struct Column {
    /// How the column is headed: "Reuters, 5 January 2026" (the opening of the title
    /// is added when two sources would be headed alike).
    pub(crate) head: String,
    pub(crate) article: ArticleLink,
    /// On how many points this source is the outlier.
    pub(crate) outlier_on: usize,
}

/// One point of the comparison.
#[derive(Debug, Serialize)]
pub(crate) struct Row {
    /// The anchor of the point's claims below the grid.
    pub(crate) id: String,
    /// Safe HTML.
    pub(crate) topic: String,
    pub(crate) verdict: &'static str,
    pub(crate) verdict_words: &'static str,
    /// The head of the outlier's column, when the point has one.
    pub(crate) outlier: Option<String>,
    /// Whether the outlier was found from the claims rather than named by the editor.
    pub(crate) outlier_found: bool,
    /// What it was found by: `dates` or `numbers`.
    pub(crate) outlier_reading: Option<&'static str>,
    /// One per column, in the columns' order.
    pub(crate) cells: Vec<Cell>,
}

/// Where one source stands on one point.
#[derive(Debug, Serialize)]
pub(crate) struct Cell {
    /// A class name: `agrees`, `differs`, `outlier`, `majority`, `alone`, `cited`,
    /// `unclear` or `silent`.
    pub(crate) stance: &'static str,
    /// The stance as a reader reads it.
    pub(crate) words: &'static str,
    /// The column's head, for a cell read on its own (a phone stacks the grid).
    pub(crate) head: String,
    /// The paragraphs its claims quote, in the claims' order.
    pub(crate) paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Paragraph {
    pub(crate) url: String,
    pub(crate) paragraph: usize,
}

/// The anchor of point `i` (0-based) of a comparison's page.
pub(crate) fn point_id(i: usize) -> String {
    format!("point-{}", i + 1)
}

pub(crate) fn grid(site: &Site, c: &Comparison, root: &str) -> Grid {
    let b = site.briefing;
    let sources: Vec<&Article> = c
        .articles
        .iter()
        .filter_map(|(id, _)| b.article(id))
        .collect();
    let heads = heads(site, &sources);
    let mut outlier_on = vec![0; sources.len()];
    let rows: Vec<Row> = c
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (outlier, reading) = outlier(site, p);
            let column = outlier.and_then(|o| sources.iter().position(|a| a.id == o));
            if let Some(k) = column {
                outlier_on[k] += 1;
            }
            let cells = sources
                .iter()
                .zip(&heads)
                .map(|(a, head)| {
                    cell(
                        &site.words,
                        p,
                        a,
                        outlier.is_some_and(|o| o == a.id),
                        outlier.is_some(),
                        head,
                        root,
                    )
                })
                .collect();
            Row {
                id: point_id(i),
                topic: curated_inline(&p.topic),
                verdict: p.verdict.as_str(),
                verdict_words: super::pages::verdict_text(&site.words, p.verdict),
                outlier: column.map(|k| heads[k].clone()),
                outlier_found: reading.is_some() && column.is_some(),
                outlier_reading: reading.filter(|_| column.is_some()),
                cells,
            }
        })
        .collect();
    let columns = sources
        .iter()
        .zip(heads)
        .zip(outlier_on)
        .map(|((a, head), outlier_on)| Column {
            head,
            article: article_link(site, a, root),
            outlier_on,
        })
        .collect();
    Grid { columns, rows }
}

/// Each source's column head: its outlet and day; where two would read alike, the
/// opening words of each title are added, as many as tell them apart, and a number
/// when even whole titles do not.
pub(crate) fn heads(site: &super::Site, sources: &[&Article]) -> Vec<String> {
    let plain: Vec<String> = sources.iter().map(|a| outlet_and_day(site, a)).collect();
    let mut out = plain.clone();
    for (i, h) in plain.iter().enumerate() {
        let alike: Vec<usize> = (0..plain.len()).filter(|&j| plain[j] == *h).collect();
        if alike.len() < 2 {
            continue;
        }
        let longest = alike
            .iter()
            .map(|&j| sources[j].title.split_whitespace().count())
            .max()
            .unwrap_or(0);
        let distinct = |n: usize| {
            let mine = opening(&sources[i].title, n);
            alike
                .iter()
                .all(|&j| j == i || opening(&sources[j].title, n) != mine)
        };
        out[i] = match (4..=longest.max(4)).find(|&n| distinct(n)) {
            Some(n) => format!("{h}: {}", opening(&sources[i].title, n)),
            None => {
                let k = alike.iter().position(|&j| j == i).unwrap_or(0) + 1;
                format!("{h}: {} ({k})", opening(&sources[i].title, longest))
            }
        };
    }
    out
}

/// "Reuters, 5 January 2026", or "Outlet not stated, 5 January 2026".
pub(crate) fn outlet_and_day(site: &super::Site, a: &Article) -> String {
    let outlet = a.outlet.as_ref().and_then(|o| site.briefing.outlets.get(o));
    let day = super::view::published_words(&site.words, &a.published);
    let outlet = outlet.map_or(site.words.get("grid.no_outlet"), |o| o.name.as_str());
    site.words
        .say("grid.head", None, &[("outlet", outlet), ("day", &day)])
}

/// The first `n` words of `title`, with an ellipsis when there are more.
fn opening(title: &str, n: usize) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
}

fn cell(
    words: &super::i18n::Words,
    p: &Point,
    a: &Article,
    is_outlier: bool,
    has_outlier: bool,
    head: &str,
    root: &str,
) -> Cell {
    let claims: Vec<_> = p.claims.iter().filter(|c| c.article == a.id).collect();
    let cited = p
        .claims
        .iter()
        .map(|c| c.article.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let stance = if claims.is_empty() {
        "silent"
    } else {
        match p.verdict {
            Verdict::Agree => "agrees",
            Verdict::Differ if is_outlier => "outlier",
            Verdict::Differ if has_outlier => "majority",
            Verdict::Differ => "differs",
            // Which source alone says it is known only when one is cited.
            Verdict::OnlyOne if cited == 1 => "alone",
            Verdict::OnlyOne => "cited",
            Verdict::Unclear => "unclear",
        }
    };
    let words = words.get(&format!("stance.{stance}"));
    let mut seen = std::collections::BTreeSet::new();
    let paragraphs = claims
        .iter()
        .filter_map(|c| c.found)
        .filter(|f| seen.insert(f.paragraph))
        .map(|f| Paragraph {
            url: view::paragraph_url(root, &a.id, f.paragraph),
            paragraph: f.paragraph,
        })
        .collect();
    Cell {
        stance,
        words,
        head: head.to_string(),
        paragraphs,
    }
}

/// The outlier the editor names, when it is one of the point's claims on a point that
/// differs (`check` reports any other).
/// The source of a point that says otherwise than all the others, and, when the
/// analysis found it rather than the editor naming it, how ("dates", "numbers").
pub(crate) fn outlier<'p>(site: &Site, p: &'p Point) -> (Option<&'p str>, Option<&'static str>) {
    match curated_outlier(p) {
        Some(o) => (Some(o), None),
        None => match found_outlier(site, p) {
            Some((o, by)) => (Some(o), Some(by)),
            None => (None, None),
        },
    }
}

fn curated_outlier(p: &Point) -> Option<&str> {
    let (id, _) = p.outlier.as_ref()?;
    (p.verdict == Verdict::Differ && p.claims.iter().any(|c| &c.article == id)).then_some(id)
}

/// What a claim states that can be compared as a value: the dates read in it, or the
/// numbers it gives when it has no date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Reading {
    Dates(Vec<(NaiveDate, NaiveDate)>),
    Numbers(Vec<u64>),
}

/// The outlier found from the claims: with three sources or more, each stating a
/// reading, all but one stating the same and that one another.
fn found_outlier<'p>(site: &Site, p: &'p Point) -> Option<(&'p str, &'static str)> {
    if p.verdict != Verdict::Differ {
        return None;
    }
    // One reading per source: a source with several claims states them all.
    let mut by_source: BTreeMap<&str, Option<Reading>> = BTreeMap::new();
    for c in &p.claims {
        let r = reading(site, c);
        let slot = by_source.entry(&c.article).or_insert(None);
        *slot = match (slot.take(), r) {
            (None, r) | (r, None) => r,
            (Some(x), Some(y)) => Some(merge(x, y)),
        };
    }
    if by_source.len() < 3 || by_source.values().any(Option::is_none) {
        return None;
    }
    let mut groups: BTreeMap<&Reading, Vec<&str>> = BTreeMap::new();
    for (source, r) in &by_source {
        if let Some(r) = r {
            groups.entry(r).or_default().push(source);
        }
    }
    // Two readings, both dates or both numbers: a source that gives a number where the
    // others give a date says something else, not something different.
    let kinds: std::collections::BTreeSet<&str> = groups.keys().map(|r| r.by()).collect();
    if groups.len() != 2 || kinds.len() != 1 {
        return None;
    }
    let mut sizes: Vec<&Vec<&str>> = groups.values().collect();
    sizes.sort_by_key(|g| g.len());
    let (odd, by) = (sizes[0], groups.keys().next().map(|r| r.by())?);
    if odd.len() != 1 {
        return None;
    }
    let id = p.claims.iter().find(|c| c.article == odd[0])?;
    Some((id.article.as_str(), by))
}

impl Reading {
    fn by(&self) -> &'static str {
        match self {
            Reading::Dates(_) => "dates",
            Reading::Numbers(_) => "numbers",
        }
    }
}

fn merge(x: Reading, y: Reading) -> Reading {
    match (x, y) {
        (Reading::Dates(mut a), Reading::Dates(b)) => {
            a.extend(b);
            a.sort();
            a.dedup();
            Reading::Dates(a)
        }
        (Reading::Numbers(mut a), Reading::Numbers(b)) => {
            a.extend(b);
            a.sort();
            a.dedup();
            Reading::Numbers(a)
        }
        // A date says more than a number: "3 January" is not compared as "3".
        (d @ Reading::Dates(_), _) | (_, d @ Reading::Dates(_)) => d,
    }
}

fn reading(site: &Site, c: &crate::content::SourceRef) -> Option<Reading> {
    let found = c.found?;
    let mut dates: Vec<(NaiveDate, NaiveDate)> = site
        .index
        .dates_by_article
        .of(&c.article)
        .iter()
        .filter(|d| {
            d.place.paragraph == found.paragraph
                && d.place.start >= found.start
                && d.place.end <= found.end
        })
        .map(|d| (d.start, d.end))
        .collect();
    if !dates.is_empty() {
        dates.sort();
        dates.dedup();
        return Some(Reading::Dates(dates));
    }
    let mut numbers = numbers(&c.quote);
    numbers.sort();
    numbers.dedup();
    (!numbers.is_empty()).then_some(Reading::Numbers(numbers))
}

/// The whole numbers a quote gives, in figures or in words: "32", "1,000",
/// "thirty-two".
fn numbers(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == ',' || c == '-')) {
        let word = word.trim_matches([',', '-']);
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            if let Ok(n) = word.replace(',', "").parse::<u64>() {
                out.push(n);
            }
            continue;
        }
        let lower = word.to_lowercase();
        let parts: Option<Vec<u64>> = lower
            .split('-')
            .map(crate::analyse::text::number_word)
            .collect();
        if let Some(parts) = parts.filter(|p| !p.is_empty()) {
            out.push(parts.iter().sum());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_figures_and_words() {
        assert_eq!(numbers("32 Cubans were killed"), [32]);
        assert_eq!(numbers("thirty-two Cubans, and 1,000 more"), [32, 1000]);
        assert_eq!(numbers("At least 32 Cuban security personnel"), [32]);
        assert_eq!(numbers("a well-known one-off"), Vec::<u64>::new());
        assert_eq!(numbers("no figure at all"), Vec::<u64>::new());
    }

    #[test]
    fn openings_keep_short_titles_whole() {
        assert_eq!(opening("Cuba confirms 32 dead", 6), "Cuba confirms 32 dead");
        assert_eq!(
            opening("One two three four five six seven", 6),
            "One two three four five six…"
        );
    }

    #[test]
    fn a_date_outweighs_a_number_when_a_source_states_both() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 3).unwrap();
        let d = Reading::Dates(vec![(day, day)]);
        assert_eq!(merge(Reading::Numbers(vec![3]), d.clone()), d);
        assert_eq!(
            merge(Reading::Numbers(vec![3]), Reading::Numbers(vec![2, 3])),
            Reading::Numbers(vec![2, 3])
        );
    }
}

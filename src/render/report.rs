//! The *report* is the whole briefing as one printable document at `/report/`: a cover,
//! the contents, the featured people's profiles with what the generator found about
//! them, the timeline, the comparisons, and the numbered list of sources that every
//! citation in it points to. Print CSS turns it into paper (or PDF, with
//! `briefing build --pdf`): page breaks, no navigation, the address after each external
//! link, legible in black and white.
//!
//! Its date is the date of the newest article or event, never the clock, so the same
//! briefing prints the same report; `SOURCE_DATE_EPOCH`, when set, dates it instead, as
//! reproducible builds expect.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use super::view::{day_words, escape};
use super::{Site, charts};
use crate::analyse::Relation;
use crate::content::{Article, Briefing, SourceRef};
use crate::error::Failure;
use crate::markdown::{curated_html, curated_inline};

/// The newest day the content speaks of: the latest publication day, or the latest day
/// an event starts on (an event's end may be open or far ahead).
pub(crate) fn newest(b: &Briefing) -> Option<NaiveDate> {
    b.articles
        .iter()
        .map(|a| a.published.date)
        .chain(b.events.iter().map(|e| e.date.start))
        .max()
}

/// The report's date: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set and valid,
/// else the newest day of the content.
pub(crate) fn report_date(newest: Option<NaiveDate>, epoch: Option<&str>) -> Option<NaiveDate> {
    epoch
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|t| t.date_naive())
        .or(newest)
}

/// A passage of a story's difference, cited.
fn quoted<'a>(numbers: &Numbers, x: &'a crate::analyse::Side) -> Side<'a> {
    numbers.side(&x.article, &x.text, Some(x.paragraph))
}

/// The template of one found story in the report.
const STORY: &str = "partials/report-story.html";

fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Copy => "copy",
        Relation::LightEdit => "light edit",
        Relation::Rewrite => "rewrite",
        Relation::PartialOverlap => "partial overlap",
    }
}

/// Sources in the order they are listed: oldest first, then by id. A citation is the
/// source's number.
struct Numbers<'a> {
    order: Vec<&'a Article>,
    by_id: BTreeMap<&'a str, Cited>,
}

/// What every citation of a source shows of it. Its anchor and title are tera's values,
/// made once: tera takes a value it is given as it is (sharing it) instead of making
/// its own, and the report of 10,000 articles cites its sources tens of thousands of
/// times.
struct Cited {
    number: usize,
    anchor: tera::Value,
    title: tera::Value,
}

impl<'a> Numbers<'a> {
    fn new(b: &'a Briefing) -> Self {
        let mut order: Vec<&Article> = b.articles.iter().collect();
        order.sort_by(|x, y| {
            x.published
                .sort_key()
                .cmp(&y.published.sort_key())
                .then_with(|| x.id.cmp(&y.id))
        });
        let by_id = order
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let cited = Cited {
                    number: i + 1,
                    anchor: tera::Value::from(format!("#source-{}", a.id)),
                    title: tera::Value::from(a.title.as_str()),
                };
                (a.id.as_str(), cited)
            })
            .collect();
        Numbers { order, by_id }
    }

    fn cite<'b>(&self, s: &'b SourceRef) -> Side<'b> {
        self.side(&s.article, &s.quote, s.found.map(|f| f.paragraph))
    }

    /// A quoted passage and the source it is from.
    fn side<'b>(&self, article: &str, text: &'b str, paragraph: Option<usize>) -> Side<'b> {
        let cited = self.by_id.get(article);
        Side {
            quote: text,
            number: cited.map(|c| c.number),
            anchor: cited.map_or_else(
                || tera::Value::from(format!("#source-{article}")),
                |c| c.anchor.clone(),
            ),
            title: cited.map_or_else(|| tera::Value::from(None::<&str>), |c| c.title.clone()),
            paragraph,
            date: None,
        }
    }
}

// The report's context is typed records borrowing from the content and the analysis,
// not `json!` trees: tera makes its own values from them, and a `json!` tree of every
// story, pair and source made first would double that memory.

/// A citation: a quoted passage, the number of its source, and where it is.
#[derive(Serialize)]
struct Side<'a> {
    quote: &'a str,
    number: Option<usize>,
    anchor: tera::Value,
    title: tera::Value,
    paragraph: Option<usize>,
    /// What the passage says the date is, for a disputed event's claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

/// One entry of the numbered list of sources.
#[derive(Serialize)]
struct Source<'a> {
    number: usize,
    id: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    derived_from: Option<&'a str>,
    published: String,
    published_words: String,
    author: Option<&'a str>,
    url: Option<&'a str>,
    page: String,
    paragraphs: usize,
}

/// A detected story: its articles and each compared pair.
#[derive(Serialize)]
struct StoryView<'a> {
    anchor: String,
    title: &'a str,
    /// Each article as a [`Side`] without a passage, one tera value per article shared
    /// by every story and pair citing it.
    articles: Vec<tera::Value>,
    pairs: Vec<PairView<'a>>,
}

#[derive(Serialize)]
struct PairView<'a> {
    a: tera::Value,
    b: tera::Value,
    relation: &'static str,
    similarity: String,
    differences: Vec<DifferenceView<'a>>,
}

#[derive(Serialize)]
struct DifferenceView<'a> {
    kind: Option<String>,
    summary: &'a str,
    a: Option<Side<'a>>,
    b: Option<Side<'a>>,
}

pub(crate) fn page(site: &Site, root: &str, ctx: &mut Context) -> Result<&'static str, Failure> {
    let b = site.briefing;
    let numbers = Numbers::new(b);
    let newest_day = newest(b);
    let date = report_date(
        newest_day,
        std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
    );
    let outlets = b
        .articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    ctx.insert("title", &format!("{} — report", b.config.title));
    ctx.insert("section", "report");
    ctx.insert(
        "cover",
        &json!({
            "title": b.config.title,
            "description": b.config.description,
            "date": date.map(day_words),
            "date_iso": date.map(|d| d.to_string()),
            "newest": newest_day.map(day_words),
            "articles": b.articles.len(),
            "outlets": outlets,
            "events": b.events.len(),
            "people": b.people.len(),
            "url": site.options.base_url,
        }),
    );
    ctx.insert("people", &people(site, &numbers));
    ctx.insert("years", &timeline(site, &numbers));
    ctx.insert("comparisons", &comparisons(site, &numbers));
    ctx.insert("stories", &stories(site, &numbers)?);
    ctx.insert("overview", &charts::featured_mentions(site, root));
    ctx.insert("coverage", &charts::coverage(site, root));
    ctx.insert(
        "strip",
        &charts::timeline_strip(
            &b.events,
            &|e| format!("#event-{}", e.id),
            charts::STRIP_PAGES * site.page_size(),
        ),
    );
    let sources: Vec<Source> = numbers
        .order
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = |o: &Option<String>| {
                o.as_ref()
                    .and_then(|o| b.outlets.get(o))
                    .map(|o| o.name.as_str())
            };
            Source {
                number: i + 1,
                id: &a.id,
                title: &a.title,
                outlet: name(&a.outlet),
                derived_from: name(&a.derived_from),
                published: a.published.iso(),
                published_words: day_words(a.published.date),
                author: a.author.as_deref(),
                url: a.url.as_deref().filter(|u| crate::markdown::safe_url(u)),
                page: format!("{root}articles/{}/", a.id),
                paragraphs: a.paragraph_count(),
            }
        })
        .collect();
    ctx.insert("sources", &sources);
    Ok("report.html")
}

fn people(site: &Site, numbers: &Numbers) -> Vec<Value> {
    let b = site.briefing;
    b.config
        .featured
        .iter()
        .filter_map(|id| b.person(id))
        .map(|p| {
            let roles: Vec<Value> = p
                .roles
                .iter()
                .map(|r| {
                    json!({
                        "title": r.title,
                        "from": r.from.as_ref().map(|d| d.wording()),
                        "to": r.to.as_ref().map(|d| d.wording()),
                        "cite": r.source.as_ref().map(|s| numbers.cite(s)),
                    })
                })
                .collect();
            let relations: Vec<Value> = p
                .relations
                .iter()
                .filter_map(|r| {
                    let other = b.person(&r.person)?;
                    let featured = b.config.featured.contains(&other.id);
                    Some(json!({
                        "name": other.name,
                        "anchor": featured.then(|| format!("#person-{}", other.id)),
                        "kind": r.kind,
                        "cite": r.source.as_ref().map(|s| numbers.cite(s)),
                    }))
                })
                .collect();
            let mentions = site
                .index
                .mentions_by_person
                .get(p.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let mut articles: Vec<&str> =
                mentions.iter().map(|m| m.place.article.as_ref()).collect();
            articles.sort_unstable();
            articles.dedup();
            let chart = charts::person_mentions(site, &p.name, mentions);
            let quotes: Vec<Side> = site
                .index
                .quotes_by_person
                .get(p.id.as_str())
                .into_iter()
                .flatten()
                .take(6)
                .map(|q| {
                    let text = b.article(&q.place.article).map_or("", |a| q.place.text(a));
                    numbers.side(&q.place.article, text, Some(q.place.paragraph))
                })
                .collect();
            json!({
                "id": p.id,
                "anchor": format!("person-{}", p.id),
                "name": p.name,
                "titles": p.titles,
                "aliases": p.aliases,
                "summary": curated_html(&p.summary),
                "roles": roles,
                "relations": relations,
                "mentions": mentions.len(),
                "articles": articles.len(),
                "by_outlet": chart.by_outlet.map(|c| c.bars),
                "by_week": chart.by_week,
                "quotes": quotes,
            })
        })
        .collect()
}

fn timeline(site: &Site, numbers: &Numbers) -> Vec<Value> {
    let b = site.briefing;
    let mut years: Vec<(i32, Vec<Value>)> = Vec::new();
    for e in &b.events {
        let conflict: Option<Vec<Side>> = site
            .analysis
            .conflicts
            .iter()
            .find(|c| c.event.as_deref() == Some(e.id.as_str()))
            .map(|c| {
                c.claims
                    .iter()
                    .map(|cl| {
                        let mut side = numbers.side(&cl.article, &cl.text, Some(cl.paragraph));
                        side.date = Some(if cl.start == cl.end {
                            day_words(cl.start)
                        } else {
                            format!("{} – {}", day_words(cl.start), day_words(cl.end))
                        });
                        side
                    })
                    .collect()
            });
        let view = json!({
            "anchor": format!("event-{}", e.id),
            "date": e.display.clone().unwrap_or_else(|| e.date.wording()),
            "date_iso": e.date.text,
            "title": e.title,
            "people": e.people.iter().filter_map(|(p, _)| b.person(p)).map(|p| p.name.clone()).collect::<Vec<_>>(),
            "summary": curated_html(&e.summary),
            "sources": e.sources.iter().map(|s| numbers.cite(s)).collect::<Vec<_>>(),
            "conflict": conflict,
        });
        let year = e.date.start.year();
        match years.last_mut() {
            Some((y, list)) if *y == year => list.push(view),
            _ => years.push((year, vec![view])),
        }
    }
    years
        .into_iter()
        .map(|(year, events)| json!({ "year": year, "events": events }))
        .collect()
}

fn comparisons(site: &Site, numbers: &Numbers) -> Vec<Value> {
    let b = site.briefing;
    b.comparisons
        .iter()
        .map(|c| {
            json!({
                "anchor": format!("comparison-{}", c.id),
                "title": c.title,
                "summary": curated_html(&c.summary),
                "articles": c.articles.iter().map(|(a, _)| numbers.side(a, "", None)).collect::<Vec<_>>(),
                "points": c.points.iter().map(|p| json!({
                    "topic": curated_inline(&p.topic),
                    "verdict": p.verdict.as_str(),
                    "claims": p.claims.iter().map(|cl| numbers.cite(cl)).collect::<Vec<_>>(),
                    "note": curated_html(&p.note),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The found stories, each rendered on its own by `partials/report-story.html` (its
/// story is `s`), as HTML for `report.html`'s `stories`. Their differences as tera's
/// values (a map per cited passage) take several times the room of their HTML; a story
/// at a time holds one story's, never every story's at once.
fn stories(site: &Site, numbers: &Numbers) -> Result<Vec<tera::Value>, Failure> {
    let cite = |article: &str| tera::Value::from_serializable(&numbers.side(article, "", None));
    let mut cited: std::collections::HashMap<&str, tera::Value> = Default::default();
    for s in &site.analysis.stories {
        for a in &s.articles {
            cited.entry(a.as_str()).or_insert_with(|| cite(a));
        }
    }
    let plain = |article: &str| cited.get(article).cloned().unwrap_or_else(|| cite(article));
    site.analysis
        .stories
        .par_iter()
        .map(|s| {
            let view = StoryView {
                anchor: format!("story-{}", escape(&s.id)),
                title: &s.title,
                articles: s.articles.iter().map(|a| plain(a)).collect(),
                pairs: s
                    .pairs
                    .iter()
                    .map(|p| PairView {
                        a: plain(&p.a),
                        b: plain(&p.b),
                        relation: relation_words(p.relation),
                        similarity: format!("{:.0}%", (p.similarity * 100.0).clamp(0.0, 100.0)),
                        differences: p
                            .differences
                            .iter()
                            .map(|d| DifferenceView {
                                kind: serde_json::to_value(d.kind)
                                    .ok()
                                    .and_then(|v| v.as_str().map(|k| k.replace('_', " "))),
                                summary: &d.summary,
                                a: d.a.as_ref().map(|x| quoted(numbers, x)),
                                b: d.b.as_ref().map(|x| quoted(numbers, x)),
                            })
                            .collect(),
                    })
                    .collect(),
            };
            let mut ctx = Context::new();
            ctx.insert("s", &view);
            site.fragment(STORY, &ctx)
                .map(|html| tera::Value::safe_string(&html))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_dated_by_content_or_source_date_epoch() {
        let newest = NaiveDate::from_ymd_opt(2026, 2, 21);
        for (epoch, expected) in [
            (None, newest),
            (Some("1767225600"), NaiveDate::from_ymd_opt(2026, 1, 1)),
            (Some(" 0 "), NaiveDate::from_ymd_opt(1970, 1, 1)),
            (Some("not a number"), newest),
            (Some(""), newest),
        ] {
            assert_eq!(report_date(newest, epoch), expected, "{epoch:?}");
        }
        assert_eq!(report_date(None, None), None);
    }
}

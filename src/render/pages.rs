//! The *page contexts*: for each kind of page, the template that renders it and the
//! data it gets. Every link is relative to the page (`root` leads back to the site's
//! top), so the site works under any sub-path; canonical URLs use the base URL.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use super::view::{
    self, ArticleLink, SourceView, article_link, escape, highlight, person_link, source_view,
};
use super::{Page, Site, charts};
use crate::analyse::{DiffOp, DiffRun, Relation, Story};
use crate::content::{Article, Event};
use crate::error::Failure;
use crate::markdown::{self, Mark, curated_html, curated_inline};

/// The relative path from a page back to the top of the site: `./`, `../`, `../../`.
pub fn root_of(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// The address of a page as a reader sees it: `people/x/index.html` → `people/x/`.
pub fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// A template can fail only where a page renders part of itself apart (the report's
/// stories); every other context is data.
pub fn context(site: &Site, page: &Page, path: &str) -> Result<(&'static str, Context), Failure> {
    // The 404 page is served at any address, so its links start from the base URL.
    let root = match page {
        Page::NotFound => base_path(&site.options.base_url),
        _ => root_of(path),
    };
    let mut ctx = Context::new();
    let c = &site.briefing.config;
    ctx.insert(
        "site",
        &json!({
            "title": c.title,
            "description": c.description,
            "language": c.language,
            "base_url": site.options.base_url,
        }),
    );
    ctx.insert("root", &root);
    ctx.insert("path", pretty(path));
    ctx.insert(
        "canonical",
        &format!("{}{}", site.options.base_url, pretty(path)),
    );
    let template = match page {
        Page::Home => home(site, &root, &mut ctx),
        Page::People => people(site, &root, &mut ctx),
        Page::Person(i) => person(site, *i, &root, &mut ctx),
        Page::Timeline => timeline(site, &root, &mut ctx),
        Page::Compare => compare(site, &root, &mut ctx),
        Page::Comparison(i) => comparison(site, *i, &root, &mut ctx),
        Page::Story(i) => story(site, *i, &root, &mut ctx),
        Page::Articles => articles(site, &root, &mut ctx),
        Page::Article(i) => article(site, *i, &root, &mut ctx),
        Page::Outlets => outlets(site, &root, &mut ctx),
        Page::Outlet(id) => outlet(site, id, &root, &mut ctx),
        Page::NotFound => {
            ctx.insert("title", "Page not found");
            ctx.insert("section", "");
            "404.html"
        }
        Page::Search => super::search::page(site, &root, &mut ctx),
        Page::Report => super::report::page(site, &root, &mut ctx)?,
        Page::DataIndex => data_index(site, &root, &mut ctx),
        Page::Static(_)
        | Page::DataFile(_)
        | Page::SearchFile(_)
        | Page::Feed
        | Page::PersonFeed(_)
        | Page::Sitemap
        | Page::Robots => unreachable!("not an HTML page"),
    };
    let canonical = format!("{}{}", site.options.base_url, pretty(path));
    ctx.insert(
        "meta",
        &super::feeds::page_meta(site, page, &root, &canonical),
    );
    overview_charts(site, page, &root, &mut ctx);
    Ok((template, ctx))
}

/// The path part of the base URL: `https://x.org/a/b/` → `/a/b/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

fn articles_by_date<'a>(
    site: &Site<'a>,
    list: impl Iterator<Item = &'a Article>,
) -> Vec<ArticleLink> {
    let mut list: Vec<&Article> = list.collect();
    list.sort_by(|a, b| {
        b.published
            .sort_key()
            .cmp(&a.published.sort_key())
            .then_with(|| a.id.cmp(&b.id))
    });
    list.into_iter()
        .map(|a| article_link(site.briefing, a, ""))
        .collect()
}

/// Links relative to `root`: the views are built with an empty root, then prefixed.
fn rooted(mut links: Vec<ArticleLink>, root: &str) -> Vec<ArticleLink> {
    for l in &mut links {
        l.url = format!("{root}{}", l.url);
        l.outlet_url = l.outlet_url.as_ref().map(|u| format!("{root}{u}"));
    }
    links
}

#[derive(Serialize)]
struct EventView {
    id: String,
    date: String,
    date_iso: String,
    approximate: bool,
    uncertain: bool,
    title: String,
    summary: String,
    people: Vec<view::PersonLink>,
    sources: Vec<SourceView>,
    url: String,
    conflict: Option<Vec<ClaimView>>,
}

#[derive(Serialize)]
struct ClaimView {
    article: Option<ArticleLink>,
    text: String,
    date: String,
    url: String,
    agrees: bool,
}

fn event_view(site: &Site, e: &Event, root: &str) -> EventView {
    let b = site.briefing;
    let conflict = site
        .analysis
        .conflicts
        .iter()
        .find(|c| c.event.as_deref() == Some(e.id.as_str()))
        .map(|c| {
            c.claims
                .iter()
                .map(|cl| ClaimView {
                    article: b.article(&cl.article).map(|a| article_link(b, a, root)),
                    text: cl.text.clone(),
                    date: date_range_words(cl.start, cl.end),
                    url: view::paragraph_url(root, &cl.article, cl.paragraph),
                    agrees: cl.start <= e.date.end && e.date.start <= cl.end,
                })
                .collect()
        });
    EventView {
        id: e.id.clone(),
        date: e.display.clone().unwrap_or_else(|| e.date.wording()),
        date_iso: e.date.text.clone(),
        approximate: e.date.approximate,
        uncertain: e.date.uncertain,
        title: e.title.clone(),
        summary: curated_html(&e.summary),
        people: e
            .people
            .iter()
            .filter_map(|(p, _)| b.person(p))
            .map(|p| person_link(p, root))
            .collect(),
        sources: e.sources.iter().map(|s| source_view(b, s, root)).collect(),
        url: format!("{root}timeline/#{}", e.id),
        conflict,
    }
}

fn date_range_words(start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    if start == end {
        view::day_words(start)
    } else {
        format!("{} – {}", view::day_words(start), view::day_words(end))
    }
}

fn home(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let featured: Vec<Value> = b
        .config
        .featured
        .iter()
        .filter_map(|id| b.person(id))
        .map(|p| {
            json!({
                "person": person_link(p, root),
                "titles": p.titles,
                "summary": curated_html(&p.summary),
                "mentions": site.index.mentions_by_person.get(p.id.as_str()).map_or(0, Vec::len),
            })
        })
        .collect();
    let mut events: Vec<EventView> = b.events.iter().map(|e| event_view(site, e, root)).collect();
    events.reverse();
    events.truncate(8);
    ctx.insert("title", &b.config.title);
    ctx.insert("section", "home");
    ctx.insert("featured", &featured);
    ctx.insert("events", &events);
    ctx.insert("comparisons", &comparison_list(site, root));
    ctx.insert("stories", &story_list(site, root));
    ctx.insert(
        "articles",
        &rooted(articles_by_date(site, b.articles.iter()), root),
    );
    ctx.insert(
        "counts",
        &json!({
            "articles": b.articles.len(),
            "people": b.people.len(),
            "events": b.events.len(),
            "outlets": b.outlets.len(),
            "mentions": site.analysis.mentions.len(),
            "quotes": site.analysis.quotes.len(),
        }),
    );
    "index.html"
}

fn people(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let list: Vec<Value> = b
        .people
        .iter()
        .map(|p| {
            json!({
                "person": person_link(p, root),
                "titles": p.titles,
                "featured": b.config.featured.contains(&p.id),
                "mentions": site.index.mentions_by_person.get(p.id.as_str()).map_or(0, Vec::len),
            })
        })
        .collect();
    ctx.insert("title", "People");
    ctx.insert("section", "people");
    ctx.insert("people", &list);
    "people.html"
}

/// How many articles a person page shows the mentioning sentences of.
const MENTION_ARTICLES: usize = 20;

/// A sentence naming the person, the mention marked, and where it is.
#[derive(Serialize)]
struct MentionLine {
    sentence: String,
    paragraph: usize,
    url: String,
}

/// One of the newest articles naming the person, with its sentences.
#[derive(Serialize)]
struct MentionGroup {
    article: ArticleLink,
    mentions: Vec<MentionLine>,
}

/// An older article naming the person, listed by title: a person named in thousands
/// of articles still gets a page a browser opens quickly.
#[derive(Serialize)]
struct MoreArticle {
    article: ArticleLink,
    count: usize,
}

fn person(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let p = &b.people[i];
    let ix = &site.index;
    let roles: Vec<Value> = p
        .roles
        .iter()
        .map(|r| {
            json!({
                "title": r.title,
                "from": r.from.as_ref().map(|d| d.wording()),
                "to": r.to.as_ref().map(|d| d.wording()),
                "source": r.source.as_ref().map(|s| source_view(b, s, root)),
            })
        })
        .collect();
    let relations: Vec<Value> = p
        .relations
        .iter()
        .filter_map(|r| {
            let other = b.person(&r.person)?;
            Some(json!({
                "person": person_link(other, root),
                "kind": r.kind,
                "source": r.source.as_ref().map(|s| source_view(b, s, root)),
            }))
        })
        .collect();
    // Mentions grouped by article, articles newest first.
    let mentions = ix.mentions_by_person.get(p.id.as_str());
    let mut by_article: BTreeMap<&str, Vec<MentionLine>> = BTreeMap::new();
    // Mentions grouped by article, newest first. The sentences of the newest articles
    // are shown; the others are listed by title, so a person named in thousands of
    // articles still gets a page a browser opens quickly.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions.into_iter().flatten() {
        *counts.entry(m.place.article.as_ref()).or_default() += 1;
    }
    let ordered = rooted(
        articles_by_date(site, counts.keys().filter_map(|id| b.article(id))),
        root,
    );
    let shown: std::collections::BTreeSet<&str> = ordered
        .iter()
        .take(MENTION_ARTICLES)
        .map(|l| l.id.as_str())
        .collect();
    for m in mentions.into_iter().flatten() {
        if !shown.contains(m.place.article.as_ref()) {
            continue;
        }
        let Some(article) = b.article(&m.place.article) else {
            continue;
        };
        let sentence = m.sentence.text(article, &m.place);
        let (s, e) = m.sentence.of(&m.place);
        by_article
            .entry(&m.place.article)
            .or_default()
            .push(MentionLine {
                sentence: highlight(sentence, s, e, "mention"),
                paragraph: m.place.paragraph,
                url: view::paragraph_url(root, &m.place.article, m.place.paragraph),
            });
    }
    let mut mention_groups: Vec<MentionGroup> = Vec::new();
    let mut more_articles: Vec<MoreArticle> = Vec::new();
    for link in ordered {
        let count = counts.get(link.id.as_str()).copied().unwrap_or(0);
        match by_article.remove(link.id.as_str()) {
            Some(mentions) => mention_groups.push(MentionGroup {
                article: link,
                mentions,
            }),
            None => more_articles.push(MoreArticle {
                article: link,
                count,
            }),
        }
    }
    let all_quotes: Vec<&crate::analyse::Quote> = ix
        .quotes_by_person
        .get(p.id.as_str())
        .into_iter()
        .flatten()
        .copied()
        .collect();
    let quote_count = all_quotes.len();
    let mut all_quotes = all_quotes;
    let published = |q: &crate::analyse::Quote| {
        b.article(&q.place.article)
            .map(|a| std::cmp::Reverse(a.published.sort_key()))
    };
    // The key looks the article up: once per quote, not once per comparison.
    all_quotes.sort_by_cached_key(|q| (published(q), &q.place));
    let quotes: Vec<Value> = all_quotes
        .into_iter()
        .take(MENTION_ARTICLES * 2)
        .filter_map(|q| {
            let a = b.article(&q.place.article)?;
            Some(json!({
                "text": q.place.text(a),
                "article": article_link(b, a, root),
                "url": view::paragraph_url(root, &q.place.article, q.place.paragraph),
            }))
        })
        .collect();
    let with: Vec<Value> = view::co_mentioned(ix, b, &p.id)
        .into_iter()
        .take(8)
        .map(|(other, n)| json!({ "person": person_link(other, root), "count": n }))
        .collect();
    let events: Vec<EventView> = ix
        .events_by_person
        .get(p.id.as_str())
        .into_iter()
        .flatten()
        .map(|e| event_view(site, e, root))
        .collect();
    let articles: std::collections::BTreeSet<&str> = mentions
        .into_iter()
        .flatten()
        .map(|m| m.place.article.as_ref())
        .collect();
    let comparisons: Vec<Value> = b
        .comparisons
        .iter()
        .filter(|c| {
            c.articles
                .iter()
                .any(|(a, _)| articles.contains(a.as_str()))
        })
        .map(|c| json!({ "title": c.title, "url": format!("{root}compare/{}/", c.id) }))
        .collect();
    let chart = charts::person_mentions(site, &p.name, mentions.map_or(&[][..], Vec::as_slice));
    ctx.insert("title", &p.name);
    ctx.insert("section", "people");
    ctx.insert(
        "person",
        &json!({
            "id": p.id,
            "name": p.name,
            "aliases": p.aliases,
            "surname": p.surname,
            "titles": p.titles,
            "summary": curated_html(&p.summary),
            "image": p.image,
            "featured": b.config.featured.contains(&p.id),
        }),
    );
    ctx.insert("roles", &roles);
    ctx.insert("relations", &relations);
    ctx.insert("mention_count", &mentions.map_or(0, Vec::len));
    ctx.insert("mention_groups", &mention_groups);
    ctx.insert("more_articles", &more_articles);
    ctx.insert("article_count", &counts.len());
    ctx.insert("quote_count", &quote_count);
    ctx.insert("quotes", &quotes);
    ctx.insert("with", &with);
    ctx.insert("events", &events);
    ctx.insert("comparisons", &comparisons);
    ctx.insert("chart", &chart);
    "person.html"
}

fn timeline(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    use chrono::Datelike;
    let b = site.briefing;
    // Years, then months, in date order; an event sits in the month it starts.
    let mut years: Vec<Value> = Vec::new();
    let mut current: Option<(i32, Months)> = None;
    for e in &b.events {
        let (y, m) = (e.date.start.year(), e.date.start.month());
        let month = if e.date.precision == crate::edtf::Precision::Year
            || e.date.precision == crate::edtf::Precision::Decade
        {
            0
        } else {
            m
        };
        if current.as_ref().is_some_and(|(cy, _)| *cy != y)
            && let Some(done) = current.take()
        {
            years.push(year_view(done));
        }
        let entry = current.get_or_insert((y, Vec::new()));
        if entry.1.last().is_none_or(|(lm, _)| *lm != month) {
            entry.1.push((month, Vec::new()));
        }
        entry
            .1
            .last_mut()
            .expect("just pushed")
            .1
            .push(event_view(site, e, root));
    }
    if let Some(done) = current {
        years.push(year_view(done));
    }
    let derived: Vec<Value> = site
        .analysis
        .conflicts
        .iter()
        .filter(|c| c.event.is_none())
        .map(|c| {
            json!({
                "claims": c.claims.iter().map(|cl| json!({
                    "article": b.article(&cl.article).map(|a| article_link(b, a, root)),
                    "text": cl.text,
                    "date": date_range_words(cl.start, cl.end),
                    "url": view::paragraph_url(root, &cl.article, cl.paragraph),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    ctx.insert("title", "Timeline");
    ctx.insert("section", "timeline");
    ctx.insert("years", &years);
    ctx.insert("derived_conflicts", &derived);
    "timeline.html"
}

/// The events of one year, by month (0 for events dated only to the year).
type Months = Vec<(u32, Vec<EventView>)>;

fn year_view((year, months): (i32, Months)) -> Value {
    json!({
        "year": year,
        "months": months.into_iter().map(|(m, events)| json!({
            "month": if m == 0 { String::new() } else { crate::edtf::month_name(m).to_string() },
            "id": if m == 0 { format!("y{year}") } else { format!("y{year}-{m:02}") },
            "events": events,
        })).collect::<Vec<_>>(),
    })
}

fn comparison_list(site: &Site, root: &str) -> Vec<Value> {
    site.briefing
        .comparisons
        .iter()
        .map(|c| {
            json!({
                "title": c.title,
                "url": format!("{root}compare/{}/", c.id),
                "articles": c.articles.len(),
                "points": c.points.len(),
                "summary": curated_html(&c.summary),
            })
        })
        .collect()
}

fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Copy => "copy",
        Relation::LightEdit => "light edit",
        Relation::Rewrite => "rewrite",
        Relation::PartialOverlap => "partial overlap",
    }
}

fn story_list(site: &Site, root: &str) -> Vec<Value> {
    let b = site.briefing;
    site.analysis
        .stories
        .iter()
        .map(|s| {
            json!({
                "title": s.title,
                "url": format!("{root}compare/{}/", s.id),
                "articles": s.articles.iter().filter_map(|a| b.article(a)).map(|a| article_link(b, a, root)).collect::<Vec<_>>(),
                "pairs": s.pairs.iter().map(|p| json!({
                    "a": p.a, "b": p.b,
                    "relation": relation_words(p.relation),
                    "similarity": percent(p.similarity),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn percent(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

fn compare(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    ctx.insert("title", "Compare sources");
    ctx.insert("section", "compare");
    ctx.insert("comparisons", &comparison_list(site, root));
    ctx.insert("stories", &story_list(site, root));
    "compare.html"
}

fn comparison(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let c = &b.comparisons[i];
    let articles: Vec<ArticleLink> = c
        .articles
        .iter()
        .filter_map(|(a, _)| b.article(a))
        .map(|a| article_link(b, a, root))
        .collect();
    let points: Vec<Value> = c
        .points
        .iter()
        .map(|p| {
            // One column per article of the comparison, in the comparison's order.
            let columns: Vec<Value> = c
                .articles
                .iter()
                .map(|(id, _)| {
                    let claims: Vec<SourceView> = p
                        .claims
                        .iter()
                        .filter(|cl| &cl.article == id)
                        .map(|cl| source_view(b, cl, root))
                        .collect();
                    json!({
                        "article": b.article(id).map(|a| article_link(b, a, root)),
                        "claims": claims,
                    })
                })
                .collect();
            json!({
                "topic": curated_inline(&p.topic),
                "verdict": p.verdict.as_str(),
                "columns": columns,
                "note": curated_html(&p.note),
            })
        })
        .collect();
    ctx.insert("title", &c.title);
    ctx.insert("section", "compare");
    ctx.insert(
        "comparison",
        &json!({
            "id": c.id,
            "title": c.title,
            "summary": curated_html(&c.summary),
            "articles": articles,
            "points": points,
        }),
    );
    "comparison.html"
}

/// A word diff of sentences `ta` and `tb` as two sides of safe HTML: what `a` has
/// (removed words marked) and what `b` has (added words marked).
fn diff_sides(runs: &[DiffRun], ta: &str, tb: &str) -> (String, String) {
    let (mut a, mut b) = (String::new(), String::new());
    for r in runs {
        let t = escape(r.text(ta, tb));
        match r.op {
            DiffOp::Equal => {
                a.push_str(&t);
                b.push_str(&t);
            }
            DiffOp::Delete => a.push_str(&format!("<del>{t}</del>")),
            DiffOp::Insert => b.push_str(&format!("<ins>{t}</ins>")),
        }
    }
    (a, b)
}

/// The text of one side of an alignment row, given that side's article.
fn sentence<'a>(x: &Option<crate::analyse::Sentence>, article: Option<&'a Article>) -> &'a str {
    x.as_ref()
        .zip(article)
        .map_or("", |(x, article)| x.text(article))
}

// A story page's context is typed records, not `json!` trees: story pages are the
// largest kind (1,417 pages, 111 MB at 10,000 articles), and tera makes its own values
// from whatever it is given, so a tree first was every row made twice.

/// A detected story: its articles and each compared pair.
#[derive(Serialize)]
struct StoryPage<'a> {
    id: &'a str,
    title: &'a str,
    articles: Vec<ArticleLink>,
    pairs: Vec<PairPage<'a>>,
}

#[derive(Serialize)]
struct PairPage<'a> {
    a: Option<ArticleLink>,
    b: Option<ArticleLink>,
    relation: &'static str,
    similarity: String,
    rows: Vec<Row>,
    /// By kind of difference.
    differences: Vec<Differences<'a>>,
}

/// A row of the alignment: a sentence of `a`, of `b`, or both, as safe HTML.
#[derive(Serialize)]
struct Row {
    a: Option<RowSide>,
    b: Option<RowSide>,
    similarity: Option<String>,
}

#[derive(Serialize)]
struct RowSide {
    html: String,
    url: String,
    paragraph: usize,
}

#[derive(Serialize)]
struct Differences<'a> {
    kind: String,
    items: Vec<DifferenceItem<'a>>,
}

#[derive(Serialize)]
struct DifferenceItem<'a> {
    summary: &'a str,
    a: Option<DifferenceSide<'a>>,
    b: Option<DifferenceSide<'a>>,
}

#[derive(Serialize)]
struct DifferenceSide<'a> {
    text: &'a str,
    article: Option<ArticleLink>,
    url: String,
}

fn difference_side<'a>(
    x: &'a crate::analyse::Side,
    b: &crate::content::Briefing,
    root: &str,
) -> DifferenceSide<'a> {
    DifferenceSide {
        text: &x.text,
        article: b.article(&x.article).map(|a| article_link(b, a, root)),
        url: view::paragraph_url(root, &x.article, x.paragraph),
    }
}

fn story(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let s: &Story = &site.analysis.stories[i];
    let link = |id: &str| b.article(id).map(|a| article_link(b, a, root));
    let pairs: Vec<PairPage> = s
        .pairs
        .iter()
        .map(|p| {
            let (article_a, article_b) = (b.article(&p.a), b.article(&p.b));
            let rows: Vec<Row> = p
                .alignment
                .iter()
                .map(|row| {
                    let (ta, tb) = (sentence(&row.a, article_a), sentence(&row.b, article_b));
                    let (a_html, b_html) = if row.diff.is_empty() {
                        (escape(ta), escape(tb))
                    } else {
                        diff_sides(&row.diff, ta, tb)
                    };
                    let side =
                        |x: &crate::analyse::Sentence, html: String, article: &str| RowSide {
                            html,
                            url: view::paragraph_url(root, article, x.paragraph),
                            paragraph: x.paragraph,
                        };
                    Row {
                        a: row.a.as_ref().map(|x| side(x, a_html, &p.a)),
                        b: row.b.as_ref().map(|x| side(x, b_html, &p.b)),
                        similarity: row.similarity.map(percent),
                    }
                })
                .collect();
            let mut kinds: BTreeMap<String, Vec<DifferenceItem>> = BTreeMap::new();
            for d in &p.differences {
                let kind = serde_json::to_value(d.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                kinds.entry(kind).or_default().push(DifferenceItem {
                    summary: &d.summary,
                    a: d.a.as_ref().map(|x| difference_side(x, b, root)),
                    b: d.b.as_ref().map(|x| difference_side(x, b, root)),
                });
            }
            PairPage {
                a: link(&p.a),
                b: link(&p.b),
                relation: relation_words(p.relation),
                similarity: percent(p.similarity),
                rows,
                differences: kinds
                    .into_iter()
                    .map(|(k, items)| Differences {
                        kind: k.replace('_', " "),
                        items,
                    })
                    .collect(),
            }
        })
        .collect();
    ctx.insert("title", &s.title);
    ctx.insert("section", "compare");
    ctx.insert(
        "story",
        &StoryPage {
            id: &s.id,
            title: &s.title,
            articles: s.articles.iter().filter_map(|a| link(a)).collect(),
            pairs,
        },
    );
    "story.html"
}

fn articles(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    ctx.insert("title", "Articles");
    ctx.insert("section", "articles");
    ctx.insert(
        "articles",
        &rooted(articles_by_date(site, site.briefing.articles.iter()), root),
    );
    "articles.html"
}

/// The marks of an article's paragraphs: each mention links to its person (or says it
/// is ambiguous), each quote is marked with its speaker.
fn article_marks(site: &Site, a: &Article, root: &str) -> Vec<Vec<Mark>> {
    let b = site.briefing;
    let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); a.paragraph_count()];
    for q in site.index.quotes_by_article.of(&a.id) {
        let speaker = q
            .person
            .as_deref()
            .and_then(|p| b.person(p))
            .map(|p| p.name.clone())
            .or_else(|| q.speaker.clone());
        let title = match speaker {
            Some(s) => format!("Quote, speaker: {s} (found by the generator)"),
            None => "Quote, speaker not found (found by the generator)".to_string(),
        };
        if let Some(list) = marks.get_mut(q.place.paragraph.wrapping_sub(1)) {
            list.push(Mark {
                start: q.place.start,
                end: q.place.end,
                open: format!("<span class=\"quote\" title=\"{}\">", escape(&title)),
                close: "</span>".into(),
            });
        }
    }
    for m in site.index.mentions_by_article.of(&a.id) {
        let (open, close) = match m.person.as_deref().and_then(|p| b.person(p)) {
            Some(p) => (
                format!(
                    "<a class=\"mention\" href=\"{root}people/{}/\" title=\"{} (found by the generator: {})\">",
                    p.id,
                    escape(&p.name),
                    escape(m.reason)
                ),
                "</a>".to_string(),
            ),
            None => {
                let names: Vec<String> = m
                    .candidates
                    .iter()
                    .filter_map(|c| b.person(c))
                    .map(|p| p.name.clone())
                    .collect();
                (
                    format!(
                        "<mark class=\"mention ambiguous\" title=\"Ambiguous: {}\">",
                        escape(&names.join(" or "))
                    ),
                    "</mark>".to_string(),
                )
            }
        };
        if let Some(list) = marks.get_mut(m.place.paragraph.wrapping_sub(1)) {
            list.push(Mark {
                start: m.place.start,
                end: m.place.end,
                open,
                close,
            });
        }
    }
    for list in &mut marks {
        list.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
    }
    marks
}

fn article(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let a = &b.articles[i];
    let body = markdown::article_html(&a.body, &article_marks(site, a, root));
    let dates: Vec<Value> = site
        .index
        .dates_by_article
        .of(&a.id)
        .iter()
        .map(|d| {
            json!({
                "text": d.place.text(a),
                "start": d.start.to_string(),
                "end": d.end.to_string(),
                "words": date_range_words(d.start, d.end),
                "precision": d.precision.as_str(),
                "relative": d.relative,
                "url": format!("#p{}", d.place.paragraph),
                "paragraph": d.place.paragraph,
            })
        })
        .collect();
    let same_story: Vec<Value> = site
        .index
        .stories_by_article
        .get(a.id.as_str())
        .into_iter()
        .flatten()
        .map(|(_, s)| {
            let others: Vec<Value> = s
                .pairs
                .iter()
                .filter_map(|p| {
                    let other = if p.a == a.id {
                        &p.b
                    } else if p.b == a.id {
                        &p.a
                    } else {
                        return None;
                    };
                    Some(json!({
                        "article": b.article(other).map(|o| article_link(b, o, root)),
                        "relation": relation_words(p.relation),
                        "similarity": percent(p.similarity),
                    }))
                })
                .collect();
            json!({ "title": s.title, "url": format!("{root}compare/{}/", s.id), "others": others })
        })
        .collect();
    let comparisons: Vec<Value> = site
        .index
        .comparisons_by_article
        .get(a.id.as_str())
        .into_iter()
        .flatten()
        .map(|c| json!({ "title": c.title, "url": format!("{root}compare/{}/", c.id) }))
        .collect();
    let outlet = |id: &Option<String>| {
        id.as_ref()
            .and_then(|o| b.outlets.get(o))
            .map(|o| json!({ "name": o.name, "url": format!("{root}outlets/{}/", o.id) }))
    };
    let mut people: Vec<(&str, usize)> = Vec::new();
    for m in site.index.mentions_by_article.of(&a.id) {
        if let Some(p) = m.person.as_deref() {
            match people.iter_mut().find(|(id, _)| *id == p) {
                Some(entry) => entry.1 += 1,
                None => people.push((p, 1)),
            }
        }
    }
    people.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let people: Vec<Value> = people
        .into_iter()
        .filter_map(|(id, n)| {
            b.person(id)
                .map(|p| json!({"person": person_link(p, root), "count": n}))
        })
        .collect();
    let ambiguous = site
        .index
        .mentions_by_article
        .of(&a.id)
        .iter()
        .filter(|m| m.person.is_none())
        .count();
    ctx.insert("title", &a.title);
    ctx.insert("section", "articles");
    ctx.insert(
        "article",
        &json!({
            "id": a.id,
            "title": a.title,
            "outlet": outlet(&a.outlet),
            "derived_from": outlet(&a.derived_from),
            "published": a.published.iso(),
            "published_words": view::day_words(a.published.date),
            "author": a.author,
            "url": a.url,
            "language": a.language,
            "paragraphs": a.paragraph_count(),
            "body": body,
        }),
    );
    ctx.insert("people", &people);
    ctx.insert("ambiguous", &ambiguous);
    ctx.insert("quote_count", &site.index.quotes_by_article.of(&a.id).len());
    ctx.insert("dates", &dates);
    ctx.insert("same_story", &same_story);
    ctx.insert("comparisons", &comparisons);
    "article.html"
}

fn outlets(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let list: Vec<Value> = b
        .outlets
        .values()
        .map(|o| {
            json!({
                "name": o.name,
                "url": format!("{root}outlets/{}/", o.id),
                "kind": o.kind,
                "articles": site.index.articles_by_outlet.get(o.id.as_str()).map_or(0, Vec::len),
                "derived": site.index.derived_by_outlet.get(o.id.as_str()).map_or(0, Vec::len),
            })
        })
        .collect();
    let unknown: Vec<ArticleLink> = rooted(
        articles_by_date(site, b.articles.iter().filter(|a| a.outlet.is_none())),
        root,
    );
    ctx.insert("title", "Outlets");
    ctx.insert("section", "outlets");
    ctx.insert("outlets", &list);
    ctx.insert("unknown", &unknown);
    "outlets.html"
}

fn outlet(site: &Site, id: &str, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let o = &b.outlets[id];
    let published = rooted(
        articles_by_date(
            site,
            site.index
                .articles_by_outlet
                .get(id)
                .into_iter()
                .flatten()
                .copied(),
        ),
        root,
    );
    let derived = rooted(
        articles_by_date(
            site,
            site.index
                .derived_by_outlet
                .get(id)
                .into_iter()
                .flatten()
                .copied(),
        ),
        root,
    );
    ctx.insert("title", &o.name);
    ctx.insert("section", "outlets");
    ctx.insert(
        "outlet",
        &json!({ "id": o.id, "name": o.name, "url": o.url, "kind": o.kind, "country": o.country }),
    );
    ctx.insert("published", &published);
    ctx.insert("derived", &derived);
    "outlet.html"
}

/// The charts of the overview and timeline pages: mentions of the featured people
/// over time and which outlet reported which story on the overview, the strip of
/// events on the timeline.
fn overview_charts(site: &Site, page: &Page, root: &str, ctx: &mut Context) {
    match page {
        Page::Home => {
            ctx.insert("overview", &charts::featured_mentions(site, root));
            ctx.insert("coverage", &charts::coverage(site, root));
        }
        Page::Timeline => {
            ctx.insert("strip", &charts::timeline_strip(&site.briefing.events, ""));
        }
        _ => {}
    }
}

/// `/data/`: the data exports, what each holds, with links. The fields are listed in
/// the template, and a test checks them against the exports themselves.
fn data_index(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    let (exports, by_name) = super::data::listing(site, root);
    ctx.insert("title", "Data");
    ctx.insert("section", "data");
    ctx.insert("exports", &exports);
    ctx.insert("export", &by_name);
    ctx.insert(
        "timelinejs",
        &format!("{}data/timelinejs.json", site.options.base_url),
    );
    ctx.insert(
        "counts",
        &json!({
            "articles": site.briefing.articles.len(),
            "people": site.briefing.people.len(),
            "events": site.briefing.events.len(),
            "comparisons": site.briefing.comparisons.len(),
            "stories": site.analysis.stories.len(),
            "mentions": site.analysis.mentions.len(),
            "quotes": site.analysis.quotes.len(),
            "dates": site.analysis.dates.len(),
        }),
    );
    "data.html"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_lead_back_to_the_top() {
        assert_eq!(root_of("index.html"), "./");
        assert_eq!(root_of("people/index.html"), "../");
        assert_eq!(root_of("people/x/index.html"), "../../");
        assert_eq!(pretty("people/x/index.html"), "people/x/");
        assert_eq!(pretty("404.html"), "404.html");
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://example.org/"), "/");
        assert_eq!(base_path("https://example.org"), "/");
        assert_eq!(base_path("https://example.org/a/b/"), "/a/b/");
        assert_eq!(base_path("/sub/"), "/sub/");
    }
}

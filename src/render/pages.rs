//! The *page contexts*: for each kind of page, the template that renders it and the
//! data it gets. Every link is relative to the page (`root` leads back to the site's
//! top), so the site works under any sub-path; canonical URLs use the base URL.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use super::urls;
use super::view::{self, ArticleLink, SourceView, article_link, escape, person_link, source_view};
use super::{Page, Site, charts};
use crate::analyse::{
    DateMention, DiffOp, DiffRun, Difference, DifferenceKind, Pair, Relation, Story,
};
use crate::content::{Article, Event};
use crate::error::Failure;
use crate::markdown::{self, Mark, curated_html, curated_inline};

/// A template can fail only where a page renders part of itself apart (the report's
/// stories); every other context is data.
pub fn context(site: &Site, page: &Page, path: &str) -> Result<(&'static str, Context), Failure> {
    let mut ctx = Context::new();
    let root = super::meta::head(site, page, path, &mut ctx);
    let template = match page {
        Page::Home => home(site, &root, &mut ctx),
        Page::Person(i) => person(site, *i, &root, &mut ctx),
        Page::Timeline => timeline(site, &root, &mut ctx),
        Page::Comparison(i) => comparison(site, *i, &root, &mut ctx),
        Page::Story(i) => story(site, *i, &root, &mut ctx),
        Page::Pair(s, p) => pair(site, *s, *p, &root, &mut ctx),
        Page::Article(i) => article(site, *i, &root, &mut ctx),
        Page::List(list, n) => super::lists::context(site, list, *n, &root, &mut ctx),
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
        | Page::SitemapPart(_)
        | Page::Robots
        | Page::TimelineAnchors => unreachable!("not an HTML page"),
    };
    overview_charts(site, page, &root, &mut ctx);
    Ok((template, ctx))
}

#[derive(Serialize)]
pub(crate) struct EventView {
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
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
}

#[derive(Serialize)]
struct ClaimView {
    article: Option<ArticleLink>,
    text: String,
    date: String,
    url: String,
    agrees: bool,
}

pub(crate) fn event_view(site: &Site, e: &Event, root: &str) -> EventView {
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
                    date: crate::edtf::span_words(cl.start, cl.end),
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
        url: format!("{root}{}", site.index.event_url(e)),
        conflict,
        draft: e.draft,
    }
}

/// What the overview pages show of each list before linking to the rest.
const HOME_ARTICLES: usize = 20;
const HOME_STORIES: usize = 10;
const HOME_COMPARISONS: usize = 10;
const HOME_EVENTS: usize = 8;

fn home(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let ix = &site.index;
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
                "mentions": ix.mentions_by_person.get(p.id.as_str()).map_or(0, Vec::len),
            })
        })
        .collect();
    let latest = b.events.len().saturating_sub(HOME_EVENTS);
    let mut events: Vec<EventView> = b.events[latest..]
        .iter()
        .map(|e| event_view(site, e, root))
        .collect();
    events.reverse();
    let comparisons: Vec<Value> = comparison_list(site, root)
        .into_iter()
        .take(HOME_COMPARISONS)
        .collect();
    let stories: Vec<Value> = ix
        .stories_by_size()
        .iter()
        .take(HOME_STORIES)
        .map(|&i| story_line(site, &site.analysis.stories[i], root))
        .collect();
    let articles: Vec<ArticleLink> = ix
        .newest()
        .iter()
        .take(HOME_ARTICLES)
        .map(|a| article_link(b, a, root))
        .collect();
    ctx.insert("title", &b.config.title);
    ctx.insert("section", "home");
    ctx.insert("featured", &featured);
    ctx.insert("events", &events);
    ctx.insert("comparisons", &comparisons);
    ctx.insert("stories", &stories);
    ctx.insert("articles", &articles);
    ctx.insert(
        "counts",
        &json!({
            "articles": b.articles.len(),
            "people": b.people.len(),
            "events": b.events.len(),
            "outlets": view::outlets_published(b),
            "comparisons": b.comparisons.len(),
            "stories": site.analysis.stories.len(),
            "mentions": site.analysis.mentions.len(),
            "quotes": site.analysis.quotes.len(),
        }),
    );
    "index.html"
}

/// What a person page shows of each of the person's lists; the rest is on the lists'
/// own pages (`people/<id>/mentions/`…), which exist only when there is more.
pub(crate) const PERSON_ARTICLES: usize = 10;
pub(crate) const PERSON_QUOTES: usize = 20;
pub(crate) const PERSON_EVENTS: usize = 10;
const PERSON_COMPARISONS: usize = 20;

fn person(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    use super::lists::List;
    let b = site.briefing;
    let p = &b.people[i];
    let ix = &site.index;
    let standing = role_standing(&p.roles);
    let roles: Vec<Value> = p
        .roles
        .iter()
        .zip(&standing)
        .map(|(r, standing)| {
            json!({
                "title": r.title,
                "from": r.from.as_ref().map(|d| d.wording()),
                "to": r.to.as_ref().map(|d| d.wording()),
                "standing": standing.words(),
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
    let mentions = ix.mentions_by_person.get(p.id.as_str());
    // The newest articles naming the person, with their sentences; the rest are on the
    // person's lists.
    let articles = ix.person_articles(&p.id);
    let newest: Vec<&Article> = articles
        .iter()
        .take(PERSON_ARTICLES)
        .map(|(a, _)| *a)
        .collect();
    let mention_groups = super::lists::mention_groups(site, &p.id, &newest, root);
    let quotes = ix.person_quotes(&p.id);
    let shown_quotes: Vec<Value> = quotes
        .iter()
        .take(PERSON_QUOTES)
        .filter_map(|q| super::lists::quote_view(site, q, root))
        .collect();
    let with: Vec<Value> = view::co_mentioned(ix, b, &p.id)
        .into_iter()
        .take(8)
        .map(|(other, n)| json!({ "person": person_link(other, root), "count": n }))
        .collect();
    let all_events = ix
        .events_by_person
        .get(p.id.as_str())
        .map_or(&[][..], Vec::as_slice);
    let recent = all_events.len().saturating_sub(PERSON_EVENTS);
    // The person's own page does not say "with" them at each of their events.
    let events: Vec<EventView> = all_events[recent..]
        .iter()
        .map(|e| {
            let mut view = event_view(site, e, root);
            view.people.retain(|other| other.id != p.id);
            view
        })
        .collect();
    // Curated comparisons of articles that name the person.
    let named: std::collections::HashSet<&str> =
        articles.iter().map(|(a, _)| a.id.as_str()).collect();
    let comparisons: Vec<Value> = b
        .comparisons
        .iter()
        .filter(|c| c.articles.iter().any(|(a, _)| named.contains(a.as_str())))
        .take(PERSON_COMPARISONS)
        .map(|c| json!({ "title": c.title, "url": format!("{root}{}", urls::comparison(&c.id)) }))
        .collect();
    let chart = charts::person_mentions(site, &p.name, mentions.map_or(&[][..], Vec::as_slice));
    let more = |list: List, shown: usize, total: usize| -> Option<Value> {
        (total > shown).then(|| json!({ "url": list.url(site, root, 1), "total": total }))
    };
    let infobox = Infobox {
        initials: initials(&p.name),
        now: p
            .roles
            .iter()
            .zip(&standing)
            .filter(|(_, s)| **s == Standing::Now)
            .map(|(r, _)| RoleLine {
                title: &r.title,
                from: r.from.as_ref().map(|d| d.wording()),
            })
            .collect(),
        former: p
            .roles
            .iter()
            .zip(&standing)
            .filter(|(_, s)| **s == Standing::Former)
            .map(|(r, _)| r.title.as_str())
            .collect(),
        first: articles.last().map(|(a, _)| article_link(b, a, root)),
        last: articles.first().map(|(a, _)| article_link(b, a, root)),
        quote: representative_quote(b, quotes)
            .and_then(|q| super::lists::quote_view(site, q, root))
            .map(|mut q| {
                // An infobox shows the opening of a long quote; its link leads to all.
                if let Some(text) = q["text"].as_str() {
                    q["text"] = Value::from(opening_words(text, INFOBOX_QUOTE_WORDS));
                }
                q
            }),
    };
    ctx.insert("title", &p.name);
    ctx.insert("section", "people");
    ctx.insert("infobox", &infobox);
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
            "draft": p.draft,
        }),
    );
    ctx.insert("roles", &roles);
    ctx.insert("relations", &relations);
    ctx.insert("mention_count", &mentions.map_or(0, Vec::len));
    ctx.insert("mention_groups", &mention_groups);
    ctx.insert("article_count", &articles.len());
    ctx.insert(
        "more_mentions",
        &more(List::PersonMentions(i), PERSON_ARTICLES, articles.len()),
    );
    ctx.insert(
        "all_articles",
        &more(List::PersonArticles(i), PERSON_ARTICLES, articles.len()),
    );
    ctx.insert("quote_count", &quotes.len());
    ctx.insert("quotes", &shown_quotes);
    ctx.insert(
        "more_quotes",
        &more(List::PersonQuotes(i), PERSON_QUOTES, quotes.len()),
    );
    ctx.insert("with", &with);
    ctx.insert("events", &events);
    ctx.insert("event_count", &all_events.len());
    ctx.insert(
        "more_events",
        &more(List::PersonEvents(i), PERSON_EVENTS, all_events.len()),
    );
    ctx.insert("comparisons", &comparisons);
    ctx.insert("chart", &chart);
    "person.html"
}

/// Where a person stands in a role, as their page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// The role they hold now: not ended, and begun last of those not ended.
    Now,
    /// A role that ended.
    Former,
    /// Neither said: not ended, but with no start to tell it from another.
    Unstated,
}

impl Standing {
    fn words(self) -> Option<&'static str> {
        match self {
            Standing::Now => Some("now"),
            Standing::Former => Some("former"),
            Standing::Unstated => None,
        }
    }
}

/// Each role's standing. A role with an end is former; of those without one, the one
/// (or ones) begun last is held now, and the others are left unstated, since a person
/// may hold two posts at once. Without any start date, a single open role is the one
/// held now.
fn role_standing(roles: &[crate::content::Role]) -> Vec<Standing> {
    let open = |r: &&crate::content::Role| r.to.as_ref().is_none_or(|t| t.open_end);
    let latest = roles
        .iter()
        .filter(open)
        .filter_map(|r| r.from.as_ref().map(|f| f.start))
        .max();
    let open_count = roles.iter().filter(open).count();
    roles
        .iter()
        .map(|r| {
            if !open(&r) {
                Standing::Former
            } else if r.from.as_ref().map(|f| f.start) == latest
                && (latest.is_some() || open_count == 1)
            {
                Standing::Now
            } else {
                Standing::Unstated
            }
        })
        .collect()
}

/// A person's initials, for the badge that stands in for a portrait: the first
/// letter of the first and the last word of the name.
fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = |w: &&str| w.chars().next().into_iter().flat_map(char::to_uppercase);
    match words.as_slice() {
        [] => String::new(),
        [only] => first(only).collect(),
        [head, .., tail] => first(head).chain(first(tail)).collect(),
    }
}

/// The quote that stands for a person: the words they are quoted saying most often
/// across the articles (a line that outlets repeat), the newest among equals; the
/// quotes come newest first. A sentence's worth of words is preferred to a phrase
/// quoted in passing.
fn representative_quote<'q>(
    b: &'q crate::content::Briefing,
    quotes: &[&'q crate::analyse::Quote],
) -> Option<&'q crate::analyse::Quote> {
    const QUOTE_WORDS: usize = 6;
    let mut counts: HashMap<&str, (bool, usize, usize)> = HashMap::new();
    // Counting the first thousand keeps a person page's cost bounded whatever the
    // briefing; a line quoted often is among them.
    for (i, q) in quotes.iter().take(1000).enumerate() {
        if let Some(a) = b.article(&q.place.article) {
            let text = q.place.text(a);
            let long = text.split_whitespace().count() >= QUOTE_WORDS;
            counts.entry(text).or_insert((long, 0, i)).1 += 1;
        }
    }
    counts
        .values()
        .max_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.cmp(&x.2)))
        .and_then(|&(_, _, i)| quotes.get(i).copied())
}

/// The words of a quote an infobox shows before an ellipsis.
const INFOBOX_QUOTE_WORDS: usize = 30;

/// The first `n` words of `text`, with an ellipsis when there were more.
fn opening_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let opening: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = opening.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

/// The facts a person's page leads with, beside its sections.
#[derive(Serialize)]
struct Infobox<'a> {
    initials: String,
    now: Vec<RoleLine<'a>>,
    former: Vec<&'a str>,
    /// The oldest and the newest article naming the person.
    first: Option<ArticleLink>,
    last: Option<ArticleLink>,
    quote: Option<Value>,
}

#[derive(Serialize)]
struct RoleLine<'a> {
    title: &'a str,
    from: Option<String>,
}

/// The timeline's index lists every event by title, under its old anchor, up to this
/// many pages' worth (`page_size` × this); past it the index gives the years and
/// months only, and a script finds where an old anchor's event is now.
const TIMELINE_LISTED_PAGES: usize = 10;
/// Date conflicts the timeline's index shows before linking to their own pages.
pub(crate) const TIMELINE_CONFLICTS: usize = 5;

fn timeline(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    use super::lists::List;
    let b = site.briefing;
    let ix = &site.index;
    // Years, each with its months and how many events each holds.
    let mut years: Vec<Value> = Vec::new();
    let periods = ix.periods_with_counts();
    for run in periods.chunk_by(|x, y| x.0.0 == y.0.0) {
        let year = run[0].0.0;
        let months: Vec<Value> = run
            .iter()
            .filter(|((_, m), _)| *m > 0)
            .map(|&((y, m), count)| {
                json!({
                    "name": crate::edtf::month_name(m),
                    "short": &crate::edtf::month_name(m)[..3],
                    "url": List::Period(y, m).url(site, root, 1),
                    "count": count,
                })
            })
            .collect();
        let undated = run
            .iter()
            .find(|((_, m), _)| *m == 0)
            .map_or(0, |(_, n)| *n);
        years.push(json!({
            "year": year,
            "url": List::Period(year, 0).url(site, root, 1),
            "count": run.iter().map(|(_, n)| n).sum::<usize>(),
            "undated": undated,
            "months": months,
        }));
    }
    let listed_max = TIMELINE_LISTED_PAGES * site.page_size();
    // Events whose sources date them differently, marked in the list as on their page.
    let disputed: std::collections::HashSet<&str> = site
        .analysis
        .conflicts
        .iter()
        .filter_map(|c| c.event.as_deref())
        .collect();
    let listed: Option<Vec<Value>> = (b.events.len() <= listed_max).then(|| {
        b.events
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "date": e.display.clone().unwrap_or_else(|| e.date.wording()),
                    "title": e.title,
                    "url": format!("{root}{}", ix.event_url(e)),
                    "disputed": disputed.contains(e.id.as_str()),
                    "draft": e.draft,
                })
            })
            .collect()
    });
    let conflicts = ix.derived_conflicts();
    let shown: Vec<Value> = conflicts
        .iter()
        .take(TIMELINE_CONFLICTS)
        .map(|c| conflict_view(site, c, root))
        .collect();
    let href = |e: &Event| format!("{root}{}", ix.event_url(e));
    let (by_person, more_people) = timeline_people(site, root);
    ctx.insert("by_person", &by_person);
    ctx.insert("more_people", &more_people);
    ctx.insert("title", "Timeline");
    ctx.insert("section", "timeline");
    ctx.insert("years", &years);
    ctx.insert("event_count", &b.events.len());
    ctx.insert("listed", &listed);
    ctx.insert("derived_conflicts", &shown);
    ctx.insert("conflict_count", &conflicts.len());
    ctx.insert("conflicts_url", &List::Conflicts.url(site, root, 1));
    let most = charts::STRIP_PAGES * site.page_size();
    ctx.insert("strip", &charts::timeline_strip(&b.events, &href, most));
    "timeline.html"
}

/// How many people the timeline's "by person" links name: those in the most events.
const TIMELINE_PEOPLE: usize = 40;

/// The people the timeline can be narrowed to, each linking to the list of their
/// events (a page of the site, so it works without JavaScript): those in the most
/// events first, at most [`TIMELINE_PEOPLE`]; and how many more people have events.
fn timeline_people(site: &Site, root: &str) -> (Vec<Value>, usize) {
    let b = site.briefing;
    let mut people: Vec<(usize, usize)> = site
        .index
        .events_by_person
        .iter()
        .filter_map(|(id, events)| {
            let i = b.people.binary_search_by(|p| p.id.as_str().cmp(id)).ok()?;
            Some((i, events.len()))
        })
        .collect();
    people.sort_by(|x, y| {
        y.1.cmp(&x.1)
            .then_with(|| b.people[x.0].name.cmp(&b.people[y.0].name))
    });
    let more = people.len().saturating_sub(TIMELINE_PEOPLE);
    let shown = people
        .into_iter()
        .take(TIMELINE_PEOPLE)
        .map(|(i, count)| {
            json!({
                "name": b.people[i].name,
                "url": super::lists::List::PersonEvents(i).url(site, root, 1),
                "count": count,
            })
        })
        .collect();
    (shown, more)
}

/// A date conflict found between aligned sentences: each source's claim.
pub(crate) fn conflict_view(site: &Site, c: &crate::analyse::Conflict, root: &str) -> Value {
    let b = site.briefing;
    json!({
        "claims": c.claims.iter().map(|cl| json!({
            "article": b.article(&cl.article).map(|a| article_link(b, a, root)),
            "text": cl.text,
            "date": crate::edtf::span_words(cl.start, cl.end),
            "url": view::paragraph_url(root, &cl.article, cl.paragraph),
        })).collect::<Vec<_>>(),
    })
}

/// `timeline/events.json`: where each event is, below the site's top, by id — what
/// the timeline's script needs to follow a link made to the old single page.
pub(crate) fn timeline_anchors(site: &Site) -> Vec<u8> {
    let mut places = serde_json::Map::new();
    for e in &site.briefing.events {
        places.insert(e.id.clone(), Value::String(site.index.event_url(e)));
    }
    serde_json::to_vec(&places).unwrap_or_default()
}

fn comparison_list(site: &Site, root: &str) -> Vec<Value> {
    site.briefing
        .comparisons
        .iter()
        .map(|c| {
            json!({
                "title": c.title,
                "url": format!("{root}{}", urls::comparison(&c.id)),
                "articles": c.articles.len(),
                "points": c.points.len(),
                "summary": curated_html(&c.summary),
                "draft": c.draft,
            })
        })
        .collect()
}

/// A curated point's verdict as a reader reads it (`only-one` is "only one source").
pub(crate) fn verdict_words(v: crate::content::Verdict) -> &'static str {
    use crate::content::Verdict;
    match v {
        Verdict::Agree => "agree",
        Verdict::Differ => "differ",
        Verdict::OnlyOne => "only one source",
        Verdict::Unclear => "unclear",
    }
}

pub(crate) fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Copy => "copy",
        Relation::LightEdit => "light edit",
        Relation::Rewrite => "rewrite",
        Relation::PartialOverlap => "partial overlap",
    }
}

/// A found story as listed: its title, size and how many outlets report it.
pub(crate) fn story_line(site: &Site, s: &Story, root: &str) -> Value {
    let b = site.briefing;
    let outlets: std::collections::BTreeSet<&str> = s
        .articles
        .iter()
        .filter_map(|a| b.article(a)?.outlet.as_deref())
        .collect();
    json!({
        "title": s.title,
        "url": format!("{root}{}", urls::comparison(&s.id)),
        "articles": s.articles.len(),
        "outlets": outlets.len(),
        "pairs": s.pairs.len(),
    })
}

fn percent(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
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
                "verdict_words": verdict_words(p.verdict),
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
            "draft": c.draft,
        }),
    );
    "comparison.html"
}

/// What a story's page shows of its lists before linking to their own pages.
pub(crate) const STORY_ARTICLES: usize = 20;
pub(crate) const STORY_PAIRS: usize = 20;
/// Differences a story's page leads with; each pair's page has all of its own.
const STORY_DIFFERENCES: usize = 30;

/// Whether a compared pair gets a page of its own: a copy, an edit or a rewrite is
/// worth reading side by side, and so is any pair whose sources differ on something;
/// a partial overlap that differs on nothing is listed, not shown.
pub(crate) fn worth_a_page(p: &Pair) -> bool {
    p.relation != Relation::PartialOverlap || !p.differences.is_empty()
}

/// A pair's address below the site's top, made of its two articles' ids: it stays
/// the same whatever story the pair is grouped in.
pub(crate) fn pair_base(p: &Pair) -> String {
    urls::pair(&p.a, &p.b)
}

/// A story's articles, the first published first.
fn story_articles<'a>(site: &Site<'a>, s: &Story) -> Vec<&'a Article> {
    let mut list: Vec<&Article> = s
        .articles
        .iter()
        .filter_map(|a| site.briefing.article(a))
        .collect();
    view::sort_newest(&mut list);
    list.reverse();
    list
}

/// A compared pair as listed: the two articles, how they relate, how many differences
/// were found, and its page when it has one.
pub(crate) fn pair_line(site: &Site, p: &Pair, root: &str) -> Value {
    let b = site.briefing;
    let link = |id: &str| b.article(id).map(|a| article_link(b, a, root));
    json!({
        "a": link(&p.a),
        "b": link(&p.b),
        "relation": relation_words(p.relation),
        "similarity": percent(p.similarity),
        "differences": p.differences.len(),
        "url": worth_a_page(p).then(|| format!("{root}{}", pair_base(p))),
    })
}

/// One difference as the story's and the pair's pages lead with it: what differs, and
/// what each side says, linked to its paragraph.
#[derive(Serialize)]
struct DifferenceRow<'a> {
    kind: &'static str,
    summary: String,
    a: Option<DifferenceSide<'a>>,
    b: Option<DifferenceSide<'a>>,
    /// The pair's page, on a story's page.
    pair: Option<String>,
}

#[derive(Serialize)]
struct DifferenceSide<'a> {
    text: &'a str,
    article: Option<ArticleLink>,
    url: String,
    paragraph: usize,
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
        paragraph: x.paragraph,
    }
}

/// A difference's summary as a reader reads it: the analysis names the pair's articles
/// by id ("only in reuters-cuban-advisers"), a page by outlet — with the date when both
/// are of one outlet, by title when that is the same too.
fn summary_words(site: &Site, pair: &Pair, summary: &str) -> String {
    let b = site.briefing;
    let (x, y) = (b.article(&pair.a), b.article(&pair.b));
    let mut out = summary.to_string();
    // The longer id first: the shorter may be a part of it.
    let mut sides = [(&pair.a, x, y), (&pair.b, y, x)];
    sides.sort_by_key(|(id, _, _)| std::cmp::Reverse(id.len()));
    for (id, this, other) in sides {
        if let Some(this) = this {
            out = replace_word(&out, id, &article_name(b, this, other));
        }
    }
    out
}

/// How an article is told from `other` in a sentence: its outlet, its outlet and day
/// when `other` is of the same outlet, its title when that is the same too.
pub(crate) fn article_name(
    b: &crate::content::Briefing,
    a: &Article,
    other: Option<&Article>,
) -> String {
    let outlet = |a: &Article| {
        let id = a.outlet.as_ref()?;
        b.outlets.get(id).map(|o| o.name.as_str())
    };
    let same_outlet = other.is_some_and(|o| outlet(o) == outlet(a));
    let same_day = other.is_some_and(|o| o.published.date == a.published.date);
    match outlet(a) {
        Some(name) if !same_outlet => name.to_string(),
        Some(name) if !same_day => format!("{name} of {}", view::day_words(a.published.date)),
        _ => format!("“{}”", a.title),
    }
}

/// `text` with each whole occurrence of the id `word` (not a part of a longer id)
/// replaced by `with`.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let part_of_id = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + word.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(part_of_id) || after.is_some_and(part_of_id) {
            out.push_str(word);
        } else {
            out.push_str(with);
        }
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

/// How a kind of difference is named to a reader, and the order the kinds are shown
/// in: a quote worded differently first, a statement in one source only last.
fn difference_kind(kind: DifferenceKind) -> (u8, &'static str) {
    match kind {
        DifferenceKind::QuoteWording => (0, "Quote worded differently"),
        DifferenceKind::Number => (1, "Number"),
        DifferenceKind::Date => (2, "Date"),
        DifferenceKind::OnlyIn => (3, "In one source only"),
    }
}

fn difference_row<'a>(
    site: &Site,
    of: &Pair,
    d: &'a Difference,
    pair: Option<String>,
    root: &str,
) -> DifferenceRow<'a> {
    let b = site.briefing;
    DifferenceRow {
        kind: difference_kind(d.kind).1,
        summary: summary_words(site, of, &d.summary),
        a: d.a.as_ref().map(|x| difference_side(x, b, root)),
        b: d.b.as_ref().map(|x| difference_side(x, b, root)),
        pair,
    }
}

fn story(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    use super::lists::List;
    let b = site.briefing;
    let s: &Story = &site.analysis.stories[i];
    let articles = story_articles(site, s);
    let outlets: std::collections::BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    let mut relations: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &s.pairs {
        *relations.entry(relation_words(p.relation)).or_default() += 1;
    }
    // The differences worth leading with: every kind but statements in one source
    // only, the most telling kinds first; the statements are counted.
    let mut differences: Vec<(u8, &Pair, &Difference)> = s
        .pairs
        .iter()
        .flat_map(|p| {
            let p: &Pair = p;
            p.differences
                .iter()
                .map(move |d| (difference_kind(d.kind).0, p, d))
        })
        .collect();
    let only_in = differences
        .iter()
        .filter(|(_, _, d)| d.kind == DifferenceKind::OnlyIn)
        .count();
    differences.retain(|(_, _, d)| d.kind != DifferenceKind::OnlyIn);
    differences.sort_by_key(|(rank, _, _)| *rank);
    let difference_count = differences.len();
    let rows: Vec<DifferenceRow> = differences
        .into_iter()
        .take(STORY_DIFFERENCES)
        .map(|(_, p, d)| {
            let page = worth_a_page(p).then(|| format!("{root}{}", pair_base(p)));
            difference_row(site, p, d, page, root)
        })
        .collect();
    let first = articles.first().map(|a| view::day_words(a.published.date));
    let last = articles.last().map(|a| view::day_words(a.published.date));
    let shown: Vec<ArticleLink> = articles
        .iter()
        .take(STORY_ARTICLES)
        .map(|a| article_link(b, a, root))
        .collect();
    let pairs: Vec<Value> = s
        .pairs
        .iter()
        .take(STORY_PAIRS)
        .map(|p| pair_line(site, p, root))
        .collect();
    let more = |list: List, shown: usize, total: usize| -> Option<Value> {
        (total > shown).then(|| json!({ "url": list.url(site, root, 1), "total": total }))
    };
    let relations: Vec<Value> = relations
        .into_iter()
        .map(|(r, n)| json!({"relation": r, "count": n}))
        .collect();
    ctx.insert("title", &s.title);
    ctx.insert("section", "compare");
    ctx.insert(
        "story",
        &json!({
            "title": s.title,
            "article_count": articles.len(),
            "outlet_count": outlets.len(),
            "first": first,
            "last": last,
            "pair_count": s.pairs.len(),
            "relations": relations,
        }),
    );
    ctx.insert("differences", &rows);
    ctx.insert("difference_count", &difference_count);
    ctx.insert("only_in", &only_in);
    ctx.insert("articles", &shown);
    ctx.insert(
        "more_articles",
        &more(List::StoryMembers(i), STORY_ARTICLES, articles.len()),
    );
    ctx.insert("pairs", &pairs);
    ctx.insert(
        "more_pairs",
        &more(List::StoryPairs(i), STORY_PAIRS, s.pairs.len()),
    );
    "story.html"
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

/// Sentences under this similarity are shown side by side without word marks: when
/// most words differ, marking them all hides what the two have in common.
const MARK_WORDS: f64 = 0.5;

/// A row of a pair's alignment whose two sentences differ, as safe HTML.
#[derive(Serialize)]
struct Row {
    a: RowSide,
    b: RowSide,
    similarity: String,
}

#[derive(Serialize)]
struct RowSide {
    html: String,
    url: String,
    paragraph: usize,
}

/// The text of a sentence of `article`, or nothing when the article is gone.
fn text_in<'a>(x: &crate::analyse::Sentence, article: Option<&'a Article>) -> &'a str {
    article.map_or("", |a| x.text(a))
}

fn pair(site: &Site, s: usize, p: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let story = &site.analysis.stories[s];
    let pair = &story.pairs[p];
    let (article_a, article_b) = (b.article(&pair.a), b.article(&pair.b));
    let (mut same, mut spelling) = (0, 0);
    let (mut only_a, mut only_b) = (0, 0);
    let mut rows = Vec::new();
    for row in &pair.alignment {
        match (&row.a, &row.b) {
            (Some(x), Some(y)) => {
                let (ta, tb) = (text_in(x, article_a), text_in(y, article_b));
                if ta == tb {
                    same += 1;
                    continue;
                }
                // The same words make the same content words: only a row of full
                // similarity can differ in spelling alone.
                if row.similarity == Some(1.0) && crate::analyse::same_words(ta, tb) {
                    spelling += 1;
                    continue;
                }
                let similarity = row.similarity.unwrap_or(0.0);
                let (a_html, b_html) = if row.diff.is_empty() || similarity < MARK_WORDS {
                    (escape(ta), escape(tb))
                } else {
                    diff_sides(&row.diff, ta, tb)
                };
                rows.push(Row {
                    a: RowSide {
                        html: a_html,
                        url: view::paragraph_url(root, &pair.a, x.paragraph),
                        paragraph: x.paragraph,
                    },
                    b: RowSide {
                        html: b_html,
                        url: view::paragraph_url(root, &pair.b, y.paragraph),
                        paragraph: y.paragraph,
                    },
                    similarity: percent(similarity),
                });
            }
            (Some(_), None) => only_a += 1,
            (None, Some(_)) => only_b += 1,
            (None, None) => {}
        }
    }
    let mut differences: Vec<&Difference> = pair.differences.iter().collect();
    differences.sort_by_key(|d| difference_kind(d.kind).0);
    let differences: Vec<DifferenceRow> = differences
        .into_iter()
        .map(|d| difference_row(site, pair, d, None, root))
        .collect();
    let link = |a: Option<&Article>| a.map(|a| article_link(b, a, root));
    let side_name = |a: Option<&Article>| {
        a.map_or_else(String::new, |a| {
            let outlet = a.outlet.as_ref().and_then(|o| b.outlets.get(o));
            outlet.map_or_else(|| a.title.clone(), |o| o.name.clone())
        })
    };
    let title = format!("{} and {}", side_name(article_a), side_name(article_b));
    // Each column is one article's: headed by its outlet and date, so a cell need
    // only say which paragraph.
    let head = |a: Option<&Article>| {
        a.map_or_else(String::new, |a| {
            format!(
                "{}, {}",
                side_name(Some(a)),
                view::day_words(a.published.date)
            )
        })
    };
    ctx.insert(
        "heads",
        &json!({"a": head(article_a), "b": head(article_b)}),
    );
    ctx.insert("title", &title);
    ctx.insert("section", "compare");
    ctx.insert(
        "pair",
        &json!({
            "a": link(article_a),
            "b": link(article_b),
            "relation": relation_words(pair.relation),
            "similarity": percent(pair.similarity),
            "same": same,
            "spelling": spelling,
            "only_a": only_a,
            "only_b": only_b,
        }),
    );
    ctx.insert(
        "story",
        &json!({ "title": story.title, "url": format!("{root}{}", urls::comparison(&story.id)) }),
    );
    ctx.insert("differences", &differences);
    ctx.insert("rows", &rows);
    "pair.html"
}

/// The marks of an article's paragraphs: each mention links to its person (or says it
/// is ambiguous), each quote is marked with its speaker.
fn article_marks(site: &Site, a: &Article, root: &str) -> Vec<Vec<Mark>> {
    let b = site.briefing;
    let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); a.paragraph_count()];
    for q in site.index.quotes_by_article.of(&a.id) {
        let person = q.person.as_deref().and_then(|p| b.person(p));
        let speaker = person.map(|p| p.name.clone()).or_else(|| q.speaker.clone());
        let title = match &speaker {
            Some(s) => format!("Quote, speaker: {s} (found by the generator)"),
            None => "Quote, speaker not found (found by the generator)".to_string(),
        };
        // The speaker is written after the quote, not only in its title: a title shows
        // on hover, which touch screens and keyboards do not have.
        let after = match (person, &speaker) {
            (Some(p), _) => format!(
                "<a class=\"speaker\" href=\"{root}{}\"><span class=\"visually-hidden\">quote of </span>{}</a>",
                urls::person(&p.id),
                escape(&p.name)
            ),
            (None, Some(s)) => format!(
                "<span class=\"speaker\"><span class=\"visually-hidden\">quote of </span>{}</span>",
                escape(s)
            ),
            (None, None) => String::new(),
        };
        // After the closing quotation mark and its punctuation, not inside them.
        let closing = a.paragraph(q.place.paragraph).map_or(0, |p| {
            p.text
                .get(q.place.end..)
                .unwrap_or_default()
                .chars()
                .take(3)
                .take_while(|c| ",.;:!?”\"’'»›)".contains(*c))
                .map(char::len_utf8)
                .sum()
        });
        if let Some(list) = marks.get_mut(q.place.paragraph.wrapping_sub(1)) {
            let open = format!("<span class=\"quote\" title=\"{}\">", escape(&title));
            let close = "</span>".to_string();
            if closing == 0 {
                list.push(Mark {
                    start: q.place.start,
                    end: q.place.end,
                    open,
                    close,
                    after,
                });
            } else {
                list.push(Mark {
                    start: q.place.start,
                    end: q.place.end,
                    open,
                    close,
                    after: String::new(),
                });
                let end = q.place.end + closing;
                list.push(Mark {
                    start: q.place.end,
                    end,
                    open: String::new(),
                    close: String::new(),
                    after,
                });
            }
        }
    }
    for m in site.index.mentions_by_article.of(&a.id) {
        let (open, close) = match m.person.as_deref().and_then(|p| b.person(p)) {
            Some(p) => (
                format!(
                    "<a class=\"mention\" href=\"{root}{}\" title=\"{} (found by the generator: {})\">",
                    urls::person(&p.id),
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
                after: String::new(),
            });
        }
    }
    for list in &mut marks {
        list.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
    }
    marks
}

/// An article's dates as its page lists them: those the text states and those worked
/// out from the publication date apart, each expression once with every paragraph it
/// is in (a wire story repeats "July 14" in its dateline and its lead).
fn article_dates(a: &Article, found: &[DateMention]) -> Value {
    let mut groups: [Vec<Value>; 2] = Default::default();
    let mut seen: HashMap<(&str, chrono::NaiveDate, chrono::NaiveDate, bool), usize> =
        HashMap::new();
    for d in found {
        let key = (d.place.text(a), d.start, d.end, d.relative);
        let group = &mut groups[usize::from(d.relative)];
        let paragraph = json!({"url": format!("#p{}", d.place.paragraph), "n": d.place.paragraph});
        match seen.get(&key) {
            Some(&at) => {
                if let Some(list) = group[at]["paragraphs"].as_array_mut()
                    && list.last() != Some(&paragraph)
                {
                    list.push(paragraph);
                }
            }
            None => {
                seen.insert(key, group.len());
                group.push(json!({
                    "text": key.0,
                    "start": d.start.to_string(),
                    "end": d.end.to_string(),
                    "words": crate::edtf::span_words(d.start, d.end),
                    "paragraphs": [paragraph],
                }));
            }
        }
    }
    let [stated, relative] = groups;
    let from_publication = format!(
        "Worked out from the publication date, {}",
        view::day_words(a.published.date)
    );
    [
        ("As the text states them".to_string(), stated),
        (from_publication, relative),
    ]
    .into_iter()
    .filter(|(_, rows)| !rows.is_empty())
    .map(|(heading, rows)| json!({"heading": heading, "rows": rows}))
    .collect()
}

fn article(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    let b = site.briefing;
    let a = &b.articles[i];
    let body = markdown::article_html(&a.body, &article_marks(site, a, root));
    let dates = article_dates(a, site.index.dates_by_article.of(&a.id));
    // The stories the article is in, each with the articles it was compared with.
    let mut by_story: BTreeMap<usize, Vec<Value>> = BTreeMap::new();
    for (s, p) in site
        .index
        .pairs_by_article
        .get(a.id.as_str())
        .into_iter()
        .flatten()
    {
        let other = if p.a == a.id { &p.b } else { &p.a };
        by_story.entry(*s).or_default().push(json!({
            "article": b.article(other).map(|o| article_link(b, o, root)),
            "relation": relation_words(p.relation),
            "similarity": percent(p.similarity),
            "url": worth_a_page(p).then(|| format!("{root}{}", pair_base(p))),
        }));
    }
    let same_story: Vec<Value> = by_story
        .into_iter()
        .map(|(s, others)| {
            let s = &site.analysis.stories[s];
            json!({
                "title": s.title,
                "url": format!("{root}{}", urls::comparison(&s.id)),
                "articles": s.articles.len(),
                "others": others,
            })
        })
        .collect();
    let comparisons: Vec<Value> = site
        .index
        .comparisons_by_article
        .get(a.id.as_str())
        .into_iter()
        .flatten()
        .map(|c| json!({ "title": c.title, "url": format!("{root}{}", urls::comparison(&c.id)) }))
        .collect();
    let outlet = |id: &Option<String>| {
        id.as_ref()
            .and_then(|o| b.outlets.get(o))
            .map(|o| json!({ "name": o.name, "url": format!("{root}{}", urls::outlet(&o.id)) }))
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
            "draft": a.draft,
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

/// The charts of the overview page: mentions of the featured people over time and
/// which outlet reported which story.
fn overview_charts(site: &Site, page: &Page, root: &str, ctx: &mut Context) {
    if *page == Page::Home {
        ctx.insert("overview", &charts::featured_mentions(site, root));
        ctx.insert("coverage", &charts::coverage(site, root));
    }
}

/// `/data/`: the data exports, what each holds, with links. The fields are listed in
/// the template, and a test checks them against the exports themselves.
fn data_index(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    let listing = super::data::listing(site, root);
    ctx.insert("title", "Data");
    ctx.insert("section", "data");
    ctx.insert("exports", &listing.exports);
    ctx.insert("export", &listing.by_name);
    ctx.insert("limits", &listing.limits);
    ctx.insert(
        "timelinejs",
        &format!("{}{}timelinejs.json", site.options.base_url, urls::DATA),
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
    fn a_role_is_now_former_or_left_unstated() {
        let role = |from: Option<&str>, to: Option<&str>| crate::content::Role {
            title: String::new(),
            from: from.map(|t| crate::edtf::parse(t).unwrap()),
            to: to.map(|t| crate::edtf::parse(t).unwrap()),
            source: None,
        };
        use Standing::*;
        let table: [(Vec<crate::content::Role>, Vec<Standing>); 5] = [
            (vec![role(None, None)], vec![Now]),
            (
                vec![role(None, None), role(Some("2026-01"), None)],
                vec![Unstated, Now],
            ),
            (
                vec![role(Some("2019"), Some("2024")), role(Some("2024"), None)],
                vec![Former, Now],
            ),
            (
                vec![role(None, None), role(None, None)],
                vec![Unstated, Unstated],
            ),
            (vec![role(Some("2020"), Some("2022"))], vec![Former]),
        ];
        for (roles, standing) in table {
            assert_eq!(role_standing(&roles), standing);
        }
    }

    #[test]
    fn initials_and_openings() {
        assert_eq!(initials("Delcy Eloína Rodríguez"), "DR");
        assert_eq!(initials("ñandú"), "Ñ");
        assert_eq!(initials(""), "");
        assert_eq!(opening_words("one two  three", 2), "one two…");
        assert_eq!(opening_words("one two", 2), "one two");
    }

    #[test]
    fn an_id_is_replaced_only_where_it_stands_whole() {
        let said = "quoted in wire-1, reported without quotation marks in wire-12";
        assert_eq!(
            replace_word(said, "wire-1", "Reuters"),
            "quoted in Reuters, reported without quotation marks in wire-12"
        );
        assert_eq!(
            replace_word("only in wire-12", "wire-1", "X"),
            "only in wire-12"
        );
        assert_eq!(replace_word("rewire-1 wire-1", "wire-1", "X"), "rewire-1 X");
    }
}

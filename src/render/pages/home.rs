//! The *home page*: what matters most of the briefing — the featured people, the
//! newest events, stories and comparisons, the overview charts — each a few items with
//! a link to its whole list; and `/data/`, the guide to the data exports.

use serde_json::{Value, json};
use tera::Context;

use super::*;
use crate::markdown::curated_html;
use crate::render::Site;
use crate::render::urls;
use crate::render::view::{self, ArticleLink, article_link, person_link};

/// What the overview pages show of each list before linking to the rest.
const HOME_ARTICLES: usize = 20;
const HOME_STORIES: usize = 10;
const HOME_COMPARISONS: usize = 10;
const HOME_EVENTS: usize = 8;

pub(super) fn home(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
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
    let comparisons: Vec<view::ComparisonLine> = b
        .comparisons
        .iter()
        .take(HOME_COMPARISONS)
        .map(|c| view::comparison_line(c, root))
        .collect();
    let stories: Vec<view::StoryLine> = ix
        .stories_by_size()
        .iter()
        .take(HOME_STORIES)
        .map(|&i| story_line(site, &site.analysis.stories[i], root))
        .collect();
    let articles: Vec<ArticleLink> = ix
        .newest()
        .iter()
        .take(HOME_ARTICLES)
        .map(|a| article_link(site, a, root))
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

/// `/data/`: the data exports, what each holds, with links. The fields are listed in
/// the template, and a test checks them against the exports themselves.
pub(super) fn data_index(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    let listing = crate::render::data::listing(site, root);
    ctx.insert("title", site.words.get("data.title"));
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
            "date_references": site.analysis.date_references.len(),
        }),
    );
    "data.html"
}

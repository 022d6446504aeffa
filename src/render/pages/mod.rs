//! The *page contexts*: for each kind of page, the template that renders it and the
//! data it gets, one file per kind. Every link is relative to the page (`root` leads
//! back to the site's top), so the site works under any sub-path; canonical URLs use
//! the base URL.

mod article;
mod comparison;
mod home;
mod person;
mod story;
mod timeline;

use serde::Serialize;
use tera::Context;

use super::view::{self, ArticleLink, SourceView, article_link, person_link, source_view};
use super::{Page, Site, charts};
use crate::content::Event;
use crate::error::Failure;
use crate::markdown::curated_html;

use article::article;
use comparison::comparison;
pub(crate) use comparison::verdict_text;
use home::{data_index, home};
use person::person;
pub(crate) use person::{PERSON_ARTICLES, PERSON_QUOTES};
pub(crate) use story::{
    STORY_ARTICLES, STORY_PAIRS, article_name, pair_base, pair_line, relation_id, relation_text,
    story_line, worth_a_page,
};
use story::{pair, story};
use timeline::timeline;
pub(crate) use timeline::{TIMELINE_CONFLICTS, conflict_view, timeline_anchors};

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
            ctx.insert("title", site.words.get("not_found.title"));
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
    /// Where its sources state a count or word a quote differently.
    disagreements: Vec<DisagreementView>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
}

#[derive(Serialize)]
struct DisagreementView {
    /// What the sources say differently, as a reader reads it.
    heading: String,
    claims: Vec<SaidView>,
}

/// What one source says, linked to its paragraph.
#[derive(Serialize)]
struct SaidView {
    article: Option<ArticleLink>,
    text: String,
    url: String,
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
    let conflict = site.index.event_conflict(&e.id).map(|c| {
        c.claims
            .iter()
            .map(|cl| ClaimView {
                article: b.article(&cl.article).map(|a| article_link(site, a, root)),
                text: cl.text.clone(),
                date: site.words.span(cl.start, cl.end),
                url: view::paragraph_url(root, &cl.article, cl.paragraph),
                agrees: cl.start <= e.date.end && e.date.start <= cl.end,
            })
            .collect()
    });
    let disagreements = site
        .index
        .event_disagreements(&e.id)
        .iter()
        .map(|d| DisagreementView {
            heading: match d.kind {
                crate::analyse::DifferenceKind::Number => {
                    // Counts name no article: the ids stand for the sides.
                    let summary = site.words.disagreement(d, |id| id.into());
                    site.words
                        .say("event.count_differs", None, &[("summary", &summary)])
                }
                // The same words given to other speakers: the heading names them.
                _ if matches!(d.summary, crate::analyse::Summary::Speaker { .. }) => {
                    let summary = site.words.disagreement(d, |id| id.into());
                    (site.words).say("event.speaker_differs", None, &[("summary", &summary)])
                }
                _ => site.words.get("event.quote_differs").to_string(),
            },
            claims: d
                .claims
                .iter()
                .map(|cl| SaidView {
                    article: b.article(&cl.article).map(|a| article_link(site, a, root)),
                    text: cl.text.clone(),
                    url: view::paragraph_url(root, &cl.article, cl.paragraph),
                })
                .collect(),
        })
        .collect();
    EventView {
        id: e.id.clone(),
        date: e
            .display
            .clone()
            .unwrap_or_else(|| site.words.edtf(&e.date)),
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
        sources: e
            .sources
            .iter()
            .map(|s| source_view(site, s, root))
            .collect(),
        url: format!("{root}{}", site.index.event_url(e)),
        conflict,
        disagreements,
        draft: e.draft,
    }
}

/// The charts of the overview page: mentions of the featured people over time and
/// which outlet reported which story.
fn overview_charts(site: &Site, page: &Page, root: &str, ctx: &mut Context) {
    if *page == Page::Home {
        ctx.insert("overview", &charts::featured_mentions(site, root));
        ctx.insert("coverage", &charts::coverage(site, root));
    }
}

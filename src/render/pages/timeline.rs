//! The *timeline*: an index of years and months with counts (each period its own
//! paginated list), the strip, the conflicts among sources, the people to narrow it
//! to; and the file of where each event's anchor is, for links made before.

use serde_json::{Value, json};
use tera::Context;

use crate::content::Event;
use crate::render::view::{self, article_link};
use crate::render::{Site, charts};

/// The timeline's index lists every event by title, under its old anchor, up to this
/// many pages' worth (`page_size` × this); past it the index gives the years and
/// months only, and a script finds where an old anchor's event is now.
const TIMELINE_LISTED_PAGES: usize = 10;
/// Date conflicts the timeline's index shows before linking to their own pages.
pub(crate) const TIMELINE_CONFLICTS: usize = 5;

pub(super) fn timeline(site: &Site, root: &str, ctx: &mut Context) -> &'static str {
    use crate::render::lists::List;
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
                    "name": site.words.month(m),
                    "short": site.words.month(m).chars().take(3).collect::<String>(),
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
                    "date": e.display.clone().unwrap_or_else(|| site.words.edtf(&e.date)),
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
    ctx.insert("title", site.words.get("nav.timeline"));
    ctx.insert("section", "timeline");
    ctx.insert("years", &years);
    ctx.insert("event_count", &b.events.len());
    ctx.insert("listed", &listed);
    ctx.insert("derived_conflicts", &shown);
    ctx.insert("conflict_count", &conflicts.len());
    ctx.insert("conflicts_url", &List::Conflicts.url(site, root, 1));
    let most = charts::STRIP_PAGES * site.page_size();
    ctx.insert(
        "strip",
        &charts::timeline_strip(&site.words, &b.events, &href, most),
    );
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
                "url": crate::render::lists::List::PersonEvents(i).url(site, root, 1),
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
            "article": b.article(&cl.article).map(|a| article_link(site, a, root)),
            "text": cl.text,
            "date": site.words.span(cl.start, cl.end),
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

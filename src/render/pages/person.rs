//! A *person's page*: an infobox (the post held now, former posts, other spellings,
//! counts, first and last article, the line quoted most), then their events, quotes,
//! mentions and articles, each the first few with a link to the paginated rest.
use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use super::*;
use crate::content::Article;
use crate::markdown::curated_html;
use crate::render::urls;
use crate::render::view::{self, ArticleLink, article_link, person_link, source_view};
use crate::render::{Site, charts};

/// What a person page shows of each of the person's lists; the rest is on the lists'
/// own pages (`people/<id>/mentions/`…), which exist only when there is more.
pub(crate) const PERSON_ARTICLES: usize = 10;
pub(crate) const PERSON_QUOTES: usize = 20;
pub(crate) const PERSON_EVENTS: usize = 10;
const PERSON_COMPARISONS: usize = 20;

pub(super) fn person(site: &Site, i: usize, root: &str, ctx: &mut Context) -> &'static str {
    use crate::render::lists::List;
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
                "from": r.from.as_ref().map(|d| site.words.edtf(d)),
                "to": r.to.as_ref().map(|d| site.words.edtf(d)),
                "standing": standing.words().map(|k| site.words.get(k)),
                "source": r.source.as_ref().map(|s| source_view(site, s, root)),
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
                "source": r.source.as_ref().map(|s| source_view(site, s, root)),
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
    let mention_groups = crate::render::lists::mention_groups(site, &p.id, &newest, root);
    let quotes = ix.person_quotes(&p.id);
    let shown_quotes: Vec<crate::render::view::QuoteLine> = quotes
        .iter()
        .take(PERSON_QUOTES)
        .filter_map(|q| crate::render::lists::quote_view(site, q, root))
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
    let chart = charts::person_mentions(site, &p.name, articles);
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
                from: r.from.as_ref().map(|d| site.words.edtf(d)),
            })
            .collect(),
        former: p
            .roles
            .iter()
            .zip(&standing)
            .filter(|(_, s)| **s == Standing::Former)
            .map(|(r, _)| r.title.as_str())
            .collect(),
        first: articles.last().map(|(a, _)| article_link(site, a, root)),
        last: articles.first().map(|(a, _)| article_link(site, a, root)),
        quote: representative_quote(b, quotes)
            .and_then(|q| crate::render::lists::quote_view(site, q, root))
            .map(|mut q| {
                // An infobox shows the opening of a long quote; its link leads to all.
                q.text = opening_words(&q.text, INFOBOX_QUOTE_WORDS);
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
    /// Its key in the words tables.
    fn words(self) -> Option<&'static str> {
        match self {
            Standing::Now => Some("person.standing_now"),
            Standing::Former => Some("person.standing_former"),
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
    quote: Option<crate::render::view::QuoteLine>,
}

#[derive(Serialize)]
struct RoleLine<'a> {
    title: &'a str,
    from: Option<String>,
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
}

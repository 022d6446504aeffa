//! A *list* is a sequence of items that can outgrow a page at the scale of a briefing
//! (thousands of articles about one affair): every article, an outlet's articles, a
//! person's mentions, a story's pairs, the events of a month. Each list is cut into
//! pages of a fixed number of items with stable, pretty URLs — the first page at the
//! list's own address (`articles/`), the next ones below it (`articles/page/2/`) —
//! and each page links to the previous and next ones and to a window of page numbers.
//! So a page's size depends on how many items a page holds, never on the corpus.
//!
//! The overview pages (a person, a story, the home page) show the first few items of
//! their lists and link here for the rest; a list that fits on its overview has no
//! pages of its own.

use rustc_hash::FxHashMap;

use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use super::Site;
use super::urls;
use super::view::{self, ArticleLink, article_link, person_link};
use crate::analyse::Quote;
use crate::content::Article;

/// A list that may span pages, and whose items it lists.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    /// `/articles/`: every article, newest first.
    Articles,
    /// `/people/`: every person, by id.
    People,
    /// `/outlets/`: every outlet, by name.
    Outlets,
    /// `/outlets/unknown/`: the articles no outlet is given for.
    Unattributed,
    /// `/compare/`: the curated comparisons, then the stories found, largest first.
    Compare,
    /// `/outlets/<id>/`: the articles an outlet published.
    Outlet(String),
    /// `/outlets/<id>/copies/`: the articles copied from an outlet (`derived_from`).
    OutletCopies(String),
    /// `/people/<id>/mentions/`: the articles naming a person, with the sentences.
    PersonMentions(usize),
    /// `/people/<id>/articles/`: the articles naming a person, by title.
    PersonArticles(usize),
    /// `/people/<id>/quotes/`: the quotes attributed to a person.
    PersonQuotes(usize),
    /// `/people/<id>/events/`: the events a person takes part in.
    PersonEvents(usize),
    /// `/compare/<story>/articles/`: a story's articles.
    StoryMembers(usize),
    /// `/compare/<story>/pairs/`: a story's compared pairs.
    StoryPairs(usize),
    /// `/timeline/<year>/` (month 0: the events dated only to the year, and the year's
    /// months) and `/timeline/<year>/<month>/`.
    Period(i32, u32),
    /// `/timeline/conflicts/`: dates that differ between aligned sentences.
    Conflicts,
}

impl List {
    /// Items a page of this list holds, given the briefing's `page_size`: what a
    /// reader can take in, and what keeps a page well under its size budget however
    /// long its items' texts are. Lists of longer items hold fewer: a quarter for the
    /// articles with their sentences, half for events, quotes and conflicts.
    pub(crate) fn per_page(&self, page_size: usize) -> usize {
        let share = match self {
            List::PersonMentions(_) => 4,
            List::PersonEvents(_) | List::Period(..) | List::Conflicts => 2,
            List::PersonQuotes(_) => 2,
            _ => 1,
        };
        (page_size / share).max(1)
    }

    /// The list's address below the site's top, with a trailing slash.
    pub(crate) fn base(&self, site: &Site) -> String {
        let b = site.briefing;
        match self {
            List::Articles => urls::ARTICLES.into(),
            List::People => urls::PEOPLE.into(),
            List::Outlets => urls::OUTLETS.into(),
            List::Unattributed => urls::UNATTRIBUTED.into(),
            List::Compare => urls::COMPARE.into(),
            List::Outlet(id) => urls::outlet(id),
            List::OutletCopies(id) => urls::outlet_copies(id),
            List::PersonMentions(i) => urls::person_list(&b.people[*i].id, "mentions"),
            List::PersonArticles(i) => urls::person_list(&b.people[*i].id, "articles"),
            List::PersonQuotes(i) => urls::person_list(&b.people[*i].id, "quotes"),
            List::PersonEvents(i) => urls::person_list(&b.people[*i].id, "events"),
            List::StoryMembers(i) => urls::story_list(&site.analysis.stories[*i].id, "articles"),
            List::StoryPairs(i) => urls::story_list(&site.analysis.stories[*i].id, "pairs"),
            List::Period(year, month) => urls::period(*year, *month),
            List::Conflicts => urls::CONFLICTS.into(),
        }
    }

    /// The kind of page, for timings and logs.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            List::Articles => "articles",
            List::People => "people",
            List::Outlets => "outlets",
            List::Unattributed => "unattributed",
            List::Compare => "compare",
            List::Outlet(_) => "outlet",
            List::OutletCopies(_) => "outlet-copies",
            List::PersonMentions(_) => "person-mentions",
            List::PersonArticles(_) => "person-articles",
            List::PersonQuotes(_) => "person-quotes",
            List::PersonEvents(_) => "person-events",
            List::StoryMembers(_) => "story-articles",
            List::StoryPairs(_) => "story-pairs",
            List::Period(_, 0) => "timeline-year",
            List::Period(..) => "timeline-month",
            List::Conflicts => "timeline-conflicts",
        }
    }

    /// How many items the list has.
    pub(crate) fn len(&self, site: &Site) -> usize {
        let ix = &site.index;
        let b = site.briefing;
        match self {
            List::Articles => b.articles.len(),
            List::People => b.people.len(),
            List::Outlets => b.outlets.len(),
            List::Unattributed => ix.unattributed().len(),
            List::Compare => b.comparisons.len() + site.analysis.stories.len(),
            List::Outlet(id) => ix.articles_by_outlet.get(id.as_str()).map_or(0, Vec::len),
            List::OutletCopies(id) => ix.derived_by_outlet.get(id.as_str()).map_or(0, Vec::len),
            List::PersonMentions(i) | List::PersonArticles(i) => {
                ix.person_articles(&b.people[*i].id).len()
            }
            List::PersonQuotes(i) => ix
                .quotes_by_person
                .get(&b.people[*i].id)
                .map_or(0, Vec::len),
            List::PersonEvents(i) => ix
                .events_by_person
                .get(b.people[*i].id.as_str())
                .map_or(0, Vec::len),
            List::StoryMembers(i) => site.analysis.stories[*i].articles.len(),
            List::StoryPairs(i) => site.analysis.stories[*i].pairs.len(),
            List::Period(year, month) => ix.period(*year, *month).len(),
            List::Conflicts => ix.derived_conflicts().len(),
        }
    }

    /// How many pages the list has: at least one, as its first page is also where the
    /// overview pages link.
    pub(crate) fn pages(&self, site: &Site) -> u32 {
        let per = self.per_page(site.page_size());
        self.len(site).div_ceil(per).max(1) as u32
    }

    /// The output path of page `n` (1-based).
    pub(crate) fn path(&self, site: &Site, n: u32) -> String {
        format!("{}{}index.html", self.base(site), page_suffix(n))
    }

    /// The address of page `n` from a page at `root`.
    pub(crate) fn url(&self, site: &Site, root: &str, n: u32) -> String {
        format!("{root}{}{}", self.base(site), page_suffix(n))
    }

    /// The items of page `n`, as a range of the list.
    pub(crate) fn window(&self, site: &Site, n: u32) -> std::ops::Range<usize> {
        let len = self.len(site);
        let per = self.per_page(site.page_size());
        let start = (n.saturating_sub(1) as usize * per).min(len);
        start..(start + per).min(len)
    }
}

/// `page/N/` for pages after the first.
pub(crate) use super::urls::page_suffix;

/// Where a reader is in a list, and the links to move through it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pager {
    pub page: u32,
    pub pages: u32,
    /// The 1-based numbers of the first and last items shown. (Not how many the whole
    /// list has: that would change every page of a list each time an item came or
    /// went, where an incremental build renders only the pages whose items changed.)
    pub first: usize,
    pub last: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The first and last page, and the pages around this one; `None` for a gap.
    pub links: Vec<Option<PageLink>>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageLink {
    pub number: u32,
    pub url: String,
    pub current: bool,
}

/// The page numbers a pager links: the first, the last, and two on either side of
/// `page`, with `None` where numbers are left out.
pub(crate) fn window_numbers(page: u32, pages: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut last = 0;
    for n in 1..=pages {
        let near = n + 2 >= page && n <= page + 2;
        if n == 1 || n == pages || near {
            if n > last + 1 {
                out.push(None);
            }
            out.push(Some(n));
            last = n;
        }
    }
    out
}

/// A pager's links lead from page `n` to the list's other pages by the shortest way,
/// not by the top of the site: tens of links a page on the thousands of pages of a
/// long affair's lists.
pub(crate) fn pager(site: &Site, list: &List, n: u32) -> Pager {
    let pages = list.pages(site);
    let window = list.window(site, n);
    let here = list.url(site, "", n);
    let url = |k: u32| super::urls::relative(&here, &list.url(site, "", k));
    Pager {
        page: n,
        pages,
        first: window.start + 1,
        last: window.end,
        prev: (n > 1).then(|| url(n - 1)),
        next: (n < pages).then(|| url(n + 1)),
        links: window_numbers(n, pages)
            .into_iter()
            .map(|k| {
                k.map(|k| PageLink {
                    number: k,
                    url: url(k),
                    current: k == n,
                })
            })
            .collect(),
    }
}

/// An article with a count beside it: of mentions, of articles copied.
#[derive(Serialize)]
struct Counted {
    article: ArticleLink,
    count: usize,
}

/// A sentence naming the person, each mention in it marked, and where it is; with the
/// other articles of the list that carry the same sentence (copies, light edits),
/// which are not listed again.
#[derive(Serialize)]
pub(crate) struct MentionLine {
    pub sentence: String,
    pub paragraph: usize,
    pub url: String,
    pub also: Vec<AlsoIn>,
}

/// Another article of the list with the same sentence: its outlet (or title) and the
/// paragraph it is in.
#[derive(Serialize)]
pub(crate) struct AlsoIn {
    pub name: String,
    pub paragraph: usize,
    pub url: String,
    /// The other article says it in other words.
    pub reworded: bool,
}

/// How many of an article's sentences naming a person its group shows: the article's
/// page marks every mention, and an article of a long affair names a main figure in a
/// dozen sentences, most of them the recap every outlet repeats.
pub(crate) const MENTION_SENTENCES: usize = 3;

/// How similar two aligned sentences of a compared pair must be to count as one
/// sentence in a list of mentions (the share of content words they have in common):
/// a copy's sentence, or a rewrite's that says the same with half its words changed.
const SAME_SENTENCE: f64 = 0.5;
/// Below this, the folded sentence is said to be reworded.
const SAME_WORDS: f64 = 0.8;

/// An article naming the person, with its first sentences that do.
#[derive(Serialize)]
pub(crate) struct MentionGroup {
    pub article: ArticleLink,
    pub mentions: Vec<MentionLine>,
    /// The sentences naming the person that are not shown, and where the first is.
    pub more: Option<MoreMentions>,
    /// Every sentence of this article naming the person is in an article listed
    /// before it: the name of that article (outlet or title), shown instead.
    pub same_as: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct MoreMentions {
    pub sentences: usize,
    pub url: String,
}

/// A sentence naming the person, with where in it they are named.
struct Naming<'a> {
    paragraph: usize,
    /// The sentence's bytes in its paragraph's text.
    range: (usize, usize),
    sentence: &'a str,
    marks: Vec<(usize, usize)>,
}

/// The sentences of `a` naming `person`, in order, a sentence once however often it
/// names them.
fn namings<'a>(site: &Site, person: &str, a: &'a Article) -> Vec<Naming<'a>> {
    let mut sentences: Vec<Naming> = Vec::new();
    for m in site.index.mentions_by_article.of(&a.id) {
        if m.person.as_deref() != Some(person) {
            continue;
        }
        let sentence = m.sentence.text(a, &m.place);
        let range = m.sentence.of(&m.place);
        match sentences.last_mut() {
            Some(last)
                if last.paragraph == m.place.paragraph && std::ptr::eq(last.sentence, sentence) =>
            {
                last.marks.push(range);
            }
            _ => sentences.push(Naming {
                paragraph: m.place.paragraph,
                range: (m.sentence.start as usize, m.sentence.end as usize),
                sentence,
                marks: vec![range],
            }),
        }
    }
    sentences
}

/// A sentence of a list of mentions that is the same as one listed before it (the
/// article at position `into.0`, its sentence `into.1`): from `from`, the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Fold {
    pub from: (usize, usize),
    pub into: (usize, usize),
    pub reworded: bool,
}

/// Which sentences of `namings` (of `articles`, in the list's order) are the same as a
/// sentence of an article before them: the analysis aligned the two in a compared pair
/// and found them [`SAME_SENTENCE`] alike. Only pairs of articles both in the list
/// count, so the work is bounded by the list's size and each article's pairs.
fn folds(site: &Site, articles: &[&Article], namings: &[Vec<Naming>]) -> Vec<Fold> {
    let position: FxHashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let overlaps = |p: usize, r: (usize, usize), s: &crate::analyse::Sentence| {
        s.paragraph == p && s.start < r.1 && r.0 < s.end
    };
    let mut folds: Vec<Fold> = Vec::new();
    let mut before: Vec<(&crate::analyse::Pair, bool, usize)> = Vec::new();
    for (j, a) in articles.iter().enumerate() {
        if namings[j].is_empty() {
            continue;
        }
        // The article's pairs with an article listed before it, found once for all its
        // sentences.
        before.clear();
        let pairs = site.index.pairs_by_article.of(&a.id);
        for (_, _, pair) in pairs.iter() {
            let (mine_is_a, other) = if pair.a == a.id {
                (true, pair.b.as_str())
            } else {
                (false, pair.a.as_str())
            };
            if let Some(&i) = position.get(other).filter(|i| **i < j) {
                before.push((pair, mine_is_a, i));
            }
        }
        for (k, n) in namings[j].iter().enumerate() {
            let found = before.iter().find_map(|&(pair, mine_is_a, i)| {
                pair.alignment.iter().find_map(|row| {
                    let (mine, theirs) = match (&row.a, &row.b, mine_is_a) {
                        (Some(x), Some(y), true) => (x, y),
                        (Some(y), Some(x), false) => (x, y),
                        _ => return None,
                    };
                    let similarity = row.similarity?;
                    if similarity < SAME_SENTENCE || !overlaps(n.paragraph, n.range, mine) {
                        return None;
                    }
                    let l = namings[i]
                        .iter()
                        .position(|o| overlaps(o.paragraph, o.range, theirs))?;
                    // Into a sentence that is listed itself, not folded in turn.
                    let into = folds
                        .iter()
                        .find(|f| f.from == (i, l))
                        .map_or((i, l), |f| f.into);
                    Some(Fold {
                        from: (j, k),
                        into,
                        reworded: similarity < SAME_WORDS,
                    })
                })
            });
            folds.extend(found);
        }
    }
    folds
}

/// The mention groups of `articles`, each article's sentences naming the person in
/// order; a sentence that an article listed before carries too (a copy's) is said
/// beside that one instead of again.
pub(crate) fn mention_groups(
    site: &Site,
    person: &str,
    articles: &[&Article],
    root: &str,
) -> Vec<MentionGroup> {
    let b = site.briefing;
    let namings: Vec<Vec<Naming>> = articles.iter().map(|a| namings(site, person, a)).collect();
    let folds = folds(site, articles, &namings);
    // Told from the article whose line it is beside, as a pair's page tells its sides.
    let name =
        |a: &Article, beside: &Article| super::pages::article_name(b, &site.words, a, Some(beside));
    let mut groups: Vec<MentionGroup> = Vec::with_capacity(articles.len());
    for (j, a) in articles.iter().enumerate() {
        let folded = |k: usize| folds.iter().any(|f| f.from == (j, k));
        let listed: Vec<(usize, &Naming)> = namings[j]
            .iter()
            .enumerate()
            .filter(|(k, _)| !folded(*k))
            .collect();
        let line = |(k, n): &(usize, &Naming)| MentionLine {
            // A list of someone's mentions marks nothing else: a bare <mark> says it.
            sentence: view::highlight(n.sentence, &n.marks, ""),
            paragraph: n.paragraph,
            url: view::paragraph_url(root, &a.id, n.paragraph),
            also: folds
                .iter()
                .filter(|f| f.into == (j, *k))
                .map(|f| {
                    let (other, m) = (articles[f.from.0], &namings[f.from.0][f.from.1]);
                    AlsoIn {
                        name: name(other, a),
                        paragraph: m.paragraph,
                        url: view::paragraph_url(root, &other.id, m.paragraph),
                        reworded: f.reworded,
                    }
                })
                .collect(),
        };
        let same_as = (listed.is_empty() && !namings[j].is_empty()).then(|| {
            let first = folds.iter().find(|f| f.from.0 == j).map_or(0, |f| f.into.0);
            name(articles[first], a)
        });
        groups.push(MentionGroup {
            article: article_link(site, a, root),
            mentions: listed.iter().take(MENTION_SENTENCES).map(line).collect(),
            more: listed.get(MENTION_SENTENCES).map(|(_, n)| MoreMentions {
                sentences: listed.len() - MENTION_SENTENCES,
                url: view::paragraph_url(root, &a.id, n.paragraph),
            }),
            same_as,
        });
    }
    groups
}

/// A quote as listed: its words, the sentence around them, where it is.
pub(crate) fn quote_view(site: &Site, q: &Quote, root: &str) -> Option<view::QuoteLine> {
    let b = site.briefing;
    let a = b.article(&q.place.article)?;
    Some(view::QuoteLine {
        text: q.place.text(a).to_string(),
        article: article_link(site, a, root),
        url: view::paragraph_url(root, &q.place.article, q.place.paragraph),
        paragraph: q.place.paragraph,
    })
}

/// The context of page `n` of `list`, and its template.
pub(crate) fn context(
    site: &Site,
    list: &List,
    n: u32,
    root: &str,
    ctx: &mut Context,
) -> &'static str {
    let b = site.briefing;
    let ix = &site.index;
    let window = list.window(site, n);
    let pager = pager(site, list, n);
    let links = |articles: &[&Article]| -> Vec<ArticleLink> {
        articles[window.clone()]
            .iter()
            .map(|a| article_link(site, a, root))
            .collect()
    };
    let words = &site.words;
    let of_pages = |title: &str| -> String {
        if pager.pages > 1 {
            let (page, pages) = (pager.page.to_string(), pager.pages.to_string());
            let args = [("title", title), ("page", &page), ("pages", &pages)];
            words.say("lists.page_of", None, &args)
        } else {
            title.to_string()
        }
    };
    let (template, title, section) = match list {
        List::Articles => {
            ctx.insert("articles", &links(ix.newest()));
            (
                "articles.html",
                of_pages(words.get("nav.articles")),
                "articles",
            )
        }
        List::Unattributed => {
            ctx.insert("articles", &links(ix.unattributed()));
            ctx.insert("unattributed", &true);
            (
                "articles.html",
                of_pages(words.get("lists.unattributed")),
                "outlets",
            )
        }
        List::People => {
            let list: Vec<Value> = b.people[window.clone()]
                .iter()
                .map(|p| {
                    json!({
                        "person": person_link(p, root),
                        "titles": p.titles,
                        "featured": b.config.featured.contains(&p.id),
                        "mentions": ix.mentions_by_person.get(p.id.as_str()).map_or(0, Vec::len),
                    })
                })
                .collect();
            ctx.insert("people", &list);
            ("people.html", of_pages(words.get("nav.people")), "people")
        }
        List::Outlets => {
            let list: Vec<Value> = ix.outlets_by_name()[window.clone()]
                .iter()
                .map(|o| {
                    json!({
                        "name": o.name,
                        "url": format!("{root}{}", urls::outlet(&o.id)),
                        "kind": o.kind,
                        "articles": ix.articles_by_outlet.get(o.id.as_str()).map_or(0, Vec::len),
                        "derived": ix.derived_by_outlet.get(o.id.as_str()).map_or(0, Vec::len),
                    })
                })
                .collect();
            let unattributed = ix.unattributed().len();
            ctx.insert("outlets", &list);
            ctx.insert("unattributed", &unattributed);
            ctx.insert("unattributed_url", &List::Unattributed.url(site, root, 1));
            (
                "outlets.html",
                of_pages(words.get("nav.outlets")),
                "outlets",
            )
        }
        List::Compare => {
            let curated = b.comparisons.len();
            let items: Vec<view::CompareLine> = window
                .clone()
                .map(|k| {
                    if k < curated {
                        view::CompareLine::Curated(view::comparison_line(&b.comparisons[k], root))
                    } else {
                        let s = &site.analysis.stories[ix.stories_by_size()[k - curated]];
                        view::CompareLine::Found(super::pages::story_line(site, s, root))
                    }
                })
                .collect();
            ctx.insert("items", &items);
            ctx.insert("curated", &curated);
            ctx.insert("found", &site.analysis.stories.len());
            (
                "compare.html",
                of_pages(words.get("lists.compare")),
                "compare",
            )
        }
        List::Outlet(id) => {
            let o = &b.outlets[id.as_str()];
            let published = ix
                .articles_by_outlet
                .get(id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let copies = ix.derived_by_outlet.get(id.as_str()).map_or(0, Vec::len);
            ctx.insert(
                "outlet",
                &json!({ "id": o.id, "name": o.name, "url": o.url, "kind": o.kind, "country": o.country }),
            );
            ctx.insert("articles", &links(published));
            ctx.insert("copies", &copies);
            ctx.insert(
                "copies_url",
                &List::OutletCopies(id.clone()).url(site, root, 1),
            );
            ("outlet.html", of_pages(&o.name), "outlets")
        }
        List::OutletCopies(id) => {
            let o = &b.outlets[id.as_str()];
            let copies = ix
                .derived_by_outlet
                .get(id.as_str())
                .map_or(&[][..], Vec::as_slice);
            ctx.insert("articles", &links(copies));
            ctx.insert(
                "outlet",
                &json!({ "name": o.name, "url": format!("{root}{}", urls::outlet(&o.id)) }),
            );
            (
                "articles.html",
                of_pages(&words.say("lists.copied_from", None, &[("name", &o.name)])),
                "outlets",
            )
        }
        List::PersonMentions(i)
        | List::PersonArticles(i)
        | List::PersonQuotes(i)
        | List::PersonEvents(i) => {
            let p = &b.people[*i];
            ctx.insert("person", &person_link(p, root));
            let articles = ix.person_articles(&p.id);
            let (kind, heading) = match list {
                List::PersonMentions(_) => {
                    let shown: Vec<&Article> =
                        articles[window.clone()].iter().map(|(a, _)| *a).collect();
                    ctx.insert("mention_groups", &mention_groups(site, &p.id, &shown, root));
                    (
                        "mentions",
                        words.say("lists.mentions", None, &[("name", &p.name)]),
                    )
                }
                List::PersonArticles(_) => {
                    let shown: Vec<Counted> = articles[window.clone()]
                        .iter()
                        .map(|(a, count)| Counted {
                            article: article_link(site, a, root),
                            count: *count,
                        })
                        .collect();
                    ctx.insert("articles", &shown);
                    (
                        "articles",
                        words.say("lists.articles", None, &[("name", &p.name)]),
                    )
                }
                List::PersonQuotes(_) => {
                    let quotes = ix.person_quotes(&p.id);
                    let shown: Vec<view::QuoteLine> = quotes[window.clone()]
                        .iter()
                        .filter_map(|q| quote_view(site, q, root))
                        .collect();
                    ctx.insert("quotes", &shown);
                    (
                        "quotes",
                        words.say("lists.quotes", None, &[("name", &p.name)]),
                    )
                }
                _ => {
                    let events = ix
                        .events_by_person
                        .get(p.id.as_str())
                        .map_or(&[][..], Vec::as_slice);
                    let shown: Vec<_> = events[window.clone()]
                        .iter()
                        .map(|e| super::pages::event_view(site, e, root))
                        .collect();
                    ctx.insert("events", &shown);
                    (
                        "events",
                        words.say("lists.events", None, &[("name", &p.name)]),
                    )
                }
            };
            ctx.insert("kind", kind);
            ("person-list.html", of_pages(&heading), "people")
        }
        List::StoryMembers(i) | List::StoryPairs(i) => {
            let s = &site.analysis.stories[*i];
            ctx.insert(
                "story",
                &json!({ "title": s.title, "url": format!("{root}{}", urls::comparison(&s.id)) }),
            );
            let heading = if let List::StoryMembers(_) = list {
                let shown: Vec<ArticleLink> = s.articles[window.clone()]
                    .iter()
                    .filter_map(|id| b.article(id))
                    .map(|a| article_link(site, a, root))
                    .collect();
                ctx.insert("articles", &shown);
                ctx.insert("kind", "articles");
                words.say("lists.story_articles", None, &[("title", &s.title)])
            } else {
                let shown: Vec<view::PairLine> = s.pairs[window.clone()]
                    .iter()
                    .map(|p| super::pages::pair_line(site, p, root))
                    .collect();
                ctx.insert("pairs", &shown);
                ctx.insert("kind", "pairs");
                words.say("lists.story_pairs", None, &[("title", &s.title)])
            };
            ("story-list.html", of_pages(&heading), "compare")
        }
        List::Period(year, month) => {
            let events: Vec<_> = ix.period(*year, *month)[window.clone()]
                .iter()
                .map(|e| super::pages::event_view(site, e, root))
                .collect();
            ctx.insert("events", &events);
            ctx.insert("year", year);
            let heading = if *month == 0 {
                let months: Vec<Value> = ix
                    .months_of(*year)
                    .into_iter()
                    .map(|(m, count)| {
                        json!({
                            "name": words.month(m),
                            "url": List::Period(*year, m).url(site, root, 1),
                            "count": count,
                        })
                    })
                    .collect();
                ctx.insert("months", &months);
                let href = |e: &crate::content::Event| format!("{root}{}", ix.event_url(e));
                let most = super::charts::STRIP_PAGES * site.page_size();
                let strip =
                    super::charts::timeline_strip(&site.words, ix.year_events(*year), &href, most);
                ctx.insert("strip", &strip);
                year.to_string()
            } else {
                ctx.insert("year_url", &List::Period(*year, 0).url(site, root, 1));
                words.month_of(*month, *year)
            };
            ctx.insert("month", month);
            ("period.html", of_pages(&heading), "timeline")
        }
        List::Conflicts => {
            let shown: Vec<Value> = ix.derived_conflicts()[window.clone()]
                .iter()
                .map(|c| super::pages::conflict_view(site, c, root))
                .collect();
            ctx.insert("conflicts", &shown);
            (
                "conflicts.html",
                of_pages(words.get("timeline.differing")),
                "timeline",
            )
        }
    };
    ctx.insert("title", &title);
    ctx.insert("section", section);
    ctx.insert("pager", &pager);
    template
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pager_links_the_ends_and_the_pages_around_this_one() {
        let shown = |page, pages| -> Vec<String> {
            window_numbers(page, pages)
                .into_iter()
                .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
                .collect()
        };
        assert_eq!(shown(1, 1), ["1"]);
        assert_eq!(shown(1, 3), ["1", "2", "3"]);
        assert_eq!(shown(1, 10), ["1", "2", "3", "…", "10"]);
        assert_eq!(shown(5, 10), ["1", "…", "3", "4", "5", "6", "7", "…", "10"]);
        assert_eq!(shown(4, 10), ["1", "2", "3", "4", "5", "6", "…", "10"]);
        assert_eq!(shown(10, 10), ["1", "…", "8", "9", "10"]);
    }

    #[test]
    fn later_pages_live_below_the_first() {
        assert_eq!(page_suffix(1), "");
        assert_eq!(page_suffix(0), "");
        assert_eq!(page_suffix(2), "page/2/");
    }
}

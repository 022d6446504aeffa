//! *Views* are the shapes templates see: links to people, articles and outlets, cited
//! sources, highlighted sentences. The [`Index`] groups the analysis by article and by
//! person once, so that no page scans every finding.

use super::urls;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use rustc_hash::FxHashMap;

use crate::analyse::{
    Analysis, Conflict, DateMention, Disagreement, Located, Mention, Pair, PerArticle, Quote, Story,
};
use crate::content::{Article, Briefing, Comparison, Event, Outlet, Person, SourceRef};

/// The findings naming each person, grouped when first asked for: pages that show no
/// person's findings (what the dev server renders first after an article is saved)
/// never pay for grouping them all.
pub struct ByPerson<'a, T> {
    items: &'a PerArticle<T>,
    person: fn(&T) -> Option<&str>,
    grouped: std::sync::OnceLock<FxHashMap<&'a str, Vec<&'a T>>>,
}

impl<'a, T: Located + Sync> ByPerson<'a, T> {
    fn new(items: &'a PerArticle<T>, person: fn(&T) -> Option<&str>) -> Self {
        ByPerson {
            items,
            person,
            grouped: Default::default(),
        }
    }

    pub fn get(&self, person: &str) -> Option<&Vec<&'a T>> {
        let grouped = self.grouped.get_or_init(|| {
            let mut map: FxHashMap<&'a str, Vec<&'a T>> = FxHashMap::default();
            for item in self.items.iter() {
                if let Some(p) = (self.person)(item) {
                    map.entry(p).or_default().push(item);
                }
            }
            map
        });
        grouped.get(person)
    }
}

/// How many times a lookup of every article is asked for one article before it is
/// made: until then each ask is answered from the analysis directly, in far less time
/// than making the lookup takes (a binary search or a walk of the pairs, against
/// hashing every article's entry). The dev server renders the open article's page
/// first, which asks a few times; a build renders thousands of pages, which make the
/// lookup after these few.
const ASKED_BEFORE_MADE: usize = 64;

/// Whether an ask of a lookup not made yet (`made`), counted in `asks`, is answered
/// without it.
fn without_lookup(made: bool, asks: &AtomicUsize) -> bool {
    !made && asks.fetch_add(1, Ordering::Relaxed) < ASKED_BEFORE_MADE
}

/// The findings of one kind by article, each article's list found by a hash of its
/// id: pages ask for an article's findings many thousand times, and the ids of one
/// saga share long beginnings that a binary search compares again and again.
pub struct ByArticle<'a, T> {
    items: &'a PerArticle<T>,
    /// Made when first asked for more than a few times ([`ASKED_BEFORE_MADE`]): a
    /// rebuild that renders few pages asks for few.
    lists: OnceLock<FxHashMap<&'a str, &'a [T]>>,
    asks: AtomicUsize,
}

impl<'a, T: Located> ByArticle<'a, T> {
    fn new(items: &'a PerArticle<T>) -> Self {
        ByArticle {
            items,
            lists: OnceLock::new(),
            asks: AtomicUsize::new(0),
        }
    }

    /// The findings of article `id`, empty if it has none.
    pub fn of(&self, id: &str) -> &'a [T] {
        if without_lookup(self.lists.get().is_some(), &self.asks) {
            return self.items.of(id);
        }
        let lists = self.lists.get_or_init(|| {
            let lists = self.items.lists().map(|l| (&*l[0].place().article, l));
            lists.collect()
        });
        lists.get(id).copied().unwrap_or(&[])
    }

    /// Each article's findings, one list per article that has any, in article order.
    pub fn lists(&self) -> impl Iterator<Item = &'a [T]> + use<'a, T> {
        self.items.lists()
    }
}

/// A lookup of the [`Index`] made from the briefing and its analysis when a page first
/// reads it, and read as the lookup itself. The dev server makes a site for each save
/// and renders the open page from it first: at 10,000 articles on one affair, making
/// every lookup took longer than that page, which reads few of them.
pub struct Lazy<'a, T> {
    made: OnceLock<T>,
    make: fn(&'a Briefing, &'a Analysis) -> T,
    briefing: &'a Briefing,
    analysis: &'a Analysis,
}

impl<'a, T> Lazy<'a, T> {
    fn new(b: &'a Briefing, a: &'a Analysis, make: fn(&'a Briefing, &'a Analysis) -> T) -> Self {
        Lazy {
            made: OnceLock::new(),
            make,
            briefing: b,
            analysis: a,
        }
    }
}

impl<T> std::ops::Deref for Lazy<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.made
            .get_or_init(|| (self.make)(self.briefing, self.analysis))
    }
}

/// A compared pair an article is in: the pair's story's position, its own in the
/// story, and the pair.
pub type PairOf<'a> = (usize, usize, &'a Pair);

/// Each compared pair an article is in, by the article's id, in the order of the
/// stories and of their pairs. The lookup of every article is made when asked for
/// more than a few times ([`ASKED_BEFORE_MADE`]); until then an ask walks the pairs.
pub struct PairsByArticle<'a> {
    stories: &'a [Story],
    lookup: OnceLock<FxHashMap<&'a str, Vec<PairOf<'a>>>>,
    asks: AtomicUsize,
}

impl<'a> PairsByArticle<'a> {
    fn new(stories: &'a [Story]) -> Self {
        PairsByArticle {
            stories,
            lookup: OnceLock::new(),
            asks: AtomicUsize::new(0),
        }
    }

    /// The compared pairs article `id` is in, empty if none.
    pub fn of(&self, id: &str) -> Cow<'_, [PairOf<'a>]> {
        if without_lookup(self.lookup.get().is_some(), &self.asks) {
            let mut found = Vec::new();
            self.each(|side, pair| {
                if side == id {
                    found.push(pair);
                }
            });
            return Cow::Owned(found);
        }
        let lookup = self.lookup.get_or_init(|| {
            let mut map: FxHashMap<&str, Vec<PairOf>> = FxHashMap::default();
            self.each(|side, pair| map.entry(side).or_default().push(pair));
            map
        });
        lookup
            .get(id)
            .map_or(Cow::Borrowed(&[]), |l| Cow::Borrowed(l))
    }

    /// Calls `f` with each side of each pair, in order: an ask and the lookup list the
    /// same pairs in the same order.
    fn each(&self, mut f: impl FnMut(&'a str, PairOf<'a>)) {
        for (i, s) in self.stories.iter().enumerate() {
            for (k, p) in s.pairs.iter().enumerate() {
                for side in [&p.a, &p.b] {
                    f(side, (i, k, p));
                }
            }
        }
    }
}

/// Lookups shared by every page. The findings of an article need none: the analysis
/// keeps them by article ([`PerArticle::of`]). Orders that only the list pages need are
/// made when first asked for: the dev server's first step renders the pages readers
/// have open, and most of those never ask.
pub struct Index<'a> {
    briefing: &'a Briefing,
    analysis: &'a Analysis,
    pub mentions_by_article: ByArticle<'a, Mention>,
    pub mentions_by_person: ByPerson<'a, Mention>,
    pub quotes_by_article: ByArticle<'a, Quote>,
    pub quotes_by_person: ByPerson<'a, Quote>,
    pub dates_by_article: ByArticle<'a, DateMention>,
    /// Each compared pair an article is in, with its story's position and its own in
    /// the story.
    pub pairs_by_article: PairsByArticle<'a>,
    /// In timeline order.
    pub events_by_person: Lazy<'a, BTreeMap<&'a str, Vec<&'a Event>>>,
    pub comparisons_by_article: Lazy<'a, BTreeMap<&'a str, Vec<&'a Comparison>>>,
    /// Newest first.
    pub articles_by_outlet: Lazy<'a, BTreeMap<&'a str, Vec<&'a Article>>>,
    pub derived_by_outlet: Lazy<'a, BTreeMap<&'a str, Vec<&'a Article>>>,
    newest: OnceLock<Vec<&'a Article>>,
    unattributed: OnceLock<Vec<&'a Article>>,
    outlets_by_name: OnceLock<Vec<&'a Outlet>>,
    stories_by_size: OnceLock<Vec<usize>>,
    person_articles: OnceLock<HashMap<&'a str, Vec<(&'a Article, usize)>>>,
    person_quotes: OnceLock<HashMap<&'a str, Vec<&'a Quote>>>,
    periods: OnceLock<BTreeMap<(i32, u32), Vec<&'a Event>>>,
    event_pages: OnceLock<Vec<u32>>,
    pair_hashes: OnceLock<Vec<Vec<u64>>>,
    derived_conflicts: OnceLock<Vec<&'a Conflict>>,
    /// The date conflict and the disagreements of each curated event: each event's
    /// page, fingerprint and record asks, and there are thousands of events.
    event_findings: OnceLock<EventFindings<'a>>,
    search_places: OnceLock<super::search::Places>,
}

/// The order articles are listed in: newest first, then by id.
fn newest_first(x: &Article, y: &Article) -> std::cmp::Ordering {
    y.published
        .sort_key()
        .cmp(&x.published.sort_key())
        .then_with(|| x.id.cmp(&y.id))
}

/// Sorts articles newest first.
pub fn sort_newest(list: &mut [&Article]) {
    list.sort_by(|x, y| newest_first(x, y));
}

/// The month an event is filed under on the timeline: 0 for one dated only to a year
/// or a decade, else the month it starts in.
pub fn event_month(e: &Event) -> (i32, u32) {
    use crate::edtf::Precision;
    use chrono::Datelike;
    let (y, m) = (e.date.start.year(), e.date.start.month());
    match e.date.precision {
        Precision::Year | Precision::Decade => (y, 0),
        _ => (y, m),
    }
}

/// The page of its month's list each of `events` (in timeline order) falls on, with
/// the briefing's `page_size`.
pub fn event_pages(events: &[Event], page_size: usize) -> Vec<u32> {
    let per = super::lists::List::Period(0, 0).per_page(page_size);
    let mut seen: HashMap<(i32, u32), usize> = HashMap::new();
    events
        .iter()
        .map(|e| {
            let n = seen.entry(event_month(e)).or_default();
            let page = *n / per + 1;
            *n += 1;
            page as u32
        })
        .collect()
}

/// The address of event `e`, on page `page` of its month's list, below the site's top.
pub fn event_url_on(e: &Event, page: u32) -> String {
    let (year, month) = event_month(e);
    let base = super::urls::period(year, month);
    format!("{base}{}#{}", super::urls::page_suffix(page), e.id)
}

/// The articles of each outlet `outlet` gives, newest first.
fn by_outlet<'a>(
    b: &'a Briefing,
    outlet: fn(&'a Article) -> Option<&'a str>,
) -> BTreeMap<&'a str, Vec<&'a Article>> {
    let mut map: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
    for article in &b.articles {
        if let Some(o) = outlet(article) {
            map.entry(o).or_default().push(article);
        }
    }
    for list in map.values_mut() {
        sort_newest(list);
    }
    map
}

impl<'a> Index<'a> {
    pub fn new(b: &'a Briefing, a: &'a Analysis) -> Self {
        Index {
            briefing: b,
            analysis: a,
            mentions_by_article: ByArticle::new(&a.mentions),
            mentions_by_person: ByPerson::new(&a.mentions, |m| m.person.as_deref()),
            quotes_by_article: ByArticle::new(&a.quotes),
            quotes_by_person: ByPerson::new(&a.quotes, |q| q.person.as_deref()),
            dates_by_article: ByArticle::new(&a.dates),
            pairs_by_article: PairsByArticle::new(&a.stories),
            events_by_person: Lazy::new(b, a, |b, _| {
                let mut map: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
                for e in &b.events {
                    for (p, _) in &e.people {
                        map.entry(p).or_default().push(e);
                    }
                }
                map
            }),
            comparisons_by_article: Lazy::new(b, a, |b, _| {
                let mut map: BTreeMap<&str, Vec<&Comparison>> = BTreeMap::new();
                for c in &b.comparisons {
                    for (article, _) in &c.articles {
                        map.entry(article).or_default().push(c);
                    }
                }
                map
            }),
            articles_by_outlet: Lazy::new(b, a, |b, _| {
                by_outlet(b, |article| article.outlet.as_deref())
            }),
            derived_by_outlet: Lazy::new(b, a, |b, _| {
                by_outlet(b, |article| article.derived_from.as_deref())
            }),
            newest: OnceLock::new(),
            unattributed: OnceLock::new(),
            outlets_by_name: OnceLock::new(),
            stories_by_size: OnceLock::new(),
            person_articles: OnceLock::new(),
            person_quotes: OnceLock::new(),
            periods: OnceLock::new(),
            event_pages: OnceLock::new(),
            pair_hashes: OnceLock::new(),
            derived_conflicts: OnceLock::new(),
            event_findings: OnceLock::new(),
            search_places: OnceLock::new(),
        }
    }

    /// The article `id`, through the briefing's own hash of article ids.
    pub fn article(&self, id: &str) -> Option<&'a Article> {
        self.briefing.article(id)
    }

    /// Every article, newest first.
    pub fn newest(&self) -> &[&'a Article] {
        self.newest.get_or_init(|| {
            let mut all: Vec<&Article> = self.briefing.articles.iter().collect();
            sort_newest(&mut all);
            all
        })
    }

    /// The articles no outlet is given for, newest first.
    pub fn unattributed(&self) -> &[&'a Article] {
        self.unattributed.get_or_init(|| {
            let all = self.newest().iter().filter(|a| a.outlet.is_none());
            all.copied().collect()
        })
    }

    /// Every outlet, by name.
    pub fn outlets_by_name(&self) -> &[&'a Outlet] {
        self.outlets_by_name.get_or_init(|| {
            let mut all: Vec<&Outlet> = self.briefing.outlets.values().collect();
            all.sort_by(|x, y| x.name.cmp(&y.name).then_with(|| x.id.cmp(&y.id)));
            all
        })
    }

    /// The positions of the stories found, the largest first, then by id.
    pub fn stories_by_size(&self) -> &[usize] {
        self.stories_by_size.get_or_init(|| {
            let stories = &self.analysis.stories;
            let mut order: Vec<usize> = (0..stories.len()).collect();
            order.sort_by(|&x, &y| {
                let (x, y) = (&stories[x], &stories[y]);
                y.articles
                    .len()
                    .cmp(&x.articles.len())
                    .then_with(|| x.id.cmp(&y.id))
            });
            order
        })
    }

    /// The articles naming `person`, newest first, with how many mentions each has.
    pub fn person_articles(&self, person: &str) -> &[(&'a Article, usize)] {
        let all = self.person_articles.get_or_init(|| {
            // Each article's mentions are one list, in article id order as the articles
            // are: walked side by side, no article is looked up by its id, and each
            // person once.
            let (articles, people) = (&self.briefing.articles, &self.briefing.people);
            let mut rank = vec![0; articles.len()];
            for (r, a) in self.newest().iter().enumerate() {
                rank[self.briefing.article_position(&a.id).expect("listed")] = r;
            }
            let mut lists: Vec<Vec<(usize, usize)>> = vec![Vec::new(); people.len()];
            let mut known: Vec<(&str, Option<usize>)> = Vec::new();
            let mut counts: Vec<(&str, usize)> = Vec::new();
            let mut at = 0;
            for list in self.mentions_by_article.lists() {
                let id = &*list[0].place.article;
                while at < articles.len() && articles[at].id.as_str() < id {
                    at += 1;
                }
                if articles.get(at).is_none_or(|a| a.id != id) {
                    continue;
                }
                counts.clear();
                for p in list.iter().filter_map(|m| m.person.as_deref()) {
                    match counts.iter_mut().find(|(q, _)| *q == p) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((p, 1)),
                    }
                }
                for &(p, n) in &counts {
                    let person = match known.iter().find(|(q, _)| *q == p) {
                        Some(&(_, i)) => i,
                        None => {
                            let i = self.briefing.person_position(p);
                            known.push((p, i));
                            i
                        }
                    };
                    if let Some(i) = person {
                        lists[i].push((at, n));
                    }
                }
            }
            people
                .iter()
                .zip(lists)
                .filter(|(_, list)| !list.is_empty())
                .map(|(p, mut list)| {
                    list.sort_unstable_by_key(|&(i, _)| rank[i]);
                    let list = list.into_iter().map(|(i, n)| (&articles[i], n));
                    (p.id.as_str(), list.collect())
                })
                .collect()
        });
        all.get(person).map_or(&[], Vec::as_slice)
    }

    /// The quotes attributed to `person`, newest article first, then in text order.
    pub fn person_quotes(&self, person: &str) -> &[&'a Quote] {
        let all = self.person_quotes.get_or_init(|| {
            let b = self.briefing;
            let mut out: HashMap<&str, Vec<&Quote>> = HashMap::new();
            for p in &b.people {
                let Some(quotes) = self.quotes_by_person.get(&p.id) else {
                    continue;
                };
                let mut list = quotes.clone();
                let published = |q: &Quote| {
                    b.article(&q.place.article)
                        .map(|a| std::cmp::Reverse(a.published.sort_key()))
                };
                list.sort_by_cached_key(|q| (published(q), q.place.clone()));
                out.insert(p.id.as_str(), list);
            }
            out
        });
        all.get(person).map_or(&[], Vec::as_slice)
    }

    fn periods(&self) -> &BTreeMap<(i32, u32), Vec<&'a Event>> {
        self.periods.get_or_init(|| {
            let mut out: BTreeMap<(i32, u32), Vec<&Event>> = BTreeMap::new();
            for e in &self.briefing.events {
                out.entry(event_month(e)).or_default().push(e);
            }
            out
        })
    }

    /// The events filed under `month` of `year` (0: dated only to the year), in
    /// timeline order.
    pub fn period(&self, year: i32, month: u32) -> &[&'a Event] {
        self.periods()
            .get(&(year, month))
            .map_or(&[], Vec::as_slice)
    }

    /// Every year and month that has events, with how many (month 0: dated only to
    /// the year).
    pub fn periods_with_counts(&self) -> Vec<((i32, u32), usize)> {
        self.periods().iter().map(|(k, v)| (*k, v.len())).collect()
    }

    /// The months of `year` that have events, with how many.
    pub fn months_of(&self, year: i32) -> Vec<(u32, usize)> {
        self.periods()
            .range((year, 1)..=(year, 12))
            .map(|(&(_, m), v)| (m, v.len()))
            .collect()
    }

    /// The events starting in `year`, in timeline order (they are contiguous there).
    pub fn year_events(&self, year: i32) -> &'a [Event] {
        use chrono::Datelike;
        let events = &self.briefing.events;
        let start = events.partition_point(|e| e.date.start.year() < year);
        let end = events.partition_point(|e| e.date.start.year() <= year);
        &events[start..end]
    }

    /// The address of event `e` below the site's top: its month's page, the page of
    /// that month's list it falls on, and its anchor.
    pub fn event_url(&self, e: &Event) -> String {
        let events = &self.briefing.events;
        let per = self.briefing.config.page_size.get();
        let pages = self.event_pages.get_or_init(|| event_pages(events, per));
        let at = events.binary_search_by(|x| x.timeline_key().cmp(&e.timeline_key()));
        event_url_on(e, at.map_or(1, |i| pages[i]))
    }

    /// Where the search index's documents come from ([`super::search::Places`]), for
    /// the fingerprints of its document files.
    pub fn search_places(&self) -> &super::search::Places {
        self.search_places
            .get_or_init(|| super::search::Places::of(self.briefing, self.analysis))
    }

    /// The hash of each compared pair, by story ([`super::depends::pair_hashes`]).
    pub fn pair_hashes(&self) -> &[Vec<u64>] {
        self.pair_hashes
            .get_or_init(|| super::depends::pair_hashes(self.analysis))
    }

    /// The date conflicts found between aligned sentences, not tied to an event.
    pub fn derived_conflicts(&self) -> &[&'a Conflict] {
        self.derived_conflicts.get_or_init(|| {
            let all = self.analysis.conflicts.iter();
            all.filter(|c| c.event.is_none()).collect()
        })
    }

    /// The date conflict found between the sources of curated event `event`: the first
    /// the analysis lists.
    pub fn event_conflict(&self, event: &str) -> Option<&'a Conflict> {
        self.event_conflicts(event).first().copied()
    }

    /// Every date conflict found between the sources of curated event `event`, in the
    /// analysis's order.
    pub fn event_conflicts(&self, event: &str) -> &[&'a Conflict] {
        let found = self.event_findings().conflicts.get(event);
        found.map_or(&[], Vec::as_slice)
    }

    /// The disagreements found between the sources of curated event `event`, in the
    /// analysis's order.
    pub fn event_disagreements(&self, event: &str) -> &[&'a Disagreement] {
        let found = self.event_findings().disagreements.get(event);
        found.map_or(&[], Vec::as_slice)
    }

    fn event_findings(&self) -> &EventFindings<'a> {
        self.event_findings.get_or_init(|| {
            let mut found = EventFindings::default();
            for c in &self.analysis.conflicts {
                if let Some(e) = c.event.as_deref() {
                    found.conflicts.entry(e).or_default().push(c);
                }
            }
            for d in &self.analysis.disagreements {
                found.disagreements.entry(&d.event).or_default().push(d);
            }
            found
        })
    }
}

/// What the analysis found between the sources of each curated event, by event id.
#[derive(Default)]
struct EventFindings<'a> {
    conflicts: FxHashMap<&'a str, Vec<&'a Conflict>>,
    disagreements: FxHashMap<&'a str, Vec<&'a Disagreement>>,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // The escaper tera's templates use too: the same five characters, written as the
    // same entities, a run of plain text at a time. Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonLink {
    pub id: String,
    pub name: String,
    pub url: String,
    /// Shown as such by `serve` and `build --drafts`; absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

pub fn person_link(p: &Person, root: &str) -> PersonLink {
    PersonLink {
        id: p.id.clone(),
        name: p.name.clone(),
        url: format!("{root}{}", urls::person(&p.id)),
        draft: p.draft,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleLink {
    pub id: String,
    pub title: String,
    pub url: String,
    pub outlet: Option<String>,
    pub outlet_url: Option<String>,
    pub published: String,
    pub published_words: String,
    /// Shown as such by `serve` and `build --drafts`; absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

pub fn article_link(site: &super::Site, a: &Article, root: &str) -> ArticleLink {
    let b = site.briefing;
    let outlet = a.outlet.as_ref().and_then(|o| b.outlets.get(o));
    ArticleLink {
        id: a.id.clone(),
        title: a.title.clone(),
        url: format!("{root}{}", urls::article(&a.id)),
        outlet: outlet.map(|o| o.name.clone()),
        outlet_url: outlet.map(|o| format!("{root}{}", urls::outlet(&o.id))),
        published: a.published.iso(),
        published_words: published_words(&site.words, &a.published),
        draft: a.draft,
    }
}

/// The address of paragraph `paragraph` of article `article`, from a page at `root`.
pub fn paragraph_url(root: &str, article: &str, paragraph: usize) -> String {
    format!("{root}{}", super::urls::paragraph(article, paragraph))
}

/// A found story as listed: its title, how many articles, outlets and compared pairs.
#[derive(Debug, Clone, Serialize)]
pub struct StoryLine {
    pub title: String,
    pub url: String,
    pub articles: usize,
    pub outlets: usize,
    pub pairs: usize,
}

/// A compared pair as listed: the two articles, how they relate in words, their
/// similarity as a percentage, how many differences were found, and the pair's page
/// when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct PairLine {
    pub a: Option<ArticleLink>,
    pub b: Option<ArticleLink>,
    pub relation: &'static str,
    pub similarity: String,
    pub differences: usize,
    pub url: Option<String>,
}

/// A curated comparison as listed: its title, summary and size.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonLine {
    pub title: String,
    pub url: String,
    pub articles: usize,
    pub points: usize,
    pub summary: String,
    pub draft: bool,
    /// Always true: told from a found story's line in a list holding both.
    pub curated: bool,
}

pub fn comparison_line(c: &crate::content::Comparison, root: &str) -> ComparisonLine {
    ComparisonLine {
        title: c.title.clone(),
        url: format!("{root}{}", urls::comparison(&c.id)),
        articles: c.articles.len(),
        points: c.points.len(),
        summary: crate::markdown::curated_html(&c.summary),
        draft: c.draft,
        curated: true,
    }
}

/// A line of the list of comparisons: a curated one or a found story.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum CompareLine {
    Curated(ComparisonLine),
    Found(StoryLine),
}

/// A quote as listed: its words, the article and paragraph it is in.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteLine {
    pub text: String,
    pub article: ArticleLink,
    pub url: String,
    pub paragraph: usize,
}

/// The day an article was published as a reader sees it ([`Published::words`] in
/// the site's language): "21 February 2026", with "(assumed)" when the article does
/// not state it.
pub fn published_words(words: &super::i18n::Words, p: &crate::content::Published) -> String {
    let day = words.day(p.date);
    if p.assumed {
        words.say("date.assumed", None, &[("date", &day)])
    } else {
        day
    }
}

/// A curated citation as shown: the quote and a link to the paragraph it is in.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub article: Option<ArticleLink>,
    pub quote: String,
    pub paragraph: Option<usize>,
    pub url: Option<String>,
}

pub fn source_view(site: &super::Site, s: &SourceRef, root: &str) -> SourceView {
    let article = site.briefing.article(&s.article);
    let paragraph = s.found.map(|f| f.paragraph);
    SourceView {
        article: article.map(|a| article_link(site, a, root)),
        quote: s.quote.clone(),
        paragraph,
        url: paragraph.map(|p| paragraph_url(root, &s.article, p)),
    }
}

/// `sentence` escaped, with each of the byte ranges `marks` (in order, not
/// overlapping) marked; a range that does not fit the sentence is left unmarked. An
/// empty `class` writes a bare `<mark>`.
pub fn highlight(sentence: &str, marks: &[(usize, usize)], class: &str) -> String {
    let mut html = String::with_capacity(sentence.len() + marks.len() * 32);
    let mut at = 0;
    for &(start, end) in marks {
        if start < at
            || start >= end
            || end > sentence.len()
            || !sentence.is_char_boundary(start)
            || !sentence.is_char_boundary(end)
        {
            continue;
        }
        html.push_str(&escape(&sentence[at..start]));
        if class.is_empty() {
            html.push_str("<mark>");
        } else {
            html.push_str(&format!("<mark class=\"{class}\">"));
        }
        html.push_str(&escape(&sentence[start..end]));
        html.push_str("</mark>");
        at = end;
    }
    html.push_str(&escape(&sentence[at..]));
    html
}

/// How many outlets published the briefing's articles: the one count of outlets every
/// page gives ("5 articles from 3 outlets"), not how many `outlets.yaml` lists (an
/// outlet may be listed as the origin of a copy, or for articles still to come).
pub fn outlets_published(b: &Briefing) -> usize {
    b.articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect::<BTreeSet<_>>()
        .len()
}

/// People sorted by how often they are mentioned in the same paragraphs as `person`.
pub fn co_mentioned<'a>(ix: &Index<'a>, b: &'a Briefing, person: &str) -> Vec<(&'a Person, usize)> {
    let Some(own) = ix.mentions_by_person.get(person) else {
        return Vec::new();
    };
    // Article by article (the person's mentions are in article order), so that no
    // set is keyed by article ids, which share long beginnings.
    let mut places: Vec<(&str, usize)> = own
        .iter()
        .map(|m| (m.place.article.as_ref(), m.place.paragraph))
        .collect();
    places.dedup();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut named: Vec<(&str, usize)> = Vec::new();
    for article in places.chunk_by(|x, y| std::ptr::eq(x.0, y.0) || x.0 == y.0) {
        let mut paragraphs: Vec<usize> = article.iter().map(|(_, p)| *p).collect();
        paragraphs.sort_unstable();
        named.clear();
        for m in ix.mentions_by_article.of(article[0].0) {
            if let Some(p) = m.person.as_deref()
                && p != person
                && paragraphs.binary_search(&m.place.paragraph).is_ok()
            {
                named.push((p, m.place.paragraph));
            }
        }
        named.sort_unstable();
        named.dedup();
        for (p, _) in &named {
            *counts.entry(p).or_default() += 1;
        }
    }
    let mut out: Vec<(&Person, usize)> = counts
        .into_iter()
        .filter_map(|(p, n)| b.person(p).map(|p| (p, n)))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_asked_for_before_the_lookup_is_made_gets_what_the_lookup_gives() {
        let dir = crate::testing::default_briefing();
        let loaded = crate::load::briefing(dir.path()).unwrap();
        let (b, analysis) = (&loaded.briefing, crate::analyse::run(&loaded.briefing));
        assert!(analysis.stories.iter().any(|s| !s.pairs.is_empty()));
        // One index asked so often that its lookups are made; for each article, a new
        // index, whose first ask is answered without them.
        let made = Index::new(b, &analysis);
        for _ in 0..=ASKED_BEFORE_MADE {
            made.pairs_by_article.of("");
            made.mentions_by_article.of("");
            made.quotes_by_article.of("");
            made.dates_by_article.of("");
        }
        for a in &b.articles {
            let fresh = Index::new(b, &analysis);
            let id = a.id.as_str();
            assert_eq!(fresh.pairs_by_article.of(id), made.pairs_by_article.of(id));
            assert!(fresh.pairs_by_article.lookup.get().is_none());
            assert_eq!(
                fresh.mentions_by_article.of(id),
                made.mentions_by_article.of(id)
            );
            assert_eq!(
                fresh.quotes_by_article.of(id),
                made.quotes_by_article.of(id)
            );
            assert_eq!(fresh.dates_by_article.of(id), made.dates_by_article.of(id));
            assert!(fresh.mentions_by_article.lists.get().is_none());
        }
        assert!(made.pairs_by_article.lookup.get().is_some());
        assert!(made.mentions_by_article.lists.get().is_some());
    }

    #[test]
    fn escape_writes_the_five_html_characters_as_entities() {
        assert_eq!(
            escape(r#"Rodríguez & "Cabello" <said> it's"#),
            "Rodríguez &amp; &quot;Cabello&quot; &lt;said&gt; it&#39;s"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn highlight_marks_each_range_escapes_around_and_skips_what_does_not_fit() {
        assert_eq!(
            highlight("Paredes & Paredes", &[(0, 7), (10, 17)], "m"),
            "<mark class=\"m\">Paredes</mark> &amp; <mark class=\"m\">Paredes</mark>"
        );
        assert_eq!(
            highlight("abc", &[(1, 2), (1, 3), (2, 9)], "m"),
            "a<mark class=\"m\">b</mark>c"
        );
        assert_eq!(highlight("a<b", &[], "m"), "a&lt;b");
        assert_eq!(highlight("abc", &[(1, 2)], ""), "a<mark>b</mark>c");
    }
}

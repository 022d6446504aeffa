//! A page's *fingerprint* is a hash of everything the page is made from, computed
//! without rendering it: a page whose fingerprint is the same as when it was last
//! rendered has the same bytes, so an incremental build links the file it already has
//! instead of rendering it again. What each kind of page shows, and so what goes into
//! its fingerprint, is known here, beside the pages.
//!
//! Everything every page may show — the briefing's configuration and curation (people,
//! outlets, events, comparisons), the theme, the address the site is published at, the
//! program itself — is the build's *salt*, mixed into every fingerprint by the caller:
//! a change there renders every page again. What remains per page is what the analysis
//! and the articles give it: an article by its id and its file's digest (which covers
//! its title, date and outlet), a compared pair or a conflict by its whole record.
//! Pages that list anything of the whole briefing (the home page, the report, feeds,
//! the sitemap, the search index's term files) have no fingerprint and are always
//! rendered: they are few, and bounded. A file of the data exports has one: a shard
//! is made from its run of articles, and the exports' manifest from every other file.
//!
//! The dev server, which must answer a save in a tenth of a second, does not
//! fingerprint every page: it asks instead what the edited articles *reach*
//! ([`Affected`]) — the people they mention, the stories and comparisons they are in,
//! the events that cite them — before and after the edit, and renders those pages.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};

use serde::Serialize;

use super::lists::List;
use super::{Page, Site};
use crate::analyse::Analysis;
use crate::content::{Article, Briefing, Event, SourceRef};

/// The build's salt: what every page may show or be made by — the program, the theme,
/// the address the site is published at, `briefing.yaml` and every curation file (any
/// file the loader read that is not an article).
pub fn salt(loaded: &crate::load::Loaded, theme: &super::Theme, options: &super::Options) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    program().hash(&mut h);
    options.base_url.hash(&mut h);
    theme.files.hash(&mut h);
    let articles: std::collections::HashSet<usize> =
        loaded.briefing.articles.iter().map(|a| a.file).collect();
    for (id, file) in loaded.sources.iter() {
        if !articles.contains(&id) {
            (&file.path, file.text.as_ref()).hash(&mut h);
        }
    }
    h.finish()
}

/// What identifies the running program: its version and a hash of its executable, so
/// that a build by another program — or by this one rebuilt from changed code — reuses
/// nothing. Where the executable cannot be read, the version alone, with the time the
/// process started, so nothing is reused either.
pub(crate) fn program() -> u64 {
    static PROGRAM: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *PROGRAM.get_or_init(|| {
        let mut h = std::hash::DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut h);
        match std::env::current_exe().and_then(std::fs::read) {
            Ok(bytes) => bytes.hash(&mut h),
            Err(_) => std::time::SystemTime::now().hash(&mut h),
        }
        h.finish()
    })
}

/// A hash being built from a page's inputs.
struct Fingerprint(std::hash::DefaultHasher);

impl Fingerprint {
    fn new(page: &Page) -> Self {
        let mut h = std::hash::DefaultHasher::new();
        page.hash(&mut h);
        Fingerprint(h)
    }

    fn add(&mut self, x: impl Hash) -> &mut Self {
        x.hash(&mut self.0);
        self
    }

    /// An article as pages show it: its id and its file's digest (title, date, outlet
    /// and text).
    fn article(&mut self, a: &Article) -> &mut Self {
        self.add((&a.id, a.digest))
    }

    fn article_id(&mut self, site: &Site, id: &str) -> &mut Self {
        match site.index.article(id) {
            Some(a) => self.article(a),
            None => self.add(id),
        }
    }

    /// The compared pairs between any two of `articles`, whole: which sentences of a
    /// list of mentions fold into another's is read from them (and the articles'
    /// mentions, which their digests cover).
    fn pairs_among(&mut self, site: &Site, articles: &[&Article]) -> &mut Self {
        let shown: std::collections::HashSet<&str> =
            articles.iter().map(|a| a.id.as_str()).collect();
        for a in articles {
            let pairs = site.index.pairs_by_article.of(&a.id);
            for &(s, k, p) in pairs.iter() {
                // Each pair once, from its first side.
                if p.a == a.id && shown.contains(p.b.as_str()) {
                    self.add(site.index.pair_hashes()[s][k]);
                }
            }
        }
        self
    }

    /// A record of the analysis, whole, through its serialisation: any field added to
    /// it later is in the fingerprint without a word here.
    fn record(&mut self, x: &impl Serialize) -> &mut Self {
        self.add(crate::hashed::record(x))
    }

    /// A date conflict as pages show it: each claim, and its article's title.
    fn conflict(&mut self, site: &Site, c: &crate::analyse::Conflict) -> &mut Self {
        for claim in &c.claims {
            self.article_id(site, &claim.article);
        }
        self.record(c)
    }

    /// An event as a list shows it: its place on the timeline, its sources' articles
    /// and the conflicts found between its date and theirs (its own text is curation).
    fn event(&mut self, site: &Site, e: &Event) -> &mut Self {
        self.add(&e.id).add(site.index.event_url(e));
        for s in &e.sources {
            self.article_id(site, &s.article)
                .add(s.found.map(|f| f.paragraph));
        }
        for c in site.index.event_conflicts(&e.id) {
            self.conflict(site, c);
        }
        for d in site.index.event_disagreements(&e.id) {
            self.record(*d);
        }
        self
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The hash of each compared pair of each story, in the stories' order: the analysis's
/// own, or, for a story it gives none for (an analysis a test put together), made here
/// in parallel.
pub(crate) fn pair_hashes(analysis: &Analysis) -> Vec<Vec<u64>> {
    use rayon::prelude::*;
    let known = &analysis.pair_hashes;
    analysis
        .stories
        .par_iter()
        .enumerate()
        .map(|(i, s)| match known.get(i) {
            Some(hashes) if hashes.len() == s.pairs.len() => hashes.clone(),
            _ => s
                .pairs
                .iter()
                .map(|p| crate::analyse::pair_hash(p))
                .collect(),
        })
        .collect()
}

/// The fingerprint of `page` of `site`, without the build's salt; `None` for a page
/// that is always rendered.
pub fn fingerprint(site: &Site, page: &Page) -> Option<u64> {
    let b = site.briefing;
    let ix = &site.index;
    let mut fp = Fingerprint::new(page);
    match page {
        // Curation, configuration and theme only: the salt.
        Page::NotFound | Page::Static(_) | Page::TimelineAnchors => {}
        // What the index holds, counted.
        Page::Search => {
            fp.add((b.articles.len(), site.analysis.stories.len()));
        }
        Page::Person(i) => {
            let p = &b.people[*i];
            for (a, count) in ix.person_articles(&p.id) {
                fp.article(a).add(count);
            }
            for q in ix.person_quotes(&p.id) {
                fp.article_id(site, &q.place.article)
                    .add((q.place.paragraph, q.place.start));
            }
            for e in ix.events_by_person.get(p.id.as_str()).into_iter().flatten() {
                fp.event(site, e);
            }
            // Where the person's curation cites an article, its title shows.
            let roles = p.roles.iter().filter_map(|r| r.source.as_ref());
            let relations = p.relations.iter().filter_map(|r| r.source.as_ref());
            for s in roles.chain(relations) {
                fp.article_id(site, &s.article);
            }
            // The co-mentioned: other people named in the same articles (covered by
            // their digests), and the comparisons of those articles (curation).
            let mentions = ix.mentions_by_person.get(p.id.as_str()).map_or(0, Vec::len);
            fp.add(mentions);
            // Which of the shown articles' sentences are folded into another's: from
            // the compared pairs, which the articles' digests do not cover.
            let newest: Vec<&Article> = ix
                .person_articles(&p.id)
                .iter()
                .take(super::pages::PERSON_ARTICLES)
                .map(|(a, _)| *a)
                .collect();
            fp.pairs_among(site, &newest);
        }
        Page::Timeline => {
            for e in &b.events {
                let disputed = site
                    .analysis
                    .conflicts
                    .iter()
                    .any(|c| c.event.as_deref() == Some(e.id.as_str()));
                let disagreeing = site.analysis.disagreements.iter();
                let disagreeing = disagreeing.filter(|d| d.event == e.id).count();
                fp.add((&e.id, disputed, disagreeing));
            }
            let conflicts = ix.derived_conflicts();
            fp.add(conflicts.len());
            for c in conflicts.iter().take(super::pages::TIMELINE_CONFLICTS) {
                fp.conflict(site, c);
            }
        }
        Page::Comparison(i) => {
            let c = &b.comparisons[*i];
            for (id, _) in &c.articles {
                fp.article_id(site, id);
            }
            for claim in c.points.iter().flat_map(|p| &p.claims) {
                fp.article_id(site, &claim.article)
                    .add(claim.found.map(|f| f.paragraph));
            }
        }
        Page::Story(i) => {
            let s = &site.analysis.stories[*i];
            fp.add((&s.id, &s.title));
            for id in &s.articles {
                fp.article_id(site, id);
            }
            fp.add(&ix.pair_hashes()[*i]);
        }
        Page::Pair(s, p) => {
            let story = &site.analysis.stories[*s];
            let pair = &story.pairs[*p];
            fp.add((&story.id, &story.title))
                .article_id(site, &pair.a)
                .article_id(site, &pair.b)
                .add(ix.pair_hashes()[*s][*p]);
        }
        Page::Article(i) => {
            let a = &b.articles[*i];
            fp.article(a);
            for (s, _, p) in ix.pairs_by_article.of(&a.id).iter() {
                let story = &site.analysis.stories[*s];
                let other = if p.a == a.id { &p.b } else { &p.a };
                fp.add((&story.id, &story.title, story.articles.len()))
                    .article_id(site, other)
                    .add((p.relation as u8, p.similarity.to_bits()))
                    .add(super::pages::worth_a_page(p));
            }
        }
        Page::List(list, n) => list_fingerprint(site, list, *n, &mut fp),
        Page::DataFile(name) => data_fingerprint(site, name, &mut fp)?,
        // A file of the search index's documents: the documents it holds. (The index's
        // term files hold every document's words, and are always made.)
        Page::SearchFile(name) => {
            let places = site.index.search_places();
            let docs = super::search::count(b, site.analysis, places);
            let range = super::search::stored_in(name, docs, docs - places.quote_count())?;
            search_documents(site, range, &mut fp);
        }
        Page::Home
        | Page::Report
        | Page::DataIndex
        | Page::Feed
        | Page::PersonFeed(_)
        | Page::Sitemap
        | Page::SitemapPart(_)
        | Page::Robots => return None,
    }
    Some(fp.finish())
}

/// A file of the data exports (`render::data`): how the exports are cut, and what the
/// file's records are made from; `None` for a name that is no data file.
fn data_fingerprint(site: &Site, name: &str, fp: &mut Fingerprint) -> Option<()> {
    use super::data::{Entry, Inputs};
    let (b, ix) = (site.briefing, &site.index);
    let plan = site.data();
    fp.add(plan.limits());
    match plan.inputs(site, name)? {
        // Every other file, as its bytes and records are listed.
        Inputs::Manifest => {
            for other in plan.files().filter(|f| *f != name) {
                fp.add(fingerprint(site, &Page::DataFile(other.to_string())));
            }
        }
        Inputs::TimelineJs => {
            for s in b.events.iter().flat_map(|e| &e.sources) {
                fp.article_id(site, &s.article)
                    .add(s.found.map(|f| f.paragraph));
            }
        }
        // An article's records are made from it alone (and the people, in the salt).
        Inputs::Articles {
            articles,
            curated,
            pairs,
        } => {
            fp.add(&articles);
            for a in &b.articles[articles] {
                fp.article(a);
            }
            if curated {
                for c in &b.comparisons {
                    for (id, _) in &c.articles {
                        fp.article_id(site, id);
                    }
                    for claim in c.points.iter().flat_map(|p| &p.claims) {
                        fp.article_id(site, &claim.article)
                            .add(claim.found.map(|f| f.paragraph));
                    }
                }
            }
            for (s, p) in pairs {
                let story = &site.analysis.stories[s];
                let pair = &story.pairs[p];
                fp.add((&story.id, &story.title))
                    .article_id(site, &pair.a)
                    .article_id(site, &pair.b)
                    .add(ix.pair_hashes()[s][p]);
            }
        }
        // A person's record counts their mentions and lists their articles.
        Inputs::People(range) => {
            fp.add(&range);
            for p in &b.people[range] {
                let mentions = ix.mentions_by_person.get(p.id.as_str());
                for m in mentions.into_iter().flatten() {
                    fp.add(&*m.place.article);
                }
            }
        }
        Inputs::Timeline(entries) => {
            for entry in entries {
                match entry {
                    Entry::Curated(e) => {
                        fp.add(&e.id);
                        for s in &e.sources {
                            fp.add(s.found.map(|f| f.paragraph));
                        }
                        let conflicts = site.analysis.conflicts.iter();
                        let own = conflicts.filter(|c| c.event.as_deref() == Some(e.id.as_str()));
                        for c in own.take(1) {
                            fp.record(&c.claims);
                        }
                        let disagreements = site.analysis.disagreements.iter();
                        for d in disagreements.filter(|d| d.event == e.id) {
                            fp.record(d);
                        }
                    }
                    Entry::Found(c) => {
                        fp.record(c);
                    }
                }
            }
        }
    }
    Some(())
}

/// Search documents `docs`, in the order the index numbers them (people, articles,
/// events, comparisons, stories, quotes): what each is made from beyond the salt.
fn search_documents(site: &Site, docs: std::ops::Range<usize>, fp: &mut Fingerprint) {
    let b = site.briefing;
    // Where each kind starts: a document's number moves when an earlier kind grows.
    let starts = [
        b.people.len(),
        b.articles.len(),
        b.events.len(),
        b.comparisons.len(),
        site.analysis.stories.len(),
        site.index.search_places().quote_count(),
    ];
    fp.add(starts);
    for d in docs {
        search_document_into(site, d, fp);
    }
}

/// The key of search document `d`: a hash of what it is made from beyond the salt,
/// wherever the index numbers it. Its terms are saved under this key for the next
/// build (`search::SavedTerms`).
pub(crate) fn search_document(site: &Site, d: usize) -> u64 {
    let mut fp = Fingerprint(std::hash::DefaultHasher::new());
    search_document_into(site, d, &mut fp);
    fp.0.finish()
}

/// What search document `d` is made from beyond the salt, its kind first.
fn search_document_into(site: &Site, mut d: usize, fp: &mut Fingerprint) {
    let b = site.briefing;
    let stories = &site.analysis.stories;
    if d < b.people.len() {
        fp.add(("person", d));
        return;
    }
    d -= b.people.len();
    if let Some(a) = b.articles.get(d) {
        fp.add("article").article(a);
        return;
    }
    d -= b.articles.len();
    if let Some(e) = b.events.get(d) {
        fp.add("event").add(site.index.event_url(e));
        return;
    }
    d -= b.events.len();
    if d < b.comparisons.len() {
        fp.add(("comparison", d));
        return;
    }
    d -= b.comparisons.len();
    if let Some(s) = stories.get(d) {
        fp.add("story").add((&s.id, &s.title));
        for id in &s.articles {
            fp.article_id(site, id);
        }
        return;
    }
    d -= stories.len();
    // A quote: its place and speaker, and its article's title and date.
    fp.add("quote");
    if let Some((q, copies)) = site.index.search_places().quote(site.analysis, d) {
        fp.article_id(site, &q.place.article)
            .add((q.place.paragraph, q.place.start, q.place.end))
            .add((&q.person, &q.speaker, copies));
    }
}

/// A page of a list: which page of how many, and the items it holds.
fn list_fingerprint(site: &Site, list: &List, n: u32, fp: &mut Fingerprint) {
    let b = site.briefing;
    let ix = &site.index;
    let window = list.window(site, n);
    fp.add((list.pages(site), window.start, window.end));
    let articles = |fp: &mut Fingerprint, list: &[&Article]| {
        for a in &list[window.clone()] {
            fp.article(a);
        }
    };
    match list {
        List::Articles => articles(fp, ix.newest()),
        List::Unattributed => articles(fp, ix.unattributed()),
        List::Outlet(id) => {
            articles(
                fp,
                ix.articles_by_outlet
                    .get(id.as_str())
                    .map_or(&[], Vec::as_slice),
            );
            fp.add(ix.derived_by_outlet.get(id.as_str()).map_or(0, Vec::len));
        }
        List::OutletCopies(id) => {
            articles(
                fp,
                ix.derived_by_outlet
                    .get(id.as_str())
                    .map_or(&[], Vec::as_slice),
            );
        }
        List::People => {
            for p in &b.people[window.clone()] {
                fp.add(ix.mentions_by_person.get(p.id.as_str()).map_or(0, Vec::len));
            }
        }
        List::Outlets => {
            for o in &ix.outlets_by_name()[window.clone()] {
                fp.add(ix.articles_by_outlet.get(o.id.as_str()).map_or(0, Vec::len))
                    .add(ix.derived_by_outlet.get(o.id.as_str()).map_or(0, Vec::len));
            }
            fp.add(ix.unattributed().len());
        }
        List::Compare => {
            let curated = b.comparisons.len();
            fp.add(site.analysis.stories.len());
            for k in window.clone().filter(|&k| k >= curated) {
                let s = &site.analysis.stories[ix.stories_by_size()[k - curated]];
                fp.add((&s.id, &s.title, s.pairs.len()));
                for id in &s.articles {
                    // The outlets a story's line counts.
                    fp.add(b.article(id).and_then(|a| a.outlet.as_deref()));
                }
            }
        }
        List::PersonMentions(i) | List::PersonArticles(i) => {
            let items = ix.person_articles(&b.people[*i].id);
            for (a, count) in &items[window.clone()] {
                fp.article(a).add(count);
            }
            if let List::PersonMentions(_) = list {
                let shown: Vec<&Article> = items[window.clone()].iter().map(|(a, _)| *a).collect();
                fp.pairs_among(site, &shown);
            }
        }
        List::PersonQuotes(i) => {
            for q in &ix.person_quotes(&b.people[*i].id)[window.clone()] {
                fp.article_id(site, &q.place.article)
                    .add((q.place.paragraph, q.place.start));
            }
        }
        List::PersonEvents(i) => {
            let events = ix.events_by_person.get(b.people[*i].id.as_str());
            for e in &events.map_or(&[][..], Vec::as_slice)[window.clone()] {
                fp.event(site, e);
            }
        }
        List::StoryMembers(i) => {
            let s = &site.analysis.stories[*i];
            fp.add((&s.id, &s.title));
            for id in &s.articles[window.clone()] {
                fp.article_id(site, id);
            }
        }
        List::StoryPairs(i) => {
            let s = &site.analysis.stories[*i];
            fp.add((&s.id, &s.title));
            for p in &s.pairs[window.clone()] {
                fp.article_id(site, &p.a)
                    .article_id(site, &p.b)
                    .add((
                        p.relation as u8,
                        p.similarity.to_bits(),
                        p.differences.len(),
                    ))
                    .add(super::pages::worth_a_page(p));
            }
        }
        List::Period(year, month) => {
            for e in &ix.period(*year, *month)[window.clone()] {
                fp.event(site, e);
            }
            if *month == 0 {
                fp.add(ix.months_of(*year));
                for e in ix.year_events(*year) {
                    fp.add(ix.event_url(e));
                }
            }
        }
        List::Conflicts => {
            for c in &ix.derived_conflicts()[window.clone()] {
                fp.conflict(site, c);
            }
        }
    }
}

/// What an edit of some articles may show on: the pages of these people, articles,
/// comparisons, stories and outlets, and the timeline. Collected from the content and
/// analysis both before and after the edit, so that what an article stops showing on is
/// re-rendered too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affected {
    pub articles: BTreeSet<String>,
    pub people: BTreeSet<String>,
    pub comparisons: BTreeSet<String>,
    pub stories: BTreeSet<String>,
    pub outlets: BTreeSet<String>,
    pub timeline: bool,
}

impl Affected {
    /// Adds what the articles `ids` reach in one state of the briefing.
    pub fn add(&mut self, ids: &BTreeSet<String>, b: &Briefing, a: &Analysis) {
        let cites = |s: &SourceRef| ids.contains(&s.article);
        let in_ids = |article: &String| ids.contains(article);
        self.articles.extend(ids.iter().cloned());
        for article in ids.iter().filter_map(|id| b.article(id)) {
            let outlets = article.outlet.iter().chain(&article.derived_from);
            self.outlets.extend(outlets.cloned());
        }
        // Person pages list the mentions and quotes found in the article…
        for id in ids {
            for m in a.mentions.of(id) {
                self.people.extend(m.person.iter().map(|p| p.to_string()));
                self.people.extend(m.candidates.iter().cloned());
            }
            for q in a.quotes.of(id) {
                self.people.extend(q.person.iter().map(|p| p.to_string()));
            }
        }
        // …and every curated citation of it shows its title.
        for p in &b.people {
            let roles = p.roles.iter().filter_map(|r| r.source.as_ref());
            let relations = p.relations.iter().filter_map(|r| r.source.as_ref());
            if roles.chain(relations).any(cites) {
                self.people.insert(p.id.clone());
            }
        }
        let mut conflicted = BTreeSet::new();
        for c in &a.conflicts {
            if c.claims.iter().any(|cl| in_ids(&cl.article)) {
                self.timeline = true;
                conflicted.extend(c.event.as_deref());
            }
        }
        // An event shows on the timeline and on the page of each of its people.
        for e in &b.events {
            if e.sources.iter().any(cites) || conflicted.contains(e.id.as_str()) {
                self.timeline = true;
                self.people.extend(e.people.iter().map(|(p, _)| p.clone()));
            }
        }
        for c in &b.comparisons {
            let listed = c.articles.iter().any(|(x, _)| in_ids(x));
            let claims = c.points.iter().flat_map(|p| &p.claims).any(cites);
            if listed || claims {
                self.comparisons.insert(c.id.clone());
            }
        }
        // A story's page shows all its articles, and each of them links to the others.
        for s in &a.stories {
            if s.articles.iter().any(in_ids) {
                self.stories.insert(s.id.clone());
                self.articles.extend(s.articles.iter().cloned());
            }
        }
    }

    /// Whether `page` of the site made from `b` and `a` may have changed.
    pub fn wants(&self, page: &Page, b: &Briefing, a: &Analysis) -> bool {
        match page {
            Page::Timeline | Page::TimelineAnchors => self.timeline,
            Page::Person(i) | Page::PersonFeed(i) => self.people.contains(&b.people[*i].id),
            Page::Comparison(i) => self.comparisons.contains(&b.comparisons[*i].id),
            Page::Story(i) | Page::Pair(i, _) => self.stories.contains(&a.stories[*i].id),
            Page::Article(i) => self.articles.contains(&b.articles[*i].id),
            Page::List(list, _) => match list {
                List::Outlet(id) | List::OutletCopies(id) => self.outlets.contains(id),
                List::PersonMentions(i)
                | List::PersonArticles(i)
                | List::PersonQuotes(i)
                | List::PersonEvents(i) => self.people.contains(&b.people[*i].id),
                List::StoryMembers(i) | List::StoryPairs(i) => {
                    self.stories.contains(&a.stories[*i].id)
                }
                List::Period(..) | List::Conflicts => self.timeline,
                // The indexes of every article, person, outlet and story.
                List::Articles
                | List::People
                | List::Outlets
                | List::Unattributed
                | List::Compare => true,
            },
            // The config, the theme: what a plan that renders every page changes.
            Page::NotFound | Page::Static(_) | Page::Robots => false,
            // The indexes, the data exports, the search index (its files are numbered,
            // so one article more renumbers them), and any kind of page added later:
            // they may list anything.
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pairs_hashes_are_the_analysis_s_or_made_where_it_gives_none() {
        let dir = crate::testing::default_briefing();
        let loaded = crate::load::briefing(dir.path()).unwrap();
        let mut analysis = crate::analyse::run(&loaded.briefing);
        let known = super::pair_hashes(&analysis);
        assert!(known.iter().any(|h| !h.is_empty()));
        assert_eq!(known, analysis.pair_hashes);
        // An analysis put together without them: each pair hashed from its record.
        analysis.pair_hashes.clear();
        assert_eq!(super::pair_hashes(&analysis), known);
        analysis.pair_hashes = vec![vec![]; analysis.stories.len()];
        assert_eq!(super::pair_hashes(&analysis), known);
    }

    /// How long fingerprinting every page of a large briefing takes (set
    /// `BRIEFING_FINGERPRINT_ROOT`); prints, asserts nothing.
    #[test]
    #[ignore = "a measurement"]
    fn fingerprint_cost() {
        crate::testing::measured_site("BRIEFING_FINGERPRINT_ROOT", |site| {
            fingerprint_cost_of(site)
        });
    }

    fn fingerprint_cost_of(site: &crate::render::Site) {
        let started = std::time::Instant::now();
        let mut by_kind: std::collections::BTreeMap<&str, (usize, std::time::Duration)> =
            Default::default();
        for page in site.main_pages() {
            let t = std::time::Instant::now();
            let _ = super::fingerprint(site, page);
            let e = by_kind.entry(page.kind()).or_default();
            e.0 += 1;
            e.1 += t.elapsed();
        }
        eprintln!("all: {:?}", started.elapsed());
        for (k, (n, d)) in by_kind {
            eprintln!("{k:20} {n:6} {d:?}");
        }
    }
}

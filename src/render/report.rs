//! The *report* is the briefing as one printable document at `/report/`: a cover, the
//! *key judgments* (who matters, what the sources dispute, which stories matter most,
//! each with its evidence cited), the contents, then *bounded sections* — the featured
//! people's profiles and the most-mentioned people, the timeline, the comparisons and
//! the stories found, the differences between sources — and the numbered list of the
//! sources its citations point to. Each section shows its first few by a stated rule
//! and counts the rest, with the address on the site that lists them, so that the
//! report of 30,000 articles about one affair is as long as that of 1,000. Print CSS
//! turns it into paper (or PDF, with `briefing build --pdf`): page breaks, no
//! navigation, the address after each external link, legible in black and white.
//!
//! Its date is the date of the newest article or event, never the clock, so the same
//! briefing prints the same report; `SOURCE_DATE_EPOCH`, when set, dates it instead, as
//! reproducible builds expect.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use tera::Context;

use self::rank::{
    Dispute, DisputeKind, Renown, StoryRank, chosen_comparisons, chosen_events, disputes,
    rank_stories, renown,
};
use super::i18n::Words;
use super::pages::{relation_id, relation_text, verdict_text};
use super::urls;
use super::view::{escape, published_words};
use super::{Site, charts};
use crate::analyse::{DifferenceKind, Pair, Relation, Story};
use crate::content::{Article, Briefing, Comparison, Event, SourceRef};
use crate::error::Failure;
use crate::markdown::{curated_html, curated_inline};

mod rank;

/// How much of each section the report shows; the site lists the rest. Together they
/// bound the report whatever the size of the briefing (its bytes and printed pages at
/// each size are in docs/performance.md).
mod bounds {
    /// People in the key judgments: the featured ones, then the most mentioned.
    pub const KEY_PEOPLE: usize = 6;
    /// Disputes of each kind in the key judgments.
    pub const KEY_DISPUTES: usize = 2;
    pub const KEY_STORIES: usize = 5;
    /// Characters of a passage quoted in the key judgments.
    pub const KEY_QUOTE: usize = 140;
    /// Rows of the table of the most-mentioned people.
    pub const PEOPLE: usize = 15;
    /// Outlets named in a featured person's count of mentions.
    pub const OUTLETS_PER_PERSON: usize = 8;
    pub const QUOTES_PER_PERSON: usize = 6;
    pub const EVENTS: usize = 40;
    /// Passages quoted for one event or one point of a comparison.
    pub const PASSAGES: usize = 4;
    pub const COMPARISONS: usize = 10;
    pub const STORIES: usize = 8;
    /// Of each story: articles cited, outlets named, pairs and differences shown.
    pub const STORY_ARTICLES: usize = 5;
    pub const STORY_OUTLETS: usize = 5;
    pub const STORY_PAIRS: usize = 4;
    pub const STORY_DIFFERENCES: usize = 3;
    /// Differences of each kind in their chapter.
    pub const DISPUTES: usize = 6;
    /// Sources cited for one side of a difference, and for one passage.
    pub const CITES_PER_SIDE: usize = 2;
    pub const CITES_PER_PASSAGE: usize = 3;
    /// Outlets, as columns of the chart of which outlet reported which story.
    pub const COVERAGE_OUTLETS: usize = 8;
    /// Up to this many articles every one is listed as a source, cited or not.
    pub const ALL_SOURCES: usize = 100;
}

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

/// The template of one found story in the report.
const STORY: &str = "partials/report-story.html";

// ---------------------------------------------------------------- words

/// A relation counted in the site's language: "3 light edits".
fn relations_counted(w: &Words, r: Relation, n: usize) -> String {
    w.count(&format!("report.relations_of.{}", relation_id(r)), n)
}

// ---------------------------------------------------------------- citations

/// The sources the report cites, recorded as its sections are made, and numbered once
/// all are known: only the cited ones are listed (but every one of a small briefing).
/// A citation takes its number from here when it is written into the page.
#[derive(Default)]
struct Numbers<'v> {
    cited: RefCell<BTreeSet<&'v str>>,
    numbers: OnceCell<BTreeMap<&'v str, usize>>,
}

/// A citation: a quoted passage (or none), the source it is from and where in it.
/// Written as its `quote`, `number`, `anchor` (in the list of sources) and `paragraph`.
#[derive(Clone, Copy)]
struct Cite<'v> {
    numbers: &'v Numbers<'v>,
    quote: &'v str,
    source: &'v str,
    paragraph: Option<usize>,
}

impl Serialize for Cite<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let number = self.numbers.numbers.get().and_then(|n| n.get(self.source));
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("quote", self.quote)?;
        map.serialize_entry("number", &number)?;
        map.serialize_entry("anchor", &format!("#source-{}", self.source))?;
        map.serialize_entry("paragraph", &self.paragraph)?;
        map.end()
    }
}

impl<'v> Numbers<'v> {
    fn cite(&'v self, source: &'v str, quote: &'v str, paragraph: Option<usize>) -> Cite<'v> {
        self.cited.borrow_mut().insert(source);
        Cite {
            numbers: self,
            quote,
            source,
            paragraph,
        }
    }

    fn article(&'v self, a: &'v Article) -> Cite<'v> {
        self.cite(&a.id, "", None)
    }

    fn source(&'v self, s: &'v SourceRef) -> Cite<'v> {
        self.cite(&s.article, &s.quote, s.found.map(|f| f.paragraph))
    }

    /// Numbers the sources, once every citation is made: every article of a small
    /// briefing ([`bounds::ALL_SOURCES`]), else the cited ones, oldest first, then by
    /// id. Returns them in that order.
    fn number(&'v self, b: &'v Briefing) -> Vec<&'v Article> {
        let mut list: Vec<&Article> = if b.articles.len() <= bounds::ALL_SOURCES {
            b.articles.iter().collect()
        } else {
            let cited = self.cited.borrow();
            cited.iter().filter_map(|id| b.article(id)).collect()
        };
        list.sort_by(|x, y| (x.published.sort_key(), &x.id).cmp(&(y.published.sort_key(), &y.id)));
        let numbers = list
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i + 1))
            .collect();
        let _ = self.numbers.set(numbers);
        list
    }
}

/// A passage and every source that has it: copies of one report quote a curated
/// passage word for word, and the report prints it once.
#[derive(Serialize)]
struct Passage<'v> {
    quote: &'v str,
    /// Its first sources.
    cites: Vec<Cite<'v>>,
    /// How many more have it, in words ("and 3 others").
    more: Option<String>,
    /// The same as a count, while the passages are gathered.
    #[serde(skip)]
    uncited: usize,
}

/// Passages, each with the sources that have it (a quote, a source and a paragraph
/// each), in the order each is first cited: the first `limit` with their first few
/// sources cited, and how many sources have other passages, not cited.
fn passages<'v>(
    w: &Words,
    quoted: impl IntoIterator<Item = (&'v str, &'v str, Option<usize>)>,
    limit: usize,
    cites: &'v Numbers<'v>,
) -> (Vec<Passage<'v>>, Option<String>) {
    let mut out: Vec<Passage> = Vec::new();
    let mut left = 0;
    for (quote, source, paragraph) in quoted {
        let room = out.len() < limit;
        match out.iter_mut().find(|p| p.quote == quote) {
            Some(p) if p.cites.len() < bounds::CITES_PER_PASSAGE => {
                p.cites.push(cites.cite(source, quote, paragraph));
            }
            Some(p) => p.uncited += 1,
            None if room => out.push(Passage {
                quote,
                cites: vec![cites.cite(source, quote, paragraph)],
                more: None,
                uncited: 0,
            }),
            None => left += 1,
        }
    }
    for p in &mut out {
        p.more = and_more(w, p.uncited, 0, "others");
    }
    (out, and_more(w, left, 0, "sources"))
}

/// A curated citation as [`passages`] takes it.
fn quoted(s: &SourceRef) -> (&str, &str, Option<usize>) {
    (&s.quote, &s.article, s.found.map(|f| f.paragraph))
}

/// "and 4,812 more articles: see /articles/", with the link.
#[derive(Serialize)]
struct More {
    count: String,
    href: String,
    address: String,
    /// The sentence around them (`report.see`): a component sees only its arguments.
    see: &'static str,
}

/// `what` is a key of `report.more`.
fn more(site: &Site, root: &str, left: usize, what: &str, page: &str) -> Option<More> {
    (left > 0).then(|| More {
        count: site.words.count(&format!("report.more.{what}"), left),
        href: format!("{root}{page}"),
        address: format!("{}{page}", site.options.base_url),
        see: site.words.get("report.see"),
    })
}

/// "and 3 others", when some are left out; `what` is a key of `report.and`.
fn and_more(w: &Words, total: usize, shown: usize, what: &str) -> Option<String> {
    (total > shown).then(|| w.count(&format!("report.and.{what}"), total - shown))
}

// ---------------------------------------------------------------- views

#[derive(Serialize)]
struct PersonLine<'v> {
    name: &'v str,
    title: Option<&'v str>,
    featured: bool,
    /// `#person-…` for a featured person, whose profile is in the report.
    anchor: Option<String>,
    url: String,
    mentions: String,
    /// The number of mentions alone, for a table.
    count: String,
    reach: String,
    articles: String,
    outlets: String,
    first: Option<Dated<'v>>,
    latest: Option<Dated<'v>>,
}

/// A source cited for its date.
#[derive(Serialize)]
struct Dated<'v> {
    date: String,
    cite: Cite<'v>,
}

fn person_line<'v>(
    w: &Words,
    r: &'v Renown<'v>,
    root: &str,
    cites: &'v Numbers<'v>,
) -> PersonLine<'v> {
    let p = r.person;
    let dated = |a: &'v Article| Dated {
        date: published_words(w, &a.published),
        cite: cites.article(a),
    };
    let latest = r.latest.filter(|l| r.first.is_none_or(|f| f.id != l.id));
    PersonLine {
        name: &p.name,
        title: p.titles.first().map(String::as_str),
        featured: r.featured,
        anchor: r.featured.then(|| format!("#person-{}", p.id)),
        url: format!("{root}{}", urls::person(&p.id)),
        mentions: w.count("report.n.mentions", r.mentions),
        count: w.number(r.mentions),
        reach: r.reach.words(w),
        articles: w.number(r.reach.articles),
        outlets: w.number(r.reach.outlets),
        first: r.first.map(dated),
        latest: latest.map(dated),
    }
}

/// One version of a dispute as shown: the passage and its first few sources.
#[derive(Serialize)]
struct SaidView<'v> {
    quote: Cow<'v, str>,
    date: Option<&'v str>,
    cites: Vec<Cite<'v>>,
    /// The sources that say it too, not cited.
    more: Option<String>,
}

#[derive(Serialize)]
struct DisputeView<'v> {
    kind: &'static str,
    /// What differs, in a few words ("32 vs at least 32"), when the versions do not
    /// say it themselves.
    what: Option<&'v str>,
    /// Where it is: the story or event, in the report or on the site; empty in the
    /// story's own section.
    context: &'v str,
    /// What comes between what differs and where (`report.in`, ", in").
    within: &'static str,
    href: String,
    /// For an event: the date the timeline gives it.
    note: Option<String>,
    reach: String,
    sides: Vec<SaidView<'v>>,
}

/// What of the site the report shows, to link within it or out to the site.
struct Shown<'v> {
    root: &'v str,
    events: BTreeSet<&'v str>,
    stories: BTreeSet<usize>,
}

/// A dispute as shown, each version's passage cut to `quote_length` characters when
/// given (the key judgments are a summary).
fn dispute_view<'v, 'a: 'v>(
    site: &Site<'a>,
    d: &'v Dispute<'v>,
    shown: &Shown,
    quote_length: Option<usize>,
    cites: &'v Numbers<'v>,
) -> DisputeView<'v> {
    let b = site.briefing;
    let w = &site.words;
    let root = shown.root;
    let (context, href, note) = match (d.story, d.event) {
        (Some(i), _) => {
            let s = &site.analysis.stories[i];
            let href = if shown.stories.contains(&i) {
                format!("#{}", story_anchor(s))
            } else {
                format!("{root}{}", urls::comparison(&s.id))
            };
            (s.title.as_str(), href, None)
        }
        (None, Some(e)) => {
            let href = if shown.events.contains(e.id.as_str()) {
                format!("#event-{}", e.id)
            } else {
                format!("{root}{}", site.index.event_url(e))
            };
            // Against a date the sources give differently, the timeline's own.
            let date = e.display.clone().unwrap_or_else(|| w.edtf(&e.date));
            let note = (d.kind == DisputeKind::EventDate)
                .then(|| w.say("report.timeline_gives", None, &[("date", &date)]));
            (e.title.as_str(), href, note)
        }
        (None, None) => ("", String::new(), None),
    };
    let sides = d
        .sides
        .iter()
        .map(|s| {
            // The earliest sources of a version: the one it started from, first.
            let mut places: Vec<&(&str, usize)> = s.places.iter().collect();
            places.sort_by_key(|(a, _)| b.article(a).map(|a| a.published.sort_key()));
            let cited = places
                .iter()
                .take(bounds::CITES_PER_SIDE)
                .map(|(a, p)| cites.cite(a, "", Some(*p)))
                .collect();
            SaidView {
                quote: match quote_length {
                    Some(max) => Cow::Owned(super::meta::shorten(s.text, max)),
                    None => Cow::Borrowed(s.text),
                },
                date: s.date.as_deref(),
                cites: cited,
                more: and_more(w, places.len(), bounds::CITES_PER_SIDE, "others"),
            }
        })
        .collect();
    DisputeView {
        kind: w.get(&format!("report.kind.{}", d.kind.key())),
        // A quote's two versions say what differs.
        what: matches!(d.kind, DisputeKind::Number | DisputeKind::Date).then_some(&*d.summary),
        context,
        within: w.get("report.in"),
        href,
        note,
        reach: d.reach.words(w),
        sides,
    }
}

fn story_anchor(s: &Story) -> String {
    format!("story-{}", escape(&s.id))
}

/// A found story in a line: what it is and how widely it was told.
#[derive(Serialize)]
struct StoryLine<'v> {
    anchor: String,
    title: &'v str,
    url: String,
    reach: String,
    span: String,
    disputes: String,
    /// Its first articles.
    cites: Vec<Cite<'v>>,
}

fn story_line<'v, 'a: 'v>(
    site: &Site<'a>,
    r: &StoryRank,
    root: &str,
    cites: &'v Numbers<'v>,
    limit: usize,
) -> StoryLine<'v> {
    let b = site.briefing;
    let w = &site.words;
    let s = &site.analysis.stories[r.index];
    let mut articles: Vec<&Article> = s.articles.iter().filter_map(|a| b.article(a)).collect();
    articles.sort_by(|x, y| (x.published.sort_key(), &x.id).cmp(&(y.published.sort_key(), &y.id)));
    let span = match (articles.first(), articles.last()) {
        (Some(f), Some(l)) => w.span(f.published.date, l.published.date),
        _ => String::new(),
    };
    StoryLine {
        anchor: story_anchor(s),
        title: &s.title,
        url: format!("{root}{}", urls::comparison(&s.id)),
        reach: r.reach.words(w),
        span,
        disputes: w.count("report.n.differences", r.disputes),
        cites: articles
            .iter()
            .take(limit)
            .map(|a| cites.article(a))
            .collect(),
    }
}

/// A found story as its section shows it.
#[derive(Serialize)]
struct StoryView<'v> {
    /// Its place in the chapter, from 1.
    number: usize,
    #[serde(flatten)]
    line: StoryLine<'v>,
    more_articles: Option<String>,
    /// The outlets that told it, the most articles first.
    by_outlet: Vec<(&'v str, usize)>,
    more_outlets: Option<String>,
    relations: String,
    pairs: Vec<PairView<'v>>,
    more_pairs: Option<String>,
    only_in: Option<String>,
    differences: Vec<DisputeView<'v>>,
    more_differences: Option<String>,
}

#[derive(Serialize)]
struct PairView<'v> {
    a: Cite<'v>,
    b: Cite<'v>,
    relation: &'static str,
    similarity: String,
    differences: String,
}

/// Articles by outlet name, the most first; articles without an outlet as
/// "outlet not stated".
fn by_outlet<'v>(
    b: &'v Briefing,
    w: &Words,
    articles: impl Iterator<Item = &'v str>,
) -> Vec<(&'v str, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles.filter_map(|a| b.article(a)) {
        let outlet = a.outlet.as_ref().and_then(|o| b.outlets.get(o));
        *counts
            .entry(outlet.map_or(w.get("report.outlet_not_stated"), |o| o.name.as_str()))
            .or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
    counts
}

fn story_view<'v, 'a: 'v>(
    site: &Site<'a>,
    place: usize,
    r: &StoryRank,
    all: &'v [Dispute<'v>],
    shown: &Shown,
    cites: &'v Numbers<'v>,
) -> StoryView<'v> {
    let w = &site.words;
    let s = &site.analysis.stories[r.index];
    let line = story_line(site, r, shown.root, cites, bounds::STORY_ARTICLES);
    let mut outlets = by_outlet(site.briefing, w, s.articles.iter().map(String::as_str));
    let more_outlets = and_more(w, outlets.len(), bounds::STORY_OUTLETS, "outlets");
    outlets.truncate(bounds::STORY_OUTLETS);
    let mut relations: BTreeMap<u8, (Relation, usize)> = BTreeMap::new();
    let mut only_in = 0;
    for p in &s.pairs {
        relations
            .entry(p.relation as u8)
            .or_insert((p.relation, 0))
            .1 += 1;
        only_in += p.differences.len() - substance(p);
    }
    let relations = relations
        .into_values()
        .map(|(r, n)| relations_counted(w, r, n))
        .collect::<Vec<_>>()
        .join(", ");
    // The pairs with the most differences of substance, the closest first among equals.
    let mut pairs: Vec<&Pair> = s.pairs.iter().map(AsRef::as_ref).collect();
    pairs.sort_by(|x, y| {
        substance(y)
            .cmp(&substance(x))
            .then(y.similarity.total_cmp(&x.similarity))
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    let pair_views = pairs
        .iter()
        .take(bounds::STORY_PAIRS)
        .map(|p| PairView {
            a: cites.cite(&p.a, "", None),
            b: cites.cite(&p.b, "", None),
            relation: relation_text(w, p.relation),
            similarity: format!("{:.0}%", (p.similarity * 100.0).clamp(0.0, 100.0)),
            differences: w.say(
                "report.pair_differences",
                None,
                &[
                    (
                        "differences",
                        &w.count("report.n.differences", substance(p)),
                    ),
                    (
                        "statements",
                        &w.count("report.n.statements", p.differences.len() - substance(p)),
                    ),
                ],
            ),
        })
        .collect();
    let own: Vec<&Dispute> = all.iter().filter(|d| d.story == Some(r.index)).collect();
    StoryView {
        number: place,
        more_articles: and_more(w, s.articles.len(), line.cites.len(), "articles"),
        line,
        by_outlet: outlets,
        more_outlets,
        relations,
        pairs: pair_views,
        more_pairs: and_more(w, s.pairs.len(), bounds::STORY_PAIRS, "pairs"),
        only_in: (only_in > 0).then(|| w.count("report.n.statements", only_in)),
        more_differences: and_more(w, own.len(), bounds::STORY_DIFFERENCES, "more"),
        differences: own
            .into_iter()
            .take(bounds::STORY_DIFFERENCES)
            .map(|d| DisputeView {
                // In its own story's section, the story goes without saying.
                context: "",
                ..dispute_view(site, d, shown, None, cites)
            })
            .collect(),
    }
}

/// Differences of a pair other than statements in one source only.
fn substance(p: &Pair) -> usize {
    p.differences
        .iter()
        .filter(|d| d.kind != DifferenceKind::OnlyIn)
        .count()
}

/// One section of the differences chapter: the first few of a kind, and the count.
#[derive(Serialize)]
struct DisputeSection<'v> {
    anchor: &'static str,
    heading: &'static str,
    total: String,
    /// The same, as a number, to choose the words' plural.
    count: usize,
    /// Whether only some are shown.
    some: bool,
    items: Vec<DisputeView<'v>>,
}

#[derive(Serialize)]
struct Profile<'v> {
    id: &'v str,
    anchor: String,
    name: &'v str,
    titles: &'v [String],
    aliases: &'v [String],
    summary: String,
    roles: Vec<RoleView<'v>>,
    relations: Vec<RelationView<'v>>,
    mentions: String,
    articles: String,
    by_outlet: Vec<(&'v str, usize)>,
    more_outlets: Option<String>,
    quotes: Vec<Passage<'v>>,
}

#[derive(Serialize)]
struct RoleView<'v> {
    title: &'v str,
    from: Option<String>,
    to: Option<String>,
    cite: Option<Cite<'v>>,
}

#[derive(Serialize)]
struct RelationView<'v> {
    name: &'v str,
    anchor: Option<String>,
    kind: &'v str,
    cite: Option<Cite<'v>>,
}

/// The featured people's profiles.
fn profiles<'v, 'a: 'v>(
    site: &Site<'a>,
    renown: &'v [Renown<'v>],
    cites: &'v Numbers<'v>,
) -> Vec<Profile<'v>> {
    let b = site.briefing;
    let w = &site.words;
    renown
        .iter()
        .filter(|r| r.featured)
        .map(|r| {
            let p = r.person;
            let mentions = site.index.mentions_by_person.get(p.id.as_str());
            let mentions = mentions.map_or(&[][..], Vec::as_slice);
            let mut outlets = by_outlet(b, w, mentions.iter().map(|m| m.place.article.as_ref()));
            let more_outlets = and_more(w, outlets.len(), bounds::OUTLETS_PER_PERSON, "outlets");
            outlets.truncate(bounds::OUTLETS_PER_PERSON);
            // The same words quoted by many copies of a report are one quote; the
            // first few found.
            let found = site.index.quotes_by_person.get(p.id.as_str());
            let found = found.into_iter().flatten().map(|q| {
                let text = b.article(&q.place.article).map_or("", |a| q.place.text(a));
                (text, q.place.article.as_ref(), Some(q.place.paragraph))
            });
            let (quotes, _) = passages(w, found, bounds::QUOTES_PER_PERSON, cites);
            Profile {
                id: &p.id,
                anchor: format!("person-{}", p.id),
                name: &p.name,
                titles: &p.titles,
                aliases: &p.aliases,
                summary: curated_html(&p.summary),
                roles: p
                    .roles
                    .iter()
                    .map(|role| RoleView {
                        title: &role.title,
                        from: role.from.as_ref().map(|d| w.edtf(d)),
                        to: role.to.as_ref().map(|d| w.edtf(d)),
                        cite: role.source.as_ref().map(|s| cites.source(s)),
                    })
                    .collect(),
                relations: p
                    .relations
                    .iter()
                    .filter_map(|rel| {
                        let other = b.person(&rel.person)?;
                        let featured = b.config.featured.contains(&other.id);
                        Some(RelationView {
                            name: &other.name,
                            anchor: featured.then(|| format!("#person-{}", other.id)),
                            kind: &rel.kind,
                            cite: rel.source.as_ref().map(|s| cites.source(s)),
                        })
                    })
                    .collect(),
                mentions: w.count("report.n.mentions", r.mentions),
                articles: w.count("report.n.articles", r.reach.articles),
                by_outlet: outlets,
                more_outlets,
                quotes,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Year<'v> {
    year: i32,
    events: Vec<EventView<'v>>,
}

#[derive(Serialize)]
struct EventView<'v> {
    anchor: String,
    date: String,
    date_iso: &'v str,
    title: &'v str,
    people: Vec<&'v str>,
    summary: String,
    sources: Vec<Passage<'v>>,
    more_sources: Option<String>,
    /// When the sources date it differently: what each says.
    conflict: Option<Vec<Claim<'v>>>,
}

#[derive(Serialize)]
struct Claim<'v> {
    cite: Cite<'v>,
    date: String,
}

fn timeline<'v, 'a: 'v>(
    site: &Site<'a>,
    events: &[&'v Event],
    disputed: &HashMap<&str, &'v Dispute<'v>>,
    cites: &'v Numbers<'v>,
) -> Vec<Year<'v>> {
    let b = site.briefing;
    let w = &site.words;
    let mut years: Vec<Year> = Vec::new();
    for e in events {
        // Each source's claim is a side of the event's dispute, at one place.
        let conflict = disputed.get(e.id.as_str()).map(|d| {
            d.sides
                .iter()
                .flat_map(|side| {
                    side.places.iter().map(|(article, paragraph)| Claim {
                        cite: cites.cite(article, side.text, Some(*paragraph)),
                        date: side.date.clone().unwrap_or_default(),
                    })
                })
                .collect()
        });
        let (sources, more_sources) =
            passages(w, e.sources.iter().map(quoted), bounds::PASSAGES, cites);
        let view = EventView {
            anchor: format!("event-{}", e.id),
            date: e.display.clone().unwrap_or_else(|| w.edtf(&e.date)),
            date_iso: &e.date.text,
            title: &e.title,
            people: e
                .people
                .iter()
                .filter_map(|(p, _)| b.person(p))
                .map(|p| p.name.as_str())
                .collect(),
            summary: curated_html(&e.summary),
            sources,
            more_sources,
            conflict,
        };
        let year = chrono::Datelike::year(&e.date.start);
        match years.last_mut() {
            Some(y) if y.year == year => y.events.push(view),
            _ => years.push(Year {
                year,
                events: vec![view],
            }),
        }
    }
    years
}

#[derive(Serialize)]
struct ComparisonView<'v> {
    anchor: String,
    title: &'v str,
    summary: String,
    articles: Vec<Cite<'v>>,
    points: Vec<PointView<'v>>,
}

#[derive(Serialize)]
struct PointView<'v> {
    topic: String,
    verdict: &'static str,
    verdict_words: &'static str,
    claims: Vec<Passage<'v>>,
    more_claims: Option<String>,
    note: String,
}

fn comparison_views<'v>(
    w: &Words,
    comparisons: &[&'v Comparison],
    cites: &'v Numbers<'v>,
) -> Vec<ComparisonView<'v>> {
    comparisons
        .iter()
        .map(|c| ComparisonView {
            anchor: format!("comparison-{}", c.id),
            title: &c.title,
            summary: curated_html(&c.summary),
            articles: c
                .articles
                .iter()
                .map(|(a, _)| cites.cite(a, "", None))
                .collect(),
            points: c
                .points
                .iter()
                .map(|p| {
                    let (claims, more_claims) =
                        passages(w, p.claims.iter().map(quoted), bounds::PASSAGES, cites);
                    PointView {
                        topic: curated_inline(&p.topic),
                        verdict: p.verdict.as_str(),
                        verdict_words: verdict_text(w, p.verdict),
                        claims,
                        more_claims,
                        note: curated_html(&p.note),
                    }
                })
                .collect(),
        })
        .collect()
}

/// One entry of the numbered list of sources.
#[derive(Serialize)]
struct Source<'v> {
    number: usize,
    id: &'v str,
    title: &'v str,
    outlet: Option<&'v str>,
    derived_from: Option<&'v str>,
    published: String,
    published_words: String,
    author: Option<&'v str>,
    url: Option<&'v str>,
    page: String,
    paragraphs: usize,
}

fn sources<'v>(b: &'v Briefing, w: &Words, listed: &[&'v Article], root: &str) -> Vec<Source<'v>> {
    let name = |o: &Option<String>| {
        o.as_ref()
            .and_then(|o| b.outlets.get(o))
            .map(|o| o.name.as_str())
    };
    listed
        .iter()
        .enumerate()
        .map(|(i, a)| Source {
            number: i + 1,
            id: &a.id,
            title: &a.title,
            outlet: name(&a.outlet),
            derived_from: name(&a.derived_from),
            published: a.published.iso(),
            published_words: published_words(w, &a.published),
            author: a.author.as_deref(),
            url: a.url.as_deref().filter(|u| crate::markdown::safe_url(u)),
            page: format!("{root}{}", urls::article(&a.id)),
            paragraphs: a.paragraph_count(),
        })
        .collect()
}

/// The key judgments: who matters, what is disputed, which stories matter most.
#[derive(Serialize)]
struct Judgments<'v> {
    people: Vec<PersonLine<'v>>,
    disputes: Vec<DisputeView<'v>>,
    stories: Vec<StoryLine<'v>>,
}

pub(crate) fn page(site: &Site, root: &str, ctx: &mut Context) -> Result<&'static str, Failure> {
    let b = site.briefing;
    let w = &site.words;
    let newest_day = newest(b);
    let date = report_date(
        newest_day,
        std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
    );
    let outlets = super::view::outlets_published(b);
    ctx.insert(
        "title",
        &w.say("report.title", None, &[("title", &b.config.title)]),
    );
    ctx.insert("section", "report");
    ctx.insert(
        "cover",
        &json!({
            "title": b.config.title,
            "description": b.config.description,
            "date": date.map(|d| w.day(d)),
            "date_iso": date.map(|d| d.to_string()),
            "newest": newest_day.map(|d| w.day(d)),
            "articles": w.count("report.n.articles", b.articles.len()),
            "outlets": w.count("report.n.outlets", outlets),
            "events": w.count("report.n.events", b.events.len()),
            "people": w.count("report.n.people", b.people.len()),
            "url": site.options.base_url,
        }),
    );

    // What to show: ranked once; each section takes its first few.
    let renown = renown(site);
    let disputes = disputes(b, site.analysis, w);
    let stories = rank_stories(b, site.analysis, &disputes);
    let dated_differently: HashMap<&str, &Dispute> = disputes
        .iter()
        .filter(|d| d.kind == DisputeKind::EventDate)
        .filter_map(|d| d.event.map(|e| (e.id.as_str(), d)))
        .collect();
    // Disputed events come first, whatever their sources dispute.
    let disputed_events = disputes
        .iter()
        .filter_map(|d| d.event.map(|e| e.id.as_str()))
        .collect();
    let events = chosen_events(b, &disputed_events);
    let comparisons = chosen_comparisons(b);
    let shown = Shown {
        root,
        events: events.iter().map(|e| e.id.as_str()).collect(),
        stories: stories
            .iter()
            .take(bounds::STORIES)
            .map(|r| r.index)
            .collect(),
    };
    let cites = Numbers::default();
    let key = Judgments {
        people: renown
            .iter()
            .enumerate()
            .take_while(|(i, r)| r.featured || *i < bounds::KEY_PEOPLE)
            .map(|(_, r)| person_line(w, r, root, &cites))
            .collect(),
        disputes: DisputeKind::ALL
            .into_iter()
            .flat_map(|kind| {
                let of_kind = disputes.iter().filter(move |d| d.kind == kind);
                of_kind.take(bounds::KEY_DISPUTES)
            })
            .map(|d| dispute_view(site, d, &shown, Some(bounds::KEY_QUOTE), &cites))
            .collect(),
        stories: stories
            .iter()
            .take(bounds::KEY_STORIES)
            .map(|r| story_line(site, r, root, &cites, 2))
            .collect(),
    };
    let profiles = profiles(site, &renown, &cites);
    let named = renown.iter().filter(|r| r.mentions > 0);
    let mut most: Vec<&Renown> = named.clone().collect();
    most.sort_by_key(|r| (Reverse(r.mentions), r.reach.key(), &r.person.id));
    let mentioned: Vec<PersonLine> = most
        .into_iter()
        .take(bounds::PEOPLE)
        .map(|r| person_line(w, r, root, &cites))
        .collect();
    let years = timeline(site, &events, &dated_differently, &cites);
    let comparison_views = comparison_views(w, &comparisons, &cites);
    let story_views: Vec<StoryView> = stories
        .iter()
        .take(bounds::STORIES)
        .enumerate()
        .map(|(i, r)| story_view(site, i + 1, r, &disputes, &shown, &cites))
        .collect();
    let differences: Vec<DisputeSection> = DisputeKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let of_kind: Vec<&Dispute> = disputes.iter().filter(|d| d.kind == kind).collect();
            (!of_kind.is_empty()).then(|| DisputeSection {
                anchor: kind.anchor(),
                heading: w.get(&format!("report.heading.{}", kind.key())),
                total: w.number(of_kind.len()),
                count: of_kind.len(),
                some: of_kind.len() > bounds::DISPUTES,
                items: of_kind
                    .into_iter()
                    .take(bounds::DISPUTES)
                    .map(|d| dispute_view(site, d, &shown, None, &cites))
                    .collect(),
            })
        })
        .collect();
    let only_in: usize = site
        .analysis
        .stories
        .iter()
        .flat_map(|s| &s.pairs)
        .map(|p| p.differences.len() - substance(p))
        .sum();

    // Every citation is made: the sources are numbered, and the views written.
    let listed = cites.number(b);
    ctx.insert("key", &key);
    ctx.insert("people", &profiles);
    ctx.insert("mentioned", &mentioned);
    ctx.insert("named", &w.count("report.n.people", named.count()));
    ctx.insert(
        "more_people",
        &more(
            site,
            root,
            b.people.len() - mentioned.len(),
            "people",
            urls::PEOPLE,
        ),
    );
    ctx.insert("overview", &charts::featured_mentions(site, root));
    let shown_events: Vec<Event> = events.iter().map(|e| (*e).clone()).collect();
    ctx.insert(
        "strip",
        &charts::timeline_strip(
            w,
            &shown_events,
            &|e| format!("#event-{}", e.id),
            bounds::EVENTS,
        ),
    );
    ctx.insert("events_shown", &events.len());
    ctx.insert("years", &years);
    ctx.insert(
        "more_events",
        &more(
            site,
            root,
            b.events.len() - events.len(),
            "events",
            urls::TIMELINE,
        ),
    );
    ctx.insert("comparisons", &comparison_views);
    ctx.insert(
        "more_comparisons",
        &more(
            site,
            root,
            b.comparisons.len() - comparisons.len(),
            "comparisons",
            urls::COMPARE,
        ),
    );
    ctx.insert("coverage", &coverage(site, &stories, root));
    // Each story is rendered on its own by `partials/report-story.html` (its story is
    // `s`), and `report.html` places the HTML.
    let mut story_ctx = Context::new();
    let mut rendered = Vec::with_capacity(story_views.len());
    for view in &story_views {
        story_ctx.insert("s", view);
        rendered.push(tera::Value::safe_string(&site.fragment(STORY, &story_ctx)?));
    }
    ctx.insert("stories", &rendered);
    ctx.insert(
        "more_stories",
        &more(
            site,
            root,
            stories.len() - story_views.len(),
            "stories",
            urls::COMPARE,
        ),
    );
    ctx.insert("differences", &differences);
    ctx.insert(
        "only_in",
        &(only_in > 0).then(|| w.count("report.n.statements", only_in)),
    );
    ctx.insert("sources", &sources(b, w, &listed, root));
    ctx.insert(
        "more_sources",
        &more(
            site,
            root,
            b.articles.len() - listed.len(),
            "articles",
            urls::ARTICLES,
        ),
    );
    Ok("report.html")
}

/// Which outlet told which of the stories shown: a row per story, a column per outlet
/// (the outlets with the most articles in them; the others, and articles without an
/// outlet, in a last column).
fn coverage(site: &Site, stories: &[StoryRank], root: &str) -> Option<charts::Matrix> {
    let b = site.briefing;
    let w = &site.words;
    let shown: Vec<&Story> = stories
        .iter()
        .take(bounds::STORIES)
        .map(|r| &site.analysis.stories[r.index])
        .collect();
    if shown.is_empty() {
        return None;
    }
    let outlet_of = |id: &str| b.article(id).and_then(|a| a.outlet.as_deref());
    let mut totals: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for s in &shown {
        for a in &s.articles {
            *totals.entry(outlet_of(a)).or_default() += 1;
        }
    }
    let mut columns: Vec<(&str, usize)> = totals
        .iter()
        .filter_map(|(o, n)| o.map(|o| (o, *n)))
        .collect();
    columns.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
    let others = columns.len() > bounds::COVERAGE_OUTLETS || totals.contains_key(&None);
    columns.truncate(bounds::COVERAGE_OUTLETS);
    let mut labels: Vec<charts::Label> = columns
        .iter()
        .map(|(o, _)| {
            let name = b.outlets.get(*o).map_or(*o, |x| x.name.as_str());
            charts::Label {
                text: name.to_string(),
                long: name.to_string(),
                url: Some(format!("{root}{}", urls::outlet(o))),
            }
        })
        .collect();
    if others {
        labels.push(charts::Label {
            text: w.get("report.others").to_string(),
            long: w.get("report.others_long").to_string(),
            url: None,
        });
    }
    let rows = shown
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut values = vec![0; labels.len()];
            for a in &s.articles {
                let column = outlet_of(a).and_then(|o| columns.iter().position(|(c, _)| *c == o));
                // Not a column of its own: the last, "Others".
                values[column.unwrap_or(labels.len() - 1)] += 1;
            }
            charts::MatrixRow {
                label: charts::Label {
                    // Its number in the chapter, and as much of the title as the
                    // chart's label column holds.
                    text: format!("{}. {}", i + 1, super::meta::shorten(&s.title, 22)),
                    long: s.title.clone(),
                    url: Some(format!("#{}", story_anchor(s))),
                },
                values,
            }
        })
        .collect();
    Some(charts::matrix(w.get("report.coverage"), labels, rows))
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

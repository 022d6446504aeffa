//! *Search* is a static full-text index written at build time and queried in the
//! reader's browser by `search.js`, with no server. A *document* is one thing a reader
//! can land on — a person, an article, a timeline event, a comparison or a detected
//! story — made of *passages* (a name, a paragraph, a summary) that a result shows with
//! the matching words highlighted.
//!
//! Text is *folded* before it is indexed or looked up: decomposed (NFD), combining marks
//! dropped, lowercased, so "Rodriguez" finds "Rodríguez". The browser folds the query
//! the same way (`normalize('NFD').replace(/\p{M}/gu, '')`). Aliases are passages of
//! their person, weighted like the name, so an alias finds the person's page.
//!
//! The index is split so that a query loads only what it needs, as Pagefind does:
//! - `search/index.json`: the document count and the *shard map*, term prefix → file;
//! - `search/t/<prefix>.json`: the terms starting with that prefix, each with its
//!   postings in document order, written as one string of numbers ([`Posting::code`]):
//!   for each, the step from the document before (from 0 for the first), the score
//!   times four plus how many passages, and the passages. The postings are most of
//!   the index: as JSON arrays a posting took ten bytes, as digits of this code four;
//! - `search/f/<n>.json`: the URL, title, kind and passages of [`DOCS_PER_FILE`]
//!   consecutive documents (document `d` is entry `d % DOCS_PER_FILE` of file
//!   `d / DOCS_PER_FILE`), fetched only for the results shown; an article's paragraphs
//!   are not stored there but read from its page ([`Stored`]); quotes, small and
//!   many, in `search/q/<n>.json`, [`QUOTES_PER_FILE`] to a file ([`stored_at`]);
//! - `search/w/<letter>.json`: the *term list* of one first letter, what a word that
//!   matches no term is compared with to find the term it was meant as (a typo is
//!   within [`typo_budget`] edits of it). Each list holds at most [`TERM_LIST_LIMIT`]
//!   terms, those in the most documents, so a typo search scans a bounded list however
//!   large the briefing.
//!
//! Documents are numbered by kind (people, articles, events, comparisons, stories,
//! quotes) and `index.json` gives each kind's range, so results are filtered by kind
//! before any document file is fetched.
//!
//! A shard starts as every term of one first letter and is split by the next letter
//! while it is larger than [`SHARD_LIMIT`], so a big briefing gets more, not larger,
//! shards. Everything is built from sorted maps: the same briefing gives the same bytes.
//! Pagefind itself was not used: its crate indexes rendered HTML with its own pipeline
//! and pulls in a large dependency tree, while the documents here are already typed
//! content (see docs/publishing.md).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::i18n::Words;
use super::urls;
use super::view::published_words;
use crate::analyse::Analysis;
use crate::content::Briefing;
use crate::markdown;

/// The largest shard, in bytes of JSON, before it is split by one more letter.
pub(crate) const SHARD_LIMIT: usize = 16 * 1024;
/// Prefixes are at most this many characters long, however large a shard grows.
const MAX_PREFIX: usize = 3;
/// Words longer than this (URLs, hashes) are not indexed.
const MAX_WORD: usize = 40;
/// The version of the file format, read by `search.js`.
const VERSION: u32 = 5;
/// The most terms one term list (`w/<letter>.json`) holds.
pub(crate) const TERM_LIST_LIMIT: usize = 8_000;
/// Terms shorter than this are not in the term lists: one edit from a two-letter word
/// is most other two-letter words.
const TERM_LIST_MIN_CHARS: usize = 4;
/// How many documents share one `f/<n>.json` file. One file per document would make
/// the index most of a large site's files, and creating a file costs more than writing
/// its bytes; four per file keeps them few, while the results a query shows (at most
/// 20) still fetch at most 20 small files.
pub(crate) const DOCS_PER_FILE: usize = 4;
/// How many quote documents share one `q/<n>.json` file: a quote is a few hundred
/// bytes, a tenth of an article's document, and a briefing has several for each
/// article, so they are stored more to a file.
pub(crate) const QUOTES_PER_FILE: usize = 32;

/// Where document `d` is stored, when the documents from `quotes_from` on are quotes:
/// its file under `search/` and its place in the file.
pub fn stored_at(d: usize, quotes_from: usize) -> (String, usize) {
    match d.checked_sub(quotes_from) {
        Some(q) => (
            format!("q/{}.json", q / QUOTES_PER_FILE),
            q % QUOTES_PER_FILE,
        ),
        None => (format!("f/{}.json", d / DOCS_PER_FILE), d % DOCS_PER_FILE),
    }
}

/// The documents a file of documents (`f/<n>.json`, `q/<n>.json`) holds, of `docs`
/// documents whose quotes start at `quotes_from`; `None` for any other name.
pub(crate) fn stored_in(
    name: &str,
    docs: usize,
    quotes_from: usize,
) -> Option<std::ops::Range<usize>> {
    let number = |prefix: &str| {
        name.strip_prefix(prefix)
            .and_then(|n| n.strip_suffix(".json"))
            .and_then(|n| n.parse::<usize>().ok())
    };
    let range = if let Some(i) = number("f/") {
        let first = i.checked_mul(DOCS_PER_FILE)?;
        first..quotes_from.min(first.saturating_add(DOCS_PER_FILE))
    } else {
        let first = quotes_from.checked_add(number("q/")?.checked_mul(QUOTES_PER_FILE)?)?;
        first..docs.min(first.saturating_add(QUOTES_PER_FILE))
    };
    (!range.is_empty()).then_some(range)
}

/// How much a word counts, by where it is. A person's name and aliases count most: a
/// search for a name should land on the person before the events and articles that
/// name them.
const PERSON: u32 = 32;
const NAME: u32 = 24;
const TITLE: u32 = 16;
const LABEL: u32 = 4;
const TEXT: u32 = 1;

/// Folds text for matching: NFD, combining marks dropped, lowercase.
pub fn fold(text: &str) -> String {
    // Most text is ASCII, where folding is lowercasing.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// The words of folded text: runs of letters and digits (`\p{Alphabetic}` and `\p{N}`
/// in `search.js`).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphabetic() || c.is_numeric()))
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD)
}

/// One thing a search can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Relative to the site's top: `people/x/`, `timeline/2026/01/#event`.
    pub url: String,
    pub title: String,
    /// person | article | event | comparison | story | quote
    pub kind: String,
    /// A line shown under the title: titles, outlet and date.
    pub meta: String,
    /// `[text, anchor]`: the anchor (`#p3`) is appended to the URL when this passage is
    /// the one shown.
    pub passages: Vec<(String, String)>,
    weights: Vec<u32>,
    /// Whether each passage is on the document's own page (an article's paragraph),
    /// where `search.js` reads it, so that its file need not hold it ([`Stored`]).
    on_page: Vec<bool>,
}

impl Document {
    fn new(url: String, title: &str, kind: &str, meta: String) -> Self {
        let weight = if kind == "person" { PERSON } else { TITLE };
        let mut d = Document {
            url,
            title: title.to_string(),
            kind: kind.to_string(),
            meta,
            passages: Vec::new(),
            weights: Vec::new(),
            on_page: Vec::new(),
        };
        d.add(title, "", weight);
        d
    }

    fn add(&mut self, text: &str, anchor: &str, weight: u32) {
        self.push(text, anchor, weight, false);
    }

    /// A passage that the document's page shows at `anchor`, as it is.
    fn add_on_page(&mut self, text: &str, anchor: &str, weight: u32) {
        self.push(text, anchor, weight, true);
    }

    fn push(&mut self, text: &str, anchor: &str, weight: u32, on_page: bool) {
        let text = single_spaced(text);
        if !text.is_empty() {
            self.passages.push((text, anchor.to_string()));
            self.weights.push(weight);
            self.on_page.push(on_page);
        }
    }
}

/// A document as its file stores it. An article's paragraphs are on its own page, so
/// their text is not stored twice: such a passage is `[null, "#p3"]`, and `search.js`
/// reads paragraph 3 from the article's page for the few results it shows. (At 10,000
/// articles the paragraphs were half of the search index's bytes.)
#[derive(Serialize)]
struct Stored<'d> {
    url: &'d str,
    title: &'d str,
    kind: &'d str,
    meta: &'d str,
    passages: Vec<(Option<&'d str>, &'d str)>,
}

impl<'d> Stored<'d> {
    fn of(d: &'d Document) -> Self {
        let passages = d.passages.iter().zip(&d.on_page);
        Stored {
            url: &d.url,
            title: &d.title,
            kind: &d.kind,
            meta: &d.meta,
            passages: passages
                .map(|((text, anchor), on_page)| {
                    ((!on_page).then_some(text.as_str()), anchor.as_str())
                })
                .collect(),
        }
    }
}

/// A document as [`search`] reads it back from its file.
#[derive(Debug, Clone, Deserialize)]
struct Kept {
    url: String,
    title: String,
    kind: String,
    meta: String,
    passages: Vec<(Option<String>, String)>,
}

/// The text of the paragraph `id` (`p3`) of a page, as a reader reads it: without the
/// ¶ link and the speaker named after a quote, which the page adds to the article's text.
pub fn paragraph_on_page(html: &str, id: &str) -> Option<String> {
    let page = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(&format!("p#{id}")).ok()?;
    let paragraph = page.select(&selector).next()?;
    // The ¶ link is the paragraph's link to itself.
    let own = format!("#{id}");
    let added = |node: ego_tree::NodeRef<scraper::Node>| {
        node.ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .any(|e| {
                e.value().name() == "a"
                    && (e.value().classes().any(|c| c == "speaker")
                        || e.value().attr("href") == Some(own.as_str()))
            })
    };
    let text: String = paragraph
        .descendants()
        .filter(|n| !added(*n))
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect();
    Some(single_spaced(&text))
}

/// `text` with each run of white space made one space, and none at either end. Most
/// passages already are: they are copied as they are, not split into words and joined.
fn single_spaced(text: &str) -> String {
    let spaced = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(|c: char| c.is_whitespace() && c != ' ');
    if spaced {
        text.to_string()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Curated Markdown as plain text, one string per paragraph.
fn plain(markdown: &str) -> Vec<String> {
    markdown::blocks(markdown)
        .into_iter()
        .map(|b| b.text.into())
        .collect()
}

/// Documents are numbered in a fixed order: people, articles, events, comparisons,
/// stories, quotes; a document's number in the index is its place in that order.
/// Each kind and how many documents it has, in that order.
fn kinds(b: &Briefing, analysis: &Analysis, places: &Places) -> [(&'static str, usize); 6] {
    [
        ("person", b.people.len()),
        ("article", b.articles.len()),
        ("event", b.events.len()),
        ("comparison", b.comparisons.len()),
        ("story", analysis.stories.len()),
        ("quote", places.quotes.len()),
    ]
}

/// How many documents the index has.
pub(crate) fn count(b: &Briefing, analysis: &Analysis, places: &Places) -> usize {
    kinds(b, analysis, places).iter().map(|(_, n)| n).sum()
}

/// What documents are made from beyond the briefing and its analysis: each event's
/// page of the timeline, and the quotes that are documents. A statement quoted by many
/// articles (copies of a wire story, a line repeated in every recap) is one document,
/// the first quote of its speaker and words, not one per article.
pub(crate) struct Places {
    event_pages: Vec<u32>,
    /// Each quote document: its article, its place in the article's quotes, and in
    /// how many articles the speaker's words are.
    quotes: Vec<(std::sync::Arc<str>, u32, u32)>,
}

impl Places {
    pub(crate) fn of(b: &Briefing, analysis: &Analysis) -> Places {
        let mut quotes: Vec<(std::sync::Arc<str>, u32, u32)> = Vec::new();
        let mut seen: std::collections::HashMap<(&str, &str), usize> = Default::default();
        for list in analysis.quotes.lists() {
            let Some(article) = list.first().and_then(|q| b.article(&q.place.article)) else {
                continue;
            };
            let mut counted = BTreeSet::new();
            for (k, q) in list.iter().enumerate() {
                let speaker = q.person.as_deref().or(q.speaker.as_deref()).unwrap_or("");
                match seen.entry((speaker, q.place.text(article))) {
                    std::collections::hash_map::Entry::Occupied(e) => {
                        // Once per article, however often it repeats them.
                        if counted.insert(*e.get()) {
                            quotes[*e.get()].2 += 1;
                        }
                    }
                    std::collections::hash_map::Entry::Vacant(e) => {
                        counted.insert(quotes.len());
                        e.insert(quotes.len());
                        quotes.push((q.place.article.clone(), k as u32, 1));
                    }
                }
            }
        }
        Places {
            event_pages: super::view::event_pages(&b.events, b.config.page_size.get()),
            quotes,
        }
    }

    /// How many quote documents there are.
    pub(crate) fn quote_count(&self) -> usize {
        self.quotes.len()
    }

    /// Quote document `i`: the quote, and in how many articles its words are.
    pub(crate) fn quote<'a>(
        &self,
        analysis: &'a Analysis,
        i: usize,
    ) -> Option<(&'a crate::analyse::Quote, u32)> {
        let (article, k, copies) = self.quotes.get(i)?;
        Some((analysis.quotes.of(article).get(*k as usize)?, *copies))
    }
}

/// A quote's text as a result shows it: at most this many characters.
const QUOTE_TITLE: usize = 140;

/// Document number `i`, made on demand: the index needs every document's words once,
/// and each `f/<i>.json` file needs one document, so none is kept in memory.
pub(crate) fn document(
    b: &Briefing,
    analysis: &Analysis,
    places: &Places,
    w: &Words,
    mut i: usize,
) -> Document {
    let event_pages = &places.event_pages;
    if let Some(p) = b.people.get(i) {
        let mut d = Document::new(urls::person(&p.id), &p.name, "person", p.titles.join(" · "));
        for alias in &p.aliases {
            d.add(alias, "", NAME);
        }
        for t in p.titles.iter().chain(p.roles.iter().map(|r| &r.title)) {
            d.add(t, "", LABEL);
        }
        for para in plain(&p.summary) {
            d.add(&para, "", TEXT);
        }
        for r in &p.relations {
            d.add(&r.kind, "", TEXT);
        }
        return d;
    }
    i -= b.people.len();
    if let Some(a) = b.articles.get(i) {
        let outlet = a
            .outlet
            .as_ref()
            .and_then(|o| b.outlets.get(o))
            .map_or(w.get("search_result.no_outlet"), |o| o.name.as_str());
        let mut d = Document::new(
            urls::article(&a.id),
            &a.title,
            "article",
            format!("{outlet} · {}", published_words(w, &a.published)),
        );
        if let Some(author) = &a.author {
            d.add(author, "", LABEL);
        }
        for (i, para) in a.paragraphs().enumerate() {
            d.add_on_page(&para.text, &format!("#p{}", i + 1), TEXT);
        }
        return d;
    }
    i -= b.articles.len();
    if let Some(e) = b.events.get(i) {
        let when = e.display.clone().unwrap_or_else(|| w.edtf(&e.date));
        let url = super::view::event_url_on(e, event_pages[i]);
        let mut d = Document::new(url, &e.title, "event", when);
        for para in plain(&e.summary) {
            d.add(&para, "", TEXT);
        }
        return d;
    }
    i -= b.events.len();
    if let Some(c) = b.comparisons.get(i) {
        let mut d = Document::new(
            urls::comparison(&c.id),
            &c.title,
            "comparison",
            format!("{} articles compared", c.articles.len()),
        );
        for para in plain(&c.summary) {
            d.add(&para, "", TEXT);
        }
        for p in &c.points {
            d.add(&p.topic, "", LABEL);
            for para in plain(&p.note) {
                d.add(&para, "", TEXT);
            }
        }
        return d;
    }
    i -= b.comparisons.len();
    let Some(s) = analysis.stories.get(i) else {
        return quote_document(b, analysis, places, w, i - analysis.stories.len());
    };
    let mut d = Document::new(
        urls::comparison(&s.id),
        &s.title,
        "story",
        format!("{} articles report this story", s.articles.len()),
    );
    for id in &s.articles {
        if let Some(a) = b.article(id) {
            d.add(&a.title, "", LABEL);
        }
    }
    d
}

/// A quote found in an article: its words, its speaker and its article, leading to its
/// paragraph.
fn quote_document(
    b: &Briefing,
    analysis: &Analysis,
    places: &Places,
    w: &Words,
    i: usize,
) -> Document {
    let Some((q, copies)) = places.quote(analysis, i) else {
        return Document::new(String::new(), "", "quote", String::new());
    };
    let article = b.article(&q.place.article);
    let text = article.map_or("", |a| q.place.text(a));
    let speaker = q
        .person
        .as_deref()
        .and_then(|p| b.person(p))
        .map(|p| p.name.as_str())
        .or(q.speaker.as_deref());
    let mut meta = speaker.map_or_else(
        || w.get("search_result.no_speaker").to_string(),
        str::to_string,
    );
    if let Some(a) = article {
        let day = published_words(w, &a.published);
        meta.push_str(&format!(" · {} · {day}", a.title));
    }
    if copies > 1 {
        let copies = w.say("search_result.copies", Some(copies as u64), &[]);
        meta.push_str(&format!(" · {copies}"));
    }
    let title = format!("“{}”", super::meta::shorten(text, QUOTE_TITLE));
    let mut d = Document {
        url: urls::article(&q.place.article),
        title,
        kind: "quote".to_string(),
        meta,
        passages: Vec::new(),
        weights: Vec::new(),
        on_page: Vec::new(),
    };
    // The whole quote is the first passage, so a result leads to its paragraph.
    d.add(text, &format!("#p{}", q.place.paragraph), TITLE);
    if let Some(s) = speaker {
        d.add(s, &format!("#p{}", q.place.paragraph), LABEL);
    }
    d
}

/// `/search/`: the form, and what to read when JavaScript is off.
pub(crate) fn page(site: &super::Site, root: &str, ctx: &mut tera::Context) -> &'static str {
    let b = site.briefing;
    ctx.insert("title", site.words.get("nav.search"));
    ctx.insert("section", "search");
    ctx.insert("index_url", &format!("{root}{}", urls::SEARCH));
    ctx.insert("script_words", &site.words.script_json("search_script"));
    ctx.insert(
        "counts",
        &serde_json::json!({
            "people": b.people.len(),
            "articles": b.articles.len(),
            "events": b.events.len(),
            "comparisons": b.comparisons.len() + site.analysis.stories.len(),
            "quotes": site.index.search_places().quote_count(),
        }),
    );
    "search.html"
}

/// How many passages a posting names: enough to show a match, and a posting stays
/// small and free of allocation.
const POSTING_PASSAGES: usize = 3;

/// A term's posting for one document: its score there and the first passages it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Posting {
    doc: u32,
    score: u32,
    passages: [u32; POSTING_PASSAGES],
    len: u8,
}

impl Posting {
    fn passages(&self) -> &[u32] {
        &self.passages[..self.len as usize]
    }

    /// Packs this posting but for its document as LEB128 numbers: its score, how many
    /// passages, the passages. With its document before it (what [`Posting::unpack`]
    /// reads), about 5 bytes where its JSON is 12: the index holds millions of
    /// postings while it is built. Without it, a document's terms do not depend on
    /// its number, so the next build may reuse them ([`SavedTerms`]).
    fn pack_after_doc(&self, out: &mut Vec<u8>) {
        for n in [self.score, u32::from(self.len)] {
            put(out, n);
        }
        for &p in self.passages() {
            put(out, p);
        }
    }

    /// The posting packed at the start of `bytes`, and the bytes after it.
    fn unpack(bytes: &[u8]) -> (Posting, &[u8]) {
        let mut rest = bytes;
        let mut next = || {
            let (n, after) = take(rest);
            rest = after;
            n
        };
        let (doc, score, len) = (next(), next(), next().min(POSTING_PASSAGES as u32));
        let mut passages = [0; POSTING_PASSAGES];
        for p in &mut passages[..len as usize] {
            *p = next();
        }
        let posting = Posting {
            doc,
            score,
            passages,
            len: len as u8,
        };
        (posting, rest)
    }

    /// Writes this posting in the postings' code, after a posting of document
    /// `after`: its document less `after`, its score times four plus how many passages
    /// (at most [`POSTING_PASSAGES`], three), the passages, each number in [`digit`]s.
    fn code(&self, after: u32, out: &mut Vec<u8>) {
        digit(out, u64::from(self.doc - after));
        digit(out, u64::from(self.score) << 2 | u64::from(self.len));
        for &p in self.passages() {
            digit(out, u64::from(p));
        }
    }

    /// The length of [`Posting::code`] but for the document's step.
    fn code_len_after_step(&self) -> usize {
        let passages: usize = self.passages().iter().map(|&p| digits(u64::from(p))).sum();
        digits(u64::from(self.score) << 2 | u64::from(self.len)) + passages
    }
}

/// The 64 characters of the postings' code: none needs escaping in a JSON string.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `n` in the postings' code: five bits a character, the lowest first, the
/// sixth bit set on all but the last (as LEB128 does with bytes).
fn digit(out: &mut Vec<u8>, mut n: u64) {
    while n >= 32 {
        out.push(DIGITS[(32 | n & 31) as usize]);
        n >>= 5;
    }
    out.push(DIGITS[n as usize]);
}

/// How many characters [`digit`] writes for `n`.
fn digits(n: u64) -> usize {
    (64 - n.leading_zeros() as usize).div_ceil(5).max(1)
}

/// Postings read back from their code: `[document, score, passage…]` each, what
/// `search.js` reads them as. `None` if the code is not one.
pub(crate) fn decode(code: &str) -> Option<Vec<Vec<u32>>> {
    let mut chars = code.bytes();
    let mut next = || -> Option<Option<u64>> {
        let (mut n, mut shift) = (0u64, 0);
        loop {
            let Some(c) = chars.next() else {
                return if shift == 0 { Some(None) } else { None };
            };
            let v = DIGITS.iter().position(|&d| d == c)? as u64;
            n |= (v & 31).checked_shl(shift)?;
            shift += 5;
            if v < 32 {
                return Some(Some(n));
            }
        }
    };
    let (mut out, mut doc) = (Vec::new(), 0u32);
    while let Some(step) = next()? {
        doc = doc.checked_add(u32::try_from(step).ok()?)?;
        let both = next()??;
        let mut posting = vec![doc, u32::try_from(both >> 2).ok()?];
        for _ in 0..both & 3 {
            posting.push(u32::try_from(next()??).ok()?);
        }
        out.push(posting);
    }
    Some(out)
}

/// Appends `n` as LEB128: seven bits a byte, the high bit set on all but the last.
fn put(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The LEB128 number at the start of `bytes`, and the bytes after it; bytes come
/// only from [`put`], so a number is never cut short.
fn take(bytes: &[u8]) -> (u32, &[u8]) {
    let mut n = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        n |= u32::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            return (n, &bytes[i + 1..]);
        }
    }
    (n, &[])
}

/// One document's terms, each with its posting packed, in two buffers: a
/// posting per term of every document is millions of postings at 10,000 articles, too
/// many for an allocation each.
#[derive(Default)]
struct DocTerms {
    /// The document's number.
    doc: u32,
    /// The terms, one after the other.
    words: String,
    /// The postings, packed but for their document ([`Posting::pack_after_doc`]), one
    /// after the other.
    postings: Vec<u8>,
    /// Where each term and its posting end in `words` and `postings`, and the
    /// length of the posting's code but for its document's step.
    ends: Vec<(u32, u32, u32)>,
}

impl DocTerms {
    /// The terms of document `doc_number`, with their postings.
    fn of(doc_number: u32, d: &Document) -> DocTerms {
        let folded: Vec<String> = d.passages.iter().map(|(text, _)| fold(text)).collect();
        let mut own: crate::analyse::text::HashedMap<&str, Posting> = Default::default();
        for (i, (text, weight)) in folded.iter().zip(&d.weights).enumerate() {
            for w in words(text) {
                let p = own.entry(w).or_insert(Posting {
                    doc: doc_number,
                    score: 0,
                    passages: [0; POSTING_PASSAGES],
                    len: 0,
                });
                p.score += weight;
                let i = i as u32;
                if p.passages().last() != Some(&i) && (p.len as usize) < POSTING_PASSAGES {
                    p.passages[p.len as usize] = i;
                    p.len += 1;
                }
            }
        }
        let mut out = DocTerms {
            doc: doc_number,
            ..DocTerms::default()
        };
        out.ends.reserve_exact(own.len());
        for (term, posting) in own {
            out.words.push_str(term);
            posting.pack_after_doc(&mut out.postings);
            out.ends.push((
                out.words.len() as u32,
                out.postings.len() as u32,
                posting.code_len_after_step() as u32,
            ));
        }
        out
    }

    /// Appends this document's terms to a file of [`SavedTerms`], under `key`: the
    /// key, how many terms, the length of their words and of their postings, each
    /// term's three lengths (its word's, its posting's and its code's but for the
    /// step), then the words and the postings. Nothing is appended, and `false`
    /// returned, for a document with a term or posting too long to be saved so.
    fn save(&self, key: u64, out: &mut Vec<u8>) -> bool {
        let (mut word, mut posting) = (0, 0);
        let mut lengths = Vec::with_capacity(3 * self.ends.len());
        for &(word_end, posting_end, code_len) in &self.ends {
            for n in [word_end - word, posting_end - posting, code_len] {
                match u8::try_from(n) {
                    Ok(n) => lengths.push(n),
                    Err(_) => return false,
                }
            }
            (word, posting) = (word_end, posting_end);
        }
        out.extend_from_slice(&key.to_le_bytes());
        for n in [self.ends.len(), self.words.len(), self.postings.len()] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        out.extend_from_slice(&lengths);
        out.extend_from_slice(self.words.as_bytes());
        out.extend_from_slice(&self.postings);
        true
    }

    /// The terms [`DocTerms::save`] wrote in `entry` (past its key), as those of
    /// document `doc_number`; `None` if `entry` is not such terms.
    fn restore(doc_number: u32, entry: &[u8]) -> Option<DocTerms> {
        let (terms, words, postings, rest) = entry_lengths(entry)?;
        let (lengths, rest) = rest.split_at_checked(3 * terms)?;
        let (words, rest) = rest.split_at_checked(words)?;
        let (postings, rest) = rest.split_at_checked(postings)?;
        if !rest.is_empty() {
            return None;
        }
        let mut out = DocTerms {
            doc: doc_number,
            words: String::from_utf8(words.to_vec()).ok()?,
            postings: postings.to_vec(),
            ends: Vec::with_capacity(terms),
        };
        let (mut word, mut posting) = (0u32, 0u32);
        for n in lengths.chunks_exact(3) {
            (word, posting) = (word + u32::from(n[0]), posting + u32::from(n[1]));
            out.ends.push((word, posting, u32::from(n[2])));
        }
        let ends_fit = (word as usize, posting as usize) == (out.words.len(), out.postings.len());
        let on_chars = out
            .ends
            .iter()
            .all(|e| out.words.is_char_boundary(e.0 as usize));
        (ends_fit && on_chars).then_some(out)
    }

    /// Each term, its posting packed but for its document, and the length of the
    /// posting's code but for the document's step.
    fn terms(&self) -> impl Iterator<Item = (&str, &[u8], u32)> {
        let mut from = (0, 0);
        self.ends
            .iter()
            .map(move |&(word_end, posting_end, code_len)| {
                let (word, posting) = from;
                from = (word_end as usize, posting_end as usize);
                (
                    &self.words[word..word_end as usize],
                    &self.postings[posting..posting_end as usize],
                    code_len,
                )
            })
    }

    /// Appends each posting to its term's list; `done` of the index's `docs`
    /// documents, this one included, have been appended.
    fn append_to(&self, terms: &mut Terms, done: usize, docs: usize) {
        let (mut word, mut posting) = (0, 0);
        let step = |after: u32| digits(u64::from(self.doc - after));
        let mut doc = Vec::with_capacity(5);
        put(&mut doc, self.doc);
        for &(word_end, posting_end, code_len) in &self.ends {
            let (term, packed) = (
                &self.words[word..word_end as usize],
                &self.postings[posting..posting_end as usize],
            );
            match terms.get_mut(term) {
                Some(list) => {
                    let (bytes, needed) = (&mut list.packed, doc.len() + packed.len());
                    if bytes.capacity() - bytes.len() < needed {
                        bytes.reserve_exact(room(bytes.len(), needed, done, docs));
                    }
                    bytes.extend_from_slice(&doc);
                    bytes.extend_from_slice(packed);
                    list.code_len += step(list.last) + code_len as usize;
                    list.docs += 1;
                    list.last = self.doc;
                }
                None => {
                    let list = Postings {
                        packed: [&doc[..], packed].concat(),
                        code_len: step(0) + code_len as usize,
                        docs: 1,
                        last: self.doc,
                    };
                    terms.insert(term.to_string(), list);
                }
            }
            (word, posting) = (word_end as usize, posting_end as usize);
        }
    }
}

/// The three lengths a saved entry's key is followed by (how many terms, the bytes of
/// their words and of their postings), and the bytes after them.
fn entry_lengths(entry: &[u8]) -> Option<(usize, usize, usize, &[u8])> {
    let (terms, rest) = entry.split_first_chunk::<4>()?;
    let (words, rest) = rest.split_first_chunk::<4>()?;
    let (postings, rest) = rest.split_first_chunk::<4>()?;
    let n = |b: &[u8; 4]| u32::from_le_bytes(*b) as usize;
    Some((n(terms), n(words), n(postings), rest))
}

/// What tells a file of [`SavedTerms`] from any other, and its format's version.
const SAVED_TERMS: &[u8; 8] = b"terms\x00\x00\x02";

/// The bytes of a saved term's head in the saved index: the lengths of its word and of
/// its postings, the length of their code, how many documents and the last one.
const SAVED_TERM_HEAD: usize = 24;

/// *Saved terms* are each search document's terms as the last build made them, under
/// the key of what the document is made from (`render::depends::search_document`),
/// kept beside the output for the next build: an unchanged document's terms are read
/// back instead of being made again from its text (folding every word of every
/// article is most of the index's work). After them comes the *saved index*: each
/// document's key by its number, and every term with its postings as the index held
/// them, so that a build where few documents changed patches those terms by the
/// changed documents' ([`patched`]) instead of appending every document's terms again.
/// A file made for another salt (another program, theme, address or curation) is not
/// used, nor one that cannot be read whole; the file is read, not trusted: an entry
/// that does not read back as terms is made again. Only the place of each entry is
/// kept in memory, not the file: an entry is read when its document asks for it, and
/// copied from the file into the next.
pub(crate) struct SavedTerms {
    file: std::sync::Mutex<std::fs::File>,
    /// Each key, and where its entry (the key included) is in the file.
    entries: std::collections::HashMap<u64, std::ops::Range<u64>>,
    /// Where the saved index is in the file.
    index: std::ops::Range<u64>,
}

impl SavedTerms {
    /// The saved terms in `file`, for a build of `salt`.
    pub(crate) fn read(file: std::fs::File, salt: u64) -> Option<SavedTerms> {
        use std::io::Read;
        let size = file.metadata().ok()?.len();
        let mut input = std::io::BufReader::with_capacity(1 << 16, &file);
        let mut header = [0; 24];
        input.read_exact(&mut header).ok()?;
        let (magic, rest) = header.split_at(8);
        let (saved_salt, entries_len) = rest.split_at(8);
        if magic != SAVED_TERMS || saved_salt != salt.to_le_bytes() {
            return None;
        }
        let entries_end = 24u64.checked_add(u64::from_le_bytes(entries_len.try_into().ok()?))?;
        let (mut at, mut entries) = (24u64, std::collections::HashMap::new());
        while at < entries_end {
            let mut head = [0; 20];
            input.read_exact(&mut head).ok()?;
            let (key, lengths) = head.split_first_chunk::<8>()?;
            let (terms, words, postings, _) = entry_lengths(lengths)?;
            let len = (20 + 3 * terms + words + postings) as u64;
            if at + len > entries_end {
                return None;
            }
            input.seek_relative(len as i64 - 20).ok()?;
            entries.insert(u64::from_le_bytes(*key), at..at + len);
            at += len;
        }
        let mut index_len = [0; 8];
        input.read_exact(&mut index_len).ok()?;
        let index = at + 8..(at + 8).checked_add(u64::from_le_bytes(index_len))?;
        if at != entries_end || index.end != size {
            return None;
        }
        Some(SavedTerms {
            file: std::sync::Mutex::new(file),
            entries,
            index,
        })
    }

    /// The saved index: each document's key by its number, and every term with its
    /// postings, in the terms' order; `None` if it does not read back as such.
    fn index(&self) -> Option<(Vec<u64>, Vec<TermPostings>)> {
        let mut bytes = vec![0; usize::try_from(self.index.end - self.index.start).ok()?];
        self.read_at(self.index.start, &mut bytes).ok()?;
        let (docs, rest) = bytes.split_first_chunk::<4>()?;
        let (keys, rest) = rest.split_at_checked(8 * u32::from_le_bytes(*docs) as usize)?;
        let keys = keys.chunks_exact(8);
        let keys = keys.map(|k| u64::from_le_bytes(k.try_into().expect("8 bytes")));
        let (count, mut rest) = rest.split_first_chunk::<4>()?;
        let count = u32::from_le_bytes(*count) as usize;
        let mut terms: Vec<TermPostings> = Vec::with_capacity(count.min(rest.len()));
        for _ in 0..count {
            let (head, after) = rest.split_first_chunk::<SAVED_TERM_HEAD>()?;
            let n = |at: usize| u32::from_le_bytes(head[at..at + 4].try_into().expect("4"));
            let (word, after) = after.split_at_checked(n(0) as usize)?;
            let (packed, after) = after.split_at_checked(n(4) as usize)?;
            let code_len = u64::from_le_bytes(head[8..16].try_into().expect("8 bytes"));
            let word = std::str::from_utf8(word).ok()?;
            if terms.last().is_some_and(|(last, _)| last.as_str() >= word) {
                return None;
            }
            let postings = Postings {
                packed: packed.to_vec(),
                code_len: usize::try_from(code_len).ok()?,
                docs: n(16),
                last: n(20),
            };
            terms.push((word.to_string(), postings));
            rest = after;
        }
        rest.is_empty().then(|| (keys.collect(), terms))
    }

    /// The entry saved under `key`, the key included, and where it is in the file.
    fn get(&self, key: u64) -> Option<(std::ops::Range<u64>, Vec<u8>)> {
        let at = self.entries.get(&key)?.clone();
        let mut bytes = vec![0; (at.end - at.start) as usize];
        self.read_at(at.start, &mut bytes).ok()?;
        Some((at, bytes))
    }

    fn read_at(&self, at: u64, into: &mut [u8]) -> std::io::Result<()> {
        read_at(&self.file, at, into)
    }
}

/// Reads `into.len()` bytes of `file` from `at`.
fn read_at(
    file: &std::sync::Mutex<std::fs::File>,
    at: u64,
    into: &mut [u8],
) -> std::io::Result<()> {
    use std::io::{Read, Seek};
    let mut file = file.lock().map_err(|_| std::io::ErrorKind::Other)?;
    file.seek(std::io::SeekFrom::Start(at))?;
    file.read_exact(into)
}

/// The entries of the documents whose terms were made anew, written as they are made
/// into a temporary file, not kept in memory: after a clean build, that is every
/// document's, as large as the index, at the moment the index is the build's peak.
struct Spill {
    out: std::io::BufWriter<std::fs::File>,
    len: u64,
    buffer: Vec<u8>,
    failed: bool,
}

impl Spill {
    fn new() -> Option<Spill> {
        Some(Spill {
            out: std::io::BufWriter::with_capacity(1 << 16, tempfile::tempfile().ok()?),
            len: 0,
            buffer: Vec::new(),
            failed: false,
        })
    }

    /// Writes the entry of document terms `d` under `key`, and says where it is.
    fn push(&mut self, key: u64, d: &DocTerms) -> Option<std::ops::Range<u64>> {
        use std::io::Write;
        self.buffer.clear();
        if self.failed || !d.save(key, &mut self.buffer) {
            return None;
        }
        if self.out.write_all(&self.buffer).is_err() {
            self.failed = true;
            return None;
        }
        let start = self.len;
        self.len += self.buffer.len() as u64;
        Some(start..self.len)
    }

    /// The file, to read the entries back from; `None` if one could not be written.
    fn finish(self) -> Option<std::sync::Mutex<std::fs::File>> {
        let file = self.out.into_inner().ok()?;
        (!self.failed).then(|| std::sync::Mutex::new(file))
    }
}

/// What an index keeps for the next build, and reuses of the last: the key of each
/// document, the terms the last build saved, and the build's salt.
pub(crate) struct Keyed<'k> {
    pub key: &'k (dyn Fn(usize) -> u64 + Sync),
    pub old: Option<SavedTerms>,
    pub salt: u64,
}

/// The saved terms of an index's documents, for the next build: each document's
/// entry, in document order, as it is in the last build's file or in `new` (a
/// [`Spill`]), and each document's key, for the saved index.
struct Saving {
    salt: u64,
    old: Option<SavedTerms>,
    entries: Vec<Entry>,
    new: std::sync::Mutex<std::fs::File>,
    keys: Vec<u64>,
}

enum Entry {
    Old(std::ops::Range<u64>),
    New(std::ops::Range<u64>),
}

impl Saving {
    /// Writes the saved terms: the entries, in document order, copied a run at a time.
    /// Entries next to each other in the same file (most of them: the new ones are
    /// spilled in document order, the old ones were saved in it) are one read, not a
    /// seek and a read each, which made saving the terms most of a rebuild's last
    /// second.
    /// The saved index follows, of `terms`, the index's.
    fn write(&self, terms: &[TermPostings], out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(SAVED_TERMS)?;
        out.write_all(&self.salt.to_le_bytes())?;
        // An old entry is there only when the last build's file is.
        let entries = self.entries.iter().map(|e| match e {
            Entry::Old(at) | Entry::New(at) => at.end - at.start,
        });
        out.write_all(&entries.sum::<u64>().to_le_bytes())?;
        let mut buffer = Vec::new();
        for (new, run) in runs(&self.entries) {
            let file = match (new, &self.old) {
                (true, _) => &self.new,
                (false, Some(old)) => &old.file,
                (false, None) => continue,
            };
            let mut at = run.start;
            while at < run.end {
                let end = run.end.min(at + COPIED_AT_ONCE);
                buffer.resize((end - at) as usize, 0);
                read_at(file, at, &mut buffer)?;
                out.write_all(&buffer)?;
                at = end;
            }
        }
        let heads = terms.len() * SAVED_TERM_HEAD;
        let bodies: usize = terms.iter().map(|(w, p)| w.len() + p.packed.len()).sum();
        let index_len = 8 + 8 * self.keys.len() + heads + bodies;
        out.write_all(&(index_len as u64).to_le_bytes())?;
        buffer.clear();
        buffer.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for key in &self.keys {
            buffer.extend_from_slice(&key.to_le_bytes());
        }
        buffer.extend_from_slice(&(terms.len() as u32).to_le_bytes());
        for (word, p) in terms {
            for n in [word.len(), p.packed.len()] {
                buffer.extend_from_slice(&(n as u32).to_le_bytes());
            }
            buffer.extend_from_slice(&(p.code_len as u64).to_le_bytes());
            buffer.extend_from_slice(&p.docs.to_le_bytes());
            buffer.extend_from_slice(&p.last.to_le_bytes());
            buffer.extend_from_slice(word.as_bytes());
            buffer.extend_from_slice(&p.packed);
            if buffer.len() >= COPIED_AT_ONCE as usize {
                out.write_all(&buffer)?;
                buffer.clear();
            }
        }
        out.write_all(&buffer)
    }
}

/// The most bytes of saved terms read at once.
const COPIED_AT_ONCE: u64 = 1 << 20;

/// `entries` as runs of bytes to copy: whether from the new file, and where; an entry
/// that starts where the one before it ends in the same file extends its run.
fn runs(entries: &[Entry]) -> Vec<(bool, std::ops::Range<u64>)> {
    let mut runs: Vec<(bool, std::ops::Range<u64>)> = Vec::new();
    for entry in entries {
        let (new, at) = match entry {
            Entry::New(at) => (true, at),
            Entry::Old(at) => (false, at),
        };
        match runs.last_mut() {
            Some((was_new, run)) if *was_new == new && run.end == at.start => run.end = at.end,
            _ => runs.push((new, at.clone())),
        }
    }
    runs
}

/// How much room to add to a term's list of `len` bytes that needs `needed` more,
/// when `done` of `docs` documents have been appended: what the list will come to if
/// the term goes on as it has so far, and at least a quarter more. Doubling, as a list
/// does by itself, would leave much of the postings' memory empty at the moment the
/// index is the build's peak.
fn room(len: usize, needed: usize, done: usize, docs: usize) -> usize {
    let projected = (len + needed) * docs / done.max(1);
    (projected + projected / 16)
        .saturating_sub(len)
        .max(len / 4)
        .max(needed)
}

/// A term's postings, in document order, packed ([`Posting::pack`]), and the length of
/// their code. Packed, a posting is about 5 bytes, a struct 24: the postings are most
/// of the memory the index takes.
#[derive(Default)]
struct Postings {
    packed: Vec<u8>,
    code_len: usize,
    /// How many documents have the term.
    docs: u32,
    /// The document of the last posting.
    last: u32,
}

impl Postings {
    /// Writes their code ([`Posting::code`]).
    fn code(&self, out: &mut Vec<u8>) {
        let (mut rest, mut last) = (&self.packed[..], 0);
        while !rest.is_empty() {
            let (posting, after) = Posting::unpack(rest);
            posting.code(last, out);
            (rest, last) = (after, posting.doc);
        }
    }
}

/// A term and its postings.
type TermPostings = (String, Postings);

/// Terms and their postings, while the index is being built.
type Terms = crate::analyse::text::HashedMap<String, Postings>;

/// How many documents' terms are made at once, in parallel, before they are appended
/// to the index's lists: enough to keep both cores busy, few enough that a batch is a
/// megabyte.
const BATCH: usize = 256;

/// `search/index.json`.
#[derive(Debug, Serialize, Deserialize)]
struct Meta {
    version: u32,
    docs: u32,
    /// Documents per `f/<n>.json` file.
    per_file: u32,
    /// Quote documents per `q/<n>.json` file.
    #[serde(default)]
    quotes_per_file: u32,
    /// Term prefix → shard file name, under `t/`.
    shards: BTreeMap<String, String>,
    /// Each kind and its range of document numbers, `[kind, first, end]`.
    #[serde(default)]
    kinds: Vec<(String, u32, u32)>,
    /// First letter → term list file name, under `w/`.
    #[serde(default)]
    words: BTreeMap<String, String>,
}

/// The search index, built once per site: the terms of every document, in order,
/// with their postings as JSON, and the shards they are split into. A shard's file is
/// made from its terms when it is written, as are the document files, so the index
/// holds its postings once, not a second time as shard files.
pub(crate) struct Index {
    docs: usize,
    terms: Vec<TermPostings>,
    shards: Vec<Shard>,
    /// Shard file name → its place in `shards`.
    by_name: std::collections::HashMap<String, usize>,
    /// Each kind's range of document numbers.
    kinds: Vec<(String, u32, u32)>,
    /// The first quote document (`docs` when there are none).
    quotes_from: usize,
    /// The term lists: first letter, file name, and the places in `terms` of the
    /// terms it holds, the terms in the most documents first.
    word_lists: Vec<(String, String, Vec<usize>)>,
    /// The [`SavedTerms`] of its documents, when it was built [`Keyed`].
    saving: Option<Saving>,
}

/// A shard: its prefix, its file name, and its range of the index's terms.
type Shard = (String, String, std::ops::Range<usize>);

impl Index {
    /// The index of the documents of `b`, `analysis` and `places` (the site's). When
    /// `keyed`, the terms of the documents whose key the last build saved are reused,
    /// and every document's are saved for the next build.
    pub(crate) fn build(
        b: &Briefing,
        analysis: &Analysis,
        places: &Places,
        w: &Words,
        keyed: Option<Keyed>,
    ) -> Index {
        let docs = count(b, analysis, places);
        let make = |i| document(b, analysis, places, w, i);
        let mut index = Index::of_keyed(docs, &make, keyed);
        let mut first = 0;
        for (kind, n) in kinds(b, analysis, places) {
            if kind == "quote" {
                index.quotes_from = first;
            }
            index
                .kinds
                .push((kind.to_string(), first as u32, (first + n) as u32));
            first += n;
        }
        index
    }

    /// The index of `docs` documents, made by `make`.
    fn of(docs: usize, make: &(dyn Fn(usize) -> Document + Sync)) -> Index {
        Index::of_keyed(docs, make, None)
    }

    /// [`Index::of`], the documents' terms reused from and saved under their keys
    /// when `keyed`.
    fn of_keyed(
        docs: usize,
        make: &(dyn Fn(usize) -> Document + Sync),
        keyed: Option<Keyed>,
    ) -> Index {
        let (key, old, salt) = match keyed {
            Some(k) => (Some(k.key), k.old, k.salt),
            None => (None, None, 0),
        };
        let keys: Option<Vec<u64>> = key.map(|key| (0..docs).into_par_iter().map(key).collect());
        let patch = keys
            .as_deref()
            .zip(old.as_ref())
            .and_then(|(keys, old)| patched(old, keys, make));
        let (terms, saving) = match patch {
            Some((terms, entries, new)) => (terms, Some((entries, new))),
            None => appended(docs, make, keys.as_deref(), old.as_ref()),
        };
        let saving = saving.zip(keys).and_then(|((entries, new), keys)| {
            Some(Saving {
                salt,
                old,
                entries,
                new: new.finish()?,
                keys,
            })
        });
        let sized: Vec<(&str, usize)> = terms
            .iter()
            .map(|entry| (entry.0.as_str(), entry_size(entry)))
            .collect();
        let shards: Vec<Shard> = shards(&sized, SHARD_LIMIT)
            .into_iter()
            .map(|(prefix, range)| {
                let name = file_name(&prefix);
                (prefix, name, range)
            })
            .collect();
        let by_name = shards
            .iter()
            .enumerate()
            .map(|(i, (_, name, _))| (name.clone(), i))
            .collect();
        let word_lists = word_lists(&terms, TERM_LIST_LIMIT);
        Index {
            docs,
            terms,
            shards,
            by_name,
            kinds: Vec::new(),
            quotes_from: docs,
            word_lists,
            saving,
        }
    }

    /// Whether it was built [`Keyed`], to save its documents' terms.
    pub(crate) fn has_saved_terms(&self) -> bool {
        self.saving.is_some()
    }

    /// Writes the [`SavedTerms`] of its documents to `out`, when it was built
    /// [`Keyed`]; `None` when it was not.
    pub(crate) fn save_terms(&self, out: &mut dyn std::io::Write) -> Option<std::io::Result<()>> {
        self.saving.as_ref().map(|s| s.write(&self.terms, out))
    }

    /// Every file of the index, by path under `search/`.
    pub(crate) fn file_names(&self) -> Vec<String> {
        let mut out = vec!["index.json".to_string()];
        out.extend(
            self.shards
                .iter()
                .map(|(_, name, _)| format!("t/{name}.json")),
        );
        out.extend((0..self.quotes_from.div_ceil(DOCS_PER_FILE)).map(|i| format!("f/{i}.json")));
        let quotes = self.docs - self.quotes_from;
        out.extend((0..quotes.div_ceil(QUOTES_PER_FILE)).map(|i| format!("q/{i}.json")));
        out.extend(
            self.word_lists
                .iter()
                .map(|(_, name, _)| format!("w/{name}.json")),
        );
        out
    }

    /// One file of the index [`Index::build`] made of the same documents.
    pub(crate) fn file(
        &self,
        b: &Briefing,
        analysis: &Analysis,
        places: &Places,
        w: &Words,
        name: &str,
    ) -> Vec<u8> {
        self.file_of(name, &|i| document(b, analysis, places, w, i))
    }

    /// The file `name`, made from the index's terms or from its documents; empty when
    /// the index has no such file.
    fn file_of(&self, name: &str, make: &(dyn Fn(usize) -> Document + Sync)) -> Vec<u8> {
        if name == "index.json" {
            let meta = Meta {
                version: VERSION,
                docs: self.docs as u32,
                per_file: DOCS_PER_FILE as u32,
                quotes_per_file: QUOTES_PER_FILE as u32,
                shards: self
                    .shards
                    .iter()
                    .map(|(prefix, name, _)| (prefix.clone(), name.clone()))
                    .collect(),
                kinds: self.kinds.clone(),
                words: self
                    .word_lists
                    .iter()
                    .map(|(letter, name, _)| (letter.clone(), name.clone()))
                    .collect(),
            };
            return serde_json::to_vec(&meta).unwrap_or_default();
        }
        if let Some(range) = stored_in(name, self.docs, self.quotes_from) {
            let docs: Vec<Document> = range.map(make).collect();
            let stored: Vec<Stored> = docs.iter().map(Stored::of).collect();
            return serde_json::to_vec(&stored).unwrap_or_default();
        }
        if let Some((_, _, list)) = name
            .strip_prefix("w/")
            .and_then(|n| n.strip_suffix(".json"))
            .and_then(|n| self.word_lists.iter().find(|(_, file, _)| file == n))
        {
            let words: Vec<(&str, u32)> = list
                .iter()
                .map(|&t| (self.terms[t].0.as_str(), self.terms[t].1.docs))
                .collect();
            return serde_json::to_vec(&words).unwrap_or_default();
        }
        name.strip_prefix("t/")
            .and_then(|n| n.strip_suffix(".json"))
            .and_then(|n| self.by_name.get(n))
            .map_or_else(Vec::new, |&i| {
                shard_json(&self.terms[self.shards[i].2.clone()])
            })
    }
}

/// The terms of `docs` documents made by `make`, each document's appended in turn to
/// its terms' lists, in the terms' order; with `keys`, each document's saved entry for
/// the next build, its terms read back from `old` where it saved them under its key.
fn appended(
    docs: usize,
    make: &(dyn Fn(usize) -> Document + Sync),
    keys: Option<&[u64]>,
    old: Option<&SavedTerms>,
) -> (Vec<TermPostings>, Option<(Vec<Entry>, Spill)>) {
    // Documents' terms are made in parallel a batch at a time, and appended to the
    // terms' lists in document order while the next batch is made. Gathering per
    // thread and merging the threads' lists would hold every posting twice, in
    // pieces, at the merge.
    let mut terms = Terms::default();
    let mut saving = keys.and_then(|_| Some((Vec::with_capacity(docs), Spill::new()?)));
    // Each document's key, its terms, and where they were read from when the last
    // build saved them.
    type Made = (u64, DocTerms, Option<std::ops::Range<u64>>);
    let mut made: Vec<Made> = Vec::new();
    let mut append = |made: &[Made], first: usize, terms: &mut Terms| {
        for (i, (key, d, from)) in made.iter().enumerate() {
            d.append_to(terms, first + i + 1, docs);
            let Some((entries, new)) = saving.as_mut() else {
                continue;
            };
            match from {
                Some(at) => entries.push(Entry::Old(at.clone())),
                None => entries.extend(new.push(*key, d).map(Entry::New)),
            }
        }
    };
    let terms_of = |i: usize| -> Made {
        let Some(key) = keys.map(|keys| keys[i]) else {
            return (0, DocTerms::of(i as u32, &make(i)), None);
        };
        let restored = old
            .and_then(|old| old.get(key))
            .and_then(|(at, entry)| Some((DocTerms::restore(i as u32, entry.get(8..)?)?, at)));
        match restored {
            Some((terms, at)) => (key, terms, Some(at)),
            None => (key, DocTerms::of(i as u32, &make(i)), None),
        }
    };
    for first in (0..docs).step_by(BATCH) {
        let batch = first..docs.min(first + BATCH);
        let previous = std::mem::take(&mut made);
        let index = &mut terms;
        (made, ()) = rayon::join(
            || batch.into_par_iter().map(terms_of).collect(),
            || append(&previous, first.saturating_sub(BATCH), index),
        );
    }
    append(&made, docs.saturating_sub(made.len()), &mut terms);
    let mut terms: Vec<TermPostings> = terms.into_iter().collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (terms, saving)
}

/// At most one document in this many may have changed since the last build for its
/// saved index to be patched: past that, the changed documents' terms reach most
/// terms' lists, and appending every document's terms again costs less.
const PATCHED_AT_MOST: usize = 16;

/// The terms of the documents whose keys are `keys`, patched from the saved index in
/// `old`: the postings of each document whose key changed (or that is gone) taken out
/// of its old terms' lists, and its new terms' put in, in document order; and each
/// document's saved entry for the next build. `None` when there is no saved index,
/// too many documents changed, or a changed document's old terms were not saved:
/// the terms are then appended anew ([`appended`]).
fn patched(
    old: &SavedTerms,
    keys: &[u64],
    make: &(dyn Fn(usize) -> Document + Sync),
) -> Option<(Vec<TermPostings>, Vec<Entry>, Spill)> {
    let (old_keys, mut terms) = old.index()?;
    let docs = keys.len().max(old_keys.len());
    let changed: Vec<usize> = (0..docs)
        .filter(|&d| keys.get(d) != old_keys.get(d))
        .collect();
    if changed.len() * PATCHED_AT_MOST > keys.len().max(1) {
        return None;
    }
    // The documents whose postings leave their lists, and the terms they were in.
    let gone: Vec<u32> = changed
        .iter()
        .filter(|&&d| d < old_keys.len())
        .map(|&d| d as u32)
        .collect();
    let old_terms: Vec<DocTerms> = gone
        .par_iter()
        .map(|&d| {
            let (_, entry) = old.get(old_keys[d as usize])?;
            DocTerms::restore(d, entry.get(8..)?)
        })
        .collect::<Option<_>>()?;
    let new_terms: Vec<DocTerms> = changed
        .par_iter()
        .filter(|&&d| d < keys.len())
        .map(|&d| DocTerms::of(d as u32, &make(d)))
        .collect();
    // Each term reached, and the postings it gains, in document order.
    let mut reached: BTreeMap<&str, Vec<Added>> = BTreeMap::new();
    for d in &old_terms {
        for (term, ..) in d.terms() {
            reached.entry(term).or_default();
        }
    }
    for d in &new_terms {
        for (term, packed, code_len) in d.terms() {
            reached
                .entry(term)
                .or_default()
                .push((d.doc, packed, code_len));
        }
    }
    // Each reached term's place in the saved index (where it is, or is not yet), and
    // its list patched.
    let lists: Vec<(&str, Result<usize, usize>, Postings)> = reached
        .into_par_iter()
        .map(|(term, added)| {
            let at = terms.binary_search_by(|(t, _)| t.as_str().cmp(term));
            let list = at.ok().map(|i| &terms[i].1);
            (term, at, merged(list, &gone, &added))
        })
        .collect();
    // The lists replaced in place, the new terms added and the emptied ones left out,
    // in the terms' order.
    let mut added = Vec::new();
    for (term, at, list) in lists {
        match at {
            Ok(i) => terms[i].1 = list,
            Err(_) => added.push((term.to_string(), list)),
        }
    }
    terms.retain(|(_, list)| list.docs > 0);
    if !added.is_empty() {
        terms.extend(added.into_iter().filter(|(_, list)| list.docs > 0));
        terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    }
    // The unchanged documents' entries are where the last build saved them; a
    // document whose terms could not be saved has none there, nor would it now.
    let mut new = Spill::new()?;
    let mut made = new_terms.iter();
    let mut entries = Vec::with_capacity(keys.len());
    for (d, &key) in keys.iter().enumerate() {
        if changed.binary_search(&d).is_ok() {
            let terms = made.next().expect("made for each changed document");
            entries.extend(new.push(key, terms).map(Entry::New));
        } else {
            entries.extend(old.entries.get(&key).cloned().map(Entry::Old));
        }
    }
    Some((terms, entries, new))
}

/// A posting put into a list: its document, the posting packed but for the document,
/// and the length of its code but for the step.
type Added<'a> = (u32, &'a [u8], u32);

/// The postings of `list` but those of the documents `gone` (sorted), with `added`
/// (each a document, its posting packed but for the document, and the length of its
/// code but for the step) put in document order. A term every document has lists
/// tens of thousands of postings, and a changed article reaches hundreds of terms:
/// the postings between the changes are copied as they are, each read only as far
/// as its document, and the length of the code corrected where a step changed.
fn merged(list: Option<&Postings>, gone: &[u32], added: &[Added]) -> Postings {
    let old = list.map_or(&[][..], |l| &l.packed[..]);
    let mut out = Postings {
        packed: Vec::with_capacity(old.len() + added.iter().map(|a| a.1.len() + 5).sum::<usize>()),
        code_len: list.map_or(0, |l| l.code_len),
        docs: list.map_or(0, |l| l.docs),
        last: 0,
    };
    // The code's length is corrected by the steps that change: from the document
    // before in the old list (`before`) to the one before in the new (`out.last`).
    let (mut before, mut copied_from) = (0u32, 0usize);
    let mut added = added.iter().peekable();
    let mut at = 0;
    let insert = |out: &mut Postings, (doc, packed, code_len): &Added| {
        put(&mut out.packed, *doc);
        out.packed.extend_from_slice(packed);
        out.code_len += digits(u64::from(doc - out.last)) + *code_len as usize;
        out.docs += 1;
        out.last = *doc;
    };
    while at < old.len() {
        let (doc, end) = posting_at(old, at);
        let adding = added.peek().is_some_and(|a| a.0 < doc);
        let leaving = gone.binary_search(&doc).is_ok();
        if adding || leaving {
            out.packed.extend_from_slice(&old[copied_from..at]);
            copied_from = at;
        }
        while let Some(a) = added.next_if(|a| a.0 < doc) {
            insert(&mut out, a);
        }
        let step = digits(u64::from(doc - before));
        if leaving {
            let (posting, _) = Posting::unpack(&old[at..end]);
            out.code_len -= step + posting.code_len_after_step();
            out.docs -= 1;
            copied_from = end;
        } else {
            out.code_len = out.code_len + digits(u64::from(doc - out.last)) - step;
            out.last = doc;
        }
        before = doc;
        at = end;
    }
    out.packed.extend_from_slice(&old[copied_from..]);
    for a in added {
        insert(&mut out, a);
    }
    out
}

/// The document of the posting packed at `at` in `packed`, and where the posting ends.
fn posting_at(packed: &[u8], at: usize) -> (u32, usize) {
    let (doc, rest) = take(&packed[at..]);
    // Past its score: then how many passages, and past them.
    let score = rest
        .iter()
        .position(|&b| b < 0x80)
        .map_or(rest.len(), |i| i + 1);
    let (passages, mut rest) = take(&rest[score..]);
    for _ in 0..passages {
        let n = rest
            .iter()
            .position(|&b| b < 0x80)
            .map_or(rest.len(), |i| i + 1);
        rest = &rest[n..];
    }
    (doc, packed.len() - rest.len())
}

/// The bytes of a term's entry in its shard, `"term":"postings",` (more if the term
/// needs escaping).
fn entry_size((term, postings): &TermPostings) -> usize {
    term.len() + postings.code_len + 6
}

/// A shard's file: its terms, each with its postings.
fn shard_json(terms: &[TermPostings]) -> Vec<u8> {
    let size: usize = terms.iter().map(entry_size).sum();
    let mut json = Vec::with_capacity(size + 2);
    json.push(b'{');
    for (i, (term, postings)) in terms.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        // Writing into a Vec cannot fail, and a term and its postings serialise.
        let _ = serde_json::to_writer(&mut json, term);
        json.extend_from_slice(b":\"");
        postings.code(&mut json);
        json.push(b'"');
    }
    json.push(b'}');
    json
}

/// Every index file of these documents, by path under `search/`.
pub fn files(docs: &[Document]) -> BTreeMap<String, Vec<u8>> {
    let make = |i: usize| docs[i].clone();
    let index = Index::of(docs.len(), &make);
    index
        .file_names()
        .into_par_iter()
        .map(|name| {
            let bytes = index.file_of(&name, &make);
            (name, bytes)
        })
        .collect()
}

/// Splits sorted terms (with their size in bytes) into shards by prefix: a prefix
/// whose terms together exceed `limit` is split by the next character, down to
/// [`MAX_PREFIX`] characters. The terms exactly as long as a split prefix stay in the
/// shard of that prefix. Returns each shard's prefix and its range of `terms`.
fn shards(terms: &[(&str, usize)], limit: usize) -> Vec<(String, std::ops::Range<usize>)> {
    fn prefix(term: &str, n: usize) -> &str {
        term.char_indices().nth(n).map_or(term, |(i, _)| &term[..i])
    }
    fn split(
        terms: &[(&str, usize)],
        offset: usize,
        depth: usize,
        limit: usize,
        out: &mut Vec<(String, std::ops::Range<usize>)>,
    ) {
        let mut start = 0;
        while start < terms.len() {
            let key = prefix(terms[start].0, depth);
            let end = start
                + terms[start..]
                    .iter()
                    .take_while(|(t, _)| prefix(t, depth) == key)
                    .count();
            let group = &terms[start..end];
            let size: usize = group.iter().map(|(_, s)| s).sum();
            if size <= limit || depth >= MAX_PREFIX {
                out.push((key.to_string(), offset + start..offset + end));
            } else {
                // Sorted, so the term equal to the prefix (if any) comes first.
                let exact = usize::from(group[0].0 == key);
                if exact == 1 {
                    out.push((key.to_string(), offset + start..offset + start + 1));
                }
                split(
                    &group[exact..],
                    offset + start + exact,
                    depth + 1,
                    limit,
                    out,
                );
            }
            start = end;
        }
    }
    let mut out = Vec::new();
    split(terms, 0, 1, limit, &mut out);
    out
}

/// The term lists of sorted `terms`: for each first letter, the terms of at least
/// [`TERM_LIST_MIN_CHARS`] letters and no digit (a number is not misspelt), at most
/// `limit` of them, those in the most documents, then in order.
fn word_lists(terms: &[TermPostings], limit: usize) -> Vec<(String, String, Vec<usize>)> {
    let mut out: Vec<(String, String, Vec<usize>)> = Vec::new();
    for (i, (term, _)) in terms.iter().enumerate() {
        let Some(first) = term.chars().next() else {
            continue;
        };
        if term.chars().count() < TERM_LIST_MIN_CHARS || term.contains(char::is_numeric) {
            continue;
        }
        let letter = first.to_string();
        match out.last_mut() {
            Some((l, _, list)) if *l == letter => list.push(i),
            _ => out.push((letter.clone(), file_name(&letter), vec![i])),
        }
    }
    for (_, _, list) in &mut out {
        list.sort_by(|&a, &b| terms[b].1.docs.cmp(&terms[a].1.docs).then(a.cmp(&b)));
        list.truncate(limit);
    }
    out
}

/// A shard's file name: letters and digits as they are, anything else as `_hex_`.
fn file_name(prefix: &str) -> String {
    let mut out = String::new();
    for c in prefix.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}_", c as u32));
        }
    }
    out
}

/// One search result, as `search.js` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Relative to the site's top, with the passage's anchor when it has one.
    pub url: String,
    pub title: String,
    pub kind: String,
    pub meta: String,
    /// The passage shown, and the folded index terms in it that matched.
    pub passage: String,
    pub terms: BTreeSet<String>,
}

/// A search as a reader asks it: the words typed, the kind of result wanted (`None`
/// for all; `comparison` also takes stories, shown together), and which page of
/// results.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub text: &'a str,
    pub kind: Option<&'a str>,
    pub offset: usize,
    pub limit: usize,
}

/// What a search found: the results asked for, how many there are in all, and, when
/// the words as typed found nothing, the query it searched for instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub corrected: Option<String>,
}

/// Runs a query against index files, read by path under `search/` — the same lookup
/// `search.js` does in the browser, so tests can check what a reader would find.
pub fn query(read: &dyn Fn(&str) -> Option<Vec<u8>>, text: &str, limit: usize) -> Vec<Hit> {
    search(
        read,
        &Request {
            text,
            kind: None,
            offset: 0,
            limit,
        },
    )
    .hits
}

/// doc → (total score, passage → words matched, terms matched)
type Found = (f64, BTreeMap<u32, BTreeSet<usize>>, BTreeSet<String>);

/// Shards read so far, by prefix.
type ShardCache = BTreeMap<String, BTreeMap<String, Vec<Vec<u32>>>>;

/// Every word of the query must match (the last one as a prefix while the query does
/// not end in a space); documents score the sum over words of the best matching term's
/// score weighted by its rarity. When that finds nothing, each word that matches no
/// term is replaced by the nearest term of its term list ([`correction`]), and the
/// query runs again.
pub fn search(read: &dyn Fn(&str) -> Option<Vec<u8>>, request: &Request) -> Outcome {
    let nothing = Outcome {
        hits: Vec::new(),
        total: 0,
        corrected: None,
    };
    let text = request.text;
    let folded = fold(text);
    let wanted: Vec<String> = words(&folded).map(str::to_string).collect();
    if wanted.is_empty() {
        return nothing;
    }
    let open_end = !text.ends_with(char::is_whitespace);
    let Some(meta) = read("index.json").and_then(|b| serde_json::from_slice::<Meta>(&b).ok())
    else {
        return nothing;
    };
    let mut cache = ShardCache::new();
    let (mut scored, unmatched) = matches(read, &meta, &mut cache, &wanted, open_end);
    let mut corrected = None;
    if scored.is_empty() && unmatched.iter().any(|&u| u) {
        let mut changed = false;
        let fixed: Vec<String> = wanted
            .iter()
            .zip(&unmatched)
            .map(
                |(w, &u)| match u.then(|| correction(read, &meta, w)).flatten() {
                    Some(c) => {
                        changed = true;
                        c
                    }
                    None => w.clone(),
                },
            )
            .collect();
        if changed {
            let last_kept = fixed.last() == wanted.last();
            (scored, _) = matches(read, &meta, &mut cache, &fixed, open_end && last_kept);
            if !scored.is_empty() {
                corrected = Some(fixed.join(" "));
            }
        }
    }
    if let Some(kind) = request.kind {
        let ranges: Vec<(u32, u32)> = meta
            .kinds
            .iter()
            .filter(|(k, _, _)| k == kind || (kind == "comparison" && k == "story"))
            .map(|(_, first, end)| (*first, *end))
            .collect();
        scored.retain(|(_, doc, _)| ranges.iter().any(|(f, e)| (*f..*e).contains(doc)));
    }
    let total = scored.len();
    let quotes_from = meta
        .kinds
        .iter()
        .find(|(k, _, _)| k == "quote")
        .map_or(meta.docs, |(_, first, _)| *first) as usize;
    let mut files: BTreeMap<String, Vec<Kept>> = BTreeMap::new();
    let hits = scored
        .into_iter()
        .skip(request.offset)
        .take(request.limit)
        .filter_map(|(_, doc, (_, passages, terms))| {
            let (name, at) = stored_at(doc as usize, quotes_from);
            let file = files.entry(name).or_insert_with_key(|name| {
                read(name)
                    .and_then(|b| serde_json::from_slice(&b).ok())
                    .unwrap_or_default()
            });
            let d = file.get(at)?.clone();
            let shown = best_passage(&passages);
            let (text, anchor) = d.passages.get(shown as usize).cloned().unwrap_or_default();
            // A paragraph of an article is read from the article's page, as search.js does.
            let passage = text.unwrap_or_else(|| {
                let page = read(&format!("../{}index.html", d.url));
                let id = anchor.trim_start_matches('#');
                page.and_then(|html| paragraph_on_page(&String::from_utf8_lossy(&html), id))
                    .unwrap_or_default()
            });
            Some(Hit {
                url: format!("{}{anchor}", d.url),
                title: d.title,
                kind: d.kind,
                meta: d.meta,
                passage,
                terms,
            })
        })
        .collect();
    Outcome {
        hits,
        total,
        corrected,
    }
}

/// The documents that match every word, best first, and for each word whether it
/// matched no term at all.
fn matches(
    read: &dyn Fn(&str) -> Option<Vec<u8>>,
    meta: &Meta,
    cache: &mut ShardCache,
    wanted: &[String],
    open_end: bool,
) -> (Vec<(f64, u32, Found)>, Vec<bool>) {
    let last = wanted.len().saturating_sub(1);
    let mut per_word: Vec<BTreeMap<u32, Found>> = Vec::new();
    let mut unmatched = Vec::new();
    for (wi, word) in wanted.iter().enumerate() {
        let as_prefix = open_end && wi == last && word.chars().count() >= 2;
        let keys: Vec<&String> = meta
            .shards
            .keys()
            .filter(|k| {
                if as_prefix {
                    k.starts_with(word.as_str()) || word.starts_with(k.as_str())
                } else {
                    word.starts_with(k.as_str())
                }
            })
            .collect();
        let mut found: BTreeMap<u32, Found> = BTreeMap::new();
        for key in keys {
            let shard = cache.entry(key.clone()).or_insert_with(|| {
                let coded: BTreeMap<String, String> = read(&format!("t/{}.json", meta.shards[key]))
                    .and_then(|b| serde_json::from_slice(&b).ok())
                    .unwrap_or_default();
                coded
                    .into_iter()
                    .filter_map(|(term, code)| Some((term, decode(&code)?)))
                    .collect()
            });
            for (term, postings) in shard.iter() {
                let hit = if as_prefix {
                    term.starts_with(word.as_str())
                } else {
                    term == word
                };
                if !hit {
                    continue;
                }
                let idf = (1.0 + f64::from(meta.docs) / postings.len().max(1) as f64).ln();
                for p in postings {
                    let (Some(&doc), Some(&score)) = (p.first(), p.get(1)) else {
                        continue;
                    };
                    let entry = found.entry(doc).or_default();
                    entry.0 = entry.0.max(f64::from(score) * idf);
                    for &passage in &p[2..] {
                        entry.1.entry(passage).or_default().insert(wi);
                    }
                    entry.2.insert(term.clone());
                }
            }
        }
        unmatched.push(found.is_empty());
        per_word.push(found);
    }
    let mut scored: Vec<(f64, u32, Found)> = Vec::new();
    if let Some((first, rest)) = per_word.split_first() {
        'docs: for (doc, f) in first {
            let mut total = f.clone();
            for other in rest {
                let Some(o) = other.get(doc) else {
                    continue 'docs;
                };
                total.0 += o.0;
                for (p, ws) in &o.1 {
                    total.1.entry(*p).or_default().extend(ws);
                }
                total.2.extend(o.2.iter().cloned());
            }
            scored.push((total.0, *doc, total));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    (scored, unmatched)
}

/// How many edits a word of `chars` characters may be from the term it was meant as:
/// none below four letters (too many words are one edit apart), one up to seven, two
/// from eight.
pub fn typo_budget(chars: usize) -> usize {
    match chars {
        0..TERM_LIST_MIN_CHARS => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The edit distance of `a` and `b` in characters (insertions, deletions,
/// substitutions and swaps of two neighbours), or `None` when it is above `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the optimal string alignment table.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        let mut best = row[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
}

/// The term `word` was most likely meant as: of the terms of its first letter's list
/// within [`typo_budget`] edits, the nearest, then the one in the most documents, then
/// the first in order.
fn correction(read: &dyn Fn(&str) -> Option<Vec<u8>>, meta: &Meta, word: &str) -> Option<String> {
    let budget = typo_budget(word.chars().count());
    if budget == 0 {
        return None;
    }
    let first = word.chars().next()?.to_string();
    let list: Vec<(String, u32)> = read(&format!("w/{}.json", meta.words.get(&first)?))
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    list.into_iter()
        .filter_map(|(term, docs)| {
            let d = edit_distance(word, &term, budget)?;
            (d > 0).then_some((d, std::cmp::Reverse(docs), term))
        })
        .min()
        .map(|(_, _, term)| term)
}

/// The passage to show: the one matching the most query words, a text passage rather
/// than the title (which is shown anyway), then the earliest.
fn best_passage(passages: &BTreeMap<u32, BTreeSet<usize>>) -> u32 {
    passages
        .iter()
        .max_by(|a, b| {
            a.1.len()
                .cmp(&b.1.len())
                .then((a.0 != &0).cmp(&(b.0 != &0)))
                .then(b.0.cmp(a.0))
        })
        .map_or(0, |(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_is_read_from_its_page_as_a_reader_reads_it() {
        let page = "<main><p id=\"p2\">“<span class=\"quote\">We will rebuild</span>,”\
            <a class=\"speaker\" href=\"../../people/x/\"><span class=\"visually-hidden\">quote of </span>Ana Ortiz</a> \
            <a class=\"mention\" href=\"../../people/x/\">Ortiz</a> said &amp; left.\n\
            <a href=\"#p2\">¶2</a></p><p id=\"p20\">Other.</p></main>";
        assert_eq!(
            paragraph_on_page(page, "p2").as_deref(),
            Some("“We will rebuild,” Ortiz said & left.")
        );
        assert_eq!(paragraph_on_page(page, "p20").as_deref(), Some("Other."));
        assert_eq!(paragraph_on_page(page, "p3"), None);
    }

    #[test]
    fn folding_drops_accents_and_case() {
        for (text, folded) in [
            ("Rodríguez", "rodriguez"),
            ("RODRÍGUEZ", "rodriguez"),
            ("Nicolás Maduro", "nicolas maduro"),
            ("Türkiye", "turkiye"),
            ("Díaz-Canel", "diaz-canel"),
            ("İstanbul", "istanbul"),
            ("Ça va", "ca va"),
            // Already decomposed: e + combining acute.
            ("Jose\u{301}", "jose"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        for (text, expected) in [
            ("el aissami’s name", vec!["el", "aissami", "s", "name"]),
            ("díaz-canel, 2026!", vec!["díaz", "canel", "2026"]),
            ("  ", vec![]),
            ("a--b", vec!["a", "b"]),
        ] {
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text}");
        }
        let long = "x".repeat(MAX_WORD + 1);
        assert_eq!(words(&long).count(), 0);
    }

    #[test]
    fn shards_split_by_the_next_letter_when_too_large() {
        let terms = [
            ("a", 1),
            ("ab", 5),
            ("abc", 5),
            ("ac", 5),
            ("b", 3),
            ("ba", 3),
        ];
        // Everything fits: one shard per first letter.
        let keys = |limit| {
            shards(&terms, limit)
                .into_iter()
                .map(|(k, r)| (k, r.start, r.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(100), vec![("a".into(), 0, 4), ("b".into(), 4, 6)]);
        // `a…` is 16 bytes: split, the one-letter term keeps the `a` shard.
        assert_eq!(
            keys(10),
            vec![
                ("a".into(), 0, 1),
                ("ab".into(), 1, 3),
                ("ac".into(), 3, 4),
                ("b".into(), 4, 6)
            ]
        );
        // Never deeper than MAX_PREFIX, however small the limit.
        let tiny = keys(1);
        assert!(tiny.iter().all(|(k, _, _)| k.chars().count() <= MAX_PREFIX));
        assert_eq!(tiny.last().unwrap().2, terms.len());
    }

    #[test]
    fn shard_file_names_are_plain() {
        assert_eq!(file_name("ro"), "ro");
        assert_eq!(file_name("ñ"), "_f1_");
        assert_eq!(file_name("é1"), "_e9_1");
    }

    fn doc(url: &str, title: &str, passages: &[(&str, u32)]) -> Document {
        let mut d = Document::new(url.into(), title, "person", String::new());
        for (text, w) in passages {
            d.add(text, "", *w);
        }
        d
    }

    /// Every file of an index of `docs` built [`Keyed`] (the key of a document its
    /// text, or only its number when `by_number`) from the terms in `saved`, and the
    /// terms it saves.
    fn keyed_build(
        docs: &[Document],
        saved: Option<&std::path::Path>,
        salt: u64,
        by_number: bool,
    ) -> (BTreeMap<String, Vec<u8>>, tempfile::NamedTempFile) {
        use std::hash::{Hash, Hasher};
        let key = |i: usize| {
            let mut h = std::hash::DefaultHasher::new();
            if by_number {
                i.hash(&mut h);
            } else {
                docs[i].passages.hash(&mut h);
            }
            h.finish()
        };
        let old = saved.and_then(|p| SavedTerms::read(std::fs::File::open(p).unwrap(), salt));
        let make = |i: usize| docs[i].clone();
        let keyed = Keyed {
            key: &key,
            old,
            salt,
        };
        let index = Index::of_keyed(docs.len(), &make, Some(keyed));
        let mut file = tempfile::NamedTempFile::new().unwrap();
        index.save_terms(&mut file).unwrap().unwrap();
        let files = index
            .file_names()
            .into_iter()
            .map(|name| {
                let bytes = index.file_of(&name, &make);
                (name, bytes)
            })
            .collect();
        (files, file)
    }

    #[test]
    fn saved_entries_next_to_each_other_in_one_file_are_copied_as_one_run() {
        let entries = [
            Entry::Old(16..40),
            Entry::Old(40..70),
            Entry::New(0..10),
            Entry::New(10..25),
            Entry::Old(90..100),
            Entry::Old(70..90),
            Entry::New(25..30),
        ];
        let expected = vec![
            (false, 16..70),
            (true, 0..25),
            (false, 90..100),
            (false, 70..90),
            (true, 25..30),
        ];
        assert_eq!(runs(&entries), expected);
        assert_eq!(runs(&[]), vec![]);
    }

    #[test]
    fn saved_terms_are_read_back_for_unchanged_keys_only() {
        let docs = |texts: &[&str]| -> Vec<Document> {
            let passages = |t| [(t, TEXT), ("Ortíz", NAME)];
            let each = texts.iter().enumerate();
            each.map(|(i, t)| doc(&format!("d/{i}/"), "x", &passages(*t)))
                .collect()
        };
        let before = docs(&["alpha beta", "gamma délta", "alpha épsilon", "omega"]);
        let (fresh, saved) = keyed_build(&before, None, 7, false);
        assert_eq!(fresh, files(&before));
        // A document edited, one added before others: the rest are read back.
        let after = docs(&[
            "alpha beta",
            "new words",
            "gamma zeta",
            "alpha épsilon",
            "omega",
        ]);
        let (reused, again) = keyed_build(&after, Some(saved.path()), 7, false);
        assert_eq!(reused, files(&after));
        let (twice, _) = keyed_build(&after, Some(again.path()), 7, false);
        assert_eq!(twice, files(&after));
        // What it saves, copied partly from the last file, is what a clean build saves.
        let (_, clean) = keyed_build(&after, None, 7, false);
        let read = |f: &tempfile::NamedTempFile| std::fs::read(f.path()).unwrap();
        assert_eq!(read(&again), read(&clean));
        // They are read back: under keys that do not change with the text, the terms
        // are the saved ones, stale, and the term files those of the documents before.
        let (_, by_number) = keyed_build(&before, None, 7, true);
        let edited = docs(&["alpha beta", "gamma zeta", "alpha épsilon", "omega"]);
        let (stale, _) = keyed_build(&edited, Some(by_number.path()), 7, true);
        let terms = |files: &BTreeMap<String, Vec<u8>>| -> Vec<Vec<u8>> {
            let shards = files.iter().filter(|(name, _)| name.starts_with("t/"));
            shards.map(|(_, bytes)| bytes.clone()).collect()
        };
        assert_eq!(terms(&stale), terms(&files(&before)));
        assert_ne!(terms(&stale), terms(&files(&edited)));
        // Not for another salt, nor torn.
        let (other, _) = keyed_build(&edited, Some(by_number.path()), 8, true);
        assert_eq!(other, files(&edited));
        let file = || std::fs::File::open(saved.path()).unwrap();
        assert!(SavedTerms::read(file(), 7).is_some());
        assert!(SavedTerms::read(file(), 8).is_none());
        let bytes = std::fs::read(saved.path()).unwrap();
        std::fs::write(saved.path(), &bytes[..bytes.len() - 3]).unwrap();
        assert!(SavedTerms::read(file(), 7).is_none());
    }

    #[test]
    fn the_saved_index_is_patched_by_the_few_documents_that_changed() {
        let docs = |texts: &[String]| -> Vec<Document> {
            let each = texts.iter().enumerate();
            each.map(|(i, t)| doc(&format!("d/{i}/"), "x", &[(t, TEXT), ("Ortíz", NAME)]))
                .collect()
        };
        let texts: Vec<String> = (0..60)
            .map(|i| format!("alpha word{} beta{} shared common{}", i % 7, i % 3, i))
            .collect();
        let before = docs(&texts);
        let (_, saved) = keyed_build(&before, None, 7, false);
        let read = |f: &tempfile::NamedTempFile| std::fs::read(f.path()).unwrap();
        // One document edited (a term gone, one added, one only its own), one added
        // at the end; then the last two gone.
        let mut edited = texts.clone();
        edited[5] = "alpha brandnew beta2 common5 common5".into();
        edited.push("zulu alpha".into());
        let fewer = &edited[..edited.len() - 2];
        for after in [docs(&edited), docs(fewer)] {
            let (built, again) = keyed_build(&after, Some(saved.path()), 7, false);
            let (_, clean) = keyed_build(&after, None, 7, false);
            assert_eq!(built, files(&after));
            assert_eq!(read(&again), read(&clean));
            // Patched, not appended anew; but not when most documents changed.
            let old = SavedTerms::read(std::fs::File::open(saved.path()).unwrap(), 7).unwrap();
            let key = |d: &Document| {
                use std::hash::{Hash, Hasher};
                let mut h = std::hash::DefaultHasher::new();
                d.passages.hash(&mut h);
                h.finish()
            };
            let keys: Vec<u64> = after.iter().map(key).collect();
            let make = |i: usize| after[i].clone();
            assert!(patched(&old, &keys, &make).is_some());
            let most: Vec<u64> = keys.iter().map(|k| k ^ 1).collect();
            assert!(patched(&old, &most, &make).is_none());
        }
        // A patched index is patched again; the saved index is what the lists are
        // made from: under keys that do not change with the text, it stays stale.
        let (_, once) = keyed_build(&docs(&edited), Some(saved.path()), 7, false);
        let (twice, _) = keyed_build(&docs(fewer), Some(once.path()), 7, false);
        assert_eq!(twice, files(&docs(fewer)));
        let (_, by_number) = keyed_build(&before, None, 7, true);
        let (stale, _) = keyed_build(&docs(&edited[..60]), Some(by_number.path()), 7, true);
        let terms = |files: &BTreeMap<String, Vec<u8>>| -> Vec<Vec<u8>> {
            let shards = files.iter().filter(|(name, _)| name.starts_with("t/"));
            shards.map(|(_, bytes)| bytes.clone()).collect()
        };
        assert_eq!(terms(&stale), terms(&files(&before)));
        assert_ne!(terms(&stale), terms(&files(&docs(&edited[..60]))));
    }

    #[test]
    fn queries_fold_match_prefixes_and_need_every_word() {
        let docs = vec![
            doc(
                "people/delcy/",
                "Delcy Rodríguez",
                &[
                    ("Delcy Rodriguez", NAME),
                    ("Interim president of Venezuela.", TEXT),
                ],
            ),
            doc(
                "people/bruno/",
                "Bruno Rodriguez",
                &[("Cuban foreign minister.", TEXT)],
            ),
            doc("people/zz/", "La Jefa", &[("Zulma Zamora", NAME)]),
        ];
        let files = files(&docs);
        let read = |p: &str| files.get(p).cloned();
        let urls =
            |q: &str| -> Vec<String> { query(&read, q, 10).into_iter().map(|h| h.url).collect() };
        for (q, expected) in [
            ("rodriguez", vec!["people/delcy/", "people/bruno/"]),
            ("RODRÍGUEZ", vec!["people/delcy/", "people/bruno/"]),
            ("delcy rodri", vec!["people/delcy/"]),
            ("rodr", vec!["people/delcy/", "people/bruno/"]),
            // A complete last word is not a prefix.
            ("rodr ", vec![]),
            ("zamora", vec!["people/zz/"]),
            ("venezuela bruno", vec![]),
            ("", vec![]),
        ] {
            assert_eq!(urls(q), expected, "{q:?}");
        }
        let hit = &query(&read, "interim", 1)[0];
        assert_eq!(hit.passage, "Interim president of Venezuela.");
        assert_eq!(hit.terms, BTreeSet::from(["interim".to_string()]));
    }

    #[test]
    fn quotes_are_stored_more_to_a_file_than_other_documents() {
        // 10 documents, the last 3 of them quotes.
        assert_eq!(stored_at(0, 7), ("f/0.json".into(), 0));
        assert_eq!(stored_at(6, 7), ("f/1.json".into(), 2));
        assert_eq!(stored_at(7, 7), ("q/0.json".into(), 0));
        assert_eq!(stored_at(9, 7), ("q/0.json".into(), 2));
        assert_eq!(stored_at(7 + QUOTES_PER_FILE, 7), ("q/1.json".into(), 0));
        assert_eq!(stored_in("f/1.json", 10, 7), Some(4..7));
        assert_eq!(stored_in("q/0.json", 10, 7), Some(7..10));
        assert_eq!(stored_in("f/2.json", 10, 7), None);
        assert_eq!(stored_in("q/1.json", 10, 7), None);
        assert_eq!(stored_in("t/a.json", 10, 7), None);
        // Every document is in the file stored_at names, at its place.
        for d in 0..10 {
            let (name, at) = stored_at(d, 7);
            let range = stored_in(&name, 10, 7).unwrap();
            assert_eq!(range.start + at, d, "{name}");
        }
    }

    #[test]
    fn edit_distances_within_a_budget() {
        for (a, b, max, expected) in [
            ("cabelo", "cabello", 1, Some(1)),
            ("cabello", "cabello", 1, Some(0)),
            ("rodirguez", "rodriguez", 1, Some(1)),
            ("maduor", "maduro", 1, Some(1)),
            ("madura", "maduro", 1, Some(1)),
            ("kabelo", "cabello", 1, None),
            ("kabelo", "cabello", 2, Some(2)),
            ("delcy", "dolly", 1, None),
            ("", "ab", 2, Some(2)),
            ("ab", "", 1, None),
            ("núñez", "nunez", 2, Some(2)),
        ] {
            assert_eq!(edit_distance(a, b, max), expected, "{a} → {b} within {max}");
        }
        assert_eq!(
            (1..10).map(typo_budget).collect::<Vec<_>>(),
            [0, 0, 0, 1, 1, 1, 1, 2, 2]
        );
    }

    #[test]
    fn a_word_that_matches_nothing_is_searched_as_its_nearest_term() {
        let docs = vec![
            doc("people/dc/", "Diosdado Cabello", &[]),
            doc("people/cb/", "Caballo Blanco", &[]),
            doc("a/", "Cabello said so", &[("Cabello spoke.", TEXT)]),
        ];
        let files = files(&docs);
        let read = |p: &str| files.get(p).cloned();
        let ask = |text| {
            search(
                &read,
                &Request {
                    text,
                    kind: None,
                    offset: 0,
                    limit: 10,
                },
            )
        };
        let found = ask("cabelo");
        assert_eq!(found.corrected.as_deref(), Some("cabello"));
        let mut urls: Vec<&str> = found.hits.iter().map(|h| h.url.as_str()).collect();
        urls.sort_unstable();
        assert_eq!(urls, ["a/", "people/dc/"]);
        assert!(found.hits.iter().all(|h| h.terms.contains("cabello")));
        // Only the word that matched nothing is replaced.
        let found = ask("diosdado cabelo ");
        assert_eq!(found.corrected.as_deref(), Some("diosdado cabello"));
        assert_eq!(found.hits[0].url, "people/dc/");
        // A word found as typed is not corrected; short words are not either.
        assert_eq!(ask("caballo").corrected, None);
        assert_eq!(ask("cab").corrected, None);
        assert!(ask("cbe ").hits.is_empty());
        assert!(ask("zzzzzz").hits.is_empty());
    }

    #[test]
    fn term_lists_hold_the_terms_in_the_most_documents_first_up_to_a_limit() {
        let docs: Vec<Document> = (0..6)
            .map(|i| {
                let text = [
                    "alpha beta",
                    "alpha",
                    "alpha",
                    "ambit ab 2026",
                    "aspen",
                    "aspen",
                ][i];
                doc(&format!("d/{i}/"), "x", &[(text, TEXT)])
            })
            .collect();
        let index = Index::of(docs.len(), &|i| docs[i].clone());
        let list = |limit| -> Vec<Vec<&str>> {
            word_lists(&index.terms, limit)
                .iter()
                .map(|(_, _, terms)| terms.iter().map(|&t| index.terms[t].0.as_str()).collect())
                .collect()
        };
        // No two-letter word, no number; "b" words in their own list.
        assert_eq!(list(10), [vec!["alpha", "aspen", "ambit"], vec!["beta"]]);
        assert_eq!(list(2), [vec!["alpha", "aspen"], vec!["beta"]]);
        let read = |p: &str| Some(index.file_of(p, &|i| docs[i].clone()));
        let meta: Meta = serde_json::from_slice(&read("index.json").unwrap()).unwrap();
        assert_eq!(meta.words["a"], "a");
        let a: Vec<(String, u32)> = serde_json::from_slice(&read("w/a.json").unwrap()).unwrap();
        assert_eq!(a[0], ("alpha".to_string(), 3));
    }

    #[test]
    fn documents_are_stored_a_few_to_a_file_and_each_is_found() {
        // One more than two full files, so the last file is short.
        let n = 2 * DOCS_PER_FILE + 1;
        let names = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
        ];
        let docs: Vec<Document> = (0..n)
            .map(|i| {
                let word = format!("{}{i}", names[i % names.len()]);
                doc(&format!("people/{i}/"), &word, &[])
            })
            .collect();
        let files = files(&docs);
        let stored: Vec<&String> = files.keys().filter(|k| k.starts_with("f/")).collect();
        assert_eq!(stored, ["f/0.json", "f/1.json", "f/2.json"]);
        let read = |p: &str| files.get(p).cloned();
        for (i, d) in docs.iter().enumerate() {
            let hits = query(&read, &d.title, 5);
            assert_eq!(hits.len(), 1, "{}", d.title);
            assert_eq!(hits[0].url, format!("people/{i}/"));
            assert_eq!(hits[0].title, d.title);
        }
    }

    #[test]
    fn passages_are_single_spaced() {
        for (text, spaced) in [
            ("plain words", "plain words"),
            ("  around  ", "around"),
            ("two  spaces", "two spaces"),
            ("a\tb\nc", "a b c"),
            ("no\u{a0}break", "no break"),
            ("", ""),
        ] {
            assert_eq!(single_spaced(text), spaced, "{text:?}");
        }
    }

    #[test]
    fn a_packed_posting_unpacks_to_itself_and_its_code_reads_back() {
        let edges = [
            0,
            1,
            9,
            10,
            31,
            32,
            127,
            128,
            16_383,
            16_384,
            99_999,
            u32::MAX,
        ];
        let mut list = Postings::default();
        let mut expected = Vec::new();
        for (i, &n) in edges.iter().enumerate() {
            let len = (i % (POSTING_PASSAGES + 1)) as u8;
            let mut passages = [0; POSTING_PASSAGES];
            passages[..len as usize].fill(n);
            let posting = Posting {
                doc: n,
                // Scores of every size, with the most passages' count beside them.
                score: edges[edges.len() - 1 - i] >> 2,
                passages,
                len,
            };
            let mut packed = Vec::new();
            put(&mut packed, posting.doc);
            posting.pack_after_doc(&mut packed);
            assert_eq!(Posting::unpack(&packed), (posting.clone(), &[][..]));
            let mut own = Vec::new();
            posting.code(list.last, &mut own);
            let step = digits(u64::from(n - list.last));
            assert_eq!(own.len(), step + posting.code_len_after_step());
            list.code_len += own.len();
            list.last = n;
            list.packed.extend_from_slice(&packed);
            let mut read = vec![posting.doc, posting.score];
            read.extend_from_slice(posting.passages());
            expected.push(read);
        }
        let mut written = Vec::new();
        list.code(&mut written);
        assert_eq!(written.len(), list.code_len);
        let code = String::from_utf8(written).unwrap();
        assert_eq!(decode(&code), Some(expected));
        // Plain characters, nothing a JSON string escapes.
        assert!(
            code.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        let entry = ("term".to_string(), list);
        assert_eq!(
            shard_json(std::slice::from_ref(&entry)).len(),
            entry_size(&entry) + 1
        );
    }

    #[test]
    fn postings_code_is_five_bits_a_character_lowest_first() {
        let code = |n: u64| {
            let mut out = Vec::new();
            digit(&mut out, n);
            assert_eq!(out.len(), digits(n), "{n}");
            String::from_utf8(out).unwrap()
        };
        assert_eq!(code(0), "0");
        assert_eq!(code(31), "V");
        // 32 is 0 with the next bit set, then 1.
        assert_eq!(code(32), "W1");
        assert_eq!(code(1025), "XW1");
        assert_eq!(decode("1"), None, "a step without its score");
        assert_eq!(decode("W"), None, "a number cut short");
        assert_eq!(decode("1!"), None, "not a digit");
        assert_eq!(decode(""), Some(vec![]));
        // Document 3, score 2 with one passage (9), passage 4; then document 3 + 1.
        assert_eq!(decode("39414"), Some(vec![vec![3, 2, 4], vec![4, 1]]));
    }

    #[test]
    fn postings_lists_grow_to_about_their_size_not_double() {
        // Terms in every document, in every other one, and only in the second half.
        let docs: Vec<Document> = (0..3000)
            .map(|i| {
                let late = if i >= 1500 { "late" } else { "" };
                let text = format!("every e{} {late}", i % 2);
                doc(&format!("people/{i}/"), "t", &[(&text, TEXT)])
            })
            .collect();
        let index = Index::of(docs.len(), &|i| docs[i].clone());
        for (term, postings) in &index.terms {
            let packed = &postings.packed;
            if packed.len() > 10_000 {
                let spare = (packed.capacity() - packed.len()) as f64 / packed.len() as f64;
                assert!(spare < 0.25, "{term}: {spare:.2} of its size to spare");
            }
        }
        assert!(index.terms.iter().any(|(t, _)| t == "late"));
        assert_eq!(room(0, 10, 0, 100), 1000 + 62);
        assert_eq!(room(1000, 10, 500, 1000), 2020 + 126 - 1000);
        assert_eq!(room(1000, 10, 1000, 1000), 250);
    }

    #[test]
    fn postings_are_in_document_order_however_the_threads_split_the_work() {
        // Words shared by many documents, so every term's postings come from many runs
        // of documents gathered on different threads.
        let docs: Vec<Document> = (0..2000)
            .map(|i| {
                let text = format!("common w{} v{} u{}", i % 7, i % 13, i % 101);
                doc(
                    &format!("people/{i}/"),
                    &format!("doc{i}"),
                    &[(&text, TEXT)],
                )
            })
            .collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let files = pool.install(|| files(&docs));
        let mut terms = 0;
        for (name, bytes) in files.iter().filter(|(n, _)| n.starts_with("t/")) {
            let shard: BTreeMap<String, String> = serde_json::from_slice(bytes).unwrap();
            for (term, code) in shard {
                let postings = decode(&code).unwrap();
                let order: Vec<u32> = postings.iter().map(|p| p[0]).collect();
                assert!(order.is_sorted_by(|a, b| a < b), "{name}: {term}");
                terms += 1;
            }
        }
        assert_eq!(terms, 2000 + 1 + 7 + 13 + 101);
        // The same bytes as one thread makes.
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        assert!(one.install(|| self::files(&docs)) == files);
    }

    #[test]
    fn the_shown_passage_matches_most_words() {
        let passages = BTreeMap::from([
            (0, BTreeSet::from([0, 1])),
            (2, BTreeSet::from([0])),
            (3, BTreeSet::from([0, 1])),
        ]);
        assert_eq!(best_passage(&passages), 3);
        assert_eq!(best_passage(&BTreeMap::from([(0, BTreeSet::from([0]))])), 0);
        assert_eq!(best_passage(&BTreeMap::new()), 0);
    }
}

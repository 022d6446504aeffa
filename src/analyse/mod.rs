//! *Analysis* is what the generator finds in the articles by itself, as opposed to what
//! the editor curated: mentions of people, direct quotes and their speakers, date
//! expressions, and stories (articles reporting the same events) with the differences
//! between their sources. It is pure and deterministic: the same briefing gives the same
//! findings, with no network and no model. Every finding names the article and the
//! 1-based paragraph it comes from, and the byte range inside that paragraph's text.
//!
//! [`run`] reads each article on its own, in parallel — `text` folds and cuts it,
//! `mentions` finds and resolves names, `quotes` finds quotations and speakers,
//! `dates` finds date expressions, `background` reads its shingles — then counts which
//! text many articles share (`background`), finds the pairs worth comparing through two
//! indexes over what is specific to each article (`candidates`), compares them
//! (`compare`) and groups articles into stories (`stories`), and last checks the
//! curation against the findings (`conflicts` for dates, `attribution` for quotes).
//! Findings are kept per article (`per_article`). Accuracy is measured against hand
//! annotations in `tests/it/accuracy.rs`.

mod attribution;
mod background;
mod candidates;
mod compare;
mod conflicts;
mod dates;
mod mentions;
mod per_article;
pub(crate) mod quote_words;
mod quotes;
mod saved;
mod stories;
pub(crate) mod text;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::content::Briefing;
use crate::diagnostic::Diagnostic;
use crate::edtf::Precision;
pub(crate) use compare::same_words;
pub use per_article::{Located, PerArticle};

/// Everything the generator found.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// In article order (articles by id), then paragraph, then offset.
    pub mentions: PerArticle<Mention>,
    pub quotes: PerArticle<Quote>,
    pub dates: PerArticle<DateMention>,
    /// Groups of articles that report the same story, each with its pairs.
    pub stories: Vec<Story>,
    /// Curated events whose sources date them differently from the event (with
    /// `event`), then dates that differ between aligned sentences of a story (without).
    pub conflicts: Vec<Conflict>,
    /// Warnings for `check`: ambiguous mentions, disputed event dates, quotes attributed
    /// to someone else than the curation says.
    pub warnings: Vec<Diagnostic>,
}

/// Where in an article a finding is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct Place {
    /// The article's id, shared by all its findings rather than copied into each.
    pub article: Arc<str>,
    /// 1-based paragraph number: the page anchor is `#p{paragraph}`.
    pub paragraph: usize,
    /// Byte range in the paragraph's plain text.
    pub start: usize,
    pub end: usize,
}

impl Place {
    /// The finding's text as written, in `article`, the article it is in. Findings
    /// keep where their text is, not a copy: they are many, and the article has it.
    pub fn text<'a>(&self, article: &'a crate::content::Article) -> &'a str {
        article.paragraph_slice(self.paragraph, self.start..self.end)
    }
}

/// The sentence around a finding: bytes `start..end` of the plain text of the
/// finding's paragraph. Findings keep where their sentence is, not a copy of it (the
/// data exports and person pages give the text): copies would hold a sentence once
/// for every finding in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub struct Around {
    pub start: u32,
    pub end: u32,
}

impl Around {
    pub fn new(start: usize, end: usize) -> Self {
        Around {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The sentence's text, in `article`, the article of the finding at `place`.
    pub fn text<'a>(&self, article: &'a crate::content::Article, place: &Place) -> &'a str {
        article.paragraph_slice(place.paragraph, self.start as usize..self.end as usize)
    }

    /// Where the finding at `place` is inside the sentence.
    pub fn of(&self, place: &Place) -> (usize, usize) {
        let start = self.start as usize;
        (
            place.start.saturating_sub(start),
            place.end.saturating_sub(start),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    FullName,
    Alias,
    Surname,
    FirstName,
    Title,
}

/// Not `Serialize`: its sentence is a place, and the data exports write the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub place: Place,
    /// The person meant, or `None` when nothing decides (ambiguous).
    pub person: Option<Arc<str>>,
    /// The candidates when ambiguous.
    pub candidates: Vec<String>,
    /// The sentence around it (the text as written is at its place).
    pub sentence: Around,
    pub kind: MentionKind,
    /// Why the mention was resolved this way ("full name", "subject of the article"…):
    /// one of a few fixed phrases, not a string per mention.
    pub reason: &'static str,
}

/// Not `Serialize`: its sentence is a place, and the data exports write the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Where the quoted words are, without the quotation marks ([`Place::text`]).
    pub place: Place,
    /// A person id when the speaker is a known person.
    pub person: Option<Arc<str>>,
    /// The speaker as written ("a senior Venezuelan military official"), or `None`.
    pub speaker: Option<String>,
    pub sentence: Around,
}

/// Not `Serialize`: its sentence is a place, and the data exports write the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Where it is; the text as written is there.
    pub place: Place,
    pub sentence: Around,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    /// Resolved against the article's publication date.
    pub relative: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Copy,
    LightEdit,
    Rewrite,
    PartialOverlap,
}

/// Articles that report the same story.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Story {
    /// A stable id made from the articles: `story-<first article id>`.
    pub id: String,
    /// A title for the group (the earliest article's title).
    pub title: String,
    /// Article ids, sorted.
    pub articles: Vec<String>,
    /// Shared with the dev server's cache of compared pairs, which keeps them from one
    /// rebuild to the next.
    pub pairs: Vec<Arc<Pair>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub relation: Relation,
    /// 0–1, measured on the articles' specific text (their text less the background
    /// that many articles of the briefing share).
    pub similarity: f64,
    /// The share of the text both articles use (in word 5-grams) that is background,
    /// 0–1: what they share besides the specific text that makes them one story.
    pub background: f64,
    /// Sentences of `a` and `b` aligned with each other.
    pub alignment: Vec<Aligned>,
    pub differences: Vec<Difference>,
}

/// One row of an alignment: a sentence of `a`, of `b`, or both.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Aligned {
    pub a: Option<Sentence>,
    pub b: Option<Sentence>,
    /// Similarity of the two sentences, 0–1, when both are present.
    pub similarity: Option<f64>,
    /// Word-level diff when both are present: runs of equal, removed and added words.
    pub diff: Vec<DiffRun>,
    /// Whether the row is background (text many articles of the briefing share): its
    /// sentence, or one of its two, is background. Shown, never counted in the
    /// relation.
    pub background: bool,
}

/// A sentence of an article: bytes `start..end` of paragraph `paragraph`'s text. It
/// does not hold the text: the alignments would hold every compared sentence twice
/// over (as the sentence and in its word diff).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Sentence {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    /// The sentence's text in `article`, the article it was found in.
    pub fn text<'a>(&self, article: &'a crate::content::Article) -> &'a str {
        article.paragraph_slice(self.paragraph, self.start..self.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DiffRun {
    pub op: DiffOp,
    /// Bytes of the sentence of `a` (equal and removed words) or of `b` (added words).
    pub start: u32,
    pub end: u32,
}

impl DiffRun {
    /// The run's words, given the two sentences it was made from.
    pub fn text<'a>(&self, a: &'a str, b: &'a str) -> &'a str {
        let side = if self.op == DiffOp::Insert { b } else { a };
        side.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    QuoteWording,
    Number,
    Date,
    OnlyIn,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// The side in `a` (absent for a statement only in `b`).
    pub a: Option<Side>,
    pub b: Option<Side>,
    /// A short description: "32 vs at least 32".
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Side {
    pub article: String,
    pub paragraph: usize,
    /// The sentence the side is in: bytes `start..end` of the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// What is compared: the sentence, or the quoted words in it.
    pub text: String,
}

/// An event whose sources date it differently.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Conflict {
    /// The curated event id, or `None` for a conflict found between aligned sentences.
    pub event: Option<String>,
    pub claims: Vec<DateClaim>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DateClaim {
    pub article: String,
    pub paragraph: usize,
    /// The date expression as written.
    pub text: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

/// What one article gives on its own, before articles are compared.
struct Findings {
    mentions: Vec<Mention>,
    quotes: Vec<Quote>,
    dates: Vec<DateMention>,
    reading: background::Reading,
}

impl DateClaim {
    /// What date `d`, found in `article`, claims, for a conflict.
    fn of(d: &DateMention, article: &crate::content::Article) -> Self {
        DateClaim {
            article: d.place.article.to_string(),
            paragraph: d.place.paragraph,
            text: d.place.text(article).to_string(),
            start: d.start,
            end: d.end,
            precision: d.precision,
        }
    }
}

/// What each article gave on its own in an earlier run, and what each compared pair of
/// articles gave, kept by the dev server between rebuilds: an article whose text, date
/// and place are unchanged, in a briefing whose people are unchanged, is not analysed
/// again, and two such articles are not aligned again.
#[derive(Default)]
pub struct Cache {
    /// Filled for no next run ([`run`]): what the comparison of sentences does not need
    /// is freed before it, instead of being kept.
    one_shot: bool,
    /// The key of the people the cache was filled for, and their names, indexed.
    people: Option<(u64, Arc<mentions::Names>)>,
    /// The last run's articles, in its order (the briefing's).
    articles: Vec<Cached>,
    /// Keyed by the two articles' keys, in pair order.
    pairs: std::collections::HashMap<(u64, u64), Arc<Judged>>,
    /// How many of the cached articles use each shingle, kept up to date from the
    /// articles that came or went.
    background: Option<background::Background>,
    /// How many of the cached articles use each content term, kept up to date from
    /// the terms of the articles that came or went.
    frequencies: Option<Frequencies>,
    /// The candidate search over the cached articles, updated where an edit reaches.
    search: Option<candidates::Search>,
    /// What the last run's grouping did.
    work: Work,
}

/// What one run's story grouping did: how many candidate pairs the indexes gave, and
/// how many of them passed the vocabulary gate and were compared.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Work {
    pub(crate) candidates: usize,
    pub(crate) compared: usize,
}

/// The reusable part of one article's analysis. Its mentions, quotes and dates are not
/// kept here but in the [`Analysis`] the cache was last used for, from which
/// [`run_cached`] moves them: copying every finding of every article would cost more
/// than the edit.
struct Cached {
    id: String,
    key: u64,
    /// Its sentences' shingles and terms, kept by the dev server to count them out of
    /// the background when the article changes, and to split it again when the
    /// background moves.
    reading: Arc<background::Reading>,
    /// Its features under the background of the run that made them.
    features: Arc<stories::Features>,
    warnings: Vec<Diagnostic>,
    profile: std::sync::OnceLock<Arc<compare::Profile>>,
}

/// A compared pair: the costly sentence alignment, which depends on the two articles
/// alone, and the pair it gave under a relation and similarity, which also depend on
/// the vocabulary of the whole briefing and are checked again on reuse.
struct Judged {
    /// Jaccard of the articles' specific shingles, and how many they share.
    jaccard: f64,
    shared: usize,
    /// The share of the shingles both use that is background.
    background: f64,
    matched: compare::Matched,
    /// How many specific sentences each article has.
    sentences: (usize, usize),
    made: std::sync::OnceLock<Made>,
}

/// Two articles found to tell the same story, their pair, and its date claims.
type Judgement = ((usize, usize), Arc<Pair>, Vec<Vec<DateClaim>>);

/// The pair a [`Judged`] alignment made, and under which relation and similarity.
struct Made {
    relation: Relation,
    similarity: f64,
    pair: Arc<Pair>,
    conflicts: Vec<Vec<DateClaim>>,
}

use std::sync::Arc;

/// What the per-article findings depend on: the article's id, text (its file's digest),
/// publication date and where it is (its file and the body's offset, for the spans of
/// warnings).
fn article_key(article: &crate::content::Article, language: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        &article.id,
        article.digest,
        article.published.date,
        article.file,
        article.body_offset,
        // The briefing's language is the article's when it names none.
        language,
    )
        .hash(&mut h);
    h.finish()
}

/// What the mention and quote passes depend on in the people of a briefing.
fn people_key(people: &[crate::content::Person]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in people {
        (&p.id, &p.name, &p.aliases, &p.surname, &p.titles).hash(&mut h);
    }
    h.finish()
}

/// Runs every analysis pass over a loaded briefing: each article alone, in parallel,
/// then the stories across articles, then the checks of curation against findings.
pub fn run(briefing: &Briefing) -> Analysis {
    let mut cache = Cache {
        one_shot: true,
        ..Cache::default()
    };
    run_cached(briefing, &mut cache, None)
}

/// [`run`], reusing what `cache` holds of articles and pairs that have not changed
/// since it was filled, and refilling it. `previous` is the analysis the cache was last
/// used for: the findings of unchanged articles are moved out of it.
pub fn run_cached(briefing: &Briefing, cache: &mut Cache, previous: Option<Analysis>) -> Analysis {
    let people = people_key(&briefing.people);
    let names = match &cache.people {
        Some((key, names)) if *key == people => names.clone(),
        _ => {
            // Other people: every article's mentions may differ.
            cache.articles.clear();
            cache.pairs.clear();
            cache.background = None;
            cache.frequencies = None;
            cache.search = None;
            let names = Arc::new(mentions::Names::new(&briefing.people));
            cache.people = Some((people, names.clone()));
            names
        }
    };
    if previous.is_none() {
        // The cached articles' findings are in the analysis they were made for: without
        // it, every article is analysed again, and counted again from nothing.
        cache.articles.clear();
        cache.background = None;
        cache.frequencies = None;
        cache.search = None;
    }
    let keys: Vec<u64> = briefing
        .articles
        .par_iter()
        .map(|a| article_key(a, &briefing.config.language))
        .collect();
    let mut old = Old::new(std::mem::take(&mut cache.articles), &keys);
    let aligned = matches!(old, Old::Aligned(_));
    let is_reused: Vec<bool> = (0..keys.len()).map(|i| old.has(i, keys[i])).collect();
    let fresh: Vec<Option<(Findings, Vec<Diagnostic>)>> = briefing
        .articles
        .par_iter()
        .zip(&is_reused)
        .map(|(article, reused)| {
            if *reused {
                return None;
            }
            let paras = text::Paragraph::all(article);
            let (mentions, warnings) = mentions::article(&names, article, &paras);
            // An article's language is its own, else the briefing's: one table of
            // words for each, for its dates and its quotes alike.
            let lang = crate::lang::Language::of_article(article, &briefing.config);
            let quotes = quotes::article(&names, &article.id, lang.code, &paras, &mentions);
            let dates = dates::article(&article.id, article.published.date, lang, &paras);
            let reading = background::Reading::of(&paras);
            // Each list in a block of its size, made on the thread that grew it, so
            // the freed blocks are this thread's to reuse at once.
            let findings = Findings {
                mentions: per_article::exact(mentions),
                quotes: per_article::exact(quotes),
                dates: per_article::exact(dates),
                reading,
            };
            Some((findings, warnings))
        })
        .collect();
    // The findings of unchanged articles are moved, not copied, from the previous
    // analysis: when the articles are those of the last run and few changed, the
    // changed ones' findings are replaced where they are; otherwise the lists are
    // merged anew (both are in article id order).
    let changed: Vec<usize> = (0..fresh.len()).filter(|&i| fresh[i].is_some()).collect();
    // Whether every changed article is where it was last time: the unchanged ones are
    // (their key covers their id), so each position holds the same article as before.
    let same_places = aligned
        && changed
            .iter()
            .all(|&i| old.id(i) == Some(briefing.articles[i].id.as_str()));
    let in_place = previous.is_some() && same_places && changed.len() <= SPLICED;
    let (mut analysis, mut merging) = match previous {
        Some(previous) if in_place => (
            Analysis {
                mentions: previous.mentions,
                quotes: previous.quotes,
                dates: previous.dates,
                ..Analysis::default()
            },
            None,
        ),
        previous => {
            let previous = previous.unwrap_or_default();
            let merge = Merge {
                mentions: previous.mentions.into_lists().peekable(),
                quotes: previous.quotes.into_lists().peekable(),
                dates: previous.dates.into_lists().peekable(),
            };
            (Analysis::default(), Some(merge))
        }
    };
    let mut articles = Vec::with_capacity(keys.len());
    let mut came = Vec::new();
    for (i, ((article, key), found)) in briefing.articles.iter().zip(&keys).zip(fresh).enumerate() {
        let id = article.id.as_str();
        if let Some(merge) = &mut merging {
            merge.skip_to(id);
        }
        let entry = match found {
            Some((f, warnings)) => {
                let entry = Cached {
                    id: article.id.clone(),
                    key: *key,
                    reading: Arc::new(f.reading),
                    features: Arc::default(),
                    warnings,
                    profile: Default::default(),
                };
                came.push(entry.reading.clone());
                if merging.is_some() {
                    analysis.mentions.push(f.mentions);
                    analysis.quotes.push(f.quotes);
                    analysis.dates.push(f.dates);
                } else {
                    analysis.mentions.replace(id, f.mentions);
                    analysis.quotes.replace(id, f.quotes);
                    analysis.dates.replace(id, f.dates);
                }
                entry
            }
            None => {
                if let Some(merge) = &mut merging {
                    merge.take(id, &mut analysis);
                }
                old.take(i, *key).expect("a reused article is cached")
            }
        };
        analysis.warnings.extend(entry.warnings.iter().cloned());
        articles.push(entry);
    }
    // What is left of the old entries are articles edited or gone: their shingles and
    // terms are counted out, the new articles' in. The terms whose count moved, and by
    // how much, tell the candidate search what to look at again.
    let gone: Vec<&background::Reading> = old.left().map(|c| &*c.reading).collect();
    let (background, moved_cells) = match cache.background.take() {
        Some(mut counted) => {
            let moved = counted.update(&gone, &came, articles.len());
            (counted, moved)
        }
        None => {
            let readings: Vec<&background::Reading> =
                articles.iter().map(|c| &*c.reading).collect();
            let counted = background::Background::count(&readings);
            (counted, background::Moved::All)
        }
    };
    let (frequencies, moved_terms) = match cache.frequencies.take() {
        Some(Frequencies {
            mut df,
            weights,
            articles: counted,
        }) => {
            let mut moved: text::HashedMap<u32, i32> = Default::default();
            for reading in &gone {
                for t in reading.terms() {
                    *moved.entry(t).or_default() -= 1;
                    if let Some(n) = df.get_mut(&t) {
                        *n -= 1;
                        if *n == 0 {
                            df.remove(&t);
                        }
                    }
                }
            }
            for reading in &came {
                for t in reading.terms() {
                    *moved.entry(t).or_default() += 1;
                    *df.entry(t).or_default() += 1;
                }
            }
            moved.retain(|_, d| *d != 0);
            let frequencies = match counted == articles.len() {
                true => Frequencies::updated(df, weights, &moved, counted),
                false => Frequencies::new(df, articles.len()),
            };
            (frequencies, Some(moved))
        }
        None => {
            let df = stories::document_frequency(articles.iter().map(|c| c.reading.terms()));
            (Frequencies::new(df, articles.len()), None)
        }
    };
    drop((gone, came));
    // Each article's features: made for new articles and for those the moved counts
    // may split otherwise (kept when they come out the same, else the article counts
    // as changed: its profile and pairs are made again).
    let is_fresh: Vec<bool> = is_reused.iter().map(|r| !r).collect();
    let remade: Vec<Option<Arc<stories::Features>>> = articles
        .par_iter()
        .zip(&is_fresh)
        .map(|(c, fresh)| {
            if !*fresh && !moved_cells.reaches(&c.reading) {
                return None;
            }
            let f = stories::Features::of(&c.reading, |s| background.is_common(s));
            (*fresh || f != *c.features).then(|| Arc::new(f))
        })
        .collect();
    let mut changed = changed;
    for (i, f) in remade.into_iter().enumerate() {
        let Some(f) = f else { continue };
        let entry = &mut articles[i];
        entry.features = f;
        if !is_fresh[i] {
            entry.profile = Default::default();
            changed.push(i);
        }
    }
    changed.sort_unstable();
    if cache.one_shot {
        // No next run reads them again.
        let none = Arc::new(background::Reading::default());
        for c in &mut articles {
            c.reading = none.clone();
        }
    }
    let features: Vec<Arc<stories::Features>> =
        articles.iter().map(|c| c.features.clone()).collect();
    // Pairs are compared again when either article is split otherwise.
    let pair_keys: Vec<u64> = keys
        .iter()
        .zip(&features)
        .map(|(k, f)| text::mix(k ^ f.digest))
        .collect();
    cache.articles = articles;
    cache.background = Some(background);
    cache.frequencies = Some(frequencies);
    // As many articles as last time: the candidate search, which knows articles by
    // position, is updated at the positions that changed; otherwise it searches again.
    let update = match (aligned, moved_terms) {
        (true, Some(moved)) => Some((changed, moved)),
        _ => None,
    };
    let (stories, story_conflicts) =
        stories(briefing, &analysis, features, &pair_keys, update, cache);
    analysis.stories = stories;
    let (mut conflicts, warnings) = conflicts::events(briefing, &analysis.dates);
    conflicts.extend(story_conflicts.into_iter().map(|claims| Conflict {
        event: None,
        claims,
    }));
    analysis.conflicts = conflicts;
    analysis.warnings.extend(warnings);
    analysis.warnings.extend(attribution::misattributed(
        briefing,
        &analysis.quotes,
        &names,
    ));
    crate::diagnostic::sort(&mut analysis.warnings);
    analysis
}

/// The last run's cache entries, as the articles of this run find theirs: at the same
/// position when the briefing has as many articles as last time (an edit, the common
/// case, costs no lookup by id), else by key.
enum Old {
    Aligned(Vec<Option<Cached>>),
    ByKey(std::collections::HashMap<u64, Cached>),
}

impl Old {
    fn new(entries: Vec<Cached>, keys: &[u64]) -> Old {
        if entries.len() == keys.len() {
            Old::Aligned(entries.into_iter().map(Some).collect())
        } else {
            Old::ByKey(entries.into_iter().map(|c| (c.key, c)).collect())
        }
    }

    /// Whether the article at `i` with `key` has an entry: the key covers its id.
    fn has(&self, i: usize, key: u64) -> bool {
        match self {
            Old::Aligned(v) => v[i].as_ref().is_some_and(|c| c.key == key),
            Old::ByKey(m) => m.contains_key(&key),
        }
    }

    /// The id of the article at `i` last time, when the articles are aligned.
    fn id(&self, i: usize) -> Option<&str> {
        match self {
            Old::Aligned(v) => v[i].as_ref().map(|c| c.id.as_str()),
            Old::ByKey(_) => None,
        }
    }

    fn take(&mut self, i: usize, key: u64) -> Option<Cached> {
        match self {
            Old::Aligned(v) => v[i].take_if(|c| c.key == key),
            Old::ByKey(m) => m.remove(&key),
        }
    }

    /// The entries not taken: articles edited or gone.
    fn left(&self) -> Box<dyn Iterator<Item = &Cached> + '_> {
        match self {
            Old::Aligned(v) => Box::new(v.iter().flatten()),
            Old::ByKey(m) => Box::new(m.values()),
        }
    }
}

/// The most changed articles whose findings are replaced in place in the previous
/// analysis; with more, the binary search for each costs more than merging the lists
/// anew.
const SPLICED: usize = 16;

/// The previous analysis's lists of findings, taken in article order while the new
/// analysis is merged.
struct Merge {
    mentions: Lists<Mention>,
    quotes: Lists<Quote>,
    dates: Lists<DateMention>,
}

type Lists<T> = std::iter::Peekable<std::vec::IntoIter<Vec<T>>>;

impl Merge {
    /// Drops the findings of articles before `id`: they are gone or found again.
    fn skip_to(&mut self, id: &str) {
        fn skip<T: Located>(lists: &mut Lists<T>, id: &str) {
            while lists
                .next_if(|l| l[0].place().article.as_ref() < id)
                .is_some()
            {}
        }
        skip(&mut self.mentions, id);
        skip(&mut self.quotes, id);
        skip(&mut self.dates, id);
    }

    /// Moves the findings of article `id` into `to`.
    fn take(&mut self, id: &str, to: &mut Analysis) {
        fn take<T: Located>(lists: &mut Lists<T>, id: &str, to: &mut PerArticle<T>) {
            if let Some(list) = lists.next_if(|l| *l[0].place().article == *id) {
                to.push(list);
            }
        }
        take(&mut self.mentions, id, &mut to.mentions);
        take(&mut self.quotes, id, &mut to.quotes);
        take(&mut self.dates, id, &mut to.dates);
    }
}

/// How many articles use each content term, how many articles there are, and the
/// weight of each term that follows from both.
struct Frequencies {
    df: text::HashedMap<u32, u32>,
    weights: text::HashedMap<u32, f64>,
    articles: usize,
}

impl Frequencies {
    fn new(df: text::HashedMap<u32, u32>, articles: usize) -> Frequencies {
        let weights = df
            .iter()
            .map(|(t, d)| (*t, Self::weight(*d, articles)))
            .collect();
        Frequencies {
            df,
            weights,
            articles,
        }
    }

    /// The frequencies of `df` over as many `articles` as before, given the `weights`
    /// of before the terms in `moved` changed count: only those terms' weights change.
    fn updated(
        df: text::HashedMap<u32, u32>,
        mut weights: text::HashedMap<u32, f64>,
        moved: &text::HashedMap<u32, i32>,
        articles: usize,
    ) -> Frequencies {
        for t in moved.keys() {
            match df.get(t) {
                Some(d) => weights.insert(*t, Self::weight(*d, articles)),
                None => weights.remove(t),
            };
        }
        Frequencies {
            df,
            weights,
            articles,
        }
    }

    /// The inverse document frequency of a term used by `df` of `articles` articles.
    fn weight(df: u32, articles: usize) -> f64 {
        ((articles as f64 + 1.0) / (df as f64 + 0.5)).ln().max(0.05)
    }

    /// The weight of a term: its inverse document frequency in the briefing.
    fn idf(&self, t: u32) -> f64 {
        match self.weights.get(&t) {
            Some(w) => *w,
            None => Self::weight(1, self.articles),
        }
    }

    fn total(&self, f: &stories::Features) -> f64 {
        f.terms.iter().map(|t| self.idf(*t)).sum()
    }
}

/// Weighted content-term overlap of two articles, relative to the smaller: the cheap
/// test a candidate pair passes before it is compared. `totals` are the articles'
/// summed term weights.
fn term_overlap(
    a: &stories::Features,
    b: &stories::Features,
    totals: (f64, f64),
    w: &Frequencies,
) -> f64 {
    let mut shared = 0.0;
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].cmp(&b.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += w.idf(a.terms[i]);
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = totals.0.min(totals.1);
    if smaller > 0.0 { shared / smaller } else { 0.0 }
}

/// Weighted term overlap below which a candidate pair is not compared at all, to save
/// the comparison's cost: copies and light edits share nearly all their words, and the
/// lowest true pair of the default briefing (the short "Feb. 3" story against the
/// uncredited rewrite) is at 0.30; the gate leaves a wide margin.
const GATE: f64 = 0.2;

/// Article `i`'s profile, made when first needed and kept in its cache entry.
/// `background` is the briefing's, while it is kept: a one-shot analysis makes every
/// profile it needs while it compares pairs, and frees the background after.
fn profile_of<'c>(
    cached: &'c [Cached],
    articles: &[crate::content::Article],
    i: usize,
    background: Option<&background::Background>,
) -> &'c compare::Profile {
    cached[i].profile.get_or_init(|| {
        let background = background.expect("profiles are made while the background is known");
        Arc::new(compare::Profile::of(&articles[i], |s| {
            background.is_common(s)
        }))
    })
}

/// Same-story groups, and the date claims of aligned sentences that disagree. `keys`
/// are the articles' keys for their pairs (their text, and how it splits into
/// background and specific); `cache` keeps their profiles and the pairs compared, for
/// the next run.
fn stories(
    briefing: &Briefing,
    analysis: &Analysis,
    features: Vec<Arc<stories::Features>>,
    keys: &[u64],
    update: Option<(Vec<usize>, text::HashedMap<u32, i32>)>,
    cache: &mut Cache,
) -> (Vec<Story>, Vec<Vec<DateClaim>>) {
    let articles = &briefing.articles;
    let frequencies = cache
        .frequencies
        .take()
        .expect("the frequencies are counted");
    let df = &frequencies.df;
    let search = match (cache.search.take(), update) {
        (Some(mut search), Some((changed, moved))) if search.len() == features.len() => {
            search.update(&features, df, &changed, &moved);
            search
        }
        _ => candidates::Search::new(&features, df),
    };
    let all = search.pairs();
    cache.search = Some(search);
    let candidates = all.len();
    // Summed term weights, of the articles that are in a candidate pair only.
    let mut paired = vec![false; features.len()];
    for &(i, j) in &all {
        paired[i] = true;
        paired[j] = true;
    }
    let totals: Vec<f64> = features
        .par_iter()
        .zip(&paired)
        .map(|(f, paired)| if *paired { frequencies.total(f) } else { 0.0 })
        .collect();
    let vocabulary = |i: usize, j: usize| {
        term_overlap(
            &features[i],
            &features[j],
            (totals[i], totals[j]),
            &frequencies,
        )
    };
    // Each pair that passes, with its vocabulary overlap.
    let gated: Vec<(usize, usize, f64)> = all
        .into_par_iter()
        .map(|(i, j)| (i, j, vocabulary(i, j)))
        .filter(|&(_, _, v)| v >= GATE)
        .collect();
    let frequencies = if cache.one_shot {
        // The articles' term lists and the term weights are not needed past the
        // gate; freed before the sentence profiles and alignments, the analysis's
        // peak, are made.
        cache.search = None;
        drop((features, totals, frequencies));
        let none = Arc::new(stories::Features::default());
        for c in &mut cache.articles {
            c.features = none.clone();
        }
        None
    } else {
        Some(frequencies)
    };
    // Each pair's overlap of specific shingles and alignment of sentences, or last
    // run's.
    let old_pairs = std::mem::take(&mut cache.pairs);
    let mut background = cache.background.take();
    let compared: Vec<((u64, u64), Arc<Judged>)> = {
        let profile = |i: usize| profile_of(&cache.articles, articles, i, background.as_ref());
        gated
            .par_iter()
            .map(|&(i, j, _)| {
                let key = (keys[i], keys[j]);
                let judged = old_pairs.get(&key).cloned().unwrap_or_else(|| {
                    let (a, b) = (profile(i), profile(j));
                    let (jaccard, _) = stories::overlap(&a.specific, &b.specific);
                    let shared = stories::shared(&a.specific, &b.specific);
                    let recap = stories::shared(&a.recap, &b.recap);
                    Arc::new(Judged {
                        jaccard,
                        shared,
                        background: match recap + shared {
                            0 => 0.0,
                            all => recap as f64 / all as f64,
                        },
                        matched: compare::align(a, b),
                        sentences: (a.specific_sentences(), b.specific_sentences()),
                        made: Default::default(),
                    })
                });
                (key, judged)
            })
            .collect()
    };
    drop(old_pairs);
    if cache.one_shot {
        // The shingles, a large part of the profiles, and the background counts are
        // not needed past the overlap: freed before the pairs are made, the analysis's
        // peak.
        background = None;
        for c in &mut cache.articles {
            if let Some(p) = c.profile.get_mut().and_then(Arc::get_mut) {
                p.specific = Vec::new();
                p.recap = Vec::new();
            }
        }
    }
    let cached = &cache.articles;
    let half = |i: usize| -> compare::Half {
        let id = articles[i].id.as_str();
        compare::Half {
            article: &articles[i],
            profile: profile_of(cached, articles, i, background.as_ref()),
            mentions: analysis.mentions.of(id),
            quotes: analysis.quotes.of(id),
            dates: analysis.dates.of(id),
        }
    };
    let judged: Vec<Judgement> = gated
        .par_iter()
        .zip(&compared)
        .filter_map(|(&(i, j, vocabulary), (_, judged))| {
            let (relation, similarity) = compare::relation(&compare::Evidence {
                jaccard: judged.jaccard,
                shared: judged.shared,
                vocabulary,
                matched: &judged.matched.specific,
                sentences: judged.sentences,
            })?;
            let make = || {
                let (a, b) = (half(i), half(j));
                let found = compare::Found {
                    relation,
                    similarity,
                    background: judged.background,
                    matched: &judged.matched,
                };
                compare::pair(&a, &b, &found)
            };
            // The pair made last time stands if the briefing's vocabulary moved
            // neither its relation nor its similarity.
            let made = judged.made.get_or_init(|| {
                let (pair, conflicts) = make();
                Made {
                    relation,
                    similarity,
                    pair: Arc::new(pair),
                    conflicts,
                }
            });
            let (pair, conflicts) =
                if made.relation == relation && made.similarity.to_bits() == similarity.to_bits() {
                    (made.pair.clone(), made.conflicts.clone())
                } else {
                    let (pair, conflicts) = make();
                    (Arc::new(pair), conflicts)
                };
            Some(((i, j), pair, conflicts))
        })
        .collect();
    cache.work = Work {
        candidates,
        compared: compared.len(),
    };
    cache.pairs = compared.into_iter().collect();
    cache.background = background;
    let edges: Vec<(usize, usize)> = judged.iter().map(|(edge, _, _)| *edge).collect();
    let groups = stories::groups(articles.len(), &edges);
    // Each story's pairs, in the order of the edges, found through each article's
    // group rather than by searching every group for every edge.
    let mut group_of = vec![usize::MAX; articles.len()];
    for (g, group) in groups.iter().enumerate() {
        for &i in group {
            group_of[i] = g;
        }
    }
    let mut story_pairs: Vec<Vec<Arc<Pair>>> = vec![Vec::new(); groups.len()];
    let mut conflicts = Vec::new();
    for ((i, _), pair, c) in judged {
        story_pairs[group_of[i]].push(pair);
        conflicts.extend(c);
    }
    let mut out = Vec::with_capacity(groups.len());
    for (group, pairs) in groups.iter().zip(story_pairs) {
        let earliest = group
            .iter()
            .min_by_key(|&&i| (articles[i].published.sort_key(), &articles[i].id))
            .map_or(group[0], |&i| i);
        out.push(Story {
            id: format!("story-{}", articles[group[0]].id),
            title: articles[earliest].title.clone(),
            articles: group.iter().map(|&i| articles[i].id.clone()).collect(),
            pairs,
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    conflicts.dedup();
    cache.frequencies = frequencies;
    (out, conflicts)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_finding_is_placed_in_its_own_sentence() {
        // The same sentence twice: a mention in the second is placed in the second.
        let article = mentions::tests::article_of("One. Two Rodriguez. Two Rodriguez.\n");
        let place = Place {
            article: "a".into(),
            paragraph: 1,
            start: 24,
            end: 33,
        };
        let around = Around::new(20, 34);
        assert_eq!(around.text(&article, &place), "Two Rodriguez.");
        assert_eq!(around.of(&place), (4, 13));
        // A sentence past the paragraph's end gives no text rather than a panic.
        assert_eq!(Around::new(20, 99).text(&article, &place), "");
    }

    /// Owned pairs from a table of string pairs, to compare with findings.
    pub(crate) fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// A briefing with nothing in it, for tests that add what they need.
    pub(crate) fn empty_briefing() -> Briefing {
        let config = serde_json::from_value(serde_json::json!({"title": "T", "base_url": "/"}))
            .expect("a minimal config");
        Briefing {
            config,
            articles: vec![],
            outlets: Default::default(),
            people: vec![],
            events: vec![],
            comparisons: vec![],
        }
    }

    /// Asserts that the shingle and term counts the cache keeps up to date are those
    /// of `b`, and each article's features those its text gives under them.
    fn counts_kept(cache: &Cache, b: &Briefing) {
        let readings: Vec<background::Reading> = b
            .articles
            .iter()
            .map(|a| background::Reading::of(&text::Paragraph::all(a)))
            .collect();
        let counted = background::Background::count(&readings);
        assert_eq!(cache.background.as_ref(), Some(&counted));
        let features: Vec<stories::Features> = readings
            .iter()
            .map(|r| stories::Features::of(r, |s| counted.is_common(s)))
            .collect();
        for (kept, fresh) in cache.articles.iter().zip(&features) {
            assert_eq!(*kept.features, *fresh, "{}", kept.id);
        }
        let fresh = stories::document_frequency(readings.iter().map(|r| r.terms()));
        let kept = cache.frequencies.as_ref().unwrap();
        assert_eq!(kept.df, fresh);
        let weights = Frequencies::new(fresh, b.articles.len()).weights;
        assert_eq!(kept.weights, weights);
    }

    /// Asserts that two analyses found the same: what a cached or restored run must
    /// give.
    pub(crate) fn same(a: &Analysis, b: &Analysis) {
        assert_eq!(a.mentions, b.mentions);
        assert_eq!(a.quotes, b.quotes);
        assert_eq!(a.dates, b.dates);
        assert_eq!(a.stories, b.stories);
        assert_eq!(a.conflicts, b.conflicts);
        assert_eq!(a.warnings, b.warnings);
    }

    #[test]
    fn a_warm_cache_gives_what_a_fresh_run_gives() {
        let mut b = empty_briefing();
        b.people = vec![crate::analyse::mentions::tests::person(
            "ana",
            "Ana Ortiz",
            Some("Ortiz"),
            &[],
            &["Mayor"],
        )];
        for (id, body) in [
            (
                "a",
                "Mayor Ana Ortiz spoke on Thursday. “We will rebuild,” Ortiz said.",
            ),
            ("b", "Ana Ortiz opened the pier in March."),
        ] {
            let mut art = crate::analyse::mentions::tests::article_of(body);
            art.id = id.into();
            b.articles.push(art);
        }
        let mut cache = Cache::default();
        let mut last = run_cached(&b, &mut cache, None);
        same(&last, &run(&b));
        counts_kept(&cache, &b);
        // An edited article is analysed again; the other is taken from the last run.
        let body = "Ortiz said on Friday the pier would reopen in June.";
        let mut edited = crate::analyse::mentions::tests::article_of(body);
        edited.id = "b".into();
        b.articles[1] = edited;
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        counts_kept(&cache, &b);
        // New people invalidate every article's mentions.
        b.people[0].aliases.push("Ana Ortíz".into());
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        counts_kept(&cache, &b);
        // An article removed, one added before the others.
        b.articles.remove(0);
        let mut first =
            crate::analyse::mentions::tests::article_of("Ana Ortiz said “yes” on Monday.");
        first.id = "0".into();
        b.articles.insert(0, first);
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        counts_kept(&cache, &b);
        // As many articles as before, each at another position than last time.
        b.articles.remove(0);
        let mut last_one = crate::analyse::mentions::tests::article_of("Ortiz left in May.");
        last_one.id = "c".into();
        b.articles.push(last_one);
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        counts_kept(&cache, &b);
        // Copies of one report around an article that leaves, and one that comes
        // after them: as many articles, the first and last where they were, the
        // others one place earlier (the candidate search, which knows articles by
        // place, searches again).
        let report = "Mayor Ana Ortiz said on Thursday the harbour pier would reopen in June after repairs costing 4 million pesos.";
        b.articles.clear();
        for (id, body) in [
            ("a", report),
            ("b", "Ortiz left in May."),
            ("c", report),
            ("e", report),
        ] {
            let mut art = crate::analyse::mentions::tests::article_of(body);
            art.id = id.into();
            b.articles.push(art);
        }
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        b.articles.remove(1);
        let mut d = crate::analyse::mentions::tests::article_of(&format!("{report} Ortiz said."));
        d.id = "d".into();
        b.articles.insert(2, d);
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        assert!(!last.stories.is_empty());
        counts_kept(&cache, &b);
        // Without the last analysis, everything is found again, and what the cache
        // keeps is counted afresh.
        same(&run_cached(&b, &mut cache, None), &run(&b));
        counts_kept(&cache, &b);
    }

    /// A generated one-affair briefing: every article carries some of the affair's
    /// recap paragraphs, their sentences in small variants, then news of its own in
    /// made-up words that no other article uses (unless a test makes it).
    pub(crate) mod affair {
        use super::*;

        /// The affair's recap: paragraphs of sentences, each in a few variants.
        const RECAP: &[&[&[&str]]] = &[
            &[
                &[
                    "The affair began in March 2024, when auditors found that 120 million dollars had gone missing from the national port authority.",
                    "The affair began in March 2024, when auditors found that some 120 million dollars had vanished from the national port authority.",
                    "The scandal began in March 2024, when auditors found that 125 million dollars had gone missing from the national port authority.",
                ],
                &[
                    "Prosecutors say the money was moved through a network of shell companies registered in three countries.",
                    "Prosecutors allege the money was moved through a web of shell companies registered in three countries.",
                ],
            ],
            &[
                &[
                    "Former port director Ramiro Quintana has denied any wrongdoing and says the case against him is politically motivated.",
                    "Ramiro Quintana, the former port director, has denied any wrongdoing and says the case is politically motivated.",
                ],
                &[
                    "He was arrested at the airport in Puerto Claro on June 2, 2024, and released on bail two weeks later.",
                    "He was detained at the airport in Puerto Claro on June 2, 2024, and released on bail two weeks later.",
                ],
            ],
            &[
                &[
                    "The opposition has called for a parliamentary inquiry into how the payments went unnoticed for so long.",
                    "Opposition lawmakers have demanded a parliamentary inquiry into how the payments went unnoticed for years.",
                ],
                &[
                    "The trial of Quintana and nine co-defendants is scheduled to begin in the autumn.",
                    "Quintana and nine co-defendants are scheduled to go on trial in the autumn.",
                ],
            ],
        ];

        /// A deterministic stream of numbers (SplitMix64).
        pub(crate) struct Rng(u64);

        impl Rng {
            pub(crate) fn new(seed: u64) -> Rng {
                Rng(seed)
            }

            pub(crate) fn below(&mut self, n: usize) -> usize {
                self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
                (text::mix(self.0) % n as u64) as usize
            }
        }

        /// A made-up word, one of 20,000: news in it is no other article's unless
        /// copied.
        fn word(r: &mut Rng) -> String {
            const SYLLABLES: &[&str] = &[
                "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "pe", "do", "ba", "ge", "hu", "ji",
                "ko", "la", "me", "ni", "po", "ru",
            ];
            (0..4)
                .map(|_| SYLLABLES[r.below(SYLLABLES.len())])
                .collect()
        }

        /// News of its own: `sentences` sentences of made-up words around a few
        /// stopwords.
        pub(crate) fn news(r: &mut Rng, sentences: usize) -> Vec<String> {
            (0..sentences)
                .map(|_| {
                    let words: Vec<String> = (0..12)
                        .map(|k| {
                            if k % 4 == 3 {
                                "the".to_string()
                            } else {
                                word(r)
                            }
                        })
                        .collect();
                    let mut s = words.join(" ");
                    s[..1].make_ascii_uppercase();
                    s.push('.');
                    s
                })
                .collect()
        }

        /// The same news in other words: each sentence's words in another order, one
        /// word left out.
        pub(crate) fn rewrite(news: &[String]) -> Vec<String> {
            news.iter()
                .map(|s| {
                    let words: Vec<&str> = s.trim_end_matches('.').split(' ').collect();
                    let mut s = words[1..]
                        .iter()
                        .rev()
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ");
                    s[..1].make_ascii_uppercase();
                    s.push('.');
                    s
                })
                .collect()
        }

        /// Some of the recap's paragraphs (two or three), each sentence in one of its
        /// variants.
        pub(crate) fn recap(r: &mut Rng) -> Vec<String> {
            let skip = r.below(RECAP.len() + 1);
            RECAP
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != skip)
                .map(|(_, paragraph)| {
                    let sentences: Vec<&str> =
                        paragraph.iter().map(|v| v[r.below(v.len())]).collect();
                    sentences.join(" ")
                })
                .collect()
        }

        /// An article's body: its news, then the recap.
        pub(crate) fn body(news: &[String], recap: &[String]) -> String {
            let mut paragraphs = vec![news.join(" ")];
            paragraphs.extend(recap.iter().cloned());
            paragraphs.join("\n\n")
        }

        /// A briefing of these articles, by id.
        pub(crate) fn briefing(articles: Vec<(String, String)>) -> Briefing {
            let mut b = empty_briefing();
            for (id, body) in articles {
                let mut art = mentions::tests::article_of(&body);
                art.id = id;
                b.articles.push(art);
            }
            b.articles.sort_by(|x, y| x.id.cmp(&y.id));
            b
        }

        /// `n` articles of the affair, each with a sentence of news of its own and
        /// the recap, which is most of its text: ids `a000`, `a001`…
        pub(crate) fn articles(n: usize, seed: u64) -> Vec<(String, String)> {
            let mut r = Rng::new(seed);
            (0..n)
                .map(|i| {
                    let news = news(&mut r, 1);
                    let recap = recap(&mut r);
                    (format!("a{i:03}"), body(&news, &recap))
                })
                .collect()
        }
    }

    /// A run's stories as their articles, and the run's work.
    fn grouped(b: &Briefing) -> (Vec<Vec<String>>, Work) {
        let mut cache = Cache::default();
        let analysis = run_cached(b, &mut cache, None);
        let stories = analysis
            .stories
            .iter()
            .map(|s| s.articles.clone())
            .collect();
        (stories, cache.work)
    }

    #[test]
    fn articles_that_share_only_background_are_not_one_story() {
        let b = affair::briefing(affair::articles(60, 1));
        let (stories, work) = grouped(&b);
        assert!(stories.is_empty(), "{stories:?}");
        assert!(work.compared <= 60, "{work:?}");
    }

    #[test]
    fn a_wire_copy_a_rewrite_and_a_shared_event_are_stories_through_the_background() {
        let mut r = affair::Rng::new(7);
        let mut articles = affair::articles(60, 2);
        // A wire report and its copy, each with the recap as its outlet writes it.
        let wire = affair::news(&mut r, 5);
        articles.push(("wire".into(), affair::body(&wire, &affair::recap(&mut r))));
        articles.push((
            "wire-copy".into(),
            affair::body(&wire, &affair::recap(&mut r)),
        ));
        // A report and its rewrite in other words.
        let report = affair::news(&mut r, 5);
        articles.push((
            "report".into(),
            affair::body(&report, &affair::recap(&mut r)),
        ));
        let rewrite = affair::rewrite(&report);
        articles.push((
            "rewrite".into(),
            affair::body(&rewrite, &affair::recap(&mut r)),
        ));
        // An article that reports an event of another, and news of its own besides.
        let event = affair::news(&mut r, 4);
        articles.push(("event".into(), affair::body(&event, &affair::recap(&mut r))));
        let mut more = affair::news(&mut r, 5);
        more.extend(event[..2].iter().cloned());
        articles.push((
            "event-too".into(),
            affair::body(&more, &affair::recap(&mut r)),
        ));
        let b = affair::briefing(articles);
        let analysis = run(&b);
        let found: Vec<(&str, &str, Relation)> = analysis
            .stories
            .iter()
            .flat_map(|s| {
                s.pairs
                    .iter()
                    .map(|p| (p.a.as_str(), p.b.as_str(), p.relation))
            })
            .collect();
        assert_eq!(
            found,
            [
                ("event", "event-too", Relation::PartialOverlap),
                ("report", "rewrite", Relation::Rewrite),
                ("wire", "wire-copy", Relation::Copy),
            ]
        );
        // The copies share their recap too: part of what they share is background, and
        // the rows of it are marked.
        let copy = &analysis.stories[2].pairs[0];
        assert_eq!(copy.similarity, 1.0);
        assert!(
            copy.background > 0.0 && copy.background < 1.0,
            "{}",
            copy.background
        );
        assert!(copy.alignment.iter().any(|row| row.background));
        assert!(
            copy.alignment
                .iter()
                .filter(|row| !row.background)
                .all(|row| row.a.is_some() && row.b.is_some())
        );
    }

    #[test]
    fn a_report_reprinted_by_every_article_of_a_small_briefing_is_one_story() {
        let mut r = affair::Rng::new(3);
        let wire = affair::news(&mut r, 6).join(" ");
        let b = affair::briefing((0..5).map(|i| (format!("w{i}"), wire.clone())).collect());
        let (stories, _) = grouped(&b);
        assert_eq!(stories, [["w0", "w1", "w2", "w3", "w4"]]);
    }

    #[test]
    fn pairs_compared_grow_with_the_articles_not_their_square() {
        // Every article carries the recap, most of its text; were the recap evidence,
        // the articles would be one story, and the pairs compared in the thousands.
        for n in [100, 200, 400] {
            let b = affair::briefing(affair::articles(n, n as u64));
            let (stories, work) = grouped(&b);
            assert!(stories.is_empty(), "{n}: {stories:?}");
            assert!(
                work.candidates <= n && work.compared <= n / 4,
                "{n}: {work:?}"
            );
        }
    }

    #[test]
    fn a_warm_cache_follows_the_background_as_an_edit_moves_it() {
        // A recap in 19 of 25 articles, one short of the threshold: it is specific, and
        // the articles that carry it share most of their text. An edit that puts it in
        // a twentieth makes it background, and the next edit takes it out again.
        assert_eq!(background::threshold(25), 20);
        let mut r = affair::Rng::new(11);
        let recap = "The affair began in March 2024, when auditors found that 120 million dollars had gone missing from the national port authority. Prosecutors say the money was moved through a network of shell companies registered in three countries. Former port director Ramiro Quintana has denied any wrongdoing and says the case against him is politically motivated.";
        let mut articles: Vec<(String, String)> = (0..25)
            .map(|i| {
                let news = affair::news(&mut r, 1);
                let recap = if i < 19 {
                    vec![recap.to_string()]
                } else {
                    vec![]
                };
                (format!("a{i:02}"), affair::body(&news, &recap))
            })
            .collect();
        let without = articles[20].1.clone();
        let mut b = affair::briefing(articles.clone());
        let mut cache = Cache::default();
        let mut last = run_cached(&b, &mut cache, None);
        same(&last, &run(&b));
        assert_eq!(last.stories.len(), 1);
        assert_eq!(last.stories[0].articles.len(), 19);
        articles[20].1 = format!("{without}\n\n{recap}");
        b = affair::briefing(articles.clone());
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        counts_kept(&cache, &b);
        assert!(last.stories.is_empty(), "{:?}", last.stories);
        articles[20].1 = without;
        b = affair::briefing(articles);
        last = run_cached(&b, &mut cache, Some(last));
        same(&last, &run(&b));
        counts_kept(&cache, &b);
        assert_eq!(last.stories.len(), 1);
    }
}

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
//! curation against the findings (`conflicts` for dates, counts and quotes,
//! `attribution` for speakers).
//! Findings are kept per article (`per_article`); their types are in `findings`, and
//! what the dev server keeps of a run for the next in `cache`. Accuracy is measured
//! against hand annotations in `tests/it/accuracy.rs` and `tests/it/differences.rs`.

mod attribution;
mod background;
mod cache;
mod candidates;
mod compare;
mod conflicts;
mod dates;
mod findings;
mod mentions;
mod per_article;
pub(crate) mod quote_words;
mod quotes;
mod saved;
mod stories;
pub(crate) mod text;

use rayon::prelude::*;

use crate::content::Briefing;
use crate::diagnostic::Diagnostic;
pub use cache::Cache;
pub(crate) use cache::Work;
use cache::{Cached, Judged, Judgement, Made, Merge, Old, SPLICED, article_key, people_key};
pub(crate) use compare::same_words;
pub use findings::*;
pub use per_article::{Located, PerArticle};
use std::sync::Arc;

/// What one article gives on its own, before articles are compared.
struct Findings {
    mentions: Vec<Mention>,
    quotes: Vec<Quote>,
    dates: Vec<DateMention>,
    date_references: Vec<DateReference>,
    reading: background::Reading,
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
    let names = cache.names(briefing, previous.is_some());
    let keys: Vec<u64> = briefing
        .articles
        .par_iter()
        .map(|a| article_key(a, &briefing.config.language))
        .collect();
    let mut old = Old::new(std::mem::take(&mut cache.articles), &keys);
    let is_reused: Vec<bool> = (0..keys.len()).map(|i| old.has(i, keys[i])).collect();
    // Each article on its own: mentions, quotes, dates and its reading.
    let fresh = read(briefing, &names, &is_reused);
    let Gathered {
        mut analysis,
        articles,
        came,
        changed,
    } = gather(briefing, previous, &mut old, &keys, fresh);
    // Across articles: the background, the vocabulary and each article's features.
    let counted = count(cache, &old, came, articles, &keys, changed);
    // Candidates, comparison and stories.
    let (stories, pair_hashes, story_conflicts) = stories(
        briefing,
        &analysis,
        counted.features,
        &counted.pair_keys,
        counted.update,
        cache,
    );
    analysis.stories = stories;
    analysis.pair_hashes = pair_hashes;
    // The curation against the findings: conflicts and disagreements, attribution.
    check_curation(briefing, &mut analysis, story_conflicts, &names);
    crate::diagnostic::sort(&mut analysis.warnings);
    analysis
}

/// What each article not reused from the cache finds on its own, in parallel, with the
/// warnings it gives; `None` for a reused one.
fn read(
    briefing: &Briefing,
    names: &mentions::Names,
    is_reused: &[bool],
) -> Vec<Option<(Findings, Vec<Diagnostic>)>> {
    briefing
        .articles
        .par_iter()
        .zip(is_reused)
        .map(|(article, reused)| {
            if *reused {
                return None;
            }
            let paras = text::Paragraph::all(article);
            let (mentions, warnings) = mentions::article(names, article, &paras);
            // An article's language is its own, else the briefing's: one table of
            // words for each, for its dates and its quotes alike.
            let lang = crate::lang::Language::of_article(article, &briefing.config);
            let quotes = quotes::article(names, &article.id, lang.code, &paras, &mentions);
            let (dates, date_references) =
                dates::article(&article.id, article.published.date, lang, &paras);
            let reading = background::Reading::of(&paras);
            // Each list in a block of its size, made on the thread that grew it, so
            // the freed blocks are this thread's to reuse at once.
            let findings = Findings {
                mentions: per_article::exact(mentions),
                quotes: per_article::exact(quotes),
                dates: per_article::exact(dates),
                date_references: per_article::exact(date_references),
                reading,
            };
            Some((findings, warnings))
        })
        .collect()
}

/// The analysis of this run's articles, the cache entries for them, the readings of
/// the articles that came, and the positions of the changed ones.
struct Gathered {
    analysis: Analysis,
    articles: Vec<Cached>,
    came: Vec<Arc<background::Reading>>,
    changed: Vec<usize>,
}

/// Gathers the new findings and the previous analysis's findings of the unchanged
/// articles into one analysis, taking the unchanged articles' entries out of `old`.
fn gather(
    briefing: &Briefing,
    previous: Option<Analysis>,
    old: &mut Old,
    keys: &[u64],
    fresh: Vec<Option<(Findings, Vec<Diagnostic>)>>,
) -> Gathered {
    let aligned = matches!(old, Old::Aligned(_));
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
                date_references: previous.date_references,
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
                date_references: previous.date_references.into_lists().peekable(),
            };
            (Analysis::default(), Some(merge))
        }
    };
    let mut articles = Vec::with_capacity(keys.len());
    let mut came = Vec::new();
    for (i, ((article, key), found)) in briefing.articles.iter().zip(keys).zip(fresh).enumerate() {
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
                    analysis.date_references.push(f.date_references);
                } else {
                    analysis.mentions.replace(id, f.mentions);
                    analysis.quotes.replace(id, f.quotes);
                    analysis.dates.replace(id, f.dates);
                    analysis.date_references.replace(id, f.date_references);
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
    Gathered {
        analysis,
        articles,
        came,
        changed,
    }
}

/// What the story grouping needs of the counts across articles: each article's
/// features, the key of each article for its pairs, and where the candidate search may
/// be updated rather than made again.
struct Counted {
    features: Vec<Arc<stories::Features>>,
    pair_keys: Vec<u64>,
    update: Option<(Vec<usize>, text::HashedMap<u32, i32>)>,
}

/// Counts the articles that came in and those edited or gone (what is left in `old`)
/// out of the background and the vocabulary, makes the features of the articles they
/// reach, and keeps the entries, the background and the vocabulary in `cache`.
fn count(
    cache: &mut Cache,
    old: &Old,
    came: Vec<Arc<background::Reading>>,
    mut articles: Vec<Cached>,
    keys: &[u64],
    changed: Vec<usize>,
) -> Counted {
    let aligned = matches!(old, Old::Aligned(_));
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
    let mut is_fresh = vec![false; keys.len()];
    for &i in &changed {
        is_fresh[i] = true;
    }
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
    Counted {
        features,
        pair_keys,
        update,
    }
}

/// Checks the curation against the findings: the events whose sources date them
/// otherwise (and the dates that differ within stories), those whose sources give a
/// count or a quote otherwise, and the quotes the curation gives to someone else.
fn check_curation(
    briefing: &Briefing,
    analysis: &mut Analysis,
    story_conflicts: Vec<Vec<DateClaim>>,
    names: &mentions::Names,
) {
    // Three checks that read the findings and write none: side by side, since a
    // rebuild in `serve` waits for them before the open page is rendered again.
    let ((dated, disagreements), misattributed) = rayon::join(
        || {
            rayon::join(
                || conflicts::events(briefing, &analysis.dates),
                || conflicts::disagreements(briefing, &analysis.dates, &analysis.stories),
            )
        },
        || attribution::misattributed(briefing, &analysis.quotes, names),
    );
    let (mut conflicts, warnings) = dated;
    conflicts.extend(story_conflicts.into_iter().map(|claims| Conflict {
        event: None,
        claims,
    }));
    analysis.conflicts = conflicts;
    analysis.disagreements = disagreements;
    analysis.warnings.extend(warnings);
    analysis.warnings.extend(misattributed);
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

    /// The summed weight of an article's terms, as [`Weighed`] sums them.
    #[cfg(test)]
    fn total(&self, f: &stories::Features) -> f64 {
        f.terms.iter().map(|t| self.idf(*t)).sum()
    }
}

/// Every candidate pair of a run, sorted, with its weighted term overlap
/// ([`term_overlap`]), for the next run in memory to take over where neither article's
/// terms nor their weights moved.
#[derive(Debug, Default)]
pub(super) struct Gate {
    /// How many articles there were, and how many the term weights counted.
    articles: usize,
    counted: usize,
    pairs: Vec<(usize, usize)>,
    values: Vec<f64>,
}

/// An article's term weights, in the order of its terms, and their sum.
#[derive(Debug, Default)]
struct Weighed {
    weights: Vec<f64>,
    total: f64,
}

impl Weighed {
    fn of(f: &stories::Features, w: &Frequencies) -> Weighed {
        let weights: Vec<f64> = f.terms.iter().map(|t| w.idf(*t)).collect();
        // Summed as `Frequencies::total` sums them.
        let total = weights.iter().sum();
        Weighed { weights, total }
    }
}

/// Weighted content-term overlap of two articles, relative to the smaller: the cheap
/// test a candidate pair passes before it is compared. `wa` and `wb` are the
/// articles' term weights ([`Weighed`]).
fn term_overlap(a: &stories::Features, b: &stories::Features, wa: &Weighed, wb: &Weighed) -> f64 {
    let mut shared = 0.0;
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].cmp(&b.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += wa.weights[i];
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = wa.total.min(wb.total);
    if smaller > 0.0 { shared / smaller } else { 0.0 }
}

/// Whether an article's `terms` (sorted) use any of the terms of `moved`, which `few`
/// lists as well. An edit moves the counts of a few terms: each is looked for in the
/// article's terms, rather than each of its hundreds of terms in the map of those
/// moved, unless the edit moved many.
fn uses_any(terms: &[u32], moved: &text::HashedMap<u32, i32>, few: &[u32]) -> bool {
    match few.len() * 16 < terms.len() {
        true => few.iter().any(|t| terms.binary_search(t).is_ok()),
        false => terms.iter().any(|t| moved.contains_key(t)),
    }
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
) -> &'c Arc<compare::Profile> {
    cached[i]
        .profile
        .get_or_init(|| made_profile(cached, articles, i, background))
}

/// Article `i`'s profile, made anew from its reading.
fn made_profile(
    cached: &[Cached],
    articles: &[crate::content::Article],
    i: usize,
    background: Option<&background::Background>,
) -> Arc<compare::Profile> {
    let background = background.expect("profiles are made while the background is known");
    Arc::new(compare::Profile::of(
        &articles[i],
        &cached[i].reading,
        |s| background.is_common(s),
    ))
}

/// The profiles the pairs are made from. Kept in the cache entries for a next run in
/// memory; otherwise taken out of them, each freed as soon as the last pair that reads
/// it is made: the pairs are made in article order, and a story's articles are near
/// one another in it, so few profiles are held at once while the pairs, the analysis's
/// peak, grow.
enum Profiles {
    Kept,
    Freed {
        profiles: Vec<std::sync::Mutex<Option<Arc<compare::Profile>>>>,
        /// How many pairs still to be made read each article's profile.
        readers: Vec<std::sync::atomic::AtomicU32>,
    },
}

impl Profiles {
    /// The profiles of `cached`, for the pairs `gated`; taken out of the entries when
    /// they are to be `freed`.
    fn new(cached: &mut [Cached], gated: &[(usize, usize, f64)], freed: bool) -> Profiles {
        if !freed {
            return Profiles::Kept;
        }
        let mut readers: Vec<u32> = vec![0; cached.len()];
        for &(i, j, _) in gated {
            readers[i] += 1;
            readers[j] += 1;
        }
        Profiles::Freed {
            profiles: cached
                .iter_mut()
                .map(|c| std::sync::Mutex::new(c.profile.take()))
                .collect(),
            readers: readers
                .into_iter()
                .map(std::sync::atomic::AtomicU32::new)
                .collect(),
        }
    }

    /// Article `i`'s profile, made if it was not (a pair reused from the last run
    /// compared no sentences).
    fn get(
        &self,
        cached: &[Cached],
        articles: &[crate::content::Article],
        i: usize,
        background: Option<&background::Background>,
    ) -> Arc<compare::Profile> {
        match self {
            Profiles::Kept => profile_of(cached, articles, i, background).clone(),
            Profiles::Freed { profiles, .. } => {
                let mut slot = profiles[i].lock().unwrap_or_else(|e| e.into_inner());
                slot.get_or_insert_with(|| made_profile(cached, articles, i, background))
                    .clone()
            }
        }
    }

    /// One pair that reads article `i`'s profile is made.
    fn done(&self, i: usize) {
        if let Profiles::Freed { profiles, readers } = self
            && readers[i].fetch_sub(1, std::sync::atomic::Ordering::AcqRel) == 1
        {
            let freed = profiles[i].lock().unwrap_or_else(|e| e.into_inner()).take();
            drop(freed);
        }
    }
}

/// The hash of a compared pair, whole, through its serialisation
/// ([`crate::hashed::record`]): what the pages that show the pair take into their
/// fingerprints. Made with the pair and saved with it (`Analysis::pair_hashes`), so that
/// a rebuild hashes only the pairs an edit made again.
pub(crate) fn pair_hash(pair: &Pair) -> u64 {
    crate::hashed::record(pair)
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
) -> (Vec<Story>, Vec<Vec<u64>>, Vec<Vec<DateClaim>>) {
    let articles = &briefing.articles;
    let frequencies = cache
        .frequencies
        .take()
        .expect("the frequencies are counted");
    let df = &frequencies.df;
    // The candidate search is updated where the edit reaches when the articles are
    // where they were; `edit` is then what moved since the last run.
    let (search, edit) = match (cache.search.take(), update) {
        (Some(mut search), Some((changed, moved))) if search.len() == features.len() => {
            search.update(&features, df, &changed, &moved);
            (search, Some((changed, moved)))
        }
        _ => (candidates::Search::new(&features, df), None),
    };
    let all = search.pairs();
    cache.search = Some(search);
    let candidates = all.len();
    // Each candidate pair's overlap from the last run, where it cannot have moved: a
    // pair's overlap reads the two articles' terms and those terms' weights, and with
    // as many articles as before a term's weight moves only with its count. On one
    // affair an edit leaves most of the candidate pairs' overlaps as they were, and
    // the gate is the longest step of the grouping.
    let kept = cache
        .gate
        .take()
        .filter(|g| g.articles == features.len() && g.counted == frequencies.articles);
    let olds: Vec<Option<f64>> = match (&kept, &edit) {
        (Some(kept), Some((changed, moved))) => {
            let few: Vec<u32> = moved.keys().copied().collect();
            let mut moves: Vec<bool> = features
                .par_iter()
                .map(|f| uses_any(&f.terms, moved, &few))
                .collect();
            for &i in changed {
                moves[i] = true;
            }
            // Both lists of pairs are sorted: walked side by side.
            let mut at = 0;
            all.iter()
                .map(|&(i, j)| {
                    if moves[i] || moves[j] {
                        return None;
                    }
                    while kept.pairs.get(at).is_some_and(|&p| p < (i, j)) {
                        at += 1;
                    }
                    (kept.pairs.get(at) == Some(&(i, j))).then(|| kept.values[at])
                })
                .collect()
        }
        _ => vec![None; all.len()],
    };
    drop(kept);
    // Summed term weights, of the articles that are in a candidate pair to weigh only.
    let mut paired = vec![false; features.len()];
    for (&(i, j), old) in all.iter().zip(&olds) {
        if old.is_none() {
            paired[i] = true;
            paired[j] = true;
        }
    }
    // Each paired article's term weights, in the order of its terms, and their sum:
    // the gate reads the weights of each candidate pair's shared terms, and an article
    // is in dozens of candidate pairs, so each term is looked up in the map of weights
    // once per article rather than once per pair. The same weights summed in the same
    // order: the overlap is the same to the bit.
    let weighed: Vec<Weighed> = features
        .par_iter()
        .zip(&paired)
        .map(|(f, paired)| match paired {
            true => Weighed::of(f, &frequencies),
            false => Weighed::default(),
        })
        .collect();
    let vocabulary =
        |i: usize, j: usize| term_overlap(&features[i], &features[j], &weighed[i], &weighed[j]);
    let values: Vec<f64> = all
        .par_iter()
        .zip(olds)
        .map(|(&(i, j), old)| old.unwrap_or_else(|| vocabulary(i, j)))
        .collect();
    // Each pair that passes, with its vocabulary overlap.
    let gated: Vec<(usize, usize, f64)> = all
        .iter()
        .zip(&values)
        .filter(|&(_, &v)| v >= GATE)
        .map(|(&(i, j), &v)| (i, j, v))
        .collect();
    // Kept for the next run in memory only: a build's cache holds no next run.
    if !cache.frees_profiles() {
        cache.gate = Some(Gate {
            articles: features.len(),
            counted: frequencies.articles,
            pairs: all,
            values,
        });
    }
    drop(weighed);
    let frequencies = if cache.one_shot {
        // The articles' term lists and the term weights are not needed past the
        // gate; freed before the sentence profiles and alignments, the analysis's
        // peak, are made.
        cache.search = None;
        drop((features, frequencies));
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
        // The background counts and the readings, which the profiles are made from,
        // are not needed past the overlap: no next run reads them again.
        background = None;
        let none = Arc::new(background::Reading::default());
        for c in &mut cache.articles {
            c.reading = none.clone();
        }
    }
    if cache.frees_profiles() {
        // The shingles, a large part of the profiles, and the uses of terms the
        // alignment walks are not needed past the overlap: freed before the pairs are
        // made, the analysis's peak.
        for c in &mut cache.articles {
            if let Some(p) = c.profile.get_mut().and_then(Arc::get_mut) {
                p.specific = Vec::new();
                p.recap = Vec::new();
                p.uses = std::sync::OnceLock::new();
            }
        }
    }
    let frees = cache.frees_profiles();
    let profiles = Profiles::new(&mut cache.articles, &gated, frees);
    let cached = &cache.articles;
    let profile = |i: usize| profiles.get(cached, articles, i, background.as_ref());
    fn half<'a>(
        articles: &'a [crate::content::Article],
        analysis: &'a Analysis,
        i: usize,
        profile: &'a compare::Profile,
    ) -> compare::Half<'a> {
        let id = articles[i].id.as_str();
        compare::Half {
            article: &articles[i],
            profile,
            mentions: analysis.mentions.of(id),
            quotes: analysis.quotes.of(id),
            dates: analysis.dates.of(id),
        }
    }
    let judge = |i: usize, j: usize, vocabulary: f64, judged: &Judged| -> Option<Judgement> {
        let (relation, similarity) = compare::relation(&compare::Evidence {
            jaccard: judged.jaccard,
            shared: judged.shared,
            vocabulary,
            matched: &judged.matched.specific,
            sentences: judged.sentences,
        })?;
        let make = || {
            let (pa, pb) = (profile(i), profile(j));
            let (a, b) = (
                half(articles, analysis, i, &pa),
                half(articles, analysis, j, &pb),
            );
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
                hash: pair_hash(&pair),
                pair: Arc::new(pair),
                conflicts,
            }
        });
        let (pair, hash, conflicts) =
            if made.relation == relation && made.similarity.to_bits() == similarity.to_bits() {
                (made.pair.clone(), made.hash, made.conflicts.clone())
            } else {
                let (pair, conflicts) = make();
                let hash = pair_hash(&pair);
                (Arc::new(pair), hash, conflicts)
            };
        Some(((i, j), pair, hash, conflicts))
    };
    let judged: Vec<Judgement> = gated
        .par_iter()
        .zip(&compared)
        .filter_map(|(&(i, j, vocabulary), (_, judged))| {
            let judgement = judge(i, j, vocabulary, judged);
            profiles.done(i);
            profiles.done(j);
            judgement
        })
        .collect();
    drop(profiles);
    cache.work = Work {
        candidates,
        compared: compared.len(),
    };
    cache.pairs = compared.into_iter().collect();
    cache.background = background;
    let edges: Vec<(usize, usize)> = judged.iter().map(|(edge, ..)| *edge).collect();
    let groups = stories::groups(articles.len(), &edges);
    // Each story's pairs, in the order of the edges, found through each article's
    // group rather than by searching every group for every edge.
    let mut group_of = vec![usize::MAX; articles.len()];
    for (g, group) in groups.iter().enumerate() {
        for &i in group {
            group_of[i] = g;
        }
    }
    let mut story_pairs: Vec<(Vec<Arc<Pair>>, Vec<u64>)> = vec![Default::default(); groups.len()];
    let mut conflicts = Vec::new();
    for ((i, _), pair, hash, c) in judged {
        let (pairs, hashes) = &mut story_pairs[group_of[i]];
        pairs.push(pair);
        hashes.push(hash);
        conflicts.extend(c);
    }
    let mut out = Vec::with_capacity(groups.len());
    for (group, (pairs, hashes)) in groups.iter().zip(story_pairs) {
        let earliest = group
            .iter()
            .min_by_key(|&&i| (articles[i].published.sort_key(), &articles[i].id))
            .map_or(group[0], |&i| i);
        let story = Story {
            id: format!("story-{}", articles[group[0]].id),
            title: articles[earliest].title.clone(),
            articles: group.iter().map(|&i| articles[i].id.clone()).collect(),
            pairs,
        };
        out.push((story, hashes));
    }
    out.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    conflicts.dedup();
    cache.frequencies = frequencies;
    let (out, hashes) = out.into_iter().unzip();
    (out, hashes, conflicts)
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

    #[test]
    fn an_article_uses_a_moved_term_whether_few_or_many_moved() {
        for len in [0, 10, 100, 400] {
            let terms: Vec<u32> = (0..len).map(|t| t * 3).collect();
            for few in [0u32, 1, 5, 30] {
                // Half of the moved terms are among the article's, the other half not,
                // then none are.
                for offset in [0, 1] {
                    let moved: text::HashedMap<u32, i32> =
                        (0..few).map(|k| (k * 6 + offset, 1)).collect();
                    let listed: Vec<u32> = moved.keys().copied().collect();
                    let expected = terms.iter().any(|t| moved.contains_key(t));
                    assert_eq!(uses_any(&terms, &moved, &listed), expected, "{len} {few}");
                }
            }
        }
    }

    #[test]
    fn the_gate_reads_the_weights_the_map_gives() {
        // Terms 1..=3 common to both, one unknown to the counts (9): the overlap from the
        // weights listed per article is the one looked up term by term, to the bit.
        let df: text::HashedMap<u32, u32> = [(1, 3), (2, 1), (3, 7), (4, 2), (5, 5)]
            .into_iter()
            .collect();
        let w = Frequencies::new(df, 10);
        let a = stories::Features {
            terms: vec![1, 2, 3, 4, 9],
            ..Default::default()
        };
        let b = stories::Features {
            terms: vec![1, 2, 3, 5],
            ..Default::default()
        };
        let (wa, wb) = (Weighed::of(&a, &w), Weighed::of(&b, &w));
        assert_eq!(wa.total.to_bits(), w.total(&a).to_bits());
        assert_eq!(wb.total.to_bits(), w.total(&b).to_bits());
        let shared: f64 = [1, 2, 3].iter().map(|t| w.idf(*t)).sum();
        let looked_up = shared / w.total(&a).min(w.total(&b));
        assert_eq!(
            term_overlap(&a, &b, &wa, &wb).to_bits(),
            looked_up.to_bits()
        );
        assert_eq!(
            term_overlap(&b, &a, &wb, &wa).to_bits(),
            looked_up.to_bits()
        );
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
            article_positions: Default::default(),
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
        // Each candidate pair's overlap, kept for the next run's gate, is the one the
        // counts give now.
        if let Some(gate) = &cache.gate {
            assert_eq!(gate.pairs, cache.search.as_ref().unwrap().pairs());
            for (&(i, j), v) in gate.pairs.iter().zip(&gate.values) {
                let (x, y) = (&features[i], &features[j]);
                let fresh = term_overlap(x, y, &Weighed::of(x, kept), &Weighed::of(y, kept));
                assert_eq!(v.to_bits(), fresh.to_bits(), "{i} {j}");
            }
        }
    }

    /// Asserts that two analyses found the same: what a cached or restored run must
    /// give.
    pub(crate) fn same(a: &Analysis, b: &Analysis) {
        assert_eq!(a.mentions, b.mentions);
        assert_eq!(a.quotes, b.quotes);
        assert_eq!(a.dates, b.dates);
        assert_eq!(a.date_references, b.date_references);
        assert_eq!(a.stories, b.stories);
        assert_eq!(a.pair_hashes, b.pair_hashes);
        assert_eq!(a.pair_hashes, hashed_again(a));
        assert_eq!(a.conflicts, b.conflicts);
        assert_eq!(a.warnings, b.warnings);
    }

    /// The hash of each story's pairs, made from the pairs, whatever the analysis holds.
    pub(crate) fn hashed_again(a: &Analysis) -> Vec<Vec<u64>> {
        let hash = |p: &Arc<Pair>| pair_hash(p);
        let stories = a.stories.iter();
        stories
            .map(|s| s.pairs.iter().map(hash).collect())
            .collect()
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
    fn a_builds_cache_frees_the_profiles_and_finds_what_a_kept_one_finds() {
        let mut r = affair::Rng::new(3);
        let mut articles = affair::articles(40, 3);
        let wire = affair::news(&mut r, 5);
        for id in ["wire", "wire-copy", "wire-copy-2"] {
            articles.push((id.into(), affair::body(&wire, &affair::recap(&mut r))));
        }
        let b = affair::briefing(articles);
        let mut kept = Cache::default();
        let analysis = run_cached(&b, &mut kept, None);
        assert!(!analysis.stories.is_empty());
        assert!(kept.articles.iter().any(|c| c.profile.get().is_some()));
        let mut saved = Cache::default();
        saved.set_saved_only(true);
        same(&run_cached(&b, &mut saved, None), &analysis);
        // What is saved is kept; the profiles, which saving leaves out, are not.
        assert!(saved.articles.iter().all(|c| c.profile.get().is_none()));
        assert_eq!(saved.pairs.len(), kept.pairs.len());
        counts_kept(&saved, &b);
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

    /// 25 articles of one affair, each with its own news, the first 19 with `recap`
    /// after it.
    fn recapped(recap: &str) -> Vec<(String, String)> {
        let mut r = affair::Rng::new(11);
        (0..25)
            .map(|i| {
                let news = affair::news(&mut r, 1);
                let recap = match i < 19 {
                    true => vec![recap.to_string()],
                    false => vec![],
                };
                (format!("a{i:02}"), affair::body(&news, &recap))
            })
            .collect()
    }

    #[test]
    fn a_warm_cache_weighs_again_the_pairs_whose_words_an_edit_moves() {
        // 19 of 25 articles share a recap, and their pairs are candidates. Edits of
        // articles outside them take up the news of one inside: the weights of its
        // words move, and with them the overlap of its pairs, though neither article
        // of those pairs changed. The gate weighs them again; the others it keeps.
        let recap = "The affair began in March 2024, when auditors found that 120 million dollars had gone missing from the national port authority. Prosecutors say the money was moved through a network of shell companies registered in three countries.";
        let mut articles = recapped(recap);
        let mut b = affair::briefing(articles.clone());
        let mut cache = Cache::default();
        let mut last = run_cached(&b, &mut cache, None);
        counts_kept(&cache, &b);
        assert!(!cache.gate.as_ref().unwrap().pairs.is_empty());
        for (edited, from) in [(22, 3), (23, 7), (22, 12)] {
            let news = articles[from].1.split("\n\n").next().unwrap().to_string();
            articles[edited].1 = format!("{}\n\n{news}", articles[edited].1);
            b = affair::briefing(articles.clone());
            last = run_cached(&b, &mut cache, Some(last));
            same(&last, &run(&b));
            counts_kept(&cache, &b);
        }
    }

    #[test]
    fn a_warm_cache_follows_the_background_as_an_edit_moves_it() {
        // A recap in 19 of 25 articles, one short of the threshold: it is specific, and
        // the articles that carry it share most of their text. An edit that puts it in
        // a twentieth makes it background, and the next edit takes it out again.
        assert_eq!(background::threshold(25), 20);
        let recap = "The affair began in March 2024, when auditors found that 120 million dollars had gone missing from the national port authority. Prosecutors say the money was moved through a network of shell companies registered in three countries. Former port director Ramiro Quintana has denied any wrongdoing and says the case against him is politically motivated.";
        let mut articles = recapped(recap);
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

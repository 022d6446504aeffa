//! The *cache* of the analysis, kept by the dev server from one rebuild to the next:
//! what each article gave on its own, keyed by what it depends on, and what each
//! compared pair gave; and how a run takes the last run's entries and findings back.

use std::sync::Arc;

use super::stories;
use super::{
    Analysis, DateClaim, DateMention, DateReference, Frequencies, Located, Mention, Pair,
    PerArticle, Quote, Relation, background, candidates, compare, mentions,
};
use crate::diagnostic::Diagnostic;

/// What each article gave on its own in an earlier run, and what each compared pair of
/// articles gave, kept by the dev server between rebuilds: an article whose text, date
/// and place are unchanged, in a briefing whose people are unchanged, is not analysed
/// again, and two such articles are not aligned again.
#[derive(Default)]
pub struct Cache {
    /// Filled for no next run ([`super::run`]): what the comparison of sentences does not need
    /// is freed before it, instead of being kept.
    pub(super) one_shot: bool,
    /// Saved for the next build, not kept for a next run in memory (a build's cache):
    /// what saving leaves out, the sentence profiles, is freed as the comparison of
    /// sentences ends with each article, instead of being held through the analysis's
    /// peak.
    pub(super) saved_only: bool,
    /// The key of the people the cache was filled for, and their names, indexed.
    pub(super) people: Option<(u64, Arc<mentions::Names>)>,
    /// The last run's articles, in its order (the briefing's).
    pub(super) articles: Vec<Cached>,
    /// Keyed by the two articles' keys, in pair order.
    pub(super) pairs: std::collections::HashMap<(u64, u64), Arc<Judged>>,
    /// How many of the cached articles use each shingle, kept up to date from the
    /// articles that came or went.
    pub(super) background: Option<background::Background>,
    /// How many of the cached articles use each content term, kept up to date from
    /// the terms of the articles that came or went.
    pub(super) frequencies: Option<Frequencies>,
    /// The candidate search over the cached articles, updated where an edit reaches.
    pub(super) search: Option<candidates::Search>,
    /// Each candidate pair's term overlap, for the gate of the next run.
    pub(super) gate: Option<super::Gate>,
    /// What the last run's grouping did.
    pub(super) work: Work,
    /// The saved analysis the cache was restored from, whose unchanged chunks saving
    /// it again copies.
    pub(super) saved_from: Option<super::saved::Source>,
}

impl Cache {
    /// Marks the cache as one that is saved and not kept in memory for a next run
    /// ([`Cache::saved_only`]): a build's.
    pub fn set_saved_only(&mut self, saved_only: bool) {
        self.saved_only = saved_only;
    }

    /// Whether a run with this cache may free what only a next run in memory reads.
    pub(super) fn frees_profiles(&self) -> bool {
        self.one_shot || self.saved_only
    }

    /// The people's names, indexed, made again when the people changed; then, and
    /// when there is no previous analysis to take findings from, what the cache holds
    /// of articles is dropped.
    pub(super) fn names(
        &mut self,
        briefing: &crate::content::Briefing,
        has_previous: bool,
    ) -> Arc<mentions::Names> {
        let people = people_key(&briefing.people);
        let names = match &self.people {
            Some((key, names)) if *key == people => names.clone(),
            _ => {
                // Other people: every article's mentions may differ.
                self.articles.clear();
                self.pairs.clear();
                self.background = None;
                self.frequencies = None;
                self.search = None;
                let names = Arc::new(mentions::Names::new(&briefing.people));
                self.people = Some((people, names.clone()));
                names
            }
        };
        if !has_previous {
            // The cached articles' findings are in the analysis they were made for:
            // without it, every article is analysed again, and counted again from
            // nothing.
            self.articles.clear();
            self.background = None;
            self.frequencies = None;
            self.search = None;
        }
        names
    }
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
/// [`super::run_cached`] moves them: copying every finding of every article would cost more
/// than the edit.
pub(super) struct Cached {
    pub(super) id: String,
    pub(super) key: u64,
    /// Its sentences' shingles and terms, kept by the dev server to count them out of
    /// the background when the article changes, and to split it again when the
    /// background moves.
    pub(super) reading: Arc<background::Reading>,
    /// Its features under the background of the run that made them.
    pub(super) features: Arc<stories::Features>,
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) profile: std::sync::OnceLock<Arc<compare::Profile>>,
}

/// A compared pair: the costly sentence alignment, which depends on the two articles
/// alone, and the pair it gave under a relation and similarity, which also depend on
/// the vocabulary of the whole briefing and are checked again on reuse.
pub(super) struct Judged {
    /// Jaccard of the articles' specific shingles, and how many they share.
    pub(super) jaccard: f64,
    pub(super) shared: usize,
    /// The share of the shingles both use that is background.
    pub(super) background: f64,
    pub(super) matched: compare::Matched,
    /// How many specific sentences each article has.
    pub(super) sentences: (usize, usize),
    pub(super) made: std::sync::OnceLock<Made>,
}

/// Two articles found to tell the same story, their pair and its hash
/// ([`Made::hash`]), and its date claims.
pub(super) type Judgement = ((usize, usize), Arc<Pair>, u64, Vec<Vec<DateClaim>>);

/// The pair a [`Judged`] alignment made, and under which relation and similarity.
pub(super) struct Made {
    pub(super) relation: Relation,
    pub(super) similarity: f64,
    pub(super) pair: Arc<Pair>,
    /// The pair's hash as the pages' fingerprints take it
    /// ([`super::pair_hash`]), made with the pair and saved with it: a rebuild
    /// reads it back for every pair no edit touched instead of serialising each pair
    /// again to hash it.
    pub(super) hash: u64,
    pub(super) conflicts: Vec<Vec<DateClaim>>,
}

/// What the per-article findings depend on: the article's id, text (its file's digest),
/// publication date and where it is (its file and the body's offset, for the spans of
/// warnings).
pub(super) fn article_key(article: &crate::content::Article, language: &str) -> u64 {
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
pub(super) fn people_key(people: &[crate::content::Person]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in people {
        (
            &p.id,
            &p.name,
            &p.aliases,
            &p.surname,
            &p.titles,
            &p.pronouns,
        )
            .hash(&mut h);
    }
    h.finish()
}

/// The last run's cache entries, as the articles of this run find theirs: at the same
/// position when the briefing has as many articles as last time (an edit, the common
/// case, costs no lookup by id), else by key.
pub(super) enum Old {
    Aligned(Vec<Option<Cached>>),
    ByKey(std::collections::HashMap<u64, Cached>),
}

impl Old {
    pub(super) fn new(entries: Vec<Cached>, keys: &[u64]) -> Old {
        if entries.len() == keys.len() {
            Old::Aligned(entries.into_iter().map(Some).collect())
        } else {
            Old::ByKey(entries.into_iter().map(|c| (c.key, c)).collect())
        }
    }

    /// Whether the article at `i` with `key` has an entry: the key covers its id.
    pub(super) fn has(&self, i: usize, key: u64) -> bool {
        match self {
            Old::Aligned(v) => v[i].as_ref().is_some_and(|c| c.key == key),
            Old::ByKey(m) => m.contains_key(&key),
        }
    }

    /// The id of the article at `i` last time, when the articles are aligned.
    pub(super) fn id(&self, i: usize) -> Option<&str> {
        match self {
            Old::Aligned(v) => v[i].as_ref().map(|c| c.id.as_str()),
            Old::ByKey(_) => None,
        }
    }

    pub(super) fn take(&mut self, i: usize, key: u64) -> Option<Cached> {
        match self {
            Old::Aligned(v) => v[i].take_if(|c| c.key == key),
            Old::ByKey(m) => m.remove(&key),
        }
    }

    /// The entries not taken: articles edited or gone.
    pub(super) fn left(&self) -> Box<dyn Iterator<Item = &Cached> + '_> {
        match self {
            Old::Aligned(v) => Box::new(v.iter().flatten()),
            Old::ByKey(m) => Box::new(m.values()),
        }
    }
}

/// The most changed articles whose findings are replaced in place in the previous
/// analysis; with more, the binary search for each costs more than merging the lists
/// anew.
pub(super) const SPLICED: usize = 16;

/// The previous analysis's lists of findings, taken in article order while the new
/// analysis is merged.
pub(super) struct Merge {
    pub(super) mentions: Lists<Mention>,
    pub(super) quotes: Lists<Quote>,
    pub(super) dates: Lists<DateMention>,
    pub(super) date_references: Lists<DateReference>,
}

pub(super) type Lists<T> = std::iter::Peekable<std::vec::IntoIter<Vec<T>>>;

impl Merge {
    /// Drops the findings of articles before `id`: they are gone or found again.
    pub(super) fn skip_to(&mut self, id: &str) {
        fn skip<T: Located>(lists: &mut Lists<T>, id: &str) {
            while lists
                .next_if(|l| l[0].place().article.as_ref() < id)
                .is_some()
            {}
        }
        skip(&mut self.mentions, id);
        skip(&mut self.quotes, id);
        skip(&mut self.dates, id);
        skip(&mut self.date_references, id);
    }

    /// Moves the findings of article `id` into `to`.
    pub(super) fn take(&mut self, id: &str, to: &mut Analysis) {
        fn take<T: Located>(lists: &mut Lists<T>, id: &str, to: &mut PerArticle<T>) {
            if let Some(list) = lists.next_if(|l| *l[0].place().article == *id) {
                to.push(list);
            }
        }
        take(&mut self.mentions, id, &mut to.mentions);
        take(&mut self.quotes, id, &mut to.quotes);
        take(&mut self.dates, id, &mut to.dates);
        take(&mut self.date_references, id, &mut to.date_references);
    }
}

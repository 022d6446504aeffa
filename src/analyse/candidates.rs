//! *Candidates* are the pairs of articles worth comparing for a story: those whose
//! MinHash signatures agree on a whole band, and those that share rare terms (the two
//! indexes [`super::stories`] describes). A [`Search`] finds them and keeps its
//! indexes, so that after an edit the dev server updates only what the edit reaches —
//! the edited articles, and the articles using a term whose document frequency moved
//! across or within the indexed range — instead of searching every article again.
//! [`Search::update`] gives exactly the pairs a new search gives (tested below).

use std::borrow::Borrow;

use rayon::prelude::*;

use super::stories::{
    BANDS, Features, MAX_CANDIDATES, MAX_POSTINGS, NEIGHBOURS, RARE_TERMS, ROWS, SHARED_RARE,
};
use super::text::{HashedMap, mix};

/// The candidate search of one briefing's articles, by position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Search {
    /// `(band key, article)` of every article that has a signature, sorted.
    bands: Vec<(u64, usize)>,
    /// Each article's terms used by 2 to [`MAX_POSTINGS`] articles, as
    /// `(document frequency, term)` in term order.
    indexable: Vec<Vec<(u32, u32)>>,
    /// `(term, article)` of every indexable term, sorted: the posting lists.
    postings: Vec<(u32, usize)>,
    /// The rare-term candidates each article found, as `(i, j)` with `i < j`.
    found: Vec<Vec<(usize, usize)>>,
}

impl Search {
    /// Indexes `features` under the document frequencies `df` and searches every
    /// article. Each part runs over the articles in parallel; each list is sorted, so
    /// the result does not depend on the order in which threads finish.
    pub(crate) fn new<F: Borrow<Features> + Sync>(
        features: &[F],
        df: &HashedMap<u32, u32>,
    ) -> Search {
        let mut bands: Vec<(u64, usize)> = features
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, f)| bands_of(i, f.borrow()))
            .collect();
        bands.par_sort_unstable();
        let indexable: Vec<Vec<(u32, u32)>> = features
            .par_iter()
            .map(|f| indexable_of(f.borrow(), df))
            .collect();
        let mut postings: Vec<(u32, usize)> = indexable
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, list)| list.iter().map(move |&(_, t)| (t, i)))
            .collect();
        postings.par_sort_unstable();
        // Every article looks up ~32 terms: a table of where each run starts beats a
        // binary search each time.
        let mut runs: HashedMap<u32, &[(u32, usize)]> = HashedMap::default();
        for run in postings.chunk_by(|a, b| a.0 == b.0) {
            runs.insert(run[0].0, run);
        }
        let found: Vec<Vec<(usize, usize)>> = indexable
            .par_iter()
            .enumerate()
            .map_init(
                || Counts::new(features.len()),
                |counts, (i, list)| {
                    let lookup = |t: u32| runs.get(&t).copied().unwrap_or_default();
                    counts.found(i, &rare_of(list), lookup)
                },
            )
            .collect();
        Search {
            bands,
            indexable,
            postings,
            found,
        }
    }

    /// How many articles were searched.
    pub(crate) fn len(&self) -> usize {
        self.indexable.len()
    }

    /// Brings the search up to date after the articles at `changed` (positions; as
    /// many articles as before) changed their features or are other articles, and the
    /// document frequency of each term in `moved` changed by the amount it gives;
    /// `df` is the new document frequency.
    pub(crate) fn update<F: Borrow<Features> + Sync>(
        &mut self,
        features: &[F],
        df: &HashedMap<u32, u32>,
        changed: &[usize],
        moved: &HashedMap<u32, i32>,
    ) {
        let n = features.len();
        assert_eq!(n, self.len(), "an update keeps the articles");
        let mut edited = vec![false; n];
        for &i in changed {
            edited[i] = true;
        }
        // Bands: the edited articles' entries replaced.
        let mut new_bands: Vec<(u64, usize)> = changed
            .iter()
            .flat_map(|&i| bands_of(i, features[i].borrow()))
            .collect();
        new_bands.sort_unstable();
        self.bands.retain(|&(_, i)| !edited[i]);
        self.bands = merged(std::mem::take(&mut self.bands), &new_bands);
        // Whose indexable terms may have changed: the edited articles, the articles
        // posting a term whose frequency moved, and those using a term that entered
        // the indexed range (they posted nothing for it: found by their term lists).
        let in_range = |d: u32| (2..=MAX_POSTINGS as u32).contains(&d);
        let mut reached = edited.clone();
        let mut entering: Vec<u32> = Vec::new();
        for (&t, &delta) in moved {
            let now = df.get(&t).copied().unwrap_or(0);
            let before = (i64::from(now) - i64::from(delta)).max(0) as u32;
            if in_range(before) {
                for &(_, i) in self.posting(t) {
                    reached[i] = true;
                }
            } else if in_range(now) {
                entering.push(t);
            }
        }
        if !entering.is_empty() {
            let users: Vec<usize> = features
                .par_iter()
                .enumerate()
                .filter(|(_, f)| {
                    let terms = &Borrow::<Features>::borrow(*f).terms;
                    entering.iter().any(|t| terms.binary_search(t).is_ok())
                })
                .map(|(i, _)| i)
                .collect();
            for i in users {
                reached[i] = true;
            }
        }
        // New indexable lists, and the postings that came and went with them.
        let mut again = vec![false; n];
        let (mut gone, mut came) = (Vec::new(), Vec::new());
        for i in (0..n).filter(|&i| reached[i]) {
            let list = indexable_of(features[i].borrow(), df);
            if list == self.indexable[i] {
                continue;
            }
            again[i] = true;
            difference(&self.indexable[i], &list, |t| gone.push((t, i)));
            difference(&list, &self.indexable[i], |t| came.push((t, i)));
            self.indexable[i] = list;
        }
        gone.sort_unstable();
        came.sort_unstable();
        self.postings = merged(without(std::mem::take(&mut self.postings), &gone), &came);
        // Whose candidates may have changed: the articles whose indexable list did,
        // and those posting a term whose posting list changed (they may look it up).
        // With articles in the same places, the second are among the first (a posting
        // list changes with its term's frequency, which is in the list of every
        // article posting it); an article that moved to another place changes the
        // posting lists of its terms and no frequency.
        let mut terms: Vec<u32> = gone.iter().chain(&came).map(|&(t, _)| t).collect();
        terms.sort_unstable();
        terms.dedup();
        for t in terms {
            for &(_, i) in self.posting(t) {
                again[i] = true;
            }
        }
        let mut counts = Counts::new(n);
        for i in (0..n).filter(|&i| again[i]) {
            let rare = rare_of(&self.indexable[i]);
            self.found[i] = counts.found(i, &rare, |t| self.posting(t));
        }
    }

    /// The candidate pairs `(i, j)`, `i < j`, sorted and distinct: each article of a
    /// band bucket with the next [`NEIGHBOURS`] of it, and the rare-term candidates.
    pub(crate) fn pairs(&self) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = self
            .bands
            .chunk_by(|a, b| a.0 == b.0)
            .flat_map(|members| {
                members.iter().enumerate().flat_map(move |(x, &(_, i))| {
                    members[x + 1..]
                        .iter()
                        .take(NEIGHBOURS)
                        .filter(move |&&(_, j)| i != j)
                        .map(move |&(_, j)| (i.min(j), i.max(j)))
                })
            })
            .collect();
        pairs.extend(self.found.iter().flatten());
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }

    /// The posting list of term `t`.
    fn posting(&self, t: u32) -> &[(u32, usize)] {
        let start = self.postings.partition_point(|&(x, _)| x < t);
        let end = self.postings.partition_point(|&(x, _)| x <= t);
        &self.postings[start..end]
    }
}

/// The band entries of article `i`: none without a signature.
fn bands_of(i: usize, f: &Features) -> impl Iterator<Item = (u64, usize)> + '_ {
    let signed = f.is_signed();
    (0..BANDS).filter(move |_| signed).map(move |band| {
        let key = f.signature[band * ROWS..(band + 1) * ROWS]
            .iter()
            .fold(mix(band as u64 + 1), |h, v| mix(h ^ v));
        (key, i)
    })
}

/// The terms of an article rare enough to index, with their frequency.
fn indexable_of(f: &Features, df: &HashedMap<u32, u32>) -> Vec<(u32, u32)> {
    f.terms
        .iter()
        .filter_map(|t| {
            let d = *df.get(t)?;
            (2..=MAX_POSTINGS as u32).contains(&d).then_some((d, *t))
        })
        .collect()
}

/// The [`RARE_TERMS`] rarest of an article's indexable terms: the ones it looks up.
fn rare_of(indexable: &[(u32, u32)]) -> Vec<u32> {
    let mut list = indexable.to_vec();
    list.sort_unstable();
    list.truncate(RARE_TERMS);
    list.into_iter().map(|(_, t)| t).collect()
}

/// How many rare terms each other article shares with the one searched, reused from
/// one article to the next.
struct Counts {
    counts: Vec<usize>,
    touched: Vec<usize>,
}

impl Counts {
    fn new(n: usize) -> Counts {
        Counts {
            counts: vec![0; n],
            touched: Vec::new(),
        }
    }

    /// The articles sharing at least [`SHARED_RARE`] of `rare` with article `i`, the
    /// [`MAX_CANDIDATES`] sharing most, as pairs.
    fn found<'p>(
        &mut self,
        i: usize,
        rare: &[u32],
        posting: impl Fn(u32) -> &'p [(u32, usize)],
    ) -> Vec<(usize, usize)> {
        let Counts { counts, touched } = self;
        for &t in rare {
            for &(_, j) in posting(t) {
                if j != i {
                    if counts[j] == 0 {
                        touched.push(j);
                    }
                    counts[j] += 1;
                }
            }
        }
        let mut found: Vec<(usize, usize)> = touched
            .iter()
            .filter(|&&j| counts[j] >= SHARED_RARE)
            .map(|&j| (counts[j], j))
            .collect();
        found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for j in touched.drain(..) {
            counts[j] = 0;
        }
        found
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(_, j)| (i.min(j), i.max(j)))
            .collect()
    }
}

/// Calls `each` with the terms of `a` that `b` lacks (both in term order).
fn difference(a: &[(u32, u32)], b: &[(u32, u32)], mut each: impl FnMut(u32)) {
    let mut j = 0;
    for &(_, t) in a {
        while j < b.len() && b[j].1 < t {
            j += 1;
        }
        if j >= b.len() || b[j].1 != t {
            each(t);
        }
    }
}

/// Two sorted lists as one.
fn merged<T: Ord + Copy>(a: Vec<T>, b: &[T]) -> Vec<T> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut j = 0;
    for x in a {
        while j < b.len() && b[j] < x {
            out.push(b[j]);
            j += 1;
        }
        out.push(x);
    }
    out.extend_from_slice(&b[j..]);
    out
}

/// A sorted list without the items of another sorted list.
fn without<T: Ord + Copy>(a: Vec<T>, drop: &[T]) -> Vec<T> {
    if drop.is_empty() {
        return a;
    }
    let mut j = 0;
    let mut out = a;
    out.retain(|x| {
        while j < drop.len() && drop[j] < *x {
            j += 1;
        }
        !(j < drop.len() && drop[j] == *x)
    });
    out
}

/// The candidate pairs of `features` in one search.
#[cfg(test)]
pub(crate) fn candidates<F: Borrow<Features> + Sync>(
    features: &[F],
    df: &HashedMap<u32, u32>,
) -> Vec<(usize, usize)> {
    Search::new(features, df).pairs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::stories::{document_frequency, tests::features};

    /// A corpus with terms of every frequency: stories of shared rare words, told
    /// again with small changes, over a common vocabulary.
    fn corpus(n: usize, seed: u64) -> Vec<String> {
        let mut seed = seed;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let common = [
            "council", "pier", "vote", "harbour", "mayor", "budget", "ferry", "strike", "minister",
            "port", "bridge", "storm",
        ];
        (0..n)
            .map(|k| {
                let story = k % (n / 4).max(1);
                (0..70)
                    .map(|w| match next() % 4 {
                        // Words of the story (shared by its few articles), rare words
                        // seen across a handful of stories, and common ones.
                        0 => format!("story{story}word{}", w % 9),
                        1 => format!("rare{}", next() % (n * 2)),
                        2 => format!("mid{}", next() % 60),
                        _ => common[next() % common.len()].to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn candidates_do_not_depend_on_how_many_threads_find_them() {
        // Same input, same bytes: the parallel parts must give what one thread gives.
        let texts = corpus(500, 7);
        let fs: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let df = document_frequency(fs.iter().map(|f| &f.terms));
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| Search::new(&fs, &df))
        };
        let one = on(1);
        assert!(one.pairs().len() >= 100, "{} pairs", one.pairs().len());
        assert!(one.found.iter().flatten().count() >= 100);
        assert_eq!(on(4), one);
        assert_eq!(on(7), one);
    }

    #[test]
    fn an_updated_search_is_a_new_search() {
        let mut texts = corpus(400, 11);
        let mut fs: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let mut df = document_frequency(fs.iter().map(|f| &f.terms));
        let mut search = Search::new(&fs, &df);
        let mut seed = 3usize;
        for round in 0..12 {
            // Edit a few articles: copy another's words in (new rare pairs), drop
            // words (terms leave), or write new words (terms enter the range).
            let mut changed = Vec::new();
            for e in 0..1 + round % 3 {
                seed = (seed * 7919 + 13) % 400;
                let i = seed;
                texts[i] = match (round + e) % 3 {
                    0 => format!("{} {}", texts[i], texts[(i + 37) % 400]),
                    1 => texts[i].split(' ').take(20).collect::<Vec<_>>().join(" "),
                    _ => format!("{} new{round} words{round} rare{}", texts[i], i + 1),
                };
                changed.push(i);
            }
            if round % 4 == 3 {
                // An article leaves and another comes at the end: every article after
                // the one that left moves one place earlier.
                let gone = seed % 300;
                texts.remove(gone);
                texts.push(format!("{} late{round}", texts[(gone + 5) % 399]));
                changed.extend(gone..400);
            }
            changed.sort_unstable();
            changed.dedup();
            let mut moved: HashedMap<u32, i32> = HashedMap::default();
            for &i in &changed {
                for t in &fs[i].terms {
                    *moved.entry(*t).or_default() -= 1;
                }
                fs[i] = features(&texts[i]);
                for t in &fs[i].terms {
                    *moved.entry(*t).or_default() += 1;
                }
            }
            moved.retain(|_, d| *d != 0);
            df = document_frequency(fs.iter().map(|f| &f.terms));
            search.update(&fs, &df, &changed, &moved);
            let fresh = Search::new(&fs, &df);
            assert_eq!(search, fresh, "round {round}");
        }
        assert!(search.pairs().len() >= 100);
    }

    #[test]
    fn a_bucket_pairs_each_article_with_its_next_neighbours_only() {
        // Thirty reprints of one report fall in one bucket of every band: each is
        // paired with the next four, not with all 29 others, and they stay connected.
        let report = "relatives of detainees camped outside the national detention center awaiting the release of their loved ones after the amnesty law was promulgated on thursday";
        let fs: Vec<Features> = (0..30).map(|_| features(report)).collect();
        // No term frequencies: no term is indexed, the pairs are the bands'.
        let search = Search::new(&fs, &HashedMap::default());
        let banded = search.pairs();
        let expected: Vec<(usize, usize)> = (0..30)
            .flat_map(|i| (i + 1..30).take(NEIGHBOURS).map(move |j| (i, j)))
            .collect();
        assert_eq!(banded, expected);
        assert_eq!(
            crate::analyse::stories::groups(30, &search.pairs()),
            [(0..30).collect::<Vec<_>>()]
        );
    }

    #[test]
    fn sorted_lists_are_merged_and_thinned() {
        assert_eq!(merged(vec![1, 4, 6], &[2, 4, 9]), [1, 2, 4, 4, 6, 9]);
        assert_eq!(without(vec![1, 2, 4, 4, 6, 9], &[2, 4, 9]), [1, 6]);
        let mut out = Vec::new();
        difference(&[(0, 1), (0, 3), (0, 5)], &[(9, 3)], |t| out.push(t));
        assert_eq!(out, [1, 5]);
    }
}

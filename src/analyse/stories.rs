//! A *story* is a group of articles that report the same events: copies of one wire
//! report, light edits of it, rewrites in other words, and articles that share part of
//! it. What many articles share — the recap of an affair, stock phrases — is
//! *background* ([`super::background`]) and is no evidence: everything below reads
//! only each article's *specific* text, its sentences that are not background less
//! their common shingles. Finding stories must not compare every article with every
//! other (10,000 articles make 50 million pairs), so candidates come from two indexes
//! and only candidates are compared:
//!
//! - *MinHash with LSH banding* over the specific word 5-gram shingles finds copies and
//!   light edits: each article gets a 64-value one-permutation MinHash signature (one
//!   hash per shingle, kept as the minimum of its bin), cut into 16 bands of 4 values;
//!   articles whose band hashes collide are candidates. A pair with shingle Jaccard 0.5
//!   collides with probability 0.64, with 0.8 almost surely. A bucket of colliding
//!   articles pairs each of them with the next [`NEIGHBOURS`] in it (in briefing order)
//!   rather than with all: a wire report reprinted a hundred times makes a few hundred
//!   pairs, not five thousand, and union–find still joins every reprint.
//! - a *rare-term index* finds rewrites, which share few 5-grams: each article posts
//!   its 32 rarest content words of specific sentences (stemmed, seen in at least two
//!   articles and in at most [`MAX_POSTINGS`]), and articles sharing at least three of
//!   them are candidates, at most [`MAX_CANDIDATES`] per article, the ones sharing most
//!   first.
//!
//! Cost: one pass over the words to read shingles and terms, O(words); counting the
//! background and splitting each article, O(shingles); banding O(n · 16), at most
//! 16 · [`NEIGHBOURS`] pairs an article; the term index O(n · 32 · MAX_POSTINGS) at
//! worst and at most [`MAX_CANDIDATES`] pairs an article; so at most
//! (16 · [`NEIGHBOURS`] + [`MAX_CANDIDATES`]) · n candidate pairs, each checked by exact
//! specific-shingle Jaccard and containment and by a sentence alignment
//! ([`super::compare`]) whose cost is the two articles' sentences, never the corpus.
//! Pairs that pass are joined with union–find.

use super::background::{Reading, Split};
use super::text::{HashedMap, number_word, stem};
pub(crate) use super::text::{hash_bytes, mix};

/// Words per shingle.
const SHINGLE: usize = 5;
/// MinHash values per signature, and their split into LSH bands.
const BINS: usize = 64;
pub(crate) const BANDS: usize = 16;
pub(crate) const ROWS: usize = BINS / BANDS;
/// A term posting list longer than this is too common to find a story by.
pub(crate) const MAX_POSTINGS: usize = 100;
/// The articles of a band bucket each article is paired with: the next ones in it.
pub(crate) const NEIGHBOURS: usize = 4;
/// Rare terms each article posts to the index.
pub(crate) const RARE_TERMS: usize = 32;
/// Rare terms two articles must share to be compared.
pub(crate) const SHARED_RARE: usize = 3;
/// Candidates kept per article from the term index.
pub(crate) const MAX_CANDIDATES: usize = 12;

/// Calls `each` with the words of a folded text as compared: no one-letter words (the
/// "s" of a possessive), number words as digits ("thirty-two" is "32"), month
/// abbreviations as month names ("jan" is "january"). Nothing is allocated but the
/// digits of number words.
pub(crate) fn each_compared_word(folded: &str, mut each: impl FnMut(&str)) {
    const LONG: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "september",
        "october",
        "november",
        "december",
    ];
    let digits = |v: u64, each: &mut dyn FnMut(&str)| each(itoa::Buffer::new().format(v));
    // A tens word waits for a unit: "thirty" then "two" is 32.
    let mut tens: Option<u64> = None;
    let word = |w: &str, tens: &mut Option<u64>, each: &mut dyn FnMut(&str)| {
        if let Some(v) = number_word(w) {
            match tens.take() {
                Some(t) if v < 10 => digits(t + v, each),
                Some(t) => {
                    digits(t, each);
                    if v >= 20 {
                        *tens = Some(v)
                    } else {
                        digits(v, each)
                    }
                }
                None if v >= 20 => *tens = Some(v),
                None => digits(v, each),
            }
            return;
        }
        if let Some(t) = tens.take() {
            digits(t, each);
        }
        if w.len() == 1 && !w.as_bytes()[0].is_ascii_digit() {
            return;
        }
        let month = match w {
            "jan" => 0,
            "feb" => 1,
            "mar" => 2,
            "apr" => 3,
            "jun" => 4,
            "jul" => 5,
            "aug" => 6,
            "sep" => 7,
            "sept" => 8,
            "oct" => 9,
            "nov" => 10,
            "dec" => 11,
            _ => usize::MAX,
        };
        each(LONG.get(month).copied().unwrap_or(w));
    };
    let bytes = folded.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let (is_word, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = folded[i..].chars().next().unwrap_or(' ');
            (super::text::is_word_char(c), c.len_utf8())
        };
        if is_word {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            word(&folded[s..i], &mut tens, &mut each);
        }
        i += len;
    }
    if let Some(s) = start {
        word(&folded[s..], &mut tens, &mut each);
    }
    if let Some(t) = tens {
        digits(t, &mut each);
    }
}

/// The compared words of a folded text, as a list.
pub(crate) fn compared_words(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_compared_word(folded, |w| out.push(w.to_string()));
    out
}

/// A content term of a word whose hash is known: the hash of its stem, when it is not
/// a stopword.
pub(crate) fn term_hashed(word: &str, hash: u64) -> Option<u64> {
    if (word.len() < 3 && !word.bytes().all(|b| b.is_ascii_digit()))
        || super::text::is_stopword_hash(word.len(), hash)
    {
        return None;
    }
    let stemmed = stem(word);
    Some(if stemmed.len() == word.len() {
        hash
    } else {
        hash_bytes(stemmed.as_bytes())
    })
}

/// What the grouping needs of one article, kept small: every article holds one at
/// once.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Features {
    /// MinHash of the specific shingles; all `u64::MAX` when there are none.
    pub(crate) signature: Vec<u64>,
    /// Content terms of the specific words (32-bit hashes of stems), sorted and
    /// distinct: the words that no common shingle covers.
    pub(crate) terms: Vec<u32>,
    /// The [`Split::digest`] of the article's background and specific text.
    pub(crate) digest: u64,
}

impl Features {
    /// The features of an article read as `reading`, given which shingles are common.
    pub(crate) fn of(reading: &Reading, common: impl Fn(u32) -> bool) -> Features {
        let split = Split::of(reading.sentences(), common);
        let mut terms: Vec<u32> = reading
            .words()
            .iter()
            .zip(&split.covered)
            .filter(|(t, covered)| **t != 0 && !**covered)
            .map(|(t, _)| *t)
            .collect();
        terms.sort_unstable();
        terms.dedup();
        // Kept for every article while the analysis (or the dev server) lives.
        terms.shrink_to_fit();
        let mut bins = vec![u64::MAX; BINS];
        let specific = reading.shingles().iter().zip(&split.specific);
        let mut any = false;
        for (&s, _) in specific.filter(|(_, mine)| **mine) {
            add_to_signature(&mut bins, u64::from(s));
            any = true;
        }
        Features {
            signature: densify(bins, any),
            terms,
            digest: split.digest(),
        }
    }

    /// Whether the article has specific shingles to be found by.
    pub(crate) fn is_signed(&self) -> bool {
        self.signature.iter().any(|v| *v != u64::MAX)
    }
}

/// Calls `each` with the shingles of one sentence given as its word hashes: every run
/// of [`SHINGLE`] words, or the whole sentence when it is shorter.
pub(crate) fn sentence_shingles(words: &[u64], mut each: impl FnMut(u32)) {
    let fold = |w: &[u64]| (mix(w.iter().fold(0u64, |h, x| h.rotate_left(13) ^ x)) >> 32) as u32;
    if words.len() < SHINGLE {
        if !words.is_empty() {
            each(fold(words));
        }
        return;
    }
    for w in words.windows(SHINGLE) {
        each(fold(w));
    }
}

/// One-permutation MinHash: each shingle lands in one bin, the bin keeps its minimum;
/// an empty bin borrows the next filled bin's value, shifted by the distance, so two
/// texts agree on a bin with about the probability of their Jaccard similarity. Order
/// and repetition of the shingles do not matter. ([`Features::of`] builds the same
/// signature from an article's specific shingles.)
#[cfg(test)]
pub(crate) fn signature(shingles: &[u32]) -> Vec<u64> {
    let mut bins = vec![u64::MAX; BINS];
    for &s in shingles {
        add_to_signature(&mut bins, u64::from(s));
    }
    densify(bins, !shingles.is_empty())
}

fn add_to_signature(bins: &mut [u64], shingle: u64) {
    let h = mix(shingle ^ 0x9e37_79b9_7f4a_7c15);
    let bin = (h % BINS as u64) as usize;
    bins[bin] = bins[bin].min(h);
}

fn densify(mut bins: Vec<u64>, any: bool) -> Vec<u64> {
    if !any {
        return bins;
    }
    let filled = bins.clone();
    for (b, value) in bins.iter_mut().enumerate() {
        if *value == u64::MAX {
            let (distance, borrowed) = (1..BINS)
                .map(|d| (d, filled[(b + d) % BINS]))
                .find(|(_, v)| *v != u64::MAX)
                .unwrap_or((0, 0));
            *value = mix(borrowed ^ distance as u64);
        }
    }
    bins
}

/// |A ∩ B| of two sorted, distinct lists.
pub(crate) fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Shingle Jaccard and containment (the share of the smaller article found in the
/// larger) of two articles' sorted shingles.
pub(crate) fn overlap<T: Ord>(a: &[T], b: &[T]) -> (f64, f64) {
    let n = shared(a, b) as f64;
    let union = (a.len() + b.len()) as f64 - n;
    let smaller = a.len().min(b.len()) as f64;
    let jaccard = if union > 0.0 { n / union } else { 0.0 };
    let containment = if smaller > 0.0 { n / smaller } else { 0.0 };
    (jaccard, containment)
}

/// How many articles use each term, given each article's terms, distinct.
pub(crate) fn document_frequency<T: AsRef<[u32]>>(
    articles: impl IntoIterator<Item = T>,
) -> HashedMap<u32, u32> {
    let mut df: HashedMap<u32, u32> = HashedMap::default();
    for terms in articles {
        for t in terms.as_ref() {
            *df.entry(*t).or_default() += 1;
        }
    }
    df
}

/// Groups of connected articles, each sorted, in order of their first member.
pub(crate) fn groups(n: usize, pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(a, b) in pairs {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for &(a, b) in pairs {
        for x in [a, b] {
            let r = root(&mut parent, x);
            by_root.entry(r).or_default().push(x);
        }
    }
    by_root
        .into_values()
        .map(|mut g| {
            g.sort_unstable();
            g.dedup();
            g
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyse::text::Paragraph;

    /// An article's reading, its text given as Markdown.
    pub(crate) fn reading(text: &str) -> Reading {
        let article = crate::analyse::mentions::tests::article_of(text);
        Reading::of(&Paragraph::all(&article))
    }

    /// An article's features when nothing is background.
    pub(crate) fn features(text: &str) -> Features {
        Features::of(&reading(text), |_| false)
    }

    /// The shingles of a text read as one sentence, sorted and distinct.
    fn shingles(text: &str) -> Vec<u32> {
        let words: Vec<u64> = compared_words(&crate::analyse::text::fold(text))
            .iter()
            .map(|w| hash_bytes(w.as_bytes()))
            .collect();
        let mut out = Vec::new();
        sentence_shingles(&words, |s| out.push(s));
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn number_words_become_digits() {
        assert_eq!(
            compared_words("thirty-two cubans and 32 more, rodriguez's four"),
            ["32", "cubans", "and", "32", "more", "rodriguez", "4"]
        );
    }

    #[test]
    fn minhash_is_deterministic_and_tracks_jaccard() {
        let ta = "the quick brown fox jumps over the lazy dog while the cat sleeps on the warm mat by the door of the old house";
        let tb = "the quick brown fox jumps over the lazy dog while the cat sleeps on the cold mat by the door of the old house";
        let tc = "completely different words about prisoners released under an amnesty law passed on thursday by the assembly";
        let (a, b, c) = (features(ta), features(tb), features(tc));
        assert_eq!(signature(&shingles(ta)), a.signature);
        let agree = |x: &Features, y: &Features| {
            x.signature
                .iter()
                .zip(&y.signature)
                .filter(|(p, q)| p == q)
                .count()
        };
        let (sa, sb, sc) = (shingles(ta), shingles(tb), shingles(tc));
        let (jab, _) = overlap(&sa, &sb);
        assert!(jab > 0.5 && jab < 1.0, "{jab}");
        assert!(agree(&a, &b) > agree(&a, &c));
        assert_eq!(overlap(&sa, &sc).0, 0.0);
        assert_eq!(overlap(&sa, &sa), (1.0, 1.0));
    }

    #[test]
    fn short_sentences_are_one_shingle_and_long_ones_a_shingle_a_word() {
        let count = |n: usize| {
            let mut k = 0;
            sentence_shingles(&vec![7; n], |_| k += 1);
            k
        };
        assert_eq!([0, 1, 4, 5, 6, 20].map(count), [0, 1, 1, 1, 2, 16]);
    }

    #[test]
    fn background_sentences_give_no_terms_and_no_signature() {
        let r =
            reading("Quintana denied wrongdoing at the port. Prosecutors charged nine officials.");
        let recap: Vec<u32> = r.sentences().next().unwrap().0.to_vec();
        let f = Features::of(&r, |s| recap.contains(&s));
        assert_eq!(f.terms.len(), 4, "prosecutors, charged, nine, officials");
        assert!(f.is_signed());
        assert_ne!(
            f.digest,
            features("Quintana denied wrongdoing at the port. Prosecutors charged nine officials.")
                .digest
        );
        let all = Features::of(&r, |_| true);
        assert!(all.terms.is_empty() && !all.is_signed());
    }

    #[test]
    fn near_copies_are_candidates_and_strangers_are_not() {
        let base = "cuban security advisers and medical personnel are leaving venezuela as the interim government faces mounting pressure from washington to unwind the longstanding alliance between caracas and havana according to eleven sources familiar with the matter";
        let copy = format!("{base} reuters reports");
        let other = "relatives of detainees camped outside the national detention center awaiting the release of their loved ones after the amnesty law was promulgated on thursday by lawmakers";
        let fs = vec![features(base), features(other), features(&copy)];
        let df = document_frequency(fs.iter().map(|f| &f.terms));
        assert_eq!(
            crate::analyse::candidates::candidates(&fs, &df),
            vec![(0, 2)]
        );
    }

    #[test]
    fn union_find_groups_connected_articles() {
        assert_eq!(
            groups(6, &[(0, 2), (2, 4), (1, 5)]),
            vec![vec![0, 2, 4], vec![1, 5]]
        );
        assert!(groups(3, &[]).is_empty());
    }
}

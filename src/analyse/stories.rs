//! A *story* is a group of articles that report the same events: copies of one wire
//! report, light edits of it, rewrites in other words, and articles that share part of
//! it. Finding them must not compare every article with every other (10,000 articles
//! make 50 million pairs), so candidates come from two indexes and only candidates are
//! compared:
//!
//! - *MinHash with LSH banding* over word 5-gram shingles finds copies and light edits:
//!   each article gets a 64-value one-permutation MinHash signature (one hash per
//!   shingle, kept as the minimum of its bin), cut into 16 bands of 4 values; articles
//!   whose band hashes collide are candidates. A pair with shingle Jaccard 0.5 collides
//!   with probability 0.64, with 0.8 almost surely. A bucket of colliding articles
//!   pairs each of them with the next [`NEIGHBOURS`] in it (in briefing order) rather
//!   than with all: a wire report reprinted a hundred times makes a few hundred pairs,
//!   not five thousand, and union–find still joins every reprint.
//! - a *rare-term index* finds rewrites, which share few 5-grams: each article posts its
//!   32 rarest content words (stemmed, seen in at least two articles and in at most
//!   [`MAX_POSTINGS`]), and articles sharing at least three of them are candidates, at
//!   most [`MAX_CANDIDATES`] per article, the ones sharing most first.
//!
//! Cost: one pass over the words to build shingles, signatures and terms, O(words);
//! banding O(n · 16) and at most 16 · [`NEIGHBOURS`] pairs an article; the term index
//! O(n · 32 · MAX_POSTINGS) at worst and at most [`MAX_CANDIDATES`] pairs an article;
//! so at most (16 · [`NEIGHBOURS`] + [`MAX_CANDIDATES`]) · n candidate pairs, each
//! checked by exact shingle Jaccard and containment and by a sentence alignment
//! ([`super::compare`]) whose cost is the two articles' sentences, never the corpus.
//! Pairs that pass are joined with union–find.

use std::borrow::Borrow;

use super::text::{HashedMap, Paragraph, number_word, stem};
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

/// A content term: a stemmed word that is not a stopword.
pub(crate) fn term(word: &str) -> Option<u64> {
    term_hashed(word, hash_bytes(word.as_bytes()))
}

/// [`term`] of a word whose hash is known.
fn term_hashed(word: &str, hash: u64) -> Option<u64> {
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

/// What the grouping needs of one article, kept small: 10,000 articles hold these at
/// once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    pub(crate) signature: Vec<u64>,
    /// Content terms (32-bit hashes of stems), sorted and distinct.
    pub(crate) terms: Vec<u32>,
}

impl Features {
    pub(crate) fn of(paras: &[Paragraph]) -> Features {
        let mut bins = vec![u64::MAX; BINS];
        let mut window = [0u64; SHINGLE];
        let mut seen = 0usize;
        // The fold of the window as `shingles` computes it, kept rolling: drop the
        // oldest word's share, turn, add the newest.
        let mut rolling = 0u64;
        let mut terms: Vec<u32> = Vec::new();
        for p in paras {
            each_compared_word(&p.folded.text, |w| {
                let h = hash_bytes(w.as_bytes());
                let slot = seen % SHINGLE;
                let oldest = if seen >= SHINGLE { window[slot] } else { 0 };
                rolling =
                    (rolling ^ oldest.rotate_left(13 * (SHINGLE as u32 - 1))).rotate_left(13) ^ h;
                window[slot] = h;
                seen += 1;
                if seen >= SHINGLE {
                    add_to_signature(&mut bins, mix(rolling));
                }
                terms.extend(term_hashed(w, h).map(|t| t as u32));
            });
        }
        terms.sort_unstable();
        terms.dedup();
        // Kept for every article while the analysis (or the dev server) lives; most
        // words repeat, so the list shrinks to about half its length.
        terms.shrink_to_fit();
        Features {
            signature: densify(bins, seen >= SHINGLE),
            terms,
        }
    }
}

/// The shingles of a word sequence: the hashes of every run of [`SHINGLE`] words, sorted
/// and distinct.
pub(crate) fn shingles(words: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| mix(w.iter().fold(0u64, |h, x| h.rotate_left(13) ^ x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One-permutation MinHash: each shingle lands in one bin, the bin keeps its minimum;
/// an empty bin borrows the next filled bin's value, shifted by the distance, so two
/// texts agree on a bin with about the probability of their Jaccard similarity. Order
/// and repetition of the shingles do not matter. ([`Features::of`] builds the same
/// signature while it reads the words.)
#[cfg(test)]
pub(crate) fn signature(shingles: &[u64]) -> Vec<u64> {
    let mut bins = vec![u64::MAX; BINS];
    for &s in shingles {
        add_to_signature(&mut bins, s);
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
pub(crate) fn overlap(a: &[u64], b: &[u64]) -> (f64, f64) {
    let n = shared(a, b) as f64;
    let union = (a.len() + b.len()) as f64 - n;
    let smaller = a.len().min(b.len()) as f64;
    let jaccard = if union > 0.0 { n / union } else { 0.0 };
    let containment = if smaller > 0.0 { n / smaller } else { 0.0 };
    (jaccard, containment)
}

/// How many articles use each term.
pub(crate) fn document_frequency<F: Borrow<Features>>(features: &[F]) -> HashedMap<u32, u32> {
    let mut df: HashedMap<u32, u32> = HashedMap::default();
    for f in features {
        for t in &f.borrow().terms {
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
    use crate::analyse::text::Folded;

    fn words(text: &str) -> Vec<u64> {
        compared_words(&Folded::new(text).text)
            .iter()
            .map(|w| hash_bytes(w.as_bytes()))
            .collect()
    }

    pub(crate) fn features(text: &str) -> Features {
        let folded = Folded::new(text);
        let mut terms: Vec<u32> = compared_words(&folded.text)
            .iter()
            .filter_map(|w| term(w))
            .map(|t| t as u32)
            .collect();
        terms.sort_unstable();
        terms.dedup();
        // Kept for every article while the analysis (or the dev server) lives; most
        // words repeat, so the list shrinks to about half its length.
        terms.shrink_to_fit();
        Features {
            signature: signature(&shingles(&words(text))),
            terms,
        }
    }

    #[test]
    fn features_of_paragraphs_match_the_plain_computation() {
        let text = "Cuban security advisers and medical personnel are leaving Venezuela.\n\nThirty-two Cubans were killed, officials said on Jan. 3.";
        let article = crate::analyse::mentions::tests::article_of(text);
        let f = Features::of(&Paragraph::all(&article));
        let folded: String = article
            .paragraphs()
            .map(|b| Folded::new(&b.text).text)
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(f.signature, signature(&shingles(&words(&folded))));
        assert_eq!(f.terms, features(&folded).terms);
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
        assert_eq!(signature(&shingles(&words(ta))), a.signature);
        let agree = |x: &Features, y: &Features| {
            x.signature
                .iter()
                .zip(&y.signature)
                .filter(|(p, q)| p == q)
                .count()
        };
        let (sa, sb, sc) = (
            shingles(&words(ta)),
            shingles(&words(tb)),
            shingles(&words(tc)),
        );
        let (jab, _) = overlap(&sa, &sb);
        assert!(jab > 0.5 && jab < 1.0, "{jab}");
        assert!(agree(&a, &b) > agree(&a, &c));
        assert_eq!(overlap(&sa, &sc).0, 0.0);
        assert_eq!(overlap(&sa, &sa), (1.0, 1.0));
    }

    #[test]
    fn near_copies_are_candidates_and_strangers_are_not() {
        let base = "cuban security advisers and medical personnel are leaving venezuela as the interim government faces mounting pressure from washington to unwind the longstanding alliance between caracas and havana according to eleven sources familiar with the matter";
        let copy = format!("{base} reuters reports");
        let other = "relatives of detainees camped outside the national detention center awaiting the release of their loved ones after the amnesty law was promulgated on thursday by lawmakers";
        let fs = vec![features(base), features(other), features(&copy)];
        let df = document_frequency(&fs);
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

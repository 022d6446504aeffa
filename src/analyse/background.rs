//! *Background* is text that many articles of a briefing share: the recap of a long
//! affair that outlets repeat from article to article with small variations, a stock
//! phrase, an outlet's standing paragraph. It says nothing about whether two articles
//! report the same event, so story grouping ([`super::stories`]) leaves it out of the
//! evidence: two articles are one story when they share what is *specific* to them.
//!
//! Text is read as word 5-gram *shingles* inside each sentence (a sentence of fewer than
//! five words is one shingle). A shingle is *common* when at least
//! [`threshold`]`(N)` = max([`FLOOR`], ⌈[`FRACTION`] · N⌉) of the N articles use it; a
//! word is background when a common shingle covers it, and a sentence is *background*
//! when at least [`COVERED`] (two thirds) of its words are. A recap sentence with a word
//! or a number changed, or its clauses swapped, is still background: the shingles
//! around the change are common. A sentence of the article's own that uses a stock
//! phrase ("said the government had not explained how it would pay for") is not, but
//! the phrase's words are. An article's *specific* text is the rest: its specific
//! sentences and their shingles that are not common, and the content words that no
//! common shingle covers (in any sentence: a name of the article's own inserted in a
//! stock sentence is its own).
//!
//! The threshold: a report printed by every outlet of a small briefing is one story,
//! not background (five reprints in a briefing of five articles; the 15 outlets of the
//! benchmark corpus each printing one wire report), hence the floor of [`FLOOR`]
//! articles; above [`FLOOR`] / [`FRACTION`] articles the bar rises with the briefing,
//! since a larger briefing repeats stock phrases more often by chance and covers more
//! outlets that may reprint one report. A recap that an outlet repeats in its articles
//! is background as soon as that outlet has published [`FLOOR`] of them. A text printed
//! by more articles than the threshold is background even when it is one report
//! reprinted that often: its copies are then not grouped.
//!
//! Document frequencies are counted in a *count-min sketch* ([`Background`]): each
//! shingle falls in one cell in each of [`ROWS`] rows of [`WIDTH`], each article adds
//! one to every cell its shingles fall in (once, however many of them fall there), and
//! a shingle's count is the least of its cells. The memory is fixed whatever the
//! briefing; a count is never below the true one, and is above it only where each of a
//! shingle's cells also counts enough other articles to reach the threshold. Both a
//! cell's average load and the threshold grow with the briefing, the threshold several
//! times the load (see docs/performance.md), so few shingles are taken for common
//! wrongly, and each of them only leaves five words out of the evidence. Counts add and
//! subtract exactly, so the dev server updates the sketch with the articles that
//! changed and gets the sketch a fresh count gives; the cells whose side of the
//! threshold changed tell it which other articles to read again ([`Moved`]).

use std::borrow::Borrow;

use rayon::prelude::*;

use super::stories::{each_compared_word, sentence_shingles, term_hashed};
use super::text::{Paragraph, hash_bytes, mix};

/// The fewest articles that make a shingle common, whatever the briefing's size.
pub(crate) const FLOOR: u32 = 20;
/// The share of the briefing's articles that make a shingle common, above the floor.
pub(crate) const FRACTION: f64 = 0.005;
/// Rows and cells per row of the count-min sketch.
pub(crate) const ROWS: usize = 4;
pub(crate) const WIDTH: usize = 1 << 19;

/// The number of articles using a shingle at which it is common, in a briefing of
/// `articles` articles.
pub(crate) fn threshold(articles: usize) -> u32 {
    FLOOR.max((articles as f64 * FRACTION).ceil() as u32)
}

/// One article read for grouping, before the briefing is counted: the shingles and
/// words of each sentence, in article order (the sentences of
/// [`super::text::sentences`], paragraph by paragraph, empty ones included so that
/// sentence numbers agree with [`super::compare::Profile`]).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Reading {
    /// 32-bit shingle hashes, sentence after sentence, each sentence's in text order.
    shingles: Vec<u32>,
    /// Each word as a content term (a 32-bit hash of its stem), or 0 for a word that
    /// is none (a stopword), sentence after sentence, in text order.
    words: Vec<u32>,
    /// Where each sentence's shingles and words end.
    ends: Vec<(u32, u32)>,
}

impl Reading {
    pub(crate) fn of(paras: &[Paragraph]) -> Reading {
        let mut reading = Reading::default();
        let mut words: Vec<u64> = Vec::new();
        for p in paras {
            for &(s, e) in &p.sentences {
                let (fs, fe) = (p.folded.folded_offset(s), p.folded.folded_offset(e));
                words.clear();
                each_compared_word(&p.folded.text[fs..fe], |w| {
                    let h = hash_bytes(w.as_bytes());
                    words.push(h);
                    let term = term_hashed(w, h).map_or(0, |t| (t as u32).max(1));
                    reading.words.push(term);
                });
                sentence_shingles(&words, |s| reading.shingles.push(s));
                reading
                    .ends
                    .push((reading.shingles.len() as u32, reading.words.len() as u32));
            }
        }
        // Kept for every article while the dev server lives.
        reading.shingles.shrink_to_fit();
        reading.words.shrink_to_fit();
        reading.ends.shrink_to_fit();
        reading
    }

    /// Each sentence's shingles, and how many words it has.
    pub(crate) fn sentences(&self) -> impl Iterator<Item = (&[u32], usize)> + '_ {
        let mut from = (0usize, 0usize);
        self.ends.iter().map(move |&(s, w)| {
            let (s, w) = (s as usize, w as usize);
            let out = (&self.shingles[from.0..s], w - from.1);
            from = (s, w);
            out
        })
    }

    /// Where each sentence's words end in [`Reading::words`].
    pub(crate) fn word_ends(&self) -> impl Iterator<Item = usize> + '_ {
        self.ends.iter().map(|&(_, w)| w as usize)
    }

    /// Each word of the article as a content term, 0 for none (see [`Reading::of`]).
    pub(crate) fn words(&self) -> &[u32] {
        &self.words
    }

    /// The article's shingles, sentence after sentence, in text order.
    pub(crate) fn shingles(&self) -> &[u32] {
        &self.shingles
    }

    /// The article's content terms, sorted and distinct: how often a term is used is
    /// counted over whole articles, background included, so that a word is as rare as
    /// the briefing makes it wherever an article uses it.
    pub(crate) fn terms(&self) -> Vec<u32> {
        let mut all: Vec<u32> = self.words.iter().copied().filter(|t| *t != 0).collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The cells the article's shingles fall in, each once, sorted.
    fn cells(&self) -> Vec<usize> {
        let mut cells: Vec<usize> = (0..ROWS)
            .flat_map(|r| self.shingles.iter().map(move |&s| cell(r, s)))
            .collect();
        cells.sort_unstable();
        cells.dedup();
        cells
    }
}

/// One article's text split into background and specific.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Split {
    /// Whether each sentence is background.
    pub(crate) background: Vec<bool>,
    /// Whether each word of the article is covered by a common shingle: the other
    /// words' terms are the specific terms, in any sentence (a recap sentence with a
    /// name of the article's own inserted keeps that name).
    pub(crate) covered: Vec<bool>,
    /// Whether each shingle of the article, in text order, is specific: not common,
    /// and in a specific sentence.
    pub(crate) specific: Vec<bool>,
}

impl Split {
    /// Splits the sentences of an article, each given as its shingles in text order
    /// and its number of words, by which shingles are `common`.
    pub(crate) fn of<'s>(
        sentences: impl Iterator<Item = (&'s [u32], usize)>,
        common: impl Fn(u32) -> bool,
    ) -> Split {
        let mut split = Split::default();
        let mut flags: Vec<bool> = Vec::new();
        for (shingles, words) in sentences {
            flags.clear();
            flags.extend(shingles.iter().map(|&s| common(s)));
            let from = split.covered.len();
            cover(&flags, words, &mut split.covered);
            let covered = split.covered[from..].iter().filter(|c| **c).count();
            let background = covered > 0 && covered * COVERED.1 >= words * COVERED.0;
            split.background.push(background);
            split
                .specific
                .extend(flags.iter().map(|common| !background && !common));
        }
        split
    }

    /// The article's specific shingles, and its others, each sorted and distinct (a
    /// shingle both specific and not is specific), given its shingles in text order.
    pub(crate) fn shingles(&self, shingles: &[u32]) -> (Vec<u32>, Vec<u32>) {
        let (mut specific, mut recap) = (Vec::new(), Vec::new());
        for (&s, &mine) in shingles.iter().zip(&self.specific) {
            if mine {
                specific.push(s);
            } else {
                recap.push(s);
            }
        }
        specific.sort_unstable();
        specific.dedup();
        recap.sort_unstable();
        recap.dedup();
        recap.retain(|s| specific.binary_search(s).is_err());
        (specific, recap)
    }

    /// A digest of the split: which sentences are background, which words are covered
    /// and which shingles are specific. What was compared under one digest is compared
    /// again under another.
    pub(crate) fn digest(&self) -> u64 {
        let mut h = mix(self.background.len() as u64);
        for flags in [&self.background, &self.covered, &self.specific] {
            for chunk in flags.chunks(64) {
                let bits = chunk
                    .iter()
                    .enumerate()
                    .fold(0u64, |b, (i, f)| b | (u64::from(*f) << i));
                h = mix(h ^ bits);
            }
            h = mix(h ^ flags.len() as u64);
        }
        h
    }
}

/// The share of a sentence's words that common shingles must cover for it to be
/// background, as a fraction. At half, an article's own sentences assembled from stock
/// phrases around its names become background, and rewrites that reuse them go unseen;
/// two thirds still takes every recap variant but those of a short sentence changed
/// near an end, whose last words no common shingle covers.
pub(crate) const COVERED: (usize, usize) = (2, 3);

/// Appends to `covered`, for each of a sentence's `words`, whether a common shingle
/// covers it, given which of its shingles (in text order) are common. A sentence of
/// one shingle (five words or fewer) is covered whole when that shingle is common.
pub(crate) fn cover(common: &[bool], words: usize, covered: &mut Vec<bool>) {
    let from = covered.len();
    covered.resize(from + words, false);
    let mine = &mut covered[from..];
    if common.len() == 1 {
        mine.fill(common[0]);
        return;
    }
    // Shingle k covers words k..k+5.
    for (k, _) in common.iter().enumerate().filter(|(_, c)| **c) {
        let end = (k + 5).min(words);
        mine[k.min(end)..end].fill(true);
    }
}

/// How many articles use each shingle, as a count-min sketch, and how many articles
/// were counted.
#[derive(Clone, PartialEq)]
pub(crate) struct Background {
    /// [`ROWS`] rows of [`WIDTH`] cells.
    cells: Vec<u32>,
    articles: usize,
    /// [`threshold`] of `articles`.
    threshold: u32,
    /// Whether each cell reaches the threshold, a bit a cell, in the order of `cells`:
    /// what [`Background::is_common`] reads, a 32nd of the counts' size, so that the
    /// lookups of every shingle of every article stay in the processor's caches.
    reached: Vec<u64>,
}

impl std::fmt::Debug for Background {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Background")
            .field("articles", &self.articles)
            .field("threshold", &self.threshold)
            .finish_non_exhaustive()
    }
}

/// Which articles' split may have changed with an update of the counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Moved {
    /// Every article's: the threshold moved.
    All,
    /// None: no cell crossed the threshold.
    None,
    /// Those with a shingle in a cell that crossed the threshold: one bit per cell,
    /// row-major, tested for every shingle of every article.
    Cells(Vec<u64>),
}

impl Moved {
    /// Whether an article whose reading is `reading` may be split otherwise.
    pub(crate) fn reaches(&self, reading: &Reading) -> bool {
        match self {
            Moved::All => true,
            Moved::None => false,
            Moved::Cells(bits) => reading.shingles.iter().any(|&s| {
                (0..ROWS).any(|r| {
                    let c = cell(r, s);
                    bits[c / 64] & (1 << (c % 64)) != 0
                })
            }),
        }
    }
}

/// The cell of shingle `s` in row `r`, as an index into all cells.
fn cell(r: usize, s: u32) -> usize {
    let h = mix(u64::from(s) ^ (r as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    r * WIDTH + (h >> (64 - WIDTH.trailing_zeros())) as usize
}

impl Background {
    /// Counts the shingles of every article. Each row is counted on its own thread, so
    /// the counts do not depend on how many threads there are.
    pub(crate) fn count<R: Borrow<Reading> + Sync>(readings: &[R]) -> Background {
        let mut cells = vec![0u32; ROWS * WIDTH];
        cells
            .par_chunks_mut(WIDTH)
            .enumerate()
            .for_each(|(r, row)| {
                // The article that last counted in each cell: an article counts once
                // in a cell, however many of its shingles fall there.
                let mut last = vec![u32::MAX; WIDTH];
                for (a, reading) in readings.iter().enumerate() {
                    for &s in &reading.borrow().shingles {
                        let c = cell(r, s) - r * WIDTH;
                        if last[c] != a as u32 {
                            last[c] = a as u32;
                            row[c] += 1;
                        }
                    }
                }
            });
        let threshold = threshold(readings.len());
        Background {
            reached: reached(&cells, threshold),
            cells,
            articles: readings.len(),
            threshold,
        }
    }

    /// The counts after the articles read as `gone` left and those read as `came`
    /// came, now `articles` in all; and which articles' split that may move.
    pub(crate) fn update<G: Borrow<Reading>, C: Borrow<Reading>>(
        &mut self,
        gone: &[G],
        came: &[C],
        articles: usize,
    ) -> Moved {
        let before = self.threshold;
        let after = threshold(articles);
        self.articles = articles;
        self.threshold = after;
        // Each touched cell, with its count before.
        let mut touched: super::text::HashedMap<usize, u32> = Default::default();
        let mut apply = |reading: &Reading, add: bool| {
            for c in reading.cells() {
                touched.entry(c).or_insert(self.cells[c]);
                let v = &mut self.cells[c];
                *v = if add { *v + 1 } else { v.saturating_sub(1) };
            }
        };
        for g in gone {
            apply(g.borrow(), false);
        }
        for c in came {
            apply(c.borrow(), true);
        }
        if before != after {
            self.reached = reached(&self.cells, after);
            return Moved::All;
        }
        let mut bits: Vec<u64> = Vec::new();
        for (c, old) in touched {
            if (old >= after) != (self.cells[c] >= after) {
                bits.resize(ROWS * WIDTH / 64, 0);
                bits[c / 64] |= 1 << (c % 64);
                self.reached[c / 64] ^= 1 << (c % 64);
            }
        }
        match bits.is_empty() {
            true => Moved::None,
            false => Moved::Cells(bits),
        }
    }

    /// Whether shingle `s` is common.
    pub(crate) fn is_common(&self, s: u32) -> bool {
        // Most shingles are rare: the first row usually decides.
        (0..ROWS).all(|r| {
            let c = cell(r, s);
            self.reached[c / 64] & (1 << (c % 64)) != 0
        })
    }
}

/// Whether each of `cells` reaches `threshold`, a bit a cell.
fn reached(cells: &[u32], threshold: u32) -> Vec<u64> {
    cells
        .chunks(64)
        .map(|chunk| {
            chunk.iter().enumerate().fold(0u64, |bits, (i, n)| {
                bits | (u64::from(*n >= threshold) << i)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(text: &str) -> Reading {
        let article = crate::analyse::mentions::tests::article_of(text);
        Reading::of(&Paragraph::all(&article))
    }

    #[test]
    fn the_threshold_has_a_floor_and_grows_with_the_briefing() {
        assert_eq!(threshold(5), FLOOR);
        assert_eq!(threshold(1_000), FLOOR);
        assert_eq!(threshold(10_000), 50);
        assert_eq!(threshold(30_000), 150);
    }

    #[test]
    fn a_sentence_is_background_when_common_shingles_cover_two_thirds_of_its_words() {
        let (t, f) = (true, false);
        // Shingles 0..n, the first `common` of them common, then `changed` not, then
        // the rest common: a sentence of n + 4 words with one word changed.
        let changed = |n: usize, first: usize| -> Vec<bool> {
            (0..n).map(|k| k < first || k >= first + 5).collect()
        };
        // (common flags of its shingles, background)
        let cases: &[(&[bool], bool)] = &[
            (&[], false),
            (&[t], true),
            (&[f], false),
            // 20 words, the tenth changed: every other word is covered
            (&changed(16, 5), true),
            // 20 words, the eighteenth changed: the words after it are not covered
            // either, 17 of 20 are
            (&changed(16, 13), true),
            // 12 words, the eighth changed: 7 of 12 covered, a variant too far
            (&changed(8, 3), false),
            // a common phrase of five words in a sentence of twelve
            (&[f, f, f, t, f, f, f, f], false),
            // two common phrases of five words, apart, in twelve words: ten covered
            (&[t, f, f, f, f, f, f, t], true),
            (&[f, f, f, f, f, f, f, t], false),
        ];
        for (flags, want) in cases {
            // One sentence whose shingles are numbered by their place.
            let shingles: Vec<u32> = (0..flags.len() as u32).collect();
            let words = match flags.len() {
                0 => 0,
                1 => 3,
                n => n + 4,
            };
            let split = Split::of([(&shingles[..], words)].into_iter(), |s| flags[s as usize]);
            assert_eq!(split.background, [*want], "{flags:?}");
        }
        let mut covered = Vec::new();
        cover(&[f, f, f, t, f, f, f, f], 12, &mut covered);
        let words: Vec<usize> = (0..12).filter(|&w| covered[w]).collect();
        assert_eq!(words, [3, 4, 5, 6, 7]);
    }

    #[test]
    fn a_reading_holds_each_sentences_shingles_and_terms() {
        let r =
            reading("Prosecutors say the money was moved through shell companies. It was.\n\nNo.");
        let sentences: Vec<(usize, usize)> = r.sentences().map(|(s, w)| (s.len(), w)).collect();
        // 9 words: 5 shingles; 2 words: one shingle; 1 word: one shingle.
        assert_eq!(sentences, [(5, 9), (1, 2), (1, 1)]);
        // The terms: prosecutors, money, moved, shell, companies; "it", "was" and "no"
        // are none.
        let terms = r.words().iter().filter(|t| **t != 0).count();
        assert_eq!((terms, r.terms().len()), (5, 5));
    }

    #[test]
    fn counts_are_articles_using_a_shingle_and_update_exactly() {
        let recap = "The affair began in March 2024, when auditors found that money had gone missing from the port authority.";
        let texts: Vec<String> = (0..30)
            .map(|i| format!("{recap}\n\nArticle number {i} reports event {i} in town {i} today."))
            .collect();
        let readings: Vec<Reading> = texts.iter().map(|t| reading(t)).collect();
        let counted = Background::count(&readings);
        let recap_shingle = readings[0].shingles[0];
        let own = readings[3].shingles[readings[3].shingles.len() - 1];
        assert!(counted.is_common(recap_shingle));
        assert!(!counted.is_common(own));
        // An update gives what a fresh count gives, and names the cells that moved.
        let mut updated = Background::count(&readings[..29]);
        assert_eq!(threshold(29), threshold(30));
        let mut fewer = Background::count(&readings[..19]);
        assert!(!fewer.is_common(recap_shingle));
        let moved = fewer.update::<Reading, &Reading>(&[], &[&readings[19]], 20);
        assert!(fewer.is_common(recap_shingle));
        assert!(moved.reaches(&readings[0]));
        assert!(!moved.reaches(&reading("Nothing of the recap here at all, only news.")));
        let moved = updated.update::<Reading, &Reading>(&[], &[&readings[29]], 30);
        assert_eq!(updated, counted);
        assert_eq!(moved, Moved::None);
        let back = updated.update::<&Reading, Reading>(&[&readings[29]], &[], 29);
        assert_eq!(updated, Background::count(&readings[..29]));
        assert_eq!(back, Moved::None);
    }

    #[test]
    fn a_varied_recap_sentence_is_still_background() {
        // Each variant in 15 articles, under the threshold of 20; what they keep of
        // each other in all 60.
        let variants = [
            "Prosecutors say the money was moved through a network of shell companies registered in three countries.",
            "Prosecutors allege the money was moved through a network of shell companies registered in three countries.",
            "Prosecutors say the money was moved through a network of shell companies registered in four countries.",
            "Prosecutors say the funds were moved through a network of shell companies registered in three countries.",
        ];
        let texts: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{}\n\nThe council of town {i} voted on budget {i} after {i} hours.",
                    variants[i % 4]
                )
            })
            .collect();
        let readings: Vec<Reading> = texts.iter().map(|t| reading(t)).collect();
        let counted = Background::count(&readings);
        let split = Split::of(readings[4].sentences(), |s| counted.is_common(s));
        assert_eq!(split.background, [true, false]);
        // The sentence of its own keeps its shingles; the recap keeps none.
        let (specific, recap) = split.shingles(readings[4].shingles());
        assert!(!specific.is_empty() && !recap.is_empty());
        assert_eq!(
            split.specific.iter().filter(|s| **s).count(),
            specific.len()
        );
    }
}

//! A *comparison* of two candidate articles decides whether they report the same story,
//! how (a copy, a light edit, a rewrite, a partial overlap), and where they differ.
//!
//! Sentences are *aligned* by their content words (stemmed, stopwords out, number words
//! as digits): the similarity of two sentences is the Dice coefficient of their word
//! sets, 2·|A∩B| / (|A| + |B|). Pairs of at least [`MIN_SHARED`] shared words and
//! similarity at least [`MATCH`] are matched greedily, best first, one to one; order is
//! not required, since rewrites move sentences around. A rewrite shares few word
//! 5-grams with its source but most of its sentences align.
//!
//! Everything that decides the relation is measured on the articles' *specific* text
//! ([`super::background`]): background sentences are aligned only after the specific
//! ones, and only to be shown (their rows are marked); a specific sentence is aligned by
//! its specific words. The relation, from the Jaccard J of the specific shingles and the
//! coverage of each side's specific sentences:
//! - *copy*: J ≥ [`COPY`]; *light edit*: J ≥ [`LIGHT_EDIT`]; either only when the
//!   articles share at least [`EVIDENCE`] specific shingles;
//! - *rewrite*: at least [`PARTIAL_MATCHES`] sentences align, and both articles have at
//!   least [`REWRITE_COVERAGE`] of their specific sentences aligned;
//! - *partial overlap*: at least [`PARTIAL_MATCHES`] sentences align, they cover at
//!   least [`PARTIAL_COVERAGE`] of the shorter article, and the articles share at least
//!   [`PARTIAL_VOCABULARY`] of the smaller one's content words, weighted by rarity;
//! - otherwise the articles are not the same story, whatever background they share.
//!
//! Two copies of one report that carry the same recap are still copies (the recap
//! counts neither for nor against them); the pair reports the share of what the two
//! share that is background.
//!
//! The thresholds are measured on the default briefing's seven articles (21 pairs): the
//! uncredited rewrite of the Reuters report aligns 28 of its 41 sentences with the 38
//! of the credited copy (J = 0.04); the short story dated "Feb. 3" aligns 2 of its 5
//! sentences with each of them, with vocabulary overlaps 0.30 and 0.31; no other pair
//! aligns more than one sentence, and the highest vocabulary overlap among them is
//! 0.26 (the same short story against the internewscast report on the 32 dead).
//!
//! *Differences* are read from aligned sentences: a quote worded differently (or a quote
//! on one side reported without quotation marks on the other), a number that differs
//! ("at least 32" and "32"; "thirty-two" equals "32"; "hundreds" and "dozens"), saying
//! when the two count different things ("Cuban security personnel" and "Cubans"), a
//! date that differs (their resolved ranges do not overlap) or is given to another
//! precision ("late January" and "January"). In a copy, edit or rewrite, sentences left
//! unaligned between two aligned ones, as many on each side, are compared too: a quote
//! reworded past recognition sits where the original was. A statement only in one article is reported when
//! it names a person, a number, a date or a quote, so that routine sentences do not
//! flood the list, and is not background; for a partial overlap the shorter article's
//! are, and the longer one's only when it says again most of the shorter one and only
//! between its first and last aligned sentences, since past them it naturally says
//! more. A fact one version adds at the end of a sentence both have ("…, as stated by
//! a former police officer") is a statement only in that version too, with both
//! sentences: words of the word diff that bring at least [`DETAIL_WORDS`] content
//! words the other sentence lacks, where the other side brings none of its own.

use similar::{ChangeTag, TextDiff};

use super::background::{Reading, Split};
use super::stories::compared_words;
use super::text::{Folded, sentences};
use super::{
    Aligned, DateChange, DateClaim, DateMention, DateSaid, DiffOp, DiffRun, Difference,
    DifferenceKind, Mention, NumberChange, Pair, Quote, Relation, Sentence, Side, Summary, Which,
};
use crate::content::Article;

/// Shingle Jaccard at or above which two articles are copies of each other.
pub(crate) const COPY: f64 = 0.85;
/// Shingle Jaccard at or above which one is a light edit of the other.
pub(crate) const LIGHT_EDIT: f64 = 0.45;
/// Weighted Dice at or above which two sentences say the same thing.
pub(crate) const MATCH: f64 = 0.3;
/// Content words two aligned sentences must share.
pub(crate) const MIN_SHARED: usize = 3;
/// Share of each article's sentences aligned for a rewrite.
pub(crate) const REWRITE_COVERAGE: f64 = 0.5;
/// Aligned sentences, and share of the shorter article they cover, for a partial overlap.
pub(crate) const PARTIAL_MATCHES: usize = 2;
pub(crate) const PARTIAL_COVERAGE: f64 = 0.3;
/// Weighted share of the smaller article's content words that the other uses, for a
/// partial overlap: two aligned sentences are not enough when the articles are about
/// different things.
pub(crate) const PARTIAL_VOCABULARY: f64 = 0.27;
/// Specific shingles two articles must share to be copies or light edits: about one
/// sentence of a dozen words. Two articles whose specific text is a short line each
/// are not copies for sharing that line.
pub(crate) const EVIDENCE: usize = 8;

/// One sentence of an article as compared.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    pub(crate) paragraph: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Content terms ([`Reading::words`]), sorted and distinct.
    pub(crate) terms: Vec<u32>,
    /// Whether it is background ([`super::background`]).
    pub(crate) background: bool,
    /// The numbers it states, outside its dates: found once, however many pairs the
    /// article is in.
    numbers: std::sync::OnceLock<Vec<Number>>,
}

/// An article's sentences, for alignment, and its shingles, specific and not, for the
/// exact Jaccard and the background share.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub(crate) sentences: Vec<Sent>,
    /// The specific shingles ([`super::background::Split`]), sorted and distinct.
    pub(crate) specific: Vec<u32>,
    /// The other shingles, sorted and distinct.
    pub(crate) recap: Vec<u32>,
    /// Each sentence's use of each of its terms, `term << 32 | sentence`, sorted: what
    /// [`align`] walks two of side by side. Made when the article is first aligned,
    /// once for all its pairs.
    pub(crate) uses: std::sync::OnceLock<Vec<u64>>,
}

impl Profile {
    /// The profile of `article`, read as `reading` ([`Reading::of`]), given which
    /// shingles are common. Its words and shingles are the reading's, not folded and
    /// hashed again: only the sentences' places are found in the text.
    pub(crate) fn of(
        article: &Article,
        reading: &Reading,
        common: impl Fn(u32) -> bool,
    ) -> Profile {
        let mut out = Vec::new();
        for (i, block) in article.paragraphs().enumerate() {
            for (s, e) in sentences(&block.text) {
                out.push(Sent {
                    paragraph: i + 1,
                    start: s,
                    end: e,
                    terms: Vec::new(),
                    background: false,
                    numbers: std::sync::OnceLock::new(),
                });
            }
        }
        debug_assert_eq!(out.len(), reading.sentences().count());
        let split = Split::of(reading.sentences(), common);
        // A specific sentence is aligned by its specific words, a background one (shown
        // aligned, never counted) by all of them. Each list is copied out at its size:
        // grown by doubling, the lists of every compared article would keep their
        // empty room through the analysis's peak.
        let terms = reading.words();
        let mut kept: Vec<u32> = Vec::new();
        let mut from = 0;
        for ((sentence, end), &background) in out
            .iter_mut()
            .zip(reading.word_ends())
            .zip(&split.background)
        {
            sentence.background = background;
            kept.clear();
            for (t, b) in terms[from..end].iter().zip(&split.covered[from..end]) {
                if *t != 0 && (sentence.background || !b) {
                    kept.push(*t);
                }
            }
            kept.sort_unstable();
            kept.dedup();
            sentence.terms = kept.to_vec();
            from = end;
        }
        let (specific, recap) = split.shingles(reading.shingles());
        Profile {
            sentences: super::per_article::exact(out),
            specific,
            recap,
            uses: std::sync::OnceLock::new(),
        }
    }

    /// [`Profile::uses`].
    fn uses(&self) -> &[u64] {
        self.uses.get_or_init(|| {
            let mut uses: Vec<u64> = (self.sentences.iter().enumerate())
                .flat_map(|(i, s)| s.terms.iter().map(move |&t| u64::from(t) << 32 | i as u64))
                .collect();
            uses.sort_unstable();
            uses
        })
    }

    /// How many of its sentences are specific.
    pub(crate) fn specific_sentences(&self) -> usize {
        self.sentences.iter().filter(|s| !s.background).count()
    }
}

/// How two articles' sentences align: the specific sentences of each with the other's
/// (what decides the relation), then what is left where either side is background
/// (shown, not counted). Each `(a index, b index, similarity)`, best first.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Matched {
    pub(crate) specific: Vec<(usize, usize, f64)>,
    pub(crate) background: Vec<(usize, usize, f64)>,
}

/// The similarity of two sentences: the Dice coefficient of their content words.
/// Unweighted on purpose: a paraphrase replaces words with rarer synonyms, and weighting
/// by rarity would count every replaced word against the match.
pub(crate) fn sentence_similarity(shared: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        0.0
    } else {
        2.0 * shared as f64 / (a + b) as f64
    }
}

/// Calls `f` with the sentences `(i, j)` of each use of a term in a sentence `i` of
/// one article and a sentence `j` of the other, from the articles' uses of terms
/// ([`Profile::uses`]), both sorted by term: walked side by side.
fn each_shared_use(ua: &[u64], ub: &[u64], mut f: impl FnMut(usize, usize)) {
    let (mut x, mut y) = (0, 0);
    while x < ua.len() && y < ub.len() {
        let (ta, tb) = (ua[x] >> 32, ub[y] >> 32);
        if ta < tb {
            x += 1;
        } else if tb < ta {
            y += 1;
        } else {
            let x_end = x + ua[x..].iter().take_while(|&&u| u >> 32 == ta).count();
            let y_end = y + ub[y..].iter().take_while(|&&u| u >> 32 == tb).count();
            for &u in &ua[x..x_end] {
                for &v in &ub[y..y_end] {
                    f((u & 0xffff_ffff) as usize, (v & 0xffff_ffff) as usize);
                }
            }
            (x, y) = (x_end, y_end);
        }
    }
}

/// The sentences of `a` and `b` matched one to one, best first ([`Matched`]).
pub(crate) fn align(a: &Profile, b: &Profile) -> Matched {
    // The terms each pair of sentences shares, counted by walking the two articles'
    // uses of terms, both sorted by term, side by side: no map of one article's terms
    // made again for each of its pairs (a map insert per use of a term was a third of
    // the alignment's instructions).
    thread_local! {
        // The counts, one buffer per thread for all its pairs: a fresh one for each
        // pair cost more to allocate than to fill.
        static SHARED: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SHARED.with_borrow_mut(|shared| align_counting(a, b, shared, DENSE_CELLS))
}

/// Sentences of two articles past which their pairs' counts are not held as one cell
/// per pair of sentences: two long transcripts (thousands of sentences each) would
/// make a buffer of millions of cells for one pair, most of them zero. Past it the
/// counts are kept only for the pairs that share a term. Either way the same counts.
const DENSE_CELLS: usize = 1 << 16;

/// [`align`], the terms each pair of sentences shares counted in `shared` (one cell
/// per pair of sentences) or, past `dense_cells` cells ([`DENSE_CELLS`]), pair by pair.
fn align_counting(a: &Profile, b: &Profile, shared: &mut Vec<u32>, dense_cells: usize) -> Matched {
    let width = b.sentences.len();
    let (ua, ub) = (a.uses(), b.uses());
    // Each pair of sentences sharing enough terms, with its similarity.
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    let mut score = |i: usize, j: usize, n: usize| {
        if n < MIN_SHARED {
            return;
        }
        let sim = sentence_similarity(n, a.sentences[i].terms.len(), b.sentences[j].terms.len());
        if sim >= MATCH {
            scored.push((sim, i, j));
        }
    };
    if a.sentences.len() * width <= dense_cells {
        shared.clear();
        shared.resize(a.sentences.len() * width, 0);
        each_shared_use(ua, ub, |i, j| shared[i * width + j] += 1);
        for (cell, &n) in shared.iter().enumerate() {
            if n > 0 {
                score(cell / width, cell % width, n as usize);
            }
        }
    } else {
        let mut pairs: Vec<u64> = Vec::new();
        each_shared_use(ua, ub, |i, j| pairs.push((i as u64) << 32 | j as u64));
        pairs.sort_unstable();
        for run in pairs.chunk_by(|x, y| x == y) {
            score(
                (run[0] >> 32) as usize,
                (run[0] & 0xffff_ffff) as usize,
                run.len(),
            );
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_a = vec![false; a.sentences.len()];
    let mut used_b = vec![false; b.sentences.len()];
    let mut matched = Matched::default();
    for specific in [true, false] {
        for &(sim, i, j) in &scored {
            let both = !a.sentences[i].background && !b.sentences[j].background;
            if both == specific && !used_a[i] && !used_b[j] {
                used_a[i] = true;
                used_b[j] = true;
                let to = if specific {
                    &mut matched.specific
                } else {
                    &mut matched.background
                };
                to.push((i, j, sim));
            }
        }
    }
    matched
}

/// What two articles share of their specific text, from which [`relation`] decides.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evidence<'m> {
    /// Jaccard of the two articles' specific shingles, and how many they share.
    pub(crate) jaccard: f64,
    pub(crate) shared: usize,
    /// Their weighted overlap of specific content words, relative to the smaller.
    pub(crate) vocabulary: f64,
    /// Their aligned specific sentences ([`Matched::specific`]).
    pub(crate) matched: &'m [(usize, usize, f64)],
    /// How many specific sentences each article has.
    pub(crate) sentences: (usize, usize),
}

/// The relation of two articles and its similarity figure (0–1), or `None` when they
/// are not the same story. The figure is the specific-shingle Jaccard for copies and
/// light edits, and otherwise how much of the shorter article's specific text the other
/// says again: the summed similarity of aligned specific sentences over the shorter
/// article's count of them.
pub(crate) fn relation(e: &Evidence) -> Option<(Relation, f64)> {
    let (a_len, b_len) = e.sentences;
    if a_len == 0 || b_len == 0 {
        return None;
    }
    let (short, long) = (a_len.min(b_len) as f64, a_len.max(b_len) as f64);
    let restated = e.matched.iter().map(|m| m.2).sum::<f64>() / short;
    let similarity = e.jaccard.max(restated).min(1.0);
    if e.shared >= EVIDENCE && e.jaccard >= COPY {
        return Some((Relation::Copy, similarity));
    }
    if e.shared >= EVIDENCE && e.jaccard >= LIGHT_EDIT {
        return Some((Relation::LightEdit, similarity));
    }
    let n = e.matched.len() as f64;
    if e.matched.len() < PARTIAL_MATCHES {
        return None;
    }
    if n / short >= REWRITE_COVERAGE && n / long >= REWRITE_COVERAGE {
        return Some((Relation::Rewrite, similarity));
    }
    if n / short >= PARTIAL_COVERAGE && e.vocabulary >= PARTIAL_VOCABULARY {
        return Some((Relation::PartialOverlap, similarity));
    }
    None
}

/// What the comparison needs of one side.
pub(crate) struct Half<'a> {
    pub(crate) article: &'a Article,
    pub(crate) profile: &'a Profile,
    /// The article's own findings (slices of the analysis).
    pub(crate) mentions: &'a [Mention],
    pub(crate) quotes: &'a [Quote],
    pub(crate) dates: &'a [DateMention],
}

impl Half<'_> {
    fn text(&self, s: &Sent) -> &str {
        self.article.paragraph_slice(s.paragraph, s.start..s.end)
    }

    fn sentence(&self, s: &Sent) -> Sentence {
        Sentence {
            paragraph: s.paragraph,
            start: s.start,
            end: s.end,
        }
    }

    fn side(&self, s: &Sent, text: &str) -> Side {
        Side {
            article: self.article.id.clone(),
            paragraph: s.paragraph,
            start: s.start,
            end: s.end,
            text: text.to_string(),
        }
    }

    /// The quoted words inside a sentence.
    fn quoted(&self, s: &Sent) -> Vec<String> {
        let para = self
            .article
            .paragraph(s.paragraph)
            .map_or("", |b| b.text.as_str());
        self.quotes
            .iter()
            .filter(|q| {
                q.place.paragraph == s.paragraph && q.place.start < s.end && q.place.end > s.start
            })
            .map(|q| para[q.place.start.max(s.start)..q.place.end.min(s.end)].to_string())
            .filter(|q| !q.trim().is_empty())
            .collect()
    }

    fn dates_in<'b>(&'b self, s: &'b Sent) -> impl Iterator<Item = &'b DateMention> {
        self.dates.iter().filter(move |d| {
            d.place.paragraph == s.paragraph && d.place.start >= s.start && d.place.end <= s.end
        })
    }

    fn names_someone(&self, s: &Sent) -> bool {
        self.mentions.iter().any(|m| {
            m.place.paragraph == s.paragraph && m.place.start >= s.start && m.place.end <= s.end
        })
    }

    /// The numbers of a sentence, outside its dates.
    fn numbers<'s>(&self, s: &'s Sent) -> &'s [Number] {
        s.numbers.get_or_init(|| {
            let text = self.text(s);
            // Kept for every pair the article is in: no room to spare.
            super::per_article::exact(numbers_outside(text, s.start, self.dates_in(s)))
        })
    }
}

/// The numbers of `text`, which starts at byte `offset` of its paragraph, outside the
/// date expressions `dates` of that paragraph: "Feb. 3, 2026" is no count of 3.
pub(crate) fn numbers_outside<'d>(
    text: &str,
    offset: usize,
    dates: impl Iterator<Item = &'d DateMention>,
) -> Vec<Number> {
    let mut blanked = text.to_string();
    for d in dates {
        let ds = d.place.start.max(offset) - offset;
        let de = (d.place.end.max(offset) - offset).min(text.len());
        if ds < de && blanked.is_char_boundary(ds) && blanked.is_char_boundary(de) {
            blanked.replace_range(ds..de, &" ".repeat(de - ds));
        }
    }
    numbers(&blanked)
}

/// Qualifiers that change what a number claims.
const QUALIFIERS: &[&str] = &[
    "at least",
    "at most",
    "more than",
    "fewer than",
    "less than",
    "up to",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "some",
    "roughly",
    "approximately",
];

/// A number as a sentence states it: "at least 32 Cuban …".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Number {
    /// The stem of the word it counts ("cuban"), when a word follows.
    pub(crate) unit: Option<String>,
    pub(crate) value: String,
    pub(crate) qualifier: Option<&'static str>,
    /// What it counts, as written (folded): the words after it up to the verb or the
    /// next clause, "cuban security personnel", "in the capital"; empty when nothing
    /// follows.
    pub(crate) scope: Vec<String>,
    /// The number, its qualifier and its scope as the text writes them.
    pub(crate) written: String,
}

impl Number {
    pub(crate) fn wording(&self) -> String {
        match self.qualifier {
            Some(q) => format!("{q} {}", self.value),
            None => self.value.clone(),
        }
    }

    /// The stems of the content words of its scope, sorted: what two scopes are
    /// compared by, so that "Cubans" and "Cuban" count the same thing.
    fn counted(&self) -> Vec<&str> {
        let mut stems: Vec<&str> = self
            .scope
            .iter()
            .filter(|w| !super::text::is_stopword(w))
            .map(|w| super::text::stem(w))
            .collect();
        stems.sort_unstable();
        stems.dedup();
        stems
    }
}

/// Words that end what a number counts: "32 Cubans were killed" counts Cubans.
const SCOPE_ENDS: &[&str] = &[
    "were",
    "was",
    "is",
    "are",
    "have",
    "has",
    "had",
    "been",
    "be",
    "will",
    "would",
    "said",
    "say",
    "says",
    "who",
    "which",
    "that",
    "and",
    "but",
    "or",
    "to",
    "from",
    "by",
    "after",
    "before",
    "since",
    "during",
    "when",
    "as",
    "according",
    "while",
    "including",
];
/// At most this many words say what a number counts.
const SCOPE_WORDS: usize = 5;

/// Counts given as a magnitude, not a figure: "hundreds of prisoners".
const MAGNITUDES: &[&str] = &["dozens", "hundreds", "thousands", "millions", "billions"];

/// The words that state a number without a digit: [`super::text::NUMBER_WORDS`],
/// "dozen" and the [`MAGNITUDES`].
fn number_words() -> impl Iterator<Item = &'static str> {
    let words = super::text::NUMBER_WORDS.iter().map(|&(w, _)| w);
    words.chain(["dozen"]).chain(MAGNITUDES.iter().copied())
}

/// What every one of [`number_words`] looks like, read off them: its first letter
/// (a bit per letter) and how long it is. A word that does not look so is none of them.
struct NumberWordShape {
    first_letters: u32,
    lengths: std::ops::RangeInclusive<usize>,
}

fn number_word_shape() -> &'static NumberWordShape {
    static SHAPE: std::sync::OnceLock<NumberWordShape> = std::sync::OnceLock::new();
    SHAPE.get_or_init(|| NumberWordShape {
        first_letters: number_words().fold(0, |bits, w| bits | 1 << (w.as_bytes()[0] - b'a')),
        lengths: number_words().map(str::len).min().unwrap_or(0)
            ..=number_words().map(str::len).max().unwrap_or(0),
    })
}

/// The longest word [`may_state_a_number`] reads letter by letter: longer than any of
/// [`number_words`] (a unit test holds it).
const LONGEST_NUMBER_WORD: usize = 16;

/// Whether `text` may state a number ([`numbers`]): it has a digit or a word of a
/// number. Most sentences state none, and are not cut into words and read to find so.
/// An ASCII text is not folded: its words are read as their letters with the dots
/// between them left out, as the folding leaves out an initialism's ("O.N.E."), so a
/// word [`numbers`] reads is one of these, and none of them being a number means none
/// of its is. Another text is folded first, and cut as [`numbers`] cuts it.
fn may_state_a_number(text: &str) -> bool {
    let is_number = |w: &str| number_words().any(|n| n == w);
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    if !text.is_ascii() {
        let folded = super::text::folded_text(text);
        return folded
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, ',' | '.' | '%')))
            .map(|w| w.trim_matches([',', '.']))
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()) || is_number(w));
    }
    // Each word's letters in lower case, read a byte at a time: only a word with the
    // first letter and the length of a word of a number may be one.
    let shape = number_word_shape();
    let mut word = [0u8; LONGEST_NUMBER_WORD];
    let mut n = 0;
    for &b in text.as_bytes().iter().chain(b" ") {
        if b.is_ascii_alphabetic() {
            if let Some(slot) = word.get_mut(n) {
                *slot = b.to_ascii_lowercase();
            }
            n += 1;
        } else if b != b'.' {
            if shape.lengths.contains(&n)
                && shape.first_letters & 1 << (word[0] - b'a') != 0
                && is_number(std::str::from_utf8(&word[..n]).unwrap_or_default())
            {
                return true;
            }
            n = 0;
        }
    }
    false
}

/// The numbers of a text, normalised: "at least 32", "32", "1000", "25 million".
pub(crate) fn numbers(text: &str) -> Vec<Number> {
    if !may_state_a_number(text) {
        return Vec::new();
    }
    read_numbers(text)
}

/// [`numbers`], each word read.
fn read_numbers(text: &str) -> Vec<Number> {
    let folded = Folded::new(text);
    let lower = &folded.text;
    let at = |w: &str| w.as_ptr() as usize - lower.as_ptr() as usize;
    // The text cut at every character that is not alphanumeric, a comma, a dot or a
    // percent sign, the commas and dots at either end of each piece trimmed: ASCII, most
    // of the text, is not decoded.
    let mut words: Vec<&str> = Vec::new();
    let mut piece = |from: usize, to: usize| {
        let w = lower[from..to].trim_matches([',', '.']);
        if !w.is_empty() {
            words.push(w);
        }
    };
    let bytes = lower.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let (kept, len) = match bytes[i] {
            b if b.is_ascii() => (
                b.is_ascii_alphanumeric() || matches!(b, b',' | b'.' | b'%'),
                1,
            ),
            _ => {
                let c = lower[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        if !kept {
            piece(start, i);
            start = i + len;
        }
        i += len;
    }
    piece(start, bytes.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // A figure starts with a digit: most words do not, and are not copied to be
        // parsed.
        let figure = w
            .starts_with(|c: char| c.is_ascii_digit())
            .then(|| w.replace(',', ""))
            .filter(|digits| digits.trim_end_matches('%').parse::<f64>().is_ok());
        // Where the number's words start, for its qualifier: "fewer than [a] dozen".
        let mut first = i;
        let value = if figure.is_some() {
            figure
        } else if w == "dozen" && i > 0 && matches!(words[i - 1], "a" | "one") {
            first = i - 1;
            Some("12".to_string())
        } else if MAGNITUDES.contains(&w) {
            Some(w.to_string())
        } else {
            let mut total = None;
            let mut j = i;
            while let Some(v) = words.get(j).and_then(|w| super::text::number_word(w)) {
                total = Some(total.unwrap_or(0) + v);
                j += 1;
            }
            match total {
                Some(t) => {
                    i = j - 1;
                    // "one source" is an article, not a claim about numbers.
                    (t != 1).then(|| t.to_string())
                }
                None => None,
            }
        };
        if let Some(mut value) = value {
            let mut next = i + 1;
            if let Some(scale) = words
                .get(next)
                .filter(|s| matches!(**s, "million" | "billion" | "thousand" | "hundred"))
            {
                value = format!("{value} {scale}");
                next += 1;
            }
            let before = |k: usize| if first >= k { words[first - k] } else { "" };
            let two = format!("{} {}", before(2), before(1));
            let qualifier = QUALIFIERS
                .iter()
                .find(|q| {
                    if q.contains(' ') {
                        two == **q
                    } else {
                        before(1) == **q
                    }
                })
                .copied();
            let unit = words
                .get(next)
                .filter(|u| u.chars().all(char::is_alphabetic) && !super::text::is_stopword(u))
                .map(|u| super::text::stem(u).to_string());
            let mut scope: Vec<String> = words[next.min(words.len())..]
                .iter()
                .take(SCOPE_WORDS)
                .take_while(|w| {
                    w.chars().all(char::is_alphabetic)
                        && !SCOPE_ENDS.contains(w)
                        && super::text::number_word(w).is_none()
                })
                .map(|w| w.to_string())
                .collect();
            while scope.last().is_some_and(|w| super::text::is_stopword(w)) {
                scope.pop();
            }
            let from = first - qualifier.map_or(0, |q| q.split(' ').count());
            let last = words[(next - 1 + scope.len()).min(words.len() - 1)];
            let (start, end) = folded.original_range(at(words[from]), at(last) + last.len());
            out.push(Number {
                unit,
                value,
                qualifier,
                scope,
                written: text.get(start..end).unwrap_or_default().to_string(),
            });
        }
        i += 1;
    }
    out.sort();
    out
}

/// Numbers of two aligned sentences that say different things about the same count:
/// paired by the word they count ("32 Cubans" and "at least 32 Cuban personnel"), else
/// by value, else, when each sentence has one number left, with each other ("more than
/// 100" and "about 30 in the capital": two sentences that align and state one count
/// each state it differently). Any other number with no counterpart is extra detail,
/// not a difference.
pub(crate) fn differing_numbers<'n>(
    a: &'n [Number],
    b: &'n [Number],
) -> Vec<(&'n Number, &'n Number)> {
    let mut used = vec![false; b.len()];
    let mut pairs = Vec::new();
    let mut lone = Vec::new();
    for x in a {
        let free = |k: &usize| !used[*k];
        let k = (0..b.len())
            .filter(free)
            .find(|&k| x.unit.is_some() && b[k].unit == x.unit)
            .or_else(|| (0..b.len()).filter(free).find(|&k| b[k].value == x.value));
        match k {
            Some(k) => {
                used[k] = true;
                pairs.push((x, &b[k]));
            }
            None => lone.push(x),
        }
    }
    let mut left = (0..b.len()).filter(|&k| !used[k]);
    if let (Some(k), None, [x]) = (left.next(), left.next(), lone.as_slice()) {
        pairs.push((*x, &b[k]));
    }
    pairs.retain(|(x, y)| x.value != y.value || x.qualifier != y.qualifier);
    pairs
}

/// Two numbers that differ, as data to tell a reader: "at least 32 vs 32", and what
/// each counts when that differs too.
fn number_change(x: &Number, y: &Number) -> NumberChange {
    NumberChange {
        a: x.wording(),
        b: y.wording(),
        counted: (x.counted() != y.counted()).then(|| (x.scope.join(" "), y.scope.join(" "))),
    }
}

/// A word-level diff of two sentences, as runs of byte ranges into `a` (equal and
/// removed words) or `b` (added words): `similar`'s Myers diff of their words and the
/// spaces between them, as `TextDiff::from_words` would give it.
pub(crate) fn word_diff(a: &str, b: &str) -> Vec<DiffRun> {
    // Copies and light edits align most of their sentences word for word: one run.
    if a == b {
        return match a.is_empty() {
            true => Vec::new(),
            false => vec![DiffRun {
                op: DiffOp::Equal,
                start: 0,
                end: a.len() as u32,
            }],
        };
    }
    // The diff compares words many times over: as numbers, one per distinct word, it
    // compares them without reading their bytes again.
    let runs = match Tokens::of(a, b) {
        Some(t) => {
            let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &t.a, &t.b);
            let mut runs = Runs::default();
            for op in ops {
                let (tag, old, new) = op.as_tag_tuple();
                let (equal, deleted, added) = match tag {
                    similar::DiffTag::Equal => (old, 0..0, 0..0),
                    similar::DiffTag::Delete => (0..0, old, 0..0),
                    similar::DiffTag::Insert => (0..0, 0..0, new),
                    similar::DiffTag::Replace => (0..0, old, new),
                };
                runs.add(DiffOp::Equal, &t.a_ends, equal);
                runs.add(DiffOp::Delete, &t.a_ends, deleted);
                runs.add(DiffOp::Insert, &t.b_ends, added);
            }
            runs.0
        }
        None => text_diff(a, b),
    };
    // Kept with the alignment for the story pages: no room to spare.
    super::per_article::exact(runs)
}

/// [`word_diff`] through `similar`'s text diff, which compares the words as strings.
fn text_diff(a: &str, b: &str) -> Vec<DiffRun> {
    let diff = TextDiff::from_words(a, b);
    let mut runs = Runs::default();
    for change in diff.iter_all_changes() {
        let (op, side) = match change.tag() {
            ChangeTag::Equal => (DiffOp::Equal, a),
            ChangeTag::Delete => (DiffOp::Delete, a),
            ChangeTag::Insert => (DiffOp::Insert, b),
        };
        // The words are slices of the two sentences: their place is their offset.
        let word = change.value();
        let start = (word.as_ptr() as usize - side.as_ptr() as usize) as u32;
        runs.push(op, start, start + word.len() as u32);
    }
    runs.0
}

/// Diff runs, each word joined to the run before it when both are of one kind and
/// side and follow each other.
#[derive(Default)]
struct Runs(Vec<DiffRun>);

impl Runs {
    fn push(&mut self, op: DiffOp, start: u32, end: u32) {
        match self.0.last_mut() {
            Some(last) if last.op == op && last.end == start => last.end = end,
            _ => self.0.push(DiffRun { op, start, end }),
        }
    }

    /// Words `words` of a side whose words end at `ends`: they follow each other, so
    /// they are one range of bytes.
    fn add(&mut self, op: DiffOp, ends: &[u32], words: std::ops::Range<usize>) {
        if words.is_empty() {
            return;
        }
        let start = match words.start {
            0 => 0,
            w => ends[w - 1],
        };
        self.push(op, start, ends[words.end - 1]);
    }
}

/// Two sentences cut as `similar` cuts text into words (runs of whitespace and runs
/// of anything else), each word a number shared by the equal words of both sides, and
/// where each word ends.
struct Tokens {
    a: Vec<u32>,
    b: Vec<u32>,
    a_ends: Vec<u32>,
    b_ends: Vec<u32>,
}

impl Tokens {
    /// `None` when two different words hash alike, which the numbering does not
    /// handle.
    fn of(a: &str, b: &str) -> Option<Tokens> {
        // About a word or a space every three bytes: room enough not to grow.
        let mut ids = super::text::HashedMap::with_capacity_and_hasher(
            (a.len() + b.len()) / 3,
            Default::default(),
        );
        let (a_words, a_ends) = Self::number(a, &mut ids)?;
        let (b_words, b_ends) = Self::number(b, &mut ids)?;
        Some(Tokens {
            a: a_words,
            b: b_words,
            a_ends,
            b_ends,
        })
    }

    /// The words of `text` as numbers, given those of the words seen before (by their
    /// hash, with a word of that hash), and where each ends.
    fn number<'t>(
        text: &'t str,
        ids: &mut super::text::HashedMap<u64, (u32, &'t str)>,
    ) -> Option<(Vec<u32>, Vec<u32>)> {
        let mut words = Vec::with_capacity(text.len() / 3);
        let mut ends = Vec::with_capacity(text.len() / 3);
        for (start, end) in words_and_spaces(text) {
            let word = &text[start..end];
            // A word of one byte (a space, a mark), about every other one, is its own
            // number: the diff only asks whether two numbers are equal.
            let id = match word.as_bytes() {
                [b] => u32::from(*b),
                _ => {
                    let next = ONE_BYTE + ids.len() as u32;
                    let (id, seen) = *ids
                        .entry(super::text::hash_bytes(word.as_bytes()))
                        .or_insert((next, word));
                    if seen != word {
                        return None;
                    }
                    id
                }
            };
            words.push(id);
            ends.push(end as u32);
        }
        Some((words, ends))
    }
}

/// The numbers [`Tokens`] gives the words of one byte: the others come after.
const ONE_BYTE: u32 = 256;

/// The byte ranges of the runs of whitespace and of the runs of anything else that
/// make up `text`, in order.
fn words_and_spaces(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    // Whether the character at byte `i` is whitespace, and its length: ASCII, most
    // of the text, is not decoded.
    let at = move |i: usize| -> (bool, usize) {
        match bytes[i] {
            b if b.is_ascii() => (matches!(b, b'\t'..=b'\r' | b' '), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        }
    };
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let (space, len) = at(start);
        let mut end = start + len;
        while end < bytes.len() {
            let (next, len) = at(end);
            if next != space {
                break;
            }
            end += len;
        }
        let range = (start, end);
        start = end;
        Some(range)
    })
}

fn fold_words(text: &str) -> Vec<String> {
    compared_words(&super::text::folded_text(text))
}

/// The words of [`fold_words`] as one key, each word's length then its bytes: two
/// texts have equal keys exactly when they have equal words, and a key is two
/// allocations where the list is one a word. For texts only compared for equality.
fn words_key(text: &str) -> Vec<u8> {
    let folded = super::text::folded_text(text);
    let mut key = Vec::with_capacity(folded.len() + 16);
    super::stories::each_compared_word(&folded, |w| {
        key.extend_from_slice(&(w.len() as u32).to_le_bytes());
        key.extend_from_slice(w.as_bytes());
    });
    key
}

/// Whether [`fold_words`] of `text` would have a word, without making the list.
fn has_compared_word(text: &str) -> bool {
    let mut any = false;
    super::stories::each_compared_word(&super::text::folded_text(text), |_| any = true);
    any
}

/// Whether two sentences say the same words, told apart only by accents, capitals or
/// punctuation ("Rodriguez" and "Rodríguez"): a change a reader need not be shown.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    a == b || words_key(a) == words_key(b)
}

/// What a comparison found, for [`pair`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'m> {
    pub(crate) relation: Relation,
    pub(crate) similarity: f64,
    /// The share of the shingles both articles use that is background.
    pub(crate) background: f64,
    pub(crate) matched: &'m Matched,
}

/// A pair of articles in full: alignment rows, differences, and the date claims of
/// aligned sentences that disagree. A background sentence that only one article has
/// is no difference.
pub(crate) fn pair(a: &Half, b: &Half, found: &Found) -> (Pair, Vec<Vec<DateClaim>>) {
    let relation = found.relation;
    let sa = &a.profile.sentences;
    let sb = &b.profile.sentences;
    let mut rows: Vec<((usize, u8, usize), Aligned)> = Vec::new();
    let mut differences = Vec::new();
    let mut conflicts = Vec::new();
    let mut b_match = vec![None; sb.len()];
    let mut a_match = vec![None; sa.len()];
    let specific = found.matched.specific.iter().map(|m| (m, false));
    let background = found.matched.background.iter().map(|m| (m, true));
    for (&(i, j, sim), recap) in specific.chain(background) {
        a_match[i] = Some((j, sim, recap));
        b_match[j] = Some(i);
    }
    // A rewrite keeps the order of what it reports: sentences left between two aligned
    // ones, as many on each side, say the same in other words — a quote reworded past
    // recognition — when they share words or are both quoted. Shown and compared, not
    // counted: the relation is decided already. In a partial overlap what lies between
    // is what the articles do not share.
    if relation != Relation::PartialOverlap {
        let anchors: Vec<(usize, usize)> = found
            .matched
            .specific
            .iter()
            .chain(&found.matched.background)
            .map(|&(i, j, _)| (i, j))
            .collect();
        let b_used: Vec<bool> = b_match.iter().map(Option::is_some).collect();
        for (i, j) in gaps(sa.len(), &b_used, &anchors) {
            let (x, y) = (&sa[i], &sb[j]);
            let shared = super::stories::shared(&x.terms, &y.terms);
            let quoted = !a.quoted(x).is_empty() && !b.quoted(y).is_empty();
            if x.background || y.background || (shared < GAP_SHARED && !quoted) {
                continue;
            }
            let sim = sentence_similarity(shared, x.terms.len(), y.terms.len());
            a_match[i] = Some((j, sim, false));
            b_match[j] = Some(i);
        }
    }
    let alone_a: Vec<bool> = a_match.iter().map(Option::is_none).collect();
    let alone_b: Vec<bool> = b_match.iter().map(Option::is_none).collect();
    for (i, s) in sa.iter().enumerate() {
        let row = match a_match[i] {
            Some((j, sim, recap)) => {
                let (ta, tb) = (a.text(s), b.text(&sb[j]));
                let diff = word_diff(ta, tb);
                differ(a, s, b, &sb[j], &mut differences, &mut conflicts);
                if !recap {
                    details(a, i, b, j, &diff, &alone_a, &alone_b, &mut differences);
                }
                Aligned {
                    a: Some(a.sentence(s)),
                    b: Some(b.sentence(&sb[j])),
                    similarity: Some((sim * 1000.0).round() / 1000.0),
                    diff,
                    background: recap,
                }
            }
            None => Aligned {
                a: Some(a.sentence(s)),
                b: None,
                similarity: None,
                diff: Vec::new(),
                background: s.background,
            },
        };
        rows.push(((i + 1, 0, 0), row));
    }
    let mut after = 0;
    for (j, s) in sb.iter().enumerate() {
        match b_match[j] {
            Some(i) => after = i + 1,
            None => rows.push((
                (after, 1, j),
                Aligned {
                    a: None,
                    b: Some(b.sentence(s)),
                    similarity: None,
                    diff: Vec::new(),
                    background: s.background,
                },
            )),
        }
    }
    rows.sort_by_key(|(key, _)| *key);
    // Statements in one article only, bounded to those that say something checkable.
    // For a partial overlap, the longer article says more by nature; but when it says
    // again most of the shorter one (a version grown with later news), what it adds
    // inside the stretch the two share, between its first and last aligned sentences,
    // is what the other left out. Past that stretch is its own matter.
    let (len_a, len_b) = (
        a.profile.specific_sentences(),
        b.profile.specific_sentences(),
    );
    let shorter_a = len_a <= len_b;
    let grown = found.matched.specific.len() as f64 >= REWRITE_COVERAGE * len_a.min(len_b) as f64;
    let aligned = |matches: &[bool]| {
        let first = matches.iter().position(|m| *m).unwrap_or(0);
        let last = matches.iter().rposition(|m| *m).unwrap_or(0);
        if grown { first..last } else { 0..0 }
    };
    let a_aligned: Vec<bool> = a_match.iter().map(Option::is_some).collect();
    let b_aligned: Vec<bool> = b_match.iter().map(Option::is_some).collect();
    let (only_a, only_b) = match relation {
        Relation::PartialOverlap if shorter_a => (0..sa.len(), aligned(&b_aligned)),
        Relation::PartialOverlap => (aligned(&a_aligned), 0..sb.len()),
        _ => (0..sa.len(), 0..sb.len()),
    };
    for (half, list, matches, report, is_a) in [
        (a, sa, &a_aligned, only_a, true),
        (b, sb, &b_aligned, only_b, false),
    ] {
        for (k, s) in list.iter().enumerate() {
            if matches[k] || s.background || !report.contains(&k) {
                continue;
            }
            let checkable = half.names_someone(s)
                || half.dates_in(s).next().is_some()
                || !half.numbers(s).is_empty()
                || !half.quoted(s).is_empty();
            if checkable {
                let side = Some(half.side(s, half.text(s)));
                differences.push(Difference {
                    kind: DifferenceKind::OnlyIn,
                    a: if is_a { side.clone() } else { None },
                    b: if is_a { None } else { side },
                    summary: Summary::OnlyIn {
                        side: if is_a { Which::A } else { Which::B },
                    },
                });
            }
        }
    }
    let pair = Pair {
        a: a.article.id.clone(),
        b: b.article.id.clone(),
        relation,
        similarity: (found.similarity * 1000.0).round() / 1000.0,
        background: (found.background * 1000.0).round() / 1000.0,
        // A new list rather than `collect`, which would reuse the rows' larger buffer
        // (each row also holds its sort key) and keep it for as long as the pair.
        alignment: {
            let mut alignment = Vec::with_capacity(rows.len());
            alignment.extend(rows.into_iter().map(|(_, r)| r));
            alignment
        },
        differences: super::per_article::exact(differences),
    };
    (pair, conflicts)
}

/// The most sentences on each side of a gap that [`gaps`] pairs.
const GAP: usize = 3;
/// Content words two sentences of a gap share to be paired, unless both are quoted.
const GAP_SHARED: usize = 2;

/// Sentences left unaligned between two aligned pairs (or the start or the end of both
/// articles), as many on each side and at most [`GAP`], paired in order: `(a index,
/// b index)`. `b_used` says which sentences of `b` are aligned; `anchors` are the
/// aligned pairs. Linear in the sentences, after sorting the anchors.
fn gaps(a_len: usize, b_used: &[bool], anchors: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = anchors.to_vec();
    sorted.sort_unstable();
    let end = (a_len, b_used.len());
    let mut out = Vec::new();
    let mut from = (0, 0);
    for &(i, j) in sorted.iter().chain(std::iter::once(&end)) {
        // Crossing alignments (a sentence moved) leave no gap to read.
        if j >= from.1 && i >= from.0 {
            let (ga, gb) = (i - from.0, j - from.1);
            if ga == gb && (1..=GAP).contains(&ga) && !b_used[from.1..j].iter().any(|u| *u) {
                out.extend((0..ga).map(|k| (from.0 + k, from.1 + k)));
            }
        }
        from = (i + 1, j + 1);
    }
    out
}

/// The differences between two aligned sentences.
fn differ(
    a: &Half,
    sa: &Sent,
    b: &Half,
    sb: &Sent,
    out: &mut Vec<Difference>,
    conflicts: &mut Vec<Vec<DateClaim>>,
) {
    let (qa, qb) = (a.quoted(sa), b.quoted(sb));
    if !qa.is_empty() || !qb.is_empty() {
        let text_a = if qa.is_empty() {
            a.text(sa).to_string()
        } else {
            qa.join(" … ")
        };
        let text_b = if qb.is_empty() {
            b.text(sb).to_string()
        } else {
            qb.join(" … ")
        };
        if text_a != text_b && words_key(&text_a) != words_key(&text_b) {
            let summary = match (qa.is_empty(), qb.is_empty()) {
                (false, false) => Summary::Reworded,
                (false, true) => Summary::Paraphrased { quoted: Which::A },
                _ => Summary::Paraphrased { quoted: Which::B },
            };
            out.push(Difference {
                kind: DifferenceKind::QuoteWording,
                a: Some(a.side(sa, &text_a)),
                b: Some(b.side(sb, &text_b)),
                summary,
            });
        }
    }
    for (x, y) in other_speakers(a, sa, b, sb) {
        let speaker = |q: &Quote| q.speaker.clone().unwrap_or_default();
        out.push(Difference {
            kind: DifferenceKind::QuoteWording,
            a: Some(a.side(sa, x.place.text(a.article))),
            b: Some(b.side(sb, y.place.text(b.article))),
            summary: Summary::Speaker {
                a: speaker(x),
                b: speaker(y),
            },
        });
    }
    let numbers = differing_numbers(a.numbers(sa), b.numbers(sb));
    if !numbers.is_empty() {
        out.push(Difference {
            kind: DifferenceKind::Number,
            a: Some(a.side(sa, a.text(sa))),
            b: Some(b.side(sb, b.text(sb))),
            summary: Summary::Numbers(numbers.iter().map(|(x, y)| number_change(x, y)).collect()),
        });
    }
    let da: Vec<&DateMention> = a.dates_in(sa).collect();
    let db: Vec<&DateMention> = b.dates_in(sb).collect();
    // The same words for a date that each article resolves from its own publication
    // day ("on Friday" in a wire copy printed a day later) are not a claim the sources
    // differ on: each says what the other says, from another day.
    let retold = |x: &DateMention, y: &DateMention| {
        x.relative && y.relative && same_words(x.place.text(a.article), y.place.text(b.article))
    };
    let clashing: Vec<(&DateMention, &DateMention)> = da
        .iter()
        .filter(|x| !db.iter().any(|y| overlap(x, y)))
        .flat_map(|x| {
            db.iter()
                .filter(|y| !da.iter().any(|z| overlap(z, y)) && comparable(x, y))
                .filter(|y| !retold(x, y))
                .map(move |y| (*x, *y))
        })
        .collect();
    // The same moment told to another precision: "late January" and "January", "in
    // late January" and "on Jan. 26". Two spans of the same kind that overlap ("early
    // January" and "the week after the 3rd") more often date two moments of the
    // sentence than one moment twice.
    let same = |x: &DateMention, y: &DateMention| (x.start, x.end) == (y.start, y.end);
    let finer: Vec<(&DateMention, &DateMention)> = da
        .iter()
        .filter(|x| !db.iter().any(|y| same(x, y)))
        .flat_map(|x| {
            db.iter()
                .filter(|y| !da.iter().any(|z| same(z, y)))
                .filter(|y| overlap(x, y) && comparable(x, y) && x.precision != y.precision)
                .filter(|y| !retold(x, y))
                .map(move |y| (*x, *y))
        })
        .collect();
    if !clashing.is_empty() || !finer.is_empty() {
        // Each date as written and as the days it means: the summary is read on the
        // pages and in the report.
        let said = |d: &DateMention, half: &Half| DateSaid {
            text: d.place.text(half.article).to_string(),
            start: d.start,
            end: d.end,
        };
        let change = |(x, y): &(&DateMention, &DateMention), finer: bool| DateChange {
            a: said(x, a),
            b: said(y, b),
            finer,
        };
        let changes = (clashing.iter().map(|p| change(p, false)))
            .chain(finer.iter().map(|p| change(p, true)))
            .collect();
        out.push(Difference {
            kind: DifferenceKind::Date,
            a: Some(a.side(sa, a.text(sa))),
            b: Some(b.side(sb, b.text(sb))),
            summary: Summary::Dates(changes),
        });
        for (x, y) in clashing {
            conflicts.push(vec![
                DateClaim::of(x, a.article),
                DateClaim::of(y, b.article),
            ]);
        }
    }
}

/// The quotes of two aligned sentences that say the same words (told apart at most by
/// accents, capitals or marks) but give them to other speakers: two registered people,
/// or a registered person and a speaker written with no word of that person's name
/// ("both sides", "a senior official") in a sentence that does not name that person.
/// A quote whose speaker is not found, or is a pronoun, is given to no one and differs
/// from no one; nor does a quote that the other article also gives to the same speaker
/// elsewhere.
fn other_speakers<'q>(
    a: &'q Half,
    sa: &Sent,
    b: &'q Half,
    sb: &Sent,
) -> Vec<(&'q Quote, &'q Quote)> {
    let in_sentence = |half: &'q Half, s: &Sent| -> Vec<&'q Quote> {
        (half.quotes.iter())
            .filter(|q| {
                q.place.paragraph == s.paragraph && q.place.start >= s.start && q.place.end <= s.end
            })
            .collect()
    };
    let (qa, qb) = (in_sentence(a, sa), in_sentence(b, sb));
    if qa.is_empty() || qb.is_empty() {
        return Vec::new();
    }
    let named = |q: &Quote| q.speaker.as_deref().map(fold_words).unwrap_or_default();
    // Whether the sentence `s` of `half` names `person` (by a title, say): its speaker
    // written otherwise may be that person ("the head of the electoral council").
    let names = |half: &Half, s: &Sent, person: &str| {
        half.mentions.iter().any(|m| {
            m.person.as_deref() == Some(person)
                && m.place.paragraph == s.paragraph
                && m.place.start >= s.start
                && m.place.end <= s.end
        })
    };
    let differ = |x: &Quote, y: &Quote| match (&x.person, &y.person) {
        (Some(p), Some(r)) => p != r,
        (None, None) => false,
        (Some(p), None) if names(b, sb, p) => false,
        (None, Some(r)) if names(a, sa, r) => false,
        _ => {
            let (nx, ny) = (named(x), named(y));
            !nx.is_empty() && !ny.is_empty() && !nx.iter().any(|w| ny.contains(w))
        }
    };
    // Whether `half` gives the same words to the speaker of `q` elsewhere too.
    let also = |half: &Half, words: &[u8], q: &Quote| {
        q.person.is_some()
            && (half.quotes.iter())
                .any(|o| o.person == q.person && words_key(o.place.text(half.article)) == words)
    };
    let mut out = Vec::new();
    for x in qa {
        let words = words_key(x.place.text(a.article));
        if words.is_empty() {
            continue;
        }
        let same = qb
            .iter()
            .find(|y| words_key(y.place.text(b.article)) == words);
        if let Some(y) = same.filter(|y| differ(x, y))
            && !also(b, &words, x)
            && !also(a, &words, y)
        {
            out.push((x, *y));
        }
    }
    out
}

/// New content words an addition inside a sentence both versions have must bring to be
/// a fact one version adds: a clause ("as stated by a former police officer"), not a
/// word swapped for another.
const DETAIL_WORDS: usize = 3;

/// Facts one side adds inside its sentence `i` aligned with the other's `j` ([`added`]),
/// each a statement only in that side, with both sentences. Words the other version
/// says elsewhere are no fact it lacks: when an unaligned sentence beside its aligned
/// one uses one of them (one version's two sentences merged into one of the other's),
/// or another of its sentences has two of them in a row ("in the late 2000s"). What a
/// quote difference already tells (words inside a quotation) is not told twice.
/// `alone_a` and `alone_b` say which sentences of each side are aligned with nothing.
#[allow(clippy::too_many_arguments)]
fn details(
    a: &Half,
    i: usize,
    b: &Half,
    j: usize,
    runs: &[DiffRun],
    alone_a: &[bool],
    alone_b: &[bool],
    out: &mut Vec<Difference>,
) {
    let (sa, sb) = (&a.profile.sentences[i], &b.profile.sentences[j]);
    let (ta, tb) = (a.text(sa), b.text(sb));
    let mut found: [Vec<(usize, usize)>; 2] = Default::default();
    for addition in added(ta, tb, runs) {
        let (half, sent, text, other, at, alone) = match addition.side {
            Which::A => (a, sa, ta, b, j, alone_b),
            Which::B => (b, sb, tb, a, i, alone_a),
        };
        let paragraph = other.profile.sentences[at].paragraph;
        let merged = (other.profile.sentences.iter().enumerate())
            .filter(|(k, s)| *k != at && alone[*k] && s.paragraph == paragraph)
            .any(|(_, s)| {
                let words = fold_words(other.text(s));
                addition.fresh.iter().any(|w| words.contains(w))
            });
        let pairs: Vec<(&String, &String)> = (addition.words.windows(2))
            .filter(|p| addition.fresh.contains(&p[0]) || addition.fresh.contains(&p[1]))
            .map(|p| (&p[0], &p[1]))
            .collect();
        let elsewhere = !pairs.is_empty()
            && (other.profile.sentences.iter().enumerate())
                .filter(|(k, _)| *k != at)
                .any(|(_, s)| {
                    let words = fold_words(other.text(s));
                    (words.windows(2)).any(|w| pairs.contains(&(&w[0], &w[1])))
                });
        let (start, end) = addition.range;
        let quoted = half.quotes.iter().any(|q| {
            q.place.paragraph == sent.paragraph
                && q.place.start < sent.start + end
                && q.place.end > sent.start + start
        });
        if merged || elsewhere || quoted {
            continue;
        }
        if let Some(r) = fresh_words(text, start, end, &addition.fresh) {
            found[addition.side as usize].push(r);
        }
    }
    for (side, ranges) in [Which::A, Which::B].into_iter().zip(found) {
        if ranges.is_empty() {
            continue;
        }
        let text = if side == Which::A { ta } else { tb };
        let words: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
        out.push(Difference {
            kind: DifferenceKind::OnlyIn,
            a: Some(a.side(sa, ta)),
            b: Some(b.side(sb, tb)),
            summary: Summary::Added {
                side,
                words: words.join(" … "),
            },
        });
    }
}

/// Words one of two aligned sentences adds ([`added`]).
#[derive(Debug, PartialEq)]
struct Addition {
    side: Which,
    /// Bytes of that side's sentence.
    range: (usize, usize),
    /// The content words of the range, in order.
    words: Vec<String>,
    /// Those the other sentence does not use.
    fresh: Vec<String>,
}

/// The clause one of two aligned sentences adds at its end, from their word diff
/// `runs`. A change is the removed and added words between two stretches of equal
/// words that hold a content word (equal stopwords and marks in between do not end
/// it); it is an addition when it ends the sentence, one side's words in it bring at
/// least [`DETAIL_WORDS`] content words the other sentence does not use, and the other
/// side's words in it are all among them ("Caracas." against "Caracas, where …": a
/// word told apart by its mark). Inside a sentence, a rewrite's word diff pairs words
/// past what a reader would call a clause ("station, shop owners"): only the last
/// change of the sentence is read, found from its end.
fn added(a: &str, b: &str, runs: &[DiffRun]) -> Vec<Addition> {
    // Most aligned sentences are the same words, or change before their end: the last
    // change is found from the end, and nothing is folded for a sentence without one.
    if runs.len() < 2 {
        return Vec::new();
    }
    let mut from = runs.len();
    while let Some(r) = from.checked_sub(1).map(|k| &runs[k]) {
        if r.op == DiffOp::Equal && has_compared_word(r.text(a, b)) {
            break;
        }
        from -= 1;
    }
    // The last change: the runs after the last stretch of equal content words.
    let mut removed: Option<(u32, u32)> = None;
    let mut inserted: Option<(u32, u32)> = None;
    for r in &runs[from..] {
        let span = |was: Option<(u32, u32)>| match was {
            Some((s, _)) => Some((s, r.end)),
            None => Some((r.start, r.end)),
        };
        match r.op {
            DiffOp::Equal => {}
            DiffOp::Delete => removed = span(removed),
            DiffOp::Insert => inserted = span(inserted),
        }
    }
    // Only marks after it: the clause ends the sentence.
    let ends = |text: &str, range: Option<(u32, u32)>| {
        range.is_some_and(|(_, e)| !text[e as usize..].contains(char::is_alphanumeric))
    };
    if !ends(a, removed) && !ends(b, inserted) {
        return Vec::new();
    }
    let words = |side: &str, range: Option<(u32, u32)>| {
        range.map_or(Vec::new(), |(s, e)| {
            fold_words(&side[s as usize..e as usize])
        })
    };
    let (wa, wb) = (words(a, removed), words(b, inserted));
    let (in_a, in_b) = (fold_words(a), fold_words(b));
    let mut out = Vec::new();
    for (side, text, words, range, other, other_words) in [
        (Which::A, a, &wa, removed, &in_b, &wb),
        (Which::B, b, &wb, inserted, &in_a, &wa),
    ] {
        let Some((start, end)) = range else { continue };
        let mut fresh: Vec<String> = (words.iter())
            .filter(|w| !other.contains(w))
            .cloned()
            .collect();
        fresh.sort_unstable();
        fresh.dedup();
        if ends(text, range)
            && fresh.len() >= DETAIL_WORDS
            && other_words.iter().all(|w| words.contains(w))
        {
            out.push(Addition {
                side,
                range: (start as usize, end as usize),
                words: words.clone(),
                fresh,
            });
        }
    }
    out
}

/// Bytes `start..end` of `text` from its first word with a content word of `fresh`,
/// without the marks at either end: "Cuba and economically suffocating the island."
/// adding "econom", "suffoc" and "island" is "and economically suffocating the island".
fn fresh_words(text: &str, start: usize, end: usize, fresh: &[String]) -> Option<(usize, usize)> {
    let mut from = start;
    for (s, e) in words_and_spaces(&text[start..end]) {
        let known = fold_words(&text[start + s..start + e]);
        if known.iter().any(|w| fresh.contains(w)) {
            break;
        }
        if !known.is_empty() {
            from = start + e;
        }
    }
    let trimmed = text[from..end].trim_start_matches(|c: char| !c.is_alphanumeric());
    let from = end - trimmed.len();
    let trimmed = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
    (!trimmed.is_empty()).then(|| (from, from + trimmed.len()))
}

fn overlap(x: &DateMention, y: &DateMention) -> bool {
    x.start <= y.end && y.start <= x.end
}

/// Whether two dates could be two claims about one moment: both at most a month long
/// and within a year of each other. "February" against "the late 2000s" in one aligned
/// sentence dates two different things.
fn comparable(x: &DateMention, y: &DateMention) -> bool {
    let short = |d: &DateMention| (d.end - d.start).num_days() <= 31;
    short(x) && short(y) && (x.start - y.start).num_days().abs() <= 366
}

/// A date range as ISO text: "2026-01-03" or "2026-01-21/2026-01-31".
pub(crate) fn range(d: &DateMention) -> String {
    if d.start == d.end {
        d.start.to_string()
    } else {
        format!("{}/{}", d.start, d.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_have_one_key_exactly_when_they_have_the_same_words() {
        let texts = [
            "Delcy Rodríguez said so.",
            "delcy rodriguez said so",
            "Delcy Rodriguez, said: so!",
            "Delcy Rodríguez said so too.",
            "Thirty-two died on Feb. 3.",
            "32 died on February 3",
            "thirty two died on feb 3",
            "ab c",
            "a bc",
            "",
            "—",
        ];
        for x in texts {
            for y in texts {
                let same = fold_words(x) == fold_words(y);
                assert_eq!(words_key(x) == words_key(y), same, "{x:?} {y:?}");
                assert_eq!(same_words(x, y), same, "{x:?} {y:?}");
            }
            assert_eq!(has_compared_word(x), !fold_words(x).is_empty(), "{x:?}");
        }
    }

    #[test]
    fn sentences_align_by_the_terms_each_pair_of_them_shares() {
        let profile = |sentences: &[(&[u32], bool)]| Profile {
            sentences: sentences
                .iter()
                .map(|&(terms, background)| Sent {
                    paragraph: 1,
                    start: 0,
                    end: 0,
                    terms: terms.to_vec(),
                    background,
                    numbers: std::sync::OnceLock::new(),
                })
                .collect(),
            specific: Vec::new(),
            recap: Vec::new(),
            uses: std::sync::OnceLock::new(),
        };
        let a = profile(&[
            (&[1, 2, 3, 4], false),
            (&[5, 6, 7], false),
            (&[1, 2, 3, 8, 9, 10, 11, 12], true),
            (&[20, 21], false),
        ]);
        let b = profile(&[
            (&[5, 6, 7, 30], false),
            (&[1, 2, 3, 4, 40], false),
            (&[1, 2, 3, 8, 9], false),
            (&[20, 21, 22], false),
        ]);
        let matched = align(&a, &b);
        // Each pair of sentences sharing at least three terms with a Dice of at least
        // 0.3, best first, one to one; the background sentence after the others.
        assert_eq!(matched.specific, [(0, 1, 8.0 / 9.0), (1, 0, 6.0 / 7.0)]);
        assert_eq!(matched.background, [(2, 2, 10.0 / 13.0)]);
        // The last sentence has two terms only, too few to align even with itself.
        let same = align(&a, &a);
        assert_eq!(same.specific, [(0, 0, 1.0), (1, 1, 1.0)]);
        assert_eq!(same.background, [(2, 2, 1.0)]);
        // Counted pair by pair, as two long articles are, the same alignments.
        let sparse = |x: &Profile, y: &Profile| align_counting(x, y, &mut Vec::new(), 0);
        for (x, y) in [(&a, &b), (&a, &a), (&b, &a)] {
            assert_eq!(align(x, y), sparse(x, y));
        }
    }

    #[test]
    fn a_text_read_for_numbers_only_when_it_may_state_one() {
        let texts = [
            "The minister said so on Monday.",
            "Thirty-two died.",
            "T.W.O. people, said the U.N.",
            "a dozen, or so",
            "hundreds.",
            "someone often wrote; none of them phoned",
            "at least 32 Cubans",
            "über zwölf Personen",
            "Lucía Mendoza said ÔNE thing",
            "Lucía Mendoza said so",
            "one",
            "",
        ];
        for t in texts {
            let found = !read_numbers(t).is_empty();
            assert!(may_state_a_number(t) || !found, "{t:?}");
            assert_eq!(numbers(t), read_numbers(t), "{t:?}");
        }
        assert!(!may_state_a_number("The minister said so on Monday."));
        assert!(!may_state_a_number(
            "someone often wrote; none of them phoned"
        ));
        assert!(may_state_a_number("T.W.O. people, said the U.N."));
        // Every word of a number is read as one, in any case.
        for w in number_words() {
            assert!(w.len() <= LONGEST_NUMBER_WORD, "{w}");
            assert!(
                may_state_a_number(&format!("some {} said", w.to_uppercase())),
                "{w}"
            );
        }
        assert!(!read_numbers("T.W.O. people, said the U.N.").is_empty());
    }

    #[test]
    fn numbers_are_cut_at_marks_and_letters_of_any_script() {
        // Cut at a character that is not a letter, a digit, a comma, a dot or a
        // percent sign, ASCII or not: a dash, an ellipsis, a non-breaking space.
        let values = |t: &str| -> Vec<String> {
            let mut values: Vec<String> = numbers(t).into_iter().map(|n| n.value).collect();
            values.sort();
            values
        };
        assert_eq!(values("32\u{2013}40 people"), ["32", "40"]);
        assert_eq!(values("1,000…2,000 people"), ["1000", "2000"]);
        assert_eq!(values("über 12\u{00A0}Personen, 15% mehr."), ["12", "15%"]);
        assert_eq!(values("née 1999"), ["1999"]);
    }

    #[test]
    fn numbers_are_normalised_with_their_qualifiers() {
        let cases: &[(&str, &[&str])] = &[
            (
                "At least 32 Cuban security personnel were killed",
                &["at least 32 cuban"],
            ),
            (
                "The Cuban government says 32 Cubans were killed",
                &["32 cuban"],
            ),
            ("reports that thirty-two Cubans were killed", &["32 cuban"]),
            (
                "fewer than a dozen detainees; close to 1,000",
                &["1000 -", "fewer than 12 detaine"],
            ),
            (
                "a $25 million reward and 11 sources",
                &["11 sourc", "25 million reward"],
            ),
            ("one source said", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<String> = numbers(text)
                .iter()
                .map(|n| format!("{} {}", n.wording(), n.unit.as_deref().unwrap_or("-")))
                .collect();
            let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            want.sort();
            let mut got = got;
            got.sort();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn numbers_keep_their_wording() {
        let cases: &[(&str, &[&str])] = &[
            (
                "At least 32 Cuban security personnel were killed",
                &["At least 32 Cuban security personnel"],
            ),
            (
                "Cuba confirmed the deaths of 32 of its nationals.",
                &["32 of its nationals"],
            ),
            (
                "fewer than a dozen detainees had walked out",
                &["fewer than a dozen detainees"],
            ),
            (
                "thirty-two Cubans; 1,000 in Caracas",
                &["1,000 in Caracas", "thirty-two Cubans"],
            ),
        ];
        for (text, want) in cases {
            let mut got: Vec<String> = numbers(text).into_iter().map(|n| n.written).collect();
            got.sort();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn numbers_that_differ_are_paired_and_their_scopes_told() {
        // (a, b, the differences: each side's wording, and what each counts when the
        // two count different things)
        type Told = (
            &'static str,
            &'static str,
            Option<(&'static str, &'static str)>,
        );
        let cases: &[(&str, &str, &[Told])] = &[
            (
                "At least 32 Cuban security personnel were killed, in two countries",
                "The Cuban government says 32 Cubans were killed",
                &[(
                    "at least 32",
                    "32",
                    Some(("cuban security personnel", "cubans")),
                )],
            ),
            (
                "thirty-two Cubans were killed",
                "32 Cubans were killed",
                &[],
            ),
            (
                "more than 100 people were arrested",
                "about 30 in the capital were arrested",
                &[(
                    "more than 100",
                    "about 30",
                    Some(("people", "in the capital")),
                )],
            ),
            (
                "Hundreds of political prisoners were freed",
                "Dozens of political prisoners were freed",
                &[("hundreds", "dozens", None)],
            ),
            // Two numbers left on one side: which is which is not known.
            ("11 sources and 4 witnesses", "two officials", &[]),
            ("32 of its nationals", "32 Cubans", &[]),
        ];
        for (a, b, want) in cases {
            let (na, nb) = (numbers(a), numbers(b));
            let got: Vec<NumberChange> = differing_numbers(&na, &nb)
                .into_iter()
                .map(|(x, y)| number_change(x, y))
                .collect();
            let want: Vec<NumberChange> = (want.iter())
                .map(|(x, y, counted)| NumberChange {
                    a: x.to_string(),
                    b: y.to_string(),
                    counted: counted.map(|(p, q)| (p.to_string(), q.to_string())),
                })
                .collect();
            assert_eq!(got, want, "{a} / {b}");
        }
    }

    #[test]
    fn pairs_are_labelled_by_overlap_and_coverage() {
        let m = |n: usize| (0..n).map(|i| (i, i, 0.6)).collect::<Vec<_>>();
        // (Jaccard, shared shingles, vocabulary, aligned, specific sentences of a, of
        // b, relation)
        type Case = (f64, usize, f64, usize, usize, usize, Option<Relation>);
        let cases: &[Case] = &[
            (0.95, 500, 0.9, 30, 30, 30, Some(Relation::Copy)),
            (0.6, 300, 0.8, 25, 30, 30, Some(Relation::LightEdit)),
            (0.03, 20, 0.44, 28, 41, 38, Some(Relation::Rewrite)),
            (0.01, 3, 0.30, 2, 5, 41, Some(Relation::PartialOverlap)),
            (0.0, 0, 0.26, 2, 5, 20, None),
            (0.0, 0, 0.3, 1, 5, 30, None),
            (0.0, 0, 0.3, 2, 40, 30, None),
            // One short specific line each, shared: too little to be copies.
            (1.0, 6, 1.0, 1, 1, 1, None),
            // Nothing specific on one side: no relation, whatever the rest says.
            (0.0, 0, 0.0, 0, 0, 12, None),
        ];
        for &(jaccard, shared, vocabulary, matched, a, b, want) in cases {
            let matched = m(matched);
            let e = Evidence {
                jaccard,
                shared,
                vocabulary,
                matched: &matched,
                sentences: (a, b),
            };
            assert_eq!(relation(&e).map(|r| r.0), want, "{e:?}");
        }
    }

    #[test]
    fn gaps_of_equal_length_between_aligned_sentences_are_paired_in_order() {
        // (sentences of a, of b, aligned pairs, the pairs read from the gaps)
        type Case = (
            usize,
            usize,
            &'static [(usize, usize)],
            &'static [(usize, usize)],
        );
        let cases: &[Case] = &[
            // One sentence each between two aligned pairs, and two each at the end.
            (6, 6, &[(0, 0), (2, 2), (3, 3)], &[(1, 1), (4, 4), (5, 5)]),
            // Gaps of unequal length: a caption on one side only.
            (4, 5, &[(0, 0), (3, 4)], &[]),
            // At the start.
            (3, 3, &[(2, 2)], &[(0, 0), (1, 1)]),
            // A moved sentence crosses the others: no gap is read across it.
            (4, 4, &[(0, 2), (3, 3)], &[]),
            // Longer than GAP: different matter, not rewording.
            (6, 6, &[(0, 0), (5, 5)], &[]),
            (2, 2, &[], &[(0, 0), (1, 1)]),
        ];
        for &(a, b, anchors, want) in cases {
            let mut used = vec![false; b];
            for &(_, j) in anchors {
                used[j] = true;
            }
            assert_eq!(gaps(a, &used, anchors), want, "{anchors:?}");
        }
    }

    #[test]
    fn word_diffs_are_those_of_the_text_diff() {
        let cases = [
            ("", ""),
            ("", "One word"),
            ("Two words", ""),
            ("Same words here.", "Same words here."),
            ("Cuba lived on oil", "Cuba relied on oil"),
            ("a b a b a", "b a b a b"),
            ("  spaced\u{a0}out\u{2003}text ", "spaced out  text"),
            ("a\u{0B}b\u{0C}c\r\nd", "a b\u{85}c d"),
            (
                "“We will not,” Ortiz said on Tuesday, in Havana.",
                "Ortiz said on Tuesday: “we will not” — in Havana, officials said.",
            ),
        ];
        // Past 100 words and spaces `similar` numbers the words itself.
        let long_a: Vec<String> = (0..90).map(|i| format!("w{}", i % 7)).collect();
        let long_b: Vec<String> = (0..95).map(|i| format!("w{}", i % 5)).collect();
        let (long_a, long_b) = (long_a.join(" "), long_b.join("  "));
        for (a, b) in cases
            .into_iter()
            .chain([(long_a.as_str(), long_b.as_str())])
        {
            assert_eq!(word_diff(a, b), text_diff(a, b), "{a:?} / {b:?}");
            assert_eq!(word_diff(b, a), text_diff(b, a), "{b:?} / {a:?}");
        }
    }

    #[test]
    fn words_one_sentence_adds_are_told_from_words_swapped_for_others() {
        use Which::*;
        type Case = (&'static str, &'static str, &'static [(Which, &'static str)]);
        let cases: &[Case] = &[
            (
                "Since mid-December, the U.S. has been blocking oil shipments to Cuba.",
                "Since mid-December, the U.S. has been blocking oil shipments to Cuba and \
                 economically suffocating the island.",
                &[(B, "and economically suffocating the island")],
            ),
            // A word told apart by its mark ("Caracas." and "Caracas,").
            (
                "Its legacy still shapes the political landscape in Caracas, where the old \
                 guard's loyalists retain authority.",
                "Its legacy still shapes the political landscape in Caracas.",
                &[(A, "where the old guard's loyalists retain authority")],
            ),
            // Words added inside the sentence, not at its end: not read.
            (
                "Near the station the owners protested on Monday.",
                "Near the station, shop owners and street vendors protested on Monday.",
                &[],
            ),
            // Words swapped for others: nothing added.
            (
                "Cuba lived for many years on oil from Venezuela.",
                "Cuba relied for long years on substantial quantities of crude from Venezuela.",
                &[],
            ),
            // One new word is a detail of wording, not a fact.
            (
                "The market will stay closed, the council said.",
                "The market will stay closed until Friday, the council said.",
                &[],
            ),
        ];
        for (a, b, want) in cases {
            let got: Vec<(Which, &str)> = added(a, b, &word_diff(a, b))
                .iter()
                .filter_map(|x| {
                    let text = if x.side == A { *a } else { *b };
                    let (s, e) = fresh_words(text, x.range.0, x.range.1, &x.fresh)?;
                    Some((x.side, &text[s..e]))
                })
                .collect();
            assert_eq!(got, *want, "{a} / {b}");
        }
    }

    #[test]
    fn word_diffs_come_in_runs() {
        let (a, b) = ("Cuba lived on oil", "Cuba relied on oil");
        let runs = word_diff(a, b);
        let ops: Vec<(DiffOp, &str)> = runs.iter().map(|r| (r.op, r.text(a, b))).collect();
        assert_eq!(
            ops,
            [
                (DiffOp::Equal, "Cuba "),
                (DiffOp::Delete, "lived"),
                (DiffOp::Insert, "relied"),
                (DiffOp::Equal, " on oil")
            ]
        );
    }
}

//! *Folded text* is a paragraph's text in the form the analysis compares: accents taken
//! off (NFD, combining marks dropped), lower case, typographic quotes, apostrophes and
//! dashes made plain, runs of whitespace made one space, and the dots of initialisms
//! dropped ("U.S." reads as "us", so it equals a curated "US"). Every folded byte keeps
//! the offset of the original character it comes from, so a match in folded text maps
//! back to the exact bytes a reader sees. This module also cuts text into *sentences*
//! and *words*, the units the other passes count in.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Text in folded form, with the way back to the original.
#[derive(Debug, Clone)]
pub(crate) struct Folded<'a> {
    original: &'a str,
    pub(crate) text: String,
    /// `origin[i]` is the byte offset in `original` of the character that folded byte
    /// `i` comes from.
    origin: Vec<u32>,
}

impl<'a> Folded<'a> {
    pub(crate) fn new(original: &'a str) -> Self {
        let mut origin: Vec<u32> = Vec::with_capacity(original.len());
        let text = fold_into::<true>(original, &mut origin);
        Folded {
            original,
            text,
            origin,
        }
    }

    /// The original byte range of a folded byte range.
    pub(crate) fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.origin.len() {
            let at = self
                .origin
                .get(start)
                .map_or(self.original.len(), |&o| o as usize);
            return (at, at);
        }
        let s = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        let len = self.original[last..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        (s, last + len)
    }

    /// The folded offset of an original byte offset: the first folded byte that comes
    /// from at or after it.
    pub(crate) fn folded_offset(&self, original: usize) -> usize {
        self.origin.partition_point(|&o| (o as usize) < original)
    }
}

/// Whether the dot at `at` closes a single-letter part of an initialism ("U." of
/// "U.S."): an ASCII letter before it, and no letter before that.
fn is_initial(bytes: &[u8], at: usize) -> bool {
    let letter = at >= 1 && bytes[at - 1].is_ascii_alphabetic();
    let alone = at < 2 || !(bytes[at - 2].is_ascii_alphabetic() || bytes[at - 2] >= 0x80);
    letter && alone
}

/// The plain form of a typographic character.
fn plain(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        _ => return None,
    })
}

/// A numbered paragraph of an article as the passes read it.
#[derive(Debug)]
pub(crate) struct Paragraph<'a> {
    /// 1-based, as in [`crate::analyse::Place`].
    pub(crate) n: usize,
    pub(crate) text: &'a str,
    pub(crate) block: &'a crate::markdown::Block,
    pub(crate) folded: Folded<'a>,
    pub(crate) sentences: Vec<(usize, usize)>,
}

impl<'a> Paragraph<'a> {
    pub(crate) fn all(article: &'a crate::content::Article) -> Vec<Paragraph<'a>> {
        article
            .paragraphs()
            .enumerate()
            .map(|(i, block)| Paragraph {
                n: i + 1,
                text: &block.text,
                block,
                folded: Folded::new(&block.text),
                sentences: sentences(&block.text),
            })
            .collect()
    }

    /// The sentence holding byte `at`.
    pub(crate) fn sentence(&self, at: usize) -> (usize, usize) {
        self.sentences
            .get(sentence_at(&self.sentences, at))
            .copied()
            .unwrap_or((0, self.text.len()))
    }
}

/// `original` folded ([`Folded`]): lower case, accents off, runs of whitespace one
/// space, the dots of initialisms out; with, when `ORIGIN`, the byte offset in
/// `original` of the character each folded byte comes from pushed to `origin`. A
/// constant, so that folding only to compare costs no test a byte.
fn fold_into<const ORIGIN: bool>(original: &str, origin: &mut Vec<u32>) -> String {
    let bytes = original.as_bytes();
    let mut text: Vec<u8> = Vec::with_capacity(bytes.len());
    fn push<const ORIGIN: bool>(text: &mut Vec<u8>, origin: &mut Vec<u32>, c: char, at: usize) {
        let mut buffer = [0u8; 4];
        let encoded = c.encode_utf8(&mut buffer).as_bytes();
        text.extend_from_slice(encoded);
        if ORIGIN {
            origin.extend(std::iter::repeat_n(at as u32, encoded.len()));
        }
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, the bulk of any text, takes the short way.
        if b.is_ascii() {
            if b.is_ascii_whitespace() {
                if text.last().is_some_and(|l| *l != b' ') {
                    text.push(b' ');
                    if ORIGIN {
                        origin.push(i as u32);
                    }
                }
            } else if b == b'.' && is_initial(bytes, i) {
                // The dot of an initialism: "U.S." reads "us".
            } else {
                text.push(b.to_ascii_lowercase());
                if ORIGIN {
                    origin.push(i as u32);
                }
            }
            i += 1;
            continue;
        }
        let c = original[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if text.last().is_some_and(|l| *l != b' ') {
                text.push(b' ');
                if ORIGIN {
                    origin.push(i as u32);
                }
            }
        } else if let Some(p) = plain(c) {
            push::<ORIGIN>(&mut text, origin, p, i);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        push::<ORIGIN>(&mut text, origin, l, i);
                    }
                }
            });
        }
        i += c.len_utf8();
    }
    // Only whole characters were pushed.
    String::from_utf8(text).unwrap_or_default()
}

/// The text of [`Folded::new`], without the way back, for texts only compared.
pub(crate) fn folded_text(original: &str) -> String {
    fold_into::<false>(original, &mut Vec::new())
}

/// Folds a short text (a name, a title) the way paragraphs are folded.
pub(crate) fn fold(text: &str) -> String {
    folded_text(text.trim())
}

/// Whether `c` can be part of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a folded range starts and ends at word boundaries.
pub(crate) fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Words that end a sentence only rarely when followed by a full stop.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "inc", "ltd", "co", "corp", "jr", "sr", "mt", "ft", "ave", "approx", "pres", "adm",
    "maj", "rev", "fig", "op", "del", "sens", "reps", "supt", "cmdr", "atty", "gens",
];

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}'
    )
}

/// Characters that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{00AB}' | '\u{201E}'
    )
}

/// The sentences of a paragraph as byte ranges, trimmed. A sentence ends at `.`, `!`,
/// `?` or `…` (with any closing quotes or brackets after it) when the next text starts
/// with a capital letter, an opening quote or bracket, or the paragraph ends; a full
/// stop after an abbreviation ("Jan.", "Dr.") or a single letter ("U.S.", "J.") does not
/// end one, since most of those are followed by more of the same sentence.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Where the next byte E2 is, at or after `i`: the first byte of "…", and of the
    // typographic quotes and dashes too, so it is looked for apart from the full stops.
    let mut e2 = memchr::memchr(0xE2, bytes).unwrap_or(bytes.len());
    while i < bytes.len() {
        if e2 < i {
            e2 = memchr::memchr(0xE2, &bytes[i..]).map_or(bytes.len(), |n| i + n);
        }
        // The next candidate end, skipping the bytes that cannot be one at once.
        i = memchr::memchr3(b'.', b'!', b'?', &bytes[i..e2]).map_or(e2, |n| i + n);
        if i == bytes.len() {
            break;
        }
        // The ends are ASCII, or "…" (E2 80 A6), whose first byte no other byte of a
        // multi-byte character can be.
        let len = match bytes[i] {
            b'.' | b'!' | b'?' => 1,
            0xE2 if bytes[i..].starts_with("…".as_bytes()) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + len;
        while let Some(c) = text[j..].chars().next() {
            if matches!(c, '.' | '!' | '?') || is_closer(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let after = text[j..].trim_start();
        let k = text.len() - after.len();
        let spaced = k > j || k == text.len();
        let starts_sentence = after
            .chars()
            .next()
            .is_none_or(|n| n.is_uppercase() || is_opener(n) || n.is_ascii_digit());
        let abbreviation = bytes[i] == b'.' && j == i + 1 && is_abbreviation(&text[..i]);
        if spaced && starts_sentence && !abbreviation {
            push_trimmed(&mut out, text, start, j);
            start = k;
            i = k;
        } else {
            i = j;
        }
    }
    push_trimmed(&mut out, text, start, text.len());
    out
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

/// Whether the word just before a full stop is an abbreviation or an initial.
pub(crate) fn is_abbreviation(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[start..];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    // "U.S", "P.D.V.S.A" or a single initial.
    if word.contains('.') || letters == 1 {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// The index of the sentence holding byte `at`, or of the last one before it.
pub(crate) fn sentence_at(sentences: &[(usize, usize)], at: usize) -> usize {
    sentences
        .partition_point(|&(s, _)| s <= at)
        .saturating_sub(1)
}

/// The words of a text with their offsets, one at a time: runs of letters and digits.
pub(crate) struct Words<'a> {
    text: &'a str,
    at: usize,
}

pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.text[self.at..];
        let (s, _) = rest.char_indices().find(|(_, c)| is_word_char(*c))?;
        let start = self.at + s;
        let len = self.text[start..]
            .char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(self.text.len() - start, |(e, _)| e);
        self.at = start + len;
        Some((start, &self.text[start..start + len]))
    }
}

/// A hasher for keys that are already hashes (term and shingle hashes): one multiply,
/// which spreads their bits to the top, where the hash table looks. Deterministic.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The outermost of overlapping ranges, in order: ranges sorted by start (the longest
/// first where two start together), and any range starting inside a kept one dropped.
/// A full name beats the surname inside it; a quote beats a quote nested in it.
pub(crate) fn outermost<T>(mut items: Vec<T>, range: impl Fn(&T) -> (usize, usize)) -> Vec<T> {
    items.sort_by_key(|t| {
        let (s, e) = range(t);
        (s, std::cmp::Reverse(e))
    });
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for t in items {
        if out.last().is_none_or(|last| range(&t).0 >= range(last).1) {
            out.push(t);
        }
    }
    out
}

/// A hash map keyed by hashes.
pub(crate) type HashedMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Prehashed>>;

/// English words that carry no content of their own, for comparing sentences. Sorted,
/// for a binary search.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "am",
    "amid",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "s",
    "said",
    "same",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "stated",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

pub(crate) fn is_stopword(word: &str) -> bool {
    is_stopword_hash(word.len(), hash_bytes(word.as_bytes()))
}

/// [`is_stopword`] for a word whose length and [`hash_bytes`] hash are known.
pub(crate) fn is_stopword_hash(len: usize, hash: u64) -> bool {
    // Every word of every article passes here: look its hash up in an open-addressing
    // table, not its letters in a list. A 64-bit hash of a word colliding with one of
    // ~190 stopwords is not a practical concern; it would drop one word from a
    // comparison.
    const SLOTS: usize = 1024;
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = vec![0u64; SLOTS];
        for w in STOPWORDS {
            let h = hash_bytes(w.as_bytes());
            let mut at = (h as usize) % SLOTS;
            while table[at] != 0 {
                at = (at + 1) % SLOTS;
            }
            table[at] = h;
        }
        table
    });
    if len > LONGEST_STOPWORD {
        return false;
    }
    let mut at = (hash as usize) % SLOTS;
    loop {
        match table[at] {
            0 => return false,
            h if h == hash => return true,
            _ => at = (at + 1) % SLOTS,
        }
    }
}

/// A fixed 64-bit hash of a word, eight bytes at a time, so results do not vary from
/// run to run.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    mix(h)
}

/// The SplitMix64 finaliser: spreads a hash's bits.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const LONGEST_STOPWORD: usize = 9;

/// Whether `word`, in any case, is in `sorted` (a sorted list of lower-case ASCII
/// words), without allocating.
pub(crate) fn in_sorted(sorted: &[&str], word: &str) -> bool {
    let mut buffer = [0u8; 24];
    if word.len() > buffer.len() || !word.is_ascii() {
        return false;
    }
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or("");
    sorted.binary_search(&lower).is_ok()
}

/// A crude English stem, enough to let "departing" meet "departed" and "sources" meet
/// "source" when sentences are compared; it is never shown.
pub(crate) fn stem(word: &str) -> &str {
    let n = word.len();
    if !word.is_ascii() {
        return word;
    }
    // "countries" and "country" both become "countr": consistent, not pretty.
    let mut w = word;
    for (suffix, keep) in [
        ("ing", 4),
        ("ies", 4),
        ("ed", 4),
        ("ly", 4),
        ("s", 3),
        ("y", 4),
    ] {
        if n > suffix.len() + keep - 1
            && word.ends_with(suffix)
            && !(suffix == "s" && word.ends_with("ss"))
        {
            w = &word[..n - suffix.len()];
            break;
        }
    }
    // "capture", "captured" and "capturing" meet at "captur".
    if w.len() > 4 && w.ends_with('e') {
        w = &w[..w.len() - 1];
    }
    w
}

/// The number words and their values ("four", "thirty"), for comparing "thirty-two"
/// with "32".
pub(crate) const NUMBER_WORDS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The value of a number word ([`NUMBER_WORDS`]).
pub(crate) fn number_word(word: &str) -> Option<u64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, value)| value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn outermost_keeps_the_enclosing_ranges() {
        let kept = super::outermost(
            vec![(5, 9), (0, 4), (0, 2), (6, 8), (3, 7), (10, 12)],
            |r| *r,
        );
        assert_eq!(kept, [(0, 4), (5, 9), (10, 12)]);
    }

    use super::*;

    #[test]
    fn folding_takes_out_accents_case_typography_and_initialisms() {
        let cases = [
            ("Delcy Rodríguez", "delcy rodriguez"),
            ("Rodríguez’s", "rodriguez's"),
            ("NICOLÁS  Maduro", "nicolas maduro"),
            ("Nicola\u{0301}s", "nicolas"),
            ("the U.S. Naval Academy", "the us naval academy"),
            ("P.D.V.S.A.", "pdvsa"),
            ("Jan. 3", "jan. 3"),
            ("Díaz\u{2011}Canel", "diaz-canel"),
            ("a\u{00A0}\n b", "a b"),
            ("“united”", "\"united\""),
        ];
        for (input, folded) in cases {
            assert_eq!(Folded::new(input).text, folded, "{input:?}");
            // Folded only to compare, the text is the same.
            assert_eq!(folded_text(input), folded, "{input:?}");
        }
    }

    #[test]
    fn folded_ranges_map_back_to_the_original_bytes() {
        let text = "Met  Rodríguez’s aide in the U.S. capital";
        let f = Folded::new(text);
        let at = f.text.find("rodriguez").unwrap();
        let (s, e) = f.original_range(at, at + "rodriguez".len());
        assert_eq!(&text[s..e], "Rodríguez");
        let at = f.text.find("us capital").unwrap();
        let (s, e) = f.original_range(at, at + "us capital".len());
        assert_eq!(&text[s..e], "U.S. capital");
        assert_eq!(f.folded_offset(s), at);
    }

    #[test]
    fn sentences_skip_abbreviations_and_keep_quotes_whole() {
        let cases: [(&str, &[&str]); 7] = [
            (
                "The raid on Jan. 3 captured him. The U.S. Senate met.",
                &["The raid on Jan. 3 captured him.", "The U.S. Senate met."],
            ),
            (
                "“It is wrong,” said Del. Stacey Plaskett. Sens. Reed and Rubio agreed.",
                &[
                    "“It is wrong,” said Del. Stacey Plaskett.",
                    "Sens. Reed and Rubio agreed.",
                ],
            ),
            (
                "“They are still under coercive measures. They still have ongoing trials,” she said. “That means more.”",
                &[
                    "“They are still under coercive measures.",
                    "They still have ongoing trials,” she said.",
                    "“That means more.”",
                ],
            ),
            (
                "“BUT NOT ANYMORE!” Trump wrote on Truth Social on Jan. 11.",
                &[
                    "“BUT NOT ANYMORE!”",
                    "Trump wrote on Truth Social on Jan. 11.",
                ],
            ),
            (
                "It cost $1.5 million. a lowercase start stays.",
                &["It cost $1.5 million. a lowercase start stays."],
            ),
            (
                "On December 4, 2025. (AFP Photo)",
                &["On December 4, 2025.", "(AFP Photo)"],
            ),
            (
                "It “was” late — so… Then “he” came … and left!",
                &["It “was” late — so…", "Then “he” came … and left!"],
            ),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            STOPWORDS.iter().map(|w| w.len()).max(),
            Some(LONGEST_STOPWORD)
        );
        assert!(is_stopword("the") && !is_stopword("cuba"));
        assert!(in_sorted(&["said", "told"], "Said") && !in_sorted(&["said"], "sad"));
    }

    #[test]
    fn stems_and_number_words() {
        assert_eq!(
            words("Hi, U.S. forces—Díaz.")
                .map(|(_, w)| w)
                .collect::<Vec<_>>(),
            ["Hi", "U", "S", "forces", "Díaz"]
        );
        assert_eq!(stem("sources"), stem("source"));
        assert_eq!(stem("captured"), stem("capture"));
        assert_eq!(stem("leaving"), stem("leave"));
        assert_eq!(stem("departing"), "depart");
        assert_eq!(stem("pressed"), "press");
        assert_eq!(stem("boss"), "boss");
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("its"), "its");
        assert_eq!(number_word("thirty"), Some(30));
        assert_eq!(number_word("two"), Some(2));
        assert_eq!(number_word("twin"), None);
    }
}

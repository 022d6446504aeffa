//! Two versions of a text *side by side*, as a pair's page shows them: which aligned
//! sentences get word marks, how many of the rows that changed are written out, and
//! the sentences *folded* away — those only one side has, and the changed rows past
//! the ones written out — counted and linked by paragraph (the article has them; a
//! page links a bounded number of paragraphs, the rest are counted).

use std::collections::BTreeMap;

use serde::Serialize;

use super::view;
use crate::analyse::{DiffOp, DiffRun, Sentence};
use crate::content::Article;

/// How many paragraphs a pair's page links for each side's folded sentences, twenty
/// in all; the rest are counted. A long affair's pairs are thousands of pages, and
/// each link (the article's address and the paragraph) is bytes on every one.
pub(crate) const UNMATCHED_SHOWN: usize = 10;

/// How many aligned rows that changed a pair's page writes out, besides those in which
/// a difference was found (shown under the differences); the rest are folded into each
/// side's paragraphs. A rewrite changes most of its sentences, and past the first few
/// rows a reader checks the article itself.
pub(crate) const ROWS_SHOWN: usize = 10;

/// Whether most words of two aligned sentences are shared: only then do words struck
/// out and added tell a reader what changed. When most differ, marking them all hides
/// what the two have in common, and the sentences are shown as they are.
pub(crate) fn most_words_shared(runs: &[DiffRun], a: &str, b: &str) -> bool {
    let count = |t: &str| t.split_whitespace().count();
    let shared: usize = runs
        .iter()
        .filter(|r| r.op == DiffOp::Equal)
        .map(|r| count(r.text(a, b)))
        .sum();
    let longer = count(a).max(count(b));
    longer > 0 && shared * 2 > longer
}

/// The sentences of one side of a pair its page does not write out: those the other
/// side has nothing aligned with, and those of the changed rows past [`ROWS_SHOWN`];
/// counted, and linked by the paragraphs they are in.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Unmatched {
    /// Sentences this side alone has.
    pub(crate) count: usize,
    /// Sentences of aligned rows that changed and are not written out.
    pub(crate) reworded: usize,
    /// The first [`UNMATCHED_SHOWN`] paragraphs, in the article's order, each once.
    pub(crate) paragraphs: Vec<UnmatchedParagraph>,
    /// How many sentences are in the paragraphs not linked.
    pub(crate) hidden: usize,
    /// How many folded sentences each paragraph has.
    #[serde(skip)]
    by_paragraph: BTreeMap<usize, usize>,
}

/// A paragraph with folded sentences.
#[derive(Debug, Serialize)]
pub(crate) struct UnmatchedParagraph {
    pub(crate) url: String,
    pub(crate) paragraph: usize,
    /// How many of its sentences.
    pub(crate) sentences: usize,
}

impl Unmatched {
    /// A sentence this side alone has.
    pub(crate) fn push(&mut self, s: &Sentence) {
        self.count += 1;
        *self.by_paragraph.entry(s.paragraph).or_default() += 1;
    }

    /// A sentence of a changed row that is not written out.
    pub(crate) fn push_reworded(&mut self, paragraph: usize) {
        self.reworded += 1;
        *self.by_paragraph.entry(paragraph).or_default() += 1;
    }

    /// Links the first paragraphs of `article` and counts the sentences of the rest
    /// (all of them when the article is gone).
    pub(crate) fn link(mut self, article: Option<&Article>, root: &str) -> Self {
        for (paragraph, sentences) in std::mem::take(&mut self.by_paragraph) {
            match article.filter(|_| self.paragraphs.len() < UNMATCHED_SHOWN) {
                Some(a) => self.paragraphs.push(UnmatchedParagraph {
                    url: view::paragraph_url(root, &a.id, paragraph),
                    paragraph,
                    sentences,
                }),
                None => self.hidden += sentences,
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(op: DiffOp, text: &str, within: &str) -> DiffRun {
        let start = within.find(text).unwrap() as u32;
        DiffRun {
            op,
            start,
            end: start + text.len() as u32,
        }
    }

    #[test]
    fn marks_only_where_most_words_are_shared() {
        let (a, b) = (
            "the raid on Feb. 3 in Caracas",
            "the raid on Jan. 3 in Caracas",
        );
        let runs = [
            run(DiffOp::Equal, "the raid on ", a),
            run(DiffOp::Delete, "Feb.", a),
            run(DiffOp::Insert, "Jan.", b),
            run(DiffOp::Equal, " 3 in Caracas", a),
        ];
        assert!(most_words_shared(&runs, a, b));
        let (a, b) = (
            "the raid was in Caracas",
            "officials met on Tuesday to talk",
        );
        let runs = [
            run(DiffOp::Equal, "the ", a),
            run(DiffOp::Delete, "raid was in Caracas", a),
            run(DiffOp::Insert, "officials met on Tuesday to talk", b),
        ];
        assert!(!most_words_shared(&runs, a, b));
        // Half is not most.
        let (a, b) = ("one two three four", "one two five six");
        let runs = [
            run(DiffOp::Equal, "one two ", a),
            run(DiffOp::Delete, "three four", a),
            run(DiffOp::Insert, "five six", b),
        ];
        assert!(!most_words_shared(&runs, a, b));
        assert!(!most_words_shared(&[], "", ""));
    }
}

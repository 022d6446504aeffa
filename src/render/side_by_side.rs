//! Two versions of a text *side by side*, as a pair's page shows them: which aligned
//! sentences get word marks, and the sentences that only one side has, counted and
//! linked by paragraph (the article has them; a page links a bounded number of
//! paragraphs, the rest are counted).

use serde::Serialize;

use super::view;
use crate::analyse::{DiffOp, DiffRun, Sentence};
use crate::content::Article;

/// How many paragraphs a pair's page links for the sentences one side alone has; the
/// rest are counted. A long affair's pairs are thousands of pages, and each link is
/// bytes on every one.
pub(crate) const UNMATCHED_SHOWN: usize = 20;

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

/// The sentences one side of a pair has and the other has not: counted, and linked
/// by the paragraphs they are in, not written out again.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Unmatched {
    pub(crate) count: usize,
    /// The first [`UNMATCHED_SHOWN`] paragraphs, in the article's order, each once.
    pub(crate) paragraphs: Vec<UnmatchedParagraph>,
    /// How many sentences are in the paragraphs not linked.
    pub(crate) hidden: usize,
}

/// A paragraph with sentences one side alone has.
#[derive(Debug, Serialize)]
pub(crate) struct UnmatchedParagraph {
    pub(crate) url: String,
    pub(crate) paragraph: usize,
    /// How many of its sentences.
    pub(crate) sentences: usize,
}

impl Unmatched {
    pub(crate) fn push(&mut self, s: &Sentence, article: Option<&Article>, root: &str) {
        self.count += 1;
        if let Some(listed) = self
            .paragraphs
            .iter_mut()
            .find(|p| p.paragraph == s.paragraph)
        {
            listed.sentences += 1;
            return;
        }
        match article.filter(|_| self.paragraphs.len() < UNMATCHED_SHOWN) {
            Some(a) => self.paragraphs.push(UnmatchedParagraph {
                url: view::paragraph_url(root, &a.id, s.paragraph),
                paragraph: s.paragraph,
                sentences: 1,
            }),
            None => self.hidden += 1,
        }
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

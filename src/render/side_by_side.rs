//! Two versions of a text *side by side*, as a pair's page shows them: which aligned
//! sentences get word marks, and the sentences that only one side has, counted and
//! listed by paragraph (a page shows a bounded number of them; the rest are counted).

use serde::Serialize;

use super::view::{self, escape};
use crate::analyse::{DiffOp, DiffRun, Sentence};
use crate::content::Article;

/// The unmatched sentences a pair's page lists for each side; the rest are counted,
/// and the article has them. Ten show what one side adds; a long affair's pairs are
/// thousands of pages, and each listed sentence is bytes on every one.
pub(crate) const UNMATCHED_SHOWN: usize = 10;

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

/// The sentences one side of a pair has and the other has not.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Unmatched {
    pub(crate) count: usize,
    /// The first [`UNMATCHED_SHOWN`], in the article's order, those of one paragraph
    /// together under its one link.
    pub(crate) shown: Vec<UnmatchedParagraph>,
    /// How many more there are.
    pub(crate) hidden: usize,
}

/// Unmatched sentences of one paragraph, next to each other in the article.
#[derive(Debug, Serialize)]
pub(crate) struct UnmatchedParagraph {
    /// Safe HTML: the sentences, a space between each.
    pub(crate) html: String,
    pub(crate) url: String,
    pub(crate) paragraph: usize,
    /// How many sentences.
    #[serde(skip)]
    pub(crate) sentences: usize,
}

impl Unmatched {
    pub(crate) fn push(&mut self, s: &Sentence, article: Option<&Article>, root: &str) {
        self.count += 1;
        let listed: usize = self.shown.iter().map(|p| p.sentences).sum();
        let Some(a) = article.filter(|_| listed < UNMATCHED_SHOWN) else {
            self.hidden += 1;
            return;
        };
        // A paragraph's link once for all its sentences: on a pair of rewrites, the
        // link is most of a listed sentence's bytes.
        match self.shown.last_mut() {
            Some(last) if last.paragraph == s.paragraph => {
                last.html.push(' ');
                last.html.push_str(&escape(s.text(a)));
                last.sentences += 1;
            }
            _ => self.shown.push(UnmatchedParagraph {
                html: escape(s.text(a)),
                url: view::paragraph_url(root, &a.id, s.paragraph),
                paragraph: s.paragraph,
                sentences: 1,
            }),
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

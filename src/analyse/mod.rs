//! *Analysis* is what the generator finds in the articles by itself, as opposed to what
//! the editor curated: mentions of people, direct quotes and their speakers, date
//! expressions, and stories (articles reporting the same events) with the differences
//! between their sources. It is pure and deterministic: the same briefing gives the same
//! findings, with no network and no model. Every finding names the article and the
//! 1-based paragraph it comes from, and the byte range inside that paragraph's text.

use chrono::NaiveDate;
use serde::Serialize;

use crate::content::Briefing;
use crate::diagnostic::Diagnostic;
use crate::edtf::Precision;

/// Everything the generator found.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// In article order (articles by id), then paragraph, then offset.
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    /// Groups of articles that report the same story, each with its pairs.
    pub stories: Vec<Story>,
    /// Curated events whose sources date them differently from the event.
    pub conflicts: Vec<Conflict>,
    /// Warnings for `check`: ambiguous mentions, disputed event dates, quotes attributed
    /// to someone else than the curation says.
    pub warnings: Vec<Diagnostic>,
}

/// Where in an article a finding is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    pub article: String,
    /// 1-based paragraph number: the page anchor is `#p{paragraph}`.
    pub paragraph: usize,
    /// Byte range in the paragraph's plain text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    FullName,
    Alias,
    Surname,
    FirstName,
    Title,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    #[serde(flatten)]
    pub place: Place,
    /// The person meant, or `None` when nothing decides (ambiguous).
    pub person: Option<String>,
    /// The candidates when ambiguous.
    pub candidates: Vec<String>,
    /// The text as written.
    pub text: String,
    /// The sentence around it.
    pub sentence: String,
    pub kind: MentionKind,
    /// Why the mention was resolved this way ("full name", "subject of the article"…).
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    #[serde(flatten)]
    pub place: Place,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// A person id when the speaker is a known person.
    pub person: Option<String>,
    /// The speaker as written ("a senior Venezuelan military official"), or `None`.
    pub speaker: Option<String>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    #[serde(flatten)]
    pub place: Place,
    pub text: String,
    pub sentence: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    /// Resolved against the article's publication date.
    pub relative: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Copy,
    LightEdit,
    Rewrite,
    PartialOverlap,
}

/// Articles that report the same story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// A stable id made from the articles: `story-<first article id>`.
    pub id: String,
    /// A title for the group (the earliest article's title).
    pub title: String,
    /// Article ids, sorted.
    pub articles: Vec<String>,
    pub pairs: Vec<Pair>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub relation: Relation,
    /// 0–1.
    pub similarity: f64,
    /// Sentences of `a` and `b` aligned with each other.
    pub alignment: Vec<Aligned>,
    pub differences: Vec<Difference>,
}

/// One row of an alignment: a sentence of `a`, of `b`, or both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aligned {
    pub a: Option<Sentence>,
    pub b: Option<Sentence>,
    /// Similarity of the two sentences, 0–1, when both are present.
    pub similarity: Option<f64>,
    /// Word-level diff when both are present: runs of equal, removed and added words.
    pub diff: Vec<DiffRun>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffRun {
    pub op: DiffOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    QuoteWording,
    Number,
    Date,
    OnlyIn,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// The side in `a` (absent for a statement only in `b`).
    pub a: Option<Side>,
    pub b: Option<Side>,
    /// A short description: "32 vs at least 32".
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub article: String,
    pub paragraph: usize,
    pub text: String,
}

/// An event whose sources date it differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The curated event id, or `None` for a conflict found between aligned sentences.
    pub event: Option<String>,
    pub claims: Vec<DateClaim>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateClaim {
    pub article: String,
    pub paragraph: usize,
    /// The date expression as written.
    pub text: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

/// Runs every analysis pass over a loaded briefing.
pub fn run(briefing: &Briefing) -> Analysis {
    let _ = briefing;
    Analysis::default()
}

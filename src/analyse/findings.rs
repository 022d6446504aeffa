//! The *findings* of the analysis, as the pages and the data exports read them: where
//! each is ([`Place`], [`Around`]), the mentions, quotes and dates of each article, the
//! stories with their compared pairs and the differences between them, and the
//! conflicts and disagreements among the sources of the timeline's events.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::PerArticle;
use crate::diagnostic::Diagnostic;
use crate::edtf::Precision;

/// Everything the generator found.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// In article order (articles by id), then paragraph, then offset.
    pub mentions: PerArticle<Mention>,
    pub quotes: PerArticle<Quote>,
    pub dates: PerArticle<DateMention>,
    /// Expressions that refer to time without naming a stretch of the calendar
    /// ("recently", "the future"), kept apart from `dates` so that they date nothing.
    pub date_references: PerArticle<DateReference>,
    /// Groups of articles that report the same story, each with its pairs.
    pub stories: Vec<Story>,
    /// The hash of each story's compared pairs, in the order of `stories` and of their
    /// pairs ([`super::pair_hash`]): made with each pair, or read back with it
    /// from a saved analysis. Empty where the analysis was put together by other means
    /// (a test's), for the render to hash the pairs itself.
    pub pair_hashes: Vec<Vec<u64>>,
    /// Curated events whose sources date them differently from the event (with
    /// `event`), then dates that differ between aligned sentences of a story (without).
    pub conflicts: Vec<Conflict>,
    /// Curated events whose sources disagree on something else than the date: a
    /// number, or a quote's wording.
    pub disagreements: Vec<Disagreement>,
    /// Warnings for `check`: ambiguous mentions, disputed event dates, quotes attributed
    /// to someone else than the curation says.
    pub warnings: Vec<Diagnostic>,
}

/// Where in an article a finding is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct Place {
    /// The article's id, shared by all its findings rather than copied into each.
    pub article: Arc<str>,
    /// 1-based paragraph number: the page anchor is `#p{paragraph}`.
    pub paragraph: usize,
    /// Byte range in the paragraph's plain text.
    pub start: usize,
    pub end: usize,
}

impl Place {
    /// The finding's text as written, in `article`, the article it is in. Findings
    /// keep where their text is, not a copy: they are many, and the article has it.
    pub fn text<'a>(&self, article: &'a crate::content::Article) -> &'a str {
        article.paragraph_slice(self.paragraph, self.start..self.end)
    }
}

/// The sentence around a finding: bytes `start..end` of the plain text of the
/// finding's paragraph. Findings keep where their sentence is, not a copy of it (the
/// data exports and person pages give the text): copies would hold a sentence once
/// for every finding in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub struct Around {
    pub start: u32,
    pub end: u32,
}

impl Around {
    pub fn new(start: usize, end: usize) -> Self {
        Around {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The sentence's text, in `article`, the article of the finding at `place`.
    pub fn text<'a>(&self, article: &'a crate::content::Article, place: &Place) -> &'a str {
        article.paragraph_slice(place.paragraph, self.start as usize..self.end as usize)
    }

    /// Where the finding at `place` is inside the sentence.
    pub fn of(&self, place: &Place) -> (usize, usize) {
        let start = self.start as usize;
        (
            place.start.saturating_sub(start),
            place.end.saturating_sub(start),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    FullName,
    Alias,
    Surname,
    FirstName,
    Title,
}

/// Not `Serialize`: its sentence is a place, and the data exports write the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub place: Place,
    /// The person meant, or `None` when nothing decides (ambiguous).
    pub person: Option<Arc<str>>,
    /// The candidates when ambiguous.
    pub candidates: Vec<String>,
    /// The sentence around it (the text as written is at its place).
    pub sentence: Around,
    pub kind: MentionKind,
    /// Why the mention was resolved this way: worded in the briefing's language by the
    /// pages and the exports ("full name", "subject of the article"…).
    pub reason: Reason,
}

/// Why a mention was given to its person, or to no one: the rule that decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    FullName,
    Alias,
    OnlyWithSurname,
    OnlyWithFirstName,
    OnlyHolderOfTitle,
    TitleBefore,
    TitleAfter,
    CourtesyTitle,
    OnlyHolderOfTitleNamed,
    OnlyOneIntroduced,
    NamedInPreviousSentence,
    TitleOfNamedInSentence,
    SubjectNamedMost,
    SubjectInFirstParagraph,
    Ambiguous,
}

impl Reason {
    /// Its key in the words tables, where each language words it.
    pub fn key(self) -> &'static str {
        match self {
            Reason::FullName => "reason.full_name",
            Reason::Alias => "reason.alias",
            Reason::OnlyWithSurname => "reason.only_with_surname",
            Reason::OnlyWithFirstName => "reason.only_with_first_name",
            Reason::OnlyHolderOfTitle => "reason.only_holder_of_title",
            Reason::TitleBefore => "reason.title_before",
            Reason::TitleAfter => "reason.title_after",
            Reason::CourtesyTitle => "reason.courtesy_title",
            Reason::OnlyHolderOfTitleNamed => "reason.only_holder_of_title_named",
            Reason::OnlyOneIntroduced => "reason.only_one_introduced",
            Reason::NamedInPreviousSentence => "reason.named_in_previous_sentence",
            Reason::TitleOfNamedInSentence => "reason.title_of_named_in_sentence",
            Reason::SubjectNamedMost => "reason.subject_named_most",
            Reason::SubjectInFirstParagraph => "reason.subject_in_first_paragraph",
            Reason::Ambiguous => "reason.ambiguous",
        }
    }
}

/// Not `Serialize`: its sentence is a place, and the data exports write the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Where the quoted words are, without the quotation marks ([`Place::text`]).
    pub place: Place,
    /// A person id when the speaker is a known person.
    pub person: Option<Arc<str>>,
    /// The speaker as written ("a senior Venezuelan military official"), or `None`.
    pub speaker: Option<String>,
    pub sentence: Around,
}

/// Not `Serialize`: its sentence is a place, and the data exports write the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Where it is; the text as written is there.
    pub place: Place,
    pub sentence: Around,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    /// Resolved against the article's publication date.
    pub relative: bool,
}

/// An expression that refers to time without naming a stretch of the calendar: it
/// has no range, and is never compared or placed on a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct DateReference {
    /// Where it is; the text as written is there.
    pub place: Place,
    pub sentence: Around,
    pub refers: crate::edtf::Reference,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Copy,
    LightEdit,
    Rewrite,
    PartialOverlap,
}

/// Articles that report the same story.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Story {
    /// A stable id made from the articles: `story-<first article id>`.
    pub id: String,
    /// A title for the group (the earliest article's title).
    pub title: String,
    /// Article ids, sorted.
    pub articles: Vec<String>,
    /// Shared with the dev server's cache of compared pairs, which keeps them from one
    /// rebuild to the next.
    pub pairs: Vec<Arc<Pair>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub relation: Relation,
    /// 0–1, measured on the articles' specific text (their text less the background
    /// that many articles of the briefing share).
    pub similarity: f64,
    /// The share of the text both articles use (in word 5-grams) that is background,
    /// 0–1: what they share besides the specific text that makes them one story.
    pub background: f64,
    /// Sentences of `a` and `b` aligned with each other.
    pub alignment: Vec<Aligned>,
    pub differences: Vec<Difference>,
}

/// One row of an alignment: a sentence of `a`, of `b`, or both.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Aligned {
    pub a: Option<Sentence>,
    pub b: Option<Sentence>,
    /// Similarity of the two sentences, 0–1, when both are present.
    pub similarity: Option<f64>,
    /// Word-level diff when both are present: runs of equal, removed and added words.
    pub diff: Vec<DiffRun>,
    /// Whether the row is background (text many articles of the briefing share): its
    /// sentence, or one of its two, is background. Shown, never counted in the
    /// relation.
    pub background: bool,
}

/// A sentence of an article: bytes `start..end` of paragraph `paragraph`'s text. It
/// does not hold the text: the alignments would hold every compared sentence twice
/// over (as the sentence and in its word diff).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Sentence {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    /// The sentence's text in `article`, the article it was found in.
    pub fn text<'a>(&self, article: &'a crate::content::Article) -> &'a str {
        article.paragraph_slice(self.paragraph, self.start..self.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DiffRun {
    pub op: DiffOp,
    /// Bytes of the sentence of `a` (equal and removed words) or of `b` (added words).
    pub start: u32,
    pub end: u32,
}

impl DiffRun {
    /// The run's words, given the two sentences it was made from.
    pub fn text<'a>(&self, a: &'a str, b: &'a str) -> &'a str {
        let side = if self.op == DiffOp::Insert { b } else { a };
        side.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    QuoteWording,
    Number,
    Date,
    OnlyIn,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// The side in `a` (absent for a statement only in `b`).
    pub a: Option<Side>,
    pub b: Option<Side>,
    /// What differs, as data: "32 vs at least 32" once worded.
    pub summary: Summary,
}

/// What a difference or a disagreement says differs, as data rather than words: the
/// pages, the report and the exports word it in the briefing's language
/// (`render::i18n::Words::summary`), naming the articles as each of them names them.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Summary {
    /// Both sides quote, in other words.
    Reworded,
    /// One side quotes what the other reports without quotation marks.
    Paraphrased { quoted: Which },
    /// Each number of the sentence that differs, as each side states it.
    Numbers(Vec<NumberChange>),
    /// Each date of the sentence that differs, as each side writes and means it.
    Dates(Vec<DateChange>),
    /// A statement only one side makes.
    OnlyIn { side: Which },
    /// The same quoted words given to another speaker: each side's speaker as written.
    Speaker { a: String, b: String },
    /// Words one side adds inside a sentence both have ("as stated by a former police
    /// officer"): a fact only in that side, the parts apart joined by " … ".
    Added { side: Which, words: String },
    /// The counts the sources of one event give, each once, in the sources' order.
    Counts(Vec<String>),
}

impl Summary {
    /// Fewer bytes than any wording of it has: the text it carries, without the words
    /// around it or the articles' names (what a data export's plan counts, unworded).
    pub fn least_len(&self) -> usize {
        match self {
            Summary::Reworded | Summary::Paraphrased { .. } | Summary::OnlyIn { .. } => 0,
            Summary::Numbers(changes) => (changes.iter())
                .map(|c| {
                    let counted = c.counted.as_ref().map_or(0, |(x, y)| x.len() + y.len());
                    c.a.len() + c.b.len() + counted
                })
                .sum(),
            Summary::Dates(changes) => (changes.iter())
                .map(|c| c.a.text.len() + c.b.text.len())
                .sum(),
            Summary::Counts(counts) => counts.iter().map(String::len).sum(),
            Summary::Added { words, .. } => words.len(),
            Summary::Speaker { a, b } => a.len() + b.len(),
        }
    }
}

/// One side of a pair, or the first or second claim of a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Which {
    A,
    B,
}

impl Which {
    pub fn other(self) -> Which {
        match self {
            Which::A => Which::B,
            Which::B => Which::A,
        }
    }
}

/// A number stated differently: each side's value with its qualifier ("at least 32").
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct NumberChange {
    pub a: String,
    pub b: String,
    /// What each side counts, as written, when the two count different things; an
    /// empty one when a side does not say.
    pub counted: Option<(String, String)>,
}

/// A date written differently: each side's words and the days they mean.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DateChange {
    pub a: DateSaid,
    pub b: DateSaid,
    /// The same moment given to another precision ("late January" and "Jan. 26"), not
    /// two moments.
    pub finer: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DateSaid {
    /// As written.
    pub text: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Side {
    pub article: String,
    pub paragraph: usize,
    /// The sentence the side is in: bytes `start..end` of the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// What is compared: the sentence, or the quoted words in it.
    pub text: String,
}

/// An event whose sources date it differently.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Conflict {
    /// The curated event id, or `None` for a conflict found between aligned sentences.
    pub event: Option<String>,
    pub claims: Vec<DateClaim>,
}

/// Sources of one curated event that say it differently: a count that differs in value
/// or qualifier, or a quote worded differently (or quoted by one, paraphrased by the
/// other). Each claim is what one source says, as the date conflict lists each date.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Disagreement {
    pub event: String,
    /// `number` or `quote_wording`.
    pub kind: DifferenceKind,
    /// What differs ("at least 32 vs 32" once worded); its sides are the first two
    /// claims.
    pub summary: Summary,
    pub claims: Vec<Claim>,
}

/// What one source says, where.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Claim {
    pub article: String,
    pub paragraph: usize,
    /// As written: the number with its qualifier and what it counts, or the quoted words.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DateClaim {
    pub article: String,
    pub paragraph: usize,
    /// The date expression as written.
    pub text: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl DateClaim {
    /// What date `d`, found in `article`, claims, for a conflict.
    pub(super) fn of(d: &DateMention, article: &crate::content::Article) -> Self {
        DateClaim {
            article: d.place.article.to_string(),
            paragraph: d.place.paragraph,
            text: d.place.text(article).to_string(),
            start: d.start,
            end: d.end,
            precision: d.precision,
        }
    }
}

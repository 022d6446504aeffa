//! The *content* of a briefing as typed data: its articles, outlets, people, timeline
//! events and curated comparisons, each carrying the spans it was read from. The loader
//! builds it; every later stage only reads it.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::config::Config;
use crate::edtf::Edtf;
use crate::markdown::{Block, BlockKind};
use crate::source::{FileId, Span, Text};

/// A whole briefing, loaded and cross-checked.
#[derive(Debug, Clone)]
pub struct Briefing {
    pub config: Config,
    /// Sorted by id.
    pub articles: Vec<Article>,
    pub outlets: BTreeMap<String, Outlet>,
    /// Sorted by id.
    pub people: Vec<Person>,
    /// In date order, then by id.
    pub events: Vec<Event>,
    /// Sorted by id.
    pub comparisons: Vec<Comparison>,
    /// Where each article is in `articles`: pages and the analysis look articles up by
    /// id many thousand times, and the ids of one saga share long beginnings that a
    /// binary search compares again and again.
    pub article_positions: Positions,
}

/// Where each item of a list sorted by id is, by a hash of its id: made when first
/// asked for and only a hint, each answer checked against the list, so that a list
/// changed since (sorted, an item added or removed) costs a binary search, never a
/// wrong answer.
#[derive(Clone, Default)]
pub struct Positions(std::sync::OnceLock<rustc_hash::FxHashMap<u64, usize>>);

/// A hint says nothing of the briefing: two briefings that differ only in which
/// hints were made show the same.
impl std::fmt::Debug for Positions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Positions")
    }
}

impl Positions {
    fn key(id: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(id)
    }

    /// Where the item of `list` whose id is `id` is.
    fn find<T>(&self, list: &[T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<usize> {
        let hint = self.0.get_or_init(|| {
            let keys = list
                .iter()
                .enumerate()
                .map(|(i, x)| (Self::key(id_of(x)), i));
            keys.collect()
        });
        match hint.get(&Self::key(id)) {
            Some(&i) if list.get(i).is_some_and(|x| id_of(x) == id) => Some(i),
            _ => list.binary_search_by(|x| id_of(x).cmp(id)).ok(),
        }
    }
}

impl Briefing {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_position(id).map(|i| &self.articles[i])
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_position(id).map(|i| &self.people[i])
    }

    /// Where the person `id` is in `people`.
    pub fn person_position(&self, id: &str) -> Option<usize> {
        self.people.binary_search_by(|p| p.id.as_str().cmp(id)).ok()
    }

    /// Where the article `id` is in `articles`.
    pub fn article_position(&self, id: &str) -> Option<usize> {
        self.article_positions
            .find(&self.articles, id, |a| a.id.as_str())
    }

    /// How many articles, people, events and comparisons are drafts.
    pub fn drafts(&self) -> usize {
        self.articles.iter().filter(|a| a.draft).count()
            + self.people.iter().filter(|p| p.draft).count()
            + self.events.iter().filter(|e| e.draft).count()
            + self.comparisons.iter().filter(|c| c.draft).count()
    }

    /// Leaves the drafts out: what a build publishes unless it is asked for drafts.
    /// Nothing else cites a draft (the loader reports such a citation as an error), so
    /// what is left is whole.
    pub fn drop_drafts(&mut self) {
        self.articles.retain(|a| !a.draft);
        self.article_positions = Positions::default();
        self.people.retain(|p| !p.draft);
        self.events.retain(|e| !e.draft);
        self.comparisons.retain(|c| !c.draft);
    }
}

/// When an article was published: a day, and the time when the article gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    pub time: Option<DateTime<FixedOffset>>,
    /// The article does not state it: the editor worked it out (`2026-02-21?` in the
    /// front matter, EDTF's mark of an uncertain date). Every page that shows it says
    /// so, so that a reader does not take it as the source's own.
    pub assumed: bool,
}

impl Published {
    /// RFC 3339 when a time is known, else the ISO date.
    pub fn iso(&self) -> String {
        match self.time {
            Some(t) => t.to_rfc3339(),
            None => self.date.format("%Y-%m-%d").to_string(),
        }
    }

    /// The day as a reader sees it: "21 February 2026", and "(assumed)" after it when
    /// the article does not state it.
    pub fn words(&self) -> String {
        let day = crate::edtf::day_words(self.date);
        if self.assumed {
            format!("{day} (assumed)")
        } else {
            day
        }
    }

    /// A key that orders articles by publication, undated times first in their day.
    pub fn sort_key(&self) -> (NaiveDate, i64) {
        (self.date, self.time.map_or(i64::MIN, |t| t.timestamp()))
    }
}

#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem: `[a-z0-9-]+`.
    pub id: String,
    pub file: FileId,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Published,
    pub author: Option<String>,
    pub url: Option<String>,
    pub derived_from: Option<String>,
    pub language: String,
    /// The Markdown body and where it starts in the file: a range of the file's text,
    /// which it shares with the source kept for diagnostics instead of a second copy.
    pub body: Text,
    pub body_offset: usize,
    /// Paragraphs and headings, in order.
    pub blocks: Vec<Block>,
    /// Where paragraph `n` is in `blocks`: `blocks[paragraph_at[n - 1]]`.
    pub paragraph_at: Vec<usize>,
    /// A hash of the file's whole text, taken when it was read: how the dev server
    /// tells an edited article from one it analysed before without hashing every
    /// article again on every save.
    pub digest: u64,
    /// Left out of a build unless it is asked for drafts; `serve` shows it, marked.
    pub draft: bool,
}

impl Article {
    /// The [`Article::digest`] of a file's text.
    pub fn digest_of(text: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        h.finish()
    }

    /// The numbered paragraphs: `paragraphs()[n - 1]` is paragraph `n`, anchor `#pn`.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
    }

    pub fn paragraph(&self, n: usize) -> Option<&Block> {
        let at = *self.paragraph_at.get(n.checked_sub(1)?)?;
        self.blocks.get(at)
    }

    /// Bytes `range` of paragraph `n`'s plain text, or nothing when either is not
    /// there: how findings and alignments, which keep byte ranges, get their text.
    pub fn paragraph_slice(&self, n: usize, range: std::ops::Range<usize>) -> &str {
        self.paragraph(n)
            .and_then(|p| p.text.get(range))
            .unwrap_or("")
    }

    pub fn paragraph_count(&self) -> usize {
        self.paragraph_at.len()
    }

    /// Where each paragraph is among `blocks`.
    pub fn index_paragraphs(blocks: &[Block]) -> Vec<usize> {
        blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Paragraph)
            .map(|(i, _)| i)
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutletKind {
    Wire,
    Newspaper,
    Broadcaster,
    Aggregator,
    Blog,
    Other,
}

#[derive(Debug, Clone)]
pub struct Outlet {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub kind: OutletKind,
    pub country: Option<String>,
}

/// A citation: a quote that must occur in the named article.
#[derive(Debug, Clone)]
pub struct SourceRef {
    pub article: String,
    pub quote: String,
    /// Where `article:` and `quote:` are written.
    pub article_span: Span,
    pub quote_span: Span,
    /// Where the quote was found: paragraph number (1-based) and byte range in its
    /// text. `None` until verified, and when the quote was not found.
    pub found: Option<Found>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub file: FileId,
    pub name: String,
    pub aliases: Vec<String>,
    pub surname: Option<String>,
    pub titles: Vec<String>,
    /// The pronouns articles refer to the person with, when the editor gives them.
    pub pronouns: Option<Pronouns>,
    pub roles: Vec<Role>,
    pub summary: String,
    pub relations: Vec<Relation>,
    pub image: Option<String>,
    /// Left out of a build unless it is asked for drafts; `serve` shows it, marked.
    pub draft: bool,
}

/// The *pronouns* a person is referred to with (`pronouns: she/her` in their curation):
/// they settle who "she said" may mean where an article does not tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pronouns {
    HeHim,
    SheHer,
    TheyThem,
}

impl Pronouns {
    /// The forms the people YAML accepts, in the order a hint lists them.
    pub const FORMS: [(&'static str, Pronouns); 3] = [
        ("he/him", Pronouns::HeHim),
        ("she/her", Pronouns::SheHer),
        ("they/them", Pronouns::TheyThem),
    ];

    /// Reads `he/him`, or its first word alone (`he`), whatever the case and spaces.
    pub fn parse(text: &str) -> Option<Pronouns> {
        let text: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        Self::FORMS
            .iter()
            .find(|(form, _)| *form == text || form.split('/').next() == Some(text.as_str()))
            .map(|&(_, p)| p)
    }
}

#[derive(Debug, Clone)]
pub struct Role {
    pub title: String,
    pub from: Option<Edtf>,
    pub to: Option<Edtf>,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Clone)]
pub struct Relation {
    pub person: String,
    pub person_span: Span,
    pub kind: String,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub file: FileId,
    pub span: Span,
    pub date: Edtf,
    pub date_span: Span,
    pub display: Option<String>,
    pub title: String,
    pub people: Vec<(String, Span)>,
    pub summary: String,
    pub sources: Vec<SourceRef>,
    /// The editor knows the sources date this event differently.
    pub disputed: bool,
    /// Left out of a build unless it is asked for drafts; `serve` shows it, marked.
    pub draft: bool,
}

impl Event {
    /// Where the event stands in the timeline: by the day it resolves to, then its
    /// end, then its id. An event known only to its month, season or year ("after the
    /// raid", January 2026) is placed at the end of that period within its first year,
    /// after the events dated to a day in it, not on its first day, which would put it
    /// before what it follows. Ranges and decades keep their first day.
    pub fn timeline_key(&self) -> (NaiveDate, NaiveDate, &str) {
        use crate::edtf::Precision;
        use chrono::Datelike;
        let d = &self.date;
        let day = match d.precision {
            Precision::Month | Precision::Season | Precision::Year => {
                let year_end = NaiveDate::from_ymd_opt(d.start.year(), 12, 31).unwrap_or(d.end);
                d.end.min(year_end).max(d.start)
            }
            _ => d.start,
        };
        (day, d.end, &self.id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Agree,
    Differ,
    OnlyOne,
    Unclear,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Differ => "differ",
            Verdict::OnlyOne => "only-one",
            Verdict::Unclear => "unclear",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub id: String,
    pub file: FileId,
    pub title: String,
    pub articles: Vec<(String, Span)>,
    pub summary: String,
    pub points: Vec<Point>,
    /// Left out of a build unless it is asked for drafts; `serve` shows it, marked.
    pub draft: bool,
}

#[derive(Debug, Clone)]
pub struct Point {
    pub topic: String,
    pub verdict: Verdict,
    pub claims: Vec<SourceRef>,
    pub note: String,
    /// The article the editor names as the one source that differs from the others
    /// (`outlier:`), where it is written; the grid finds one by itself otherwise.
    pub outlier: Option<(String, Span)>,
}

/// Whether `id` is a valid id: lowercase ASCII letters, digits and inner hyphens. Ids
/// become URL path segments and folder names, so nothing else may pass.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// A valid id made from any text: "Delcy Rodríguez" → `delcy-rodriguez`.
pub fn slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation())
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars()
        .take(80)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_hint_made_before_the_list_changed_still_finds_each_item() {
        fn id(x: &String) -> &str {
            x
        }
        let mut list: Vec<String> = ["c", "a", "b"].map(String::from).to_vec();
        let hint = Positions::default();
        assert_eq!(hint.find(&list, "a", id), Some(1));
        list.sort();
        assert_eq!(hint.find(&list, "a", id), Some(0));
        assert_eq!(hint.find(&list, "c", id), Some(2));
        list.remove(0);
        assert_eq!(hint.find(&list, "a", id), None);
        assert_eq!(hint.find(&list, "b", id), Some(0));
        list.insert(0, "aa".to_string());
        assert_eq!(hint.find(&list, "aa", id), Some(0));
        assert_eq!(hint.find(&list, "d", id), None);
    }

    #[test]
    fn ids_are_lowercase_letters_digits_and_hyphens() {
        for ok in ["a", "delcy-rodriguez", "000-raid", "x1"] {
            assert!(valid_id(ok), "{ok}");
        }
        for bad in [
            "", "A", "a_b", "../etc", "a/b", "-a", "a-", "é", "a b", "a.b",
        ] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slug("Delcy Rodríguez"), "delcy-rodriguez");
        assert_eq!(slug("  Türkiye Today: a -- test! "), "turkiye-today-a-test");
        assert_eq!(slug("Miguel Díaz-Canel"), "miguel-diaz-canel");
        assert_eq!(slug("¿?"), "");
    }
}

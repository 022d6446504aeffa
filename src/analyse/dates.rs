//! A *date expression* is a piece of text that names a day or a stretch of time, with
//! the calendar range it stands for: "Feb. 3, 2026" is one day; "April 2024" a month;
//! "2008" a year; "the late 2000s" 2007–2009; "mid-December" the 11th to the 20th; "last
//! week" the Monday-to-Sunday week before the publication week. A hand-written scanner
//! reads the words once, left to right; there is no regular expression.
//!
//! Expressions that need the publication date are *relative*, and resolved like this:
//! - a month or day without a year takes the year that puts it on or before the
//!   publication date ("mid-December" in February 2026 is December 2025), or after it
//!   when the sentence speaks of the future ("will", "upcoming") before the date;
//! - a weekday alone is the latest such day on or before the publication date, so
//!   "by Saturday morning" in an article of a Saturday is that Saturday; "last Friday"
//!   is strictly before, "next Friday" strictly after;
//! - "the week after the Jan. 3 operation" is the seven days after its anchor date;
//! - "the past 48 hours", "the last week" end on the publication date.
//!
//! Left out on purpose, because no range can honestly be given: "in recent days",
//! "recently", "for decades", durations ("two days of mourning", "a six-month
//! reprieve"). Numbers are not years unless they have four digits between 1900 and 2099
//! and are not money, percentages or counts ("$25 million", "1,000", "11 sources",
//! "the 23rd States"). "May" and "March" count as months only after a preposition such
//! as "in" or "since", or before a day or a year, so the verb is not a month.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::text::Paragraph;
use super::{DateMention, Place};
use crate::edtf::Precision;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const SHORT_MONTHS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
/// Words after which "May" and "March" are months.
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "early", "mid", "late", "during", "through",
    "from", "last", "next", "this", "between", "and", "or", "to", "before", "after",
];
/// Words after which a four-digit number is a count, not a year.
const COUNTED: &[&str] = &[
    "people",
    "troops",
    "soldiers",
    "sources",
    "prisoners",
    "detainees",
    "members",
    "votes",
    "times",
    "hours",
    "days",
    "percent",
    "million",
    "billion",
    "dollars",
    "miles",
    "km",
    "kilometres",
    "kilometers",
    "tons",
    "tonnes",
    "barrels",
    "cubans",
    "workers",
    "doctors",
    "men",
    "women",
    "children",
    "officers",
    "deaths",
    "cases",
    "units",
];
const FUTURE: &[&str] = &["will", "upcoming", "scheduled", "ll"];
/// Words that put a month in the future but not a weekday: "would reopen in June" in
/// March means this June, while "would vote on Thursday" in reported speech is as often
/// the Thursday just past.
/// Words that start another clause: a future word before them does not reach a date
/// after them ("will go ahead after Castillo outlined it on Tuesday").
const CLAUSE_STARTS: &[&str] = &[
    "after", "before", "since", "when", "because", "said", "told", "says",
];

/// Whether token `k` of `toks` starts another clause: a subordinating word, or a past
/// tense verb ("outlined") that is not a passive after "be" ("will be postponed").
fn clause_break(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].t;
    if CLAUSE_STARTS.iter().any(|c| w.eq_ignore_ascii_case(c)) {
        return true;
    }
    let passive = k.checked_sub(1).is_some_and(|p| {
        matches!(
            toks[p].t.to_ascii_lowercase().as_str(),
            "be" | "been" | "being" | "is" | "are" | "was" | "were" | "get"
        )
    });
    w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()) && !passive
}

const MODAL_FUTURE: &[&str] = &[
    "would", "could", "should", "might", "expected", "due", "promised",
];

/// A resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Value {
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
    pub(crate) precision: Precision,
    pub(crate) relative: bool,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: usize,
    e: usize,
    t: &'a str,
}

/// Words and single punctuation characters, with their offsets.
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 5);
    // A character and its length; ASCII, most of the text, is not decoded.
    let at = |i: usize| -> (char, usize) {
        if bytes[i].is_ascii() {
            (bytes[i] as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = at(i);
        if c.is_alphanumeric() {
            let s = i;
            i += len;
            while i < bytes.len() {
                let (c, len) = at(i);
                if !c.is_alphanumeric() {
                    break;
                }
                i += len;
            }
            out.push(Tok {
                s,
                e: i,
                t: &text[s..i],
            });
            continue;
        }
        if !c.is_whitespace() {
            out.push(Tok {
                s: i,
                e: i + len,
                t: &text[i..i + len],
            });
        }
        i += len;
    }
    out
}

fn capitalised(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

fn last_day(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MIN)
}

fn first_day(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The scanner over one paragraph.
struct Scanner<'a> {
    toks: Vec<Tok<'a>>,
    published: NaiveDate,
    sentences: &'a [(usize, usize)],
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, sentences: &'a [(usize, usize)], published: NaiveDate) -> Self {
        Scanner {
            toks: tokens(text),
            published,
            sentences,
        }
    }

    /// Whether a future word ("will", "upcoming") comes before token `i` in its sentence.
    fn future(&self, i: usize) -> bool {
        self.preceded_by(i, FUTURE)
    }

    /// Whether one of `words` comes before token `i` in its sentence.
    fn preceded_by(&self, i: usize, words: &[&str]) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let (start, _) = self
            .sentences
            .get(super::text::sentence_at(self.sentences, t.s))
            .copied()
            .unwrap_or((0, 0));
        let before = &self.toks[..i];
        before
            .iter()
            .enumerate()
            .rev()
            .take_while(|(k, u)| u.s >= start && !clause_break(before, *k))
            .any(|(_, u)| words.iter().any(|f| u.t.eq_ignore_ascii_case(f)))
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).map(|t| t.t)
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    /// A month name at `i`: (month, index after it, abbreviated).
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let w = self.word(i)?;
        if !capitalised(w) {
            return None;
        }
        if let Some(m) = MONTHS.iter().position(|n| w.eq_ignore_ascii_case(n)) {
            return Some((m as u32 + 1, i + 1, false));
        }
        let (_, m) = SHORT_MONTHS
            .iter()
            .find(|(n, _)| w.eq_ignore_ascii_case(n))?;
        let next = if self.word(i + 1) == Some(".") {
            i + 2
        } else {
            i + 1
        };
        Some((*m, next, true))
    }

    /// A day of the month at `i`: 3, 03, 3rd, 24th.
    fn day(&self, i: usize) -> Option<u32> {
        let w = self.word(i)?;
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        // "3,000" and "3.5" are numbers, not days.
        if matches!(self.word(i + 1), Some("," | "."))
            && self
                .word(i + 2)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()) && n.len() == 3)
        {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A year at `i`: four digits, 1900–2099, not money, a percentage or a count.
    fn year(&self, i: usize) -> Option<i32> {
        let w = self.word(i)?;
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        if !(1900..=2099).contains(&y) {
            return None;
        }
        let before = i.checked_sub(1).and_then(|p| self.word(p));
        if matches!(before, Some("$" | "€" | "£" | "#")) {
            return None;
        }
        // Glued to a number before it: "1,2026", "1.2026".
        if matches!(before, Some("," | "."))
            && i >= 2
            && self.toks[i - 1].s == self.toks[i - 2].e
            && self.toks[i].s == self.toks[i - 1].e
        {
            return None;
        }
        match self.word(i + 1) {
            Some("%") => return None,
            Some(n) if COUNTED.contains(&n.to_lowercase().as_str()) => return None,
            _ => {}
        }
        Some(y)
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        let w = self.word(i)?;
        if !capitalised(w) {
            return None;
        }
        WEEKDAYS
            .iter()
            .find(|(n, _)| w.eq_ignore_ascii_case(n))
            .map(|(_, d)| *d)
    }

    /// The year of a month (and day) given without one.
    fn infer_year(&self, i: usize, month: u32, day: Option<u32>) -> i32 {
        let p = self.published;
        let key = (month, day.unwrap_or(1));
        let now = (p.month(), if day.is_some() { p.day() } else { 1 });
        let modal = day.is_none() && self.preceded_by(i, MODAL_FUTURE);
        if self.future(i) || modal {
            if key >= now { p.year() } else { p.year() + 1 }
        } else if key <= now {
            p.year()
        } else {
            p.year() - 1
        }
    }

    /// Tries every pattern at `i`; returns the index after the expression and its value.
    fn at(&self, i: usize) -> Option<(usize, Value)> {
        self.weekday_date(i)
            .or_else(|| self.month_led(i))
            .or_else(|| self.day_led(i))
            .or_else(|| self.qualified(i))
            .or_else(|| self.the_phrase(i))
            .or_else(|| self.last_next_this(i))
            .or_else(|| self.weekday_alone(i))
            .or_else(|| self.deictic(i))
            .or_else(|| self.iso(i))
            .or_else(|| self.year_alone(i))
    }

    /// "Wednesday, April 24, 2024".
    fn weekday_date(&self, i: usize) -> Option<(usize, Value)> {
        self.weekday(i)?;
        let j = if self.word(i + 1) == Some(",") {
            i + 2
        } else {
            i + 1
        };
        let (end, v) = self.month_led(j)?;
        (v.precision == Precision::Day).then_some((end, v))
    }

    /// "Feb. 3, 2026", "January 3", "Jan. 21–31", "April 2024", "January".
    fn month_led(&self, i: usize) -> Option<(usize, Value)> {
        let (m, j, short) = self.month(i)?;
        if let Some(d) = self.day(j) {
            let mut k = j + 1;
            let mut last = d;
            if self.is(k, &["–", "-", "—"])
                && let Some(d2) = self.day(k + 1).filter(|d2| *d2 > d)
            {
                last = d2;
                k += 2;
            }
            let (y, relative, k) = match (self.word(k), self.year(k + 1)) {
                (Some(","), Some(y)) => (y, false, k + 2),
                _ => match self.year(k) {
                    Some(y) => (y, false, k + 1),
                    None => (self.infer_year(i, m, Some(d)), true, k),
                },
            };
            let start = NaiveDate::from_ymd_opt(y, m, d)?;
            let end = NaiveDate::from_ymd_opt(y, m, last)?;
            let precision = if last == d {
                Precision::Day
            } else {
                Precision::Range
            };
            return Some((
                k,
                Value {
                    start,
                    end,
                    precision,
                    relative,
                },
            ));
        }
        if let Some(y) = self.year(j) {
            return Some((j + 1, month_value(y, m, false)?));
        }
        if short {
            return None;
        }
        let name = self.word(i)?;
        if name.eq_ignore_ascii_case("may") || name.eq_ignore_ascii_case("march") {
            let cue = i.checked_sub(1).is_some_and(|p| self.is(p, MONTH_CUES));
            if !cue {
                return None;
            }
        }
        let y = self.infer_year(i, m, None);
        Some((j, month_value(y, m, true)?))
    }

    /// "3 January 2026", "24th April".
    fn day_led(&self, i: usize) -> Option<(usize, Value)> {
        let d = self.day(i)?;
        let (m, j, _) = self.month(i + 1)?;
        let (y, relative, k) = match self.year(j) {
            Some(y) => (y, false, j + 1),
            None => (self.infer_year(i, m, Some(d)), true, j),
        };
        let day = NaiveDate::from_ymd_opt(y, m, d)?;
        Some((
            k,
            Value {
                start: day,
                end: day,
                precision: Precision::Day,
                relative,
            },
        ))
    }

    /// "mid-December", "late January 2026", "early 2000s".
    fn qualified(&self, i: usize) -> Option<(usize, Value)> {
        let q = self.word(i)?;
        let part = ["early", "mid", "late"]
            .iter()
            .position(|p| q.eq_ignore_ascii_case(p))?;
        let j = if self.word(i + 1) == Some("-") {
            i + 2
        } else {
            i + 1
        };
        if let Some((after, start, end)) = self.decade(j) {
            let span = end.year() - start.year() + 1;
            let (a, b) = match part {
                0 => (0, span * 3 / 10),
                1 => (span * 3 / 10, span * 7 / 10),
                _ => (span * 7 / 10, span),
            };
            let s = NaiveDate::from_ymd_opt(start.year() + a, 1, 1)?;
            let e = NaiveDate::from_ymd_opt(start.year() + b - 1, 12, 31)?;
            return Some((
                after,
                Value {
                    start: s,
                    end: e,
                    precision: Precision::Range,
                    relative: false,
                },
            ));
        }
        let (m, k, short) = self.month(j)?;
        if short {
            return None;
        }
        let (y, relative, k) = match self.year(k) {
            Some(y) => (y, false, k + 1),
            None => (self.infer_year(i, m, None), true, k),
        };
        let last = last_day(y, m).day();
        let (a, b) = match part {
            0 => (1, 10),
            1 => (11, 20),
            _ => (21, last),
        };
        let start = NaiveDate::from_ymd_opt(y, m, a)?;
        let end = NaiveDate::from_ymd_opt(y, m, b)?;
        Some((
            k,
            Value {
                start,
                end,
                precision: Precision::Range,
                relative,
            },
        ))
    }

    /// A decade written "2000s" or "1990’s": the index after it, its first and last day.
    fn decade(&self, i: usize) -> Option<(usize, NaiveDate, NaiveDate)> {
        let w = self.word(i)?;
        let (digits, after) = match w.strip_suffix('s') {
            Some(d) => (d, i + 1),
            None if self.is(i + 1, &["’", "'"]) && self.word(i + 2) == Some("s") => (w, i + 3),
            None => return None,
        };
        if digits.len() != 4
            || !digits.ends_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let y: i32 = digits.parse().ok()?;
        if !(1900..=2090).contains(&y) {
            return None;
        }
        Some((
            after,
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y + 9, 12, 31)?,
        ))
    }

    /// Phrases that start with "the": "the 2000s", "the late 2000s", "the week after the
    /// Jan. 3 operation", "the past 48 hours", "the last week".
    fn the_phrase(&self, i: usize) -> Option<(usize, Value)> {
        if !self.is(i, &["the"]) {
            return None;
        }
        if let Some((after, start, end)) = self.decade(i + 1) {
            return Some((
                after,
                Value {
                    start,
                    end,
                    precision: Precision::Decade,
                    relative: false,
                },
            ));
        }
        if self.is(i + 1, &["early", "mid", "late"])
            && let Some(found) = self.qualified(i + 1)
            && self
                .decade(if self.word(i + 2) == Some("-") {
                    i + 3
                } else {
                    i + 2
                })
                .is_some()
        {
            return Some(found);
        }
        if self.is(i + 1, &["week", "day"]) && self.is(i + 2, &["after", "following", "before"]) {
            let j = if self.is(i + 3, &["the"]) {
                i + 4
            } else {
                i + 3
            };
            let (k, anchor) = self
                .weekday_date(j)
                .or_else(|| self.month_led(j))
                .or_else(|| self.day_led(j))?;
            let days = if self.is(i + 1, &["week"]) { 7 } else { 1 };
            let (start, end) = if self.is(i + 2, &["before"]) {
                (
                    anchor.start - Duration::days(days),
                    anchor.start - Duration::days(1),
                )
            } else {
                (
                    anchor.end + Duration::days(1),
                    anchor.end + Duration::days(days),
                )
            };
            let precision = if days == 1 {
                Precision::Day
            } else {
                Precision::Range
            };
            return Some((
                self.trailing_noun(k),
                Value {
                    start,
                    end,
                    precision,
                    relative: true,
                },
            ));
        }
        if self.is(i + 1, &["past", "last"]) {
            let p = self.published;
            let (n, unit_at) = match self.word(i + 2).and_then(|w| {
                w.parse::<i64>()
                    .ok()
                    .or_else(|| super::text::number_word(&w.to_lowercase()).map(|v| v as i64))
            }) {
                Some(n) => (n, i + 3),
                None => (1, i + 2),
            };
            let unit = self.word(unit_at)?.to_lowercase();
            if self.is(unit_at + 1, &["of"]) {
                return None;
            }
            let days = match unit.trim_end_matches('s') {
                "hour" => (n + 23) / 24,
                "day" => n,
                "week" => 7 * n,
                "month" => 30 * n,
                "year" => 365 * n,
                _ => return None,
            };
            return Some((
                unit_at + 1,
                Value {
                    start: p - Duration::days(days),
                    end: p,
                    precision: Precision::Range,
                    relative: true,
                },
            ));
        }
        if self.is(i + 1, &["weekend"]) {
            return Some((i + 2, self.weekend(0)));
        }
        None
    }

    /// After "the week after the Jan. 3", the noun it dates: "operation", "US strike".
    fn trailing_noun(&self, mut k: usize) -> usize {
        for _ in 0..3 {
            match self.word(k) {
                Some(w)
                    if w.chars().all(char::is_alphanumeric)
                        && !super::text::is_stopword(&w.to_lowercase()) =>
                {
                    k += 1
                }
                _ => break,
            }
        }
        k
    }

    /// The Saturday and Sunday on or before publication, `back` weekends earlier.
    fn weekend(&self, back: i64) -> Value {
        let p = self.published;
        let since_sat = (p.weekday().num_days_from_monday() as i64 + 2) % 7;
        let sat = p - Duration::days(since_sat + 7 * back);
        Value {
            start: sat,
            end: sat + Duration::days(1),
            precision: Precision::Range,
            relative: true,
        }
    }

    /// "last week", "next month", "this year", "last Friday", "last weekend".
    fn last_next_this(&self, i: usize) -> Option<(usize, Value)> {
        let shift: i64 = match ["last", "this", "next"]
            .iter()
            .position(|w| self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w)))
        {
            Some(k) => k as i64 - 1,
            None => return None,
        };
        let p = self.published;
        if let Some(day) = self.weekday(i + 1) {
            let d = match shift {
                -1 => on_or_before(p - Duration::days(1), day),
                1 => on_or_before(p + Duration::days(7), day),
                _ => {
                    p - Duration::days(p.weekday().num_days_from_monday() as i64)
                        + Duration::days(day.num_days_from_monday() as i64)
                }
            };
            return Some((
                i + 2,
                Value {
                    start: d,
                    end: d,
                    precision: Precision::Day,
                    relative: true,
                },
            ));
        }
        let unit = self.word(i + 1)?.to_lowercase();
        let value = match unit.as_str() {
            "week" => {
                let monday = p - Duration::days(p.weekday().num_days_from_monday() as i64)
                    + Duration::days(7 * shift);
                Value {
                    start: monday,
                    end: monday + Duration::days(6),
                    precision: Precision::Range,
                    relative: true,
                }
            }
            "month" => {
                let index = p.year() * 12 + p.month0() as i32 + shift as i32;
                let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
                let mut v = month_value(y, m, true)?;
                v.relative = true;
                v
            }
            "year" => {
                let y = p.year() + shift as i32;
                Value {
                    start: NaiveDate::from_ymd_opt(y, 1, 1)?,
                    end: NaiveDate::from_ymd_opt(y, 12, 31)?,
                    precision: Precision::Year,
                    relative: true,
                }
            }
            "weekend" => self.weekend(if shift < 0 { 1 } else { 0 }),
            _ => return None,
        };
        Some((i + 2, value))
    }

    /// "on Saturday", "Thursday’s announcement".
    fn weekday_alone(&self, i: usize) -> Option<(usize, Value)> {
        let day = self.weekday(i)?;
        let p = self.published;
        let d = if self.future(i) {
            on_or_before(p + Duration::days(6), day)
        } else {
            on_or_before(p, day)
        };
        Some((
            i + 1,
            Value {
                start: d,
                end: d,
                precision: Precision::Day,
                relative: true,
            },
        ))
    }

    /// "yesterday", "today", "tomorrow", in lower case ("Türkiye Today" is a name).
    fn deictic(&self, i: usize) -> Option<(usize, Value)> {
        let offset = match self.word(i)? {
            "yesterday" => -1,
            "today" | "tonight" => 0,
            "tomorrow" => 1,
            _ => return None,
        };
        let d = self.published + Duration::days(offset);
        Some((
            i + 1,
            Value {
                start: d,
                end: d,
                precision: Precision::Day,
                relative: true,
            },
        ))
    }

    /// "2026-01-03".
    fn iso(&self, i: usize) -> Option<(usize, Value)> {
        let y = self.year(i)?;
        if self.word(i + 1) != Some("-") || self.word(i + 3) != Some("-") {
            return None;
        }
        let two = |k: usize| {
            self.word(k)
                .filter(|w| w.len() == 2)
                .and_then(|w| w.parse::<u32>().ok())
        };
        let d = NaiveDate::from_ymd_opt(y, two(i + 2)?, two(i + 4)?)?;
        Some((
            i + 5,
            Value {
                start: d,
                end: d,
                precision: Precision::Day,
                relative: false,
            },
        ))
    }

    fn year_alone(&self, i: usize) -> Option<(usize, Value)> {
        let y = self.year(i)?;
        Some((
            i + 1,
            Value {
                start: NaiveDate::from_ymd_opt(y, 1, 1)?,
                end: NaiveDate::from_ymd_opt(y, 12, 31)?,
                precision: Precision::Year,
                relative: false,
            },
        ))
    }
}

fn month_value(y: i32, m: u32, relative: bool) -> Option<Value> {
    Some(Value {
        start: first_day(y, m)?,
        end: last_day(y, m),
        precision: Precision::Month,
        relative,
    })
}

/// The latest `day` on or before `date`.
fn on_or_before(date: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (date.weekday().num_days_from_monday() as i64 - day.num_days_from_monday() as i64)
        .rem_euclid(7);
    date - Duration::days(back)
}

/// Whether a word can start an expression: a number, or a word whose first three
/// letters are those of a month, a weekday or a starting word ("the", "last", "next",
/// "this", "early", "mid", "late", "yesterday", "today", "tomorrow", "tonight"). Most
/// words fail this test at once, so the patterns are tried on few of them.
fn may_start(word: &str) -> bool {
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    if b.len() < 3 {
        return false;
    }
    let key = [
        b[0].to_ascii_lowercase(),
        b[1].to_ascii_lowercase(),
        b[2].to_ascii_lowercase(),
    ];
    matches!(
        &key,
        b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"may"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mon"
            | b"tue"
            | b"wed"
            | b"thu"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"the"
            | b"las"
            | b"nex"
            | b"thi"
            | b"ear"
            | b"mid"
            | b"lat"
            | b"yes"
            | b"tod"
            | b"tom"
            | b"ton"
    )
}

/// The date expressions of a text: byte range and value, in order.
pub(crate) fn scan(
    text: &str,
    sentences: &[(usize, usize)],
    published: NaiveDate,
) -> Vec<(usize, usize, Value)> {
    let s = Scanner::new(text, sentences, published);
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.toks.len() {
        if !may_start(s.toks[i].t) {
            i += 1;
            continue;
        }
        match s.at(i) {
            Some((end, value)) if end > i => {
                let last = end.min(s.toks.len()) - 1;
                // A full stop after "Jan" belongs to the abbreviation, not the span's end.
                let mut e = s.toks[last].e;
                if s.toks[last].t == "." && last > i {
                    e = s.toks[last - 1].e;
                }
                out.push((s.toks[i].s, e, value));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The date expressions of one article.
pub(crate) fn article(
    article_id: &str,
    published: NaiveDate,
    paras: &[Paragraph],
) -> Vec<DateMention> {
    let mut out = Vec::new();
    // One id shared by every date found.
    let id: std::sync::Arc<str> = article_id.into();
    for para in paras {
        for (start, end, v) in scan(para.text, &para.sentences, published) {
            let (ss, se) = para.sentence(start);
            out.push(DateMention {
                place: Place {
                    article: id.clone(),
                    paragraph: para.n,
                    start,
                    end,
                },
                sentence: super::Around::new(ss, se.max(end)),
                start: v.start,
                end: v.end,
                precision: v.precision,
                relative: v.relative,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::text::sentences;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (text, start, end, precision, relative) of every expression.
    fn found(text: &str, published: &str) -> Vec<(String, String, String, Precision, bool)> {
        scan(text, &sentences(text), d(published))
            .into_iter()
            .map(|(s, e, v)| {
                (
                    text[s..e].to_string(),
                    v.start.to_string(),
                    v.end.to_string(),
                    v.precision,
                    v.relative,
                )
            })
            .collect()
    }

    #[test]
    fn table_of_date_expressions() {
        use Precision::*;
        // Published on Saturday 2026-02-21 unless the case says otherwise.
        // (text, published, [(expression, start, end, precision, relative)])
        type Found<'a> = &'a [(&'a str, &'a str, &'a str, Precision, bool)];
        let cases: &[(&str, &str, Found)] = &[
            (
                "The raid on Feb. 3, 2026, captured him.",
                "2026-02-21",
                &[("Feb. 3, 2026", "2026-02-03", "2026-02-03", Day, false)],
            ),
            (
                "It began on January 3 and on Jan. 11.",
                "2026-02-21",
                &[
                    ("January 3", "2026-01-03", "2026-01-03", Day, true),
                    ("Jan. 11", "2026-01-11", "2026-01-11", Day, true),
                ],
            ),
            (
                "Images released in April 2024.",
                "2026-02-21",
                &[("April 2024", "2024-04-01", "2024-04-30", Month, false)],
            ),
            (
                "Agreements signed in 2008 and 2014.",
                "2026-02-21",
                &[
                    ("2008", "2008-01-01", "2008-12-31", Year, false),
                    ("2014", "2014-01-01", "2014-12-31", Year, false),
                ],
            ),
            (
                "Summit on Wednesday, April 24, 2024.",
                "2026-02-21",
                &[(
                    "Wednesday, April 24, 2024",
                    "2024-04-24",
                    "2024-04-24",
                    Day,
                    false,
                )],
            ),
            (
                "He spoke on Saturday about Thursday’s vote.",
                "2026-02-21",
                &[
                    ("Saturday", "2026-02-21", "2026-02-21", Day, true),
                    ("Thursday", "2026-02-19", "2026-02-19", Day, true),
                ],
            ),
            (
                "Since mid-December, and in late January.",
                "2026-02-21",
                &[
                    ("mid-December", "2025-12-11", "2025-12-20", Range, true),
                    ("late January", "2026-01-21", "2026-01-31", Range, true),
                ],
            ),
            (
                "In early January; later in January.",
                "2026-02-21",
                &[
                    ("early January", "2026-01-01", "2026-01-10", Range, true),
                    ("January", "2026-01-01", "2026-01-31", Month, true),
                ],
            ),
            (
                "An accord from the late 2000s; the 1990s.",
                "2026-02-21",
                &[
                    ("the late 2000s", "2007-01-01", "2009-12-31", Range, false),
                    ("the 1990s", "1990-01-01", "1999-12-31", Decade, false),
                ],
            ),
            (
                "A raid last week.",
                "2026-01-10",
                &[("last week", "2025-12-29", "2026-01-04", Range, true)],
            ),
            (
                "Flights resumed the week after the Jan. 3 operation.",
                "2026-02-21",
                &[(
                    "the week after the Jan. 3 operation",
                    "2026-01-04",
                    "2026-01-10",
                    Range,
                    true,
                )],
            ),
            (
                "Candles for the past 48 hours and for the last week.",
                "2026-02-21",
                &[
                    ("the past 48 hours", "2026-02-19", "2026-02-21", Range, true),
                    ("the last week", "2026-02-14", "2026-02-21", Range, true),
                ],
            ),
            // Around a year boundary: the closest date on or before publication.
            (
                "On Dec. 30 and on Friday.",
                "2026-01-05",
                &[
                    ("Dec. 30", "2025-12-30", "2025-12-30", Day, true),
                    ("Friday", "2026-01-02", "2026-01-02", Day, true),
                ],
            ),
            (
                "The vote will be held on Jan. 3.",
                "2025-12-20",
                &[("Jan. 3", "2026-01-03", "2026-01-03", Day, true)],
            ),
            (
                // The future belongs to "go ahead", not to the past "outlined".
                "The deal will go ahead after Castillo outlined it on Tuesday.",
                "2026-02-21",
                &[("Tuesday", "2026-02-17", "2026-02-17", Day, true)],
            ),
            (
                "The vote will be postponed to March.",
                "2026-02-21",
                &[("March", "2026-03-01", "2026-03-31", Month, true)],
            ),
            (
                "The 2026 fiscal year budget.",
                "2026-02-21",
                &[("2026", "2026-01-01", "2026-12-31", Year, false)],
            ),
            (
                "Dates 3 January 2026 and 2026-01-05.",
                "2026-02-21",
                &[
                    ("3 January 2026", "2026-01-03", "2026-01-03", Day, false),
                    ("2026-01-05", "2026-01-05", "2026-01-05", Day, false),
                ],
            ),
            // Not dates.
            (
                "32 dead, $25 million, 1,000 prisoners, 11 sources, the 23rd States, 2000 troops, 1% and 1999%.",
                "2026-02-21",
                &[],
            ),
            (
                "They may leave. Türkiye Today reports. A march began.",
                "2026-02-21",
                &[],
            ),
            (
                "Since May, and in March 2025.",
                "2026-02-21",
                &[
                    ("May", "2025-05-01", "2025-05-31", Month, true),
                    ("March 2025", "2025-03-01", "2025-03-31", Month, false),
                ],
            ),
        ];
        for (text, published, expected) in cases {
            let want: Vec<_> = expected
                .iter()
                .map(|(t, s, e, p, r)| (t.to_string(), s.to_string(), e.to_string(), *p, *r))
                .collect();
            assert_eq!(found(text, published), want, "{text}");
        }
    }

    #[test]
    fn weekdays_resolve_on_or_before_publication() {
        // 2026-02-21 is a Saturday.
        let p = d("2026-02-21");
        assert_eq!(on_or_before(p, Weekday::Sat), p);
        assert_eq!(on_or_before(p, Weekday::Sun), d("2026-02-15"));
        assert_eq!(found("last Saturday", "2026-02-21")[0].1, "2026-02-14");
        assert_eq!(found("next Monday", "2026-02-21")[0].1, "2026-02-23");
    }
}

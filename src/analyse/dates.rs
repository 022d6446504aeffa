//! A *date expression* is a piece of text that names a day or a stretch of time, with
//! the calendar range it stands for: "Feb. 3, 2026" is one day; "April 2024" a month;
//! "2008" a year; "the late 2000s" 2007–2009; "mid-December" the 11th to the 20th; "last
//! week" the Monday-to-Sunday week before the publication week; "the third quarter" three
//! months; "last fall" a season. A hand-written scanner reads the words once, left to
//! right; there is no regular expression. Its words — month and weekday names, "last",
//! "ago", "hace", "a principios de" — come from the article's [`Language`] table, so one
//! scanner reads every language that has a table.
//!
//! Expressions that need the publication date are *relative*, and resolved like this:
//! - a month or day without a year takes the year that puts it nearest the publication
//!   date ("Nov. 6" in an article of 30 October is that November; "mid-December" in
//!   February is the December before), or on or after it when the sentence speaks of
//!   the future ("will", "upcoming") before the date; with a weekday ("Monday, Oct. 26")
//!   it is the nearest year in which that day is that weekday;
//! - a weekday alone is the latest such day on or before the publication date, so
//!   "by Saturday morning" in an article of a Saturday is that Saturday; "last Friday"
//!   is strictly before, "next Friday" strictly after;
//! - a quarter or half without a year ("the third quarter") is the latest one that has
//!   begun by the publication date; "the quarter" and "the latest quarter" the last
//!   one that has ended; "a year earlier" and "the year-ago quarter" the quarter just
//!   named, a year before;
//! - "two weeks ago" is the week two weeks before the publication week, "five years
//!   ago" a year; "now" and "currently" the publication day;
//! - a season is the one of the publication year ("this summer"), the last one to end
//!   before it ("last fall") or the next to begin ("next spring"); a holiday the nearest
//!   one;
//! - "the week after the Jan. 3 operation" is the seven days after its anchor date;
//! - "the past 48 hours", "the last week" end on the publication date;
//! - "the year", "that quarter", "the following month" are the period of that unit
//!   holding the date the article named last (or the one after it);
//! - a time of day is read only with its day ("10 p.m. Monday" is that Monday).
//!
//! An expression that refers to time but names no range is a *reference*
//! ([`Reference`]): "recently", "in recent days" (the past), "current", "these days"
//! (the present), "the future", "the near term" (the future), and "the year" when no
//! year was named before it. It is found and kept apart from the dates, with no range,
//! so that it dates nothing. Left out: "for decades", durations ("two days of
//! mourning", "a six-month reprieve").
//!
//! Numbers are not years unless they have four digits between 1900 and 2099, or are
//! a year in words ("nineteen ninety-six", "the year two thousand"), and are not money,
//! percentages or counts ("$25 million", "1,000", "11 sources", "the 23rd States"). "May" and "March" count as months only after a preposition such
//! as "in" or "since", or before a day or a year, so the verb is not a month.

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::text::Paragraph;
use super::{DateMention, DateReference, Place};
use crate::edtf::{Precision, Reference};
use crate::lang::{self, Class, HolidayRule, Language, Lexicon, NumericOrder, Unit, Word};

/// A resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Value {
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
    pub(crate) precision: Precision,
    pub(crate) relative: bool,
}

impl Value {
    fn day(d: NaiveDate) -> Value {
        Value {
            start: d,
            end: d,
            precision: Precision::Day,
            relative: true,
        }
    }

    fn range(start: NaiveDate, end: NaiveDate) -> Value {
        Value {
            start,
            end,
            precision: Precision::Range,
            relative: true,
        }
    }

    fn year(y: i32, relative: bool) -> Option<Value> {
        Some(Value {
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y, 12, 31)?,
            precision: Precision::Year,
            relative,
        })
    }
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: usize,
    e: usize,
    t: &'a str,
    /// The table word it is, looked up once.
    word: Option<&'static Word>,
}

impl Tok<'_> {
    fn is(&self, class: Class) -> bool {
        self.word.is_some_and(|w| w.is(class))
    }
}

/// Words and single punctuation characters, with their offsets and table words.
fn tokens<'a>(text: &'a str, lexicon: &'static Lexicon) -> Vec<Tok<'a>> {
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
            let t = &text[s..i];
            out.push(Tok {
                s,
                e: i,
                t,
                word: lexicon.word(t),
            });
            continue;
        }
        if !c.is_whitespace() {
            let t = &text[i..i + len];
            out.push(Tok {
                s: i,
                e: i + len,
                t,
                word: lexicon.word(t),
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

/// Months `months` long from month `first` (1-based) of year `y`, which may run over.
fn months_from(y: i32, first: i32, months: i32) -> Option<(NaiveDate, NaiveDate)> {
    let a = y * 12 + first - 1;
    let b = a + months - 1;
    Some((
        first_day(a.div_euclid(12), a.rem_euclid(12) as u32 + 1)?,
        last_day(b.div_euclid(12), b.rem_euclid(12) as u32 + 1),
    ))
}

/// The scanner over one paragraph.
struct Scanner<'a> {
    toks: Vec<Tok<'a>>,
    published: NaiveDate,
    sentences: &'a [(usize, usize)],
    lang: &'static Language,
    context: &'a Context,
}

/// What an article has named so far, which later expressions refer to: "a year
/// earlier" is the date just named, a year before; "a year ago" after "the third
/// quarter" is that quarter a year before.
#[derive(Debug, Default)]
pub(crate) struct Context {
    quarter: Cell<Option<Value>>,
    last: Cell<Option<Value>>,
    /// Whether the expression just read was one of these references, which is not
    /// itself referred to ("a year earlier" after "a year ago").
    derived: Cell<bool>,
}

/// The same stretch of time a year before.
fn year_before(v: Value) -> Option<Value> {
    let back = |d: NaiveDate| {
        d.with_year(d.year() - 1)
            .or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, d.month(), 28))
    };
    let end = if v.end == last_day(v.end.year(), v.end.month()) {
        last_day(v.end.year() - 1, v.end.month())
    } else {
        back(v.end)?
    };
    Some(Value {
        start: back(v.start)?,
        end,
        relative: true,
        ..v
    })
}

impl<'a> Scanner<'a> {
    fn new(
        text: &'a str,
        sentences: &'a [(usize, usize)],
        published: NaiveDate,
        lang: &'static Language,
        context: &'a Context,
    ) -> Self {
        Scanner {
            toks: tokens(text, lang.lexicon()),
            published,
            sentences,
            lang,
            context,
        }
    }

    /// Whether token `k` of `toks` starts another clause: a subordinating word, or a
    /// past tense verb ("outlined") that is not a passive after "be" ("will be
    /// postponed").
    fn clause_break(&self, toks: &[Tok], k: usize) -> bool {
        let w = toks[k].t;
        if toks[k].is(Class::ClauseStarts) {
            return true;
        }
        let Some(ending) = self.lang.past_ending else {
            return false;
        };
        let passive = k.checked_sub(1).is_some_and(|p| toks[p].is(Class::Passive));
        w.len() > 4 && w.ends_with(ending) && w.chars().all(|c| c.is_lowercase()) && !passive
    }

    /// Whether a future word ("will", "upcoming") or a verb in the future tense
    /// ("celebrará") comes before token `i` in its sentence.
    fn future(&self, i: usize) -> bool {
        self.preceded_by_or(i, Class::Future, self.lang.future_endings)
    }

    /// Where the sentence of token `i` starts (a byte offset).
    fn sentence_start(&self, i: usize) -> usize {
        let Some(t) = self.toks.get(i) else {
            return 0;
        };
        self.sentences
            .get(super::text::sentence_at(self.sentences, t.s))
            .map_or(0, |s| s.0)
    }

    /// Whether a word of `class` comes before token `i` in its clause.
    fn preceded_by(&self, i: usize, class: Class) -> bool {
        self.preceded_by_or(i, class, &[])
    }

    /// Whether a word of `class`, or a word with one of `endings`, comes before token
    /// `i` in its clause.
    fn preceded_by_or(&self, i: usize, class: Class, endings: &[&str]) -> bool {
        if i >= self.toks.len() {
            return false;
        }
        let start = self.sentence_start(i);
        let before = &self.toks[..i];
        for (k, u) in before.iter().enumerate().rev() {
            if u.s < start {
                break;
            }
            if u.is(class) {
                return true;
            }
            if endings.iter().any(|e| u.t.ends_with(e)) {
                return true;
            }
            if self.clause_break(before, k) {
                break;
            }
        }
        false
    }

    /// Whether token `i` starts its sentence, after any opening quote or bracket.
    fn starts_sentence(&self, i: usize) -> bool {
        let start = self.sentence_start(i);
        self.toks[..i]
            .iter()
            .rev()
            .take_while(|u| u.s >= start)
            .all(|u| {
                matches!(
                    u.t,
                    "\"" | "“" | "‘" | "'" | "`" | "«" | "¿" | "¡" | "(" | "—" | "–" | "-"
                )
            })
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).map(|t| t.t)
    }

    /// Whether token `i` is one of these marks.
    fn is(&self, i: usize, marks: &[&str]) -> bool {
        self.word(i).is_some_and(|w| marks.contains(&w))
    }

    /// Whether token `i` is a word of `class`.
    fn has(&self, i: usize, class: Class) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(class))
    }

    /// The table word token `i` is.
    fn table_word(&self, i: usize) -> Option<&'static Word> {
        self.toks.get(i)?.word
    }

    /// Whether the words of `phrase` are at `i`: the index after them. An apostrophe
    /// in the table stands for either apostrophe.
    fn phrase(&self, i: usize, phrase: &[&str]) -> Option<usize> {
        for (k, p) in phrase.iter().enumerate() {
            let t = self.toks.get(i + k)?;
            let same = if *p == "'" {
                matches!(t.t, "'" | "’")
            } else {
                t.word.is_some_and(|w| w.text == *p)
            };
            if !same {
                return None;
            }
        }
        Some(i + phrase.len())
    }

    /// The first of `phrases` at `i`, and the index after it.
    fn any_phrase(&self, i: usize, phrases: &[&[&str]]) -> Option<usize> {
        phrases.iter().find_map(|p| self.phrase(i, p))
    }

    /// The unit a word at `i` names.
    fn unit_at(&self, i: usize) -> Option<Unit> {
        self.table_word(i)?.unit
    }

    /// The number a numeral of up to three digits or a number word at `i` stands for.
    fn number_at(&self, i: usize) -> Option<u32> {
        let w = self.word(i)?;
        if w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 3 {
            return w.parse().ok();
        }
        self.table_word(i)?.number
    }

    /// After `i`, a hyphen is passed over ("mid-December", "third-quarter").
    fn hyphen(&self, i: usize) -> usize {
        if self.is(i, &["-", "–"]) { i + 1 } else { i }
    }

    /// After `k`, a part of the day ("night", "por la noche") is passed over.
    fn day_part(&self, k: usize) -> usize {
        self.any_phrase(k, self.lang.day_parts).unwrap_or(k)
    }

    /// After `i`, a joiner ("de", "of") is passed over.
    fn joiner(&self, i: usize) -> usize {
        if self.has(i, Class::Joiners) {
            i + 1
        } else {
            i
        }
    }

    /// Whether a name at `i` is written as the language writes it.
    fn cased(&self, w: &str) -> bool {
        !self.lang.capitalised || capitalised(w)
    }

    /// A month name at `i`: (month, index after it, abbreviated).
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let w = self.word(i)?;
        if !self.cased(w) {
            return None;
        }
        let (m, short) = self.table_word(i)?.month?;
        if !short {
            return Some((m, i + 1, false));
        }
        let next = if self.word(i + 1) == Some(".") {
            i + 2
        } else {
            i + 1
        };
        Some((m, next, true))
    }

    /// A day of the month at `i`: 3, 03, 3rd, 24th.
    fn day(&self, i: usize) -> Option<u32> {
        let w = self.word(i)?;
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "º" | "o") {
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
        // "2082.1" is a number.
        if self.word(i + 1) == Some(".")
            && self
                .toks
                .get(i + 2)
                .is_some_and(|n| n.s == self.toks[i + 1].e && n.t.as_bytes()[0].is_ascii_digit())
        {
            return None;
        }
        match self.word(i + 1) {
            Some("%") => return None,
            Some(_) if self.has(i + 1, Class::Counted) => return None,
            _ => {}
        }
        Some(y)
    }

    /// A year after a month or day: "2026", ", 2026", "de 2026".
    fn year_after(&self, k: usize) -> Option<(i32, usize)> {
        if self.word(k) == Some(",")
            && let Some(y) = self.year(k + 1)
        {
            return Some((y, k + 2));
        }
        let j = self.joiner(k);
        self.year_at(j)
    }

    /// A year in figures or in words at `i`, and the index after it.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        match self.year(i) {
            Some(y) => Some((y, i + 1)),
            None => self.spelled_year(i),
        }
    }

    /// Whether the word at `i` is one of `list`, ignoring case.
    fn one_of(&self, i: usize, list: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| list.iter().any(|x| lang::eq(w, x)))
    }

    /// A number of one or two words at `i` below a hundred ("ninety-six", "ninety
    /// six", "seven"), and the index after it.
    fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        let n = self.table_word(i)?.number?;
        if n >= 20 && n % 10 == 0 {
            let j = self.hyphen(i + 1);
            if let Some(u) = self.table_word(j).and_then(|w| w.number)
                && (1..=9).contains(&u)
                && self
                    .word(j)
                    .is_some_and(|w| !lang::eq(w, "a") && !lang::eq(w, "an"))
            {
                return Some((n + u, j + 1));
            }
        }
        (n < 100).then_some((n, i + 1))
    }

    /// A year in words: "nineteen ninety-six" (its hundreds, then the rest),
    /// "nineteen hundred", "two thousand", "two thousand and one", "dos mil dos".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let l = self.lang;
        let (first, j) = self.small_number(i)?;
        if self.one_of(j, l.thousand) && (1..=2).contains(&first) {
            let mut k = j + 1;
            if self.has(k, Class::Joiners) || self.one_of(k, &["and", "y"]) {
                k += 1;
            }
            return match self.small_number(k) {
                Some((rest, after)) => Some((first as i32 * 1000 + rest as i32, after)),
                None => Some((first as i32 * 1000, j + 1)),
            };
        }
        if !l.year_pairs || !(11..=20).contains(&first) || self.word(i + 1) == Some("-") {
            return None;
        }
        if self.one_of(j, l.hundred) && first >= 15 {
            return Some((first as i32 * 100, j + 1));
        }
        let (rest, after) = self.small_number(j)?;
        // "nineteen ninety-six", not "twenty five" or "twelve twenty" (counts).
        let y = first as i32 * 100 + rest as i32;
        (rest >= 10 && y >= 1500).then_some((y, after))
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        let w = self.word(i)?;
        if !self.cased(w) {
            return None;
        }
        self.table_word(i)?.weekday
    }

    /// The year of a month (and day) given without one: the nearest to publication,
    /// or the first on or after it when the sentence speaks of the future.
    fn infer_year(&self, i: usize, month: u32, day: Option<u32>) -> i32 {
        let p = self.published;
        let key = (month, day.unwrap_or(1));
        let now = (p.month(), if day.is_some() { p.day() } else { 1 });
        let modal = day.is_none() && self.preceded_by(i, Class::ModalFuture);
        if self.future(i) || modal {
            return if key >= now { p.year() } else { p.year() + 1 };
        }
        let since = i.checked_sub(1).is_some_and(|b| self.has(b, Class::Since));
        if since {
            return if key <= now { p.year() } else { p.year() - 1 };
        }
        // Days from publication of this year's date (months as 31 days): the latest of
        // the three years that is not too far ahead.
        let here =
            (month as i32 - p.month() as i32) * 31 + day.map_or(0, |d| d as i32 - p.day() as i32);
        let ahead = match day {
            Some(_) => AHEAD_DAYS,
            None => AHEAD_MONTHS * 31,
        };
        if here + 372 <= ahead {
            p.year() + 1
        } else if here <= ahead {
            p.year()
        } else {
            p.year() - 1
        }
    }

    /// Tries every pattern at `i`; returns the index after the expression and its value.
    fn at(&self, i: usize) -> Option<(usize, Value)> {
        self.clock_day(i)
            .or_else(|| self.weekday_date(i))
            .or_else(|| self.month_led(i))
            .or_else(|| self.day_led(i))
            .or_else(|| self.day_of_month(i))
            .or_else(|| self.numeric(i))
            .or_else(|| self.qualified(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.season(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.the_phrase(i))
            .or_else(|| self.last_next_this(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.about_ago(i))
            .or_else(|| self.weekday_alone(i))
            .or_else(|| self.deictic(i))
            .or_else(|| self.now(i))
            .or_else(|| self.iso(i))
            .or_else(|| self.year_alone(i))
    }

    /// "Wednesday, April 24, 2024"; "Monday, Oct. 26" in the nearest year in which
    /// 26 October is a Monday.
    fn weekday_date(&self, i: usize) -> Option<(usize, Value)> {
        let day = self.weekday(i)?;
        let mut j = if self.word(i + 1) == Some(",") {
            i + 2
        } else {
            i + 1
        };
        if self.has(j, Class::Articles) {
            j += 1;
        }
        let (end, mut v) = self.month_led(j).or_else(|| self.day_led(j))?;
        if v.precision != Precision::Day {
            return None;
        }
        if v.relative && v.start.weekday() != day {
            let y = v.start.year();
            let nearest = [y, y - 1, y + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, v.start.month(), v.start.day()))
                .filter(|d| d.weekday() == day)
                .min_by_key(|d| (*d - self.published).num_days().abs());
            if let Some(d) = nearest {
                v = Value::day(d);
            }
        }
        Some((end, v))
    }

    /// "Feb. 3, 2026", "January 3", "Jan. 21–31", "April 2024", "January", "enero de
    /// 2026".
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
            let (y, relative, k) = match self.year_after(k) {
                Some((y, k)) => (y, false, k),
                None => (self.infer_year(i, m, Some(d)), true, k),
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
        if let Some((y, k)) = self.year_after(j).filter(|_| self.word(j) != Some(",")) {
            return Some((k, month_value(y, m, false)?));
        }
        if short {
            return None;
        }
        if self.has(i, Class::AmbiguousMonths) {
            let cue = i
                .checked_sub(1)
                .is_some_and(|p| self.has(p, Class::MonthCues));
            if !cue {
                return None;
            }
        }
        let p = self.published;
        // "junio pasado", "septiembre próximo".
        let (y, j) = match self.shift_after(j) {
            Some(-1) if m < p.month() => (p.year(), j + 1),
            Some(-1) => (p.year() - 1, j + 1),
            Some(_) if m > p.month() => (p.year(), j + 1),
            Some(_) => (p.year() + 1, j + 1),
            None => (self.infer_year(i, m, None), j),
        };
        Some((j, month_value(y, m, true)?))
    }

    /// "3 January 2026", "24th April", "3 de enero de 2026", "the 3rd of January".
    fn day_led(&self, i: usize) -> Option<(usize, Value)> {
        let d = self.day(i)?;
        let (m, j, _) = self.month(self.joiner(i + 1))?;
        let (y, relative, k) = match self.year_after(j).filter(|_| self.word(j) != Some(",")) {
            Some((y, k)) => (y, false, k),
            None => (self.infer_year(i, m, Some(d)), true, j),
        };
        let day = NaiveDate::from_ymd_opt(y, m, d)?;
        Some((
            k,
            Value {
                relative,
                ..Value::day(day)
            },
        ))
    }

    /// "el día 13": that day of the month of the date named last, or of the
    /// publication month.
    fn day_of_month(&self, i: usize) -> Option<(usize, Value)> {
        if !self.one_of(i, self.lang.day_of_month) {
            return None;
        }
        let d = self.day(i + 1)?;
        // "el día 13 de mayo" is read from its month.
        if self.has(i + 2, Class::Joiners) && self.month(i + 3).is_some() {
            return None;
        }
        // The month of the date named last when it is one month, else the
        // publication's.
        let month = self
            .context
            .last
            .get()
            .filter(|v| (v.start.year(), v.start.month()) == (v.end.year(), v.end.month()))
            .map_or(self.published, |v| v.start);
        let (y, m) = (month.year(), month.month());
        Some((i + 2, Value::day(NaiveDate::from_ymd_opt(y, m, d)?)))
    }

    /// "3/1/2026", "03.01.26": the day or the month first, as the language writes them.
    fn numeric(&self, i: usize) -> Option<(usize, Value)> {
        let sep = self.word(i + 1)?;
        if !matches!(sep, "/" | ".") || self.word(i + 3) != Some(sep) {
            return None;
        }
        // Glued together: "3 / 1" is not a date.
        if (i..i + 4).any(|k| self.toks.get(k + 1).is_none_or(|n| n.s != self.toks[k].e)) {
            return None;
        }
        let num = |k: usize, len: std::ops::RangeInclusive<usize>| {
            self.word(k)
                .filter(|w| len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|w| w.parse::<i32>().ok())
        };
        let (a, b) = (num(i, 1..=2)?, num(i + 2, 1..=2)?);
        let y = match num(i + 4, 4..=4) {
            Some(y) => y,
            None => {
                let yy = num(i + 4, 2..=2)?;
                let century = if 2000 + yy <= self.published.year() + 10 {
                    2000
                } else {
                    1900
                };
                century + yy
            }
        };
        let (m, d) = match self.lang.numeric {
            NumericOrder::MonthFirst => (a, b),
            NumericOrder::DayFirst => (b, a),
        };
        let day = NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
        Some((
            i + 5,
            Value {
                relative: false,
                ..Value::day(day)
            },
        ))
    }

    /// "mid-December", "late January 2026", "early 2000s", "a principios de febrero".
    fn qualified(&self, i: usize) -> Option<(usize, Value)> {
        let (part, after) = self
            .lang
            .parts
            .iter()
            .enumerate()
            .find_map(|(k, phrases)| Some((k, self.any_phrase(i, phrases)?)))?;
        let j = self.hyphen(after);
        if let Some((end, v)) = self.deictic(j).or_else(|| self.weekday_alone(j)) {
            return Some((end, v));
        }
        // "early this week", "the end of last week": its first three days, its last
        // three.
        if let Some((end, v)) = self.last_next_this(j)
            && (v.end - v.start).num_days() == 6
            && self.unit_at(end - 1) == Some(Unit::Week)
        {
            let (a, b) = match part {
                0 => (0, 2),
                1 => (2, 4),
                _ => (4, 6),
            };
            return Some((
                end,
                Value::range(v.start + Duration::days(a), v.start + Duration::days(b)),
            ));
        }
        // "early next year": its first third; "late last month" its last days from the
        // 21st, as "late January"; "the end of the year" of the year named before.
        let period = self.last_next_this(j).or_else(|| {
            self.named_before(j)
                .and_then(|(end, v)| Some((end, v.ok()?)))
        });
        if let Some((end, v)) = period
            && matches!(v.precision, Precision::Year | Precision::Month)
        {
            let days = (v.end - v.start).num_days() + 1;
            let (a, b) = match (part, v.precision) {
                (0, Precision::Month) => (0, 10),
                (1, Precision::Month) => (10, 20),
                (_, Precision::Month) => (20, days),
                (0, _) => (0, days * 3 / 10),
                (1, _) => (days * 3 / 10, days * 7 / 10),
                _ => (days * 7 / 10, days),
            };
            return Some((
                end,
                Value::range(v.start + Duration::days(a), v.start + Duration::days(b - 1)),
            ));
        }
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
                    relative: false,
                    ..Value::range(s, e)
                },
            ));
        }
        if let Some(y) = self.year(j) {
            let (a, b) = match part {
                0 => (1, 4),
                1 => (5, 8),
                _ => (9, 12),
            };
            return Some((
                j + 1,
                Value {
                    relative: false,
                    ..Value::range(first_day(y, a)?, last_day(y, b))
                },
            ));
        }
        let (m, k, short) = self.month(j)?;
        if short {
            return None;
        }
        let (y, relative, k) = match self.year_after(k).filter(|_| self.word(k) != Some(",")) {
            Some((y, k)) => (y, false, k),
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
                relative,
                ..Value::range(start, end)
            },
        ))
    }

    /// "the third quarter", "third-quarter", "the first half of 1990", "the latest
    /// quarter", "this quarter", "the year-ago quarter", "el tercer trimestre".
    fn quarter(&self, i: usize) -> Option<(usize, Value)> {
        let l = self.lang;
        let mut j = i;
        // "its fourth quarter": the quarter without the possessive.
        if self.has(j, Class::Possessives) {
            return None;
        }
        let article = self.has(j, Class::Articles);
        if article {
            j += 1;
        }
        // "the 1988 third quarter", "this year's third quarter".
        let mut year_before: Option<i32> = None;
        let mut year_relative = false;
        if let Some(y) = self.year(j) {
            year_before = Some(y);
            j += 1;
        } else if let Some(k) = [Class::Last, Class::This, Class::Next]
            .iter()
            .position(|c| self.has(j, *c))
            && self.unit_at(j + 1) == Some(Unit::Year)
            && !l.genitive.is_empty()
            && let Some(after) = self.phrase(j + 2, l.genitive)
        {
            year_before = Some(self.published.year() + k as i32 - 1);
            year_relative = true;
            j = after;
        }
        // Which quarter, relative to the current one: -1 last, 0 this, None unsaid.
        let mut shift: Option<i32> = None;
        let mut latest = false;
        let mut year_ago = false;
        if self.has(j, Class::Last) {
            shift = Some(-1);
            j += 1;
        } else if self.has(j, Class::This) {
            shift = Some(0);
            j += 1;
        } else if self.has(j, Class::Next) {
            shift = Some(1);
            j += 1;
        } else if let Some(after) = self.any_phrase(j, l.latest) {
            latest = true;
            j = after;
        }
        if self.unit_at(j) == Some(Unit::Year)
            && self.is(j + 1, &["-"])
            && self.has(j + 2, Class::YearAgo)
        {
            year_ago = true;
            j += 3;
        }
        if self.has(j, Class::Fiscal) {
            j = self.hyphen(j + 1);
        }
        let ordinal = self.table_word(j).and_then(|w| w.ordinal);
        if ordinal.is_some() {
            // "the third-quarter results": "the" is the results'.
            if article && year_before.is_none() && self.is(j + 1, &["-"]) {
                return None;
            }
            j = self.hyphen(j + 1);
        }
        if year_before.is_some() && ordinal.is_none() {
            return None;
        }
        // "quarter-century", "quarter-to-quarter".
        if self.is(j + 1, &["-"]) {
            return None;
        }
        let unit = self.unit_at(j);
        let months = match unit {
            Some(Unit::Quarter) => 3,
            Some(Unit::Half) if ordinal.is_some_and(|n| n <= 2) => 6,
            _ => {
                // "the year-ago period", "year-earlier": the quarter just named, a year
                // before.
                if year_ago && (article || self.unit_at(i) == Some(Unit::Year)) {
                    let end = if self.has(j, Class::Periods) {
                        j + 1
                    } else {
                        j
                    };
                    return self.year_before(end, false);
                }
                return None;
            }
        };
        if ordinal.is_none() && shift.is_none() && !article && !year_ago && !latest {
            return None;
        }
        if let Some(n) = ordinal
            && months == 3
            && n > 4
        {
            return None;
        }
        let mut k = j + 1;
        if let Some(after) = self
            .phrase(k, l.of_the_year)
            .filter(|_| !l.of_the_year.is_empty())
        {
            k = after;
        }
        let given = if let Some(y) = year_before {
            Some((y, k))
        } else if self.has(k, Class::Joiners) {
            self.year(k + 1).map(|y| (y, k + 2)).or_else(|| {
                // "the second half of this year".
                let a = usize::from(self.has(k + 1, Class::Articles));
                let shift = [Class::Last, Class::This, Class::Next]
                    .iter()
                    .position(|c| self.has(k + 1 + a, *c))?;
                (self.unit_at(k + 2 + a) == Some(Unit::Year)).then(|| {
                    year_relative = true;
                    (self.published.year() + shift as i32 - 1, k + 3 + a)
                })
            })
        } else {
            self.year(k).map(|y| (y, k + 1))
        };
        // "the last quarter of 1999": its fourth.
        let ordinal = match (ordinal, shift, given) {
            (None, Some(-1), Some(_)) => Some(12 / months as u32),
            _ => ordinal,
        };
        if year_ago && ordinal.is_none() {
            return self.year_before(k, false);
        }
        // "the quarter", "that quarter": the one just named.
        if ordinal.is_none()
            && shift.is_none()
            && !latest
            && months == 3
            && let Some(q) = self.context.quarter.get()
        {
            return Some((k, q));
        }
        let p = self.published;
        let per_year = 12 / months;
        let current = (p.month() as i32 - 1) / months;
        // The index of the quarter (or half) since year 0.
        let index = match (given, ordinal, shift) {
            (Some((y, _)), Some(n), _) => y * per_year + n as i32 - 1,
            (None, Some(n), _) => {
                let n = n as i32 - 1;
                let this_year = p.year() * per_year + n;
                let now = p.year() * per_year + current;
                if self.future(i) {
                    if this_year >= now {
                        this_year
                    } else {
                        this_year + per_year
                    }
                } else if this_year <= now {
                    this_year
                } else {
                    this_year - per_year
                }
            }
            (_, None, Some(s)) => p.year() * per_year + current + s,
            (_, None, None) => p.year() * per_year + current - 1,
        };
        let index = if year_ago { index - per_year } else { index };
        let k = given.map_or(k, |(_, k)| k);
        let (start, end) = months_from(
            index.div_euclid(per_year),
            index.rem_euclid(per_year) * months + 1,
            months,
        )?;
        let v = Value {
            relative: given.is_none() || year_relative,
            ..Value::range(start, end)
        };
        self.context.quarter.set(Some(v));
        Some((k, v))
    }

    /// The quarter last named (or with `any`, the date last named), a year before; or
    /// the year before publication.
    fn year_before(&self, end: usize, any: bool) -> Option<(usize, Value)> {
        let named = if any {
            self.context.last.get()
        } else {
            self.context.quarter.get()
        };
        self.context.derived.set(true);
        let v = match named {
            Some(v) => year_before(v)?,
            None => Value::year(self.published.year() - 1, true)?,
        };
        Some((end, v))
    }

    /// "last fall", "this summer", "the winter of 1994", "verano de 2025".
    fn season(&self, i: usize) -> Option<(usize, Value)> {
        let l = self.lang;
        let mut j = i;
        let mut shift = None;
        let mut cue = false;
        if self.has(j, Class::Articles) {
            cue = true;
            j += 1;
        }
        if let Some(after) = self.any_phrase(j, l.this_past) {
            shift = Some(-1);
            j = after;
        } else if self.has(j, Class::Last) {
            shift = Some(-1);
            j += 1;
        } else if self.has(j, Class::This) {
            shift = Some(0);
            j += 1;
        } else if self.has(j, Class::Next) {
            shift = Some(1);
            j += 1;
        } else if let Some(after) = self
            .any_phrase(j, l.parts[0])
            .or_else(|| self.any_phrase(j, l.parts[2]))
        {
            j = after;
        }
        let w = self.word(j)?;
        let season = self.table_word(j)?.season? as i32;
        let mut k = j + 1;
        if shift.is_none() && self.has(k, Class::LastAfter) {
            shift = Some(-1);
            k += 1;
        } else if shift.is_none() && self.has(k, Class::NextAfter) {
            shift = Some(1);
            k += 1;
        }
        let given = if self.has(k, Class::Joiners) {
            self.year_at(k + 1)
        } else {
            self.year_at(k)
        };
        let preposition = i
            .checked_sub(1)
            .is_some_and(|b| self.has(b, Class::SeasonCues));
        if self.has(j, Class::AmbiguousSeasons) && shift.is_none() && given.is_none() && !cue {
            return None;
        }
        if (cue || shift.is_none()) && given.is_none() && self.has(k, Class::Joiners) {
            // "the fall of Berlin".
            return None;
        }
        if !cue && shift.is_none() && given.is_none() && !preposition && capitalised(w) {
            // "Summer" as a name, unless the sentence starts with it.
            if !self.starts_sentence(i) {
                return None;
            }
        }
        let p = self.published;
        // A season's index counts from spring of year 0; winter is of its December.
        let of = |y: i32| y * 4 + season;
        let span = |index: i32| months_from(index.div_euclid(4), index.rem_euclid(4) * 3 + 3, 3);
        let (index, k) = match given {
            Some((y, k)) => (of(y), k),
            None => {
                let index = match shift {
                    Some(-1) => {
                        // The last to end before publication.
                        let mut x = of(p.year() + 1);
                        while span(x)?.1 >= p {
                            x -= 4;
                        }
                        x
                    }
                    Some(1) => {
                        let mut x = of(p.year() - 1);
                        while span(x)?.0 <= p {
                            x += 4;
                        }
                        x
                    }
                    _ => {
                        // Winter in the first half of a year is the one that began in
                        // December before it.
                        if season == 3 && p.month() <= 6 {
                            of(p.year() - 1)
                        } else {
                            of(p.year())
                        }
                    }
                };
                (index, k)
            }
        };
        let (start, end) = span(index)?;
        Some((
            k,
            Value {
                start,
                end,
                precision: Precision::Season,
                relative: given.is_none(),
            },
        ))
    }

    /// "Thanksgiving", "Christmas Eve", "last Easter", "Navidad".
    fn holiday(&self, i: usize) -> Option<(usize, Value)> {
        let l = self.lang;
        let (shift, j) = if self.has(i, Class::Last) {
            (-1, i + 1)
        } else if self.has(i, Class::Next) {
            (1, i + 1)
        } else if self.has(i, Class::This) {
            (0, i + 1)
        } else {
            (0, i)
        };
        if l.capitalised && !self.word(j).is_some_and(capitalised) {
            return None;
        }
        let (after, rule) = l
            .holidays
            .iter()
            .find_map(|(words, rule)| Some((self.phrase(j, words)?, *rule)))?;
        let p = self.published;
        if let Some(y) = self.year(after) {
            return Some((
                after + 1,
                Value {
                    relative: false,
                    ..Value::day(holiday_in(rule, y)?)
                },
            ));
        }
        let days: Vec<NaiveDate> = (p.year() - 1..=p.year() + 1)
            .filter_map(|y| holiday_in(rule, y))
            .collect();
        let d = match shift {
            -1 => days.iter().rev().find(|d| **d < p).copied(),
            1 => days.iter().find(|d| **d > p).copied(),
            _ if self.future(i) => days.iter().find(|d| **d >= p).copied(),
            _ => days
                .iter()
                .min_by_key(|d| (**d - p).num_days().abs())
                .copied(),
        }?;
        Some((after, Value::day(d)))
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

    /// Phrases that start with an article: "the 2000s", "the late 2000s", "the week
    /// after the Jan. 3 operation", "the past 48 hours", "the last week", "the weekend".
    fn the_phrase(&self, i: usize) -> Option<(usize, Value)> {
        let l = self.lang;
        if !self.has(i, Class::Articles) {
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
        // "the late 2000s".
        if let Some(after) = l.parts.iter().find_map(|p| self.any_phrase(i + 1, p))
            && self.decade(self.hyphen(after)).is_some()
            && let Some(found) = self.qualified(i + 1)
        {
            return Some(found);
        }
        let unit = self.unit_at(i + 1);
        if matches!(unit, Some(Unit::Week | Unit::Day))
            && (self.has(i + 2, Class::After) || self.has(i + 2, Class::Before))
        {
            let mut j = self.joiner(i + 3);
            if self.has(j, Class::Articles) {
                j += 1;
            }
            let (k, anchor) = self
                .weekday_date(j)
                .or_else(|| self.month_led(j))
                .or_else(|| self.day_led(j))?;
            let days = if unit == Some(Unit::Week) { 7 } else { 1 };
            let (start, end) = if self.has(i + 2, Class::Before) {
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
            let mut v = Value::range(start, end);
            if days == 1 {
                v.precision = Precision::Day;
            }
            return Some((self.trailing_noun(k), v));
        }
        if self.has(i + 1, Class::Past) {
            let p = self.published;
            let (n, unit_at) = match self.number_at(i + 2) {
                Some(n) => (i64::from(n), i + 3),
                None => (1, i + 2),
            };
            if self.has(unit_at + 1, Class::Joiners) {
                return None;
            }
            let days = match self.unit_at(unit_at)? {
                Unit::Hour => (n + 23) / 24,
                Unit::Day => n,
                Unit::Week => 7 * n,
                Unit::Month => 30 * n,
                Unit::Year => 365 * n,
                _ => return None,
            };
            return Some((unit_at + 1, Value::range(p - Duration::days(days), p)));
        }
        if unit == Some(Unit::Weekend) {
            return Some((i + 2, self.weekend(0)));
        }
        // "la semana pasada", "el año próximo".
        if let Some(u) = unit
            && let Some(shift) = self.shift_after(i + 2)
            && let Some(v) = self.shifted_unit(u, shift)
        {
            return Some((i + 3, v));
        }
        None
    }

    /// -1 or 1 for a "last" or "next" word written after its unit.
    fn shift_after(&self, i: usize) -> Option<i64> {
        if self.has(i, Class::LastAfter) {
            Some(-1)
        } else if self.has(i, Class::NextAfter) {
            Some(1)
        } else {
            None
        }
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
        Value::range(sat, sat + Duration::days(1))
    }

    /// The week, month, year or weekend `shift` from the publication's.
    fn shifted_unit(&self, unit: Unit, shift: i64) -> Option<Value> {
        let p = self.published;
        Some(match unit {
            Unit::Week => {
                let monday = p - Duration::days(p.weekday().num_days_from_monday() as i64)
                    + Duration::days(7 * shift);
                Value::range(monday, monday + Duration::days(6))
            }
            Unit::Month => {
                let index = p.year() * 12 + p.month0() as i32 + shift as i32;
                let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
                month_value(y, m, true)?
            }
            Unit::Year => Value::year(p.year() + shift as i32, true)?,
            Unit::Weekend => self.weekend(if shift < 0 { 1 } else { 0 }),
            _ => return None,
        })
    }

    /// A weekday `shift` from the publication: -1 the last one strictly before, 1 the
    /// next strictly after, 0 the one of the publication week.
    fn shifted_weekday(&self, day: Weekday, shift: i64) -> NaiveDate {
        let p = self.published;
        match shift {
            -1 => on_or_before(p - Duration::days(1), day),
            1 => on_or_before(p + Duration::days(7), day),
            _ => {
                p - Duration::days(p.weekday().num_days_from_monday() as i64)
                    + Duration::days(day.num_days_from_monday() as i64)
            }
        }
    }

    /// "last week", "next month", "this year", "last Friday", "last weekend", "el
    /// pasado sábado", "the current year".
    fn last_next_this(&self, i: usize) -> Option<(usize, Value)> {
        let (before, after) = (self.has(i, Class::EarlierIn), self.has(i, Class::LaterIn));

        let start = if self.has(i, Class::Articles) || before || after {
            i + 1
        } else {
            i
        };
        // "This Week" in a sentence is a name.
        if self.lang.capitalised
            && self.word(start).is_some_and(capitalised)
            && self.word(start + 1).is_some_and(capitalised)
            && !self.starts_sentence(start)
        {
            return None;
        }
        let shift: i64 = if self.has(start, Class::Last) {
            -1
        } else if self.has(start, Class::This) {
            0
        } else if self.has(start, Class::Next) {
            1
        } else {
            return None;
        };
        let p = self.published;
        if (before || after) && self.has(start, Class::This) && self.unit_at(start + 1).is_none() {
            return None;
        }
        if before || after {
            // "earlier this year": the part of this year before the publication.
            let unit = self.unit_at(start + 1)?;
            let v = self.shifted_unit(unit, shift).filter(|_| shift == 0)?;
            let (a, b) = if before {
                (v.start, p.min(v.end))
            } else {
                (p.max(v.start), v.end)
            };
            return Some((start + 2, Value::range(a, b)));
        }
        if let Some(day) = self.weekday(start + 1) {
            let d = if shift == 0 && self.future(i) {
                on_or_before(p + Duration::days(6), day)
            } else {
                self.shifted_weekday(day, shift)
            };
            return Some((self.day_part(start + 2), Value::day(d)));
        }
        if let Some((m, after, false)) = self.month(start + 1) {
            // "last November": the latest November before this month.
            let y = match shift {
                -1 if m < p.month() => p.year(),
                -1 => p.year() - 1,
                1 if m > p.month() => p.year(),
                1 => p.year() + 1,
                _ => p.year(),
            };
            return Some((after, month_value(y, m, true)?));
        }
        let unit = self.unit_at(start + 1)?;
        // "el pasado mes de mayo": that month.
        if unit == Unit::Month
            && self.has(start + 2, Class::Joiners)
            && let Some((m, after, false)) = self.month(start + 3)
        {
            let y = match shift {
                -1 if m < p.month() => p.year(),
                -1 => p.year() - 1,
                1 if m > p.month() => p.year(),
                1 => p.year() + 1,
                _ => p.year(),
            };
            return Some((after, month_value(y, m, true)?));
        }
        // "the last week" ends on the publication day: the_phrase reads it.
        if start > i && shift == -1 && self.has(start, Class::Past) {
            return None;
        }
        let value = self.shifted_unit(unit, shift)?;
        Some((start + 2, value))
    }

    /// "two weeks ago", "five years ago", "a year earlier", "hace dos semanas"; not
    /// "at least a year earlier" or "more than two years ago", which have no end.
    fn ago(&self, i: usize) -> Option<(usize, Value)> {
        let l = self.lang;
        let open = l.open_ended.iter().any(|p| {
            i.checked_sub(p.len())
                .is_some_and(|b| self.phrase(b, p).is_some())
        });
        if open {
            return None;
        }
        let (n, unit, end) = if self.has(i, Class::AgoBefore) {
            let (n, j) = match self.any_phrase(i + 1, l.vague) {
                Some(after) => (0, after),
                None => (self.number_at(i + 1)?, i + 2),
            };
            let unit = self.unit_at(j)?;
            (n, unit, j + 1)
        } else {
            let mut j = i;
            let n = if let Some(after) = self.any_phrase(j, l.vague) {
                j = after - 1;
                0
            } else {
                self.number_at(j)?
            };
            let unit = self.unit_at(j + 1)?;
            if self.has(j + 2, Class::AgoAfter) {
            } else if self.has(j + 2, Class::Earlier) && unit == Unit::Year && n == 1 {
                return self.year_before(j + 3, true);
            } else {
                return None;
            }
            (n, unit, j + 3)
        };
        let p = self.published;
        let n = i64::from(n);
        let value = if n == 0 {
            // "a few days ago", "varias semanas": two to nine of them.
            let days = match unit {
                Unit::Day => 1,
                Unit::Week => 7,
                Unit::Month => 30,
                Unit::Year => 365,
                _ => return None,
            };
            Value::range(p - Duration::days(9 * days), p - Duration::days(2 * days))
        } else {
            match unit {
                Unit::Hour => Value::day(p - Duration::days(n / 24)),
                Unit::Day => Value::day(p - Duration::days(n)),
                Unit::Week => self.shifted_unit(Unit::Week, -n)?,
                Unit::Month => self.shifted_unit(Unit::Month, -n)?,
                Unit::Year if n == 1 && self.context.quarter.get().is_some() => {
                    return self.year_before(end, false);
                }
                Unit::Year => Value::year(p.year() - n as i32, true)?,
                Unit::Decade => Value::year(p.year() - 10 * n as i32, true)?,
                _ => return None,
            }
        };
        Some((end, value))
    }

    /// "on Saturday", "Thursday’s announcement", "el sábado pasado".
    fn weekday_alone(&self, i: usize) -> Option<(usize, Value)> {
        let day = self.weekday(i)?;
        if let Some(shift) = self.shift_after(i + 1) {
            return Some((
                self.day_part(i + 2),
                Value::day(self.shifted_weekday(day, shift)),
            ));
        }
        let p = self.published;
        let d = if self.future(i) {
            on_or_before(p + Duration::days(6), day)
        } else {
            on_or_before(p, day)
        };
        Some((self.day_part(i + 1), Value::day(d)))
    }

    /// "yesterday", "today", "tomorrow": in lower case, or at the start of a sentence
    /// ("Türkiye Today" is a name).
    fn deictic(&self, i: usize) -> Option<(usize, Value)> {
        let w = self.word(i)?;
        let offset = if self.has(i, Class::Yesterday) {
            -1
        } else if self.has(i, Class::Today) {
            0
        } else if self.has(i, Class::Tomorrow) {
            1
        } else {
            return None;
        };
        if capitalised(w) && !self.starts_sentence(i) {
            return None;
        }
        if i.checked_sub(1).is_some_and(|b| {
            self.has(b, Class::Articles)
                || self.has(b, Class::This)
                || self.has(b, Class::NotDeicticAfter)
        }) {
            return None;
        }
        let d = self.published + Duration::days(offset);
        let mut end = self.day_part(i + 1);
        // "today, Thursday": the weekday of the same day.
        let k = if self.word(end) == Some(",") {
            end + 1
        } else {
            end
        };
        if self.weekday(k) == Some(d.weekday()) {
            end = k + 1;
        }
        Some((end, Value::day(d)))
    }

    /// "now", "currently", "right now", "actualmente": the publication day.
    fn now(&self, i: usize) -> Option<(usize, Value)> {
        let end = self.any_phrase(i, self.lang.now)?;
        let w = self.word(i)?;
        if capitalised(w) && !self.starts_sentence(i) {
            return None;
        }
        // "the now deposed dictator": an adverb of the words after it.
        if i.checked_sub(1)
            .is_some_and(|b| self.has(b, Class::Articles))
        {
            return None;
        }
        // "now-defunct", "Now" in a name.
        if self.word(end) == Some("-")
            && self
                .toks
                .get(end)
                .is_some_and(|t| t.s == self.toks[end - 1].e)
        {
            return None;
        }
        Some((end, Value::day(self.published)))
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
                relative: false,
                ..Value::day(d)
            },
        ))
    }

    fn year_alone(&self, i: usize) -> Option<(usize, Value)> {
        if self.has(i, Class::Fiscal)
            && let Some(y) = self.year(i + 1)
        {
            return Some((i + 2, Value::year(y, false)?));
        }
        // "the 1988 period", "the 1989 quarter": a stretch of that year, which is what
        // it dates.
        if self.has(i, Class::Articles)
            && let Some(y) = self.year(i + 1)
            && (self.has(i + 2, Class::Periods) || self.unit_at(i + 2) == Some(Unit::Quarter))
        {
            return Some((i + 3, Value::year(y, false)?));
        }
        // "the 20th century": 1901 to 2000, as centuries are counted.
        let k = if self.has(i, Class::Articles) {
            i + 1
        } else {
            i
        };
        if let Some(n) = self.word(k).and_then(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            (digits.len() < w.len() && digits.len() <= 2).then(|| digits.parse::<i32>().ok())?
        }) && (1..=21).contains(&n)
            && self.one_of(k + 1, self.lang.century)
        {
            let start = NaiveDate::from_ymd_opt((n - 1) * 100 + 1, 1, 1)?;
            let end = NaiveDate::from_ymd_opt(n * 100, 12, 31)?;
            return Some((
                k + 2,
                Value {
                    relative: false,
                    ..Value::range(start, end)
                },
            ));
        }
        // "the year two thousand".
        if self.has(i, Class::Articles)
            && self.unit_at(i + 1) == Some(Unit::Year)
            && let Some((y, after)) = self.spelled_year(i + 2)
        {
            return Some((after, Value::year(y, false)?));
        }
        let (y, after) = self.year_at(i)?;
        Some((after, Value::year(y, false)?))
    }

    /// "10 p.m. Monday", "4 a.m. EDT Thursday", "9:30 a.m. yesterday": a time of day
    /// with the day it belongs to, which is what it dates. A time without a day names
    /// no day, and is not read.
    fn clock_day(&self, i: usize) -> Option<(usize, Value)> {
        let l = self.lang;
        let hour: u32 = self.word(i)?.parse().ok()?;
        if !(1..=24).contains(&hour) {
            return None;
        }
        let mut j = i + 1;
        if self.word(j) == Some(":") && self.word(j + 1).is_some_and(|m| m.len() == 2) {
            j += 2;
        }
        j = l.clock.iter().find_map(|p| self.words(j, p))?;
        if self.one_of(j, l.zones) {
            j += 1;
        }
        if self.word(j) == Some(",") {
            j += 1;
        }
        let (end, v) = self
            .weekday_alone(j)
            .or_else(|| self.deictic(j))
            .filter(|(_, v)| v.precision == Precision::Day)?;
        Some((end, v))
    }

    /// Whether the tokens at `i` are the marks and words of `phrase`, compared as
    /// written (ignoring case): "p.m." is four of them.
    fn words(&self, i: usize, phrase: &[&str]) -> Option<usize> {
        for (k, p) in phrase.iter().enumerate() {
            if !lang::eq(self.word(i + k)?, p) {
                return None;
            }
        }
        Some(i + phrase.len())
    }

    /// "almost four years ago", "nearly two weeks ago": the time ago, as it is said.
    fn about_ago(&self, i: usize) -> Option<(usize, Value)> {
        let after = self.any_phrase(i, self.lang.about)?;
        if self.has(after, Class::AgoBefore) {
            return None;
        }
        self.ago(after)
    }

    /// "the year", "that quarter", "the following month": the period of that unit
    /// that holds the date named last in the article (or the one after it); when none
    /// was named, or it is no such period, a reference to a period named before.
    fn named_before(&self, i: usize) -> Option<(usize, Result<Value, Reference>)> {
        let l = self.lang;
        if !Firsts::of_named_before(l).may_start(self.toks.get(i)?) {
            return None;
        }
        let (end, unit, shift) = l
            .named_before
            .iter()
            .find_map(|(p, u, n)| Some((self.phrase(i, p)?, *u, *n)))?;
        let w = self.word(i)?;
        if capitalised(w) && !self.starts_sentence(i) {
            return None;
        }
        // "the week of March 6": the week that holds that day; "the year ended
        // Sept. 30": the twelve months to that day, which is read on its own.
        let anchor = |k: usize| {
            self.weekday_date(k)
                .or_else(|| self.month_led(k))
                .or_else(|| self.day_led(k))
                .filter(|(_, v)| v.precision == Precision::Day)
        };
        if shift == 0
            && self.has(end, Class::Joiners)
            && let Some((_, day)) = anchor(end + 1)
        {
            return Some((end, period_of(day, unit, 0).ok_or(Reference::NamedBefore)));
        }
        if self.one_of(end, l.ended)
            && unit == Unit::Year
            && shift == 0
            && let Some((_, day)) = anchor(end + 1)
            && let Some(start) = day.start.with_year(day.start.year() - 1)
        {
            return Some((end, Ok(Value::range(start.succ_opt()?, day.start))));
        }
        if self.one_of(end, l.not_named_before)
            || self
                .word(end)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let value = self
            .context
            .last
            .get()
            .and_then(|last| period_of(last, unit, shift))
            .ok_or(Reference::NamedBefore);
        Some((end, value))
    }

    /// "recently", "the future", "current": what the phrase at `i` refers to.
    fn reference(&self, i: usize) -> Option<(usize, Reference)> {
        let l = self.lang;
        if !Firsts::of_references(l).may_start(self.toks.get(i)?) {
            return None;
        }
        let (end, r) = l
            .references
            .iter()
            .filter_map(|(p, r)| Some((self.phrase(i, p)?, *r)))
            .max_by_key(|(end, _)| *end)?;
        let w = self.word(i)?;
        // "Current TV": a name.
        if capitalised(w) && (!self.starts_sentence(i) || self.word(end).is_some_and(capitalised)) {
            return None;
        }
        // "the past 48 hours", "the past few years", "current quarter": a length of
        // time or a period, read elsewhere or not at all.
        if self.number_at(end).is_some()
            || self.unit_at(end).is_some()
            || self.has(end, Class::Fiscal)
            || self.any_phrase(end, l.vague).is_some()
            || self.word(end) == Some("-")
        {
            return None;
        }
        Some((end, r))
    }
}

/// The period of `unit` that holds all of `v`, moved `shift` of them on.
fn period_of(v: Value, unit: Unit, shift: i32) -> Option<Value> {
    let (s, e) = (v.start, v.end);
    let relative = |mut x: Value| {
        x.relative = true;
        x
    };
    match unit {
        Unit::Year if s.year() == e.year() => Value::year(s.year() + shift, true),
        Unit::Month if (s.year(), s.month()) == (e.year(), e.month()) => {
            let (a, _) = months_from(s.year(), s.month() as i32 + shift, 1)?;
            month_value(a.year(), a.month(), true)
        }
        Unit::Week if s.iso_week() == e.iso_week() => {
            let monday = on_or_before(s, Weekday::Mon) + Duration::weeks(shift.into());
            Some(relative(Value::range(monday, monday + Duration::days(6))))
        }
        Unit::Day if s == e => Some(Value::day(s + Duration::days(shift.into()))),
        Unit::Quarter if (s.month0() / 3, s.year()) == (e.month0() / 3, e.year()) => {
            let first = (s.month0() / 3 * 3) as i32 + 1 + 3 * shift;
            let (a, b) = months_from(s.year(), first, 3)?;
            Some(relative(Value::range(a, b)))
        }
        _ => None,
    }
}

/// How far ahead of publication a day or month without a year may be: news speaks more
/// of what has been than of what will be, so "Nov. 3" in an article of 30 October is
/// next week, but "April" in one of November is the April before.
const AHEAD_DAYS: i32 = 93;
const AHEAD_MONTHS: i32 = 3;

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

/// Easter Sunday of a Gregorian year (the anonymous algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// A holiday's day in year `y`.
fn holiday_in(rule: HolidayRule, y: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        HolidayRule::NthWeekday(m, n, day) if n > 0 => {
            let first = first_day(y, m)?;
            let first_such = on_or_before(first + Duration::days(6), day);
            Some(first_such + Duration::days(7 * (n as i64 - 1)))
        }
        HolidayRule::NthWeekday(m, _, day) => Some(on_or_before(last_day(y, m), day)),
        HolidayRule::Easter(offset) => Some(easter(y)? + Duration::days(offset)),
    }
}

/// Which words of a language's [`Lexicon`] may start an expression, by their id: most
/// words of a text are none of them, and the patterns are tried on few.
///
/// A word may start one when a pattern tests it at its start, and when its first three
/// letters are those of one of the words listed below, the set the scanner has always
/// tried (so "several days ago" is read through "seven", "earlier this year" through
/// "early"), which keeps what is found the same.
fn starts(lang: &'static Language) -> &'static [bool] {
    static SETS: [OnceLock<Vec<bool>>; lang::COUNT] = [const { OnceLock::new() }; lang::COUNT];
    SETS[table_index(lang)].get_or_init(|| {
        let l = lang;
        // The words both sets hold.
        let mut words: Vec<&str> = Vec::new();
        words.extend(l.months);
        words.extend(l.short_months.iter().map(|(w, _)| *w));
        words.extend(l.weekdays);
        for list in [
            l.articles,
            l.last,
            l.this,
            l.next,
            l.ago_before,
            l.yesterday,
            l.today,
            l.tomorrow,
        ] {
            words.extend(list);
        }
        for phrases in [l.now].into_iter().chain(l.parts) {
            words.extend(phrases.iter().filter_map(|p| p.first()));
        }
        words.extend(l.units.iter().map(|(w, _)| *w));
        words.extend(l.ordinals.iter().map(|(w, _)| *w));
        words.extend(l.seasons.iter().flat_map(|s| s.iter()));
        words.extend(l.holidays.iter().filter_map(|(h, _)| h.first()));
        words.extend(l.numbers.iter().map(|(w, _)| *w));
        words.extend(l.references.iter().filter_map(|(p, _)| p.first()));
        words.extend(l.named_before.iter().filter_map(|(p, _, _)| p.first()));
        words.extend(l.about.iter().filter_map(|p| p.first()));
        words.extend(l.day_of_month);
        let listed = [
            "its",
            "their",
            "su",
            "latest",
            "most",
            "comparable",
            "same",
            "fiscal",
            "early",
            "late",
        ];
        let keys: HashSet<[char; 3]> = words.iter().chain(&listed).map(|w| key(w)).collect();
        // Every word a pattern tests at its start.
        let mut first = words;
        for list in [l.earlier_in, l.later_in, l.fiscal, l.possessives] {
            first.extend(list);
        }
        for phrases in [l.latest, l.this_past, l.vague] {
            first.extend(phrases.iter().filter_map(|p| p.first()));
        }
        let lexicon = l.lexicon();
        let mut set = vec![false; lexicon.len()];
        for w in first {
            if keys.contains(&key(w))
                && let Some(word) = lexicon.word(w)
            {
                set[word.id] = true;
            }
        }
        set
    })
}

/// The first words of a list of phrases, by their ids in a language's lexicon: a
/// phrase can be at a word only when that word is one of them ([`Scanner::phrase`]
/// compares each word of a phrase with a table word's text), so the phrases are tried
/// only there. Most words a scan stops at start none of them.
struct Firsts {
    words: Vec<bool>,
    /// Whether a phrase starts with an apostrophe, which is either apostrophe.
    apostrophe: bool,
}

impl Firsts {
    fn of<'p>(lang: &'static Language, firsts: impl Iterator<Item = &'p str>) -> Firsts {
        let lexicon = lang.lexicon();
        let mut set = Firsts {
            words: vec![false; lexicon.len()],
            apostrophe: false,
        };
        for first in firsts {
            if first == "'" {
                set.apostrophe = true;
            } else if let Some(word) = lexicon.word(first)
                && word.text == first
            {
                set.words[word.id] = true;
            }
        }
        set
    }

    /// Those of `lang`'s phrases that refer back to a period named before.
    fn of_named_before(lang: &'static Language) -> &'static Firsts {
        static SETS: [OnceLock<Firsts>; lang::COUNT] = [const { OnceLock::new() }; lang::COUNT];
        SETS[table_index(lang)].get_or_init(|| {
            let firsts = lang.named_before.iter().filter_map(|(p, _, _)| p.first());
            Firsts::of(lang, firsts.copied())
        })
    }

    /// Those of `lang`'s references to time.
    fn of_references(lang: &'static Language) -> &'static Firsts {
        static SETS: [OnceLock<Firsts>; lang::COUNT] = [const { OnceLock::new() }; lang::COUNT];
        SETS[table_index(lang)].get_or_init(|| {
            let firsts = lang.references.iter().filter_map(|(p, _)| p.first());
            Firsts::of(lang, firsts.copied())
        })
    }

    fn may_start(&self, tok: &Tok) -> bool {
        tok.word.is_some_and(|w| self.words[w.id]) || self.apostrophe && matches!(tok.t, "'" | "’")
    }
}

/// Where `lang` is in [`lang::LANGUAGES`], for the sets made once per language.
fn table_index(lang: &'static Language) -> usize {
    lang::LANGUAGES
        .iter()
        .position(|l| l.code == lang.code)
        .unwrap_or(0)
}

/// A word's first three letters in lower case (fewer for a shorter word).
fn key(word: &str) -> [char; 3] {
    let mut k = ['\0'; 3];
    for (slot, c) in k.iter_mut().zip(word.chars().flat_map(char::to_lowercase)) {
        *slot = c;
    }
    k
}

fn may_start(set: &[bool], tok: &Tok) -> bool {
    if tok.t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    tok.word.is_some_and(|w| set[w.id])
}

/// What a scan of a text finds, each with its byte range, in order: its date
/// expressions with their values, and the expressions that refer to time without
/// naming a stretch of the calendar.
#[derive(Debug, Default)]
pub(crate) struct Scanned {
    pub(crate) dates: Vec<(usize, usize, Value)>,
    pub(crate) references: Vec<(usize, usize, Reference)>,
}

/// The date expressions of a text: byte range and value, in order.
#[cfg(test)]
pub(crate) fn scan(
    text: &str,
    sentences: &[(usize, usize)],
    published: NaiveDate,
    lang: &'static Language,
    context: &Context,
) -> Vec<(usize, usize, Value)> {
    scan_all(text, sentences, published, lang, context).dates
}

/// The date expressions and the references to time of a text.
pub(crate) fn scan_all(
    text: &str,
    sentences: &[(usize, usize)],
    published: NaiveDate,
    lang: &'static Language,
    context: &Context,
) -> Scanned {
    let s = Scanner::new(text, sentences, published, lang, context);
    let set = starts(lang);
    let mut out = Vec::new();
    let mut references = Vec::new();
    let mut i = 0;
    while i < s.toks.len() {
        if !may_start(set, &s.toks[i]) {
            i += 1;
            continue;
        }
        let found = s.at(i).map(|(end, v)| (end, Ok(v))).or_else(|| {
            s.named_before(i)
                .or_else(|| s.reference(i).map(|(end, r)| (end, Err(r))))
        });
        match found {
            Some((end, Err(r))) => {
                references.push((s.toks[i].s, s.toks[end - 1].e, r));
                i = end;
            }
            Some((end, Ok(value))) if end > i => {
                let last = end.min(s.toks.len()) - 1;
                // A full stop after "Jan" belongs to the abbreviation, not the span's end.
                let mut e = s.toks[last].e;
                if s.toks[last].t == "." && last > i {
                    e = s.toks[last - 1].e;
                }
                // "el 19 de mayo": the article is part of the date.
                let mut b = s.toks[i].s;
                if i > 0 && s.has(i - 1, Class::Leading) {
                    b = s.toks[i - 1].s;
                }
                out.push((b, e, value));
                let now = value.start == published && value.end == published;
                if !now && !context.derived.replace(false) {
                    context.last.set(Some(value));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    Scanned {
        dates: out,
        references,
    }
}

/// The date expressions of one article, read in its language, and its references to
/// time that name no stretch of the calendar.
pub(crate) fn article(
    article_id: &str,
    published: NaiveDate,
    lang: &'static Language,
    paras: &[Paragraph],
) -> (Vec<DateMention>, Vec<DateReference>) {
    let mut out = Vec::new();
    let mut references = Vec::new();
    // One id shared by every date found.
    let id: std::sync::Arc<str> = article_id.into();
    let context = Context::default();
    for para in paras {
        let found = scan_all(para.text, &para.sentences, published, lang, &context);
        for (start, end, refers) in found.references {
            let (ss, se) = para.sentence(start);
            references.push(DateReference {
                place: Place {
                    article: id.clone(),
                    paragraph: para.n,
                    start,
                    end,
                },
                sentence: super::Around::new(ss, se.max(end)),
                refers,
            });
        }
        for (start, end, v) in found.dates {
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
    (out, references)
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
        found_in(&lang::ENGLISH, text, published)
    }

    fn found_in(
        lang: &'static Language,
        text: &str,
        published: &str,
    ) -> Vec<(String, String, String, Precision, bool)> {
        scan(
            text,
            &sentences(text),
            d(published),
            lang,
            &Context::default(),
        )
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
            // A day ahead of publication within three months is of its year.
            (
                "Candidates must register by Jan. 14.",
                "2026-01-06",
                &[("Jan. 14", "2026-01-14", "2026-01-14", Day, true)],
            ),
            // A weekday with a date picks the year in which they agree.
            (
                "The hearing is on Monday, Oct. 26.",
                "2026-02-21",
                &[("Monday, Oct. 26", "2026-10-26", "2026-10-26", Day, true)],
            ),
            (
                "Profit in the third quarter fell from a year ago; third-quarter sales rose.",
                "2026-02-21",
                &[
                    ("the third quarter", "2025-07-01", "2025-09-30", Range, true),
                    ("a year ago", "2024-07-01", "2024-09-30", Range, true),
                    ("third-quarter", "2025-07-01", "2025-09-30", Range, true),
                ],
            ),
            (
                "In the first half of 2025 and the latest quarter.",
                "2026-02-21",
                &[
                    (
                        "the first half of 2025",
                        "2025-01-01",
                        "2025-06-30",
                        Range,
                        false,
                    ),
                    (
                        "the latest quarter",
                        "2025-10-01",
                        "2025-12-31",
                        Range,
                        true,
                    ),
                ],
            ),
            (
                "Three days ago, two weeks ago and five years ago; at least a year earlier.",
                "2026-02-21",
                &[
                    ("Three days ago", "2026-02-18", "2026-02-18", Day, true),
                    ("two weeks ago", "2026-02-02", "2026-02-08", Range, true),
                    ("five years ago", "2021-01-01", "2021-12-31", Year, true),
                ],
            ),
            (
                "Today the talks are now stalled, under the now deposed leader.",
                "2026-02-21",
                &[
                    ("Today", "2026-02-21", "2026-02-21", Day, true),
                    ("now", "2026-02-21", "2026-02-21", Day, true),
                ],
            ),
            (
                "``Today is a sad day,'' he said of The March accession.",
                "2026-02-21",
                &[
                    ("Today", "2026-02-21", "2026-02-21", Day, true),
                    ("March", "2026-03-01", "2026-03-31", Month, true),
                ],
            ),
            (
                "Since last fall, and this summer; the fall of the regime.",
                "2026-02-21",
                &[
                    ("last fall", "2025-09-01", "2025-11-30", Season, true),
                    ("this summer", "2026-06-01", "2026-08-31", Season, true),
                ],
            ),
            (
                "Released before Christmas, not by Thanksgiving.",
                "2026-02-21",
                &[
                    ("Christmas", "2025-12-25", "2025-12-25", Day, true),
                    ("Thanksgiving", "2025-11-27", "2025-11-27", Day, true),
                ],
            ),
            (
                "Filed on 3/1/2026 at 10 p.m.",
                "2026-02-21",
                &[("3/1/2026", "2026-03-01", "2026-03-01", Day, false)],
            ),
            (
                "On Wednesday night, last November, earlier this year and early next year.",
                "2026-02-21",
                &[
                    ("Wednesday night", "2026-02-18", "2026-02-18", Day, true),
                    ("last November", "2025-11-01", "2025-11-30", Month, true),
                    ("earlier this year", "2026-01-01", "2026-02-21", Range, true),
                    ("early next year", "2027-01-01", "2027-04-19", Range, true),
                ],
            ),
            (
                "By the end of 1990, in fiscal 1989 and this year's third quarter.",
                "2026-02-21",
                &[
                    ("the end of 1990", "1990-09-01", "1990-12-31", Range, false),
                    ("fiscal 1989", "1989-01-01", "1989-12-31", Year, false),
                    (
                        "this year's third quarter",
                        "2026-07-01",
                        "2026-09-30",
                        Range,
                        true,
                    ),
                ],
            ),
            // Not dates.
            (
                "He said on ABC's \"This Week\" that its quarter-century low held.",
                "2026-02-21",
                &[],
            ),
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
            // References back, times of day, years in words.
            (
                "Profit fell in the third quarter of 1989. For the year, sales rose.",
                "2026-02-21",
                &[
                    (
                        "the third quarter of 1989",
                        "1989-07-01",
                        "1989-09-30",
                        Range,
                        false,
                    ),
                    ("the year", "1989-01-01", "1989-12-31", Year, true),
                ],
            ),
            (
                "He left in March 2020 and returned the following year.",
                "2026-02-21",
                &[
                    ("March 2020", "2020-03-01", "2020-03-31", Month, false),
                    ("the following year", "2021-01-01", "2021-12-31", Year, true),
                ],
            ),
            (
                "The deadline is 9 a.m. EST Tuesday.",
                "2026-02-21",
                &[("9 a.m. EST Tuesday", "2026-02-17", "2026-02-17", Day, true)],
            ),
            ("They met at 10 p.m. in the capital.", "2026-02-21", &[]),
            (
                "It opened in nineteen ninety-six, and in the year two thousand.",
                "2026-02-21",
                &[
                    (
                        "nineteen ninety-six",
                        "1996-01-01",
                        "1996-12-31",
                        Year,
                        false,
                    ),
                    (
                        "the year two thousand",
                        "2000-01-01",
                        "2000-12-31",
                        Year,
                        false,
                    ),
                ],
            ),
            (
                "In January nineteen ninety-seven, twelve hundred people came.",
                "2026-02-21",
                &[(
                    "January nineteen ninety-seven",
                    "1997-01-01",
                    "1997-01-31",
                    Month,
                    false,
                )],
            ),
            (
                "It ended almost four years ago, in the 20th century.",
                "2026-02-21",
                &[
                    (
                        "almost four years ago",
                        "2022-01-01",
                        "2022-12-31",
                        Year,
                        true,
                    ),
                    ("the 20th century", "1901-01-01", "2000-12-31", Range, false),
                ],
            ),
            (
                "A hearing the week of March 6; for the year ended Sept. 30, 2025.",
                "2026-02-21",
                &[
                    ("the week", "2026-03-02", "2026-03-08", Range, true),
                    ("March 6", "2026-03-06", "2026-03-06", Day, true),
                    ("the year", "2024-10-01", "2025-09-30", Range, true),
                    ("Sept. 30, 2025", "2025-09-30", "2025-09-30", Day, false),
                ],
            ),
            (
                "Talks began early this week.",
                "2026-02-21",
                &[("early this week", "2026-02-16", "2026-02-18", Range, true)],
            ),
            (
                "In 2025, by the end of the year, it had closed.",
                "2026-02-21",
                &[
                    ("2025", "2025-01-01", "2025-12-31", Year, false),
                    (
                        "the end of the year",
                        "2025-09-13",
                        "2025-12-31",
                        Range,
                        true,
                    ),
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
    fn spanish_dates_are_read_from_the_spanish_table() {
        use Precision::*;
        // Published on Saturday 2026-01-10.
        type Found<'a> = &'a [(&'a str, &'a str, &'a str, Precision, bool)];
        let cases: &[(&str, Found)] = &[
            (
                "El 3 de enero de 2026, y en enero de 2025.",
                &[
                    (
                        "El 3 de enero de 2026",
                        "2026-01-03",
                        "2026-01-03",
                        Day,
                        false,
                    ),
                    ("enero de 2025", "2025-01-01", "2025-01-31", Month, false),
                ],
            ),
            (
                "Llegó el día 8 y se fue el día 12.",
                &[
                    ("el día 8", "2026-01-08", "2026-01-08", Day, true),
                    ("el día 12", "2026-01-12", "2026-01-12", Day, true),
                ],
            ),
            (
                "Lo dijo el pasado sábado; el sábado pasado; el próximo lunes.",
                &[
                    ("el pasado sábado", "2026-01-03", "2026-01-03", Day, true),
                    ("el sábado pasado", "2026-01-03", "2026-01-03", Day, true),
                    ("el próximo lunes", "2026-01-12", "2026-01-12", Day, true),
                ],
            ),
            (
                "Llegó hace dos semanas, y se irá a principios de febrero.",
                &[
                    ("hace dos semanas", "2025-12-22", "2025-12-28", Range, true),
                    (
                        "a principios de febrero",
                        "2026-02-01",
                        "2026-02-10",
                        Range,
                        true,
                    ),
                ],
            ),
            (
                "Ayer, hoy y la semana pasada; el año pasado; el 15 de diciembre.",
                &[
                    ("Ayer", "2026-01-09", "2026-01-09", Day, true),
                    ("hoy", "2026-01-10", "2026-01-10", Day, true),
                    ("la semana pasada", "2025-12-29", "2026-01-04", Range, true),
                    ("el año pasado", "2025-01-01", "2025-12-31", Year, true),
                    ("el 15 de diciembre", "2025-12-15", "2025-12-15", Day, true),
                ],
            ),
            (
                "El 10/01/2026, en el tercer trimestre, el verano pasado y en Navidad.",
                &[
                    ("El 10/01/2026", "2026-01-10", "2026-01-10", Day, false),
                    (
                        "el tercer trimestre",
                        "2025-07-01",
                        "2025-09-30",
                        Range,
                        true,
                    ),
                    ("el verano pasado", "2025-06-01", "2025-08-31", Season, true),
                    ("Navidad", "2025-12-25", "2025-12-25", Day, true),
                ],
            ),
            (
                "Actualmente hay 800 presos; a mediados de marzo de 2024.",
                &[
                    ("Actualmente", "2026-01-10", "2026-01-10", Day, true),
                    (
                        "a mediados de marzo de 2024",
                        "2024-03-11",
                        "2024-03-20",
                        Range,
                        false,
                    ),
                ],
            ),
            (
                "Hoy, sábado, y mañana; el acto se celebrará el viernes; en junio pasado.",
                &[
                    ("Hoy, sábado", "2026-01-10", "2026-01-10", Day, true),
                    ("mañana", "2026-01-11", "2026-01-11", Day, true),
                    ("el viernes", "2026-01-16", "2026-01-16", Day, true),
                    ("junio pasado", "2025-06-01", "2025-06-30", Month, true),
                ],
            ),
            (
                "A finales del pasado mes de mayo y en el último trimestre de 1999.",
                &[
                    (
                        "A finales del pasado mes de mayo",
                        "2025-05-21",
                        "2025-05-31",
                        Range,
                        true,
                    ),
                    (
                        "el último trimestre de 1999",
                        "1999-10-01",
                        "1999-12-31",
                        Range,
                        false,
                    ),
                ],
            ),
            // Not dates: "mañana" is also the morning; a count of days.
            ("Por la mañana hubo 2026 personas durante dos semanas.", &[]),
        ];
        for (text, expected) in cases {
            let got = found_in(&lang::SPANISH, text, "2026-01-10");
            let want: Vec<_> = expected
                .iter()
                .map(|(t, s, e, p, r)| (t.to_string(), s.to_string(), e.to_string(), *p, *r))
                .collect();
            assert_eq!(got, want, "{text}");
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

    /// (text, reference) of every reference to time in `text`, read in one context.
    fn references_in(lang: &'static Language, text: &str) -> Vec<(String, Reference)> {
        scan_all(
            text,
            &sentences(text),
            d("2026-02-21"),
            lang,
            &Context::default(),
        )
        .references
        .into_iter()
        .map(|(s, e, r)| (text[s..e].to_string(), r))
        .collect()
    }

    #[test]
    fn table_of_references_that_name_no_range() {
        use Reference::*;
        type Case<'a> = (&'static Language, &'a str, &'a [(&'a str, Reference)]);
        let cases: &[Case] = &[
            (
                &lang::ENGLISH,
                "Prices rose recently.",
                &[("recently", Past)],
            ),
            (
                &lang::ENGLISH,
                "In recent years the current chairman spoke of the future.",
                &[
                    ("recent years", Past),
                    ("current", Present),
                    ("the future", Future),
                ],
            ),
            (
                &lang::ENGLISH,
                "It will not happen in the near future or in the past.",
                &[("the near future", Future), ("the past", Past)],
            ),
            // With nothing named before, "the year" is a reference, not this year.
            (
                &lang::ENGLISH,
                "Sales for the year rose.",
                &[("the year", NamedBefore)],
            ),
            // Lengths of time and periods are not references.
            (
                &lang::ENGLISH,
                "in the past 48 hours, the current quarter",
                &[],
            ),
            (&lang::ENGLISH, "Current TV said so.", &[]),
            (
                &lang::SPANISH,
                "Lo dijo recientemente.",
                &[("recientemente", Past)],
            ),
            (
                &lang::SPANISH,
                "El gobierno actual lo prevé a largo plazo en estos días.",
                &[
                    ("actual", Present),
                    ("largo plazo", Future),
                    ("estos días", Present),
                ],
            ),
        ];
        for (lang, text, want) in cases {
            let got = references_in(lang, text);
            let want: Vec<(String, Reference)> =
                want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}

//! *EDTF* (Extended Date/Time Format, ISO 8601-2) level 1 is how curation writes dates:
//! a day `2026-01-03`, a month `2026-01`, a year `2026`, a season `2026-21`, digits left
//! unspecified `2026-01-XX`, qualifiers `~` (approximate), `?` (uncertain) and `%`
//! (both), and intervals `2026-01-21/2026-01-31` whose ends may be open (`..`) or
//! unknown (empty). Each value is resolved to the first and last day it may mean.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Season,
    Year,
    Decade,
    Range,
}

/// What a date expression that names no stretch of the calendar refers to: the past
/// ("recently"), the present ("current", "these days"), the future ("the near
/// future"), or a period named before it ("the year", "that quarter") that could not
/// be told. It is never given a range, so it dates nothing.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    Past,
    Present,
    Future,
    NamedBefore,
}

impl Reference {
    pub fn as_str(self) -> &'static str {
        match self {
            Reference::Past => "past",
            Reference::Present => "present",
            Reference::Future => "future",
            Reference::NamedBefore => "named_before",
        }
    }
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Range => "range",
        }
    }
}

/// A resolved EDTF value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edtf {
    /// The text as written.
    pub text: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    pub approximate: bool,
    pub uncertain: bool,
    /// For an interval: whether the start or end is open (`..`) or unknown (empty).
    pub open_start: bool,
    pub open_end: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdtfError {
    pub message: String,
}

impl fmt::Display for EdtfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

fn err(message: impl Into<String>) -> EdtfError {
    EdtfError {
        message: message.into(),
    }
}

/// The earliest and latest day an open interval end can stand for.
const MIN_DAY: (i32, u32, u32) = (1, 1, 1);
const MAX_DAY: (i32, u32, u32) = (9999, 12, 31);

/// Parses an EDTF level 1 date or interval.
pub fn parse(text: &str) -> Result<Edtf, EdtfError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(err("empty date"));
    }
    if let Some((a, b)) = trimmed.split_once('/') {
        let start = end_of_interval(a)?;
        let end = end_of_interval(b)?;
        if start.is_none() && end.is_none() {
            return Err(err("an interval needs at least one known end"));
        }
        let first = start.as_ref().map_or(ymd(MIN_DAY), |d| d.start);
        let last = end.as_ref().map_or(ymd(MAX_DAY), |d| d.end);
        if first > last {
            return Err(err(format!(
                "the interval ends before it starts ({a} is after {b})"
            )));
        }
        let any =
            |f: fn(&Single) -> bool| start.as_ref().is_some_and(f) || end.as_ref().is_some_and(f);
        return Ok(Edtf {
            text: trimmed.to_string(),
            start: first,
            end: last,
            precision: Precision::Range,
            approximate: any(|d| d.approximate),
            uncertain: any(|d| d.uncertain),
            open_start: start.is_none(),
            open_end: end.is_none(),
        });
    }
    let d = single(trimmed)?;
    Ok(Edtf {
        text: trimmed.to_string(),
        start: d.start,
        end: d.end,
        precision: d.precision,
        approximate: d.approximate,
        uncertain: d.uncertain,
        open_start: false,
        open_end: false,
    })
}

fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

struct Single {
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
    approximate: bool,
    uncertain: bool,
}

/// One end of an interval: a date, or `None` when open (`..`) or unknown (empty).
fn end_of_interval(text: &str) -> Result<Option<Single>, EdtfError> {
    match text {
        "" | ".." => Ok(None),
        t => single(t).map(Some),
    }
}

fn single(text: &str) -> Result<Single, EdtfError> {
    let (body, approximate, uncertain) = match text.as_bytes().last() {
        Some(b'~') => (&text[..text.len() - 1], true, false),
        Some(b'?') => (&text[..text.len() - 1], false, true),
        Some(b'%') => (&text[..text.len() - 1], true, true),
        _ => (text, false, false),
    };
    let parts: Vec<&str> = body.split('-').collect();
    let (start, end, precision) = match parts.as_slice() {
        [y] => year(y)?,
        [y, m] => {
            let (ys, ye, _) = year(y)?;
            if ys.year() != ye.year() {
                return Err(err(format!("`{text}`: a month needs a fully known year")));
            }
            month(ys.year(), m)?
        }
        [y, m, d] => {
            let (ys, ye, _) = year(y)?;
            if ys.year() != ye.year() {
                return Err(err(format!("`{text}`: a day needs a fully known year")));
            }
            day(ys.year(), m, d)?
        }
        _ => return Err(err(format!("`{text}` is not YYYY, YYYY-MM or YYYY-MM-DD"))),
    };
    Ok(Single {
        start,
        end,
        precision,
        approximate,
        uncertain,
    })
}

fn year(y: &str) -> Result<(NaiveDate, NaiveDate, Precision), EdtfError> {
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return Err(err(format!("`{y}` is not a four-digit year")));
    }
    // Unspecified digits must be trailing: 20XX, 202X.
    let known = y.trim_end_matches('X');
    if known.contains('X') {
        return Err(err(format!(
            "`{y}`: only trailing digits of a year may be X"
        )));
    }
    let unknown = (4 - known.len()) as u32;
    let lo: i32 = format!("{known}{}", "0".repeat(unknown as usize))
        .parse()
        .map_err(|_| err(format!("`{y}` is not a year")))?;
    let hi = lo + 10_i32.pow(unknown) - 1;
    if lo == 0 && hi == 0 {
        return Err(err("year 0000 is not supported"));
    }
    let precision = match unknown {
        0 => Precision::Year,
        1 => Precision::Decade,
        _ => Precision::Range,
    };
    Ok((ymd((lo.max(1), 1, 1)), ymd((hi, 12, 31)), precision))
}

fn month(y: i32, m: &str) -> Result<(NaiveDate, NaiveDate, Precision), EdtfError> {
    if m == "XX" {
        return Ok((ymd((y, 1, 1)), ymd((y, 12, 31)), Precision::Year));
    }
    let n: u32 = two_digits(m)?;
    match n {
        1..=12 => Ok((ymd((y, n, 1)), last_day(y, n), Precision::Month)),
        // Seasons (level 1): spring, summer, autumn, winter, as months of the northern
        // hemisphere; winter runs into the next year.
        21 => Ok((ymd((y, 3, 1)), last_day(y, 5), Precision::Season)),
        22 => Ok((ymd((y, 6, 1)), last_day(y, 8), Precision::Season)),
        23 => Ok((ymd((y, 9, 1)), last_day(y, 11), Precision::Season)),
        24 => Ok((ymd((y, 12, 1)), last_day(y + 1, 2), Precision::Season)),
        _ => Err(err(format!(
            "`{m}` is not a month (01–12) or season (21–24)"
        ))),
    }
}

fn day(y: i32, m: &str, d: &str) -> Result<(NaiveDate, NaiveDate, Precision), EdtfError> {
    if m == "XX" {
        if d != "XX" {
            return Err(err("a day cannot be known when its month is not"));
        }
        return Ok((ymd((y, 1, 1)), ymd((y, 12, 31)), Precision::Year));
    }
    let n = two_digits(m)?;
    if !(1..=12).contains(&n) {
        return Err(err(format!("`{m}` is not a month (01–12)")));
    }
    if d == "XX" {
        return Ok((ymd((y, n, 1)), last_day(y, n), Precision::Month));
    }
    let day = two_digits(d)?;
    let date = NaiveDate::from_ymd_opt(y, n, day)
        .ok_or_else(|| err(format!("{y:04}-{n:02} has no day {day}")))?;
    Ok((date, date, Precision::Day))
}

fn two_digits(s: &str) -> Result<u32, EdtfError> {
    if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(format!("`{s}` is not two digits")));
    }
    Ok(s.parse().expect("two ASCII digits"))
}

fn last_day(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd((ny, nm, 1)).pred_opt().expect("a day before the first")
}

/// The English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize).clamp(1, 12) - 1]
}

impl Edtf {
    /// A reader's wording of the date, from its precision: "3 January 2026",
    /// "January 2026", "about 2026", "21–31 January 2026", "2026?".
    pub fn wording(&self) -> String {
        let base = match self.precision {
            Precision::Day => day_words(self.start),
            Precision::Month => format!("{} {}", month_name(self.start.month()), self.start.year()),
            Precision::Season => {
                let season = match self.start.month() {
                    3 => "Spring",
                    6 => "Summer",
                    9 => "Autumn",
                    _ => "Winter",
                };
                format!("{season} {}", self.start.year())
            }
            Precision::Year => self.start.year().to_string(),
            Precision::Decade => format!("the {}s", self.start.year()),
            Precision::Range => self.range_words(),
        };
        let base = if self.approximate && self.precision != Precision::Range {
            format!("about {base}")
        } else {
            base
        };
        if self.uncertain && self.precision != Precision::Range {
            format!("{base} (uncertain)")
        } else {
            base
        }
    }

    fn range_words(&self) -> String {
        let (s, e) = (self.start, self.end);
        match (self.open_start, self.open_end) {
            (true, _) => format!("until {}", day_words(e)),
            (_, true) => format!("from {}", day_words(s)),
            _ => span_words(s, e),
        }
    }

    /// Whether a single day falls inside this date.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// A span of days as a reader would say it: whole months and years by name
/// ("October 2024", "2017 – 2019", "June – August 2024"), and a day range without
/// repeating its month and year ("1–7 July 2024").
pub fn span_words(start: NaiveDate, end: NaiveDate) -> String {
    let month = |d: NaiveDate| month_name(d.month());
    let first_of_month = start.day() == 1;
    let last_of_month = end.succ_opt().is_none_or(|next| next.day() == 1);
    if start == end {
        day_words(start)
    } else if first_of_month && last_of_month && start.month() == 1 && end.month() == 12 {
        if start.year() == end.year() {
            start.year().to_string()
        } else {
            format!("{} – {}", start.year(), end.year())
        }
    } else if first_of_month && last_of_month {
        match (start.year() == end.year(), start.month() == end.month()) {
            (true, true) => format!("{} {}", month(start), start.year()),
            (true, false) => format!("{} – {} {}", month(start), month(end), end.year()),
            _ => format!(
                "{} {} – {} {}",
                month(start),
                start.year(),
                month(end),
                end.year()
            ),
        }
    } else if start.year() == end.year() && start.month() == end.month() {
        format!(
            "{}–{} {} {}",
            start.day(),
            end.day(),
            month(end),
            end.year()
        )
    } else if start.year() == end.year() {
        format!("{} {} – {}", start.day(), month(start), day_words(end))
    } else {
        format!("{} – {}", day_words(start), day_words(end))
    }
}

/// A day as a reader would say it: "3 January 2026".
pub fn day_words(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_of_days_is_said_as_briefly_as_it_is_exact() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let table = [
            ((d(2024, 7, 14), d(2024, 7, 14)), "14 July 2024"),
            ((d(2024, 10, 1), d(2024, 10, 31)), "October 2024"),
            ((d(2024, 2, 1), d(2024, 2, 29)), "February 2024"),
            ((d(2024, 6, 1), d(2024, 8, 31)), "June – August 2024"),
            (
                (d(2024, 12, 1), d(2025, 1, 31)),
                "December 2024 – January 2025",
            ),
            ((d(2020, 1, 1), d(2020, 12, 31)), "2020"),
            ((d(2017, 1, 1), d(2019, 12, 31)), "2017 – 2019"),
            ((d(2024, 7, 1), d(2024, 7, 7)), "1–7 July 2024"),
            ((d(2024, 7, 29), d(2024, 8, 4)), "29 July – 4 August 2024"),
            (
                (d(2024, 12, 30), d(2025, 1, 5)),
                "30 December 2024 – 5 January 2025",
            ),
            ((d(2024, 2, 2), d(2024, 2, 29)), "2–29 February 2024"),
        ];
        for ((start, end), words) in table {
            assert_eq!(crate::edtf::span_words(start, end), words, "{start}/{end}");
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn table_of_valid_dates() {
        let cases = [
            (
                "2026-01-03",
                "2026-01-03",
                "2026-01-03",
                Precision::Day,
                false,
                false,
            ),
            (
                "2026-01",
                "2026-01-01",
                "2026-01-31",
                Precision::Month,
                false,
                false,
            ),
            (
                "2024-02",
                "2024-02-01",
                "2024-02-29",
                Precision::Month,
                false,
                false,
            ),
            (
                "2026",
                "2026-01-01",
                "2026-12-31",
                Precision::Year,
                false,
                false,
            ),
            (
                "2026-01~",
                "2026-01-01",
                "2026-01-31",
                Precision::Month,
                true,
                false,
            ),
            (
                "2026-01-03?",
                "2026-01-03",
                "2026-01-03",
                Precision::Day,
                false,
                true,
            ),
            (
                "2026%",
                "2026-01-01",
                "2026-12-31",
                Precision::Year,
                true,
                true,
            ),
            (
                "200X",
                "2000-01-01",
                "2009-12-31",
                Precision::Decade,
                false,
                false,
            ),
            (
                "2026-XX",
                "2026-01-01",
                "2026-12-31",
                Precision::Year,
                false,
                false,
            ),
            (
                "2026-01-XX",
                "2026-01-01",
                "2026-01-31",
                Precision::Month,
                false,
                false,
            ),
            (
                "2026-21",
                "2026-03-01",
                "2026-05-31",
                Precision::Season,
                false,
                false,
            ),
            (
                "2025-24",
                "2025-12-01",
                "2026-02-28",
                Precision::Season,
                false,
                false,
            ),
            (
                "2026-01-21/2026-01-31",
                "2026-01-21",
                "2026-01-31",
                Precision::Range,
                false,
                false,
            ),
            (
                "2025-12~/2026-01",
                "2025-12-01",
                "2026-01-31",
                Precision::Range,
                true,
                false,
            ),
            (
                "2026-01-08/..",
                "2026-01-08",
                "9999-12-31",
                Precision::Range,
                false,
                false,
            ),
            (
                "/2026-01-08",
                "0001-01-01",
                "2026-01-08",
                Precision::Range,
                false,
                false,
            ),
        ];
        for (text, start, end, precision, approximate, uncertain) in cases {
            let e = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (e.start, e.end, e.precision, e.approximate, e.uncertain),
                (d(start), d(end), precision, approximate, uncertain),
                "{text}"
            );
        }
    }

    #[test]
    fn table_of_invalid_dates() {
        for text in [
            "",
            "26",
            "2026-13",
            "2026-02-30",
            "2026-1-3",
            "Jan 2026",
            "2026-01-03/2025-12-01",
            "../..",
            "2X26",
            "2026-XX-03",
            "2026-01-03T10:00",
            "2026-25",
            "0000",
        ] {
            assert!(parse(text).is_err(), "{text:?} should be rejected");
        }
    }

    #[test]
    fn wording_follows_precision() {
        let w = |t: &str| parse(t).unwrap().wording();
        assert_eq!(w("2026-01-03"), "3 January 2026");
        assert_eq!(w("2026-01"), "January 2026");
        assert_eq!(w("2026-01~"), "about January 2026");
        assert_eq!(w("2026?"), "2026 (uncertain)");
        assert_eq!(w("200X"), "the 2000s");
        assert_eq!(w("2026-01-21/2026-01-31"), "21–31 January 2026");
        assert_eq!(
            w("2025-12-15/2026-01-31"),
            "15 December 2025 – 31 January 2026"
        );
        assert_eq!(w("2026-01-08/.."), "from 8 January 2026");
    }
}

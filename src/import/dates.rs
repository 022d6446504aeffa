//! *Date lines*: a line that is only a date, perhaps with a time, a zone and a label
//! ("Published: February 21, 2026 04:11 PM GMT+03:00"), read into RFC 3339.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::lang::{ENGLISH, Language};

/// A line that is only a date, perhaps with a time, a zone and a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateLine {
    /// RFC 3339 when the line gives a time and a zone, else `YYYY-MM-DD`.
    pub(super) iso: String,
    /// "Updated …": not the publication date.
    pub(super) updated: bool,
}

/// Reads a date line in the page's language, else in English, which pages in other
/// languages use too: "February 21, 2026 04:11 PM GMT+03:00" →
/// `2026-02-21T16:11:00+03:00`; "Published: Feb. 21, 2026" and "Publicado el 21 de
/// febrero de 2026" → `2026-02-21`. A time without a zone gives the date only: the
/// zone is never guessed.
pub(super) fn date_line(line: &str, language: &'static Language) -> Option<DateLine> {
    read(line, language).or_else(|| {
        (!std::ptr::eq(language, &ENGLISH))
            .then(|| read(line, &ENGLISH))
            .flatten()
    })
}

/// The line without the label it starts with, and whether the label marks an update.
fn unlabelled<'a>(line: &'a str, language: &Language) -> (&'a str, bool) {
    for (label, updated) in language.date_labels {
        let n = label.chars().count();
        let end = line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
        let start = &line[..end];
        let at_word_end = !line[end..].starts_with(char::is_alphanumeric);
        if start.chars().count() == n && at_word_end && start.to_lowercase() == *label {
            return (line[end..].trim_start_matches([':', ' ']), *updated);
        }
    }
    (line, false)
}

fn read(line: &str, language: &'static Language) -> Option<DateLine> {
    let (s, updated) = unlabelled(line.trim(), language);
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(DateLine {
            iso: t.to_rfc3339(),
            updated,
        });
    }
    let numeric = year_first(s).or_else(|| labelled_cjk(s));
    let s = numeric.as_deref().unwrap_or(s);
    // "3 de enero de 2026": the words that join a date's parts are left out.
    let mut tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && !language.joiners.iter().any(|j| crate::lang::eq(t, j)))
        .collect();
    // The weekday says nothing the date does not, wherever a template puts it: before
    // the date ("Sat, Dec 28, 2013") or among its parts ("Dec 28 Sat 2013").
    if let Some(i) = (tokens.iter().take(4)).position(|t| weekday(t, language)) {
        tokens.remove(i);
    }
    let month = |t: &str| language.month(t).map(|(m, _)| m);
    let mut at = 0;
    let get = |i: usize| tokens.get(i).copied().unwrap_or("");
    let date = if let (Some(m), Some(d), Some(y)) =
        (month(get(at)), day(get(at + 1)), year(get(at + 2)))
    {
        at += 3;
        NaiveDate::from_ymd_opt(y, m, d)?
    } else if let (Some(d), Some(m), Some(y)) =
        (day(get(at)), month(get(at + 1)), year(get(at + 2)))
    {
        at += 3;
        NaiveDate::from_ymd_opt(y, m, d)?
    } else if get(at).len() == 10 {
        let d = NaiveDate::parse_from_str(get(at), "%Y-%m-%d").ok()?;
        at += 1;
        d
    } else {
        return None;
    };
    loop {
        if matches!(get(at), "-" | "–" | "—" | "|" | "·" | "•" | "/") {
            at += 1;
        } else if let Some(words) = language
            .date_time_joiners
            .iter()
            .find(|words| (words.iter().enumerate()).all(|(k, w)| crate::lang::eq(get(at + k), w)))
        {
            at += words.len();
        } else {
            break;
        }
    }
    let mut time = None;
    if let Some((t, rest)) = clock(get(at)) {
        at += 1;
        let meridiem = if rest.is_empty() {
            meridiem(get(at)).inspect(|_| at += 1)
        } else {
            meridiem(rest)
        };
        if !rest.is_empty() && meridiem.is_none() {
            return None;
        }
        time = Some(with_meridiem(t, meridiem)?);
    }
    let zone_text: String = tokens[at.min(tokens.len())..].concat();
    let zone = if zone_text.is_empty() {
        None
    } else {
        Some(zone(&zone_text)?)
    };
    let iso = match (time, zone) {
        (Some(t), Some(z)) => z
            .from_local_datetime(&date.and_time(t))
            .single()?
            .to_rfc3339(),
        _ => date.format("%Y-%m-%d").to_string(),
    };
    Some(DateLine { iso, updated })
}

/// A date written year first with other marks than ISO's — "2011/12/18", "2011.12.18",
/// and as Chinese and Japanese write it, "2016年10月14日07:17" — as ISO's
/// "2016-10-14 07:17", the rest of the line after it.
fn year_first(s: &str) -> Option<String> {
    let mut parts: Vec<u32> = Vec::new();
    let mut rest = s;
    let marks: [&[char]; 3] = [&['/', '.', '年'], &['/', '.', '月'], &['日']];
    for (i, ends) in marks.iter().enumerate() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let wanted = if i == 0 { 4..=4 } else { 1..=2 };
        if !wanted.contains(&digits) {
            return None;
        }
        parts.push(rest[..digits].parse().ok()?);
        rest = &rest[digits..];
        match rest.chars().next() {
            Some(c) if ends.contains(&c) => rest = &rest[c.len_utf8()..],
            // The day of "2011/12/18" ends with the text, or a space before a time.
            _ if i == 2 && !rest.starts_with(|c: char| c.is_alphanumeric()) => {}
            _ => return None,
        }
    }
    // One kind of mark throughout: "2011/12.18" is no date.
    let ascii: Vec<char> = s
        .chars()
        .filter(|c| matches!(c, '/' | '.'))
        .take(2)
        .collect();
    if ascii.len() == 2 && ascii[0] != ascii[1] {
        return None;
    }
    Some(format!(
        "{:04}-{:02}-{:02} {}",
        parts[0],
        parts[1],
        parts[2],
        rest.trim()
    ))
}

/// A Chinese or Japanese date after a short label without digits, the way a source
/// and its date are run together ("TNW中文站2016年10月14日07:17"), as [`year_first`]
/// reads it.
fn labelled_cjk(s: &str) -> Option<String> {
    let at = s.find('年')?.checked_sub(4)?;
    let (label, date) = (s.get(..at)?, &s[at..]);
    let short = label.chars().count() <= 20 && !label.chars().any(|c| c.is_ascii_digit());
    short.then(|| year_first(date)).flatten()
}

/// A weekday, in full (the language table's names) or as English date lines
/// abbreviate it.
fn weekday(t: &str, language: &Language) -> bool {
    const SHORT: [&str; 10] = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    let t = t.trim_end_matches('.');
    language.weekday(t).is_some()
        || (std::ptr::eq(language, &ENGLISH) && SHORT.iter().any(|s| crate::lang::eq(t, s)))
}

fn day(t: &str) -> Option<u32> {
    let digits = t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    let suffix = &t[digits.len()..];
    if !["", "st", "nd", "rd", "th"].contains(&suffix) || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

pub(super) fn year(t: &str) -> Option<i32> {
    (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// "04:11", "16:11:05", "4:11PM": the time and what follows it in the token.
fn clock(t: &str) -> Option<(NaiveTime, &str)> {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(t.len());
    let (digits, rest) = t.split_at(end);
    let parts: Vec<&str> = digits.split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts[0].is_empty() || parts[0].len() > 2 {
        return None;
    }
    if parts[1..].iter().any(|p| p.len() != 2) {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    Some((
        NaiveTime::from_hms_opt(n[0], n[1], *n.get(2).unwrap_or(&0))?,
        rest,
    ))
}

/// "AM", "p.m.": `Some(true)` for afternoon.
fn meridiem(t: &str) -> Option<bool> {
    match t.to_lowercase().replace('.', "").as_str() {
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    }
}

fn with_meridiem(t: NaiveTime, pm: Option<bool>) -> Option<NaiveTime> {
    use chrono::Timelike;
    let Some(pm) = pm else {
        return Some(t);
    };
    let h = t.hour();
    if !(1..=12).contains(&h) {
        return None;
    }
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, false) => h,
        (h, true) => h + 12,
    };
    t.with_hour(h)
}

/// "GMT+03:00", "UTC", "+0300", "EST": a fixed offset. Abbreviations that name two
/// offsets ("ET", "BST") are not read.
fn zone(text: &str) -> Option<FixedOffset> {
    let t = text.trim_matches(['(', ')']).to_ascii_uppercase();
    let hours = match t.as_str() {
        "GMT" | "UTC" | "Z" => Some(0),
        "EST" => Some(-5),
        "EDT" => Some(-4),
        "CST" => Some(-6),
        "CDT" => Some(-5),
        "MST" => Some(-7),
        "MDT" => Some(-6),
        "PST" => Some(-8),
        "PDT" => Some(-7),
        "CET" => Some(1),
        "CEST" => Some(2),
        _ => None,
    };
    if let Some(h) = hours {
        return FixedOffset::east_opt(h * 3600);
    }
    let offset = t
        .strip_prefix("GMT")
        .or_else(|| t.strip_prefix("UTC"))
        .unwrap_or(&t);
    let (sign, digits) = match offset.chars().next()? {
        '+' => (1, &offset[1..]),
        '-' | '−' => (-1, &offset[offset.chars().next()?.len_utf8()..]),
        _ => return None,
    };
    let digits = digits.replace(':', "");
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i32, i32) = match digits.len() {
        1 | 2 => (digits.parse().ok()?, 0),
        3 => (digits[..1].parse().ok()?, digits[1..].parse().ok()?),
        _ => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
    };
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_months_by_name_and_abbreviation() {
        for w in ["Monday", "tuesday", "Tues.", "THU", "thurs", "Sun."] {
            assert!(weekday(w, &ENGLISH), "{w}");
        }
        for w in ["Mond", "month", "sunny", ""] {
            assert!(!weekday(w, &ENGLISH), "{w}");
        }
        let table = [
            ("January", Some(1)),
            ("Jan.", Some(1)),
            ("may", Some(5)),
            ("Sept.", Some(9)),
            ("sep", Some(9)),
            ("DEC", Some(12)),
            ("Ja", None),
            ("Janu", None),
            ("Mayo", None),
        ];
        for (w, m) in table {
            assert_eq!(ENGLISH.month(w).map(|(m, _)| m), m, "{w}");
        }
    }

    /// Each line read in `language` gives its date and whether it is an update, or none.
    fn check(table: &[(&str, Option<(&str, bool)>)], language: &'static Language) {
        for (line, want) in table {
            let got = date_line(line, language).map(|d| (d.iso, d.updated));
            let want = want.map(|(iso, u)| (iso.to_string(), u));
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn date_lines() {
        let table: &[(&str, Option<(&str, bool)>)] = &[
            (
                "February 21, 2026 04:11 PM GMT+03:00",
                Some(("2026-02-21T16:11:00+03:00", false)),
            ),
            ("Feb. 21, 2026", Some(("2026-02-21", false))),
            ("Saturday, February 21, 2026", Some(("2026-02-21", false))),
            ("Dec 28 Sat 2013 00:28", Some(("2013-12-28", false))),
            ("28 December, Saturday, 2013", Some(("2013-12-28", false))),
            ("Saturday Sunday, February 21, 2026", None),
            ("21 February 2026", Some(("2026-02-21", false))),
            (
                "Published: January 10, 2026 at 9:05 a.m. EST",
                Some(("2026-01-10T09:05:00-05:00", false)),
            ),
            (
                "Jan 10, 2026 12:30 AM UTC",
                Some(("2026-01-10T00:30:00+00:00", false)),
            ),
            ("2026-02-21", Some(("2026-02-21", false))),
            (
                "2026-02-21T16:11:00+03:00",
                Some(("2026-02-21T16:11:00+03:00", false)),
            ),
            (
                "Sept. 3, 2025 16:11 +0300",
                Some(("2025-09-03T16:11:00+03:00", false)),
            ),
            // A time without a zone: the date only, the zone is not guessed.
            ("February 21, 2026 04:11 PM", Some(("2026-02-21", false))),
            ("Updated February 22, 2026", Some(("2026-02-22", true))),
            ("February 30, 2026", None),
            ("February 2026", None),
            ("Published in News & Features", None),
            (
                "On January 8, Rodriguez attended a floral memorial service in Caracas.",
                None,
            ),
            ("February 21, 2026 04:11 PM ET", None),
            ("February 21, 2026 13:11 PM GMT", None),
            // Year first, with slashes or dots, and as Chinese and Japanese write it.
            ("2011/12/18", Some(("2011-12-18", false))),
            ("2013.12.28 10:28", Some(("2013-12-28", false))),
            (
                "2013/12/28 10:28 +0800",
                Some(("2013-12-28T10:28:00+08:00", false)),
            ),
            ("2016年10月14日07:17", Some(("2016-10-14", false))),
            ("2016年1月4日", Some(("2016-01-04", false))),
            ("发布时间：2016年10月14日", Some(("2016-10-14", false))),
            ("TNW中文站2016年10月14日07:17", Some(("2016-10-14", false))),
            ("在2014年收购的人工智能公司", None),
            ("2011/12.18", None),
            ("2011/13/18", None),
            ("2011/12/18/10/1238620.swf", None),
            ("2016年10月", None),
        ];
        check(table, &ENGLISH);
    }

    #[test]
    fn date_lines_in_the_pages_language() {
        use crate::lang::SPANISH;
        let table: &[(&str, Option<(&str, bool)>)] = &[
            (
                "Publicado el 3 de enero de 2026",
                Some(("2026-01-03", false)),
            ),
            ("3 de enero de 2026", Some(("2026-01-03", false))),
            ("sábado, 3 de enero de 2026", Some(("2026-01-03", false))),
            (
                "Publicado el 3 de enero de 2026 a las 10:15 GMT-03:00",
                Some(("2026-01-03T10:15:00-03:00", false)),
            ),
            (
                "Actualizado el 4 de enero de 2026",
                Some(("2026-01-04", true)),
            ),
            (
                "Última actualización: 4 ene. 2026",
                Some(("2026-01-04", true)),
            ),
            // English, which pages in other languages write dates in too.
            ("Published January 3, 2026", Some(("2026-01-03", false))),
            ("Publicado en Economía", None),
            ("El 3 de enero de 2026 se firmó el acuerdo.", None),
        ];
        check(table, &SPANISH);
        // In English, Spanish words are no date.
        assert_eq!(date_line("Publicado el 3 de enero de 2026", &ENGLISH), None);
    }
}

//! The *interface words* are what the site itself writes, as opposed to its articles'
//! text: headings, labels, sentences around the counts, page titles, dates written
//! out. They come from one table per language, `templates/i18n/<code>.yaml`, chosen
//! by the briefing's `language`; a language without a table is written in English,
//! and a key missing from a table falls back to English's. A briefing may override
//! any key with its own `templates/i18n/<code>.yaml`, which is laid over the embedded
//! table key by key (so it may also add a language of its own).
//!
//! A table is YAML: a key's value is a string, a *plural* (a map of `one` and
//! `other`, chosen by the count `n`), or a group of keys (`nav.people`). A string may
//! hold `{name}` placeholders, which the `say` filter (templates) or [`Words::say`]
//! (Rust) fills. Values templates print are HTML, as a template's own text is; values
//! the Rust code reads are plain text, which the templates escape like any other.
//! Month names are not in these tables: they are the analyses' ones (`src/lang.rs`),
//! so a language has one vocabulary.

use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashSet};
use std::sync::{Mutex, OnceLock};

use rustc_hash::FxHashMap;

use crate::analyse::{Disagreement, Reason, Summary, Which};
use crate::edtf::{Edtf, Precision};
use crate::error::Failure;

use super::Theme;

/// The embedded tables, by language code. English is the reference: every other
/// table has the same keys (a test holds them to it).
pub(crate) const TABLES: &[(&str, &str)] = &[
    ("en", include_str!("../../templates/i18n/en.yaml")),
    ("es", include_str!("../../templates/i18n/es.yaml")),
];

/// One value of a table. Its text is leaked, once per distinct text ([`leak`]), so that
/// the words live as long as the `'static` texts the pages were written with before.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Text(&'static str),
    Plural {
        one: &'static str,
        other: &'static str,
    },
}

/// The interface words of one language.
#[derive(Debug, Clone)]
pub struct Words {
    /// The language's code, as `<html lang>` says it.
    pub code: String,
    /// Every key, dotted (`nav.people`), with its value.
    entries: BTreeMap<String, Entry>,
    /// The same entries by a hash of their key: a page looks words up for every date,
    /// relation and summary it writes, and a search of the ordered keys compares
    /// strings all the way down.
    by_key: FxHashMap<String, Entry>,
    /// Month names as dates are written, January first.
    months: [String; 12],
    /// Days already written ([`Words::remember_days`]): the articles' days of
    /// publication, which every link to an article writes, thousands of times each on
    /// a large briefing.
    days: FxHashMap<NaiveDate, String>,
}

impl Words {
    /// The words of `language`: English's table, the language's over it, then the
    /// briefing's own file for the language (from `theme`) over both.
    pub fn load(language: &str, theme: &Theme) -> Result<Words, Failure> {
        let mut entries = BTreeMap::new();
        let embedded = |code: &str| TABLES.iter().find(|(c, _)| *c == code).map(|(_, t)| *t);
        let name = format!("i18n/{language}.yaml");
        let mut layers: Vec<(&str, &str)> = vec![("i18n/en.yaml", TABLES[0].1)];
        if let Some(table) = embedded(language).filter(|_| language != "en") {
            layers.push((&name, table));
        }
        let own = theme.files.get(&name).map(|b| std::str::from_utf8(b));
        if let Some(own) = own {
            let own = own.map_err(|_| Failure::Template {
                name: name.clone(),
                message: "the table is not UTF-8 text".to_string(),
            })?;
            if Some(own) != embedded(language) {
                layers.push((&name, own));
            }
        }
        for (file, text) in layers {
            flatten(file, text, &mut entries)?;
        }
        let lang = crate::lang::Language::of(language);
        let months = lang.months.map(|m| {
            if lang.capitalised {
                capitalise(m)
            } else {
                m.to_string()
            }
        });
        Ok(Words::made(language.to_string(), entries, months))
    }

    fn made(code: String, entries: BTreeMap<String, Entry>, months: [String; 12]) -> Words {
        let by_key = entries
            .iter()
            .map(|(k, e)| (k.clone(), e.clone()))
            .collect();
        Words {
            code,
            entries,
            by_key,
            months,
            days: FxHashMap::default(),
        }
    }

    /// Writes each of `days` once, for [`Words::day`] to copy rather than write again.
    pub fn remember_days(&mut self, days: impl IntoIterator<Item = NaiveDate>) {
        for d in days {
            if !self.days.contains_key(&d) {
                let words = self.write_day(d);
                self.days.insert(d, words);
            }
        }
    }

    /// English's words, the embedded table alone.
    pub(crate) fn english() -> Words {
        Words::load("en", &Theme::default_theme()).expect("the English table reads")
    }

    /// English's embedded words, made once: what the data exports word the findings in
    /// (a difference's summary, a mention's reason), so that an export is the same
    /// whatever the site's language and its own words.
    pub fn exports() -> &'static Words {
        static ENGLISH: OnceLock<Words> = OnceLock::new();
        ENGLISH.get_or_init(Words::english)
    }

    /// The text of `key`; for a plural, its `other` form. English's table has every
    /// key the code reads (a test holds it to that), and every language falls back
    /// to it, so a key is missing only by a mistake the tests catch.
    pub fn get(&self, key: &str) -> &'static str {
        match self.by_key.get(key) {
            Some(Entry::Text(t)) | Some(Entry::Plural { other: t, .. }) => t,
            None => {
                debug_assert!(false, "no words table has `{key}`");
                ""
            }
        }
    }

    /// `key`'s text for the count `n` (its plural form when it has one), its
    /// placeholders filled: `{n}` with the count, the others from `args`.
    pub fn say(&self, key: &str, n: Option<u64>, args: &[(&str, &str)]) -> String {
        let pattern = match (self.by_key.get(key), n) {
            (Some(Entry::Plural { one, .. }), Some(1)) => *one,
            _ => self.get(key),
        };
        let mut count = itoa::Buffer::new();
        let n = n.map(|n| count.format(n));
        fill(pattern, |name| {
            if name == "n" {
                return n;
            }
            args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
        })
    }

    /// `n` as the language writes a count: its digits grouped by threes with
    /// `number.group` ("48,120"; "48 120" in Spanish) once it has at least
    /// `number.group_from` digits (Spanish leaves "2500" whole).
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let from = self.get("number.group_from").parse().unwrap_or(4);
        if digits.len() < from {
            return digits;
        }
        let group = self.get("number.group");
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * group.len());
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(group);
            }
            out.push(c);
        }
        out
    }

    /// `key`'s plural form for `n`, `{n}` filled with [`Words::number`]'s writing of
    /// it: "1 article", "2,500 articles".
    pub fn count(&self, key: &str, n: usize) -> String {
        let pattern = match self.by_key.get(key) {
            Some(Entry::Plural { one, .. }) if n == 1 => *one,
            _ => self.get(key),
        };
        let number = self.number(n);
        fill(pattern, |name| (name == "n").then_some(number.as_str()))
    }

    /// The table as a template value: a map of groups and safe strings (the values
    /// are HTML), a plural as a map of its forms.
    pub fn value(&self) -> tera::Value {
        let mut root = tera::Map::new();
        for (key, entry) in &self.entries {
            let value = match entry {
                Entry::Text(t) => tera::Value::safe_string(t),
                Entry::Plural { one, other } => {
                    let mut forms = tera::Map::new();
                    forms.insert("one".into(), tera::Value::safe_string(one));
                    forms.insert("other".into(), tera::Value::safe_string(other));
                    tera::Value::from(forms)
                }
            };
            insert(&mut root, key, value);
        }
        tera::Value::from(root)
    }

    /// The group `prefix` (`search_script`) as JSON for a script to read from a
    /// `<script type="application/json">` element: its keys without the prefix, a
    /// plural as an object of its forms. `</` is written `<\/`, so no value can end
    /// the element.
    pub fn script_json(&self, prefix: &str) -> String {
        let mut root = serde_json::Map::new();
        let dotted = format!("{prefix}.");
        for (key, entry) in &self.entries {
            let Some(key) = key.strip_prefix(&dotted) else {
                continue;
            };
            let value = match entry {
                Entry::Text(t) => serde_json::Value::from(*t),
                Entry::Plural { one, other } => serde_json::json!({ "one": one, "other": other }),
            };
            let mut map = &mut root;
            let mut parts = key.split('.').peekable();
            while let Some(part) = parts.next() {
                if parts.peek().is_none() {
                    map.insert(part.to_string(), value);
                    break;
                }
                let inner = map
                    .entry(part.to_string())
                    .or_insert_with(|| serde_json::Value::Object(Default::default()));
                let serde_json::Value::Object(inner) = inner else {
                    break;
                };
                map = inner;
            }
        }
        serde_json::Value::Object(root)
            .to_string()
            .replace("</", "<\\/")
    }

    /// Every dotted key, for the tests.
    #[cfg(test)]
    fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The name of a month, 1 to 12.
    pub fn month(&self, month: u32) -> &str {
        &self.months[(month as usize).clamp(1, 12) - 1]
    }

    /// A month's first three letters, where room is short: "Jan", "ene".
    pub fn short_month(&self, month: u32) -> String {
        self.month(month).chars().take(3).collect()
    }

    /// A day as a reader would say it: "3 January 2026", "3 de enero de 2026".
    pub fn day(&self, d: NaiveDate) -> String {
        match self.days.get(&d) {
            Some(words) => words.clone(),
            None => self.write_day(d),
        }
    }

    fn write_day(&self, d: NaiveDate) -> String {
        let (day, year) = (d.day().to_string(), d.year().to_string());
        let month = self.month(d.month());
        self.say(
            "date.day",
            None,
            &[("d", &day), ("month", month), ("y", &year)],
        )
    }

    /// A month of a year: "January 2026".
    pub fn month_of(&self, month: u32, year: i32) -> String {
        let year = year.to_string();
        let args = [("month", self.month(month)), ("y", year.as_str())];
        self.say("date.month", None, &args)
    }

    /// A span of days as a reader would say it ([`crate::edtf::span_words`] in
    /// English): whole months and years by name, a day range without repeating its
    /// month and year.
    pub fn span(&self, start: NaiveDate, end: NaiveDate) -> String {
        let first_of_month = start.day() == 1;
        let last_of_month = end.succ_opt().is_none_or(|next| next.day() == 1);
        let (y1, y2) = (start.year().to_string(), end.year().to_string());
        let (m1, m2) = (self.month(start.month()), self.month(end.month()));
        if start == end {
            self.day(start)
        } else if first_of_month && last_of_month && start.month() == 1 && end.month() == 12 {
            if start.year() == end.year() {
                y1
            } else {
                self.say("date.span", None, &[("from", &y1), ("to", &y2)])
            }
        } else if first_of_month && last_of_month {
            match (start.year() == end.year(), start.month() == end.month()) {
                (true, true) => self.month_of(start.month(), start.year()),
                (true, false) => {
                    self.say("date.months", None, &[("m1", m1), ("m2", m2), ("y", &y2)])
                }
                _ => {
                    let from = self.month_of(start.month(), start.year());
                    let to = self.month_of(end.month(), end.year());
                    self.say("date.span", None, &[("from", &from), ("to", &to)])
                }
            }
        } else if start.year() == end.year() && start.month() == end.month() {
            let (d1, d2) = (start.day().to_string(), end.day().to_string());
            let args = [("d1", d1.as_str()), ("d2", &d2), ("month", m2), ("y", &y2)];
            self.say("date.days", None, &args)
        } else if start.year() == end.year() {
            let d1 = start.day().to_string();
            let to = self.day(end);
            let args = [("d1", d1.as_str()), ("m1", m1), ("to", &to)];
            self.say("date.days_months", None, &args)
        } else {
            let (from, to) = (self.day(start), self.day(end));
            self.say("date.span", None, &[("from", &from), ("to", &to)])
        }
    }

    /// Why a mention was given to its person, in a few words ("full name").
    pub fn reason(&self, reason: Reason) -> &'static str {
        self.get(reason.key())
    }

    /// What a difference or a disagreement says differs, in a few words: "at least 32
    /// vs 32", "only in Reuters". `a` and `b` name the articles of its sides (an id in
    /// the exports, an outlet on the pages).
    pub fn summary(&self, summary: &Summary, a: &str, b: &str) -> String {
        let name = |w: Which| match w {
            Which::A => a,
            Which::B => b,
        };
        let list = |parts: Vec<String>| parts.join(self.get("summary.list"));
        match summary {
            Summary::Reworded => self.get("summary.reworded").to_string(),
            Summary::Paraphrased { quoted } => {
                let args = [
                    ("quoted", name(*quoted)),
                    ("reported", name(quoted.other())),
                ];
                self.say("summary.paraphrased", None, &args)
            }
            Summary::OnlyIn { side } => {
                self.say("summary.only_in", None, &[("article", name(*side))])
            }
            Summary::Speaker { a, b } => self.say(
                "summary.speaker",
                None,
                &[("a", a.as_str()), ("b", b.as_str())],
            ),
            Summary::Added { side, words } => {
                let args = [("article", name(*side)), ("words", words.as_str())];
                self.say("summary.added", None, &args)
            }
            Summary::Numbers(changes) => list(
                changes
                    .iter()
                    .map(|c| {
                        let values = [("a", c.a.as_str()), ("b", c.b.as_str())];
                        let Some((x, y)) = &c.counted else {
                            return self.say("summary.numbers", None, &values);
                        };
                        let what = |scope: &str| match scope.is_empty() {
                            true => self.get("summary.not_said").to_string(),
                            false => self.say("summary.scope", None, &[("scope", scope)]),
                        };
                        let (x, y) = (what(x), what(y));
                        let args = [values[0], values[1], ("what_a", &x), ("what_b", &y)];
                        self.say("summary.counted", None, &args)
                    })
                    .collect(),
            ),
            Summary::Dates(changes) => list(
                changes
                    .iter()
                    .map(|c| {
                        let (x, y) = (self.span(c.a.start, c.a.end), self.span(c.b.start, c.b.end));
                        let args = [
                            ("a", c.a.text.as_str()),
                            ("a_days", x.as_str()),
                            ("b", c.b.text.as_str()),
                            ("b_days", y.as_str()),
                        ];
                        let told = self.say("summary.dates", None, &args);
                        match c.finer {
                            true => self.say("summary.finer", None, &[("dates", &told)]),
                            false => told,
                        }
                    })
                    .collect(),
            ),
            Summary::Counts(counts) => counts.join(self.get("summary.vs")),
        }
    }

    /// A disagreement's [`Words::summary`]: its sides are its first two claims, their
    /// articles named by `name` (from an article's id).
    pub fn disagreement<'a>(
        &self,
        d: &'a Disagreement,
        name: impl Fn(&'a str) -> std::borrow::Cow<'a, str>,
    ) -> String {
        let side = |k: usize| d.claims.get(k).map_or("".into(), |c| name(&c.article));
        self.summary(&d.summary, &side(0), &side(1))
    }

    /// A reader's wording of a date, from its precision ([`Edtf::wording`] in
    /// English): "3 January 2026", "about 2026", "21–31 January 2026".
    pub fn edtf(&self, date: &Edtf) -> String {
        let start = date.start;
        let year = start.year().to_string();
        let base = match date.precision {
            Precision::Day => self.day(start),
            Precision::Month => self.month_of(start.month(), start.year()),
            Precision::Season => {
                let season = match start.month() {
                    3 => "date.spring",
                    6 => "date.summer",
                    9 => "date.autumn",
                    _ => "date.winter",
                };
                self.say(season, None, &[("y", &year)])
            }
            Precision::Year => year,
            Precision::Decade => self.say("date.decade", None, &[("y", &year)]),
            Precision::Range => match (date.open_start, date.open_end) {
                (true, _) => self.say("date.until", None, &[("date", &self.day(date.end))]),
                (_, true) => self.say("date.from", None, &[("date", &self.day(start))]),
                _ => self.span(start, date.end),
            },
        };
        let single = date.precision != Precision::Range;
        let base = if date.approximate && single {
            self.say("date.about", None, &[("date", &base)])
        } else {
            base
        };
        if date.uncertain && single {
            self.say("date.uncertain", None, &[("date", &base)])
        } else {
            base
        }
    }
}

/// Registers the words with a template engine: the table as the global value `t`,
/// and the `say` filter that fills a pattern.
pub fn register(tera: &mut tera::Tera, words: &Words) {
    tera.global_context().insert_value("t", words.value());
    tera.register_filter("say", say_filter);
}

/// `{{ t.more_sentences | say(n=count, name=person.name) }}`: the pattern's plural
/// form for `n` (when it is a plural), its placeholders filled from the arguments;
/// the result is HTML, the arguments escaped unless they are safe already.
fn say_filter(
    value: &tera::Value,
    kwargs: tera::Kwargs,
    _: &tera::State,
) -> tera::TeraResult<tera::Value> {
    let n = kwargs.get::<&tera::Value>("n")?;
    let pattern = match value.as_map() {
        Some(forms) => {
            let one = n.and_then(tera::Value::as_i128) == Some(1);
            let form = if one { "one" } else { "other" };
            forms
                .get(&tera::value::Key::Str(form))
                .and_then(tera::Value::as_str)
        }
        None => value.as_str(),
    };
    let Some(pattern) = pattern else {
        return Err(tera::Error::message(format!(
            "`say` needs a string or a plural of the words table, got `{}`",
            value.name()
        )));
    };
    let mut args: Vec<(&str, String)> = Vec::new();
    for (key, v) in kwargs.iter() {
        let Some(key) = key.as_str() else { continue };
        let text = match v.as_str() {
            Some(s) if v.is_safe() => s.to_string(),
            Some(s) => {
                let mut escaped = Vec::new();
                tera::escape_html(s, &mut escaped).expect("writing to memory");
                String::from_utf8(escaped).expect("escaped UTF-8")
            }
            None => v.to_string(),
        };
        args.push((key, text));
    }
    let filled = fill(pattern, |name| {
        args.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    });
    Ok(tera::Value::safe_string(&filled))
}

/// `pattern` with each `{name}` replaced by what `arg` gives for it; a placeholder
/// without a value is left as it is.
fn fill<'a>(pattern: &str, arg: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if is_name(name) => {
                match arg(name) {
                    Some(v) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Reads a table into dotted keys, each over what an earlier table gave.
fn flatten(file: &str, text: &str, into: &mut BTreeMap<String, Entry>) -> Result<(), Failure> {
    let bad = |message: String| Failure::Template {
        name: file.to_string(),
        message,
    };
    let value: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|e| bad(format!("not a words table: {e}")))?;
    fn walk(
        prefix: &str,
        value: &serde_yaml::Value,
        into: &mut BTreeMap<String, Entry>,
    ) -> Result<(), String> {
        let serde_yaml::Value::Mapping(map) = value else {
            return Err(format!("`{prefix}` is not a group of keys"));
        };
        let text = |v: &serde_yaml::Value| v.as_str().map(leak);
        if map.len() == 2
            && let (Some(one), Some(other)) = (map.get("one"), map.get("other"))
            && let (Some(one), Some(other)) = (text(one), text(other))
        {
            into.insert(prefix.to_string(), Entry::Plural { one, other });
            return Ok(());
        }
        for (k, v) in map {
            let Some(k) = k.as_str() else {
                return Err(format!("a key of `{prefix}` is not text"));
            };
            let key = if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                serde_yaml::Value::String(s) => {
                    into.insert(key, Entry::Text(leak(s)));
                }
                serde_yaml::Value::Mapping(_) => walk(&key, v, into)?,
                _ => return Err(format!("`{key}` is not text")),
            }
        }
        Ok(())
    }
    walk("", &value, into).map_err(bad)
}

/// Inserts a dotted key's value into nested maps.
fn insert(map: &mut tera::Map, key: &str, value: tera::Value) {
    match key.split_once('.') {
        None => {
            map.insert(key.to_string().into(), value);
        }
        Some((group, rest)) => {
            let k: tera::value::Key<'static> = group.to_string().into();
            let mut inner = map
                .get(&k)
                .and_then(tera::Value::as_map)
                .cloned()
                .unwrap_or_default();
            insert(&mut inner, rest, value);
            map.insert(k, tera::Value::from(inner));
        }
    }
}

/// `s` as a `'static` text. Each distinct text is leaked once for the life of the
/// process: the dev server loads the tables again whenever the theme changes, and an
/// afternoon of template edits must not grow its memory with every save.
fn leak(s: &str) -> &'static str {
    static TEXTS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut texts = TEXTS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(known) = texts.get(s) {
        return known;
    }
    let text: &'static str = Box::leak(s.to_string().into_boxed_str());
    texts.insert(text);
    text
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(code: &str) -> Words {
        let mut entries = BTreeMap::new();
        let text = TABLES.iter().find(|(c, _)| *c == code).unwrap().1;
        flatten(code, text, &mut entries).unwrap();
        Words::made(code.to_string(), entries, Default::default())
    }

    #[test]
    fn loading_the_tables_again_leaks_no_text_again() {
        let (first, second) = (Words::english(), Words::english());
        for key in ["nav.people", "badge.found"] {
            assert!(std::ptr::eq(first.get(key), second.get(key)), "{key}");
        }
    }

    #[test]
    fn every_table_has_the_keys_of_english_and_no_other() {
        let english = table("en");
        let english: Vec<&str> = english.keys().collect();
        for (code, _) in TABLES {
            let words = table(code);
            let keys: Vec<&str> = words.keys().collect();
            let missing: Vec<_> = english.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<_> = keys.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
            assert!(extra.is_empty(), "{code} has keys English lacks: {extra:?}");
        }
    }

    /// The keys a template reads: `t.group.key`, or a group looked up by a value
    /// (`t.nav[s]`), as the group's name with a trailing dot.
    fn template_keys(text: &str) -> Vec<String> {
        let bytes = text.as_bytes();
        let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut keys = Vec::new();
        for (at, _) in text.match_indices("t.") {
            if at > 0 && (ident(bytes[at - 1]) || bytes[at - 1] == b'.') {
                continue;
            }
            let rest = &text[at + 2..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            let key = rest[..end].trim_end_matches('.');
            if rest[end..].starts_with('[') {
                keys.push(format!("{key}."));
            } else {
                keys.push(key.to_string());
            }
        }
        keys
    }

    #[test]
    fn every_key_a_template_reads_is_in_the_tables() {
        let words = Words::english();
        let theme = Theme::default_theme();
        let mut read = 0;
        for (name, text) in theme.templates() {
            for key in template_keys(text) {
                read += 1;
                let known = match key.strip_suffix('.') {
                    Some(group) => words.keys().any(|k| k.starts_with(&format!("{group}."))),
                    None => words.entries.contains_key(&key),
                };
                assert!(known, "{name} reads `t.{key}`, which no table has");
            }
        }
        assert!(read > 100, "only {read} keys found: the scan is broken");
        assert_eq!(
            template_keys("{{ t.a.b | say(n=t.c) }} {{ x.t.d }} {{ t.nav[s] }}"),
            ["a.b", "c", "nav."]
        );
    }

    #[test]
    fn a_remembered_day_is_written_as_an_unremembered_one() {
        let theme = Theme::default_theme();
        for code in ["en", "es"] {
            let fresh = Words::load(code, &theme).unwrap();
            let mut remembered = fresh.clone();
            let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let days = [d(2026, 1, 3), d(2025, 12, 31), d(1999, 2, 28)];
            remembered.remember_days(days.into_iter().chain(days));
            for day in days.into_iter().chain([d(2026, 7, 14)]) {
                assert_eq!(remembered.day(day), fresh.day(day), "{code} {day}");
                assert_eq!(remembered.span(day, day), fresh.span(day, day));
            }
            assert_eq!(remembered.days.len(), days.len());
        }
    }

    #[test]
    fn a_plural_and_its_placeholders_are_filled() {
        let mut entries = BTreeMap::new();
        let yaml = "more: {one: '{n} more sentence naming {who}', other: '{n} more sentences naming {who}'}\nlit: 'a {b} {not a name}'";
        flatten("t", yaml, &mut entries).unwrap();
        let w = Words::made("en".into(), entries, Default::default());
        assert_eq!(
            w.say("more", Some(1), &[("who", "Ana")]),
            "1 more sentence naming Ana"
        );
        assert_eq!(
            w.say("more", Some(3), &[("who", "Ana")]),
            "3 more sentences naming Ana"
        );
        assert_eq!(w.say("lit", None, &[]), "a {b} {not a name}");
    }

    #[test]
    fn counts_are_grouped_as_the_language_writes_them() {
        let (en, es) = (table("en"), table("es"));
        for (n, english, spanish) in [
            (0, "0", "0"),
            (999, "999", "999"),
            (1000, "1,000", "1000"),
            (2500, "2,500", "2500"),
            (48_120, "48,120", "48\u{202f}120"),
            (1_234_567, "1,234,567", "1\u{202f}234\u{202f}567"),
        ] {
            assert_eq!(en.number(n), english);
            assert_eq!(es.number(n), spanish);
        }
        assert_eq!(en.count("report.n.articles", 1), "1 article");
        assert_eq!(en.count("report.n.articles", 4812), "4,812 articles");
        assert_eq!(es.count("report.n.people", 1), "1 persona");
        assert_eq!(es.count("report.and.pairs", 12), "y 12 pares más");
    }

    #[test]
    fn a_group_goes_to_a_script_as_json_that_cannot_end_its_element() {
        let mut entries = BTreeMap::new();
        let yaml =
            "s: {kind: {a: A}, n: {one: '{n} x', other: '{n} xs'}, end: '</script>'}\nother: O";
        flatten("t", yaml, &mut entries).unwrap();
        let w = Words::made("en".into(), entries, Default::default());
        let json = w.script_json("s");
        assert!(!json.contains("</"), "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"kind": {"a": "A"}, "n": {"one": "{n} x", "other": "{n} xs"}, "end": "</script>"})
        );
    }

    #[test]
    fn every_key_the_findings_are_worded_with_is_in_every_table() {
        // The keys are literals in the code that words the findings (a mention's reason,
        // a difference's summary), which no template names.
        let code = [
            include_str!("../analyse/findings.rs"),
            include_str!("i18n.rs"),
        ];
        let mut keys: Vec<&str> = Vec::new();
        for text in code {
            for (at, _) in text
                .match_indices("\"reason.")
                .chain(text.match_indices("\"summary."))
            {
                let key = &text[at + 1..];
                let key = &key[..key.find('"').unwrap()];
                let name = |b: u8| b.is_ascii_lowercase() || b == b'_' || b == b'.';
                if !key.ends_with('.') && key.bytes().all(name) {
                    keys.push(key);
                }
            }
        }
        assert!(keys.len() >= 15 + 11, "{keys:?}");
        for (code, _) in TABLES {
            let words = table(code);
            for key in &keys {
                assert!(words.entries.contains_key(*key), "`{code}` lacks `{key}`");
            }
        }
    }

    #[test]
    fn what_differs_is_worded_in_the_language() {
        use crate::analyse::{DateChange, DateSaid, NumberChange};
        let theme = Theme::default_theme();
        let (en, es) = (
            Words::load("en", &theme).unwrap(),
            Words::load("es", &theme).unwrap(),
        );
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let said = |text: &str, start, end| DateSaid {
            text: text.into(),
            start,
            end,
        };
        let number = |a: &str, b: &str, counted: Option<(&str, &str)>| NumberChange {
            a: a.into(),
            b: b.into(),
            counted: counted.map(|(x, y)| (x.into(), y.into())),
        };
        // (what differs, in English, in Spanish); the sides are named "A" and "B".
        let cases = [
            (
                Summary::Reworded,
                "the quote is worded differently",
                "la cita está redactada de otra forma",
            ),
            (
                Summary::Paraphrased { quoted: Which::B },
                "quoted in B, reported without quotation marks in A",
                "citado entre comillas en B, contado sin comillas en A",
            ),
            (Summary::OnlyIn { side: Which::A }, "only in A", "solo en A"),
            (
                Summary::Speaker {
                    a: "Delcy Rodríguez".into(),
                    b: "both sides".into(),
                },
                "the same words said by Delcy Rodríguez vs both sides",
                "las mismas palabras dichas por Delcy Rodríguez frente a both sides",
            ),
            (
                Summary::Added {
                    side: Which::B,
                    words: "as stated by a former police officer".into(),
                },
                "only in B: “as stated by a former police officer”",
                "solo en B: «as stated by a former police officer»",
            ),
            (
                Summary::Numbers(vec![
                    number("at least 32", "32", Some(("cuban security personnel", ""))),
                    number("hundreds", "dozens", None),
                ]),
                "at least 32 vs 32 (they count different things: “cuban security personnel” \
                 vs not said), hundreds vs dozens",
                "at least 32 frente a 32 (cuentan cosas distintas: «cuban security personnel» \
                 frente a no se dice); hundreds frente a dozens",
            ),
            (
                Summary::Dates(vec![
                    DateChange {
                        a: said("Jan. 3", d(2026, 1, 3), d(2026, 1, 3)),
                        b: said("Jan. 4", d(2026, 1, 4), d(2026, 1, 4)),
                        finer: false,
                    },
                    DateChange {
                        a: said("late January", d(2026, 1, 21), d(2026, 1, 31)),
                        b: said("Jan. 26", d(2026, 1, 26), d(2026, 1, 26)),
                        finer: true,
                    },
                ]),
                "Jan. 3 (3 January 2026) vs Jan. 4 (4 January 2026), late January \
                 (21–31 January 2026) vs Jan. 26 (26 January 2026), given to another precision",
                "Jan. 3 (3 de enero de 2026) frente a Jan. 4 (4 de enero de 2026); late January \
                 (21–31 de enero de 2026) frente a Jan. 26 (26 de enero de 2026), con otra \
                 precisión",
            ),
            (
                Summary::Counts(vec!["32".into(), "at least 32".into(), "40".into()]),
                "32 vs at least 32 vs 40",
                "32 frente a at least 32 frente a 40",
            ),
        ];
        for (summary, english, spanish) in cases {
            // What an export's plan counts of it, unworded, is never more.
            assert!(summary.least_len() <= english.len().min(spanish.len()));
            assert_eq!(en.summary(&summary, "A", "B"), english);
            assert_eq!(es.summary(&summary, "A", "B"), spanish);
        }
        assert_eq!(
            en.reason(Reason::OnlyWithSurname),
            "the only person with this surname"
        );
        assert_eq!(
            es.reason(Reason::OnlyWithSurname),
            "la única persona con este apellido"
        );
    }

    #[test]
    fn dates_are_written_in_the_language() {
        let theme = Theme::default_theme();
        let es = Words::load("es", &theme).unwrap();
        let en = Words::load("en", &theme).unwrap();
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(es.day(d(2024, 2, 16)), "16 de febrero de 2024");
        assert_eq!(
            es.span(d(2024, 7, 1), d(2024, 7, 7)),
            "1–7 de julio de 2024"
        );
        assert_eq!(
            es.span(d(2024, 6, 1), d(2024, 8, 31)),
            "junio – agosto de 2024"
        );
        // English as the analyses and the data exports write it, to the byte.
        let spans = [
            (d(2024, 7, 14), d(2024, 7, 14)),
            (d(2017, 1, 1), d(2019, 12, 31)),
            (d(2024, 6, 1), d(2024, 8, 31)),
            (d(2024, 12, 1), d(2025, 1, 31)),
            (d(2024, 7, 1), d(2024, 7, 7)),
            (d(2024, 7, 30), d(2024, 8, 2)),
            (d(2024, 12, 30), d(2025, 1, 5)),
        ];
        for (s, e) in spans {
            assert_eq!(en.span(s, e), crate::edtf::span_words(s, e));
        }
        for text in [
            "2026-01-03",
            "2026-01",
            "2026-01~",
            "2026?",
            "2026-21",
            "202X",
            "2026-01-21/2026-01-31",
            "../2026-01-03",
            "2026-01-03/..",
        ] {
            let Ok(date) = crate::edtf::parse(text) else {
                continue;
            };
            assert_eq!(en.edtf(&date), date.wording(), "{text}");
        }
    }
}

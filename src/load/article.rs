//! An *article* file is YAML front matter between two `---` lines, then a Markdown
//! body. Splitting the file and reading it are pure functions of its text, so they are
//! tested without touching the disk.

use serde::Deserialize;

use crate::content::{Article, Published};
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::source::{FileId, Span};
use crate::yaml::{self, Path, Scalar};

/// The front matter keys of an article. Unknown keys are errors.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    #[serde(default)]
    outlet: Option<String>,
    published: Scalar,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    derived_from: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    draft: bool,
}

/// The two parts of an article file, as byte ranges of its text.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    pub yaml: std::ops::Range<usize>,
    pub body: std::ops::Range<usize>,
}

/// Finds the front matter fences. The first line must be `---`; the front matter ends
/// at the next line that is `---` (or `...`). CRLF line endings are accepted.
pub fn split(text: &str) -> Result<Split, &'static str> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() != "---" {
        return Err("the file does not start with a `---` line");
    }
    let mut at = first_end;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Split {
                yaml: first_end..at,
                body: end..text.len(),
            });
        }
        at = end;
    }
    Err("the front matter has no closing `---` line")
}

/// Reads an article from its file text. `id` is the file stem.
pub fn parse(
    file: FileId,
    id: &str,
    shared: &std::sync::Arc<str>,
) -> Result<(Article, Vec<Pending>), Diagnostic> {
    let text: &str = shared;
    let parts = split(text).map_err(|message| {
        let end = text.find('\n').unwrap_or(text.len()).min(text.len());
        Diagnostic::error("front-matter", format!("missing front matter: {message}"))
            .at(Span::new(file, 0, end), "expected `---` here")
            .hint("an article starts with `---`, its YAML keys (title, outlet, published…), `---`, then the text")
    })?;
    let front = &text[parts.yaml.clone()];
    let fm: FrontMatter = match plain_front_matter(front) {
        Some(fm) => fm,
        None => yaml::value(file, front, parts.yaml.start, "an article's front matter")?,
    };
    // The positions of the front matter's parts, read only for a problem to report.
    let spans = || yaml::spans(file, front, parts.yaml.start);
    let Some(published) = parse_published(&fm.published.0) else {
        let published_span = spans()?.value(&Path::root().key("published"));
        return Err(Diagnostic::error(
            "bad-date",
            format!("`{}` is not a publication date", fm.published.0),
        )
        .at(published_span, "not RFC 3339 or YYYY-MM-DD")
        .hint("write `2026-02-21` or `2026-02-21T16:11:00+03:00`, with `?` after it when the article does not state it"));
    };
    let key = |key| Key {
        file,
        text: shared.clone(),
        yaml: parts.yaml.clone(),
        key,
    };
    let mut pending = Vec::new();
    for (name, value) in [("outlet", &fm.outlet), ("derived_from", &fm.derived_from)] {
        if let Some(v) = value {
            pending.push(Pending::Outlet {
                id: v.clone(),
                at: key(name),
            });
        }
    }
    if let Some(url) = &fm.url {
        pending.push(Pending::Url {
            url: url.clone(),
            at: key("url"),
        });
    }
    if !fm.draft && text[parts.body.clone()].trim().is_empty() {
        // A front matter whose positions cannot be read is the problem to report first.
        spans()?;
        // At the closing fence: nothing follows it.
        let fence = parts.yaml.end;
        let end = text[fence..]
            .find(['\r', '\n'])
            .map_or(text.len(), |i| fence + i);
        return Err(Diagnostic::error(
            "empty-article",
            format!("the article `{id}` has no text"),
        )
        .at(Span::new(file, fence, end), "nothing follows the front matter")
        .hint("paste the article's text below this line, or mark it `draft: true` until you have it"));
    }
    let body = crate::source::Text::shared(shared.clone(), parts.body.clone());
    let mut blocks = markdown::blocks(&body);
    markdown::share_text(&mut blocks, &body);
    let article = Article {
        id: id.to_string(),
        file,
        title: fm.title,
        outlet: fm.outlet,
        published,
        author: fm.author,
        url: fm.url,
        derived_from: fm.derived_from,
        language: fm.language.unwrap_or_default(),
        body,
        body_offset: parts.body.start,
        paragraph_at: Article::index_paragraphs(&blocks),
        blocks,
        digest: Article::digest_of(text),
        draft: fm.draft,
    };
    Ok((article, pending))
}

/// The front matter read without the YAML parser, when it is what nearly every article
/// has: one `key: value` line for each known key, each value a plain word-like scalar
/// or a double-quoted one without escapes, which YAML reads as that very text. Anything
/// else (a comment, a blank or indented line, a quote or escape, a value YAML might
/// read as a number, a null or a boolean, a key twice or unknown, a missing one) is
/// `None`, and the YAML parser reads it, and reports its problems: reading every
/// article's front matter with it was half of loading an unchanged article.
fn plain_front_matter(front: &str) -> Option<FrontMatter> {
    let (mut title, mut published, mut draft) = (None, None, None);
    let (mut outlet, mut author, mut url, mut derived_from, mut language) =
        (None, None, None, None, None);
    let mut seen = std::collections::HashSet::new();
    for line in front.lines() {
        let (key, value) = line.split_once(": ")?;
        if !seen.insert(key) {
            return None;
        }
        let text = || plain_text(value, key == "published");
        let slot = match key {
            "title" => &mut title,
            "published" => &mut published,
            "outlet" => &mut outlet,
            "author" => &mut author,
            "url" => &mut url,
            "derived_from" => &mut derived_from,
            "language" => &mut language,
            "draft" => {
                let value = match value {
                    "true" => true,
                    "false" => false,
                    _ => return None,
                };
                draft = Some(value);
                continue;
            }
            _ => return None,
        };
        // YAML's null, as a key without a value is: nothing, where a key may be left out.
        let null = matches!(value, "null" | "Null" | "NULL" | "~");
        *slot = match null && !matches!(key, "title" | "published") {
            true => None,
            false => Some(text()?),
        };
    }
    Some(FrontMatter {
        title: title?,
        outlet,
        published: Scalar(published?),
        author,
        url,
        derived_from,
        language,
        draft: draft.unwrap_or_default(),
    })
}

/// `value` as the text YAML reads it as, when it is plainly that text: a double-quoted
/// string without escapes or quotes, or a plain scalar of letters, digits, spaces and a
/// few marks that starts with a letter (a date's digits for `published`) and is no
/// YAML keyword; `None` for any other.
fn plain_text(value: &str, date: bool) -> Option<String> {
    // What YAML reads as a line break or refuses (`\u{2028}`, a byte-order mark…).
    let unprintable = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            )
    };
    if value.chars().any(unprintable) {
        return None;
    }
    if let Some(quoted) = value.strip_prefix('"') {
        let inner = quoted.strip_suffix('"')?;
        return (!inner.contains(['"', '\\'])).then(|| inner.to_string());
    }
    // A date is read as text by YAML, or by the scalar, as it is written: no dot (a
    // float's), and a dash (no integer has one inside).
    if date {
        let marks = |c: char| c.is_ascii_digit() || matches!(c, '-' | ':' | 'T' | 'Z' | '+' | '?');
        let dated = value.starts_with(|c: char| c.is_ascii_digit()) && value[1..].contains('-');
        return (dated && value.chars().all(marks) && !value.ends_with(':'))
            .then(|| value.to_string());
    }
    let first = value.chars().next()?;
    let special = |c: char| {
        matches!(
            c,
            '#' | '"'
                | '\''
                | '\\'
                | '{'
                | '}'
                | '['
                | ']'
                | ','
                | '&'
                | '*'
                | '!'
                | '|'
                | '>'
                | '%'
                | '@'
                | '`'
        )
    };
    let keyword = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        .iter()
        .any(|k| value.eq_ignore_ascii_case(k));
    let plain = first.is_alphabetic()
        && !value.chars().any(special)
        && !value.contains(": ")
        && !value.ends_with([':', ' '])
        && !keyword;
    plain.then(|| value.to_string())
}

/// A check that needs the rest of the briefing (the outlets), done after loading.
#[derive(Debug, Clone)]
pub enum Pending {
    Outlet { id: String, at: Key },
    Url { url: String, at: Key },
}

/// A key of an article's front matter, whose value's place in the file is found only
/// when a problem there is reported: almost no article has one, and reading the
/// places of every article's front matter cost as much as reading its values.
#[derive(Clone)]
pub struct Key {
    file: FileId,
    /// The article file's text, shared with the article.
    text: std::sync::Arc<str>,
    /// Where its front matter is in it.
    yaml: std::ops::Range<usize>,
    key: &'static str,
}

impl Key {
    /// Where the key's value is; the front matter's first line should its places not
    /// be readable (the loader read its values).
    pub fn span(&self) -> Span {
        let front = &self.text[self.yaml.clone()];
        match yaml::spans(self.file, front, self.yaml.start) {
            Ok(spans) => spans.value(&Path::root().key(self.key)),
            Err(_) => {
                let end = self.yaml.start + front.find('\n').unwrap_or(front.len());
                Span::new(self.file, self.yaml.start, end)
            }
        }
    }
}

/// The key alone: its place is the file's, and the file's text is no part of a check.
impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.key)
    }
}

/// RFC 3339, or a plain date; either followed by `?` when the article does not state
/// it and the editor worked it out.
pub fn parse_published(s: &str) -> Option<Published> {
    let s = s.trim();
    let (s, assumed) = match s.strip_suffix('?') {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(Published {
            date: t.date_naive(),
            time: Some(t),
            assumed,
        });
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .map(|date| Published {
            date,
            time: None,
            assumed,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_splits_with_lf_crlf_and_dots() {
        let t = "---\ntitle: x\n---\nBody\n";
        let s = split(t).unwrap();
        assert_eq!(&t[s.yaml.clone()], "title: x\n");
        assert_eq!(&t[s.body.clone()], "Body\n");
        let t = "---\r\ntitle: x\r\n---\r\nBody\r\n";
        let s = split(t).unwrap();
        assert_eq!(&t[s.yaml.clone()], "title: x\r\n");
        assert_eq!(&t[s.body], "Body\r\n");
        let t = "---\ntitle: x\n...\n";
        assert_eq!(&t[split(t).unwrap().body], "");
    }

    #[test]
    fn front_matter_errors() {
        assert!(split("title: x\n---\n").is_err());
        assert!(split("---\ntitle: x\n").is_err());
        assert!(split("").is_err());
        assert!(split("----\n---\n").is_err());
    }

    #[test]
    fn yaml_errors_point_at_the_real_line_of_the_file() {
        let t = "---\ntitle: x\npublished: [\n---\nBody\n";
        let e = parse(0, "a", &t.into()).unwrap_err();
        assert_eq!(e.code, "yaml-syntax");
        let s = e.span.unwrap();
        // The error is inside the front matter, after the opening fence.
        assert!(s.start >= 4, "{s:?}");
    }

    #[test]
    fn an_article_without_text_is_an_error_unless_a_draft() {
        let t = "---\ntitle: T\npublished: 2026-01-10\n---\n\n  \n";
        let e = parse(0, "a", &t.into()).unwrap_err();
        assert_eq!(e.code, "empty-article");
        let s = e.span.unwrap();
        assert_eq!(&t[s.start..s.end], "---");
        assert_eq!(s.start, t.rfind("---").unwrap());
        let t = "---\ntitle: T\npublished: 2026-01-10\ndraft: true\n---\n";
        let (a, _) = parse(0, "a", &t.into()).unwrap();
        assert!(a.draft && a.paragraph_count() == 0);
    }

    #[test]
    fn a_front_matter_keys_place_is_found_when_asked() {
        let t = "---\ntitle: T\npublished: 2026-01-10\noutlet: the-post\nurl: ftp://x\n---\nOne.\n";
        let (_, pending) = parse(7, "a", &t.into()).unwrap();
        let places: Vec<(&str, &str)> = pending
            .iter()
            .map(|p| match p {
                Pending::Outlet { id, at } | Pending::Url { url: id, at } => {
                    let span = at.span();
                    assert_eq!(span.file, 7);
                    (id.as_str(), &t[span.start..span.end])
                }
            })
            .collect();
        assert_eq!(places, [("the-post", "the-post"), ("ftp://x", "ftp://x")]);
    }

    #[test]
    fn a_date_that_is_no_date_is_reported_at_its_value() {
        let t = "---\ntitle: T\npublished: last week\n---\nOne.\n";
        let e = parse(0, "a", &t.into()).unwrap_err();
        assert_eq!(e.code, "bad-date");
        let s = e.span.unwrap();
        assert_eq!(&t[s.start..s.end], "last week");
    }

    #[test]
    fn published_accepts_rfc3339_and_plain_dates() {
        let p = parse_published("2026-02-21T16:11:00+03:00").unwrap();
        assert_eq!(p.date.to_string(), "2026-02-21");
        assert_eq!(p.iso(), "2026-02-21T16:11:00+03:00");
        assert_eq!(parse_published("2026-01-10").unwrap().iso(), "2026-01-10");
        let assumed = parse_published("2026-01-10?").unwrap();
        assert!(assumed.assumed && assumed.time.is_none());
        assert_eq!(assumed.words(), "10 January 2026 (assumed)");
        assert!(
            parse_published("2026-02-21T16:11:00+03:00?")
                .unwrap()
                .assumed
        );
        assert!(!parse_published("2026-01-10").unwrap().assumed);
        for bad in ["2026-1-10", "10/01/2026", "2026-02-30", "2026"] {
            assert!(parse_published(bad).is_none(), "{bad}");
        }
    }

    /// Whatever front matter the plain reading takes, it reads as the YAML parser does;
    /// and it takes an article's usual one.
    #[test]
    fn a_plain_front_matter_reads_as_yaml_reads_it() {
        let usual = "title: \"Castillo denies role in the assembly's inquiry\"\noutlet: continental-press\npublished: 2024-01-17T23:17:00-05:00\nauthor: Emily Chen\nurl: https://example.com/2024/01/castillo-122\nlanguage: en\n";
        let cases = [
            usual,
            "title: T\npublished: 2026-01-10\n",
            "title: Pérez: a life\npublished: 2026-01-10\n",
            "title: Pérez:a life\npublished: 2026-01-10?\ndraft: true\n",
            "title: José Pérez\npublished: 2026-01-10\nderived_from: reuters\ndraft: false\n",
            "title: \"A \\\"quoted\\\" word\"\npublished: 2026-01-10\n",
            "title: 'Single'\npublished: 2026-01-10\n",
            "title: T # a comment\npublished: 2026-01-10\n",
            "title: T\n\npublished: 2026-01-10\n",
            "title: T\r\npublished: 2026-01-10\r\n",
            "title: T\npublished: 2026-01-10\ntitle: U\n",
            "title: T\npublished: 2026-01-10\nsummary: S\n",
            "title: T\n",
            "title: null\npublished: 2026-01-10\n",
            "title: Yes\npublished: 2026-01-10\n",
            "title: 2024\npublished: 2026-01-10\n",
            "title: T\npublished: 2026\n",
            "title: T\npublished: 2026.10\n",
            "title: T\npublished: 1e-5\n",
            "title: T\npublished: 2026-01-10\nauthor: \n",
            "title: T\npublished: 2026-01-10\nauthor:  Two spaces\n",
            "title: T\npublished: 2026-01-10\nurl: https://x.com/a#b\n",
            "title: T\npublished: 2026-01-10\nurl: https://x.com/a%20b\n",
            "title: T\npublished: 2026-01-10\ndraft: yes\n",
            "title: T\npublished: 2026-01-10\n  language: en\n",
            "title: [a, b]\npublished: 2026-01-10\n",
            "title: T\npublished: 2026-01-10\noutlet: a: b\n",
            "title: A\u{2028}B\npublished: 2026-01-10\n",
            "title: T\npublished: 2026-01-10\nauthor: null\nurl: ~\n",
            "title: T\npublished: 2026-01-10\nauthor: null\nauthor: A\n",
            "title: null\npublished: 2026-01-10\n",
            "title: T\npublished: ~\n",
            "title: inf\npublished: 2026-01-10\n",
        ];
        for front in cases {
            let yaml: Result<FrontMatter, _> = yaml::value(0, front, 0, "front matter");
            if let Some(plain) = plain_front_matter(front) {
                assert_eq!(Some(&plain), yaml.as_ref().ok(), "{front}");
            }
        }
        let taken = |front: &str| plain_front_matter(front).is_some();
        assert!(taken(usual) && taken(cases[1]) && taken(cases[3]) && taken(cases[4]));
        let nulls = "title: T\npublished: 2026-01-10\nauthor: null\nurl: ~\n";
        assert!(taken(nulls) && plain_front_matter(nulls).unwrap().author.is_none());
        assert!(!taken(cases[5]) && !taken(cases[7]) && !taken(cases[13]));
    }

    #[test]
    fn an_article_reads_into_blocks() {
        let t = "---\ntitle: T\npublished: 2026-01-10\noutlet: x\n---\nOne.\n\n## H\n\nTwo.\n";
        let (a, pending) = parse(0, "a", &t.into()).unwrap();
        assert_eq!(a.title, "T");
        assert_eq!(a.paragraph_count(), 2);
        assert_eq!(a.paragraph(2).unwrap().text, "Two.");
        assert_eq!(pending.len(), 1);
    }
}

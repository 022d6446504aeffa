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
#[derive(Debug, Deserialize)]
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
    let fm: FrontMatter = yaml::value(file, front, parts.yaml.start, "an article's front matter")?;
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

//! The *pipeline* of an import: the input cut into pieces (lines of a plain text, text
//! blocks of a page), each given a fate — kept, a heading, or stripped with its reason —
//! by passes of rules, then the kept pieces grouped into paragraphs and written out.

use std::collections::HashSet;
use std::fmt;

use scraper::Html;

use super::command::{KnownOutlet, Options};
use super::dates::date_line;
use super::fetch::Fetched;
use super::html::{LINK_OPEN, LINK_URL, Region, html_pieces};
use super::metadata::{
    Found, found, html_head, language_tag, page_language, page_meta, plain_head, url_date,
};
use super::output::{article_id, body, yaml_string};
use super::rules::{
    caption, ends_sentence, furniture, heading, looks_like_html, related_links, style, words,
};
use crate::content::{slug, valid_id};
use crate::lang::Language;

/// A line of the input that is not in the article body, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stripped {
    /// The 1-based line of a plain-text input; for HTML, the number of the text block.
    pub line: usize,
    pub text: String,
    pub reason: &'static str,
}

/// An imported article: the file to write and what the import found.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The article id and file stem: the slug of the title.
    pub id: String,
    /// The whole file: front matter and Markdown body.
    pub markdown: String,
    pub title: String,
    pub author: Option<String>,
    /// As written in the front matter: RFC 3339 or `YYYY-MM-DD`.
    pub published: String,
    /// Where the date came from: "meta article:published_time", "given with --published".
    pub published_from: String,
    /// An entry for `content/outlets.yaml`, when the page names an outlet it lacks.
    pub proposed_outlet: Option<String>,
    /// The words of the body.
    pub words: usize,
    /// In input order.
    pub stripped: Vec<Stripped>,
}

/// Why a text cannot become an article file as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The text has no headline or no date line, and the options do not give one.
    Missing { title: bool, published: bool },
    /// `--published` is not a date.
    BadDate(String),
    /// `--outlet` is not an id.
    BadOutlet(String),
    /// `--language` is not a language tag.
    BadLanguage(String),
    /// Nothing is left once the page furniture is stripped.
    Empty,
}

impl Problem {
    /// Whether the problem is the text's (exit 1), not the options' (exit 2).
    pub fn in_content(&self) -> bool {
        matches!(self, Problem::Missing { .. } | Problem::Empty)
    }

    /// What is wrong.
    pub fn what(&self) -> String {
        match self {
            Problem::Missing { title, published } => {
                let mut parts = Vec::new();
                if *title {
                    parts.push("found no headline");
                }
                if *published {
                    parts.push("found no date: neither the page's head nor its text gives one");
                }
                parts.join("; ")
            }
            Problem::BadDate(s) => format!("`--published {s}` is not a date"),
            Problem::BadOutlet(s) => format!("`--outlet {s}` is not an outlet id"),
            Problem::BadLanguage(s) => format!("`--language {s}` is not a language tag"),
            Problem::Empty => "no text is left once the page furniture is stripped".to_string(),
        }
    }

    /// The way out.
    pub fn hint(&self) -> String {
        match self {
            Problem::Missing { title, published } => {
                let mut parts = Vec::new();
                if *title {
                    parts.push("pass --title \"TITLE\"");
                }
                if *published {
                    parts.push("pass --published DATE (2026-02-21 or 2026-02-21T16:11:00+03:00)");
                }
                parts.join(" and ")
            }
            Problem::BadDate(_) => "write 2026-02-21 or 2026-02-21T16:11:00+03:00".to_string(),
            Problem::BadOutlet(s) => format!(
                "ids are lowercase letters, digits and hyphens, such as `{}`",
                slug(s)
            ),
            Problem::BadLanguage(_) => "write a tag such as `en`, `es` or `pt-BR`".to_string(),
            Problem::Empty => {
                "check that the file holds the article, or paste its text into a .txt file"
                    .to_string()
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what(), self.hint())
    }
}

/// One unit of the input: a line of plain text, or a text block of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) line: usize,
    pub(super) text: String,
    pub(super) kind: Kind,
    pub(super) mark: Mark,
    /// The text with its links marked, when it has any (see `html::LINK_OPEN`); the
    /// rules read `text`, the Markdown is written from this.
    pub(super) markup: Option<String>,
    /// The targets of the marked links, by number.
    pub(super) links: Vec<String>,
}

/// The Markdown a block of a page becomes: what its element was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Mark {
    #[default]
    Plain,
    /// `<h2>` to `<h6>`: the heading's level.
    Level(usize),
    /// `<blockquote>`.
    Quote,
    /// `<li>` of a `<ul>`, or of an `<ol>`.
    Item { numbered: bool },
    /// `<figcaption>`: a caption, shown as one.
    Caption,
}

/// What a piece is before any rule runs. Only HTML says more than `Text` or `Blank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    Text,
    /// `<title>`.
    PageTitle,
    /// `<h1>`.
    Headline,
    /// `<h2>` to `<h6>`.
    Heading,
}

/// How a text separates its paragraphs; both occur in scraped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// Blank lines separate paragraphs; lines in between belong to one paragraph.
    Blocks,
    /// Every line is a paragraph; blank lines are rare and only set parts apart.
    Lines,
}

/// What becomes of a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fate {
    Keep,
    Heading,
    Strip(&'static str),
}

/// Converts a scraped article into an article file. See the module documentation.
pub fn article(text: &str, options: &Options) -> Result<Imported, Problem> {
    converted(text, options, None)
}

/// [`article`] of a page fetched from an address: the address it landed on is its `url`
/// when the page names no canonical one, and is said in a comment when it does.
pub(super) fn converted(
    text: &str,
    options: &Options,
    fetched: Option<&Fetched>,
) -> Result<Imported, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let html = looks_like_html(text);
    // Parsed once: the head's metadata and the body's blocks are read from one tree.
    let doc = html.then(|| Html::parse_document(text));
    let (pieces, regions, style) = if let Some(doc) = &doc {
        let (pieces, regions) = html_pieces(doc);
        (pieces, regions, Style::Blocks)
    } else {
        let lines: Vec<&str> = text.lines().collect();
        let pieces = lines
            .iter()
            .enumerate()
            .map(|(i, l)| Piece {
                line: i + 1,
                text: l.trim().to_string(),
                kind: if l.trim().is_empty() {
                    Kind::Blank
                } else {
                    Kind::Text
                },
                mark: Mark::Plain,
                markup: None,
                links: Vec::new(),
            })
            .collect::<Vec<_>>();
        let regions = vec![Region::Article; pieces.len()];
        (pieces, regions, style(&lines))
    };

    if let Some(outlet) = &options.outlet
        && !valid_id(outlet)
    {
        return Err(Problem::BadOutlet(outlet.clone()));
    }
    // The page's language chooses the table its date lines are read with.
    let given_language = match &options.language {
        Some(l) => Some(language_tag(l).ok_or_else(|| Problem::BadLanguage(l.clone()))?),
        None => None,
    };
    let language = given_language
        .map(|l| found(l, "given with --language"))
        .or_else(|| doc.as_ref().and_then(page_language));
    let table = Language::of(language.as_ref().map_or("en", |l| l.value.as_str()));
    let given_date = match &options.published {
        Some(s) => Some(published_option(s, table).ok_or_else(|| Problem::BadDate(s.clone()))?),
        None => None,
    };

    let mut fate = vec![Fate::Keep; pieces.len()];
    for (i, region) in regions.iter().enumerate() {
        if let Region::Furniture(reason) = region
            && !matches!(pieces[i].kind, Kind::PageTitle | Kind::Blank)
        {
            fate[i] = Fate::Strip(reason);
        }
    }
    let found_date = strip_furniture(&pieces, !html, table, &mut fate);
    if let Some(doc) = &doc {
        strip_time_lines(doc, &pieces, &mut fate);
    }
    strip_repeats(&pieces, &mut fate);
    let head = if html {
        html_head(&pieces, &mut fate)
    } else {
        plain_head(&pieces, style, &mut fate)
    };
    // What the page's structure shows to be outside the article goes once the headline
    // and byline, which often stand outside it, have been read.
    strip_link_lists(&pieces, &mut fate);
    let has_article = regions.contains(&Region::Article);
    let split_off = split_off_prose(&pieces, &regions, &fate);
    for (i, region) in regions.iter().enumerate() {
        if *region == Region::Outside
            && has_article
            && !split_off[i]
            && fate[i] == Fate::Keep
            && pieces[i].kind != Kind::Blank
            && pieces[i].kind != Kind::PageTitle
        {
            fate[i] = Fate::Strip(OUTSIDE);
        }
    }
    // An HTML page marks its headings; in plain text they are recognised by shape.
    let paragraphs = mark_headings(&pieces, (!html).then_some(style), &mut fate);
    if paragraphs.is_empty() {
        return Err(Problem::Empty);
    }

    let mut meta = (doc.as_ref())
        .map(|doc| page_meta(doc, table))
        .unwrap_or_default();
    meta.language = language;
    if let Some(fetched) = fetched {
        let from = "the address it was fetched from";
        if meta.url.is_none() {
            meta.url = Some(found(fetched.landed.clone(), from));
        }
        if meta.url_date.is_none() {
            meta.url_date = url_date(&fetched.landed)
                .map(|d| found(d, "the date in the address it was fetched from"));
        }
    }
    // A title the user gives is not commented on: they know where it came from.
    let title = (options.title.as_deref().map(str::trim))
        .filter(|t| !t.is_empty())
        .map(|t| found(t, ""))
        .or_else(|| {
            meta.title
                .clone()
                .map(|t| without_site(t, meta.site_name.as_ref()))
                .map(|t| headline_rather(t, head.title.as_deref().filter(|_| html)))
        })
        .or_else(|| {
            head.title
                .clone()
                .map(|t| found(t, if html { "the headline" } else { "" }))
        });
    let published = given_date
        .map(|d| found(d, "given with --published"))
        .or_else(|| meta.published.clone())
        .or_else(|| {
            found_date
                .as_ref()
                .map(|(iso, line)| found(iso.clone(), format!("the date line \"{line}\"")))
        })
        .or_else(|| dateline(&pieces, &fate, table))
        .or_else(|| meta.time_element.clone())
        .or_else(|| meta.url_date.clone());
    let author = meta
        .author
        .clone()
        .or_else(|| {
            head.author
                .as_ref()
                .map(|(a, line)| found(a.clone(), format!("the byline \"{line}\"")))
        })
        .or_else(|| meta.marked_author.clone());
    let (Some(title), Some(published)) = (title.clone(), published.clone()) else {
        return Err(Problem::Missing {
            title: title.is_none(),
            published: published.is_none(),
        });
    };
    let id = article_id(&title.value);

    let mut file = String::from("---\n");
    if let Some(fetched) = fetched {
        file.push_str(&fetched_comment(fetched));
    }
    let comment = |file: &mut String, key: &str, f: &Found| match f.source.as_str() {
        "" => {}
        given if given.starts_with("given") => file.push_str(&format!("# {key}: {given}\n")),
        source => file.push_str(&format!("# {key}: from {source}\n")),
    };
    comment(&mut file, "title", &title);
    file.push_str(&format!("title: {}\n", yaml_string(&title.value)));
    let (outlet, proposed_outlet) = match &options.outlet {
        Some(id) => (Some(found(id.clone(), "")), None),
        None => match_outlet(&options.outlets, meta.site_name.as_ref(), meta.url.as_ref()),
    };
    if let Some(outlet) = &outlet {
        comment(&mut file, "outlet", outlet);
        file.push_str(&format!("outlet: {}\n", outlet.value));
    }
    comment(&mut file, "published", &published);
    file.push_str(&format!("published: {}\n", published.value));
    if let Some(a) = &author {
        comment(&mut file, "author", a);
        file.push_str(&format!("author: {}\n", yaml_string(&a.value)));
    }
    if let Some(url) = &meta.url {
        comment(&mut file, "url", url);
        file.push_str(&format!("url: {}\n", yaml_string(&url.value)));
    }
    if let Some(language) = &meta.language {
        comment(&mut file, "language", language);
        file.push_str(&format!("language: {}\n", language.value));
    }
    file.push_str("---\n\n");
    file.push_str(&body(&pieces, &fate, &paragraphs));

    let stripped = pieces
        .iter()
        .zip(&fate)
        .filter_map(|(p, f)| match f {
            Fate::Strip(reason) => Some(Stripped {
                line: p.line,
                text: p.text.clone(),
                reason,
            }),
            _ => None,
        })
        .collect();
    Ok(Imported {
        id,
        markdown: file,
        title: title.value,
        author: author.map(|a| a.value),
        published: published.value,
        published_from: published.source,
        proposed_outlet,
        words: pieces
            .iter()
            .zip(&fate)
            .filter(|(_, f)| !matches!(f, Fate::Strip(_)))
            .map(|(p, _)| words(&p.text))
            .sum(),
        stripped,
    })
}

/// The article's paragraphs that the page's layout set apart from the container found
/// to be the article: boxes between its parts (a share bar, a pull quote, a profile
/// box) cut it in several. Paragraphs of prose outside it — long, ending a sentence
/// (with a Chinese or Japanese full stop too), little of their text in links — are the article's between the headline and the
/// article's last block, and after that block while prose goes on with no more than
/// two other blocks between; at least two such paragraphs, since one alone may be a
/// teaser. A heading that leads from one of them to more of the article is kept too.
fn split_off_prose(pieces: &[Piece], regions: &[Region], fate: &[Fate]) -> Vec<bool> {
    let mut keep = vec![false; pieces.len()];
    let Some(start) = fate.iter().position(|f| *f == Fate::Strip(HEADLINE)) else {
        return keep;
    };
    let Some(end) = (0..pieces.len()).rev().find(|&i| {
        regions[i] == Region::Article && fate[i] == Fate::Keep && pieces[i].kind != Kind::Blank
    }) else {
        return keep;
    };
    let outside = |i: usize| regions[i] == Region::Outside && fate[i] == Fate::Keep;
    let prose = |p: &Piece| {
        // A Chinese or Japanese character says about what two Latin letters say.
        let length: usize = p
            .text
            .chars()
            .map(|c| {
                if ('\u{3040}'..='\u{9fff}').contains(&c) {
                    2
                } else {
                    1
                }
            })
            .sum();
        p.kind == Kind::Text
            && matches!(p.mark, Mark::Plain | Mark::Quote)
            && length >= 120
            && (ends_sentence(&p.text) || p.text.trim_end().ends_with(['。', '！', '？']))
            && link_chars(p) * 4 <= length
    };
    let mut found: Vec<usize> = (start + 1..end)
        .filter(|&i| outside(i) && prose(&pieces[i]))
        .collect();
    let mut others = 0;
    for i in end + 1..pieces.len() {
        if pieces[i].kind == Kind::Blank
            || matches!(fate[i], Fate::Strip(_)) && regions[i] == Region::Outside
        {
            continue;
        }
        if outside(i) && prose(&pieces[i]) {
            found.push(i);
            others = 0;
        } else {
            others += 1;
            if others > 2 {
                break;
            }
        }
    }
    if found.len() < 2 {
        return keep;
    }
    for &i in &found {
        keep[i] = true;
    }
    let last = found.last().copied().unwrap_or(end).max(end);
    for i in found[0] + 1..last {
        if outside(i) && pieces[i].kind == Kind::Heading {
            let next = (i + 1..=last).find(|&j| pieces[j].kind != Kind::Blank);
            keep[i] = next.is_some_and(|j| keep[j] || regions[j] == Region::Article);
        }
    }
    keep
}

/// A run of three list items or more, each of them a link and nothing else, is a menu
/// (of sections, of sites, of authors) wherever it stands; an item another rule
/// stripped already still counts in the run.
fn strip_link_lists(pieces: &[Piece], fate: &mut [Fate]) {
    let only_a_link = |p: &Piece| {
        matches!(p.mark, Mark::Item { .. }) && link_chars(p) * 10 >= p.text.chars().count() * 9
    };
    let mut i = 0;
    while i < pieces.len() {
        let run = pieces[i..]
            .iter()
            .take_while(|p| p.kind == Kind::Blank || only_a_link(p))
            .count();
        let items = pieces[i..i + run]
            .iter()
            .filter(|p| p.kind != Kind::Blank)
            .count();
        if items >= 3 {
            for j in i..i + run {
                if pieces[j].kind != Kind::Blank && fate[j] == Fate::Keep {
                    fate[j] = Fate::Strip(LINK_LIST);
                }
            }
        }
        i += run.max(1);
    }
}

/// The characters of a piece's text inside links.
fn link_chars(p: &Piece) -> usize {
    let Some(markup) = &p.markup else {
        return 0;
    };
    let mut inside = false;
    let mut n = 0;
    for c in markup.chars() {
        match c {
            LINK_OPEN => inside = true,
            LINK_URL => inside = false,
            _ if inside => n += 1,
            _ => {}
        }
    }
    n
}

/// The comment that keeps the address a page was fetched from, and where its redirects
/// led: the canonical `url` may be neither.
fn fetched_comment(fetched: &Fetched) -> String {
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    if fetched.landed == fetched.requested {
        format!("# fetched from {}\n", one_line(&fetched.requested))
    } else {
        format!(
            "# fetched from {}, redirected to {}\n",
            one_line(&fetched.requested),
            one_line(&fetched.landed)
        )
    }
}

/// The host of a URL, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The briefing's outlet that publishes the page, by its name or its site's domain; or,
/// when none does, an entry to add for it.
fn match_outlet(
    outlets: &[KnownOutlet],
    site: Option<&Found>,
    url: Option<&Found>,
) -> (Option<Found>, Option<String>) {
    let norm = |s: &str| slug(s);
    let domain = url.and_then(|u| host(&u.value));
    if let Some(site) = site
        && let Some(o) = outlets.iter().find(|o| norm(&o.name) == norm(&site.value))
    {
        return (
            Some(found(
                o.id.clone(),
                format!("the site name \"{}\"", site.value),
            )),
            None,
        );
    }
    if let Some(domain) = &domain
        && let Some(o) = outlets
            .iter()
            .find(|o| o.url.as_deref().and_then(host).as_ref() == Some(domain))
    {
        return (
            Some(found(o.id.clone(), format!("the domain {domain}"))),
            None,
        );
    }
    let name = site.map(|s| s.value.clone()).or_else(|| domain.clone());
    let proposal = name.filter(|n| !slug(n).is_empty()).map(|name| {
        let mut entry = format!(
            "{}:\n  name: {}\n  kind: other\n",
            slug(&name),
            yaml_string(&name)
        );
        if let Some(domain) = &domain {
            let scheme = url.map_or("https", |u| {
                if u.value.starts_with("http://") {
                    "http"
                } else {
                    "https"
                }
            });
            let www = url.is_some_and(|u| u.value.contains("://www."));
            entry.push_str(&format!(
                "  url: {scheme}://{}{domain}/\n",
                if www { "www." } else { "" }
            ));
        }
        entry
    });
    (None, proposal)
}

/// A title the page's markup gives as its visible headline and more after a separator
/// ("Headline - Author - Site", "Headline | Site") is the headline the reader sees.
fn headline_rather(title: Found, headline: Option<&str>) -> Found {
    let Some(h) = headline.filter(|h| !h.is_empty()) else {
        return title;
    };
    match title.value.strip_prefix(h).map(str::trim_start) {
        Some(rest) if rest.starts_with(['-', '|', '–', '—', '_', '[', '·', '»']) => {
            found(h, "the headline")
        }
        _ => title,
    }
}

/// "Headline | Site" → "Headline", when the page names its site so.
fn without_site(title: Found, site: Option<&Found>) -> Found {
    let Some(site) = site else {
        return title;
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
        if let Some(head) = title.value.strip_suffix(&format!("{sep}{}", site.value))
            && !head.trim().is_empty()
        {
            return found(head.trim(), title.source);
        }
    }
    title
}

/// `--published`: a front-matter date, or anything a date line may say.
fn published_option(s: &str, language: &'static Language) -> Option<String> {
    if let Some(p) = crate::load::parse_published(s) {
        return Some(p.iso());
    }
    date_line(s, language).filter(|d| !d.updated).map(|d| d.iso)
}

pub(super) const HEADLINE: &str = "headline → title";
pub(super) const PAGE_TITLE: &str = "page title";
pub(super) const BYLINE: &str = "byline → author";
const PUBLISHED: &str = "date line → published";
const OUTSIDE: &str = "outside the article";
const LINK_LIST: &str = "list of links";

/// The line rules: furniture anywhere in the text, date lines, and, in a plain text
/// (`tail`), everything after a "More From …" line, which a page's structure would have
/// set apart. Returns the publication date found and the line it came from.
fn strip_furniture(
    pieces: &[Piece],
    tail: bool,
    language: &'static Language,
    fate: &mut [Fate],
) -> Option<(String, String)> {
    let tail_allowed = tail;
    let mut published: Option<(String, String)> = None;
    let mut body_seen = false;
    let mut tail = false;
    for (i, p) in pieces.iter().enumerate() {
        if p.kind == Kind::Blank || fate[i] != Fate::Keep {
            continue;
        }
        if tail {
            fate[i] = Fate::Strip("related links");
            continue;
        }
        if p.kind == Kind::PageTitle {
            continue;
        }
        if related_links(&p.text) {
            // Before the article has begun, the same words are a menu entry; after it,
            // they open the list of other stories that ends a scraped page.
            if body_seen {
                tail = tail_allowed;
                fate[i] = Fate::Strip("related links");
            } else {
                fate[i] = Fate::Strip("navigation");
            }
            continue;
        }
        if let Some(reason) = furniture(&p.text) {
            fate[i] = Fate::Strip(reason);
            continue;
        }
        if let Some(date) = date_line(&p.text, language) {
            let reason = match &published {
                _ if date.updated => "date line (updated)",
                None => PUBLISHED,
                Some((_, line)) if *line == p.text => "date line, repeated",
                Some(_) => "date line",
            };
            if reason == PUBLISHED {
                published = Some((date.iso, p.text.clone()));
            }
            fate[i] = Fate::Strip(reason);
            continue;
        }
        if words(&p.text) > 10 {
            body_seen = true;
        }
    }
    published
}

/// The date a news dateline opens the article with, the paragraph kept as it is:
/// "Feb. 23, 2015 -- Life-threatening …", "WASHINGTON, March 14, 2030 — The council …".
fn dateline(pieces: &[Piece], fate: &[Fate], language: &'static Language) -> Option<Found> {
    pieces
        .iter()
        .zip(fate)
        .filter(|(p, f)| **f == Fate::Keep && p.kind == Kind::Text && words(&p.text) >= 10)
        .take(3)
        .find_map(|(p, _)| {
            let cut = [" -- ", " — ", " – "]
                .iter()
                .filter_map(|sep| p.text.find(sep))
                .min()?;
            let prefix = &p.text[..cut];
            if words(prefix) > 8 {
                return None;
            }
            let date = std::iter::once(prefix)
                .chain(prefix.split_once(", ").map(|(_, rest)| rest))
                .find_map(|t| date_line(t, language).filter(|d| !d.updated))?;
            Some(found(date.iso, format!("the dateline \"{prefix}\"")))
        })
}

/// A block that is only a `<time>`'s text is a date line in any language ("7. Januar
/// 2026, 18:00 Uhr"): the page's markup says so where no language table could.
fn strip_time_lines(doc: &Html, pieces: &[Piece], fate: &mut [Fate]) {
    let selector = scraper::Selector::parse("time").expect("a valid selector");
    let times: HashSet<String> = doc
        .select(&selector)
        .map(|t| {
            t.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    if times.is_empty() {
        return;
    }
    for (p, f) in pieces.iter().zip(fate.iter_mut()) {
        if *f == Fate::Keep && p.kind == Kind::Text && times.contains(&p.text) {
            *f = Fate::Strip("date line");
        }
    }
}

/// A line of four words or more that repeats an earlier one is a caption or a pull
/// quote the page showed twice: the first copy stays.
fn strip_repeats(pieces: &[Piece], fate: &mut [Fate]) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, p) in pieces.iter().enumerate() {
        if fate[i] != Fate::Keep || p.kind != Kind::Text || words(&p.text) < 4 {
            continue;
        }
        if !seen.insert(&p.text) {
            fate[i] = Fate::Strip(if caption(&p.text) {
                "repeated caption"
            } else {
                "repeated line"
            });
        }
    }
}

/// Groups the kept pieces into paragraphs (index ranges into `pieces`) and marks the
/// headings: HTML headings, and, given the style of a plain text, the one-line
/// paragraphs shaped like a subheading.
fn mark_headings(
    pieces: &[Piece],
    detect: Option<Style>,
    fate: &mut [Fate],
) -> Vec<std::ops::Range<usize>> {
    let style = detect.unwrap_or(Style::Blocks);
    let mut paragraphs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..=pieces.len() {
        let joins = i < pieces.len()
            && fate[i] == Fate::Keep
            && pieces[i].kind != Kind::Blank
            && pieces[i].kind != Kind::PageTitle;
        // A stripped line ends a paragraph too: what stood between two lines is gone,
        // and joining them would make one paragraph the page never had.
        let continues = joins
            && style == Style::Blocks
            && pieces[i].kind == Kind::Text
            && open.is_some_and(|s| pieces[s].kind == Kind::Text);
        if continues {
            continue;
        }
        if let Some(s) = open.take() {
            paragraphs.push(s..i);
        }
        if joins {
            open = Some(i);
        }
    }
    for range in &paragraphs {
        let p = &pieces[range.start];
        let is_heading = match p.kind {
            Kind::Heading | Kind::Headline => true,
            _ => range.len() == 1 && detect.is_some_and(|style| heading(&p.text, style)),
        };
        if is_heading {
            fate[range.start] = Fate::Heading;
        }
    }
    paragraphs
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn options() -> Options {
        Options::default()
    }

    /// The Markdown after the front matter and the blank line that follows it.
    fn body_of(a: &Imported) -> &str {
        let split = crate::load::split_front_matter(&a.markdown).unwrap();
        a.markdown[split.body].trim_start_matches('\n')
    }

    /// Lines of the seed 004 (internewscast): a share widget, then the article, one
    /// paragraph per line, with neither a headline nor a date.
    const SEED_004: &str = "Share this @internewscast.com\nCuba has confirmed the deaths of 32 of its nationals, who were described by the government as part of the island’s armed forces and intelligence services, during a U.S. operation that led to the capture of Venezuelan leader Nicolás Maduro in Caracas.\nThe Cuban government has not disclosed the specific locations where these personnel were stationed during the raid.\n\nJraissati further mentioned that any potential transition in Venezuela would necessitate collaboration between the American government and the Venezuelan populace.\nExperts say Cuba’s admission that its military and intelligence personnel were killed during a U.S. operation inside Venezuela has sharpened focus on the alliance’s true depth, turning years of documentation into an immediate geopolitical issue.";

    #[test]
    fn seed_004_needs_a_title_and_a_date() {
        assert_eq!(
            article(SEED_004, &options()).unwrap_err(),
            Problem::Missing {
                title: true,
                published: true
            }
        );
        let o = Options {
            title: Some("Cuba confirms 32 dead".into()),
            published: Some("2026-01-06".into()),
            outlet: Some("internewscast".into()),
            force: false,
            dry_run: false,
            outlets: Vec::new(),
            timeout: None,
            language: None,
        };
        let a = article(SEED_004, &o).unwrap();
        assert_eq!(a.id, "cuba-confirms-32-dead");
        assert_eq!(
            a.stripped,
            [Stripped {
                line: 1,
                text: "Share this @internewscast.com".into(),
                reason: "share widget"
            }]
        );
        assert!(a.markdown.starts_with(
            "---\ntitle: \"Cuba confirms 32 dead\"\noutlet: internewscast\n# published: given with --published\npublished: 2026-01-06\n---\n\nCuba has confirmed"
        ));
        // One paragraph per line.
        assert_eq!(crate::markdown::blocks(body_of(&a)).len(), 4);
    }

    #[test]
    fn prose_the_layout_set_apart_from_the_article_is_kept() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} of the story goes on at the length of a real one, with \
                 its clauses, its figures and its quotes, until it ends a sentence.</p>"
            )
        };
        let main: String = (1..=6).map(para).collect();
        let page = format!(
            r#"<html><head><meta property="article:published_time" content="2030-03-14"></head><body>
<h1>Council closes the bridge</h1>
<div class="story">{main}</div>
<div class="profile"><h3>Profile</h3><p>A name</p></div>
<div class="more">{}{}<h2>What comes next</h2>{}</div>
<div class="teasers"><p>Short teaser.</p><p><a href="/a">Another story whose whole text is a link, long enough to be prose if its link were not counted.</a></p></div>
</body></html>"#,
            para(7),
            para(8),
            para(9)
        );
        let a = article(&page, &options()).unwrap();
        let body = body_of(&a);
        for n in 1..=9 {
            assert!(body.contains(&format!("Paragraph {n} ")), "{n}: {body}");
        }
        assert!(body.contains("## What comes next"), "{body}");
        assert!(!body.contains("Profile"), "{body}");
        assert!(!body.contains("Another story"), "{body}");

        // One paragraph alone after the article may be a teaser: it stays out.
        let one = page.replace(&para(8), "").replace(&para(9), "");
        let body = body_of(&article(&one, &options()).unwrap()).to_string();
        assert!(!body.contains("Paragraph 7 "), "{body}");

        // Japanese prose is shorter for what it says, and ends with its own full stop.
        let japanese = |n: usize| {
            format!(
                "<p>第{n}段落。脆弱な設定の公衆無線や攻撃者が設置した偽の公衆無線への接続などによる情報漏えい、通信の盗み見などの危険が危惧されているという。</p>"
            )
        };
        let page = page
            .replace(&para(7), &japanese(7))
            .replace(&para(8), &japanese(8));
        let body = body_of(&article(&page, &options()).unwrap()).to_string();
        assert!(
            body.contains("第7段落") && body.contains("第8段落"),
            "{body}"
        );
    }

    #[test]
    fn a_list_of_links_and_nothing_else_is_a_menu() {
        let page = r#"<html><head><meta property="article:published_time" content="2030-03-14"></head><body>
<h1>Council closes the bridge</h1><article>
<ul><li><a href="https://x.example/mail">Mail</a></li><li><a href="https://x.example/news">News</a></li><li><a href="https://x.example/sport">Sport</a></li></ul>
<p>The council closed the bridge on Tuesday, after engineers found cracks in two of its piers.</p>
<ul><li><a href="https://x.example/a">Two links</a></li><li><a href="https://x.example/b">are no menu</a></li></ul>
<ul><li>A list</li><li>of <a href="https://x.example/c">words</a> with a link</li><li>stays.</li></ul>
</article></body></html>"#;
        let a = article(page, &options()).unwrap();
        let body = body_of(&a);
        assert!(!body.contains("Mail"), "{body}");
        assert!(body.contains("Two links"), "{body}");
        assert!(body.contains("- of [words]"), "{body}");
        assert_eq!(
            a.stripped
                .iter()
                .filter(|s| s.reason == LINK_LIST)
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>(),
            ["Mail", "Sport"]
        );
    }

    /// Lines of the seed 000: three stories on one page, one paragraph per line, the
    /// second and third introduced by a title-case headline.
    const SEED_000: &str = "MIAMI – Following the U.S. raid in Caracas by special operators on Feb. 3, 2026, resulting in the capture of former dictator Nicolás Maduro, the interim government of Delcy Rodríguez is rearranging the internal security apparatus.\nThe arrangement was a hallmark of the socialist bloc’s collaboration between the two governments and has remained a thorn in the side of U.S. foreign policy for decades.\n\nAssembly President Confirms Release of Political Prisoners After Passing of General Amnesty Bill\nMIAMI – Jorge Rodríguez issued remarks to the media on Saturday, assuring residents that “at this moment” there are “hundreds of releases” resulting from the Amnesty Bill that was promulgated on Thursday.\n\nTop Venezuelan Official Wanted by U.S. Government\nEl Aissami also served as the nation’s vice president under the now deposed dictator, Nicolás Maduro.\nHowever, such claims have not been confirmed by any government.";

    #[test]
    fn seed_000_keeps_every_story_and_marks_their_headlines() {
        let o = Options {
            title: Some("Interim government rearranges security".into()),
            published: Some("2026-02-21".into()),
            ..Options::default()
        };
        let a = article(SEED_000, &o).unwrap();
        assert!(a.stripped.is_empty(), "{:?}", a.stripped);
        let body = body_of(&a);
        let headings: Vec<String> = crate::markdown::blocks(body)
            .into_iter()
            .filter(|b| b.kind != crate::markdown::BlockKind::Paragraph)
            .map(|b| b.text.into())
            .collect();
        assert_eq!(
            headings,
            [
                "Assembly President Confirms Release of Political Prisoners After Passing of General Amnesty Bill",
                "Top Venezuelan Official Wanted by U.S. Government"
            ]
        );
        assert!(body.starts_with("MIAMI – Following"));
    }

    /// Lines of the seed 001: a headline with a full stop set apart by a blank line,
    /// then one paragraph per line with capitalised subheadings.
    pub(in crate::import) const SEED_001: &str = "Cuban security personnel withdraw from Venezuela amid escalating US pressure.\n\nCuban security experts and medical professionals have been departing Venezuela as Interim President Delcy Rodriguez’s administration encounters significant pressure from Washington, according to 11 informed sources.\nThe exclusion of Cubans from the presidential guard and the counterintelligence section has not been previously disclosed.\nTRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS\nBefore the operation to oust Maduro, thousands of Cuban medical professionals and sports instructors were employed in Venezuela.\nRETURN FLIGHTS TO CUBA\n“The Cubans were unsuccessful in safeguarding Maduro, however they were instrumental in maintaining the Chavista regime,” stated Polga-Hecimovich.";

    #[test]
    fn seed_001_headline_ends_with_a_full_stop() {
        let a = article(
            SEED_001,
            &Options {
                published: Some("2026-02-21".into()),
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(
            a.title,
            "Cuban security personnel withdraw from Venezuela amid escalating US pressure"
        );
        assert_eq!(
            a.id,
            "cuban-security-personnel-withdraw-from-venezuela-amid"
        );
        assert_eq!(a.stripped.len(), 1);
        assert_eq!(a.stripped[0].reason, HEADLINE);
        assert!(
            a.markdown
                .contains("\n\n## TRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS\n\n")
        );
        assert!(a.markdown.contains("\n\n## RETURN FLIGHTS TO CUBA\n\n"));
    }

    fn stripped(a: &Imported) -> Vec<(usize, &str, &str)> {
        a.stripped
            .iter()
            .map(|s| (s.line, s.text.as_str(), s.reason))
            .collect()
    }

    #[test]
    fn seed_002_turkiye_today() {
        let text = include_str!("../../tests/fixtures/import/002-turkiye-today.txt");
        let a = article(
            text,
            &Options {
                outlet: Some("turkiye-today".into()),
                ..options()
            },
        )
        .unwrap();
        let caption = "Venezuelas Vice President Delcy Rodriguez speaks during the presentation of the 2026 fiscal year budget at the National Congress in Caracas, Venezuela on December 4, 2025. (AFP Photo)";
        let trump = "U.S. President Donald Trump delivers remarks during the inaugural meeting of the \"Board of Peace\" at the U.S. Institute of Peace in Washington, DC, on February 19, 2026. (AFP Photo)";
        let date = "February 21, 2026 04:11 PM GMT+03:00";
        assert_eq!(
            stripped(&a),
            [
                (1, "Close", "navigation"),
                (2, "newsletters Newsletters", "navigation"),
                (3, "X Instagram Youtube", "navigation"),
                (
                    5,
                    "Cuban security advisers leave Venezuela amid US pressure",
                    HEADLINE
                ),
                (8, "Photo", "photo credit"),
                (9, "BigPhoto", "photo credit"),
                (10, caption, "repeated caption"),
                (11, date, "date line → published"),
                (34, trump, "repeated caption"),
                (72, date, "date line, repeated"),
                (73, "More From Türkiye Today", "related links"),
            ]
        );
        assert_eq!(
            a.title,
            "Cuban security advisers leave Venezuela amid US pressure"
        );
        assert_eq!(
            a.id,
            "cuban-security-advisers-leave-venezuela-amid-us-pressure"
        );
        assert_eq!(a.published, "2026-02-21T16:11:00+03:00");
        assert_eq!(a.author, None);
        assert!(a.markdown.starts_with(concat!(
            "---\n",
            "title: \"Cuban security advisers leave Venezuela amid US pressure\"\n",
            "outlet: turkiye-today\n",
            "# published: from the date line \"February 21, 2026 04:11 PM GMT+03:00\"\n",
            "published: 2026-02-21T16:11:00+03:00\n",
            "---\n\n",
            "Venezuelas Vice President Delcy Rodriguez speaks",
        )));
        for heading in [
            "Shift in presidential security",
            "Washington pushes to sever ties",
            "Continued contacts, limited presence",
        ] {
            assert!(
                a.markdown.contains(&format!("\n\n## {heading}\n\n")),
                "{heading}"
            );
        }
        assert!(
            a.markdown
                .ends_with("“The coup-proofing worked brilliantly.”\n")
        );
    }

    #[test]
    fn seed_003_miami_herald_through_arcamax() {
        let text = include_str!("../../tests/fixtures/import/003-arcamax.txt");
        let a = article(
            text,
            &Options {
                published: Some("2026-01-10".into()),
                ..options()
            },
        )
        .unwrap();
        assert_eq!(
            stripped(&a),
            [
                (1, "Current News", "navigation"),
                (3, "/", "navigation"),
                (5, "ArcaMax", "navigation (before the headline)"),
                (
                    7,
                    "Political prisoner release promise stalls amid internal power struggle in Venezuela",
                    HEADLINE
                ),
                (9, "Antonio María Delgado, Miami Herald on", BYLINE),
                (11, "Published in News & Features", "section label"),
                (109, "———", "separator"),
                (
                    114,
                    "©2026 Miami Herald. Visit at miamiherald.com. Distributed by Tribune Content Agency, LLC.",
                    "copyright"
                ),
                (118, "Comments", "comments widget"),
                (120, "blog comments powered by Disqus", "comments widget"),
            ]
        );
        assert_eq!(a.author.as_deref(), Some("Antonio María Delgado"));
        assert!(a.markdown.starts_with(concat!(
            "---\n",
            "title: \"Political prisoner release promise stalls amid internal power struggle in Venezuela\"\n",
            "# published: given with --published\n",
            "published: 2026-01-10\n",
            "# author: from the byline \"Antonio María Delgado, Miami Herald on\"\n",
            "author: \"Antonio María Delgado\"\n",
            "---\n\n",
            "An announcement by Venezuela’s interim government",
        )));
        for heading in [
            "Rodríguez vs. Cabello, round one",
            "Trump celebrates — and pauses further attacks",
            "‘Not real freedom’",
            "Families wait",
            "A tearful vigil",
        ] {
            assert!(
                a.markdown.contains(&format!("\n\n## {heading}\n\n")),
                "{heading}"
            );
        }
        assert!(a.markdown.contains(
            "\n\nHe said at least $100 billion would be invested by major oil companies.\n\n"
        ));
        assert!(a.markdown.ends_with(
            "(A Miami Herald correspondent in Venezuela contributed to this report.)\n"
        ));
    }

    #[test]
    fn every_input_line_is_kept_or_reported() {
        let texts = [
            include_str!("../../tests/fixtures/import/002-turkiye-today.txt"),
            include_str!("../../tests/fixtures/import/003-arcamax.txt"),
            SEED_000,
            SEED_001,
            SEED_004,
        ];
        let o = Options {
            title: None,
            published: Some("2026-01-10".into()),
            outlet: Some("x".into()),
            force: false,
            dry_run: false,
            outlets: Vec::new(),
            timeout: None,
            language: None,
        };
        for (i, text) in texts.iter().enumerate() {
            let o = Options {
                title: Some(format!("Article {i}")).filter(|_| i >= 2 && i != 3),
                ..o.clone()
            };
            let a = article(text, &o).unwrap();
            let split = crate::load::split_front_matter(&a.markdown).unwrap();
            let body = &a.markdown[split.body.clone()];
            // Every line of the input is either in the body or stripped.
            let kept: usize = crate::markdown::blocks(body).len();
            let input_lines = text.lines().filter(|l| !l.trim().is_empty()).count();
            assert_eq!(kept + a.stripped.len(), input_lines, "text {i}");
            // The body text is the input text: paragraphs read back verbatim.
            for block in crate::markdown::blocks(body) {
                assert!(
                    text.contains(block.text.as_str()),
                    "text {i}: {}",
                    block.text
                );
            }
        }
    }

    #[test]
    fn html_is_converted() {
        let html = r#"<!DOCTYPE html><html><head><title>Big &amp; Bold | The Courier</title>
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body><header><nav><a href="/">Home</a> <a href="https://x.example/news">News</a></nav><h1>The Courier</h1></header>
<main><article><header><p class="kicker">Town</p><h1>Council   votes&nbsp;to close the bridge</h1>
<p class="byline">By Ines Marlow</p><p>March 14, 2030 6:30 PM CET</p></header>
<p>The council voted <b>five to four</b> on Tuesday &mdash; “a close call”, said one <a href="https://council.example/vote?a=1&amp;b=(2)"><em>member</em></a>.</p>
<!-- a comment --><div><a href="/local">Loose text</a> in a div<br>on <a href="https://x.example/"> </a>two lines</div>
<h2>What the report found</h2><p>Rust in two supports. 3 &lt; 4 &amp; *stars*.</p>
<h3>Costs</h3><ul><li>Steel for the supports</li><li>Labour, two lines<br>of it</li></ul>
<ol><li>First the supports</li></ol><blockquote><p>We had no choice, said the mayor.</p></blockquote>
<figure><img src="x.jpg"><figcaption>The bridge. (Photo: Courier)</figcaption></figure>
<p>Share this article</p></article><aside><p>Related: other news of the town today</p></aside></main>
<footer><p>© 2030 The Courier</p></footer></body></html>"#;
        let a = article(html, &options()).unwrap();
        assert_eq!(a.title, "Council votes\u{a0}to close the bridge");
        assert_eq!(a.author.as_deref(), Some("Ines Marlow"));
        assert_eq!(a.published, "2030-03-14T18:30:00+01:00");
        let reasons: Vec<(&str, &str)> = a
            .stripped
            .iter()
            .map(|s| (s.text.as_str(), s.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                ("Big & Bold | The Courier", PAGE_TITLE),
                ("Home News", "site header"),
                ("The Courier", "site header"),
                ("Town", "before the headline"),
                ("Council votes\u{a0}to close the bridge", HEADLINE),
                ("By Ines Marlow", BYLINE),
                ("March 14, 2030 6:30 PM CET", "date line → published"),
                ("Share this article", "share widget"),
                ("Related: other news of the town today", "aside"),
                ("© 2030 The Courier", "footer"),
            ]
        );
        let body = body_of(&a);
        assert_eq!(
            body,
            "The council voted five to four on Tuesday — “a close call”, said one \
             [member](<https://council.example/vote?a=1&b=(2)>).\n\n\
             Loose text in a div\non two lines\n\n\
             ## What the report found\n\n\
             Rust in two supports. 3 < 4 & \\*stars\\*.\n\n\
             ### Costs\n\n\
             - Steel for the supports\n\n\
             - Labour, two lines\n  of it\n\n\
             1. First the supports\n\n\
             > We had no choice, said the mayor.\n\n\
             *The bridge. (Photo: Courier)*\n"
        );
    }

    #[test]
    fn a_page_says_in_its_head_what_its_text_does_not() {
        let html = r#"<!DOCTYPE html><html lang="es"><head>
<title>El Gobierno aprueba la ley de puentes | El Correo</title>
<meta property="og:title" content="El Gobierno aprueba la ley de puentes | El Correo">
<meta property="og:site_name" content="El Correo">
<meta property="article:published_time" content="2030-03-14T18:30:00+01:00">
<link rel="canonical" href="https://elcorreo.example/ley-de-puentes">
<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Inés Marlow"}}</script>
</head><body><main><p>El Consejo de Ministros aprobó el martes la ley que regula los puentes del país.</p>
<p>La norma entra en vigor el próximo mes, según el Boletín Oficial.</p></main></body></html>"#;
        let a = article(html, &options()).unwrap();
        assert_eq!(a.id, "el-gobierno-aprueba-la-ley-de-puentes");
        assert!(
            a.markdown.starts_with(concat!(
                "---\n",
                "# title: from meta og:title\n",
                "title: \"El Gobierno aprueba la ley de puentes\"\n",
                "# published: from meta article:published_time\n",
                "published: 2030-03-14T18:30:00+01:00\n",
                "# author: from JSON-LD author\n",
                "author: \"Inés Marlow\"\n",
                "# url: from <link rel=canonical>\n",
                "url: \"https://elcorreo.example/ley-de-puentes\"\n",
                "# language: from <html lang>\n",
                "language: es\n",
                "---\n\n",
                "El Consejo de Ministros aprobó el martes",
            )),
            "{}",
            a.markdown
        );
    }

    #[test]
    fn a_title_without_latin_letters_names_the_file_by_its_transliteration() {
        let html = "<html><head><title>宇航员在太空中喝酒会怎么样</title></head><body>\
<p>发布时间 <time datetime=\"2017-03-10\">2017-03-10</time></p>\
<p>宇航员在太空中喝酒会怎么样？后果很严重。</p></body></html>";
        let a = article(html, &options()).unwrap();
        assert_eq!(a.title, "宇航员在太空中喝酒会怎么样");
        assert_eq!(
            a.id,
            "yu-hang-yuan-zai-tai-kong-zhong-he-jiu-hui-zen-me-yang"
        );
        assert_eq!(a.published, "2017-03-10");
        assert!(a.markdown.contains("# published: from <time datetime>\n"));
    }

    #[test]
    fn a_head_title_that_adds_to_the_headline_gives_way_to_it() {
        let t = |v: &str| found(v, "JSON-LD headline");
        let h = Some("Samantha and The Great Big Lie");
        let table = [
            (
                "Samantha and The Great Big Lie - John C. Welch",
                "the headline",
            ),
            ("Samantha and The Great Big Lie | Site", "the headline"),
            ("Samantha and The Great Big Lie", "JSON-LD headline"),
            (
                "Samantha and The Great Big Lie: how it began",
                "JSON-LD headline",
            ),
            ("Samantha and The Great Big Lies", "JSON-LD headline"),
        ];
        for (title, source) in table {
            assert_eq!(headline_rather(t(title), h).source, source, "{title}");
        }
        assert_eq!(
            headline_rather(t("A - B"), None).value,
            "A - B",
            "no headline, no change"
        );
    }

    #[test]
    fn a_gallery_of_headed_items_inside_the_article_is_not_the_article() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} of the report, long enough to count, with a comma, and more words after it.</p>"
            )
        };
        let slide = |n: usize| {
            format!(
                "<li><h2>{n}/6 Another story</h2><p>Caption {n} of a slide about another story, long, with commas, \
and long enough to outweigh, by far, every paragraph of the article itself.</p></li>"
            )
        };
        let slides: String = (1..=6).map(slide).collect();
        let html = format!(
            "<html><head><meta property=\"article:published_time\" content=\"2030-03-14\"></head><body>\
<div class=\"story\"><h1>Council closes the bridge</h1>{}{}\
<div class=\"gallery\"><ul>{slides}</ul></div>{}\
<ul><li>The first of the article's own points.</li><li>The second.</li><li>The third.</li>\
<li>The fourth.</li><li>The fifth.</li></ul></div></body></html>",
            para(1),
            para(2),
            para(3),
        );
        let a = article(&html, &options()).unwrap();
        let body = body_of(&a);
        for n in 1..=3 {
            assert!(body.contains(&format!("Paragraph {n} ")), "{n}: {body}");
        }
        assert!(body.contains("- The fifth."), "{body}");
        assert!(!body.contains("Caption"), "{body}");
        let slides_stripped = stripped(&a)
            .iter()
            .filter(|(_, _, reason)| *reason == "a list of other stories")
            .count();
        assert_eq!(slides_stripped, 12);
    }

    #[test]
    fn a_time_of_its_own_is_a_date_line_in_any_language_and_teasers_do_not_date_the_article() {
        let html = "<html lang=\"de\"><body>\
<div class=\"teaser\"><p><time datetime=\"2025-11-02\">2. November 2025</time> Eine andere Geschichte.</p></div>\
<div class=\"inhalt\"><h1>Stadtrat beschließt neue Radwege</h1>\
<p><time datetime=\"2026-01-07T18:00:00+01:00\">7. Januar 2026, 18:00 Uhr</time></p>\
<p>Der Stadtrat hat am Mittwochabend mit großer Mehrheit beschlossen, neue Radwege zu bauen.</p></div>\
</body></html>";
        let a = article(html, &options()).unwrap();
        assert_eq!(a.published, "2026-01-07T18:00:00+01:00");
        assert!(!body_of(&a).contains("Januar"), "{}", body_of(&a));
        assert!(
            stripped(&a).contains(&(3, "7. Januar 2026, 18:00 Uhr", "date line")),
            "{:?}",
            stripped(&a)
        );
    }

    #[test]
    fn the_pages_language_or_the_option_chooses_the_date_table() {
        let page = "<html lang=\"es\"><body><article><h1>Abre el mercado</h1>\
<p>Publicado el 3 de enero de 2026</p>\
<p>El nuevo mercado abrió sus puertas el sábado con ochenta puestos de fruta y pescado.</p>\
</article></body></html>";
        let a = article(page, &options()).unwrap();
        assert_eq!(a.published, "2026-01-03");
        assert_eq!(
            a.published_from,
            "the date line \"Publicado el 3 de enero de 2026\""
        );
        // Plain text says no language: English, unless the option says otherwise.
        let text = "Abre el mercado\n\nPublicado el 3 de enero de 2026\n\n\
El nuevo mercado abrió sus puertas el sábado con ochenta puestos de fruta y pescado.\n";
        assert_eq!(
            article(text, &options()).unwrap_err(),
            Problem::Missing {
                title: false,
                published: true
            }
        );
        let spanish = Options {
            language: Some("es".into()),
            ..options()
        };
        let a = article(text, &spanish).unwrap();
        assert_eq!(a.published, "2026-01-03");
        assert!(
            a.markdown
                .contains("# language: given with --language\nlanguage: es\n")
        );
        let bad = Options {
            language: Some("not a tag".into()),
            ..options()
        };
        assert_eq!(
            article(text, &bad).unwrap_err(),
            Problem::BadLanguage("not a tag".into())
        );
    }

    #[test]
    fn a_related_box_mid_article_is_stripped_and_the_article_goes_on() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} of the report, long enough to count, with a comma, and more words after it.</p>"
            )
        };
        let html = format!(
            "<html><head><meta property=\"article:published_time\" content=\"2030-03-14\"></head><body>\
<div class=\"menu\"><a href=\"/\">Inicio</a> <a href=\"/a\">Portada</a></div>\
<div class=\"story\"><h1>Council closes the bridge</h1>{}{}\
<div class=\"related-box\"><p>Related</p><ul><li><a href=\"/x\">Another story of the town</a></li></ul></div>\
{}{}{}</div>\
<div class=\"teasers\"><p><a href=\"/y\">Meistgelesen: a teaser of another story entirely</a></p></div>\
</body></html>",
            para(1),
            para(2),
            para(3),
            para(4),
            para(5)
        );
        let a = article(&html, &options()).unwrap();
        let body = body_of(&a);
        for n in 1..=5 {
            assert!(body.contains(&format!("Paragraph {n} ")), "{n}: {body}");
        }
        assert_eq!(
            stripped(&a)
                .iter()
                .map(|(_, text, reason)| (*text, *reason))
                .collect::<Vec<_>>(),
            [
                ("Inicio Portada", "navigation"),
                ("Council closes the bridge", HEADLINE),
                ("Related", "related links"),
                ("Another story of the town", "related links"),
                (
                    "Meistgelesen: a teaser of another story entirely",
                    "outside the article"
                ),
            ]
        );
    }

    #[test]
    fn a_dateline_dates_the_article_and_stays_in_it() {
        let text = "A headline for the test\n\nWASHINGTON, Feb. 23, 2015 -- The council voted on Monday to close the old bridge for repairs.\n";
        let a = article(text, &options()).unwrap();
        assert_eq!(a.published, "2015-02-23");
        assert!(
            a.markdown
                .contains("# published: from the dateline \"WASHINGTON, Feb. 23, 2015\"\n")
        );
        assert!(body_of(&a).starts_with("WASHINGTON, Feb. 23, 2015 -- The council"));
    }

    #[test]
    fn the_outlet_is_matched_by_site_name_or_domain() {
        let outlets = [KnownOutlet {
            id: "courier".into(),
            name: "The Courier".into(),
            url: Some("https://www.courier.example/".into()),
        }];
        let site = |s: &str| Some(found(s, "meta og:site_name"));
        let url = |u: &str| Some(found(u, "<link rel=canonical>"));
        let (by_name, _) = match_outlet(&outlets, site("the courier").as_ref(), None);
        assert_eq!(by_name.unwrap().source, "the site name \"the courier\"");
        let (by_domain, none) = match_outlet(
            &outlets,
            site("Courier Online").as_ref(),
            url("https://courier.example/news/1").as_ref(),
        );
        assert_eq!(by_domain.map(|o| o.value).as_deref(), Some("courier"));
        assert_eq!(none, None);
        let (unknown, proposal) = match_outlet(
            &outlets,
            site("El Correo").as_ref(),
            url("http://www.elcorreo.example/a").as_ref(),
        );
        assert_eq!(unknown, None);
        assert_eq!(
            proposal.as_deref(),
            Some(
                "el-correo:\n  name: \"El Correo\"\n  kind: other\n  url: http://www.elcorreo.example/\n"
            )
        );
    }

    #[test]
    fn html_without_h1_takes_the_page_title() {
        let html = "<html><head><title>Bridge closes | The Courier</title></head><body><p>The bridge closed on Monday, six days after the vote.</p></body></html>";
        let a = article(
            html,
            &Options {
                published: Some("2030-03-18".into()),
                ..options()
            },
        )
        .unwrap();
        assert_eq!(a.title, "Bridge closes");
        assert!(looks_like_html("Some text\n<p>para</p>"));
        assert!(!looks_like_html("Plain text about 3 <4 and p"));
    }

    #[test]
    fn bad_options_are_refused() {
        let text = "A headline for the test\n\nA paragraph of the article that is long enough to be one, with more than ten words.\n";
        let e = article(
            text,
            &Options {
                published: Some("21/02/2026".into()),
                ..options()
            },
        )
        .unwrap_err();
        assert_eq!(e, Problem::BadDate("21/02/2026".into()));
        assert!(
            e.to_string()
                .starts_with("`--published 21/02/2026` is not a date")
        );
        let e = article(
            text,
            &Options {
                published: Some("2026-02-21".into()),
                outlet: Some("Türkiye Today".into()),
                ..options()
            },
        )
        .unwrap_err();
        assert!(e.to_string().contains("such as `turkiye-today`"), "{e}");
        let e = article(
            "Close\n/\nComments\n",
            &Options {
                published: Some("2026-02-21".into()),
                ..options()
            },
        )
        .unwrap_err();
        assert_eq!(e, Problem::Empty);
        // A date written as on the page is accepted too.
        let a = article(
            text,
            &Options {
                published: Some("February 21, 2026".into()),
                ..options()
            },
        )
        .unwrap();
        assert_eq!(a.published, "2026-02-21");
    }

    #[test]
    fn missing_title_and_date_are_named_with_their_flags() {
        let e = Problem::Missing {
            title: true,
            published: true,
        }
        .to_string();
        assert_eq!(
            e,
            "found no headline; found no date: neither the page's head nor its text gives one: \
             pass --title \"TITLE\" and pass --published DATE (2026-02-21 or 2026-02-21T16:11:00+03:00)"
        );
    }
}

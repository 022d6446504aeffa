//! An *import* turns one scraped article — plain text as copied from a web page, or the
//! page's HTML — into an article file of the briefing: YAML front matter, then the text
//! as Markdown. What the page wrapped around the article (navigation, share buttons,
//! photo credits, a caption shown twice, comment widgets, separators, copyright lines,
//! "More From …" links) is *stripped*, and every stripped line is reported with its
//! reason so nothing disappears silently. A headline, a byline and a date line the import
//! recognises become `title`, `author` and `published`.
//!
//! [`article`] is pure: text in, file text and report out. [`run`] reads the files and
//! writes `content/articles/<id>.md`. Each rule is a small function of one line, tested
//! with lines taken from real scraped pages; the article's own words are kept verbatim.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::content::{slug, valid_id};
use crate::error::Failure;

/// What the user tells the import; each value overrides what the text says.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The outlet id written as `outlet:`; the key is left out when not given.
    pub outlet: Option<String>,
    /// The publication date: RFC 3339, `YYYY-MM-DD`, or a date line such as
    /// "February 21, 2026 04:11 PM GMT+03:00".
    pub published: Option<String>,
    /// The title; the article id is made from it.
    pub title: Option<String>,
    /// Replace an existing article file instead of refusing to.
    pub force: bool,
}

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
    /// The title has no letter or digit to make a file name from.
    NoId(String),
    /// Nothing is left once the page furniture is stripped.
    Empty,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing { title, published } => {
                let mut parts = Vec::new();
                if *title {
                    parts.push("found no headline: pass --title \"TITLE\"");
                }
                if *published {
                    parts.push(
                        "found no date line: pass --published DATE (2026-02-21 or 2026-02-21T16:11:00+03:00)",
                    );
                }
                f.write_str(&parts.join("; "))
            }
            Problem::BadDate(s) => write!(
                f,
                "`--published {s}` is not a date: write 2026-02-21 or 2026-02-21T16:11:00+03:00"
            ),
            Problem::BadOutlet(s) => write!(
                f,
                "`--outlet {s}` is not an outlet id: ids are lowercase letters, digits and hyphens, such as `{}`",
                slug(s)
            ),
            Problem::NoId(t) => write!(
                f,
                "the title `{t}` has no letter or digit to name the file after: pass another --title"
            ),
            Problem::Empty => f.write_str("no text is left once the page furniture is stripped"),
        }
    }
}

/// What [`run`] did with one input file.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file that was read.
    pub source: PathBuf,
    /// The article file that was written, under the briefing root.
    pub written: PathBuf,
    pub imported: Imported,
}

impl fmt::Display for Report {
    /// `imported content/articles/<id>.md (stripped 2 lines: "Close" — navigation; …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stripped = &self.imported.stripped;
        write!(f, "imported content/articles/{}.md", self.imported.id)?;
        if stripped.is_empty() {
            return f.write_str(" (nothing stripped)");
        }
        let n = stripped.len();
        write!(f, " (stripped {n} line{}: ", if n == 1 { "" } else { "s" })?;
        for (i, s) in stripped.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "\"{}\" — {}", shorten(&s.text, 48), s.reason)?;
        }
        f.write_str(")")
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// Imports each file into `content/articles/` of the briefing at `root`. Every file is
/// read and converted before anything is written, so a file that cannot be imported
/// leaves the briefing as it was. An existing article file is never overwritten unless
/// `options.force` is set.
pub fn run(root: &Path, files: &[PathBuf], options: &Options) -> Result<Vec<Report>, Failure> {
    if options.title.is_some() && files.len() > 1 {
        return Err(Failure::Other(
            "--title names one article: import one file at a time when you give it".to_string(),
        ));
    }
    if !root.join("briefing.yaml").is_file() {
        return Err(Failure::NotABriefing {
            path: root.to_path_buf(),
        });
    }
    let mut reports: Vec<Report> = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| Failure::io(path, "read", e))?;
        let imported = article(&text, options).map_err(|problem| {
            Failure::Other(format!("cannot import `{}`: {problem}", path.display()))
        })?;
        let written = root
            .join("content")
            .join("articles")
            .join(format!("{}.md", imported.id));
        if let Some(other) = reports.iter().find(|r| r.written == written) {
            return Err(Failure::Other(format!(
                "`{}` and `{}` would both become `{}`: import one of them with --title",
                other.source.display(),
                path.display(),
                written.display()
            )));
        }
        if written.exists() && !options.force {
            return Err(exists(&written));
        }
        reports.push(Report {
            source: path.clone(),
            written,
            imported,
        });
    }
    let folder = root.join("content").join("articles");
    std::fs::create_dir_all(&folder).map_err(|e| Failure::io(&folder, "create the folder", e))?;
    for report in &reports {
        write_new(&report.written, &report.imported.markdown, options.force)?;
    }
    Ok(reports)
}

fn exists(path: &Path) -> Failure {
    Failure::Other(format!(
        "`{}` already exists: pass --title to import under another name, or --force to replace it",
        path.display()
    ))
}

/// Writes a file, refusing to replace one unless `force`; `create_new` makes the check
/// and the creation one step, so a file that appeared meanwhile is not lost either.
fn write_new(path: &Path, text: &str, force: bool) -> Result<(), Failure> {
    use std::io::Write;
    let file = if force {
        std::fs::File::create(path)
    } else {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut file = file.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => exists(path),
        _ => Failure::io(path, "write", e),
    })?;
    file.write_all(text.as_bytes())
        .map_err(|e| Failure::io(path, "write", e))
}

// ---------------------------------------------------------------------------------------
// The pure core.

/// One unit of the input: a line of plain text, or a text block of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    line: usize,
    text: String,
    kind: Kind,
}

/// What a piece is before any rule runs. Only HTML says more than `Text` or `Blank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
enum Style {
    /// Blank lines separate paragraphs; lines in between belong to one paragraph.
    Blocks,
    /// Every line is a paragraph; blank lines are rare and only set parts apart.
    Lines,
}

/// What becomes of a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Heading,
    Strip(&'static str),
}

/// Converts a scraped article into an article file. See the module documentation.
pub fn article(text: &str, options: &Options) -> Result<Imported, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let html = looks_like_html(text);
    let (pieces, style) = if html {
        (html_pieces(text), Style::Blocks)
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
            })
            .collect();
        (pieces, style(&lines))
    };

    if let Some(outlet) = &options.outlet
        && !valid_id(outlet)
    {
        return Err(Problem::BadOutlet(outlet.clone()));
    }
    let given_date = match &options.published {
        Some(s) => Some(published_option(s).ok_or_else(|| Problem::BadDate(s.clone()))?),
        None => None,
    };

    let mut fate = vec![Fate::Keep; pieces.len()];
    let found_date = strip_furniture(&pieces, &mut fate);
    strip_repeats(&pieces, &mut fate);
    let head = if html {
        html_head(&pieces, &mut fate)
    } else {
        plain_head(&pieces, style, &mut fate)
    };
    // An HTML page marks its headings; in plain text they are recognised by shape.
    let paragraphs = mark_headings(&pieces, (!html).then_some(style), &mut fate);
    if paragraphs.is_empty() {
        return Err(Problem::Empty);
    }

    let title = options
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .or(head.title);
    let published = given_date
        .clone()
        .or_else(|| found_date.as_ref().map(|(iso, _)| iso.clone()));
    let (Some(title), Some(published)) = (title.clone(), published.clone()) else {
        return Err(Problem::Missing {
            title: title.is_none(),
            published: published.is_none(),
        });
    };
    let id = article_id(&title);
    if id.is_empty() {
        return Err(Problem::NoId(title));
    }

    let mut file = String::from("---\n");
    file.push_str(&format!("title: {}\n", yaml_string(&title)));
    if let Some(outlet) = &options.outlet {
        file.push_str(&format!("outlet: {outlet}\n"));
    }
    match (&given_date, &found_date) {
        (Some(_), _) => file.push_str("# published: given with --published\n"),
        (None, Some((_, line))) => {
            file.push_str(&format!("# published: from the date line \"{line}\"\n"))
        }
        (None, None) => {}
    }
    file.push_str(&format!("published: {published}\n"));
    if let Some((author, line)) = &head.author {
        file.push_str(&format!("# author: from the byline \"{line}\"\n"));
        file.push_str(&format!("author: {}\n", yaml_string(author)));
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
        title,
        author: head.author.map(|(a, _)| a),
        published,
        stripped,
    })
}

/// The article id: the slug of the title, cut at a word to at most 60 characters, since
/// it becomes a file name and a URL.
fn article_id(title: &str) -> String {
    let id = slug(title);
    if id.len() <= 60 {
        return id;
    }
    match id[..61].rfind('-') {
        Some(cut) if cut > 0 => id[..cut].to_string(),
        _ => id[..60].trim_end_matches('-').to_string(),
    }
}

/// A headline as a title: without the full stop some sites end headlines with, unless
/// the stop belongs to an abbreviation ("… U.S.").
fn title_from_headline(line: &str) -> String {
    match line.strip_suffix('.') {
        Some(rest)
            if !rest.ends_with('.') && !rest.rsplit(' ').next().unwrap_or("").contains('.') =>
        {
            rest.to_string()
        }
        _ => line.to_string(),
    }
}

/// `--published`: a front-matter date, or anything a date line may say.
fn published_option(s: &str) -> Option<String> {
    if let Some(p) = crate::load::parse_published(s) {
        return Some(p.iso());
    }
    date_line(s).filter(|d| !d.updated).map(|d| d.iso)
}

const HEADLINE: &str = "headline → title";
const PAGE_TITLE: &str = "page title";
const BYLINE: &str = "byline → author";
const PUBLISHED: &str = "date line → published";

/// The first pass: furniture anywhere in the text, date lines, and everything after a
/// "More From …" line. Returns the publication date found and the line it came from.
fn strip_furniture(pieces: &[Piece], fate: &mut [Fate]) -> Option<(String, String)> {
    let mut published: Option<(String, String)> = None;
    let mut body_seen = false;
    let mut tail = false;
    for (i, p) in pieces.iter().enumerate() {
        if p.kind == Kind::Blank {
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
                tail = true;
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
        if let Some(date) = date_line(&p.text) {
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

/// What the top of the article says about it.
#[derive(Debug, Default)]
struct Head {
    title: Option<String>,
    /// The author and the byline they came from.
    author: Option<(String, String)>,
}

/// The head of a plain text: short navigation lines, the headline, a byline, up to the
/// first line of the article itself.
fn plain_head(pieces: &[Piece], style: Style, fate: &mut [Fate]) -> Head {
    let mut head = Head::default();
    for i in 0..pieces.len() {
        let p = &pieces[i];
        if p.kind == Kind::Blank || fate[i] != Fate::Keep {
            continue;
        }
        if head.author.is_none()
            && let Some(name) = byline(&p.text)
        {
            head.author = Some((name, p.text.clone()));
            fate[i] = Fate::Strip(BYLINE);
            continue;
        }
        if head.title.is_none() {
            let set_apart = pieces.get(i + 1).is_none_or(|n| n.kind == Kind::Blank);
            if headline(&p.text, style, set_apart) {
                head.title = Some(title_from_headline(&p.text));
                fate[i] = Fate::Strip(HEADLINE);
                continue;
            }
            if words(&p.text) <= 3 && !ends_sentence(&p.text) {
                fate[i] = Fate::Strip("navigation (before the headline)");
                continue;
            }
        }
        break;
    }
    head
}

/// The head of an HTML page: the first `<h1>` is the headline and whatever comes before
/// it is page furniture; without one, `<title>` gives the title.
fn html_head(pieces: &[Piece], fate: &mut [Fate]) -> Head {
    let mut head = Head::default();
    let mut page_title = None;
    for (i, p) in pieces.iter().enumerate() {
        if p.kind == Kind::PageTitle {
            fate[i] = Fate::Strip(PAGE_TITLE);
            page_title.get_or_insert_with(|| site_suffix_removed(&p.text));
        }
    }
    let h1 = pieces
        .iter()
        .enumerate()
        .position(|(i, p)| p.kind == Kind::Headline && fate[i] == Fate::Keep);
    let mut start = 0;
    if let Some(h) = h1 {
        for i in 0..h {
            if pieces[i].kind == Kind::Blank || fate[i] != Fate::Keep {
                continue;
            }
            if head.author.is_none()
                && let Some(name) = byline(&pieces[i].text)
            {
                head.author = Some((name, pieces[i].text.clone()));
                fate[i] = Fate::Strip(BYLINE);
            } else {
                fate[i] = Fate::Strip("before the headline");
            }
        }
        head.title = Some(pieces[h].text.clone());
        fate[h] = Fate::Strip(HEADLINE);
        start = h + 1;
    } else {
        head.title = page_title.filter(|t| !t.is_empty());
    }
    for i in start..pieces.len() {
        if pieces[i].kind == Kind::Blank || fate[i] != Fate::Keep {
            continue;
        }
        if head.author.is_none()
            && let Some(name) = byline(&pieces[i].text)
        {
            head.author = Some((name, pieces[i].text.clone()));
            fate[i] = Fate::Strip(BYLINE);
            continue;
        }
        break;
    }
    head
}

/// "Headline | Site" → "Headline".
fn site_suffix_removed(title: &str) -> String {
    title
        .split(" | ")
        .next()
        .unwrap_or(title)
        .trim()
        .to_string()
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

/// The Markdown body: paragraphs and `## ` headings separated by blank lines.
fn body(pieces: &[Piece], fate: &[Fate], paragraphs: &[std::ops::Range<usize>]) -> String {
    let blocks: Vec<String> = paragraphs
        .iter()
        .map(|range| {
            if fate[range.start] == Fate::Heading {
                let mut h = escape_inline(&pieces[range.start].text);
                // A heading's trailing `#` would be read as a closing sequence.
                if h.ends_with('#') {
                    h.insert(h.len() - 1, '\\');
                }
                format!("## {h}")
            } else {
                pieces[range.clone()]
                    .iter()
                    .map(|p| escape_line(&p.text))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        })
        .collect();
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------
// Rules about the text as a whole.

/// Whether the input is HTML rather than plain text.
fn looks_like_html(text: &str) -> bool {
    if text.trim_start().starts_with('<') {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    lower.contains("<p>") || lower.contains("<p ") || lower.contains("<html")
}

/// How the text separates paragraphs. Blank lines after most lines mean blocks. So does
/// text wrapped at a fixed width: short lines that mostly break off mid-sentence. Lines
/// with hardly a blank line between them, each ending its sentence, are one paragraph
/// each, however short.
fn style(lines: &[&str]) -> Style {
    let line = |i: usize| lines.get(i).map_or("", |l| l.trim());
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !line(i).is_empty()).collect();
    let (ends, runs_on): (Vec<usize>, Vec<usize>) =
        nonblank.iter().partition(|&&i| line(i + 1).is_empty());
    let broken = runs_on.iter().filter(|&&i| !ends_sentence(line(i))).count();
    let wrapped = nonblank.len() >= 3
        && nonblank.iter().all(|&i| line(i).chars().count() <= 100)
        && !runs_on.is_empty()
        && broken * 2 >= runs_on.len();
    if ends.len() * 2 >= nonblank.len() || wrapped {
        Style::Blocks
    } else {
        Style::Lines
    }
}

// ---------------------------------------------------------------------------------------
// Rules about one line. Each takes the line trimmed.

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

fn has_letter(line: &str) -> bool {
    line.chars().any(char::is_alphabetic)
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']')
}

/// The line's last character that is not a closing quote or bracket.
fn final_mark(line: &str) -> Option<char> {
    line.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace())
        .chars()
        .next_back()
}

/// Whether a line ends like a sentence (or a clause that goes on).
fn ends_sentence(line: &str) -> bool {
    matches!(
        final_mark(line),
        Some('.' | '!' | '?' | ':' | ';' | ',' | '…')
    )
}

/// Page furniture that may stand anywhere: the reason, or `None` for article text.
fn furniture(line: &str) -> Option<&'static str> {
    let lower = line.to_lowercase();
    let n = words(line);
    if separator(line) {
        return Some("separator");
    }
    if !line.chars().any(char::is_alphanumeric) {
        // "/", "|", "»": breadcrumb and menu separators.
        return Some("navigation");
    }
    if navigation(&lower) {
        return Some("navigation");
    }
    if n <= 10
        && (lower == "share"
            || lower == "share:"
            || [
                "share this",
                "share on ",
                "share via ",
                "share article",
                "share story",
            ]
            .iter()
            .any(|p| lower.starts_with(p)))
    {
        return Some("share widget");
    }
    if photo_credit(&lower, n) {
        return Some("photo credit");
    }
    if comments(&lower, n) {
        return Some("comments widget");
    }
    if copyright(&lower) {
        return Some("copyright");
    }
    if n <= 12 && lower.starts_with("distributed by ") {
        return Some("distribution");
    }
    if n <= 10
        && [
            "published in ",
            "posted in ",
            "filed under",
            "filed in ",
            "category:",
            "categories:",
            "tags:",
            "topics:",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("section label");
    }
    if ADVERTISEMENT.contains(&lower.as_str()) {
        return Some("advertisement");
    }
    if n <= 20
        && [
            "read more",
            "read also",
            "see also",
            "also read",
            "related:",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("related link");
    }
    None
}

const ADVERTISEMENT: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "scroll to continue",
    "scroll to continue with content",
];

/// A line of dashes, rules or asterisks: "———", "* * *", "___".
fn separator(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    !marks.is_empty()
        && marks.iter().all(|c| {
            matches!(
                c,
                '-' | '–' | '—' | '―' | '_' | '*' | '=' | '~' | '•' | '·' | '#' | '+'
            )
        })
}

/// Words that make up a menu, a login bar or a row of social links.
const NAVIGATION: &[&str] = &[
    "close",
    "menu",
    "search",
    "home",
    "newsletters",
    "newsletter",
    "subscribe",
    "login",
    "log",
    "sign",
    "in",
    "up",
    "out",
    "register",
    "account",
    "x",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "print",
    "reddit",
    "threads",
    "bluesky",
    "pinterest",
    "rss",
    "current",
    "news",
    "latest",
    "skip",
    "to",
    "content",
    "navigation",
    "toggle",
    "back",
    "top",
    "more",
];

/// A short line made only of navigation words: "Close", "newsletters Newsletters",
/// "X Instagram Youtube", "Current News".
fn navigation(lower: &str) -> bool {
    let tokens: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    !tokens.is_empty() && tokens.len() <= 6 && tokens.iter().all(|w| NAVIGATION.contains(w))
}

/// "Photo", "BigPhoto", "Photo: Reuters", "(AFP Photo)", "Getty Images".
fn photo_credit(lower: &str, n: usize) -> bool {
    if n == 1
        && ["photo", "image", "gallery"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return true;
    }
    let prefixes = [
        "photo:",
        "photo by",
        "photo credit",
        "photos:",
        "photograph:",
        "photograph by",
        "image:",
        "image credit",
        "images:",
        "credit:",
        "picture:",
        "(photo",
        "getty images",
    ];
    n <= 8
        && (prefixes.iter().any(|p| lower.starts_with(p))
            || (lower.starts_with('(') && lower.ends_with(')') && lower.contains("photo"))
            || (n <= 3 && (lower.ends_with(" photo") || lower.ends_with(" photos"))))
}

/// "Comments", "12 comments", "blog comments powered by Disqus".
fn comments(lower: &str, n: usize) -> bool {
    const EXACT: &[&str] = &[
        "comments",
        "comment",
        "leave a comment",
        "add a comment",
        "add comment",
        "post a comment",
        "show comments",
        "view comments",
        "join the conversation",
    ];
    let counted = {
        let mut t = lower.split_whitespace();
        n == 2
            && t.next()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
            && t.next().is_some_and(|w| w.starts_with("comment"))
    };
    EXACT.contains(&lower)
        || counted
        || lower.contains("comments powered by")
        || (n <= 6 && lower.contains("disqus"))
}

/// "©2026 Miami Herald. Visit at miamiherald.com. Distributed by …", "Copyright 2026 …",
/// "… All rights reserved."
fn copyright(lower: &str) -> bool {
    let rest = lower.strip_prefix("copyright").map(str::trim_start);
    lower.starts_with('©')
        || lower
            .strip_prefix("(c)")
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        || rest.is_some_and(|r| {
            r.starts_with('©')
                || r.starts_with("(c)")
                || r.starts_with(|c: char| c.is_ascii_digit())
        })
        || lower.trim_end_matches('.').ends_with("all rights reserved")
}

/// A line that opens the list of other stories at the end of a page: "More From
/// Türkiye Today", "Related Articles".
fn related_links(line: &str) -> bool {
    const EXACT: &[&str] = &[
        "related",
        "related articles",
        "related stories",
        "related news",
        "related content",
        "read next",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "more stories",
        "most read",
        "most popular",
        "trending",
        "trending now",
    ];
    let lower = line.to_lowercase();
    (lower.starts_with("more from") && words(line) <= 8)
        || EXACT.contains(&lower.trim_end_matches(':'))
}

/// A caption ends with a credit in brackets: "… on December 4, 2025. (AFP Photo)".
fn caption(line: &str) -> bool {
    let Some(open) = line.rfind('(') else {
        return false;
    };
    let credit = line[open..].to_lowercase();
    line.ends_with(')')
        && words(&credit) <= 4
        && ["photo", "image", "getty", "file"]
            .iter()
            .any(|w| credit.contains(w))
}

/// Whether the line at the top of the text is its headline. A headline has three to
/// twenty words and does not end like a sentence — except in a text of one paragraph
/// per line, where a blank line after it sets it apart (some sites end headlines with
/// a full stop). A question or an exclamation may end a headline anywhere.
fn headline(line: &str, style: Style, set_apart: bool) -> bool {
    let n = words(line);
    if !(3..=20).contains(&n) || line.starts_with('(') || !has_letter(line) {
        return false;
    }
    match final_mark(line) {
        Some('.') => style == Style::Lines && set_apart,
        Some(':' | ';' | ',' | '…') => false,
        _ => true,
    }
}

/// Small words that stay lowercase in a title-case heading.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "de", "del", "el", "for", "from", "in", "into",
    "la", "nor", "of", "on", "or", "over", "per", "the", "to", "vs", "vs.", "via", "with", "y",
];

/// "Top Venezuelan Official Wanted by U.S. Government".
fn title_case(line: &str) -> bool {
    let mut checked = 0;
    for (i, word) in line.split_whitespace().enumerate() {
        let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_lowercase();
        if i > 0 && SMALL_WORDS.contains(&bare.as_str()) {
            continue;
        }
        if !first.is_uppercase() {
            return false;
        }
        checked += 1;
    }
    checked > 0
}

/// "TRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS".
fn all_caps(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !line.chars().any(char::is_lowercase)
}

/// Whether a one-line paragraph of the body is a subheading: it does not end like a
/// sentence, and is in capitals or title case (up to 16 words: news headings run
/// long), or — where blank lines set every paragraph apart — is short, up to 10 words,
/// in any case ("Shift in presidential security").
fn heading(line: &str, style: Style) -> bool {
    if line.starts_with('(') || ends_sentence(line) || !has_letter(line) || caption(line) {
        return false;
    }
    let n = words(line);
    ((all_caps(line) || title_case(line)) && n <= 16) || (style == Style::Blocks && n <= 10)
}

/// Name particles that may be lowercase inside a person's name.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "das", "do", "dos", "van", "von", "der", "den", "di", "du", "la",
    "le", "el", "y", "bin", "ibn", "al", "and", "&",
];

/// Whether the text is a person's name, or two joined by "and": two to eight words, each
/// capitalised or a particle, no digits.
fn person_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split_whitespace().collect();
    (2..=8).contains(&parts.len())
        && !name.chars().any(|c| c.is_ascii_digit())
        && parts.iter().all(|w| {
            PARTICLES.contains(&w.to_lowercase().as_str())
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && parts
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The author named by a byline: "By Jane Doe", "By Jane Doe, Reuters", or the
/// syndication form "Antonio María Delgado, Miami Herald on" (the date that followed
/// "on" did not survive the scrape).
fn byline(line: &str) -> Option<String> {
    if words(line) > 12 {
        return None;
    }
    let by = line
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("by "))
        .map(|_| line[3..].trim());
    let rest = match by {
        Some(rest) => rest,
        None => {
            let rest = line.strip_suffix(" on")?;
            if !rest.contains(',') {
                return None;
            }
            rest
        }
    };
    let end = [",", " | ", " - ", " – ", " — ", " for "]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    person_name(name).then(|| name.to_string())
}

/// A line that is only a date, perhaps with a time, a zone and a label.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DateLine {
    /// RFC 3339 when the line gives a time and a zone, else `YYYY-MM-DD`.
    iso: String,
    /// "Updated …": not the publication date.
    updated: bool,
}

/// Labels a date line may start with, and whether they mark an update.
const DATE_LABELS: &[(&str, bool)] = &[
    ("first published on", false),
    ("first published", false),
    ("published on", false),
    ("published", false),
    ("posted on", false),
    ("posted", false),
    ("last updated on", true),
    ("last updated", true),
    ("updated on", true),
    ("updated", true),
    ("last modified", true),
    ("modified", true),
];

/// Reads a date line: "February 21, 2026 04:11 PM GMT+03:00" →
/// `2026-02-21T16:11:00+03:00`; "Published: Feb. 21, 2026" → `2026-02-21`. A time
/// without a zone gives the date only: the zone is never guessed.
fn date_line(line: &str) -> Option<DateLine> {
    let mut s = line.trim();
    let mut updated = false;
    for (label, is_update) in DATE_LABELS {
        if s.get(..label.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(label))
        {
            s = s[label.len()..].trim_start_matches([':', ' ']);
            updated = *is_update;
            break;
        }
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(DateLine {
            iso: t.to_rfc3339(),
            updated,
        });
    }
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut at = 0;
    if tokens.first().is_some_and(|t| weekday(t)) {
        at += 1;
    }
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
    while matches!(get(at), "at" | "-" | "–" | "—" | "|" | "·" | "•" | "/") {
        at += 1;
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

fn weekday(t: &str) -> bool {
    let t = t.trim_end_matches('.').to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
    .contains(&t.as_str())
}

fn month(t: &str) -> Option<u32> {
    let t = t.trim_end_matches('.').to_lowercase();
    crate::edtf::MONTHS
        .iter()
        .map(|m| m.to_ascii_lowercase())
        .position(|m| {
            m == t || (t.len() >= 3 && m.starts_with(t.as_str()) && (t.len() == 3 || t == "sept"))
        })
        .map(|i| i as u32 + 1)
}

fn day(t: &str) -> Option<u32> {
    let digits = t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    let suffix = &t[digits.len()..];
    if !["", "st", "nd", "rd", "th"].contains(&suffix) || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(t: &str) -> Option<i32> {
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

// ---------------------------------------------------------------------------------------
// Writing Markdown and YAML.

/// A YAML double-quoted scalar: any text, safely.
fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Control characters, and what YAML 1.1 reads as line breaks.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A line of a paragraph, escaped so that Markdown shows it as the plain text it was: a
/// line may not start a heading, a quote or a list, and inline markup is escaped.
fn escape_line(line: &str) -> String {
    let out = escape_inline(line);
    let bytes = out.as_bytes();
    let space_or_end = |i: usize| bytes.get(i).is_none_or(|b| *b == b' ' || *b == b'\t');
    let hashes = bytes.iter().take_while(|b| **b == b'#').count();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let at = match bytes.first() {
        Some(b'#') if hashes <= 6 && space_or_end(hashes) => Some(0),
        Some(b'>') => Some(0),
        Some(b'-' | b'+') if space_or_end(1) => Some(0),
        Some(b'0'..=b'9')
            if digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && space_or_end(digits + 1) =>
        {
            Some(digits)
        }
        _ => None,
    };
    match at {
        Some(i) => format!("{}\\{}", &out[..i], &out[i..]),
        None => out,
    }
}

/// Escapes the characters that would become Markdown markup inside a line: emphasis,
/// code, links, strikethrough, raw HTML and entities. Anything else is left as written.
fn escape_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' => next.is_some_and(|n| n.is_ascii_punctuation()),
            '*' | '`' | '[' | '~' => true,
            // An underscore inside a word never starts emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => entity_at(&chars[i..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the text starts with an HTML entity: `&amp;`, `&#39;`, `&#x27;`.
fn entity_at(chars: &[char]) -> bool {
    let Some(end) = chars.iter().take(34).position(|&c| c == ';') else {
        return false;
    };
    let inner = &chars[1..end];
    match inner {
        ['#', 'x' | 'X', hex @ ..] => !hex.is_empty() && hex.iter().all(char::is_ascii_hexdigit),
        ['#', dec @ ..] => !dec.is_empty() && dec.iter().all(char::is_ascii_digit),
        [first, ..] => first.is_ascii_alphabetic() && inner.iter().all(char::is_ascii_alphanumeric),
        [] => false,
    }
}

// ---------------------------------------------------------------------------------------
// HTML input.

/// Elements kept through sanitising: they mark where text blocks begin and end, or
/// which blocks are page furniture. Everything else is unwrapped to its text.
const HTML_STRUCTURE: &[&str] = &[
    "title",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "div",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "section",
    "figure",
    "figcaption",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "details",
    "summary",
    "br",
    "hr",
];

/// Elements dropped with everything inside them.
const HTML_DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "form", "button", "select",
    "textarea", "object", "canvas", "video", "audio",
];

/// Splits an HTML page into text blocks. html5ever, through ammonia, does the parsing
/// (entities, unclosed tags, comments, scripts); what it returns is attribute-free,
/// well-formed markup of the [`HTML_STRUCTURE`] elements, which a small scanner walks.
/// `nav`, `aside` and `footer` are dropped; so is a `header` unless it sits inside an
/// `article` or `main`, where it holds the headline and byline.
fn html_pieces(html: &str) -> Vec<Piece> {
    let clean = ammonia::Builder::empty()
        .tags(HTML_STRUCTURE.iter().copied().collect())
        .clean_content_tags(HTML_DROPPED.iter().copied().collect())
        .link_rel(None)
        .clean(html)
        .to_string();
    let mut scan = Scan::default();
    let mut rest = clean.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').unwrap_or(after.len());
            let tag = after[..end].trim().to_ascii_lowercase();
            rest = after.get(end + 1..).unwrap_or("");
            scan.tag(&tag);
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            scan.text(&rest[..end]);
            rest = &rest[end..];
        }
    }
    scan.flush();
    scan.pieces
}

#[derive(Default)]
struct Scan {
    pieces: Vec<Piece>,
    open: Vec<String>,
    text: String,
    /// A `<br>` was the last thing seen: a second one ends the paragraph.
    after_br: bool,
    blocks: usize,
}

impl Scan {
    fn tag(&mut self, tag: &str) {
        if tag == "br" {
            if self.after_br {
                self.flush();
            } else {
                self.text.push('\n');
                self.after_br = true;
            }
            return;
        }
        self.flush();
        match tag.strip_prefix('/') {
            Some(name) => {
                if let Some(at) = self.open.iter().rposition(|t| t == name) {
                    self.open.truncate(at);
                }
            }
            None if tag != "hr" => self.open.push(tag.to_string()),
            None => {}
        }
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.after_br = false;
        }
        if !self.dropped() {
            self.text.push_str(&decode(text));
        }
    }

    fn dropped(&self) -> bool {
        self.open.iter().enumerate().any(|(i, t)| match t.as_str() {
            "nav" | "aside" | "footer" => true,
            "header" => !self.open[..i].iter().any(|o| o == "article" || o == "main"),
            _ => false,
        })
    }

    fn flush(&mut self) {
        self.after_br = false;
        let text = std::mem::take(&mut self.text);
        let kind = self
            .open
            .iter()
            .rev()
            .find_map(|t| match t.as_str() {
                "title" => Some(Kind::PageTitle),
                "h1" => Some(Kind::Headline),
                "h2" | "h3" | "h4" | "h5" | "h6" => Some(Kind::Heading),
                _ => None,
            })
            .unwrap_or(Kind::Text);
        let lines: Vec<String> = if kind == Kind::Text {
            text.split('\n')
                .map(collapse)
                .filter(|l| !l.trim().is_empty())
                .collect()
        } else {
            Some(collapse(&text))
                .filter(|l| !l.trim().is_empty())
                .into_iter()
                .collect()
        };
        if lines.is_empty() {
            return;
        }
        self.blocks += 1;
        for line in lines {
            self.pieces.push(Piece {
                line: self.blocks,
                text: line.trim().to_string(),
                kind,
            });
        }
        self.pieces.push(Piece {
            line: self.blocks,
            text: String::new(),
            kind: Kind::Blank,
        });
    }
}

/// HTML whitespace runs become one space; a no-break space is text and stays.
fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entities ammonia's serialiser writes in text.
fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options::default()
    }

    /// The Markdown after the front matter and the blank line that follows it.
    fn body_of(a: &Imported) -> &str {
        let split = crate::load::split_front_matter(&a.markdown).unwrap();
        a.markdown[split.body].trim_start_matches('\n')
    }

    #[test]
    fn furniture_lines_from_the_seeds() {
        let table: &[(&str, Option<&str>)] = &[
            ("Close", Some("navigation")),
            ("newsletters Newsletters", Some("navigation")),
            ("X Instagram Youtube", Some("navigation")),
            ("Current News", Some("navigation")),
            ("/", Some("navigation")),
            ("Photo", Some("photo credit")),
            ("BigPhoto", Some("photo credit")),
            ("(AFP Photo)", Some("photo credit")),
            ("Photo: Reuters", Some("photo credit")),
            ("Share this @internewscast.com", Some("share widget")),
            ("Comments", Some("comments widget")),
            ("blog comments powered by Disqus", Some("comments widget")),
            ("12 comments", Some("comments widget")),
            ("———", Some("separator")),
            ("* * *", Some("separator")),
            (
                "©2026 Miami Herald. Visit at miamiherald.com. Distributed by Tribune Content Agency, LLC.",
                Some("copyright"),
            ),
            (
                "Copyright 2026 The Courier. All rights reserved.",
                Some("copyright"),
            ),
            ("(c) 2026 The Courier", Some("copyright")),
            ("(c) the council shall publish its minutes", None),
            ("Published in News & Features", Some("section label")),
            ("Advertisement", Some("advertisement")),
            ("Read more: Cuba confirms 32 dead", Some("related link")),
            // Article text that must stay.
            ("Families wait", None),
            (
                "He said at least $100 billion would be invested by major oil companies.",
                None,
            ),
            (
                "(A Miami Herald correspondent in Venezuela contributed to this report.)",
                None,
            ),
            ("Copyright lawyers disagree on what the ruling means.", None),
            ("Shift in presidential security", None),
            ("“The coup-proofing worked brilliantly.”", None),
            (
                "Aid distributed by the Red Cross reached the town on Monday.",
                None,
            ),
            (
                "Photographers were kept away from the ceremony for hours.",
                None,
            ),
        ];
        for (line, reason) in table {
            assert_eq!(furniture(line), *reason, "{line}");
        }
    }

    #[test]
    fn related_links_open_the_tail() {
        for yes in [
            "More From Türkiye Today",
            "Related Articles",
            "You may also like:",
        ] {
            assert!(related_links(yes), "{yes}");
        }
        for no in [
            "More from the hearing is expected on Monday, officials said today.",
            "Recommended reading list for analysts",
        ] {
            assert!(!related_links(no), "{no}");
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
        ];
        for (line, want) in table {
            let got = date_line(line).map(|d| (d.iso, d.updated));
            let want = want.map(|(iso, u)| (iso.to_string(), u));
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn bylines() {
        let table: &[(&str, Option<&str>)] = &[
            (
                "Antonio María Delgado, Miami Herald on",
                Some("Antonio María Delgado"),
            ),
            ("By Jane Doe", Some("Jane Doe")),
            ("BY JANE DOE, Reuters", Some("JANE DOE")),
            (
                "By Jane Doe and John Roe | The Courier",
                Some("Jane Doe and John Roe"),
            ),
            ("By Ana de la Cruz for The Courier", Some("Ana de la Cruz")),
            ("By Sunday, most had left.", None),
            ("By the numbers", None),
            ("Rodríguez vs. Cabello, round one", None),
            ("Caracas, Venezuela", None),
            ("Published in News & Features", None),
        ];
        for (line, want) in table {
            assert_eq!(byline(line).as_deref(), *want, "{line}");
        }
    }

    #[test]
    fn headlines_and_headings() {
        use Style::*;
        let headlines: &[(&str, Style, bool, bool)] = &[
            (
                "Cuban security advisers leave Venezuela amid US pressure",
                Blocks,
                true,
                true,
            ),
            (
                "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
                Lines,
                true,
                true,
            ),
            (
                "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
                Lines,
                false,
                false,
            ),
            (
                "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
                Blocks,
                true,
                false,
            ),
            ("Is Cuba leaving Venezuela?", Blocks, true, true),
            ("ArcaMax", Blocks, true, false),
            (
                "Cuba has confirmed the deaths of 32 of its nationals, who were described by the government as part of the island’s armed forces",
                Lines,
                false,
                false,
            ),
        ];
        for (line, style, apart, want) in headlines {
            assert_eq!(headline(line, *style, *apart), *want, "{line}");
        }
        let headings: &[(&str, Style, bool)] = &[
            (
                "TRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS",
                Lines,
                true,
            ),
            ("RETURN FLIGHTS TO CUBA", Lines, true),
            (
                "Top Venezuelan Official Wanted by U.S. Government",
                Lines,
                true,
            ),
            (
                "Assembly President Confirms Release of Political Prisoners After Passing of General Amnesty Bill",
                Lines,
                true,
            ),
            ("Shift in presidential security", Blocks, true),
            ("Shift in presidential security", Lines, false),
            ("Rodríguez vs. Cabello, round one", Blocks, true),
            (
                "Trump celebrates — and pauses further attacks",
                Blocks,
                true,
            ),
            ("‘Not real freedom’", Blocks, true),
            ("Families wait", Blocks, true),
            (
                "He said at least $100 billion would be invested by major oil companies.",
                Blocks,
                false,
            ),
            (
                "(A Miami Herald correspondent in Venezuela contributed to this report.)",
                Blocks,
                false,
            ),
            (
                "However, such claims have not been confirmed by any government.",
                Lines,
                false,
            ),
            (
                "U.S. President Donald Trump delivers remarks during the inaugural meeting of the \"Board of Peace\" (AFP Photo)",
                Blocks,
                false,
            ),
        ];
        for (line, style, want) in headings {
            assert_eq!(heading(line, *style), *want, "{line} ({style:?})");
        }
    }

    #[test]
    fn paragraph_styles() {
        let blocks = ["Title", "", "One long paragraph here.", "", "Two.", ""];
        assert_eq!(style(&blocks), Style::Blocks);
        let lines = [
            "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
            "",
            "Short paragraphs, one per line.",
            "Each of them ends its sentence.",
            "TRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS",
            "So they are not a paragraph wrapped at a fixed width.",
            "Even when they are short.",
        ];
        assert_eq!(style(&lines), Style::Lines);
        let wrapped = [
            "A paragraph wrapped at a fixed width, as plain-text e-mail and",
            "some archives deliver it, runs over several short lines that",
            "belong together.",
            "",
            "The next paragraph starts after a blank line and wraps the same",
            "way, so the lines are short and of even length.",
        ];
        assert_eq!(style(&wrapped), Style::Blocks);
    }

    #[test]
    fn markdown_line_starts_and_inline_markup_are_escaped() {
        let table: &[(&str, &str)] = &[
            ("# not a heading", "\\# not a heading"),
            ("#MeToo spread", "#MeToo spread"),
            ("> not a quote", "\\> not a quote"),
            ("- not a list", "\\- not a list"),
            ("-5 degrees", "-5 degrees"),
            ("+ plus", "\\+ plus"),
            ("1. not a list", "1\\. not a list"),
            ("2026) was a year", "2026\\) was a year"),
            ("1.5 million people", "1.5 million people"),
            ("* star", "\\* star"),
            ("a *b* c", "a \\*b\\* c"),
            (
                "snake_case stays, _emphasis_ does not",
                "snake_case stays, \\_emphasis\\_ does not",
            ),
            ("[sic] and `code`", "\\[sic] and \\`code\\`"),
            ("a <b>tag</b> and 3 < 4", "a \\<b>tag\\</b> and 3 < 4"),
            ("AT&T and &amp; and &#39;", "AT&T and \\&amp; and \\&#39;"),
            (
                "~strike~ and a\\b and a\\*",
                "\\~strike\\~ and a\\b and a\\\\\\*",
            ),
            ("“Quotes” — dashes … stay", "“Quotes” — dashes … stay"),
        ];
        for (line, want) in table {
            assert_eq!(escape_line(line), *want, "{line}");
        }
    }

    #[test]
    fn escaped_text_reads_back_as_written() {
        let lines = [
            "# not a heading",
            "> not a quote",
            "1. not a list",
            "a *b* c_d _e_ [f](g) <b>h</b> &amp; `i` ~j~ \\k \\*",
        ];
        for line in lines {
            let md = escape_line(line);
            let blocks = crate::markdown::blocks(&md);
            assert_eq!(blocks.len(), 1, "{md}");
            assert_eq!(
                blocks[0].kind,
                crate::markdown::BlockKind::Paragraph,
                "{md}"
            );
            assert_eq!(blocks[0].text, line, "{md}");
        }
    }

    #[test]
    fn ids_are_cut_at_a_word() {
        let table = [
            (
                "Cuban security advisers leave Venezuela amid US pressure",
                "cuban-security-advisers-leave-venezuela-amid-us-pressure",
            ),
            (
                "Political prisoner release promise stalls amid internal power struggle in Venezuela",
                "political-prisoner-release-promise-stalls-amid-internal",
            ),
            ("¿?", ""),
        ];
        for (title, id) in table {
            let got = article_id(title);
            assert_eq!(got, id);
            assert!(got.is_empty() || valid_id(&got));
        }
        assert_eq!(article_id(&"x".repeat(70)).len(), 60);
    }

    #[test]
    fn a_headline_loses_its_full_stop_but_not_an_abbreviation() {
        let table = [
            ("Cubans leave Venezuela.", "Cubans leave Venezuela"),
            (
                "Cuban official wanted by the U.S.",
                "Cuban official wanted by the U.S.",
            ),
            ("Wait...", "Wait..."),
            ("No stop", "No stop"),
        ];
        for (line, title) in table {
            assert_eq!(title_from_headline(line), title);
        }
    }

    #[test]
    fn yaml_strings_are_double_quoted() {
        assert_eq!(yaml_string("Plain"), "\"Plain\"");
        assert_eq!(yaml_string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(yaml_string("x: y # z"), "\"x: y # z\"");
        assert_eq!(yaml_string("a\u{7}b\u{2028}"), "\"a\\u0007b\\u2028\"");
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
    const SEED_001: &str = "Cuban security personnel withdraw from Venezuela amid escalating US pressure.\n\nCuban security experts and medical professionals have been departing Venezuela as Interim President Delcy Rodriguez’s administration encounters significant pressure from Washington, according to 11 informed sources.\nThe exclusion of Cubans from the presidential guard and the counterintelligence section has not been previously disclosed.\nTRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS\nBefore the operation to oust Maduro, thousands of Cuban medical professionals and sports instructors were employed in Venezuela.\nRETURN FLIGHTS TO CUBA\n“The Cubans were unsuccessful in safeguarding Maduro, however they were instrumental in maintaining the Chavista regime,” stated Polga-Hecimovich.";

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
        let text = include_str!("../tests/fixtures/import/002-turkiye-today.txt");
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
        let text = include_str!("../tests/fixtures/import/003-arcamax.txt");
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
            include_str!("../tests/fixtures/import/002-turkiye-today.txt"),
            include_str!("../tests/fixtures/import/003-arcamax.txt"),
            SEED_000,
            SEED_001,
            SEED_004,
        ];
        let o = Options {
            title: None,
            published: Some("2026-01-10".into()),
            outlet: Some("x".into()),
            force: false,
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
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav><h1>The Courier</h1></header>
<main><article><header><p class="kicker">Town</p><h1>Council   votes&nbsp;to close the bridge</h1>
<p class="byline">By Ines Marlow</p><p>March 14, 2030 6:30 PM CET</p></header>
<p>The council voted <b>five to four</b> on Tuesday &mdash; “a close call”, said one <em>member</em>.</p>
<!-- a comment --><div>Loose text in a div<br>on two lines</div>
<h2>What the report found</h2><p>Rust in two supports. 3 &lt; 4 &amp; *stars*.</p>
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
                ("Town", "before the headline"),
                ("Council votes\u{a0}to close the bridge", HEADLINE),
                ("By Ines Marlow", BYLINE),
                ("March 14, 2030 6:30 PM CET", "date line → published"),
                ("Share this article", "share widget"),
            ]
        );
        let body = body_of(&a);
        assert_eq!(
            body,
            "The council voted five to four on Tuesday — “a close call”, said one member.\n\n\
             Loose text in a div\non two lines\n\n\
             ## What the report found\n\n\
             Rust in two supports. 3 < 4 & \\*stars\\*.\n\n\
             The bridge. (Photo: Courier)\n"
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
            "found no headline: pass --title \"TITLE\"; found no date line: pass --published DATE (2026-02-21 or 2026-02-21T16:11:00+03:00)"
        );
    }

    fn temp_briefing(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("briefing-import-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("briefing.yaml"), "title: T\nbase_url: /\n").unwrap();
        dir
    }

    #[test]
    fn run_writes_the_article_and_refuses_to_overwrite() {
        let dir = temp_briefing("run");
        let input = dir.join("input.txt");
        std::fs::write(&input, SEED_001).unwrap();
        let o = Options {
            published: Some("2026-02-21".into()),
            ..options()
        };
        let reports = run(&dir, std::slice::from_ref(&input), &o).unwrap();
        let written =
            dir.join("content/articles/cuban-security-personnel-withdraw-from-venezuela-amid.md");
        assert_eq!(reports[0].written, written);
        assert_eq!(
            reports[0].to_string(),
            "imported content/articles/cuban-security-personnel-withdraw-from-venezuela-amid.md \
             (stripped 1 line: \"Cuban security personnel withdraw from…\" — headline → title)"
        );
        let loaded = crate::load::briefing(&dir).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert_eq!(loaded.briefing.articles.len(), 1);

        let again = run(&dir, std::slice::from_ref(&input), &o).unwrap_err();
        assert!(again.to_string().contains("already exists"), "{again}");
        assert!(
            again.to_string().contains(&written.display().to_string()),
            "{again}"
        );
        let forced = run(
            &dir,
            std::slice::from_ref(&input),
            &Options {
                force: true,
                ..o.clone()
            },
        );
        assert!(forced.is_ok());

        let missing = dir.join("missing.txt");
        let e = run(&dir, std::slice::from_ref(&missing), &o).unwrap_err();
        assert!(
            matches!(&e, Failure::Io { path, .. } if *path == missing),
            "{e}"
        );

        let e = run(&dir, std::slice::from_ref(&input), &options()).unwrap_err();
        assert!(
            e.to_string().starts_with(&format!(
                "cannot import `{}`: found no date line",
                input.display()
            )),
            "{e}"
        );

        let e = run(
            &dir,
            &[input.clone(), input.clone()],
            &Options {
                title: Some("T".into()),
                ..o
            },
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("--title names one article"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

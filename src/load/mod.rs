//! *Loading* reads a briefing folder into typed [`Briefing`] content: `briefing.yaml`,
//! `content/articles/**/*.md`, `content/outlets.yaml`, `content/people/*.yaml`,
//! `content/timeline/*.yaml` and `content/comparisons/*.yaml`. It reports every content
//! problem it finds, then checks every cross-reference and verifies every curated quote
//! against its article. Reading is kept apart from parsing: the parsers take text.

mod article;
mod curation;
mod verify;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use article::{parse_published, split as split_front_matter};

use crate::config::Config;
use crate::content::{Article, Briefing, Comparison, Event, Person, valid_id};
use crate::diagnostic::{self, Diagnostic};
use crate::error::Failure;
use crate::source::{SourceFile, Sources, Span, relative};
use crate::yaml;

/// A briefing as loaded, with every file read and every problem found.
#[derive(Debug)]
pub struct Loaded {
    pub briefing: Briefing,
    pub sources: Sources,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The kinds of content file, by where they sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Outlets,
    Person,
    Article,
    Timeline,
    Comparison,
}

/// Which content files make up the briefing at `root`, sorted, with their kind.
pub fn content_files(root: &Path) -> Result<Vec<(PathBuf, String)>, Failure> {
    let content = root.join("content");
    let mut out = Vec::new();
    if !content.exists() {
        return Ok(out);
    }
    // Symlinked folders are not followed: a link loop must not hang the build.
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().map_or(content.clone(), Path::to_path_buf);
            let error = e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("walk failed"));
            Failure::io(path, "read the folder", error)
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = relative(root, entry.path());
        if classify(&rel).is_some() {
            out.push((entry.into_path(), rel));
        }
    }
    Ok(out)
}

fn classify(rel: &str) -> Option<Kind> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["content", "outlets.yaml"] => Some(Kind::Outlets),
        ["content", "people", f] if is_yaml(f) => Some(Kind::Person),
        ["content", "timeline", f] if is_yaml(f) => Some(Kind::Timeline),
        ["content", "comparisons", f] if is_yaml(f) => Some(Kind::Comparison),
        ["content", "articles", .., f] if f.ends_with(".md") => Some(Kind::Article),
        _ => None,
    }
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

fn stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// Reads a file as UTF-8 text, without a byte-order mark. Bytes that are not UTF-8 are
/// a content error at the first bad byte, not an operational failure.
fn read_text(path: &Path, rel: &str) -> Result<(SourceFile, Option<Diagnostic>), Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::io(path, "read", e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((SourceFile::new(rel, text), None)),
        Err(e) => {
            let good = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let file = SourceFile::new(rel, text);
            // The file id is filled in by the caller once the file is added.
            let diagnostic = Diagnostic::error("not-utf8", "the file is not UTF-8 text")
                .at(
                    // The bad byte reads as one replacement character in the text.
                    Span::new(
                        usize::MAX,
                        good,
                        good + char::REPLACEMENT_CHARACTER.len_utf8(),
                    ),
                    "this byte is not UTF-8",
                )
                .hint("save the file as UTF-8");
            Ok((file, Some(diagnostic)))
        }
    }
}

/// Loads the briefing at `root`.
pub fn briefing(root: &Path) -> Result<Loaded, Failure> {
    let config_path = root.join("briefing.yaml");
    if !root.is_dir() {
        return Err(Failure::io(
            root,
            "open the briefing folder",
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
        ));
    }
    if !config_path.is_file() {
        return Err(Failure::NotABriefing {
            path: root.to_path_buf(),
        });
    }
    let files = content_files(root)?;
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();

    let (config_file, bad) = read_text(&config_path, "briefing.yaml")?;
    let config_id = sources.add(config_file);
    diagnostics.extend(bad.map(|d| with_file(d, config_id)));
    let config = read_config(&sources, config_id, &mut diagnostics);

    // Read every file in parallel; file ids follow the sorted order, so they are the
    // same from run to run.
    let read: Vec<(SourceFile, Option<Diagnostic>)> = files
        .par_iter()
        .map(|(path, rel)| read_text(path, rel))
        .collect::<Result<_, _>>()?;
    let first_id = config_id + 1;
    let mut kinds = Vec::with_capacity(read.len());
    for (i, (file, bad)) in read.into_iter().enumerate() {
        let kind = classify(&file.path).expect("content_files only lists known kinds");
        let id = sources.add(file);
        debug_assert_eq!(id, first_id + i);
        diagnostics.extend(bad.map(|d| with_file(d, id)));
        kinds.push(kind);
    }

    let parsed: Vec<Parsed> = (0..kinds.len())
        .into_par_iter()
        .map(|i| parse_file(&sources, first_id + i, kinds[i]))
        .collect();

    let mut outlets = BTreeMap::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut people: Vec<Person> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut comparisons: Vec<Comparison> = Vec::new();
    let mut pending = Vec::new();
    // Files that exist but could not be read: their ids are not "unknown", and saying
    // so would bury the one real error under echoes.
    let mut broken = verify::Broken::default();
    for (i, p) in parsed.into_iter().enumerate() {
        diagnostics.extend(p.errors);
        if matches!(p.item, Item::Nothing) {
            let stem = stem(&sources.get(first_id + i).path).to_string();
            match kinds[i] {
                Kind::Article => broken.articles.insert(stem),
                Kind::Person => broken.people.insert(stem),
                _ => false,
            };
        }
        match p.item {
            Item::Outlets(o) => {
                outlets = o.outlets;
                broken.outlets = o.unreadable;
                broken.all_outlets = o.failed;
            }
            Item::Article(a, pend) => {
                articles.push(*a);
                pending.extend(pend);
            }
            Item::Person(person) => people.push(*person),
            Item::Events(e) => events.extend(e),
            Item::Comparison(c) => comparisons.push(*c),
            Item::Nothing => {}
        }
    }

    let mut briefing = Briefing {
        config,
        articles,
        outlets,
        people,
        events,
        comparisons,
    };
    verify::unique_ids(&mut briefing, &sources, &mut broken, &mut diagnostics);
    briefing.articles.sort_by(|a, b| a.id.cmp(&b.id));
    briefing.people.sort_by(|a, b| a.id.cmp(&b.id));
    briefing.comparisons.sort_by(|a, b| a.id.cmp(&b.id));
    briefing
        .events
        .sort_by(|a, b| (a.date.start, a.date.end, &a.id).cmp(&(b.date.start, b.date.end, &b.id)));
    verify::references(
        &mut briefing,
        &sources,
        config_id,
        &pending,
        &broken,
        &mut diagnostics,
    );
    verify::quotes(&mut briefing, &broken, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    Ok(Loaded {
        briefing,
        sources,
        diagnostics,
    })
}

fn with_file(mut d: Diagnostic, file: usize) -> Diagnostic {
    if let Some(span) = &mut d.span {
        span.file = file;
    }
    d
}

fn read_config(sources: &Sources, id: usize, diagnostics: &mut Vec<Diagnostic>) -> Config {
    let text = &sources.get(id).text;
    match yaml::document::<Config>(id, text, 0, "briefing.yaml") {
        Ok(doc) => {
            let config = doc.value;
            if !crate::config::valid_base_url(&config.base_url) {
                diagnostics.push(
                    Diagnostic::error(
                        "bad-url",
                        format!("`{}` is not a base URL", config.base_url),
                    )
                    .at(doc.spans.value(&yaml::Path::root().key("base_url")), "here")
                    .hint("write the address the site is published at, e.g. https://example.org/briefing/"),
                );
            }
            config
        }
        Err(e) => {
            diagnostics.push(e);
            Config {
                title: String::new(),
                description: String::new(),
                base_url: "/".to_string(),
                language: "en".to_string(),
                featured: Vec::new(),
                timezone: None,
            }
        }
    }
}

enum Item {
    Outlets(curation::OutletFile),
    Article(Box<Article>, Vec<article::Pending>),
    Person(Box<Person>),
    Events(Vec<Event>),
    Comparison(Box<Comparison>),
    Nothing,
}

struct Parsed {
    item: Item,
    errors: Vec<Diagnostic>,
}

fn parse_file(sources: &Sources, id: usize, kind: Kind) -> Parsed {
    let file = sources.get(id);
    let mut errors = Vec::new();
    let stem = stem(&file.path);
    let needs_id = matches!(kind, Kind::Article | Kind::Person | Kind::Comparison);
    if needs_id && !valid_id(stem) {
        let what = match kind {
            Kind::Article => "an article (the file name is its id)",
            Kind::Person => "a person (the file name is its id)",
            _ => "a comparison (the file name is its id)",
        };
        let end = file.text.find('\n').unwrap_or(file.text.len());
        errors.push(curation::invalid_id(stem, Span::new(id, 0, end), what));
        return Parsed {
            item: Item::Nothing,
            errors,
        };
    }
    let item = match kind {
        Kind::Outlets => Item::Outlets(curation::outlets(id, &file.text, &mut errors)),
        Kind::Article => match article::parse(id, stem, &file.text) {
            Ok((a, pending)) => Item::Article(Box::new(a), pending),
            Err(e) => {
                errors.push(e);
                Item::Nothing
            }
        },
        Kind::Person => curation::person(id, stem, &file.text, &mut errors)
            .map_or(Item::Nothing, |p| Item::Person(Box::new(p))),
        Kind::Timeline => Item::Events(curation::events(id, &file.text, &mut errors)),
        Kind::Comparison => curation::comparison(id, stem, &file.text, &mut errors)
            .map_or(Item::Nothing, |c| Item::Comparison(Box::new(c))),
    };
    Parsed { item, errors }
}

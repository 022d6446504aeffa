//! *Loading* reads a briefing folder into typed [`Briefing`] content: `briefing.yaml`,
//! `content/outlets.yaml`, and the articles, people, timeline events and comparisons
//! under `content/` ([`files`] says which files). It reports every content problem it
//! finds, then checks every cross-reference and verifies every curated quote against
//! its article. Reading is kept apart from parsing: the parsers take text.

mod article;
mod curation;
mod files;
mod verify;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

pub use article::{parse_published, split as split_front_matter};
pub(crate) use files::{Kind, Reading, is_scratch_or_hidden, reading};

use crate::config::Config;
use crate::content::{Article, Briefing, Comparison, Event, Person, valid_id};
use crate::diagnostic::{self, Diagnostic};
use crate::error::Failure;
use crate::source::{SourceFile, Sources, Span};
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

/// The id a content file gives what it holds: its name without the extension.
pub(crate) fn stem(rel: &str) -> &str {
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
    let listing = files::list(root)?;
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();

    let (config_file, bad) = read_text(&config_path, "briefing.yaml")?;
    let config_id = sources.add(config_file);
    diagnostics.extend(bad.map(|d| with_file(d, config_id)));
    let config = read_config(&sources, config_id, &mut diagnostics);

    // Read every file in parallel; file ids follow the sorted order, so they are the
    // same from run to run.
    let read: Vec<(SourceFile, Option<Diagnostic>)> = listing
        .files
        .par_iter()
        .map(|(path, rel, _)| read_text(path, rel))
        .collect::<Result<_, _>>()?;
    let first_id = config_id + 1;
    let kinds: Vec<Kind> = listing.files.iter().map(|(_, _, kind)| *kind).collect();
    for (i, (file, bad)) in read.into_iter().enumerate() {
        let id = sources.add(file);
        debug_assert_eq!(id, first_id + i);
        diagnostics.extend(bad.map(|d| with_file(d, id)));
    }
    // What is there but not read is named, as a file of its own with no text.
    for (rel, problem) in listing.unread {
        let id = sources.add(SourceFile::new(rel, ""));
        diagnostics.push(with_file(problem, id));
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
        article_positions: Default::default(),
    };
    verify::unique_ids(&mut briefing, &sources, &mut broken, &mut diagnostics);
    briefing.articles.sort_by(|a, b| a.id.cmp(&b.id));
    briefing.article_positions = Default::default();
    briefing.people.sort_by(|a, b| a.id.cmp(&b.id));
    briefing.comparisons.sort_by(|a, b| a.id.cmp(&b.id));
    briefing
        .events
        .sort_by(|a, b| a.timeline_key().cmp(&b.timeline_key()));
    verify::names(&briefing, &sources, &mut diagnostics);
    verify::references(
        &mut briefing,
        &sources,
        config_id,
        &pending,
        &broken,
        &mut diagnostics,
    );
    verify::drafts(&briefing, &sources, config_id, &mut diagnostics);
    verify::quotes(&mut briefing, &broken, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    Ok(Loaded {
        briefing,
        sources,
        diagnostics,
    })
}

/// Reads the articles at `paths` (relative to `root`) again into `loaded`, a load
/// without errors: the dev server's rebuild after an article is saved, which must not
/// read and parse every other file again. It is what a full load gives when each path
/// is the file of an article already loaded, still there: the id (the file name) is the
/// same, so only that article, the checks of its front matter and the curated quotes
/// are redone.
///
/// Returns `Ok(false)`, changing nothing, when a path is new or gone, or an article
/// became a draft or stopped being one, which only a full load can sort out; and the
/// content errors, changing nothing, when there are any.
pub fn reload_articles(
    root: &Path,
    loaded: &mut Loaded,
    paths: &BTreeSet<String>,
) -> Result<bool, Failure> {
    let mut edits = Vec::with_capacity(paths.len());
    for rel in paths {
        let Some(file) = loaded.sources.find(rel) else {
            return Ok(false);
        };
        let b = &loaded.briefing;
        let Some(index) = b.articles.iter().position(|a| a.file == file) else {
            return Ok(false);
        };
        let path = root.join(rel);
        if !path.is_file() {
            return Ok(false);
        }
        edits.push((file, index, read_text(&path, rel)?));
    }
    let mut errors = Vec::new();
    let mut pending = Vec::new();
    let mut replaced = Vec::with_capacity(edits.len());
    for (file, index, (source, bad)) in edits {
        errors.extend(bad.map(|d| with_file(d, file)));
        match article::parse(file, stem(&source.path), &source.text) {
            // What cites a draft is checked across the briefing: by a full load.
            Ok((article, _)) if article.draft != loaded.briefing.articles[index].draft => {
                return Ok(false);
            }
            Ok((article, p)) => {
                pending.extend(p);
                replaced.push((file, index, source, article));
            }
            Err(e) => {
                errors.push(e);
                replaced.push((file, index, source, loaded.briefing.articles[index].clone()));
            }
        }
    }
    // Swap the new files and articles in, verify, and swap back on errors.
    let mut old = Vec::with_capacity(replaced.len());
    for (file, index, source, article) in replaced {
        let source = loaded.sources.replace(file, source);
        let article = std::mem::replace(&mut loaded.briefing.articles[index], article);
        old.push((file, index, source, article));
    }
    let broken = verify::Broken::default();
    let ids: BTreeSet<String> = paths.iter().map(|p| stem(p).to_string()).collect();
    verify::pending_checks(&loaded.briefing, &pending, &broken, &mut errors);
    verify::quotes_citing(&mut loaded.briefing, &ids, &broken, &mut errors);
    if errors.is_empty() {
        return Ok(true);
    }
    diagnostic::sort(&mut errors);
    let sources = Box::new(loaded.sources.clone());
    for (file, index, source, article) in old {
        loaded.sources.replace(file, source);
        loaded.briefing.articles[index] = article;
    }
    verify::quotes_citing(&mut loaded.briefing, &ids, &broken, &mut Vec::new());
    Err(Failure::Content {
        sources,
        diagnostics: errors,
    })
}

fn with_file(mut d: Diagnostic, file: usize) -> Diagnostic {
    if let Some(span) = &mut d.span {
        span.file = file;
    }
    d
}

/// The code of the warning for a `base_url` left at an example address; a build given
/// `--base-url` does not use it, so does not show it.
pub const PLACEHOLDER_BASE_URL: &str = "placeholder-base-url";

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
            } else if crate::config::placeholder_base_url(&config.base_url) {
                diagnostics.push(
                    Diagnostic::warning(
                        PLACEHOLDER_BASE_URL,
                        format!(
                            "`{}` is an example address: canonical links, feeds and the sitemap would point there",
                            config.base_url
                        ),
                    )
                    .at(doc.spans.value(&yaml::Path::root().key("base_url")), "a placeholder")
                    .hint("write the address the site will be published at, or build with `--base-url <address>`"),
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
                page_size: std::num::NonZeroUsize::new(100).expect("not zero"),
                feed_entries: crate::config::DEFAULT_FEED_ENTRIES,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::default_briefing;

    /// The state of a load, to compare two: everything but the diagnostics' order.
    fn state(loaded: &Loaded) -> String {
        format!("{:?}\n{:?}", loaded.briefing, loaded.sources)
    }

    /// The file of the article an event cites, and the whole text of that file.
    fn cited_article(root: &Path, loaded: &Loaded) -> (String, String) {
        let cited = &loaded.briefing.events[0].sources[0].article;
        let article = loaded.briefing.article(cited).unwrap();
        let rel = loaded.sources.get(article.file).path.clone();
        let text = std::fs::read_to_string(root.join(&rel)).unwrap();
        (rel, text)
    }

    #[test]
    fn an_edited_article_reloads_as_a_full_load_gives() {
        let dir = default_briefing();
        let root = dir.path();
        let mut loaded = briefing(root).unwrap();
        let (rel, text) = cited_article(root, &loaded);
        let edited = text.replace("\n\n", "\n\nAn added sentence said little.\n\n");
        std::fs::write(root.join(&rel), edited).unwrap();
        let paths = BTreeSet::from([rel]);
        assert!(reload_articles(root, &mut loaded, &paths).unwrap());
        assert_eq!(state(&loaded), state(&briefing(root).unwrap()));
        // The default briefing's example address is its one warning.
        let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [PLACEHOLDER_BASE_URL]);
    }

    #[test]
    fn an_edit_with_errors_reports_them_and_changes_nothing() {
        let dir = default_briefing();
        let root = dir.path();
        let mut loaded = briefing(root).unwrap();
        let before = state(&loaded);
        let (rel, text) = cited_article(root, &loaded);
        let split = split_front_matter(&text).unwrap();
        // The body goes, and with it the quote the event cites.
        let gutted = format!("{}Nothing is left of it.\n", &text[..split.body.start]);
        std::fs::write(root.join(&rel), gutted).unwrap();
        let paths = BTreeSet::from([rel.clone()]);
        let Err(Failure::Content { diagnostics, .. }) = reload_articles(root, &mut loaded, &paths)
        else {
            panic!("the missing quote is not reported");
        };
        // What the edit broke: the errors of a full load, not its warnings.
        let mut full = briefing(root).unwrap().diagnostics;
        full.retain(Diagnostic::is_error);
        assert_eq!(diagnostics, full);
        assert!(diagnostics.iter().any(|d| d.code == "quote-not-found"));
        assert_eq!(state(&loaded), before);
        // Front matter that does not parse is an error too.
        std::fs::write(root.join(&rel), "no front matter\n").unwrap();
        let failed = reload_articles(root, &mut loaded, &paths);
        assert!(matches!(failed, Err(Failure::Content { .. })));
        assert_eq!(state(&loaded), before);
    }

    #[test]
    fn new_and_removed_files_are_left_to_a_full_load() {
        let dir = default_briefing();
        let root = dir.path();
        let mut loaded = briefing(root).unwrap();
        let before = state(&loaded);
        let (rel, text) = cited_article(root, &loaded);
        std::fs::write(root.join("content/articles/zz-new.md"), &text).unwrap();
        let new = BTreeSet::from(["content/articles/zz-new.md".to_string()]);
        assert!(!reload_articles(root, &mut loaded, &new).unwrap());
        std::fs::remove_file(root.join(&rel)).unwrap();
        let gone = BTreeSet::from([rel]);
        assert!(!reload_articles(root, &mut loaded, &gone).unwrap());
        assert_eq!(state(&loaded), before);
    }

    #[test]
    fn an_article_made_a_draft_is_left_to_a_full_load() {
        let dir = default_briefing();
        let root = dir.path();
        let mut loaded = briefing(root).unwrap();
        let before = state(&loaded);
        let (rel, text) = cited_article(root, &loaded);
        std::fs::write(root.join(&rel), text.replacen("\n", "\ndraft: true\n", 1)).unwrap();
        let paths = BTreeSet::from([rel]);
        assert!(!reload_articles(root, &mut loaded, &paths).unwrap());
        assert_eq!(state(&loaded), before);
        // The full load says what cites it.
        let full = briefing(root).unwrap();
        assert!(full.diagnostics.iter().any(|d| d.code == "cites-draft"));
    }
}

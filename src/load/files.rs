//! The *content files* of a briefing are the files under `content/` the loader reads:
//! `outlets.yaml`, and below `articles/`, `people/`, `timeline/` and `comparisons/` the
//! `.md` or `.yaml` files, in sub-folders too (sub-folders are only for the editor's
//! order). Anything else there is reported, never silently passed over: a file named so
//! like a content file that the editor surely meant it to be read (`pier.markdown`,
//! `content/outlets.yml`, a folder `content/article/`) is an error, any other file a
//! warning. Editors' scratch files and hidden files are passed over without a word.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::source::{Span, relative};

/// The kinds of content file, by where they sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Outlets,
    Person,
    Article,
    Timeline,
    Comparison,
}

/// What the loader makes of a path under the briefing root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    Read(Kind),
    /// Not read, though the editor surely meant it to be: the name it should have.
    NearMiss(String),
    /// Not read, and not content.
    Stray,
    /// An editor's scratch file or a hidden file, or a path outside `content/`.
    Ignored,
}

/// The folders of `content/`, and the kind of file each holds.
const FOLDERS: &[(&str, Kind)] = &[
    ("articles", Kind::Article),
    ("people", Kind::Person),
    ("timeline", Kind::Timeline),
    ("comparisons", Kind::Comparison),
];

/// What is read from `content/`, said in hints.
const HOLDS: &str = "content/ holds articles/, people/, timeline/, comparisons/ and outlets.yaml";

/// Extensions of Markdown and plain text: an article meant to be read.
const TEXT: &[&str] = &[
    "md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext", "txt", "text",
];

/// What the loader makes of the file at `rel` (relative to the root, `/`-separated).
pub fn reading(rel: &str) -> Reading {
    let parts: Vec<&str> = rel.split('/').collect();
    let (name, folders) = parts.split_last().unwrap_or((&"", &[]));
    if is_scratch(name) || folders.iter().any(|f| f.starts_with('.')) {
        return Reading::Ignored;
    }
    match classify(&parts) {
        // A hidden file is passed over unless it is named like content: then its name,
        // which cannot be an id, is reported.
        Reading::Stray | Reading::NearMiss(_) if name.starts_with('.') => Reading::Ignored,
        reading => reading,
    }
}

fn classify(parts: &[&str]) -> Reading {
    let name = parts.last().copied().unwrap_or_default();
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let lower = ext.to_ascii_lowercase();
    match parts {
        ["content", "outlets.yaml"] => Reading::Read(Kind::Outlets),
        ["content", _] if stem == "outlets" && is_yaml(&lower) => {
            Reading::NearMiss("outlets.yaml".to_string())
        }
        ["content", _] => Reading::Stray,
        ["content", folder, .., _] => match FOLDERS.iter().find(|(f, _)| f == folder) {
            Some((_, Kind::Article)) if ext == "md" => Reading::Read(Kind::Article),
            Some((_, Kind::Article)) if TEXT.contains(&lower.as_str()) => {
                Reading::NearMiss(format!("{stem}.md"))
            }
            Some((_, kind)) if *kind != Kind::Article && is_yaml(ext) => Reading::Read(*kind),
            Some((_, kind)) if *kind != Kind::Article && is_yaml(&lower) => {
                Reading::NearMiss(format!("{stem}.{lower}"))
            }
            _ => Reading::Stray,
        },
        _ => Reading::Ignored,
    }
}

fn is_yaml(ext: &str) -> bool {
    ext == "yaml" || ext == "yml"
}

/// Files that editors write beside the one being saved: swap and backup files, lock
/// files, vim's `4913` probe.
fn is_scratch(name: &str) -> bool {
    name.is_empty()
        || name.starts_with(".#")
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swx", ".swo", ".tmp"]
            .iter()
            .any(|s| name.ends_with(s))
        || name == "4913"
}

/// Files whose change never asks for a rebuild: editors' scratch files, and hidden
/// files (`.DS_Store`).
pub fn is_scratch_or_hidden(name: &str) -> bool {
    is_scratch(name) || name.starts_with('.')
}

/// The content files of a briefing, and what is there but not read.
#[derive(Debug, Default)]
pub struct Listing {
    /// Sorted by path, with their kind.
    pub files: Vec<(PathBuf, String, Kind)>,
    /// A path not read (relative, a folder's ending in `/`) and what to say of it; the
    /// diagnostic's span is filled in once the path is among the sources.
    pub unread: Vec<(String, Diagnostic)>,
}

/// Lists the briefing at `root`: its content files, and what it holds but does not
/// read. Symlinked folders are not followed: a link loop must not hang the build.
pub fn list(root: &Path) -> Result<Listing, Failure> {
    let mut out = Listing::default();
    let mut strays: Vec<String> = Vec::new();
    let content = root.join("content");
    if content.exists() {
        let mut walk = walkdir::WalkDir::new(&content)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = entry.map_err(|e| {
                let path = e.path().map_or(content.clone(), Path::to_path_buf);
                let error = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("walk failed"));
                Failure::io(path, "read the folder", error)
            })?;
            let rel = relative(root, entry.path());
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_dir() {
                if entry.depth() > 0 && name.starts_with('.') {
                    walk.skip_current_dir();
                    continue;
                }
                if entry.depth() == 1 && !FOLDERS.iter().any(|(f, _)| *f == name) {
                    out.unread
                        .push((format!("{rel}/"), unknown_folder(&rel, &name)));
                    walk.skip_current_dir();
                }
                continue;
            }
            if entry.path_is_symlink() && entry.path().is_dir() && !name.starts_with('.') {
                out.unread.push((
                    rel.clone(),
                    Diagnostic::warning("unread-folder", format!("`{rel}` is not read"))
                        .at(NOWHERE, "a symlinked folder")
                        .hint("symlinked folders are not followed; move the files here instead"),
                ));
                continue;
            }
            match reading(&rel) {
                Reading::Read(kind) => out.files.push((entry.into_path(), rel, kind)),
                Reading::NearMiss(meant) => {
                    let d = near_miss(&rel, &meant);
                    out.unread.push((rel, d));
                }
                Reading::Stray => strays.push(rel),
                Reading::Ignored => {}
            }
        }
    }
    out.unread.extend(stray_groups(&strays));
    if root.join("static").is_dir() {
        out.unread.push((
            "static/".to_string(),
            Diagnostic::warning("unread-folder", "the folder `static/` is not read")
                .at(NOWHERE, "not part of the briefing")
                .hint("the theme's static files live in templates/static/: move the folder there to have its files copied to the site"),
        ));
    }
    Ok(out)
}

/// The span of a path not read, until it is among the sources.
const NOWHERE: Span = Span {
    file: usize::MAX,
    start: 0,
    end: 0,
};

fn near_miss(rel: &str, meant: &str) -> Diagnostic {
    let label = match rel.split('/').nth(1) {
        Some("articles") => "only `.md` files are read as articles",
        Some(f) if FOLDERS.iter().any(|(x, _)| *x == f) => {
            "only `.yaml` and `.yml` files are read here"
        }
        _ => "the outlets are read from content/outlets.yaml",
    };
    Diagnostic::error("unread-file", format!("`{rel}` is not read"))
        .at(NOWHERE, label)
        .hint(format!("rename it to `{meant}`"))
}

/// A folder of `content/` the loader does not read: an error when its name is close to
/// that of a content folder, else a warning.
fn unknown_folder(rel: &str, name: &str) -> Diagnostic {
    let lower = name.to_lowercase();
    let meant = FOLDERS
        .iter()
        .map(|(f, _)| *f)
        .find(|f| strsim::levenshtein(&lower, f) <= 2)
        .map(|f| format!("rename it to `content/{f}/`"))
        .or_else(|| {
            (lower == "outlets")
                .then(|| "the outlets are one file, content/outlets.yaml".to_string())
        });
    let message = format!("the folder `{rel}/` is not read");
    match meant {
        Some(hint) => Diagnostic::error("unread-folder", message)
            .at(NOWHERE, "not a content folder")
            .hint(format!("{hint}: {HOLDS}")),
        None => Diagnostic::warning("unread-folder", message)
            .at(NOWHERE, "not a content folder")
            .hint(format!("{HOLDS}; keep other files outside content/")),
    }
}

/// One warning for each folder's stray files of one extension, at the first of them:
/// the original of every article kept beside it is one warning, not thousands.
fn stray_groups(strays: &[String]) -> Vec<(String, Diagnostic)> {
    let key = |rel: &str| {
        let (folder, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        (folder.to_string(), ext.to_string())
    };
    // In the order of each group's first file; the map finds a file's group.
    let mut groups: Vec<((String, String), &str, usize)> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for rel in strays {
        let k = key(rel);
        match at.get(&k) {
            Some(&i) => groups[i].2 += 1,
            None => {
                at.insert(k.clone(), groups.len());
                groups.push((k, rel, 0));
            }
        }
    }
    groups
        .into_iter()
        .map(|((folder, ext), rel, more)| {
            let message = match (more, ext.as_str()) {
                (0, _) => format!("`{rel}` is not read"),
                (n, "") => format!(
                    "`{rel}` and {n} more files without an extension in {folder}/ are not read"
                ),
                (n, ext) => {
                    format!("`{rel}` and {n} more `.{ext}` files in {folder}/ are not read")
                }
            };
            let hint = match FOLDERS
                .iter()
                .find(|(f, _)| folder.starts_with(&format!("content/{f}")))
            {
                Some((_, Kind::Article)) => {
                    "articles are `.md` files; keep other files outside content/".to_string()
                }
                Some(_) => "curation is read from `.yaml` files; keep other files outside content/"
                    .to_string(),
                None => format!("{HOLDS}; keep other files outside content/"),
            };
            let d = Diagnostic::warning("unread-file", message)
                .at(NOWHERE, "not content")
                .hint(hint);
            (rel.to_string(), d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_is_read_reported_or_passed_over() {
        let near = |s: &str| Reading::NearMiss(s.to_string());
        let table: &[(&str, Reading)] = &[
            ("content/outlets.yaml", Reading::Read(Kind::Outlets)),
            ("content/outlets.yml", near("outlets.yaml")),
            ("content/outlets.YAML", near("outlets.yaml")),
            ("content/articles/a.md", Reading::Read(Kind::Article)),
            (
                "content/articles/2026/03/a.md",
                Reading::Read(Kind::Article),
            ),
            ("content/articles/a.markdown", near("a.md")),
            ("content/articles/a.txt", near("a.md")),
            ("content/articles/a.MD", near("a.md")),
            ("content/articles/a.docx", Reading::Stray),
            ("content/articles/a.yaml", Reading::Stray),
            ("content/people/a.yaml", Reading::Read(Kind::Person)),
            ("content/people/a.yml", Reading::Read(Kind::Person)),
            ("content/people/old/a.yaml", Reading::Read(Kind::Person)),
            ("content/people/a.YAML", near("a.yaml")),
            ("content/people/a.md", Reading::Stray),
            ("content/people/a", Reading::Stray),
            (
                "content/timeline/2026/a.yaml",
                Reading::Read(Kind::Timeline),
            ),
            ("content/comparisons/a.yml", Reading::Read(Kind::Comparison)),
            ("content/README.md", Reading::Stray),
            ("content/images/a.png", Reading::Stray),
            ("content/articles/.a.md.swp", Reading::Ignored),
            ("content/articles/a.md~", Reading::Ignored),
            ("content/.git/config", Reading::Ignored),
            ("content/people/.DS_Store", Reading::Ignored),
            ("content/articles/.#a.md", Reading::Ignored),
            // Named like content: read, and its name reported as no id.
            (
                "content/comparisons/...yaml",
                Reading::Read(Kind::Comparison),
            ),
            ("site/index.html", Reading::Ignored),
        ];
        for (path, want) in table {
            assert_eq!(reading(path), *want, "{path}");
        }
    }

    #[test]
    fn strays_of_one_folder_and_extension_are_one_warning() {
        let strays: Vec<String> = [
            "content/articles/a.html",
            "content/articles/b.html",
            "content/articles/c.html",
            "content/articles/notes.docx",
            "content/articles/2026/d.html",
        ]
        .map(String::from)
        .to_vec();
        let groups = stray_groups(&strays);
        let messages: Vec<&str> = groups.iter().map(|(_, d)| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`content/articles/a.html` and 2 more `.html` files in content/articles/ are not read",
                "`content/articles/notes.docx` is not read",
                "`content/articles/2026/d.html` is not read",
            ]
        );
    }
}

//! The `import` command: what the user tells it ([`Options`]), its [`Input`]s (files,
//! the pages of a folder, addresses to fetch), writing the article files, and the
//! [`Report`] on each.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::fetch::{DEFAULT_TIMEOUT, FetchError, Fetched, Fetcher, is_address};
use super::pipeline::{Imported, converted};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;

/// What the user tells the import; each value overrides what the text says.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The outlet id written as `outlet:`; the key is left out when not given.
    pub outlet: Option<String>,
    /// The publication date: RFC 3339, `YYYY-MM-DD`, or a date line such as
    /// "February 21, 2026 04:11 PM GMT+03:00".
    pub published: Option<String>,
    /// The language of the articles (`es`, `pt-BR`), when the page does not say or says
    /// wrong; its table reads their date lines.
    pub language: Option<String>,
    /// The title; the article id is made from it.
    pub title: Option<String>,
    /// Replace an existing article file instead of refusing to.
    pub force: bool,
    /// Convert and report, but write nothing.
    pub dry_run: bool,
    /// How long fetching one page may take; 30 s when not given.
    pub timeout: Option<Duration>,
    /// The briefing's outlets, to match a page's site against; [`run`] reads them from
    /// `content/outlets.yaml`.
    pub outlets: Vec<KnownOutlet>,
}

/// An outlet of `content/outlets.yaml`, as far as matching a page needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownOutlet {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
}

/// The outlets of the briefing at `root`. A file that does not parse gives none: the
/// import only matches against it, and `briefing check` names its errors.
fn known_outlets(root: &Path) -> Result<Vec<KnownOutlet>, Failure> {
    let path = root.join("content").join("outlets.yaml");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Failure::io(&path, "read", e)),
    };
    let Ok(map) =
        serde_yaml::from_str::<std::collections::BTreeMap<String, serde_yaml::Value>>(&text)
    else {
        return Ok(Vec::new());
    };
    Ok(map
        .into_iter()
        .map(|(id, v)| KnownOutlet {
            name: v
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or(&id)
                .to_string(),
            url: v.get("url").and_then(|u| u.as_str()).map(str::to_string),
            id,
        })
        .collect())
}

/// One thing to import: a file, or the address of a page to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Address(String),
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::File(path) => write!(f, "{}", path.display()),
            Input::Address(address) => f.write_str(address),
        }
    }
}

/// The file names a folder's pages have.
const PAGE_EXTENSIONS: [&str; 3] = ["html", "htm", "txt"];

/// What the command line names, as inputs: an address as it is, a folder as its pages
/// (every `.html`, `.htm` and `.txt` file in it, by name), a file as itself.
pub fn inputs(args: &[PathBuf]) -> Result<Vec<Input>, Failure> {
    let mut inputs = Vec::new();
    for arg in args {
        if let Some(address) = arg.to_str().filter(|a| is_address(a)) {
            inputs.push(Input::Address(address.to_string()));
        } else if arg.is_dir() {
            let mut pages: Vec<PathBuf> = std::fs::read_dir(arg)
                .map_err(|e| Failure::io(arg, "read the folder", e))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            PAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                        })
                })
                .collect();
            if pages.is_empty() {
                return Err(Failure::Other(format!(
                    "`{}` holds no page to import: no .html, .htm or .txt file",
                    arg.display()
                )));
            }
            pages.sort();
            inputs.extend(pages.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(arg.clone()));
        }
    }
    Ok(inputs)
}

/// What [`run`] did with one input.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file that was read, or the address that was fetched.
    pub source: Input,
    /// The article file that was written (with `--dry-run`, would be), under the
    /// briefing root.
    pub written: PathBuf,
    pub dry_run: bool,
    pub imported: Imported,
}

impl fmt::Display for Report {
    /// One line: `imported content/articles/<id>.md: "Title", published 2030-03-14 (from
    /// meta article:published_time), 512 words; stripped 41 lines: 30 outside the
    /// article, 5 navigation, …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = &self.imported;
        write!(
            f,
            "{} content/articles/{}.md: \"{}\", published {} ({}), {} word{}",
            if self.dry_run {
                "would import"
            } else {
                "imported"
            },
            a.id,
            shorten(&a.title, 80),
            a.published,
            a.published_from,
            a.words,
            if a.words == 1 { "" } else { "s" }
        )?;
        if a.stripped.is_empty() {
            return f.write_str("; nothing stripped");
        }
        let n = a.stripped.len();
        write!(f, "; stripped {n} line{}: ", if n == 1 { "" } else { "s" })?;
        // By reason, the most frequent first; a tie in the order the reasons came.
        let mut reasons: Vec<(&str, usize)> = Vec::new();
        for s in &a.stripped {
            match reasons.iter_mut().find(|(r, _)| *r == s.reason) {
                Some((_, count)) => *count += 1,
                None => reasons.push((s.reason, 1)),
            }
        }
        reasons.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
        let parts: Vec<String> = reasons
            .iter()
            .map(|(reason, count)| format!("{count} {reason}"))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

impl Report {
    /// The entry to add to `content/outlets.yaml` for a page's outlet it lacks.
    pub fn proposal(&self) -> Option<String> {
        self.imported.proposed_outlet.as_ref().map(|entry| {
            format!(
                "  its outlet is not in content/outlets.yaml; to add it, paste:\n{}",
                entry
                    .lines()
                    .map(|l| format!("    {l}\n"))
                    .collect::<String>()
            )
        })
    }

    /// Every stripped line with its reason, one per line, for `--verbose`: the line of a
    /// plain text, the text block of a page.
    pub fn details(&self) -> String {
        let mut out = String::new();
        for s in &self.imported.stripped {
            out.push_str(&format!(
                "  {:>4}: \"{}\" — {}\n",
                s.line,
                shorten(&s.text, 72),
                s.reason
            ));
        }
        out
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

/// Imports each input into `content/articles/` of the briefing at `root`. Every input
/// is read or fetched and converted before anything is written, so one that cannot be
/// imported leaves the briefing as it was: a text that does not make an article (no
/// date, no text, not a page) is a content error, and an address that cannot be
/// fetched an operational one, each reported for every such input at once. An
/// existing article file is never overwritten unless `options.force` is set.
pub fn run(root: &Path, args: &[PathBuf], options: &Options) -> Result<Vec<Report>, Failure> {
    let inputs = inputs(args)?;
    if options.title.is_some() && inputs.len() > 1 {
        return Err(Failure::Other(
            "--title names one article: import one file at a time when you give it".to_string(),
        ));
    }
    if !root.join("briefing.yaml").is_file() {
        return Err(Failure::NotABriefing {
            path: root.to_path_buf(),
        });
    }
    let mut options = options.clone();
    if options.outlets.is_empty() {
        options.outlets = known_outlets(root)?;
    }
    let options = &options;
    let mut reports: Vec<Report> = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut unreached: Vec<(String, String)> = Vec::new();
    let fetcher = (inputs.iter().any(|i| matches!(i, Input::Address(_))))
        .then(|| Fetcher::new(options.timeout.unwrap_or(DEFAULT_TIMEOUT)));
    for input in &inputs {
        let (text, fetched): (String, Option<Fetched>) = match input {
            Input::File(path) => (
                std::fs::read_to_string(path).map_err(|e| Failure::io(path, "read", e))?,
                None,
            ),
            Input::Address(address) => {
                let fetcher = fetcher.as_ref().expect("made when an input is an address");
                match fetcher.fetch(address) {
                    Ok(fetched) => (fetched.text.clone(), Some(fetched)),
                    Err(FetchError::Network(why)) => {
                        unreached.push((address.clone(), why));
                        continue;
                    }
                    Err(FetchError::Content(why)) => {
                        problems.push(
                            Diagnostic::error(
                                "import",
                                format!("cannot import `{address}`: {why}"),
                            )
                            .hint("open the page in a browser, save it, and import the file"),
                        );
                        continue;
                    }
                }
            }
        };
        let imported = match converted(&text, options, fetched.as_ref()) {
            Ok(imported) => imported,
            Err(problem) if problem.in_content() => {
                problems.push(
                    Diagnostic::error(
                        "import",
                        format!("cannot import `{input}`: {}", problem.what()),
                    )
                    .hint(problem.hint()),
                );
                continue;
            }
            Err(problem) => return Err(Failure::Other(problem.to_string())),
        };
        let written = root
            .join("content")
            .join("articles")
            .join(format!("{}.md", imported.id));
        if let Some(other) = reports.iter().find(|r| r.written == written) {
            return Err(Failure::Other(format!(
                "`{}` and `{}` would both become `{}`: import one of them with --title",
                other.source,
                input,
                written.display()
            )));
        }
        if written.exists() && !options.force && !options.dry_run {
            return Err(exists(&written));
        }
        reports.push(Report {
            source: input.clone(),
            written,
            dry_run: options.dry_run,
            imported,
        });
    }
    if !unreached.is_empty() {
        return Err(unreachable(&unreached, problems.len()));
    }
    if !problems.is_empty() {
        return Err(Failure::Content {
            sources: Box::default(),
            diagnostics: problems,
        });
    }
    if options.dry_run {
        return Ok(reports);
    }
    let folder = root.join("content").join("articles");
    std::fs::create_dir_all(&folder).map_err(|e| Failure::io(&folder, "create the folder", e))?;
    for report in &reports {
        write_new(&report.written, &report.imported.markdown, options.force)?;
    }
    Ok(reports)
}

/// The addresses that could not be fetched, each with why: one on a line of its own,
/// several listed below a count.
fn unreachable(unreached: &[(String, String)], content_errors: usize) -> Failure {
    let also = match content_errors {
        0 => String::new(),
        1 => " (and 1 input has a content error)".to_string(),
        n => format!(" (and {n} inputs have content errors)"),
    };
    Failure::Other(match unreached {
        [(address, why)] => {
            format!("could not fetch `{address}`: {why}; nothing was written{also}")
        }
        _ => {
            let mut message = format!(
                "could not fetch {} addresses; nothing was written{also}",
                unreached.len()
            );
            for (address, why) in unreached {
                message.push_str(&format!("\n  `{address}`: {why}"));
            }
            message
        }
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pipeline::tests::SEED_001;

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
            ..Options::default()
        };
        let reports = run(&dir, std::slice::from_ref(&input), &o).unwrap();
        let written =
            dir.join("content/articles/cuban-security-personnel-withdraw-from-venezuela-amid.md");
        assert_eq!(reports[0].written, written);
        assert_eq!(
            reports[0].to_string(),
            "imported content/articles/cuban-security-personnel-withdraw-from-venezuela-amid.md: \
             \"Cuban security personnel withdraw from Venezuela amid escalating US pressure\", \
             published 2026-02-21 (given with --published), 89 words; stripped 1 line: 1 headline → title"
        );
        assert_eq!(
            reports[0].details(),
            "     1: \"Cuban security personnel withdraw from Venezuela amid escalating US…\" \
             — headline → title\n"
        );
        let loaded = crate::load::briefing(&dir).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert_eq!(loaded.briefing.articles.len(), 1);

        let dry = Options {
            dry_run: true,
            ..o.clone()
        };
        let before = std::fs::read_to_string(&written).unwrap();
        std::fs::write(&written, "changed").unwrap();
        let reports = run(&dir, std::slice::from_ref(&input), &dry).unwrap();
        assert!(reports[0].to_string().starts_with("would import "));
        assert_eq!(reports[0].imported.markdown, before);
        assert_eq!(std::fs::read_to_string(&written).unwrap(), "changed");
        std::fs::write(&written, &before).unwrap();

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

        let e = run(&dir, std::slice::from_ref(&input), &Options::default()).unwrap_err();
        assert_eq!(e.exit_code(), 1);
        let Failure::Content { diagnostics, .. } = &e else {
            panic!("{e}");
        };
        assert_eq!(
            diagnostics[0].message,
            format!(
                "cannot import `{}`: found no date: neither the page's head nor its text gives one",
                input.display()
            )
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("pass --published DATE (2026-02-21 or 2026-02-21T16:11:00+03:00)")
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

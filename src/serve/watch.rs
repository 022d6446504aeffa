//! A *plan* is what a rebuild must redo for a batch of changed files: the watcher hands
//! over the paths it saw touched, and [`plan`] decides, without looking at the disk,
//! whether the theme must be re-read, which content must be reloaded, and whether every
//! page must be rendered again or only those that depend on the changed articles.
//! `briefing.yaml` changes everything; a template re-renders every page from the content
//! already loaded; an article reloads the content but re-renders only what shows it; a
//! curation file (people, timeline, comparisons, outlets) reloads and re-renders
//! everything, because curation reaches into every page. Files the loader does not read
//! — editors' scratch files, `site/`, a stray `notes.docx` — change nothing, except one
//! the loader reports as an error (`pier.markdown`): a full load shows it.

use std::collections::BTreeSet;

pub(crate) use crate::engine::{Plan, Reload};
use crate::load::{self, Kind, Reading, is_scratch_or_hidden};

/// The plan for a batch of changed paths, relative to the briefing root with `/`
/// separators.
pub(crate) fn plan<S: AsRef<str>>(paths: &[S]) -> Plan {
    let mut out = Plan::default();
    for path in paths {
        out.merge(plan_one(path.as_ref()));
    }
    out
}

fn plan_one(path: &str) -> Plan {
    let name = path.rsplit('/').next().unwrap_or(path);
    if is_scratch_or_hidden(name) {
        return Plan::default();
    }
    let curation = Plan {
        content: Reload::Everything,
        render_all: true,
        ..Plan::default()
    };
    let reload = Plan {
        content: Reload::Everything,
        ..Plan::default()
    };
    // A name without an extension may be a folder that was moved or removed, whose
    // files are not reported one by one.
    let folder = !name.contains('.');
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["briefing.yaml"] => Plan::everything(),
        ["templates", ..] => Plan {
            theme: true,
            render_all: true,
            ..Plan::default()
        },
        // The loader says which files it reads.
        ["content", ..] => match load::reading(path) {
            Reading::Read(Kind::Article) => Plan::articles(path),
            Reading::Read(_) => curation,
            // Reported by the loader: a full load shows the error, or that it is gone.
            Reading::NearMiss(_) => reload,
            // Which articles a folder held is found by comparing the content before
            // and after.
            _ if folder => match parts.as_slice() {
                ["content", "articles", ..] => reload,
                ["content"] | ["content", "people" | "timeline" | "comparisons", ..] => curation,
                _ => Plan::default(),
            },
            // Anything else the loader does not read.
            _ => Plan::default(),
        },
        // Nor is site/, target/ or .git part of the briefing.
        _ => Plan::default(),
    }
}

/// Whether a watcher event is a change to a file, not only a look at it: the rebuild
/// opens every file it reads, and must not trigger itself. Closing a file written to is
/// a change: some writers are seen only then.
pub(crate) fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The files of a save still being written. A file written to is complete once it is
/// closed, or once it is renamed into place (editors that save through a copy); a file
/// removed is gone at once. When every file a save touched is complete, the rebuild
/// need not wait for the files to be quiet: that wait is only for writers the watcher
/// cannot see finish (a change of permissions, a platform without close events).
#[derive(Debug, Default)]
pub(crate) struct Writing {
    open: BTreeSet<String>,
    finished: bool,
}

impl Writing {
    /// Takes in one event on `paths` (as the plan reads them, relative to the root).
    pub fn see(&mut self, kind: &notify::EventKind, paths: &[String]) {
        use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind, RenameMode};
        match kind {
            // Closed after writing, gone, or renamed into place (for a rename both
            // ways, `paths` is [from, to]).
            EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => {
                self.finish(paths)
            }
            // Created, written to, or a change whose end the watcher cannot see (of
            // metadata, or one the platform says no more about).
            _ => self.open.extend(paths.iter().cloned()),
        }
    }

    fn finish(&mut self, paths: &[String]) {
        for p in paths {
            self.open.remove(p);
        }
        self.finished = true;
    }

    /// Whether every file written to was closed, renamed into place or removed.
    pub fn done(&self) -> bool {
        self.finished && self.open.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(paths: &[&str]) -> Plan {
        Plan {
            content: Reload::Articles(paths.iter().map(|s| s.to_string()).collect()),
            ..Plan::default()
        }
    }

    fn curation() -> Plan {
        Plan {
            content: Reload::Everything,
            render_all: true,
            ..Plan::default()
        }
    }

    fn folder() -> Plan {
        Plan {
            content: Reload::Everything,
            ..Plan::default()
        }
    }

    fn templates() -> Plan {
        Plan {
            theme: true,
            render_all: true,
            ..Plan::default()
        }
    }

    #[test]
    fn each_kind_of_file_asks_for_its_rebuild() {
        let table: &[(&str, Plan)] = &[
            ("briefing.yaml", Plan::everything()),
            ("templates/person.html", templates()),
            ("templates/static/style.css", templates()),
            ("templates", templates()),
            (
                "content/articles/pier-vote.md",
                articles(&["content/articles/pier-vote.md"]),
            ),
            (
                "content/articles/2026/03/pier-vote.md",
                articles(&["content/articles/2026/03/pier-vote.md"]),
            ),
            ("content/people/ana-ortiz.yaml", curation()),
            ("content/people/ana-ortiz.yml", curation()),
            ("content/timeline/2026.yaml", curation()),
            ("content/comparisons/pier.yaml", curation()),
            ("content/outlets.yaml", curation()),
            ("content/articles/2026", folder()),
            ("content/articles/2026/03", folder()),
            ("content/articles/sedX2bq9a", folder()),
            ("content/people", curation()),
            ("content/people/old", curation()),
            ("content", curation()),
            ("content/articles/notes.txt", folder()),
            ("content/articles/notes.docx", Plan::default()),
            ("content/articles/pier-vote.md.orig", Plan::default()),
            ("content/people/photo.jpg", Plan::default()),
            ("content/README.md", Plan::default()),
            ("content/timeline/2026/extra.yaml", curation()),
            ("site/index.html", Plan::default()),
            ("target/debug/briefing", Plan::default()),
            (".git/index", Plan::default()),
            ("README.md", Plan::default()),
            ("briefing.yaml.bak", Plan::default()),
        ];
        for (path, want) in table {
            assert_eq!(&plan(&[path]), want, "{path}");
        }
    }

    #[test]
    fn editor_scratch_files_are_ignored() {
        for path in [
            "content/articles/.pier-vote.md.swp",
            "content/articles/pier-vote.md~",
            "content/articles/.#pier-vote.md",
            "content/articles/#pier-vote.md#",
            "content/people/4913",
            "templates/.person.html.swx",
            "content/.DS_Store",
            "content/articles/x.md.tmp",
        ] {
            assert!(plan(&[path]).is_empty(), "{path}");
        }
    }

    #[test]
    fn a_save_is_complete_when_its_files_are_closed_or_renamed_into_place() {
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, EventKind, MetadataKind, ModifyKind,
            RemoveKind, RenameMode,
        };
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let close = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let create = EventKind::Create(CreateKind::File);
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        let moved = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let chmod = EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions));
        let removed = EventKind::Remove(RemoveKind::File);
        let (a, b) = ("content/articles/a.md", "content/articles/b.md");
        let tmp = "content/articles/a.md.tmp";
        // Each save: its events (kind, paths), and whether it is complete after them.
        type Save<'a> = &'a [(&'a EventKind, &'a [&'a str])];
        let table: &[(Save, bool)] = &[
            (&[], false),
            (&[(&write, &[a])], false),
            (&[(&write, &[a]), (&close, &[a])], true),
            (&[(&create, &[a]), (&write, &[a]), (&close, &[a])], true),
            (&[(&write, &[a]), (&write, &[b]), (&close, &[a])], false),
            (
                &[
                    (&write, &[a]),
                    (&write, &[b]),
                    (&close, &[a]),
                    (&close, &[b]),
                ],
                true,
            ),
            (&[(&renamed, &[a])], true),
            (
                &[(&create, &[tmp]), (&close, &[tmp]), (&moved, &[tmp, a])],
                true,
            ),
            (&[(&removed, &[a])], true),
            (&[(&chmod, &[a])], false),
        ];
        for (events, done) in table {
            let mut writing = Writing::default();
            for (kind, paths) in *events {
                let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
                writing.see(kind, &paths);
            }
            assert_eq!(writing.done(), *done, "{events:?}");
        }
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, EventKind, ModifyKind, RemoveKind,
            RenameMode,
        };
        let table = [
            (EventKind::Access(AccessKind::Open(AccessMode::Any)), false),
            (
                EventKind::Access(AccessKind::Close(AccessMode::Read)),
                false,
            ),
            (EventKind::Access(AccessKind::Read), false),
            (
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                true,
            ),
            (EventKind::Create(CreateKind::File), true),
            (EventKind::Modify(ModifyKind::Data(DataChange::Any)), true),
            (EventKind::Modify(ModifyKind::Name(RenameMode::To)), true),
            (EventKind::Remove(RemoveKind::File), true),
            (EventKind::Any, true),
        ];
        for (kind, change) in table {
            assert_eq!(is_change(&kind), change, "{kind:?}");
        }
    }

    #[test]
    fn a_batch_asks_for_the_most_any_of_its_files_needs() {
        let both = plan(&["content/articles/a.md", "content/articles/b.md"]);
        assert_eq!(
            both,
            articles(&["content/articles/a.md", "content/articles/b.md"])
        );
        let with_person = plan(&["content/articles/a.md", "content/people/x.yaml"]);
        assert_eq!(with_person, curation());
        let with_template = plan(&["content/articles/a.md", "templates/base.html"]);
        assert_eq!(
            with_template,
            Plan {
                theme: true,
                content: Reload::Articles(BTreeSet::from(["content/articles/a.md".to_string()])),
                render_all: true,
            }
        );
        assert_eq!(
            plan(&["templates/base.html", "briefing.yaml"]),
            Plan::everything()
        );
        assert!(plan::<&str>(&[]).is_empty());
    }

    #[test]
    fn plans_pile_up_until_a_build_succeeds() {
        let mut pending = articles(&["a"]);
        pending.merge(articles(&["b"]));
        assert_eq!(pending, articles(&["a", "b"]));
        pending.merge(Plan::default());
        assert_eq!(pending, articles(&["a", "b"]));
        pending.merge(curation());
        assert_eq!(pending, curation());
        pending.merge(articles(&["c"]));
        assert_eq!(pending, curation());
    }
}

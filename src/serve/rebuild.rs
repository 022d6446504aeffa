//! A *rebuild* brings the served site up to date with the files on disk. The engine
//! ([`crate::engine`]) keeps the last good build — content, analysis, theme — and
//! reloads and analyses only what the [`Plan`] asks; when only articles changed, the
//! [`Rebuilder`] renders again only the pages that may show them, before or after the
//! edit ([`crate::render::depends::Affected`]), those readers have open first. Which of
//! those pages really changed is found by comparing bytes with the pages being served
//! ([`apply`]), so a save that changes nothing reloads nothing.
//!
//! A failed rebuild changes nothing: the last good build stays, and its plan is kept
//! and merged with the next one, so the first good build after a run of errors redoes
//! all that was asked meanwhile.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use rayon::prelude::*;

use crate::engine::{Engine, Plan, Step};
use crate::error::Failure;
use crate::render::depends::Affected;
use crate::render::{self, Page, Rendered};

/// The rebuilder: the engine, which keeps the last good build, and the pages an
/// interrupted rebuild did not render.
pub(crate) struct Rebuilder {
    engine: Engine,
    /// Pages an interrupted rebuild did not render: the next one renders them.
    unfinished: HashSet<String>,
    /// The last site's compiled templates, which the next uses unless the theme or
    /// the language changed: most saves are of articles.
    templates: Option<render::Templates>,
}

/// What a rebuild made, in one of its two steps: first the pages readers have open,
/// then the rest.
#[derive(Debug)]
pub(crate) struct Update {
    /// The path of every page of the new site, in the last step of a rebuild that
    /// completed: any other page is gone. `None` in the first step, and in the last
    /// step of an interrupted rebuild: they remove nothing.
    pub paths: Option<Vec<String>>,
    /// The pages rendered again; any page not among them is as it was.
    pub rendered: Vec<Rendered>,
    /// Whether these are the pages readers have open, the first step.
    pub open: bool,
}

/// Where the time of a rebuild went, for the log line: the way to see what to speed up.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Timings {
    /// Reading the theme and the content.
    pub load: Duration,
    pub analyse: Duration,
    /// `render::site`: compiling the templates and the lookups every page shares.
    pub prepare: Duration,
    /// Rendering the pages readers have open.
    pub open: Duration,
    /// Rendering the other pages.
    pub rest: Duration,
    /// Pages left to the next rebuild, as a new save came.
    pub left: usize,
}

impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |d: Duration| d.as_millis();
        write!(
            f,
            "load {}, analyse {}, prepare {}, open pages {}, other pages {} ms",
            ms(self.load),
            ms(self.analyse),
            ms(self.prepare),
            ms(self.open),
            ms(self.rest)
        )?;
        if self.left > 0 {
            write!(f, "; {} pages left to the next rebuild", self.left)?;
        }
        Ok(())
    }
}

impl Rebuilder {
    /// A rebuilder with nothing built yet: its first rebuild builds everything, with
    /// the drafts, linking to the address the site is served at (`base_url`).
    pub fn new(root: PathBuf, base_url: String) -> Rebuilder {
        Rebuilder {
            engine: Engine::new(root, Some(base_url), true),
            unfinished: HashSet::new(),
            templates: None,
        }
    }

    /// Redoes what `plan` and every failed plan before it ask for, and hands each step
    /// of what it made to `publish`: first the pages in `open`, which readers are
    /// looking at, then the others, unless `interrupted` says a new save is waiting:
    /// the pages not rendered then are rendered by the next rebuild.
    pub fn rebuild(
        &mut self,
        plan: Plan,
        open: &HashSet<String>,
        interrupted: &(dyn Fn() -> bool + Sync),
        publish: &mut dyn FnMut(Update),
    ) -> Result<Timings, Failure> {
        let step = self.engine.prepare(plan)?;
        let mut timings = Timings {
            load: step.load,
            analyse: step.analyse,
            ..Timings::default()
        };
        let kept = self.templates.take();
        let rendered = self.render(&step, kept, open, interrupted, &mut timings, publish);
        match rendered {
            Ok((paths, left, templates)) => {
                self.templates = Some(templates);
                timings.left = left.len();
                self.unfinished = left;
                self.engine.commit(step, paths);
                Ok(timings)
            }
            Err(failure) => {
                // What is served stays as it is.
                self.engine.abandon(step);
                Err(failure)
            }
        }
    }

    /// Renders the pages the step's changed articles reach, before the edit and after
    /// it, or every page when it renders all, through the `kept` templates when they
    /// still hold: those in `open` first, then the others until `interrupted`. Returns
    /// the path of every page, those of the pages it left unrendered, and the
    /// templates for the next rebuild.
    fn render(
        &self,
        step: &Step,
        kept: Option<render::Templates>,
        open: &HashSet<String>,
        interrupted: &(dyn Fn() -> bool + Sync),
        timings: &mut Timings,
        publish: &mut dyn FnMut(Update),
    ) -> Result<(HashSet<String>, HashSet<String>, render::Templates), Failure> {
        let state = self.engine.state(step);
        let (loaded, analysis) = (state.loaded, state.analysis);
        let old = self.engine.good();
        let options = self.engine.render_options(&state);
        let started = Instant::now();
        let mut site = render::unlisted(&loaded.briefing, analysis, state.theme, options, kept)?;
        let mut prepare = started.elapsed();
        let affected = match (&step.affected, old) {
            (Some((ids, before)), Some(old)) => {
                let mut affected = before.clone();
                affected.add(ids, &loaded.briefing, analysis);
                Some((affected, &old.paths))
            }
            _ => None,
        };
        // The open pages of the articles and people the edit reaches, found by their
        // ids rather than among every page, are rendered and published before the
        // site's pages are listed (at 10,000 articles, most of the time the site
        // takes to make): a page renders the same from a site not listed yet.
        let mut early: HashSet<String> = HashSet::new();
        let rendering = Instant::now();
        if let Some((affected, _)) = &affected {
            let reached = open_reached(&site, &loaded.briefing, affected, open);
            if !reached.is_empty() {
                let rendered = reached
                    .par_iter()
                    .map(|(page, path)| site.render_at(page, path.clone()))
                    .collect::<Result<Vec<_>, _>>()?;
                early.extend(reached.into_iter().map(|(_, path)| path));
                publish(Update {
                    paths: None,
                    rendered,
                    open: true,
                });
            }
        }
        let open_early = rendering.elapsed();
        let listing = Instant::now();
        site.list();
        let site = site;
        prepare += listing.elapsed();
        timings.prepare = prepare;
        let wanted = |page: &Page, path: &String| match &affected {
            None => true,
            Some((affected, served)) => {
                !served.contains(path) || affected.wants(page, &loaded.briefing, analysis)
            }
        };
        let render = |pages: &[(&Page, &String)]| -> Result<Vec<Rendered>, Failure> {
            pages
                .par_iter()
                .map(|(page, path)| site.render_at(page, (*path).clone()))
                .collect()
        };
        // Every page but the search index's files (which need the index built), each
        // listed once, and split in one pass: the pages to render again that readers
        // have open, then the others.
        let main = site.main_pages().iter().zip(site.main_paths());
        let (first, rest): (Vec<_>, Vec<_>) = main
            .filter(|(_, path)| !early.contains(*path))
            .filter(|(page, path)| wanted(page, path) || self.unfinished.contains(*path))
            .partition(|(_, path)| open.contains(*path));
        let started = Instant::now();
        if !first.is_empty() {
            publish(Update {
                paths: None,
                rendered: render(&first)?,
                open: true,
            });
        }
        timings.open = open_early + started.elapsed();
        // Then the others, until a new save asks for a rebuild: the pages left are
        // rendered by the next one.
        let started = Instant::now();
        // Each page is rendered unless a save came meanwhile; those skipped are left.
        let made: Vec<Option<Rendered>> = rest
            .par_iter()
            .map(|(page, path)| match interrupted() {
                true => Ok(None),
                false => site.render_at(page, (*path).clone()).map(Some),
            })
            .collect::<Result<_, _>>()?;
        let mut rendered = Vec::with_capacity(made.len());
        let mut left = HashSet::new();
        for ((_, path), made) in rest.iter().zip(made) {
            match made {
                Some(page) => rendered.push(page),
                None => {
                    left.insert((*path).clone());
                }
            }
        }
        // The data exports and the search index's files, made from every article, are
        // all rendered again by any rebuild, so an interrupted rebuild leaves none of
        // them.
        let mut paths: HashSet<String> = site.main_paths().iter().cloned().collect();
        let complete = left.is_empty() && !interrupted();
        if complete {
            let mut wholes = site.data_files();
            wholes.extend(site.search_files());
            let search: Vec<(Page, String)> = wholes
                .into_iter()
                .map(|page| {
                    let path = site.path(&page);
                    (page, path)
                })
                .collect();
            let refs: Vec<(&Page, &String)> = search.iter().map(|(p, s)| (p, s)).collect();
            rendered.extend(render(&refs)?);
            paths.extend(search.into_iter().map(|(_, path)| path));
        } else if let Some(old) = old {
            // Until a rebuild completes, the data and search files served are the last
            // ones.
            paths.extend(
                old.paths
                    .iter()
                    .filter(|p| p.starts_with("search/") || is_data_file(p))
                    .cloned(),
            );
        }
        publish(Update {
            paths: complete.then(|| paths.iter().cloned().collect()),
            rendered,
            open: false,
        });
        timings.rest = started.elapsed();
        Ok((paths, left, site.into_templates()))
    }

    /// The warnings of the last good build, as the terminal shows them.
    pub fn warnings(&self, colour: bool) -> Option<String> {
        let good = self.engine.good()?;
        let mut all = good.loaded.diagnostics.clone();
        all.extend(good.analysis.warnings.iter().cloned());
        crate::diagnostic::sort(&mut all);
        let summary = crate::diagnostic::summary(&all)?;
        let text = crate::diagnostic::render_text(&all, &good.loaded.sources, colour);
        Some(format!("{text}warning: {summary}\n"))
    }
}

/// The pages in `open` of the articles and people `affected` names, which an edit
/// reaches, with their paths: found from the ids, without listing the site's pages.
fn open_reached(
    site: &render::Site,
    briefing: &crate::content::Briefing,
    affected: &Affected,
    open: &HashSet<String>,
) -> Vec<(Page, String)> {
    if open.is_empty() {
        return Vec::new();
    }
    let articles = affected
        .articles
        .iter()
        .filter_map(|id| briefing.article_position(id));
    let people = affected
        .people
        .iter()
        .filter_map(|id| briefing.person_position(id));
    articles
        .map(Page::Article)
        .chain(people.map(Page::Person))
        .map(|page| {
            let path = site.path(&page);
            (page, path)
        })
        .filter(|(_, path)| open.contains(path))
        .collect()
}

/// Whether `path` is a file of the data exports (not the `/data/` page).
fn is_data_file(path: &str) -> bool {
    path.strip_prefix("data/")
        .is_some_and(|rest| rest != "index.html")
}

/// Lays an update over the pages being served and returns the paths of the pages it
/// added, changed or removed.
pub(crate) fn apply(pages: &mut HashMap<String, Bytes>, update: Update) -> Vec<String> {
    let mut changed = Vec::new();
    if let Some(paths) = update.paths {
        let keep: HashSet<&str> = paths.iter().map(String::as_str).collect();
        pages.retain(|path, _| {
            let kept = keep.contains(path.as_str());
            if !kept {
                changed.push(path.clone());
            }
            kept
        });
    }
    for Rendered { path, bytes } in update.rendered {
        if pages.get(&path).is_none_or(|old| old[..] != bytes[..]) {
            changed.push(path.clone());
            pages.insert(path, Bytes::from(bytes));
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;
    use crate::render::Theme;
    use crate::serve::watch;
    use crate::testing::default_briefing;
    use std::path::Path;

    const URL: &str = "http://127.0.0.1:1111/";

    /// The site built from scratch, as the first build of `serve` makes it.
    fn full(root: &Path) -> HashMap<String, Bytes> {
        let mut pages = HashMap::new();
        Rebuilder::new(root.to_path_buf(), URL.into())
            .rebuild(
                Plan::everything(),
                &HashSet::new(),
                &|| false,
                &mut |update| {
                    apply(&mut pages, update);
                },
            )
            .unwrap();
        pages
    }

    /// Serves the briefing at `root`, as `serve` does.
    struct Serving {
        engine: Rebuilder,
        pages: HashMap<String, Bytes>,
    }

    /// A served copy of the default briefing, and the id of its first person.
    fn served() -> (tempfile::TempDir, String, Serving) {
        let dir = default_briefing();
        let person = first_person(dir.path());
        let serving = Serving::start(dir.path());
        (dir, person, serving)
    }

    impl Serving {
        fn start(root: &Path) -> Serving {
            let engine = Rebuilder::new(root.to_path_buf(), URL.into());
            let mut serving = Serving {
                engine,
                pages: HashMap::new(),
            };
            serving
                .rebuild(Plan::everything(), &HashSet::new())
                .unwrap();
            serving
        }

        /// Rebuilds as the watcher would, for readers who have `open` open; returns
        /// each step: whether it is the one after the open pages, and its rendered paths.
        fn rebuild(
            &mut self,
            plan: Plan,
            open: &HashSet<String>,
        ) -> Result<Vec<(bool, Vec<String>)>, Failure> {
            self.rebuild_until(plan, open, &|| false)
        }

        /// [`Serving::rebuild`], interrupted when `interrupted` says so.
        fn rebuild_until(
            &mut self,
            plan: Plan,
            open: &HashSet<String>,
            interrupted: &(dyn Fn() -> bool + Sync),
        ) -> Result<Vec<(bool, Vec<String>)>, Failure> {
            let mut steps = Vec::new();
            let pages = &mut self.pages;
            self.engine
                .rebuild(plan, open, interrupted, &mut |update| {
                    let rendered = update.rendered.iter().map(|r| r.path.clone()).collect();
                    steps.push((!update.open, rendered));
                    apply(pages, update);
                })?;
            Ok(steps)
        }

        /// Rebuilds for the changed paths, as the watcher would; returns how many pages
        /// were rendered, or the failure.
        fn saved(&mut self, changed: &[&str]) -> Result<usize, Failure> {
            let steps = self.rebuild(watch::plan(changed), &HashSet::new())?;
            Ok(steps.iter().map(|(_, rendered)| rendered.len()).sum())
        }

        /// Asserts that what is served is what a build from scratch gives.
        fn assert_fresh(&self, root: &Path, after: &str) {
            let fresh = full(root);
            let mut stale: Vec<&String> = fresh
                .keys()
                .filter(|k| self.pages.get(*k) != fresh.get(*k))
                .chain(self.pages.keys().filter(|k| !fresh.contains_key(*k)))
                .collect();
            stale.sort();
            assert!(stale.is_empty(), "after {after}, stale pages: {stale:?}");
        }
    }

    /// The article files of the briefing at `root`, relative to it, sorted.
    fn articles(root: &Path) -> Vec<String> {
        let mut out: Vec<String> = std::fs::read_dir(root.join("content/articles"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md"))
            .map(|n| format!("content/articles/{n}"))
            .collect();
        out.sort();
        out
    }

    /// The page of the article in the file `rel`.
    fn page_of(rel: &str) -> String {
        format!("articles/{}/index.html", load::stem(rel))
    }

    fn edit(root: &Path, rel: &str, f: impl FnOnce(&str) -> String) {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, f(&text)).unwrap();
    }

    fn set_title(text: &str, title: &str) -> String {
        let lines: Vec<String> = text
            .lines()
            .map(|l| match l.starts_with("title: ") {
                true => format!("title: {title}"),
                false => l.to_string(),
            })
            .collect();
        lines.join("\n") + "\n"
    }

    /// Retitles an article and adds a paragraph that names the first person.
    fn retitle(text: &str, person: &str) -> String {
        let text = set_title(text, "An edited title");
        format!("{text}\n{person} said the edit was \"small\" on Friday.\n")
    }

    fn first_person(root: &Path) -> String {
        let loaded = load::briefing(root).unwrap();
        loaded.briefing.people[0].name.clone()
    }

    #[test]
    fn every_article_edit_serves_what_a_full_build_gives() {
        let (dir, person, mut serving) = served();
        let root = dir.path();
        let total = serving.pages.len();
        for rel in articles(root) {
            edit(root, &rel, |t| retitle(t, &person));
            let rendered = serving.saved(&[&rel]).unwrap();
            assert!(rendered < total, "{rel} re-rendered every page");
            serving.assert_fresh(root, &rel);
        }
    }

    #[test]
    fn added_moved_and_removed_articles_serve_what_a_full_build_gives() {
        let dir = default_briefing();
        let root = dir.path();
        let mut serving = Serving::start(root);
        let first = &articles(root)[0];
        let text = std::fs::read_to_string(root.join(first)).unwrap();
        std::fs::write(
            root.join("content/articles/zz-new.md"),
            set_title(&text, "A new article"),
        )
        .unwrap();
        serving.saved(&["content/articles/zz-new.md"]).unwrap();
        serving.assert_fresh(root, "adding an article");
        assert!(serving.pages.contains_key("articles/zz-new/index.html"));

        std::fs::create_dir(root.join("content/articles/later")).unwrap();
        std::fs::rename(
            root.join("content/articles/zz-new.md"),
            root.join("content/articles/later/zz-moved.md"),
        )
        .unwrap();
        std::fs::rename(
            root.join("content/articles/later"),
            root.join("content/articles/moved"),
        )
        .unwrap();
        // Only the folders are reported: which articles changed is found by comparing.
        serving
            .saved(&["content/articles/later", "content/articles/moved"])
            .unwrap();
        serving.assert_fresh(root, "moving an article in a folder");
        assert!(serving.pages.contains_key("articles/zz-moved/index.html"));
        assert!(!serving.pages.contains_key("articles/zz-new/index.html"));

        std::fs::remove_dir_all(root.join("content/articles/moved")).unwrap();
        serving
            .saved(&["content/articles/moved/zz-moved.md"])
            .unwrap();
        serving.assert_fresh(root, "removing an article");
    }

    #[test]
    fn a_template_failing_on_an_edited_article_keeps_what_is_served() {
        // A theme whose article page fails for one title: the edited article is read
        // again in place and analysed, then its page fails to render.
        let (dir, person, mut serving) = served();
        let root = dir.path();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let template = std::fs::read_to_string(repo.join("templates/article.html")).unwrap();
        let failing = template.replacen(
            "{% block main %}",
            "{% block main %}{% if \"Broken\" in article.title %}{{ no_such_value.field }}{% endif %}",
            1,
        );
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::write(root.join("templates/article.html"), failing).unwrap();
        serving.saved(&["templates/article.html"]).unwrap();
        serving.assert_fresh(root, "a theme change");
        let (a, b) = (articles(root)[0].clone(), articles(root)[1].clone());
        let good_a = std::fs::read_to_string(root.join(&a)).unwrap();
        edit(root, &a, |t| set_title(t, "Broken on purpose"));
        let before = serving.pages.clone();
        let failed = serving.saved(&[&a]);
        assert!(
            matches!(&failed, Err(Failure::Template { name, .. }) if name == "article.html"),
            "{failed:?}"
        );
        assert!(
            serving.pages == before,
            "a failed render changed what is served"
        );
        // The next saves start from a sound state: another article, then the fix.
        edit(root, &b, |t| retitle(t, &person));
        assert!(serving.saved(&[&b]).is_err(), "article a still fails");
        std::fs::write(root.join(&a), good_a).unwrap();
        serving.saved(&[&a]).unwrap();
        serving.assert_fresh(root, "fixing the article the template failed on");
    }

    #[test]
    fn edits_made_while_the_content_has_errors_are_not_lost() {
        let (dir, person, mut serving) = served();
        let root = dir.path();
        let (a, b) = (articles(root)[0].clone(), articles(root)[1].clone());
        let good_a = std::fs::read_to_string(root.join(&a)).unwrap();
        edit(root, &a, |t| set_title(t, "[not closed"));
        let before = serving.pages.clone();
        assert!(matches!(serving.saved(&[&a]), Err(Failure::Content { .. })));
        edit(root, &b, |t| retitle(t, &person));
        assert!(serving.saved(&[&b]).is_err());
        assert!(
            serving.pages == before,
            "a failed build changed what is served"
        );
        std::fs::write(root.join(&a), good_a).unwrap();
        serving.saved(&[&a]).unwrap();
        serving.assert_fresh(root, "fixing an article after editing another");
    }

    #[test]
    fn template_and_curation_edits_render_every_page() {
        let dir = default_briefing();
        let root = dir.path();
        let mut serving = Serving::start(root);
        let total = serving.pages.len();
        std::fs::create_dir_all(root.join("templates")).unwrap();
        let base = String::from_utf8(Theme::default_theme().files["base.html"].clone()).unwrap();
        std::fs::write(
            root.join("templates/base.html"),
            base.replace("<main", "<!-- edited --><main"),
        )
        .unwrap();
        assert_eq!(serving.saved(&["templates/base.html"]).unwrap(), total);
        serving.assert_fresh(root, "a template edit");
        let person = std::fs::read_dir(root.join("content/people"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let rel = format!("content/people/{}", person.file_name().to_string_lossy());
        edit(root, &rel, |t| t.replacen("name: ", "name: Edited ", 1));
        assert_eq!(serving.saved(&[&rel]).unwrap(), total);
        serving.assert_fresh(root, "a person edit");
    }

    #[test]
    fn the_templates_kept_between_saves_follow_the_theme_and_the_language() {
        let (dir, person, mut serving) = served();
        let root = dir.path();
        let rel = articles(root)[0].clone();
        edit(root, &rel, |t| retitle(t, &person));
        serving.saved(&[&rel]).unwrap();
        assert!(serving.engine.templates.is_some());
        serving.assert_fresh(root, "an article edit, through the kept templates");
        edit(root, "briefing.yaml", |t| {
            t.replace("language: en", "language: es")
        });
        serving.saved(&["briefing.yaml"]).unwrap();
        serving.assert_fresh(root, "another language");
        std::fs::create_dir_all(root.join("templates")).unwrap();
        let article = String::from_utf8(Theme::default_theme().files["article.html"].clone());
        std::fs::write(
            root.join("templates/article.html"),
            article
                .unwrap()
                .replace("{% block main %}", "{% block main %}<!-- edited -->"),
        )
        .unwrap();
        serving.saved(&["templates/article.html"]).unwrap();
        serving.assert_fresh(root, "a template edit");
        assert!(
            serving.pages[&page_of(&rel)]
                .windows(14)
                .any(|w| w == b"<!-- edited --")
        );
    }

    fn page(path: &str, text: &str) -> Rendered {
        Rendered {
            path: path.to_string(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn only_pages_whose_bytes_differ_count_as_changed() {
        let mut pages = HashMap::from([
            ("a.html".to_string(), Bytes::from("a")),
            ("b.html".to_string(), Bytes::from("b")),
            ("gone.html".to_string(), Bytes::from("x")),
        ]);
        let update = Update {
            paths: Some(vec!["a.html".into(), "b.html".into(), "new.html".into()]),
            rendered: vec![
                page("a.html", "a"),
                page("b.html", "B"),
                page("new.html", "n"),
            ],
            open: false,
        };
        let mut changed = apply(&mut pages, update);
        changed.sort();
        assert_eq!(changed, ["b.html", "gone.html", "new.html"]);
        let mut now: Vec<_> = pages.iter().map(|(k, v)| (k.as_str(), &v[..])).collect();
        now.sort();
        assert_eq!(
            now,
            [("a.html", &b"a"[..]), ("b.html", b"B"), ("new.html", b"n")]
        );
        let same = Update {
            paths: Some(vec!["a.html".into(), "b.html".into(), "new.html".into()]),
            rendered: vec![page("a.html", "a")],
            open: false,
        };
        assert!(apply(&mut pages, same).is_empty());
        // The first step of a rebuild removes nothing.
        let first = Update {
            paths: None,
            rendered: vec![page("b.html", "b")],
            open: true,
        };
        assert_eq!(apply(&mut pages, first), ["b.html"]);
        assert_eq!(pages.len(), 3);
    }

    #[test]
    fn pages_an_interrupted_rebuild_left_are_rendered_by_the_next() {
        let (dir, person, mut serving) = served();
        let root = dir.path();
        let (a, b) = (articles(root)[0].clone(), articles(root)[1].clone());
        let page = page_of(&a);
        edit(root, &a, |t| retitle(t, &person));
        // A save comes as soon as the open page is out: nothing else is rendered.
        let open = HashSet::from([page.clone()]);
        let steps = serving
            .rebuild_until(watch::plan(&[&a]), &open, &|| true)
            .unwrap();
        assert_eq!(steps[0], (false, vec![page]));
        assert!(steps[1].0 && steps[1].1.is_empty(), "{steps:?}");
        assert!(!serving.engine.unfinished.is_empty());
        // The next rebuild, for another article, renders what the first left.
        edit(root, &b, |t| set_title(t, "Another title"));
        serving.saved(&[&b]).unwrap();
        assert!(serving.engine.unfinished.is_empty());
        serving.assert_fresh(root, "an interrupted rebuild and the next");
    }

    #[test]
    fn open_pages_are_rendered_and_published_first() {
        let (dir, person, mut serving) = served();
        let root = dir.path();
        let rel = articles(root)[0].clone();
        let page = page_of(&rel);
        let open = HashSet::from([page.clone(), "404.html".to_string()]);
        edit(root, &rel, |t| retitle(t, &person));
        let steps = serving.rebuild(watch::plan(&[&rel]), &open).unwrap();
        // The article's page first (the 404 page does not show it), then the rest.
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert_eq!(steps[0], (false, vec![page.clone()]));
        assert!(steps[1].0 && !steps[1].1.contains(&page));
        serving.assert_fresh(root, "an edit with the article open");
    }

    #[test]
    fn open_pages_of_the_articles_and_people_reached_come_before_the_others() {
        let (dir, _, mut serving) = served();
        let root = dir.path();
        let loaded = load::briefing(root).unwrap();
        let person = &loaded.briefing.people[0];
        let rel = articles(root)[0].clone();
        let page = page_of(&rel);
        let person_page = format!("people/{}/index.html", person.id);
        let open = HashSet::from([page.clone(), person_page.clone(), "index.html".to_string()]);
        edit(root, &rel, |t| retitle(t, &person.name));
        let steps = serving.rebuild(watch::plan(&[&rel]), &open).unwrap();
        // The edited article's page and its person's, found by their ids before the
        // site's pages are listed; then the open home page, which is found among them;
        // then the rest.
        assert_eq!(steps.len(), 3, "{steps:?}");
        let mut early = steps[0].1.clone();
        early.sort();
        assert!(!steps[0].0, "{steps:?}");
        assert_eq!(early, [page.clone(), person_page.clone()]);
        assert_eq!(steps[1], (false, vec!["index.html".to_string()]));
        assert!(steps[2].0 && !steps[2].1.contains(&page) && !steps[2].1.contains(&person_page));
        serving.assert_fresh(root, "an edit with its article, person and home open");
    }
}

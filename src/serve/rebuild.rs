//! A *rebuild* brings the served site up to date with the files on disk. The [`Engine`]
//! keeps the last good build — content, analysis, theme — and redoes only what the
//! [`Plan`] asks: it re-reads the theme or the content only when they changed, and when
//! only articles changed it renders again only the pages that may show them, before or
//! after the edit ([`Affected`]). Which of those pages really changed is found by
//! comparing bytes with the pages being served ([`apply`]), so a save that changes
//! nothing reloads nothing.
//!
//! A failed rebuild changes nothing: the last good build stays, and its plan is kept
//! and merged with the next one, so the first good build after a run of errors redoes
//! all that was asked meanwhile.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use rayon::prelude::*;

use super::watch::{Plan, Reload};
use crate::analyse::{self, Analysis};
use crate::content::{Briefing, SourceRef};
use crate::error::Failure;
use crate::load::{self, Loaded};
use crate::render::{self, List, Page, Rendered, Theme};

/// The rebuilder: the last good build and what is still to redo.
pub(crate) struct Engine {
    root: PathBuf,
    /// The address the site is served at: pages link to it, not to the published site.
    base_url: String,
    good: Option<Good>,
    pending: Plan,
    /// Pages an interrupted rebuild did not render: the next one renders them.
    unfinished: HashSet<String>,
    /// Each article's own findings, so that an edit re-analyses the edited article
    /// alone before the stories are grouped again.
    analysis_cache: analyse::Cache,
}

struct Good {
    loaded: Loaded,
    analysis: Analysis,
    theme: Theme,
    /// The path of every page, to notice pages that are new.
    paths: HashSet<String>,
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

impl Engine {
    /// An engine with nothing built yet: its first rebuild builds everything.
    pub fn new(root: PathBuf, base_url: String) -> Engine {
        Engine {
            root,
            base_url,
            good: None,
            pending: Plan::everything(),
            unfinished: HashSet::new(),
            analysis_cache: analyse::Cache::default(),
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
        self.pending.merge(plan);
        let plan = match self.good {
            Some(_) => self.pending.clone(),
            None => Plan::everything(),
        };
        let mut timings = Timings::default();
        let started = Instant::now();
        let theme = match (&self.good, plan.theme) {
            (Some(_), false) => None,
            _ => Some(Theme::load(&self.root)?),
        };
        // Edited articles are read again into the last good content when they can
        // be, so that the other files are not read and parsed again; what only a
        // full load can sort out (a file added, removed or moved) loads everything.
        // What the edited articles showed on before the edit is noted first, while
        // the last good content and analysis are whole.
        let mut affected: Option<(BTreeSet<String>, Affected)> = None;
        let mut loaded: Option<Loaded> = None;
        let mut in_place = false;
        match (&mut self.good, &plan.content) {
            (Some(_), Reload::Keep) => {}
            (Some(good), Reload::Articles(paths)) => {
                let ids: BTreeSet<String> =
                    paths.iter().map(|p| load::stem(p).to_string()).collect();
                let mut before = Affected::default();
                before.add(&ids, &good.loaded.briefing, &good.analysis);
                affected = Some((ids, before));
                in_place = load::reload_articles(&self.root, &mut good.loaded, paths)?;
            }
            _ => {}
        }
        if !in_place && !matches!((&self.good, &plan.content), (Some(_), Reload::Keep)) {
            let new = crate::without_errors(load::briefing(&self.root)?)?;
            // Nothing was reloaded in place: the last good content is as it was, and
            // what changed is found by comparing it with the new.
            if let Some(old) = &self.good {
                let mut ids = changed_articles(&old.loaded, &new);
                ids.extend(affected.take().into_iter().flat_map(|(named, _)| named));
                let mut before = Affected::default();
                before.add(&ids, &old.loaded.briefing, &old.analysis);
                affected = Some((ids, before));
            }
            loaded = Some(new);
        }
        if plan.render_all {
            affected = None;
        }
        timings.load = started.elapsed();
        let analysis = (in_place || loaded.is_some()).then(|| {
            let previous = self.good.as_mut().map(|g| std::mem::take(&mut g.analysis));
            let briefing = match (&loaded, &self.good) {
                (Some(new), _) => &new.briefing,
                (None, Some(good)) => &good.loaded.briefing,
                (None, None) => unreachable!("content was loaded"),
            };
            analyse::run_cached(briefing, &mut self.analysis_cache, previous)
        });
        timings.analyse = started.elapsed() - timings.load;
        let rendered = self.render(
            theme.as_ref(),
            loaded.as_ref(),
            analysis.as_ref(),
            affected,
            open,
            interrupted,
            &mut timings,
            publish,
        );
        let paths = match rendered {
            Ok((paths, left)) => {
                timings.left = left.len();
                self.unfinished = left;
                paths
            }
            Err(failure) => {
                // The last good analysis was moved into the new one: the next rebuild
                // starts over (what is served stays as it is).
                if analysis.is_some() {
                    self.good = None;
                }
                return Err(failure);
            }
        };
        self.good = Some(match self.good.take() {
            Some(old) => Good {
                loaded: loaded.unwrap_or(old.loaded),
                analysis: analysis.unwrap_or(old.analysis),
                theme: theme.unwrap_or(old.theme),
                paths,
            },
            None => Good {
                loaded: loaded.expect("a first build loads everything"),
                analysis: analysis.expect("a first build analyses everything"),
                theme: theme.expect("a first build reads the theme"),
                paths,
            },
        });
        self.pending = Plan::default();
        Ok(timings)
    }

    /// Renders the pages `affected` names, before the edit (`ids` and what they
    /// reached) and after it, or every page when it is `None`: those in `open` first,
    /// then the others until `interrupted`. Returns the path of every page, and those
    /// of the pages it left unrendered.
    #[allow(clippy::too_many_arguments)]
    fn render(
        &self,
        theme: Option<&Theme>,
        loaded: Option<&Loaded>,
        analysis: Option<&Analysis>,
        affected: Option<(BTreeSet<String>, Affected)>,
        open: &HashSet<String>,
        interrupted: &(dyn Fn() -> bool + Sync),
        timings: &mut Timings,
        publish: &mut dyn FnMut(Update),
    ) -> Result<(HashSet<String>, HashSet<String>), Failure> {
        // What the plan did not reload comes from the last good build.
        let old = self.good.as_ref();
        let (theme, loaded, analysis) = match (theme, loaded, analysis, old) {
            (theme, loaded, analysis, Some(g)) => (
                theme.unwrap_or(&g.theme),
                loaded.unwrap_or(&g.loaded),
                analysis.unwrap_or(&g.analysis),
            ),
            (Some(theme), Some(loaded), Some(analysis), None) => (theme, loaded, analysis),
            _ => unreachable!("a first build loads everything"),
        };
        let options = crate::render_options(loaded, Some(&self.base_url));
        let started = Instant::now();
        let site = render::site(&loaded.briefing, analysis, theme, options)?;
        timings.prepare = started.elapsed();
        let affected = match (affected, old) {
            (Some((ids, mut affected)), Some(old)) => {
                affected.add(&ids, &loaded.briefing, analysis);
                Some((affected, &old.paths))
            }
            _ => None,
        };
        let wanted = |page: &Page, path: &String| match &affected {
            None => true,
            Some((affected, served)) => {
                !served.contains(path) || affected.wants(page, &loaded.briefing, analysis)
            }
        };
        let render = |pages: &[(Page, String)]| -> Result<Vec<Rendered>, Failure> {
            pages
                .par_iter()
                .map(|(page, path)| site.render_at(page, path.clone()))
                .collect()
        };
        // Every page but the search index's files (which need the index built), each
        // listed once, and split in one pass: the pages to render again that readers
        // have open, then the others.
        let main: Vec<(Page, String)> = site
            .main_pages()
            .iter()
            .map(|page| (page.clone(), site.path(page)))
            .collect();
        let (first, rest): (Vec<_>, Vec<_>) = main
            .iter()
            .filter(|(page, path)| wanted(page, path) || self.unfinished.contains(path))
            .cloned()
            .partition(|(_, path)| open.contains(path));
        let started = Instant::now();
        if !first.is_empty() {
            publish(Update {
                paths: None,
                rendered: render(&first)?,
                open: true,
            });
        }
        timings.open = started.elapsed();
        // Then the others, until a new save asks for a rebuild: the pages left are
        // rendered by the next one.
        let started = Instant::now();
        // Each page is rendered unless a save came meanwhile; those skipped are left.
        let made: Vec<Option<Rendered>> = rest
            .par_iter()
            .map(|(page, path)| match interrupted() {
                true => Ok(None),
                false => site.render_at(page, path.clone()).map(Some),
            })
            .collect::<Result<_, _>>()?;
        let mut rendered = Vec::with_capacity(made.len());
        let mut left = HashSet::new();
        for ((_, path), made) in rest.iter().zip(made) {
            match made {
                Some(page) => rendered.push(page),
                None => {
                    left.insert(path.clone());
                }
            }
        }
        // The data exports and the search index's files, made from every article, are
        // all rendered again by any rebuild, so an interrupted rebuild leaves none of
        // them.
        let mut paths: HashSet<String> = main.into_iter().map(|(_, path)| path).collect();
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
            rendered.extend(render(&search)?);
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
        Ok((paths, left))
    }

    /// The warnings of the last good build, as the terminal shows them.
    pub fn warnings(&self, colour: bool) -> Option<String> {
        let good = self.good.as_ref()?;
        let mut all = good.loaded.diagnostics.clone();
        all.extend(good.analysis.warnings.iter().cloned());
        crate::diagnostic::sort(&mut all);
        let summary = crate::diagnostic::summary(&all)?;
        let text = crate::diagnostic::render_text(&all, &good.loaded.sources, colour);
        Some(format!("{text}warning: {summary}\n"))
    }
}

/// What an edit of some articles may show on: the pages of these people, articles,
/// comparisons, stories and outlets, and the timeline. Collected from the content and
/// analysis both before and after the edit, so that what an article stops showing on is
/// re-rendered too.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Affected {
    pub articles: BTreeSet<String>,
    pub people: BTreeSet<String>,
    pub comparisons: BTreeSet<String>,
    pub stories: BTreeSet<String>,
    pub outlets: BTreeSet<String>,
    pub timeline: bool,
}

impl Affected {
    /// Adds what the articles `ids` reach in one state of the briefing.
    pub fn add(&mut self, ids: &BTreeSet<String>, b: &Briefing, a: &Analysis) {
        let cites = |s: &SourceRef| ids.contains(&s.article);
        let in_ids = |article: &String| ids.contains(article);
        self.articles.extend(ids.iter().cloned());
        for article in ids.iter().filter_map(|id| b.article(id)) {
            let outlets = article.outlet.iter().chain(&article.derived_from);
            self.outlets.extend(outlets.cloned());
        }
        // Person pages list the mentions and quotes found in the article…
        for id in ids {
            for m in a.mentions.of(id) {
                self.people.extend(m.person.iter().map(|p| p.to_string()));
                self.people.extend(m.candidates.iter().cloned());
            }
            for q in a.quotes.of(id) {
                self.people.extend(q.person.iter().map(|p| p.to_string()));
            }
        }
        // …and every curated citation of it shows its title.
        for p in &b.people {
            let roles = p.roles.iter().filter_map(|r| r.source.as_ref());
            let relations = p.relations.iter().filter_map(|r| r.source.as_ref());
            if roles.chain(relations).any(cites) {
                self.people.insert(p.id.clone());
            }
        }
        let mut conflicted = BTreeSet::new();
        for c in &a.conflicts {
            if c.claims.iter().any(|cl| in_ids(&cl.article)) {
                self.timeline = true;
                conflicted.extend(c.event.as_deref());
            }
        }
        // An event shows on the timeline and on the page of each of its people.
        for e in &b.events {
            if e.sources.iter().any(cites) || conflicted.contains(e.id.as_str()) {
                self.timeline = true;
                self.people.extend(e.people.iter().map(|(p, _)| p.clone()));
            }
        }
        for c in &b.comparisons {
            let listed = c.articles.iter().any(|(x, _)| in_ids(x));
            let claims = c.points.iter().flat_map(|p| &p.claims).any(cites);
            if listed || claims {
                self.comparisons.insert(c.id.clone());
            }
        }
        // A story's page shows all its articles, and each of them links to the others.
        for s in &a.stories {
            if s.articles.iter().any(in_ids) {
                self.stories.insert(s.id.clone());
                self.articles.extend(s.articles.iter().cloned());
            }
        }
    }

    /// Whether `page` of the site made from `b` and `a` may have changed.
    pub fn wants(&self, page: &Page, b: &Briefing, a: &Analysis) -> bool {
        match page {
            Page::Timeline | Page::TimelineAnchors => self.timeline,
            Page::Person(i) | Page::PersonFeed(i) => self.people.contains(&b.people[*i].id),
            Page::Comparison(i) => self.comparisons.contains(&b.comparisons[*i].id),
            Page::Story(i) | Page::Pair(i, _) => self.stories.contains(&a.stories[*i].id),
            Page::Article(i) => self.articles.contains(&b.articles[*i].id),
            Page::List(list, _) => match list {
                List::Outlet(id) | List::OutletCopies(id) => self.outlets.contains(id),
                List::PersonMentions(i)
                | List::PersonArticles(i)
                | List::PersonQuotes(i)
                | List::PersonEvents(i) => self.people.contains(&b.people[*i].id),
                List::StoryMembers(i) | List::StoryPairs(i) => {
                    self.stories.contains(&a.stories[*i].id)
                }
                List::Period(..) | List::Conflicts => self.timeline,
                // The indexes of every article, person, outlet and story.
                List::Articles
                | List::People
                | List::Outlets
                | List::Unattributed
                | List::Compare => true,
            },
            // The config, the theme: what a plan that renders every page changes.
            Page::NotFound | Page::Static(_) | Page::Robots => false,
            // The indexes, the data exports, the search index (its files are numbered,
            // so one article more renumbers them), and any kind of page added later:
            // they may list anything.
            _ => true,
        }
    }
}

/// The ids of the articles that were added, removed or edited from one load to the
/// next, by comparing their files' text.
pub(crate) fn changed_articles(before: &Loaded, after: &Loaded) -> BTreeSet<String> {
    let (before, after) = (article_texts(before), article_texts(after));
    let edited = before
        .iter()
        .filter(|(id, text)| after.get(*id) != Some(*text));
    let added = after.keys().filter(|id| !before.contains_key(*id));
    edited
        .map(|(id, _)| id)
        .chain(added)
        .map(|id| id.to_string())
        .collect()
}

fn article_texts(loaded: &Loaded) -> HashMap<&str, &str> {
    let b = &loaded.briefing;
    b.articles
        .iter()
        .map(|a| (a.id.as_str(), loaded.sources.get(a.file).text.as_ref()))
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
    use crate::serve::watch;
    use crate::testing::default_briefing;
    use std::path::Path;

    const URL: &str = "http://127.0.0.1:1111/";

    /// The site built from scratch, as the first build of `serve` makes it.
    fn full(root: &Path) -> HashMap<String, Bytes> {
        let mut pages = HashMap::new();
        Engine::new(root.to_path_buf(), URL.into())
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
        engine: Engine,
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
            let engine = Engine::new(root.to_path_buf(), URL.into());
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
}

//! The *engine* keeps a build as a value — the loaded content, its analysis and the
//! theme — and brings it up to date with the files on disk through the stages of the
//! pipeline, redoing only what a [`Plan`] asks: it re-reads the theme or the content
//! only when they changed, reloads edited articles in place when it can, and analyses
//! again only the articles that changed (the analysis keeps each article's findings in
//! its cache). `build` runs it once, from nothing, and writes what it made; `serve`
//! keeps it for the whole session and renders what each save reached.
//!
//! An update is made in two halves: [`Engine::prepare`] loads and analyses, and the
//! caller renders from [`Engine::state`]; then [`Engine::commit`] keeps the new state,
//! or [`Engine::abandon`] drops it. A failed update changes nothing but what it could
//! not keep: its plan is merged into the next, so the first good update after a run of
//! errors redoes all that was asked meanwhile.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::analyse::{self, Analysis};
use crate::error::Failure;
use crate::load::{self, Loaded};
use crate::render::Theme;
use crate::render::depends::Affected;

/// What an update redoes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Re-read `templates/`.
    pub theme: bool,
    pub content: Reload,
    /// Render every page, not only those that depend on the changed articles.
    pub render_all: bool,
}

/// Which content an update reloads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum Reload {
    #[default]
    Keep,
    /// Only the articles in these files (paths relative to the root) changed,
    /// appeared or went away.
    Articles(BTreeSet<String>),
    /// All of it. Unless the plan renders every page, only the articles whose text
    /// differs from the last load are taken as changed.
    Everything,
}

impl Plan {
    /// An update from scratch.
    pub fn everything() -> Plan {
        Plan {
            theme: true,
            content: Reload::Everything,
            render_all: true,
        }
    }

    pub fn articles(path: &str) -> Plan {
        Plan {
            content: Reload::Articles(BTreeSet::from([path.to_string()])),
            ..Plan::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
    }

    /// The plan that redoes both: plans pile up while the content has errors, so that
    /// the first good update after them redoes all that was asked meanwhile.
    pub fn merge(&mut self, other: Plan) {
        self.theme |= other.theme;
        self.render_all |= other.render_all;
        self.content = match (std::mem::take(&mut self.content), other.content) {
            (Reload::Everything, _) | (_, Reload::Everything) => Reload::Everything,
            (Reload::Articles(mut a), Reload::Articles(b)) => {
                a.extend(b);
                Reload::Articles(a)
            }
            (Reload::Articles(a), Reload::Keep) | (Reload::Keep, Reload::Articles(a)) => {
                Reload::Articles(a)
            }
            (Reload::Keep, Reload::Keep) => Reload::Keep,
        };
    }
}

/// A build as a value, kept up to date.
pub(crate) struct Engine {
    root: PathBuf,
    /// The address the site is published at, when not `briefing.yaml`'s: the dev
    /// server's own, or `--base-url`.
    base_url: Option<String>,
    /// Whether the drafts are kept (`serve`, `build --drafts`).
    drafts: bool,
    good: Option<Good>,
    pending: Plan,
    /// Each article's own findings, so that an edit re-analyses the edited article
    /// alone before the stories are grouped again.
    cache: analyse::Cache,
    /// A saved analysis to start the first update from ([`Engine::with_saved`]).
    saved: Option<std::fs::File>,
    /// Whether the cache is taken once built and saved, not kept for a next update
    /// ([`Engine::for_one_build`]).
    one_build: bool,
}

/// The last good build.
pub(crate) struct Good {
    pub loaded: Loaded,
    pub analysis: Analysis,
    pub theme: Theme,
    /// The path of every page made from it, to notice pages that are new or gone.
    pub paths: HashSet<String>,
}

/// An update being made: what it read and analysed anew (the rest is the last good
/// build's), and what the changed articles reach.
pub(crate) struct Step {
    theme: Option<Theme>,
    loaded: Option<Loaded>,
    analysis: Option<Analysis>,
    /// The changed articles and what they reached before the update; `None` when every
    /// page is to be rendered.
    pub affected: Option<(BTreeSet<String>, Affected)>,
    /// Reading the theme and the content, and analysing it.
    pub load: Duration,
    pub analyse: Duration,
}

/// The build an update makes, as its parts.
pub(crate) struct State<'a> {
    pub theme: &'a Theme,
    pub loaded: &'a Loaded,
    pub analysis: &'a Analysis,
}

impl Engine {
    /// An engine with nothing built yet: its first update builds everything.
    pub fn new(root: PathBuf, base_url: Option<String>, drafts: bool) -> Engine {
        Engine {
            root,
            base_url,
            drafts,
            good: None,
            pending: Plan::everything(),
            cache: analyse::Cache::default(),
            saved: None,
            one_build: false,
        }
    }

    /// The engine, for a build that takes its cache once to save it
    /// ([`Engine::take_cache`]) and makes no next update: the analysis frees, as soon as
    /// it has compared an article's sentences, what only a next update would read.
    pub fn for_one_build(mut self) -> Engine {
        self.one_build = true;
        self
    }

    /// The engine, to start from the analysis a build saved ([`Engine::save`]): its
    /// first update analyses again only the articles that changed since. A saved
    /// analysis another program wrote, or for other people, is ignored.
    pub fn with_saved(mut self, file: std::fs::File) -> Engine {
        self.saved = Some(file);
        self
    }

    /// The engine's cache, left empty in it: a build saves it (its
    /// [`analyse::Cache::save`] is what the next build's [`Engine::with_saved`] reads)
    /// and frees it then, instead of holding it until the pages are written. The next
    /// update of this engine analyses everything again.
    pub fn take_cache(&mut self) -> analyse::Cache {
        std::mem::take(&mut self.cache)
    }

    /// The last good build.
    pub fn good(&self) -> Option<&Good> {
        self.good.as_ref()
    }

    /// Loads and analyses what `plan` and every failed plan before it ask for. On
    /// failure (content errors, an unreadable theme) the last good build is kept.
    pub fn prepare(&mut self, plan: Plan) -> Result<Step, Failure> {
        self.prepare_timed(plan, &mut crate::Stages::start())
    }

    /// [`Engine::prepare`], noting the end of loading and of analysing on `clock`.
    pub fn prepare_timed(
        &mut self,
        plan: Plan,
        clock: &mut crate::Stages,
    ) -> Result<Step, Failure> {
        self.pending.merge(plan);
        let plan = match self.good {
            Some(_) => self.pending.clone(),
            None => Plan::everything(),
        };
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
                if in_place && !self.drafts {
                    good.loaded.briefing.drop_drafts();
                }
            }
            _ => {}
        }
        if !in_place && !matches!((&self.good, &plan.content), (Some(_), Reload::Keep)) {
            let mut new = crate::without_errors(load::briefing(&self.root)?)?;
            if !self.drafts {
                new.briefing.drop_drafts();
            }
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
        let load = started.elapsed();
        clock.lap("load");
        // A first update may start from a saved analysis, restored for the content
        // just loaded.
        let restored = match (&self.good, self.saved.take(), &loaded) {
            (None, Some(file), Some(new)) => {
                analyse::Cache::restore(&new.briefing, file).map(|(cache, analysis)| {
                    self.cache = cache;
                    analysis
                })
            }
            _ => None,
        };
        let analysis = (in_place || loaded.is_some()).then(|| {
            let previous = match self.good.as_mut() {
                Some(g) => Some(std::mem::take(&mut g.analysis)),
                None => restored,
            };
            let briefing = match (&loaded, &self.good) {
                (Some(new), _) => &new.briefing,
                (None, Some(good)) => &good.loaded.briefing,
                (None, None) => unreachable!("content was loaded"),
            };
            self.cache.set_saved_only(self.one_build);
            analyse::run_cached(briefing, &mut self.cache, previous)
        });
        clock.lap("analyse");
        Ok(Step {
            theme,
            loaded,
            analysis,
            affected,
            load,
            analyse: started.elapsed() - load,
        })
    }

    /// The build `step` makes: what it read and analysed anew, the rest as it was.
    pub fn state<'a>(&'a self, step: &'a Step) -> State<'a> {
        let good = self.good.as_ref();
        let theme = step.theme.as_ref().or(good.map(|g| &g.theme));
        let loaded = step.loaded.as_ref().or(good.map(|g| &g.loaded));
        let analysis = step.analysis.as_ref().or(good.map(|g| &g.analysis));
        match (theme, loaded, analysis) {
            (Some(theme), Some(loaded), Some(analysis)) => State {
                theme,
                loaded,
                analysis,
            },
            _ => unreachable!("a first update loads, analyses and reads the theme"),
        }
    }

    /// The render options of the build `state` is: the address it is published at.
    pub fn render_options(&self, state: &State) -> crate::render::Options {
        crate::render_options(state.loaded, self.base_url.as_deref())
    }

    /// Keeps the build `step` made, whose pages are `paths`.
    pub fn commit(&mut self, step: Step, paths: HashSet<String>) {
        self.good = Some(match self.good.take() {
            Some(old) => Good {
                loaded: step.loaded.unwrap_or(old.loaded),
                analysis: step.analysis.unwrap_or(old.analysis),
                theme: step.theme.unwrap_or(old.theme),
                paths,
            },
            None => Good {
                loaded: step.loaded.expect("a first update loads everything"),
                analysis: step.analysis.expect("a first update analyses everything"),
                theme: step.theme.expect("a first update reads the theme"),
                paths,
            },
        });
        self.pending = Plan::default();
    }

    /// Drops the build `step` made, which could not be rendered. Its plan stays
    /// pending. When it took the last good analysis over, there is no last good build
    /// any more: the next update starts over.
    pub fn abandon(&mut self, step: Step) {
        if step.analysis.is_some() {
            self.good = None;
        }
    }

    /// The last good build, to take what a one-shot build returns out of.
    pub fn good_mut(&mut self) -> Option<&mut Good> {
        self.good.as_mut()
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

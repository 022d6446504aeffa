//! `briefing` turns news articles and YAML curation into a static briefing site: a page
//! per person, a timeline, source comparisons, article and outlet pages, and data
//! exports. The build is a pipeline — load → analyse → render → write — and each stage
//! returns data; only [`write`] and the dev server touch the output folder.

pub mod analyse;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod edtf;
pub(crate) mod engine;
pub mod error;
pub(crate) mod hashed;
pub mod import;
pub(crate) mod lang;
pub mod load;
pub mod markdown;
pub mod new;
pub mod normalise;
pub mod pdf;
pub mod render;
pub mod serve;
pub mod source;
pub mod write;
pub mod yaml;

use std::path::{Path, PathBuf};

use analyse::Analysis;
use diagnostic::Diagnostic;
use error::Failure;
use load::Loaded;
use source::Sources;

/// Where to build from and to.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// Overrides `base_url` of briefing.yaml, for previews.
    pub base_url: Option<String>,
    /// What may be replaced at `output` (`--force`).
    pub replace: write::Replace,
    /// Reuse the pages of the site already in `output` that nothing they are made from
    /// has changed for (not with `--no-cache`).
    pub reuse: bool,
    /// Build the drafts too (`--drafts`), as `serve` shows them.
    pub drafts: bool,
}

/// A finished build: what was written and the warnings worth showing.
#[derive(Debug)]
pub struct Built {
    pub written: write::Written,
    /// Wall time of each stage, and the peak memory when it ended.
    pub stages: Vec<Lap>,
    pub sources: Sources,
    pub warnings: Vec<Diagnostic>,
    /// Why the analysis could not be saved for the next build, if it could not.
    pub unsaved: Option<Failure>,
}

/// The file of the analysis a build saves in its cache folder.
const ANALYSIS: &str = "analysis";
/// The file of the search index's terms a build saves in its cache folder.
const SEARCH_TERMS: &str = "search-terms";

/// Builds the briefing at `options.root` into `options.output`.
pub fn build(options: &BuildOptions) -> Result<Built, Failure> {
    build_with_progress(options, &|_, _| {})
}

/// [`build`], calling `progress(done, total)` as pages are written.
pub fn build_with_progress(
    options: &BuildOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Built, Failure> {
    let mut target = write::Target {
        root: &options.root,
        output: &options.output,
        replace: options.replace,
        salt: None,
        reuse: options.reuse,
    };
    let mut clock = Stages::start();
    let mut engine = engine::Engine::new(
        options.root.clone(),
        options.base_url.clone(),
        options.drafts,
    )
    .for_one_build();
    // What the last build into this output saved of its analysis: only the articles
    // that changed since are analysed again.
    let cache = write::cache_folder(&options.output);
    if options.reuse
        && let Ok(file) = std::fs::File::open(cache.join(ANALYSIS))
    {
        engine = engine.with_saved(file);
    }
    // A folder that may not be replaced is refused before the work is kept, not after
    // it; looking through the folder (every file of the last site) goes on beside
    // loading and analysing, which it does not touch.
    let (checked, step) = std::thread::scope(|s| {
        let check = s.spawn(|| write::check_target(target.root, target.output, target.replace));
        let step = engine.prepare_timed(engine::Plan::everything(), &mut clock);
        (check.join().expect("the output check does not panic"), step)
    });
    let checked = checked?;
    let step = step?;
    let kept = engine.take_cache();
    let state = engine.state(&step);
    let render_options = engine.render_options(&state);
    target.salt = Some(render::depends::salt(
        state.loaded,
        state.theme,
        &render_options,
    ));
    let (loaded, analysis) = (state.loaded, state.analysis);
    // The analysis is saved for the next build while the pages are made and written:
    // it is the analysis of these articles whether or not the site is written. A cache
    // that cannot be saved costs the next build time, not this build its result. What
    // the cache holds is freed once saved, not kept while the rest of the pages are
    // written.
    let (made, unsaved) = std::thread::scope(|s| {
        let saving = s.spawn(|| {
            let unsaved = write::save(&cache, ANALYSIS, |out| kept.save(analysis, out)).err();
            drop(kept);
            unsaved
        });
        let made = (|| {
            let site = render::site(&loaded.briefing, analysis, state.theme, render_options)?;
            if let Some(salt) = target.salt {
                let saved = options
                    .reuse
                    .then(|| std::fs::File::open(cache.join(SEARCH_TERMS)).ok());
                site.keep_search_terms(salt, saved.flatten());
            }
            clock.lap("prepare");
            let written = write::site_with_progress(&site, target, checked, progress)?;
            Ok::<_, Failure>((site, written))
        })();
        (made, saving.join().expect("saving does not panic"))
    });
    let (site, written) = made?;
    // The search index's terms are saved once its files are written, when it was
    // built: they are copied partly from the file the last build saved.
    let unsaved = unsaved.or_else(|| {
        site.has_search_terms().then(|| {
            let saved = write::save(&cache, SEARCH_TERMS, |out| {
                site.save_search_terms(out).unwrap_or(Ok(()))
            });
            saved.err()
        })?
    });
    clock.lap("render and write");
    let mut warnings = warnings(loaded, analysis);
    if options.base_url.is_some() {
        warnings.retain(|d| d.code != load::PLACEHOLDER_BASE_URL);
    }
    drop(site);
    engine.commit(step, std::collections::HashSet::new());
    let good = engine.good_mut().expect("a build that succeeded is kept");
    let sources = std::mem::take(&mut good.loaded.sources);
    // Freeing the content, the analysis and its cache, millions of small allocations,
    // takes a tenth of a second on a large briefing that nothing waits for: it goes on
    // beside the caller, and a process that ends first does not wait for it.
    std::thread::spawn(move || drop(engine));
    Ok(Built {
        written,
        warnings,
        sources,
        stages: clock.laps,
        unsaved,
    })
}

/// What the unit tests of several modules share.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::Path;

    /// Calls `f` with the site of the briefing in the folder `$var` names, for the
    /// ignored tests that measure a large briefing; does nothing when `var` is not set.
    pub(crate) fn measured_site(var: &str, f: impl FnOnce(&crate::render::Site)) {
        let Some(root) = std::env::var_os(var) else {
            return;
        };
        let loaded = crate::load::briefing(Path::new(&root)).unwrap();
        let analysis = crate::analyse::run(&loaded.briefing);
        let theme = crate::render::Theme::default_theme();
        let options = crate::render_options(&loaded, None);
        let site = crate::render::site(&loaded.briefing, &analysis, &theme, options).unwrap();
        f(&site)
    }

    /// A temporary copy of the default briefing of this repository.
    pub(crate) fn default_briefing() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("briefing.yaml"), dir.path().join("briefing.yaml")).unwrap();
        for entry in walkdir::WalkDir::new(repo.join("content")) {
            let entry = entry.unwrap();
            let target = dir.path().join(entry.path().strip_prefix(repo).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        dir
    }
}

/// Wall time of each stage of a build, in order.
#[derive(Debug, Clone)]
pub struct Stages {
    last: std::time::Instant,
    pub laps: Vec<Lap>,
}

/// One stage of [`Stages`].
#[derive(Debug, Clone)]
pub struct Lap {
    pub name: &'static str,
    pub wall: std::time::Duration,
    /// The process's peak resident memory so far, in bytes, where the system tells it
    /// (Linux): which stage raised the peak is what a memory budget needs to know.
    pub peak_rss: Option<u64>,
}

impl Stages {
    pub fn start() -> Self {
        Stages {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    pub fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push(Lap {
            name,
            wall: now - self.last,
            peak_rss: peak_rss(),
        });
        self.last = now;
    }
}

/// `VmHWM` of `/proc/self/status`: the high-water mark of resident memory.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Everything `check` reports: content errors and warnings, and the analysis warnings.
#[derive(Debug)]
pub struct Checked {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    pub counts: Counts,
}

#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub articles: usize,
    pub people: usize,
    pub events: usize,
    pub comparisons: usize,
    /// Of all those, how many are drafts.
    pub drafts: usize,
}

/// Checks the briefing at `root` without writing anything.
pub fn check(root: &Path) -> Result<Checked, Failure> {
    let loaded = load::briefing(root)?;
    let analysis = analyse::run(&loaded.briefing);
    let b = &loaded.briefing;
    let counts = Counts {
        articles: b.articles.len(),
        people: b.people.len(),
        events: b.events.len(),
        comparisons: b.comparisons.len(),
        drafts: b.drafts(),
    };
    let mut diagnostics = loaded.diagnostics.clone();
    diagnostics.extend(analysis.warnings);
    diagnostic::sort(&mut diagnostics);
    Ok(Checked {
        sources: loaded.sources,
        diagnostics,
        counts,
    })
}

/// Stops the pipeline when the content has errors: nothing is rendered or written.
pub fn without_errors(loaded: Loaded) -> Result<Loaded, Failure> {
    if loaded.has_errors() {
        return Err(Failure::Content {
            sources: Box::new(loaded.sources),
            diagnostics: loaded.diagnostics,
        });
    }
    Ok(loaded)
}

pub fn render_options(loaded: &Loaded, base_url: Option<&str>) -> render::Options {
    let base = base_url.unwrap_or(&loaded.briefing.config.base_url);
    render::Options {
        base_url: format!("{}/", base.trim_end_matches('/')),
    }
}

fn warnings(loaded: &Loaded, analysis: &Analysis) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .chain(&analysis.warnings)
        .cloned()
        .collect();
    diagnostic::sort(&mut out);
    out
}

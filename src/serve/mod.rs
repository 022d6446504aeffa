//! *Serving* is `briefing serve`: the site built in memory and served over HTTP while
//! the editor writes. A watcher turns saved files into a [`watch::Plan`], the
//! [`rebuild::Rebuilder`] redoes what the plan asks, and open pages reload through
//! server-sent events. A build with errors changes nothing that is served: the last good
//! site stays, with the errors shown over it as the terminal shows them, until a save
//! fixes them. Nothing is written to the output folder.

mod http;
mod overlay;
mod rebuild;
mod watch;

use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::diagnostic;
use crate::error::Failure;
use http::Shared;
use rebuild::Rebuilder;
use watch::Plan;

/// What `briefing serve` was asked.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The briefing folder: where briefing.yaml is.
    pub root: PathBuf,
    pub bind: IpAddr,
    /// The port asked for, which must be free (`0` picks any free port); without one,
    /// 1111 or the next free port.
    pub port: Option<u16>,
    /// Open the site in a browser once it is served.
    pub open: bool,
}

/// How long the files must be quiet before a rebuild when the watcher cannot see a save
/// finish ([`watch::Writing`]): editors save in steps (write a copy, rename it, remove
/// the backup) a few milliseconds apart, and each step is a change of its own. Every
/// millisecond here is one more before the page reloads.
const QUIET: Duration = Duration::from_millis(25);

/// The longest a rebuild waits for quiet, so that a file written without pause (a log
/// someone keeps in content/) cannot hold rebuilds back forever.
const AT_MOST: Duration = Duration::from_secs(1);

/// Builds the briefing, serves it until Ctrl-C, and rebuilds it on every save.
pub fn run(options: &ServeOptions) -> Result<(), Failure> {
    let root = options
        .root
        .canonicalize()
        .map_err(|e| Failure::io(&options.root, "open the briefing folder", e))?;
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Other(format!("could not start the server: {e}")))?
        .block_on(serve(options, root))
}

async fn serve(options: &ServeOptions, root: PathBuf) -> Result<(), Failure> {
    let listener = http::bind(options.bind, options.port).await?;
    let address = listener
        .local_addr()
        .map_err(|e| Failure::Other(format!("could not listen: {e}")))?;
    let url = format!("http://{address}/");
    // Pages link to where they are served, so the 404 page and feeds work locally.
    let mut engine = Rebuilder::new(root.clone(), url.clone());
    let shared = Arc::new(Shared::new());
    let started = Instant::now();
    let mut pages = 0;
    let publish = &mut |update: rebuild::Update| {
        pages = update.paths.as_ref().map_or(pages, Vec::len);
        shared.publish(|served| rebuild::apply(&mut served.pages, update));
    };
    let first = match engine.rebuild(Plan::everything(), &Default::default(), &|| false, publish) {
        Ok(_) => {
            if let Some(warnings) = engine.warnings(colour()) {
                eprint!("{warnings}");
            }
            format!(
                "{pages} pages built in {} ms",
                started.elapsed().as_millis()
            )
        }
        // Content and template errors are what serve is for: show them and wait.
        Err(failure @ (Failure::Content { .. } | Failure::Template { .. })) => {
            shared.show_errors(&report(&failure, "nothing to serve until they are fixed"));
            "nothing built yet".to_string()
        }
        Err(failure) => return Err(failure),
    };
    watch_files(&root, engine, shared.clone())?;
    eprintln!(
        "serving {} at {url} ({first}); press Ctrl-C to stop",
        root.display()
    );
    if options.open
        && let Err(e) = open::that_detached(&url)
    {
        eprintln!("could not open a browser: {e}");
    }
    http::serve(listener, shared)
        .await
        .map_err(|e| Failure::Other(format!("the server failed: {e}")))?;
    eprintln!("stopped");
    Ok(())
}

fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints a failed rebuild on the terminal, saying what is `served` meanwhile, and
/// returns the text for the browser panel.
fn report(failure: &Failure, served: &str) -> String {
    match failure {
        Failure::Content {
            sources,
            diagnostics,
        } => {
            let summary = diagnostic::summary(diagnostics).unwrap_or_default();
            eprint!(
                "{}",
                diagnostic::render_text(diagnostics, sources, colour())
            );
            eprintln!("error: {summary}; {served}");
            format!(
                "{}error: {summary}\n",
                diagnostic::render_text(diagnostics, sources, false)
            )
        }
        other => {
            eprintln!("error: {other}; {served}");
            format!("error: {other}\n")
        }
    }
}

/// Watches `briefing.yaml`, `content/` and `templates/`, and rebuilds on a thread of
/// its own on every batch of changes, for as long as the process runs.
fn watch_files(root: &Path, engine: Rebuilder, shared: Arc<Shared>) -> Result<(), Failure> {
    let (tx, rx) = channel();
    // Set when a save that asks for a rebuild comes, so that a rebuild still rendering
    // pages nobody has open stops and leaves them to the next one.
    let waiting = Arc::new(AtomicBool::new(false));
    let saved = waiting.clone();
    let base = root.to_path_buf();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // The changed files that ask for a rebuild, relative to the root. Reading a
        // file is an event too, and the rebuild reads every file.
        let batch = event.map(|e| {
            let paths: Vec<String> = match watch::is_change(&e.kind) {
                true => e.paths.iter().filter_map(|p| relative(&base, p)).collect(),
                false => Vec::new(),
            };
            let wanted: Vec<String> = paths
                .into_iter()
                .filter(|p| !watch::plan(&[p]).is_empty())
                .collect();
            (e.kind, wanted)
        });
        if batch.as_ref().is_ok_and(|(_, paths)| !paths.is_empty()) {
            saved.store(true, Ordering::Relaxed);
        }
        let _ = tx.send(batch);
    })
    .map_err(|e| Failure::Other(format!("could not watch the briefing: {e}")))?;
    let mut watching = Watch {
        root: root.to_path_buf(),
        watcher,
        watched: Vec::new(),
    };
    watching.folders()?;
    std::thread::spawn(move || rebuild_on_changes(watching, engine, &shared, rx, &waiting));
    Ok(())
}

struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    watched: Vec<PathBuf>,
}

impl Watch {
    /// Watches the root (for `briefing.yaml`, and folders that appear), and `content/`
    /// and `templates/` with all below them, each once it exists.
    fn folders(&mut self) -> Result<(), Failure> {
        let wanted = [
            (self.root.clone(), RecursiveMode::NonRecursive),
            (self.root.join("content"), RecursiveMode::Recursive),
            (self.root.join("templates"), RecursiveMode::Recursive),
        ];
        for (dir, mode) in wanted {
            if dir.is_dir() && !self.watched.contains(&dir) {
                self.watcher.watch(&dir, mode).map_err(|e| {
                    Failure::Other(format!("could not watch `{}`: {e}", dir.display()))
                })?;
                self.watched.push(dir);
            }
        }
        Ok(())
    }
}

fn rebuild_on_changes(
    mut watching: Watch,
    mut engine: Rebuilder,
    shared: &Shared,
    changes: Receiver<notify::Result<(notify::EventKind, Vec<String>)>>,
    waiting: &AtomicBool,
) {
    while let Ok(first) = changes.recv() {
        // Collect until every file of the save is complete, or else until the files
        // are quiet: one rebuild for a whole save, or for all the saves that came in
        // while the last rebuild ran.
        let deadline = Instant::now() + AT_MOST;
        let mut writing = watch::Writing::default();
        let mut paths = Vec::new();
        let mut take = |batch: notify::Result<(notify::EventKind, Vec<String>)>| match batch {
            Ok((kind, changed)) => {
                if !changed.is_empty() {
                    writing.see(&kind, &changed);
                }
                paths.extend(changed);
                writing.done()
            }
            Err(e) => {
                eprintln!("warning: watching the briefing: {e}");
                false
            }
        };
        let mut done = take(first);
        loop {
            // What came meanwhile joins this rebuild.
            while let Ok(batch) = changes.try_recv() {
                done = take(batch);
            }
            let Some(wait) = deadline.checked_duration_since(Instant::now()) else {
                break;
            };
            if done {
                break;
            }
            match changes.recv_timeout(wait.min(QUIET)) {
                Ok(batch) => done = take(batch),
                Err(_) => break,
            }
        }
        paths.sort();
        paths.dedup();
        let plan = watch::plan(&paths);
        if plan.is_empty() {
            continue;
        }
        if let Err(e) = watching.folders() {
            eprintln!("warning: {e}");
        }
        let started = Instant::now();
        // What the log line says: how soon the open pages were up to date, and how
        // many pages were rendered and changed in all.
        let (mut rendered, mut changed, mut open_at) = (0, 0, None);
        let mut publish = |update: rebuild::Update| {
            rendered += update.rendered.len();
            if update.open {
                open_at = Some(started.elapsed());
            }
            changed += shared.publish(|served| rebuild::apply(&mut served.pages, update));
        };
        waiting.store(false, Ordering::Relaxed);
        let interrupted = || waiting.load(Ordering::Relaxed);
        match engine.rebuild(plan, &shared.open_pages(), &interrupted, &mut publish) {
            Ok(timings) => {
                let open = match open_at {
                    Some(t) => format!("open pages in {} ms, ", t.as_millis()),
                    None => String::new(),
                };
                eprintln!(
                    "rebuilt after {}: {open}{rendered} pages re-rendered, {changed} changed, in {} ms ({timings})",
                    describe(&paths),
                    started.elapsed().as_millis()
                );
            }
            Err(failure) => {
                shared.show_errors(&report(&failure, "still serving the last good build"))
            }
        }
    }
}

/// A path as the plan reads it: relative to the root, `/`-separated.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    Some(parts.join("/"))
}

/// `content/articles/a.md`, or `content/articles/a.md and 2 more files`.
fn describe(paths: &[String]) -> String {
    match paths {
        [] => "no change".to_string(),
        [one] => one.clone(),
        [first, rest @ ..] => format!(
            "{first} and {} more file{}",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        ),
    }
}

//! The *command line*: parses arguments, calls the library, prints diagnostics and maps
//! the outcome to an exit code — 0 ok, 1 content errors, 2 operational failure.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::{self, Diagnostic};
use crate::error::Failure;
use crate::source::Sources;

/// Build analyst briefing sites from news articles and YAML curation.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds).
    Build {
        /// The briefing folder: where briefing.yaml is.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: site/ inside the briefing folder].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override base_url of briefing.yaml, e.g. for a preview host.
        #[arg(long)]
        base_url: Option<String>,
        /// Also print the report (/report/) to this PDF file, with a headless Chromium
        /// or Chrome from the PATH (or BRIEFING_CHROMIUM).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Print where the time went: each stage, and rendering and writing by kind
        /// of page.
        #[arg(long)]
        timings: bool,
        /// Replace the output folder even if it holds files briefing did not write
        /// (they are deleted). Without it, such a folder is left as it is.
        #[arg(long)]
        force: bool,
        /// Render every page again, even those the last build made from what has not
        /// changed since.
        #[arg(long)]
        no_cache: bool,
        /// Build the drafts too (`draft: true`), as `serve` shows them; without it
        /// they are left out.
        #[arg(long)]
        drafts: bool,
    },
    /// Check the content and report every problem, without writing anything.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Serve the site on a local address, rebuild it on every save and reload the browser.
    Serve {
        /// The briefing folder: where briefing.yaml is.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on, which must be free; 0 picks any free port [default:
        /// 1111, or the next free port when it is taken].
        #[arg(long)]
        port: Option<u16>,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
    },
    /// Create a new, small briefing in DIR that builds as it is.
    New {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Turn scraped articles (plain text or HTML, from files or fetched from their
    /// addresses) into content/articles/<id>.md, with page furniture stripped and what
    /// was found put in the front matter.
    Import {
        /// The scraped files, folders of them (every .html, .htm and .txt inside), or
        /// addresses (http:// or https://) of pages to fetch; mixed as you like.
        #[arg(required = true, value_name = "FILE|FOLDER|URL")]
        inputs: Vec<PathBuf>,
        /// The briefing folder to import into.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Outlet id (in content/outlets.yaml) of the articles.
        #[arg(long)]
        outlet: Option<String>,
        /// Publication date (RFC 3339 or YYYY-MM-DD), when the text does not say.
        #[arg(long)]
        published: Option<String>,
        /// Title, when the text has no headline (one file only).
        #[arg(long)]
        title: Option<String>,
        /// Language of the articles (en, es…), over what a page says; their date lines
        /// are read in it.
        #[arg(long)]
        language: Option<String>,
        /// Replace an article file that already exists.
        #[arg(long)]
        force: bool,
        /// Print each article instead of writing it.
        #[arg(long)]
        dry_run: bool,
        /// List every stripped line with its reason.
        #[arg(long, short)]
        verbose: bool,
        /// Seconds that fetching one page may take, redirects included.
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(failure) => {
            report_failure(&failure);
            ExitCode::from(failure.exit_code())
        }
    }
}

fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn print_diagnostics(diagnostics: &[Diagnostic], sources: &Sources) {
    let text = diagnostic::render_text(diagnostics, sources, colour());
    let _ = std::io::stderr().write_all(text.as_bytes());
}

fn report_failure(failure: &Failure) {
    match failure {
        Failure::Content {
            sources,
            diagnostics,
        } => {
            print_diagnostics(diagnostics, sources);
            let summary = diagnostic::summary(diagnostics).unwrap_or_default();
            eprintln!("error: {summary}; nothing was written");
        }
        other => eprintln!("error: {other}"),
    }
}

/// A progress bar for builds that take more than a second, on a terminal only: a
/// short build, or output to a file or a pipe, stays silent.
struct Progress {
    started: Instant,
    bar: indicatif::ProgressBar,
    terminal: bool,
}

impl Progress {
    fn new(started: Instant) -> Self {
        Progress {
            started,
            bar: indicatif::ProgressBar::hidden(),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn update(&self, done: usize, total: usize) {
        if !self.terminal || self.started.elapsed().as_secs_f64() < 1.0 {
            return;
        }
        if self.bar.is_hidden() {
            self.bar.set_length(total as u64);
            self.bar.set_style(
                indicatif::ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} pages")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            self.bar.set_message("writing");
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        // The total is exact once the search index is built, near the end.
        self.bar.set_length(total as u64);
        self.bar.set_position(done as u64);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The `--timings` table: stages in wall time, then page kinds in CPU time.
fn timing_table(built: &crate::Built) -> String {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let mut out = String::from("stage               wall ms  peak MB\n");
    for lap in &built.stages {
        let peak = lap
            .peak_rss
            .map_or_else(|| "-".to_string(), |b| format!("{:.0}", b as f64 / 1e6));
        out.push_str(&format!(
            "{:<18} {:>8.0} {peak:>8}\n",
            lap.name,
            ms(lap.wall)
        ));
    }
    out.push_str("page kind           pages  reused        MB  render cpu ms  write cpu ms\n");
    for (kind, t) in &built.written.by_kind {
        out.push_str(&format!(
            "{kind:<18} {:>7} {:>7} {:>9.1} {:>14.0} {:>13.0}\n",
            t.pages,
            t.reused,
            t.bytes as f64 / 1e6,
            ms(t.render),
            ms(t.write)
        ));
    }
    out
}

/// Readies the process for a one-shot command (`build`, `check`, `import`): transparent
/// huge pages off. mimalloc asks the kernel for them, which then maps and zeroes memory
/// 2 MB at a time: a build peaks higher with them and spends more system time, and an
/// import of one page spends most of its time zeroing them. The dev server keeps them:
/// it walks the analysis it holds on every save, and huge pages make that walk, and so
/// the reload, faster (docs/performance.md has both measurements). The setting is a
/// hint; where the kernel refuses it nothing changes.
fn one_shot() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    if matches!(
        cli.command,
        Command::Build { .. } | Command::Check { .. } | Command::Import { .. }
    ) {
        one_shot();
    }
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            pdf,
            timings,
            force,
            no_cache,
            drafts,
        } => {
            let started = Instant::now();
            let output = output.unwrap_or_else(|| root.join("site"));
            if let Some(pdf) = &pdf {
                // Before the build, so a refusal costs no wait.
                crate::pdf::check_target(pdf)?;
            }
            let bar = Progress::new(started);
            let built = crate::build_with_progress(
                &crate::BuildOptions {
                    root,
                    output: output.clone(),
                    base_url,
                    replace: if force {
                        crate::write::Replace::Force
                    } else {
                        crate::write::Replace::OwnOnly
                    },
                    reuse: !no_cache,
                    drafts,
                },
                &|done, total| bar.update(done, total),
            );
            bar.finish();
            let built = built?;
            print_diagnostics(&built.warnings, &built.sources);
            if let Some(unsaved) = &built.unsaved {
                eprintln!("warning: the next build will analyse every article again: {unsaved}");
            }
            if timings {
                eprint!("{}", timing_table(&built));
            }
            let reused = match built.written.reused() {
                0 => String::new(),
                n => format!(", {n} of them unchanged"),
            };
            eprintln!(
                "built {} files ({:.1} MB{reused}) into {} in {:.2} s",
                built.written.pages(),
                built.written.bytes() as f64 / 1e6,
                output.display(),
                started.elapsed().as_secs_f64()
            );
            if let Some(pdf) = pdf {
                crate::pdf::print(&output.join("report/index.html"), &pdf)?;
                crate::write::adopt(&output, &pdf)?;
                eprintln!("printed the report to {}", pdf.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { root, format } => {
            let checked = crate::check(&root)?;
            let errors = checked.diagnostics.iter().any(Diagnostic::is_error);
            match format {
                Format::Json => {
                    print!(
                        "{}",
                        diagnostic::render_json(&checked.diagnostics, &checked.sources)
                    );
                }
                Format::Text => {
                    print_diagnostics(&checked.diagnostics, &checked.sources);
                    let c = checked.counts;
                    let drafts = match c.drafts {
                        0 => String::new(),
                        1 => " (1 draft)".to_string(),
                        n => format!(" ({n} drafts)"),
                    };
                    match diagnostic::summary(&checked.diagnostics) {
                        Some(summary) if errors => eprintln!("error: {summary}"),
                        Some(summary) => eprintln!("warning: {summary}{drafts}"),
                        None => eprintln!(
                            "ok: {} articles, {} people, {} events and {} comparisons checked{drafts}; no problems found",
                            c.articles, c.people, c.events, c.comparisons
                        ),
                    }
                }
            }
            Ok(if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
        } => {
            crate::serve::run(&crate::serve::ServeOptions {
                root,
                bind,
                port,
                open,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New { dir } => {
            let files = crate::new::scaffold(&dir)?;
            eprintln!(
                "created a briefing with {} files in {}; build it with `briefing build --root {}`",
                files.len(),
                dir.display(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            inputs,
            root,
            outlet,
            published,
            title,
            language,
            force,
            dry_run,
            verbose,
            timeout,
        } => {
            let options = crate::import::Options {
                timeout: Some(std::time::Duration::from_secs(timeout)),
                outlet,
                published,
                title,
                language,
                force,
                dry_run,
                outlets: Vec::new(),
            };
            for report in crate::import::run(&root, &inputs, &options)? {
                if dry_run {
                    print!("{}", report.imported.markdown);
                }
                eprintln!("{report}");
                if let Some(proposal) = report.proposal() {
                    eprint!("{proposal}");
                }
                if verbose {
                    eprint!("{}", report.details());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

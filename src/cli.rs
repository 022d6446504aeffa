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
    },
    /// Check the content and report every problem, without writing anything.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Create a new, small briefing in DIR that builds as it is.
    New {
        /// The folder to create.
        dir: PathBuf,
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

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
        } => {
            let started = Instant::now();
            let output = output.unwrap_or_else(|| root.join("site"));
            let built = crate::build(&crate::BuildOptions {
                root,
                output: output.clone(),
                base_url,
            })?;
            print_diagnostics(&built.warnings, &built.sources);
            eprintln!(
                "built {} files ({:.1} MB) into {} in {:.2} s",
                built.written.pages,
                built.written.bytes as f64 / 1e6,
                output.display(),
                started.elapsed().as_secs_f64()
            );
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
                    match diagnostic::summary(&checked.diagnostics) {
                        Some(summary) if errors => eprintln!("error: {summary}"),
                        Some(summary) => eprintln!("warning: {summary}"),
                        None => eprintln!(
                            "ok: {} articles, {} people, {} events and {} comparisons checked; no problems found",
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
        Command::New { dir } => Err(Failure::Other(format!(
            "`new` is not available yet (asked for {})",
            dir.display()
        ))),
    }
}

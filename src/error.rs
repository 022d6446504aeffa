//! A *failure* is why a command could not finish: content errors (exit 1), or an
//! operational problem such as an unreadable folder or a broken template (exit 2).
//! Operational failures carry the path or template they concern.

use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::source::Sources;

#[derive(Debug)]
pub enum Failure {
    /// The content has errors; nothing was written.
    Content {
        sources: Box<Sources>,
        diagnostics: Vec<Diagnostic>,
    },
    /// Reading or writing a file or folder failed.
    Io {
        path: PathBuf,
        doing: &'static str,
        error: std::io::Error,
    },
    /// The folder is not a briefing.
    NotABriefing { path: PathBuf },
    /// A template could not be parsed or rendered.
    Template { name: String, message: String },
    /// Anything else a user asked for that cannot be done, with the reason.
    Other(String),
}

impl Failure {
    pub fn io(path: impl Into<PathBuf>, doing: &'static str, error: std::io::Error) -> Self {
        Failure::Io {
            path: path.into(),
            doing,
            error,
        }
    }

    /// The process exit code: 1 for content errors, 2 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Content { .. } => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Content { diagnostics, .. } => {
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                write!(
                    f,
                    "the content has {errors} error{}",
                    if errors == 1 { "" } else { "s" }
                )
            }
            Failure::Io { path, doing, error } => {
                write!(f, "could not {doing} `{}`: {error}", path.display())
            }
            Failure::NotABriefing { path } => write!(
                f,
                "`{}` is not a briefing: it has no briefing.yaml (run `briefing new DIR` to start one)",
                path.display()
            ),
            Failure::Template { name, message } => {
                write!(f, "template `{name}` failed: {message}")
            }
            Failure::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Failure {}

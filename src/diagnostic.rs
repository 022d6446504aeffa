//! A *diagnostic* is a problem found in the content: an error that stops the build or a
//! warning that `check` reports. Diagnostics are data: every stage collects them instead
//! of stopping at the first, and they are rendered once, at the end, either as text in
//! the style of rustc (path, line, column, the source line, a caret underline and a hint)
//! or as JSON.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Chars, Config};
use serde::Serialize;

use crate::source::{FileId, SourceFile, Sources, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the content.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, short name of the kind of problem (`unknown-key`, `quote-not-found`…).
    pub code: &'static str,
    pub message: String,
    /// Where the problem is; `None` only for a problem with no file (a missing file).
    pub span: Option<Span>,
    /// What the underlined text is.
    pub label: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span: None,
            label: String::new(),
            hint: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.span = Some(span);
        self.label = label.into();
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Diagnostics in a stable order: by file, then position, then message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| d.span.map(|s| (s.file, s.start, s.end));
        key(a)
            .cmp(&key(b))
            .then_with(|| a.severity.cmp(&b.severity))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// Renders diagnostics as text, the way a terminal shows them.
pub fn render_text(diagnostics: &[Diagnostic], sources: &Sources, colour: bool) -> String {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        let report = to_report(diagnostic);
        if colour {
            let mut buffer = term::termcolor::Buffer::ansi();
            // Rendering into memory cannot fail for spans the loader made.
            let _ = term::emit_to_write_style(&mut buffer, &config, sources, &report);
            out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
        } else {
            let _ = term::emit_to_string(&mut out, &config, sources, &report);
        }
    }
    out
}

fn to_report(d: &Diagnostic) -> Report<FileId> {
    let report = match d.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    }
    .with_code(d.code)
    .with_message(&d.message);
    let report = match d.span {
        Some(span) => report.with_labels(vec![
            Label::primary(span.file, span.start..span.end).with_message(&d.label),
        ]),
        None => report,
    };
    match &d.hint {
        Some(hint) => report.with_notes(vec![format!("hint: {hint}")]),
        None => report,
    }
}

/// The JSON form of a diagnostic, as `check --format json` prints it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub severity: Severity,
    pub code: &'a str,
    pub message: &'a str,
    pub path: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub source_line: Option<&'a str>,
    pub label: &'a str,
    pub hint: Option<&'a str>,
}

pub fn to_json<'a>(d: &'a Diagnostic, sources: &'a Sources) -> JsonDiagnostic<'a> {
    let located = d.span.map(|span| {
        let file = sources.get(span.file);
        let (line, column) = file.line_col(span.start);
        let (end_line, end_column) = file.line_col(span.end);
        (file, line, column, end_line, end_column)
    });
    JsonDiagnostic {
        severity: d.severity,
        code: d.code,
        message: &d.message,
        path: located.map(|l| l.0.path.as_str()),
        line: located.map(|l| l.1),
        column: located.map(|l| l.2),
        end_line: located.map(|l| l.3),
        end_column: located.map(|l| l.4),
        source_line: located.map(|l| l.0.line(l.1)),
        label: &d.label,
        hint: d.hint.as_deref(),
    }
}

pub fn render_json(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let list: Vec<_> = diagnostics.iter().map(|d| to_json(d, sources)).collect();
    let mut out = serde_json::to_string_pretty(&list).expect("diagnostics serialise");
    out.push('\n');
    out
}

/// One line summing up: `error: 3 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic]) -> Option<String> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => None,
        (0, w) => Some(format!("{} found", plural(w, "warning"))),
        (e, 0) => Some(format!("{} found", plural(e, "error"))),
        (e, w) => Some(format!(
            "{} and {} found",
            plural(e, "error"),
            plural(w, "warning")
        )),
    }
}

impl<'a> Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.get(id).path)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.get(id).text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.get(id).line_col(byte_index).0 - 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file: &SourceFile = self.get(id);
        let start = file.offset(line_index + 1, 1);
        let end = start + file.line(line_index + 1).len();
        Ok(start..end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn one_file(text: &str) -> Sources {
        let mut sources = Sources::default();
        sources.add(SourceFile::new("content/people/x.yaml", text));
        sources
    }

    #[test]
    fn text_names_path_line_column_source_line_and_hint() {
        let sources = one_file("name: X\nnmae: Y\n");
        let d = Diagnostic::error("unknown-key", "unknown key `nmae`")
            .at(Span::new(0, 8, 12), "not a field of a person")
            .hint("did you mean `name`?");
        let text = render_text(&[d], &sources, false);
        assert_eq!(
            text,
            "error[unknown-key]: unknown key `nmae`\n  \
             --> content/people/x.yaml:2:1\n  \
             |\n\
             2 | nmae: Y\n  \
             | ^^^^ not a field of a person\n  \
             |\n  \
             = hint: did you mean `name`?\n\n"
        );
    }

    #[test]
    fn json_has_the_same_location() {
        let sources = one_file("a: 1\nb: 2\n");
        let d = Diagnostic::warning("w", "m").at(Span::new(0, 5, 6), "here");
        let json = render_json(&[d], &sources);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[0]["line"], 2);
        assert_eq!(v[0]["column"], 1);
        assert_eq!(v[0]["source_line"], "b: 2");
        assert_eq!(v[0]["severity"], "warning");
    }

    #[test]
    fn summary_counts_both_kinds() {
        let e = Diagnostic::error("e", "e");
        let w = Diagnostic::warning("w", "w");
        assert_eq!(summary(&[]), None);
        assert_eq!(summary(std::slice::from_ref(&e)).unwrap(), "1 error found");
        assert_eq!(
            summary(&[e.clone(), e, w]).unwrap(),
            "2 errors and 1 warning found"
        );
    }
}

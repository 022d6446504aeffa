//! A *source* is one content file as it was read: its path relative to the briefing
//! root and its text. The source map turns byte offsets into line and column, so every
//! later stage can point at the exact place a problem or a finding comes from.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// A byte range inside one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span { file, start, end }
    }
}

/// A piece of text that is either a range of a shared string (a file's text, which
/// diagnostics keep anyway) or its own: an article's body, and each of its paragraphs
/// whose plain text is exactly as written, are ranges of the file instead of copies.
#[derive(Clone)]
pub enum Text {
    Own(Box<str>),
    Shared {
        text: Arc<str>,
        start: u32,
        end: u32,
    },
}

impl Text {
    /// Bytes `range` of `text`, shared; copied when the range does not fit the 32-bit
    /// offsets kept (past 4 GiB), rather than cut short.
    pub fn shared(text: Arc<str>, range: std::ops::Range<usize>) -> Self {
        match (u32::try_from(range.start), u32::try_from(range.end)) {
            (Ok(start), Ok(end)) => Text::Shared { text, start, end },
            _ => Text::Own(text[range].into()),
        }
    }

    pub fn as_str(&self) -> &str {
        self
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Own(text) => text,
            Text::Shared { text, start, end } => &text[*start as usize..*end as usize],
        }
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.as_str().to_string()
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Own(text.into())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// One file as read from disk.
#[derive(Clone)]
pub struct SourceFile {
    /// Path relative to the briefing root, with `/` separators: what users see.
    pub path: String,
    /// Shared with what is parsed from it (an article's body), so a file's text is held
    /// once.
    pub text: Arc<str>,
    /// Where each line starts, found when a diagnostic first asks for a line: only
    /// a file with a problem to report needs them, and finding them in every file was
    /// a fiftieth of a rebuild's work.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// The path and the text: the line starts are the text's, found or not yet.
impl std::fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceFile")
            .field("path", &self.path)
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// The byte offset where each line starts.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let text = &self.text;
            // Counted first: a list grown by doubling would be a quarter empty on
            // average.
            let mut starts = Vec::with_capacity(text.matches('\n').count() + 1);
            starts.push(0);
            starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts();
        let line = match line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = line_starts[line];
        let col = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count();
        (line + 1, col + 1)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line(&self, line: usize) -> &str {
        let line_starts = self.line_starts();
        let start = line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of a 1-based line and 1-based character column.
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.line_starts().get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        self.text[start..]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }
}

/// Largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Every file the loader read, addressable by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// Puts `file` in the place of file `id` and returns what was there.
    pub fn replace(&mut self, id: FileId, file: SourceFile) -> SourceFile {
        std::mem::replace(&mut self.files[id], file)
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate()
    }

    /// The id of the file at `path` (relative, as [`SourceFile::path`]).
    pub fn find(&self, path: &str) -> Option<FileId> {
        self.files.iter().position(|f| f.path == path)
    }
}

/// The path of `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let f = SourceFile::new("a.yaml", "ab\nçd: x\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // "ç" is two bytes but one column.
        assert_eq!(f.line_col(5), (2, 2));
        assert_eq!(f.line(2), "çd: x");
        assert_eq!(f.offset(2, 2), 5);
    }

    #[test]
    fn a_files_lines_are_found_only_when_a_diagnostic_asks() {
        let f = SourceFile::new("a.md", "---\ntitle: x\n---\nText.\n");
        assert!(f.line_starts.get().is_none());
        let copy = format!("{f:?}");
        assert_eq!(f.line_col(13), (3, 1));
        assert_eq!(f.line_starts.get().map(Vec::len), Some(5));
        // Found or not, they are no part of what the file is.
        assert_eq!(format!("{f:?}"), copy);
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        let f = SourceFile::new("a", "x");
        assert_eq!(f.line_col(10), (1, 2));
        assert_eq!(f.line(5), "");
    }
}

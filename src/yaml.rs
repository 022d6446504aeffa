//! The *YAML reader*: the only module that knows which YAML crates the project uses.
//! serde_yaml (named by the project, archived upstream) turns text into typed values;
//! saphyr-parser's event stream gives every key and value its position, so that an
//! error found later (an unknown person, a quote that is not in its article) can point
//! at the exact line and column. Swapping serde_yaml means changing this file only.

use std::collections::HashMap;
use std::fmt;

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path into a YAML document, such as `points[0].claims[1].quote`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Self {
        Path(Vec::new())
    }

    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_string()));
        Path(segs)
    }

    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        Path(segs)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Where each key and value of a document is, as byte spans in the source file.
#[derive(Debug, Clone)]
pub struct Spans {
    file: FileId,
    values: HashMap<Path, Span>,
    keys: HashMap<Path, Span>,
    /// Span of the whole document, for problems that concern it as a whole.
    whole: Span,
}

impl Spans {
    /// The span of the value at `path`, or of its closest ancestor that has one.
    pub fn value(&self, path: &Path) -> Span {
        let mut path = path.clone();
        loop {
            if let Some(span) = self.values.get(&path) {
                return *span;
            }
            if path.0.pop().is_none() {
                return self.whole;
            }
        }
    }

    /// The span of the key that introduces `path`, else of its value.
    pub fn key(&self, path: &Path) -> Span {
        self.keys
            .get(path)
            .copied()
            .unwrap_or_else(|| self.value(path))
    }

    pub fn file(&self) -> FileId {
        self.file
    }

    /// Whether the document has a value at `path`.
    pub fn has(&self, path: &Path) -> bool {
        self.values.contains_key(path)
    }
}

/// A YAML document read into `T`, with the positions of its parts.
#[derive(Debug)]
pub struct Document<T> {
    pub value: T,
    pub spans: Spans,
}

/// A YAML document read into a generic tree, not yet typed: for files holding a list,
/// so that each item is typed on its own and one bad item does not hide the others.
#[derive(Debug)]
pub struct Untyped {
    pub value: Value,
    pub spans: Spans,
}

/// A YAML value not yet typed. Opaque, so that no other module depends on serde_yaml.
#[derive(Debug, Clone)]
pub struct Value(serde_yaml::Value);

/// The top-level shape of an untyped value.
pub enum Shape {
    /// A mapping, with its keys as written (a non-string key shows as YAML would
    /// print it).
    Mapping(Vec<(String, Value)>),
    Sequence(Vec<Value>),
    Null,
    Other,
}

impl Value {
    pub fn shape(self) -> Shape {
        match self.0 {
            serde_yaml::Value::Mapping(m) => Shape::Mapping(
                m.into_iter()
                    .map(|(k, v)| {
                        let key = match k {
                            serde_yaml::Value::String(s) => s,
                            other => serde_yaml::to_string(&other)
                                .unwrap_or_default()
                                .trim()
                                .to_string(),
                        };
                        (key, Value(v))
                    })
                    .collect(),
            ),
            serde_yaml::Value::Sequence(items) => {
                Shape::Sequence(items.into_iter().map(Value).collect())
            }
            serde_yaml::Value::Null => Shape::Null,
            _ => Shape::Other,
        }
    }
}

/// Reads YAML `text`, which sits at byte `base` of file `file` (front matter starts
/// after the opening fence), into a tree with positions.
pub fn untyped(file: FileId, text: &str, base: usize) -> Result<Untyped, Diagnostic> {
    let value = match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(v) => Value(v),
        Err(e) => return Err(unreadable(file, text, base, &e)),
    };
    let spans = spans(file, text, base)?;
    Ok(Untyped { value, spans })
}

/// What is wrong with a text serde_yaml could not read.
fn unreadable(file: FileId, text: &str, base: usize, e: &serde_yaml::Error) -> Diagnostic {
    // serde_yaml places some problems at the start of the document; the event walk
    // finds a repeated key or a second document exactly.
    let message = e.to_string();
    let placed_badly =
        message.contains("duplicate entry") || message.contains("more than one document");
    if placed_badly && let Err(exact) = spans(file, text, base) {
        return exact;
    }
    syntax_error(file, text, base, e)
}

/// Types the value at `path` of an untyped document, reporting a problem at the exact
/// key or value it concerns.
pub fn typed<T: DeserializeOwned>(
    value: Value,
    spans: &Spans,
    path: &Path,
    what: &str,
) -> Result<T, Diagnostic> {
    deserialize(value, path).map_err(|e| e.at(spans, what))
}

/// Reads a whole YAML document into `T`.
pub fn document<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    base: usize,
    what: &str,
) -> Result<Document<T>, Diagnostic> {
    let Untyped { value, spans } = untyped(file, text, base)?;
    let value = typed(value, &spans, &Path::root(), what)?;
    Ok(Document { value, spans })
}

/// Reads a whole YAML document into `T` without the positions of its parts, for a
/// document whose positions are wanted only to report a problem: they are read (by the
/// second parser, as [`document`] reads them) only when there is one. An article's
/// front matter is read so on every build, and reading the positions of ten thousand
/// of them cost as much again as reading their values.
///
/// An error is the one [`document`] reports: where the positions cannot be read, that
/// error. A document only the second parser refuses is not one [`document`] takes, but
/// one this does while nothing in it is wrong.
pub fn value<T: DeserializeOwned>(
    file: FileId,
    text: &str,
    base: usize,
    what: &str,
) -> Result<T, Diagnostic> {
    let value = match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(v) => Value(v),
        Err(e) => return Err(unreadable(file, text, base, &e)),
    };
    deserialize(value, &Path::root()).map_err(|e| match spans(file, text, base) {
        Ok(spans) => e.at(&spans, what),
        Err(exact) => exact,
    })
}

/// A typing error not placed yet: the path of the part it concerns and serde's message.
struct Unplaced {
    at: Path,
    message: String,
}

impl Unplaced {
    fn at(self, spans: &Spans, what: &str) -> Diagnostic {
        type_error(spans, &self.at, &self.message, what)
    }
}

/// Types the value at `path`; a problem is placed by the caller, who may not have read
/// the positions yet.
fn deserialize<T: DeserializeOwned>(value: Value, path: &Path) -> Result<T, Unplaced> {
    let value = value.0;
    // An empty document is null; treat it as an empty mapping so that the error names
    // the first missing field rather than "invalid type: null".
    let value = if value.is_null() && path.0.is_empty() {
        serde_yaml::Value::Mapping(Default::default())
    } else {
        value
    };
    serde_path_to_error::deserialize(value).map_err(|e| Unplaced {
        at: path_of(path, e.path()),
        message: e.into_inner().to_string(),
    })
}

/// The path of a serde error in the value at `base`.
fn path_of(base: &Path, path: &serde_path_to_error::Path) -> Path {
    let mut at = base.clone();
    for seg in path.iter() {
        match seg {
            serde_path_to_error::Segment::Seq { index } => at = at.index(*index),
            serde_path_to_error::Segment::Map { key } => at = at.key(key),
            serde_path_to_error::Segment::Enum { variant } => at = at.key(variant),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    at
}

/// Turns a serde error into a diagnostic at the right place, with a hint.
fn type_error(spans: &Spans, at: &Path, message: &str, what: &str) -> Diagnostic {
    let message = strip_location(message);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        let expected = rest
            .split_once("expected ")
            .map(|(_, e)| e.to_string())
            .unwrap_or_default();
        let key_path = at.key(key);
        let span = if spans.keys.contains_key(&key_path) {
            spans.key(&key_path)
        } else {
            spans.key(at)
        };
        let hint = match closest_word(key, &expected) {
            Some(near) => format!("did you mean `{near}`? {what} takes {expected}"),
            None => format!("{what} takes {expected}"),
        };
        return Diagnostic::error("unknown-key", format!("unknown key `{key}` in {what}"))
            .at(span, "not a known key")
            .hint(hint);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return Diagnostic::error("missing-key", format!("missing key `{key}` in {what}"))
            .at(spans.key(at), format!("this needs a `{key}`"))
            .hint(format!("add `{key}: …`"));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or_default();
        let expected = rest
            .split_once("expected ")
            .map(|(_, e)| e.to_string())
            .unwrap_or_default();
        let hint = match closest_word(value, &expected) {
            Some(near) => format!("did you mean `{near}`? expected {expected}"),
            None => format!("expected {expected}"),
        };
        return Diagnostic::error(
            "unknown-value",
            format!("`{value}` is not allowed at `{at}`"),
        )
        .at(spans.value(at), "not one of the allowed values")
        .hint(hint);
    }
    let place = if at.0.is_empty() {
        what.to_string()
    } else {
        format!("`{at}`")
    };
    Diagnostic::error("wrong-type", format!("{message} at {place}"))
        .at(spans.value(at), "this value")
        .hint(format!(
            "see the content format of {what} in docs/content.md"
        ))
}

/// serde_yaml appends " at line L column C" to messages; the diagnostic says it better.
fn strip_location(message: &str) -> &str {
    match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// The word of a "`a`, `b` or `c`" list closest to `word`, if it is close.
fn closest_word(word: &str, expected: &str) -> Option<String> {
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|cand| (strsim::levenshtein(word, cand), cand))
        .filter(|(d, cand)| *d <= 2.max(cand.len() / 3))
        .min()
        .map(|(_, c)| c.to_string())
}

fn syntax_error(file: FileId, text: &str, base: usize, e: &serde_yaml::Error) -> Diagnostic {
    let message = strip_location(&e.to_string()).to_string();
    let offset = e.location().map_or(0, |l| l.index().min(text.len()));
    let full = e.to_string();
    // libyaml says where the construct it was reading began: "…, while parsing a flow
    // sequence at line 3 column 9". For a construct that must be closed (a bracket, a
    // quote) or a key that must be followed by `:`, that start is where the mistake is,
    // so the diagnostic points there. Any other start (a plain scalar, a block mapping)
    // is only where libyaml was when it met the offending character: a tab on line 3
    // after `surname: Ortiz` is "while scanning a plain scalar at line 2", and line 2
    // is fine.
    let opened = full.split_once(", while ").and_then(|(_, c)| {
        let c = c.split_once(' ').map_or(c, |(_verb, rest)| rest);
        let (what, place) = c.split_once(" at line ")?;
        let (label, hint) = unclosed(what)?;
        let mut numbers = place
            .split(" column ")
            .map(|n| n.trim().parse::<usize>().ok());
        let (line, column) = (numbers.next()??, numbers.next()??);
        Some((offset_of(text, line, column), label, hint))
    });
    // "control characters are not allowed at position 9": a character offset.
    let offset = match message.split_once(" at position ") {
        Some((_, n)) if e.location().is_none_or(|l| l.index() == 0) => n
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|chars| text.char_indices().nth(chars).map(|(i, _)| i))
            .unwrap_or(offset),
        _ => offset,
    };
    let message = match message.split_once(" at position ") {
        Some((m, _)) => m.to_string(),
        None => message,
    };
    let (at, label, hint) = match opened {
        Some((start, label, hint)) if start < offset => (start, label, hint),
        _ => {
            let hint = if message.contains("recursion limit") {
                "nesting this deep is not content; flatten the structure"
            } else if message.contains("repetition limit") {
                "anchors and aliases expand past the limit; write the values out"
            } else if message.contains("tab character")
                || text.get(offset..).is_some_and(|t| t.starts_with('\t'))
            {
                "YAML indents with spaces: replace this tab with spaces"
            } else {
                "check the indentation and quoting on this line or the one above"
            };
            (offset, "here", hint)
        }
    };
    let at = crate::source::floor_char_boundary(text, at);
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    Diagnostic::error("yaml-syntax", format!("YAML syntax error: {message}"))
        .at(Span::new(file, base + at, base + end), label)
        .hint(hint)
}

/// The label and hint for a construct libyaml names as not finished, when the place it
/// began is where the mistake is: one that must be closed, or a key that must be
/// followed by `:`.
fn unclosed(what: &str) -> Option<(&'static str, &'static str)> {
    const CLOSE: &str = "close the bracket or quote opened here, or quote the whole value";
    Some(match what {
        "a flow sequence" => ("this flow sequence is not closed", CLOSE),
        "a flow mapping" => ("this flow mapping is not closed", CLOSE),
        "a quoted scalar" => ("this quoted scalar is not closed", CLOSE),
        "a simple key" => (
            "this key has no `:`",
            "write `key: value`, or indent this line to continue the value above",
        ),
        _ => return None,
    })
}

/// Byte offset of a 1-based line and column of `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// A scalar read as text whatever YAML made of it: `2026` is a number to YAML but a
/// year to an EDTF date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar(pub String);

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date or a plain value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(Visit)
    }
}

enum Frame {
    Mapping {
        path: Path,
        key: Option<String>,
        start: usize,
        /// Keys seen so far.
        seen: std::collections::HashSet<String>,
    },
    Sequence {
        path: Path,
        next: usize,
        start: usize,
    },
}

/// Walks the event stream once, recording the span of every key and value of YAML
/// `text`, which sits at byte `base` of file `file`.
pub fn spans(file: FileId, text: &str, base: usize) -> Result<Spans, Diagnostic> {
    use saphyr_parser::{Event, Parser};

    // saphyr reports positions in characters; content is mostly ASCII but not always.
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |chars: usize| base + byte_of[chars.min(byte_of.len() - 1)];

    let mut values = HashMap::new();
    let mut keys = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let offset = at(e.marker().index());
            Diagnostic::error("yaml-syntax", format!("YAML syntax error: {}", e.info()))
                .at(Span::new(file, offset, offset), "here")
                .hint("check the indentation and quoting on this line or the one above")
        })?;
        let (start, end) = (at(span.start.index()), at(span.end.index()));
        if let Event::DocumentStart(_) = event {
            documents += 1;
            if documents > 1 {
                return Err(Diagnostic::error(
                    "yaml-syntax",
                    "YAML syntax error: a second document starts here",
                )
                .at(Span::new(file, start, start + 3.min(text.len() - (start - base))), "a second document")
                .hint("a content file holds one YAML document; remove this `---` or move what follows to its own file"));
            }
        }
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(_)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        // Where does this node sit? As a key, as a value in a mapping, or in a list.
        let mut node_path = None;
        if is_node {
            match stack.last_mut() {
                Some(Frame::Mapping {
                    path, key, seen, ..
                }) => match key.take() {
                    None => {
                        if let Event::Scalar(k, ..) = &event {
                            let k = k.to_string();
                            if seen.contains(&k) {
                                return Err(Diagnostic::error(
                                    "yaml-syntax",
                                    format!("YAML syntax error: the key `{k}` is given twice"),
                                )
                                .at(Span::new(file, start, end), "given again here")
                                .hint("the same mapping gives it earlier; keep one of the two"));
                            }
                            seen.insert(k.clone());
                            keys.insert(path.key(&k), Span::new(file, start, end));
                            *key = Some(k);
                        } else {
                            // A complex key: not used by the content format.
                            *key = Some(String::new());
                        }
                        continue;
                    }
                    Some(k) => node_path = Some(path.key(&k)),
                },
                Some(Frame::Sequence { path, next, .. }) => {
                    node_path = Some(path.index(*next));
                    *next += 1;
                }
                None => node_path = Some(Path::root()),
            }
        }
        match event {
            Event::Scalar(..) | Event::Alias(_) => {
                if let Some(p) = node_path {
                    values.insert(p, Span::new(file, start, end));
                }
            }
            Event::MappingStart(..) => stack.push(Frame::Mapping {
                path: node_path.unwrap_or_default(),
                key: None,
                start,
                seen: Default::default(),
            }),
            Event::SequenceStart(..) => stack.push(Frame::Sequence {
                path: node_path.unwrap_or_default(),
                next: 0,
                start,
            }),
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(
                    Frame::Mapping { path, start: s, .. } | Frame::Sequence { path, start: s, .. },
                ) = stack.pop()
                {
                    values.insert(path, Span::new(file, s, end.max(s)));
                }
            }
            _ => {}
        }
    }
    let whole = Span::new(file, base, base + text.len().min(first_line_len(text)));
    Ok(Spans {
        file,
        values,
        keys,
        whole,
    })
}

fn first_line_len(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Claim {
        article: String,
        quote: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Point {
        topic: String,
        claims: Vec<Claim>,
    }

    const DOC: &str = "topic: Raid date\nclaims:\n  - article: a\n    quote: \"on Jan. 3\"\n  - {article: b, quote: x}\n";

    #[test]
    fn every_value_has_its_span() {
        let doc: Document<Point> = document(0, DOC, 0, "a point").unwrap();
        assert_eq!(doc.value.topic, "Raid date");
        assert_eq!(doc.value.claims[0].article, "a");
        assert_eq!(doc.value.claims[1].quote, "x");
        let q = doc
            .spans
            .value(&Path::root().key("claims").index(0).key("quote"));
        assert_eq!(&DOC[q.start..q.end], "\"on Jan. 3\"");
        let q = doc
            .spans
            .value(&Path::root().key("claims").index(1).key("quote"));
        assert_eq!(&DOC[q.start..q.end], "x");
    }

    #[test]
    fn a_value_read_without_its_places_reports_what_a_document_does() {
        let good: Point = value(0, DOC, 0, "a point").unwrap();
        assert_eq!(good.claims[1].quote, "x");
        // A type error, an unknown key, a syntax error, a repeated key, two
        // documents, an empty one: each reported as `document` reports it, at the same
        // place of the file.
        for text in [
            "topic: t\nclaims: 3\n",
            "topic: t\nclaims:\n  - article: a\n    qoute: x\n",
            "topic: [unclosed\n",
            "topic: a\ntopic: b\nclaims: []\n",
            "topic: a\nclaims: []\n---\ntopic: b\n",
            "",
        ] {
            let placed = document::<Point>(3, text, 100, "a point").unwrap_err();
            let unplaced = value::<Point>(3, text, 100, "a point").unwrap_err();
            assert_eq!(format!("{unplaced:?}"), format!("{placed:?}"), "{text:?}");
        }
    }

    #[test]
    fn unknown_key_points_at_the_key_with_a_suggestion() {
        let text = "topic: t\nclaims:\n  - article: a\n    qoute: x\n";
        let err = document::<Point>(0, text, 0, "a point").unwrap_err();
        assert_eq!(err.code, "unknown-key");
        let s = err.span.unwrap();
        assert_eq!(&text[s.start..s.end], "qoute");
        assert!(err.hint.unwrap().starts_with("did you mean `quote`?"));
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let text = "topic: t\nclaims: 3\n";
        let err = document::<Point>(0, text, 0, "a point").unwrap_err();
        assert_eq!(err.code, "wrong-type");
        let s = err.span.unwrap();
        assert_eq!(&text[s.start..s.end], "3");
    }

    #[test]
    fn syntax_error_is_placed_in_the_file_not_the_snippet() {
        let text = "topic: [unclosed\n";
        let err = document::<Point>(3, text, 100, "a point").unwrap_err();
        assert_eq!(err.code, "yaml-syntax");
        let s = err.span.unwrap();
        assert_eq!(s.file, 3);
        assert!(s.start >= 100);
    }

    #[test]
    fn syntax_errors_point_at_the_offending_character() {
        // The text, and what the error underlines: the first character of the rest of
        // the text from the given marker.
        let table: &[(&str, &str, &str)] = &[
            // A tab after a plain scalar: at the tab, not where the scalar began.
            (
                "name: Ana\nsurname: Ortiz\n\ttitles: [Mayor]\n",
                "\ttitles",
                "here",
            ),
            ("a:\n  - b: c\n\td: e\n", "\td", "here"),
            // A construct that must be closed: where it was opened.
            ("a: [b, c\nd: e\n", "[b", "this flow sequence is not closed"),
            ("a: {b: c\nd: e\n", "{b", "this flow mapping is not closed"),
            (
                "a: \"abc\nd: e\n",
                "\"abc",
                "this quoted scalar is not closed",
            ),
            // A key without its colon: the key.
            (
                "name: x\nsurname\ntitle: y\n",
                "surname",
                "this key has no `:`",
            ),
            // Nothing began earlier: where libyaml stopped.
            ("name: x\n  bad: y\n", ": y", "here"),
        ];
        for (text, marker, label) in table {
            let err = untyped(0, text, 0).unwrap_err();
            let s = err.span.unwrap();
            assert_eq!(s.start, text.find(marker).unwrap(), "{text:?}: {err:?}");
            assert_eq!(err.label, *label, "{text:?}");
        }
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_errors_not_hangs() {
        let mut bomb =
            String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (i, prev) in ('b'..='j').zip('a'..='i') {
            bomb.push_str(&format!("{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        assert!(untyped(0, &bomb, 0).is_err());
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(untyped(0, &deep, 0).is_err());
    }

    #[test]
    fn paths_print_like_accessors() {
        let p = Path::root().key("points").index(0).key("claims");
        assert_eq!(p.to_string(), "points[0].claims");
    }
}

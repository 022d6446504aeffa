//! The *HTML input* of an import: a page cut into text blocks, its navigation, asides
//! and footers left out.

use super::pipeline::{Kind, Piece};

/// Elements kept through sanitising: they mark where text blocks begin and end, or
/// which blocks are page furniture. Everything else is unwrapped to its text.
const HTML_STRUCTURE: &[&str] = &[
    "title",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "div",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "section",
    "figure",
    "figcaption",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "details",
    "summary",
    "br",
    "hr",
];

/// Elements dropped with everything inside them.
const HTML_DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "form", "button", "select",
    "textarea", "object", "canvas", "video", "audio",
];

/// Splits an HTML page into text blocks. html5ever, through ammonia, does the parsing
/// (entities, unclosed tags, comments, scripts); what it returns is attribute-free,
/// well-formed markup of the [`HTML_STRUCTURE`] elements, which a small scanner walks.
/// `nav`, `aside` and `footer` are dropped; so is a `header` unless it sits inside an
/// `article` or `main`, where it holds the headline and byline.
pub(super) fn html_pieces(html: &str) -> Vec<Piece> {
    let clean = ammonia::Builder::empty()
        .tags(HTML_STRUCTURE.iter().copied().collect())
        .clean_content_tags(HTML_DROPPED.iter().copied().collect())
        .link_rel(None)
        .clean(html)
        .to_string();
    let mut scan = Scan::default();
    let mut rest = clean.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').unwrap_or(after.len());
            let tag = after[..end].trim().to_ascii_lowercase();
            rest = after.get(end + 1..).unwrap_or("");
            scan.tag(&tag);
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            scan.text(&rest[..end]);
            rest = &rest[end..];
        }
    }
    scan.flush();
    scan.pieces
}

#[derive(Default)]
struct Scan {
    pieces: Vec<Piece>,
    open: Vec<String>,
    text: String,
    /// A `<br>` was the last thing seen: a second one ends the paragraph.
    after_br: bool,
    blocks: usize,
}

impl Scan {
    fn tag(&mut self, tag: &str) {
        if tag == "br" {
            if self.after_br {
                self.flush();
            } else {
                self.text.push('\n');
                self.after_br = true;
            }
            return;
        }
        self.flush();
        match tag.strip_prefix('/') {
            Some(name) => {
                if let Some(at) = self.open.iter().rposition(|t| t == name) {
                    self.open.truncate(at);
                }
            }
            None if tag != "hr" => self.open.push(tag.to_string()),
            None => {}
        }
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.after_br = false;
        }
        if !self.dropped() {
            self.text.push_str(&decode(text));
        }
    }

    fn dropped(&self) -> bool {
        self.open.iter().enumerate().any(|(i, t)| match t.as_str() {
            "nav" | "aside" | "footer" => true,
            "header" => !self.open[..i].iter().any(|o| o == "article" || o == "main"),
            _ => false,
        })
    }

    fn flush(&mut self) {
        self.after_br = false;
        let text = std::mem::take(&mut self.text);
        let kind = self
            .open
            .iter()
            .rev()
            .find_map(|t| match t.as_str() {
                "title" => Some(Kind::PageTitle),
                "h1" => Some(Kind::Headline),
                "h2" | "h3" | "h4" | "h5" | "h6" => Some(Kind::Heading),
                _ => None,
            })
            .unwrap_or(Kind::Text);
        let lines: Vec<String> = if kind == Kind::Text {
            text.split('\n')
                .map(collapse)
                .filter(|l| !l.trim().is_empty())
                .collect()
        } else {
            Some(collapse(&text))
                .filter(|l| !l.trim().is_empty())
                .into_iter()
                .collect()
        };
        if lines.is_empty() {
            return;
        }
        self.blocks += 1;
        for line in lines {
            self.pieces.push(Piece {
                line: self.blocks,
                text: line.trim().to_string(),
                kind,
            });
        }
        self.pieces.push(Piece {
            line: self.blocks,
            text: String::new(),
            kind: Kind::Blank,
        });
    }
}

/// HTML whitespace runs become one space; a no-break space is text and stays.
fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entities ammonia's serialiser writes in text.
fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

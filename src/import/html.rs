//! The *HTML input* of an import: a page cut into text blocks, each with its [`Region`]:
//! the article, the page's furniture (navigation, asides, footers, the site's header, a
//! box whose class names it a sidebar or a comment thread), or elsewhere on the page.
//!
//! The article is found by the structure and text density of the page, as Readability
//! does: each paragraph of 25 characters or more scores its parent and grandparents by
//! its length and commas; a container's score grows or shrinks with what its tag and
//! class say and shrinks with the share of its text that is links; the best container,
//! with the siblings that score near it or read as prose, is the article. Structure,
//! not word lists, so furniture is found in any language.

use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

use super::pipeline::{Kind, Mark, Piece};

/// Where a text block stands on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Region {
    Article,
    /// Page furniture, by its element or class, with the reason.
    Furniture(&'static str),
    /// Outside the article the page's structure shows.
    Outside,
}

/// Elements that mark where text blocks begin and end, or which blocks are page
/// furniture. Everything else is unwrapped to its text.
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

/// Splits a parsed page into text blocks, each with its region.
pub(super) fn html_pieces(doc: &Html) -> (Vec<Piece>, Vec<Region>) {
    // A class may name a whole page's layout a sidebar ("two-col-sidebar-right"): when
    // leaving the boxes so named out leaves too little, they are read after all.
    let mut article = article_nodes(doc, true);
    if article_chars(doc, &article) < 1000 {
        let second = article_nodes(doc, false);
        if article_chars(doc, &second) > article_chars(doc, &article) {
            article = second;
        }
    }
    // A box around the article is not furniture, whatever its class says.
    let around: HashSet<NodeId> = article
        .iter()
        .filter_map(|&id| doc.tree.get(id))
        .flat_map(|n| std::iter::once(n).chain(n.ancestors()))
        .map(|n| n.id())
        .collect();
    let page = Page {
        article: &article,
        around: &around,
    };
    let mut scan = Scan::default();
    walk(doc.tree.root(), Region::Outside, &page, &mut scan);
    scan.flush();
    (scan.pieces, scan.regions)
}

/// The article's elements, and those around them.
struct Page<'a> {
    article: &'a HashSet<NodeId>,
    around: &'a HashSet<NodeId>,
}

fn article_chars(doc: &Html, article: &HashSet<NodeId>) -> usize {
    article
        .iter()
        .filter_map(|&id| doc.tree.get(id).and_then(ElementRef::wrap))
        .map(|el| chars(&text_of(el)))
        .sum()
}

fn walk(node: NodeRef<Node>, region: Region, page: &Page, scan: &mut Scan) {
    match node.value() {
        Node::Text(text) => scan.text(text, region),
        Node::Element(e) => {
            let name = e.name();
            if HTML_DROPPED.contains(&name) || hidden(e) {
                return;
            }
            let region = match region {
                Region::Furniture(_) => region,
                _ => match furniture(node, e, !page.around.contains(&node.id())) {
                    Some(reason) => Region::Furniture(reason),
                    None if page.article.contains(&node.id()) => Region::Article,
                    None => region,
                },
            };
            let structural = HTML_STRUCTURE.contains(&name);
            if structural {
                scan.tag(name);
            }
            let link = (name == "a")
                .then(|| e.attr("href").and_then(web_link))
                .flatten();
            if link.is_some() {
                scan.markup.push(LINK_OPEN);
            }
            for child in node.children() {
                walk(child, region, page, scan);
            }
            if let Some(url) = link {
                scan.link(url);
            }
            if structural && !matches!(name, "br" | "hr") {
                scan.tag(&format!("/{name}"));
            }
        }
        Node::Document | Node::Fragment => {
            for child in node.children() {
                walk(child, region, page, scan);
            }
        }
        _ => {}
    }
}

/// Whether the page hides an element from its readers.
fn hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Class and id words that mark a box as furniture, with the reason; a box also marked
/// as content (`MAYBE_CONTENT`) is not.
const FURNITURE_CLASSES: &[(&str, &str)] = &[
    ("comment", "comments"),
    ("disqus", "comments"),
    ("replies", "comments"),
    ("community", "comments"),
    ("related", "related links"),
    ("outbrain", "related links"),
    ("taboola", "related links"),
    ("sidebar", "sidebar"),
    ("skyscraper", "advertisement"),
    ("sponsor", "advertisement"),
    ("-ad-", "advertisement"),
    ("ad-break", "advertisement"),
    ("banner", "advertisement"),
    ("social", "share widget"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("footer", "footer"),
    ("popup", "pop-up"),
    ("agegate", "pop-up"),
    ("rss", "navigation"),
    ("remark", "comments"),
    ("gdpr", "consent banner"),
    ("shoutbox", "comments"),
];

const MAYBE_CONTENT: &[&str] = &["article", "body", "content", "main", "story", "column"];

/// The furniture an element is, by its name, or by its class and id (`by_class`).
fn furniture(
    node: NodeRef<Node>,
    e: &scraper::node::Element,
    by_class: bool,
) -> Option<&'static str> {
    match e.name() {
        "nav" => return Some("navigation"),
        "aside" => return Some("aside"),
        "footer" => return Some("footer"),
        "header" => {
            let in_article = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|p| matches!(p.name(), "article" | "main"))
            });
            return (!in_article).then_some("site header");
        }
        "body" | "html" | "article" | "main" | "a" | "p" | "h1" => return None,
        _ => {}
    }
    if by_class && headed_items(node, e) {
        return Some("a list of other stories");
    }
    let marks = class_and_id(e);
    if !by_class || marks.is_empty() || MAYBE_CONTENT.iter().any(|m| marks.contains(m)) {
        return None;
    }
    FURNITURE_CLASSES
        .iter()
        .find(|(word, _)| marks.contains(word))
        .map(|(_, reason)| *reason)
}

/// A list of many items each under a heading of its own: a gallery of captioned
/// slides, a list of teasers, the other stories of a section. The article's own lists
/// are of lines, not of headed pieces, and its headings stand between its paragraphs.
fn headed_items(node: NodeRef<Node>, e: &scraper::node::Element) -> bool {
    if !matches!(e.name(), "ul" | "ol") {
        return false;
    }
    let items: Vec<NodeRef<Node>> = node
        .children()
        .filter(|c| c.value().as_element().is_some_and(|c| c.name() == "li"))
        .collect();
    let headed = items
        .iter()
        .filter(|item| {
            item.descendants().any(|d| {
                d.value()
                    .as_element()
                    .is_some_and(|d| matches!(d.name(), "h2" | "h3" | "h4" | "h5" | "h6"))
            })
        })
        .count();
    items.len() >= 5 && headed * 5 >= items.len() * 4
}

fn class_and_id(e: &scraper::node::Element) -> String {
    let mut marks = e.attr("class").unwrap_or("").to_ascii_lowercase();
    marks.push(' ');
    marks.push_str(&e.attr("id").unwrap_or("").to_ascii_lowercase());
    marks.trim().to_string()
}

/// Class and id words that make a container likelier to hold the article, and less.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
];

fn class_weight(e: &scraper::node::Element) -> f64 {
    let mut weight = 0.0;
    for mark in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        let mark = mark.to_ascii_lowercase();
        if NEGATIVE.iter().any(|w| mark.contains(w)) {
            weight -= 25.0;
        }
        if POSITIVE.iter().any(|w| mark.contains(w)) {
            weight += 25.0;
        }
    }
    weight
}

/// A container's score before its paragraphs add theirs.
fn initial_score(e: &scraper::node::Element) -> f64 {
    let tag = match e.name() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(e)
}

/// Elements that hold blocks: a `div` without them is a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
];

fn text_of(el: ElementRef) -> String {
    el.text().collect::<Vec<_>>().join("")
}

fn chars(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

/// The share of an element's text that is inside links.
fn link_density(el: ElementRef) -> f64 {
    let all = chars(&text_of(el));
    if all == 0 {
        return 0.0;
    }
    let links: usize = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|d| d.value().name() == "a")
        .map(|a| chars(&text_of(a)))
        .sum();
    links as f64 / all as f64
}

/// The elements that make the article: the best-scoring container and the siblings
/// that belong with it. Empty when no paragraph scores. Each paragraph scores its
/// container and four more ancestors, less and less.
fn article_nodes(doc: &Html, by_class: bool) -> HashSet<NodeId> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    // Candidates in document order, so that a tie goes to the first.
    let mut order: Vec<NodeId> = Vec::new();
    let mut stack: Vec<ElementRef> = doc.root_element().child_elements().collect();
    stack.reverse();
    while let Some(el) = stack.pop() {
        let e = el.value();
        let node = *el;
        if HTML_DROPPED.contains(&e.name()) || hidden(e) || furniture(node, e, by_class).is_some() {
            continue;
        }
        let mut children: Vec<ElementRef> = el.child_elements().collect();
        let paragraph = match e.name() {
            "p" | "pre" | "td" => true,
            "div" | "section" => !children.iter().any(|c| BLOCKS.contains(&c.value().name())),
            _ => false,
        };
        if paragraph {
            let text = text_of(el);
            let length = chars(&text);
            if length >= 25 {
                let commas = text.matches([',', '，', '、']).count() as f64;
                let score = 1.0 + commas + (length as f64 / 100.0).min(3.0);
                for (level, ancestor) in el
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .take(5)
                    .enumerate()
                {
                    let divider = match level {
                        0 => 1.0,
                        1 => 2.0,
                        n => n as f64 * 3.0,
                    };
                    let entry = scores.entry(ancestor.id()).or_insert_with(|| {
                        order.push(ancestor.id());
                        initial_score(ancestor.value())
                    });
                    *entry += score / divider;
                }
            }
        }
        children.reverse();
        stack.extend(children);
    }
    let element = |id: NodeId| doc.tree.get(id).and_then(ElementRef::wrap);
    // Each candidate's links are counted once: a container's text may be the page's.
    let finals: HashMap<NodeId, f64> = order
        .iter()
        .map(|&id| {
            let raw = scores.get(&id).copied().unwrap_or(0.0);
            (
                id,
                element(id).map_or(0.0, |el| raw * (1.0 - link_density(el))),
            )
        })
        .collect();
    let final_score = |id: NodeId| finals.get(&id).copied().unwrap_or(0.0);
    let mut top: Option<(NodeId, f64)> = None;
    for &id in &order {
        let score = final_score(id);
        if top.is_none_or(|(_, best)| score > best) {
            top = Some((id, score));
        }
    }
    let mut article = HashSet::new();
    let Some((mut top, best)) = top else {
        return article;
    };
    // An article cut into boxes (a box per few paragraphs) gives several near-best
    // candidates: their common container is the article.
    let near: Vec<NodeId> = order
        .iter()
        .copied()
        .filter(|&id| id != top && final_score(id) >= best * 0.75)
        .collect();
    if near.len() >= 3 {
        let mut parent = element(top)
            .and_then(|t| t.parent())
            .and_then(ElementRef::wrap);
        while let Some(p) = parent.filter(|p| !matches!(p.value().name(), "body" | "html")) {
            let inside = near
                .iter()
                .filter(|&&id| {
                    doc.tree
                        .get(id)
                        .is_some_and(|n| n.ancestors().any(|a| a.id() == p.id()))
                })
                .count();
            if inside >= 3 {
                top = p.id();
                break;
            }
            parent = p.parent().and_then(ElementRef::wrap);
        }
    }
    let threshold = (best * 0.2).max(10.0);
    let Some(parent) = element(top).and_then(|t| t.parent()) else {
        article.insert(top);
        return article;
    };
    for sibling in parent.children().filter_map(ElementRef::wrap) {
        let id = sibling.id();
        let belongs = id == top
            || (scores.contains_key(&id) && final_score(id) >= threshold)
            || (sibling.value().name() == "p" && {
                let text = text_of(sibling);
                let length = chars(&text);
                let density = link_density(sibling);
                (length > 80 && density < 0.25)
                    || (length > 0 && density == 0.0 && text.trim_end().ends_with('.'))
            });
        if belongs {
            article.insert(id);
        }
    }
    article
}

/// Where a link begins, where its text ends and its number follows, and where it ends,
/// in a block's markup: characters of Unicode's private use area, which no page's text
/// is expected to hold, and which Markdown escaping leaves alone.
pub(super) const LINK_OPEN: char = '\u{E000}';
pub(super) const LINK_URL: char = '\u{E001}';
pub(super) const LINK_CLOSE: char = '\u{E002}';

/// The text of a block's markup: its links' marks and numbers left out.
fn unmarked(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut in_number = false;
    for c in markup.chars() {
        match c {
            LINK_OPEN => {}
            LINK_URL => in_number = true,
            LINK_CLOSE => in_number = false,
            c if !in_number => out.push(c),
            _ => {}
        }
    }
    out
}

/// A link's target worth keeping: an absolute http(s) URL a Markdown link can hold.
fn web_link(href: &str) -> Option<String> {
    let href = href.trim();
    let ok = (href.starts_with("https://") || href.starts_with("http://"))
        && !href.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '>'))
        && !href.contains([LINK_OPEN, LINK_URL, LINK_CLOSE]);
    ok.then(|| href.to_string())
}

#[derive(Default)]
struct Scan {
    pieces: Vec<Piece>,
    regions: Vec<Region>,
    open: Vec<String>,
    text: String,
    /// The text with its links marked (`LINK_OPEN` …), and their targets.
    markup: String,
    links: Vec<String>,
    /// Where the text being gathered stands: that of its first words.
    region: Option<Region>,
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
                self.markup.push('\n');
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

    /// What the innermost element that says so makes of the block being gathered.
    fn mark(&self) -> Mark {
        for (i, tag) in self.open.iter().enumerate().rev() {
            match tag.as_str() {
                "h2" | "h3" | "h4" | "h5" | "h6" => {
                    return Mark::Level(usize::from(tag.as_bytes()[1] - b'0'));
                }
                "li" => {
                    let list = self.open[..i]
                        .iter()
                        .rev()
                        .find(|t| *t == "ol" || *t == "ul");
                    return Mark::Item {
                        numbered: list.is_some_and(|t| t == "ol"),
                    };
                }
                "blockquote" => return Mark::Quote,
                "figcaption" => return Mark::Caption,
                _ => {}
            }
        }
        Mark::Plain
    }

    fn text(&mut self, text: &str, region: Region) {
        if !text.trim().is_empty() {
            self.after_br = false;
            self.region.get_or_insert(region);
        }
        self.text.push_str(text);
        self.markup.push_str(text);
    }

    /// Ends the link opened in the markup: a link without text is none.
    fn link(&mut self, url: String) {
        let open = self.markup.rfind(LINK_OPEN).unwrap_or(0);
        if self.markup[open..]
            .trim_matches([LINK_OPEN, ' '])
            .is_empty()
        {
            self.markup.truncate(open);
            return;
        }
        self.markup
            .push_str(&format!("{LINK_URL}{}{LINK_CLOSE}", self.links.len()));
        self.links.push(url);
    }

    fn flush(&mut self) {
        self.after_br = false;
        let text = std::mem::take(&mut self.text);
        let markup = std::mem::take(&mut self.markup);
        let links = std::mem::take(&mut self.links);
        let region = self.region.take().unwrap_or(Region::Outside);
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
        let mark = self.mark();
        // The markup's lines, when they are the text's with links marked.
        let marked: Vec<String> = if kind == Kind::Text {
            markup.split('\n').map(collapse).collect()
        } else {
            vec![collapse(&markup)]
        };
        let mut marked = marked
            .into_iter()
            .filter(|m| !unmarked(m).trim().is_empty());
        for line in lines {
            let text = line.trim().to_string();
            let markup = marked
                .next()
                .filter(|m| m.contains(LINK_URL))
                .map(|m| m.trim().to_string());
            self.pieces.push(Piece {
                line: self.blocks,
                links: if markup.is_some() {
                    links.clone()
                } else {
                    Vec::new()
                },
                markup,
                text,
                kind,
                mark,
            });
            self.regions.push(region);
        }
        self.pieces.push(Piece {
            line: self.blocks,
            text: String::new(),
            kind: Kind::Blank,
            mark: Mark::Plain,
            markup: None,
            links: Vec::new(),
        });
        self.regions.push(region);
    }
}

/// HTML whitespace runs become one space; a no-break space is text and stays.
fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

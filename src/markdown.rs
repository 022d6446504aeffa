//! *Markdown* is the text format of article bodies and of curated prose (summaries,
//! notes). This module splits an article body into *blocks* — numbered paragraphs and
//! headings, each with its plain text — and renders Markdown to HTML that cannot run
//! script: link and image URLs with a dangerous scheme are dropped, raw HTML in an
//! article is sanitised, and raw HTML in curated prose is shown as text.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::source::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
}

/// A paragraph or heading of an article, with its plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The text a reader sees: inline markup removed, line breaks as spaces.
    pub text: Text,
    /// Where the block is in the Markdown source.
    pub range: Range<usize>,
}

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES
}

/// Which events open a numbered paragraph: a paragraph, or the item of a tight list,
/// which holds its text without a paragraph of its own.
fn opens_paragraph(event: &Event, next: Option<&Event>) -> bool {
    match event {
        Event::Start(Tag::Paragraph) => true,
        Event::Start(Tag::Item) => !matches!(
            next,
            Some(Event::Start(
                Tag::Paragraph | Tag::List(_) | Tag::CodeBlock(_)
            ))
        ),
        _ => false,
    }
}

fn closes(event: &Event, opener: &Tag) -> bool {
    matches!(
        (event, opener),
        (Event::End(TagEnd::Paragraph), Tag::Paragraph)
            | (Event::End(TagEnd::Item), Tag::Item)
            | (Event::Start(Tag::List(_)), Tag::Item)
            | (Event::End(TagEnd::Heading(_)), Tag::Heading { .. })
    )
}

/// Makes each block whose plain text is exactly as written (one line, no inline
/// markup: most paragraphs of news copy) a range of `body`'s shared text instead of a
/// copy. `blocks` are `body`'s, from [`blocks`].
pub fn share_text(blocks: &mut [Block], body: &Text) {
    let Text::Shared { text, start, .. } = body else {
        return;
    };
    for b in blocks {
        let Some(written) = body.get(b.range.clone()) else {
            continue;
        };
        if written.trim() == b.text.as_str() {
            let lead = written.len() - written.trim_start().len();
            let from = *start as usize + b.range.start + lead;
            b.text = Text::shared(text.clone(), from..from + b.text.len());
        }
    }
}

/// Splits a Markdown body into blocks, in order.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .collect();
    let mut out = Vec::new();
    let mut open: Option<(Tag, BlockKind, String, usize)> = None;
    for (i, (event, range)) in events.iter().enumerate() {
        if let Some((tag, kind, text, start)) = &mut open {
            if closes(event, tag) {
                out.push(Block {
                    kind: *kind,
                    text: text.trim().into(),
                    range: *start..range.end.max(*start),
                });
                open = None;
            } else {
                push_plain(text, event);
                continue;
            }
        }
        let next = events.get(i + 1).map(|(e, _)| e);
        if opens_paragraph(event, next) {
            if let Event::Start(tag) = event {
                open = Some((
                    tag.clone(),
                    BlockKind::Paragraph,
                    String::new(),
                    range.start,
                ));
            }
        } else if let Event::Start(tag @ Tag::Heading { level, .. }) = event {
            open = Some((
                tag.clone(),
                BlockKind::Heading(*level as u8),
                String::new(),
                range.start,
            ));
        }
    }
    out
}

fn push_plain(text: &mut String, event: &Event) {
    match event {
        Event::Text(t) | Event::Code(t) => text.push_str(t),
        Event::SoftBreak | Event::HardBreak => text.push(' '),
        _ => {}
    }
}

/// Markup to wrap around a byte range of a paragraph's plain text: a highlighted
/// mention, a marked quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// Trusted HTML, made by the renderer, never from content.
    pub open: String,
    pub close: String,
    /// Trusted HTML written once after the mark's end, outside it (a quote's speaker);
    /// unlike `close`, not repeated where the mark is cut by inline markup.
    pub after: String,
}

/// Whether a URL may appear in a page: relative, or http, https or mailto. Browsers
/// ignore control characters and whitespace inside a scheme, so they are ignored here
/// too (`java\tscript:` is `javascript:`).
pub fn safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (None, _) => true,
        (Some(c), Some(p)) if p < c => true,
        (Some(c), _) => matches!(&cleaned[..c], "http" | "https" | "mailto"),
    }
}

/// Renders an article body: paragraph `n` (1-based) becomes `<p id="pn">`, and the
/// marks of paragraph `n` (`marks[n - 1]`) are woven into its text.
pub fn article_html(markdown: &str, marks: &[Vec<Mark>]) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut raw_html = false;
    let mut paragraph = 0usize;
    // The paragraph being written: its opener, marks and plain-text offset.
    let mut open: Option<(Tag, &[Mark], usize)> = None;
    let mut open_marks: Vec<usize> = Vec::new();
    let mut dropped_links = Vec::new();
    for (i, event) in events.iter().enumerate() {
        if let Some((tag, para_marks, offset)) = &mut open {
            if closes(event, tag) {
                // A visible link to the paragraph, so a reader can cite it. It is known by
                // where it stands (the last link of its paragraph, to that paragraph), not
                // by a class: an article page has one a paragraph.
                out.push(Event::Html(
                    format!(
                        " <a href=\"#p{paragraph}\">¶{paragraph}</a>{}",
                        match tag {
                            Tag::Item => "</span>",
                            _ => "</p>\n",
                        }
                    )
                    .into(),
                ));
                open = None;
                if matches!(event, Event::End(TagEnd::Paragraph)) {
                    continue;
                }
            } else {
                match event {
                    Event::Text(t) => {
                        weave(&mut out, t, *offset, para_marks, &mut open_marks);
                        *offset += t.len();
                        continue;
                    }
                    Event::Code(t) => *offset += t.len(),
                    Event::SoftBreak | Event::HardBreak => *offset += 1,
                    _ => {}
                }
            }
        }
        let next = events.get(i + 1);
        if opens_paragraph(event, next) {
            paragraph += 1;
            let para_marks = marks.get(paragraph - 1).map_or(&[][..], Vec::as_slice);
            if let Event::Start(tag) = event {
                if matches!(tag, Tag::Item) {
                    out.push(event.clone());
                    out.push(Event::Html(format!("<span id=\"p{paragraph}\">").into()));
                } else {
                    out.push(Event::Html(format!("<p id=\"p{paragraph}\">").into()));
                }
                open = Some((tag.clone(), para_marks, 0));
                open_marks.clear();
            }
            continue;
        }
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            raw_html = true;
        }
        push_safe(&mut out, event, &mut dropped_links);
    }
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if raw_html { sanitise(&html) } else { html }
}

/// Weaves marks into one text event that starts at `offset` of the paragraph text.
/// Marks may nest (a mention inside a quote); `open` holds the marks open when the
/// event starts. Every text event closes what it opened and reopens it in the next one,
/// so marks never straddle inline markup such as `<em>`.
fn weave<'a>(
    out: &mut Vec<Event<'a>>,
    text: &str,
    offset: usize,
    marks: &[Mark],
    open: &mut Vec<usize>,
) {
    let end = offset + text.len();
    // Boundaries inside this event: (position, closes-first, tie-break, mark index).
    let mut points: Vec<(usize, u8, isize, usize)> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        if m.start >= offset && m.start < end && !open.contains(&i) {
            points.push((m.start, 1, -(m.end as isize), i));
        }
        if m.end > offset && m.end <= end && (m.start >= offset || open.contains(&i)) {
            points.push((m.end, 0, -(m.start as isize), i));
        }
    }
    points.sort();
    for &i in open.iter() {
        out.push(Event::Html(marks[i].open.clone().into()));
    }
    let mut cursor = offset;
    for (pos, kind, _, i) in points {
        let at = pos.clamp(cursor, end);
        if !text.is_char_boundary(at - offset) {
            continue;
        }
        if at > cursor {
            out.push(Event::Text(
                text[cursor - offset..at - offset].to_string().into(),
            ));
            cursor = at;
        }
        if kind == 1 {
            out.push(Event::Html(marks[i].open.clone().into()));
            open.push(i);
        } else if let Some(k) = open.iter().rposition(|&o| o == i) {
            // Close the marks opened inside this one too, then reopen them: a mark that
            // crosses another's end must not leave the HTML mis-nested.
            let inner: Vec<usize> = open.drain(k..).collect();
            for &j in inner.iter().rev() {
                out.push(Event::Html(marks[j].close.clone().into()));
            }
            if !marks[i].after.is_empty() {
                out.push(Event::Html(marks[i].after.clone().into()));
            }
            for &j in &inner[1..] {
                out.push(Event::Html(marks[j].open.clone().into()));
                open.push(j);
            }
        }
    }
    if cursor < end {
        out.push(Event::Text(text[cursor - offset..].to_string().into()));
    }
    for &i in open.iter().rev() {
        out.push(Event::Html(marks[i].close.clone().into()));
    }
}

/// Pushes an event, dropping links and images whose URL is not safe (their text
/// stays) and remembering which link ends to drop with them.
fn push_safe<'a>(out: &mut Vec<Event<'a>>, event: &Event<'a>, dropped: &mut Vec<bool>) {
    match event {
        Event::Start(Tag::Link { dest_url, .. }) => {
            let unsafe_url = !safe_url(dest_url);
            dropped.push(unsafe_url);
            if !unsafe_url {
                out.push(event.clone());
            }
        }
        Event::End(TagEnd::Link) => {
            if !dropped.pop().unwrap_or(false) {
                out.push(event.clone());
            }
        }
        Event::Start(Tag::Image { dest_url, .. }) => {
            let unsafe_url = !safe_url(dest_url);
            dropped.push(unsafe_url);
            if !unsafe_url {
                out.push(event.clone());
            }
        }
        Event::End(TagEnd::Image) => {
            if !dropped.pop().unwrap_or(false) {
                out.push(event.clone());
            }
        }
        _ => out.push(event.clone()),
    }
}

/// Renders curated Markdown (a summary, a note): raw HTML is shown as text, not
/// interpreted, and unsafe URLs are dropped.
pub fn curated_html(markdown: &str) -> String {
    let mut dropped = Vec::new();
    let mut out = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        let event = match event {
            Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
            e => e,
        };
        push_safe(&mut out, &event, &mut dropped);
    }
    let mut html = String::with_capacity(markdown.len() + 16);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    html
}

/// Curated Markdown for a single line (a claim, a title): the HTML without the
/// paragraph around it.
pub fn curated_inline(markdown: &str) -> String {
    let html = curated_html(markdown);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// Cleans HTML that came from an article with raw HTML in it. The allowed markup is
/// what Markdown produces plus the attributes the renderer adds itself.
fn sanitise(html: &str) -> String {
    use std::collections::HashSet;
    let mut builder = ammonia::Builder::default();
    builder
        .add_tag_attributes("p", ["id"])
        .add_tag_attributes("span", ["id", "class"])
        .add_tag_attributes("a", ["class"])
        .add_tag_attributes("mark", ["class", "title"])
        .add_tags(["mark"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"));
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_written_as_read_share_the_file_text() {
        let file = "---\ntitle: x\n---\nPlain one.\n\nWith *emphasis*.\n\n  Indented two\nlines.\n\nLast.\n";
        let start = file.find("Plain").unwrap();
        let body = Text::shared(std::sync::Arc::from(file), start..file.len());
        let mut blocks = blocks(&body);
        share_text(&mut blocks, &body);
        let texts: Vec<(&str, bool)> = blocks
            .iter()
            .map(|b| (b.text.as_str(), matches!(b.text, Text::Shared { .. })))
            .collect();
        assert_eq!(
            texts,
            [
                ("Plain one.", true),
                ("With emphasis.", false),
                ("Indented two lines.", false),
                ("Last.", true),
            ]
        );
    }

    #[test]
    fn blocks_number_paragraphs_and_keep_headings_apart() {
        let md = "First *para*\nwrapped.\n\n## A head\n\nSecond with `code`.\n\n- tight one\n- tight two\n";
        let b = blocks(md);
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading(2),
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(b[0].text, "First para wrapped.");
        assert_eq!(b[2].text, "Second with code.");
        assert_eq!(b[4].text, "tight two");
        assert_eq!(&md[b[1].range.clone()], "## A head\n");
    }

    #[test]
    fn article_paragraphs_get_stable_anchors_and_marks() {
        let md = "One Rodríguez here.\n\n## Head\n\nTwo.\n";
        let marks = vec![vec![Mark {
            start: 4,
            end: 14,
            open: "<mark>".into(),
            close: "</mark>".into(),
            after: String::new(),
        }]];
        let html = article_html(md, &marks);
        assert_eq!(
            html,
            "<p id=\"p1\">One <mark>Rodríguez</mark> here. <a href=\"#p1\">¶1</a></p>\n<h2>Head</h2>\n<p id=\"p2\">Two. <a href=\"#p2\">¶2</a></p>\n"
        );
    }

    #[test]
    fn marks_across_inline_markup_are_clipped_not_lost() {
        let md = "Say *Delcy* Rodríguez.";
        let marks = vec![vec![Mark {
            start: 4,
            end: 20,
            open: "<b>".into(),
            close: "</b>".into(),
            after: String::new(),
        }]];
        let html = article_html(md, &marks);
        assert_eq!(
            html,
            "<p id=\"p1\">Say <em><b>Delcy</b></em><b> Rodríguez</b>. <a href=\"#p1\">¶1</a></p>\n"
        );
    }

    #[test]
    fn nested_marks_nest_in_the_html() {
        let md = "He said “Delcy is here” today.";
        let m = |start, end, tag: &str| Mark {
            start,
            end,
            open: format!("<{tag}>"),
            close: format!("</{tag}>"),
            after: String::new(),
        };
        // The quote spans the quotation marks; the mention sits inside it.
        let quote_end = md.find(" today").unwrap();
        let marks = vec![vec![m(8, quote_end, "q"), m(11, 16, "a")]];
        let html = article_html(md, &marks);
        assert_eq!(
            html,
            "<p id=\"p1\">He said <q>“<a>Delcy</a> is here”</q> today. <a href=\"#p1\">¶1</a></p>\n"
        );
    }

    #[test]
    fn what_follows_a_mark_is_written_once_at_its_end() {
        let md = "He said “*Delcy* is here” today.\n\n- item\n";
        // Marks are offsets of the plain text, without the emphasis' asterisks.
        let quote_end = "He said “Delcy is here” today.".find(" today").unwrap();
        let marks = vec![vec![Mark {
            start: 8,
            end: quote_end,
            open: "<q>".into(),
            close: "</q>".into(),
            after: "<i>speaker</i>".into(),
        }]];
        let html = article_html(md, &marks);
        assert_eq!(
            html,
            "<p id=\"p1\">He said <q>“</q><em><q>Delcy</q></em><q> is here”</q><i>speaker</i> today. <a href=\"#p1\">¶1</a></p>\n<ul>\n<li><span id=\"p2\">item <a href=\"#p2\">¶2</a></span></li>\n</ul>\n"
        );
    }

    #[test]
    fn dangerous_urls_are_dropped_and_text_kept() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
        ] {
            assert!(!safe_url(url), "{url:?}");
        }
        for url in [
            "https://x.org/a",
            "/people/x/",
            "../a:b",
            "#p1",
            "mailto:a@b.c",
            "a/b",
        ] {
            assert!(safe_url(url), "{url:?}");
        }
        let html = curated_html("[click](javascript:alert(1)) and [ok](https://x.org)");
        assert_eq!(html, "<p>click and <a href=\"https://x.org\">ok</a></p>\n");
        let html = article_html("[x](&#106;avascript:alert(1)) ![i](javascript:x)", &[]);
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised_in_articles_and_escaped_in_curation() {
        let html = article_html(
            "Hi <img src=x onerror=alert(1)> <script>alert(1)</script>\n",
            &[],
        );
        assert!(
            !html.contains("onerror") && !html.contains("<script"),
            "{html}"
        );
        assert!(html.contains("id=\"p1\""), "{html}");
        let html = curated_html("Hi <script>alert(1)</script>");
        assert_eq!(html, "<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    }

    #[test]
    fn curated_inline_drops_the_paragraph() {
        assert_eq!(curated_inline("a *b*"), "a <em>b</em>");
        assert_eq!(curated_inline("a\n\nb"), "<p>a</p>\n<p>b</p>\n");
    }
}

//! The *output* of an import: the article id, the Markdown body and the YAML scalars of
//! the front matter, escaped so that the file reads back as the text it was given.

use super::html::{LINK_CLOSE, LINK_OPEN, LINK_URL};
use super::pipeline::{Fate, Mark, Piece};
use crate::content::slug;

/// The article id: the slug of the title, cut at a word to at most 60 characters, since
/// it becomes a file name and a URL. Letters of other scripts than the Latin are
/// transliterated ("宇航员" → `yu-hang-yuan`); a title with nothing left to spell
/// ("¿?") is named by a short hash of itself.
pub(super) fn article_id(title: &str) -> String {
    let id = slug(&transliterated(title));
    if id.is_empty() {
        return format!("article-{:08x}", fnv1a(title) as u32);
    }
    if id.len() <= 60 {
        return id;
    }
    match id[..61].rfind('-') {
        Some(cut) if cut > 0 => id[..cut].to_string(),
        _ => id[..60].trim_end_matches('-').to_string(),
    }
}

/// An escaped line's marked links as Markdown links: `[text](<url>)`.
fn with_links(line: &str, links: &[String]) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(LINK_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + LINK_OPEN.len_utf8()..];
        let (Some(url_at), Some(close)) = (after.find(LINK_URL), after.find(LINK_CLOSE)) else {
            rest = after;
            continue;
        };
        let text = after[..url_at].trim();
        let url = after[url_at + LINK_URL.len_utf8()..close]
            .parse::<usize>()
            .ok()
            .and_then(|i| links.get(i));
        match url {
            Some(url) if !text.is_empty() && url_at < close => {
                // Around the link, the spaces its text had.
                let lead = after[..url_at].len() - after[..url_at].trim_start().len();
                out.push_str(&after[..lead]);
                out.push_str(&format!("[{text}](<{url}>)"));
                if after[..url_at].ends_with(' ') {
                    out.push(' ');
                }
            }
            _ => out.push_str(&after[..url_at.min(close)]),
        }
        rest = &after[close + LINK_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// The title with each letter that has no Latin form of its own (`slug` keeps "ü" as
/// "u") replaced by its transliteration.
fn transliterated(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        let latin = std::iter::once(c).nfkd().any(|d| d.is_ascii_alphanumeric());
        match deunicode::deunicode_char(c) {
            Some(ascii) if c.is_alphanumeric() && !latin => {
                // A syllable of a script without spaces ("Bei ") is a word of its own;
                // a letter of an alphabet ("P") is not.
                if ascii.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(ascii);
            }
            _ => out.push(c),
        }
    }
    out
}

/// FNV-1a: a hash that is the same on every machine and every Rust release.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The Markdown body: paragraphs, headings at their page's level (`##` at most),
/// block quotes, list items and captions, separated by blank lines.
pub(super) fn body(
    pieces: &[Piece],
    fate: &[Fate],
    paragraphs: &[std::ops::Range<usize>],
) -> String {
    let blocks: Vec<String> = paragraphs
        .iter()
        .map(|range| {
            if fate[range.start] == Fate::Heading {
                let mut h = escape_inline(&pieces[range.start].text);
                // A heading's trailing `#` would be read as a closing sequence.
                if h.ends_with('#') {
                    h.insert(h.len() - 1, '\\');
                }
                let level = match pieces[range.start].mark {
                    Mark::Level(n) => n.clamp(2, 6),
                    _ => 2,
                };
                format!("{} {h}", "#".repeat(level))
            } else {
                let lines: Vec<String> = pieces[range.clone()]
                    .iter()
                    .map(|p| match &p.markup {
                        Some(markup) => with_links(&escape_line(markup), &p.links),
                        None => escape_line(&p.text),
                    })
                    .collect();
                match pieces[range.start].mark {
                    Mark::Quote => lines
                        .iter()
                        .map(|l| format!("> {l}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Mark::Item { numbered } => {
                        let marker = if numbered { "1. " } else { "- " };
                        let indent = " ".repeat(marker.len());
                        let mut item = String::new();
                        for (i, l) in lines.iter().enumerate() {
                            if i > 0 {
                                item.push('\n');
                            }
                            item.push_str(if i == 0 { marker } else { &indent });
                            item.push_str(l);
                        }
                        item
                    }
                    // Emphasis sets a caption apart from the article's own paragraphs.
                    Mark::Caption => lines
                        .iter()
                        .map(|l| format!("*{l}*"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Mark::Plain | Mark::Level(_) => lines.join("\n"),
                }
            }
        })
        .collect();
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// A YAML double-quoted scalar: any text, safely.
pub(super) fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Control characters, and what YAML 1.1 reads as line breaks.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A line of a paragraph, escaped so that Markdown shows it as the plain text it was: a
/// line may not start a heading, a quote or a list, and inline markup is escaped.
fn escape_line(line: &str) -> String {
    let out = escape_inline(line);
    let bytes = out.as_bytes();
    let space_or_end = |i: usize| bytes.get(i).is_none_or(|b| *b == b' ' || *b == b'\t');
    let hashes = bytes.iter().take_while(|b| **b == b'#').count();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let at = match bytes.first() {
        Some(b'#') if hashes <= 6 && space_or_end(hashes) => Some(0),
        Some(b'>') => Some(0),
        Some(b'-' | b'+') if space_or_end(1) => Some(0),
        Some(b'0'..=b'9')
            if digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && space_or_end(digits + 1) =>
        {
            Some(digits)
        }
        _ => None,
    };
    match at {
        Some(i) => format!("{}\\{}", &out[..i], &out[i..]),
        None => out,
    }
}

/// Escapes the characters that would become Markdown markup inside a line: emphasis,
/// code, links, strikethrough, raw HTML and entities. Anything else is left as written.
fn escape_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' => next.is_some_and(|n| n.is_ascii_punctuation()),
            '*' | '`' | '[' | '~' => true,
            // An underscore inside a word never starts emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => entity_at(&chars[i..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the text starts with an HTML entity: `&amp;`, `&#39;`, `&#x27;`.
fn entity_at(chars: &[char]) -> bool {
    let Some(end) = chars.iter().take(34).position(|&c| c == ';') else {
        return false;
    };
    let inner = &chars[1..end];
    match inner {
        ['#', 'x' | 'X', hex @ ..] => !hex.is_empty() && hex.iter().all(char::is_ascii_hexdigit),
        ['#', dec @ ..] => !dec.is_empty() && dec.iter().all(char::is_ascii_digit),
        [first, ..] => first.is_ascii_alphabetic() && inner.iter().all(char::is_ascii_alphanumeric),
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::valid_id;

    #[test]
    fn ids_are_cut_at_a_word() {
        let table = [
            (
                "Cuban security advisers leave Venezuela amid US pressure",
                "cuban-security-advisers-leave-venezuela-amid-us-pressure",
            ),
            (
                "Political prisoner release promise stalls amid internal power struggle in Venezuela",
                "political-prisoner-release-promise-stalls-amid-internal",
            ),
            (
                "宇航员在太空中喝酒会怎么样？后果很严重",
                "yu-hang-yuan-zai-tai-kong-zhong-he-jiu-hui-zen-me-yang-hou",
            ),
            ("Путин и Зеленский", "putin-i-zelenskii"),
            ("Türkiye’s “new” line", "turkiyes-new-line"),
            ("¿?", "article-2305dbc3"),
        ];
        for (title, id) in table {
            let got = article_id(title);
            assert_eq!(got, id);
            assert!(valid_id(&got), "{got}");
        }
        assert_eq!(article_id(&"x".repeat(70)).len(), 60);
    }

    #[test]
    fn markdown_line_starts_and_inline_markup_are_escaped() {
        let table: &[(&str, &str)] = &[
            ("# not a heading", "\\# not a heading"),
            ("#MeToo spread", "#MeToo spread"),
            ("> not a quote", "\\> not a quote"),
            ("- not a list", "\\- not a list"),
            ("-5 degrees", "-5 degrees"),
            ("+ plus", "\\+ plus"),
            ("1. not a list", "1\\. not a list"),
            ("2026) was a year", "2026\\) was a year"),
            ("1.5 million people", "1.5 million people"),
            ("* star", "\\* star"),
            ("a *b* c", "a \\*b\\* c"),
            (
                "snake_case stays, _emphasis_ does not",
                "snake_case stays, \\_emphasis\\_ does not",
            ),
            ("[sic] and `code`", "\\[sic] and \\`code\\`"),
            ("a <b>tag</b> and 3 < 4", "a \\<b>tag\\</b> and 3 < 4"),
            ("AT&T and &amp; and &#39;", "AT&T and \\&amp; and \\&#39;"),
            (
                "~strike~ and a\\b and a\\*",
                "\\~strike\\~ and a\\b and a\\\\\\*",
            ),
            ("“Quotes” — dashes … stay", "“Quotes” — dashes … stay"),
        ];
        for (line, want) in table {
            assert_eq!(escape_line(line), *want, "{line}");
        }
    }

    #[test]
    fn escaped_text_reads_back_as_written() {
        let lines = [
            "# not a heading",
            "> not a quote",
            "1. not a list",
            "a *b* c_d _e_ [f](g) <b>h</b> &amp; `i` ~j~ \\k \\*",
        ];
        for line in lines {
            let md = escape_line(line);
            let blocks = crate::markdown::blocks(&md);
            assert_eq!(blocks.len(), 1, "{md}");
            assert_eq!(
                blocks[0].kind,
                crate::markdown::BlockKind::Paragraph,
                "{md}"
            );
            assert_eq!(blocks[0].text, line, "{md}");
        }
    }

    #[test]
    fn yaml_strings_are_double_quoted() {
        assert_eq!(yaml_string("Plain"), "\"Plain\"");
        assert_eq!(yaml_string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(yaml_string("x: y # z"), "\"x: y # z\"");
        assert_eq!(yaml_string("a\u{7}b\u{2028}"), "\"a\\u0007b\\u2028\"");
    }
}

//! *Line rules*: what one line of a scraped page is — furniture with its reason, a
//! headline, a subheading, a byline. Each takes the line trimmed.

use super::pipeline::Style;

// Rules about the text as a whole.

/// Whether the input is HTML rather than plain text.
pub(super) fn looks_like_html(text: &str) -> bool {
    if text.trim_start().starts_with('<') {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    lower.contains("<p>") || lower.contains("<p ") || lower.contains("<html")
}

/// How the text separates paragraphs. Blank lines after most lines mean blocks. So does
/// text wrapped at a fixed width: short lines that mostly break off mid-sentence. Lines
/// with hardly a blank line between them, each ending its sentence, are one paragraph
/// each, however short.
pub(super) fn style(lines: &[&str]) -> Style {
    let line = |i: usize| lines.get(i).map_or("", |l| l.trim());
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !line(i).is_empty()).collect();
    let (ends, runs_on): (Vec<usize>, Vec<usize>) =
        nonblank.iter().partition(|&&i| line(i + 1).is_empty());
    let broken = runs_on.iter().filter(|&&i| !ends_sentence(line(i))).count();
    let wrapped = nonblank.len() >= 3
        && nonblank.iter().all(|&i| line(i).chars().count() <= 100)
        && !runs_on.is_empty()
        && broken * 2 >= runs_on.len();
    if ends.len() * 2 >= nonblank.len() || wrapped {
        Style::Blocks
    } else {
        Style::Lines
    }
}

// Rules about one line. Each takes the line trimmed.

pub(super) fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

fn has_letter(line: &str) -> bool {
    line.chars().any(char::is_alphabetic)
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']')
}

/// The line's last character that is not a closing quote or bracket.
fn final_mark(line: &str) -> Option<char> {
    line.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace())
        .chars()
        .next_back()
}

/// Whether a line ends like a sentence (or a clause that goes on).
pub(super) fn ends_sentence(line: &str) -> bool {
    matches!(
        final_mark(line),
        Some('.' | '!' | '?' | ':' | ';' | ',' | '…')
    )
}

/// Page furniture that may stand anywhere: the reason, or `None` for article text.
pub(super) fn furniture(line: &str) -> Option<&'static str> {
    let lower = line.to_lowercase();
    let n = words(line);
    if separator(line) {
        return Some("separator");
    }
    if !line.chars().any(char::is_alphanumeric) {
        // "/", "|", "»": breadcrumb and menu separators.
        return Some("navigation");
    }
    if navigation(&lower) {
        return Some("navigation");
    }
    if n <= 10
        && (lower == "share"
            || lower == "share:"
            || [
                "share this",
                "share on ",
                "share via ",
                "share article",
                "share story",
            ]
            .iter()
            .any(|p| lower.starts_with(p)))
    {
        return Some("share widget");
    }
    if photo_credit(&lower, n) {
        return Some("photo credit");
    }
    if comments(&lower, n) {
        return Some("comments widget");
    }
    if copyright(&lower) {
        return Some("copyright");
    }
    if n <= 12 && lower.starts_with("distributed by ") {
        return Some("distribution");
    }
    if n <= 10
        && [
            "published in ",
            "posted in ",
            "filed under",
            "filed in ",
            "category:",
            "categories:",
            "tags:",
            "topics:",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("section label");
    }
    if ADVERTISEMENT.contains(&lower.as_str()) {
        return Some("advertisement");
    }
    if n <= 20
        && [
            "read more",
            "read also",
            "see also",
            "also read",
            "related:",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("related link");
    }
    None
}

const ADVERTISEMENT: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "scroll to continue",
    "scroll to continue with content",
];

/// A line of dashes, rules or asterisks: "———", "* * *", "___".
pub(super) fn separator(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    !marks.is_empty()
        && marks.iter().all(|c| {
            matches!(
                c,
                '-' | '–' | '—' | '―' | '_' | '*' | '=' | '~' | '•' | '·' | '#' | '+'
            )
        })
}

/// Words that make up a menu, a login bar or a row of social links.
const NAVIGATION: &[&str] = &[
    "close",
    "menu",
    "search",
    "home",
    "newsletters",
    "newsletter",
    "subscribe",
    "login",
    "log",
    "sign",
    "in",
    "up",
    "out",
    "register",
    "account",
    "x",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "print",
    "reddit",
    "threads",
    "bluesky",
    "pinterest",
    "rss",
    "current",
    "news",
    "latest",
    "skip",
    "to",
    "content",
    "navigation",
    "toggle",
    "back",
    "top",
    "more",
];

/// A short line made only of navigation words: "Close", "newsletters Newsletters",
/// "X Instagram Youtube", "Current News".
pub(super) fn navigation(lower: &str) -> bool {
    let tokens: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    !tokens.is_empty() && tokens.len() <= 6 && tokens.iter().all(|w| NAVIGATION.contains(w))
}

/// "Photo", "BigPhoto", "Photo: Reuters", "(AFP Photo)", "Getty Images".
fn photo_credit(lower: &str, n: usize) -> bool {
    if n == 1
        && ["photo", "image", "gallery"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return true;
    }
    let prefixes = [
        "photo:",
        "photo by",
        "photo credit",
        "photos:",
        "photograph:",
        "photograph by",
        "image:",
        "image credit",
        "images:",
        "credit:",
        "picture:",
        "(photo",
        "getty images",
    ];
    n <= 8
        && (prefixes.iter().any(|p| lower.starts_with(p))
            || (lower.starts_with('(') && lower.ends_with(')') && lower.contains("photo"))
            || (n <= 3 && (lower.ends_with(" photo") || lower.ends_with(" photos"))))
}

/// "Comments", "12 comments", "blog comments powered by Disqus".
pub(super) fn comments(lower: &str, n: usize) -> bool {
    const EXACT: &[&str] = &[
        "comments",
        "comment",
        "leave a comment",
        "add a comment",
        "add comment",
        "post a comment",
        "show comments",
        "view comments",
        "join the conversation",
    ];
    let counted = {
        let mut t = lower.split_whitespace();
        n == 2
            && t.next()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
            && t.next().is_some_and(|w| w.starts_with("comment"))
    };
    EXACT.contains(&lower)
        || counted
        || lower.contains("comments powered by")
        || (n <= 6 && lower.contains("disqus"))
}

/// "©2026 Miami Herald. Visit at miamiherald.com. Distributed by …", "Copyright 2026 …",
/// "… All rights reserved."
pub(super) fn copyright(lower: &str) -> bool {
    let rest = lower.strip_prefix("copyright").map(str::trim_start);
    lower.starts_with('©')
        || lower
            .strip_prefix("(c)")
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        || rest.is_some_and(|r| {
            r.starts_with('©')
                || r.starts_with("(c)")
                || r.starts_with(|c: char| c.is_ascii_digit())
        })
        || lower.trim_end_matches('.').ends_with("all rights reserved")
}

/// A line that opens the list of other stories at the end of a page: "More From
/// Türkiye Today", "Related Articles".
pub(super) fn related_links(line: &str) -> bool {
    const EXACT: &[&str] = &[
        "related",
        "related articles",
        "related stories",
        "related news",
        "related content",
        "read next",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "more stories",
        "most read",
        "most popular",
        "trending",
        "trending now",
    ];
    let lower = line.to_lowercase();
    (lower.starts_with("more from") && words(line) <= 8)
        || EXACT.contains(&lower.trim_end_matches(':'))
}

/// A caption ends with a credit in brackets: "… on December 4, 2025. (AFP Photo)".
pub(super) fn caption(line: &str) -> bool {
    let Some(open) = line.rfind('(') else {
        return false;
    };
    let credit = line[open..].to_lowercase();
    line.ends_with(')')
        && words(&credit) <= 4
        && ["photo", "image", "getty", "file"]
            .iter()
            .any(|w| credit.contains(w))
}

/// Whether the line at the top of the text is its headline. A headline has three to
/// twenty words and does not end like a sentence — except in a text of one paragraph
/// per line, where a blank line after it sets it apart (some sites end headlines with
/// a full stop). A question or an exclamation may end a headline anywhere.
pub(super) fn headline(line: &str, style: Style, set_apart: bool) -> bool {
    let n = words(line);
    if !(3..=20).contains(&n) || line.starts_with('(') || !has_letter(line) {
        return false;
    }
    match final_mark(line) {
        Some('.') => style == Style::Lines && set_apart,
        Some(':' | ';' | ',' | '…') => false,
        _ => true,
    }
}

/// Small words that stay lowercase in a title-case heading.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "de", "del", "el", "for", "from", "in", "into",
    "la", "nor", "of", "on", "or", "over", "per", "the", "to", "vs", "vs.", "via", "with", "y",
];

/// "Top Venezuelan Official Wanted by U.S. Government".
fn title_case(line: &str) -> bool {
    let mut checked = 0;
    for (i, word) in line.split_whitespace().enumerate() {
        let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_lowercase();
        if i > 0 && SMALL_WORDS.contains(&bare.as_str()) {
            continue;
        }
        if !first.is_uppercase() {
            return false;
        }
        checked += 1;
    }
    checked > 0
}

/// "TRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS".
fn all_caps(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !line.chars().any(char::is_lowercase)
}

/// Whether a one-line paragraph of the body is a subheading: it does not end like a
/// sentence, and is in capitals or title case (up to 16 words: news headings run
/// long), or — where blank lines set every paragraph apart — is short, up to 10 words,
/// in any case ("Shift in presidential security").
pub(super) fn heading(line: &str, style: Style) -> bool {
    if line.starts_with('(') || ends_sentence(line) || !has_letter(line) || caption(line) {
        return false;
    }
    let n = words(line);
    ((all_caps(line) || title_case(line)) && n <= 16) || (style == Style::Blocks && n <= 10)
}

/// Name particles that may be lowercase inside a person's name.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "das", "do", "dos", "van", "von", "der", "den", "di", "du", "la",
    "le", "el", "y", "bin", "ibn", "al", "and", "&",
];

/// Whether the text is a person's name, or two joined by "and": two to eight words, each
/// capitalised or a particle, no digits.
pub(super) fn person_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split_whitespace().collect();
    (2..=8).contains(&parts.len())
        && !name.chars().any(|c| c.is_ascii_digit())
        && parts.iter().all(|w| {
            PARTICLES.contains(&w.to_lowercase().as_str())
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && parts
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The word a byline starts with: "By", and as French, Spanish, Portuguese and German
/// pages write it.
const BY: &[&str] = &["by ", "par ", "por ", "von "];

/// The author named by a byline: "By Jane Doe", "By Jane Doe, Reuters", "Par Sébastien
/// Farcis", or the syndication form "Antonio María Delgado, Miami Herald on" (the date
/// that followed "on" did not survive the scrape).
pub(super) fn byline(line: &str) -> Option<String> {
    if words(line) > 12 {
        return None;
    }
    let by = BY.iter().find_map(|by| {
        line.get(..by.len())
            .filter(|p| p.eq_ignore_ascii_case(by))
            .map(|_| line[by.len()..].trim())
    });
    let rest = match by {
        Some(rest) => rest,
        None => {
            let rest = line.strip_suffix(" on")?;
            if !rest.contains(',') {
                return None;
            }
            rest
        }
    };
    let end = [",", " | ", " - ", " – ", " — ", " for "]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    person_name(name).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_from_the_seeds() {
        let table: &[(&str, Option<&str>)] = &[
            ("Close", Some("navigation")),
            ("newsletters Newsletters", Some("navigation")),
            ("X Instagram Youtube", Some("navigation")),
            ("Current News", Some("navigation")),
            ("/", Some("navigation")),
            ("Photo", Some("photo credit")),
            ("BigPhoto", Some("photo credit")),
            ("(AFP Photo)", Some("photo credit")),
            ("Photo: Reuters", Some("photo credit")),
            ("Share this @internewscast.com", Some("share widget")),
            ("Comments", Some("comments widget")),
            ("blog comments powered by Disqus", Some("comments widget")),
            ("12 comments", Some("comments widget")),
            ("———", Some("separator")),
            ("* * *", Some("separator")),
            (
                "©2026 Miami Herald. Visit at miamiherald.com. Distributed by Tribune Content Agency, LLC.",
                Some("copyright"),
            ),
            (
                "Copyright 2026 The Courier. All rights reserved.",
                Some("copyright"),
            ),
            ("(c) 2026 The Courier", Some("copyright")),
            ("(c) the council shall publish its minutes", None),
            ("Published in News & Features", Some("section label")),
            ("Advertisement", Some("advertisement")),
            ("Read more: Cuba confirms 32 dead", Some("related link")),
            // Article text that must stay.
            ("Families wait", None),
            (
                "He said at least $100 billion would be invested by major oil companies.",
                None,
            ),
            (
                "(A Miami Herald correspondent in Venezuela contributed to this report.)",
                None,
            ),
            ("Copyright lawyers disagree on what the ruling means.", None),
            ("Shift in presidential security", None),
            ("“The coup-proofing worked brilliantly.”", None),
            (
                "Aid distributed by the Red Cross reached the town on Monday.",
                None,
            ),
            (
                "Photographers were kept away from the ceremony for hours.",
                None,
            ),
        ];
        for (line, reason) in table {
            assert_eq!(furniture(line), *reason, "{line}");
        }
    }

    #[test]
    fn related_links_open_the_tail() {
        for yes in [
            "More From Türkiye Today",
            "Related Articles",
            "You may also like:",
        ] {
            assert!(related_links(yes), "{yes}");
        }
        for no in [
            "More from the hearing is expected on Monday, officials said today.",
            "Recommended reading list for analysts",
        ] {
            assert!(!related_links(no), "{no}");
        }
    }

    #[test]
    fn bylines() {
        let table: &[(&str, Option<&str>)] = &[
            (
                "Antonio María Delgado, Miami Herald on",
                Some("Antonio María Delgado"),
            ),
            ("By Jane Doe", Some("Jane Doe")),
            ("BY JANE DOE, Reuters", Some("JANE DOE")),
            (
                "By Jane Doe and John Roe | The Courier",
                Some("Jane Doe and John Roe"),
            ),
            ("By Ana de la Cruz for The Courier", Some("Ana de la Cruz")),
            ("By Sunday, most had left.", None),
            ("By the numbers", None),
            ("Rodríguez vs. Cabello, round one", None),
            ("Caracas, Venezuela", None),
            ("Published in News & Features", None),
            ("Par Sébastien Farcis", Some("Sébastien Farcis")),
            ("Por Juan Pérez, desde Madrid", Some("Juan Pérez")),
            ("Von Anna Schmidt", Some("Anna Schmidt")),
            ("Par ailleurs, le gouvernement", None),
            ("Por la tarde", None),
        ];
        for (line, want) in table {
            assert_eq!(byline(line).as_deref(), *want, "{line}");
        }
    }

    #[test]
    fn headlines_and_headings() {
        use Style::*;
        let headlines: &[(&str, Style, bool, bool)] = &[
            (
                "Cuban security advisers leave Venezuela amid US pressure",
                Blocks,
                true,
                true,
            ),
            (
                "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
                Lines,
                true,
                true,
            ),
            (
                "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
                Lines,
                false,
                false,
            ),
            (
                "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
                Blocks,
                true,
                false,
            ),
            ("Is Cuba leaving Venezuela?", Blocks, true, true),
            ("ArcaMax", Blocks, true, false),
            (
                "Cuba has confirmed the deaths of 32 of its nationals, who were described by the government as part of the island’s armed forces",
                Lines,
                false,
                false,
            ),
        ];
        for (line, style, apart, want) in headlines {
            assert_eq!(headline(line, *style, *apart), *want, "{line}");
        }
        let headings: &[(&str, Style, bool)] = &[
            (
                "TRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS",
                Lines,
                true,
            ),
            ("RETURN FLIGHTS TO CUBA", Lines, true),
            (
                "Top Venezuelan Official Wanted by U.S. Government",
                Lines,
                true,
            ),
            (
                "Assembly President Confirms Release of Political Prisoners After Passing of General Amnesty Bill",
                Lines,
                true,
            ),
            ("Shift in presidential security", Blocks, true),
            ("Shift in presidential security", Lines, false),
            ("Rodríguez vs. Cabello, round one", Blocks, true),
            (
                "Trump celebrates — and pauses further attacks",
                Blocks,
                true,
            ),
            ("‘Not real freedom’", Blocks, true),
            ("Families wait", Blocks, true),
            (
                "He said at least $100 billion would be invested by major oil companies.",
                Blocks,
                false,
            ),
            (
                "(A Miami Herald correspondent in Venezuela contributed to this report.)",
                Blocks,
                false,
            ),
            (
                "However, such claims have not been confirmed by any government.",
                Lines,
                false,
            ),
            (
                "U.S. President Donald Trump delivers remarks during the inaugural meeting of the \"Board of Peace\" (AFP Photo)",
                Blocks,
                false,
            ),
        ];
        for (line, style, want) in headings {
            assert_eq!(heading(line, *style), *want, "{line} ({style:?})");
        }
    }

    #[test]
    fn paragraph_styles() {
        let blocks = ["Title", "", "One long paragraph here.", "", "Two.", ""];
        assert_eq!(style(&blocks), Style::Blocks);
        let lines = [
            "Cuban security personnel withdraw from Venezuela amid escalating US pressure.",
            "",
            "Short paragraphs, one per line.",
            "Each of them ends its sentence.",
            "TRUMP SEEKS TERMINATION OF VENEZUELA-CUBA RELATIONS",
            "So they are not a paragraph wrapped at a fixed width.",
            "Even when they are short.",
        ];
        assert_eq!(style(&lines), Style::Lines);
        let wrapped = [
            "A paragraph wrapped at a fixed width, as plain-text e-mail and",
            "some archives deliver it, runs over several short lines that",
            "belong together.",
            "",
            "The next paragraph starts after a blank line and wraps the same",
            "way, so the lines are short and of even length.",
        ];
        assert_eq!(style(&wrapped), Style::Blocks);
    }
}

//! The *metadata* an import finds at the top of an article: its title (the headline, or
//! the page's `<title>`) and its author (a byline).

use super::pipeline::{BYLINE, Fate, HEADLINE, Kind, PAGE_TITLE, Piece, Style};
use super::rules::{byline, ends_sentence, headline, words};

/// A headline as a title: without the full stop some sites end headlines with, unless
/// the stop belongs to an abbreviation ("… U.S.").
fn title_from_headline(line: &str) -> String {
    match line.strip_suffix('.') {
        Some(rest)
            if !rest.ends_with('.') && !rest.rsplit(' ').next().unwrap_or("").contains('.') =>
        {
            rest.to_string()
        }
        _ => line.to_string(),
    }
}

/// What the top of the article says about it.
#[derive(Debug, Default)]
pub(super) struct Head {
    pub(super) title: Option<String>,
    /// The author and the byline they came from.
    pub(super) author: Option<(String, String)>,
}

/// The head of a plain text: short navigation lines, the headline, a byline, up to the
/// first line of the article itself.
pub(super) fn plain_head(pieces: &[Piece], style: Style, fate: &mut [Fate]) -> Head {
    let mut head = Head::default();
    for i in 0..pieces.len() {
        let p = &pieces[i];
        if p.kind == Kind::Blank || fate[i] != Fate::Keep {
            continue;
        }
        if head.author.is_none()
            && let Some(name) = byline(&p.text)
        {
            head.author = Some((name, p.text.clone()));
            fate[i] = Fate::Strip(BYLINE);
            continue;
        }
        if head.title.is_none() {
            let set_apart = pieces.get(i + 1).is_none_or(|n| n.kind == Kind::Blank);
            if headline(&p.text, style, set_apart) {
                head.title = Some(title_from_headline(&p.text));
                fate[i] = Fate::Strip(HEADLINE);
                continue;
            }
            if words(&p.text) <= 3 && !ends_sentence(&p.text) {
                fate[i] = Fate::Strip("navigation (before the headline)");
                continue;
            }
        }
        break;
    }
    head
}

/// The head of an HTML page: the first `<h1>` is the headline and whatever comes before
/// it is page furniture; without one, `<title>` gives the title.
pub(super) fn html_head(pieces: &[Piece], fate: &mut [Fate]) -> Head {
    let mut head = Head::default();
    let mut page_title = None;
    for (i, p) in pieces.iter().enumerate() {
        if p.kind == Kind::PageTitle {
            fate[i] = Fate::Strip(PAGE_TITLE);
            page_title.get_or_insert_with(|| site_suffix_removed(&p.text));
        }
    }
    let h1 = pieces
        .iter()
        .enumerate()
        .position(|(i, p)| p.kind == Kind::Headline && fate[i] == Fate::Keep);
    let mut start = 0;
    if let Some(h) = h1 {
        for i in 0..h {
            if pieces[i].kind == Kind::Blank || fate[i] != Fate::Keep {
                continue;
            }
            if head.author.is_none()
                && let Some(name) = byline(&pieces[i].text)
            {
                head.author = Some((name, pieces[i].text.clone()));
                fate[i] = Fate::Strip(BYLINE);
            } else {
                fate[i] = Fate::Strip("before the headline");
            }
        }
        head.title = Some(pieces[h].text.clone());
        fate[h] = Fate::Strip(HEADLINE);
        start = h + 1;
    } else {
        head.title = page_title.filter(|t| !t.is_empty());
    }
    for i in start..pieces.len() {
        if pieces[i].kind == Kind::Blank || fate[i] != Fate::Keep {
            continue;
        }
        if head.author.is_none()
            && let Some(name) = byline(&pieces[i].text)
        {
            head.author = Some((name, pieces[i].text.clone()));
            fate[i] = Fate::Strip(BYLINE);
            continue;
        }
        break;
    }
    head
}

/// "Headline | Site" → "Headline".
fn site_suffix_removed(title: &str) -> String {
    title
        .split(" | ")
        .next()
        .unwrap_or(title)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_loses_its_full_stop_but_not_an_abbreviation() {
        let table = [
            ("Cubans leave Venezuela.", "Cubans leave Venezuela"),
            (
                "Cuban official wanted by the U.S.",
                "Cuban official wanted by the U.S.",
            ),
            ("Wait...", "Wait..."),
            ("No stop", "No stop"),
        ];
        for (line, title) in table {
            assert_eq!(title_from_headline(line), title);
        }
    }
}

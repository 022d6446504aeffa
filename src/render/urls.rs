//! *Addresses*: where each kind of page lives, below the site's top. Every address
//! the site links to or writes a file at is made here, so a link and the file it
//! points at cannot drift apart. An address is relative to the top and ends in a
//! slash for a page (whose file is `index.html` in that folder); a page's link joins
//! it to the page's `root` (`../../`), a canonical URL to the base URL.

/// The list of every article.
pub(crate) const ARTICLES: &str = "articles/";
/// The list of every person.
pub(crate) const PEOPLE: &str = "people/";
/// The list of every outlet.
pub(crate) const OUTLETS: &str = "outlets/";
/// The articles whose outlet is not stated.
pub(crate) const UNATTRIBUTED: &str = "outlets/unknown/";
/// The comparisons, curated and found.
pub(crate) const COMPARE: &str = "compare/";
/// The timeline's index of years and months.
pub(crate) const TIMELINE: &str = "timeline/";
/// Where each event's anchor is, for links made before the timeline had a page per
/// month.
pub(crate) const TIMELINE_ANCHORS: &str = "timeline/events.json";
/// The events whose sources disagree.
pub(crate) const CONFLICTS: &str = "timeline/conflicts/";
pub(crate) const SEARCH: &str = "search/";
pub(crate) const REPORT: &str = "report/";
/// What the data exports hold; the exports are files below it.
pub(crate) const DATA: &str = "data/";
pub(crate) const FEED: &str = "feed.xml";

/// The file a page's address is written to.
pub(crate) fn file(address: &str) -> String {
    format!("{address}index.html")
}

pub(crate) fn person(id: &str) -> String {
    format!("people/{id}/")
}

/// One of a person's lists: `mentions`, `articles`, `quotes` or `events`.
pub(crate) fn person_list(id: &str, list: &str) -> String {
    format!("people/{id}/{list}/")
}

pub(crate) fn person_feed(id: &str) -> String {
    format!("people/{id}/feed.xml")
}

pub(crate) fn article(id: &str) -> String {
    format!("articles/{id}/")
}

/// A paragraph of an article, by its number from 1: the anchor every citation,
/// mention and difference links to.
pub(crate) fn paragraph(article: &str, paragraph: usize) -> String {
    format!("articles/{article}/#p{paragraph}")
}

/// A curated comparison or a found story: both live below `compare/`, and their ids
/// are kept apart when the analysis names stories.
pub(crate) fn comparison(id: &str) -> String {
    format!("compare/{id}/")
}

/// One of a story's lists: `articles` (its members) or `pairs`.
pub(crate) fn story_list(id: &str, list: &str) -> String {
    format!("compare/{id}/{list}/")
}

/// The page of a pair of articles compared side by side, by the two articles' ids.
pub(crate) fn pair(a: &str, b: &str) -> String {
    format!("compare/pairs/{a}/{b}/")
}

pub(crate) fn outlet(id: &str) -> String {
    format!("outlets/{id}/")
}

/// The copies and rewrites of an outlet's articles that other outlets published.
pub(crate) fn outlet_copies(id: &str) -> String {
    format!("outlets/{id}/copies/")
}

/// The timeline's page of a year (`month` 0) or of a month of it.
pub(crate) fn period(year: i32, month: u32) -> String {
    if month == 0 {
        format!("timeline/{year}/")
    } else {
        format!("timeline/{year}/{month:02}/")
    }
}

/// What follows a list's address for its page `n` (from 1): nothing for the first
/// page, which is the list's own address, `page/<n>/` for the others.
pub(crate) fn page_suffix(n: u32) -> String {
    if n <= 1 {
        String::new()
    } else {
        format!("page/{n}/")
    }
}

/// The shortest relative link from the page at the folder address `from` to the
/// folder address `to`, both from the top of the site (`people/x/mentions/page/3/`,
/// and `` for the top): `../4/`, `../../`, and `./` for the page itself. A pager's
/// links, to pages of its own list, need not climb to the top of the site and back.
pub(crate) fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - shared);
    for part in &to[shared..] {
        out.push_str(part);
        out.push('/');
    }
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_link_climbs_only_to_what_two_addresses_share() {
        let cases = [
            (
                "people/x/mentions/page/3/",
                "people/x/mentions/page/4/",
                "../4/",
            ),
            ("people/x/mentions/page/3/", "people/x/mentions/", "../../"),
            ("people/x/mentions/", "people/x/mentions/page/2/", "page/2/"),
            ("people/x/mentions/", "people/x/mentions/", "./"),
            ("articles/page/2/", "", "../../../"),
            ("", "articles/", "articles/"),
            ("people/x/", "people/y/", "../y/"),
        ];
        for (from, to, link) in cases {
            assert_eq!(relative(from, to), link, "{from} → {to}");
        }
    }

    #[test]
    fn addresses_end_in_a_slash_and_files_in_index_html() {
        let cases = [
            (person("delcy"), "people/delcy/"),
            (person_list("delcy", "quotes"), "people/delcy/quotes/"),
            (article("a-1"), "articles/a-1/"),
            (paragraph("a-1", 3), "articles/a-1/#p3"),
            (comparison("c"), "compare/c/"),
            (story_list("s", "pairs"), "compare/s/pairs/"),
            (pair("a", "b"), "compare/pairs/a/b/"),
            (outlet("ap"), "outlets/ap/"),
            (outlet_copies("ap"), "outlets/ap/copies/"),
            (period(2024, 0), "timeline/2024/"),
            (period(2024, 3), "timeline/2024/03/"),
            (page_suffix(1), ""),
            (page_suffix(2), "page/2/"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        assert_eq!(file(&person("x")), "people/x/index.html");
    }
}

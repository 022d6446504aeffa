//! The *metadata* an import finds about an article: its title, author, publication date,
//! canonical URL, site name and language. A page says most of it in its head — Open
//! Graph and `article:` meta tags, JSON-LD, Dublin Core, `<link rel=canonical>`,
//! `<html lang>` — and the rest in its text: the headline, a byline, a `<time>`. Each
//! value is [`Found`] with where it came from, so the article file can say.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::dates::date_line;
use super::pipeline::{BYLINE, Fate, HEADLINE, Kind, PAGE_TITLE, Piece, Style};
use super::rules::{byline, ends_sentence, headline, person_name, words};
use crate::lang::Language;

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
    // A first `<h1>` that shares no word with the page's `<title>` names a section or the
    // site ("Allergies Health Center"); a heading that says what the title says is the
    // headline then.
    let h1 = match (h1, &page_title) {
        (Some(h), Some(title)) if !shares_a_word(&pieces[h].text, title) => pieces
            .iter()
            .enumerate()
            .position(|(i, p)| {
                matches!(p.kind, Kind::Headline | Kind::Heading)
                    && fate[i] == Fate::Keep
                    && same_words(&p.text, title)
            })
            .or(h1),
        _ => h1,
    };
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

/// The lowercased words of a text, letters and digits only.
fn word_list(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two texts share a word longer than a particle's ("and", "of", "la").
fn shares_a_word(a: &str, b: &str) -> bool {
    let b = word_list(b);
    word_list(a)
        .iter()
        .any(|w| w.chars().count() > 3 && b.contains(w))
}

/// The characters of an element's text, up to a little past 200: enough to tell a
/// byline from a box.
fn chars_in(el: ElementRef) -> usize {
    let mut n = 0;
    for t in el.text() {
        n += t.trim().chars().count();
        if n > 200 {
            break;
        }
    }
    n
}

fn same_words(a: &str, b: &str) -> bool {
    let a = word_list(a);
    !a.is_empty() && a == word_list(b)
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

/// A value found about the article, and where: `og:title`, `JSON-LD datePublished`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub(super) value: String,
    pub(super) source: String,
}

pub(super) fn found(value: impl Into<String>, source: impl Into<String>) -> Found {
    Found {
        value: value.into(),
        source: source.into(),
    }
}

/// What a page's markup says about its article, each value from the most telling source
/// that gives one.
#[derive(Debug, Default)]
pub(super) struct PageMeta {
    pub(super) title: Option<Found>,
    /// From the head: a meta tag or JSON-LD.
    pub(super) author: Option<Found>,
    /// From an element marked as the author's or as a byline: weaker than a byline line.
    pub(super) marked_author: Option<Found>,
    /// From the head or a `datePublished` mark-up: the publisher's own statement.
    pub(super) published: Option<Found>,
    /// A `<time datetime>` in the page: weaker than a date line, since it may date
    /// another story on the page.
    pub(super) time_element: Option<Found>,
    pub(super) url: Option<Found>,
    /// The day in the canonical URL's path (`/2015/03/18/`): the weakest date of all.
    pub(super) url_date: Option<Found>,
    pub(super) site_name: Option<Found>,
    pub(super) language: Option<Found>,
}

/// Meta tag names that give each value, most telling first.
const META_TITLE: &[&str] = &[
    "dc:title",
    "dc.title",
    "dcterm:title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "parsely-title",
];
const META_AUTHOR: &[&str] = &[
    "dc:creator",
    "dc.creator",
    "dcterm:creator",
    "dcterms.creator",
    "author",
    "parsely-author",
    "article:author",
    "byl",
    "sailthru.author",
];
const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "parsely-pub-date",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "sailthru.date",
];
const META_SITE: &[&str] = &["og:site_name", "application-name"];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selectors of this module are valid")
}

/// Reads what the page's markup says about its article.
pub(super) fn page_meta(doc: &Html, language: &'static Language) -> PageMeta {
    let meta_date = |v: &str| meta_date(v, language);
    let mut tags: Vec<(String, String)> = Vec::new();
    for el in doc.select(&selector("meta[content]")) {
        let content = collapse(el.value().attr("content").unwrap_or(""));
        if content.is_empty() {
            continue;
        }
        for attr in ["property", "name", "itemprop"] {
            // A tag may name several properties: `property="og:title twitter:title"`.
            for key in el.value().attr(attr).unwrap_or("").split_whitespace() {
                tags.push((key.to_ascii_lowercase(), content.clone()));
            }
        }
    }
    let tag = |keys: &[&str], accept: &dyn Fn(&str) -> Option<String>| {
        keys.iter().find_map(|k| {
            tags.iter()
                .filter(|(key, _)| key == k)
                .find_map(|(_, v)| accept(v))
                .map(|v| found(v, format!("meta {k}")))
        })
    };
    let ld = json_ld(doc);

    let title = ld
        .headline
        .clone()
        .map(|t| found(t, "JSON-LD headline"))
        .or_else(|| tag(META_TITLE, &|v| Some(v.to_string())));
    let author = (!ld.authors.is_empty())
        .then(|| found(names(&ld.authors), "JSON-LD author"))
        .or_else(|| tag(META_AUTHOR, &author_value));
    let marked_author = marked_author(doc);
    let published = ld
        .published
        .as_deref()
        .and_then(&meta_date)
        .map(|d| found(d, "JSON-LD datePublished"))
        .or_else(|| tag(META_PUBLISHED, &meta_date))
        .or_else(|| {
            doc.select(&selector("[itemprop~=datePublished]"))
                .find_map(|el| {
                    let v = el.value();
                    v.attr("datetime")
                        .or(v.attr("content"))
                        .and_then(&meta_date)
                })
                .map(|d| found(d, "itemprop datePublished"))
        });
    // Teasers of other stories before the headline carry their own times: the
    // article's is inside `<article>`, else the first after the headline.
    let times = |css: &str| {
        doc.select(&selector(css))
            .filter_map(|el| Some((el.id(), meta_date(el.value().attr("datetime")?)?)))
            .collect::<Vec<_>>()
    };
    let headline = doc.select(&selector("h1")).next().map(|h| h.id());
    let after_headline = |times: Vec<(ego_tree::NodeId, String)>| {
        let Some(h) = headline else {
            return times.into_iter().next();
        };
        let order: Vec<ego_tree::NodeId> = doc.tree.root().descendants().map(|n| n.id()).collect();
        let at = |id| order.iter().position(|&n| n == id);
        let start = at(h);
        (times.iter())
            .find(|(id, _)| at(*id) > start)
            .or(times.first())
            .cloned()
    };
    let time_element = (times("article time[datetime]").into_iter().next())
        .or_else(|| after_headline(times("time[datetime]")))
        .map(|(_, d)| found(d, "<time datetime>"));
    let url = doc
        .select(&selector("link[rel~=canonical][href]"))
        .find_map(|el| web_url(el.value().attr("href")?))
        .map(|u| found(u, "<link rel=canonical>"))
        .or_else(|| tag(&["og:url"], &web_url));
    let site_name = tag(META_SITE, &|v| Some(v.to_string()))
        .or_else(|| ld.publisher.clone().map(|p| found(p, "JSON-LD publisher")));
    let language = page_language(doc);
    PageMeta {
        title,
        author,
        marked_author,
        published,
        time_element,
        url_date: url
            .as_ref()
            .and_then(|u| url_date(&u.value))
            .map(|d| found(d, "the date in the URL")),
        url,
        site_name,
        language,
    }
}

/// The language the page says it is in: `<html lang>`, else a meta tag (`og:locale`).
pub(super) fn page_language(doc: &Html) -> Option<Found> {
    let from_html = doc
        .root_element()
        .value()
        .attr("lang")
        .and_then(language_tag);
    if let Some(tag) = from_html {
        return Some(found(tag, "<html lang>"));
    }
    doc.select(&selector("meta[content]")).find_map(|el| {
        let e = el.value();
        let key = e.attr("property").or(e.attr("name"))?.to_ascii_lowercase();
        let source = ["og:locale", "dc.language", "language"]
            .into_iter()
            .find(|k| *k == key)?;
        language_tag(e.attr("content")?).map(|l| found(l, format!("meta {source}")))
    })
}

/// HTML whitespace runs become one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the page's JSON-LD says of its article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

/// The schema.org types of an article or a post.
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "Report" | "BlogPosting" | "LiveBlogPosting" | "SocialMediaPosting" | "APIReference"
        )
}

/// The first article object of the page's JSON-LD scripts, through arrays and `@graph`.
fn json_ld(doc: &Html) -> JsonLd {
    let mut ld = JsonLd::default();
    for script in doc.select(&selector("script[type='application/ld+json']")) {
        let text: String = script.text().collect();
        // Some pages wrap the JSON in a CDATA section, as if the page were XHTML.
        let json = text.trim();
        let json = json.strip_prefix("<![CDATA[").unwrap_or(json);
        let json = json.strip_suffix("]]>").unwrap_or(json);
        let Ok(value) = serde_json::from_str::<Value>(json.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(o) => {
                    if let Some(graph) = o.get("@graph") {
                        stack.push(graph);
                    }
                    let article = match o.get("@type") {
                        Some(Value::String(t)) => is_article_type(t),
                        Some(Value::Array(ts)) => {
                            ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                        }
                        _ => false,
                    };
                    if !article || ld.headline.is_some() {
                        continue;
                    }
                    let text = |key: &str| {
                        o.get(key)
                            .and_then(Value::as_str)
                            .map(collapse)
                            .filter(|s| !s.is_empty())
                    };
                    ld.headline = text("headline").or_else(|| text("name"));
                    ld.published = text("datePublished");
                    ld.authors = o.get("author").map(person_names).unwrap_or_default();
                    ld.publisher = o
                        .get("publisher")
                        .and_then(|p| person_names(p).into_iter().next());
                }
                _ => {}
            }
        }
    }
    ld
}

/// The names of a JSON-LD `author` or `publisher`: a string, an object with a `name`,
/// or a list of them.
fn person_names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => author_value(s).into_iter().collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .and_then(author_value)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().flat_map(person_names).collect(),
        _ => Vec::new(),
    }
}

/// Several authors as one name: "A and B", "A, B and C".
fn names(all: &[String]) -> String {
    match all {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// An author as a meta tag or JSON-LD gives it: not a profile URL, not a paragraph;
/// without a leading "By".
fn author_value(v: &str) -> Option<String> {
    let v = collapse(v);
    let v = match v.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => v[3..].trim().to_string(),
        _ => v,
    };
    let ok = !v.is_empty()
        && v.chars().count() <= 100
        && v.chars().any(char::is_alphabetic)
        && !v.contains("://")
        && !v.starts_with("www.");
    ok.then_some(v)
}

/// An author the markup marks as one: `rel=author`, `itemprop=author`, or an element
/// whose class names an author or a byline. A marked element whose text says more than
/// the name ("by Jane Doe 22 Dec 2016", "By Jane Doe <br> March 25") gives the name an
/// element inside it holds; a parenthesis after the name ("(with …)") is left out.
fn marked_author(doc: &Html) -> Option<Found> {
    let marks = [
        ("[itemprop~=author] [itemprop~=name]", "itemprop author"),
        ("[rel~=author]", "rel=author"),
        ("[itemprop~=author]", "itemprop author"),
        ("[class*=author i]", "an author element"),
        ("[class*=byline i]", "a byline element"),
    ];
    let name_in = |el: ElementRef| {
        let text = collapse(&el.text().collect::<String>());
        let text = text.split(" (").next().unwrap_or(&text).trim();
        byline(text)
            .or_else(|| author_value(text).filter(|n| person_name(n)))
            .filter(|n| !n.contains(':'))
    };
    // A byline is short: a marked box with more text is a page or a section whose
    // class happens to say "author", and the first name-like line in it no author.
    let short = |el: &ElementRef| chars_in(*el) <= 200;
    marks.iter().find_map(|(css, source)| {
        doc.select(&selector(css))
            .filter(short)
            .find_map(|el: ElementRef| {
                let name = name_in(el).or_else(|| {
                    el.descendants()
                        .skip(1)
                        .filter_map(ElementRef::wrap)
                        .find_map(name_in)
                })?;
                Some(found(name, *source))
            })
    })
}

/// A date as markup writes it, as front matter wants it: RFC 3339 when it gives a time
/// and a zone, else the day alone (a time without a zone is not placed on the clock).
pub(super) fn meta_date(v: &str, language: &'static Language) -> Option<String> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
    let v = v.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(v, format) {
            return Some(t.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, format) {
            return Some(t.date().format("%Y-%m-%d").to_string());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    date_line(v, language).filter(|d| !d.updated).map(|d| d.iso)
}

/// The day a URL's path gives as `/YYYY/MM/DD/`.
pub(super) fn url_date(url: &str) -> Option<String> {
    let path = url.split("://").nth(1)?.split(['?', '#']).next()?;
    let parts: Vec<&str> = path.split('/').collect();
    parts.windows(3).find_map(|w| {
        let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
        if !(digits(w[0], 4) && digits(w[1], 2) && digits(w[2], 2)) {
            return None;
        }
        let date = chrono::NaiveDate::from_ymd_opt(
            w[0].parse().ok()?,
            w[1].parse().ok()?,
            w[2].parse().ok()?,
        )?;
        Some(date.format("%Y-%m-%d").to_string())
    })
}

/// An absolute http(s) URL.
fn web_url(v: &str) -> Option<String> {
    let v = v.trim();
    let ok = (v.starts_with("https://") || v.starts_with("http://"))
        && v.len() > 8
        && !v.contains(char::is_whitespace);
    ok.then(|| v.to_string())
}

/// A language tag: `en`, `pt-BR`; `en_US` as Open Graph writes it becomes `en-US`.
pub(super) fn language_tag(v: &str) -> Option<String> {
    let v = v.trim().replace('_', "-");
    let ok = (2..=35).contains(&v.len())
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && v.chars().take_while(char::is_ascii_alphabetic).count() >= 2;
    ok.then_some(v)
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

    fn value(f: &Option<Found>) -> Option<(&str, &str)> {
        f.as_ref().map(|f| (f.value.as_str(), f.source.as_str()))
    }

    #[test]
    fn the_head_gives_title_author_date_url_site_and_language() {
        let page = r#"<!DOCTYPE html><html lang="es"><head>
<title>Cierra el puente | El Correo</title>
<meta property="og:title" content="Cierra el puente">
<meta property="og:site_name" content="El Correo">
<meta property="og:url" content="https://elcorreo.example/puente?utm=x">
<link rel="canonical" href="https://elcorreo.example/puente">
<meta name="author" content="Inés Marlow">
<meta property="article:author" content="https://facebook.com/ines">
<meta property="article:modified_time" content="2030-03-15T08:00:00+01:00">
<meta property="article:published_time" content="2030-03-14T18:30:00+01:00">
</head><body><p>Texto.</p></body></html>"#;
        let m = page_meta(&Html::parse_document(page), &crate::lang::ENGLISH);
        assert_eq!(value(&m.title), Some(("Cierra el puente", "meta og:title")));
        assert_eq!(value(&m.author), Some(("Inés Marlow", "meta author")));
        assert_eq!(
            value(&m.published),
            Some(("2030-03-14T18:30:00+01:00", "meta article:published_time"))
        );
        assert_eq!(
            value(&m.url),
            Some(("https://elcorreo.example/puente", "<link rel=canonical>"))
        );
        assert_eq!(
            value(&m.site_name),
            Some(("El Correo", "meta og:site_name"))
        );
        assert_eq!(value(&m.language), Some(("es", "<html lang>")));
    }

    #[test]
    fn json_ld_comes_first_through_graphs_lists_and_cdata() {
        let page = r#"<html><head>
<meta property="og:title" content="Bridge closes | The Courier">
<meta property="article:published_time" content="2030-03-15">
<script type="application/ld+json"><![CDATA[{"@context":"https://schema.org","@graph":[
 {"@type":"BreadcrumbList","name":"Home"},
 {"@type":["NewsArticle"],"headline":"Council votes to close the bridge",
  "datePublished":"2030-03-14T17:30:00Z",
  "author":[{"@type":"Person","name":"Ines Marlow"},{"name":"Tom Reyes"}],
  "publisher":{"@type":"Organization","name":"The Courier"}}]}]]></script>
</head><body><p>Text.</p></body></html>"#;
        let m = page_meta(&Html::parse_document(page), &crate::lang::ENGLISH);
        assert_eq!(
            value(&m.title),
            Some(("Council votes to close the bridge", "JSON-LD headline"))
        );
        assert_eq!(
            value(&m.author),
            Some(("Ines Marlow and Tom Reyes", "JSON-LD author"))
        );
        assert_eq!(
            value(&m.published),
            Some(("2030-03-14T17:30:00Z", "JSON-LD datePublished"))
        );
        assert_eq!(
            value(&m.site_name),
            Some(("The Courier", "JSON-LD publisher"))
        );
    }

    #[test]
    fn the_body_marks_an_author_and_a_time() {
        let page = r#"<html><body><article><p>Top story: <time datetime="2030-01-01">old</time></p>
<span class="byline">By <a rel="author" href="/a">Jane Doe</a></span>
<p>Text <time datetime="2030-03-14T18:30+01:00">today</time>.</p></article></body></html>"#;
        let m = page_meta(&Html::parse_document(page), &crate::lang::ENGLISH);
        assert_eq!(value(&m.author), None);
        assert_eq!(value(&m.marked_author), Some(("Jane Doe", "rel=author")));
        assert_eq!(
            value(&m.time_element),
            Some(("2030-01-01", "<time datetime>"))
        );
    }

    #[test]
    fn an_author_from_a_box_its_class_names() {
        let marked = |body: &str| {
            let m = page_meta(
                &Html::parse_document(&format!("<html><body>{body}</body></html>")),
                &crate::lang::ENGLISH,
            );
            m.marked_author.map(|f| (f.value, f.source))
        };
        let table: &[(&str, Option<(&str, &str)>)] = &[
            (
                r#"<div class="article__author">By
                    Jane Doe</div>"#,
                Some(("Jane Doe", "an author element")),
            ),
            (
                r#"<span class="author">Par<span class="authorname"> Inès Marlow</span></span>"#,
                Some(("Inès Marlow", "an author element")),
            ),
            // More than the name: the name an element inside holds.
            (
                r#"<div class="FeatureByline">By <b>Jane Doe</b><br>March 25, 2015</div>"#,
                Some(("Jane Doe", "a byline element")),
            ),
            (
                r#"<p class="byline"><span class="by-author">by <a>Jane Doe</a></span><span>22 Dec 2016</span>651</p>"#,
                Some(("Jane Doe", "an author element")),
            ),
            (
                r#"<span itemprop="author">Jane Doe (avec John Roe)</span>"#,
                Some(("Jane Doe", "itemprop author")),
            ),
            // A label is no name, and a page whose class says "author" is no byline.
            (r#"<div class="author-date">Last Updated:</div>"#, None),
            (
                r#"<div class="author-4326"><a>Login Register</a><p>A paragraph of the page that is long enough to show this box is no byline, since a byline is a name and a little more, never paragraphs of text like this one, which goes on and on past any byline that a page could print.</p></div>"#,
                None,
            ),
        ];
        for (body, want) in table {
            let got = marked(body);
            assert_eq!(
                got.as_ref().map(|(v, s)| (v.as_str(), s.as_str())),
                *want,
                "{body}"
            );
        }
    }

    #[test]
    fn a_first_h1_the_title_does_not_name_gives_way_to_a_heading_it_does() {
        let pieces = |texts: &[(&str, Kind)]| -> Vec<Piece> {
            texts
                .iter()
                .enumerate()
                .map(|(i, (t, kind))| Piece {
                    line: i + 1,
                    text: t.to_string(),
                    kind: *kind,
                    mark: Default::default(),
                    markup: None,
                    links: Vec::new(),
                })
                .collect()
        };
        let page = pieces(&[
            (
                "Superbugs: What They Are and How You Get Them",
                Kind::PageTitle,
            ),
            ("Information and Resources", Kind::Headline),
            (
                "Superbugs: What They Are and How You Get Them",
                Kind::Heading,
            ),
            ("Text.", Kind::Text),
        ]);
        let mut fate = vec![Fate::Keep; page.len()];
        let head = html_head(&page, &mut fate);
        assert_eq!(
            head.title.as_deref(),
            Some("Superbugs: What They Are and How You Get Them")
        );
        assert_eq!(fate[1], Fate::Strip("before the headline"));
        assert_eq!(fate[3], Fate::Keep);
        // An h1 that shares a word with the title stays the headline.
        let page = pieces(&[
            ("Bridge closed | Courier", Kind::PageTitle),
            ("Council closes the bridge", Kind::Headline),
            ("Bridge closed", Kind::Heading),
        ]);
        let mut fate = vec![Fate::Keep; page.len()];
        assert_eq!(
            html_head(&page, &mut fate).title.as_deref(),
            Some("Council closes the bridge")
        );
    }

    #[test]
    fn dates_as_markup_writes_them() {
        let table = [
            (
                "2030-03-14T18:30:00+01:00",
                Some("2030-03-14T18:30:00+01:00"),
            ),
            ("2030-03-14T17:30:00.000Z", Some("2030-03-14T17:30:00Z")),
            ("2016-01-07T13:04:00+0000", Some("2016-01-07T13:04:00Z")),
            ("2030-03-14T18:30", Some("2030-03-14")),
            ("2030-03-14 18:30:00", Some("2030-03-14")),
            ("2030-03-14", Some("2030-03-14")),
            ("March 14, 2030", Some("2030-03-14")),
            ("Updated March 14, 2030", None),
            ("yesterday", None),
            ("2030-02-30", None),
        ];
        for (text, want) in table {
            assert_eq!(
                meta_date(text, &crate::lang::ENGLISH).as_deref(),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn a_url_may_carry_its_day() {
        let table = [
            (
                "http://www.tmz.com/2015/02/26/lupita-dress-stolen/",
                Some("2015-02-26"),
            ),
            (
                "https://x.example/world/story/2015/03/18/ab_story.html",
                Some("2015-03-18"),
            ),
            ("https://x.example/2015/02/30/no-such-day/", None),
            ("https://x.example/blog/post/39926056", None),
            ("https://x.example/a?d=/2015/02/26/", None),
        ];
        for (url, want) in table {
            assert_eq!(url_date(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn authors_and_languages_are_checked() {
        assert_eq!(author_value("By JANE DOE").as_deref(), Some("JANE DOE"));
        assert_eq!(author_value("https://facebook.com/jane"), None);
        assert_eq!(author_value(&"word ".repeat(30)), None);
        assert_eq!(language_tag("en_US").as_deref(), Some("en-US"));
        assert_eq!(language_tag("x"), None);
        assert_eq!(language_tag("en us"), None);
        let names_of = |n: &[&str]| names(&n.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(names_of(&["A B", "C D", "E F"]), "A B, C D and E F");
    }
}

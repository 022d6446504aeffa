//! *Feeds and crawl files* tell other software about the site: the Atom feeds a reader
//! subscribes to (the whole briefing at `/feed.xml`, one person at
//! `/people/<id>/feed.xml`), and `sitemap.xml` and `robots.txt` for crawlers. (What a
//! page's own head says about it is in [`super::meta`].)
//!
//! Every URL here is absolute, made from the base URL, because these files are read
//! away from the site. Every date comes from the content, never from the clock, so the
//! same briefing gives the same bytes.

use std::fmt::Write;

use chrono::{NaiveDate, NaiveTime};
use rayon::prelude::*;

use super::urls;
use super::{Page, Site};
use crate::content::{Article, Event, Published};
use crate::markdown;

/// Escapes text for XML content and attribute values, and drops the characters XML
/// 1.0 cannot hold at all (most control characters), which content may carry.
pub(crate) fn xml_escape(text: &str) -> String {
    // Most text has nothing to escape or drop.
    let plain = !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'') || b < 0x20)
        && !text.contains(['\u{fffe}', '\u{ffff}']);
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An RFC 3339 timestamp for a day without a time: midnight UTC.
fn day_stamp(d: NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

/// One Atom entry before it is written.
struct Entry {
    id: String,
    title: String,
    /// RFC 3339.
    updated: String,
    link: String,
    related: Option<String>,
    author: Option<String>,
    category: (String, String),
    summary: Summary,
}

enum Summary {
    Text(String),
    Html(String),
}

/// A publication as an Atom date.
fn stamp(p: &Published) -> String {
    p.time.map_or_else(|| day_stamp(p.date), |t| t.to_rfc3339())
}

/// The UTC instant of a publication: its time, or midnight UTC of its day.
fn instant(p: &Published) -> i64 {
    p.time
        .map_or_else(|| day_instant(p.date), |t| t.timestamp())
}

/// The address of a curated citation: its paragraph when it was found, else its
/// article.
pub(crate) fn source_address(s: &crate::content::SourceRef) -> String {
    match s.found {
        Some(f) => urls::paragraph(&s.article, f.paragraph),
        None => urls::article(&s.article),
    }
}

fn article_url(base: &str, a: &Article) -> String {
    format!("{base}{}", urls::article(&a.id))
}

fn event_url(site: &Site, e: &Event) -> String {
    format!("{}{}", site.options.base_url, site.index.event_url(e))
}

fn day_instant(d: NaiveDate) -> i64 {
    d.and_time(NaiveTime::MIN).and_utc().timestamp()
}

fn article_entry(site: &Site, a: &Article) -> Entry {
    let b = site.briefing;
    let url = article_url(&site.options.base_url, a);
    let updated = stamp(&a.published);
    let outlet = a.outlet.as_ref().and_then(|o| b.outlets.get(o));
    Entry {
        id: url.clone(),
        title: a.title.clone(),
        updated,
        link: url,
        related: a
            .url
            .clone()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        author: a.author.clone().or_else(|| outlet.map(|o| o.name.clone())),
        category: (
            "article".to_string(),
            outlet.map_or_else(
                || site.words.get("feed.article").to_string(),
                |o| {
                    site.words
                        .say("feed.article_outlet", None, &[("outlet", &o.name)])
                },
            ),
        ),
        summary: Summary::Text(
            a.paragraphs()
                .next()
                .map(|p| p.text.to_string())
                .unwrap_or_default(),
        ),
    }
}

/// When an event entered the briefing, which is when a feed reader should see it as
/// new: the publication of the newest article it cites (an event is written from its
/// sources, so it is no older than they are), or its own date when it cites none. Its
/// date in history (an agreement of 2008) would file it among old entries. Never the
/// clock: the same briefing gives the same feed.
fn entered(site: &Site, e: &Event) -> Published {
    e.sources
        .iter()
        .filter_map(|s| site.briefing.article(&s.article))
        .map(|a| a.published)
        .max_by_key(instant)
        .unwrap_or(Published {
            date: e.date.start,
            time: None,
            assumed: false,
        })
}

fn event_entry(site: &Site, e: &Event) -> Entry {
    let b = site.briefing;
    let url = event_url(site, e);
    let when = e
        .display
        .clone()
        .unwrap_or_else(|| site.words.edtf(&e.date));
    let mut html = format!("<p>{}</p>", super::view::escape(&when));
    html.push_str(&markdown::curated_html(&e.summary));
    if !e.sources.is_empty() {
        html.push_str("<ul>");
        for s in &e.sources {
            let title = b
                .article(&s.article)
                .map_or(s.article.as_str(), |a| &a.title);
            let _ = write!(
                html,
                "<li>“{}” — <a href=\"{}{}\">{}</a></li>",
                super::view::escape(&s.quote),
                site.options.base_url,
                source_address(s),
                super::view::escape(title)
            );
        }
        html.push_str("</ul>");
    }
    let updated = stamp(&entered(site, e));
    Entry {
        id: url.clone(),
        title: e.title.clone(),
        updated,
        link: url,
        related: None,
        author: None,
        category: (
            "event".to_string(),
            site.words.get("feed.event").to_string(),
        ),
        summary: Summary::Html(html),
    }
}

/// Writes an Atom feed of `entries`, newest first; `updated` the newest entry's.
fn atom(
    site: &Site,
    id: &str,
    title: &str,
    self_url: &str,
    entries: Vec<Entry>,
    x: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone());
    let c = &site.briefing.config;
    x.write_all("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".as_bytes())?;
    writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        xml_escape(&c.language)
    )?;
    writeln!(x, "  <id>{}</id>", xml_escape(id))?;
    writeln!(x, "  <title>{}</title>", xml_escape(title))?;
    if !c.description.is_empty() {
        writeln!(x, "  <subtitle>{}</subtitle>", xml_escape(&c.description))?;
    }
    writeln!(x, "  <updated>{updated}</updated>")?;
    writeln!(
        x,
        "  <author><name>{}</name></author>",
        xml_escape(&c.title)
    )?;
    writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(self_url)
    )?;
    writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(id)
    )?;
    x.write_all("  <generator>briefing</generator>\n".as_bytes())?;
    for e in &entries {
        x.write_all("  <entry>\n".as_bytes())?;
        writeln!(x, "    <id>{}</id>", xml_escape(&e.id))?;
        writeln!(x, "    <title>{}</title>", xml_escape(&e.title))?;
        writeln!(x, "    <updated>{}</updated>", e.updated)?;
        writeln!(x, "    <published>{}</published>", e.updated)?;
        writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&e.link)
        )?;
        if let Some(r) = &e.related {
            writeln!(x, "    <link rel=\"related\" href=\"{}\"/>", xml_escape(r))?;
        }
        if let Some(a) = &e.author {
            writeln!(x, "    <author><name>{}</name></author>", xml_escape(a))?;
        }
        writeln!(
            x,
            "    <category term=\"{}\" label=\"{}\"/>",
            xml_escape(&e.category.0),
            xml_escape(&e.category.1)
        )?;
        match &e.summary {
            Summary::Text(t) => {
                writeln!(x, "    <summary>{}</summary>", xml_escape(t))?;
            }
            Summary::Html(h) => {
                writeln!(x, "    <summary type=\"html\">{}</summary>", xml_escape(h))?;
            }
        }
        x.write_all("  </entry>\n".as_bytes())?;
    }
    x.write_all("</feed>\n".as_bytes())
}

/// What a feed's entry is made from.
#[derive(Clone, Copy)]
enum Item<'a> {
    Article(&'a Article),
    Event(&'a Event),
}

/// The entries of the `n` newest items, newest first, then by id (so that entries of
/// one instant keep one order). Only those are made: a person named in thousands of
/// articles has a feed of `n`.
fn newest<'a>(site: &Site, items: impl Iterator<Item = Item<'a>>, n: usize) -> Vec<Entry> {
    let base = &site.options.base_url;
    let mut keyed: Vec<(i64, String, Item)> = items
        .map(|item| match item {
            Item::Article(a) => (instant(&a.published), article_url(base, a), item),
            Item::Event(e) => (instant(&entered(site, e)), event_url(site, e), item),
        })
        .collect();
    keyed.sort_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    keyed.truncate(n);
    keyed
        .into_iter()
        .map(|(_, _, item)| match item {
            Item::Article(a) => article_entry(site, a),
            Item::Event(e) => event_entry(site, e),
        })
        .collect()
}

/// `/feed.xml`: the newest articles and events.
pub(crate) fn site_feed(site: &Site, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let b = site.briefing;
    let items = b
        .articles
        .iter()
        .map(Item::Article)
        .chain(b.events.iter().map(Item::Event));
    let entries = newest(site, items, b.config.feed_entries.get());
    let base = &site.options.base_url;
    atom(
        site,
        base,
        &b.config.title,
        &format!("{base}feed.xml"),
        entries,
        out,
    )
}

/// `/people/<id>/feed.xml`: the newest articles that mention the person and events
/// that name them.
pub(crate) fn person_feed(
    site: &Site,
    i: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let b = site.briefing;
    let p = &b.people[i];
    let mut articles: Vec<&str> = site
        .index
        .mentions_by_person
        .get(p.id.as_str())
        .into_iter()
        .flatten()
        .map(|m| m.place.article.as_ref())
        .collect();
    articles.sort_unstable();
    articles.dedup();
    let items = articles
        .into_iter()
        .filter_map(|id| b.article(id))
        .map(Item::Article)
        .chain(
            site.index
                .events_by_person
                .get(p.id.as_str())
                .into_iter()
                .flatten()
                .map(|e| Item::Event(e)),
        );
    let entries = newest(site, items, b.config.feed_entries.get());
    let page = format!("{}{}", site.options.base_url, urls::person(&p.id));
    atom(
        site,
        &page,
        &format!("{} · {}", p.name, b.config.title),
        &format!("{page}feed.xml"),
        entries,
        out,
    )
}

/// Whether a page is an HTML page a crawler should know about.
fn listed(page: &Page) -> bool {
    matches!(
        page,
        Page::Home
            | Page::Person(_)
            | Page::Timeline
            | Page::Comparison(_)
            | Page::Story(_)
            | Page::Pair(..)
            | Page::Article(_)
            | Page::List(..)
            | Page::Search
            | Page::Report
            | Page::DataIndex
    )
}

/// The most one sitemap file may hold (sitemaps.org 0.9): past either, the sitemap is
/// an index of several.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SitemapLimits {
    pub urls: usize,
    pub bytes: usize,
}

pub(crate) const SITEMAP_LIMITS: SitemapLimits = SitemapLimits {
    urls: 50_000,
    bytes: 50 * 1024 * 1024,
};

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One `<url>` line of a sitemap, and its `lastmod`.
pub(crate) struct SitemapUrl {
    line: String,
    lastmod: Option<NaiveDate>,
}

/// Every HTML page but the 404 page, in address order, with the publication day of
/// articles as `lastmod`.
/// [`sitemap_urls`], made once per site: counting the sitemap's files and writing each
/// of them reads them all.
fn listed_urls<'s>(site: &'s Site) -> &'s [SitemapUrl] {
    site.sitemap.get_or_init(|| sitemap_urls(site))
}

fn sitemap_urls(site: &Site) -> Vec<SitemapUrl> {
    // The search index's files are not pages a reader opens: the sitemap does not ask
    // for them, so it does not build the index.
    // In parallel: the dev server counts the sitemap's files before it renders a page.
    let mut urls: Vec<(String, Option<NaiveDate>)> = site
        .main_pages()
        .par_iter()
        .zip(site.main_paths())
        .filter(|(p, _)| listed(p))
        .map(|(p, path)| {
            let loc = format!("{}{}", site.options.base_url, super::meta::pretty(path));
            let lastmod = match p {
                Page::Article(i) => Some(site.briefing.articles[*i].published.date),
                _ => None,
            };
            (loc, lastmod)
        })
        .collect();
    urls.par_sort_unstable();
    urls.into_par_iter()
        .map(|(loc, lastmod)| {
            let mut line = format!("  <url><loc>{}</loc>", xml_escape(&loc));
            if let Some(d) = lastmod {
                let _ = write!(line, "<lastmod>{}</lastmod>", d.format("%Y-%m-%d"));
            }
            line.push_str("</url>\n");
            SitemapUrl { line, lastmod }
        })
        .collect()
}

/// The sitemap's files: `sitemap.xml` alone when every URL fits in one file within
/// `limits`, else `sitemap.xml` as an index of `sitemap-1.xml`, `sitemap-2.xml`… (the
/// files that follow it), each as full as the limits let it be.
fn sitemap_files(base: &str, urls: &[SitemapUrl], limits: SitemapLimits) -> Vec<String> {
    let head = urlset_head();
    let parts = sitemap_split(urls, limits);
    let urlset = |urls: &[SitemapUrl]| {
        let mut x = head.clone();
        for url in urls {
            x.push_str(&url.line);
        }
        x.push_str(URLSET_TAIL);
        x
    };
    if parts.len() == 1 {
        return vec![urlset(urls)];
    }
    let mut index = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"{SITEMAP_NS}\">\n"
    );
    for (n, part) in parts.iter().enumerate() {
        let loc = format!("{base}sitemap-{}.xml", n + 1);
        let _ = write!(index, "  <sitemap><loc>{}</loc>", xml_escape(&loc));
        if let Some(d) = part.iter().filter_map(|u| u.lastmod).max() {
            let _ = write!(index, "<lastmod>{}</lastmod>", d.format("%Y-%m-%d"));
        }
        index.push_str("</sitemap>\n");
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(index)
        .chain(parts.into_iter().map(urlset))
        .collect()
}

const URLSET_TAIL: &str = "</urlset>\n";

fn urlset_head() -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{SITEMAP_NS}\">\n")
}

/// `urls` cut into the runs each `<urlset>` file holds within `limits`.
fn sitemap_split(urls: &[SitemapUrl], limits: SitemapLimits) -> Vec<&[SitemapUrl]> {
    let frame = urlset_head().len() + URLSET_TAIL.len();
    let mut parts: Vec<&[SitemapUrl]> = Vec::new();
    let (mut start, mut bytes) = (0, frame);
    for (i, url) in urls.iter().enumerate() {
        let full = i - start == limits.urls || bytes + url.line.len() > limits.bytes;
        if full && i > start {
            parts.push(&urls[start..i]);
            (start, bytes) = (i, frame);
        }
        bytes += url.line.len();
    }
    parts.push(&urls[start..]);
    parts
}

/// How many files follow `sitemap.xml` (`sitemap-1.xml`…): none while one file holds
/// every URL. Counted from the runs, not the files, which are made only when written.
pub(crate) fn sitemap_parts(site: &Site, limits: SitemapLimits) -> usize {
    match sitemap_split(listed_urls(site), limits).len() {
        1 => 0,
        n => n,
    }
}

/// `/sitemap.xml` (sitemaps.org 0.9), when `part` is 0, else `sitemap-<part>.xml`.
pub(crate) fn sitemap(site: &Site, part: usize, limits: SitemapLimits) -> Vec<u8> {
    let mut files = sitemap_files(&site.options.base_url, listed_urls(site), limits);
    if part < files.len() {
        files.swap_remove(part).into_bytes()
    } else {
        Vec::new()
    }
}

/// `/robots.txt`: everything may be crawled; where the sitemap is.
pub(crate) fn robots(site: &Site) -> Vec<u8> {
    let base = &site.options.base_url;
    let mut out = String::from("User-agent: *\nAllow: /\n");
    // Crawlers only accept an absolute sitemap URL.
    if base.starts_with("https://") || base.starts_with("http://") {
        let _ = write!(out, "\nSitemap: {base}sitemap.xml\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_covers_markup_and_drops_what_xml_cannot_hold() {
        for (text, escaped) in [
            ("a & b", "a &amp; b"),
            ("<script>", "&lt;script&gt;"),
            ("\"x\" 'y'", "&quot;x&quot; &apos;y&apos;"),
            ("bell\u{7}", "bell"),
            ("tab\tline\n", "tab\tline\n"),
            ("Rodríguez", "Rodríguez"),
        ] {
            assert_eq!(xml_escape(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn a_sitemap_past_its_limits_becomes_an_index_of_files_within_them() {
        let base = "https://x.org/";
        let urls: Vec<SitemapUrl> = (1..=5)
            .map(|i| SitemapUrl {
                line: format!("  <url><loc>https://x.org/p/{i}/</loc></url>\n"),
                lastmod: NaiveDate::from_ymd_opt(2026, 1, i),
            })
            .collect();
        let count = |file: &str| file.matches("<url>").count();
        let limits = |urls, bytes| SitemapLimits { urls, bytes };
        // Within the limits: one file, every address in it.
        let one = sitemap_files(base, &urls, limits(5, 10_000));
        assert_eq!(one.len(), 1);
        assert!(one[0].contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        assert_eq!(count(&one[0]), 5);
        // Two addresses a file: an index of three files, each with its newest day.
        let files = sitemap_files(base, &urls, limits(2, 10_000));
        assert_eq!(
            files[0],
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             \x20 <sitemap><loc>https://x.org/sitemap-1.xml</loc><lastmod>2026-01-02</lastmod></sitemap>\n\
             \x20 <sitemap><loc>https://x.org/sitemap-2.xml</loc><lastmod>2026-01-04</lastmod></sitemap>\n\
             \x20 <sitemap><loc>https://x.org/sitemap-3.xml</loc><lastmod>2026-01-05</lastmod></sitemap>\n\
             </sitemapindex>\n"
        );
        assert_eq!(
            files[1..].iter().map(|f| count(f)).collect::<Vec<_>>(),
            [2, 2, 1]
        );
        // Every address once, in order.
        let all: String = files[1..].concat();
        let positions: Vec<usize> = urls.iter().map(|u| all.find(&u.line).unwrap()).collect();
        assert!(positions.is_sorted());
        // A byte limit: as many as fit in it, and no file over it.
        let frame = one[0].len() - urls.iter().map(|u| u.line.len()).sum::<usize>();
        let bytes = frame + 3 * urls[0].line.len();
        let files = sitemap_files(base, &urls, limits(100, bytes));
        assert_eq!(
            files[1..].iter().map(|f| count(f)).collect::<Vec<_>>(),
            [3, 2]
        );
        assert!(files[1..].iter().all(|f| f.len() <= bytes));
        // An address longer than the limit still has a file, of its own.
        let files = sitemap_files(base, &urls, limits(100, 10));
        assert_eq!(files.len(), 6);
    }

    #[test]
    fn days_without_time_are_midnight_utc() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 21).unwrap();
        assert_eq!(day_stamp(d), "2026-02-21T00:00:00Z");
    }
}

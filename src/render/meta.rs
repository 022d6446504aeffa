//! A page's *head*: what it says about itself to browsers, crawlers and link previews
//! besides its body — where it is (its root, address and canonical URL), its
//! description, its Open Graph type, the feeds it offers and JSON-LD (schema.org)
//! where a type fits: `WebSite`, `Person`, `NewsArticle`, `Report`. Canonical and
//! JSON-LD URLs are absolute, made from the base URL; every other link is relative to
//! the page, so the site works under any sub-path.

use serde_json::{Value, json};

use super::urls;
use super::{Page, Site};
use crate::content::{Article, Person};
use crate::markdown;

/// The relative path from a page back to the top of the site: `./`, `../`, `../../`.
pub fn root_of(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// The address of a page as a reader sees it: `people/x/index.html` → `people/x/`.
pub fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// The path part of the base URL: `https://x.org/a/b/` → `/a/b/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` are written
/// as `\u003c` and so on, so no text from content can close the script element.
pub(crate) fn json_ld(value: &Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, cut at a word boundary with an ellipsis.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Curated Markdown as one line of plain text.
pub(crate) fn plain(markdown: &str) -> String {
    markdown::blocks(markdown)
        .into_iter()
        .map(|b| String::from(b.text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The site's title, description, language and base URL, as every template reads
/// them (`site.title`): one value in the templates' global context, not converted
/// again into each of tens of thousands of pages' contexts.
pub(crate) fn site_value(briefing: &crate::content::Briefing, options: &super::Options) -> Value {
    let c = &briefing.config;
    json!({
        "title": c.title,
        "description": c.description,
        "language": c.language,
        "base_url": options.base_url,
    })
}

/// Puts what every page's head needs into its context — the page's `root` (the way
/// back to the top), its address, its canonical URL and [`page_meta`] — and gives the
/// root back. The site's title, description and language are the same on every page:
/// [`site_value`] gives them to the templates once.
pub(crate) fn head(site: &Site, page: &Page, path: &str, ctx: &mut tera::Context) -> String {
    // The 404 page is served at any address, so its links start from the base URL.
    let root = match page {
        Page::NotFound => base_path(&site.options.base_url),
        _ => root_of(path),
    };
    let canonical = format!("{}{}", site.options.base_url, pretty(path));
    ctx.insert("root", &root);
    ctx.insert("path", pretty(path));
    ctx.insert("canonical", &canonical);
    ctx.insert("meta", &page_meta(site, page, &root, &canonical));
    root
}

/// What the head of a page says about it besides its title: a description, the Open
/// Graph type, the feeds to offer, and JSON-LD where a schema.org type fits.
pub(crate) fn page_meta(site: &Site, page: &Page, root: &str, canonical: &str) -> PageMeta {
    let b = site.briefing;
    let c = &b.config;
    // A feed is announced in the head only where it is the page's own: the site's on the
    // home page, a person's (and the site's) on theirs. Every page's footer links the
    // site's feed for a reader; repeated in the head of tens of thousands of pages it
    // told a feed reader nothing the home page does not.
    let site_feed = || json!({ "title": c.title, "url": format!("{root}feed.xml") });
    let mut feeds = match page {
        Page::Home | Page::Person(_) => vec![site_feed()],
        _ => Vec::new(),
    };
    let (og_type, description, ld): (&str, String, Option<Value>) = match page {
        Page::Home => (
            "website",
            c.description.clone(),
            Some(json!({
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": c.title,
                "description": c.description,
                "url": canonical,
                "inLanguage": c.language,
            })),
        ),
        Page::Person(i) => {
            let p = &b.people[*i];
            feeds.push(json!({
                "title": format!("{} · {}", p.name, c.title),
                "url": format!("{root}{}", urls::person_feed(&p.id)),
            }));
            (
                "profile",
                person_description(p),
                Some(person_ld(p, canonical)),
            )
        }
        Page::Article(i) => {
            let a = &b.articles[*i];
            let first = a.paragraphs().next().map_or("", |p| p.text.as_str());
            ("article", shorten(first, 200), Some(article_ld(site, a)))
        }
        Page::Comparison(i) => {
            let cmp = &b.comparisons[*i];
            ("website", shorten(&plain(&cmp.summary), 200), None)
        }
        Page::Report => (
            "article",
            format!(
                "{} — the whole briefing as one printable document.",
                c.title
            ),
            Some(json!({
                "@context": "https://schema.org",
                "@type": "Report",
                "name": c.title,
                "headline": c.title,
                "description": c.description,
                "url": canonical,
                "inLanguage": c.language,
                "dateModified": super::report::newest(b).map(|d| d.to_string()),
            })),
        ),
        // A page without a description of its own has none: the site's, on tens of
        // thousands of pages, describes none of them, and a search engine takes a
        // page's own words instead.
        _ => ("website", String::new(), None),
    };
    PageMeta {
        og_type,
        description,
        published: match page {
            Page::Article(i) => Some(b.articles[*i].published.iso()),
            _ => None,
        },
        json_ld: ld.as_ref().map(json_ld),
        feeds,
    }
}

/// What [`page_meta`] gives the head of a page (`meta.description`): typed, so every
/// page's context converts it once rather than through a `json!` value first.
#[derive(serde::Serialize)]
pub(crate) struct PageMeta {
    og_type: &'static str,
    description: String,
    published: Option<String>,
    json_ld: Option<String>,
    feeds: Vec<Value>,
}

fn person_description(p: &Person) -> String {
    let summary = plain(&p.summary);
    if summary.is_empty() {
        p.titles.join(", ")
    } else {
        shorten(&summary, 200)
    }
}

fn person_ld(p: &Person, canonical: &str) -> Value {
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": p.name,
        "url": canonical,
    });
    if !p.aliases.is_empty() {
        ld["alternateName"] = json!(p.aliases);
    }
    if !p.titles.is_empty() {
        ld["jobTitle"] = json!(p.titles);
    }
    let summary = plain(&p.summary);
    if !summary.is_empty() {
        ld["description"] = json!(summary);
    }
    if let Some(image) = p.image.as_ref().filter(|i| i.starts_with("https://")) {
        ld["image"] = json!(image);
    }
    ld
}

/// A news article as search engines read it: what it is, by whom, when and in what
/// language, and the original it is based on. Its address is the page's canonical
/// link's, and the people it mentions are not repeated here: the page links each of
/// them, and the data exports list every mention.
fn article_ld(site: &Site, a: &Article) -> Value {
    let b = site.briefing;
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": a.published.iso(),
        "inLanguage": a.language,
    });
    if let Some(author) = &a.author {
        ld["author"] = json!([{ "@type": "Person", "name": author }]);
    }
    if let Some(o) = a.outlet.as_ref().and_then(|o| b.outlets.get(o)) {
        let mut publisher = json!({ "@type": "Organization", "name": o.name });
        if let Some(u) = &o.url {
            publisher["url"] = json!(u);
        }
        ld["publisher"] = publisher;
    }
    if let Some(u) = a.url.as_ref().filter(|u| u.starts_with("http")) {
        ld["isBasedOn"] = json!(u);
    }
    ld
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let v = json!({ "name": "</script><script>alert(1)</script> & more" });
        let out = json_ld(&v);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        assert_eq!(
            out,
            r#"{"name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 more"}"#
        );
        // Still the same JSON once parsed.
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), v);
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        for (text, max, short) in [
            ("short", 10, "short"),
            ("one two three four", 12, "one two…"),
            ("one,  two\nthree", 20, "one, two three"),
            ("abcdefghijklmnop", 5, "abcde…"),
            ("The end. And more words", 10, "The end…"),
        ] {
            assert_eq!(shorten(text, max), short, "{text:?}");
        }
    }

    #[test]
    fn roots_lead_back_to_the_top() {
        assert_eq!(root_of("index.html"), "./");
        assert_eq!(root_of("people/index.html"), "../");
        assert_eq!(root_of("people/x/index.html"), "../../");
        assert_eq!(pretty("people/x/index.html"), "people/x/");
        assert_eq!(pretty("404.html"), "404.html");
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://example.org/"), "/");
        assert_eq!(base_path("https://example.org"), "/");
        assert_eq!(base_path("https://example.org/a/b/"), "/a/b/");
        assert_eq!(base_path("/sub/"), "/sub/");
    }
}

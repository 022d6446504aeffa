//! Publishing: the default briefing built for a sub-path (`https://example.org/sub/path/`)
//! and served from it by a small HTTP server, every internal link, asset and fragment
//! followed; the feeds and sitemap parsed as XML; the search index queried with the
//! same lookup the browser runs; the report, the TimelineJS export, the data page and
//! the PDF printing checked.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use briefing::render::search;

use crate::support::{briefing, briefing_with, stderr};

const BASE: &str = "https://example.org/sub/path/";
const PREFIX: &str = "/sub/path/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The default briefing, built once for every test here, into the target folder.
fn default_site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("publish-default-site");
        // A fresh folder each run: a site left by another version of the tool is not
        // this one's to replace.
        let _ = std::fs::remove_dir_all(&out);
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let run = briefing(
            root,
            &[
                "build",
                "--output",
                out.to_str().unwrap(),
                "--base-url",
                BASE,
            ],
        );
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        out
    })
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json(site: &Path, rel: &str) -> serde_json::Value {
    serde_json::from_str(&read(site, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The file an absolute URL of the site names: `…/people/x/` → `people/x/index.html`.
fn file_of(url: &str) -> String {
    let path = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not below {BASE}"));
    let path = path.split('#').next().unwrap();
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

fn html_files(site: &Path) -> Vec<String> {
    crate::support::snapshot(site)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect()
}

// ---------------------------------------------------------------- a tiny web server

/// Serves `dir` at `PREFIX` on 127.0.0.1 until the test process ends: a folder URL
/// answers with its index.html, anything else outside the folder with 404.
fn serve(dir: PathBuf) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer(stream, &dir);
        }
    });
    addr
}

fn answer(mut stream: TcpStream, dir: &Path) {
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&request);
    let target = text.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("");
    let file = path
        .strip_prefix(PREFIX)
        .filter(|rel| !rel.split('/').any(|s| s == ".." || s == "."))
        .map(|rel| {
            let rel = if rel.is_empty() || rel.ends_with('/') {
                format!("{rel}index.html")
            } else {
                rel.to_string()
            };
            dir.join(rel)
        })
        .filter(|f| f.is_file());
    let (status, body) = match file {
        Some(f) => ("200 OK", std::fs::read(f).unwrap()),
        None => ("404 Not Found", b"not found".to_vec()),
    };
    let _ = write!(
        stream,
        "HTTP/1.0 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

/// GETs `path` from the server: the status code and the body.
fn get(addr: SocketAddr, path: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: example.org\r\n\r\n").unwrap();
    let mut response = Vec::new();
    s.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header");
    let head = String::from_utf8_lossy(&response[..split]);
    let code = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (code, response[split + 4..].to_vec())
}

/// Resolves a link found on the page at `page` (a URL path) to a URL path and fragment,
/// or `None` for a link that leaves the site.
fn resolve(page: &str, link: &str) -> Option<(String, Option<String>)> {
    let (link, fragment) = match link.split_once('#') {
        Some((l, f)) => (l, Some(f.to_string())),
        None => (link, None),
    };
    let link = link.split('?').next().unwrap();
    let path = if let Some(rest) = link.strip_prefix(BASE) {
        format!("{PREFIX}{rest}")
    } else if link.contains(':') || link.starts_with("//") {
        return None;
    } else if link.starts_with('/') {
        link.to_string()
    } else if link.is_empty() {
        page.to_string()
    } else {
        let dir = &page[..=page.rfind('/').unwrap()];
        format!("{dir}{link}")
    };
    // Remove `.` and `..` segments as a browser does.
    let mut parts: Vec<&str> = Vec::new();
    let trailing = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if trailing && !out.ends_with('/') {
        out.push('/');
    }
    Some((out, fragment))
}

#[test]
fn links_resolve_like_a_browser() {
    let page = "/sub/path/people/x/";
    for (link, expected) in [
        ("../../", Some("/sub/path/")),
        ("../y/#p2", Some("/sub/path/people/y/")),
        ("feed.xml", Some("/sub/path/people/x/feed.xml")),
        ("#main", Some("/sub/path/people/x/")),
        ("/sub/path/style.css", Some("/sub/path/style.css")),
        (
            "https://example.org/sub/path/timeline/",
            Some("/sub/path/timeline/"),
        ),
        ("https://elsewhere.example/", None),
        ("mailto:x@example.org", None),
    ] {
        assert_eq!(
            resolve(page, link).map(|(p, _)| p).as_deref(),
            expected,
            "{link}"
        );
    }
}

/// The ids a fragment can point to on a page.
fn ids(html: &str) -> BTreeSet<String> {
    let doc = scraper::Html::parse_document(html);
    doc.tree
        .values()
        .filter_map(|n| n.as_element())
        .filter_map(|e| {
            e.attr("id").or(if e.name() == "a" {
                e.attr("name")
            } else {
                None
            })
        })
        .map(str::to_string)
        .collect()
}

/// Every link and asset of a page: href, src and action attributes, and the og:url.
fn links(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut out = Vec::new();
    for e in doc.tree.values().filter_map(|n| n.as_element()) {
        for attr in ["href", "src", "action"] {
            if let Some(v) = e.attr(attr) {
                out.push(v.to_string());
            }
        }
        if e.name() == "meta" && e.attr("property") == Some("og:url") {
            out.push(e.attr("content").unwrap_or_default().to_string());
        }
    }
    out
}

#[test]
fn every_internal_link_and_asset_is_found_when_served_from_a_sub_path() {
    let site = default_site();
    let addr = serve(site.to_path_buf());
    let mut status: HashMap<String, u16> = HashMap::new();
    let mut targets: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in html_files(site) {
        let page = format!(
            "{PREFIX}{}",
            file.strip_suffix("index.html").unwrap_or(&file)
        );
        let (code, body) = get(addr, &page);
        assert_eq!(code, 200, "{page}");
        let html = String::from_utf8(body).unwrap();
        for link in links(&html) {
            let Some((path, fragment)) = resolve(&page, &link) else {
                continue;
            };
            checked += 1;
            let code = *status
                .entry(path.clone())
                .or_insert_with(|| get(addr, &path).0);
            if code != 200 {
                broken.push(format!("{page}: {link} → {path} ({code})"));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                let known = targets
                    .entry(path.clone())
                    .or_insert_with(|| ids(&String::from_utf8_lossy(&get(addr, &path).1)));
                if !known.contains(&f) {
                    broken.push(format!("{page}: {link} → no id `{f}` on {path}"));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
    assert!(checked > 1000, "only {checked} links checked");
    // The 404 page is served at any address, so its links start from the base path.
    let not_found = read(site, "404.html");
    assert!(not_found.contains("href=\"/sub/path/style.css\""));
    // And the pages that live outside the HTML: feeds, crawl files, data, search.
    for path in [
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "data/timelinejs.json",
        "search/index.json",
    ] {
        assert_eq!(get(addr, &format!("{PREFIX}{path}")).0, 200, "{path}");
    }
}

#[test]
fn pages_link_relatively_so_they_open_from_disk() {
    let site = default_site();
    for file in html_files(site).into_iter().filter(|f| f != "404.html") {
        for link in links(&read(site, &file)) {
            assert!(
                !link.starts_with('/'),
                "{file}: `{link}` is root-relative and breaks under file:// and sub-paths"
            );
        }
    }
    // The script that adds index.html to folder links under file:// is on every page.
    assert!(read(site, "people/index.html").contains("<script src=\"../file.js\" defer>"));
    assert!(read(site, "file.js").contains("location.protocol !== 'file:'"));
}

// ---------------------------------------------------------------- feeds and crawl files

fn child<'a>(
    node: roxmltree::Node<'a, 'a>,
    ns: &str,
    name: &str,
) -> Option<roxmltree::Node<'a, 'a>> {
    node.children().find(|c| {
        c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == Some(ns)
    })
}

fn text_of(node: roxmltree::Node, name: &str) -> String {
    child(node, ATOM, name)
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("<{}> has no <{name}>", node.tag_name().name()))
        .to_string()
}

/// Checks an Atom feed's required elements; returns its entries' alternate links.
fn check_atom(site: &Path, rel: &str) -> Vec<String> {
    let xml = read(site, rel);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed", "{rel}");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM), "{rel}");
    for name in ["id", "title", "updated"] {
        assert!(!text_of(feed, name).is_empty(), "{rel}: feed {name}");
    }
    let stamp = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{rel}: `{s}`: {e}"))
    };
    let updated = stamp(&text_of(feed, "updated"));
    assert!(!text_of(child(feed, ATOM, "author").expect("feed author"), "name").is_empty());
    let self_link = feed
        .children()
        .find(|c| c.tag_name().name() == "link" && c.attribute("rel") == Some("self"))
        .and_then(|c| c.attribute("href"))
        .expect("rel=self link");
    assert_eq!(self_link, format!("{BASE}{rel}"));
    let mut ids = BTreeSet::new();
    let mut links = Vec::new();
    let mut newest = None;
    for entry in feed.children().filter(|c| c.tag_name().name() == "entry") {
        let id = text_of(entry, "id");
        assert!(id.starts_with(BASE), "{rel}: entry id {id}");
        assert!(ids.insert(id.clone()), "{rel}: duplicate entry id {id}");
        assert!(!text_of(entry, "title").is_empty());
        let u = stamp(&text_of(entry, "updated"));
        newest = newest.max(Some(u));
        let link = entry
            .children()
            .find(|c| c.tag_name().name() == "link" && c.attribute("rel") == Some("alternate"))
            .and_then(|c| c.attribute("href"))
            .expect("entry link")
            .to_string();
        assert!(site.join(file_of(&link)).is_file(), "{rel}: {link}");
        links.push(link);
        assert!(
            child(entry, ATOM, "summary").is_some(),
            "{rel}: {id} has a summary"
        );
    }
    if let Some(n) = newest {
        assert_eq!(updated, n, "{rel}: the feed is as new as its newest entry");
    }
    links
}

#[test]
fn the_feeds_are_atom_with_every_article_and_event() {
    let site = default_site();
    let links = check_atom(site, "feed.xml");
    let articles = json(site, "data/articles.json").as_array().unwrap().len();
    let events = json(site, "data/timeline.json")
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["curated"] == true)
        .count();
    assert_eq!(links.len(), articles + events);
    // An event links to its month's page of the timeline.
    assert!(links.iter().any(|l| l.contains("/timeline/2026/01/#")));
    // One feed per person, each with at least their events.
    for person in json(site, "data/people.json").as_array().unwrap() {
        let id = person["id"].as_str().unwrap();
        let links = check_atom(site, &format!("people/{id}/feed.xml"));
        for a in person["articles"].as_array().unwrap() {
            let url = format!("{BASE}articles/{}/", a.as_str().unwrap());
            assert!(links.contains(&url), "{id}'s feed lacks {url}");
        }
    }
    // The home page's head offers the site's feed; a person's page offers theirs and the
    // site's; other pages only link it in their footer.
    assert!(read(site, "index.html").contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Venezuela after Maduro\" href=\"./feed.xml\">"
    ));
    let person = read(site, "people/delcy-rodriguez/index.html");
    assert!(person.contains("href=\"../../feed.xml\">"));
    assert!(person.contains("href=\"../../people/delcy-rodriguez/feed.xml\">"));
    for page in [
        "articles/index.html",
        "timeline/index.html",
        "people/index.html",
    ] {
        let html = read(site, page);
        assert!(
            !html.contains("application/atom+xml"),
            "{page} announces a feed"
        );
        assert!(
            html.contains(">Atom feed</a>"),
            "{page}'s footer lacks the feed"
        );
    }
}

#[test]
fn the_sitemap_lists_every_html_page_but_the_404_page() {
    let site = default_site();
    let xml = read(site, "sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let urlset = doc.root_element();
    assert_eq!(urlset.tag_name().name(), "urlset");
    assert_eq!(urlset.tag_name().namespace(), Some(SITEMAP));
    let mut files = BTreeSet::new();
    for url in urlset.children().filter(|c| c.is_element()) {
        assert_eq!(url.tag_name().name(), "url");
        let children: Vec<_> = url.children().filter(|c| c.is_element()).collect();
        // The schema: <loc> first, then the optional elements it allows.
        assert_eq!(children[0].tag_name().name(), "loc");
        for c in &children[1..] {
            assert!(
                ["lastmod", "changefreq", "priority"].contains(&c.tag_name().name()),
                "{}",
                c.tag_name().name()
            );
            if c.tag_name().name() == "lastmod" {
                chrono::NaiveDate::parse_from_str(c.text().unwrap(), "%Y-%m-%d").unwrap();
            }
        }
        let loc = children[0].text().unwrap();
        assert!(loc.len() < 2048);
        let file = file_of(loc);
        assert!(site.join(&file).is_file(), "{loc} → {file}");
        assert!(files.insert(file), "{loc} twice");
    }
    let pages: BTreeSet<String> = html_files(site)
        .into_iter()
        .filter(|f| f != "404.html")
        .collect();
    assert_eq!(files, pages);
    assert_eq!(
        read(site, "robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n")
    );
}

#[test]
fn pages_carry_open_graph_and_safe_json_ld() {
    let site = default_site();
    let person = read(site, "people/delcy-rodriguez/index.html");
    assert!(person.contains("<meta property=\"og:type\" content=\"profile\">"));
    assert!(person.contains(&format!(
        "<link rel=\"canonical\" href=\"{BASE}people/delcy-rodriguez/\">"
    )));
    // Open Graph's required properties, and nothing a card reads elsewhere: its
    // description is the page's (consumers fall back to it), its kind X's default, its
    // site's name the title's ending, its URL the canonical link's.
    assert!(person.contains("<meta property=\"og:title\" content=\"Delcy Rodríguez\">"));
    assert!(person.contains("<meta name=\"description\""));
    for said_elsewhere in ["og:description", "og:site_name", "og:url", "twitter:"] {
        assert!(!person.contains(said_elsewhere), "{said_elsewhere}");
    }
    // A page without a description of its own has none: the site's, on every list and
    // pair, would describe none of them.
    assert!(read(site, "index.html").contains("<meta name=\"description\""));
    let people = read(site, "people/index.html");
    assert!(!people.contains("name=\"description\""));
    assert!(person.contains("href=\"feed.xml\""));
    let ld = json_ld(&person);
    assert_eq!(ld["@type"], "Person");
    assert_eq!(ld["name"], "Delcy Rodríguez");
    assert_eq!(ld["alternateName"][0], "Delcy Rodriguez");
    let article = read(site, "articles/top-venezuelan-official-wanted/index.html");
    assert!(article.contains("<meta property=\"og:type\" content=\"article\">"));
    // A page of no particular type states none: Open Graph's default is "website".
    let timeline = read(site, "timeline/index.html");
    assert!(!timeline.contains("og:type"));
    assert!(timeline.contains("<meta property=\"og:title\""));
    let ld = json_ld(&article);
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(
        ld["headline"],
        "Top Venezuelan Official Wanted by U.S. Government"
    );
    assert_eq!(ld["datePublished"], "2026-02-21");
    // The people it mentions are linked from the page, not repeated in its JSON-LD, and
    // its address is the canonical link's.
    for said_elsewhere in ["mentions", "mainEntityOfPage", "url"] {
        assert!(ld.get(said_elsewhere).is_none(), "{said_elsewhere}");
    }
}

fn json_ld(html: &str) -> serde_json::Value {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let script = doc.select(&sel).next().expect("a JSON-LD block");
    serde_json::from_str(&script.text().collect::<String>()).unwrap()
}

#[test]
fn json_ld_from_hostile_content_stays_inside_its_script() {
    let dir = briefing_with(Some("hostile"));
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(&dir.path().join("site"), "articles/hostile/index.html");
    let block = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .expect("a JSON-LD block");
    assert!(!block.contains('<'), "{block}");
    let ld: serde_json::Value = serde_json::from_str(block).unwrap();
    assert!(
        ld["headline"]
            .as_str()
            .unwrap()
            .starts_with("<script>alert('title')</script>")
    );
}

// ---------------------------------------------------------------- search

fn index_reader(site: &Path) -> impl Fn(&str) -> Option<Vec<u8>> + '_ {
    move |p: &str| std::fs::read(site.join("search").join(p)).ok()
}

#[test]
fn search_finds_an_unaccented_name_and_an_alias() {
    let site = default_site();
    let read_index = index_reader(site);
    let urls = |q: &str| -> Vec<String> {
        search::query(&read_index, q, 20)
            .into_iter()
            .map(|h| h.url)
            .collect()
    };
    let found = urls("Rodriguez");
    assert!(
        found.contains(&"people/delcy-rodriguez/".to_string()),
        "{found:?}"
    );
    assert_eq!(urls("delcy rodriguez")[0], "people/delcy-rodriguez/");
    // As typed: the last word is a prefix.
    assert_eq!(urls("delcy rodr")[0], "people/delcy-rodriguez/");
    assert_eq!(urls("CABELLO")[0], "people/diosdado-cabello/");
    // Articles are found by their paragraphs, and the result points at the paragraph.
    let hits = search::query(&read_index, "Hezbollah", 5);
    assert_eq!(hits[0].url, "articles/top-venezuelan-official-wanted/#p8");
    assert!(hits[0].passage.contains("Hezbollah"));
    assert!(urls("zzzzqqq").is_empty());
    // The index is split: a query loads a few shards, not the whole index.
    let meta = json(site, "search/index.json");
    let shards = meta["shards"].as_object().unwrap();
    assert!(shards.len() > 5, "{} shards", shards.len());
    for file in shards.values() {
        let size =
            std::fs::metadata(site.join(format!("search/t/{}.json", file.as_str().unwrap())))
                .unwrap()
                .len();
        // A shard is split until small, unless its prefix is already three letters.
        assert!(size < 64 * 1024, "{file}: {size} bytes");
    }
}

#[test]
fn search_forgives_a_typo_filters_by_kind_and_pages_on() {
    let site = default_site();
    let read_index = index_reader(site);
    let ask = |text: &str, kind: Option<&str>, offset: usize| {
        search::search(
            &read_index,
            &search::Request {
                text,
                kind,
                offset,
                limit: 20,
            },
        )
    };
    // One letter short of the name: the person, and the query searched instead.
    let found = ask("cabelo", None, 0);
    assert_eq!(found.corrected.as_deref(), Some("cabello"));
    assert_eq!(found.hits[0].url, "people/diosdado-cabello/");
    assert_eq!(
        ask("diosdado cabelo", None, 0).hits[0].url,
        "people/diosdado-cabello/"
    );
    assert_eq!(ask("Cabello", None, 0).corrected, None);
    // Each kind alone, quotes among them, leading to their paragraph.
    for kind in ["person", "event", "article", "quote", "comparison"] {
        let found = ask("rodriguez", Some(kind), 0);
        assert!(found.total > 0, "no {kind} for rodriguez");
        for h in &found.hits {
            let ok = h.kind == kind || (kind == "comparison" && h.kind == "story");
            assert!(ok, "{kind}: {h:?}");
        }
    }
    let quote = &ask("rodriguez", Some("quote"), 0).hits[0];
    assert!(
        quote.url.starts_with("articles/") && quote.url.contains("#p"),
        "{quote:?}"
    );
    // Past the first 20: the next page holds the results that follow, none twice.
    let all = ask("the", None, 0);
    assert!(all.total > 20, "{} results", all.total);
    let next = ask("the", None, 20);
    assert_eq!(next.total, all.total);
    assert_eq!(next.hits.len(), (all.total - 20).min(20));
    for h in &next.hits {
        assert!(!all.hits.contains(h), "{h:?} on both pages");
    }
}

#[test]
fn search_finds_a_person_by_an_alias_that_shares_no_word_with_the_name() {
    let dir = briefing_with(Some("publish"));
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let site = dir.path().join("site");
    let read_index = index_reader(&site);
    let hits = search::query(&read_index, "la alcaldesa", 5);
    assert_eq!(hits[0].url, "people/ana-ortiz/");
    assert_eq!(hits[0].passage, "La Alcaldesa");
    assert_eq!(
        search::query(&read_index, "ortiz", 5)[0].url,
        "people/ana-ortiz/"
    );
    // The page works without JavaScript: it says so and links to the indexes.
    let page = read(&site, "search/index.html");
    assert!(page.contains("needs JavaScript"));
    for index in ["../people/", "../timeline/", "../articles/"] {
        assert!(page.contains(&format!("href=\"{index}\"")), "{index}");
    }
    assert!(page.contains("<script src=\"../search.js\" defer></script>"));
}

// ---------------------------------------------------------------- report and data

#[test]
fn the_report_holds_every_featured_person_every_event_and_every_source() {
    let site = default_site();
    let html = read(site, "report/index.html");
    let doc = scraper::Html::parse_document(&html);
    let by_id = |id: &str| -> String {
        let sel = scraper::Selector::parse(&format!("[id=\"{id}\"]")).unwrap();
        doc.select(&sel)
            .next()
            .unwrap_or_else(|| panic!("no #{id} in the report"))
            .text()
            .collect()
    };
    let people = json(site, "data/people.json");
    let featured: Vec<_> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["featured"] == true)
        .collect();
    assert_eq!(featured.len(), 3);
    for p in featured {
        let text = by_id(&format!("person-{}", p["id"].as_str().unwrap()));
        assert!(text.contains(p["name"].as_str().unwrap()));
    }
    for e in json(site, "data/timeline.json").as_array().unwrap() {
        if e["curated"] == true {
            let text = by_id(&format!("event-{}", e["id"].as_str().unwrap()));
            assert!(text.contains(e["title"].as_str().unwrap()), "{}", e["id"]);
        }
    }
    for a in json(site, "data/articles.json").as_array().unwrap() {
        let text = by_id(&format!("source-{}", a["id"].as_str().unwrap()));
        assert!(text.contains(a["title"].as_str().unwrap()));
    }
    // Dated by its content, not by the clock.
    assert!(html.contains("As of <time datetime=\"2026-"), "cover date");
}

#[test]
fn the_report_is_dated_by_source_date_epoch_when_set() {
    let dir = briefing_with(None);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("build")
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(&dir.path().join("site"), "report/index.html");
    assert!(html.contains("As of <time datetime=\"2026-01-01\">1 January 2026</time>"));
}

#[test]
fn the_timelinejs_export_follows_its_format() {
    let site = default_site();
    let tl = json(site, "data/timelinejs.json");
    assert_eq!(tl["title"]["text"]["headline"], "Venezuela after Maduro");
    let events = tl["events"].as_array().unwrap();
    let curated = json(site, "data/timeline.json")
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["curated"] == true)
        .count();
    assert_eq!(events.len(), curated);
    for e in events {
        let start = &e["start_date"];
        assert!(start["year"].is_i64(), "{e}");
        if let Some(m) = start["month"].as_i64() {
            assert!((1..=12).contains(&m));
        } else {
            assert!(start.get("day").is_none(), "a day without a month: {e}");
        }
        assert!(!e["text"]["headline"].as_str().unwrap().is_empty());
        assert!(e["unique_id"].is_string());
    }
    // A year-only event has only a year; a worded date is shown as worded.
    let year = events
        .iter()
        .find(|e| e["unique_id"] == "cuba-venezuela-security-agreements")
        .unwrap();
    assert_eq!(year["start_date"], serde_json::json!({ "year": 2008 }));
}

/// The field names a documentation lists per export, from `<code>` in the first
/// column of each field table (the data page) or of each Markdown table (docs/data.md).
fn documented_in_page(html: &str) -> BTreeMap<String, BTreeSet<String>> {
    let doc = scraper::Html::parse_document(html);
    let sections = scraper::Selector::parse("section[data-export]").unwrap();
    let fields = scraper::Selector::parse("table.fields tbody th code").unwrap();
    doc.select(&sections)
        .map(|s| {
            let name = s.value().attr("data-export").unwrap().to_string();
            let set = s.select(&fields).map(|c| c.text().collect()).collect();
            (name, set)
        })
        .collect()
}

fn documented_in_markdown(md: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            current = h
                .split('`')
                .nth(1)
                .filter(|n| n.ends_with(".json"))
                .map(str::to_string);
        } else if let (Some(name), Some(row)) = (&current, line.strip_prefix("| `")) {
            let field = row.split('`').next().unwrap();
            out.entry(name.clone())
                .or_default()
                .insert(field.to_string());
        }
    }
    out
}

#[test]
fn the_data_page_and_docs_list_exactly_the_exported_fields() {
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    let small = dir.path().join("site");
    let page = documented_in_page(&read(default_site(), "data/index.html"));
    let docs = documented_in_markdown(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data.md"))
            .unwrap(),
    );
    let exports: Vec<String> = crate::support::snapshot(&default_site().join("data"))
        .into_keys()
        .filter(|k| k.ends_with(".json"))
        .collect();
    assert_eq!(page.keys().cloned().collect::<Vec<_>>(), exports);
    assert_eq!(docs.keys().cloned().collect::<Vec<_>>(), exports);
    for name in &exports {
        // The keys found in the exports of both briefings, top level only.
        let mut keys = BTreeSet::new();
        for site in [default_site(), small.as_path()] {
            match json(site, &format!("data/{name}")) {
                serde_json::Value::Array(items) => {
                    for item in items {
                        keys.extend(item.as_object().unwrap().keys().cloned());
                    }
                }
                serde_json::Value::Object(o) => keys.extend(o.keys().cloned()),
                other => panic!("{name}: {other}"),
            }
        }
        if keys.is_empty() {
            continue; // Nothing exported yet: nothing to compare.
        }
        assert_eq!(page[name], keys, "the data page on {name}");
        assert_eq!(docs[name], keys, "docs/data.md on {name}");
    }
}

/// The default briefing built with every data export over the bound: each is shards,
/// of two articles' records, or of three records for people and the timeline.
fn sharded_site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("publish-sharded-site");
        let _ = std::fs::remove_dir_all(&out);
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args([
                "build",
                "--output",
                out.to_str().unwrap(),
                "--base-url",
                BASE,
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("BRIEFING_DATA_LIMITS", "0,2,3")
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        out
    })
}

/// The text of a data file: a JSON file as it is, a shard decompressed.
fn data_text(site: &Path, path: &str) -> String {
    let bytes = std::fs::read(site.join("data").join(path)).unwrap();
    if !path.ends_with(".gz") {
        return String::from_utf8(bytes).unwrap();
    }
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    text
}

/// The records of a data file, in either form.
fn data_records(site: &Path, path: &str) -> Vec<serde_json::Value> {
    let text = data_text(site, path);
    if path.ends_with(".ndjson.gz") {
        let lines = text.lines();
        let parsed =
            lines.map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")));
        return parsed.collect();
    }
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value.as_array().unwrap().clone()
}

/// The records of data export `name`, from every file the manifest lists for it.
fn export_records(site: &Path, name: &str) -> Vec<serde_json::Value> {
    let manifest = json(site, "data/index.json");
    let export = manifest["exports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in the manifest"));
    let files = export["files"].as_array().unwrap().iter();
    files
        .flat_map(|f| data_records(site, f["path"].as_str().unwrap()))
        .collect()
}

#[test]
fn the_manifest_lists_every_data_file_with_its_records_and_bytes() {
    for (site, form) in [(default_site(), "json"), (sharded_site(), "ndjson.gz")] {
        let manifest = json(site, "data/index.json");
        assert_eq!(manifest["version"], 3);
        let files = crate::support::snapshot(&site.join("data"));
        let mut listed = BTreeSet::from(["index.html".to_string(), "index.json".to_string()]);
        for export in manifest["exports"].as_array().unwrap() {
            let name = export["name"].as_str().unwrap();
            let expected = if name == "timelinejs" { "json" } else { form };
            assert_eq!(export["form"], expected, "{name}");
            let (mut records, mut bytes, mut compressed) = (0, 0, 0);
            for f in export["files"].as_array().unwrap() {
                let path = f["path"].as_str().unwrap();
                let held = files
                    .get(path)
                    .unwrap_or_else(|| panic!("{path} is listed, not written"));
                let text = data_text(site, path);
                assert_eq!(f["bytes"], text.len(), "{path}");
                if expected == "json" {
                    assert!(f["compressed_bytes"].is_null(), "{path}");
                    assert!(path.ends_with(".json") && !path.contains('/'), "{path}");
                } else {
                    assert_eq!(f["compressed_bytes"], held.len(), "{path}");
                    assert!(path.starts_with(&format!("{name}/")), "{path}");
                    compressed += held.len();
                }
                if let Some(n) = f["records"].as_u64() {
                    assert_eq!(data_records(site, path).len() as u64, n, "{path}");
                    records += n;
                }
                bytes += text.len();
                listed.insert(path.to_string());
            }
            assert_eq!(export["records"].as_u64().unwrap_or(0), records, "{name}");
            assert_eq!(export["bytes"], bytes, "{name}");
            match expected {
                "json" => assert!(export["compressed_bytes"].is_null(), "{name}"),
                _ => assert_eq!(export["compressed_bytes"], compressed, "{name}"),
            }
            // Version 2's list of NDJSON files: the shards, or none.
            let ndjson = export["ndjson"].as_array().unwrap();
            match expected {
                "json" => assert!(ndjson.is_empty(), "{name}"),
                _ => assert_eq!(export["ndjson"], export["files"], "{name}"),
            }
        }
        let written: BTreeSet<String> = files.into_keys().collect();
        assert_eq!(written, listed, "every data file is in the manifest");
    }
}

#[test]
fn the_shards_hold_exactly_the_records_of_the_one_file_form() {
    let manifest = json(sharded_site(), "data/index.json");
    let articles = export_records(default_site(), "articles");
    let mut checked = 0;
    for export in manifest["exports"].as_array().unwrap() {
        let name = export["name"].as_str().unwrap();
        if name == "timelinejs" {
            continue;
        }
        let records = export_records(default_site(), name);
        assert!(!records.is_empty(), "{name}");
        assert_eq!(export_records(sharded_site(), name), records, "{name}");
        // A shard of the articles' records holds those of its run of articles.
        for f in export["files"].as_array().unwrap() {
            let range = &f["articles"];
            if range.is_null() {
                assert!(["people", "timeline"].contains(&name), "{name}");
                continue;
            }
            let from = range["from"].as_u64().unwrap() as usize;
            let to = range["to"].as_u64().unwrap() as usize;
            assert_eq!(range["first"], articles[from - 1]["id"]);
            assert_eq!(range["last"], articles[to - 1]["id"]);
            assert!(to - from < 2, "{f}");
        }
        checked += 1;
    }
    assert_eq!(checked, 9);
    // And the two builds are the same but for the data exports.
    let (one, sharded) = (
        crate::support::snapshot(default_site()),
        crate::support::snapshot(sharded_site()),
    );
    let differ: Vec<&String> = one
        .keys()
        .chain(sharded.keys())
        .filter(|p| !p.starts_with("data/") && p.as_str() != ".briefing-site")
        .filter(|p| one.get(*p) != sharded.get(*p))
        .collect();
    assert_eq!(differ, Vec::<&String>::new());
}

#[test]
fn every_finding_points_at_the_text_of_its_exported_paragraph() {
    let site = default_site();
    let paragraphs: HashMap<(String, u64), String> = export_records(site, "paragraphs")
        .into_iter()
        .map(|p| {
            let key = (
                p["article"].as_str().unwrap().to_string(),
                p["paragraph"].as_u64().unwrap(),
            );
            (key, p["text"].as_str().unwrap().to_string())
        })
        .collect();
    let articles = export_records(site, "articles");
    let count: u64 = articles
        .iter()
        .map(|a| a["paragraphs"].as_u64().unwrap())
        .sum();
    assert_eq!(paragraphs.len() as u64, count, "every paragraph once");
    // The text of bytes `start..end` of the record's paragraph, which must be there.
    let text =
        |r: &serde_json::Value, start: &serde_json::Value, end: &serde_json::Value| -> String {
            let key = (
                r["article"].as_str().unwrap().to_string(),
                r["paragraph"].as_u64().unwrap(),
            );
            let paragraph = paragraphs
                .get(&key)
                .unwrap_or_else(|| panic!("no paragraph for {r}"));
            let (start, end) = (
                start.as_u64().unwrap() as usize,
                end.as_u64().unwrap() as usize,
            );
            assert!(start < end, "{r}");
            paragraph
                .get(start..end)
                .unwrap_or_else(|| panic!("{start}..{end} is not text of {key:?}: {r}"))
                .to_string()
        };
    for name in ["mentions", "quotes"] {
        let records = export_records(site, name);
        assert!(records.len() > 10, "{name}");
        for r in records {
            assert_eq!(
                text(&r, &r["start"], &r["end"]),
                r["text"].as_str().unwrap(),
                "{r}"
            );
            let s = &r["sentence"];
            let sentence = text(&r, &s["start"], &s["end"]);
            assert!(sentence.contains(r["text"].as_str().unwrap()), "{r}");
            assert!(
                s["start"].as_u64() <= r["start"].as_u64()
                    && r["end"].as_u64() <= s["end"].as_u64(),
                "{r}"
            );
        }
    }
    let dates = export_records(site, "dates");
    assert!(dates.len() > 10);
    for r in dates {
        let sentence = text(&r, &r["sentence"]["start"], &r["sentence"]["end"]);
        assert!(sentence.contains(r["text"].as_str().unwrap()), "{r}");
    }
    let mut sides = 0;
    for pair in export_records(site, "comparisons") {
        for d in pair["differences"].as_array().unwrap() {
            for side in [&d["a"], &d["b"]].into_iter().filter(|s| !s.is_null()) {
                let sentence = text(side, &side["start"], &side["end"]);
                if let Some(quoted) = side["text"].as_str() {
                    assert_eq!(d["kind"], "quote_wording", "{d}");
                    for words in quoted.split(" … ") {
                        assert!(sentence.contains(words), "{words:?} is not in {sentence:?}");
                    }
                }
                sides += 1;
            }
        }
    }
    assert!(sides > 5, "only {sides} sides of differences");
}

// ---------------------------------------------------------------- PDF

#[test]
fn build_prints_the_report_to_pdf_with_chromium() {
    let Some(browser) =
        briefing::pdf::find_browser(briefing::pdf::BROWSERS, std::env::var_os("PATH"))
    else {
        eprintln!(
            "note: skipping the PDF test: none of {} is on the PATH (CI installs chromium)",
            briefing::pdf::BROWSERS.join(", ")
        );
        return;
    };
    let dir = briefing_with(None);
    let out = briefing(dir.path(), &["build", "--pdf", "out/report.pdf"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        browser.display(),
        stderr(&out)
    );
    let pdf = std::fs::read(dir.path().join("out/report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() > 1000);
    // A document outline (the reader's bookmarks) from the report's headings, and the
    // named destinations the contents' page numbers are read from.
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Type /Outlines"), "no document outline");
    assert!(
        has(b"/Title (Key judgments)"),
        "the key judgments are not bookmarked"
    );
    assert!(has(b"/Dests"), "no named destinations");
}

#[test]
fn pdf_without_a_browser_fails_clearly() {
    let dir = briefing_with(None);
    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["build", "--pdf", "report.pdf"])
        .current_dir(dir.path())
        .env("PATH", empty.path())
        .env_remove("BRIEFING_CHROMIUM")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "error: cannot print the report to PDF: no Chromium or Chrome found on the PATH (looked for chromium, chromium-browser, google-chrome, google-chrome-stable)"
        ),
        "{}",
        stderr(&out)
    );
    // The site itself was built.
    assert!(dir.path().join("site/report/index.html").is_file());
}

//! Links and anchors: every internal link of a built site leads somewhere. Each `href`,
//! `src`, `srcset`, `action` and `og:url` of every HTML page, every URL in the sitemap,
//! the feed and robots.txt, and every `url` in the JSON files must resolve to a file of
//! the site, and every `#fragment` to an `id` in the page it points to. Absolute URLs
//! under the site's `base_url` count as internal; other absolute URLs are not checked.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::support::{briefing, briefing_with, snapshot, stderr, unescape_xml};

/// A built site, read into memory: its files, and the ids of each HTML page.
struct Site {
    files: BTreeMap<String, Vec<u8>>,
    /// `https://briefing.test/harbour/`
    base_url: String,
    /// `/harbour/`
    base_path: String,
    ids: HashMap<String, BTreeSet<String>>,
    /// How many internal links and fragments were followed.
    followed: std::cell::Cell<usize>,
}

impl Site {
    fn read(dir: &Path, base_url: &str) -> Site {
        let files = snapshot(dir);
        let base_url = format!("{}/", base_url.trim_end_matches('/'));
        let base_path = match base_url.find("://") {
            Some(i) => base_url[i + 3..]
                .find('/')
                .map_or("/".to_string(), |p| base_url[i + 3 + p..].to_string()),
            None => base_url.clone(),
        };
        let mut ids = HashMap::new();
        for (path, bytes) in &files {
            if path.ends_with(".html") {
                let doc = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
                let found: BTreeSet<String> = doc
                    .tree
                    .values()
                    .filter_map(|n| n.as_element())
                    .flat_map(|e| {
                        let name = (e.name() == "a").then(|| e.attr("name")).flatten();
                        e.attr("id").into_iter().chain(name).map(str::to_string)
                    })
                    .collect();
                ids.insert(path.clone(), found);
            }
        }
        Site {
            files,
            base_url,
            base_path,
            ids,
            followed: Default::default(),
        }
    }

    /// Where `link`, found in the file `from`, leads: `Ok(None)` for an external link,
    /// `Ok(Some((file, fragment)))` inside the site, `Err` if it cannot resolve.
    fn resolve(&self, from: &str, link: &str) -> Result<Option<(String, Option<String>)>, String> {
        let link = link.trim();
        let (rest, from_root) = if let Some(rest) = link.strip_prefix(&self.base_url) {
            (rest, true)
        } else if link.starts_with("//") || has_scheme(link) {
            return Ok(None);
        } else if let Some(rest) = link.strip_prefix(&self.base_path) {
            (rest, true)
        } else if link.starts_with('/') {
            return Err(format!(
                "`{link}` is outside the base path `{}`",
                self.base_path
            ));
        } else {
            (link, false)
        };
        let (rest, fragment) = match rest.split_once('#') {
            Some((r, f)) => (r, Some(percent_decode(f))),
            None => (rest, None),
        };
        let rest = rest.split('?').next().unwrap_or_default();
        if rest.is_empty() && !from_root {
            return Ok(Some((from.to_string(), fragment)));
        }
        let mut segments: Vec<String> = if from_root {
            Vec::new()
        } else {
            let mut dir: Vec<String> = from.split('/').map(str::to_string).collect();
            dir.pop();
            dir
        };
        for seg in rest.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    if segments.pop().is_none() {
                        return Err(format!("`{link}` leaves the site"));
                    }
                }
                s => segments.push(percent_decode(s)),
            }
        }
        let mut path = segments.join("/");
        if rest.is_empty() || rest.ends_with('/') {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str("index.html");
        }
        if self.files.contains_key(&path) {
            return Ok(Some((path, fragment)));
        }
        if self.files.contains_key(&format!("{path}/index.html")) {
            return Err(format!(
                "`{link}` names a folder without its trailing slash"
            ));
        }
        Err(format!("`{link}` → `{path}` does not exist"))
    }

    /// Checks one link from `from`; a problem is pushed to `broken`.
    fn check(&self, from: &str, link: &str, broken: &mut Vec<String>) {
        match self.resolve(from, link) {
            Ok(None) => return,
            Err(e) => broken.push(format!("{from}: {e}")),
            Ok(Some((file, Some(fragment)))) if !fragment.is_empty() && fragment != "top" => {
                match self.ids.get(&file) {
                    Some(ids) if ids.contains(&fragment) => {}
                    Some(_) => {
                        broken.push(format!("{from}: `{link}`: `{file}` has no id `{fragment}`"))
                    }
                    None => broken.push(format!(
                        "{from}: `{link}`: a fragment into `{file}`, which is not a page"
                    )),
                }
            }
            Ok(Some(_)) => {}
        }
        self.followed.set(self.followed.get() + 1);
    }

    fn broken_links(&self) -> Vec<String> {
        let mut broken = Vec::new();
        for (path, bytes) in &self.files {
            let text = String::from_utf8_lossy(bytes);
            if path.ends_with(".html") {
                self.check_html(path, &text, &mut broken);
            } else if path.ends_with(".xml") {
                for url in xml_urls(&text) {
                    self.check(path, &url, &mut broken);
                }
            } else if path.ends_with(".json") {
                match serde_json::from_str::<serde_json::Value>(&text) {
                    Ok(v) => {
                        let mut urls = Vec::new();
                        json_urls(&v, &mut urls);
                        // Search documents give URLs relative to the site root.
                        for url in urls {
                            self.check("index.html", &url, &mut broken);
                        }
                    }
                    Err(e) => broken.push(format!("{path}: not JSON: {e}")),
                }
            } else if path == "robots.txt" {
                for line in text.lines() {
                    if let Some(url) = line.strip_prefix("Sitemap:") {
                        self.check(path, url.trim(), &mut broken);
                    }
                }
            }
        }
        broken
    }

    fn check_html(&self, path: &str, text: &str, broken: &mut Vec<String>) {
        let doc = scraper::Html::parse_document(text);
        for el in doc.tree.values().filter_map(|n| n.as_element()) {
            for (name, value) in el.attrs() {
                let links: Vec<&str> = match name {
                    "href" | "src" | "action" | "formaction" | "poster" | "data" => vec![value],
                    "srcset" => value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .collect(),
                    "content" if matches!(el.attr("property"), Some("og:url" | "og:image")) => {
                        vec![value]
                    }
                    _ => continue,
                };
                for link in links {
                    // The 404 page is served at any address: a relative link in it would
                    // resolve against wherever the reader happened to be.
                    let relative = !link.starts_with('#')
                        && !link.starts_with('/')
                        && !has_scheme(link)
                        && !link.is_empty();
                    if path == "404.html" && relative {
                        broken.push(format!(
                            "404.html: `{link}` is relative; the 404 page needs root-based links"
                        ));
                    }
                    self.check(path, link, broken);
                }
            }
        }
    }
}

fn has_scheme(link: &str) -> bool {
    let Some(colon) = link.find(':') else {
        return false;
    };
    let scheme = &link[..colon];
    !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// URLs in a sitemap or feed: `<loc>`, `<id>` and `href="…"`, unescaped.
fn xml_urls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut between = |open: &str, close: &str| {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            rest = &rest[i + open.len()..];
            if let Some(j) = rest.find(close) {
                out.push(unescape_xml(&rest[..j]));
                rest = &rest[j..];
            }
        }
    };
    between("<loc>", "</loc>");
    between("<id>", "</id>");
    between("href=\"", "\"");
    out
}

/// Every string under a `url` key, at any depth.
fn json_urls(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match v {
                    serde_json::Value::String(s) if k == "url" => out.push(s.clone()),
                    other => json_urls(other, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_urls(i, out)),
        _ => {}
    }
}

fn assert_no_broken_links(site: &Site) {
    let broken = site.broken_links();
    let shown: Vec<_> = broken.iter().take(60).collect();
    assert!(
        broken.is_empty(),
        "{} broken links:\n{shown:#?}",
        broken.len()
    );
}

#[test]
fn the_default_briefing_has_no_broken_links_or_anchors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let run = briefing(root, &["build", "--output", out.path().to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let site = Site::read(out.path(), "https://example.org/");
    assert!(site.files.len() > 40);
    assert_no_broken_links(&site);
    // Every page links to many others: the checker really followed them.
    assert!(
        site.followed.get() > 20 * site.ids.len(),
        "{} links followed",
        site.followed.get()
    );
}

#[test]
fn a_briefing_under_a_sub_path_has_no_broken_links_or_anchors() {
    // The minimal fixture is published at https://briefing.test/harbour/.
    let dir = briefing_with(None);
    let run = briefing(dir.path(), &["build"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_no_broken_links(&Site::read(
        &dir.path().join("site"),
        "https://briefing.test/harbour/",
    ));
}

#[test]
fn the_checker_finds_what_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let page = |links: &str| {
        format!("<!DOCTYPE html><html><body><h1 id=\"top-title\">x</h1>{links}</body></html>")
    };
    let files = [
        (
            "index.html",
            page(
                "<a href=\"a/\">ok</a><a href=\"a/#here\">ok</a><a href=\"#top-title\">ok</a><a href=\"https://elsewhere.example/x\">external</a><a href=\"https://example.org/b/a/\">ok</a>",
            ),
        ),
        (
            "a/index.html",
            page(
                "<p id=\"here\"></p><a href=\"../missing/\">1</a><a href=\"../#nowhere\">2</a><a href=\"../../../etc/passwd\">3</a><a href=\"../a\">4</a><img src=\"/other/x.png\"><img srcset=\"../gone.png 1x\">",
            ),
        ),
        ("404.html", page("<a href=\"a/\">5</a>")),
        (
            "sitemap.xml",
            "<urlset><url><loc>https://example.org/b/nope/</loc></url></urlset>".to_string(),
        ),
        (
            "s.json",
            "[{\"url\": \"a/#here\"}, {\"url\": \"a/#gone\"}]".to_string(),
        ),
    ];
    for (path, text) in &files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let mut broken = Site::read(dir.path(), "https://example.org/b").broken_links();
    broken.sort();
    assert_eq!(
        broken,
        [
            "404.html: `a/` is relative; the 404 page needs root-based links",
            "a/index.html: `../#nowhere`: `index.html` has no id `nowhere`",
            "a/index.html: `../../../etc/passwd` leaves the site",
            "a/index.html: `../a` names a folder without its trailing slash",
            "a/index.html: `../gone.png` → `gone.png` does not exist",
            "a/index.html: `../missing/` → `missing/index.html` does not exist",
            "a/index.html: `/other/x.png` is outside the base path `/b/`",
            "index.html: `a/#gone`: `a/index.html` has no id `gone`",
            "sitemap.xml: `https://example.org/b/nope/` → `nope/index.html` does not exist",
        ]
    );
}

//! Hostile content: no text from content can run script in a reader's browser. The
//! corpus in `tests/fixtures/hostile/` (laid over `minimal/`) puts script-injection
//! payloads in every field a user controls; the build must turn them into harmless
//! text or drop them. The same build is opened in Chromium by `tests/e2e/hostile.test.mjs`,
//! which fails on any dialog or request the payloads would make.
//!
//! Unsafe URLs in YAML URL fields are content errors instead, tested here too.

use std::collections::{BTreeMap, BTreeSet};

use crate::support::{briefing, briefing_with, built, fixtures, stderr, stdout, unescape_xml};

/// Attributes whose value a browser loads or navigates to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "srcset",
    "ping",
    "codebase",
    "manifest",
    "lowsrc",
    "dynsrc",
    "longdesc",
    "usemap",
    "icon",
    "xlink:href",
];

/// Elements that run or embed code, or change how the page loads; none may come from
/// content, and the theme has no reason to use them.
const FORBIDDEN: &[&str] = &[
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "style",
    "template",
    "portal",
    "isindex",
    "noembed",
    "xmp",
    "plaintext",
];

/// The scheme as a browser reads it: whitespace and control characters inside are
/// ignored, letters case-folded.
fn runs_code(url: &str) -> bool {
    let v: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    v.starts_with("javascript:") || v.starts_with("vbscript:") || v.starts_with("data:")
}

type Files = BTreeMap<String, Vec<u8>>;

/// Every way `doc` (found at `where_`, the file `page` of `site`) could run script;
/// `clean` is a build without the hostile content, for the theme's own files.
fn unsafe_markup(
    where_: &str,
    doc: &scraper::Html,
    clean: &Files,
    site: &Files,
    page: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    for node in doc.tree.nodes() {
        let Some(el_ref) = scraper::ElementRef::wrap(node) else {
            continue;
        };
        let el = el_ref.value();
        let name = el.name();
        if FORBIDDEN.contains(&name) {
            problems.push(format!("{where_}: <{name}> element"));
        }
        match name {
            "meta" if el.attr("http-equiv").is_some() => {
                problems.push(format!(
                    "{where_}: <meta http-equiv={:?}>",
                    el.attr("http-equiv").unwrap_or_default()
                ));
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or_default();
                let href = el.attr("href").unwrap_or_default();
                let known = rel.split_whitespace().all(|r| {
                    matches!(
                        r,
                        "stylesheet" | "canonical" | "alternate" | "icon" | "preload" | "manifest"
                    )
                });
                if !known || (href.contains("://") && !href.starts_with("https://briefing.test/")) {
                    problems.push(format!("{where_}: <link rel={rel:?} href={href:?}>"));
                }
            }
            "script" => {
                let inline: String = el_ref.text().collect();
                match (el.attr("src"), el.attr("type")) {
                    // Data, not code: it must be JSON, with no way out of its element.
                    (None, Some("application/ld+json" | "application/json")) => {
                        if serde_json::from_str::<serde_json::Value>(&inline).is_err() {
                            problems.push(format!(
                                "{where_}: a JSON script block that is not JSON: {inline:.120}"
                            ));
                        }
                        let lower = inline.to_ascii_lowercase();
                        if lower.contains("<script")
                            || lower.contains("<!--")
                            || lower.contains("</")
                        {
                            problems.push(format!(
                                "{where_}: a JSON script block with `<` sequences: {inline:.120}"
                            ));
                        }
                    }
                    // The theme's own script file: the same bytes as in a build without
                    // the hostile content.
                    (Some(src), _)
                        if inline.trim().is_empty()
                            && !src.contains(':')
                            && src.ends_with(".js") =>
                    {
                        let file = resolve(page, src);
                        if site.get(&file).is_none() || site.get(&file) != clean.get(&file) {
                            problems.push(format!(
                                "{where_}: <script src={src:?}> is not the theme's own file"
                            ));
                        }
                    }
                    _ => problems.push(format!(
                        "{where_}: <script> {:?} {inline:.80}",
                        el.attrs().collect::<Vec<_>>()
                    )),
                }
            }
            _ => {}
        }
        for (attr, value) in el.attrs() {
            if attr.starts_with("on") {
                problems.push(format!("{where_}: {attr}= on <{name}>"));
            }
            if attr == "srcdoc" {
                problems.push(format!("{where_}: srcdoc= on <{name}>"));
            }
            if URL_ATTRIBUTES.contains(&attr) {
                let urls: Vec<&str> = if attr == "srcset" {
                    value.split(',').collect()
                } else {
                    vec![value]
                };
                if urls.iter().any(|u| runs_code(u)) {
                    problems.push(format!("{where_}: {attr}={value:?} on <{name}>"));
                }
            }
            if attr == "style" {
                let v = value.to_ascii_lowercase();
                if [
                    "javascript:",
                    "expression(",
                    "behavior:",
                    "-moz-binding",
                    "url(",
                ]
                .iter()
                .any(|bad| v.contains(bad))
                {
                    problems.push(format!("{where_}: style={value:?} on <{name}>"));
                }
            }
        }
    }
    problems
}

/// The site file a relative script `src` of `page` points to.
fn resolve(page: &str, src: &str) -> String {
    // The hostile fixture is published under https://briefing.test/harbour/.
    if let Some(from_root) = src.strip_prefix("/harbour/") {
        return from_root.to_string();
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in src.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The text of every `<tag type="html">…</tag>` of a feed, unescaped: HTML a feed
/// reader will render.
fn feed_html(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in ["summary", "content", "title", "subtitle", "rights"] {
        let open = format!("<{tag} type=\"html\">");
        let close = format!("</{tag}>");
        let mut rest = xml;
        while let Some(i) = rest.find(&open) {
            rest = &rest[i + open.len()..];
            let end = rest.find(&close).unwrap_or(rest.len());
            out.push(unescape_xml(&rest[..end]));
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn hostile_content_never_reaches_the_output_as_script() {
    let (_clean_dir, clean) = built(None);
    let (_dir, site) = built(Some("hostile"));
    let mut problems = Vec::new();
    let mut pages = 0;
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".html") {
            pages += 1;
            // Parsed as a browser would: escaped text such as `&lt;script&gt;` is
            // harmless, only real elements and attributes count.
            let doc = scraper::Html::parse_document(&text);
            problems.extend(unsafe_markup(path, &doc, &clean, &site, path));
        } else if path.ends_with(".xml") {
            // A feed reader renders HTML content: it must be as safe as a page.
            for (i, html) in feed_html(&text).iter().enumerate() {
                let doc = scraper::Html::parse_fragment(html);
                problems.extend(unsafe_markup(
                    &format!("{path} (HTML #{i})"),
                    &doc,
                    &clean,
                    &site,
                    path,
                ));
            }
            if text.to_ascii_lowercase().contains("<script") {
                problems.push(format!("{path}: a <script> element in XML"));
            }
        }
    }
    assert!(pages > 10, "{pages} pages");
    assert!(
        problems.is_empty(),
        "{} problems:\n{problems:#?}",
        problems.len()
    );
    // The hostile article is there, its text escaped, not dropped.
    let article = String::from_utf8_lossy(&site["articles/hostile/index.html"]).into_owned();
    assert!(
        article.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Pier"),
        "the title is shown as text"
    );
}

#[test]
fn template_syntax_in_content_is_shown_as_written() {
    let dir = briefing_with(Some("hostile"));
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text_of = |page: &str| {
        let html = std::fs::read_to_string(dir.path().join("site").join(page)).unwrap();
        let doc = scraper::Html::parse_document(&html);
        doc.root_element().text().collect::<String>()
    };
    for (page, literal) in [
        ("articles/hostile/index.html", "{{ site.title }}"),
        ("articles/hostile/index.html", "{% if true %}x{% endif %}"),
        ("timeline/index.html", "{{ 1 + 1 }}"),
        ("outlets/evil/index.html", "{{ 7*7 }}"),
        (
            "people/mallory/index.html",
            "{% for x in [1,2] %}loop{% endfor %}",
        ),
        ("compare/hostile/index.html", "{{ 8*8 }}"),
    ] {
        assert!(
            text_of(page).contains(literal),
            "{page} shows `{literal}` as written"
        );
    }
}

/// The corpus keeps its promise: at least 40 distinct payloads, and one in every field
/// a user controls.
#[test]
fn the_hostile_corpus_covers_every_field_with_at_least_40_payloads() {
    let root = fixtures().join("hostile");
    let mut payloads = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for marker in ["alert(", "msgbox(", "/pwned-"] {
            for (i, _) in text.match_indices(marker) {
                let rest = &text[i + marker.len()..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '\'')
                    .collect();
                payloads.insert(format!("{marker}{id}"));
            }
        }
    }
    assert!(
        payloads.len() >= 40,
        "{} payloads: {payloads:?}",
        payloads.len()
    );

    let yaml = |rel: &str| -> serde_yaml::Value {
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        let text = match text.strip_prefix("---\n") {
            Some(rest) => rest.split("\n---\n").next().unwrap().to_string(),
            None => text,
        };
        serde_yaml::from_str(&text).unwrap()
    };
    let hostile = |s: &str| {
        // URL fields only accept addresses, so their payloads are single-quote and
        // percent-encoded breakouts.
        ["<", "javascript:", "{{", "{%", "\"", "'on", "%3C"]
            .iter()
            .any(|p| s.contains(p))
    };
    let fields: &[(&str, &[&str])] = &[
        ("briefing.yaml", &["title", "description", "timezone"]),
        (
            "content/outlets.yaml",
            &["gazette.name", "gazette.country", "evil.name", "evil.url"],
        ),
        (
            "content/people/mallory.yaml",
            &[
                "name",
                "aliases.0",
                "surname",
                "titles.0",
                "roles.0.title",
                "summary",
                "relations.0.kind",
                "image",
            ],
        ),
        ("content/people/ana-ortiz.yaml", &["relations.0.kind"]),
        (
            "content/articles/hostile.md",
            &["title", "author", "url", "language"],
        ),
        (
            "content/timeline/hostile.yaml",
            &["0.title", "0.summary", "0.display", "0.sources.0.quote"],
        ),
        (
            "content/comparisons/hostile.yaml",
            &[
                "title",
                "summary",
                "points.0.topic",
                "points.0.note",
                "points.0.claims.0.quote",
            ],
        ),
    ];
    for (file, paths) in fields {
        let doc = yaml(file);
        for path in *paths {
            let mut v = &doc;
            for seg in path.split('.') {
                v = match seg.parse::<usize>() {
                    Ok(i) => &v[i],
                    Err(_) => &v[seg],
                };
            }
            let s = v
                .as_str()
                .unwrap_or_else(|| panic!("{file}: `{path}` is not a string"));
            assert!(hostile(s), "{file}: `{path}` carries no payload: {s:?}");
        }
    }
    let body = std::fs::read_to_string(root.join("content/articles/hostile.md")).unwrap();
    assert!(
        body.matches("alert(").count() > 40,
        "the article body carries the bulk of the payloads"
    );
}

/// One file of the minimal fixture replaced, and the exact error expected.
fn rejected(file: &str, text: &str, line: usize, column: usize) {
    let dir = briefing_with(None);
    std::fs::write(dir.path().join(file), text).unwrap();
    let check = briefing(dir.path(), &["check", "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout(&check)).expect("JSON");
    let errors: Vec<String> = list
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            format!(
                "{} at {}:{}:{}",
                d["code"].as_str().unwrap(),
                d["path"].as_str().unwrap(),
                d["line"],
                d["column"]
            )
        })
        .collect();
    assert_eq!(
        errors,
        [format!("bad-url at {file}:{line}:{column}")],
        "{text}"
    );
    assert_eq!(check.status.code(), Some(1));
    let build = briefing(dir.path(), &["build"]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(!dir.path().join("site").exists());
}

const OUTLET: &str = "gazette:\n  name: The Harbour Gazette\n  kind: newspaper\n  url: ";
const PERSON: &str = "name: Ana Ortiz\nimage: ";
const ARTICLE: &str =
    "---\ntitle: Council votes on the pier\noutlet: gazette\npublished: 2026-03-06\nurl: ";
const ARTICLE_BODY: &str = "\n---\nMayor Ana Ortiz said the council would vote on the pier on Thursday.\n\n“We will rebuild it,” Ortiz said.\n";

#[test]
fn unsafe_urls_in_yaml_url_fields_are_content_errors() {
    let outlets = "content/outlets.yaml";
    for url in [
        "\"javascript:alert(1)\"",
        "\"JaVaScRiPt:alert(1)\"",
        "\"data:text/html,<script>alert(1)</script>\"",
        "\"//evil.example/x.js\"",
        "\"vbscript:msgbox(1)\"",
        // Valid schemes, but an attribute breakout in the address.
        "\"https://evil.example/?q=\\\"><script>alert(1)</script>\"",
        "\"https://evil.example/a b\"",
    ] {
        rejected(outlets, &format!("{OUTLET}{url}\n"), 4, 8);
    }
    let person = "content/people/ana-ortiz.yaml";
    for url in [
        "\"data:image/svg+xml,<svg onload=alert(1)>\"",
        "\" javascript:alert(1)\"",
        "\"java\\tscript:alert(1)\"",
    ] {
        rejected(person, &format!("{PERSON}{url}\n"), 2, 8);
    }
    let article = "content/articles/pier-vote.md";
    for url in [
        "\"java\\tscript:alert(1)\"",
        "\"&#106;avascript:alert(1)\"",
        "\"%6A%61vascript:alert(1)\"",
        "\"javascript&colon;alert(1)\"",
        "\"https\\u0000:x\"",
        "\"file:///etc/passwd\"",
    ] {
        rejected(article, &format!("{ARTICLE}{url}{ARTICLE_BODY}"), 5, 6);
    }
    rejected(
        "briefing.yaml",
        "title: Harbour Town\nbase_url: \"javascript:alert(1)//\"\nfeatured: [ana-ortiz]\n",
        2,
        11,
    );
}

#[test]
fn the_hostile_fixture_checks_clean() {
    // The corpus is valid content: only its text is hostile.
    let dir = briefing_with(Some("hostile"));
    let out = briefing(dir.path(), &["check", "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("JSON");
    let errors: Vec<_> = list.iter().filter(|d| d["severity"] == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(out.status.code(), Some(0));
}

/// The check above is only as good as what it catches: each of these must be found.
#[test]
fn the_markup_check_catches_each_way_to_run_script() {
    let empty = Files::new();
    for html in [
        "<script>alert(1)</script>",
        "<script src=\"https://evil.example/x.js\"></script>",
        "<script type=\"application/ld+json\">{\"a\": \"</p>\"}</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\" JaVa\tScript:alert(1)\">x</a>",
        "<a href=\"data:text/html,x\">x</a>",
        "<img srcset=\"a.png 1x, javascript:alert(1) 2x\">",
        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        "<iframe srcdoc=\"x\"></iframe>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=/x\">",
        "<link rel=\"import\" href=\"x.html\">",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<object data=\"x\"></object>",
    ] {
        let doc = scraper::Html::parse_document(html);
        assert!(
            !unsafe_markup("t", &doc, &empty, &empty, "index.html").is_empty(),
            "not caught: {html}"
        );
    }
    let fine = scraper::Html::parse_document(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"../people/x/\" title=\"javascript:\">x</a></p><script type=\"application/ld+json\">{\"a\": \"\\u003c/p\\u003e\"}</script>",
    );
    assert_eq!(
        unsafe_markup("t", &fine, &empty, &empty, "index.html"),
        Vec::<String>::new()
    );
}

//! Every page bounded whatever the corpus (issue 14): a generated briefing about one
//! long affair — a small cast named in most articles, background paragraphs every
//! outlet repeats, wire copies — built by the real binary at two sizes. Lists are
//! paginated and in the sitemap, no page is over its budget, and no page but an
//! article's own grows with the number of articles.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::support::{briefing, stderr};

/// A page of the site may weigh this much at most, whatever the corpus: a list page
/// holds a fixed number of items, an overview a fixed number of each list's items.
const PAGE_BUDGET: usize = 256 * 1024;

/// A deterministic number stream (SplitMix64), so the corpus is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const OUTLETS: [&str; 8] = [
    "wire-one",
    "daily-post",
    "evening-star",
    "harbour-news",
    "the-ledger",
    "radio-north",
    "courier",
    "observer",
];
/// (id, name, surname, title): three featured, the others named now and then.
const PEOPLE: [(&str, &str, &str, &str); 10] = [
    ("marta-vidal", "Marta Vidal", "Vidal", "Port Commissioner"),
    ("oren-falk", "Oren Falk", "Falk", "Harbour Master"),
    ("ines-moura", "Ines Moura", "Moura", "Auditor General"),
    ("paul-rask", "Paul Rask", "Rask", "Council Leader"),
    ("lena-ortt", "Lena Ortt", "Ortt", "Finance Director"),
    ("tomas-bel", "Tomas Bel", "Bel", "Union Secretary"),
    ("ada-nyhus", "Ada Nyhus", "Nyhus", "Prosecutor"),
    ("kai-linde", "Kai Linde", "Linde", "Contractor"),
    ("rosa-vink", "Rosa Vink", "Vink", "Judge"),
    ("eli-strand", "Eli Strand", "Strand", "Spokesperson"),
];
/// What every outlet repeats when it recaps the affair.
const BACKGROUND: [&str; 8] = [
    "The harbour contract affair began when auditors found that payments for the new quay had been made twice.",
    "Port Commissioner Marta Vidal has denied any wrongdoing and says the payments were approved by the full board.",
    "The quay was meant to open three years ago and its cost has since doubled.",
    "Harbour Master Oren Falk ordered an internal review after the first reports appeared.",
    "Auditor General Ines Moura has asked for every invoice of the project to be published.",
    "The contractor has said it delivered all the work it was paid for.",
    "Opposition councillors have called for a public inquiry into the harbour accounts.",
    "The affair has dominated local politics for more than a year.",
];
const VERBS: [&str; 6] = [
    "approved",
    "questioned",
    "delayed",
    "rejected",
    "reviewed",
    "signed",
];
const THINGS: [&str; 8] = [
    "a new payment schedule",
    "the dredging budget",
    "the inspection report",
    "a revised invoice",
    "the pier lease",
    "the crane order",
    "the insurance claim",
    "the ferry subsidy",
];
const PLACES: [&str; 5] = [
    "the north basin",
    "the old pier",
    "the ferry terminal",
    "dock four",
    "the fish market",
];

/// Writes a briefing of `n` articles about one affair into `root`, its lists cut into
/// pages of `page_size` items (the default when `None`).
fn affair(root: &Path, n: usize, page_size: Option<usize>) {
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "briefing.yaml",
        &format!(
            "title: The Harbour Affair\ndescription: A generated briefing.\nbase_url: https://briefing.test/affair/\nlanguage: en\nfeatured: [marta-vidal, oren-falk, ines-moura]\n{}",
            page_size.map_or(String::new(), |n| format!("page_size: {n}\n"))
        ),
    );
    let mut outlets = String::new();
    for o in OUTLETS {
        let kind = if o == "wire-one" { "wire" } else { "newspaper" };
        let _ = writeln!(
            outlets,
            "{o}:\n  name: {}\n  kind: {kind}",
            o.replace('-', " ")
        );
    }
    write("content/outlets.yaml", &outlets);
    for (id, name, surname, title) in PEOPLE {
        write(
            &format!("content/people/{id}.yaml"),
            &format!(
                "name: {name}\nsurname: {surname}\ntitles: [{title}]\nsummary: {title} in the harbour affair.\n"
            ),
        );
    }
    let mut rng = Rng(7);
    let mut events = String::new();
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut originals: Vec<(String, String)> = Vec::new();
    for i in 0..n {
        let day = start + chrono::Duration::days((i * 700 / n.max(1)) as i64);
        let id = format!("a{i:05}");
        let outlet = OUTLETS[i % OUTLETS.len()];
        // Every fifth article is a wire copy of an earlier one, lightly edited.
        let body = if i % 5 == 4 && !originals.is_empty() {
            let (_, text) = &originals[(rng.next() % originals.len() as u64) as usize];
            text.replacen("said", "told reporters", 1)
        } else {
            let (_, name, surname, title) = PEOPLE[i % 3];
            let (_, other, _, other_title) = PEOPLE[3 + i % 7];
            let news = format!(
                "{title} {name} {} {} at {} on {}, the {}th decision of its kind.",
                rng.pick(&VERBS),
                rng.pick(&THINGS),
                rng.pick(&PLACES),
                day.format("%B %-d"),
                i + 3
            );
            let quote = format!(
                "“We {} {} and we will not wait for {},” {surname} said.",
                rng.pick(&VERBS),
                rng.pick(&THINGS),
                rng.pick(&PLACES)
            );
            let reaction = format!(
                "{other_title} {other} said {} {} was worth {} million.",
                rng.pick(&THINGS),
                rng.pick(&["now", "still", "no longer"]),
                i % 40 + 2
            );
            let mut paragraphs = vec![news.clone(), quote, reaction];
            for k in 0..4 {
                paragraphs.push(BACKGROUND[(i + k * 3) % BACKGROUND.len()].to_string());
            }
            let text = paragraphs.join("\n\n");
            if i % 2 == 0 {
                let _ = write!(
                    events,
                    "- id: e{i:05}\n  date: {}\n  title: {}\n  people: [{}]\n  sources:\n    - article: {id}\n      quote: \"{}\"\n",
                    day,
                    news.split(',').next().unwrap(),
                    PEOPLE[i % 3].0,
                    news.trim_end_matches('.'),
                );
            }
            originals.push((id.clone(), text.clone()));
            text
        };
        write(
            &format!("content/articles/{id}.md"),
            &format!(
                "---\ntitle: Harbour affair, day {i}\noutlet: {outlet}\npublished: {day}\n---\n{body}\n"
            ),
        );
    }
    write("content/timeline/affair.yaml", &events);
}

/// Builds an affair of `n` articles and returns each file of the site with its size.
fn built(n: usize, page_size: Option<usize>) -> (tempfile::TempDir, BTreeMap<String, usize>) {
    let dir = tempfile::tempdir().unwrap();
    affair(dir.path(), n, page_size);
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let site = dir.path().join("site");
    let sizes = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, e.metadata().unwrap().len() as usize)
        })
        .collect();
    (dir, sizes)
}

/// A page's kind for comparing sizes: its path with ids and numbers taken out.
fn kind(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let generic: Vec<&str> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let is_id = i > 0 && i + 1 < parts.len() && parts[0] != "data";
            if is_id
                && ![
                    "page", "mentions", "articles", "quotes", "events", "copies", "pairs",
                ]
                .contains(p)
            {
                "*"
            } else {
                p
            }
        })
        .collect();
    generic.join("/")
}

#[test]
fn every_list_is_paginated_and_every_page_is_in_the_sitemap_and_under_budget() {
    let (dir, sizes) = built(250, None);
    // Pagination where a list is longer than a page: the article index, a featured
    // person's mentions, an outlet's articles.
    for path in [
        "articles/page/2/index.html",
        "articles/page/3/index.html",
        "people/marta-vidal/mentions/page/2/index.html",
        "people/marta-vidal/articles/index.html",
        "timeline/2024/index.html",
        "timeline/2024/03/index.html",
    ] {
        assert!(sizes.contains_key(path), "no {path}");
    }
    assert!(!sizes.contains_key("articles/page/4/index.html"));
    let sitemap = std::fs::read_to_string(dir.path().join("site/sitemap.xml")).unwrap();
    for path in sizes
        .keys()
        .filter(|p| p.ends_with("index.html") && *p != "report/index.html")
    {
        let url = format!(
            "<loc>https://briefing.test/affair/{}</loc>",
            path.strip_suffix("index.html").unwrap()
        );
        assert!(sitemap.contains(&url), "{url} is not in the sitemap");
    }
    // The report is a document of its own, with its own bound (in `large.rs`).
    let over: Vec<(&String, &usize)> = sizes
        .iter()
        .filter(|(p, size)| {
            p.ends_with(".html") && *p != "report/index.html" && **size > PAGE_BUDGET
        })
        .collect();
    assert_eq!(
        over,
        Vec::<(&String, &usize)>::new(),
        "pages over {PAGE_BUDGET} bytes"
    );
}

#[test]
fn no_page_but_an_article_grows_with_the_number_of_articles() {
    let largest = |sizes: &BTreeMap<String, usize>| -> BTreeMap<String, usize> {
        let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
        for (path, size) in sizes.iter().filter(|(p, _)| p.ends_with(".html")) {
            let k = by_kind.entry(kind(path)).or_default();
            *k = (*k).max(*size);
        }
        by_kind
    };
    // Pages of eight items, so that every list fills its pages at both sizes.
    let (_small_dir, small) = built(100, Some(8));
    let (_large_dir, large) = built(300, Some(8));
    let (small, large) = (largest(&small), largest(&large));
    let grown: Vec<String> = large
        .iter()
        .filter(|(kind, size)| {
            // Articles are as long as they are; the report is bounded by its own test.
            let exempt = kind.starts_with("articles/*/") || kind.starts_with("report/");
            let before = small.get(*kind).copied().unwrap_or(0);
            !exempt && before > 0 && **size as f64 > before as f64 * 1.35 + 4096.0
        })
        .map(|(kind, size)| format!("{kind}: {} → {size} bytes", small[kind]))
        .collect();
    assert_eq!(
        grown,
        Vec::<String>::new(),
        "pages that grew with 3× the articles"
    );
}

#[test]
fn an_incremental_build_of_an_affair_gives_the_bytes_of_a_clean_one() {
    // Pages of eight items: every kind of list spans pages, so an edit moves items
    // across page boundaries.
    let dir = tempfile::tempdir().unwrap();
    affair(dir.path(), 120, Some(8));
    let build = |args: &[&str]| {
        let out = briefing(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stderr(&out)
    };
    build(&["build"]);
    let articles = dir.path().join("content/articles");
    // An article that now names a featured person twice and quotes another, one whose
    // date moves it across pages, and one that goes.
    let edited = articles.join("a00031.md");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        format!(
            "{text}\nMarta Vidal met Ines Moura. “We will publish every invoice,” Moura said.\n"
        ),
    )
    .unwrap();
    let moved = articles.join("a00052.md");
    let text = std::fs::read_to_string(&moved).unwrap();
    let published = text.lines().find(|l| l.starts_with("published: ")).unwrap();
    std::fs::write(&moved, text.replacen(published, "published: 2025-11-30", 1)).unwrap();
    std::fs::remove_file(articles.join("a00077.md")).unwrap();
    let said = build(&["build"]);
    assert!(said.contains(" of them unchanged)"), "{said}");
    build(&["build", "--no-cache", "--output", "clean"]);
    assert_eq!(
        differ(dir.path(), "site", "clean"),
        [""; 0],
        "pages that differ"
    );
}

/// A rebuild after one article's text changed patches the last build's search index
/// by the documents that changed, instead of appending every document's terms again:
/// what it writes, and what it saves for the next rebuild, are a clean build's.
#[test]
fn a_rebuild_after_one_edit_patches_the_search_index_to_a_clean_builds_bytes() {
    let dir = tempfile::tempdir().unwrap();
    affair(dir.path(), 120, None);
    let build = |args: &[&str]| {
        let out = briefing(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    };
    build(&["build"]);
    let articles = dir.path().join("content/articles");
    for (article, word) in [("a00031.md", "zanzibarite"), ("a00090.md", "quillwort")] {
        let path = articles.join(article);
        let text = std::fs::read_to_string(&path).unwrap();
        let sentence = format!("The quartermaster counted {word} crates.");
        std::fs::write(&path, format!("{text}\n{sentence}\n")).unwrap();
        build(&["build"]);
        let _ = std::fs::remove_dir_all(dir.path().join("clean"));
        build(&["build", "--no-cache", "--output", "clean"]);
        assert_eq!(differ(dir.path(), "site", "clean"), [""; 0], "{article}");
        let shards = crate::support::snapshot(&dir.path().join("site/search/t"));
        let term = format!("\"{word}\"");
        let found = shards
            .values()
            .any(|s| String::from_utf8_lossy(s).contains(&term));
        assert!(found, "{word} is a term");
    }
    // What the patched index saved is what the clean build saved.
    let saved = |site: &str| std::fs::read(dir.path().join(format!(".{site}.cache/search-terms")));
    assert_eq!(saved("site").unwrap(), saved("clean").unwrap());
}

/// The files that differ between sites `a` and `b` in `dir`.
fn differ(dir: &Path, a: &str, b: &str) -> Vec<String> {
    let a = crate::support::snapshot(&dir.join(a));
    let b = crate::support::snapshot(&dir.join(b));
    let paths = a.keys().chain(b.keys());
    let differ = paths.filter(|path| a.get(*path) != b.get(*path));
    differ.cloned().collect()
}

/// Runs the real binary in `dir` with the data exports cut small: every export is
/// sharded, ten articles' records (or four records) a shard.
fn build_sharded(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("BRIEFING_DATA_LIMITS", "0,10,4")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn sharded_data_exports_are_the_same_bytes_from_two_builds() {
    let dir = tempfile::tempdir().unwrap();
    affair(dir.path(), 30, None);
    build_sharded(dir.path(), &["build", "--output", "a"]);
    build_sharded(dir.path(), &["build", "--output", "b"]);
    let data = dir.path().join("a/data");
    assert!(data.join("mentions/0003.ndjson.gz").is_file());
    assert!(!data.join("mentions.json").exists());
    assert_eq!(differ(dir.path(), "a", "b"), [""; 0], "files that differ");
}

#[cfg(unix)]
#[test]
fn an_edited_article_renders_again_only_the_data_shards_that_hold_its_records() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    affair(dir.path(), 60, None);
    build_sharded(dir.path(), &["build"]);
    let data = dir.path().join("site/data");
    // A file linked from the previous site keeps its inode; one rendered again is new.
    let inodes = |data: &Path| -> BTreeMap<String, u64> {
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(data.join("index.json")).unwrap()).unwrap();
        let mut files = vec!["index.json".to_string()];
        for export in manifest["exports"].as_array().unwrap() {
            for f in export["files"].as_array().unwrap() {
                files.push(f["path"].as_str().unwrap().to_string());
            }
        }
        let inode = |f: &String| std::fs::metadata(data.join(f)).unwrap().ino();
        files.iter().map(|f| (f.clone(), inode(f))).collect()
    };
    let before = inodes(&data);
    let was = crate::support::snapshot(&data);
    // Article 32 of 60, in the fourth run of ten: a sentence that names no one and
    // dates nothing.
    let edited = dir.path().join("content/articles/a00031.md");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        format!("{text}\nDock workers watched the cranes.\n"),
    )
    .unwrap();
    let said = build_sharded(dir.path(), &["build"]);
    assert!(said.contains(" of them unchanged)"), "{said}");
    let after = inodes(&data);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    // Made again: the shards of the fourth run of articles, the manifest, and a
    // shard whose records changed (a sentence moves the article's sketch, and with it
    // which pairs the grouping compares and the conflicts it finds), and no other.
    let mut expected: Vec<String> = [
        "articles",
        "paragraphs",
        "mentions",
        "quotes",
        "dates",
        "date_references",
    ]
    .iter()
    .map(|e| format!("{e}/0004.ndjson.gz"))
    .chain(["index.json".to_string()])
    .collect();
    let now = crate::support::snapshot(&data);
    for path in after.keys().filter(|f| was[*f] != now[*f]) {
        if !expected.contains(path) {
            expected.push(path.clone());
        }
    }
    expected.sort();
    let rendered: Vec<String> = after
        .iter()
        .filter(|(f, inode)| before[*f] != **inode)
        .map(|(f, _)| f.clone())
        .collect();
    assert_eq!(rendered, expected);
    // And the site is the one a clean build makes.
    build_sharded(dir.path(), &["build", "--no-cache", "--output", "clean"]);
    assert_eq!(
        differ(dir.path(), "site", "clean"),
        [""; 0],
        "files that differ"
    );
}

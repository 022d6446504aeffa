//! A generated briefing of a few hundred articles about one affair — stories told by
//! many outlets, copies that change a figure or reword a quote, background paragraphs
//! every article repeats, more events and comparisons than the report shows — and what
//! must stay bounded whatever its size: the report, the feeds.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};

use crate::support::{briefing, stderr};

/// Stories, each told by this many articles from as many outlets.
const STORIES: usize = 30;
const COPIES: usize = 10;
/// Entries in each feed, from `feed_entries`.
const FEED_ENTRIES: usize = 30;

const OUTLETS: [(&str, &str); 8] = [
    ("wire", "North Wire"),
    ("daily", "The Daily Ledger"),
    ("courier", "Harbour Courier"),
    ("radio", "Radio Nine"),
    ("tribune", "Capital Tribune"),
    ("gazette", "Coast Gazette"),
    ("online", "News Online"),
    ("herald", "Evening Herald"),
];

const PEOPLE: [(&str, &str, &str, &str); 6] = [
    ("vera-lind", "Vera Lind", "Lind", "Prime Minister"),
    ("oskar-brandt", "Oskar Brandt", "Brandt", "Finance Minister"),
    ("mila-horvat", "Mila Horvat", "Horvat", "Prosecutor"),
    ("jonas-eck", "Jonas Eck", "Eck", "Harbour Director"),
    (
        "ida-sorensen",
        "Ida Sorensen",
        "Sorensen",
        "Auditor General",
    ),
    ("karl-nyberg", "Karl Nyberg", "Nyberg", "Opposition Leader"),
];

/// A company name of story `s`: three syllables, different for every story.
fn company(s: usize) -> String {
    const A: [&str; 6] = ["Ar", "Bel", "Cor", "Dun", "Fal", "Gor"];
    const B: [&str; 5] = ["ma", "ve", "ri", "lo", "tu"];
    const C: [&str; 4] = ["dex", "nor", "sant", "vik"];
    format!("{}{}{}", A[s % 6], B[(s / 6) % 5], C[(s / 30) % 4])
}

fn town(s: usize) -> String {
    const T: [&str; 7] = [
        "Ostra", "Vellin", "Marsk", "Tolby", "Redun", "Skarp", "Ulvik",
    ];
    format!(
        "{} {}",
        T[s % 7],
        ["North", "South", "Bay", "Point", "Haven"][(s / 7) % 5]
    )
}

fn day(s: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + Duration::days(3 * s as i64)
}

fn id(s: usize, k: usize) -> String {
    format!("s{s:03}-{}-{k}", OUTLETS[k % OUTLETS.len()].0)
}

/// Copy `k` of story `s`: the original (`k == 0`) by the wire, the others republished
/// by other outlets a day later, some with the figure changed or the quote reworded.
fn article(s: usize, k: usize) -> String {
    let (company, town) = (company(s), town(s));
    let figure = 40 + s * 7 + usize::from(k % 4 == 1) * 3;
    let quote = if k % 5 == 2 {
        format!("We will not hand {town} to {company} without a proper tender")
    } else {
        format!("We will not give {town} away to {company} without a fair tender")
    };
    let published = day(s) + Duration::days(i64::from(k > 0));
    let mut text = String::new();
    let _ = write!(
        text,
        "---\ntitle: Lind defends the {company} harbour contract in {town}\noutlet: {}\npublished: {published}\n{}---\n",
        OUTLETS[k % OUTLETS.len()].0,
        if k > 0 { "derived_from: wire\n" } else { "" },
    );
    let _ = write!(
        text,
        "Prime Minister Vera Lind on Monday defended the harbour contract with {company}, saying it would cost {figure} million euros.\n\n\
         “{quote},” Lind told reporters in {town}.\n\n\
         Prosecutor Mila Horvat said the inquiry into {company} would report in March, and that {} witnesses had been heard.\n\n\
         The harbour contract affair began in 2023, when auditors questioned how the tender for the port of Ostra North was run.\n\n\
         Finance Minister Oskar Brandt met {} officials of {company} in {town} last week to discuss the terminal's {} cranes.\n\n\
         Opposition Leader Karl Nyberg called the {company} deal in {town} a scandal and asked for the contract to be published.\n",
        3 + s % 9,
        2 + s % 5,
        10 + s % 13,
    );
    if k.is_multiple_of(3) {
        text.push_str("\nAuditor General Ida Sorensen has said the affair shows the limits of the procurement law.\n");
    }
    text
}

/// Writes the briefing into `dir`.
fn affair(dir: &Path) {
    let content = dir.join("content");
    for sub in ["articles", "people", "timeline", "comparisons"] {
        std::fs::create_dir_all(content.join(sub)).unwrap();
    }
    std::fs::write(
        dir.join("briefing.yaml"),
        format!(
            "title: The harbour contract affair\ndescription: A generated briefing about one affair.\nbase_url: https://briefing.test/affair/\nlanguage: en\nfeatured: [vera-lind, oskar-brandt, mila-horvat]\nfeed_entries: {FEED_ENTRIES}\n"
        ),
    )
    .unwrap();
    let mut outlets = String::new();
    for (id, name) in OUTLETS {
        let kind = if id == "wire" { "wire" } else { "newspaper" };
        let _ = writeln!(outlets, "{id}:\n  name: {name}\n  kind: {kind}");
    }
    std::fs::write(content.join("outlets.yaml"), outlets).unwrap();
    for (id, name, surname, title) in PEOPLE {
        std::fs::write(
            content.join(format!("people/{id}.yaml")),
            format!("name: {name}\nsurname: {surname}\ntitles: [{title}]\nsummary: {title} in the generated affair.\n"),
        )
        .unwrap();
    }
    let mut timeline = String::new();
    for s in 0..STORIES {
        for k in 0..COPIES {
            std::fs::write(
                content.join(format!("articles/{}.md", id(s, k))),
                article(s, k),
            )
            .unwrap();
        }
        let (company, date) = (company(s), day(s));
        let _ = write!(
            timeline,
            "- id: lind-defends-{s}\n  date: {date}\n  title: Lind defends the {company} contract\n  people: [vera-lind]\n  sources:\n    - {{article: {}, quote: \"defended the harbour contract with {company}\"}}\n    - {{article: {}, quote: \"defended the harbour contract with {company}\"}}\n",
            id(s, 0),
            id(s, 1),
        );
        let _ = write!(
            timeline,
            "- id: inquiry-{s}\n  date: {}\n  title: Horvat's inquiry into {company}\n  people: [mila-horvat]\n  sources:\n    - {{article: {}, quote: \"the inquiry into {company} would report in March\"}}\n",
            date + Duration::days(1),
            id(s, 3),
        );
    }
    std::fs::write(content.join("timeline/affair.yaml"), timeline).unwrap();
    for s in 0..12 {
        std::fs::write(
            content.join(format!("comparisons/contract-{s}.yaml")),
            format!(
                "title: The cost of the {} contract\narticles: [{a}, {b}]\npoints:\n  - topic: The cost\n    verdict: differ\n    claims:\n      - {{article: {a}, quote: \"saying it would cost\"}}\n      - {{article: {b}, quote: \"saying it would cost\"}}\n",
                company(s),
                a = id(s, 0),
                b = id(s, 1),
            ),
        )
        .unwrap();
    }
}

/// The briefing, generated and built once for every test here.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("large-affair");
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        affair(&root);
        let run = briefing(&root, &["build"]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        root.join("site")
    })
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(site().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The report of a briefing of any size is about as long: its sections show their
/// first few and count the rest.
const REPORT_BYTES: usize = 400 * 1024;

#[test]
fn a_large_briefings_report_is_bounded_and_leads_with_its_key_judgments() {
    let html = read("report/index.html");
    assert!(
        html.len() < REPORT_BYTES,
        "the report is {} bytes",
        html.len()
    );
    let doc = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    // The key judgments come first, right after the cover, each of their parts filled.
    let sections: Vec<_> = doc
        .select(&select("article.report > section, article.report > nav"))
        .map(|s| s.value().attr("id").unwrap_or("cover").to_string())
        .collect();
    assert_eq!(
        sections,
        [
            "cover",
            "key-judgments",
            "contents",
            "people",
            "timeline",
            "comparisons",
            "differences",
            "sources"
        ]
    );
    let key = doc
        .select(&select("#key-judgments"))
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    for wanted in [
        "Who matters",
        "Vera Lind",
        "Oskar Brandt",
        "Mila Horvat",
        "from 8 outlets",
        "What is disputed",
        "Quote: ",
        "Which stories matter most",
    ] {
        assert!(
            key.contains(wanted),
            "the key judgments lack {wanted:?}:\n{key}"
        );
    }
    // Every citation has its source in the list, and the list holds the cited sources,
    // not every article.
    let listed: BTreeSet<&str> = doc
        .select(&select(".sources-list li"))
        .filter_map(|li| li.value().attr("id"))
        .collect();
    let cited: BTreeSet<&str> = doc
        .select(&select("a.cite"))
        .filter_map(|a| a.value().attr("href")?.strip_prefix('#'))
        .collect();
    assert!(!cited.is_empty());
    assert_eq!(cited, listed);
    assert!(
        listed.len() < STORIES * COPIES / 2,
        "{} sources",
        listed.len()
    );
    // The rest is counted, with the address of the site's lists.
    let text: String = doc.root_element().text().collect();
    for more in [
        "And 20 more events: see https://briefing.test/affair/timeline/.",
        "And 2 more comparisons: see https://briefing.test/affair/compare/.",
        &format!(
            "And {} more articles: see https://briefing.test/affair/articles/.",
            STORIES * COPIES - listed.len()
        ),
    ] {
        assert!(text.contains(more), "no {more:?}");
    }
    // Each link within the report finds its target.
    let ids: BTreeSet<&str> = doc
        .select(&select("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    for a in doc.select(&select("a[href^=\"#\"]")) {
        let target = &a.value().attr("href").unwrap()[1..];
        assert!(ids.contains(target), "no #{target} in the report");
    }
}

/// The `<entry>` elements of an Atom feed: each one's id and updated.
fn entries(rel: &str) -> Vec<(String, String)> {
    let xml = read(rel);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let text = |e: roxmltree::Node, name: &str| {
        e.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    doc.root_element()
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .map(|e| (text(e, "id"), text(e, "updated")))
        .collect()
}

#[test]
fn the_feeds_carry_the_newest_entries_up_to_feed_entries() {
    let feed = entries("feed.xml");
    assert_eq!(feed.len(), FEED_ENTRIES);
    // The newest first: the last stories' copies and events, never an older one.
    let updated: Vec<&str> = feed.iter().map(|(_, u)| u.as_str()).collect();
    assert!(updated.is_sorted_by(|a, b| a >= b), "{updated:?}");
    let oldest_kept = format!("{}T00:00:00Z", day(STORIES - 3) + Duration::days(1));
    assert!(
        updated.iter().all(|u| *u >= oldest_kept.as_str()),
        "{updated:?}"
    );
    // An event is new when the briefing got it: its newest source's publication, a day
    // after the day it happened.
    let event = format!("/#lind-defends-{}", STORIES - 1);
    let (_, updated) = feed
        .iter()
        .find(|(id, _)| id.ends_with(&event))
        .unwrap_or_else(|| panic!("no {event} in {feed:?}"));
    assert_eq!(
        *updated,
        format!("{}T00:00:00Z", day(STORIES - 1) + Duration::days(1))
    );
    // A person's feed too, though they are named in every article.
    assert_eq!(entries("people/vera-lind/feed.xml").len(), FEED_ENTRIES);
}

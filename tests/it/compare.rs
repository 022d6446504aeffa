//! Comparisons as a reader meets them (issue: the reader's briefing): a curated
//! comparison's grid of sources by points with the outlier flagged, columns headed by
//! outlet and date, each cell linked to the paragraph its claim quotes; a pair's page
//! marking words only where most are shared, and counting and folding the sentences
//! one side alone has. The `compare` fixture is a briefing of another subject (a
//! ferry strike) whose sources disagree on a date, a number and a fact.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use scraper::{ElementRef, Html, Selector};

use crate::support::{briefing, briefing_with, built, snapshot, stderr, stdout};

type Site = BTreeMap<String, Vec<u8>>;

fn page(site: &Site, path: &str) -> Html {
    let bytes = site.get(path).unwrap_or_else(|| panic!("no {path}"));
    Html::parse_document(&String::from_utf8_lossy(bytes))
}

fn select(s: &str) -> Selector {
    Selector::parse(s).expect("a selector")
}

fn text(el: ElementRef) -> String {
    el.text().collect::<String>().trim().to_string()
}

fn all<'a>(doc: &'a Html, s: &str) -> Vec<ElementRef<'a>> {
    doc.select(&select(s)).collect()
}

/// The grid as text: the column heads, and for each row its topic and each cell's
/// stance class.
fn grid(doc: &Html) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let heads = all(doc, "table.grid thead th[scope=col] a")
        .into_iter()
        .map(text)
        .collect();
    let rows = all(doc, "table.grid tbody tr")
        .into_iter()
        .map(|tr| {
            let topic = tr
                .select(&select("th a"))
                .next()
                .map(text)
                .unwrap_or_default();
            let cells = tr
                .select(&select("td"))
                .map(|td| td.value().attr("class").unwrap_or("").to_string())
                .collect();
            (topic, cells)
        })
        .collect();
    (heads, rows)
}

/// Whether `href`, relative to the page at `from`, names an element of its page.
fn target_exists(site: &Site, from: &str, href: &str) -> bool {
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "" | "." => {}
            s => parts.push(s),
        }
    }
    let file = format!("{}/index.html", parts.join("/"));
    let Some(bytes) = site.get(&file) else {
        return false;
    };
    fragment.is_empty()
        || Html::parse_document(&String::from_utf8_lossy(bytes))
            .select(&select(&format!("[id=\"{fragment}\"]")))
            .next()
            .is_some()
}

#[test]
fn the_grid_heads_columns_by_outlet_and_flags_the_source_that_alone_differs() {
    let (_dir, site) = built(Some("compare"));
    let path = "compare/ferry-strike/index.html";
    let doc = page(&site, path);
    let (heads, rows) = grid(&doc);
    assert_eq!(
        heads,
        [
            "The Harbour Gazette, 2 April 2026",
            "Coast Radio, 2 April 2026",
            "The Island Post, 3 April 2026",
            "Outlet not stated, 2 April 2026",
        ]
    );
    let row = |topic: &str| {
        rows.iter()
            .find(|(t, _)| t == topic)
            .unwrap_or_else(|| panic!("no row {topic} in {rows:?}"))
            .1
            .clone()
    };
    // Found from the dates quoted: three say 1 April, one 28 March.
    assert_eq!(
        row("When the strike began"),
        [
            "stance-majority",
            "stance-majority",
            "stance-outlier",
            "stance-majority"
        ]
    );
    // Found from the numbers quoted: 300, 300, 500, 300.
    assert_eq!(
        row("How many workers walked out"),
        [
            "stance-majority",
            "stance-majority",
            "stance-outlier",
            "stance-majority"
        ]
    );
    // Named by the editor: nothing in the quotes could tell.
    assert_eq!(
        row("Who called the strike"),
        [
            "stance-majority",
            "stance-outlier",
            "stance-majority",
            "stance-majority"
        ]
    );
    assert_eq!(
        row("What the strike is about"),
        [
            "stance-agrees",
            "stance-silent",
            "stance-agrees",
            "stance-silent"
        ]
    );
    assert_eq!(
        row("Travellers stranded"),
        [
            "stance-silent",
            "stance-alone",
            "stance-silent",
            "stance-silent"
        ]
    );
    // The two outliers' columns are flagged; the others are not.
    let flagged: Vec<String> = all(&doc, "table.grid thead th.outlier a")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(
        flagged,
        ["Coast Radio, 2 April 2026", "The Island Post, 3 April 2026"]
    );
    // A cell says its stance in words, not as a class name.
    let words: Vec<String> = all(&doc, "table.grid td.stance-outlier")
        .into_iter()
        .map(text)
        .collect();
    assert!(
        words
            .iter()
            .all(|w| w.starts_with("differs from the rest ¶")),
        "{words:?}"
    );
    // Every cell with a claim links to the paragraph it quotes, and that paragraph is
    // there; a cell without one links nowhere.
    for td in all(&doc, "table.grid td") {
        let links: Vec<_> = td.select(&select(":scope > a")).collect();
        let silent = td.value().attr("class") == Some("stance-silent");
        assert_eq!(links.is_empty(), silent, "{}", td.html());
        for a in links {
            let href = a.value().attr("href").unwrap();
            assert!(
                href.contains("/articles/ferry-") && href.contains("#p"),
                "{href}"
            );
            assert!(target_exists(&site, path, href), "{href} leads nowhere");
        }
        // On a phone the cell is read alone: it carries its column's head.
        assert!(
            td.value()
                .attr("data-label")
                .is_some_and(|l| l.ends_with("2026"))
        );
    }
    // The claims stay below the grid, under the same heads, each linked to its
    // paragraph; a row's topic leads to them.
    for a in all(&doc, "table.grid tbody th a") {
        let href = a.value().attr("href").unwrap();
        assert!(target_exists(&site, path, href), "{href}");
    }
    let claims = all(&doc, ".point blockquote.source");
    assert_eq!(claims.len(), 15);
    let column_heads: Vec<String> = all(&doc, "#point-1 .column h3")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(column_heads, heads);
    // Long titles are listed once, with their heads, not as column heads.
    let sources: Vec<String> = all(&doc, "ul.sources li").into_iter().map(text).collect();
    assert_eq!(
        sources[0],
        "The Harbour Gazette, 2 April 2026: Ferry crews strike over the new timetable"
    );
}

#[test]
fn sources_of_one_outlet_and_day_are_told_apart_by_their_titles() {
    let dir = briefing_with(Some("compare"));
    let file = dir.path().join("content/articles/ferry-radio.md");
    let radio = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        radio.replace("outlet: coast-radio", "outlet: gazette"),
    )
    .unwrap();
    let run = briefing(dir.path(), &["build"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let site = snapshot(&dir.path().join("site"));
    let (heads, _) = grid(&page(&site, "compare/ferry-strike/index.html"));
    // As many words of each title as tell the two apart.
    assert_eq!(
        &heads[..2],
        [
            "The Harbour Gazette, 2 April 2026: Ferry crews strike over the new timetable",
            "The Harbour Gazette, 2 April 2026: Ferry crews strike over the new timetable,…",
        ]
    );
}

fn check_json(dir: &Path) -> (Option<i32>, serde_json::Value) {
    let run = briefing(dir, &["check", "--format", "json"]);
    let json =
        serde_json::from_str(&stdout(&run)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&run)));
    (run.status.code(), json)
}

#[test]
fn an_outlier_must_be_a_claim_of_a_point_that_differs() {
    let cases = [
        // Not among the point's claims.
        (
            "    outlier: ferry-radio",
            "    outlier: ferry-nowhere",
            "is not among the point's claims",
            21,
            14,
        ),
        // On a point that agrees.
        (
            "    verdict: agree\n",
            "    verdict: agree\n    outlier: ferry-post\n",
            "its verdict is `agree`",
            29,
            14,
        ),
    ];
    for (from, to, message, line, column) in cases {
        let dir = briefing_with(Some("compare"));
        let file = dir.path().join("content/comparisons/ferry-strike.yaml");
        let yaml = std::fs::read_to_string(&file).unwrap();
        assert!(yaml.contains(from));
        std::fs::write(&file, yaml.replacen(from, to, 1)).unwrap();
        let (code, json) = check_json(dir.path());
        assert_eq!(code, Some(1), "{json}");
        let errors = json.as_array().unwrap();
        assert_eq!(errors.len(), 1, "{json}");
        let e = &errors[0];
        assert_eq!(e["code"], "bad-outlier");
        assert!(e["message"].as_str().unwrap().contains(message), "{e}");
        assert_eq!(e["path"], "content/comparisons/ferry-strike.yaml");
        assert_eq!(
            (e["line"].as_u64(), e["column"].as_u64()),
            (Some(line), Some(column)),
            "{e}"
        );
        assert!(e["hint"].as_str().is_some_and(|h| !h.is_empty()));
    }
}

#[test]
fn the_default_briefing_flags_the_source_that_dates_the_raid_to_february() {
    let (root, site) = default_site();
    let root = root.as_path();
    let titles: Vec<String> = site
        .keys()
        .filter(|k| k.starts_with("articles/") && k.ends_with("/index.html"))
        .filter_map(|k| {
            let doc = page(&site, k);
            doc.select(&select("h1")).next().map(text)
        })
        .collect();
    let mut outliers = 0;
    for path in site.keys().filter(|k| {
        k.starts_with("compare/") && k.ends_with("/index.html") && site_is_curated(root, k)
    }) {
        let doc = page(&site, path);
        let (heads, rows) = grid(&doc);
        assert!(heads.len() >= 2, "{path}");
        // Outlets and dates, not the articles' titles.
        for h in &heads {
            assert!(
                !titles.iter().any(|t| t == h),
                "{path}: a title heads a column: {h}"
            );
            assert!(h.contains(" 2026"), "{path}: {h}");
        }
        for (_, cells) in &rows {
            assert_eq!(cells.len(), heads.len(), "{path}");
            outliers += cells.iter().filter(|c| *c == "stance-outlier").count();
        }
        if path == "compare/maduro-capture-date/index.html" {
            let (topic, cells) = &rows[0];
            assert_eq!(topic, "Date of the raid");
            assert_eq!(cells[0], "stance-outlier", "{cells:?}");
            assert!(
                cells[1..].iter().all(|c| c == "stance-majority"),
                "{cells:?}"
            );
            let flagged: Vec<_> = all(&doc, "table.grid thead th.outlier")
                .into_iter()
                .collect();
            assert_eq!(flagged.len(), 1);
            assert!(
                text(flagged[0]).contains("Interim government"),
                "{}",
                text(flagged[0])
            );
        }
    }
    assert_eq!(
        outliers, 1,
        "the February date is the one outlier of the default briefing"
    );
    // The data exports say the same: the point, its outlier, found from the dates.
    let exports: serde_json::Value =
        serde_json::from_slice(&site["data/comparisons.json"]).unwrap();
    let flagged: Vec<(&str, &str, bool)> = exports
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["points"].as_array().unwrap())
        .filter(|p| !p["outlier"].is_null())
        .map(|p| {
            let topic = p["topic"].as_str().unwrap();
            let outlier = p["outlier"].as_str().unwrap();
            (topic, outlier, p["outlier_found"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(
        flagged,
        [(
            "Date of the raid",
            "interim-government-rearranges-security",
            true
        )]
    );
}

/// The default briefing (the repository's root) built, and its root.
fn default_site() -> (std::path::PathBuf, Site) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let run = briefing(root, &["build", "--output", out.path().to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    (root.to_path_buf(), snapshot(out.path()))
}

fn site_is_curated(root: &Path, page: &str) -> bool {
    let id = page
        .trim_start_matches("compare/")
        .trim_end_matches("/index.html");
    !id.contains('/') && root.join(format!("content/comparisons/{id}.yaml")).exists()
}

#[test]
fn a_pair_marks_words_only_where_most_are_shared_and_folds_what_one_side_alone_has() {
    let (_, site) = default_site();
    let pairs: Vec<&String> = site
        .keys()
        .filter(|k| k.starts_with("compare/pairs/") && k.ends_with("/index.html"))
        .collect();
    assert!(!pairs.is_empty());
    let (mut unmarked, mut folded, mut statements) = (0, 0, 0);
    for path in pairs {
        let doc = page(&site, path);
        for tr in all(&doc, "table.alignment tbody tr") {
            let marks = tr.select(&select("del, ins")).count();
            let words = |td: ElementRef| text(td).split_whitespace().count();
            let tds: Vec<_> = tr.select(&select("td")).collect();
            if tr.value().attr("class") == Some("unmarked") {
                unmarked += 1;
                assert_eq!(marks, 0, "{path}: {}", tr.html());
            } else {
                // Most words are shared: those not struck out nor added.
                let marked = |s: &str| -> usize {
                    tr.select(&select(s))
                        .map(|m| text(m).split_whitespace().count())
                        .sum()
                };
                // Less the ¶ link each side starts with.
                let (a, b) = (words(tds[0]) - 1, words(tds[1]) - 1);
                assert!((a - marked("del")) * 2 >= a.max(b), "{path}: {}", tr.html());
                assert!((b - marked("ins")) * 2 >= a.max(b), "{path}: {}", tr.html());
            }
            // Each side is named once, in the head of its column, not in each cell: a
            // phone keeps the columns and scrolls the table sideways.
            assert!(tds.iter().all(|td| td.value().attr("data-label").is_none()));
            // Each side starts with its paragraph's link.
            for td in &tds[..2] {
                let first = td.first_child().and_then(ElementRef::wrap).unwrap();
                assert_eq!(first.value().name(), "a", "{path}: {}", td.html());
                assert!(text(first).starts_with('¶'), "{path}: {}", td.html());
            }
        }
        // What one side alone has, and the changed rows past the first few, are counted
        // in the summary and linked by paragraph, folded: each paragraph once, the
        // sentences not written out again.
        assert!(all(&doc, "table.alignment tbody tr").len() <= 10, "{path}");
        for details in all(&doc, "details.unmatched") {
            folded += 1;
            assert!(details.value().attr("open").is_none());
            let summary = text(details.select(&select("summary")).next().unwrap());
            let reworded: usize = summary
                .rsplit_once(", ")
                .and_then(|(_, r)| r.strip_suffix(" reworded")?.parse().ok())
                .unwrap_or(0);
            let count: usize =
                summary.split(' ').next().unwrap().parse::<usize>().unwrap() + reworded;
            let links: Vec<&str> = details
                .select(&select("p > a"))
                .map(|a| a.value().attr("href").unwrap())
                .collect();
            assert!(
                !links.is_empty() && links.len() <= count.min(10),
                "{path}: {summary}"
            );
            let distinct: BTreeSet<&str> = links.iter().copied().collect();
            assert_eq!(distinct.len(), links.len(), "{path}: {links:?}");
            assert!(details.select(&select("li")).next().is_none(), "{path}");
            for href in links {
                assert!(target_exists(&site, path, href));
            }
        }
        // A statement in one source only is listed once, under the differences, each
        // linked to its paragraph, not as a row of the table with an empty side; a
        // fact one source adds inside a sentence both have is a row with both.
        for tr in all(&doc, "table.differences tbody tr") {
            let th = tr.select(&select("th")).next().unwrap();
            if text(th).starts_with("In one source only") {
                assert!(tr.select(&select("td > small")).next().is_none(), "{path}");
            }
        }
        for li in all(&doc, "ul.statements li") {
            statements += 1;
            let a = li
                .select(&select(":scope > a"))
                .next()
                .expect("a paragraph link");
            assert!(target_exists(&site, path, a.value().attr("href").unwrap()));
        }
        // An aligned pair of sentences shown under the differences is not shown again
        // among the sentences that changed.
        let sentence = |td: &ElementRef| -> String {
            let t = text(*td);
            let t = t.trim_start_matches(|c: char| c == '¶' || c.is_ascii_digit());
            let t = t.split(" ¶").next().unwrap_or_default();
            t.trim().trim_matches(['“', '”']).to_string()
        };
        let rows = |s: &str| -> BTreeSet<(String, String)> {
            all(&doc, s)
                .into_iter()
                .filter_map(|tr| {
                    let tds: Vec<_> = tr.select(&select("td")).collect();
                    Some((sentence(tds.first()?), sentence(tds.get(1)?)))
                })
                .collect()
        };
        let above = rows("table.differences tbody tr");
        for aligned in rows("table.alignment tbody tr") {
            assert!(!above.contains(&aligned), "{path}: {aligned:?}");
        }
    }
    assert!(
        folded > 0,
        "no pair of the default briefing has a sentence of its own"
    );
    assert!(
        statements > 0,
        "no pair of the default briefing has a statement in one source only"
    );
    assert!(
        unmarked > 0,
        "every aligned sentence of the default briefing is marked"
    );
}

#[test]
fn a_pair_writes_out_ten_changed_rows_and_folds_the_rest_into_each_sides_paragraphs() {
    // Fourteen sentences, each retold with one word changed: fourteen rows that changed,
    // none with a difference found.
    let (_dir, site) = built(Some("rewrite-rows"));
    let path = "compare/pairs/velmar-harbour-plans/velmar-harbour-plans-retold/index.html";
    let doc = page(&site, path);
    let rows = all(&doc, "table.alignment tbody tr");
    assert_eq!(rows.len(), 10);
    let first = |tr: &ElementRef| {
        tr.select(&select("td > a:first-child"))
            .next()
            .map(|a| text(a))
            .unwrap_or_default()
    };
    assert_eq!(first(&rows[0]), "¶1");
    assert_eq!(first(&rows[9]), "¶10");
    let intro = text(all(&doc, "#aligned + p")[0]);
    assert!(
        intro.contains(
            "14 were aligned but worded differently: the first 10 below, the other 4 folded"
        ),
        "{intro}"
    );
    // The other four are counted on each side and linked by paragraph, in order.
    for (side, article) in [
        ("a", "velmar-harbour-plans"),
        ("b", "velmar-harbour-plans-retold"),
    ] {
        let details = all(&doc, &format!("details#only-{side}"));
        let summary = text(details[0].select(&select("summary")).next().unwrap());
        assert!(summary.starts_with("4 reworded sentences of "), "{summary}");
        let links: Vec<&str> = details[0]
            .select(&select("p > a"))
            .map(|a| a.value().attr("href").unwrap())
            .collect();
        let expected: Vec<String> = (11..=14)
            .map(|p| format!("../../../../articles/{article}/#p{p}"))
            .collect();
        assert_eq!(links, expected);
        for href in links {
            assert!(target_exists(&site, path, href), "{href}");
        }
    }
}

//! Whole builds: the old site survives a failed build, the same input gives the same
//! bytes, and stale files go. (Hostile content: `hostile.rs`.)

use crate::support::{
    briefing, briefing_with, built, copy_dir, fixtures, snapshot, staging_leftovers, stderr,
};

#[test]
fn a_failed_build_leaves_the_previous_site_byte_identical() {
    let (dir, before) = built(None);
    assert!(before.contains_key("people/ana-ortiz/index.html"));

    copy_dir(&fixtures().join("errors/quote-not-found"), dir.path());
    let failed = briefing(dir.path(), &["build"]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(snapshot(&dir.path().join("site")), before);
    // No staging folder is left behind either.
    assert_eq!(staging_leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_build_that_fails_while_writing_pages_leaves_the_previous_site_byte_identical() {
    // A template that compiles but fails on every article page: the build stops after
    // it has begun writing pages into the staging folder.
    let (dir, before) = built(None);
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/article.html"),
        "{{ no_such_value.field }}",
    )
    .unwrap();
    let failed = briefing(dir.path(), &["build"]);
    let message = stderr(&failed);
    assert_eq!(failed.status.code(), Some(2), "{message}");
    // The template's own error, at its line and column.
    assert!(
        message.starts_with(
            "error: template `article.html` failed: error: Variable `no_such_value` is not defined."
        ),
        "{message}"
    );
    assert!(message.contains(" --> article.html:1:4"), "{message}");
    assert_eq!(snapshot(&dir.path().join("site")), before);
    assert_eq!(staging_leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = briefing_with(None);
    assert_eq!(
        briefing(dir.path(), &["build", "--output", "a"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        briefing(dir.path(), &["build", "--output", "b"])
            .status
            .code(),
        Some(0)
    );
    let (a, b) = (
        snapshot(&dir.path().join("a")),
        snapshot(&dir.path().join("b")),
    );
    assert!(a.len() > 10);
    assert_eq!(a, b);
}

#[test]
fn the_default_briefing_builds_the_same_bytes_twice() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let (a, b) = (out.path().join("a"), out.path().join("b"));
    for o in [&a, &b] {
        let run = briefing(root, &["build", "--output", o.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    }
    assert_eq!(snapshot(&a), snapshot(&b));
}

#[test]
fn base_url_override_changes_canonical_links_only() {
    let dir = briefing_with(None);
    let out = briefing(
        dir.path(),
        &["build", "--base-url", "https://preview.example.net/x"],
    );
    assert_eq!(out.status.code(), Some(0));
    let page =
        std::fs::read_to_string(dir.path().join("site/people/ana-ortiz/index.html")).unwrap();
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://preview.example.net/x/people/ana-ortiz/\">"
    ));
    assert!(page.contains("href=\"../../style.css\""));
}

/// The default briefing (it has a found story: a wire copy) in a temporary folder.
fn default_briefing() -> tempfile::TempDir {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root.join("briefing.yaml"), dir.path().join("briefing.yaml")).unwrap();
    copy_dir(&root.join("content"), &dir.path().join("content"));
    dir
}

#[test]
fn the_reports_found_stories_are_each_rendered_by_their_own_template() {
    let dir = default_briefing();
    std::fs::create_dir_all(dir.path().join("templates/partials")).unwrap();
    std::fs::write(
        dir.path().join("templates/partials/report-story.html"),
        r#"<section class="mine" id="{{ s.anchor }}">{{ s.title }}: {{ s.pairs | length }}</section>"#,
    )
    .unwrap();
    let run = briefing(dir.path(), &["build"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let report = std::fs::read_to_string(dir.path().join("site/report/index.html")).unwrap();
    assert!(
        report.contains(
            r#"<section class="mine" id="story-story-cuban-security-personnel-withdraw">Cuban security personnel withdraw from Venezuela amid escalating US pressure: 3</section>"#
        ),
        "{report}"
    );
    assert!(!report.contains(r#"class="report-story""#), "{report}");

    // Its error is the partial's, by name, and nothing is published.
    std::fs::write(
        dir.path().join("templates/partials/report-story.html"),
        "{{ s.no_such_field.x }}",
    )
    .unwrap();
    let before = snapshot(&dir.path().join("site"));
    let failed = briefing(dir.path(), &["build"]);
    let message = stderr(&failed);
    assert_eq!(failed.status.code(), Some(2), "{message}");
    assert!(
        message.starts_with("error: template `partials/report-story.html` failed: "),
        "{message}"
    );
    assert_eq!(snapshot(&dir.path().join("site")), before);
}

#[test]
fn a_found_storys_title_is_escaped_in_the_report() {
    // The stories reach `report.html` as HTML it places unescaped: the partial that
    // makes them must escape what content wrote.
    let dir = default_briefing();
    let article = dir
        .path()
        .join("content/articles/cuban-security-personnel-withdraw.md");
    let text = std::fs::read_to_string(&article).unwrap().replace(
        "title: \"Cuban security personnel withdraw",
        "title: \"<script>alert(1)</script> Cuban security personnel withdraw",
    );
    std::fs::write(&article, text).unwrap();
    let run = briefing(dir.path(), &["build"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let report = std::fs::read_to_string(dir.path().join("site/report/index.html")).unwrap();
    assert!(
        report.contains(
            r#"<section class="report-story" id="story-story-cuban-security-personnel-withdraw">
<h4>1. &lt;script&gt;alert(1)&lt;/script&gt; Cuban security personnel"#
        ),
        "{report}"
    );
    assert!(!report.contains("<script>alert"), "{report}");
}

/// Builds `dir` incrementally into `site/` and from scratch into `clean/`, and checks
/// the two are the same bytes; returns what the incremental build said.
fn incremental_equals_clean(dir: &std::path::Path, step: &str) -> String {
    let incremental = briefing(dir, &["build"]);
    assert_eq!(
        incremental.status.code(),
        Some(0),
        "{step}: {}",
        stderr(&incremental)
    );
    let _ = std::fs::remove_dir_all(dir.join("clean"));
    let clean = briefing(dir, &["build", "--no-cache", "--output", "clean"]);
    assert_eq!(clean.status.code(), Some(0), "{step}: {}", stderr(&clean));
    let (site, clean) = (snapshot(&dir.join("site")), snapshot(&dir.join("clean")));
    let differ: Vec<&String> = site
        .keys()
        .chain(clean.keys())
        .filter(|path| site.get(*path) != clean.get(*path))
        .collect();
    assert_eq!(differ, Vec::<&String>::new(), "{step}: pages that differ");
    // Patched in place, the site keeps no folder its pages left, and nothing beside it.
    assert_eq!(
        folders(&dir.join("site")),
        folders(&dir.join("clean")),
        "{step}: folders"
    );
    assert_eq!(staging_leftovers(dir), Vec::<String>::new(), "{step}");
    stderr(&incremental)
}

/// The folders below `dir`, relative to it.
fn folders(dir: &std::path::Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

#[test]
fn an_incremental_build_gives_the_bytes_of_a_clean_build() {
    let dir = default_briefing();
    let root = dir.path();
    let articles = root.join("content/articles");
    let say = incremental_equals_clean(root, "first build");
    assert!(!say.contains("unchanged"), "{say}");
    // A wire copy of an article, so that a story and its pairs change with it.
    let original =
        std::fs::read_to_string(articles.join("reuters-cuban-advisers-turkiye-today.md")).unwrap();
    let copy = original.replace("outlet: turkiye-today", "outlet: reuters");
    std::fs::write(articles.join("extra-wire-copy.md"), &copy).unwrap();
    incremental_equals_clean(root, "an article added");

    std::fs::write(
        articles.join("extra-wire-copy.md"),
        format!("{copy}\nDelcy Rodríguez said on Jan. 9 that 41 advisers had left.\n"),
    )
    .unwrap();
    let say = incremental_equals_clean(root, "an article edited");
    // Most pages were taken from the site the build replaced.
    assert!(say.contains(" of them unchanged)"), "{say}");

    let title =
        "title: \"Cuban security personnel withdraw from Venezuela amid escalating US pressure\"\n";
    let path = articles.join("cuban-security-personnel-withdraw.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(title));
    std::fs::write(
        &path,
        text.replace(title, "title: Cuban guards leave Caracas\n"),
    )
    .unwrap();
    incremental_equals_clean(root, "a title changed");

    std::fs::rename(
        articles.join("extra-wire-copy.md"),
        articles.join("extra-renamed.md"),
    )
    .unwrap();
    incremental_equals_clean(root, "an article renamed");
    std::fs::remove_file(articles.join("extra-renamed.md")).unwrap();
    incremental_equals_clean(root, "an article deleted");

    std::fs::create_dir_all(root.join("templates")).unwrap();
    let template = include_str!("../../templates/article.html");
    std::fs::write(
        root.join("templates/article.html"),
        template.replace(
            "<article class=\"article\">",
            "<article class=\"article mine\">",
        ),
    )
    .unwrap();
    let say = incremental_equals_clean(root, "a template changed");
    assert!(
        !say.contains("unchanged"),
        "every page is rendered again: {say}"
    );

    let person = root.join("content/people/frank-mora.yaml");
    let text = std::fs::read_to_string(&person).unwrap();
    std::fs::write(
        &person,
        text.replace("aliases: []", "aliases: [Ambassador Mora]"),
    )
    .unwrap();
    incremental_equals_clean(root, "a person's curation edited");
}

/// The search index's terms of each document are saved beside the site and read back
/// for the documents that did not change: never for one that did, whether its
/// article, a story member's title or the curation changed, nor from a torn file.
#[test]
fn the_search_index_reads_back_saved_terms_only_for_unchanged_documents() {
    let dir = default_briefing();
    let root = dir.path();
    let articles = root.join("content/articles");
    let edit = |path: &std::path::Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };
    incremental_equals_clean(root, "first build");
    let saved = root.join(".site.cache/search-terms");
    assert!(saved.exists());
    // A word only the edited article has: stale terms would leave it out.
    let article = articles.join("cuban-security-personnel-withdraw.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        format!("{text}\nThe quartermaster counted zanzibarite crates.\n"),
    )
    .unwrap();
    incremental_equals_clean(root, "an article's text edited");
    let shards = snapshot(&root.join("site/search/t"));
    assert!(
        shards
            .values()
            .any(|s| String::from_utf8_lossy(s).contains("\"zanzibarite\"")),
        "the new word is a term"
    );
    // A story's document holds its members' titles.
    edit(
        &articles.join("reuters-cuban-advisers-turkiye-today.md"),
        "title: \"Cuban security advisers leave Venezuela amid US pressure\"",
        "title: \"Cuban quartermasters leave Venezuela\"",
    );
    incremental_equals_clean(root, "a story member's title changed");
    // A person's document and the quotes of the person hold the name the curation gives.
    edit(
        &root.join("content/people/frank-mora.yaml"),
        "name: Frank Mora",
        "name: Frank O. Mora",
    );
    incremental_equals_clean(root, "a person renamed");
    let bytes = std::fs::read(&saved).unwrap();
    std::fs::write(&saved, &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(&article, &text).unwrap();
    incremental_equals_clean(root, "the saved terms torn");
}

#[test]
fn an_incremental_build_that_fails_leaves_the_previous_site_byte_identical() {
    let dir = default_briefing();
    // A theme whose article page fails on a title no article has yet.
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    let template = include_str!("../../templates/article.html");
    std::fs::write(
        dir.path().join("templates/article.html"),
        template.replace(
            "<h1>{{ article.title }}",
            "<h1>{% if article.title == \"Broken\" %}{{ no_such_value.field }}{% endif %}{{ article.title }}",
        ),
    )
    .unwrap();
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    let article = dir
        .path()
        .join("content/articles/top-venezuelan-official-wanted.md");
    let text = std::fs::read_to_string(&article).unwrap();
    let before = snapshot(&dir.path().join("site"));
    // The edited article's page fails to render, after unchanged pages were linked.
    let title = text.lines().find(|l| l.starts_with("title: ")).unwrap();
    std::fs::write(&article, text.replacen(title, "title: Broken", 1)).unwrap();
    let failed = briefing(dir.path(), &["build"]);
    assert_eq!(failed.status.code(), Some(2), "{}", stderr(&failed));
    assert_eq!(snapshot(&dir.path().join("site")), before);
    assert_eq!(staging_leftovers(dir.path()), Vec::<String>::new());
}

/// Every text a reader sees on the pages of the default briefing: no article's or
/// person's id, and no enum spelling of the analysis or the content format (`only_in`,
/// `only-one`), outside addresses, attributes, scripts and the `<code>` of the data
/// exports' documentation.
#[test]
fn no_page_shows_an_internal_id_or_an_enum_spelling() {
    let dir = default_briefing();
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stems = |folder: &str| -> Vec<String> {
        let root = dir.path().join("content").join(folder);
        walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().file_stem().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    let mut words: Vec<String> = stems("articles");
    // A one-word person id is a name ("maduro" is not the text "Maduro", but a word).
    words.extend(stems("people").into_iter().filter(|id| id.contains('-')));
    words.extend(
        [
            "partial_overlap",
            "light_edit",
            "only_in",
            "quote_wording",
            "only-one",
        ]
        .map(String::from),
    );
    let mut found = Vec::new();
    for (path, bytes) in snapshot(&dir.path().join("site")) {
        if !path.ends_with(".html") {
            continue;
        }
        let page = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        let text: String = page
            .root_element()
            .descendants()
            .filter_map(|node| {
                let text = node.value().as_text()?;
                let hidden = node.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| {
                        matches!(e.name(), "script" | "style" | "code" | "template")
                    })
                });
                (!hidden).then(|| text.to_string())
            })
            .collect::<Vec<_>>()
            .join(" ");
        for word in &words {
            if let Some(at) = whole_word(&text, word) {
                let from = text.floor_char_boundary(at.saturating_sub(60));
                let to = text.ceil_char_boundary((at + word.len() + 40).min(text.len()));
                found.push(format!("{path}: `{word}` in “{}”", &text[from..to]));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
}

/// Where `word` first stands in `text` as a whole id: not part of a longer one.
fn whole_word(text: &str, word: &str) -> Option<usize> {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '_' || c == '/';
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

/// What a reader sees of an article named in many sentences and of its copy: a
/// person's mentions merged by sentence and cut at three per article, the dates table
/// with each expression once, and a pair page that counts rather than lists the
/// sentences changed only in accents.
#[test]
fn mentions_dates_and_accent_only_changes_are_shown_once() {
    let (_dir, site) = built(Some("reading"));
    let page = |path: &str| String::from_utf8(site[path].clone()).unwrap();

    // The copy, the newer, is listed first; each of its sentences names the original's
    // beside it, and the original's group says it has the same sentences.
    let person = page("people/ana-ortiz/index.html");
    let group = |article: &str| {
        person
            .split("<section class=\"mention-group\">")
            .skip(1)
            .find(|g| g.contains(&format!("../../articles/{article}/\"")))
            .expect("the article's mention group")
            .to_string()
    };
    let copy = group("ortiz-answers-copy");
    assert_eq!(
        copy.matches("<li><a href=\"../../articles/ortiz-answers-copy/#p")
            .count(),
        3,
        "{copy}"
    );
    assert!(copy.contains(
        "Mayor <mark>Ana Ortíz</mark> spoke to the council on March 3, and \
         <mark>Ortiz</mark> spoke to it again that evening. \
         <span class=\"also meta\">Also in <a href=\"../../articles/ortiz-answers/#p1\">\
         The Harbour Gazette of 10 March 2026, ¶1</a>.</span>"
    ));
    assert!(copy.contains(
        "<a href=\"../../articles/ortiz-answers-copy/#p4\">2 more sentences</a> naming Ana Ortiz"
    ));
    let original = group("ortiz-answers");
    assert!(original.contains(
        "<p class=\"meta\">Names Ana Ortiz in the same sentences as \
         The Harbour Gazette of 11 March 2026, above.</p>"
    ));
    assert!(!original.contains("<li>"));
    // An article of no pair keeps its own sentences.
    assert_eq!(
        group("pier-vote")
            .matches("<li><a href=\"../../articles/pier-vote/#p")
            .count(),
        2
    );

    let article = page("articles/ortiz-answers/index.html");
    assert!(article.contains(
        "<tr><th scope=\"colgroup\" colspan=\"3\">Worked out from the publication date, 10 March 2026</th></tr>\n\
         <tr><td>March 3<td>3 March 2026<td><a href=\"#p1\">¶1</a> <a href=\"#p3\">¶3</a><tr>"
    ));
    // A date the text states in full is marked where it stands, not listed again.
    assert!(article.contains("<time datetime=\"2025\">2025</time>"));
    assert!(!article.contains("<tr><td>2025<td>"));
    // Why a name is taken for the person is said at its first mention, and not where
    // the text is the person's name itself.
    let mention = |text: &str| format!("<a href=\"../../people/ana-ortiz/\">{text}</a>");
    assert!(article.contains(&mention("Ana Ortiz")));
    assert_eq!(
        article
            .matches("title=\"Ana Ortiz (the only person with this surname)\">Ortiz</a>")
            .count(),
        1
    );
    assert_eq!(article.matches(&mention("Ortiz")).count(), 4);

    let pair = page("compare/pairs/ortiz-answers/ortiz-answers-copy/index.html");
    // Two articles of one outlet are told apart by their days, in the title too.
    assert!(pair.contains(
        "<h1>The Harbour Gazette of 10 March 2026 and The Harbour Gazette of 11 March 2026"
    ));
    assert!(pair.contains(
        "2 sentences are the same in both, 1 the same but for accents, capitals or punctuation."
    ));
    // Two aligned rows, each side under its column's head (a phone scrolls the table
    // sideways rather than naming the side in each cell): the one with the number that
    // differs is shown under the differences, its words marked, and not again below.
    assert_eq!(
        pair.matches("<td><a href=\"../../../../articles/ortiz-answers/#p")
            .count(),
        1
    );
    assert!(!pair.contains("data-label"));
    assert!(pair.contains("“Ortiz left the chamber before the vote on the <del>12</del> new"));
    assert_eq!(pair.matches("Ortiz left the chamber").count(), 2);
    assert!(pair.contains("<del>sound</del>"));
    // The columns are headed by outlet and date, so each side links only its paragraph.
    assert!(pair.contains(
        "<th scope=\"col\">The Harbour Gazette, 10 March 2026</th>\
         <th scope=\"col\">The Harbour Gazette, 11 March 2026</th></tr></thead>\n\
         <tbody><tr><th scope=\"row\">Number<small>12 vs 14</small><td"
    ));
    assert!(
        pair.contains("<a href=\"../../../../articles/ortiz-answers-copy/#p5\">¶5</a></tbody>")
    );
}

/// A person's page leads with what they are now and what they were, their counts and
/// a line they are quoted saying, and does not say "with" them at their own events.
#[test]
fn a_person_page_leads_with_an_infobox_and_its_contents() {
    let dir = default_briefing();
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page =
        std::fs::read_to_string(dir.path().join("site/people/delcy-rodriguez/index.html")).unwrap();
    // Two titles, but one post held now: the other's dates are not stated.
    assert!(
        page.contains("<p class=\"titles\">Interim President of Venezuela, since January 2026</p>")
    );
    assert!(page.contains(
        "<dt>Now</dt><dd>Interim President of Venezuela <small>since January 2026</small></dd>"
    ));
    assert!(!page.contains("<dt>Formerly</dt>"));
    assert!(page.contains(
        "<strong>Interim President of Venezuela</strong> <span class=\"badge\">now</span>"
    ));
    assert!(page.contains("<span class=\"initials\" aria-hidden=\"true\">DR</span>"));
    assert!(page.contains("<dt>First named</dt><dd><a href=\"../../articles/miami-herald-prisoner-release-stalls-arcamax/\">10 January 2026 (assumed)</a>"));
    for section in ["profile", "timeline", "mentions", "quotes"] {
        assert!(
            page.contains(&format!("<li><a href=\"#{section}\">")),
            "{section}"
        );
        assert!(page.contains(&format!(" id=\"{section}\">")), "{section}");
    }
    assert!(page.contains("With <a href=\"../../people/diosdado-cabello/\">"));
    assert!(!page.contains("With <a href=\"../../people/delcy-rodriguez/\">"));
    assert!(!page.contains(", <a href=\"../../people/delcy-rodriguez/\">"));
}

/// One count of outlets everywhere: the outlets that published the articles, not those
/// `outlets.yaml` lists; an article without one says so in plain words.
#[test]
fn the_home_page_and_the_report_count_the_same_outlets() {
    let dir = default_briefing();
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read = |path: &str| std::fs::read_to_string(dir.path().join("site").join(path)).unwrap();
    assert!(read("index.html").contains("<p class=\"counts\">7 articles from 3 outlets ·"));
    assert!(read("report/index.html").contains("3 outlets, the newest from 21 February 2026"));
    let articles = read("articles/index.html");
    assert!(articles.contains("outlet not stated") && !articles.contains("outlet unknown"));
}

#[test]
fn an_assumed_publication_date_is_said_to_be_assumed_wherever_it_is_shown() {
    // The default briefing's articles that state no date carry `published: …?`; the
    // Türkiye Today copy states its own, so it alone is shown without the mark.
    let dir = default_briefing();
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read = |path: &str| std::fs::read_to_string(dir.path().join("site").join(path)).unwrap();
    let article = read("articles/top-venezuelan-official-wanted/index.html");
    assert!(article.contains("21 February 2026 (assumed)"));
    assert!(article.contains("Worked out from the publication date, 21 February 2026 (assumed)"));
    let stated = read("articles/reuters-cuban-advisers-turkiye-today/index.html");
    assert!(!stated.contains("(assumed)"));
    for page in [
        "articles/index.html",
        "report/index.html",
        "outlets/unknown/index.html",
    ] {
        assert!(
            read(page).contains("10 January 2026 (assumed)")
                || read(page).contains("21 February 2026 (assumed)"),
            "{page}"
        );
    }
    let exports = read("data/articles.json");
    let records: serde_json::Value = serde_json::from_str(&exports).unwrap();
    let assumed = |id: &str| {
        let r = records
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap();
        r["published_assumed"].as_bool().unwrap()
    };
    assert!(assumed("top-venezuelan-official-wanted"));
    assert!(!assumed("reuters-cuban-advisers-turkiye-today"));
}

//! The real binary on small fixtures: the exact diagnostic a user sees and the exit
//! code, for each kind of content error, and the happy paths.

use crate::support::{briefing, briefing_with, built, snapshot, staging_leftovers, stderr, stdout};

/// Checks the `minimal` briefing with an overlay and returns (exit code, stderr).
fn check(overlay: &str) -> (i32, String) {
    let dir = briefing_with(Some(overlay));
    let out = briefing(dir.path(), &["check"]);
    (out.status.code().unwrap(), stderr(&out))
}

#[test]
fn a_clean_briefing_checks_ok() {
    let dir = briefing_with(None);
    let out = briefing(dir.path(), &["check"]);
    assert_eq!(
        stderr(&out),
        "ok: 2 articles, 1 people, 1 events and 1 comparisons checked; no problems found\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn yaml_syntax_error_in_front_matter_points_at_the_file_line() {
    let (code, err) = check("errors/front-matter-yaml");
    assert_eq!(
        err,
        "error[yaml-syntax]: YAML syntax error: did not find expected ',' or ']'
  --> content/articles/pier-vote.md:3:9
  |
3 | outlet: [gazette
  |         ^ this flow sequence is not closed
  |
  = hint: close the bracket or quote opened here, or quote the whole value

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn unknown_person_in_an_event() {
    let (code, err) = check("errors/unknown-person");
    assert_eq!(
        err,
        "error[unknown-person]: no person has the id `ana-ortis`
  --> content/timeline/2026.yaml:4:12
  |
4 |   people: [ana-ortis]
  |            ^^^^^^^^^ not in content/people/
  |
  = hint: did you mean `ana-ortiz`?

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn quote_not_in_article_names_the_closest_passage() {
    let (code, err) = check("errors/quote-not-found");
    assert_eq!(
        err,
        "error[quote-not-found]: the quote \"the council will vote on the pier\" is not in article `pier-vote`
  --> content/timeline/2026.yaml:7:14
  |
7 |       quote: \"the council will vote on the pier\"
  |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ not found in the article
  |
  = hint: the closest passage of `pier-vote` is: \"the council would vote on the pier\"

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn unknown_key_in_briefing_yaml() {
    let (code, err) = check("errors/unknown-key-config");
    assert_eq!(
        err,
        "error[unknown-key]: unknown key `langauge` in briefing.yaml
  --> briefing.yaml:4:1
  |
4 | langauge: en
  | ^^^^^^^^ not a known key
  |
  = hint: did you mean `language`? briefing.yaml takes one of `title`, `description`, `base_url`, `language`, `featured`, `timezone`, `page_size`, `feed_entries`

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn bad_edtf_date() {
    let (code, err) = check("errors/bad-edtf");
    assert_eq!(
        err,
        "error[bad-date]: `2026-13-05` is not an EDTF date: `13` is not a month (01–12)
  --> content/timeline/2026.yaml:2:9
  |
2 |   date: 2026-13-05
  |         ^^^^^^^^^^ not a date
  |
  = hint: write 2026-01-03, 2026-01, 2026, a range 2026-01-21/2026-01-31, add ~ for approximate or ? for uncertain

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn an_assumed_publication_date_that_does_not_exist_is_refused_where_it_is_written() {
    // `?` marks a date the article does not state; the date itself must still exist.
    let (code, err) = check("errors/bad-assumed-published");
    assert_eq!(
        err,
        "error[bad-date]: `2026-02-30?` is not a publication date
  --> content/articles/pier-vote.md:4:12
  |
4 | published: 2026-02-30?
  |            ^^^^^^^^^^^ not RFC 3339 or YYYY-MM-DD
  |
  = hint: write `2026-02-21` or `2026-02-21T16:11:00+03:00`, with `?` after it when the article does not state it

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn every_error_is_reported_in_one_run() {
    let dir = briefing_with(Some("errors/unknown-person"));
    crate::support::copy_dir(
        &crate::support::fixtures().join("errors/unknown-key-config"),
        dir.path(),
    );
    let out = briefing(dir.path(), &["check"]);
    let err = stderr(&out);
    assert!(err.contains("error[unknown-person]"), "{err}");
    assert!(err.contains("error[unknown-key]"), "{err}");
    assert!(err.ends_with("error: 2 errors found\n"), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn build_with_content_errors_exits_1_and_writes_nothing() {
    let dir = briefing_with(Some("errors/bad-edtf"));
    let out = briefing(dir.path(), &["build"]);
    assert!(
        stderr(&out).ends_with("error: 1 error found; nothing was written\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("site").exists());
}

#[test]
fn check_json_has_the_same_diagnostics() {
    let dir = briefing_with(Some("errors/unknown-person"));
    let out = briefing(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    assert_eq!(
        v,
        serde_json::json!([{
            "severity": "error",
            "code": "unknown-person",
            "message": "no person has the id `ana-ortis`",
            "path": "content/timeline/2026.yaml",
            "line": 4,
            "column": 12,
            "end_line": 4,
            "end_column": 21,
            "source_line": "  people: [ana-ortis]",
            "label": "not in content/people/",
            "hint": "did you mean `ana-ortiz`?"
        }])
    );
}

#[test]
fn a_folder_without_briefing_yaml_is_an_operational_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(
        stderr(&out),
        "error: `.` is not a briefing: it has no briefing.yaml (run `briefing new DIR` to start one)\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_root_is_an_operational_failure_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefing(dir.path(), &["check", "--root", "nowhere"]);
    assert_eq!(
        stderr(&out),
        "error: could not open the briefing folder `nowhere`: no such folder\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn building_into_the_briefing_itself_is_refused() {
    let dir = briefing_with(None);
    let out = briefing(dir.path(), &["build", "--output", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("refusing to build into"),
        "{}",
        stderr(&out)
    );
    assert!(dir.path().join("briefing.yaml").exists());
}

#[test]
fn a_build_to_a_pipe_prints_one_summary_line_and_no_progress_bar() {
    let dir = briefing_with(None);
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].starts_with("built ") && lines[0].contains(" files ("),
        "{err}"
    );
    assert!(!err.contains('\r') && !err.contains("pages"), "{err}");
}

#[test]
fn a_name_claimed_by_two_people_is_an_error_at_the_second() {
    let (code, err) = check("faults/shared-name");
    assert_eq!(
        err,
        "error[shared-name]: “Ana Ortiz” names two people: `ana-ortiz` and `ana-ortiz-vidal`
  --> content/people/ana-ortiz-vidal.yaml:2:11
  |
2 | aliases: [Ana Ortiz]
  |           ^^^^^^^^^ also a name of `ana-ortiz`
  |
  = hint: a full name or alias must say who is meant: make it specific (a middle name, an initial) or drop it from one of the two (content/people/ana-ortiz.yaml); a surname may be shared, under `surname`

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn an_article_named_markdown_is_not_read_and_says_so() {
    let (code, err) = check("faults/unread-markdown-article");
    assert_eq!(
        err,
        "error[unread-file]: `content/articles/pier-notes.markdown` is not read
  --> content/articles/pier-notes.markdown:1:1
  |
1 | 
  | ^ only `.md` files are read as articles
  |
  = hint: rename it to `pier-notes.md`

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_featured_draft_is_an_error_at_the_citation() {
    let (code, err) = check("faults/cites-draft-person");
    assert_eq!(
        err,
        "error[cites-draft]: the person `luis-vega` is a draft
  --> briefing.yaml:5:12
  |
5 | featured: [luis-vega, ana-ortiz]
  |            ^^^^^^^^^ a draft person
  |
  = hint: publish the draft (remove `draft: true` from content/people/luis-vega.yaml) or take it out of `featured`

error: 1 error found
"
    );
    assert_eq!(code, 1);
}

#[test]
fn drafts_are_counted_by_check_and_built_only_when_asked() {
    let dir = briefing_with(Some("faults/drafts-left-out"));
    let out = briefing(dir.path(), &["check"]);
    assert_eq!(
        stderr(&out),
        "ok: 3 articles, 2 people, 2 events and 2 comparisons checked (4 drafts); no problems found\n"
    );
    assert_eq!(out.status.code(), Some(0));

    // Without --drafts, no trace of them: the same bytes as the briefing without them
    // (but for the manifest, whose salt is a hash of every file the build read).
    let (_plain, mut without) = crate::support::built(None);
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut with = snapshot(&dir.path().join("site"));
    with.remove(".briefing-site");
    without.remove(".briefing-site");
    assert!(with == without);

    // With it, each is built and marked.
    let out = briefing(dir.path(), &["build", "--drafts"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let site = snapshot(&dir.path().join("site"));
    let page = |path: &str| String::from_utf8_lossy(&site[path]).into_owned();
    for (path, heading) in [
        (
            "articles/ferry-timetable/index.html",
            "<h1>Ferry timetable leaked <span class=\"badge draft\">draft</span></h1>",
        ),
        (
            "people/luis-vega/index.html",
            "<h1>Luis Vega <span class=\"badge draft\">draft</span></h1>",
        ),
        (
            "compare/ferry/index.html",
            "<h1>The ferry <span class=\"badge curated\">Curated</span> <span class=\"badge draft\">draft</span></h1>",
        ),
    ] {
        assert!(page(path).contains(heading), "{path}:\n{}", page(path));
    }
    assert!(
        page("timeline/2026/03/index.html")
            .contains("The ferry drops its late crossing <span class=\"badge draft\">draft</span>")
    );
    assert!(page("data/articles.json").contains("ferry-timetable"));
}

#[test]
fn a_placeholder_base_url_is_warned_of_unless_the_build_is_given_one() {
    let warning = "warning[placeholder-base-url]: `https://example.org/harbour/` is an example address: canonical links, feeds and the sitemap would point there
  --> briefing.yaml:3:11
  |
3 | base_url: https://example.org/harbour/
  |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ a placeholder
  |
  = hint: write the address the site will be published at, or build with `--base-url <address>`

";
    let (code, err) = check("faults/placeholder-base-url");
    assert_eq!(err, format!("{warning}warning: 1 warning found\n"));
    assert_eq!(code, 0);

    let dir = briefing_with(Some("faults/placeholder-base-url"));
    let built = briefing(dir.path(), &["build"]);
    assert_eq!(built.status.code(), Some(0));
    assert!(stderr(&built).starts_with(warning), "{}", stderr(&built));
    let overridden = briefing(
        dir.path(),
        &["build", "--base-url", "https://briefing.test/"],
    );
    assert_eq!(overridden.status.code(), Some(0));
    assert!(
        !stderr(&overridden).contains("placeholder-base-url"),
        "{}",
        stderr(&overridden)
    );
}

#[test]
fn a_broken_words_table_is_an_operational_failure_naming_it_and_the_site_stays() {
    let (dir, before) = built(None);
    std::fs::create_dir_all(dir.path().join("templates/i18n")).unwrap();
    std::fs::write(
        dir.path().join("templates/i18n/en.yaml"),
        "nav:\n  people: [Gente\n",
    )
    .unwrap();
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(
        stderr(&out),
        "error: template `i18n/en.yaml` failed: not a words table: did not find expected ',' or ']' at line 3 column 1, while parsing a flow sequence at line 2 column 11\n"
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        snapshot(&dir.path().join("site")),
        before,
        "the previous site is left as it was"
    );
    assert_eq!(staging_leftovers(dir.path()), Vec::<String>::new());
}

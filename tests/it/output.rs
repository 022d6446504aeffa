//! The output folder is the tool's own (issue 15): a build replaces a folder only when
//! it is absent, empty, or holds nothing but what its manifest lists; anything else is
//! refused with exit 2 and left exactly as it was, unless `--force` is given. Each case
//! runs the real binary on real folders.

use std::path::Path;

use crate::support::{briefing, briefing_with, snapshot, staging_leftovers, stderr};

const MANIFEST: &str = ".briefing-site";

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_user_file_in_the_output_folder_survives_a_refused_build() {
    let dir = briefing_with(None);
    write(&dir.path().join("docs/CNAME"), "briefing.example.org\n");
    write(&dir.path().join("docs/notes/todo.md"), "- call back\n");
    let before = snapshot(&dir.path().join("docs"));

    let out = briefing(dir.path(), &["build", "--output", "docs"]);
    assert_eq!(
        stderr(&out),
        "error: refusing to replace `docs`: it is not a site briefing made (it has no .briefing-site) and holds 2 files: `CNAME`, `notes/todo.md`; move them elsewhere (files to publish with the site go in the briefing's templates/static/), choose another --output, or pass --force to replace the folder and everything in it\n"
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(snapshot(&dir.path().join("docs")), before);
    assert_eq!(staging_leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn force_replaces_a_folder_that_is_not_the_tools_own() {
    let dir = briefing_with(None);
    write(&dir.path().join("docs/CNAME"), "briefing.example.org\n");
    let out = briefing(dir.path(), &["build", "--output", "docs", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dir.path().join("docs/CNAME").exists());
    assert!(dir.path().join("docs/index.html").exists());
    // The site it made is its own from now on: a plain build replaces it.
    let again = briefing(dir.path(), &["build", "--output", "docs"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn an_empty_or_absent_folder_is_built_into_and_the_site_lists_every_file() {
    let dir = briefing_with(None);
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    for output in ["empty", "absent/deeper"] {
        let out = briefing(dir.path(), &["build", "--output", output]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let site = snapshot(&dir.path().join("empty"));
    let manifest = String::from_utf8(site[MANIFEST].clone()).unwrap();
    // Each line below the header: a fingerprint (or `-`) and a path.
    let listed: Vec<&str> = manifest
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once(' ').unwrap().1)
        .collect();
    let files: Vec<&str> = site.keys().map(String::as_str).collect();
    assert_eq!(listed, files);
}

#[test]
fn a_file_added_to_a_built_site_stops_the_next_build_and_survives() {
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    write(&dir.path().join("site/CNAME"), "briefing.example.org\n");
    let before = snapshot(&dir.path().join("site"));

    let out = briefing(dir.path(), &["build"]);
    assert_eq!(
        stderr(&out),
        format!(
            "error: refusing to replace `{}`: it holds 1 file briefing did not write: `CNAME`; move them elsewhere (files to publish with the site go in the briefing's templates/static/), choose another --output, or pass --force to replace the folder and everything in it\n",
            Path::new(".").join("site").display()
        )
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(snapshot(&dir.path().join("site")), before);
}

#[test]
fn a_file_added_to_a_page_folder_after_a_patched_build_stops_the_next_build() {
    // A build that patches the site keeps its look through the folder for the next
    // build, which reads again only the folders changed since: the one given a file is.
    // (A build of the same briefing patches the site, changing no page.)
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    a_file_added_to_a_page_folder_stops_the_next_build(dir.path());
}

#[test]
fn a_file_added_to_a_page_folder_after_a_clean_build_stops_the_next_build() {
    // A clean build, which swaps its new site in, keeps a look of every folder it
    // made, stamped and not read, for the next build.
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    a_file_added_to_a_page_folder_stops_the_next_build(dir.path());
}

/// After a build that kept its look: a file put into a page's folder is found by the
/// next build, which stops and leaves the site as it was.
fn a_file_added_to_a_page_folder_stops_the_next_build(dir: &Path) {
    assert!(dir.join(".site.cache/look").is_file());
    write(&dir.join("site/people/ana-ortiz/notes.txt"), "mine\n");
    let before = snapshot(&dir.join("site"));

    let out = briefing(dir, &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("it holds 1 file briefing did not write: `people/ana-ortiz/notes.txt`"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&dir.join("site")), before);
}

/// Gives every folder below `dir`, and `dir`, the time of a change long ago, as a site
/// built an hour before its next build has.
#[cfg(unix)]
fn folders_made_long_ago(dir: &Path) {
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_dir() {
            let folder = std::fs::File::open(entry.path()).unwrap();
            folder.set_modified(long_ago).unwrap();
        }
    }
}

#[cfg(unix)]
#[test]
fn a_page_removed_from_a_site_its_look_holds_whole_is_made_again() {
    // A patched build keeps the folders it left alone, unchanged since before it
    // began, as holding their files, and the next build takes their pages as they are
    // without looking for each. A page removed changes its folder, which is then read:
    // the page is found missing and made again.
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    let site = dir.path().join("site");
    let clean = snapshot(&site);
    folders_made_long_ago(&site);
    for _ in 0..2 {
        let out = briefing(dir.path(), &["build"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let page = site.join("people/ana-ortiz/index.html");
    std::fs::remove_file(&page).unwrap();
    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(page.is_file());
    assert_eq!(snapshot(&site), clean);
}

#[test]
fn files_the_tool_wrote_and_no_longer_makes_do_not_survive_a_build() {
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    let person = dir.path().join("site/people/ana-ortiz/index.html");
    assert!(person.exists());
    // A second person, built, then deleted from the content: the page goes with it.
    write(
        &dir.path().join("content/people/bo-lind.yaml"),
        "name: Bo Lind\n",
    );
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    assert!(dir.path().join("site/people/bo-lind/index.html").exists());
    std::fs::remove_file(dir.path().join("content/people/bo-lind.yaml")).unwrap();
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    assert!(!dir.path().join("site/people/bo-lind").exists());
    assert!(person.exists());
}

#[test]
fn a_copied_manifest_does_not_make_a_parent_folder_the_tools_own() {
    // The parent of a built site, given the site's own manifest: the manifest cannot
    // vouch for the folder beside it or the user's files, so nothing is touched.
    let dir = briefing_with(None);
    let outer = dir.path().join("outer");
    let inner = briefing(dir.path(), &["build", "--output", "outer/site"]);
    assert_eq!(inner.status.code(), Some(0), "{}", stderr(&inner));
    std::fs::copy(outer.join("site").join(MANIFEST), outer.join(MANIFEST)).unwrap();
    write(&outer.join("thesis.tex"), "\\documentclass{article}\n");
    let before = snapshot(&outer);

    let out = briefing(dir.path(), &["build", "--output", "outer"]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.starts_with("error: refusing to replace `outer`: it holds ")
            && message.contains(
                " files briefing did not write: `.site.cache/analysis`, `.site.cache/look`, `.site.cache/search-terms`, "
            ),
        "{message}"
    );
    assert_eq!(snapshot(&outer), before);

    // A manifest that names paths outside its folder is no manifest at all.
    std::fs::write(
        outer.join(MANIFEST),
        "# briefing site manifest v2: the files below were written by `briefing build`.\n- ../briefing.yaml\n- thesis.tex\n",
    )
    .unwrap();
    let out = briefing(dir.path(), &["build", "--output", "outer"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("it is not a site briefing made"));
    assert!(outer.join("thesis.tex").exists());
    assert!(dir.path().join("briefing.yaml").exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_manifest_is_not_a_manifest() {
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    write(&dir.path().join("mine/essay.md"), "mine\n");
    std::os::unix::fs::symlink(
        dir.path().join("site").join(MANIFEST),
        dir.path().join("mine").join(MANIFEST),
    )
    .unwrap();
    let out = briefing(dir.path(), &["build", "--output", "mine"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("it is not a site briefing made"));
    assert!(dir.path().join("mine/essay.md").exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_folder_is_refused_and_its_target_left_alone() {
    let dir = briefing_with(None);
    let elsewhere = tempfile::tempdir().unwrap();
    write(&elsewhere.path().join("keep.txt"), "keep\n");
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("site")).unwrap();

    for args in [&["build"][..], &["build", "--force"]] {
        let out = briefing(dir.path(), args);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{message}");
        assert!(
            message.contains("it is a symbolic link (to `")
                && message.ends_with("pass the folder it points to as --output\n"),
            "{message}"
        );
    }
    assert!(dir.path().join("site").is_symlink());
    assert!(elsewhere.path().join("keep.txt").exists());
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_output_is_never_followed_even_with_force() {
    let dir = briefing_with(None);
    assert_eq!(briefing(dir.path(), &["build"]).status.code(), Some(0));
    let elsewhere = tempfile::tempdir().unwrap();
    write(&elsewhere.path().join("keep.txt"), "keep\n");
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("site/linked")).unwrap();

    let out = briefing(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`linked`"), "{}", stderr(&out));
    let out = briefing(dir.path(), &["build", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dir.path().join("site/linked").exists());
    assert_eq!(
        std::fs::read_to_string(elsewhere.path().join("keep.txt")).unwrap(),
        "keep\n"
    );
}

#[test]
fn an_output_that_is_a_file_is_refused() {
    let dir = briefing_with(None);
    write(&dir.path().join("site"), "my notes\n");
    let out = briefing(dir.path(), &["build", "--force"]);
    assert_eq!(
        stderr(&out),
        format!(
            "error: refusing to build into `{}`: it is a file, not a folder; choose another --output\n",
            Path::new(".").join("site").display()
        )
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("site")).unwrap(),
        "my notes\n"
    );
}

#[test]
fn force_still_refuses_the_current_folder() {
    // The briefing lives elsewhere; the command runs in a folder of the user's own.
    let dir = briefing_with(None);
    let work = tempfile::tempdir().unwrap();
    write(&work.path().join("thesis.tex"), "mine\n");
    let root = dir.path().to_str().unwrap();
    let out = briefing(
        work.path(),
        &["build", "--root", root, "--output", ".", "--force"],
    );
    assert_eq!(
        stderr(&out),
        "error: refusing to build into `.`, even with --force: it is the current folder, a folder above it, or the home folder\n"
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(work.path().join("thesis.tex").exists());
}

#[test]
fn printing_the_report_over_a_file_that_is_not_a_pdf_is_refused_before_the_build() {
    let dir = briefing_with(None);
    write(&dir.path().join("notes.md"), "# my notes\n");
    let out = briefing(dir.path(), &["build", "--pdf", "notes.md"]);
    assert_eq!(
        stderr(&out),
        "error: refusing to print the report to `notes.md`: it exists and is not a PDF; choose another file\n"
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.md")).unwrap(),
        "# my notes\n"
    );
    assert!(!dir.path().join("site").exists());
}

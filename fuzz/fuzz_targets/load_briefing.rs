//! Loading a whole briefing: the minimal fixture with one of its files replaced by the
//! fuzz input (the first byte picks which), through `briefing::load::briefing` — the
//! curation parsers, cross-reference and quote checks — then `check`, and a full build
//! when the content has no errors. Files live in /dev/shm so an iteration stays cheap.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const FILES: &[(&str, &str)] = &[
    (
        "briefing.yaml",
        include_str!("../../tests/fixtures/minimal/briefing.yaml"),
    ),
    (
        "content/outlets.yaml",
        include_str!("../../tests/fixtures/minimal/content/outlets.yaml"),
    ),
    (
        "content/people/ana-ortiz.yaml",
        include_str!("../../tests/fixtures/minimal/content/people/ana-ortiz.yaml"),
    ),
    (
        "content/articles/pier-vote.md",
        include_str!("../../tests/fixtures/minimal/content/articles/pier-vote.md"),
    ),
    (
        "content/timeline/2026.yaml",
        include_str!("../../tests/fixtures/minimal/content/timeline/2026.yaml"),
    ),
    (
        "content/comparisons/pier.yaml",
        include_str!("../../tests/fixtures/minimal/content/comparisons/pier.yaml"),
    ),
];

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            "/dev/shm"
        } else {
            "/tmp"
        };
        let root = PathBuf::from(base).join(format!("briefing-fuzz-{}", std::process::id()));
        for dir in [
            "content/articles",
            "content/people",
            "content/timeline",
            "content/comparisons",
        ] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let root = root();
    let replaced = pick as usize % FILES.len();
    for (i, (path, text)) in FILES.iter().enumerate() {
        let bytes = if i == replaced { rest } else { text.as_bytes() };
        std::fs::write(root.join(path), bytes).unwrap();
    }
    let loaded = match briefing::load::briefing(root) {
        Ok(l) => l,
        // Operational failures (unreadable files) are not content bugs.
        Err(_) => return,
    };
    briefing_fuzz::check_diagnostics(&loaded.diagnostics, &loaded.sources);
    let errors = loaded.has_errors();
    let checked = briefing::check(root).expect("check after a successful load");
    briefing_fuzz::check_diagnostics(&checked.diagnostics, &checked.sources);
    if !errors {
        let options = briefing::BuildOptions {
            root: root.clone(),
            output: root.with_extension("site"),
            base_url: None,
            replace: briefing::write::Replace::OwnOnly,
            drafts: false,
        };
        if let Err(e) = briefing::build(&options) {
            // Content that loads without errors must build.
            panic!("content without errors failed to build: {e}");
        }
    }
});

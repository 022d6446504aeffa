//! Regressions found by fuzzing (`fuzz/`, see docs/testing.md): each test holds the
//! input that failed, reduced, and is named after the target that found it.

use crate::support::{briefing, briefing_with, stdout};

/// fuzz target `load_briefing`: a byte that is not UTF-8 is underlined as a span that
/// ends one byte into the U+FFFD replacing it (a span not on a character boundary), so
/// `end_column` equals `column` and the caret underlines nothing.
#[test]
fn fuzz_load_briefing_not_utf8_span_covers_the_bad_byte() {
    let dir = briefing_with(None);
    std::fs::write(
        dir.path().join("briefing.yaml"),
        b"title: Harbour Town\ndescription: A sma\x94\x93ll test briefing.\nbase_url: https://briefing.test/harbour/\nfeatured: [ana-ortiz]\n".as_slice(),
    )
    .unwrap();
    let out = briefing(dir.path(), &["check", "--format", "json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(v[0]["code"], "not-utf8");
    assert_eq!(
        (v[0]["line"].as_u64(), v[0]["column"].as_u64()),
        (Some(2), Some(19))
    );
    assert_eq!(
        (v[0]["end_line"].as_u64(), v[0]["end_column"].as_u64()),
        (Some(2), Some(20))
    );
}

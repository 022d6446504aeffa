//! Front matter splitting: `briefing::load::split_front_matter`, then the article's YAML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(split) = briefing::load::split_front_matter(text) else {
        return;
    };
    // The two parts are in order, inside the text and on character boundaries.
    assert!(split.yaml.start <= split.yaml.end, "{split:?}");
    assert!(split.yaml.end <= split.body.start, "{split:?}");
    assert!(
        split.body.start <= split.body.end && split.body.end == text.len(),
        "{split:?}"
    );
    for at in [split.yaml.start, split.yaml.end, split.body.start] {
        assert!(text.is_char_boundary(at), "{split:?}");
    }
    // The opening fence is all that comes before the YAML.
    assert_eq!(text[..split.yaml.start].trim_end(), "---");
    // The YAML part reads with positions inside the file, or fails with a located error.
    let mut sources = briefing::source::Sources::default();
    let id = sources.add(briefing::source::SourceFile::new("a.md", text));
    let yaml = &text[split.yaml.clone()];
    let diagnostics = match briefing::yaml::untyped(id, yaml, split.yaml.start) {
        Ok(_) => Vec::new(),
        Err(d) => vec![d],
    };
    briefing_fuzz::check_diagnostics(&diagnostics, &sources);
});

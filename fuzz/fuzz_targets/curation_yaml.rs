//! Curation YAML: `briefing::yaml::untyped` and `briefing::yaml::document` into types
//! shaped like the content format (nested mappings, lists, scalars read as text), with
//! every span and diagnostic checked.
#![no_main]

use briefing::yaml::{self, Path, Scalar};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Source {
    article: String,
    quote: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Point {
    topic: String,
    verdict: String,
    claims: Vec<Source>,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    date: Option<Scalar>,
    title: String,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    points: Vec<Point>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = briefing::source::Sources::default();
    // A little text before the YAML, as in an article's front matter.
    let file = format!("---\n{text}");
    let id = sources.add(briefing::source::SourceFile::new("x.yaml", file.clone()));
    let mut diagnostics = Vec::new();
    match yaml::untyped(id, text, 4) {
        Ok(doc) => {
            // Every path the document has resolves to a span inside the file.
            let probe = [
                Path::root(),
                Path::root().key("title"),
                Path::root().index(0).key("sources").index(0).key("quote"),
                Path::root().key("points").index(0).key("claims").index(1),
            ];
            for p in &probe {
                for span in [doc.spans.value(p), doc.spans.key(p)] {
                    assert!(
                        span.start <= span.end && span.end <= file.len(),
                        "{p}: {span:?}"
                    );
                    assert!(file.is_char_boundary(span.start) && file.is_char_boundary(span.end));
                }
            }
            if let yaml::Shape::Sequence(items) = doc.value.shape() {
                for (i, item) in items.into_iter().enumerate() {
                    if let Err(d) =
                        yaml::typed::<Item>(item, &doc.spans, &Path::root().index(i), "an item")
                    {
                        diagnostics.push(d);
                    }
                }
            }
        }
        Err(d) => diagnostics.push(d),
    }
    if let Err(d) = yaml::document::<Item>(id, text, 4, "an item") {
        diagnostics.push(d);
    }
    briefing_fuzz::check_diagnostics(&diagnostics, &sources);
});

//! Markdown to safe HTML: `briefing::markdown::blocks`, `article_html` (with marks woven
//! in at fuzz-chosen places, as mentions and quotes are) and `curated_html` /
//! `curated_inline`. Whatever the input, the HTML holds no script.
#![no_main]

use briefing::markdown::{Mark, article_html, blocks, curated_html, curated_inline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The last four bytes place marks; the rest is the Markdown.
    if data.len() < 4 {
        return;
    }
    let (md, seed) = data.split_at(data.len() - 4);
    let Ok(md) = std::str::from_utf8(md) else {
        return;
    };
    let blocks = blocks(md);
    for b in &blocks {
        assert!(
            b.range.start <= b.range.end && b.range.end <= md.len(),
            "{b:?}"
        );
    }
    let paragraphs: Vec<_> = blocks
        .iter()
        .filter(|b| b.kind == briefing::markdown::BlockKind::Paragraph)
        .collect();
    let marks: Vec<Vec<Mark>> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let len = p.text.len();
            if len == 0 {
                return Vec::new();
            }
            let s = (seed[i % 4] as usize * len / 256).min(len);
            let e = (s + 1 + seed[(i + 1) % 4] as usize % 16).min(len);
            // Marks are byte ranges of the plain text; the renderer only makes them on
            // character boundaries.
            let s = floor(&p.text, s);
            let e = floor(&p.text, e);
            if s >= e {
                return Vec::new();
            }
            vec![
                Mark {
                    start: s,
                    end: e,
                    open: "<a class=\"mention\" href=\"#\">".into(),
                    close: "</a>".into(),
                    after: String::new(),
                },
                Mark {
                    start: s,
                    end: len,
                    open: "<span class=\"quote\">".into(),
                    close: "</span>".into(),
                    after: "<span class=\"speaker\">x</span>".into(),
                },
            ]
        })
        .collect();
    briefing_fuzz::assert_safe_html(&article_html(md, &marks));
    briefing_fuzz::assert_safe_html(&curated_html(md));
    briefing_fuzz::assert_safe_html(&curated_inline(md));
});

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

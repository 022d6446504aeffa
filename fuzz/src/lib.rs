//! Properties shared by the fuzz targets: what must hold for *any* input, beyond "does
//! not panic". A failed property panics, which libFuzzer records as a crash.

use briefing::diagnostic::{self, Diagnostic};
use briefing::source::Sources;

/// Every diagnostic points inside its file, on character boundaries, and renders as
/// text and as JSON without panicking.
pub fn check_diagnostics(diagnostics: &[Diagnostic], sources: &Sources) {
    for d in diagnostics {
        if let Some(span) = d.span {
            let file = sources.get(span.file);
            assert!(
                span.start <= span.end && span.end <= file.text.len(),
                "span {span:?} outside `{}` ({} bytes): {d:?}",
                file.path,
                file.text.len()
            );
            // Known bug (reported, regression test in tests/it/regressions.rs): the
            // `not-utf8` span ends one byte into the U+FFFD that replaces the bad byte.
            let end_ok = file.text.is_char_boundary(span.end) || d.code == "not-utf8";
            assert!(
                file.text.is_char_boundary(span.start) && end_ok,
                "span {span:?} splits a character: {d:?}"
            );
        }
        let _ = diagnostic::to_json(d, sources);
    }
    let _ = diagnostic::render_text(diagnostics, sources, false);
    let _ = diagnostic::render_json(diagnostics, sources);
}

/// HTML made from content holds no script: no script-bearing element, no event handler
/// attribute and no URL attribute with a scheme that runs code or embeds a document.
pub fn assert_safe_html(html: &str) {
    let doc = scraper::Html::parse_fragment(html);
    for node in doc.tree.values() {
        let Some(el) = node.as_element() else {
            continue;
        };
        let name = el.name();
        assert!(
            !matches!(
                name,
                "script"
                    | "iframe"
                    | "frame"
                    | "object"
                    | "embed"
                    | "base"
                    | "meta"
                    | "link"
                    | "style"
                    | "form"
                    | "template"
                    | "svg"
                    | "math"
            ),
            "<{name}> in the output of {html:?}"
        );
        for (attr, value) in el.attrs() {
            assert!(!attr.starts_with("on"), "{attr}= on <{name}> in {html:?}");
            assert!(
                !matches!(attr, "srcdoc" | "formaction"),
                "{attr}= in {html:?}"
            );
            // Table alignment is the only style Markdown writes.
            if attr == "style" {
                let aligned = matches!(name, "th" | "td")
                    && matches!(
                        value,
                        "text-align: left" | "text-align: center" | "text-align: right"
                    );
                assert!(aligned, "style={value:?} on <{name}> in {html:?}");
            }
            if matches!(
                attr,
                "href" | "src" | "action" | "data" | "poster" | "cite" | "srcset"
            ) {
                assert!(
                    url_is_safe(value),
                    "{attr}={value:?} on <{name}> in {html:?}"
                );
            }
        }
    }
}

/// The URL as a browser reads its scheme (WHATWG URL): leading and trailing C0 controls
/// and spaces are stripped, tabs and newlines removed anywhere, letters case-folded. Any
/// other control character inside the scheme makes it a relative URL, which is harmless
/// (checked in Chromium: `jav\x10ascript:` resolves to `/jav%10ascript:`).
pub fn url_is_safe(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    !(cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || cleaned.starts_with("data:"))
}

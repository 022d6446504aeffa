//! The *overlay* is what serve mode adds to HTML pages, and only there: a tiny script
//! that listens for rebuilds on [`EVENTS`] and reloads the page, and, while the content
//! has errors, a panel over the page that shows them as the terminal does. `build`
//! output never contains either: they are laid over a page as it is served.

use crate::render::escape;

/// The server-sent events endpoint. Ids cannot start with `_`, so no page is there.
pub(crate) const EVENTS: &str = "/__briefing/events";

/// The element id of the error panel, shared by the panel and the script.
const PANEL_ID: &str = "briefing-overlay";

/// The error panel for `text`, the diagnostics as `diagnostic::render_text` gives them
/// without colour. Styled inline, so that no theme can hide it.
pub(crate) fn panel(text: &str) -> String {
    format!(
        "<div id=\"{PANEL_ID}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
         overflow:auto;margin:0;padding:1.5rem 2rem;background:rgba(24,24,27,.96);color:#f4f4f5;\
         font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace\">\
         <button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right\">Hide</button>\
         <p style=\"margin:0 0 1rem;color:#fca5a5;font-weight:bold\">The briefing has errors. \
         Until they are fixed, the last good build is served; save a fix and the page reloads.</p>\
         <pre style=\"margin:0;white-space:pre-wrap\">{}</pre></div>",
        escape(text)
    )
}

/// The script: listens for changes of its page (`page`, the page path it was asked
/// at) and reloads when the page changed after it was served (the server says when it
/// last changed on connecting, so a rebuild missed while the page loaded still reloads
/// it), and shows or hides the error panel.
fn script(page: &str, generation: u64) -> String {
    // A JavaScript string: JSON, with `<` escaped so that no page path can close the
    // script element.
    let page = serde_json::to_string(page)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    format!(
        "<script>(() => {{\n\
         const served = {generation};\n\
         const events = new EventSource(\"{EVENTS}?page=\" + encodeURIComponent({page}));\n\
         events.addEventListener(\"reload\", (e) => {{ if (Number(e.data) > served) location.reload(); }});\n\
         events.addEventListener(\"overlay\", (e) => {{\n\
         \x20 document.getElementById(\"{PANEL_ID}\")?.remove();\n\
         \x20 const html = JSON.parse(e.data);\n\
         \x20 if (html) document.body.insertAdjacentHTML(\"beforeend\", html);\n\
         }});\n\
         }})();</script>\n"
    )
}

/// `html` with the panel (while errors stand) and the script before its last `</body>`,
/// or at its end when it has none.
pub(crate) fn inject(html: &[u8], page: &str, generation: u64, panel: Option<&str>) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let script = script(page, generation);
    let panel = panel.unwrap_or_default();
    let mut out = Vec::with_capacity(html.len() + panel.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(panel.as_bytes());
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// What is served for every address while no build has succeeded yet.
pub(crate) const NO_SITE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
    <title>briefing: the site has errors</title></head><body></body></html>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_panel_go_before_the_last_body_close() {
        let html = b"<html><body><p>x</p></BODY></html>";
        let out =
            String::from_utf8(inject(html, "index.html", 7, Some("<div>panel</div>"))).unwrap();
        let panel = out.find("<div>panel</div>").unwrap();
        let script = out.find("<script>").unwrap();
        let close = out.find("</BODY>").unwrap();
        assert!(out.starts_with("<html><body><p>x</p>"));
        assert!(panel < script && script < close);
        assert!(out.contains("const served = 7;"));
        assert!(out.contains(EVENTS));
        assert!(out.ends_with("</BODY></html>"));
    }

    #[test]
    fn a_page_without_body_gets_the_script_at_its_end() {
        let out = String::from_utf8(inject(b"<p>x</p>", "index.html", 1, None)).unwrap();
        assert!(out.starts_with("<p>x</p><script>"));
        assert!(!out.contains("role=\"alert\""));
    }

    #[test]
    fn the_panel_escapes_the_diagnostic_text() {
        let p = panel("error: the quote \"<script>alert(1)</script>\" & more\n  --> a.yaml:1:1");
        assert!(
            p.contains("the quote &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; more")
        );
        assert!(p.contains("--&gt; a.yaml:1:1"));
        assert!(!p.contains("<script>"));
    }
}

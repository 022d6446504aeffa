//! *Printing* the report to PDF with a headless Chromium: `briefing build --pdf FILE`.
//! The browser is whatever Chromium or Chrome is on the `PATH` (or the one
//! `BRIEFING_CHROMIUM` names); it opens the built `report/index.html` from disk, in a
//! fresh profile that is removed afterwards, with networking and updates off, and
//! prints it with the report's own print CSS, with a document outline (the PDF's
//! bookmarks, from the headings).
//!
//! The contents get their page numbers in a second pass: Chromium does not support CSS
//! `target-counter()`, but it writes each linked anchor of the page as a *named
//! destination* of the PDF, with the page it is on. The first print says on which page
//! each chapter starts; a copy of the report with those numbers in its contents is
//! printed again (and again, at most [`PASSES`] times in all, while numbers move).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::Failure;

/// The programs looked for on the `PATH`, in this order.
pub const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How long printing may take before the browser is stopped.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Prints at most, to settle the page numbers of the contents.
const PASSES: usize = 3;

/// The first of `names` found as an executable file in a folder of `path` (a `PATH`
/// value), folders first, then names.
pub fn find_browser(names: &[&str], path: Option<OsString>) -> Option<PathBuf> {
    let path = path?;
    for dir in std::env::split_paths(&path) {
        for name in names {
            let candidate = dir.join(name);
            if is_executable(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}

/// A `file://` URL for an absolute path, with every byte that is not plainly safe in a
/// URL path percent-encoded.
pub(crate) fn file_url(path: &Path) -> String {
    let mut out = String::from("file://");
    let text = path.to_string_lossy();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The browser's arguments: headless, quiet, a throwaway profile, print and quit.
pub(crate) fn arguments(profile: &Path, pdf: &Path, page: &str) -> Vec<OsString> {
    let mut print = OsString::from("--print-to-pdf=");
    print.push(pdf);
    let mut user_data = OsString::from("--user-data-dir=");
    user_data.push(profile);
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]
    .iter()
    .map(OsString::from)
    .chain([
        user_data,
        print,
        "--no-pdf-header-footer".into(),
        "--generate-pdf-document-outline".into(),
        page.into(),
    ])
    .collect()
}

/// Refuses to print over a file that is not a PDF: `--pdf notes.md` is a slip, and
/// the tool never overwrites a file it did not write. An earlier PDF is replaced.
pub(crate) fn check_target(pdf: &Path) -> Result<(), Failure> {
    let meta = match std::fs::symlink_metadata(pdf) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Failure::io(pdf, "read", e)),
    };
    let is_pdf = meta.is_file() && {
        let mut head = [0u8; 5];
        std::fs::File::open(pdf)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok()
            && &head == b"%PDF-"
    };
    if !is_pdf {
        return Err(Failure::Other(format!(
            "refusing to print the report to `{}`: it exists and is not a PDF; choose another file",
            pdf.display()
        )));
    }
    Ok(())
}

/// Prints the built report at `report` (an HTML file) to `pdf`, twice or more to put
/// page numbers in its contents (see the module's text). The browser prints into a new
/// file beside `pdf`, which replaces `pdf` only once it is a PDF: a failed print leaves
/// an earlier one as it was.
pub(crate) fn print(report: &Path, pdf: &Path) -> Result<(), Failure> {
    check_target(pdf)?;
    let browser = match std::env::var_os("BRIEFING_CHROMIUM") {
        Some(b) if !b.is_empty() => PathBuf::from(b),
        _ => find_browser(BROWSERS, std::env::var_os("PATH")).ok_or_else(|| {
            Failure::Other(format!(
                "cannot print the report to PDF: no Chromium or Chrome found on the PATH (looked for {}); install one (on Debian or Ubuntu: `apt-get install chromium`) or set BRIEFING_CHROMIUM to the browser's path",
                BROWSERS.join(", ")
            ))
        })?,
    };
    let cwd =
        std::env::current_dir().map_err(|e| Failure::io(".", "read the current folder", e))?;
    let report = cwd.join(report);
    let pdf = cwd.join(pdf);
    let parent = pdf.parent().unwrap_or(Path::new("/"));
    std::fs::create_dir_all(parent).map_err(|e| Failure::io(parent, "create", e))?;
    // A fresh profile folder and a fresh file to print into, both made here, so
    // nothing that was there before is removed.
    let profile = tempfile::Builder::new()
        .prefix("briefing-chromium-")
        .tempdir()
        .map_err(|e| Failure::io(std::env::temp_dir(), "create a browser profile in", e))?;
    let printing = tempfile::Builder::new()
        .prefix(".briefing-report-")
        .suffix(".pdf")
        .tempfile_in(parent)
        .map_err(|e| Failure::io(parent, "create a file in", e))?;
    let print_once = |page: &Path| -> Result<Vec<u8>, Failure> {
        let stderr = run(
            &browser,
            &arguments(profile.path(), printing.path(), &file_url(page)),
        )?;
        match std::fs::read(printing.path()) {
            Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
            _ => Err(Failure::Other(format!(
                "{} did not print `{}`{}",
                browser.display(),
                pdf.display(),
                tail(&stderr)
            ))),
        }
    };
    let mut printed = print_once(&report)?;
    let html = std::fs::read_to_string(&report).map_err(|e| Failure::io(&report, "read", e))?;
    if html.contains(PAGE_REF) {
        // The numbered copy is printed from a folder of its own beside the site's files
        // (linked, not copied), so that its styles are found and the site is untouched.
        let copy = numbered_copy_folder(&report)?;
        let mut used = BTreeMap::new();
        for _ in 1..PASSES {
            let pages = destinations(&printed).unwrap_or_default();
            if pages.is_empty() || pages == used {
                break;
            }
            let page = copy.path().join("report/index.html");
            std::fs::write(&page, with_page_numbers(&html, &pages))
                .map_err(|e| Failure::io(&page, "write", e))?;
            printed = print_once(&page)?;
            used = pages;
        }
    }
    drop(printed);
    printing
        .persist(&pdf)
        .map_err(|e| Failure::io(&pdf, "write", e.error))?;
    Ok(())
}

/// A temporary folder that looks like the site around its report: every other entry
/// of the site's folder linked into it, and an empty `report/` for the numbered copy.
fn numbered_copy_folder(report: &Path) -> Result<tempfile::TempDir, Failure> {
    let site = report
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."));
    let dir = tempfile::Builder::new()
        .prefix("briefing-print-")
        .tempdir()
        .map_err(|e| Failure::io(std::env::temp_dir(), "create a folder in", e))?;
    std::fs::create_dir(dir.path().join("report"))
        .map_err(|e| Failure::io(dir.path(), "create a folder in", e))?;
    let entries = std::fs::read_dir(site).map_err(|e| Failure::io(site, "read", e))?;
    for entry in entries.filter_map(Result::ok) {
        if entry.file_name() == "report" {
            continue;
        }
        let target = dir.path().join(entry.file_name());
        #[cfg(unix)]
        let linked = std::os::unix::fs::symlink(entry.path(), &target);
        #[cfg(not(unix))]
        let linked = std::fs::copy(entry.path(), &target).map(|_| ());
        // What cannot be linked is only missing from the copy's print.
        let _ = linked;
    }
    Ok(dir)
}

/// Where the contents wants a page number: `<span class="page-ref" data-ref="ID">`
/// with nothing in it, ID the anchor of the entry.
const PAGE_REF: &str = "<span class=\"page-ref\" data-ref=\"";

/// `html` with the page of each anchor in `pages` written into its page reference.
fn with_page_numbers(html: &str, pages: &BTreeMap<String, usize>) -> String {
    let mut out = String::with_capacity(html.len() + 8 * pages.len());
    let mut rest = html;
    while let Some(i) = rest.find(PAGE_REF) {
        let after = &rest[i + PAGE_REF.len()..];
        let Some(end) = after.find("\"></span>") else {
            break;
        };
        let id = &after[..end];
        out.push_str(&rest[..i + PAGE_REF.len() + end + 2]);
        if let Some(page) = pages.get(id) {
            out.push_str(&page.to_string());
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The named destinations of a PDF as Chromium writes it, each with its page (from 1):
/// a classic cross-reference table, and the catalog's `/Dests` a dictionary of names.
/// `None` for anything else: the contents is then printed without page numbers.
fn destinations(pdf: &[u8]) -> Option<BTreeMap<String, usize>> {
    let file = PdfFile::read(pdf)?;
    let root = file.reference(file.trailer()?, b"/Root")?;
    let catalog = file.object(root)?;
    let mut pages = Vec::new();
    file.pages(file.reference(catalog, b"/Pages")?, &mut pages, 0)?;
    let page_of: BTreeMap<usize, usize> =
        pages.iter().enumerate().map(|(i, p)| (*p, i + 1)).collect();
    let dests = file.object(file.reference(catalog, b"/Dests")?)?;
    let mut out = BTreeMap::new();
    let mut rest = dests.get(dests.windows(2).position(|w| w == b"<<")? + 2..)?;
    // `/name [12 0 R /XYZ 0 792 0]`, one after the other.
    while let Some(slash) = rest.iter().position(|&b| b == b'/') {
        let name_end = rest[slash + 1..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || b"[]/<>()".contains(b))
            .map_or(rest.len(), |e| slash + 1 + e);
        let name = pdf_name(&rest[slash + 1..name_end])?;
        let after = &rest[name_end..];
        let open = after.iter().position(|&b| !b.is_ascii_whitespace())?;
        if after[open] != b'[' {
            return None;
        }
        let object = leading_number(&after[open + 1..])?;
        out.insert(name, *page_of.get(&object)?);
        let close = after.iter().position(|&b| b == b']')?;
        rest = &after[close + 1..];
    }
    Some(out)
}

/// A PDF name's text, its `#xx` escapes decoded.
fn pdf_name(raw: &[u8]) -> Option<String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' {
            let hex = std::str::from_utf8(raw.get(i + 1..i + 3)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    String::from_utf8(bytes).ok()
}

/// The number at the start of `bytes`, after any whitespace.
fn leading_number(bytes: &[u8]) -> Option<usize> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let digits = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    std::str::from_utf8(&bytes[start..start + digits])
        .ok()?
        .parse()
        .ok()
}

/// A PDF's objects, found through its cross-reference table.
struct PdfFile<'a> {
    bytes: &'a [u8],
    /// The byte offset of each object in use, by number.
    offsets: BTreeMap<usize, usize>,
}

impl<'a> PdfFile<'a> {
    fn read(bytes: &'a [u8]) -> Option<Self> {
        let at = bytes.windows(9).rposition(|w| w == b"startxref")?;
        let xref = leading_number(&bytes[at + 9..])?;
        let table = bytes.get(xref..)?.strip_prefix(b"xref")?;
        let text =
            std::str::from_utf8(&table[..table.windows(7).position(|w| w == b"trailer")?]).ok()?;
        let mut offsets = BTreeMap::new();
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        while let Some(head) = lines.next() {
            let mut head = head.split_whitespace();
            let first: usize = head.next()?.parse().ok()?;
            let count: usize = head.next()?.parse().ok()?;
            for n in first..first + count {
                let mut entry = lines.next()?.split_whitespace();
                let offset: usize = entry.next()?.parse().ok()?;
                if entry.nth(1)? == "n" {
                    offsets.insert(n, offset);
                }
            }
        }
        Some(PdfFile { bytes, offsets })
    }

    fn trailer(&self) -> Option<&'a [u8]> {
        let at = self.bytes.windows(7).rposition(|w| w == b"trailer")?;
        Some(&self.bytes[at..])
    }

    /// Object `n` from its `obj` keyword to its `endobj`.
    fn object(&self, n: usize) -> Option<&'a [u8]> {
        let from = &self.bytes.get(*self.offsets.get(&n)?..)?;
        let end = from.windows(6).position(|w| w == b"endobj")?;
        Some(&from[..end])
    }

    /// The object `key` refers to in `dict` (`/Pages 350 0 R`).
    fn reference(&self, dict: &[u8], key: &[u8]) -> Option<usize> {
        let at = dict.windows(key.len()).position(|w| w == key)?;
        let after = &dict[at + key.len()..];
        // Not a longer key that starts alike (`/Pages` in `/PageLabels`).
        if after.first().is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        leading_number(after)
    }

    /// The leaves of the page tree below object `n`, in order.
    fn pages(&self, n: usize, out: &mut Vec<usize>, depth: usize) -> Option<()> {
        let node = self.object(n)?;
        let Some(at) = node.windows(5).position(|w| w == b"/Kids") else {
            out.push(n);
            return Some(());
        };
        if depth > 32 {
            return None;
        }
        let list = &node[at + 5..];
        let list = &list
            [list.iter().position(|&b| b == b'[')? + 1..list.iter().position(|&b| b == b']')?];
        let words: Vec<&[u8]> = list
            .split(u8::is_ascii_whitespace)
            .filter(|w| !w.is_empty())
            .collect();
        for kid in words.chunks(3) {
            let kid = std::str::from_utf8(kid.first()?).ok()?.parse().ok()?;
            self.pages(kid, out, depth + 1)?;
        }
        Some(())
    }
}

/// Runs the browser to the end or until [`TIMEOUT`]; returns what it wrote to stderr.
fn run(browser: &Path, args: &[OsString]) -> Result<String, Failure> {
    let mut child = Command::new(browser)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::io(browser, "run", e))?;
    // Read stderr on a thread: a chatty browser must not block on a full pipe.
    let mut err = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = err.as_mut() {
            let _ = std::io::Read::read_to_string(e, &mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::Other(format!(
                    "{} did not finish printing within {} s",
                    browser.display(),
                    TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(Failure::io(browser, "wait for", e)),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(Failure::Other(format!(
            "{} failed ({status}){}",
            browser.display(),
            tail(&stderr)
        )));
    }
    Ok(stderr)
}

/// The last lines a browser wrote, to explain a failure.
fn tail(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(":\n{}", lines[lines.len().saturating_sub(8)..].join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_encode_what_a_path_may_hold() {
        for (path, url) in [
            (
                "/tmp/site/report/index.html",
                "file:///tmp/site/report/index.html",
            ),
            ("/a b/ç#?.html", "file:///a%20b/%C3%A7%23%3F.html"),
        ] {
            assert_eq!(file_url(Path::new(path)), url);
        }
    }

    #[test]
    fn the_browser_is_found_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let make = |p: PathBuf, exec: bool| {
            std::fs::write(&p, "#!/bin/sh\n").unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = if exec { 0o755 } else { 0o644 };
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
            }
            p
        };
        make(a.join("chromium"), false);
        let chrome = make(a.join("google-chrome"), true);
        make(b.join("chromium"), true);
        let path = std::env::join_paths([&a, &b]).unwrap();
        // `a` comes first; its chromium is not executable, its google-chrome is.
        assert_eq!(find_browser(BROWSERS, Some(path.clone())), Some(chrome));
        assert_eq!(find_browser(&["nothing"], Some(path)), None);
        assert_eq!(find_browser(BROWSERS, None), None);
    }

    /// A PDF laid out as Chromium writes one: objects, a cross-reference table of
    /// their offsets, a trailer. Objects are numbered from 1 in the order given.
    fn pdf_of(objects: &[&str]) -> Vec<u8> {
        let mut out = String::from("%PDF-1.4\n");
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
        }
        let xref = out.len();
        out.push_str(&format!(
            "xref\n0 {}\n0000000000 65535 f \n",
            objects.len() + 1
        ));
        for o in offsets {
            out.push_str(&format!("{o:010} 00000 n \n"));
        }
        out.push_str(&format!(
            "trailer\n<</Size {} /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        ));
        out.into_bytes()
    }

    #[test]
    fn the_page_of_each_named_destination_is_read_through_the_page_tree() {
        let pdf = pdf_of(&[
            "<</Type /Catalog /Pages 2 0 R /Dests 6 0 R>>",
            "<</Type /Pages /Count 3 /Kids [3 0 R 7 0 R]>>",
            "<</Type /Page /Parent 2 0 R>>",
            "<</Type /Page /Parent 7 0 R>>",
            "<</Type /Page /Parent 7 0 R>>",
            "<</key-judgments [3 0 R /XYZ 0 792 0]\n/people [5 0 R /XYZ 0 768 0]\n/caf#C3#A9 [4 0 R /XYZ 0 10 0]>>",
            "<</Type /Pages /Count 2 /Kids [4 0 R 5 0 R] /Parent 2 0 R>>",
        ]);
        let pages = destinations(&pdf).unwrap();
        let expected: BTreeMap<String, usize> = [("café", 2), ("key-judgments", 1), ("people", 3)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(pages, expected);
        // Anything else is not read: no page numbers then, never a wrong one.
        assert_eq!(destinations(b"%PDF-1.4 not a PDF Chromium wrote"), None);
        let names_tree = pdf_of(&[
            "<</Type /Catalog /Pages 2 0 R /Names 3 0 R>>",
            "<</Type /Pages /Count 0 /Kids []>>",
            "<</Dests 4 0 R>>",
        ]);
        assert_eq!(destinations(&names_tree), None);
    }

    #[test]
    fn page_numbers_go_into_the_contents_page_references() {
        let pages: BTreeMap<String, usize> =
            [("people".to_string(), 5), ("timeline".to_string(), 12)].into();
        for (html, numbered) in [
            (
                r##"<li><a href="#people">People</a><span class="page-ref" data-ref="people"></span></li>"##,
                r##"<li><a href="#people">People</a><span class="page-ref" data-ref="people">5</span></li>"##,
            ),
            (
                r##"<span class="page-ref" data-ref="timeline"></span>, <span class="page-ref" data-ref="sources"></span>"##,
                r##"<span class="page-ref" data-ref="timeline">12</span>, <span class="page-ref" data-ref="sources"></span>"##,
            ),
            ("no references", "no references"),
            (
                r##"<span class="page-ref" data-ref="people">"##,
                r##"<span class="page-ref" data-ref="people">"##,
            ),
        ] {
            assert_eq!(with_page_numbers(html, &pages), numbered, "{html}");
        }
    }

    #[test]
    fn arguments_print_headless_from_a_fresh_profile() {
        let args = arguments(Path::new("/tmp/p"), Path::new("/out/r.pdf"), "file:///x");
        let args: Vec<String> = args.into_iter().map(|a| a.into_string().unwrap()).collect();
        for wanted in [
            "--headless",
            "--no-sandbox",
            "--user-data-dir=/tmp/p",
            "--print-to-pdf=/out/r.pdf",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
        ] {
            assert!(args.iter().any(|a| a == wanted), "{wanted}");
        }
        assert_eq!(args.last().map(String::as_str), Some("file:///x"));
    }
}

//! *Printing* the report to PDF with a headless Chromium: `briefing build --pdf FILE`.
//! The browser is whatever Chromium or Chrome is on the `PATH` (or the one
//! `BRIEFING_CHROMIUM` names); it opens the built `report/index.html` from disk, in a
//! fresh profile that is removed afterwards, with networking and updates off, and
//! prints it with the report's own print CSS.

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

/// Prints the built report at `report` (an HTML file) to `pdf`. The browser prints into
/// a new file beside `pdf`, which replaces `pdf` only once it is a PDF: a failed print
/// leaves an earlier one as it was.
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
    let result = run(
        &browser,
        &arguments(profile.path(), printing.path(), &file_url(&report)),
    );
    let stderr = result?;
    let printed = std::fs::read(printing.path()).is_ok_and(|b| b.starts_with(b"%PDF"));
    if !printed {
        return Err(Failure::Other(format!(
            "{} did not print `{}`{}",
            browser.display(),
            pdf.display(),
            tail(&stderr)
        )));
    }
    printing
        .persist(&pdf)
        .map_err(|e| Failure::io(&pdf, "write", e.error))?;
    Ok(())
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
        ] {
            assert!(args.iter().any(|a| a == wanted), "{wanted}");
        }
        assert_eq!(args.last().map(String::as_str), Some("file:///x"));
    }
}

//! *Writing* puts a rendered site into the output folder, and is the only code that
//! touches it. Pages are written into a fresh folder beside the output; only when every
//! page is written is the old folder swapped out, so a failed build leaves the previous
//! site exactly as it was, and no stale file survives a build.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::error::Failure;
use crate::render::{Page, Site};

/// What was written, and the time spent rendering and writing each kind of page
/// (summed over threads, so it is CPU time, not wall time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Per page kind: pages, bytes, render time, write time.
    pub by_kind: BTreeMap<&'static str, KindTotals>,
}

impl Written {
    /// Files written.
    pub fn pages(&self) -> usize {
        self.by_kind.values().map(|t| t.pages).sum()
    }

    /// Bytes written.
    pub fn bytes(&self) -> u64 {
        self.by_kind.values().map(|t| t.bytes).sum()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindTotals {
    pub pages: usize,
    pub bytes: u64,
    pub render: Duration,
    pub write: Duration,
}

impl KindTotals {
    fn add(&mut self, other: &KindTotals) {
        self.pages += other.pages;
        self.bytes += other.bytes;
        self.render += other.render;
        self.write += other.write;
    }
}

/// A folder beside `output`, named after it and this process, so two builds into
/// different folders never collide.
fn beside(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    let parent = output.parent().unwrap_or(Path::new("."));
    parent.join(format!(".{name}.{what}-{}", std::process::id()))
}

/// Whether a page path stays inside the output folder: relative, and only plain names.
pub fn contained(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !path.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Renders every page of `site` and writes it into `output`, atomically as a whole.
pub fn site(site: &Site, output: &Path) -> Result<Written, Failure> {
    site_with_progress(site, output, &|_, _| {})
}

/// [`site`], calling `progress(done, total)` after each page is written.
pub fn site_with_progress(
    site: &Site,
    output: &Path,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Written, Failure> {
    let staging = beside(output, "new");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| Failure::io(&staging, "remove", e))?;
    }
    std::fs::create_dir_all(&staging).map_err(|e| Failure::io(&staging, "create", e))?;
    let result = write_pages(site, &staging, progress).and_then(|written| {
        swap(&staging, output)?;
        Ok(written)
    });
    if result.is_err() {
        // The old site is untouched; only the half-written new one goes.
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_pages(
    site: &Site,
    dir: &Path,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Written, Failure> {
    // The search index's files last: the index is built when first asked for, so it is
    // never held while the largest pages (the report, the exports) are rendered. Until
    // it is built the count of its files is estimated by its document files.
    let main = site.main_pages();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let estimate = main.len() + site.search_documents_files();
    let mut by_kind = write_some(site, dir, main, &done, estimate, progress)?;
    let search = site.search_files();
    let total = main.len() + search.len();
    for (kind, t) in write_some(site, dir, &search, &done, total, progress)? {
        by_kind.entry(kind).or_default().add(&t);
    }
    Ok(Written { by_kind })
}

/// Writes `pages` below `dir`, in parallel; `done` counts the pages written so far
/// of `total`.
fn write_some(
    site: &Site,
    dir: &Path,
    pages: &[Page],
    done: &std::sync::atomic::AtomicUsize,
    total: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BTreeMap<&'static str, KindTotals>, Failure> {
    pages
        .par_iter()
        .map(|page| {
            // Each page goes straight into its file (the data exports as they are
            // serialised); the time spent in the file system is counted as writing,
            // the rest as rendering.
            let started = Instant::now();
            let rel = site.path(page);
            let path = file_path(dir, &rel)?;
            let file = std::fs::File::create(&path).map_err(|e| Failure::io(&path, "create", e))?;
            let mut out = Counted {
                file,
                bytes: 0,
                writing: started.elapsed(),
            };
            site.render_into(page, &rel, &mut out)?
                .map_err(|e| Failure::io(&path, "write", e))?;
            let totals = KindTotals {
                pages: 1,
                bytes: out.bytes,
                render: started.elapsed() - out.writing,
                write: out.writing,
            };
            progress(
                done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                total,
            );
            Ok(BTreeMap::from([(page.kind(), totals)]))
        })
        .try_reduce(BTreeMap::new, |mut a, b| {
            for (kind, t) in b {
                a.entry(kind).or_default().add(&t);
            }
            Ok(a)
        })
}

/// Where file `rel` goes below `dir`, its folder made; refuses any path that would
/// leave `dir`.
fn file_path(dir: &Path, rel: &str) -> Result<PathBuf, Failure> {
    if !contained(rel) {
        return Err(Failure::Other(format!(
            "refusing to write `{rel}`: it is not a plain path inside the output folder"
        )));
    }
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Failure::io(parent, "create", e))?;
    }
    Ok(path)
}

/// A file that counts the bytes written to it and the time spent writing them.
struct Counted {
    file: std::fs::File,
    bytes: u64,
    writing: Duration,
}

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let started = Instant::now();
        let n = self.file.write(buf)?;
        self.writing += started.elapsed();
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Puts `staging` in the place of `output`, removing the old folder.
fn swap(staging: &Path, output: &Path) -> Result<(), Failure> {
    let old = beside(output, "old");
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| Failure::io(&old, "remove", e))?;
    }
    let had_old = output.exists();
    if had_old {
        std::fs::rename(output, &old).map_err(|e| Failure::io(output, "move aside", e))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        if had_old {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old, output);
        }
        return Err(Failure::io(output, "replace", e));
    }
    if had_old {
        std::fs::remove_dir_all(&old).map_err(|e| Failure::io(&old, "remove", e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_contained() {
        for ok in ["index.html", "people/x/index.html", "data/a.json"] {
            assert!(contained(ok), "{ok}");
        }
        for bad in ["", "../x", "/etc/passwd", "a/../../b", "./a", "a\\..\\b"] {
            assert!(!contained(bad), "{bad}");
        }
    }
}

//! *Writing* puts a rendered site into the output folder, and is the only code that
//! touches it. Pages are written into a fresh folder beside the output; only when every
//! page is written is the old folder swapped out, so a failed build leaves the previous
//! site exactly as it was, and no stale file survives a build.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::error::Failure;
use crate::render::Site;

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    pub bytes: u64,
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
    let staging = beside(output, "new");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| Failure::io(&staging, "remove", e))?;
    }
    std::fs::create_dir_all(&staging).map_err(|e| Failure::io(&staging, "create", e))?;
    let result = write_pages(site, &staging).and_then(|written| {
        swap(&staging, output)?;
        Ok(written)
    });
    if result.is_err() {
        // The old site is untouched; only the half-written new one goes.
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_pages(site: &Site, dir: &Path) -> Result<Written, Failure> {
    let sizes: Vec<u64> = site
        .pages()
        .par_iter()
        .map(|page| {
            let rendered = site.render(page)?;
            write_file(dir, &rendered.path, &rendered.bytes)?;
            Ok(rendered.bytes.len() as u64)
        })
        .collect::<Result<_, Failure>>()?;
    Ok(Written {
        pages: sizes.len(),
        bytes: sizes.iter().sum(),
    })
}

/// Writes one file below `dir`, refusing any path that would leave it.
pub fn write_file(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), Failure> {
    if !contained(rel) {
        return Err(Failure::Other(format!(
            "refusing to write `{rel}`: it is not a plain path inside the output folder"
        )));
    }
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Failure::io(parent, "create", e))?;
    }
    std::fs::write(&path, bytes).map_err(|e| Failure::io(&path, "write", e))
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

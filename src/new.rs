//! A *scaffold* is the small briefing `briefing new DIR` writes to start from: the
//! config, one outlet, two articles, two people, a timeline and a comparison, about an
//! invented town council dispute. It builds and checks clean as written, and every file
//! explains its keys in comments, since it is the first thing a new user reads.
//!
//! The files live under `src/new/` as they will be written, embedded with
//! `include_str!`, so editing the scaffold means editing those files.

use std::path::{Path, PathBuf};

use crate::error::Failure;

/// Each file of the scaffold: its path in the new briefing and its text.
const FILES: &[(&str, &str)] = &[
    ("briefing.yaml", include_str!("new/briefing.yaml")),
    // Named without its dot in the source tree, where it would apply to `src/new/`.
    (".gitignore", include_str!("new/gitignore")),
    (
        "content/outlets.yaml",
        include_str!("new/content/outlets.yaml"),
    ),
    (
        "content/articles/council-splits-over-footbridge.md",
        include_str!("new/content/articles/council-splits-over-footbridge.md"),
    ),
    (
        "content/articles/footbridge-closes-petition.md",
        include_str!("new/content/articles/footbridge-closes-petition.md"),
    ),
    (
        "content/people/hilde-brannigan.yaml",
        include_str!("new/content/people/hilde-brannigan.yaml"),
    ),
    (
        "content/people/tomasz-ferreira-lund.yaml",
        include_str!("new/content/people/tomasz-ferreira-lund.yaml"),
    ),
    (
        "content/timeline/footbridge.yaml",
        include_str!("new/content/timeline/footbridge.yaml"),
    ),
    (
        "content/comparisons/footbridge-vote.yaml",
        include_str!("new/content/comparisons/footbridge-vote.yaml"),
    ),
];

/// Writes the scaffold into `dir`, which must not exist or be an empty folder, and
/// returns the paths written, in order. Nothing existing is ever overwritten.
pub fn scaffold(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    refuse_unless_empty(dir)?;
    let mut written = Vec::with_capacity(FILES.len());
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure::io(parent, "create the folder", e))?;
        }
        write_new(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

fn refuse_unless_empty(dir: &Path) -> Result<(), Failure> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(Failure::Other(format!(
                    "`{}` already exists and is not empty: `briefing new` only writes into a new or empty folder",
                    dir.display()
                )));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if dir.exists() && !dir.is_dir() => Err(Failure::Other(format!(
            "`{}` already exists and is not a folder ({e})",
            dir.display()
        ))),
        Err(e) => Err(Failure::io(dir, "read the folder", e)),
    }
}

/// Creates a file that must not exist yet: the check and the creation are one step,
/// so a file that appeared since the folder was found empty is not overwritten.
fn write_new(path: &Path, text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Failure::io(path, "create", e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| Failure::io(path, "write", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system's temporary folder, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let path = std::env::temp_dir().join(format!(
                "briefing-new-{name}-{}-{nanos}",
                std::process::id()
            ));
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn the_scaffold_loads_without_a_single_diagnostic() {
        let tmp = TempDir::new("loads");
        let dir = tmp.0.join("my-briefing");
        let written = scaffold(&dir).unwrap();
        assert_eq!(written.len(), FILES.len());
        assert!(written.iter().all(|p| p.is_file()));
        let ignored = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
        let ignored: Vec<&str> = ignored.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(ignored, ["site/", ".site.*/"]);

        // What `briefing check` reports, analysis warnings included, must be nothing.
        let checked = crate::check(&dir).unwrap();
        let rendered: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| format!("{d:?}"))
            .collect();
        assert!(rendered.is_empty(), "{rendered:#?}");
        let loaded = crate::load::briefing(&dir).unwrap();
        let b = &loaded.briefing;
        assert_eq!(b.articles.len(), 2);
        assert_eq!(b.outlets.len(), 1);
        assert_eq!(b.people.len(), 2);
        assert_eq!(b.comparisons.len(), 1);
        assert!(b.events.len() >= 3);
        // One event shows what a draft is.
        assert_eq!(b.drafts(), 1);
        // Every citation was found in its article, not merely left unchecked.
        let mut citations = 0;
        for event in &b.events {
            for s in &event.sources {
                assert!(s.found.is_some(), "{}: {}", event.id, s.quote);
                citations += 1;
            }
        }
        for point in b.comparisons.iter().flat_map(|c| &c.points) {
            for s in &point.claims {
                assert!(s.found.is_some(), "{}: {}", point.topic, s.quote);
                citations += 1;
            }
        }
        assert!(citations >= 10);
    }

    #[test]
    fn a_folder_that_is_not_empty_is_refused() {
        let tmp = TempDir::new("twice");
        scaffold(&tmp.0).unwrap();
        let before = std::fs::read_to_string(tmp.0.join("briefing.yaml")).unwrap();
        let e = scaffold(&tmp.0).unwrap_err();
        assert!(matches!(e, Failure::Other(_)), "{e:?}");
        assert!(e.to_string().contains("is not empty"), "{e}");
        assert!(e.to_string().contains(&tmp.0.display().to_string()), "{e}");
        assert_eq!(e.exit_code(), 2);
        assert_eq!(
            std::fs::read_to_string(tmp.0.join("briefing.yaml")).unwrap(),
            before
        );
    }

    #[test]
    fn an_empty_folder_is_used_and_a_file_is_refused() {
        let tmp = TempDir::new("empty");
        std::fs::create_dir_all(&tmp.0).unwrap();
        assert!(scaffold(&tmp.0).is_ok());
        let file = tmp.0.join("briefing.yaml");
        let e = scaffold(&file).unwrap_err();
        assert!(e.to_string().contains("is not a folder"), "{e}");
    }

    #[test]
    fn the_scaffold_is_not_about_the_default_briefing() {
        for (rel, text) in FILES {
            for name in ["Venezuela", "Maduro", "Rodríguez", "Cuba"] {
                assert!(!text.contains(name), "{rel} mentions {name}");
            }
        }
    }
}

//! *Writing* puts a rendered site into the output folder, and is the only code that
//! touches it. Pages are written into a fresh folder beside the output, and nothing in
//! the output changes until every page is written, so a failed build leaves the
//! previous site exactly as it was, and no stale file survives a build.
//!
//! How the new site then takes the old one's place depends on what changed. A first
//! build, or one after a change to everything, *swaps* the folders: the new one is
//! renamed into place and the old one removed. An incremental build, whose output
//! holds the site of the same salt (`render::depends`), *patches* it instead: only the
//! pages that changed were rendered into the fresh folder, and they are moved into the
//! output one rename each, the pages no longer made are removed, and the unchanged
//! ones, most of a large site, are not touched at all. Before the first rename the
//! manifest is rewritten to vouch for no page being replaced, so a build stopped half
//! way (a crash, a full disk) leaves a folder that is still the tool's own and whose
//! next build renders again whatever it may have left behind.
//!
//! The output folder is the tool's own: every site carries a *manifest*
//! ([`MANIFEST`]) listing each file the build wrote. A folder is replaced only when it
//! is absent, empty, or holds nothing but what its manifest lists, so a file the user
//! put there (a `CNAME`, notes, a whole other project) is never deleted: the build
//! stops and names it instead, unless `--force` is given.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::error::Failure;
use crate::render::{Page, Site, depends};

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

    /// Files taken unchanged from the previous site.
    pub fn reused(&self) -> usize {
        self.by_kind.values().map(|t| t.reused).sum()
    }

    /// Bytes written.
    pub fn bytes(&self) -> u64 {
        self.by_kind.values().map(|t| t.bytes).sum()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindTotals {
    pub pages: usize,
    /// Of `pages`, those taken unchanged from the previous site.
    pub reused: usize,
    pub bytes: u64,
    pub render: Duration,
    pub write: Duration,
}

impl KindTotals {
    fn add(&mut self, other: &KindTotals) {
        self.pages += other.pages;
        self.reused += other.reused;
        self.bytes += other.bytes;
        self.render += other.render;
        self.write += other.write;
    }
}

/// Makes a new, empty folder beside `output`, named after it and this process; a name
/// that is taken (a folder left by a build that was killed, or anyone's) is skipped,
/// never emptied, so this never deletes what another process or the user made.
fn fresh_beside(output: &Path, what: &str) -> Result<PathBuf, Failure> {
    let (parent, name) = beside(output);
    std::fs::create_dir_all(parent).map_err(|e| Failure::io(parent, "create", e))?;
    let pid = std::process::id();
    for attempt in 0u32.. {
        let suffix = if attempt == 0 {
            String::new()
        } else {
            format!(".{attempt}")
        };
        let dir = parent.join(format!(".{name}.{what}-{pid}{suffix}"));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => {}
            Err(e) => return Err(Failure::io(&dir, "create", e)),
        }
    }
    unreachable!("the loop returns")
}

/// Where a build keeps what the next build of the same output reuses (its analysis):
/// a folder beside the output, named after it (`.site.cache/` beside `site/`), never
/// inside it, so it is not published.
pub fn cache_folder(output: &Path) -> PathBuf {
    let (parent, name) = beside(output);
    parent.join(format!(".{name}.cache"))
}

/// The folder `output` is in, and its name: what the folders the build keeps beside
/// it are named after.
fn beside(output: &Path) -> (&Path, String) {
    let name = output
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    (parent, name)
}

/// Writes `file` in `folder` through `write`, whole or not at all: into a new file
/// beside it, renamed into place once written.
pub fn save(
    folder: &Path,
    file: &str,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    std::fs::create_dir_all(folder).map_err(|e| Failure::io(folder, "create", e))?;
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{file}-"))
        .tempfile_in(folder)
        .map_err(|e| Failure::io(folder, "create a file in", e))?;
    let path = folder.join(file);
    {
        let mut out = std::io::BufWriter::new(temporary.as_file_mut());
        write(&mut out)
            .and_then(|()| std::io::Write::flush(&mut out))
            .map_err(|e| Failure::io(&path, "write", e))?;
    }
    temporary
        .persist(&path)
        .map_err(|e| Failure::io(&path, "write", e.error))?;
    Ok(())
}

/// The file in the root of every site that lists the files the build wrote, one path
/// per line below a header: the mark that the folder is the tool's to replace.
pub const MANIFEST: &str = ".briefing-site";

/// The manifest's first line; a file without it is not a manifest.
const MANIFEST_HEADER: &str =
    "# briefing site manifest v2: the files below were written by `briefing build`.";

/// A site's manifest: every file the build wrote, each with the fingerprint of what it
/// was made from (`render::depends`) where it has one, and the build's salt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Manifest<'a> {
    salt: Option<u64>,
    files: BTreeMap<&'a str, Option<u64>>,
}

impl<'a> Manifest<'a> {
    /// The manifest's text; the manifest lists itself.
    fn text(&self) -> String {
        let mut out = String::from(MANIFEST_HEADER);
        out.push_str(
            "\n# The next build replaces this folder only if it holds nothing else; put files to\n# publish with the site in the briefing's templates/static/.\n",
        );
        if let Some(salt) = self.salt {
            out.push_str(&format!("# salt {salt:016x}\n"));
        }
        let mut files = self.files.clone();
        files.insert(MANIFEST, None);
        for (path, fingerprint) in files {
            match fingerprint {
                Some(f) => out.push_str(&format!("{f:016x} {path}\n")),
                None => out.push_str(&format!("- {path}\n")),
            }
        }
        out
    }

    /// The manifest in `text`, or `None` when it is not one: no header, or a line that
    /// is not a fingerprint and a plain relative path (a manifest naming `../x` could
    /// otherwise vouch for files outside its folder).
    fn parse(text: &'a str) -> Option<Manifest<'a>> {
        let mut lines = text.lines();
        if lines.next()? != MANIFEST_HEADER {
            return None;
        }
        let mut manifest = Manifest::default();
        for line in lines {
            if let Some(comment) = line.strip_prefix('#') {
                if let Some(salt) = comment.strip_prefix(" salt ") {
                    manifest.salt = Some(u64::from_str_radix(salt, 16).ok()?);
                }
                continue;
            }
            let (fingerprint, path) = line.split_once(' ')?;
            let fingerprint = match fingerprint {
                "-" => None,
                hex => Some(u64::from_str_radix(hex, 16).ok()?),
            };
            if !contained(path) {
                return None;
            }
            manifest.files.insert(path, fingerprint);
        }
        Some(manifest)
    }
}

/// The manifest of the site in `output`, read only if it is a plain file there.
fn read_manifest(output: &Path) -> Option<String> {
    let marker = output.join(MANIFEST);
    // A link could make another folder's manifest vouch for this one.
    match std::fs::symlink_metadata(&marker) {
        Ok(m) if m.is_file() => std::fs::read_to_string(&marker).ok(),
        _ => None,
    }
}

/// What the build may do with its output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Replace {
    /// Only a folder that is absent, empty, or holds only what its manifest lists.
    #[default]
    OwnOnly,
    /// Whatever the folder holds (`--force`); the briefing's own folders, the current
    /// folder and the home folder are still refused.
    Force,
}

/// Refuses an output folder the build may not replace: the briefing root itself, a
/// folder above it, one inside `content/` or `templates/`, a symbolic link or a file;
/// and, unless `replace` is [`Replace::Force`], a folder holding anything the tool did
/// not write. Called before the build starts, so a refusal costs the user no wait, and
/// again just before the swap, which reads again only if a folder changed in between:
/// what the first check saw ([`Checked`]) is passed to the writer.
pub fn check_target(root: &Path, output: &Path, replace: Replace) -> Result<Checked, Failure> {
    check(root, output, replace, Checked::default())
}

/// What [`check_target`] saw of the output folder: the look through it that found
/// nothing foreign, for the check just before the swap to trust while no folder has
/// changed since. Reading every folder of a large site again was a tenth of a
/// rebuild's time.
#[derive(Debug, Default)]
pub struct Checked(Option<Look>);

/// [`check_target`], trusting what `before` saw while it still holds.
fn check(
    root: &Path,
    output: &Path,
    replace: Replace,
    before: Checked,
) -> Result<Checked, Failure> {
    let root_abs = absolute(root);
    let output_abs = absolute(output);
    let unsafe_output = root_abs.starts_with(&output_abs)
        || output_abs.starts_with(root_abs.join("content"))
        || output_abs.starts_with(root_abs.join("templates"));
    if unsafe_output {
        return Err(Failure::Other(format!(
            "refusing to build into `{}`: it would replace the briefing's own files; choose a folder such as `site/`",
            output.display()
        )));
    }
    let meta = match std::fs::symlink_metadata(output) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Checked::default()),
        Err(e) => return Err(Failure::io(output, "read", e)),
    };
    if meta.file_type().is_symlink() {
        // Replacing the link would delete it, and following it would write outside the
        // folder the user named: neither is what they asked for.
        let target = std::fs::read_link(output).unwrap_or_default();
        return Err(Failure::Other(format!(
            "refusing to build into `{}`: it is a symbolic link (to `{}`); pass the folder it points to as --output",
            output.display(),
            target.display()
        )));
    }
    if !meta.is_dir() {
        return Err(Failure::Other(format!(
            "refusing to build into `{}`: it is a file, not a folder; choose another --output",
            output.display()
        )));
    }
    match replace {
        Replace::Force => refuse_precious(output, &output_abs).map(|()| Checked::default()),
        Replace::OwnOnly => refuse_foreign(output, before),
    }
}

/// Even `--force` keeps the folder the command runs in, the folders above it and the
/// home folder: a slip of `--output .` or `--output ~` would otherwise cost everything
/// in them.
fn refuse_precious(output: &Path, output_abs: &Path) -> Result<(), Failure> {
    let cwd = std::env::current_dir().map(|d| absolute(&d)).ok();
    let home = std::env::var_os("HOME").map(|h| absolute(Path::new(&h)));
    let holds_cwd = cwd.is_some_and(|cwd| cwd.starts_with(output_abs));
    if holds_cwd || home.as_deref() == Some(output_abs) {
        return Err(Failure::Other(format!(
            "refusing to build into `{}`, even with --force: it is the current folder, a folder above it, or the home folder",
            output.display()
        )));
    }
    Ok(())
}

/// Refuses a folder that holds anything its manifest does not list. A look through
/// it that is known — `before`, this build's own, or the one the last build into it
/// left ([`saved_look`]) — is taken again ([`look_again`]): only the folders changed
/// since are read.
fn refuse_foreign(output: &Path, before: Checked) -> Result<Checked, Failure> {
    let text = read_manifest(output);
    let listed = text.as_deref().and_then(Manifest::parse);
    let key = LookKey::of(output, text.as_deref());
    let previous = match before {
        Checked(Some(look)) if look.key == key => Some(look),
        _ => saved_look(output, &key),
    };
    let (foreign, look) = match previous {
        Some(previous) => look_again(output, &previous, listed.as_ref())?,
        None => foreign_files(output, listed.as_ref())?,
    };
    if foreign.is_empty() {
        return Ok(Checked(Some(Look { key, ..look })));
    }
    const SHOWN: usize = 5;
    let mut names = foreign
        .iter()
        .take(SHOWN)
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if foreign.len() > SHOWN {
        names.push_str(&format!(" and {} more", foreign.len() - SHOWN));
    }
    let files = if foreign.len() == 1 { "file" } else { "files" };
    let what = if listed.is_some() {
        format!(
            "it holds {} {files} briefing did not write: {names}",
            foreign.len()
        )
    } else {
        format!(
            "it is not a site briefing made (it has no {MANIFEST}) and holds {} {files}: {names}",
            foreign.len()
        )
    };
    Err(Failure::Other(format!(
        "refusing to replace `{}`: {what}; move them elsewhere (files to publish with the site go in the briefing's templates/static/), choose another --output, or pass --force to replace the folder and everything in it",
        output.display()
    )))
}

/// A look through an output folder that found nothing foreign in it: when it began,
/// and each folder as it was when read. A folder's entries are added, removed and
/// renamed only with its modification time, so a folder with the same time (and the
/// same inode) holds the same names, every one of them known.
#[derive(Debug)]
struct Look {
    key: LookKey,
    began: std::time::SystemTime,
    /// Each folder and its stamp, taken before its entries were read; `None` when
    /// it could not be had.
    folders: Vec<(PathBuf, Option<Stamp>)>,
    /// The folders, of those this look trusted without reading them, that hold every
    /// file the manifest lists in them: an earlier build found each of those files
    /// there after the folder's last change, and the folder has not changed since.
    held: rustc_hash::FxHashSet<PathBuf>,
    /// The bytes of each file the manifest lists, in its order (`u64::MAX` where not
    /// known), as the build that kept the look wrote or found them: what the totals
    /// take for a file of a held folder instead of asking the file system.
    sizes: Vec<u64>,
}

/// Which folder a look was of, and by which manifest its files were known.
#[derive(Debug, Default, PartialEq, Eq)]
struct LookKey {
    output: PathBuf,
    manifest: u64,
}

impl LookKey {
    fn of(output: &Path, manifest: Option<&str>) -> LookKey {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        manifest.hash(&mut hasher);
        LookKey {
            output: absolute(output),
            manifest: hasher.finish(),
        }
    }
}

/// When a folder last changed, and which it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Stamp {
    modified: std::time::SystemTime,
    inode: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Stamp {
            modified: meta.modified().ok()?,
            inode,
        })
    }
}

impl Look {
    /// The look that found `foreign` and read `folders`, begun at `began`: the
    /// foreign files in the order of a walk that sorts each folder by name.
    fn found(
        mut foreign: Vec<String>,
        folders: Vec<(PathBuf, Option<Stamp>)>,
        began: std::time::SystemTime,
    ) -> (Vec<String>, Look) {
        foreign.sort_by(|x, y| x.split('/').cmp(y.split('/')));
        let key = LookKey::default();
        (
            foreign,
            Look {
                key,
                began,
                folders,
                held: Default::default(),
                sizes: Vec::new(),
            },
        )
    }
}

/// Whether a folder a look stamped `kept` holds the names it held then, now that it
/// is stamped `now`: the same folder, not changed since. A folder changed shortly
/// before the look `began` is not trusted, as a file system's clock may give a change
/// just after the same time.
fn trusted(kept: Option<Stamp>, now: Option<Stamp>, began: std::time::SystemTime) -> bool {
    let recent = began - Duration::from_secs(2);
    kept.is_some_and(|s| s.modified < recent) && now == kept
}

/// Whether the file at `rel` below the output is one the manifest `listed` names (or
/// the manifest itself); with no manifest, none is.
fn known_by<'a>(listed: Option<&'a Manifest<'a>>) -> impl Fn(&str) -> bool + Sync + 'a {
    let listed: Option<rustc_hash::FxHashSet<&str>> =
        listed.map(|l| l.files.keys().copied().collect());
    move |rel| {
        listed
            .as_ref()
            .is_some_and(|l| l.contains(rel) || rel == MANIFEST)
    }
}

/// The files and links below `dir` that `listed` does not name, sorted; every file
/// when there is no manifest. Links are never followed. And the look that found them.
fn foreign_files(dir: &Path, listed: Option<&Manifest>) -> Result<(Vec<String>, Look), Failure> {
    let known = known_by(listed);
    let began = std::time::SystemTime::now();
    let stamp = std::fs::symlink_metadata(dir)
        .ok()
        .as_ref()
        .and_then(Stamp::of);
    let (foreign, folders) = unknown_below(dir, "", stamp, &known, &|_| false)?;
    Ok(Look::found(foreign, folders, began))
}

/// What [`unknown_below`] finds: the unknown files, and each folder read with its stamp.
type Found = (Vec<String>, Vec<(PathBuf, Option<Stamp>)>);

/// Two finds as one, for the parallel reads' reduction.
fn joined(mut a: Found, b: Found) -> Result<Found, Failure> {
    a.0.extend(b.0);
    a.1.extend(b.1);
    Ok(a)
}

/// The files and links below `dir` (whose path below the output is `rel`, or empty,
/// and whose stamp is `stamp`) that are not `known`, and every folder read, the
/// folders `skip` names (and what is in them) aside: each folder read in parallel, as
/// a site's folders are many (a folder per page) and this look is on the way to every
/// build.
fn unknown_below(
    dir: &Path,
    rel: &str,
    stamp: Option<Stamp>,
    known: &(dyn Fn(&str) -> bool + Sync),
    skip: &(dyn Fn(&Path) -> bool + Sync),
) -> Result<Found, Failure> {
    let read = |e: std::io::Error| Failure::io(dir, "read", e);
    let entries = std::fs::read_dir(dir)
        .map_err(read)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(read)?;
    let here = (Vec::new(), vec![(dir.to_path_buf(), stamp)]);
    entries
        .par_iter()
        .map(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let path = if rel.is_empty() {
                name.into_owned()
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry
                .file_type()
                .map_err(|e| Failure::io(entry.path(), "read", e))?;
            if kind.is_dir() {
                let dir = entry.path();
                if skip(&dir) {
                    return Ok((Vec::new(), Vec::new()));
                }
                // Stamped before it is read: a change while it is read changes it.
                let stamp = entry.metadata().ok().as_ref().and_then(Stamp::of);
                unknown_below(&dir, &path, stamp, known, skip)
            } else if known(&path) {
                Ok((Vec::new(), Vec::new()))
            } else {
                Ok((vec![path], Vec::new()))
            }
        })
        .try_reduce(Found::default, joined)
        .map(|(foreign, folders)| {
            let (mut f, mut d) = here;
            f.extend(foreign);
            d.extend(folders);
            (f, d)
        })
}

/// Takes the look `previous` through `output` again: each folder it saw is stamped
/// anew, and only those that changed since, changed too shortly before it to be
/// trusted, or were not vouched for are read, with any folder found in them that it
/// did not see; the others hold the names they held when it read them, every one known
/// then by the same manifest (the look's key). A folder that is gone is not read: the
/// folder it was in has changed, and is.
fn look_again(
    output: &Path,
    previous: &Look,
    listed: Option<&Manifest>,
) -> Result<(Vec<String>, Look), Failure> {
    let known = known_by(listed);
    let began = std::time::SystemTime::now();
    // Each folder's stamp now and whether it is trusted; `None` for one that is no
    // folder now (the output itself is read whatever it is).
    let now: Vec<Option<(Option<Stamp>, bool)>> = previous
        .folders
        .par_iter()
        .map(|(dir, stamp)| match std::fs::symlink_metadata(dir) {
            Ok(meta) if meta.is_dir() => {
                let now = Stamp::of(&meta);
                Some((now, trusted(*stamp, now, previous.began)))
            }
            _ if dir == output => Some((None, false)),
            _ => None,
        })
        .collect();
    let seen: rustc_hash::FxHashSet<&Path> = previous
        .folders
        .iter()
        .zip(&now)
        .filter(|(_, now)| now.is_some())
        .map(|((dir, _), _)| dir.as_path())
        .collect();
    // A folder seen is read (or trusted) on its own, not as part of the one it is in.
    let skip = |dir: &Path| seen.contains(dir);
    let (foreign, folders) = previous
        .folders
        .par_iter()
        .zip(&now)
        .map(|((dir, _), now)| match now {
            Some((stamp, true)) => Ok((Vec::new(), vec![(dir.clone(), *stamp)])),
            Some((stamp, false)) => {
                let rel = dir.strip_prefix(output).map_err(|_| {
                    Failure::Other(format!("`{}` is not in the output", dir.display()))
                })?;
                let rel: Vec<_> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect();
                unknown_below(dir, &rel.join("/"), *stamp, &known, &skip)
            }
            None => Ok((Vec::new(), Vec::new())),
        })
        .try_reduce(Found::default, joined)?;
    // A folder trusted as it was stamped holds what it held: all its files, if it did.
    let held = previous
        .folders
        .iter()
        .zip(&now)
        .filter(|((dir, _), now)| matches!(now, Some((_, true))) && previous.held.contains(dir))
        .map(|((dir, _), _)| dir.clone())
        .collect();
    let (foreign, mut look) = Look::found(foreign, folders, began);
    look.held = held;
    look.sizes = previous.sizes.clone();
    Ok((foreign, look))
}

/// The file in the cache folder ([`cache_folder`]) that keeps the look through the
/// output the last build into it took ([`SavedLook`]).
const LOOK: &str = "look";

/// Bumped when what a [`SavedLook`] holds changes shape.
const LOOK_FORMAT: u32 = 2;

/// A look through the output kept for the next build, which stamps each folder again
/// instead of reading every one of them ([`look_again`]): reading the folders of a
/// large site was a tenth of a rebuild. Only a stamp is trusted, never the file: a
/// folder whose stamp is not the one kept is read again, and a look kept for another
/// folder or another manifest is not used at all.
#[derive(serde::Serialize, serde::Deserialize)]
struct SavedLook {
    format: u32,
    output: PathBuf,
    manifest: u64,
    began: std::time::SystemTime,
    /// Each folder below the output (`/`-separated, the output itself first and
    /// empty), its stamp (`None` for one the build changed, to be read), and whether
    /// it holds every file the manifest lists in it ([`Look::held`]).
    folders: Vec<(String, Option<Stamp>, bool)>,
    /// [`Look::sizes`].
    sizes: Vec<u64>,
}

/// The look the last build into `output` kept, when it is of this folder and the
/// manifest `key` names.
fn saved_look(output: &Path, key: &LookKey) -> Option<Look> {
    let bytes = std::fs::read(cache_folder(output).join(LOOK)).ok()?;
    let saved: SavedLook = postcard::from_bytes(&bytes).ok()?;
    let same = saved.format == LOOK_FORMAT
        && saved.output == key.output
        && saved.manifest == key.manifest
        && saved
            .folders
            .first()
            .is_some_and(|(rel, _, _)| rel.is_empty());
    let inside = saved
        .folders
        .iter()
        .skip(1)
        .all(|(rel, _, _)| contained(rel));
    if !(same && inside) {
        return None;
    }
    let mut held = rustc_hash::FxHashSet::default();
    let folders = saved
        .folders
        .into_iter()
        .map(|(rel, stamp, all)| {
            let dir = match rel.as_str() {
                "" => output.to_path_buf(),
                rel => output.join(rel),
            };
            if all && stamp.is_some() {
                held.insert(dir.clone());
            }
            (dir, stamp)
        })
        .collect();
    Some(Look {
        key: LookKey {
            output: saved.output,
            manifest: saved.manifest,
        },
        began: saved.began,
        folders,
        held,
        sizes: saved.sizes,
    })
}

/// Each file of the `manifest`'s text with its bytes as `staged` gives them, in the
/// manifest's order: `u64::MAX` for one it does not give (the manifest itself).
fn sizes_in_order(manifest: &str, staged: &Staged) -> Vec<u64> {
    let Some(listed) = Manifest::parse(manifest) else {
        return Vec::new();
    };
    let bytes: rustc_hash::FxHashMap<&str, u64> = staged
        .iter()
        .map(|(rel, _, _, bytes)| (rel.as_str(), *bytes))
        .collect();
    listed
        .files
        .keys()
        .map(|rel| bytes.get(rel).copied().unwrap_or(u64::MAX))
        .collect()
}

/// Keeps `look`, this build's last look through `output` before it patched it, for the
/// next build: the folders the patch changed (those of the `replaced` files, and every
/// folder above them) marked to be read, and keyed by the manifest the patch wrote
/// (`manifest`), with the bytes of each file the build wrote or kept (`staged`).
///
/// A folder the patch left alone is kept as holding every file the manifest lists in
/// it when it has not changed since before the build's first look (`first`, when it
/// began): each of its files the build kept was found there during the build (or, in
/// a folder the first look found held, was there since an earlier build found it),
/// each one missing was rendered and moved in, which changes the folder. A look that
/// cannot be kept costs the next build a full look, nothing else.
fn save_look(
    output: &Path,
    look: &Look,
    manifest: &str,
    replaced: &[String],
    first: Option<std::time::SystemTime>,
    staged: &Staged,
) {
    let mut touched: rustc_hash::FxHashSet<&str> = replaced
        .iter()
        .flat_map(|rel| Path::new(rel).ancestors().skip(1))
        .filter_map(Path::to_str)
        .collect();
    touched.insert("");
    let unchanged_since = first.map(|first| first - Duration::from_secs(2));
    let mut folders = Vec::with_capacity(look.folders.len());
    for (dir, stamp) in &look.folders {
        let Ok(rel) = dir.strip_prefix(output) else {
            return;
        };
        let rel: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        let rel = rel.join("/");
        let stamp = stamp.filter(|_| !touched.contains(rel.as_str()));
        let held = stamp.is_some_and(|s| unchanged_since.is_some_and(|t| s.modified < t));
        folders.push((rel, stamp, held));
    }
    keep_look(
        output,
        look.began,
        folders,
        manifest,
        sizes_in_order(manifest, staged),
    );
}

/// Keeps a look through `output` right after a build swapped its new site in
/// (`staged`, its files, and `manifest`, its manifest's text), so that the first build
/// after a clean one stamps the folders again rather than reads them all: every
/// folder of the new site is stamped, none read. The new site's folders hold nothing
/// but the files this build wrote: they were made by it inside the fresh folder
/// beside the output that it swapped in whole, which nothing else writes into. A
/// folder changed in the two seconds before the stamps is read by the next look
/// (`trusted`), as a later change may have the same time. None is kept as holding
/// every file the manifest lists: a file removed after it was written would not show
/// in a stamp taken after, so the next build finds each file it keeps, as it does
/// without a look.
fn save_swapped_look(output: &Path, manifest: &str, staged: &Staged) {
    let mut folders: std::collections::BTreeSet<&str> = staged
        .iter()
        .flat_map(|(rel, _, _, _)| Path::new(rel).ancestors().skip(1))
        .filter_map(Path::to_str)
        .collect();
    folders.insert("");
    let began = std::time::SystemTime::now();
    let folders: Vec<(String, Option<Stamp>, bool)> = folders
        .into_par_iter()
        .map(|rel| {
            let dir = match rel {
                "" => output.to_path_buf(),
                rel => output.join(rel),
            };
            let stamp = std::fs::symlink_metadata(&dir)
                .ok()
                .filter(std::fs::Metadata::is_dir)
                .as_ref()
                .and_then(Stamp::of);
            (rel.to_string(), stamp, false)
        })
        .collect();
    keep_look(output, began, folders, manifest, Vec::new());
}

/// Writes a [`SavedLook`] of `output` begun at `began`, keyed by `manifest`.
fn keep_look(
    output: &Path,
    began: std::time::SystemTime,
    mut folders: Vec<(String, Option<Stamp>, bool)>,
    manifest: &str,
    sizes: Vec<u64>,
) {
    // The output itself first.
    let Some(root) = folders.iter().position(|(rel, _, _)| rel.is_empty()) else {
        return;
    };
    folders.swap(0, root);
    let key = LookKey::of(output, Some(manifest));
    let saved = SavedLook {
        format: LOOK_FORMAT,
        output: key.output,
        manifest: key.manifest,
        began,
        folders,
        sizes,
    };
    let _ = save(&cache_folder(output), LOOK, |out| {
        postcard::to_io(&saved, out)
            .map(|_| ())
            .map_err(std::io::Error::other)
    });
}

/// `p` made absolute, with what exists of it resolved, so `./site/..` and symlinked
/// folders compare as they are.
fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut existing = p.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// Adds `file`, written into the site at `output` after the build (the report's PDF),
/// to the site's manifest, so the next build may replace it. A file outside `output`
/// is left alone.
pub fn adopt(output: &Path, file: &Path) -> Result<(), Failure> {
    let (output, file) = (absolute(output), absolute(file));
    let Ok(rel) = file.strip_prefix(&output) else {
        return Ok(());
    };
    let rel = rel.to_string_lossy().replace('\\', "/");
    let path = output.join(MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(|e| Failure::io(&path, "read", e))?;
    let Some(mut manifest) = Manifest::parse(&text) else {
        return Err(Failure::Other(format!(
            "`{}` is not a manifest briefing wrote",
            path.display()
        )));
    };
    manifest.files.insert(&rel, None);
    std::fs::write(&path, manifest.text()).map_err(|e| Failure::io(&path, "write", e))
}

/// Whether a page path stays inside the output folder: relative, and only plain names.
pub fn contained(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !path.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Where a site goes: the output folder, the briefing it is built from (whose own
/// folders are never replaced), what may be replaced, and whether the pages the output
/// already holds may be reused.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub root: &'a Path,
    pub output: &'a Path,
    pub replace: Replace,
    /// The build's salt (`render::depends`): what every page is made from. The
    /// manifest records it with each page's fingerprint.
    pub salt: Option<u64>,
    /// Whether a page whose fingerprint and salt are those the output's manifest lists
    /// is linked from the output into the new site instead of rendered again; without
    /// it (`--no-cache`), every page is rendered.
    pub reuse: bool,
}

/// Renders every page of `site` and writes it into `output`, atomically as a whole.
pub fn site(site: &Site, target: Target<'_>) -> Result<Written, Failure> {
    let checked = check_target(target.root, target.output, target.replace)?;
    site_with_progress(site, target, checked, &|_, _| {})
}

/// [`site`], calling `progress(done, total)` after each page is written, for a caller
/// that has called [`check_target`] already: `checked` is what it saw.
pub fn site_with_progress(
    site: &Site,
    target: Target<'_>,
    checked: Checked,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Written, Failure> {
    // The folder is checked just before the swap, not here: the caller has refused it
    // before the work with [`check_target`] (a look through every file of the last
    // site, not to be done twice in a row).
    // What the site in the output was made from, when it was made with the same salt.
    let old = (target.reuse && target.salt.is_some())
        .then(|| read_manifest(target.output))
        .flatten();
    let previous = old
        .as_deref()
        .and_then(Manifest::parse)
        .filter(|m| m.salt.is_some() && m.salt == target.salt)
        .map(|manifest| Previous {
            dir: target.output,
            manifest,
        });
    // A site patched in place keeps whatever else its folder holds, so only a folder
    // that holds nothing else (not one `--force` gives up) is patched.
    let patch = previous
        .as_ref()
        .filter(|_| target.replace == Replace::OwnOnly);
    // The pages the first look knows to be there, when it is a look of this manifest.
    let held = match (&checked, patch, old.as_deref()) {
        (Checked(Some(look)), Some(previous), Some(text)) => {
            held_files(target.output, look, &previous.manifest, text)
        }
        _ => Default::default(),
    };
    let first = checked.0.as_ref().map(|look| look.began);
    let staging = fresh_beside(target.output, "new")?;
    let result = write_pages(
        site,
        &staging,
        target.salt,
        previous.as_ref(),
        patch.is_some(),
        &held,
        progress,
    )
    .and_then(|(written, staged)| {
        // The folder is checked again at the last moment: the user may have put a
        // file into it while the pages were being written.
        let checked = check(target.root, target.output, target.replace, checked)?;
        match patch {
            Some(previous) => {
                let manifest = std::fs::read_to_string(staging.join(MANIFEST));
                let replaced =
                    patch_in_place(&staging, target.output, &previous.manifest, &staged)?;
                // What the look before the patch saw, kept for the next build.
                if let (Checked(Some(look)), Ok(manifest)) = (&checked, manifest) {
                    save_look(target.output, look, &manifest, &replaced, first, &staged);
                }
            }
            None => {
                let manifest = std::fs::read_to_string(staging.join(MANIFEST));
                swap(&staging, target.output)?;
                if let Ok(manifest) = manifest {
                    save_swapped_look(target.output, &manifest, &staged);
                }
            }
        }
        Ok(written)
    });
    if result.is_err() {
        // The old site is untouched, or vouches for nothing it may not hold; only the
        // half-written new one goes.
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// The files `manifest` (whose text is `text`) lists in the folders `look` found
/// holding all of theirs, with their bytes; none when the look is not of this
/// manifest or does not know their bytes.
fn held_files<'m>(
    output: &Path,
    look: &Look,
    manifest: &Manifest<'m>,
    text: &str,
) -> rustc_hash::FxHashMap<&'m str, u64> {
    let same = LookKey::of(output, Some(text)).manifest == look.key.manifest;
    if !same || look.held.is_empty() || look.sizes.len() != manifest.files.len() {
        return Default::default();
    }
    manifest
        .files
        .keys()
        .zip(&look.sizes)
        .filter(|(_, bytes)| **bytes != u64::MAX)
        .filter(|(rel, _)| {
            let folder = match Path::new(rel).parent() {
                Some(p) if !p.as_os_str().is_empty() => output.join(p),
                _ => output.to_path_buf(),
            };
            look.held.contains(&folder)
        })
        .map(|(rel, bytes)| (*rel, *bytes))
        .collect()
}

/// What a build wrote: each file of the new site with its fingerprint, whether it
/// was rendered into the fresh folder (`true`) or is the output's own, unchanged, and
/// its bytes.
type Staged = Vec<(String, Option<u64>, bool, u64)>;

/// The site an incremental build may take unchanged pages from.
struct Previous<'a> {
    dir: &'a Path,
    manifest: Manifest<'a>,
}

/// Writes the pages of `site` into `dir`: each one rendered, or, when its fingerprint
/// is the one `previous` lists, linked from the previous site (`in_place`: left where
/// it is, the output to be patched).
fn write_pages(
    site: &Site,
    dir: &Path,
    salt: Option<u64>,
    previous: Option<&Previous>,
    in_place: bool,
    held: &rustc_hash::FxHashMap<&str, u64>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<(Written, Staged), Failure> {
    // The search index's files last: the index is built when first asked for, so it is
    // never held while the largest pages (the report, the exports) are rendered. Until
    // it is built the count of its files is estimated by its document files.
    let main = site.main_pages();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let estimate = main.len() + site.search_documents_files();
    let some = |pages: &[Page], total: usize| {
        let each = Each {
            site,
            dir,
            salt,
            previous,
            in_place,
            held,
            done: &done,
            total,
            progress,
        };
        each.write(pages)
    };
    let (mut by_kind, mut files) = some(main, estimate)?;
    // Then the data exports, planned when first asked for, their manifest after the
    // files it describes: of those linked from the previous site, it gives the bytes
    // the previous manifest gave.
    let data = site.data_files();
    let estimate = estimate + data.len();
    let (manifest, exports) = data
        .split_last()
        .map_or((None, &data[..]), |(m, e)| (Some(m), e));
    let (data_kinds, data_files) = some(exports, estimate)?;
    if let (Some(manifest), Some(previous)) = (manifest, previous)
        && let Ok(bytes) = std::fs::read(previous.dir.join(site.path(manifest)))
    {
        site.previous_data_manifest(&bytes);
    }
    let manifest = manifest.map_or(&[][..], std::slice::from_ref);
    let (manifest_kinds, manifest_files) = some(manifest, estimate)?;
    // And the search index.
    let search = site.search_files();
    let total = main.len() + data.len() + search.len();
    let (search_kinds, search_files) = some(&search, total)?;
    for (kind, t) in data_kinds
        .into_iter()
        .chain(manifest_kinds)
        .chain(search_kinds)
    {
        by_kind.entry(kind).or_default().add(&t);
    }
    files.extend(data_files);
    files.extend(manifest_files);
    files.extend(search_files);
    let manifest = Manifest {
        salt,
        files: files.iter().map(|(p, f, _, _)| (p.as_str(), *f)).collect(),
    };
    let path = dir.join(MANIFEST);
    std::fs::write(&path, manifest.text()).map_err(|e| Failure::io(&path, "write", e))?;
    Ok((Written { by_kind }, files))
}

/// What writing each page of a list of pages needs.
struct Each<'a, 's> {
    site: &'a Site<'s>,
    dir: &'a Path,
    salt: Option<u64>,
    previous: Option<&'a Previous<'a>>,
    /// Whether an unchanged page stays in the previous site, to be patched, rather
    /// than linked into the new one.
    in_place: bool,
    /// The files of the previous site known to be there without asking ([`Look::held`]),
    /// with their bytes.
    held: &'a rustc_hash::FxHashMap<&'a str, u64>,
    /// Pages written so far, of `total`.
    done: &'a std::sync::atomic::AtomicUsize,
    total: usize,
    progress: &'a (dyn Fn(usize, usize) + Sync),
}

/// Per kind of page, the totals; and each file written with its fingerprint.
type Wrote = (BTreeMap<&'static str, KindTotals>, Staged);

impl Each<'_, '_> {
    /// Writes `pages` below the folder, in parallel.
    fn write(&self, pages: &[Page]) -> Result<Wrote, Failure> {
        pages
            .par_iter()
            .map(|page| {
                let (totals, rel, fingerprint, staged) = self.one(page)?;
                (self.progress)(
                    self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                    self.total,
                );
                let bytes = totals.bytes;
                Ok((
                    BTreeMap::from([(page.kind(), totals)]),
                    vec![(rel, fingerprint, staged, bytes)],
                ))
            })
            .try_reduce(
                || (BTreeMap::new(), Vec::new()),
                |mut a, b| {
                    for (kind, t) in b.0 {
                        a.0.entry(kind).or_default().add(&t);
                    }
                    a.1.extend(b.1);
                    Ok(a)
                },
            )
    }

    /// Writes one page: linked from the previous site when its fingerprint says it is
    /// unchanged, else rendered straight into its file (the data exports as they are
    /// serialised). The time spent in the file system is counted as writing, the rest
    /// as rendering.
    fn one(&self, page: &Page) -> Result<(KindTotals, String, Option<u64>, bool), Failure> {
        let started = Instant::now();
        let site = self.site;
        let rel = site.path(page);
        let fingerprint = self.salt.and_then(|salt| {
            Some(crate::analyse::text::mix(
                depends::fingerprint(site, page)? ^ salt,
            ))
        });
        let unchanged = match (fingerprint, self.previous) {
            (Some(f), Some(previous)) if contained(&rel) => {
                (previous.manifest.files.get(rel.as_str()) == Some(&Some(f)))
                    .then(|| previous.dir.join(&rel))
            }
            _ => None,
        };
        let kept = |bytes| {
            let totals = KindTotals {
                pages: 1,
                reused: 1,
                bytes,
                render: Duration::ZERO,
                write: started.elapsed(),
            };
            Ok((totals, rel.clone(), fingerprint, !self.in_place))
        };
        // Patching, an unchanged page is left where it is, if it is still there as the
        // build wrote it; else it is linked into the new folder. A page the look through
        // the output knows to be there is not looked for again: on a large site, a stat
        // of every unchanged page was a twentieth of a rebuild.
        if self.in_place
            && let Some(old) = &unchanged
        {
            if let Some(&bytes) = self.held.get(rel.as_str()) {
                return kept(bytes);
            }
            if let Ok(meta) = std::fs::symlink_metadata(old)
                && meta.is_file()
            {
                return kept(meta.len());
            }
        }
        let path = file_path(self.dir, &rel)?;
        if !self.in_place
            && let Some(old) = &unchanged
            && let Some(bytes) = reuse(old, &path)
        {
            return kept(bytes);
        }
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
            reused: 0,
            bytes: out.bytes,
            render: started.elapsed() - out.writing,
            write: out.writing,
        };
        Ok((totals, rel, fingerprint, true))
    }
}

/// Puts the previous site's file `old` at `new`: a hard link, so nothing is copied, or
/// a copy where the file system has none. `None` when the old file is not a plain file
/// (a link put there is never followed) or cannot be had: the page is rendered then.
fn reuse(old: &Path, new: &Path) -> Option<u64> {
    let meta = std::fs::symlink_metadata(old).ok()?;
    if !meta.is_file() {
        return None;
    }
    if std::fs::hard_link(old, new).is_err() {
        std::fs::copy(old, new).ok()?;
    }
    Some(meta.len())
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

/// Puts `staging` in the place of `output`, removing the old folder (which
/// [`check_target`] has just found to be the tool's own, or `--force` gave up).
fn swap(staging: &Path, output: &Path) -> Result<(), Failure> {
    let had_old = output.exists();
    let old = fresh_beside(output, "old")?;
    if had_old {
        // Renamed into the fresh folder rather than onto its name: a rename onto an
        // existing empty folder is not portable.
        let old_site = old.join("site");
        std::fs::rename(output, &old_site).map_err(|e| Failure::io(output, "move aside", e))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        if had_old {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(old.join("site"), output);
        }
        let _ = std::fs::remove_dir(&old);
        return Err(Failure::io(output, "replace", e));
    }
    remove_tree(&old).map_err(|e| Failure::io(&old, "remove", e))?;
    Ok(())
}

/// Patches the site in `output`, listed by `old`, into the site `new` lists, whose
/// changed files are in `staging` (with the new manifest): the manifest first made to
/// vouch for no file being replaced, then the changed files renamed into place, the
/// files no longer made removed, and the new manifest renamed in last. Returns the
/// files replaced or removed.
fn patch_in_place(
    staging: &Path,
    output: &Path,
    old: &Manifest,
    new: &Staged,
) -> Result<Vec<String>, Failure> {
    let moved: Vec<&str> = new
        .iter()
        .filter(|(_, _, staged, _)| *staged)
        .map(|(rel, _, _, _)| rel.as_str())
        .collect();
    let made: std::collections::HashSet<&str> =
        new.iter().map(|(rel, _, _, _)| rel.as_str()).collect();
    let gone: Vec<&str> = old
        .files
        .keys()
        .copied()
        .filter(|rel| *rel != MANIFEST && !made.contains(rel))
        .collect();
    let replaced: Vec<&str> = moved.iter().chain(&gone).copied().collect();
    let interim = interim(old, &replaced);
    let text = staging.join(".briefing-site.interim");
    std::fs::write(&text, interim.text()).map_err(|e| Failure::io(&text, "write", e))?;
    let marker = output.join(MANIFEST);
    std::fs::rename(&text, &marker).map_err(|e| Failure::io(&marker, "write", e))?;
    for rel in &gone {
        let path = output.join(rel);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Failure::io(&path, "remove", e));
            }
            _ => {}
        }
    }
    // Folders the removed files leave empty go too, the deepest first (before the
    // moves, so that a page may take the place of a folder that is gone).
    let emptied: std::collections::BTreeSet<&Path> = gone
        .iter()
        .flat_map(|rel| Path::new(rel).ancestors().skip(1))
        .filter(|dir| !dir.as_os_str().is_empty())
        .collect();
    let mut emptied: Vec<&Path> = emptied.into_iter().collect();
    emptied.sort_by_key(|dir| std::cmp::Reverse(dir.components().count()));
    for dir in emptied {
        // A folder that still holds a page is not empty, and stays.
        let _ = std::fs::remove_dir(output.join(dir));
    }
    moved.par_iter().try_for_each(|rel| {
        let to = file_path(output, rel)?;
        std::fs::rename(staging.join(rel), &to).map_err(|e| Failure::io(&to, "write", e))
    })?;
    let manifest = staging.join(MANIFEST);
    std::fs::rename(&manifest, &marker).map_err(|e| Failure::io(&marker, "write", e))?;
    remove_tree(staging).map_err(|e| Failure::io(staging, "remove", e))?;
    Ok(replaced.into_iter().map(str::to_string).collect())
}

/// The manifest a site holds while it is patched: every file it may hold, the old ones
/// and the new, with no fingerprint for any of `replaced`, so that no build trusts a
/// file that was being replaced when the patch stopped.
fn interim<'m>(old: &Manifest<'m>, replaced: &[&'m str]) -> Manifest<'m> {
    let mut files = old.files.clone();
    for rel in replaced {
        files.insert(rel, None);
    }
    Manifest {
        salt: old.salt,
        files,
    }
}

/// Removes the folder `dir` (which holds no symbolic links out of it: the tool made
/// it) and everything in it, its top-level entries in parallel: a site's files are
/// many, and most are in two or three folders.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;
    use std::collections::BTreeSet;

    #[test]
    fn a_site_being_patched_vouches_for_no_file_it_replaces() {
        let old = Manifest {
            salt: Some(0xabc),
            files: BTreeMap::from([
                ("index.html", None),
                ("people/x/index.html", Some(7)),
                ("people/y/index.html", Some(8)),
                ("articles/gone/index.html", Some(9)),
            ]),
        };
        let during = interim(
            &old,
            &[
                "people/y/index.html",
                "articles/gone/index.html",
                "articles/new/index.html",
            ],
        );
        assert_eq!(during.salt, Some(0xabc));
        let files: Vec<(&str, Option<u64>)> = during.files.into_iter().collect();
        assert_eq!(
            files,
            [
                ("articles/gone/index.html", None),
                ("articles/new/index.html", None),
                ("index.html", None),
                ("people/x/index.html", Some(7)),
                ("people/y/index.html", None),
            ]
        );
    }

    /// A site of two pages in a temporary folder, with its manifest, every folder
    /// last changed an hour ago.
    #[cfg(unix)]
    fn an_hour_old_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        an_hour_old_site_in(dir.path());
        dir
    }

    /// [`an_hour_old_site`] in the folder `dir`.
    #[cfg(unix)]
    fn an_hour_old_site_in(dir: &Path) {
        let pages = ["a/index.html", "b/c/index.html"];
        for page in pages {
            let path = dir.join(page);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "page").unwrap();
        }
        let files = pages.iter().map(|p| (*p, None)).collect();
        let manifest = Manifest { salt: None, files };
        std::fs::write(dir.join(MANIFEST), manifest.text()).unwrap();
        for folder in ["a", "b/c", "b", ""] {
            made_long_ago(&dir.join(folder));
        }
    }

    /// Gives the folder `dir` the time of a change long ago: always the same time, so
    /// that a folder's time can be put back.
    #[cfg(unix)]
    fn made_long_ago(dir: &Path) {
        let long_ago = std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let folder = std::fs::File::open(dir).unwrap();
        folder.set_modified(long_ago).unwrap();
    }

    /// An hour-old site in `site/` of a temporary folder (its cache folder beside it,
    /// in the temporary folder too), the look of a check through it kept as a build
    /// that patched the `replaced` files keeps it, and the site's folder.
    #[cfg(unix)]
    fn a_site_with_a_kept_look(replaced: &[&str]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir(&site).unwrap();
        an_hour_old_site_in(&site);
        let root = Path::new("/nonexistent-root");
        let Checked(Some(look)) = check_target(root, &site, Replace::OwnOnly).unwrap() else {
            panic!("a site of the tool's own is looked through");
        };
        let manifest = std::fs::read_to_string(site.join(MANIFEST)).unwrap();
        let replaced: Vec<String> = replaced.iter().map(|r| r.to_string()).collect();
        let first = Some(look.began);
        save_look(
            &site,
            &look,
            &manifest,
            &replaced,
            first,
            &pages_of_an_hour_old_site(),
        );
        assert!(cache_folder(&site).join(LOOK).is_file());
        (dir, site)
    }

    /// The files an hour-old site's build wrote, as it staged them.
    #[cfg(unix)]
    fn pages_of_an_hour_old_site() -> Staged {
        let pages = [("a/index.html", 4), ("b/c/index.html", 4)];
        pages
            .iter()
            .map(|&(rel, bytes)| (rel.to_string(), None, false, bytes))
            .collect()
    }

    /// The look kept for `site`, as the next build finds it.
    #[cfg(unix)]
    fn the_kept_look(site: &Path) -> Look {
        let manifest = std::fs::read_to_string(site.join(MANIFEST)).unwrap();
        saved_look(site, &LookKey::of(site, Some(&manifest))).expect("a look is kept")
    }

    #[cfg(unix)]
    #[test]
    fn a_patched_site_keeps_the_folders_it_left_alone_as_holding_their_files() {
        let (_dir, site) = a_site_with_a_kept_look(&["a/index.html"]);
        let root = Path::new("/nonexistent-root");
        // The patch changed `a/` (and the site's own folder): only `b/c/` and `b/`,
        // unchanged for an hour, hold what the manifest lists in them.
        let kept = the_kept_look(&site);
        let held: BTreeSet<&Path> = kept.held.iter().map(PathBuf::as_path).collect();
        assert_eq!(held, BTreeSet::from([&*site.join("b"), &*site.join("b/c")]));
        let text = std::fs::read_to_string(site.join(MANIFEST)).unwrap();
        let manifest = Manifest::parse(&text).unwrap();
        let Checked(Some(look)) = check_target(root, &site, Replace::OwnOnly).unwrap() else {
            panic!("a site of the tool's own is looked through");
        };
        // The next build takes the bytes of those files from the look, not the disk.
        let files = held_files(&site, &look, &manifest, &text);
        assert_eq!(files, FxHashMap::from_iter([("b/c/index.html", 4)]));
        // A file removed changes its folder, which is then read, and no longer held.
        std::fs::remove_file(site.join("b/c/index.html")).unwrap();
        let Checked(Some(look)) = check_target(root, &site, Replace::OwnOnly).unwrap() else {
            panic!("a site of the tool's own is looked through");
        };
        assert!(held_files(&site, &look, &manifest, &text).is_empty());
        // Nor is a look of another manifest's files.
        let other = format!("{text}- b/c/other.html\n");
        let manifest = Manifest::parse(&other).unwrap();
        assert!(held_files(&site, &kept, &manifest, &other).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_swapped_site_keeps_a_look_that_stamps_every_folder_and_holds_none() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir(&site).unwrap();
        an_hour_old_site_in(&site);
        let manifest = std::fs::read_to_string(site.join(MANIFEST)).unwrap();
        save_swapped_look(&site, &manifest, &pages_of_an_hour_old_site());
        let kept = the_kept_look(&site);
        let folders: BTreeSet<&Path> = kept.folders.iter().map(|(d, _)| d.as_path()).collect();
        let expected = ["", "a", "b", "b/c"].map(|f| site.join(f));
        assert_eq!(folders, expected.iter().map(PathBuf::as_path).collect());
        assert!(kept.folders.iter().all(|(_, stamp)| stamp.is_some()));
        assert!(kept.held.is_empty());
        // The next look trusts the stamps: a file slipped into a folder whose time is
        // put back is not read; one put into a folder that changed is found.
        let root = Path::new("/nonexistent-root");
        std::fs::write(site.join("b/c/notes.txt"), "mine").unwrap();
        made_long_ago(&site.join("b/c"));
        assert!(check_target(root, &site, Replace::OwnOnly).is_ok());
        std::fs::write(site.join("a/notes.txt"), "mine").unwrap();
        let refused = check_target(root, &site, Replace::OwnOnly).unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("1 file briefing did not write: `a/notes.txt`"),
            "{refused}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_kept_look_reads_again_only_the_folders_changed_since() {
        let (_dir, site) = a_site_with_a_kept_look(&[]);
        let root = Path::new("/nonexistent-root");
        // What the stamps say is trusted: a file slipped into a folder whose time is
        // put back is not read (which is how the folders are known to be skipped).
        std::fs::write(site.join("b/c/notes.txt"), "mine").unwrap();
        made_long_ago(&site.join("b/c"));
        assert!(check_target(root, &site, Replace::OwnOnly).is_ok());
        // A folder changed since is read, and a new folder in a changed one.
        std::fs::write(site.join("a/notes.txt"), "mine").unwrap();
        write_into(&site, "new/deep/x.txt");
        let refused = check_target(root, &site, Replace::OwnOnly).unwrap_err();
        let refused = refused.to_string();
        assert!(
            refused.contains("2 files briefing did not write: `a/notes.txt`, `new/deep/x.txt`"),
            "{refused}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_kept_look_reads_the_folders_the_patch_changed_and_those_above() {
        let (_dir, site) = a_site_with_a_kept_look(&["b/c/index.html"]);
        let root = Path::new("/nonexistent-root");
        std::fs::write(site.join("b/c/notes.txt"), "mine").unwrap();
        made_long_ago(&site.join("b/c"));
        let refused = check_target(root, &site, Replace::OwnOnly).unwrap_err();
        assert!(refused.to_string().contains("`b/c/notes.txt`"), "{refused}");
    }

    #[cfg(unix)]
    #[test]
    fn a_kept_look_for_another_manifest_or_folder_is_not_used() {
        let root = Path::new("/nonexistent-root");
        let (_dir, site) = a_site_with_a_kept_look(&[]);
        // The manifest changed since: every folder is read.
        let manifest = std::fs::read_to_string(site.join(MANIFEST)).unwrap();
        std::fs::write(site.join(MANIFEST), format!("{manifest}- b/c/other.html\n")).unwrap();
        made_long_ago(&site);
        std::fs::write(site.join("b/c/notes.txt"), "mine").unwrap();
        made_long_ago(&site.join("b/c"));
        let refused = check_target(root, &site, Replace::OwnOnly).unwrap_err();
        assert!(refused.to_string().contains("`b/c/notes.txt`"), "{refused}");
        // Another folder's look, copied over this one's: not of this folder.
        let (_other, copy) = a_site_with_a_kept_look(&[]);
        let kept = std::fs::read(cache_folder(&site).join(LOOK)).unwrap();
        std::fs::write(cache_folder(&copy).join(LOOK), kept).unwrap();
        std::fs::write(copy.join("b/c/notes.txt"), "mine").unwrap();
        made_long_ago(&copy.join("b/c"));
        let refused = check_target(root, &copy, Replace::OwnOnly).unwrap_err();
        assert!(refused.to_string().contains("`b/c/notes.txt`"), "{refused}");
    }

    /// Writes a file at `rel` below `dir`, with the folders it needs.
    #[cfg(unix)]
    fn write_into(dir: &Path, rel: &str) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "mine").unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_look_is_trusted_only_while_no_folder_has_changed_since() {
        let site = an_hour_old_site();
        let (foreign, look) = foreign_files(site.path(), None).unwrap();
        assert_eq!(foreign.len(), 3, "{foreign:?}");
        assert_eq!(look.folders.len(), 4);
        let unchanged = |look: &Look| {
            look.folders.iter().all(|(dir, kept)| {
                let now = std::fs::symlink_metadata(dir).ok();
                trusted(*kept, now.as_ref().and_then(Stamp::of), look.began)
            })
        };
        assert!(unchanged(&look));
        // A page rewritten changes no folder; a file added deep down changes its own.
        std::fs::write(site.path().join("b/c/index.html"), "new").unwrap();
        assert!(unchanged(&look));
        std::fs::write(site.path().join("b/c/notes.txt"), "mine").unwrap();
        assert!(!unchanged(&look));
        // A folder changed just before the look is not trusted, changed again or not.
        let (_, look) = foreign_files(site.path(), None).unwrap();
        assert!(!unchanged(&look));
    }

    #[test]
    fn a_folder_is_trusted_only_as_stamped_and_changed_well_before_the_look() {
        let began = std::time::SystemTime::now();
        let hour = Duration::from_secs(3600);
        let old = Stamp {
            modified: began - hour,
            inode: 7,
        };
        assert!(trusted(Some(old), Some(old), began));
        let changed = Stamp {
            modified: began - hour / 2,
            ..old
        };
        assert!(!trusted(Some(old), Some(changed), began));
        assert!(!trusted(Some(old), Some(Stamp { inode: 8, ..old }), began));
        assert!(!trusted(Some(old), None, began));
        assert!(!trusted(None, Some(old), began));
        let recent = Stamp {
            modified: began - Duration::from_secs(1),
            ..old
        };
        assert!(!trusted(Some(recent), Some(recent), began));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_put_in_the_output_after_the_first_look_is_found_by_the_second() {
        let site = an_hour_old_site();
        let root = Path::new("/nonexistent-root");
        let first = check_target(root, site.path(), Replace::OwnOnly).unwrap();
        assert!(
            first.0.is_some(),
            "the look is passed on to the check before the swap"
        );
        // Trusted while nothing changed, and passed on again.
        let second = check(root, site.path(), Replace::OwnOnly, first).unwrap();
        assert!(second.0.is_some());
        std::fs::write(site.path().join("b/c/notes.txt"), "mine").unwrap();
        let refused = check(root, site.path(), Replace::OwnOnly, second);
        let refused = refused.unwrap_err().to_string();
        assert!(refused.contains("`b/c/notes.txt`"), "{refused}");
    }

    #[test]
    fn a_manifest_reads_back_as_its_salt_files_and_fingerprints() {
        let manifest = Manifest {
            salt: Some(0xabc),
            files: BTreeMap::from([("people/x/index.html", Some(7)), ("index.html", None)]),
        };
        let text = manifest.text();
        let read = Manifest::parse(&text).unwrap();
        assert_eq!(read.salt, Some(0xabc));
        let files: Vec<(&str, Option<u64>)> = read.files.into_iter().collect();
        assert_eq!(
            files,
            [
                (MANIFEST, None),
                ("index.html", None),
                ("people/x/index.html", Some(7))
            ]
        );
    }

    #[test]
    fn a_manifest_without_its_header_or_with_a_path_outside_is_none() {
        assert_eq!(Manifest::parse("- index.html\n"), None);
        assert_eq!(Manifest::parse(""), None);
        for bad in [
            "- ../x",
            "- /etc/passwd",
            "- a/../../b",
            "- ",
            "index.html",
            "zz index.html",
        ] {
            let text = format!("{MANIFEST_HEADER}\n- index.html\n{bad}\n");
            assert_eq!(Manifest::parse(&text), None, "{bad:?}");
        }
    }

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

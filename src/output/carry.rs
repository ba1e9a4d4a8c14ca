//! A folder of the output that a build carries over from the last output
//! instead of writing it again: the photo derivatives (thousands of files
//! that rarely change). Its manifest, `<folder>/.chiso-carried`, has a line
//! per photo: the cache entry its files came from, then their output paths
//! (cache entries are named by content and settings, so one entry is one
//! content). A photo whose line the manifest already has is not touched;
//! the files of the others are linked into the staging folder as usual.
//!
//! At commit (swap.rs), before the new folder is marked complete:
//! 1. the old manifest is removed (from now until step 4 the folder is
//!    not trusted: a crash makes the next build write it all again);
//! 2. the new files are moved into the old output's folder (only added or
//!    replaced: the live pages still find everything they name);
//! 3. the folder then moves into the new output like a `keep_in_output`
//!    entry (journalled, so a crash is put right by `recover`);
//! 4. after the exchange, files no page names any more are removed and the
//!    new manifest is written.
//!
//! When the old folder holds exactly this build's files (the usual
//! rebuild), steps 1, 2 and 4 have nothing to do: the folder only moves.
//! Without a trusted old folder, every file is linked into the staging
//! folder and the manifest written there, before the marker.

use crate::output::sink::CarriedGroup;
use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const MANIFEST: &str = ".chiso-carried";

/// The manifest's first line: a manifest of another form is not trusted.
const HEAD: &str = "chiso-carried 2";

/// One build's view of the carried folder.
pub struct Carry {
    pub folder: String,
    /// The last output's manifest (a line per photo) and the hashes of its
    /// lines. `None`: nothing to carry (no old folder, or one chiso cannot
    /// vouch for).
    old: Option<(String, Hashes)>,
    /// Every photo this build publishes under the folder: its manifest
    /// line and whether its files were linked into the staging folder.
    files: Mutex<Vec<(String, bool)>>,
}

/// `<entry>\t<output path>\t<output path>…`: the entry is the last part of
/// the cache folder the files come from.
fn line_of(group: &CarriedGroup) -> String {
    let entry = group.entry.file_name().unwrap_or_default();
    let entry = entry.to_string_lossy();
    let len = group.files.iter().map(|to| to.len() + 1).sum::<usize>();
    let mut l = String::with_capacity(entry.len() + len);
    l.push_str(&entry);
    for to in &group.files {
        l.push('\t');
        l.push_str(to);
    }
    l
}

type Hashes = crate::util::idhash::IdHashSet;

fn hash(line: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(line.as_bytes())
}

/// The output paths of a manifest line.
fn paths_of(line: &str) -> impl Iterator<Item = &str> {
    line.split('\t').skip(1)
}

/// Whether every path the manifest `text` lists is a regular file under
/// `out/<folder>`, reached through real folders only. A manifest is read
/// back from disk (an output restored from a CI cache or an artifact): a
/// line naming `..`, an absolute path, a symbolic link or a missing file
/// makes the whole folder untrusted, so it is written afresh and nothing
/// it lists is ever deleted. Each folder is listed once (its entries'
/// own types, as `lstat` gives them), not a file looked up at a time:
/// 30,000 lookups were a tenth of a second before anything else began.
fn listed_files_are_real(out: &Path, folder: &str, text: &str) -> bool {
    let top = out.join(folder);
    if !top.symlink_metadata().is_ok_and(|m| m.is_dir()) {
        return false;
    }
    let mut dirs: HashMap<&str, Option<HashSet<OsString>>> = HashMap::new();
    text.lines().skip(1).flat_map(paths_of).all(|to| {
        let inside = to.strip_prefix(folder).is_some_and(|r| r.starts_with('/'));
        if !inside || !crate::output::paths::safe_rel(to) {
            return false;
        }
        let Some((parent, name)) = to.rsplit_once('/') else {
            return false;
        };
        dirs.entry(parent)
            .or_insert_with(|| regular_files(out, parent))
            .as_ref()
            .is_some_and(|files| files.contains(OsStr::new(name)))
    })
}

/// The names of the regular files (not links) in folder `rel` of `out`,
/// when it is a real folder reached through real folders.
fn regular_files(out: &Path, rel: &str) -> Option<HashSet<OsString>> {
    let dir = crate::output::paths::real_inside(out, rel)
        .filter(|p| p.symlink_metadata().is_ok_and(|m| m.is_dir()))?;
    let entries = std::fs::read_dir(dir).ok()?;
    Some(
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name())
            .collect(),
    )
}

impl Carry {
    /// Read the manifest of `out/<folder>`; `out_complete` says whether
    /// `out` is a finished chiso output (else nothing in it is carried).
    pub fn read(out: &Path, folder: &str, out_complete: bool) -> Carry {
        let old = out_complete
            .then(|| std::fs::read_to_string(out.join(folder).join(MANIFEST)).ok())
            .flatten()
            .filter(|s| s.lines().next() == Some(HEAD))
            .filter(|s| listed_files_are_real(out, folder, s))
            .map(|s| {
                let set: Hashes = s.lines().skip(1).map(hash).collect();
                (s, set)
            });
        Carry {
            folder: folder.to_string(),
            old,
            files: Mutex::new(Vec::new()),
        }
    }

    /// Whether `to` is under the carried folder.
    pub fn holds(&self, to: &str) -> bool {
        to.strip_prefix(self.folder.as_str())
            .is_some_and(|r| r.starts_with('/'))
    }

    /// Whether every file of `group` is under the carried folder.
    pub fn holds_all(&self, group: &CarriedGroup) -> bool {
        group.files.iter().all(|to| self.holds(to))
    }

    /// Whether the old output has every file of `group`, from the same
    /// cache entry (nothing is noted).
    pub fn has(&self, group: &CarriedGroup) -> bool {
        let line = line_of(group);
        self.old
            .as_ref()
            .is_some_and(|(_, set)| set.contains(&hash(&line)))
    }

    /// Note the files of `group`; `true` when the old output already has
    /// them all, from the same cache entry, so that nothing need be written.
    pub fn note(&self, group: &CarriedGroup) -> bool {
        let line = line_of(group);
        let have = self
            .old
            .as_ref()
            .is_some_and(|(_, set)| set.contains(&hash(&line)));
        if let Ok(mut f) = self.files.lock() {
            f.push((line, !have));
        }
        have
    }

    /// This build's files, in no particular order.
    fn take(&self) -> Vec<(String, bool)> {
        self.files
            .lock()
            .map(|mut f| std::mem::take(&mut *f))
            .unwrap_or_default()
    }

    /// The old folder holds exactly `files` (none new, none gone): its
    /// manifest stays true and nothing need be touched.
    fn unchanged(&self, files: &[(String, bool)]) -> bool {
        self.old
            .as_ref()
            .is_some_and(|(_, set)| set.len() == files.len() && files.iter().all(|f| !f.1))
    }

    fn manifest(files: &[(String, bool)]) -> Vec<u8> {
        let len: usize = files.iter().map(|f| f.0.len() + 1).sum();
        let mut out = Vec::with_capacity(HEAD.len() + 1 + len);
        out.extend_from_slice(HEAD.as_bytes());
        out.push(b'\n');
        for (line, _) in files {
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out
    }

    /// Steps 1 and 2 (see the module comment), or the manifest of a folder
    /// written whole. `Ok(Some(files))`: the old folder is to be carried
    /// into `new` (swap.rs moves it, journalled), then given `files` in
    /// `after_exchange`. `first` runs after the first file moved (a crash
    /// point for tests).
    pub fn before_marker(
        &self,
        new: &Path,
        out: &Path,
        first: &dyn Fn(),
    ) -> io::Result<Option<Vec<(String, bool)>>> {
        let mut files = self.take();
        if files.is_empty() {
            return Ok(None);
        }
        if self.unchanged(&files) {
            return Ok(Some(files));
        }
        files.sort_unstable();
        if self.old.is_none() {
            crate::output::atomic::write_in(
                &new.join(&self.folder),
                MANIFEST,
                &Self::manifest(&files),
            )?;
            return Ok(None);
        }
        let old_dir = out.join(&self.folder);
        match std::fs::remove_file(old_dir.join(MANIFEST)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let mut made: HashSet<PathBuf> = HashSet::new();
        let new_files = files.iter().filter(|f| f.1).flat_map(|f| paths_of(&f.0));
        for (i, to) in new_files.enumerate() {
            let dest = out.join(to);
            if let Some(parent) = dest.parent() {
                if made.insert(parent.to_path_buf()) {
                    std::fs::create_dir_all(parent)?;
                }
            }
            std::fs::rename(new.join(to), &dest)?;
            if i == 0 {
                first();
            }
        }
        // Only folders are left there now.
        let staged = new.join(&self.folder);
        if staged.exists() {
            std::fs::remove_dir_all(&staged)?;
        }
        Ok(Some(files))
    }

    /// Step 4: in the published folder, remove what the old manifest listed
    /// and this build does not publish, then write the new manifest.
    /// Failures leave the folder untrusted (no manifest), never wrong.
    pub fn after_exchange(&self, out: &Path, files: &[(String, bool)]) {
        let Some((old, _)) = &self.old else { return };
        if self.unchanged(files) {
            return;
        }
        let now: HashSet<&str> = files.iter().flat_map(|f| paths_of(&f.0)).collect();
        let mut parents: HashSet<PathBuf> = HashSet::new();
        let before = old.lines().skip(1).flat_map(paths_of);
        for gone in before.filter(|k| !now.contains(k)) {
            // Checked when read (`listed_files_are_real`), and again here:
            // never a path outside the folder, never through a link.
            let Some(p) = crate::output::paths::real_inside(out, gone) else {
                continue;
            };
            if !self.holds(gone) || std::fs::remove_file(&p).is_err() {
                continue;
            }
            if let Some(parent) = p.parent() {
                parents.insert(parent.to_path_buf());
            }
        }
        // Folders left empty (deepest first); a folder with files stays.
        let mut parents: Vec<PathBuf> = parents.into_iter().collect();
        parents.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
        let top = out.join(&self.folder);
        for mut p in parents {
            while p != top && p.starts_with(&top) && std::fs::remove_dir(&p).is_ok() {
                if !p.pop() {
                    break;
                }
            }
        }
        let _ = crate::output::atomic::write_in(&top, MANIFEST, &Self::manifest(files));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(entry: &str, files: &[&str]) -> CarriedGroup {
        CarriedGroup {
            entry: PathBuf::from(entry),
            files: files.iter().map(|f| f.to_string()).collect(),
            name_at: 0,
        }
    }

    #[test]
    fn a_photo_is_named_by_its_cache_entry_and_output_paths() {
        let g = group(
            "/c/images/00ff-12",
            &["anh-web/a-360.webp", "anh-web/a-360.jpg"],
        );
        let l = line_of(&g);
        assert_eq!(l, "00ff-12\tanh-web/a-360.webp\tanh-web/a-360.jpg");
        assert_eq!(
            paths_of(&l).collect::<Vec<_>>(),
            ["anh-web/a-360.webp", "anh-web/a-360.jpg"]
        );
    }

    #[test]
    fn only_paths_inside_the_folder_are_carried() {
        let c = Carry::read(Path::new("/nowhere"), "anh-web", false);
        assert!(c.holds("anh-web/a-720.webp"));
        assert!(!c.holds("anh-webx/a.webp"));
        assert!(!c.holds("anh-web"));
        assert!(!c.holds_all(&group("/c/e", &["anh-web/a.webp", "b.webp"])));
        assert!(!c.note(&group("/c/e", &["anh-web/a-720.webp"])));
    }

    #[test]
    fn a_manifest_without_its_first_line_is_not_trusted() {
        let out = std::env::temp_dir().join(format!("chiso-carry-{}", std::process::id()));
        let dir = out.join("anh-web");
        std::fs::create_dir_all(&dir).unwrap();
        let g = group("/c/e", &["anh-web/a-720.webp"]);
        let line = line_of(&g);
        std::fs::write(dir.join("a-720.webp"), "w").unwrap();
        std::fs::write(dir.join(MANIFEST), format!("{line}\n")).unwrap();
        assert!(!Carry::read(&out, "anh-web", true).note(&g));
        std::fs::write(dir.join(MANIFEST), format!("{HEAD}\n{line}\n")).unwrap();
        assert!(Carry::read(&out, "anh-web", true).note(&g));
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_manifest_listing_a_link_a_folder_or_a_missing_file_is_not_trusted() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        let dir = out.join("anh-web/images");
        std::fs::create_dir_all(dir.join("thu-muc")).unwrap();
        std::fs::create_dir_all(out.join("ngoai")).unwrap();
        std::fs::write(dir.join("a-360.webp"), "w").unwrap();
        std::fs::write(out.join("ngoai/b-360.webp"), "w").unwrap();
        std::os::unix::fs::symlink(out.join("ngoai/b-360.webp"), dir.join("lien-ket.webp"))
            .unwrap();
        std::os::unix::fs::symlink(out.join("ngoai"), out.join("anh-web/vong")).unwrap();
        let trusted = |listed: &[&str]| {
            let g = group("/c/e", listed);
            let text = format!("{HEAD}\n{}\n", line_of(&g));
            std::fs::write(out.join("anh-web").join(MANIFEST), text).unwrap();
            Carry::read(out, "anh-web", true).note(&g)
        };
        assert!(trusted(&["anh-web/images/a-360.webp"]));
        assert!(!trusted(&[
            "anh-web/images/a-360.webp",
            "anh-web/images/lien-ket.webp"
        ]));
        assert!(!trusted(&["anh-web/images/thu-muc"]));
        assert!(!trusted(&[
            "anh-web/images/a-360.webp",
            "anh-web/images/mat.webp"
        ]));
        assert!(!trusted(&["anh-web/vong/b-360.webp"]));
        assert!(!trusted(&["anh-web/images/../../ngoai/b-360.webp"]));
    }
}

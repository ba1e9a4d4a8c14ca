//! A folder of the output that a build carries over from the last output
//! instead of writing it again: the photo derivatives (thousands of files
//! that rarely change). Its manifest, `<folder>/.chiso-carried`, lists each
//! file with the cache entry it came from (`<entry>/<file>`: cache entries
//! are named by content and settings, so one name is one content). A file
//! the manifest already lists with the same entry is not touched; the
//! others are linked into the staging folder as usual.
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

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const MANIFEST: &str = ".chiso-carried";

/// One build's view of the carried folder.
pub struct Carry {
    pub folder: String,
    /// The last output's manifest (`<output path>\t<entry>` lines) and the
    /// hashes of its lines. `None`: nothing to carry (no old folder, or one
    /// chiso cannot vouch for).
    old: Option<(String, Hashes)>,
    /// Every file this build publishes under the folder: its manifest line
    /// and whether it was linked into the staging folder.
    files: Mutex<Vec<(String, bool)>>,
}

/// `<to>\t<entry>`: the entry is the cache file's folder and name, the
/// last two parts of `from` (read as bytes: pages name thousands).
fn line_of(from: &Path, to: &str) -> String {
    let b = from.as_os_str().as_encoded_bytes();
    let sep = |c: &u8| std::path::is_separator(char::from(*c));
    let name_at = b.iter().rposition(sep).map_or(0, |i| i + 1);
    let entry_at = b[..name_at.saturating_sub(1)]
        .iter()
        .rposition(sep)
        .map_or(0, |i| i + 1);
    let tail = String::from_utf8_lossy(&b[entry_at..]);
    let mut l = String::with_capacity(to.len() + tail.len() + 1);
    l.push_str(to);
    l.push('\t');
    l.push_str(&tail);
    l
}

type Hashes = crate::util::idhash::IdHashSet;

fn hash(line: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(line.as_bytes())
}

/// The output path of a manifest line.
fn path_of(line: &str) -> &str {
    line.split_once('\t').map_or(line, |(to, _)| to)
}

impl Carry {
    /// Read the manifest of `out/<folder>`; `out_complete` says whether
    /// `out` is a finished chiso output (else nothing in it is carried).
    pub fn read(out: &Path, folder: &str, out_complete: bool) -> Carry {
        let old = out_complete
            .then(|| std::fs::read_to_string(out.join(folder).join(MANIFEST)).ok())
            .flatten()
            .map(|s| {
                let set: Hashes = s.lines().filter(|l| l.contains('\t')).map(hash).collect();
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

    /// Note that `to` comes from the cache file `from`; `true` when the old
    /// output already has it, so that nothing need be written.
    pub fn note(&self, from: &Path, to: &str) -> bool {
        let line = line_of(from, to);
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
        let mut out = Vec::with_capacity(files.iter().map(|f| f.0.len() + 1).sum());
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
        for (i, (line, _)) in files.iter().filter(|f| f.1).enumerate() {
            let to = path_of(line);
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
        let now: HashSet<&str> = files.iter().map(|f| path_of(&f.0)).collect();
        let mut parents: HashSet<PathBuf> = HashSet::new();
        for gone in old.lines().map(path_of).filter(|k| !now.contains(k)) {
            let p = out.join(gone);
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

    #[test]
    fn a_cache_file_is_named_by_its_entry_and_name() {
        let l = line_of(
            Path::new("/c/images/00ff-12/720.webp"),
            "anh-web/a-720.webp",
        );
        assert_eq!(l, "anh-web/a-720.webp\t00ff-12/720.webp");
        assert_eq!(path_of(&l), "anh-web/a-720.webp");
    }

    #[test]
    fn only_paths_inside_the_folder_are_carried() {
        let c = Carry::read(Path::new("/nowhere"), "anh-web", false);
        assert!(c.holds("anh-web/a-720.webp"));
        assert!(!c.holds("anh-webx/a.webp"));
        assert!(!c.holds("anh-web"));
        assert!(!c.note(Path::new("/c/e/720.webp"), "anh-web/a-720.webp"));
    }
}

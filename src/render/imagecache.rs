//! The persistent cache of photo derivatives (`cache_dir`, default
//! `.chiso-cache/images/`): one folder per source content hash and
//! settings, holding that photo's files. A source's hash is remembered
//! with its length and modification time (`index.tsv`), so a warm build
//! reads no photo. Every write is a temporary file renamed into place, so
//! two builds at once never see half a file; entries no build used for a
//! week are pruned (the clock is read only for this housekeeping, never
//! for output).

use crate::load::image_index::{self, INDEX, Stamp};
use crate::load::images_config::ImagesConfig;
use crate::model::images::{ImagePlan, PlannedImage};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Bumped whenever the encoders or the resizing change the bytes, or the
/// names of an entry's files change (2: share cards named as published).
const ENCODER_VERSION: &str = "chiso-images-2";
/// Written into an entry after all its files: one check says it is whole.
const COMPLETE: &str = "complete";
/// The first line of a `complete` mark that lists its files' hashes.
const MARK_HEAD: &str = "chiso-entry 1";
/// How often a photo's "last used" time is brought up to date.
const DAY: Duration = Duration::from_secs(24 * 3600);
/// Entries unused for this long are removed.
const KEEP: Duration = Duration::from_secs(7 * 24 * 3600);
/// Entry folders younger than this are never removed (another build may be
/// filling one right now).
const YOUNG: Duration = Duration::from_secs(3600);

pub struct ImageCache {
    dir: PathBuf,
    key: u64,
    /// (planned image, content hash) of every photo this build used.
    used: Mutex<Vec<(usize, u128)>>,
    now: u64,
    /// An entry was filled or marked complete by this build.
    changed: AtomicBool,
}

impl ImageCache {
    pub fn open(cfg: &ImagesConfig) -> ImageCache {
        let key = xxhash_rust::xxh3::xxh3_64(format!("{ENCODER_VERSION}/{}", cfg.key()).as_bytes());
        ImageCache {
            dir: image_index::dir(&cfg.cache),
            key,
            used: Mutex::new(Vec::new()),
            now: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            changed: AtomicBool::new(false),
        }
    }

    /// The folder of `p`'s derivatives (not created): from the hash the
    /// index remembered when the photo was planned, else by reading it.
    pub fn entry(&self, i: usize, p: &PlannedImage) -> std::io::Result<PathBuf> {
        let hash = match p.seen.hash {
            Some(h) => h,
            None => xxhash_rust::xxh3::xxh3_128(&std::fs::read(&p.source)?),
        };
        if let Ok(mut u) = self.used.lock() {
            u.push((i, hash));
        }
        Ok(self.dir.join(entry_name(hash, self.key)))
    }

    /// Whether the entry `dir` holds all of `names`, each with the content
    /// hash its `complete` mark recorded: a file replaced (random bytes,
    /// another photo of the same size), emptied or missing makes the entry
    /// incomplete, so the photo is encoded again and the entry heals. An
    /// entry an older chiso marked (no hashes) is checked file by file and
    /// marked with the hashes of what it holds.
    pub fn complete(&self, dir: &Path, names: &[&str]) -> bool {
        let Ok(mark) = std::fs::read_to_string(dir.join(COMPLETE)) else {
            return false;
        };
        let mut lines = mark.lines();
        if lines.next() != Some(MARK_HEAD) {
            let all = names.iter().all(|n| dir.join(n).is_file());
            if all {
                self.mark_complete(dir, names);
            }
            return all;
        }
        let sums: HashMap<&str, &str> = lines.filter_map(|l| l.split_once('\t')).collect();
        names.iter().all(|n| {
            let file = std::fs::symlink_metadata(dir.join(n)).is_ok_and(|m| m.is_file());
            file && sums
                .get(n)
                .is_some_and(|want| std::fs::read(dir.join(n)).is_ok_and(|b| *want == sum(&b)))
        })
    }

    /// Say that `dir` holds every file of its photo, with each file's
    /// content hash (failures only cost an encoding next time).
    pub fn mark_complete(&self, dir: &Path, names: &[&str]) {
        self.changed.store(true, Ordering::Relaxed);
        let mut mark = format!("{MARK_HEAD}\n");
        for n in names {
            let Ok(b) = std::fs::read(dir.join(n)) else {
                return;
            };
            mark.push_str(&format!("{n}\t{}\n", sum(&b)));
        }
        let _ = self.store(dir, COMPLETE, mark.as_bytes());
    }

    /// Write `bytes` as `dir/name` atomically (a temporary file renamed in).
    pub fn store(&self, dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        crate::output::atomic::write_in(dir, name, bytes)
    }

    /// After a build: remember the photos used, and remove entries no
    /// build used for a week. Failures only cost a slower next build.
    pub fn finish(&self, plan: &ImagePlan) {
        let Ok(used) = self.used.lock() else { return };
        let old = &plan.index;
        if used.is_empty() && old.is_empty() {
            return;
        }
        // The usual rebuild: every photo as the index has it, used within
        // the day, no entry made and none due to expire: nothing to write
        // and nothing new to prune.
        let recent = |u: u64, d: Duration| self.now.saturating_sub(u) < d.as_secs();
        let as_indexed = used.iter().all(|&(i, hash)| {
            plan.images.get(i).is_some_and(|p| {
                p.seen.hash == Some(hash) && p.seen.used.is_some_and(|u| recent(u, DAY))
            })
        });
        if as_indexed
            && !self.changed.load(Ordering::Relaxed)
            && old.stamps().all(|s| recent(s.used, KEEP))
        {
            return;
        }
        let mut keep: HashMap<&Path, Stamp> = old
            .stamps()
            .filter(|s| recent(s.used, KEEP))
            .map(|s| (s.path.as_path(), s.clone()))
            .collect();
        for &(i, hash) in used.iter() {
            let Some(p) = plan.images.get(i) else {
                continue;
            };
            let mut s = Stamp {
                path: p.source.clone(),
                len: p.seen.len,
                mtime_ns: p.seen.mtime_ns,
                hash,
                used: self.now,
                probe: p.probe.clone(),
            };
            // Used within the day: the old time will do, and an unchanged
            // index is not written again.
            if let Some(o) = old.get(&p.source) {
                if o.hash == s.hash && recent(o.used, DAY) {
                    s.used = o.used;
                }
            }
            keep.insert(p.source.as_path(), s);
        }
        let same = keep.len() == old.len() && keep.iter().all(|(p, s)| old.get(p) == Some(s));
        if !same {
            let mut lines: Vec<String> = keep.values().map(image_index::line).collect();
            lines.sort_unstable();
            if self
                .store(&self.dir, INDEX, lines.concat().as_bytes())
                .is_err()
            {
                return;
            }
        }
        let live: std::collections::HashSet<String> = keep
            .values()
            .map(|s| entry_name(s.hash, self.key))
            .collect();
        self.prune(&live);
    }

    fn prune(&self, live: &std::collections::HashSet<String>) {
        let Ok(rd) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == INDEX || name.starts_with('.') || live.contains(&name) {
                continue;
            }
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > YOUNG);
            if old && is_entry_name(&name) && e.file_type().is_ok_and(|t| t.is_dir()) {
                remove_entry(&e.path());
            }
        }
    }
}

/// A name of the shape [`entry_name`] gives (`<32 hex>-<16 hex>`): the
/// cache removes nothing else, whatever else its folder holds.
fn is_entry_name(name: &str) -> bool {
    let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
    name.split_once('-')
        .is_some_and(|(h, k)| hex(h, 32) && hex(k, 16))
}

/// Remove an entry folder, file by file, only while it holds nothing but
/// plain files (what the cache writes): a folder or a link inside says it
/// is not the cache's, and it stays.
fn remove_entry(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let files: Vec<_> = rd.flatten().collect();
    if !files
        .iter()
        .all(|f| f.file_type().is_ok_and(|t| t.is_file()))
    {
        return;
    }
    for f in files {
        let _ = std::fs::remove_file(f.path());
    }
    let _ = std::fs::remove_dir(dir);
}

/// A cached file's content hash, as its entry's mark records it.
fn sum(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

fn entry_name(hash: u128, key: u64) -> String {
    format!("{hash:032x}-{key:016x}")
}

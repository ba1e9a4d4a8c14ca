//! The chart PNG cache: `<cache_dir>/charts/<key>.png`, where the key is a
//! 128-bit hash of everything that decides the bytes (the SVG, the size and
//! card words, the font, the renderer's version). Rasterising is ~100×
//! slower than drawing the SVG; a warm build reads these files instead.
//!
//! - Writes are atomic: a temporary file in the same folder, then a rename.
//!   Two builds at once may both write an entry; each rename is whole, and
//!   both wrote the same bytes.
//! - Each PNG has its content hash beside it (`<key>.sum`). A read that
//!   fails, finds other than a PNG of the expected size, or bytes of
//!   another hash is a miss (the PNG is drawn again), never an error.
//! - Pruning, after a successful `build` only: an entry this build did not
//!   use and not written or touched for [`PRUNE_AFTER`] is removed, and so
//!   are temporary files as old (a crashed build). The age spares what a
//!   concurrent build of another site or with other options just wrote.

use siphasher::sip128::{Hasher128, SipHasher13};
use std::collections::HashSet;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::{Duration, SystemTime};

/// Unused entries older than this are removed by [`PngCache::prune`].
pub const PRUNE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// A cache folder (or none: every PNG drawn afresh) and the keys a build
/// used.
#[derive(Debug, Default)]
pub struct PngCache {
    dir: Option<PathBuf>,
    used: Mutex<HashSet<String>>,
    /// The first failed write (folder, why), said once per build.
    write_error: Mutex<Option<(PathBuf, String)>>,
    said: std::sync::atomic::AtomicBool,
}

/// A cache key from its parts (each length-prefixed, so parts cannot run
/// into each other): 32 hex digits.
pub fn key(parts: &[&[u8]]) -> String {
    let mut h = SipHasher13::new_with_keys(0x6368_6973_6f2d_706e, 0x6763_6163_6865_2d31);
    for p in parts {
        h.write_u64(p.len() as u64);
        h.write(p);
    }
    format!("{:032x}", h.finish128().as_u128())
}

/// Width and height from a PNG's IHDR, if `b` starts like a PNG.
pub fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    const SIG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if b.len() < 24 || &b[..8] != SIG || &b[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes([b[16], b[17], b[18], b[19]]);
    let h = u32::from_be_bytes([b[20], b[21], b[22], b[23]]);
    Some((w, h))
}

impl PngCache {
    pub fn new(dir: Option<PathBuf>) -> Self {
        PngCache {
            dir,
            ..PngCache::default()
        }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{key}.png")))
    }

    fn mark(&self, key: &str) {
        if let Ok(mut u) = self.used.lock() {
            u.insert(key.to_string());
        }
    }

    /// The cached PNG of `key` when it is one of `size` with the content
    /// hash its `<key>.sum` recorded (a PNG replaced in the cache, by a red
    /// image of the same size say, is a miss: drawn again, never published).
    pub fn get(&self, key: &str, size: (u32, u32)) -> Option<Vec<u8>> {
        self.mark(key);
        let bytes = std::fs::read(self.path(key)?).ok()?;
        let want = std::fs::read_to_string(self.path(key)?.with_extension("sum")).ok()?;
        (png_size(&bytes) == Some(size) && want == sum(&bytes)).then_some(bytes)
    }

    /// Store `bytes` under `key`: a temporary file, then a rename. Without a
    /// cache folder, nothing.
    pub fn put(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.mark(key);
        let (Some(dir), Some(path)) = (self.dir.as_ref(), self.path(key)) else {
            return Ok(());
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        crate::output::atomic::write_in(dir, &name, bytes)?;
        crate::output::atomic::write_in(dir, &format!("{key}.sum"), sum(bytes).as_bytes())
    }

    /// [`PngCache::put`], keeping the first failure for
    /// [`PngCache::take_write_error`]: a cache that cannot be written costs
    /// time, not the build.
    pub fn put_or_note(&self, key: &str, bytes: &[u8]) {
        if let Err(e) = self.put(key, bytes) {
            if let (Ok(mut w), Some(dir)) = (self.write_error.lock(), &self.dir) {
                w.get_or_insert_with(|| (dir.clone(), e.to_string()));
            }
        }
    }

    /// The first failed write, once per cache (later calls: `None`).
    pub fn take_write_error(&self) -> Option<(PathBuf, String)> {
        let e = self.write_error.lock().ok()?.clone()?;
        (!self.said.swap(true, Ordering::Relaxed)).then_some(e)
    }

    /// Remove entries this build did not use that are older than `age`,
    /// and temporary files as old. How many files went.
    pub fn prune(&self, age: Duration) -> usize {
        let Some(dir) = &self.dir else { return 0 };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return 0;
        };
        let used = self.used.lock().map(|u| u.clone()).unwrap_or_default();
        let now = SystemTime::now();
        let mut removed = 0;
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let entry = name
                .strip_suffix(".png")
                .or_else(|| name.strip_suffix(".sum"));
            let ours = match entry {
                Some(k) => is_key(k) && !used.contains(k),
                None => name.starts_with('.') && name.ends_with(".tmp"),
            };
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|d| d >= age);
            if ours && old && std::fs::remove_file(e.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// The content hash of a cached PNG, as `<key>.sum` holds it.
fn sum(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

fn is_key(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 2, 0, 0, 0]);
        b
    }

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"x"]).len(), 32);
        assert_eq!(key(&[b"x"]), key(&[b"x"]));
    }

    #[test]
    fn an_entry_of_another_size_or_not_a_png_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let c = PngCache::new(Some(dir.path().join("charts")));
        let k = key(&[b"chart"]);
        assert_eq!(c.get(&k, (2, 3)), None);
        c.put(&k, &png(2, 3)).unwrap();
        assert_eq!(c.get(&k, (2, 3)), Some(png(2, 3)));
        assert_eq!(c.get(&k, (3, 3)), None);
        // Another PNG of the same size (a red image put in its place).
        let mut red = png(2, 3);
        red.push(0xff);
        std::fs::write(c.path(&k).unwrap(), &red).unwrap();
        assert_eq!(c.get(&k, (2, 3)), None);
        std::fs::write(c.path(&k).unwrap(), b"truncated").unwrap();
        assert_eq!(c.get(&k, (2, 3)), None);
        // No temporary file is left behind: the PNG and its hash.
        let names: Vec<_> = std::fs::read_dir(c.dir().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn prune_removes_only_old_unused_entries_and_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_path_buf();
        let old = SystemTime::now() - Duration::from_secs(2 * 24 * 3600);
        let write = |name: &str, aged: bool| {
            let p = d.join(name);
            std::fs::write(&p, png(1, 1)).unwrap();
            if aged {
                let f = std::fs::File::options().write(true).open(&p).unwrap();
                f.set_modified(old).unwrap();
            }
        };
        let (used, stale, fresh) = (key(&[b"1"]), key(&[b"2"]), key(&[b"3"]));
        write(&format!("{used}.png"), true);
        std::fs::write(d.join(format!("{used}.sum")), sum(&png(1, 1))).unwrap();
        write(&format!("{stale}.png"), true);
        write(&format!("{fresh}.png"), false);
        write(&format!(".{stale}.1.1.tmp"), true);
        write("notes.txt", true);
        let c = PngCache::new(Some(d.clone()));
        assert!(c.get(&used, (1, 1)).is_some());
        assert_eq!(c.prune(PRUNE_AFTER), 2);
        let mut left: Vec<String> = std::fs::read_dir(&d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut want = vec![
            format!("{used}.png"),
            format!("{used}.sum"),
            format!("{fresh}.png"),
            "notes.txt".into(),
        ];
        want.sort();
        assert_eq!(left, want);
    }
}

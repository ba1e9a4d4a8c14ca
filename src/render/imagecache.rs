//! The persistent cache of photo derivatives (`cache_dir`, default
//! `.chiso-cache/images/`): one folder per source content hash and
//! settings, holding that photo's files. A source's hash is remembered
//! with its length and modification time (`index.tsv`), so a warm build
//! reads no photo. Every write is a temporary file renamed into place, so
//! two builds at once never see half a file; entries no build used for a
//! week are pruned (the clock is read only for this housekeeping, never
//! for output).

use crate::load::images_config::ImagesConfig;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Bumped whenever the encoders or the resizing change the bytes.
const ENCODER_VERSION: &str = "chiso-images-1";
const INDEX: &str = "index.tsv";
/// Entries unused for this long are removed.
const KEEP: Duration = Duration::from_secs(7 * 24 * 3600);
/// Entry folders younger than this are never removed (another build may be
/// filling one right now).
const YOUNG: Duration = Duration::from_secs(3600);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    mtime_ns: i128,
    hash: u128,
    /// Seconds since the epoch when a build last used it.
    used: u64,
}

pub struct ImageCache {
    dir: PathBuf,
    key: u64,
    index: HashMap<PathBuf, Stamp>,
    used: Mutex<HashMap<PathBuf, Stamp>>,
    now: u64,
    tmp: AtomicU64,
}

fn mtime_ns(m: &std::fs::Metadata) -> i128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

impl ImageCache {
    pub fn open(cfg: &ImagesConfig) -> ImageCache {
        let dir = cfg.cache.join("images");
        let key = xxhash_rust::xxh3::xxh3_64(format!("{ENCODER_VERSION}/{}", cfg.key()).as_bytes());
        let index = std::fs::read_to_string(dir.join(INDEX))
            .map(|s| parse_index(&s))
            .unwrap_or_default();
        ImageCache {
            dir,
            key,
            index,
            used: Mutex::new(HashMap::new()),
            now: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            tmp: AtomicU64::new(0),
        }
    }

    /// The folder of `source`'s derivatives (not created): from its
    /// remembered hash when its length and time are unchanged, else by
    /// reading it.
    pub fn entry(&self, source: &Path) -> std::io::Result<PathBuf> {
        let m = std::fs::metadata(source)?;
        let (len, mtime) = (m.len(), mtime_ns(&m));
        let hash = match self.index.get(source) {
            Some(s) if s.len == len && s.mtime_ns == mtime => s.hash,
            _ => xxhash_rust::xxh3::xxh3_128(&std::fs::read(source)?),
        };
        let stamp = Stamp {
            len,
            mtime_ns: mtime,
            hash,
            used: self.now,
        };
        if let Ok(mut u) = self.used.lock() {
            u.insert(source.to_path_buf(), stamp);
        }
        Ok(self.dir.join(entry_name(hash, self.key)))
    }

    /// Write `bytes` as `dir/name` atomically (a temporary file renamed in).
    pub fn store(&self, dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let n = self.tmp.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        let done = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            drop(f);
            std::fs::rename(&tmp, dir.join(name))
        })();
        if done.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        done
    }

    /// After a build: remember the hashes used, and remove entries no
    /// build used for a week. Failures only cost a slower next build.
    pub fn finish(&self) {
        let Ok(used) = self.used.lock() else { return };
        if used.is_empty() && self.index.is_empty() {
            return;
        }
        let mut keep: HashMap<&Path, Stamp> = self
            .index
            .iter()
            .filter(|(_, s)| self.now.saturating_sub(s.used) < KEEP.as_secs())
            .map(|(p, s)| (p.as_path(), *s))
            .collect();
        keep.extend(used.iter().map(|(p, s)| (p.as_path(), *s)));
        let mut lines: Vec<String> = keep
            .iter()
            .map(|(p, s)| {
                format!(
                    "{}\t{}\t{:032x}\t{}\t{}\n",
                    s.len,
                    s.mtime_ns,
                    s.hash,
                    s.used,
                    p.display()
                )
            })
            .collect();
        lines.sort();
        if self
            .store(&self.dir, INDEX, lines.concat().as_bytes())
            .is_err()
        {
            return;
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
            if old && e.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}

fn entry_name(hash: u128, key: u64) -> String {
    format!("{hash:032x}-{key:016x}")
}

fn parse_index(s: &str) -> HashMap<PathBuf, Stamp> {
    s.lines()
        .filter_map(|l| {
            let mut f = l.splitn(5, '\t');
            let len = f.next()?.parse().ok()?;
            let mtime_ns = f.next()?.parse().ok()?;
            let hash = u128::from_str_radix(f.next()?, 16).ok()?;
            let used = f.next()?.parse().ok()?;
            let path = PathBuf::from(f.next()?);
            Some((
                path,
                Stamp {
                    len,
                    mtime_ns,
                    hash,
                    used,
                },
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_lines_read_back() {
        let s = "12\t34\t000000000000000000000000000000ff\t99\t/a b/c.jpg\nbroken\n";
        let m = parse_index(s);
        assert_eq!(m.len(), 1);
        assert_eq!(m[Path::new("/a b/c.jpg")].hash, 255);
    }
}

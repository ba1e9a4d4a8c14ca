//! The photo cache's index, `<cache_dir>/images/index.tsv`: for each source
//! photo, its length and modification (or change) time when last seen, its content
//! hash, when a build last used it, and what its probe found. A photo whose
//! length and time are unchanged is neither opened nor hashed again, so a
//! warm build reads no photo at all. Read here, at load; written after a
//! build by `render/imagecache.rs`, through `line`. A line that does not
//! parse (an older chiso's, a damaged file) is only a cache miss.

use crate::load::image_probe::{Format, Probe};
use crate::util::idhash::{IdHashMap, path_key};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

pub const INDEX: &str = "index.tsv";

/// What the cache remembers of one source photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The source photo.
    pub path: PathBuf,
    pub len: u64,
    pub mtime_ns: i128,
    pub hash: u128,
    /// Seconds since the epoch when a build last used it.
    pub used: u64,
    /// The probe of a photo without problems (problems are probed anew).
    pub probe: Probe,
}

/// Stamps by the hash of their path (a warm build looks up every photo).
#[derive(Debug, Default)]
pub struct ImageIndex {
    map: IdHashMap<Stamp>,
}

/// The folder of the photo cache under `cache_dir`.
pub fn dir(cache: &Path) -> PathBuf {
    cache.join("images")
}

/// A source's time as the index keeps it: its modification time, or on
/// Unix its status change time when later. A photo edited in place with
/// its size and modification time kept (`exiftool -P`, `touch -r`) still
/// gets a new change time, so it is hashed again, never taken for its
/// old copies.
pub fn mtime_ns(m: &std::fs::Metadata) -> i128 {
    let modified = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec());
        modified.max(changed)
    }
    #[cfg(not(unix))]
    modified
}

impl ImageIndex {
    /// The index under `cache` (empty when there is none).
    pub fn read(cache: &Path) -> ImageIndex {
        let map = std::fs::read_to_string(dir(cache).join(INDEX))
            .map(|s| parse(&s))
            .unwrap_or_default();
        ImageIndex { map }
    }

    /// The remembered stamp of `path`, if its length and time still match.
    pub fn fresh(&self, path: &Path, len: u64, mtime_ns: i128) -> Option<&Stamp> {
        self.get(path)
            .filter(|s| s.len == len && s.mtime_ns == mtime_ns)
    }

    pub fn get(&self, path: &Path) -> Option<&Stamp> {
        self.map.get(&path_key(path)).filter(|s| s.path == path)
    }

    pub fn stamps(&self) -> impl Iterator<Item = &Stamp> {
        self.map.values()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

fn format_code(f: Format) -> &'static str {
    match f {
        Format::Jpeg => "jpeg",
        Format::Png => "png",
        Format::Gif => "gif",
        Format::Webp => "webp",
        Format::Svg => "svg",
        Format::Heif => "heif",
        Format::Other => "other",
    }
}

fn format_of(code: &str) -> Option<Format> {
    Some(match code {
        "jpeg" => Format::Jpeg,
        "png" => Format::Png,
        "gif" => Format::Gif,
        "webp" => Format::Webp,
        "svg" => Format::Svg,
        "heif" => Format::Heif,
        "other" => Format::Other,
        _ => return None,
    })
}

/// One index line (with its newline).
pub fn line(s: &Stamp) -> String {
    let p = &s.probe;
    format!(
        "{}\t{}\t{:032x}\t{}\t{}\t{}\t{}\t{}\t{}\n",
        s.len,
        s.mtime_ns,
        s.hash,
        s.used,
        format_code(p.format),
        p.width,
        p.height,
        p.orientation,
        s.path.display()
    )
}

fn parse_line(l: &str) -> Option<Stamp> {
    let mut f = l.splitn(9, '\t');
    let len = f.next()?.parse().ok()?;
    let mtime_ns = f.next()?.parse().ok()?;
    let hash = u128::from_str_radix(f.next()?, 16).ok()?;
    let used = f.next()?.parse().ok()?;
    let format = format_of(f.next()?)?;
    let width = f.next()?.parse().ok()?;
    let height = f.next()?.parse().ok()?;
    let orientation: u8 = f.next()?.parse().ok()?;
    let path = PathBuf::from(f.next()?);
    let probe = Probe {
        format,
        width,
        height,
        orientation: orientation.clamp(1, 8),
        problem: None,
        svg_script: false,
    };
    Some(Stamp {
        path,
        len,
        mtime_ns,
        hash,
        used,
        probe,
    })
}

fn parse(s: &str) -> IdHashMap<Stamp> {
    let mut m = IdHashMap::with_capacity_and_hasher(s.len() / 80, Default::default());
    for stamp in s.lines().filter_map(parse_line) {
        m.insert(path_key(&stamp.path), stamp);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_lines_read_back_and_odd_lines_are_misses() {
        let stamp = Stamp {
            path: PathBuf::from("/a b/c.jpg"),
            len: 12,
            mtime_ns: 34,
            hash: 255,
            used: 99,
            probe: Probe {
                format: Format::Jpeg,
                width: 4000,
                height: 3000,
                orientation: 6,
                problem: None,
                svg_script: false,
            },
        };
        let written = line(&stamp);
        // An older chiso's five-field line, and a broken one.
        let old = "12\t34\t000000000000000000000000000000ff\t99\t/d.jpg\n";
        let m = parse(&format!("{written}{old}broken\n"));
        let index = ImageIndex { map: m };
        assert_eq!(index.len(), 1);
        assert_eq!(index.get(Path::new("/a b/c.jpg")), Some(&stamp));
        assert!(index.fresh(Path::new("/a b/c.jpg"), 12, 34).is_some());
        assert!(index.fresh(Path::new("/a b/c.jpg"), 12, 35).is_none());
        assert!(index.fresh(Path::new("/a b/c.jpg"), 13, 34).is_none());
    }
}

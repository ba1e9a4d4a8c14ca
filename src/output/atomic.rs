//! Writing a file so that no reader ever sees half of it: the bytes go to
//! `.<name>.<pid>.<n>.tmp` beside it, which is then renamed over it (and
//! removed if anything fails). Used by the caches and the photo manifest.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

static TEMP: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` as `dir/name` atomically, creating `dir` first.
pub fn write_in(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let n = TEMP.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let done = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, dir.join(name)));
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done
}

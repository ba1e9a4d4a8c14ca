//! Write stage: render into a fresh sibling folder, then swap it into place
//! (swap.rs). A failed build never touches the previous output; builds of
//! one output exclude each other (lock.rs); chiso never deletes a folder it
//! did not create (it carries a marker file).

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::output::carry::Carry;
use crate::output::lock::{self, OutputLock};
use crate::output::sink::{CarriedGroup, OutputFile, Sink, link_group};
use crate::output::swap::{self, io};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use crate::output::paths::{
    MARKER, SERVE_MARKER_TEXT, STAGING, absolute, check_serve_target, check_target, safe_rel,
};
pub use crate::output::swap::remove_old;

/// A fresh folder beside the output that the build writes into; swapped in
/// by `commit` only when the build succeeded.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    aside: PathBuf,
    made: Mutex<HashSet<PathBuf>>,
    carry: Option<Carry>,
    _lock: OutputLock,
}

impl Staging {
    /// Check the target, take the output's lock (waiting for another build
    /// unless `no_wait`), repair what interrupted builds left, and create
    /// the staging folder (with its `STAGING` marker first).
    pub fn create(root: &Path, out: &Path, no_wait: bool) -> Result<Staging, Diagnostic> {
        check_target(root, out)?;
        let out = absolute(out);
        let parent = out.parent().unwrap_or(Path::new("/")).to_path_buf();
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        std::fs::create_dir_all(&parent)
            .map_err(|e| io(&parent, "create the output's parent folder", e))?;
        let lock = lock::acquire(&out, no_wait)?;
        swap::recover(&out)?;
        // What recovery left in place must be ours, too.
        check_target(root, &out)?;
        // A mount point cannot be swapped: say so before rendering anything.
        not_a_mount_point(&out)?;
        // Zero-padded nanoseconds first: names sort by age.
        let stamp = format!("{:020}-{}", swap::nanos(), std::process::id());
        let dir = parent.join(format!(".{name}.chiso-new-{stamp}"));
        std::fs::create_dir(&dir).map_err(|e| io(&dir, "create a staging folder", e))?;
        // A crash here leaves an empty folder of this name shape, which the
        // next build removes (swap::leftovers).
        swap::crash_point("created");
        if let Err(e) = std::fs::write(dir.join(STAGING), "") {
            let _ = std::fs::remove_dir(&dir);
            return Err(io(&dir, "write the staging marker", e));
        }
        Ok(Staging {
            aside: parent.join(format!(".{name}.chiso-old-{stamp}")),
            out,
            dir,
            made: Mutex::new(HashSet::new()),
            carry: None,
            _lock: lock,
        })
    }

    /// Carry `folder` over from the last output where it has the same
    /// files (see carry.rs); call before anything is written.
    pub fn carry_folder(&mut self, folder: &str) {
        let complete = self.out.join(MARKER).is_file() && !self.out.join(STAGING).exists();
        self.carry = Some(Carry::read(&self.out, folder, complete));
    }

    fn target(&self, path: &str) -> Result<PathBuf, Diagnostic> {
        if !safe_rel(path) {
            return Err(Diagnostic::error(
                codes::BAD_SLUG,
                PathBuf::from(path),
                msg!(m::OUT_OUTSIDE),
            )
            .hint(msg!(m::OUT_OUTSIDE_HINT)));
        }
        let full = self.dir.join(path);
        if let Some(parent) = full.parent() {
            let known = self
                .made
                .lock()
                .map(|m| m.contains(parent))
                .unwrap_or(false);
            if !known {
                std::fs::create_dir_all(parent).map_err(|e| io(parent, "create a folder", e))?;
                if let Ok(mut m) = self.made.lock() {
                    m.insert(parent.to_path_buf());
                }
            }
        }
        Ok(full)
    }

    /// Publish the finished folder: its marker is written last, the top-level
    /// entries named in `keep` (site.yaml `keep_in_output`) are carried over
    /// from the old output, and the two are exchanged atomically. The old
    /// output is deleted in the background. The lock is released on return.
    pub fn commit(self, keep: &[String]) -> Result<(), Diagnostic> {
        swap::publish(&self.dir, &self.out, &self.aside, keep, self.carry.as_ref())
    }

    /// The build failed: drop what was written; the output is untouched.
    pub fn abandon(self) {
        swap::remove_tree(&self.dir);
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let full = self.target(&file.path)?;
        std::fs::write(&full, &file.bytes).map_err(|e| io(&full, "write", e))
    }

    fn copy(&self, from: &Path, to: &str) -> Result<(), Diagnostic> {
        let full = self.target(to)?;
        std::fs::copy(from, &full)
            .map(|_| ())
            .map_err(|e| io(&full, "copy a static file", e))
    }

    fn link(&self, from: &Path, to: &str) -> Result<(), Diagnostic> {
        let full = self.target(to)?;
        // Another file system (or no hard links there): copy instead.
        std::fs::hard_link(from, &full)
            .or_else(|_| std::fs::copy(from, &full).map(|_| ()))
            .map_err(|e| io(&full, "link or copy a static file", e))
    }

    fn holds(&self, group: &CarriedGroup) -> bool {
        self.carry
            .as_ref()
            .is_some_and(|c| c.holds_all(group) && c.has(group))
    }

    fn carry(&self, group: &CarriedGroup) -> Result<(), Diagnostic> {
        match &self.carry {
            Some(c) if c.holds_all(group) && c.note(group) => Ok(()),
            _ => link_group(self, group),
        }
    }
}

/// E0601 if `out` is a mount point, which a build cannot swap (mount.rs);
/// `check` says so too.
pub fn not_a_mount_point(out: &Path) -> Result<(), Diagnostic> {
    let out = absolute(out);
    match out.is_dir() && crate::output::mount::is_mount_point(&out) {
        true => Err(crate::output::mount::refused(&out)),
        false => Ok(()),
    }
}

/// Before `serve` replaces its folder `out`: with `lock` (an explicit
/// `--output`), take the folder's lock without waiting, so that no build
/// publishes it while serve writes; then refuse what serve must not replace
/// (`check_serve_target`).
pub fn serve_output(root: &Path, out: &Path, lock: bool) -> Result<Option<OutputLock>, Diagnostic> {
    let held = if lock {
        let abs = absolute(out);
        let parent = abs.parent().unwrap_or(Path::new("/"));
        check_target(root, out)?;
        std::fs::create_dir_all(parent)
            .map_err(|e| io(parent, "create the output's parent folder", e))?;
        Some(lock::acquire(&abs, true)?)
    } else {
        None
    };
    if out.exists() {
        check_serve_target(root, out)?;
    }
    Ok(held)
}

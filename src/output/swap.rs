//! Publishing a finished staging folder, and putting things right after a
//! build that died half-way.
//!
//! The steps of a commit, each a crash point (see `crash_point`):
//!
//! 1. `rendered`: every page is in `.<out>.chiso-new-<stamp>`, which holds
//!    `STAGING` since its creation. The keep list is written into
//!    `STAGING` (the journal), then `MARKER`, last of all files.
//! 0. A carried folder (carry.rs) puts its new files into the old output's
//!    copy (`carrying` after the first), which then counts as a kept
//!    entry below.
//! 2. `marked`: the folder is complete. Each kept entry (`keep_in_output`)
//!    is moved from the old output into it (`keeping` after the first).
//! 3. `kept`: the new folder and the old output are exchanged in one
//!    `renameat2(RENAME_EXCHANGE)`; where that is not available, the old
//!    output is renamed aside (`aside`) and the new one renamed in.
//! 4. `exchanged`: `STAGING` is removed from the published folder; the
//!    carried folder drops what no page names and gets its manifest.
//! 5. `published`: the old copy is handed to a detached `__remove-old`.
//!
//! `recover` runs under the output's lock before every build and undoes or
//! finishes whatever a crash left: it never deletes the last complete copy
//! and brings kept entries back into the output.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::output::carry::Carry;
use crate::output::paths::{MARKER, MARKER_TEXT, STAGING};
use std::path::{Path, PathBuf};

/// Files of the deploy that an output holds and chiso does not write, kept
/// like `keep_in_output` entries whether listed or not (GitHub Pages'
/// custom domain, its "no Jekyll" switch, ACME and security.txt): a
/// silent deletion of one takes a site off its domain.
pub const DEPLOY_FILES: &[&str] = &["CNAME", ".nojekyll", ".well-known"];

/// Test hooks, read only when set (nothing else changes):
/// `CHISO_TEST_CRASH_AT=<step>` aborts the process at that step of the swap
/// (steps named in this module's documentation); `CHISO_TEST_PAUSE_AT=<step>`
/// sleeps 600 ms there, so tests can make builds overlap for certain.
pub fn crash_point(step: &str) {
    if std::env::var_os("CHISO_TEST_CRASH_AT").is_some_and(|v| v == step) {
        std::process::abort();
    }
    if std::env::var_os("CHISO_TEST_PAUSE_AT").is_some_and(|v| v == step) {
        std::thread::sleep(std::time::Duration::from_millis(600));
    }
}

/// Test hook: `CHISO_TEST_SWAP=rename` uses the two-rename fallback even
/// where an atomic exchange exists, so tests cover both paths.
fn forced_rename() -> bool {
    std::env::var_os("CHISO_TEST_SWAP").is_some_and(|v| v == "rename")
}

pub fn io(path: &Path, what: &str, e: std::io::Error) -> Diagnostic {
    let what = match m::step(what) {
        Some(entry) => m::Arg::Msg(crate::diag::Msg::new(entry, Vec::new())),
        None => m::text(what),
    };
    let hint = io_hint(&e);
    Diagnostic::error(codes::IO, path, msg!(m::OUT_IO, what = what, reason = &e)).hint(hint)
}

/// The hint for an I/O error by its real cause: disk space only when the
/// disk is full (an output that is a mount point, a read-only or another
/// file system once all said "check free disk space").
fn io_hint(e: &std::io::Error) -> crate::diag::Msg {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => msg!(m::TRUST_IO_FULL_HINT),
        K::ResourceBusy => msg!(m::TRUST_IO_BUSY_HINT),
        K::ReadOnlyFilesystem => msg!(m::TRUST_IO_READONLY_HINT),
        K::PermissionDenied => msg!(m::TRUST_IO_PERMISSION_HINT),
        K::CrossesDevices => msg!(m::TRUST_IO_XDEV_HINT),
        _ => msg!(m::OUT_IO_HINT),
    }
}

/// Swap `a` and `b` atomically. `Ok(false)`: not supported here (other
/// systems, some file systems), use two renames.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    if forced_rename() {
        return Ok(false);
    }
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::NOTSUP => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "macos")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    let _ = forced_rename();
    Ok(false)
}

fn exists(p: &Path) -> bool {
    p.symlink_metadata().is_ok()
}

/// Move each kept entry of `from` into `to`. Returns the names moved and
/// the error that stopped it, if any.
fn move_kept(from: &Path, to: &Path, keep: &[String]) -> (Vec<String>, Option<Diagnostic>) {
    let mut moved: Vec<String> = Vec::new();
    for name in keep {
        if !exists(&from.join(name)) {
            continue;
        }
        if let Err(e) = std::fs::rename(from.join(name), to.join(name)) {
            let d = io(&from.join(name), "carry a kept file into the new output", e);
            return (moved, Some(d));
        }
        moved.push(name.clone());
        if moved.len() == 1 {
            crash_point("keeping");
        }
    }
    (moved, None)
}

/// Move kept entries back; `false` if one is still in `from` (then `from`
/// must not be deleted).
fn move_back(from: &Path, to: &Path, names: &[String]) -> bool {
    let mut all = true;
    for name in names {
        if exists(&from.join(name)) {
            all &=
                !exists(&to.join(name)) && std::fs::rename(from.join(name), to.join(name)).is_ok();
        }
    }
    all
}

/// Publish the finished folder `new` as `out`; `aside` is where the old
/// output goes when there is no atomic exchange. See the module comment.
pub fn publish(
    new: &Path,
    out: &Path,
    aside: &Path,
    keep: &[String],
    carry: Option<&Carry>,
) -> Result<(), Diagnostic> {
    crash_point("rendered");
    let fail = |d: Diagnostic| {
        dispose(new);
        Err(d)
    };
    // The carried folder's new files go into the old output's folder,
    // which then moves across like a kept entry (carry.rs).
    let mut keep = keep.to_vec();
    let carried = match carry.map(|c| c.before_marker(new, out, &|| crash_point("carrying"))) {
        Some(Ok(Some(files))) => {
            keep.extend(carry.map(|c| c.folder.clone()));
            Some(files)
        }
        Some(Err(e)) => return fail(io(out, "carry the photo folder into the new output", e)),
        _ => None,
    };
    // What deploy targets need is kept by default, unless this build
    // writes it itself (then the build's own wins).
    for name in DEPLOY_FILES {
        let wanted = exists(&out.join(name)) && !exists(&new.join(name));
        if wanted && !keep.iter().any(|k| k == name) {
            keep.push(name.to_string());
        }
    }
    let keep = &keep[..];
    if let Err(e) = std::fs::write(new.join(STAGING), keep.join("\n"))
        .and_then(|_| std::fs::write(new.join(MARKER), MARKER_TEXT))
    {
        return fail(io(new, "write the marker file", e));
    }
    crash_point("marked");
    if let Some(name) = keep.iter().find(|k| exists(&new.join(k))) {
        return fail(
            Diagnostic::error(
                codes::OUTPUT_DIR,
                crate::load::config::FILE,
                msg!(m::OUT_KEEP_WRITTEN, name = name),
            )
            .hint(msg!(m::OUT_KEEP_WRITTEN_HINT)),
        );
    }
    let had_old = exists(out);
    let (moved, err) = if had_old {
        move_kept(out, new, keep)
    } else {
        (Vec::new(), None)
    };
    // Put kept entries back before giving up `new`; if one stays there,
    // keep `new` too, for `recover` to retry from its journal.
    let undo = |d: Diagnostic| {
        if move_back(new, out, &moved) {
            fail(d)
        } else {
            Err(d)
        }
    };
    if let Some(d) = err {
        return undo(d);
    }
    crash_point("kept");
    let old_at = match swap_in(new, out, aside, had_old) {
        Ok(o) => o,
        Err(d) => return undo(d),
    };
    crash_point("exchanged");
    // The site is published; should this fail, the next build's
    // `recover` removes the stray marker.
    let _ = std::fs::remove_file(out.join(STAGING));
    if let (Some(c), Some(files)) = (carry, &carried) {
        c.after_exchange(out, files);
    }
    crash_point("published");
    if let Some(old) = old_at {
        dispose(&old);
    }
    Ok(())
}

/// Put `new` in `out`'s place; returns where the old output now is.
fn swap_in(
    new: &Path,
    out: &Path,
    aside: &Path,
    had_old: bool,
) -> Result<Option<PathBuf>, Diagnostic> {
    if !had_old {
        return std::fs::rename(new, out)
            .map(|_| None)
            .map_err(|e| io(out, "move the new output into place", e));
    }
    match exchange(new, out) {
        Ok(true) => return Ok(Some(new.to_path_buf())),
        Ok(false) => {}
        Err(e) => return Err(io(out, "exchange the new output with the old one", e)),
    }
    std::fs::rename(out, aside).map_err(|e| io(out, "move the previous output aside", e))?;
    crash_point("aside");
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(aside, out);
        return Err(io(out, "move the new output into place", e));
    }
    Ok(Some(aside.to_path_buf()))
}

/// A complete site: the marker, and not (or no longer) being written.
fn complete(p: &Path) -> bool {
    p.join(MARKER).is_file() && !exists(&p.join(STAGING))
}

/// Complete, but crashed before or during the swap: its journal lists the
/// kept entries that may have been moved into it.
fn ready(p: &Path) -> bool {
    p.join(MARKER).is_file() && p.join(STAGING).is_file()
}

fn journal(p: &Path) -> Vec<String> {
    std::fs::read_to_string(p.join(STAGING))
        .unwrap_or_default()
        .lines()
        .filter(|l| crate::load::config::valid_keep_name(l))
        .map(str::to_string)
        .collect()
}

/// The stamp of a set-aside folder, for "newest first".
fn stamp(p: &Path) -> String {
    let name = p.file_name().unwrap_or_default().to_string_lossy();
    name.rsplit(".chiso-")
        .next()
        .map(|s| s.trim_start_matches("new-").trim_start_matches("old-"))
        .unwrap_or_default()
        .to_string()
}

/// Undo or finish what an interrupted build left next to `out`. Runs under
/// the output's lock, so every leftover belongs to a dead build (or to a
/// detached `__remove-old`, which deletes only what was already given up).
pub fn recover(out: &Path) -> Result<(), Diagnostic> {
    let mut left = leftovers(out);
    if ready(out) {
        // Crashed after the swap, before the staging marker went.
        std::fs::remove_file(out.join(STAGING))
            .map_err(|e| io(out, "finish an interrupted swap", e))?;
    }
    if !exists(out) {
        left.sort_by_key(|p| std::cmp::Reverse(stamp(p)));
        let pick = left
            .iter()
            .position(|p| ready(p))
            .or_else(|| left.iter().position(|p| complete(p)));
        if let Some(i) = pick {
            let p = left.remove(i);
            std::fs::rename(&p, out).map_err(|e| io(out, "restore the last complete output", e))?;
            if exists(&out.join(STAGING)) {
                std::fs::remove_file(out.join(STAGING))
                    .map_err(|e| io(out, "finish an interrupted swap", e))?;
            }
        }
    }
    let mut stuck = None;
    for p in &left {
        if ready(p) && exists(out) && !move_back(p, out, &journal(p)) {
            // Never delete a kept entry: leave this copy and say so.
            stuck = Some(p.clone());
            continue;
        }
        dispose(p);
    }
    match stuck {
        None => Ok(()),
        Some(p) => Err(Diagnostic::error(codes::IO, &p, msg!(m::OUT_KEPT_STUCK))
            .hint(msg!(m::OUT_KEPT_STUCK_HINT))),
    }
}

/// Whether `p` is a folder chiso set aside (or was writing) and may delete.
pub fn is_disposable(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A link named like one is not ours: deleting through it would empty
    // whatever it points at.
    name.starts_with('.')
        && p.symlink_metadata().is_ok_and(|m| m.is_dir())
        && (name.contains(".chiso-old-") || name.contains(".chiso-new-"))
        && (p.join(MARKER).is_file() || p.join(STAGING).is_file())
}

/// Give up a set-aside folder: first, here and now, it stops being a
/// complete copy (its marker becomes `STAGING`), so no later recovery can
/// publish it half-deleted; then a detached `chiso __remove-old` deletes it
/// without making the build wait (deleting 10,000 folders costs seconds of
/// kernel time on ext4). If that cannot start, delete here.
pub fn dispose(old: &Path) {
    if !old.join(MARKER).is_file() && !old.join(STAGING).is_file() {
        // An empty folder that stood where the output goes; nothing else
        // without a marker is ever deleted.
        let _ = std::fs::remove_dir(old);
        return;
    }
    if old.join(MARKER).is_file() {
        let gone = if exists(&old.join(STAGING)) {
            std::fs::remove_file(old.join(MARKER))
        } else {
            std::fs::rename(old.join(MARKER), old.join(STAGING))
        };
        if gone.is_err() {
            return;
        }
    }
    let spawned = std::env::current_exe().ok().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("__remove-old")
            .arg(old)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()
    });
    match spawned {
        // Not waited for on purpose; the child outlives the build.
        Some(child) => drop(child),
        None => {
            remove_tree(old);
        }
    }
}

/// Delete a folder, its markers last, so that an interrupted deletion
/// still leaves a folder the next build recognises as its own.
pub fn remove_tree(p: &Path) -> bool {
    if let Ok(rd) = std::fs::read_dir(p) {
        for e in rd.filter_map(|e| e.ok()) {
            let name = e.file_name();
            if name == MARKER || name == STAGING {
                continue;
            }
            let path = e.path();
            let _ = match e.file_type() {
                Ok(t) if t.is_dir() => std::fs::remove_dir_all(&path),
                _ => std::fs::remove_file(&path),
            };
        }
    }
    let _ = std::fs::remove_file(p.join(MARKER));
    let _ = std::fs::remove_file(p.join(STAGING));
    std::fs::remove_dir(p).is_ok()
}

/// The body of `chiso __remove-old DIR`: delete DIR if chiso set it aside.
pub fn remove_old(p: &Path) -> bool {
    is_disposable(p) && remove_tree(p)
}

/// Set-aside and staging folders next to `out` (sorted).
pub fn leftovers(out: &Path) -> Vec<PathBuf> {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return Vec::new();
    };
    let prefix = format!(".{}.chiso-", name.to_string_lossy());
    let Ok(rd) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                && is_disposable(p)
        })
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::lang::Lang;

    fn hint_of(kind: std::io::ErrorKind) -> String {
        let d = io(Path::new("output"), "x", std::io::Error::from(kind));
        d.hint.map(|h| h.render(Lang::En)).unwrap_or_default()
    }

    #[test]
    fn an_output_that_is_a_mount_point_is_not_called_a_full_disk() {
        use std::io::ErrorKind as K;
        let busy = hint_of(K::ResourceBusy);
        assert!(busy.contains("mount point"), "{busy}");
        assert!(!busy.contains("disk space"), "{busy}");
        assert!(hint_of(K::StorageFull).contains("disk"));
        assert!(hint_of(K::ReadOnlyFilesystem).contains("read-only"));
        assert!(!hint_of(K::PermissionDenied).contains("disk space"));
    }
}

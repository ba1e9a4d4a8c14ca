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
//! 5. `published`: the old copy is handed to a detached `__remove-old`,
//!    which renames it `.<out>.chiso-del-<stamp>-<its pid>` before deleting
//!    it (`emptied`: after its last file, before the folder itself).
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
/// where an atomic exchange exists, so tests cover both paths;
/// `CHISO_TEST_SWAP=busy` makes the exchange fail with EBUSY, as an output
/// that is a mount point does (tests without the right to mount).
fn forced_rename() -> bool {
    std::env::var_os("CHISO_TEST_SWAP").is_some_and(|v| v == "rename")
}

fn forced_busy() -> std::io::Result<()> {
    match std::env::var_os("CHISO_TEST_SWAP").is_some_and(|v| v == "busy") {
        true => Err(std::io::ErrorKind::ResourceBusy.into()),
        false => Ok(()),
    }
}

pub fn io(path: &Path, what: &str, e: std::io::Error) -> Diagnostic {
    let what = match m::step(what) {
        Some(entry) => m::Arg::Msg(crate::diag::Msg::new(entry, Vec::new())),
        None => m::text(what),
    };
    let hint = io_hint(&e);
    Diagnostic::error(codes::IO, path, msg!(m::OUT_IO, what = what, reason = &e)).hint(hint)
}

/// The hint for an I/O error at the output by its real cause (disk space
/// only when the disk is full: catalog::io_hint).
fn io_hint(e: &std::io::Error) -> crate::diag::Msg {
    m::io_hint(e, m::IoPlace::Output, msg!(m::OUT_IO_HINT))
}

/// Swap `a` and `b` atomically. `Ok(false)`: not supported here (other
/// systems, some file systems), use two renames.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    forced_busy()?;
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
    forced_busy()?;
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
    // EBUSY: `out` is a mount point that was not found as one before.
    let busy = |e: &std::io::Error| e.kind() == std::io::ErrorKind::ResourceBusy;
    match exchange(new, out) {
        Ok(true) => return Ok(Some(new.to_path_buf())),
        Ok(false) => {}
        Err(e) if busy(&e) => return Err(crate::output::mount::refused(out)),
        Err(e) => return Err(io(out, "exchange the new output with the old one", e)),
    }
    std::fs::rename(out, aside).map_err(|e| match busy(&e) {
        true => crate::output::mount::refused(out),
        false => io(out, "move the previous output aside", e),
    })?;
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

/// Whether `p` is a folder chiso set aside (or was writing) and may delete:
/// a real folder (never a link: deleting through one would empty whatever
/// it points at) of its own name shape, holding one of its markers, and not
/// being deleted right now by a live `__remove-old` (`.chiso-del-`).
pub fn is_disposable(p: &Path) -> bool {
    let Some((kind, pid)) = own_shape(p) else {
        return false;
    };
    p.symlink_metadata().is_ok_and(|m| m.is_dir())
        && (p.join(MARKER).is_file() || p.join(STAGING).is_file())
        && (kind != "del" || !alive(pid))
}

/// A folder of chiso's own name shape with nothing in it, whose maker is
/// gone: what a build killed between creating its staging folder and
/// writing the marker leaves, or a deleter killed after its last file.
/// Removing it (`remove_dir`, which removes only empty folders) is safe.
fn is_empty_own(p: &Path) -> bool {
    own_shape(p).is_some_and(|(_, pid)| !alive(pid))
        && p.symlink_metadata().is_ok_and(|m| m.is_dir())
        && std::fs::read_dir(p).is_ok_and(|mut rd| rd.next().is_none())
}

/// `.<out>.chiso-<kind>-<20 digits>-<pid>`: the kind (`new`, `old`, `del`)
/// and the process that made it.
fn own_shape(p: &Path) -> Option<(&'static str, u32)> {
    let name = p.file_name()?.to_str()?;
    let at = name.rfind(".chiso-")?;
    if !name.starts_with('.') || at == 0 {
        return None;
    }
    let rest = &name[at + ".chiso-".len()..];
    let (kind, rest) = ["new", "old", "del"]
        .into_iter()
        .find_map(|k| rest.strip_prefix(k)?.strip_prefix('-').map(|r| (k, r)))?;
    let (nanos, pid) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (nanos.len() == 20 && digits(nanos) && digits(pid)).then_some((kind, pid.parse().ok()?))
}

/// Whether process `pid` still runs (when unsure, it does).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
fn alive(_: u32) -> bool {
    true
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
            remove_old(old);
        }
    }
}

/// Delete a folder, its markers last and only once everything else is
/// gone, so that an interrupted or failed deletion still leaves a folder
/// the next build recognises as its own.
pub fn remove_tree(p: &Path) -> bool {
    let mut all = true;
    if let Ok(rd) = std::fs::read_dir(p) {
        for e in rd.filter_map(|e| e.ok()) {
            let name = e.file_name();
            if name == MARKER || name == STAGING {
                continue;
            }
            let path = e.path();
            all &= match e.file_type() {
                Ok(t) if t.is_dir() => std::fs::remove_dir_all(&path),
                _ => std::fs::remove_file(&path),
            }
            .is_ok();
        }
    }
    if !all {
        return false;
    }
    let _ = std::fs::remove_file(p.join(MARKER));
    let _ = std::fs::remove_file(p.join(STAGING));
    crash_point("emptied");
    std::fs::remove_dir(p).is_ok()
}

/// The body of `chiso __remove-old DIR`: delete DIR if chiso set it aside.
/// It is first renamed to `.<out>.chiso-del-<stamp>-<this pid>`, so that of
/// two deleters given one folder (a build's, and the next build's recovery
/// while the first still runs) one deletes it and the other stops, rather
/// than both racing through it and leaving a half-deleted folder.
pub fn remove_old(p: &Path) -> bool {
    if !is_disposable(p) {
        return false;
    }
    let (Some(parent), Some(name)) = (p.parent(), p.file_name().and_then(|n| n.to_str())) else {
        return false;
    };
    let Some(at) = name.rfind(".chiso-") else {
        return false;
    };
    let stamp = format!("{:020}-{}", nanos(), std::process::id());
    let claimed = parent.join(format!("{}.chiso-del-{stamp}", &name[..at]));
    std::fs::rename(p, &claimed).is_ok() && remove_tree(&claimed)
}

/// Nanoseconds since 1970, zero-padded in names so that they sort by age.
pub fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
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
                && (is_disposable(p) || is_empty_own(p))
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
    fn only_names_of_chisos_own_shape_are_taken_as_its_folders() {
        let shape = |n: &str| own_shape(Path::new(n));
        assert_eq!(
            shape(".output.chiso-new-01796671377602316369-42"),
            Some(("new", 42))
        );
        assert_eq!(
            shape(".a.b.chiso-del-01796671377602316369-7"),
            Some(("del", 7))
        );
        for bad in [
            "output.chiso-new-01796671377602316369-42",
            ".output.chiso-new-1796671377602316369-42",
            ".output.chiso-new-01796671377602316369-",
            ".output.chiso-new-01796671377602316369-4x",
            ".output.chiso-lock",
            ".output.chiso-tmp-01796671377602316369-42",
            ".chiso-new-01796671377602316369-42",
        ] {
            assert_eq!(shape(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_output_that_is_a_mount_point_is_not_called_a_full_disk() {
        use std::io::ErrorKind as K;
        let busy = hint_of(K::ResourceBusy);
        assert!(busy.contains("mount"), "{busy}");
        assert!(!busy.contains("disk space"), "{busy}");
        assert!(hint_of(K::StorageFull).contains("disk"));
        assert!(hint_of(K::ReadOnlyFilesystem).contains("read-only"));
        assert!(!hint_of(K::PermissionDenied).contains("disk space"));
    }
}

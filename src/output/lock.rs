//! One build per output folder at a time: an advisory lock (`flock`; on
//! Windows `LockFileEx`) on `.<out-name>.chiso-lock` next to the output. The kernel releases it when
//! the process ends, however it ends, so a crashed build never blocks the
//! next one. The lock file itself is never deleted (deleting a lock file
//! lets two processes lock two different files).

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Held for as long as the build may touch the output or its siblings.
pub struct OutputLock {
    #[allow(dead_code)] // kept open: closing the file releases the lock
    file: File,
}

/// The lock file of output folder `out` (an absolute path with a parent).
pub fn lock_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.parent()
        .unwrap_or(Path::new("/"))
        .join(format!(".{name}.chiso-lock"))
}

/// Take the lock of `out`. If another build holds it, wait (saying so on
/// one line) or, with `no_wait`, fail with `E0602`.
pub fn acquire(out: &Path, no_wait: bool) -> Result<OutputLock, Diagnostic> {
    let path = lock_path(out);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| {
            let hint = m::io_hint(&e, m::IoPlace::Output, msg!(m::LOCK_OPEN_HINT));
            Diagnostic::error(codes::IO, &path, msg!(m::LOCK_OPEN, reason = &e)).hint(hint)
        })?;
    if try_lock(&file).map_err(|e| lock_error(&path, e))? {
        return Ok(OutputLock { file });
    }
    if no_wait {
        return Err(
            Diagnostic::error(codes::OUTPUT_BUSY, out, msg!(m::LOCK_BUSY))
                .hint(msg!(m::LOCK_BUSY_HINT)),
        );
    }
    eprintln!(
        "{}",
        msg!(m::WAITING, out = out.display()).render(crate::diag::lang::current())
    );
    lock(&file).map_err(|e| lock_error(&path, e))?;
    Ok(OutputLock { file })
}

fn lock_error(path: &Path, e: std::io::Error) -> Diagnostic {
    let hint = m::io_hint(&e, m::IoPlace::Output, msg!(m::LOCK_FAIL_HINT));
    Diagnostic::error(codes::IO, path, msg!(m::LOCK_FAIL, reason = &e)).hint(hint)
}

#[cfg(unix)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use rustix::fs::{FlockOperation, flock};
    match flock(file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(rustix::io::Errno::WOULDBLOCK) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(unix)]
fn lock(file: &File) -> std::io::Result<()> {
    use rustix::fs::{FlockOperation, flock};
    loop {
        match flock(file, FlockOperation::LockExclusive) {
            Err(rustix::io::Errno::INTR) => continue,
            r => return r.map_err(Into::into),
        }
    }
}

// Elsewhere (Windows): std's file lock, `LockFileEx`, the same exclusion
// (released too when the process ends). std has it since Rust 1.89, newer
// than the crate's rust-version: Windows builds need 1.89 (release.yml
// builds with stable).
#[cfg(not(unix))]
#[allow(clippy::incompatible_msrv)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(not(unix))]
#[allow(clippy::incompatible_msrv)]
fn lock(file: &File) -> std::io::Result<()> {
    file.lock()
}

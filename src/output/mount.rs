//! Whether the output folder is a mount point (a tmpfs, a bind mount, a
//! container volume). Such a folder cannot be renamed or exchanged (EBUSY),
//! so a build refuses it before rendering anything, saying why and what to
//! do. Publishing by replacing the folder's entries one by one was judged
//! unsafe: readers of the mount would see a mix of old and new pages while
//! it ran (and after a crash, until the next build), and the staging folder
//! would sit inside the served folder. See README, "The output folder".

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use std::path::Path;

/// E0601 for an output folder that is a mount point: found before a
/// build, or as EBUSY when the swap tries (swap.rs).
pub fn refused(out: &Path) -> Diagnostic {
    Diagnostic::error(
        codes::OUTPUT_DIR,
        out,
        msg!(m::TRUST_OUTPUT_MOUNT, out = out.display()),
    )
    .hint(msg!(m::TRUST_IO_BUSY_HINT))
}

/// Whether `p` (an existing folder) is a mount point.
pub fn is_mount_point(p: &Path) -> bool {
    let Ok(real) = p.canonicalize() else {
        return false;
    };
    let Some(parent) = real.parent() else {
        return true; // `/`
    };
    if other_device(&real, parent) {
        return true;
    }
    // A bind mount of a folder of the same file system keeps its device.
    listed_in_mountinfo(&real)
}

#[cfg(unix)]
fn other_device(p: &Path, parent: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (p.metadata(), parent.metadata()) {
        (Ok(a), Ok(b)) => a.dev() != b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn other_device(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(target_os = "linux")]
fn listed_in_mountinfo(p: &Path) -> bool {
    let Ok(info) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    let want = p.to_string_lossy();
    info.lines()
        .filter_map(|l| l.split(' ').nth(4))
        .any(|m| unescape(m) == want)
}

#[cfg(not(target_os = "linux"))]
fn listed_in_mountinfo(_: &Path) -> bool {
    false
}

/// mountinfo writes space, tab, newline and backslash as `\040` etc.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let oct = b
            .get(i + 1..i + 4)
            .filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
        match (b[i], oct) {
            (b'\\', Some(d)) => {
                out.push((d[0] - b'0') * 64 + (d[1] - b'0') * 8 + (d[2] - b'0'));
                i += 4;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mountinfo_escapes_are_read_back() {
        assert_eq!(unescape(r"/srv/my\040site"), "/srv/my site");
        assert_eq!(unescape(r"/a\134b"), r"/a\b");
        assert_eq!(unescape(r"/plain\9"), r"/plain\9");
    }

    #[test]
    fn a_plain_folder_is_no_mount_point_and_the_root_is_one() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("output")).unwrap();
        assert!(!is_mount_point(&d.path().join("output")));
        assert!(is_mount_point(Path::new("/")));
    }
}

//! Unit tests of `io_hint`: each I/O error's hint names its real cause.
#![cfg(unix)]

use super::*;
use crate::diag::lang::Lang;
use rustix::io::Errno;

fn hint(errno: Errno, place: IoPlace) -> (String, String) {
    let e = std::io::Error::from_raw_os_error(errno.raw_os_error());
    let fallback = msg!(crate::diag::catalog::OUT_IO_HINT);
    let h = io_hint(&e, place, fallback);
    (h.render(Lang::En), h.render(Lang::Vi))
}

#[test]
fn each_io_error_gets_a_hint_about_its_real_cause_and_only_a_full_disk_speaks_of_space() {
    let cases: &[(Errno, &str, &str)] = &[
        (Errno::NOSPC, "full", "đầy"),
        (Errno::DQUOT, "quota", "hạn mức"),
        (Errno::BUSY, "mount", "gắn kết"),
        (Errno::ACCESS, "permission", "quyền"),
        (Errno::PERM, "permission", "quyền"),
        (Errno::ROFS, "read-only", "chỉ cho đọc"),
        (Errno::XDEV, "file system", "hệ thống tệp"),
        (Errno::NAMETOOLONG, "255 bytes", "255 byte"),
        (Errno::LOOP, "symbolic link", "liên kết tượng trưng"),
        (Errno::NOENT, "moved or deleted", "bị chuyển đi"),
    ];
    for place in [IoPlace::Output, IoPlace::Other] {
        for &(errno, en_word, vi_word) in cases {
            let (en, vi) = hint(errno, place);
            assert!(en.contains(en_word), "{errno:?} {place:?}: {en}");
            assert!(vi.contains(vi_word), "{errno:?} {place:?}: {vi}");
            let full = matches!(errno, Errno::NOSPC | Errno::DQUOT);
            assert_eq!(en.contains("disk"), full, "{errno:?} {place:?}: {en}");
            assert_eq!(vi.contains("đĩa"), full, "{errno:?} {place:?}: {vi}");
        }
    }
    // Anything else gets the caller's hint, which says nothing of space.
    let (en, vi) = hint(Errno::IO, IoPlace::Output);
    assert!(!en.contains("disk") && !vi.contains("đĩa"), "{en} / {vi}");
}

#[test]
fn the_output_gets_advice_of_its_own_for_a_mount_point() {
    let (out, _) = hint(Errno::BUSY, IoPlace::Output);
    let (any, _) = hint(Errno::BUSY, IoPlace::Other);
    assert!(out.contains("--output"), "{out}");
    assert!(!any.contains("--output"), "{any}");
}

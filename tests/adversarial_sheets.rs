//! Issue 20, item 16's siblings: an .xls or .ods is bounded *before*
//! calamine opens it. A few kilobytes declaring a huge sheet (.xls) or
//! unpacking to gigabytes (.ods, .xlsx) are refused with a clear error, and
//! the process never aborts on an allocation. Fixtures are the small
//! tables of tests/fixtures/import/, patched in place.

mod common;

use common::{BIN, fixtures};
use std::path::Path;
use std::process::{Command, Output};

fn import(dir: &Path, file: &str) -> Output {
    std::fs::create_dir_all(dir.join("content/data")).unwrap();
    Command::new(BIN)
        .args(["import", "data", file, "--into", "content/data/x.yaml"])
        .env("CHISO_LANG", "en")
        .current_dir(dir)
        .output()
        .unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join("import").join(name)).unwrap()
}

/// Refused with exit 1 (an error, not a signal), nothing written, and the
/// message holds `words`.
#[track_caller]
fn refused(dir: &Path, file: &str, words: &str) {
    let o = import(dir, file);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[E0701]"), "{stderr}");
    assert!(stderr.contains(words), "{stderr}");
    assert!(!dir.join("content/data/x.yaml").exists());
}

#[test]
fn an_xls_declaring_a_million_rows_is_refused_before_it_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut xls = fixture("par-huyen-2022.xls");
    // Every DIMENSIONS record (BIFF8: type 0x0200, 14 bytes) now declares
    // 1,000,000 rows × 16,384 columns: calamine would reserve 655 GB.
    let head = b"\x00\x02\x0e\x00";
    let at: Vec<usize> = (0..xls.len() - 18)
        .filter(|&i| &xls[i..i + 4] == head)
        .collect();
    assert!(!at.is_empty(), "the fixture has a DIMENSIONS record");
    for i in at {
        xls[i + 8..i + 12].copy_from_slice(&1_000_000u32.to_le_bytes());
        xls[i + 14..i + 16].copy_from_slice(&16_384u16.to_le_bytes());
    }
    std::fs::write(dir.path().join("bom.xls"), &xls).unwrap();
    refused(dir.path(), "bom.xls", "1000000 rows × 16384 columns");
    // The fixture itself still imports.
    std::fs::write(dir.path().join("bang.xls"), fixture("par-huyen-2022.xls")).unwrap();
    let o = import(dir.path(), "bang.xls");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn an_ods_whose_part_claims_gigabytes_is_refused_before_it_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut ods = fixture("par-huyen-2022.ods");
    // The central directory's entry for content.xml: its uncompressed size
    // (offset 24) becomes 4 GB.
    let name = b"content.xml";
    let entry = (0..ods.len() - 46)
        .find(|&i| {
            ods[i..i + 4] == *b"PK\x01\x02" && ods.get(i + 46..i + 46 + name.len()) == Some(name)
        })
        .expect("content.xml in the central directory");
    ods[entry + 24..entry + 28].copy_from_slice(&0xF000_0000u32.to_le_bytes());
    std::fs::write(dir.path().join("bom.ods"), &ods).unwrap();
    refused(dir.path(), "bom.ods", "content.xml");
    std::fs::write(dir.path().join("bang.ods"), fixture("par-huyen-2022.ods")).unwrap();
    let o = import(dir.path(), "bang.ods");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

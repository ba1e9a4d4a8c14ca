//! The built sample site is byte-identical to a checked-in digest, so a
//! refactor that changes output by accident fails here. When output changes
//! on purpose, update the digest deliberately (see the failure message).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

const DIGEST: &str = "tests/fixtures/sample-site.digest";

/// The "now" the sample is built at (2026-12-01 00:00 UTC).
const SAMPLE_NOW: &str = "1796083200";

/// FNV-1a, 64 bits: a fingerprint, not a security hash.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Resized photos (WebP and JPEG copies) are fingerprinted by their pixel
/// size only: libwebp and fast_image_resize choose SIMD code at run time, so
/// their bytes may differ on another CPU (they are the same on one machine,
/// whatever the thread count: tests/images.rs checks that).
fn is_photo_copy(path: &str) -> bool {
    [".webp", ".jpg", ".jpeg"].iter().any(|e| path.ends_with(e))
}

/// `path → fingerprint` of every file of a built output folder.
fn fingerprints(out: &Path) -> BTreeMap<String, String> {
    common::snapshot(out)
        .into_iter()
        .map(|(path, bytes)| {
            let path = path.to_string_lossy().replace('\\', "/");
            let print = match chiso::parsers::image_size(&bytes) {
                Some((w, h)) if is_photo_copy(&path) => format!("photo {w}x{h}"),
                _ => format!("{:016x}", fnv1a(&bytes)),
            };
            (path, print)
        })
        .collect()
}

#[test]
fn built_sample_site_matches_the_checked_in_digest() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // The header's date line is the build's "now": pinned, so the digest
    // does not change with the day the test runs.
    let run = std::process::Command::new(common::BIN)
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", SAMPLE_NOW)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let now = fingerprints(&out);
    let text: String = now.iter().map(|(p, h)| format!("{h}  {p}\n")).collect();
    let file = root.join(DIGEST);
    if std::env::var_os("CHISO_UPDATE_DIGEST").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&file).unwrap_or_default();
    let want: BTreeMap<String, String> = want
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(h, p)| (p.to_string(), h.to_string()))
        .collect();
    let mut diff = Vec::new();
    for (p, h) in &now {
        match want.get(p) {
            None => diff.push(format!("new file      {p}")),
            Some(w) if w != h => diff.push(format!("changed       {p}")),
            _ => {}
        }
    }
    diff.extend(
        want.keys()
            .filter(|p| !now.contains_key(*p))
            .map(|p| format!("no longer built {p}")),
    );
    assert!(
        diff.is_empty(),
        "the built sample site differs from {DIGEST}:\n{}\n\nIf this change of output is \
         deliberate, update the digest with\n  CHISO_UPDATE_DIGEST=1 cargo test --test \
         sample_digest\nand commit it with the change that caused it.",
        diff.join("\n")
    );
}

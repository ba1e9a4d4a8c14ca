//! An .xls is checked before calamine opens it. calamine reads every sheet
//! at once and reserves memory for the rows × columns each sheet's
//! DIMENSIONS record declares: a 5 KB file declaring a million rows and
//! 16,384 columns asks for 655 GB and aborts the process, which no
//! `catch_unwind` can stop. So every declared size in the file is read
//! first, and a sheet past the import's limits is refused with a clear error.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::import::limits::{MAX_CELLS, MAX_COLS, MAX_ROWS};
use std::io::Read;
use std::path::Path;

/// Refuse `path` (an .xls, already known to be at most 64 MB) if a sheet
/// declares more rows, columns or cells than an import reads.
pub fn check(path: &Path, shown: &str) -> Result<(), Diagnostic> {
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(()); // calamine says why
    };
    let (rows, cols) = declared(&bytes);
    if rows <= MAX_ROWS && cols <= MAX_COLS && rows * cols <= MAX_CELLS as u64 {
        return Ok(());
    }
    Err(Diagnostic::error(
        codes::IMPORT,
        shown,
        msg!(
            m::TRUST_XLS_DIMENSIONS,
            rows = rows,
            cols = cols,
            max_rows = MAX_ROWS,
            max_cols = MAX_COLS,
            max_cells = MAX_CELLS
        ),
    )
    .hint(msg!(m::TRUST_XLS_DIMENSIONS_HINT)))
}

/// The largest (rows, columns) any DIMENSIONS record declares: found in the
/// raw bytes, and in every stream of the compound file (where a record may
/// be split across sectors).
fn declared(bytes: &[u8]) -> (u64, u64) {
    let mut worst = scan(bytes);
    if let Ok(mut cf) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) {
        let streams: Vec<_> = cf
            .walk()
            .filter(|e| e.is_stream())
            .map(|e| e.path().to_path_buf())
            .collect();
        for p in streams {
            let mut buf = Vec::new();
            if let Ok(s) = cf.open_stream(&p) {
                let _ = s.take(bytes.len() as u64).read_to_end(&mut buf);
            }
            worst = larger(worst, scan(&buf));
        }
    }
    worst
}

fn larger(a: (u64, u64), b: (u64, u64)) -> (u64, u64) {
    let size = |(r, c): (u64, u64)| (r.saturating_mul(c), r, c);
    if size(b) > size(a) { b } else { a }
}

/// Every DIMENSIONS record (type 0x0200, 14 bytes in BIFF8, 10 in BIFF5)
/// in `bytes`, sized as calamine sizes it (its arithmetic wraps).
fn scan(bytes: &[u8]) -> (u64, u64) {
    let mut worst = (0, 0);
    for (head, len) in [(b"\x00\x02\x0e\x00", 14), (b"\x00\x02\x0a\x00", 10)] {
        for at in memchr::memmem::find_iter(bytes, head) {
            let Some(r) = bytes.get(at + 4..at + 4 + len) else {
                continue;
            };
            worst = larger(worst, size_of(r));
        }
    }
    worst
}

/// (rows, columns) of one DIMENSIONS record's data, as calamine's
/// `parse_dimensions` and its `reserve` compute them.
fn size_of(r: &[u8]) -> (u64, u64) {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([r[i], r[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        _ => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    if rl < 1 || cl < 1 {
        return (1, 1);
    }
    let rows = (rl - 1).wrapping_sub(rf).wrapping_add(1);
    let cols = (cl - 1).wrapping_sub(cf).wrapping_add(1);
    (u64::from(rows), u64::from(cols))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
        let mut v = b"\x00\x02\x0e\x00".to_vec();
        for b in [
            &rf.to_le_bytes()[..],
            &rl.to_le_bytes(),
            &cf.to_le_bytes(),
            &cl.to_le_bytes(),
            &[0, 0],
        ] {
            v.extend_from_slice(b);
        }
        v
    }

    #[test]
    fn declared_sizes_are_read_as_calamine_reads_them() {
        assert_eq!(scan(&record(0, 8, 0, 5)), (8, 5));
        assert_eq!(scan(&record(0, 1_000_000, 0, 16_384)), (1_000_000, 16_384));
        // A first row past the last wraps around in calamine's arithmetic.
        assert_eq!(scan(&record(10, 5, 0, 5)).0, u64::from(u32::MAX - 4));
        assert_eq!(scan(&record(0, 0, 0, 0)), (1, 1));
        let mut two = record(0, 8, 0, 5);
        two.extend(record(0, 70_000, 0, 200));
        assert_eq!(scan(&two), (70_000, 200));
    }
}

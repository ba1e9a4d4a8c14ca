//! A spreadsheet that is a zip (.xlsx, .xlsm, .ods) is unpacked once and
//! counted before calamine opens it: a few kilobytes that unpack to
//! gigabytes (a zip bomb), or a header that lies about the size, are
//! refused with a clear error instead of exhausting memory. calamine reads
//! an .ods's every sheet, and an .xlsx's shared strings, whole.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use std::io::Read;
use std::path::Path;

/// At most this many bytes unpacked, all parts together (a district's
/// table is a few hundred kilobytes; 2 million cells fit).
pub const MAX_UNZIPPED: u64 = 512 * 1024 * 1024;
/// At most this many parts in the archive (a workbook has tens).
const MAX_PARTS: usize = 10_000;

/// Unpack `path` without keeping anything, refusing it past `max` bytes
/// in all or `MAX_PARTS` parts. A file that is no zip, or a damaged one,
/// passes: calamine then says what is wrong with it.
pub fn check(path: &Path, shown: &str, max: u64) -> Result<(), Diagnostic> {
    check_parts(path, shown, max, MAX_PARTS)
}

/// `check` with at most `max_parts` parts.
fn check_parts(path: &Path, shown: &str, max: u64, max_parts: usize) -> Result<(), Diagnostic> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    let too_big = |part: &str| {
        Diagnostic::error(
            codes::IMPORT,
            shown,
            msg!(
                m::TRUST_UNZIPPED_TOO_BIG,
                max = max / (1024 * 1024),
                part = part
            ),
        )
        .hint(msg!(m::TRUST_UNZIPPED_TOO_BIG_HINT))
    };
    if zip.len() > max_parts {
        return Err(Diagnostic::error(
            codes::IMPORT,
            shown,
            msg!(
                m::TRUST_ZIP_TOO_MANY_PARTS,
                parts = zip.len(),
                max = max_parts
            ),
        )
        .hint(msg!(m::TRUST_UNZIPPED_TOO_BIG_HINT)));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else {
            return Ok(());
        };
        let name = part.name().to_string();
        // The declared size first (cheap), then the real one: a header may lie.
        if part.size() > max - total {
            return Err(too_big(&name));
        }
        let left = max - total;
        // Counted as it comes: a part that ends in an error (a bad
        // checksum) has still been unpacked this far.
        let mut count = Count(0);
        let _ = std::io::copy(&mut (&mut part).take(left + 1), &mut count);
        let got = count.0;
        if got > left {
            return Err(too_big(&name));
        }
        total += got;
    }
    Ok(())
}

/// A sink that counts what it is given.
struct Count(u64);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip holding `parts` (name, length of spaces), deflated.
    fn zip_of(parts: &[(&str, usize)]) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        let mut w = zip::ZipWriter::new(f.reopen().unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, len) in parts {
            w.start_file(*name, opts).unwrap();
            w.write_all(&vec![b' '; *len]).unwrap();
        }
        w.finish().unwrap();
        f
    }

    #[test]
    fn a_spreadsheet_that_unpacks_past_the_limit_is_refused_before_it_is_opened() {
        let f = zip_of(&[("mimetype", 10), ("content.xml", 3 << 20)]);
        let err = check(f.path(), "bom.ods", 2 << 20).unwrap_err();
        assert_eq!(err.code, codes::IMPORT);
        let text = err.message.render(crate::diag::lang::Lang::En);
        assert!(
            text.contains("content.xml") && text.contains("2 MB"),
            "{text}"
        );
        // Several parts count together.
        let f = zip_of(&[("a.xml", 1 << 20), ("b.xml", 1 << 20), ("c.xml", 1 << 20)]);
        assert!(check(f.path(), "bom.xlsx", 2 << 20).is_err());
    }

    #[test]
    fn a_zip_of_too_many_parts_is_refused_in_words_of_its_own() {
        let f = zip_of(&[("a.xml", 1), ("b.xml", 1), ("c.xml", 1)]);
        let err = check_parts(f.path(), "nhieu.xlsx", 2 << 20, 2).unwrap_err();
        assert_eq!(err.code, codes::IMPORT);
        let en = err.message.render(crate::diag::lang::Lang::En);
        assert!(
            en.contains("3 parts") && en.contains("the 2 chiso opens"),
            "{en}"
        );
        let vi = err.message.render(crate::diag::lang::Lang::Vi);
        assert!(vi.contains("gồm 3 phần") && !vi.contains("parts"), "{vi}");
        assert!(check_parts(f.path(), "nhieu.xlsx", 2 << 20, 3).is_ok());
    }

    #[test]
    fn a_normal_spreadsheet_and_what_is_no_zip_pass() {
        let f = zip_of(&[("mimetype", 10), ("content.xml", 100_000)]);
        assert!(check(f.path(), "bang.ods", 2 << 20).is_ok());
        let not_zip = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(not_zip.path(), "không phải zip").unwrap();
        assert!(check(not_zip.path(), "x.xlsx", 2 << 20).is_ok());
    }

    #[test]
    fn a_header_that_understates_the_size_is_caught_by_unpacking() {
        // Rewrite the declared uncompressed sizes (local header and central
        // directory) of a 3 MB part as 100 bytes.
        let f = zip_of(&[("content.xml", 3 << 20)]);
        let mut bytes = std::fs::read(f.path()).unwrap();
        let real = (3u32 << 20).to_le_bytes();
        let mut at = 0;
        while let Some(i) = bytes[at..].windows(4).position(|w| w == real) {
            bytes[at + i..at + i + 4].copy_from_slice(&100u32.to_le_bytes());
            at += i + 4;
        }
        assert!(at > 0, "found the size fields");
        std::fs::write(f.path(), &bytes).unwrap();
        assert!(check(f.path(), "x.ods", 2 << 20).is_err());
    }
}

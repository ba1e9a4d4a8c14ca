//! What a build must know about an image file before deciding what to do
//! with it, from its first bytes and its last ones, never decoding it:
//! its format (by content, not by name), stored size, EXIF orientation,
//! and what makes it unpublishable (cut short, a decompression bomb,
//! HEIC). `check` runs this on every image; only `build` decodes.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// The most pixels a build decodes (a 108 MP phone photo is 12000×9000).
pub const MAX_PIXELS: u64 = 120_000_000;
/// Bytes of the head read first; a JPEG whose frame header comes after
/// larger EXIF or ICC blocks is read again up to `HEAD` (a warm build
/// probes every photo: reads stay small).
const FIRST: usize = 16 * 1024;
const HEAD: usize = 256 * 1024;
/// Bytes of the tail searched for the end marker of a JPEG.
const TAIL: u64 = 16 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    Webp,
    Svg,
    Heif,
    Other,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Gif => "GIF",
            Format::Webp => "WebP",
            Format::Svg => "SVG",
            Format::Heif => "HEIF",
            Format::Other => "other",
        }
    }

    /// The format a file name says.
    pub fn of_name(name: &str) -> Format {
        let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "jpg" | "jpeg" | "jpe" | "jfif" => Format::Jpeg,
            "png" => Format::Png,
            "gif" => Format::Gif,
            "webp" => Format::Webp,
            "svg" => Format::Svg,
            "heic" | "heif" | "hif" => Format::Heif,
            _ => Format::Other,
        }
    }
}

/// Why a file cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Cut short or damaged (the words say how).
    Unreadable(String),
    TooBig(u32, u32),
    Heif,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub format: Format,
    /// As stored (before orientation); 0 when unknown.
    pub width: u32,
    pub height: u32,
    /// EXIF orientation 1–8 (1: as stored).
    pub orientation: u8,
    pub problem: Option<Problem>,
    /// An SVG with script or event handlers.
    pub svg_script: bool,
}

impl Probe {
    /// Size as shown, orientation applied.
    pub fn shown(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// Every path probed, in unit tests (serve's tests: an edit that touches
/// no photo opens none).
#[cfg(test)]
pub static PROBED: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Probe the file at `path`; an unreadable file is a `Problem`, not an error.
pub fn probe(path: &Path) -> Probe {
    #[cfg(test)]
    PROBED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(path.to_path_buf());
    let first = match read_ends(path, FIRST) {
        Ok((head, tail, len)) => probe_bytes(&head, &tail, len),
        Err(e) => return unknown(Some(Problem::Unreadable(e.to_string()))),
    };
    if first.format != Format::Jpeg || first.width > 0 {
        return first;
    }
    match read_ends(path, HEAD) {
        Ok((head, tail, len)) => probe_bytes(&head, &tail, len),
        Err(e) => unknown(Some(Problem::Unreadable(e.to_string()))),
    }
}

fn unknown(problem: Option<Problem>) -> Probe {
    Probe {
        format: Format::Other,
        width: 0,
        height: 0,
        orientation: 1,
        problem,
        svg_script: false,
    }
}

fn read_ends(path: &Path, n: usize) -> std::io::Result<(Vec<u8>, Vec<u8>, u64)> {
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    let mut head = Vec::with_capacity(n.min(len as usize));
    (&mut f).take(n as u64).read_to_end(&mut head)?;
    let mut tail = Vec::new();
    if len > n as u64 {
        f.seek(SeekFrom::Start(len - TAIL.min(len - n as u64)))?;
        f.read_to_end(&mut tail)?;
    }
    Ok((head, tail, len))
}

/// `head`: the first bytes; `tail`: the last ones when the file is longer
/// than the head (else empty, and the head is the whole file).
pub fn probe_bytes(head: &[u8], tail: &[u8], len: u64) -> Probe {
    let end = if tail.is_empty() { head } else { tail };
    let mut p = if head.starts_with(b"\xff\xd8\xff") {
        jpeg(head, tail)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(head, end)
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" && is_heif_brand(&head[8..12]) {
        Probe {
            format: Format::Heif,
            ..unknown(Some(Problem::Heif))
        }
    } else if head.starts_with(b"GIF8") {
        Probe {
            format: Format::Gif,
            ..sized(head)
        }
    } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Probe {
            format: Format::Webp,
            ..sized(head)
        }
    } else if looks_svg(head) {
        Probe {
            format: Format::Svg,
            svg_script: svg_has_script(head),
            ..sized(head)
        }
    } else {
        return unknown(None);
    };
    if p.problem.is_none() && u64::from(p.width) * u64::from(p.height) > MAX_PIXELS {
        p.problem = Some(Problem::TooBig(p.width, p.height));
    }
    if p.problem.is_none() && len == 0 {
        p.problem = Some(Problem::Unreadable("the file is empty".into()));
    }
    p
}

fn sized(head: &[u8]) -> Probe {
    let (width, height) = crate::load::image::size_of_bytes(head).unwrap_or((0, 0));
    Probe {
        width,
        height,
        ..unknown(None)
    }
}

fn is_heif_brand(b: &[u8]) -> bool {
    matches!(
        b,
        b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" | b"heif"
    )
}

fn cut_short() -> Option<Problem> {
    Some(Problem::Unreadable(
        "the file ends before the picture does".into(),
    ))
}

fn png(head: &[u8], end: &[u8]) -> Probe {
    let mut p = Probe {
        format: Format::Png,
        ..sized(head)
    };
    if head.len() < 33 || &head[12..16] != b"IHDR" {
        p.problem = Some(Problem::Unreadable("the PNG header is damaged".into()));
    } else if !end.ends_with(b"IEND\xaeB`\x82") {
        p.problem = cut_short();
    }
    p
}

/// `tail` empty: `head` is the whole file.
fn jpeg(head: &[u8], tail: &[u8]) -> Probe {
    let be16 = |i: usize| -> Option<usize> {
        Some(u16::from_be_bytes([*head.get(i)?, *head.get(i + 1)?]) as usize)
    };
    let mut p = Probe {
        format: Format::Jpeg,
        ..unknown(None)
    };
    let mut i = 2;
    let mut scan = None;
    let mut damaged = false;
    while i + 4 <= head.len() {
        if head[i] != 0xFF {
            damaged = true;
            break;
        }
        let m = head[i + 1];
        if m == 0xFF {
            i += 1;
            continue;
        }
        let Some(n) = be16(i + 2) else { break };
        match m {
            0xE1 if head.get(i + 4..i + 10) == Some(b"Exif\0\0") => {
                let end = (i + 2 + n).min(head.len());
                p.orientation = exif_orientation(&head[i + 10..end]).unwrap_or(1);
            }
            0xC0..=0xCF if m != 0xC4 && m != 0xC8 && m != 0xCC => {
                p.height = be16(i + 5).unwrap_or(0) as u32;
                p.width = be16(i + 7).unwrap_or(0) as u32;
            }
            0xDA => {
                scan = Some(i);
                break;
            }
            _ => {}
        }
        i += 2 + n;
    }
    let ends = |b: &[u8]| memchr::memmem::rfind(b, b"\xff\xd9").is_some();
    let has_end = match scan {
        _ if !tail.is_empty() => ends(tail),
        Some(s) => ends(&head[s..]),
        None => false,
    };
    if damaged || p.width == 0 || p.height == 0 || (scan.is_none() && tail.is_empty()) {
        p.problem = Some(Problem::Unreadable("the JPEG header is damaged".into()));
    } else if !has_end {
        p.problem = cut_short();
    }
    p
}

/// The Orientation tag (0x0112) of IFD0 in a TIFF block.
fn exif_orientation(t: &[u8]) -> Option<u8> {
    let le = match t.get(0..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |i: usize| -> Option<u16> {
        let b = [*t.get(i)?, *t.get(i + 1)?];
        Some(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |i: usize| -> Option<u32> {
        let b: [u8; 4] = t.get(i..i + 4)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    let count = u16_at(ifd)? as usize;
    (0..count.min(512)).find_map(|k| {
        let e = ifd + 2 + k * 12;
        (u16_at(e)? == 0x0112)
            .then(|| u16_at(e + 8))
            .flatten()
            .map(|v| v as u8)
            .filter(|v| (1..=8).contains(v))
    })
}

fn looks_svg(head: &[u8]) -> bool {
    let s = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    s.contains("<svg")
}

/// `<script`, an `on…=` event attribute or a `javascript:` address.
pub fn svg_has_script(b: &[u8]) -> bool {
    let s = String::from_utf8_lossy(b).to_ascii_lowercase();
    if s.contains("<script") || s.contains("javascript:") {
        return true;
    }
    let bytes = s.as_bytes();
    memchr::memmem::find_iter(bytes, b" on")
        .chain(memchr::memmem::find_iter(bytes, b"\non"))
        .chain(memchr::memmem::find_iter(bytes, b"\ton"))
        .any(|i| {
            let rest = &bytes[i + 3..];
            let name = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            name > 0 && rest[name..].iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'=')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SOI, APP1 Exif (big-endian TIFF, IFD0 with Orientation = `o`),
    /// SOF0 (`w`×`h`), SOS, one byte, EOI.
    fn jpeg_with(o: u16, w: u16, h: u16) -> Vec<u8> {
        let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01".to_vec();
        tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1]);
        tiff.extend(o.to_be_bytes());
        tiff.extend([0, 0, 0, 0, 0, 0]);
        let mut j = vec![0xFF, 0xD8, 0xFF, 0xE1];
        j.extend(((tiff.len() + 8) as u16).to_be_bytes());
        j.extend(b"Exif\0\0");
        j.extend(tiff);
        j.extend([0xFF, 0xC0, 0, 11, 8]);
        j.extend(h.to_be_bytes());
        j.extend(w.to_be_bytes());
        j.extend([1, 1, 0x11, 0]);
        j.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0xFF, 0xD9]);
        j
    }

    #[test]
    fn jpeg_size_orientation_and_a_cut_end() {
        let j = jpeg_with(6, 400, 300);
        let p = probe_bytes(&j, &[], j.len() as u64);
        assert_eq!(
            (p.format, p.width, p.height, p.orientation),
            (Format::Jpeg, 400, 300, 6)
        );
        assert_eq!(p.shown(), (300, 400));
        assert_eq!(p.problem, None);
        let cut = &j[..j.len() - 2];
        assert!(matches!(
            probe_bytes(cut, &[], cut.len() as u64).problem,
            Some(Problem::Unreadable(_))
        ));
    }

    #[test]
    fn bombs_heif_and_svg_scripts() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(100_000u32.to_be_bytes());
        png.extend(100_000u32.to_be_bytes());
        png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
        png.extend(b"\0\0\0\0IEND\xaeB`\x82");
        let p = probe_bytes(&png, &[], png.len() as u64);
        assert_eq!(p.problem, Some(Problem::TooBig(100_000, 100_000)));
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(probe_bytes(heic, &[], 24).problem, Some(Problem::Heif));
        assert!(svg_has_script(b"<svg onload = \"x()\">"));
        assert!(svg_has_script(b"<svg><script>x()</script></svg>"));
        assert!(!svg_has_script(
            b"<svg viewBox=\"0 0 1 1\"><g fill=\"red\"/></svg>"
        ));
        assert_eq!(Format::of_name("a/IMG_1.HEIC"), Format::Heif);
    }
}

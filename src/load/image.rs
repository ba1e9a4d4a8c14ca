//! Intrinsic size of an image, read from the file's header: PNG, GIF, JPEG,
//! WebP and SVG (`width`/`height` in px or the `viewBox`). Only the first
//! bytes are read (through `load::fs`), so pages can carry `width` and
//! `height` and never shift while images arrive. `None` for anything else
//! or anything malformed: a size is a hint, never an error.

use std::path::Path;

/// Bytes read from the start of a file: the first read covers PNG, GIF,
/// WebP, SVG and most JPEGs; a JPEG whose frame header follows large EXIF
/// or ICC blocks is read again, further.
const HEAD: usize = 8 * 1024;
const JPEG_HEAD: usize = 256 * 1024;

/// (width, height) in CSS pixels of the image at `path`.
pub fn size_of(path: &Path) -> Option<(u32, u32)> {
    let head = crate::load::fs::read_head(path, HEAD).ok()?;
    let size = match size_of_bytes(&head) {
        None if head.len() == HEAD && head.starts_with(b"\xff\xd8") => {
            size_of_bytes(&crate::load::fs::read_head(path, JPEG_HEAD).ok()?)
        }
        s => s,
    };
    size.filter(|&(w, h)| w > 0 && h > 0)
}

pub fn size_of_bytes(b: &[u8]) -> Option<(u32, u32)> {
    let be16 = |i: usize| Some(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?]) as u32);
    let le16 = |i: usize| Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]) as u32);
    let be32 = |i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let le24 = |i: usize| Some(le16(i)? | (u32::from(*b.get(i + 2)?) << 16));
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((be32(16)?, be32(20)?));
    }
    if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        return Some((le16(6)?, le16(8)?));
    }
    if b.starts_with(b"\xff\xd8") {
        let mut i = 2;
        while i + 9 < b.len() {
            if b[i] != 0xFF {
                i += 1;
                continue;
            }
            let m = b[i + 1];
            if m == 0xFF || m == 0x01 || (0xD0..=0xD8).contains(&m) {
                i += if m == 0xFF { 1 } else { 2 };
                continue;
            }
            // SOF0–SOF15 but DHT (C4), JPG (C8), DAC (CC).
            if (0xC0..=0xCF).contains(&m) && m != 0xC4 && m != 0xC8 && m != 0xCC {
                return Some((be16(i + 7)?, be16(i + 5)?));
            }
            i += 2 + be16(i + 2)? as usize;
        }
        return None;
    }
    if b.len() >= 30 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP" {
        return match &b[12..16] {
            b"VP8 " => Some((le16(26)? & 0x3FFF, le16(28)? & 0x3FFF)),
            b"VP8L" => {
                let v = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
                Some(((v & 0x3FFF) + 1, ((v >> 14) & 0x3FFF) + 1))
            }
            b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
            _ => None,
        };
    }
    svg_size(&String::from_utf8_lossy(&b[..b.len().min(8192)]))
}

/// The root `<svg>` element's size: `width`/`height` in px (or unitless),
/// else the `viewBox`'s width and height.
fn svg_size(s: &str) -> Option<(u32, u32)> {
    let start = s.find("<svg")?;
    let tag = &s[start..start + s[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let mut rest = tag;
        while let Some(i) = rest.find(name) {
            let before = rest[..i].chars().last();
            let after = &rest[i + name.len()..];
            let after = after.trim_start();
            if before.is_some_and(char::is_whitespace) && after.starts_with('=') {
                let v = after[1..].trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    return v[1..].split(q).next();
                }
            }
            rest = &rest[i + name.len()..];
        }
        None
    };
    let px = |v: &str| -> Option<u32> {
        let v = v.trim();
        let n = v.strip_suffix("px").unwrap_or(v);
        let f: f64 = n.trim().parse().ok()?;
        (f.is_finite() && f > 0.0 && f < 100_000.0).then(|| f.round() as u32)
    };
    if let (Some(w), Some(h)) = (attr("width").and_then(px), attr("height").and_then(px)) {
        return Some((w, h));
    }
    let vb: Vec<f64> = attr("viewBox")?
        .split([' ', ','])
        .filter(|x| !x.is_empty())
        .filter_map(|x| x.parse().ok())
        .collect();
    match vb[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 && w < 100_000.0 && h < 100_000.0 => {
            Some((w.round() as u32, h.round() as u32))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::size_of_bytes as size;

    #[test]
    fn png_gif_jpeg_webp_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(800u32.to_be_bytes());
        png.extend(450u32.to_be_bytes());
        assert_eq!(size(&png), Some((800, 450)));
        assert_eq!(size(b"GIF89a\x20\x03\xc2\x01rest"), Some((800, 450)));
        // SOI, APP0 (length 16), SOF0: precision 8, height 450, width 800.
        let mut jpg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        jpg.extend([0u8; 14]);
        jpg.extend([0xFF, 0xC0, 0, 17, 8, 0x01, 0xC2, 0x03, 0x20, 3]);
        jpg.extend([0u8; 12]);
        assert_eq!(size(&jpg), Some((800, 450)));
        let mut webp = b"RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0".to_vec();
        webp.extend([0x1F, 0x03, 0x00, 0xC1, 0x01, 0x00]);
        assert_eq!(size(&webp), Some((800, 450)));
    }

    #[test]
    fn svg_size_from_attributes_or_viewbox() {
        assert_eq!(
            size(br#"<svg xmlns="x" viewBox="0 0 640 360">"#),
            Some((640, 360))
        );
        assert_eq!(
            size(br#"<?xml version="1.0"?><svg width="120px" height='80' viewBox="0 0 1 1">"#),
            Some((120, 80))
        );
        assert_eq!(
            size(br#"<svg width="100%" viewBox="0,0,400,300">"#),
            Some((400, 300))
        );
        assert_eq!(size(br#"<svg stroke-width="2" viewBox="0 0 -1 3">"#), None);
        assert_eq!(size(b"not an image"), None);
        assert_eq!(size(b"\xff\xd8\xff"), None);
        assert_eq!(size(b""), None);
    }
}

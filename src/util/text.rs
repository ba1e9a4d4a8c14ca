//! Text helpers: NFC normalisation, ASCII slugs, HTML escaping.

use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Whether `s` has only characters that are NFC whatever follows them and
/// never combine: U+0000–U+02FF and the precomposed Vietnamese letters
/// U+1EA0–U+1EF9. Scanned on bytes, this skips the normalisation tables for
/// nearly all Vietnamese text.
fn plainly_nfc(s: &str) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const BIAS: u64 = 0x3434_3434_3434_3434; // 0x4C + 0x34 = 0x80
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time: find the first byte ≥ 0xCC (only those
        // can start a character outside U+0000–U+02FF). No carry crosses a
        // byte: (x & 0x7F) + 0x34 ≤ 0xB3.
        if let Some(chunk) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let big = ((w & LOW7) + BIAS) & w & HIGH;
            if big == 0 {
                i += 8;
                continue;
            }
            i += (big.trailing_zeros() / 8) as usize;
        }
        match b[i] {
            // ASCII, continuation bytes, leads of U+0080–U+02FF.
            0x00..=0xCB => i += 1,
            // U+1EA0–U+1EBF (E1 BA A0–BF) and U+1EC0–U+1EF9 (E1 BB 80–B9).
            0xE1 if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0xBA), Some(0xA0..=0xBF)) | (Some(0xBB), Some(0x80..=0xB9))
            ) =>
            {
                i += 3
            }
            // General punctuation U+2010–U+203F (dashes, quotes, ellipsis).
            0xE2 if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x90..=0xBF))
            ) =>
            {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

/// The `source:` name `chiso import data` writes into a new dataset, to be
/// replaced by the publisher; `chiso check` warns while it is there.
pub const SOURCE_PLACEHOLDER: &str = "CHƯA GHI NGUỒN: điền cơ quan công bố";

/// Normalise to NFC, borrowing when the text is already NFC (the usual case).
pub fn nfc(s: &str) -> Cow<'_, str> {
    if plainly_nfc(s) {
        return Cow::Borrowed(s);
    }
    match is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// Owned NFC string.
pub fn nfc_string(s: String) -> String {
    match nfc(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    }
}

/// Fold one Vietnamese letter to ASCII. `đ`/`Đ` → `d` explicitly (a generic
/// transliterator could map it elsewhere); every vowel with any tone → base.
fn fold_vi(c: char) -> Option<char> {
    // Looked up by code point in two tables made once from `FOLD_GROUPS`,
    // not searched for in every group's letters, one group after another.
    static TABLES: std::sync::OnceLock<FoldTables> = std::sync::OnceLock::new();
    TABLES.get_or_init(fold_tables).get(c)
}

/// `fold_vi` by code point: U+0000–U+01FF, and U+1E00–U+1EFF (the
/// precomposed Vietnamese letters); 0 where a letter does not fold.
struct FoldTables {
    low: [u8; 0x200],
    viet: [u8; 0x100],
}

impl FoldTables {
    fn get(&self, c: char) -> Option<char> {
        let u = c as usize;
        let b = match u {
            0..0x200 => self.low[u],
            0x1E00..0x1F00 => self.viet[u - 0x1E00],
            _ => 0,
        };
        (b != 0).then_some(char::from(b))
    }
}

fn fold_tables() -> FoldTables {
    let mut t = FoldTables {
        low: [0; 0x200],
        viet: [0; 0x100],
    };
    for &(set, base) in FOLD_GROUPS {
        for c in set.chars() {
            let u = c as usize;
            // Every letter of the groups is in one of the two ranges (a
            // unit test holds the tables to the groups).
            match u {
                0..0x200 => t.low[u] = base as u8,
                0x1E00..0x1F00 => t.viet[u - 0x1E00] = base as u8,
                _ => {}
            }
        }
    }
    t
}

/// Each Vietnamese letter and its ASCII base.
const FOLD_GROUPS: &[(&str, char)] = &[
    ("aàáảãạăằắẳẵặâầấẩẫậ", 'a'),
    ("AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
    ("eèéẻẽẹêềếểễệ", 'e'),
    ("EÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
    ("iìíỉĩị", 'i'),
    ("IÌÍỈĨỊ", 'i'),
    ("oòóỏõọôồốổỗộơờớởỡợ", 'o'),
    ("OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
    ("uùúủũụưừứửữự", 'u'),
    ("UÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
    ("yỳýỷỹỵ", 'y'),
    ("YỲÝỶỸỴ", 'y'),
    ("dđ", 'd'),
    ("DĐ", 'd'),
];

/// ASCII slug: `Đường Lê Lợi` → `duong-le-loi`. Lowercase letters and digits
/// separated by single hyphens; never empty for text with a letter or digit;
/// never contains `/`, `.` or `\`, so it cannot escape a folder.
pub fn slugify(s: &str) -> String {
    let s = nfc(s);
    let mut out = String::with_capacity(s.len());
    let mut pending_dash = false;
    let mut push = |ch: char, out: &mut String| {
        if ch.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(ch.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else if let Some(b) = fold_vi(c) {
            push(b, &mut out);
        } else {
            let mut buf = [0u8; 4];
            let t = deunicode::deunicode_with_tofu(c.encode_utf8(&mut buf), "-");
            for b in t.chars() {
                push(b, &mut out);
            }
        }
    }
    out
}

/// Whether a user-given slug is safe as one path segment.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// A `javascript:`, `vbscript:` or `data:` address (ignoring case, blanks and
/// control characters, as browsers do).
pub fn is_unsafe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("data:")
        || cleaned.starts_with("vbscript:")
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> Cow<'_, str> {
    if !s
        .bytes()
        .any(|b| matches!(b, b'<' | b'>' | b'&' | b'"' | b'\''))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_tables_fold_as_the_groups_say() {
        let by_groups = |c: char| {
            FOLD_GROUPS
                .iter()
                .find(|(set, _)| set.contains(c))
                .map(|&(_, base)| base)
        };
        for c in (0..0x2000).filter_map(char::from_u32) {
            assert_eq!(fold_vi(c), by_groups(c), "U+{:04X}", u32::from(c));
        }
        assert_eq!(fold_vi('ự'), Some('u'));
        assert_eq!(fold_vi('Đ'), Some('d'));
    }

    #[test]
    fn slug_of_street_name() {
        assert_eq!(slugify("Đường Lê Lợi"), "duong-le-loi");
        assert_eq!(slugify("  --Phong Thổ!! 2022 "), "phong-tho-2022");
    }

    #[test]
    fn nfc_fast_path_agrees_with_full_normalisation() {
        let composed = "Phong Thổ đạt 72,10 điểm – “Lao động giỏi” ỹ Ỹ ÿ";
        assert!(matches!(nfc(composed), Cow::Borrowed(_)));
        let decomposed: String = composed.nfd().collect();
        assert_eq!(nfc(&decomposed), composed);
        // A combining mark after a plain letter is not plainly NFC.
        assert_eq!(nfc("a\u{0301}"), "á");
    }

    #[test]
    fn every_plainly_nfc_character_is_nfc_and_never_combines() {
        // If the fast path says yes for a character, the full algorithm must
        // agree, also with any character before it.
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = c.to_string();
            // Also inside a longer text, where eight bytes are read at once.
            let long = format!("Phong Thổ{c}đạt 72,10 điểm{c}");
            assert_eq!(plainly_nfc(&s), plainly_nfc(&long), "{c:?}");
            if plainly_nfc(&s) {
                assert!(unicode_normalization::is_nfc(&s), "{c:?} is not NFC");
                assert_eq!(
                    unicode_normalization::char::canonical_combining_class(c),
                    0,
                    "{c:?}"
                );
                assert!(unicode_normalization::is_nfc(&format!("a{c}")), "a{c:?}");
            }
        }
    }

    #[test]
    fn slug_of_decomposed_text_equals_composed() {
        let decomposed: String = "Phong Thổ".nfd().collect();
        assert_eq!(slugify(&decomposed), "phong-tho");
    }

    #[test]
    fn slug_never_contains_path_characters() {
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert!(is_valid_slug(&slugify("a/b\\c.d")));
    }

    #[test]
    fn escape_covers_quotes() {
        assert_eq!(
            escape_html("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }
}

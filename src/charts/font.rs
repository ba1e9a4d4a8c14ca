//! The font chart PNGs are drawn with: Noto Sans (OFL), subset to Latin,
//! Vietnamese, digits, punctuation and the symbols charts use, bundled in
//! the binary (`assets/fonts/`, how it was made in its README). resvg has no
//! system fonts here: text no face covers would vanish without a word, so
//! [`missing`] says which characters the font cannot draw.

use std::sync::{Arc, OnceLock};

/// Noto Sans Regular, subset (with ← → ↑ ↓ ≤ ≥ from Noto Sans Math).
pub(crate) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold, subset likewise.
pub(crate) const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// The family name inside both files.
pub(crate) const FAMILY: &str = "Noto Sans";

/// The font database every rasterisation shares: both faces, with Noto Sans
/// as the generic `sans-serif` (the charts' font stack ends with it, and
/// none of the names before it is loaded) and every other generic family.
pub(crate) fn database() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        for face in [REGULAR, BOLD] {
            db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(face)));
        }
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// A digest of the font files, part of every PNG cache key: a new font
/// draws every chart again.
pub(crate) fn digest() -> u64 {
    static D: OnceLock<u64> = OnceLock::new();
    *D.get_or_init(|| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in REGULAR.iter().chain(BOLD) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    })
}

/// Whether the bundled font has a glyph for `c` (both weights carry the
/// same characters).
pub(crate) fn covers(c: char) -> bool {
    use skrifa::MetadataProvider as _;
    static FONT: OnceLock<Option<skrifa::FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| skrifa::FontRef::new(REGULAR).ok())
        .as_ref()
        .is_some_and(|f| f.charmap().map(c).is_some())
}

/// The characters of an SVG's drawn text (`<text>` contents, entities
/// decoded) that the font cannot draw, each once, in order of appearance.
/// Whitespace and control characters are never drawn and never missing.
pub fn missing(svg: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        let Some(open) = rest[i..].find('>') else {
            break;
        };
        let body = &rest[i + open + 1..];
        let end = body.find("</text>").unwrap_or(body.len());
        for c in decode(&body[..end]).chars() {
            if !c.is_whitespace() && !c.is_control() && !covers(c) && !out.contains(&c) {
                out.push(c);
            }
        }
        rest = &body[end..];
    }
    out
}

/// XML text with the entities plotters and chiso write decoded.
fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_covers_every_vietnamese_letter_and_chart_symbol() {
        let lower = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        let upper: String = lower.chars().flat_map(char::to_uppercase).collect();
        let symbols = "0123456789 .,:;–—…·×%()/←→≤≥₫";
        let all = format!("{lower}{upper}{symbols}");
        let gaps: Vec<char> = all
            .chars()
            .filter(|&c| !c.is_whitespace() && !covers(c))
            .collect();
        assert!(gaps.is_empty(), "not in the font: {gaps:?}");
    }

    #[test]
    fn missing_names_characters_outside_the_font_once() {
        let svg = "<svg><text x=\"1\">Phong Thổ &amp; 北京 北</text><title>漢</title><text>😀</text></svg>";
        assert_eq!(missing(svg), vec!['北', '京', '😀']);
        assert!(missing("<svg><text>Mường Tè → 72,10 điểm</text></svg>").is_empty());
    }
}

//! The words chiso recognises in a province's table, as slugs (NFC, case
//! and diacritics folded): `Tên đơn vị` is `ten-don-vi`. Add a synonym here.

/// Header words for the unit's name, as slugs.
pub const UNIT_WORDS: &[&str] = &[
    "don-vi",
    "ten-don-vi",
    "dia-phuong",
    "ten-dia-phuong",
    "huyen-thanh-pho",
    "huyen-thi-xa-thanh-pho",
    "ten-huyen-thanh-pho",
    "ten-huyen",
    "don-vi-hanh-chinh",
    "co-quan-don-vi",
    "ten-co-quan-don-vi",
    "tinh-thanh-pho",
    "ten-tinh-thanh-pho",
    "xa-phuong-thi-tran",
    "ten-xa-phuong-thi-tran",
    "unit",
];
pub const TOTAL_WORDS: &[&str] = &[
    "tong-diem",
    "tong",
    "tong-cong",
    "tong-so-diem",
    "tong-diem-dat-duoc",
    "diem-tong",
    "diem-tong-hop",
    "diem-tong-cong",
    "tong-diem-chi-so",
    "tong-diem-danh-gia",
    "tong-so-diem-dat-duoc",
    "diem-dat-duoc",
    "diem-danh-gia",
    "diem-dat",
    "diem",
    "diem-so",
    "chi-so",
    "chi-so-cchc",
    "chi-so-cai-cach-hanh-chinh",
    "gia-tri-chi-so",
    "ket-qua",
    "total",
];
pub const RANK_WORDS: &[&str] = &[
    "xep-hang",
    "thu-hang",
    "hang",
    "xep-thu",
    "vi-tri-xep-hang",
    "thu-tu-xep-hang",
    "rank",
];
/// Columns that are never data: the row number, notes, a band's name.
pub const SKIP_WORDS: &[&str] = &[
    "stt",
    "tt",
    "so-tt",
    "so-thu-tu",
    "ghi-chu",
    "xep-loai",
    "muc-xep-loai",
    // A unit's life in chiso's own CSV download (render::downloads::LIFE_HEADERS).
    "since",
    "until",
    "formed-from",
    "succeeded-by",
];
/// A unit's code, as in chiso's own CSV download: the key of a new unit.
pub const KEY_WORDS: &[&str] = &["ma-don-vi", "ma", "ma-so", "key", "ma-dvhc"];
/// A year column, as in chiso's own CSV download (one row per unit and year).
pub const YEAR_WORDS: &[&str] = &["nam", "year"];

/// Prefixes (as slugs) of a footnote row.
pub const NOTE_WORDS: &[&str] = &["ghi-chu", "chu-thich", "nguon", "luu-y", "chu-y", "note"];
/// Summary rows that are not a unit.
pub const SUMMARY_WORDS: &[&str] = &[
    "trung-binh",
    "binh-quan",
    "tong-cong",
    "tong-so",
    "toan-tinh",
    "gia-tri-trung-binh",
    "diem-trung-binh",
];

/// Header beginnings (as slugs) that always name the total: "Tổng điểm …",
/// "Điểm tổng …", "Tổng số điểm …".
pub const TOTAL_PREFIXES: &[&str] = &["tong-diem", "diem-tong", "tong-so-diem"];

/// The label of a row giving each column's maximum ("Điểm tối đa").
pub const MAX_ROW_WORDS: &[&str] = &[
    "diem-toi-da",
    "toi-da",
    "diem-chuan",
    "thang-diem",
    "so-diem-toi-da",
    "diem-toi-da-theo-quy-dinh",
];

/// The words before a unit's name that a chart does not need, longest
/// first.
const UNIT_PREFIXES: &[&str] = &["thành phố", "thị xã", "phường", "huyện", "xã"];

/// `Huyện Phong Thổ` → `Phong Thổ` (NFC, any case); `None` when the name
/// has no such word before it, or nothing after it.
pub fn short_of(name: &str) -> Option<String> {
    let name = crate::util::text::nfc(name.trim());
    let lower: Vec<char> = name.to_lowercase().chars().collect();
    let chars: Vec<char> = name.chars().collect();
    if lower.len() != chars.len() {
        return None;
    }
    for p in UNIT_PREFIXES {
        let p: Vec<char> = p.chars().collect();
        let spaced = lower.get(p.len()).is_some_and(|c| c.is_whitespace());
        if lower.starts_with(&p) && spaced {
            let rest: String = chars[p.len()..].iter().collect();
            let rest = rest.trim();
            return (!rest.is_empty()).then(|| rest.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::short_of;

    #[test]
    fn unit_names_lose_their_administrative_word() {
        assert_eq!(short_of("Huyện Phong Thổ").as_deref(), Some("Phong Thổ"));
        assert_eq!(short_of("THÀNH PHỐ Lai Châu").as_deref(), Some("Lai Châu"));
        assert_eq!(short_of("Thị xã Mường Lay").as_deref(), Some("Mường Lay"));
        assert_eq!(short_of("Xã Bản Lang").as_deref(), Some("Bản Lang"));
        assert_eq!(short_of("phường Tân Phong").as_deref(), Some("Tân Phong"));
        // Decomposed (NFD) input is read as NFC.
        assert_eq!(
            short_of("Huye\u{302}\u{323}n Sìn Hồ").as_deref(),
            Some("Sìn Hồ")
        );
        assert_eq!(short_of("Huyện"), None);
        assert_eq!(short_of("Xãhội"), None);
        assert_eq!(short_of("Sở Tư pháp"), None);
    }
}

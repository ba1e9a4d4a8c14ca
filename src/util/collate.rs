//! Vietnamese collation.
//!
//! Letters first (primary level), in the Vietnamese alphabet
//! `a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z`;
//! tones only break ties (secondary level), in the dictionary order
//! ngang < huyền < hỏi < ngã < sắc < nặng; case last (tertiary level,
//! lowercase first). Spaces sort before punctuation, punctuation before
//! digits, digits before letters, so "Than Uyên" < "Thành phố". NFC and NFD
//! input give the same key.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

const BREVE: char = '\u{0306}';
const CIRCUMFLEX: char = '\u{0302}';
const HORN: char = '\u{031B}';

/// Secondary weight of a tone mark (ngang, no mark, is 1).
fn tone(mark: char) -> Option<u32> {
    Some(match mark {
        '\u{0300}' => 2, // huyền
        '\u{0309}' => 3, // hỏi
        '\u{0303}' => 4, // ngã
        '\u{0301}' => 5, // sắc
        '\u{0323}' => 6, // nặng
        _ => return None,
    })
}

fn primary(c: char) -> u32 {
    if let Some(i) = ALPHABET.iter().position(|&a| a == c) {
        return 0x400 + i as u32;
    }
    if let Some(d) = c.to_digit(10) {
        return 0x300 + d;
    }
    if c.is_whitespace() {
        return 1;
    }
    if c.is_ascii() {
        return 2 + c as u32;
    }
    0x1000 + c as u32
}

/// Apply a letter-forming mark (ă, â, ê, ô, ơ, ư) to a base letter.
fn modify(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('a', BREVE) => 'ă',
        ('a', CIRCUMFLEX) => 'â',
        ('e', CIRCUMFLEX) => 'ê',
        ('o', CIRCUMFLEX) => 'ô',
        ('o', HORN) => 'ơ',
        ('u', HORN) => 'ư',
        _ => return None,
    })
}

/// A sort key: primary weights, 0, secondary weights, 0, tertiary weights.
/// Compare keys with `Ord` on `Vec<u32>`.
pub fn sort_key(s: &str) -> Vec<u32> {
    let mut prim = Vec::with_capacity(s.len());
    let mut sec = Vec::with_capacity(s.len());
    let mut ter = Vec::with_capacity(s.len());
    let mut chars = s.nfd().peekable();
    while let Some(c) = chars.next() {
        if is_combining_mark(c) {
            // A stray mark with no base: its own unit after everything else.
            prim.push(0x1000 + c as u32);
            sec.push(1);
            ter.push(1);
            continue;
        }
        let mut lower = c.to_lowercase();
        let mut base = lower.next().unwrap_or(c);
        let upper = base != c;
        let mut secondary = 1;
        let mut extra = 0;
        while let Some(&m) = chars.peek() {
            if !is_combining_mark(m) {
                break;
            }
            chars.next();
            if let Some(b) = modify(base, m) {
                base = b;
            } else if let Some(t) = tone(m) {
                secondary = t;
            } else {
                // Marks foreign to Vietnamese (ç, ö, …) still break ties.
                extra = extra.max(m as u32);
            }
        }
        prim.push(primary(base));
        sec.push(secondary + if extra > 0 { 16 + extra } else { 0 });
        ter.push(if upper { 2 } else { 1 });
    }
    let mut key = prim;
    key.push(0);
    key.extend(sec);
    key.push(0);
    key.extend(ter);
    key
}

/// Vietnamese alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    sort_key(a).cmp(&sort_key(b))
}

/// Sort strings in Vietnamese order (stable).
#[cfg(test)]
fn sort<S: AsRef<str>>(items: &mut [S]) {
    items.sort_by_cached_key(|s| sort_key(s.as_ref()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(v: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        v
    }

    #[test]
    fn a_breve_circumflex_then_h() {
        assert_eq!(compare("Tam Đường", "Tân Uyên"), Ordering::Less);
        assert_eq!(compare("Tân Uyên", "Than Uyên"), Ordering::Less);
        assert_eq!(compare("Tam Đường", "Than Uyên"), Ordering::Less);
        assert_eq!(compare("ăn", "ân"), Ordering::Less);
        assert_eq!(compare("an", "ăn"), Ordering::Less);
        assert_eq!(compare("ân", "bàn"), Ordering::Less);
    }

    #[test]
    fn d_stroke_after_d() {
        assert_eq!(compare("Đà Nẵng", "Dũng"), Ordering::Greater);
        assert_eq!(compare("Dương", "Đà"), Ordering::Less);
        assert_eq!(compare("đ", "e"), Ordering::Less);
    }

    #[test]
    fn o_circumflex_before_o_horn_before_p() {
        assert_eq!(compare("Ơ", "Ô"), Ordering::Greater);
        assert_eq!(compare("O", "Ô"), Ordering::Less);
        assert_eq!(compare("Ơ", "P"), Ordering::Less);
        assert_eq!(compare("u", "ư"), Ordering::Less);
        assert_eq!(compare("ư", "v"), Ordering::Less);
        assert_eq!(compare("e", "ê"), Ordering::Less);
        assert_eq!(compare("ê", "f"), Ordering::Less);
    }

    #[test]
    fn lai_chau_units_in_vietnamese_order() {
        let got = sorted(&[
            "Thành phố Lai Châu",
            "Than Uyên",
            "Tân Uyên",
            "Tam Đường",
            "Sìn Hồ",
            "Phong Thổ",
            "Nậm Nhùn",
            "Mường Tè",
        ]);
        assert_eq!(
            got,
            [
                "Mường Tè",
                "Nậm Nhùn",
                "Phong Thổ",
                "Sìn Hồ",
                "Tam Đường",
                "Tân Uyên",
                "Than Uyên",
                "Thành phố Lai Châu",
            ]
        );
    }

    #[test]
    fn tones_only_break_ties_in_dictionary_order() {
        assert_eq!(
            sorted(&["mạ", "má", "mã", "mả", "mà", "ma"]),
            ["ma", "mà", "mả", "mã", "má", "mạ"]
        );
        // Letters decide before tones: "mà" < "mb" although à has a tone.
        assert_eq!(compare("mạ", "mb"), Ordering::Less);
        assert_eq!(compare("Hà Nội", "Ha Long"), Ordering::Greater); // n > l first
    }

    #[test]
    fn case_is_the_last_tie_breaker() {
        assert_eq!(compare("an", "An"), Ordering::Less);
        assert_eq!(compare("An", "àn"), Ordering::Less);
        assert_eq!(compare("AN", "ao"), Ordering::Less);
    }

    #[test]
    fn nfd_input_sorts_like_nfc() {
        let nfd: String = "Thành phố Lai Châu".nfd().collect();
        assert_ne!(nfd, "Thành phố Lai Châu");
        assert_eq!(compare(&nfd, "Thành phố Lai Châu"), Ordering::Equal);
        assert_eq!(sort_key(&nfd), sort_key("Thành phố Lai Châu"));
        let nfd_o: String = "Ơ".nfd().collect();
        assert_eq!(compare(&nfd_o, "Ô"), Ordering::Greater);
    }

    #[test]
    fn space_before_digits_before_letters_and_shorter_first() {
        assert_eq!(compare("Than Uyên", "Thanh"), Ordering::Less);
        assert_eq!(compare("Phường 9", "Phường A"), Ordering::Less);
        assert_eq!(compare("Tam", "Tam Đường"), Ordering::Less);
        assert_eq!(compare("", "a"), Ordering::Less);
    }
}

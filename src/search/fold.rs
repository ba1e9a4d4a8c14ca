//! Vietnamese search folding: text → syllable tokens, each in its exact
//! form (NFC, lower case) and folded (tone and vowel marks removed, đ → d).
//! `themes/default/static/search.js` folds queries by the same rules
//! (`fold`, `tokens` there); `tests/browser/search.rs` checks they agree.

use unicode_normalization::UnicodeNormalization;

/// Longest token kept, in bytes: longer runs are not words (hashes, URLs).
pub const MAX_TOKEN_BYTES: usize = 40;

/// Whether `c` is a combining mark of the block Vietnamese marks come from
/// (U+0300–U+036F: grave, acute, tilde, hook above, dot below, circumflex,
/// breve, horn).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A word character: letters, digits and the marks on them. Vietnamese
/// letters are answered without Unicode's tables (the general lookup was a
/// tenth of a 10,000-article build): every character of Latin-1's letters,
/// Latin Extended-A and -B (ơ, ư) and Latin Extended Additional (ạ … ỹ) is
/// a letter, but × and ÷.
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// "Thổ" → "tho", "Điện" → "dien", "Mường" → "muong": lower case, every
/// mark removed, đ as d. ASCII text is returned as it is, lower-cased.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.to_lowercase()
        .nfd()
        .filter(|&c| !is_mark(c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .nfc()
        .collect()
}

/// The exact form of a token: NFC, lower case ("Hoà" and "hoà" alike).
pub fn exact(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfc().collect::<String>().to_lowercase()
}

/// The words of `text` as written, in order. Runs of word characters
/// longer than `MAX_TOKEN_BYTES` are dropped. The index splits by the same
/// rule in one pass over the bytes (`search::scan`); this is the rule as
/// its tests state it.
#[cfg(test)]
pub fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty() && w.len() <= MAX_TOKEN_BYTES)
}

/// The words of `text` in order, each as (exact, folded) (the index folds
/// each distinct word once instead: `search::invert`).
#[cfg(test)]
pub fn tokens(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    words(text).map(|w| {
        let e = exact(w);
        let f = fold(&e);
        (e, f)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_and_vowel_marks_fold_away_and_d_stroke_is_d() {
        assert_eq!(fold("Cải cách hành chính"), "cai cach hanh chinh");
        assert_eq!(fold("Điện Biên"), "dien bien");
        assert_eq!(fold("đ"), "d");
    }

    #[test]
    fn stacked_marks_fold_whether_typed_precomposed_or_decomposed() {
        for (w, f) in [
            ("Thổ", "tho"),
            ("Nậm", "nam"),
            ("Mường", "muong"),
            ("ưu", "uu"),
            ("tiên", "tien"),
        ] {
            assert_eq!(fold(w), f, "{w}");
            let decomposed: String = w.nfd().collect();
            assert_eq!(fold(&decomposed), f, "{w} decomposed");
            assert_eq!(exact(&decomposed), exact(w), "{w} exact form is NFC");
        }
    }

    #[test]
    fn tokens_split_on_punctuation_and_keep_both_forms() {
        let t: Vec<_> = tokens("Một cửa, liên-thông (2024)!").collect();
        assert_eq!(
            t,
            [
                ("một".into(), "mot".into()),
                ("cửa".into(), "cua".into()),
                ("liên".into(), "lien".into()),
                ("thông".into(), "thong".into()),
                ("2024".into(), "2024".into()),
            ]
        );
        let e: Vec<String> = tokens("bản bán ban").map(|t| t.0).collect();
        assert_eq!(e, ["bản", "bán", "ban"]);
        let f: Vec<String> = tokens("bản bán ban").map(|t| t.1).collect();
        assert_eq!(f, ["ban", "ban", "ban"]);
    }

    #[test]
    fn the_fast_word_test_agrees_with_unicode_on_every_character() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_mark(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn overlong_runs_are_not_tokens() {
        let long = "a".repeat(MAX_TOKEN_BYTES + 1);
        assert_eq!(tokens(&format!("xin {long} chào")).count(), 2);
    }
}

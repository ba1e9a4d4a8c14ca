//! Property tests (issue 4): slugs, Vietnamese number formatting, the
//! front-matter splitter and the shortcode scanner never panic and keep
//! their promises on any input. Case counts are modest so this runs in a
//! few seconds.

use chiso::parsers::{find_shortcodes, format_number, is_valid_slug, slugify, split_front_matter};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text that looks like Vietnamese headlines, with punctuation and odd
/// characters mixed in.
fn vietnamese_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([a-zA-Z0-9 ]|[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƠƯÂÊÔ]|[-_/.\\\\:!?\"'«»–—…]|\u{0301}|\u{0323}|中|😀){0,60}",
    )
    .unwrap()
}

fn assert_slug_shape(s: &str) {
    assert!(
        s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{s:?}"
    );
    assert!(!s.starts_with('-') && !s.ends_with('-'), "{s:?}");
    assert!(!s.contains("--"), "{s:?}");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn slugify_gives_clean_ascii_and_is_idempotent(s in any::<String>()) {
        let slug = slugify(&s);
        assert_slug_shape(&slug);
        prop_assert_eq!(slugify(&slug), slug.clone());
        if !slug.is_empty() {
            prop_assert!(is_valid_slug(&slug) || slug.len() > 200);
        }
    }

    #[test]
    fn slugify_of_vietnamese_text_is_clean_and_idempotent(s in vietnamese_text()) {
        let slug = slugify(&s);
        assert_slug_shape(&slug);
        prop_assert_eq!(slugify(&slug), slug.clone());
        // Composed and decomposed spellings give the same slug.
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(slugify(&nfd), slug);
    }

    #[test]
    fn format_number_never_panics(v in any::<f64>(), d in any::<u8>()) {
        let _ = format_number(v, d);
    }

    #[test]
    fn format_number_round_trips_with_exactly_d_decimals(
        v in -1e12f64..1e12f64,
        d in 0u8..=6,
    ) {
        let s = format_number(v, d);
        let (int_part, frac) = match s.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        match frac {
            None => prop_assert_eq!(d, 0, "{}", s),
            Some(f) => {
                prop_assert_eq!(f.len(), d as usize, "{}", s);
                prop_assert!(f.bytes().all(|b| b.is_ascii_digit()), "{}", s);
            }
        }
        // Thousands are grouped by dots in threes.
        let digits = int_part.trim_start_matches('-');
        let groups: Vec<&str> = digits.split('.').collect();
        prop_assert!(!groups[0].is_empty() && groups[0].len() <= 3, "{}", s);
        prop_assert!(groups[1..].iter().all(|g| g.len() == 3), "{}", s);
        // Parse the Vietnamese form back.
        let back: f64 = s.replace('.', "").replace(',', ".").parse().unwrap();
        let tolerance = 0.5 * 10f64.powi(-(d as i32)) + v.abs() * 4.0 * f64::EPSILON;
        prop_assert!((back - v).abs() <= tolerance, "{} -> {} vs {}", v, s, back);
    }

    #[test]
    fn frontmatter_split_never_panics(s in any::<String>()) {
        let _ = split_front_matter(&s);
    }

    #[test]
    fn frontmatter_split_never_panics_on_fence_soup(
        s in proptest::string::string_regex("(---|\n|\r\n| |a: b|-|\u{feff}|ố){0,30}").unwrap()
    ) {
        if let Ok(sp) = split_front_matter(&s) {
            // The parts are slices of the input, in order.
            prop_assert!(sp.yaml.len() + sp.body.len() <= s.len());
            prop_assert!(s.ends_with(sp.body));
        }
    }

    #[test]
    fn frontmatter_split_recovers_yaml_body_and_lines(
        blank_lines in 0usize..3,
        yaml_lines in proptest::collection::vec("[a-zà-ỹ0-9: #\"-]{0,16}", 0..8)
            .prop_filter("a YAML line may not be a fence", |ls| ls.iter().all(|l| l.trim_end() != "---")),
        body in any::<String>(),
        crlf in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let yaml: String = yaml_lines.iter().map(|l| format!("{l}{nl}")).collect();
        let text = format!("{}---{nl}{yaml}---{nl}{body}", nl.repeat(blank_lines));
        let sp = split_front_matter(&text).unwrap();
        prop_assert_eq!(sp.yaml, yaml.as_str());
        prop_assert_eq!(sp.body, body.as_str());
        prop_assert_eq!(sp.yaml_line_offset, blank_lines + 1);
        prop_assert_eq!(sp.body_line_offset, blank_lines + 2 + yaml_lines.len());
        // The offsets name the right lines of the file.
        let lines: Vec<&str> = text.split('\n').collect();
        if let Some(first) = yaml_lines.first() {
            prop_assert_eq!(lines[sp.yaml_line_offset].trim_end_matches('\r'), first.as_str());
        }
        prop_assert_eq!(lines[sp.body_line_offset - 1].trim_end_matches('\r'), "---");
    }

    #[test]
    fn shortcodes_find_never_panics(s in any::<String>()) {
        let _ = find_shortcodes(&s, &[]);
    }

    #[test]
    fn shortcodes_find_never_panics_on_shortcode_soup(
        s in proptest::string::string_regex(
            "(\\{\\{|\\}\\}|\\{|\\}|[a-z_]{1,6}|\\(|\\)|=|,|\"|'|[0-9]{1,25}|-| |\t|\n|ố|😀){0,40}"
        ).unwrap(),
        cut in any::<prop::sample::Index>(),
    ) {
        let (calls, errors) = find_shortcodes(&s, &[]);
        for c in &calls {
            prop_assert!(s.get(c.range.clone()).is_some_and(|t| t.starts_with("{{") && t.ends_with("}}")));
        }
        for (at, _) in &errors {
            prop_assert!(s[*at..].starts_with("{{"));
        }
        // A code range (as pulldown-cmark reports them: on char boundaries).
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let a = bounds[cut.index(bounds.len())];
        let _ = find_shortcodes(&s, &[std::ops::Range { start: 0, end: a }]);
        let _ = find_shortcodes(&s, &[std::ops::Range { start: a, end: s.len() }]);
    }
}

/// Every precomposed Vietnamese letter (12 vowels × 6 tones × 2 cases, less
/// the 12 plain ASCII vowels, plus đ and Đ): 134 letters, each folding to
/// its ASCII base letter.
#[test]
fn all_134_vietnamese_letters_fold_to_ascii() {
    const VOWELS: [(&str, char); 12] = [
        ("a", 'a'),
        ("a\u{306}", 'a'), // ă
        ("a\u{302}", 'a'), // â
        ("e", 'e'),
        ("e\u{302}", 'e'), // ê
        ("i", 'i'),
        ("o", 'o'),
        ("o\u{302}", 'o'), // ô
        ("o\u{31b}", 'o'), // ơ
        ("u", 'u'),
        ("u\u{31b}", 'u'), // ư
        ("y", 'y'),
    ];
    // No tone, huyền, sắc, hỏi, ngã, nặng.
    const TONES: [&str; 6] = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
    let mut letters: Vec<(char, char)> = Vec::new();
    for (base, ascii) in VOWELS {
        for tone in TONES {
            let lower: String = format!("{base}{tone}").nfc().collect();
            let upper: String = lower.to_uppercase().nfc().collect();
            for l in [lower, upper] {
                let mut cs = l.chars();
                let c = cs.next().unwrap();
                assert!(cs.next().is_none(), "{l:?} is not one precomposed letter");
                if !c.is_ascii() {
                    letters.push((c, ascii));
                }
            }
        }
    }
    letters.push(('đ', 'd'));
    letters.push(('Đ', 'd'));
    letters.sort();
    letters.dedup();
    assert_eq!(letters.len(), 134);
    for (c, ascii) in &letters {
        assert_eq!(slugify(&c.to_string()), ascii.to_string(), "{c}");
        let word = format!("x{c}y");
        assert_eq!(slugify(&word), format!("x{ascii}y"), "{word}");
        let decomposed: String = word.nfd().collect();
        assert_eq!(slugify(&decomposed), format!("x{ascii}y"), "{word} (NFD)");
    }
    assert_eq!(
        slugify("Đường Lê Lợi, Phường Đông Phong"),
        "duong-le-loi-phuong-dong-phong"
    );
}

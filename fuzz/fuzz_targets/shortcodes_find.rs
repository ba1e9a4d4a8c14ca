//! The shortcode scanner must never panic, with or without code ranges
//! (which pulldown-cmark reports on char boundaries).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u16)| {
    let (src, cut) = input;
    let (calls, errors) = chiso::parsers::find_shortcodes(src, &[]);
    for c in &calls {
        let t = &src[c.range.clone()];
        assert!(t.starts_with("{{") && t.ends_with("}}"));
    }
    for (at, _) in &errors {
        assert!(src[*at..].starts_with("{{"));
    }
    let mut a = (cut as usize).min(src.len());
    while !src.is_char_boundary(a) {
        a -= 1;
    }
    #[allow(clippy::single_range_in_vec_init)]
    let _ = chiso::parsers::find_shortcodes(src, &[0..a]);
    #[allow(clippy::single_range_in_vec_init)]
    let _ = chiso::parsers::find_shortcodes(src, &[a..src.len()]);
});

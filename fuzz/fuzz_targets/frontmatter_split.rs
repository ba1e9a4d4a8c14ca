//! The front-matter splitter must never panic, and what it returns must be
//! slices of the input in order with consistent line offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(s) = chiso::parsers::split_front_matter(text) {
        assert!(text.ends_with(s.body));
        assert!(s.yaml_line_offset >= 1);
        assert_eq!(s.body_line_offset, s.yaml_line_offset + 1 + s.yaml.matches('\n').count());
    }
});

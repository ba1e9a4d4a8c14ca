//! The plain text of a Markdown body for search, taken from the events of
//! the pass that renders it (no second parse).

use crate::render::shortcodes::{CLOSE, OPEN};
use pulldown_cmark::Event;

/// The plain text of a body, gathered from the parser's events as the page
/// renders (search indexes it): text and code, a space for breaks and ends
/// of blocks and inlines, runs of white space as one space, no shortcode
/// placeholders.
pub struct PlainText(pub String);

impl PlainText {
    pub fn new(len: usize) -> Self {
        PlainText(String::with_capacity(len))
    }

    fn space(&mut self) {
        if !self.0.is_empty() && !self.0.ends_with(' ') {
            self.0.push(' ');
        }
    }

    pub fn event(&mut self, ev: &Event) {
        match ev {
            Event::Text(t) | Event::Code(t) => self.push(t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => self.space(),
            _ => {}
        }
    }

    fn push(&mut self, t: &str) {
        let mut rest = t;
        while let Some(i) = rest.find(OPEN) {
            self.words(&rest[..i]);
            rest = rest[i..]
                .find(CLOSE)
                .map_or("", |j| &rest[i + j + CLOSE.len_utf8()..]);
        }
        self.words(rest);
    }

    /// `t` with each white-space character as a space (`space`: runs as
    /// one). Bytes are scanned, and only the lead bytes of the few
    /// non-ASCII white-space characters are decoded.
    fn words(&mut self, t: &str) {
        let b = t.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < b.len() {
            let width = match b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
                0xc2 | 0xe1 | 0xe2 | 0xe3 => t[i..]
                    .chars()
                    .next()
                    .filter(|c| c.is_whitespace())
                    .map_or(0, char::len_utf8),
                _ => 0,
            };
            if width == 0 {
                i += 1;
                continue;
            }
            self.0.push_str(&t[start..i]);
            self.space();
            i += width;
            start = i;
        }
        self.0.push_str(&t[start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::PlainText;

    /// `words` as it was: split on `char::is_whitespace`.
    fn by_chars(t: &str) -> String {
        let mut p = PlainText::new(0);
        for (i, w) in t.split(char::is_whitespace).enumerate() {
            if i > 0 {
                p.space();
            }
            p.0.push_str(w);
        }
        p.0
    }

    #[test]
    fn the_byte_scan_splits_on_exactly_the_white_space_characters() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let t = format!("a{c}b{c}{c} c ");
            let mut p = PlainText::new(0);
            p.words(&t);
            assert_eq!(p.0, by_chars(&t), "U+{:04X}", c as u32);
        }
        let mut p = PlainText::new(0);
        p.words("Mường\u{a0}So \u{3000}\tthảo\u{2003}quả\u{85}");
        assert_eq!(p.0, "Mường So thảo quả ");
    }
}

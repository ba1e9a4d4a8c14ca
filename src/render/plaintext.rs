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
    /// one). Bytes are scanned through a table, and only the lead bytes of
    /// the few non-ASCII white-space characters are decoded; text is copied
    /// a run at a time, a single space between words within the run.
    fn words(&mut self, t: &str) {
        let b = t.as_bytes();
        // Whether a white-space character here would add nothing: at the
        // start of the text or after a space.
        let mut after_space = self.0.is_empty() || self.0.ends_with(' ');
        if plain(b) && !(after_space && b.first() == Some(&b' ')) {
            self.0.push_str(t);
            return;
        }
        let (mut start, mut i) = (0, 0);
        while i < b.len() {
            let width = match BYTE[b[i] as usize] {
                OTHER => {
                    after_space = false;
                    i += 1;
                    continue;
                }
                SPACE if !after_space => {
                    after_space = true;
                    i += 1;
                    continue;
                }
                SPACE | ASCII_WS => 1,
                // Vietnamese letters (U+1E00–U+1EFF) share this lead byte
                // with the one white space of its block, U+1680 (E1 9A 80).
                _ if b[i] == 0xe1 && b[i + 1] != 0x9a => 0,
                _ => t[i..]
                    .chars()
                    .next()
                    .filter(|c| c.is_whitespace())
                    .map_or(0, char::len_utf8),
            };
            if width == 0 {
                after_space = false;
                i += 1;
                continue;
            }
            self.0.push_str(&t[start..i]);
            if !after_space {
                self.0.push(' ');
                after_space = true;
            }
            i += width;
            start = i;
        }
        self.0.push_str(&t[start..]);
    }
}

/// Whether `b` is copied as it is: no white space but single spaces
/// (none of the bytes the table below classes as white space or its lead,
/// but U+1E00–U+1EFF's lead E1 when not followed by 9A; no two spaces in
/// a row). Written without early exits so that it runs over many bytes
/// at once (most text events are plain).
fn plain(b: &[u8]) -> bool {
    let odd = |(&c, &next): (&u8, &u8)| {
        (c < 0x20)
            | (c == 0xc2)
            | (c == 0xe2)
            | (c == 0xe3)
            | ((c == 0xe1) & (next == 0x9a))
            | ((c == b' ') & (next == b' '))
    };
    let last = b.last().copied().unwrap_or(0);
    let tail = (last < 0x20) | (last == 0xc2) | (last.wrapping_sub(0xe1) < 3);
    !tail
        && !b
            .iter()
            .zip(b.iter().skip(1))
            .fold(false, |any, p| any | odd(p))
}

/// Byte classes for `PlainText::words`.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
/// Tab, line feed, vertical tab, form feed, carriage return.
const ASCII_WS: u8 = 2;
/// A lead byte of a non-ASCII white-space character (U+0085, U+00A0,
/// U+1680, U+2000–U+205F, U+3000).
const LEAD_WS: u8 = 3;

const BYTE: [u8; 256] = {
    let mut t = [OTHER; 256];
    t[b' ' as usize] = SPACE;
    let mut c = 0x09;
    while c <= 0x0d {
        t[c] = ASCII_WS;
        c += 1;
    }
    t[0xc2] = LEAD_WS;
    t[0xe1] = LEAD_WS;
    t[0xe2] = LEAD_WS;
    t[0xe3] = LEAD_WS;
    t
};

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
        // Plain runs, copied whole, and runs that only look plain.
        for t in [
            "Mường So",
            " Mường",
            "Mường ",
            "a  b",
            "ạ\u{1680}b",
            "ạ",
            "a\u{a0}",
        ] {
            for before in ["", "x", "x "] {
                let mut p = PlainText(before.to_string());
                p.words(t);
                let whole = format!("{before}{t}");
                assert_eq!(p.0, by_chars(&whole), "{before:?} + {t:?}");
            }
        }
    }
}

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

    fn words(&mut self, t: &str) {
        let mut first = true;
        for w in t.split(|c: char| c.is_whitespace()) {
            if !first {
                self.space();
            }
            first = false;
            self.0.push_str(w);
        }
    }
}

//! Heading anchors, a pass of the Markdown renderer (markdown.rs): each
//! heading is buffered to compute its id from its text.

use crate::util::text::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::BTreeMap;

/// Gives every heading an id: the one written (`{#id}`), or a slug of its
/// text, `muc` when that is empty, made unique on the page with `-1`, `-2`….
#[derive(Default)]
pub struct HeadingIds<'e> {
    used: BTreeMap<String, usize>,
    open: Option<HeadingBuf<'e>>,
    /// Events ready to be written, in order.
    pub ready: std::collections::VecDeque<Event<'e>>,
}

struct HeadingBuf<'a> {
    level: HeadingLevel,
    given: Option<String>,
    classes: Vec<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    inner: Vec<Event<'a>>,
}

impl<'e> HeadingIds<'e> {
    pub fn push(&mut self, ev: Event<'e>) {
        match ev {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                self.open = Some(HeadingBuf {
                    level,
                    given: id.map(|i| i.to_string()),
                    classes,
                    attrs,
                    inner: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(h) = self.open.take() {
                    let id = self.id_for(h.given, &h.inner);
                    self.ready.push_back(Event::Start(Tag::Heading {
                        level: h.level,
                        id: Some(id.into()),
                        classes: h.classes,
                        attrs: h.attrs,
                    }));
                    self.ready.extend(h.inner);
                }
                self.ready.push_back(Event::End(TagEnd::Heading(level)));
            }
            e => match self.open.as_mut() {
                Some(h) => h.inner.push(e),
                None => self.ready.push_back(e),
            },
        }
    }

    fn id_for(&mut self, given: Option<String>, inner: &[Event]) -> String {
        if let Some(g) = given {
            *self.used.entry(g.clone()).or_insert(0) += 1;
            return g;
        }
        let s = slugify(&heading_text(inner));
        let base = if s.is_empty() { "muc".to_string() } else { s };
        let n = self.used.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{}", *n - 1)
        }
    }
}

fn heading_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s
}

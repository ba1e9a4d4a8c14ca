//! Byte helpers for finished pages: the body placeholder spliced in after
//! the template ran, and the ids a page defines.

/// The ids an HTML page defines (`id="…"`), newline-separated.
pub fn ids_of(html: &[u8]) -> String {
    let mut ids = String::new();
    for at in memchr::memmem::find_iter(html, b" id=\"") {
        let rest = &html[at + 5..];
        let end = memchr::memchr(b'"', rest).unwrap_or(0);
        if let Ok(id) = std::str::from_utf8(&rest[..end]) {
            ids.push_str(id);
            ids.push('\n');
        }
    }
    ids
}

/// Stands in for a page's Markdown body in the template context; the body
/// is spliced into the rendered bytes, so it is never copied into Tera.
pub(crate) const CONTENT_TOKEN: &str = "\u{E00F}chiso-content\u{E00F}";

/// Where `CONTENT_TOKEN` is in `hay`: its first byte (the lead byte of
/// private-use characters, which pages otherwise lack) found by `memchr`,
/// quicker than a substring search through a page's inlined stylesheet.
fn find_token(hay: &[u8]) -> Option<usize> {
    let token = CONTENT_TOKEN.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(token[0], &hay[from..]) {
        let at = from + i;
        if hay[at..].starts_with(token) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

pub(crate) fn splice(mut out: Vec<u8>, content: &str) -> Vec<u8> {
    let token = CONTENT_TOKEN.as_bytes();
    let Some(at) = find_token(&out) else {
        return out;
    };
    let tail = out.split_off(at + token.len());
    out.truncate(at);
    out.reserve(content.len() + tail.len());
    out.extend_from_slice(content.as_bytes());
    // A template may show the content twice.
    out.extend_from_slice(&splice(tail, content));
    out
}

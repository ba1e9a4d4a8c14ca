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

/// Byte-string search.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Stands in for a page's Markdown body in the template context; the body
/// is spliced into the rendered bytes, so it is never copied into Tera.
pub(crate) const CONTENT_TOKEN: &str = "\u{E00F}chiso-content\u{E00F}";

pub(crate) fn splice(mut out: Vec<u8>, content: &str) -> Vec<u8> {
    let token = CONTENT_TOKEN.as_bytes();
    let Some(at) = find(&out, token) else {
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

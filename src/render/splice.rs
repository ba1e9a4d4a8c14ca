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

/// `out` with every `CONTENT_TOKEN` replaced by `content` (a template may
/// show the content twice), in place: the bytes after a token move once,
/// and the buffer grows only when the page does not fit its capacity.
pub(crate) fn splice(mut out: Vec<u8>, content: &str) -> Vec<u8> {
    let token = CONTENT_TOKEN.as_bytes();
    let mut from = 0;
    while let Some(i) = find_token(&out[from..]) {
        let at = from + i;
        let end = at + token.len();
        // The tail moved by memmove (`Vec::splice` wrote the content a byte
        // at a time: ~8 instructions a byte of every article).
        let len = out.len();
        if content.len() >= token.len() {
            let grow = content.len() - token.len();
            out.resize(len + grow, 0);
            out.copy_within(end..len, end + grow);
        } else {
            let shrink = token.len() - content.len();
            out.copy_within(end..len, end - shrink);
            out.truncate(len - shrink);
        }
        out[at..at + content.len()].copy_from_slice(content.as_bytes());
        // A token inside the content is the content's, not the template's.
        from = at + content.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_takes_the_place_of_every_token_and_nothing_else() {
        let page = |parts: &[&str]| parts.join(CONTENT_TOKEN).into_bytes();
        assert_eq!(splice(page(&["<a>", "</a>"]), "x"), b"<a>x</a>");
        assert_eq!(
            splice(page(&["<a>", "<b>", "</b>"]), "é"),
            "<a>é<b>é</b>".as_bytes()
        );
        assert_eq!(splice(page(&["", ""]), ""), b"");
        assert_eq!(splice(b"<p>no token</p>".to_vec(), "x"), b"<p>no token</p>");
        // Content that holds the token is put in as it is, not spliced into.
        let odd = format!("[{CONTENT_TOKEN}]");
        assert_eq!(
            splice(page(&["<a>", "</a>"]), &odd),
            format!("<a>{odd}</a>").into_bytes()
        );
    }
}

//! `<picture>` markup for planned photos, written from the plan alone (no
//! decoding): a WebP `srcset` with a JPEG fallback, `width`/`height` so the
//! page never shifts, and `sizes` that fit the default theme's column
//! (an article's measure is 36rem, 576 px, once the screen has room for it
//! and its 14 px padding each side, else the screen less 28 px). Also the pass over a body's HTML that gives every
//! `<img>` of a static file its size or its `<picture>`, and sends links
//! to an unpublished original to its largest JPEG.

use crate::model::images::PlannedImage;
use crate::render::renderer::Renderer;
use crate::util::text::escape_html;
use std::borrow::Cow;
use std::fmt::Write;

/// How wide the theme shows a photo, for the browser's choice of width.
pub const SIZES: &str = "(min-width: 604px) 576px, calc(100vw - 28px)";

pub use crate::render::pictag::Priority;

/// `<picture>` for `p`. `alt` and `title` are already escaped for an
/// attribute.
pub fn picture(
    r: &Renderer,
    p: &PlannedImage,
    alt: &str,
    title: &str,
    priority: Priority,
) -> String {
    crate::render::pictag::tag(&r.prefix, p, alt, title, priority, SIZES)
}

/// How wide the default theme's front page shows its featured photo: the
/// column on a phone; from 48em, 1.7 of 2.7 parts of `main` (less the
/// 1.5em gap) beside the secondary stories: 445 px of the 732 px page,
/// and from 64em, beside the 300 px sidebar, 63vw − 248 px up to 508 px.
pub const HOME_LEAD_SIZES: &str = "(min-width: 1200px) 508px, (min-width: 1024px) calc(63vw - 248px), (min-width: 768px) 445px, calc(100vw - 28px)";

/// The lead photo of an article (`image:`), when it is planned.
pub fn lead(r: &Renderer, url: &str, alt: &str) -> Option<String> {
    lead_sized(r, url, alt, SIZES)
}

/// A lead photo shown at `sizes` (the front page's featured story).
pub fn lead_sized(r: &Renderer, url: &str, alt: &str, sizes: &str) -> Option<String> {
    let p = r.site.images.get(url).filter(|p| p.resize)?;
    Some(crate::render::pictag::tag(
        &r.prefix,
        p,
        &escape_html(alt),
        "",
        Priority::Lead,
        sizes,
    ))
}

/// An attribute's value in a tag as written (`name="…"`).
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    tag[i..].split('"').next()
}

/// Body HTML with every `<img>` of a planned photo made a `<picture>`
/// (lazy), `width`/`height` on the other images of static files whose
/// header gives a size, and links to an unpublished original sent to its
/// largest JPEG. `known`: a size the model already read (the lead image).
pub fn body_images<'h>(
    r: &Renderer,
    html: &'h str,
    known: Option<(&str, (u32, u32))>,
) -> Cow<'h, str> {
    let html = images(r, html, known);
    match links(r, &html) {
        Cow::Owned(s) => Cow::Owned(s),
        Cow::Borrowed(_) => html,
    }
}

fn local<'s>(r: &Renderer, src: &'s str) -> &'s str {
    src.strip_prefix(r.prefix.as_str())
        .unwrap_or(src)
        .trim_start_matches('/')
}

fn images<'h>(r: &Renderer, html: &'h str, known: Option<(&str, (u32, u32))>) -> Cow<'h, str> {
    let img = memchr::memmem::Finder::new(b"<img ");
    if img.find(html.as_bytes()).is_none() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(i) = img.find(rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..tag_end];
        let src = attr(tag, "src").unwrap_or("");
        let local = local(r, src);
        let planned = (!src.contains("://"))
            .then(|| r.site.images.get(local))
            .flatten()
            .filter(|p| p.resize);
        if let Some(p) = planned {
            let alt = attr(tag, "alt").unwrap_or("");
            out.push_str(&picture(
                r,
                p,
                alt,
                attr(tag, "title").unwrap_or(""),
                Priority::Lazy,
            ));
            rest = &rest[tag_end..];
            continue;
        }
        let size = if tag.contains(" width=") || src.contains("://") {
            None
        } else if let Some((_, s)) = known.filter(|(u, _)| u.trim_start_matches('/') == local) {
            Some(s)
        } else {
            r.static_by_url
                .get(local)
                .and_then(|abs| crate::load::image::size_of(abs))
        };
        match size {
            Some((w, h)) => {
                let _ = write!(out, "<img width=\"{w}\" height=\"{h}\" ");
                out.push_str(&tag["<img ".len()..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `href="…"` to a resized original whose file is not published: to the
/// largest JPEG instead.
fn links<'h>(r: &Renderer, html: &'h str) -> Cow<'h, str> {
    if r.site.images.config.publish_originals {
        return Cow::Borrowed(html);
    }
    // Most bodies link to no photo: the addresses are looked up first, and
    // the body is copied only from the first one that changes.
    const HREF: &str = " href=\"";
    let finder = memchr::memmem::Finder::new(HREF);
    let mut out = String::new();
    // `html[copied..]` is not yet in `out`.
    let mut copied = 0;
    let mut from = 0;
    while let Some(i) = finder.find(&html.as_bytes()[from..]) {
        let start = from + i + HREF.len();
        let end = memchr::memchr(b'"', &html.as_bytes()[start..]).map_or(html.len(), |j| start + j);
        let href = &html[start..end];
        if let Some(to) = (!href.contains("://"))
            .then(|| r.site.images.replaced(local(r, href)))
            .flatten()
        {
            out.push_str(&html[copied..start]);
            out.push_str(&r.url(&format!("/{to}")));
            copied = end;
        }
        from = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

//! `<picture>` markup from a planned photo and the site's address prefix
//! alone (no `Renderer`): `picture.rs` and the renderer's teaser
//! thumbnails both write through it.

use crate::model::images::PlannedImage;
use std::fmt::Write;

/// Loading priority of an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// The lead photo: fetched first.
    Lead,
    /// Everything else: fetched when it nears the screen.
    Lazy,
    /// Small and always on the first screen (the header's emblem).
    Eager,
}

/// `srcset` of `p`'s derivatives in `ext`, appended to `s`.
fn srcset(s: &mut String, prefix: &str, p: &PlannedImage, ext: &str) {
    for (k, &w) in p.widths.iter().enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        s.push_str(prefix);
        s.push('/');
        p.push_derivative(s, w, ext);
        let _ = write!(s, " {w}w");
    }
}

/// How wide the default theme shows a teaser's thumbnail in a list: 34 %
/// of the column (the screen less 28 px) on a phone, 240 px beside the
/// text from 48em.
pub const THUMB_SIZES: &str = "(min-width: 768px) 240px, calc(34vw - 10px)";

/// A teaser's thumbnail (lazy, no alt: the title beside it names the
/// story).
pub fn thumb(prefix: &str, p: &PlannedImage) -> String {
    tag(prefix, p, "", "", Priority::Lazy, THUMB_SIZES)
}

/// A chart's share card as a teaser's thumbnail (an article without a
/// photo): lazy, no alt, marked so the theme letterboxes it whole.
pub fn chart_thumb(src: &str) -> String {
    format!(
        r#"<img class="chart-thumb" src="{}" width="{}" height="{}" alt="" loading="lazy" decoding="async">"#,
        crate::util::text::escape_html(src),
        crate::charts::raster::THUMB_W,
        crate::charts::raster::THUMB_H
    )
}

/// `<picture>` for `p` with the given `sizes`; `alt` and `title` are
/// already escaped for an attribute.
pub fn tag(
    prefix: &str,
    p: &PlannedImage,
    alt: &str,
    title: &str,
    priority: Priority,
    sizes: &str,
) -> String {
    let w = p.largest();
    let h = p.height_at(w);
    let load = match priority {
        Priority::Lead => r#" fetchpriority="high" decoding="async""#,
        Priority::Lazy => r#" loading="lazy" decoding="async""#,
        Priority::Eager => r#" decoding="async""#,
    };
    let mut s = String::with_capacity(512 + 2 * p.widths.len() * (p.url.len() + 32));
    s.push_str(r#"<picture><source type="image/webp" srcset=""#);
    srcset(&mut s, prefix, p, "webp");
    s.push_str(r#"" sizes=""#);
    s.push_str(sizes);
    s.push_str(r#""><img src=""#);
    s.push_str(prefix);
    s.push('/');
    p.push_derivative(&mut s, w, "jpg");
    s.push_str(r#"" srcset=""#);
    srcset(&mut s, prefix, p, "jpg");
    let _ = write!(
        s,
        r#"" sizes="{sizes}" width="{w}" height="{h}" alt="{alt}""#
    );
    if !title.is_empty() {
        let _ = write!(s, r#" title="{title}""#);
    }
    s.push_str(load);
    s.push_str("></picture>");
    s
}

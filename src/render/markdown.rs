//! Markdown to HTML with pulldown-cmark: heading anchors, prefixed footnote
//! ids, raw HTML policy, unsafe links dropped, shortcodes expanded.

use crate::diag::Diagnostic;
use crate::diag::codes;
use crate::load::config::RawHtml;
use crate::render::shortcodes::{self, CLOSE, Call, OPEN};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::Path;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What a shortcode expands to, or why it cannot.
pub type ShortcodeFn<'a> = dyn Fn(&Call) -> Result<String, String> + 'a;

pub struct Context<'a> {
    /// File shown in diagnostics.
    pub file: &'a Path,
    /// Lines before the Markdown starts in that file.
    pub line_offset: usize,
    pub raw_html: RawHtml,
    pub shortcode: &'a ShortcodeFn<'a>,
    /// The base URL's path (`""` or `/huyen`): site-absolute links and
    /// images (`/chi-so/…`) get it in front, so a site under a sub-path works.
    pub prefix: &'a str,
}

fn with_prefix<'e>(url: CowStr<'e>, prefix: &str) -> CowStr<'e> {
    if !prefix.is_empty() && url.starts_with('/') && !url.starts_with("//") {
        format!("{prefix}{url}").into()
    } else {
        url
    }
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Every link and image target with its line: (url, line).
    pub links: Vec<(String, usize)>,
}

struct Lines(Vec<usize>);

impl Lines {
    fn new(s: &str) -> Self {
        Lines(
            std::iter::once(0)
                .chain(s.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }
    /// 1-based (line, col) of a byte offset.
    fn at(&self, offset: usize, src: &str) -> (usize, usize) {
        let idx = self.0.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.0[idx];
        let col = src.get(start..offset).map_or(1, |t| t.chars().count() + 1);
        (idx + 1, col)
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

/// Render Markdown to HTML.
pub fn render(src: &str, ctx: &Context) -> Rendered {
    let mut out = Rendered::default();
    let lines = Lines::new(src);
    let diag_at = |offset: usize, d: Diagnostic| {
        let (l, c) = lines.at(offset, src);
        d.at(l + ctx.line_offset, c)
    };

    // 1. Shortcodes: find them outside code, swap in placeholders.
    let mut expansions: Vec<String> = Vec::new();
    let source: std::borrow::Cow<str> = if src.contains("{{") {
        let code: Vec<std::ops::Range<usize>> = Parser::new_ext(src, options())
            .into_offset_iter()
            .filter_map(|(e, r)| match e {
                Event::Code(_)
                | Event::Start(Tag::CodeBlock(_))
                | Event::Html(_)
                | Event::InlineHtml(_) => Some(r),
                _ => None,
            })
            .collect();
        let (calls, errors) = shortcodes::find(src, &code);
        for (at, e) in errors {
            out.diagnostics.push(diag_at(
                at,
                Diagnostic::error(codes::SHORTCODE, ctx.file, format!("malformed shortcode: {e}"))
                    .hint("write it as {{ chart(data=\"par-index\", kind=\"trend\", unit=\"phong-tho\") }}"),
            ));
        }
        let mut s = String::with_capacity(src.len());
        let mut last = 0;
        for call in &calls {
            s.push_str(&src[last..call.range.start]);
            let html = match (ctx.shortcode)(call) {
                Ok(h) => h,
                Err(e) => {
                    out.diagnostics.push(diag_at(
                        call.range.start,
                        Diagnostic::error(codes::SHORTCODE, ctx.file, e),
                    ));
                    String::new()
                }
            };
            s.push_str(&shortcodes::placeholder(expansions.len()));
            expansions.push(html);
            // Keep line numbers of what follows.
            s.extend(std::iter::repeat_n(
                '\n',
                src[call.range.clone()].matches('\n').count(),
            ));
            last = call.range.end;
        }
        s.push_str(&src[last..]);
        std::borrow::Cow::Owned(s)
    } else {
        std::borrow::Cow::Borrowed(src)
    };
    let src_lines = if expansions.is_empty() {
        None
    } else {
        Some(Lines::new(&source))
    };
    let line_of = |offset: usize| -> usize {
        let (l, _) = match &src_lines {
            Some(sl) => sl.at(offset, &source),
            None => lines.at(offset, src),
        };
        l + ctx.line_offset
    };

    // 2. Events, with our rewrites.
    let mut events: Vec<Event> = Vec::new();
    let mut used_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut heading: Option<HeadingBuf> = None;
    let mut dropped_links = 0usize;
    for (ev, range) in Parser::new_ext(&source, options()).into_offset_iter() {
        let ev = match ev {
            Event::Html(h) | Event::InlineHtml(h) if ctx.raw_html == RawHtml::Escape => {
                if !h.trim().is_empty() && !h.trim_start().starts_with("<!--") {
                    out.diagnostics.push(
                        Diagnostic::warning(codes::RAW_HTML, ctx.file, "raw HTML is shown as text")
                            .at(line_of(range.start), 0)
                            .hint("write Markdown instead, or set `markdown: { raw_html: allow }` in site.yaml if your editors are trusted"),
                    );
                    Event::Text(h)
                } else {
                    continue;
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if crate::util::text::is_unsafe_url(&dest_url) {
                    dropped_links += 1;
                    out.diagnostics.push(
                        Diagnostic::warning(codes::UNSAFE_LINK, ctx.file, format!("link to `{}` was removed", dest_url.chars().take(40).collect::<String>()))
                            .at(line_of(range.start), 0)
                            .hint("javascript: and data: links are not allowed; link to a page or file instead"),
                    );
                    continue;
                }
                out.links.push((dest_url.to_string(), line_of(range.start)));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: with_prefix(dest_url, ctx.prefix),
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) if dropped_links > 0 => {
                // Drop the end tag of the last dropped link. Links do not nest,
                // so a counter suffices.
                dropped_links -= 1;
                continue;
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if crate::util::text::is_unsafe_url(&dest_url) {
                    out.diagnostics.push(
                        Diagnostic::warning(
                            codes::UNSAFE_LINK,
                            ctx.file,
                            "image with a data: or javascript: address was removed",
                        )
                        .at(line_of(range.start), 0)
                        .hint("put the image file in content/static and link to it"),
                    );
                    Event::Start(Tag::Image {
                        link_type,
                        dest_url: "".into(),
                        title,
                        id,
                    })
                } else {
                    out.links.push((dest_url.to_string(), line_of(range.start)));
                    Event::Start(Tag::Image {
                        link_type,
                        dest_url: with_prefix(dest_url, ctx.prefix),
                        title,
                        id,
                    })
                }
            }
            Event::FootnoteReference(label) => {
                Event::FootnoteReference(format!("fn-{label}").into())
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                Event::Start(Tag::FootnoteDefinition(format!("fn-{label}").into()))
            }
            other => other,
        };
        // Heading anchors: buffer the heading to compute its id from its text.
        match ev {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading = Some(HeadingBuf {
                    level,
                    given: id.map(|i| i.to_string()),
                    classes,
                    attrs,
                    inner: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(h) = heading.take() {
                    let id = match h.given {
                        Some(g) => {
                            *used_ids.entry(g.clone()).or_insert(0) += 1;
                            g
                        }
                        None => {
                            let s = crate::util::text::slugify(&heading_text(&h.inner));
                            let base = if s.is_empty() { "muc".to_string() } else { s };
                            let n = used_ids.entry(base.clone()).or_insert(0);
                            *n += 1;
                            if *n == 1 {
                                base
                            } else {
                                format!("{base}-{}", *n - 1)
                            }
                        }
                    };
                    events.push(Event::Start(Tag::Heading {
                        level: h.level,
                        id: Some(id.into()),
                        classes: h.classes,
                        attrs: h.attrs,
                    }));
                    events.extend(h.inner);
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            e => match heading.as_mut() {
                Some(h) => h.inner.push(e),
                None => events.push(e),
            },
        }
    }

    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());

    // 3. Swap placeholders for their HTML.
    if !expansions.is_empty() {
        for (n, exp) in expansions.iter().enumerate() {
            let ph = shortcodes::placeholder(n);
            let block = format!("<p>{ph}</p>\n");
            if html.contains(&block) {
                html = html.replacen(&block, &format!("{exp}\n"), 1);
            } else {
                html = html.replacen(&ph, exp, 1);
            }
        }
        // Any placeholder that Markdown escaped or split is removed.
        if html.contains(OPEN) {
            html.retain(|c| c != OPEN && c != CLOSE);
        }
    }
    out.html = html;
    out
}

/// Markdown to HTML as a page body would get it, but with no site around
/// it: no shortcodes (each expands to nothing), no base-URL prefix, raw
/// HTML allowed or escaped. Diagnostics and links are dropped. For the
/// CommonMark conformance test.
pub fn render_markdown(src: &str, raw_html: bool) -> String {
    let no_shortcodes = |_: &Call| Ok(String::new());
    let ctx = Context {
        file: Path::new("markdown.md"),
        line_offset: 0,
        raw_html: if raw_html {
            RawHtml::Allow
        } else {
            RawHtml::Escape
        },
        shortcode: &no_shortcodes,
        prefix: "",
    };
    render(src, &ctx).html
}

struct HeadingBuf<'a> {
    level: HeadingLevel,
    given: Option<String>,
    classes: Vec<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    inner: Vec<Event<'a>>,
}

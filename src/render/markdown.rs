//! Markdown to HTML with pulldown-cmark: heading anchors, prefixed footnote
//! ids, raw HTML policy (escaped, or sanitised by `sanitize`), unsafe links
//! dropped, shortcodes expanded.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::load::config::RawHtml;
use crate::render::headings::HeadingIds;
use crate::render::plaintext::PlainText;
use crate::render::sanitize;
use crate::render::shortcodes::{self, CLOSE, Call, OPEN};
use crate::util::text::is_unsafe_url;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;
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
pub type ShortcodeFn<'a> = dyn Fn(&Call) -> Result<String, crate::diag::Msg> + 'a;

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
    /// Whether to keep the body's plain text (`Body::text`) for search.
    pub plain_text: bool,
}

fn with_prefix<'e>(url: CowStr<'e>, prefix: &str) -> CowStr<'e> {
    if !prefix.is_empty() && url.starts_with('/') && !url.starts_with("//") {
        format!("{prefix}{url}").into()
    } else {
        url
    }
}

#[derive(Debug, Default)]
pub struct Body {
    pub html: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Every link and image target with its line: (url, line).
    pub links: Vec<(String, usize)>,
    /// The plain text for search (when asked for): the text and code of the
    /// parser's own events, no markup, no shortcodes, spaces collapsed.
    pub text: String,
    /// `text`'s hash, computed once (serve keeps bodies between edits, and
    /// its search index tells unchanged documents by it).
    text_hash: std::sync::OnceLock<u128>,
}

impl Body {
    /// The body of an article that could not be read again: no HTML, the
    /// error to report (the build then fails).
    pub fn failed(d: Diagnostic) -> Body {
        Body {
            diagnostics: vec![d],
            ..Body::default()
        }
    }

    pub fn text_hash(&self) -> u128 {
        *self
            .text_hash
            .get_or_init(|| xxhash_rust::xxh3::xxh3_128(self.text.as_bytes()))
    }
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

/// Where an offset of a source text is, for diagnostics: 1-based line of
/// the file (after `line_offset` lines of front matter) and column.
#[derive(Clone, Copy)]
struct Locator<'a> {
    src: &'a str,
    lines: &'a Lines,
    line_offset: usize,
}

impl Locator<'_> {
    fn line(&self, offset: usize) -> usize {
        self.lines.at(offset, self.src).0 + self.line_offset
    }

    fn place(&self, offset: usize, d: Diagnostic) -> Diagnostic {
        let (l, c) = self.lines.at(offset, self.src);
        d.at(l + self.line_offset, c)
    }
}

/// Render Markdown to HTML.
pub fn render(src: &str, ctx: &Context) -> Body {
    render_with(src, ctx, true)
}

/// `sanitise: false` only for the conformance test: allowed raw HTML is
/// then passed as is, which no page ever gets.
fn render_with(src: &str, ctx: &Context, sanitise: bool) -> Body {
    let mut out = Body::default();
    let lines = Lines::new(src);
    let in_src = Locator {
        src,
        lines: &lines,
        line_offset: ctx.line_offset,
    };
    let mut expanded = expand_shortcodes(src, ctx, in_src, &mut out.diagnostics);
    // Placeholders keep line breaks, so only columns move; lines of the
    // rewritten source are counted afresh only when it differs.
    let source_lines = (!expanded.expansions.is_empty()).then(|| Lines::new(&expanded.source));
    let in_source = match &source_lines {
        Some(lines) => Locator {
            src: &expanded.source,
            lines,
            line_offset: ctx.line_offset,
        },
        None => in_src,
    };
    // Events stream from the parser through the rewrites into the HTML
    // writer: only a heading's own events wait (for its id), so memory
    // stays near the size of the text, not of its event list.
    let set_aside = sanitise && ctx.raw_html == RawHtml::Allow;
    let mut html = String::with_capacity(expanded.source.len() * 3 / 2);
    let raw_seen = {
        let source = &expanded.source;
        let expansions = &mut expanded.expansions;
        let mut rewrite = Rewrite::new(ctx, in_source, &mut out);
        let mut headings = HeadingIds::default();
        let mut parser = Parser::new_ext(source, options()).into_offset_iter();
        let mut text = ctx.plain_text.then(|| PlainText::new(source.len()));
        let events = std::iter::from_fn(|| {
            loop {
                if let Some(e) = headings.ready.pop_front() {
                    return Some(if set_aside {
                        sanitize::task_box_aside(e, expansions)
                    } else {
                        e
                    });
                }
                let (ev, range) = parser.next()?;
                if let Some(t) = &mut text {
                    t.event(&ev);
                }
                if let Some(ev) = rewrite.event(ev, range.start) {
                    headings.push(ev);
                }
            }
        });
        pulldown_cmark::html::push_html(&mut html, events);
        if let Some(mut t) = text {
            t.0.truncate(t.0.trim_end().len());
            rewrite.out.text = t.0;
        }
        rewrite.raw_seen
    };
    let sanitise = sanitise && raw_seen;
    if sanitise {
        // Before chiso's own HTML is spliced in: only the Markdown's HTML
        // and the user's go through the sanitiser.
        html = sanitize::clean(&html);
    }
    out.html = splice_expansions(html, &expanded.expansions);
    out
}

// ---------------------------------------------------------------------------
// 1. Shortcodes: found outside code, swapped for placeholders.

/// The source with each shortcode replaced by a placeholder, and the HTML
/// each placeholder stands for (in placeholder order).
struct Expanded<'s> {
    source: Cow<'s, str>,
    expansions: Vec<String>,
}

/// Byte ranges where `{{` is not a shortcode: code spans, code blocks, raw
/// HTML.
pub(crate) fn code_ranges(src: &str) -> Vec<Range<usize>> {
    Parser::new_ext(src, options())
        .into_offset_iter()
        .filter_map(|(e, r)| match e {
            Event::Code(_)
            | Event::Start(Tag::CodeBlock(_))
            | Event::Html(_)
            | Event::InlineHtml(_) => Some(r),
            _ => None,
        })
        .collect()
}

/// Expand every shortcode with `ctx.shortcode`. A failing or malformed one
/// is a diagnostic and expands to nothing.
fn expand_shortcodes<'s>(
    src: &'s str,
    ctx: &Context,
    at: Locator,
    diagnostics: &mut Vec<Diagnostic>,
) -> Expanded<'s> {
    let mut expansions = Vec::new();
    if !src.contains("{{") {
        return Expanded {
            source: Cow::Borrowed(src),
            expansions,
        };
    }
    let (calls, errors) = shortcodes::find(src, &code_ranges(src));
    for (offset, e) in errors {
        diagnostics.push(
            at.place(
                offset,
                Diagnostic::error(
                    codes::SHORTCODE,
                    ctx.file,
                    msg!(m::MD_SHORTCODE_MALFORMED, detail = e),
                )
                .hint(msg!(m::SHORTCODE_MALFORMED_HINT)),
            ),
        );
    }
    let mut s = String::with_capacity(src.len());
    let mut last = 0;
    for call in &calls {
        s.push_str(&src[last..call.range.start]);
        let html = (ctx.shortcode)(call).unwrap_or_else(|e| {
            diagnostics.push(at.place(
                call.range.start,
                Diagnostic::error(codes::SHORTCODE, ctx.file, e),
            ));
            String::new()
        });
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
    Expanded {
        source: Cow::Owned(s),
        expansions,
    }
}

// ---------------------------------------------------------------------------
// 2a. Rewrites of single events: raw HTML policy, unsafe links and images,
// the base-URL prefix, footnote ids. Links and warnings are recorded.

struct Rewrite<'c, 'o> {
    ctx: &'c Context<'c>,
    at: Locator<'c>,
    out: &'o mut Body,
    /// Dropped links whose end tag is still to come.
    dropped_links: usize,
    /// Raw HTML was allowed through: the body goes through the sanitiser.
    raw_seen: bool,
    /// The HTML block being read (its lines come one event each): where it
    /// starts, and its text.
    html_block: Option<(usize, String)>,
    /// Kinds of removal already warned about in this file.
    removed: BTreeSet<String>,
}

impl<'c, 'o> Rewrite<'c, 'o> {
    fn new(ctx: &'c Context<'c>, at: Locator<'c>, out: &'o mut Body) -> Self {
        Rewrite {
            ctx,
            at,
            out,
            dropped_links: 0,
            raw_seen: false,
            html_block: None,
            removed: BTreeSet::new(),
        }
    }

    /// The event to keep in its place, or `None` to drop it. `offset`: where
    /// it starts in the source.
    fn event<'e>(&mut self, ev: Event<'e>, offset: usize) -> Option<Event<'e>> {
        let ev = scrub(ev);
        match ev {
            Event::Html(h) | Event::InlineHtml(h) if self.ctx.raw_html == RawHtml::Escape => {
                self.escaped_html(h, offset)
            }
            Event::InlineHtml(h) => {
                self.allowed_html(&h, offset);
                Some(Event::InlineHtml(h))
            }
            Event::Html(h) => {
                self.html_block
                    .get_or_insert_with(|| (offset, String::new()))
                    .1
                    .push_str(&h);
                Some(Event::Html(h))
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, text)) = self.html_block.take() {
                    self.allowed_html(&text, start);
                }
                Some(ev)
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Some(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: self.heading_attrs(level, attrs, offset),
            })),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.link(dest_url, offset)?;
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link) if self.dropped_links > 0 => {
                // The end tag of the last dropped link. Links do not nest,
                // so a counter suffices.
                self.dropped_links -= 1;
                None
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Some(Event::Start(Tag::Image {
                link_type,
                dest_url: self.image(dest_url, offset, title.is_empty()),
                title,
                id,
            })),
            Event::FootnoteReference(label) => Some(Event::FootnoteReference(footnote_id(&label))),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                Some(Event::Start(Tag::FootnoteDefinition(footnote_id(&label))))
            }
            other => Some(other),
        }
    }

    /// Raw HTML under `raw_html: escape`: shown as text with a warning;
    /// blank or a comment, dropped silently.
    fn escaped_html<'e>(&mut self, h: CowStr<'e>, offset: usize) -> Option<Event<'e>> {
        if h.trim().is_empty() || h.trim_start().starts_with("<!--") {
            return None;
        }
        self.out.diagnostics.push(
            Diagnostic::warning(codes::RAW_HTML, self.ctx.file, msg!(m::MD_RAW_HTML))
                .at(self.at.line(offset), 0)
                .hint(msg!(m::MD_RAW_HTML_HINT)),
        );
        Some(Event::Text(h))
    }

    /// Raw HTML under `raw_html: allow`: kept for the sanitiser, which runs
    /// on the whole body; a warning for each kind of thing it will remove.
    fn allowed_html(&mut self, h: &str, offset: usize) {
        if h.trim().is_empty() {
            return;
        }
        self.raw_seen = true;
        let first = self.at.line(offset);
        for r in sanitize::removals(h) {
            let line = first.saturating_add(r.line).saturating_sub(1);
            self.removed_warning(r.kind, r.message, r.active, line);
        }
    }

    /// The attributes written on a heading (`{key=value}`), without those
    /// the sanitiser would remove: an `onclick=` there needs no setting.
    fn heading_attrs<'e>(
        &mut self,
        level: HeadingLevel,
        attrs: Vec<(CowStr<'e>, Option<CowStr<'e>>)>,
        offset: usize,
    ) -> Vec<(CowStr<'e>, Option<CowStr<'e>>)> {
        let element = format!("{level}");
        let line = self.at.line(offset);
        attrs
            .into_iter()
            .filter(|(k, v)| {
                match sanitize::attribute_removal(&element, k, v.as_deref().unwrap_or("")) {
                    Some((kind, message, active)) => {
                        self.removed_warning(kind, message, active, line);
                        false
                    }
                    None => true,
                }
            })
            .collect()
    }

    /// W0106, once per kind of removal in a file.
    fn removed_warning(
        &mut self,
        kind: String,
        message: crate::diag::Msg,
        active: bool,
        line: usize,
    ) {
        if !self.removed.insert(kind) {
            return;
        }
        self.out
            .diagnostics
            .push(sanitize::warning(self.ctx.file, message, active, line));
    }

    /// A link's target, recorded and prefixed; `None` when it is unsafe and
    /// the link is dropped (its text stays).
    fn link<'e>(&mut self, dest_url: CowStr<'e>, offset: usize) -> Option<CowStr<'e>> {
        let line = self.at.line(offset);
        if is_unsafe_url(&dest_url) {
            self.dropped_links += 1;
            let shown: String = dest_url.chars().take(40).collect();
            self.out.diagnostics.push(
                Diagnostic::warning(
                    codes::UNSAFE_LINK,
                    self.ctx.file,
                    msg!(m::MD_UNSAFE_LINK, url = &shown),
                )
                .at(line, 0)
                .hint(msg!(m::MD_UNSAFE_LINK_HINT)),
            );
            return None;
        }
        self.out.links.push((dest_url.to_string(), line));
        Some(with_prefix(dest_url, self.ctx.prefix))
    }

    /// An image's address, recorded and prefixed; empty when unsafe.
    fn image<'e>(&mut self, dest_url: CowStr<'e>, offset: usize, untitled: bool) -> CowStr<'e> {
        let line = self.at.line(offset);
        let alt_empty = self
            .at
            .src
            .get(offset..)
            .is_some_and(|s| s.starts_with("![]"));
        if untitled && alt_empty && !is_unsafe_url(&dest_url) {
            self.out
                .diagnostics
                .push(crate::diag::images::no_alt(self.ctx.file, line, &dest_url));
        }
        if is_unsafe_url(&dest_url) {
            self.out.diagnostics.push(
                Diagnostic::warning(codes::UNSAFE_LINK, self.ctx.file, msg!(m::MD_UNSAFE_IMAGE))
                    .at(line, 0)
                    .hint(msg!(m::MD_UNSAFE_IMAGE_HINT)),
            );
            return "".into();
        }
        self.out.links.push((dest_url.to_string(), line));
        with_prefix(dest_url, self.ctx.prefix)
    }
}

/// Footnote ids get a prefix, so they cannot clash with heading ids.
/// Text whose numeric character references (`&#1;`, `&#x1F;`, `&#127;`,
/// `&#xFFFE;`) made a character no page may hold: each becomes U+FFFD, as
/// HTML does with the references it refuses. Raw ones never get this far
/// (the source is checked when it is read).
fn scrub(ev: Event<'_>) -> Event<'_> {
    use crate::load::yaml::is_forbidden_char;
    let clean = |t: CowStr<'_>| -> String {
        t.chars()
            .map(|c| if is_forbidden_char(c) { '\u{FFFD}' } else { c })
            .collect()
    };
    match ev {
        Event::Text(t) if crate::load::yaml::may_forbid(&t) => Event::Text(clean(t).into()),
        Event::Code(t) if crate::load::yaml::may_forbid(&t) => Event::Code(clean(t).into()),
        ev => ev,
    }
}

fn footnote_id(label: &str) -> CowStr<'static> {
    format!("fn-{label}").into()
}

// ---------------------------------------------------------------------------
// 3. Placeholders swapped for their HTML.

/// A placeholder alone in a paragraph takes the paragraph's place (a chart
/// is a block); one inside text is replaced where it stands. Any that
/// Markdown escaped or split is removed.
fn splice_expansions(mut html: String, expansions: &[String]) -> String {
    if expansions.is_empty() {
        return html;
    }
    for (n, exp) in expansions.iter().enumerate() {
        let ph = shortcodes::placeholder(n);
        let block = format!("<p>{ph}</p>\n");
        if html.contains(&block) {
            html = html.replacen(&block, &format!("{exp}\n"), 1);
        } else {
            html = html.replacen(&ph, exp, 1);
        }
    }
    if html.contains(OPEN) {
        html.retain(|c| c != OPEN && c != CLOSE);
    }
    html
}

/// Markdown to HTML as a page body would get it, but with no site around
/// it: no shortcodes (each expands to nothing), no base-URL prefix, raw
/// HTML allowed or escaped. Diagnostics and links are dropped. For the
/// CommonMark conformance test.
pub fn render_markdown(src: &str, raw_html: bool) -> String {
    let raw_html = if raw_html {
        RawHtml::Allow
    } else {
        RawHtml::Escape
    };
    bare(src, raw_html, true)
}

/// As [`render_markdown`] with raw HTML allowed, but without the
/// sanitiser, which no page is ever rendered without: for the CommonMark
/// test that shows chiso's other passes change nothing.
pub fn render_markdown_unsanitised(src: &str) -> String {
    bare(src, RawHtml::Allow, false)
}

/// The plain text of Markdown that no page renders itself (a dataset's
/// description): shortcodes dropped, as `Body::text`.
pub fn plain_text(src: &str) -> String {
    let no_shortcodes = |_: &Call| Ok(String::new());
    let ctx = Context {
        file: Path::new(""),
        line_offset: 0,
        raw_html: RawHtml::Escape,
        shortcode: &no_shortcodes,
        prefix: "",
        plain_text: true,
    };
    render_with(src, &ctx, false).text
}

fn bare(src: &str, raw_html: RawHtml, sanitise: bool) -> String {
    let no_shortcodes = |_: &Call| Ok(String::new());
    let ctx = Context {
        file: Path::new("markdown.md"),
        line_offset: 0,
        raw_html,
        shortcode: &no_shortcodes,
        plain_text: false,
        prefix: "",
    };
    render_with(src, &ctx, sanitise).html
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;

//! The user's raw HTML under `markdown.raw_html: allow`, through a real
//! sanitiser (ammonia, on html5ever): no setting can publish a script, a
//! form, a frame, an event handler or a `javascript:` address.
//!
//! [`clean`] runs on a Markdown body that holds raw HTML, after
//! pulldown-cmark wrote it and *before* chiso's own HTML (charts, values,
//! task-list boxes) is spliced in for its placeholders, so only the
//! Markdown's HTML and the user's reach ammonia. The lists below allow all
//! that pulldown-cmark writes (heading `id`s, footnote classes, table
//! `style="text-align: …"`), so a body without anything to remove comes
//! back with the same elements and attributes, only re-serialised.
//!
//! [`removals`] says what ammonia will remove from one piece of the user's
//! raw HTML, and on which line: html5ever's tokenizer (the one ammonia's
//! parser uses) read against the same lists. It only explains; ammonia
//! decides.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::{Diagnostic, Msg, codes};
use crate::render::shortcodes::{CLOSE, OPEN, placeholder};
use crate::util::text::is_unsafe_url;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::Event;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

/// Elements that are kept, each with the attributes it may carry besides
/// [`GENERIC`]. Everything newsrooms paste: tables with their old
/// attributes, figures, details, abbreviations, local video and audio.
const TAGS: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("abbr", &[]),
    ("article", &[]),
    ("aside", &[]),
    ("audio", &["src", "controls", "preload", "loop", "muted"]),
    ("b", &[]),
    ("bdi", &[]),
    ("blockquote", &["cite"]),
    ("br", &[]),
    ("caption", &["align"]),
    ("cite", &[]),
    ("code", &[]),
    ("col", &["span", "width", "align", "valign"]),
    ("colgroup", &["span", "width", "align", "valign"]),
    ("dd", &[]),
    ("del", &["cite", "datetime"]),
    ("details", &["open"]),
    ("dfn", &[]),
    ("div", &["align"]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("footer", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("header", &[]),
    ("hr", &[]),
    ("i", &[]),
    (
        "img",
        &[
            "src", "alt", "width", "height", "loading", "decoding", "align",
        ],
    ),
    ("ins", &["cite", "datetime"]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("ol", &["start", "reversed", "type"]),
    ("p", &["align"]),
    ("pre", &[]),
    ("q", &["cite"]),
    ("s", &[]),
    ("samp", &[]),
    ("section", &[]),
    ("small", &[]),
    ("source", &["src", "type", "media"]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    (
        "table",
        &[
            "border",
            "cellpadding",
            "cellspacing",
            "width",
            "align",
            "summary",
        ],
    ),
    ("tbody", &["align", "valign"]),
    (
        "td",
        &[
            "colspan", "rowspan", "headers", "align", "valign", "width", "height",
        ],
    ),
    ("tfoot", &["align", "valign"]),
    (
        "th",
        &[
            "colspan", "rowspan", "headers", "scope", "abbr", "align", "valign", "width", "height",
        ],
    ),
    ("thead", &["align", "valign"]),
    ("time", &["datetime"]),
    ("tr", &["align", "valign"]),
    ("track", &["src", "kind", "srclang", "label", "default"]),
    ("u", &[]),
    ("ul", &[]),
    ("var", &[]),
    (
        "video",
        &[
            "src",
            "poster",
            "controls",
            "width",
            "height",
            "preload",
            "loop",
            "muted",
            "playsinline",
        ],
    ),
    ("wbr", &[]),
];

/// Attributes every kept element may carry. `style` only without an
/// address or code in it ([`style_risk`]).
const GENERIC: &[&str] = &["id", "class", "title", "lang", "dir", "style"];

/// Removed with all they hold: active content, frames, embeds, form
/// controls, foreign markup that can carry its own scripts.
const REMOVED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "noembed", "noframes", "template", "textarea", "select", "button", "title", "xmp", "svg",
    "math", "head", "meta", "link", "base", "param",
];

/// Removed (their text is kept) and named as never published.
const ACTIVE: &[&str] = &[
    "form",
    "input",
    "label",
    "fieldset",
    "legend",
    "option",
    "optgroup",
    "datalist",
    "output",
    "dialog",
    "portal",
    "fencedframe",
];

/// URL schemes a link or an image may use; relative addresses pass.
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Attributes holding an address (ammonia's list, and `cite`, `poster`).
fn is_url_attr(attr: &str) -> bool {
    matches!(attr, "href" | "src" | "cite" | "poster")
}

/// Video, audio and their sources play only files of the site.
fn is_media(element: &str) -> bool {
    matches!(element, "video" | "audio" | "source" | "track")
}

static BUILDER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(TAGS.iter().map(|(t, _)| *t).collect())
        .tag_attributes(
            TAGS.iter()
                .filter(|(_, a)| !a.is_empty())
                .map(|(t, a)| (*t, a.iter().copied().collect::<HashSet<_>>()))
                .collect::<HashMap<_, _>>(),
        )
        .generic_attributes(GENERIC.iter().copied().collect())
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        .url_schemes(SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(|element: &str, attr: &str, value: &str| {
            if value_risk(element, attr, value).is_some() {
                return None;
            }
            if value.contains([OPEN, CLOSE]) {
                // chiso's placeholders are spliced in after this pass: one
                // typed into an attribute must not receive HTML there.
                return Some(Cow::Owned(value.replace([OPEN, CLOSE], "")));
            }
            Some(Cow::Borrowed(value))
        });
    b
});

/// `html` with everything not on the lists removed.
pub fn clean(html: &str) -> String {
    BUILDER.clean(html).to_string()
}

/// Why an allowed attribute's value is still removed: an unsafe address
/// or scheme (ammonia's rule, here for every address attribute), a risky
/// style, a video from elsewhere. The flag: active content.
fn value_risk(element: &str, attr: &str, value: &str) -> Option<(Msg, bool)> {
    if attr == "style" {
        return style_risk(value).map(|why| (why, true));
    }
    if !is_url_attr(attr) {
        return None;
    }
    if is_unsafe_url(value) {
        return Some((msg!(m::RAW_UNSAFE_ADDRESS), true));
    }
    if let Ok(url) = ammonia::Url::parse(value.trim()) {
        if !SCHEMES.contains(&url.scheme()) {
            return Some((msg!(m::RAW_SCHEME, scheme = url.scheme()), false));
        }
    }
    if is_media(element) && matches!(attr, "src" | "poster") && !is_local(value) {
        return Some((msg!(m::RAW_FOREIGN_MEDIA), false));
    }
    None
}

/// A relative address: no scheme, not `//host/…`.
fn is_local(url: &str) -> bool {
    let u = url.trim();
    !u.starts_with("//")
        && !u.starts_with("\\\\")
        && matches!(
            ammonia::Url::parse(u),
            Err(ammonia::url::ParseError::RelativeUrlWithoutBase)
        )
}

/// A `style` value that loads an address or runs code (old IE
/// `expression()`, `behavior`, `-moz-binding`), or hides what it does
/// behind CSS escapes or comments, is removed whole. Layout, colour and
/// text properties stay.
pub fn style_risk(value: &str) -> Option<Msg> {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let loads = ["url(", "image(", "image-set(", "@import", "src("];
    let runs = [
        "expression(",
        "javascript:",
        "vbscript:",
        "behavior",
        "behaviour",
        "-moz-binding",
    ];
    if loads.iter().any(|p| v.contains(p)) {
        Some(msg!(m::RAW_STYLE_LOADS))
    } else if runs.iter().any(|p| v.contains(p)) {
        Some(msg!(m::RAW_STYLE_RUNS))
    } else if v.contains('\\') || v.contains("/*") {
        Some(msg!(m::RAW_STYLE_ESCAPES))
    } else if v.contains("position:fixed") {
        Some(msg!(m::RAW_STYLE_OVERLAY))
    } else {
        None
    }
}

/// Task-list boxes are `<input>`s, which the sanitiser removes: they are set
/// aside as placeholders, like shortcodes, and spliced back after it.
pub fn task_box_aside<'e>(e: Event<'e>, expansions: &mut Vec<String>) -> Event<'e> {
    match e {
        Event::TaskListMarker(_) => {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, std::iter::once(e));
            let ph = placeholder(expansions.len());
            expansions.push(html);
            Event::Html(ph.into())
        }
        e => e,
    }
}

/// W0106 for one kind of removal, at the line of the raw HTML.
pub fn warning(file: &Path, message: Msg, active: bool, line: usize) -> Diagnostic {
    let hint = if active {
        msg!(m::RAW_ACTIVE_HINT)
    } else {
        msg!(m::RAW_LIST_HINT)
    };
    Diagnostic::warning(codes::SANITIZED, file, message)
        .at(line, 0)
        .hint(hint)
}

/// One thing ammonia removes from the user's raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// 1-based line within the piece of HTML read.
    pub line: usize,
    /// The kind, for one warning per kind and file: `<script>`, `onclick`,
    /// `href=javascript:`.
    pub kind: String,
    pub message: Msg,
    /// Scripts, forms, frames, event handlers, unsafe addresses.
    pub active: bool,
}

/// What ammonia will remove from `raw`, a piece of the user's raw HTML
/// (an HTML block, or one inline tag), in order.
pub fn removals(raw: &str) -> Vec<Removal> {
    let sink = Finder::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(raw));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.found.into_inner()
}

#[derive(Default)]
struct Finder {
    found: RefCell<Vec<Removal>>,
    /// Inside an element removed with its content: its name and depth.
    skipping: RefCell<Option<(String, usize)>>,
}

impl Finder {
    fn push(&self, line: u64, kind: String, message: Msg, active: bool) {
        self.found.borrow_mut().push(Removal {
            line: usize::try_from(line).unwrap_or(usize::MAX),
            kind,
            message,
            active,
        });
    }

    fn start_tag(&self, name: &str, attrs: &[html5ever::Attribute], line: u64) {
        if REMOVED_WITH_CONTENT.contains(&name) {
            self.push(
                line,
                format!("<{name}>"),
                msg!(
                    m::RAW_REMOVED_WITH_CONTENT,
                    name = name,
                    why = msg!(m::RAW_NEVER)
                ),
                true,
            );
            return;
        }
        if !TAGS.iter().any(|(t, _)| *t == name) {
            let active = ACTIVE.contains(&name);
            let why = if active {
                msg!(m::RAW_NEVER)
            } else {
                msg!(m::RAW_NOT_LISTED)
            };
            self.push(
                line,
                format!("<{name}>"),
                msg!(m::RAW_REMOVED_TAG, name = name, why = why),
                active,
            );
            return;
        }
        for a in attrs {
            if let Some(r) = attribute_removal(name, &a.name.local, &a.value) {
                self.push(line, r.0, r.1, r.2);
            }
        }
    }
}

/// Whether an attribute of a kept element is removed: its kind, the
/// message, and whether it is active content. Also for the attributes
/// written on a Markdown heading (`# Title {onclick=…}`).
pub fn attribute_removal(element: &str, attr: &str, value: &str) -> Option<(String, Msg, bool)> {
    let own = TAGS
        .iter()
        .find(|(t, _)| *t == element)
        .map_or(&[][..], |(_, a)| *a);
    let lower = attr.to_ascii_lowercase();
    let attr = lower.as_str();
    if attr.starts_with("on") {
        Some((
            attr.to_string(),
            msg!(
                m::RAW_REMOVED_HANDLER,
                attr = attr,
                element = element,
                why = msg!(m::RAW_NEVER)
            ),
            true,
        ))
    } else if !GENERIC.contains(&attr) && !own.contains(&attr) {
        Some((
            attr.to_string(),
            msg!(m::RAW_REMOVED_ATTR, attr = attr, element = element),
            false,
        ))
    } else if let Some((why, active)) = value_risk(element, attr, value) {
        let kind = format!("{attr}: {}", why.render(crate::diag::Lang::En));
        let message = if active {
            msg!(
                m::RAW_REMOVED_VALUE_ACTIVE,
                attr = attr,
                element = element,
                why = why,
                never = msg!(m::RAW_NEVER)
            )
        } else {
            msg!(
                m::RAW_REMOVED_VALUE,
                attr = attr,
                element = element,
                why = why
            )
        };
        Some((kind, message, active))
    } else {
        None
    }
}

impl TokenSink for Finder {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let name = &*tag.name;
        let mut skipping = self.skipping.borrow_mut();
        if let Some((outer, depth)) = skipping.as_mut() {
            if name == outer.as_str() {
                match tag.kind {
                    TagKind::StartTag if !tag.self_closing => *depth += 1,
                    TagKind::EndTag if *depth > 1 => *depth -= 1,
                    TagKind::EndTag => *skipping = None,
                    TagKind::StartTag => {}
                }
            }
            return TokenSinkResult::Continue;
        }
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        self.start_tag(name, &tag.attrs, line);
        // As the tree builder would: the text of these is not markup.
        let raw = match name {
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            "textarea" | "title" => Some(RawKind::Rcdata),
            _ => None,
        };
        if let Some(kind) = raw {
            return TokenSinkResult::RawData(kind);
        }
        let void = matches!(
            name,
            "embed" | "meta" | "link" | "base" | "param" | "input" | "img" | "br" | "hr"
        );
        if REMOVED_WITH_CONTENT.contains(&name) && !void && !tag.self_closing {
            *skipping = Some((name.to_string(), 1));
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
#[path = "sanitize_tests.rs"]
mod tests;

//! One module per page kind. Each turns a part of the `Site` into
//! `JobOutput`: the files, the links they contain, their diagnostics.

pub mod alias;
pub mod archive;
pub mod article;
pub mod dataset;
pub mod list;
pub mod page;
pub mod search;

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::output::sink::{LinkRef, OutputFile};
use crate::render::markdown;
use crate::render::renderer::Renderer;
use std::path::{Path, PathBuf};

/// Result of one job.
#[derive(Default)]
pub struct JobOutput {
    pub files: Vec<OutputFile>,
    /// Files copied as they are: (source, output path).
    pub copies: Vec<(PathBuf, String)>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Files the sink could not take (a full disk fails them all alike).
    pub write_errors: Vec<Diagnostic>,
}

impl JobOutput {
    fn file(path: String, r: Result<Vec<u8>, Diagnostic>) -> JobOutput {
        match r {
            Ok(bytes) => JobOutput {
                files: vec![OutputFile { path, bytes }],
                ..Default::default()
            },
            Err(d) => JobOutput {
                diagnostics: vec![d],
                ..Default::default()
            },
        }
    }
}

pub fn links_of(body: &markdown::Body, file: &Path) -> Vec<LinkRef> {
    body.links
        .iter()
        .map(|(url, line)| LinkRef {
            url: url.clone(),
            file: file.to_path_buf(),
            line: *line,
        })
        .collect()
}

/// Body HTML with `width` and `height` on every `<img>` of a static file
/// whose header gives its size: the page keeps its layout while images
/// arrive. Images the Markdown renderer wrote, not the author's raw HTML
/// (which `markdown.raw_html: allow` passes as it is) — both get sizes.
/// `known`: an image whose size the model already read (the lead image,
/// usually also shown in the body), so its header is not read again.
pub fn size_images<'h>(
    r: &Renderer,
    html: &'h str,
    known: Option<(&str, (u32, u32))>,
) -> std::borrow::Cow<'h, str> {
    let img = memchr::memmem::Finder::new(b"<img ");
    if img.find(html.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(i) = img.find(rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..tag_end];
        let src = tag
            .split(" src=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("");
        let local = src
            .strip_prefix(r.prefix.as_str())
            .unwrap_or(src)
            .trim_start_matches('/');
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
                out.push_str(&format!("<img width=\"{w}\" height=\"{h}\" "));
                out.push_str(&tag["<img ".len()..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A template named in front matter that does not exist is reported at the
/// `template:` line of the content file, not as a theme error.
pub fn missing_template(
    r: &Renderer,
    d: Diagnostic,
    template: &str,
    default: &str,
    source: &Path,
    given: &Option<(String, crate::load::content::Loc)>,
) -> Diagnostic {
    if template != default && !r.theme.tera.contains_template(template) {
        let loc = given.as_ref().map(|t| t.1.clone()).unwrap_or_default();
        Diagnostic::error(
            crate::diag::codes::MISSING_TEMPLATE,
            source,
            msg!(m::PAGES_NO_TEMPLATE, template = template),
        )
        .at(loc.line, loc.col)
        .hint(msg!(m::PAGES_NO_TEMPLATE_HINT))
    } else {
        d
    }
}

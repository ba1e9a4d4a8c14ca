//! One module per page kind. Each turns a part of the `Site` into
//! `JobOutput`: the files, the links they contain, their diagnostics.

pub mod alias;
pub mod archive;
pub mod article;
pub mod dataset;
pub mod home;
pub mod list;
pub mod page;
pub mod panel;
pub mod search;
mod tables;

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::output::sink::{CarriedGroup, LinkRef, OutputFile};
use crate::render::markdown;
use crate::render::renderer::Renderer;
use std::path::{Path, PathBuf};

/// Result of one job.
#[derive(Default)]
pub struct JobOutput {
    pub files: Vec<OutputFile>,
    /// Files copied as they are: (source, output path).
    pub copies: Vec<(PathBuf, String)>,
    /// A photo's derivatives from the cache (output paths under
    /// `PHOTO_DIR`): carried over from the last output where it has them,
    /// else hard-linked where the file system allows, else copied.
    pub photo: Option<CarriedGroup>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Files the sink could not take (a full disk fails them all alike).
    pub write_errors: Vec<Diagnostic>,
    /// An article's plain text from its Markdown pass, for the search job
    /// (which runs after the others); empty when search is off.
    pub text: Option<String>,
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

/// What to say where a body refers to a bad or odd image (its line).
pub fn image_diagnostics(r: &Renderer, body: &markdown::Body, file: &Path) -> Vec<Diagnostic> {
    body.links
        .iter()
        .filter(|(u, _)| u.starts_with('/'))
        .flat_map(|(u, line)| r.site.images.diagnostics_for(u, file, *line))
        .collect()
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

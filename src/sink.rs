//! Where rendered files go: the `Sink` trait and its simple kinds, plus the
//! byte helpers the render stage uses on finished pages.

use crate::diagnostics::Diagnostic;
use crate::render::OutputFile;
use std::path::Path;

/// Where rendered files go as soon as they are made, so a build never holds
/// the whole site in memory: a staging folder (`build`), nowhere (`check`),
/// or a list (`serve`).
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;
    /// Copy a file as it is (static files).
    fn copy(&self, from: &Path, to: &str) -> Result<(), Diagnostic>;
    /// Hard-link a file where the sink can (site.yaml `static_files: link`),
    /// else copy it.
    fn link(&self, from: &Path, to: &str) -> Result<(), Diagnostic> {
        self.copy(from, to)
    }
}

/// Discards everything (`check`).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile) -> Result<(), Diagnostic> {
        Ok(())
    }
    fn copy(&self, _: &Path, _: &str) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Keeps every file in memory (`serve`, tests).
#[derive(Default)]
pub struct Collect(pub std::sync::Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0.lock().map_err(|_| poisoned())?.push(file);
        Ok(())
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), Diagnostic> {
        let bytes = std::fs::read(from).map_err(|e| crate::content::io_error(from, &e))?;
        self.put(OutputFile {
            path: to.to_string(),
            bytes,
        })
    }
}

fn poisoned() -> Diagnostic {
    Diagnostic::error(
        crate::codes::IO,
        "output",
        "an output writer failed earlier",
    )
}

impl Collect {
    pub fn into_sorted(self) -> Vec<OutputFile> {
        let mut v = self.0.into_inner().unwrap_or_default();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        v
    }
}

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

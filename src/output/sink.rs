//! Where rendered files go: the `Sink` trait and its simple kinds, plus the
//! byte helpers the render stage uses on finished pages.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use std::path::{Path, PathBuf};

/// One file of the finished site; `path` is relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where an internal link was written, for the link check.
#[derive(Debug, Clone)]
pub struct LinkRef {
    pub url: String,
    pub file: PathBuf,
    pub line: usize,
}

/// A file that reached the sink.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Written {
    /// Relative to the output folder.
    pub path: String,
    /// For HTML pages, the ids they define (newline-separated), for the
    /// anchor check; empty for other files.
    pub ids: String,
}

/// What rendering produced, once the files themselves went to a `Sink`.
#[derive(Default)]
pub struct Rendered {
    /// Every output path, sorted, with the ids of HTML pages.
    pub pages: Vec<Written>,
    pub links: Vec<LinkRef>,
    pub charts: usize,
}

impl Rendered {
    /// Every path written so far.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.iter().map(|p| p.path.as_str())
    }

    /// Whether `path` was written (the list is sorted).
    pub fn contains(&self, path: &str) -> bool {
        self.pages
            .binary_search_by(|w| w.path.as_str().cmp(path))
            .is_ok()
    }

    /// Record a file that is not an HTML page (the sitemap), in order.
    pub fn add(&mut self, path: &str) {
        let w = Written {
            path: path.to_string(),
            ids: String::new(),
        };
        let at = self.pages.binary_search(&w).unwrap_or_else(|e| e);
        self.pages.insert(at, w);
    }

    pub fn html_pages(&self) -> usize {
        self.pages
            .iter()
            .filter(|p| p.path.ends_with(".html"))
            .count()
    }
}

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
    /// A file of a folder carried over from the last output (photo
    /// derivatives, output/carry.rs): the staging folder writes it only
    /// where the last output lacks it; other sinks link or copy it.
    fn carry(&self, from: &Path, to: &str) -> Result<(), Diagnostic> {
        self.link(from, to)
    }
    /// Whether files handed over are kept (`false` for `check`: photos are
    /// then only planned, never encoded).
    fn keeps(&self) -> bool {
        true
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
    fn keeps(&self) -> bool {
        false
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
        let bytes = std::fs::read(from).map_err(|e| crate::load::fs::io_error(from, &e))?;
        self.put(OutputFile {
            path: to.to_string(),
            bytes,
        })
    }
}

fn poisoned() -> Diagnostic {
    Diagnostic::error(crate::diag::codes::IO, "output", msg!(m::OUT_POISONED))
}

impl Collect {
    pub fn into_sorted(self) -> Vec<OutputFile> {
        let mut v = self.0.into_inner().unwrap_or_default();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        v
    }
}

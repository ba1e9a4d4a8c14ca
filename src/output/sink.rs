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

/// The files of one photo, carried as a group (output/carry.rs): a
/// build names a photo's copies once, not file by file.
#[derive(Debug, Clone, Default)]
pub struct CarriedGroup {
    /// The cache entry (folder) the files come from; empty for `check`.
    pub entry: PathBuf,
    /// The output path of each file.
    pub files: Vec<String>,
    /// Where a file's name in the entry starts in its output path.
    pub name_at: usize,
}

impl CarriedGroup {
    /// The name in the cache entry of the file published at `to`.
    pub fn name<'t>(&self, to: &'t str) -> &'t str {
        to.get(self.name_at..).unwrap_or(to)
    }
}

/// The xxh3 hash of an output path, as `Rendered::photos` keeps them.
pub fn path_hash(path: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(path.as_bytes())
}

/// What rendering produced, once the files themselves went to a `Sink`.
#[derive(Default)]
pub struct Rendered {
    /// Every output path but the photo copies, sorted, with the ids of
    /// HTML pages.
    pub pages: Vec<Written>,
    /// The photo copies (thousands, under one folder), by `path_hash`.
    pub photos: crate::util::idhash::IdHashSet,
    pub links: Vec<LinkRef>,
    pub charts: usize,
}

impl Rendered {
    /// Every path written so far but the photo copies.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.iter().map(|p| p.path.as_str())
    }

    /// Whether `path` was written (the list is sorted).
    pub fn contains(&self, path: &str) -> bool {
        self.pages
            .binary_search_by(|w| w.path.as_str().cmp(path))
            .is_ok()
            || self.photos.contains(&path_hash(path))
    }

    /// How many files were written.
    pub fn files(&self) -> usize {
        self.pages.len() + self.photos.len()
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
    /// The files of a folder carried over from the last output (a photo's
    /// derivatives, output/carry.rs): the staging folder writes them only
    /// where the last output lacks them; other sinks copy them.
    fn carry(&self, group: &CarriedGroup) -> Result<(), Diagnostic> {
        link_group(self, group)
    }
    /// Whether the last output already holds every file of `group`, so
    /// that its cache entry need not even be looked at.
    fn holds(&self, _group: &CarriedGroup) -> bool {
        false
    }
    /// Whether files handed over are kept (`false` for `check`: photos are
    /// then only planned, never encoded).
    fn keeps(&self) -> bool {
        true
    }
}

/// Copy every file of `group` into `sink`: a copy, never a hard link, so
/// that the cache and the live site cannot damage each other (emptying a
/// cache file once emptied the published photo). On Linux `std::fs::copy`
/// is `copy_file_range`, which shares blocks where the file system can.
pub fn link_group<S: Sink + ?Sized>(sink: &S, group: &CarriedGroup) -> Result<(), Diagnostic> {
    group
        .files
        .iter()
        .try_for_each(|to| sink.copy(&group.entry.join(group.name(to)), to))
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
    fn carry(&self, _: &CarriedGroup) -> Result<(), Diagnostic> {
        Ok(())
    }
    fn keeps(&self) -> bool {
        false
    }
}

/// Keeps every rendered file in memory, and the files copied as they are
/// (static files, photo copies: thousands, megabytes each) by name only
/// (`serve`).
#[derive(Default)]
pub struct Collect {
    files: std::sync::Mutex<Vec<OutputFile>>,
    copies: std::sync::Mutex<Vec<(PathBuf, String)>>,
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.files.lock().map_err(|_| poisoned())?.push(file);
        Ok(())
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), Diagnostic> {
        let c = (from.to_path_buf(), to.to_string());
        self.copies.lock().map_err(|_| poisoned())?.push(c);
        Ok(())
    }
}

fn poisoned() -> Diagnostic {
    Diagnostic::error(crate::diag::codes::IO, "output", msg!(m::OUT_POISONED))
}

impl Collect {
    /// The rendered files, and the (source, output path) of the files to
    /// copy, each sorted by output path.
    pub fn into_sorted(self) -> (Vec<OutputFile>, Vec<(PathBuf, String)>) {
        let mut v = self.files.into_inner().unwrap_or_default();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        let mut c = self.copies.into_inner().unwrap_or_default();
        c.sort_by(|a, b| a.1.cmp(&b.1));
        (v, c)
    }
}

//! Sorting a changed path into what it touches.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What an edit touched.
#[derive(Debug, Default, Clone)]
pub struct Dirty {
    pub full: bool,
    pub articles: BTreeSet<PathBuf>,
    pub pages: bool,
    pub data: bool,
    pub statics: bool,
    /// Theme templates edited (names under `templates/`).
    pub templates: BTreeSet<String>,
}

impl Dirty {
    pub fn full() -> Self {
        Dirty {
            full: true,
            ..Default::default()
        }
    }

    /// Classify a changed path (relative to the root).
    pub fn add(&mut self, rel: &Path) {
        let s = rel.to_string_lossy().replace('\\', "/");
        if s.starts_with("content/articles/") {
            if crate::load::fs::is_markdown(rel) {
                self.articles.insert(rel.to_path_buf());
            } else {
                self.full = true; // a folder moved: reload everything
            }
        } else if s.starts_with("content/pages/") {
            self.pages = true;
        } else if s.starts_with("content/data/") {
            self.data = true;
        } else if s.starts_with("content/static/") {
            self.statics = true;
        } else if let Some(rest) = s.strip_prefix("themes/") {
            // themes/<name>/templates/<template>: re-render its users only.
            match rest.split_once("/templates/") {
                Some((_, t)) if !t.is_empty() => {
                    self.templates.insert(t.to_string());
                }
                _ => self.full = true, // assets change every page's CSS link
            }
        } else if s.starts_with("content/") {
            self.full = true;
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.full
            && self.articles.is_empty()
            && !self.pages
            && !self.data
            && !self.statics
            && self.templates.is_empty()
    }
}

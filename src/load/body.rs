//! An article's Markdown body. serve (and the tests) hold it; a build
//! reads it at load, keeps only its hash, and reads it again in the render
//! job of its own page, so that a build never holds every article's
//! Markdown at once (about 700 MiB at 100,000 articles).
//!
//! What is read again is believed only when it is what was loaded: the
//! same text after the same front-matter split and NFC, by a 128-bit hash.
//! A file edited while the build ran fails the build (E0007) instead of
//! publishing a body that was never checked with its front matter.

use crate::diag::Diagnostic;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::load::front::split_file;
use crate::load::fs::read_text;
use crate::util::text::nfc_string;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// How a load keeps article bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// In memory, for as long as the article lives (serve, tests).
    Held,
    /// On disk: read again when the article's page is rendered (a build).
    OnDisk,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Held(String),
    OnDisk(OnDisk),
}

/// Where a body left on disk is, and what it was when loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnDisk {
    abs: PathBuf,
    hash: u128,
    shortcodes: bool,
}

impl Body {
    /// The body as loaded (already NFC), kept as `keep` says.
    pub fn new(text: String, abs: &Path, keep: Keep) -> Body {
        match keep {
            Keep::Held => Body::Held(text),
            Keep::OnDisk => Body::OnDisk(OnDisk {
                abs: abs.to_path_buf(),
                hash: hash(&text),
                shortcodes: has_shortcode(&text),
            }),
        }
    }

    /// Whether the body calls a shortcode (`{{`): its page, and a teaser
    /// without a photo, then depend on the data.
    pub fn uses_shortcodes(&self) -> bool {
        match self {
            Body::Held(t) => has_shortcode(t),
            Body::OnDisk(d) => d.shortcodes,
        }
    }

    /// The body held in memory; `None` when it was left on disk.
    pub fn held(&self) -> Option<&str> {
        match self {
            Body::Held(t) => Some(t),
            Body::OnDisk(_) => None,
        }
    }

    /// The body's text: as held, or read again from `rel` (the article's
    /// source, for the message) and checked against what was loaded.
    pub fn text(&self, rel: &Path) -> Result<Cow<'_, str>, Diagnostic> {
        let d = match self {
            Body::Held(t) => return Ok(Cow::Borrowed(t)),
            Body::OnDisk(d) => d,
        };
        let text = read_text(&d.abs, rel)?;
        let body = split_file(&text, rel).map(|s| nfc_string(s.body.to_string()));
        match body {
            Ok(b) if hash(&b) == d.hash => Ok(Cow::Owned(b)),
            _ => Err(changed(rel)),
        }
    }
}

fn has_shortcode(t: &str) -> bool {
    t.contains("{{")
}

fn hash(t: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(t.as_bytes())
}

/// E0007: the file is not what the build loaded a moment ago.
fn changed(rel: &Path) -> Diagnostic {
    Diagnostic::error(codes::CHANGED_DURING_BUILD, rel, msg!(m::BODY_CHANGED))
        .at(1, 1)
        .hint(msg!(m::BODY_CHANGED_HINT))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path, text: &str) -> PathBuf {
        let p = dir.join("a.md");
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn a_body_left_on_disk_reads_back_as_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let p = file(dir.path(), "---\ntitle: A\n---\nThân bài {{ chart }}\n");
        let b = Body::new("Thân bài {{ chart }}\n".into(), &p, Keep::OnDisk);
        assert!(b.held().is_none());
        assert!(b.uses_shortcodes());
        assert_eq!(b.text(Path::new("a.md")).unwrap(), "Thân bài {{ chart }}\n");
    }

    #[test]
    fn a_body_edited_during_the_build_is_an_error_not_a_page() {
        let dir = tempfile::tempdir().unwrap();
        let p = file(dir.path(), "---\ntitle: A\n---\nBản đầu\n");
        let b = Body::new("Bản đầu\n".into(), &p, Keep::OnDisk);
        file(dir.path(), "---\ntitle: A\n---\nBản sửa\n");
        let e = b.text(Path::new("a.md")).unwrap_err();
        assert_eq!(e.code, codes::CHANGED_DURING_BUILD);
        std::fs::remove_file(&p).unwrap();
        assert!(b.text(Path::new("a.md")).is_err(), "a file removed since");
    }
}

//! Typed diagnostics with a source location, collected across the whole
//! build and reported together (human, JSON or GitHub annotations).

use crate::diag::catalog::Msg;
use crate::diag::lang::Lang;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in the user's input, with where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, documented in the README (`E0101`, `W0201`, ...).
    pub code: &'static str,
    /// Path as shown to the user (relative to the site root where possible).
    pub file: PathBuf,
    /// 1-based; 0 means "the whole file".
    pub line: usize,
    /// 1-based; 0 means "the whole line".
    pub col: usize,
    pub message: Text,
    pub hint: Option<Text>,
}

/// A message or hint: a catalogue [`Msg`] rendered in the language asked
/// for, or (the old way, until ported) plain text shown as it is in every
/// language. `tests/i18n.rs` flags plain texts at diagnostic sites. Derefs
/// to the English text, so `d.message.contains("…")` reads as before.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Text {
    /// Not yet in the catalogue: shown as it is in every language.
    Plain(String),
    /// A catalogue message and its English text (boxed: diagnostics stay
    /// small, most are never rendered twice).
    Msg(Box<(String, Msg)>),
}

impl Text {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Msg(b) if lang != Lang::En => b.1.render(lang),
            _ => self.as_str().to_string(),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Msg(b) => &b.0,
        }
    }

    /// The catalogue key; None for plain text not yet in the catalogue.
    pub fn key(&self) -> Option<&'static str> {
        match self {
            Text::Plain(_) => None,
            Text::Msg(b) => Some(b.1.key()),
        }
    }
}

impl crate::diag::catalog::IntoArg for Text {
    fn into_arg(self) -> crate::diag::catalog::Arg {
        match self {
            Text::Msg(b) => crate::diag::catalog::Arg::Msg(b.1),
            Text::Plain(s) => crate::diag::catalog::Arg::Text(s),
        }
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Self {
        Text::Msg(Box::new((m.render(Lang::En), m)))
    }
}

/// The old way: plain text, the same in every language (to be ported).
impl From<String> for Text {
    fn from(en: String) -> Self {
        Text::Plain(en)
    }
}

impl From<&str> for Text {
    fn from(en: &str) -> Self {
        Text::Plain(en.to_string())
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Diagnostic {
    pub fn error(code: &'static str, file: impl Into<PathBuf>, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            line: 0,
            col: 0,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: &'static str, file: impl Into<PathBuf>, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }

    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:col` as printed in every format.
    pub fn location(&self) -> String {
        let file = shown_path(&self.file);
        match (self.line, self.col) {
            (0, _) => file,
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
    }
}

/// A path as chiso prints it: with `/` on every system, so that a Windows
/// editor reads the same `content/articles/x.md` as the guide shows (and
/// GitHub's annotations find the file), not `content\articles/x.md`.
pub fn shown_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

/// All diagnostics of a run, in a deterministic order once sorted.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Turn every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// Sort by file, line, column, then code, and drop exact duplicates.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.col, a.severity, a.code, &a.message)
                .cmp(&(&b.file, b.line, b.col, b.severity, b.code, &b.message))
        });
        self.items.dedup();
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

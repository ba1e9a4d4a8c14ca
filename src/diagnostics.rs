//! Typed diagnostics with a source location, collected across the whole
//! build and reported together (human, JSON or GitHub annotations).

use std::fmt::Write as _;
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
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
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

    pub fn warning(
        code: &'static str,
        file: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
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

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:col` as printed in every format.
    pub fn location(&self) -> String {
        let file = self.file.display();
        match (self.line, self.col) {
            (0, _) => format!("{file}"),
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
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

/// Output format for diagnostics (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
    Github,
}

/// Render every diagnostic in the given format. `root` is used to read the
/// offending source line for the human format.
pub fn render(diags: &Diagnostics, format: Format, root: &Path) -> String {
    let mut out = String::new();
    for d in diags.iter() {
        match format {
            Format::Human => render_human(d, root, &mut out),
            Format::Json => {
                let v = serde_json::json!({
                    "severity": d.severity.as_str(),
                    "file": d.file.to_string_lossy(),
                    "line": d.line,
                    "column": d.col,
                    "code": d.code,
                    "message": d.message,
                    "hint": d.hint,
                });
                out.push_str(&v.to_string());
                out.push('\n');
            }
            Format::Github => {
                let kind = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                let mut msg = format!("{}: {}", d.code, d.message);
                if let Some(h) = &d.hint {
                    msg.push_str("\nhelp: ");
                    msg.push_str(h);
                }
                let _ = writeln!(
                    out,
                    "::{kind} file={},line={},col={},title={}::{}",
                    gh_prop(&d.file.to_string_lossy()),
                    d.line.max(1),
                    d.col.max(1),
                    gh_prop(d.code),
                    gh_data(&msg)
                );
            }
        }
    }
    out
}

fn render_human(d: &Diagnostic, root: &Path, out: &mut String) {
    let _ = writeln!(
        out,
        "{}[{}]: {}\n  --> {}",
        d.severity.as_str(),
        d.code,
        d.message,
        d.location()
    );
    if d.line > 0 {
        if let Some(src) = source_line(root, &d.file, d.line) {
            let num = d.line.to_string();
            let pad = " ".repeat(num.len());
            let _ = writeln!(out, "{pad} |\n{num} | {src}");
            if d.col > 0 {
                let indent: String = src
                    .chars()
                    .take(d.col - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "{pad} | {indent}^");
            }
        }
    }
    if let Some(h) = &d.hint {
        let _ = writeln!(out, "  = help: {h}");
    }
    out.push('\n');
}

fn source_line(root: &Path, file: &Path, line: usize) -> Option<String> {
    let path = if file.is_absolute() {
        file.to_path_buf()
    } else {
        root.join(file)
    };
    let meta = std::fs::metadata(&path).ok()?;
    if meta.len() > 16 * 1024 * 1024 {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let l = text.lines().nth(line - 1)?;
    let l = l.trim_end_matches('\r');
    Some(if l.chars().count() > 200 {
        l.chars().take(200).collect::<String>() + "…"
    } else {
        l.to_string()
    })
}

fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_prop(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_format_escapes_newlines_and_commas() {
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::error("E0001", "content/a,b.md", "bad\nthing")
                .at(3, 4)
                .hint("fix 100%"),
        );
        let s = render(&ds, Format::Github, Path::new("."));
        assert_eq!(
            s.trim_end(),
            "::error file=content/a%2Cb.md,line=3,col=4,title=E0001::E0001: bad%0Athing%0Ahelp: fix 100%25"
        );
    }

    #[test]
    fn json_format_is_one_object_per_line() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::warning("W0001", "x.md", "m").at(1, 2));
        ds.push(Diagnostic::error("E0001", "y.md", "n"));
        let s = render(&ds, Format::Json, Path::new("."));
        let lines: Vec<serde_json::Value> = s
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["severity"], "warning");
        assert_eq!(lines[0]["line"], 1);
        assert_eq!(lines[1]["code"], "E0001");
    }
}

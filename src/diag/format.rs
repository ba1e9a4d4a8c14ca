//! Printing diagnostics: human (with the source line and a caret), JSON
//! lines, and GitHub Actions annotations.

use crate::diag::catalog::{self, Entry};
use crate::diag::diagnostic::{Diagnostic, Diagnostics, Severity, shown_path};
use crate::diag::lang::{self, Lang};
use std::fmt::Write as _;
use std::path::Path;

/// Output format for diagnostics (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
    Github,
}

/// Render every diagnostic in the given format, in the language of this
/// run (`lang::current`). `root` is used to read the offending source line
/// for the human format.
pub fn render(diags: &Diagnostics, format: Format, root: &Path) -> String {
    render_in(diags, format, root, lang::current())
}

/// `render` in a given language. JSON keeps `message` and `hint` in that
/// language and adds `message_en` and `hint_en`, so machines read one text
/// whatever the editor's language.
pub fn render_in(diags: &Diagnostics, format: Format, root: &Path, lang: Lang) -> String {
    let mut out = String::new();
    for d in diags.iter() {
        match format {
            Format::Human => render_human(d, root, lang, &mut out),
            Format::Json => {
                let v = serde_json::json!({
                    "severity": d.severity.as_str(),
                    "file": shown_path(&d.file),
                    "line": d.line,
                    "column": d.col,
                    "code": d.code,
                    "message": d.message.render(lang),
                    "hint": d.hint.as_ref().map(|h| h.render(lang)),
                    "message_en": d.message.as_str(),
                    "hint_en": d.hint.as_ref().map(|h| h.as_str()),
                });
                out.push_str(&v.to_string());
                out.push('\n');
            }
            Format::Github => {
                let kind = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                let mut msg = format!("{}: {}", d.code, d.message.render(lang));
                if let Some(h) = &d.hint {
                    msg.push('\n');
                    msg.push_str(word(&catalog::WORD_HELP, lang));
                    msg.push_str(": ");
                    msg.push_str(&h.render(lang));
                }
                let _ = writeln!(
                    out,
                    "::{kind} file={},line={},col={},title={}::{}",
                    gh_prop(&shown_path(&d.file)),
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

/// Text from a user's file made safe for a terminal: control characters
/// (escape sequences could recolour or rewrite the screen) become U+FFFD,
/// one character each, so carets still line up.
fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| c.is_control() && c != '\t' && c != '\n') {
        s.chars()
            .map(|c| {
                if c.is_control() && c != '\t' && c != '\n' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

fn word(e: &'static Entry, lang: Lang) -> &'static str {
    e.text(lang)
}

fn render_human(d: &Diagnostic, root: &Path, lang: Lang, out: &mut String) {
    let severity = match d.severity {
        Severity::Error => word(&catalog::WORD_ERROR, lang),
        Severity::Warning => word(&catalog::WORD_WARNING, lang),
    };
    let _ = writeln!(
        out,
        "{}[{}]: {}\n  --> {}",
        severity,
        d.code,
        printable(&d.message.render(lang)),
        printable(&d.location())
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
        let _ = writeln!(
            out,
            "  = {}: {}",
            word(&catalog::WORD_HELP, lang),
            printable(&h.render(lang))
        );
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
    let l = printable(l);
    Some(if l.chars().count() > 200 {
        l.chars().take(200).collect::<String>() + "…"
    } else {
        l.into_owned()
    })
}

fn gh_data(s: &str) -> String {
    printable(s)
        .replace('%', "%25")
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
    fn escape_sequences_from_a_file_never_reach_the_terminal() {
        let dir = tempfile_dir();
        std::fs::write(
            dir.join("a.md"),
            "title: \"\u{1b}[2J\u{1b}]0;pwned\u{7}\"\n",
        )
        .unwrap();
        let d = Diagnostic::error("E0003", "a.md", "bad \u{1b}[31mred")
            .at(1, 8)
            .hint("x\u{1b}y");
        let text = render(&Diagnostics::from(d), Format::Human, &dir);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("title: \"\u{FFFD}[2J"), "{text}");
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("chiso-fmt-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

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

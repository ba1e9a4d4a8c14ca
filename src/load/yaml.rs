//! All YAML parsing goes through here.
//!
//! We use serde-saphyr (pure Rust, YAML 1.2) rather than serde_yaml: it
//! rejects duplicate mapping keys at the parser (serde_yaml silently keeps the
//! last one, so a district listed twice would vanish), reports line and column
//! for every error, gives `Spanned<T>` so validation can name the line of an
//! offending *value*, bounds alias expansion and nesting, and never turns
//! `no`/`on` into booleans.

use crate::diag::Diagnostic;
use crate::diag::codes;
use serde::de::DeserializeOwned;
use std::path::Path;

pub use serde_saphyr::Spanned;

/// Line (1-based; 0 when the parser gave none) of a spanned value.
pub fn line_of<T>(s: &Spanned<T>) -> usize {
    s.referenced.line() as usize
}

/// Column (1-based) of a spanned value.
pub fn col_of<T>(s: &Spanned<T>) -> usize {
    s.referenced.column() as usize
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 64;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// Parse `src` (the YAML text of `file`, starting at line `line_offset + 1`
/// of that file) into `T`. The error names the file, line and column.
pub fn parse<T: DeserializeOwned>(
    src: &str,
    file: &Path,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options::<T>(src, options())
        .map_err(|e| to_diagnostic(&e, file, line_offset))
}

fn to_diagnostic(e: &serde_saphyr::Error, file: &Path, line_offset: usize) -> Diagnostic {
    let (line, col) = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .unwrap_or((0, 0));
    let raw = e
        .without_snippet()
        .render_with_options(serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        });
    let message = clean_message(&raw);
    let hint = hint_for(&message);
    let line = if line > 0 { line + line_offset } else { 0 };
    let mut d =
        Diagnostic::error(codes::YAML, file, format!("invalid YAML: {message}")).at(line, col);
    if let Some(h) = hint {
        d = d.hint(h);
    }
    d
}

/// Strip the library's own "error: line X column Y:" decorations: we print
/// the location ourselves (with the front matter offset added).
fn clean_message(raw: &str) -> String {
    let mut s = raw.trim();
    if let Some(rest) = s.strip_prefix("error: ") {
        s = rest;
    }
    if let Some(rest) = s.strip_prefix("line ") {
        if let Some(idx) = rest.find(": ") {
            if rest[..idx].contains("column") {
                s = &rest[idx + 2..];
            }
        }
    }
    let s = s.split(" at line ").next().unwrap_or(s);
    let s = s.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
    let s = s.lines().next().unwrap_or("").trim();
    // The parser's limits speak its own language; say what they mean.
    let l = s.to_ascii_lowercase();
    if l.contains("recursion limit") || l.contains("depth") {
        "the YAML is nested too deeply".to_string()
    } else if l.contains("budget") {
        format!("the YAML expands to too many values (aliases repeated too often?) [{s}]")
    } else {
        s.to_string()
    }
}

fn hint_for(message: &str) -> Option<String> {
    let m = message.to_ascii_lowercase();
    Some(
        if m.contains("duplicate") {
            "each key may appear only once in a mapping: remove or rename the repeated one"
        } else if m.contains("unknown field") || m.contains("unknown variant") {
            "check the spelling against the reference in the README; unknown keys are not ignored"
        } else if m.contains("budget")
            || m.contains("alias")
            || m.contains("depth")
            || m.contains("nested")
        {
            "the YAML is too deeply nested or expands too many aliases; write the values out plainly"
        } else if m.contains("invalid type") || m.contains("expected") {
            "check the value's type: text, a number, a list (- item) or a mapping (key: value)"
        } else if m.contains("missing field") {
            "add the required key"
        } else {
            "check the YAML syntax near this line (indentation, quotes, colons)"
        }
        .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct T {
        #[allow(dead_code)]
        title: String,
    }

    #[test]
    fn duplicate_key_is_an_error_with_offset_line() {
        let e = parse::<T>("title: a\ntitle: b\n", Path::new("a.md"), 1).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("duplicate"), "{}", e.message);
        assert!(!e.message.contains("DuplicateKeyPolicy"));
    }

    #[test]
    fn deep_nesting_says_so() {
        let src = format!("title: {}{}\n", "[".repeat(5000), "]".repeat(5000));
        let e = parse::<serde_json::Value>(&src, Path::new("a.md"), 1).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
        assert!(e.hint.unwrap().contains("nested"));
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = parse::<T>("title: a\nbogus: 1\n", Path::new("a.md"), 0).unwrap_err();
        assert_eq!((e.line, e.col), (2, 1));
        assert!(e.message.contains("bogus"), "{}", e.message);
    }
}

//! Shortcodes in Markdown: `{{ chart(data="par-index", kind="trend") }}`.
//!
//! Found in the Markdown *source* outside code blocks and code spans, replaced
//! by placeholders that survive Markdown rendering, then swapped for their
//! HTML. A shortcode alone in a paragraph replaces the paragraph (charts are
//! blocks); elsewhere it is inline (values).

use crate::diag::Msg;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Int(i64),
}

impl Arg {
    /// The argument as text (a number in decimal).
    pub fn to_text(&self) -> String {
        match self {
            Arg::Str(s) => s.clone(),
            Arg::Int(i) => i.to_string(),
        }
    }
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Arg::Int(i) => Some(*i),
            Arg::Str(s) => s.trim().parse().ok(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: BTreeMap<String, Arg>,
    /// Byte range of the whole `{{ … }}` in the source.
    pub range: Range<usize>,
}

/// Private-use characters: never typed by editors, passed through by
/// pulldown-cmark untouched.
pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

pub fn placeholder(n: usize) -> String {
    format!("{OPEN}{n}{CLOSE}")
}

/// A parsed shortcode: name, arguments, length in bytes.
pub type Parsed = (String, BTreeMap<String, Arg>, usize);

/// Parse a shortcode starting at `s` (which begins with `{{`). Returns
/// `Ok(None)` when this is not a shortcode at all (e.g. `{{ name }}` in
/// prose), `Err` when it looks like one but is malformed.
pub fn parse_at(s: &str) -> Result<Option<Parsed>, Msg> {
    let b = s.as_bytes();
    let mut i = 2;
    let skip_ws = |i: &mut usize| {
        while *i < b.len() && (b[*i] == b' ' || b[*i] == b'\t') {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
        i += 1;
    }
    let name = &s[name_start..i];
    skip_ws(&mut i);
    if name.is_empty() || b.get(i) != Some(&b'(') {
        return Ok(None);
    }
    i += 1;
    let mut args = BTreeMap::new();
    loop {
        skip_ws(&mut i);
        match b.get(i) {
            Some(b')') => {
                i += 1;
                break;
            }
            None | Some(b'\n') => return Err(msg!(m::SC_NOT_CLOSED, name = name)),
            _ => {}
        }
        let k0 = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        let key = &s[k0..i];
        if key.is_empty() {
            return Err(msg!(m::SC_NO_ARG_NAME, name = name));
        }
        skip_ws(&mut i);
        if b.get(i) != Some(&b'=') {
            return Err(msg!(m::SC_NO_VALUE, key = key));
        }
        i += 1;
        skip_ws(&mut i);
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let v0 = i + 1;
                let Some(len) = s[v0..].find(q as char) else {
                    return Err(msg!(m::SC_NO_QUOTE, key = key));
                };
                i = v0 + len + 1;
                Arg::Str(s[v0..v0 + len].to_string())
            }
            Some(c) if c.is_ascii_digit() || *c == b'-' => {
                let v0 = i;
                i += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                match s[v0..i].parse() {
                    Ok(n) => Arg::Int(n),
                    Err(_) => return Err(msg!(m::SC_NOT_NUMBER, key = key)),
                }
            }
            _ => {
                return Err(msg!(m::SC_BAD_VALUE, key = key));
            }
        };
        if args.insert(key.to_string(), value).is_some() {
            return Err(msg!(m::SC_TWICE, key = key));
        }
        skip_ws(&mut i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b')') => {}
            _ => return Err(msg!(m::SC_SEPARATOR, key = key)),
        }
    }
    skip_ws(&mut i);
    if !s[i..].starts_with("}}") {
        return Err(msg!(m::SC_END, name = name));
    }
    Ok(Some((name.to_string(), args, i + 2)))
}

/// Find every shortcode in `src` outside the given code ranges.
/// Errors carry the byte offset where the bad shortcode starts.
pub fn find(src: &str, code: &[Range<usize>]) -> (Vec<Call>, Vec<(usize, Msg)>) {
    let mut calls = Vec::new();
    let mut errors = Vec::new();
    let mut from = 0;
    while let Some(rel) = src[from..].find("{{") {
        let at = from + rel;
        if let Some(r) = code.iter().find(|r| r.contains(&at)) {
            from = r.end.max(at + 2);
            continue;
        }
        match parse_at(&src[at..]) {
            Ok(Some((name, args, len))) => {
                calls.push(Call {
                    name,
                    args,
                    range: at..at + len,
                });
                from = at + len;
            }
            Ok(None) => from = at + 2,
            Err(e) => {
                errors.push((at, e));
                from = at + 2;
            }
        }
    }
    (calls, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_string_and_int_args() {
        let (calls, errs) = find(
            r#"x {{ chart(data="par-index", kind='trend', year=2022) }} y"#,
            &[],
        );
        assert!(errs.is_empty());
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].name, "chart");
        assert_eq!(calls[0].args["year"], Arg::Int(2022));
        assert_eq!(calls[0].args["kind"], Arg::Str("trend".into()));
    }

    #[test]
    fn prose_braces_are_not_shortcodes() {
        let (calls, errs) = find("{{ name }} and {{", &[]);
        assert!(calls.is_empty() && errs.is_empty());
    }

    #[test]
    fn malformed_is_an_error_with_offset() {
        let (_, errs) = find("ab {{ value(data=par) }}", &[]);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].0, 3);
    }

    #[test]
    fn code_ranges_are_skipped() {
        let src = "`{{ value(data=\"x\") }}`";
        let code = [std::ops::Range {
            start: 0,
            end: src.len(),
        }];
        let (calls, errs) = find(src, &code);
        assert!(calls.is_empty() && errs.is_empty());
    }
}

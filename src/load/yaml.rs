//! All YAML parsing goes through here.
//!
//! We use serde-saphyr (pure Rust, YAML 1.2) rather than serde_yaml: it
//! rejects duplicate mapping keys at the parser (serde_yaml silently keeps the
//! last one, so a district listed twice would vanish), reports line and column
//! for every error, gives `Spanned<T>` so validation can name the line of an
//! offending *value*, bounds alias expansion and nesting, and never turns
//! `no`/`on` into booleans.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Msg};
use serde::de::DeserializeOwned;
use std::path::Path;

pub use serde_saphyr::Spanned;

/// Line (1-based; 0 when the parser gave none) of a spanned value.
pub fn line_of<T>(s: &Spanned<T>) -> usize {
    s.referenced.line() as usize
}

/// A value that stands in no file (a default), for fields that are
/// `Spanned` when written.
pub fn unplaced<T>(value: T) -> Spanned<T> {
    let unknown = serde_saphyr::Location::UNKNOWN;
    Spanned::new(value, unknown, unknown)
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
    check_source(src, file, line_offset)?;
    serde_saphyr::from_str_with_options::<T>(src, options())
        .map_err(|e| to_diagnostic(&e, file, line_offset))
}

/// As [`parse`], but `fast` reads the text first (`yaml_fast`: the common
/// shapes, without the engine's cost); where it gives up, the engine
/// parses, with its errors. The source checks run either way.
pub fn parse_with<T: DeserializeOwned>(
    src: &str,
    file: &Path,
    line_offset: usize,
    fast: impl FnOnce(&str) -> Option<T>,
) -> Result<T, Diagnostic> {
    check_source(src, file, line_offset)?;
    if let Some(v) = fast(src) {
        return Ok(v);
    }
    serde_saphyr::from_str_with_options::<T>(src, options())
        .map_err(|e| to_diagnostic(&e, file, line_offset))
}

/// A character no text of a site may hold: C0 controls but tab and newline
/// (they make feeds and SVG ill-formed XML), DEL and the C1 controls
/// (U+0085 ends a line in some readers), the bidi embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069: they make a title read other
/// than it is), and the non-characters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
pub fn is_forbidden_char(c: char) -> bool {
    let u = c as u32;
    (c < ' ' && c != '\t' && c != '\n' && c != '\r')
        || (0x7F..=0x9F).contains(&u)
        || (0x202A..=0x202E).contains(&u)
        || (0x2066..=0x2069).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
}

/// Whether `s` holds a character `is_forbidden_char` refuses. The bytes
/// are screened first, branch-free over 64-byte blocks: only a text with a
/// control byte other than tab and line ends, or a lead byte of one of
/// those characters (C2, E2, EF, F0–F4), is decoded and checked. Tab and
/// line ends pass the screen: a front matter has one on every line.
pub fn may_forbid(s: &str) -> bool {
    let bad = |c: u8| {
        ((c < 0x20) & (c != b'\t') & (c != b'\n') & (c != b'\r'))
            | (c == 0x7f)
            | (c == 0xc2)
            | (c == 0xe2)
            | (c == 0xef)
            | (c >= 0xf0)
    };
    let suspect = s
        .as_bytes()
        .chunks(64)
        .any(|block| block.iter().fold(false, |acc, &c| acc | bad(c)));
    suspect && s.contains(is_forbidden_char)
}

/// What the YAML engine would accept but a site must not hold: control
/// characters (typed raw, or escaped in double quotes such as `"\x01"`), and
/// tags (`!!binary`, `!custom`), which chiso never uses and which would
/// otherwise change a value's meaning silently.
fn check_source(src: &str, file: &Path, line_offset: usize) -> Result<(), Diagnostic> {
    let mut block_indent: Option<usize> = None;
    // Inside a double-quoted string that continues on the next line: its
    // escapes there are escapes too (`"a\n  \e"`).
    let mut in_quotes = false;
    // The whole text screened on bytes first: nearly every file has no
    // forbidden character, and then no line is decoded to look for one.
    let suspect = may_forbid(src);
    for (n, line) in src.lines().enumerate() {
        let at = |col: usize| (n + 1 + line_offset, col + 1);
        if suspect && let Some((col, c)) = line.char_indices().find(|&(_, c)| is_forbidden_char(c))
        {
            let (l, c_) = at(line[..col].chars().count());
            return Err(control_char(file, l, c_, c));
        }
        let indent = line.len() - line.trim_start().len();
        // Lines of a block scalar (`|`, `>`) are text, not YAML.
        match block_indent {
            Some(i) if line.trim().is_empty() || indent > i => continue,
            _ => block_indent = None,
        }
        // Most lines hold neither a tag nor an escape: only block scalars
        // need noticing.
        let scan = if in_quotes || memchr::memchr3(b'!', b'\\', b'"', line.as_bytes()).is_some() {
            scan_line(line, in_quotes)
        } else {
            LineScan {
                opens_block: opens_block(line),
                ..LineScan::default()
            }
        };
        in_quotes = scan.open_quotes;
        if let Some((col, c)) = scan.escaped_control {
            let (l, c_) = at(col);
            return Err(control_char(file, l, c_, c));
        }
        if let Some(col) = scan.tag {
            let (l, c_) = at(col);
            return Err(Diagnostic::error(codes::YAML, file, msg!(m::YAML_TAG))
                .at(l, c_)
                .hint(msg!(m::YAML_TAG_HINT)));
        }
        if scan.opens_block {
            block_indent = Some(indent);
        }
        if let Some(col) = curly_quote(line) {
            let (l, c_) = at(col);
            return Err(
                Diagnostic::error(codes::YAML, file, msg!(m::YAML_CURLY_QUOTE))
                    .at(l, c_)
                    .hint(msg!(m::YAML_CURLY_QUOTE_HINT)),
            );
        }
    }
    Ok(())
}

/// The column (0-based, in characters) of a curly quote pasted from Word
/// that stands where YAML needs a straight one: a value that opens with
/// `“` (or `”`), or opens with `"` and closes with `”`. Curly quotes inside
/// a straight-quoted value are text and stay.
fn curly_quote(line: &str) -> Option<usize> {
    if !line.contains(['“', '”']) {
        return None;
    }
    let value_at = match line.find(": ") {
        Some(i) => i + 2,
        None => line.find("- ").map(|i| i + 2)?,
    };
    let value = &line[value_at..];
    let lead = value.len() - value.trim_start().len();
    let v = value.trim();
    let bad = if v.starts_with(['“', '”']) {
        Some(value_at + lead)
    } else if v.starts_with('"') && v.ends_with(['”', '“']) {
        Some(value_at + lead + v.len() - v.chars().last()?.len_utf8())
    } else {
        None
    }?;
    Some(line[..bad].chars().count())
}

fn control_char(file: &Path, line: usize, col: usize, c: char) -> Diagnostic {
    Diagnostic::error(
        codes::CONTROL_CHAR,
        file,
        msg!(m::FS_CONTROL_CHAR, code = format!("{:04X}", c as u32)),
    )
    .at(line, col)
    .hint(msg!(m::FS_CONTROL_CHAR_HINT))
}

/// What one line of YAML holds outside its quoted strings and comments.
#[derive(Debug, Default, PartialEq)]
struct LineScan {
    /// Column (in characters) of a tag at the start of a value.
    tag: Option<usize>,
    /// A double-quoted escape that makes a forbidden character.
    escaped_control: Option<(usize, char)>,
    /// The line ends in `|` or `>` (with modifiers): a block scalar follows.
    opens_block: bool,
    /// The line ends inside a double-quoted string.
    open_quotes: bool,
}

/// One line; `in_quotes`: it starts inside a double-quoted string. Walked
/// on bytes (every character YAML gives a meaning here is ASCII, and UTF-8
/// never repeats an ASCII byte inside another character); a character is
/// decoded only to ask whether it is white space, and columns are counted
/// in characters only for what is found.
fn scan_line(line: &str, in_quotes: bool) -> LineScan {
    let b = line.as_bytes();
    let col = |at: usize| line[..at].chars().count();
    let mut out = LineScan::default();
    // At the start of a node: the line's first token, or after `: `, `- `,
    // `[`, `{` or `,`.
    let mut node_start = true;
    let mut i = 0;
    let mut resume = in_quotes;
    while i < b.len() {
        let c = if resume { b'"' } else { b[i] };
        match c {
            b'#' if i == 0
                || line[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace) =>
            {
                break;
            }
            b'\'' => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
                node_start = false;
            }
            b'"' => {
                if !resume {
                    i += 1;
                }
                resume = false;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        if let Some(e) = escaped_char(&line[i + 1..]) {
                            if is_forbidden_char(e) && out.escaped_control.is_none() {
                                out.escaped_control = Some((col(i), e));
                            }
                        }
                        // Past the escaped character's first byte; the rest
                        // of it (if any) is never `"` or `\`.
                        i += 1;
                    }
                    i += 1;
                }
                if i >= b.len() {
                    out.open_quotes = true;
                }
                node_start = false;
            }
            b'!' if node_start => {
                out.tag.get_or_insert_with(|| col(i));
                node_start = false;
            }
            c if c.is_ascii() && char::from(c).is_whitespace() => {}
            b'[' | b'{' | b',' => node_start = true,
            b':' | b'-' if line[i + 1..].chars().next().is_none_or(char::is_whitespace) => {
                node_start = true;
            }
            c if !c.is_ascii() => {
                let ch = line[i..].chars().next().unwrap_or(' ');
                if !ch.is_whitespace() {
                    node_start = false;
                }
                i += ch.len_utf8() - 1;
            }
            _ => node_start = false,
        }
        i += 1;
    }
    out.opens_block = opens_block(line);
    out
}

/// The line ends in `|` or `>` (with modifiers): a block scalar follows.
fn opens_block(line: &str) -> bool {
    if memchr::memchr2(b'|', b'>', line.as_bytes()).is_none() {
        return false;
    }
    let tail = line.split(" #").next().unwrap_or(line).trim_end();
    let tail = tail.trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
    [": |", ": >", "- |", "- >"]
        .iter()
        .any(|end| tail.ends_with(end))
        || tail == "|"
        || tail == ">"
}

/// The character a double-quoted escape stands for (`\x01`, `\u0000`, `\0`…).
fn escaped_char(rest: &str) -> Option<char> {
    let hex = |n: usize| -> Option<char> {
        let s: String = rest.chars().skip(1).take(n).collect();
        if s.chars().count() < n {
            return None;
        }
        char::from_u32(u32::from_str_radix(&s, 16).ok()?)
    };
    match rest.chars().next()? {
        '0' => Some('\0'),
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'e' => Some('\u{1b}'),
        'N' => Some('\u{85}'),
        'f' => Some('\u{c}'),
        'v' => Some('\u{b}'),
        'x' => hex(2),
        'u' => hex(4),
        'U' => hex(8),
        _ => None,
    }
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
    let hint = hint_for(&message.render(crate::diag::Lang::En));
    let line = if line > 0 { line + line_offset } else { 0 };
    Diagnostic::error(codes::YAML, file, msg!(m::YAML_INVALID, detail = message))
        .at(line, col)
        .hint(hint)
}

/// The parser's English message as a catalogue message: the kinds an editor
/// meets (unknown, repeated or missing key, wrong type) in words; any other
/// kept as the parser wrote it.
fn engine_message(s: &str) -> Msg {
    let quoted = |t: &str| t.split('`').nth(1).map(str::to_string);
    let expected = |rest: &str| {
        let vi = rest.strip_prefix("one of ").unwrap_or(rest);
        // Key names, as code: `title, date, …`.
        let vi = if vi.contains('`') {
            type_words_vi(vi)
        } else {
            format!("`{vi}`")
        };
        m::both(rest, vi)
    };
    if let Some(rest) = s.strip_prefix("unknown field `") {
        if let Some((key, exp)) = rest.split_once("`, expected ") {
            let known = exp
                .split([',', '`', ' '])
                .filter(|w| !w.is_empty() && *w != "one" && *w != "of");
            if let Some(near) = crate::util::near::suggest(key, known) {
                return msg!(
                    m::YAML_UNKNOWN_KEY_NEAR,
                    key = key,
                    near = near,
                    expected = expected(exp)
                );
            }
            return msg!(m::YAML_UNKNOWN_KEY, key = key, expected = expected(exp));
        }
    }
    if let Some(rest) = s.strip_prefix("unknown variant `") {
        if let Some((v, exp)) = rest.split_once("`, expected ") {
            return msg!(m::YAML_UNKNOWN_VALUE, value = v, expected = expected(exp));
        }
    }
    if let Some(key) = s
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return msg!(m::YAML_MISSING, key = key);
    }
    if s == format!("duplicate field `{}`", quoted(s).unwrap_or_default()) {
        return msg!(m::YAML_DUPLICATE, key = quoted(s).unwrap_or_default());
    }
    if let Some(rest) = s.strip_prefix("invalid type: ") {
        if let Some((found, exp)) = rest.split_once(", expected ") {
            return msg!(
                m::YAML_TYPE,
                found = m::both(found, type_words_vi(found)),
                expected = m::both(exp, type_words_vi(exp))
            );
        }
    }
    if let Some(exp) = s.strip_prefix("expected ") {
        let known = [
            "sequence start",
            "mapping start",
            "a sequence",
            "a string",
            "a map",
        ];
        if known.iter().any(|k| exp.starts_with(k)) {
            return msg!(
                m::YAML_EXPECTED,
                expected = m::both(exp, type_words_vi(exp))
            );
        }
    }
    msg!(m::YAML_OTHER, detail = s)
}

/// serde's names of value kinds in Vietnamese; quoted values stay.
fn type_words_vi(s: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("sequence start", "một danh sách (- mục)"),
        ("mapping start", "một bảng khóa–giá trị"),
        ("a sequence", "danh sách"),
        ("sequence", "danh sách"),
        ("a string", "chữ"),
        ("string", "chữ"),
        ("floating point", "số thập phân"),
        ("integer", "số nguyên"),
        ("boolean", "giá trị đúng/sai"),
        ("a map", "bảng khóa–giá trị"),
        ("map", "bảng khóa–giá trị"),
        ("unit value", "giá trị rỗng"),
        ("a number", "số"),
        ("a boolean", "giá trị đúng/sai"),
        ("a date", "ngày tháng"),
        (" or ", " hoặc "),
    ];
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            out.push('`');
            out.push_str(part);
            out.push('`');
            continue;
        }
        let mut p = part.to_string();
        if let Some(rest) = p.trim_start().strip_prefix("struct ") {
            let _ = rest;
            p = "bảng khóa–giá trị".to_string();
        }
        for (en, vi) in WORDS {
            p = p.replace(en, vi);
        }
        out.push_str(&p);
    }
    out
}

/// Strip the library's own "error: line X column Y:" decorations: we print
/// the location ourselves (with the front matter offset added).
fn clean_message(raw: &str) -> Msg {
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
        msg!(m::YAML_TOO_DEEP)
    } else if l.contains("budget") {
        msg!(m::YAML_TOO_MANY, detail = s)
    } else {
        engine_message(s)
    }
}

fn hint_for(message: &str) -> Msg {
    let l = message.to_ascii_lowercase();
    if l.contains("duplicate") {
        msg!(m::YAML_DUPLICATE_HINT)
    } else if l.contains("unknown field") || l.contains("unknown variant") {
        msg!(m::YAML_UNKNOWN_HINT)
    } else if l.contains("budget")
        || l.contains("alias")
        || l.contains("depth")
        || l.contains("nested")
    {
        msg!(m::YAML_DEEP_HINT)
    } else if l.contains("invalid type") || l.contains("expected") {
        msg!(m::YAML_TYPE_HINT)
    } else if l.contains("missing field") {
        msg!(m::YAML_MISSING_HINT)
    } else {
        msg!(m::YAML_SYNTAX_HINT)
    }
}

#[cfg(test)]
#[path = "yaml_scan_tests.rs"]
mod scan_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_for_forbidden_characters_agrees_with_the_character_test() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for s in [format!("a{c}b"), c.to_string()] {
                assert_eq!(
                    may_forbid(&s),
                    is_forbidden_char(c),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
        assert!(!may_forbid("Mường Tè – “Lai Châu” …"));
    }

    #[test]
    fn block_scalars_are_text() {
        let src = "headline: |\n  ! not a tag\n  \"\\x01\" is text\ntitle: x\n";
        assert!(check_source(src, Path::new("s.yaml"), 0).is_ok());
        let bad = "title: x\nsummary: \"a\u{1}b\"\n";
        let d = check_source(bad, Path::new("s.yaml"), 10).unwrap_err();
        assert_eq!((d.code, d.line), (codes::CONTROL_CHAR, 12));
    }
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

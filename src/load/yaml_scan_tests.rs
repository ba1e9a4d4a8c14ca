//! `scan_line`: the byte scan against the character-by-character scan it
//! replaced (the same tags, escapes, quotes and columns on every line), and
//! the tags and escapes it finds.

use super::*;

/// `scan_line` as it was, a character at a time over a `Vec<char>`.
fn scan_line_chars(line: &str, in_quotes: bool) -> LineScan {
    let chars: Vec<char> = line.chars().collect();
    let mut out = LineScan::default();
    // At the start of a node: the line's first token, or after `: `, `- `,
    // `[`, `{` or `,`.
    let mut node_start = true;
    let mut i = 0;
    let mut resume = in_quotes;
    while i < chars.len() {
        let c = if resume { '"' } else { chars[i] };
        match c {
            '#' if i == 0 || chars[i - 1].is_whitespace() => break,
            '\'' => {
                i += 1;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                node_start = false;
            }
            '"' => {
                if !resume {
                    i += 1;
                }
                resume = false;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        if let Some(e) = escaped_char_chars(&chars[i + 1..]) {
                            if is_forbidden_char(e) && out.escaped_control.is_none() {
                                out.escaped_control = Some((i, e));
                            }
                        }
                        i += 1;
                    }
                    i += 1;
                }
                if i >= chars.len() {
                    out.open_quotes = true;
                }
                node_start = false;
            }
            '!' if node_start => {
                out.tag.get_or_insert(i);
                node_start = false;
            }
            c if c.is_whitespace() => {}
            '[' | '{' | ',' => node_start = true,
            ':' | '-' if chars.get(i + 1).is_none_or(|n| n.is_whitespace()) => node_start = true,
            _ => node_start = false,
        }
        i += 1;
    }
    out.opens_block = opens_block(line);
    out
}

/// The character a double-quoted escape stands for (`\x01`, `\u0000`, `\0`…).
fn escaped_char_chars(rest: &[char]) -> Option<char> {
    let hex = |n: usize| -> Option<char> {
        let s: String = rest.get(1..=n)?.iter().collect();
        char::from_u32(u32::from_str_radix(&s, 16).ok()?)
    };
    match rest.first()? {
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

#[test]
fn the_byte_scan_finds_what_the_character_scan_found() {
    let pieces = [
        "title",
        ": ",
        "- ",
        "\"",
        "'",
        "\\",
        "\\x01",
        "\\u0000",
        "\\x+1",
        "\\u00",
        "\\é",
        "!",
        "!!binary",
        "#",
        " #",
        "[",
        "{",
        ",",
        "\u{a0}",
        "\u{3000}",
        "\u{b}",
        "\t",
        "ế",
        "Mường Tè",
        "“",
        "”",
        "a",
        " ",
        "|",
        ">",
        ":",
        "-",
    ];
    let mut lines = Vec::new();
    for a in pieces {
        for b in pieces {
            for c in pieces {
                lines.push(format!("{a}{b}{c}"));
                lines.push(format!("k: {a}{b}{c}"));
            }
        }
    }
    lines.push("title: \"a\\x01b\" # !x".into());
    lines.push("- [a, !x b, \"\\e\"]".into());
    for line in &lines {
        for in_quotes in [false, true] {
            assert_eq!(
                scan_line(line, in_quotes),
                scan_line_chars(line, in_quotes),
                "{line:?} {in_quotes}"
            );
        }
    }
}

#[test]
fn tags_are_found_at_the_start_of_a_value_only() {
    assert_eq!(scan_line("data: !!binary aGk=", false).tag, Some(6));
    assert_eq!(scan_line("- !custom x", false).tag, Some(2));
    assert_eq!(scan_line("tags: [a, !x b]", false).tag, Some(10));
    assert_eq!(scan_line("summary: Tin vui! Cả huyện", false).tag, None);
    assert_eq!(scan_line("title: \"!important\"", false).tag, None);
    assert_eq!(scan_line("title: x # !comment", false).tag, None);
}

#[test]
fn escaped_control_characters_in_double_quotes_are_found() {
    assert_eq!(
        scan_line(r#"title: "a\x01b""#, false).escaped_control,
        Some((9, '\u{1}'))
    );
    assert_eq!(
        scan_line(r#"title: "a\u0000""#, false).escaped_control,
        Some((9, '\0'))
    );
    assert_eq!(
        scan_line(r#"title: "a\nb\tc""#, false).escaped_control,
        None
    );
    assert_eq!(scan_line(r#"title: 'a\x01'"#, false).escaped_control, None);
    // A double-quoted string continued on the next line.
    let first = scan_line(r#"title: "Tin vui"#, false);
    assert!(first.open_quotes);
    let next = scan_line(r#"  \e\a tiếp" "#, true);
    assert_eq!(next.escaped_control, Some((2, '\u{1b}')));
    assert!(!next.open_quotes);
    assert_eq!(
        scan_line(r#"  \N""#, true).escaped_control,
        Some((2, '\u{85}'))
    );
}

//! JSON that chiso publishes, safe to embed in a page: `<`, `>` and `&` are
//! written `\u003c`, `\u003e`, `\u0026`, so no string can close a
//! `<script>` element or start an HTML entity wherever the JSON is pasted.
//! The value parses back unchanged: outside strings JSON has none of them.

use serde::Serialize;

/// `json` with `<`, `>`, `&` escaped. `json` must be serde_json output:
/// those characters can then only stand inside strings, where `\uXXXX`
/// means the same character.
pub fn escape_html_chars(json: String) -> String {
    let b = json.as_bytes();
    if memchr::memchr3(b'<', b'>', b'&', b).is_none() {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    let mut last = 0;
    // The three are ASCII: their positions are character boundaries.
    for i in memchr::memchr3_iter(b'<', b'>', b'&', b) {
        out.push_str(&json[last..i]);
        out.push_str(match b[i] {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            _ => "\\u0026",
        });
        last = i + 1;
    }
    out.push_str(&json[last..]);
    out
}

/// `v` as compact JSON, escaped as [`escape_html_chars`] says.
pub fn to_string<T: Serialize + ?Sized>(v: &T) -> String {
    escape_html_chars(serde_json::to_string(v).unwrap_or_default())
}

/// `v` as indented JSON, escaped as [`escape_html_chars`] says.
pub fn to_string_pretty<T: Serialize + ?Sized>(v: &T) -> String {
    escape_html_chars(serde_json::to_string_pretty(v).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_characters_are_escaped_and_the_value_round_trips() {
        let v = serde_json::json!({"a</script><b>": "x & y </script> <!-- \u{2028}"});
        let s = to_string_pretty(&v);
        assert!(!s.contains(['<', '>', '&']), "{s}");
        assert!(s.contains("\\u003c/script\\u003e"));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}

//! JSON that chiso publishes, safe to embed in a page: `<`, `>` and `&` are
//! written `\u003c`, `\u003e`, `\u0026`, so no string can close a
//! `<script>` element or start an HTML entity wherever the JSON is pasted.
//! The value parses back unchanged: outside strings JSON has none of them.

use serde::Serialize;

/// `json` with `<`, `>`, `&` escaped. `json` must be serde_json output:
/// those characters can then only stand inside strings, where `\uXXXX`
/// means the same character.
pub fn escape_html_chars(json: String) -> String {
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
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

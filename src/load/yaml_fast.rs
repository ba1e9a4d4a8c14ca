//! A fast path for the front matter nearly every file has: one `key: value`
//! per line, values plain, double-quoted without escapes, or a one-line
//! `[a, "b"]` list. The YAML engine costs ~13,000 instructions a field;
//! this reads such a block in a few hundred. Anything else (nesting,
//! block lists, escapes, single quotes, comments after a value, a value
//! that YAML could read as a number, boolean or null, a repeated key)
//! returns `None` and the caller parses the text with the engine, which
//! also gives every error its line. Values carry the line and column the
//! engine would give them (`tests` compare the two).

use crate::load::yaml::Spanned;

/// A scalar with its 1-based line (in the YAML text) and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    pub value: String,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    One(Scalar),
    List(Vec<Scalar>),
}

/// `key: value` lines, in order, or `None` when the text is anything more.
pub fn read(src: &str) -> Option<Vec<(&str, Value)>> {
    let mut out: Vec<(&str, Value)> = Vec::with_capacity(12);
    for (n, line) in src.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let key_len = line
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        let rest = line[key_len..].strip_prefix(':')?;
        let key = &line[..key_len];
        if key.is_empty() || out.iter().any(|(k, _)| *k == key) {
            return None;
        }
        let value = rest.trim_start_matches(' ');
        if value.is_empty() || value.len() == rest.len() {
            return None;
        }
        let col = key_len + 1 + (rest.len() - value.len()) + 1;
        let v = if let Some(list) = value.strip_prefix('[') {
            Value::List(flow_list(list, n + 1, col)?)
        } else {
            let (s, after) = scalar(value, false)?;
            if !after.trim_end_matches(' ').is_empty() {
                return None;
            }
            Value::One(Scalar {
                value: s,
                line: n + 1,
                col,
            })
        };
        out.push((key, v));
    }
    Some(out)
}

/// The items of `[a, "b"]` (after its `[`), to the `]` that ends the line.
fn flow_list(mut s: &str, line: usize, col: usize) -> Option<Vec<Scalar>> {
    let mut items = Vec::new();
    let mut at = col + 1;
    loop {
        let t = s.trim_start_matches(' ');
        at += s.len() - t.len();
        if let Some(end) = t.strip_prefix(']') {
            if !items.is_empty() || !end.trim_end_matches(' ').is_empty() {
                return None;
            }
            return Some(items);
        }
        let (value, after) = scalar(t, true)?;
        items.push(Scalar {
            value,
            line,
            col: at,
        });
        at += t[..t.len() - after.len()].chars().count();
        let a = after.trim_start_matches(' ');
        at += after.len() - a.len();
        if let Some(more) = a.strip_prefix(',') {
            at += 1;
            s = more;
            if s.trim_start_matches(' ').starts_with(']') {
                return None;
            }
        } else if let Some(end) = a.strip_prefix(']') {
            return end.trim_end_matches(' ').is_empty().then_some(items);
        } else {
            return None;
        }
    }
}

/// One scalar at the start of `s`: its text and what follows it.
fn scalar(s: &str, in_flow: bool) -> Option<(String, &str)> {
    if let Some(q) = s.strip_prefix('"') {
        let end = q.find(['"', '\\'])?;
        if q.as_bytes()[end] != b'"' {
            return None;
        }
        return Some((q[..end].to_string(), &q[end + 1..]));
    }
    let end = if in_flow {
        s.find([',', ']', '[', '{', '}']).unwrap_or(s.len())
    } else {
        s.len()
    };
    let v = s[..end].trim_end_matches(' ');
    plain_ok(v, in_flow).then(|| (v.to_string(), &s[end..]))
}

/// A plain scalar YAML reads as this very string (not a number, boolean
/// or null, no comment, no indicator in front, no `: ` inside).
fn plain_ok(v: &str, in_flow: bool) -> bool {
    let Some(first) = v.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`~ ".contains(first)
        || v.contains(": ")
        || v.contains(" #")
        || v.ends_with(':')
        || v.contains('\t')
        || (in_flow && v.contains(':'))
    {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if matches!(lower.as_str(), "null" | "true" | "false") {
        return false;
    }
    // Anything a number could be made of: leave it to the engine.
    let numberish = |c: char| c.is_ascii_hexdigit() || "+-._xXoO".contains(c);
    let digitish = first.is_ascii_digit() || first == '+' || first == '.';
    !(lower.starts_with(".inf") || lower == ".nan" || digitish && v.chars().all(numberish))
}

/// A string with the place the engine gives it.
pub fn spanned(s: Scalar) -> Spanned<String> {
    Spanned::new(s.value, location(s.line, s.col), location(s.line, s.col))
}

/// A `Location` (the engine's constructor is private; its `Deserialize`
/// takes a line and a column).
fn location(line: usize, column: usize) -> serde_saphyr::Location {
    use serde::Deserialize;
    use serde::de::value::{Error, MapDeserializer};
    let fields = [("line", line as u64), ("column", column as u64)];
    serde_saphyr::Location::deserialize(MapDeserializer::<_, Error>::new(fields.into_iter()))
        .unwrap_or(serde_saphyr::Location::UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    type S = Option<Spanned<String>>;
    type L = Option<Vec<Spanned<String>>>;

    /// The fields of the tests' texts (an untagged enum would lose spans).
    #[derive(Deserialize)]
    struct Front {
        title: S,
        slug: S,
        date: S,
        author: S,
        category: S,
        summary: S,
        image: S,
        tags: L,
        aliases: L,
    }

    /// What the engine gives: key → (value, line, col) per scalar.
    fn engine(src: &str) -> Read {
        let f: Front = serde_saphyr::from_str(src).unwrap();
        let one = |s: &Spanned<String>| {
            (
                s.value.clone(),
                s.referenced.line() as usize,
                s.referenced.column() as usize,
            )
        };
        let ones = [
            ("title", f.title),
            ("slug", f.slug),
            ("date", f.date),
            ("author", f.author),
            ("category", f.category),
            ("summary", f.summary),
            ("image", f.image),
        ];
        let lists = [("tags", f.tags), ("aliases", f.aliases)];
        ones.into_iter()
            .filter_map(|(k, v)| Some((k.to_string(), vec![one(&v?)])))
            .chain(
                lists
                    .into_iter()
                    .filter_map(|(k, v)| Some((k.to_string(), v?.iter().map(one).collect()))),
            )
            .collect()
    }

    type Read = BTreeMap<String, Vec<(String, usize, usize)>>;

    fn fast(src: &str) -> Option<Read> {
        Some(
            read(src)?
                .into_iter()
                .map(|(k, v)| {
                    let l = match v {
                        Value::One(s) => vec![s],
                        Value::List(l) => l,
                    };
                    let v = l.into_iter().map(|s| (s.value, s.line, s.col)).collect();
                    (k.to_string(), v)
                })
                .collect(),
        )
    }

    #[test]
    fn the_fast_path_reads_common_front_matter_as_the_yaml_engine_does() {
        let src = "title: \"Cảnh giác với “việc nhẹ lương cao”\"\nslug: canh-giac\n\n\
                   date: 2024-05-26T10:20:00+07:00\nauthor:   \"C.A\"\r\n\
                   category: Quốc phòng - An ninh\n\
                   tags: [\"An ninh mạng\", Chuyển đổi số,Phong Thổ ]\n\
                   summary: Công an huyện khuyến cáo (mới) 50% [a] {b} a:b\n\
                   aliases: []\nimage: /images/a.jpg\n";
        let got = fast(src).expect("fast path taken");
        assert_eq!(got, engine(src));
        assert_eq!(got["tags"].len(), 3);
        let sp = spanned(read(src).unwrap()[0].1.clone().one());
        assert_eq!((sp.referenced.line(), sp.referenced.column()), (1, 8));
    }

    impl Value {
        fn one(self) -> Scalar {
            match self {
                Value::One(s) => s,
                Value::List(_) => panic!("a list"),
            }
        }
    }

    #[test]
    fn anything_unusual_is_left_to_the_yaml_engine() {
        for src in [
            "title: a\ntitle: b\n",
            "title: \"a\\tb\"\n",
            "title: 'a'\n",
            "title: a # note\n",
            "title: \"a\" # note\n",
            "title:\n  a\n",
            "title: a\n  b\n",
            "tags:\n  - a\n",
            "tags: [a, b,]\n",
            "tags: [a: b]\n",
            "title: 2024\n",
            "title: 1e5\n",
            "title: .5\n",
            "title: 0x1F\n",
            "title: null\n",
            "title: ~\n",
            "title: True\n",
            "title: -a\n",
            "title: &x a\n",
            "title: *x\n",
            "title: !t a\n",
            "title: |\n  a\n",
            "Title: a\n",
            "title: a:\n",
            "title: \"a\n",
            "title:\n",
            "title:a\n",
            "title: [a] b\n",
        ] {
            assert_eq!(read(src), None, "{src:?}");
        }
    }

    #[test]
    fn plain_values_that_merely_start_like_numbers_stay_text() {
        let src = "date: 2024-05-26T08:00\nsummary: 2 năm\nslug: 10-nam\nauthor: 12 tác giả\n";
        let got = fast(src).expect("fast path taken");
        assert_eq!(got, engine(src));
    }
}
